//! `compute service delete|list|set` (openstacksdk `Service`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::common::given;
use identity::output::{self, fail};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::options::supports;
use crate::resources::SERVICE;
use openstack_sdk as sdk;
use openstack_sdk::{Param, Res};

fn services(cm: &mut ClientManager, host: Option<&str>, binary: Option<&str>) -> Res<Vec<Json>> {
    let params: Vec<Param> = vec![
        ("host", host.map(str::to_owned)),
        ("binary", binary.map(str::to_owned)),
    ];
    sdk::list(cm, &SERVICE, SERVICE.base_path, &params, None)
}

/// `compute service delete`.
pub struct DeleteService;

impl Command<ClientManager> for DeleteService {
    fn description(&self) -> &str {
        "Delete compute service(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service")
                .metavar("<service>")
                .nargs(Nargs::OneOrMore)
                .help(
                    "Compute service(s) to delete (ID only). If using ``--os-compute-api-version`` 2.53 or \
                     greater, the ID is a UUID which can be retrieved by listing compute services using the same \
                     2.53+ microversion. If deleting a compute service, be sure to stop the actual compute \
                     process on the physical host before deleting the service with this command. Failing to do \
                     so can lead to the running service re-creating orphaned compute_nodes table records in the \
                     database.",
                ),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("service"),
            |ctx, id| sdk::delete(ctx, &SERVICE, &sdk::item_path(SERVICE.base_path, id), false),
            |id, err| format!("Failed to delete compute service with ID '{id}': {err}"),
            output::delete_summary("compute services"),
        )
    }
}

/// `compute service list`.
pub struct ListService;

impl Command<ClientManager> for ListService {
    fn description(&self) -> &str {
        "List compute services.\n\nUsing ``--os-compute-api-version`` 2.53 or greater will return the ID as a \
         UUID\nvalue which can be used to uniquely identify the service in a multi-cell\ndeployment."
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
        parser.add(Arg::option(&["--service"]).metavar("<service>").help(
            "List only specified service binaries (name only). For example, ``nova-compute``, \
             ``nova-conductor``, etc.",
        ));
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut columns = vec![
            "ID",
            "Binary",
            "Host",
            "Zone",
            "Status",
            "State",
            "Updated At",
        ];
        let long = args.flag("long");
        let forced = long && supports(ctx, "2.11")?;
        if long {
            columns.push("Disabled Reason");
            if forced {
                columns.push("Forced Down");
            }
        }
        let data = fail(services(ctx, args.str("host"), args.str("service")))?;
        let rows = data
            .iter()
            .map(|s| {
                let mut row = vec![
                    sdk::attr(s, "id"),
                    sdk::attr(s, "binary"),
                    sdk::attr(s, "host"),
                    sdk::attr(s, "zone"),
                    sdk::attr(s, "status"),
                    sdk::attr(s, "state"),
                    sdk::attr(s, "updated_at"),
                ];
                if long {
                    row.push(sdk::attr(s, "disabled_reason"));
                    if forced {
                        row.push(sdk::bool_attr(s, "forced_down"));
                    }
                }
                row
            })
            .collect::<Vec<Vec<Value>>>();
        Ok(output::list(&columns, rows))
    }
}

/// `compute service set`.
pub struct SetService;

/// PUT `/os-services/<action>` (before 2.53) or `/os-services/<id>` (unwrapped body, `prepend_key=False`).
fn put(cm: &mut ClientManager, path: String, body: Json, microversion: Option<&str>) -> Res<()> {
    let mut call = sdk::proxy::versioned(cm, &SERVICE, Method::Put, path)?;
    if let Some(version) = microversion {
        call.headers.clear();
        call = call.microversion(version);
    }
    call.body(body).send(cm)?;
    Ok(())
}

impl Command<ClientManager> for SetService {
    fn description(&self) -> &str {
        "Set compute service properties"
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
                .help("Name of service (Binary name), for example ``nova-compute``"),
        );
        let enabled = parser.add_mutex(None, false);
        parser.add_to_mutex(
            enabled,
            Arg::option(&["--enable"]).flag().help("Enable service"),
        );
        parser.add_to_mutex(
            enabled,
            Arg::option(&["--disable"]).flag().help("Disable service"),
        );
        parser.add(Arg::option(&["--disable-reason"]).metavar("<reason>").help(
            "Reason for disabling the service (in quotes). Should be used with --disable option.",
        ));
        let updown = parser.add_mutex(None, false);
        parser.add_to_mutex(
            updown,
            Arg::option(&["--up"])
                .flag()
                .help("Force up service. Requires ``--os-compute-api-version`` 2.11 or greater."),
        );
        parser.add_to_mutex(
            updown,
            Arg::option(&["--down"])
                .flag()
                .help("Force down service. Requires ``--os-compute-api-version`` 2.11 or greater."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let host = args.str("host").unwrap_or("");
        let binary = args.str("service").unwrap_or("");
        let enable = args.flag("enable");
        let disable = args.flag("disable");
        let reason = given(args, "disable_reason");
        if (enable || !disable) && reason.is_some() {
            return Err(Error::command(
                "Cannot specify option --disable-reason without --disable specified.",
            ));
        }
        let by_id = supports(ctx, "2.53")?;
        let mut service_id = None;
        if by_id {
            let found = fail(services(ctx, Some(host), Some(binary)))?;
            if found.is_empty() {
                return Err(Error::command(format!(
                    "Compute service for host \"{host}\" and binary \"{binary}\" not found."
                )));
            }
            if found.len() > 1 {
                return Err(Error::command(format!(
                    "Multiple compute services found for host \"{host}\" and binary \"{binary}\". Unable to \
                     proceed."
                )));
            }
            service_id = Some(sdk::id_of(&found[0]));
        }
        let item =
            |id: &Option<String>| sdk::item_path(SERVICE.base_path, id.as_deref().unwrap_or(""));
        let mut result = 0;
        let enabled = if enable {
            Some(true)
        } else if disable {
            Some(false)
        } else {
            None
        };
        if let Some(enabled) = enabled {
            let done = if by_id {
                let mut body = Map::new();
                body.insert(
                    "status".into(),
                    json!(if enabled { "enabled" } else { "disabled" }),
                );
                if let (false, Some(reason)) = (enabled, reason) {
                    body.insert("disabled_reason".into(), json!(reason));
                }
                put(ctx, item(&service_id), Json::Object(body), None)
            } else {
                let mut body = json!({"host": host, "binary": binary});
                let action = match (enabled, reason) {
                    (true, _) => "enable",
                    (false, None) => "disable",
                    (false, Some(reason)) => {
                        body["disabled_reason"] = json!(reason);
                        "disable-log-reason"
                    }
                };
                put(ctx, format!("{}/{action}", SERVICE.base_path), body, None)
            };
            if done.is_err() {
                let status = if enabled { "enabled" } else { "disabled" };
                log::error!("Failed to set service status to {status}");
                result += 1;
            }
        }
        let force_down = if args.flag("down") {
            Some(true)
        } else if args.flag("up") {
            Some(false)
        } else {
            None
        };
        if let Some(force_down) = force_down {
            if !supports(ctx, "2.11")? {
                return Err(Error::command(
                    "--os-compute-api-version 2.11 or later is required",
                ));
            }
            let done = if by_id {
                put(
                    ctx,
                    item(&service_id),
                    json!({"forced_down": force_down}),
                    None,
                )
            } else {
                let body = json!({"host": host, "binary": binary, "forced_down": force_down});
                put(
                    ctx,
                    format!("{}/force-down", SERVICE.base_path),
                    body,
                    Some("2.11"),
                )
            };
            if done.is_err() {
                let state = if force_down { "down" } else { "up" };
                log::error!("Failed to set service state to {state}");
                result += 1;
            }
        }
        if result > 0 {
            return Err(Error::command(format!(
                "Compute service {binary} of host {host} failed to set."
            )));
        }
        Ok(Output::ok())
    }
}
