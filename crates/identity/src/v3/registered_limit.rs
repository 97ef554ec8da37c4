//! `registered limit create|delete|list|set|show` (openstacksdk `RegisteredLimit`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{json, Map, Value as Json};

use crate::common::given;
use crate::output::{self, fail};
use crate::resources::REGISTERED_LIMIT;
use crate::v3::limit::{create_bulk, region_id, service_id};
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `_format_registered_limit`.
pub fn format_registered_limit(item: &Json) -> Output {
    output::show(vec![
        ("default_limit", sdk::attr(item, "default_limit")),
        ("description", sdk::attr(item, "description")),
        ("id", sdk::attr(item, "id")),
        ("region_id", sdk::attr(item, "region_id")),
        ("resource_name", sdk::attr(item, "resource_name")),
        ("service_id", sdk::attr(item, "service_id")),
    ])
}

/// `registered limit create`.
pub struct CreateRegisteredLimit;

impl Command<ClientManager> for CreateRegisteredLimit {
    fn description(&self) -> &str {
        "Create a registered limit"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the registered limit"),
        );
        parser.add(
            Arg::option(&["--region"])
                .metavar("<region>")
                .help("Region for the registered limit to affect"),
        );
        parser.add(
            Arg::option(&["--service"])
                .metavar("<service>")
                .required()
                .help("Service responsible for the resource to limit (required) (name or ID)"),
        );
        parser.add(
            Arg::option(&["--default-limit"])
                .int()
                .metavar("<default-limit>")
                .required()
                .help("The default limit for the resources to assume (required)"),
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
        if let Some(service) = service_id(ctx, args)? {
            body.insert("service_id".to_owned(), Json::from(service));
        }
        if let Some(region) = region_id(ctx, args)? {
            body.insert("region_id".to_owned(), Json::from(region));
        }
        body.insert(
            "resource_name".to_owned(),
            args.str("resource_name").map_or(Json::Null, Json::from),
        );
        body.insert(
            "default_limit".to_owned(),
            args.int("default_limit").map_or(Json::Null, Json::from),
        );
        body.sort_keys();
        let limit = fail(create_bulk(ctx, &REGISTERED_LIMIT, body))?;
        Ok(format_registered_limit(&limit))
    }
}

/// `registered limit delete`.
///
/// OSC also pretty-prints each failure's exception class to stdout (a leftover debugging `pprint`); that line is
/// not reproduced.
pub struct DeleteRegisteredLimit;

impl Command<ClientManager> for DeleteRegisteredLimit {
    fn description(&self) -> &str {
        "Delete a registered limit"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("registered_limits")
                .metavar("<registered-limits>")
                .nargs(Nargs::OneOrMore)
                .help("Registered limit(s) to delete (ID) (repeat option to remove multiple registered limits)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("registered_limits"),
            |ctx, id| {
                sdk::delete(
                    ctx,
                    &REGISTERED_LIMIT,
                    &sdk::item_path(REGISTERED_LIMIT.base_path, id),
                    false,
                )
            },
            |item, err| format!("Failed to delete registered limit with ID '{item}': {err}"),
            output::delete_summary("registered limits"),
        )
    }
}

/// `registered limit list`.
pub struct ListRegisteredLimit;

impl Command<ClientManager> for ListRegisteredLimit {
    fn description(&self) -> &str {
        "List registered limits"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--service"])
                .metavar("<service>")
                .help("Service responsible for the resource to limit (name or ID)"),
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
                .help("Region for the limit to affect."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(service) = service_id(ctx, args)? {
            params.push(("service_id", Some(service)));
        }
        if let Some(region) = region_id(ctx, args)? {
            params.push(("region_id", Some(region)));
        }
        if let Some(name) = given(args, "resource_name") {
            params.push(("resource_name", Some(name.to_owned())));
        }
        let data = fail(sdk::list(
            ctx,
            &REGISTERED_LIMIT,
            REGISTERED_LIMIT.base_path,
            &params,
            None,
        ))?;
        let rows = data
            .iter()
            .map(|limit| {
                [
                    "id",
                    "service_id",
                    "resource_name",
                    "default_limit",
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
                "Service ID",
                "Resource Name",
                "Default Limit",
                "Description",
                "Region ID",
            ],
            rows,
        ))
    }
}

/// `registered limit set`.
pub struct SetRegisteredLimit;

impl Command<ClientManager> for SetRegisteredLimit {
    fn description(&self) -> &str {
        "Update information about a registered limit"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("registered_limit_id")
                .metavar("<registered-limit-id>")
                .help("Registered limit to update (ID)"),
        );
        parser.add(Arg::option(&["--service"]).metavar("<service>").help(
            "Service to be updated responsible for the resource to limit (name or ID). Either --service, \
             --resource-name or --region must be different than existing value otherwise it will be duplicate entry",
        ));
        parser.add(Arg::option(&["--resource-name"]).metavar("<resource-name>").help(
            "Resource to be updated responsible for the resource to limit. Either --service, --resource-name or \
             --region must be different than existing value otherwise it will be duplicate entry",
        ));
        parser.add(
            Arg::option(&["--default-limit"])
                .metavar("<default-limit>")
                .int()
                .help("The default limit for the resources to assume"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description to update of the registered limit"),
        );
        parser.add(Arg::option(&["--region"]).metavar("<region>").help(
            "Region for the registered limit to affect. Either --service, --resource-name or --region must be \
             different than existing value otherwise it will be duplicate entry",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = args.str("registered_limit_id").unwrap_or("");
        let mut body = Map::new();
        if let Some(service) = service_id(ctx, args)? {
            body.insert("service_id".to_owned(), Json::from(service));
        }
        if let Some(name) = given(args, "resource_name") {
            body.insert("resource_name".to_owned(), Json::from(name));
        }
        // `if parsed_args.default_limit:` skips zero.
        if let Some(limit) = args.int("default_limit").filter(|l| *l != 0) {
            body.insert("default_limit".to_owned(), Json::from(limit));
        }
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(region) = region_id(ctx, args)? {
            body.insert("region_id".to_owned(), Json::from(region));
        }
        body.sort_keys();
        let updated = fail(sdk::update(
            ctx,
            &REGISTERED_LIMIT,
            &sdk::item_path(REGISTERED_LIMIT.base_path, id),
            body,
        ))?;
        Ok(format_registered_limit(
            &updated.unwrap_or_else(|| json!({"id": id})),
        ))
    }
}

/// `registered limit show`.
pub struct ShowRegisteredLimit;

impl Command<ClientManager> for ShowRegisteredLimit {
    fn description(&self) -> &str {
        "Display registered limit details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("registered_limit_id")
                .metavar("<registered-limit-id>")
                .help("Registered limit to display (ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = args.str("registered_limit_id").unwrap_or("");
        let limit = fail(sdk::get(
            ctx,
            &REGISTERED_LIMIT,
            REGISTERED_LIMIT.base_path,
            id,
        ))?;
        Ok(format_registered_limit(&limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};
    use cliff::ArgValue;

    #[test]
    fn create_then_delete_missing() {
        let body = r#"{"registered_limits": [{"id": "rl1", "service_id": "s1", "resource_name": "r",
            "default_limit": 5, "description": null, "region_id": null}]}"#;
        let (result, sent) = run(
            &CreateRegisteredLimit,
            &[
                ("service", s("s1")),
                ("default_limit", ArgValue::Int(5)),
                ("resource_name", s("r")),
            ],
            &[(200, r#"{"service": {"id": "s1"}}"#), (201, body)],
        );
        assert_eq!(
            sent[1],
            r#"POST /registered_limits {"registered_limits":[{"default_limit":5,"resource_name":"r","service_id":"s1"}]}"#
        );
        assert!(result.is_ok());
        let (result, _) = run(
            &DeleteRegisteredLimit,
            &[("registered_limits", l(&["nope"]))],
            &[(404, &not_found("registered limit", "nope"))],
        );
        assert_eq!(
            result.unwrap_err().message,
            "1 of 1 registered limits failed to delete."
        );
    }
}
