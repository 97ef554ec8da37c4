//! Loads a YAML document into JSON values the way PyYAML's `safe_load` does.
//!
//! openstacksdk reads clouds.yaml with PyYAML, which follows YAML 1.1: `yes`/`no`/`on`/`off` are booleans,
//! `010` is octal, `1:20` is sexagesimal, `1e5` (no dot) is a string. The event parser (saphyr-parser) gives the
//! syntax and positions; this module gives the values PyYAML would construct. Differences kept on purpose:
//! timestamps stay strings (Python would build `datetime` objects whose `str()` is the same text for plain dates),
//! non-string mapping keys become their Python `str()`, and non-finite floats become the strings `inf`/`nan`.

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, Tag};
use serde_json::{Map, Number, Value};

use super::pyfmt::py_str;

/// A syntax or construction error, with the 1-based position PyYAML would name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, in one line.
    pub message: String,
}

impl YamlError {
    fn at(span: &Span, message: impl Into<String>) -> Self {
        YamlError {
            line: span.start.line(),
            column: span.start.col() + 1,
            message: message.into(),
        }
    }

    fn scan(err: &ScanError) -> Self {
        YamlError {
            line: err.marker().line(),
            column: err.marker().col() + 1,
            message: err.info().to_owned(),
        }
    }
}

/// A mapping key before it becomes a JSON object key.
enum Key {
    /// The YAML 1.1 merge key `<<`.
    Merge,
    /// Any other key, as Python's `str()` of the constructed key.
    Text(String),
}

/// A collection being built.
enum Frame {
    Sequence {
        anchor: usize,
        items: Vec<Value>,
    },
    Mapping {
        anchor: usize,
        start: Span,
        /// Pairs in document order, merge keys kept apart until the mapping ends.
        pairs: Vec<(Key, Value)>,
        pending_key: Option<Key>,
    },
}

/// Deepest nesting accepted: far beyond any configuration file, and shallow enough for recursive drops.
const MAX_DEPTH: usize = 256;

/// Most values that aliases may copy in one document, so that a file of nested aliases ("billion laughs")
/// cannot exhaust memory: PyYAML shares aliased objects, we copy them.
const MAX_ALIAS_NODES: usize = 1_000_000;

/// Parses one YAML document; `Ok(None)` for an empty stream (PyYAML's `None`).
pub fn load(text: &str) -> Result<Option<Value>, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut anchors: Vec<Option<(Value, usize)>> = Vec::new();
    let mut alias_nodes = 0usize;
    let mut stack: Vec<Frame> = Vec::new();
    let mut document: Option<Value> = None;
    let mut documents = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| YamlError::scan(&e))?;
        let completed = match event {
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => None,
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(YamlError::at(
                        &span,
                        "expected a single document in the stream but found another document",
                    ));
                }
                None
            }
            Event::Alias(id) => match anchors.get(id).and_then(Option::as_ref) {
                Some((value, nodes)) => {
                    alias_nodes += nodes;
                    if alias_nodes > MAX_ALIAS_NODES {
                        return Err(YamlError::at(
                            &span,
                            "too many values copied through aliases",
                        ));
                    }
                    Some((value.clone(), false))
                }
                None => return Err(YamlError::at(&span, "found undefined alias")),
            },
            Event::Scalar(text, style, anchor, tag) => {
                let is_merge = style == ScalarStyle::Plain && tag.is_none() && text == "<<";
                let value = construct_scalar(&text, style, tag.as_deref())
                    .map_err(|m| YamlError::at(&span, m))?;
                remember(&mut anchors, anchor, &value);
                Some((value, is_merge))
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if stack.len() >= MAX_DEPTH => {
                return Err(YamlError::at(&span, "the document is nested too deeply"));
            }
            Event::SequenceStart(anchor, tag) => {
                check_collection_tag(tag.as_deref()).map_err(|m| YamlError::at(&span, m))?;
                stack.push(Frame::Sequence {
                    anchor,
                    items: Vec::new(),
                });
                None
            }
            Event::MappingStart(anchor, tag) => {
                check_collection_tag(tag.as_deref()).map_err(|m| YamlError::at(&span, m))?;
                stack.push(Frame::Mapping {
                    anchor,
                    start: span,
                    pairs: Vec::new(),
                    pending_key: None,
                });
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Sequence { anchor, items }) => {
                    let value = Value::Array(items);
                    remember(&mut anchors, anchor, &value);
                    Some((value, false))
                }
                _ => return Err(YamlError::at(&span, "unbalanced sequence end")),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Mapping {
                    anchor,
                    start,
                    pairs,
                    ..
                }) => {
                    let value =
                        Value::Object(build_mapping(pairs).map_err(|m| YamlError::at(&start, m))?);
                    remember(&mut anchors, anchor, &value);
                    Some((value, false))
                }
                _ => return Err(YamlError::at(&span, "unbalanced mapping end")),
            },
        };
        if let Some((value, is_merge)) = completed {
            match stack.last_mut() {
                None => document = Some(value),
                Some(Frame::Sequence { items, .. }) => items.push(value),
                Some(Frame::Mapping {
                    pairs, pending_key, ..
                }) => match pending_key.take() {
                    Some(key) => pairs.push((key, value)),
                    None => {
                        let key = if is_merge {
                            Key::Merge
                        } else {
                            match value {
                                Value::String(s) => Key::Text(s),
                                Value::Array(_) | Value::Object(_) => {
                                    return Err(YamlError::at(
                                        &span,
                                        "while constructing a mapping found unhashable key",
                                    ))
                                }
                                other => Key::Text(py_str(&other)),
                            }
                        };
                        *pending_key = Some(key);
                    }
                },
            }
        }
    }
    Ok(document)
}

fn remember(anchors: &mut Vec<Option<(Value, usize)>>, anchor: usize, value: &Value) {
    if anchor == 0 {
        return;
    }
    if anchors.len() <= anchor {
        anchors.resize(anchor + 1, None);
    }
    anchors[anchor] = Some((value.clone(), node_count(value)));
}

/// Number of values in a tree (its depth is bounded by `MAX_DEPTH`).
fn node_count(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(node_count).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(node_count).sum::<usize>(),
        _ => 1,
    }
}

/// Builds a mapping as PyYAML's `flatten_mapping` + `construct_mapping`: merged pairs first (the last merged
/// mapping lowest), then the mapping's own pairs; a repeated key keeps its first position and takes the last value.
fn build_mapping(pairs: Vec<(Key, Value)>) -> Result<Map<String, Value>, String> {
    let mut merged: Vec<(String, Value)> = Vec::new();
    let mut own: Vec<(String, Value)> = Vec::new();
    for (key, value) in pairs {
        match key {
            Key::Text(k) => own.push((k, value)),
            Key::Merge => match value {
                Value::Object(map) => merged.extend(map),
                Value::Array(items) => {
                    let mut groups = Vec::new();
                    for item in items {
                        match item {
                            Value::Object(map) => groups.push(map),
                            _ => {
                                return Err(
                                    "while constructing a mapping expected a mapping for merging".to_owned()
                                )
                            }
                        }
                    }
                    for group in groups.into_iter().rev() {
                        merged.extend(group);
                    }
                }
                _ => {
                    return Err(
                        "while constructing a mapping expected a mapping or list of mappings for merging"
                            .to_owned(),
                    )
                }
            },
        }
    }
    let mut map = Map::new();
    for (k, v) in merged.into_iter().chain(own) {
        map.insert(k, v);
    }
    Ok(map)
}

/// The non-specific tag `!`, which PyYAML resolves as if there were no tag.
fn is_non_specific(tag: &Tag) -> bool {
    (tag.handle.is_empty() && tag.suffix == "!") || (tag.handle == "!" && tag.suffix.is_empty())
}

fn check_collection_tag(tag: Option<&Tag>) -> Result<(), String> {
    match tag {
        None => Ok(()),
        Some(tag) if is_non_specific(tag) => Ok(()),
        Some(tag)
            if tag.is_yaml_core_schema()
                && ["seq", "map", "set", "omap", "pairs"].contains(&tag.suffix.as_str()) =>
        {
            Ok(())
        }
        Some(tag) => Err(format!(
            "could not determine a constructor for the tag '{tag}'"
        )),
    }
}

fn construct_scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, String> {
    match tag {
        None if style == ScalarStyle::Plain => Ok(resolve_plain(text)),
        Some(tag) if style == ScalarStyle::Plain && is_non_specific(tag) => Ok(resolve_plain(text)),
        None => Ok(Value::String(text.to_owned())),
        Some(tag) if is_non_specific(tag) => Ok(Value::String(text.to_owned())),
        Some(tag) if tag.is_yaml_core_schema() => match tag.suffix.as_str() {
            "str" | "binary" | "timestamp" => Ok(Value::String(text.to_owned())),
            "null" => Ok(Value::Null),
            "bool" => bool_value(text)
                .map(Value::Bool)
                .ok_or_else(|| format!("invalid boolean value: '{text}'")),
            "int" => int_value(text).ok_or_else(|| format!("invalid literal for int(): '{text}'")),
            "float" => float_value(text)
                .ok_or_else(|| format!("could not convert string to float: '{text}'")),
            _ => Err(format!(
                "could not determine a constructor for the tag '{tag}'"
            )),
        },
        Some(tag) => Err(format!(
            "could not determine a constructor for the tag '{tag}'"
        )),
    }
}

/// PyYAML's implicit resolvers for a plain scalar.
fn resolve_plain(text: &str) -> Value {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    if let Some(b) = bool_value(text) {
        return Value::Bool(b);
    }
    if is_yaml11_int(text) {
        if let Some(v) = int_value(text) {
            return v;
        }
    }
    if is_yaml11_float(text) {
        if let Some(v) = float_value(text) {
            return v;
        }
    }
    Value::String(text.to_owned())
}

fn bool_value(text: &str) -> Option<bool> {
    match text {
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => Some(true),
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

fn strip_sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

/// `[0-5]?[0-9]`
fn is_sexagesimal_part(part: &str) -> bool {
    let b = part.as_bytes();
    match b.len() {
        1 => b[0].is_ascii_digit(),
        2 => (b'0'..=b'5').contains(&b[0]) && b[1].is_ascii_digit(),
        _ => false,
    }
}

/// `[0-9][0-9_]*` (or `[1-9][0-9_]*` when `nonzero_first`).
fn is_digits(part: &str, nonzero_first: bool) -> bool {
    let b = part.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_digit() && (!nonzero_first || *c != b'0') => {
            b[1..].iter().all(|c| c.is_ascii_digit() || *c == b'_')
        }
        _ => false,
    }
}

fn is_yaml11_int(text: &str) -> bool {
    let (_, body) = strip_sign(text);
    if let Some(rest) = body.strip_prefix("0b") {
        return !rest.is_empty() && rest.bytes().all(|c| matches!(c, b'0' | b'1' | b'_'));
    }
    if let Some(rest) = body.strip_prefix("0x") {
        return !rest.is_empty() && rest.bytes().all(|c| c.is_ascii_hexdigit() || c == b'_');
    }
    if body == "0" {
        return true;
    }
    if let Some(rest) = body.strip_prefix('0') {
        return !rest.is_empty() && rest.bytes().all(|c| matches!(c, b'0'..=b'7' | b'_'));
    }
    let mut parts = body.split(':');
    let first = parts.next().unwrap_or("");
    is_digits(first, true) && parts.all(is_sexagesimal_part)
}

fn int_value(text: &str) -> Option<Value> {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    let (negative, body) = strip_sign(&cleaned);
    let magnitude: i128 = if body == "0" {
        0
    } else if let Some(rest) = body.strip_prefix("0b") {
        i128::from_str_radix(rest, 2).ok()?
    } else if let Some(rest) = body.strip_prefix("0x") {
        i128::from_str_radix(rest, 16).ok()?
    } else if body.starts_with('0') {
        i128::from_str_radix(body, 8).ok()?
    } else if body.contains(':') {
        let mut value: i128 = 0;
        for part in body.split(':') {
            value = value
                .checked_mul(60)?
                .checked_add(part.parse::<i128>().ok()?)?;
        }
        value
    } else {
        match body.parse::<i128>() {
            Ok(v) => v,
            // Python ints have no bound; a number this large can only be used as text.
            Err(_) if body.bytes().all(|c| c.is_ascii_digit()) && !body.is_empty() => {
                return Some(Value::String(if negative {
                    format!("-{body}")
                } else {
                    body.to_owned()
                }));
            }
            Err(_) => return None,
        }
    };
    let signed = if negative { -magnitude } else { magnitude };
    Some(match i64::try_from(signed) {
        Ok(v) => Value::Number(Number::from(v)),
        Err(_) => Value::String(signed.to_string()),
    })
}

/// `[eE][-+][0-9]+` at the end of a float (PyYAML requires the exponent sign).
fn strip_exponent(text: &str) -> Option<&str> {
    match text.find(['e', 'E']) {
        None => Some(text),
        Some(i) => {
            let exp = &text[i + 1..];
            let (sign, digits) = exp.split_at(exp.len().min(1));
            (matches!(sign, "+" | "-")
                && !digits.is_empty()
                && digits.bytes().all(|c| c.is_ascii_digit()))
            .then_some(&text[..i])
        }
    }
}

fn is_yaml11_float(text: &str) -> bool {
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (_, body) = strip_sign(text);
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    // `\.[0-9][0-9_]*(exp)?` takes no sign.
    if let Some(rest) = text.strip_prefix('.') {
        return strip_exponent(rest).is_some_and(|m| is_digits(m, false));
    }
    let Some(point) = body.find('.') else {
        return false;
    };
    let (whole, fraction) = (&body[..point], &body[point + 1..]);
    let fraction_ok = |f: &str| f.bytes().all(|c| c.is_ascii_digit() || c == b'_');
    if whole.contains(':') {
        let mut parts = whole.split(':');
        let first = parts.next().unwrap_or("");
        return is_digits(first, false) && parts.all(is_sexagesimal_part) && fraction_ok(fraction);
    }
    is_digits(whole, false) && strip_exponent(fraction).is_some_and(fraction_ok)
}

fn float_value(text: &str) -> Option<Value> {
    let cleaned: String = text
        .chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    let (negative, body) = strip_sign(&cleaned);
    let sign = if negative { -1.0 } else { 1.0 };
    let value = if body == ".inf" {
        sign * f64::INFINITY
    } else if body == ".nan" {
        f64::NAN
    } else if body.contains(':') {
        let mut value = 0.0;
        for part in body.split(':') {
            value = value * 60.0 + part.parse::<f64>().ok()?;
        }
        sign * value
    } else {
        sign * body.parse::<f64>().ok()?
    };
    Some(match Number::from_f64(value) {
        Some(n) => Value::Number(n),
        None => Value::String(super::pyfmt::float_repr(value)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(text: &str) -> Value {
        load(text).unwrap().unwrap()
    }

    #[test]
    fn scalars_resolve_as_pyyaml() {
        // Expected values observed with PyYAML 6.0.4 safe_load.
        let doc = parse(
            "a: 1e5\nb: 1.\nc: 0o10\nd: 010\ne: 1_000\nf: 1:20\ng: .5\nh: yes\ni: ~\nj: 0x1F\nk: +12\n\
             l: 2001-12-14\nm: -.inf\nn: 1:20.5\no: 'yes'\np: off\nq: 2.10\nr: 0\ns: -0b101\nt:\nu: \"3\"\n",
        );
        assert_eq!(
            doc,
            json!({"a": "1e5", "b": 1.0, "c": "0o10", "d": 8, "e": 1000, "f": 80, "g": 0.5, "h": true,
                   "i": null, "j": 31, "k": 12, "l": "2001-12-14", "m": "-inf", "n": 80.5, "o": "yes",
                   "p": false, "q": 2.1, "r": 0, "s": -5, "t": null, "u": "3"})
        );
    }

    #[test]
    fn explicit_tags() {
        let doc = parse("a: !!str 1\nb: !!int '7'\nc: !!float '1'\nd: ! 12\ne: ! '12'\n");
        assert_eq!(doc, json!({"a": "1", "b": 7, "c": 1.0, "d": 12, "e": "12"}));
        let err = load("a: !custom 1\n").unwrap_err();
        assert_eq!(
            err.message,
            "could not determine a constructor for the tag '!custom'"
        );
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let doc = parse(
            "base: &base {auth_url: http://k, region_name: R1}\n\
             other: &other {region_name: R2, interface: internal}\n\
             a:\n  <<: *base\n  region_name: mine\n\
             b:\n  <<: [*base, *other]\n\
             c: *base\n",
        );
        assert_eq!(
            doc["a"],
            json!({"auth_url": "http://k", "region_name": "mine"})
        );
        // Earlier mappings in a merge list win over later ones.
        assert_eq!(
            doc["b"],
            json!({"region_name": "R1", "interface": "internal", "auth_url": "http://k"})
        );
        assert_eq!(
            doc["c"],
            json!({"auth_url": "http://k", "region_name": "R1"})
        );
        let keys: Vec<&String> = doc["b"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["region_name", "interface", "auth_url"]);
    }

    #[test]
    fn duplicate_keys_keep_first_position_and_last_value() {
        let doc = parse("a: 1\nb: 2\na: 3\n");
        assert_eq!(doc, json!({"a": 3, "b": 2}));
        let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["a", "b"]);
    }

    #[test]
    fn non_string_keys_become_python_str() {
        assert_eq!(parse("1: a\ntrue: b\n"), json!({"1": "a", "True": "b"}));
    }

    #[test]
    fn hostile_documents_are_refused() {
        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (i, name) in ["b", "c", "d", "e", "f", "g", "h"].iter().enumerate() {
            let prev = ["a", "b", "c", "d", "e", "f", "g"][i];
            laughs.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert_eq!(
            load(&laughs).unwrap_err().message,
            "too many values copied through aliases"
        );
        let nested = |depth: usize| {
            (0..depth)
                .map(|i| format!("{}k:\n", " ".repeat(i)))
                .collect::<String>()
        };
        assert_eq!(
            load(&nested(MAX_DEPTH + 1)).unwrap_err().message,
            "the document is nested too deeply"
        );
        assert!(load(&nested(MAX_DEPTH)).is_ok());
    }

    #[test]
    fn empty_stream_is_none() {
        assert_eq!(load("").unwrap(), None);
        assert_eq!(load("# only a comment\n").unwrap(), None);
        assert_eq!(load("---\n").unwrap(), Some(Value::Null));
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = load("clouds:\n  a:\n    auth:\n      auth_url: [x\n").unwrap_err();
        assert_eq!((err.line, err.column), (5, 1));
        assert_eq!(
            err.message,
            "while parsing a flow sequence, expected ',' or ']'"
        );
        let err = load("clouds:\n\ta: 1\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 2));
        let err = load("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(
            err.message,
            "expected a single document in the stream but found another document"
        );
        assert_eq!(err.line, 2);
        let err = load("? [a]\n: b\n").unwrap_err();
        assert_eq!(
            err.message,
            "while constructing a mapping found unhashable key"
        );
        let err = load("a: *nothing\n").unwrap_err();
        assert!(
            err.message.contains("alias") || err.message.contains("anchor"),
            "{}",
            err.message
        );
    }
}
