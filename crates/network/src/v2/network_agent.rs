//! `network agent add|remove network`, `network agent add|remove router`, `network agent delete|list|set|show`
//! and `network agent router set` (openstacksdk `Agent`).
//!
//! openstacksdk's agent actions (`add_agent_to_network`, `add_router_to_agent`...) post and never look at the
//! answer's status, so a refusal by Neutron passes unnoticed, as it does with OSC.

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self as c, add_exclusive_flags, fail};
use crate::nested::list_under;
use crate::resources::{AGENT, NETWORK, NETWORK_HOSTING_DHCP_AGENT, ROUTER, ROUTER_L3_AGENT};
use identity::output::delete_summary;
use identity::pagination::{add_marker_pagination_options, pagination};
use openstack_sdk as sdk;
use openstack_sdk::Call;

/// `ListNetworkAgent._supported_agents`, in its order.
const AGENT_TYPES: &[(&str, &str)] = &[
    ("bgp", "BGP dynamic routing agent"),
    ("dhcp", "DHCP agent"),
    ("open-vswitch", "Open vSwitch agent"),
    ("linux-bridge", "Linux bridge agent"),
    ("ofa", "OFA driver agent"),
    ("l3", "L3 agent"),
    ("loadbalancer", "Loadbalancer agent"),
    ("metering", "Metering agent"),
    ("metadata", "Metadata agent"),
    ("macvtap", "Macvtap agent"),
    ("nic", "NIC Switch agent"),
    ("baremetal", "Baremetal Node"),
    ("ovn-controller", "OVN Controller agent"),
    ("ovn-controller-gateway", "OVN Controller Gateway agent"),
    ("ovn-metadata", "OVN Metadata agent"),
    ("ovn-agent", "OVN Neutron agent"),
];

const HA_PRIORITY_HELP: &str =
    "HA Chassis priority, ranging from [0, 32767]. Only used with --l3 and for ML2/OVN L3 agents";

/// `_formatters`.
fn formatter(attribute: &str, value: Json) -> Value {
    match attribute {
        "is_alive" | "alive" => Value::Column {
            human: if sdk::truthy(&value) { ":-)" } else { "XXX" }.to_owned(),
            machine: Box::new(Value::from_json(&value)),
        },
        "admin_state_up" | "is_admin_state_up" => c::admin_state_column(value),
        "configurations" => c::dict_column(value),
        _ => c::plain(attribute, value),
    }
}

/// `get_agent(id)`.
fn get_agent(cm: &mut ClientManager, args: &Args, dest: &str) -> Result<Json> {
    fail(c::get(cm, &AGENT, args.str(dest).unwrap_or("")))
}

fn find_id(cm: &mut ClientManager, res: &crate::common::NetResource, name: &str) -> Result<String> {
    fail(c::find(cm, res, name, &[])).map(|item| sdk::id_of(&item))
}

/// An agent action: `<agent>/<suffix>`, its answer's status ignored.
fn agent_action(
    cm: &mut ClientManager,
    agent: &Json,
    method: Method,
    suffix: &str,
    body: Json,
) -> Result<Output> {
    let path = format!(
        "{}/{suffix}",
        fail(c::item_path(cm, &AGENT, &sdk::id_of(agent)))?
    );
    // Ignored on purpose: openstacksdk does not check the status of these calls.
    let _ignored = Call::new("network", method, path).body(body).send(cm);
    Ok(Output::ok())
}

fn agent_id_argument(help: &str) -> Arg {
    Arg::positional("agent_id").metavar("<agent-id>").help(help)
}

/// `network agent add network`.
pub struct AddNetworkToAgent;

impl Command<ClientManager> for AddNetworkToAgent {
    fn description(&self) -> &str {
        "Add network to an agent"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--dhcp"])
                .flag()
                .help("Add network to a DHCP agent"),
        );
        parser.add(agent_id_argument(
            "Agent to which a network is added (ID only)",
        ));
        parser.add(
            Arg::positional("network")
                .metavar("<network>")
                .help("Network to be added to an agent (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let agent = get_agent(ctx, args, "agent_id")?;
        let network = find_id(ctx, &NETWORK, args.str("network").unwrap_or(""))?;
        if !args.flag("dhcp") {
            return Ok(Output::ok());
        }
        agent_action(
            ctx,
            &agent,
            Method::Post,
            "dhcp-networks",
            json!({ "network_id": network }),
        )
    }
}

/// `network agent remove network`.
pub struct RemoveNetworkFromAgent;

impl Command<ClientManager> for RemoveNetworkFromAgent {
    fn description(&self) -> &str {
        "Remove network from an agent."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--dhcp"])
                .flag()
                .help("Remove network from DHCP agent"),
        );
        parser.add(agent_id_argument(
            "Agent to which a network is removed (ID only)",
        ));
        parser.add(
            Arg::positional("network")
                .metavar("<network>")
                .help("Network to be removed from an agent (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let agent = get_agent(ctx, args, "agent_id")?;
        let network = find_id(ctx, &NETWORK, args.str("network").unwrap_or(""))?;
        if !args.flag("dhcp") {
            return Ok(Output::ok());
        }
        let suffix = format!("dhcp-networks/{}", sdk::quote_path(&network));
        agent_action(
            ctx,
            &agent,
            Method::Delete,
            &suffix,
            json!({ "network_id": network }),
        )
    }
}

/// `network agent add router`.
pub struct AddRouterToAgent;

impl Command<ClientManager> for AddRouterToAgent {
    fn description(&self) -> &str {
        "Add router to an agent"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--l3"])
                .flag()
                .help("Add router to an L3 agent"),
        );
        parser.add(
            Arg::option(&["--ha-chassis-priority"])
                .metavar("<ha-chassis-priority>")
                .int()
                .help(HA_PRIORITY_HELP),
        );
        parser.add(agent_id_argument(
            "Agent to which a router is added (ID only)",
        ));
        parser.add(
            Arg::positional("router")
                .metavar("<router>")
                .help("Router to be added to an agent (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let agent = get_agent(ctx, args, "agent_id")?;
        let router = find_id(ctx, &ROUTER, args.str("router").unwrap_or(""))?;
        if !args.flag("l3") {
            return Ok(Output::ok());
        }
        let mut body = Map::new();
        body.insert("router_id".into(), Json::from(router));
        if let Some(priority) = args.int("ha_chassis_priority") {
            body.insert("ha_chassis_priority".into(), Json::from(priority));
        }
        agent_action(ctx, &agent, Method::Post, "l3-routers", Json::Object(body))
    }
}

/// `network agent remove router`.
pub struct RemoveRouterFromAgent;

impl Command<ClientManager> for RemoveRouterFromAgent {
    fn description(&self) -> &str {
        "Remove router from an agent"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--l3"])
                .flag()
                .help("Remove router from an L3 agent"),
        );
        parser.add(agent_id_argument(
            "Agent from which router will be removed (ID only)",
        ));
        parser.add(
            Arg::positional("router")
                .metavar("<router>")
                .help("Router to be removed from an agent (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let agent = get_agent(ctx, args, "agent_id")?;
        let router = find_id(ctx, &ROUTER, args.str("router").unwrap_or(""))?;
        if !args.flag("l3") {
            return Ok(Output::ok());
        }
        let suffix = format!("l3-routers/{}", sdk::quote_path(&router));
        agent_action(
            ctx,
            &agent,
            Method::Delete,
            &suffix,
            json!({ "router_id": router }),
        )
    }
}

/// `network agent router set`.
pub struct SetNetworkAgentRouter;

impl Command<ClientManager> for SetNetworkAgentRouter {
    fn description(&self) -> &str {
        "Set properties of a router associated to an agent"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--ha-chassis-priority"])
                .metavar("<ha-chassis-priority>")
                .int()
                .required()
                .help(HA_PRIORITY_HELP),
        );
        parser.add(agent_id_argument("L3 agent to modify (ID only)"));
        parser.add(
            Arg::positional("router")
                .metavar("<router>")
                .help("Router to update (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let agent = get_agent(ctx, args, "agent_id")?;
        let router = find_id(ctx, &ROUTER, args.str("router").unwrap_or(""))?;
        let mut body = Map::new();
        if let Some(priority) = args.int("ha_chassis_priority") {
            body.insert("ha_chassis_priority".into(), Json::from(priority));
        }
        let suffix = format!("l3-routers/{}", sdk::quote_path(&router));
        agent_action(ctx, &agent, Method::Put, &suffix, Json::Object(body))
    }
}

/// `network agent delete`.
pub struct DeleteNetworkAgent;

impl Command<ClientManager> for DeleteNetworkAgent {
    fn description(&self) -> &str {
        "Delete network agent(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network_agent")
                .metavar("<network-agent>")
                .nargs(Nargs::OneOrMore)
                .help("Network agent(s) to delete (ID only)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("network_agent"),
            |ctx, id| {
                let path = c::item_path(ctx, &AGENT, id)?;
                sdk::delete(ctx, &AGENT.resource, &path, false)
            },
            |id, err| format!("Failed to delete network agent with ID '{id}': {err}"),
            delete_summary("network agents"),
        )
    }
}

/// `network agent list`.
pub struct ListNetworkAgent;

impl Command<ClientManager> for ListNetworkAgent {
    fn description(&self) -> &str {
        "List network agents"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let names: Vec<&str> = AGENT_TYPES.iter().map(|(name, _)| *name).collect();
        parser.add(
            Arg::option(&["--agent-type"])
                .metavar("<agent-type>")
                .choices(&names)
                .help(&format!(
                    "List only agents with the specified agent type. The supported agent types are: {}.",
                    names.join(",")
                )),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("List only agents running on the specified host"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--network"])
                .metavar("<network>")
                .help("List agents hosting the specified network (name or ID)"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--router"])
                .metavar("<router>")
                .help("List agents hosting the specified router (name or ID)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut columns = vec![
            "id",
            "agent_type",
            "host",
            "availability_zone",
            "is_alive",
            "is_admin_state_up",
            "binary",
        ];
        let mut headers = vec![
            "ID",
            "Agent Type",
            "Host",
            "Availability Zone",
            "Alive",
            "State",
            "Binary",
        ];
        let page = pagination(args)?;
        let items = if let Some(network) = args.str("network") {
            let network = find_id(ctx, &NETWORK, network)?;
            fail(list_under(
                ctx,
                &NETWORK_HOSTING_DHCP_AGENT,
                &[("network_id", &network)],
                &[],
                None,
            ))?
        } else if let Some(router) = args.str("router") {
            if args.flag("long") {
                columns.push("ha_state");
                headers.push("HA State");
            }
            let router = find_id(ctx, &ROUTER, router)?;
            fail(list_under(
                ctx,
                &ROUTER_L3_AGENT,
                &[("router_id", &router)],
                &[],
                None,
            ))?
        } else {
            let mut params = page.params;
            if let Some(kind) = args.str("agent_type") {
                let full = AGENT_TYPES
                    .iter()
                    .find(|(name, _)| *name == kind)
                    .map_or(kind, |(_, full)| *full);
                params.push(("agent_type", Some(full.to_owned())));
            }
            if let Some(host) = args.str("host") {
                params.push(("host", Some(host.to_owned())));
            }
            fail(c::list(ctx, &AGENT, &params, page.max_items))?
        };
        Ok(crate::nested::rows(
            &AGENT, &items, &headers, &columns, formatter,
        ))
    }
}

/// `network agent set`.
pub struct SetNetworkAgent;

impl Command<ClientManager> for SetNetworkAgent {
    fn description(&self) -> &str {
        "Set network agent properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network_agent")
                .metavar("<network-agent>")
                .help("Network agent to modify (ID only)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set network agent description"),
        );
        add_exclusive_flags(
            parser,
            &[
                ("--enable", "Enable network agent"),
                ("--disable", "Disable network agent"),
            ],
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let agent = get_agent(ctx, args, "network_agent")?;
        let mut attrs = Map::new();
        crate::nested::put_str(&mut attrs, args, "description", "description");
        if args.flag("enable") {
            attrs.insert("admin_state_up".into(), Json::Bool(true));
        }
        if args.flag("disable") {
            attrs.insert("admin_state_up".into(), Json::Bool(false));
        }
        fail(c::update(ctx, &AGENT, &agent, attrs))?;
        Ok(Output::ok())
    }
}

/// `network agent show`.
pub struct ShowNetworkAgent;

impl Command<ClientManager> for ShowNetworkAgent {
    fn description(&self) -> &str {
        "Display network agent details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network_agent")
                .metavar("<network-agent>")
                .help("Network agent to display (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let agent = get_agent(ctx, args, "network_agent")?;
        // `_get_network_columns`: a fixed list of (display name, attribute).
        let pairs = [
            ("admin_state_up", "is_admin_state_up"),
            ("agent_type", "agent_type"),
            ("alive", "is_alive"),
            ("availability_zone", "availability_zone"),
            ("binary", "binary"),
            ("configuration", "configuration"),
            ("created_at", "created_at"),
            ("description", "description"),
            ("ha_chassis_priority", "ha_chassis_priority"),
            ("ha_state", "ha_state"),
            ("host", "host"),
            ("id", "id"),
            ("last_heartbeat_at", "last_heartbeat_at"),
            ("resources_synced", "resources_synced"),
            ("started_at", "started_at"),
            ("topic", "topic"),
        ];
        Ok(Output::show(
            pairs
                .iter()
                .map(|(shown, attribute)| {
                    let value = crate::nested::getattr(&AGENT, &agent, attribute);
                    ((*shown).to_owned(), formatter(attribute, value))
                })
                .collect(),
        ))
    }
}
