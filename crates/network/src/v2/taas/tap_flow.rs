//! `tap flow create|delete|list|show|update` (OSC's `network/v2/taas/tap_flow.py`, openstacksdk `TapFlow`).

use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use super::tap_service::TAP_SERVICE;
use super::{
    add_project_owner, add_updatable_args, find, find_port_id, project_attr, show, updatable_attrs,
    TaasObject,
};
use crate::common::{self, fail, Any, Computed, NetResource};
use openstack_sdk::{id_of, Resource};

/// openstacksdk's `network.v2.tap_flow.TapFlow`.
pub const TAP_FLOW: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "TapFlow",
        key: "tap_flow",
        plural: "tap_flows",
        base_path: "/taas/tap_flows",
        query: super::QUERY,
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("name", "name", Any),
        ("description", "description", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("tap_service_id", "tap_service_id", Any),
        ("direction", "direction", Any),
        ("status", "status", Any),
        ("source_port", "source_port", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// `_attr_map`: (attribute, header), all listed (`long_listing=True`).
const ATTR_MAP: &[(&str, &str)] = &[
    ("id", "ID"),
    ("tenant_id", "Tenant"),
    ("name", "Name"),
    ("status", "Status"),
    ("source_port", "source_port"),
    ("tap_service_id", "tap_service_id"),
    ("direction", "Direction"),
];

/// `TapFlow.keys()`: its attributes, then the base class's `id`, `name` and `location` again.
const KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "project_id",
    "tenant_id",
    "tap_service_id",
    "direction",
    "status",
    "source_port",
    "id",
    "name",
    "location",
];

const DIRECTIONS: &[&str] = &["IN", "OUT", "BOTH"];

/// `type=lambda s: s.upper()` then `choices`: the upper-cased value must be a direction.
fn direction_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) if !DIRECTIONS.contains(&text.to_uppercase().as_str()) => Err(format!(
            "invalid choice: '{}' (choose from 'IN', 'OUT', 'BOTH')",
            text.to_uppercase()
        )),
        _ => Ok(()),
    }
}

/// `tap flow create`.
pub struct CreateTapFlow;

impl Command<ClientManager> for CreateTapFlow {
    fn description(&self) -> &str {
        "Create a new tap flow."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_owner(parser);
        add_updatable_args(parser, "tap flow");
        parser.add(
            Arg::option(&["--port"])
                .required()
                .metavar("SOURCE_PORT")
                .help("Source port (name or ID) to monitor."),
        );
        parser.add(
            Arg::option(&["--tap-service"])
                .required()
                .metavar("TAP_SERVICE")
                .help("Tap service (name or ID) to associate with this tap flow."),
        );
        parser.add(
            Arg::option(&["--direction"])
                .required()
                .metavar("DIRECTION")
                .check(direction_check)
                .help("Direction of the Tap flow. Valid options are: IN, OUT and BOTH"),
        );
        parser.add(
            Arg::option(&["--vlan-filter"])
                .metavar("VLAN_FILTER")
                .help("VLAN IDs to mirror in the form of range string."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = updatable_attrs(args);
        if let Some(port) = args.str("port") {
            attrs.insert("source_port".into(), Json::from(find_port_id(ctx, port)?));
        }
        if let Some(service) = args.str("tap_service") {
            let service = find(ctx, &TAP_SERVICE, service)?;
            attrs.insert("tap_service_id".into(), Json::from(id_of(&service)));
        }
        if let Some(direction) = args.str("direction") {
            attrs.insert("direction".into(), Json::from(direction.to_uppercase()));
        }
        if let Some(filter) = args.str("vlan_filter") {
            attrs.insert("vlan_filter".into(), Json::from(filter));
        }
        project_attr(ctx, args, &mut attrs)?;
        let created = fail(common::create(ctx, &TAP_FLOW, attrs))?;
        Ok(show(&TAP_FLOW, &created))
    }
}

/// The show, delete and update commands' view of tap flows.
pub static OBJECT: TaasObject = TaasObject {
    res: &TAP_FLOW,
    dest: "tap_flow",
    title: "Tap flow",
    descriptions: [
        "Show tap flow details.",
        "Delete a tap flow.",
        "Update a tap flow.",
        "List tap flows.",
    ],
    attr_map: ATTR_MAP,
    updatable: "tap flow",
    deleted: None,
    failure: "Failed to delete tap flow with name or ID",
    summary: |fails, total| format!("Failed to delete {fails} of {total} tap flow."),
};

/// `column_util.get_columns(obj, _attr_map)` over [`KEYS`]: `(shown, attribute)` sorted by the shown names
/// (a stable sort, as Python's).
fn update_columns() -> Vec<(&'static str, &'static str)> {
    let mut columns: Vec<(&str, &str)> = KEYS
        .iter()
        .map(|key| {
            let shown = ATTR_MAP
                .iter()
                .find(|(a, _)| a == key)
                .map_or(*key, |(_, h)| *h);
            (shown, *key)
        })
        .collect();
    columns.sort_by(|a, b| a.0.cmp(b.0));
    columns
}

/// `tap flow update`'s output: unlike the other taas updates, `column_util.get_columns(obj, _attr_map)`: every
/// key of the resource (`id` and `name` twice, `location`, no unknown body attribute), named by the attribute
/// map and sorted by those names.
pub fn update_output(ctx: &mut ClientManager, updated: &Json) -> Result<Output> {
    let location = osc_lib::location::sdk_location(ctx)?;
    let columns = update_columns();
    let pairs: Vec<(String, Value)> = columns
        .into_iter()
        .map(|(shown, key)| {
            let value = if key == "location" {
                location.clone()
            } else {
                Value::from_json(&TAP_FLOW.get(updated, key))
            };
            (shown.to_owned(), value)
        })
        .collect();
    Ok(Output::show(pairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_is_checked_upper_cased() {
        assert!(direction_check(&ArgValue::Str("in".into())).is_ok());
        assert!(direction_check(&ArgValue::Str("Both".into())).is_ok());
        assert_eq!(
            direction_check(&ArgValue::Str("up".into())),
            Err("invalid choice: 'UP' (choose from 'IN', 'OUT', 'BOTH')".to_owned())
        );
    }

    #[test]
    fn update_columns_as_get_columns_sorts_them() {
        let shown: Vec<&str> = update_columns().iter().map(|(s, _)| *s).collect();
        assert_eq!(
            shown,
            [
                "Direction",
                "ID",
                "ID",
                "Name",
                "Name",
                "Status",
                "Tenant",
                "description",
                "location",
                "project_id",
                "source_port",
                "tap_service_id"
            ]
        );
    }
}
