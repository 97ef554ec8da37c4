//! openstacksdk's compute v2 resource classes (`openstack/compute/v2/*.py`) as data: where each lives, its body
//! keys, the query parameters it knows and its newest microversion. The operations on them are the shared layer's
//! ([`openstack_sdk::proxy`]).

use openstack_sdk::Resource;

/// Glance's image, as the image crate declares it (servers boot from images; snapshots and backups are images).
pub use image::resources::IMAGE;

/// Cinder's volume, as the volume crate declares it (boot from volume, `server add volume`).
pub const VOLUME: Resource = volume::resources::VOLUME.sdk;

/// Cinder's snapshot, as the volume crate declares it (boot from a snapshot).
pub const SNAPSHOT: Resource = volume::resources::SNAPSHOT.sdk;

/// The catalog service type of Nova.
pub const SERVICE_TYPE: &str = "compute";

/// What every compute class shares.
const COMPUTE: Resource = Resource {
    service: SERVICE_TYPE,
    ..Resource::DEFAULT
};

/// The pagination defaults every `QueryParameters` starts with.
macro_rules! query {
    ($($pair:expr),* $(,)?) => {
        &[("limit", "limit"), ("marker", "marker"), $($pair),*]
    };
}

// ---- flavors, keypairs, aggregates, hypervisors, services, server groups, usage, limits, quotas
// ---- (the compute-rest part: everything but servers)

/// `openstack.compute.v2.flavor.Flavor` (lists go to `/flavors/detail`: [`FLAVOR_LIST_PATH`]).
pub const FLAVOR: Resource = Resource {
    class: "Flavor",
    key: "flavor",
    plural: "flavors",
    base_path: "/flavors",
    query: query![
        ("sort_key", "sort_key"),
        ("sort_dir", "sort_dir"),
        ("is_public", "is_public"),
        ("min_disk", "minDisk"),
        ("min_ram", "minRam"),
    ],
    aliases: &[
        ("is_public", "os-flavor-access:is_public"),
        ("ephemeral", "OS-FLV-EXT-DATA:ephemeral"),
        ("is_disabled", "OS-FLV-DISABLED:disabled"),
    ],
    max_microversion: Some("2.61"),
    ..COMPUTE
};

/// `Flavor.list`'s base path.
pub const FLAVOR_LIST_PATH: &str = "/flavors/detail";

/// `openstack.compute.v2.keypair.Keypair` (its ID is its name).
pub const KEYPAIR: Resource = Resource {
    class: "Keypair",
    key: "keypair",
    plural: "keypairs",
    base_path: "/os-keypairs",
    query: query![("user_id", "user_id")],
    max_microversion: Some("2.10"),
    ..COMPUTE
};

/// `openstack.compute.v2.aggregate.Aggregate`.
pub const AGGREGATE: Resource = Resource {
    class: "Aggregate",
    key: "aggregate",
    plural: "aggregates",
    base_path: "/os-aggregates",
    commit_method: osc_lib::Method::Put,
    max_microversion: Some("2.81"),
    ..COMPUTE
};

/// `openstack.compute.v2.hypervisor.Hypervisor` (its name is `hypervisor_hostname`).
pub const HYPERVISOR: Resource = Resource {
    class: "Hypervisor",
    key: "hypervisor",
    plural: "hypervisors",
    base_path: "/os-hypervisors",
    query: query![
        ("hypervisor_hostname_pattern", "hypervisor_hostname_pattern"),
        ("with_servers", "with_servers"),
    ],
    name_key: "hypervisor_hostname",
    max_microversion: Some("2.88"),
    ..COMPUTE
};

/// `openstack.compute.v2.service.Service`.
pub const SERVICE: Resource = Resource {
    class: "Service",
    key: "service",
    plural: "services",
    base_path: "/os-services",
    query: query![("name", "binary"), ("binary", "binary"), ("host", "host")],
    commit_method: osc_lib::Method::Put,
    max_microversion: Some("2.69"),
    ..COMPUTE
};

/// `openstack.compute.v2.server_group.ServerGroup`.
pub const SERVER_GROUP: Resource = Resource {
    class: "ServerGroup",
    key: "server_group",
    plural: "server_groups",
    base_path: "/os-server-groups",
    query: query![("all_projects", "all_projects")],
    max_microversion: Some("2.64"),
    ..COMPUTE
};

/// `openstack.compute.v2.usage.Usage`.
pub const USAGE: Resource = Resource {
    class: "Usage",
    key: "tenant_usage",
    plural: "tenant_usages",
    base_path: "/os-simple-tenant-usage",
    query: &[
        ("detailed", "detailed"),
        ("limit", "limit"),
        ("marker", "marker"),
        ("start", "start"),
        ("end", "end"),
    ],
    max_microversion: Some("2.75"),
    ..COMPUTE
};

/// `openstack.compute.v2.availability_zone.AvailabilityZone` (`/os-availability-zone/detail` with `details`).
pub const AVAILABILITY_ZONE: Resource = Resource {
    class: "AvailabilityZone",
    plural: "availabilityZoneInfo",
    base_path: "/os-availability-zone",
    name_key: "zoneName",
    ..COMPUTE
};

/// `openstack.compute.v2.limits.Limits` (no microversion of its own: only its `AbsoluteLimits` declares one,
/// which no request carries).
pub const LIMITS: Resource = Resource {
    class: "Limits",
    key: "limits",
    base_path: "/limits",
    ..COMPUTE
};

/// `openstack.compute.v2.quota_set.QuotaSet`.
pub const QUOTA_SET: Resource = Resource {
    class: "QuotaSet",
    key: "quota_set",
    base_path: "/os-quota-sets",
    commit_method: osc_lib::Method::Put,
    max_microversion: Some("2.56"),
    ..COMPUTE
};

/// `openstack.compute.v2.extension.Extension` (its ID is its alias).
pub const EXTENSION: Resource = Resource {
    class: "Extension",
    key: "extension",
    plural: "extensions",
    base_path: "/extensions",
    ..COMPUTE
};

// ---------------------------------------------------------------------------------------------------------------
// servers (compute-server): `openstack/compute/v2/server*.py`, `volume_attachment.py`, `migration.py`
// ---------------------------------------------------------------------------------------------------------------

/// `Server._max_microversion`.
pub const SERVER_MAX_MICROVERSION: &str = "2.100";

/// `openstack.compute.v2.server.Server`.
pub const SERVER: Resource = Resource {
    class: "Server",
    key: "server",
    plural: "servers",
    base_path: "/servers",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("auto_disk_config", "auto_disk_config"),
        ("availability_zone", "availability_zone"),
        ("created_at", "created_at"),
        ("description", "description"),
        ("flavor", "flavor"),
        ("hostname", "hostname"),
        ("image", "image"),
        ("kernel_id", "kernel_id"),
        ("key_name", "key_name"),
        ("launch_index", "launch_index"),
        ("launched_at", "launched_at"),
        ("locked", "locked"),
        ("locked_by", "locked_by"),
        ("name", "name"),
        ("node", "node"),
        ("power_state", "power_state"),
        ("progress", "progress"),
        ("project_id", "project_id"),
        ("ramdisk_id", "ramdisk_id"),
        ("reservation_id", "reservation_id"),
        ("root_device_name", "root_device_name"),
        ("status", "status"),
        ("task_state", "task_state"),
        ("terminated_at", "terminated_at"),
        ("user_id", "user_id"),
        ("vm_state", "vm_state"),
        ("sort_key", "sort_key"),
        ("sort_dir", "sort_dir"),
        ("pinned_availability_zone", "pinned_availability_zone"),
        ("access_ipv4", "access_ip_v4"),
        ("access_ipv6", "access_ip_v6"),
        ("has_config_drive", "config_drive"),
        ("deleted_only", "deleted"),
        ("compute_host", "host"),
        ("is_soft_deleted", "soft_deleted"),
        ("ipv4_address", "ip"),
        ("ipv6_address", "ip6"),
        ("changes_since", "changes-since"),
        ("changes_before", "changes-before"),
        ("id", "uuid"),
        ("all_projects", "all_tenants"),
        ("tags", "tags"),
        ("any_tags", "tags-any"),
        ("not_tags", "not-tags"),
        ("not_any_tags", "not-tags-any"),
    ],
    ..COMPUTE
};

/// `ServerAction._max_microversion`.
pub const SERVER_ACTION_MAX_MICROVERSION: &str = "2.84";

/// `openstack.compute.v2.server_action.ServerAction` (instance actions, `server event *`).
pub const SERVER_ACTION: Resource = Resource {
    class: "ServerAction",
    key: "instanceAction",
    plural: "instanceActions",
    base_path: "/servers/{server_id}/os-instance-actions",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("changes_since", "changes-since"),
        ("changes_before", "changes-before"),
    ],
    name_key: "request_id",
    ..COMPUTE
};

/// `ServerMigration._max_microversion`.
pub const SERVER_MIGRATION_MAX_MICROVERSION: &str = "2.80";

/// `openstack.compute.v2.server_migration.ServerMigration`.
pub const SERVER_MIGRATION: Resource = Resource {
    class: "ServerMigration",
    key: "migration",
    plural: "migrations",
    base_path: "/servers/{server_id}/migrations",
    ..COMPUTE
};

/// `Migration._max_microversion`.
pub const MIGRATION_MAX_MICROVERSION: &str = "2.80";

/// `openstack.compute.v2.migration.Migration` (`/os-migrations`).
pub const MIGRATION: Resource = Resource {
    class: "Migration",
    key: "migration",
    plural: "migrations",
    base_path: "/os-migrations",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("host", "host"),
        ("status", "status"),
        ("migration_type", "migration_type"),
        ("source_compute", "source_compute"),
        ("user_id", "user_id"),
        ("project_id", "project_id"),
        ("changes_since", "changes-since"),
        ("changes_before", "changes-before"),
        ("server_id", "instance_uuid"),
    ],
    ..COMPUTE
};

/// `VolumeAttachment._max_microversion`.
pub const VOLUME_ATTACHMENT_MAX_MICROVERSION: &str = "2.89";

/// `openstack.compute.v2.volume_attachment.VolumeAttachment`.
pub const VOLUME_ATTACHMENT: Resource = Resource {
    class: "VolumeAttachment",
    key: "volumeAttachment",
    plural: "volumeAttachments",
    base_path: "/servers/{server_id}/os-volume_attachments",
    commit_method: osc_lib::Method::Put,
    ..COMPUTE
};

/// `openstack.compute.v2.server_interface.ServerInterface`.
pub const SERVER_INTERFACE: Resource = Resource {
    class: "ServerInterface",
    key: "interfaceAttachment",
    plural: "interfaceAttachments",
    base_path: "/servers/{server_id}/os-interface",
    ..COMPUTE
};

/// `ShareMapping._max_microversion`.
pub const SHARE_MAPPING_MAX_MICROVERSION: &str = "2.97";

/// `openstack.compute.v2.server_share.ShareMapping`.
pub const SHARE_MAPPING: Resource = Resource {
    class: "ShareMapping",
    key: "share",
    plural: "shares",
    base_path: "/servers/{server_id}/shares",
    ..COMPUTE
};

/// `Flavor._max_microversion`.
pub const FLAVOR_MAX_MICROVERSION: &str = "2.61";

// lookup-only: fold into the network crate at merge.
/// `openstack.network.v2.network.Network`, for finding networks by name or ID.
pub const NETWORK: Resource = Resource {
    service: "network",
    class: "Network",
    key: "network",
    plural: "networks",
    base_path: "/v2.0/networks",
    query: &[("limit", "limit"), ("marker", "marker"), ("name", "name")],
    ..Resource::DEFAULT
};

// lookup-only: fold into the network crate at merge.
/// `openstack.network.v2.port.Port`, for finding ports by name or ID.
pub const PORT: Resource = Resource {
    service: "network",
    class: "Port",
    key: "port",
    plural: "ports",
    base_path: "/v2.0/ports",
    query: &[("limit", "limit"), ("marker", "marker"), ("name", "name")],
    ..Resource::DEFAULT
};

// lookup-only: fold into the network crate at merge.
/// `openstack.network.v2.security_group.SecurityGroup`, for finding security groups by name or ID.
pub const SECURITY_GROUP: Resource = Resource {
    service: "network",
    class: "SecurityGroup",
    key: "security_group",
    plural: "security_groups",
    base_path: "/v2.0/security-groups",
    query: &[("limit", "limit"), ("marker", "marker"), ("name", "name")],
    ..Resource::DEFAULT
};

// lookup-only: fold into the network crate at merge.
/// `openstack.network.v2.floating_ip.FloatingIP`, for finding floating IPs by address or ID.
pub const FLOATING_IP: Resource = Resource {
    service: "network",
    class: "FloatingIP",
    key: "floatingip",
    plural: "floatingips",
    base_path: "/v2.0/floatingips",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("floating_ip_address", "floating_ip_address"),
    ],
    name_key: "floating_ip_address",
    ..Resource::DEFAULT
};

/// `openstack.compute.v2.console_auth_token.ConsoleAuthToken`.
pub const CONSOLE_AUTH_TOKEN: Resource = Resource {
    class: "ConsoleAuthToken",
    key: "console",
    plural: "consoles",
    base_path: "/os-console-auth-tokens",
    ..COMPUTE
};

// lookup-only: fold into a shared-file-system crate at merge.
/// `openstack.shared_file_system.v2.share.Share`, for finding shares by name or ID.
pub const SHARE: Resource = Resource {
    service: "shared-file-system",
    class: "Share",
    key: "share",
    plural: "shares",
    base_path: "/shares",
    query: &[("limit", "limit"), ("marker", "marker"), ("name", "name")],
    ..Resource::DEFAULT
};
