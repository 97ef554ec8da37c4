//! `aggregate add host|cache image|create|delete|list|remove host|set|show|unset` (openstacksdk `Aggregate`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::common::given;
use identity::output::{self, fail};
use osc_lib::format_columns::{dict_column, list_column};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::options::{properties, property_option, supports};
use crate::resources::{AGGREGATE, IMAGE};
use openstack_sdk as sdk;
use openstack_sdk::{Call, Res};

/// `_get_aggregate_columns` over the declared attributes, sorted (`metadata` shown as `properties`).
fn format_aggregate(item: &Json, drop_zone_property: bool) -> Output {
    let mut metadata = item.get("metadata").cloned().unwrap_or(Json::Null);
    if drop_zone_property {
        if let Json::Object(map) = &mut metadata {
            map.remove("availability_zone");
        }
    }
    output::show(vec![
        ("availability_zone", sdk::attr(item, "availability_zone")),
        ("created_at", sdk::attr(item, "created_at")),
        ("deleted_at", sdk::attr(item, "deleted_at")),
        ("hosts", list_column(sdk::attr(item, "hosts"))),
        ("id", sdk::attr(item, "id")),
        ("is_deleted", sdk::bool_attr(item, "deleted")),
        ("name", sdk::attr(item, "name")),
        ("properties", dict_column(Value::from_json(&metadata))),
        ("updated_at", sdk::attr(item, "updated_at")),
        ("uuid", sdk::attr(item, "uuid")),
    ])
}

/// The proxy's `find_aggregate`: the ID, then every aggregate by ID or name.
fn find_aggregate(cm: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    sdk::find_one(cm, &AGGREGATE, AGGREGATE.base_path, name_or_id, &[])
}

/// `Aggregate._action`: POST `…/action` without a microversion; the answer is the aggregate.
fn action(cm: &mut ClientManager, aggregate: &Json, body: Json) -> Res<Json> {
    let path = format!(
        "{}/action",
        sdk::item_path(AGGREGATE.base_path, &sdk::id_of(aggregate))
    );
    let answer = Call::new(AGGREGATE.service, Method::Post, path)
        .body(body)
        .json(cm)?;
    Ok(AGGREGATE.unwrap_body(answer))
}

fn aggregate_positional(help: &str) -> Arg {
    Arg::positional("aggregate")
        .metavar("<aggregate>")
        .help(help)
}

/// `aggregate add host` and `aggregate remove host`.
fn change_host(ctx: &mut ClientManager, args: &Args, action_key: &str) -> Result<Output> {
    let aggregate = fail(find_aggregate(ctx, args.str("aggregate").unwrap_or("")))?;
    let host = args.str("host").unwrap_or("");
    let changed = fail(action(
        ctx,
        &aggregate,
        json!({ action_key: { "host": host } }),
    ))?;
    Ok(format_aggregate(&changed, false))
}

/// `aggregate add host`.
pub struct AddAggregateHost;

impl Command<ClientManager> for AddAggregateHost {
    fn description(&self) -> &str {
        "Add host to aggregate"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(aggregate_positional("Aggregate (name or ID)"));
        parser.add(
            Arg::positional("host")
                .metavar("<host>")
                .help("Host to add to <aggregate>"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        change_host(ctx, args, "add_host")
    }
}

/// `aggregate remove host`.
pub struct RemoveAggregateHost;

impl Command<ClientManager> for RemoveAggregateHost {
    fn description(&self) -> &str {
        "Remove host from aggregate"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(aggregate_positional("Aggregate (name or ID)"));
        parser.add(
            Arg::positional("host")
                .metavar("<host>")
                .help("Host to remove from <aggregate>"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        change_host(ctx, args, "remove_host")
    }
}

/// `aggregate create`.
pub struct CreateAggregate;

impl Command<ClientManager> for CreateAggregate {
    fn description(&self) -> &str {
        "Create a new aggregate"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New aggregate name"),
        );
        parser.add(
            Arg::option(&["--zone"])
                .metavar("<availability-zone>")
                .help("Availability zone name"),
        );
        parser.add(property_option(
            "Property to add to this aggregate (repeat option to set multiple properties)",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let props = properties(args)?;
        let mut body = Map::new();
        body.insert(
            "name".into(),
            args.str("name").map_or(Json::Null, Json::from),
        );
        if let Some(zone) = given(args, "zone") {
            body.insert("availability_zone".into(), Json::from(zone));
        }
        let mut aggregate = fail(sdk::create(
            ctx,
            &AGGREGATE,
            Method::Post,
            AGGREGATE.base_path,
            body,
        ))?;
        if !props.is_empty() {
            let metadata: Map<String, Json> =
                props.into_iter().map(|(k, v)| (k, Json::from(v))).collect();
            aggregate = fail(action(
                ctx,
                &aggregate,
                json!({"set_metadata": {"metadata": metadata}}),
            ))?;
        }
        Ok(format_aggregate(&aggregate, false))
    }
}

/// `aggregate delete`.
pub struct DeleteAggregate;

impl Command<ClientManager> for DeleteAggregate {
    fn description(&self) -> &str {
        "Delete existing aggregate(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("aggregate")
                .metavar("<aggregate>")
                .nargs(Nargs::OneOrMore)
                .help("Aggregate(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("aggregate"),
            |ctx, name| {
                let aggregate = find_aggregate(ctx, name)?;
                let path = sdk::item_path(AGGREGATE.base_path, &sdk::id_of(&aggregate));
                sdk::delete(ctx, &AGGREGATE, &path, false)
            },
            output::delete_failure("aggregate"),
            output::delete_summary("aggregates"),
        )
    }
}

/// `aggregate list`.
pub struct ListAggregate;

impl Command<ClientManager> for ListAggregate {
    fn description(&self) -> &str {
        "List all aggregates"
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
            Arg::option(&["--availability-zone"])
                .metavar("<availability-zone>")
                .help("Filter by availability zone name"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Filter by aggregates containing this host"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut aggregates = fail(sdk::list(ctx, &AGGREGATE, AGGREGATE.base_path, &[], None))?;
        if let Some(zone) = args.str("availability_zone") {
            aggregates.retain(|a| sdk::str_of(a, "availability_zone") == Some(zone));
        }
        if let Some(host) = args.str("host") {
            aggregates.retain(|a| {
                a.get("hosts")
                    .and_then(Json::as_array)
                    .is_some_and(|hosts| hosts.iter().any(|h| h.as_str() == Some(host)))
            });
        }
        let uuid = supports(ctx, "2.41")?;
        let mut columns = vec!["ID"];
        if uuid {
            columns.push("UUID");
        }
        columns.extend(["Name", "Availability Zone"]);
        let long = args.flag("long");
        if long {
            columns.extend(["Properties", "Hosts"]);
        }
        let rows = aggregates
            .iter()
            .map(|a| {
                let mut row = vec![sdk::attr(a, "id")];
                if uuid {
                    row.push(sdk::attr(a, "uuid"));
                }
                row.push(sdk::attr(a, "name"));
                row.push(sdk::attr(a, "availability_zone"));
                if long {
                    let mut metadata = a.get("metadata").cloned().unwrap_or(Json::Null);
                    if let Json::Object(map) = &mut metadata {
                        map.remove("availability_zone");
                    }
                    row.push(dict_column(Value::from_json(&metadata)));
                    row.push(list_column(sdk::attr(a, "hosts")));
                }
                row
            })
            .collect();
        Ok(output::list(&columns, rows))
    }
}

/// `aggregate set`.
pub struct SetAggregate;

impl Command<ClientManager> for SetAggregate {
    fn description(&self) -> &str {
        "Set aggregate properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(aggregate_positional("Aggregate to modify (name or ID)"));
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set aggregate name"),
        );
        parser.add(
            Arg::option(&["--zone"])
                .metavar("<availability-zone>")
                .help("Set availability zone name"),
        );
        parser.add(property_option(
            "Property to set on <aggregate> (repeat option to set multiple properties)",
        ));
        parser.add(Arg::option(&["--no-property"]).flag().help(
            "Remove all properties from <aggregate> (specify both --property and --no-property to overwrite the \
             current properties)",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let props = properties(args)?;
        let aggregate = fail(find_aggregate(ctx, args.str("aggregate").unwrap_or("")))?;
        let mut changes = Map::new();
        if let Some(name) = given(args, "name") {
            changes.insert("name".into(), Json::from(name));
        }
        if let Some(zone) = given(args, "zone") {
            changes.insert("availability_zone".into(), Json::from(zone));
        }
        let path = sdk::item_path(AGGREGATE.base_path, &sdk::id_of(&aggregate));
        fail(sdk::commit(ctx, &AGGREGATE, &path, None, changes))?;
        let mut metadata = Map::new();
        if args.flag("no_property") {
            if let Some(Json::Object(current)) = aggregate.get("metadata") {
                for key in current.keys().filter(|k| *k != "availability_zone") {
                    metadata.insert(key.clone(), Json::Null);
                }
            }
        }
        for (key, value) in props {
            metadata.insert(key, Json::from(value));
        }
        if !metadata.is_empty() {
            fail(action(
                ctx,
                &aggregate,
                json!({"set_metadata": {"metadata": metadata}}),
            ))?;
        }
        Ok(Output::ok())
    }
}

/// `aggregate show`.
pub struct ShowAggregate;

impl Command<ClientManager> for ShowAggregate {
    fn description(&self) -> &str {
        "Display aggregate details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(aggregate_positional("Aggregate to display (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let aggregate = fail(find_aggregate(ctx, args.str("aggregate").unwrap_or("")))?;
        Ok(format_aggregate(&aggregate, true))
    }
}

/// `aggregate unset`.
pub struct UnsetAggregate;

impl Command<ClientManager> for UnsetAggregate {
    fn description(&self) -> &str {
        "Unset aggregate properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(aggregate_positional("Aggregate to modify (name or ID)"));
        parser.add(
            Arg::option(&["--property"])
                .metavar("<key>")
                .dest("properties")
                .append()
                .default(cliff::ArgValue::List(Vec::new()))
                .help("Property to remove from aggregate (repeat option to remove multiple properties)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let aggregate = fail(find_aggregate(ctx, args.str("aggregate").unwrap_or("")))?;
        let metadata: Map<String, Json> = args
            .strings("properties")
            .into_iter()
            .map(|key| (key, Json::Null))
            .collect();
        if !metadata.is_empty() {
            fail(action(
                ctx,
                &aggregate,
                json!({"set_metadata": {"metadata": metadata}}),
            ))?;
        }
        Ok(Output::ok())
    }
}

/// `aggregate cache image`.
pub struct CacheImageForAggregate;

impl Command<ClientManager> for CacheImageForAggregate {
    fn description(&self) -> &str {
        "Request image caching for aggregate"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(aggregate_positional("Aggregate (name or ID)"));
        parser.add(
            Arg::positional("image")
                .metavar("<image>")
                .nargs(Nargs::OneOrMore)
                .help("Image ID to request caching for aggregate (name or ID). May be specified multiple times."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        if !supports(ctx, "2.81")? {
            return Err(Error::command(
                "This operation requires server support for API microversion 2.81",
            ));
        }
        let aggregate = fail(find_aggregate(ctx, args.str("aggregate").unwrap_or("")))?;
        let mut images = Vec::new();
        for name in args.strings("image") {
            let image = fail(sdk::find_one(ctx, &IMAGE, IMAGE.base_path, &name, &[]))?;
            images.push(json!({"id": sdk::id_of(&image)}));
        }
        let path = format!(
            "{}/images",
            sdk::item_path(AGGREGATE.base_path, &sdk::id_of(&aggregate))
        );
        fail(
            Call::new(AGGREGATE.service, Method::Post, path)
                .microversion(AGGREGATE.max_microversion.unwrap_or("2.81"))
                .body(json!({"cache": images}))
                .send(ctx),
        )?;
        Ok(Output::ok())
    }
}
