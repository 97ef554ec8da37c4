//! The framework's [`RowSink`] for a streamed list: formats each page as it comes and writes it to stdout.

use std::io::Write;

use crate::argparse::Args;
use crate::error::Result;
use crate::format::ListStream;
use crate::rows::{RowObserver, RowSink};
use crate::value::Value;

/// Writes a streamed list to stdout, a page at a time (flushed, so that the first rows show while the next
/// page is on its way).
///
/// Nothing is written before the first row or the end: a list that fails before its first page (or an unknown
/// `-c` column) leaves stdout as empty as the buffered output does. A failure after that leaves what was
/// written: the rows of the pages that came, without the end of the JSON or YAML document.
pub(crate) struct Printer<'a> {
    args: &'a Args,
    columns: Vec<String>,
    stream: Option<ListStream>,
    observer: Option<Box<dyn RowObserver>>,
}

impl<'a> Printer<'a> {
    /// A printer for a list formatted with the options in `args` ([`crate::format::can_stream`]).
    pub(crate) fn new(args: &'a Args, observer: Option<Box<dyn RowObserver>>) -> Self {
        Printer {
            args,
            columns: Vec::new(),
            stream: None,
            observer,
        }
    }

    /// The formatter, made on first use (so that a `-c` error comes where the buffered output has it: after
    /// the list was fetched, or after what failed first). The caller puts it back.
    fn take_stream(&mut self) -> Result<ListStream> {
        match self.stream.take() {
            Some(stream) => Ok(stream),
            None => ListStream::new(&self.columns, self.args),
        }
    }

    /// Writes the end of the list and tells the observer the list ended.
    pub(crate) fn finish(mut self) -> Result<()> {
        let mut out = String::new();
        self.take_stream()?.finish(&mut out)?;
        write(&out)?;
        if let Some(observer) = self.observer.take() {
            observer.finish();
        }
        Ok(())
    }
}

impl RowSink for Printer<'_> {
    fn columns(&mut self, columns: Vec<String>) -> Result<()> {
        self.columns = columns;
        Ok(())
    }

    fn rows(&mut self, rows: Vec<Vec<Value>>) -> Result<()> {
        let mut stream = self.take_stream()?;
        let mut out = String::new();
        for row in &rows {
            if let Some(observer) = self.observer.as_mut() {
                observer.row(&self.columns, row);
            }
            stream.row(&mut out, row)?;
        }
        self.stream = Some(stream);
        write(&out)
    }
}

/// Writes and flushes a piece of the output (a closed pipe becomes its own error kind).
fn write(text: &str) -> Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&crate::surrogate::to_bytes(text))?;
    stdout.flush()?;
    Ok(())
}
