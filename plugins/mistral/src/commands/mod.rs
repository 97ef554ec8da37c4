//! The 70 commands of `openstack.workflow_engine.v2`, one object per file, and the one list that registers them.

use std::sync::Arc;

use cliff::argparse::Nargs;
use cliff::{Arg, Args};
use osc_lib::PluginCommand;

pub mod action;
pub mod action_execution;
pub mod code_source;
pub mod cron_trigger;
pub mod dynamic_action;
pub mod environment;
pub mod event_trigger;
pub mod execution;
pub mod member;
pub mod task;
pub mod workbook;
pub mod workflow;

/// Every command with its name, in python-mistralclient's `setup.cfg` order.
pub fn all() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("workbook list", Arc::new(workbook::List)),
        ("workbook show", Arc::new(workbook::Show)),
        ("workbook create", Arc::new(workbook::Create)),
        ("workbook delete", Arc::new(workbook::Delete)),
        ("workbook update", Arc::new(workbook::Update)),
        (
            "workbook definition show",
            Arc::new(workbook::DefinitionShow),
        ),
        ("workbook validate", Arc::new(workbook::Validate)),
        ("workflow list", Arc::new(workflow::List)),
        ("workflow show", Arc::new(workflow::Show)),
        ("workflow create", Arc::new(workflow::Create)),
        ("workflow delete", Arc::new(workflow::Delete)),
        ("workflow update", Arc::new(workflow::Update)),
        (
            "workflow definition show",
            Arc::new(workflow::DefinitionShow),
        ),
        ("workflow validate", Arc::new(workflow::Validate)),
        ("workflow env create", Arc::new(environment::Create)),
        ("workflow env delete", Arc::new(environment::Delete)),
        ("workflow env update", Arc::new(environment::Update)),
        ("workflow env list", Arc::new(environment::List)),
        ("workflow env show", Arc::new(environment::Show)),
        ("action execution run", Arc::new(action_execution::Run)),
        ("action execution list", Arc::new(action_execution::List)),
        ("action execution show", Arc::new(action_execution::Show)),
        (
            "action execution input show",
            Arc::new(action_execution::InputShow),
        ),
        (
            "action execution output show",
            Arc::new(action_execution::OutputShow),
        ),
        (
            "action execution update",
            Arc::new(action_execution::Update),
        ),
        (
            "action execution delete",
            Arc::new(action_execution::Delete),
        ),
        ("workflow execution create", Arc::new(execution::Create)),
        ("workflow execution delete", Arc::new(execution::Delete)),
        ("workflow execution update", Arc::new(execution::Update)),
        ("workflow execution list", Arc::new(execution::List)),
        ("workflow execution show", Arc::new(execution::Show)),
        (
            "workflow execution input show",
            Arc::new(execution::InputShow),
        ),
        (
            "workflow execution output show",
            Arc::new(execution::OutputShow),
        ),
        (
            "workflow execution report show",
            Arc::new(execution::ReportShow),
        ),
        (
            "workflow execution published show",
            Arc::new(execution::PublishedShow),
        ),
        ("task execution list", Arc::new(task::List)),
        ("task execution show", Arc::new(task::Show)),
        (
            "task execution published show",
            Arc::new(task::PublishedShow),
        ),
        ("task execution result show", Arc::new(task::ResultShow)),
        ("task execution rerun", Arc::new(task::Rerun)),
        ("action definition list", Arc::new(action::List)),
        ("action definition show", Arc::new(action::Show)),
        ("action definition create", Arc::new(action::Create)),
        ("action definition delete", Arc::new(action::Delete)),
        ("action definition update", Arc::new(action::Update)),
        (
            "action definition definition show",
            Arc::new(action::DefinitionShow),
        ),
        ("cron trigger list", Arc::new(cron_trigger::List)),
        ("cron trigger show", Arc::new(cron_trigger::Show)),
        ("cron trigger create", Arc::new(cron_trigger::Create)),
        ("cron trigger delete", Arc::new(cron_trigger::Delete)),
        ("event trigger list", Arc::new(event_trigger::List)),
        ("event trigger show", Arc::new(event_trigger::Show)),
        ("event trigger create", Arc::new(event_trigger::Create)),
        ("event trigger delete", Arc::new(event_trigger::Delete)),
        ("resource member list", Arc::new(member::List)),
        ("resource member show", Arc::new(member::Show)),
        ("resource member create", Arc::new(member::Create)),
        ("resource member delete", Arc::new(member::Delete)),
        ("resource member update", Arc::new(member::Update)),
        ("code source list", Arc::new(code_source::List)),
        ("code source show", Arc::new(code_source::Show)),
        ("code source create", Arc::new(code_source::Create)),
        ("code source delete", Arc::new(code_source::Delete)),
        ("code source update", Arc::new(code_source::Update)),
        (
            "code source content show",
            Arc::new(code_source::ContentShow),
        ),
        ("dynamic action list", Arc::new(dynamic_action::List)),
        ("dynamic action show", Arc::new(dynamic_action::Show)),
        ("dynamic action create", Arc::new(dynamic_action::Create)),
        ("dynamic action delete", Arc::new(dynamic_action::Delete)),
        ("dynamic action update", Arc::new(dynamic_action::Update)),
    ];
    commands
        .into_iter()
        .map(|(name, command)| (name.to_owned(), command))
        .collect()
}

/// `--namespace [NAMESPACE]`; its default is `''` or, for some commands, `None`.
fn namespace_arg(help: &str, default_empty: bool) -> Arg {
    let arg = Arg::option(&["--namespace"])
        .nargs(Nargs::Optional)
        .help(help);
    if default_empty {
        arg.default("")
    } else {
        arg
    }
}

/// `--public`.
fn public_arg(help: &str) -> Arg {
    Arg::option(&["--public"]).flag().help(help)
}

/// The `definition` file positional (argparse `FileType('r')`).
fn definition_arg(help: &str) -> Arg {
    Arg::positional("definition").help(help)
}

/// `public` with `--public`, else `private`.
fn scope(args: &Args) -> &'static str {
    if args.flag("public") {
        "public"
    } else {
        "private"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seventy_commands_in_twelve_objects() {
        let commands = all();
        assert_eq!(commands.len(), 70);
        let mut names: Vec<&str> = commands.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 70);
        assert_eq!(commands[0].0, "workbook list");
        assert_eq!(commands[69].0, "dynamic action update");
    }
}
