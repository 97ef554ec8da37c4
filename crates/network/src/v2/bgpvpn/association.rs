//! What the network, router and port associations of a BGP VPN share (OSC's three association modules are the
//! same commands over another sub-resource of `/bgpvpn/bgpvpns/{bgpvpn_id}`): create, delete, list, show, and
//! set/unset for router and port associations.

use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use super::{
    add_list_options, add_project_owner, client_filtered, column_definitions, find_bgpvpn,
    project_attr, properties, split_filters,
};
use crate::common::{fail, Formatter, Kind, NetResource};
use crate::extension::find_id;
use crate::nested;
use openstack_sdk::{id_of, Resource};

/// The columns hidden from every association's show (`_get_columns`).
pub const HIDDEN: &[&str] = &["location", "name", "tenant_id"];

/// The resource class of one kind of association under `/bgpvpn/bgpvpns/{bgpvpn_id}/<plural>` (`limit` and
/// `marker` its only query, committed with PUT, `bgpvpn_id` a URI attribute).
pub const fn resource(
    class: &'static str,
    key: &'static str,
    plural: &'static str,
    base_path: &'static str,
    attrs: &'static [(&'static str, &'static str, Kind)],
) -> NetResource {
    NetResource {
        resource: Resource {
            service: "network",
            class,
            key,
            plural,
            base_path,
            query: &[("limit", "limit"), ("marker", "marker")],
            commit_method: osc_lib::Method::Put,
            ..Resource::DEFAULT
        },
        attrs,
        shadowed: &["bgpvpn_id"],
    }
}

/// `_args2body(client, action, bgpvpn_id, args)`: the body of create, set or unset.
pub type BodyFn = fn(&mut ClientManager, &str, &str, &Args) -> Result<Map<String, Json>>;

/// A check of listed associations (`--long` given) before they are shown.
pub type ListCheck = fn(&[Json], bool) -> Result<()>;

/// What the commands of one kind of association differ in.
pub struct AssocObject {
    /// Its resource class (under `{bgpvpn_id}`).
    pub res: &'static NetResource,
    /// The associated kind, lower case (`network`).
    pub kind: &'static str,
    /// The same, capitalised (`Network`).
    pub title: &'static str,
    /// The dest of the associated resource's positional in create (`resource`, or `port`).
    pub resource_dest: &'static str,
    /// The dest prefix of the association ID positionals (`resource_association`, or `port_association`).
    pub id_dest: &'static str,
    /// The descriptions of create, delete, list, show, set and unset.
    pub descriptions: [&'static str; 6],
    /// `_attr_map`: (attribute, header, listed only with `--long`).
    pub attr_map: &'static [(&'static str, &'static str, bool)],
    /// `_formatters`.
    pub formatter: Formatter,
    /// The associated resource's class, whose ID create finds by name or ID (`client.find_<kind>(...,
    /// ignore_missing=False)`).
    pub resource: &'static NetResource,
    /// The options `_get_common_parser(parser, action)` adds (`create`, `set` or `unset`), if any.
    pub add_options: Option<fn(&mut Parser, &str)>,
    /// `_args2body`: the body of create, set or unset (the BGP VPN's ID given).
    pub body: Option<BodyFn>,
    /// The show output of one association (after any `_transform_resource`), when it is not [`plain_show`]'s
    /// through the formatter.
    pub show: Option<fn(&Json) -> Output>,
    /// A check of the listed associations before they are shown (`--long` given), as the port association's
    /// transformed routes fail.
    pub list_check: Option<ListCheck>,
}

impl AssocObject {
    fn id_metavar(&self) -> String {
        format!("<{} association ID>", self.kind)
    }

    /// The one association ID positional of show, set and unset: "`<Kind>` association ID to `<verb>`".
    fn id_arg(&self, verb: &str) -> Arg {
        Arg::positional(&format!("{}_id", self.id_dest))
            .metavar(&self.id_metavar())
            .help(&format!("{} association ID to {verb}", self.title))
    }

    fn given_id<'a>(&self, args: &'a Args) -> &'a str {
        args.str(&format!("{}_id", self.id_dest)).unwrap_or("")
    }

    fn bgpvpn_arg(&self, help: &str) -> Arg {
        Arg::positional("bgpvpn").metavar("<bgpvpn>").help(help)
    }

    fn show(&self, item: &Json) -> Output {
        match self.show {
            Some(show) => show(item),
            None => plain_show(self.res, item, self.formatter),
        }
    }

    fn bgpvpn_id(&self, cm: &mut ClientManager, args: &Args) -> Result<String> {
        Ok(id_of(&find_bgpvpn(cm, args.str("bgpvpn").unwrap_or(""))?))
    }
}

/// The association's show output as the network and router associations show it: every attribute but the
/// hidden ones, sorted, through the formatter.
pub fn plain_show(res: &NetResource, item: &Json, formatter: Formatter) -> Output {
    crate::common::show(res, item, &[], HIDDEN, formatter)
}

/// `bgpvpn <kind> association create`.
pub struct CreateAssociation(pub &'static AssocObject);

impl Command<ClientManager> for CreateAssociation {
    fn description(&self) -> &str {
        self.0.descriptions[0]
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let o = self.0;
        add_project_owner(parser);
        parser.add(o.bgpvpn_arg(&format!(
            "BGP VPN to apply the {} association (name or ID)",
            o.kind
        )));
        parser.add(
            Arg::positional(o.resource_dest)
                .metavar(&format!("<{}>", o.kind))
                .help(&format!(
                    "{} to associate the BGP VPN (name or ID)",
                    o.title
                )),
        );
        if let Some(add) = o.add_options {
            add(parser, "create");
        }
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let o = self.0;
        let bgpvpn_id = o.bgpvpn_id(ctx, args)?;
        let resource_id = find_id(ctx, o.resource, args.str(o.resource_dest).unwrap_or(""))?;
        let mut attrs = Map::new();
        attrs.insert(format!("{}_id", o.kind), Json::from(resource_id));
        project_attr(ctx, args, &mut attrs)?;
        if let Some(body) = o.body {
            attrs.extend(body(ctx, "create", &bgpvpn_id, args)?);
        }
        let uri = [("bgpvpn_id", bgpvpn_id.as_str())];
        let answer = fail(nested::create_under(ctx, o.res, &uri, attrs.clone()))?;
        // openstacksdk's resource keeps what was sent, overlaid with the answer.
        if let Json::Object(answer) = answer {
            attrs.extend(answer);
        }
        Ok(o.show(&Json::Object(attrs)))
    }
}

/// `bgpvpn <kind> association delete`: each ID deleted under the BGP VPN (a missing one is no failure, as
/// openstacksdk ignores the 404), a warning logged after each.
pub struct DeleteAssociation(pub &'static AssocObject);

impl Command<ClientManager> for DeleteAssociation {
    fn description(&self) -> &str {
        self.0.descriptions[1]
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let o = self.0;
        parser.add(
            Arg::positional(&format!("{}_ids", o.id_dest))
                .metavar(&o.id_metavar())
                .nargs(cliff::argparse::Nargs::OneOrMore)
                .help(&format!("{} association ID(s) to remove", o.title)),
        );
        parser.add(o.bgpvpn_arg(&format!(
            "BGP VPN the {} association belongs to (name or ID)",
            o.kind
        )));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let o = self.0;
        let bgpvpn_id = o.bgpvpn_id(ctx, args)?;
        let ids = args.strings(&format!("{}_ids", o.id_dest));
        let mut fails = 0;
        for id in &ids {
            match nested::delete_under(ctx, o.res, &[("bgpvpn_id", &bgpvpn_id)], id) {
                Ok(()) => log::warn!("{} association {id} deleted", o.title),
                Err(err) => {
                    fails += 1;
                    log::error!(
                        "Failed to delete {} association with ID '{id}': {err}",
                        o.kind
                    );
                }
            }
        }
        if fails > 0 {
            return Err(Error::command(format!(
                "Failed to delete {fails} of {} {} BGP VPN association(s).",
                ids.len(),
                o.kind
            )));
        }
        Ok(Output::ok())
    }
}

/// `bgpvpn <kind> association list`.
pub struct ListAssociation(pub &'static AssocObject);

impl Command<ClientManager> for ListAssociation {
    fn description(&self) -> &str {
        self.0.descriptions[2]
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            self.0
                .bgpvpn_arg("BGP VPN listed associations belong to (name or ID)"),
        );
        add_list_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let o = self.0;
        let bgpvpn_id = o.bgpvpn_id(ctx, args)?;
        let (params, client) = split_filters(o.res, &properties(args)?);
        let uri = [("bgpvpn_id", bgpvpn_id.as_str())];
        let items = fail(nested::list_under(ctx, o.res, &uri, &params, None))?;
        let items = client_filtered(o.res, items, &client);
        let long = args.flag("long");
        if let Some(check) = o.list_check {
            check(&items, long)?;
        }
        let (headers, columns) = column_definitions(o.attr_map, long);
        Ok(crate::common::rows(
            o.res,
            &items,
            &headers,
            &columns,
            o.formatter,
        ))
    }
}

/// `bgpvpn <kind> association show`.
pub struct ShowAssociation(pub &'static AssocObject);

impl Command<ClientManager> for ShowAssociation {
    fn description(&self) -> &str {
        self.0.descriptions[3]
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let o = self.0;
        parser.add(o.id_arg("look up"));
        parser.add(o.bgpvpn_arg("BGP VPN the association belongs to (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let o = self.0;
        let bgpvpn_id = o.bgpvpn_id(ctx, args)?;
        let id = o.given_id(args);
        let item = fail(nested::get_under(
            ctx,
            o.res,
            &[("bgpvpn_id", &bgpvpn_id)],
            id,
        ))?;
        Ok(o.show(&item))
    }
}

/// `bgpvpn <kind> association set` and `unset` (the action): the body `_args2body` makes, PUT under the BGP
/// VPN; nothing is shown.
pub struct SetAssociation(pub &'static AssocObject, pub &'static str);

impl Command<ClientManager> for SetAssociation {
    fn description(&self) -> &str {
        if self.1 == "set" {
            self.0.descriptions[4]
        } else {
            self.0.descriptions[5]
        }
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let o = self.0;
        parser.add(o.id_arg("update"));
        parser.add(o.bgpvpn_arg(&format!(
            "BGP VPN the {} association belongs to (name or ID)",
            o.kind
        )));
        if let Some(add) = o.add_options {
            add(parser, self.1);
        }
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let o = self.0;
        let bgpvpn_id = o.bgpvpn_id(ctx, args)?;
        let attrs = match o.body {
            Some(body) => body(ctx, self.1, &bgpvpn_id, args)?,
            None => Map::new(),
        };
        let id = o.given_id(args);
        fail(nested::update_under(
            ctx,
            o.res,
            &[("bgpvpn_id", &bgpvpn_id)],
            id,
            attrs,
        ))?;
        Ok(Output::ok())
    }
}
