//! `workflow list/show/create/delete/update/definition show/validate` (mistralclient `commands/v2/workflows.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use super::{definition_arg, namespace_arg, public_arg, scope};
use crate::api::{ensure_not_empty, segment, Mistral};
use crate::input::read_file_argument;
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::shape::{self, cell, field, text_or_newline, Column};
use crate::text::{cut, py_str, wrap};

/// `WorkflowFormatter.COLUMNS`.
const COLUMNS: &[Column] = &[
    ("id", "ID", false),
    ("name", "Name", false),
    ("namespace", "Namespace", false),
    ("project_id", "Project ID", false),
    ("tags", "Tags", false),
    ("input", "Input", false),
    ("scope", "Scope", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

/// A workflow's cells; lists cut the Input.
fn row(workflow: &Json, lister: bool) -> Vec<Value> {
    let input = field(workflow, "input");
    vec![
        cell(workflow, "id"),
        cell(workflow, "name"),
        cell(workflow, "namespace"),
        cell(workflow, "project_id"),
        tags(field(workflow, "tags")),
        Value::from_json(&if lister { cut(input) } else { input.clone() }),
        cell(workflow, "scope"),
        cell(workflow, "created_at"),
        cell(workflow, "updated_at"),
    ]
}

/// `base.wrap(', '.join(tags)) or '<none>'`.
pub(crate) fn tags(tags: &Json) -> Value {
    let joined = match tags {
        Json::Array(items) => items.iter().map(py_str).collect::<Vec<_>>().join(", "),
        Json::String(s) => s.chars().map(String::from).collect::<Vec<_>>().join(", "),
        _ => String::new(),
    };
    let wrapped = wrap(&joined);
    if wrapped.is_empty() {
        Value::str("<none>")
    } else {
        Value::str(wrapped)
    }
}

fn list_of(workflows: &[Json]) -> Output {
    let rows = workflows.iter().map(|w| row(w, true)).collect();
    list_output(&shape::headings(COLUMNS), rows)
}

/// `workflow list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all workflows."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let options = ListOptions::from_args(args, false)?;
        let query = options.query(Some(&shape::fields(COLUMNS)), &options.filters);
        let workflows = Mistral::new(manager).list("/workflows", query, "workflows")?;
        Ok(list_of(&workflows))
    }
}

/// `GET /workflows/<identifier>?namespace=<namespace>`.
fn get(manager: &mut ClientManager, identifier: &str, namespace: String) -> Result<Json> {
    ensure_not_empty("Workflow", "identifier", Some(identifier))?;
    Mistral::new(manager).get(
        &format!("/workflows/{}", segment(identifier)),
        vec![("namespace".to_owned(), namespace)],
    )
}

/// `workflow show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific workflow."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("workflow").help("Workflow ID or name."));
        parser.add(namespace_arg("Namespace to get the workflow from.", true));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let workflow = get(
            manager,
            &opt_str(args, "workflow"),
            opt_str(args, "namespace"),
        )?;
        Ok(shape::show(
            &shape::headings(COLUMNS),
            row(&workflow, false),
        ))
    }
}

/// `workflow create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new workflow."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
        parser.add(definition_arg("Workflow definition file."));
        parser.add(namespace_arg(
            "Namespace to create the workflow within.",
            true,
        ));
        parser.add(public_arg(
            "With this flag workflow will be marked as \"public\".",
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        // The list options are accepted but unused: mistralclient checks no filter here either.
        let definition = read_file_argument(
            "workflow create",
            "definition",
            &opt_str(args, "definition"),
        )?;
        ensure_not_empty("Workflow", "definition", Some(&definition))?;
        let query = vec![
            ("scope".to_owned(), scope(args).to_owned()),
            ("namespace".to_owned(), opt_str(args, "namespace")),
        ];
        let created = Mistral::new(manager).post_text("/workflows", query, &definition, 201)?;
        let workflows = crate::api::take_key(created, "workflows")?;
        Ok(list_of(&as_list(workflows)))
    }
}

/// A response that is a list of resources, or one resource.
pub(crate) fn as_list(value: Json) -> Vec<Json> {
    match value {
        Json::Array(items) => items,
        other => vec![other],
    }
}

/// `workflow delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete workflow."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("workflow")
                .nargs(Nargs::OneOrMore)
                .help("Name or ID of workflow(s)."),
        );
        parser.add(namespace_arg(
            "Namespace to delete the workflow from.",
            false,
        ));
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = opt(args, "namespace").filter(|n| !n.is_empty());
        shape::on_many(
            manager,
            args,
            &args.strings("workflow"),
            |manager, identifier| {
                ensure_not_empty("Workflow", "identifier", Some(identifier))?;
                let query = match &namespace {
                    Some(namespace) => vec![("namespace".to_owned(), namespace.clone())],
                    None => Vec::new(),
                };
                Mistral::new(manager).delete(&format!("/workflows/{}", segment(identifier)), query)
            },
            |identifier| format!("Request to delete workflow {identifier} has been accepted."),
            "Unable to delete the specified workflow(s).",
        )
    }
}

/// `workflow update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update workflow."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
        parser.add(definition_arg("Workflow definition"));
        parser.add(Arg::option(&["--id"]).help("Workflow ID."));
        parser.add(namespace_arg("Namespace of the workflow.", true));
        parser.add(public_arg(
            "With this flag workflow will be marked as \"public\".",
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        // The list options are accepted but unused: mistralclient checks no filter here either.
        let definition = read_file_argument(
            "workflow update",
            "definition",
            &opt_str(args, "definition"),
        )?;
        ensure_not_empty("Workflow", "definition", Some(&definition))?;
        let id = opt(args, "id").filter(|id| !id.is_empty());
        let path = match &id {
            Some(id) => format!("/workflows/{}", segment(id)),
            None => "/workflows".to_owned(),
        };
        let query = vec![
            ("namespace".to_owned(), opt_str(args, "namespace")),
            ("scope".to_owned(), scope(args).to_owned()),
        ];
        let updated = Mistral::new(manager).put_text(&path, query, &definition)?;
        let workflows = match id {
            Some(_) => updated,
            None => crate::api::take_key(updated, "workflows")?,
        };
        Ok(list_of(&as_list(workflows)))
    }
}

/// `workflow definition show`.
pub struct DefinitionShow;

impl Command<ClientManager> for DefinitionShow {
    fn description(&self) -> &str {
        "Show workflow definition."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("identifier").help("Workflow ID or name."));
        parser.add(namespace_arg("Namespace to get the workflow from.", true));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let workflow = get(
            manager,
            &opt_str(args, "identifier"),
            opt_str(args, "namespace"),
        )?;
        text_or_newline(field(&workflow, "definition"))
    }
}

/// `workflow validate`.
pub struct Validate;

impl Command<ClientManager> for Validate {
    fn description(&self) -> &str {
        "Validate workflow."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(definition_arg("Workflow definition file"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let definition = read_file_argument(
            "workflow validate",
            "definition",
            &opt_str(args, "definition"),
        )?;
        validate(manager, "Workflow", "/workflows/validate", &definition)
    }
}

/// `POST .../validate` with a definition: the `Valid` and `Error` fields.
pub(crate) fn validate(
    manager: &mut ClientManager,
    resource: &str,
    path: &str,
    definition: &str,
) -> Result<Output> {
    ensure_not_empty(resource, "definition", Some(definition))?;
    let result = Mistral::new(manager).post_text(path, Vec::new(), definition, 200)?;
    Ok(shape::show(
        &["Valid", "Error"],
        vec![cell(&result, "valid"), cell(&result, "error")],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, list, list_defaults, run};
    use cliff::ArgValue;

    const WORKFLOW: &str = r#"{"id": "ea7fa7de-a4d1-4d62-afd0-fdef47f597b8", "name": "sample_wf", "namespace": "",
        "project_id": "ed3599bcea0747fd9ce06613f9ca6e22", "tags": [], "input": "name=\"World\"",
        "definition": "---\nversion: '2.0'\n", "scope": "private", "created_at": "2026-11-25 08:43:37"}"#;

    #[test]
    fn list_asks_for_the_columns() {
        let body = format!(r#"{{"workflows": [{WORKFLOW}]}}"#);
        let (output, sent) = run(&List, &args(&list_defaults(false)), &[(200, &body)]);
        assert_eq!(
            lines(&sent),
            vec![
                "GET /workflows?sort_keys=created_at&sort_dirs=asc&fields=id,name,namespace,project_id,tags,\
                 input,scope,created_at,updated_at"
            ]
        );
        let Output::List { columns, rows } = output.unwrap() else {
            panic!("not a list");
        };
        assert_eq!(columns.len(), 9);
        assert_eq!(
            rows,
            vec![vec![
                Value::str("ea7fa7de-a4d1-4d62-afd0-fdef47f597b8"),
                Value::str("sample_wf"),
                Value::str(""),
                Value::str("ed3599bcea0747fd9ce06613f9ca6e22"),
                Value::str("<none>"),
                Value::str("name=\"World\""),
                Value::str("private"),
                Value::str("2026-11-25 08:43:37"),
                Value::Null,
            ]]
        );
    }

    #[test]
    fn show_unknown_prints_mistral_message() {
        let (output, sent) = run(
            &Show,
            &args(&[("workflow", "no_such_wf".into()), ("namespace", "".into())]),
            &[(
                404,
                r#"{"faultstring": "Workflow not found [workflow_identifier=no_such_wf, namespace=]"}"#,
            )],
        );
        assert_eq!(lines(&sent), vec!["GET /workflows/no_such_wf?namespace="]);
        assert_eq!(
            output.unwrap_err().message,
            "Workflow not found [workflow_identifier=no_such_wf, namespace=]"
        );
    }

    #[test]
    fn definition_show_is_raw() {
        let (output, _) = run(
            &DefinitionShow,
            &args(&[
                ("identifier", "sample_wf".into()),
                ("namespace", ArgValue::Null),
            ]),
            &[(200, WORKFLOW)],
        );
        assert_eq!(
            output.unwrap(),
            Output::Text {
                text: "---\nversion: '2.0'\n".to_owned()
            }
        );
    }

    #[test]
    fn create_posts_the_definition() {
        let path = std::env::temp_dir().join(format!("mtest-wf-{}.yaml", std::process::id()));
        std::fs::write(&path, "---\nversion: '2.0'\n").unwrap();
        let body = format!(r#"{{"workflows": [{WORKFLOW}]}}"#);
        let mut pairs = list_defaults(false);
        pairs.push(("definition", path.to_str().unwrap().into()));
        pairs.push(("namespace", "".into()));
        pairs.push(("public", true.into()));
        // mistralclient never reads the filters of `create`, so a malformed one is no error.
        pairs.push(("filters", list(&["malformed"])));
        let (output, sent) = run(&Create, &args(&pairs), &[(201, &body)]);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            lines(&sent),
            vec!["POST /workflows?scope=public&namespace="]
        );
        assert_eq!(
            sent[0].raw,
            Some(("text/plain".to_owned(), "---\nversion: '2.0'\n".to_owned()))
        );
        assert!(matches!(output.unwrap(), Output::List { rows, .. } if rows.len() == 1));
    }

    #[test]
    fn delete_reports_each() {
        let (output, sent) = run(
            &Delete,
            &args(&[
                ("workflow", list(&["a", "b"])),
                ("namespace", ArgValue::Null),
            ]),
            &[
                (204, ""),
                (
                    404,
                    r#"{"faultstring": "Workflow not found [workflow_identifier=b]"}"#,
                ),
            ],
        );
        assert_eq!(
            lines(&sent),
            vec!["DELETE /workflows/a", "DELETE /workflows/b"]
        );
        assert_eq!(
            output.unwrap(),
            Output::Failed {
                output: Box::new(Output::Text {
                    text: "Request to delete workflow a has been accepted.\n\
                           Workflow not found [workflow_identifier=b]\n"
                        .to_owned()
                }),
                message: "Unable to delete the specified workflow(s).".to_owned(),
            }
        );
    }

    #[test]
    fn tags_are_wrapped() {
        assert_eq!(
            tags(&serde_json::json!([
                "mtest",
                "a-very-long-tag-name-here",
                "another"
            ])),
            Value::str("mtest, a-very-long-tag-\nname-here, another")
        );
        assert_eq!(tags(&Json::Null), Value::str("<none>"));
    }
}
