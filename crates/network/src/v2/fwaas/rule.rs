//! `firewall group rule create|delete|list|set|show|unset` (OSC's `network/v2/fwaas/rule.py`, openstacksdk
//! `FirewallRule`).

use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::group::FIREWALL_GROUP;
use super::{AttrMap, Listed};
use crate::common::{self, fail, Any, Computed, NetResource};
use openstack_sdk::Resource;

/// openstacksdk's `network.v2.firewall_rule.FirewallRule` (`summary` is computed: `''` unless a list sets it).
pub const FIREWALL_RULE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "FirewallRule",
        key: "firewall_rule",
        plural: "firewall_rules",
        base_path: "/fwaas/firewall_rules",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("action", "action"),
            ("description", "description"),
            ("destination_ip_address", "destination_ip_address"),
            ("name", "name"),
            ("destination_port", "destination_port"),
            ("enabled", "enabled"),
            ("fields", "fields"),
            ("ip_version", "ip_version"),
            ("project_id", "project_id"),
            ("protocol", "protocol"),
            ("shared", "shared"),
            ("source_ip_address", "source_ip_address"),
            ("source_port", "source_port"),
            ("firewall_policy_id", "firewall_policy_id"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("action", "action", Any),
        ("description", "description", Any),
        ("destination_ip_address", "destination_ip_address", Any),
        ("destination_port", "destination_port", Any),
        ("enabled", "enabled", Any),
        ("ip_version", "ip_version", Any),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("protocol", "protocol", Any),
        ("shared", "shared", Any),
        ("source_ip_address", "source_ip_address", Any),
        ("source_port", "source_port", Any),
        ("summary", "summary", Any),
        ("firewall_policy_id", "firewall_policy_id", Any),
        ("id", "id", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// `_attr_map`.
const ATTR_MAP: AttrMap = &[
    ("id", "ID", Listed::Both),
    ("name", "Name", Listed::Both),
    ("enabled", "Enabled", Listed::Both),
    ("summary", "Summary", Listed::ShortOnly),
    ("description", "Description", Listed::LongOnly),
    ("firewall_policy_id", "Firewall Policy", Listed::Both),
    ("ip_version", "IP Version", Listed::LongOnly),
    ("action", "Action", Listed::LongOnly),
    ("protocol", "Protocol", Listed::LongOnly),
    ("source_ip_address", "Source IP Address", Listed::LongOnly),
    ("source_port", "Source Port", Listed::LongOnly),
    (
        "destination_ip_address",
        "Destination IP Address",
        Listed::LongOnly,
    ),
    ("destination_port", "Destination Port", Listed::LongOnly),
    ("shared", "Shared", Listed::LongOnly),
    ("project_id", "Project", Listed::LongOnly),
    (
        "source_firewall_group_id",
        "Source Firewall Group ID",
        Listed::LongOnly,
    ),
    (
        "destination_firewall_group_id",
        "Destination Firewall Group ID",
        Listed::LongOnly,
    ),
];

/// The firewall rule as `show` and `delete` describe it.
pub static OBJECT: super::FwObject = super::FwObject {
    res: &FIREWALL_RULE,
    dest: "firewall_rule",
    attr_map: ATTR_MAP,
    formatter: format,
    show: (
        "Display firewall rule details",
        "Firewall rule to display (name or ID)",
    ),
    delete: (
        "Delete firewall rule(s)",
        "Firewall rule(s) to delete (name or ID)",
    ),
    delete_failure: "Failed to delete Firewall rule with name or ID",
    plural: "firewall rule(s)",
    repr_module: Some("openstack.network.v2.firewall_rule"),
};

const PORT_RANGE: &str = "(integer in [1, 65535] or range like 123:456)";

/// `_formatters` (`ProtocolColumn`: `any` for no protocol in a table), and the computed `summary`'s default
/// `''`.
fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "protocol" => Value::Column {
            human: match &value {
                Json::String(text) if !text.is_empty() => text.clone(),
                _ => "any".to_owned(),
            },
            machine: Box::new(Value::from_json(&value)),
        },
        "summary" if value.is_null() => Value::str(""),
        _ => common::plain(attribute, value),
    }
}

/// `type=_convert_to_lowercase` then `choices`: the lower-cased value must be an action.
fn action_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text)
            if !["allow", "deny", "reject"].contains(&text.to_lowercase().as_str()) =>
        {
            Err(format!(
                "invalid choice: '{}' (choose from 'allow', 'deny', 'reject')",
                text.to_lowercase()
            ))
        }
        _ => Ok(()),
    }
}

/// A pair of mutually exclusive options: one with a value, one `store_true`.
fn add_value_or_flag(parser: &mut Parser, value: Arg, flag: Arg) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(group, value);
    parser.add_to_mutex(group, flag.flag());
}

/// `_get_common_parser`.
fn add_common(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description of the firewall rule"),
    );
    parser.add(Arg::option(&["--protocol"]).help(
        "IP protocol (ah, dccp, egp, esp, gre, icmp, igmp, ipv6-encap, ipv6-frag, ipv6-icmp, ipv6-nonxt, \
         ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, vrrp and integer representations \
         [0-255] or any; default: any (all protocols))",
    ));
    parser.add(
        Arg::option(&["--action"])
            .metavar("{allow,deny,reject}")
            .check(action_check)
            .help("Action for the firewall rule"),
    );
    parser.add(
        Arg::option(&["--ip-version"])
            .metavar("<ip-version>")
            .choices(&["4", "6"])
            .help("Set IP version 4 or 6 (default is 4)"),
    );
    add_value_or_flag(
        parser,
        Arg::option(&["--source-ip-address"])
            .metavar("<source-ip-address>")
            .help("Source IP address or subnet"),
        Arg::option(&["--no-source-ip-address"]).help("Detach source IP address"),
    );
    add_value_or_flag(
        parser,
        Arg::option(&["--destination-ip-address"])
            .metavar("<destination-ip-address>")
            .help("Destination IP address or subnet"),
        Arg::option(&["--no-destination-ip-address"]).help("Detach destination IP address"),
    );
    add_value_or_flag(
        parser,
        Arg::option(&["--source-port"])
            .metavar("<source-port>")
            .help(&format!("Source port number or range {PORT_RANGE}")),
        Arg::option(&["--no-source-port"]).help("Detach source port number or range"),
    );
    add_value_or_flag(
        parser,
        Arg::option(&["--destination-port"])
            .metavar("<destination-port>")
            .help(&format!("Destination port number or range{PORT_RANGE}")),
        Arg::option(&["--no-destination-port"]).help("Detach destination port number or range"),
    );
    common::add_bool_pair(
        parser,
        "shared",
        (
            "--share",
            "Share the firewall rule to be used in all projects (by default, it is restricted to be used by \
             the current project).",
        ),
        (
            "--no-share",
            "Restrict use of the firewall rule to the current project",
        ),
    );
    common::add_bool_pair(
        parser,
        "enabled",
        ("--enable-rule", "Enable this rule (default is enabled)"),
        ("--disable-rule", "Disable this rule"),
    );
    add_value_or_flag(
        parser,
        Arg::option(&["--source-firewall-group"])
            .metavar("<source-firewall-group>")
            .help("Source firewall group (name or ID)"),
        Arg::option(&["--no-source-firewall-group"]).help("No associated source firewall group"),
    );
    add_value_or_flag(
        parser,
        Arg::option(&["--destination-firewall-group"])
            .metavar("<destination-firewall-group>")
            .help("Destination firewall group (name or ID)"),
        Arg::option(&["--no-destination-firewall-group"])
            .help("No associated destination firewall group"),
    );
}

/// `_get_common_attrs` (`name` as the command settled it).
fn common_attrs(
    cm: &mut ClientManager,
    args: &Args,
    name: Option<String>,
) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    if let Some(name) = name.filter(|n| !n.is_empty()) {
        attrs.insert("name".into(), Json::from(name));
    }
    if let Some(description) = common::given(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    if let Some(protocol) = common::given(args, "protocol") {
        let protocol = protocol.to_lowercase();
        let value = if protocol == "any" {
            Json::Null
        } else {
            Json::from(protocol)
        };
        attrs.insert("protocol".into(), value);
    }
    if let Some(action) = common::given(args, "action") {
        attrs.insert("action".into(), Json::from(action.to_lowercase()));
    }
    if let Some(version) = common::given(args, "ip_version") {
        attrs.insert("ip_version".into(), Json::from(version));
    }
    for key in [
        "source_port",
        "source_ip_address",
        "destination_port",
        "destination_ip_address",
    ] {
        if let Some(value) = common::given(args, key) {
            attrs.insert(key.into(), Json::from(value));
        }
        if args.flag(&format!("no_{key}")) {
            attrs.insert(key.into(), Json::Null);
        }
    }
    for key in ["enabled", "shared"] {
        if let Some(value) = common::tri_state(args, key) {
            attrs.insert(key.into(), Json::Bool(value));
        }
    }
    for side in ["source", "destination"] {
        let option = format!("{side}_firewall_group");
        let key = format!("{side}_firewall_group_id");
        if let Some(group) = common::given(args, &option) {
            let id = super::find_id(cm, &FIREWALL_GROUP, group)?;
            attrs.insert(key.clone(), Json::from(id));
        }
        if args.flag(&format!("no_{option}")) {
            attrs.insert(key, Json::Null);
        }
    }
    Ok(attrs)
}

/// `extend_list`: a listed rule's summary of protocol, source, destination and action.
fn summary(rule: &Json) -> String {
    let text = |key: &str| match rule.get(key) {
        None | Some(Json::Null | Json::Bool(false)) => None,
        Some(Json::String(s)) if s.is_empty() => None,
        Some(Json::String(s)) => Some(s.to_lowercase()),
        Some(other) => Some(other.to_string().to_lowercase()),
    };
    let protocol = text("protocol").map_or_else(|| "ANY".to_owned(), |p| p.to_uppercase());
    let src_ip = text("source_ip_address").unwrap_or_else(|| "none specified".to_owned());
    let dst_ip = text("destination_ip_address").unwrap_or_else(|| "none specified".to_owned());
    let src_port =
        text("source_port").map_or_else(|| "(none specified)".to_owned(), |p| format!("({p})"));
    let dst_port = text("destination_port")
        .map_or_else(|| "(none specified)".to_owned(), |p| format!("({p})"));
    let action = match rule.get("action") {
        Some(Json::String(a)) if !a.is_empty() => a.clone(),
        _ => "no-action".to_owned(),
    };
    [
        protocol,
        format!("source(port): {src_ip}{src_port}"),
        format!("dest(port): {dst_ip}{dst_port}"),
        action,
    ]
    .join(",\n ")
}

/// `firewall group rule create`.
pub struct CreateFirewallRule;

impl Command<ClientManager> for CreateFirewallRule {
    fn description(&self) -> &str {
        "Create a new firewall rule"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_common(parser);
        super::add_create_name(
            parser,
            "Name of the firewall rule",
            Arg::option(&["--name"]).metavar("<name>").help(
                "(Deprecated, please pass name as a positional argument) Name of the firewall rule",
            ),
        );
        super::add_project_owner(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = super::create_name(args, "firewall group rule create")?;
        let mut attrs = common_attrs(ctx, args, name)?;
        super::project_attr(ctx, args, &mut attrs)?;
        let created = fail(common::create(ctx, &FIREWALL_RULE, attrs))?;
        Ok(super::show(&FIREWALL_RULE, &created, ATTR_MAP, format))
    }
}

/// `firewall group rule list`.
pub struct ListFirewallRule;

impl Command<ClientManager> for ListFirewallRule {
    fn description(&self) -> &str {
        "List firewall rules that belong to a given tenant"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        super::add_long(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        super::list(ctx, args, &FIREWALL_RULE, ATTR_MAP, format, |rule| {
            let text = summary(rule);
            if let Json::Object(map) = rule {
                map.insert("summary".into(), Json::from(text));
            }
        })
    }
}

/// `firewall group rule set`.
pub struct SetFirewallRule;

impl Command<ClientManager> for SetFirewallRule {
    fn description(&self) -> &str {
        "Set firewall rule properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_common(parser);
        super::add_positional(parser, "firewall_rule", "Firewall rule to set (name or ID)");
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name of the firewall rule"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let given = args.str("firewall_rule").unwrap_or("");
        let name = common::given(args, "name").map(str::to_owned);
        let attrs = common_attrs(ctx, args, name)?;
        let id = super::find_id(ctx, &FIREWALL_RULE, given)?;
        super::update_by_id(
            ctx,
            &FIREWALL_RULE,
            &id,
            attrs,
            &format!("Failed to set firewall rule '{given}'"),
        )
    }
}

/// `firewall group rule unset`.
pub struct UnsetFirewallRule;

impl Command<ClientManager> for UnsetFirewallRule {
    fn description(&self) -> &str {
        "Unset firewall rule properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        super::add_positional(
            parser,
            "firewall_rule",
            "Firewall rule to unset (name or ID)",
        );
        let flags: [(&str, String); 8] = [
            ("--source-ip-address", "Source IP address or subnet".into()),
            (
                "--destination-ip-address",
                "Destination IP address or subnet".into(),
            ),
            (
                "--source-port",
                format!("Source port number or range{PORT_RANGE}"),
            ),
            (
                "--destination-port",
                format!("Destination port number or range{PORT_RANGE}"),
            ),
            (
                "--share",
                "(Deprecated) Use \"firewall rule set --no-share\" instead. Restrict use of the firewall rule \
                 to the current project"
                    .into(),
            ),
            (
                "--enable-rule",
                "(Deprecated) Use \"firewall rule set --disable-rule\" instead. Disable this rule".into(),
            ),
            (
                "--source-firewall-group",
                "Source firewall group (name or ID)".into(),
            ),
            (
                "--destination-firewall-group",
                "Destination firewall group (name or ID)".into(),
            ),
        ];
        for (flag, help) in flags {
            parser.add(Arg::option(&[flag]).flag().help(&help));
        }
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        for key in [
            "source_ip_address",
            "source_port",
            "destination_ip_address",
            "destination_port",
        ] {
            if args.flag(key) {
                attrs.insert(key.into(), Json::Null);
            }
        }
        if args.flag("share") {
            log::warn!(
                "The --share option is deprecated, please use \"firewall rule set --no-share\" instead."
            );
            attrs.insert("shared".into(), Json::Bool(false));
        }
        if args.flag("enable_rule") {
            log::warn!(
                "The --enable-rule option is deprecated, please use \"firewall rule set --disable-rule\" \
                 instead."
            );
            attrs.insert("enabled".into(), Json::Bool(false));
        }
        for key in ["source_firewall_group", "destination_firewall_group"] {
            if args.flag(key) {
                attrs.insert(format!("{key}_id"), Json::Null);
            }
        }
        let given = args.str("firewall_rule").unwrap_or("");
        let id = super::find_id(ctx, &FIREWALL_RULE, given)?;
        super::update_by_id(
            ctx,
            &FIREWALL_RULE,
            &id,
            attrs,
            &format!("Failed to unset firewall rule '{given}'"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn action_is_checked_lower_cased() {
        assert!(action_check(&ArgValue::Str("ALLOW".into())).is_ok());
        assert_eq!(
            action_check(&ArgValue::Str("Pass".into())),
            Err("invalid choice: 'pass' (choose from 'allow', 'deny', 'reject')".to_owned())
        );
    }

    #[test]
    fn summary_as_extend_list_writes_it() {
        let rule = json!({"protocol": "tcp", "destination_port": "80:90", "action": "allow",
                          "source_ip_address": "10.0.0.0/24"});
        assert_eq!(
            summary(&rule),
            "TCP,\n source(port): 10.0.0.0/24(none specified),\n dest(port): none specified(80:90),\n allow"
        );
        assert_eq!(
            summary(&json!({"protocol": null})),
            "ANY,\n source(port): none specified(none specified),\n dest(port): none specified(none specified),\n no-action"
        );
    }
}
