//! `bgp dragent add speaker|remove speaker|list` (OSC's `network/v2/dynamic_routing/bgp_dragent.py`): BGP
//! speakers scheduled on dynamic routing agents, through openstacksdk's `BgpSpeaker` and `Agent`.

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::json;

use super::bgp_speaker::{speaker_id, BGP_SPEAKER};
use super::{find_id, listed_in, unchecked, versioned_path};
use crate::common::{self, fail};
use crate::resources::AGENT;
use openstack_sdk::{self as sdk, Param};

/// The agent type `bgp dragent list` asks for.
const AGENT_TYPE: &str = "BGP dynamic routing agent";

/// The positionals of add and remove: the agent's ID and the speaker.
fn add_agent_and_speaker(parser: &mut Parser) {
    parser.add(
        Arg::positional("dragent_id")
            .metavar("<agent-id>")
            .help("ID of the dynamic routing agent"),
    );
    parser.add(
        Arg::positional("bgp_speaker")
            .metavar("<bgp-speaker>")
            .help("ID or name of the BGP speaker"),
    );
}

/// `agents/<agent>/bgp-drinstances` under the API's version.
pub(super) fn drinstances(ctx: &mut ClientManager, agent: &str) -> Result<String> {
    versioned_path(
        ctx,
        &format!("/agents/{}/bgp-drinstances", sdk::quote_path(agent)),
    )
}

/// `bgp dragent add speaker`: a POST whose answer openstacksdk does not check.
pub struct AddBgpSpeakerToDrAgent;

impl Command<ClientManager> for AddBgpSpeakerToDrAgent {
    fn description(&self) -> &str {
        "Add a BGP speaker to a dynamic routing agent"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_agent_and_speaker(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let speaker = speaker_id(ctx, args)?;
        let path = drinstances(ctx, args.str("dragent_id").unwrap_or(""))?;
        unchecked(
            ctx,
            Method::Post,
            path,
            Some(json!({ "bgp_speaker_id": speaker })),
        );
        Ok(Output::ok())
    }
}

/// `bgp dragent remove speaker`: a DELETE whose answer openstacksdk does not check.
pub struct RemoveBgpSpeakerFromDrAgent;

impl Command<ClientManager> for RemoveBgpSpeakerFromDrAgent {
    fn description(&self) -> &str {
        "Removes a BGP speaker from a dynamic routing agent"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_agent_and_speaker(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let speaker = speaker_id(ctx, args)?;
        let path = format!(
            "{}/{speaker}",
            drinstances(ctx, args.str("dragent_id").unwrap_or(""))?
        );
        unchecked(ctx, Method::Delete, path, None);
        Ok(Output::ok())
    }
}

/// `bgp dragent list`: the agents of the BGP type, or with `--bgp-speaker` those the speaker's `bgp-dragents`
/// name (openstacksdk lists every agent and keeps those).
pub struct ListDrAgent;

impl Command<ClientManager> for ListDrAgent {
    fn description(&self) -> &str {
        "List dynamic routing agents"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--bgp-speaker"])
                .metavar("<bgp-speaker>")
                .help("List dynamic routing agents hosting a BGP speaker (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let items = match common::present(args, "bgp_speaker") {
            Some(speaker) => {
                let speaker = find_id(ctx, &BGP_SPEAKER, speaker)?;
                let path = format!(
                    "{}/bgp-dragents",
                    fail(common::item_path(ctx, &BGP_SPEAKER, &speaker))?
                );
                listed_in(ctx, path, "agents", &AGENT)?
            }
            None => {
                let params: Vec<Param> = vec![("agent_type", Some(AGENT_TYPE.to_owned()))];
                fail(common::list(ctx, &AGENT, &params, None))?
            }
        };
        Ok(common::rows(
            &AGENT,
            &items,
            &[
                "ID",
                "Agent Type",
                "Host",
                "Availability Zone",
                "Alive",
                "State",
                "Binary",
            ],
            &[
                "id",
                "agent_type",
                "host",
                "availability_zone",
                "is_alive",
                "is_admin_state_up",
                "binary",
            ],
            common::plain,
        ))
    }
}
