//! cliff's output formatters, byte for byte: table (prettytable), csv, json, yaml, value and shell.

use crate::argparse::{Args, Parser};
use crate::error::Result;
use crate::output::Output;
use crate::value::Value;

/// What the formatters need to know about the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    /// Whether stdout is a terminal (tables are fitted to it only then, or with `--fit-width`).
    pub is_tty: bool,
    /// Its width in columns, when known.
    pub width: Option<usize>,
}

/// Adds a Lister's formatter options (`-f`, `-c`, `--sort-column`... and each formatter's group) to `parser`.
pub fn add_list_arguments(parser: &mut Parser) {
    unimplemented!("{parser:?}")
}

/// Adds a ShowOne's formatter options to `parser`.
pub fn add_show_arguments(parser: &mut Parser) {
    unimplemented!("{parser:?}")
}

/// Formats a `List` or `Show` output with the options parsed into `args`; other outputs are not for formatters.
pub fn render(output: &Output, args: &Args, terminal: Terminal) -> Result<String> {
    unimplemented!("{output:?} {args:?} {terminal:?}")
}

/// Python's `str()` of a value (what `-f value` and the table show for lists and dicts).
pub fn python_str(value: &Value) -> String {
    unimplemented!("{value:?}")
}
