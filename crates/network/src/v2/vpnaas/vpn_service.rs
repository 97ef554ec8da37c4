//! `vpn service create|delete|list|set|show` (OSC's `network/v2/vpnaas/vpnservice.py`, openstacksdk
//! `VpnService`).

use cliff::{Arg, Args, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::{admin_state_attrs, found_id_attrs, given_attrs, VpnForm, VpnObject};
use crate::common::{self, Any, Bool, Computed, NetResource};
use crate::resources::{ROUTER, SUBNET};
use openstack_sdk::Resource;

/// openstacksdk's `network.v2.vpn_service.VpnService`.
pub const VPN_SERVICE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "VpnService",
        key: "vpnservice",
        plural: "vpnservices",
        base_path: "/vpn/vpnservices",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("external_v4_ip", "external_v4_ip"),
            ("external_v6_ip", "external_v6_ip"),
            ("name", "name"),
            ("router_id", "router_id"),
            ("project_id", "project_id"),
            ("tenant_id", "tenant_id"),
            ("subnet_id", "subnet_id"),
            ("is_admin_state_up", "admin_state_up"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("description", "description", Any),
        ("external_v4_ip", "external_v4_ip", Any),
        ("external_v6_ip", "external_v6_ip", Any),
        ("is_admin_state_up", "admin_state_up", Bool),
        ("name", "name", Any),
        ("router_id", "router_id", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("status", "status", Any),
        ("subnet_id", "subnet_id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// The generic commands' view of VPN services.
pub static OBJECT: VpnObject = VpnObject {
    res: &VPN_SERVICE,
    keeps_unknown: true,
    dest: "vpnservice",
    metavar: "<vpn-service>",
    positional_help: [
        "VPN service to display (name or ID)",
        "VPN service to delete (name or ID)",
        "VPN service to modify (name or ID)",
    ],
    descriptions: [
        "Display VPN service details",
        "Delete VPN service(s)",
        "List VPN services that belong to a given project",
    ],
    columns: &[
        ("id", "ID", false),
        ("name", "Name", false),
        ("router_id", "Router", false),
        ("subnet_id", "Subnet", false),
        ("flavor_id", "Flavor", false),
        ("is_admin_state_up", "State", false),
        ("status", "Status", false),
        ("description", "Description", true),
        ("project_id", "Project", true),
        ("external_v4_ip", "Ext v4 IP", true),
        ("external_v6_ip", "Ext v6 IP", true),
    ],
    hidden: &["location", "tenant_id"],
    formatter: common::plain,
    delete_what: "VPN service",
    delete_summary: "vpn service",
};

/// `_get_common_parser`.
fn add_common(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description for the VPN service"),
    );
    parser.add(
        Arg::option(&["--subnet"])
            .metavar("<subnet>")
            .help("Local private subnet (name or ID)"),
    );
    parser.add(
        Arg::option(&["--flavor"])
            .metavar("<flavor>")
            .help("Flavor for the VPN service (name or ID)"),
    );
    common::add_exclusive_flags(
        parser,
        &[
            ("--enable", "Enable VPN service"),
            ("--disable", "Disable VPN service"),
        ],
    );
}

/// `_get_common_attrs`: the subnet and flavor found by name or ID.
fn common_attrs(ctx: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    given_attrs(args, &mut attrs, &["description"]);
    found_id_attrs(ctx, args, &mut attrs, &[("subnet", &SUBNET, "subnet_id")])?;
    if let Some(flavor) = common::given(args, "flavor") {
        attrs.insert(
            "flavor_id".into(),
            Json::from(common::find_flavor_id(ctx, flavor)?),
        );
    }
    admin_state_attrs(args, &mut attrs);
    Ok(attrs)
}

/// Create's `--router`.
fn add_router(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--router"])
            .metavar("ROUTER")
            .required()
            .help("Router for the VPN service (name or ID)"),
    );
}

/// The router found by name or ID as `router_id`.
fn router_attr(ctx: &mut ClientManager, args: &Args, attrs: &mut Map<String, Json>) -> Result<()> {
    found_id_attrs(ctx, args, attrs, &[("router", &ROUTER, "router_id")])
}

/// The create and set commands' view of VPN services.
pub static FORM: VpnForm = VpnForm {
    object: &OBJECT,
    descriptions: ["Create an VPN service", "Set VPN service properties"],
    name_help: "Name for the VPN service",
    add_common,
    common_attrs,
    create_extra: Some((add_router, router_attr)),
    set_what: "vpn service",
};
