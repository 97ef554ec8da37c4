//! `volume type create|volume type delete|volume type list|volume type set|volume type show|volume type unset` (OSC `volume/v3/volume_type.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use crate::common;

/// `volume type create`.
pub struct CreateVolumeType;

impl Command<ClientManager> for CreateVolumeType {
    fn description(&self) -> &str {
        "Create new volume type"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Volume type name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Volume type description"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--public"])
                .dest("is_public")
                .action(Action::StoreTrue)
                .default_none()
                .help("Volume type is accessible to the public"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--private"])
                .dest("is_public")
                .action(Action::StoreFalse)
                .default_none()
                .help("Volume type is not accessible to the public"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help(
                    "Set a property on this volume type (repeat option to set multiple properties)",
                ),
        );
        parser.add(Arg::option(&["--multiattach"]).flag().help("Enable multi-attach for this volume type (this is an alias for '--property multiattach=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--cacheable"]).flag().help("Enable caching for this volume type (this is an alias for '--property cacheable=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--replicated"]).flag().help("Enabled replication for this volume type (this is an alias for '--property replication_enabled=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--availability-zone"]).dest("availability_zones").append().help("Set an availability zone for this volume type (this is an alias for '--property RESKEY:availability_zones:<az>') (repeat option to set multiple availability zones)"));
        parser.add(Arg::option(&["--project"]).metavar("<project>").help("Allow <project> to access private type (name or ID) (must be used with --private option)"));
        parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help("Domain the project belongs to (name or ID). This can be used in case collisions between project names exist."));
        parser.add(Arg::option(&["--encryption-provider"]).metavar("<provider>").help("Set the encryption provider format for this volume type (e.g \"luks\" or \"plain\") (admin only) (this option is required when setting encryption type of a volume; consider using other encryption options such as: \"--encryption-cipher\", \"--encryption-key-size\" and \"--encryption-control-location\")"));
        parser.add(Arg::option(&["--encryption-cipher"]).metavar("<cipher>").help("Set the encryption algorithm or mode for this volume type (e.g \"aes-xts-plain64\") (admin only)"));
        parser.add(Arg::option(&["--encryption-key-size"]).int().metavar("<key-size>").help("Set the size of the encryption key of this volume type (e.g \"128\" or \"256\") (admin only)"));
        parser.add(Arg::option(&["--encryption-control-location"]).choices(&["front-end", "back-end"]).metavar("<control-location>").help("Set the notional service where the encryption is performed (\"front-end\" or \"back-end\") (admin only) (The default value for this option is \"front-end\" when setting encryption type of a volume. Consider using other encryption options such as: \"--encryption-cipher\", \"--encryption-key-size\" and \"--encryption-provider\")"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume type delete`.
pub struct DeleteVolumeType;

impl Command<ClientManager> for DeleteVolumeType {
    fn description(&self) -> &str {
        "Delete volume type(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_types")
                .nargs(Nargs::OneOrMore)
                .metavar("<volume-type>")
                .help("Volume type(s) to delete (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume type list`.
pub struct ListVolumeType;

impl Command<ClientManager> for ListVolumeType {
    fn description(&self) -> &str {
        "List volume types"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--default"])
                .flag()
                .help("List the default volume type"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--public"])
                .dest("is_public")
                .action(Action::StoreTrue)
                .default("none")
                .help("List only public types"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--private"])
                .dest("is_public")
                .action(Action::StoreFalse)
                .default("none")
                .help("List only private types (admin only)"),
        );
        parser.add(
            Arg::option(&["--encryption-type"])
                .flag()
                .help("Display encryption information for each volume type (admin only)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Filter by a property on the volume types (repeat option to filter by multiple properties) (admin only except for user-visible extra specs) (supported by --os-volume-api-version 3.52 or above)"));
        parser.add(Arg::option(&["--multiattach"]).flag().help("List only volume types with multi-attach enabled (this is an alias for '--property multiattach=<is> True') (supported by --os-volume-api-version 3.52 or above)"));
        parser.add(Arg::option(&["--cacheable"]).flag().help("List only volume types with caching enabled (this is an alias for '--property cacheable=<is> True') (admin only) (supported by --os-volume-api-version 3.52 or above)"));
        parser.add(Arg::option(&["--replicated"]).flag().help("List only volume types with replication enabled (this is an alias for '--property replication_enabled=<is> True') (supported by --os-volume-api-version 3.52 or above)"));
        parser.add(Arg::option(&["--availability-zone"]).dest("availability_zones").append().help("List only volume types with this availability configured (this is an alias for '--property RESKEY:availability_zones:<az>') (repeat option to filter on multiple availability zones)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume type set`.
pub struct SetVolumeType;

impl Command<ClientManager> for SetVolumeType {
    fn description(&self) -> &str {
        "Set volume type properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_type")
                .metavar("<volume-type>")
                .help("Volume type to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set volume type name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set volume type description"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help(
                    "Set a property on this volume type (repeat option to set multiple properties)",
                ),
        );
        parser.add(Arg::option(&["--multiattach"]).flag().help("Enable multi-attach for this volume type (this is an alias for '--property multiattach=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--cacheable"]).flag().help("Enable caching for this volume type (this is an alias for '--property cacheable=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--replicated"]).flag().help("Enabled replication for this volume type (this is an alias for '--property replication_enabled=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--availability-zone"]).dest("availability_zones").append().help("Set an availability zone for this volume type (this is an alias for '--property RESKEY:availability_zones:<az>') (repeat option to set multiple availability zones)"));
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Set volume type access to project (name or ID) (admin only)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--public"])
                .dest("is_public")
                .action(Action::StoreTrue)
                .default_none()
                .help("Volume type is accessible to the public"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--private"])
                .dest("is_public")
                .action(Action::StoreFalse)
                .default_none()
                .help("Volume type is not accessible to the public"),
        );
        parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help("Domain the project belongs to (name or ID). This can be used in case collisions between project names exist."));
        parser.add(Arg::option(&["--encryption-provider"]).metavar("<provider>").help("Set the encryption provider format for this volume type (e.g \"luks\" or \"plain\") (admin only) (This option is required when setting encryption type of a volume for the first time. Consider using other encryption options such as: \"--encryption-cipher\", \"--encryption-key-size\" and \"--encryption-control-location\")"));
        parser.add(Arg::option(&["--encryption-cipher"]).metavar("<cipher>").help("Set the encryption algorithm or mode for this volume type (e.g \"aes-xts-plain64\") (admin only)"));
        parser.add(Arg::option(&["--encryption-key-size"]).int().metavar("<key-size>").help("Set the size of the encryption key of this volume type (e.g \"128\" or \"256\") (admin only)"));
        parser.add(Arg::option(&["--encryption-control-location"]).choices(&["front-end", "back-end"]).metavar("<control-location>").help("Set the notional service where the encryption is performed (\"front-end\" or \"back-end\") (admin only) (The default value for this option is \"front-end\" when setting encryption type of a volume for the first time. Consider using other encryption options such as: \"--encryption-cipher\", \"--encryption-key-size\" and \"--encryption-provider\")"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume type show`.
pub struct ShowVolumeType;

impl Command<ClientManager> for ShowVolumeType {
    fn description(&self) -> &str {
        "Display volume type details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_type")
                .metavar("<volume-type>")
                .help("Volume type to display (name or ID)"),
        );
        parser.add(
            Arg::option(&["--encryption-type"])
                .flag()
                .help("Display encryption information of this volume type (admin only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume type unset`.
pub struct UnsetVolumeType;

impl Command<ClientManager> for UnsetVolumeType {
    fn description(&self) -> &str {
        "Unset volume type properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_type")
                .metavar("<volume-type>")
                .help("Volume type to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key>").help("Remove a property from this volume type (repeat option to remove multiple properties)"));
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Removes volume type access to project (name or ID) (admin only)"),
        );
        parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help("Domain the project belongs to (name or ID). This can be used in case collisions between project names exist."));
        parser.add(
            Arg::option(&["--encryption-type"])
                .flag()
                .help("Remove the encryption type for this volume type (admin only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
