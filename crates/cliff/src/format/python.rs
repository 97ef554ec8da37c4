//! Python's `str()` and `repr()` of the values cliff formats (what table, value, shell and csv print).

use std::fmt::Write;

use super::unicode::py_isprintable;
use crate::value::Value;

/// The class name shown by `repr()` of a `FormattableColumn` nested inside a list or dict.
///
/// cliff's `FormattableColumn.__repr__` prints the concrete class name, which our `Value::Column` does not
/// carry; nested columns are rare, so the base class name stands in for it.
const COLUMN_CLASS: &str = "FormattableColumn";

/// Python `str(value)`.
pub(crate) fn str_of(value: &Value) -> String {
    match value {
        Value::Str(s) => s.clone(),
        Value::Column { human, .. } => human.clone(),
        other => {
            let mut out = String::new();
            write_repr(&mut out, other);
            out
        }
    }
}

/// Python `repr(value)`.
#[cfg(test)]
pub(crate) fn repr_of(value: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, value);
    out
}

/// Appends Python `repr(value)` to `out`.
pub(crate) fn write_repr(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => out.push_str(&float_repr(*f)),
        Value::Str(s) => write_str_repr(out, s),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item);
            }
            out.push(']');
        }
        Value::Dict(pairs) => {
            out.push('{');
            for (i, (key, item)) in dict_items(pairs).into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str_repr(out, key);
                out.push_str(": ");
                write_repr(out, item);
            }
            out.push('}');
        }
        Value::Column { machine, .. } => {
            out.push_str(COLUMN_CLASS);
            out.push('(');
            write_repr(out, machine);
            out.push(')');
        }
    }
}

/// The entries of a Python dict built from `pairs`: a repeated key keeps its first position and its last value.
pub(crate) fn dict_items(pairs: &[(String, Value)]) -> Vec<(&str, &Value)> {
    let mut items: Vec<(&str, &Value)> = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        match items.iter_mut().find(|(k, _)| *k == key.as_str()) {
            Some(slot) => slot.1 = value,
            None => items.push((key, value)),
        }
    }
    items
}

/// Appends Python `repr()` of a string: quotes chosen as CPython does, escapes for the unprintable.
pub(crate) fn write_str_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            // An undecodable argv byte is a lone surrogate in Python.
            c if crate::surrogate::escaped_byte(c).is_some() => {
                let byte = crate::surrogate::escaped_byte(c).unwrap_or_default();
                let _ = write!(out, "\\udc{byte:02x}");
            }
            c if py_isprintable(c) => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
}

/// Python `repr(float)`: the shortest digits that round-trip, laid out as CPython does.
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // Rust's `{:e}` gives the shortest round-trip digits as `d.ddde<exp>`.
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    let decpt = exp + 1;
    if decpt > -4 && decpt <= 16 {
        let n = digits.len() as i32;
        if decpt <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-decpt) as usize));
            out.push_str(&digits);
        } else if decpt >= n {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (decpt - n) as usize));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_python() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789.125, "123456789.125"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (2.5e100, "2.5e+100"),
            (f64::NAN, "nan"),
            (f64::NEG_INFINITY, "-inf"),
            (1.0 / 3.0, "0.3333333333333333"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want, "{f:?}");
        }
    }

    #[test]
    fn str_and_repr() {
        let v = Value::List(vec![
            Value::str("a'b"),
            Value::str("c\"d'"),
            Value::str("é\u{200b}\n\x07\u{1F600}\u{E0001}"),
            Value::Null,
            Value::Bool(true),
            Value::Int(-3),
            Value::Dict(vec![
                ("k".into(), Value::List(vec![])),
                ("k2".into(), Value::Dict(vec![])),
            ]),
        ]);
        assert_eq!(
            str_of(&v),
            r#"["a'b", 'c"d\'', 'é\u200b\n\x07😀\U000e0001', None, True, -3, {'k': [], 'k2': {}}]"#
        );
        assert_eq!(str_of(&Value::str("plain")), "plain");
        let col = Value::Column {
            human: "h".into(),
            machine: Box::new(Value::Int(1)),
        };
        assert_eq!(str_of(&col), "h");
        assert_eq!(repr_of(&Value::List(vec![col])), "[FormattableColumn(1)]");
    }

    #[test]
    fn dict_keeps_first_position_last_value() {
        let pairs = vec![
            ("a".to_owned(), Value::Int(1)),
            ("b".to_owned(), Value::Int(2)),
            ("a".to_owned(), Value::Int(3)),
        ];
        assert_eq!(str_of(&Value::Dict(pairs)), "{'a': 3, 'b': 2}");
    }
}
