//! `image metadef object create|delete|list|show|update` and `image metadef object property show` (OSC's
//! `metadef_objects.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::metadef_namespace::get_namespace;
use crate::common::fail;
use crate::resources::METADEF_OBJECT as OBJECT;
use openstack_sdk as sdk;
use openstack_sdk::{Call, Res};

fn objects_path(namespace: &str) -> String {
    OBJECT.path(&[("namespace_name", namespace)])
}

/// `get_metadef_object(object, namespace)`: `_get` without a value, so a miss reads "… found for None".
fn get_object(cm: &mut ClientManager, namespace: &str, name: &str) -> Res<Json> {
    let mut object = sdk::fetch(
        cm,
        &OBJECT,
        &objects_path(namespace),
        name,
        &[],
        Some("No MetadefObject found for None".to_owned()),
    )?;
    if let Json::Object(map) = &mut object {
        map.insert("namespace_name".to_owned(), Json::from(namespace));
    }
    Ok(object)
}

/// `_format_object`.
fn format_object(object: &Json) -> Output {
    let fields = [
        "created_at",
        "description",
        "name",
        "namespace_name",
        "properties",
        "required",
        "updated_at",
    ];
    Output::show(
        fields
            .iter()
            .map(|f| ((*f).to_owned(), sdk::attr(object, f)))
            .collect(),
    )
}

fn namespace_positional(help: &str) -> Arg {
    Arg::positional("namespace")
        .metavar("<namespace>")
        .help(help)
}

/// `image metadef object create`.
pub struct CreateMetadefObjects;

impl Command<ClientManager> for CreateMetadefObjects {
    fn description(&self) -> &str {
        "Create a metadef object"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--namespace"])
                .metavar("<namespace>")
                .help("Metadef namespace to create the object in (name)"),
        );
        parser.add(
            Arg::positional("name")
                .metavar("<metadef-object-name>")
                .help("New metadef object name"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = fail(get_namespace(ctx, args.str("namespace").unwrap_or("None")))?;
        let namespace = sdk::str_of(&namespace, "namespace")
            .unwrap_or("")
            .to_owned();
        let mut attrs = Map::new();
        attrs.insert(
            "name".to_owned(),
            Json::from(args.str("name").unwrap_or("")),
        );
        let mut object = fail(sdk::create(
            ctx,
            &OBJECT,
            Method::Post,
            &objects_path(&namespace),
            attrs,
        ))?;
        if let Json::Object(map) = &mut object {
            map.insert("namespace_name".to_owned(), Json::from(namespace));
        }
        Ok(format_object(&object))
    }
}

/// `image metadef object show`.
pub struct ShowMetadefObjects;

impl Command<ClientManager> for ShowMetadefObjects {
    fn description(&self) -> &str {
        "Show a particular metadef object"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(namespace_positional(
            "Metadef namespace of the object (name)",
        ));
        parser.add(
            Arg::positional("object")
                .metavar("<object>")
                .help("Metadef object to show"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let object = fail(get_object(
            ctx,
            args.str("namespace").unwrap_or(""),
            args.str("object").unwrap_or(""),
        ))?;
        Ok(format_object(&object))
    }
}

/// `image metadef object delete`.
pub struct DeleteMetadefObject;

impl Command<ClientManager> for DeleteMetadefObject {
    fn description(&self) -> &str {
        "Delete metadata definitions object(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(namespace_positional(
            "Metadef namespace of the object (name)",
        ));
        parser.add(
            Arg::positional("objects")
                .metavar("<object>")
                .nargs(Nargs::ZeroOrMore)
                .help(
                    "Metadef object(s) to delete (name) (omit this argument to delete all objects in the \
                     namespace)",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = args.str("namespace").unwrap_or("").to_owned();
        let objects = args.strings("objects");
        if objects.is_empty() {
            fail(
                Call::new("image", Method::Delete, objects_path(&namespace))
                    .send(ctx)
                    .map(|_| ()),
            )?;
            return Ok(Output::ok());
        }
        let mut failures = 0;
        for name in &objects {
            let result = get_object(ctx, &namespace, name).and_then(|object| {
                let id = sdk::str_of(&object, "name").unwrap_or(name).to_owned();
                sdk::delete(
                    ctx,
                    &OBJECT,
                    &sdk::item_path(&objects_path(&namespace), &id),
                    true,
                )
            });
            if let Err(err) = result {
                failures += 1;
                log::error!("Failed to delete object with name or ID '{name}': {err}");
            }
        }
        if failures > 0 {
            // OSC counts the characters of the namespace's name as the total.
            return Err(Error::command(format!(
                "{failures} of {} object failed to delete.",
                namespace.chars().count()
            )));
        }
        Ok(Output::ok())
    }
}

/// `image metadef object list`.
pub struct ListMetadefObjects;

impl Command<ClientManager> for ListMetadefObjects {
    fn description(&self) -> &str {
        "List metadef objects inside a specific namespace."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(namespace_positional("Namespace (name) for the namespace"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = args.str("namespace").unwrap_or("");
        let objects = fail(sdk::list(ctx, &OBJECT, &objects_path(namespace), &[], None))?;
        let rows = objects
            .iter()
            .map(|object| vec![sdk::attr(object, "name"), sdk::attr(object, "description")])
            .collect();
        Ok(Output::List {
            columns: vec!["name".to_owned(), "description".to_owned()],
            rows,
        })
    }
}

/// `image metadef object update`.
pub struct SetMetadefObject;

impl Command<ClientManager> for SetMetadefObject {
    fn description(&self) -> &str {
        "Update a metadef object"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(namespace_positional("Metadef namespace name"));
        parser.add(
            Arg::positional("object")
                .metavar("<object>")
                .help("Metadef object to be updated"),
        );
        parser.add(Arg::option(&["--name"]).help("New name of the object"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = args.str("namespace").unwrap_or("");
        let object = fail(get_object(ctx, namespace, args.str("object").unwrap_or("")))?;
        let id = sdk::str_of(&object, "name").unwrap_or("").to_owned();
        let name = args.str("name").filter(|n| !n.is_empty()).unwrap_or(&id);
        let mut body = Map::new();
        body.insert("name".to_owned(), Json::from(name));
        fail(
            Call::new(
                "image",
                Method::Put,
                sdk::item_path(&objects_path(namespace), &id),
            )
            .body(Json::Object(body))
            .send(ctx),
        )?;
        Ok(Output::ok())
    }
}

/// `image metadef object property show`.
pub struct ShowMetadefObjectProperty;

impl Command<ClientManager> for ShowMetadefObjectProperty {
    fn description(&self) -> &str {
        "Describe a specific metadata definitions property inside an object."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace")
                .metavar("<namespace_name>")
                .help("Namespace (name) for the namespace"),
        );
        parser.add(
            Arg::positional("object")
                .metavar("<object_name>")
                .help("Name of an object."),
        );
        parser.add(Arg::positional("property").help("Name of the property."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let object_name = args.str("object").unwrap_or("");
        let property = args.str("property").unwrap_or("");
        let object = fail(get_object(
            ctx,
            args.str("namespace").unwrap_or(""),
            object_name,
        ))?;
        let Some(Json::Object(prop)) = object.get("properties").and_then(|p| p.get(property))
        else {
            return Err(Error::command(format!(
                "Property {property} not found in object {object_name}."
            )));
        };
        let mut pairs: Vec<(String, Value)> = prop
            .iter()
            .filter(|(k, _)| *k != "name")
            .map(|(k, v)| (k.clone(), Value::from_json(v)))
            .collect();
        pairs.push(("name".to_owned(), Value::str(property)));
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::show(pairs))
    }
}
