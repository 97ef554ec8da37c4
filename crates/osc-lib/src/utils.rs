//! osc-lib's `utils`: formatting of dicts and lists for display, property extraction, sorting, resource lookup by
//! name or ID, and small helpers (files, passwords, UUIDs) that commands share.

use std::cmp::Ordering;
use std::io::{BufRead, IsTerminal, Write};

use cliff::{Error, Result, Value};
use serde_json::Value as Json;

/// Python `str()` of a value, as `format_dict` and friends embed it.
pub fn py_str(value: &Value) -> String {
    match value {
        Value::Str(s) => s.clone(),
        Value::Column { human, .. } => human.clone(),
        other => py_repr(other),
    }
}

/// Python `repr()` of a value (strings quoted as Python quotes them).
pub fn py_repr(value: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, value);
    out
}

fn write_repr(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => out.push_str(&i.to_string()),
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
            for (i, (key, item)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str_repr(out, key);
                out.push_str(": ");
                write_repr(out, item);
            }
            out.push('}');
        }
        Value::Column { machine, .. } => write_repr(out, machine),
    }
}

/// Python's float repr for the values an API returns (shortest round-trip form, `.0` on integral values).
fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let text = format!("{f:?}");
    if text.contains('e') || text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

/// Python `repr(str)`: single quotes unless the text holds a single quote and no double quote.
fn write_str_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
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
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// `format_dict`: `key='value'` pairs, keys sorted, nested dicts flattened with dotted keys, `None` as `key=`.
///
/// Returns `None` for a missing dict, as osc-lib does.
pub fn format_dict(data: Option<&[(String, Value)]>) -> Option<String> {
    data.map(|pairs| format_dict_prefixed(pairs, None))
}

fn format_dict_prefixed(pairs: &[(String, Value)], prefix: Option<&str>) -> String {
    let mut sorted: Vec<&(String, Value)> = pairs.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut output = String::new();
    for (key, value) in sorted {
        let key_str = match prefix {
            Some(prefix) if !prefix.is_empty() => format!("{prefix}.{key}"),
            _ => key.clone(),
        };
        match value {
            Value::Dict(inner) => {
                output.push_str(&format_dict_prefixed(inner, Some(&key_str)));
                output.push_str(", ");
            }
            Value::Null => {
                output.push_str(&key_str);
                output.push_str("=, ");
            }
            other => {
                output.push_str(&key_str);
                output.push_str("='");
                output.push_str(&py_str(other));
                output.push_str("', ");
            }
        }
    }
    // Python's `output[:-2]` drops the last separator (or nothing useful of an empty string).
    let cut = output.len().saturating_sub(2);
    output.truncate(cut);
    output
}

/// `format_list`: the items sorted, joined by `separator` (osc-lib's default is `", "`).
pub fn format_list(data: Option<&[String]>, separator: &str) -> Option<String> {
    data.map(|items| {
        let mut sorted: Vec<&String> = items.iter().collect();
        sorted.sort();
        sorted
            .into_iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(separator)
    })
}

/// `format_list_of_dicts`: one `format_dict` line per dict.
pub fn format_list_of_dicts(data: Option<&[Vec<(String, Value)>]>) -> Option<String> {
    data.map(|dicts| {
        dicts
            .iter()
            .map(|pairs| format_dict_prefixed(pairs, None))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// A dict of lists of strings, in order; a `None` value is a key whose value is `None`.
pub type DictOfLists = [(String, Option<Vec<String>>)];

/// `format_dict_of_list`: `key=v1, v2` groups (keys sorted, `None` values skipped) joined by `separator`.
pub fn format_dict_of_list(data: Option<&DictOfLists>, separator: &str) -> Option<String> {
    data.map(|pairs| {
        let mut sorted: Vec<&(String, Option<Vec<String>>)> = pairs.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        sorted
            .into_iter()
            .filter_map(|(key, values)| {
                values.as_deref().map(|values| {
                    format!(
                        "{key}={}",
                        format_list(Some(values), ", ").unwrap_or_default()
                    )
                })
            })
            .collect::<Vec<_>>()
            .join(separator)
    })
}

/// `format_size`: bytes in SI units (`K`, `M`, ... base 1000) with one decimal, trailing zeros stripped.
pub fn format_size(size: Option<f64>) -> String {
    const SUFFIXES: [&str; 8] = ["", "K", "M", "G", "T", "P", "E", "Z"];
    let mut size = size.unwrap_or(0.0);
    let mut index = 0;
    while size >= 1000.0 && index < SUFFIXES.len() - 1 {
        index += 1;
        size /= 1000.0;
    }
    let padded = format!("{size:.1}");
    let stripped = padded.trim_end_matches('0').trim_end_matches('.');
    format!("{stripped}{}", SUFFIXES[index])
}

/// The attribute name osc-lib derives from a column heading: lower-cased with `_` for spaces (unless the heading
/// is one of `mixed_case_fields`, which keep their case).
pub fn field_name(field: &str, mixed_case_fields: &[&str]) -> String {
    if mixed_case_fields.contains(&field) {
        field.replace(' ', "_")
    } else {
        field.to_lowercase().replace(' ', "_")
    }
}

/// `get_dict_properties`: the values of `fields` (column headings) in a dict, `''` for a missing key.
pub fn get_dict_properties(
    item: &serde_json::Map<String, Json>,
    fields: &[&str],
    mixed_case_fields: &[&str],
) -> Vec<Value> {
    fields
        .iter()
        .map(|field| {
            item.get(&field_name(field, mixed_case_fields))
                .map_or_else(|| Value::str(""), Value::from_json)
        })
        .collect()
}

/// `sort_items`: sorts by `key[:asc|desc],key2...`, the last key first so the first key dominates (stable sorts).
///
/// `field` returns an item's value for a key, or `None` when the item has no such field ("Resource doesn't have
/// field %s"). Mixed types fail as Python's comparison would.
pub fn sort_items<T>(
    mut items: Vec<T>,
    sort_str: Option<&str>,
    field: impl Fn(&T, &str) -> Option<Json>,
) -> Result<Vec<T>> {
    let Some(sort_str) = sort_str.filter(|s| !s.is_empty()) else {
        return Ok(items);
    };
    let keys: Vec<&str> = sort_str.trim().split(',').collect();
    for raw_key in keys.into_iter().rev() {
        let (key, reverse) = match raw_key.split_once(':') {
            Some((key, direction)) => {
                if key.is_empty() {
                    return Err(Error::command("'<empty string>'' is not a valid sort key"));
                }
                match direction {
                    "asc" => (key, false),
                    "desc" => (key, true),
                    other => {
                        let shown = if other.is_empty() {
                            "<empty string>"
                        } else {
                            other
                        };
                        return Err(Error::command(format!(
                            "'{shown}' is not a valid sort direction for sort key {key}, use 'asc' or 'desc' instead"
                        )));
                    }
                }
            }
            None => (raw_key, false),
        };
        let mut keyed = Vec::with_capacity(items.len());
        for item in items {
            let value = field(&item, key)
                .ok_or_else(|| Error::command(format!("Resource doesn't have field {key}")))?;
            keyed.push((value, item));
        }
        let mut failure = None;
        keyed.sort_by(|a, b| match py_compare(&a.0, &b.0) {
            Ok(order) if reverse => order.reverse(),
            Ok(order) => order,
            Err(err) => {
                failure.get_or_insert(err);
                Ordering::Equal
            }
        });
        if let Some(err) = failure {
            return Err(err);
        }
        items = keyed.into_iter().map(|(_, item)| item).collect();
    }
    Ok(items)
}

/// Python's `<` between two JSON values: numbers and bools together, strings together, lists element-wise.
fn py_compare(a: &Json, b: &Json) -> Result<Ordering> {
    fn number(v: &Json) -> Option<f64> {
        match v {
            Json::Bool(b) => Some(f64::from(u8::from(*b))),
            Json::Number(n) => n.as_f64(),
            _ => None,
        }
    }
    fn type_name(v: &Json) -> &'static str {
        match v {
            Json::Null => "NoneType",
            Json::Bool(_) => "bool",
            Json::Number(n) if n.is_f64() => "float",
            Json::Number(_) => "int",
            Json::String(_) => "str",
            Json::Array(_) => "list",
            Json::Object(_) => "dict",
        }
    }
    match (a, b) {
        (Json::String(x), Json::String(y)) => Ok(x.cmp(y)),
        (Json::Array(x), Json::Array(y)) => {
            for (i, j) in x.iter().zip(y.iter()) {
                if i != j {
                    return py_compare(i, j);
                }
            }
            Ok(x.len().cmp(&y.len()))
        }
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => Ok(x.partial_cmp(&y).unwrap_or(Ordering::Equal)),
            _ => Err(Error::command(format!(
                "'<' not supported between instances of '{}' and '{}'",
                type_name(b),
                type_name(a)
            ))),
        },
    }
}

/// `read_blob_file_contents`: a file's text with surrounding whitespace stripped.
pub fn read_blob_file_contents(blob_file: &str) -> Result<String> {
    std::fs::read_to_string(blob_file)
        .map(|text| text.trim().to_owned())
        .map_err(|_| {
            Error::command(format!(
                "Error occurred trying to read from file {blob_file}"
            ))
        })
}

/// `get_password`: asks on the terminal (without echo) and, with `confirm`, asks again until both match.
///
/// Like osc-lib it refuses when standard input is not a terminal.
pub fn get_password(prompt: Option<&str>, confirm: bool) -> Result<String> {
    let message = prompt.unwrap_or("User Password:");
    if !std::io::stdin().is_terminal() {
        return Err(Error::command(
            "No terminal detected attempting to read password",
        ));
    }
    loop {
        let first = read_hidden(message)?;
        if !confirm {
            return Ok(first);
        }
        let second = read_hidden(&format!("Repeat {message}"))?;
        if first == second {
            return Ok(first);
        }
        // osc-lib prints this with print(), i.e. to stdout, and asks again.
        println!("The passwords entered were not the same");
    }
}

/// Reads one line from the terminal with echo turned off (`stty -echo`, no secret on any command line).
fn read_hidden(prompt: &str) -> Result<String> {
    let mut tty_out = std::io::stderr();
    let _ = write!(tty_out, "{prompt}");
    let _ = tty_out.flush();
    let stty = |arg: &str| {
        crate::child_env::strip_secrets(&mut std::process::Command::new("stty"))
            .arg(arg)
            .stdin(std::process::Stdio::inherit())
            .status()
    };
    let echo_off = stty("-echo").is_ok_and(|status| status.success());
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if echo_off {
        let _ = stty("echo");
    }
    let _ = writeln!(tty_out);
    match read {
        Ok(0) | Err(_) => Err(Error::command("Error reading password")),
        Ok(_) => Ok(line.trim_end_matches(['\n', '\r']).to_owned()),
    }
}

/// `is_uuid_like`: whether the text parses as a UUID whose canonical hex equals the text's hex.
pub fn is_uuid_like(value: &str) -> bool {
    let formatted: String = value
        .replace("urn:", "")
        .replace("uuid:", "")
        .trim_matches(|c| c == '{' || c == '}')
        .replace('-', "")
        .to_lowercase();
    match parse_uuid_hex(value) {
        Some(hex) => hex == formatted,
        None => false,
    }
}

/// The 32 lower-case hex digits of a UUID in any of the forms Python's `uuid.UUID()` accepts.
fn parse_uuid_hex(value: &str) -> Option<String> {
    let stripped = value.replace("urn:", "").replace("uuid:", "");
    let stripped = stripped
        .trim_matches(|c| c == '{' || c == '}')
        .replace('-', "");
    if stripped.len() == 32 && stripped.chars().all(|c| c.is_ascii_hexdigit()) {
        Some(stripped.to_lowercase())
    } else {
        None
    }
}

/// How a manager call in [`find_resource`] failed.
#[derive(Debug)]
pub enum FindError<E> {
    /// The API answered 404 (a `NotFound`/`HTTPNotFound` exception).
    NotFound,
    /// More than one match (`NoUniqueMatch`).
    NoUniqueMatch,
    /// The manager does not take these arguments (a Python `TypeError`): no request was made.
    Unsupported,
    /// Any other failure.
    Other(E),
}

/// A client-library manager as osc-lib's `find_resource` drives it (keystoneclient's `CrudManager` and friends).
pub trait ResourceManager {
    /// The resource.
    type Item;
    /// The manager's failure.
    type Error;
    /// `resource_class.__name__.lower()` (`project`, `user`...).
    fn resource_name(&self) -> String;
    /// `manager.get(name_or_id)`.
    fn get(&mut self, name_or_id: &str) -> Result<Self::Item, FindError<Self::Error>>;
    /// `manager.get(name_or_id, **kwargs)` with the lookup's extra arguments; most managers refuse them.
    fn get_with_kwargs(&mut self, _name_or_id: &str) -> Result<Self::Item, FindError<Self::Error>> {
        Err(FindError::Unsupported)
    }
    /// `manager.get(int(name_or_id), **kwargs)`.
    fn get_int(&mut self, name_or_id: &str) -> Result<Self::Item, FindError<Self::Error>>;
    /// Whether the lookup carries extra arguments (`domain_id=`...).
    fn has_kwargs(&self) -> bool;
    /// `manager.find(name=name_or_id, **kwargs)`.
    fn find(&mut self, name: &str) -> Result<Self::Item, FindError<Self::Error>>;
    /// `manager.list()`, for the last resort match on `id` or `name`.
    fn list(&mut self) -> Result<Vec<Self::Item>, Self::Error>;
    /// An item's `id` and `name`.
    fn id_and_name(item: &Self::Item) -> (Option<String>, Option<String>);
}

/// Why [`find_resource`] failed: osc-lib's own worded errors, or the manager's failure passed through.
#[derive(Debug)]
pub enum FindResourceError<E> {
    /// A `CommandError` osc-lib raised (not found, more than one).
    Command(Error),
    /// A failure of the manager that osc-lib lets through.
    Manager(E),
}

/// osc-lib's `find_resource`: by ID, by ID with the extra arguments, by integer ID, by name through `find`, and
/// finally by listing everything and matching `id` or `name`. Each step's errors are treated as osc-lib treats them.
pub fn find_resource<M: ResourceManager>(
    manager: &mut M,
    name_or_id: &str,
) -> std::result::Result<M::Item, FindResourceError<M::Error>> {
    if let Ok(item) = manager.get(name_or_id) {
        return Ok(item);
    }
    if manager.has_kwargs() {
        if let Ok(item) = manager.get_with_kwargs(name_or_id) {
            return Ok(item);
        }
    }
    if !name_or_id.is_empty() && name_or_id.chars().all(|c| c.is_ascii_digit()) {
        match manager.get_int(name_or_id) {
            Ok(item) => return Ok(item),
            Err(FindError::NotFound | FindError::Unsupported) => {}
            Err(FindError::NoUniqueMatch) => {
                return Err(FindResourceError::Command(Error::command("NoUniqueMatch")))
            }
            Err(FindError::Other(err)) => return Err(FindResourceError::Manager(err)),
        }
    }
    match manager.find(name_or_id) {
        Ok(item) => return Ok(item),
        Err(FindError::NotFound) => {
            return Err(FindResourceError::Command(Error::command(format!(
                "No {} with a name or ID of '{name_or_id}' exists.",
                manager.resource_name()
            ))))
        }
        Err(FindError::NoUniqueMatch) => {
            return Err(FindResourceError::Command(Error::command(format!(
                "More than one {} exists with the name '{name_or_id}'.",
                manager.resource_name()
            ))))
        }
        Err(FindError::Unsupported | FindError::Other(_)) => {}
    }
    let mut matches = manager
        .list()
        .map_err(FindResourceError::Manager)?
        .into_iter()
        .filter(|item| {
            let (id, name) = M::id_and_name(item);
            id.as_deref() == Some(name_or_id) || name.as_deref() == Some(name_or_id)
        })
        .collect::<Vec<_>>();
    match matches.len() {
        0 => Err(FindResourceError::Command(Error::command(format!(
            "Could not find resource {name_or_id}"
        )))),
        1 => Ok(matches.remove(0)),
        _ => Err(FindResourceError::Command(Error::command(format!(
            "More than one resource exists with the name or ID '{name_or_id}'."
        )))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dict(json: Json) -> Vec<(String, Value)> {
        match Value::from_json(&json) {
            Value::Dict(pairs) => pairs,
            other => panic!("not a dict: {other:?}"),
        }
    }

    #[test]
    fn format_dict_sorts_flattens_and_quotes() {
        let data = dict(json!({"b": "x", "a": {"z": 1, "y": null}, "c": [1, "two"], "d": true}));
        assert_eq!(
            format_dict(Some(&data)).unwrap(),
            "a.y=, a.z='1', b='x', c='[1, 'two']', d='True'"
        );
        assert_eq!(format_dict(Some(&[])).unwrap(), "");
        assert_eq!(format_dict(None), None);
        // An empty nested dict leaves its separator behind, as osc-lib's string slicing does.
        let nested = dict(json!({"a": {}, "b": "v"}));
        assert_eq!(format_dict(Some(&nested)).unwrap(), ", b='v'");
    }

    #[test]
    fn lists_are_sorted_and_joined() {
        let items = vec!["b".to_owned(), "a".to_owned(), "C".to_owned()];
        assert_eq!(format_list(Some(&items), ", ").unwrap(), "C, a, b");
        assert_eq!(format_list(None, ", "), None);
        let dicts = vec![dict(json!({"k": "v"})), dict(json!({"b": 2, "a": 1}))];
        assert_eq!(
            format_list_of_dicts(Some(&dicts)).unwrap(),
            "k='v'\na='1', b='2'"
        );
        let dict_of_list = vec![
            (
                "public".to_owned(),
                Some(vec!["2001:db8::8".to_owned(), "172.24.4.6".to_owned()]),
            ),
            ("none".to_owned(), None),
            ("a".to_owned(), Some(vec![])),
        ];
        assert_eq!(
            format_dict_of_list(Some(&dict_of_list), "; ").unwrap(),
            "a=; public=172.24.4.6, 2001:db8::8"
        );
    }

    #[test]
    fn sizes_are_si() {
        assert_eq!(format_size(Some(0.0)), "0");
        assert_eq!(format_size(Some(999.0)), "999");
        assert_eq!(format_size(Some(1000.0)), "1K");
        assert_eq!(format_size(Some(1_234_567.0)), "1.2M");
        assert_eq!(format_size(None), "0");
    }

    #[test]
    fn dict_properties_lower_case_headings() {
        let item = json!({"id": "1", "Mixed_Case": null, "default_project_id": null});
        let map = item.as_object().unwrap();
        assert_eq!(
            get_dict_properties(
                map,
                &["ID", "Mixed Case", "Default Project Id", "Missing"],
                &["Mixed Case"]
            ),
            vec![Value::str("1"), Value::Null, Value::Null, Value::str("")]
        );
    }

    #[test]
    fn sort_items_keys_and_errors() {
        let items = vec![
            json!({"n": "b", "i": 2}),
            json!({"n": "a", "i": 2}),
            json!({"n": "c", "i": 1}),
        ];
        let get = |item: &Json, key: &str| item.get(key).cloned();
        let sorted = sort_items(items.clone(), Some("i:desc,n"), get).unwrap();
        let names: Vec<&str> = sorted.iter().map(|i| i["n"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["a", "b", "c"]);
        assert_eq!(
            sort_items(items.clone(), Some("n:up"), get)
                .unwrap_err()
                .message,
            "'up' is not a valid sort direction for sort key n, use 'asc' or 'desc' instead"
        );
        assert_eq!(
            sort_items(items.clone(), Some("n:"), get).unwrap_err().message,
            "'<empty string>' is not a valid sort direction for sort key n, use 'asc' or 'desc' instead"
        );
        assert_eq!(
            sort_items(items.clone(), Some(":asc"), get)
                .unwrap_err()
                .message,
            "'<empty string>'' is not a valid sort key"
        );
        assert_eq!(
            sort_items(items, Some("x"), get).unwrap_err().message,
            "Resource doesn't have field x"
        );
    }

    #[test]
    fn uuid_like() {
        assert!(is_uuid_like("aabbccdd-eeff-0011-2233-445566778899"));
        assert!(is_uuid_like("aabbccddeeff00112233445566778899"));
        assert!(!is_uuid_like("admin"));
        assert!(!is_uuid_like("aabbccdd-eeff-0011-2233-44556677889"));
    }

    #[test]
    fn repr_quotes_like_python() {
        assert_eq!(py_repr(&Value::str("it's")), "\"it's\"");
        assert_eq!(py_repr(&Value::str("a'b\"c")), "'a\\'b\"c'");
        assert_eq!(py_repr(&Value::Float(1.0)), "1.0");
        assert_eq!(py_str(&Value::Null), "None");
    }

    struct Fake {
        items: Vec<(&'static str, &'static str)>,
        find_result: Option<usize>,
        kwargs: bool,
        calls: Vec<String>,
    }

    impl ResourceManager for Fake {
        type Item = (&'static str, &'static str);
        type Error = String;
        fn resource_name(&self) -> String {
            "project".to_owned()
        }
        fn get(&mut self, id: &str) -> Result<Self::Item, FindError<String>> {
            self.calls.push(format!("get {id}"));
            self.items
                .iter()
                .find(|i| i.0 == id)
                .copied()
                .ok_or(FindError::NotFound)
        }
        fn get_int(&mut self, id: &str) -> Result<Self::Item, FindError<String>> {
            self.calls.push(format!("get_int {id}"));
            Err(FindError::Other("boom".to_owned()))
        }
        fn has_kwargs(&self) -> bool {
            self.kwargs
        }
        fn find(&mut self, name: &str) -> Result<Self::Item, FindError<String>> {
            self.calls.push(format!("find {name}"));
            match self.find_result {
                Some(0) => Err(FindError::NotFound),
                Some(1) => Ok(self.items[0]),
                Some(_) => Err(FindError::NoUniqueMatch),
                None => Err(FindError::Other("forbidden".to_owned())),
            }
        }
        fn list(&mut self) -> Result<Vec<Self::Item>, String> {
            self.calls.push("list".to_owned());
            Ok(self.items.clone())
        }
        fn id_and_name(item: &Self::Item) -> (Option<String>, Option<String>) {
            (Some(item.0.to_owned()), Some(item.1.to_owned()))
        }
    }

    fn message<E: std::fmt::Debug>(result: Result<(&str, &str), FindResourceError<E>>) -> String {
        match result {
            Err(FindResourceError::Command(err)) => err.message,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn find_resource_steps() {
        let mut fake = Fake {
            items: vec![("1a", "demo")],
            find_result: Some(0),
            kwargs: true,
            calls: vec![],
        };
        assert_eq!(
            message(find_resource(&mut fake, "x")),
            "No project with a name or ID of 'x' exists."
        );
        assert_eq!(fake.calls, vec!["get x", "find x"]);

        let mut fake = Fake {
            items: vec![("1a", "demo")],
            find_result: Some(2),
            kwargs: false,
            calls: vec![],
        };
        assert_eq!(
            message(find_resource(&mut fake, "x")),
            "More than one project exists with the name 'x'."
        );

        let mut fake = Fake {
            items: vec![("1a", "demo")],
            find_result: None,
            kwargs: false,
            calls: vec![],
        };
        assert_eq!(find_resource(&mut fake, "demo").unwrap(), ("1a", "demo"));
        assert_eq!(fake.calls, vec!["get demo", "find demo", "list"]);
        assert_eq!(
            message(find_resource(&mut fake, "zz")),
            "Could not find resource zz"
        );

        let mut fake = Fake {
            items: vec![("1a", "d"), ("2b", "d")],
            find_result: None,
            kwargs: false,
            calls: vec![],
        };
        assert_eq!(
            message(find_resource(&mut fake, "d")),
            "More than one resource exists with the name or ID 'd'."
        );

        // A digits-only name is fetched again as an integer, and that call's other errors are raised.
        let mut fake = Fake {
            items: vec![],
            find_result: Some(0),
            kwargs: false,
            calls: vec![],
        };
        assert!(
            matches!(find_resource(&mut fake, "42"), Err(FindResourceError::Manager(e)) if e == "boom")
        );
        assert_eq!(fake.calls, vec!["get 42", "get_int 42"]);
    }
}
