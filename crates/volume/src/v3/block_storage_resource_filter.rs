//! `block storage resource filter list|block storage resource filter show` (OSC `volume/v3/block_storage_resource_filter.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::Value;
use serde_json::Value as Json;

use crate::api;
use crate::common::{self, fail};
use crate::resources::RESOURCE_FILTER;

/// `block storage resource filter list`.
pub struct ListBlockStorageResourceFilter;

impl Command<ClientManager> for ListBlockStorageResourceFilter {
    fn description(&self) -> &str {
        "List block storage resource filters"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, _parser: &mut Parser) {}

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_block_storage_resource_filter(ctx, args)
    }
}

/// `block storage resource filter show`.
pub struct ShowBlockStorageResourceFilter;

impl Command<ClientManager> for ShowBlockStorageResourceFilter {
    fn description(&self) -> &str {
        "Show filters for a block storage resource type"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("resource")
                .metavar("<resource>")
                .help("Resource to show filters for (name)."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_block_storage_resource_filter(ctx, args)
    }
}

fn row(item: &Json) -> Vec<Value> {
    vec![
        common::field(item, "resource"),
        common::list_col(item.get("filters").unwrap_or(&Json::Null)),
    ]
}

fn list_block_storage_resource_filter(ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.33",
        "'block storage resource filter list' command",
    ))?;
    let data = fail(api::list(
        ctx,
        &RESOURCE_FILTER,
        "/resource_filters",
        &[],
        None,
    ))?;
    Ok(common::list(
        &["Resource", "Filters"],
        data.iter().map(row).collect(),
    ))
}

fn show_block_storage_resource_filter(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.33",
        "'block storage resource filter show' command",
    ))?;
    let params = vec![("resource", args.str("resource").map(str::to_owned))];
    let data = fail(api::list(
        ctx,
        &RESOURCE_FILTER,
        "/resource_filters",
        &params,
        None,
    ))?;
    let Some(first) = data.first() else {
        // OSC's `next()` on an empty generator: a bare StopIteration, which cliff logs as an empty line.
        log::error!("");
        return common::command_error("");
    };
    let values = row(first);
    Ok(common::show(
        vec!["Resource".to_owned(), "Filters".to_owned()]
            .into_iter()
            .zip(values)
            .collect(),
    ))
}
