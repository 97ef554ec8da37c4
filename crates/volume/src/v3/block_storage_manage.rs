//! `block storage snapshot manageable list|block storage volume manageable list` (OSC `volume/v3/block_storage_manage.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `block storage snapshot manageable list`.
pub struct BlockStorageManageSnapshots;

impl Command<ClientManager> for BlockStorageManageSnapshots {
    fn description(&self) -> &str {
        "List manageable snapshots.\n\nSupported by --os-volume-api-version 3.8 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::positional("host").nargs(Nargs::Optional).metavar("<host>").help("Cinder host on which to list manageable snapshots. Takes the form: host@backend-name#pool"));
        parser.add_to_mutex(m0, Arg::option(&["--cluster"]).metavar("<cluster>").help("Cinder cluster on which to list manageable snapshots. Takes the form: cluster@backend-name#pool. (supported by --os-volume-api-version 3.17 or later)"));
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--detailed"]).metavar("<detailed>").hidden());
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("Begin returning snapshots that appear later in the snapshot list than that represented by this reference. This reference should be json like. Default=None."));
        parser.add(
            Arg::option(&["--limit"])
                .metavar("<limit>")
                .help("Maximum number of snapshots to return. Default=None."),
        );
        parser.add(
            Arg::option(&["--offset"])
                .metavar("<offset>")
                .help("Number of snapshots to skip after marker. Default=None."),
        );
        parser.add(Arg::option(&["--sort"]).metavar("<key>[:<direction>]").help("Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: size, reference. Default=None."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `block storage volume manageable list`.
pub struct BlockStorageManageVolumes;

impl Command<ClientManager> for BlockStorageManageVolumes {
    fn description(&self) -> &str {
        "List manageable volumes.\n\nSupported by --os-volume-api-version 3.8 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::positional("host").nargs(Nargs::Optional).metavar("<host>").help("Cinder host on which to list manageable volumes. Takes the form: host@backend-name#pool"));
        parser.add_to_mutex(m0, Arg::option(&["--cluster"]).metavar("<cluster>").help("Cinder cluster on which to list manageable volumes. Takes the form: cluster@backend-name#pool. (supported by --os-volume-api-version 3.17 or later)"));
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--detailed"]).metavar("<detailed>").hidden());
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("Begin returning volumes that appear later in the volume list than that represented by this reference. This reference should be json like. Default=None."));
        parser.add(
            Arg::option(&["--limit"])
                .metavar("<limit>")
                .help("Maximum number of volumes to return. Default=None."),
        );
        parser.add(
            Arg::option(&["--offset"])
                .metavar("<offset>")
                .help("Number of volumes to skip after marker. Default=None."),
        );
        parser.add(Arg::option(&["--sort"]).metavar("<key>[:<direction>]").help("Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: size, reference. Default=None."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
