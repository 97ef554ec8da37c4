//! `block storage resource filter list|block storage resource filter show` (OSC `volume/v3/block_storage_resource_filter.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

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
        common::not_yet(ctx, args)
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
        common::not_yet(ctx, args)
    }
}
