//! `action execution run/list/show/input show/output show/update/delete` (mistralclient
//! `commands/v2/action_executions.py`), and `--wait` on `run`.

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::api::{ensure_not_empty, segment, Mistral};
use crate::input::load_json;
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::pyjson;
use crate::shape::{self, cell, field, or_none, raw_json_text, Column};
use crate::text::{py_str, truthy};
use crate::wait;

/// `ActionExecutionFormatter.COLUMNS` (lists leave out State info).
const COLUMNS: &[Column] = &[
    ("id", "ID", false),
    ("name", "Name", false),
    ("workflow_name", "Workflow name", false),
    ("workflow_namespace", "Workflow namespace", false),
    ("task_name", "Task name", false),
    ("task_execution_id", "Task ID", false),
    ("state", "State", false),
    ("state_info", "State info", false),
    ("accepted", "Accepted", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

fn headings(lister: bool) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .filter(|(field, _, _)| !lister || *field != "state_info")
        .map(|(_, heading, _)| *heading)
        .collect()
}

fn row(execution: &Json, lister: bool) -> Vec<Value> {
    let mut cells = vec![
        cell(execution, "id"),
        cell(execution, "name"),
        cell(execution, "workflow_name"),
        cell(execution, "workflow_namespace"),
        cell(execution, "task_name"),
        cell(execution, "task_execution_id"),
        cell(execution, "state"),
    ];
    if !lister {
        cells.push(cell(execution, "state_info"));
    }
    cells.extend([
        cell(execution, "accepted"),
        cell(execution, "created_at"),
        or_none(field(execution, "updated_at")),
    ]);
    cells
}

fn show(execution: &Json) -> Output {
    shape::show(&headings(false), row(execution, false))
}

/// `GET /action_executions/<id>`.
fn get(manager: &mut ClientManager, id: &str) -> Result<Json> {
    ensure_not_empty("ActionExecution", "id", Some(id))?;
    Mistral::new(manager).get(&format!("/action_executions/{}", segment(id)), Vec::new())
}

/// `action execution run`.
pub struct Run;

impl Command<ClientManager> for Run {
    fn description(&self) -> &str {
        "Create new Action execution or just run specific action."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("name").help("Action name to execute."));
        parser.add(
            Arg::positional("input")
                .nargs(Nargs::Optional)
                .help("Action input."),
        );
        parser.add(
            Arg::option(&["-s", "--save-result"])
                .dest("save_result")
                .flag()
                .help("Save the result into DB."),
        );
        parser.add(
            Arg::option(&["--run-sync"])
                .dest("run_sync")
                .flag()
                .help("Run the action synchronously."),
        );
        parser.add(
            Arg::option(&["-t", "--target"])
                .dest("target")
                .help("Action will be executed on <target> executor."),
        );
        parser.add(
            Arg::option(&["--namespace"])
                .nargs(Nargs::Optional)
                .default("")
                .help("Namespace of the action(s)."),
        );
        parser.add(Arg::option(&["--wait"]).flag().extension().help(
            "When the action runs asynchronously (without --run-sync), wait until it finishes, then show it. \
             Progress is shown on stderr when it is a terminal. Exits with 1 when the action ends in ERROR or \
             CANCELLED, printing its state info.",
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = opt(args, "name");
        let input = match opt(args, "input").filter(|i| !i.is_empty()) {
            Some(text) => load_json(&text)?,
            None => Json::Null,
        };
        let save_result = args.flag("save_result");
        let run_sync = args.flag("run_sync");
        let body = run_body(
            name.as_deref(),
            &input,
            save_result,
            run_sync,
            opt(args, "target").as_deref(),
            opt(args, "namespace").as_deref(),
        )?;
        let mut execution = Mistral::new(manager).create("/action_executions", body)?;
        let waiting = args.flag("wait")
            && !run_sync
            && truthy(field(&execution, "id"))
            && !wait::FINAL_STATES.contains(&wait::state(&execution).as_str());
        if waiting {
            execution = wait::until_finished(manager, wait::Kind::Action, execution)?;
        }
        let output = if !run_sync && save_result {
            show(&execution)
        } else {
            Output::Text {
                text: format!("{}\n", py_str(field(&execution, "output"))),
            }
        };
        let failure = if waiting {
            wait::failure(wait::Kind::Action, &execution)
        } else {
            None
        };
        Ok(match failure {
            Some(message) => Output::Failed {
                output: Box::new(output),
                message,
            },
            None => output,
        })
    }
}

/// `ActionExecutionManager.create`'s body.
fn run_body(
    name: Option<&str>,
    input: &Json,
    save_result: bool,
    run_sync: bool,
    target: Option<&str>,
    namespace: Option<&str>,
) -> Result<Json> {
    ensure_not_empty("ActionExecution", "name", name)?;
    let mut body = Map::new();
    body.insert("name".to_owned(), Json::from(name.unwrap_or_default()));
    if truthy(input) {
        body.insert("input".to_owned(), Json::String(pyjson::dumps(input, None)));
    }
    let mut params = Map::new();
    if save_result {
        params.insert("save_result".to_owned(), Json::Bool(true));
    }
    if run_sync {
        params.insert("run_sync".to_owned(), Json::Bool(true));
    }
    if let Some(target) = target.filter(|t| !t.is_empty()) {
        params.insert("target".to_owned(), Json::from(target));
    }
    if !params.is_empty() {
        body.insert(
            "params".to_owned(),
            Json::String(pyjson::dumps(&Json::Object(params), None)),
        );
    }
    if let Some(namespace) = namespace.filter(|n| !n.is_empty()) {
        body.insert("workflow_namespace".to_owned(), Json::from(namespace));
    }
    Ok(Json::Object(body))
}

/// `action execution list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all Action executions."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, true);
        parser.add(
            Arg::positional("task_execution_id")
                .nargs(Nargs::Optional)
                .help("Task execution ID."),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let options = ListOptions::from_args(args, true)?;
        let path = match opt(args, "task_execution_id").filter(|t| !t.is_empty()) {
            Some(task) => format!("/tasks/{}/action_executions", segment(&task)),
            None => "/action_executions".to_owned(),
        };
        // mistralclient does not ask for fields here (its bug 1800322).
        let query = options.query(None, &options.filters);
        let executions =
            options.arrange(Mistral::new(manager).list(&path, query, "action_executions")?);
        let rows = executions.iter().map(|e| row(e, true)).collect();
        Ok(list_output(&headings(true), rows))
    }
}

/// `action execution show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific Action execution."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("action_execution").help("Action execution ID."));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let execution = get(manager, &opt_str(args, "action_execution"))?;
        Ok(show(&execution))
    }
}

/// `action execution update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update specific Action execution."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Action execution ID."));
        parser.add(
            Arg::option(&["--state"])
                .dest("state")
                .choices(&["PAUSED", "RUNNING", "SUCCESS", "ERROR", "CANCELLED"])
                .help("Action execution state"),
        );
        parser.add(
            Arg::option(&["--output"])
                .dest("output")
                .help("Action execution output"),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let output = match opt(args, "output").filter(|o| !o.is_empty()) {
            Some(text) => load_json(&text)?,
            None => Json::Null,
        };
        let id = opt_str(args, "id");
        ensure_not_empty("ActionExecution", "id", Some(&id))?;
        let state = opt(args, "state").filter(|s| !s.is_empty());
        if state.is_none() && !truthy(&output) {
            return Err(Error::command(
                "Please provide either state or output for action execution.",
            ));
        }
        let mut body = Map::new();
        if let Some(state) = state {
            body.insert("state".to_owned(), Json::String(state));
        }
        if truthy(&output) {
            body.insert("output".to_owned(), output);
        }
        let execution = Mistral::new(manager).update(
            &format!("/action_executions/{}", segment(&id)),
            Json::Object(body),
        )?;
        Ok(show(&execution))
    }
}

/// `action execution output show`.
pub struct OutputShow;

impl Command<ClientManager> for OutputShow {
    fn description(&self) -> &str {
        "Show Action execution output data."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Action execution ID."));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let execution = get(manager, &opt_str(args, "id"))?;
        Ok(Output::Text {
            text: raw_json_text(field(&execution, "output"))?,
        })
    }
}

/// `action execution input show`.
pub struct InputShow;

impl Command<ClientManager> for InputShow {
    fn description(&self) -> &str {
        "Show Action execution input data."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Action execution ID."));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let execution = get(manager, &opt_str(args, "id"))?;
        Ok(Output::Text {
            text: raw_json_text(field(&execution, "input"))?,
        })
    }
}

/// `action execution delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete action execution."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("action_execution")
                .nargs(Nargs::OneOrMore)
                .help("Id of action execution identifier(s)."),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        shape::on_many(
            manager,
            args,
            &args.strings("action_execution"),
            |manager, id| {
                ensure_not_empty("ActionExecution", "id", Some(id))?;
                Mistral::new(manager)
                    .delete(&format!("/action_executions/{}", segment(id)), Vec::new())
            },
            |id| format!("Request to delete action execution {id} has been accepted."),
            "Unable to delete the specified action execution(s).",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, list_defaults, run};
    use serde_json::json;

    const EXECUTION: &str = r#"{"id": "8fc7b56e-bfb5-44fc-9284-0059bce6caf7", "name": "std.echo",
        "workflow_name": "sample_wf", "workflow_namespace": "", "task_execution_id": "34e3",
        "state": "SUCCESS", "state_info": null, "accepted": true, "created_at": "2026-11-25 08:43:45",
        "updated_at": "2026-11-25 08:43:45", "input": "{\"output\": \"Hello\"}", "output": "{\"result\": \"Hello\"}"}"#;

    #[test]
    fn list_has_no_state_info_and_no_task_name() {
        let body = format!(r#"{{"action_executions": [{EXECUTION}]}}"#);
        let (output, sent) = run(&List, &args(&list_defaults(true)), &[(200, &body)]);
        assert_eq!(
            lines(&sent),
            vec!["GET /action_executions?limit=100&sort_keys=created_at&sort_dirs=desc"]
        );
        assert_eq!(
            output.unwrap(),
            list_output(
                &headings(true),
                vec![vec![
                    Value::str("8fc7b56e-bfb5-44fc-9284-0059bce6caf7"),
                    Value::str("std.echo"),
                    Value::str("sample_wf"),
                    Value::str(""),
                    Value::Null,
                    Value::str("34e3"),
                    Value::str("SUCCESS"),
                    Value::Bool(true),
                    Value::str("2026-11-25 08:43:45"),
                    Value::str("2026-11-25 08:43:45"),
                ]]
            )
        );
    }

    #[test]
    fn run_prints_the_output() {
        let (output, sent) = run(
            &Run,
            &args(&[
                ("name", "std.echo".into()),
                ("input", "{\"output\": \"Hello\"}".into()),
                ("namespace", "".into()),
            ]),
            &[(201, EXECUTION)],
        );
        assert_eq!(lines(&sent), vec!["POST /action_executions"]);
        assert_eq!(
            sent[0].json,
            Some(json!({"name": "std.echo", "input": "{\"output\": \"Hello\"}"}))
        );
        assert_eq!(
            output.unwrap(),
            Output::Text {
                text: "{\"result\": \"Hello\"}\n".to_owned()
            }
        );
    }

    #[test]
    fn run_saved_shows_the_execution() {
        let (output, sent) = run(
            &Run,
            &args(&[
                ("name", "std.noop".into()),
                ("save_result", true.into()),
                ("target", "".into()),
            ]),
            &[(201, EXECUTION)],
        );
        assert_eq!(
            sent[0].json,
            Some(json!({"name": "std.noop", "params": "{\"save_result\": true}"}))
        );
        assert!(matches!(output.unwrap(), Output::Show { fields, .. } if fields.len() == 11));
    }

    #[test]
    fn update_needs_state_or_output() {
        let (output, sent) = run(&Update, &args(&[("id", "a1".into())]), &[]);
        assert!(sent.is_empty());
        assert_eq!(
            output.unwrap_err().message,
            "Please provide either state or output for action execution."
        );
    }
}
