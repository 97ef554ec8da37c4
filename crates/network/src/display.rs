//! Neutron resources as OSC's network commands read and show them: openstacksdk's attribute view of a body
//! (declared attributes by their attribute names, unknown body keys kept as they came), osc-lib's
//! `get_osc_show_columns_for_sdk_resource` and `get_item_properties`, and the options several objects share
//! (`--extra-property`, `--project`/`--project-domain`).

use cliff::{Arg, Args, Output, Parser, Result, Value};
use osc_lib::{parseractions, ClientManager};
use serde_json::{Map, Value as Json};

use identity::output::fail;
use openstack_sdk as sdk;
use openstack_sdk::{Res, Resource};

/// How openstacksdk converts a declared attribute (`type=` of its `Body` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No conversion.
    Any,
    /// `type=bool`: Python `bool()` of the value.
    Bool,
    /// `type=int`: Python `int()` of the value.
    Int,
}

/// A declared attribute: (attribute name, body key, conversion).
pub type Attr = (&'static str, &'static str, Kind);

/// A resource class with its declared attributes, as openstacksdk's class body declares them.
#[derive(Debug, Clone, Copy)]
pub struct Class {
    /// Where it lives and how it is sent.
    pub resource: Resource,
    /// The `Body` and `Computed` attributes, in declaration order.
    pub attrs: &'static [Attr],
    /// `_allow_unknown_attrs_in_body`: body keys no attribute declares are kept and shown.
    pub unknown_attrs: bool,
}

impl Class {
    fn declared(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|(attr, _, _)| *attr == name)
    }

    /// Whether openstacksdk consumes this body key into a declared attribute or a URI parameter (so it is
    /// not an unknown attribute).
    fn is_declared_key(&self, key: &str) -> bool {
        self.attrs.iter().any(|(_, body, _)| *body == key)
            || self.resource.base_path.contains(&format!("{{{key}}}"))
    }

    /// The value of a declared attribute (`None` when the body lacks it; `project_id` falls back to its alias
    /// `tenant_id`).
    fn declared_value(&self, item: &Json, (attr, key, kind): &Attr) -> Value {
        let mut raw = item.get(*key).filter(|v| !v.is_null());
        if raw.is_none() && *attr == "project_id" {
            raw = item.get("tenant_id").filter(|v| !v.is_null());
        }
        match (raw, kind) {
            (None, _) => Value::Null,
            (Some(value), Kind::Bool) => Value::Bool(sdk::truthy(value)),
            (Some(Json::String(text)), Kind::Int) => text
                .trim()
                .parse::<i64>()
                .map_or_else(|_| Value::str(text.clone()), Value::Int),
            (Some(value), _) => Value::from_json(value),
        }
    }

    /// `getattr(resource, name, '')`: a declared attribute, else an unknown body key, else `''`.
    pub fn get(&self, item: &Json, name: &str) -> Value {
        if let Some(attr) = self.declared(name) {
            return self.declared_value(item, attr);
        }
        match item.get(name) {
            Some(value) if self.unknown_attrs && !self.is_declared_key(name) => {
                Value::from_json(value)
            }
            _ => Value::str(""),
        }
    }

    /// The keys of `to_dict(body=True, headers=False, ignore_none=False)`: the unknown body keys, then every
    /// declared attribute.
    pub fn keys(&self, item: &Json) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        if self.unknown_attrs {
            if let Json::Object(map) = item {
                for key in map.keys() {
                    if !self.is_declared_key(key) && self.declared(key).is_none() {
                        keys.push(key.clone());
                    }
                }
            }
        }
        for (attr, _, _) in self.attrs {
            if !keys.iter().any(|k| k == attr) {
                keys.push((*attr).to_owned());
            }
        }
        keys
    }
}

/// A column formatter (`FormattableColumn` classes and plain functions alike), by attribute column name.
pub type Formatters<'a> = &'a [(&'a str, fn(Value) -> Value)];

fn formatted(formatters: Formatters, column: &str, value: Value) -> Value {
    match formatters.iter().find(|(name, _)| *name == column) {
        Some((_, format)) => format(value),
        None => value,
    }
}

/// `get_osc_show_columns_for_sdk_resource` then `get_item_properties`: the sorted display columns (hidden ones
/// removed, renamed ones under their new names) with their values.
pub fn show(
    class: &Class,
    item: &Json,
    column_map: &[(&str, &str)],
    hidden: &[&str],
    formatters: Formatters,
) -> Output {
    let mut display: Vec<String> = class.keys(item);
    display.retain(|c| !hidden.contains(&c.as_str()));
    let mut renamed: Vec<(String, String)> = Vec::new();
    for (sdk_attr, osc_attr) in column_map {
        if let Some(pos) = display.iter().position(|c| c == sdk_attr) {
            renamed.push(((*osc_attr).to_owned(), (*sdk_attr).to_owned()));
            display.remove(pos);
        }
        if !display.iter().any(|c| c == osc_attr) {
            display.push((*osc_attr).to_owned());
        }
    }
    display.sort();
    let pairs = display
        .into_iter()
        .map(|column| {
            let attr = renamed
                .iter()
                .find(|(osc, _)| *osc == column)
                .map_or(column.as_str(), |(_, sdk)| sdk.as_str());
            let value = formatted(formatters, attr, class.get(item, &field_name(attr)));
            (column.clone(), value)
        })
        .collect();
    Output::show(pairs)
}

/// `get_item_properties`' field name: lower case, spaces as underscores.
fn field_name(column: &str) -> String {
    column.to_lowercase().replace(' ', "_")
}

/// One row of `get_item_properties(item, columns, formatters=...)`.
pub fn row(class: &Class, item: &Json, columns: &[&str], formatters: Formatters) -> Vec<Value> {
    columns
        .iter()
        .map(|column| formatted(formatters, column, class.get(item, &field_name(column))))
        .collect()
}

/// A Lister result: the headers, and a row of the attribute columns for each item.
pub fn list(
    class: &Class,
    headers: &[&str],
    columns: &[&str],
    items: &[Json],
    formatters: Formatters,
) -> Output {
    Output::List {
        columns: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows: items
            .iter()
            .map(|item| row(class, item, columns, formatters))
            .collect(),
    }
}

/// `AdminStateColumn`: `UP` or `DOWN` for people, the bool for machines.
pub fn admin_state_column(value: Value) -> Value {
    let up = matches!(value, Value::Bool(true));
    Value::Column {
        human: if up { "UP" } else { "DOWN" }.to_owned(),
        machine: Box::new(value),
    }
}

/// `find_<resource>(name_or_id, ignore_missing=False)` under a base path with its URI parameters.
pub fn find(
    cm: &mut ClientManager,
    class: &Class,
    uri: &[(&str, &str)],
    name_or_id: &str,
) -> Res<Json> {
    sdk::find_one(
        cm,
        &class.resource,
        &class.resource.path(uri),
        name_or_id,
        &[],
    )
}

/// `<base>/<id>` of a found resource.
pub fn path_of(class: &Class, uri: &[(&str, &str)], item: &Json) -> String {
    sdk::item_path(&class.resource.path(uri), &sdk::id_of(item))
}

/// `update_<resource>(obj, **attrs)`: PUT of the changes (nothing sent when there are none); the updated body.
pub fn update(
    cm: &mut ClientManager,
    class: &Class,
    path: &str,
    attrs: Map<String, Json>,
) -> Res<Option<Json>> {
    sdk::commit(cm, &class.resource, path, None, attrs)
}

/// `create_<resource>(**attrs)`: POST to the collection; the created body.
pub fn create(
    cm: &mut ClientManager,
    class: &Class,
    uri: &[(&str, &str)],
    attrs: Map<String, Json>,
) -> Res<Json> {
    sdk::create(
        cm,
        &class.resource,
        osc_lib::Method::Post,
        &class.resource.path(uri),
        attrs,
    )
}

/// List filters given as body-like attributes, as query parameters the class knows (values as Python's `str()`).
pub fn params(class: &Class, filters: &Map<String, Json>) -> Vec<sdk::Param> {
    let mut out = Vec::new();
    for (key, value) in filters {
        let known = class
            .resource
            .query
            .iter()
            .find(|(client, server)| client == key || server == key);
        if let Some((client, _)) = known {
            let text = match value {
                Json::Bool(b) => sdk::py_bool(*b),
                other => sdk::json_text(other),
            };
            out.push((*client, Some(text)));
        }
    }
    out
}

/// `NeutronCommandWithExtraArgs`' `--extra-property`.
pub fn add_extra_property_option(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--extra-property"])
            .metavar("type=<property_type>,name=<property_name>,value=<property_value>")
            .dest("extra_properties")
            .append()
            .check(extra_property_check)
            .help(
                "Additional parameters can be passed using this property. Default type of the extra property is \
                 string ('str'), but other types can be used as well. Available types are: 'dict', 'list', 'str', \
                 'bool', 'int'. In case of 'list' type, 'value' can be semicolon-separated list of values. For \
                 'dict' value is semicolon-separated list of the key:value pairs.",
            ),
    );
}

fn extra_property_check(value: &cliff::ArgValue) -> std::result::Result<(), String> {
    match value {
        cliff::ArgValue::Str(text) => parseractions::multi_key_value(
            std::slice::from_ref(text),
            &["name", "value"],
            &["type"],
        )
        .map(|_| ()),
        _ => Ok(()),
    }
}

/// `_parse_extra_properties`: each `--extra-property` converted by its type (`unset`: every name to `None`).
pub fn extra_properties(args: &Args, unset: bool) -> Result<Map<String, Json>> {
    let parsed = parseractions::multi_key_value(
        &args.strings("extra_properties"),
        &["name", "value"],
        &["type"],
    )
    .map_err(|message| cliff::Error::usage(format!("argument --extra-property: {message}")))?;
    let mut out = Map::new();
    for property in parsed {
        let get = |key: &str| {
            property
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let name = get("name").unwrap_or_default();
        let value = get("value").unwrap_or_default();
        if unset {
            out.insert(name, Json::Null);
            continue;
        }
        let converted = match get("type").as_deref() {
            None | Some("str") => Json::from(value),
            Some("bool") => Json::Bool(value.to_lowercase() == "true"),
            Some("int") => match value.trim().parse::<i64>() {
                Ok(i) => Json::from(i),
                Err(_) => {
                    return Err(cliff::Error::command(format!(
                        "invalid literal for int() with base 10: '{value}'"
                    )))
                }
            },
            Some("list") => Json::Array(if value.is_empty() {
                Vec::new()
            } else {
                value.split(';').map(Json::from).collect()
            }),
            Some("dict") => str2dict(&value)?,
            Some(other) => {
                return Err(cliff::Error::command(format!(
                    "Type {other} of property {name} is not supported"
                )))
            }
        };
        out.insert(name, converted);
    }
    Ok(out)
}

/// `utils.str2dict`: `k1:v1;k2:v2`, a piece without `:` continuing the previous value.
fn str2dict(text: &str) -> Result<Json> {
    let mut pairs: Vec<String> = Vec::new();
    if !text.is_empty() {
        for kv in text.split(';') {
            if kv.contains(':') {
                pairs.push(kv.to_owned());
            } else if let Some(last) = pairs.last_mut() {
                *last = format!("{last};{kv}");
            } else {
                return Err(cliff::Error::command(format!(
                    "missing value for key '{kv}'"
                )));
            }
        }
    }
    let mut map = Map::new();
    for kv in pairs {
        if let Some((k, v)) = kv.split_once(':') {
            map.insert(k.to_owned(), Json::from(v));
        }
    }
    Ok(Json::Object(map))
}

/// `--project` then `identity_common.add_project_domain_option_to_parser`.
pub fn add_project_options(parser: &mut Parser, help: &str) {
    parser.add(Arg::option(&["--project"]).metavar("<project>").help(help));
    identity::common::add_project_domain_option(parser);
}

/// `find_project_id_sdk(identity, --project, --project-domain)` when `--project` was given.
pub fn project_id(cm: &mut ClientManager, args: &Args) -> Result<Option<String>> {
    let Some(project) = args.str("project") else {
        return Ok(None);
    };
    let domain = args.str("project_domain");
    fail(identity::common::find_project_id_sdk(
        cm, project, domain, true, None,
    ))
    .map(Some)
}

/// A `store_true` option.
pub fn flag(flags: &[&str], help: &str) -> Arg {
    Arg::option(flags).flag().help(help)
}

/// Two `store_true` options in a mutually exclusive group (`--share`/`--no-share`...).
pub fn flag_pair(parser: &mut Parser, on: (&str, &str), off: (&str, &str)) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(group, flag(&[on.0], on.1));
    parser.add_to_mutex(group, flag(&[off.0], off.1));
}

/// Inserts a string option's value (when given) under a body key.
pub fn put_str(attrs: &mut Map<String, Json>, args: &Args, dest: &str, key: &str) {
    if let Some(value) = args.str(dest) {
        attrs.insert(key.to_owned(), Json::from(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const THING: Class = Class {
        resource: Resource::DEFAULT,
        attrs: &[
            ("name", "name", Kind::Any),
            ("project_id", "project_id", Kind::Any),
            ("is_shared", "shared", Kind::Bool),
            ("location", "location", Kind::Any),
        ],
        unknown_attrs: true,
    };

    #[test]
    fn show_hides_renames_and_sorts() {
        let item = json!({"name": "n", "tenant_id": "t", "shared": 1, "zeta": 2});
        let out = show(
            &THING,
            &item,
            &[("is_shared", "shared")],
            &["location"],
            &[],
        );
        assert_eq!(
            out,
            Output::show(vec![
                ("name".into(), Value::str("n")),
                ("project_id".into(), Value::str("t")),
                ("shared".into(), Value::Bool(true)),
                ("tenant_id".into(), Value::str("t")),
                ("zeta".into(), Value::Int(2)),
            ])
        );
        assert_eq!(THING.get(&item, "shared"), Value::str(""));
        assert_eq!(THING.get(&item, "missing"), Value::str(""));
    }

    #[test]
    fn str2dict_joins_pieces_without_colons() {
        assert_eq!(
            str2dict("a:1;b;c:2").unwrap(),
            json!({"a": "1;b", "c": "2"})
        );
        assert_eq!(
            str2dict("x").unwrap_err().message,
            "missing value for key 'x'"
        );
    }
}
