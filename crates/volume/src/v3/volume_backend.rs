//! `volume backend capability show|volume backend pool list` (OSC `volume/v3/volume_backend.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use serde_json::Value as Json;

use crate::api;
use crate::common::{self, fail};
use crate::resources::{CAPABILITIES, POOLS};

/// `volume backend capability show`.
pub struct ShowCapability;

impl Command<ClientManager> for ShowCapability {
    fn description(&self) -> &str {
        "Show capability command"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("host")
                .metavar("<host>")
                .help("List capabilities of specified host (host@backend-name)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_capability(ctx, args)
    }
}

/// `volume backend pool list`.
pub struct ListPool;

impl Command<ClientManager> for ListPool {
    fn description(&self) -> &str {
        "List pool command"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("Show detailed information about pools."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_pool(ctx, args)
    }
}

fn show_capability(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let data: Json = fail(api::get(
        ctx,
        &CAPABILITIES,
        "/capabilities",
        common::arg(args, "host"),
    ))?;
    let rows = data
        .get("properties")
        .and_then(Json::as_object)
        .map(|props| {
            props
                .iter()
                .map(|(key, item)| {
                    vec![
                        common::field(item, "title"),
                        cliff::Value::str(key.clone()),
                        common::field(item, "type"),
                        common::field(item, "description"),
                    ]
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(common::list(&["Title", "Key", "Type", "Description"], rows))
}

fn list_pool(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let data = fail(api::list(
        ctx,
        &POOLS,
        "/scheduler-stats/get_pools?detail=True",
        &[],
        None,
    ))?;
    if args.flag("long") {
        let rows = data
            .iter()
            .map(|p| {
                vec![
                    common::field(p, "name"),
                    common::dict_col(p.get("capabilities").unwrap_or(&Json::Null)),
                ]
            })
            .collect();
        return Ok(common::list(&["Name", "Capabilities"], rows));
    }
    let rows = data
        .iter()
        .map(|p| vec![common::field(p, "name")])
        .collect();
    Ok(common::list(&["Name"], rows))
}
