//! `volume backup record export|volume backup record import` (OSC `volume/v3/backup_record.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `volume backup record export`.
pub struct ExportBackupRecord;

impl Command<ClientManager> for ExportBackupRecord {
    fn description(&self) -> &str {
        "Export volume backup details.\n\nBackup information can be imported into a new service instance to be able to\nrestore."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to export (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume backup record import`.
pub struct ImportBackupRecord;

impl Command<ClientManager> for ImportBackupRecord {
    fn description(&self) -> &str {
        "Import volume backup details.\n\nExported backup details contain the metadata necessary to restore to a new or\nrebuilt service instance"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup_service")
                .metavar("<backup_service>")
                .help("Backup service containing the backup."),
        );
        parser.add(
            Arg::positional("backup_metadata")
                .metavar("<backup_metadata>")
                .help("Encoded backup metadata from export."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
