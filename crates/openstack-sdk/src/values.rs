//! Reading resource attributes as openstacksdk's typed attributes read (Python semantics of a JSON body).

use serde_json::Value as Json;

/// A body attribute: the value, `None` when the resource lacks it (openstacksdk's declared attributes).
pub fn attr(item: &Json, key: &str) -> cliff::Value {
    item.get(key)
        .map_or(cliff::Value::Null, cliff::Value::from_json)
}

/// A `type=bool` attribute: Python `bool()` of the value, `None` when absent or null.
pub fn bool_attr(item: &Json, key: &str) -> cliff::Value {
    match item.get(key) {
        None | Some(Json::Null) => cliff::Value::Null,
        Some(value) => cliff::Value::Bool(truthy(value)),
    }
}

/// Python truthiness of a JSON value.
pub fn truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64() != Some(0.0),
        Json::String(s) => !s.is_empty(),
        Json::Array(a) => !a.is_empty(),
        Json::Object(o) => !o.is_empty(),
    }
}

/// A JSON value as text: strings bare, `null` as `None`, anything else as JSON.
pub fn json_text(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        Json::Null => "None".to_owned(),
        other => other.to_string(),
    }
}

/// The `id` of a resource, as text (`None` when absent).
pub fn id_of(item: &Json) -> String {
    item.get("id")
        .map(json_text)
        .unwrap_or_else(|| "None".to_owned())
}

/// A string attribute, if present and a string.
pub fn str_of<'a>(item: &'a Json, key: &str) -> Option<&'a str> {
    item.get(key).and_then(Json::as_str)
}

/// Python `str()` of a bool in a query string.
pub fn py_bool(value: bool) -> String {
    if value { "True" } else { "False" }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn python_semantics() {
        let item = json!({"id": 7, "enabled": "", "name": "n", "tags": ["a"]});
        assert_eq!(id_of(&item), "7");
        assert_eq!(id_of(&json!({})), "None");
        assert_eq!(bool_attr(&item, "enabled"), cliff::Value::Bool(false));
        assert_eq!(bool_attr(&item, "tags"), cliff::Value::Bool(true));
        assert_eq!(bool_attr(&item, "missing"), cliff::Value::Null);
        assert_eq!(attr(&item, "missing"), cliff::Value::Null);
        assert_eq!(str_of(&item, "name"), Some("n"));
        assert_eq!(py_bool(true), "True");
    }
}
