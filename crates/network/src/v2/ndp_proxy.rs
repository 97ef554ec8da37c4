//! `router ndp proxy create|delete|list|set|show` (openstacksdk `NDPProxy`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, fail};
use crate::nested::{put_str, rows};
use crate::resources::{NDP_PROXY, PORT, ROUTER};
use openstack_sdk as sdk;

const DESCRIPTION_HELP: &str =
    "Text to describe/contextualize the use of the NDP proxy configuration";

fn show(proxy: &Json) -> Output {
    c::show(&NDP_PROXY, proxy, &[], &["location"], c::plain)
}

fn find_proxy(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(c::find(
        cm,
        &NDP_PROXY,
        args.str("ndp_proxy").unwrap_or(""),
        &[],
    ))
}

fn id_of_found(
    cm: &mut ClientManager,
    res: &crate::common::NetResource,
    name: &str,
) -> Result<String> {
    fail(c::find(cm, res, name, &[])).map(|item| sdk::id_of(&item))
}

/// `router ndp proxy create`.
pub struct CreateNdpProxy;

impl Command<ClientManager> for CreateNdpProxy {
    fn description(&self) -> &str {
        "Create NDP proxy"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("router")
                .metavar("<router>")
                .help("Router to associate with this NDP proxy (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New NDP proxy name"),
        );
        parser.add(
            Arg::option(&["--port"])
                .metavar("<port>")
                .required()
                .help("Port to associate with this NDP proxy (name or ID)"),
        );
        parser.add(Arg::option(&["--ip-address"]).metavar("<ip-address>").help(
            "The IPv6 address that is to be proxied. In case the port has multiple addresses assigned, use this \
             option to select which address is to be used.",
        ));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help(DESCRIPTION_HELP),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        // `attrs = {'name': parsed_args.name}`: sent even when `None`.
        let mut attrs = Map::new();
        attrs.insert(
            "name".into(),
            args.str("name").map_or(Json::Null, Json::from),
        );
        let router = id_of_found(ctx, &ROUTER, args.str("router").unwrap_or(""))?;
        attrs.insert("router_id".into(), Json::from(router));
        if let Some(address) = c::given(args, "ip_address") {
            attrs.insert("ip_address".into(), Json::from(address));
        }
        let port = id_of_found(ctx, &PORT, args.str("port").unwrap_or(""))?;
        attrs.insert("port_id".into(), Json::from(port));
        put_str(&mut attrs, args, "description", "description");
        let proxy = fail(c::create(ctx, &NDP_PROXY, attrs))?;
        Ok(show(&proxy))
    }
}

/// `router ndp proxy delete`.
pub struct DeleteNdpProxy;

impl Command<ClientManager> for DeleteNdpProxy {
    fn description(&self) -> &str {
        "Delete NDP proxy"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("ndp_proxy")
                .nargs(Nargs::OneOrMore)
                .metavar("<ndp-proxy>")
                .help("NDP proxy(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        c::delete_each_worded(
            ctx,
            args,
            &NDP_PROXY,
            &args.strings("ndp_proxy"),
            "Failed to delete NDP proxy",
            "NDP proxies",
        )
    }
}

/// `router ndp proxy list`.
pub struct ListNdpProxy;

impl Command<ClientManager> for ListNdpProxy {
    fn description(&self) -> &str {
        "List NDP proxies"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--router"])
                .metavar("<router>")
                .help("List only NDP proxies associated with the specifed router (name or ID)"),
        );
        parser.add(
            Arg::option(&["--port"])
                .metavar("<port>")
                .help("List only NDP proxies associated with the specified port (name or ID)"),
        );
        parser.add(
            Arg::option(&["--ip-address"])
                .metavar("<ip-address>")
                .help("List only NDP proxies associated with the specified IPv6 address"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only NDP proxies with the specified project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List only NDP proxies with the specified name"),
        );
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params = Vec::new();
        if let Some(router) = c::given(args, "router") {
            params.push(("router_id", Some(id_of_found(ctx, &ROUTER, router)?)));
        }
        if let Some(port) = c::given(args, "port") {
            params.push(("port_id", Some(id_of_found(ctx, &PORT, port)?)));
        }
        if let Some(address) = args.str("ip_address") {
            params.push(("ip_address", Some(address.to_owned())));
        }
        if let Some(project) = c::given(args, "project") {
            let id = c::find_project_id(ctx, project, args.str("project_domain"))?;
            params.push(("project_id", Some(id)));
        }
        if let Some(name) = c::given(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        let items = fail(c::list(ctx, &NDP_PROXY, &params, None))?;
        Ok(rows(
            &NDP_PROXY,
            &items,
            &["ID", "Name", "Router ID", "IP Address", "Project"],
            &["id", "name", "router_id", "ip_address", "project_id"],
            c::plain,
        ))
    }
}

/// `router ndp proxy set`.
pub struct SetNdpProxy;

impl Command<ClientManager> for SetNdpProxy {
    fn description(&self) -> &str {
        "Set NDP proxy properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("ndp_proxy")
                .metavar("<ndp-proxy>")
                .help("The ID or name of the NDP proxy to update"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set NDP proxy name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help(DESCRIPTION_HELP),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        put_str(&mut attrs, args, "description", "description");
        put_str(&mut attrs, args, "name", "name");
        let proxy = find_proxy(ctx, args)?;
        fail(c::update(ctx, &NDP_PROXY, &proxy, attrs))?;
        Ok(Output::ok())
    }
}

/// `router ndp proxy show`.
pub struct ShowNdpProxy;

impl Command<ClientManager> for ShowNdpProxy {
    fn description(&self) -> &str {
        "Display NDP proxy details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("ndp_proxy")
                .metavar("<ndp-proxy>")
                .help("The ID or name of the NDP proxy"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let proxy = find_proxy(ctx, args)?;
        Ok(show(&proxy))
    }
}
