//! cliff's value formatter: bare values, space-separated for a list row, one per line for a show.

use super::json::machine;
use super::python::str_of;
use crate::value::Value;

/// A Lister's values: one line per row.
pub(crate) fn emit_list(rows: &[Vec<&Value>]) -> String {
    let mut out = String::new();
    for row in rows {
        write_list_row(&mut out, row);
    }
    out
}

/// One row's line (what [`emit_list`] writes for each row).
pub(crate) fn write_list_row(out: &mut String, row: &[&Value]) {
    for (i, value) in row.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&str_of(machine(value)));
    }
    out.push('\n');
}

/// A ShowOne's values: one line per field.
pub(crate) fn emit_one(values: &[&Value]) -> String {
    let mut out = String::new();
    for value in values {
        out.push_str(&str_of(machine(value)));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_str_of_each_value() {
        let values = [
            Value::str("a b"),
            Value::Null,
            Value::Bool(false),
            Value::List(vec![Value::str("x")]),
            Value::Column {
                human: "h".into(),
                machine: Box::new(Value::Dict(vec![("k".into(), Value::Int(1))])),
            },
        ];
        let refs: Vec<&Value> = values.iter().collect();
        assert_eq!(
            emit_list(std::slice::from_ref(&refs)),
            "a b None False ['x'] {'k': 1}\n"
        );
        assert_eq!(emit_one(&refs), "a b\nNone\nFalse\n['x']\n{'k': 1}\n");
    }
}
