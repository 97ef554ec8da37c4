//! `cron trigger list/show/create/delete` (mistralclient `commands/v2/cron_triggers.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::api::{ensure_not_empty, segment, Mistral};
use crate::input::load_json;
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::pyjson;
use crate::shape::{self, cell, Column};
use crate::text::{is_uuid_like, truthy};
use crate::time;

/// `CronTriggerFormatter.COLUMNS`.
const COLUMNS: &[Column] = &[
    ("name", "Name", false),
    ("workflow_name", "Workflow", false),
    ("workflow_params", "Params", false),
    ("pattern", "Pattern", false),
    ("next_execution_time", "Next execution time", false),
    ("remaining_executions", "Remaining executions", false),
    ("created_at", "Created at", false),
    ("updated_at", "Updated at", false),
];

fn row(trigger: &Json) -> Vec<Value> {
    COLUMNS
        .iter()
        .map(|(field, _, _)| cell(trigger, field))
        .collect()
}

fn show(trigger: &Json) -> Output {
    shape::show(&shape::headings(COLUMNS), row(trigger))
}

/// `cron trigger list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all cron triggers."
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
        let triggers = Mistral::new(manager).list("/cron_triggers", query, "cron_triggers")?;
        let rows = triggers.iter().map(row).collect();
        Ok(list_output(&shape::headings(COLUMNS), rows))
    }
}

/// `cron trigger show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific cron trigger."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("cron_trigger").help("Cron trigger name"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = opt_str(args, "cron_trigger");
        ensure_not_empty("CronTrigger", "name", Some(&name))?;
        let trigger =
            Mistral::new(manager).get(&format!("/cron_triggers/{}", segment(&name)), Vec::new())?;
        Ok(show(&trigger))
    }
}

/// A JSON argument, or `{}` when not given.
fn json_or_empty(args: &Args, dest: &str) -> Result<Json> {
    match opt(args, dest).filter(|text| !text.is_empty()) {
        Some(text) => load_json(&text),
        None => Ok(Json::Object(Map::new())),
    }
}

/// `cron trigger create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new trigger."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("name").help("Cron trigger name"));
        parser.add(Arg::positional("workflow_identifier").help("Workflow name or ID"));
        parser.add(
            Arg::positional("workflow_input")
                .nargs(Nargs::Optional)
                .help("Workflow input"),
        );
        parser.add(Arg::option(&["--params"]).help("Workflow params"));
        parser.add(
            Arg::option(&["--pattern"])
                .metavar("<* * * * *>")
                .help("Cron trigger pattern"),
        );
        parser.add(
            Arg::option(&["--first-time"])
                .metavar("<YYYY-MM-DD HH:MM>")
                .help(
                    "Date and time of the first execution. Time is treated as local time unless --utc is also \
                     specified",
                ),
        );
        parser.add(
            Arg::option(&["--count"])
                .int()
                .metavar("<integer>")
                .help("Number of wanted executions"),
        );
        parser.add(
            Arg::option(&["--utc"])
                .flag()
                .help("All times specified should be treated as UTC"),
        );
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let input = json_or_empty(args, "workflow_input")?;
        let params = json_or_empty(args, "params")?;
        let first_time = match opt(args, "first_time") {
            Some(text) if !args.flag("utc") && !text.is_empty() => {
                Some(time::local_minutes_to_utc(&text).map_err(Error::command)?)
            }
            other => other,
        };
        let name = opt(args, "name");
        let identifier = opt(args, "workflow_identifier");
        ensure_not_empty("CronTrigger", "name", name.as_deref())?;
        ensure_not_empty("CronTrigger", "workflow_identifier", identifier.as_deref())?;
        let text = |value: Option<String>| value.map_or(Json::Null, Json::String);
        let mut body = Map::new();
        body.insert("name".to_owned(), text(name));
        body.insert("pattern".to_owned(), text(opt(args, "pattern")));
        body.insert("first_execution_time".to_owned(), text(first_time));
        body.insert(
            "remaining_executions".to_owned(),
            args.int("count").map_or(Json::Null, Json::from),
        );
        let identifier = identifier.unwrap_or_default();
        let key = if is_uuid_like(&identifier) {
            "workflow_id"
        } else {
            "workflow_name"
        };
        body.insert(key.to_owned(), Json::String(identifier));
        if truthy(&input) {
            body.insert(
                "workflow_input".to_owned(),
                Json::String(pyjson::dumps(&input, None)),
            );
        }
        if truthy(&params) {
            body.insert(
                "workflow_params".to_owned(),
                Json::String(pyjson::dumps(&params, None)),
            );
        }
        let trigger = Mistral::new(manager).create("/cron_triggers", Json::Object(body))?;
        Ok(show(&trigger))
    }
}

/// `cron trigger delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete trigger."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("cron_trigger")
                .nargs(Nargs::OneOrMore)
                .help("Name of cron trigger(s)."),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        shape::on_many(
            manager,
            args,
            &args.strings("cron_trigger"),
            |manager, name| {
                ensure_not_empty("CronTrigger", "name", Some(name))?;
                Mistral::new(manager)
                    .delete(&format!("/cron_triggers/{}", segment(name)), Vec::new())
            },
            |name| format!("Request to delete cron trigger {name} has been accepted."),
            "Unable to delete the specified cron trigger(s).",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, run};
    use cliff::ArgValue;
    use serde_json::json;

    #[test]
    fn create_body() {
        let trigger = r#"{"name": "mtest-cron", "workflow_name": "mtest_echo", "workflow_params": "{}",
            "pattern": "* * * * *", "next_execution_time": "2030-01-01 00:00:00", "remaining_executions": 2,
            "created_at": "2026-11-25 08:43:37", "updated_at": null}"#;
        let (output, sent) = run(
            &Create,
            &args(&[
                ("name", "mtest-cron".into()),
                ("workflow_identifier", "mtest_echo".into()),
                ("workflow_input", "{\"name\": \"cron\"}".into()),
                ("pattern", "* * * * *".into()),
                ("first_time", "2030-01-01 00:00".into()),
                ("count", ArgValue::Int(2)),
                ("utc", true.into()),
            ]),
            &[(201, trigger)],
        );
        assert_eq!(lines(&sent), vec!["POST /cron_triggers"]);
        assert_eq!(
            sent[0].json,
            Some(json!({"name": "mtest-cron", "pattern": "* * * * *",
                        "first_execution_time": "2030-01-01 00:00", "remaining_executions": 2,
                        "workflow_name": "mtest_echo", "workflow_input": "{\"name\": \"cron\"}"}))
        );
        assert_eq!(
            output.unwrap(),
            shape::show(
                &shape::headings(COLUMNS),
                vec![
                    Value::str("mtest-cron"),
                    Value::str("mtest_echo"),
                    Value::str("{}"),
                    Value::str("* * * * *"),
                    Value::str("2030-01-01 00:00:00"),
                    Value::Int(2),
                    Value::str("2026-11-25 08:43:37"),
                    Value::Null,
                ]
            )
        );
    }

    #[test]
    fn bad_first_time() {
        let (output, sent) = run(
            &Create,
            &args(&[
                ("name", "mtest-cron".into()),
                ("workflow_identifier", "mtest_echo".into()),
                ("first_time", "tomorrow".into()),
            ]),
            &[],
        );
        assert!(sent.is_empty());
        assert_eq!(
            output.unwrap_err().message,
            "time data 'tomorrow' does not match format '%Y-%m-%d %H:%M'"
        );
    }
}
