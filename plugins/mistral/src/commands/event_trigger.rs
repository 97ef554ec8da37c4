//! `event trigger list/show/create/delete` (mistralclient `commands/v2/event_triggers.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::api::{ensure_not_empty, segment, Mistral};
use crate::input::load_json;
use crate::listing::{self, list_output, opt, opt_str, ListOptions};
use crate::pyjson;
use crate::shape::{self, cell, Column};
use crate::text::truthy;

/// `EventTriggerFormatter.COLUMNS`.
const COLUMNS: &[Column] = &[
    ("id", "ID", false),
    ("name", "Name", false),
    ("workflow_id", "Workflow ID", false),
    ("workflow_params", "Params", false),
    ("exchange", "Exchange", false),
    ("topic", "Topic", false),
    ("event", "Event", false),
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

/// `event trigger list`.
pub struct List;

impl Command<ClientManager> for List {
    fn description(&self) -> &str {
        "List all event triggers."
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
        let triggers = Mistral::new(manager).list("/event_triggers", query, "event_triggers")?;
        let rows = triggers.iter().map(row).collect();
        Ok(list_output(&shape::headings(COLUMNS), rows))
    }
}

/// `event trigger show`.
pub struct Show;

impl Command<ClientManager> for Show {
    fn description(&self) -> &str {
        "Show specific event trigger."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("event_trigger").help("Event trigger ID"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = opt_str(args, "event_trigger");
        ensure_not_empty("EventTrigger", "id", Some(&id))?;
        let trigger =
            Mistral::new(manager).get(&format!("/event_triggers/{}", segment(&id)), Vec::new())?;
        Ok(show(&trigger))
    }
}

/// `event trigger create`.
pub struct Create;

impl Command<ClientManager> for Create {
    fn description(&self) -> &str {
        "Create new trigger."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("name").help("Event trigger name"));
        parser.add(Arg::positional("workflow_id").help("Workflow ID"));
        parser.add(Arg::positional("exchange").help("Event trigger exchange"));
        parser.add(Arg::positional("topic").help("Event trigger topic"));
        parser.add(Arg::positional("event").help("Event trigger event name"));
        parser.add(
            Arg::positional("workflow_input")
                .nargs(Nargs::Optional)
                .help("Workflow input"),
        );
        parser.add(Arg::option(&["--params"]).help("Workflow params"));
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        let json_or_empty = |dest: &str| match opt(args, dest).filter(|t| !t.is_empty()) {
            Some(text) => load_json(&text),
            None => Ok(Json::Object(Map::new())),
        };
        let input = json_or_empty("workflow_input")?;
        let params = json_or_empty("params")?;
        let name = opt(args, "name");
        let workflow_id = opt(args, "workflow_id");
        ensure_not_empty("EventTrigger", "name", name.as_deref())?;
        ensure_not_empty("EventTrigger", "workflow_id", workflow_id.as_deref())?;
        let text = |value: Option<String>| value.map_or(Json::Null, Json::String);
        let mut body = Map::new();
        body.insert("workflow_id".to_owned(), text(workflow_id));
        body.insert("name".to_owned(), text(name));
        for key in ["exchange", "topic", "event"] {
            body.insert(key.to_owned(), text(opt(args, key)));
        }
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
        let trigger = Mistral::new(manager).create("/event_triggers", Json::Object(body))?;
        Ok(show(&trigger))
    }
}

/// `event trigger delete`.
pub struct Delete;

impl Command<ClientManager> for Delete {
    fn description(&self) -> &str {
        "Delete trigger."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("event_trigger_id")
                .nargs(Nargs::OneOrMore)
                .help("ID of event trigger(s)."),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, manager: &mut ClientManager, args: &Args) -> Result<Output> {
        shape::on_many(
            manager,
            args,
            &args.strings("event_trigger_id"),
            |manager, id| {
                ensure_not_empty("EventTrigger", "id", Some(id))?;
                Mistral::new(manager)
                    .delete(&format!("/event_triggers/{}", segment(id)), Vec::new())
            },
            |id| format!("Request to delete event trigger {id} has been accepted."),
            "Unable to delete the specified event trigger(s).",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{args, lines, run};
    use serde_json::json;

    #[test]
    fn create_body() {
        let (_, sent) = run(
            &Create,
            &args(&[
                ("name", "mtest-event".into()),
                ("workflow_id", "ea7fa7de-a4d1-4d62-afd0-fdef47f597b8".into()),
                ("exchange", "nova".into()),
                ("topic", "notifications".into()),
                ("event", "compute.instance.create.end".into()),
                ("params", "{\"env\": {}}".into()),
            ]),
            &[(201, "{}")],
        );
        assert_eq!(lines(&sent), vec!["POST /event_triggers"]);
        assert_eq!(
            sent[0].json,
            Some(
                json!({"workflow_id": "ea7fa7de-a4d1-4d62-afd0-fdef47f597b8", "name": "mtest-event",
                        "exchange": "nova", "topic": "notifications", "event": "compute.instance.create.end",
                        "workflow_params": "{\"env\": {}}"})
            )
        );
    }
}
