//! `consistency group snapshot create|consistency group snapshot delete|consistency group snapshot list|consistency group snapshot show` (OSC `volume/v3/consistency_group_snapshot.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::Value;
use serde_json::{Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::CG_SNAPSHOT;
use crate::v3::consistency_group::find_cg;
use openstack_sdk::Res;

/// `consistency group snapshot create`.
pub struct CreateConsistencyGroupSnapshot;

impl Command<ClientManager> for CreateConsistencyGroupSnapshot {
    fn description(&self) -> &str {
        "Create new consistency group snapshot."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("snapshot_name")
                .nargs(Nargs::Optional)
                .metavar("<snapshot-name>")
                .help("Name of new consistency group snapshot (default to None)"),
        );
        parser.add(Arg::option(&["--consistency-group"]).metavar("<consistency-group>").help("Consistency group to snapshot (name or ID) (default to be the same as <snapshot-name>)"));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of this consistency group snapshot"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_consistency_group_snapshot(ctx, args)
    }
}

/// `consistency group snapshot delete`.
pub struct DeleteConsistencyGroupSnapshot;

impl Command<ClientManager> for DeleteConsistencyGroupSnapshot {
    fn description(&self) -> &str {
        "Delete consistency group snapshot(s)."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group_snapshot")
                .nargs(Nargs::OneOrMore)
                .metavar("<consistency-group-snapshot>")
                .help("Consistency group snapshot(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_consistency_group_snapshot(ctx, args)
    }
}

/// `consistency group snapshot list`.
pub struct ListConsistencyGroupSnapshot;

impl Command<ClientManager> for ListConsistencyGroupSnapshot {
    fn description(&self) -> &str {
        "List consistency group snapshots."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Show detail for all projects (admin only) (defaults to False)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--status"]).choices(&["available", "error", "creating", "deleting", "error_deleting"]).metavar("<status>").help("Filters results by a status (\"available\", \"error\", \"creating\", \"deleting\" or \"error_deleting\")"));
        parser.add(
            Arg::option(&["--consistency-group"])
                .metavar("<consistency-group>")
                .help("Filters results by a consistency group (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_consistency_group_snapshot(ctx, args)
    }
}

/// `consistency group snapshot show`.
pub struct ShowConsistencyGroupSnapshot;

impl Command<ClientManager> for ShowConsistencyGroupSnapshot {
    fn description(&self) -> &str {
        "Display consistency group snapshot details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group_snapshot")
                .metavar("<consistency-group-snapshot>")
                .help("Consistency group snapshot to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_consistency_group_snapshot(ctx, args)
    }
}

/// `_format_consistency_group_snapshot`.
fn format_cg_snapshot(snapshot: &Json) -> Output {
    let columns = [
        "consistencygroup_id",
        "created_at",
        "description",
        "id",
        "name",
        "status",
    ];
    common::show(
        columns
            .iter()
            .map(|k| ((*k).to_owned(), common::field(snapshot, k)))
            .collect(),
    )
}

/// `find_consistency_group_snapshot(name_or_id, ignore_missing=False)`.
pub fn find_cg_snapshot(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    api::find_in(ctx, &CG_SNAPSHOT, "/cgsnapshots/detail", name_or_id, &[])
}

fn create_consistency_group_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let group = args
        .str("consistency_group")
        .filter(|s| !s.is_empty())
        .or(args.str("snapshot_name"))
        .unwrap_or("None");
    let group_id = common::id(&fail(find_cg(ctx, group))?);
    let mut attrs = Map::new();
    attrs.insert("consistencygroup_id".into(), Json::from(group_id));
    attrs.insert(
        "name".into(),
        args.str("snapshot_name").map_or(Json::Null, Json::from),
    );
    attrs.insert(
        "description".into(),
        args.str("description").map_or(Json::Null, Json::from),
    );
    let snapshot = fail(api::create(ctx, &CG_SNAPSHOT, "/cgsnapshots", attrs))?;
    Ok(format_cg_snapshot(&snapshot))
}

fn delete_consistency_group_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("consistency_group_snapshot"),
        |ctx, name| {
            let snapshot = find_cg_snapshot(ctx, name)?;
            api::delete(
                ctx,
                &CG_SNAPSHOT,
                &openstack_sdk::item_path("/cgsnapshots", &common::id(&snapshot)),
                true,
            )
        },
        |item, err| {
            format!("Failed to delete consistency group snapshot with name or ID '{item}': {err}")
        },
        |errors, total| {
            format!("{errors} of {total} consistency group snapshots failed to delete.")
        },
    )
}

fn list_consistency_group_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let group_id = match args.str("consistency_group").filter(|s| !s.is_empty()) {
        Some(group) => Some(common::id(&fail(find_cg(ctx, group))?)),
        None => None,
    };
    let params = vec![
        (
            "all_tenants",
            Some(openstack_sdk::py_bool(args.flag("all_projects"))),
        ),
        ("status", args.str("status").map(str::to_owned)),
        ("consistencygroup_id", group_id),
    ];
    let data = fail(api::list(
        ctx,
        &CG_SNAPSHOT,
        "/cgsnapshots/detail",
        &params,
        None,
    ))?;
    let (headings, columns): (Vec<&str>, Vec<&str>) = if args.flag("long") {
        (
            vec![
                "ID",
                "Status",
                "ConsistencyGroup ID",
                "Name",
                "Description",
                "Created At",
            ],
            vec![
                "id",
                "status",
                "consistencygroup_id",
                "name",
                "description",
                "created_at",
            ],
        )
    } else {
        (vec!["ID", "Status", "Name"], vec!["id", "status", "name"])
    };
    let rows: Vec<Vec<Value>> = data
        .iter()
        .map(|s| columns.iter().map(|k| common::field(s, k)).collect())
        .collect();
    Ok(common::list(&headings, rows))
}

fn show_consistency_group_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let snapshot = fail(find_cg_snapshot(
        ctx,
        common::arg(args, "consistency_group_snapshot"),
    ))?;
    Ok(format_cg_snapshot(&snapshot))
}
