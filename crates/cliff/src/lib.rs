//! A framework for multi-word command-line programs with output formatters, modelled on Python's cliff.
//!
//! It knows nothing of OpenStack: an application registers commands (plain, Lister or ShowOne), the framework
//! finds the command from argv, parses its options like argparse, runs it, and formats the data it returns.

pub mod argparse;
pub mod error;
pub mod format;
pub mod output;
pub mod value;

pub use argparse::{Arg, ArgValue, Args, Parser};
pub use error::{Error, ErrorKind, Result};
pub use output::Output;
pub use value::Value;
