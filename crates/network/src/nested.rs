//! Resources that live under a parent (`/qos/policies/{qos_policy_id}/bandwidth_limit_rules`,
//! `/routers/{router_id}/conntrack_helpers`, `/floatingips/{floatingip_id}/port_forwardings`...): the proxy's
//! operations with the parent's ID filled in, and list filters given as attributes.

use cliff::Result;
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{version_prefix, NetResource};
use openstack_sdk as sdk;
use openstack_sdk::{Param, Res};

/// The collection path with the URI parameters filled in, under `/v2.0`.
pub fn base_under(cm: &mut ClientManager, res: &NetResource, uri: &[(&str, &str)]) -> Res<String> {
    Ok(format!("{}{}", version_prefix(cm)?, res.resource.path(uri)))
}

/// `find_<resource>(name_or_id, parent, ignore_missing=False)`.
pub fn find_under(
    cm: &mut ClientManager,
    res: &NetResource,
    uri: &[(&str, &str)],
    name_or_id: &str,
) -> Res<Json> {
    let base = base_under(cm, res, uri)?;
    sdk::find_one(cm, &res.resource, &base, name_or_id, &[])
}

/// `get_<resource>(id, parent)`.
pub fn get_under(
    cm: &mut ClientManager,
    res: &NetResource,
    uri: &[(&str, &str)],
    id: &str,
) -> Res<Json> {
    let base = base_under(cm, res, uri)?;
    sdk::get(cm, &res.resource, &base, id)
}

/// `<resources>(parent, **params)`: every page.
pub fn list_under(
    cm: &mut ClientManager,
    res: &NetResource,
    uri: &[(&str, &str)],
    params: &[Param],
    max_items: Option<usize>,
) -> Res<Vec<Json>> {
    let base = base_under(cm, res, uri)?;
    sdk::list(cm, &res.resource, &base, params, max_items)
}

/// `create_<resource>(parent, **attrs)`.
pub fn create_under(
    cm: &mut ClientManager,
    res: &NetResource,
    uri: &[(&str, &str)],
    attrs: Map<String, Json>,
) -> Res<Json> {
    let base = base_under(cm, res, uri)?;
    sdk::create(cm, &res.resource, Method::Post, &base, attrs)
}

/// `update_<resource>(obj, parent, **attrs)`: a PUT of the changes (nothing sent when there are none).
pub fn update_under(
    cm: &mut ClientManager,
    res: &NetResource,
    uri: &[(&str, &str)],
    id: &str,
    attrs: Map<String, Json>,
) -> Res<Option<Json>> {
    let path = sdk::item_path(&base_under(cm, res, uri)?, id);
    sdk::commit(cm, &res.resource, &path, None, attrs)
}

/// `delete_<resource>(id, parent)` (a 404 ignored).
pub fn delete_under(
    cm: &mut ClientManager,
    res: &NetResource,
    uri: &[(&str, &str)],
    id: &str,
) -> Res<()> {
    let path = sdk::item_path(&base_under(cm, res, uri)?, id);
    sdk::delete(cm, &res.resource, &path, true)
}

/// List filters built as attributes (`attrs['shared'] = True`), as the query parameters the class knows, values
/// as Python's `str()` sends them.
pub fn params(res: &NetResource, filters: &Map<String, Json>) -> Vec<Param> {
    let mut out = Vec::new();
    for (key, value) in filters {
        let known = res
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

/// Inserts a string option's value (when not `None`) under a body key.
pub fn put_str(attrs: &mut Map<String, Json>, args: &cliff::Args, dest: &str, key: &str) {
    if let Some(value) = args.str(dest) {
        attrs.insert(key.to_owned(), Json::from(value));
    }
}

/// The `Result` of a check made while building a request, as the command's error.
pub fn check(result: std::result::Result<(), String>) -> Result<()> {
    result.map_err(cliff::Error::command)
}

/// `getattr(resource, name, '')` as `get_item_properties` reads a list column: a declared attribute by its
/// attribute name; the body key of a declared attribute (`shared` of `is_shared`) is no attribute, so `''`; an
/// unknown body key its value; anything else `''`.
pub fn getattr(res: &NetResource, item: &Json, name: &str) -> Json {
    if res.attrs.iter().any(|(attr, _, _)| *attr == name) {
        return res.get(item, name);
    }
    let declared_key =
        res.attrs.iter().any(|(_, key, _)| *key == name) || res.shadowed.contains(&name);
    match item.get(name) {
        Some(value) if !declared_key => value.clone(),
        _ => Json::from(""),
    }
}

/// A Lister's result as `get_item_properties` reads each column ([`getattr`]).
pub fn rows(
    res: &NetResource,
    items: &[Json],
    headers: &[&str],
    columns: &[&str],
    formatter: crate::common::Formatter,
) -> cliff::Output {
    cliff::Output::List {
        columns: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows: items
            .iter()
            .map(|item| {
                columns
                    .iter()
                    .map(|column| formatter(column, getattr(res, item, column)))
                    .collect()
            })
            .collect(),
    }
}

/// The list of a command whose only options are `--limit`, `--marker` and `--max-items`: every page, as
/// [`rows`] of these columns.
pub fn paged_rows(
    cm: &mut ClientManager,
    res: &NetResource,
    args: &cliff::Args,
    headers: &[&str],
    columns: &[&str],
) -> Result<cliff::Output> {
    let page = identity::pagination::pagination(args)?;
    let items = crate::common::fail(crate::common::list(cm, res, &page.params, page.max_items))?;
    Ok(rows(res, &items, headers, columns, crate::common::plain))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::{Any, Bool};
    use serde_json::json;

    const LABEL: NetResource = NetResource {
        resource: openstack_sdk::Resource {
            query: &[("limit", "limit"), ("is_shared", "shared")],
            ..openstack_sdk::Resource::DEFAULT
        },
        attrs: &[("name", "name", Any), ("is_shared", "shared", Bool)],
        shadowed: &["router_id"],
    };

    #[test]
    fn getattr_reads_as_python_getattr() {
        let item = json!({"name": "n", "shared": 1, "created_at": "t", "router_id": "r"});
        assert_eq!(getattr(&LABEL, &item, "is_shared"), json!(true));
        // The body key of a declared attribute is no attribute: OSC's `Shared` column of `meter list` is ''.
        assert_eq!(getattr(&LABEL, &item, "shared"), json!(""));
        assert_eq!(getattr(&LABEL, &item, "router_id"), json!(""));
        assert_eq!(getattr(&LABEL, &item, "created_at"), json!("t"));
        assert_eq!(getattr(&LABEL, &item, "missing"), json!(""));
    }

    #[test]
    fn filters_become_known_query_parameters() {
        let mut filters = Map::new();
        filters.insert("shared".into(), json!(true));
        filters.insert("unknown".into(), json!("x"));
        assert_eq!(
            params(&LABEL, &filters),
            vec![("is_shared", Some("True".to_owned()))]
        );
    }
}
