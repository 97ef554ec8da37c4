//! `code source list/show/create/delete/update/content show` (mistralclient `commands/v2/code_sources.py`).
//!
//! The descriptions are mistralclient's, copy-paste slips included ("List all workflows."), since they are what
//! `openstack help` shows.

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use super::{namespace_arg, public_arg, scope};
use crate::api::{ensure_not_empty, segment, Mistral};
use crate::input::read_file_argument;
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::shape::{self, cell, field, text_or_newline, Column};

/// `CodeSourceFormatter.COLUMNS`.
const COLUMNS: &[Column] = &[
    ("id", "ID", false),
    ("name", "Name", false),
    ("namespace", "Namespace", false),
    ("project_id", "Project ID", false),
    ("scope", "Scope", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

fn row(code_source: &Json) -> Vec<Value> {
    COLUMNS
        .iter()
        .map(|(field, _, _)| cell(code_source, field))
        .collect()
}

fn show(code_source: &Json) -> Output {
    shape::show(&shape::headings(COLUMNS), row(code_source))
}

/// `GET /code_sources/<identifier>?namespace=<namespace>`.
fn get(manager: &mut ClientManager, args: &Args) -> Result<Json> {
    let identifier = opt_str(args, "identifier");
    ensure_not_empty("CodeSource", "identifier", Some(&identifier))?;
    Mistral::new(manager).get(
        &format!("/code_sources/{}", segment(&identifier)),
        vec![("namespace".to_owned(), opt_str(args, "namespace"))],
    )
}

/// `code source list`.
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
        let sources = Mistral::new(manager).list("/code_sources", query, "code_sources")?;
        let rows = sources.iter().map(row).collect();
        Ok(list_output(&shape::headings(COLUMNS), rows))
    }
}

/// `code source show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific code source."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("identifier").help("Code source ID or name."));
        parser.add(namespace_arg(
            "Namespace to get the code source from.",
            true,
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        Ok(show(&get(manager, args)?))
    }
}

/// `code source create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new code source."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("name").help("Code source name."));
        parser.add(Arg::positional("content").help("Code source content file."));
        parser.add(namespace_arg(
            "Namespace to create the code source within.",
            true,
        ));
        parser.add(public_arg(
            "With this flag the code source will be marked as \"public\".",
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let content =
            read_file_argument("code source create", "content", &opt_str(args, "content"))?;
        let name = opt(args, "name");
        ensure_not_empty("CodeSource", "name", name.as_deref())?;
        ensure_not_empty("CodeSource", "content", Some(&content))?;
        let query = vec![
            ("name".to_owned(), name.unwrap_or_default()),
            ("scope".to_owned(), scope(args).to_owned()),
            ("namespace".to_owned(), opt_str(args, "namespace")),
        ];
        let created = Mistral::new(manager).post_text("/code_sources", query, &content, 201)?;
        Ok(show(&created))
    }
}

/// `code source delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete workflow."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("identifier")
                .nargs(Nargs::OneOrMore)
                .help("Code source name or ID (can be repeated multiple times)."),
        );
        parser.add(namespace_arg(
            "Namespace to delete the code source(s) from.",
            false,
        ));
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let namespace = opt(args, "namespace").filter(|n| !n.is_empty());
        shape::on_many(
            manager,
            args,
            &args.strings("identifier"),
            |manager, identifier| {
                ensure_not_empty("CodeSource", "identifier", Some(identifier))?;
                let query = match &namespace {
                    Some(namespace) => vec![("namespace".to_owned(), namespace.clone())],
                    None => Vec::new(),
                };
                Mistral::new(manager)
                    .delete(&format!("/code_sources/{}", segment(identifier)), query)
            },
            |identifier| format!("Request to delete code source '{identifier}' has been accepted."),
            "Unable to delete the specified code source(s).",
        )
    }
}

/// `code source update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update workflow."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("identifier").help("Code source identifier (name or ID)."));
        parser.add(Arg::positional("content").help("Code source content"));
        parser.add(Arg::option(&["--id"]).help("Workflow ID."));
        parser.add(namespace_arg("Namespace of the workflow.", true));
        parser.add(public_arg(
            "With this flag workflow will be marked as \"public\".",
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let content =
            read_file_argument("code source update", "content", &opt_str(args, "content"))?;
        let identifier = opt(args, "identifier");
        ensure_not_empty("CodeSource", "identifier", identifier.as_deref())?;
        ensure_not_empty("CodeSource", "content", Some(&content))?;
        let query = vec![
            ("identifier".to_owned(), identifier.unwrap_or_default()),
            ("scope".to_owned(), scope(args).to_owned()),
            ("namespace".to_owned(), opt_str(args, "namespace")),
        ];
        let updated = Mistral::new(manager).put_text("/code_sources", query, &content)?;
        Ok(show(&updated))
    }
}

/// `code source content show`.
pub struct ContentShow;

impl Command<ClientManager> for ContentShow {
    fn description(&self) -> &str {
        "Show workflow definition."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("identifier").help("Code source ID or name."));
        parser.add(namespace_arg(
            "Namespace to get the code source from.",
            true,
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let code_source = get(manager, args)?;
        text_or_newline(field(&code_source, "content"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, run};

    #[test]
    fn create_sends_the_content() {
        let path = std::env::temp_dir().join(format!("mtest-code-{}.py", std::process::id()));
        std::fs::write(&path, "class MyAction:\n    pass\n").unwrap();
        let (_, sent) = run(
            &Create,
            &args(&[
                ("name", "mtest-code".into()),
                ("content", path.to_str().unwrap().into()),
                ("namespace", "".into()),
            ]),
            &[(201, "{}")],
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            lines(&sent),
            vec!["POST /code_sources?name=mtest-code&scope=private&namespace="]
        );
        assert_eq!(
            sent[0].raw,
            Some((
                "text/plain".to_owned(),
                "class MyAction:\n    pass\n".to_owned()
            ))
        );
    }

    #[test]
    fn delete_message_quotes_the_name() {
        let (output, sent) = run(
            &Delete,
            &args(&[("identifier", crate::testing::list(&["mtest-code"]))]),
            &[(204, "")],
        );
        assert_eq!(lines(&sent), vec!["DELETE /code_sources/mtest-code"]);
        assert_eq!(
            output.unwrap(),
            Output::Text {
                text: "Request to delete code source 'mtest-code' has been accepted.\n".to_owned()
            }
        );
    }
}
