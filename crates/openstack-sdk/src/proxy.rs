//! The generic operations of openstacksdk's `Resource` and `Proxy`: fetch, list with pagination, find by ID then
//! by name, create, commit, delete and head, with the same requests and failures as openstacksdk 4.22.

use osc_lib::{ApiResponse, ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::call::Call;
use crate::failure::{Failure, Res};
use crate::pages::Pages;
use crate::resource::{item_path, Param, PatchFormat, Resource, JSON_PATCH};

/// A call for the class, with the microversion its requests carry (openstacksdk's `_get_microversion`).
pub fn versioned(
    cm: &mut ClientManager,
    resource: &Resource,
    method: Method,
    path: String,
) -> Res<Call> {
    let call = Call::new(resource.service, method, path);
    Ok(match crate::microversion::for_resource(cm, resource)? {
        Some(version) => call.microversion(&version),
        None => call,
    })
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
    let mut call = versioned(cm, resource, Method::Get, item_path(base, id))?.query(query);
    if let Some(message) = error_message {
        call = call.error_message(message);
    }
    Ok(resource.unwrap_body(call.json(cm)?))
}

/// The proxy's `get_<resource>(id)`: a fetch whose 404 reads "No <Class> found for <id>: ...".
pub fn get(cm: &mut ClientManager, resource: &Resource, base: &str, id: &str) -> Res<Json> {
    let message = format!("No {} found for {id}", resource.class);
    fetch(cm, resource, base, id, &[], Some(message))
}

/// `Resource.head`: HEAD `<base>/<id>`; the answer's headers are the resource (Swift's objects, Glance's data).
pub fn head(cm: &mut ClientManager, resource: &Resource, base: &str, id: &str) -> Res<ApiResponse> {
    versioned(cm, resource, Method::Head, item_path(base, id))?.send(cm)
}

/// `Resource.list`: GET the collection with the known parameters, following pages as openstacksdk does
/// (see [`crate::pagination`]), and stopping after `max_items`.
pub fn list(
    cm: &mut ClientManager,
    resource: &Resource,
    base: &str,
    params: &[Param],
    max_items: Option<usize>,
) -> Res<Vec<Json>> {
    let mut pages = Pages::new(resource, base, params, max_items);
    let mut items = Vec::new();
    while let Some(page) = pages.next_page(cm)? {
        items.extend(page);
    }
    Ok(items)
}

pub(crate) fn set_param(query: &mut Vec<(String, String)>, key: &str, value: String) {
    match query.iter_mut().find(|(k, _)| k == key) {
        Some(entry) => entry.1 = value,
        None => query.push((key.to_owned(), value)),
    }
}

/// The next link's parameters over the query: a key the link repeats (Neutron's `fields=a&fields=b`) replaces
/// every value of that key, in the place of the first.
pub(crate) fn set_params(query: &mut Vec<(String, String)>, next: Vec<(String, String)>) {
    let mut keys: Vec<&str> = Vec::new();
    for (key, _) in &next {
        if !keys.contains(&key.as_str()) {
            keys.push(key);
        }
    }
    for key in keys {
        let values: Vec<(String, String)> =
            next.iter().filter(|(k, _)| k == key).cloned().collect();
        if values.len() == 1 {
            set_param(query, key, values[0].1.clone());
            continue;
        }
        let at = query.iter().position(|(k, _)| k == key);
        query.retain(|(k, _)| k != key);
        let at = at.unwrap_or(query.len());
        query.splice(at..at, values);
    }
}

pub(crate) fn take_param(query: &mut Vec<(String, String)>, key: &str) -> Option<String> {
    let index = query.iter().position(|(k, _)| k == key)?;
    Some(query.remove(index).1)
}

/// `Resource.find`: the ID first (a 400, 403 or 404 moves on), then the list filtered by name (when the class
/// knows a `name` query parameter) and by the given filters, matching `id` or the class's `name`. Two matches
/// are a `DuplicateResource`; `ignore_missing=false` turns a miss into "No <Class> found for <x>".
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
    if resource.knows_query("name") && !list_params.iter().any(|(name, _)| *name == "name") {
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

/// `find(..., ignore_missing=False)`: the resource or openstacksdk's `ResourceNotFound`.
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

/// `Resource.create`: `method` (POST to the collection, or PUT to `<base>/<id>` for classes created by ID) with
/// the body [`Resource::create_body`] builds.
pub fn create(
    cm: &mut ClientManager,
    resource: &Resource,
    method: Method,
    path: &str,
    attrs: Map<String, Json>,
) -> Res<Json> {
    let answer = versioned(cm, resource, method, path.to_owned())?
        .body(resource.create_body(attrs))
        .json(cm)?;
    Ok(resource.unwrap_body(answer))
}

/// `Resource.commit`: nothing is sent when nothing changed (and the answer is `None`); otherwise the class's
/// `commit_method` with `{key: changes}`, or a JSON-patch against `original` (Glance).
pub fn commit(
    cm: &mut ClientManager,
    resource: &Resource,
    path: &str,
    original: Option<&Map<String, Json>>,
    changes: Map<String, Json>,
) -> Res<Option<Json>> {
    if changes.is_empty() {
        return Ok(None);
    }
    let body = resource.commit_body(original, changes);
    if body.as_array().is_some_and(Vec::is_empty) {
        return Ok(None);
    }
    let mut call = versioned(cm, resource, resource.commit_method, path.to_owned())?;
    call = match resource.patch_format {
        PatchFormat::Body => call.body(body),
        // The body is sent as given: `Body::Json` would set `application/json`, which Glance refuses.
        PatchFormat::JsonPatch => call.header("Content-Type", JSON_PATCH).body(body),
    };
    let answer = call.json(cm)?;
    Ok(Some(resource.unwrap_body(answer)))
}

/// `Resource.commit` with PATCH and a body, whatever the class declares (identity's `update_*`).
pub fn update(
    cm: &mut ClientManager,
    resource: &Resource,
    path: &str,
    attrs: Map<String, Json>,
) -> Res<Option<Json>> {
    let patch = Resource {
        commit_method: Method::Patch,
        patch_format: PatchFormat::Body,
        ..*resource
    };
    commit(cm, &patch, path, None, attrs)
}

/// The proxy's `delete_<resource>`: DELETE, a 404 ignored unless `ignore_missing` is false.
pub fn delete(
    cm: &mut ClientManager,
    resource: &Resource,
    path: &str,
    ignore_missing: bool,
) -> Res<()> {
    match versioned(cm, resource, Method::Delete, path.to_owned())?.send(cm) {
        Ok(_) => Ok(()),
        Err(failure) if ignore_missing && failure.status() == Some(404) => Ok(()),
        Err(failure) => Err(failure),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Scripted, IMAGE, SERVER};
    use serde_json::json;

    #[test]
    fn marker_pagination_over_three_pages() {
        let t = Scripted::new(&[
            (200, r#"{"servers": [{"id": "a"}, {"id": "b"}]}"#),
            (200, r#"{"servers": [{"id": "c"}, {"id": "d"}]}"#),
            (200, r#"{"servers": [{"id": "e"}]}"#),
            (200, r#"{"servers": []}"#),
        ]);
        let items = list(
            &mut t.manager(),
            &SERVER,
            "/servers",
            &[("limit", Some("2".into()))],
            None,
        )
        .unwrap();
        let ids: Vec<String> = items.iter().map(crate::id_of).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e"]);
        assert_eq!(
            t.sent(),
            [
                "GET /servers?limit=2",
                "GET /servers?marker=b&limit=2",
                "GET /servers?marker=d&limit=2",
                "GET /servers?marker=e&limit=2"
            ]
        );
    }

    #[test]
    fn link_pagination_and_max_items() {
        let t = Scripted::new(&[
            (
                200,
                r#"{"images": [{"id": "a"}], "next": "/v2/images?marker=a"}"#,
            ),
            (
                200,
                r#"{"images": [{"id": "b"}], "next": "/v2/images?marker=b"}"#,
            ),
            (200, r#"{"images": [{"id": "c"}]}"#),
        ]);
        let items = list(&mut t.manager(), &IMAGE, "/v2/images", &[], None).unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(
            t.sent(),
            [
                "GET /v2/images",
                "GET /v2/images?marker=a",
                "GET /v2/images?marker=b"
            ]
        );
        let t = Scripted::new(&[(
            200,
            r#"{"servers": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}"#,
        )]);
        let items = list(&mut t.manager(), &SERVER, "/servers", &[], Some(2)).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(t.sent(), ["GET /servers?limit=2"]);
    }

    #[test]
    fn repeated_parameters_of_a_next_link_replace_all_values() {
        let mut query = vec![
            ("fields".to_owned(), "id".to_owned()),
            ("fields".to_owned(), "name".to_owned()),
            ("limit".to_owned(), "1".to_owned()),
        ];
        let next = vec![
            ("fields".to_owned(), "id".to_owned()),
            ("fields".to_owned(), "name".to_owned()),
            ("limit".to_owned(), "1".to_owned()),
            ("marker".to_owned(), "a".to_owned()),
        ];
        set_params(&mut query, next);
        assert_eq!(
            urlencode_pairs(&query),
            "fields=id&fields=name&limit=1&marker=a"
        );
    }

    fn urlencode_pairs(query: &[(String, String)]) -> String {
        query
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    #[test]
    fn endless_pagination_is_refused() {
        let t = Scripted::new(&[
            (
                200,
                r#"{"servers": [{"id": "a"}], "servers_links": [{"rel": "next", "href": "http://compute/v1/servers?marker=a"}]}"#,
            ),
            (
                200,
                r#"{"servers": [{"id": "a"}], "servers_links": [{"rel": "next", "href": "http://compute/v1/servers?marker=a"}]}"#,
            ),
        ]);
        let failure = list(&mut t.manager(), &SERVER, "/servers", &[], None).unwrap_err();
        assert_eq!(
            failure.to_string(),
            "Endless pagination loop detected, aborting"
        );
    }

    #[test]
    fn find_by_id_then_name_with_duplicates() {
        let missing =
            r#"{"itemNotFound": {"code": 404, "message": "Instance web could not be found."}}"#;
        let t = Scripted::new(&[
            (404, missing),
            (
                200,
                r#"{"servers": [{"id": "1", "name": "web"}, {"id": "2", "name": "web"}]}"#,
            ),
        ]);
        let failure = find(&mut t.manager(), &SERVER, "/servers", "web", &[], false).unwrap_err();
        assert!(failure.is_duplicate());
        assert_eq!(
            failure.to_string(),
            "More than one Server exists with the name 'web'."
        );
        assert_eq!(t.sent(), ["GET /servers/web", "GET /servers?name=web"]);
        let t = Scripted::new(&[(404, missing), (200, r#"{"servers": []}"#)]);
        let failure = find_one(&mut t.manager(), &SERVER, "/servers", "web", &[]).unwrap_err();
        assert!(failure.is_not_found());
        assert_eq!(failure.to_string(), "No Server found for web");
        let t = Scripted::new(&[(200, r#"{"server": {"id": "1", "name": "web"}}"#)]);
        let found = find_one(&mut t.manager(), &SERVER, "/servers", "1", &[]).unwrap();
        assert_eq!(found, json!({"id": "1", "name": "web"}));
    }

    #[test]
    fn errors_name_the_url() {
        let t = Scripted::new(&[(
            404,
            r#"{"itemNotFound": {"code": 404, "message": "Instance x could not be found."}}"#,
        )]);
        let failure = get(&mut t.manager(), &SERVER, "/servers", "x").unwrap_err();
        assert_eq!(
            failure.to_string(),
            "No Server found for x: Client Error for url: http://compute/v1/servers/x, Instance x could not be found."
        );
        let t = Scripted::new(&[(
            409,
            r#"{"conflictingRequest": {"code": 409, "message": "busy"}}"#,
        )]);
        let failure = delete(&mut t.manager(), &SERVER, "/servers/x", true).unwrap_err();
        assert!(failure.is_conflict());
        assert_eq!(
            failure.to_string(),
            "ConflictException: 409: Client Error for url: http://compute/v1/servers/x, busy"
        );
        let t = Scripted::new(&[(404, "")]);
        assert!(delete(&mut t.manager(), &SERVER, "/servers/x", true).is_ok());
    }

    #[test]
    fn create_commit_and_head() {
        let t = Scripted::new(&[
            (202, r#"{"server": {"id": "1"}}"#),
            (200, r#"{"id": "i", "name": "b"}"#),
            (200, ""),
        ]);
        let mut cm = t.manager();
        let mut attrs = Map::new();
        attrs.insert("name".into(), json!("web"));
        let created = create(&mut cm, &SERVER, Method::Post, "/servers", attrs).unwrap();
        assert_eq!(created, json!({"id": "1"}));
        let original = json!({"name": "a"});
        let mut changes = Map::new();
        changes.insert("name".into(), json!("b"));
        let committed = commit(
            &mut cm,
            &IMAGE,
            "/v2/images/i",
            original.as_object(),
            changes,
        )
        .unwrap();
        assert_eq!(committed, Some(json!({"id": "i", "name": "b"})));
        assert!(head(&mut cm, &IMAGE, "/v2/images", "i").is_ok());
        assert_eq!(
            t.sent(),
            [
                r#"POST /servers {"server":{"name":"web"}}"#,
                r#"PATCH /v2/images/i [{"op":"replace","path":"/name","value":"b"}] [Content-Type: application/openstack-images-v2.1-json-patch]"#,
                "HEAD /v2/images/i"
            ]
        );
        // Nothing changed: nothing sent.
        assert_eq!(
            commit(&mut cm, &IMAGE, "/v2/images/i", None, Map::new()).unwrap(),
            None
        );
    }
}
