//! `tap service create|delete|list|show|update` (OSC's `network/v2/taas/tap_service.py`, openstacksdk
//! `TapService`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use super::{
    add_project_owner, add_updatable_args, find_port_id, project_attr, show, updatable_attrs,
    TaasObject,
};
use crate::common::{self, fail, Any, Computed, NetResource};
use openstack_sdk::Resource;

/// openstacksdk's `network.v2.tap_service.TapService`.
pub const TAP_SERVICE: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "TapService",
        key: "tap_service",
        plural: "tap_services",
        base_path: "/taas/tap_services",
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
        ("port_id", "port_id", Any),
        ("status", "status", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// `tap service create`.
pub struct CreateTapService;

impl Command<ClientManager> for CreateTapService {
    fn description(&self) -> &str {
        "Create a new tap service."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_owner(parser);
        add_updatable_args(parser, "tap service");
        parser.add(
            Arg::option(&["--port"])
                .dest("port_id")
                .required()
                .metavar("PORT")
                .help("Port (name or ID) to connect to the tap service."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = updatable_attrs(args);
        if let Some(port) = args.str("port_id") {
            attrs.insert("port_id".into(), Json::from(find_port_id(ctx, port)?));
        }
        project_attr(ctx, args, &mut attrs)?;
        let created = fail(common::create(ctx, &TAP_SERVICE, attrs))?;
        Ok(show(&TAP_SERVICE, &created))
    }
}

/// The show, delete and update commands' view of tap services.
pub static OBJECT: TaasObject = TaasObject {
    res: &TAP_SERVICE,
    dest: "tap_service",
    title: "Tap service",
    descriptions: [
        "Show tap service details.",
        "Delete a tap service.",
        "Update a tap service.",
        "List tap services.",
    ],
    attr_map: &[
        ("id", "ID"),
        ("tenant_id", "Tenant"),
        ("name", "Name"),
        ("port_id", "Port"),
        ("status", "Status"),
    ],
    updatable: "tap service",
    deleted: Some(|id| format!("Tap service {id} deleted")),
    failure: "Failed to delete tap service with name or ID",
    summary: |fails, total| format!("Failed to delete {fails} of {total} tap service."),
};
