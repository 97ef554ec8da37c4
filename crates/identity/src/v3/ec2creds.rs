//! `ec2 credentials create|delete|list|show` (keystoneclient `ec2`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Value as Json};

use crate::common::{self, given};
use crate::keystone;
use crate::output::{self, fail};
use crate::resources::SERVICE_TYPE;
use openstack_sdk::{quote_path, Call, Wording};

/// The token's user or project ID.
fn auth_id(ctx: &mut ClientManager, pointer: &str) -> Result<String> {
    let token = ctx.token()?;
    Ok(token
        .body
        .pointer(pointer)
        .and_then(Json::as_str)
        .unwrap_or("None")
        .to_owned())
}

/// `utils.find_resource(manager, name, [domain_id=<found domain>]).id`.
fn find_in_domain(
    ctx: &mut ClientManager,
    manager: keystone::Manager,
    name: &str,
    domain: Option<&Json>,
) -> Result<String> {
    let kwargs = domain
        .map(|d| vec![("domain_id".to_owned(), common::id_text(d))])
        .unwrap_or_default();
    Ok(common::id_text(&fail(keystone::find(
        ctx, manager, name, kwargs,
    ))?))
}

/// `_determine_ec2_user`: `--user` (within `--user-domain`) or the authenticated user.
fn determine_user(ctx: &mut ClientManager, args: &Args) -> Result<String> {
    let domain = match given(args, "user_domain") {
        Some(domain) => Some(fail(common::find_domain(ctx, domain))?),
        None => None,
    };
    match given(args, "user") {
        Some(user) => find_in_domain(ctx, keystone::USERS, user, domain.as_ref()),
        None => auth_id(ctx, "/token/user/id"),
    }
}

/// `/users/<id>/credentials/OS-EC2`.
fn base(user: &str) -> String {
    format!("/users/{}/credentials/OS-EC2", quote_path(user))
}

/// The credential's fields sorted, `tenant_id` shown as `project_id`.
fn show_credential(credential: &Json) -> Output {
    let mut pairs: Vec<(String, Value)> = match credential {
        Json::Object(map) => map
            .iter()
            .map(|(k, v)| {
                (
                    if k == "tenant_id" {
                        "project_id".to_owned()
                    } else {
                        k.clone()
                    },
                    Value::from_json(v),
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(pairs)
}

fn add_user_options(parser: &mut Parser, help: &str) {
    parser.add(Arg::option(&["--user"]).metavar("<user>").help(help));
    common::add_user_domain_option(parser);
}

/// `ec2 credentials create`.
pub struct CreateEc2Creds;

impl Command<ClientManager> for CreateEc2Creds {
    fn description(&self) -> &str {
        "Create EC2 credentials"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--project"]).metavar("<project>").help(
            "Create credentials in project (name or ID; default: current authenticated project)",
        ));
        parser.add(
            Arg::option(&["--user"]).metavar("<user>").help(
                "Create credentials for user (name or ID; default: current authenticated user)",
            ),
        );
        common::add_user_domain_option(parser);
        common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user = determine_user(ctx, args)?;
        let project_domain = match given(args, "project_domain") {
            Some(domain) => Some(fail(common::find_domain(ctx, domain))?),
            None => None,
        };
        let project = match given(args, "project") {
            Some(project) => {
                find_in_domain(ctx, keystone::PROJECTS, project, project_domain.as_ref())?
            }
            None => auth_id(ctx, "/token/project/id")?,
        };
        let answer = fail(
            Call::new(SERVICE_TYPE, Method::Post, base(&user))
                .wording(Wording::Keystoneauth)
                .body(json!({"tenant_id": project}))
                .json(ctx),
        )?;
        Ok(show_credential(
            answer.get("credential").unwrap_or(&Json::Null),
        ))
    }
}

/// `ec2 credentials delete`.
pub struct DeleteEc2Creds;

impl Command<ClientManager> for DeleteEc2Creds {
    fn description(&self) -> &str {
        "Delete EC2 credentials"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("access_key")
                .metavar("<access-key>")
                .nargs(Nargs::OneOrMore)
                .help("Credentials access key(s)"),
        );
        add_user_options(parser, "Delete credentials for user (name or ID)");
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user = determine_user(ctx, args)?;
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("access_key"),
            |ctx, key| {
                let path = format!("{}/{}", base(&user), quote_path(key));
                Call::new(SERVICE_TYPE, Method::Delete, path)
                    .wording(Wording::Keystoneauth)
                    .send(ctx)?;
                Ok(())
            },
            |item, err: &openstack_sdk::Failure| {
                format!("Failed to delete EC2 credentials with access key '{item}': {err}")
            },
            output::delete_summary("EC2 keys"),
        )
    }
}

/// `ec2 credentials list`.
pub struct ListEc2Creds;

impl Command<ClientManager> for ListEc2Creds {
    fn description(&self) -> &str {
        "List EC2 credentials"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_user_options(parser, "Filter list by user (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user = determine_user(ctx, args)?;
        let answer = fail(
            Call::new(SERVICE_TYPE, Method::Get, base(&user))
                .wording(Wording::Keystoneauth)
                .json(ctx),
        )?;
        let rows = match answer.get("credentials") {
            Some(Json::Array(items)) => items
                .iter()
                .map(|c| {
                    ["access", "secret", "tenant_id", "user_id"]
                        .iter()
                        .map(|k| output::ks_attr(c, k))
                        .collect()
                })
                .collect(),
            _ => Vec::new(),
        };
        Ok(output::list(
            &["Access", "Secret", "Project ID", "User ID"],
            rows,
        ))
    }
}

/// `ec2 credentials show`.
pub struct ShowEc2Creds;

impl Command<ClientManager> for ShowEc2Creds {
    fn description(&self) -> &str {
        "Display EC2 credentials details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("access_key")
                .metavar("<access-key>")
                .help("Credentials access key"),
        );
        add_user_options(parser, "Show credentials for user (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user = determine_user(ctx, args)?;
        let path = format!(
            "{}/{}",
            base(&user),
            quote_path(args.str("access_key").unwrap_or(""))
        );
        let answer = fail(
            Call::new(SERVICE_TYPE, Method::Get, path)
                .wording(Wording::Keystoneauth)
                .json(ctx),
        )?;
        Ok(show_credential(
            answer.get("credential").unwrap_or(&Json::Null),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    const CRED: &str = r#"{"credential": {"user_id": "u1", "tenant_id": "p1", "access": "a1", "secret": "s1",
        "trust_id": null, "links": {"self": "x"}}}"#;

    #[test]
    fn create_for_the_token_user_and_project() {
        let (result, sent) = run(&CreateEc2Creds, &[], &[(201, CRED)]);
        assert_eq!(
            sent,
            vec![r#"POST /users/u1/credentials/OS-EC2 {"tenant_id":"p1"}"#]
        );
        let Output::Show { fields, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(
            fields,
            vec![
                "access",
                "links",
                "project_id",
                "secret",
                "trust_id",
                "user_id"
            ]
        );
    }

    #[test]
    fn list_for_a_named_user() {
        let (result, sent) = run(
            &ListEc2Creds,
            &[("user", s("admin"))],
            &[
                (404, &not_found("user", "admin")),
                (200, r#"{"users": [{"id": "u1", "name": "admin"}]}"#),
                (
                    200,
                    r#"{"credentials": [{"access": "a1", "secret": "s1", "tenant_id": "p1", "user_id": "u1"}]}"#,
                ),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /users/admin",
                "GET /users?name=admin",
                "GET /users/u1/credentials/OS-EC2"
            ]
        );
        let Output::List { rows, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(rows[0][2], Value::str("p1"));
    }

    #[test]
    fn delete_words_failures_as_keystoneclient() {
        let (result, _) = run(
            &DeleteEc2Creds,
            &[("access_key", l(&["zz"]))],
            &[(404, &not_found("credential", "zz"))],
        );
        assert_eq!(
            result.unwrap_err().message,
            "1 of 1 EC2 keys failed to delete."
        );
    }
}
