//! A command-line parser that behaves and prints like Python's argparse (Python 3.11), as cliff uses it.
//!
//! Parsing, error messages (`usage: ...` then `prog: error: ...`), and `--help` layout are argparse's, byte for
//! byte, so that scripts and eyes used to python-openstackclient see no difference.
//!
//! Two things argparse does by printing and exiting are data here, because the library never prints:
//! - a parse error is `Err(Error)` of kind `Usage` whose message is argparse's whole stderr text;
//! - the `help` and `version` actions stop parsing and set [`Args::early_exit`]; the caller prints
//!   [`Parser::early_exit_text`] on stdout and exits 0 (nothing else in that `Args` is meaningful).
//!
//! cliff's parser specifics are built in: a conflicting option string is dropped from the new argument
//! (`conflict_handler='ignore'`), and with [`Parser::smart_help`] explicit newlines in argument help start new
//! lines (`SmartHelpFormatter`).

mod help;
mod parse;
mod py;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A parsed value, as argparse would store it in the namespace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(untagged)]
pub enum ArgValue {
    /// `None`.
    #[default]
    Null,
    /// `True`/`False` (store_true, store_false).
    Bool(bool),
    /// An `int` (count, `type=int`).
    Int(i64),
    /// A string.
    Str(String),
    /// A list (append, nargs `*`/`+`/N).
    List(Vec<ArgValue>),
}

/// Why parsing stopped early: argparse would have printed this and exited with status 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EarlyExit {
    /// A `help` action was given: print the parser's help.
    Help,
    /// A `version` action was given: print this version string (filled as argparse fills text).
    Version(String),
}

/// The parsed namespace: destination name to value.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Args {
    /// Every destination of the parser, with its default when not given.
    pub values: BTreeMap<String, ArgValue>,
    /// Set when a `help` or `version` action stopped the parse (see [`Parser::early_exit_text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub early_exit: Option<EarlyExit>,
}

impl Args {
    /// The value stored under `dest` (`Null` when absent).
    pub fn get(&self, dest: &str) -> &ArgValue {
        self.values.get(dest).unwrap_or(&ArgValue::Null)
    }

    /// A string value, or `None` when unset.
    pub fn str(&self, dest: &str) -> Option<&str> {
        match self.get(dest) {
            ArgValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A boolean flag (false when unset).
    pub fn flag(&self, dest: &str) -> bool {
        matches!(self.get(dest), ArgValue::Bool(true))
    }

    /// An integer value, or `None` when unset.
    pub fn int(&self, dest: &str) -> Option<i64> {
        match self.get(dest) {
            ArgValue::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// A list of strings (an append option or a multi-value positional); empty when unset.
    pub fn strings(&self, dest: &str) -> Vec<String> {
        match self.get(dest) {
            ArgValue::List(items) => items
                .iter()
                .filter_map(|v| match v {
                    ArgValue::Str(s) => Some(s.clone()),
                    _ => None,
                })
                .collect(),
            ArgValue::Str(s) => vec![s.clone()],
            _ => Vec::new(),
        }
    }

    /// Sets a value (used by parsers and by the app for derived settings).
    pub fn set(&mut self, dest: impl Into<String>, value: ArgValue) {
        self.values.insert(dest.into(), value);
    }
}

/// What an argument does when it is seen (argparse's `action=`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// `store` (the default).
    Store,
    /// `store_const`.
    StoreConst(ArgValue),
    /// `store_true`.
    StoreTrue,
    /// `store_false`.
    StoreFalse,
    /// `append`.
    Append,
    /// `append_const`.
    AppendConst(ArgValue),
    /// `count`.
    Count,
    /// `help`: print help and stop.
    Help,
    /// `version`: print this version string and stop.
    Version(String),
}

/// How many values an argument takes (argparse's `nargs=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nargs {
    /// `nargs='?'`.
    Optional,
    /// `nargs='*'`.
    ZeroOrMore,
    /// `nargs='+'`.
    OneOrMore,
    /// `nargs=N`.
    Exactly(usize),
    /// `nargs=argparse.REMAINDER`.
    Remainder,
}

/// The conversion applied to each value (argparse's `type=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArgType {
    /// Kept as a string.
    #[default]
    Str,
    /// `type=int`: "invalid int value: 'x'" on failure.
    Int,
}

/// The environment variable that hides [`Arg::extension`] options from help.
pub const HIDE_EXTENSIONS: &str = "OSC_RS_HIDE_EXTENSIONS";

/// One argument: an option (with flags) or a positional (no flags).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Arg {
    /// Option strings such as `-f`, `--format`; empty for a positional.
    pub flags: Vec<String>,
    /// Namespace key.
    pub dest: String,
    /// What seeing the argument does.
    pub action: Action,
    /// How many values it takes; `None` means exactly one (or none for flag actions).
    pub nargs: Option<Nargs>,
    /// The value when the argument is absent. `Null` on `store_true`/`store_false` means argparse's implicit
    /// `False`/`True`.
    pub default: ArgValue,
    /// Allowed values, if restricted. With [`ArgType::Int`] they are compared (and shown in errors) as integers.
    pub choices: Option<Vec<String>>,
    /// Name shown for the value in usage and help.
    pub metavar: Option<String>,
    /// Help text; `None` shows the argument with no text.
    pub help: Option<String>,
    /// `help=argparse.SUPPRESS`: accepted but not shown.
    pub hidden: bool,
    /// Must be given (options) / may be omitted (positionals are required unless nargs allows none).
    pub required: bool,
    /// Value conversion.
    pub value_type: ArgType,
    /// argparse's `const` for a `store` option with `nargs='?'`: the value when the option is given bare.
    #[serde(default)]
    pub constant: ArgValue,
    /// An explicit `default=None` on `store_true`/`store_false` (osc-lib's `--verify`), which keeps `None`
    /// instead of the implicit `False`/`True`.
    #[serde(default)]
    pub default_none: bool,
    /// A custom action's check of each value it receives (osc-lib's `KeyValueAction`, `NonNegativeAction`...):
    /// an `Err(message)` stops parsing with argparse's `argument <name>: <message>`.
    #[serde(skip)]
    pub check: Option<ValueCheck>,
}

/// A custom action's check of one converted value; the error is the action's message.
#[derive(Clone, Copy)]
pub struct ValueCheck(pub fn(&ArgValue) -> std::result::Result<(), String>);

impl PartialEq for ValueCheck {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

impl std::fmt::Debug for ValueCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ValueCheck")
    }
}

impl Arg {
    /// An option with these flags (`&["-f", "--format"]`); dest is derived as argparse does (the first long
    /// flag, else the first flag, without leading dashes, `-` turned into `_`).
    pub fn option(flags: &[&str]) -> Self {
        let first_long = flags.iter().find(|f| f.chars().nth(1) == Some('-'));
        let source = first_long.or(flags.first()).copied().unwrap_or("");
        let dest = source.trim_start_matches('-').replace('-', "_");
        Arg {
            flags: flags.iter().map(|f| (*f).to_owned()).collect(),
            ..Arg::positional(&dest)
        }
    }

    /// A positional argument named `name`.
    pub fn positional(name: &str) -> Self {
        Arg {
            flags: Vec::new(),
            dest: name.to_owned(),
            action: Action::Store,
            nargs: None,
            default: ArgValue::Null,
            choices: None,
            metavar: None,
            help: None,
            hidden: false,
            required: false,
            value_type: ArgType::Str,
            default_none: false,
            constant: ArgValue::Null,
            check: None,
        }
    }

    /// Checks each value as a custom argparse action would (the value still stored as `action` says).
    pub fn check(mut self, check: fn(&ArgValue) -> std::result::Result<(), String>) -> Self {
        self.check = Some(ValueCheck(check));
        self
    }

    /// Sets `dest`.
    pub fn dest(mut self, dest: &str) -> Self {
        self.dest = dest.to_owned();
        self
    }

    /// Sets `action`.
    pub fn action(mut self, action: Action) -> Self {
        self.action = action;
        self
    }

    /// Shorthand for `action(Action::StoreTrue)` (default `False`).
    pub fn flag(mut self) -> Self {
        self.action = Action::StoreTrue;
        self.default = ArgValue::Bool(false);
        self
    }

    /// Shorthand for `action(Action::Append)`.
    pub fn append(mut self) -> Self {
        self.action = Action::Append;
        self
    }

    /// Sets `nargs`.
    pub fn nargs(mut self, nargs: Nargs) -> Self {
        self.nargs = Some(nargs);
        self
    }

    /// `default=None` on a `store_true`/`store_false` option: absent means `None`, not `False`/`True`.
    pub fn default_none(mut self) -> Self {
        self.default = ArgValue::Null;
        self.default_none = true;
        self
    }

    /// Sets the default.
    pub fn default(mut self, value: impl Into<ArgValue>) -> Self {
        self.default = value.into();
        self
    }

    /// Sets argparse's `const` (the value of a bare `nargs='?'` option).
    pub fn constant(mut self, value: impl Into<ArgValue>) -> Self {
        self.constant = value.into();
        self
    }

    /// Restricts the values.
    pub fn choices(mut self, choices: &[&str]) -> Self {
        self.choices = Some(choices.iter().map(|c| (*c).to_owned()).collect());
        self
    }

    /// Sets the metavar.
    pub fn metavar(mut self, metavar: &str) -> Self {
        self.metavar = Some(metavar.to_owned());
        self
    }

    /// Sets the help text.
    pub fn help(mut self, help: &str) -> Self {
        self.help = Some(help.to_owned());
        self
    }

    /// Whether the option is followed by a value on the command line (`--name x`), as completion needs to know.
    pub fn takes_value(&self) -> bool {
        matches!(self.action, Action::Store | Action::Append)
            && !matches!(self.nargs, Some(Nargs::Exactly(0)))
    }

    /// Hides the argument from help (argparse.SUPPRESS).
    pub fn hidden(mut self) -> Self {
        self.hidden = true;
        self
    }

    /// Marks an option this client adds to OSC's command (listed in docs/extensions.md): shown in help like any
    /// other, except when `OSC_RS_HIDE_EXTENSIONS` is set non-empty, which hides it as argparse's SUPPRESS does.
    /// The compatibility tests set it, so they compare help with OSC's without exactly these additions.
    pub fn extension(mut self) -> Self {
        if std::env::var_os(HIDE_EXTENSIONS).is_some_and(|v| !v.is_empty()) {
            self.hidden = true;
        }
        self
    }

    /// Makes an option required.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Converts values with `int()`.
    pub fn int(mut self) -> Self {
        self.value_type = ArgType::Int;
        self
    }

    fn is_positional(&self) -> bool {
        self.flags.is_empty()
    }

    /// argparse's `nargs` attribute of the action: flag-like actions take none.
    fn arity(&self) -> Arity {
        match self.action {
            Action::Store | Action::Append => match self.nargs {
                None => Arity::Single,
                Some(Nargs::Optional) => Arity::Optional,
                Some(Nargs::ZeroOrMore) => Arity::ZeroOrMore,
                Some(Nargs::OneOrMore) => Arity::OneOrMore,
                Some(Nargs::Exactly(n)) => Arity::Exactly(n),
                Some(Nargs::Remainder) => Arity::Remainder,
            },
            _ => Arity::Exactly(0),
        }
    }

    /// Whether the action has a namespace entry (argparse's `help`/`version` use `default=SUPPRESS`).
    fn has_dest(&self) -> bool {
        !matches!(self.action, Action::Help | Action::Version(_))
    }

    /// argparse's `const` attribute.
    fn const_value(&self) -> ArgValue {
        match &self.action {
            Action::StoreConst(v) | Action::AppendConst(v) => v.clone(),
            Action::StoreTrue => ArgValue::Bool(true),
            Action::StoreFalse => ArgValue::Bool(false),
            Action::Store | Action::Append => self.constant.clone(),
            _ => ArgValue::Null,
        }
    }

    /// `_get_action_name`: how errors name the argument.
    fn display_name(&self) -> String {
        if !self.flags.is_empty() {
            self.flags.join("/")
        } else if let Some(metavar) = &self.metavar {
            metavar.clone()
        } else if !self.dest.is_empty() {
            self.dest.clone()
        } else if let Some(choices) = &self.choices {
            format!("{{{}}}", choices.join(","))
        } else {
            String::new()
        }
    }
}

/// argparse's `nargs` after defaults: how many strings the action consumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arity {
    Single,
    Optional,
    ZeroOrMore,
    OneOrMore,
    Exactly(usize),
    Remainder,
}

impl From<&str> for ArgValue {
    fn from(s: &str) -> Self {
        ArgValue::Str(s.to_owned())
    }
}

impl From<bool> for ArgValue {
    fn from(b: bool) -> Self {
        ArgValue::Bool(b)
    }
}

impl From<i64> for ArgValue {
    fn from(i: i64) -> Self {
        ArgValue::Int(i)
    }
}

/// Identifies an argument group (a titled section of the help).
pub type GroupId = usize;
/// Identifies a mutually exclusive group.
pub type MutexId = usize;

/// The group "positional arguments" every parser starts with.
const POSITIONALS: GroupId = 0;
/// The group "options" every parser starts with.
const OPTIONALS: GroupId = 1;

/// A titled section of the help.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Group {
    title: String,
    description: Option<String>,
    /// Indexes into `Parser::actions`, in the order they were added to this group.
    actions: Vec<usize>,
}

/// A mutually exclusive group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Mutex {
    /// The argument group its arguments are shown in (`None`: the default groups).
    group: Option<GroupId>,
    required: bool,
    actions: Vec<usize>,
}

/// An argparse `ArgumentParser` (cliff's, with `add_help=False` semantics chosen by the caller).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parser {
    /// Program name shown in usage and errors (`openstack project list`).
    pub prog: String,
    /// Description printed after usage.
    pub description: Option<String>,
    /// Epilog printed at the end of help.
    pub epilog: Option<String>,
    /// argparse's `allow_abbrev`: accept unique prefixes of long options (default true).
    #[serde(default = "yes")]
    pub allow_abbrev: bool,
    /// cliff's `SmartHelpFormatter`: explicit newlines in argument help start new lines (default true, as for
    /// cliff's command parsers); false gives argparse's plain `HelpFormatter` (cliff's global parser).
    #[serde(default = "yes")]
    pub smart_help: bool,
    /// Terminal width for the usage text in parse errors; `None` asks the terminal as argparse does
    /// (`$COLUMNS`, then the terminal on stdout, then 80).
    #[serde(default)]
    pub columns: Option<usize>,
    /// Every argument in the order added (argparse's `_actions`, the order of the usage line).
    #[serde(default)]
    actions: Vec<Arg>,
    #[serde(default)]
    groups: Vec<Group>,
    #[serde(default)]
    mutexes: Vec<Mutex>,
    /// What argparse would have raised while the parser was built (every option string of an argument taken).
    #[serde(default)]
    build_error: Option<String>,
}

fn yes() -> bool {
    true
}

impl Parser {
    /// Every argument, in the order added.
    pub fn arguments(&self) -> &[Arg] {
        &self.actions
    }

    /// The argument an option string names (exactly, as completion sees it).
    pub fn argument_for(&self, flag: &str) -> Option<&Arg> {
        self.actions
            .iter()
            .find(|a| a.flags.iter().any(|f| f == flag))
    }

    /// A parser with the two default groups, "positional arguments" and "options".
    pub fn new(prog: &str) -> Self {
        let group = |title: &str| Group {
            title: title.to_owned(),
            description: None,
            actions: Vec::new(),
        };
        Parser {
            prog: prog.to_owned(),
            description: None,
            epilog: None,
            allow_abbrev: true,
            smart_help: true,
            columns: None,
            actions: Vec::new(),
            groups: vec![group("positional arguments"), group("options")],
            mutexes: Vec::new(),
            build_error: None,
        }
    }

    /// Adds an argument to its default group ("positional arguments" or "options").
    pub fn add(&mut self, arg: Arg) -> &mut Self {
        self.add_action(None, None, arg);
        self
    }

    /// Adds a titled group (argparse `add_argument_group(title, description)`).
    pub fn add_group(&mut self, title: &str, description: Option<&str>) -> GroupId {
        self.groups.push(Group {
            title: title.to_owned(),
            description: description.map(str::to_owned),
            actions: Vec::new(),
        });
        self.groups.len() - 1
    }

    /// Adds an argument to a group.
    pub fn add_to(&mut self, group: GroupId, arg: Arg) -> &mut Self {
        self.add_action(Some(group), None, arg);
        self
    }

    /// Adds a mutually exclusive group inside `group` (`None`: the default groups).
    pub fn add_mutex(&mut self, group: Option<GroupId>, required: bool) -> MutexId {
        self.mutexes.push(Mutex {
            group,
            required,
            actions: Vec::new(),
        });
        self.mutexes.len() - 1
    }

    /// Adds an argument to a mutually exclusive group.
    pub fn add_to_mutex(&mut self, mutex: MutexId, arg: Arg) -> &mut Self {
        match self.mutexes.get(mutex) {
            Some(m) => {
                let group = m.group;
                self.add_action(group, Some(mutex), arg);
            }
            None => {
                log::warn!(
                    "argparse: no mutually exclusive group {mutex}; adding {} ungrouped",
                    arg.dest
                );
                self.add_action(None, None, arg);
            }
        }
        self
    }

    /// Appends every argument of `other` (in its order), with its titled groups and mutually exclusive groups,
    /// as if they had been added here one by one: conflicting option strings are dropped as cliff does. This is
    /// how a command's own arguments, shipped as a serialized parser (external plugins), join the parser the
    /// framework built for the command.
    pub fn extend(&mut self, other: &Parser) {
        let groups: Vec<GroupId> = other
            .groups
            .iter()
            .enumerate()
            .map(|(index, group)| match index {
                POSITIONALS | OPTIONALS => index,
                _ => self.add_group(&group.title, group.description.as_deref()),
            })
            .collect();
        let mutexes: Vec<MutexId> = other
            .mutexes
            .iter()
            .map(|mutex| {
                let group = mutex.group.and_then(|g| groups.get(g).copied());
                self.add_mutex(group, mutex.required)
            })
            .collect();
        for (index, arg) in other.actions.iter().enumerate() {
            let group = other
                .groups
                .iter()
                .position(|g| g.actions.contains(&index))
                .map(|g| groups[g]);
            let mutex = other
                .mutexes
                .iter()
                .position(|m| m.actions.contains(&index))
                .map(|m| mutexes[m]);
            self.add_action(group, mutex, arg.clone());
        }
        if self.build_error.is_none() {
            self.build_error.clone_from(&other.build_error);
        }
    }

    /// argparse's `_add_action` with cliff's `'ignore'` conflict handler.
    fn add_action(&mut self, group: Option<GroupId>, mutex: Option<MutexId>, mut arg: Arg) {
        let original = arg.flags.len();
        let taken: Vec<String> = arg
            .flags
            .iter()
            .filter(|flag| self.actions.iter().any(|a| a.flags.contains(flag)))
            .cloned()
            .collect();
        for flag in &taken {
            log::warn!("Ignoring option string {flag} for new action because it conflicts with an existing option.");
        }
        arg.flags.retain(|flag| !taken.contains(flag));
        if original > 0 && arg.flags.is_empty() {
            if self.build_error.is_none() {
                self.build_error = Some(format!(
                    "argument {}: Cannot resolve conflicting option string, all names conflict.",
                    arg.display_name()
                ));
            }
            return;
        }
        if arg.is_positional() {
            arg.required = !matches!(arg.nargs, Some(Nargs::Optional | Nargs::ZeroOrMore))
                || (arg.nargs == Some(Nargs::ZeroOrMore) && arg.default == ArgValue::Null);
        }
        match (&arg.action, &arg.default) {
            _ if arg.default_none => {}
            (Action::StoreTrue, ArgValue::Null) => arg.default = ArgValue::Bool(false),
            (Action::StoreFalse, ArgValue::Null) => arg.default = ArgValue::Bool(true),
            _ => {}
        }
        if matches!(arg.action, Action::Version(_)) && arg.help.is_none() {
            arg.help = Some("show program's version number and exit".to_owned());
        }
        let index = self.actions.len();
        let default_group = if arg.is_positional() {
            POSITIONALS
        } else {
            OPTIONALS
        };
        let group = match group {
            Some(g) if g < self.groups.len() => g,
            Some(g) => {
                log::warn!(
                    "argparse: no argument group {g}; adding {} to the default group",
                    arg.dest
                );
                default_group
            }
            None => default_group,
        };
        self.actions.push(arg);
        self.groups[group].actions.push(index);
        if let Some(m) = mutex.and_then(|m| self.mutexes.get_mut(m)) {
            m.actions.push(index);
        }
    }

    /// The error argparse would have raised while this parser was built (cliff raises when every option
    /// string of an argument conflicts with earlier ones). The parse methods return it first.
    pub fn check(&self) -> Result<()> {
        match &self.build_error {
            Some(message) => Err(Error::command(message.clone())),
            None => Ok(()),
        }
    }

    /// argparse `parse_args`: every token must be understood, else a usage error whose message is argparse's
    /// whole stderr text (`usage: ...` lines, then `<prog>: error: <msg>`). A `help`/`version` action ends the
    /// parse with [`Args::early_exit`] set.
    pub fn parse_args(&self, argv: &[String]) -> Result<Args> {
        let (args, extras) = self.parse_known_args(argv)?;
        if args.early_exit.is_none() && !extras.is_empty() {
            return Err(self.usage_error(&format!("unrecognized arguments: {}", extras.join(" "))));
        }
        Ok(args)
    }

    /// argparse `parse_known_args`: unknown tokens are returned in order instead of failing.
    pub fn parse_known_args(&self, argv: &[String]) -> Result<(Args, Vec<String>)> {
        self.check()?;
        parse::parse_known_args(self, argv).map_err(|message| self.usage_error(&message))
    }

    /// argparse's `error()`: the usage, then `<prog>: error: <message>`.
    fn usage_error(&self, message: &str) -> Error {
        let columns = self.columns.unwrap_or_else(crate::terminal::help_columns);
        Error::usage(format!(
            "{}{}: error: {message}\n",
            self.format_usage(columns),
            self.prog
        ))
    }

    /// The full `--help` text, wrapped for a terminal `columns` wide (argparse uses `columns - 2`).
    pub fn format_help(&self, columns: usize) -> String {
        help::format_help(self, columns)
    }

    /// The `usage: ...` text alone.
    pub fn format_usage(&self, columns: usize) -> String {
        help::format_usage(self, columns)
    }

    /// What argparse prints on stdout (before exiting 0) for the `help`/`version` action that stopped this
    /// parse; `None` when the parse ran to its end.
    pub fn early_exit_text(&self, args: &Args, columns: usize) -> Option<String> {
        match args.early_exit.as_ref()? {
            EarlyExit::Help => Some(self.format_help(columns)),
            EarlyExit::Version(version) => Some(help::format_version(self, version, columns)),
        }
    }

    /// Every option string, in order (for completion), hidden options included as cliff's completion does.
    pub fn option_strings(&self) -> Vec<String> {
        self.actions
            .iter()
            .flat_map(|a| a.flags.iter().cloned())
            .collect()
    }
}

#[cfg(test)]
mod tests;
