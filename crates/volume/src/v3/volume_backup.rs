//! `volume backup create|volume backup delete|volume backup list|volume backup restore|volume backup set|volume backup show|volume backup unset` (OSC `volume/v3/volume_backup.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use cliff::Value;
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::BACKUP;
use crate::v3::volume::find_volume;
use crate::v3::volume_snapshot::{find_snapshot, volume_id_column, volume_names};
use openstack_sdk::{Param, Res};

/// `volume backup create`.
pub struct CreateVolumeBackup;

impl Command<ClientManager> for CreateVolumeBackup {
    fn description(&self) -> &str {
        "Create new volume backup"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to backup (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name of the backup"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the backup"),
        );
        parser.add(
            Arg::option(&["--container"])
                .metavar("<container>")
                .help("Optional backup container name"),
        );
        parser.add(
            Arg::option(&["--snapshot"])
                .metavar("<snapshot>")
                .help("Snapshot to backup (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Allow to back up an in-use volume"),
        );
        parser.add(
            Arg::option(&["--incremental"])
                .flag()
                .help("Perform an incremental backup"),
        );
        parser.add(
            Arg::option(&["--no-incremental"])
                .action(Action::StoreFalse)
                .help("Do not perform an incremental backup"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Set a property on this backup (repeat option to remove multiple values) (supported by --os-volume-api-version 3.43 or above)"));
        parser.add(Arg::option(&["--availability-zone"]).metavar("<zone-name>").help("AZ where the backup should be stored; by default it will be the same as the source (supported by --os-volume-api-version 3.51 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_volume_backup(ctx, args)
    }
}

/// `volume backup delete`.
pub struct DeleteVolumeBackup;

impl Command<ClientManager> for DeleteVolumeBackup {
    fn description(&self) -> &str {
        "Delete volume backup(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backups")
                .nargs(Nargs::OneOrMore)
                .metavar("<backup>")
                .help("Backup(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Allow delete in state other than error or available"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_volume_backup(ctx, args)
    }
}

/// `volume backup list`.
pub struct ListVolumeBackup;

impl Command<ClientManager> for ListVolumeBackup {
    fn description(&self) -> &str {
        "List volume backups"
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
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Filters results by the backup name"),
        );
        parser.add(Arg::option(&["--status"]).choices(&["creating", "available", "deleting", "error", "restoring", "error_restoring"]).metavar("<status>").help("Filters results by the backup status, one of: creating, available, deleting, error, restoring or error_restoring"));
        parser.add(
            Arg::option(&["--volume"])
                .metavar("<volume>")
                .help("Filters results by the volume which they backup (name or ID)"),
        );
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
        parser.add(Arg::option(&["--max-items"]).check(common::non_negative_max_items).int().metavar("<max-items>").help("The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size."));
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Include all projects (admin only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_volume_backup(ctx, args)
    }
}

/// `volume backup restore`.
pub struct RestoreVolumeBackup;

impl Command<ClientManager> for RestoreVolumeBackup {
    fn description(&self) -> &str {
        "Restore volume backup"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to restore (name or ID)"),
        );
        parser.add(Arg::positional("volume").nargs(Nargs::Optional).metavar("<volume>").help("Volume to restore to (name or ID for existing volume, name only for new volume) (default to None)"));
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Restore the backup to an existing volume (default to False)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        restore_volume_backup(ctx, args)
    }
}

/// `volume backup set`.
pub struct SetVolumeBackup;

impl Command<ClientManager> for SetVolumeBackup {
    fn description(&self) -> &str {
        "Set volume backup properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New backup name (supported by --os-volume-api-version 3.9 or above)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New backup description (supported by --os-volume-api-version 3.9 or above)"),
        );
        parser.add(Arg::option(&["--state"]).choices(&["available", "error"]).metavar("<state>").help("New backup state (\"available\" or \"error\") (admin only) (This option simply changes the state of the backup in the database with no regard to actual status; exercise caution when using)"));
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from this backup (specify both --no-property and --property to remove the current properties before setting new properties)"));
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Set a property on this backup (repeat option to set multiple values) (supported by --os-volume-api-version 3.43 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_volume_backup(ctx, args)
    }
}

/// `volume backup show`.
pub struct ShowVolumeBackup;

impl Command<ClientManager> for ShowVolumeBackup {
    fn description(&self) -> &str {
        "Display volume backup details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_volume_backup(ctx, args)
    }
}

/// `volume backup unset`.
pub struct UnsetVolumeBackup;

impl Command<ClientManager> for UnsetVolumeBackup {
    fn description(&self) -> &str {
        "Unset volume backup properties.\n\nThis command requires ``--os-volume-api-version`` 3.43 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("backup")
                .metavar("<backup>")
                .help("Backup to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .metavar("<key>")
                .help(
                    "Property to remove from this backup (repeat option to unset multiple values) ",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unset_volume_backup(ctx, args)
    }
}

/// openstacksdk's attribute names for Backup's body keys.
const RENAMES: [(&str, &str); 1] = [("os-backup-project-attr:project_id", "project_id")];

/// `find_backup(name_or_id, ignore_missing=False)` (the proxy lists `/backups/detail`).
pub fn find_backup(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    api::find_in(ctx, &BACKUP, "/backups/detail", name_or_id, &[])
}

/// `utils.get_dict_properties(backup, columns)` over the attribute names.
fn backup_show(backup: &Json, columns: &[&str]) -> Output {
    let dict = api::to_dict_as(&BACKUP, backup, &RENAMES);
    common::show(
        columns
            .iter()
            .map(|c| {
                let value = dict
                    .iter()
                    .find(|(k, _)| k == c)
                    .map_or(Value::Null, |(_, v)| common::val(v));
                ((*c).to_owned(), value)
            })
            .collect(),
    )
}

fn create_volume_backup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume_id = common::id(&fail(find_volume(ctx, common::arg(args, "volume")))?);
    let mut attrs = Map::new();
    attrs.insert("volume_id".into(), Json::from(volume_id));
    attrs.insert(
        "container".into(),
        args.str("container").map_or(Json::Null, Json::from),
    );
    attrs.insert(
        "name".into(),
        args.str("name").map_or(Json::Null, Json::from),
    );
    attrs.insert(
        "description".into(),
        args.str("description").map_or(Json::Null, Json::from),
    );
    attrs.insert("force".into(), Json::Bool(args.flag("force")));
    attrs.insert("incremental".into(), Json::Bool(args.flag("incremental")));
    if let Some(snapshot) = args.str("snapshot").filter(|s| !s.is_empty()) {
        attrs.insert(
            "snapshot_id".into(),
            Json::from(common::id(&fail(find_snapshot(ctx, snapshot))?)),
        );
    }
    let properties = common::key_values_json(args, "properties", "--property")?;
    if !properties.is_empty() {
        fail(api::require(ctx, "3.43", "--property option"))?;
        attrs.insert("metadata".into(), Json::Object(properties));
    }
    if let Some(zone) = args.str("availability_zone").filter(|s| !s.is_empty()) {
        fail(api::require(ctx, "3.51", "--availability-zone option"))?;
        attrs.insert("availability_zone".into(), Json::from(zone));
    }
    let backup = fail(api::create(ctx, &BACKUP, "/backups", attrs))?;
    Ok(backup_show(&backup, &["id", "name", "volume_id"]))
}

fn delete_volume_backup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let force = args.flag("force");
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("backups"),
        |ctx, name| {
            let id = common::id(&find_backup(ctx, name)?);
            if force {
                api::action(ctx, &BACKUP, &id, "os-force_delete", Json::Null).map(|_| ())
            } else {
                api::delete(
                    ctx,
                    &BACKUP,
                    &openstack_sdk::item_path("/backups", &id),
                    false,
                )
            }
        },
        |item, err| format!("Failed to delete backup with name or ID '{item}': {err}"),
        |errors, total| format!("{errors} of {total} backups failed to delete."),
    )
}

fn list_volume_backup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let long = args.flag("long");
    let mut columns = vec![
        "ID",
        "Name",
        "Description",
        "Status",
        "Size",
        "Incremental",
        "Created At",
    ];
    if long {
        columns.extend(["Availability Zone", "Volume", "Container"]);
    }
    let volumes = volume_names(ctx);
    let mut all_tenants = args.flag("all_projects");
    let mut params: Vec<Param> = Vec::new();
    let mut project_id = None;
    if let Some(project) = args.str("project").filter(|s| !s.is_empty()) {
        all_tenants = true;
        let found = fail(openstack_sdk::find_one(
            ctx,
            &identity::resources::PROJECT,
            identity::resources::PROJECT.base_path,
            project,
            &[],
        ))?;
        project_id = Some(common::id(&found));
    }
    if let Some(volume) = args.str("volume").filter(|s| !s.is_empty()) {
        let id = match find_volume(ctx, volume) {
            Ok(found) => common::id(&found),
            Err(e) => return Err(e.into()),
        };
        params.push(("volume_id", Some(id)));
    }
    let marker = match args.str("marker").filter(|s| !s.is_empty()) {
        Some(marker) => Some(common::id(&fail(find_backup(ctx, marker))?)),
        None => None,
    };
    if let Some(name) = args.str("name") {
        params.push(("name", Some(name.to_owned())));
    }
    if let Some(status) = args.str("status") {
        params.push(("status", Some(status.to_owned())));
    }
    params.push(("all_tenants", Some(openstack_sdk::py_bool(all_tenants))));
    if let Some(marker) = marker {
        params.push(("marker", Some(marker)));
    }
    if let Some(limit) = args.int("limit") {
        params.push(("limit", Some(limit.to_string())));
    }
    if let Some(project_id) = project_id {
        params.push(("project_id", Some(project_id)));
    }
    let max_items = args.int("max_items").map(|m| m as usize);
    let data = fail(api::list(
        ctx,
        &BACKUP,
        "/backups/detail",
        &params,
        max_items,
    ))?;
    let rows = data
        .iter()
        .map(|b| {
            let mut row: Vec<Value> = [
                "id",
                "name",
                "description",
                "status",
                "size",
                "is_incremental",
                "created_at",
            ]
            .iter()
            .map(|k| common::field(b, k))
            .collect();
            if long {
                row.push(common::field(b, "availability_zone"));
                row.push(volume_id_column(
                    b.get("volume_id").unwrap_or(&Json::Null),
                    &volumes,
                ));
                row.push(common::field(b, "container"));
            }
            row
        })
        .collect();
    Ok(common::list(&columns, rows))
}

fn restore_volume_backup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let backup = fail(find_backup(ctx, common::arg(args, "backup")))?;
    let given = args.str("volume");
    let (mut volume_id, mut volume_name) = (None, None);
    match given.map(|v| find_volume(ctx, v)) {
        Some(Ok(found)) => {
            if !args.flag("force") {
                return common::command_error(format!(
                    "Volume '{}' already exists; if you want to restore the backup to it you need to specify the \
                     '--force' option",
                    given.unwrap_or("")
                ));
            }
            volume_id = Some(common::id(&found));
        }
        _ => volume_name = given.map(str::to_owned),
    }
    let mut body = Map::new();
    if let Some(id) = volume_id.as_ref().filter(|s| !s.is_empty()) {
        body.insert("volume_id".into(), Json::from(id.clone()));
    }
    if let Some(name) = volume_name.as_ref().filter(|s| !s.is_empty()) {
        body.insert("name".into(), Json::from(name.clone()));
    }
    if body.is_empty() {
        return common::command_error("Either of `name` or `volume_id` must be specified.");
    }
    let path = format!(
        "{}/restore",
        openstack_sdk::item_path("/backups", &common::id(&backup))
    );
    let answer = fail(
        api::raw_call(ctx, Method::Post, &path)
            .and_then(|c| c.body(json!({"restore": body})).json(ctx)),
    )?;
    let restore = answer.get("restore").cloned().unwrap_or(Json::Null);
    Ok(common::show(vec![
        ("id".into(), common::field(&backup, "id")),
        ("volume_id".into(), common::field(&restore, "volume_id")),
        ("volume_name".into(), common::field(&restore, "volume_name")),
    ]))
}

fn set_volume_backup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let backup = fail(find_backup(ctx, common::arg(args, "backup")))?;
    let id = common::id(&backup);
    let mut result = 0;
    if let Some(state) = args.str("state").filter(|s| !s.is_empty()) {
        common::step(
            &mut result,
            "Failed to set backup state",
            api::action(
                ctx,
                &BACKUP,
                &id,
                "os-reset_status",
                json!({"status": state}),
            ),
        );
    }
    let mut changes = Map::new();
    for (dest, option) in [("name", "--name"), ("description", "--description")] {
        if let Some(value) = args.str(dest).filter(|s| !s.is_empty()) {
            fail(api::require(ctx, "3.9", &format!("{option} option")))?;
            changes.insert(dest.into(), Json::from(value));
        }
    }
    if args.flag("no_property") {
        fail(api::require(ctx, "3.43", "--no-property option"))?;
    }
    let properties = common::key_values_json(args, "properties", "--property")?;
    if !properties.is_empty() {
        fail(api::require(ctx, "3.43", "--property option"))?;
    }
    if fail(api::supports(ctx, "3.43"))? {
        let mut metadata = match backup.get("metadata") {
            Some(Json::Object(m)) if !args.flag("no_property") => m.clone(),
            _ => Map::new(),
        };
        metadata.extend(properties);
        changes.insert("metadata".into(), Json::Object(metadata));
    }
    if !changes.is_empty() {
        common::step(
            &mut result,
            "Failed to update backup name or description",
            api::update(
                ctx,
                &BACKUP,
                &openstack_sdk::item_path("/backups", &id),
                changes,
            ),
        );
    }
    if result > 0 {
        return common::command_error("One or more of the set operations failed");
    }
    Ok(Output::ok())
}

fn show_volume_backup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let backup = fail(find_backup(ctx, common::arg(args, "backup")))?;
    Ok(backup_show(
        &backup,
        &[
            "availability_zone",
            "container",
            "created_at",
            "data_timestamp",
            "description",
            "encryption_key_id",
            "fail_reason",
            "has_dependent_backups",
            "id",
            "is_incremental",
            "metadata",
            "name",
            "object_count",
            "project_id",
            "size",
            "snapshot_id",
            "status",
            "updated_at",
            "user_id",
            "volume_id",
        ],
    ))
}

fn unset_volume_backup(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.43", "--property option"))?;
    let backup = fail(find_backup(ctx, common::arg(args, "backup")))?;
    let mut metadata = backup
        .get("metadata")
        .and_then(Json::as_object)
        .cloned()
        .unwrap_or_default();
    for key in args.strings("properties") {
        if metadata.remove(&key).is_none() {
            log::warn!(
                "'{key}' is not a valid property for backup '{}'",
                common::arg(args, "backup")
            );
        }
    }
    // As OSC: the keys left over are the ones deleted.
    let keys: Vec<String> = metadata.keys().cloned().collect();
    fail(api::delete_metadata(
        ctx,
        &BACKUP,
        &common::id(&backup),
        &keys,
    ))?;
    Ok(Output::ok())
}
