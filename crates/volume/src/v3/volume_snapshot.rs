//! `volume snapshot create|volume snapshot delete|volume snapshot list|volume snapshot set|volume snapshot show|volume snapshot unset` (OSC `volume/v3/volume_snapshot.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use crate::common;

/// `volume snapshot create`.
pub struct CreateVolumeSnapshot;

impl Command<ClientManager> for CreateVolumeSnapshot {
    fn description(&self) -> &str {
        "Create new volume snapshot"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot_name")
                .metavar("<snapshot-name>")
                .help("Name of the new snapshot"),
        );
        parser.add(
            Arg::option(&["--volume"])
                .metavar("<volume>")
                .help("Volume to snapshot (name or ID) (default is <snapshot-name>)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the snapshot"),
        );
        parser.add(Arg::option(&["--force"]).flag().help("Allow snapshot of in-use (attached) volume. Only needed for microversions prior to 3.66; ignored for 3.66+"));
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help("Set a property to this snapshot (repeat option to set multiple properties)"),
        );
        parser.add(Arg::option(&["--remote-source"]).append().check(parseractions::key_value_check).metavar("<key=value>").help("The attribute(s) of the existing remote volume snapshot (admin required) (repeat option to specify multiple attributes) e.g.: '--remote-source source-name=test_name --remote-source source-id=test_id'"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume snapshot delete`.
pub struct DeleteVolumeSnapshot;

impl Command<ClientManager> for DeleteVolumeSnapshot {
    fn description(&self) -> &str {
        "Delete volume snapshot(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshots")
                .nargs(Nargs::OneOrMore)
                .metavar("<snapshot>")
                .help("Snapshot(s) to delete (name or ID)"),
        );
        parser.add(Arg::option(&["--force"]).flag().help(
            "Attempt forced removal of snapshot(s), regardless of state (defaults to False)",
        ));
        parser.add(Arg::option(&["--remote"]).flag().help("Unmanage the snapshot, removing it from the Block Storage service management but not from the backend."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume snapshot list`.
pub struct ListVolumeSnapshot;

impl Command<ClientManager> for ListVolumeSnapshot {
    fn description(&self) -> &str {
        "List volume snapshots"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Include all projects (admin only)"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Filter results by project (name or ID) (admin only)"),
        );
        parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help("Domain the project belongs to (name or ID). This can be used in case collisions between project names exist."));
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Filters results by a name."),
        );
        parser.add(Arg::option(&["--status"]).choices(&["available", "error", "creating", "deleting", "error_deleting"]).metavar("<status>").help("Filters results by a status. ('available', 'error', 'creating', 'deleting' or 'error_deleting')"));
        parser.add(
            Arg::option(&["--volume"])
                .metavar("<volume>")
                .help("Filters results by a volume (name or ID)."),
        );
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
        parser.add(Arg::option(&["--max-items"]).check(common::non_negative_max_items).int().metavar("<max-items>").help("The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume snapshot set`.
pub struct SetVolumeSnapshot;

impl Command<ClientManager> for SetVolumeSnapshot {
    fn description(&self) -> &str {
        "Set volume snapshot properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Snapshot to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New snapshot name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New snapshot description"),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from <snapshot> (specify both --no-property and --property to remove the current properties before setting new properties.)"));
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Property to add/change for this snapshot (repeat option to set multiple properties)"));
        parser.add(Arg::option(&["--state"]).choices(&["available", "error", "creating", "deleting", "error_deleting"]).metavar("<state>").help("New snapshot state. (\"available\", \"error\", \"creating\", \"deleting\", or \"error_deleting\") (admin only) (This option simply changes the state of the snapshot in the database with no regard to actual status, exercise caution when using)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume snapshot show`.
pub struct ShowVolumeSnapshot;

impl Command<ClientManager> for ShowVolumeSnapshot {
    fn description(&self) -> &str {
        "Display volume snapshot details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Snapshot to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume snapshot unset`.
pub struct UnsetVolumeSnapshot;

impl Command<ClientManager> for UnsetVolumeSnapshot {
    fn description(&self) -> &str {
        "Unset volume snapshot properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Snapshot to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key>").help("Property to remove from snapshot (repeat option to remove multiple properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
