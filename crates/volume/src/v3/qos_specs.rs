//! `volume qos associate|volume qos create|volume qos delete|volume qos disassociate|volume qos list|volume qos set|volume qos show|volume qos unset` (OSC `volume/v3/qos_specs.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use crate::common;

/// `volume qos associate`.
pub struct AssociateQos;

impl Command<ClientManager> for AssociateQos {
    fn description(&self) -> &str {
        "Associate a QoS specification to a volume type"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to modify (name or ID)"),
        );
        parser.add(
            Arg::positional("volume_type")
                .metavar("<volume-type>")
                .help("Volume type to associate the QoS (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume qos create`.
pub struct CreateQos;

impl Command<ClientManager> for CreateQos {
    fn description(&self) -> &str {
        "Create new QoS specification"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New QoS specification name"),
        );
        parser.add(Arg::option(&["--consumer"]).choices(&["front-end", "back-end", "both"]).default("both").metavar("<consumer>").help("Consumer of the QoS. Valid consumers: back-end, both, front-end (defaults to 'both')"));
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help(
                    "Set a QoS specification property (repeat option to set multiple properties)",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume qos delete`.
pub struct DeleteQos;

impl Command<ClientManager> for DeleteQos {
    fn description(&self) -> &str {
        "Delete QoS specification"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_specs")
                .nargs(Nargs::OneOrMore)
                .metavar("<qos-spec>")
                .help("QoS specification(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Allow to delete in-use QoS specification(s)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume qos disassociate`.
pub struct DisassociateQos;

impl Command<ClientManager> for DisassociateQos {
    fn description(&self) -> &str {
        "Disassociate a QoS specification from a volume type"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to modify (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--volume-type"])
                .metavar("<volume-type>")
                .help("Volume type to disassociate the QoS from (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--all"])
                .flag()
                .help("Disassociate the QoS from every volume type"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume qos list`.
pub struct ListQos;

impl Command<ClientManager> for ListQos {
    fn description(&self) -> &str {
        "List QoS specifications"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, _parser: &mut Parser) {}

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume qos set`.
pub struct SetQos;

impl Command<ClientManager> for SetQos {
    fn description(&self) -> &str {
        "Set QoS specification properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from <qos-spec> (specify both --no-property and --property to remove the current properties before setting new properties)"));
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Property to add or modify for this QoS specification (repeat option to set multiple properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume qos show`.
pub struct ShowQos;

impl Command<ClientManager> for ShowQos {
    fn description(&self) -> &str {
        "Display QoS specification details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume qos unset`.
pub struct UnsetQos;

impl Command<ClientManager> for UnsetQos {
    fn description(&self) -> &str {
        "Unset QoS specification properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("qos_spec")
                .metavar("<qos-spec>")
                .help("QoS specification to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key>").help("Property to remove from the QoS specification. (repeat option to unset multiple properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
