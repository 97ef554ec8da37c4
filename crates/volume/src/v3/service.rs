//! `volume service list|volume service set` (OSC `volume/v3/service.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `volume service list`.
pub struct ListService;

impl Command<ClientManager> for ListService {
    fn description(&self) -> &str {
        "List service command"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("List services on specified host (name only)"),
        );
        parser.add(
            Arg::option(&["--service"])
                .metavar("<service>")
                .help("List only specified service (name only)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume service set`.
pub struct SetService;

impl Command<ClientManager> for SetService {
    fn description(&self) -> &str {
        "Set volume service properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("host")
                .metavar("<host>")
                .help("Name of host"),
        );
        parser.add(
            Arg::positional("service")
                .metavar("<service>")
                .help("Name of service (Binary name)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--enable"])
                .flag()
                .help("Enable volume service"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--disable"])
                .flag()
                .help("Disable volume service"),
        );
        parser.add(
            Arg::option(&["--disable-reason"])
                .metavar("<reason>")
                .help("Reason for disabling the service (should be used with --disable option)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
