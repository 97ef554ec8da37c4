//! `server_event` commands (OSC's `openstackclient/compute/v2/server_event.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

/// `server event list`.
pub struct ListServerEvent;

impl Command<ClientManager> for ListServerEvent {
    fn description(&self) -> &str {
        "List recent events of a server.\n\nSpecify ``--os-compute-api-version 2.21`` or higher to show events for a\ndeleted server, specified by ID only."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to list events (name or ID)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--changes-since"]).metavar("<changes-since>").help("List only server events changed later or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.58 or above)"));
        parser.add(Arg::option(&["--changes-before"]).metavar("<changes-before>").help("List only server events changed earlier or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.66 or above)"));
        identity::pagination::add_marker_pagination_options(parser, true);
        //  CUSTOM ACTION NonNegativeAction nargs=None default=None const=None
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_server_event(ctx, args)
    }
}

fn list_server_event(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server event show`.
pub struct ShowServerEvent;

impl Command<ClientManager> for ShowServerEvent {
    fn description(&self) -> &str {
        "Show server event details.\n\nSpecify ``--os-compute-api-version 2.21`` or higher to show event details\nfor a deleted server, specified by ID only. Specify\n``--os-compute-api-version 2.51`` or higher to show event details for\nnon-admin users."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to show event details (name or ID)"),
        );
        parser.add(
            Arg::positional("request_id")
                .metavar("<request-id>")
                .help("Request ID of the event to show (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_server_event(ctx, args)
    }
}

fn show_server_event(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
