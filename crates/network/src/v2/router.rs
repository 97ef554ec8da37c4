//! `router create|delete|list|set|show|unset` and `router add|remove gateway|port|route|subnet` (OSC's
//! `network/v2/router.py`, openstacksdk `Router`).

use cliff::argparse::{Action, Nargs};
use cliff::format::json_dumps;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::pagination;
use osc_lib::utils::{format_list_of_dicts, py_repr};
use osc_lib::{parseractions, ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, given, present};
use crate::resources::{NETWORK, PORT, ROUTER, SUBNET};
use openstack_sdk as sdk;
use openstack_sdk::{Call, Param};

const MULTIHOMING: &str = "external-gateway-multihoming";

/// `RouterInfoColumn`: `json.dumps` of the value in a table.
fn info_column(value: Json) -> Value {
    let machine = Value::from_json(&value);
    Value::Column {
        human: json_dumps(&machine),
        machine: Box::new(machine),
    }
}

/// `_formatters` (with `interfaces_info`, which only `router show` has).
fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "admin_state_up" | "is_admin_state_up" => common::admin_state_column(value),
        "external_gateway_info" | "interfaces_info" => info_column(value),
        "availability_zones" | "availability_zone_hints" | "tags" => common::list_column(value),
        "routes" => {
            let dicts: Vec<Vec<(String, Value)>> = match &value {
                Json::Array(routes) => routes
                    .iter()
                    .map(|route| match route {
                        Json::Object(map) => {
                            let mut pairs: Vec<(String, Value)> = map
                                .iter()
                                .filter(|(k, _)| *k != "nexthop")
                                .map(|(k, v)| (k.clone(), Value::from_json(v)))
                                .collect();
                            if let Some(hop) = map.get("nexthop") {
                                pairs.push(("gateway".to_owned(), Value::from_json(hop)));
                            }
                            pairs
                        }
                        _ => Vec::new(),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Value::Column {
                human: format_list_of_dicts(Some(&dicts)).unwrap_or_default(),
                machine: Box::new(Value::from_json(&value)),
            }
        }
        _ => Value::from_json(&value),
    }
}

/// `_get_columns` and the values: `ha` and `distributed` only when known, `evpn_vni` only when set.
fn show(item: &Json, interfaces: Option<Vec<Json>>) -> Output {
    let mut column_map: Vec<(&str, &str)> = vec![
        ("is_ha", "ha"),
        ("is_distributed", "distributed"),
        ("is_admin_state_up", "admin_state_up"),
    ];
    let mut item = item.clone();
    if let Some(interfaces) = interfaces {
        column_map.push(("interfaces_info", "interfaces_info"));
        if let Json::Object(map) = &mut item {
            map.insert("interfaces_info".into(), Json::from(interfaces));
        }
    }
    let mut hidden = vec!["location", "tenant_id"];
    for (attribute, _) in [("is_ha", ()), ("is_distributed", ())] {
        if ROUTER.get(&item, attribute).is_null() {
            hidden.push(attribute);
            column_map.retain(|(a, _)| *a != attribute);
        }
    }
    if ROUTER.get(&item, "evpn_vni").is_null() {
        hidden.push("evpn_vni");
    }
    common::show(&ROUTER, &item, &column_map, &hidden, format)
}

fn multi_check(
    value: &ArgValue,
    required: &[&str],
    optional: &[&str],
) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => {
            parseractions::multi_key_value(std::slice::from_ref(text), required, optional)
                .map(|_| ())
        }
        _ => Ok(()),
    }
}

fn fixed_ip_check(value: &ArgValue) -> std::result::Result<(), String> {
    multi_check(value, &[], &["subnet", "ip-address"])
}

fn route_check(value: &ArgValue) -> std::result::Result<(), String> {
    multi_check(value, &["destination", "gateway"], &[])
}

fn multi(args: &Args, dest: &str) -> Vec<Vec<(String, String)>> {
    parseractions::multi_key_value(&args.strings(dest), &[], &[]).unwrap_or_default()
}

/// `--route` values with `gateway` renamed `nexthop` (moved last, as `route.pop`).
fn routes(args: &Args) -> Vec<Json> {
    multi(args, "routes")
        .into_iter()
        .map(|pairs| {
            let mut map = Map::new();
            let mut hop = None;
            for (key, value) in pairs {
                if key == "gateway" {
                    hop = Some(value);
                } else {
                    map.insert(key, Json::from(value));
                }
            }
            if let Some(hop) = hop {
                map.insert("nexthop".into(), Json::from(hop));
            }
            Json::Object(map)
        })
        .collect()
}

fn route_arg(help: &str) -> Arg {
    Arg::option(&["--route"])
        .metavar("destination=<subnet>,gateway=<ip-address>")
        .append()
        .dest("routes")
        .check(route_check)
        .help(help)
}

fn route_option(parser: &mut Parser, help: &str) {
    parser.add(route_arg(help));
}

fn fixed_ip_option(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::option(&["--fixed-ip"])
            .metavar("subnet=<subnet>,ip-address=<ip-address>")
            .append()
            .check(fixed_ip_check)
            .dest("fixed_ips")
            .help(help),
    );
}

const FIXED_IP_HELP: &str = "Desired IP and/or subnet (name or ID) on external gateway: \
                             subnet=<subnet>,ip-address=<ip-address> (repeat option to set multiple fixed IP \
                             addresses)";

fn router_positional(parser: &mut Parser, help: &str) {
    parser.add(Arg::positional("router").metavar("<router>").help(help));
}

fn find_router(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(common::find(
        cm,
        &ROUTER,
        args.str("router").unwrap_or(""),
        &[],
    ))
}

/// `_get_external_gateway_attrs`: `external_gateway_info` (one gateway), or `external_gateways` when Neutron
/// has the multihoming extension.
fn gateway_attrs(cm: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    let networks = args.strings("external_gateways");
    if networks.is_empty() {
        return Ok(attrs);
    }
    // Gateways by network, in first-seen order (a defaultdict).
    let mut gateways: Vec<(String, Vec<Map<String, Json>>)> = Vec::new();
    let mut first = String::new();
    for name in &networks {
        let network = fail(common::find(cm, &NETWORK, name, &[]))?;
        let id = sdk::id_of(&network);
        if first.is_empty() {
            first = id.clone();
        }
        let mut info = Map::new();
        info.insert("network_id".into(), Json::from(id.clone()));
        if args.flag("disable_snat") {
            info.insert("enable_snat".into(), Json::Bool(false));
        }
        if args.flag("enable_snat") {
            info.insert("enable_snat".into(), Json::Bool(true));
        }
        if let Some(policy) = given(args, "qos_policy") {
            info.insert(
                "qos_policy_id".into(),
                Json::from(common::find_qos_policy_id(cm, policy)?),
            );
        }
        if args.flag("no_qos_policy") {
            info.insert("qos_policy_id".into(), Json::Null);
        }
        match gateways.iter_mut().find(|(n, _)| *n == id) {
            Some(entry) => entry.1.push(info),
            None => gateways.push((id, vec![info])),
        }
    }
    let multihoming = fail(common::has_extension(cm, MULTIHOMING))?;
    for spec in multi(args, "fixed_ips") {
        let mut ip_net = first.clone();
        let mut ip = Map::new();
        let mut subnet_id = None;
        for (key, value) in &spec {
            if key == "subnet" && !value.is_empty() {
                let subnet = fail(common::find(cm, &SUBNET, value, &[]))?;
                subnet_id = Some(sdk::id_of(&subnet));
                ip_net = sdk::json_text(&SUBNET.get(&subnet, "network_id"));
            }
        }
        for (key, value) in spec {
            match key.as_str() {
                "subnet" => {}
                "ip-address" if !value.is_empty() => {
                    ip.insert("ip_address".into(), Json::from(value));
                }
                _ => {
                    ip.insert(key, Json::from(value));
                }
            }
        }
        if let Some(id) = &subnet_id {
            ip.insert("subnet_id".into(), Json::from(id.clone()));
            if !gateways.iter().any(|(n, _)| *n == ip_net) {
                return Err(Error::command(format!(
                    "Subnet {id} does not belong to any of the networks provided for --external-gateway."
                )));
            }
        }
        if let Some((_, infos)) = gateways.iter_mut().find(|(n, _)| *n == ip_net) {
            match infos
                .iter_mut()
                .find(|i| !i.contains_key("external_fixed_ips"))
            {
                Some(info) => {
                    info.insert(
                        "external_fixed_ips".into(),
                        Json::from(vec![Json::Object(ip)]),
                    );
                }
                None => {
                    if let Some(Json::Array(list)) = infos[0].get_mut("external_fixed_ips") {
                        list.push(Json::Object(ip));
                    }
                }
            }
        }
    }
    if multihoming {
        let list: Vec<Json> = gateways
            .into_iter()
            .flat_map(|(_, infos)| infos.into_iter().map(Json::Object))
            .collect();
        attrs.insert("external_gateways".into(), Json::from(list));
    } else if let Some((_, infos)) = gateways.into_iter().find(|(n, _)| *n == first) {
        if let Some(info) = infos.into_iter().next() {
            attrs.insert("external_gateway_info".into(), Json::Object(info));
        }
    }
    Ok(attrs)
}

/// `_get_attrs`.
fn attrs(cm: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    if let Some(name) = present(args, "name") {
        attrs.insert("name".into(), Json::from(name));
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[
            ("enable", "admin_state_up", true),
            ("disable", "admin_state_up", false),
            ("centralized", "distributed", false),
            ("distributed", "distributed", true),
        ],
    );
    if matches!(args.get("availability_zone_hints"), ArgValue::List(_)) {
        attrs.insert(
            "availability_zone_hints".into(),
            Json::from(args.strings("availability_zone_hints")),
        );
    }
    if let Some(description) = present(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    if let Some(project_id) = common::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project_id));
    }
    attrs.extend(gateway_attrs(cm, args)?);
    let flavor = present(args, "flavor_id").or_else(|| present(args, "flavor"));
    if let Some(flavor) = flavor {
        attrs.insert(
            "flavor_id".into(),
            Json::from(common::find_flavor_id(cm, flavor)?),
        );
    }
    for key in ["enable_default_route_bfd", "enable_default_route_ecmp"] {
        if let Some(value) = common::tri_state(args, key) {
            attrs.insert(key.into(), Json::Bool(value));
        }
    }
    if let Some(vni) = args.int("evpn_vni") {
        attrs.insert("evpn_vni".into(), Json::from(vni));
    }
    Ok(attrs)
}

fn add_bfd_ecmp_options(parser: &mut Parser) {
    for (flag, dest, action, help) in [
        (
            "--enable-default-route-bfd",
            "enable_default_route_bfd",
            Action::StoreTrue,
            "Enable BFD sessions for default routes inferred from the external gateway port subnets for this router",
        ),
        (
            "--disable-default-route-bfd",
            "enable_default_route_bfd",
            Action::StoreFalse,
            "Disable BFD sessions for default routes inferred from the external gateway port subnets for this router",
        ),
        (
            "--enable-default-route-ecmp",
            "enable_default_route_ecmp",
            Action::StoreTrue,
            "Add ECMP default routes if multiple are available via different gateway ports",
        ),
        (
            "--disable-default-route-ecmp",
            "enable_default_route_ecmp",
            Action::StoreFalse,
            "Add default route only for first gateway port",
        ),
    ] {
        parser.add(Arg::option(&[flag]).dest(dest).default_none().action(action).help(help));
    }
}

/// `_command_check_bfd_ecmp_supported`.
fn check_bfd_ecmp(cm: &mut ClientManager, attrs: &Map<String, Json>) -> Result<()> {
    if (attrs.contains_key("enable_default_route_bfd")
        || attrs.contains_key("enable_default_route_ecmp"))
        && !fail(common::has_extension(cm, MULTIHOMING))?
    {
        return Err(Error::command(
            "The external-gateway-multihoming extension is not enabled at the Neutron side, cannot use \
             --enable-default-route-bfd or --enable-default-route-ecmp arguments.",
        ));
    }
    Ok(())
}

fn add_ndp_proxy_options(parser: &mut Parser) {
    common::add_bool_pair(
        parser,
        "enable_ndp_proxy",
        (
            "--enable-ndp-proxy",
            "Enable IPv6 NDP proxy on external gateway",
        ),
        (
            "--disable-ndp-proxy",
            "Disable IPv6 NDP proxy on external gateway",
        ),
    );
}

/// A router action: PUT `<router>/<action>` with a body; the answer.
fn action(cm: &mut ClientManager, router: &Json, verb: &str, body: Json) -> Result<Json> {
    let path = format!(
        "{}/{verb}",
        fail(common::item_path(cm, &ROUTER, &sdk::id_of(router)))?
    );
    fail(Call::new("network", Method::Put, path).body(body).json(cm))
}

/// `router create`.
pub struct CreateRouter;

impl Command<ClientManager> for CreateRouter {
    fn description(&self) -> &str {
        "Create a new router"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New router name"),
        );
        let admin = parser.add_mutex(None, false);
        parser.add_to_mutex(
            admin,
            Arg::option(&["--enable"])
                .flag()
                .default(ArgValue::Bool(true))
                .help("Enable router (default)"),
        );
        parser.add_to_mutex(
            admin,
            Arg::option(&["--disable"]).flag().help("Disable router"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--distributed", "Create a distributed router"),
                ("--centralized", "Create a centralized router"),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--ha", "Create a highly available router"),
                ("--no-ha", "Create a legacy router"),
            ],
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set router description"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--availability-zone-hint"])
                .metavar("<availability-zone>")
                .append()
                .dest("availability_zone_hints")
                .help(
                    "Availability Zone in which to create this router (Router Availability Zone extension \
                     required, repeat option to set multiple availability zones)",
                ),
        );
        common::add_tag_option_for_create(parser, "router");
        parser.add(
            Arg::option(&["--external-gateway"])
                .metavar("<network>")
                .append()
                .dest("external_gateways")
                .help(
                    "External Network used as router's gateway (name or ID) (repeat option to set multiple \
                     gateways per router if the L3 service plugin in use supports it)",
                ),
        );
        fixed_ip_option(parser, FIXED_IP_HELP);
        common::add_exclusive_flags(
            parser,
            &[
                ("--enable-snat", "Enable Source NAT on external gateway"),
                ("--disable-snat", "Disable Source NAT on external gateway"),
            ],
        );
        add_ndp_proxy_options(parser);
        parser.add(
            Arg::option(&["--flavor"])
                .metavar("<flavor-id>")
                .help("Associate the router to a flavor (name or ID)"),
        );
        parser.add(
            Arg::option(&["--flavor-id"])
                .metavar("<flavor-id>")
                .hidden(),
        );
        add_bfd_ecmp_options(parser);
        parser.add(
            Arg::option(&["--qos-policy"])
                .metavar("<qos-policy>")
                .help("Attach QoS policy to router gateway IPs"),
        );
        let evpn = parser.add_mutex(None, false);
        parser.add_to_mutex(
            evpn,
            Arg::option(&["--evpn-vni"])
                .metavar("<vni>")
                .dest("evpn_vni")
                .check(evpn_vni_check)
                .help("Associate the router with an EVPN identified by a VNI."),
        );
        parser.add_to_mutex(
            evpn,
            Arg::option(&["--auto-evpn-vni"])
                .action(Action::StoreConst(ArgValue::Int(0)))
                .dest("evpn_vni")
                .help("Associate the router with an EVPN using an auto-assigned VNI."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = attrs(ctx, args)?;
        if let Some(text) = args.str("evpn_vni") {
            attrs.insert(
                "evpn_vni".into(),
                Json::from(parse_evpn_vni(text).map_err(Error::usage)?),
            );
        }
        if args.flag("ha") {
            attrs.insert("ha".into(), Json::Bool(true));
        }
        if args.flag("no_ha") {
            attrs.insert("ha".into(), Json::Bool(false));
        }
        attrs.extend(common::extra_properties(args, false)?);
        let gateways_given = !args.strings("external_gateways").is_empty();
        let ndp = common::tri_state(args, "enable_ndp_proxy");
        if ndp == Some(true) && !gateways_given {
            return Err(Error::command(
                "You must specify '--external-gateway' in order to enable router's NDP proxy",
            ));
        }
        if given(args, "qos_policy").is_some() && !gateways_given {
            return Err(Error::command(
                "You must specify '--external-gateway' in order to define a QoS policy",
            ));
        }
        if let Some(ndp) = ndp {
            attrs.insert("enable_ndp_proxy".into(), Json::Bool(ndp));
        }
        check_bfd_ecmp(ctx, &attrs)?;
        let gateways = attrs.remove("external_gateways");
        let created = fail(common::create(ctx, &ROUTER, attrs))?;
        let mut created = fail(common::update_tags_for_set(ctx, &ROUTER, &created, args))?;
        if let Some(gateways) = gateways.filter(sdk::truthy) {
            let body = serde_json::json!({"router": {"external_gateways": gateways}});
            created = ROUTER.resource.unwrap_body(action(
                ctx,
                &created,
                "update_external_gateways",
                body,
            )?);
        }
        if (args.flag("disable_snat")
            || args.flag("enable_snat")
            || !args.strings("fixed_ips").is_empty())
            && !gateways_given
        {
            return Err(Error::command(
                "You must specify '--external-gateway' in order to specify SNAT or fixed-ip values",
            ));
        }
        Ok(show(&created, None))
    }
}

/// `_parse_evpn_vni`.
fn parse_evpn_vni(text: &str) -> std::result::Result<i64, String> {
    let vni: i64 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a valid VNI (use a positive integer)"))?;
    if vni <= 0 {
        return Err("VNI must be a positive integer".to_owned());
    }
    Ok(vni)
}

fn evpn_vni_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => parse_evpn_vni(text).map(|_| ()),
        _ => Ok(()),
    }
}

/// `router delete`.
pub struct DeleteRouter;

impl Command<ClientManager> for DeleteRouter {
    fn description(&self) -> &str {
        "Delete router(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("router")
                .metavar("<router>")
                .nargs(Nargs::OneOrMore)
                .help("Router(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &ROUTER,
            &args.strings("router"),
            "router",
            "routers",
        )
    }
}

/// `router list`.
pub struct ListRouter;

impl Command<ClientManager> for ListRouter {
    fn description(&self) -> &str {
        "List routers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List routers according to their name"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--enable", "List enabled routers"),
                ("--disable", "List disabled routers"),
            ],
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only routers with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--agent"])
                .metavar("<agent-id>")
                .help("List only routers hosted by the specified agent (ID only)"),
        );
        common::add_tag_filtering_options(parser, "routers");
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut columns = vec!["id", "name", "status", "is_admin_state_up", "project_id"];
        let mut headers = vec!["ID", "Name", "Status", "State", "Project"];
        let mut params: Vec<Param> = Vec::new();
        if let Some(name) = present(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        let admin = if args.flag("enable") {
            Some(true)
        } else if args.flag("disable") {
            Some(false)
        } else {
            None
        };
        if let Some(admin) = admin {
            params.push(("is_admin_state_up", Some(sdk::py_bool(admin))));
        }
        let mut project = None;
        if given(args, "project").is_some() {
            project = common::project_id(ctx, args)?;
            params.push(("project_id", project.clone()));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        params.extend(common::tag_filtering_params(args));
        let items = match present(args, "agent") {
            None => fail(common::list(ctx, &ROUTER, &params, page.max_items))?,
            Some(agent) => {
                let prefix = fail(common::version_prefix(ctx))?;
                let agent_path = format!("{prefix}/agents/{}", sdk::quote_path(agent));
                fail(
                    Call::new("network", Method::Get, agent_path.clone())
                        .error_message(format!("No Agent found for {agent}"))
                        .json(ctx),
                )?;
                let hosted = fail(
                    Call::new("network", Method::Get, format!("{agent_path}/l3-routers")).json(ctx),
                )?;
                let routers = match hosted.get("routers") {
                    Some(Json::Array(items)) => items.clone(),
                    _ => Vec::new(),
                };
                // The API filters nothing here: OSC compares the attributes it can read.
                let name = present(args, "name").map(Json::from);
                routers
                    .into_iter()
                    .filter(|r| name.as_ref().is_none_or(|n| ROUTER.get(r, "name") == *n))
                    .filter(|r| {
                        admin.is_none_or(|a| ROUTER.get(r, "is_admin_state_up") == Json::Bool(a))
                    })
                    .filter(|r| {
                        project
                            .as_ref()
                            .is_none_or(|p| ROUTER.get(r, "project_id") == p.as_str())
                    })
                    .collect()
            }
        };
        for item in &items {
            if !ROUTER.get(item, "is_distributed").is_null() && !columns.contains(&"is_distributed")
            {
                columns.push("is_distributed");
                headers.push("Distributed");
            }
            if !ROUTER.get(item, "is_ha").is_null() && !columns.contains(&"is_ha") {
                columns.push("is_ha");
                headers.push("HA");
            }
        }
        if args.flag("long") {
            columns.extend(["routes", "external_gateway_info"]);
            headers.extend(["Routes", "External gateway info"]);
            if fail(common::has_extension(ctx, "router_availability_zone"))? {
                columns.push("availability_zones");
                headers.push("Availability zones");
            }
            columns.push("tags");
            headers.push("Tags");
        }
        Ok(common::rows(&ROUTER, &items, &headers, &columns, format))
    }
}

/// `router set`.
pub struct SetRouter;

impl Command<ClientManager> for SetRouter {
    fn description(&self) -> &str {
        "Set router properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        router_positional(parser, "Router to modify (name or ID)");
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set router name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set router description"),
        );
        let admin = parser.add_mutex(None, false);
        parser.add_to_mutex(
            admin,
            Arg::option(&["--enable"])
                .flag()
                .default_none()
                .help("Enable router"),
        );
        parser.add_to_mutex(
            admin,
            Arg::option(&["--disable"]).flag().help("Disable router"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--distributed",
                    "Set router to distributed mode (disabled router only)",
                ),
                (
                    "--centralized",
                    "Set router to centralized mode (disabled router only)",
                ),
            ],
        );
        route_option(
            parser,
            "Add routes to the router. destination: destination subnet (in CIDR notation) gateway: nexthop IP \
             address (repeat option to add multiple routes). This is deprecated in favor of 'router add/remove \
             route' since it is prone to race conditions between concurrent clients when not used together with \
             --no-route to overwrite the current value of 'routes'.",
        );
        parser.add(Arg::option(&["--no-route"]).flag().help(
            "Clear routes associated with the router. Specify both --route and --no-route to overwrite current \
             value of routes.",
        ));
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--ha",
                    "Set the router as highly available (disabled router only)",
                ),
                (
                    "--no-ha",
                    "Clear high availability attribute of the router (disabled router only)",
                ),
            ],
        );
        parser.add(
            Arg::option(&["--external-gateway"])
                .metavar("<network>")
                .append()
                .dest("external_gateways")
                .help(
                    "External Network used as router's gateway (name or ID) (repeat option to set multiple \
                     gateways per router if the L3 service plugin in use supports it).",
                ),
        );
        fixed_ip_option(parser, FIXED_IP_HELP);
        common::add_exclusive_flags(
            parser,
            &[
                ("--enable-snat", "Enable Source NAT on external gateway"),
                ("--disable-snat", "Disable Source NAT on external gateway"),
            ],
        );
        add_ndp_proxy_options(parser);
        let qos = parser.add_mutex(None, false);
        parser.add_to_mutex(
            qos,
            Arg::option(&["--qos-policy"])
                .metavar("<qos-policy>")
                .help("Attach QoS policy to router gateway IPs"),
        );
        parser.add_to_mutex(
            qos,
            Arg::option(&["--no-qos-policy"])
                .flag()
                .help("Remove QoS policy from router gateway IPs"),
        );
        common::add_tag_option_for_set(parser, "router");
        add_bfd_ecmp_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let router = find_router(ctx, args)?;
        let mut attrs = attrs(ctx, args)?;
        if args.flag("ha") {
            attrs.insert("ha".into(), Json::Bool(true));
        } else if args.flag("no_ha") {
            attrs.insert("ha".into(), Json::Bool(false));
        }
        if matches!(args.get("routes"), ArgValue::List(_)) {
            let mut list = routes(args);
            if !args.flag("no_route") {
                if let Json::Array(current) = ROUTER.get(&router, "routes") {
                    list.extend(current);
                }
            }
            attrs.insert("routes".into(), Json::from(list));
        } else if args.flag("no_route") {
            attrs.insert("routes".into(), Json::Array(Vec::new()));
        }
        let gateways_given = !args.strings("external_gateways").is_empty();
        if (args.flag("disable_snat")
            || args.flag("enable_snat")
            || !args.strings("fixed_ips").is_empty())
            && !gateways_given
        {
            return Err(Error::command(
                "You must specify '--external-gateway' in order to update the SNAT or fixed-ip values",
            ));
        }
        let qos = given(args, "qos_policy");
        if (qos.is_some() || args.flag("no_qos_policy")) && !gateways_given {
            let original = ROUTER
                .get(&router, "external_gateway_info")
                .get("network_id")
                .cloned();
            let Some(original) = original else {
                return Err(Error::command(
                    "You must specify '--external-gateway' or the router must already have an external network \
                     in order to set router gateway IP QoS",
                ));
            };
            let has_gateways = attrs.get("external_gateways").is_some_and(sdk::truthy);
            if !attrs.get("external_gateway_info").is_some_and(sdk::truthy) && !has_gateways {
                attrs.insert("external_gateway_info".into(), Json::Object(Map::new()));
            }
            if let Some(Json::Object(info)) = attrs.get_mut("external_gateway_info") {
                info.insert("network_id".into(), original);
            }
        }
        if let Some(policy) = qos {
            let id = common::find_qos_policy_id(ctx, policy)?;
            if !attrs.get("external_gateways").is_some_and(sdk::truthy) {
                if let Some(Json::Object(info)) = attrs.get_mut("external_gateway_info") {
                    info.insert("qos_policy_id".into(), Json::from(id));
                }
            }
        }
        if args.flag("no_qos_policy") && !attrs.get("external_gateways").is_some_and(sdk::truthy) {
            if let Some(Json::Object(info)) = attrs.get_mut("external_gateway_info") {
                info.insert("qos_policy_id".into(), Json::Null);
            }
        }
        attrs.extend(common::extra_properties(args, false)?);
        if let Some(ndp) = common::tri_state(args, "enable_ndp_proxy") {
            attrs.insert("enable_ndp_proxy".into(), Json::Bool(ndp));
        }
        check_bfd_ecmp(ctx, &attrs)?;
        if !attrs.is_empty() {
            let gateways = attrs.remove("external_gateways");
            fail(common::update(ctx, &ROUTER, &router, attrs))?;
            if let Some(gateways) = gateways.filter(sdk::truthy) {
                let body = serde_json::json!({"router": {"external_gateways": gateways}});
                action(ctx, &router, "update_external_gateways", body)?;
            }
        }
        fail(common::update_tags_for_set(ctx, &ROUTER, &router, args))?;
        Ok(Output::ok())
    }
}

/// `router show`.
pub struct ShowRouter;

impl Command<ClientManager> for ShowRouter {
    fn description(&self) -> &str {
        "Display router details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        router_positional(parser, "Router to display (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let router = find_router(ctx, args)?;
        let ports = fail(common::list(
            ctx,
            &PORT,
            &[("device_id", Some(sdk::id_of(&router)))],
            None,
        ))?;
        let mut interfaces = Vec::new();
        for port in &ports {
            if PORT.get(port, "device_owner") == "network:router_gateway" {
                continue;
            }
            if let Json::Array(ips) = PORT.get(port, "fixed_ips") {
                for ip in ips {
                    let mut info = Map::new();
                    info.insert("port_id".into(), Json::from(sdk::id_of(port)));
                    info.insert(
                        "ip_address".into(),
                        ip.get("ip_address").cloned().unwrap_or(Json::Null),
                    );
                    info.insert(
                        "subnet_id".into(),
                        ip.get("subnet_id").cloned().unwrap_or(Json::Null),
                    );
                    interfaces.push(Json::Object(info));
                }
            }
        }
        Ok(show(&router, Some(interfaces)))
    }
}

/// `router unset`.
pub struct UnsetRouter;

impl Command<ClientManager> for UnsetRouter {
    fn description(&self) -> &str {
        "Unset router properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        route_option(
            parser,
            "Routes to be removed from the router. destination: destination subnet (in CIDR notation) gateway: \
             nexthop IP address (repeat option to unset multiple routes)",
        );
        parser.add(
            Arg::option(&["--external-gateway"])
                .flag()
                .dest("external_gateways")
                .help("Remove external gateway information from the router"),
        );
        parser.add(
            Arg::option(&["--qos-policy"])
                .flag()
                .help("Remove QoS policy from router gateway IPs"),
        );
        router_positional(parser, "Router to modify (name or ID)");
        common::add_tag_option_for_unset(parser, "router");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let router = find_router(ctx, args)?;
        let mut attrs = Map::new();
        let removed = routes(args);
        if !removed.is_empty() {
            let mut current = match ROUTER.get(&router, "routes") {
                Json::Array(list) => list,
                _ => Vec::new(),
            };
            for route in removed {
                match current.iter().position(|r| *r == route) {
                    Some(at) => {
                        current.remove(at);
                    }
                    None => {
                        return Err(Error::command(format!(
                            "Router does not contain route {}",
                            py_repr(&Value::from_json(&route))
                        )))
                    }
                }
            }
            attrs.insert("routes".into(), Json::from(current));
        }
        if args.flag("qos_policy") {
            let info = ROUTER.get(&router, "external_gateway_info");
            match (info.get("network_id"), info.get("qos_policy_id")) {
                (Some(network), Some(_)) => {
                    attrs.insert(
                        "external_gateway_info".into(),
                        serde_json::json!({"network_id": network, "qos_policy_id": null}),
                    );
                }
                _ => {
                    return Err(Error::command(
                        "Router does not have external network or QoS policy",
                    ))
                }
            }
        }
        if args.flag("external_gateways") {
            attrs.insert("external_gateway_info".into(), Json::Object(Map::new()));
        }
        attrs.extend(common::extra_properties(args, true)?);
        if !attrs.is_empty() {
            if fail(common::has_extension(ctx, MULTIHOMING))? {
                let body = serde_json::json!({"router": {"external_gateways": {}}});
                action(ctx, &router, "remove_external_gateways", body)?;
            }
            fail(common::update(ctx, &ROUTER, &router, attrs))?;
        }
        fail(common::update_tags_for_unset(ctx, &ROUTER, &router, args))?;
        Ok(Output::ok())
    }
}

/// `router add port` / `router remove port`.
pub struct RouterPort {
    /// Whether the port is added (else removed).
    pub add: bool,
}

impl Command<ClientManager> for RouterPort {
    fn description(&self) -> &str {
        if self.add {
            "Add a port to a router"
        } else {
            "Remove a port from a router"
        }
    }

    fn add_arguments(&self, parser: &mut Parser) {
        if self.add {
            router_positional(parser, "Router to which port will be added (name or ID)");
            parser.add(
                Arg::positional("port")
                    .metavar("<port>")
                    .help("Port to be added (name or ID)"),
            );
        } else {
            router_positional(
                parser,
                "Router from which port will be removed (name or ID)",
            );
            parser.add(
                Arg::positional("port")
                    .metavar("<port>")
                    .help("Port to be removed and deleted (name or ID)"),
            );
        }
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let port = fail(common::find(
            ctx,
            &PORT,
            args.str("port").unwrap_or(""),
            &[],
        ))?;
        let router = find_router(ctx, args)?;
        let verb = if self.add {
            "add_router_interface"
        } else {
            "remove_router_interface"
        };
        action(
            ctx,
            &router,
            verb,
            serde_json::json!({"port_id": sdk::id_of(&port)}),
        )?;
        Ok(Output::ok())
    }
}

/// `router add subnet` / `router remove subnet`.
pub struct RouterSubnet {
    /// Whether the subnet is added (else removed).
    pub add: bool,
}

impl Command<ClientManager> for RouterSubnet {
    fn description(&self) -> &str {
        if self.add {
            "Add a subnet to a router"
        } else {
            "Remove a subnet from a router"
        }
    }

    fn add_arguments(&self, parser: &mut Parser) {
        if self.add {
            router_positional(parser, "Router to which subnet will be added (name or ID)");
            parser.add(
                Arg::positional("subnet")
                    .metavar("<subnet>")
                    .help("Subnet to be added (name or ID)"),
            );
            parser.add(
                Arg::option(&["--advertise-host"])
                    .flag()
                    .dest("advertise_host")
                    .help(
                        "Mark the subnet's prefixes to be advertised as host routes within the router's EVPN VNI. \
                         Only valid for EVPN routers.",
                    ),
            );
        } else {
            router_positional(
                parser,
                "Router from which the subnet will be removed (name or ID)",
            );
            parser.add(
                Arg::positional("subnet")
                    .metavar("<subnet>")
                    .help("Subnet to be removed (name or ID)"),
            );
        }
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let subnet = fail(common::find(
            ctx,
            &SUBNET,
            args.str("subnet").unwrap_or(""),
            &[],
        ))?;
        let router = find_router(ctx, args)?;
        let mut body = Map::new();
        body.insert("subnet_id".into(), Json::from(sdk::id_of(&subnet)));
        if self.add && args.flag("advertise_host") {
            body.insert("advertise_host".into(), Json::Bool(true));
        }
        let verb = if self.add {
            "add_router_interface"
        } else {
            "remove_router_interface"
        };
        action(ctx, &router, verb, Json::Object(body))?;
        Ok(Output::ok())
    }
}

/// `router add route` / `router remove route`.
pub struct RouterRoute {
    /// Whether the routes are added (else removed).
    pub add: bool,
}

impl Command<ClientManager> for RouterRoute {
    fn description(&self) -> &str {
        if self.add {
            "Add extra static routes to a router's routing table."
        } else {
            "Remove extra static routes from a router's routing table."
        }
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let (router_help, route_help) = if self.add {
            (
                "Router to which extra static routes will be added (name or ID)",
                "Add extra static route to the router. destination: destination subnet (in CIDR notation), \
                 gateway: nexthop IP address. Repeat option to add multiple routes. Trying to add a route that is \
                 already present (exactly, including destination and nexthop) in the routing table is allowed and \
                 is considered a successful operation.",
            )
        } else {
            (
                "Router from which extra static routes will be removed (name or ID)",
                "Remove extra static route from the router. destination: destination subnet (in CIDR notation), \
                 gateway: nexthop IP address. Repeat option to remove multiple routes. Trying to remove a route \
                 that is already missing (fully, including destination and nexthop) from the routing table is \
                 allowed and is considered a successful operation.",
            )
        };
        router_positional(parser, router_help);
        parser.add(route_arg(route_help).default(ArgValue::List(Vec::new())));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let router = find_router(ctx, args)?;
        let body = serde_json::json!({"router": {"routes": routes(args)}});
        let verb = if self.add {
            "add_extraroutes"
        } else {
            "remove_extraroutes"
        };
        let answer = ROUTER
            .resource
            .unwrap_body(action(ctx, &router, verb, body)?);
        Ok(show(&answer, None))
    }
}

/// `router add gateway` / `router remove gateway` (Neutron's external-gateway-multihoming).
pub struct RouterGateway {
    /// Whether the gateway is added (else removed).
    pub add: bool,
}

impl Command<ClientManager> for RouterGateway {
    fn description(&self) -> &str {
        if self.add {
            "Add router gateway"
        } else {
            "Remove router gateway"
        }
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        if self.add {
            router_positional(parser, "Router to modify (name or ID)");
            parser.add(
                Arg::positional("external_gateways")
                    .metavar("<network>")
                    .nargs(Nargs::Exactly(1))
                    .help("External Network to a attach a router gateway to (name or ID)"),
            );
            fixed_ip_option(parser, FIXED_IP_HELP);
        } else {
            router_positional(parser, "Router to modify (name or ID).");
            parser.add(
                Arg::positional("external_gateways")
                    .metavar("<network>")
                    .nargs(Nargs::Exactly(1))
                    .help("External Network to remove a router gateway from (name or ID)"),
            );
            fixed_ip_option(
                parser,
                "IP and/or subnet (name or ID) on the external gateway which is used to identify a particular \
                 gateway if multiple are attached to the same network: subnet=<subnet>,ip-address=<ip-address>",
            );
        }
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        if !fail(common::has_extension(ctx, MULTIHOMING))? {
            return Err(Error::command(
                "The external-gateway-multihoming extension is not enabled at the Neutron side.",
            ));
        }
        let mut router = find_router(ctx, args)?;
        let mut attrs = gateway_attrs(ctx, args)?;
        if let Some(gateways) = attrs.remove("external_gateways") {
            let body = serde_json::json!({"router": {"external_gateways": gateways}});
            let verb = if self.add {
                "add_external_gateways"
            } else {
                "remove_external_gateways"
            };
            router = ROUTER
                .resource
                .unwrap_body(action(ctx, &router, verb, body)?);
        }
        Ok(show(&router, None))
    }
}
