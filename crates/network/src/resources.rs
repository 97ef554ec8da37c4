//! The network resource classes as data (openstacksdk's `openstack/network/v2/*.py`): where each lives, its query
//! mapping, and its attributes with their body keys and types, in the order `to_dict` gives them.

use osc_lib::Method;

use crate::common::{Any, Bool, Computed, Dict, Int, List, NetResource, Tags};
use openstack_sdk::Resource;

// ==== network-core: networks, subnets, subnet pools, ports, routers, floating IPs, security groups and rules,
// ==== default security group rules and statefulness, address scopes and groups ====

/// openstacksdk's `network.v2.network.Network`.
pub const NETWORK: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Network",
        key: "network",
        plural: "networks",
        base_path: "/networks",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("name", "name"),
            ("status", "status"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("id", "id"),
            ("ipv4_address_scope_id", "ipv4_address_scope"),
            ("ipv6_address_scope_id", "ipv6_address_scope"),
            ("is_admin_state_up", "admin_state_up"),
            ("is_port_security_enabled", "port_security_enabled"),
            ("is_router_external", "router:external"),
            ("is_shared", "shared"),
            ("provider_network_type", "provider:network_type"),
            ("provider_physical_network", "provider:physical_network"),
            ("provider_segmentation_id", "provider:segmentation_id"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("availability_zone_hints", "availability_zone_hints", List),
        ("availability_zones", "availability_zones", List),
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("dns_domain", "dns_domain", Any),
        ("ipv4_address_scope_id", "ipv4_address_scope", Any),
        ("ipv6_address_scope_id", "ipv6_address_scope", Any),
        ("is_admin_state_up", "admin_state_up", Bool),
        ("is_default", "is_default", Bool),
        ("is_port_security_enabled", "port_security_enabled", Bool),
        ("is_router_external", "router:external", Bool),
        ("is_shared", "shared", Bool),
        ("mtu", "mtu", Int),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("provider_network_type", "provider:network_type", Any),
        (
            "provider_physical_network",
            "provider:physical_network",
            Any,
        ),
        ("provider_segmentation_id", "provider:segmentation_id", Any),
        ("pvlan", "pvlan", Bool),
        ("qos_policy_id", "qos_policy_id", Any),
        ("segments", "segments", List),
        ("status", "status", Any),
        ("subnet_ids", "subnets", List),
        ("updated_at", "updated_at", Any),
        ("is_vlan_transparent", "vlan_transparent", Bool),
        ("is_vlan_qinq", "vlan_qinq", Bool),
        ("revision_number", "revision_number", Int),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.subnet.Subnet`.
pub const SUBNET: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Subnet",
        key: "subnet",
        plural: "subnets",
        base_path: "/subnets",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("cidr", "cidr"),
            ("description", "description"),
            ("fields", "fields"),
            ("gateway_ip", "gateway_ip"),
            ("id", "id"),
            ("ip_version", "ip_version"),
            ("ipv6_address_mode", "ipv6_address_mode"),
            ("ipv6_ra_mode", "ipv6_ra_mode"),
            ("name", "name"),
            ("network_id", "network_id"),
            ("segment_id", "segment_id"),
            ("dns_publish_fixed_ip", "dns_publish_fixed_ip"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("is_dhcp_enabled", "enable_dhcp"),
            ("subnet_pool_id", "subnetpool_id"),
            ("use_default_subnet_pool", "use_default_subnetpool"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("allocation_pools", "allocation_pools", List),
        ("cidr", "cidr", Any),
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("dns_nameservers", "dns_nameservers", List),
        ("dns_publish_fixed_ip", "dns_publish_fixed_ip", Bool),
        ("gateway_ip", "gateway_ip", Any),
        ("host_routes", "host_routes", List),
        ("ip_version", "ip_version", Int),
        ("ipv6_address_mode", "ipv6_address_mode", Any),
        ("ipv6_ra_mode", "ipv6_ra_mode", Any),
        ("is_dhcp_enabled", "enable_dhcp", Bool),
        ("name", "name", Any),
        ("network_id", "network_id", Any),
        ("prefix_length", "prefixlen", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("segment_id", "segment_id", Any),
        ("service_types", "service_types", List),
        ("subnet_pool_id", "subnetpool_id", Any),
        ("updated_at", "updated_at", Any),
        ("use_default_subnet_pool", "use_default_subnetpool", Bool),
        ("revision_number", "revision_number", Int),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.subnet_pool.SubnetPool`.
pub const SUBNET_POOL: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "SubnetPool",
        key: "subnetpool",
        plural: "subnetpools",
        base_path: "/subnetpools",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("address_scope_id", "address_scope_id"),
            ("description", "description"),
            ("fields", "fields"),
            ("ip_version", "ip_version"),
            ("is_default", "is_default"),
            ("name", "name"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("is_shared", "shared"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("address_scope_id", "address_scope_id", Any),
        ("created_at", "created_at", Any),
        ("default_prefix_length", "default_prefixlen", Int),
        ("default_quota", "default_quota", Int),
        ("description", "description", Any),
        ("ip_version", "ip_version", Int),
        ("is_default", "is_default", Bool),
        ("is_shared", "shared", Bool),
        ("maximum_prefix_length", "max_prefixlen", Int),
        ("minimum_prefix_length", "min_prefixlen", Int),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("prefixes", "prefixes", List),
        ("revision_number", "revision_number", Int),
        ("updated_at", "updated_at", Any),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.port.Port`.
pub const PORT: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Port",
        key: "port",
        plural: "ports",
        base_path: "/ports",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("binding:host_id", "binding:host_id"),
            ("binding:profile", "binding:profile"),
            ("binding:vif_details", "binding:vif_details"),
            ("binding:vif_type", "binding:vif_type"),
            ("binding:vnic_type", "binding:vnic_type"),
            ("description", "description"),
            ("device_id", "device_id"),
            ("device_owner", "device_owner"),
            ("fields", "fields"),
            ("fixed_ips", "fixed_ips"),
            ("id", "id"),
            ("ip_address", "ip_address"),
            ("mac_address", "mac_address"),
            ("name", "name"),
            ("network_id", "network_id"),
            ("status", "status"),
            ("subnet_id", "subnet_id"),
            ("project_id", "project_id"),
            ("security_groups", "security_groups"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("tenant_id", "project_id"),
            ("is_admin_state_up", "admin_state_up"),
            ("is_port_security_enabled", "port_security_enabled"),
            ("security_group_ids", "security_groups"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("allowed_address_pairs", "allowed_address_pairs", List),
        ("binding_host_id", "binding:host_id", Any),
        ("binding_profile", "binding:profile", Dict),
        ("binding_vif_details", "binding:vif_details", Dict),
        ("binding_vif_type", "binding:vif_type", Any),
        ("binding_vnic_type", "binding:vnic_type", Any),
        ("created_at", "created_at", Any),
        ("data_plane_status", "data_plane_status", Any),
        ("description", "description", Any),
        ("device_id", "device_id", Any),
        ("device_owner", "device_owner", Any),
        ("device_profile", "device_profile", Any),
        ("dns_assignment", "dns_assignment", List),
        ("dns_domain", "dns_domain", Any),
        ("dns_name", "dns_name", Any),
        ("extra_dhcp_opts", "extra_dhcp_opts", List),
        ("fixed_ips", "fixed_ips", List),
        ("hardware_offload_type", "hardware_offload_type", Any),
        ("ip_allocation", "ip_allocation", Any),
        ("is_admin_state_up", "admin_state_up", Bool),
        ("is_port_security_enabled", "port_security_enabled", Bool),
        ("mac_address", "mac_address", Any),
        ("name", "name", Any),
        ("network_id", "network_id", Any),
        ("numa_affinity_policy", "numa_affinity_policy", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("propagate_uplink_status", "propagate_uplink_status", Bool),
        ("pvlan_type", "pvlan_type", Any),
        ("pvlan_community", "pvlan_community", Any),
        ("qos_network_policy_id", "qos_network_policy_id", Any),
        ("qos_policy_id", "qos_policy_id", Any),
        ("resource_request", "resource_request", Dict),
        ("security_group_ids", "security_groups", List),
        ("status", "status", Any),
        ("trunk_details", "trunk_details", Dict),
        ("trusted", "trusted", Bool),
        ("updated_at", "updated_at", Any),
        ("revision_number", "revision_number", Int),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.router.Router`.
pub const ROUTER: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Router",
        key: "router",
        plural: "routers",
        base_path: "/routers",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("flavor_id", "flavor_id"),
            ("id", "id"),
            ("name", "name"),
            ("status", "status"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("is_admin_state_up", "admin_state_up"),
            ("is_distributed", "distributed"),
            ("is_ha", "ha"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("availability_zone_hints", "availability_zone_hints", List),
        ("availability_zones", "availability_zones", List),
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("enable_ndp_proxy", "enable_ndp_proxy", Bool),
        ("evpn_vni", "evpn_vni", Int),
        ("external_gateway_info", "external_gateway_info", Dict),
        ("flavor_id", "flavor_id", Any),
        ("is_admin_state_up", "admin_state_up", Bool),
        ("is_distributed", "distributed", Bool),
        ("is_ha", "ha", Bool),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("revision_number", "revision", Int),
        ("routes", "routes", List),
        ("status", "status", Any),
        ("updated_at", "updated_at", Any),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &["revision_number"],
};

/// openstacksdk's `network.v2.floating_ip.FloatingIP`.
pub const FLOATING_IP: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "FloatingIP",
        name_key: "floating_ip_address",
        key: "floatingip",
        plural: "floatingips",
        base_path: "/floatingips",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fixed_ip_address", "fixed_ip_address"),
            ("floating_ip_address", "floating_ip_address"),
            ("floating_network_id", "floating_network_id"),
            ("id", "id"),
            ("fields", "fields"),
            ("port_id", "port_id"),
            ("router_id", "router_id"),
            ("status", "status"),
            ("subnet_id", "subnet_id"),
            ("project_id", "project_id"),
            ("tenant_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("dns_domain", "dns_domain", Any),
        ("dns_name", "dns_name", Any),
        ("fixed_ip_address", "fixed_ip_address", Any),
        ("floating_ip_address", "floating_ip_address", Any),
        ("name", "floating_ip_address", Any),
        ("floating_network_id", "floating_network_id", Any),
        ("port_details", "port_details", Dict),
        ("port_id", "port_id", Any),
        ("qos_policy_id", "qos_policy_id", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("router_id", "router_id", Any),
        ("status", "status", Any),
        ("updated_at", "updated_at", Any),
        ("subnet_id", "subnet_id", Any),
        ("revision_number", "revision_number", Int),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &["name"],
};

/// openstacksdk's `network.v2.security_group.SecurityGroup`.
pub const SECURITY_GROUP: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "SecurityGroup",
        key: "security_group",
        plural: "security_groups",
        base_path: "/security-groups",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("id", "id"),
            ("name", "name"),
            ("stateful", "stateful"),
            ("project_id", "project_id"),
            ("tenant_id", "tenant_id"),
            ("revision_number", "revision_number"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("is_shared", "shared"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("name", "name", Any),
        ("stateful", "stateful", Any),
        ("project_id", "project_id", Any),
        ("security_group_rules", "security_group_rules", List),
        ("tenant_id", "tenant_id", Any),
        ("updated_at", "updated_at", Any),
        ("is_shared", "shared", Bool),
        ("revision_number", "revision_number", Int),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.security_group_rule.SecurityGroupRule`.
pub const SECURITY_GROUP_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "SecurityGroupRule",
        key: "security_group_rule",
        plural: "security_group_rules",
        base_path: "/security-group-rules",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("direction", "direction"),
            ("fields", "fields"),
            ("id", "id"),
            ("protocol", "protocol"),
            ("remote_group_id", "remote_group_id"),
            ("security_group_id", "security_group_id"),
            ("remote_address_group_id", "remote_address_group_id"),
            ("port_range_max", "port_range_max"),
            ("port_range_min", "port_range_min"),
            ("remote_ip_prefix", "remote_ip_prefix"),
            ("revision_number", "revision_number"),
            ("project_id", "project_id"),
            ("tenant_id", "tenant_id"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("ether_type", "ethertype"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("direction", "direction", Any),
        ("ether_type", "ethertype", Any),
        ("port_range_max", "port_range_max", Int),
        ("port_range_min", "port_range_min", Int),
        ("project_id", "project_id", Any),
        ("protocol", "protocol", Any),
        ("remote_group_id", "remote_group_id", Any),
        ("remote_address_group_id", "remote_address_group_id", Any),
        ("remote_ip_prefix", "remote_ip_prefix", Any),
        ("security_group_id", "security_group_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("updated_at", "updated_at", Any),
        ("revision_number", "revision_number", Int),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.default_security_group_rule.DefaultSecurityGroupRule`.
pub const DEFAULT_SECURITY_GROUP_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "DefaultSecurityGroupRule",
        key: "default_security_group_rule",
        plural: "default_security_group_rules",
        base_path: "/default-security-group-rules",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("id", "id"),
            ("description", "description"),
            ("fields", "fields"),
            ("remote_group_id", "remote_group_id"),
            ("remote_address_group_id", "remote_address_group_id"),
            ("direction", "direction"),
            ("protocol", "protocol"),
            ("port_range_min", "port_range_min"),
            ("port_range_max", "port_range_max"),
            ("remote_ip_prefix", "remote_ip_prefix"),
            ("used_in_default_sg", "used_in_default_sg"),
            ("used_in_non_default_sg", "used_in_non_default_sg"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
            ("ether_type", "ethertype"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("description", "description", Any),
        ("remote_group_id", "remote_group_id", Any),
        ("remote_address_group_id", "remote_address_group_id", Any),
        ("direction", "direction", Any),
        ("protocol", "protocol", Any),
        ("port_range_min", "port_range_min", Int),
        ("port_range_max", "port_range_max", Int),
        ("remote_ip_prefix", "remote_ip_prefix", Any),
        ("ether_type", "ethertype", Any),
        ("used_in_default_sg", "used_in_default_sg", Bool),
        ("used_in_non_default_sg", "used_in_non_default_sg", Bool),
        ("revision_number", "revision_number", Int),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.address_scope.AddressScope`.
pub const ADDRESS_SCOPE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "AddressScope",
        key: "address_scope",
        plural: "address_scopes",
        base_path: "/address-scopes",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("fields", "fields"),
            ("name", "name"),
            ("ip_version", "ip_version"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("is_shared", "shared"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("ip_version", "ip_version", Int),
        ("is_shared", "shared", Bool),
        ("id", "id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.address_group.AddressGroup`.
pub const ADDRESS_GROUP: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "AddressGroup",
        key: "address_group",
        plural: "address_groups",
        base_path: "/address-groups",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("fields", "fields"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("name", "name"),
            ("description", "description"),
            ("project_id", "project_id"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("name", "name", Any),
        ("description", "description", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("addresses", "addresses", List),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.security_groups_default_statefulness.SecurityGroupsDefaultStatefulness`.
pub const SG_DEFAULT_STATEFULNESS: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "SecurityGroupsDefaultStatefulness",
        key: "security_group_default_statefulness",
        plural: "security_groups_default_statefulness",
        base_path: "/security-groups-default-statefulness",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("fields", "fields"),
            ("id", "id"),
            ("project_id", "project_id"),
            ("stateful", "stateful"),
            ("sort_dir", "sort_dir"),
            ("sort_key", "sort_key"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("project_id", "project_id", Any),
        ("stateful", "stateful", Bool),
        ("revision_number", "revision_number", Int),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

// ==== end of network-core ====

// ==== network-more: QoS, trunks, segments and ranges, RBAC, metering, network flavors and profiles, local IPs,
// ==== NDP proxies, conntrack helpers, port forwardings, agents, auto-allocated topology, service providers,
// ==== IP availability ====

/// openstacksdk's `network.v2.qos_policy.QoSPolicy`.
pub const QOS_POLICY: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "QoSPolicy",
        key: "policy",
        plural: "policies",
        base_path: "/qos/policies",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("name", "name"),
            ("description", "description"),
            ("fields", "fields"),
            ("id", "id"),
            ("is_default", "is_default"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("is_shared", "shared"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("description", "description", Any),
        ("is_default", "is_default", Bool),
        ("is_shared", "shared", Bool),
        ("rules", "rules", List),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.qos_bandwidth_limit_rule.QoSBandwidthLimitRule`.
pub const QOS_BANDWIDTH_LIMIT_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "QoSBandwidthLimitRule",
        key: "bandwidth_limit_rule",
        plural: "bandwidth_limit_rules",
        base_path: "/qos/policies/{qos_policy_id}/bandwidth_limit_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("max_kbps", "max_kbps", Any),
        ("max_burst_kbps", "max_burst_kbps", Any),
        ("direction", "direction", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.qos_dscp_marking_rule.QoSDSCPMarkingRule`.
pub const QOS_DSCP_MARKING_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "QoSDSCPMarkingRule",
        key: "dscp_marking_rule",
        plural: "dscp_marking_rules",
        base_path: "/qos/policies/{qos_policy_id}/dscp_marking_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("dscp_mark", "dscp_mark", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.qos_minimum_bandwidth_rule.QoSMinimumBandwidthRule`.
pub const QOS_MINIMUM_BANDWIDTH_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "QoSMinimumBandwidthRule",
        key: "minimum_bandwidth_rule",
        plural: "minimum_bandwidth_rules",
        base_path: "/qos/policies/{qos_policy_id}/minimum_bandwidth_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("min_kbps", "min_kbps", Any),
        ("direction", "direction", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.qos_minimum_packet_rate_rule.QoSMinimumPacketRateRule`.
pub const QOS_MINIMUM_PACKET_RATE_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "QoSMinimumPacketRateRule",
        key: "minimum_packet_rate_rule",
        plural: "minimum_packet_rate_rules",
        base_path: "/qos/policies/{qos_policy_id}/minimum_packet_rate_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("direction", "direction", Any),
        ("min_kpps", "min_kpps", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.qos_packet_rate_limit_rule.QoSPacketRateLimitRule`.
pub const QOS_PACKET_RATE_LIMIT_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "QoSPacketRateLimitRule",
        key: "packet_rate_limit_rule",
        plural: "packet_rate_limit_rules",
        base_path: "/qos/policies/{qos_policy_id}/packet_rate_limit_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("max_kpps", "max_kpps", Any),
        ("max_burst_kpps", "max_burst_kpps", Any),
        ("direction", "direction", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.qos_rule_type.QoSRuleType`.
pub const QOS_RULE_TYPE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "QoSRuleType",
        key: "rule_type",
        plural: "rule_types",
        base_path: "/qos/rule-types",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("type", "type"),
            ("drivers", "drivers"),
            ("fields", "fields"),
            ("all_rules", "all_rules"),
            ("all_supported", "all_supported"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("type", "type", Any),
        ("drivers", "drivers", List),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.trunk.Trunk`.
pub const TRUNK: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Trunk",
        key: "trunk",
        plural: "trunks",
        base_path: "/trunks",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("name", "name"),
            ("description", "description"),
            ("fields", "fields"),
            ("port_id", "port_id"),
            ("status", "status"),
            ("sub_ports", "sub_ports"),
            ("project_id", "project_id"),
            ("is_admin_state_up", "admin_state_up"),
            ("tags", "tags"),
            ("any_tags", "tags-any"),
            ("not_tags", "not-tags"),
            ("not_any_tags", "not-tags-any"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("description", "description", Any),
        ("is_admin_state_up", "admin_state_up", Bool),
        ("port_id", "port_id", Any),
        ("status", "status", Any),
        ("sub_ports", "sub_ports", List),
        ("id", "id", Any),
        ("location", "location", Computed),
        ("tags", "tags", Tags),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.segment.Segment`.
pub const SEGMENT: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Segment",
        key: "segment",
        plural: "segments",
        base_path: "/segments",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("name", "name"),
            ("network_id", "network_id"),
            ("network_type", "network_type"),
            ("physical_network", "physical_network"),
            ("segmentation_id", "segmentation_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("description", "description", Any),
        ("name", "name", Any),
        ("network_id", "network_id", Any),
        ("network_type", "network_type", Any),
        ("physical_network", "physical_network", Any),
        ("segmentation_id", "segmentation_id", Int),
        ("id", "id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.network_segment_range.NetworkSegmentRange`.
pub const NETWORK_SEGMENT_RANGE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "NetworkSegmentRange",
        key: "network_segment_range",
        plural: "network_segment_ranges",
        base_path: "/network_segment_ranges",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("name", "name"),
            ("default", "default"),
            ("fields", "fields"),
            ("shared", "shared"),
            ("project_id", "project_id"),
            ("network_type", "network_type"),
            ("physical_network", "physical_network"),
            ("minimum", "minimum"),
            ("maximum", "maximum"),
            ("used", "used"),
            ("available", "available"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("name", "name", Any),
        ("default", "default", Bool),
        ("shared", "shared", Bool),
        ("project_id", "project_id", Any),
        ("network_type", "network_type", Any),
        ("physical_network", "physical_network", Any),
        ("minimum", "minimum", Int),
        ("maximum", "maximum", Int),
        ("used", "used", Dict),
        ("available", "available", List),
        ("id", "id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.rbac_policy.RBACPolicy`.
pub const RBAC_POLICY: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "RBACPolicy",
        key: "rbac_policy",
        plural: "rbac_policies",
        base_path: "/rbac-policies",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("action", "action"),
            ("fields", "fields"),
            ("object_id", "object_id"),
            ("object_type", "object_type"),
            ("project_id", "project_id"),
            ("target_project_id", "target_tenant"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("object_id", "object_id", Any),
        ("target_project_id", "target_tenant", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("object_type", "object_type", Any),
        ("action", "action", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.metering_label.MeteringLabel`.
pub const METERING_LABEL: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "MeteringLabel",
        key: "metering_label",
        plural: "metering_labels",
        base_path: "/metering/metering-labels",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("name", "name"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("is_shared", "shared"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("description", "description", Any),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("is_shared", "shared", Bool),
        ("id", "id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.metering_label_rule.MeteringLabelRule`.
pub const METERING_LABEL_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "MeteringLabelRule",
        key: "metering_label_rule",
        plural: "metering_label_rules",
        base_path: "/metering/metering-label-rules",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("direction", "direction"),
            ("fields", "fields"),
            ("metering_label_id", "metering_label_id"),
            ("remote_ip_prefix", "remote_ip_prefix"),
            ("source_ip_prefix", "source_ip_prefix"),
            ("destination_ip_prefix", "destination_ip_prefix"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("direction", "direction", Any),
        ("is_excluded", "excluded", Bool),
        ("metering_label_id", "metering_label_id", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("remote_ip_prefix", "remote_ip_prefix", Any),
        ("source_ip_prefix", "source_ip_prefix", Any),
        ("destination_ip_prefix", "destination_ip_prefix", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.flavor.Flavor`.
pub const FLAVOR: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Flavor",
        key: "flavor",
        plural: "flavors",
        base_path: "/flavors",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("name", "name"),
            ("service_type", "service_type"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("is_enabled", "enabled"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("description", "description", Any),
        ("is_enabled", "enabled", Bool),
        ("name", "name", Any),
        ("service_type", "service_type", Any),
        ("service_profile_ids", "service_profiles", List),
        ("id", "id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.service_profile.ServiceProfile`.
pub const SERVICE_PROFILE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "ServiceProfile",
        key: "service_profile",
        plural: "service_profiles",
        base_path: "/service_profiles",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("driver", "driver"),
            ("project_id", "project_id"),
            ("is_enabled", "enabled"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("description", "description", Any),
        ("driver", "driver", Any),
        ("is_enabled", "enabled", Bool),
        ("meta_info", "metainfo", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.local_ip.LocalIP`.
pub const LOCAL_IP: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "LocalIP",
        key: "local_ip",
        plural: "local_ips",
        base_path: "/local_ips",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("name", "name"),
            ("description", "description"),
            ("fields", "fields"),
            ("project_id", "project_id"),
            ("network_id", "network_id"),
            ("local_port_id", "local_port_id"),
            ("local_ip_address", "local_ip_address"),
            ("ip_mode", "ip_mode"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("id", "id", Any),
        ("ip_mode", "ip_mode", Any),
        ("local_ip_address", "local_ip_address", Any),
        ("local_port_id", "local_port_id", Any),
        ("name", "name", Any),
        ("network_id", "network_id", Any),
        ("project_id", "project_id", Any),
        ("revision_number", "revision_number", Any),
        ("updated_at", "updated_at", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.local_ip_association.LocalIPAssociation`.
pub const LOCAL_IP_ASSOCIATION: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "LocalIPAssociation",
        key: "port_association",
        plural: "port_associations",
        base_path: "/local_ips/{local_ip_id}/port_associations",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("fields", "fields"),
            ("fixed_port_id", "fixed_port_id"),
            ("fixed_ip", "fixed_ip"),
            ("host", "host"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("fixed_port_id", "fixed_port_id", Any),
        ("fixed_ip", "fixed_ip", Any),
        ("host", "host", Any),
        ("local_ip_address", "local_ip_address", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.ndp_proxy.NDPProxy`.
pub const NDP_PROXY: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "NDPProxy",
        key: "ndp_proxy",
        plural: "ndp_proxies",
        base_path: "/ndp_proxies",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("name", "name"),
            ("description", "description"),
            ("fields", "fields"),
            ("project_id", "project_id"),
            ("router_id", "router_id"),
            ("port_id", "port_id"),
            ("ip_address", "ip_address"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("id", "id", Any),
        ("ip_address", "ip_address", Any),
        ("name", "name", Any),
        ("port_id", "port_id", Any),
        ("project_id", "project_id", Any),
        ("revision_number", "revision_number", Any),
        ("router_id", "router_id", Any),
        ("updated_at", "updated_at", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.l3_conntrack_helper.ConntrackHelper`.
pub const CONNTRACK_HELPER: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "ConntrackHelper",
        key: "conntrack_helper",
        plural: "conntrack_helpers",
        base_path: "/routers/{router_id}/conntrack_helpers",
        query: &[("limit", "limit"), ("marker", "marker")],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("helper", "helper", Any),
        ("protocol", "protocol", Any),
        ("port", "port", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &["router_id", "project_id", "tenant_id"],
};

/// openstacksdk's `network.v2.port_forwarding.PortForwarding`.
pub const PORT_FORWARDING: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "PortForwarding",
        key: "port_forwarding",
        plural: "port_forwardings",
        base_path: "/floatingips/{floatingip_id}/port_forwardings",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("fields", "fields"),
            ("internal_port_id", "internal_port_id"),
            ("external_port", "external_port"),
            ("protocol", "protocol"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("internal_port_id", "internal_port_id", Any),
        ("internal_ip_address", "internal_ip_address", Any),
        ("internal_port", "internal_port", Int),
        ("external_port", "external_port", Int),
        ("protocol", "protocol", Any),
        ("description", "description", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.agent.Agent`.
pub const AGENT: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Agent",
        key: "agent",
        plural: "agents",
        base_path: "/agents",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("agent_type", "agent_type"),
            ("availability_zone", "availability_zone"),
            ("binary", "binary"),
            ("description", "description"),
            ("fields", "fields"),
            ("host", "host"),
            ("topic", "topic"),
            ("is_admin_state_up", "admin_state_up"),
            ("is_alive", "alive"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("agent_type", "agent_type", Any),
        ("availability_zone", "availability_zone", Any),
        ("binary", "binary", Any),
        ("configuration", "configurations", Any),
        ("created_at", "created_at", Any),
        ("description", "description", Any),
        ("last_heartbeat_at", "heartbeat_timestamp", Any),
        ("host", "host", Any),
        ("is_admin_state_up", "admin_state_up", Bool),
        ("is_alive", "alive", Bool),
        ("resources_synced", "resources_synced", Bool),
        ("started_at", "started_at", Any),
        ("topic", "topic", Any),
        ("ha_state", "ha_state", Any),
        ("ha_chassis_priority", "ha_chassis_priority", Int),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.auto_allocated_topology.AutoAllocatedTopology`.
pub const AUTO_ALLOCATED_TOPOLOGY: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "AutoAllocatedTopology",
        key: "auto_allocated_topology",
        plural: "",
        base_path: "/auto-allocated-topology",
        query: &[("limit", "limit"), ("marker", "marker")],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.service_provider.ServiceProvider`.
pub const SERVICE_PROVIDER: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "ServiceProvider",
        key: "",
        plural: "service_providers",
        base_path: "/service-providers",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("fields", "fields"),
            ("service_type", "service_type"),
            ("name", "name"),
            ("is_default", "default"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("service_type", "service_type", Any),
        ("name", "name", Any),
        ("is_default", "default", Bool),
        ("id", "id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.network_ip_availability.NetworkIPAvailability`.
pub const NETWORK_IP_AVAILABILITY: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "NetworkIPAvailability",
        key: "network_ip_availability",
        plural: "network_ip_availabilities",
        base_path: "/network-ip-availabilities",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("fields", "fields"),
            ("ip_version", "ip_version"),
            ("network_id", "network_id"),
            ("network_name", "network_name"),
            ("project_id", "project_id"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("network_id", "network_id", Any),
        ("network_name", "network_name", Any),
        ("subnet_ip_availability", "subnet_ip_availability", List),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("total_ips", "total_ips", Int),
        ("used_ips", "used_ips", Int),
        ("ip_availability_details", "ip_availability_details", Dict),
        ("id", "id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.extension.Extension` (found by its alias, as `find_extension` does).
pub const EXTENSION: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "Extension",
        key: "extension",
        plural: "extensions",
        base_path: "/extensions",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..Resource::DEFAULT
    },
    attrs: &[
        ("alias", "alias", Any),
        ("description", "description", Any),
        ("links", "links", List),
        ("name", "name", Any),
        ("updated_at", "updated", Any),
        ("id", "id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// openstacksdk's `network.v2.agent.NetworkHostingDHCPAgent`: the DHCP agents of a network.
pub const NETWORK_HOSTING_DHCP_AGENT: NetResource = NetResource {
    resource: Resource {
        class: "NetworkHostingDHCPAgent",
        base_path: "/networks/{network_id}/dhcp-agents",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..AGENT.resource
    },
    ..AGENT
};

/// openstacksdk's `network.v2.agent.RouterL3Agent`: the L3 agents of a router.
pub const ROUTER_L3_AGENT: NetResource = NetResource {
    resource: Resource {
        class: "RouterL3Agent",
        base_path: "/routers/{router_id}/l3-agents",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..AGENT.resource
    },
    ..AGENT
};

// ==== end of network-more ====
