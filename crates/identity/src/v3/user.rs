//! `user create|delete|list|set|show` and `user password set` (openstacksdk `User`).

use cliff::argparse::Nargs;
use cliff::{
    Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, RowSink, Value,
};
use osc_lib::{utils, ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self, given};
use crate::output::{self, fail};
use crate::pagination;
use crate::resources::{DOMAIN, GROUP, PROJECT, ROLE_ASSIGNMENT, SERVICE_TYPE, USER};
use crate::v3::project::auth_user_id;
use openstack_sdk as sdk;
use openstack_sdk::{quote_path, Call, Param};

const NO_PASSWORD: &str =
    "No password was supplied, authentication will fail when a user does not have a password.";

/// `_format_user`.
pub fn format_user(item: &Json) -> Output {
    output::show(vec![
        ("default_project_id", sdk::attr(item, "default_project_id")),
        ("domain_id", sdk::attr(item, "domain_id")),
        ("email", sdk::attr(item, "email")),
        ("enabled", sdk::bool_attr(item, "enabled")),
        ("id", sdk::attr(item, "id")),
        ("name", sdk::attr(item, "name")),
        ("description", sdk::attr(item, "description")),
        (
            "password_expires_at",
            sdk::attr(item, "password_expires_at"),
        ),
        (
            "options",
            item.get("options")
                .map_or(Value::Dict(Vec::new()), Value::from_json),
        ),
    ])
}

/// `_add_user_options`: the resource options flags.
fn add_user_options(parser: &mut Parser) {
    let flags: [(&str, &str); 10] = [
        (
            "--ignore-lockout-failure-attempts",
            "Opt into ignoring the number of times a user has authenticated and locking out the user as a result",
        ),
        (
            "--no-ignore-lockout-failure-attempts",
            "Opt out of ignoring the number of times a user has authenticated and locking out the user as a result",
        ),
        ("--ignore-password-expiry", "Opt into allowing user to continue using passwords that may be expired"),
        ("--no-ignore-password-expiry", "Opt out of allowing user to continue using passwords that may be expired"),
        (
            "--ignore-change-password-upon-first-use",
            "Control if a user should be forced to change their password immediately after they log into keystone \
             for the first time. Opt into ignoring the user to change their password during first time login in \
             keystone",
        ),
        (
            "--no-ignore-change-password-upon-first-use",
            "Control if a user should be forced to change their password immediately after they log into keystone \
             for the first time. Opt out of ignoring the user to change their password during first time login in \
             keystone",
        ),
        ("--enable-lock-password", "Disables the ability for a user to change its password through self-service APIs"),
        ("--disable-lock-password", "Enables the ability for a user to change its password through self-service APIs"),
        ("--enable-multi-factor-auth", "Enables the MFA (Multi Factor Auth)"),
        ("--disable-multi-factor-auth", "Disables the MFA (Multi Factor Auth)"),
    ];
    for (flag, help) in flags {
        parser.add(Arg::option(&[flag]).flag().help(help));
    }
    parser.add(
        Arg::option(&["--multi-factor-auth-rule"])
            .metavar("<rule>")
            .dest("multi_factor_auth_rules")
            .append()
            .default(ArgValue::List(Vec::new()))
            .help(
                "Set multi-factor auth rules. For example, to set a rule requiring the \"password\" and \"totp\" auth \
                 methods to be provided, use: \"--multi-factor-auth-rule password,totp\". May be provided multiple \
                 times to set different rule combinations.",
            ),
    );
}

/// `_get_options_for_user`.
fn user_options(args: &Args) -> Map<String, Json> {
    let mut options = Map::new();
    for (dest, option, value) in [
        (
            "ignore_lockout_failure_attempts",
            "ignore_lockout_failure_attempts",
            true,
        ),
        (
            "no_ignore_lockout_failure_attempts",
            "ignore_lockout_failure_attempts",
            false,
        ),
        ("ignore_password_expiry", "ignore_password_expiry", true),
        ("no_ignore_password_expiry", "ignore_password_expiry", false),
        (
            "ignore_change_password_upon_first_use",
            "ignore_change_password_upon_first_use",
            true,
        ),
        (
            "no_ignore_change_password_upon_first_use",
            "ignore_change_password_upon_first_use",
            false,
        ),
        ("enable_lock_password", "lock_password", true),
        ("disable_lock_password", "lock_password", false),
        (
            "enable_multi_factor_auth",
            "multi_factor_auth_enabled",
            true,
        ),
        (
            "disable_multi_factor_auth",
            "multi_factor_auth_enabled",
            false,
        ),
    ] {
        if args.flag(dest) {
            options.insert(option.to_owned(), Json::Bool(value));
        }
    }
    let rules: Vec<Json> = args
        .strings("multi_factor_auth_rules")
        .iter()
        .map(|rule| Json::from(rule.split(',').collect::<Vec<_>>()))
        .collect();
    if !rules.is_empty() {
        options.insert("multi_factor_auth_rules".to_owned(), Json::Array(rules));
    }
    options
}

fn add_enable_options(parser: &mut Parser) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        Arg::option(&["--enable"])
            .flag()
            .help("Enable user (default)"),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&["--disable"]).flag().help("Disable user"),
    );
}

fn add_set_project_option(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--project"])
            .metavar("<project>")
            .help("Set default project (name or ID)"),
    );
}

/// `find_domain(x, ignore_missing=False).id`.
fn domain_id(ctx: &mut ClientManager, domain: &str) -> Result<String> {
    Ok(sdk::id_of(&fail(sdk::find_one(
        ctx,
        &DOMAIN,
        DOMAIN.base_path,
        domain,
        &[],
    ))?))
}

/// The default project's ID: `find_project(project, ignore_missing=False, domain_id=<project domain or None>)`.
fn default_project_id(ctx: &mut ClientManager, args: &Args) -> Result<Option<String>> {
    let Some(project) = given(args, "project") else {
        return Ok(None);
    };
    let project_domain = match given(args, "project_domain") {
        Some(domain) => Some(domain_id(ctx, domain)?),
        None => None,
    };
    let params: Vec<Param> = vec![("domain_id", project_domain)];
    Ok(Some(sdk::id_of(&fail(sdk::find_one(
        ctx,
        &PROJECT,
        PROJECT.base_path,
        project,
        &params,
    ))?)))
}

/// `user create`.
pub struct CreateUser;

impl Command<ClientManager> for CreateUser {
    fn description(&self) -> &str {
        "Create new user"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New user name"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Default domain (name or ID)"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Default project (name or ID)"),
        );
        common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--password"])
                .metavar("<password>")
                .help("Set user password"),
        );
        parser.add(
            Arg::option(&["--password-prompt"])
                .dest("password_prompt")
                .flag()
                .help("Prompt interactively for password"),
        );
        parser.add(
            Arg::option(&["--email"])
                .metavar("<email-address>")
                .help("Set user email address"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("User description"),
        );
        add_user_options(parser);
        add_enable_options(parser);
        parser.add(
            Arg::option(&["--or-show"])
                .flag()
                .help("Return existing user"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = Map::new();
        let mut domain = None;
        if let Some(domain_arg) = given(args, "domain") {
            let id = domain_id(ctx, domain_arg)?;
            body.insert("domain_id".to_owned(), Json::from(id.clone()));
            domain = Some(id);
        }
        if let Some(project) = default_project_id(ctx, args)? {
            body.insert("default_project_id".to_owned(), Json::from(project));
        }
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(email) = given(args, "email") {
            body.insert("email".to_owned(), Json::from(email));
        }
        let password = match given(args, "password") {
            Some(password) => Some(password.to_owned()),
            None if args.flag("password_prompt") => Some(utils::get_password(None, true)?),
            None => None,
        };
        match password.filter(|p| !p.is_empty()) {
            Some(password) => {
                body.insert("password".to_owned(), Json::from(password));
            }
            None => log::warn!("{NO_PASSWORD}"),
        }
        let options = user_options(args);
        if !options.is_empty() {
            body.insert("options".to_owned(), Json::Object(options));
        }
        let name = args.str("name").unwrap_or("");
        body.insert("enabled".to_owned(), Json::Bool(!args.flag("disable")));
        body.insert("name".to_owned(), Json::from(name));
        body.sort_keys();
        let user = match sdk::create(ctx, &USER, Method::Post, USER.base_path, body) {
            Ok(user) => user,
            Err(failure) if failure.is_conflict() && args.flag("or_show") => {
                let params: Vec<Param> = domain
                    .map(|id| ("domain_id", Some(id)))
                    .into_iter()
                    .collect();
                let user = fail(sdk::find_one(ctx, &USER, USER.base_path, name, &params))?;
                log::info!(
                    "Returning existing user {}",
                    sdk::str_of(&user, "name").unwrap_or("None")
                );
                user
            }
            Err(failure) => return Err(failure.into()),
        };
        Ok(format_user(&user))
    }
}

/// `user delete`.
pub struct DeleteUser;

impl Command<ClientManager> for DeleteUser {
    fn description(&self) -> &str {
        "Delete user(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("users")
                .metavar("<user>")
                .nargs(Nargs::OneOrMore)
                .help("User(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain owning <user> (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain = match given(args, "domain") {
            Some(domain) => fail(sdk::find(ctx, &DOMAIN, DOMAIN.base_path, domain, &[], true))?,
            None => None,
        };
        let params: Vec<Param> = domain
            .iter()
            .map(|d| ("domain_id", Some(sdk::id_of(d))))
            .collect();
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("users"),
            |ctx, name| {
                let user = sdk::find_one(ctx, &USER, USER.base_path, name, &params)?;
                sdk::delete(
                    ctx,
                    &USER,
                    &sdk::item_path(USER.base_path, &sdk::id_of(&user)),
                    false,
                )
            },
            output::delete_failure("user"),
            output::delete_summary("users"),
        )
    }
}

/// `user list`.
pub struct ListUser;

impl Command<ClientManager> for ListUser {
    fn description(&self) -> &str {
        "List users"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Filter users by <domain> (name or ID)"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--group"])
                .metavar("<group>")
                .help("Filter users by <group> membership (name or ID)"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Filter users by <project> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--enabled"])
                .action(cliff::argparse::Action::StoreTrue)
                .dest("is_enabled")
                .default_none()
                .help("List only enabled users, does nothing with --project and --group"),
        );
        parser.add(
            Arg::option(&["--disabled"])
                .action(cliff::argparse::Action::StoreFalse)
                .dest("is_enabled")
                .default_none()
                .help("List only disabled users, does nothing with --project and --group"),
        );
        pagination::add_marker_pagination_options(parser, true);
    }

    cliff::rows_from!(list_users, ClientManager);

    /// OSC neither sorts nor post-processes the list: the pages go out as they come.
    fn streams(&self, _args: &Args) -> bool {
        true
    }
}

/// `user list`: the rows go to `sink` a page at a time (all at once with `--project`, built from role
/// assignments).
fn list_users(ctx: &mut ClientManager, args: &Args, sink: &mut dyn RowSink) -> Result<()> {
    let paging = pagination::pagination(args)?;
    if given(args, "project").is_some() && paging.limit_or_marker {
        return Err(Error::command(
            "--limit and --marker are not supported with --project",
        ));
    }
    let domain = match given(args, "domain") {
        Some(domain) => Some(domain_id(ctx, domain)?),
        None => None,
    };
    let group = match given(args, "group") {
        Some(group) => {
            let params: Vec<Param> = vec![("domain_id", args.str("domain").map(str::to_owned))];
            Some(sdk::id_of(&fail(sdk::find_one(
                ctx,
                &GROUP,
                GROUP.base_path,
                group,
                &params,
            ))?))
        }
        None => None,
    };
    let mut pages = None;
    let data = if let Some(project) = given(args, "project") {
        let params: Vec<Param> = domain
            .iter()
            .map(|d| ("domain_id", Some(d.clone())))
            .collect();
        let project_id = sdk::id_of(&fail(sdk::find_one(
            ctx,
            &PROJECT,
            PROJECT.base_path,
            project,
            &params,
        ))?);
        let assignments = fail(sdk::list(
            ctx,
            &ROLE_ASSIGNMENT,
            ROLE_ASSIGNMENT.base_path,
            &[("scope_project_id", Some(project_id))],
            None,
        ))?;
        // A user with several roles appears once per role; each user is looked up once.
        let mut user_ids: Vec<String> = Vec::new();
        for assignment in &assignments {
            if let Some(id) = assignment.pointer("/user/id").and_then(Json::as_str) {
                if !user_ids.iter().any(|u| u == id) {
                    user_ids.push(id.to_owned());
                }
            }
        }
        let mut users = Vec::new();
        for id in user_ids {
            users.push(fail(sdk::find_one(ctx, &USER, USER.base_path, &id, &[]))?);
        }
        users
    } else {
        let mut params: Vec<Param> = vec![("domain_id", domain.clone())];
        let base = match &group {
            Some(group) => format!("{}/{}/users", GROUP.base_path, quote_path(group)),
            None => {
                if let Some(enabled) = common::tri_state(args, "is_enabled") {
                    params.push(("is_enabled", Some(sdk::py_bool(enabled))));
                }
                USER.base_path.to_owned()
            }
        };
        params.extend(paging.params.iter().cloned());
        let mut listing = sdk::Pages::new(&USER, &base, &params, paging.max_items);
        let first = fail(listing.next_page(ctx))?.unwrap_or_default();
        pages = Some(listing);
        first
    };
    let long = args.flag("long");
    let columns: &[&str] = if long {
        &[
            "ID",
            "Name",
            "Project",
            "Domain",
            "Description",
            "Email",
            "Enabled",
        ]
    } else {
        &["ID", "Name"]
    };
    sink.columns(columns.iter().map(|c| (*c).to_owned()).collect())?;
    let row = |user: &Json| {
        let mut row = vec![sdk::attr(user, "id"), sdk::attr(user, "name")];
        if long {
            row.push(sdk::attr(user, "default_project_id"));
            row.push(sdk::attr(user, "domain_id"));
            row.push(sdk::attr(user, "description"));
            row.push(sdk::attr(user, "email"));
            row.push(sdk::bool_attr(user, "enabled"));
        }
        row
    };
    sink.rows(data.iter().map(row).collect())?;
    // Without --project the users come a page at a time.
    while let Some(page) = match pages.as_mut() {
        Some(pages) => fail(pages.next_page(ctx))?,
        None => None,
    } {
        sink.rows(page.iter().map(row).collect())?;
    }
    Ok(())
}

/// `user set`.
pub struct SetUser;

impl Command<ClientManager> for SetUser {
    fn description(&self) -> &str {
        "Set user properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("user")
                .metavar("<user>")
                .help("User to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set user name"),
        );
        parser.add(Arg::option(&["--domain"]).metavar("<domain>").help(
            "Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.",
        ));
        add_set_project_option(parser);
        common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--password"])
                .metavar("<password>")
                .help("Set user password"),
        );
        parser.add(
            Arg::option(&["--password-prompt"])
                .dest("password_prompt")
                .flag()
                .help("Prompt interactively for password"),
        );
        parser.add(
            Arg::option(&["--email"])
                .metavar("<email-address>")
                .help("Set user email address"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set user description"),
        );
        add_user_options(parser);
        add_enable_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut password = args.str("password").map(str::to_owned);
        if args.flag("password_prompt") {
            password = Some(utils::get_password(None, true)?);
        }
        if password.as_deref() == Some("") {
            log::warn!("{NO_PASSWORD}");
        }
        let user_arg = args.str("user").unwrap_or("");
        let params: Vec<Param> = match given(args, "domain") {
            Some(domain) => vec![("domain_id", Some(domain_id(ctx, domain)?))],
            None => Vec::new(),
        };
        let user = fail(sdk::find_one(ctx, &USER, USER.base_path, user_arg, &params))?;
        let mut wanted: Vec<(&str, Json)> = Vec::new();
        if let Some(name) = given(args, "name") {
            wanted.push(("name", Json::from(name)));
        }
        if let Some(email) = given(args, "email") {
            wanted.push(("email", Json::from(email)));
        }
        if let Some(password) = password.filter(|p| !p.is_empty()) {
            wanted.push(("password", Json::from(password)));
        }
        if let Some(description) = given(args, "description") {
            wanted.push(("description", Json::from(description)));
        }
        if let Some(project) = default_project_id(ctx, args)? {
            wanted.push(("default_project_id", Json::from(project)));
        }
        let mut enabled = user.get("enabled").cloned().unwrap_or(Json::Null);
        if args.flag("enable") {
            enabled = Json::Bool(true);
        }
        if args.flag("disable") {
            enabled = Json::Bool(false);
        }
        wanted.push(("enabled", enabled));
        let options = user_options(args);
        if !options.is_empty() {
            wanted.push(("options", Json::Object(options)));
        }
        // openstacksdk sends only the attributes whose value differs from the user it found.
        let mut body = Map::new();
        for (key, value) in wanted {
            let current = match (key, user.get(key)) {
                ("options", None) => Some(json!({})),
                (_, current) => current.cloned(),
            };
            if current.as_ref() != Some(&value) {
                body.insert(key.to_owned(), value);
            }
        }
        body.sort_keys();
        fail(sdk::update(
            ctx,
            &USER,
            &sdk::item_path(USER.base_path, &sdk::id_of(&user)),
            body,
        ))?;
        Ok(Output::ok())
    }
}

/// `user password set`.
pub struct SetPasswordUser;

impl Command<ClientManager> for SetPasswordUser {
    fn description(&self) -> &str {
        "Change current user password"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--password"])
                .metavar("<new-password>")
                .help("New user password"),
        );
        parser.add(
            Arg::option(&["--original-password"])
                .metavar("<original-password>")
                .help("Original user password"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let user_id = auth_user_id(ctx)?;
        let current = match args.str("original_password") {
            Some(password) => password.to_owned(),
            None => utils::get_password(Some("Current Password:"), false)?,
        };
        let password = match args.str("password") {
            Some(password) => password.to_owned(),
            None => utils::get_password(Some("New Password:"), true)?,
        };
        if password.is_empty() {
            log::warn!("{NO_PASSWORD}");
        }
        let body = json!({"user": {"password": password, "original_password": current}});
        fail(
            Call::new(
                SERVICE_TYPE,
                Method::Post,
                format!("{}/{}/password", USER.base_path, quote_path(&user_id)),
            )
            .body(body)
            .send(ctx),
        )?;
        Ok(Output::ok())
    }
}

/// `user show`.
pub struct ShowUser;

impl Command<ClientManager> for ShowUser {
    fn description(&self) -> &str {
        "Display user details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("user")
                .metavar("<user>")
                .help("User to display (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain owning <user> (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain = match given(args, "domain") {
            Some(domain) => fail(sdk::find(ctx, &DOMAIN, DOMAIN.base_path, domain, &[], true))?,
            None => None,
        };
        let params: Vec<Param> = domain
            .iter()
            .map(|d| ("domain_id", Some(sdk::id_of(d))))
            .collect();
        let user = fail(sdk::find_one(
            ctx,
            &USER,
            USER.base_path,
            args.str("user").unwrap_or(""),
            &params,
        ))?;
        Ok(format_user(&user))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    const ADMIN: &str = r#"{"user": {"id": "u1", "name": "admin", "domain_id": "default", "enabled": true,
        "password_expires_at": null, "options": {}, "links": {}}}"#;

    #[test]
    fn show_has_the_nine_fields() {
        let (result, sent) = run(&ShowUser, &[("user", s("u1"))], &[(200, ADMIN)]);
        assert_eq!(sent, vec!["GET /users/u1"]);
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("default_project_id", Value::Null),
                ("domain_id", Value::str("default")),
                ("email", Value::Null),
                ("enabled", Value::Bool(true)),
                ("id", Value::str("u1")),
                ("name", Value::str("admin")),
                ("description", Value::Null),
                ("password_expires_at", Value::Null),
                ("options", Value::Dict(vec![])),
            ])
        );
    }

    #[test]
    fn create_with_project_and_options() {
        let (result, sent) = run(
            &CreateUser,
            &[
                ("name", s("idtest-u")),
                ("project", s("admin")),
                ("password", s("secret")),
                ("enable_lock_password", ArgValue::Bool(true)),
                ("multi_factor_auth_rules", l(&["password,totp"])),
            ],
            &[
                (200, r#"{"project": {"id": "p1", "name": "admin"}}"#),
                (201, ADMIN),
            ],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent,
            vec![
                "GET /projects/admin",
                r#"POST /users {"user":{"default_project_id":"p1","enabled":true,"name":"idtest-u","options":{"lock_password":true,"multi_factor_auth_rules":[["password","totp"]]},"password":"secret"}}"#,
            ]
        );
    }

    #[test]
    fn set_sends_only_changes() {
        let (result, sent) = run(
            &SetUser,
            &[("user", s("u1")), ("name", s("admin"))],
            &[(200, ADMIN)],
        );
        assert!(result.is_ok());
        assert_eq!(sent, vec!["GET /users/u1"]);
        let (result, sent) = run(
            &SetUser,
            &[
                ("user", s("u1")),
                ("disable", ArgValue::Bool(true)),
                ("email", s("a@b")),
            ],
            &[(200, ADMIN), (200, ADMIN)],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent[1],
            r#"PATCH /users/u1 {"user":{"email":"a@b","enabled":false}}"#
        );
    }

    #[test]
    fn list_by_project_looks_users_up_once() {
        let assignments = r#"{"role_assignments": [
            {"user": {"id": "u1"}, "role": {"id": "r1"}, "scope": {"project": {"id": "p1"}}},
            {"user": {"id": "u1"}, "role": {"id": "r2"}, "scope": {"project": {"id": "p1"}}},
            {"group": {"id": "g1"}, "role": {"id": "r2"}, "scope": {"project": {"id": "p1"}}}]}"#;
        let (result, sent) = run(
            &ListUser,
            &[("project", s("p1"))],
            &[
                (200, r#"{"project": {"id": "p1"}}"#),
                (200, assignments),
                (200, ADMIN),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /projects/p1",
                "GET /role_assignments?scope.project.id=p1",
                "GET /users/u1"
            ]
        );
        assert_eq!(
            result.unwrap(),
            output::list(
                &["ID", "Name"],
                vec![vec![Value::str("u1"), Value::str("admin")]]
            )
        );
        let (result, _) = run(&ListUser, &[("project", s("p1")), ("marker", s("x"))], &[]);
        assert_eq!(
            result.unwrap_err().message,
            "--limit and --marker are not supported with --project"
        );
    }

    #[test]
    fn list_group_members_and_plain() {
        let (_, sent) = run(
            &ListUser,
            &[("group", s("g"))],
            &[
                (200, r#"{"group": {"id": "g1"}}"#),
                (200, r#"{"users": []}"#),
            ],
        );
        assert_eq!(sent, vec!["GET /groups/g", "GET /groups/g1/users"]);
        let (_, sent) = run(
            &ListUser,
            &[("is_enabled", ArgValue::Bool(false))],
            &[(200, r#"{"users": []}"#)],
        );
        assert_eq!(sent, vec!["GET /users?enabled=False"]);
    }

    #[test]
    fn delete_needs_the_user_to_exist() {
        let (result, sent) = run(
            &DeleteUser,
            &[("users", l(&["u1"]))],
            &[(200, ADMIN), (404, &not_found("user", "u1"))],
        );
        assert_eq!(sent, vec!["GET /users/u1", "DELETE /users/u1"]);
        assert_eq!(
            result.unwrap_err().message,
            "1 of 1 users failed to delete."
        );
    }

    #[test]
    fn password_set_posts_both() {
        let (result, sent) = run(
            &SetPasswordUser,
            &[("password", s("new")), ("original_password", s("old"))],
            &[(204, "")],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent,
            vec![
                r#"POST /users/u1/password {"user":{"password":"new","original_password":"old"}}"#
            ]
        );
    }
}
