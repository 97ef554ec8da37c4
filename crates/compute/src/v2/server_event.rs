//! `server_event` commands (OSC's `openstackclient/compute/v2/server_event.py`).

use cliff::Value;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use super::server_common::{self as common, command_error, find_server, require_option};
use crate::resources::{SERVER_ACTION, SERVER_ACTION_MAX_MICROVERSION};
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `server event list`.
pub struct ListServerEvent;

impl Command<ClientManager> for ListServerEvent {
    fn description(&self) -> &str {
        "List recent events of a server.\n\nSpecify ``--os-compute-api-version 2.21`` or higher to show events for a\ndeleted server, specified by ID only."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to list events (name or ID)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--changes-since"]).metavar("<changes-since>").help("List only server events changed later or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.58 or above)"));
        parser.add(Arg::option(&["--changes-before"]).metavar("<changes-before>").help("List only server events changed earlier or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.66 or above)"));
        identity::pagination::add_marker_pagination_options(parser, true);
        //  CUSTOM ACTION NonNegativeAction nargs=None default=None const=None
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_server_event(ctx, args)
    }
}

/// `server event show`.
pub struct ShowServerEvent;

impl Command<ClientManager> for ShowServerEvent {
    fn description(&self) -> &str {
        "Show server event details.\n\nSpecify ``--os-compute-api-version 2.21`` or higher to show event details\nfor a deleted server, specified by ID only. Specify\n``--os-compute-api-version 2.51`` or higher to show event details for\nnon-admin users."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to show event details (name or ID)"),
        );
        parser.add(
            Arg::positional("request_id")
                .metavar("<request-id>")
                .help("Request ID of the event to show (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_server_event(ctx, args)
    }
}

/// Whether OSC's `is_uuid_like` accepts the text (a UUID, dashed or not, any case, optional braces/urn).
fn is_uuid_like(value: &str) -> bool {
    let formatted = value
        .replace("urn:", "")
        .replace("uuid:", "")
        .trim_matches(|c| c == '{' || c == '}')
        .replace('-', "")
        .to_lowercase();
    formatted.len() == 32
        && formatted.chars().all(|c| c.is_ascii_hexdigit())
        && osc_lib::utils::is_uuid_like(value)
}

/// The server's ID, or the argument itself when it is a UUID of a server that may be deleted.
fn server_id(ctx: &mut ClientManager, name_or_id: &str) -> Result<String> {
    match find_server(ctx, name_or_id, true, false) {
        Ok(server) => Ok(sdk::id_of(&server)),
        Err(e) if e.is_not_found() && is_uuid_like(name_or_id) => Ok(name_or_id.to_owned()),
        Err(e) => Err(e.into()),
    }
}

fn list_server_event(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut params: Vec<Param> = Vec::new();
    if let Some(marker) = args.str("marker").filter(|m| !m.is_empty()) {
        require_option(ctx, "2.58", "--marker")?;
        params.push(("marker", Some(marker.to_owned())));
    }
    let limit = args.int("limit").filter(|l| *l != 0);
    if let Some(limit) = limit {
        require_option(ctx, "2.58", "--limit")?;
        params.push(("limit", Some(limit.to_string())));
    }
    let max_items = args.int("max_items").and_then(|m| usize::try_from(m).ok());
    if let Some(since) = args.str("changes_since").filter(|m| !m.is_empty()) {
        require_option(ctx, "2.58", "--changes-since")?;
        if !super::server::is_iso8601(since) {
            return Err(command_error(format!(
                "Invalid changes-since value: {since}"
            )));
        }
        params.push(("changes_since", Some(since.to_owned())));
    }
    if let Some(before) = args.str("changes_before").filter(|m| !m.is_empty()) {
        require_option(ctx, "2.66", "--changes-before")?;
        if !super::server::is_iso8601(before) {
            return Err(command_error(format!(
                "Invalid changes-before value: {before}"
            )));
        }
        params.push(("changes_before", Some(before.to_owned())));
    }
    let id = server_id(ctx, args.str("server").unwrap_or(""))?;
    common::use_class(ctx, SERVER_ACTION_MAX_MICROVERSION)?;
    let path = SERVER_ACTION.path(&[("server_id", &id)]);
    let data = if limit.is_some() {
        let answer = sdk::Call::new(common::COMPUTE, osc_lib::Method::Get, path)
            .query(SERVER_ACTION.transpose(&params))
            .json(ctx)?;
        answer
            .get(SERVER_ACTION.plural)
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default()
    } else {
        sdk::list(ctx, &SERVER_ACTION, &path, &params, max_items)?
    };
    let mut columns = vec!["Request ID", "Server ID", "Action", "Start Time"];
    if args.flag("long") {
        columns.extend(["Message", "Project ID", "User ID"]);
    }
    let rows = data
        .iter()
        .map(|action| {
            let mut row = vec![
                sdk::attr(action, "request_id"),
                Value::str(id.clone()),
                sdk::attr(action, "action"),
                sdk::attr(action, "start_time"),
            ];
            if args.flag("long") {
                row.push(sdk::attr(action, "message"));
                row.push(sdk::attr(action, "project_id"));
                row.push(sdk::attr(action, "user_id"));
            }
            row
        })
        .collect();
    Ok(Output::List {
        columns: columns.into_iter().map(str::to_owned).collect(),
        rows,
    })
}

/// `ServerActionEventColumn._format_event`: an event's attributes, sorted, without `id`, `name`, `location`.
fn format_event(event: &Json) -> Value {
    Value::Dict(
        [
            ("details", "details"),
            ("event", "event"),
            ("finish_time", "finish_time"),
            ("host", "host"),
            ("host_id", "hostId"),
            ("result", "result"),
            ("start_time", "start_time"),
            ("traceback", "traceback"),
        ]
        .iter()
        .map(|(name, key)| ((*name).to_owned(), sdk::attr(event, key)))
        .collect(),
    )
}

fn show_server_event(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let id = server_id(ctx, args.str("server").unwrap_or(""))?;
    common::use_class(ctx, SERVER_ACTION_MAX_MICROVERSION)?;
    let path = SERVER_ACTION.path(&[("server_id", &id)]);
    // openstacksdk names the missing action by its `id`, which a request ID given as such never sets: "None".
    let action = sdk::fetch(
        ctx,
        &SERVER_ACTION,
        &path,
        args.str("request_id").unwrap_or(""),
        &[],
        Some("No ServerAction found for None".to_owned()),
    )?;
    let events: Vec<Value> = action
        .get("events")
        .and_then(Json::as_array)
        .map(|events| events.iter().map(format_event).collect())
        .unwrap_or_default();
    let human = osc_lib::utils::format_list_of_dicts(Some(
        &events
            .iter()
            .map(|e| match e {
                Value::Dict(pairs) => pairs.clone(),
                _ => Vec::new(),
            })
            .collect::<Vec<_>>(),
    ))
    .unwrap_or_default();
    let events_value = if action.get("events").is_some_and(|e| !e.is_null()) {
        Value::Column {
            human,
            machine: Box::new(Value::List(events)),
        }
    } else {
        Value::Null
    };
    let mut rows = vec![
        ("action".to_owned(), sdk::attr(&action, "action")),
        ("events".to_owned(), events_value),
        ("id".to_owned(), sdk::attr(&action, "request_id")),
        ("message".to_owned(), sdk::attr(&action, "message")),
        ("project_id".to_owned(), sdk::attr(&action, "project_id")),
        ("request_id".to_owned(), sdk::attr(&action, "request_id")),
        ("start_time".to_owned(), sdk::attr(&action, "start_time")),
        ("user_id".to_owned(), sdk::attr(&action, "user_id")),
    ];
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Output::show(rows))
}
