//! `access rule delete|list|show` (openstacksdk `AccessRule`, under the user).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::common::{self, given};
use crate::output::{self, fail};
use crate::resources::ACCESS_RULE;
use crate::v3::project::auth_user_id;
use openstack_sdk as sdk;
use openstack_sdk::quote_path;

/// `/users/<id>/access_rules`.
fn base(user_id: &str) -> String {
    format!("/users/{}{}", quote_path(user_id), ACCESS_RULE.base_path)
}

/// `access rule delete`.
pub struct DeleteAccessRule;

impl Command<ClientManager> for DeleteAccessRule {
    fn description(&self) -> &str {
        "Delete access rule(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("access_rule")
                .metavar("<access-rule>")
                .nargs(Nargs::OneOrMore)
                .help("Access rule ID(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user_id = auth_user_id(ctx)?;
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("access_rule"),
            |ctx, id| {
                let rule = sdk::get(ctx, &ACCESS_RULE, &base(&user_id), id)?;
                sdk::delete(
                    ctx,
                    &ACCESS_RULE,
                    &sdk::item_path(&base(&user_id), &sdk::id_of(&rule)),
                    true,
                )
            },
            |item, err| format!("Failed to delete access rule with ID '{item}': {err}"),
            output::delete_summary("access rules"),
        )
    }
}

/// `access rule list`.
pub struct ListAccessRule;

impl Command<ClientManager> for ListAccessRule {
    fn description(&self) -> &str {
        "List access rules"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("User whose access rules to list (name or ID)"),
        );
        common::add_user_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user_id = match given(args, "user") {
            // OSC hands keystoneclient's lookup an openstacksdk client here; it fails before any request.
            Some(user) => {
                let digits_only = given(args, "user_domain")
                    .unwrap_or(user)
                    .chars()
                    .all(|c| c.is_ascii_digit());
                let missing = if digits_only { "get" } else { "list" };
                return Err(Error::command(format!(
                    "'function' object has no attribute '{missing}'"
                )));
            }
            None => auth_user_id(ctx)?,
        };
        let data = fail(sdk::list(ctx, &ACCESS_RULE, &base(&user_id), &[], None))?;
        let rows = data
            .iter()
            .map(|rule| {
                vec![
                    sdk::attr(rule, "id"),
                    sdk::attr(rule, "service"),
                    sdk::attr(rule, "method"),
                    sdk::attr(rule, "path"),
                ]
            })
            .collect();
        Ok(output::list(&["ID", "Service", "Method", "Path"], rows))
    }
}

/// `access rule show`.
pub struct ShowAccessRule;

impl Command<ClientManager> for ShowAccessRule {
    fn description(&self) -> &str {
        "Display access rule details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("access_rule")
                .metavar("<access-rule>")
                .help("Access rule ID to display"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user_id = auth_user_id(ctx)?;
        let rule: Json = fail(sdk::get(
            ctx,
            &ACCESS_RULE,
            &base(&user_id),
            args.str("access_rule").unwrap_or(""),
        ))?;
        Ok(output::show(vec![
            ("ID", sdk::attr(&rule, "id")),
            ("Method", sdk::attr(&rule, "method")),
            ("Path", sdk::attr(&rule, "path")),
            ("Service", sdk::attr(&rule, "service")),
        ]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    #[test]
    fn list_own_rules_and_the_broken_user_filter() {
        let body = r#"{"access_rules": [{"id": "a1", "service": "compute", "method": "GET", "path": "/v2.1/servers"}]}"#;
        let (result, sent) = run(&ListAccessRule, &[], &[(200, body)]);
        assert_eq!(sent, vec!["GET /users/u1/access_rules"]);
        assert_eq!(
            result.unwrap(),
            output::list(
                &["ID", "Service", "Method", "Path"],
                vec![vec![
                    cliff::Value::str("a1"),
                    cliff::Value::str("compute"),
                    cliff::Value::str("GET"),
                    cliff::Value::str("/v2.1/servers")
                ]]
            )
        );
        let (result, sent) = run(&ListAccessRule, &[("user", s("admin"))], &[]);
        assert!(sent.is_empty());
        assert_eq!(
            result.unwrap_err().message,
            "'function' object has no attribute 'list'"
        );
    }

    #[test]
    fn delete_gets_each_rule_first() {
        let (result, sent) = run(
            &DeleteAccessRule,
            &[("access_rule", l(&["a9"]))],
            &[(404, &not_found("access rule", "a9"))],
        );
        assert_eq!(sent, vec!["GET /users/u1/access_rules/a9"]);
        assert_eq!(
            result.unwrap_err().message,
            "1 of 1 access rules failed to delete."
        );
    }
}
