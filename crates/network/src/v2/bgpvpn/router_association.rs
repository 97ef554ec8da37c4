//! `bgpvpn router association create|delete|list|set|show|unset` (OSC's
//! `network/v2/bgpvpn/router_association.py`, openstacksdk `BgpVpnRouterAssociation`).

use cliff::{Args, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use super::association::AssocObject;
use crate::common::{self, plain, Any, Computed, NetResource};

/// openstacksdk's `network.v2.bgpvpn_router_association.BgpVpnRouterAssociation`.
pub const ROUTER_ASSOCIATION: NetResource = super::association::resource(
    "BgpVpnRouterAssociation",
    "router_association",
    "router_associations",
    "/bgpvpn/bgpvpns/{bgpvpn_id}/router_associations",
    &[
        ("id", "id", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("router_id", "router_id", Any),
        ("advertise_extra_routes", "advertise_extra_routes", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
);

const ADVERTISE: &str = "Routes will be advertised to the BGP VPN";
const NOT_ADVERTISE: &str = "Routes from the router will not be advertised to the BGP VPN";

/// `_get_common_parser(parser, action)`: `--advertise_extra_routes` or `--no-advertise_extra_routes` (their
/// helps swapped by unset).
fn add_options(parser: &mut Parser, action: &str) {
    let advertise = if action == "create" {
        format!("{ADVERTISE} (default)")
    } else {
        ADVERTISE.to_owned()
    };
    let (on, off) = if action == "unset" {
        (NOT_ADVERTISE, advertise.as_str())
    } else {
        (advertise.as_str(), NOT_ADVERTISE)
    };
    common::add_exclusive_flags(
        parser,
        &[
            ("--advertise_extra_routes", on),
            ("--no-advertise_extra_routes", off),
        ],
    );
}

/// `_args2body(action, args)`: `advertise_extra_routes` is always sent, `False` unless a flag says otherwise.
fn body(
    _cm: &mut ClientManager,
    action: &str,
    _bgpvpn_id: &str,
    args: &Args,
) -> Result<Map<String, Json>> {
    let value = if args.flag("advertise_extra_routes") {
        action != "unset"
    } else if args.flag("no_advertise_extra_routes") {
        action == "unset"
    } else {
        false
    };
    let mut attrs = Map::new();
    attrs.insert("advertise_extra_routes".into(), Json::Bool(value));
    Ok(attrs)
}

/// The commands' view of router associations.
pub static OBJECT: AssocObject = AssocObject {
    res: &ROUTER_ASSOCIATION,
    kind: "router",
    title: "Router",
    resource_dest: "resource",
    id_dest: "resource_association",
    descriptions: [
        "Create a BGP VPN router association",
        "Delete a BGP VPN router association(s) for a given BGP VPN",
        "List BGP VPN router associations for a given BGP VPN",
        "Show information of a given BGP VPN router association",
        "Set BGP VPN router association properties",
        "Unset BGP VPN router association properties",
    ],
    attr_map: &[
        ("id", "ID", false),
        ("project_id", "Project", true),
        ("router_id", "Router ID", false),
        ("advertise_extra_routes", "Advertise extra routes", true),
    ],
    formatter: plain,
    resource: &crate::resources::ROUTER,
    add_options: Some(add_options),
    body: Some(body),
    show: None,
    list_check: None,
};
