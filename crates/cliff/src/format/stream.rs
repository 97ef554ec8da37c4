//! A Lister's output written as its rows come, for the formats that need no look at the whole list (json,
//! csv, value and yaml without cliff's sorting): the same bytes as [`render`](super::render), in pieces.
//!
//! Each format's list writer is built from the same per-row functions as its buffered `emit_list`, so the
//! pieces put together are that text by construction; the tests below compare them anyway.

use super::{columns, csv, json, unknown_format, value, yaml};
use crate::argparse::Args;
use crate::error::Result;
use crate::value::Value;

/// Whether a list formatted with these options can be written row by row: `-f json`, `csv`, `value` or
/// `yaml`, and no `--sort-column`/`--sort-ascending`/`--sort-descending` (cliff sorts the whole list first).
/// A table needs every row for its widths.
pub fn can_stream(args: &Args) -> bool {
    let formatter = args.str("formatter").unwrap_or("table");
    matches!(formatter, "json" | "csv" | "value" | "yaml")
        && args.strings("sort_columns").is_empty()
        && args.str("sort_direction").is_none()
}

enum Writer {
    Json { noindent: bool },
    Csv(csv::Quote),
    Value,
    Yaml(yaml::ListWriter),
}

/// The formatter of one list written row by row: [`ListStream::row`] for each row, then
/// [`ListStream::finish`]; each appends its text to `out` for the caller to write.
pub struct ListStream {
    /// The selected columns' names.
    names: Vec<String>,
    /// Their places in a row; `None` when every column is selected in order.
    picked: Option<Vec<usize>>,
    writer: Writer,
    rows: usize,
}

impl ListStream {
    /// The formatter for a list of `columns`, with the options in `args` (which [`can_stream`] accepted).
    /// Fails as `render` does on an unknown `-c` column.
    pub fn new(columns: &[String], args: &Args) -> Result<ListStream> {
        let picked = columns::select(columns, &args.strings("columns"))?;
        let names = picked.iter().map(|&i| columns[i].clone()).collect();
        let all = picked.len() == columns.len();
        let writer = match args.str("formatter").unwrap_or("table") {
            "json" => Writer::Json {
                noindent: args.flag("noindent"),
            },
            "csv" => {
                let mode = args.str("quote_mode").unwrap_or("nonnumeric");
                Writer::Csv(csv::Quote::from_name(mode).ok_or_else(|| unknown_format(mode))?)
            }
            "value" => Writer::Value,
            "yaml" => Writer::Yaml(yaml::ListWriter::new()),
            other => return Err(unknown_format(other)),
        };
        Ok(ListStream {
            names,
            picked: (!all).then_some(picked),
            writer,
            rows: 0,
        })
    }

    /// Appends one row's text (with the header or the list's opening before the first).
    pub fn row(&mut self, out: &mut String, row: &[Value]) -> Result<()> {
        let selected: Vec<&Value> = match &self.picked {
            None => row.iter().collect(),
            Some(picked) => picked.iter().filter_map(|&i| row.get(i)).collect(),
        };
        let first = self.rows == 0;
        self.rows += 1;
        match &mut self.writer {
            Writer::Json { noindent } => {
                json::write_list_row(out, &self.names, &selected, *noindent, first);
            }
            Writer::Csv(quote) => {
                if first {
                    csv::write_header(out, &self.names, *quote)?;
                }
                csv::write_record(out, &selected, *quote)?;
            }
            Writer::Value => value::write_list_row(out, &selected),
            Writer::Yaml(list) => list.row(out, &self.names, &selected),
        }
        Ok(())
    }

    /// Appends the text after the last row (or the whole text of an empty list).
    pub fn finish(self, out: &mut String) -> Result<()> {
        let empty = self.rows == 0;
        match self.writer {
            Writer::Json { noindent } => json::write_list_end(out, noindent, empty),
            Writer::Csv(quote) if empty => csv::write_header(out, &self.names, quote)?,
            Writer::Csv(_) | Writer::Value => {}
            Writer::Yaml(list) => list.finish(out),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argparse::ArgValue;
    use crate::format::{render, Terminal};
    use crate::output::Output;

    fn args(pairs: &[(&str, ArgValue)]) -> Args {
        let mut args = Args::default();
        for (dest, value) in pairs {
            args.set(*dest, value.clone());
        }
        args
    }

    /// The text written row by row, in batches of `batch` rows as pages would come.
    fn streamed(output: &Output, args: &Args, batch: usize) -> Result<String> {
        let Output::List { columns, rows } = output else {
            unreachable!("a list")
        };
        let mut stream = ListStream::new(columns, args)?;
        let mut text = String::new();
        for page in rows.chunks(batch.max(1)) {
            let mut out = String::new();
            for row in page {
                stream.row(&mut out, row)?;
            }
            text.push_str(&out);
        }
        stream.finish(&mut text)?;
        Ok(text)
    }

    fn list(columns: &[&str], rows: Vec<Vec<Value>>) -> Output {
        Output::List {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows,
        }
    }

    /// Rows with what each format treats specially: unicode (JSON's \u escapes, YAML's double quotes), CSV's
    /// quoting (commas, quotes, backslashes, newlines), numbers, None, booleans, nested lists and dicts (YAML's
    /// block layout, Python's str for value and csv), a column object, and long text YAML folds.
    fn tricky() -> Output {
        let nested = Value::Dict(vec![
            (
                "b".into(),
                Value::List(vec![Value::Int(1), Value::str("x")]),
            ),
            ("a".into(), Value::Dict(vec![("k".into(), Value::Null)])),
        ]);
        list(
            &["ID", "Name", "Enabled", "Tags", "Size"],
            vec![
                vec![
                    Value::str("1"),
                    Value::str("héllo wörld \u{1F600}"),
                    Value::Bool(true),
                    nested.clone(),
                    Value::Int(3),
                ],
                vec![
                    Value::str("2"),
                    Value::str("a,b \"q\" back\\slash\nline"),
                    Value::Null,
                    Value::List(vec![]),
                    Value::Float(1.5),
                ],
                vec![
                    Value::str("yes"),
                    Value::str("long words ".repeat(12)),
                    Value::Bool(false),
                    Value::Column {
                        human: "h".into(),
                        machine: Box::new(nested),
                    },
                    Value::str(""),
                ],
            ],
        )
    }

    fn formats() -> Vec<Vec<(&'static str, ArgValue)>> {
        let f = |name: &str| ("formatter", ArgValue::from(name));
        let mut all = vec![
            vec![f("json")],
            vec![f("json"), ("noindent", ArgValue::Bool(true))],
            vec![f("value")],
            vec![f("yaml")],
        ];
        for mode in ["all", "minimal", "none", "nonnumeric"] {
            all.push(vec![f("csv"), ("quote_mode", ArgValue::from(mode))]);
        }
        all
    }

    #[test]
    fn streamed_bytes_are_the_buffered_bytes() {
        let selection = (
            "columns",
            ArgValue::List(vec![ArgValue::from("Tags"), ArgValue::from("ID")]),
        );
        for output in [tricky(), list(&["ID", "Name"], vec![])] {
            for format in formats() {
                for with_columns in [false, true] {
                    let mut pairs = format.clone();
                    if with_columns {
                        pairs.push(selection.clone());
                    }
                    let args = args(&pairs);
                    assert!(can_stream(&args));
                    let buffered = render(&output, &args, Terminal::default());
                    for batch in [1, 2, 5] {
                        let got = streamed(&output, &args, batch);
                        match (&buffered, got) {
                            (Ok(want), Ok(got)) => {
                                assert_eq!(&got, want, "{pairs:?} batch {batch}")
                            }
                            (Err(want), Err(got)) => assert_eq!(got.message, want.message),
                            (want, got) => panic!("{pairs:?}: {want:?} != {got:?}"),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn known_texts_row_by_row() {
        let output = list(
            &["ID", "Name"],
            vec![
                vec![Value::str("a1"), Value::str("x,y")],
                vec![Value::str("b2"), Value::str("ü")],
            ],
        );
        let text = |format: &str| {
            streamed(&output, &args(&[("formatter", ArgValue::from(format))]), 1).unwrap()
        };
        assert_eq!(
            text("json"),
            "[\n  {\n    \"ID\": \"a1\",\n    \"Name\": \"x,y\"\n  },\n  {\n    \"ID\": \"b2\",\n    \"Name\": \"\\u00fc\"\n  }\n]\n"
        );
        assert_eq!(
            text("csv"),
            "\"ID\",\"Name\"\n\"a1\",\"x,y\"\n\"b2\",\"ü\"\n"
        );
        assert_eq!(text("value"), "a1 x,y\nb2 ü\n");
        assert_eq!(
            text("yaml"),
            "- ID: a1\n  Name: x,y\n- ID: b2\n  Name: \"\\xFC\"\n"
        );
        let empty = list(&["ID", "Name"], vec![]);
        let text = |format: &str| {
            streamed(&empty, &args(&[("formatter", ArgValue::from(format))]), 1).unwrap()
        };
        assert_eq!(text("json"), "[]\n");
        assert_eq!(text("csv"), "\"ID\",\"Name\"\n");
        assert_eq!(text("value"), "");
        assert_eq!(text("yaml"), "[]\n");
    }

    #[test]
    fn tables_and_sorted_lists_are_buffered() {
        let f = |name: &str| ("formatter", ArgValue::from(name));
        assert!(!can_stream(&args(&[])));
        assert!(!can_stream(&args(&[f("table")])));
        assert!(!can_stream(&args(&[
            f("json"),
            ("sort_columns", ArgValue::List(vec![ArgValue::from("Name")]))
        ])));
        assert!(!can_stream(&args(&[
            f("value"),
            ("sort_direction", ArgValue::from("desc"))
        ])));
    }

    #[test]
    fn an_unknown_column_fails_as_buffered() {
        let args = args(&[
            ("formatter", ArgValue::from("json")),
            ("columns", ArgValue::List(vec![ArgValue::from("Nope")])),
        ]);
        let want = render(&tricky(), &args, Terminal::default()).unwrap_err();
        let got = streamed(&tricky(), &args, 1).unwrap_err();
        assert_eq!((got.kind, got.message), (want.kind, want.message));
    }
}
