//! `identity provider create|delete|list|set|show` (openstacksdk `IdentityProvider`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::format_columns::list_column;
use osc_lib::utils::read_blob_file_contents;
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, given};
use crate::output::{self, fail};
use crate::resources::IDENTITY_PROVIDER;
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `_format_identity_provider`: the ID shown as `id` (the class's `name`), remote IDs as a sorted list.
pub fn format_identity_provider(item: &Json) -> Output {
    output::show(vec![
        ("authorization_ttl", sdk::attr(item, "authorization_ttl")),
        ("description", sdk::attr(item, "description")),
        ("domain_id", sdk::attr(item, "domain_id")),
        ("enabled", sdk::bool_attr(item, "enabled")),
        ("id", sdk::attr(item, "id")),
        ("remote_ids", list_column(sdk::attr(item, "remote_ids"))),
    ])
}

fn add_remote_id_options(parser: &mut Parser) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        Arg::option(&["--remote-id"])
            .metavar("<remote-id>")
            .dest("remote_ids")
            .append()
            .help("Remote IDs to associate with the Identity Provider (repeat option to provide multiple values)"),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&["--remote-id-file"]).metavar("<file-name>").help(
            "Name of a file that contains many remote IDs to associate with the identity provider, one per line",
        ),
    );
}

/// The remote IDs from `--remote-id-file` (one per line, stripped) or `--remote-id`.
fn remote_ids(args: &Args) -> Result<Option<Vec<String>>> {
    if let Some(file) = given(args, "remote_id_file") {
        let content = read_blob_file_contents(file)?;
        return Ok(Some(
            content.lines().map(|line| line.trim().to_owned()).collect(),
        ));
    }
    let ids = args.strings("remote_ids");
    Ok(if ids.is_empty() { None } else { Some(ids) })
}

/// `--authorization-ttl`, which must not be negative.
fn authorization_ttl(args: &Args) -> Result<Option<i64>> {
    match args.int("authorization_ttl") {
        Some(ttl) if ttl < 0 => Err(Error::command(
            "authorization-ttl must be positive integer or zero.",
        )),
        other => Ok(other),
    }
}

/// `identity provider create`: PUT `/OS-FEDERATION/identity_providers/<name>`.
pub struct CreateIdentityProvider;

impl Command<ClientManager> for CreateIdentityProvider {
    fn description(&self) -> &str {
        "Create new identity provider"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("identity_provider_id")
                .metavar("<name>")
                .help("New identity provider name (must be unique)"),
        );
        add_remote_id_options(parser);
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New identity provider description"),
        );
        parser.add(Arg::option(&["--domain"]).metavar("<domain>").help(
            "Domain to associate with the identity provider. If not specified, a domain will be created \
             automatically. (Name or ID)",
        ));
        parser.add(Arg::option(&["--authorization-ttl"]).metavar("<authorization-ttl>").int().help(
            "Time to keep the role assignments for users authenticating via this identity provider. When not \
             provided, global default configured in the Identity service will be used. Available since Identity API \
             version 3.14 (Ussuri).",
        ));
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--enable"])
                .dest("enabled")
                .action(Action::StoreTrue)
                .default(ArgValue::Bool(true))
                .help("Enable identity provider (default)"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--disable"])
                .dest("enabled")
                .action(Action::StoreFalse)
                .help("Disable the identity provider"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = args.str("identity_provider_id").unwrap_or("");
        let mut body = Map::new();
        body.insert(
            "enabled".to_owned(),
            Json::Bool(common::tri_state(args, "enabled").unwrap_or(true)),
        );
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if let Some(ids) = remote_ids(args)? {
            body.insert("remote_ids".to_owned(), Json::from(ids));
        }
        if let Some(domain) = given(args, "domain") {
            body.insert(
                "domain_id".to_owned(),
                Json::from(fail(common::find_domain_id_sdk(ctx, domain, false))?),
            );
        }
        if let Some(ttl) = authorization_ttl(args)? {
            body.insert("authorization_ttl".to_owned(), Json::from(ttl));
        }
        body.sort_keys();
        let path = sdk::item_path(IDENTITY_PROVIDER.base_path, name);
        let mut idp = fail(sdk::create(
            ctx,
            &IDENTITY_PROVIDER,
            Method::Put,
            &path,
            body,
        ))?;
        if let Json::Object(map) = &mut idp {
            map.entry("id").or_insert_with(|| Json::from(name));
        }
        Ok(format_identity_provider(&idp))
    }
}

/// `identity provider delete`.
pub struct DeleteIdentityProvider;

impl Command<ClientManager> for DeleteIdentityProvider {
    fn description(&self) -> &str {
        "Delete identity provider(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("identity_provider")
                .metavar("<identity-provider>")
                .nargs(Nargs::OneOrMore)
                .help("Identity provider(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("identity_provider"),
            |ctx, id| {
                sdk::delete(
                    ctx,
                    &IDENTITY_PROVIDER,
                    &sdk::item_path(IDENTITY_PROVIDER.base_path, id),
                    true,
                )
            },
            output::delete_failure("identity provider"),
            output::delete_summary("identity providers"),
        )
    }
}

/// `identity provider list`.
pub struct ListIdentityProvider;

impl Command<ClientManager> for ListIdentityProvider {
    fn description(&self) -> &str {
        "List identity providers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--id"])
                .metavar("<id>")
                .help("Filter identity providers by ID"),
        );
        parser.add(
            Arg::option(&["--enabled"])
                .dest("enabled")
                .flag()
                .help("List only enabled identity providers"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(id) = given(args, "id") {
            params.push(("id", Some(id.to_owned())));
        }
        if args.flag("enabled") {
            params.push(("is_enabled", Some("True".to_owned())));
        }
        let data = fail(sdk::list(
            ctx,
            &IDENTITY_PROVIDER,
            IDENTITY_PROVIDER.base_path,
            &params,
            None,
        ))?;
        let rows = data
            .iter()
            .map(|idp| {
                vec![
                    sdk::attr(idp, "id"),
                    sdk::bool_attr(idp, "enabled"),
                    sdk::attr(idp, "domain_id"),
                    sdk::attr(idp, "description"),
                ]
            })
            .collect();
        Ok(output::list(
            &["ID", "Enabled", "Domain ID", "Description"],
            rows,
        ))
    }
}

/// `identity provider set`.
pub struct SetIdentityProvider;

impl Command<ClientManager> for SetIdentityProvider {
    fn description(&self) -> &str {
        "Set identity provider properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("identity_provider")
                .metavar("<identity-provider>")
                .help("Identity provider to modify"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set identity provider description"),
        );
        add_remote_id_options(parser);
        parser.add(Arg::option(&["--authorization-ttl"]).metavar("<authorization-ttl>").int().help(
            "Time to keep the role assignments for users authenticating via this identity provider. Available since \
             Identity API version 3.14 (Ussuri).",
        ));
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--enable"])
                .flag()
                .help("Enable the identity provider"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--disable"])
                .flag()
                .help("Disable the identity provider"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let ids = remote_ids(args)?;
        let mut body = Map::new();
        if let Some(description) = given(args, "description") {
            body.insert("description".to_owned(), Json::from(description));
        }
        if args.flag("enable") {
            body.insert("enabled".to_owned(), Json::Bool(true));
        }
        if args.flag("disable") {
            body.insert("enabled".to_owned(), Json::Bool(false));
        }
        if let Some(ids) = ids {
            body.insert("remote_ids".to_owned(), Json::from(ids));
        }
        if let Some(ttl) = authorization_ttl(args)? {
            body.insert("authorization_ttl".to_owned(), Json::from(ttl));
        }
        body.sort_keys();
        let path = sdk::item_path(
            IDENTITY_PROVIDER.base_path,
            args.str("identity_provider").unwrap_or(""),
        );
        fail(sdk::update(ctx, &IDENTITY_PROVIDER, &path, body))?;
        Ok(Output::ok())
    }
}

/// `identity provider show`.
pub struct ShowIdentityProvider;

impl Command<ClientManager> for ShowIdentityProvider {
    fn description(&self) -> &str {
        "Display identity provider details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("identity_provider")
                .metavar("<identity-provider>")
                .help("Identity provider to display"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = args.str("identity_provider").unwrap_or("");
        let idp = fail(sdk::get(
            ctx,
            &IDENTITY_PROVIDER,
            IDENTITY_PROVIDER.base_path,
            id,
        ))?;
        Ok(format_identity_provider(&idp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, run, s};

    const IDP: &str = r#"{"identity_provider": {"id": "idp", "enabled": true, "description": "d",
        "domain_id": "default", "remote_ids": ["b", "a"], "authorization_ttl": 5}}"#;

    #[test]
    fn create_puts_without_id() {
        let (result, sent) = run(
            &CreateIdentityProvider,
            &[
                ("identity_provider_id", s("idp")),
                ("remote_ids", l(&["b", "a"])),
                ("authorization_ttl", ArgValue::Int(5)),
            ],
            &[(201, IDP)],
        );
        assert_eq!(
            sent,
            vec![
                r#"PUT /OS-FEDERATION/identity_providers/idp {"identity_provider":{"authorization_ttl":5,"enabled":true,"remote_ids":["b","a"]}}"#
            ]
        );
        let Output::Show { values, .. } = result.unwrap() else {
            panic!()
        };
        let cliff::Value::Column { human, .. } = &values[5] else {
            panic!()
        };
        assert_eq!(human, "a, b");
        let (result, _) = run(
            &CreateIdentityProvider,
            &[
                ("identity_provider_id", s("idp")),
                ("authorization_ttl", ArgValue::Int(-1)),
            ],
            &[],
        );
        assert_eq!(
            result.unwrap_err().message,
            "authorization-ttl must be positive integer or zero."
        );
    }

    #[test]
    fn list_filters() {
        let (_, sent) = run(
            &ListIdentityProvider,
            &[("id", s("idp")), ("enabled", ArgValue::Bool(true))],
            &[(200, r#"{"identity_providers": []}"#)],
        );
        assert_eq!(
            sent,
            vec!["GET /OS-FEDERATION/identity_providers?id=idp&enabled=True"]
        );
    }
}
