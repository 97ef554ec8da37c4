//! `endpoint group add project|create|delete|list|remove project|set|show` (openstacksdk `EndpointGroup`).

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, given, read_json_file};
use crate::output::{self, fail};
use crate::resources::{ENDPOINT_GROUP, PROJECT, SERVICE_TYPE};
use openstack_sdk as sdk;
use openstack_sdk::{quote_path, Call, Param};

/// `_format_endpoint_group`.
pub fn format_endpoint_group(item: &Json) -> Output {
    output::show(vec![
        ("description", sdk::attr(item, "description")),
        ("filters", sdk::attr(item, "filters")),
        ("id", sdk::attr(item, "id")),
        ("name", sdk::attr(item, "name")),
    ])
}

fn find_group(ctx: &mut ClientManager, name_or_id: &str) -> Result<Json> {
    fail(sdk::find_one(
        ctx,
        &ENDPOINT_GROUP,
        ENDPOINT_GROUP.base_path,
        name_or_id,
        &[],
    ))
}

/// `find_project(x, [domain_id=<the --project-domain/--domain value as given>], ignore_missing=False)`.
fn find_project(ctx: &mut ClientManager, project: &str, domain: Option<&str>) -> Result<Json> {
    let params: Vec<Param> = domain
        .map(|d| ("domain_id", Some(d.to_owned())))
        .into_iter()
        .collect();
    fail(sdk::find_one(
        ctx,
        &PROJECT,
        PROJECT.base_path,
        project,
        &params,
    ))
}

/// Associates (PUT) or dissociates (DELETE) a project and an endpoint group.
fn associate(ctx: &mut ClientManager, args: &Args, method: Method) -> Result<Output> {
    let group = find_group(ctx, args.str("endpointgroup").unwrap_or(""))?;
    let project = find_project(
        ctx,
        args.str("project").unwrap_or(""),
        given(args, "project_domain"),
    )?;
    let path = format!(
        "{}/{}/projects/{}",
        ENDPOINT_GROUP.base_path,
        quote_path(&sdk::id_of(&group)),
        quote_path(&sdk::id_of(&project))
    );
    fail(Call::new(SERVICE_TYPE, method, path).send(ctx))?;
    Ok(Output::ok())
}

/// `endpoint group add project`.
pub struct AddProjectToEndpointGroup;

impl Command<ClientManager> for AddProjectToEndpointGroup {
    fn description(&self) -> &str {
        "Add a project to an endpoint group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpointgroup")
                .metavar("<endpoint-group>")
                .help("Endpoint group (name or ID)"),
        );
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Project to associate (name or ID)"),
        );
        common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        associate(ctx, args, Method::Put)
    }
}

/// `endpoint group remove project`.
pub struct RemoveProjectFromEndpointGroup;

impl Command<ClientManager> for RemoveProjectFromEndpointGroup {
    fn description(&self) -> &str {
        "Remove project from endpoint group"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpointgroup")
                .metavar("<endpoint-group>")
                .help("Endpoint group (name or ID)"),
        );
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Project to remove (name or ID)"),
        );
        common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        associate(ctx, args, Method::Delete)
    }
}

/// `endpoint group create`.
pub struct CreateEndpointGroup;

impl Command<ClientManager> for CreateEndpointGroup {
    fn description(&self) -> &str {
        "Create new endpoint group"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of the endpoint group"),
        );
        parser.add(
            Arg::positional("filters")
                .metavar("<filename>")
                .help("Filename that contains a new set of filters"),
        );
        parser.add(Arg::option(&["--description"]).help("Description of the endpoint group"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let filters = match given(args, "filters") {
            Some(path) => read_json_file(Some(path), "filters")?,
            None => Json::Null,
        };
        let mut body = Map::new();
        body.insert(
            "description".to_owned(),
            args.str("description").map_or(Json::Null, Json::from),
        );
        body.insert("filters".to_owned(), filters);
        body.insert(
            "name".to_owned(),
            args.str("name").map_or(Json::Null, Json::from),
        );
        let group = fail(sdk::create(
            ctx,
            &ENDPOINT_GROUP,
            Method::Post,
            ENDPOINT_GROUP.base_path,
            body,
        ))?;
        Ok(format_endpoint_group(&group))
    }
}

/// `endpoint group delete`.
pub struct DeleteEndpointGroup;

impl Command<ClientManager> for DeleteEndpointGroup {
    fn description(&self) -> &str {
        "Delete endpoint group(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpointgroup")
                .metavar("<endpoint-group>")
                .nargs(Nargs::OneOrMore)
                .help("Endpoint group(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("endpointgroup"),
            |ctx, name| {
                let group =
                    sdk::find_one(ctx, &ENDPOINT_GROUP, ENDPOINT_GROUP.base_path, name, &[])?;
                sdk::delete(
                    ctx,
                    &ENDPOINT_GROUP,
                    &sdk::item_path(ENDPOINT_GROUP.base_path, &sdk::id_of(&group)),
                    true,
                )
            },
            |item, err| format!("Failed to delete endpoint group with ID '{item}': {err}"),
            output::delete_summary("endpointgroups"),
        )
    }
}

/// `endpoint group list`.
pub struct ListEndpointGroup;

impl Command<ClientManager> for ListEndpointGroup {
    fn description(&self) -> &str {
        "List endpoint groups"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--endpointgroup"])
                .metavar("<endpoint-group>")
                .help("Endpoint Group (name or ID)"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .help("Domain owning <project> (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let data = if let Some(group) = given(args, "endpointgroup") {
            let group = find_group(ctx, group)?;
            let base = format!(
                "{}/{}/projects",
                ENDPOINT_GROUP.base_path,
                quote_path(&sdk::id_of(&group))
            );
            fail(sdk::list(ctx, &PROJECT, &base, &[], None))?
        } else if let Some(project) = given(args, "project") {
            let project = find_project(ctx, project, given(args, "domain"))?;
            let base = format!(
                "/OS-EP-FILTER/projects/{}/endpoint_groups",
                quote_path(&sdk::id_of(&project))
            );
            fail(sdk::list(ctx, &ENDPOINT_GROUP, &base, &[], None))?
        } else {
            fail(sdk::list(
                ctx,
                &ENDPOINT_GROUP,
                ENDPOINT_GROUP.base_path,
                &[],
                None,
            ))?
        };
        let rows = data
            .iter()
            .map(|item| {
                vec![
                    sdk::attr(item, "id"),
                    sdk::attr(item, "name"),
                    sdk::attr(item, "description"),
                ]
            })
            .collect();
        Ok(output::list(&["ID", "Name", "Description"], rows))
    }
}

/// `endpoint group set`.
pub struct SetEndpointGroup;

impl Command<ClientManager> for SetEndpointGroup {
    fn description(&self) -> &str {
        "Set endpoint group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpointgroup")
                .metavar("<endpoint-group>")
                .help("Endpoint Group to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New endpoint group name"),
        );
        parser.add(
            Arg::option(&["--filters"])
                .metavar("<filename>")
                .help("Filename that contains a new set of filters"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .default(ArgValue::Str(String::new()))
                .help("New endpoint group description"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = find_group(ctx, args.str("endpointgroup").unwrap_or(""))?;
        let filters = match given(args, "filters") {
            Some(path) => read_json_file(Some(path), "filters")?,
            None => Json::Null,
        };
        // Every attribute is sent, unset ones as null (which Keystone refuses for the filters).
        let mut body = Map::new();
        body.insert(
            "description".to_owned(),
            Json::from(args.str("description").unwrap_or("")),
        );
        body.insert("filters".to_owned(), filters);
        body.insert(
            "name".to_owned(),
            args.str("name").map_or(Json::Null, Json::from),
        );
        let path = sdk::item_path(ENDPOINT_GROUP.base_path, &sdk::id_of(&group));
        fail(sdk::update(ctx, &ENDPOINT_GROUP, &path, body))?;
        Ok(Output::ok())
    }
}

/// `endpoint group show`.
pub struct ShowEndpointGroup;

impl Command<ClientManager> for ShowEndpointGroup {
    fn description(&self) -> &str {
        "Display endpoint group details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpointgroup")
                .metavar("<endpointgroup>")
                .help("Endpoint group (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = find_group(ctx, args.str("endpointgroup").unwrap_or(""))?;
        Ok(format_endpoint_group(&group))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};

    const EG: &str = r#"{"endpoint_group": {"id": "g1", "name": "eg", "description": null, "filters": {"interface": "public"}}}"#;

    #[test]
    fn set_sends_every_attribute() {
        let (result, sent) = run(
            &SetEndpointGroup,
            &[("endpointgroup", s("g1")), ("name", s("eg2"))],
            &[(200, EG), (200, EG)],
        );
        assert!(result.is_ok());
        assert_eq!(
            sent[1],
            r#"PATCH /OS-EP-FILTER/endpoint_groups/g1 {"endpoint_group":{"description":"","filters":null,"name":"eg2"}}"#
        );
    }

    #[test]
    fn list_projects_of_a_group() {
        let (result, sent) = run(
            &ListEndpointGroup,
            &[("endpointgroup", s("g1"))],
            &[
                (200, EG),
                (
                    200,
                    r#"{"projects": [{"id": "p1", "name": "x", "description": ""}]}"#,
                ),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /OS-EP-FILTER/endpoint_groups/g1",
                "GET /OS-EP-FILTER/endpoint_groups/g1/projects"
            ]
        );
        assert!(result.is_ok());
    }

    #[test]
    fn create_reads_the_filters_file() {
        let path = std::env::temp_dir().join(format!("idtest-filters-{}.json", std::process::id()));
        std::fs::write(&path, " {\"interface\": \"admin\"}\n").unwrap();
        let (result, sent) = run(
            &CreateEndpointGroup,
            &[("name", s("eg")), ("filters", s(path.to_str().unwrap()))],
            &[(201, EG)],
        );
        std::fs::remove_file(&path).unwrap();
        assert!(result.is_ok());
        assert_eq!(
            sent[0],
            r#"POST /OS-EP-FILTER/endpoint_groups {"endpoint_group":{"description":null,"filters":{"interface":"admin"},"name":"eg"}}"#
        );
        let (result, _) = run(
            &CreateEndpointGroup,
            &[("name", s("eg")), ("filters", s("/nonexistent/x"))],
            &[],
        );
        assert_eq!(
            result.unwrap_err().message,
            "Error occurred trying to read from file /nonexistent/x"
        );
    }
}
