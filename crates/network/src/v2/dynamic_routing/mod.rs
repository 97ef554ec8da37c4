//! `openstack.network.v2.dynamic_routing`: BGP speakers, BGP peers and the dynamic routing agents that host
//! speakers (OSC's `network/v2/dynamic_routing`, served by Neutron's neutron-dynamic-routing `bgp` plugin).

pub mod bgp_dragent;
pub mod bgp_peer;
pub mod bgp_speaker;

use std::sync::Arc;

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method, PluginCommand};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, NetResource};
use crate::extension::{find, find_id, project_attr};
use openstack_sdk::{id_of, Call};

/// Every dynamic routing command, by its multi-word name.
#[rustfmt::skip]
pub fn commands() -> Vec<(&'static str, PluginCommand)> {
    vec![
        ("bgp dragent add speaker", Arc::new(bgp_dragent::AddBgpSpeakerToDrAgent)),
        ("bgp dragent list", Arc::new(bgp_dragent::ListDrAgent)),
        ("bgp dragent remove speaker", Arc::new(bgp_dragent::RemoveBgpSpeakerFromDrAgent)),
        ("bgp peer create", Arc::new(bgp_peer::CreateBgpPeer)),
        ("bgp peer delete", Arc::new(DeleteObject(&bgp_peer::OBJECT))),
        ("bgp peer list", Arc::new(bgp_peer::ListBgpPeer)),
        ("bgp peer set", Arc::new(bgp_peer::SetBgpPeer)),
        ("bgp peer show", Arc::new(ShowObject(&bgp_peer::OBJECT))),
        ("bgp speaker add network", Arc::new(bgp_speaker::ADD_NETWORK)),
        ("bgp speaker add peer", Arc::new(bgp_speaker::ADD_PEER)),
        ("bgp speaker create", Arc::new(bgp_speaker::CreateBgpSpeaker)),
        ("bgp speaker delete", Arc::new(DeleteObject(&bgp_speaker::OBJECT))),
        ("bgp speaker list", Arc::new(bgp_speaker::ListBgpSpeaker)),
        ("bgp speaker list advertised routes", Arc::new(bgp_speaker::ListRoutesAdvertisedBySpeaker)),
        ("bgp speaker remove network", Arc::new(bgp_speaker::REMOVE_NETWORK)),
        ("bgp speaker remove peer", Arc::new(bgp_speaker::REMOVE_PEER)),
        ("bgp speaker set", Arc::new(bgp_speaker::SetBgpSpeaker)),
        ("bgp speaker show", Arc::new(ShowObject(&bgp_speaker::OBJECT))),
    ]
}

/// The query mapping of both classes: the base `QueryParameters()` (`limit` and `marker`), so a look-up by
/// name lists every object and matches the name on the client side.
const QUERY: &[(&str, &str)] = &[("limit", "limit"), ("marker", "marker")];

/// The columns hidden from every show (`get_osc_show_columns_for_sdk_resource(obj, {}, [...])`).
const HIDDEN: &[&str] = &["location", "tenant_id"];

/// A speaker's or peer's show output: every attribute, unknown body ones included, sorted.
fn show(res: &NetResource, item: &Json) -> Output {
    common::show(res, item, &[], HIDDEN, common::plain)
}

/// The create commands' end: `--project` as the owner's project ID into the attributes, the object created
/// with them and shown.
fn create(
    cm: &mut ClientManager,
    args: &Args,
    res: &NetResource,
    mut attrs: Map<String, Json>,
) -> Result<Output> {
    project_attr(cm, args, &mut attrs)?;
    let created = fail(common::create(cm, res, attrs))?;
    Ok(show(res, &created))
}

/// `<path under /v2.0>`: a path of the network API's version, as openstacksdk's relative action URLs resolve.
fn versioned_path(cm: &mut ClientManager, path: &str) -> Result<String> {
    Ok(format!("{}{path}", fail(common::version_prefix(cm))?))
}

/// openstacksdk's objects hosted by (or hosting) another: the answer of `path` (a failure raised), then every
/// object of `res` listed, those whose ID the answer lists under `key` kept.
fn listed_in(
    cm: &mut ClientManager,
    path: String,
    key: &str,
    res: &NetResource,
) -> Result<Vec<Json>> {
    let answer = checked(cm, Method::Get, path, None)?;
    let ids: Vec<String> = answer
        .get(key)
        .and_then(Json::as_array)
        .map(|items| items.iter().map(id_of).collect())
        .unwrap_or_default();
    let all = fail(common::list(cm, res, &[], None))?;
    Ok(all
        .into_iter()
        .filter(|item| ids.contains(&id_of(item)))
        .collect())
}

/// An action request whose answer openstacksdk never checks (`session.put(url, json=body)` without
/// `raise_from_response`): sent, its status ignored.
fn unchecked(cm: &mut ClientManager, method: Method, path: String, body: Option<Json>) {
    let mut call = Call::new("network", method, path);
    if let Some(body) = body {
        call = call.body(body);
    }
    // Ignored on purpose: openstacksdk does not look at the status of these calls.
    let _ignored = call.send(cm);
}

/// An action request whose failure openstacksdk raises (`exceptions.raise_from_response`): its JSON answer.
fn checked(
    cm: &mut ClientManager,
    method: Method,
    path: String,
    body: Option<Json>,
) -> Result<Json> {
    let mut call = Call::new("network", method, path);
    if let Some(body) = body {
        call = call.body(body);
    }
    fail(call.json(cm))
}

/// What the show and delete commands of a BGP speaker or peer differ in.
pub struct DrObject {
    /// Its resource class.
    pub res: &'static NetResource,
    /// The positional's dest (`bgp_speaker`).
    pub dest: &'static str,
    /// The positional's metavar (`<bgp-speaker>`).
    pub metavar: &'static str,
    /// How the positional's help names it (`BGP speaker`).
    pub title: &'static str,
    /// The descriptions of show and delete.
    pub descriptions: [&'static str; 2],
}

impl DrObject {
    fn positional(&self, verb: &str) -> Arg {
        Arg::positional(self.dest)
            .metavar(self.metavar)
            .help(&format!("{} to {verb} (name or ID)", self.title))
    }

    fn find_given(&self, cm: &mut ClientManager, args: &Args) -> Result<Json> {
        find(cm, self.res, args.str(self.dest).unwrap_or(""))
    }
}

/// `bgp speaker|peer show`: the object as the look-up found it.
pub struct ShowObject(pub &'static DrObject);

impl Command<ClientManager> for ShowObject {
    fn description(&self) -> &str {
        self.0.descriptions[0]
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(self.0.positional("display"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = self.0.find_given(ctx, args)?;
        Ok(show(self.0.res, &found))
    }
}

/// `bgp speaker|peer delete`: one object, found then deleted.
pub struct DeleteObject(pub &'static DrObject);

impl Command<ClientManager> for DeleteObject {
    fn description(&self) -> &str {
        self.0.descriptions[1]
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(self.0.positional("delete"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = id_of(&self.0.find_given(ctx, args)?);
        fail(common::delete(ctx, self.0.res, &id))?;
        Ok(Output::ok())
    }
}
