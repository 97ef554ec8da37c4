//! A command-line parser that behaves and prints like Python's argparse (Python 3.11), as cliff uses it.
//!
//! Parsing, error messages (`usage: ...` then `prog: error: ...`), and `--help` layout are argparse's, byte for
//! byte, so that scripts and eyes used to python-openstackclient see no difference.

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

/// The parsed namespace: destination name to value.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Args {
    /// Every destination of the parser, with its default when not given.
    pub values: BTreeMap<String, ArgValue>,
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
    /// The value when the argument is absent.
    pub default: ArgValue,
    /// Allowed values, if restricted.
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
}

impl Arg {
    /// An option with these flags (`&["-f", "--format"]`); dest is derived as argparse does.
    pub fn option(flags: &[&str]) -> Self {
        unimplemented!("{flags:?}")
    }

    /// A positional argument named `name`.
    pub fn positional(name: &str) -> Self {
        unimplemented!("{name}")
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

    /// Sets the default.
    pub fn default(mut self, value: impl Into<ArgValue>) -> Self {
        self.default = value.into();
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

    /// Hides the argument from help (argparse.SUPPRESS).
    pub fn hidden(mut self) -> Self {
        self.hidden = true;
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

/// An argparse `ArgumentParser` (cliff's, with `add_help=False` semantics chosen by the caller).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parser {
    /// Program name shown in usage and errors (`openstack project list`).
    pub prog: String,
    /// Description printed after usage.
    pub description: Option<String>,
    /// Epilog printed at the end of help.
    pub epilog: Option<String>,
    // The rest is private to the implementation.
}

impl Parser {
    /// A parser with the two default groups, "positional arguments" and "options".
    pub fn new(prog: &str) -> Self {
        unimplemented!("{prog}")
    }

    /// Adds an argument to its default group ("positional arguments" or "options").
    pub fn add(&mut self, arg: Arg) -> &mut Self {
        unimplemented!("{arg:?}")
    }

    /// Adds a titled group (argparse `add_argument_group(title, description)`).
    pub fn add_group(&mut self, title: &str, description: Option<&str>) -> GroupId {
        unimplemented!("{title} {description:?}")
    }

    /// Adds an argument to a group.
    pub fn add_to(&mut self, group: GroupId, arg: Arg) -> &mut Self {
        unimplemented!("{group} {arg:?}")
    }

    /// Adds a mutually exclusive group inside `group` (`None`: the default groups).
    pub fn add_mutex(&mut self, group: Option<GroupId>, required: bool) -> MutexId {
        unimplemented!("{group:?} {required}")
    }

    /// Adds an argument to a mutually exclusive group.
    pub fn add_to_mutex(&mut self, mutex: MutexId, arg: Arg) -> &mut Self {
        unimplemented!("{mutex} {arg:?}")
    }

    /// argparse `parse_args`: every token must be understood, else a usage error whose message is argparse's
    /// whole stderr text (`usage: ...` lines, then `<prog>: error: <msg>`).
    pub fn parse_args(&self, argv: &[String]) -> Result<Args> {
        unimplemented!("{argv:?}")
    }

    /// argparse `parse_known_args`: unknown tokens are returned in order instead of failing.
    pub fn parse_known_args(&self, argv: &[String]) -> Result<(Args, Vec<String>)> {
        unimplemented!("{argv:?}")
    }

    /// The full `--help` text, wrapped for a terminal `columns` wide (argparse uses `columns - 2`).
    pub fn format_help(&self, columns: usize) -> String {
        unimplemented!("{columns}")
    }

    /// The `usage: ...` text alone.
    pub fn format_usage(&self, columns: usize) -> String {
        unimplemented!("{columns}")
    }

    /// Every option string, in order (for completion).
    pub fn option_strings(&self) -> Vec<String> {
        unimplemented!()
    }
}

#[allow(dead_code)]
fn _uses(_: Error) {}
