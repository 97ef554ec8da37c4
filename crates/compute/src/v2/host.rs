//! `host list|set|show` (Nova's deprecated `/os-hosts`, asked at 2.1 as OSC does: openstacksdk has no class).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use identity::output::{self, fail};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::resources::SERVICE_TYPE;
use openstack_sdk as sdk;
use openstack_sdk::Call;

/// GET/PUT on `/os-hosts…` at microversion 2.1.
fn hosts_call(method: Method, path: String) -> Call {
    Call::new(SERVICE_TYPE, method, path).microversion("2.1")
}

/// `get_dict_properties` of the given keys (absent: `''`).
fn row(item: &Json, keys: &[&str]) -> Vec<Value> {
    keys.iter()
        .map(|key| {
            item.get(*key)
                .map_or_else(|| Value::str(""), Value::from_json)
        })
        .collect()
}

/// `host list`.
pub struct ListHost;

impl Command<ClientManager> for ListHost {
    fn description(&self) -> &str {
        "DEPRECATED: List hosts"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--zone"])
                .metavar("<zone>")
                .help("Only return hosts in the availability zone"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        log::warn!("API has been deprecated; consider using 'hypervisor list' instead.");
        let answer = fail(hosts_call(Method::Get, "/os-hosts".to_owned()).json(ctx))?;
        let hosts = answer
            .get("hosts")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        let rows = hosts
            .iter()
            .filter(|h| {
                args.str("zone")
                    .is_none_or(|zone| sdk::str_of(h, "zone") == Some(zone))
            })
            .map(|h| row(h, &["host_name", "service", "zone"]))
            .collect();
        Ok(output::list(&["Host Name", "Service", "Zone"], rows))
    }
}

/// `host set`.
pub struct SetHost;

impl Command<ClientManager> for SetHost {
    fn description(&self) -> &str {
        "DEPRECATED: Set host properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("host")
                .metavar("<host>")
                .help("Host to modify (name only)"),
        );
        let status = parser.add_mutex(None, false);
        parser.add_to_mutex(
            status,
            Arg::option(&["--enable"]).flag().help("Enable the host"),
        );
        parser.add_to_mutex(
            status,
            Arg::option(&["--disable"]).flag().help("Disable the host"),
        );
        let maintenance = parser.add_mutex(None, false);
        parser.add_to_mutex(
            maintenance,
            Arg::option(&["--enable-maintenance"])
                .flag()
                .help("Enable maintenance mode for the host"),
        );
        parser.add_to_mutex(
            maintenance,
            Arg::option(&["--disable-maintenance"])
                .flag()
                .help("Disable maintenance mode for the host"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        log::warn!("API has been deprecated; consider using 'compute service set' instead.");
        let mut data = Map::new();
        if args.flag("enable") {
            data.insert("status".into(), Json::from("enable"));
        }
        if args.flag("disable") {
            data.insert("status".into(), Json::from("disable"));
        }
        if args.flag("enable_maintenance") {
            data.insert("maintenance_mode".into(), Json::from("enable"));
        }
        if args.flag("disable_maintenance") {
            data.insert("maintenance_mode".into(), Json::from("disable"));
        }
        if data.is_empty() {
            return Ok(Output::ok());
        }
        // OSC formats the host into the path as given, unquoted.
        let path = format!("/os-hosts/{}", args.str("host").unwrap_or(""));
        fail(
            hosts_call(Method::Put, path)
                .body(Json::Object(data))
                .send(ctx),
        )?;
        Ok(Output::ok())
    }
}

/// `host show`.
pub struct ShowHost;

impl Command<ClientManager> for ShowHost {
    fn description(&self) -> &str {
        "DEPRECATED: Display host details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("host")
                .metavar("<host>")
                .help("Name of host"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        log::warn!("API has been deprecated; consider using 'hypervisor show' instead.");
        let path = format!("/os-hosts/{}", args.str("host").unwrap_or(""));
        let answer = fail(hosts_call(Method::Get, path).json(ctx))?;
        let rows = answer
            .get("host")
            .and_then(Json::as_array)
            .map(|resources| {
                resources
                    .iter()
                    .map(|r| {
                        row(
                            r.get("resource").unwrap_or(&Json::Null),
                            &["host", "project", "cpu", "memory_mb", "disk_gb"],
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(output::list(
            &["Host", "Project", "CPU", "Memory MB", "Disk GB"],
            rows,
        ))
    }
}
