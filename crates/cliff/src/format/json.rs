//! cliff's JSON formatter: Python's `json.dump(data, indent=2 or None)` (ASCII-only, Python float repr).

use std::fmt::Write;

use super::python::{dict_items, float_repr};
use crate::value::Value;

/// The machine-readable value: a FormattableColumn's `machine_readable()`.
pub(crate) fn machine(value: &Value) -> &Value {
    match value {
        Value::Column { machine, .. } => machine,
        other => other,
    }
}

/// Appends a JSON string literal with `ensure_ascii` escaping.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
}

/// Serializes `value` at nesting `level` (indent `Some(2)` or compact `None`).
fn write_value(out: &mut String, value: &Value, indent: Option<usize>, level: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => {
            if f.is_nan() {
                out.push_str("NaN");
            } else if f.is_infinite() {
                out.push_str(if *f > 0.0 { "Infinity" } else { "-Infinity" });
            } else {
                out.push_str(&float_repr(*f));
            }
        }
        Value::Str(s) => write_string(out, s),
        Value::List(items) => {
            let refs: Vec<&Value> = items.iter().collect();
            write_list(out, &refs, indent, level);
        }
        Value::Dict(pairs) => write_object(out, &dict_items(pairs), indent, level),
        // A column nested in a structure is not JSON serializable in Python; its data stands in for it.
        Value::Column { machine, .. } => write_value(out, machine, indent, level),
    }
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(n) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', n * level));
    }
}

fn write_list(out: &mut String, items: &[&Value], indent: Option<usize>, level: usize) {
    if items.is_empty() {
        out.push_str("[]");
        return;
    }
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if indent.is_some() { "," } else { ", " });
        }
        newline(out, indent, level + 1);
        write_value(out, item, indent, level + 1);
    }
    newline(out, indent, level);
    out.push(']');
}

fn write_object(out: &mut String, items: &[(&str, &Value)], indent: Option<usize>, level: usize) {
    if items.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push('{');
    for (i, (key, item)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if indent.is_some() { "," } else { ", " });
        }
        newline(out, indent, level + 1);
        write_string(out, key);
        out.push_str(": ");
        write_value(out, item, indent, level + 1);
    }
    newline(out, indent, level);
    out.push('}');
}

/// The dict cliff builds from names and values (`zip` stops at the shorter; a repeated name keeps its first
/// place and its last value), with columns replaced by their machine-readable data.
pub(crate) fn zip_dict<'a>(names: &'a [String], values: &[&'a Value]) -> Vec<(&'a str, &'a Value)> {
    let mut items: Vec<(&str, &Value)> = Vec::with_capacity(names.len());
    for (name, value) in names.iter().zip(values) {
        let value = machine(value);
        match items.iter_mut().find(|(k, _)| *k == name.as_str()) {
            Some(slot) => slot.1 = value,
            None => items.push((name, value)),
        }
    }
    items
}

/// A Lister's JSON: a list of one object per row.
pub(crate) fn emit_list(columns: &[String], rows: &[Vec<&Value>], noindent: bool) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        write_list_row(&mut out, columns, row, noindent, i == 0);
    }
    write_list_end(&mut out, noindent, rows.is_empty());
    out
}

/// One row of a Lister's JSON, with what comes before it (the list's `[` for the first, a comma otherwise):
/// the piece [`emit_list`] writes for each row, so that a list written row by row is the same text.
pub(crate) fn write_list_row(
    out: &mut String,
    columns: &[String],
    row: &[&Value],
    noindent: bool,
    first: bool,
) {
    let indent = if noindent { None } else { Some(2) };
    if first {
        out.push('[');
    } else {
        out.push_str(if noindent { ", " } else { "," });
    }
    newline(out, indent, 1);
    write_object(out, &zip_dict(columns, row), indent, 1);
}

/// The end of a Lister's JSON after its rows (`[]` when there were none), and the final newline.
pub(crate) fn write_list_end(out: &mut String, noindent: bool, empty: bool) {
    if empty {
        out.push_str("[]");
    } else {
        newline(out, if noindent { None } else { Some(2) }, 0);
        out.push(']');
    }
    out.push('\n');
}

/// Python's `json.dumps(value)`: compact, with `, ` and `: ` separators, ASCII-only.
pub(crate) fn dumps(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None, 0);
    out
}

/// A ShowOne's JSON: one object.
pub(crate) fn emit_one(fields: &[String], values: &[&Value], noindent: bool) -> String {
    let indent = if noindent { None } else { Some(2) };
    let mut out = String::new();
    write_object(&mut out, &zip_dict(fields, values), indent, 0);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indented_and_compact() {
        let fields = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let values = [
            Value::List(vec![
                Value::Float(1e16),
                Value::Null,
                Value::Float(f64::NAN),
            ]),
            Value::Dict(vec![]),
            Value::str("é\u{1F600}\"\x01"),
        ];
        let refs: Vec<&Value> = values.iter().collect();
        assert_eq!(
            emit_one(&fields, &refs, false),
            "{\n  \"a\": [\n    1e+16,\n    null,\n    NaN\n  ],\n  \"b\": {},\n  \"c\": \"\\u00e9\\ud83d\\ude00\\\"\\u0001\"\n}\n"
        );
        assert_eq!(
            emit_one(&fields, &refs, true),
            "{\"a\": [1e+16, null, NaN], \"b\": {}, \"c\": \"\\u00e9\\ud83d\\ude00\\\"\\u0001\"}\n"
        );
        assert_eq!(emit_list(&fields, &[], false), "[]\n");
    }
}
