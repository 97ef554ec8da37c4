//! `project create|delete|list|set|show` (openstacksdk `Project`).

use cliff::argparse::Action;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result, RowSink, Value};
use osc_lib::utils::sort_items;
use osc_lib::{parseractions, ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, given, tri_state};
use crate::output::fail;
use crate::pagination::{self, argument_error};
use crate::resources::PROJECT;
use crate::v3::tag;
use openstack_sdk as sdk;
use openstack_sdk::{Pages, Param};

/// Body keys openstacksdk's `Project` declares (its attribute `is_enabled` is the key `enabled`).
const DECLARED: &[&str] = &[
    "description",
    "domain_id",
    "is_domain",
    "enabled",
    "options",
    "parent_id",
    "links",
    "id",
    "name",
    "tags",
];

/// `_format_project`: every attribute of the resource (declared, then unknown body keys), sorted, without
/// `links`, `location`, `parents_as_ids` and `subtree_as_ids`; `is_enabled` shown as `enabled`.
pub fn format_project(item: &Json) -> Output {
    let mut pairs: Vec<(String, Value)> = vec![
        ("description".to_owned(), sdk::attr(item, "description")),
        ("domain_id".to_owned(), sdk::attr(item, "domain_id")),
        ("is_domain".to_owned(), sdk::bool_attr(item, "is_domain")),
        ("enabled".to_owned(), sdk::bool_attr(item, "enabled")),
        ("options".to_owned(), sdk::attr(item, "options")),
        ("parent_id".to_owned(), sdk::attr(item, "parent_id")),
        ("id".to_owned(), sdk::attr(item, "id")),
        ("name".to_owned(), sdk::attr(item, "name")),
        (
            "tags".to_owned(),
            item.get("tags")
                .map_or(Value::List(Vec::new()), Value::from_json),
        ),
    ];
    if let Json::Object(map) = item {
        for (key, value) in map {
            let invisible =
                ["location", "parents_as_ids", "subtree_as_ids"].contains(&key.as_str());
            if !DECLARED.contains(&key.as_str()) && !invisible {
                pairs.push((key.clone(), Value::from_json(value)));
            }
        }
    }
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(pairs)
}

/// The value of a `--property`-style `KeyValueAction` option.
fn properties(args: &Args) -> Result<Vec<(String, String)>> {
    parseractions::key_value(&args.strings("properties"))
        .map_err(|message| argument_error("--property", &message))
}

fn add_property_option(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::option(&["--property"])
            .metavar("<key=value>")
            .dest("properties")
            .append()
            .check(parseractions::key_value_check)
            .help(help),
    );
}

fn add_enable_options(parser: &mut Parser, default: ArgValue) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        crate::common::with_default(
            Arg::option(&["--enable"])
                .action(Action::StoreTrue)
                .dest("enabled"),
            default.clone(),
        )
        .help("Enable project"),
    );
    parser.add_to_mutex(
        group,
        crate::common::with_default(
            Arg::option(&["--disable"])
                .action(Action::StoreFalse)
                .dest("enabled"),
            default,
        )
        .help("Disable project"),
    );
}

/// `list(set(tags))`, keeping the first occurrence of each tag.
fn unique(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

/// Keys sorted, as the request bodies are logged.
fn sorted_body(pairs: Vec<(String, Json)>) -> Map<String, Json> {
    let mut pairs = pairs;
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut map = Map::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// Adds or replaces a body entry.
fn put(pairs: &mut Vec<(String, Json)>, key: &str, value: Json) {
    match pairs.iter_mut().find(|(k, _)| k == key) {
        Some(entry) => entry.1 = value,
        None => pairs.push((key.to_owned(), value)),
    }
}

/// `project create`.
pub struct CreateProject;

impl Command<ClientManager> for CreateProject {
    fn description(&self) -> &str {
        "Create new project"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<project-name>")
                .help("New project name"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain owning the project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--parent"])
                .metavar("<project>")
                .help("Parent of the project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Project description"),
        );
        add_enable_options(parser, ArgValue::Bool(true));
        add_property_option(
            parser,
            "Add a property to <name> (repeat option to set multiple properties)",
        );
        parser.add(
            Arg::option(&["--or-show"])
                .flag()
                .help("Return existing project"),
        );
        common::add_resource_option(parser);
        tag::add_tag_option_for_create(parser, "project");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body: Vec<(String, Json)> = Vec::new();
        for (key, value) in properties(args)? {
            let value = if key == "is_domain" {
                match value.to_lowercase().as_str() {
                    "true" => Json::Bool(true),
                    "false" => Json::Bool(false),
                    "none" => Json::Null,
                    _ => Json::String(value),
                }
            } else {
                Json::String(value)
            };
            put(&mut body, &key, value);
        }
        if let Some(description) = given(args, "description") {
            put(&mut body, "description", Json::from(description));
        }
        let name = args.str("name").unwrap_or("");
        if !name.is_empty() {
            put(&mut body, "name", Json::from(name));
        }
        let mut domain = None;
        if let Some(domain_arg) = given(args, "domain") {
            let domain_id = fail(common::find_domain_id_sdk(ctx, domain_arg, true))?;
            put(&mut body, "domain_id", Json::from(domain_id.clone()));
            domain = Some(domain_id);
        }
        if let Some(parent) = given(args, "parent") {
            let parent_id = fail(common::find_project_id_sdk(
                ctx,
                parent,
                domain.as_deref(),
                true,
                None,
            ))?;
            put(&mut body, "parent_id", Json::from(parent_id));
        }
        put(
            &mut body,
            "enabled",
            Json::Bool(tri_state(args, "enabled").unwrap_or(true)),
        );
        let tags = args.strings("tags");
        if !tags.is_empty() {
            put(&mut body, "tags", Json::from(unique(tags)));
        }
        if let Some(immutable) = tri_state(args, "immutable") {
            put(
                &mut body,
                "options",
                serde_json::json!({"immutable": immutable}),
            );
        }
        let created = sdk::create(
            ctx,
            &PROJECT,
            Method::Post,
            PROJECT.base_path,
            sorted_body(body),
        );
        let project = match created {
            Ok(project) => project,
            Err(failure) if failure.is_conflict() && args.flag("or_show") => {
                let params: Vec<Param> = match &domain {
                    Some(domain_id) => vec![("domain_id", Some(domain_id.clone()))],
                    None => Vec::new(),
                };
                let project = fail(sdk::find_one(
                    ctx,
                    &PROJECT,
                    PROJECT.base_path,
                    name,
                    &params,
                ))?;
                log::info!(
                    "Returning existing project {}",
                    sdk::str_of(&project, "name").unwrap_or("None")
                );
                project
            }
            Err(failure) => return Err(failure.into()),
        };
        Ok(format_project(&project))
    }
}

/// `project delete`.
pub struct DeleteProject;

impl Command<ClientManager> for DeleteProject {
    fn description(&self) -> &str {
        "Delete project(s). This command will remove specified existing project(s) if an active user is authorized \
         to do this. If there are resources managed by other services (for example, Nova, Neutron, Cinder) \
         associated with specified project(s), delete operation will proceed regardless."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("projects")
                .metavar("<project>")
                .nargs(cliff::argparse::Nargs::OneOrMore)
                .help("Project(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain owning <project> (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let domain = given(args, "domain").map(str::to_owned);
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("projects"),
            |ctx, project| {
                common::find_project_id_sdk(ctx, project, domain.as_deref(), true, Some(false))
                    .map_err(|err| (project.to_owned(), err))
                    .and_then(|id| {
                        sdk::delete(ctx, &PROJECT, &sdk::item_path(PROJECT.base_path, &id), true)
                            .map_err(|err| (id, err))
                    })
            },
            // OSC reports the ID once it is known, the name as given before that.
            |_, (shown, err)| format!("Failed to delete project with name or ID '{shown}': {err}"),
            |errors, total| format!("{errors} of {total} projects failed to delete."),
        )
    }
}

/// openstacksdk's `getattr(project, key)` for `--sort`: attribute names, `None` for declared but absent ones.
fn project_field(item: &Json, key: &str) -> Option<Json> {
    let server_key = match key {
        "is_enabled" => "enabled",
        "enabled" => return None,
        other => other,
    };
    let declared = DECLARED.contains(&server_key) || key == "location";
    match item.get(server_key) {
        Some(value) => Some(value.clone()),
        None if server_key == "tags" => Some(Json::Array(Vec::new())),
        None if declared => Some(Json::Null),
        None => None,
    }
}

/// `project list`.
pub struct ListProject;

impl Command<ClientManager> for ListProject {
    fn description(&self) -> &str {
        "List projects"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Filter projects by <domain> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--parent"])
                .metavar("<parent>")
                .help("Filter projects whose parent is <parent> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("Filter projects by <user> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--my-projects"])
                .flag()
                .help("List projects for the authenticated user. Supersedes other filters."),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--sort"]).metavar("<key>[:<direction>]").help(
            "Sort output by selected keys and directions (asc or desc) (default: asc), repeat this option to specify \
             multiple keys and directions.",
        ));
        parser.add(
            Arg::option(&["--enabled"])
                .action(Action::StoreTrue)
                .dest("is_enabled")
                .default_none()
                .help("List only enabled projects"),
        );
        parser.add(
            Arg::option(&["--disabled"])
                .action(Action::StoreFalse)
                .dest("is_enabled")
                .default_none()
                .help("List only disabled projects"),
        );
        tag::add_tag_filtering_options(parser, "projects");
        pagination::add_marker_pagination_options(parser, true);
    }

    cliff::rows_from!(list_projects, ClientManager);

    /// OSC sorts the whole list for `--sort`; otherwise the pages go out as they come.
    fn streams(&self, args: &Args) -> bool {
        given(args, "sort").is_none()
    }
}

/// `project list`: the rows go to `sink` a page at a time, or all at once after `--sort`.
fn list_projects(ctx: &mut ClientManager, args: &Args, sink: &mut dyn RowSink) -> Result<()> {
    let long = args.flag("long");
    let mut params: Vec<Param> = Vec::new();
    let mut domain_id = None;
    if let Some(domain) = given(args, "domain") {
        let id = fail(common::find_domain_id_sdk(ctx, domain, true))?;
        params.push(("domain_id", Some(id.clone())));
        domain_id = Some(id);
    }
    if let Some(parent) = given(args, "parent") {
        let parent_id = fail(common::find_project_id_sdk(
            ctx,
            parent,
            domain_id.as_deref(),
            true,
            None,
        ))?;
        params.push(("parent_id", Some(parent_id)));
    }
    let mut user = None;
    if let Some(user_arg) = given(args, "user") {
        user = Some(fail(common::find_user_id_sdk(
            ctx,
            user_arg,
            domain_id.as_deref(),
            true,
        ))?);
    }
    if let Some(enabled) = tri_state(args, "is_enabled") {
        params.push(("is_enabled", Some(sdk::py_bool(enabled))));
    }
    let paging = pagination::pagination(args)?;
    params.extend(paging.params.iter().cloned());
    let mut max_items = paging.max_items;
    params.extend(tag::tag_filtering_params(args));
    if args.flag("my_projects") {
        params.clear();
        max_items = None;
        user = Some(auth_user_id(ctx)?);
    }
    let (mut pages, first) = match user {
        None => {
            let unfiltered = params.is_empty() && max_items.is_none();
            let mut pages = Pages::new(&PROJECT, PROJECT.base_path, &params, max_items);
            match pages.next_page(ctx) {
                Ok(first) => (pages, first),
                // Without filters a 403 is taken for a non-admin wanting their own projects.
                Err(failure) if failure.is_forbidden() && unfiltered => {
                    let user = auth_user_id(ctx)?;
                    let mut pages = user_project_pages(&user, &[], None);
                    let first = fail(pages.next_page(ctx))?;
                    (pages, first)
                }
                Err(failure) => return Err(failure.into()),
            }
        }
        Some(user) => {
            let mut pages = user_project_pages(&user, &params, max_items);
            let first = fail(pages.next_page(ctx))?;
            (pages, first)
        }
    };
    let mut columns = vec!["ID", "Name"];
    if long {
        columns.extend(["Domain ID", "Description", "Enabled"]);
    }
    sink.columns(columns.iter().map(|c| (*c).to_owned()).collect())?;
    let row = |project: &Json| {
        let mut row = vec![sdk::attr(project, "id"), sdk::attr(project, "name")];
        if long {
            row.push(sdk::attr(project, "domain_id"));
            row.push(sdk::attr(project, "description"));
            row.push(sdk::bool_attr(project, "enabled"));
        }
        row
    };
    if let Some(keys) = given(args, "sort") {
        let mut data = first.unwrap_or_default();
        while let Some(page) = fail(pages.next_page(ctx))? {
            data.extend(page);
        }
        let data = sort_items(data, Some(keys), project_field)?;
        return sink.rows(data.iter().map(row).collect());
    }
    let mut page = first;
    while let Some(projects) = page {
        sink.rows(projects.iter().map(row).collect())?;
        page = fail(pages.next_page(ctx))?;
    }
    Ok(())
}

/// The authenticated user's ID (from the session's token).
pub fn auth_user_id(ctx: &mut ClientManager) -> Result<String> {
    let token = ctx.token()?;
    Ok(token
        .body
        .pointer("/token/user/id")
        .and_then(Json::as_str)
        .unwrap_or("None")
        .to_owned())
}

/// openstacksdk's `user_projects(user, **filters)`: `/users/<id>/projects`.
fn user_project_pages(user: &str, params: &[Param], max_items: Option<usize>) -> Pages {
    let base = format!("/users/{}/projects", openstack_sdk::quote_path(user));
    Pages::new(&PROJECT, &base, params, max_items)
}

/// `project set`.
pub struct SetProject;

impl Command<ClientManager> for SetProject {
    fn description(&self) -> &str {
        "Set project properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Project to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set project name"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain owning <project> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set project description"),
        );
        add_enable_options(parser, ArgValue::Null);
        add_property_option(
            parser,
            "Set a property on <project> (repeat option to set multiple properties)",
        );
        common::add_resource_option(parser);
        tag::add_tag_option_for_set(parser, "project");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let properties = properties(args)?;
        let mut body: Vec<(String, Json)> = Vec::new();
        if let Some(name) = given(args, "name") {
            put(&mut body, "name", Json::from(name));
        }
        if let Some(description) = given(args, "description") {
            put(&mut body, "description", Json::from(description));
        }
        if let Some(enabled) = tri_state(args, "enabled") {
            put(&mut body, "enabled", Json::Bool(enabled));
        }
        if let Some(immutable) = tri_state(args, "immutable") {
            put(
                &mut body,
                "options",
                serde_json::json!({"immutable": immutable}),
            );
        }
        for (key, value) in properties {
            put(&mut body, &key, Json::String(value));
        }
        let project_arg = args.str("project").unwrap_or("");
        let params: Vec<Param> = match given(args, "domain") {
            Some(domain) => vec![(
                "domain_id",
                Some(fail(common::find_domain_id_sdk(ctx, domain, false))?),
            )],
            None => Vec::new(),
        };
        let project = fail(sdk::find(
            ctx,
            &PROJECT,
            PROJECT.base_path,
            project_arg,
            &params,
            true,
        ))?;
        let tags = args.strings("tags");
        let remove_tags = args.strings("remove_tags");
        let clear_tags = args.flag("clear_tags");
        if !tags.is_empty() || !remove_tags.is_empty() || clear_tags {
            let existing: Vec<String> = project
                .as_ref()
                .and_then(|p| p.get("tags"))
                .and_then(Json::as_array)
                .map(|tags| {
                    tags.iter()
                        .filter_map(Json::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            let new_tags = if clear_tags {
                Vec::new()
            } else {
                let mut set = unique(existing);
                if !tags.is_empty() {
                    set.extend(tags);
                } else {
                    set.retain(|tag| !remove_tags.contains(tag));
                }
                let mut set = unique(set);
                set.sort();
                set
            };
            put(&mut body, "tags", Json::from(new_tags));
        }
        let project_id = project
            .as_ref()
            .map_or_else(|| project_arg.to_owned(), sdk::id_of);
        fail(sdk::update(
            ctx,
            &PROJECT,
            &sdk::item_path(PROJECT.base_path, &project_id),
            sorted_body(body),
        ))?;
        Ok(Output::ok())
    }
}

/// `project show`.
pub struct ShowProject;

impl Command<ClientManager> for ShowProject {
    fn description(&self) -> &str {
        "Display project details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Project to display (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain owning <project> (name or ID)"),
        );
        parser.add(
            Arg::option(&["--parents"])
                .flag()
                .help("Show the project's parents as a list"),
        );
        parser.add(
            Arg::option(&["--children"])
                .flag()
                .help("Show project's subtree (children) as a list"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        let mut domain = None;
        if let Some(domain_arg) = given(args, "domain") {
            let id = fail(common::find_domain_id_sdk(ctx, domain_arg, true))?;
            params.push(("domain_id", Some(id.clone())));
            domain = Some(id);
        }
        let project_arg = args.str("project").unwrap_or("");
        let project_id = fail(common::find_project_id_sdk(
            ctx,
            project_arg,
            domain.as_deref(),
            false,
            Some(false),
        ))?;
        if args.flag("parents") {
            params.push(("parents_as_ids", Some("True".to_owned())));
        }
        if args.flag("children") {
            params.push(("subtree_as_ids", Some("True".to_owned())));
        }
        let project = fail(sdk::find_one(
            ctx,
            &PROJECT,
            PROJECT.base_path,
            &project_id,
            &params,
        ))?;
        Ok(format_project(&project))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output;
    use crate::testing::{l, not_found, run, s};

    const ADMIN: &str = r#"{"project": {"id": "p1", "name": "admin", "domain_id": "default", "description": "d",
        "enabled": true, "parent_id": "default", "is_domain": false, "tags": [], "options": {},
        "links": {"self": "x"}}}"#;

    fn fields(output: &Output) -> Vec<String> {
        match output {
            Output::Show { fields, .. } => fields.clone(),
            other => panic!("not a show: {other:?}"),
        }
    }

    #[test]
    fn show_by_name_then_id() {
        let list = format!(
            r#"{{"projects": [{}], "links": {{"next": null}}}}"#,
            &ADMIN[12..ADMIN.len() - 1]
        );
        let (result, sent) = run(
            &ShowProject,
            &[("project", s("admin"))],
            &[
                (404, &not_found("project", "admin")),
                (200, &list),
                (200, ADMIN),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /projects/admin",
                "GET /projects?name=admin",
                "GET /projects/p1"
            ]
        );
        let output = result.unwrap();
        assert_eq!(
            fields(&output),
            vec![
                "description",
                "domain_id",
                "enabled",
                "id",
                "is_domain",
                "name",
                "options",
                "parent_id",
                "tags"
            ]
        );
    }

    #[test]
    fn show_parents_adds_query_and_column() {
        let body = r#"{"project": {"id": "p1", "name": "c", "parents": {"p0": null}}}"#;
        let (result, sent) = run(
            &ShowProject,
            &[("project", s("p1")), ("parents", ArgValue::Bool(true))],
            &[(200, body), (200, body)],
        );
        assert_eq!(
            sent,
            vec!["GET /projects/p1", "GET /projects/p1?parents_as_ids=True"]
        );
        let output = result.unwrap();
        assert_eq!(
            fields(&output),
            vec![
                "description",
                "domain_id",
                "enabled",
                "id",
                "is_domain",
                "name",
                "options",
                "parent_id",
                "parents",
                "tags"
            ]
        );
    }

    #[test]
    fn create_body_and_conflict() {
        let (result, sent) = run(
            &CreateProject,
            &[
                ("name", s("demo")),
                ("enabled", ArgValue::Bool(true)),
                ("properties", l(&["is_domain=False", "k=v"])),
                ("tags", l(&["b", "a", "b"])),
            ],
            &[(201, ADMIN)],
        );
        assert_eq!(
            sent,
            vec![
                r#"POST /projects {"project":{"enabled":true,"is_domain":false,"k":"v","name":"demo","tags":["b","a"]}}"#
            ]
        );
        assert_eq!(fields(&result.unwrap()).len(), 9);

        let conflict =
            r#"{"error": {"code": 409, "message": "Conflict occurred", "title": "Conflict"}}"#;
        let (result, _) = run(&CreateProject, &[("name", s("demo"))], &[(409, conflict)]);
        assert_eq!(
            result.unwrap_err().message,
            "ConflictException: 409: Client Error for url: http://ks/v3/projects, Conflict occurred"
        );
        let (result, sent) = run(
            &CreateProject,
            &[("name", s("demo")), ("or_show", ArgValue::Bool(true))],
            &[(409, conflict), (200, ADMIN)],
        );
        assert_eq!(sent[1], "GET /projects/demo");
        assert!(result.is_ok());
    }

    #[test]
    fn create_rejects_bad_properties() {
        let (result, sent) = run(
            &CreateProject,
            &[("name", s("x")), ("properties", l(&["novalue"]))],
            &[],
        );
        assert!(sent.is_empty());
        let err = result.unwrap_err();
        assert_eq!(err.kind, cliff::ErrorKind::Usage);
        assert_eq!(
            err.message,
            "argument --property: Expected 'key=value' type, but got: novalue"
        );
    }

    #[test]
    fn delete_reports_each_failure() {
        let empty = r#"{"projects": [], "links": {"next": null}}"#;
        let (result, sent) = run(
            &DeleteProject,
            &[("projects", l(&["gone", "p1"]))],
            &[
                (404, &not_found("project", "gone")),
                (200, empty),
                (200, ADMIN),
                (204, ""),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /projects/gone",
                "GET /projects?name=gone",
                "GET /projects/p1",
                "DELETE /projects/p1"
            ]
        );
        assert_eq!(
            result.unwrap_err().message,
            "1 of 2 projects failed to delete."
        );
    }

    #[test]
    fn list_long_sorted_and_paged() {
        let page = |id: &str, name: &str| {
            format!(
                r#"{{"projects": [{{"id": "{id}", "name": "{name}", "enabled": true}}], "links": {{"next": null}}}}"#
            )
        };
        let (result, sent) = run(
            &ListProject,
            &[
                ("long", ArgValue::Bool(true)),
                ("limit", ArgValue::Int(1)),
                ("sort", s("name:desc")),
            ],
            &[
                (200, &page("a", "x")),
                (200, &page("b", "y")),
                (200, r#"{"projects": []}"#),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /projects?limit=1",
                "GET /projects?marker=a&limit=1",
                "GET /projects?marker=b&limit=1"
            ]
        );
        assert_eq!(
            result.unwrap(),
            output::list(
                &["ID", "Name", "Domain ID", "Description", "Enabled"],
                vec![
                    vec![
                        Value::str("b"),
                        Value::str("y"),
                        Value::Null,
                        Value::Null,
                        Value::Bool(true)
                    ],
                    vec![
                        Value::str("a"),
                        Value::str("x"),
                        Value::Null,
                        Value::Null,
                        Value::Bool(true)
                    ],
                ]
            )
        );
        let (result, _) = run(&ListProject, &[("limit", ArgValue::Int(-1))], &[]);
        assert_eq!(
            result.unwrap_err().message,
            "argument --limit: --limit expected a non-negative integer"
        );
    }

    /// Records what a streaming list hands over, page by page.
    #[derive(Default)]
    struct Pages(Vec<Vec<String>>);

    impl RowSink for Pages {
        fn columns(&mut self, _columns: Vec<String>) -> Result<()> {
            Ok(())
        }

        fn rows(&mut self, rows: Vec<Vec<Value>>) -> Result<()> {
            let ids = rows.iter().map(|row| format!("{:?}", row[0])).collect();
            self.0.push(ids);
            Ok(())
        }
    }

    #[test]
    fn list_streams_page_by_page_and_a_later_failure_ends_it() {
        let page = |id: &str| format!(r#"{{"projects": [{{"id": "{id}", "name": "n{id}"}}]}}"#);
        let broken =
            r#"{"error": {"code": 500, "message": "boom", "title": "Internal Server Error"}}"#;
        let answers = [(200, page("a")), (200, page("b")), (500, broken.to_owned())];
        let answers: Vec<(u16, &str)> = answers.iter().map(|(c, b)| (*c, b.as_str())).collect();
        let mock = crate::testing::Mock::new(&answers);
        let mut cm = mock.manager();
        let args = crate::testing::args(&[("limit", ArgValue::Int(1))]);
        assert!(ListProject.streams(&args));
        let mut sink = Pages::default();
        let err = ListProject
            .stream_rows(&mut cm, &args, &mut sink)
            .unwrap_err();
        assert_eq!(sink.0, vec![vec![r#"Str("a")"#], vec![r#"Str("b")"#]]);
        assert_eq!(err.kind, cliff::ErrorKind::Command);
        assert!(err.message.contains("500"), "{}", err.message);
        assert_eq!(
            mock.sent(),
            vec![
                "GET /projects?limit=1",
                "GET /projects?marker=a&limit=1",
                "GET /projects?marker=b&limit=1"
            ]
        );
        assert!(!ListProject.streams(&crate::testing::args(&[("sort", s("name"))])));
    }

    #[test]
    fn list_falls_back_to_own_projects_when_forbidden() {
        let forbidden = r#"{"error": {"code": 403, "message": "nope", "title": "Forbidden"}}"#;
        let (result, sent) = run(
            &ListProject,
            &[],
            &[
                (403, forbidden),
                (200, r#"{"projects": [{"id": "p1", "name": "admin"}]}"#),
            ],
        );
        assert_eq!(sent, vec!["GET /projects", "GET /users/u1/projects"]);
        assert!(result.is_ok());
    }

    #[test]
    fn set_merges_tags_and_skips_empty_update() {
        let tagged = r#"{"project": {"id": "p1", "name": "admin", "tags": ["b", "a"]}}"#;
        let (result, sent) = run(
            &SetProject,
            &[
                ("project", s("p1")),
                ("tags", l(&["c"])),
                ("description", s("new")),
            ],
            &[(200, tagged), (200, tagged)],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent,
            vec![
                "GET /projects/p1",
                r#"PATCH /projects/p1 {"project":{"description":"new","tags":["a","b","c"]}}"#
            ]
        );
        let (result, sent) = run(&SetProject, &[("project", s("p1"))], &[(200, tagged)]);
        assert!(result.is_ok());
        assert_eq!(sent, vec!["GET /projects/p1"]);
    }
}
