//! The numeric and boolean settings of a cloud checked as openstacksdk converts them, and auth options that are
//! not text refused: a value of the wrong type is an error, never silently dropped or turned into a string.
//!
//! openstacksdk passes `api_timeout` to `float()` and the retry settings to `int()`/`float()` when it builds the
//! session, and `insecure`/`cache` to `get_boolean`, which calls `.lower()`: OSC then fails with Python's own
//! message (`could not convert string to float: 'soon'`), exit 1. Ours used to ignore such a value.

use cliff::{Error, Result};
use serde_json::{Map, Value};

use super::pyfmt::{py_str, string_repr};

/// Python's type name of a JSON value, for its `TypeError` and `AttributeError` messages.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Python's `float(value)`, as an error message if it fails (openstacksdk has turned numbers into text).
fn check_float(value: &Value) -> Option<String> {
    match value {
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
        Value::String(text) => {
            let trimmed = text.trim();
            let lower = trimmed.to_ascii_lowercase();
            let special = [
                "inf",
                "+inf",
                "-inf",
                "infinity",
                "+infinity",
                "-infinity",
                "nan",
                "+nan",
                "-nan",
            ];
            let plain = !trimmed.contains('_') && trimmed.parse::<f64>().is_ok();
            (!plain && !special.contains(&lower.as_str()))
                .then(|| format!("could not convert string to float: {}", string_repr(text)))
        }
        other => Some(format!(
            "float() argument must be a string or a real number, not '{}'",
            type_name(other)
        )),
    }
}

/// Python's `int(str(value))` for numbers and text, `int(value)` otherwise, as an error message if it fails.
fn check_int(value: &Value) -> Option<String> {
    let text = match value {
        Value::Null | Value::Bool(_) => return None,
        Value::Number(_) => py_str(value),
        Value::String(text) => text.clone(),
        other => {
            return Some(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(other)
            ))
        }
    };
    let trimmed = text.trim();
    let digits = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);
    let valid = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
    (!valid).then(|| {
        format!(
            "invalid literal for int() with base 10: {}",
            string_repr(&text)
        )
    })
}

/// The values of `key` and of every `<service>_<key>`.
fn values_of<'a>(config: &'a Map<String, Value>, key: &'a str) -> impl Iterator<Item = &'a Value> {
    config
        .iter()
        .filter(move |(name, _)| {
            name.as_str() == key
                || name
                    .strip_suffix(key)
                    .is_some_and(|prefix| prefix.ends_with('_') && prefix.len() > 1)
        })
        .map(|(_, value)| value)
}

/// `insecure` and `cache` as openstacksdk's `get_boolean` takes them: a bool, text, or nothing; anything else has
/// no `.lower()`.
pub fn check_booleans(config: &Map<String, Value>) -> Result<()> {
    for key in ["insecure", "cache"] {
        match config.get(key) {
            None | Some(Value::Null | Value::Bool(_) | Value::String(_)) => {}
            Some(other) => {
                return Err(Error::command(format!(
                    "'{}' object has no attribute 'lower'",
                    type_name(other)
                )))
            }
        }
    }
    Ok(())
}

/// The numeric settings and the auth options of a cloud, checked before its session is made.
pub fn check_session_settings(config: &Map<String, Value>) -> Result<()> {
    // In openstacksdk's order: the session's timeout, then the identity adapter's retry settings (each a
    // `<service>_` setting or the plain one), `float()` or `int()`.
    for (key, int) in [
        ("api_timeout", false),
        ("connect_retries", true),
        ("connect_retry_delay", false),
        ("status_code_retries", true),
        ("status_code_retry_delay", false),
    ] {
        let check = if int { check_int } else { check_float };
        if let Some(message) = values_of(config, key).find_map(check) {
            return Err(Error::command(message));
        }
    }
    for value in values_of(config, "retriable_status_codes") {
        let codes: Vec<Value> = match value {
            Value::String(text) => text
                .split(',')
                .map(|code| Value::String(code.to_owned()))
                .collect(),
            Value::Array(items) => items.clone(),
            _ => Vec::new(),
        };
        if let Some(message) = codes.iter().find_map(check_int) {
            return Err(Error::command(message));
        }
    }
    if let Some(Value::Object(auth)) = config.get("auth") {
        for (key, value) in auth {
            if matches!(value, Value::Array(_) | Value::Object(_)) {
                return Err(Error::command(format!(
                    "Invalid value for auth option {key}: {} is a {}, not a string",
                    super::pyfmt::py_repr(value),
                    type_name(value)
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn error(config: Value) -> Option<String> {
        let Value::Object(map) = config else {
            unreachable!()
        };
        check_session_settings(&map).err().map(|err| err.message)
    }

    #[test]
    fn numbers_fail_as_python_converts_them() {
        assert_eq!(
            error(json!({"api_timeout": " 5 ", "connect_retries": "2", "status_code_retries": 3})),
            None
        );
        assert_eq!(error(json!({"api_timeout": true})), None);
        assert_eq!(
            error(json!({"api_timeout": "soon"})).as_deref(),
            Some("could not convert string to float: 'soon'")
        );
        assert_eq!(
            error(json!({"api_timeout": [1]})).as_deref(),
            Some("float() argument must be a string or a real number, not 'list'")
        );
        assert_eq!(
            error(json!({"connect_retries": 2.5})).as_deref(),
            Some("invalid literal for int() with base 10: '2.5'")
        );
        assert_eq!(
            error(json!({"identity_connect_retries": "x"})).as_deref(),
            Some("invalid literal for int() with base 10: 'x'")
        );
        assert_eq!(
            error(json!({"connect_retry_delay": "x"})).as_deref(),
            Some("could not convert string to float: 'x'")
        );
        assert_eq!(
            error(json!({"retriable_status_codes": "500,x"})).as_deref(),
            Some("invalid literal for int() with base 10: 'x'")
        );
        assert_eq!(
            error(json!({"auth": {"username": ["admin", "x"]}})).as_deref(),
            Some("Invalid value for auth option username: ['admin', 'x'] is a list, not a string")
        );
        let Value::Object(map) = json!({"insecure": 1}) else {
            unreachable!()
        };
        assert_eq!(
            check_booleans(&map).unwrap_err().message,
            "'int' object has no attribute 'lower'"
        );
    }
}
