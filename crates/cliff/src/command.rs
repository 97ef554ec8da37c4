//! Commands: what an application registers, and the kinds the framework knows how to run.

use crate::argparse::{Args, Parser};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::rows::RowSink;

/// The destination of the unparsed words given to a command that [parses its own arguments](Command::parses_own_arguments).
pub const RAW_ARGV: &str = "raw_argv";

/// The destination of the program name of such a command's parser (`openstack resource provider list`).
pub const RAW_PROG: &str = "raw_prog";

/// Set (true) when such a command runs only to print its help for `help <command>`.
pub const RAW_HELP: &str = "raw_help";

/// How the framework treats a command's result and which formatter options its parser gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandKind {
    /// Returns an exit code or raw text (cliff's `Command`).
    Plain,
    /// Returns columns and rows (cliff's `Lister`): gets `-f {csv,json,table,value,yaml}`, `-c`, sorting...
    Lister,
    /// Returns fields and values (cliff's `ShowOne`): gets `-f {json,shell,table,value,yaml}`, `-c`...
    ShowOne,
}

/// One command, generic over the application's context `C` (what `take_action` may use).
///
/// Commands are cheap to construct (usually unit structs) and describe themselves on demand, so listing
/// commands never builds a parser.
pub trait Command<C>: Send + Sync {
    /// The description: its first line is the summary shown in `--help` and `command list`.
    fn description(&self) -> &str;

    /// Plain, Lister or ShowOne.
    fn kind(&self) -> CommandKind {
        CommandKind::Plain
    }

    /// Whether the application must set up credentials before running it (osc-lib's `auth_required`).
    fn auth_required(&self) -> bool {
        true
    }

    /// Hidden from help listings (cliff's `deprecated`).
    fn deprecated(&self) -> bool {
        false
    }

    /// Text after the options in `--help`.
    fn epilog(&self) -> Option<&str> {
        None
    }

    /// Adds the command's own arguments (the framework has already added `-h` and formatter options).
    fn add_arguments(&self, _parser: &mut Parser) {}

    /// Whether the command parses its own arguments and prints its own help (a Python plugin's command run
    /// through the bridge, whose argparse parser is the only exact one). The framework then parses nothing: the
    /// command gets the words after its name as [`RAW_ARGV`] and its parser's program name as [`RAW_PROG`], and
    /// `help <command>` runs it with `--help` (and [`RAW_HELP`] set). Its parser ([`Command::add_arguments`])
    /// serves completion only.
    fn parses_own_arguments(&self) -> bool {
        false
    }

    /// Runs the command with its parsed arguments.
    fn take_action(&self, ctx: &mut C, args: &Args) -> Result<Output>;

    /// A Lister whose list pages: whether, with these arguments, it can hand its rows over as they come
    /// ([`Command::stream_rows`]) with the same rows in the same order as `take_action` (false when it sorts or
    /// post-processes the whole list). The framework streams only when the format allows it too.
    fn streams(&self, _args: &Args) -> bool {
        false
    }

    /// Runs the command, giving its columns and then its rows, a page at a time, to `sink` (see
    /// [`crate::rows`]). The default runs `take_action` and hands over its whole list.
    fn stream_rows(&self, ctx: &mut C, args: &Args, sink: &mut dyn RowSink) -> Result<()> {
        match self.take_action(ctx, args)? {
            Output::List { columns, rows } => {
                sink.columns(columns)?;
                sink.rows(rows)
            }
            _ => Err(Error::command("only a Lister's rows can be streamed")),
        }
    }
}
