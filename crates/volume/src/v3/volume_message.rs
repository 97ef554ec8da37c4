//! `volume message delete|volume message list|volume message show` (OSC `volume/v3/volume_message.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use serde_json::Value as Json;

use crate::api;
use crate::common::{self, fail};
use crate::resources::MESSAGE;

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
        delete_message(ctx, args)
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
        identity::common::add_project_domain_option(parser);
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_messages(ctx, args)
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
        show_message(ctx, args)
    }
}

const COLUMNS: [(&str, &str); 9] = [
    ("id", "ID"),
    ("event_id", "Event ID"),
    ("resource_type", "Resource Type"),
    ("resource_uuid", "Resource UUID"),
    ("message_level", "Message Level"),
    ("user_message", "User Message"),
    ("request_id", "Request ID"),
    ("created_at", "Created At"),
    ("guaranteed_until", "Guaranteed Until"),
];

fn delete_message(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.3", "'volume message delete' command"))?;
    let ids = args.strings("message_ids");
    let mut errors = 0;
    for id in &ids {
        if api::delete(
            ctx,
            &MESSAGE,
            &openstack_sdk::item_path("/messages", id),
            false,
        )
        .is_err()
        {
            log::error!("Failed to delete message: {id}");
            errors += 1;
        }
    }
    if errors > 0 {
        return common::command_error(format!(
            "Failed to delete {errors} of {} messages.",
            ids.len()
        ));
    }
    Ok(Output::ok())
}

fn list_messages(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.3", "'volume message list' command"))?;
    let mut params = Vec::new();
    if let Some(project) = args.str("project").filter(|s| !s.is_empty()) {
        let id = fail(identity::common::find_project_id_sdk(
            ctx,
            project,
            args.str("project_domain"),
            true,
            None,
        ))?;
        params.push(("project_id", Some(id)));
    }
    if let Some(marker) = args.str("marker") {
        params.push(("marker", Some(marker.to_owned())));
    }
    if let Some(limit) = args.int("limit") {
        params.push(("limit", Some(limit.to_string())));
    }
    let data = fail(api::list(ctx, &MESSAGE, "/messages", &params, None))?;
    let headings: Vec<&str> = COLUMNS.iter().map(|(_, h)| *h).collect();
    let rows = data
        .iter()
        .map(|m| COLUMNS.iter().map(|(k, _)| common::field(m, k)).collect())
        .collect();
    Ok(common::list(&headings, rows))
}

fn show_message(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.3", "'volume message show' command"))?;
    let message: Json = fail(api::get(
        ctx,
        &MESSAGE,
        "/messages",
        common::arg(args, "message_id"),
    ))?;
    let mut columns = COLUMNS.to_vec();
    columns.sort_by(|a, b| a.1.cmp(b.1));
    Ok(common::show(
        columns
            .iter()
            .map(|(k, h)| ((*h).to_owned(), common::field(&message, k)))
            .collect(),
    ))
}
