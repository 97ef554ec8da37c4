//! A framework for multi-word command-line programs with output formatters, modelled on Python's cliff.
//!
//! It knows nothing of OpenStack: an application registers commands (plain, Lister or ShowOne), the framework
//! finds the command from argv, parses its options like argparse, runs it, and formats the data it returns.

pub mod app;
pub mod argparse;
pub mod command;
pub mod complete;
pub mod error;
pub mod format;
pub mod interactive;
pub mod logging;
pub mod manager;
pub mod output;
mod printer;
pub mod rows;
pub mod surrogate;
pub mod terminal;
pub mod value;

pub use app::{App, AppInfo, Application};
pub use argparse::{Arg, ArgValue, Args, Parser};
pub use command::{Command, CommandKind};
pub use error::{Error, ErrorKind, Result};
pub use manager::CommandManager;
pub use output::Output;
pub use rows::{RowObserver, RowSink};
pub use value::Value;
