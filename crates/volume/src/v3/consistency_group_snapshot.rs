//! `consistency group snapshot create|consistency group snapshot delete|consistency group snapshot list|consistency group snapshot show` (OSC `volume/v3/consistency_group_snapshot.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `consistency group snapshot create`.
pub struct CreateConsistencyGroupSnapshot;

impl Command<ClientManager> for CreateConsistencyGroupSnapshot {
    fn description(&self) -> &str {
        "Create new consistency group snapshot."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot_name")
                .nargs(Nargs::Optional)
                .metavar("<snapshot-name>")
                .help("Name of new consistency group snapshot (default to None)"),
        );
        parser.add(Arg::option(&["--consistency-group"]).metavar("<consistency-group>").help("Consistency group to snapshot (name or ID) (default to be the same as <snapshot-name>)"));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of this consistency group snapshot"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group snapshot delete`.
pub struct DeleteConsistencyGroupSnapshot;

impl Command<ClientManager> for DeleteConsistencyGroupSnapshot {
    fn description(&self) -> &str {
        "Delete consistency group snapshot(s)."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group_snapshot")
                .nargs(Nargs::OneOrMore)
                .metavar("<consistency-group-snapshot>")
                .help("Consistency group snapshot(s) to delete (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group snapshot list`.
pub struct ListConsistencyGroupSnapshot;

impl Command<ClientManager> for ListConsistencyGroupSnapshot {
    fn description(&self) -> &str {
        "List consistency group snapshots."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Show detail for all projects (admin only) (defaults to False)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--status"]).choices(&["available", "error", "creating", "deleting", "error_deleting"]).metavar("<status>").help("Filters results by a status (\"available\", \"error\", \"creating\", \"deleting\" or \"error_deleting\")"));
        parser.add(
            Arg::option(&["--consistency-group"])
                .metavar("<consistency-group>")
                .help("Filters results by a consistency group (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group snapshot show`.
pub struct ShowConsistencyGroupSnapshot;

impl Command<ClientManager> for ShowConsistencyGroupSnapshot {
    fn description(&self) -> &str {
        "Display consistency group snapshot details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group_snapshot")
                .metavar("<consistency-group-snapshot>")
                .help("Consistency group snapshot to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
