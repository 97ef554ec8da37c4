//! cliff's CSV formatter: Python's `csv.writer(quoting=..., lineterminator='\n', escapechar='\\')`.

use super::python::str_of;
use crate::error::{Error, Result};
use crate::value::Value;

/// `--quote`: when fields are quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quote {
    All,
    Minimal,
    NonNumeric,
    None,
}

impl Quote {
    /// The mode named by `--quote`.
    pub(crate) fn from_name(name: &str) -> Option<Quote> {
        Some(match name {
            "all" => Quote::All,
            "minimal" => Quote::Minimal,
            "nonnumeric" => Quote::NonNumeric,
            "none" => Quote::None,
            _ => return None,
        })
    }
}

/// One field as the writer sees it: its text (`None` for Python's None) and whether it is a number.
struct Field<'a> {
    text: Option<std::borrow::Cow<'a, str>>,
    numeric: bool,
}

fn field(value: &Value) -> Field<'_> {
    match value {
        Value::Null => Field {
            text: None,
            numeric: false,
        },
        Value::Str(s) => Field {
            text: Some(s.as_str().into()),
            numeric: false,
        },
        // cliff hands the writer `str(machine_readable())`.
        Value::Column { machine, .. } => Field {
            text: Some(str_of(machine).into()),
            numeric: false,
        },
        Value::Bool(_) | Value::Int(_) | Value::Float(_) => Field {
            text: Some(str_of(value).into()),
            numeric: true,
        },
        other => Field {
            text: Some(str_of(other).into()),
            numeric: false,
        },
    }
}

/// Appends one record to `out`, as `writer.writerow()` does.
fn write_row(out: &mut String, fields: &[Field<'_>], quote: Quote) -> Result<()> {
    let mut record = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            record.push(',');
        }
        let mut quoted = match quote {
            Quote::All => true,
            Quote::NonNumeric => !f.numeric,
            _ => false,
        };
        let mut body = String::new();
        for c in f.text.as_deref().unwrap_or("").chars() {
            let special = matches!(c, ',' | '\\' | '"' | '\n');
            if special {
                if quote == Quote::None {
                    body.push('\\');
                } else if c == '"' {
                    body.push('"');
                    quoted = true;
                } else if c == '\\' {
                    body.push('\\');
                } else {
                    quoted = true;
                }
            }
            body.push(c);
        }
        if quoted {
            record.push('"');
            record.push_str(&body);
            record.push('"');
        } else {
            record.push_str(&body);
        }
    }
    if fields.len() == 1 && record.is_empty() {
        if quote == Quote::None {
            return Err(Error::command("single empty field record must be quoted"));
        }
        record.push_str("\"\"");
    }
    out.push_str(&record);
    out.push('\n');
    Ok(())
}

/// A Lister's CSV: the header, then one record per row.
pub(crate) fn emit_list(columns: &[String], rows: &[Vec<&Value>], quote: Quote) -> Result<String> {
    let mut out = String::new();
    write_header(&mut out, columns, quote)?;
    for row in rows {
        write_record(&mut out, row, quote)?;
    }
    Ok(out)
}

/// The header record (what [`emit_list`] writes first).
pub(crate) fn write_header(out: &mut String, columns: &[String], quote: Quote) -> Result<()> {
    let header: Vec<Field<'_>> = columns
        .iter()
        .map(|c| Field {
            text: Some(c.as_str().into()),
            numeric: false,
        })
        .collect();
    write_row(out, &header, quote)
}

/// One row's record (what [`emit_list`] writes for each row).
pub(crate) fn write_record(out: &mut String, row: &[&Value], quote: Quote) -> Result<()> {
    let fields: Vec<Field<'_>> = row.iter().map(|v| field(v)).collect();
    write_row(out, &fields, quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_modes() {
        let columns = vec!["a".to_owned(), "b".to_owned()];
        let values = [
            Value::str("x,y"),
            Value::Int(3),
            Value::str("q\"\\"),
            Value::Null,
        ];
        let rows = vec![vec![&values[0], &values[1]], vec![&values[2], &values[3]]];
        let cases = [
            (
                Quote::NonNumeric,
                "\"a\",\"b\"\n\"x,y\",3\n\"q\"\"\\\\\",\"\"\n",
            ),
            (
                Quote::All,
                "\"a\",\"b\"\n\"x,y\",\"3\"\n\"q\"\"\\\\\",\"\"\n",
            ),
            (Quote::Minimal, "a,b\n\"x,y\",3\n\"q\"\"\\\\\",\n"),
            (Quote::None, "a,b\nx\\,y,3\nq\\\"\\\\,\n"),
        ];
        for (quote, want) in cases {
            assert_eq!(
                emit_list(&columns, &rows, quote).unwrap(),
                want,
                "{quote:?}"
            );
        }
    }

    #[test]
    fn single_empty_field() {
        let columns = vec!["a".to_owned()];
        let empty = Value::str("");
        let rows = vec![vec![&empty]];
        assert_eq!(
            emit_list(&columns, &rows, Quote::Minimal).unwrap(),
            "a\n\"\"\n"
        );
        let err = emit_list(&columns, &rows, Quote::None).unwrap_err();
        assert_eq!(err.message, "single empty field record must be quoted");
    }
}
