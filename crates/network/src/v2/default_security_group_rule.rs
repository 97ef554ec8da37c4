//! `default security group rule create|delete|list|show` (OSC's `network/v2/default_security_group_rule.py`,
//! openstacksdk `DefaultSecurityGroupRule`): the rules Neutron puts in new security groups.

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::common::{self, fail, present};
use crate::resources::DEFAULT_SECURITY_GROUP_RULE as RULE;
use crate::v2::security_group_rule::{
    dst_port_arg, ethertype_arg, icmp_code_arg, icmp_type_arg, remote_ip_prefix, rule_attrs,
    rule_row, show_rule,
};
use openstack_sdk::Param;

const HIDDEN: &[&str] = &["location", "name", "revision_number"];

/// `default security group rule create`.
pub struct CreateDefaultSecurityGroupRule;

impl Command<ClientManager> for CreateDefaultSecurityGroupRule {
    fn description(&self) -> &str {
        "Add a new security group rule to the default security group template. These rules will be applied to the \
         default security groups created for any new project. They will not be applied to any existing default \
         security groups."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set default security group rule description"),
        );
        parser.add(icmp_type_arg());
        parser.add(icmp_code_arg());
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--ingress",
                    "Rule will apply to incoming network traffic (default)",
                ),
                ("--egress", "Rule will apply to outgoing network traffic"),
            ],
        );
        parser.add(ethertype_arg());
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
                .help("Remote security group (ID)"),
        );
        parser.add_to_mutex(
            remote,
            Arg::option(&["--remote-address-group"])
                .metavar("<group>")
                .help("Remote address group (ID)"),
        );
        parser.add(dst_port_arg());
        parser.add(Arg::option(&["--protocol"]).metavar("<protocol>").help(
            "IP protocol (ah, dccp, egp, esp, gre, icmp, igmp, ipv66-encap, ipv6-frag, ipv6-icmp, ipv6-nonxt, \
             ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, vrrp and integer representations \
             [0-255] or any; default: any (all protocols))",
        ));
        parser.add(Arg::option(&["--for-default-sg"]).flag().help(
            "Set this default security group rule to be used in all default security groups created \
             automatically for each project",
        ));
        parser.add(Arg::option(&["--for-custom-sg"]).flag().help(
            "Set this default security group rule to be used in all custom security groups created manually by \
             users",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (mut attrs, ethertype) = rule_attrs(args)?;
        if let Some(remote) = present(args, "remote_group") {
            attrs.insert("remote_group_id".into(), Json::from(remote));
        } else if let Some(remote) = present(args, "remote_address_group") {
            attrs.insert("remote_address_group_id".into(), Json::from(remote));
        } else {
            remote_ip_prefix(args, &ethertype, &mut attrs);
        }
        attrs.insert(
            "used_in_default_sg".into(),
            Json::Bool(args.flag("for_default_sg")),
        );
        attrs.insert(
            "used_in_non_default_sg".into(),
            Json::Bool(args.flag("for_custom_sg")),
        );
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &RULE, attrs))?;
        Ok(common::show(&RULE, &created, &[], HIDDEN, common::plain))
    }
}

/// `default security group rule delete`.
pub struct DeleteDefaultSecurityGroupRule;

impl Command<ClientManager> for DeleteDefaultSecurityGroupRule {
    fn description(&self) -> &str {
        "Remove security group rule(s) from the default security group template. These rules will not longer be \
         applied to the default security groups created for any new project. They will not be removed from any \
         existing default security groups."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("rule")
                .metavar("<rule>")
                .nargs(Nargs::OneOrMore)
                .help("Default security group rule(s) to delete (ID only)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each_worded(
            ctx,
            args,
            &RULE,
            &args.strings("rule"),
            "Failed to delete default SG rule with ID",
            "default rules",
        )
    }
}

/// `default security group rule list`.
pub struct ListDefaultSecurityGroupRule;

impl Command<ClientManager> for ListDefaultSecurityGroupRule {
    fn description(&self) -> &str {
        "List security group rules used for new default security groups. This shows the rules that will be added \
         to any new default security groups created. These rules may differ for the rules present on existing \
         default security groups."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--protocol"]).metavar("<protocol>").help(
            "List only default rules with the specified IP protocol (ah, dhcp, egp, esp, gre, icmp, igmp, \
             ipv6-encap, ipv6-frag, ipv6-icmp, ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, \
             udplite, vrrp and integer representations [0-255] or any; default: any (all protocols))",
        ));
        parser.add(
            Arg::option(&["--ethertype"])
                .metavar("<ethertype>")
                .help("List default rules by the Ethertype (IPv4 or IPv6)"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--ingress",
                    "List only default rules which will be applied to incoming network traffic",
                ),
                (
                    "--egress",
                    "List only default rules which will be applied to outgoing network traffic",
                ),
            ],
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if args.flag("ingress") {
            params.push(("direction", Some("ingress".to_owned())));
        }
        if args.flag("egress") {
            params.push(("direction", Some("egress".to_owned())));
        }
        if let Some(protocol) = present(args, "protocol") {
            params.push(("protocol", Some(protocol.to_lowercase())));
        }
        let items = fail(common::list(ctx, &RULE, &params, None))?;
        let columns = [
            "id",
            "protocol",
            "ether_type",
            "remote_ip_prefix",
            "port_range",
            "direction",
            "remote_group_id",
            "remote_address_group_id",
            "used_in_default_sg",
            "used_in_non_default_sg",
        ];
        Ok(Output::List {
            columns: [
                "ID",
                "IP Protocol",
                "Ethertype",
                "IP Range",
                "Port Range",
                "Direction",
                "Remote Security Group",
                "Remote Address Group",
                "Used in default Security Group",
                "Used in custom Security Group",
            ]
            .iter()
            .map(|h| (*h).to_owned())
            .collect(),
            rows: items
                .iter()
                .map(|rule| rule_row(&RULE, rule, &columns))
                .collect(),
        })
    }
}

/// `default security group rule show`.
pub struct ShowDefaultSecurityGroupRule;

impl Command<ClientManager> for ShowDefaultSecurityGroupRule {
    fn description(&self) -> &str {
        "Show a security group rule used for new default security groups. This shows a rule that will be added to \
         any new default security groups created. This rule may not be present on existing default security \
         groups."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("rule")
                .metavar("<rule>")
                .help("Default security group rule to display (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rule = fail(common::find(
            ctx,
            &RULE,
            args.str("rule").unwrap_or(""),
            &[],
        ))?;
        Ok(show_rule(&RULE, rule, HIDDEN))
    }
}
