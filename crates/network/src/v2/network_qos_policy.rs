//! `network qos policy create|delete|list|set|show` (openstacksdk `QoSPolicy`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_exclusive_flags, add_extra_property_option, fail};
use crate::nested::{params, put_str};
use crate::resources::QOS_POLICY;
use identity::output::delete_summary;
use identity::pagination::{add_marker_pagination_options, pagination};

const HIDDEN: &[&str] = &["location", "tenant_id"];
const COLUMN_MAP: &[(&str, &str)] = &[("is_shared", "shared")];

/// `_formatters`: `RulesColumn`, one rule (a Python dict) per line.
fn formatter(attribute: &str, value: Json) -> Value {
    if attribute != "rules" {
        return c::plain(attribute, value);
    }
    let value = Value::from_json(&value);
    let human = match &value {
        Value::List(items) => items
            .iter()
            .map(osc_lib::utils::py_str)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    };
    Value::Column {
        human,
        machine: Box::new(value),
    }
}

/// `_get_attrs`: the options given, as body fields.
fn attrs(cm: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    put_str(&mut attrs, args, "name", "name");
    put_str(&mut attrs, args, "description", "description");
    if args.flag("share") {
        attrs.insert("shared".into(), Json::Bool(true));
    }
    if args.flag("no_share") {
        attrs.insert("shared".into(), Json::Bool(false));
    }
    if args.flag("default") {
        attrs.insert("is_default".into(), Json::Bool(true));
    }
    if args.flag("no_default") {
        attrs.insert("is_default".into(), Json::Bool(false));
    }
    if let Some(project) = c::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project));
    }
    Ok(attrs)
}

fn add_default_options(parser: &mut Parser) {
    add_exclusive_flags(
        parser,
        &[
            ("--default", "Set this as a default network QoS policy"),
            (
                "--no-default",
                "Set this as a non-default network QoS policy",
            ),
        ],
    );
}

/// `network qos policy create`.
pub struct CreateNetworkQosPolicy;

impl Command<ClientManager> for CreateNetworkQosPolicy {
    fn description(&self) -> &str {
        "Create a QoS policy"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of QoS policy to create"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the QoS policy"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--share"])
                .flag()
                .default_none()
                .help("Make the QoS policy accessible by other projects"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--no-share"])
                .flag()
                .help("Make the QoS policy not accessible by other projects (default)"),
        );
        c::add_project_options(parser, "Owner's project (name or ID)");
        add_default_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = attrs(ctx, args)?;
        body.extend(c::extra_properties(args, false)?);
        let policy = fail(c::create(ctx, &QOS_POLICY, body))?;
        Ok(c::show(&QOS_POLICY, &policy, COLUMN_MAP, HIDDEN, c::plain))
    }
}

/// `network qos policy delete`.
pub struct DeleteNetworkQosPolicy;

impl Command<ClientManager> for DeleteNetworkQosPolicy {
    fn description(&self) -> &str {
        "Delete Qos Policy(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("policy")
                .metavar("<qos-policy>")
                .nargs(Nargs::OneOrMore)
                .help("QoS policy(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("policy"),
            |ctx, name| {
                let found = c::find(ctx, &QOS_POLICY, name, &[])?;
                c::delete(ctx, &QOS_POLICY, &openstack_sdk::id_of(&found))
            },
            |item, err| format!("Failed to delete QoS policy name or ID '{item}': {err}"),
            delete_summary("QoS policies"),
        )
    }
}

/// `network qos policy list`.
pub struct ListNetworkQosPolicy;

impl Command<ClientManager> for ListNetworkQosPolicy {
    fn description(&self) -> &str {
        "List QoS policies"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        c::add_project_options(
            parser,
            "List only QoS policies with the specified project (name or ID)",
        );
        add_exclusive_flags(
            parser,
            &[
                ("--share", "List only QoS policies shared between projects"),
                (
                    "--no-share",
                    "List only QoS policies not shared between projects",
                ),
            ],
        );
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let filters = attrs(ctx, args)?;
        let page = pagination(args)?;
        let mut params = params(&QOS_POLICY, &filters);
        params.extend(page.params);
        let items = fail(c::list(ctx, &QOS_POLICY, &params, page.max_items))?;
        Ok(crate::nested::rows(
            &QOS_POLICY,
            &items,
            &["ID", "Name", "Shared", "Default", "Project"],
            &["id", "name", "is_shared", "is_default", "project_id"],
            c::plain,
        ))
    }
}

/// `network qos policy set`.
pub struct SetNetworkQosPolicy;

impl Command<ClientManager> for SetNetworkQosPolicy {
    fn description(&self) -> &str {
        "Set QoS policy properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("policy")
                .metavar("<qos-policy>")
                .help("QoS policy to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set QoS policy name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the QoS policy"),
        );
        add_exclusive_flags(
            parser,
            &[
                (
                    "--share",
                    "Make the QoS policy accessible by other projects",
                ),
                (
                    "--no-share",
                    "Make the QoS policy not accessible by other projects",
                ),
            ],
        );
        add_default_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = fail(c::find(
            ctx,
            &QOS_POLICY,
            args.str("policy").unwrap_or(""),
            &[],
        ))?;
        let mut body = attrs(ctx, args)?;
        body.extend(c::extra_properties(args, false)?);
        fail(c::update(ctx, &QOS_POLICY, &found, body))?;
        Ok(Output::ok())
    }
}

/// `network qos policy show`.
pub struct ShowNetworkQosPolicy;

impl Command<ClientManager> for ShowNetworkQosPolicy {
    fn description(&self) -> &str {
        "Display QoS policy details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("policy")
                .metavar("<qos-policy>")
                .help("QoS policy to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = fail(c::find(
            ctx,
            &QOS_POLICY,
            args.str("policy").unwrap_or(""),
            &[],
        ))?;
        Ok(c::show(&QOS_POLICY, &found, COLUMN_MAP, HIDDEN, formatter))
    }
}
