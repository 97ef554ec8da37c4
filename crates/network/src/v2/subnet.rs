//! `subnet create|delete|list|set|show|unset` (OSC's `network/v2/subnet.py`, openstacksdk `Subnet`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::pagination;
use osc_lib::utils::{format_list_of_dicts, py_repr};
use osc_lib::{parseractions, ClientManager};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, given, present};
use crate::resources::{NETWORK, SUBNET, SUBNET_POOL};
use openstack_sdk as sdk;
use openstack_sdk::Param;

const COLUMN_MAP: &[(&str, &str)] = &[
    ("is_dhcp_enabled", "enable_dhcp"),
    ("subnet_pool_id", "subnetpool_id"),
];
const HIDDEN: &[&str] = &[
    "location",
    "use_default_subnet_pool",
    "prefix_length",
    "tenant_id",
];

/// `convert_entries_to_gateway` / `convert_entries_to_nexthop`: a route's `from` key renamed `to` (moved last).
fn rename_key(entries: &Json, from: &str, to: &str) -> Json {
    match entries {
        Json::Array(items) => Json::Array(
            items
                .iter()
                .map(|item| match item {
                    Json::Object(map) if map.contains_key(from) => {
                        let mut map = map.clone();
                        let value = map.remove(from).unwrap_or(Json::Null);
                        map.insert(to.to_owned(), value);
                        Json::Object(map)
                    }
                    other => other.clone(),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn dicts(value: &Json) -> Vec<Vec<(String, Value)>> {
    match value {
        Json::Array(items) => items
            .iter()
            .map(|item| match Value::from_json(item) {
                Value::Dict(pairs) => pairs,
                _ => Vec::new(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn texts(value: &Json) -> Vec<String> {
    match value {
        Json::Array(items) => items.iter().map(sdk::json_text).collect(),
        _ => Vec::new(),
    }
}

/// `_formatters`.
fn format(attribute: &str, value: Json) -> Value {
    let machine = Box::new(Value::from_json(&value));
    match attribute {
        "allocation_pools" => {
            let pools: Vec<String> = match &value {
                Json::Array(pools) => pools
                    .iter()
                    .map(|pool| {
                        let get = |k: &str| pool.get(k).map(sdk::json_text).unwrap_or_default();
                        format!("{}-{}", get("start"), get("end"))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Value::Column {
                human: pools.join(","),
                machine,
            }
        }
        "dns_nameservers" => Value::Column {
            human: texts(&value).join(", "),
            machine,
        },
        "host_routes" => Value::Column {
            human: format_list_of_dicts(Some(&dicts(&rename_key(&value, "nexthop", "gateway"))))
                .unwrap_or_default(),
            machine,
        },
        "service_types" | "tags" => common::list_column(value),
        _ => Value::from_json(&value),
    }
}

fn show(item: &Json) -> Output {
    common::show(&SUBNET, item, COLUMN_MAP, HIDDEN, format)
}

fn pool_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => {
            parseractions::multi_key_value(std::slice::from_ref(text), &["start", "end"], &[])
                .map(|_| ())
        }
        _ => Ok(()),
    }
}

fn route_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => parseractions::multi_key_value(
            std::slice::from_ref(text),
            &["destination", "gateway"],
            &[],
        )
        .map(|_| ()),
        _ => Ok(()),
    }
}

/// The dicts of a `MultiKeyValueAction` option (checked while parsing), as JSON objects.
fn multi(args: &Args, dest: &str) -> Option<Vec<Json>> {
    if !matches!(args.get(dest), ArgValue::List(_)) {
        return None;
    }
    let parsed = parseractions::multi_key_value(&args.strings(dest), &[], &[]).unwrap_or_default();
    Some(
        parsed
            .into_iter()
            .map(|pairs| Json::Object(pairs.into_iter().map(|(k, v)| (k, Json::from(v))).collect()))
            .collect(),
    )
}

fn strings_opt(args: &Args, dest: &str) -> Option<Vec<String>> {
    matches!(args.get(dest), ArgValue::List(_)).then(|| args.strings(dest))
}

/// `_get_common_parse_arguments`.
fn add_common_options(parser: &mut Parser, is_create: bool) {
    parser.add(
        Arg::option(&["--allocation-pool"])
            .metavar("start=<ip-address>,end=<ip-address>")
            .dest("allocation_pools")
            .append()
            .check(pool_check)
            .help(
                "Allocation pool IP addresses for this subnet, for example, \
                 start=192.168.199.2,end=192.168.199.254 (repeat option to add multiple IP addresses)",
            ),
    );
    if !is_create {
        parser.add(Arg::option(&["--no-allocation-pool"]).flag().help(
            "Clear associated allocation-pools from the subnet. Specify both --allocation-pool and \
             --no-allocation-pool to overwrite the current allocation pool information.",
        ));
    }
    parser.add(
        Arg::option(&["--dns-nameserver"])
            .metavar("<dns-nameserver>")
            .append()
            .dest("dns_nameservers")
            .help("DNS server for this subnet (repeat option to set multiple DNS servers)"),
    );
    if !is_create {
        parser.add(Arg::option(&["--no-dns-nameservers"]).flag().help(
            "Clear existing information of DNS Nameservers. Specify both --dns-nameserver and \
             --no-dns-nameserver to overwrite the current DNS Nameserver information.",
        ));
    }
    parser.add(
        Arg::option(&["--host-route"])
            .metavar("destination=<subnet>,gateway=<ip-address>")
            .dest("host_routes")
            .append()
            .check(route_check)
            .help(
                "Additional route for this subnet, for example, \
                 destination=10.10.0.0/16,gateway=192.168.71.254 destination: destination subnet (in CIDR \
                 notation) gateway: next-hop IP address (repeat option to add multiple routes)",
            ),
    );
    if !is_create {
        parser.add(Arg::option(&["--no-host-route"]).flag().help(
            "Clear associated host-routes from the subnet. Specify both --host-route and --no-host-route to \
             overwrite the current host route information.",
        ));
    }
    parser.add(
        Arg::option(&["--service-type"])
            .metavar("<service-type>")
            .append()
            .dest("service_types")
            .help(
                "Service type for this subnet, for example, network:floatingip_agent_gateway. Must be a valid \
                 device owner value for a network port (repeat option to set multiple service types)",
            ),
    );
}

/// `_get_attrs`.
fn attrs(cm: &mut ClientManager, args: &Args, is_create: bool) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    if let Some(name) = present(args, "name") {
        attrs.insert("name".into(), Json::from(name));
    }
    if is_create {
        if let Some(project_id) = common::project_id(cm, args)? {
            attrs.insert("project_id".into(), Json::from(project_id));
        }
        let network = fail(common::find(
            cm,
            &NETWORK,
            args.str("network").unwrap_or(""),
            &[],
        ))?;
        attrs.insert("network_id".into(), Json::from(sdk::id_of(&network)));
        if let Some(pool) = present(args, "subnet_pool") {
            let pool = fail(common::find(cm, &SUBNET_POOL, pool, &[]))?;
            attrs.insert("subnetpool_id".into(), Json::from(sdk::id_of(&pool)));
        }
        if args.flag("use_prefix_delegation") {
            attrs.insert("subnetpool_id".into(), Json::from("prefix_delegation"));
        }
        if args.flag("use_default_subnet_pool") {
            attrs.insert("use_default_subnet_pool".into(), Json::Bool(true));
        }
        if let Some(length) = present(args, "prefix_length") {
            attrs.insert("prefixlen".into(), Json::from(length));
        }
        if let Some(range) = present(args, "subnet_range") {
            attrs.insert("cidr".into(), Json::from(range));
        }
        if let Some(version) = args.int("ip_version") {
            attrs.insert("ip_version".into(), Json::from(version));
        }
        if let Some(mode) = present(args, "ipv6_ra_mode") {
            attrs.insert("ipv6_ra_mode".into(), Json::from(mode));
        }
        if let Some(mode) = present(args, "ipv6_address_mode") {
            attrs.insert("ipv6_address_mode".into(), Json::from(mode));
        }
    }
    if let Some(segment) = present(args, "network_segment") {
        attrs.insert(
            "segment_id".into(),
            Json::from(common::find_segment_id(cm, segment)?),
        );
    }
    if let Some(gateway) = present(args, "gateway") {
        let gateway = gateway.to_lowercase();
        if !is_create && gateway == "auto" {
            return Err(Error::command(
                "Auto option is not available for Subnet Set. Valid options are <ip-address> or none",
            ));
        } else if gateway != "auto" {
            let value = if gateway == "none" {
                Json::Null
            } else {
                Json::from(gateway)
            };
            attrs.insert("gateway_ip".into(), value);
        }
    }
    if let Some(pools) = multi(args, "allocation_pools") {
        attrs.insert("allocation_pools".into(), Json::from(pools));
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[
            ("dhcp", "enable_dhcp", true),
            ("no_dhcp", "enable_dhcp", false),
            ("dns_publish_fixed_ip", "dns_publish_fixed_ip", true),
            ("no_dns_publish_fixed_ip", "dns_publish_fixed_ip", false),
        ],
    );
    if let Some(servers) = strings_opt(args, "dns_nameservers") {
        attrs.insert("dns_nameservers".into(), Json::from(servers));
    }
    if let Some(routes) = multi(args, "host_routes") {
        attrs.insert(
            "host_routes".into(),
            rename_key(&Json::from(routes), "gateway", "nexthop"),
        );
    }
    if let Some(types) = strings_opt(args, "service_types") {
        attrs.insert("service_types".into(), Json::from(types));
    }
    if let Some(description) = present(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    Ok(attrs)
}

fn subnet_positional(parser: &mut Parser, help: &str) {
    parser.add(Arg::positional("subnet").metavar("<subnet>").help(help));
}

fn find_subnet(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(common::find(
        cm,
        &SUBNET,
        args.str("subnet").unwrap_or(""),
        &[],
    ))
}

/// `subnet create`.
pub struct CreateSubnet;

impl Command<ClientManager> for CreateSubnet {
    fn description(&self) -> &str {
        "Create a subnet"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New subnet name"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        let pool = parser.add_mutex(None, false);
        parser.add_to_mutex(
            pool,
            Arg::option(&["--subnet-pool"])
                .metavar("<subnet-pool>")
                .help("Subnet pool from which this subnet will obtain a CIDR (Name or ID)"),
        );
        parser.add_to_mutex(
            pool,
            Arg::option(&["--use-prefix-delegation"]).flag().help(
                "Use 'prefix-delegation' if IP is IPv6 format and IP would be delegated externally",
            ),
        );
        parser.add_to_mutex(
            pool,
            Arg::option(&["--use-default-subnet-pool"])
                .flag()
                .help("Use default subnet pool for --ip-version"),
        );
        parser.add(
            Arg::option(&["--prefix-length"])
                .metavar("<prefix-length>")
                .help("Prefix length for subnet allocation from subnet pool"),
        );
        parser.add(Arg::option(&["--subnet-range"]).metavar("<subnet-range>").help(
            "Subnet range in CIDR notation (required if --subnet-pool is not specified, optional otherwise)",
        ));
        common::add_exclusive_flags(
            parser,
            &[
                ("--dhcp", "Enable DHCP (default)"),
                ("--no-dhcp", "Disable DHCP"),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--dns-publish-fixed-ip",
                    "Enable publishing fixed IPs in DNS",
                ),
                (
                    "--no-dns-publish-fixed-ip",
                    "Disable publishing fixed IPs in DNS (default)",
                ),
            ],
        );
        parser.add(
            Arg::option(&["--gateway"])
                .metavar("<gateway>")
                .default("auto")
                .help(
                    "Specify a gateway for the subnet.  The three options are: <ip-address>: Specific IP address \
                     to use as the gateway, 'auto': Gateway address should automatically be chosen from within \
                     the subnet itself, 'none': This subnet will not use a gateway. For example, --gateway \
                     192.168.9.1, --gateway auto or --gateway none (default is 'auto').",
                ),
        );
        parser.add(
            Arg::option(&["--ip-version"])
                .int()
                .default(ArgValue::Int(4))
                .choices(&["4", "6"])
                .help(
                    "IP version (default is 4). Note that when subnet pool is specified, IP version is \
                     determined from the subnet pool and this option is ignored.",
                ),
        );
        parser.add(
            Arg::option(&["--ipv6-ra-mode"])
                .choices(&["dhcpv6-stateful", "dhcpv6-stateless", "slaac"])
                .help("IPv6 RA (Router Advertisement) mode, valid modes: [dhcpv6-stateful, dhcpv6-stateless, slaac]"),
        );
        parser.add(
            Arg::option(&["--ipv6-address-mode"])
                .choices(&["dhcpv6-stateful", "dhcpv6-stateless", "slaac"])
                .help("IPv6 address mode, valid modes: [dhcpv6-stateful, dhcpv6-stateless, slaac]"),
        );
        parser.add(
            Arg::option(&["--network-segment"])
                .metavar("<network-segment>")
                .help("Network segment to associate with this subnet (name or ID)"),
        );
        parser.add(
            Arg::option(&["--network"])
                .required()
                .metavar("<network>")
                .help("Network this subnet belongs to (name or ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set subnet description"),
        );
        add_common_options(parser, true);
        common::add_tag_option_for_create(parser, "subnet");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = attrs(ctx, args, true)?;
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &SUBNET, attrs))?;
        let created = fail(common::update_tags_for_set(ctx, &SUBNET, &created, args))?;
        Ok(show(&created))
    }
}

/// `subnet delete`.
pub struct DeleteSubnet;

impl Command<ClientManager> for DeleteSubnet {
    fn description(&self) -> &str {
        "Delete subnet(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("subnet")
                .metavar("<subnet>")
                .nargs(Nargs::OneOrMore)
                .help("Subnet(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &SUBNET,
            &args.strings("subnet"),
            "subnet",
            "subnets",
        )
    }
}

/// `subnet list`.
pub struct ListSubnet;

impl Command<ClientManager> for ListSubnet {
    fn description(&self) -> &str {
        "List subnets"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--ip-version"])
                .int()
                .choices(&["4", "6"])
                .metavar("<ip-version>")
                .dest("ip_version")
                .help(
                    "List only subnets with the specified IP version. Allowed values for IP version are 4 and 6.",
                ),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--dhcp", "List only subnets which have DHCP enabled"),
                ("--no-dhcp", "List only subnets which have DHCP disabled"),
            ],
        );
        parser.add(
            Arg::option(&["--service-type"])
                .metavar("<service-type>")
                .append()
                .dest("service_types")
                .help(
                    "List only subnets with the specified service type, for example, \
                     network:floatingip_agent_gateway. Must be a valid device owner value for a network port \
                     (repeat option to list multiple service types).",
                ),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only subnets with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--network"])
                .metavar("<network>")
                .help("List only subnets which belong to the specified network (name or ID)"),
        );
        parser.add(
            Arg::option(&["--gateway"])
                .metavar("<gateway>")
                .help("List only subnets with the specified gateway IP"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List only subnets with the specified name"),
        );
        parser.add(Arg::option(&["--subnet-range"]).metavar("<subnet-range>").help(
            "List only subnets with the specified subnet range (in CIDR notation). For example, --subnet-range \
             10.10.0.0/16",
        ));
        parser.add(
            Arg::option(&["--subnet-pool"])
                .metavar("<subnet-pool>")
                .help("List only subnets which belong to the specified subnet pool (name or ID)"),
        );
        common::add_tag_filtering_options(parser, "subnets");
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(version) = args.int("ip_version").filter(|v| *v != 0) {
            params.push(("ip_version", Some(version.to_string())));
        }
        if args.flag("dhcp") {
            params.push(("is_dhcp_enabled", Some(sdk::py_bool(true))));
        } else if args.flag("no_dhcp") {
            params.push(("is_dhcp_enabled", Some(sdk::py_bool(false))));
        }
        for service_type in args.strings("service_types") {
            params.push(("service_types", Some(service_type)));
        }
        if given(args, "project").is_some() {
            if let Some(project_id) = common::project_id(ctx, args)? {
                params.push(("project_id", Some(project_id)));
            }
        }
        if let Some(network) = given(args, "network") {
            let network = fail(common::find(ctx, &NETWORK, network, &[]))?;
            params.push(("network_id", Some(sdk::id_of(&network))));
        }
        if let Some(gateway) = given(args, "gateway") {
            params.push(("gateway_ip", Some(gateway.to_owned())));
        }
        if let Some(name) = given(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        if let Some(range) = given(args, "subnet_range") {
            params.push(("cidr", Some(range.to_owned())));
        }
        if let Some(pool) = given(args, "subnet_pool") {
            let pool = fail(common::find(ctx, &SUBNET_POOL, pool, &[]))?;
            params.push(("subnet_pool_id", Some(sdk::id_of(&pool))));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        params.extend(common::tag_filtering_params(args));
        let items = fail(common::list(ctx, &SUBNET, &params, page.max_items))?;
        let mut headers = vec!["ID", "Name", "Network", "Subnet"];
        let mut columns = vec!["id", "name", "network_id", "cidr"];
        if args.flag("long") {
            headers.extend([
                "Project",
                "DHCP",
                "Name Servers",
                "Allocation Pools",
                "Host Routes",
                "IP Version",
                "Gateway",
                "Service Types",
                "Tags",
            ]);
            columns.extend([
                "project_id",
                "is_dhcp_enabled",
                "dns_nameservers",
                "allocation_pools",
                "host_routes",
                "ip_version",
                "gateway_ip",
                "service_types",
                "tags",
            ]);
        }
        Ok(common::rows(&SUBNET, &items, &headers, &columns, format))
    }
}

/// `subnet set`.
pub struct SetSubnet;

impl Command<ClientManager> for SetSubnet {
    fn description(&self) -> &str {
        "Set subnet properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        subnet_positional(parser, "Subnet to modify (name or ID)");
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Updated name of the subnet"),
        );
        let dhcp = parser.add_mutex(None, false);
        parser.add_to_mutex(
            dhcp,
            Arg::option(&["--dhcp"])
                .flag()
                .default_none()
                .help("Enable DHCP"),
        );
        parser.add_to_mutex(
            dhcp,
            Arg::option(&["--no-dhcp"]).flag().help("Disable DHCP"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--dns-publish-fixed-ip",
                    "Enable publishing fixed IPs in DNS",
                ),
                (
                    "--no-dns-publish-fixed-ip",
                    "Disable publishing fixed IPs in DNS",
                ),
            ],
        );
        parser.add(Arg::option(&["--gateway"]).metavar("<gateway>").help(
            "Specify a gateway for the subnet. The options are: <ip-address>: Specific IP address to use as the \
             gateway, 'none': This subnet will not use a gateway. For example, --gateway 192.168.9.1 or --gateway \
             none.",
        ));
        parser.add(Arg::option(&["--network-segment"]).metavar("<network-segment>").help(
            "Network segment to associate with this subnet (name or ID). It is only allowed to set the segment if \
             the current value is `None`. The network must also have only one segment and only one subnet can \
             exist on the network.",
        ));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set subnet description"),
        );
        common::add_bool_pair(
            parser,
            "leak_routes",
            (
                "--leak-routes",
                "Leak subnet routes to the underlay BGP fabric (ovn-bgp extension required)",
            ),
            (
                "--no-leak-routes",
                "Do not leak subnet routes to the underlay BGP fabric (ovn-bgp extension required)",
            ),
        );
        common::add_tag_option_for_set(parser, "subnet");
        add_common_options(parser, false);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let subnet = find_subnet(ctx, args)?;
        let mut attrs = attrs(ctx, args, false)?;
        let current = |key: &str| match SUBNET.get(&subnet, key) {
            Json::Array(items) => items,
            _ => Vec::new(),
        };
        for (key, attribute, clear) in [
            (
                "dns_nameservers",
                "dns_nameservers",
                Some("no_dns_nameservers"),
            ),
            ("host_routes", "host_routes", Some("no_host_route")),
            (
                "allocation_pools",
                "allocation_pools",
                Some("no_allocation_pool"),
            ),
            ("service_types", "service_types", None),
        ] {
            let cleared = clear.is_some_and(|flag| args.flag(flag));
            match attrs.get_mut(key) {
                Some(Json::Array(items)) if !cleared => items.extend(current(attribute)),
                Some(_) => {}
                None if cleared => {
                    attrs.insert(key.into(), Json::Array(Vec::new()));
                }
                None => {}
            }
        }
        if let Some(leak) = common::tri_state(args, "leak_routes") {
            attrs.insert("leak_routes".into(), Json::Bool(leak));
        }
        attrs.extend(common::extra_properties(args, false)?);
        if !attrs.is_empty() {
            fail(common::update(ctx, &SUBNET, &subnet, attrs))?;
        }
        fail(common::update_tags_for_set(ctx, &SUBNET, &subnet, args))?;
        Ok(Output::ok())
    }
}

/// `subnet show`.
pub struct ShowSubnet;

impl Command<ClientManager> for ShowSubnet {
    fn description(&self) -> &str {
        "Display subnet details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        subnet_positional(parser, "Subnet to display (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        Ok(show(&find_subnet(ctx, args)?))
    }
}

/// `_update_arguments`: each value removed from the current list, or "Subnet does not contain ...".
fn remove_each(current: &mut Vec<Json>, removed: Vec<Json>, option: &str) -> Result<()> {
    for item in removed {
        match current.iter().position(|c| *c == item) {
            Some(at) => {
                current.remove(at);
            }
            None => {
                let shown = match &item {
                    Json::String(s) => s.clone(),
                    other => py_repr(&Value::from_json(other)),
                };
                return Err(Error::command(format!(
                    "Subnet does not contain {option} {shown}"
                )));
            }
        }
    }
    Ok(())
}

/// `subnet unset`.
pub struct UnsetSubnet;

impl Command<ClientManager> for UnsetSubnet {
    fn description(&self) -> &str {
        "Unset subnet properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::option(&["--allocation-pool"])
                .metavar("start=<ip-address>,end=<ip-address>")
                .dest("allocation_pools")
                .append()
                .check(pool_check)
                .help(
                    "Allocation pool IP addresses to be removed from this subnet, for example, \
                     start=192.168.199.2,end=192.168.199.254 (repeat option to unset multiple allocation pools)",
                ),
        );
        parser.add(
            Arg::option(&["--gateway"])
                .flag()
                .help("Remove gateway IP from this subnet"),
        );
        parser.add(
            Arg::option(&["--dns-nameserver"])
                .metavar("<dns-nameserver>")
                .append()
                .dest("dns_nameservers")
                .help("DNS server to be removed from this subnet (repeat option to unset multiple DNS servers)"),
        );
        parser.add(
            Arg::option(&["--host-route"])
                .metavar("destination=<subnet>,gateway=<ip-address>")
                .dest("host_routes")
                .append()
                .check(route_check)
                .help(
                    "Route to be removed from this subnet, for example, \
                     destination=10.10.0.0/16,gateway=192.168.71.254 destination: destination subnet (in CIDR \
                     notation) gateway: next-hop IP address (repeat option to unset multiple host routes)",
                ),
        );
        parser.add(
            Arg::option(&["--service-type"])
                .metavar("<service-type>")
                .append()
                .dest("service_types")
                .help(
                    "Service type to be removed from this subnet, for example, \
                     network:floatingip_agent_gateway. Must be a valid device owner value for a network port \
                     (repeat option to unset multiple service types)",
                ),
        );
        common::add_tag_option_for_unset(parser, "subnet");
        subnet_positional(parser, "Subnet to modify (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let subnet = find_subnet(ctx, args)?;
        let mut attrs = Map::new();
        if args.flag("gateway") {
            attrs.insert("gateway_ip".into(), Json::Null);
        }
        let current = |key: &str| match SUBNET.get(&subnet, key) {
            Json::Array(items) => items,
            _ => Vec::new(),
        };
        let servers: Vec<Json> = args
            .strings("dns_nameservers")
            .into_iter()
            .map(Json::from)
            .collect();
        if !servers.is_empty() {
            let mut list = current("dns_nameservers");
            remove_each(&mut list, servers, "dns-nameserver")?;
            attrs.insert("dns_nameservers".into(), Json::from(list));
        }
        if let Some(routes) = multi(args, "host_routes").filter(|r| !r.is_empty()) {
            let mut list = current("host_routes");
            let routes = match rename_key(&Json::from(routes), "gateway", "nexthop") {
                Json::Array(items) => items,
                _ => Vec::new(),
            };
            remove_each(&mut list, routes, "host-route")?;
            attrs.insert("host_routes".into(), Json::from(list));
        }
        if let Some(pools) = multi(args, "allocation_pools").filter(|p| !p.is_empty()) {
            let mut list = current("allocation_pools");
            remove_each(&mut list, pools, "allocation-pool")?;
            attrs.insert("allocation_pools".into(), Json::from(list));
        }
        let types: Vec<Json> = args
            .strings("service_types")
            .into_iter()
            .map(Json::from)
            .collect();
        if !types.is_empty() {
            let mut list = current("service_types");
            remove_each(&mut list, types, "service-type")?;
            attrs.insert("service_types".into(), Json::from(list));
        }
        attrs.extend(common::extra_properties(args, true)?);
        if !attrs.is_empty() {
            fail(common::update(ctx, &SUBNET, &subnet, attrs))?;
        }
        fail(common::update_tags_for_unset(ctx, &SUBNET, &subnet, args))?;
        Ok(Output::ok())
    }
}
