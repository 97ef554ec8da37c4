//! The network resource classes as data (openstacksdk's `openstack/network/v2/*.py`).

use osc_lib::Method;

use crate::display::{Class, Kind};
use openstack_sdk::Resource;

/// openstacksdk's defaults for a Neutron class: service `network`, updates by PUT.
pub const NEUTRON: Resource = Resource {
    service: "network",
    commit_method: Method::Put,
    ..Resource::DEFAULT
};

// ---- network-more: QoS, trunks, segments, RBAC, metering, flavors, local IPs, NDP proxies, conntrack helpers,
// ---- port forwardings, agents, auto-allocated topology, service providers, IP availability.

/// openstacksdk `network/v2` `QoSPolicy`.
pub const QOS_POLICY: Class = Class {
    resource: Resource {
        class: "QoSPolicy",
        key: "policy",
        plural: "policies",
        base_path: "/v2.0/qos/policies",
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
        ..NEUTRON
    },
    attrs: &[
        ("name", "name", Kind::Any),
        ("project_id", "project_id", Kind::Any),
        ("tenant_id", "tenant_id", Kind::Any),
        ("description", "description", Kind::Any),
        ("is_default", "is_default", Kind::Bool),
        ("is_shared", "shared", Kind::Bool),
        ("rules", "rules", Kind::Any),
        ("id", "id", Kind::Any),
        ("location", "location", Kind::Any),
        ("tags", "tags", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `QoSBandwidthLimitRule`.
pub const QOS_BANDWIDTH_LIMIT_RULE: Class = Class {
    resource: Resource {
        class: "QoSBandwidthLimitRule",
        key: "bandwidth_limit_rule",
        plural: "bandwidth_limit_rules",
        base_path: "/v2.0/qos/policies/{qos_policy_id}/bandwidth_limit_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..NEUTRON
    },
    attrs: &[
        ("max_kbps", "max_kbps", Kind::Any),
        ("max_burst_kbps", "max_burst_kbps", Kind::Any),
        ("direction", "direction", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `QoSDSCPMarkingRule`.
pub const QOS_DSCP_MARKING_RULE: Class = Class {
    resource: Resource {
        class: "QoSDSCPMarkingRule",
        key: "dscp_marking_rule",
        plural: "dscp_marking_rules",
        base_path: "/v2.0/qos/policies/{qos_policy_id}/dscp_marking_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..NEUTRON
    },
    attrs: &[
        ("dscp_mark", "dscp_mark", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `QoSMinimumBandwidthRule`.
pub const QOS_MINIMUM_BANDWIDTH_RULE: Class = Class {
    resource: Resource {
        class: "QoSMinimumBandwidthRule",
        key: "minimum_bandwidth_rule",
        plural: "minimum_bandwidth_rules",
        base_path: "/v2.0/qos/policies/{qos_policy_id}/minimum_bandwidth_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..NEUTRON
    },
    attrs: &[
        ("min_kbps", "min_kbps", Kind::Any),
        ("direction", "direction", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `QoSMinimumPacketRateRule`.
pub const QOS_MINIMUM_PACKET_RATE_RULE: Class = Class {
    resource: Resource {
        class: "QoSMinimumPacketRateRule",
        key: "minimum_packet_rate_rule",
        plural: "minimum_packet_rate_rules",
        base_path: "/v2.0/qos/policies/{qos_policy_id}/minimum_packet_rate_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..NEUTRON
    },
    attrs: &[
        ("direction", "direction", Kind::Any),
        ("min_kpps", "min_kpps", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `QoSPacketRateLimitRule`.
pub const QOS_PACKET_RATE_LIMIT_RULE: Class = Class {
    resource: Resource {
        class: "QoSPacketRateLimitRule",
        key: "packet_rate_limit_rule",
        plural: "packet_rate_limit_rules",
        base_path: "/v2.0/qos/policies/{qos_policy_id}/packet_rate_limit_rules",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..NEUTRON
    },
    attrs: &[
        ("max_kpps", "max_kpps", Kind::Any),
        ("max_burst_kpps", "max_burst_kpps", Kind::Any),
        ("direction", "direction", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `QoSRuleType`.
pub const QOS_RULE_TYPE: Class = Class {
    resource: Resource {
        class: "QoSRuleType",
        key: "rule_type",
        plural: "rule_types",
        base_path: "/v2.0/qos/rule-types",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("type", "type"),
            ("drivers", "drivers"),
            ("fields", "fields"),
            ("all_rules", "all_rules"),
            ("all_supported", "all_supported"),
        ],
        ..NEUTRON
    },
    attrs: &[
        ("type", "type", Kind::Any),
        ("drivers", "drivers", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `Trunk`.
pub const TRUNK: Class = Class {
    resource: Resource {
        class: "Trunk",
        key: "trunk",
        plural: "trunks",
        base_path: "/v2.0/trunks",
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
        ..NEUTRON
    },
    attrs: &[
        ("name", "name", Kind::Any),
        ("project_id", "project_id", Kind::Any),
        ("tenant_id", "tenant_id", Kind::Any),
        ("description", "description", Kind::Any),
        ("is_admin_state_up", "admin_state_up", Kind::Bool),
        ("port_id", "port_id", Kind::Any),
        ("status", "status", Kind::Any),
        ("sub_ports", "sub_ports", Kind::Any),
        ("id", "id", Kind::Any),
        ("location", "location", Kind::Any),
        ("tags", "tags", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `Segment`.
pub const SEGMENT: Class = Class {
    resource: Resource {
        class: "Segment",
        key: "segment",
        plural: "segments",
        base_path: "/v2.0/segments",
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
        ..NEUTRON
    },
    attrs: &[
        ("description", "description", Kind::Any),
        ("name", "name", Kind::Any),
        ("network_id", "network_id", Kind::Any),
        ("network_type", "network_type", Kind::Any),
        ("physical_network", "physical_network", Kind::Any),
        ("segmentation_id", "segmentation_id", Kind::Int),
        ("id", "id", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `NetworkSegmentRange`.
pub const NETWORK_SEGMENT_RANGE: Class = Class {
    resource: Resource {
        class: "NetworkSegmentRange",
        key: "network_segment_range",
        plural: "network_segment_ranges",
        base_path: "/v2.0/network_segment_ranges",
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
        ..NEUTRON
    },
    attrs: &[
        ("name", "name", Kind::Any),
        ("default", "default", Kind::Bool),
        ("shared", "shared", Kind::Bool),
        ("project_id", "project_id", Kind::Any),
        ("network_type", "network_type", Kind::Any),
        ("physical_network", "physical_network", Kind::Any),
        ("minimum", "minimum", Kind::Int),
        ("maximum", "maximum", Kind::Int),
        ("used", "used", Kind::Any),
        ("available", "available", Kind::Any),
        ("id", "id", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `RBACPolicy`.
pub const RBAC_POLICY: Class = Class {
    resource: Resource {
        class: "RBACPolicy",
        key: "rbac_policy",
        plural: "rbac_policies",
        base_path: "/v2.0/rbac-policies",
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
        ..NEUTRON
    },
    attrs: &[
        ("object_id", "object_id", Kind::Any),
        ("target_project_id", "target_tenant", Kind::Any),
        ("project_id", "project_id", Kind::Any),
        ("tenant_id", "tenant_id", Kind::Any),
        ("object_type", "object_type", Kind::Any),
        ("action", "action", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `MeteringLabel`.
pub const METERING_LABEL: Class = Class {
    resource: Resource {
        class: "MeteringLabel",
        key: "metering_label",
        plural: "metering_labels",
        base_path: "/v2.0/metering/metering-labels",
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
        ..NEUTRON
    },
    attrs: &[
        ("description", "description", Kind::Any),
        ("name", "name", Kind::Any),
        ("project_id", "project_id", Kind::Any),
        ("tenant_id", "tenant_id", Kind::Any),
        ("is_shared", "shared", Kind::Bool),
        ("id", "id", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `MeteringLabelRule`.
pub const METERING_LABEL_RULE: Class = Class {
    resource: Resource {
        class: "MeteringLabelRule",
        key: "metering_label_rule",
        plural: "metering_label_rules",
        base_path: "/v2.0/metering/metering-label-rules",
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
        ..NEUTRON
    },
    attrs: &[
        ("direction", "direction", Kind::Any),
        ("is_excluded", "excluded", Kind::Bool),
        ("metering_label_id", "metering_label_id", Kind::Any),
        ("project_id", "project_id", Kind::Any),
        ("tenant_id", "tenant_id", Kind::Any),
        ("remote_ip_prefix", "remote_ip_prefix", Kind::Any),
        ("source_ip_prefix", "source_ip_prefix", Kind::Any),
        ("destination_ip_prefix", "destination_ip_prefix", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `Flavor`.
pub const FLAVOR: Class = Class {
    resource: Resource {
        class: "Flavor",
        key: "flavor",
        plural: "flavors",
        base_path: "/v2.0/flavors",
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
        ..NEUTRON
    },
    attrs: &[
        ("description", "description", Kind::Any),
        ("is_enabled", "enabled", Kind::Bool),
        ("name", "name", Kind::Any),
        ("service_type", "service_type", Kind::Any),
        ("service_profile_ids", "service_profiles", Kind::Any),
        ("id", "id", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `ServiceProfile`.
pub const SERVICE_PROFILE: Class = Class {
    resource: Resource {
        class: "ServiceProfile",
        key: "service_profile",
        plural: "service_profiles",
        base_path: "/v2.0/service_profiles",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("driver", "driver"),
            ("project_id", "project_id"),
            ("is_enabled", "enabled"),
        ],
        ..NEUTRON
    },
    attrs: &[
        ("description", "description", Kind::Any),
        ("driver", "driver", Kind::Any),
        ("is_enabled", "enabled", Kind::Bool),
        ("meta_info", "metainfo", Kind::Any),
        ("project_id", "project_id", Kind::Any),
        ("tenant_id", "tenant_id", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `LocalIP`.
pub const LOCAL_IP: Class = Class {
    resource: Resource {
        class: "LocalIP",
        key: "local_ip",
        plural: "local_ips",
        base_path: "/v2.0/local_ips",
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
        ..NEUTRON
    },
    attrs: &[
        ("created_at", "created_at", Kind::Any),
        ("description", "description", Kind::Any),
        ("id", "id", Kind::Any),
        ("ip_mode", "ip_mode", Kind::Any),
        ("local_ip_address", "local_ip_address", Kind::Any),
        ("local_port_id", "local_port_id", Kind::Any),
        ("name", "name", Kind::Any),
        ("network_id", "network_id", Kind::Any),
        ("project_id", "project_id", Kind::Any),
        ("revision_number", "revision_number", Kind::Any),
        ("updated_at", "updated_at", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `LocalIPAssociation`.
pub const LOCAL_IP_ASSOCIATION: Class = Class {
    resource: Resource {
        class: "LocalIPAssociation",
        key: "port_association",
        plural: "port_associations",
        base_path: "/v2.0/local_ips/{local_ip_id}/port_associations",
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
        ..NEUTRON
    },
    attrs: &[
        ("fixed_port_id", "fixed_port_id", Kind::Any),
        ("fixed_ip", "fixed_ip", Kind::Any),
        ("host", "host", Kind::Any),
        ("local_ip_address", "local_ip_address", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `NDPProxy`.
pub const NDP_PROXY: Class = Class {
    resource: Resource {
        class: "NDPProxy",
        key: "ndp_proxy",
        plural: "ndp_proxies",
        base_path: "/v2.0/ndp_proxies",
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
        ..NEUTRON
    },
    attrs: &[
        ("created_at", "created_at", Kind::Any),
        ("description", "description", Kind::Any),
        ("id", "id", Kind::Any),
        ("ip_address", "ip_address", Kind::Any),
        ("name", "name", Kind::Any),
        ("port_id", "port_id", Kind::Any),
        ("project_id", "project_id", Kind::Any),
        ("revision_number", "revision_number", Kind::Any),
        ("router_id", "router_id", Kind::Any),
        ("updated_at", "updated_at", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `ConntrackHelper`.
pub const CONNTRACK_HELPER: Class = Class {
    resource: Resource {
        class: "ConntrackHelper",
        key: "conntrack_helper",
        plural: "conntrack_helpers",
        base_path: "/v2.0/routers/{router_id}/conntrack_helpers",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..NEUTRON
    },
    attrs: &[
        ("helper", "helper", Kind::Any),
        ("protocol", "protocol", Kind::Any),
        ("port", "port", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: false,
};

/// openstacksdk `network/v2` `PortForwarding`.
pub const PORT_FORWARDING: Class = Class {
    resource: Resource {
        class: "PortForwarding",
        key: "port_forwarding",
        plural: "port_forwardings",
        base_path: "/v2.0/floatingips/{floatingip_id}/port_forwardings",
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
        ..NEUTRON
    },
    attrs: &[
        ("internal_port_id", "internal_port_id", Kind::Any),
        ("internal_ip_address", "internal_ip_address", Kind::Any),
        ("internal_port", "internal_port", Kind::Int),
        ("external_port", "external_port", Kind::Int),
        ("protocol", "protocol", Kind::Any),
        ("description", "description", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `Agent`.
pub const AGENT: Class = Class {
    resource: Resource {
        class: "Agent",
        key: "agent",
        plural: "agents",
        base_path: "/v2.0/agents",
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
        ..NEUTRON
    },
    attrs: &[
        ("agent_type", "agent_type", Kind::Any),
        ("availability_zone", "availability_zone", Kind::Any),
        ("binary", "binary", Kind::Any),
        ("configuration", "configurations", Kind::Any),
        ("created_at", "created_at", Kind::Any),
        ("description", "description", Kind::Any),
        ("last_heartbeat_at", "heartbeat_timestamp", Kind::Any),
        ("host", "host", Kind::Any),
        ("is_admin_state_up", "admin_state_up", Kind::Bool),
        ("is_alive", "alive", Kind::Bool),
        ("resources_synced", "resources_synced", Kind::Bool),
        ("started_at", "started_at", Kind::Any),
        ("topic", "topic", Kind::Any),
        ("ha_state", "ha_state", Kind::Any),
        ("ha_chassis_priority", "ha_chassis_priority", Kind::Int),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `AutoAllocatedTopology`.
pub const AUTO_ALLOCATED_TOPOLOGY: Class = Class {
    resource: Resource {
        class: "AutoAllocatedTopology",
        key: "auto_allocated_topology",
        plural: "",
        base_path: "/v2.0/auto-allocated-topology",
        query: &[("limit", "limit"), ("marker", "marker")],
        ..NEUTRON
    },
    attrs: &[
        ("project_id", "project_id", Kind::Any),
        ("tenant_id", "tenant_id", Kind::Any),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `ServiceProvider`.
pub const SERVICE_PROVIDER: Class = Class {
    resource: Resource {
        class: "ServiceProvider",
        key: "",
        plural: "service_providers",
        base_path: "/v2.0/service-providers",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("fields", "fields"),
            ("service_type", "service_type"),
            ("name", "name"),
            ("is_default", "default"),
        ],
        ..NEUTRON
    },
    attrs: &[
        ("service_type", "service_type", Kind::Any),
        ("name", "name", Kind::Any),
        ("is_default", "default", Kind::Bool),
        ("id", "id", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};

/// openstacksdk `network/v2` `NetworkIPAvailability`.
pub const NETWORK_IP_AVAILABILITY: Class = Class {
    resource: Resource {
        class: "NetworkIPAvailability",
        key: "network_ip_availability",
        plural: "network_ip_availabilities",
        base_path: "/v2.0/network-ip-availabilities",
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
        ..NEUTRON
    },
    attrs: &[
        ("network_id", "network_id", Kind::Any),
        ("network_name", "network_name", Kind::Any),
        (
            "subnet_ip_availability",
            "subnet_ip_availability",
            Kind::Any,
        ),
        ("project_id", "project_id", Kind::Any),
        ("tenant_id", "tenant_id", Kind::Any),
        ("total_ips", "total_ips", Kind::Int),
        ("used_ips", "used_ips", Kind::Int),
        (
            "ip_availability_details",
            "ip_availability_details",
            Kind::Any,
        ),
        ("id", "id", Kind::Any),
        ("name", "name", Kind::Any),
        ("location", "location", Kind::Any),
    ],
    unknown_attrs: true,
};
