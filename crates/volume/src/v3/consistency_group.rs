//! `consistency group add volume|consistency group create|consistency group delete|consistency group list|consistency group remove volume|consistency group set|consistency group show` (OSC `volume/v3/consistency_group.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::Value;
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::common::fail;
use crate::resources::CONSISTENCY_GROUP;
use crate::v3::volume::find_volume;
use crate::v3::volume_type::find_type;

use crate::api;
use crate::common;
use openstack_sdk::{Failure, Res};

/// `consistency group add volume`.
pub struct AddVolumeToConsistencyGroup;

impl Command<ClientManager> for AddVolumeToConsistencyGroup {
    fn description(&self) -> &str {
        "Add volume(s) to consistency group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group")
                .metavar("<consistency-group>")
                .help("Consistency group to contain <volume> (name or ID)"),
        );
        parser.add(Arg::positional("volumes").nargs(Nargs::OneOrMore).metavar("<volume>").help("Volume(s) to add to <consistency-group> (name or ID) (repeat option to add multiple volumes)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_volume_to_consistency_group(ctx, args)
    }
}

/// `consistency group create`.
pub struct CreateConsistencyGroup;

impl Command<ClientManager> for CreateConsistencyGroup {
    fn description(&self) -> &str {
        "Create new consistency group."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .nargs(Nargs::Optional)
                .metavar("<name>")
                .help("Name of new consistency group (default to None)"),
        );
        let m0 = parser.add_mutex(None, true);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--volume-type"])
                .metavar("<volume-type>")
                .help("Volume type of this consistency group (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--source"])
                .metavar("<consistency-group>")
                .help("Existing consistency group (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--consistency-group-source"])
                .dest("source")
                .metavar("<consistency-group>")
                .hidden(),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--snapshot"])
                .metavar("<consistency-group-snapshot>")
                .help("Existing consistency group snapshot (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--consistency-group-snapshot"])
                .dest("snapshot")
                .metavar("<consistency-group-snapshot>")
                .hidden(),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of this consistency group"),
        );
        parser.add(Arg::option(&["--availability-zone"]).metavar("<availability-zone>").help("Availability zone for this consistency group (not available if creating consistency group from source)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_consistency_group(ctx, args)
    }
}

/// `consistency group delete`.
pub struct DeleteConsistencyGroup;

impl Command<ClientManager> for DeleteConsistencyGroup {
    fn description(&self) -> &str {
        "Delete consistency group(s)."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_groups")
                .nargs(Nargs::OneOrMore)
                .metavar("<consistency-group>")
                .help("Consistency group(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Allow delete in state other than error or available"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_consistency_group(ctx, args)
    }
}

/// `consistency group list`.
pub struct ListConsistencyGroup;

impl Command<ClientManager> for ListConsistencyGroup {
    fn description(&self) -> &str {
        "List consistency groups."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Show details for all projects. Admin only. (defaults to False)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_consistency_group(ctx, args)
    }
}

/// `consistency group remove volume`.
pub struct RemoveVolumeFromConsistencyGroup;

impl Command<ClientManager> for RemoveVolumeFromConsistencyGroup {
    fn description(&self) -> &str {
        "Remove volume(s) from consistency group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group")
                .metavar("<consistency-group>")
                .help("Consistency group containing <volume> (name or ID)"),
        );
        parser.add(Arg::positional("volumes").nargs(Nargs::OneOrMore).metavar("<volume>").help("Volume(s) to remove from <consistency-group> (name or ID) (repeat option to remove multiple volumes)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_volume_from_consistency_group(ctx, args)
    }
}

/// `consistency group set`.
pub struct SetConsistencyGroup;

impl Command<ClientManager> for SetConsistencyGroup {
    fn description(&self) -> &str {
        "Set consistency group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group")
                .metavar("<consistency-group>")
                .help("Consistency group to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New consistency group name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New consistency group description"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_consistency_group(ctx, args)
    }
}

/// `consistency group show`.
pub struct ShowConsistencyGroup;

impl Command<ClientManager> for ShowConsistencyGroup {
    fn description(&self) -> &str {
        "Display consistency group details."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group")
                .metavar("<consistency-group>")
                .help("Consistency group to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_consistency_group(ctx, args)
    }
}

/// OSC's `volume_v3.find_consistency_group`: GET by ID (any answer but 404 is final), then the list by name;
/// a miss or several matches are osc-lib's `NotFound` ("<name> not found", "multiple matches found for ...").
pub fn find_consistency_group(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    let path = openstack_sdk::item_path("/consistencygroups", name_or_id);
    match api::raw_call(ctx, Method::Get, &path)?.json(ctx) {
        Ok(body) => return Ok(body.get("consistencygroup").cloned().unwrap_or(Json::Null)),
        Err(f) if f.status() == Some(404) => {}
        Err(f) => return Err(f),
    }
    let body = api::raw_call(ctx, Method::Get, "/consistencygroups")?.json(ctx)?;
    let mut found = None;
    for group in body
        .get("consistencygroups")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        if group.get("name").and_then(Json::as_str) == Some(name_or_id) {
            if found.is_some() {
                return Err(Failure::command(format!(
                    "multiple matches found for {name_or_id} (HTTP 404)"
                )));
            }
            found = Some(group.clone());
        }
    }
    found.ok_or_else(|| Failure::command(format!("{name_or_id} not found (HTTP 404)")))
}

/// `_format_consistency_group`.
fn format_consistency_group(group: &Json) -> Output {
    let columns = [
        "availability_zone",
        "created_at",
        "description",
        "id",
        "name",
        "status",
        "volume_types",
    ];
    common::show(
        columns
            .iter()
            .map(|k| ((*k).to_owned(), common::field(group, k)))
            .collect(),
    )
}

/// `find_consistency_group(name_or_id, ignore_missing=False)` of openstacksdk.
pub fn find_cg(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    api::find_in(
        ctx,
        &CONSISTENCY_GROUP,
        "/consistencygroups/detail",
        name_or_id,
        &[],
    )
}

/// `_find_volumes`: the IDs found, joined by commas; each miss logged and counted.
fn find_volumes(ctx: &mut ClientManager, volumes: &[String]) -> (usize, String) {
    let mut result = 0;
    let mut ids = String::new();
    for volume in volumes {
        match find_volume(ctx, volume) {
            Ok(found) => {
                ids.push_str(&common::id(&found));
                ids.push(',');
            }
            Err(e) => {
                result += 1;
                log::error!("Failed to find volume with name or ID '{volume}':{e}");
            }
        }
    }
    (result, ids)
}

fn update_cg(ctx: &mut ClientManager, group: &Json, changes: Map<String, Json>) -> Res<()> {
    let path = openstack_sdk::item_path("/consistencygroups", &common::id(group));
    api::update(ctx, &CONSISTENCY_GROUP, &path, changes).map(|_| ())
}

fn change_volumes(ctx: &mut ClientManager, args: &Args, key: &str, verb: &str) -> Result<Output> {
    let volumes = args.strings("volumes");
    let (result, ids) = find_volumes(ctx, &volumes);
    if result > 0 {
        log::error!("{result} of {} volumes failed to {verb}.", volumes.len());
    }
    if !ids.is_empty() {
        let group = fail(find_cg(ctx, common::arg(args, "consistency_group")))?;
        let mut changes = Map::new();
        changes.insert(key.into(), Json::from(ids.trim_end_matches(',')));
        fail(update_cg(ctx, &group, changes))?;
    }
    Ok(Output::ok())
}

fn add_volume_to_consistency_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    change_volumes(ctx, args, "add_volumes", "add")
}

fn remove_volume_from_consistency_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    change_volumes(ctx, args, "remove_volumes", "remove")
}

fn create_consistency_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let text = |d: &str| args.str(d).map_or(Json::Null, Json::from);
    let group = if let Some(volume_type) = args.str("volume_type").filter(|s| !s.is_empty()) {
        let type_id = common::id(&fail(find_type(ctx, volume_type))?);
        let mut attrs = Map::new();
        attrs.insert("volume_types".into(), Json::from(type_id));
        attrs.insert("name".into(), text("name"));
        attrs.insert("description".into(), text("description"));
        attrs.insert("availability_zone".into(), text("availability_zone"));
        fail(api::create(
            ctx,
            &CONSISTENCY_GROUP,
            "/consistencygroups",
            attrs,
        ))?
    } else {
        if args.str("availability_zone").is_some_and(|s| !s.is_empty()) {
            log::warn!("'--availability-zone' option will not work if creating consistency group from source");
        }
        let (mut source_id, mut snapshot_id) = (Json::Null, Json::Null);
        if let Some(source) = args.str("source").filter(|s| !s.is_empty()) {
            source_id = Json::from(common::id(&fail(find_cg(ctx, source))?));
        } else if let Some(snapshot) = args.str("snapshot").filter(|s| !s.is_empty()) {
            source_id = Json::Null;
            snapshot_id = Json::from(common::id(&fail(
                crate::v3::consistency_group_snapshot::find_cg_snapshot(ctx, snapshot),
            )?));
        }
        let body = json!({"consistencygroup-from-src": {
            "name": text("name"),
            "description": text("description"),
            "cgsnapshot_id": snapshot_id,
            "source_cgid": source_id,
        }});
        let call = api::call(
            ctx,
            &CONSISTENCY_GROUP,
            Method::Post,
            "/consistencygroups/create_from_src",
        );
        CONSISTENCY_GROUP
            .sdk
            .unwrap_body(fail(call.and_then(|c| c.body(body).json(ctx)))?)
    };
    Ok(format_consistency_group(&group))
}

fn delete_consistency_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let force = args.flag("force");
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("consistency_groups"),
        |ctx, name| {
            let group = find_cg(ctx, name)?;
            let path = format!(
                "{}/delete",
                openstack_sdk::item_path("/consistencygroups", &common::id(&group))
            );
            let body = json!({"consistency_group": {"force": force}});
            api::call(ctx, &CONSISTENCY_GROUP, Method::Post, &path)?
                .body(body)
                .send(ctx)
                .map(|_| ())
        },
        |item, err| format!("Failed to delete consistency group with name or ID '{item}':{err}"),
        |errors, total| format!("{errors} of {total} consistency groups failed to delete."),
    )
}

fn list_consistency_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let params = vec![(
        "all_tenants",
        Some(openstack_sdk::py_bool(args.flag("all_projects"))),
    )];
    let data = fail(api::list(
        ctx,
        &CONSISTENCY_GROUP,
        "/consistencygroups/detail",
        &params,
        None,
    ))?;
    let long = args.flag("long");
    let (headings, columns): (Vec<&str>, Vec<&str>) = if long {
        (
            vec![
                "ID",
                "Status",
                "Availability Zone",
                "Name",
                "Description",
                "Volume Types",
            ],
            vec![
                "id",
                "status",
                "availability_zone",
                "name",
                "description",
                "volume_types",
            ],
        )
    } else {
        (vec!["ID", "Status", "Name"], vec!["id", "status", "name"])
    };
    let rows: Vec<Vec<Value>> = data
        .iter()
        .map(|g| {
            columns
                .iter()
                .map(|k| {
                    if *k == "volume_types" {
                        common::list_col(g.get(*k).unwrap_or(&Json::Null))
                    } else {
                        common::field(g, k)
                    }
                })
                .collect()
        })
        .collect();
    Ok(common::list(&headings, rows))
}

fn set_consistency_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut changes = Map::new();
    for dest in ["name", "description"] {
        if let Some(value) = args.str(dest).filter(|s| !s.is_empty()) {
            changes.insert(dest.into(), Json::from(value));
        }
    }
    if !changes.is_empty() {
        let group = fail(find_cg(ctx, common::arg(args, "consistency_group")))?;
        fail(update_cg(ctx, &group, changes))?;
    }
    Ok(Output::ok())
}

fn show_consistency_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let group = fail(find_cg(ctx, common::arg(args, "consistency_group")))?;
    Ok(format_consistency_group(&group))
}
