//! `policy create|delete|list|set|show` (openstacksdk `Policy`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::utils::read_blob_file_contents;
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::given;
use crate::output::{self, fail};
use crate::resources::POLICY;
use openstack_sdk as sdk;

/// `_format_policy`: the blob is shown as `rules`.
pub fn format_policy(item: &Json) -> Output {
    output::show(vec![
        ("id", sdk::attr(item, "id")),
        ("rules", sdk::attr(item, "blob")),
        ("type", sdk::attr(item, "type")),
    ])
}

/// `policy create`.
pub struct CreatePolicy;

impl Command<ClientManager> for CreatePolicy {
    fn description(&self) -> &str {
        "Create new policy"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .default(ArgValue::Str("application/json".to_owned()))
                .help("New MIME type of the policy rules file (defaults to application/json)"),
        );
        parser.add(
            Arg::positional("rules")
                .metavar("<filename>")
                .help("New serialized policy rules file"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let blob = read_blob_file_contents(args.str("rules").unwrap_or(""))?;
        let mut body = Map::new();
        body.insert("blob".to_owned(), Json::from(blob));
        body.insert(
            "type".to_owned(),
            Json::from(args.str("type").unwrap_or("application/json")),
        );
        let policy = fail(sdk::create(
            ctx,
            &POLICY,
            Method::Post,
            POLICY.base_path,
            body,
        ))?;
        Ok(format_policy(&policy))
    }
}

/// `policy delete`.
pub struct DeletePolicy;

impl Command<ClientManager> for DeletePolicy {
    fn description(&self) -> &str {
        "Delete policy(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("policy")
                .metavar("<policy>")
                .nargs(Nargs::OneOrMore)
                .help("Policy(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("policy"),
            |ctx, id| sdk::delete(ctx, &POLICY, &sdk::item_path(POLICY.base_path, id), false),
            output::delete_failure("policy"),
            output::delete_summary("policies"),
        )
    }
}

/// `policy list`.
pub struct ListPolicy;

impl Command<ClientManager> for ListPolicy {
    fn description(&self) -> &str {
        "List policies"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let long = args.flag("long");
        let data = fail(sdk::list(ctx, &POLICY, POLICY.base_path, &[], None))?;
        let rows = data
            .iter()
            .map(|policy| {
                let mut row = vec![sdk::attr(policy, "id"), sdk::attr(policy, "type")];
                if long {
                    row.push(sdk::attr(policy, "blob"));
                }
                row
            })
            .collect();
        Ok(output::list(
            if long {
                &["ID", "Type", "Rules"]
            } else {
                &["ID", "Type"]
            },
            rows,
        ))
    }
}

/// `policy set`.
pub struct SetPolicy;

impl Command<ClientManager> for SetPolicy {
    fn description(&self) -> &str {
        "Set policy properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("policy")
                .metavar("<policy>")
                .help("Policy to modify"),
        );
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .help("New MIME type of the policy rules file"),
        );
        parser.add(
            Arg::option(&["--rules"])
                .metavar("<filename>")
                .help("New serialized policy rules file"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = Map::new();
        if let Some(rules) = given(args, "rules") {
            body.insert(
                "blob".to_owned(),
                Json::from(read_blob_file_contents(rules)?),
            );
        }
        if let Some(kind) = given(args, "type") {
            body.insert("type".to_owned(), Json::from(kind));
        }
        let path = sdk::item_path(POLICY.base_path, args.str("policy").unwrap_or(""));
        fail(sdk::update(ctx, &POLICY, &path, body))?;
        Ok(Output::ok())
    }
}

/// `policy show`.
pub struct ShowPolicy;

impl Command<ClientManager> for ShowPolicy {
    fn description(&self) -> &str {
        "Display policy details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("policy")
                .metavar("<policy>")
                .help("Policy to display"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let policy = fail(sdk::get(
            ctx,
            &POLICY,
            POLICY.base_path,
            args.str("policy").unwrap_or(""),
        ))?;
        Ok(format_policy(&policy))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    #[test]
    fn delete_reports_missing_policies() {
        let (result, sent) = run(
            &DeletePolicy,
            &[("policy", l(&["x"]))],
            &[(404, &not_found("policy", "x"))],
        );
        assert_eq!(sent, vec!["DELETE /policies/x"]);
        assert_eq!(
            result.unwrap_err().message,
            "1 of 1 policies failed to delete."
        );
    }

    #[test]
    fn show_names_blob_rules() {
        let body = r#"{"policy": {"id": "p", "blob": "{}", "type": "application/json"}}"#;
        let (result, _) = run(&ShowPolicy, &[("policy", s("p"))], &[(200, body)]);
        let Output::Show { fields, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(fields, vec!["id", "rules", "type"]);
    }
}
