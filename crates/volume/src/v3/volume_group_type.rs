//! `volume group type create|volume group type delete|volume group type list|volume group type set|volume group type show` (OSC `volume/v3/volume_group_type.py`).

use cliff::argparse::Action;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use crate::common;

/// `volume group type create`.
pub struct CreateVolumeGroupType;

impl Command<ClientManager> for CreateVolumeGroupType {
    fn description(&self) -> &str {
        "Create a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of new volume group type."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the volume group type."),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--public"])
                .dest("is_public")
                .action(Action::StoreTrue)
                .default(true)
                .help("Volume group type is available to other projects (default)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--private"])
                .dest("is_public")
                .action(Action::StoreFalse)
                .help("Volume group type is not available to other projects"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group type delete`.
pub struct DeleteVolumeGroupType;

impl Command<ClientManager> for DeleteVolumeGroupType {
    fn description(&self) -> &str {
        "Delete a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group_type")
                .metavar("<group_type>")
                .help("Name or ID of volume group type to delete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group type list`.
pub struct ListVolumeGroupType;

impl Command<ClientManager> for ListVolumeGroupType {
    fn description(&self) -> &str {
        "Lists all volume group types.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--default"])
                .dest("show_default")
                .flag()
                .help("List the default volume group type."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group type set`.
pub struct SetVolumeGroupType;

impl Command<ClientManager> for SetVolumeGroupType {
    fn description(&self) -> &str {
        "Update a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group_type")
                .metavar("<group_type>")
                .help("Name or ID of volume group type."),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New name for volume group type."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New description for volume group type."),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--public"])
                .dest("is_public")
                .action(Action::StoreTrue)
                .default_none()
                .help("Make volume group type available to other projects."),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--private"])
                .dest("is_public")
                .action(Action::StoreFalse)
                .help("Make volume group type unavailable to other projects."),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from this volume group type (specify both --no-property and --property to remove the current properties before setting new properties)"));
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Property to add or modify for this volume group type (repeat option to set multiple properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume group type show`.
pub struct ShowVolumeGroupType;

impl Command<ClientManager> for ShowVolumeGroupType {
    fn description(&self) -> &str {
        "Show detailed information for a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group_type")
                .metavar("<group_type>")
                .help("Name or ID of volume group type."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
