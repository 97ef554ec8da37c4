//! `workflow execution create/delete/update/list/show/input show/output show/report show/published show`
//! (mistralclient `commands/v2/executions.py`), and `--wait` on `create`.

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::api::{ensure_not_empty, segment, Mistral, Query};
use crate::input::{load_env, load_json};
use crate::listing::{self, dict_set, list_output, opt, opt_str, ListOptions};
use crate::pyjson;
use crate::shape::{self, cell, field, or_none, python_type, raw_json_text, Column};
use crate::text::{cut, is_uuid_like, py_str, truthy};
use crate::time;
use crate::wait;

/// `ExecutionFormatter.COLUMNS`; Duration is computed here.
const COLUMNS: &[Column] = &[
    ("id", "ID", false),
    ("workflow_id", "Workflow ID", false),
    ("workflow_name", "Workflow name", false),
    ("workflow_namespace", "Workflow namespace", false),
    ("description", "Description", false),
    ("task_execution_id", "Task Execution ID", false),
    ("root_execution_id", "Root Execution ID", false),
    ("state", "State", false),
    ("state_info", "State info", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
    ("duration", "Duration", true),
];

/// An execution's cells at time `now`; lists cut the State info. The duration runs until `updated_at` once the
/// execution is in SUCCESS or ERROR, else until now.
pub(crate) fn row(execution: &Json, lister: bool, now: i64) -> Result<Vec<Value>> {
    let state_info = field(execution, "state_info");
    let finished = matches!(
        py_str(field(execution, "state")).as_str(),
        "ERROR" | "SUCCESS"
    );
    let end = if finished {
        field(execution, "updated_at").clone()
    } else {
        Json::String(String::new())
    };
    let duration =
        time::duration(field(execution, "created_at"), &end, now).map_err(Error::command)?;
    Ok(vec![
        cell(execution, "id"),
        cell(execution, "workflow_id"),
        cell(execution, "workflow_name"),
        cell(execution, "workflow_namespace"),
        cell(execution, "description"),
        or_none(field(execution, "task_execution_id")),
        or_none(field(execution, "root_execution_id")),
        cell(execution, "state"),
        Value::from_json(&if lister {
            cut(state_info)
        } else {
            state_info.clone()
        }),
        cell(execution, "created_at"),
        or_none(field(execution, "updated_at")),
        Value::str(duration),
    ])
}

fn show(execution: &Json) -> Result<Output> {
    Ok(shape::show(
        &shape::headings(COLUMNS),
        row(execution, false, time::now())?,
    ))
}

/// `GET /executions/<id>`.
fn get(manager: &mut ClientManager, id: &str) -> Result<Json> {
    ensure_not_empty("Execution", "id", Some(id))?;
    Mistral::new(manager).get(&format!("/executions/{}", segment(id)), Vec::new())
}

/// `workflow execution create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new execution."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("workflow_identifier")
                .nargs(Nargs::Optional)
                .help("Workflow ID or name"),
        );
        parser.add(
            Arg::option(&["--namespace"])
                .nargs(Nargs::Optional)
                .default("")
                .help("Workflow namespace."),
        );
        parser.add(
            Arg::positional("workflow_input")
                .nargs(Nargs::Optional)
                .help("Workflow input"),
        );
        parser.add(
            Arg::positional("params")
                .nargs(Nargs::Optional)
                .help("Workflow additional parameters"),
        );
        parser.add(
            Arg::option(&["-d", "--description"])
                .dest("description")
                .default("")
                .help("Execution description"),
        );
        parser.add(
            Arg::option(&["-s"])
                .dest("source_execution_id")
                .nargs(Nargs::Optional)
                .help(
                    "Workflow Execution id which will allow operators to create a new workflow execution based \
                     on the previously successful executed workflow. Example: mistral execution-create -s \
                     123e4567-e89b-12d3-a456-426655440000",
                ),
        );
        parser.add(Arg::option(&["--wait"]).flag().extension().help(
            "Wait until the execution finishes (SUCCESS, ERROR or CANCELLED; a paused execution is waited for \
             until it is resumed), then show it. Progress is shown on stderr when it is a terminal. Exits with 1 \
             when the execution ends in ERROR or CANCELLED, printing its state info.",
        ));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let input = match opt(args, "workflow_input").filter(|i| !i.is_empty()) {
            Some(text) => load_json(&text)?,
            None => Json::Object(Map::new()),
        };
        let params = match opt(args, "params").filter(|p| !p.is_empty()) {
            Some(text) => load_json(&text)?,
            None => Json::Object(Map::new()),
        };
        let body = create_body(
            opt(args, "workflow_identifier").as_deref(),
            opt(args, "namespace").as_deref(),
            &input,
            opt(args, "description"),
            opt(args, "source_execution_id").as_deref(),
            &params,
        )?;
        let execution = Mistral::new(manager).create("/executions", body)?;
        if !args.flag("wait") {
            return show(&execution);
        }
        let execution = wait::until_finished(manager, wait::Kind::Workflow, execution)?;
        let output = show(&execution)?;
        Ok(match wait::failure(wait::Kind::Workflow, &execution) {
            Some(message) => Output::Failed {
                output: Box::new(output),
                message,
            },
            None => output,
        })
    }
}

/// `ExecutionManager.create`'s body.
fn create_body(
    identifier: Option<&str>,
    namespace: Option<&str>,
    input: &Json,
    description: Option<String>,
    source_execution_id: Option<&str>,
    params: &Json,
) -> Result<Json> {
    let identifier = identifier.filter(|i| !i.is_empty());
    ensure_not_empty(
        "Execution",
        "workflow_identifier",
        identifier.or(source_execution_id),
    )?;
    let mut body = Map::new();
    body.insert(
        "description".to_owned(),
        description.map_or(Json::Null, Json::String),
    );
    if let Some(source) = source_execution_id.filter(|s| is_uuid_like(s)) {
        body.insert("source_execution_id".to_owned(), Json::from(source));
    }
    if let Some(identifier) = identifier {
        let key = if is_uuid_like(identifier) {
            "workflow_id"
        } else {
            "workflow_name"
        };
        body.insert(key.to_owned(), Json::from(identifier));
    }
    if let Some(namespace) = namespace.filter(|n| !n.is_empty()) {
        body.insert("workflow_namespace".to_owned(), Json::from(namespace));
    }
    if truthy(input) {
        let text = match input {
            Json::String(text) => text.clone(),
            other => pyjson::dumps(other, None),
        };
        body.insert("input".to_owned(), Json::String(text));
    }
    match params {
        Json::Object(map) if map.is_empty() => {}
        Json::Object(_) => {
            body.insert(
                "params".to_owned(),
                Json::String(pyjson::dumps(params, None)),
            );
        }
        other => {
            return Err(Error::command(format!(
                "mistralclient.api.v2.executions.ExecutionManager.create() argument after ** must be a \
                 mapping, not {}",
                python_type(other)
            )))
        }
    }
    Ok(Json::Object(body))
}

/// `workflow execution delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete execution."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("execution")
                .nargs(Nargs::OneOrMore)
                .help("Id of execution identifier(s)."),
        );
        parser.add(Arg::option(&["--force"]).flag().help(
            "Force the deletion of an execution. Might cause a cascade  of errors if used for running \
             executions.",
        ));
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let force = args.flag("force");
        shape::on_many(
            manager,
            args,
            &args.strings("execution"),
            |manager, id| {
                ensure_not_empty("Execution", "id", Some(id))?;
                let query: Query = if force {
                    vec![("force".to_owned(), "True".to_owned())]
                } else {
                    Vec::new()
                };
                Mistral::new(manager).delete(&format!("/executions/{}", segment(id)), query)
            },
            |id| format!("Request to delete execution {id} has been accepted."),
            "Unable to delete the specified execution(s).",
        )
    }
}

/// `workflow execution update`.
pub struct Update;

impl Command<ClientManager> for Update {
    fn description(&self) -> &str {
        "Update execution."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Execution identifier"));
        parser.add(
            Arg::option(&["-s", "--state"])
                .dest("state")
                .choices(&["RUNNING", "PAUSED", "SUCCESS", "ERROR", "CANCELLED"])
                .help("Execution state"),
        );
        parser.add(
            Arg::option(&["-e", "--env"])
                .dest("env")
                .help("Environment variables"),
        );
        parser.add(
            Arg::option(&["-d", "--description"])
                .dest("description")
                .help("Execution description"),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let env = load_env(opt(args, "env").as_deref())?;
        let mut body = Map::new();
        if let Some(state) = opt(args, "state").filter(|s| !s.is_empty()) {
            body.insert("state".to_owned(), Json::String(state));
        }
        if let Some(description) = opt(args, "description").filter(|d| !d.is_empty()) {
            body.insert("description".to_owned(), Json::String(description));
        }
        if truthy(&env) {
            let mut params = Map::new();
            params.insert("env".to_owned(), env);
            body.insert("params".to_owned(), Json::Object(params));
        }
        let path = format!("/executions/{}", segment(&opt_str(args, "id")));
        let execution = Mistral::new(manager).update(&path, Json::Object(body))?;
        show(&execution)
    }
}

/// `workflow execution list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all executions."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, true);
        parser.add(
            Arg::option(&["--task"])
                .nargs(Nargs::Optional)
                .help("Parent task execution ID associated with workflow execution list."),
        );
        parser.add(
            Arg::option(&["--rootsonly"])
                .flag()
                .help("return only root executions"),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let options = ListOptions::from_args(args, true)?;
        // mistralclient's `**filters`: `nulls` first, the user's filters, then the parent task; an empty
        // `nulls` is dropped.
        let nulls = if args.flag("rootsonly") {
            "root_execution_id"
        } else {
            ""
        };
        let mut filters = vec![("nulls".to_owned(), nulls.to_owned())];
        for (key, value) in &options.filters {
            dict_set(&mut filters, key, value);
        }
        if let Some(task) = opt(args, "task").filter(|t| !t.is_empty()) {
            dict_set(&mut filters, "task_execution_id", &task);
        }
        filters.retain(|(key, value)| key != "nulls" || !value.is_empty());
        let query = options.query(Some(&shape::fields(COLUMNS)), &filters);
        let executions = Mistral::new(manager).list("/executions", query, "executions")?;
        list_of(&options.arrange(executions))
    }
}

/// Execution rows at the current time.
pub(crate) fn list_of(executions: &[Json]) -> Result<Output> {
    let now = time::now();
    let rows = executions
        .iter()
        .map(|e| row(e, true, now))
        .collect::<Result<Vec<_>>>()?;
    Ok(list_output(&shape::headings(COLUMNS), rows))
}

/// `workflow execution show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific execution."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("execution").help("Execution identifier"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let execution = get(manager, &opt_str(args, "execution"))?;
        show(&execution)
    }
}

/// `workflow execution input show`.
pub struct InputShow;

impl Command<ClientManager> for InputShow {
    fn description(&self) -> &str {
        "Show execution input data."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Execution ID"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let execution = get(manager, &opt_str(args, "id"))?;
        let text = raw_json_text(field(&execution, "input"))?;
        Ok(Output::Text { text })
    }
}

/// `workflow execution output show`.
pub struct OutputShow;

impl Command<ClientManager> for OutputShow {
    fn description(&self) -> &str {
        "Show execution output data."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Execution ID"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let execution = get(manager, &opt_str(args, "id"))?;
        let text = raw_json_text(field(&execution, "output"))?;
        Ok(Output::Text { text })
    }
}

/// `workflow execution published show`.
pub struct PublishedShow;

impl Command<ClientManager> for PublishedShow {
    fn description(&self) -> &str {
        "Show workflow global published variables."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Workflow ID"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let execution = get(manager, &opt_str(args, "id"))?;
        let text = raw_json_text(field(&execution, "published_global"))?;
        Ok(Output::Text { text })
    }
}

/// `workflow execution report show`.
pub struct ReportShow;

impl Command<ClientManager> for ReportShow {
    fn description(&self) -> &str {
        "Print execution report."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Execution ID"));
        parser.add(
            Arg::option(&["--errors-only"])
                .dest("errors_only")
                .action(Action::StoreTrue)
                .default(true)
                .help("Only error paths will be included."),
        );
        parser.add(
            Arg::option(&["--statistics-only"])
                .dest("statistics_only")
                .flag()
                .help("Only the statistics will be included."),
        );
        parser.add(
            Arg::option(&["--no-errors-only"])
                .dest("errors_only")
                .action(Action::StoreFalse)
                .default(true)
                .help("Not only error paths will be included."),
        );
        parser.add(
            Arg::option(&["--max-depth"])
                .dest("max_depth")
                .nargs(Nargs::Optional)
                .int()
                .default(-1i64)
                .help(
                    "Maximum depth of the workflow execution tree. If 0, only the root workflow execution and \
                     its tasks will be included",
                ),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = opt_str(args, "id");
        ensure_not_empty("Execution", "id", Some(&id))?;
        let mut query = Query::new();
        // `errors_only` defaults to true; only `--no-errors-only` stores false.
        if !matches!(
            args.get("errors_only"),
            ArgValue::Bool(false) | ArgValue::Null
        ) {
            query.push(("errors_only".to_owned(), "True".to_owned()));
        }
        if args.flag("statistics_only") {
            query.push(("statistics_only".to_owned(), "True".to_owned()));
        }
        if let Some(depth) = args.int("max_depth") {
            query.push(("max_depth".to_owned(), depth.to_string()));
        }
        let report = Mistral::new(manager)
            .get_unchecked(&format!("/executions/{}/report", segment(&id)), query)?;
        Ok(Output::Text {
            text: report_text(&report)?,
        })
    }
}

/// Indentation of one level of the execution tree.
const REPORT_INDENT: usize = 4;

/// The text of `workflow execution report show`: statistics, then the execution tree.
pub fn report_text(report: &Json) -> Result<String> {
    let mut text = String::new();
    line(
        &mut text,
        "\nTo get more details on a task failure run: mistral task-get <id> -c 'State info'\n",
        0,
    );
    let frame = "=".repeat(30);
    line(
        &mut text,
        &format!("{frame} General Statistics {frame}\n"),
        0,
    );
    let statistics = key(report, "statistics")?;
    for (state, name) in [
        ("SUCCESS", "success_tasks_count"),
        ("ERROR", "error_tasks_count"),
        ("RUNNING", "running_tasks_count"),
        ("IDLE", "idle_tasks_count"),
    ] {
        let count = py_str(key(statistics, name)?);
        line(
            &mut text,
            &format!("Number of tasks in {state} state: {count}"),
            0,
        );
    }
    let paused = py_str(key(statistics, "paused_tasks_count")?);
    line(
        &mut text,
        &format!("Number of tasks in PAUSED state: {paused}\n"),
        0,
    );
    if let Some(estimated) = statistics.get("estimated_time") {
        line(
            &mut text,
            &format!(
                "Estimated time (seconds) for the execution to finish: {}\n",
                py_str(estimated)
            ),
            0,
        );
    }
    if let Some(root) = report.get("root_workflow_execution") {
        line(
            &mut text,
            &format!("{frame} Workflow Execution Tree {frame}\n"),
            0,
        );
        workflow_entry(&mut text, root, 0)?;
    }
    Ok(text)
}

/// `print_line`: the line indented for its level, and a newline.
fn line(text: &mut String, content: &str, level: usize) {
    text.push_str(&" ".repeat(level * REPORT_INDENT));
    text.push_str(content);
    text.push('\n');
}

/// `d[name]`, with Python's `KeyError` message.
fn key<'j>(value: &'j Json, name: &str) -> Result<&'j Json> {
    value
        .get(name)
        .ok_or_else(|| Error::command(format!("'{name}'")))
}

/// `'%s' % d[name]`.
fn text_of(value: &Json, name: &str) -> Result<String> {
    key(value, name).map(py_str)
}

fn entry_line(kind: &str, entry: &Json) -> Result<String> {
    Ok(format!(
        "{kind} '{}' [{}] {}",
        text_of(entry, "name")?,
        text_of(entry, "state")?,
        text_of(entry, "id")?
    ))
}

fn workflow_entry(text: &mut String, execution: &Json, level: usize) -> Result<()> {
    line(text, &entry_line("workflow", execution)?, level);
    if let Some(Json::Array(tasks)) = execution.get("task_executions") {
        for task in tasks {
            task_entry(text, task, level + 1)?;
        }
    }
    Ok(())
}

/// The first 100 characters of an error, with `...`.
fn error_info(state_info: &Json, join_lines: bool) -> Option<String> {
    if !truthy(state_info) {
        return None;
    }
    let head: String = py_str(state_info).chars().take(100).collect();
    let head = if join_lines {
        head.replace('\n', " ")
    } else {
        head
    };
    Some(format!("(error info: {head}...)"))
}

fn task_entry(text: &mut String, task: &Json, level: usize) -> Result<()> {
    line(text, &entry_line("task", task)?, level);
    if let Some(retries) = task.get("retry_count") {
        line(text, &format!("(retry count: {})", py_str(retries)), level);
    }
    if text_of(task, "state")? == "ERROR" {
        if let Some(info) = error_info(key(task, "state_info")?, true) {
            line(text, &info, level);
        }
    }
    if let Some(Json::Array(actions)) = task.get("action_executions") {
        for action in actions {
            line(text, &entry_line("action", action)?, level + 1);
            if text_of(action, "state")? == "ERROR" {
                if let Some(info) = error_info(key(action, "state_info")?, false) {
                    line(text, &info, level + 1);
                }
            }
        }
    }
    if let Some(Json::Array(workflows)) = task.get("workflow_executions") {
        for workflow in workflows {
            workflow_entry(text, workflow, level + 1)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, list_defaults, run};
    use serde_json::json;

    const EXECUTION: &str = r#"{"id": "26fe6931-d429-4044-bb05-e987611809c4",
        "workflow_id": "ea7fa7de-a4d1-4d62-afd0-fdef47f597b8", "workflow_name": "sample_wf",
        "workflow_namespace": "", "description": "", "task_execution_id": null, "root_execution_id": null,
        "state": "SUCCESS", "state_info": null, "created_at": "2026-11-25 08:43:44",
        "updated_at": "2026-11-25 08:43:45", "input": "{\"name\": \"OSC\"}",
        "output": "{\"greeting\": \"Hello, OSC!\"}"}"#;

    #[test]
    fn show_as_osc() {
        let (output, sent) = run(
            &Show,
            &args(&[("execution", "26fe6931-d429-4044-bb05-e987611809c4".into())]),
            &[(200, EXECUTION)],
        );
        assert_eq!(
            lines(&sent),
            vec!["GET /executions/26fe6931-d429-4044-bb05-e987611809c4"]
        );
        assert_eq!(
            output.unwrap(),
            shape::show(
                &shape::headings(COLUMNS),
                vec![
                    Value::str("26fe6931-d429-4044-bb05-e987611809c4"),
                    Value::str("ea7fa7de-a4d1-4d62-afd0-fdef47f597b8"),
                    Value::str("sample_wf"),
                    Value::str(""),
                    Value::str(""),
                    Value::str("<none>"),
                    Value::str("<none>"),
                    Value::str("SUCCESS"),
                    Value::Null,
                    Value::str("2026-11-25 08:43:44"),
                    Value::str("2026-11-25 08:43:45"),
                    Value::str("0:00:01"),
                ]
            )
        );
    }

    #[test]
    fn running_duration_is_from_now() {
        let running = json!({"state": "RUNNING", "created_at": "2026-11-25 08:43:44",
            "updated_at": "2026-11-25 08:43:45", "state_info": "a state info that is longer than 25"});
        let start = time::strptime("2026-11-25 08:43:44", "%Y-%m-%d %H:%M:%S").unwrap();
        let cells = row(&running, true, start + 3725).unwrap();
        assert_eq!(cells[8], Value::str("a state info that is long..."));
        assert_eq!(cells[11], Value::str("1:02:05..."));
    }

    #[test]
    fn list_shows_newest_page_oldest_first() {
        let body = r#"{"executions": [{"id": "new", "state": "RUNNING", "created_at": ""},
            {"id": "old", "state": "RUNNING", "created_at": ""}]}"#;
        let mut pairs = list_defaults(true);
        pairs.push(("rootsonly", true.into()));
        pairs.push(("task", "t1".into()));
        let (output, sent) = run(&List, &args(&pairs), &[(200, body)]);
        assert_eq!(
            lines(&sent),
            vec![
                "GET /executions?limit=100&sort_keys=created_at&sort_dirs=desc&fields=id,workflow_id,\
                 workflow_name,workflow_namespace,description,task_execution_id,root_execution_id,state,\
                 state_info,created_at,updated_at&nulls=root_execution_id&task_execution_id=t1"
            ]
        );
        let Output::List { rows, .. } = output.unwrap() else {
            panic!("not a list");
        };
        assert_eq!(rows[0][0], Value::str("old"));
        assert_eq!(rows[1][0], Value::str("new"));
    }

    #[test]
    fn create_body_as_mistralclient() {
        let body = create_body(
            Some("sample_wf"),
            Some(""),
            &json!({"name": "OSC"}),
            Some(String::new()),
            None,
            &json!({"env": {"a": 1}}),
        )
        .unwrap();
        assert_eq!(
            body,
            json!({"description": "", "workflow_name": "sample_wf", "input": "{\"name\": \"OSC\"}",
                   "params": "{\"env\": {\"a\": 1}}"})
        );
        let by_id = create_body(
            Some("ea7fa7de-a4d1-4d62-afd0-fdef47f597b8"),
            Some("ns"),
            &json!({}),
            Some("d".to_owned()),
            Some("26fe6931-d429-4044-bb05-e987611809c4"),
            &json!({}),
        )
        .unwrap();
        assert_eq!(
            by_id,
            json!({"description": "d", "source_execution_id": "26fe6931-d429-4044-bb05-e987611809c4",
                   "workflow_id": "ea7fa7de-a4d1-4d62-afd0-fdef47f597b8", "workflow_namespace": "ns"})
        );
        assert_eq!(
            create_body(None, None, &json!({}), None, None, &json!({}))
                .unwrap_err()
                .message,
            "Execution is missing field \"workflow_identifier\""
        );
    }

    #[test]
    fn create_with_bad_input_fails_before_calling() {
        let (output, sent) = run(
            &Create,
            &args(&[
                ("workflow_identifier", "sample_wf".into()),
                ("workflow_input", "{'bogus': 1}".into()),
            ]),
            &[],
        );
        assert!(sent.is_empty());
        assert_eq!(
            output.unwrap_err().message,
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
    }

    #[test]
    fn create_and_wait_for_failure() {
        let running = r#"{"id": "e1", "state": "RUNNING", "created_at": "2026-11-25 08:43:44"}"#;
        let failed = r#"{"id": "e1", "state": "ERROR", "state_info": "Failure caused by error in tasks: boom",
            "created_at": "2026-11-25 08:43:44", "updated_at": "2026-11-25 08:43:46"}"#;
        let (output, sent) = run(
            &Create,
            &args(&[
                ("workflow_identifier", "mtest_fail".into()),
                ("namespace", "".into()),
                ("description", "".into()),
                ("wait", true.into()),
            ]),
            &[(201, running), (200, failed)],
        );
        assert_eq!(lines(&sent), vec!["POST /executions", "GET /executions/e1"]);
        let Output::Failed { output, message } = output.unwrap() else {
            panic!("not a failure");
        };
        assert_eq!(
            message,
            "Workflow execution e1 ended in ERROR: Failure caused by error in tasks: boom"
        );
        let Output::Show { values, .. } = *output else {
            panic!("not a show");
        };
        assert_eq!(values[11], Value::str("0:00:02"));
    }

    #[test]
    fn io_shows_are_raw_json() {
        let (output, _) = run(
            &OutputShow,
            &args(&[("id", "x".into())]),
            &[(200, EXECUTION)],
        );
        assert_eq!(
            output.unwrap(),
            Output::Text {
                text: "{\n    \"greeting\": \"Hello, OSC!\"\n}\n".to_owned()
            }
        );
        let (output, _) = run(
            &PublishedShow,
            &args(&[("id", "x".into())]),
            &[(200, EXECUTION)],
        );
        assert_eq!(
            output.unwrap(),
            Output::Text {
                text: "\n".to_owned()
            }
        );
    }

    #[test]
    fn report_tree() {
        let report = json!({
            "statistics": {"success_tasks_count": 1, "error_tasks_count": 1, "running_tasks_count": 0,
                           "idle_tasks_count": 0, "paused_tasks_count": 0},
            "root_workflow_execution": {
                "name": "mtest_fail", "state": "ERROR", "id": "e1",
                "task_executions": [{
                    "name": "boom", "state": "ERROR", "id": "t1", "state_info": "line one\nline two",
                    "action_executions": [{"name": "std.fail", "state": "ERROR", "id": "a1",
                                           "state_info": "it broke"}]
                }]
            }
        });
        assert_eq!(
            report_text(&report).unwrap(),
            "\nTo get more details on a task failure run: mistral task-get <id> -c 'State info'\n\n\
             ============================== General Statistics ==============================\n\n\
             Number of tasks in SUCCESS state: 1\n\
             Number of tasks in ERROR state: 1\n\
             Number of tasks in RUNNING state: 0\n\
             Number of tasks in IDLE state: 0\n\
             Number of tasks in PAUSED state: 0\n\n\
             ============================== Workflow Execution Tree ==============================\n\n\
             workflow 'mtest_fail' [ERROR] e1\n\
             \x20   task 'boom' [ERROR] t1\n\
             \x20   (error info: line one line two...)\n\
             \x20       action 'std.fail' [ERROR] a1\n\
             \x20       (error info: it broke...)\n"
        );
        assert_eq!(report_text(&json!({})).unwrap_err().message, "'statistics'");
    }

    #[test]
    fn report_query() {
        let report = r#"{"statistics": {"success_tasks_count": 2, "error_tasks_count": 0,
            "running_tasks_count": 0, "idle_tasks_count": 0, "paused_tasks_count": 0}}"#;
        let (_, sent) = run(
            &ReportShow,
            &args(&[
                ("id", "e1".into()),
                ("errors_only", true.into()),
                ("statistics_only", false.into()),
                ("max_depth", ArgValue::Int(-1)),
            ]),
            &[(200, report)],
        );
        assert_eq!(
            lines(&sent),
            vec!["GET /executions/e1/report?errors_only=True&max_depth=-1"]
        );
    }
}
