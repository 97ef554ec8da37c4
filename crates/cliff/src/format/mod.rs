//! cliff's output formatters, byte for byte: table (prettytable), csv, json, yaml, value and shell.
//!
//! `render` reproduces cliff 4.17's `Lister.produce_output` / `ShowOne.produce_output`: sorting
//! (`--sort-column`), column selection (`-c`), then the chosen formatter. Its options are read from the
//! parsed `Args` under cliff's destination names:
//!
//! | option | dest | value |
//! |---|---|---|
//! | `-f/--format` | `formatter` | `"table"` (default), `"csv"`, `"json"`, `"yaml"`, `"value"`, `"shell"` |
//! | `-c/--column` (append) | `columns` | list of names |
//! | `--sort-column` (append, Lister) | `sort_columns` | list of names |
//! | `--sort-ascending/--sort-descending` (Lister) | `sort_direction` | `"asc"`, `"desc"` or unset |
//! | `--max-width` | `max_width` | int; unset means `Terminal::env_max_width` |
//! | `--fit-width` | `fit_width` | flag, or-ed with `Terminal::env_fit_width` |
//! | `--print-empty` | `print_empty` | flag |
//! | `--quote` (Lister) | `quote_mode` | `"nonnumeric"` (default), `"all"`, `"minimal"`, `"none"` |
//! | `--noindent` | `noindent` | flag |
//! | `--prefix` (ShowOne) | `prefix` | string, default `""` |
//! | `--variable` (ShowOne, hidden, append) | `variables` | list of names |
//!
//! The environment variables cliff reads for the table formatter (`CLIFF_MAX_TERM_WIDTH`, `CLIFF_FIT_WIDTH`)
//! come in through `Terminal` (`Terminal::from_env`), so `render` itself is pure.
//!
//! `tests/format_oracle.rs` compares `render` with the real cliff on generated cases. Known differences,
//! all outside what OpenStack data normally holds:
//! - terminal escape sequences inside table cells that have to be wrapped (wcwidth re-applies SGR styles
//!   on every wrapped line and splits hyperlinks; we wrap them as plain text), and the OSC 66 text-sizing
//!   protocol;
//! - a `Value::Column` nested inside a list or dict: Python's json and yaml cannot serialize it (cliff fails),
//!   we write its machine-readable value; its `repr()` uses the base class name `FormattableColumn`;
//! - the same list or dict object appearing twice (PyYAML writes `&id001` anchors): values have no identity;
//! - `--quote none` with a single empty field fails as cliff does, but without the rows cliff printed
//!   before failing;
//! - the "Recognized columns are (...)" message always shows a tuple (OSC commands return tuples; a command
//!   returning a list shows `[...]` in Python).

mod columns;
mod csv;
mod json;
mod python;
mod shell;
mod stream;
mod table;
mod textwrap;
mod unicode;
mod unicode_tables;
mod value;
mod wcwidth;
mod yaml;

use crate::argparse::{Action, Arg, ArgValue, Args, Parser};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::value::Value;

pub use stream::{can_stream, ListStream};

/// What the formatters need to know about the terminal and the environment.
///
/// `render` reads no environment itself: the caller fills this in once (see `Terminal::from_env`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    /// Whether stdout is a terminal (tables are fitted to it only then, or with `--fit-width`).
    pub is_tty: bool,
    /// Its width in columns, as `os.get_terminal_size()` on stdout reports it: `None` when stdout is not a
    /// terminal.
    pub width: Option<usize>,
    /// `CLIFF_MAX_TERM_WIDTH` as an integer (0 when unset): the default of `--max-width`.
    pub env_max_width: i64,
    /// `CLIFF_FIT_WIDTH` as an integer is non-zero: the default of `--fit-width`.
    pub env_fit_width: bool,
}

impl Terminal {
    /// The terminal facts plus `CLIFF_MAX_TERM_WIDTH` and `CLIFF_FIT_WIDTH` read from the process
    /// environment, which cliff parses with Python's `int()` (an unparsable value is an error, as cliff
    /// fails when it builds the parser).
    pub fn from_env(is_tty: bool, width: Option<usize>) -> Result<Terminal> {
        let max = std::env::var("CLIFF_MAX_TERM_WIDTH").ok();
        let fit = std::env::var("CLIFF_FIT_WIDTH").ok();
        Terminal::with_env(is_tty, width, max.as_deref(), fit.as_deref())
    }

    /// Like `from_env`, with the two variables' values given.
    pub fn with_env(
        is_tty: bool,
        width: Option<usize>,
        max_term_width: Option<&str>,
        fit_width: Option<&str>,
    ) -> Result<Terminal> {
        let env_max_width = max_term_width.map(python_int).transpose()?.unwrap_or(0);
        let env_fit_width = fit_width.map(python_int).transpose()?.unwrap_or(0) != 0;
        Ok(Terminal {
            is_tty,
            width,
            env_max_width,
            env_fit_width,
        })
    }
}

/// Python's `int(text)` for base 10: surrounding whitespace, a sign, and underscores between digits.
fn python_int(text: &str) -> Result<i64> {
    let invalid = || {
        let mut repr = String::new();
        python::write_str_repr(&mut repr, text);
        Error::command(format!("invalid literal for int() with base 10: {repr}"))
    };
    let body = unicode::py_strip(text);
    let (negative, digits) = match body.as_bytes().first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(invalid());
    }
    let mut n: i64 = 0;
    for c in digits.chars().filter(|c| *c != '_') {
        let d = c.to_digit(10).ok_or_else(invalid)?;
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(i64::from(d)))
            .ok_or_else(invalid)?;
    }
    Ok(if negative { -n } else { n })
}

/// The formatter options every display command has (`DisplayCommandBase.get_parser`).
fn add_common_arguments(parser: &mut Parser, formats: &[&str]) -> usize {
    let group = parser.add_group("output formatters", Some("output formatter options"));
    parser.add_to(
        group,
        Arg::option(&["-f", "--format"])
            .dest("formatter")
            .choices(formats)
            .default("table")
            .help("the output format, defaults to table"),
    );
    parser.add_to(
        group,
        Arg::option(&["-c", "--column"])
            .append()
            .default(ArgValue::List(Vec::new()))
            .dest("columns")
            .metavar("COLUMN")
            .help("specify the column(s) to include, can be repeated to show multiple columns"),
    );
    group
}

/// The table formatter's group.
fn add_table_arguments(parser: &mut Parser) {
    let group = parser.add_group("table formatter", None);
    // The default stays unset so that `render` can fall back on CLIFF_MAX_TERM_WIDTH (Terminal).
    parser.add_to(
        group,
        Arg::option(&["--max-width"]).metavar("<integer>").int().help(
            "Maximum display width, <1 to disable. You can also use the CLIFF_MAX_TERM_WIDTH environment \
             variable, but the parameter takes precedence.",
        ),
    );
    parser.add_to(
        group,
        Arg::option(&["--fit-width"]).flag().help(
            "Fit the table to the display width. Implied if --max-width greater than 0. Set the environment \
             variable CLIFF_FIT_WIDTH=1 to always enable",
        ),
    );
    parser.add_to(
        group,
        Arg::option(&["--print-empty"])
            .flag()
            .help("Print empty table if there is no data to show."),
    );
}

fn add_json_arguments(parser: &mut Parser) {
    let group = parser.add_group("json formatter", None);
    parser.add_to(
        group,
        Arg::option(&["--noindent"])
            .flag()
            .dest("noindent")
            .help("whether to disable indenting the JSON"),
    );
}

/// Adds a Lister's formatter options (`-f`, `-c`, `--sort-column`... and each formatter's group) to `parser`.
///
/// The groups come in the order cliff's formatter plugins load: csv, json, table (value and yaml add none);
/// the sort options come last, in the "output formatters" group.
pub fn add_list_arguments(parser: &mut Parser) {
    let group = add_common_arguments(parser, &["csv", "json", "table", "value", "yaml"]);
    let csv = parser.add_group("CSV Formatter", None);
    parser.add_to(
        csv,
        Arg::option(&["--quote"])
            .choices(&["all", "minimal", "none", "nonnumeric"])
            .dest("quote_mode")
            .default("nonnumeric")
            .help("when to include quotes, defaults to nonnumeric"),
    );
    add_json_arguments(parser);
    add_table_arguments(parser);
    // Lister adds its sort options after the formatter plugins' groups, so they come last in the usage.
    parser.add_to(
        group,
        Arg::option(&["--sort-column"])
            .append()
            .default(ArgValue::List(Vec::new()))
            .dest("sort_columns")
            .metavar("SORT_COLUMN")
            .help(
                "specify the column(s) to sort the data (columns specified first have a priority, non-existing \
                 columns are ignored), column names are case-insensitive and accept underscores for spaces, \
                 can be repeated",
            ),
    );
    let direction = parser.add_mutex(Some(group), false);
    parser.add_to_mutex(
        direction,
        Arg::option(&["--sort-ascending"])
            .action(Action::StoreConst(ArgValue::from("asc")))
            .dest("sort_direction")
            .help("sort the column(s) in ascending order"),
    );
    parser.add_to_mutex(
        direction,
        Arg::option(&["--sort-descending"])
            .action(Action::StoreConst(ArgValue::from("desc")))
            .dest("sort_direction")
            .help("sort the column(s) in descending order"),
    );
}

/// Adds a ShowOne's formatter options to `parser`.
///
/// The groups come in the order cliff's formatter plugins load: json, shell, table.
pub fn add_show_arguments(parser: &mut Parser) {
    add_common_arguments(parser, &["json", "shell", "table", "value", "yaml"]);
    add_json_arguments(parser);
    let shell = parser.add_group(
        "shell formatter",
        Some("a format a UNIX shell can parse (variable=\"value\")"),
    );
    parser.add_to(
        shell,
        Arg::option(&["--variable"])
            .append()
            .default(ArgValue::List(Vec::new()))
            .dest("variables")
            .metavar("VARIABLE")
            .hidden(),
    );
    parser.add_to(
        shell,
        Arg::option(&["--prefix"])
            .default("")
            .dest("prefix")
            .help("add a prefix to all variable names"),
    );
    add_table_arguments(parser);
}

/// The table's fitting settings from the options and the terminal.
fn table_fit(args: &Args, terminal: Terminal) -> table::Fit {
    let max_width = args.int("max_width").unwrap_or(terminal.env_max_width);
    let fit = terminal.is_tty || args.flag("fit_width") || terminal.env_fit_width;
    table::Fit {
        max_width,
        fit,
        term_width: terminal.width,
    }
}

fn unknown_format(name: &str) -> Error {
    Error::usage(format!("unknown output format: {name}"))
}

/// Formats a `List` or `Show` output with the options parsed into `args`; other outputs are not for formatters.
///
/// Errors are cliff's: an unknown `-c` column, a table with repeated field names or rows of the wrong
/// length, `--quote none` with a single empty field. A sort on unorderable values logs cliff's warning and
/// leaves the rows unsorted for that column.
pub fn render(output: &Output, args: &Args, terminal: Terminal) -> Result<String> {
    let formatter = args.str("formatter").unwrap_or("table");
    let requested = args.strings("columns");
    match output {
        Output::List { columns, rows } => {
            let mut rows: Vec<&Vec<Value>> = rows.iter().collect();
            let descending = args.str("sort_direction") == Some("desc");
            columns::sort(
                columns,
                &mut rows,
                &args.strings("sort_columns"),
                descending,
                |row, i| row.get(i).unwrap_or(&Value::Null),
            );
            let picked = columns::select(columns, &requested)?;
            let names: Vec<String> = picked.iter().map(|&i| columns[i].clone()).collect();
            let selected: Vec<Vec<&Value>> = if picked.len() == columns.len() {
                rows.iter().map(|row| row.iter().collect()).collect()
            } else {
                rows.iter()
                    .map(|row| picked.iter().filter_map(|&i| row.get(i)).collect())
                    .collect()
            };
            match formatter {
                "table" => table::emit_list(
                    &names,
                    &selected,
                    table_fit(args, terminal),
                    args.flag("print_empty"),
                ),
                "csv" => {
                    let mode = args.str("quote_mode").unwrap_or("nonnumeric");
                    let quote = csv::Quote::from_name(mode).ok_or_else(|| unknown_format(mode))?;
                    csv::emit_list(&names, &selected, quote)
                }
                "json" => Ok(json::emit_list(&names, &selected, args.flag("noindent"))),
                "yaml" => Ok(yaml::emit_list(&names, &selected)),
                "value" => Ok(value::emit_list(&selected)),
                other => Err(unknown_format(other)),
            }
        }
        Output::Show { fields, values } => {
            let picked = columns::select(fields, &requested)?;
            let names: Vec<String> = picked.iter().map(|&i| fields[i].clone()).collect();
            let selected: Vec<&Value> = picked.iter().filter_map(|&i| values.get(i)).collect();
            match formatter {
                "table" => table::emit_one(&names, &selected, table_fit(args, terminal)),
                "json" => Ok(json::emit_one(&names, &selected, args.flag("noindent"))),
                "yaml" => Ok(yaml::emit_one(&names, &selected)),
                "value" => Ok(value::emit_one(&selected)),
                "shell" => Ok(shell::emit_one(
                    &names,
                    &selected,
                    args.str("prefix").unwrap_or(""),
                    &args.strings("variables"),
                )),
                other => Err(unknown_format(other)),
            }
        }
        Output::Exit { .. } | Output::Text { .. } | Output::Failed { .. } => Err(Error::command(
            "only List and Show outputs are formatted".to_owned(),
        )),
    }
}

/// Python's `json.dumps(value)` with its default separators (columns that show JSON, as OSC's router info).
pub fn json_dumps(value: &Value) -> String {
    json::dumps(value)
}

/// Python's `str()` of a value (what `-f value` and the table show for lists and dicts).
pub fn python_str(value: &Value) -> String {
    python::str_of(value)
}

#[cfg(test)]
mod tests;
