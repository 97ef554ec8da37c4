//! `volume snapshot create|volume snapshot delete|volume snapshot list|volume snapshot set|volume snapshot show|volume snapshot unset` (OSC `volume/v3/volume_snapshot.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use cliff::Value;
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::{SNAPSHOT, VOLUME};
use crate::v3::volume::find_volume;
use openstack_sdk::{Param, Res};

/// `volume snapshot create`.
pub struct CreateVolumeSnapshot;

impl Command<ClientManager> for CreateVolumeSnapshot {
    fn description(&self) -> &str {
        "Create new volume snapshot"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot_name")
                .metavar("<snapshot-name>")
                .help("Name of the new snapshot"),
        );
        parser.add(
            Arg::option(&["--volume"])
                .metavar("<volume>")
                .help("Volume to snapshot (name or ID) (default is <snapshot-name>)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the snapshot"),
        );
        parser.add(Arg::option(&["--force"]).flag().help("Allow snapshot of in-use (attached) volume. Only needed for microversions prior to 3.66; ignored for 3.66+"));
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help("Set a property to this snapshot (repeat option to set multiple properties)"),
        );
        parser.add(Arg::option(&["--remote-source"]).append().check(parseractions::key_value_check).metavar("<key=value>").help("The attribute(s) of the existing remote volume snapshot (admin required) (repeat option to specify multiple attributes) e.g.: '--remote-source source-name=test_name --remote-source source-id=test_id'"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_volume_snapshot(ctx, args)
    }
}

/// `volume snapshot delete`.
pub struct DeleteVolumeSnapshot;

impl Command<ClientManager> for DeleteVolumeSnapshot {
    fn description(&self) -> &str {
        "Delete volume snapshot(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshots")
                .nargs(Nargs::OneOrMore)
                .metavar("<snapshot>")
                .help("Snapshot(s) to delete (name or ID)"),
        );
        parser.add(Arg::option(&["--force"]).flag().help(
            "Attempt forced removal of snapshot(s), regardless of state (defaults to False)",
        ));
        parser.add(Arg::option(&["--remote"]).flag().help("Unmanage the snapshot, removing it from the Block Storage service management but not from the backend."));
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_volume_snapshot(ctx, args)
    }
}

/// `volume snapshot list`.
pub struct ListVolumeSnapshot;

impl Command<ClientManager> for ListVolumeSnapshot {
    fn description(&self) -> &str {
        "List volume snapshots"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Include all projects (admin only)"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Filter results by project (name or ID) (admin only)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Filters results by a name."),
        );
        parser.add(Arg::option(&["--status"]).choices(&["available", "error", "creating", "deleting", "error_deleting"]).metavar("<status>").help("Filters results by a status. ('available', 'error', 'creating', 'deleting' or 'error_deleting')"));
        parser.add(
            Arg::option(&["--volume"])
                .metavar("<volume>")
                .help("Filters results by a volume (name or ID)."),
        );
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
        parser.add(Arg::option(&["--max-items"]).check(common::non_negative_max_items).int().metavar("<max-items>").help("The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_volume_snapshot(ctx, args)
    }
}

/// `volume snapshot set`.
pub struct SetVolumeSnapshot;

impl Command<ClientManager> for SetVolumeSnapshot {
    fn description(&self) -> &str {
        "Set volume snapshot properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Snapshot to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New snapshot name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New snapshot description"),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from <snapshot> (specify both --no-property and --property to remove the current properties before setting new properties.)"));
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Property to add/change for this snapshot (repeat option to set multiple properties)"));
        parser.add(Arg::option(&["--state"]).choices(&["available", "error", "creating", "deleting", "error_deleting"]).metavar("<state>").help("New snapshot state. (\"available\", \"error\", \"creating\", \"deleting\", or \"error_deleting\") (admin only) (This option simply changes the state of the snapshot in the database with no regard to actual status, exercise caution when using)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_volume_snapshot(ctx, args)
    }
}

/// `volume snapshot show`.
pub struct ShowVolumeSnapshot;

impl Command<ClientManager> for ShowVolumeSnapshot {
    fn description(&self) -> &str {
        "Display volume snapshot details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Snapshot to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_volume_snapshot(ctx, args)
    }
}

/// `volume snapshot unset`.
pub struct UnsetVolumeSnapshot;

impl Command<ClientManager> for UnsetVolumeSnapshot {
    fn description(&self) -> &str {
        "Unset volume snapshot properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Snapshot to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key>").help("Property to remove from snapshot (repeat option to remove multiple properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unset_volume_snapshot(ctx, args)
    }
}

/// `_format_snapshot`: `to_dict(original_names=True)` less the ignored columns, `metadata` as `properties`.
pub fn format_snapshot(snapshot: &Json) -> Output {
    const IGNORED: [&str; 9] = [
        "location",
        "consumes_quota",
        "force",
        "group_snapshot_id",
        "os-extended-snapshot-attributes:progress",
        "os-extended-snapshot-attributes:project_id",
        "updated_at",
        "user_id",
        "links",
    ];
    let pairs = api::to_dict(&SNAPSHOT, snapshot)
        .into_iter()
        .filter(|(k, _)| !IGNORED.contains(&k.as_str()))
        .map(|(k, v)| {
            if k == "metadata" {
                ("properties".to_owned(), v)
            } else {
                (k, v)
            }
        })
        .collect();
    common::show_sorted(pairs, |key, value| match key {
        "properties" => common::dict_col(value),
        _ => common::val(value),
    })
}

/// `find_snapshot(name_or_id, ignore_missing=False)` (the proxy lists `/snapshots/detail`).
pub fn find_snapshot(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    api::find_in(ctx, &SNAPSHOT, "/snapshots/detail", name_or_id, &[])
}

fn create_volume_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume = args
        .str("volume")
        .filter(|s| !s.is_empty())
        .or(args.str("snapshot_name"))
        .unwrap_or("");
    let volume_id = common::id(&fail(find_volume(ctx, volume))?);
    let properties = common::key_values_json(args, "properties", "--property")?;
    let text = |dest: &str| args.str(dest).map_or(Json::Null, Json::from);
    let remote = common::key_values_json(args, "remote_source", "--remote-source")?;
    let snapshot = if !remote.is_empty() {
        if args.flag("force") {
            log::warn!(
                "'--force' option will not work when you create new volume snapshot from an existing remote volume \
                 snapshot"
            );
        }
        let body = json!({"snapshot": {
            "volume_id": volume_id,
            "ref": remote,
            "name": text("snapshot_name"),
            "description": text("description"),
            "metadata": properties,
        }});
        let answer = fail(
            api::call(ctx, &SNAPSHOT, Method::Post, "/manageable_snapshots")
                .and_then(|c| c.body(body).json(ctx)),
        )?;
        SNAPSHOT.sdk.unwrap_body(answer)
    } else {
        let mut attrs = Map::new();
        attrs.insert("volume_id".into(), Json::from(volume_id));
        if !fail(api::supports(ctx, "3.66"))? {
            attrs.insert("force".into(), Json::Bool(args.flag("force")));
        }
        attrs.insert("name".into(), text("snapshot_name"));
        attrs.insert("description".into(), text("description"));
        attrs.insert("metadata".into(), Json::Object(properties));
        fail(api::create(ctx, &SNAPSHOT, "/snapshots", attrs))?
    };
    Ok(format_snapshot(&snapshot))
}

fn delete_volume_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let (force, remote) = (args.flag("force"), args.flag("remote"));
    if remote && force {
        return common::command_error(
            "The --force option is not supported with the --remote parameter.",
        );
    }
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("snapshots"),
        |ctx, name| {
            let id = common::id(&find_snapshot(ctx, name)?);
            if remote {
                api::action(ctx, &SNAPSHOT, &id, "os-unmanage", Json::Null).map(|_| ())
            } else if force {
                api::action(ctx, &SNAPSHOT, &id, "os-force_delete", Json::Null).map(|_| ())
            } else {
                api::delete(
                    ctx,
                    &SNAPSHOT,
                    &openstack_sdk::item_path("/snapshots", &id),
                    true,
                )
            }
        },
        |item, err| format!("Failed to delete snapshot with name or ID '{item}': {err}"),
        |errors, total| format!("{errors} of {total} snapshots failed to delete."),
    )
}

/// The volumes by ID, for columns that show a volume's name (`volume_client.volumes()`); any failure leaves
/// it empty.
pub fn volume_names(ctx: &mut ClientManager) -> Vec<(String, Json)> {
    api::list(ctx, &VOLUME, "/volumes/detail", &[], None)
        .map(|volumes| {
            volumes
                .iter()
                .map(|v| (common::id(v), v.get("name").cloned().unwrap_or(Json::Null)))
                .collect()
        })
        .unwrap_or_default()
}

/// `VolumeIdColumn`: the volume's name when known, else the ID; the ID for machines.
pub fn volume_id_column(value: &Json, volumes: &[(String, Json)]) -> Value {
    let id = openstack_sdk::json_text(value);
    let human = volumes.iter().find(|(vid, _)| *vid == id).map_or_else(
        || osc_lib::utils::py_str(&common::val(value)),
        |(_, name)| osc_lib::utils::py_str(&common::val(name)),
    );
    Value::Column {
        human,
        machine: Box::new(common::val(value)),
    }
}

fn list_volume_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let long = args.flag("long");
    let mut columns = vec!["ID", "Name", "Description", "Status", "Size"];
    if long {
        columns.extend(["Created At", "Volume", "Properties"]);
    }
    let volumes = volume_names(ctx);
    let mut params: Vec<Param> = Vec::new();
    if let Some(volume) = args.str("volume").filter(|s| !s.is_empty()) {
        params.push((
            "volume_id",
            Some(common::id(&fail(find_volume(ctx, volume))?)),
        ));
    }
    let project = args.str("project").filter(|s| !s.is_empty());
    if let Some(project) = project {
        let id = fail(identity::common::find_project_id_sdk(
            ctx,
            project,
            args.str("project_domain"),
            true,
            None,
        ))?;
        params.push(("project_id", Some(id)));
    }
    let all_projects = project.is_some() || args.flag("all_projects");
    if all_projects {
        params.push(("all_projects", Some("True".into())));
    }
    for dest in ["marker", "name", "status"] {
        if let Some(v) = args.str(dest) {
            params.push((
                if dest == "marker" {
                    "marker"
                } else if dest == "name" {
                    "name"
                } else {
                    "status"
                },
                Some(v.to_owned()),
            ));
        }
    }
    if let Some(limit) = args.int("limit") {
        params.push(("limit", Some(limit.to_string())));
    }
    let max_items = args.int("max_items").map(|m| m as usize);
    let data = fail(api::list(
        ctx,
        &SNAPSHOT,
        "/snapshots/detail",
        &params,
        max_items,
    ))?;
    let rows = data
        .iter()
        .map(|s| {
            let mut row: Vec<Value> = ["id", "name", "description", "status", "size"]
                .iter()
                .map(|k| common::field(s, k))
                .collect();
            if long {
                row.push(common::field(s, "created_at"));
                row.push(volume_id_column(
                    s.get("volume_id").unwrap_or(&Json::Null),
                    &volumes,
                ));
                row.push(common::dict_col(s.get("metadata").unwrap_or(&Json::Null)));
            }
            row
        })
        .collect();
    Ok(common::list(&columns, rows))
}

fn set_volume_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let snapshot = fail(find_snapshot(ctx, common::arg(args, "snapshot")))?;
    let id = common::id(&snapshot);
    let mut result = 0;
    if args.flag("no_property") {
        common::step(
            &mut result,
            "Failed to clean snapshot properties",
            api::delete_metadata(ctx, &SNAPSHOT, &id, &api::metadata_keys(&snapshot)),
        );
    }
    let properties = common::key_values_json(args, "properties", "--property")?;
    if !properties.is_empty() {
        common::step(
            &mut result,
            "Failed to set snapshot property",
            api::set_metadata(ctx, &SNAPSHOT, &id, properties),
        );
    }
    if let Some(state) = args.str("state").filter(|s| !s.is_empty()) {
        common::step(
            &mut result,
            "Failed to set snapshot state",
            api::action(
                ctx,
                &SNAPSHOT,
                &id,
                "os-reset_status",
                json!({"status": state}),
            ),
        );
    }
    let mut changes = Map::new();
    for dest in ["name", "description"] {
        if let Some(value) = args.str(dest).filter(|s| !s.is_empty()) {
            changes.insert(dest.into(), Json::from(value));
        }
    }
    if !changes.is_empty() {
        common::step(
            &mut result,
            "Failed to update snapshot name or description",
            api::update(
                ctx,
                &SNAPSHOT,
                &openstack_sdk::item_path("/snapshots", &id),
                changes,
            ),
        );
    }
    if result > 0 {
        return common::command_error("One or more of the set operations failed");
    }
    Ok(Output::ok())
}

fn show_volume_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let snapshot = fail(find_snapshot(ctx, common::arg(args, "snapshot")))?;
    Ok(format_snapshot(&snapshot))
}

fn unset_volume_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let snapshot = fail(find_snapshot(ctx, common::arg(args, "snapshot")))?;
    let properties = args.strings("properties");
    if !properties.is_empty() {
        fail(api::delete_metadata(
            ctx,
            &SNAPSHOT,
            &common::id(&snapshot),
            &properties,
        ))?;
    }
    Ok(Output::ok())
}
