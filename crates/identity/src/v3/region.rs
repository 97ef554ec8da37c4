//! `region create|delete|list|set|show` (openstacksdk `Region`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::given;
use crate::output::{self, fail};
use crate::resources::REGION;
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `_format_region`.
pub fn format_region(item: &Json) -> Output {
    output::show(vec![
        ("region", sdk::attr(item, "id")),
        ("description", sdk::attr(item, "description")),
        ("parent_region", sdk::attr(item, "parent_region_id")),
    ])
}

/// `region create`.
pub struct CreateRegion;

impl Command<ClientManager> for CreateRegion {
    fn description(&self) -> &str {
        "Create new region"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("region")
                .metavar("<region-id>")
                .help("New region ID"),
        );
        parser.add(
            Arg::option(&["--parent-region"])
                .metavar("<region-id>")
                .help("Parent region ID"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New region description"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let text = |dest: &str| args.str(dest).map_or(Json::Null, Json::from);
        let mut body = Map::new();
        body.insert("description".to_owned(), text("description"));
        body.insert("id".to_owned(), text("region"));
        body.insert("parent_region_id".to_owned(), text("parent_region"));
        let region = fail(sdk::create(
            ctx,
            &REGION,
            Method::Post,
            REGION.base_path,
            body,
        ))?;
        Ok(format_region(&region))
    }
}

/// `region delete`.
pub struct DeleteRegion;

impl Command<ClientManager> for DeleteRegion {
    fn description(&self) -> &str {
        "Delete region(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("region")
                .metavar("<region-id>")
                .nargs(Nargs::OneOrMore)
                .help("Region ID(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("region"),
            |ctx, id| sdk::delete(ctx, &REGION, &sdk::item_path(REGION.base_path, id), true),
            |item, err| format!("Failed to delete region with ID '{item}': {err}"),
            output::delete_summary("regions"),
        )
    }
}

/// `region list`.
pub struct ListRegion;

impl Command<ClientManager> for ListRegion {
    fn description(&self) -> &str {
        "List regions"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--parent-region"])
                .metavar("<region-id>")
                .help("Filter by parent region ID"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let params: Vec<Param> = given(args, "parent_region")
            .map(|p| ("parent_region_id", Some(p.to_owned())))
            .into_iter()
            .collect();
        let data = fail(sdk::list(ctx, &REGION, REGION.base_path, &params, None))?;
        let rows = data
            .iter()
            .map(|region| {
                vec![
                    sdk::attr(region, "id"),
                    sdk::attr(region, "parent_region_id"),
                    sdk::attr(region, "description"),
                ]
            })
            .collect();
        Ok(output::list(
            &["Region", "Parent Region", "Description"],
            rows,
        ))
    }
}

/// `region set`.
pub struct SetRegion;

impl Command<ClientManager> for SetRegion {
    fn description(&self) -> &str {
        "Set region properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("region")
                .metavar("<region-id>")
                .help("Region to modify"),
        );
        parser.add(
            Arg::option(&["--parent-region"])
                .metavar("<region-id>")
                .help("New parent region ID"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New region description"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut body = Map::new();
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(parent) = given(args, "parent_region") {
            body.insert("parent_region_id".to_owned(), Json::from(parent));
        }
        let path = sdk::item_path(REGION.base_path, args.str("region").unwrap_or(""));
        fail(sdk::update(ctx, &REGION, &path, body))?;
        Ok(Output::ok())
    }
}

/// `region show`.
pub struct ShowRegion;

impl Command<ClientManager> for ShowRegion {
    fn description(&self) -> &str {
        "Display region details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("region")
                .metavar("<region-id>")
                .help("Region to display"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let region = fail(sdk::get(
            ctx,
            &REGION,
            REGION.base_path,
            args.str("region").unwrap_or(""),
        ))?;
        Ok(format_region(&region))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, not_found, run, s};

    #[test]
    fn show_missing_reads_like_the_sdk() {
        let (result, sent) = run(
            &ShowRegion,
            &[("region", s("nope"))],
            &[(404, &not_found("region", "nope"))],
        );
        assert_eq!(sent, vec!["GET /regions/nope"]);
        assert_eq!(
            result.unwrap_err().message,
            "No Region found for nope: Client Error for url: http://ks/v3/regions/nope, Could not find region: nope."
        );
    }

    #[test]
    fn delete_ignores_missing_regions() {
        let (result, sent) = run(
            &DeleteRegion,
            &[("region", l(&["nope"]))],
            &[(404, &not_found("region", "nope"))],
        );
        assert_eq!(sent, vec!["DELETE /regions/nope"]);
        assert_eq!(result.unwrap(), Output::ok());
    }

    #[test]
    fn create_and_list() {
        let body = r#"{"region": {"id": "R2", "description": "", "parent_region_id": null}}"#;
        let (result, sent) = run(&CreateRegion, &[("region", s("R2"))], &[(201, body)]);
        assert_eq!(
            sent,
            vec![
                r#"POST /regions {"region":{"description":null,"id":"R2","parent_region_id":null}}"#
            ]
        );
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("region", cliff::Value::str("R2")),
                ("description", cliff::Value::str("")),
                ("parent_region", cliff::Value::Null),
            ])
        );
        let (_, sent) = run(
            &ListRegion,
            &[("parent_region", s("R1"))],
            &[(200, r#"{"regions": []}"#)],
        );
        assert_eq!(sent, vec!["GET /regions?parent_region_id=R1"]);
    }
}
