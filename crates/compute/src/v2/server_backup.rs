//! `server_backup` commands (OSC's `openstackclient/compute/v2/server_backup.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

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
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
