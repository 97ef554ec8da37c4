//! `volume group snapshot create|volume group snapshot delete|volume group snapshot list|volume group snapshot show` (OSC `volume/v3/volume_group_snapshot.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `volume group snapshot create`.
pub struct CreateVolumeGroupSnapshot;

impl Command<ClientManager> for CreateVolumeGroupSnapshot {
    fn description(&self) -> &str {
        "Create a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_group")
                .metavar("<volume_group>")
                .help("Name or ID of volume group to create a snapshot of."),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name of the volume group snapshot."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of a volume group snapshot."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group snapshot delete`.
pub struct DeleteVolumeGroupSnapshot;

impl Command<ClientManager> for DeleteVolumeGroupSnapshot {
    fn description(&self) -> &str {
        "Delete a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Name or ID of volume group snapshot to delete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group snapshot list`.
pub struct ListVolumeGroupSnapshot;

impl Command<ClientManager> for ListVolumeGroupSnapshot {
    fn description(&self) -> &str {
        "Lists all volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Shows details for all projects (admin only)."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group snapshot show`.
pub struct ShowVolumeGroupSnapshot;

impl Command<ClientManager> for ShowVolumeGroupSnapshot {
    fn description(&self) -> &str {
        "Show detailed information for a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Name or ID of volume group snapshot."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
