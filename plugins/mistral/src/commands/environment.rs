//! `workflow env create/delete/update/list/show` (mistralclient `commands/v2/environments.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::api::{ensure_not_empty, ensure_present, segment, Mistral};
use crate::input::{load_content, read_file_argument};
use crate::listing::{self, list_output, opt_str, ListOptions};
use crate::pyjson;
use crate::shape::{self, cell, field, or_none, python_type, Column};

/// `EnvironmentFormatter.COLUMNS` (lists leave out Variables but still ask for them).
const COLUMNS: &[Column] = &[
    ("name", "Name", false),
    ("description", "Description", false),
    ("variables", "Variables", false),
    ("scope", "Scope", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

/// The headings of a list.
fn list_headings() -> Vec<&'static str> {
    COLUMNS
        .iter()
        .filter(|(field, _, _)| *field != "variables")
        .map(|(_, heading, _)| *heading)
        .collect()
}

/// The variables as a value: Mistral sends them as JSON text, which the resource decodes.
fn variables(environment: &Json) -> Result<Json> {
    match field(environment, "variables") {
        Json::String(text) => pyjson::loads(text).map_err(Error::command),
        other => Ok(other.clone()),
    }
}

/// An attribute that may be missing: `value or '<none>'` when present, `None` when not.
fn present_or_none(environment: &Json, name: &str) -> Value {
    match environment.get(name) {
        Some(value) => or_none(value),
        None => Value::Null,
    }
}

fn row(environment: &Json, lister: bool) -> Result<Vec<Value>> {
    let mut cells = vec![
        cell(environment, "name"),
        present_or_none(environment, "description"),
    ];
    if !lister {
        cells.push(Value::str(pyjson::dumps(&variables(environment)?, Some(4))));
    }
    cells.extend([
        cell(environment, "scope"),
        cell(environment, "created_at"),
        present_or_none(environment, "updated_at"),
    ]);
    Ok(cells)
}

fn show(environment: &Json) -> Result<Output> {
    Ok(shape::show(
        &shape::headings(COLUMNS),
        row(environment, false)?,
    ))
}

/// The body of a create or update: the file's mapping, with the variables as JSON text.
fn body(command: &str, args: &Args, require_variables: bool) -> Result<Json> {
    let text = read_file_argument(command, "file", &opt_str(args, "file"))?;
    let mut data = match load_content(Some(&text))? {
        Json::Object(data) => data,
        other => {
            let method = if require_variables {
                "create"
            } else {
                "update"
            };
            return Err(Error::command(format!(
                "mistralclient.api.v2.environments.EnvironmentManager.{method}() argument after ** must be \
                 a mapping, not {}",
                python_type(&other)
            )));
        }
    };
    ensure_present("Environment", "name", data.get("name"))?;
    if require_variables {
        ensure_present("Environment", "variables", data.get("variables"))?;
    }
    if let Some(variables) = data.get_mut("variables") {
        let empty = variables.as_object().is_some_and(|map| map.is_empty());
        // create sends any mapping as JSON text; update only a non-empty one.
        if variables.is_object() && (require_variables || !empty) {
            *variables = Json::String(pyjson::dumps(variables, None));
        }
    }
    Ok(Json::Object(data))
}

/// `workflow env create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new environment."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("file").help("Environment configuration file in JSON or YAML"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let body = body("workflow env create", args, true)?;
        let environment = Mistral::new(manager).create("/environments", body)?;
        show(&environment)
    }
}

/// `workflow env delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete environment."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("environment")
                .nargs(Nargs::OneOrMore)
                .help("Name of environment(s)."),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        shape::on_many(
            manager,
            args,
            &args.strings("environment"),
            |manager, name| {
                ensure_not_empty("Environment", "name", Some(name))?;
                Mistral::new(manager)
                    .delete(&format!("/environments/{}", segment(name)), Vec::new())
            },
            |name| format!("Request to delete environment {name} has been accepted."),
            "Unable to delete the specified environment(s).",
        )
    }
}

/// `workflow env update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update environment."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("file").help("Environment configuration file in JSON or YAML"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let body = body("workflow env update", args, false)?;
        let environment = Mistral::new(manager).update("/environments", body)?;
        show(&environment)
    }
}

/// `workflow env list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all environments."
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
        let environments = Mistral::new(manager).list("/environments", query, "environments")?;
        let rows = environments
            .iter()
            .map(|e| row(e, true))
            .collect::<Result<Vec<_>>>()?;
        Ok(list_output(&list_headings(), rows))
    }
}

/// `workflow env show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific environment."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("environment").help("Environment name"));
        parser.add(
            Arg::option(&["--export"])
                .flag()
                .help("Export the environment suitable for import"),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = opt_str(args, "environment");
        ensure_not_empty("Environment", "name", Some(&name))?;
        let environment =
            Mistral::new(manager).get(&format!("/environments/{}", segment(&name)), Vec::new())?;
        if args.flag("export") {
            return Ok(shape::show(
                &["name", "description", "scope", "variables"],
                vec![
                    cell(&environment, "name"),
                    cell(&environment, "description"),
                    cell(&environment, "scope"),
                    Value::str(pyjson::dumps(&variables(&environment)?, None)),
                ],
            ));
        }
        show(&environment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, run};

    const ENV: &str = r#"{"name": "mtest-env", "description": null, "variables": "{\"a\": 1, \"b\": [\"x\"]}",
        "scope": "private", "created_at": "2026-11-25 08:43:37", "updated_at": null}"#;

    #[test]
    fn show_formats_variables() {
        let (output, sent) = run(
            &Show,
            &args(&[("environment", "mtest-env".into())]),
            &[(200, ENV)],
        );
        assert_eq!(lines(&sent), vec!["GET /environments/mtest-env"]);
        assert_eq!(
            output.unwrap(),
            shape::show(
                &shape::headings(COLUMNS),
                vec![
                    Value::str("mtest-env"),
                    Value::str("<none>"),
                    Value::str("{\n    \"a\": 1,\n    \"b\": [\n        \"x\"\n    ]\n}"),
                    Value::str("private"),
                    Value::str("2026-11-25 08:43:37"),
                    Value::str("<none>"),
                ]
            )
        );
    }

    #[test]
    fn export_is_compact() {
        let (output, _) = run(
            &Show,
            &args(&[("environment", "mtest-env".into()), ("export", true.into())]),
            &[(200, ENV)],
        );
        assert_eq!(
            output.unwrap(),
            shape::show(
                &["name", "description", "scope", "variables"],
                vec![
                    Value::str("mtest-env"),
                    Value::Null,
                    Value::str("private"),
                    Value::str("{\"a\": 1, \"b\": [\"x\"]}"),
                ]
            )
        );
    }

    #[test]
    fn create_sends_variables_as_text() {
        let path = std::env::temp_dir().join(format!("mtest-env-{}.yaml", std::process::id()));
        std::fs::write(&path, "name: mtest-env\nvariables:\n  a: 1\n  b: [x]\n").unwrap();
        let (output, sent) = run(
            &Create,
            &args(&[("file", path.to_str().unwrap().into())]),
            &[(201, ENV)],
        );
        let missing = run(
            &Create,
            &args(&[("file", "/nonexistent/mtest-env.yaml".into())]),
            &[],
        );
        std::fs::write(&path, "name: mtest-env\n").unwrap();
        let no_variables = run(
            &Create,
            &args(&[("file", path.to_str().unwrap().into())]),
            &[],
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(lines(&sent), vec!["POST /environments"]);
        assert_eq!(
            sent[0].json,
            Some(
                serde_json::json!({"name": "mtest-env", "variables": "{\"a\": 1, \"b\": [\"x\"]}"})
            )
        );
        assert!(matches!(output.unwrap(), Output::Show { .. }));
        assert_eq!(missing.0.unwrap_err().kind, cliff::ErrorKind::Usage);
        assert_eq!(
            no_variables.0.unwrap_err().message,
            "Environment is missing field \"variables\""
        );
    }
}
