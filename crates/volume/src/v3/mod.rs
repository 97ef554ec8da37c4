//! Volume API v3 commands (`openstack.volume.v3`), one module per object as in OSC.

pub mod backup_record;
pub mod block_storage_cleanup;
pub mod block_storage_cluster;
pub mod block_storage_log_level;
pub mod block_storage_manage;
pub mod block_storage_resource_filter;
pub mod consistency_group;
pub mod consistency_group_snapshot;
pub mod qos_specs;
pub mod service;
pub mod volume;
pub mod volume_attachment;
pub mod volume_backend;
pub mod volume_backup;
pub mod volume_group;
pub mod volume_group_snapshot;
pub mod volume_group_type;
pub mod volume_host;
pub mod volume_message;
pub mod volume_snapshot;
pub mod volume_transfer_request;
pub mod volume_type;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every volume v3 command, by its multi-word name (OSC's `openstack.volume.v3` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("block storage cleanup", Arc::new(block_storage_cleanup::BlockStorageCleanup)),
        ("block storage cluster list", Arc::new(block_storage_cluster::ListBlockStorageCluster)),
        ("block storage cluster set", Arc::new(block_storage_cluster::SetBlockStorageCluster)),
        ("block storage cluster show", Arc::new(block_storage_cluster::ShowBlockStorageCluster)),
        ("block storage log level list", Arc::new(block_storage_log_level::BlockStorageLogLevelList)),
        ("block storage log level set", Arc::new(block_storage_log_level::BlockStorageLogLevelSet)),
        ("block storage resource filter list", Arc::new(block_storage_resource_filter::ListBlockStorageResourceFilter)),
        ("block storage resource filter show", Arc::new(block_storage_resource_filter::ShowBlockStorageResourceFilter)),
        ("block storage snapshot manageable list", Arc::new(block_storage_manage::BlockStorageManageSnapshots)),
        ("block storage volume manageable list", Arc::new(block_storage_manage::BlockStorageManageVolumes)),
        ("consistency group add volume", Arc::new(consistency_group::AddVolumeToConsistencyGroup)),
        ("consistency group create", Arc::new(consistency_group::CreateConsistencyGroup)),
        ("consistency group delete", Arc::new(consistency_group::DeleteConsistencyGroup)),
        ("consistency group list", Arc::new(consistency_group::ListConsistencyGroup)),
        ("consistency group remove volume", Arc::new(consistency_group::RemoveVolumeFromConsistencyGroup)),
        ("consistency group set", Arc::new(consistency_group::SetConsistencyGroup)),
        ("consistency group show", Arc::new(consistency_group::ShowConsistencyGroup)),
        ("consistency group snapshot create", Arc::new(consistency_group_snapshot::CreateConsistencyGroupSnapshot)),
        ("consistency group snapshot delete", Arc::new(consistency_group_snapshot::DeleteConsistencyGroupSnapshot)),
        ("consistency group snapshot list", Arc::new(consistency_group_snapshot::ListConsistencyGroupSnapshot)),
        ("consistency group snapshot show", Arc::new(consistency_group_snapshot::ShowConsistencyGroupSnapshot)),
        ("volume attachment complete", Arc::new(volume_attachment::CompleteVolumeAttachment)),
        ("volume attachment create", Arc::new(volume_attachment::CreateVolumeAttachment)),
        ("volume attachment delete", Arc::new(volume_attachment::DeleteVolumeAttachment)),
        ("volume attachment list", Arc::new(volume_attachment::ListVolumeAttachment)),
        ("volume attachment set", Arc::new(volume_attachment::SetVolumeAttachment)),
        ("volume attachment show", Arc::new(volume_attachment::ShowVolumeAttachment)),
        ("volume backend capability show", Arc::new(volume_backend::ShowCapability)),
        ("volume backend pool list", Arc::new(volume_backend::ListPool)),
        ("volume backup create", Arc::new(volume_backup::CreateVolumeBackup)),
        ("volume backup delete", Arc::new(volume_backup::DeleteVolumeBackup)),
        ("volume backup list", Arc::new(volume_backup::ListVolumeBackup)),
        ("volume backup record export", Arc::new(backup_record::ExportBackupRecord)),
        ("volume backup record import", Arc::new(backup_record::ImportBackupRecord)),
        ("volume backup restore", Arc::new(volume_backup::RestoreVolumeBackup)),
        ("volume backup set", Arc::new(volume_backup::SetVolumeBackup)),
        ("volume backup show", Arc::new(volume_backup::ShowVolumeBackup)),
        ("volume backup unset", Arc::new(volume_backup::UnsetVolumeBackup)),
        ("volume create", Arc::new(volume::CreateVolume)),
        ("volume delete", Arc::new(volume::DeleteVolume)),
        ("volume group add volume", Arc::new(volume_group::AddVolumesToGroup)),
        ("volume group create", Arc::new(volume_group::CreateVolumeGroup)),
        ("volume group delete", Arc::new(volume_group::DeleteVolumeGroup)),
        ("volume group failover", Arc::new(volume_group::FailoverVolumeGroup)),
        ("volume group list", Arc::new(volume_group::ListVolumeGroup)),
        ("volume group remove volume", Arc::new(volume_group::RemoveVolumesFromGroup)),
        ("volume group set", Arc::new(volume_group::SetVolumeGroup)),
        ("volume group show", Arc::new(volume_group::ShowVolumeGroup)),
        ("volume group snapshot create", Arc::new(volume_group_snapshot::CreateVolumeGroupSnapshot)),
        ("volume group snapshot delete", Arc::new(volume_group_snapshot::DeleteVolumeGroupSnapshot)),
        ("volume group snapshot list", Arc::new(volume_group_snapshot::ListVolumeGroupSnapshot)),
        ("volume group snapshot show", Arc::new(volume_group_snapshot::ShowVolumeGroupSnapshot)),
        ("volume group type create", Arc::new(volume_group_type::CreateVolumeGroupType)),
        ("volume group type delete", Arc::new(volume_group_type::DeleteVolumeGroupType)),
        ("volume group type list", Arc::new(volume_group_type::ListVolumeGroupType)),
        ("volume group type set", Arc::new(volume_group_type::SetVolumeGroupType)),
        ("volume group type show", Arc::new(volume_group_type::ShowVolumeGroupType)),
        ("volume host failover", Arc::new(volume_host::FailoverVolumeHost)),
        ("volume host set", Arc::new(volume_host::SetVolumeHost)),
        ("volume list", Arc::new(volume::ListVolume)),
        ("volume message delete", Arc::new(volume_message::DeleteMessage)),
        ("volume message list", Arc::new(volume_message::ListMessages)),
        ("volume message show", Arc::new(volume_message::ShowMessage)),
        ("volume migrate", Arc::new(volume::MigrateVolume)),
        ("volume qos associate", Arc::new(qos_specs::AssociateQos)),
        ("volume qos create", Arc::new(qos_specs::CreateQos)),
        ("volume qos delete", Arc::new(qos_specs::DeleteQos)),
        ("volume qos disassociate", Arc::new(qos_specs::DisassociateQos)),
        ("volume qos list", Arc::new(qos_specs::ListQos)),
        ("volume qos set", Arc::new(qos_specs::SetQos)),
        ("volume qos show", Arc::new(qos_specs::ShowQos)),
        ("volume qos unset", Arc::new(qos_specs::UnsetQos)),
        ("volume revert", Arc::new(volume::VolumeRevertToSnapshot)),
        ("volume service list", Arc::new(service::ListService)),
        ("volume service set", Arc::new(service::SetService)),
        ("volume set", Arc::new(volume::SetVolume)),
        ("volume show", Arc::new(volume::ShowVolume)),
        ("volume snapshot create", Arc::new(volume_snapshot::CreateVolumeSnapshot)),
        ("volume snapshot delete", Arc::new(volume_snapshot::DeleteVolumeSnapshot)),
        ("volume snapshot list", Arc::new(volume_snapshot::ListVolumeSnapshot)),
        ("volume snapshot set", Arc::new(volume_snapshot::SetVolumeSnapshot)),
        ("volume snapshot show", Arc::new(volume_snapshot::ShowVolumeSnapshot)),
        ("volume snapshot unset", Arc::new(volume_snapshot::UnsetVolumeSnapshot)),
        ("volume summary", Arc::new(volume::VolumeSummary)),
        ("volume transfer request accept", Arc::new(volume_transfer_request::AcceptTransferRequest)),
        ("volume transfer request create", Arc::new(volume_transfer_request::CreateTransferRequest)),
        ("volume transfer request delete", Arc::new(volume_transfer_request::DeleteTransferRequest)),
        ("volume transfer request list", Arc::new(volume_transfer_request::ListTransferRequest)),
        ("volume transfer request show", Arc::new(volume_transfer_request::ShowTransferRequest)),
        ("volume type create", Arc::new(volume_type::CreateVolumeType)),
        ("volume type delete", Arc::new(volume_type::DeleteVolumeType)),
        ("volume type list", Arc::new(volume_type::ListVolumeType)),
        ("volume type set", Arc::new(volume_type::SetVolumeType)),
        ("volume type show", Arc::new(volume_type::ShowVolumeType)),
        ("volume type unset", Arc::new(volume_type::UnsetVolumeType)),
        ("volume unset", Arc::new(volume::UnsetVolume)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
