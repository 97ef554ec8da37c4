//! `vpn ipsec site connection create|delete|list|set|show` (OSC's `network/v2/vpnaas/ipsec_site_connection.py`,
//! openstacksdk `VpnIPSecSiteConnection`).

use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::endpoint_group::VPN_ENDPOINT_GROUP;
use super::ike_policy::VPN_IKE_POLICY;
use super::ipsec_policy::VPN_IPSEC_POLICY;
use super::vpn_service::VPN_SERVICE;
use super::{
    add_project_owner, admin_state_attrs, choice_option, found_id_attrs, given_attrs, lower_attrs,
    lower_choice, multi_key_value_check, multi_key_value_given, project_attr, VpnObject,
};
use crate::common::{self, Any, Bool, Computed, Dict, Int, List, NetResource};
use openstack_sdk::Resource;

/// openstacksdk's `network.v2.vpn_ipsec_site_connection.VpnIPSecSiteConnection`.
pub const VPN_IPSEC_SITE_CONNECTION: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "VpnIPSecSiteConnection",
        key: "ipsec_site_connection",
        plural: "ipsec_site_connections",
        base_path: "/vpn/ipsec-site-connections",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("auth_mode", "auth_mode"),
            ("description", "description"),
            ("fields", "fields"),
            ("ikepolicy_id", "ikepolicy_id"),
            ("ipsecpolicy_id", "ipsecpolicy_id"),
            ("initiator", "initiator"),
            ("local_ep_group_id", "local_ep_group_id"),
            ("peer_address", "peer_address"),
            ("local_id", "local_id"),
            ("mtu", "mtu"),
            ("name", "name"),
            ("peer_id", "peer_id"),
            ("project_id", "project_id"),
            ("psk", "psk"),
            ("peer_ep_group_id", "peer_ep_group_id"),
            ("route_mode", "route_mode"),
            ("vpnservice_id", "vpnservice_id"),
            ("status", "status"),
            ("is_admin_state_up", "admin_state_up"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("action", "action", Any),
        ("auth_mode", "auth_mode", Any),
        ("description", "description", Any),
        ("dpd", "dpd", Dict),
        ("is_admin_state_up", "admin_state_up", Bool),
        ("ikepolicy_id", "ikepolicy_id", Any),
        ("initiator", "initiator", Any),
        ("ipsecpolicy_id", "ipsecpolicy_id", Any),
        ("interval", "interval", Int),
        ("local_ep_group_id", "local_ep_group_id", Any),
        ("peer_address", "peer_address", Any),
        ("local_id", "local_id", Any),
        ("mtu", "mtu", Int),
        ("name", "name", Any),
        ("peer_id", "peer_id", Any),
        ("peer_cidrs", "peer_cidrs", List),
        ("project_id", "project_id", Any),
        ("psk", "psk", Any),
        ("peer_ep_group_id", "peer_ep_group_id", Any),
        ("route_mode", "route_mode", Any),
        ("status", "status", Any),
        ("timeout", "timeout", Int),
        ("vpnservice_id", "vpnservice_id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// `_formatters`: `peer_cidrs` as a `ListColumn`.
fn formatter(attribute: &str, value: Json) -> Value {
    match attribute {
        "peer_cidrs" => common::list_column(value),
        _ => Value::from_json(&value),
    }
}

/// The generic commands' view of IPsec site connections.
pub static OBJECT: VpnObject = VpnObject {
    res: &VPN_IPSEC_SITE_CONNECTION,
    keeps_unknown: false,
    dest: "ipsec_site_connection",
    metavar: "<ipsec-site-connection>",
    positional_help: [
        "IPsec site connection to display (name or ID)",
        "IPsec site connection to delete (name or ID)",
        "IPsec site connection to set (name or ID)",
    ],
    descriptions: [
        "Show information of a given IPsec site connection",
        "Delete IPsec site connection(s)",
        "List IPsec site connections that belong to a given project",
    ],
    columns: &[
        ("id", "ID", false),
        ("name", "Name", false),
        ("peer_address", "Peer Address", false),
        ("auth_mode", "Authentication Algorithm", false),
        ("status", "Status", false),
        ("project_id", "Project", true),
        ("peer_cidrs", "Peer CIDRs", true),
        ("vpnservice_id", "VPN Service", true),
        ("ipsecpolicy_id", "IPSec Policy", true),
        ("ikepolicy_id", "IKE Policy", true),
        ("mtu", "MTU", true),
        ("initiator", "Initiator", true),
        ("is_admin_state_up", "State", true),
        ("description", "Description", true),
        ("psk", "Pre-shared Key", true),
        ("route_mode", "Route Mode", true),
        ("local_id", "Local ID", true),
        ("peer_id", "Peer ID", true),
        ("local_ep_group_id", "Local Endpoint Group ID", true),
        ("peer_ep_group_id", "Peer Endpoint Group ID", true),
        ("dpd", "DPD", true),
    ],
    hidden: &["location", "tenant_id", "action", "timeout", "interval"],
    formatter,
    delete_what: "IPsec site connection",
    delete_summary: "IPsec site connection",
};

const INITIATORS: &[&str] = &["bi-directional", "response-only"];

fn initiator_check(value: &ArgValue) -> std::result::Result<(), String> {
    lower_choice(value, INITIATORS)
}

fn dpd_check(value: &ArgValue) -> std::result::Result<(), String> {
    multi_key_value_check(value, &["action", "interval", "timeout"])
}

const PEER_ID_HELP: &str =
    "Peer router identity for authentication. Can be IPv4/IPv6 address, e-mail address, key id, or FQDN";
const PEER_ADDRESS_HELP: &str = "Peer gateway public IPv4/IPv6 address or FQDN";
const NAME_HELP: &str = "Set friendly name for the connection";

/// `_get_common_parser`.
fn add_common(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description for the connection"),
    );
    parser.add(
        Arg::option(&["--dpd"])
            .metavar("action=<action>,interval=<interval>,timeout=<timeout>")
            .append()
            .check(dpd_check)
            .help(
                "IPSec Connection Dead Peer Detection attributes. 'action'-hold,clear,disabled,restart,\
                 restart-by-peer. 'interval' and 'timeout' are non negative integers.  'interval' should be less \
                 than 'timeout' value. 'action', default:hold 'interval', default:30, 'timeout', default:120.",
            ),
    );
    parser.add(Arg::option(&["--mtu"]).help("MTU size for the connection"));
    parser.add(choice_option(
        "--initiator",
        INITIATORS,
        initiator_check,
        "Initiator state",
    ));
    let peer = parser.add_mutex(None, false);
    parser.add_to_mutex(
        peer,
        Arg::option(&["--peer-cidr"]).dest("peer_cidrs").help(
            "Remote subnet(s) in CIDR format. Cannot be specified when using endpoint groups. Only applicable, \
             if subnet provided for VPN service.",
        ),
    );
    parser.add_to_mutex(
        peer,
        Arg::option(&["--local-endpoint-group"])
            .help("Local endpoint group (name or ID) with subnet(s) for IPsec connection"),
    );
    parser.add(
        Arg::option(&["--peer-endpoint-group"])
            .help("Peer endpoint group (name or ID) with CIDR(s) for IPSec connection"),
    );
    common::add_exclusive_flags(
        parser,
        &[
            ("--enable", "Enable IPSec site connection"),
            ("--disable", "Disable IPSec site connection"),
        ],
    );
    parser.add(
        Arg::option(&["--local-id"])
            .help("An ID to be used instead of the external IP address for a virtual router"),
    );
}

/// `_get_common_attrs`: the endpoint groups found by name or ID.
fn common_attrs(ctx: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    given_attrs(args, &mut attrs, &["description", "mtu"]);
    admin_state_attrs(args, &mut attrs);
    lower_attrs(args, &mut attrs, &["initiator"]);
    multi_key_value_given(args, "dpd")?;
    let groups = [
        (
            "local_endpoint_group",
            &VPN_ENDPOINT_GROUP,
            "local_ep_group_id",
        ),
        (
            "peer_endpoint_group",
            &VPN_ENDPOINT_GROUP,
            "peer_ep_group_id",
        ),
    ];
    found_id_attrs(ctx, args, &mut attrs, &groups)?;
    given_attrs(args, &mut attrs, &["peer_cidrs", "local_id"]);
    Ok(attrs)
}

/// `vpn ipsec site connection create`.
pub struct CreateIpsecSiteConnection;

impl Command<ClientManager> for CreateIpsecSiteConnection {
    fn description(&self) -> &str {
        "Create an IPsec site connection"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_common(parser);
        parser.add(Arg::option(&["--peer-id"]).required().help(PEER_ID_HELP));
        parser.add(
            Arg::option(&["--peer-address"])
                .required()
                .help(PEER_ADDRESS_HELP),
        );
        parser.add(
            Arg::option(&["--psk"])
                .required()
                .help("Pre-shared key string."),
        );
        parser.add(
            Arg::option(&["--vpnservice"])
                .metavar("VPNSERVICE")
                .required()
                .help("VPN service instance associated with this connection (name or ID)"),
        );
        parser.add(
            Arg::option(&["--ikepolicy"])
                .metavar("IKEPOLICY")
                .required()
                .help("IKE policy associated with this connection (name or ID)"),
        );
        parser.add(
            Arg::option(&["--ipsecpolicy"])
                .metavar("IPSECPOLICY")
                .required()
                .help("IPsec policy associated with this connection (name or ID)"),
        );
        parser.add(Arg::positional("name").metavar("<name>").help(NAME_HELP));
        add_project_owner(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = common_attrs(ctx, args)?;
        project_attr(ctx, args, &mut attrs)?;
        let lookups = [
            ("vpnservice", &VPN_SERVICE, "vpnservice_id"),
            ("ikepolicy", &VPN_IKE_POLICY, "ikepolicy_id"),
            ("ipsecpolicy", &VPN_IPSEC_POLICY, "ipsecpolicy_id"),
        ];
        found_id_attrs(ctx, args, &mut attrs, &lookups)?;
        given_attrs(
            args,
            &mut attrs,
            &["peer_id", "peer_address", "psk", "name"],
        );
        let local = common::given(args, "local_endpoint_group").is_some();
        let peer = common::given(args, "peer_endpoint_group").is_some();
        if local != peer {
            return Err(Error::command(
                "You must specify both local and peer endpoint groups",
            ));
        }
        if common::given(args, "peer_cidrs").is_none() && !local {
            return Err(Error::command(
                "You must specify endpoint groups or peer CIDR(s)",
            ));
        }
        OBJECT.create(ctx, attrs)
    }
}

/// `vpn ipsec site connection set`.
pub struct SetIpsecSiteConnection;

impl Command<ClientManager> for SetIpsecSiteConnection {
    fn description(&self) -> &str {
        "Set IPsec site connection properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_common(parser);
        parser.add(Arg::option(&["--peer-id"]).help(PEER_ID_HELP));
        parser.add(Arg::option(&["--peer-address"]).help(PEER_ADDRESS_HELP));
        parser.add(Arg::option(&["--name"]).metavar("<name>").help(NAME_HELP));
        OBJECT.add_set_positional(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = common_attrs(ctx, args)?;
        given_attrs(args, &mut attrs, &["peer_id", "peer_address", "name"]);
        OBJECT.set(ctx, args, attrs, |name, err| {
            format!("Failed to set IPsec site connection '{name}': {err}")
        })
    }
}
