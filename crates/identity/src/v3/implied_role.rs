//! `implied role create|delete|list` (keystoneclient `inference_rules`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use crate::keystone;
use crate::output::{self, fail};
use crate::resources::SERVICE_TYPE;
use openstack_sdk::{quote_path, Call, Wording};

/// `_get_role_ids`: both roles found in one listing of every role (`None` when absent).
fn role_ids(ctx: &mut ClientManager, args: &Args) -> Result<(String, String)> {
    let role = args.str("role").unwrap_or("");
    let implied = args.str("implied_role").unwrap_or("");
    let mut role_id = None;
    let mut implied_id = None;
    for item in fail(keystone::ROLES.list(ctx, Vec::new()))? {
        let text = |key: &str| {
            item.get(key)
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let (name, id) = (text("name"), text("id"));
        if role == name || role == id {
            role_id = Some(id);
        } else if implied == name || implied == id {
            implied_id = Some(id);
        }
    }
    let none = || "None".to_owned();
    Ok((
        role_id.unwrap_or_else(none),
        implied_id.unwrap_or_else(none),
    ))
}

fn inference_path(prior: &str, implied: &str) -> String {
    format!(
        "/roles/{}/implies/{}",
        quote_path(prior),
        quote_path(implied)
    )
}

fn add_role_arguments(parser: &mut Parser) {
    parser.add(
        Arg::positional("role")
            .metavar("<role>")
            .help("Role (name or ID) that implies another role"),
    );
    parser.add(
        Arg::option(&["--implied-role"])
            .metavar("<role>")
            .required()
            .help("<role> (name or ID) implied by another role"),
    );
}

/// `implied role create`.
pub struct CreateImpliedRole;

impl Command<ClientManager> for CreateImpliedRole {
    fn description(&self) -> &str {
        "Creates an association between prior and implied roles"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_role_arguments(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (prior, implied) = role_ids(ctx, args)?;
        let answer = fail(
            Call::new(SERVICE_TYPE, Method::Put, inference_path(&prior, &implied))
                .wording(Wording::Keystoneauth)
                .json(ctx),
        )?;
        let mut pairs: Vec<(String, Value)> = match answer.get("role_inference") {
            Some(Json::Object(map)) => map
                .iter()
                .filter(|(key, _)| key.as_str() != "links")
                .map(|(key, value)| {
                    (
                        key.clone(),
                        value.get("id").map_or(Value::Null, Value::from_json),
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::show(pairs))
    }
}

/// `implied role delete`.
pub struct DeleteImpliedRole;

impl Command<ClientManager> for DeleteImpliedRole {
    fn description(&self) -> &str {
        "Deletes an association between prior and implied roles"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_role_arguments(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (prior, implied) = role_ids(ctx, args)?;
        fail(
            Call::new(
                SERVICE_TYPE,
                Method::Delete,
                inference_path(&prior, &implied),
            )
            .wording(Wording::Keystoneauth)
            .send(ctx),
        )?;
        Ok(Output::ok())
    }
}

/// `implied role list`.
pub struct ListImpliedRole;

impl Command<ClientManager> for ListImpliedRole {
    fn description(&self) -> &str {
        "List implied roles"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let rules = fail(keystone::list_at(
            ctx,
            "/role_inferences",
            "role_inferences",
            Vec::new(),
        ))?;
        let mut rows = Vec::new();
        for rule in &rules {
            let prior = rule.get("prior_role").cloned().unwrap_or(Json::Null);
            let field =
                |item: &Json, key: &str| item.get(key).map_or(Value::Null, Value::from_json);
            if let Some(Json::Array(implies)) = rule.get("implies") {
                for implied in implies {
                    rows.push(vec![
                        field(&prior, "id"),
                        field(&prior, "name"),
                        field(implied, "id"),
                        field(implied, "name"),
                    ]);
                }
            }
        }
        Ok(output::list(
            &[
                "Prior Role ID",
                "Prior Role Name",
                "Implied Role ID",
                "Implied Role Name",
            ],
            rows,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};

    const ROLES: &str =
        r#"{"roles": [{"id": "r1", "name": "member"}, {"id": "r2", "name": "reader"}]}"#;

    #[test]
    fn create_lists_roles_then_puts() {
        let answer = r#"{"role_inference": {"prior_role": {"id": "r1", "name": "member"},
            "implies": {"id": "r2", "name": "reader"}, "links": {"self": "x"}}}"#;
        let (result, sent) = run(
            &CreateImpliedRole,
            &[("role", s("member")), ("implied_role", s("r2"))],
            &[(200, ROLES), (201, answer)],
        );
        assert_eq!(sent, vec!["GET /roles?", "PUT /roles/r1/implies/r2"]);
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("implies", Value::str("r2")),
                ("prior_role", Value::str("r1"))
            ])
        );
    }

    #[test]
    fn delete_with_unknown_role_uses_none() {
        let (result, sent) = run(
            &DeleteImpliedRole,
            &[("role", s("ghost")), ("implied_role", s("reader"))],
            &[
                (200, ROLES),
                (404, &crate::testing::not_found("role", "None")),
            ],
        );
        assert_eq!(sent[1], "DELETE /roles/None/implies/r2");
        assert_eq!(
            result.unwrap_err().message,
            "Could not find role: None. (HTTP 404) (Request-ID: req-1)"
        );
    }

    #[test]
    fn list_flattens_the_rules() {
        let body = r#"{"role_inferences": [{"prior_role": {"id": "r0", "name": "admin"},
            "implies": [{"id": "r1", "name": "member"}, {"id": "r2", "name": "reader"}]}]}"#;
        let (result, sent) = run(&ListImpliedRole, &[], &[(200, body)]);
        assert_eq!(sent, vec!["GET /role_inferences?"]);
        let Output::List { rows, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][3], Value::str("reader"));
    }
}
