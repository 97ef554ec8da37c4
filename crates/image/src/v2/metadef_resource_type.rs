//! `image metadef resource type list` and `image metadef resource type association create|delete|list`
//! (OSC's `metadef_resource_types.py` and `metadef_resource_type_association.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::metadef_namespace::{get_namespace, namespace_path};
use crate::common::fail;
use crate::resources::{METADEF_RESOURCE_TYPE, METADEF_RESOURCE_TYPE_ASSOCIATION as ASSOCIATION};
use openstack_sdk as sdk;
use openstack_sdk::{Call, Res};

fn associations_path(namespace: &str) -> String {
    ASSOCIATION.path(&[("namespace_name", namespace)])
}

/// `image metadef resource type list`.
pub struct ListMetadefResourceTypes;

impl Command<ClientManager> for ListMetadefResourceTypes {
    fn description(&self) -> &str {
        "List metadef resource types"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let types = fail(sdk::list(
            ctx,
            &METADEF_RESOURCE_TYPE,
            METADEF_RESOURCE_TYPE.base_path,
            &[],
            None,
        ))?;
        let rows = types.iter().map(|t| vec![sdk::attr(t, "name")]).collect();
        Ok(Output::List {
            columns: vec!["Name".to_owned()],
            rows,
        })
    }
}

/// `image metadef resource type association create`.
pub struct CreateMetadefResourceTypeAssociation;

impl Command<ClientManager> for CreateMetadefResourceTypeAssociation {
    fn description(&self) -> &str {
        "Create metadef resource type association"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("namespace").metavar("<namespace>").help(
                "The name of the namespace you want to create the resource type association in",
            ),
        );
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("A name of the new resource type"),
        );
        parser.add(
            Arg::option(&["--properties-target"])
                .metavar("<properties_target>")
                .help("Some resource types allow more than one key/value pair per instance."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = args.str("namespace").unwrap_or("");
        let mut attrs = Map::new();
        attrs.insert(
            "name".to_owned(),
            Json::from(args.str("name").unwrap_or("")),
        );
        if let Some(target) = args.str("properties_target").filter(|t| !t.is_empty()) {
            attrs.insert("properties_target".to_owned(), Json::from(target));
        }
        let association = fail(sdk::create(
            ctx,
            &ASSOCIATION,
            Method::Post,
            &associations_path(namespace),
            attrs,
        ))?;
        // `get_osc_show_columns_for_sdk_resource(to_dict())`: the declared attributes, sorted, `location` hidden.
        let mut pairs: Vec<(String, Value)> = [
            "created_at",
            "id",
            "name",
            "prefix",
            "properties_target",
            "updated_at",
        ]
        .iter()
        .map(|key| {
            let value = if *key == "id" {
                sdk::attr(&association, "name")
            } else {
                sdk::attr(&association, key)
            };
            ((*key).to_owned(), value)
        })
        .collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::show(pairs))
    }
}

/// `update_metadef_namespace(name, is_protected=...)`: Glance wants the whole namespace with a PUT.
fn set_protected(cm: &mut ClientManager, namespace: &str, protected: Option<bool>) -> Res<()> {
    let mut body = Map::new();
    body.insert("namespace".to_owned(), Json::from(namespace));
    if let Some(protected) = protected {
        body.insert("protected".to_owned(), Json::Bool(protected));
    }
    Call::new("image", Method::Put, namespace_path(namespace))
        .body(Json::Object(body))
        .send(cm)
        .map(|_| ())
}

/// `image metadef resource type association delete`.
pub struct DeleteMetadefResourceTypeAssociation;

impl Command<ClientManager> for DeleteMetadefResourceTypeAssociation {
    fn description(&self) -> &str {
        "Delete metadef resource type association"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("metadef_namespace")
                .metavar("<metadef_namespace>")
                .help("The name of the namespace whose details you want to see"),
        );
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .nargs(Nargs::OneOrMore)
                .help(
                    "The name of the resource type(s) (repeat option to deletemultiple metadef resource type \
                     associations)",
                ),
        );
        parser.add(
            Arg::option(&["--force"])
                .dest("force")
                .flag()
                .help("Force delete the resource type association if thenamespace is protected"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace_name = args.str("metadef_namespace").unwrap_or("").to_owned();
        let force = args.flag("force");
        let mut failures = 0;
        for resource_type in args.strings("name") {
            let result = (|| -> Res<()> {
                let namespace = get_namespace(ctx, &namespace_name)?;
                let name = sdk::str_of(&namespace, "namespace")
                    .unwrap_or("")
                    .to_owned();
                let protected = namespace.get("protected").is_some_and(sdk::truthy);
                let mut kwargs: Option<bool> = None;
                if protected && force {
                    kwargs = Some(false);
                    set_protected(ctx, &name, kwargs)?;
                }
                let path = sdk::item_path(&associations_path(&name), &resource_type);
                let deleted = sdk::delete(ctx, &ASSOCIATION, &path, false);
                if protected {
                    let _ = kwargs;
                    set_protected(ctx, &name, Some(true))?;
                }
                deleted
            })();
            if let Err(err) = result {
                failures += 1;
                log::error!(
                    "Failed to delete resource type with name or ID '{resource_type}': {err}"
                );
            }
        }
        if failures > 0 {
            // OSC counts the characters of the namespace's name as the total.
            return Err(Error::command(format!(
                "{failures} of {} resource type failed to delete.",
                namespace_name.chars().count()
            )));
        }
        Ok(Output::ok())
    }
}

/// `image metadef resource type association list`.
pub struct ListMetadefResourceTypeAssociations;

impl Command<ClientManager> for ListMetadefResourceTypeAssociations {
    fn description(&self) -> &str {
        "List metadef resource type associations"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("metadef_namespace")
                .metavar("<metadef_namespace>")
                .help("The name of the namespace whose details you want to see"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = args.str("metadef_namespace").unwrap_or("");
        let associations = fail(sdk::list(
            ctx,
            &ASSOCIATION,
            &associations_path(namespace),
            &[],
            None,
        ))?;
        let rows = associations
            .iter()
            .map(|a| vec![sdk::attr(a, "name")])
            .collect();
        Ok(Output::List {
            columns: vec!["Name".to_owned()],
            rows,
        })
    }
}
