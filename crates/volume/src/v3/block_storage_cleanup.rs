//! `block storage cleanup` (OSC `volume/v3/block_storage_cleanup.py`).

use cliff::argparse::Action;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::{ArgValue, Value};
use osc_lib::Method;
use serde_json::{Map, Value as Json};

use crate::api;
use crate::common::{self, fail};

/// `block storage cleanup`.
pub struct BlockStorageCleanup;

impl Command<ClientManager> for BlockStorageCleanup {
    fn description(&self) -> &str {
        "Do block storage cleanup.\n\nThis command requires ``--os-volume-api-version`` 3.24 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--cluster"]).metavar("<cluster>").help(
            "Name of block storage cluster in which cleanup needs to be performed (name only)",
        ));
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Host where the service resides. (name only)"),
        );
        parser.add(
            Arg::option(&["--binary"])
                .metavar("<binary>")
                .help("Name of the service binary."),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--up"])
                .dest("is_up")
                .action(Action::StoreTrue)
                .default_none()
                .help("Filter by up status. If this is set, services need to be up."),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--down"])
                .dest("is_up")
                .action(Action::StoreFalse)
                .help("Filter by down status. If this is set, services need to be down."),
        );
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m1,
            Arg::option(&["--disabled"])
                .action(Action::StoreTrue)
                .default_none()
                .help("Filter by disabled status."),
        );
        parser.add_to_mutex(
            m1,
            Arg::option(&["--enabled"])
                .dest("disabled")
                .action(Action::StoreFalse)
                .help("Filter by enabled status."),
        );
        parser.add(
            Arg::option(&["--resource-id"])
                .metavar("<resource-id>")
                .help("UUID of a resource to cleanup."),
        );
        parser.add(
            Arg::option(&["--resource-type"])
                .choices(&["Volume", "Snapshot"])
                .metavar("<Volume|Snapshot>")
                .help("Type of resource to cleanup."),
        );
        parser.add(
            Arg::option(&["--service-id"])
                .int()
                .help("The service ID field from the DB, not the UUID of the service."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        block_storage_cleanup(ctx, args)
    }
}

fn block_storage_cleanup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.24", "'block storage cleanup' command"))?;
    // `cleanup_workers` has no default for `binary`, `host` and `cluster_name`: OSC leaves out the ones not
    // given, and Python refuses the call.
    let missing: Vec<String> = [
        ("binary", "binary"),
        ("host", "host"),
        ("cluster", "cluster_name"),
    ]
    .iter()
    .filter(|(dest, _)| args.str(dest).is_none())
    .map(|(_, name)| format!("'{name}'"))
    .collect();
    if !missing.is_empty() {
        let (count, plural) = (missing.len(), if missing.len() == 1 { "" } else { "s" });
        let names = match missing.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
            [] => String::new(),
        };
        return common::command_error(format!(
            "Service.cleanup_workers() missing {count} required keyword-only argument{plural}: {names}"
        ));
    }
    let text = |d: &str| args.str(d).map_or(Json::Null, Json::from);
    let tri = |d: &str| match args.get(d) {
        ArgValue::Bool(b) => Json::Bool(*b),
        _ => Json::Null,
    };
    // `cleanup_workers`' defaults fill what the command leaves out (`is_up` is False unless given).
    let is_up = match tri("is_up") {
        Json::Null => Json::Bool(false),
        given => given,
    };
    let mut body = Map::new();
    body.insert("binary".into(), text("binary"));
    body.insert("cluster_name".into(), text("cluster"));
    body.insert("disabled".into(), tri("disabled"));
    body.insert("host".into(), text("host"));
    body.insert("is_up".into(), is_up);
    body.insert("resource_id".into(), text("resource_id"));
    body.insert("resource_type".into(), text("resource_type"));
    body.insert(
        "service_id".into(),
        args.int("service_id").map_or(Json::Null, Json::from),
    );
    let result = fail(
        api::raw_call(ctx, Method::Put, "/workers/cleanup")
            .and_then(|c| c.body(Json::Object(body)).json(ctx)),
    )?;
    let mut rows: Vec<Vec<Value>> = Vec::new();
    for (key, status) in [("cleaning", "Cleaning"), ("unavailable", "Unavailable")] {
        for item in result
            .get(key)
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            rows.push(vec![
                common::field(item, "id"),
                common::field(item, "cluster_name"),
                common::field(item, "host"),
                common::field(item, "binary"),
                Value::str(status),
            ]);
        }
    }
    Ok(common::list(
        &["ID", "Cluster Name", "Host", "Binary", "Status"],
        rows,
    ))
}
