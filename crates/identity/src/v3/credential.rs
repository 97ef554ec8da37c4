//! `credential create|delete|list|set|show` (openstacksdk `Credential`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, given};
use crate::output::{self, fail};
use crate::resources::{CREDENTIAL, DOMAIN, PROJECT, USER};
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `_format_credential`.
pub fn format_credential(item: &Json) -> Output {
    output::show(vec![
        ("blob", sdk::attr(item, "blob")),
        ("id", sdk::attr(item, "id")),
        ("project_id", sdk::attr(item, "project_id")),
        ("type", sdk::attr(item, "type")),
        ("user_id", sdk::attr(item, "user_id")),
    ])
}

/// `find_user(x, ignore_missing=False).id`.
fn user_id(ctx: &mut ClientManager, user: &str, params: &[Param]) -> Result<String> {
    Ok(sdk::id_of(&fail(sdk::find_one(
        ctx,
        &USER,
        USER.base_path,
        user,
        params,
    ))?))
}

/// `find_project(x, ignore_missing=False).id` when `--project` is given.
fn project_id(ctx: &mut ClientManager, args: &Args) -> Result<Option<String>> {
    match given(args, "project") {
        Some(project) => Ok(Some(sdk::id_of(&fail(sdk::find_one(
            ctx,
            &PROJECT,
            PROJECT.base_path,
            project,
            &[],
        ))?))),
        None => Ok(None),
    }
}

/// The keys of an openstacksdk `Domain` (a dict): what `requests` sends when OSC passes the domain object itself as
/// a query value, one `domain_id=<key>` per key.
const DOMAIN_DICT_KEYS: [&str; 7] = [
    "description",
    "is_enabled",
    "options",
    "links",
    "id",
    "name",
    "location",
];

/// `credential create`.
pub struct CreateCredential;

impl Command<ClientManager> for CreateCredential {
    fn description(&self) -> &str {
        "Create new credential"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("user")
                .metavar("<user>")
                .help("user that owns the credential (name or ID)"),
        );
        parser.add(
            Arg::option(&["--type"])
                .default(ArgValue::Str("cert".to_owned()))
                .metavar("<type>")
                .help("New credential type: cert, ec2, totp and so on"),
        );
        parser.add(
            Arg::positional("data")
                .metavar("<data>")
                .help("New credential data"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Project which limits the scope of the credential (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user = user_id(ctx, args.str("user").unwrap_or(""), &[])?;
        let project = project_id(ctx, args)?;
        let mut body = Map::new();
        body.insert(
            "blob".to_owned(),
            args.str("data").map_or(Json::Null, Json::from),
        );
        body.insert(
            "project_id".to_owned(),
            project.map_or(Json::Null, Json::from),
        );
        body.insert(
            "type".to_owned(),
            Json::from(args.str("type").unwrap_or("cert")),
        );
        body.insert("user_id".to_owned(), Json::from(user));
        let credential = fail(sdk::create(
            ctx,
            &CREDENTIAL,
            Method::Post,
            CREDENTIAL.base_path,
            body,
        ))?;
        Ok(format_credential(&credential))
    }
}

/// `credential delete`.
pub struct DeleteCredential;

impl Command<ClientManager> for DeleteCredential {
    fn description(&self) -> &str {
        "Delete credential(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("credential")
                .metavar("<credential-id>")
                .nargs(Nargs::OneOrMore)
                .help("ID of credential(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("credential"),
            |ctx, id| {
                sdk::delete(
                    ctx,
                    &CREDENTIAL,
                    &sdk::item_path(CREDENTIAL.base_path, id),
                    true,
                )
            },
            |item, err| format!("Failed to delete credentials with ID '{item}': {err}"),
            output::delete_summary("credential"),
        )
    }
}

/// `credential list`.
pub struct ListCredential;

impl Command<ClientManager> for ListCredential {
    fn description(&self) -> &str {
        "List credentials"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("Filter credentials by <user> (name or ID)"),
        );
        common::add_user_domain_option(parser);
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .help("Filter credentials by type: cert, ec2, totp and so on"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(user) = given(args, "user") {
            // OSC passes the domain object itself as the filter, which `requests` expands to its keys.
            let domain_params: Vec<Param> = match given(args, "user_domain") {
                Some(domain) => {
                    fail(sdk::find_one(ctx, &DOMAIN, DOMAIN.base_path, domain, &[]))?;
                    DOMAIN_DICT_KEYS
                        .iter()
                        .map(|key| ("domain_id", Some((*key).to_owned())))
                        .collect()
                }
                None => vec![("domain_id", None)],
            };
            params.push(("user_id", Some(user_id(ctx, user, &domain_params)?)));
        }
        if let Some(kind) = given(args, "type") {
            params.push(("type", Some(kind.to_owned())));
        }
        let data = fail(sdk::list(
            ctx,
            &CREDENTIAL,
            CREDENTIAL.base_path,
            &params,
            None,
        ))?;
        let rows = data
            .iter()
            .map(|c| {
                vec![
                    sdk::attr(c, "id"),
                    sdk::attr(c, "type"),
                    sdk::attr(c, "user_id"),
                    sdk::attr(c, "blob"),
                    sdk::attr(c, "project_id"),
                ]
            })
            .collect();
        Ok(output::list(
            &["ID", "Type", "User ID", "Data", "Project ID"],
            rows,
        ))
    }
}

/// `credential set`.
pub struct SetCredential;

impl Command<ClientManager> for SetCredential {
    fn description(&self) -> &str {
        "Set credential properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("credential")
                .metavar("<credential-id>")
                .help("ID of credential to change"),
        );
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .required()
                .help("User that owns the credential (name or ID)"),
        );
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .required()
                .help("New credential type: cert, ec2, totp and so on"),
        );
        parser.add(
            Arg::option(&["--data"])
                .metavar("<data>")
                .required()
                .help("New credential data"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Project which limits the scope of the credential (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        // The user and project are looked up but, passed as `user=`/`project=`, openstacksdk drops them.
        user_id(ctx, args.str("user").unwrap_or(""), &[])?;
        project_id(ctx, args)?;
        let mut body = Map::new();
        body.insert(
            "blob".to_owned(),
            args.str("data").map_or(Json::Null, Json::from),
        );
        body.insert(
            "type".to_owned(),
            args.str("type").map_or(Json::Null, Json::from),
        );
        let path = sdk::item_path(CREDENTIAL.base_path, args.str("credential").unwrap_or(""));
        fail(sdk::update(ctx, &CREDENTIAL, &path, body))?;
        Ok(Output::ok())
    }
}

/// `credential show`.
pub struct ShowCredential;

impl Command<ClientManager> for ShowCredential {
    fn description(&self) -> &str {
        "Display credential details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("credential")
                .metavar("<credential-id>")
                .help("ID of credential to display"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let credential = fail(sdk::get(
            ctx,
            &CREDENTIAL,
            CREDENTIAL.base_path,
            args.str("credential").unwrap_or(""),
        ))?;
        Ok(format_credential(&credential))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    const U1: &str = r#"{"user": {"id": "u1", "name": "admin"}}"#;
    const C1: &str = r#"{"credential": {"id": "c1", "type": "cert", "blob": "b", "user_id": "u1", "project_id": null}}"#;

    #[test]
    fn create_sends_a_null_project() {
        let (result, sent) = run(
            &CreateCredential,
            &[("user", s("u1")), ("data", s("b")), ("type", s("cert"))],
            &[(200, U1), (201, C1)],
        );
        assert_eq!(
            sent,
            vec![
                "GET /users/u1",
                r#"POST /credentials {"credential":{"blob":"b","project_id":null,"type":"cert","user_id":"u1"}}"#
            ]
        );
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("blob", cliff::Value::str("b")),
                ("id", cliff::Value::str("c1")),
                ("project_id", cliff::Value::Null),
                ("type", cliff::Value::str("cert")),
                ("user_id", cliff::Value::str("u1")),
            ])
        );
    }

    #[test]
    fn set_sends_only_type_and_blob() {
        let (result, sent) = run(
            &SetCredential,
            &[
                ("credential", s("c1")),
                ("user", s("u1")),
                ("type", s("totp")),
                ("data", s("x")),
            ],
            &[(200, U1), (200, C1)],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent[1],
            r#"PATCH /credentials/c1 {"credential":{"blob":"x","type":"totp"}}"#
        );
    }

    #[test]
    fn delete_wording() {
        let (result, sent) = run(
            &DeleteCredential,
            &[("credential", l(&["c9"]))],
            &[(404, &not_found("credential", "c9"))],
        );
        assert_eq!(sent, vec!["DELETE /credentials/c9"]);
        assert!(result.is_ok());
    }
}
