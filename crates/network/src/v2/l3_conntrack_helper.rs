//! `network l3 conntrack helper create|delete|list|set|show` (openstacksdk `ConntrackHelper`, under a router).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, fail};
use crate::nested::{base_under, create_under, get_under, list_under, update_under};
use crate::resources::{CONNTRACK_HELPER, ROUTER};
use identity::output::delete_summary;
use identity::pagination::{add_marker_pagination_options, pagination};
use openstack_sdk as sdk;

const HELPER: &crate::common::NetResource = &CONNTRACK_HELPER;

fn show(helper: &Json) -> Output {
    c::show(HELPER, helper, &[], &["location", "tenant_id"], c::plain)
}

fn router_argument(help: &str) -> Arg {
    Arg::positional("router").metavar("<router>").help(help)
}

fn helper_id_argument(help: &str) -> Arg {
    Arg::positional("conntrack_helper_id")
        .metavar("<conntrack-helper-id>")
        .help(help)
}

/// `_get_attrs`: the router's ID and the options given.
fn attrs(cm: &mut ClientManager, args: &Args) -> Result<(String, Map<String, Json>)> {
    let router = fail(c::find(cm, &ROUTER, args.str("router").unwrap_or(""), &[]))?;
    let mut attrs = Map::new();
    for key in ["helper", "protocol"] {
        if let Some(value) = c::given(args, key) {
            attrs.insert(key.into(), Json::from(value));
        }
    }
    match args.get("port") {
        cliff::ArgValue::Int(port) if *port != 0 => {
            attrs.insert("port".into(), Json::from(*port));
        }
        cliff::ArgValue::Str(port) if !port.is_empty() => {
            attrs.insert("port".into(), Json::from(port.clone()));
        }
        _ => {}
    }
    Ok((sdk::id_of(&router), attrs))
}

fn add_options(parser: &mut Parser, required: bool) {
    let option = |flag: &str, metavar: &str, help: &str| {
        let arg = Arg::option(&[flag]).metavar(metavar).help(help);
        if required {
            arg.required()
        } else {
            arg
        }
    };
    parser.add(option(
        "--helper",
        "<helper>",
        "The netfilter conntrack helper module",
    ));
    parser.add(option(
        "--protocol",
        "<protocol>",
        "The network protocol for the netfilter conntrack target rule",
    ));
    parser.add(
        option(
            "--port",
            "<port>",
            "The network port for the netfilter conntrack target rule",
        )
        .int(),
    );
}

/// `network l3 conntrack helper create`.
pub struct CreateConntrackHelper;

impl Command<ClientManager> for CreateConntrackHelper {
    fn description(&self) -> &str {
        "Create a new L3 conntrack helper"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(router_argument(
            "Router for which conntrack helper will be created",
        ));
        add_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (router, attrs) = attrs(ctx, args)?;
        let helper = fail(create_under(ctx, HELPER, &[("router_id", &router)], attrs))?;
        Ok(show(&helper))
    }
}

/// `network l3 conntrack helper delete`.
pub struct DeleteConntrackHelper;

impl Command<ClientManager> for DeleteConntrackHelper {
    fn description(&self) -> &str {
        "Delete L3 conntrack helper"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(router_argument(
            "Router that the conntrack helper belongs to",
        ));
        parser.add(
            helper_id_argument("The ID of the conntrack helper(s) to delete")
                .nargs(Nargs::OneOrMore),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let router = fail(c::find(ctx, &ROUTER, args.str("router").unwrap_or(""), &[]))?;
        let base = fail(base_under(
            ctx,
            HELPER,
            &[("router_id", &sdk::id_of(&router))],
        ))?;
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("conntrack_helper_id"),
            |ctx, id| sdk::delete(ctx, &HELPER.resource, &sdk::item_path(&base, id), false),
            |id, err| format!("Failed to delete L3 conntrack helper with ID '{id}': {err}"),
            delete_summary("L3 conntrack helpers"),
        )
    }
}

/// `network l3 conntrack helper list`.
pub struct ListConntrackHelper;

impl Command<ClientManager> for ListConntrackHelper {
    fn description(&self) -> &str {
        "List L3 conntrack helpers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(router_argument(
            "Router that the conntrack helper belongs to",
        ));
        parser.add(
            Arg::option(&["--helper"])
                .metavar("<helper>")
                .help("List only helpers using the specified netfilter conntrack helper module"),
        );
        parser.add(Arg::option(&["--protocol"]).metavar("<protocol>").help(
            "List only helpers with the specified network protocol for the netfilter conntrack target rule",
        ));
        parser.add(Arg::option(&["--port"]).metavar("<port>").help(
            "List only helpers with the specified network port for the netfilter conntrack target rule (name or \
             ID)",
        ));
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (router, filters) = attrs(ctx, args)?;
        let page = pagination(args)?;
        let mut items = fail(list_under(
            ctx,
            HELPER,
            &[("router_id", &router)],
            &page.params,
            page.max_items,
        ))?;
        // The class has no such query parameters: openstacksdk keeps the items whose attributes equal the
        // filters (a `--port` string never equals the integer port).
        items.retain(|item| {
            filters
                .iter()
                .all(|(key, value)| item.get(key).unwrap_or(&Json::Null) == value)
        });
        // The URI attribute `router_id` is the router the list was made for.
        for item in &mut items {
            if let Json::Object(map) = item {
                map.insert("router_id".into(), Json::from(router.clone()));
            }
        }
        Ok(c::rows(
            HELPER,
            &items,
            &["ID", "Router ID", "Helper", "Protocol", "Port"],
            &["id", "router_id", "helper", "protocol", "port"],
            c::plain,
        ))
    }
}

/// `network l3 conntrack helper set`.
pub struct SetConntrackHelper;

impl Command<ClientManager> for SetConntrackHelper {
    fn description(&self) -> &str {
        "Set L3 conntrack helper properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(router_argument(
            "Router that the conntrack helper belongs to",
        ));
        parser.add(helper_id_argument("The ID of the conntrack helper(s)"));
        add_options(parser, false);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (router, attrs) = attrs(ctx, args)?;
        fail(update_under(
            ctx,
            HELPER,
            &[("router_id", &router)],
            args.str("conntrack_helper_id").unwrap_or(""),
            attrs,
        ))?;
        Ok(Output::ok())
    }
}

/// `network l3 conntrack helper show`.
pub struct ShowConntrackHelper;

impl Command<ClientManager> for ShowConntrackHelper {
    fn description(&self) -> &str {
        "Display L3 conntrack helper details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(router_argument(
            "Router that the conntrack helper belongs to",
        ));
        parser.add(helper_id_argument("The ID of the conntrack helper"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let router = fail(c::find(ctx, &ROUTER, args.str("router").unwrap_or(""), &[]))?;
        let helper = fail(get_under(
            ctx,
            HELPER,
            &[("router_id", &sdk::id_of(&router))],
            args.str("conntrack_helper_id").unwrap_or(""),
        ))?;
        Ok(show(&helper))
    }
}
