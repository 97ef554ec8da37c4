//! `block storage cluster list|block storage cluster set|block storage cluster show` (OSC `volume/v3/block_storage_cluster.py`).

use cliff::argparse::Action;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::{ArgValue, Value};
use osc_lib::Method;
use serde_json::{Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::CLUSTER;

/// `block storage cluster list`.
pub struct ListBlockStorageCluster;

impl Command<ClientManager> for ListBlockStorageCluster {
    fn description(&self) -> &str {
        "List block storage clusters.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--cluster"]).metavar("<name>").help("Filter by cluster name, without backend will list all clustered services from the same cluster."));
        parser.add(
            Arg::option(&["--binary"])
                .metavar("<binary>")
                .help("Cluster binary."),
        );
        parser.add(
            Arg::option(&["--up"])
                .dest("is_up")
                .action(Action::StoreTrue)
                .default_none()
                .help("Filter by up status."),
        );
        parser.add(
            Arg::option(&["--down"])
                .dest("is_up")
                .action(Action::StoreFalse)
                .help("Filter by down status."),
        );
        parser.add(
            Arg::option(&["--disabled"])
                .dest("is_disabled")
                .action(Action::StoreTrue)
                .default_none()
                .help("Filter by disabled status."),
        );
        parser.add(
            Arg::option(&["--enabled"])
                .dest("is_disabled")
                .action(Action::StoreFalse)
                .help("Filter by enabled status."),
        );
        parser.add(
            Arg::option(&["--num-hosts"])
                .int()
                .metavar("<hosts>")
                .help("Filter by number of hosts in the cluster."),
        );
        parser.add(
            Arg::option(&["--num-down-hosts"])
                .int()
                .metavar("<hosts>")
                .help("Filter by number of hosts that are down."),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_block_storage_cluster(ctx, args)
    }
}

/// `block storage cluster set`.
pub struct SetBlockStorageCluster;

impl Command<ClientManager> for SetBlockStorageCluster {
    fn description(&self) -> &str {
        "Set block storage cluster properties.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("cluster")
                .metavar("<cluster>")
                .help("Name of block storage cluster to update (name only)"),
        );
        parser.add(
            Arg::option(&["--binary"])
                .default("cinder-volume")
                .metavar("<binary>")
                .help("Name of binary to filter by; defaults to 'cinder-volume' (optional)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--enable"])
                .dest("disabled")
                .action(Action::StoreFalse)
                .default_none()
                .help("Enable cluster"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--disable"])
                .dest("disabled")
                .flag()
                .help("Disable cluster"),
        );
        parser.add(
            Arg::option(&["--disable-reason"])
                .dest("disabled_reason")
                .metavar("<reason>")
                .help("Reason for disabling the cluster (should be used with --disable option)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_block_storage_cluster(ctx, args)
    }
}

/// `block storage cluster show`.
pub struct ShowBlockStorageCluster;

impl Command<ClientManager> for ShowBlockStorageCluster {
    fn description(&self) -> &str {
        "Show detailed information for a block storage cluster.\n\nThis command requires ``--os-volume-api-version`` 3.7 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("cluster")
                .metavar("<cluster>")
                .help("Name of block storage cluster."),
        );
        parser.add(
            Arg::option(&["--binary"])
                .metavar("<binary>")
                .help("Service binary."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_block_storage_cluster(ctx, args)
    }
}

/// `_format_cluster(cluster, detailed=True)`.
fn format_cluster(cluster: &Json) -> Output {
    let columns = [
        ("name", "Name"),
        ("binary", "Binary"),
        ("state", "State"),
        ("status", "Status"),
        ("disabled_reason", "Disabled Reason"),
        ("num_hosts", "Hosts"),
        ("num_down_hosts", "Down Hosts"),
        ("last_heartbeat", "Last Heartbeat"),
        ("created_at", "Created At"),
        ("updated_at", "Updated At"),
        ("replication_status", "Replication Status"),
        ("frozen", "Frozen"),
        ("active_backend_id", "Active Backend ID"),
    ];
    common::show(
        columns
            .iter()
            .map(|(k, h)| ((*h).to_owned(), common::field(cluster, k)))
            .collect(),
    )
}

fn list_block_storage_cluster(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.7",
        "'block storage cluster list' command",
    ))?;
    let tri = |d: &str| match args.get(d) {
        ArgValue::Bool(b) => Some(openstack_sdk::py_bool(*b)),
        _ => None,
    };
    let params = vec![
        ("name", args.str("cluster").map(str::to_owned)),
        ("binary", args.str("binary").map(str::to_owned)),
        ("is_up", tri("is_up")),
        ("disabled", tri("is_disabled")),
        ("num_hosts", args.int("num_hosts").map(|n| n.to_string())),
        (
            "num_down_hosts",
            args.int("num_down_hosts").map(|n| n.to_string()),
        ),
    ];
    let long = args.flag("long");
    let path = if long {
        "/clusters/detail"
    } else {
        "/clusters"
    };
    let data = fail(api::list(ctx, &CLUSTER, path, &params, None))?;
    let mut columns = vec!["Name", "Binary", "State", "Status"];
    if long {
        columns.extend([
            "Num Hosts",
            "Num Down Hosts",
            "Last Heartbeat",
            "Disabled Reason",
            "Created At",
            "Updated At",
        ]);
    }
    let rows: Vec<Vec<Value>> = data
        .iter()
        .map(|c| {
            columns
                .iter()
                .map(|h| common::field(c, &h.to_lowercase().replace(' ', "_")))
                .collect()
        })
        .collect();
    Ok(common::list(&columns, rows))
}

fn set_block_storage_cluster(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.7",
        "'block storage cluster set' command",
    ))?;
    let disable = matches!(args.get("disabled"), ArgValue::Bool(true));
    let reason = args.str("disabled_reason").filter(|s| !s.is_empty());
    if reason.is_some() && !disable {
        return common::command_error("Cannot specify --disable-reason without --disable");
    }
    let mut body = Map::new();
    body.insert("name".into(), Json::from(common::arg(args, "cluster")));
    if let Some(binary) = args.str("binary").filter(|s| !s.is_empty()) {
        body.insert("binary".into(), Json::from(binary));
    }
    let action = if disable {
        if let Some(reason) = reason {
            body.insert("disabled_reason".into(), Json::from(reason));
        }
        "disable"
    } else {
        "enable"
    };
    let path = format!("/clusters/{action}");
    // `Cluster._action` sends the session's default microversion only.
    let answer = fail(
        api::raw_call(ctx, Method::Put, &path).and_then(|c| c.body(Json::Object(body)).json(ctx)),
    )?;
    Ok(format_cluster(&CLUSTER.sdk.unwrap_body(answer)))
}

fn show_block_storage_cluster(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.7",
        "'block storage cluster show' command",
    ))?;
    let cluster = fail(api::get(
        ctx,
        &CLUSTER,
        "/clusters",
        common::arg(args, "cluster"),
    ))?;
    Ok(format_cluster(&cluster))
}
