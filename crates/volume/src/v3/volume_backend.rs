//! `volume backend capability show|volume backend pool list` (OSC `volume/v3/volume_backend.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

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
        common::not_yet(ctx, args)
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
        common::not_yet(ctx, args)
    }
}
