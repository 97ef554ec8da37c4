//! `volume create|volume delete|volume list|volume migrate|volume revert|volume set|volume show|volume summary|volume unset` (OSC `volume/v3/volume.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use crate::common;

/// `volume create`.
pub struct CreateVolume;

impl Command<ClientManager> for CreateVolume {
    fn description(&self) -> &str {
        "Create new volume"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .nargs(Nargs::Optional)
                .metavar("<name>")
                .help("Volume name"),
        );
        parser.add(
            Arg::option(&["--size"])
                .int()
                .metavar("<size>")
                .help("Volume size in GB (required unless --snapshot or --source specified)"),
        );
        parser.add(
            Arg::option(&["--type"])
                .metavar("<volume-type>")
                .help("Set the type of volume"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--image"])
                .metavar("<image>")
                .help("Use <image> as source of volume (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--snapshot"])
                .metavar("<snapshot>")
                .help("Use <snapshot> as source of volume (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--source"])
                .metavar("<volume>")
                .help("Volume to clone (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--source-replicated"])
                .metavar("<replicated-volume>")
                .hidden(),
        );
        parser.add_to_mutex(m0, Arg::option(&["--backup"]).metavar("<backup>").help("Restore backup to a volume (name or ID) (supported by --os-volume-api-version 3.47 or later)"));
        parser.add_to_mutex(m0, Arg::option(&["--remote-source"]).append().check(parseractions::key_value_check).metavar("<key=value>").help("The attribute(s) of the existing remote volume (admin required) (repeat option to specify multiple attributes, e.g.: '--remote-source source-name=test_name --remote-source source-id=test_id')"));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Volume description"),
        );
        parser.add(
            Arg::option(&["--availability-zone"])
                .metavar("<availability-zone>")
                .help("Create volume in <availability-zone>"),
        );
        parser.add(
            Arg::option(&["--consistency-group"])
                .metavar("consistency-group>")
                .help("Consistency group where the new volume belongs to"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help("Set a property to this volume (repeat option to set multiple properties)"),
        );
        parser.add(Arg::option(&["--hint"]).append().check(parseractions::key_value_check).metavar("<key=value>").help("Arbitrary scheduler hint key-value pairs to help creating a volume. Repeat the option to set multiple hints. 'same_host' and 'different_host' get values appended when repeated, all other keys take the last given value"));
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m1,
            Arg::option(&["--bootable"])
                .action(Action::StoreTrue)
                .default_none()
                .help("Mark volume as bootable"),
        );
        parser.add_to_mutex(
            m1,
            Arg::option(&["--non-bootable"])
                .dest("bootable")
                .action(Action::StoreFalse)
                .default_none()
                .help("Mark volume as non-bootable (default)"),
        );
        let m2 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m2,
            Arg::option(&["--read-only"])
                .action(Action::StoreTrue)
                .default_none()
                .help("Set volume to read-only access mode"),
        );
        parser.add_to_mutex(
            m2,
            Arg::option(&["--read-write"])
                .dest("read_only")
                .action(Action::StoreFalse)
                .default_none()
                .help("Set volume to read-write access mode (default)"),
        );
        parser.add(Arg::option(&["--host"]).metavar("<host>").help("Cinder host on which the existing volume resides; takes the form: host@backend-name#pool. This is only used along with the --remote-source option."));
        parser.add(Arg::option(&["--cluster"]).metavar("<cluster>").help("Cinder cluster on which the existing volume resides; takes the form: cluster@backend-name#pool. This is only used along with the --remote-source option. (supported by --os-volume-api-version 3.16 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume delete`.
pub struct DeleteVolume;

impl Command<ClientManager> for DeleteVolume {
    fn description(&self) -> &str {
        "Delete volume(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volumes")
                .nargs(Nargs::OneOrMore)
                .metavar("<volume>")
                .help("Volume(s) to delete (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--force"]).flag().help(
                "Attempt forced removal of volume(s), regardless of state (defaults to False)",
            ),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--cascade"])
                .flag()
                .help("Remove any snapshots along with volume(s) (defaults to False)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--purge"]).dest("cascade").flag().hidden(),
        );
        parser.add(
            Arg::option(&["--remote"])
                .flag()
                .help("Specify this parameter to unmanage a volume."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume list`.
pub struct ListVolume;

impl Command<ClientManager> for ListVolume {
    fn description(&self) -> &str {
        "List volumes"
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
        parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help("Domain the project belongs to (name or ID). This can be used in case collisions between project names exist."));
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("Filter results by user (name or ID) (admin only)"),
        );
        parser.add(Arg::option(&["--user-domain"]).metavar("<user-domain>").help("Domain the user belongs to (name or ID). This can be used in case collisions between user names exist."));
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Filter results by volume name"),
        );
        parser.add(
            Arg::option(&["--status"])
                .metavar("<status>")
                .help("Filter results by status"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Filter by a property on the volume list (repeat option to filter by multiple properties) "));
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Include all projects (admin only)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume migrate`.
pub struct MigrateVolume;

impl Command<ClientManager> for MigrateVolume {
    fn description(&self) -> &str {
        "Migrate volume to a new host"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to migrate (name or ID)"),
        );
        let m0 = parser.add_mutex(None, true);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Destination host (takes the form: host@backend-name#pool)"),
        );
        parser.add_to_mutex(m0, Arg::option(&["--cluster"]).metavar("<cluster>").help("Destination cluster to migrate the volume to (requires --os-volume-api-version 3.16 or higher)"));
        parser.add(Arg::option(&["--force-host-copy"]).flag().help(
            "Enable generic host-based force-migration, which bypasses driver optimizations",
        ));
        parser.add(Arg::option(&["--lock-volume"]).flag().help("If specified, the volume state will be locked and will not allow a migration to be aborted (possibly by another operation)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume revert`.
pub struct VolumeRevertToSnapshot;

impl Command<ClientManager> for VolumeRevertToSnapshot {
    fn description(&self) -> &str {
        "Revert a volume to a snapshot."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("snapshot").metavar("<snapshot>").help("Name or ID of the snapshot to restore. The snapshot must be the most recent one known to cinder."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume set`.
pub struct SetVolume;

impl Command<ClientManager> for SetVolume {
    fn description(&self) -> &str {
        "Set volume properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New volume name"),
        );
        parser.add(
            Arg::option(&["--size"])
                .int()
                .metavar("<size>")
                .help("Extend volume size in GB"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New volume description"),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from <volume> (specify both --no-property and --property to remove the current properties before setting new properties.)"));
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help("Set a property on this volume (repeat option to set multiple properties)"),
        );
        parser.add(Arg::option(&["--image-property"]).dest("image_properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Set an image property on this volume (repeat option to set multiple image properties)"));
        parser.add(Arg::option(&["--state"]).choices(&["available", "error", "creating", "deleting", "in-use", "attaching", "detaching", "error_deleting", "maintenance"]).metavar("<state>").help("New volume state (\"available\", \"error\", \"creating\", \"deleting\", \"in-use\", \"attaching\", \"detaching\", \"error_deleting\" or \"maintenance\") (admin only) (This option simply changes the state of the volume in the database with no regard to actual status, exercise caution when using)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--attached"]).flag().help("Set volume attachment status to \"attached\" (admin only) (This option simply changes the state of the volume in the database with no regard to actual status, exercise caution when using)"));
        parser.add_to_mutex(m0, Arg::option(&["--detached"]).flag().help("Set volume attachment status to \"detached\" (admin only) (This option simply changes the state of the volume in the database with no regard to actual status, exercise caution when using)"));
        parser.add(
            Arg::option(&["--type"])
                .metavar("<volume-type>")
                .help("New volume type (name or ID)"),
        );
        parser.add(
            Arg::option(&["--retype-policy"])
                .choices(&["never", "on-demand"])
                .metavar("<retype-policy>")
                .hidden(),
        );
        parser.add(Arg::option(&["--migration-policy"]).choices(&["never", "on-demand"]).metavar("<migration-policy>").help("Migration policy while re-typing volume (\"never\" or \"on-demand\", default is \"never\" ) (available only when --type option is specified)"));
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m1,
            Arg::option(&["--bootable"])
                .action(Action::StoreTrue)
                .default_none()
                .help("Mark volume as bootable"),
        );
        parser.add_to_mutex(
            m1,
            Arg::option(&["--non-bootable"])
                .dest("bootable")
                .action(Action::StoreFalse)
                .default_none()
                .help("Mark volume as non-bootable"),
        );
        let m2 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m2,
            Arg::option(&["--read-only"])
                .action(Action::StoreTrue)
                .default_none()
                .help("Set volume to read-only access mode"),
        );
        parser.add_to_mutex(
            m2,
            Arg::option(&["--read-write"])
                .dest("read_only")
                .action(Action::StoreFalse)
                .default_none()
                .help("Set volume to read-write access mode"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume show`.
pub struct ShowVolume;

impl Command<ClientManager> for ShowVolume {
    fn description(&self) -> &str {
        "Display volume details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume summary`.
pub struct VolumeSummary;

impl Command<ClientManager> for VolumeSummary {
    fn description(&self) -> &str {
        "Show a summary of all volumes in this deployment."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
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

/// `volume unset`.
pub struct UnsetVolume;

impl Command<ClientManager> for UnsetVolume {
    fn description(&self) -> &str {
        "Unset volume properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .metavar("<key>")
                .help(
                    "Remove a property from volume (repeat option to remove multiple properties)",
                ),
        );
        parser.add(Arg::option(&["--image-property"]).dest("image_properties").append().metavar("<key>").help("Remove an image property from volume (repeat option to remove multiple image properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
