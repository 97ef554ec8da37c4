//! `role add|create|delete|list|remove|set|show` (openstacksdk `Role` and role assignment calls).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self, find_sdk_id, given, tri_state};
use crate::output::{self, fail};
use crate::resources::{DOMAIN, GROUP, PROJECT, ROLE, SERVICE_TYPE, USER};
use openstack_sdk as sdk;
use openstack_sdk::{quote_path, Call, Failure, Param, Res};

/// `_format_role`.
pub fn format_role(item: &Json) -> Output {
    output::show(vec![
        ("id", sdk::attr(item, "id")),
        ("name", sdk::attr(item, "name")),
        ("domain_id", sdk::attr(item, "domain_id")),
        ("description", sdk::attr(item, "description")),
    ])
}

/// `_add_identity_and_resource_options_to_parser`.
fn add_identity_and_resource_options(parser: &mut Parser) {
    let scope = parser.add_mutex(None, false);
    parser.add_to_mutex(
        scope,
        Arg::option(&["--system"])
            .metavar("<system>")
            .help("Include <system> (all)"),
    );
    parser.add_to_mutex(
        scope,
        Arg::option(&["--domain"])
            .metavar("<domain>")
            .help("Include <domain> (name or ID)"),
    );
    parser.add_to_mutex(
        scope,
        Arg::option(&["--project"])
            .metavar("<project>")
            .help("Include <project> (name or ID)"),
    );
    let actor = parser.add_mutex(None, false);
    parser.add_to_mutex(
        actor,
        Arg::option(&["--user"])
            .metavar("<user>")
            .help("Include <user> (name or ID)"),
    );
    parser.add_to_mutex(
        actor,
        Arg::option(&["--group"])
            .metavar("<group>")
            .help("Include <group> (name or ID)"),
    );
    common::add_group_domain_option(parser);
    common::add_project_domain_option(parser);
    common::add_user_domain_option(parser);
    common::add_inherited_option(parser);
}

/// Who gets the role, and where.
enum Target {
    System,
    Domain(String),
    Project(String),
}

/// The resolved `_process_identity_and_resource_options`.
struct Assignment {
    /// `("users", id)` or `("groups", id)`.
    actor: (&'static str, String),
    target: Target,
    inherited: bool,
}

const NOT_ADDED: &str =
    "Role not added, incorrect set of arguments provided. See openstack --help for more details";

/// An actor (user or group) looked up within its optional domain.
fn find_actor(
    ctx: &mut ClientManager,
    resource: &sdk::Resource,
    name: &str,
    domain: Option<&str>,
    validate: bool,
) -> Res<String> {
    let domain_id = match domain {
        Some(domain) => Some(find_sdk_id(ctx, &DOMAIN, domain, &[], validate)?),
        None => None,
    };
    find_sdk_id(ctx, resource, name, &[("domain_id", domain_id)], validate)
}

/// `_process_identity_and_resource_options`: the lookups in OSC's order.
fn process_options(ctx: &mut ClientManager, args: &Args, validate: bool) -> Res<Assignment> {
    let user = given(args, "user");
    let group = given(args, "group");
    let actor_kind = match (user, group) {
        (Some(_), _) => "users",
        (None, Some(_)) => "groups",
        (None, None) => return Err(Failure::command(NOT_ADDED)),
    };
    let (system, domain, project) = (
        given(args, "system"),
        given(args, "domain"),
        given(args, "project"),
    );
    if system.is_none() && domain.is_none() && project.is_none() {
        return Err(Failure::command(NOT_ADDED));
    }
    let actor_id = match user {
        Some(user) => find_actor(ctx, &USER, user, given(args, "user_domain"), validate)?,
        None => find_actor(
            ctx,
            &GROUP,
            group.unwrap_or(""),
            given(args, "group_domain"),
            validate,
        )?,
    };
    let target = if system.is_some() {
        Target::System
    } else if let Some(domain) = domain {
        Target::Domain(find_sdk_id(ctx, &DOMAIN, domain, &[], validate)?)
    } else {
        let project = project.unwrap_or("");
        Target::Project(find_actor(
            ctx,
            &PROJECT,
            project,
            given(args, "project_domain"),
            validate,
        )?)
    };
    Ok(Assignment {
        actor: (actor_kind, actor_id),
        target,
        inherited: args.flag("inherited"),
    })
}

/// The grant's URL (`/projects/p/users/u/roles/r`, under `OS-INHERIT` when inherited; `/system/...`).
fn grant_path(assignment: &Assignment, role: &str) -> String {
    let (kind, actor) = &assignment.actor;
    let tail = format!("{kind}/{}/roles/{}", quote_path(actor), quote_path(role));
    match &assignment.target {
        Target::System => format!("/system/{tail}"),
        Target::Domain(id) | Target::Project(id) => {
            let collection = if matches!(assignment.target, Target::Domain(_)) {
                "domains"
            } else {
                "projects"
            };
            let base = format!("/{collection}/{}/{tail}", quote_path(id));
            if assignment.inherited {
                format!("/OS-INHERIT{base}/inherited_to_projects")
            } else {
                base
            }
        }
    }
}

/// openstacksdk's assign/unassign calls: the answer's status is not checked, so HTTP failures pass silently.
fn grant(ctx: &mut ClientManager, method: Method, path: String) -> Res<()> {
    match Call::new(SERVICE_TYPE, method, path).send(ctx) {
        Ok(_) | Err(Failure::Http { .. }) => Ok(()),
        Err(failure) => Err(failure),
    }
}

/// The role to grant or revoke (within `--role-domain`).
fn find_role_id(ctx: &mut ClientManager, args: &Args) -> Res<String> {
    let domain_id = match given(args, "role_domain") {
        Some(domain) => Some(find_sdk_id(ctx, &DOMAIN, domain, &[], true)?),
        None => None,
    };
    find_sdk_id(
        ctx,
        &ROLE,
        args.str("role").unwrap_or(""),
        &[("domain_id", domain_id)],
        true,
    )
}

/// `role add`.
pub struct AddRole;

impl Command<ClientManager> for AddRole {
    fn description(&self) -> &str {
        "Adds a role assignment to a user or group on the system, a domain, or a project"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("role")
                .metavar("<role>")
                .help("Role to add to <user> (name or ID)"),
        );
        add_identity_and_resource_options(parser);
        common::add_role_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        if ["user", "domain", "group", "project"]
            .iter()
            .all(|dest| given(args, dest).is_none())
        {
            return Err(Error::command(NOT_ADDED));
        }
        let role = fail(find_role_id(ctx, args))?;
        let assignment = fail(process_options(ctx, args, true))?;
        if matches!(assignment.target, Target::System) && assignment.inherited {
            log::warn!(
                "'--inherited' was given, which is not supported when adding a system role. This will be an error \
                 in a future release."
            );
        }
        fail(grant(ctx, Method::Put, grant_path(&assignment, &role)))?;
        Ok(Output::ok())
    }
}

/// `role remove`.
pub struct RemoveRole;

impl Command<ClientManager> for RemoveRole {
    fn description(&self) -> &str {
        "Removes a role assignment from system/domain/project : user/group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("role")
                .metavar("<role>")
                .help("Role to remove (name or ID)"),
        );
        add_identity_and_resource_options(parser);
        common::add_role_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        if ["user", "domain", "group", "project"]
            .iter()
            .all(|dest| given(args, dest).is_none())
        {
            return Err(Error::command(
                "Incorrect set of arguments provided. See openstack --help for more details",
            ));
        }
        let role = fail(find_role_id(ctx, args))?;
        let assignment = fail(process_options(ctx, args, false))?;
        fail(grant(ctx, Method::Delete, grant_path(&assignment, &role)))?;
        Ok(Output::ok())
    }
}

/// `role create`.
pub struct CreateRole;

impl Command<ClientManager> for CreateRole {
    fn description(&self) -> &str {
        "Create new role"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<role-name>")
                .help("New role name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Add description about the role"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain the role belongs to (name or ID)"),
        );
        parser.add(
            Arg::option(&["--or-show"])
                .flag()
                .help("Return existing role"),
        );
        common::add_resource_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = Map::new();
        if let Some(domain) = given(args, "domain") {
            body.insert(
                "domain_id".to_owned(),
                Json::from(fail(find_sdk_id(ctx, &DOMAIN, domain, &[], true))?),
            );
        }
        let name = args.str("name").unwrap_or("");
        if !name.is_empty() {
            body.insert("name".to_owned(), Json::from(name));
        }
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(immutable) = tri_state(args, "immutable") {
            body.insert("options".to_owned(), json!({"immutable": immutable}));
        }
        body.sort_keys();
        let role = match sdk::create(ctx, &ROLE, Method::Post, ROLE.base_path, body) {
            Ok(role) => role,
            Err(failure) if failure.is_conflict() && args.flag("or_show") => {
                let params: Vec<Param> = vec![("domain_id", args.str("domain").map(str::to_owned))];
                let role = fail(sdk::find_one(ctx, &ROLE, ROLE.base_path, name, &params))?;
                log::info!(
                    "Returning existing role {}",
                    sdk::str_of(&role, "name").unwrap_or("None")
                );
                role
            }
            Err(failure) => return Err(failure.into()),
        };
        Ok(format_role(&role))
    }
}

/// `role delete`.
pub struct DeleteRole;

impl Command<ClientManager> for DeleteRole {
    fn description(&self) -> &str {
        "Delete role(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("roles")
                .metavar("<role>")
                .nargs(Nargs::OneOrMore)
                .help("Role(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain the role belongs to (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain_id = match given(args, "domain") {
            Some(domain) => Some(fail(find_sdk_id(ctx, &DOMAIN, domain, &[], true))?),
            None => None,
        };
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("roles"),
            |ctx, role| {
                let id = find_sdk_id(ctx, &ROLE, role, &[("domain_id", domain_id.clone())], true)?;
                sdk::delete(ctx, &ROLE, &sdk::item_path(ROLE.base_path, &id), false)
            },
            output::delete_failure("role"),
            output::delete_summary("roles"),
        )
    }
}

/// `role list`.
pub struct ListRole;

impl Command<ClientManager> for ListRole {
    fn description(&self) -> &str {
        "List roles"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Include <domain> (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        if let Some(domain) = given(args, "domain") {
            let domain = fail(sdk::find_one(ctx, &DOMAIN, DOMAIN.base_path, domain, &[]))?;
            let params: Vec<Param> = vec![("domain_id", Some(sdk::id_of(&domain)))];
            let roles = fail(sdk::list(ctx, &ROLE, ROLE.base_path, &params, None))?;
            let domain_name = sdk::attr(&domain, "name");
            let rows = roles
                .iter()
                .map(|role| {
                    vec![
                        sdk::attr(role, "id"),
                        sdk::attr(role, "name"),
                        domain_name.clone(),
                    ]
                })
                .collect();
            return Ok(output::list(&["ID", "Name", "Domain"], rows));
        }
        let roles = fail(sdk::list(ctx, &ROLE, ROLE.base_path, &[], None))?;
        let rows: Vec<Vec<Value>> = roles
            .iter()
            .map(|role| vec![sdk::attr(role, "id"), sdk::attr(role, "name")])
            .collect();
        Ok(output::list(&["ID", "Name"], rows))
    }
}

/// `role set`.
pub struct SetRole;

impl Command<ClientManager> for SetRole {
    fn description(&self) -> &str {
        "Set role properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("role")
                .metavar("<role>")
                .help("Role to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Add description about the role"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain the role belongs to (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set role name"),
        );
        common::add_resource_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = Map::new();
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(name) = given(args, "name") {
            body.insert("name".to_owned(), Json::from(name));
        }
        let mut domain_id = None;
        if let Some(domain) = given(args, "domain") {
            let id = fail(find_sdk_id(ctx, &DOMAIN, domain, &[], true))?;
            body.insert("domain_id".to_owned(), Json::from(id.clone()));
            domain_id = Some(id);
        }
        if let Some(immutable) = tri_state(args, "immutable") {
            body.insert("options".to_owned(), json!({"immutable": immutable}));
        }
        let role = fail(find_sdk_id(
            ctx,
            &ROLE,
            args.str("role").unwrap_or(""),
            &[("domain_id", domain_id)],
            true,
        ))?;
        body.sort_keys();
        fail(sdk::update(
            ctx,
            &ROLE,
            &sdk::item_path(ROLE.base_path, &role),
            body,
        ))?;
        Ok(Output::ok())
    }
}

/// `role show`.
pub struct ShowRole;

impl Command<ClientManager> for ShowRole {
    fn description(&self) -> &str {
        "Display role details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("role")
                .metavar("<role>")
                .help("Role to display (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain the role belongs to (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain_id = match given(args, "domain") {
            Some(domain) => Some(fail(find_sdk_id(ctx, &DOMAIN, domain, &[], true))?),
            None => None,
        };
        let role = fail(sdk::find_one(
            ctx,
            &ROLE,
            ROLE.base_path,
            args.str("role").unwrap_or(""),
            &[("domain_id", domain_id)],
        ))?;
        Ok(format_role(&role))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};
    use cliff::ArgValue;

    const READER: &str =
        r#"{"role": {"id": "r1", "name": "reader", "domain_id": null, "description": null}}"#;
    const ADMIN: &str = r#"{"user": {"id": "u1", "name": "admin"}}"#;
    const PROJECT_P1: &str = r#"{"project": {"id": "p1", "name": "admin"}}"#;

    #[test]
    fn add_on_project_inherited() {
        let (result, sent) = run(
            &AddRole,
            &[
                ("role", s("r1")),
                ("user", s("u1")),
                ("project", s("p1")),
                ("inherited", ArgValue::Bool(true)),
            ],
            &[(200, READER), (200, ADMIN), (200, PROJECT_P1), (204, "")],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent,
            vec![
                "GET /roles/r1",
                "GET /users/u1",
                "GET /projects/p1",
                "PUT /OS-INHERIT/projects/p1/users/u1/roles/r1/inherited_to_projects",
            ]
        );
    }

    #[test]
    fn remove_ignores_failures_and_keeps_unknown_names() {
        let empty_users = r#"{"users": []}"#;
        let (result, sent) = run(
            &RemoveRole,
            &[
                ("role", s("r1")),
                ("user", s("ghost")),
                ("system", s("all")),
            ],
            &[
                (200, READER),
                (404, &not_found("user", "ghost")),
                (200, empty_users),
                (404, &not_found("role", "r1")),
            ],
        );
        assert!(result.is_ok());
        assert_eq!(sent.last().unwrap(), "DELETE /system/users/ghost/roles/r1");
    }

    #[test]
    fn add_needs_an_actor_and_a_target() {
        let (result, sent) = run(&AddRole, &[("role", s("r1"))], &[]);
        assert!(sent.is_empty());
        assert_eq!(result.unwrap_err().message, NOT_ADDED);
        let (result, _) = run(
            &AddRole,
            &[("role", s("r1")), ("user", s("u1"))],
            &[(200, READER)],
        );
        assert_eq!(result.unwrap_err().message, NOT_ADDED);
        let (result, _) = run(&RemoveRole, &[("role", s("r1"))], &[]);
        assert_eq!(
            result.unwrap_err().message,
            "Incorrect set of arguments provided. See openstack --help for more details"
        );
    }

    #[test]
    fn missing_user_is_an_empty_error_for_add() {
        let (result, _) = run(
            &AddRole,
            &[
                ("role", s("r1")),
                ("user", s("ghost")),
                ("project", s("p1")),
            ],
            &[
                (200, READER),
                (404, &not_found("user", "ghost")),
                (200, r#"{"users": []}"#),
            ],
        );
        assert_eq!(result.unwrap_err().message, "");
    }

    #[test]
    fn list_with_domain_adds_its_name() {
        let (result, sent) = run(
            &ListRole,
            &[("domain", s("default"))],
            &[
                (200, r#"{"domain": {"id": "default", "name": "Default"}}"#),
                (200, r#"{"roles": [{"id": "r9", "name": "dr"}]}"#),
            ],
        );
        assert_eq!(
            sent,
            vec!["GET /domains/default", "GET /roles?domain_id=default"]
        );
        assert_eq!(
            result.unwrap(),
            output::list(
                &["ID", "Name", "Domain"],
                vec![vec![
                    Value::str("r9"),
                    Value::str("dr"),
                    Value::str("Default")
                ]]
            )
        );
    }

    #[test]
    fn delete_and_set() {
        let (result, sent) = run(
            &DeleteRole,
            &[("roles", l(&["r1"]))],
            &[(200, READER), (204, "")],
        );
        assert!(result.is_ok());
        assert_eq!(sent, vec!["GET /roles/r1", "DELETE /roles/r1"]);
        let (result, sent) = run(
            &SetRole,
            &[
                ("role", s("r1")),
                ("description", s("d")),
                ("immutable", ArgValue::Bool(false)),
            ],
            &[(200, READER), (200, READER)],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent[1],
            r#"PATCH /roles/r1 {"role":{"description":"d","options":{"immutable":false}}}"#
        );
    }
}
