//! `workbook list/show/create/delete/update/definition show/validate` (mistralclient `commands/v2/workbooks.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use super::workflow::{tags, validate};
use super::{definition_arg, namespace_arg, public_arg, scope};
use crate::api::{ensure_not_empty, segment, Mistral, Query};
use crate::input::read_file_argument;
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::shape::{self, cell, field, text_or_newline, Column};

/// `WorkbookFormatter.COLUMNS`.
const COLUMNS: &[Column] = &[
    ("name", "Name", false),
    ("namespace", "Namespace", false),
    ("tags", "Tags", false),
    ("scope", "Scope", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

fn row(workbook: &Json) -> Vec<Value> {
    vec![
        cell(workbook, "name"),
        cell(workbook, "namespace"),
        tags(field(workbook, "tags")),
        cell(workbook, "scope"),
        cell(workbook, "created_at"),
        cell(workbook, "updated_at"),
    ]
}

fn show(workbook: &Json) -> Output {
    shape::show(&shape::headings(COLUMNS), row(workbook))
}

/// `_get_workbooks_url`: `/workbooks[/<name>]` with `scope` and `namespace` when they are set.
fn url(name: Option<&str>, namespace: Option<&str>, scope: Option<&str>) -> (String, Query) {
    let path = match name {
        Some(name) => format!("/workbooks/{}", segment(name)),
        None => "/workbooks".to_owned(),
    };
    let mut query = Query::new();
    if let Some(scope) = scope.filter(|s| !s.is_empty()) {
        query.push(("scope".to_owned(), scope.to_owned()));
    }
    if let Some(namespace) = namespace.filter(|n| !n.is_empty()) {
        query.push(("namespace".to_owned(), namespace.to_owned()));
    }
    (path, query)
}

/// `workbook list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all workbooks."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, false);
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let options = ListOptions::from_args(args, false)?;
        // mistralclient's workbook manager drops the fields it is given.
        let query = options.query(None, &options.filters);
        let workbooks = Mistral::new(manager).list("/workbooks", query, "workbooks")?;
        let rows = workbooks.iter().map(row).collect();
        Ok(list_output(&shape::headings(COLUMNS), rows))
    }
}

/// `workbook show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific workbook."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("workbook").help("Workbook name"));
        parser.add(namespace_arg("Namespace to get the workbook from.", true));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = opt_str(args, "workbook");
        ensure_not_empty("Workbook", "name", Some(&name))?;
        let (path, query) = url(Some(&name), opt(args, "namespace").as_deref(), None);
        let workbook = Mistral::new(manager).get(&path, query)?;
        Ok(show(&workbook))
    }
}

/// `workbook create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new workbook."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(definition_arg("Workbook definition file"));
        parser.add(public_arg(
            "With this flag workbook will be marked as \"public\".",
        ));
        parser.add(namespace_arg(
            "Namespace to create the workbook within.",
            true,
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let definition = read_file_argument(
            "workbook create",
            "definition",
            &opt_str(args, "definition"),
        )?;
        ensure_not_empty("Workbook", "definition", Some(&definition))?;
        let (path, query) = url(None, opt(args, "namespace").as_deref(), Some(scope(args)));
        let workbook = Mistral::new(manager).post_text(&path, query, &definition, 201)?;
        Ok(show(&workbook))
    }
}

/// `workbook delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete workbook."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("workbook")
                .nargs(Nargs::OneOrMore)
                .help("Name of workbook(s)."),
        );
        parser.add(namespace_arg(
            "Namespace to delete the workbook(s) from.",
            false,
        ));
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = opt(args, "namespace");
        shape::on_many(
            manager,
            args,
            &args.strings("workbook"),
            |manager, name| {
                ensure_not_empty("Workbook", "name", Some(name))?;
                let (path, query) = url(Some(name), namespace.as_deref(), None);
                Mistral::new(manager).delete(&path, query)
            },
            |name| format!("Request to delete workbook {name} has been accepted."),
            "Unable to delete the specified workbook(s).",
        )
    }
}

/// `workbook update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update workbook."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(definition_arg("Workbook definition file"));
        parser.add(namespace_arg("Namespace to update the workbook in.", false));
        parser.add(public_arg(
            "With this flag workbook will be marked as \"public\".",
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let definition = read_file_argument(
            "workbook update",
            "definition",
            &opt_str(args, "definition"),
        )?;
        ensure_not_empty("Workbook", "definition", Some(&definition))?;
        let (path, query) = url(None, opt(args, "namespace").as_deref(), Some(scope(args)));
        let workbook = Mistral::new(manager).put_text(&path, query, &definition)?;
        Ok(show(&workbook))
    }
}

/// `workbook definition show`.
pub struct DefinitionShow;

impl Command<ClientManager> for DefinitionShow {
    fn description(&self) -> &str {
        "Show workbook definition."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("name").help("Workbook name"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = opt_str(args, "name");
        ensure_not_empty("Workbook", "name", Some(&name))?;
        let (path, query) = url(Some(&name), None, None);
        let workbook = Mistral::new(manager).get(&path, query)?;
        text_or_newline(field(&workbook, "definition"))
    }
}

/// `workbook validate`.
pub struct Validate;

impl Command<ClientManager> for Validate {
    fn description(&self) -> &str {
        "Validate workbook."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(definition_arg("Workbook definition file"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let definition = read_file_argument(
            "workbook validate",
            "definition",
            &opt_str(args, "definition"),
        )?;
        validate(manager, "Workbook", "/workbooks/validate", &definition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, list_defaults, run};
    use cliff::ArgValue;

    #[test]
    fn urls_as_mistralclient() {
        assert_eq!(
            url(None, Some(""), Some("private")),
            (
                "/workbooks".to_owned(),
                vec![("scope".to_owned(), "private".to_owned())]
            )
        );
        assert_eq!(
            url(Some("wb"), Some("ns"), None),
            (
                "/workbooks/wb".to_owned(),
                vec![("namespace".to_owned(), "ns".to_owned())]
            )
        );
    }

    #[test]
    fn list_without_fields_and_empty_row() {
        let (output, sent) = run(
            &List,
            &args(&list_defaults(false)),
            &[(200, r#"{"workbooks": []}"#)],
        );
        assert_eq!(
            lines(&sent),
            vec!["GET /workbooks?sort_keys=created_at&sort_dirs=asc"]
        );
        assert_eq!(
            output.unwrap(),
            list_output(&shape::headings(COLUMNS), Vec::new())
        );
    }

    #[test]
    fn show_with_tags() {
        let body = r#"{"name": "mtest_wb", "namespace": "", "tags": ["a", "b"], "scope": "private",
            "created_at": "2026-11-25 08:43:37", "updated_at": null}"#;
        let (output, sent) = run(
            &Show,
            &args(&[
                ("workbook", "mtest_wb".into()),
                ("namespace", ArgValue::from("")),
            ]),
            &[(200, body)],
        );
        assert_eq!(lines(&sent), vec!["GET /workbooks/mtest_wb"]);
        assert_eq!(
            output.unwrap(),
            shape::show(
                &shape::headings(COLUMNS),
                vec![
                    Value::str("mtest_wb"),
                    Value::str(""),
                    Value::str("a, b"),
                    Value::str("private"),
                    Value::str("2026-11-25 08:43:37"),
                    Value::Null,
                ]
            )
        );
    }
}
