//! `volume backup create|volume backup delete|volume backup list|volume backup restore|volume backup set|volume backup show|volume backup unset` (OSC `volume/v3/volume_backup.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use crate::common;

/// `volume backup create`.
pub struct CreateVolumeBackup;

impl Command<ClientManager> for CreateVolumeBackup {
    fn description(&self) -> &str {
        "Create new volume backup"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to backup (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name of the backup"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the backup"),
        );
        parser.add(
            Arg::option(&["--container"])
                .metavar("<container>")
                .help("Optional backup container name"),
        );
        parser.add(
            Arg::option(&["--snapshot"])
                .metavar("<snapshot>")
                .help("Snapshot to backup (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Allow to back up an in-use volume"),
        );
        parser.add(
            Arg::option(&["--incremental"])
                .flag()
                .help("Perform an incremental backup"),
        );
        parser.add(
            Arg::option(&["--no-incremental"])
                .action(Action::StoreFalse)
                .help("Do not perform an incremental backup"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Set a property on this backup (repeat option to remove multiple values) (supported by --os-volume-api-version 3.43 or above)"));
        parser.add(Arg::option(&["--availability-zone"]).metavar("<zone-name>").help("AZ where the backup should be stored; by default it will be the same as the source (supported by --os-volume-api-version 3.51 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume backup delete`.
pub struct DeleteVolumeBackup;

impl Command<ClientManager> for DeleteVolumeBackup {
    fn description(&self) -> &str {
        "Delete volume backup(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backups")
                .nargs(Nargs::OneOrMore)
                .metavar("<backup>")
                .help("Backup(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Allow delete in state other than error or available"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume backup list`.
pub struct ListVolumeBackup;

impl Command<ClientManager> for ListVolumeBackup {
    fn description(&self) -> &str {
        "List volume backups"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Filter results by project (name or ID) (admin only)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Filters results by the backup name"),
        );
        parser.add(Arg::option(&["--status"]).choices(&["creating", "available", "deleting", "error", "restoring", "error_restoring"]).metavar("<status>").help("Filters results by the backup status, one of: creating, available, deleting, error, restoring or error_restoring"));
        parser.add(
            Arg::option(&["--volume"])
                .metavar("<volume>")
                .help("Filters results by the volume which they backup (name or ID)"),
        );
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
        parser.add(Arg::option(&["--max-items"]).check(common::non_negative_max_items).int().metavar("<max-items>").help("The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size."));
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Include all projects (admin only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume backup restore`.
pub struct RestoreVolumeBackup;

impl Command<ClientManager> for RestoreVolumeBackup {
    fn description(&self) -> &str {
        "Restore volume backup"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to restore (name or ID)"),
        );
        parser.add(Arg::positional("volume").nargs(Nargs::Optional).metavar("<volume>").help("Volume to restore to (name or ID for existing volume, name only for new volume) (default to None)"));
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Restore the backup to an existing volume (default to False)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume backup set`.
pub struct SetVolumeBackup;

impl Command<ClientManager> for SetVolumeBackup {
    fn description(&self) -> &str {
        "Set volume backup properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New backup name (supported by --os-volume-api-version 3.9 or above)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New backup description (supported by --os-volume-api-version 3.9 or above)"),
        );
        parser.add(Arg::option(&["--state"]).choices(&["available", "error"]).metavar("<state>").help("New backup state (\"available\" or \"error\") (admin only) (This option simply changes the state of the backup in the database with no regard to actual status; exercise caution when using)"));
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from this backup (specify both --no-property and --property to remove the current properties before setting new properties)"));
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Set a property on this backup (repeat option to set multiple values) (supported by --os-volume-api-version 3.43 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume backup show`.
pub struct ShowVolumeBackup;

impl Command<ClientManager> for ShowVolumeBackup {
    fn description(&self) -> &str {
        "Display volume backup details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume backup unset`.
pub struct UnsetVolumeBackup;

impl Command<ClientManager> for UnsetVolumeBackup {
    fn description(&self) -> &str {
        "Unset volume backup properties.\n\nThis command requires ``--os-volume-api-version`` 3.43 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .metavar("<key>")
                .help(
                    "Property to remove from this backup (repeat option to unset multiple values) ",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
