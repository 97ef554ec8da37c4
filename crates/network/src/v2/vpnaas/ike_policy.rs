//! `vpn ike policy create|delete|list|set|show` (OSC's `network/v2/vpnaas/ikepolicy.py`, openstacksdk
//! `VpnIkePolicy`).

use cliff::{Arg, ArgValue, Args, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::{
    choice_option, given_attrs, lower_attrs, lower_choice, multi_key_value_check,
    multi_key_value_given, VpnForm, VpnObject,
};
use crate::common::{self, Any, Computed, Dict, Int, NetResource};
use openstack_sdk::Resource;

/// openstacksdk's `network.v2.vpn_ike_policy.VpnIkePolicy`.
pub const VPN_IKE_POLICY: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "VpnIkePolicy",
        key: "ikepolicy",
        plural: "ikepolicies",
        base_path: "/vpn/ikepolicies",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("auth_algorithm", "auth_algorithm"),
            ("description", "description"),
            ("fields", "fields"),
            ("encryption_algorithm", "encryption_algorithm"),
            ("ike_version", "ike_version"),
            ("name", "name"),
            ("pfs", "pfs"),
            ("project_id", "project_id"),
            ("phase1_negotiation_mode", "phase1_negotiation_mode"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("auth_algorithm", "auth_algorithm", Any),
        ("description", "description", Any),
        ("encryption_algorithm", "encryption_algorithm", Any),
        ("ike_version", "ike_version", Any),
        ("lifetime", "lifetime", Dict),
        ("name", "name", Any),
        ("pfs", "pfs", Any),
        ("project_id", "project_id", Any),
        ("phase1_negotiation_mode", "phase1_negotiation_mode", Any),
        ("units", "units", Any),
        ("value", "value", Int),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// The generic commands' view of IKE policies.
pub static OBJECT: VpnObject = VpnObject {
    res: &VPN_IKE_POLICY,
    keeps_unknown: false,
    dest: "ikepolicy",
    metavar: "<ike-policy>",
    positional_help: [
        "IKE policy to display (name or ID)",
        "IKE policy to delete (name or ID)",
        "IKE policy to set (name or ID)",
    ],
    descriptions: [
        "Display IKE policy details",
        "Delete IKE policy (policies)",
        "List IKE policies that belong to a given project",
    ],
    columns: &[
        ("id", "ID", false),
        ("name", "Name", false),
        ("auth_algorithm", "Authentication Algorithm", false),
        ("encryption_algorithm", "Encryption Algorithm", false),
        ("ike_version", "IKE Version", false),
        ("pfs", "Perfect Forward Secrecy (PFS)", false),
        ("description", "Description", true),
        ("phase1_negotiation_mode", "Phase1 Negotiation Mode", true),
        ("project_id", "Project", true),
        ("lifetime", "Lifetime", true),
    ],
    hidden: &["location", "tenant_id", "units", "value"],
    formatter: common::plain,
    delete_what: "IKE policy",
    delete_summary: "IKE policy",
};

/// The authentication algorithms OSC offers (IKE and IPsec policies alike).
pub const AUTH_ALGORITHMS: &[&str] =
    &["sha1", "sha256", "sha384", "sha512", "aes-xcbc", "aes-cmac"];

/// The encryption algorithms OSC offers (IKE and IPsec policies alike).
pub const ENCRYPTION_ALGORITHMS: &[&str] = &[
    "3des",
    "aes-128",
    "aes-192",
    "aes-256",
    "aes-128-ccm-8",
    "aes-192-ccm-8",
    "aes-256-ccm-8",
    "aes-128-ccm-12",
    "aes-192-ccm-12",
    "aes-256-ccm-12",
    "aes-128-ccm-16",
    "aes-192-ccm-16",
    "aes-256-ccm-16",
    "aes-128-gcm-8",
    "aes-192-gcm-8",
    "aes-256-gcm-8",
    "aes-128-gcm-12",
    "aes-192-gcm-12",
    "aes-256-gcm-12",
    "aes-128-gcm-16",
    "aes-192-gcm-16",
    "aes-256-gcm-16",
    "aes-128-ctr",
    "aes-192-ctr",
    "aes-256-ctr",
];

/// The PFS groups OSC offers (IKE and IPsec policies alike).
pub const PFS_GROUPS: &[&str] = &[
    "group2", "group5", "group14", "group15", "group16", "group17", "group18", "group19",
    "group20", "group21", "group22", "group23", "group24", "group25", "group26", "group27",
    "group28", "group29", "group30", "group31",
];

const PHASE1_MODES: &[&str] = &["main", "aggressive"];
const IKE_VERSIONS: &[&str] = &["v1", "v2"];

/// The check of `--auth-algorithm`.
pub fn auth_check(value: &ArgValue) -> std::result::Result<(), String> {
    lower_choice(value, AUTH_ALGORITHMS)
}

/// The check of `--encryption-algorithm`.
pub fn encryption_check(value: &ArgValue) -> std::result::Result<(), String> {
    lower_choice(value, ENCRYPTION_ALGORITHMS)
}

/// The check of `--pfs`.
pub fn pfs_check(value: &ArgValue) -> std::result::Result<(), String> {
    lower_choice(value, PFS_GROUPS)
}

/// The check of `--lifetime` (`MultiKeyValueAction`, optional keys `units` and `value`).
pub fn lifetime_check(value: &ArgValue) -> std::result::Result<(), String> {
    multi_key_value_check(value, &["units", "value"])
}

fn phase1_check(value: &ArgValue) -> std::result::Result<(), String> {
    lower_choice(value, PHASE1_MODES)
}

fn version_check(value: &ArgValue) -> std::result::Result<(), String> {
    lower_choice(value, IKE_VERSIONS)
}

/// `--lifetime` with the help `what` ("IKE").
pub fn lifetime_option(what: &str) -> Arg {
    Arg::option(&["--lifetime"])
        .metavar("units=<units>,value=<value>")
        .append()
        .check(lifetime_check)
        .help(&format!(
            "{what} lifetime attributes. 'units'-seconds, default:seconds. 'value'-non negative integer, \
             default:3600."
        ))
}

/// The IKE and IPsec policies' `_get_common_attrs`: `description`, the lower-cased choices `lowered`, and
/// `--lifetime`'s failure.
pub fn policy_attrs(args: &Args, lowered: &[&str]) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    given_attrs(args, &mut attrs, &["description"]);
    lower_attrs(args, &mut attrs, lowered);
    multi_key_value_given(args, "lifetime")?;
    Ok(attrs)
}

/// `_get_common_parser`.
fn add_common(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description of the IKE policy"),
    );
    parser.add(choice_option(
        "--auth-algorithm",
        AUTH_ALGORITHMS,
        auth_check,
        "Authentication algorithm",
    ));
    parser.add(choice_option(
        "--encryption-algorithm",
        ENCRYPTION_ALGORITHMS,
        encryption_check,
        "Encryption algorithm",
    ));
    parser.add(choice_option(
        "--phase1-negotiation-mode",
        PHASE1_MODES,
        phase1_check,
        "IKE Phase1 negotiation mode",
    ));
    parser.add(choice_option(
        "--ike-version",
        IKE_VERSIONS,
        version_check,
        "IKE version for the policy",
    ));
    parser.add(choice_option(
        "--pfs",
        PFS_GROUPS,
        pfs_check,
        "Perfect Forward Secrecy",
    ));
    parser.add(lifetime_option("IKE"));
}

/// `_get_common_attrs`.
fn common_attrs(_ctx: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    policy_attrs(
        args,
        &[
            "auth_algorithm",
            "encryption_algorithm",
            "phase1_negotiation_mode",
            "ike_version",
            "pfs",
        ],
    )
}

/// The create and set commands' view of IKE policies.
pub static FORM: VpnForm = VpnForm {
    object: &OBJECT,
    descriptions: ["Create an IKE policy", "Set IKE policy properties"],
    name_help: "Name of the IKE policy",
    add_common,
    common_attrs,
    create_extra: None,
    set_what: "IKE policy",
};
