//! `block storage log level list|block storage log level set` (OSC `volume/v3/block_storage_log_level.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::Value;
use osc_lib::Method;
use serde_json::{json, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::SERVICE;

/// `block storage log level list`.
pub struct BlockStorageLogLevelList;

impl Command<ClientManager> for BlockStorageLogLevelList {
    fn description(&self) -> &str {
        "List log levels of block storage service.\n\nSupported by --os-volume-api-version 3.32 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("List block storage service log level of specified host (name only)"),
        );
        parser.add(
            Arg::option(&["--service"])
                .choices(&[
                    "None",
                    "*",
                    "cinder-api",
                    "cinder-volume",
                    "cinder-scheduler",
                    "cinder-backup",
                ])
                .metavar("<service>")
                .help("List block storage service log level of the specified service (name only)"),
        );
        parser.add(
            Arg::option(&["--log-prefix"])
                .metavar("<log-prefix>")
                .help("Prefix for the log, e.g. 'sqlalchemy'"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        block_storage_log_level_list(ctx, args)
    }
}

/// `block storage log level set`.
pub struct BlockStorageLogLevelSet;

impl Command<ClientManager> for BlockStorageLogLevelSet {
    fn description(&self) -> &str {
        "Set log level of block storage service\n\nSupported by --os-volume-api-version 3.32 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("level")
                .check(common::log_level_check)
                .metavar("<log-level>")
                .help("Desired log level"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Set block storage service log level of specified host (name only)"),
        );
        parser.add(
            Arg::option(&["--service"])
                .choices(&[
                    "None",
                    "*",
                    "cinder-api",
                    "cinder-volume",
                    "cinder-scheduler",
                    "cinder-backup",
                ])
                .metavar("<service>")
                .help("Set block storage service log level of specified service (name only)"),
        );
        parser.add(
            Arg::option(&["--log-prefix"])
                .metavar("<log-prefix>")
                .help("Prefix for the log, e.g. 'sqlalchemy'"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        block_storage_log_level_set(ctx, args)
    }
}

/// The `--service` value as openstacksdk sends it (`binary or ''`; OSC's choices include `None`).
fn binary(args: &Args) -> &str {
    args.str("service").filter(|s| *s != "None").unwrap_or("")
}

fn block_storage_log_level_list(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.32",
        "'block storage log level list' command",
    ))?;
    let body = json!({"binary": binary(args), "server": args.str("host"), "prefix": args.str("log_prefix")});
    let answer = fail(
        api::call(ctx, &SERVICE, Method::Put, "/os-services/get-log")
            .and_then(|c| c.body(body).json(ctx)),
    )?;
    let mut rows = Vec::new();
    for entry in answer
        .get("log_levels")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        let mut levels: Vec<(&String, &Json)> = entry
            .get("levels")
            .and_then(Json::as_object)
            .map(|m| m.iter().collect())
            .unwrap_or_default();
        levels.sort_by(|a, b| a.0.cmp(b.0));
        for (prefix, level) in levels {
            rows.push(vec![
                common::field(entry, "binary"),
                common::field(entry, "host"),
                Value::str(prefix.clone()),
                common::val(level),
            ]);
        }
    }
    Ok(common::list(&["Binary", "Host", "Prefix", "Level"], rows))
}

fn block_storage_log_level_set(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.32",
        "'block storage log level set' command",
    ))?;
    let body = json!({
        "level": common::arg(args, "level").to_uppercase(),
        "binary": binary(args),
        "server": args.str("host"),
        "prefix": args.str("log_prefix"),
    });
    fail(
        api::call(ctx, &SERVICE, Method::Put, "/os-services/set-log")
            .and_then(|c| c.body(body).send(ctx)),
    )?;
    Ok(Output::ok())
}
