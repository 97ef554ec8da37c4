//! `security group rule create|delete|list|show` (OSC's `network/v2/security_group_rule.py`, openstacksdk
//! `SecurityGroupRule`), with the protocol, ethertype and port-range rules of `network/utils.py`.

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::pagination;
use osc_lib::{parseractions, ClientManager};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, present};
use crate::resources::{ADDRESS_GROUP, SECURITY_GROUP, SECURITY_GROUP_RULE};
use openstack_sdk as sdk;
use openstack_sdk::Param;

const HIDDEN: &[&str] = &["location", "name", "tenant_id", "tags"];

/// `is_icmp_protocol`: by name or number.
pub fn is_icmp_protocol(protocol: Option<&str>) -> bool {
    matches!(protocol, Some("icmp" | "icmpv6" | "ipv6-icmp" | "1" | "58"))
}

/// `is_ipv6_protocol`: `ipv6-*` names and the IPv6 protocol numbers.
pub fn is_ipv6_protocol(protocol: Option<&str>) -> bool {
    match protocol {
        Some(p) => {
            p.starts_with("ipv6-") || ["icmpv6", "41", "43", "44", "58", "59", "60"].contains(&p)
        }
        None => false,
    }
}

/// `convert_ipvx_case`.
pub fn convert_ipvx_case(text: &str) -> String {
    match text.to_lowercase().as_str() {
        "ipv4" => "IPv4".to_owned(),
        "ipv6" => "IPv6".to_owned(),
        _ => text.to_owned(),
    }
}

/// `get_protocol`: the given protocol (`--protocol`, lowercased), `None` for `any` or none given.
pub fn get_protocol(args: &Args, default: &str) -> Option<String> {
    let protocol = args
        .str("protocol")
        .map_or_else(|| default.to_owned(), str::to_lowercase);
    (protocol != "any").then_some(protocol)
}

/// `get_ethertype`: the given one, else IPv6 for an IPv6 protocol, else IPv4.
pub fn get_ethertype(args: &Args, protocol: Option<&str>) -> String {
    match args.str("ethertype") {
        Some(ethertype) => convert_ipvx_case(ethertype),
        None if is_ipv6_protocol(protocol) => "IPv6".to_owned(),
        None => "IPv4".to_owned(),
    }
}

/// Python `str()` of a port bound.
fn bound(value: &Json) -> String {
    match value {
        Json::Null => "None".to_owned(),
        other => sdk::json_text(other),
    }
}

/// `format_network_port_range`: `type=N:code=M` for ICMP, `min:max` otherwise, `''` when open.
pub fn format_port_range(protocol: &Json, min: &Json, max: &Json) -> String {
    let mut range = String::new();
    if is_icmp_protocol(protocol.as_str()) {
        if sdk::truthy(min) {
            range.push_str(&format!("type={}", bound(min)));
        }
        if sdk::truthy(max) {
            range.push_str(&format!(":code={}", bound(max)));
        }
    } else if sdk::truthy(min) || sdk::truthy(max) {
        let low = if min.is_null() {
            bound(max)
        } else {
            bound(min)
        };
        let high = if max.is_null() {
            bound(min)
        } else {
            bound(max)
        };
        range = format!("{low}:{high}");
    }
    range
}

/// `format_remote_ip_prefix`: the prefix, or the whole address space of the ethertype.
pub fn format_remote_ip_prefix(prefix: &Json, ethertype: &Json) -> Json {
    if !prefix.is_null() {
        return prefix.clone();
    }
    match ethertype.as_str() {
        Some("IPv4") => Json::from("0.0.0.0/0"),
        Some("IPv6") => Json::from("::/0"),
        _ => Json::Null,
    }
}

/// The attributes both rule creates compute from the options, in OSC's order and with its checks: protocol
/// (`any` is none), description, direction (ingress unless `--egress`), ethertype (from the protocol unless
/// given), and the port range or ICMP type and code. Also returns the ethertype.
pub fn rule_attrs(args: &Args) -> Result<(Map<String, Json>, String)> {
    let mut attrs = Map::new();
    let protocol = get_protocol(args, "any");
    attrs.insert("protocol".into(), Json::from(protocol.clone()));
    if let Some(description) = present(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    let direction = if args.flag("egress") {
        "egress"
    } else {
        "ingress"
    };
    attrs.insert("direction".into(), Json::from(direction));
    let ethertype = get_ethertype(args, protocol.as_deref());
    attrs.insert("ethertype".into(), Json::from(ethertype.clone()));
    let dst_port = match args.str("dst_port") {
        Some(text) => Some(parseractions::range(text).map_err(Error::usage)?),
        None => None,
    };
    let icmp_type = args.int("icmp_type");
    let icmp_code = args.int("icmp_code");
    let nonzero = |v: Option<i64>| v.is_some_and(|v| v != 0);
    if dst_port.is_some() && (nonzero(icmp_type) || nonzero(icmp_code)) {
        return Err(Error::command(
            "Argument --dst-port not allowed with arguments --icmp-type and --icmp-code",
        ));
    }
    if icmp_type.is_none() && icmp_code.is_some() {
        return Err(Error::command(
            "Argument --icmp-type required with argument --icmp-code",
        ));
    }
    let icmp = is_icmp_protocol(protocol.as_deref());
    if !icmp && (nonzero(icmp_type) || nonzero(icmp_code)) {
        return Err(Error::command(
            "ICMP IP protocol required with arguments --icmp-type and --icmp-code",
        ));
    }
    if let (Some((low, high)), false) = (dst_port, icmp) {
        attrs.insert("port_range_min".into(), Json::from(low));
        attrs.insert("port_range_max".into(), Json::from(high));
    }
    if let Some(t) = icmp_type.filter(|t| *t >= 0) {
        attrs.insert("port_range_min".into(), Json::from(t));
    }
    if let Some(c) = icmp_code.filter(|c| *c >= 0) {
        attrs.insert("port_range_max".into(), Json::from(c));
    }
    Ok((attrs, ethertype))
}

/// `--remote-ip`, else the whole address space of the ethertype.
pub fn remote_ip_prefix(args: &Args, ethertype: &str, attrs: &mut Map<String, Json>) {
    if let Some(remote) = present(args, "remote_ip") {
        attrs.insert("remote_ip_prefix".into(), Json::from(remote));
    } else if ethertype == "IPv4" {
        attrs.insert("remote_ip_prefix".into(), Json::from("0.0.0.0/0"));
    } else if ethertype == "IPv6" {
        attrs.insert("remote_ip_prefix".into(), Json::from("::/0"));
    }
}

/// The rows of the rule lists: the port range and IP range computed as OSC's `_format_network_security_group_rule`.
pub fn rule_row(res: &common::NetResource, rule: &Json, columns: &[&str]) -> Vec<Value> {
    columns
        .iter()
        .map(|column| match *column {
            "remote_ip_prefix" => Value::from_json(&format_remote_ip_prefix(
                &res.get(rule, "remote_ip_prefix"),
                &res.get(rule, "ether_type"),
            )),
            "port_range" => Value::Str(format_port_range(
                &res.get(rule, "protocol"),
                &res.get(rule, "port_range_min"),
                &res.get(rule, "port_range_max"),
            )),
            other => Value::from_json(&res.get(rule, other)),
        })
        .collect()
}

/// `show` of a rule: an empty remote IP prefix shown as the ethertype's whole space (old rules).
pub fn show_rule(res: &common::NetResource, mut rule: Json, hidden: &[&str]) -> Output {
    let prefix = res.get(&rule, "remote_ip_prefix");
    if !sdk::truthy(&prefix) {
        let ethertype = res.get(&rule, "ether_type");
        if let Json::Object(map) = &mut rule {
            map.insert(
                "remote_ip_prefix".into(),
                format_remote_ip_prefix(&Json::Null, &ethertype),
            );
        }
    }
    common::show(res, &rule, &[], hidden, common::plain)
}

/// `RangeAction` on `--dst-port`, checked while parsing.
pub fn dst_port_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => parseractions::range(text).map(|_| ()),
        _ => Ok(()),
    }
}

fn find_group_id(cm: &mut ClientManager, group: &str) -> Result<String> {
    fail(common::find(cm, &SECURITY_GROUP, group, &[]).map(|g| sdk::id_of(&g)))
}

/// `security group rule create`.
pub struct CreateSecurityGroupRule;

impl Command<ClientManager> for CreateSecurityGroupRule {
    fn description(&self) -> &str {
        "Create a new security group rule"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Create rule in this security group (name or ID)"),
        );
        let remote = parser.add_mutex(None, false);
        parser.add_to_mutex(
            remote,
            Arg::option(&["--remote-ip"]).metavar("<ip-address>").help(
                "Remote IP address block (may use CIDR notation; default for IPv4 rule: 0.0.0.0/0, default for \
                 IPv6 rule: ::/0)",
            ),
        );
        parser.add_to_mutex(
            remote,
            Arg::option(&["--remote-group"])
                .metavar("<group>")
                .help("Remote security group (name or ID)"),
        );
        parser.add_to_mutex(
            remote,
            Arg::option(&["--remote-address-group"])
                .metavar("<group>")
                .help("Remote address group (name or ID)"),
        );
        parser.add(dst_port_arg());
        parser.add(Arg::option(&["--protocol"]).metavar("<protocol>").help(
            "IP protocol (ah, dccp, egp, esp, gre, icmp, igmp, ipv6-encap, ipv6-frag, ipv6-icmp, ipv6-nonxt, \
             ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, vrrp and integer representations \
             [0-255] or any; default: any (all protocols))",
        ));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set security group rule description"),
        );
        parser.add(icmp_type_arg());
        parser.add(icmp_code_arg());
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--ingress",
                    "Rule applies to incoming network traffic (default)",
                ),
                ("--egress", "Rule applies to outgoing network traffic"),
            ],
        );
        parser.add(ethertype_arg());
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group_id = find_group_id(ctx, args.str("group").unwrap_or(""))?;
        let (mut attrs, ethertype) = rule_attrs(args)?;
        if let Some(remote) = present(args, "remote_group") {
            let id = find_group_id(ctx, remote)?;
            attrs.insert("remote_group_id".into(), Json::from(id));
        } else if let Some(remote) = present(args, "remote_address_group") {
            let group = fail(common::find(ctx, &ADDRESS_GROUP, remote, &[]))?;
            attrs.insert(
                "remote_address_group_id".into(),
                Json::from(sdk::id_of(&group)),
            );
        } else {
            remote_ip_prefix(args, &ethertype, &mut attrs);
        }
        attrs.insert("security_group_id".into(), Json::from(group_id));
        if let Some(project_id) = common::project_id(ctx, args)? {
            attrs.insert("project_id".into(), Json::from(project_id));
        }
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &SECURITY_GROUP_RULE, attrs))?;
        Ok(common::show(
            &SECURITY_GROUP_RULE,
            &created,
            &[],
            HIDDEN,
            common::plain,
        ))
    }
}

/// `--icmp-type` of both rule creates.
pub fn icmp_type_arg() -> Arg {
    Arg::option(&["--icmp-type"])
        .metavar("<icmp-type>")
        .int()
        .help("ICMP type for ICMP IP protocols")
}

/// `--icmp-code` of both rule creates.
pub fn icmp_code_arg() -> Arg {
    Arg::option(&["--icmp-code"])
        .metavar("<icmp-code>")
        .int()
        .help("ICMP code for ICMP IP protocols")
}

/// `--ethertype` of both rule creates.
pub fn ethertype_arg() -> Arg {
    Arg::option(&["--ethertype"])
        .metavar("<ethertype>")
        .check(ethertype_check)
        .help("Ethertype of network traffic (IPv4, IPv6; default: based on IP protocol)")
}

/// `--dst-port` of both rule creates.
pub fn dst_port_arg() -> Arg {
    Arg::option(&["--dst-port"])
        .metavar("<port-range>")
        .check(dst_port_check)
        .help(
            "Destination port, may be a single port or a starting and ending port range: 137:139. \
                     Required for IP protocols TCP and UDP. Ignored for ICMP IP protocols.",
        )
}

/// `--ethertype`'s `type=convert_ipvx_case` then `choices=['IPv4', 'IPv6']`.
pub fn ethertype_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => {
            let converted = convert_ipvx_case(text);
            if converted == "IPv4" || converted == "IPv6" {
                Ok(())
            } else {
                Err(format!(
                    "invalid choice: '{converted}' (choose from 'IPv4', 'IPv6')"
                ))
            }
        }
        _ => Ok(()),
    }
}

/// `security group rule delete`.
pub struct DeleteSecurityGroupRule;

impl Command<ClientManager> for DeleteSecurityGroupRule {
    fn description(&self) -> &str {
        "Delete security group rule(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("rule")
                .metavar("<rule>")
                .nargs(Nargs::OneOrMore)
                .help("Security group rule(s) to delete (ID only)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &SECURITY_GROUP_RULE,
            &args.strings("rule"),
            "security group rule",
            "rules",
        )
    }
}

/// `security group rule list`.
pub struct ListSecurityGroupRule;

impl Command<ClientManager> for ListSecurityGroupRule {
    fn description(&self) -> &str {
        "List security group rules"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .nargs(Nargs::Optional)
                .help("List all rules in this security group (name or ID)"),
        );
        parser.add(Arg::option(&["--protocol"]).metavar("<protocol>").help(
            "List only rules with the specified IP protocol (ah, dhcp, egp, esp, gre, icmp, igmp, ipv6-encap, \
             ipv6-frag, ipv6-icmp, ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, \
             vrrp and integer representations [0-255] or any; default: any (all protocols))",
        ));
        parser.add(
            Arg::option(&["--ethertype"])
                .metavar("<ethertype>")
                .help("List only rules with the specified Ethertype (IPv4 or IPv6)"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--ingress",
                    "List only rules applied to incoming network traffic",
                ),
                (
                    "--egress",
                    "List only rules applied to outgoing network traffic",
                ),
            ],
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("**Deprecated** This argument is no longer needed"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only rules with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        if args.flag("long") {
            log::warn!("The --long option has been deprecated and is no longer needed");
        }
        let mut headers = vec![
            "ID",
            "IP Protocol",
            "Ethertype",
            "IP Range",
            "Port Range",
            "Direction",
            "Remote Security Group",
            "Remote Address Group",
        ];
        let group = present(args, "group");
        let mut params: Vec<Param> = Vec::new();
        match group {
            Some(group) => {
                let id = find_group_id(ctx, group)?;
                params.push(("security_group_id", Some(id)));
            }
            None => headers.push("Security Group"),
        }
        if args.flag("ingress") {
            params.push(("direction", Some("ingress".to_owned())));
        }
        if args.flag("egress") {
            params.push(("direction", Some("egress".to_owned())));
        }
        if let Some(protocol) = present(args, "protocol") {
            params.push(("protocol", Some(protocol.to_lowercase())));
        }
        if let Some(project_id) = common::project_id(ctx, args)? {
            params.push(("project_id", Some(project_id)));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        let items = fail(common::list(
            ctx,
            &SECURITY_GROUP_RULE,
            &params,
            page.max_items,
        ))?;
        let mut columns = vec![
            "id",
            "protocol",
            "ether_type",
            "remote_ip_prefix",
            "port_range",
            "direction",
            "remote_group_id",
            "remote_address_group_id",
        ];
        if group.is_none() {
            columns.push("security_group_id");
        }
        let rows = items
            .iter()
            .map(|rule| rule_row(&SECURITY_GROUP_RULE, rule, &columns))
            .collect();
        Ok(Output::List {
            columns: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        })
    }
}

/// `security group rule show`.
pub struct ShowSecurityGroupRule;

impl Command<ClientManager> for ShowSecurityGroupRule {
    fn description(&self) -> &str {
        "Display security group rule details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("rule")
                .metavar("<rule>")
                .help("Security group rule to display (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rule = fail(common::find(
            ctx,
            &SECURITY_GROUP_RULE,
            args.str("rule").unwrap_or(""),
            &[],
        ))?;
        Ok(show_rule(&SECURITY_GROUP_RULE, rule, HIDDEN))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn port_ranges_as_osc_shows_them() {
        let none = Json::Null;
        assert_eq!(
            format_port_range(&json!("tcp"), &json!(22), &json!(24)),
            "22:24"
        );
        assert_eq!(format_port_range(&json!("udp"), &json!(80), &none), "80:80");
        assert_eq!(format_port_range(&json!("tcp"), &none, &none), "");
        assert_eq!(
            format_port_range(&json!("icmp"), &json!(3), &json!(0)),
            "type=3"
        );
        assert_eq!(
            format_port_range(&json!("58"), &json!(3), &json!(1)),
            "type=3:code=1"
        );
        assert_eq!(
            format_port_range(&json!("icmp"), &none, &json!(1)),
            ":code=1"
        );
    }

    #[test]
    fn protocol_defaults() {
        assert!(is_ipv6_protocol(Some("ipv6-icmp")) && is_ipv6_protocol(Some("41")));
        assert!(!is_ipv6_protocol(Some("tcp")) && !is_ipv6_protocol(None));
        assert_eq!(convert_ipvx_case("ipv6"), "IPv6");
        assert_eq!(
            format_remote_ip_prefix(&Json::Null, &json!("IPv6")),
            json!("::/0")
        );
    }
}
