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
use crate::extension::{add_project_owner, find, project_attr};
use openstack_sdk::Param;

/// Every taas command, by its multi-word name.
#[rustfmt::skip]
pub fn commands() -> Vec<(&'static str, PluginCommand)> {
    vec![
        ("tap flow create", Arc::new(tap_flow::CreateTapFlow)),
        ("tap flow delete", Arc::new(DeleteObject(&tap_flow::OBJECT))),
        ("tap flow list", Arc::new(ListObject(&tap_flow::OBJECT))),
        ("tap flow show", Arc::new(ShowObject(&tap_flow::OBJECT))),
        ("tap flow update", Arc::new(UpdateObject(&tap_flow::OBJECT, Some(tap_flow::update_output)))),
        ("tap mirror create", Arc::new(tap_mirror::CreateTapMirror)),
        ("tap mirror delete", Arc::new(DeleteObject(&tap_mirror::OBJECT))),
        ("tap mirror list", Arc::new(ListObject(&tap_mirror::OBJECT))),
        ("tap mirror show", Arc::new(ShowObject(&tap_mirror::OBJECT))),
        ("tap mirror update", Arc::new(UpdateObject(&tap_mirror::OBJECT, None))),
        ("tap service create", Arc::new(tap_service::CreateTapService)),
        ("tap service delete", Arc::new(DeleteObject(&tap_service::OBJECT))),
        ("tap service list", Arc::new(ListObject(&tap_service::OBJECT))),
        ("tap service show", Arc::new(ShowObject(&tap_service::OBJECT))),
        ("tap service update", Arc::new(UpdateObject(&tap_service::OBJECT, None))),
    ]
}

/// The query mapping of the three taas classes (`sort_key`, `sort_dir`, `fields`, `name`, `project_id`, and
/// the base class's `limit` and `marker`).
const QUERY: &[(&str, &str)] = &[
    ("limit", "limit"),
    ("marker", "marker"),
    ("sort_key", "sort_key"),
    ("sort_dir", "sort_dir"),
    ("fields", "fields"),
    ("name", "name"),
    ("project_id", "project_id"),
];

/// The columns hidden from every taas show (`_get_columns`).
const HIDDEN: &[&str] = &["location", "tenant_id"];

/// A taas object's show output (`get_osc_show_columns_for_sdk_resource`, no renamed columns).
fn show(res: &NetResource, item: &Json) -> Output {
    common::show(res, item, &[], HIDDEN, common::plain)
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

/// The list commands' `client.<objects>(retrieve_all=True, params=params)`: openstacksdk takes both keywords as
/// query parameters it does not know, so none is sent (a `--project` is looked up, then not used).
fn list_all(cm: &mut ClientManager, args: &Args, res: &NetResource) -> Result<Vec<Json>> {
    common::project_id(cm, args)?;
    let params: Vec<Param> = Vec::new();
    fail(common::list(cm, res, &params, None))
}

/// `client.find_port(name_or_id, ignore_missing=False).id`.
fn find_port_id(cm: &mut ClientManager, name_or_id: &str) -> Result<String> {
    crate::extension::find_id(cm, &crate::resources::PORT, name_or_id)
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

/// What the show, delete and update commands of one taas object differ in.
pub struct TaasObject {
    /// Its resource class.
    pub res: &'static NetResource,
    /// The positional's dest (`tap_service`), also its metavar in angle brackets.
    pub dest: &'static str,
    /// How its positional's help names it (`Tap service`).
    pub title: &'static str,
    /// The descriptions of show, delete, update and list.
    pub descriptions: [&'static str; 4],
    /// The list's `_attr_map`: `(attribute, header)`, all listed (`long_listing=True`).
    pub attr_map: &'static [(&'static str, &'static str)],
    /// The object `--name`/`--description` name in their help (`tap service`).
    pub updatable: &'static str,
    /// The warning logged after each deletion, if any.
    pub deleted: Option<fn(&str) -> String>,
    /// The start of a failed deletion's message.
    pub failure: &'static str,
    /// The message of a delete with failures, from the counts.
    pub summary: fn(usize, usize) -> String,
}

impl TaasObject {
    fn positional(&self, parser: &mut Parser, verb: &str, nargs: Option<cliff::argparse::Nargs>) {
        let mut arg = Arg::positional(self.dest)
            .metavar(&format!("<{}>", self.dest))
            .help(&format!("{} to {verb} (name or ID).", self.title));
        if let Some(nargs) = nargs {
            arg = arg.nargs(nargs);
        }
        parser.add(arg);
    }

    fn find_given(&self, cm: &mut ClientManager, args: &Args) -> Result<Json> {
        find(cm, self.res, args.str(self.dest).unwrap_or(""))
    }
}

/// `<object> show`: found, then fetched by ID.
pub struct ShowObject(pub &'static TaasObject);

impl cliff::Command<ClientManager> for ShowObject {
    fn description(&self) -> &str {
        self.0.descriptions[0]
    }

    fn kind(&self) -> cliff::CommandKind {
        cliff::CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        self.0.positional(parser, "display", None);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = self.0.find_given(ctx, args)?;
        let item = fail(common::get(ctx, self.0.res, &openstack_sdk::id_of(&found)))?;
        Ok(show(self.0.res, &item))
    }
}

/// `<object> delete`.
pub struct DeleteObject(pub &'static TaasObject);

impl cliff::Command<ClientManager> for DeleteObject {
    fn description(&self) -> &str {
        self.0.descriptions[1]
    }

    fn add_arguments(&self, parser: &mut Parser) {
        self.0
            .positional(parser, "delete", Some(cliff::argparse::Nargs::OneOrMore));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        crate::extension::delete_logged(
            ctx,
            self.0.res,
            &args.strings(self.0.dest),
            self.0.deleted,
            self.0.failure,
            self.0.summary,
        )
    }
}

/// `<object> update`: `--name` and `--description`, the result shown as `show` shows it (with `as_keys`, as
/// `tap flow update` shows it instead).
pub struct UpdateObject(
    pub &'static TaasObject,
    pub Option<fn(&mut ClientManager, &Json) -> Result<Output>>,
);

impl cliff::Command<ClientManager> for UpdateObject {
    fn description(&self) -> &str {
        self.0.descriptions[2]
    }

    fn kind(&self) -> cliff::CommandKind {
        cliff::CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        self.0.positional(parser, "modify", None);
        add_updatable_args(parser, self.0.updatable);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = self.0.find_given(ctx, args)?;
        let updated = update_by_id(ctx, self.0.res, &found, updatable_attrs(args))?;
        match self.1 {
            Some(output) => output(ctx, &updated),
            None => Ok(show(self.0.res, &updated)),
        }
    }
}

/// `<object> list`: every object (`--project` looked up, not sent: see [`list_all`]), the attribute map's
/// columns.
pub struct ListObject(pub &'static TaasObject);

impl cliff::Command<ClientManager> for ListObject {
    fn description(&self) -> &str {
        self.0.descriptions[3]
    }

    fn kind(&self) -> cliff::CommandKind {
        cliff::CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_owner(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let items = list_all(ctx, args, self.0.res)?;
        let headers: Vec<&str> = self.0.attr_map.iter().map(|(_, h)| *h).collect();
        let columns: Vec<&str> = self.0.attr_map.iter().map(|(a, _)| *a).collect();
        Ok(common::rows(
            self.0.res,
            &items,
            &headers,
            &columns,
            common::plain,
        ))
    }
}
