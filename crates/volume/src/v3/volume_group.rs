//! `volume group add volume|volume group create|volume group delete|volume group failover|volume group list|volume group remove volume|volume group set|volume group show` (OSC `volume/v3/volume_group.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `volume group add volume`.
pub struct AddVolumesToGroup;

impl Command<ClientManager> for AddVolumesToGroup {
    fn description(&self) -> &str {
        "Add volume(s) to volume group."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of the volume group."),
        );
        parser.add(
            Arg::positional("volumes")
                .nargs(Nargs::OneOrMore)
                .metavar("<volume>")
                .help("Volume(s) to add to the group (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group create`.
pub struct CreateVolumeGroup;

impl Command<ClientManager> for CreateVolumeGroup {
    fn description(&self) -> &str {
        "Create a volume group.\n\nGeneric volume groups enable you to create a group of volumes and manage\nthem together.\n\nGeneric volume groups are more flexible than consistency groups. Currently\nvolume consistency groups only support consistent group snapshot. It\ncannot be extended easily to serve other purposes. A project may want to\nput volumes used in the same application together in a group so that it is\neasier to manage them together, and this group of volumes may or may not\nsupport consistent group snapshot. Generic volume group solve this problem.\nBy decoupling the tight relationship between the group construct and the\nconsistency concept, generic volume groups can be extended to support other\nfeatures in the future.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::positional("volume_group_type_legacy")
                .nargs(Nargs::Optional)
                .metavar("<volume_group_type>")
                .hidden(),
        );
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m1,
            Arg::positional("volume_types_legacy")
                .nargs(Nargs::ZeroOrMore)
                .metavar("<volume_type>")
                .hidden(),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--volume-group-type"])
                .metavar("<volume_group_type>")
                .help("Volume group type to use (name or ID)"),
        );
        parser.add_to_mutex(
            m1,
            Arg::option(&["--volume-type"])
                .dest("volume_types")
                .append()
                .metavar("<volume_type>")
                .help("Volume type(s) to use (name or ID) (required with --volume-group-type)"),
        );
        parser.add_to_mutex(m0, Arg::option(&["--source-group"]).metavar("<source-group>").help("Existing volume group to use (name or ID) (supported by --os-volume-api-version 3.14 or later)"));
        parser.add_to_mutex(m0, Arg::option(&["--group-snapshot"]).metavar("<group-snapshot>").help("Existing group snapshot to use (name or ID) (supported by --os-volume-api-version 3.14 or later)"));
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name of the volume group."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of a volume group."),
        );
        parser.add(Arg::option(&["--availability-zone"]).metavar("<availability-zone>").help("Availability zone for volume group. (not available if creating group from source)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group delete`.
pub struct DeleteVolumeGroup;

impl Command<ClientManager> for DeleteVolumeGroup {
    fn description(&self) -> &str {
        "Delete a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of volume group to delete"),
        );
        parser.add(Arg::option(&["--force"]).flag().help("Delete the volume group even if it contains volumes. This will delete any remaining volumes in the group."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group failover`.
pub struct FailoverVolumeGroup;

impl Command<ClientManager> for FailoverVolumeGroup {
    fn description(&self) -> &str {
        "Failover replication for a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.38 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of volume group to failover replication for."),
        );
        parser.add(
            Arg::option(&["--allow-attached-volume"])
                .flag()
                .help("Allow group with attached volumes to be failed over."),
        );
        parser.add(
            Arg::option(&["--disallow-attached-volume"])
                .dest("allow_attached_volume")
                .action(Action::StoreFalse)
                .default(false)
                .help("Disallow group with attached volumes to be failed over."),
        );
        parser.add(
            Arg::option(&["--secondary-backend-id"])
                .metavar("<backend_id>")
                .help("Secondary backend ID."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group list`.
pub struct ListVolumeGroup;

impl Command<ClientManager> for ListVolumeGroup {
    fn description(&self) -> &str {
        "Lists all volume groups.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
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

/// `volume group remove volume`.
pub struct RemoveVolumesFromGroup;

impl Command<ClientManager> for RemoveVolumesFromGroup {
    fn description(&self) -> &str {
        "Remove volume(s) from volume group."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of the volume group."),
        );
        parser.add(
            Arg::positional("volumes")
                .nargs(Nargs::OneOrMore)
                .metavar("<volume>")
                .help("Volume(s) to remove from the group (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group set`.
pub struct SetVolumeGroup;

impl Command<ClientManager> for SetVolumeGroup {
    fn description(&self) -> &str {
        "Update a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of volume group."),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New name for group."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New description for group."),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--enable-replication"]).action(Action::StoreTrue).default_none().help("Enable replication for group. (supported by --os-volume-api-version 3.38 or above)"));
        parser.add_to_mutex(m0, Arg::option(&["--disable-replication"]).dest("enable_replication").action(Action::StoreFalse).help("Disable replication for group. (supported by --os-volume-api-version 3.38 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group show`.
pub struct ShowVolumeGroup;

impl Command<ClientManager> for ShowVolumeGroup {
    fn description(&self) -> &str {
        "Show detailed information for a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of volume group."),
        );
        parser.add(Arg::option(&["--volumes"]).dest("show_volumes").action(Action::StoreTrue).default_none().help("Show volumes included in the group. (supported by --os-volume-api-version 3.25 or above)"));
        parser.add(Arg::option(&["--no-volumes"]).dest("show_volumes").action(Action::StoreFalse).help("Do not show volumes included in the group. (supported by --os-volume-api-version 3.25 or above)"));
        parser.add(Arg::option(&["--replication-targets"]).dest("show_replication_targets").action(Action::StoreTrue).default_none().help("Show replication targets for the group. (supported by --os-volume-api-version 3.38 or above)"));
        parser.add(Arg::option(&["--no-replication-targets"]).dest("show_replication_targets").action(Action::StoreFalse).help("Do not show replication targets for the group. (supported by --os-volume-api-version 3.38 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
