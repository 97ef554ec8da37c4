//! `ip availability list|show` (openstacksdk `NetworkIPAvailability`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::common::{self as c, fail};
use crate::nested::getattr;
use crate::resources::{NETWORK, NETWORK_IP_AVAILABILITY};
use identity::pagination::{add_marker_pagination_options, pagination};
use openstack_sdk as sdk;

/// The keys of `ip_availability_details` (the `network-ip-availability-details` extension) shown by the list.
const DETAIL_FIELDS: &[&str] = &[
    "total_ips_in_subnet",
    "total_ips_in_allocation_pool",
    "used_ips_in_subnet",
    "used_ips_in_allocation_pool",
];

/// `ip availability list`.
pub struct ListIpAvailability;

impl Command<ClientManager> for ListIpAvailability {
    fn description(&self) -> &str {
        "List IP availability for network"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--ip-version"])
                .int()
                .default(4)
                .choices(&["4", "6"])
                .metavar("<ip-version>")
                .dest("ip_version")
                .help(
                    "List only IP availability with the specified IP version networks (4 or 6, default is 4)",
                ),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only IP availability with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params = Vec::new();
        if let Some(version) = args.int("ip_version").filter(|v| *v != 0) {
            params.push(("ip_version", Some(version.to_string())));
        }
        if let Some(project) = c::given(args, "project") {
            let id = c::find_project_id(ctx, project, args.str("project_domain"))?;
            params.push(("project_id", Some(id)));
        }
        let page = pagination(args)?;
        params.extend(page.params);
        let items = fail(c::list(
            ctx,
            &NETWORK_IP_AVAILABILITY,
            &params,
            page.max_items,
        ))?;
        let rows = items
            .iter()
            .map(|item| {
                let mut row: Vec<Value> = ["network_id", "network_name", "total_ips", "used_ips"]
                    .iter()
                    .map(|column| {
                        Value::from_json(&getattr(&NETWORK_IP_AVAILABILITY, item, column))
                    })
                    .collect();
                let details = NETWORK_IP_AVAILABILITY.get(item, "ip_availability_details");
                for field in DETAIL_FIELDS {
                    let value = details.get(*field).cloned().unwrap_or(Json::from(""));
                    row.push(Value::from_json(&value));
                }
                row
            })
            .collect();
        Ok(identity::output::list(
            &[
                "Network ID",
                "Network Name",
                "Total IPs",
                "Used IPs",
                "Total IPs in Subnet",
                "Total IPs in Allocation Pool",
                "Used IPs in Subnet",
                "Used IPs in Allocation Pool",
            ],
            rows,
        ))
    }
}

/// `ip availability show`.
pub struct ShowIpAvailability;

impl Command<ClientManager> for ShowIpAvailability {
    fn description(&self) -> &str {
        "Show network IP availability details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network")
                .metavar("<network>")
                .help("Show IP availability for a specific network (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let network = fail(c::find(
            ctx,
            &NETWORK,
            args.str("network").unwrap_or(""),
            &[],
        ))?;
        let availability = fail(c::find(
            ctx,
            &NETWORK_IP_AVAILABILITY,
            &sdk::id_of(&network),
            &[],
        ))?;
        Ok(c::show(
            &NETWORK_IP_AVAILABILITY,
            &availability,
            &[],
            &["id", "name", "location", "tenant_id"],
            |attribute, value| match attribute {
                "subnet_ip_availability" => c::list_dict_column(value),
                "ip_availability_details" => c::dict_column(value),
                _ => c::plain(attribute, value),
            },
        ))
    }
}
