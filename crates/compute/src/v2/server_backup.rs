//! `server_backup` commands (OSC's `openstackclient/compute/v2/server_backup.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::json;

use super::server_common::{action, command_error, find_server, supports};
use super::server_image::{format_image, wait_for_image};
use crate::resources::IMAGE;
use openstack_sdk as sdk;

/// `server backup create`.
pub struct CreateServerBackup;

impl Command<ClientManager> for CreateServerBackup {
    fn description(&self) -> &str {
        "Create a server backup image"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to back up (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<image-name>")
                .help("Name of the backup image (default: server name)"),
        );
        parser.add(Arg::option(&["--type"]).metavar("<backup-type>").help(
            "Used to populate the backup_type property of the backup image (default: empty)",
        ));
        parser.add(
            Arg::option(&["--rotate"])
                .int()
                .metavar("<count>")
                .help("Number of backups to keep (default: 1)"),
        );
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for backup image create to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_server_backup(ctx, args)
    }
}

fn create_server_backup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let name = match args.str("name") {
        Some(name) => name.to_owned(),
        None => sdk::str_of(&server, "name").unwrap_or("").to_owned(),
    };
    let kind = args.str("type").unwrap_or("");
    let rotation = args.int("rotate").unwrap_or(1);
    let version = supports(ctx, "2.45")?.then_some("2.45");
    let body = json!({"createBackup": {"name": name, "backup_type": kind, "rotation": rotation}});
    action(ctx, &sdk::id_of(&server), body, version)?;
    let image = sdk::find_one(ctx, &IMAGE, IMAGE.base_path, &name, &[])?;
    if args.flag("wait") {
        if wait_for_image(ctx, &sdk::id_of(&image), true)? {
            use std::io::Write;
            // The newline after the progress; a closed stdout changes nothing.
            let _ = std::io::stdout().write_all(b"\n");
        } else {
            let shown = args.str("name").unwrap_or("None");
            return Err(command_error(format!(
                "Error creating server backup: {shown}"
            )));
        }
    }
    Ok(Output::show(format_image(&image)))
}
