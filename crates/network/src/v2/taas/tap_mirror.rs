//! `tap mirror create|delete|list|show|update` (OSC's `network/v2/taas/tap_mirror.py`, openstacksdk
//! `TapMirror`).

use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use super::{
    add_project_owner, add_updatable_args, find_port_id, project_attr, show, updatable_attrs,
    TaasObject,
};
use crate::common::{self, fail, Any, Computed, NetResource};
use crate::v2::port::{json_check, json_dict};
use openstack_sdk::Resource;

/// openstacksdk's `network.v2.tap_mirror.TapMirror`.
pub const TAP_MIRROR: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "TapMirror",
        key: "tap_mirror",
        plural: "tap_mirrors",
        base_path: "/taas/tap_mirrors",
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
        ("directions", "directions", Any),
        ("remote_ip", "remote_ip", Any),
        ("mirror_type", "mirror_type", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

fn directions_check(value: &ArgValue) -> std::result::Result<(), String> {
    json_check(value, "--directions")
}

/// `tap mirror create`.
pub struct CreateTapMirror;

impl Command<ClientManager> for CreateTapMirror {
    fn description(&self) -> &str {
        "Create a new tap mirror."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_owner(parser);
        // (OSC reuses tap service's `_add_updatable_args`: its help names the tap service)
        add_updatable_args(parser, "tap service");
        parser.add(
            Arg::option(&["--port"])
                .dest("port_id")
                .required()
                .metavar("PORT")
                .help("Port (name or ID) to which the Tap Mirror is connected."),
        );
        parser.add(
            Arg::option(&["--directions"])
                .append()
                .required()
                .check(directions_check)
                .help("Dictionary of direction and tunnel_id. Valid directions are: IN and OUT."),
        );
        parser.add(Arg::option(&["--remote-ip"]).required().help(
            "Remote IP address for the tap mirror (remote end of the GRE or ERSPAN v1 tunnel).",
        ));
        parser.add(
            Arg::option(&["--mirror-type"])
                .required()
                .help("Mirror type. Valid values are: gre and erspanv1."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = updatable_attrs(args);
        if let Some(port) = args.str("port_id") {
            attrs.insert("port_id".into(), Json::from(find_port_id(ctx, port)?));
        }
        if let Some(directions) = json_dict(args, "directions") {
            attrs.insert("directions".into(), Json::Object(directions));
        }
        for key in ["remote_ip", "mirror_type"] {
            if let Some(value) = args.str(key) {
                attrs.insert(key.into(), Json::from(value));
            }
        }
        project_attr(ctx, args, &mut attrs)?;
        let created = fail(common::create(ctx, &TAP_MIRROR, attrs))?;
        Ok(show(&TAP_MIRROR, &created))
    }
}

/// The show, delete and update commands' view of tap mirrors (whose `--name`/`--description` help, OSC's tap
/// service's, names the tap service).
pub static OBJECT: TaasObject = TaasObject {
    res: &TAP_MIRROR,
    dest: "tap_mirror",
    title: "Tap mirror",
    descriptions: [
        "Show tap mirror details.",
        "Delete a tap mirror.",
        "Update a tap mirror.",
        "List tap mirrors.",
    ],
    attr_map: &[
        ("id", "ID"),
        ("tenant_id", "Tenant"),
        ("name", "Name"),
        ("port_id", "Port"),
        ("directions", "Directions"),
        ("remote_ip", "Remote IP"),
        ("mirror_type", "Mirror Type"),
    ],
    updatable: "tap service",
    deleted: Some(|id| format!("Tap Mirror {id} deleted")),
    failure: "Failed to delete Tap Mirror with name or ID",
    summary: |fails, total| format!("Failed to delete {fails} of {total} Tap Mirror."),
};
