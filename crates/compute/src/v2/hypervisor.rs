//! `hypervisor list|show` (openstacksdk `Hypervisor`).

use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::common::given;
use identity::output::{self, fail};
use identity::pagination::{add_marker_pagination_options, non_negative};
use osc_lib::format_columns::dict_column;
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use super::options::{needs, supports};
use crate::resources::{AGGREGATE, HYPERVISOR};
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// The attributes Nova drops at 2.88, as OSC shows them below it: (attribute, shown name, body key).
const OLD_FIELDS: &[(&str, &str)] = &[
    ("current_workload", "current_workload"),
    ("disk_available_least", "disk_available_least"),
    ("free_disk_gb", "free_disk_gb"),
    ("local_gb", "local_gb"),
    ("local_gb_used", "local_gb_used"),
    ("free_ram_mb", "free_ram_mb"),
    ("memory_mb_used", "memory_mb_used"),
    ("memory_mb", "memory_mb"),
    ("running_vms", "running_vms"),
    ("vcpus_used", "vcpus_used"),
    ("vcpus", "vcpus"),
];

/// `hypervisor list`.
pub struct ListHypervisor;

impl Command<ClientManager> for ListHypervisor {
    fn description(&self) -> &str {
        "List hypervisors"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--matching"]).metavar("<hostname>").help(
            "Filter hypervisors using <hostname> substringHypervisor Type and Host IP are not returned when using \
             microversion 2.52 or lower",
        ));
        add_marker_pagination_options(parser, true);
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let limit = non_negative(args, "limit", "--limit")?.filter(|l| *l != 0);
        let max_items = non_negative(args, "max_items", "--max-items")?.map(|m| m as usize);
        let marker = given(args, "marker");
        let matching = given(args, "matching");
        if matching.is_some() && (marker.is_some() || limit.is_some()) {
            return Err(Error::command(
                "--matching is not compatible with --marker or --limit",
            ));
        }
        let mut params: Vec<Param> = Vec::new();
        if let Some(marker) = marker {
            needs(ctx, "2.33", "--marker")?;
            params.push(("marker", Some(marker.to_owned())));
        }
        if let Some(limit) = limit {
            needs(ctx, "2.33", "--limit")?;
            params.push(("limit", Some(limit.to_string())));
        }
        if let Some(matching) = matching {
            params.push(("hypervisor_hostname_pattern", Some(matching.to_owned())));
        }
        let mut columns = vec![
            "ID",
            "Hypervisor Hostname",
            "Hypervisor Type",
            "Host IP",
            "State",
        ];
        let long = args.flag("long") && !supports(ctx, "2.88")?;
        if long {
            columns.extend(["vCPUs Used", "vCPUs", "Memory MB Used", "Memory MB"]);
        }
        let path = format!("{}/detail", HYPERVISOR.base_path);
        let data = fail(sdk::list(ctx, &HYPERVISOR, &path, &params, max_items))?;
        let rows = data
            .iter()
            .map(|h| {
                let mut row = vec![
                    sdk::attr(h, "id"),
                    sdk::attr(h, "hypervisor_hostname"),
                    sdk::attr(h, "hypervisor_type"),
                    sdk::attr(h, "host_ip"),
                    sdk::attr(h, "state"),
                ];
                if long {
                    for key in ["vcpus_used", "vcpus", "memory_mb_used", "memory_mb"] {
                        row.push(sdk::attr(h, key));
                    }
                }
                row
            })
            .collect();
        Ok(output::list(&columns, rows))
    }
}

/// OSC's uptime pattern `\s*(.+)\sup\s+(.+),\s+(.+)\susers?,\s+load average:\s(.+)`: host time, uptime,
/// users and load average.
fn parse_uptime(text: &str) -> Option<[String; 4]> {
    let text = text.trim_start();
    let load = text.rfind(", load average: ").or_else(|| {
        // `,\s+load average:\s`: any whitespace run after the comma.
        text.find("load average: ")
            .map(|i| text[..i].trim_end().len() - 1)
    })?;
    let (head, tail) = text.split_at(load);
    let average = tail
        .split_once("load average:")?
        .1
        .strip_prefix(char::is_whitespace)?;
    let head = head.trim_end_matches(',');
    let users_at = head.rfind(" user")?;
    let before_users = &head[..users_at];
    let (rest, users) = before_users.rsplit_once(',')?;
    let users = users.trim_start();
    let up = rest.find(" up ")?;
    let host_time = &rest[..up];
    let uptime = rest[up + 4..].trim_start();
    if host_time.is_empty() || uptime.is_empty() || users.is_empty() || average.is_empty() {
        return None;
    }
    Some([
        host_time.to_owned(),
        uptime.to_owned(),
        users.to_owned(),
        average.to_owned(),
    ])
}

/// `hypervisor show`.
pub struct ShowHypervisor;

impl Command<ClientManager> for ShowHypervisor {
    fn description(&self) -> &str {
        "Display hypervisor details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("hypervisor")
                .metavar("<hypervisor>")
                .help("Hypervisor to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = args.str("hypervisor").unwrap_or("");
        let found = fail(sdk::find_one(
            ctx,
            &HYPERVISOR,
            HYPERVISOR.base_path,
            name,
            &[],
        ))?;
        let id = sdk::id_of(&found);
        let hypervisor = fail(sdk::get(ctx, &HYPERVISOR, HYPERVISOR.base_path, &id))?;
        let aggregates = fail(sdk::list(ctx, &AGGREGATE, AGGREGATE.base_path, &[], None))?;
        let service_host = sdk::str_of(&hypervisor, "service")
            .map(str::to_owned)
            .or_else(|| {
                hypervisor
                    .pointer("/service/host")
                    .and_then(Json::as_str)
                    .map(str::to_owned)
            })
            .unwrap_or_default();
        let (cell, host) = match service_host.split_once('@') {
            Some((cell, host)) => (Some(cell.to_owned()), host.to_owned()),
            None => (None, service_host.clone()),
        };
        let member_of: Vec<Value> = aggregates
            .iter()
            .filter(|aggregate| {
                let in_cell = cell.as_ref().is_none_or(|cell| {
                    sdk::str_of(aggregate, "name").is_some_and(|n| n.contains(cell.as_str()))
                });
                let hosts = aggregate.get("hosts").and_then(Json::as_array);
                in_cell
                    && hosts.is_some_and(|h| h.iter().any(|x| x.as_str() == Some(host.as_str())))
            })
            .map(|aggregate| sdk::attr(aggregate, "name"))
            .collect();
        let new = supports(ctx, "2.88")?;
        let uptime_text = if new {
            sdk::str_of(&hypervisor, "uptime").unwrap_or("").to_owned()
        } else {
            let path = format!("{}/uptime", sdk::item_path(HYPERVISOR.base_path, &id));
            match sdk::proxy::versioned(ctx, &HYPERVISOR, Method::Get, path)
                .and_then(|c| c.json(ctx))
            {
                Ok(answer) => answer
                    .pointer("/hypervisor/uptime")
                    .and_then(Json::as_str)
                    .unwrap_or("")
                    .to_owned(),
                Err(failure) if failure.status() == Some(501) => String::new(),
                Err(failure) => return Err(failure.into()),
            }
        };
        let mut pairs: Vec<(String, Value)> = vec![
            ("aggregates".into(), Value::List(member_of)),
            ("cpu_info".into(), dict_column(cpu_info(&hypervisor))),
            ("host_ip".into(), sdk::attr(&hypervisor, "host_ip")),
            (
                "hypervisor_hostname".into(),
                sdk::attr(&hypervisor, "hypervisor_hostname"),
            ),
            (
                "hypervisor_type".into(),
                sdk::attr(&hypervisor, "hypervisor_type"),
            ),
            (
                "hypervisor_version".into(),
                sdk::attr(&hypervisor, "hypervisor_version"),
            ),
            ("id".into(), sdk::attr(&hypervisor, "id")),
            ("service_host".into(), Value::str(service_host.clone())),
            (
                "service_id".into(),
                hypervisor
                    .pointer("/service/id")
                    .map_or(Value::Null, Value::from_json),
            ),
            ("state".into(), sdk::attr(&hypervisor, "state")),
            ("status".into(), sdk::attr(&hypervisor, "status")),
        ];
        if !new {
            for (key, shown) in OLD_FIELDS {
                pairs.push(((*shown).to_owned(), sdk::attr(&hypervisor, key)));
            }
        }
        if let Some([host_time, uptime, users, average]) = parse_uptime(&uptime_text) {
            pairs.push(("host_time".into(), Value::str(host_time)));
            pairs.push(("uptime".into(), Value::str(uptime)));
            pairs.push(("users".into(), Value::str(users)));
            pairs.push(("load_average".into(), Value::str(average)));
        }
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::show(pairs))
    }
}

/// `cpu_info`: a dict since 2.28; a JSON string before.
fn cpu_info(hypervisor: &Json) -> Value {
    match hypervisor.get("cpu_info") {
        Some(Json::String(text)) => {
            serde_json::from_str::<Json>(if text.is_empty() { "{}" } else { text })
                .map_or(Value::Null, |v| Value::from_json(&v))
        }
        Some(value) => Value::from_json(value),
        None => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uptime_as_osc_reads_it() {
        assert_eq!(
            parse_uptime(" 17:37:14 up  2:33,  3 users,  load average: 0.33, 0.36, 0.34"),
            Some([
                "17:37:14".to_owned(),
                "2:33".to_owned(),
                "3".to_owned(),
                "0.33, 0.36, 0.34".to_owned()
            ])
        );
        assert_eq!(parse_uptime(""), None);
    }
}
