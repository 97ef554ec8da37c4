//! A resource class declared as data, as openstacksdk's `resource.Resource` subclasses declare theirs
//! (`compute/v2/server.py`, `identity/v3/project.py`): where it lives, its body keys, the query parameters it
//! knows, its attribute aliases, and which fields create and commit send.

use osc_lib::Method;
use serde_json::{Map, Value as Json};

use crate::url::quote_path;

/// How `commit` sends changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatchFormat {
    /// `{resource_key: changes}` (PATCH or PUT, as `commit_method` says).
    Body,
    /// RFC 6902 JSON-patch operations (Glance images: `application/openstack-images-v2.1-json-patch`).
    JsonPatch,
}

/// A resource class.
#[derive(Debug, Clone, Copy)]
pub struct Resource {
    /// The catalog service type it belongs to (`identity`, `compute`, `image`...).
    pub service: &'static str,
    /// The class name, used in messages ("No Project found for x").
    pub class: &'static str,
    /// `resource_key`: the body key of one resource (empty: the body is the resource, as Glance's).
    pub key: &'static str,
    /// `resources_key`: the body key of a list.
    pub plural: &'static str,
    /// `base_path`, with URI parameters in braces (`/users/{user_id}/application_credentials`).
    pub base_path: &'static str,
    /// `_query_mapping` in order: (client-side name, server-side name).
    pub query: &'static [(&'static str, &'static str)],
    /// The body key the class exposes as `name` (some classes alias `name` to `id`).
    pub name_key: &'static str,
    /// Attribute aliases: (attribute name, body key), as `is_enabled = resource.Body('enabled')`.
    pub aliases: &'static [(&'static str, &'static str)],
    /// `create_method`: POST to the collection, or PUT to `<base>/<id>` for classes created by ID.
    pub create_method: Method,
    /// `commit_method`: PATCH or PUT.
    pub commit_method: Method,
    /// How commit sends changes.
    pub patch_format: PatchFormat,
    /// The body fields create sends (empty: all given).
    pub create_fields: &'static [&'static str],
    /// The body fields commit sends (empty: all given).
    pub commit_fields: &'static [&'static str],
    /// `_max_microversion`: the newest microversion the class speaks. Its requests carry the lower of it and the
    /// server's newest, or the microversion the user asked for (see [`crate::microversion::for_resource`]).
    pub max_microversion: Option<&'static str>,
}

/// A keyword argument as openstacksdk receives it. A `None` value is passed along but never sent: `requests`
/// drops `None` query parameters (keystoneauth's `--debug` line still shows them as `=None`).
pub type Param = (&'static str, Option<String>);

/// The `Content-Type` of Glance's JSON-patch bodies.
pub const JSON_PATCH: &str = "application/openstack-images-v2.1-json-patch";

impl Resource {
    /// A class with openstacksdk's defaults (POST to create, PATCH with a body to commit, no alias, every field
    /// sent); declarations override what differs with `..Resource::DEFAULT`.
    pub const DEFAULT: Resource = Resource {
        service: "",
        class: "",
        key: "",
        plural: "",
        base_path: "",
        query: &[],
        name_key: "name",
        aliases: &[],
        create_method: Method::Post,
        commit_method: Method::Patch,
        patch_format: PatchFormat::Body,
        create_fields: &[],
        commit_fields: &[],
        max_microversion: None,
    };

    /// The base path with its URI parameters filled in (each value quoted as a path segment).
    pub fn path(&self, uri_params: &[(&str, &str)]) -> String {
        let mut path = self.base_path.to_owned();
        for (name, value) in uri_params {
            path = path.replace(&format!("{{{name}}}"), &quote_path(value));
        }
        path
    }

    /// `_query_mapping._transpose`: the known parameters, server-side names, in the mapping's order. A
    /// parameter given several times (an iterable value) is sent once per value, as `requests` does. Two client
    /// names for one server name (`project_id` and `tenant_id`) make one parameter, as the result is a dict: the
    /// later mapping's value in the earlier one's place.
    pub fn transpose(&self, params: &[Param]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (client, server) in self.query {
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
            if values.is_empty() {
                continue;
            }
            let at = out.iter().position(|(name, _)| name == server);
            out.retain(|(name, _)| name != server);
            let at = at.unwrap_or(out.len());
            let entries: Vec<(String, String)> = values
                .into_iter()
                .flatten()
                .map(|value| ((*server).to_owned(), value.clone()))
                .collect();
            out.splice(at..at, entries);
        }
        out
    }

    /// Whether the base path starts with the API version (`/v2/images`), the service's catalog endpoint having
    /// none (Glance's).
    pub fn versioned_base_path(&self) -> bool {
        let mut segments = self.base_path.trim_start_matches('/').split('/');
        segments.next().is_some_and(|first| {
            first.len() > 1
                && first.starts_with('v')
                && first[1..].chars().all(|c| c.is_ascii_digit() || c == '.')
        }) && segments.next().is_some()
    }

    /// Whether the class knows this query parameter (by its client-side name).
    pub fn knows_query(&self, name: &str) -> bool {
        self.query.iter().any(|(client, _)| *client == name)
    }

    /// The body key behind an attribute name (`is_enabled` → `enabled`); the name itself when not aliased.
    pub fn body_key<'a>(&self, attribute: &'a str) -> &'a str {
        self.aliases
            .iter()
            .find(|(name, _)| *name == attribute)
            .map_or(attribute, |(_, key)| key)
    }

    /// An attribute of a body by its attribute name (aliases resolved).
    pub fn attribute<'j>(&self, item: &'j Json, attribute: &str) -> Option<&'j Json> {
        item.get(self.body_key(attribute))
    }

    /// The resource inside an answer (`body[resource_key]`, or the body itself without that key).
    pub fn unwrap_body(&self, body: Json) -> Json {
        match body {
            Json::Object(mut map) if !self.key.is_empty() && map.contains_key(self.key) => {
                map.remove(self.key).unwrap_or(Json::Null)
            }
            other => other,
        }
    }

    /// The body create sends: the allowed fields (aliases resolved), under the resource key when there is one.
    pub fn create_body(&self, attrs: Map<String, Json>) -> Json {
        self.wrap(self.filter(attrs, self.create_fields))
    }

    /// The body a commit of `changes` sends: `{key: changes}`, or JSON-patch operations against `original`.
    pub fn commit_body(
        &self,
        original: Option<&Map<String, Json>>,
        changes: Map<String, Json>,
    ) -> Json {
        let changes = self.filter(changes, self.commit_fields);
        match self.patch_format {
            PatchFormat::Body => self.wrap(changes),
            PatchFormat::JsonPatch => json_patch(original, &changes),
        }
    }

    fn filter(&self, attrs: Map<String, Json>, allowed: &[&str]) -> Map<String, Json> {
        attrs
            .into_iter()
            .map(|(name, value)| (self.body_key(&name).to_owned(), value))
            .filter(|(key, _)| allowed.is_empty() || allowed.contains(&key.as_str()))
            .collect()
    }

    fn wrap(&self, attrs: Map<String, Json>) -> Json {
        if self.key.is_empty() {
            return Json::Object(attrs);
        }
        let mut body = Map::new();
        body.insert(self.key.to_owned(), Json::Object(attrs));
        Json::Object(body)
    }
}

/// `<base>/<id>` with the ID as `requests` would send it.
pub fn item_path(base: &str, id: &str) -> String {
    format!("{base}/{}", quote_path(id))
}

/// The JSON-patch operations openstacksdk's `_prepare_request(patch=True)` computes (`jsonpatch.make_patch` of
/// the original against the changed resource): `add` for a new key, `replace` for a changed one, `remove` for a
/// key set to null; unchanged keys are not sent.
pub fn json_patch(original: Option<&Map<String, Json>>, changes: &Map<String, Json>) -> Json {
    let empty = Map::new();
    let original = original.unwrap_or(&empty);
    let mut operations = Vec::new();
    for (key, value) in changes {
        let path = format!("/{}", key.replace('~', "~0").replace('/', "~1"));
        let op = match (original.get(key), value) {
            (Some(old), new) if old == new => continue,
            (Some(_), Json::Null) => serde_json::json!({"op": "remove", "path": path}),
            (None, Json::Null) => continue,
            (Some(_), new) => serde_json::json!({"op": "replace", "path": path, "value": new}),
            (None, new) => serde_json::json!({"op": "add", "path": path, "value": new}),
        };
        operations.push(op);
    }
    Json::Array(operations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::IMAGE;
    use serde_json::json;

    const USER: Resource = Resource {
        service: "identity",
        class: "User",
        key: "user",
        plural: "users",
        base_path: "/users",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("domain_id", "domain_id"),
            ("name", "name"),
            ("unique_id", "unique_id"),
            ("is_enabled", "enabled"),
            ("tenant_id", "domain_id"),
        ],
        aliases: &[("is_enabled", "enabled")],
        create_fields: &["name", "enabled", "domain_id"],
        ..Resource::DEFAULT
    };

    fn map(value: Json) -> Map<String, Json> {
        match value {
            Json::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn transpose_follows_the_mapping_order() {
        let params: Vec<Param> = vec![
            ("name", Some("x".to_owned())),
            ("domain_id", Some("d".to_owned())),
            ("bogus", Some("b".to_owned())),
            ("unique_id", None),
            ("enabled", Some("True".to_owned())),
        ];
        assert_eq!(
            USER.transpose(&params),
            vec![
                ("domain_id".to_owned(), "d".to_owned()),
                ("name".to_owned(), "x".to_owned()),
                ("enabled".to_owned(), "True".to_owned())
            ]
        );
    }

    #[test]
    fn uri_parameters_and_item_paths() {
        let credentials = Resource {
            base_path: "/users/{user_id}/application_credentials",
            ..USER
        };
        assert_eq!(
            credentials.path(&[("user_id", "a b")]),
            "/users/a%20b/application_credentials"
        );
        assert_eq!(item_path("/users", "x/y z"), "/users/x/y%20z");
        assert!(IMAGE.versioned_base_path() && !USER.versioned_base_path());
    }

    #[test]
    fn bodies_follow_keys_aliases_and_fields() {
        let attrs = map(json!({"name": "n", "is_enabled": true, "password": "s"}));
        assert_eq!(
            USER.create_body(attrs),
            json!({"user": {"name": "n", "enabled": true}})
        );
        assert_eq!(
            USER.attribute(&json!({"enabled": false}), "is_enabled"),
            Some(&json!(false))
        );
        assert_eq!(
            USER.unwrap_body(json!({"user": {"id": "1"}})),
            json!({"id": "1"})
        );
        assert_eq!(IMAGE.unwrap_body(json!({"id": "1"})), json!({"id": "1"}));
        let changes = map(json!({"name": "b"}));
        assert_eq!(
            USER.commit_body(None, changes),
            json!({"user": {"name": "b"}})
        );
    }

    #[test]
    fn image_commits_are_json_patches() {
        let original = map(json!({"name": "a", "min_ram": 0, "tags": [], "os_distro": "x"}));
        let changes = map(
            json!({"name": "b", "min_ram": 0, "visibility": "private", "os_distro": null, "gone": null}),
        );
        assert_eq!(
            IMAGE.commit_body(Some(&original), changes),
            json!([
                {"op": "replace", "path": "/name", "value": "b"},
                {"op": "add", "path": "/visibility", "value": "private"},
                {"op": "remove", "path": "/os_distro"}
            ])
        );
    }
}
