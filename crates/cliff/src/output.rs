//! What a command returns: the framework, not the command, turns it into text.

use serde::{Deserialize, Serialize};

use crate::value::Value;

/// The result of running a command.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Output {
    /// A plain command finished with this exit code (0 is success).
    Exit {
        /// The process exit code.
        code: i32,
    },
    /// A plain command's raw text, written to stdout as it is, then exit 0.
    Text {
        /// The exact bytes to print (include the trailing newline).
        text: String,
    },
    /// A Lister's result: column names and rows, formatted by the list formatters.
    List {
        /// Column headings, in display order.
        columns: Vec<String>,
        /// One entry per row, each as long as `columns`.
        rows: Vec<Vec<Value>>,
    },
    /// A ShowOne's result: field names and their values, formatted by the show formatters.
    Show {
        /// Field names, in display order.
        fields: Vec<String>,
        /// One value per field.
        values: Vec<Value>,
    },
    /// Another output, printed as usual, then a command error (exit 1): for commands that report on stdout as they
    /// go and fail at the end (mistralclient's deletes print one line per item, then "Unable to delete ...").
    Failed {
        /// What is printed first.
        output: Box<Output>,
        /// The error message, printed as any command error.
        message: String,
    },
}

impl Output {
    /// Success with nothing to print.
    pub fn ok() -> Self {
        Output::Exit { code: 0 }
    }

    /// A ShowOne result from `(field, value)` pairs, in the order given.
    pub fn show(pairs: Vec<(String, Value)>) -> Self {
        let (fields, values) = pairs.into_iter().unzip();
        Output::Show { fields, values }
    }
}
