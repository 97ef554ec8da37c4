//! `service create|delete|list|set|show` (openstacksdk `Service`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, given, tri_state};
use crate::output::{self, fail};
use crate::resources::SERVICE;
use openstack_sdk as sdk;

/// `_format_service`.
pub fn format_service(item: &Json) -> Output {
    output::show(vec![
        ("id", sdk::attr(item, "id")),
        ("name", sdk::attr(item, "name")),
        ("type", sdk::attr(item, "type")),
        ("enabled", sdk::bool_attr(item, "enabled")),
        ("description", sdk::attr(item, "description")),
    ])
}

fn add_enable_options(parser: &mut Parser, create: bool) {
    let default = if create {
        ArgValue::Bool(true)
    } else {
        ArgValue::Null
    };
    let (enable, disable) = if create {
        ("Enable service (default)", "Disable service")
    } else {
        ("Enable service", "Disable service")
    };
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        crate::common::with_default(
            Arg::option(&["--enable"])
                .action(Action::StoreTrue)
                .dest("is_enabled"),
            default.clone(),
        )
        .help(enable),
    );
    parser.add_to_mutex(
        group,
        crate::common::with_default(
            Arg::option(&["--disable"])
                .action(Action::StoreFalse)
                .dest("is_enabled"),
            default,
        )
        .help(disable),
    );
}

/// `service create`.
pub struct CreateService;

impl Command<ClientManager> for CreateService {
    fn description(&self) -> &str {
        "Create new service"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("type")
                .metavar("<type>")
                .help("New service type (compute, image, identity, volume, etc)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New service name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New service description"),
        );
        add_enable_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let text = |dest: &str| args.str(dest).map_or(Json::Null, Json::from);
        let mut body = Map::new();
        body.insert("description".to_owned(), text("description"));
        body.insert(
            "enabled".to_owned(),
            Json::Bool(tri_state(args, "is_enabled").unwrap_or(true)),
        );
        body.insert("name".to_owned(), text("name"));
        body.insert("type".to_owned(), text("type"));
        let service = fail(sdk::create(
            ctx,
            &SERVICE,
            Method::Post,
            SERVICE.base_path,
            body,
        ))?;
        Ok(format_service(&service))
    }
}

/// `service delete`.
pub struct DeleteService;

impl Command<ClientManager> for DeleteService {
    fn description(&self) -> &str {
        "Delete service(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service")
                .metavar("<service>")
                .nargs(Nargs::OneOrMore)
                .help("Service(s) to delete (type, name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("service"),
            |ctx, name| {
                let service = common::find_service_sdk(ctx, name)?;
                sdk::delete(
                    ctx,
                    &SERVICE,
                    &sdk::item_path(SERVICE.base_path, &sdk::id_of(&service)),
                    true,
                )
            },
            // OSC's message says "consumer" here.
            |item, err| format!("Failed to delete consumer with type, name or ID '{item}': {err}"),
            output::delete_summary("services"),
        )
    }
}

/// `service list`.
pub struct ListService;

impl Command<ClientManager> for ListService {
    fn description(&self) -> &str {
        "List services"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let long = args.flag("long");
        let data = fail(sdk::list(ctx, &SERVICE, SERVICE.base_path, &[], None))?;
        let columns: &[&str] = if long {
            &["ID", "Name", "Type", "Description", "Enabled"]
        } else {
            &["ID", "Name", "Type"]
        };
        let rows = data
            .iter()
            .map(|service| {
                let mut row = vec![
                    sdk::attr(service, "id"),
                    sdk::attr(service, "name"),
                    sdk::attr(service, "type"),
                ];
                if long {
                    row.push(sdk::attr(service, "description"));
                    row.push(sdk::bool_attr(service, "enabled"));
                }
                row
            })
            .collect();
        Ok(output::list(columns, rows))
    }
}

/// `service set`.
pub struct SetService;

impl Command<ClientManager> for SetService {
    fn description(&self) -> &str {
        "Set service properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service")
                .metavar("<service>")
                .help("Service to modify (type, name or ID)"),
        );
        parser.add(
            Arg::option(&["--type"])
                .metavar("<type>")
                .help("New service type (compute, image, identity, volume, etc)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<service-name>")
                .help("New service name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New service description"),
        );
        add_enable_options(parser, false);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let service = fail(common::find_service_sdk(
            ctx,
            args.str("service").unwrap_or(""),
        ))?;
        let mut body = Map::new();
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(enabled) = tri_state(args, "is_enabled") {
            body.insert("enabled".to_owned(), Json::Bool(enabled));
        }
        if let Some(name) = given(args, "name") {
            body.insert("name".to_owned(), Json::from(name));
        }
        if let Some(kind) = given(args, "type") {
            body.insert("type".to_owned(), Json::from(kind));
        }
        fail(sdk::update(
            ctx,
            &SERVICE,
            &sdk::item_path(SERVICE.base_path, &sdk::id_of(&service)),
            body,
        ))?;
        Ok(Output::ok())
    }
}

/// `service show`.
pub struct ShowService;

impl Command<ClientManager> for ShowService {
    fn description(&self) -> &str {
        "Display service details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service")
                .metavar("<service>")
                .help("Service to display (type, name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let service = fail(common::find_service_sdk(
            ctx,
            args.str("service").unwrap_or(""),
        ))?;
        Ok(format_service(&service))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    const KS: &str =
        r#"{"service": {"id": "s1", "name": "keystone", "type": "identity", "enabled": true}}"#;

    #[test]
    fn show_by_type_after_id_and_name() {
        let (result, sent) = run(
            &ShowService,
            &[("service", s("identity"))],
            &[
                (404, &not_found("service", "identity")),
                (200, r#"{"services": []}"#),
                (
                    200,
                    &format!(r#"{{"services": [{}]}}"#, &KS[12..KS.len() - 1]),
                ),
            ],
        );
        assert_eq!(
            sent,
            vec![
                "GET /services/identity",
                "GET /services?name=identity",
                "GET /services?type=identity"
            ]
        );
        assert!(result.is_ok());
    }

    #[test]
    fn ambiguous_type_and_missing() {
        let two = r#"{"services": [{"id": "a", "type": "x"}, {"id": "b", "type": "x"}]}"#;
        let (result, _) = run(
            &ShowService,
            &[("service", s("x"))],
            &[
                (404, &not_found("service", "x")),
                (200, r#"{"services": []}"#),
                (200, two),
            ],
        );
        assert_eq!(
            result.unwrap_err().message,
            "Multiple service matches found for 'x', use an ID to be more specific."
        );
        let (result, _) = run(
            &DeleteService,
            &[("service", l(&["x"]))],
            &[
                (404, &not_found("service", "x")),
                (200, r#"{"services": []}"#),
                (200, r#"{"services": []}"#),
            ],
        );
        assert_eq!(
            result.unwrap_err().message,
            "1 of 1 services failed to delete."
        );
    }

    #[test]
    fn create_sends_nulls() {
        let (result, sent) = run(&CreateService, &[("type", s("compute"))], &[(201, KS)]);
        assert!(result.is_ok());
        assert_eq!(
            sent,
            vec![
                r#"POST /services {"service":{"description":null,"enabled":true,"name":null,"type":"compute"}}"#
            ]
        );
    }
}
