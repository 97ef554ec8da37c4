//! `local ip create|delete|list|set|show` (openstacksdk `LocalIP`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, fail};
use crate::nested::{params, rows};
use crate::resources::{LOCAL_IP, NETWORK, PORT};
use openstack_sdk as sdk;

fn show(local_ip: &Json) -> Output {
    c::show(
        &LOCAL_IP,
        local_ip,
        &[],
        &["location", "tenant_id"],
        c::plain,
    )
}

/// `_get_attrs` (and the list's filters, built the same way).
fn attrs(cm: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    if let Some(name) = c::given(args, "name") {
        attrs.insert("name".into(), Json::from(name));
    }
    if let Some(description) = c::given(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    if let Some(project) = c::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project));
    }
    if let Some(network) = c::given(args, "network") {
        let network = fail(c::find(cm, &NETWORK, network, &[]))?;
        attrs.insert("network_id".into(), Json::from(sdk::id_of(&network)));
    }
    if let Some(address) = c::given(args, "local_ip_address") {
        attrs.insert("local_ip_address".into(), Json::from(address));
    }
    if let Some(port) = c::given(args, "local_port") {
        let port = fail(c::find(cm, &PORT, port, &[]))?;
        attrs.insert("local_port_id".into(), Json::from(sdk::id_of(&port)));
    }
    if let Some(mode) = c::given(args, "ip_mode") {
        attrs.insert("ip_mode".into(), Json::from(mode));
    }
    Ok(attrs)
}

fn find_local_ip(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(c::find(
        cm,
        &LOCAL_IP,
        args.str("local_ip").unwrap_or(""),
        &[],
    ))
}

/// `local ip create`.
pub struct CreateLocalIp;

impl Command<ClientManager> for CreateLocalIp {
    fn description(&self) -> &str {
        "Create Local IP"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New Local IP name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description for Local IP"),
        );
        parser.add(
            Arg::option(&["--network"])
                .metavar("<network>")
                .help("Network to allocate Local IP from (name or ID)"),
        );
        parser.add(
            Arg::option(&["--local-port"])
                .metavar("<local-port>")
                .help("Port to allocate Local IP from (name or ID)"),
        );
        parser.add(
            Arg::option(&["--local-ip-address"])
                .metavar("<local-ip-address>")
                .help("IP address or CIDR for Local IP"),
        );
        parser.add(
            Arg::option(&["--ip-mode"])
                .metavar("<ip-mode>")
                .help("IP mode to use for Local IP"),
        );
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let attrs = attrs(ctx, args)?;
        let local_ip = fail(c::create(ctx, &LOCAL_IP, attrs))?;
        Ok(show(&local_ip))
    }
}

/// `local ip delete`.
pub struct DeleteLocalIp;

impl Command<ClientManager> for DeleteLocalIp {
    fn description(&self) -> &str {
        "Delete Local IP(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("local_ip")
                .metavar("<local-ip>")
                .nargs(Nargs::OneOrMore)
                .help("Local IP(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        c::delete_each_worded(
            ctx,
            args,
            &LOCAL_IP,
            &args.strings("local_ip"),
            "Failed to delete Local IP with name or ID",
            "local IPs",
        )
    }
}

/// `local ip set`.
pub struct SetLocalIp;

impl Command<ClientManager> for SetLocalIp {
    fn description(&self) -> &str {
        "Set Local IP properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("local_ip")
                .metavar("<local-ip>")
                .help("Local IP to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set local IP name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set Local IP description"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let local_ip = find_local_ip(ctx, args)?;
        let mut attrs = Map::new();
        crate::nested::put_str(&mut attrs, args, "name", "name");
        crate::nested::put_str(&mut attrs, args, "description", "description");
        if !attrs.is_empty() {
            fail(c::update(ctx, &LOCAL_IP, &local_ip, attrs))?;
        }
        Ok(Output::ok())
    }
}

/// `local ip list`.
pub struct ListLocalIp;

impl Command<ClientManager> for ListLocalIp {
    fn description(&self) -> &str {
        "List Local IPs"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List only local IP(s) with the specified name"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only local IP(s) with the specified project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--network"])
                .metavar("<network>")
                .help("List only local IP(s) with the specified network (name or ID)"),
        );
        parser.add(
            Arg::option(&["--local-port"])
                .metavar("<local-port>")
                .help("List only local IP(s) with the specified port (name or ID)"),
        );
        parser.add(
            Arg::option(&["--local-ip-address"])
                .metavar("<local-ip-address>")
                .help("List only local IP(s) with the specified IP address"),
        );
        parser.add(
            Arg::option(&["--ip-mode"])
                .metavar("<ip_mode>")
                .help("List only local IP(s) with the specified IP mode"),
        );
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let filters = attrs(ctx, args)?;
        let items = fail(c::list(ctx, &LOCAL_IP, &params(&LOCAL_IP, &filters), None))?;
        Ok(rows(
            &LOCAL_IP,
            &items,
            &[
                "ID",
                "Name",
                "Description",
                "Project",
                "Local Port ID",
                "Network",
                "Local IP address",
                "IP mode",
            ],
            &[
                "id",
                "name",
                "description",
                "project_id",
                "local_port_id",
                "network_id",
                "local_ip_address",
                "ip_mode",
            ],
            c::plain,
        ))
    }
}

/// `local ip show`.
pub struct ShowLocalIp;

impl Command<ClientManager> for ShowLocalIp {
    fn description(&self) -> &str {
        "Display Local IP details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("local_ip")
                .metavar("<local-ip>")
                .help("Local IP to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let local_ip = find_local_ip(ctx, args)?;
        Ok(show(&local_ip))
    }
}
