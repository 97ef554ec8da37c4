//! `action definition list/show/create/delete/update/definition show` (mistralclient `commands/v2/actions.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use super::workflow::{as_list, tags};
use super::{definition_arg, namespace_arg, public_arg, scope};
use crate::api::{ensure_not_empty, segment, take_key, Mistral, Query};
use crate::input::read_file_argument;
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::shape::{self, cell, field, text_or_newline, Column};
use crate::text::cut;

/// `ActionFormatter.COLUMNS`.
const COLUMNS: &[Column] = &[
    ("id", "ID", false),
    ("name", "Name", false),
    ("is_system", "Is system", false),
    ("input", "Input", false),
    ("description", "Description", false),
    ("tags", "Tags", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

/// An action's cells; lists cut the Input and the Description.
fn row(action: &Json, lister: bool) -> Vec<Value> {
    let shorten = |name: &str| {
        let value = field(action, name);
        Value::from_json(&if lister { cut(value) } else { value.clone() })
    };
    vec![
        cell(action, "id"),
        cell(action, "name"),
        cell(action, "is_system"),
        shorten("input"),
        shorten("description"),
        tags(field(action, "tags")),
        cell(action, "created_at"),
        cell(action, "updated_at"),
    ]
}

fn list_of(actions: &[Json]) -> Output {
    let rows = actions.iter().map(|a| row(a, true)).collect();
    list_output(&shape::headings(COLUMNS), rows)
}

/// `/actions/<identifier>/<namespace>` (an empty namespace leaves a trailing slash, as mistralclient sends it).
fn action_path(identifier: &str, namespace: &str) -> String {
    format!("/actions/{}/{}", segment(identifier), segment(namespace))
}

/// `GET /actions/<identifier>/<namespace>`.
fn get(manager: &mut ClientManager, identifier: &str, namespace: &str) -> Result<Json> {
    ensure_not_empty("Action", "identifier", Some(identifier))?;
    Mistral::new(manager).get(&action_path(identifier, namespace), Vec::new())
}

/// `?scope=<scope>[&namespace=<namespace>]`.
fn scope_query(args: &Args, namespace: Option<&str>) -> Query {
    let mut query = vec![("scope".to_owned(), scope(args).to_owned())];
    if let Some(namespace) = namespace.filter(|n| !n.is_empty()) {
        query.push(("namespace".to_owned(), namespace.to_owned()));
    }
    query
}

/// `action definition list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all actions."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
        parser.add(namespace_arg("Namespace of the actions.", true));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let options = ListOptions::from_args(args, false)?;
        let filters = match opt(args, "namespace").filter(|n| !n.is_empty()) {
            Some(namespace) => options.filters_with(&[("namespace", &namespace)]),
            None => options.filters.clone(),
        };
        let query = options.query(Some(&shape::fields(COLUMNS)), &filters);
        let actions = Mistral::new(manager).list("/actions", query, "actions")?;
        Ok(list_of(&actions))
    }
}

/// `action definition show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific action."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("action").help("Action (name or ID)"));
        parser.add(namespace_arg(
            "Namespace to create the action within.",
            true,
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let action = get(
            manager,
            &opt_str(args, "action"),
            &opt_str(args, "namespace"),
        )?;
        Ok(shape::show(&shape::headings(COLUMNS), row(&action, false)))
    }
}

/// `action definition create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new action."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
        parser.add(definition_arg("Action definition file"));
        parser.add(public_arg(
            "With this flag action will be marked as \"public\".",
        ));
        parser.add(namespace_arg(
            "Namespace to create the action within.",
            true,
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        // The list options are accepted but unused: mistralclient checks no filter here either.
        let definition = read_file_argument(
            "action definition create",
            "definition",
            &opt_str(args, "definition"),
        )?;
        ensure_not_empty("Action", "definition", Some(&definition))?;
        let query = scope_query(args, opt(args, "namespace").as_deref());
        let created = Mistral::new(manager).post_text("/actions", query, &definition, 201)?;
        Ok(list_of(&as_list(take_key(created, "actions")?)))
    }
}

/// `action definition delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete action."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("action")
                .nargs(Nargs::OneOrMore)
                .help("Name or ID of action(s)."),
        );
        parser.add(namespace_arg("Namespace of the action(s).", true));
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = opt_str(args, "namespace");
        shape::on_many(
            manager,
            args,
            &args.strings("action"),
            |manager, identifier| {
                ensure_not_empty("Action", "identifier", Some(identifier))?;
                Mistral::new(manager).delete(&action_path(identifier, &namespace), Vec::new())
            },
            |identifier| format!("Request to delete action {identifier} has been accepted."),
            "Unable to delete the specified action(s).",
        )
    }
}

/// `action definition update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update action."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
        parser.add(definition_arg("Action definition file"));
        parser.add(Arg::option(&["--id"]).help("Action ID."));
        parser.add(public_arg(
            "With this flag action will be marked as \"public\".",
        ));
        parser.add(namespace_arg("Namespace of the action.", true));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        // The list options are accepted but unused: mistralclient checks no filter here either.
        let definition = read_file_argument(
            "action definition update",
            "definition",
            &opt_str(args, "definition"),
        )?;
        ensure_not_empty("Action", "definition", Some(&definition))?;
        let path = match opt(args, "id").filter(|id| !id.is_empty()) {
            Some(id) => format!("/actions/{}", segment(&id)),
            None => "/actions".to_owned(),
        };
        // mistralclient's update command does not pass --namespace on.
        let query = scope_query(args, None);
        let updated = Mistral::new(manager).put_text(&path, query, &definition)?;
        Ok(list_of(&as_list(take_key(updated, "actions")?)))
    }
}

/// `action definition definition show`.
pub struct DefinitionShow;

impl Command<ClientManager> for DefinitionShow {
    fn description(&self) -> &str {
        "Show action definition."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("name").help("Action name"));
        parser.add(namespace_arg("Namespace of the action.", true));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let action = get(manager, &opt_str(args, "name"), &opt_str(args, "namespace"))?;
        text_or_newline(field(&action, "definition"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, list_defaults, run};

    #[test]
    fn show_std_echo() {
        let body = r#"{"id": "std.echo", "name": "std.echo", "is_system": false, "input": "output, delay=0",
            "description": "Echo action.", "tags": null, "created_at": "", "updated_at": ""}"#;
        let (output, sent) = run(
            &Show,
            &args(&[("action", "std.echo".into()), ("namespace", "".into())]),
            &[(200, body)],
        );
        assert_eq!(lines(&sent), vec!["GET /actions/std.echo/"]);
        assert_eq!(
            output.unwrap(),
            shape::show(
                &shape::headings(COLUMNS),
                vec![
                    Value::str("std.echo"),
                    Value::str("std.echo"),
                    Value::Bool(false),
                    Value::str("output, delay=0"),
                    Value::str("Echo action."),
                    Value::str("<none>"),
                    Value::str(""),
                    Value::str(""),
                ]
            )
        );
    }

    #[test]
    fn list_cuts_and_filters_namespace() {
        let body = r#"{"actions": [{"id": "1", "name": "std.echo", "is_system": true,
            "input": "output, delay=0", "description": "Echo action.\n\nThis action just returns a value.",
            "tags": [], "created_at": "2026-11-25 08:38:58"}]}"#;
        let mut pairs = list_defaults(false);
        pairs.push(("namespace", "ns1".into()));
        let (output, sent) = run(&List, &args(&pairs), &[(200, body)]);
        assert_eq!(
            lines(&sent),
            vec![
                "GET /actions?sort_keys=created_at&sort_dirs=asc&fields=id,name,is_system,input,description,\
                 tags,created_at,updated_at&namespace=ns1"
            ]
        );
        let Output::List { rows, .. } = output.unwrap() else {
            panic!("not a list");
        };
        assert_eq!(rows[0][4], Value::str("Echo action.\n\nThis action..."));
    }

    #[test]
    fn delete_in_namespace() {
        let (_, sent) = run(
            &Delete,
            &args(&[
                ("action", crate::testing::list(&["mtest.a"])),
                ("namespace", "".into()),
            ]),
            &[(204, "")],
        );
        assert_eq!(lines(&sent), vec!["DELETE /actions/mtest.a/"]);
    }
}
