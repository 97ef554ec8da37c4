//! `federation protocol create|delete|list|set|show` (openstacksdk `FederationProtocol`, under an identity
//! provider).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::given;
use crate::output::{self, fail};
use crate::resources::{FEDERATION_PROTOCOL, IDENTITY_PROVIDER};
use openstack_sdk as sdk;
use openstack_sdk::quote_path;

/// `_format_protocol`: the identity provider comes from the URL, not the body.
pub fn format_protocol(item: &Json, idp: &str) -> Output {
    output::show(vec![
        ("id", sdk::attr(item, "id")),
        ("identity_provider", Value::str(idp)),
        ("mapping", sdk::attr(item, "mapping_id")),
    ])
}

/// `/OS-FEDERATION/identity_providers/<idp>/protocols`.
fn base(idp: &str) -> String {
    format!(
        "{}/{}{}",
        IDENTITY_PROVIDER.base_path,
        quote_path(idp),
        FEDERATION_PROTOCOL.base_path
    )
}

fn add_identity_provider_option(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::option(&["--identity-provider"])
            .metavar("<identity-provider>")
            .required()
            .help(help),
    );
}

const SUPPORTS: &str =
    "Identity provider that supports <federation-protocol> (name or ID) (required)";

/// `federation protocol create`: PUT `.../protocols/<name>` with the mapping.
pub struct CreateProtocol;

impl Command<ClientManager> for CreateProtocol {
    fn description(&self) -> &str {
        "Create new federation protocol"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("federation_protocol")
                .metavar("<name>")
                .help("New federation protocol name (must be unique per identity provider)"),
        );
        add_identity_provider_option(
            parser,
            "Identity provider that will support the new federation  protocol (name or ID) (required)",
        );
        parser.add(
            Arg::option(&["--mapping"])
                .metavar("<mapping>")
                .required()
                .help("Mapping that is to be used (name or ID) (required)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let idp = args.str("identity_provider").unwrap_or("");
        let name = args.str("federation_protocol").unwrap_or("");
        let mut body = Map::new();
        body.insert(
            "mapping_id".to_owned(),
            args.str("mapping").map_or(Json::Null, Json::from),
        );
        let path = sdk::item_path(&base(idp), name);
        let mut protocol = fail(sdk::create(
            ctx,
            &FEDERATION_PROTOCOL,
            Method::Put,
            &path,
            body,
        ))?;
        if let Json::Object(map) = &mut protocol {
            map.entry("id").or_insert_with(|| Json::from(name));
        }
        Ok(format_protocol(&protocol, idp))
    }
}

/// `federation protocol delete`.
pub struct DeleteProtocol;

impl Command<ClientManager> for DeleteProtocol {
    fn description(&self) -> &str {
        "Delete federation protocol(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("federation_protocol")
                .metavar("<federation-protocol>")
                .nargs(Nargs::OneOrMore)
                .help("Federation protocol(s) to delete (name or ID)"),
        );
        add_identity_provider_option(parser, SUPPORTS);
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let base = base(args.str("identity_provider").unwrap_or(""));
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("federation_protocol"),
            |ctx, id| sdk::delete(ctx, &FEDERATION_PROTOCOL, &sdk::item_path(&base, id), false),
            output::delete_failure("federation protocol"),
            output::delete_summary("federation protocols"),
        )
    }
}

/// `federation protocol list`.
pub struct ListProtocols;

impl Command<ClientManager> for ListProtocols {
    fn description(&self) -> &str {
        "List federation protocols"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_identity_provider_option(parser, "Identity provider to list (name or ID) (required)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let data = fail(sdk::list(
            ctx,
            &FEDERATION_PROTOCOL,
            &base(args.str("identity_provider").unwrap_or("")),
            &[],
            None,
        ))?;
        let rows = data
            .iter()
            .map(|p| vec![sdk::attr(p, "id"), sdk::attr(p, "mapping_id")])
            .collect();
        Ok(output::list(&["id", "mapping"], rows))
    }
}

/// `federation protocol set`.
pub struct SetProtocol;

impl Command<ClientManager> for SetProtocol {
    fn description(&self) -> &str {
        "Set federation protocol properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("federation_protocol")
                .metavar("<name>")
                .help("Federation protocol to modify (name or ID)"),
        );
        add_identity_provider_option(parser, SUPPORTS);
        parser.add(
            Arg::option(&["--mapping"])
                .metavar("<mapping>")
                .help("Mapping that is to be used (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let idp = args.str("identity_provider").unwrap_or("");
        let name = args.str("federation_protocol").unwrap_or("");
        let mut body = Map::new();
        if let Some(mapping) = given(args, "mapping") {
            body.insert("mapping_id".to_owned(), Json::from(mapping));
        }
        let path = sdk::item_path(&base(idp), name);
        let updated = fail(sdk::update(ctx, &FEDERATION_PROTOCOL, &path, body))?;
        // With nothing to change openstacksdk sends nothing and shows what it was given.
        let protocol = updated.unwrap_or_else(|| serde_json::json!({"id": name}));
        // OSC's command is a plain Command that returns the columns and values: cliff hands that tuple to
        // sys.exit(), which prints it to stderr and exits 1.
        let values = [
            sdk::attr(&protocol, "id"),
            Value::str(idp),
            sdk::attr(&protocol, "mapping_id"),
        ];
        let values: Vec<String> = values.iter().map(osc_lib::utils::py_repr).collect();
        log::error!(
            "(('id', 'identity_provider', 'mapping'), ({}))",
            values.join(", ")
        );
        Ok(Output::Exit { code: 1 })
    }
}

/// `federation protocol show`.
pub struct ShowProtocol;

impl Command<ClientManager> for ShowProtocol {
    fn description(&self) -> &str {
        "Display federation protocol details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("federation_protocol")
                .metavar("<federation-protocol>")
                .help("Federation protocol to display (name or ID)"),
        );
        add_identity_provider_option(parser, SUPPORTS);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let idp = args.str("identity_provider").unwrap_or("");
        let name = args.str("federation_protocol").unwrap_or("");
        let protocol = fail(sdk::get(ctx, &FEDERATION_PROTOCOL, &base(idp), name))?;
        Ok(format_protocol(&protocol, idp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};

    #[test]
    fn create_and_show() {
        let body = r#"{"protocol": {"id": "saml2", "mapping_id": "m1"}}"#;
        let (result, sent) = run(
            &CreateProtocol,
            &[
                ("federation_protocol", s("saml2")),
                ("identity_provider", s("idp")),
                ("mapping", s("m1")),
            ],
            &[(201, body)],
        );
        assert_eq!(
            sent,
            vec![
                r#"PUT /OS-FEDERATION/identity_providers/idp/protocols/saml2 {"protocol":{"mapping_id":"m1"}}"#
            ]
        );
        assert_eq!(
            result.unwrap(),
            output::show(vec![
                ("id", Value::str("saml2")),
                ("identity_provider", Value::str("idp")),
                ("mapping", Value::str("m1")),
            ])
        );
    }

    #[test]
    fn set_exits_with_the_tuple_as_cliff_does() {
        let (result, sent) = run(
            &SetProtocol,
            &[
                ("federation_protocol", s("saml2")),
                ("identity_provider", s("idp")),
                ("mapping", s("m2")),
            ],
            &[(200, r#"{"protocol": {"id": "saml2", "mapping_id": "m2"}}"#)],
        );
        assert_eq!(
            sent,
            vec![
                r#"PATCH /OS-FEDERATION/identity_providers/idp/protocols/saml2 {"protocol":{"mapping_id":"m2"}}"#
            ]
        );
        assert_eq!(result.unwrap(), Output::Exit { code: 1 });
    }
}
