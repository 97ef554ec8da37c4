//! `floating ip create|delete|list|set|show|unset` (OSC's `network/v2/floating_ip.py`, openstacksdk
//! `FloatingIP`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use identity::pagination;
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, given, present};
use crate::resources::{FLOATING_IP, NETWORK, PORT, ROUTER, SUBNET};
use openstack_sdk as sdk;
use openstack_sdk::Param;

const HIDDEN: &[&str] = &["location", "tenant_id"];

fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "port_details" => common::dict_column(value),
        _ => Value::from_json(&value),
    }
}

fn find_ip(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(common::find(
        cm,
        &FLOATING_IP,
        args.str("floating_ip").unwrap_or(""),
        &[],
    ))
}

fn ip_positional(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::positional("floating_ip")
            .metavar("<floating-ip>")
            .help(help),
    );
}

fn id_of(cm: &mut ClientManager, res: &common::NetResource, name: &str) -> Result<String> {
    fail(common::find(cm, res, name, &[]).map(|item| sdk::id_of(&item)))
}

/// `floating ip create`.
pub struct CreateFloatingIp;

impl Command<ClientManager> for CreateFloatingIp {
    fn description(&self) -> &str {
        "Create floating IP"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("network")
                .metavar("<network>")
                .help("Network to allocate floating IP from (name or ID)"),
        );
        parser.add(
            Arg::option(&["--subnet"])
                .metavar("<subnet>")
                .help("Subnet on which you want to create the floating IP (name or ID)"),
        );
        parser.add(
            Arg::option(&["--port"])
                .metavar("<port>")
                .help("Port to be associated with the floating IP (name or ID)"),
        );
        parser.add(
            Arg::option(&["--router"])
                .metavar("<router>")
                .help("Router hosting the floating IP (name or ID)"),
        );
        parser.add(
            Arg::option(&["--floating-ip-address"])
                .metavar("<ip-address>")
                .dest("floating_ip_address")
                .help("Floating IP address"),
        );
        parser.add(
            Arg::option(&["--fixed-ip-address"])
                .metavar("<ip-address>")
                .dest("fixed_ip_address")
                .help("Fixed IP address mapped to the floating IP"),
        );
        parser.add(
            Arg::option(&["--qos-policy"])
                .metavar("<qos-policy>")
                .help("Attach QoS policy to the floating IP (name or ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set floating IP description"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--dns-domain"])
                .metavar("<dns-domain>")
                .dest("dns_domain")
                .help("Set DNS domain for this floating IP"),
        );
        parser.add(
            Arg::option(&["--dns-name"])
                .metavar("<dns-name>")
                .dest("dns_name")
                .help("Set DNS name for this floating IP"),
        );
        identity::common::add_project_domain_option(parser);
        common::add_tag_option_for_create(parser, "floating IP");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        if let Some(network) = present(args, "network") {
            attrs.insert(
                "floating_network_id".into(),
                Json::from(id_of(ctx, &NETWORK, network)?),
            );
        }
        if let Some(subnet) = given(args, "subnet") {
            attrs.insert("subnet_id".into(), Json::from(id_of(ctx, &SUBNET, subnet)?));
        }
        if let Some(port) = given(args, "port") {
            attrs.insert("port_id".into(), Json::from(id_of(ctx, &PORT, port)?));
        }
        if let Some(router) = given(args, "router") {
            attrs.insert("router_id".into(), Json::from(id_of(ctx, &ROUTER, router)?));
        }
        for key in ["floating_ip_address", "fixed_ip_address"] {
            if let Some(value) = given(args, key) {
                attrs.insert(key.into(), Json::from(value));
            }
        }
        if let Some(policy) = given(args, "qos_policy") {
            attrs.insert(
                "qos_policy_id".into(),
                Json::from(common::find_qos_policy_id(ctx, policy)?),
            );
        }
        if let Some(description) = present(args, "description") {
            attrs.insert("description".into(), Json::from(description));
        }
        if given(args, "project").is_some() {
            if let Some(project_id) = common::project_id(ctx, args)? {
                attrs.insert("project_id".into(), Json::from(project_id));
            }
        }
        for key in ["dns_domain", "dns_name"] {
            if let Some(value) = given(args, key) {
                attrs.insert(key.into(), Json::from(value));
            }
        }
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &FLOATING_IP, attrs))?;
        let created = fail(common::update_tags_for_set(
            ctx,
            &FLOATING_IP,
            &created,
            args,
        ))?;
        Ok(common::show(
            &FLOATING_IP,
            &created,
            &[],
            HIDDEN,
            common::plain,
        ))
    }
}

/// `floating ip delete`.
pub struct DeleteFloatingIp;

impl Command<ClientManager> for DeleteFloatingIp {
    fn description(&self) -> &str {
        "Delete floating IP(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("floating_ip")
                .metavar("<floating-ip>")
                .nargs(Nargs::OneOrMore)
                .help("Floating IP(s) to delete (IP address or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &FLOATING_IP,
            &args.strings("floating_ip"),
            "floating IP",
            "floating IPs",
        )
    }
}

/// `floating ip list`.
pub struct ListFloatingIp;

impl Command<ClientManager> for ListFloatingIp {
    fn description(&self) -> &str {
        "List floating IP(s)"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--network"])
                .metavar("<network>")
                .dest("networks")
                .append()
                .help(
                    "List only floating IP(s) with the specified network (name or ID) (repeat option to fiter on \
                     multiple networks)",
                ),
        );
        parser.add(
            Arg::option(&["--port"])
                .metavar("<port>")
                .dest("ports")
                .append()
                .help(
                    "List only floating IP(s) with the specified port (name or ID) (repeat option to fiter on \
                     multiple ports)",
                ),
        );
        parser.add(
            Arg::option(&["--fixed-ip-address"])
                .metavar("<ip-address>")
                .help("List only floating IP(s) with the specified fixed IP address"),
        );
        parser.add(
            Arg::option(&["--floating-ip-address"])
                .metavar("<ip-address>")
                .help("List only floating IP(s) with the specified floating IP address"),
        );
        parser.add(
            Arg::option(&["--status"])
                .metavar("<status>")
                .choices(&["ACTIVE", "DOWN"])
                .help("List only floating IP(s) with the specified status ('ACTIVE', 'DOWN')"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only floating IP(s) with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--router"])
                .metavar("<router>")
                .dest("routers")
                .append()
                .help(
                    "List only floating IP(s) with the specified router (name or ID) (repeat option to fiter on \
                     multiple routers)",
                ),
        );
        common::add_tag_filtering_options(parser, "floating IP");
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut columns = vec![
            "id",
            "floating_ip_address",
            "fixed_ip_address",
            "port_id",
            "floating_network_id",
            "project_id",
        ];
        let mut headers = vec![
            "ID",
            "Floating IP Address",
            "Fixed IP Address",
            "Port",
            "Floating Network",
            "Project",
        ];
        if args.flag("long") {
            columns.extend([
                "router_id",
                "status",
                "description",
                "tags",
                "dns_name",
                "dns_domain",
            ]);
            headers.extend([
                "Router",
                "Status",
                "Description",
                "Tags",
                "DNS Name",
                "DNS Domain",
            ]);
        }
        let mut params: Vec<Param> = Vec::new();
        for network in args.strings("networks") {
            params.push(("floating_network_id", Some(id_of(ctx, &NETWORK, &network)?)));
        }
        for port in args.strings("ports") {
            params.push(("port_id", Some(id_of(ctx, &PORT, &port)?)));
        }
        for key in ["fixed_ip_address", "floating_ip_address"] {
            if let Some(value) = present(args, key) {
                params.push((key, Some(value.to_owned())));
            }
        }
        if let Some(status) = given(args, "status") {
            params.push(("status", Some(status.to_owned())));
        }
        if let Some(project_id) = common::project_id(ctx, args)? {
            params.push(("project_id", Some(project_id)));
        }
        for router in args.strings("routers") {
            params.push(("router_id", Some(id_of(ctx, &ROUTER, &router)?)));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        params.extend(common::tag_filtering_params(args));
        let items = match common::list(ctx, &FLOATING_IP, &params, page.max_items) {
            Ok(items) => items,
            Err(failure) if failure.status() == Some(404) => Vec::new(),
            Err(failure) => return Err(failure.into()),
        };
        Ok(common::rows(
            &FLOATING_IP,
            &items,
            &headers,
            &columns,
            common::plain,
        ))
    }
}

/// `floating ip set`.
pub struct SetFloatingIp;

impl Command<ClientManager> for SetFloatingIp {
    fn description(&self) -> &str {
        "Set floating IP Properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        ip_positional(parser, "Floating IP to modify (IP address or ID)");
        parser.add(
            Arg::option(&["--port"])
                .metavar("<port>")
                .help("Associate the floating IP with port (name or ID)"),
        );
        parser.add(
            Arg::option(&["--router"])
                .metavar("<router>")
                .help("Router hosting the floating IP (name or ID)"),
        );
        parser.add(
            Arg::option(&["--fixed-ip-address"])
                .metavar("<ip-address>")
                .dest("fixed_ip_address")
                .help("Fixed IP of the port (required only if port has multiple IPs)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set floating IP description"),
        );
        let qos = parser.add_mutex(None, false);
        parser.add_to_mutex(
            qos,
            Arg::option(&["--qos-policy"])
                .metavar("<qos-policy>")
                .help("Attach QoS policy to the floating IP (name or ID)"),
        );
        parser.add_to_mutex(
            qos,
            Arg::option(&["--no-qos-policy"])
                .flag()
                .help("Remove the QoS policy attached to the floating IP"),
        );
        common::add_tag_option_for_set(parser, "floating IP");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let ip = find_ip(ctx, args)?;
        let mut attrs = Map::new();
        if let Some(port) = given(args, "port") {
            attrs.insert("port_id".into(), Json::from(id_of(ctx, &PORT, port)?));
        }
        if let Some(fixed) = given(args, "fixed_ip_address") {
            attrs.insert("fixed_ip_address".into(), Json::from(fixed));
        }
        if let Some(router) = given(args, "router") {
            attrs.insert("router_id".into(), Json::from(id_of(ctx, &ROUTER, router)?));
        }
        if let Some(description) = given(args, "description") {
            attrs.insert("description".into(), Json::from(description));
        }
        if let Some(policy) = given(args, "qos_policy") {
            attrs.insert(
                "qos_policy_id".into(),
                Json::from(common::find_qos_policy_id(ctx, policy)?),
            );
        }
        if args.flag("no_qos_policy") {
            attrs.insert("qos_policy_id".into(), Json::Null);
        }
        attrs.extend(common::extra_properties(args, false)?);
        if !attrs.is_empty() {
            fail(common::update(ctx, &FLOATING_IP, &ip, attrs))?;
        }
        fail(common::update_tags_for_set(ctx, &FLOATING_IP, &ip, args))?;
        Ok(Output::ok())
    }
}

/// `floating ip show`.
pub struct ShowFloatingIp;

impl Command<ClientManager> for ShowFloatingIp {
    fn description(&self) -> &str {
        "Display floating IP details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        ip_positional(parser, "Floating IP to display (IP address or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let ip = find_ip(ctx, args)?;
        Ok(common::show(&FLOATING_IP, &ip, &[], HIDDEN, format))
    }
}

/// `floating ip unset`.
pub struct UnsetFloatingIp;

impl Command<ClientManager> for UnsetFloatingIp {
    fn description(&self) -> &str {
        "Unset floating IP Properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        ip_positional(parser, "Floating IP to disassociate (IP address or ID)");
        parser.add(
            Arg::option(&["--port"])
                .flag()
                .help("Disassociate any port associated with the floating IP"),
        );
        parser.add(
            Arg::option(&["--qos-policy"])
                .flag()
                .help("Remove the QoS policy attached to the floating IP"),
        );
        common::add_tag_option_for_unset(parser, "floating IP");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let ip = find_ip(ctx, args)?;
        let mut attrs = Map::new();
        if args.flag("port") {
            attrs.insert("port_id".into(), Json::Null);
        }
        if args.flag("qos_policy") {
            attrs.insert("qos_policy_id".into(), Json::Null);
        }
        // `UnsetFloatingIP` parses its extra properties as a set command does (values, not None).
        attrs.extend(common::extra_properties(args, false)?);
        if !attrs.is_empty() {
            fail(common::update(ctx, &FLOATING_IP, &ip, attrs))?;
        }
        fail(common::update_tags_for_unset(ctx, &FLOATING_IP, &ip, args))?;
        Ok(Output::ok())
    }
}
