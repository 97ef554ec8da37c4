//! The few Python semantics the configuration layer must reproduce on JSON values: `str()`, `repr()`, float
//! formatting, truthiness, openstacksdk's `get_boolean` and `str.format(**config)`.

use serde_json::{Map, Value};

/// Python truthiness of a value as openstacksdk tests it (`if value:`).
pub fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// openstacksdk's `get_boolean`: a bool as is, a string only when it is `true` in any case, anything else false.
pub fn get_boolean(value: &Value) -> bool {
    match value {
        Value::Bool(b) => *b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// Python `str(value)`.
pub fn py_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python `repr(value)` (which `str()` also uses inside containers).
pub fn py_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(u)) => u.to_string(),
            _ => float_repr(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => string_repr(s),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", string_repr(k), py_repr(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// Python's `repr()` of a `str`: single quotes unless the text holds a single quote and no double quote.
pub fn string_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python `repr(float)`: the shortest round-trip digits, positional for exponents -4..16, else `1e+16` style.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // `{:e}` gives the shortest round-trip mantissa, e.g. "-1.25e-5"; rebuild it the way Python lays it out.
    let sci = format!("{x:e}");
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat(point.unsigned_abs() as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{body}")
    } else {
        let mantissa = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exponent.unsigned_abs())
    }
}

/// Python `template.format(**config)` for the subset openstacksdk relies on (`{key}`, `{key!r}`, `{{`, `}}`).
///
/// The error is the text of the exception Python would raise (`'region'` for a `KeyError`), which is what
/// python-openstackclient shows.
pub fn format_with(template: &str, config: &Map<String, Value>) -> Result<String, String> {
    if !template.contains(['{', '}']) {
        return Ok(template.to_owned());
    }
    let mut out = String::with_capacity(template.len());
    let mut chars = template.chars().peekable();
    let mut auto_index = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return Err("Single '}' encountered in format string".to_owned()),
            '{' => {
                let mut field = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    field.push(c);
                }
                if !closed {
                    return Err("expected '}' before end of string".to_owned());
                }
                let (field, spec) = match field.split_once(':') {
                    Some((f, s)) => (f.to_owned(), s.to_owned()),
                    None => (field, String::new()),
                };
                let (name, conversion) = match field.split_once('!') {
                    Some((n, c)) => (n.to_owned(), Some(c.to_owned())),
                    None => (field, None),
                };
                if name.is_empty() || name.chars().all(|c| c.is_ascii_digit()) {
                    let index = if name.is_empty() {
                        auto_index += 1;
                        auto_index - 1
                    } else {
                        name.parse().unwrap_or(0)
                    };
                    return Err(format!(
                        "Replacement index {index} out of range for positional args tuple"
                    ));
                }
                let value = config.get(&name).ok_or_else(|| string_repr(&name))?;
                let text = match conversion.as_deref() {
                    None | Some("s") => py_str(value),
                    Some("r") | Some("a") => py_repr(value),
                    Some(other) => {
                        return Err(format!("Unknown conversion specifier {other}"));
                    }
                };
                if !spec.is_empty() {
                    return Err(format!(
                        "Invalid format specifier '{spec}' for object of type 'str'"
                    ));
                }
                out.push_str(&text);
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn str_of_values_as_python() {
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!(3)), "3");
        assert_eq!(py_str(&json!("x")), "x");
        assert_eq!(py_str(&json!(["a", 1, null])), "['a', 1, None]");
        assert_eq!(py_str(&json!({"a": "b", "c": {}})), "{'a': 'b', 'c': {}}");
        assert_eq!(py_str(&json!(["it's"])), "[\"it's\"]");
    }

    #[test]
    fn floats_as_python() {
        assert_eq!(float_repr(2.1), "2.1");
        assert_eq!(float_repr(2.10), "2.1");
        assert_eq!(float_repr(3.0), "3.0");
        assert_eq!(float_repr(-0.5), "-0.5");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(123456789012345.0), "123456789012345.0");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NAN), "nan");
    }

    #[test]
    fn booleans_as_openstacksdk() {
        assert!(get_boolean(&json!(true)));
        assert!(get_boolean(&json!("TRUE")));
        assert!(!get_boolean(&json!("yes")));
        assert!(!get_boolean(&json!("1")));
        assert!(!get_boolean(&json!(null)));
    }

    #[test]
    fn format_substitutes_config_keys() {
        let config = json!({"region_name": "Sto2", "n": 1})
            .as_object()
            .cloned()
            .unwrap();
        assert_eq!(
            format_with("https://{region_name}.citycloud.com:5000/v3/", &config).unwrap(),
            "https://Sto2.citycloud.com:5000/v3/"
        );
        assert_eq!(
            format_with("{{literal}} {n}", &config).unwrap(),
            "{literal} 1"
        );
        assert_eq!(format_with("{region_name!r}", &config).unwrap(), "'Sto2'");
        assert_eq!(format_with("{missing}", &config).unwrap_err(), "'missing'");
        assert_eq!(
            format_with("a{}b", &config).unwrap_err(),
            "Replacement index 0 out of range for positional args tuple"
        );
        assert_eq!(
            format_with("a}b", &config).unwrap_err(),
            "Single '}' encountered in format string"
        );
        assert_eq!(
            format_with("a{b", &config).unwrap_err(),
            "expected '}' before end of string"
        );
    }

    #[test]
    fn truthiness() {
        assert!(!truthy(&json!("")));
        assert!(!truthy(&json!(0)));
        assert!(!truthy(&json!({})));
        assert!(truthy(&json!("0")));
    }
}
