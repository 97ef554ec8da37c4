//! `block storage cleanup` (OSC `volume/v3/block_storage_cleanup.py`).

use cliff::argparse::Action;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

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
        common::not_yet(ctx, args)
    }
}
