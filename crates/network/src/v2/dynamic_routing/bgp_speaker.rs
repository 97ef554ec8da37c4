//! `bgp speaker create|delete|list|set|show`, `bgp speaker add|remove network|peer` and `bgp speaker list
//! advertised routes` (OSC's `network/v2/dynamic_routing/bgp_speaker.py`, openstacksdk `BgpSpeaker`).

use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::bgp_dragent::drinstances;
use super::bgp_peer::{BGP_PEER, MAX_AS_NUM, MIN_AS_NUM};
use super::{checked, create, find_id, listed_in, unchecked, DrObject};
use crate::common::{self, fail, Any, Computed, List, NetResource};
use crate::resources::NETWORK;
use openstack_sdk::{self as sdk, Resource};

/// openstacksdk's `network.v2.bgp_speaker.BgpSpeaker` (unknown body attributes kept, as `peers`).
pub const BGP_SPEAKER: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "BgpSpeaker",
        key: "bgp_speaker",
        plural: "bgp_speakers",
        base_path: "/bgp-speakers",
        query: super::QUERY,
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("ip_version", "ip_version", Any),
        (
            "advertise_floating_ip_host_routes",
            "advertise_floating_ip_host_routes",
            Any,
        ),
        (
            "advertise_tenant_networks",
            "advertise_tenant_networks",
            Any,
        ),
        ("local_as", "local_as", Any),
        ("networks", "networks", List),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// The show and delete commands' view of BGP speakers.
pub static OBJECT: DrObject = DrObject {
    res: &BGP_SPEAKER,
    dest: "bgp_speaker",
    metavar: "<bgp-speaker>",
    title: "BGP speaker",
    descriptions: ["Show a BGP speaker", "Delete a BGP speaker"],
};

/// The list's headers and their attributes.
const LIST_HEADERS: &[&str] = &["ID", "Name", "Local AS", "IP Version"];
const LIST_COLUMNS: &[&str] = &["id", "name", "local_as", "ip_version"];

/// The speaker's positional (`bgp_speaker`), with its help.
fn speaker_arg(help: &str) -> Arg {
    Arg::positional("bgp_speaker")
        .metavar("<bgp-speaker>")
        .help(help)
}

/// The ID of the speaker given as `bgp_speaker`.
pub(super) fn speaker_id(ctx: &mut ClientManager, args: &Args) -> Result<String> {
    find_id(ctx, &BGP_SPEAKER, args.str("bgp_speaker").unwrap_or(""))
}

/// `add_common_arguments`: the two pairs of advertisement flags.
fn add_common_arguments(parser: &mut Parser) {
    let flags = [
        (
            "--advertise-floating-ip-host-routes",
            "Enable the advertisement of floating IP host routes by the BGP speaker. (default)",
        ),
        (
            "--no-advertise-floating-ip-host-routes",
            "Disable the advertisement of floating IP host routes by the BGP speaker.",
        ),
        (
            "--advertise-tenant-networks",
            "Enable the advertisement of tenant network routes by the BGP speaker. (default)",
        ),
        (
            "--no-advertise-tenant-networks",
            "Disable the advertisement of tenant network routes by the BGP speaker.",
        ),
    ];
    for (flag, help) in flags {
        parser.add(Arg::option(&[flag]).flag().help(help));
    }
}

/// `_get_attrs`: `name`, with `create` `local_as` (as a string) and `ip_version`, and the advertisement flags
/// (a `--no-` flag wins over its pair).
fn attrs(args: &Args, create: bool) -> Map<String, Json> {
    let mut attrs = Map::new();
    if let Some(name) = common::present(args, "name") {
        attrs.insert("name".into(), Json::from(name));
    }
    if create {
        attrs.insert(
            "local_as".into(),
            args.str("local_as").map_or(Json::Null, Json::from),
        );
        attrs.insert(
            "ip_version".into(),
            args.int("ip_version").map_or(Json::Null, Json::from),
        );
    }
    for key in [
        "advertise_tenant_networks",
        "advertise_floating_ip_host_routes",
    ] {
        if args.flag(key) {
            attrs.insert(key.into(), Json::Bool(true));
        }
        if args.flag(&format!("no_{key}")) {
            attrs.insert(key.into(), Json::Bool(false));
        }
    }
    attrs
}

/// A speaker action: `<speaker>/<action>` with a body.
fn action_path(ctx: &mut ClientManager, speaker: &str, action: &str) -> Result<String> {
    Ok(format!(
        "{}/{action}",
        fail(common::item_path(ctx, &BGP_SPEAKER, speaker))?
    ))
}

/// How openstacksdk treats the answer of a speaker action.
#[derive(Clone, Copy)]
pub enum Answer {
    /// Sent, its status ignored (`add_gateway_network`, `remove_gateway_network`).
    Ignored,
    /// A failure raised, the JSON answer read (`add_bgp_peer`).
    Json,
    /// A failure raised, no answer read (`remove_bgp_peer`).
    Status,
}

/// `bgp speaker add|remove network|peer`: the speaker and the other object found, then a PUT of
/// `{<body_key>: <id>}` to `<speaker>/<action>`.
pub struct SpeakerAction {
    /// The command's description.
    pub description: &'static str,
    /// The other object's resource class.
    pub res: &'static NetResource,
    /// The other object's positional dest (`network`), metavar (`<network>`) and help.
    pub positional: (&'static str, &'static str, &'static str),
    /// The speaker's action (`add_gateway_network`).
    pub action: &'static str,
    /// The body's key of the other object's ID (`network_id`).
    pub body_key: &'static str,
    /// How the answer is treated.
    pub answer: Answer,
}

/// `bgp speaker add network`.
pub const ADD_NETWORK: SpeakerAction = SpeakerAction {
    description: "Add a network to a BGP speaker",
    res: &NETWORK,
    positional: ("network", "<network>", "Network to add (name or ID)"),
    action: "add_gateway_network",
    body_key: "network_id",
    answer: Answer::Ignored,
};

/// `bgp speaker add peer`.
pub const ADD_PEER: SpeakerAction = SpeakerAction {
    description: "Add a peer to a BGP speaker",
    res: &BGP_PEER,
    positional: ("bgp_peer", "<bgp-peer>", "BGP Peer to add (name or ID)"),
    action: "add_bgp_peer",
    body_key: "bgp_peer_id",
    answer: Answer::Json,
};

/// `bgp speaker remove network`.
pub const REMOVE_NETWORK: SpeakerAction = SpeakerAction {
    description: "Remove a network from a BGP speaker",
    res: &NETWORK,
    positional: ("network", "<network>", "Network to remove (name or ID)"),
    action: "remove_gateway_network",
    body_key: "network_id",
    answer: Answer::Ignored,
};

/// `bgp speaker remove peer`.
pub const REMOVE_PEER: SpeakerAction = SpeakerAction {
    description: "Remove a peer from a BGP speaker",
    res: &BGP_PEER,
    positional: ("bgp_peer", "<bgp-peer>", "BGP Peer to remove (name or ID)"),
    action: "remove_bgp_peer",
    body_key: "bgp_peer_id",
    answer: Answer::Status,
};

impl Command<ClientManager> for SpeakerAction {
    fn description(&self) -> &str {
        self.description
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let (dest, metavar, help) = self.positional;
        parser.add(speaker_arg("BGP speaker (name or ID)"));
        parser.add(Arg::positional(dest).metavar(metavar).help(help));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let speaker = speaker_id(ctx, args)?;
        let other = find_id(ctx, self.res, args.str(self.positional.0).unwrap_or(""))?;
        let path = action_path(ctx, &speaker, self.action)?;
        let body = json!({ self.body_key: other });
        match self.answer {
            Answer::Ignored => unchecked(ctx, Method::Put, path, Some(body)),
            Answer::Json => {
                checked(ctx, Method::Put, path, Some(body))?;
            }
            Answer::Status => {
                fail(
                    sdk::Call::new("network", Method::Put, path)
                        .body(body)
                        .send(ctx),
                )?;
            }
        }
        Ok(Output::ok())
    }
}

/// `bgp speaker create`.
pub struct CreateBgpSpeaker;

impl Command<ClientManager> for CreateBgpSpeaker {
    fn description(&self) -> &str {
        "Create a BGP speaker"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of the BGP speaker to create"),
        );
        parser.add(
            Arg::option(&["--local-as"])
                .metavar("<local-as>")
                .required()
                .help(&format!(
                    "Local AS number. (Integer in [{MIN_AS_NUM}, {MAX_AS_NUM}] is allowed.)"
                )),
        );
        parser.add(
            Arg::option(&["--ip-version"])
                .int()
                .choices(&["4", "6"])
                .default(ArgValue::Int(4))
                .help("IP version for the BGP speaker (default is 4)"),
        );
        add_common_arguments(parser);
        common::add_project_options(parser, "Owner's project (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create(ctx, args, &BGP_SPEAKER, attrs(args, true))
    }
}

/// `bgp speaker list`: every speaker, or with `--agent` those the agent's `bgp-drinstances` name (openstacksdk
/// lists them all and keeps those).
pub struct ListBgpSpeaker;

impl Command<ClientManager> for ListBgpSpeaker {
    fn description(&self) -> &str {
        "List BGP speakers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--agent"])
                .metavar("<agent-id>")
                .help("List BGP speakers hosted by an agent (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let items = match common::present(args, "agent") {
            None => fail(common::list(ctx, &BGP_SPEAKER, &[], None))?,
            Some(agent) => {
                let path = drinstances(ctx, agent)?;
                listed_in(ctx, path, "bgp_speakers", &BGP_SPEAKER)?
            }
        };
        Ok(common::rows(
            &BGP_SPEAKER,
            &items,
            LIST_HEADERS,
            LIST_COLUMNS,
            common::plain,
        ))
    }
}

/// `bgp speaker list advertised routes`: the `advertised_routes` of the speaker's answer.
pub struct ListRoutesAdvertisedBySpeaker;

impl Command<ClientManager> for ListRoutesAdvertisedBySpeaker {
    fn description(&self) -> &str {
        "List routes advertised"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(speaker_arg("BGP speaker (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let speaker = speaker_id(ctx, args)?;
        let path = action_path(ctx, &speaker, "get_advertised_routes")?;
        let answer = checked(ctx, Method::Get, path, None)?;
        let routes = answer
            .get("advertised_routes")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        let rows = routes
            .iter()
            .map(|route| {
                ["destination", "next_hop"]
                    .iter()
                    .map(|key| match route.get(*key) {
                        Some(value) => Value::from_json(value),
                        None => Value::str(""),
                    })
                    .collect()
            })
            .collect();
        Ok(Output::List {
            columns: vec!["Destination".to_owned(), "Nexthop".to_owned()],
            rows,
        })
    }
}

/// `bgp speaker set`: one PUT of the changes (none: nothing sent).
pub struct SetBgpSpeaker;

impl Command<ClientManager> for SetBgpSpeaker {
    fn description(&self) -> &str {
        "Set BGP speaker properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(speaker_arg("BGP speaker to update (name or ID)"));
        parser.add(Arg::option(&["--name"]).help("New name for the BGP speaker"));
        add_common_arguments(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = speaker_id(ctx, args)?;
        fail(common::update(
            ctx,
            &BGP_SPEAKER,
            &json!({ "id": id }),
            attrs(args, false),
        ))?;
        Ok(Output::ok())
    }
}
