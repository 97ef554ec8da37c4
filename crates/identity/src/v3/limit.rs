//! `limit create|delete|list|set|show` (openstacksdk `Limit`, Keystone's unified limits).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self, find_sdk_id, given};
use crate::output::{self, fail};
use crate::resources::{LIMIT, PROJECT, REGION, SERVICE_TYPE};
use openstack_sdk as sdk;
use openstack_sdk::{Call, Param, Res, Resource};

/// `_format_limit`.
pub fn format_limit(item: &Json) -> Output {
    output::show(vec![
        ("description", sdk::attr(item, "description")),
        ("id", sdk::attr(item, "id")),
        ("project_id", sdk::attr(item, "project_id")),
        ("region_id", sdk::attr(item, "region_id")),
        ("resource_limit", sdk::attr(item, "resource_limit")),
        ("resource_name", sdk::attr(item, "resource_name")),
        ("service_id", sdk::attr(item, "service_id")),
    ])
}

/// Unified limits are created in bulk: POST `{"<plural>": [attrs]}`, the first created item answered.
pub fn create_bulk(
    ctx: &mut ClientManager,
    resource: &Resource,
    attrs: Map<String, Json>,
) -> Res<Json> {
    let mut body = Map::new();
    body.insert(resource.plural.to_owned(), json!([attrs]));
    let answer = Call::new(SERVICE_TYPE, Method::Post, resource.base_path)
        .body(Json::Object(body))
        .json(ctx)?;
    Ok(match answer.get(resource.plural) {
        Some(Json::Array(items)) => items.first().cloned().unwrap_or(Json::Null),
        _ => answer.get(resource.key).cloned().unwrap_or(answer),
    })
}

/// The `--region` option's region ID (`get_region(x).id`).
pub fn region_id(ctx: &mut ClientManager, args: &Args) -> Result<Option<String>> {
    match given(args, "region") {
        Some(region) => Ok(Some(sdk::id_of(&fail(sdk::get(
            ctx,
            &REGION,
            REGION.base_path,
            region,
        ))?))),
        None => Ok(None),
    }
}

/// The `--service` option's service ID (`find_service_sdk(x).id`).
pub fn service_id(ctx: &mut ClientManager, args: &Args) -> Result<Option<String>> {
    match given(args, "service") {
        Some(service) => Ok(Some(sdk::id_of(&fail(common::find_service_sdk(
            ctx, service,
        ))?))),
        None => Ok(None),
    }
}

/// `limit create`.
pub struct CreateLimit;

impl Command<ClientManager> for CreateLimit {
    fn description(&self) -> &str {
        "Create a limit"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the limit"),
        );
        parser.add(
            Arg::option(&["--region"])
                .metavar("<region>")
                .help("Region for the limit to affect."),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .required()
                .help("Project to associate the resource limit to"),
        );
        common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--service"])
                .metavar("<service>")
                .required()
                .help("Service responsible for the resource to limit"),
        );
        parser.add(
            Arg::option(&["--resource-limit"])
                .metavar("<resource-limit>")
                .required()
                .int()
                .help("The resource limit for the project to assume"),
        );
        parser.add(
            Arg::positional("resource_name")
                .metavar("<resource-name>")
                .help("The name of the resource to limit"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = Map::new();
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        let project = fail(common::find_project_id_sdk(
            ctx,
            args.str("project").unwrap_or(""),
            given(args, "project_domain"),
            true,
            None,
        ))?;
        body.insert("project_id".to_owned(), Json::from(project));
        if let Some(service) = service_id(ctx, args)? {
            body.insert("service_id".to_owned(), Json::from(service));
        }
        if let Some(region) = region_id(ctx, args)? {
            body.insert("region_id".to_owned(), Json::from(region));
        }
        body.insert(
            "resource_limit".to_owned(),
            args.int("resource_limit").map_or(Json::Null, Json::from),
        );
        body.insert(
            "resource_name".to_owned(),
            args.str("resource_name").map_or(Json::Null, Json::from),
        );
        body.sort_keys();
        let limit = fail(create_bulk(ctx, &LIMIT, body))?;
        Ok(format_limit(&limit))
    }
}

/// `limit delete`.
pub struct DeleteLimit;

impl Command<ClientManager> for DeleteLimit {
    fn description(&self) -> &str {
        "Delete a limit"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("limit_id")
                .metavar("<limit-id>")
                .nargs(Nargs::OneOrMore)
                .help("Limit to delete (ID) (repeat option to remove multiple limits)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("limit_id"),
            |ctx, id| sdk::delete(ctx, &LIMIT, &sdk::item_path(LIMIT.base_path, id), true),
            |item, err| format!("Failed to delete limit with ID '{item}': {err}"),
            output::delete_summary("limits"),
        )
    }
}

/// `limit list`.
pub struct ListLimit;

impl Command<ClientManager> for ListLimit {
    fn description(&self) -> &str {
        "List limits"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--service"])
                .metavar("<service>")
                .help("Service responsible for the resource to limit"),
        );
        parser.add(
            Arg::option(&["--resource-name"])
                .metavar("<resource-name>")
                .dest("resource_name")
                .help("The name of the resource to limit"),
        );
        parser.add(
            Arg::option(&["--region"])
                .metavar("<region>")
                .help("Region for the registered limit to affect."),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List resource limits associated with project"),
        );
        common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(service) = service_id(ctx, args)? {
            params.push(("service_id", Some(service)));
        }
        if let Some(region) = region_id(ctx, args)? {
            params.push(("region_id", Some(region)));
        }
        if let Some(project) = given(args, "project") {
            let project_domain = match given(args, "project_domain") {
                Some(domain) => Some(fail(common::find_domain_id_sdk(ctx, domain, true))?),
                None => None,
            };
            let id = fail(find_sdk_id(
                ctx,
                &PROJECT,
                project,
                &[("domain_id", project_domain)],
                true,
            ))?;
            params.push(("project_id", Some(id)));
        }
        if let Some(name) = given(args, "resource_name") {
            params.push(("resource_name", Some(name.to_owned())));
        }
        let data = fail(sdk::list(ctx, &LIMIT, LIMIT.base_path, &params, None))?;
        let rows = data
            .iter()
            .map(|limit| {
                [
                    "id",
                    "project_id",
                    "service_id",
                    "resource_name",
                    "resource_limit",
                    "description",
                    "region_id",
                ]
                .iter()
                .map(|key| sdk::attr(limit, key))
                .collect()
            })
            .collect();
        Ok(output::list(
            &[
                "ID",
                "Project ID",
                "Service ID",
                "Resource Name",
                "Resource Limit",
                "Description",
                "Region ID",
            ],
            rows,
        ))
    }
}

/// `limit set`.
pub struct SetLimit;

impl Command<ClientManager> for SetLimit {
    fn description(&self) -> &str {
        "Update information about a limit"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("limit_id")
                .metavar("<limit-id>")
                .help("Limit to update (ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the limit"),
        );
        parser.add(
            Arg::option(&["--resource-limit"])
                .metavar("<resource-limit>")
                .dest("resource_limit")
                .int()
                .help("The resource limit for the project to assume"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = args.str("limit_id").unwrap_or("");
        let mut body = Map::new();
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(limit) = args.int("resource_limit") {
            body.insert("resource_limit".to_owned(), Json::from(limit));
        }
        let updated = fail(sdk::update(
            ctx,
            &LIMIT,
            &sdk::item_path(LIMIT.base_path, id),
            body,
        ))?;
        // With nothing to change openstacksdk sends nothing and returns a resource holding only the ID.
        Ok(format_limit(&updated.unwrap_or_else(|| json!({"id": id}))))
    }
}

/// `limit show`.
pub struct ShowLimit;

impl Command<ClientManager> for ShowLimit {
    fn description(&self) -> &str {
        "Display limit details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("limit_id")
                .metavar("<limit-id>")
                .help("Limit to display (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let limit = fail(sdk::get(
            ctx,
            &LIMIT,
            LIMIT.base_path,
            args.str("limit_id").unwrap_or(""),
        ))?;
        Ok(format_limit(&limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};
    use cliff::ArgValue;

    const L1: &str = r#"{"limits": [{"id": "l1", "project_id": "p1", "service_id": "s1", "resource_name": "r",
        "resource_limit": 3, "description": null, "region_id": null}]}"#;

    #[test]
    fn create_posts_a_list() {
        let (result, sent) = run(
            &CreateLimit,
            &[
                ("project", s("p1")),
                ("service", s("s1")),
                ("resource_limit", ArgValue::Int(3)),
                ("resource_name", s("r")),
            ],
            &[
                (200, r#"{"project": {"id": "p1"}}"#),
                (200, r#"{"service": {"id": "s1"}}"#),
                (201, L1),
            ],
        );
        assert_eq!(
            sent[2],
            r#"POST /limits {"limits":[{"project_id":"p1","resource_limit":3,"resource_name":"r","service_id":"s1"}]}"#
        );
        let Output::Show { values, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(values[1], cliff::Value::str("l1"));
    }

    #[test]
    fn set_without_changes_shows_the_id_only() {
        let (result, sent) = run(&SetLimit, &[("limit_id", s("l1"))], &[]);
        assert!(sent.is_empty());
        let Output::Show { values, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(values[1], cliff::Value::str("l1"));
        assert_eq!(values[0], cliff::Value::Null);
    }
}
