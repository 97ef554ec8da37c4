//! `network segment range create|delete|list|set|show` (openstacksdk `NetworkSegmentRange`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_exclusive_flags, add_extra_property_option, fail};

use crate::resources::{EXTENSION, NETWORK_SEGMENT_RANGE};
use identity::pagination::{add_marker_pagination_options, pagination};

const RANGE: &crate::common::NetResource = &NETWORK_SEGMENT_RANGE;

/// `find_extension('network-segment-range', ignore_missing=False)`, failing as "Network segment range `<what>`
/// not supported by Network API: ...".
fn check_extension(cm: &mut ClientManager, what: &str) -> Result<()> {
    c::find(cm, &EXTENSION, "network-segment-range", &[])
        .map(|_| ())
        .map_err(|e| {
            Error::command(format!(
                "Network segment range {what} not supported by Network API: {e}"
            ))
        })
}

/// `_get_ranges`: sorted IDs as `a-b` runs (a lone ID alone).
fn ranges(ids: &[i64]) -> Vec<String> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    while start < ids.len() {
        let mut end = start;
        while end + 1 < ids.len() && ids[end + 1] - ids[start] == (end + 1 - start) as i64 {
            end += 1;
        }
        out.push(if ids[start] == ids[end] {
            ids[start].to_string()
        } else {
            format!("{}-{}", ids[start], ids[end])
        });
        start = end + 1;
    }
    out
}

fn int_of(value: &Json) -> i64 {
    match value {
        Json::Number(n) => n.as_i64().unwrap_or(0),
        Json::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    }
}

/// `_update_available_from_props`: the available IDs as runs.
fn available(value: &Json) -> Value {
    let ids: Vec<i64> = value
        .as_array()
        .map(|items| items.iter().map(int_of).collect())
        .unwrap_or_default();
    Value::List(ranges(&ids).into_iter().map(Value::Str).collect())
}

/// `_update_used_from_props`: `{segmentation ID: project}` turned into `{project: [runs]}`.
fn used(value: &Json) -> Value {
    let mut by_project: Vec<(String, Vec<i64>)> = Vec::new();
    if let Some(map) = value.as_object() {
        for (id, project) in map {
            let project = openstack_sdk::json_text(project);
            let id = id.trim().parse().unwrap_or(0);
            match by_project.iter_mut().find(|(p, _)| *p == project) {
                Some((_, ids)) => ids.push(id),
                None => by_project.push((project, vec![id])),
            }
        }
    }
    Value::Dict(
        by_project
            .into_iter()
            .map(|(project, ids)| {
                let runs = ranges(&ids).into_iter().map(Value::Str).collect();
                (project, Value::List(runs))
            })
            .collect(),
    )
}

/// Show and create: every attribute, `available` and `used` as runs.
fn show(range: &Json) -> Output {
    c::show(
        RANGE,
        range,
        &[],
        &["location", "tenant_id"],
        |attribute, value| match attribute {
            "available" => available(&value),
            "used" => used(&value),
            _ => c::plain(attribute, value),
        },
    )
}

fn find_range(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(c::find(
        cm,
        RANGE,
        args.str("network_segment_range").unwrap_or(""),
        &[],
    ))
}

/// `network segment range create`.
pub struct CreateNetworkSegmentRange;

impl Command<ClientManager> for CreateNetworkSegmentRange {
    fn description(&self) -> &str {
        "Create new network segment range"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        add_exclusive_flags(
            parser,
            &[
                (
                    "--private",
                    "Network segment range is assigned specifically to the project",
                ),
                (
                    "--shared",
                    "Network segment range is shared with other projects",
                ),
            ],
        );
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of new network segment range"),
        );
        c::add_project_options(
            parser,
            "Network segment range owner (name or ID). Optional when the segment range is shared.",
        );
        parser.add(
            Arg::option(&["--network-type"])
                .metavar("<network-type>")
                .choices(&["geneve", "gre", "vlan", "vxlan"])
                .required()
                .help("Network type of this network segment range (geneve, gre, vlan or vxlan)"),
        );
        parser.add(
            Arg::option(&["--physical-network"])
                .metavar("<physical-network-name>")
                .help("Physical network name of this network segment range"),
        );
        let id_help = |which: &str| {
            format!(
                "{which} segment identifier for this network segment range which is based on the network type, \
                 VLAN ID for vlan network type and tunnel ID for geneve, gre and vxlan network types"
            )
        };
        parser.add(
            Arg::option(&["--minimum"])
                .metavar("<minimum-segmentation-id>")
                .int()
                .required()
                .help(&id_help("Minimum")),
        );
        parser.add(
            Arg::option(&["--maximum"])
                .metavar("<maximum-segmentation-id>")
                .int()
                .required()
                .help(&id_help("Maximum")),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        check_extension(ctx, "create")?;
        let project = c::given(args, "project");
        if !args.flag("private") && project.is_some() {
            return Err(Error::command("--project is only allowed with --private"));
        }
        let network_type = args.str("network_type").unwrap_or("");
        if network_type.to_lowercase() != "vlan" && c::given(args, "physical_network").is_some() {
            return Err(Error::command(
                "--physical-network is only allowed with --network-type vlan",
            ));
        }
        let mut attrs = Map::new();
        let shared = if args.flag("shared") || args.flag("private") {
            args.flag("shared")
        } else {
            true
        };
        attrs.insert("shared".into(), Json::Bool(shared));
        attrs.insert("network_type".into(), Json::from(network_type));
        for key in ["minimum", "maximum"] {
            if let Some(value) = args.int(key) {
                attrs.insert(key.into(), Json::from(value));
            }
        }
        if let Some(name) = c::given(args, "name") {
            attrs.insert("name".into(), Json::from(name));
        }
        if let Some(project) = project {
            let domain = args.str("project_domain");
            let id = c::find_project_id(ctx, project, domain)?;
            attrs.insert("project_id".into(), Json::from(id));
        } else if !shared {
            let token = ctx.token()?;
            let id = token.body["token"]["project"]["id"].clone();
            attrs.insert("project_id".into(), id);
        }
        if let Some(physical) = c::given(args, "physical_network") {
            attrs.insert("physical_network".into(), Json::from(physical));
        }
        attrs.extend(c::extra_properties(args, false)?);
        let range = fail(c::create(ctx, RANGE, attrs))?;
        Ok(show(&range))
    }
}

/// `network segment range delete`.
pub struct DeleteNetworkSegmentRange;

impl Command<ClientManager> for DeleteNetworkSegmentRange {
    fn description(&self) -> &str {
        "Delete network segment range(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network_segment_range")
                .metavar("<network-segment-range>")
                .nargs(Nargs::OneOrMore)
                .help("Network segment range(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        check_extension(ctx, "delete")?;
        c::delete_each_worded(
            ctx,
            args,
            RANGE,
            &args.strings("network_segment_range"),
            "Failed to delete network segment range with ID",
            "network segment ranges",
        )
    }
}

/// `network segment range list`.
pub struct ListNetworkSegmentRange;

impl Command<ClientManager> for ListNetworkSegmentRange {
    fn description(&self) -> &str {
        "List network segment ranges"
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
        add_exclusive_flags(
            parser,
            &[
                (
                    "--used",
                    "List only network segment ranges that have segments in use",
                ),
                (
                    "--unused",
                    "List only network segment ranges that have segments not in use",
                ),
            ],
        );
        add_exclusive_flags(
            parser,
            &[
                (
                    "--available",
                    "List only network segment ranges that have available segments",
                ),
                (
                    "--unavailable",
                    "List only network segment ranges without available segments",
                ),
            ],
        );
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        check_extension(ctx, "list")?;
        let page = pagination(args)?;
        let items = fail(c::list(ctx, RANGE, &page.params, page.max_items))?;
        let mut headers = vec![
            "ID",
            "Name",
            "Default",
            "Shared",
            "Project ID",
            "Network Type",
            "Physical Network",
            "Minimum ID",
            "Maximum ID",
        ];
        let mut columns = vec![
            "id",
            "name",
            "default",
            "shared",
            "project_id",
            "network_type",
            "physical_network",
            "minimum",
            "maximum",
        ];
        let filtered = ["available", "unavailable", "used", "unused"]
            .iter()
            .any(|f| args.flag(f));
        let long = args.flag("long") || filtered;
        if long {
            headers.extend(["Used", "Available"]);
            columns.extend(["used", "available"]);
        }
        let mut rows = Vec::new();
        for item in &items {
            let empty = |key: &str| !openstack_sdk::truthy(&RANGE.get(item, key));
            if (args.flag("available") && empty("available"))
                || (args.flag("unavailable") && !empty("available"))
                || (args.flag("used") && empty("used"))
                || (args.flag("unused") && !empty("used"))
            {
                continue;
            }
            let row = columns
                .iter()
                .map(|column| {
                    let value = RANGE.get(item, column);
                    match *column {
                        "available" => available(&value),
                        "used" => used(&value),
                        _ => Value::from_json(&value),
                    }
                })
                .collect();
            rows.push(row);
        }
        Ok(identity::output::list(&headers, rows))
    }
}

/// `network segment range set`.
pub struct SetNetworkSegmentRange;

impl Command<ClientManager> for SetNetworkSegmentRange {
    fn description(&self) -> &str {
        "Set network segment range properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("network_segment_range")
                .metavar("<network-segment-range>")
                .help("Network segment range to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set network segment name"),
        );
        parser.add(
            Arg::option(&["--minimum"])
                .metavar("<minimum-segmentation-id>")
                .int()
                .help("Set network segment range minimum segment identifier"),
        );
        parser.add(
            Arg::option(&["--maximum"])
                .metavar("<maximum-segmentation-id>")
                .int()
                .help("Set network segment range maximum segment identifier"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        check_extension(ctx, "set")?;
        let minimum = args.int("minimum").filter(|v| *v != 0);
        let maximum = args.int("maximum").filter(|v| *v != 0);
        if minimum.is_some() != maximum.is_some() {
            return Err(Error::command("--minimum and --maximum are both required"));
        }
        let range = find_range(ctx, args)?;
        let mut attrs = Map::new();
        if let Some(name) = c::given(args, "name") {
            attrs.insert("name".into(), Json::from(name));
        }
        if let Some(minimum) = minimum {
            attrs.insert("minimum".into(), Json::from(minimum));
        }
        if let Some(maximum) = maximum {
            attrs.insert("maximum".into(), Json::from(maximum));
        }
        attrs.extend(c::extra_properties(args, false)?);
        fail(c::update(ctx, RANGE, &range, attrs))?;
        Ok(Output::ok())
    }
}

/// `network segment range show`.
pub struct ShowNetworkSegmentRange;

impl Command<ClientManager> for ShowNetworkSegmentRange {
    fn description(&self) -> &str {
        "Display network segment range details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network_segment_range")
                .metavar("<network-segment-range>")
                .help("Network segment range to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        check_extension(ctx, "show")?;
        let range = find_range(ctx, args)?;
        Ok(show(&range))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_become_runs() {
        assert_eq!(ranges(&[5, 1, 2, 3, 7, 8]), ["1-3", "5", "7-8"]);
        assert_eq!(
            used(&json!({"101": "p", "100": "p", "105": "q"})),
            Value::Dict(vec![
                ("p".into(), Value::List(vec![Value::str("100-101")])),
                ("q".into(), Value::List(vec![Value::str("105")])),
            ])
        );
    }
}
