//! `role assignment list` (openstacksdk `RoleAssignment`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::common::{self, find_sdk_id, given};
use crate::output::{self, fail};
use crate::resources::{DOMAIN, GROUP, PROJECT, ROLE, ROLE_ASSIGNMENT, USER};
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `_get_names`: `name` or `name@domain`, `''` for no actor/target.
fn names(attr: Option<&Json>) -> Value {
    match attr.filter(|a| sdk::truthy(a)) {
        Some(attr) => {
            let name = attr.get("name").and_then(Json::as_str).unwrap_or("");
            let domain = attr
                .get("domain")
                .filter(|d| sdk::truthy(d))
                .map(|d| d.get("name").and_then(Json::as_str).unwrap_or(""));
            match domain {
                Some(domain) => Value::str(format!("{name}@{domain}")),
                None => Value::str(name),
            }
        }
        None => Value::str(""),
    }
}

/// `_get_ids`: `id`, `''` for no actor/target.
fn ids(attr: Option<&Json>) -> Value {
    match attr.filter(|a| sdk::truthy(a)).and_then(|a| a.get("id")) {
        Some(id) if sdk::truthy(id) => Value::from_json(id),
        _ => Value::str(""),
    }
}

/// `_format_role_assignment_`.
fn format_assignment(assignment: &Json, include_names: bool) -> Vec<Value> {
    let pick = if include_names { names } else { ids };
    let scope = assignment.get("scope");
    let in_scope = |key: &str| scope.and_then(|s| s.get(key));
    let system = in_scope("system").is_some_and(sdk::truthy);
    vec![
        pick(assignment.get("role")),
        pick(assignment.get("user")),
        pick(assignment.get("group")),
        pick(in_scope("project")),
        pick(in_scope("domain")),
        Value::str(if system { "all" } else { "" }),
        Value::Bool(in_scope("OS-INHERIT:inherited_to").and_then(Json::as_str) == Some("projects")),
    ]
}

/// The authenticated user's and project's IDs.
fn auth_ids(ctx: &mut ClientManager) -> Result<(Option<String>, Option<String>)> {
    let token = ctx.token()?;
    let text = |pointer: &str| {
        token
            .body
            .pointer(pointer)
            .and_then(Json::as_str)
            .map(str::to_owned)
    };
    Ok((text("/token/user/id"), text("/token/project/id")))
}

/// `role assignment list`.
pub struct ListRoleAssignment;

impl Command<ClientManager> for ListRoleAssignment {
    fn description(&self) -> &str {
        "List role assignments"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--effective"])
                .action(cliff::argparse::Action::StoreTrue)
                .default_none()
                .help("Returns only effective role assignments"),
        );
        parser.add(
            Arg::option(&["--role"])
                .metavar("<role>")
                .help("Role to filter (name or ID)"),
        );
        common::add_role_domain_option(parser);
        parser.add(
            Arg::option(&["--names"])
                .flag()
                .help("Display names instead of IDs"),
        );
        let actor = parser.add_mutex(None, false);
        parser.add_to_mutex(
            actor,
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("User to filter (name or ID)"),
        );
        common::add_user_domain_option(parser);
        parser.add_to_mutex(
            actor,
            Arg::option(&["--group"])
                .metavar("<group>")
                .help("Group to filter (name or ID)"),
        );
        common::add_group_domain_option(parser);
        let scope = parser.add_mutex(None, false);
        parser.add_to_mutex(
            scope,
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain to filter (name or ID)"),
        );
        parser.add_to_mutex(
            scope,
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Project to filter (name or ID)"),
        );
        parser.add_to_mutex(
            scope,
            Arg::option(&["--system"])
                .metavar("<system>")
                .help("Filter based on system role assignments"),
        );
        common::add_project_domain_option(parser);
        common::add_inherited_option(parser);
        parser.add(
            Arg::option(&["--auth-user"])
                .dest("authuser")
                .flag()
                .help("Only list assignments for the authenticated user"),
        );
        parser.add(
            Arg::option(&["--auth-project"])
                .dest("authproject")
                .flag()
                .help("Only list assignments for the project to which the authenticated user's token is scoped"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (auth_user, auth_project) = auth_ids(ctx)?;
        let domain_of = |ctx: &mut ClientManager, dest: &str| -> Result<Option<String>> {
            match given(args, dest) {
                Some(domain) => Ok(Some(fail(find_sdk_id(ctx, &DOMAIN, domain, &[], true))?)),
                None => Ok(None),
            }
        };
        let role_domain = domain_of(ctx, "role_domain")?;
        let role_id = match given(args, "role") {
            Some(role) => Some(fail(find_sdk_id(
                ctx,
                &ROLE,
                role,
                &[("domain_id", role_domain)],
                true,
            ))?),
            None => None,
        };
        let user_domain = domain_of(ctx, "user_domain")?;
        let user_id = if let Some(user) = given(args, "user") {
            Some(fail(find_sdk_id(
                ctx,
                &USER,
                user,
                &[("domain_id", user_domain)],
                true,
            ))?)
        } else if args.flag("authuser") {
            let Some(user) = auth_user else {
                return Err(cliff::Error::command("missing auth info"));
            };
            Some(fail(find_sdk_id(ctx, &USER, &user, &[], true))?)
        } else {
            None
        };
        let system = given(args, "system").map(str::to_owned);
        let domain_id = domain_of(ctx, "domain")?;
        let project_domain = domain_of(ctx, "project_domain")?;
        let project_id = if let Some(project) = given(args, "project") {
            Some(fail(find_sdk_id(
                ctx,
                &PROJECT,
                project,
                &[("domain_id", project_domain)],
                true,
            ))?)
        } else if args.flag("authproject") {
            let Some(project) = auth_project else {
                return Err(cliff::Error::command("missing auth info"));
            };
            Some(fail(find_sdk_id(ctx, &PROJECT, &project, &[], true))?)
        } else {
            None
        };
        let group_domain = domain_of(ctx, "group_domain")?;
        let group_id = match given(args, "group") {
            Some(group) => Some(fail(find_sdk_id(
                ctx,
                &GROUP,
                group,
                &[("domain_id", group_domain)],
                true,
            ))?),
            None => None,
        };
        let include_names = args.flag("names");
        let effective = common::tri_state(args, "effective").filter(|e| *e);
        let params: Vec<Param> = vec![
            ("role_id", role_id),
            ("user_id", user_id),
            ("group_id", group_id),
            ("scope_project_id", project_id),
            ("scope_domain_id", domain_id),
            ("scope_system", system),
            ("effective", effective.map(sdk::py_bool)),
            ("include_names", include_names.then(|| "True".to_owned())),
            (
                "inherited_to",
                args.flag("inherited").then(|| "projects".to_owned()),
            ),
        ];
        let data = fail(sdk::list(
            ctx,
            &ROLE_ASSIGNMENT,
            ROLE_ASSIGNMENT.base_path,
            &params,
            None,
        ))?;
        let rows = data
            .iter()
            .map(|a| format_assignment(a, include_names))
            .collect();
        Ok(output::list(
            &[
                "Role",
                "User",
                "Group",
                "Project",
                "Domain",
                "System",
                "Inherited",
            ],
            rows,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};
    use cliff::ArgValue;

    const ALL_NONE: &str = "GET /role_assignments";

    #[test]
    fn lists_with_every_filter_in_the_query() {
        let body = r#"{"role_assignments": [
            {"role": {"id": "r1"}, "user": {"id": "u1"}, "scope": {"project": {"id": "p1"}}},
            {"role": {"id": "r2"}, "group": {"id": "g1"},
             "scope": {"domain": {"id": "d1"}, "OS-INHERIT:inherited_to": "projects"}},
            {"role": {"id": "r3"}, "user": {"id": "u1"}, "scope": {"system": {"all": true}}}]}"#;
        let (result, sent) = run(&ListRoleAssignment, &[], &[(200, body)]);
        assert_eq!(sent, vec![ALL_NONE]);
        let e = Value::str("");
        assert_eq!(
            result.unwrap(),
            output::list(
                &[
                    "Role",
                    "User",
                    "Group",
                    "Project",
                    "Domain",
                    "System",
                    "Inherited"
                ],
                vec![
                    vec![
                        Value::str("r1"),
                        Value::str("u1"),
                        e.clone(),
                        Value::str("p1"),
                        e.clone(),
                        e.clone(),
                        Value::Bool(false)
                    ],
                    vec![
                        Value::str("r2"),
                        e.clone(),
                        Value::str("g1"),
                        e.clone(),
                        Value::str("d1"),
                        e.clone(),
                        Value::Bool(true)
                    ],
                    vec![
                        Value::str("r3"),
                        Value::str("u1"),
                        e.clone(),
                        e.clone(),
                        e.clone(),
                        Value::str("all"),
                        Value::Bool(false)
                    ],
                ]
            )
        );
    }

    #[test]
    fn names_with_domains() {
        let body = r#"{"role_assignments": [{"role": {"id": "r1", "name": "admin"},
            "user": {"id": "u1", "name": "admin", "domain": {"id": "default", "name": "Default"}},
            "scope": {"project": {"id": "p1", "name": "admin", "domain": {"id": "default", "name": "Default"}}}}]}"#;
        let (result, sent) = run(
            &ListRoleAssignment,
            &[
                ("names", ArgValue::Bool(true)),
                ("effective", ArgValue::Bool(true)),
                ("user", s("u1")),
            ],
            &[(200, r#"{"user": {"id": "u1"}}"#), (200, body)],
        );
        assert_eq!(sent[0], "GET /users/u1");
        assert!(sent[1].contains("user.id=u1&effective=True&include_names=True"));
        let Output::List { rows, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(
            rows[0][..4],
            [
                Value::str("admin"),
                Value::str("admin@Default"),
                Value::str(""),
                Value::str("admin@Default")
            ]
        );
    }
}
