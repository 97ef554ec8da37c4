//! `openstack.network.v2.fwaas`: firewall groups, firewall policies and firewall rules (OSC's
//! `network/v2/fwaas`, served by Neutron's FWaaS v2 plugin, `firewall_v2`).

pub mod group;
pub mod policy;
pub mod rule;

use std::sync::Arc;

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::{ClientManager, PluginCommand};
use serde_json::{json, Map, Value as Json};

use crate::common::{self, fail, Formatter, NetResource};
use crate::extension::{add_project_owner, find, find_id, project_attr};

/// Every fwaas command, by its multi-word name.
#[rustfmt::skip]
pub fn commands() -> Vec<(&'static str, PluginCommand)> {
    vec![
        ("firewall group create", Arc::new(group::CreateFirewallGroup)),
        ("firewall group delete", Arc::new(DeleteObject(&group::OBJECT))),
        ("firewall group list", Arc::new(group::ListFirewallGroup)),
        ("firewall group policy add rule", Arc::new(policy::FirewallPolicyInsertRule)),
        ("firewall group policy create", Arc::new(policy::CreateFirewallPolicy)),
        ("firewall group policy delete", Arc::new(DeleteObject(&policy::OBJECT))),
        ("firewall group policy list", Arc::new(policy::ListFirewallPolicy)),
        ("firewall group policy remove rule", Arc::new(policy::FirewallPolicyRemoveRule)),
        ("firewall group policy set", Arc::new(policy::SetFirewallPolicy)),
        ("firewall group policy show", Arc::new(ShowObject(&policy::OBJECT))),
        ("firewall group policy unset", Arc::new(policy::UnsetFirewallPolicy)),
        ("firewall group rule create", Arc::new(rule::CreateFirewallRule)),
        ("firewall group rule delete", Arc::new(DeleteObject(&rule::OBJECT))),
        ("firewall group rule list", Arc::new(rule::ListFirewallRule)),
        ("firewall group rule set", Arc::new(rule::SetFirewallRule)),
        ("firewall group rule show", Arc::new(ShowObject(&rule::OBJECT))),
        ("firewall group rule unset", Arc::new(rule::UnsetFirewallRule)),
        ("firewall group set", Arc::new(group::SetFirewallGroup)),
        ("firewall group show", Arc::new(ShowObject(&group::OBJECT))),
        ("firewall group unset", Arc::new(group::UnsetFirewallGroup)),
    ]
}

/// A firewall object as its `show` and `delete` commands describe it (the three differ only in these words).
pub struct FwObject {
    /// The resource.
    pub res: &'static NetResource,
    /// The positional's dest (`firewall_group`...).
    pub dest: &'static str,
    /// The object's `_attr_map`.
    pub attr_map: AttrMap,
    /// How a shown value is formatted.
    pub formatter: Formatter,
    /// `show`'s description and positional help.
    pub show: (&'static str, &'static str),
    /// `delete`'s description and positional help.
    pub delete: (&'static str, &'static str),
    /// The start of a failed deletion's message.
    pub delete_failure: &'static str,
    /// The objects' plural in the failure summary.
    pub plural: &'static str,
    /// The module of the `repr()` a failed deletion names, for the objects whose failure names the found one.
    pub repr_module: Option<&'static str>,
}

/// `firewall group [policy|rule] show`: found by name or ID, then fetched by ID.
pub struct ShowObject(pub &'static FwObject);

impl Command<ClientManager> for ShowObject {
    fn description(&self) -> &str {
        self.0.show.0
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_positional(parser, self.0.dest, self.0.show.1);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let object = self.0;
        let id = find_id(ctx, object.res, args.str(object.dest).unwrap_or(""))?;
        let item = fail(common::get(ctx, object.res, &id))?;
        Ok(show(object.res, &item, object.attr_map, object.formatter))
    }
}

/// `firewall group [policy|rule] delete`.
pub struct DeleteObject(pub &'static FwObject);

impl Command<ClientManager> for DeleteObject {
    fn description(&self) -> &str {
        self.0.delete.0
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_positionals(parser, self.0.dest, self.0.delete.1);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let object = self.0;
        delete(
            ctx,
            object.res,
            &args.strings(object.dest),
            object.delete_failure,
            object.plural,
            object.repr_module,
        )
    }
}

/// The columns hidden from every fwaas show (`['location', 'tenant_id']`).
const HIDDEN: &[&str] = &["location", "tenant_id"];

/// When a column of an `_attr_map` is listed (`column_util.LIST_BOTH`, `LIST_SHORT_ONLY`, `LIST_LONG_ONLY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// Always.
    Both,
    /// Only without `--long`.
    ShortOnly,
    /// Only with `--long`.
    LongOnly,
}

/// An `_attr_map` entry: (attribute, header, when listed).
pub type AttrMap = &'static [(&'static str, &'static str, Listed)];

/// `_attr_map_dict`: (attribute, header) of every entry.
fn column_map(attr_map: AttrMap) -> Vec<(&'static str, &'static str)> {
    attr_map.iter().map(|(a, h, _)| (*a, *h)).collect()
}

/// `column_util.get_column_definitions(_attr_map, long_listing)`: the headers and attributes listed.
fn list_columns(attr_map: AttrMap, long: bool) -> (Vec<&'static str>, Vec<&'static str>) {
    attr_map
        .iter()
        .filter(|(_, _, listed)| match listed {
            Listed::Both => true,
            Listed::ShortOnly => !long,
            Listed::LongOnly => long,
        })
        .map(|(a, h, _)| (*h, *a))
        .unzip()
}

/// A fwaas show: `get_osc_show_columns_for_sdk_resource(obj, _attr_map_dict, ['location', 'tenant_id'])`.
fn show(res: &NetResource, item: &Json, attr_map: AttrMap, formatter: Formatter) -> Output {
    common::show(res, item, &column_map(attr_map), HIDDEN, formatter)
}

/// A fwaas list: every object (no query), the `_attr_map`'s columns for `--long` or not.
fn list(
    cm: &mut ClientManager,
    args: &Args,
    res: &NetResource,
    attr_map: AttrMap,
    formatter: Formatter,
    extend: fn(&mut Json),
) -> Result<Output> {
    let mut items = fail(common::list(cm, res, &[], None))?;
    items.iter_mut().for_each(extend);
    let (headers, columns) = list_columns(attr_map, args.flag("long"));
    Ok(common::rows(res, &items, &headers, &columns, formatter))
}

/// `--long` of the list commands.
fn add_long(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--long"])
            .flag()
            .help("List additional fields in output"),
    );
}

/// A positional naming one object (`firewall_group`, `<firewall-group>`), with its help.
fn add_positional(parser: &mut Parser, dest: &str, help: &str) {
    parser.add(
        Arg::positional(dest)
            .metavar(&format!("<{}>", dest.replace('_', "-")))
            .help(help),
    );
}

/// The positional of a delete command: one or more objects.
fn add_positionals(parser: &mut Parser, dest: &str, help: &str) {
    parser.add(
        Arg::positional(dest)
            .metavar(&format!("<{}>", dest.replace('_', "-")))
            .nargs(Nargs::OneOrMore)
            .help(help),
    );
}

/// The optional `<name>` positional and the deprecated `--name` of `firewall group create` and
/// `firewall group rule create`.
fn add_create_name(parser: &mut Parser, positional_help: &str, option: Arg) {
    parser.add(
        Arg::positional("positional_name")
            .metavar("<name>")
            .nargs(Nargs::Optional)
            .help(positional_help),
    );
    parser.add(option);
}

/// The name a create command uses: the positional or `--name` (deprecated: `command` names the command in the
/// warning), not both.
fn create_name(args: &Args, command: &str) -> Result<Option<String>> {
    let positional = common::given(args, "positional_name");
    let option = common::given(args, "name");
    if positional.is_some() && option.is_some() {
        return Err(Error::command(
            "Cannot specify name as both a positional argument and with the --name option.",
        ));
    }
    if let Some(name) = option {
        log::warn!(
            "The --name option is deprecated for the \"{command}\" command, please pass the name as a \
             positional argument instead."
        );
        return Ok(Some(name.to_owned()));
    }
    Ok(positional.map(str::to_owned))
}

/// `client.update_<object>(id, **attrs)` of the set and unset commands (nothing sent without attributes); a
/// failure reads "Failed to `<verb>` `<what>` '`<given>`': `<error>`".
fn update_by_id(
    cm: &mut ClientManager,
    res: &NetResource,
    id: &str,
    attrs: Map<String, Json>,
    failure: &str,
) -> Result<Output> {
    common::update(cm, res, &json!({ "id": id }), attrs)
        .map_err(|e| Error::command(format!("{failure}: {e}")))?;
    Ok(Output::ok())
}

/// The delete commands: each found and deleted in order, a failure logged as "`<failure>` '`<name>`': `<error>`",
/// then "`<n>` of `<total>` `<plural>` failed to delete.". With `module` (OSC rebinds its loop variable to the
/// found resource), a failed deletion names the resource by its `repr()` in that module instead.
fn delete(
    cm: &mut ClientManager,
    res: &NetResource,
    names: &[String],
    failure: &str,
    plural: &'static str,
    module: Option<&str>,
) -> Result<Output> {
    let summary = |fails, total| format!("{fails} of {total} {plural} failed to delete.");
    match module {
        Some(module) => {
            crate::extension::delete_logged_found(cm, res, module, names, failure, summary)
        }
        None => crate::extension::delete_logged(cm, res, names, None, failure, summary),
    }
}

/// The values of a repeatable option, each once, as Python's `set()` of them (in the order first given).
fn unique(values: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        if !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: AttrMap = &[
        ("id", "ID", Listed::Both),
        ("summary", "Summary", Listed::ShortOnly),
        ("description", "Description", Listed::LongOnly),
    ];

    #[test]
    fn list_columns_follow_the_listing() {
        assert_eq!(
            list_columns(MAP, false),
            (vec!["ID", "Summary"], vec!["id", "summary"])
        );
        assert_eq!(
            list_columns(MAP, true),
            (vec!["ID", "Description"], vec!["id", "description"])
        );
    }

    #[test]
    fn unique_keeps_the_first() {
        assert_eq!(
            unique(vec!["a".into(), "b".into(), "a".into()]),
            vec!["a".to_owned(), "b".to_owned()]
        );
    }
}
