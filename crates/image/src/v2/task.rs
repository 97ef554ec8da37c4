//! `image task list|show` (OSC's `openstackclient/image/v2/task.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::format_columns::dict_column;
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::common::fail;
use crate::resources::TASK;
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `_format_task`: the task's fields, sorted, and its (always empty) `properties`.
fn format_task(task: &Json) -> Output {
    let mut pairs: Vec<(String, Value)> = [
        ("created_at", "created_at"),
        ("expires_at", "expires_at"),
        ("id", "id"),
        ("input", "input"),
        ("message", "message"),
        ("owner_id", "owner"),
        ("result", "result"),
        ("status", "status"),
        ("type", "type"),
        ("updated_at", "updated_at"),
    ]
    .iter()
    .map(|(name, key)| ((*name).to_owned(), sdk::attr(task, key)))
    .collect();
    pairs.push((
        "properties".to_owned(),
        dict_column(Value::Dict(Vec::new())),
    ));
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(pairs)
}

/// `image task show`.
pub struct ShowTask;

impl Command<ClientManager> for ShowTask {
    fn description(&self) -> &str {
        "Display task details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("task")
                .metavar("<Task ID>")
                .help("Task to display (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let task = fail(sdk::get(
            ctx,
            &TASK,
            TASK.base_path,
            args.str("task").unwrap_or(""),
        ))?;
        Ok(format_task(&task))
    }
}

/// `image task list`.
pub struct ListTask;

impl Command<ClientManager> for ListTask {
    fn description(&self) -> &str {
        "List tasks"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--sort-key"])
                .metavar("<key>[:<field>]")
                .help(
                    "Sorts the response by one of the following attributes: created_at, expires_at, id, status, \
                     type, updated_at. (default is created_at) (multiple keys and directions can be specified \
                     separated by comma)",
                ),
        );
        parser.add(
            Arg::option(&["--sort-dir"])
                .metavar("<key>[:<direction>]")
                .help(
                    "Sort output by selected keys and directions (asc or desc) (default: name:desc) (multiple \
                     keys and directions can be specified separated by comma)",
                ),
        );
        identity::pagination::add_marker_pagination_options(parser, true);
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .choices(&["import"])
                .help("Filters the response by a task type."),
        );
        parser.add(
            Arg::option(&["--status"])
                .metavar("<status>")
                .choices(&["pending", "processing", "success", "failure"])
                .help("Filter tasks based on status."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        for dest in ["sort_key", "sort_dir", "marker", "type", "status"] {
            if let Some(value) = args.str(dest) {
                params.push((dest, Some(value.to_owned())));
            }
        }
        if let Some(limit) = args.int("limit") {
            params.push(("limit", Some(limit.to_string())));
        }
        let tasks = fail(sdk::list(ctx, &TASK, TASK.base_path, &params, None))?;
        let rows = tasks
            .iter()
            .map(|task| {
                vec![
                    sdk::attr(task, "id"),
                    sdk::attr(task, "type"),
                    sdk::attr(task, "status"),
                    sdk::attr(task, "owner"),
                ]
            })
            .collect();
        Ok(Output::List {
            columns: ["ID", "Type", "Status", "Owner"]
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            rows,
        })
    }
}
