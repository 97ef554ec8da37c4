//! Cinder's classes as data (openstacksdk `block_storage/v3/*.py`): paths, body keys, query mappings, the
//! highest microversion each class asks for, and the attributes `to_dict(original_names=True)` lists.

use openstack_sdk::Resource;

use crate::api::VolumeResource;

/// openstacksdk `volume.Volume`.
pub const VOLUME: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Volume",
        key: "volume",
        plural: "volumes",
        base_path: "/volumes",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("name", "name"),
            ("status", "status"),
            ("user_id", "user_id"),
            ("project_id", "project_id"),
            ("created_at", "created_at"),
            ("updated_at", "updated_at"),
            ("properties", "metadata"),
            ("all_projects", "all_tenants"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.71"),
    fields: &[
        "attachments",
        "availability_zone",
        "backup_id",
        "consistencygroup_id",
        "consumes_quota",
        "cluster_name",
        "created_at",
        "description",
        "encryption_key_id",
        "os-volume-replication:extended_status",
        "group_id",
        "os-vol-host-attr:host",
        "imageRef",
        "bootable",
        "encrypted",
        "multiattach",
        "os-vol-mig-status-attr:name_id",
        "os-vol-mig-status-attr:migstat",
        "os-vol-tenant-attr:tenant_id",
        "os-volume-replication:driver_data",
        "provider_id",
        "replication_status",
        "OS-SCH-HNT:scheduler_hints",
        "service_uuid",
        "shared_targets",
        "size",
        "snapshot_id",
        "source_volid",
        "status",
        "updated_at",
        "user_id",
        "volume_image_metadata",
        "volume_type",
        "volume_type_id",
        "id",
        "name",
        "location",
        "metadata",
    ],
};

/// openstacksdk `snapshot.Snapshot`.
pub const SNAPSHOT: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Snapshot",
        key: "snapshot",
        plural: "snapshots",
        base_path: "/snapshots",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("name", "name"),
            ("status", "status"),
            ("volume_id", "volume_id"),
            ("project_id", "project_id"),
            ("offset", "offset"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("sort", "sort"),
            ("all_projects", "all_tenants"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.65"),
    fields: &[
        "consumes_quota",
        "created_at",
        "description",
        "group_snapshot_id",
        "force",
        "os-extended-snapshot-attributes:progress",
        "os-extended-snapshot-attributes:project_id",
        "size",
        "status",
        "updated_at",
        "user_id",
        "volume_id",
        "id",
        "name",
        "location",
        "metadata",
    ],
};

/// openstacksdk `backup.Backup`.
pub const BACKUP: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Backup",
        key: "backup",
        plural: "backups",
        base_path: "/backups",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("offset", "offset"),
            ("project_id", "project_id"),
            ("name", "name"),
            ("status", "status"),
            ("volume_id", "volume_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("sort", "sort"),
            ("all_projects", "all_tenants"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.64"),
    fields: &[
        "availability_zone",
        "container",
        "created_at",
        "data_timestamp",
        "description",
        "encryption_key_id",
        "fail_reason",
        "force",
        "has_dependent_backups",
        "is_incremental",
        "links",
        "metadata",
        "name",
        "object_count",
        "os-backup-project-attr:project_id",
        "size",
        "snapshot_id",
        "status",
        "updated_at",
        "user_id",
        "volume_id",
        "volume_name",
        "id",
        "location",
    ],
};

/// openstacksdk `type.Type`.
pub const TYPE: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Type",
        key: "volume_type",
        plural: "volume_types",
        base_path: "/types",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("is_public", "is_public"),
            ("offset", "offset"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("sort", "sort"),
            ("all_projects", "all_tenants"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &[
        "description",
        "extra_specs",
        "os-volume-type-access:is_public",
        "id",
        "name",
        "location",
    ],
};

/// openstacksdk `type.TypeEncryption`.
pub const TYPE_ENCRYPTION: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "TypeEncryption",
        key: "encryption",
        plural: "encryption",
        base_path: "/types/{volume_type_id}/encryption",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &[
        "cipher",
        "control_location",
        "created_at",
        "deleted",
        "deleted_at",
        "encryption_id",
        "key_size",
        "provider",
        "updated_at",
        "id",
        "name",
        "location",
    ],
};

/// openstacksdk `qos_spec.QoSSpec`.
pub const QOS_SPEC: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "QoSSpec",
        key: "qos_specs",
        plural: "qos_specs",
        base_path: "/qos-specs",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("project_id", "project_id"),
            ("offset", "offset"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("sort", "sort"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &["consumer", "id", "name", "specs", "location"],
};

/// openstacksdk `transfer.Transfer`.
pub const TRANSFER: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Transfer",
        key: "transfer",
        plural: "transfers",
        base_path: "/volume-transfers",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.55"),
    fields: &[
        "id",
        "created_at",
        "name",
        "volume_id",
        "auth_key",
        "links",
        "no_snapshots",
        "location",
    ],
};

/// openstacksdk `attachment.Attachment`.
pub const ATTACHMENT: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Attachment",
        key: "attachment",
        plural: "attachments",
        base_path: "/attachments",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("id", "id"),
            ("status", "status"),
            ("project_id", "project_id"),
            ("volume_id", "volume_id"),
            ("instance_id", "instance_id"),
            ("all_projects", "all_tenants"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.71"),
    fields: &[
        "id",
        "status",
        "instance",
        "volume_id",
        "attach_time",
        "detach_time",
        "mode",
        "connection_info",
        "connector",
        "name",
        "location",
    ],
};

/// openstacksdk `group.Group`.
pub const GROUP: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Group",
        key: "group",
        plural: "groups",
        base_path: "/groups",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("offset", "offset"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("sort", "sort"),
            ("all_projects", "all_tenants"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.38"),
    fields: &[
        "availability_zone",
        "created_at",
        "description",
        "group_snapshot_id",
        "group_type",
        "project_id",
        "replication_targets",
        "replication_status",
        "source_group_id",
        "status",
        "volumes",
        "volume_types",
        "add_volumes",
        "remove_volumes",
        "id",
        "name",
        "location",
    ],
};

/// openstacksdk `group_type.GroupType`.
pub const GROUP_TYPE: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "GroupType",
        key: "group_type",
        plural: "group_types",
        base_path: "/group_types",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("is_public", "is_public"),
            ("offset", "offset"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("sort", "sort"),
            ("all_projects", "all_tenants"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.11"),
    fields: &[
        "description",
        "group_specs",
        "is_public",
        "id",
        "name",
        "location",
    ],
};

/// openstacksdk `group_snapshot.GroupSnapshot`.
pub const GROUP_SNAPSHOT: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "GroupSnapshot",
        key: "group_snapshot",
        plural: "group_snapshots",
        base_path: "/group_snapshots",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("offset", "offset"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("sort", "sort"),
            ("all_projects", "all_tenants"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.29"),
    fields: &[
        "created_at",
        "description",
        "group_id",
        "group_type_id",
        "id",
        "name",
        "project_id",
        "status",
        "location",
    ],
};

/// openstacksdk `consistency_group.ConsistencyGroup`.
pub const CONSISTENCY_GROUP: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "ConsistencyGroup",
        key: "consistencygroup",
        plural: "consistencygroups",
        base_path: "/consistencygroups",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("offset", "offset"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("sort", "sort"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &[
        "availability_zone",
        "created_at",
        "description",
        "name",
        "status",
        "volume_types",
        "add_volumes",
        "remove_volumes",
        "id",
        "location",
    ],
};

/// openstacksdk `consistency_group_snapshot.ConsistencyGroupSnapshot`.
pub const CG_SNAPSHOT: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "ConsistencyGroupSnapshot",
        key: "cgsnapshot",
        plural: "cgsnapshots",
        base_path: "/cgsnapshots",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("offset", "offset"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("sort", "sort"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &[
        "consistencygroup_id",
        "created_at",
        "description",
        "name",
        "status",
        "id",
        "location",
    ],
};

/// openstacksdk `message.Message`.
pub const MESSAGE: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Message",
        key: "messages",
        plural: "messages",
        base_path: "/messages",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("project_id", "project_id"),
            ("sort", "sort"),
            ("offset", "offset"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &[
        "created_at",
        "event_id",
        "guaranteed_until",
        "message_level",
        "request_id",
        "resource_type",
        "resource_uuid",
        "user_message",
        "id",
        "name",
        "location",
    ],
};

/// openstacksdk `service.Service`.
pub const SERVICE: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Service",
        key: "",
        plural: "services",
        base_path: "/os-services",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("binary", "binary"),
            ("host", "host"),
        ],
        // `name = Body("name", alias="binary")`: a service is found by its binary.
        name_key: "binary",
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.32"),
    fields: &[
        "active_backend_id",
        "zone",
        "backend_state",
        "binary",
        "cluster",
        "disabled_reason",
        "host",
        "frozen",
        "name",
        "replication_status",
        "state",
        "status",
        "updated_at",
        "id",
        "location",
    ],
};

/// openstacksdk `cluster.Cluster`.
pub const CLUSTER: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Cluster",
        key: "cluster",
        plural: "clusters",
        base_path: "/clusters",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("name", "name"),
            ("binary", "binary"),
            ("is_up", "is_up"),
            ("disabled", "disabled"),
            ("num_hosts", "num_hosts"),
            ("num_down_hosts", "num_down_hosts"),
            ("replication_status", "replication_status"),
            ("frozen", "frozen"),
            ("active_backend_id", "active_backend_id"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.26"),
    fields: &[
        "active_backend_id",
        "binary",
        "created_at",
        "disabled_reason",
        "frozen",
        "last_heartbeat",
        "name",
        "num_down_hosts",
        "num_hosts",
        "replication_status",
        "state",
        "status",
        "updated_at",
        "id",
        "location",
    ],
};

/// openstacksdk `resource_filter.ResourceFilter`.
pub const RESOURCE_FILTER: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "ResourceFilter",
        key: "",
        plural: "resource_filters",
        base_path: "/resource_filters",
        query: &[("resource", "resource")],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.33"),
    fields: &["filters", "resource", "id", "name", "location"],
};

/// openstacksdk `block_storage_summary.BlockStorageSummary`.
pub const SUMMARY: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "BlockStorageSummary",
        key: "",
        plural: "",
        base_path: "/volumes/summary",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..Resource::DEFAULT
    },
    max_microversion: Some("3.36"),
    fields: &[
        "total_size",
        "total_count",
        "metadata",
        "id",
        "name",
        "location",
    ],
};

/// openstacksdk `stats.Pools`.
pub const POOLS: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Pools",
        key: "",
        plural: "pools",
        base_path: "/scheduler-stats/get_pools",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &["name", "capabilities", "id", "location"],
};

/// openstacksdk `capabilities.Capabilities`.
pub const CAPABILITIES: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "Capabilities",
        key: "",
        plural: "",
        base_path: "/capabilities",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &[
        "description",
        "display_name",
        "driver_version",
        "namespace",
        "pool_name",
        "properties",
        "replication_targets",
        "storage_protocol",
        "vendor_name",
        "visibility",
        "volume_backend_name",
        "id",
        "name",
        "location",
    ],
};

/// openstacksdk `manageable_volume.ManageableVolume`.
pub const MANAGEABLE_VOLUME: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "ManageableVolume",
        key: "manageable-volume",
        plural: "manageable-volumes",
        base_path: "/manageable_volumes",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("host", "host"),
            ("cluster", "cluster"),
            ("offset", "offset"),
            ("sort", "sort"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &[
        "cinder_id",
        "extra_info",
        "reason_not_safe",
        "reference",
        "safe_to_manage",
        "size",
        "id",
        "name",
        "location",
    ],
};

/// openstacksdk `manageable_snapshot.ManageableSnapshot`.
pub const MANAGEABLE_SNAPSHOT: VolumeResource = VolumeResource {
    sdk: Resource {
        service: "block-storage",
        class: "ManageableSnapshot",
        key: "manageable-snapshot",
        plural: "manageable-snapshots",
        base_path: "/manageable_snapshots",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("host", "host"),
            ("cluster", "cluster"),
            ("offset", "offset"),
            ("sort", "sort"),
        ],
        ..Resource::DEFAULT
    },
    max_microversion: None,
    fields: &[
        "cinder_id",
        "extra_info",
        "reason_not_safe",
        "reference",
        "safe_to_manage",
        "size",
        "source_reference",
        "id",
        "name",
        "location",
    ],
};
