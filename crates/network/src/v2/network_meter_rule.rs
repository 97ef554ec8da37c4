//! `network meter rule create|delete|list|show` (openstacksdk `MeteringLabelRule`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_exclusive_flags, add_extra_property_option, fail};
use crate::nested::{paged_rows, put_str};
use crate::resources::{METERING_LABEL, METERING_LABEL_RULE};
use identity::pagination::add_marker_pagination_options;
use openstack_sdk as sdk;

fn show(rule: &Json) -> Output {
    c::show(
        &METERING_LABEL_RULE,
        rule,
        &[],
        &["location", "tenant_id"],
        c::plain,
    )
}

/// `network meter rule create`.
pub struct CreateMeterRule;

impl Command<ClientManager> for CreateMeterRule {
    fn description(&self) -> &str {
        "Create a new meter rule"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        c::add_project_options(parser, "Owner's project (name or ID)");
        add_exclusive_flags(
            parser,
            &[
                ("--exclude", "Exclude remote IP prefix from traffic count"),
                (
                    "--include",
                    "Include remote IP prefix from traffic count (default)",
                ),
            ],
        );
        add_exclusive_flags(
            parser,
            &[
                (
                    "--ingress",
                    "Apply rule to incoming network traffic (default)",
                ),
                ("--egress", "Apply rule to outgoing network traffic"),
            ],
        );
        for (flag, help) in [
            (
                "--remote-ip-prefix",
                "The remote IP prefix to associate with this rule",
            ),
            (
                "--source-ip-prefix",
                "The source IP prefix to associate with this rule",
            ),
            (
                "--destination-ip-prefix",
                "The destination IP prefix to associate with this rule",
            ),
        ] {
            parser.add(
                Arg::option(&[flag])
                    .metavar("<remote-ip-prefix>")
                    .help(help),
            );
        }
        parser.add(
            Arg::positional("meter")
                .metavar("<meter>")
                .help("Label to associate with this metering rule (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let meter = fail(c::find(
            ctx,
            &METERING_LABEL,
            args.str("meter").unwrap_or(""),
            &[],
        ))?;
        let mut attrs = Map::new();
        if args.flag("exclude") {
            attrs.insert("excluded".into(), Json::Bool(true));
        }
        if args.flag("include") {
            attrs.insert("excluded".into(), Json::Bool(false));
        }
        let direction = if args.flag("egress") {
            "egress"
        } else {
            "ingress"
        };
        attrs.insert("direction".into(), Json::from(direction));
        for key in [
            "remote_ip_prefix",
            "source_ip_prefix",
            "destination_ip_prefix",
        ] {
            put_str(&mut attrs, args, key, key);
        }
        attrs.insert("metering_label_id".into(), Json::from(sdk::id_of(&meter)));
        if let Some(project) = c::project_id(ctx, args)? {
            attrs.insert("project_id".into(), Json::from(project));
        }
        attrs.extend(c::extra_properties(args, false)?);
        let rule = fail(c::create(ctx, &METERING_LABEL_RULE, attrs))?;
        Ok(show(&rule))
    }
}

/// `network meter rule delete`.
pub struct DeleteMeterRule;

impl Command<ClientManager> for DeleteMeterRule {
    fn description(&self) -> &str {
        "Delete meter rule(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("meter_rule_id")
                .metavar("<meter-rule-id>")
                .nargs(Nargs::OneOrMore)
                .help("Meter rule to delete (ID only)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        c::delete_each_worded(
            ctx,
            args,
            &METERING_LABEL_RULE,
            &args.strings("meter_rule_id"),
            "Failed to delete meter rule with ID",
            "meter rules",
        )
    }
}

/// `network meter rule list`.
pub struct ListMeterRule;

impl Command<ClientManager> for ListMeterRule {
    fn description(&self) -> &str {
        "List meter rules"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        paged_rows(
            ctx,
            &METERING_LABEL_RULE,
            args,
            &[
                "ID",
                "Excluded",
                "Direction",
                "Remote IP Prefix",
                "Source IP Prefix",
                "Destination IP Prefix",
            ],
            &[
                "id",
                "excluded",
                "direction",
                "remote_ip_prefix",
                "source_ip_prefix",
                "destination_ip_prefix",
            ],
        )
    }
}

/// `network meter rule show`.
pub struct ShowMeterRule;

impl Command<ClientManager> for ShowMeterRule {
    fn description(&self) -> &str {
        "Display meter rules details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("meter_rule_id")
                .metavar("<meter-rule-id>")
                .help("Meter rule (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rule = fail(c::find(
            ctx,
            &METERING_LABEL_RULE,
            args.str("meter_rule_id").unwrap_or(""),
            &[],
        ))?;
        Ok(show(&rule))
    }
}
