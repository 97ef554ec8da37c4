//! `volume group add volume|volume group create|volume group delete|volume group failover|volume group list|volume group remove volume|volume group set|volume group show` (OSC `volume/v3/volume_group.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::{ArgValue, Value};
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::GROUP;
use crate::v3::volume::find_volume;
use crate::v3::volume_type::find_type;
use openstack_sdk::Res;

/// `volume group add volume`.
pub struct AddVolumesToGroup;

impl Command<ClientManager> for AddVolumesToGroup {
    fn description(&self) -> &str {
        "Add volume(s) to volume group."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of the volume group."),
        );
        parser.add(
            Arg::positional("volumes")
                .nargs(Nargs::OneOrMore)
                .metavar("<volume>")
                .help("Volume(s) to add to the group (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_volumes_to_group(ctx, args)
    }
}

/// `volume group create`.
pub struct CreateVolumeGroup;

impl Command<ClientManager> for CreateVolumeGroup {
    fn description(&self) -> &str {
        "Create a volume group.\n\nGeneric volume groups enable you to create a group of volumes and manage\nthem together.\n\nGeneric volume groups are more flexible than consistency groups. Currently\nvolume consistency groups only support consistent group snapshot. It\ncannot be extended easily to serve other purposes. A project may want to\nput volumes used in the same application together in a group so that it is\neasier to manage them together, and this group of volumes may or may not\nsupport consistent group snapshot. Generic volume group solve this problem.\nBy decoupling the tight relationship between the group construct and the\nconsistency concept, generic volume groups can be extended to support other\nfeatures in the future.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::positional("volume_group_type_legacy")
                .nargs(Nargs::Optional)
                .metavar("<volume_group_type>")
                .hidden(),
        );
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m1,
            Arg::positional("volume_types_legacy")
                .nargs(Nargs::ZeroOrMore)
                // `default=[]`: left empty, argparse does not count it against `--volume-type`.
                .default(cliff::ArgValue::List(Vec::new()))
                .metavar("<volume_type>")
                .hidden(),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--volume-group-type"])
                .metavar("<volume_group_type>")
                .help("Volume group type to use (name or ID)"),
        );
        parser.add_to_mutex(
            m1,
            Arg::option(&["--volume-type"])
                .dest("volume_types")
                .append()
                .metavar("<volume_type>")
                .help("Volume type(s) to use (name or ID) (required with --volume-group-type)"),
        );
        parser.add_to_mutex(m0, Arg::option(&["--source-group"]).metavar("<source-group>").help("Existing volume group to use (name or ID) (supported by --os-volume-api-version 3.14 or later)"));
        parser.add_to_mutex(m0, Arg::option(&["--group-snapshot"]).metavar("<group-snapshot>").help("Existing group snapshot to use (name or ID) (supported by --os-volume-api-version 3.14 or later)"));
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name of the volume group."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of a volume group."),
        );
        parser.add(Arg::option(&["--availability-zone"]).metavar("<availability-zone>").help("Availability zone for volume group. (not available if creating group from source)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_volume_group(ctx, args)
    }
}

/// `volume group delete`.
pub struct DeleteVolumeGroup;

impl Command<ClientManager> for DeleteVolumeGroup {
    fn description(&self) -> &str {
        "Delete a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of volume group to delete"),
        );
        parser.add(Arg::option(&["--force"]).flag().help("Delete the volume group even if it contains volumes. This will delete any remaining volumes in the group."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_volume_group(ctx, args)
    }
}

/// `volume group failover`.
pub struct FailoverVolumeGroup;

impl Command<ClientManager> for FailoverVolumeGroup {
    fn description(&self) -> &str {
        "Failover replication for a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.38 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of volume group to failover replication for."),
        );
        parser.add(
            Arg::option(&["--allow-attached-volume"])
                .flag()
                .help("Allow group with attached volumes to be failed over."),
        );
        parser.add(
            Arg::option(&["--disallow-attached-volume"])
                .dest("allow_attached_volume")
                .action(Action::StoreFalse)
                .default(false)
                .help("Disallow group with attached volumes to be failed over."),
        );
        parser.add(
            Arg::option(&["--secondary-backend-id"])
                .metavar("<backend_id>")
                .help("Secondary backend ID."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        failover_volume_group(ctx, args)
    }
}

/// `volume group list`.
pub struct ListVolumeGroup;

impl Command<ClientManager> for ListVolumeGroup {
    fn description(&self) -> &str {
        "Lists all volume groups.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Shows details for all projects (admin only)."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_volume_group(ctx, args)
    }
}

/// `volume group remove volume`.
pub struct RemoveVolumesFromGroup;

impl Command<ClientManager> for RemoveVolumesFromGroup {
    fn description(&self) -> &str {
        "Remove volume(s) from volume group."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of the volume group."),
        );
        parser.add(
            Arg::positional("volumes")
                .nargs(Nargs::OneOrMore)
                .metavar("<volume>")
                .help("Volume(s) to remove from the group (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_volumes_from_group(ctx, args)
    }
}

/// `volume group set`.
pub struct SetVolumeGroup;

impl Command<ClientManager> for SetVolumeGroup {
    fn description(&self) -> &str {
        "Update a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of volume group."),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New name for group."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New description for group."),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--enable-replication"]).action(Action::StoreTrue).default_none().help("Enable replication for group. (supported by --os-volume-api-version 3.38 or above)"));
        parser.add_to_mutex(m0, Arg::option(&["--disable-replication"]).dest("enable_replication").action(Action::StoreFalse).help("Disable replication for group. (supported by --os-volume-api-version 3.38 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_volume_group(ctx, args)
    }
}

/// `volume group show`.
pub struct ShowVolumeGroup;

impl Command<ClientManager> for ShowVolumeGroup {
    fn description(&self) -> &str {
        "Show detailed information for a volume group.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group")
                .metavar("<group>")
                .help("Name or ID of volume group."),
        );
        parser.add(Arg::option(&["--volumes"]).dest("show_volumes").action(Action::StoreTrue).default_none().help("Show volumes included in the group. (supported by --os-volume-api-version 3.25 or above)"));
        parser.add(Arg::option(&["--no-volumes"]).dest("show_volumes").action(Action::StoreFalse).help("Do not show volumes included in the group. (supported by --os-volume-api-version 3.25 or above)"));
        parser.add(Arg::option(&["--replication-targets"]).dest("show_replication_targets").action(Action::StoreTrue).default_none().help("Show replication targets for the group. (supported by --os-volume-api-version 3.38 or above)"));
        parser.add(Arg::option(&["--no-replication-targets"]).dest("show_replication_targets").action(Action::StoreFalse).help("Do not show replication targets for the group. (supported by --os-volume-api-version 3.38 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_volume_group(ctx, args)
    }
}

/// `_format_group`.
pub fn format_group(group: &Json) -> Output {
    let columns = [
        ("id", "ID"),
        ("status", "Status"),
        ("name", "Name"),
        ("description", "Description"),
        ("group_type", "Group Type"),
        ("volume_types", "Volume Types"),
        ("availability_zone", "Availability Zone"),
        ("created_at", "Created At"),
        ("volumes", "Volumes"),
        ("group_snapshot_id", "Group Snapshot ID"),
        ("source_group_id", "Source Group ID"),
    ];
    common::show(
        columns
            .iter()
            .map(|(k, h)| ((*h).to_owned(), common::field(group, k)))
            .collect(),
    )
}

/// `find_group(name_or_id, ignore_missing=False)` (the proxy lists `/groups/detail`).
pub fn find_group(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    api::find_in(ctx, &GROUP, "/groups/detail", name_or_id, &[])
}

fn get_group(ctx: &mut ClientManager, id: &str) -> Res<Json> {
    api::get(ctx, &GROUP, "/groups", id)
}

fn group_action(ctx: &mut ClientManager, group: &Json, body: Json) -> Res<Json> {
    let path = format!(
        "{}/action",
        openstack_sdk::item_path("/groups", &common::id(group))
    );
    api::call(ctx, &GROUP, Method::Post, &path)?
        .body(body)
        .json(ctx)
}

fn create_volume_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let legacy_type = args
        .str("volume_group_type_legacy")
        .filter(|s| !s.is_empty());
    if legacy_type.is_some() {
        log::warn!(
            "Passing volume group type and volume types as positional arguments is deprecated. Use the \
             --volume-group-type and --volume-type option arguments instead."
        );
    }
    let group_type = args
        .str("volume_group_type")
        .filter(|s| !s.is_empty())
        .or(legacy_type);
    let mut volume_types = args.strings("volume_types");
    volume_types.extend(args.strings("volume_types_legacy"));
    let text = |d: &str| args.str(d).map_or(Json::Null, Json::from);
    if let Some(group_type) = group_type {
        fail(api::require(ctx, "3.13", "'volume group create' command"))?;
        if volume_types.is_empty() {
            return common::command_error(
                "--volume-types is a required argument when creating a group from group type.",
            );
        }
        let type_id = common::id(&fail(crate::v3::volume_group_type::find_group_type(
            ctx, group_type,
        ))?);
        let mut type_ids = Vec::new();
        for volume_type in &volume_types {
            type_ids.push(Json::from(common::id(&fail(find_type(ctx, volume_type))?)));
        }
        let mut attrs = Map::new();
        attrs.insert("group_type".into(), Json::from(type_id));
        attrs.insert("volume_types".into(), Json::Array(type_ids));
        attrs.insert("name".into(), text("name"));
        attrs.insert("description".into(), text("description"));
        attrs.insert("availability_zone".into(), text("availability_zone"));
        let group = fail(api::create(ctx, &GROUP, "/groups", attrs))?;
        let group = fail(get_group(ctx, &common::id(&group)))?;
        return Ok(format_group(&group));
    }
    fail(api::require(
        ctx,
        "3.14",
        "'volume group create [--source-group|--group-snapshot]' command",
    ))?;
    let source = args.str("source_group");
    let snapshot = args.str("group_snapshot");
    if source.is_none() && snapshot.is_none() {
        return common::command_error(
            "Either --source-group <source_group> or '--group-snapshot <group_snapshot>' needs to be provided to run \
             the 'volume group create [--source-group|--group-snapshot]' command",
        );
    }
    if args.str("availability_zone").is_some_and(|s| !s.is_empty()) {
        log::warn!("'--availability-zone' option will not work if creating group from source.");
    }
    let source_id = match source.filter(|s| !s.is_empty()) {
        Some(s) => Json::from(common::id(&fail(find_group(ctx, s))?)),
        None => Json::Null,
    };
    let snapshot_id = match snapshot.filter(|s| !s.is_empty()) {
        Some(s) => Json::from(common::id(&fail(
            crate::v3::volume_group_snapshot::find_group_snapshot(ctx, s, true),
        )?)),
        None => Json::Null,
    };
    let body = json!({"create-from-src": {
        "name": text("name"),
        "description": text("description"),
        "group_snapshot_id": snapshot_id,
        "source_group_id": source_id,
    }});
    let answer = fail(
        api::call(ctx, &GROUP, Method::Post, "/groups/action").and_then(|c| c.body(body).json(ctx)),
    )?;
    let created = GROUP.sdk.unwrap_body(answer);
    let group = fail(get_group(ctx, &common::id(&created)))?;
    Ok(format_group(&group))
}

fn delete_volume_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.13", "'volume group delete' command"))?;
    let group = fail(find_group(ctx, common::arg(args, "group")))?;
    let done = group_action(
        ctx,
        &group,
        json!({"delete": {"delete-volumes": args.flag("force")}}),
    );
    match done {
        Err(e) if e.status() != Some(404) => Err(e.into()),
        _ => Ok(Output::ok()),
    }
}

fn set_volume_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.13", "'volume group set' command"))?;
    let mut group = fail(find_group(ctx, common::arg(args, "group")))?;
    if let ArgValue::Bool(enable) = args.get("enable_replication") {
        fail(api::require(
            ctx,
            "3.38",
            "'--enable-replication' or '--disable-replication' options",
        ))?;
        let action = if *enable {
            "enable_replication"
        } else {
            "disable_replication"
        };
        fail(group_action(ctx, &group, json!({action: null})))?;
    }
    let mut changes = Map::new();
    for dest in ["name", "description"] {
        if let Some(value) = args.str(dest) {
            changes.insert(dest.into(), Json::from(value));
        }
    }
    if !changes.is_empty() {
        let path = openstack_sdk::item_path("/groups", &common::id(&group));
        if let Some(updated) = fail(api::update(ctx, &GROUP, &path, changes.clone()))? {
            if let (Json::Object(map), Json::Object(new)) = (&mut group, updated) {
                map.extend(new);
            }
        }
        if let Json::Object(map) = &mut group {
            map.extend(changes);
        }
    }
    Ok(format_group(&group))
}

fn list_volume_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.13", "'volume group list' command"))?;
    let mut params = Vec::new();
    if args.flag("all_projects") {
        params.push(("all_projects", Some("True".to_owned())));
    }
    let data = fail(api::list(ctx, &GROUP, "/groups/detail", &params, None))?;
    let rows: Vec<Vec<Value>> = data
        .iter()
        .map(|g| {
            ["id", "status", "name"]
                .iter()
                .map(|k| common::field(g, k))
                .collect()
        })
        .collect();
    Ok(common::list(&["ID", "Status", "Name"], rows))
}

fn show_volume_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.13", "'volume group show' command"))?;
    let show_volumes = match args.get("show_volumes") {
        ArgValue::Bool(b) => Some(*b),
        _ => None,
    };
    if show_volumes.is_some() {
        fail(api::require(ctx, "3.25", "'--(no-)volumes' option"))?;
    }
    if matches!(args.get("show_replication_targets"), ArgValue::Bool(_)) {
        fail(api::require(
            ctx,
            "3.38",
            "'--(no-)replication-targets' option",
        ))?;
    }
    let given = common::arg(args, "group");
    let mut group = fail(find_group(ctx, given))?;
    if let Some(list_volume) = show_volumes {
        let path = openstack_sdk::item_path("/groups", &common::id(&group));
        let call = api::call(ctx, &GROUP, Method::Get, &path).map(|c| {
            c.query(vec![(
                "list_volume".into(),
                openstack_sdk::py_bool(list_volume),
            )])
            .error_message(format!("No Group found for {}", common::id(&group)))
        });
        group = GROUP.sdk.unwrap_body(fail(call.and_then(|c| c.json(ctx)))?);
    }
    Ok(format_group(&group))
}

fn failover_volume_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.38", "'volume group failover' command"))?;
    let group = fail(find_group(ctx, common::arg(args, "group")))?;
    let body = json!({"modify_body_for_action": {
        "allow_attached_volume": args.flag("allow_attached_volume"),
        "secondary_backend_id": args.str("secondary_backend_id"),
    }});
    fail(group_action(ctx, &group, body))?;
    Ok(Output::ok())
}

fn change_volumes(ctx: &mut ClientManager, args: &Args, key: &str) -> Result<Output> {
    let group = fail(find_group(ctx, common::arg(args, "group")))?;
    let mut ids = Vec::new();
    for volume in args.strings("volumes") {
        ids.push(common::id(&fail(find_volume(ctx, &volume))?));
    }
    let mut changes = Map::new();
    changes.insert(key.into(), Json::from(ids.join(",")));
    let path = openstack_sdk::item_path("/groups", &common::id(&group));
    fail(api::update(ctx, &GROUP, &path, changes))?;
    Ok(Output::ok())
}

fn add_volumes_to_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    change_volumes(ctx, args, "add_volumes")
}

fn remove_volumes_from_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    change_volumes(ctx, args, "remove_volumes")
}
