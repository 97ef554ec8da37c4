//! `vpn endpoint group create|delete|list|set|show` (OSC's `network/v2/vpnaas/endpoint_group.py`, openstacksdk
//! `VpnEndpointGroup`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::{add_project_owner, project_attr, VpnObject};
use crate::common::{self, fail, Any, Computed, List, NetResource};
use openstack_sdk::{id_of, Resource};

/// openstacksdk's `network.v2.vpn_endpoint_group.VpnEndpointGroup`.
pub const VPN_ENDPOINT_GROUP: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "VpnEndpointGroup",
        key: "endpoint_group",
        plural: "endpoint_groups",
        base_path: "/vpn/endpoint-groups",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("description", "description"),
            ("fields", "fields"),
            ("name", "name"),
            ("project_id", "project_id"),
            ("tenant_id", "tenant_id"),
            ("type", "endpoint_type"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("description", "description", Any),
        ("endpoints", "endpoints", List),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("type", "type", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// The generic commands' view of endpoint groups.
pub static OBJECT: VpnObject = VpnObject {
    res: &VPN_ENDPOINT_GROUP,
    keeps_unknown: true,
    dest: "endpoint_group",
    metavar: "<endpoint-group>",
    positional_help: [
        "Endpoint group to display (name or ID)",
        "Endpoint group(s) to delete (name or ID)",
        "Endpoint group to set (name or ID)",
    ],
    descriptions: [
        "Display endpoint group details",
        "Delete endpoint group(s)",
        "List endpoint groups that belong to a given project",
    ],
    columns: &[
        ("id", "ID", false),
        ("name", "Name", false),
        ("type", "Type", false),
        ("endpoints", "Endpoints", false),
        ("description", "Description", true),
        ("project_id", "Project", true),
    ],
    hidden: &["location", "tenant_id"],
    formatter: common::plain,
    delete_what: "endpoint group",
    delete_summary: "endpoint group",
};

fn add_description(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description for the endpoint group"),
    );
}

/// `vpn endpoint group create`.
pub struct CreateEndpointGroup;

impl Command<ClientManager> for CreateEndpointGroup {
    fn description(&self) -> &str {
        "Create an endpoint group"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_description(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name for the endpoint group"),
        );
        parser.add(
            Arg::option(&["--type"])
                .required()
                .choices(&["subnet", "cidr"])
                .help(
                    "Type of endpoints in group (e.g. subnet, cidr, network, router). Currently only subnet and \
                     cidr are supported.",
                ),
        );
        parser.add(
            Arg::option(&["--value"])
                .append()
                .dest("endpoints")
                .required()
                .help("Endpoint(s) for the group. Must all be of the same type. (--value) option can be repeated"),
        );
        add_project_owner(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        project_attr(ctx, args, &mut attrs)?;
        super::given_attrs(args, &mut attrs, &["description", "name"]);
        let kind = args.str("type").unwrap_or("");
        attrs.insert("type".into(), Json::from(kind));
        let endpoints = args.strings("endpoints");
        let endpoints: Vec<String> = if kind == "subnet" {
            let mut ids = Vec::new();
            for endpoint in &endpoints {
                let subnet = fail(common::find(ctx, &crate::resources::SUBNET, endpoint, &[]))?;
                ids.push(id_of(&subnet));
            }
            ids
        } else {
            endpoints
        };
        attrs.insert("endpoints".into(), Json::from(endpoints));
        OBJECT.create(ctx, attrs)
    }
}

/// `vpn endpoint group set`.
pub struct SetEndpointGroup;

impl Command<ClientManager> for SetEndpointGroup {
    fn description(&self) -> &str {
        "Set endpoint group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_description(parser);
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set a name for the endpoint group"),
        );
        OBJECT.add_set_positional(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        super::given_attrs(args, &mut attrs, &["description", "name"]);
        OBJECT.set(ctx, args, attrs, |name, err| {
            format!("Failed to set endpoint group {name}: {err}")
        })
    }
}
