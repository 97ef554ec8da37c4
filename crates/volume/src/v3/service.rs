//! `volume service list|volume service set` (OSC `volume/v3/service.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use osc_lib::Method;
use serde_json::{json, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::SERVICE;
use openstack_sdk::Res;

/// `volume service list`.
pub struct ListService;

impl Command<ClientManager> for ListService {
    fn description(&self) -> &str {
        "List service command"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("List services on specified host (name only)"),
        );
        parser.add(
            Arg::option(&["--service"])
                .metavar("<service>")
                .help("List only specified service (name only)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_service(ctx, args)
    }
}

/// `volume service set`.
pub struct SetService;

impl Command<ClientManager> for SetService {
    fn description(&self) -> &str {
        "Set volume service properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("host")
                .metavar("<host>")
                .help("Name of host"),
        );
        parser.add(
            Arg::positional("service")
                .metavar("<service>")
                .help("Name of service (Binary name)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--enable"])
                .flag()
                .help("Enable volume service"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--disable"])
                .flag()
                .help("Disable volume service"),
        );
        parser.add(
            Arg::option(&["--disable-reason"])
                .metavar("<reason>")
                .help("Reason for disabling the service (should be used with --disable option)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_service(ctx, args)
    }
}

fn list_service(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut columns = vec![
        ("binary", "Binary"),
        ("host", "Host"),
        ("zone", "Zone"),
        ("status", "Status"),
        ("state", "State"),
        ("updated_at", "Updated At"),
    ];
    if fail(api::supports(ctx, "3.7"))? {
        columns.push(("cluster", "Cluster"));
    }
    if fail(api::supports(ctx, "3.49"))? {
        columns.push(("backend_state", "Backend State"));
    }
    if args.flag("long") {
        columns.push(("disabled_reason", "Disabled Reason"));
    }
    let params = vec![
        ("host", args.str("host").map(str::to_owned)),
        ("binary", args.str("service").map(str::to_owned)),
    ];
    let data = fail(api::list(ctx, &SERVICE, "/os-services", &params, None))?;
    let headings: Vec<&str> = columns.iter().map(|(_, h)| *h).collect();
    let rows = data
        .iter()
        .map(|s| columns.iter().map(|(k, _)| common::field(s, k)).collect())
        .collect();
    Ok(common::list(&headings, rows))
}

/// `Service._action`: PUT `/os-services/<action>` with the default microversion only.
pub fn service_action(ctx: &mut ClientManager, action: &str, body: Json) -> Res<Json> {
    let path = format!("/os-services/{action}");
    api::raw_call(ctx, Method::Put, &path)?.body(body).json(ctx)
}

fn set_service(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let reason = args.str("disable_reason").filter(|s| !s.is_empty());
    if reason.is_some() && !args.flag("disable") {
        return common::command_error(
            "Cannot specify option --disable-reason without --disable specified.",
        );
    }
    let params = vec![("host", args.str("host").map(str::to_owned))];
    let binary = common::arg(args, "service");
    let found = fail(api::find(
        ctx,
        &SERVICE,
        "/os-services",
        binary,
        &params,
        true,
    ))?;
    let service = match found {
        Some(s) => s,
        None => {
            // `find` matches `name` (the binary's alias) only after the list; a miss is openstacksdk's.
            return Err(
                openstack_sdk::Failure::NotFound(format!("No Service found for {binary}")).into(),
            );
        }
    };
    let body = json!({"binary": service.get("binary"), "host": service.get("host")});
    if args.flag("enable") {
        fail(service_action(ctx, "enable", body.clone()))?;
    }
    if args.flag("disable") {
        let mut body = body;
        let action = match reason {
            None => "disable",
            Some(reason) => {
                body["disabled_reason"] = Json::from(reason);
                "disable-log-reason"
            }
        };
        fail(service_action(ctx, action, body))?;
    }
    Ok(Output::ok())
}
