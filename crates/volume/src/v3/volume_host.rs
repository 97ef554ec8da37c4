//! `volume host failover|volume host set` (OSC `volume/v3/volume_host.py`).

use cliff::{Arg, Args, Command, Output, Parser, Result};
use osc_lib::ClientManager;

use serde_json::json;

use crate::api;
use crate::common::{self, fail};
use crate::v3::service::service_action;

/// `volume host failover`.
pub struct FailoverVolumeHost;

impl Command<ClientManager> for FailoverVolumeHost {
    fn description(&self) -> &str {
        "Failover volume host to different backend"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("host")
                .metavar("<host-name>")
                .help("Name of volume host"),
        );
        parser.add(Arg::option(&["--volume-backend"]).required().metavar("<backend-id>").help("The ID of the volume backend replication target where the host will failover to (required)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        failover_volume_host(ctx, args)
    }
}

/// `volume host set`.
pub struct SetVolumeHost;

impl Command<ClientManager> for SetVolumeHost {
    fn description(&self) -> &str {
        "Set volume host properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("host")
                .metavar("<host-name>")
                .help("Name of volume host"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--disable"])
                .flag()
                .help("Freeze and disable the specified volume host"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--enable"])
                .flag()
                .help("Thaw and enable the specified volume host"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_volume_host(ctx, args)
    }
}

fn failover_volume_host(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut body = json!({"host": common::arg(args, "host")});
    if let Some(backend) = args.str("volume_backend").filter(|s| !s.is_empty()) {
        body["backend_id"] = backend.into();
    }
    let action = if fail(api::supports(ctx, "3.26"))? {
        "failover"
    } else {
        "failover_host"
    };
    fail(service_action(ctx, action, body))?;
    Ok(Output::ok())
}

fn set_volume_host(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let body = json!({"host": common::arg(args, "host")});
    if args.flag("enable") {
        fail(service_action(ctx, "thaw", body.clone()))?;
    }
    if args.flag("disable") {
        fail(service_action(ctx, "freeze", body))?;
    }
    Ok(Output::ok())
}
