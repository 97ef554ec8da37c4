//! Compute API v2 commands (`openstack.compute.v2`), one module per object as in OSC.

pub mod agent;
pub mod aggregate;
pub mod flavor;
pub mod host;
pub mod hypervisor;
pub mod hypervisor_stats;
pub mod keypair;
pub mod options;
pub mod server_group;
pub mod service;
pub mod usage;
// servers (compute-server)
pub mod console;
pub mod server;
pub mod server_action;
pub mod server_add_remove;
pub mod server_backup;
pub mod server_common;
pub mod server_event;
pub mod server_image;
pub mod server_migration;
pub mod server_share;
pub mod server_ssh;
pub mod server_volume;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every compute v2 command, by its multi-word name (OSC's `openstack.compute.v2` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("aggregate add host", Arc::new(aggregate::AddAggregateHost)),
        ("aggregate cache image", Arc::new(aggregate::CacheImageForAggregate)),
        ("aggregate create", Arc::new(aggregate::CreateAggregate)),
        ("aggregate delete", Arc::new(aggregate::DeleteAggregate)),
        ("aggregate list", Arc::new(aggregate::ListAggregate)),
        ("aggregate remove host", Arc::new(aggregate::RemoveAggregateHost)),
        ("aggregate set", Arc::new(aggregate::SetAggregate)),
        ("aggregate show", Arc::new(aggregate::ShowAggregate)),
        ("aggregate unset", Arc::new(aggregate::UnsetAggregate)),
        ("compute agent create", Arc::new(agent::CreateAgent)),
        ("compute agent delete", Arc::new(agent::DeleteAgent)),
        ("compute agent list", Arc::new(agent::ListAgent)),
        ("compute agent set", Arc::new(agent::SetAgent)),
        ("compute service delete", Arc::new(service::DeleteService)),
        ("compute service list", Arc::new(service::ListService)),
        ("compute service set", Arc::new(service::SetService)),
        ("flavor create", Arc::new(flavor::CreateFlavor)),
        ("flavor delete", Arc::new(flavor::DeleteFlavor)),
        ("flavor list", Arc::new(flavor::ListFlavor)),
        ("flavor set", Arc::new(flavor::SetFlavor)),
        ("flavor show", Arc::new(flavor::ShowFlavor)),
        ("flavor unset", Arc::new(flavor::UnsetFlavor)),
        ("host list", Arc::new(host::ListHost)),
        ("host set", Arc::new(host::SetHost)),
        ("host show", Arc::new(host::ShowHost)),
        ("hypervisor list", Arc::new(hypervisor::ListHypervisor)),
        ("hypervisor show", Arc::new(hypervisor::ShowHypervisor)),
        ("hypervisor stats show", Arc::new(hypervisor_stats::ShowHypervisorStats)),
        ("keypair create", Arc::new(keypair::CreateKeypair)),
        ("keypair delete", Arc::new(keypair::DeleteKeypair)),
        ("keypair list", Arc::new(keypair::ListKeypair)),
        ("keypair show", Arc::new(keypair::ShowKeypair)),
        ("server group create", Arc::new(server_group::CreateServerGroup)),
        ("server group delete", Arc::new(server_group::DeleteServerGroup)),
        ("server group list", Arc::new(server_group::ListServerGroup)),
        ("server group show", Arc::new(server_group::ShowServerGroup)),
        ("usage list", Arc::new(usage::ListUsage)),
        ("usage show", Arc::new(usage::ShowUsage)),
        // servers (compute-server)
        ("console connection show", Arc::new(console::ShowConsoleConnectionInformation)),
        ("console log show", Arc::new(console::ShowConsoleLog)),
        ("console url show", Arc::new(console::ShowConsoleURL)),
        ("server add fixed ip", Arc::new(server_add_remove::AddFixedIP)),
        ("server add floating ip", Arc::new(server_add_remove::AddFloatingIP)),
        ("server add network", Arc::new(server_add_remove::AddNetwork)),
        ("server add port", Arc::new(server_add_remove::AddPort)),
        ("server add security group", Arc::new(server_add_remove::AddServerSecurityGroup)),
        ("server add share", Arc::new(server_share::AddServerShare)),
        ("server add volume", Arc::new(server_add_remove::AddServerVolume)),
        ("server backup create", Arc::new(server_backup::CreateServerBackup)),
        ("server create", Arc::new(server::CreateServer)),
        ("server delete", Arc::new(server::DeleteServer)),
        ("server dump create", Arc::new(server_action::CreateServerDump)),
        ("server evacuate", Arc::new(server_action::EvacuateServer)),
        ("server event list", Arc::new(server_event::ListServerEvent)),
        ("server event show", Arc::new(server_event::ShowServerEvent)),
        ("server image create", Arc::new(server_image::CreateServerImage)),
        ("server list", Arc::new(server::ListServer)),
        ("server lock", Arc::new(server_action::LockServer)),
        ("server migrate", Arc::new(server_action::MigrateServer)),
        ("server migrate confirm", Arc::new(server_action::MigrateConfirm)),
        ("server migrate revert", Arc::new(server_action::MigrateRevert)),
        ("server migration abort", Arc::new(server_migration::AbortMigration)),
        ("server migration confirm", Arc::new(server_migration::ConfirmMigration)),
        ("server migration force complete", Arc::new(server_migration::ForceCompleteMigration)),
        ("server migration list", Arc::new(server_migration::ListMigration)),
        ("server migration revert", Arc::new(server_migration::RevertMigration)),
        ("server migration show", Arc::new(server_migration::ShowMigration)),
        ("server pause", Arc::new(server_action::PauseServer)),
        ("server reboot", Arc::new(server_action::RebootServer)),
        ("server rebuild", Arc::new(server_action::RebuildServer)),
        ("server remove fixed ip", Arc::new(server_add_remove::RemoveFixedIP)),
        ("server remove floating ip", Arc::new(server_add_remove::RemoveFloatingIP)),
        ("server remove network", Arc::new(server_add_remove::RemoveNetwork)),
        ("server remove port", Arc::new(server_add_remove::RemovePort)),
        ("server remove security group", Arc::new(server_add_remove::RemoveServerSecurityGroup)),
        ("server remove share", Arc::new(server_share::RemoveServerShare)),
        ("server remove volume", Arc::new(server_add_remove::RemoveServerVolume)),
        ("server rescue", Arc::new(server_action::RescueServer)),
        ("server resize", Arc::new(server_action::ResizeServer)),
        ("server resize confirm", Arc::new(server_action::ResizeConfirm)),
        ("server resize revert", Arc::new(server_action::ResizeRevert)),
        ("server restore", Arc::new(server_action::RestoreServer)),
        ("server resume", Arc::new(server_action::ResumeServer)),
        ("server set", Arc::new(server::SetServer)),
        ("server share list", Arc::new(server_share::ListServerShare)),
        ("server share show", Arc::new(server_share::ShowServerShare)),
        ("server shelve", Arc::new(server_action::ShelveServer)),
        ("server show", Arc::new(server::ShowServer)),
        ("server ssh", Arc::new(server_ssh::SshServer)),
        ("server start", Arc::new(server_action::StartServer)),
        ("server stop", Arc::new(server_action::StopServer)),
        ("server suspend", Arc::new(server_action::SuspendServer)),
        ("server unlock", Arc::new(server_action::UnlockServer)),
        ("server unpause", Arc::new(server_action::UnpauseServer)),
        ("server unrescue", Arc::new(server_action::UnrescueServer)),
        ("server unset", Arc::new(server::UnsetServer)),
        ("server unshelve", Arc::new(server_action::UnshelveServer)),
        ("server volume list", Arc::new(server_volume::ListServerVolume)),
        ("server volume set", Arc::new(server_volume::SetServerVolume)),
        ("server volume update", Arc::new(server_volume::UpdateServerVolume)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
