//! The block-storage proxy as OSC's volume commands reach it (`sdk_connection.block_storage`): requests carry
//! the microversion openstacksdk would choose, and the generic operations (get, find, list, create, update,
//! delete, actions) read and fail as openstacksdk's do.

use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use openstack_sdk as sdk;
use openstack_sdk::microversion::{self, VersionInfo};
use openstack_sdk::pagination::next_link_under;
use openstack_sdk::{Call, Failure, Param, Res, Resource};

/// The catalog service type of Cinder.
pub const SERVICE: &str = "block-storage";

/// A Cinder class: the SDK declaration plus what the volume commands need of it.
#[derive(Debug, Clone, Copy)]
pub struct VolumeResource {
    /// The resource declaration (paths, keys, query mapping).
    pub sdk: Resource,
    /// `_max_microversion`: the highest microversion the class asks for when none was chosen.
    pub max_microversion: Option<&'static str>,
    /// The attributes `to_dict(original_names=True)` lists, in its order.
    pub fields: &'static [&'static str],
}

/// The microversion asked for with `--os-volume-api-version 3.x` (the adapter's `default_microversion`).
pub fn default_microversion(ctx: &mut ClientManager) -> Res<Option<String>> {
    let Some(requested) = ctx.api_version("volume").map(str::to_owned) else {
        return Ok(None);
    };
    microversion::negotiate(ctx, SERVICE, &requested)
}

fn server_range(ctx: &mut ClientManager) -> Res<Option<VersionInfo>> {
    microversion::discover(ctx, SERVICE)
}

fn parse(version: &str) -> (u64, u64) {
    osc_lib::catalog::parse_version(version).unwrap_or((0, 0))
}

/// `sdk_utils.supports_microversion(volume_client, version)`: the server's range holds it, and so does the
/// chosen default microversion, when there is one.
pub fn supports(ctx: &mut ClientManager, version: &str) -> Res<bool> {
    let wanted = parse(version);
    let Some(info) = server_range(ctx)? else {
        return Ok(false);
    };
    let (Some(min), Some(max)) = (info.min_microversion, info.max_microversion) else {
        return Ok(false);
    };
    if wanted < min || wanted > max {
        return Ok(false);
    }
    match default_microversion(ctx)? {
        Some(default) => Ok(parse(&default) >= wanted),
        None => Ok(true),
    }
}

/// OSC's usual refusal: `--os-volume-api-version <v> or greater is required to support the <what>`.
pub fn require(ctx: &mut ClientManager, version: &str, what: &str) -> Res<()> {
    if supports(ctx, version)? {
        return Ok(());
    }
    Err(Failure::command(format!(
        "--os-volume-api-version {version} or greater is required to support the {what}"
    )))
}

/// `Resource._get_microversion`: the default microversion, else the lower of the class's maximum and the
/// server's.
pub fn microversion_for(ctx: &mut ClientManager, max: Option<&str>) -> Res<Option<String>> {
    if let Some(default) = default_microversion(ctx)? {
        return Ok(Some(default));
    }
    let Some(max) = max else { return Ok(None) };
    let Some(info) = server_range(ctx)? else {
        return Ok(None);
    };
    let Some(server_max) = info.max_microversion else {
        return Ok(None);
    };
    if info.min_microversion.is_some_and(|min| parse(max) < min) {
        return Ok(None);
    }
    Ok(Some(microversion::version_to_string(
        parse(max).min(server_max),
    )))
}

/// A call to Cinder for a class, with the microversion its requests carry.
pub fn call(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    method: Method,
    path: &str,
) -> Res<Call> {
    let mut call = Call::new(SERVICE, method, path);
    if let Some(version) = microversion_for(ctx, res.max_microversion)? {
        call = call.microversion(&version);
    }
    Ok(call)
}

/// A call with no class behind it (an action, or OSC's own `api/volume_v3.py`): only the default microversion.
pub fn raw_call(ctx: &mut ClientManager, method: Method, path: &str) -> Res<Call> {
    let mut call = Call::new(SERVICE, method, path);
    if let Some(version) = default_microversion(ctx)? {
        call = call.microversion(&version);
    }
    Ok(call)
}

/// `Resource.fetch` through the proxy's `get_<class>`: a 404 reads "No <Class> found for <id>: ...".
pub fn get(ctx: &mut ClientManager, res: &VolumeResource, base: &str, id: &str) -> Res<Json> {
    let message = format!("No {} found for {id}", res.sdk.class);
    let body = call(ctx, res, Method::Get, &sdk::item_path(base, id))?
        .error_message(message)
        .json(ctx)?;
    Ok(res.sdk.unwrap_body(body))
}

/// `Resource.list` with openstacksdk's pagination (links, or marker and limit).
pub fn list(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    path: &str,
    params: &[Param],
    max_items: Option<usize>,
) -> Res<Vec<Json>> {
    let mut query = res.sdk.transpose(params);
    if let Some(max) = max_items.filter(|m| *m > 0) {
        if !query.iter().any(|(k, _)| k == "limit") {
            query.push(("limit".to_owned(), max.to_string()));
        }
    }
    let limit = query
        .iter()
        .find(|(k, _)| k == "limit")
        .map(|(_, v)| v.clone());
    let mut uri = path.to_owned();
    let mut items = Vec::new();
    loop {
        let mut data = call(ctx, res, Method::Get, &uri)?
            .query(query.clone())
            .json(ctx)?;
        query.retain(|(k, _)| k != "marker" && k != "limit");
        let page = match data.get_mut(res.sdk.plural).map(Json::take) {
            Some(Json::Array(list)) => list,
            Some(other) => vec![other],
            None => return Err(Failure::command(format!("'{}'", res.sdk.plural))),
        };
        if page.is_empty() {
            return Ok(items);
        }
        let mut marker = None;
        for raw in page {
            if max_items.is_some_and(|max| max > 0 && items.len() >= max) {
                return Ok(items);
            }
            marker = raw.get("id").map(sdk::json_text);
            items.push(raw);
        }
        let Some((next, next_params)) =
            next_link_under(&uri, &data, res.sdk.plural, marker, limit.as_deref(), false)
        else {
            return Ok(items);
        };
        for (key, value) in next_params {
            query.retain(|(k, _)| *k != key);
            query.push((key, value));
        }
        uri = next;
    }
}

/// `Resource.find`: the ID first (400, 403 and 404 move on), then the list (at `list_path`) filtered by name
/// and the given filters, matching `id` or `name`; two matches are a `DuplicateResource`.
pub fn find(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    list_path: &str,
    name_or_id: &str,
    params: &[Param],
    ignore_missing: bool,
) -> Res<Option<Json>> {
    let fetched = call(
        ctx,
        res,
        Method::Get,
        &sdk::item_path(res.sdk.base_path, name_or_id),
    )
    .and_then(|c| c.json(ctx));
    match fetched {
        Ok(found) => return Ok(Some(res.sdk.unwrap_body(found))),
        Err(failure) if matches!(failure.status(), Some(400 | 403 | 404)) => {}
        Err(failure) => return Err(failure),
    }
    let mut list_params: Vec<Param> = params.to_vec();
    if res.sdk.knows_query("name") {
        list_params.push(("name", Some(name_or_id.to_owned())));
    }
    let mut found: Option<Json> = None;
    for item in list(ctx, res, list_path, &list_params, None)? {
        let id = item.get("id").map(sdk::json_text);
        let name = item
            .get("name")
            .or_else(|| item.get(res.sdk.name_key))
            .and_then(Json::as_str);
        if id.as_deref() == Some(name_or_id) || name == Some(name_or_id) {
            if found.is_some() {
                return Err(Failure::Duplicate(format!(
                    "More than one {} exists with the name '{name_or_id}'.",
                    res.sdk.class
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
            res.sdk.class
        ))),
    }
}

/// `find(..., ignore_missing=False)` over the class's own collection.
pub fn find_one(ctx: &mut ClientManager, res: &VolumeResource, name_or_id: &str) -> Res<Json> {
    find_in(ctx, res, res.sdk.base_path, name_or_id, &[])
}

/// `find(..., ignore_missing=False)` listing at `list_path` (`/volumes/detail`) with filters.
pub fn find_in(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    list_path: &str,
    name_or_id: &str,
    params: &[Param],
) -> Res<Json> {
    find(ctx, res, list_path, name_or_id, params, false)?
        .ok_or_else(|| Failure::NotFound(format!("No {} found for {name_or_id}", res.sdk.class)))
}

/// `Resource.create`: POST to `path` with `{key: attrs}`.
pub fn create(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    path: &str,
    attrs: Map<String, Json>,
) -> Res<Json> {
    let body = res.sdk.create_body(attrs.clone());
    let answer = call(ctx, res, Method::Post, path)?.body(body).json(ctx)?;
    // openstacksdk's resource keeps what it sent; the answer's attributes replace those it has.
    let mut created = attrs;
    match res.sdk.unwrap_body(answer) {
        Json::Object(answer) => created.extend(answer),
        _ => return Ok(Json::Object(created)),
    }
    Ok(Json::Object(created))
}

/// `Resource.commit` of a PUT class: `{key: changes}` to `path`; nothing is sent without changes.
pub fn update(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    path: &str,
    changes: Map<String, Json>,
) -> Res<Option<Json>> {
    if changes.is_empty() {
        return Ok(None);
    }
    let body = res.sdk.create_body(changes);
    let answer = call(ctx, res, Method::Put, path)?.body(body).json(ctx)?;
    Ok(Some(res.sdk.unwrap_body(answer)))
}

/// The proxy's `delete_<class>`: DELETE `path`, a 404 ignored when `ignore_missing`.
pub fn delete(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    path: &str,
    ignore_missing: bool,
) -> Res<()> {
    match call(ctx, res, Method::Delete, path)?.send(ctx) {
        Ok(_) => Ok(()),
        Err(failure) if ignore_missing && failure.status() == Some(404) => Ok(()),
        Err(failure) => Err(failure),
    }
}

/// `_action`: POST `{name: body}` to `<base>/<id>/action`, with the class's microversion.
pub fn action(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    id: &str,
    name: &str,
    body: Json,
) -> Res<Json> {
    let path = format!("{}/action", sdk::item_path(res.sdk.base_path, id));
    let mut wrapped = Map::new();
    wrapped.insert(name.to_owned(), body);
    call(ctx, res, Method::Post, &path)?
        .body(Json::Object(wrapped))
        .json(ctx)
}

/// `to_dict(original_names=True)`: every attribute of the class, `None` when the answer lacks it.
pub fn to_dict(res: &VolumeResource, item: &Json) -> Vec<(String, Json)> {
    res.fields
        .iter()
        .map(|field| {
            let value = item.get(*field).cloned().unwrap_or(Json::Null);
            ((*field).to_owned(), value)
        })
        .collect()
}

/// `set_<class>_metadata`: POST `{"metadata": ...}` to `<base>/<id>/metadata`.
pub fn set_metadata(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    id: &str,
    metadata: Map<String, Json>,
) -> Res<()> {
    let path = format!("{}/metadata", sdk::item_path(res.sdk.base_path, id));
    let mut body = Map::new();
    body.insert("metadata".to_owned(), Json::Object(metadata));
    call(ctx, res, Method::Post, &path)?
        .body(Json::Object(body))
        .send(ctx)
        .map(|_| ())
}

/// `delete_<class>_metadata(id, keys)`: one DELETE of `<base>/<id>/metadata/<key>` per key.
pub fn delete_metadata(
    ctx: &mut ClientManager,
    res: &VolumeResource,
    id: &str,
    keys: &[String],
) -> Res<()> {
    for key in keys {
        let path = format!(
            "{}/metadata/{}",
            sdk::item_path(res.sdk.base_path, id),
            sdk::quote_path(key)
        );
        call(ctx, res, Method::Delete, &path)?.send(ctx)?;
    }
    Ok(())
}

/// The keys of a resource's `metadata`.
pub fn metadata_keys(item: &Json) -> Vec<String> {
    item.get("metadata")
        .and_then(Json::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// `to_dict()`: like [`to_dict`] but with the attribute names openstacksdk gives some body keys
/// (`renames`: body key → attribute name, as `is_public = Body('os-volume-type-access:is_public')`).
pub fn to_dict_as(
    res: &VolumeResource,
    item: &Json,
    renames: &[(&str, &str)],
) -> Vec<(String, Json)> {
    to_dict(res, item)
        .into_iter()
        .map(
            |(key, value)| match renames.iter().find(|(body, _)| *body == key) {
                // A body key named as the attribute wins (Cinder answers `attached_at`, the class reads
                // `attach_time`; openstacksdk shows the former).
                Some((_, name)) => (
                    (*name).to_owned(),
                    item.get(*name).cloned().unwrap_or(value),
                ),
                None => (key, value),
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::VOLUME;
    use openstack_sdk::testing::Scripted;

    const VERSIONS: &str = r#"{"versions": [{"id": "v3.0", "status": "CURRENT", "version": "3.71", "min_version": "3.0", "links": []}]}"#;

    #[test]
    fn microversion_is_the_class_maximum_then_refusals_follow_the_default() {
        let t = Scripted::new(&[
            (401, r#"{"error": {"code": 401}}"#),
            (200, VERSIONS),
            (
                404,
                r#"{"itemNotFound": {"code": 404, "message": "Volume x could not be found."}}"#,
            ),
        ])
        .with_endpoint("http://cinder/v3");
        let mut cm = t.manager();
        assert_eq!(
            microversion_for(&mut cm, Some("3.65")).unwrap().as_deref(),
            Some("3.65")
        );
        assert_eq!(
            microversion_for(&mut cm, Some("3.99")).unwrap().as_deref(),
            Some("3.71")
        );
        assert_eq!(microversion_for(&mut cm, None).unwrap(), None);
        assert!(supports(&mut cm, "3.40").unwrap());
        assert!(!supports(&mut cm, "3.80").unwrap());
        let failure = get(&mut cm, &VOLUME, "/volumes", "x").unwrap_err();
        assert_eq!(
            failure.to_string(),
            "No Volume found for x: Client Error for url: http://cinder/v3/volumes/x, Volume x could not be found."
        );
        let sent = t.sent();
        assert_eq!(sent.len(), 3, "{sent:?}");
        assert!(sent[2].starts_with("GET /volumes/x"), "{sent:?}");
        cm.set_api_version("volume", "3.10");
        assert!(!supports(&mut cm, "3.12").unwrap());
        let refused = require(&mut cm, "3.12", "'volume summary' command").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "--os-volume-api-version 3.12 or greater is required to support the 'volume summary' command"
        );
        assert_eq!(
            microversion_for(&mut cm, Some("3.71")).unwrap().as_deref(),
            Some("3.10")
        );
    }

    #[test]
    fn find_falls_back_to_the_list_and_refuses_duplicates() {
        let t = Scripted::new(&[
            (401, "{}"),
            (200, VERSIONS),
            (404, r#"{"itemNotFound": {"code": 404, "message": "gone"}}"#),
            (
                200,
                r#"{"volumes": [{"id": "1", "name": "v"}, {"id": "2", "name": "v"}]}"#,
            ),
        ])
        .with_endpoint("http://cinder/v3");
        let failure = find_in(&mut t.manager(), &VOLUME, "/volumes/detail", "v", &[]).unwrap_err();
        assert!(failure.is_duplicate());
        assert_eq!(
            failure.to_string(),
            "More than one Volume exists with the name 'v'."
        );
        assert!(
            t.sent()[3].starts_with("GET /volumes/detail?name=v"),
            "{:?}",
            t.sent()
        );
    }
}
