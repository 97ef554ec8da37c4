//! `network qos rule type list|show` (openstacksdk `QoSRuleType`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common::{self as c, add_exclusive_flags, fail};
use crate::resources::QOS_RULE_TYPE;
use identity::pagination::{add_marker_pagination_options, pagination};
use openstack_sdk as sdk;

/// `network qos rule type list`.
pub struct ListNetworkQosRuleType;

impl Command<ClientManager> for ListNetworkQosRuleType {
    fn description(&self) -> &str {
        "List QoS rule types"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_exclusive_flags(
            parser,
            &[(
                "--all-supported",
                "List all the QoS rule types supported by any loaded mechanism drivers (the union of all sets \
                 of supported rules)",
            ),
            (
                "--all-rules",
                "List all QoS rule types implemented in Neutron QoS driver",
            )],
        );
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let page = pagination(args)?;
        let mut params = page.params;
        if args.flag("all_supported") {
            params.push(("all_supported", Some(sdk::py_bool(true))));
        } else if args.flag("all_rules") {
            params.push(("all_rules", Some(sdk::py_bool(true))));
        }
        let items = fail(c::list(ctx, &QOS_RULE_TYPE, &params, page.max_items))?;
        Ok(crate::nested::rows(
            &QOS_RULE_TYPE,
            &items,
            &["Type"],
            &["type"],
            c::plain,
        ))
    }
}

/// `network qos rule type show`.
pub struct ShowNetworkQosRuleType;

impl Command<ClientManager> for ShowNetworkQosRuleType {
    fn description(&self) -> &str {
        "Show details about supported QoS rule type"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("rule_type")
                .metavar("<qos-rule-type-name>")
                .help("Name of QoS rule type"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let item = fail(c::get(
            ctx,
            &QOS_RULE_TYPE,
            args.str("rule_type").unwrap_or(""),
        ))?;
        Ok(c::show(
            &QOS_RULE_TYPE,
            &item,
            &[("type", "rule_type_name"), ("drivers", "drivers")],
            &["id", "location", "name", "tenant_id"],
            c::plain,
        ))
    }
}
