//! `firewall group create|delete|list|set|show|unset` (OSC's `network/v2/fwaas/group.py`, openstacksdk
//! `FirewallGroup`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::policy::FIREWALL_POLICY;
use super::{AttrMap, Listed};
use crate::common::{self, fail, Any, Computed, List, NetResource};
use openstack_sdk::Resource;

/// openstacksdk's `network.v2.firewall_group.FirewallGroup`.
pub const FIREWALL_GROUP: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "FirewallGroup",
        key: "firewall_group",
        plural: "firewall_groups",
        base_path: "/fwaas/firewall_groups",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("egress_firewall_policy_id", "egress_firewall_policy_id"),
            ("fields", "fields"),
            ("ingress_firewall_policy_id", "ingress_firewall_policy_id"),
            ("name", "name"),
            ("shared", "shared"),
            ("status", "status"),
            ("ports", "ports"),
            ("project_id", "project_id"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("admin_state_up", "admin_state_up", Any),
        ("description", "description", Any),
        (
            "egress_firewall_policy_id",
            "egress_firewall_policy_id",
            Any,
        ),
        (
            "ingress_firewall_policy_id",
            "ingress_firewall_policy_id",
            Any,
        ),
        ("id", "id", Any),
        ("name", "name", Any),
        ("ports", "ports", List),
        ("project_id", "project_id", Any),
        ("shared", "shared", Any),
        ("status", "status", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// `_attr_map`.
const ATTR_MAP: AttrMap = &[
    ("id", "ID", Listed::Both),
    ("name", "Name", Listed::Both),
    (
        "ingress_firewall_policy_id",
        "Ingress Policy ID",
        Listed::Both,
    ),
    (
        "egress_firewall_policy_id",
        "Egress Policy ID",
        Listed::Both,
    ),
    ("description", "Description", Listed::LongOnly),
    ("status", "Status", Listed::LongOnly),
    ("ports", "Ports", Listed::LongOnly),
    ("admin_state_up", "State", Listed::LongOnly),
    ("shared", "Shared", Listed::LongOnly),
    ("project_id", "Project", Listed::LongOnly),
];

/// The firewall group as `show` and `delete` describe it.
pub static OBJECT: super::FwObject = super::FwObject {
    res: &FIREWALL_GROUP,
    dest: "firewall_group",
    attr_map: ATTR_MAP,
    formatter: format,
    show: (
        "Display firewall group details",
        "Firewall group to show (name or ID)",
    ),
    delete: (
        "Delete firewall group(s)",
        "Firewall group(s) to delete (name or ID)",
    ),
    delete_failure: "Failed to delete firewall group with name or ID",
    plural: "firewall group(s)",
    repr_module: Some("openstack.network.v2.firewall_group"),
};

const PORT_HELP: &str =
    "Port(s) (name or ID) to apply firewall group.  This option can be repeated";

/// `_formatters`: `AdminStateColumn` for `admin_state_up`.
fn format(attribute: &str, value: Json) -> Value {
    if attribute == "admin_state_up" {
        common::admin_state_column(value)
    } else {
        common::plain(attribute, value)
    }
}

/// `_get_common_parser`.
fn add_common(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description of the firewall group"),
    );
    let ingress = parser.add_mutex(None, false);
    parser.add_to_mutex(
        ingress,
        Arg::option(&["--ingress-firewall-policy"])
            .metavar("<ingress-firewall-policy>")
            .help("Ingress firewall policy (name or ID)"),
    );
    parser.add_to_mutex(
        ingress,
        Arg::option(&["--no-ingress-firewall-policy"])
            .flag()
            .help("Detach ingress firewall policy from the firewall group"),
    );
    let egress = parser.add_mutex(None, false);
    parser.add_to_mutex(
        egress,
        Arg::option(&["--egress-firewall-policy"])
            .metavar("<egress-firewall-policy>")
            .help("Egress firewall policy (name or ID)"),
    );
    parser.add_to_mutex(
        egress,
        Arg::option(&["--no-egress-firewall-policy"])
            .flag()
            .help("Detach egress firewall policy from the firewall group"),
    );
    common::add_bool_pair(
        parser,
        "shared",
        (
            "--share",
            "Share the firewall group to be used in all projects (by default, it is restricted to be used by \
             the current project).",
        ),
        (
            "--no-share",
            "Restrict use of the firewall group to the current project",
        ),
    );
    common::add_bool_pair(
        parser,
        "admin_state_up",
        ("--enable", "Enable firewall group"),
        ("--disable", "Disable firewall group"),
    );
}

/// `--port` (repeatable) and `--no-port`.
fn port_options() -> (Arg, Arg) {
    (
        Arg::option(&["--port"])
            .metavar("<port>")
            .append()
            .help(PORT_HELP),
        Arg::option(&["--no-port"])
            .flag()
            .help("Detach all port from the firewall group"),
    )
}

/// `client.find_port(name_or_id, ignore_missing=False).id` of each distinct `--port`.
fn port_ids(cm: &mut ClientManager, args: &Args) -> Result<Vec<String>> {
    super::unique(args.strings("port"))
        .iter()
        .map(|port| super::find_id(cm, &crate::resources::PORT, port))
        .collect()
}

/// The ports of the firewall group named by the `firewall_group` positional.
fn current_ports(cm: &mut ClientManager, args: &Args) -> Result<Vec<String>> {
    let group = super::find(
        cm,
        &FIREWALL_GROUP,
        args.str("firewall_group").unwrap_or(""),
    )?;
    Ok(FIREWALL_GROUP
        .get(&group, "ports")
        .as_array()
        .map(|ports| {
            ports
                .iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

/// `_get_common_attrs` (`name` as the command settled it).
fn common_attrs(
    cm: &mut ClientManager,
    args: &Args,
    name: Option<String>,
    is_create: bool,
) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    for (option, flag, key) in [
        (
            "ingress_firewall_policy",
            "no_ingress_firewall_policy",
            "ingress_firewall_policy_id",
        ),
        (
            "egress_firewall_policy",
            "no_egress_firewall_policy",
            "egress_firewall_policy_id",
        ),
    ] {
        if let Some(policy) = common::given(args, option) {
            let id = super::find_id(cm, &FIREWALL_POLICY, policy)?;
            attrs.insert(key.into(), Json::from(id));
        } else if args.flag(flag) {
            attrs.insert(key.into(), Json::Null);
        }
    }
    for key in ["shared", "admin_state_up"] {
        if let Some(value) = common::tri_state(args, key) {
            attrs.insert(key.into(), Json::Bool(value));
        }
    }
    if let Some(name) = name.filter(|n| !n.is_empty()) {
        attrs.insert("name".into(), Json::from(name));
    }
    if let Some(description) = common::given(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    let ports_given = !args.strings("port").is_empty();
    if ports_given {
        let mut ports = port_ids(cm, args)?;
        if !args.flag("no_port") && !is_create {
            ports.extend(current_ports(cm, args)?);
        }
        ports.sort();
        ports.dedup();
        attrs.insert("ports".into(), Json::from(ports));
    } else if args.flag("no_port") {
        attrs.insert("ports".into(), Json::Array(Vec::new()));
    }
    Ok(attrs)
}

/// `firewall group create`.
pub struct CreateFirewallGroup;

impl Command<ClientManager> for CreateFirewallGroup {
    fn description(&self) -> &str {
        "Create a new firewall group"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_common(parser);
        super::add_create_name(
            parser,
            "Name for the firewall group",
            Arg::option(&["--name"]).help(
                "(Deprecated, please pass name as a positional argument) Name for the firewall group",
            ),
        );
        super::add_project_owner(parser);
        let (port, no_port) = port_options();
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(group, port);
        parser.add_to_mutex(group, no_port);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = super::create_name(args, "firewall group create")?;
        let mut attrs = common_attrs(ctx, args, name, true)?;
        super::project_attr(ctx, args, &mut attrs)?;
        let created = fail(common::create(ctx, &FIREWALL_GROUP, attrs))?;
        Ok(super::show(&FIREWALL_GROUP, &created, ATTR_MAP, format))
    }
}

/// `firewall group list`.
pub struct ListFirewallGroup;

impl Command<ClientManager> for ListFirewallGroup {
    fn description(&self) -> &str {
        "List firewall groups"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        super::add_long(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        super::list(ctx, args, &FIREWALL_GROUP, ATTR_MAP, format, |_| ())
    }
}

/// `firewall group set`.
pub struct SetFirewallGroup;

impl Command<ClientManager> for SetFirewallGroup {
    fn description(&self) -> &str {
        "Set firewall group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_common(parser);
        super::add_positional(
            parser,
            "firewall_group",
            "Firewall group to update (name or ID)",
        );
        parser.add(Arg::option(&["--name"]).help("Name for the firewall group"));
        let (port, no_port) = port_options();
        parser.add(port);
        parser.add(no_port);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let given = args.str("firewall_group").unwrap_or("");
        let id = super::find_id(ctx, &FIREWALL_GROUP, given)?;
        let name = common::given(args, "name").map(str::to_owned);
        let attrs = common_attrs(ctx, args, name, false)?;
        super::update_by_id(
            ctx,
            &FIREWALL_GROUP,
            &id,
            attrs,
            &format!("Failed to set firewall group '{given}'"),
        )
    }
}

/// `firewall group unset`.
pub struct UnsetFirewallGroup;

impl Command<ClientManager> for UnsetFirewallGroup {
    fn description(&self) -> &str {
        "Unset firewall group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        super::add_positional(
            parser,
            "firewall_group",
            "Firewall group to unset (name or ID)",
        );
        let ports = parser.add_mutex(None, false);
        parser.add_to_mutex(
            ports,
            Arg::option(&["--port"])
                .metavar("<port>")
                .append()
                .help(PORT_HELP),
        );
        parser.add_to_mutex(
            ports,
            Arg::option(&["--all-port"])
                .flag()
                .help("Remove all ports for this firewall group"),
        );
        parser.add(
            Arg::option(&["--ingress-firewall-policy"])
                .flag()
                .help("Ingress firewall policy (name or ID) to delete"),
        );
        parser.add(
            Arg::option(&["--egress-firewall-policy"])
                .flag()
                .help("Egress firewall policy (name or ID) to delete"),
        );
        let shared = parser.add_mutex(None, false);
        parser.add_to_mutex(
            shared,
            Arg::option(&["--share"]).flag().help(
                "(Deprecated) Use \"firewall group set --no-share\" instead. Restrict use of the firewall group \
                 to the current project",
            ),
        );
        parser.add(Arg::option(&["--enable"]).flag().help(
            "(Deprecated) Use \"firewall group set --disable\" instead. Disable firewall group",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let given = args.str("firewall_group").unwrap_or("");
        let id = super::find_id(ctx, &FIREWALL_GROUP, given)?;
        let mut attrs = Map::new();
        if args.flag("ingress_firewall_policy") {
            attrs.insert("ingress_firewall_policy_id".into(), Json::Null);
        }
        if args.flag("egress_firewall_policy") {
            attrs.insert("egress_firewall_policy_id".into(), Json::Null);
        }
        if args.flag("share") {
            log::warn!(
                "The --share option is deprecated, please use \"firewall group set --no-share\" instead."
            );
            attrs.insert("shared".into(), Json::Bool(false));
        }
        if args.flag("enable") {
            log::warn!(
                "The --enable option is deprecated, please use \"firewall group set --disable\" instead."
            );
            attrs.insert("admin_state_up".into(), Json::Bool(false));
        }
        if !args.strings("port").is_empty() {
            let old = current_ports(ctx, args)?;
            let mut new = Vec::new();
            for port in args.strings("port") {
                new.push(super::find_id(ctx, &crate::resources::PORT, &port)?);
            }
            let mut kept: Vec<String> = old.into_iter().filter(|p| !new.contains(p)).collect();
            kept.sort();
            kept.dedup();
            attrs.insert("ports".into(), Json::from(kept));
        }
        if args.flag("all_port") {
            attrs.insert("ports".into(), Json::Array(Vec::new()));
        }
        super::update_by_id(
            ctx,
            &FIREWALL_GROUP,
            &id,
            attrs,
            &format!("Failed to unset firewall group '{given}'"),
        )
    }
}
