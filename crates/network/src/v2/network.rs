//! `network create|delete|list|set|show|unset` (OSC's `network/v2/network.py`, openstacksdk `Network`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::pagination;
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, given, present};
use crate::resources::NETWORK;
use openstack_sdk as sdk;
use openstack_sdk::{Call, Param};

/// `_get_columns_network`'s column map.
const COLUMN_MAP: &[(&str, &str)] = &[
    ("subnet_ids", "subnets"),
    ("is_admin_state_up", "admin_state_up"),
    ("is_router_external", "router:external"),
    ("is_port_security_enabled", "port_security_enabled"),
    ("provider_network_type", "provider:network_type"),
    ("provider_physical_network", "provider:physical_network"),
    ("provider_segmentation_id", "provider:segmentation_id"),
    ("is_shared", "shared"),
    ("ipv4_address_scope_id", "ipv4_address_scope"),
    ("ipv6_address_scope_id", "ipv6_address_scope"),
    ("tags", "tags"),
];

const HIDDEN: &[&str] = &["location", "tenant_id"];

/// `_formatters`, by attribute name.
fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "subnets" | "subnet_ids" | "availability_zones" | "availability_zone_hints" | "tags" => {
            common::list_column(value)
        }
        "admin_state_up" | "is_admin_state_up" => common::admin_state_column(value),
        "router:external" | "is_router_external" => Value::Column {
            human: if sdk::truthy(&value) {
                "External"
            } else {
                "Internal"
            }
            .to_owned(),
            machine: Box::new(Value::from_json(&value)),
        },
        _ => Value::from_json(&value),
    }
}

fn show(item: &Json) -> Output {
    common::show(&NETWORK, item, COLUMN_MAP, HIDDEN, format)
}

/// `_get_attrs`: the body of create and set, in OSC's order.
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
            ("share", "shared", true),
            ("no_share", "shared", false),
            ("enable_port_security", "port_security_enabled", true),
            ("disable_port_security", "port_security_enabled", false),
        ],
    );
    if let Some(project_id) = common::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project_id));
    }
    if let ArgValue::List(_) = args.get("availability_zone_hints") {
        attrs.insert(
            "availability_zone_hints".into(),
            Json::from(args.strings("availability_zone_hints")),
        );
    }
    if let Some(description) = present(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    if let Some(mtu) = given(args, "mtu") {
        attrs.insert("mtu".into(), Json::from(mtu));
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[
            ("internal", "router:external", false),
            ("external", "router:external", true),
            ("no_default", "is_default", false),
            ("default", "is_default", true),
        ],
    );
    if let Some(value) = given(args, "provider_network_type") {
        attrs.insert("provider:network_type".into(), Json::from(value));
    }
    if let Some(value) = given(args, "physical_network") {
        attrs.insert("provider:physical_network".into(), Json::from(value));
    }
    if let Some(value) = given(args, "segmentation_id") {
        attrs.insert("provider:segmentation_id".into(), Json::from(value));
    }
    if let Some(policy) = present(args, "qos_policy") {
        let id = common::find_qos_policy_id(cm, policy)?;
        attrs.insert("qos_policy_id".into(), Json::from(id));
    }
    if args.flag("no_qos_policy") {
        attrs.insert("qos_policy_id".into(), Json::Null);
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[("pvlan", "pvlan", true), ("no_pvlan", "pvlan", false)],
    );
    if let Some(domain) = present(args, "dns_domain") {
        attrs.insert("dns_domain".into(), Json::from(domain));
    }
    Ok(attrs)
}

/// `_add_additional_network_options`.
fn add_additional_options(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--provider-network-type"])
            .metavar("<provider-network-type>")
            .help(
                "The physical mechanism by which the virtual network is implemented. For example: flat, geneve, \
                 gre, local, vlan or vxlan.",
            ),
    );
    parser.add(
        Arg::option(&["--provider-physical-network"])
            .metavar("<provider-physical-network>")
            .dest("physical_network")
            .help("Name of the physical network over which the virtual network is implemented"),
    );
    parser.add(
        Arg::option(&["--provider-segment"])
            .metavar("<provider-segment>")
            .dest("segmentation_id")
            .help("VLAN ID for VLAN networks or Tunnel ID for GENEVE/GRE/VXLAN networks"),
    );
    parser.add(
        Arg::option(&["--dns-domain"])
            .metavar("<dns-domain>")
            .dest("dns_domain")
            .help("Set DNS domain for this network (requires DNS integration extension)"),
    );
}

fn network_positional(parser: &mut Parser, help: &str) {
    parser.add(Arg::positional("network").metavar("<network>").help(help));
}

const PVLAN_ERROR: &str = "--disable-port-security and --pvlan can not be used together.";

/// `network create`.
pub struct CreateNetwork;

impl Command<ClientManager> for CreateNetwork {
    fn description(&self) -> &str {
        "Create new network"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New network name"),
        );
        let share = parser.add_mutex(None, false);
        parser.add_to_mutex(
            share,
            Arg::option(&["--share"])
                .flag()
                .default_none()
                .help("Share the network between projects"),
        );
        parser.add_to_mutex(
            share,
            Arg::option(&["--no-share"])
                .flag()
                .help("Do not share the network between projects"),
        );
        let admin = parser.add_mutex(None, false);
        parser.add_to_mutex(
            admin,
            Arg::option(&["--enable"])
                .flag()
                .default(ArgValue::Bool(true))
                .help("Enable network (default)"),
        );
        parser.add_to_mutex(
            admin,
            Arg::option(&["--disable"]).flag().help("Disable network"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set network description"),
        );
        parser.add(
            Arg::option(&["--mtu"])
                .metavar("<mtu>")
                .help("Set network mtu"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--availability-zone-hint"])
                .append()
                .dest("availability_zone_hints")
                .metavar("<availability-zone>")
                .help(
                    "Availability Zone in which to create this network (Network Availability Zone extension \
                     required, repeat option to set multiple availability zones)",
                ),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--enable-port-security",
                    "Enable port security by default for ports created on this network (default)",
                ),
                (
                    "--disable-port-security",
                    "Disable port security by default for ports created on this network",
                ),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--external",
                    "The network has an external routing facility that is not managed by Neutron and can be \
                     used. For example: openstack router set --external-gateway NETWORK (external-net extension \
                     required)",
                ),
                ("--internal", "Opposite of '--external' (default)"),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--default",
                    "Specify if this network should be used as the default external network",
                ),
                (
                    "--no-default",
                    "Do not use the network as the default external network (default)",
                ),
            ],
        );
        parser.add(
            Arg::option(&["--qos-policy"])
                .metavar("<qos-policy>")
                .help("QoS policy to attach to this network (name or ID)"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--transparent-vlan", "Make the network VLAN transparent"),
                (
                    "--no-transparent-vlan",
                    "Do not make the network VLAN transparent",
                ),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--qinq-vlan",
                    "Enable VLAN QinQ (S-Tag ethtype 0x8a88) for the network",
                ),
                (
                    "--no-qinq-vlan",
                    "Disable VLAN QinQ (S-Tag ethtype 0x8a88) for the network",
                ),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--pvlan",
                    "Enable Private VLAN for the network (PVLAN extension required)",
                ),
                (
                    "--no-pvlan",
                    "Disable Private VLAN for the network (PVLAN extension required)",
                ),
            ],
        );
        add_additional_options(parser);
        common::add_tag_option_for_create(parser, "network");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = attrs(ctx, args)?;
        if args.flag("transparent_vlan") {
            attrs.insert("vlan_transparent".into(), Json::Bool(true));
        }
        if args.flag("no_transparent_vlan") {
            attrs.insert("vlan_transparent".into(), Json::Bool(false));
        }
        if args.flag("qinq_vlan") {
            attrs.insert("vlan_qinq".into(), Json::Bool(true));
        }
        if args.flag("no_qinq_vlan") {
            attrs.insert("vlan_qinq".into(), Json::Bool(false));
        }
        let on = |key: &str| attrs.get(key).is_some_and(sdk::truthy);
        if on("vlan_transparent") && on("vlan_qinq") {
            return Err(Error::command(
                "--transparent-vlan and --qinq-vlan can not be both enabled for the network.",
            ));
        }
        if attrs.get("port_security_enabled") == Some(&Json::Bool(false))
            && attrs.get("pvlan") == Some(&Json::Bool(true))
        {
            return Err(Error::command(PVLAN_ERROR));
        }
        if given(args, "segmentation_id").is_some()
            && given(args, "provider_network_type").is_none()
        {
            return Err(Error::command(
                "--provider-segment requires --provider-network-type to be specified.",
            ));
        }
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &NETWORK, attrs))?;
        let created = fail(common::update_tags_for_set(ctx, &NETWORK, &created, args))?;
        Ok(show(&created))
    }
}

/// `network delete`.
pub struct DeleteNetwork;

impl Command<ClientManager> for DeleteNetwork {
    fn description(&self) -> &str {
        "Delete network(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network")
                .metavar("<network>")
                .nargs(Nargs::OneOrMore)
                .help("Network(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &NETWORK,
            &args.strings("network"),
            "network",
            "networks",
        )
    }
}

/// `network list`.
pub struct ListNetwork;

const SHORT_COLUMNS: &[&str] = &["id", "name", "subnet_ids"];
const SHORT_HEADERS: &[&str] = &["ID", "Name", "Subnets"];

impl Command<ClientManager> for ListNetwork {
    fn description(&self) -> &str {
        "List networks"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_exclusive_flags(
            parser,
            &[
                ("--external", "List only external networks"),
                ("--internal", "List only internal networks"),
            ],
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List only networks with the specified name"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--enable", "List only enabled networks"),
                ("--disable", "List only disabled networks"),
            ],
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only networks with the specified project (name or ID)"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--pvlan", "List only networks with PVLAN enabled"),
                ("--no-pvlan", "List only networks with PVLAN disabled"),
            ],
        );
        identity::common::add_project_domain_option(parser);
        common::add_exclusive_flags(
            parser,
            &[
                ("--share", "List only networks shared between projects"),
                (
                    "--no-share",
                    "List only networks not shared between projects",
                ),
            ],
        );
        parser.add(
            Arg::option(&["--status"])
                .metavar("<status>")
                .choices(&["ACTIVE", "BUILD", "DOWN", "ERROR"])
                .help("List only networks with the specified status ('ACTIVE', 'BUILD', 'DOWN', 'ERROR')"),
        );
        parser.add(
            Arg::option(&["--provider-network-type"])
                .metavar("<provider-network-type>")
                .choices(&["flat", "geneve", "gre", "local", "vlan", "vxlan"])
                .help(
                    "List only networks with the specified physical mechanisms. The supported options are: flat, \
                     geneve, gre, local, vlan and vxlan.",
                ),
        );
        parser.add(
            Arg::option(&["--provider-physical-network"])
                .metavar("<provider-physical-network>")
                .dest("physical_network")
                .help("List only networks with the specified physical network name"),
        );
        parser.add(
            Arg::option(&["--provider-segment"])
                .metavar("<provider-segment>")
                .dest("segmentation_id")
                .help(
                    "List only networks with the specified provider segment ID (VLAN ID for VLAN networks or \
                     Tunnel ID for GENEVE/GRE/VXLAN networks)",
                ),
        );
        parser.add(
            Arg::option(&["--agent"])
                .metavar("<agent-id>")
                .dest("agent_id")
                .help("List only networks hosted the specified agent (ID only)"),
        );
        common::add_tag_filtering_options(parser, "networks");
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (columns, headers): (&[&str], &[&str]) = if args.flag("long") {
            (
                &[
                    "id",
                    "name",
                    "status",
                    "project_id",
                    "is_admin_state_up",
                    "is_shared",
                    "subnet_ids",
                    "provider_network_type",
                    "is_router_external",
                    "availability_zones",
                    "tags",
                ],
                &[
                    "ID",
                    "Name",
                    "Status",
                    "Project",
                    "State",
                    "Shared",
                    "Subnets",
                    "Network Type",
                    "Router Type",
                    "Availability Zones",
                    "Tags",
                ],
            )
        } else {
            (SHORT_COLUMNS, SHORT_HEADERS)
        };
        if let Some(agent) = given(args, "agent_id") {
            let prefix = fail(common::version_prefix(ctx))?;
            let agent_path = format!("{prefix}/agents/{}", sdk::quote_path(agent));
            let message = format!("No Agent found for {agent}");
            fail(
                Call::new("network", osc_lib::Method::Get, agent_path.clone())
                    .error_message(message)
                    .json(ctx),
            )?;
            let hosted = fail(
                Call::new(
                    "network",
                    osc_lib::Method::Get,
                    format!("{agent_path}/dhcp-networks"),
                )
                .json(ctx),
            )?;
            let items = match hosted.get("networks") {
                Some(Json::Array(items)) => items.clone(),
                _ => Vec::new(),
            };
            return Ok(common::rows(
                &NETWORK,
                &items,
                SHORT_HEADERS,
                SHORT_COLUMNS,
                format,
            ));
        }
        let mut params: Vec<Param> = Vec::new();
        let py = |b: bool| Some(sdk::py_bool(b));
        if args.flag("external") {
            params.push(("is_router_external", py(true)));
        } else if args.flag("internal") {
            params.push(("is_router_external", py(false)));
        }
        if let Some(name) = present(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        if args.flag("enable") {
            params.push(("is_admin_state_up", py(true)));
        } else if args.flag("disable") {
            params.push(("is_admin_state_up", py(false)));
        }
        if given(args, "project").is_some() {
            if let Some(project_id) = common::project_id(ctx, args)? {
                params.push(("project_id", Some(project_id)));
            }
        }
        if args.flag("share") {
            params.push(("is_shared", py(true)));
        } else if args.flag("no_share") {
            params.push(("is_shared", py(false)));
        }
        if let Some(status) = given(args, "status") {
            params.push(("status", Some(status.to_owned())));
        }
        if let Some(value) = given(args, "provider_network_type") {
            params.push(("provider_network_type", Some(value.to_owned())));
        }
        if let Some(value) = given(args, "physical_network") {
            params.push(("provider_physical_network", Some(value.to_owned())));
        }
        if let Some(value) = given(args, "segmentation_id") {
            params.push(("provider_segmentation_id", Some(value.to_owned())));
        }
        if args.flag("pvlan") {
            params.push(("pvlan", py(true)));
        } else if args.flag("no_pvlan") {
            params.push(("pvlan", py(false)));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        params.extend(common::tag_filtering_params(args));
        let items = fail(common::list(ctx, &NETWORK, &params, page.max_items))?;
        Ok(common::rows(&NETWORK, &items, headers, columns, format))
    }
}

/// `network set`.
pub struct SetNetwork;

impl Command<ClientManager> for SetNetwork {
    fn description(&self) -> &str {
        "Set network properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        network_positional(parser, "Network to modify (name or ID)");
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set network name"),
        );
        let admin = parser.add_mutex(None, false);
        parser.add_to_mutex(
            admin,
            Arg::option(&["--enable"])
                .flag()
                .default_none()
                .help("Enable network"),
        );
        parser.add_to_mutex(
            admin,
            Arg::option(&["--disable"]).flag().help("Disable network"),
        );
        let share = parser.add_mutex(None, false);
        parser.add_to_mutex(
            share,
            Arg::option(&["--share"])
                .flag()
                .default_none()
                .help("Share the network between projects"),
        );
        parser.add_to_mutex(
            share,
            Arg::option(&["--no-share"])
                .flag()
                .help("Do not share the network between projects"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set network description"),
        );
        parser.add(
            Arg::option(&["--mtu"])
                .metavar("<mtu>")
                .help("Set network mtu"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--enable-port-security",
                    "Enable port security by default for ports created on this network",
                ),
                (
                    "--disable-port-security",
                    "Disable port security by default for ports created on this network",
                ),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--external",
                    "The network has an external routing facility that is not managed by Neutron and can be \
                     used. For example: openstack router set --external-gateway NETWORK (external-net extension \
                     required).",
                ),
                ("--internal", "Opposite of '--external'"),
            ],
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--default",
                    "Set the network as the default external network",
                ),
                (
                    "--no-default",
                    "Do not use the network as the default external network",
                ),
            ],
        );
        let qos = parser.add_mutex(None, false);
        parser.add_to_mutex(
            qos,
            Arg::option(&["--qos-policy"])
                .metavar("<qos-policy>")
                .help("QoS policy to attach to this network (name or ID)"),
        );
        parser.add_to_mutex(
            qos,
            Arg::option(&["--no-qos-policy"])
                .flag()
                .help("Remove the QoS policy attached to this network"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--pvlan",
                    "Enable Private VLAN for the network. PVLAN extension required.",
                ),
                (
                    "--no-pvlan",
                    "Disable Private VLAN for the network (Default). PVLAN extension required.",
                ),
            ],
        );
        common::add_tag_option_for_set(parser, "network");
        add_additional_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let network = fail(common::find(
            ctx,
            &NETWORK,
            args.str("network").unwrap_or(""),
            &[],
        ))?;
        let mut attrs = attrs(ctx, args)?;
        attrs.extend(common::extra_properties(args, false)?);
        if attrs.get("port_security_enabled") == Some(&Json::Bool(false))
            && attrs.get("pvlan") == Some(&Json::Bool(true))
        {
            return Err(Error::command(PVLAN_ERROR));
        }
        if !attrs.is_empty() {
            fail(common::update(ctx, &NETWORK, &network, attrs))?;
        }
        fail(common::update_tags_for_set(ctx, &NETWORK, &network, args))?;
        Ok(Output::ok())
    }
}

/// `network show`.
pub struct ShowNetwork;

impl Command<ClientManager> for ShowNetwork {
    fn description(&self) -> &str {
        "Show network details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        network_positional(parser, "Network to display (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let network = fail(common::find(
            ctx,
            &NETWORK,
            args.str("network").unwrap_or(""),
            &[],
        ))?;
        Ok(show(&network))
    }
}

/// `network unset`.
pub struct UnsetNetwork;

impl Command<ClientManager> for UnsetNetwork {
    fn description(&self) -> &str {
        "Unset network properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        network_positional(parser, "Network to modify (name or ID)");
        common::add_tag_option_for_unset(parser, "network");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let network = fail(common::find(
            ctx,
            &NETWORK,
            args.str("network").unwrap_or(""),
            &[],
        ))?;
        let attrs = common::extra_properties(args, true)?;
        if !attrs.is_empty() {
            fail(common::update(ctx, &NETWORK, &network, attrs))?;
        }
        fail(common::update_tags_for_unset(ctx, &NETWORK, &network, args))?;
        Ok(Output::ok())
    }
}
