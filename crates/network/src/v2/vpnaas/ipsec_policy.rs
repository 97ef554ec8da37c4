//! `vpn ipsec policy create|delete|list|set|show` (OSC's `network/v2/vpnaas/ipsecpolicy.py`, openstacksdk
//! `VpnIpsecPolicy`).

use cliff::{Arg, ArgValue, Args, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::ike_policy::{
    auth_check, encryption_check, lifetime_option, pfs_check, policy_attrs, AUTH_ALGORITHMS,
    ENCRYPTION_ALGORITHMS, PFS_GROUPS,
};
use super::{choice_option, lower_choice, VpnForm, VpnObject};
use crate::common::{self, Any, Computed, Dict, Int, NetResource};
use openstack_sdk::Resource;

/// openstacksdk's `network.v2.vpn_ipsec_policy.VpnIpsecPolicy`.
pub const VPN_IPSEC_POLICY: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "VpnIpsecPolicy",
        key: "ipsecpolicy",
        plural: "ipsecpolicies",
        base_path: "/vpn/ipsecpolicies",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("auth_algorithm", "auth_algorithm"),
            ("description", "description"),
            ("fields", "fields"),
            ("encapsulation_mode", "encapsulation_mode"),
            ("encryption_algorithm", "encryption_algorithm"),
            ("name", "name"),
            ("pfs", "pfs"),
            ("project_id", "project_id"),
            ("phase1_negotiation_mode", "phase1_negotiation_mode"),
            ("transform_protocol", "transform_protocol"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("auth_algorithm", "auth_algorithm", Any),
        ("description", "description", Any),
        ("encapsulation_mode", "encapsulation_mode", Any),
        ("encryption_algorithm", "encryption_algorithm", Any),
        ("lifetime", "lifetime", Dict),
        ("name", "name", Any),
        ("pfs", "pfs", Any),
        ("project_id", "project_id", Any),
        ("phase1_negotiation_mode", "phase1_negotiation_mode", Any),
        ("transform_protocol", "transform_protocol", Any),
        ("units", "units", Any),
        ("value", "value", Int),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// The generic commands' view of IPsec policies.
pub static OBJECT: VpnObject = VpnObject {
    res: &VPN_IPSEC_POLICY,
    keeps_unknown: false,
    dest: "ipsecpolicy",
    metavar: "<ipsec-policy>",
    positional_help: [
        "IPsec policy to display (name or ID)",
        "ipsec policy to delete (name or ID)",
        "IPsec policy to set (name or ID)",
    ],
    descriptions: [
        "Display IPsec policy details",
        "Delete IPsec policy(policies)",
        "List IPsec policies that belong to a given project",
    ],
    columns: &[
        ("id", "ID", false),
        ("name", "Name", false),
        ("auth_algorithm", "Authentication Algorithm", false),
        ("encapsulation_mode", "Encapsulation Mode", false),
        ("transform_protocol", "Transform Protocol", false),
        ("encryption_algorithm", "Encryption Algorithm", false),
        ("pfs", "Perfect Forward Secrecy (PFS)", true),
        ("description", "Description", true),
        ("project_id", "Project", true),
        ("lifetime", "Lifetime", true),
    ],
    hidden: &[
        "location",
        "tenant_id",
        "phase1_negotiation_mode",
        "units",
        "value",
    ],
    formatter: common::plain,
    delete_what: "IPsec policy",
    delete_summary: "IPsec policy",
};

const ENCAPSULATION_MODES: &[&str] = &["tunnel", "transport"];
const TRANSFORM_PROTOCOLS: &[&str] = &["esp", "ah", "ah-esp"];

fn encapsulation_check(value: &ArgValue) -> std::result::Result<(), String> {
    lower_choice(value, ENCAPSULATION_MODES)
}

fn transform_check(value: &ArgValue) -> std::result::Result<(), String> {
    lower_choice(value, TRANSFORM_PROTOCOLS)
}

/// `_get_common_parser`.
fn add_common(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description of the IPsec policy"),
    );
    parser.add(choice_option(
        "--auth-algorithm",
        AUTH_ALGORITHMS,
        auth_check,
        "Authentication algorithm for IPsec policy",
    ));
    parser.add(choice_option(
        "--encapsulation-mode",
        ENCAPSULATION_MODES,
        encapsulation_check,
        "Encapsulation mode for IPsec policy",
    ));
    parser.add(choice_option(
        "--encryption-algorithm",
        ENCRYPTION_ALGORITHMS,
        encryption_check,
        "Encryption algorithm for IPsec policy",
    ));
    parser.add(lifetime_option("IPsec"));
    parser.add(choice_option(
        "--pfs",
        PFS_GROUPS,
        pfs_check,
        "Perfect Forward Secrecy for IPsec policy",
    ));
    parser.add(choice_option(
        "--transform-protocol",
        TRANSFORM_PROTOCOLS,
        transform_check,
        "Transform protocol for IPsec policy",
    ));
}

/// `_get_common_attrs`.
fn common_attrs(_ctx: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    policy_attrs(
        args,
        &[
            "auth_algorithm",
            "encapsulation_mode",
            "transform_protocol",
            "encryption_algorithm",
            "pfs",
        ],
    )
}

/// The create and set commands' view of IPsec policies.
pub static FORM: VpnForm = VpnForm {
    object: &OBJECT,
    descriptions: ["Create an IPsec policy", "Set IPsec policy properties"],
    name_help: "Name of the IPsec policy",
    add_common,
    common_attrs,
    create_extra: None,
    set_what: "IPsec policy",
};
