//! openstacksdk's compute v2 resource classes (`openstack/compute/v2/*.py`) as data: where each lives, its body
//! keys, the query parameters it knows and its newest microversion. The operations on them are the shared layer's
//! ([`openstack_sdk::proxy`]).

use openstack_sdk::Resource;

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
