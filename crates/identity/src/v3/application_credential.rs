//! `application credential create|delete|list|show` (openstacksdk `ApplicationCredential`, under the user).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::utils::{format_list, is_uuid_like};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self, given, parse_expiration};
use crate::output::{self, fail};
use crate::resources::APPLICATION_CREDENTIAL;
use crate::v3::project::auth_user_id;
use openstack_sdk as sdk;
use openstack_sdk::{quote_path, Param};

/// OSC's `RolesColumn`: the role names, sorted and joined.
fn roles_column(roles: Option<&Json>) -> Value {
    let roles = roles.cloned().unwrap_or(Json::Null);
    let names: Vec<String> = match &roles {
        Json::Array(items) => items
            .iter()
            .map(|r| match r.get("name") {
                Some(Json::String(s)) => s.clone(),
                Some(other) => osc_lib::utils::py_str(&Value::from_json(other)),
                None => String::new(),
            })
            .collect(),
        _ => Vec::new(),
    };
    Value::Column {
        human: format_list(Some(&names), ", ").unwrap_or_default(),
        machine: Box::new(Value::from_json(&roles)),
    }
}

const HEADINGS: &[&str] = &[
    "ID",
    "Name",
    "Description",
    "Project ID",
    "Roles",
    "Unrestricted",
    "Access Rules",
    "Expires At",
];

fn row(item: &Json, include_secret: bool) -> Vec<Value> {
    let mut row = vec![
        sdk::attr(item, "id"),
        sdk::attr(item, "name"),
        sdk::attr(item, "description"),
        sdk::attr(item, "project_id"),
        roles_column(item.get("roles")),
        sdk::bool_attr(item, "unrestricted"),
        sdk::attr(item, "access_rules"),
        sdk::attr(item, "expires_at"),
    ];
    if include_secret {
        row.push(sdk::attr(item, "secret"));
    }
    row
}

/// `_format_application_credential`.
fn format_application_credential(item: &Json, include_secret: bool) -> Output {
    let mut headings: Vec<&str> = HEADINGS.to_vec();
    if include_secret {
        headings.push("Secret");
    }
    output::show(
        headings
            .into_iter()
            .zip(row(item, include_secret))
            .collect(),
    )
}

/// `/users/<id>/application_credentials`.
fn base(user_id: &str) -> String {
    format!(
        "/users/{}{}",
        quote_path(user_id),
        APPLICATION_CREDENTIAL.base_path
    )
}

/// `find_application_credential(user, x, ignore_missing=False)` (the user ID also travels in the fetch's query).
fn find(ctx: &mut ClientManager, user_id: &str, name_or_id: &str) -> openstack_sdk::Res<Json> {
    let params: Vec<Param> = vec![("user_id", Some(user_id.to_owned()))];
    sdk::find_one(
        ctx,
        &APPLICATION_CREDENTIAL,
        &base(user_id),
        name_or_id,
        &params,
    )
}

/// `application credential create`.
pub struct CreateApplicationCredential;

impl Command<ClientManager> for CreateApplicationCredential {
    fn description(&self) -> &str {
        "Create new application credential"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of the application credential"),
        );
        parser.add(
            Arg::option(&["--secret"])
                .metavar("<secret>")
                .help("Secret to use for authentication (if not provided, one will be generated)"),
        );
        parser.add(
            Arg::option(&["--role"])
                .metavar("<role>")
                .dest("roles")
                .append()
                .default(ArgValue::List(Vec::new()))
                .help("Roles to authorize (name or ID) (repeat option to set multiple values)"),
        );
        parser.add(Arg::option(&["--expiration"]).metavar("<expiration>").help(
            "Sets an expiration date for the application credential, format of YYYY-mm-ddTHH:MM:SS (if not \
             provided, the application credential will not expire)",
        ));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Application credential description"),
        );
        parser.add(Arg::option(&["--unrestricted"]).flag().help(
            "Enable application credential to create and delete other application credentials and trusts (this is \
             potentially dangerous behavior and is disabled by default)",
        ));
        parser.add(Arg::option(&["--restricted"]).flag().help(
            "Prohibit application credential from creating and deleting other application credentials and trusts \
             (this is the default behavior)",
        ));
        parser.add(Arg::option(&["--access-rules"]).metavar("<access-rules>").help(
            "Either a string or file path containing a JSON-formatted list of access rules, each containing a \
             request method, path, and service, for example '[{\"method\": \"GET\", \"path\": \"/v2.1/servers\", \
             \"service\": \"compute\"}]'",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user_id = auth_user_id(ctx)?;
        let roles: Vec<Json> = args
            .strings("roles")
            .into_iter()
            .map(|role| {
                if is_uuid_like(&role) {
                    json!({"id": role})
                } else {
                    json!({"name": role})
                }
            })
            .collect();
        let expires_at = match given(args, "expiration") {
            Some(expiration) => Json::from(parse_expiration(expiration)?),
            None => Json::Null,
        };
        let unrestricted = !args.flag("restricted") && args.flag("unrestricted");
        let access_rules = match given(args, "access_rules") {
            Some(text) => match serde_json::from_str::<Json>(text) {
                Ok(rules) => rules,
                Err(_) => match std::fs::read_to_string(text) {
                    Ok(contents) => serde_json::from_str::<Json>(&contents)
                        .map_err(|err| Error::command(python_json_error(&err)))?,
                    Err(_) => {
                        return Err(Error::command(
                            "Access rules is not valid JSON string or file does not exist.",
                        ))
                    }
                },
            },
            None => Json::Array(Vec::new()),
        };
        let text = |dest: &str| args.str(dest).map_or(Json::Null, Json::from);
        let mut body = Map::new();
        body.insert("access_rules".to_owned(), access_rules);
        body.insert("description".to_owned(), text("description"));
        body.insert("expires_at".to_owned(), expires_at);
        body.insert("name".to_owned(), text("name"));
        body.insert("roles".to_owned(), Json::Array(roles));
        body.insert("secret".to_owned(), text("secret"));
        body.insert("unrestricted".to_owned(), Json::Bool(unrestricted));
        let created = fail(sdk::create(
            ctx,
            &APPLICATION_CREDENTIAL,
            Method::Post,
            &base(&user_id),
            body,
        ))?;
        Ok(format_application_credential(&created, true))
    }
}

/// The message of Python's `json.JSONDecodeError` for a file that is not JSON (close to, not always equal).
fn python_json_error(err: &serde_json::Error) -> String {
    format!(
        "Expecting value: line {} column {} (char {})",
        err.line(),
        err.column(),
        err.column().saturating_sub(1)
    )
}

/// `application credential delete`.
pub struct DeleteApplicationCredential;

impl Command<ClientManager> for DeleteApplicationCredential {
    fn description(&self) -> &str {
        "Delete application credentials(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("application_credential")
                .metavar("<application-credential>")
                .nargs(Nargs::OneOrMore)
                .help("Application credentials(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user_id = auth_user_id(ctx)?;
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("application_credential"),
            |ctx, name| {
                let found = find(ctx, &user_id, name)?;
                sdk::delete(
                    ctx,
                    &APPLICATION_CREDENTIAL,
                    &sdk::item_path(&base(&user_id), &sdk::id_of(&found)),
                    true,
                )
            },
            output::delete_failure("application credential"),
            output::delete_summary("application credentials"),
        )
    }
}

/// `application credential list`.
pub struct ListApplicationCredential;

impl Command<ClientManager> for ListApplicationCredential {
    fn description(&self) -> &str {
        "List application credentials"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("User whose application credentials to list (name or ID)"),
        );
        common::add_user_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user_id = match given(args, "user") {
            Some(user) => fail(common::find_user_id_sdk(
                ctx,
                user,
                given(args, "user_domain"),
                true,
            ))?,
            None => auth_user_id(ctx)?,
        };
        let data = fail(sdk::list(
            ctx,
            &APPLICATION_CREDENTIAL,
            &base(&user_id),
            &[],
            None,
        ))?;
        Ok(output::list(
            HEADINGS,
            data.iter().map(|item| row(item, false)).collect(),
        ))
    }
}

/// `application credential show`.
pub struct ShowApplicationCredential;

impl Command<ClientManager> for ShowApplicationCredential {
    fn description(&self) -> &str {
        "Display application credential details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("application_credential")
                .metavar("<application-credential>")
                .help("Application credential to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user_id = auth_user_id(ctx)?;
        let found = fail(find(
            ctx,
            &user_id,
            args.str("application_credential").unwrap_or(""),
        ))?;
        Ok(format_application_credential(&found, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    const AC: &str = r#"{"application_credential": {"id": "a1", "name": "ac", "description": null,
        "project_id": "p1", "roles": [{"id": "r2", "name": "reader"}, {"id": "r1", "name": "admin"}],
        "unrestricted": false, "access_rules": [], "expires_at": null, "secret": "s"}}"#;

    #[test]
    fn create_body_and_secret_column() {
        let (result, sent) = run(
            &CreateApplicationCredential,
            &[
                ("name", s("ac")),
                (
                    "roles",
                    l(&["admin", "aabbccdd-eeff-0011-2233-445566778899"]),
                ),
                ("expiration", s("2030-1-1T00:00:00")),
            ],
            &[(201, AC)],
        );
        assert_eq!(
            sent,
            vec![concat!(
                r#"POST /users/u1/application_credentials {"application_credential":{"access_rules":[],"#,
                r#""description":null,"expires_at":"2030-01-01T00:00:00","name":"ac","roles":[{"name":"admin"},"#,
                r#"{"id":"aabbccdd-eeff-0011-2233-445566778899"}],"secret":null,"unrestricted":false}}"#
            )]
        );
        let Output::Show { fields, values } = result.unwrap() else {
            panic!()
        };
        assert_eq!(fields.last().unwrap(), "Secret");
        let Value::Column { human, .. } = &values[4] else {
            panic!()
        };
        assert_eq!(human, "admin, reader");
    }

    #[test]
    fn show_and_delete_find_by_name() {
        let list = format!(
            r#"{{"application_credentials": [{}]}}"#,
            &AC[27..AC.len() - 1]
        );
        let (result, sent) = run(
            &ShowApplicationCredential,
            &[("application_credential", s("ac"))],
            &[
                (404, &not_found("application credential", "ac")),
                (200, &list),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /users/u1/application_credentials/ac?user_id=u1",
                "GET /users/u1/application_credentials"
            ]
        );
        assert!(result.is_ok());
        let (result, _) = run(
            &DeleteApplicationCredential,
            &[("application_credential", l(&["zz"]))],
            &[
                (404, &not_found("application credential", "zz")),
                (200, &list),
            ],
        );
        assert_eq!(
            result.unwrap_err().message,
            "1 of 1 application credentials failed to delete."
        );
    }
}
