//! `command list` and `module list`: what is loaded, in OSC's layout.

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;

/// `command list [--group <group-keyword>]`.
pub struct ListCommand;

impl Command<ClientManager> for ListCommand {
    fn description(&self) -> &str {
        "List recognized commands by group"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn auth_required(&self) -> bool {
        false
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--group"]).metavar("<group-keyword>").help(
            "Show commands filtered by a command group, for example: identity, volume, compute, image, network and other keywords",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let filter = args.str("group");
        // As OSC: the table shows each group's commands as one multi-line cell, other formats as a list.
        let as_table = args.str("formatter").unwrap_or("table") == "table";
        let rows = ctx
            .settings
            .command_groups
            .iter()
            .filter(|(group, names)| filter.is_none_or(|f| group.contains(f)) && !names.is_empty())
            .map(|(group, names)| {
                let commands = if as_table {
                    Value::Str(names.join("\n"))
                } else {
                    Value::List(names.iter().map(|name| Value::Str(name.clone())).collect())
                };
                vec![Value::Str(group.clone()), commands]
            })
            .collect();
        Ok(Output::List {
            columns: vec!["Command Group".to_owned(), "Commands".to_owned()],
            rows,
        })
    }
}

/// `module list [--all]`.
pub struct ListModule;

impl Command<ClientManager> for ListModule {
    fn description(&self) -> &str {
        "List module versions"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn auth_required(&self) -> bool {
        false
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all"])
                .flag()
                .help("Show all modules that have version information"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut modules = ctx.settings.modules.clone();
        if args.flag("all") {
            for (module, version) in [
                ("cliff", env!("CARGO_PKG_VERSION")),
                ("osc_lib", env!("CARGO_PKG_VERSION")),
            ] {
                modules.insert(module.to_owned(), version.to_owned());
            }
        }
        Ok(Output::show(
            modules
                .into_iter()
                .map(|(module, version)| (module, Value::Str(version)))
                .collect(),
        ))
    }
}
