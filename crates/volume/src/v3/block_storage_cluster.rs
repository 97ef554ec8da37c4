//! `block storage cluster list|block storage cluster set|block storage cluster show` (OSC `volume/v3/block_storage_cluster.py`).

use cliff::argparse::Action;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `block storage cluster list`.
pub struct ListBlockStorageCluster;

impl Command<ClientManager> for ListBlockStorageCluster {
    fn description(&self) -> &str {
        "List block storage clusters.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--cluster"]).metavar("<name>").help("Filter by cluster name, without backend will list all clustered services from the same cluster."));
        parser.add(
            Arg::option(&["--binary"])
                .metavar("<binary>")
                .help("Cluster binary."),
        );
        parser.add(
            Arg::option(&["--up"])
                .dest("is_up")
                .action(Action::StoreTrue)
                .default_none()
                .help("Filter by up status."),
        );
        parser.add(
            Arg::option(&["--down"])
                .dest("is_up")
                .action(Action::StoreFalse)
                .help("Filter by down status."),
        );
        parser.add(
            Arg::option(&["--disabled"])
                .dest("is_disabled")
                .action(Action::StoreTrue)
                .default_none()
                .help("Filter by disabled status."),
        );
        parser.add(
            Arg::option(&["--enabled"])
                .dest("is_disabled")
                .action(Action::StoreFalse)
                .help("Filter by enabled status."),
        );
        parser.add(
            Arg::option(&["--num-hosts"])
                .int()
                .metavar("<hosts>")
                .help("Filter by number of hosts in the cluster."),
        );
        parser.add(
            Arg::option(&["--num-down-hosts"])
                .int()
                .metavar("<hosts>")
                .help("Filter by number of hosts that are down."),
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

/// `block storage cluster set`.
pub struct SetBlockStorageCluster;

impl Command<ClientManager> for SetBlockStorageCluster {
    fn description(&self) -> &str {
        "Set block storage cluster properties.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("cluster")
                .metavar("<cluster>")
                .help("Name of block storage cluster to update (name only)"),
        );
        parser.add(
            Arg::option(&["--binary"])
                .default("cinder-volume")
                .metavar("<binary>")
                .help("Name of binary to filter by; defaults to 'cinder-volume' (optional)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--enable"])
                .dest("disabled")
                .action(Action::StoreFalse)
                .default_none()
                .help("Enable cluster"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--disable"])
                .dest("disabled")
                .flag()
                .help("Disable cluster"),
        );
        parser.add(
            Arg::option(&["--disable-reason"])
                .dest("disabled_reason")
                .metavar("<reason>")
                .help("Reason for disabling the cluster (should be used with --disable option)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `block storage cluster show`.
pub struct ShowBlockStorageCluster;

impl Command<ClientManager> for ShowBlockStorageCluster {
    fn description(&self) -> &str {
        "Show detailed information for a block storage cluster.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("cluster")
                .metavar("<cluster>")
                .help("Name of block storage cluster."),
        );
        parser.add(
            Arg::option(&["--binary"])
                .metavar("<binary>")
                .help("Service binary."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
