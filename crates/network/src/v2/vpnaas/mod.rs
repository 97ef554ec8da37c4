//! `openstack.network.v2.vpnaas`: VPN endpoint groups, IKE policies, IPsec policies, VPN services and IPsec site
//! connections (OSC's `network/v2/vpnaas`, served by Neutron's neutron-vpnaas plugin).
//!
//! The five objects share one shape: `create` and `set` (their own options), `delete` (each failure printed on
//! stdout, then a summary error), `list` (`--long` adds columns) and `show` (found by name or ID, shown as it was
//! found). No command has `unset`.

pub mod endpoint_group;
pub mod ike_policy;
pub mod ipsec_policy;
pub mod ipsec_site_connection;
pub mod vpn_service;

use std::sync::Arc;

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Error, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager, PluginCommand};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, Formatter, NetResource};
use openstack_sdk::id_of;

/// Every vpnaas command, by its multi-word name.
#[rustfmt::skip]
pub fn commands() -> Vec<(&'static str, PluginCommand)> {
    vec![
        ("vpn endpoint group create", Arc::new(endpoint_group::CreateEndpointGroup)),
        ("vpn endpoint group delete", Arc::new(DeleteObject(&endpoint_group::OBJECT))),
        ("vpn endpoint group list", Arc::new(ListObject(&endpoint_group::OBJECT))),
        ("vpn endpoint group set", Arc::new(endpoint_group::SetEndpointGroup)),
        ("vpn endpoint group show", Arc::new(ShowObject(&endpoint_group::OBJECT))),
        ("vpn ike policy create", Arc::new(CreateForm(&ike_policy::FORM))),
        ("vpn ike policy delete", Arc::new(DeleteObject(&ike_policy::OBJECT))),
        ("vpn ike policy list", Arc::new(ListObject(&ike_policy::OBJECT))),
        ("vpn ike policy set", Arc::new(SetForm(&ike_policy::FORM))),
        ("vpn ike policy show", Arc::new(ShowObject(&ike_policy::OBJECT))),
        ("vpn ipsec policy create", Arc::new(CreateForm(&ipsec_policy::FORM))),
        ("vpn ipsec policy delete", Arc::new(DeleteObject(&ipsec_policy::OBJECT))),
        ("vpn ipsec policy list", Arc::new(ListObject(&ipsec_policy::OBJECT))),
        ("vpn ipsec policy set", Arc::new(SetForm(&ipsec_policy::FORM))),
        ("vpn ipsec policy show", Arc::new(ShowObject(&ipsec_policy::OBJECT))),
        ("vpn ipsec site connection create", Arc::new(ipsec_site_connection::CreateIpsecSiteConnection)),
        ("vpn ipsec site connection delete", Arc::new(DeleteObject(&ipsec_site_connection::OBJECT))),
        ("vpn ipsec site connection list", Arc::new(ListObject(&ipsec_site_connection::OBJECT))),
        ("vpn ipsec site connection set", Arc::new(ipsec_site_connection::SetIpsecSiteConnection)),
        ("vpn ipsec site connection show", Arc::new(ShowObject(&ipsec_site_connection::OBJECT))),
        ("vpn service create", Arc::new(CreateForm(&vpn_service::FORM))),
        ("vpn service delete", Arc::new(DeleteObject(&vpn_service::OBJECT))),
        ("vpn service list", Arc::new(ListObject(&vpn_service::OBJECT))),
        ("vpn service set", Arc::new(SetForm(&vpn_service::FORM))),
        ("vpn service show", Arc::new(ShowObject(&vpn_service::OBJECT))),
    ]
}

/// What the generic commands of one vpnaas object differ in.
pub struct VpnObject {
    /// Its resource class.
    pub res: &'static NetResource,
    /// Whether the class keeps body attributes it does not declare (`_allow_unknown_attrs_in_body`).
    pub keeps_unknown: bool,
    /// The positional's dest (`ikepolicy`).
    pub dest: &'static str,
    /// The positional's metavar (`<ike-policy>`).
    pub metavar: &'static str,
    /// The positional's help in `show`, `delete` and `set`.
    pub positional_help: [&'static str; 3],
    /// The descriptions of show, delete and list.
    pub descriptions: [&'static str; 3],
    /// `_attr_map`: `(attribute, header, long only)`; also the show's column map.
    pub columns: &'static [(&'static str, &'static str, bool)],
    /// The show's hidden columns.
    pub hidden: &'static [&'static str],
    /// The values' formatter (`_formatters`).
    pub formatter: Formatter,
    /// How a failed deletion's printed line names the object ("IKE policy").
    pub delete_what: &'static str,
    /// How the deletion summary names the object ("IKE policy").
    pub delete_summary: &'static str,
}

impl VpnObject {
    /// The resource as openstacksdk holds it: undeclared body attributes dropped unless the class keeps them.
    fn known(&self, item: Json) -> Json {
        if self.keeps_unknown {
            return item;
        }
        match item {
            Json::Object(map) => Json::Object(
                map.into_iter()
                    .filter(|(key, _)| {
                        self.res
                            .attrs
                            .iter()
                            .any(|(name, k, _)| k == key || name == key)
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    /// `get_osc_show_columns_for_sdk_resource(obj, _attr_map_dict, hidden)` with `get_dict_properties`.
    pub fn show(&self, item: Json) -> Output {
        let map: Vec<(&str, &str)> = self.columns.iter().map(|(a, h, _)| (*a, *h)).collect();
        common::show(
            self.res,
            &self.known(item),
            &map,
            self.hidden,
            self.formatter,
        )
    }

    /// `client.find_<object>(name_or_id, ignore_missing=False)`.
    pub fn find(&self, cm: &mut ClientManager, name_or_id: &str) -> Result<Json> {
        crate::extension::find(cm, self.res, name_or_id)
    }

    /// The create's `client.create_<object>(**attrs)`, shown.
    pub fn create(&self, cm: &mut ClientManager, attrs: Map<String, Json>) -> Result<Output> {
        let created = fail(common::create(cm, self.res, attrs))?;
        Ok(self.show(created))
    }

    /// The set's end: the object found by the positional (a failure as it is), then updated with the attributes
    /// (nothing sent when there are none), a failure as `failure(name, error)`.
    pub fn set(
        &self,
        cm: &mut ClientManager,
        args: &Args,
        attrs: Map<String, Json>,
        failure: fn(&str, &str) -> String,
    ) -> Result<Output> {
        let name = args.str(self.dest).unwrap_or("");
        self.set_with(cm, name, attrs, |err| failure(name, err))
    }

    /// [`VpnObject::set`] of the object `name`, a failure as `failure(error)`.
    pub fn set_with(
        &self,
        cm: &mut ClientManager,
        name: &str,
        attrs: Map<String, Json>,
        failure: impl Fn(&str) -> String,
    ) -> Result<Output> {
        let found = self.find(cm, name)?;
        let target = serde_json::json!({ "id": id_of(&found) });
        match common::update(cm, self.res, &target, attrs) {
            Ok(_) => Ok(Output::ok()),
            Err(err) => Err(Error::command(failure(&Error::from(err).message))),
        }
    }

    /// The positional of `set` (the last argument of its parser).
    pub fn add_set_positional(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional(self.dest)
                .metavar(self.metavar)
                .help(self.positional_help[2]),
        );
    }
}

/// `<object> show`: the object as `find` returns it.
pub struct ShowObject(pub &'static VpnObject);

impl cliff::Command<ClientManager> for ShowObject {
    fn description(&self) -> &str {
        self.0.descriptions[0]
    }

    fn kind(&self) -> cliff::CommandKind {
        cliff::CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional(self.0.dest)
                .metavar(self.0.metavar)
                .help(self.0.positional_help[0]),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = self.0.find(ctx, args.str(self.0.dest).unwrap_or(""))?;
        Ok(self.0.show(found))
    }
}

/// `<object> delete`: each found and deleted; each failure printed on stdout as "Failed to delete `<what>` with
/// name or ID `<name>`: `<error>`", then "`<n>` of `<total>` `<what>` failed to delete." as the error.
pub struct DeleteObject(pub &'static VpnObject);

impl cliff::Command<ClientManager> for DeleteObject {
    fn description(&self) -> &str {
        self.0.descriptions[1]
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional(self.0.dest)
                .metavar(self.0.metavar)
                .nargs(Nargs::OneOrMore)
                .help(self.0.positional_help[1]),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let names = args.strings(self.0.dest);
        let mut printed = String::new();
        let mut fails = 0;
        for name in &names {
            let outcome = common::find(ctx, self.0.res, name, &[])
                .and_then(|item| common::delete(ctx, self.0.res, &id_of(&item)));
            if let Err(err) = outcome {
                fails += 1;
                printed.push_str(&format!(
                    "Failed to delete {} with name or ID {name}: {}\n",
                    self.0.delete_what,
                    Error::from(err).message
                ));
            }
        }
        if fails == 0 {
            return Ok(Output::ok());
        }
        Ok(Output::Failed {
            output: Box::new(Output::Text { text: printed }),
            message: format!(
                "{fails} of {} {} failed to delete.",
                names.len(),
                self.0.delete_summary
            ),
        })
    }
}

/// `<object> list`: every object, the long-only columns with `--long`.
pub struct ListObject(pub &'static VpnObject);

impl cliff::Command<ClientManager> for ListObject {
    fn description(&self) -> &str {
        self.0.descriptions[2]
    }

    fn kind(&self) -> cliff::CommandKind {
        cliff::CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let items = fail(common::list(ctx, self.0.res, &[], None))?;
        let (headers, columns) =
            crate::extension::column_definitions(self.0.columns, args.flag("long"));
        let items: Vec<Json> = items.into_iter().map(|item| self.0.known(item)).collect();
        Ok(common::rows(
            self.0.res,
            &items,
            &headers,
            &columns,
            self.0.formatter,
        ))
    }
}

/// What the create and set commands of an object built on `_get_common_parser` and `_get_common_attrs`
/// differ in: create is the common options, `name`, any options of its own and `--project`; set is the common
/// options, `--name` and the object.
pub struct VpnForm {
    /// The object.
    pub object: &'static VpnObject,
    /// The descriptions of create and set.
    pub descriptions: [&'static str; 2],
    /// The help of create's `name` and set's `--name`.
    pub name_help: &'static str,
    /// `_get_common_parser`.
    pub add_common: fn(&mut Parser),
    /// `_get_common_attrs`.
    pub common_attrs: fn(&mut ClientManager, &Args) -> Result<Map<String, Json>>,
    /// Create's own options (added after `name`) and their attributes (after `name`'s), if any.
    pub create_extra: Option<CreateExtra>,
    /// How set's failure names the object: "Failed to set `<what>` '`<name>`': `<error>`".
    pub set_what: &'static str,
}

/// Create's own options and the attributes it takes from them.
pub type CreateExtra = (
    fn(&mut Parser),
    fn(&mut ClientManager, &Args, &mut Map<String, Json>) -> Result<()>,
);

/// `<object> create` of a [`VpnForm`].
pub struct CreateForm(pub &'static VpnForm);

impl cliff::Command<ClientManager> for CreateForm {
    fn description(&self) -> &str {
        self.0.descriptions[0]
    }

    fn kind(&self) -> cliff::CommandKind {
        cliff::CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        (self.0.add_common)(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help(self.0.name_help),
        );
        if let Some((add, _)) = self.0.create_extra {
            add(parser);
        }
        add_project_owner(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = (self.0.common_attrs)(ctx, args)?;
        project_attr(ctx, args, &mut attrs)?;
        given_attrs(args, &mut attrs, &["name"]);
        if let Some((_, extra)) = self.0.create_extra {
            extra(ctx, args, &mut attrs)?;
        }
        self.0.object.create(ctx, attrs)
    }
}

/// `<object> set` of a [`VpnForm`].
pub struct SetForm(pub &'static VpnForm);

impl cliff::Command<ClientManager> for SetForm {
    fn description(&self) -> &str {
        self.0.descriptions[1]
    }

    fn add_arguments(&self, parser: &mut Parser) {
        (self.0.add_common)(parser);
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help(self.0.name_help),
        );
        self.0.object.add_set_positional(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = (self.0.common_attrs)(ctx, args)?;
        given_attrs(args, &mut attrs, &["name"]);
        let name = args.str(self.0.object.dest).unwrap_or("");
        let message = |err: &str| format!("Failed to set {} '{name}': {err}", self.0.set_what);
        self.0.object.set_with(ctx, name, attrs, message)
    }
}

// ---- shared options ----

pub use crate::extension::{add_project_owner, project_attr};

/// An option with `type=_convert_to_lowercase` and `choices`: shown as `{a,b}`, the lower-cased value checked by
/// `check` (see [`lower_choice`]); read it with [`lower`].
pub fn choice_option(
    flag: &str,
    choices: &[&str],
    check: fn(&ArgValue) -> std::result::Result<(), String>,
    help: &str,
) -> Arg {
    Arg::option(&[flag])
        .metavar(&format!("{{{}}}", choices.join(",")))
        .check(check)
        .help(help)
}

/// argparse's choices check of a lower-cased value: "invalid choice: 'x' (choose from 'a', 'b')".
pub fn lower_choice(value: &ArgValue, choices: &[&str]) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) if !choices.contains(&text.to_lowercase().as_str()) => {
            let quoted: Vec<String> = choices.iter().map(|c| format!("'{c}'")).collect();
            Err(format!(
                "invalid choice: '{}' (choose from {})",
                text.to_lowercase(),
                quoted.join(", ")
            ))
        }
        _ => Ok(()),
    }
}

/// A lower-cased option's value when it is set (`if parsed_args.x:`).
pub fn lower(args: &Args, dest: &str) -> Option<String> {
    common::given(args, dest).map(str::to_lowercase)
}

/// `if parsed_args.<dest>: attrs[<dest>] = parsed_args.<dest>.lower()` for each dest.
pub fn lower_attrs(args: &Args, attrs: &mut Map<String, Json>, dests: &[&str]) {
    for dest in dests {
        if let Some(value) = lower(args, dest) {
            attrs.insert((*dest).to_owned(), Json::from(value));
        }
    }
}

/// `if parsed_args.<dest>: attrs[<dest>] = parsed_args.<dest>` for each dest.
pub fn given_attrs(args: &Args, attrs: &mut Map<String, Json>, dests: &[&str]) {
    for dest in dests {
        if let Some(value) = common::given(args, dest) {
            attrs.insert((*dest).to_owned(), Json::from(value));
        }
    }
}

/// `if parsed_args.<dest>: attrs[<key>] = client.find_<object>(parsed_args.<dest>, ignore_missing=False).id` for
/// each `(dest, object's class, key)`.
pub fn found_id_attrs(
    cm: &mut ClientManager,
    args: &Args,
    attrs: &mut Map<String, Json>,
    lookups: &[(&str, &NetResource, &str)],
) -> Result<()> {
    for (dest, res, key) in lookups {
        if let Some(name_or_id) = common::given(args, dest) {
            let id = crate::extension::find_id(cm, res, name_or_id)?;
            attrs.insert((*key).to_owned(), Json::from(id));
        }
    }
    Ok(())
}

/// A `MultiKeyValueAction` option with these optional keys: its check of each value.
pub fn multi_key_value_check(
    value: &ArgValue,
    optional: &[&str],
) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => {
            parseractions::multi_key_value(std::slice::from_ref(text), &[], optional).map(|_| ())
        }
        _ => Ok(()),
    }
}

/// `vpn_utils.validate_lifetime_dict(parsed_args.lifetime)` / `validate_dpd_dict(parsed_args.dpd)` when the
/// option is given: `MultiKeyValueAction` stores a list of dicts, which the validators call `.items()` on, so any
/// use of the option fails.
pub fn multi_key_value_given(args: &Args, dest: &str) -> Result<()> {
    if args.strings(dest).is_empty() {
        return Ok(());
    }
    Err(Error::command("'list' object has no attribute 'items'"))
}

/// `--enable`/`--disable` (each a `store_true` of a mutually exclusive group) as `admin_state_up`.
pub fn admin_state_attrs(args: &Args, attrs: &mut Map<String, Json>) {
    common::flag_attrs(
        args,
        attrs,
        &[
            ("enable", "admin_state_up", true),
            ("disable", "admin_state_up", false),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_choice_checks_the_lower_cased_value() {
        let choices = ["v1", "v2"];
        assert!(lower_choice(&ArgValue::Str("V2".into()), &choices).is_ok());
        assert_eq!(
            lower_choice(&ArgValue::Str("V3".into()), &choices),
            Err("invalid choice: 'v3' (choose from 'v1', 'v2')".to_owned())
        );
    }

    fn parsed(command: &dyn cliff::Command<ClientManager>, argv: &[&str]) -> Args {
        let mut parser = Parser::new("t");
        command.add_arguments(&mut parser);
        let argv: Vec<String> = argv.iter().map(|a| (*a).to_owned()).collect();
        parser.parse_args(&argv).unwrap()
    }

    #[test]
    fn delete_prints_each_failure_then_fails_with_the_count() {
        let t = openstack_sdk::testing::Scripted::new(&[
            (404, "{}"),
            (200, r#"{"ikepolicies": []}"#),
            (200, r#"{"ikepolicy": {"id": "1"}}"#),
            (204, ""),
        ]);
        let mut cm = t.manager();
        let command = DeleteObject(&ike_policy::OBJECT);
        let output =
            cliff::Command::take_action(&command, &mut cm, &parsed(&command, &["a", "1"])).unwrap();
        assert_eq!(
            output,
            Output::Failed {
                output: Box::new(Output::Text {
                    text: "Failed to delete IKE policy with name or ID a: No VpnIkePolicy found for a\n"
                        .to_owned()
                }),
                message: "1 of 2 IKE policy failed to delete.".to_owned(),
            }
        );
        assert_eq!(t.sent().last().unwrap(), "DELETE /v2.0/vpn/ikepolicies/1");
    }

    #[test]
    fn set_without_changes_sends_nothing_after_the_lookup() {
        let t = openstack_sdk::testing::Scripted::new(&[(200, r#"{"ikepolicy": {"id": "1"}}"#)]);
        let mut cm = t.manager();
        let command = SetForm(&ike_policy::FORM);
        let output =
            cliff::Command::take_action(&command, &mut cm, &parsed(&command, &["p"])).unwrap();
        assert_eq!(output, Output::ok());
        assert_eq!(t.sent().len(), 1);
    }

    #[test]
    fn lifetime_and_dpd_fail_as_osc_does() {
        let command = SetForm(&ike_policy::FORM);
        let mut cm = openstack_sdk::testing::Scripted::new(&[]).manager();
        let args = parsed(&command, &["p", "--lifetime", "value=7200"]);
        let err = cliff::Command::take_action(&command, &mut cm, &args).unwrap_err();
        assert_eq!(err.message, "'list' object has no attribute 'items'");
    }

    #[test]
    fn every_command_is_registered_once() {
        let names: Vec<&str> = commands().iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), 25);
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 25);
    }
}
