//! `block storage log level list|block storage log level set` (OSC `volume/v3/block_storage_log_level.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `block storage log level list`.
pub struct BlockStorageLogLevelList;

impl Command<ClientManager> for BlockStorageLogLevelList {
    fn description(&self) -> &str {
        "List log levels of block storage service.\n\nSupported by --os-volume-api-version 3.32 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("List block storage service log level of specified host (name only)"),
        );
        parser.add(
            Arg::option(&["--service"])
                .choices(&[
                    "None",
                    "*",
                    "cinder-api",
                    "cinder-volume",
                    "cinder-scheduler",
                    "cinder-backup",
                ])
                .metavar("<service>")
                .help("List block storage service log level of the specified service (name only)"),
        );
        parser.add(
            Arg::option(&["--log-prefix"])
                .metavar("<log-prefix>")
                .help("Prefix for the log, e.g. 'sqlalchemy'"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `block storage log level set`.
pub struct BlockStorageLogLevelSet;

impl Command<ClientManager> for BlockStorageLogLevelSet {
    fn description(&self) -> &str {
        "Set log level of block storage service\n\nSupported by --os-volume-api-version 3.32 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("level")
                .check(common::log_level_check)
                .metavar("<log-level>")
                .help("Desired log level"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Set block storage service log level of specified host (name only)"),
        );
        parser.add(
            Arg::option(&["--service"])
                .choices(&[
                    "None",
                    "*",
                    "cinder-api",
                    "cinder-volume",
                    "cinder-scheduler",
                    "cinder-backup",
                ])
                .metavar("<service>")
                .help("Set block storage service log level of specified service (name only)"),
        );
        parser.add(
            Arg::option(&["--log-prefix"])
                .metavar("<log-prefix>")
                .help("Prefix for the log, e.g. 'sqlalchemy'"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
