//! `domain create|delete|list|set|show` (openstacksdk `Domain`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self, given, tri_state};
use crate::output::{self, fail};
use crate::resources::DOMAIN;
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `_format_domain`.
pub fn format_domain(item: &Json) -> Output {
    output::show(vec![
        ("id", sdk::attr(item, "id")),
        ("name", sdk::attr(item, "name")),
        ("enabled", sdk::bool_attr(item, "enabled")),
        ("description", sdk::attr(item, "description")),
        ("options", sdk::attr(item, "options")),
    ])
}

fn add_enable_options(parser: &mut Parser, create: bool) {
    let group = parser.add_mutex(None, false);
    let (enable_help, disable_help) = if create {
        ("Enable domain (default)", "Disable domain")
    } else {
        ("Enable domain", "Disable domain")
    };
    let default = if create {
        ArgValue::Bool(true)
    } else {
        ArgValue::Null
    };
    parser.add_to_mutex(
        group,
        crate::common::with_default(
            Arg::option(&["--enable"])
                .dest("is_enabled")
                .action(Action::StoreTrue),
            default.clone(),
        )
        .help(enable_help),
    );
    let disable = Arg::option(&["--disable"])
        .dest("is_enabled")
        .action(Action::StoreFalse);
    let disable = if create {
        disable
    } else {
        disable.default_none()
    };
    parser.add_to_mutex(group, disable.help(disable_help));
}

/// `domain create`.
pub struct CreateDomain;

impl Command<ClientManager> for CreateDomain {
    fn description(&self) -> &str {
        "Create new domain"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<domain-name>")
                .help("New domain name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New domain description"),
        );
        add_enable_options(parser, true);
        parser.add(
            Arg::option(&["--or-show"])
                .flag()
                .help("Return existing domain"),
        );
        common::add_resource_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut options = Map::new();
        if let Some(immutable) = tri_state(args, "immutable") {
            options.insert("immutable".to_owned(), Json::Bool(immutable));
        }
        let name = args.str("name").unwrap_or("");
        let mut body = Map::new();
        body.insert(
            "description".to_owned(),
            args.str("description").map_or(Json::Null, Json::from),
        );
        body.insert(
            "enabled".to_owned(),
            Json::Bool(tri_state(args, "is_enabled").unwrap_or(true)),
        );
        body.insert("name".to_owned(), Json::from(name));
        body.insert("options".to_owned(), Json::Object(options));
        let domain = match sdk::create(ctx, &DOMAIN, Method::Post, DOMAIN.base_path, body) {
            Ok(domain) => domain,
            Err(failure) if failure.is_conflict() && args.flag("or_show") => {
                let domain = fail(sdk::find_one(ctx, &DOMAIN, DOMAIN.base_path, name, &[]))?;
                log::info!(
                    "Returning existing domain {}",
                    sdk::str_of(&domain, "name").unwrap_or("None")
                );
                domain
            }
            Err(failure) => return Err(failure.into()),
        };
        Ok(format_domain(&domain))
    }
}

/// `domain delete`.
pub struct DeleteDomain;

impl Command<ClientManager> for DeleteDomain {
    fn description(&self) -> &str {
        "Delete domain(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("domain")
                .metavar("<domain>")
                .nargs(Nargs::OneOrMore)
                .help("Domain(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("domain"),
            |ctx, name| {
                let domain = sdk::find_one(ctx, &DOMAIN, DOMAIN.base_path, name, &[])?;
                sdk::delete(
                    ctx,
                    &DOMAIN,
                    &sdk::item_path(DOMAIN.base_path, &sdk::id_of(&domain)),
                    true,
                )
            },
            output::delete_failure("domain"),
            output::delete_summary("domains"),
        )
    }
}

/// `domain list`.
pub struct ListDomain;

impl Command<ClientManager> for ListDomain {
    fn description(&self) -> &str {
        "List domains"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("The domain name"),
        );
        parser.add(
            Arg::option(&["--enabled"])
                .dest("is_enabled")
                .flag()
                .help("The domains that are enabled will be returned"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(name) = given(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        if args.flag("is_enabled") {
            params.push(("is_enabled", Some("True".to_owned())));
        }
        let data = fail(sdk::list(ctx, &DOMAIN, DOMAIN.base_path, &params, None))?;
        let rows = data
            .iter()
            .map(|domain| {
                vec![
                    sdk::attr(domain, "id"),
                    sdk::attr(domain, "name"),
                    sdk::bool_attr(domain, "enabled"),
                    sdk::attr(domain, "description"),
                ]
            })
            .collect();
        Ok(output::list(
            &["ID", "Name", "Enabled", "Description"],
            rows,
        ))
    }
}

/// `domain set`.
pub struct SetDomain;

impl Command<ClientManager> for SetDomain {
    fn description(&self) -> &str {
        "Set domain properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("domain")
                .metavar("<domain>")
                .help("Domain to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New domain name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New domain description"),
        );
        add_enable_options(parser, false);
        common::add_resource_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain = fail(sdk::find_one(
            ctx,
            &DOMAIN,
            DOMAIN.base_path,
            args.str("domain").unwrap_or(""),
            &[],
        ))?;
        let mut body = Map::new();
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(enabled) = tri_state(args, "is_enabled") {
            body.insert("enabled".to_owned(), Json::Bool(enabled));
        }
        if let Some(name) = given(args, "name") {
            body.insert("name".to_owned(), Json::from(name));
        }
        if let Some(immutable) = tri_state(args, "immutable") {
            body.insert("options".to_owned(), json!({"immutable": immutable}));
        }
        fail(sdk::update(
            ctx,
            &DOMAIN,
            &sdk::item_path(DOMAIN.base_path, &sdk::id_of(&domain)),
            body,
        ))?;
        Ok(Output::ok())
    }
}

/// `domain show`.
pub struct ShowDomain;

impl Command<ClientManager> for ShowDomain {
    fn description(&self) -> &str {
        "Display domain details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("domain")
                .metavar("<domain>")
                .help("Domain to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain = fail(sdk::find_one(
            ctx,
            &DOMAIN,
            DOMAIN.base_path,
            args.str("domain").unwrap_or(""),
            &[],
        ))?;
        Ok(format_domain(&domain))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};
    use cliff::Value;

    const D1: &str = r#"{"domain": {"id": "d1", "name": "idtest-d1", "enabled": true, "description": null,
        "options": {}, "links": {}}}"#;

    #[test]
    fn create_sends_every_attribute() {
        let (result, sent) = run(
            &CreateDomain,
            &[
                ("name", s("idtest-d1")),
                ("is_enabled", ArgValue::Bool(true)),
            ],
            &[(201, D1)],
        );
        assert_eq!(
            sent,
            vec![
                r#"POST /domains {"domain":{"description":null,"enabled":true,"name":"idtest-d1","options":{}}}"#
            ]
        );
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("id", Value::str("d1")),
                ("name", Value::str("idtest-d1")),
                ("enabled", Value::Bool(true)),
                ("description", Value::Null),
                ("options", Value::Dict(vec![])),
            ])
        );
    }

    #[test]
    fn set_finds_then_patches() {
        let (result, sent) = run(
            &SetDomain,
            &[
                ("domain", s("d1")),
                ("is_enabled", ArgValue::Bool(false)),
                ("description", s("hi")),
            ],
            &[(200, D1), (200, D1)],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent,
            vec![
                "GET /domains/d1",
                r#"PATCH /domains/d1 {"domain":{"description":"hi","enabled":false}}"#
            ]
        );
    }

    #[test]
    fn delete_counts_failures() {
        let (result, sent) = run(
            &DeleteDomain,
            &[("domain", l(&["nope"]))],
            &[
                (404, &not_found("domain", "nope")),
                (200, r#"{"domains": []}"#),
            ],
        );
        assert_eq!(sent, vec!["GET /domains/nope", "GET /domains?name=nope"]);
        assert_eq!(
            result.unwrap_err().message,
            "1 of 1 domains failed to delete."
        );
    }

    #[test]
    fn list_filters() {
        let (result, sent) = run(
            &ListDomain,
            &[("is_enabled", ArgValue::Bool(true)), ("name", s("x"))],
            &[(200, r#"{"domains": []}"#)],
        );
        assert_eq!(sent, vec!["GET /domains?name=x&enabled=True"]);
        assert_eq!(
            result.unwrap(),
            output::list(&["ID", "Name", "Enabled", "Description"], vec![])
        );
    }
}
