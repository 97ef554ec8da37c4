//! `consistency group add volume|consistency group create|consistency group delete|consistency group list|consistency group remove volume|consistency group set|consistency group show` (OSC `volume/v3/consistency_group.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use osc_lib::Method;
use serde_json::Value as Json;

use crate::api;
use crate::common;
use openstack_sdk::{Failure, Res};

/// `consistency group add volume`.
pub struct AddVolumeToConsistencyGroup;

impl Command<ClientManager> for AddVolumeToConsistencyGroup {
    fn description(&self) -> &str {
        "Add volume(s) to consistency group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group")
                .metavar("<consistency-group>")
                .help("Consistency group to contain <volume> (name or ID)"),
        );
        parser.add(Arg::positional("volumes").nargs(Nargs::OneOrMore).metavar("<volume>").help("Volume(s) to add to <consistency-group> (name or ID) (repeat option to add multiple volumes)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group create`.
pub struct CreateConsistencyGroup;

impl Command<ClientManager> for CreateConsistencyGroup {
    fn description(&self) -> &str {
        "Create new consistency group."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .nargs(Nargs::Optional)
                .metavar("<name>")
                .help("Name of new consistency group (default to None)"),
        );
        let m0 = parser.add_mutex(None, true);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--volume-type"])
                .metavar("<volume-type>")
                .help("Volume type of this consistency group (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--source"])
                .metavar("<consistency-group>")
                .help("Existing consistency group (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--consistency-group-source"])
                .dest("source")
                .metavar("<consistency-group>")
                .hidden(),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--snapshot"])
                .metavar("<consistency-group-snapshot>")
                .help("Existing consistency group snapshot (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--consistency-group-snapshot"])
                .dest("snapshot")
                .metavar("<consistency-group-snapshot>")
                .hidden(),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of this consistency group"),
        );
        parser.add(Arg::option(&["--availability-zone"]).metavar("<availability-zone>").help("Availability zone for this consistency group (not available if creating consistency group from source)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group delete`.
pub struct DeleteConsistencyGroup;

impl Command<ClientManager> for DeleteConsistencyGroup {
    fn description(&self) -> &str {
        "Delete consistency group(s)."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_groups")
                .nargs(Nargs::OneOrMore)
                .metavar("<consistency-group>")
                .help("Consistency group(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Allow delete in state other than error or available"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group list`.
pub struct ListConsistencyGroup;

impl Command<ClientManager> for ListConsistencyGroup {
    fn description(&self) -> &str {
        "List consistency groups."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Show details for all projects. Admin only. (defaults to False)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group remove volume`.
pub struct RemoveVolumeFromConsistencyGroup;

impl Command<ClientManager> for RemoveVolumeFromConsistencyGroup {
    fn description(&self) -> &str {
        "Remove volume(s) from consistency group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group")
                .metavar("<consistency-group>")
                .help("Consistency group containing <volume> (name or ID)"),
        );
        parser.add(Arg::positional("volumes").nargs(Nargs::OneOrMore).metavar("<volume>").help("Volume(s) to remove from <consistency-group> (name or ID) (repeat option to remove multiple volumes)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group set`.
pub struct SetConsistencyGroup;

impl Command<ClientManager> for SetConsistencyGroup {
    fn description(&self) -> &str {
        "Set consistency group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group")
                .metavar("<consistency-group>")
                .help("Consistency group to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New consistency group name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New consistency group description"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// `consistency group show`.
pub struct ShowConsistencyGroup;

impl Command<ClientManager> for ShowConsistencyGroup {
    fn description(&self) -> &str {
        "Display consistency group details."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consistency_group")
                .metavar("<consistency-group>")
                .help("Consistency group to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::not_yet(ctx, args)
    }
}

/// OSC's `volume_v3.find_consistency_group`: GET by ID (any answer but 404 is final), then the list by name;
/// a miss or several matches are osc-lib's `NotFound` ("<name> not found", "multiple matches found for ...").
pub fn find_consistency_group(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    let path = openstack_sdk::item_path("/consistencygroups", name_or_id);
    match api::raw_call(ctx, Method::Get, &path)?.json(ctx) {
        Ok(body) => return Ok(body.get("consistencygroup").cloned().unwrap_or(Json::Null)),
        Err(f) if f.status() == Some(404) => {}
        Err(f) => return Err(f),
    }
    let body = api::raw_call(ctx, Method::Get, "/consistencygroups")?.json(ctx)?;
    let mut found = None;
    for group in body
        .get("consistencygroups")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        if group.get("name").and_then(Json::as_str) == Some(name_or_id) {
            if found.is_some() {
                return Err(Failure::command(format!(
                    "multiple matches found for {name_or_id} (HTTP 404)"
                )));
            }
            found = Some(group.clone());
        }
    }
    found.ok_or_else(|| Failure::command(format!("{name_or_id} not found (HTTP 404)")))
}
