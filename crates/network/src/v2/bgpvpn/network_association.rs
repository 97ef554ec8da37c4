//! `bgpvpn network association create|delete|list|show` (OSC's `network/v2/bgpvpn/network_association.py`,
//! openstacksdk `BgpVpnNetworkAssociation`).

use cliff::{Output, Result};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use super::association::{plain_show, AssocObject};
use crate::common::{self, fail, plain, Any, Computed, NetResource};
use openstack_sdk::{id_of, Resource};

/// openstacksdk's `network.v2.bgpvpn_network_association.BgpVpnNetworkAssociation`.
pub const NETWORK_ASSOCIATION: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "BgpVpnNetworkAssociation",
        key: "network_association",
        plural: "network_associations",
        base_path: "/bgpvpn/bgpvpns/{bgpvpn_id}/network_associations",
        query: &[("limit", "limit"), ("marker", "marker")],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("network_id", "network_id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
    shadowed: &["bgpvpn_id"],
};

fn find_network_id(cm: &mut ClientManager, name_or_id: &str) -> Result<String> {
    Ok(id_of(&fail(common::find(
        cm,
        &crate::resources::NETWORK,
        name_or_id,
        &[],
    ))?))
}

fn show(item: &Json) -> Output {
    plain_show(&NETWORK_ASSOCIATION, item, plain)
}

/// The commands' view of network associations.
pub static OBJECT: AssocObject = AssocObject {
    res: &NETWORK_ASSOCIATION,
    kind: "network",
    title: "Network",
    resource_dest: "resource",
    id_dest: "resource_association",
    descriptions: [
        "Create a BGP VPN network association",
        "Delete a BGP VPN network association(s) for a given BGP VPN",
        "List BGP VPN network associations for a given BGP VPN",
        "Show information of a given BGP VPN network association",
        "",
        "",
    ],
    attr_map: &[
        ("id", "ID", false),
        ("project_id", "Project", true),
        ("network_id", "Network ID", false),
    ],
    formatter: plain,
    find_resource: find_network_id,
    add_options: None,
    body: None,
    show,
    list_check: None,
};
