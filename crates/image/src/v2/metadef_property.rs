//! `image metadef property create|delete|list|set|show` (OSC's `metadef_properties.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::fail;
use crate::resources::METADEF_PROPERTY as PROPERTY;
use openstack_sdk as sdk;
use openstack_sdk::{Call, Res};

fn properties_path(namespace: &str) -> String {
    PROPERTY.path(&[("namespace_name", namespace)])
}

/// `_format_property`: the keys of `to_dict(original_names=True)` it asks for that a body can have (the others,
/// `is_readonly`, `min_length`... are attribute names and never match), typed as openstacksdk types them.
fn format_property(prop: &Json) -> Vec<(String, Json)> {
    let mut info = Vec::new();
    for key in [
        "name",
        "type",
        "title",
        "description",
        "operators",
        "default",
        "minimum",
        "maximum",
        "enum",
        "pattern",
        "items",
    ] {
        let Some(value) = prop.get(key).filter(|v| !v.is_null()) else {
            continue;
        };
        let value = match key {
            "operators" | "enum" => match value {
                Json::Array(_) => value.clone(),
                other => Json::Array(vec![other.clone()]),
            },
            "minimum" | "maximum" => crate::attrs::convert(value, crate::attrs::Conv::Int),
            "items" => crate::attrs::convert(value, crate::attrs::Conv::Dict),
            _ => value.clone(),
        };
        info.push((key.to_owned(), value));
    }
    info
}

fn show(info: Vec<(String, Json)>) -> Output {
    let mut pairs: Vec<(String, Value)> = info
        .into_iter()
        .map(|(k, v)| (k, Value::from_json(&v)))
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(pairs)
}

/// `get_metadef_property(property, namespace)`.
fn get_property(cm: &mut ClientManager, namespace: &str, name: &str) -> Res<Json> {
    let mut prop = sdk::get(cm, &PROPERTY, &properties_path(namespace), name)?;
    if let Json::Object(map) = &mut prop {
        map.entry("name").or_insert_with(|| Json::from(name));
    }
    Ok(prop)
}

/// `json.loads(schema)`, merged into the attributes.
fn merge_schema(attrs: &mut Vec<(String, Json)>, schema: &str) -> Result<()> {
    let parsed: Json = serde_json::from_str(schema).map_err(|err| {
        Error::command(format!(
            "Failed to load JSON schema: {}",
            identity::common::python_json_error(schema, &err)
        ))
    })?;
    if let Json::Object(map) = parsed {
        for (key, value) in map {
            match attrs.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = value,
                None => attrs.push((key, value)),
            }
        }
    }
    Ok(())
}

/// `image metadef property create`.
pub struct CreateMetadefProperty;

impl Command<ClientManager> for CreateMetadefProperty {
    fn description(&self) -> &str {
        "Create a metadef property"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .required()
                .help("Internal name of the property"),
        );
        parser.add(
            Arg::option(&["--title"])
                .required()
                .help("Property name displayed to the user"),
        );
        parser.add(Arg::option(&["--type"]).required().help("Property type"));
        parser.add(
            Arg::option(&["--schema"])
                .required()
                .help("Valid JSON schema of the property"),
        );
        parser
            .add(Arg::positional("namespace").help("Name of namespace the property will belong."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs: Vec<(String, Json)> = ["name", "title", "type"]
            .iter()
            .map(|k| ((*k).to_owned(), Json::from(args.str(k).unwrap_or(""))))
            .collect();
        merge_schema(&mut attrs, args.str("schema").unwrap_or(""))?;
        let namespace = args.str("namespace").unwrap_or("");
        let body: Map<String, Json> = attrs.into_iter().collect();
        let prop = fail(sdk::create(
            ctx,
            &PROPERTY,
            Method::Post,
            &properties_path(namespace),
            body,
        ))?;
        Ok(show(format_property(&prop)))
    }
}

/// `image metadef property delete`.
pub struct DeleteMetadefProperty;

impl Command<ClientManager> for DeleteMetadefProperty {
    fn description(&self) -> &str {
        "Delete metadef propert(ies)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace>")
                .help("Metadef namespace of the property (name)"),
        );
        parser.add(
            Arg::positional("properties")
                .metavar("<property>")
                .nargs(Nargs::ZeroOrMore)
                .help(
                    "Metadef properties to delete (name) (omit this argument to delete all properties in the \
                     namespace)",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = args.str("namespace").unwrap_or("").to_owned();
        let properties = args.strings("properties");
        if properties.is_empty() {
            fail(
                Call::new("image", Method::Delete, properties_path(&namespace))
                    .send(ctx)
                    .map(|_| ()),
            )?;
            return Ok(Output::ok());
        }
        let mut failures = 0;
        for prop in &properties {
            let path = sdk::item_path(&properties_path(&namespace), prop);
            if let Err(err) = sdk::delete(ctx, &PROPERTY, &path, false) {
                failures += 1;
                log::error!(
                    "Failed to delete property with name or ID '{prop}' from namespace '{namespace}': {err}"
                );
            }
        }
        if failures > 0 {
            // OSC counts the characters of the namespace's name as the total.
            return Err(Error::command(format!(
                "{failures} of {} properties failed to delete.",
                namespace.chars().count()
            )));
        }
        Ok(Output::ok())
    }
}

/// `image metadef property list`.
pub struct ListMetadefProperties;

impl Command<ClientManager> for ListMetadefProperties {
    fn description(&self) -> &str {
        "List metadef properties"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace>")
                .help("An identifier (a name) for the namespace"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = args.str("namespace").unwrap_or("");
        // Glance answers one unpaginated dict of properties by name.
        let data = fail(
            Call::new("image", Method::Get, properties_path(namespace))
                .header("Accept", "application/json")
                .json(ctx),
        )?;
        let rows = data
            .get("properties")
            .and_then(Json::as_object)
            .into_iter()
            .flatten()
            .map(|(name, prop)| {
                vec![
                    Value::str(name),
                    sdk::attr(prop, "title"),
                    sdk::attr(prop, "type"),
                ]
            })
            .collect();
        Ok(Output::List {
            columns: vec!["name".into(), "title".into(), "type".into()],
            rows,
        })
    }
}

/// `image metadef property set`.
pub struct SetMetadefProperty;

impl Command<ClientManager> for SetMetadefProperty {
    fn description(&self) -> &str {
        "Update metadef namespace property"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--name"]).help("Internal name of the property"));
        parser.add(Arg::option(&["--title"]).help("Property name displayed to the user"));
        parser.add(Arg::option(&["--type"]).help("Property type"));
        parser.add(Arg::option(&["--schema"]).help("Valid JSON schema of the property"));
        parser.add(
            Arg::positional("namespace")
                .help("Namespace of the namespace to which the property belongs"),
        );
        parser.add(Arg::positional("property").help("Property to update"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = args.str("namespace").unwrap_or("");
        let name = args.str("property").unwrap_or("");
        let prop = fail(get_property(ctx, namespace, name))?;
        let mut attrs = format_property(&prop);
        for key in ["name", "title", "type"] {
            if let Some(value) = args.str(key) {
                match attrs.iter_mut().find(|(k, _)| k == key) {
                    Some(entry) => entry.1 = Json::from(value),
                    None => attrs.push((key.to_owned(), Json::from(value))),
                }
            }
        }
        if let Some(schema) = args.str("schema").filter(|s| !s.is_empty()) {
            merge_schema(&mut attrs, schema)?;
        }
        let body: Map<String, Json> = attrs.into_iter().collect();
        fail(
            Call::new(
                "image",
                Method::Put,
                sdk::item_path(&properties_path(namespace), name),
            )
            .body(Json::Object(body))
            .send(ctx),
        )?;
        Ok(Output::ok())
    }
}

/// `image metadef property show`.
pub struct ShowMetadefProperty;

impl Command<ClientManager> for ShowMetadefProperty {
    fn description(&self) -> &str {
        "Show a particular metadef property"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace>")
                .help("Metadef namespace of the property (name)"),
        );
        parser.add(
            Arg::positional("property")
                .metavar("<property>")
                .help("Property to show"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let prop = fail(get_property(
            ctx,
            args.str("namespace").unwrap_or(""),
            args.str("property").unwrap_or(""),
        ))?;
        Ok(show(format_property(&prop)))
    }
}
