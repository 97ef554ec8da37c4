//! `volume group snapshot create|volume group snapshot delete|volume group snapshot list|volume group snapshot show` (OSC `volume/v3/volume_group_snapshot.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::Value;
use serde_json::{Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::{GROUP, GROUP_SNAPSHOT};
use openstack_sdk::Res;

/// `volume group snapshot create`.
pub struct CreateVolumeGroupSnapshot;

impl Command<ClientManager> for CreateVolumeGroupSnapshot {
    fn description(&self) -> &str {
        "Create a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_group")
                .metavar("<volume_group>")
                .help("Name or ID of volume group to create a snapshot of."),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name of the volume group snapshot."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of a volume group snapshot."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_volume_group_snapshot(ctx, args)
    }
}

/// `volume group snapshot delete`.
pub struct DeleteVolumeGroupSnapshot;

impl Command<ClientManager> for DeleteVolumeGroupSnapshot {
    fn description(&self) -> &str {
        "Delete a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Name or ID of volume group snapshot to delete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_volume_group_snapshot(ctx, args)
    }
}

/// `volume group snapshot list`.
pub struct ListVolumeGroupSnapshot;

impl Command<ClientManager> for ListVolumeGroupSnapshot {
    fn description(&self) -> &str {
        "Lists all volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater."
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
        list_volume_group_snapshot(ctx, args)
    }
}

/// `volume group snapshot show`.
pub struct ShowVolumeGroupSnapshot;

impl Command<ClientManager> for ShowVolumeGroupSnapshot {
    fn description(&self) -> &str {
        "Show detailed information for a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot")
                .metavar("<snapshot>")
                .help("Name or ID of volume group snapshot."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_volume_group_snapshot(ctx, args)
    }
}

/// `_format_group_snapshot`.
fn format_group_snapshot(snapshot: &Json) -> Output {
    let columns = [
        ("id", "ID"),
        ("status", "Status"),
        ("name", "Name"),
        ("description", "Description"),
        ("group_id", "Group"),
        ("group_type_id", "Group Type"),
    ];
    common::show(
        columns
            .iter()
            .map(|(k, h)| ((*h).to_owned(), common::field(snapshot, k)))
            .collect(),
    )
}

/// `find_group_snapshot(name_or_id, ignore_missing=False, details=...)`.
pub fn find_group_snapshot(ctx: &mut ClientManager, name_or_id: &str, details: bool) -> Res<Json> {
    let list_path = if details {
        "/group_snapshots/detail"
    } else {
        "/group_snapshots"
    };
    api::find_in(ctx, &GROUP_SNAPSHOT, list_path, name_or_id, &[])
}

fn create_volume_group_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.14",
        "'volume group snapshot create' command",
    ))?;
    let group = fail(api::find_in(
        ctx,
        &GROUP,
        "/groups",
        common::arg(args, "volume_group"),
        &[],
    ))?;
    let mut attrs = Map::new();
    attrs.insert("group_id".into(), Json::from(common::id(&group)));
    attrs.insert(
        "name".into(),
        args.str("name").map_or(Json::Null, Json::from),
    );
    attrs.insert(
        "description".into(),
        args.str("description").map_or(Json::Null, Json::from),
    );
    let snapshot = fail(api::create(ctx, &GROUP_SNAPSHOT, "/group_snapshots", attrs))?;
    Ok(format_group_snapshot(&snapshot))
}

fn delete_volume_group_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.14",
        "'volume group snapshot delete' command",
    ))?;
    let snapshot = fail(find_group_snapshot(
        ctx,
        common::arg(args, "snapshot"),
        false,
    ))?;
    let path = openstack_sdk::item_path("/group_snapshots", &common::id(&snapshot));
    fail(api::delete(ctx, &GROUP_SNAPSHOT, &path, true))?;
    Ok(Output::ok())
}

fn list_volume_group_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.14",
        "'volume group snapshot list' command",
    ))?;
    let mut params = Vec::new();
    if args.flag("all_projects") {
        params.push(("all_projects", Some("True".to_owned())));
    }
    let data = fail(api::list(
        ctx,
        &GROUP_SNAPSHOT,
        "/group_snapshots/detail",
        &params,
        None,
    ))?;
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

fn show_volume_group_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.14",
        "'volume group snapshot show' command",
    ))?;
    let snapshot = fail(find_group_snapshot(
        ctx,
        common::arg(args, "snapshot"),
        true,
    ))?;
    Ok(format_group_snapshot(&snapshot))
}
