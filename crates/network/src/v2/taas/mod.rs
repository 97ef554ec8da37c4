//! `openstack.network.v2.taas`: tap services, tap flows and tap mirrors (OSC's `network/v2/taas`, served by
//! Neutron's tap-as-a-service plugin).

pub mod tap_flow;
pub mod tap_mirror;
pub mod tap_service;

use std::sync::Arc;

use cliff::{Arg, Args, Output, Parser, Result};
use osc_lib::{ClientManager, PluginCommand};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, present, NetResource};
use openstack_sdk::Param;

/// Every taas command, by its multi-word name.
#[rustfmt::skip]
pub fn commands() -> Vec<(&'static str, PluginCommand)> {
    vec![
        ("tap flow create", Arc::new(tap_flow::CreateTapFlow)),
        ("tap flow delete", Arc::new(tap_flow::DeleteTapFlow)),
        ("tap flow list", Arc::new(tap_flow::ListTapFlow)),
        ("tap flow show", Arc::new(tap_flow::ShowTapFlow)),
        ("tap flow update", Arc::new(tap_flow::UpdateTapFlow)),
        ("tap mirror create", Arc::new(tap_mirror::CreateTapMirror)),
        ("tap mirror delete", Arc::new(tap_mirror::DeleteTapMirror)),
        ("tap mirror list", Arc::new(tap_mirror::ListTapMirror)),
        ("tap mirror show", Arc::new(tap_mirror::ShowTapMirror)),
        ("tap mirror update", Arc::new(tap_mirror::UpdateTapMirror)),
        ("tap service create", Arc::new(tap_service::CreateTapService)),
        ("tap service delete", Arc::new(tap_service::DeleteTapService)),
        ("tap service list", Arc::new(tap_service::ListTapService)),
        ("tap service show", Arc::new(tap_service::ShowTapService)),
        ("tap service update", Arc::new(tap_service::UpdateTapService)),
    ]
}

/// The columns hidden from every taas show (`_get_columns`).
const HIDDEN: &[&str] = &["location", "tenant_id"];

/// A taas object's show output (`get_osc_show_columns_for_sdk_resource`, no renamed columns).
fn show(res: &NetResource, item: &Json) -> Output {
    common::show(res, item, &[], HIDDEN, common::plain)
}

/// `identity_utils.add_project_owner_option_to_parser`: `--project` and `--project-domain`.
fn add_project_owner(parser: &mut Parser) {
    common::add_project_options(parser, "Owner's project (name or ID)");
}

/// `_add_updatable_args`: `--name` and `--description` of the object called `what` ("tap service").
fn add_updatable_args(parser: &mut Parser, what: &str) {
    parser.add(Arg::option(&["--name"]).help(&format!("Name of the {what}.")));
    parser.add(Arg::option(&["--description"]).help(&format!("Description of the {what}.")));
}

/// The attributes of `_add_updatable_args` that are not `None`.
fn updatable_attrs(args: &Args) -> Map<String, Json> {
    let mut attrs = Map::new();
    for key in ["name", "description"] {
        if let Some(value) = present(args, key) {
            attrs.insert(key.into(), Json::from(value));
        }
    }
    attrs
}

/// `--project` as the owner's project ID into the attributes, when given.
fn project_attr(cm: &mut ClientManager, args: &Args, attrs: &mut Map<String, Json>) -> Result<()> {
    if let Some(project_id) = common::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project_id));
    }
    Ok(())
}

/// The list commands' `client.<objects>(retrieve_all=True, params=params)`: openstacksdk takes both keywords as
/// query parameters it does not know, so none is sent (a `--project` is looked up, then not used).
fn list_all(cm: &mut ClientManager, args: &Args, res: &NetResource) -> Result<Vec<Json>> {
    common::project_id(cm, args)?;
    let params: Vec<Param> = Vec::new();
    fail(common::list(cm, res, &params, None))
}

/// `client.find_<object>(name_or_id, ignore_missing=False)`.
fn find(cm: &mut ClientManager, res: &NetResource, name_or_id: &str) -> Result<Json> {
    fail(common::find(cm, res, name_or_id, &[]))
}

/// `client.find_port(name_or_id, ignore_missing=False).id`.
fn find_port_id(cm: &mut ClientManager, name_or_id: &str) -> Result<String> {
    Ok(openstack_sdk::id_of(&find(
        cm,
        &crate::resources::PORT,
        name_or_id,
    )?))
}

/// `client.update_<object>(id, **attrs)`: a PUT of the attributes; with none, nothing is sent and openstacksdk
/// returns the resource it made from the ID alone (every other attribute `None`).
fn update_by_id(
    cm: &mut ClientManager,
    res: &NetResource,
    found: &Json,
    attrs: Map<String, Json>,
) -> Result<Json> {
    if attrs.is_empty() {
        return Ok(serde_json::json!({ "id": openstack_sdk::id_of(found) }));
    }
    fail(common::update(cm, res, found, attrs))
}
