//! `openstack.network.v2.dynamic_routing`: BGP speakers, BGP peers and the dynamic routing agents that host
//! speakers (OSC's `network/v2/dynamic_routing`, served by Neutron's neutron-dynamic-routing `bgp` plugin).

pub mod bgp_dragent;
pub mod bgp_peer;
pub mod bgp_speaker;

use std::sync::Arc;

use cliff::{Output, Result};
use osc_lib::{ClientManager, Method, PluginCommand};
use serde_json::Value as Json;

use crate::common::{self, fail, NetResource};
use openstack_sdk::{id_of, Call};

/// Every dynamic routing command, by its multi-word name.
#[rustfmt::skip]
pub fn commands() -> Vec<(&'static str, PluginCommand)> {
    vec![
        ("bgp dragent add speaker", Arc::new(bgp_dragent::AddBgpSpeakerToDrAgent)),
        ("bgp dragent list", Arc::new(bgp_dragent::ListDrAgent)),
        ("bgp dragent remove speaker", Arc::new(bgp_dragent::RemoveBgpSpeakerFromDrAgent)),
        ("bgp peer create", Arc::new(bgp_peer::CreateBgpPeer)),
        ("bgp peer delete", Arc::new(bgp_peer::DeleteBgpPeer)),
        ("bgp peer list", Arc::new(bgp_peer::ListBgpPeer)),
        ("bgp peer set", Arc::new(bgp_peer::SetBgpPeer)),
        ("bgp peer show", Arc::new(bgp_peer::ShowBgpPeer)),
        ("bgp speaker add network", Arc::new(bgp_speaker::AddNetworkToSpeaker)),
        ("bgp speaker add peer", Arc::new(bgp_speaker::AddPeerToSpeaker)),
        ("bgp speaker create", Arc::new(bgp_speaker::CreateBgpSpeaker)),
        ("bgp speaker delete", Arc::new(bgp_speaker::DeleteBgpSpeaker)),
        ("bgp speaker list", Arc::new(bgp_speaker::ListBgpSpeaker)),
        ("bgp speaker list advertised routes", Arc::new(bgp_speaker::ListRoutesAdvertisedBySpeaker)),
        ("bgp speaker remove network", Arc::new(bgp_speaker::RemoveNetworkFromSpeaker)),
        ("bgp speaker remove peer", Arc::new(bgp_speaker::RemovePeerFromSpeaker)),
        ("bgp speaker set", Arc::new(bgp_speaker::SetBgpSpeaker)),
        ("bgp speaker show", Arc::new(bgp_speaker::ShowBgpSpeaker)),
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

/// `client.find_<object>(name_or_id, ignore_missing=False)`.
fn find(cm: &mut ClientManager, res: &NetResource, name_or_id: &str) -> Result<Json> {
    fail(common::find(cm, res, name_or_id, &[]))
}

/// `client.find_<object>(name_or_id, ignore_missing=False).id`.
fn find_id(cm: &mut ClientManager, res: &NetResource, name_or_id: &str) -> Result<String> {
    Ok(id_of(&find(cm, res, name_or_id)?))
}

/// `<path under /v2.0>`: a path of the network API's version, as openstacksdk's relative action URLs resolve.
fn versioned_path(cm: &mut ClientManager, path: &str) -> Result<String> {
    Ok(format!("{}{path}", fail(common::version_prefix(cm))?))
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
