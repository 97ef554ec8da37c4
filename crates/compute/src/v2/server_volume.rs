//! `server_volume` commands (OSC's `openstackclient/compute/v2/server_volume.py`).

use cliff::argparse::Action;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

/// `server volume list`.
pub struct ListServerVolume;

impl Command<ClientManager> for ListServerVolume {
    fn description(&self) -> &str {
        "List all the volumes attached to a server."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server").help("Server to list volume attachments for (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_server_volume(ctx, args)
    }
}

fn list_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server volume set`.
pub struct SetServerVolume;

impl Command<ClientManager> for SetServerVolume {
    fn description(&self) -> &str {
        "Update a volume attachment on the server."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("server").help("Server to update volume for (name or ID)"));
        parser.add(Arg::positional("volume").help("Volume to update attachment for (name or ID)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--delete-on-termination"]).action(Action::StoreTrue).default_none().help("Delete the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)"));
        parser.add_to_mutex(m0, Arg::option(&["--preserve-on-termination"]).dest("delete_on_termination").action(Action::StoreFalse).help("Preserve the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_server_volume(ctx, args)
    }
}

fn set_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server volume update`.
pub struct UpdateServerVolume;

impl Command<ClientManager> for UpdateServerVolume {
    fn description(&self) -> &str {
        "DEPRECATED: Use 'server volume set' instead."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("server").help("Server to update volume for (name or ID)"));
        parser.add(Arg::positional("volume").help("Volume to update attachment for (name or ID)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--delete-on-termination"]).action(Action::StoreTrue).default_none().help("Delete the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)"));
        parser.add_to_mutex(m0, Arg::option(&["--preserve-on-termination"]).dest("delete_on_termination").action(Action::StoreFalse).help("Preserve the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        update_server_volume(ctx, args)
    }
}

fn update_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
