//! `token issue`, `token revoke` and the OAuth1 `request token authorize|create`, `access token create` (which,
//! as in OSC's installation without oauthlib, stop with keystoneclient's "oauthlib must be installed").

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use crate::resources::SERVICE_TYPE;
use crate::v3::consumer::oauthlib_missing;
use crate::{common, keystone, output};
use openstack_sdk::{Call, Wording};

/// keystoneauth's `expires` printed with `%Y-%m-%dT%H:%M:%S%z` (`2026-11-25T11:26:58+0000`).
pub fn format_expires(expires_at: &str) -> String {
    let (stamp, rest) = expires_at.split_at(expires_at.len().min(19));
    let zone = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match zone {
        "" | "Z" | "z" => "+0000".to_owned(),
        other => other.replace(':', ""),
    };
    format!("{stamp}{offset}")
}

/// `token issue`.
pub struct IssueToken;

impl Command<ClientManager> for IssueToken {
    fn description(&self) -> &str {
        "Issue new token"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        // Scripts use what this prints: a cached token is checked first, never handed out once revoked.
        let token = ctx.validated_token()?;
        let body = token.body.get("token").cloned().unwrap_or(Json::Null);
        let text = |pointer: &str| {
            body.pointer(pointer)
                .and_then(Json::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let mut data: Vec<(&str, Value)> = Vec::new();
        if !token.id.is_empty() {
            data.push(("id", Value::str(token.id.clone())));
        }
        if let Some(expires) = text("/expires_at") {
            data.push(("expires", Value::str(format_expires(&expires))));
        }
        if let Some(project) = text("/project/id") {
            data.push(("project_id", Value::str(project)));
        }
        if let Some(user) = text("/user/id") {
            data.push(("user_id", Value::str(user)));
        }
        if let Some(domain) = text("/domain/id") {
            data.push(("domain_id", Value::str(domain)));
        }
        let system = body.pointer("/system/all");
        if system.is_some_and(|all| !matches!(all, Json::Null | Json::Bool(false))) {
            data.push(("system", Value::str("all")));
        }
        data.sort_by(|a, b| a.0.cmp(b.0));
        Ok(output::show(data))
    }
}

/// `token revoke <token>`.
pub struct RevokeToken;

impl Command<ClientManager> for RevokeToken {
    fn description(&self) -> &str {
        "Revoke existing token"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("token")
                .metavar("<token>")
                .help("Token to be deleted"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let token = args.str("token").unwrap_or("");
        output::fail(
            Call::new(SERVICE_TYPE, Method::Delete, "/auth/tokens")
                .wording(Wording::Keystoneauth)
                .header("X-Subject-Token", token)
                .send(ctx),
        )?;
        // A revoked token must not be served from our token cache any more.
        ctx.forget_token(token);
        Ok(Output::ok())
    }
}

/// `request token authorize --request-key <key> --role <role>...`.
pub struct AuthorizeRequestToken;

impl Command<ClientManager> for AuthorizeRequestToken {
    fn description(&self) -> &str {
        "Authorize a request token"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--request-key"])
                .metavar("<request-key>")
                .required()
                .help("Request token to authorize (ID only) (required)"),
        );
        parser.add(
            Arg::option(&["--role"])
                .metavar("<role>")
                .dest("roles")
                .append()
                .default(cliff::ArgValue::List(Vec::new()))
                .required()
                .help("Roles to authorize (name or ID) (repeat option to set multiple values) (required)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        for role in args.strings("roles") {
            output::fail(keystone::find(ctx, keystone::ROLES, &role, Vec::new()))?;
        }
        Err(oauthlib_missing("request_tokens"))
    }
}

fn add_consumer_options(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--consumer-key"])
            .metavar("<consumer-key>")
            .help("Consumer key (required)")
            .required(),
    );
    parser.add(
        Arg::option(&["--consumer-secret"])
            .metavar("<consumer-secret>")
            .help("Consumer secret (required)")
            .required(),
    );
}

/// `access token create`.
pub struct CreateAccessToken;

impl Command<ClientManager> for CreateAccessToken {
    fn description(&self) -> &str {
        "Create an access token"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_consumer_options(parser);
        parser.add(
            Arg::option(&["--request-key"])
                .metavar("<request-key>")
                .help("Request token to exchange for access token (required)")
                .required(),
        );
        parser.add(
            Arg::option(&["--request-secret"])
                .metavar("<request-secret>")
                .help("Secret associated with <request-key> (required)")
                .required(),
        );
        parser.add(
            Arg::option(&["--verifier"])
                .metavar("<verifier>")
                .help("Verifier associated with <request-key> (required)")
                .required(),
        );
    }

    fn take_action(&self, _ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        Err(oauthlib_missing("access_tokens"))
    }
}

/// `request token create`.
pub struct CreateRequestToken;

impl Command<ClientManager> for CreateRequestToken {
    fn description(&self) -> &str {
        "Create a request token"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_consumer_options(parser);
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Project that consumer wants to access (name or ID) (required)")
                .required(),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain owning <project> (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let project = args.str("project").unwrap_or("");
        let kwargs = match common::given(args, "domain") {
            Some(domain) => {
                let domain = output::fail(common::find_domain(ctx, domain))?;
                vec![("domain_id".to_owned(), common::id_text(&domain))]
            }
            None => Vec::new(),
        };
        output::fail(keystone::find(ctx, keystone::PROJECTS, project, kwargs))?;
        Err(oauthlib_missing("request_tokens"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, run, s, Mock};
    use serde_json::json;

    #[test]
    fn expires_as_strftime() {
        assert_eq!(
            format_expires("2026-11-25T11:26:58.000000Z"),
            "2026-11-25T11:26:58+0000"
        );
        assert_eq!(
            format_expires("2026-11-25T11:26:58+01:00"),
            "2026-11-25T11:26:58+0100"
        );
    }

    #[test]
    fn issue_shows_sorted_token_data() {
        let (result, sent) = run(&IssueToken, &[], &[]);
        assert!(sent.is_empty());
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("expires", Value::str("2026-11-25T11:26:58+0000")),
                ("id", Value::str("tok")),
                ("project_id", Value::str("p1")),
                ("user_id", Value::str("u1")),
            ])
        );
        let mock = Mock::new(&[]).with_token(json!({"token": {
            "user": {"id": "u1"}, "expires_at": "2026-01-01T00:00:00Z", "system": {"all": true}
        }}));
        let result = IssueToken
            .take_action(&mut mock.manager(), &Default::default())
            .unwrap();
        assert_eq!(
            result,
            output::show(vec![
                ("expires", Value::str("2026-01-01T00:00:00+0000")),
                ("id", Value::str("tok")),
                ("system", Value::str("all")),
                ("user_id", Value::str("u1")),
            ])
        );
    }

    #[test]
    fn revoke_deletes_with_the_subject_header() {
        let (result, sent) = run(&RevokeToken, &[("token", s("abc"))], &[(204, "")]);
        assert_eq!(result.unwrap(), Output::ok());
        assert_eq!(sent, vec!["DELETE /auth/tokens [X-Subject-Token: abc]"]);
        let (result, _) = run(
            &RevokeToken,
            &[("token", s("abc"))],
            &[(
                404,
                r#"{"error": {"code": 404, "message": "Failed to validate token", "title": "Not Found"}}"#,
            )],
        );
        assert_eq!(
            result.unwrap_err().message,
            "Failed to validate token (HTTP 404) (Request-ID: req-1)"
        );
    }

    #[test]
    fn authorize_finds_roles_then_needs_oauthlib() {
        let (result, sent) = run(
            &AuthorizeRequestToken,
            &[("request_key", s("rk")), ("roles", l(&["member"]))],
            &[
                (404, &crate::testing::not_found("role", "member")),
                (200, r#"{"roles": [{"id": "r1", "name": "member"}]}"#),
            ],
        );
        assert_eq!(sent, vec!["GET /roles/member", "GET /roles?name=member"]);
        assert_eq!(
            result.unwrap_err().message,
            "To use 'request_tokens' oauthlib must be installed"
        );
        let (result, sent) = run(
            &CreateRequestToken,
            &[("project", s("p1")), ("domain", s("default"))],
            &[
                (200, r#"{"domain": {"id": "default"}}"#),
                (200, r#"{"project": {"id": "p1"}}"#),
            ],
        );
        assert_eq!(sent, vec!["GET /domains/default", "GET /projects/p1"]);
        assert_eq!(
            result.unwrap_err().message,
            "To use 'request_tokens' oauthlib must be installed"
        );
    }
}
