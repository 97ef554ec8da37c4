//! The 70 commands of `openstack.workflow_engine.v2`, one object per file, and the one list that registers them.

use std::sync::Arc;

use cliff::argparse::Nargs;
use cliff::{Arg, Args};
use osc_lib::PluginCommand;

mod action;
mod action_execution;
mod code_source;
mod cron_trigger;
mod dynamic_action;
mod environment;
mod event_trigger;
mod execution;
mod member;
mod task;
mod workbook;
mod workflow;

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
    use cliff::{ArgValue, Parser};

    /// Parses `argv` with the named command's own arguments, as the framework would after its formatter options.
    fn parse(name: &str, argv: &[&str]) -> Args {
        let command = all()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, command)| command)
            .expect("a registered command");
        let mut parser = Parser::new(&format!("openstack {name}"));
        command.add_arguments(&mut parser);
        let argv: Vec<String> = argv.iter().map(|a| (*a).to_owned()).collect();
        parser
            .parse_args(&argv)
            .unwrap_or_else(|err| panic!("{name} {argv:?}: {}", err.message))
    }

    #[test]
    fn every_command_parses_a_typical_line() {
        let lines: &[(&str, &[&str])] = &[
            ("workbook list", &["--limit", "5"]),
            ("workbook show", &["wb"]),
            ("workbook create", &["wb.yaml", "--public"]),
            ("workbook delete", &["a", "b"]),
            ("workbook update", &["wb.yaml", "--namespace", "ns"]),
            ("workbook definition show", &["wb"]),
            ("workbook validate", &["wb.yaml"]),
            (
                "workflow list",
                &["--filter", "name=x", "--filter", "scope=private"],
            ),
            ("workflow show", &["wf", "--namespace"]),
            (
                "workflow create",
                &["wf.yaml", "--namespace", "ns", "--public"],
            ),
            ("workflow delete", &["a", "b", "--namespace", "ns"]),
            ("workflow update", &["wf.yaml", "--id", "1"]),
            ("workflow definition show", &["wf"]),
            ("workflow validate", &["wf.yaml"]),
            ("workflow env create", &["env.yaml"]),
            ("workflow env delete", &["a"]),
            ("workflow env update", &["env.yaml"]),
            ("workflow env list", &[]),
            ("workflow env show", &["e", "--export"]),
            (
                "action execution run",
                &["std.echo", "{}", "-s", "--run-sync", "-t", "x", "--wait"],
            ),
            ("action execution list", &["t1", "--oldest"]),
            ("action execution show", &["a1"]),
            ("action execution input show", &["a1"]),
            ("action execution output show", &["a1"]),
            (
                "action execution update",
                &["a1", "--state", "ERROR", "--output", "{}"],
            ),
            ("action execution delete", &["a1", "a2"]),
            (
                "workflow execution create",
                &["wf", "{}", "{}", "-d", "x", "-s", "s1", "--wait"],
            ),
            ("workflow execution delete", &["e1", "--force"]),
            (
                "workflow execution update",
                &["e1", "-s", "PAUSED", "-e", "{}", "-d", "x"],
            ),
            ("workflow execution list", &["--task", "t1", "--rootsonly"]),
            ("workflow execution show", &["e1"]),
            ("workflow execution input show", &["e1"]),
            ("workflow execution output show", &["e1"]),
            (
                "workflow execution report show",
                &["e1", "--no-errors-only", "--max-depth", "2"],
            ),
            ("workflow execution published show", &["e1"]),
            ("task execution list", &["e1"]),
            ("task execution show", &["t1"]),
            ("task execution published show", &["t1"]),
            ("task execution result show", &["t1"]),
            ("task execution rerun", &["t1", "--resume", "-e", "{}"]),
            ("action definition list", &["--namespace", "ns"]),
            ("action definition show", &["std.echo"]),
            ("action definition create", &["a.yaml", "--public"]),
            ("action definition delete", &["a", "b"]),
            ("action definition update", &["a.yaml", "--id", "1"]),
            ("action definition definition show", &["a"]),
            ("cron trigger list", &[]),
            ("cron trigger show", &["c"]),
            (
                "cron trigger create",
                &[
                    "c",
                    "wf",
                    "{}",
                    "--params",
                    "{}",
                    "--pattern",
                    "* * * * *",
                    "--count",
                    "2",
                    "--utc",
                ],
            ),
            ("cron trigger delete", &["c"]),
            ("event trigger list", &[]),
            ("event trigger show", &["e"]),
            (
                "event trigger create",
                &["e", "wf", "x", "t", "ev", "{}", "--params", "{}"],
            ),
            ("event trigger delete", &["e"]),
            ("resource member list", &["r", "workflow"]),
            ("resource member show", &["r", "workflow", "-m", "p"]),
            ("resource member create", &["r", "workflow", "p"]),
            ("resource member delete", &["r", "workflow", "p"]),
            (
                "resource member update",
                &["r", "workflow", "-s", "rejected"],
            ),
            ("code source list", &[]),
            ("code source show", &["c"]),
            ("code source create", &["c", "c.py", "--public"]),
            ("code source delete", &["c", "--namespace", "ns"]),
            ("code source update", &["c", "c.py", "--id", "1"]),
            ("code source content show", &["c"]),
            ("dynamic action list", &[]),
            ("dynamic action show", &["d"]),
            ("dynamic action create", &["d", "Class", "c"]),
            ("dynamic action delete", &["d"]),
            (
                "dynamic action update",
                &["d", "--class-name", "C", "--code-source", "c"],
            ),
        ];
        assert_eq!(lines.len(), 70);
        for (name, argv) in lines {
            parse(name, argv);
        }
    }

    #[test]
    fn defaults_as_mistralclient() {
        let args = parse("workflow execution list", &[]);
        assert_eq!(args.get("limit"), &ArgValue::Int(100));
        assert_eq!(args.str("marker"), Some(""));
        assert_eq!(args.str("sort_keys"), Some("created_at"));
        assert_eq!(args.str("sort_dirs"), Some("asc"));
        assert!(!args.flag("oldest"));
        let args = parse("workflow list", &["--marker", "--limit"]);
        assert_eq!(args.get("marker"), &ArgValue::Null);
        assert_eq!(args.get("limit"), &ArgValue::Null);
        let report = parse("workflow execution report show", &["e1"]);
        assert_eq!(report.get("errors_only"), &ArgValue::Bool(true));
        assert_eq!(report.get("max_depth"), &ArgValue::Int(-1));
        let report = parse(
            "workflow execution report show",
            &["e1", "--no-errors-only"],
        );
        assert_eq!(report.get("errors_only"), &ArgValue::Bool(false));
        let create = parse("workflow execution create", &["wf", "-s"]);
        assert_eq!(create.get("source_execution_id"), &ArgValue::Null);
        assert_eq!(create.str("namespace"), Some(""));
        assert_eq!(create.str("description"), Some(""));
        let delete = parse("workflow delete", &["wf"]);
        assert_eq!(delete.get("namespace"), &ArgValue::Null);
        let update = parse("resource member update", &["r", "workflow"]);
        assert_eq!(update.str("status"), Some("accepted"));
        assert_eq!(update.str("member_id"), Some(""));
    }

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
