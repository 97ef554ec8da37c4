//! `server_migration` commands (OSC's `openstackclient/compute/v2/server_migration.py`).

use cliff::Value;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Value as Json};

use super::server_common::{
    self as common, command_error, find_server, require, require_option, supports,
};
use crate::resources::{
    MIGRATION, MIGRATION_MAX_MICROVERSION, SERVER_MIGRATION, SERVER_MIGRATION_MAX_MICROVERSION,
};
use openstack_sdk as sdk;
use openstack_sdk::{Call, Param};

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
        identity::common::add_project_domain_option(parser);
        parser.add(Arg::option(&["--user"]).metavar("<user>").help("Filter migrations by user (name or ID) (supported with --os-compute-api-version 2.80 or above)"));
        identity::common::add_user_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_migration(ctx, args)
    }
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

fn arg<'a>(args: &'a Args, dest: &str) -> &'a str {
    args.str(dest).unwrap_or("")
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// Python's `uuid.UUID(text)` accepting the text.
fn is_uuid(text: &str) -> bool {
    let hex: String = text
        .trim_start_matches("urn:")
        .trim_start_matches("uuid:")
        .trim_matches(|c| c == '{' || c == '}')
        .replace('-', "");
    hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// The checks `server migration show|abort|force complete` make on `<migration>`.
fn check_migration_argument(
    ctx: &mut ClientManager,
    migration: &str,
    by_uuid_message: &str,
) -> Result<()> {
    if is_digits(migration) {
        return Ok(());
    }
    if !is_uuid(migration) {
        return Err(command_error(
            "The <migration> argument must be an ID or UUID",
        ));
    }
    require(ctx, "2.59", by_uuid_message)
}

fn server_migrations_path(server_id: &str) -> String {
    SERVER_MIGRATION.path(&[("server_id", server_id)])
}

/// `_get_migration_by_uuid`.
fn migration_by_uuid(ctx: &mut ClientManager, server_id: &str, uuid: &str) -> Result<Json> {
    common::use_class(ctx, SERVER_MIGRATION_MAX_MICROVERSION)?;
    let migrations = sdk::list(
        ctx,
        &SERVER_MIGRATION,
        &server_migrations_path(server_id),
        &[],
        None,
    )?;
    migrations
        .into_iter()
        .find(|m| sdk::str_of(m, "uuid") == Some(uuid))
        .ok_or_else(|| {
            command_error(format!(
                "In-progress live migration {uuid} is not found for server {server_id}"
            ))
        })
}

fn abort_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    require(
        ctx,
        "2.24",
        "--os-compute-api-version 2.24 or greater is required to support the server migration abort command",
    )?;
    let migration = arg(args, "migration");
    check_migration_argument(
        ctx,
        migration,
        "--os-compute-api-version 2.59 or greater is required to abort server migrations by UUID",
    )?;
    let server_id = sdk::id_of(&find_server(ctx, arg(args, "server"), true, false)?);
    let migration_id = if is_digits(migration) {
        migration.to_owned()
    } else {
        sdk::id_of(&migration_by_uuid(ctx, &server_id, migration)?)
    };
    common::use_class(ctx, SERVER_MIGRATION_MAX_MICROVERSION)?;
    let path = sdk::item_path(&server_migrations_path(&server_id), &migration_id);
    sdk::delete(ctx, &SERVER_MIGRATION, &path, false)?;
    Ok(Output::ok())
}

fn confirm_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    super::server_action::resize_confirm(ctx, args)
}

fn revert_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    super::server_action::resize_revert(ctx, args)
}

fn force_complete_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    require(
        ctx,
        "2.22",
        "--os-compute-api-version 2.22 or greater is required to support the server migration force complete \
         command",
    )?;
    let migration = arg(args, "migration");
    check_migration_argument(
        ctx,
        migration,
        "--os-compute-api-version 2.59 or greater is required to abort server migrations by UUID",
    )?;
    let server_id = sdk::id_of(&find_server(ctx, arg(args, "server"), true, false)?);
    let migration_id = if is_digits(migration) {
        migration.to_owned()
    } else {
        sdk::id_of(&migration_by_uuid(ctx, &server_id, migration)?)
    };
    common::use_class(ctx, SERVER_MIGRATION_MAX_MICROVERSION)?;
    let path = format!(
        "{}/action",
        sdk::item_path(&server_migrations_path(&server_id), &migration_id)
    );
    Call::new(common::COMPUTE, Method::Post, path)
        .body(json!({"force_complete": null}))
        .send(ctx)?;
    Ok(Output::ok())
}

fn list_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut params: Vec<Param> = Vec::new();
    if let Some(host) = args.str("host") {
        params.push(("host", Some(host.to_owned())));
    }
    if let Some(status) = args.str("status") {
        params.push(("status", Some(status.to_owned())));
    }
    if let Some(server) = args.str("server").filter(|s| !s.is_empty()) {
        let server = find_server(ctx, server, true, false)?;
        params.push(("server_id", Some(sdk::id_of(&server))));
    }
    if let Some(kind) = args.str("type").filter(|s| !s.is_empty()) {
        let kind = if kind == "cold-migration" {
            "migration"
        } else {
            kind
        };
        params.push(("migration_type", Some(kind.to_owned())));
    }
    if let Some(marker) = args.str("marker").filter(|s| !s.is_empty()) {
        require_option(ctx, "2.59", "--marker")?;
        params.push(("marker", Some(marker.to_owned())));
    }
    let limit = args.int("limit").filter(|l| *l != 0);
    if let Some(limit) = limit {
        require_option(ctx, "2.59", "--limit")?;
        params.push(("limit", Some(limit.to_string())));
    }
    let max_items = args.int("max_items").and_then(|m| usize::try_from(m).ok());
    if let Some(since) = args.str("changes_since").filter(|s| !s.is_empty()) {
        require_option(ctx, "2.59", "--changes-since")?;
        params.push(("changes_since", Some(since.to_owned())));
    }
    if let Some(before) = args.str("changes_before").filter(|s| !s.is_empty()) {
        require_option(ctx, "2.66", "--changes-before")?;
        params.push(("changes_before", Some(before.to_owned())));
    }
    let project = args.str("project").filter(|s| !s.is_empty());
    if let Some(project) = project {
        require_option(ctx, "2.80", "--project")?;
        let id = identity::common::find_project_id_sdk(
            ctx,
            project,
            args.str("project_domain"),
            true,
            None,
        )?;
        params.push(("project_id", Some(id)));
    }
    let user = args.str("user").filter(|s| !s.is_empty());
    if let Some(user) = user {
        require_option(ctx, "2.80", "--user")?;
        let id = identity::common::find_user_id_sdk(ctx, user, args.str("user_domain"), true)?;
        params.push(("user_id", Some(id)));
    }
    common::use_class(ctx, MIGRATION_MAX_MICROVERSION)?;
    let migrations = if limit.is_some() {
        let answer = Call::new(common::COMPUTE, Method::Get, MIGRATION.base_path)
            .query(MIGRATION.transpose(&params))
            .json(ctx)?;
        answer
            .get(MIGRATION.plural)
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default()
    } else {
        sdk::list(ctx, &MIGRATION, MIGRATION.base_path, &params, max_items)?
    };
    let mut columns: Vec<(&str, &str)> = vec![
        ("Source Node", "source_node"),
        ("Dest Node", "dest_node"),
        ("Source Compute", "source_compute"),
        ("Dest Compute", "dest_compute"),
        ("Dest Host", "dest_host"),
        ("Status", "status"),
        ("Server UUID", "instance_uuid"),
        ("Old Flavor", "old_instance_type_id"),
        ("New Flavor", "new_instance_type_id"),
        ("Created At", "created_at"),
        ("Updated At", "updated_at"),
    ];
    if supports(ctx, "2.59")? {
        columns.insert(0, ("UUID", "uuid"));
    }
    if supports(ctx, "2.23")? {
        columns.insert(0, ("Id", "id"));
        columns.insert(columns.len() - 2, ("Type", "migration_type"));
    }
    if supports(ctx, "2.80")? {
        if project.is_some() {
            columns.insert(columns.len() - 2, ("Project", "project_id"));
        }
        if user.is_some() {
            columns.insert(columns.len() - 2, ("User", "user_id"));
        }
    }
    let rows = migrations
        .iter()
        .map(|m| columns.iter().map(|(_, key)| sdk::attr(m, key)).collect())
        .collect();
    Ok(Output::List {
        columns: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
        rows,
    })
}

fn show_migration(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    require(
        ctx,
        "2.24",
        "--os-compute-api-version 2.24 or greater is required to support the server migration show command",
    )?;
    let migration = arg(args, "migration");
    check_migration_argument(
        ctx,
        migration,
        "--os-compute-api-version 2.59 or greater is required to retrieve server migrations by UUID",
    )?;
    let server_id = sdk::id_of(&find_server(ctx, arg(args, "server"), true, false)?);
    let found = if is_digits(migration) {
        // OSC passes the two IDs to `get_server_migration` the other way round: the server's ID as the migration
        // and the migration's as the server, and fails (or succeeds) as that request does.
        common::use_class(ctx, SERVER_MIGRATION_MAX_MICROVERSION)?;
        sdk::get(
            ctx,
            &SERVER_MIGRATION,
            &server_migrations_path(migration),
            &server_id,
        )?
    } else {
        migration_by_uuid(ctx, &server_id, migration)?
    };
    let mut columns: Vec<(&str, &str)> = vec![
        ("ID", "id"),
        ("Server UUID", "server_uuid"),
        ("Status", "status"),
        ("Source Compute", "source_compute"),
        ("Source Node", "source_node"),
        ("Dest Compute", "dest_compute"),
        ("Dest Host", "dest_host"),
        ("Dest Node", "dest_node"),
        ("Memory Total Bytes", "memory_total_bytes"),
        ("Memory Processed Bytes", "memory_processed_bytes"),
        ("Memory Remaining Bytes", "memory_remaining_bytes"),
        ("Disk Total Bytes", "disk_total_bytes"),
        ("Disk Processed Bytes", "disk_processed_bytes"),
        ("Disk Remaining Bytes", "disk_remaining_bytes"),
        ("Created At", "created_at"),
        ("Updated At", "updated_at"),
    ];
    if supports(ctx, "2.59")? {
        columns.push(("UUID", "uuid"));
    }
    if supports(ctx, "2.80")? {
        columns.push(("User ID", "user_id"));
        columns.push(("Project ID", "project_id"));
    }
    let rows = columns
        .iter()
        .map(|(header, key)| {
            let value = if *key == "server_uuid" {
                Value::str(server_id.clone())
            } else {
                sdk::attr(&found, key)
            };
            ((*header).to_owned(), value)
        })
        .collect();
    Ok(Output::show(rows))
}
