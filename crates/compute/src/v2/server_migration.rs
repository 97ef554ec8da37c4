//! `server_migration` commands (OSC's `openstackclient/compute/v2/server_migration.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

/// `server migration abort`.
pub struct AbortMigration;

impl Command<ClientManager> for AbortMigration {
    fn description(&self) -> &str {
        "Cancel an ongoing live migration.\n\nThis command requires ``--os-compute-api-version`` 2.24 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(
            Arg::positional("migration")
                .metavar("<migration>")
                .help("Migration (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        abort_migration(ctx, args)
    }
}

fn abort_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server migration confirm`.
pub struct ConfirmMigration;

impl Command<ClientManager> for ConfirmMigration {
    fn description(&self) -> &str {
        "Confirm server migration.\n\nConfirm (verify) success of the migration operation and release the old\nserver."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        confirm_migration(ctx, args)
    }
}

fn confirm_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server migration force complete`.
pub struct ForceCompleteMigration;

impl Command<ClientManager> for ForceCompleteMigration {
    fn description(&self) -> &str {
        "Force an ongoing live migration to complete.\n\nThis command requires ``--os-compute-api-version`` 2.22 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(
            Arg::positional("migration")
                .metavar("<migration>")
                .help("Migration (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        force_complete_migration(ctx, args)
    }
}

fn force_complete_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server migration list`.
pub struct ListMigration;

impl Command<ClientManager> for ListMigration {
    fn description(&self) -> &str {
        "List server migrations"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--server"])
                .metavar("<server>")
                .help("Filter migrations by server (name or ID)"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Filter migrations by source or destination host"),
        );
        parser.add(
            Arg::option(&["--status"])
                .metavar("<status>")
                .help("Filter migrations by status"),
        );
        parser.add(
            Arg::option(&["--type"])
                .choices(&["evacuation", "live-migration", "cold-migration", "resize"])
                .metavar("<type>")
                .help("Filter migrations by type"),
        );
        identity::pagination::add_marker_pagination_options(parser, true);
        parser.add(Arg::option(&["--changes-since"]).metavar("<changes-since>").help("List only migrations changed later or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.59 or above)"));
        parser.add(Arg::option(&["--changes-before"]).metavar("<changes-before>").help("List only migrations changed earlier or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.66 or above)"));
        parser.add(Arg::option(&["--project"]).metavar("<project>").help("Filter migrations by project (name or ID) (supported with --os-compute-api-version 2.80 or above)"));
        parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help("Domain the project belongs to (name or ID). This can be used in case collisions between project names exist."));
        parser.add(Arg::option(&["--user"]).metavar("<user>").help("Filter migrations by user (name or ID) (supported with --os-compute-api-version 2.80 or above)"));
        parser.add(Arg::option(&["--user-domain"]).metavar("<user-domain>").help("Domain the user belongs to (name or ID). This can be used in case collisions between user names exist."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_migration(ctx, args)
    }
}

fn list_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server migration revert`.
pub struct RevertMigration;

impl Command<ClientManager> for RevertMigration {
    fn description(&self) -> &str {
        "Revert server migration.\n\nRevert the migration operation. Release the new server and restart the old\none."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        revert_migration(ctx, args)
    }
}

fn revert_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server migration show`.
pub struct ShowMigration;

impl Command<ClientManager> for ShowMigration {
    fn description(&self) -> &str {
        "Show an in-progress live migration for a given server.\n\nNote that it is not possible to show cold migrations or completed\nlive-migrations. Use 'openstack server migration list' to get details for\nthese."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(
            Arg::positional("migration")
                .metavar("<migration>")
                .help("Migration (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_migration(ctx, args)
    }
}

fn show_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
