//! `task execution list/show/published show/result show/rerun` (mistralclient `commands/v2/tasks.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::api::{ensure_not_empty, segment, Mistral};
use crate::input::load_env;
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::pyjson;
use crate::shape::{self, cell, field, or_none, raw_json_text, Column};
use crate::text::{cut, truthy};
use crate::time;

/// `TaskFormatter.COLUMNS`; Duration is computed here.
const COLUMNS: &[Column] = &[
    ("id", "ID", false),
    ("name", "Name", false),
    ("workflow_name", "Workflow name", false),
    ("workflow_namespace", "Workflow namespace", false),
    ("workflow_execution_id", "Workflow Execution ID", false),
    ("state", "State", false),
    ("state_info", "State info", false),
    ("created_at", "Created at", false),
    ("started_at", "Started at", false),
    ("finished_at", "Finished at", false),
    ("duration", "Duration", true),
];

/// A task's cells at time `now`; lists cut the State info. The duration runs from start to finish (or now).
fn row(task: &Json, lister: bool, now: i64) -> Result<Vec<Value>> {
    let state_info = field(task, "state_info");
    let duration = time::duration(field(task, "started_at"), field(task, "finished_at"), now)
        .map_err(Error::command)?;
    Ok(vec![
        cell(task, "id"),
        cell(task, "name"),
        cell(task, "workflow_name"),
        cell(task, "workflow_namespace"),
        cell(task, "workflow_execution_id"),
        cell(task, "state"),
        Value::from_json(&if lister {
            cut(state_info)
        } else {
            state_info.clone()
        }),
        cell(task, "created_at"),
        or_none(field(task, "started_at")),
        or_none(field(task, "finished_at")),
        Value::str(duration),
    ])
}

fn show(task: &Json) -> Result<Output> {
    Ok(shape::show(
        &shape::headings(COLUMNS),
        row(task, false, time::now())?,
    ))
}

/// `GET /tasks/<id>`.
fn get(manager: &mut ClientManager, id: &str) -> Result<Json> {
    ensure_not_empty("Task", "id", Some(id))?;
    Mistral::new(manager).get(&format!("/tasks/{}", segment(id)), Vec::new())
}

/// `task execution list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all tasks."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        listing::add_arguments(parser, true);
        parser.add(
            Arg::positional("workflow_execution")
                .nargs(Nargs::Optional)
                .help("Workflow execution ID associated with list of Tasks."),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let options = ListOptions::from_args(args, true)?;
        let path = match opt(args, "workflow_execution").filter(|e| !e.is_empty()) {
            Some(execution) => format!("/executions/{}/tasks", segment(&execution)),
            None => "/tasks".to_owned(),
        };
        let query = options.query(Some(&shape::fields(COLUMNS)), &options.filters);
        let tasks = options.arrange(Mistral::new(manager).list(&path, query, "tasks")?);
        let now = time::now();
        let rows = tasks
            .iter()
            .map(|t| row(t, true, now))
            .collect::<Result<Vec<_>>>()?;
        Ok(list_output(&shape::headings(COLUMNS), rows))
    }
}

/// `task execution show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific task."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("task").help("Task identifier"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let task = get(manager, &opt_str(args, "task"))?;
        show(&task)
    }
}

/// `task execution published show`.
pub struct PublishedShow;

impl Command<ClientManager> for PublishedShow {
    fn description(&self) -> &str {
        "Show task published variables."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Task ID"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let task = get(manager, &opt_str(args, "id"))?;
        Ok(Output::Text {
            text: published_text(&task)?,
        })
    }
}

/// The task's published variables, then its global ones when it has any, each pretty-printed; the raw text
/// when the first is not JSON.
fn published_text(task: &Json) -> Result<String> {
    let published = field(task, "published");
    let parsed = match published {
        Json::String(text) => pyjson::loads(text).ok(),
        _ => None,
    };
    let Some(parsed) = parsed else {
        return raw_json_text(published);
    };
    let mut text = format!("{}\n", pyjson::dumps(&parsed, Some(4)));
    let global = field(task, "published_global");
    if truthy(global) {
        if let Json::String(global) = global {
            if let Ok(global) = pyjson::loads(global) {
                text.push_str(&pyjson::dumps(&global, Some(4)));
                text.push('\n');
            }
        }
    }
    Ok(text)
}

/// `task execution result show`.
pub struct ResultShow;

impl Command<ClientManager> for ResultShow {
    fn description(&self) -> &str {
        "Show task output data."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Task ID"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let task = get(manager, &opt_str(args, "id"))?;
        Ok(Output::Text {
            text: raw_json_text(field(&task, "result"))?,
        })
    }
}

/// `task execution rerun`.
pub struct Rerun;

impl Command<ClientManager> for Rerun {
    fn description(&self) -> &str {
        "Rerun an existing task."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("id").help("Task identifier"));
        parser.add(
            Arg::option(&["--resume"])
                .dest("resume")
                .flag()
                .help("rerun only failed or unstarted action executions for with-items task"),
        );
        parser.add(
            Arg::option(&["-e", "--env"])
                .dest("env")
                .help("Environment variables"),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let env = load_env(opt(args, "env").as_deref())?;
        let id = opt_str(args, "id");
        let mut body = Map::new();
        body.insert("id".to_owned(), Json::String(id.clone()));
        body.insert("state".to_owned(), Json::from("RUNNING"));
        body.insert("reset".to_owned(), Json::Bool(!args.flag("resume")));
        if truthy(&env) {
            body.insert("env".to_owned(), Json::String(pyjson::dumps(&env, None)));
        }
        let task = Mistral::new(manager)
            .update(&format!("/tasks/{}", segment(&id)), Json::Object(body))?;
        show(&task)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, list_defaults, run};
    use serde_json::json;

    const TASK: &str = r#"{"id": "34e36c0a-f890-4acc-90eb-bd6e449195c3", "name": "say_hello",
        "workflow_name": "sample_wf", "workflow_namespace": "",
        "workflow_execution_id": "26fe6931-d429-4044-bb05-e987611809c4", "state": "SUCCESS", "state_info": null,
        "created_at": "2026-11-25 08:43:44", "started_at": "2026-11-25 08:43:44",
        "finished_at": "2026-11-25 08:43:45", "result": "\"Hello, OSC!\"",
        "published": "{\"greeting\": \"Hello, OSC!\"}", "published_global": "{}"}"#;

    #[test]
    fn show_as_osc() {
        let (output, _) = run(&Show, &args(&[("task", "34e3".into())]), &[(200, TASK)]);
        assert_eq!(
            output.unwrap(),
            shape::show(
                &shape::headings(COLUMNS),
                vec![
                    Value::str("34e36c0a-f890-4acc-90eb-bd6e449195c3"),
                    Value::str("say_hello"),
                    Value::str("sample_wf"),
                    Value::str(""),
                    Value::str("26fe6931-d429-4044-bb05-e987611809c4"),
                    Value::str("SUCCESS"),
                    Value::Null,
                    Value::str("2026-11-25 08:43:44"),
                    Value::str("2026-11-25 08:43:44"),
                    Value::str("2026-11-25 08:43:45"),
                    Value::str("0:00:01"),
                ]
            )
        );
    }

    #[test]
    fn list_of_an_execution() {
        let (_, sent) = run(
            &List,
            &args(&{
                let mut pairs = list_defaults(true);
                pairs.push(("workflow_execution", "e1".into()));
                pairs
            }),
            &[(200, r#"{"tasks": []}"#)],
        );
        assert_eq!(
            lines(&sent),
            vec![
                "GET /executions/e1/tasks?limit=100&sort_keys=created_at&sort_dirs=desc&fields=id,name,\
                 workflow_name,workflow_namespace,workflow_execution_id,state,state_info,created_at,started_at,\
                 finished_at"
            ]
        );
    }

    #[test]
    fn result_and_published() {
        let (output, _) = run(&ResultShow, &args(&[("id", "t".into())]), &[(200, TASK)]);
        assert_eq!(
            output.unwrap(),
            Output::Text {
                text: "\"Hello, OSC!\"\n".to_owned()
            }
        );
        let task: Json = serde_json::from_str(TASK).unwrap();
        assert_eq!(
            published_text(&task).unwrap(),
            "{\n    \"greeting\": \"Hello, OSC!\"\n}\n{}\n"
        );
        assert_eq!(
            published_text(&json!({"published": "not json"})).unwrap(),
            "not json"
        );
    }

    #[test]
    fn rerun_body() {
        let (_, sent) = run(
            &Rerun,
            &args(&[
                ("id", "t1".into()),
                ("resume", true.into()),
                ("env", "{\"a\": 1}".into()),
            ]),
            &[(200, TASK)],
        );
        assert_eq!(lines(&sent), vec!["PUT /tasks/t1"]);
        assert_eq!(
            sent[0].json,
            Some(json!({"id": "t1", "state": "RUNNING", "reset": false, "env": "{\"a\": 1}"}))
        );
    }
}
