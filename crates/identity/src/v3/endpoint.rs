//! `endpoint add project|create|delete|list|remove project|set|show` (openstacksdk `Endpoint`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, find_sdk_id, given};
use crate::output::{self, fail};
use crate::resources::{DOMAIN, ENDPOINT, PROJECT, REGION, SERVICE, SERVICE_TYPE};
use openstack_sdk as sdk;
use openstack_sdk::{quote_path, Call, Param};

const INTERFACES: &[&str] = &["admin", "public", "internal"];

/// `_format_endpoint`: the endpoint's fields and its service's name and type.
pub fn format_endpoint(endpoint: &Json, service: &Json) -> Output {
    output::show(vec![
        ("enabled", sdk::bool_attr(endpoint, "enabled")),
        ("id", sdk::attr(endpoint, "id")),
        ("interface", sdk::attr(endpoint, "interface")),
        ("region", sdk::attr(endpoint, "region_id")),
        ("region_id", sdk::attr(endpoint, "region_id")),
        ("service_id", sdk::attr(endpoint, "service_id")),
        ("url", sdk::attr(endpoint, "url")),
        ("service_name", sdk::attr(service, "name")),
        ("service_type", sdk::attr(service, "type")),
    ])
}

/// `find_endpoint(x, ignore_missing=False)`.
fn find_endpoint(ctx: &mut ClientManager, name_or_id: &str) -> Result<Json> {
    fail(sdk::find_one(
        ctx,
        &ENDPOINT,
        ENDPOINT.base_path,
        name_or_id,
        &[],
    ))
}

fn association_path(project: &str, endpoint: &str) -> String {
    format!(
        "/OS-EP-FILTER/projects/{}/endpoints/{}",
        quote_path(project),
        quote_path(endpoint)
    )
}

/// Associates (PUT) or dissociates (DELETE) a project and an endpoint.
fn associate(ctx: &mut ClientManager, args: &Args, method: Method) -> Result<Output> {
    let endpoint = sdk::id_of(&find_endpoint(ctx, args.str("endpoint").unwrap_or(""))?);
    let project = fail(common::find_project_id_sdk(
        ctx,
        args.str("project").unwrap_or(""),
        given(args, "project_domain"),
        true,
        None,
    ))?;
    fail(Call::new(SERVICE_TYPE, method, association_path(&project, &endpoint)).send(ctx))?;
    Ok(Output::ok())
}

/// `endpoint add project`.
pub struct AddProjectToEndpoint;

impl Command<ClientManager> for AddProjectToEndpoint {
    fn description(&self) -> &str {
        "Associate a project to an endpoint"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpoint")
                .metavar("<endpoint>")
                .help("Endpoint to associate with specified project (name or ID)"),
        );
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Project to associate with specified endpoint name or ID)"),
        );
        common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        associate(ctx, args, Method::Put)
    }
}

/// `endpoint remove project`.
pub struct RemoveProjectFromEndpoint;

impl Command<ClientManager> for RemoveProjectFromEndpoint {
    fn description(&self) -> &str {
        "Dissociate a project from an endpoint"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpoint")
                .metavar("<endpoint>")
                .help("Endpoint to dissociate from specified project (name or ID)"),
        );
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Project to dissociate from specified endpoint name or ID)"),
        );
        common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        associate(ctx, args, Method::Delete)
    }
}

/// `endpoint create`.
pub struct CreateEndpoint;

impl Command<ClientManager> for CreateEndpoint {
    fn description(&self) -> &str {
        "Create new endpoint"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service")
                .metavar("<service>")
                .help("Service to be associated with new endpoint (name or ID)"),
        );
        parser.add(
            Arg::positional("interface")
                .metavar("<interface>")
                .choices(INTERFACES)
                .help("New endpoint interface type (admin, public or internal)"),
        );
        parser.add(
            Arg::positional("url")
                .metavar("<url>")
                .help("New endpoint URL"),
        );
        parser.add(
            Arg::option(&["--region"])
                .metavar("<region-id>")
                .help("New endpoint region ID"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--enable"])
                .dest("enabled")
                .action(Action::StoreTrue)
                .default(ArgValue::Bool(true))
                .help("Enable endpoint (default)"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--disable"])
                .dest("enabled")
                .action(Action::StoreFalse)
                .help("Disable endpoint"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let service = fail(common::find_service_sdk(
            ctx,
            args.str("service").unwrap_or(""),
        ))?;
        let mut body = Map::new();
        body.insert(
            "enabled".to_owned(),
            Json::Bool(common::tri_state(args, "enabled").unwrap_or(true)),
        );
        body.insert(
            "interface".to_owned(),
            args.str("interface").map_or(Json::Null, Json::from),
        );
        if let Some(region) = given(args, "region") {
            let region = fail(sdk::get(ctx, &REGION, REGION.base_path, region))?;
            body.insert(
                "region_id".to_owned(),
                region.get("id").cloned().unwrap_or(Json::Null),
            );
        }
        body.insert(
            "service_id".to_owned(),
            service.get("id").cloned().unwrap_or(Json::Null),
        );
        body.insert(
            "url".to_owned(),
            args.str("url").map_or(Json::Null, Json::from),
        );
        let endpoint = fail(sdk::create(
            ctx,
            &ENDPOINT,
            Method::Post,
            ENDPOINT.base_path,
            body,
        ))?;
        Ok(format_endpoint(&endpoint, &service))
    }
}

/// `endpoint delete`.
pub struct DeleteEndpoint;

impl Command<ClientManager> for DeleteEndpoint {
    fn description(&self) -> &str {
        "Delete endpoint(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpoint")
                .metavar("<endpoint-id>")
                .nargs(Nargs::OneOrMore)
                .help("Endpoint(s) to delete (ID only)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("endpoint"),
            |ctx, id| {
                let endpoint = sdk::find_one(ctx, &ENDPOINT, ENDPOINT.base_path, id, &[])?;
                sdk::delete(
                    ctx,
                    &ENDPOINT,
                    &sdk::item_path(ENDPOINT.base_path, &sdk::id_of(&endpoint)),
                    true,
                )
            },
            |item, err| format!("Failed to delete endpoint with ID '{item}': {err}"),
            output::delete_summary("endpoints"),
        )
    }
}

/// `endpoint list`.
pub struct ListEndpoint;

impl Command<ClientManager> for ListEndpoint {
    fn description(&self) -> &str {
        "List endpoints"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--service"])
                .metavar("<service>")
                .help("Filter by service (type, name or ID)"),
        );
        parser.add(
            Arg::option(&["--interface"])
                .metavar("<interface>")
                .choices(INTERFACES)
                .help("Filter by interface type (admin, public or internal)"),
        );
        parser.add(
            Arg::option(&["--region"])
                .metavar("<region-id>")
                .help("Filter by region ID"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--endpoint"])
                .metavar("<endpoint-group>")
                .help("Endpoint to list filters"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Project to list filters (name or ID)"),
        );
        common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let endpoint = match given(args, "endpoint") {
            Some(endpoint) => Some(find_endpoint(ctx, endpoint)?),
            None => None,
        };
        let project_domain = match given(args, "project_domain") {
            Some(domain) => Some(fail(find_sdk_id(ctx, &DOMAIN, domain, &[], true))?),
            None => None,
        };
        let project = match given(args, "project") {
            Some(project) => Some(fail(find_sdk_id(
                ctx,
                &PROJECT,
                project,
                &[("domain_id", project_domain)],
                true,
            ))?),
            None => None,
        };
        if let Some(endpoint) = endpoint {
            let base = format!(
                "/OS-EP-FILTER/endpoints/{}/projects",
                quote_path(&sdk::id_of(&endpoint))
            );
            let projects = fail(sdk::list(ctx, &PROJECT, &base, &[], None))?;
            let rows = projects
                .iter()
                .map(|p| vec![sdk::attr(p, "id"), sdk::attr(p, "name")])
                .collect();
            return Ok(output::list(&["ID", "Name"], rows));
        }
        let mut params: Vec<Param> = Vec::new();
        if let Some(service) = given(args, "service") {
            let service = fail(common::find_service_sdk(ctx, service))?;
            params.push(("service_id", Some(sdk::id_of(&service))));
        }
        if let Some(interface) = given(args, "interface") {
            params.push(("interface", Some(interface.to_owned())));
        }
        if let Some(region) = given(args, "region") {
            let region = fail(sdk::get(ctx, &REGION, REGION.base_path, region))?;
            params.push(("region_id", Some(sdk::id_of(&region))));
        }
        let data = match project {
            Some(project) => {
                let base = format!("/OS-EP-FILTER/projects/{}/endpoints", quote_path(&project));
                fail(sdk::list(ctx, &ENDPOINT, &base, &[], None))?
            }
            None => fail(sdk::list(ctx, &ENDPOINT, ENDPOINT.base_path, &params, None))?,
        };
        let mut rows = Vec::new();
        for endpoint in &data {
            let service_id = sdk::str_of(endpoint, "service_id")
                .unwrap_or("None")
                .to_owned();
            let service = fail(sdk::find_one(
                ctx,
                &SERVICE,
                SERVICE.base_path,
                &service_id,
                &[],
            ))?;
            rows.push(vec![
                sdk::attr(endpoint, "id"),
                sdk::attr(endpoint, "region_id"),
                sdk::attr(&service, "name"),
                sdk::attr(&service, "type"),
                sdk::bool_attr(endpoint, "enabled"),
                sdk::attr(endpoint, "interface"),
                sdk::attr(endpoint, "url"),
            ]);
        }
        Ok(output::list(
            &[
                "ID",
                "Region",
                "Service Name",
                "Service Type",
                "Enabled",
                "Interface",
                "URL",
            ],
            rows,
        ))
    }
}

/// `endpoint set`.
pub struct SetEndpoint;

impl Command<ClientManager> for SetEndpoint {
    fn description(&self) -> &str {
        "Set endpoint properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpoint")
                .metavar("<endpoint-id>")
                .help("Endpoint to modify (ID only)"),
        );
        parser.add(
            Arg::option(&["--region"])
                .metavar("<region-id>")
                .help("New endpoint region ID"),
        );
        parser.add(
            Arg::option(&["--interface"])
                .metavar("<interface>")
                .choices(INTERFACES)
                .help("New endpoint interface type (admin, public or internal)"),
        );
        parser.add(
            Arg::option(&["--url"])
                .metavar("<url>")
                .help("New endpoint URL"),
        );
        parser.add(
            Arg::option(&["--service"])
                .metavar("<service>")
                .help("New endpoint service (name or ID)"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--enable"])
                .dest("enabled")
                .flag()
                .help("Enable endpoint"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--disable"])
                .dest("disabled")
                .flag()
                .help("Disable endpoint"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let endpoint = find_endpoint(ctx, args.str("endpoint").unwrap_or(""))?;
        let mut body = Map::new();
        if let Some(service) = given(args, "service") {
            let service = fail(common::find_service_sdk(ctx, service))?;
            body.insert(
                "service_id".to_owned(),
                service.get("id").cloned().unwrap_or(Json::Null),
            );
        }
        if args.flag("enabled") {
            body.insert("enabled".to_owned(), Json::Bool(true));
        }
        if args.flag("disabled") {
            body.insert("enabled".to_owned(), Json::Bool(false));
        }
        if let Some(url) = given(args, "url") {
            body.insert("url".to_owned(), Json::from(url));
        }
        if let Some(interface) = given(args, "interface") {
            body.insert("interface".to_owned(), Json::from(interface));
        }
        if let Some(region) = given(args, "region") {
            body.insert("region_id".to_owned(), Json::from(region));
        }
        body.sort_keys();
        fail(sdk::update(
            ctx,
            &ENDPOINT,
            &sdk::item_path(ENDPOINT.base_path, &sdk::id_of(&endpoint)),
            body,
        ))?;
        Ok(Output::ok())
    }
}

/// `endpoint show`.
pub struct ShowEndpoint;

impl Command<ClientManager> for ShowEndpoint {
    fn description(&self) -> &str {
        "Display endpoint details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("endpoint")
                .metavar("<endpoint>")
                .help("Endpoint to display (endpoint ID, service ID, service name, service type)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let endpoint = find_endpoint(ctx, args.str("endpoint").unwrap_or(""))?;
        let service_id = sdk::str_of(&endpoint, "service_id")
            .unwrap_or("None")
            .to_owned();
        let service = fail(common::find_service_sdk(ctx, &service_id))?;
        Ok(format_endpoint(&endpoint, &service))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};
    use cliff::Value;

    const EP: &str = r#"{"endpoint": {"id": "e1", "interface": "public", "region_id": "RegionOne",
        "service_id": "s1", "url": "http://ks/v3", "enabled": true, "region": "RegionOne"}}"#;
    const KS: &str =
        r#"{"service": {"id": "s1", "name": "keystone", "type": "identity", "enabled": true}}"#;

    #[test]
    fn show_adds_service_name_and_type() {
        let (result, sent) = run(
            &ShowEndpoint,
            &[("endpoint", s("e1"))],
            &[(200, EP), (200, KS)],
        );
        assert_eq!(sent, vec!["GET /endpoints/e1", "GET /services/s1"]);
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("enabled", Value::Bool(true)),
                ("id", Value::str("e1")),
                ("interface", Value::str("public")),
                ("region", Value::str("RegionOne")),
                ("region_id", Value::str("RegionOne")),
                ("service_id", Value::str("s1")),
                ("url", Value::str("http://ks/v3")),
                ("service_name", Value::str("keystone")),
                ("service_type", Value::str("identity")),
            ])
        );
    }

    #[test]
    fn list_fetches_each_service() {
        let list = format!(r#"{{"endpoints": [{0}, {0}]}}"#, &EP[13..EP.len() - 1]);
        let (result, sent) = run(
            &ListEndpoint,
            &[("interface", s("public"))],
            &[(200, &list), (200, KS), (200, KS)],
        );
        assert_eq!(
            sent,
            vec![
                "GET /endpoints?interface=public",
                "GET /services/s1",
                "GET /services/s1"
            ]
        );
        let Output::List { rows, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(rows[0][2], Value::str("keystone"));
    }

    #[test]
    fn add_project_puts_the_association() {
        let (result, sent) = run(
            &AddProjectToEndpoint,
            &[("endpoint", s("e1")), ("project", s("p1"))],
            &[(200, EP), (200, r#"{"project": {"id": "p1"}}"#), (204, "")],
        );
        assert!(result.is_ok());
        assert_eq!(sent[2], "PUT /OS-EP-FILTER/projects/p1/endpoints/e1");
    }
}
