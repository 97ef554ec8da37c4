//! The openstacksdk identity calls OSC makes (`sdk_connection.identity`): fetch, list with pagination, find by
//! name or ID, create, update and delete, with the same requests and failures as openstacksdk 4.22.

use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::http::{quote_path, Call, Failure, Res, Style};

/// An openstacksdk identity resource class: where it lives and how it is queried.
#[derive(Debug)]
pub struct Resource {
    /// The class name, used in messages ("No Project found for x").
    pub class: &'static str,
    /// `resource_key`: the body key of one resource.
    pub key: &'static str,
    /// `resources_key`: the body key of a list.
    pub plural: &'static str,
    /// `base_path`, without URI parameters.
    pub path: &'static str,
    /// `_query_mapping` in order: (client-side name, server-side name).
    pub query: &'static [(&'static str, &'static str)],
    /// The body key the class exposes as `name` (some classes alias `name` to `id`).
    pub name_key: &'static str,
}

/// The pagination defaults every `QueryParameters` starts with.
macro_rules! query {
    ($($pair:expr),* $(,)?) => {
        &[("limit", "limit"), ("marker", "marker"), $($pair),*]
    };
}

/// `openstack.identity.v3.project.Project`.
pub const PROJECT: Resource = Resource {
    class: "Project",
    key: "project",
    plural: "projects",
    path: "/projects",
    query: query![
        ("domain_id", "domain_id"),
        ("is_domain", "is_domain"),
        ("name", "name"),
        ("parent_id", "parent_id"),
        ("is_enabled", "enabled"),
        ("tags", "tags"),
        ("any_tags", "tags-any"),
        ("not_tags", "not-tags"),
        ("not_any_tags", "not-tags-any"),
    ],
    name_key: "name",
};

/// `openstack.identity.v3.user.User`.
pub const USER: Resource = Resource {
    class: "User",
    key: "user",
    plural: "users",
    path: "/users",
    query: query![
        ("domain_id", "domain_id"),
        ("name", "name"),
        ("password_expires_at", "password_expires_at"),
        ("unique_id", "unique_id"),
        ("idp_id", "idp_id"),
        ("protocol_id", "protocol_id"),
        ("is_enabled", "enabled"),
    ],
    name_key: "name",
};

/// `openstack.identity.v3.domain.Domain`.
pub const DOMAIN: Resource = Resource {
    class: "Domain",
    key: "domain",
    plural: "domains",
    path: "/domains",
    query: query![("name", "name"), ("is_enabled", "enabled")],
    name_key: "name",
};

/// `openstack.identity.v3.role.Role`.
pub const ROLE: Resource = Resource {
    class: "Role",
    key: "role",
    plural: "roles",
    path: "/roles",
    query: query![("name", "name"), ("domain_id", "domain_id")],
    name_key: "name",
};

/// `openstack.identity.v3.group.Group`.
pub const GROUP: Resource = Resource {
    class: "Group",
    key: "group",
    plural: "groups",
    path: "/groups",
    query: query![("domain_id", "domain_id"), ("name", "name")],
    name_key: "name",
};

/// `openstack.identity.v3.service.Service`.
pub const SERVICE: Resource = Resource {
    class: "Service",
    key: "service",
    plural: "services",
    path: "/services",
    query: query![("name", "name"), ("type", "type")],
    name_key: "name",
};

/// `openstack.identity.v3.endpoint.Endpoint`.
pub const ENDPOINT: Resource = Resource {
    class: "Endpoint",
    key: "endpoint",
    plural: "endpoints",
    path: "/endpoints",
    query: query![
        ("interface", "interface"),
        ("region_id", "region_id"),
        ("service_id", "service_id")
    ],
    name_key: "name",
};

/// `openstack.identity.v3.region.Region`.
pub const REGION: Resource = Resource {
    class: "Region",
    key: "region",
    plural: "regions",
    path: "/regions",
    query: query![("parent_region_id", "parent_region_id")],
    name_key: "name",
};

/// `openstack.identity.v3.credential.Credential`.
pub const CREDENTIAL: Resource = Resource {
    class: "Credential",
    key: "credential",
    plural: "credentials",
    path: "/credentials",
    query: query![("type", "type"), ("user_id", "user_id")],
    name_key: "name",
};

/// `openstack.identity.v3.application_credential.ApplicationCredential` (under `/users/<id>`).
pub const APPLICATION_CREDENTIAL: Resource = Resource {
    class: "ApplicationCredential",
    key: "application_credential",
    plural: "application_credentials",
    path: "/application_credentials",
    query: query![],
    name_key: "name",
};

/// `openstack.identity.v3.access_rule.AccessRule` (under `/users/<id>`).
pub const ACCESS_RULE: Resource = Resource {
    class: "AccessRule",
    key: "access_rule",
    plural: "access_rules",
    path: "/access_rules",
    query: query![],
    name_key: "name",
};

/// `openstack.identity.v3.trust.Trust`.
pub const TRUST: Resource = Resource {
    class: "Trust",
    key: "trust",
    plural: "trusts",
    path: "/OS-TRUST/trusts",
    query: query![
        ("trustor_user_id", "trustor_user_id"),
        ("trustee_user_id", "trustee_user_id")
    ],
    name_key: "name",
};

/// `openstack.identity.v3.limit.Limit`.
pub const LIMIT: Resource = Resource {
    class: "Limit",
    key: "limit",
    plural: "limits",
    path: "/limits",
    query: query![
        ("service_id", "service_id"),
        ("region_id", "region_id"),
        ("resource_name", "resource_name"),
        ("project_id", "project_id"),
    ],
    name_key: "name",
};

/// `openstack.identity.v3.registered_limit.RegisteredLimit`.
pub const REGISTERED_LIMIT: Resource = Resource {
    class: "RegisteredLimit",
    key: "registered_limit",
    plural: "registered_limits",
    path: "/registered_limits",
    query: query![
        ("service_id", "service_id"),
        ("region_id", "region_id"),
        ("resource_name", "resource_name")
    ],
    name_key: "name",
};

/// `openstack.identity.v3.endpoint_group.EndpointGroup` (no pagination defaults).
pub const ENDPOINT_GROUP: Resource = Resource {
    class: "EndpointGroup",
    key: "endpoint_group",
    plural: "endpoint_groups",
    path: "/OS-EP-FILTER/endpoint_groups",
    query: &[("name", "name")],
    name_key: "name",
};

/// `openstack.identity.v3.policy.Policy`.
pub const POLICY: Resource = Resource {
    class: "Policy",
    key: "policy",
    plural: "policies",
    path: "/policies",
    query: query![],
    name_key: "name",
};

/// `openstack.identity.v3.mapping.Mapping` (`name` is the ID).
pub const MAPPING: Resource = Resource {
    class: "Mapping",
    key: "mapping",
    plural: "mappings",
    path: "/OS-FEDERATION/mappings",
    query: query![],
    name_key: "id",
};

/// `openstack.identity.v3.identity_provider.IdentityProvider` (`name` is the ID).
pub const IDENTITY_PROVIDER: Resource = Resource {
    class: "IdentityProvider",
    key: "identity_provider",
    plural: "identity_providers",
    path: "/OS-FEDERATION/identity_providers",
    query: query![("id", "id"), ("is_enabled", "enabled")],
    name_key: "id",
};

/// `openstack.identity.v3.federation_protocol.FederationProtocol` (under an identity provider).
pub const FEDERATION_PROTOCOL: Resource = Resource {
    class: "FederationProtocol",
    key: "protocol",
    plural: "protocols",
    path: "/protocols",
    query: query![("id", "id")],
    name_key: "id",
};

/// `openstack.identity.v3.service_provider.ServiceProvider` (`name` is the ID).
pub const SERVICE_PROVIDER: Resource = Resource {
    class: "ServiceProvider",
    key: "service_provider",
    plural: "service_providers",
    path: "/OS-FEDERATION/service_providers",
    query: query![("id", "id"), ("is_enabled", "enabled")],
    name_key: "id",
};

/// `openstack.identity.v3.role_assignment.RoleAssignment`.
pub const ROLE_ASSIGNMENT: Resource = Resource {
    class: "RoleAssignment",
    key: "role_assignment",
    plural: "role_assignments",
    path: "/role_assignments",
    query: query![
        ("group_id", "group.id"),
        ("role_id", "role.id"),
        ("scope_domain_id", "scope.domain.id"),
        ("scope_project_id", "scope.project.id"),
        ("user_id", "user.id"),
        ("effective", "effective"),
        ("include_names", "include_names"),
        ("include_subtree", "include_subtree"),
        ("scope_system", "scope.system"),
        ("inherited_to", "scope.OS-INHERIT:inherited_to"),
    ],
    name_key: "name",
};

/// A keyword argument as openstacksdk receives it. A `None` value is passed along but never sent: `requests`
/// drops `None` query parameters (keystoneauth's `--debug` line still shows them as `=None`).
pub type Param = (&'static str, Option<String>);

/// Python `str()` of a bool in a query string.
pub fn py_bool(value: bool) -> String {
    if value { "True" } else { "False" }.to_owned()
}

/// `_query_mapping._transpose`: the known parameters, server-side names, in the mapping's order.
fn transpose(resource: &Resource, params: &[Param]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (client, server) in resource.query {
        // A parameter given several times (an iterable value) is sent once per value, as `requests` does.
        let mut values: Vec<&Option<String>> = params
            .iter()
            .filter(|(name, _)| name == client)
            .map(|(_, v)| v)
            .collect();
        if values.is_empty() {
            values = params
                .iter()
                .filter(|(name, _)| name == server)
                .map(|(_, v)| v)
                .collect();
        }
        for value in values.into_iter().flatten() {
            out.push(((*server).to_owned(), value.clone()));
        }
    }
    out
}

/// The identity object inside an answer (`body[resource_key]`, or the body itself without that key).
fn unwrap_body(resource: &Resource, body: Json) -> Json {
    match body {
        Json::Object(mut map) if map.contains_key(resource.key) => {
            map.remove(resource.key).unwrap_or(Json::Null)
        }
        other => other,
    }
}

/// `base/<id>` with the ID as `requests` would send it.
pub fn item_path(base: &str, id: &str) -> String {
    format!("{base}/{}", quote_path(id))
}

/// `Resource.fetch`: GET `<base>/<id>` with the parameters passed through as the query.
pub fn fetch(
    cm: &mut ClientManager,
    resource: &Resource,
    base: &str,
    id: &str,
    params: &[Param],
    error_message: Option<String>,
) -> Res<Json> {
    let query = params
        .iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| ((*name).to_owned(), v.clone())))
        .collect();
    let mut call = Call::new(Method::Get, item_path(base, id), Style::Sdk).query(query);
    if let Some(message) = error_message {
        call = call.error_message(message);
    }
    Ok(unwrap_body(resource, call.json(cm)?))
}

/// The proxy's `get_<resource>(id)`: a fetch whose 404 reads "No <Class> found for <id>: ...".
pub fn get(cm: &mut ClientManager, resource: &Resource, base: &str, id: &str) -> Res<Json> {
    let message = format!("No {} found for {id}", resource.class);
    fetch(cm, resource, base, id, &[], Some(message))
}

/// `Resource.list`: GET the collection with the known parameters, following pages as openstacksdk does
/// (`links`/`next` links; with a `limit`, asking again from the last ID until a page comes back empty), and
/// stopping after `max_items`.
pub fn list(
    cm: &mut ClientManager,
    resource: &Resource,
    base: &str,
    params: &[Param],
    max_items: Option<usize>,
) -> Res<Vec<Json>> {
    let mut query = transpose(resource, params);
    let has_limit = query
        .iter()
        .any(|(k, v)| k == "limit" && !v.is_empty() && v != "None" && v != "0");
    if let Some(max) = max_items.filter(|m| *m > 0) {
        if !has_limit {
            set_param(&mut query, "limit", max.to_string());
        }
    }
    let limit = query
        .iter()
        .find(|(k, _)| k == "limit")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty() && v != "None" && v != "0");
    let mut uri = base.to_owned();
    let mut items = Vec::new();
    let mut total = 0usize;
    loop {
        let mut data = Call::new(Method::Get, uri.clone(), Style::Sdk)
            .query(query.clone())
            .json(cm)?;
        let last_marker = take_param(&mut query, "marker");
        take_param(&mut query, "limit");
        // Moved out, not cloned: a page of 1,000 projects cost two deep copies (a third of the CPU time of
        // `project list`, and 3.5 MB of its peak memory; docs/performance.md). Only `links`/`next` are read later.
        let resources = match data.get_mut(resource.plural).map(Json::take) {
            Some(Json::Array(list)) => list,
            Some(other) => vec![other],
            None => return Err(Failure::command(format!("'{}'", resource.plural))),
        };
        let page_empty = resources.is_empty();
        let mut marker: Option<String> = None;
        for mut raw in resources {
            if max_items.is_some_and(|max| max > 0 && total >= max) {
                return Ok(items);
            }
            if let Json::Object(map) = &mut raw {
                map.remove("self");
            }
            marker = raw.get("id").map(json_text);
            items.push(raw);
            total += 1;
        }
        if page_empty {
            return Ok(items);
        }
        let Some((next, next_params)) = next_link(&uri, &data, marker, limit.as_deref()) else {
            return Ok(items);
        };
        if let Some(next_marker) = next_params.iter().find(|(k, _)| k == "marker") {
            if Some(&next_marker.1) == last_marker.as_ref() {
                return Err(Failure::command(
                    "Endless pagination loop detected, aborting",
                ));
            }
        }
        for (key, value) in next_params {
            set_param(&mut query, &key, value);
        }
        uri = next;
    }
}

fn json_text(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        Json::Null => "None".to_owned(),
        other => other.to_string(),
    }
}

fn set_param(query: &mut Vec<(String, String)>, key: &str, value: String) {
    match query.iter_mut().find(|(k, _)| k == key) {
        Some(entry) => entry.1 = value,
        None => query.push((key.to_owned(), value)),
    }
}

fn take_param(query: &mut Vec<(String, String)>, key: &str) -> Option<String> {
    let index = query.iter().position(|(k, _)| k == key)?;
    Some(query.remove(index).1)
}

/// `Resource._get_next_link` for Keystone's answers.
fn next_link(
    uri: &str,
    data: &Json,
    marker: Option<String>,
    limit: Option<&str>,
) -> Option<(String, Vec<(String, String)>)> {
    let mut link: Option<String> = None;
    if let Json::Object(map) = data {
        if let Some(Json::Array(links)) = map.get("links") {
            link = links
                .iter()
                .find(|item| item.get("rel").and_then(Json::as_str) == Some("next"))
                .and_then(|item| item.get("href"))
                .and_then(Json::as_str)
                .map(str::to_owned);
        }
        if link.is_none() {
            link = map.get("next").and_then(Json::as_str).map(str::to_owned);
        }
    }
    let mut params = Vec::new();
    if let Some(mut next) = link.filter(|l| !l.is_empty()) {
        if next.starts_with("/v") {
            if let Some(slash) = next[1..].find('/') {
                next = next[slash + 1..].to_owned();
            }
        }
        if let Some((path, query)) = next.split_once('?') {
            for pair in query.split('&').filter(|p| !p.is_empty()) {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                params.push((unquote(key), unquote(value)));
            }
            next = path.to_owned();
        }
        return Some((next, params));
    }
    let limit = limit?;
    params.push((
        "marker".to_owned(),
        marker.unwrap_or_else(|| "None".to_owned()),
    ));
    params.push(("limit".to_owned(), limit.to_owned()));
    Some((uri.to_owned(), params))
}

/// `urllib.parse.unquote_plus` of a query component.
fn unquote(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let decoded = if bytes[i] == b'%' && i + 2 < bytes.len() {
            std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        } else {
            None
        };
        match (bytes[i], decoded) {
            (_, Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (other, None) => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `Resource.find`: the ID first (a 400, 403 or 404 moves on), then the list filtered by name, matching `id` or
/// the class's `name`. `ignore_missing=false` turns a miss into "No <Class> found for <x>".
pub fn find(
    cm: &mut ClientManager,
    resource: &Resource,
    base: &str,
    name_or_id: &str,
    params: &[Param],
    ignore_missing: bool,
) -> Res<Option<Json>> {
    match fetch(cm, resource, base, name_or_id, params, None) {
        Ok(found) => return Ok(Some(found)),
        Err(failure) if matches!(failure.status(), Some(400 | 403 | 404)) => {}
        Err(failure) => return Err(failure),
    }
    let mut list_params: Vec<Param> = params.to_vec();
    let name_known = resource.query.iter().any(|(client, _)| *client == "name");
    if name_known && !list_params.iter().any(|(name, _)| *name == "name") {
        list_params.push(("name", Some(name_or_id.to_owned())));
    }
    let mut found: Option<Json> = None;
    for item in list(cm, resource, base, &list_params, None)? {
        let id = item.get("id").and_then(Json::as_str);
        let name = item.get(resource.name_key).and_then(Json::as_str);
        if id == Some(name_or_id) || name == Some(name_or_id) {
            if found.is_some() {
                return Err(Failure::Duplicate(format!(
                    "More than one {} exists with the name '{name_or_id}'.",
                    resource.class
                )));
            }
            found = Some(item);
        }
    }
    match found {
        Some(item) => Ok(Some(item)),
        None if ignore_missing => Ok(None),
        None => Err(Failure::NotFound(format!(
            "No {} found for {name_or_id}",
            resource.class
        ))),
    }
}

/// `find(..., ignore_missing=False)`: the resource or openstacksdk's not-found failure.
pub fn find_one(
    cm: &mut ClientManager,
    resource: &Resource,
    base: &str,
    name_or_id: &str,
    params: &[Param],
) -> Res<Json> {
    find(cm, resource, base, name_or_id, params, false)?
        .ok_or_else(|| Failure::NotFound(format!("No {} found for {name_or_id}", resource.class)))
}

/// `Resource.create`: POST (or PUT to `<base>/<id>` for classes created by ID) `{resource_key: attrs}`.
pub fn create(
    cm: &mut ClientManager,
    resource: &Resource,
    method: Method,
    path: &str,
    attrs: Map<String, Json>,
) -> Res<Json> {
    let mut body = Map::new();
    body.insert(resource.key.to_owned(), Json::Object(attrs));
    let answer = Call::new(method, path, Style::Sdk)
        .body(Json::Object(body))
        .json(cm)?;
    Ok(unwrap_body(resource, answer))
}

/// `Resource.commit` (PATCH): nothing is sent when no attribute changed, and then the answer is `None`.
pub fn update(
    cm: &mut ClientManager,
    resource: &Resource,
    path: &str,
    attrs: Map<String, Json>,
) -> Res<Option<Json>> {
    if attrs.is_empty() {
        return Ok(None);
    }
    let mut body = Map::new();
    body.insert(resource.key.to_owned(), Json::Object(attrs));
    let answer = Call::new(Method::Patch, path, Style::Sdk)
        .body(Json::Object(body))
        .json(cm)?;
    Ok(Some(unwrap_body(resource, answer)))
}

/// The proxy's `delete_<resource>`: DELETE, a 404 ignored unless `ignore_missing` is false.
pub fn delete(cm: &mut ClientManager, path: &str, ignore_missing: bool) -> Res<()> {
    match Call::new(Method::Delete, path, Style::Sdk).send(cm) {
        Ok(_) => Ok(()),
        Err(failure) if ignore_missing && failure.status() == Some(404) => Ok(()),
        Err(failure) => Err(failure),
    }
}

/// A body attribute: the value, `None` when the resource lacks it (openstacksdk's declared attributes).
pub fn attr(item: &Json, key: &str) -> cliff::Value {
    item.get(key)
        .map_or(cliff::Value::Null, cliff::Value::from_json)
}

/// A `type=bool` attribute: Python `bool()` of the value, `None` when absent or null.
pub fn bool_attr(item: &Json, key: &str) -> cliff::Value {
    match item.get(key) {
        None | Some(Json::Null) => cliff::Value::Null,
        Some(Json::Bool(b)) => cliff::Value::Bool(*b),
        Some(Json::String(s)) => cliff::Value::Bool(!s.is_empty()),
        Some(Json::Number(n)) => cliff::Value::Bool(n.as_f64() != Some(0.0)),
        Some(Json::Array(a)) => cliff::Value::Bool(!a.is_empty()),
        Some(Json::Object(o)) => cliff::Value::Bool(!o.is_empty()),
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

/// The `id` of an answer, as text.
pub fn id_of(item: &Json) -> String {
    item.get("id")
        .map(json_text)
        .unwrap_or_else(|| "None".to_owned())
}

/// A string attribute, if present and a string.
pub fn str_of<'a>(item: &'a Json, key: &str) -> Option<&'a str> {
    item.get(key).and_then(Json::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transpose_follows_the_mapping_order() {
        let params: Vec<Param> = vec![
            ("name", Some("x".to_owned())),
            ("domain_id", Some("d".to_owned())),
            ("bogus", Some("b".to_owned())),
            ("unique_id", None),
        ];
        assert_eq!(
            transpose(&USER, &params),
            vec![
                ("domain_id".to_owned(), "d".to_owned()),
                ("name".to_owned(), "x".to_owned())
            ]
        );
        let params: Vec<Param> = vec![
            ("is_enabled", Some("True".to_owned())),
            ("tags-any", Some("a,b".to_owned())),
        ];
        assert_eq!(
            transpose(&PROJECT, &params),
            vec![
                ("enabled".to_owned(), "True".to_owned()),
                ("tags-any".to_owned(), "a,b".to_owned())
            ]
        );
    }

    #[test]
    fn next_links() {
        let data = serde_json::json!({"links": {"next": null, "self": "x"}, "projects": []});
        assert_eq!(next_link("/projects", &data, Some("m".into()), None), None);
        assert_eq!(
            next_link("/projects", &data, Some("m".into()), Some("1")),
            Some((
                "/projects".to_owned(),
                vec![
                    ("marker".to_owned(), "m".to_owned()),
                    ("limit".to_owned(), "1".to_owned())
                ]
            ))
        );
        let data = serde_json::json!({"links": [{"rel": "next", "href": "http://h/v3/users?marker=a%3Ab&limit=2"}]});
        assert_eq!(
            next_link("/users", &data, None, None),
            Some((
                "http://h/v3/users".to_owned(),
                vec![
                    ("marker".to_owned(), "a:b".to_owned()),
                    ("limit".to_owned(), "2".to_owned())
                ]
            ))
        );
    }
}
