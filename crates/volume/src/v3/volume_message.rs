//! `volume message delete|volume message list|volume message show` (OSC `volume/v3/volume_message.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::common;

/// `volume message delete`.
pub struct DeleteMessage;

impl Command<ClientManager> for DeleteMessage {
    fn description(&self) -> &str {
        "Delete a volume failure message"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("message_ids")
                .nargs(Nargs::OneOrMore)
                .metavar("<message-id>")
                .help("Message(s) to delete (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume message list`.
pub struct ListMessages;

impl Command<ClientManager> for ListMessages {
    fn description(&self) -> &str {
        "List volume failure messages"
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
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `volume message show`.
pub struct ShowMessage;

impl Command<ClientManager> for ShowMessage {
    fn description(&self) -> &str {
        "Show a volume failure message"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("message_id")
                .metavar("<message-id>")
                .help("Message to show (ID)."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}
