//! `image metadef namespace create|delete|list|set|show|unset` (OSC's `metadef_namespaces.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{fail, tri_state};
use crate::resources::METADEF_NAMESPACE as NAMESPACE;
use openstack_sdk as sdk;
use openstack_sdk::{Call, Param, Res};

/// `get_metadef_namespace(name)`.
pub fn get_namespace(cm: &mut ClientManager, name: &str) -> Res<Json> {
    sdk::get(cm, &NAMESPACE, NAMESPACE.base_path, name)
}

/// The path of a namespace.
pub fn namespace_path(name: &str) -> String {
    sdk::item_path(NAMESPACE.base_path, name)
}

/// `_format_namespace`: `to_dict(ignore_none=True, original_names=True)` of the declared attributes, sorted.
fn format_namespace(namespace: &Json) -> Output {
    let mut info: Vec<(String, Value)> = Vec::new();
    for key in [
        "created_at",
        "description",
        "display_name",
        "protected",
        "namespace",
        "owner",
        "resource_type_associations",
        "updated_at",
        "visibility",
        "tags",
    ] {
        let value = match namespace.get(key) {
            None | Some(Json::Null) if key == "tags" => Json::Array(Vec::new()),
            None | Some(Json::Null) => continue,
            Some(value) => value.clone(),
        };
        let value = match key {
            "protected" => Value::Bool(sdk::truthy(&value)),
            "resource_type_associations" => Value::List(
                value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|association| sdk::attr(association, "name"))
                    .collect(),
            ),
            _ => Value::from_json(&value),
        };
        info.push((key.to_owned(), value));
    }
    info.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(info)
}

fn add_visibility_and_protection(parser: &mut Parser, public: &str, private: &str) {
    let visibility = parser.add_mutex(None, false);
    for (flag, value, help) in [
        ("--public", "public", public),
        ("--private", "private", private),
    ] {
        parser.add_to_mutex(
            visibility,
            Arg::option(&[flag])
                .action(Action::StoreConst(ArgValue::Str(value.to_owned())))
                .dest("visibility")
                .help(help),
        );
    }
    let protection = parser.add_mutex(None, false);
    parser.add_to_mutex(
        protection,
        Arg::option(&["--protected"])
            .action(Action::StoreConst(ArgValue::Bool(true)))
            .dest("is_protected")
            .help("Prevent metadef namespace from being deleted"),
    );
    parser.add_to_mutex(
        protection,
        Arg::option(&["--unprotected"])
            .action(Action::StoreConst(ArgValue::Bool(false)))
            .dest("is_protected")
            .help("Allow metadef namespace to be deleted (default)"),
    );
}

/// The attributes `create` and `set` send, in OSC's order.
fn namespace_attrs(args: &Args) -> Map<String, Json> {
    let mut attrs = Map::new();
    for key in ["namespace", "display_name", "description"] {
        if let Some(value) = args.str(key) {
            attrs.insert(key.to_owned(), Json::from(value));
        }
    }
    if let Some(protected) = tri_state(args, "is_protected") {
        attrs.insert("protected".to_owned(), Json::Bool(protected));
    }
    if let Some(visibility) = args.str("visibility") {
        attrs.insert("visibility".to_owned(), Json::from(visibility));
    }
    attrs
}

/// `image metadef namespace create`.
pub struct CreateMetadefNamespace;

impl Command<ClientManager> for CreateMetadefNamespace {
    fn description(&self) -> &str {
        "Create a metadef namespace"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace>")
                .help("New metadef namespace name"),
        );
        parser.add(
            Arg::option(&["--display-name"])
                .metavar("<display_name>")
                .help("A user-friendly name for the namespace."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("A description of the namespace"),
        );
        add_visibility_and_protection(
            parser,
            "Set namespace visibility 'public'",
            "Set namespace visibility 'private'",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = fail(sdk::create(
            ctx,
            &NAMESPACE,
            Method::Post,
            NAMESPACE.base_path,
            namespace_attrs(args),
        ))?;
        Ok(format_namespace(&namespace))
    }
}

/// `image metadef namespace delete`.
pub struct DeleteMetadefNamespace;

impl Command<ClientManager> for DeleteMetadefNamespace {
    fn description(&self) -> &str {
        "Delete metadef namespace"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace>")
                .nargs(Nargs::OneOrMore)
                .help("Metadef namespace(s) to delete (name)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let names = args.strings("namespace");
        let mut failures = 0;
        for name in &names {
            let result = get_namespace(ctx, name).and_then(|namespace| {
                let id = sdk::str_of(&namespace, "namespace")
                    .unwrap_or(name)
                    .to_owned();
                sdk::delete(ctx, &NAMESPACE, &namespace_path(&id), true)
            });
            if let Err(err) = result {
                failures += 1;
                log::error!("Failed to delete namespace with name or ID '{name}': {err}");
            }
        }
        if failures > 0 {
            return Err(Error::command(format!(
                "{failures} of {} namespace failed to delete.",
                names.len()
            )));
        }
        Ok(Output::ok())
    }
}

/// `image metadef namespace list`.
pub struct ListMetadefNamespace;

impl Command<ClientManager> for ListMetadefNamespace {
    fn description(&self) -> &str {
        "List metadef namespaces"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--resource-types"])
                .metavar("<resource_types>")
                .help("filter resource types"),
        );
        parser.add(
            Arg::option(&["--visibility"])
                .metavar("<visibility>")
                .help("filter on visibility"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        for key in ["resource_types", "visibility"] {
            if let Some(value) = args.str(key) {
                params.push((key, Some(value.to_owned())));
            }
        }
        let namespaces = fail(sdk::list(
            ctx,
            &NAMESPACE,
            NAMESPACE.base_path,
            &params,
            None,
        ))?;
        let rows = namespaces
            .iter()
            .map(|namespace| vec![sdk::attr(namespace, "namespace")])
            .collect();
        Ok(Output::List {
            columns: vec!["namespace".to_owned()],
            rows,
        })
    }
}

/// `image metadef namespace set`.
pub struct SetMetadefNamespace;

impl Command<ClientManager> for SetMetadefNamespace {
    fn description(&self) -> &str {
        "Set metadef namespace properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace>")
                .help("Metadef namespace to modify (name)"),
        );
        parser.add(
            Arg::option(&["--display-name"])
                .metavar("<display_name>")
                .help("Set a user-friendly name for the namespace."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set the description of the namespace"),
        );
        add_visibility_and_protection(
            parser,
            "Metadef namespace is accessible to the public",
            "Metadef namespace is inaccessible to the public (default)",
        );
        parser.add(
            Arg::option(&["--tag"])
                .metavar("<tag>")
                .append()
                .default(ArgValue::List(Vec::new()))
                .dest("tags")
                .help("Set a tag on this metadef namespace (repeat option to set multiple tags)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = args.str("namespace").unwrap_or("");
        fail(
            Call::new("image", Method::Put, namespace_path(name))
                .body(Json::Object(namespace_attrs(args)))
                .send(ctx),
        )?;
        let tags = args.strings("tags");
        let mut failures = 0;
        for tag in &tags {
            let path = format!("{}/tags/{}", namespace_path(name), sdk::quote_path(tag));
            // `requests` sends an empty POST with `Content-Length: 0`, without which Glance answers 400.
            let call = Call::new("image", Method::Post, path).header("Content-Length", "0");
            if call.send(ctx).is_err() {
                log::error!("Tag set failed for tag {tag}");
                failures += 1;
            }
        }
        if failures > 0 {
            return Err(Error::command(format!(
                "Failed to set {failures} of {} tags.",
                tags.len()
            )));
        }
        Ok(Output::ok())
    }
}

/// `image metadef namespace show`.
pub struct ShowMetadefNamespace;

impl Command<ClientManager> for ShowMetadefNamespace {
    fn description(&self) -> &str {
        "Show a metadef namespace"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace>")
                .help("Metadef namespace to show (name)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = fail(get_namespace(ctx, args.str("namespace").unwrap_or("")))?;
        Ok(format_namespace(&namespace))
    }
}

/// `image metadef namespace unset`.
pub struct UnsetMetadefNamespace;

impl Command<ClientManager> for UnsetMetadefNamespace {
    fn description(&self) -> &str {
        "Unset metadef namespace tags"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace>")
                .help("Metadef namespace to modify (name)"),
        );
        let group = parser.add_mutex(None, true);
        parser.add_to_mutex(
            group,
            Arg::option(&["--tag"])
                .metavar("<tag>")
                .append()
                .default(ArgValue::List(Vec::new()))
                .dest("tags")
                .help(
                    "Unset a tag on this metadef namespace (repeat option to unset multiple tags)",
                ),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--all-tags"])
                .flag()
                .help("Unset all metadef tags"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = fail(get_namespace(ctx, args.str("namespace").unwrap_or("")))?;
        let name = sdk::str_of(&namespace, "namespace")
            .unwrap_or("")
            .to_owned();
        let tags = args.strings("tags");
        let mut failures = 0;
        if args.flag("all_tags") {
            let path = format!("{}/tags", namespace_path(&name));
            fail(Call::new("image", Method::Delete, path).send(ctx))?;
        } else {
            for tag in &tags {
                let path = format!("{}/tags/{}", namespace_path(&name), sdk::quote_path(tag));
                if Call::new("image", Method::Delete, path).send(ctx).is_err() {
                    log::error!("tag unset failed for tag {tag}");
                    failures += 1;
                }
            }
        }
        if failures > 0 {
            return Err(Error::command(format!(
                "Failed to unset {failures} of {} tags.",
                tags.len()
            )));
        }
        Ok(Output::ok())
    }
}
