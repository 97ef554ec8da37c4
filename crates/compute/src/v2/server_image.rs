//! `server_image` commands (OSC's `openstackclient/compute/v2/server_image.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

/// `server image create`.
pub struct CreateServerImage;

impl Command<ClientManager> for CreateServerImage {
    fn description(&self) -> &str {
        "Create a new server disk image from an existing server"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to create image (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<image-name>")
                .help("Name of new disk image (default: server name)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key=value>").help("Set a new property to meta_data.json on the metadata server (repeat option to set multiple values)")); //  CUSTOM ACTION KeyValueAction nargs=None default=None const=None
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for operation to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_server_image(ctx, args)
    }
}

fn create_server_image(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
