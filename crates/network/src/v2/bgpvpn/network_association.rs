//! `bgpvpn network association create|delete|list|show` (OSC's `network/v2/bgpvpn/network_association.py`,
//! openstacksdk `BgpVpnNetworkAssociation`).

use super::association::AssocObject;
use crate::common::{plain, Any, Computed, NetResource};

/// openstacksdk's `network.v2.bgpvpn_network_association.BgpVpnNetworkAssociation`.
pub const NETWORK_ASSOCIATION: NetResource = super::association::resource(
    "BgpVpnNetworkAssociation",
    "network_association",
    "network_associations",
    "/bgpvpn/bgpvpns/{bgpvpn_id}/network_associations",
    &[
        ("id", "id", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("network_id", "network_id", Any),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
);

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
    resource: &crate::resources::NETWORK,
    add_options: None,
    body: None,
    show: None,
    list_check: None,
};
