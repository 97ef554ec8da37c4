//! Shaping command results the way OSC's identity commands return them.

use cliff::{Error, Output, Result, Value};
use serde_json::Value as Json;

use openstack_sdk::{Failure, Res};

/// A ShowOne result from `(field, value)` pairs, in order.
pub fn show(pairs: Vec<(&str, Value)>) -> Output {
    Output::show(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// A Lister result.
pub fn list(columns: &[&str], rows: Vec<Vec<Value>>) -> Output {
    Output::List {
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows,
    }
}

/// `getattr(item, field, '')` over a keystoneclient resource: the value, `''` when the key is absent.
pub fn ks_attr(item: &Json, key: &str) -> Value {
    item.get(key)
        .map_or_else(|| Value::str(""), Value::from_json)
}

/// `Failed to delete <what> with name or ID '<item>': <error>`, the usual per-item message.
pub fn delete_failure(what: &str) -> impl Fn(&str, &Failure) -> String + '_ {
    move |item, err| format!("Failed to delete {what} with name or ID '{item}': {err}")
}

/// `<n> of <total> <noun> failed to delete.`, the usual summary.
pub fn delete_summary(noun: &str) -> impl Fn(usize, usize) -> String + '_ {
    move |errors, total| format!("{errors} of {total} {noun} failed to delete.")
}

/// Converts an identity failure into the command's error.
pub fn fail<T>(result: Res<T>) -> Result<T> {
    result.map_err(Error::from)
}
