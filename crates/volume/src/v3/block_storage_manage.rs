//! `block storage snapshot manageable list|block storage volume manageable list` (OSC `volume/v3/block_storage_manage.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::Value;

use crate::api;
use crate::api::VolumeResource;
use crate::common::{self, fail};
use crate::resources::{MANAGEABLE_SNAPSHOT, MANAGEABLE_VOLUME};

/// `block storage snapshot manageable list`.
pub struct BlockStorageManageSnapshots;

impl Command<ClientManager> for BlockStorageManageSnapshots {
    fn description(&self) -> &str {
        "List manageable snapshots.\n\nSupported by --os-volume-api-version 3.8 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::positional("host").nargs(Nargs::Optional).metavar("<host>").help("Cinder host on which to list manageable snapshots. Takes the form: host@backend-name#pool"));
        parser.add_to_mutex(m0, Arg::option(&["--cluster"]).metavar("<cluster>").help("Cinder cluster on which to list manageable snapshots. Takes the form: cluster@backend-name#pool. (supported by --os-volume-api-version 3.17 or later)"));
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--detailed"]).metavar("<detailed>").hidden());
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("Begin returning snapshots that appear later in the snapshot list than that represented by this reference. This reference should be json like. Default=None."));
        parser.add(
            Arg::option(&["--limit"])
                .metavar("<limit>")
                .help("Maximum number of snapshots to return. Default=None."),
        );
        parser.add(
            Arg::option(&["--offset"])
                .metavar("<offset>")
                .help("Number of snapshots to skip after marker. Default=None."),
        );
        parser.add(Arg::option(&["--sort"]).metavar("<key>[:<direction>]").help("Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: size, reference. Default=None."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        block_storage_manage_snapshots(ctx, args)
    }
}

/// `block storage volume manageable list`.
pub struct BlockStorageManageVolumes;

impl Command<ClientManager> for BlockStorageManageVolumes {
    fn description(&self) -> &str {
        "List manageable volumes.\n\nSupported by --os-volume-api-version 3.8 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::positional("host").nargs(Nargs::Optional).metavar("<host>").help("Cinder host on which to list manageable volumes. Takes the form: host@backend-name#pool"));
        parser.add_to_mutex(m0, Arg::option(&["--cluster"]).metavar("<cluster>").help("Cinder cluster on which to list manageable volumes. Takes the form: cluster@backend-name#pool. (supported by --os-volume-api-version 3.17 or later)"));
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--detailed"]).metavar("<detailed>").hidden());
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("Begin returning volumes that appear later in the volume list than that represented by this reference. This reference should be json like. Default=None."));
        parser.add(
            Arg::option(&["--limit"])
                .metavar("<limit>")
                .help("Maximum number of volumes to return. Default=None."),
        );
        parser.add(
            Arg::option(&["--offset"])
                .metavar("<offset>")
                .help("Number of volumes to skip after marker. Default=None."),
        );
        parser.add(Arg::option(&["--sort"]).metavar("<key>[:<direction>]").help("Comma-separated list of sort keys and directions in the form of <key>[:<asc|desc>]. Valid keys: size, reference. Default=None."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        block_storage_manage_volumes(ctx, args)
    }
}

fn manageable_list(
    ctx: &mut ClientManager,
    args: &Args,
    res: &VolumeResource,
    what: &str,
    snapshots: bool,
) -> Result<Output> {
    if args.str("host").is_none() && args.str("cluster").is_none() {
        return common::command_error(format!(
            "Either <host> or '--cluster <cluster>' needs to be provided to run the '{what}' command"
        ));
    }
    fail(api::require(ctx, "3.8", &format!("'{what}' command")))?;
    if args.str("cluster").is_some_and(|s| !s.is_empty()) {
        fail(api::require(ctx, "3.17", "'--cluster' option"))?;
    }
    let mut detailed = args.flag("long");
    if let Some(given) = args.str("detailed") {
        detailed = ["1", "t", "true", "on", "y", "yes"].contains(&given.to_lowercase().trim());
        if detailed {
            log::warn!("The --detailed option has been deprecated. Use --long instead.");
        } else {
            log::warn!("The --detailed option has been deprecated. Unset it.");
        }
    }
    let mut columns = vec!["reference", "size", "safe_to_manage"];
    if snapshots {
        columns.push("source_reference");
    }
    if detailed {
        columns.extend(["reason_not_safe", "cinder_id", "extra_info"]);
    }
    let mut params = Vec::new();
    for dest in ["host", "cluster", "marker", "limit", "offset", "sort"] {
        if let Some(value) = args.str(dest).filter(|s| !s.is_empty()) {
            params.push((dest, Some(value.to_owned())));
        }
    }
    let base = res.sdk.base_path;
    let path = if detailed {
        format!("{base}/detail")
    } else {
        base.to_owned()
    };
    let data = fail(api::list(ctx, res, &path, &params, None))?;
    let rows: Vec<Vec<Value>> = data
        .iter()
        .map(|item| columns.iter().map(|k| common::field(item, k)).collect())
        .collect();
    Ok(common::list(&columns, rows))
}

fn block_storage_manage_volumes(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    manageable_list(
        ctx,
        args,
        &MANAGEABLE_VOLUME,
        "block storage volume manageable list",
        false,
    )
}

fn block_storage_manage_snapshots(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    manageable_list(
        ctx,
        args,
        &MANAGEABLE_SNAPSHOT,
        "block storage volume snapshot manageable list",
        true,
    )
}
