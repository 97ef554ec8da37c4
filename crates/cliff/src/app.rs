//! The application lifecycle, as cliff's `App.run`: global options, initialisation, command lookup, the command's
//! own parser, running it, formatting what it returns, clean-up, and the exit code.

use std::io::Write;
use std::sync::Arc;

use log::LevelFilter;

use crate::argparse::{Action, Arg, ArgValue, Args, Parser};
use crate::command::{Command, CommandKind};
use crate::error::{Error, ErrorKind, Result};
use crate::format;
use crate::manager::{CommandManager, Entry};
use crate::output::Output;
use crate::printer::Printer;
use crate::{complete, terminal};

/// Name, version and description of the program.
#[derive(Debug, Clone)]
pub struct AppInfo {
    /// The program name (`openstack`), used in usage lines and messages.
    pub name: String,
    /// Printed by `--version` as `<name> <version>`.
    pub version: String,
    /// The description under the global usage.
    pub description: String,
}

/// What an application adds to the framework (cliff's `App` subclass hooks).
pub trait Application {
    /// What commands receive in `take_action`.
    type Context;

    /// Name, version and description.
    fn info(&self) -> &AppInfo;

    /// Adds the application's global options after cliff's own.
    fn add_global_options(&self, _parser: &mut Parser) {}

    /// Once per process, after global options are parsed: load configuration and register commands.
    fn initialize(
        &mut self,
        options: &Args,
        remainder: &[String],
        commands: &mut CommandManager<Self::Context>,
    ) -> Result<()>;

    /// Before each command runs (osc-lib authenticates here when the command needs it).
    fn prepare_to_run_command(
        &mut self,
        _name: &str,
        _command: &dyn Command<Self::Context>,
    ) -> Result<()> {
        Ok(())
    }

    /// The context handed to commands.
    fn context(&mut self) -> &mut Self::Context;

    /// After each command; may return text to print after the command's output (osc-lib's `--timing` table).
    fn clean_up(
        &mut self,
        _name: &str,
        _args: Option<&Args>,
        _result: &Result<i32>,
    ) -> Option<String> {
        None
    }

    /// After a command returned `output` (before it is printed): an application may learn from it (osc-lib
    /// records resource names for completion). Never fails the command.
    fn command_output(&mut self, _name: &str, _args: &Args, _output: &Output) {}

    /// Whether a list may be printed as its rows come, when the command and the format allow it (see
    /// [`crate::rows`]); otherwise every list is collected first.
    fn stream_lists(&self) -> bool {
        true
    }

    /// For a list printed as its rows come (see [`crate::rows`]), in place of `command_output`: what watches
    /// its rows, if anything.
    fn row_observer(&mut self, _name: &str, _args: &Args) -> Option<Box<dyn crate::RowObserver>> {
        None
    }

    /// Candidate values for an argument whose metavar (or, without one, dest) is `what` (`<project>`), for
    /// dynamic completion; must answer from local state only, fast.
    fn complete_values(&mut self, _what: &str) -> Vec<String> {
        Vec::new()
    }

    /// The console log level for cliff's `verbose_level` (default 1) and `--debug`.
    fn log_level(&self, verbose_level: i64, debug: bool) -> LevelFilter {
        if debug {
            return LevelFilter::Debug;
        }
        match verbose_level {
            0 => LevelFilter::Warn,
            1 => LevelFilter::Info,
            _ => LevelFilter::Debug,
        }
    }
}

/// Runs an application: owns the registry, the global parser and the parsed global options.
pub struct App<A: Application> {
    /// The application hooks.
    pub app: A,
    /// Every command.
    pub commands: CommandManager<A::Context>,
    parser: Parser,
    options: Args,
    interactive: bool,
}

/// The destinations of cliff's own global options.
pub mod dest {
    /// `-v`/`-q` count.
    pub const VERBOSE_LEVEL: &str = "verbose_level";
    /// `--log-file`.
    pub const LOG_FILE: &str = "log_file";
    /// `-h`/`--help` (deferred until the commands are known).
    pub const DEFERRED_HELP: &str = "deferred_help";
    /// `--debug`.
    pub const DEBUG: &str = "debug";
}

/// The group under which the framework's own commands (`help`, `complete`) are registered: none, so that
/// `command list` does not show them, as in cliff.
const BUILTIN_GROUP: &str = "";

/// The distribution that provides a command, when it is not the application itself: the entry's own, or cliff
/// for cliff's `help` and `complete` (OSC names both in listings and in the help epilog).
fn provider<C>(entry: &Entry<C>) -> Option<&str> {
    match &entry.dist {
        Some(dist) => Some(dist),
        None if entry.group == BUILTIN_GROUP => Some("cliff"),
        None => None,
    }
}

/// cliff's `Command.get_epilog`: the command's own epilog (or nothing), then, for a command provided by another
/// distribution than the application, `This command is provided by the <dist> plugin.`, joined by a blank line.
/// argparse fills the epilog as one paragraph, so the blank line only matters to a raw formatter.
fn epilog(own: Option<&str>, provider: Option<&str>) -> String {
    let mut parts = vec![own.unwrap_or("").to_owned()];
    if let Some(dist) = provider {
        parts.push(format!("This command is provided by the {dist} plugin."));
    }
    parts.join("\n\n")
}

struct HelpCommand;
impl<C> Command<C> for HelpCommand {
    fn description(&self) -> &str {
        "print detailed help for another command"
    }
    fn auth_required(&self) -> bool {
        false
    }
    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("cmd")
                .nargs(crate::argparse::Nargs::ZeroOrMore)
                .help("name of the command"),
        );
    }
    fn take_action(&self, _: &mut C, _: &Args) -> Result<Output> {
        unreachable!("the application runs `help` itself")
    }
}

struct CompleteCommand;
impl<C> Command<C> for CompleteCommand {
    fn description(&self) -> &str {
        "print bash completion command"
    }
    fn auth_required(&self) -> bool {
        false
    }
    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<command_name>")
                .help("Command name to support with command completion"),
        );
        parser.add(
            Arg::option(&["--shell"])
                .default("bash")
                .metavar("<shell>")
                .choices(complete::SHELLS)
                .help("Shell being used. Use none for data only (default: bash)"),
        );
        parser.add(
            Arg::option(&["--dynamic"])
                .flag()
                .help(
                    "Print a script that asks this program at each <TAB> instead: it also completes resource \
                     names and IDs (from the names that list, show and create commands printed before; no \
                     network request) and option values (bash, zsh, fish). Not in cliff",
                )
                .extension(),
        );
    }
    fn take_action(&self, _: &mut C, _: &Args) -> Result<Output> {
        unreachable!("the application runs `complete` itself")
    }
}

/// Writes to stdout, mapping a closed pipe to its own error kind.
fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(&crate::surrogate::to_bytes(text))?;
    out.flush()?;
    Ok(())
}

/// Reports a command error as osc-lib does: the message on stderr (through the logger), the detail with --debug.
fn report(err: &Error, debug: bool) {
    if err.kind == ErrorKind::BrokenPipe || err.message.is_empty() {
        return;
    }
    if err.kind == ErrorKind::Usage {
        // argparse's own stderr text, already complete.
        let _ = write!(
            std::io::stderr().lock(),
            "{}",
            crate::surrogate::backslashed(&err.message)
        );
        return;
    }
    log::error!("{}", err.message);
    if debug {
        if let Some(detail) = &err.detail {
            log::debug!("{detail}");
        }
    }
}

impl<A: Application> App<A> {
    /// Builds the global parser (cliff's options, then the application's).
    pub fn new(app: A) -> Self {
        let info = app.info().clone();
        let mut parser = Parser::new(&info.name);
        // cliff builds the global parser with argparse's plain formatter; only command parsers keep newlines.
        parser.smart_help = false;
        parser.description = Some(info.description.clone());
        parser.add(
            Arg::option(&["--version"])
                .action(Action::Version(format!("{} {}", info.name, info.version)))
                .help("show program's version number and exit"),
        );
        let verbosity = parser.add_mutex(None, false);
        parser.add_to_mutex(
            verbosity,
            Arg::option(&["-v", "--verbose"])
                .action(Action::Count)
                .dest(dest::VERBOSE_LEVEL)
                .default(1i64)
                .help("Increase verbosity of output. Can be repeated."),
        );
        parser.add_to_mutex(
            verbosity,
            Arg::option(&["-q", "--quiet"])
                .action(Action::StoreConst(ArgValue::Int(0)))
                .dest(dest::VERBOSE_LEVEL)
                .help("Suppress output except warnings and errors."),
        );
        parser.add(
            Arg::option(&["--log-file"]).help("Specify a file to log output. Disabled by default."),
        );
        parser.add(
            Arg::option(&["-h", "--help"])
                .dest(dest::DEFERRED_HELP)
                .flag()
                .help("Show help message and exit."),
        );
        parser.add(
            Arg::option(&["--debug"])
                .flag()
                .help("Show tracebacks on errors."),
        );
        app.add_global_options(&mut parser);
        let mut commands = CommandManager::new();
        commands.add(BUILTIN_GROUP, "help", Arc::new(HelpCommand), None);
        commands.add(BUILTIN_GROUP, "complete", Arc::new(CompleteCommand), None);
        App {
            app,
            commands,
            parser,
            options: Args::default(),
            interactive: false,
        }
    }

    /// The parsed global options (valid once `run` has parsed them).
    pub fn options(&self) -> &Args {
        &self.options
    }

    /// cliff's `App.run`: returns the process exit code.
    pub fn run(&mut self, argv: &[String]) -> i32 {
        // Errors in the global options must reach stderr before the options set the real level.
        crate::logging::init(LevelFilter::Warn);
        if let Some(cword) = std::env::var_os(complete::DYNAMIC_ENV) {
            return self.complete_dynamic(argv, &cword.to_string_lossy());
        }
        let (options, mut remainder) = match self.parser.parse_known_args(argv) {
            Ok(parsed) => parsed,
            Err(err) => return self.finish_early(err),
        };
        if let Some(text) = early_exit_text(&self.parser, &options, terminal::help_columns()) {
            return match write_stdout(&text) {
                Ok(()) => 0,
                Err(err) => err.kind.exit_code(),
            };
        }
        self.options = options;
        let debug = self.options.flag(dest::DEBUG);
        let level = self
            .app
            .log_level(self.options.int(dest::VERBOSE_LEVEL).unwrap_or(1), debug);
        crate::logging::init(level);
        if let Some(path) = self.options.str(dest::LOG_FILE) {
            if let Err(err) = crate::logging::set_log_file(path) {
                log::error!("{err}");
                return 1;
            }
        }
        self.interactive = remainder.is_empty();
        if self.options.flag(dest::DEFERRED_HELP) && !remainder.is_empty() {
            self.options.set(dest::DEFERRED_HELP, ArgValue::Bool(false));
            remainder.insert(0, "help".to_owned());
        }
        if let Err(err) = self
            .app
            .initialize(&self.options, &remainder, &mut self.commands)
        {
            report(&err, debug);
            return err.kind.exit_code().max(1);
        }
        if self.options.flag(dest::DEFERRED_HELP) {
            return self.exit_code(write_stdout(&self.global_help()));
        }
        if self.interactive {
            return crate::interactive::run(self);
        }
        self.run_subcommand(&remainder)
    }

    fn finish_early(&self, err: Error) -> i32 {
        report(&err, false);
        err.kind.exit_code()
    }

    fn exit_code(&self, result: Result<()>) -> i32 {
        match result {
            Ok(()) => 0,
            Err(err) => {
                report(&err, self.options.flag(dest::DEBUG));
                err.kind.exit_code()
            }
        }
    }

    /// Whether the app runs commands from an interactive prompt (or stdin lines).
    pub fn is_interactive(&self) -> bool {
        self.interactive
    }

    /// Global help: the global parser's help, then every command with its one-line summary.
    pub fn global_help(&self) -> String {
        let mut text = self.parser.format_help(terminal::help_columns());
        text.push_str("\nCommands:\n");
        for (name, entry) in self.commands.iter() {
            if entry.command.deprecated() {
                continue;
            }
            let first_line = entry.command.description().split('\n').next().unwrap_or("");
            let summary = first_line.trim_end_matches('.');
            let dist = match provider(entry) {
                Some(dist) => format!(" ({dist})"),
                None => String::new(),
            };
            text.push_str(&format!("  {name:<13}  {summary}{dist}\n"));
        }
        text
    }

    /// Builds a command's parser: `-h`, the formatter options of its kind, then its own arguments.
    pub fn command_parser(&self, name_as_typed: &str, entry: &Entry<A::Context>) -> Parser {
        let command = entry.command.as_ref();
        let mut parser = Parser::new(&self.prog(name_as_typed));
        parser.description = Some(command.description().to_owned());
        parser.epilog = Some(epilog(command.epilog(), provider(entry)));
        parser.add(
            Arg::option(&["-h", "--help"])
                .action(Action::Help)
                .help("show this help message and exit"),
        );
        match command.kind() {
            CommandKind::Plain => {}
            CommandKind::Lister => format::add_list_arguments(&mut parser),
            CommandKind::ShowOne => format::add_show_arguments(&mut parser),
        }
        command.add_arguments(&mut parser);
        parser
    }

    /// The program name of a command's parser: `openstack <name as typed>`, the bare name in interactive mode.
    fn prog(&self, name_as_typed: &str) -> String {
        if self.interactive {
            name_as_typed.to_owned()
        } else {
            format!("{} {}", self.app.info().name, name_as_typed)
        }
    }

    /// cliff's `run_subcommand`: finds the command, parses its arguments, runs it and formats the result.
    pub fn run_subcommand(&mut self, argv: &[String]) -> i32 {
        let debug = self.options.flag(dest::DEBUG);
        let Some(found) = self.commands.find(argv) else {
            return self.unknown_command(argv);
        };
        let name = found.name.to_owned();
        let name_as_typed = found.name_as_typed.clone();
        let rest = found.rest.clone();
        let entry = found.entry.clone();
        let command = entry.command.as_ref();
        if entry.group == BUILTIN_GROUP {
            let parser = self.command_parser(&name_as_typed, &entry);
            let result = self
                .parse_command_args(&parser, &rest)
                .and_then(|parsed| match parsed {
                    None => Ok(0),
                    Some(args) if name == "help" => self.help_command(&args.strings("cmd")),
                    Some(args) => self.complete_command(&args),
                });
            return self.result_code(result, debug);
        }
        let result = self
            .app
            .prepare_to_run_command(&name, command)
            .and_then(|()| {
                if command.parses_own_arguments() {
                    let args = raw_args(&self.prog(&name_as_typed), &rest, false);
                    let output = command.take_action(self.app.context(), &args)?;
                    let code = self.emit(&output, &args)?;
                    return Ok((Some(args), code));
                }
                let parser = self.command_parser(&name_as_typed, &entry);
                match self.parse_command_args(&parser, &rest)? {
                    None => Ok((None, 0)),
                    Some(args) => {
                        // A command that prints data must not run for nothing (OSC fails too, after running it:
                        // `'NoneType' object has no attribute 'isatty'`, exit 1).
                        if command.kind() != CommandKind::Plain && !terminal::stdout_is_open() {
                            return Err(Error::command(
                                "Standard output is closed: the command's output cannot be written",
                            ));
                        }
                        if command.kind() == CommandKind::Lister
                            && self.app.stream_lists()
                            && command.streams(&args)
                            && format::can_stream(&args)
                        {
                            let observer = self.app.row_observer(&name, &args);
                            let mut printer = Printer::new(&args, observer);
                            command.stream_rows(self.app.context(), &args, &mut printer)?;
                            printer.finish()?;
                            return Ok((Some(args), 0));
                        }
                        let output = command.take_action(self.app.context(), &args)?;
                        self.app.command_output(&name, &args, &output);
                        let code = self.emit(&output, &args)?;
                        Ok((Some(args), code))
                    }
                }
            });
        let (args, result) = match result {
            Ok((args, code)) => (args, Ok(code)),
            Err(err) => (None, Err(err)),
        };
        // As cliff: the command's error is logged before `clean_up` runs (whose own messages come after it).
        if let Err(err) = &result {
            report(err, debug);
        }
        if let Some(text) = self.app.clean_up(&name, args.as_ref(), &result) {
            if let Err(err) = write_stdout(&text) {
                return err.kind.exit_code();
            }
        }
        match result {
            Ok(code) => code,
            Err(err) => err.kind.exit_code(),
        }
    }

    fn result_code(&self, result: Result<i32>, debug: bool) -> i32 {
        match result {
            Ok(code) => code,
            Err(err) => {
                report(&err, debug);
                err.kind.exit_code()
            }
        }
    }

    /// Parses a command's arguments; `None` when `-h` printed the help.
    fn parse_command_args(&self, parser: &Parser, argv: &[String]) -> Result<Option<Args>> {
        let args = parser.parse_args(argv)?;
        if let Some(text) = early_exit_text(parser, &args, terminal::help_columns()) {
            write_stdout(&text)?;
            return Ok(None);
        }
        Ok(Some(args))
    }

    /// Prints what a command returned and gives its exit code.
    fn emit(&self, output: &Output, args: &Args) -> Result<i32> {
        match output {
            Output::Exit { code } => Ok(*code),
            Output::Text { text } => write_stdout(text).map(|()| 0),
            Output::List { .. } | Output::Show { .. } => {
                let terminal = terminal_info()?;
                let text = format::render(output, args, terminal)?;
                write_stdout(&text).map(|()| 0)
            }
            Output::Failed { output, message } => {
                self.emit(output, args)?;
                Err(Error::command(message.clone()))
            }
        }
    }

    fn unknown_command(&self, argv: &[String]) -> i32 {
        let name = &self.app.info().name;
        let matches = self
            .commands
            .fuzzy_matches(argv.first().map_or("", String::as_str));
        if matches.is_empty() {
            log::error!("Unknown command {}", python_list_repr(argv));
            return 2;
        }
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let mut text = format!("{name}: '{}' is not {article} {name} command. See '{name} --help'.\nDid you mean one of these?\n", argv.join(" "));
        for candidate in matches {
            text.push_str(&format!("  {candidate}\n"));
        }
        match write_stdout(&text) {
            Ok(()) => 2,
            Err(err) => err.kind.exit_code(),
        }
    }

    /// `help [command...]`.
    fn help_command(&mut self, words: &[String]) -> Result<i32> {
        if words.is_empty() {
            write_stdout(&self.global_help())?;
            return Ok(0);
        }
        match self.commands.find(words) {
            Some(found) if found.entry.command.parses_own_arguments() => {
                // Its own parser prints the help, as cliff's `help` prints the parser's.
                let command = Arc::clone(&found.entry.command);
                let args = raw_args(
                    &self.prog(&found.name_as_typed),
                    &["--help".to_owned()],
                    true,
                );
                let output = command.take_action(self.app.context(), &args)?;
                self.emit(&output, &args)
            }
            Some(found) => {
                let parser = self.command_parser(&found.name_as_typed, found.entry);
                write_stdout(&parser.format_help(terminal::help_columns()))?;
                Ok(0)
            }
            None => {
                let first = &words[0];
                let matches: Vec<&str> = self
                    .commands
                    .iter()
                    .map(|(name, _)| name)
                    .filter(|name| name.starts_with(first.as_str()))
                    .collect();
                if matches.is_empty() {
                    return Err(Error::command(format!(
                        "Unknown command {}",
                        python_list_repr(words)
                    )));
                }
                let mut text = format!("Command \"{first}\" matches:\n");
                for name in matches {
                    text.push_str(&format!("  {name}\n"));
                }
                write_stdout(&text)?;
                Ok(0)
            }
        }
    }

    /// Dynamic completion (the scripts of `complete --dynamic` call it): `argv` is the command line's words after
    /// the program name and `cword` the index among them of the word being completed. Prints the candidates, one
    /// per line; prints nothing rather than an error, and reads no network.
    fn complete_dynamic(&mut self, argv: &[String], cword: &str) -> i32 {
        crate::logging::init(LevelFilter::Off);
        let cword = cword.trim().parse::<usize>().unwrap_or(argv.len());
        let before = &argv[..cword.min(argv.len())];
        let current = argv.get(cword).map(String::as_str).unwrap_or("");
        // The global options given so far choose the cloud (and so the cached names).
        let global = complete::split_global(&self.parser, before);
        let options = self
            .parser
            .parse_known_args(&global.options)
            .map(|(options, _)| options)
            .unwrap_or_default();
        if self
            .app
            .initialize(&options, &global.words, &mut self.commands)
            .is_err()
        {
            return 0;
        }
        let words = global.words;
        let mut found: Vec<String> = Vec::new();
        match self.commands.find(&words) {
            Some(command) => {
                let parser = self.command_parser(&command.name_as_typed, command.entry);
                let rest = command.rest.clone();
                match complete::argument_at(&parser, &rest, current) {
                    complete::Position::Option => found.extend(parser.option_strings()),
                    complete::Position::Value(arg) => match &arg.choices {
                        Some(choices) => found.extend(choices.iter().cloned()),
                        None => {
                            let what = arg.metavar.clone().unwrap_or_else(|| arg.dest.clone());
                            found.extend(self.app.complete_values(&what));
                        }
                    },
                    complete::Position::Nothing => {}
                }
            }
            _ => {
                if current.starts_with('-') && words.is_empty() {
                    found.extend(self.parser.option_strings());
                } else {
                    let names: Vec<&str> = self.commands.iter().map(|(name, _)| name).collect();
                    found.extend(complete::next_words(&names, &words));
                }
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut text = String::new();
        for candidate in found {
            if candidate.starts_with(current) && seen.insert(candidate.clone()) {
                text.push_str(&candidate);
                text.push('\n');
            }
        }
        match write_stdout(&text) {
            Ok(()) => 0,
            Err(err) => err.kind.exit_code(),
        }
    }

    /// `complete [--name N] [--shell S] [--dynamic]`.
    fn complete_command(&self, args: &Args) -> Result<i32> {
        let name = args.str("name").unwrap_or(&self.app.info().name).to_owned();
        let shell = args.str("shell").unwrap_or("bash");
        if args.flag("dynamic") {
            write_stdout(&complete::render_dynamic(shell, &name))?;
            return Ok(0);
        }
        let mut tree = complete::CompletionTree::default();
        for (command_name, entry) in self.commands.iter() {
            let words: Vec<&str> = command_name.split(' ').collect();
            let parser = self.command_parser(command_name, entry);
            tree.add_command(&words, &parser.option_strings());
        }
        write_stdout(&complete::render(shell, &name, &tree))?;
        Ok(0)
    }
}

/// The arguments of a command that parses its own: the words as typed and its parser's program name.
fn raw_args(prog: &str, words: &[String], help_only: bool) -> Args {
    let mut args = Args::default();
    args.set(
        crate::command::RAW_ARGV,
        ArgValue::List(words.iter().cloned().map(ArgValue::Str).collect()),
    );
    args.set(crate::command::RAW_PROG, ArgValue::Str(prog.to_owned()));
    args.set(crate::command::RAW_HELP, ArgValue::Bool(help_only));
    args
}

/// Python's `repr()` of a list of strings, for cliff's "Unknown command ['x']".
fn python_list_repr(items: &[String]) -> String {
    let inner: Vec<String> = items
        .iter()
        .map(|s| {
            format::python_str(&crate::value::Value::List(vec![crate::value::Value::Str(
                s.clone(),
            )]))
        })
        .map(|s| s[1..s.len() - 1].to_owned())
        .collect();
    format!("[{}]", inner.join(", "))
}

/// The help or version text a parse asked for (`-h`, `--version`), if any.
fn early_exit_text(parser: &Parser, args: &Args, columns: usize) -> Option<String> {
    parser.early_exit_text(args, columns)
}

/// The terminal as the formatters see it.
fn terminal_info() -> Result<format::Terminal> {
    format::Terminal::from_env(terminal::stdout_is_tty(), terminal::stdout_width())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epilog_names_the_providing_distribution_as_cliff_does() {
        assert_eq!(
            epilog(None, Some("python-mistralclient")),
            "\n\nThis command is provided by the python-mistralclient plugin."
        );
        assert_eq!(
            epilog(Some("See the docs."), Some("runit")),
            "See the docs.\n\nThis command is provided by the runit plugin."
        );
        assert_eq!(epilog(Some("Own."), None), "Own.");
        assert_eq!(epilog(None, None), "");
    }
}
