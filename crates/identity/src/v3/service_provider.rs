//! `service provider create|delete|list|set|show` (openstacksdk `ServiceProvider`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{given, tri_state};
use crate::output::{self, fail};
use crate::resources::SERVICE_PROVIDER;
use openstack_sdk as sdk;

/// `_format_service_provider`.
pub fn format_service_provider(item: &Json) -> Output {
    output::show(vec![
        ("id", sdk::attr(item, "id")),
        ("enabled", sdk::bool_attr(item, "enabled")),
        ("description", sdk::attr(item, "description")),
        ("auth_url", sdk::attr(item, "auth_url")),
        ("sp_url", sdk::attr(item, "sp_url")),
        ("relay_state_prefix", sdk::attr(item, "relay_state_prefix")),
    ])
}

fn add_enable_options(parser: &mut Parser, create: bool) {
    let default = if create {
        ArgValue::Bool(true)
    } else {
        ArgValue::Null
    };
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        crate::common::with_default(
            Arg::option(&["--enable"])
                .dest("is_enabled")
                .action(Action::StoreTrue),
            default.clone(),
        )
        .help(if create {
            "Enable the service provider (default)"
        } else {
            "Enable the service provider"
        }),
    );
    let disable = Arg::option(&["--disable"])
        .dest("is_enabled")
        .action(Action::StoreFalse);
    let disable = if create {
        disable
    } else {
        disable.default_none()
    };
    parser.add_to_mutex(group, disable.help("Disable the service provider"));
}

/// The attributes common to create and set, in the order OSC sets them.
fn attributes(args: &Args, default_enabled: Option<bool>) -> Map<String, Json> {
    let mut body = Map::new();
    if let Some(enabled) = tri_state(args, "is_enabled").or(default_enabled) {
        body.insert("enabled".to_owned(), Json::Bool(enabled));
    }
    if let Some(description) = given(args, "description") {
        body.insert("description".to_owned(), Json::from(description));
    }
    if let Some(url) = given(args, "auth_url") {
        body.insert("auth_url".to_owned(), Json::from(url));
    }
    if let Some(url) = given(args, "service_provider_url") {
        body.insert("sp_url".to_owned(), Json::from(url));
    }
    body.sort_keys();
    body
}

/// `service provider create`: PUT `/OS-FEDERATION/service_providers/<name>`.
pub struct CreateServiceProvider;

impl Command<ClientManager> for CreateServiceProvider {
    fn description(&self) -> &str {
        "Create new service provider"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service_provider_id")
                .metavar("<name>")
                .help("New service provider name (must be unique)"),
        );
        parser.add(
            Arg::option(&["--auth-url"])
                .metavar("<auth-url>")
                .required()
                .help("Authentication URL of remote federated service provider (required)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New service provider description"),
        );
        parser.add(
            Arg::option(&["--service-provider-url"])
                .metavar("<sp-url>")
                .required()
                .help("A service URL where SAML assertions are being sent (required)"),
        );
        add_enable_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = args.str("service_provider_id").unwrap_or("");
        let path = sdk::item_path(SERVICE_PROVIDER.base_path, name);
        let mut sp = fail(sdk::create(
            ctx,
            &SERVICE_PROVIDER,
            Method::Put,
            &path,
            attributes(args, Some(true)),
        ))?;
        if let Json::Object(map) = &mut sp {
            map.entry("id").or_insert_with(|| Json::from(name));
        }
        Ok(format_service_provider(&sp))
    }
}

/// `service provider delete`.
pub struct DeleteServiceProvider;

impl Command<ClientManager> for DeleteServiceProvider {
    fn description(&self) -> &str {
        "Delete service provider(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service_provider")
                .metavar("<service-provider>")
                .nargs(Nargs::OneOrMore)
                .help("Service provider(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("service_provider"),
            |ctx, id| {
                sdk::delete(
                    ctx,
                    &SERVICE_PROVIDER,
                    &sdk::item_path(SERVICE_PROVIDER.base_path, id),
                    true,
                )
            },
            output::delete_failure("service provider"),
            output::delete_summary("service providers"),
        )
    }
}

/// `service provider list`.
pub struct ListServiceProvider;

impl Command<ClientManager> for ListServiceProvider {
    fn description(&self) -> &str {
        "List service providers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let data = fail(sdk::list(
            ctx,
            &SERVICE_PROVIDER,
            SERVICE_PROVIDER.base_path,
            &[],
            None,
        ))?;
        let rows = data
            .iter()
            .map(|sp| {
                vec![
                    sdk::attr(sp, "id"),
                    sdk::bool_attr(sp, "enabled"),
                    sdk::attr(sp, "description"),
                    sdk::attr(sp, "auth_url"),
                    sdk::attr(sp, "sp_url"),
                    sdk::attr(sp, "relay_state_prefix"),
                ]
            })
            .collect();
        Ok(output::list(
            &[
                "ID",
                "Enabled",
                "Description",
                "Auth URL",
                "Service Provider URL",
                "Relay State Prefix",
            ],
            rows,
        ))
    }
}

/// `service provider set`.
pub struct SetServiceProvider;

impl Command<ClientManager> for SetServiceProvider {
    fn description(&self) -> &str {
        "Set service provider properties"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service_provider")
                .metavar("<service-provider>")
                .help("Service provider to modify"),
        );
        parser.add(
            Arg::option(&["--auth-url"])
                .metavar("<auth-url>")
                .help("New Authentication URL of remote federated service provider"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New service provider description"),
        );
        parser.add(
            Arg::option(&["--service-provider-url"])
                .metavar("<sp-url>")
                .help("New service provider URL, where SAML assertions are sent"),
        );
        add_enable_options(parser, false);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = args.str("service_provider").unwrap_or("");
        let path = sdk::item_path(SERVICE_PROVIDER.base_path, id);
        let updated = fail(sdk::update(
            ctx,
            &SERVICE_PROVIDER,
            &path,
            attributes(args, None),
        ))?;
        // With nothing to change openstacksdk sends nothing and shows a resource holding only the ID.
        Ok(format_service_provider(
            &updated.unwrap_or_else(|| json!({"id": id})),
        ))
    }
}

/// `service provider show`.
pub struct ShowServiceProvider;

impl Command<ClientManager> for ShowServiceProvider {
    fn description(&self) -> &str {
        "Display service provider details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service_provider")
                .metavar("<service-provider>")
                .help("Service provider to display"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = args.str("service_provider").unwrap_or("");
        let sp = fail(sdk::find_one(
            ctx,
            &SERVICE_PROVIDER,
            SERVICE_PROVIDER.base_path,
            id,
            &[],
        ))?;
        Ok(format_service_provider(&sp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};

    #[test]
    fn create_and_empty_set() {
        let body = r#"{"service_provider": {"id": "sp", "enabled": true, "auth_url": "http://a", "sp_url": "http://b",
            "relay_state_prefix": "ss:mem:", "description": null}}"#;
        let (result, sent) = run(
            &CreateServiceProvider,
            &[
                ("service_provider_id", s("sp")),
                ("auth_url", s("http://a")),
                ("service_provider_url", s("http://b")),
            ],
            &[(201, body)],
        );
        assert_eq!(
            sent,
            vec![
                r#"PUT /OS-FEDERATION/service_providers/sp {"service_provider":{"auth_url":"http://a","enabled":true,"sp_url":"http://b"}}"#
            ]
        );
        assert!(result.is_ok());
        let (result, sent) = run(&SetServiceProvider, &[("service_provider", s("sp"))], &[]);
        assert!(sent.is_empty());
        let Output::Show { values, .. } = result.unwrap() else {
            panic!()
        };
        assert_eq!(values[0], cliff::Value::str("sp"));
        assert_eq!(values[1], cliff::Value::Null);
    }
}
