//! `tap mirror create|delete|list|show|update` (OSC's `network/v2/taas/tap_mirror.py`, openstacksdk
//! `TapMirror`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use super::{
    add_project_owner, add_updatable_args, find, find_port_id, project_attr, show, updatable_attrs,
    update_by_id,
};
use crate::common::{self, fail, Any, Computed, NetResource};
use crate::extension;
use crate::v2::port::{json_check, json_dict};
use openstack_sdk::{id_of, Resource};

/// openstacksdk's `network.v2.tap_mirror.TapMirror`.
pub const TAP_MIRROR: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "TapMirror",
        key: "tap_mirror",
        plural: "tap_mirrors",
        base_path: "/taas/tap_mirrors",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("sort_key", "sort_key"),
            ("sort_dir", "sort_dir"),
            ("fields", "fields"),
            ("name", "name"),
            ("project_id", "project_id"),
        ],
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

fn positional(parser: &mut Parser, help: &str, nargs: Option<Nargs>) {
    let mut arg = Arg::positional("tap_mirror")
        .metavar("<tap_mirror>")
        .help(help);
    if let Some(nargs) = nargs {
        arg = arg.nargs(nargs);
    }
    parser.add(arg);
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

/// `tap mirror list`.
pub struct ListTapMirror;

impl Command<ClientManager> for ListTapMirror {
    fn description(&self) -> &str {
        "List tap mirrors."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_owner(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let items = super::list_all(ctx, args, &TAP_MIRROR)?;
        Ok(common::rows(
            &TAP_MIRROR,
            &items,
            &[
                "ID",
                "Tenant",
                "Name",
                "Port",
                "Directions",
                "Remote IP",
                "Mirror Type",
            ],
            &[
                "id",
                "tenant_id",
                "name",
                "port_id",
                "directions",
                "remote_ip",
                "mirror_type",
            ],
            common::plain,
        ))
    }
}

/// `tap mirror show`.
pub struct ShowTapMirror;

impl Command<ClientManager> for ShowTapMirror {
    fn description(&self) -> &str {
        "Show tap mirror details."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(parser, "Tap mirror to display (name or ID).", None);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = find(ctx, &TAP_MIRROR, args.str("tap_mirror").unwrap_or(""))?;
        let item = fail(common::get(ctx, &TAP_MIRROR, &id_of(&found)))?;
        Ok(show(&TAP_MIRROR, &item))
    }
}

/// `tap mirror delete`.
pub struct DeleteTapMirror;

impl Command<ClientManager> for DeleteTapMirror {
    fn description(&self) -> &str {
        "Delete a tap mirror."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(
            parser,
            "Tap mirror to delete (name or ID).",
            Some(Nargs::OneOrMore),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        extension::delete_logged(
            ctx,
            &TAP_MIRROR,
            &args.strings("tap_mirror"),
            Some(|id| format!("Tap Mirror {id} deleted")),
            "Failed to delete Tap Mirror with name or ID",
            |fails, total| format!("Failed to delete {fails} of {total} Tap Mirror."),
        )
    }
}

/// `tap mirror update`.
pub struct UpdateTapMirror;

impl Command<ClientManager> for UpdateTapMirror {
    fn description(&self) -> &str {
        "Update a tap mirror."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(parser, "Tap mirror to modify (name or ID).", None);
        add_updatable_args(parser, "tap service");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = find(ctx, &TAP_MIRROR, args.str("tap_mirror").unwrap_or(""))?;
        let updated = update_by_id(ctx, &TAP_MIRROR, &found, updatable_attrs(args))?;
        Ok(show(&TAP_MIRROR, &updated))
    }
}
