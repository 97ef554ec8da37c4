//! `mapping create|delete|list|set|show` (openstacksdk `Mapping`, federation attribute mappings).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::read_json_file;
use crate::output::{self, fail};
use crate::resources::MAPPING;
use openstack_sdk as sdk;

/// `_format_mapping`.
pub fn format_mapping(item: &Json) -> Output {
    output::show(vec![
        ("id", sdk::attr(item, "id")),
        ("rules", sdk::attr(item, "rules")),
        ("schema_version", sdk::attr(item, "schema_version")),
    ])
}

fn add_schema_version_option(parser: &mut Parser) {
    parser.add(Arg::option(&["--schema-version"]).metavar("<schema_version>").help(
        "The federated attribute mapping schema version. The default value on the client side is 'None'; however, \
         that will lead the backend to set the default according to 'attribute_mapping_default_schema_version' \
         option.",
    ));
}

fn schema_version(args: &Args) -> Json {
    args.str("schema_version").map_or(Json::Null, Json::from)
}

/// `mapping create`: PUT `/OS-FEDERATION/mappings/<name>`.
pub struct CreateMapping;

impl Command<ClientManager> for CreateMapping {
    fn description(&self) -> &str {
        "Create new mapping"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("mapping")
                .metavar("<name>")
                .help("New mapping name (must be unique)"),
        );
        parser.add(
            Arg::option(&["--rules"])
                .metavar("<filename>")
                .required()
                .help("Filename that contains a set of mapping rules (required)"),
        );
        add_schema_version_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rules = read_json_file(args.str("rules"), "rules")?;
        let name = args.str("mapping").unwrap_or("");
        let mut body = Map::new();
        body.insert("id".to_owned(), Json::from(name));
        body.insert("rules".to_owned(), rules);
        body.insert("schema_version".to_owned(), schema_version(args));
        let path = sdk::item_path(MAPPING.base_path, name);
        let mapping = fail(sdk::create(ctx, &MAPPING, Method::Put, &path, body))?;
        Ok(format_mapping(&mapping))
    }
}

/// `mapping delete`.
pub struct DeleteMapping;

impl Command<ClientManager> for DeleteMapping {
    fn description(&self) -> &str {
        "Delete mapping(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("mapping")
                .metavar("<mapping>")
                .nargs(Nargs::OneOrMore)
                .help("Mapping(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("mapping"),
            |ctx, id| sdk::delete(ctx, &MAPPING, &sdk::item_path(MAPPING.base_path, id), false),
            output::delete_failure("mapping"),
            output::delete_summary("mappings"),
        )
    }
}

/// `mapping list`.
pub struct ListMapping;

impl Command<ClientManager> for ListMapping {
    fn description(&self) -> &str {
        "List mappings"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let data = fail(sdk::list(ctx, &MAPPING, MAPPING.base_path, &[], None))?;
        let rows = data
            .iter()
            .map(|m| vec![sdk::attr(m, "id"), sdk::attr(m, "schema_version")])
            .collect();
        Ok(output::list(&["ID", "schema_version"], rows))
    }
}

/// `mapping set`.
pub struct SetMapping;

impl Command<ClientManager> for SetMapping {
    fn description(&self) -> &str {
        "Set mapping properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("mapping")
                .metavar("<name>")
                .help("Mapping to modify"),
        );
        parser.add(
            Arg::option(&["--rules"])
                .metavar("<filename>")
                .help("Filename that contains a new set of mapping rules"),
        );
        add_schema_version_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let rules = read_json_file(args.str("rules"), "rules")?;
        let mut body = Map::new();
        body.insert("rules".to_owned(), rules);
        body.insert("schema_version".to_owned(), schema_version(args));
        let path = sdk::item_path(MAPPING.base_path, args.str("mapping").unwrap_or(""));
        fail(sdk::update(ctx, &MAPPING, &path, body))?;
        Ok(Output::ok())
    }
}

/// `mapping show`.
pub struct ShowMapping;

impl Command<ClientManager> for ShowMapping {
    fn description(&self) -> &str {
        "Display mapping details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("mapping")
                .metavar("<mapping>")
                .help("Mapping to display"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mapping = fail(sdk::get(
            ctx,
            &MAPPING,
            MAPPING.base_path,
            args.str("mapping").unwrap_or(""),
        ))?;
        Ok(format_mapping(&mapping))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};

    #[test]
    fn set_without_rules_fails_as_python() {
        let (result, sent) = run(&SetMapping, &[("mapping", s("m"))], &[]);
        assert!(sent.is_empty());
        assert_eq!(
            result.unwrap_err().message,
            "expected str, bytes or os.PathLike object, not NoneType"
        );
    }

    #[test]
    fn create_puts_by_name() {
        let path = std::env::temp_dir().join(format!("idtest-rules-{}.json", std::process::id()));
        std::fs::write(&path, "[]").unwrap();
        let (result, sent) = run(
            &CreateMapping,
            &[("mapping", s("m1")), ("rules", s(path.to_str().unwrap()))],
            &[(
                201,
                r#"{"mapping": {"id": "m1", "rules": [], "schema_version": "1.0"}}"#,
            )],
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            sent,
            vec![
                r#"PUT /OS-FEDERATION/mappings/m1 {"mapping":{"id":"m1","rules":[],"schema_version":null}}"#
            ]
        );
        assert!(result.is_ok());
    }
}
