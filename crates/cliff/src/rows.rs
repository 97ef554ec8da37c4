//! A Lister's rows as they come (a list that pages): where a streaming command puts them, and what the
//! application may learn from them on the way.
//!
//! A command that can stream implements [`Command::stream_rows`](crate::Command::stream_rows), handing its
//! columns and then each page of rows to a [`RowSink`], and its `take_action` as [`collect`] of the same, so
//! that there is one code path. The framework streams when the format allows it
//! ([`can_stream`](crate::format::can_stream)): each page is formatted and written as it arrives, in flat
//! memory; otherwise it collects the rows and formats them as any list.

use crate::error::Result;
use crate::output::Output;
use crate::value::Value;

/// Where a streaming Lister puts its output: the columns first, then the rows, a page at a time.
pub trait RowSink {
    /// The column headings, before any row.
    fn columns(&mut self, columns: Vec<String>) -> Result<()>;

    /// The next rows (a page), each as long as the columns; the framework writes them before returning.
    fn rows(&mut self, rows: Vec<Vec<Value>>) -> Result<()>;
}

/// What an application learns from a streamed list's rows (osc-lib records names for completion), in place of
/// the whole output `Application::command_output` sees for a buffered one. It must keep bounded memory.
pub trait RowObserver {
    /// One row as the command gave it (all its columns, before `-c` selection).
    fn row(&mut self, columns: &[String], row: &[Value]);

    /// The list ended without error.
    fn finish(self: Box<Self>);
}

/// A sink that keeps every row: the buffered form of a streaming command.
#[derive(Debug, Default)]
struct Collect {
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

impl RowSink for Collect {
    fn columns(&mut self, columns: Vec<String>) -> Result<()> {
        self.columns = columns;
        Ok(())
    }

    fn rows(&mut self, mut rows: Vec<Vec<Value>>) -> Result<()> {
        self.rows.append(&mut rows);
        Ok(())
    }
}

/// Runs `produce` with a sink that keeps everything, and gives the `Output::List` it made (a streaming
/// command's `take_action`).
pub fn collect(produce: impl FnOnce(&mut dyn RowSink) -> Result<()>) -> Result<Output> {
    let mut sink = Collect::default();
    produce(&mut sink)?;
    Ok(Output::List {
        columns: sink.columns,
        rows: sink.rows,
    })
}

/// Inside a streaming Lister's `impl Command<C>`, `take_action` and `stream_rows` from one function
/// `fn(&mut C, &Args, &mut dyn RowSink) -> Result<()>`: the rows collected, or handed over as they come.
#[macro_export]
macro_rules! rows_from {
    ($list:path, $ctx:ty) => {
        fn take_action(
            &self,
            ctx: &mut $ctx,
            args: &$crate::Args,
        ) -> $crate::Result<$crate::Output> {
            $crate::rows::collect(|sink| $list(ctx, args, sink))
        }

        fn stream_rows(
            &self,
            ctx: &mut $ctx,
            args: &$crate::Args,
            sink: &mut dyn $crate::RowSink,
        ) -> $crate::Result<()> {
            $list(ctx, args, sink)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn collect_keeps_columns_and_every_page() {
        let output = collect(|sink| {
            sink.columns(vec!["ID".into()])?;
            sink.rows(vec![vec![Value::str("a")]])?;
            sink.rows(vec![vec![Value::str("b")], vec![Value::str("c")]])
        })
        .unwrap();
        assert_eq!(
            output,
            Output::List {
                columns: vec!["ID".into()],
                rows: vec![
                    vec![Value::str("a")],
                    vec![Value::str("b")],
                    vec![Value::str("c")]
                ],
            }
        );
        let failed = collect(|sink| {
            sink.rows(vec![vec![Value::str("a")]])?;
            Err(Error::command("page 2 failed"))
        });
        assert_eq!(failed.unwrap_err().message, "page 2 failed");
    }
}
