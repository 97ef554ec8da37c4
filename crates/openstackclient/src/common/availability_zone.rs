//! `availability zone list` (OSC's `openstackclient/common/availability_zone.py`): the zones of Nova, Neutron,
//! Manila and Cinder.

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use identity::output::fail;
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use compute::resources::AVAILABILITY_ZONE as COMPUTE_AZ;
use openstack_sdk as sdk;
use openstack_sdk::{Res, Resource};

// lookup-only: fold into the network crate at merge
/// openstacksdk's `network.v2.availability_zone.AvailabilityZone`.
pub const NETWORK_AZ: Resource = Resource {
    service: "network",
    class: "AvailabilityZone",
    key: "availability_zone",
    plural: "availability_zones",
    base_path: "/v2.0/availability_zones",
    ..Resource::DEFAULT
};

// lookup-only: fold into the network crate at merge
/// openstacksdk's `network.v2.extension.Extension` (found by alias, then by name).
pub const NETWORK_EXTENSION: Resource = Resource {
    service: "network",
    class: "Extension",
    key: "extension",
    plural: "extensions",
    base_path: "/v2.0/extensions",
    ..Resource::DEFAULT
};

// lookup-only: fold into the volume crate at merge
/// openstacksdk's `block_storage.v3.availability_zone.AvailabilityZone`.
pub const VOLUME_AZ: Resource = Resource {
    service: "block-storage",
    class: "AvailabilityZone",
    plural: "availabilityZoneInfo",
    base_path: "/os-availability-zone",
    ..Resource::DEFAULT
};

/// One row: zone name, status, resource, host, service, service status (absent: `''`).
type Row = [Option<Value>; 6];

fn state_available(zone: &Json) -> Value {
    let available = zone
        .pointer("/zoneState/available")
        .is_some_and(sdk::truthy);
    Value::str(if available {
        "available"
    } else {
        "not available"
    })
}

/// `_xform_compute_availability_zone`.
fn compute_rows(zone: &Json, long: bool, rows: &mut Vec<Row>) {
    let name = sdk::attr(zone, "zoneName");
    let status = state_available(zone);
    if !long {
        rows.push([Some(name), Some(status), None, None, None, None]);
        return;
    }
    match zone.get("hosts") {
        Some(Json::Object(hosts)) if !hosts.is_empty() => {
            for (host, services) in hosts {
                let Json::Object(services) = services else {
                    continue;
                };
                for (service, state) in services {
                    let flag = |key: &str| state.get(key).is_some_and(sdk::truthy);
                    let updated = osc_lib::utils::py_str(&sdk::attr(state, "updated_at"));
                    let text = format!(
                        "{} {} {updated}",
                        if flag("active") {
                            "enabled"
                        } else {
                            "disabled"
                        },
                        if flag("available") { ":-)" } else { "XXX" },
                    );
                    rows.push([
                        Some(name.clone()),
                        Some(status.clone()),
                        None,
                        Some(Value::str(host.clone())),
                        Some(Value::str(service.clone())),
                        Some(Value::str(text)),
                    ]);
                }
            }
        }
        _ => rows.push([
            Some(name),
            Some(status),
            None,
            Some(Value::str("")),
            Some(Value::str("")),
            Some(Value::str("")),
        ]),
    }
}

fn compute_zones(cm: &mut ClientManager, long: bool, rows: &mut Vec<Row>) -> Res<()> {
    let path = format!("{}/detail", COMPUTE_AZ.base_path);
    let zones = match sdk::list(cm, &COMPUTE_AZ, &path, &[], None) {
        Err(failure) if failure.is_forbidden() => {
            sdk::list(cm, &COMPUTE_AZ, COMPUTE_AZ.base_path, &[], None)?
        }
        other => other?,
    };
    for zone in &zones {
        compute_rows(zone, long, rows);
    }
    Ok(())
}

fn network_zones(cm: &mut ClientManager, asked: bool, rows: &mut Vec<Row>) -> Res<()> {
    let found = crate::common::extension::find_network_extension(cm, "Availability Zone");
    if let Err(err) = found {
        log::debug!("Network availability zone exception: {err}");
        if asked {
            log::warn!("Availability zones list not supported by Network API");
        }
        return Ok(());
    }
    for zone in sdk::list(cm, &NETWORK_AZ, NETWORK_AZ.base_path, &[], None)? {
        let mut status = sdk::attr(&zone, "state");
        if status == Value::str("unavailable") {
            status = Value::str("not available");
        }
        rows.push([
            Some(sdk::attr(&zone, "name")),
            Some(status),
            Some(sdk::attr(&zone, "resource")),
            None,
            None,
            None,
        ]);
    }
    Ok(())
}

fn volume_zones(cm: &mut ClientManager, asked: bool, rows: &mut Vec<Row>) {
    if cm.endpoint(VOLUME_AZ.service).is_err() {
        if asked {
            log::warn!("Block Storage API is not available in the current cloud");
        }
        return;
    }
    let zones = match sdk::list(cm, &VOLUME_AZ, VOLUME_AZ.base_path, &[], None) {
        Ok(zones) => zones,
        Err(err) => {
            log::debug!("Volume availability zone exception: {err}");
            if asked {
                log::warn!("Availability zones list not supported by Block Storage API");
            }
            Vec::new()
        }
    };
    for zone in &zones {
        rows.push([
            Some(sdk::attr(zone, "zoneName")),
            Some(state_available(zone)),
            None,
            None,
            None,
            None,
        ]);
    }
}

/// `availability zone list`.
pub struct ListAvailabilityZone;

impl Command<ClientManager> for ListAvailabilityZone {
    fn description(&self) -> &str {
        "List availability zones and their status"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--compute"])
                .flag()
                .help("List compute availability zones"),
        );
        parser.add(
            Arg::option(&["--network"])
                .flag()
                .help("List network availability zones"),
        );
        parser.add(
            Arg::option(&["--volume"])
                .flag()
                .help("List volume availability zones"),
        );
        parser.add(
            Arg::option(&["--share"])
                .flag()
                .help("List share availability zones"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let long = args.flag("long");
        let (compute, network, share, volume) = (
            args.flag("compute"),
            args.flag("network"),
            args.flag("share"),
            args.flag("volume"),
        );
        let all = !compute && !network && !share && !volume;
        let mut rows: Vec<Row> = Vec::new();
        if compute || all {
            fail(compute_zones(ctx, long, &mut rows))?;
        }
        if network || all {
            fail(network_zones(ctx, network, &mut rows))?;
        }
        if share || all {
            // No Manila in the catalog: openstacksdk's `share` proxy fails, which OSC only logs.
            if ctx.endpoint("shared-file-system").is_err() {
                if share {
                    log::warn!("Availability zones list not supported by Shared File System API");
                } else {
                    log::debug!("Share availability zone not available");
                }
            } else {
                let listed = sdk::proxy::versioned(
                    ctx,
                    &Resource {
                        service: "shared-file-system",
                        ..Resource::DEFAULT
                    },
                    Method::Get,
                    "/availability-zones".to_owned(),
                )
                .and_then(|call| call.json(ctx));
                match listed {
                    Ok(answer) => {
                        if let Some(Json::Array(zones)) = answer.get("availability_zones") {
                            for zone in zones {
                                rows.push([
                                    Some(sdk::attr(zone, "name")),
                                    Some(Value::str("available")),
                                    None,
                                    None,
                                    None,
                                    None,
                                ]);
                            }
                        }
                    }
                    Err(err) if share => {
                        let _ = err;
                        log::warn!(
                            "Availability zones list not supported by Shared File System API"
                        );
                    }
                    Err(err) => log::debug!("Share availability zone not available: {err}"),
                }
            }
        }
        if volume || all {
            volume_zones(ctx, volume, &mut rows);
        }
        let mut columns = vec!["Zone Name", "Zone Status"];
        if long {
            columns.extend([
                "Zone Resource",
                "Host Name",
                "Service Name",
                "Service Status",
            ]);
        }
        let width = columns.len();
        let rows = rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .take(width)
                    .map(|v| v.unwrap_or_else(|| Value::str("")))
                    .collect()
            })
            .collect();
        Ok(Output::List {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows,
        })
    }
}
