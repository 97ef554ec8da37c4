//! `server_share` commands (OSC's `openstackclient/compute/v2/server_share.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

/// `server add share`.
pub struct AddServerShare;

impl Command<ClientManager> for AddServerShare {
    fn description(&self) -> &str {
        "Add a share to a server.\n\nRequires ``--os-compute-api-version 2.97`` or later."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to add share to (name or ID)"),
        );
        parser.add(
            Arg::positional("share")
                .metavar("<share>")
                .help("Share to add (name or ID)"),
        );
        parser.add(Arg::option(&["--tag"]).metavar("<tag>").help("Optional tag used to mount the share, if not provided the share uuid is used as tag by default"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_server_share(ctx, args)
    }
}

fn add_server_share(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server remove share`.
pub struct RemoveServerShare;

impl Command<ClientManager> for RemoveServerShare {
    fn description(&self) -> &str {
        "Remove a share from a server.\n\nRequires ``--os-compute-api-version 2.97`` or later."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to remove share from (name or ID)"),
        );
        parser.add(
            Arg::positional("share")
                .metavar("<share>")
                .help("Share to remove (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_server_share(ctx, args)
    }
}

fn remove_server_share(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server share list`.
pub struct ListServerShare;

impl Command<ClientManager> for ListServerShare {
    fn description(&self) -> &str {
        "List all the shares attached to a server.\n\nRequires ``--os-compute-api-version 2.97`` or later."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to list share mapping for (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_server_share(ctx, args)
    }
}

fn list_server_share(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server share show`.
pub struct ShowServerShare;

impl Command<ClientManager> for ShowServerShare {
    fn description(&self) -> &str {
        "Show detail of a share attachment to a server.\n\nRequires ``--os-compute-api-version 2.97`` or later."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to show share mapping for (name or ID)"),
        );
        parser.add(
            Arg::positional("share")
                .metavar("<share>")
                .help("Share to show details for (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_server_share(ctx, args)
    }
}

fn show_server_share(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
