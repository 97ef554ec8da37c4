//! `dynamic action list/show/create/delete/update` (mistralclient `commands/v2/dynamic_actions.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use super::{namespace_arg, public_arg, scope};
use crate::api::{ensure_not_empty, segment, Mistral};
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::shape::{self, cell, Column};
use crate::text::is_uuid_like;

/// `DynamicActionFormatter.COLUMNS`.
const COLUMNS: &[Column] = &[
    ("id", "ID", false),
    ("name", "Name", false),
    ("class_name", "Class", false),
    ("code_source_id", "Code source ID", false),
    ("code_source_name", "Code source name", false),
    ("project_id", "Project ID", false),
    ("scope", "Scope", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

fn row(action: &Json) -> Vec<Value> {
    COLUMNS
        .iter()
        .map(|(field, _, _)| cell(action, field))
        .collect()
}

fn show(action: &Json) -> Output {
    shape::show(&shape::headings(COLUMNS), row(action))
}

/// `dynamic_actions/<identifier>` with `?namespace=<namespace>`.
fn action_path(identifier: &str) -> String {
    format!("/dynamic_actions/{}", segment(identifier))
}

/// The namespace as sent in a body: `None` (given without a value) becomes `null`.
fn namespace_value(args: &Args) -> Json {
    opt(args, "namespace").map_or(Json::Null, Json::String)
}

/// `code_source_id` for a uuid, else `code_source_name`.
fn insert_code_source(body: &mut Map<String, Json>, code_source: &str) {
    let key = if is_uuid_like(code_source) {
        "code_source_id"
    } else {
        "code_source_name"
    };
    body.insert(key.to_owned(), Json::from(code_source));
}

/// `dynamic action list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all dynamic actions."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
        parser.add(namespace_arg("Namespace of dynamic actions.", true));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let options = ListOptions::from_args(args, false)?;
        let filters = match opt(args, "namespace").filter(|n| !n.is_empty()) {
            Some(namespace) => options.filters_with(&[("namespace", &namespace)]),
            None => options.filters.clone(),
        };
        let query = options.query(Some(&shape::fields(COLUMNS)), &filters);
        let actions = Mistral::new(manager).list("/dynamic_actions", query, "dynamic_actions")?;
        let rows = actions.iter().map(row).collect();
        Ok(list_output(&shape::headings(COLUMNS), rows))
    }
}

/// `dynamic action show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific dynamic action."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("identifier").help("Dynamic action identifier (name or ID)"));
        parser.add(namespace_arg(
            "Namespace to create the dynamic action within.",
            true,
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let identifier = opt_str(args, "identifier");
        ensure_not_empty("DynamicAction", "identifier", Some(&identifier))?;
        let action = Mistral::new(manager).get(
            &action_path(&identifier),
            vec![("namespace".to_owned(), opt_str(args, "namespace"))],
        )?;
        Ok(show(&action))
    }
}

/// `dynamic action create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new action."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("name").help("Dynamic action name"));
        parser.add(Arg::positional("class_name").help("Dynamic action class name"));
        parser.add(Arg::positional("code_source").help("Code source ID or name"));
        parser.add(public_arg(
            "With this flag an action will be marked as \"public\".",
        ));
        parser.add(namespace_arg(
            "Namespace to create the action within.",
            true,
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = opt(args, "name");
        let class_name = opt(args, "class_name");
        let code_source = opt(args, "code_source");
        ensure_not_empty("DynamicAction", "name", name.as_deref())?;
        ensure_not_empty("DynamicAction", "class_name", class_name.as_deref())?;
        ensure_not_empty("DynamicAction", "code_source", code_source.as_deref())?;
        let mut body = Map::new();
        body.insert("name".to_owned(), Json::from(name.unwrap_or_default()));
        body.insert(
            "class_name".to_owned(),
            Json::from(class_name.unwrap_or_default()),
        );
        body.insert("scope".to_owned(), Json::from(scope(args)));
        body.insert("namespace".to_owned(), namespace_value(args));
        insert_code_source(&mut body, &code_source.unwrap_or_default());
        let action = Mistral::new(manager).create("/dynamic_actions", Json::Object(body))?;
        Ok(show(&action))
    }
}

/// `dynamic action delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete action."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("identifier")
                .nargs(Nargs::OneOrMore)
                .help("Dynamic action name or ID (can be repeated multiple times)."),
        );
        parser.add(namespace_arg("Namespace of the dynamic action(s).", true));
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = opt_str(args, "namespace");
        shape::on_many(
            manager,
            args,
            &args.strings("identifier"),
            |manager, identifier| {
                ensure_not_empty("DynamicAction", "identifier", Some(identifier))?;
                Mistral::new(manager).delete(
                    &action_path(identifier),
                    vec![("namespace".to_owned(), namespace.clone())],
                )
            },
            |identifier| {
                format!("Request to delete dynamic action(s) {identifier} has been accepted.")
            },
            "Unable to delete the specified dynamic action(s).",
        )
    }
}

/// `dynamic action update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update dynamic action."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("identifier").help("Dynamic action identifier (ID or name)"));
        parser.add(
            Arg::option(&["--class-name"])
                .dest("class_name")
                .nargs(Nargs::Optional)
                .help("Dynamic action class name."),
        );
        parser.add(
            Arg::option(&["--code-source"])
                .dest("code_source")
                .nargs(Nargs::Optional)
                .help("Code source identifier (ID or name)."),
        );
        parser.add(public_arg(
            "With this flag action will be marked as \"public\".",
        ));
        parser.add(namespace_arg("Namespace of the action.", true));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let identifier = opt(args, "identifier");
        ensure_not_empty("DynamicAction", "identifier", identifier.as_deref())?;
        let identifier = identifier.unwrap_or_default();
        let mut body = Map::new();
        body.insert("scope".to_owned(), Json::from(scope(args)));
        body.insert("namespace".to_owned(), namespace_value(args));
        let key = if is_uuid_like(&identifier) {
            "id"
        } else {
            "name"
        };
        body.insert(key.to_owned(), Json::String(identifier));
        if let Some(class_name) = opt(args, "class_name").filter(|c| !c.is_empty()) {
            body.insert("class_name".to_owned(), Json::String(class_name));
        }
        if let Some(code_source) = opt(args, "code_source").filter(|c| !c.is_empty()) {
            insert_code_source(&mut body, &code_source);
        }
        let action = Mistral::new(manager).update("/dynamic_actions", Json::Object(body))?;
        Ok(show(&action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, run};
    use serde_json::json;

    #[test]
    fn create_and_update_bodies() {
        let (_, sent) = run(
            &Create,
            &args(&[
                ("name", "mtest-dyn".into()),
                ("class_name", "MyAction".into()),
                ("code_source", "mtest-code".into()),
                ("namespace", "".into()),
            ]),
            &[(201, "{}")],
        );
        assert_eq!(lines(&sent), vec!["POST /dynamic_actions"]);
        assert_eq!(
            sent[0].json,
            Some(
                json!({"name": "mtest-dyn", "class_name": "MyAction", "scope": "private", "namespace": "",
                        "code_source_name": "mtest-code"})
            )
        );
        let (_, sent) = run(
            &Update,
            &args(&[
                ("identifier", "mtest-dyn".into()),
                ("code_source", "ea7fa7de-a4d1-4d62-afd0-fdef47f597b8".into()),
                ("public", true.into()),
                ("namespace", "".into()),
            ]),
            &[(200, "{}")],
        );
        assert_eq!(lines(&sent), vec!["PUT /dynamic_actions"]);
        assert_eq!(
            sent[0].json,
            Some(
                json!({"scope": "public", "namespace": "", "name": "mtest-dyn",
                        "code_source_id": "ea7fa7de-a4d1-4d62-afd0-fdef47f597b8"})
            )
        );
    }
}
