//! OSC's own object-store client, `openstackclient/api/object_store_v1.py` (`APIv1`): plain keystoneauth requests
//! to the catalog's `object-store` endpoint (the account URL), so a failure reads as keystoneauth words it
//! (`Not Found (HTTP 404) (Request-ID: tx…)`). Data comes back as the Python dicts the commands shape.

use cliff::Value;
use osc_lib::{ApiResponse, ClientManager, Method};
use serde_json::Value as Json;

use crate::pages::ListingPages;
use openstack_sdk::{Call, Failure, Res, Wording};

/// The catalog type of Swift.
pub const SERVICE: &str = "object-store";

/// `x-container-read` of `container create --public`: `GLOBAL_READ_ACL` and `LIST_CONTENTS_ACL`.
const PUBLIC_CONTAINER_ACLS: &str = ".r:*,.rlistings";

/// `urllib.parse.quote(text)`: everything but letters, digits, `_.-~` and `/` percent-encoded (UTF-8).
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' | b'/' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// `<container>/<object>`, each quoted, as every object call builds its path.
pub fn object_path(container: &str, object: &str) -> String {
    format!("{}/{}", quote(container), quote(object))
}

/// `KeystoneSession._request`'s URL: the endpoint without its trailing `/`, then the path without its leading
/// ones (the account itself when the path is empty).
pub fn url(cm: &mut ClientManager, path: &str) -> Res<String> {
    let endpoint = cm.endpoint(SERVICE)?;
    let endpoint = endpoint.trim_end_matches('/');
    Ok(if path.is_empty() {
        endpoint.to_owned()
    } else {
        format!("{endpoint}/{}", path.trim_start_matches('/'))
    })
}

/// A request to `path` under the account, failing in keystoneauth's words.
pub fn call(cm: &mut ClientManager, method: Method, path: &str) -> Res<Call> {
    Ok(Call::new(SERVICE, method, url(cm, path)?).wording(Wording::Keystoneauth))
}

/// `_find_account_id`: the last segment of the endpoint's path (`AUTH_<project id>`).
pub fn account_id(cm: &mut ClientManager) -> Res<String> {
    let endpoint = cm.endpoint(SERVICE)?;
    let after_scheme = endpoint.split_once("://").map_or("", |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    Ok(path.rsplit('/').next().unwrap_or("").to_owned())
}

/// A header of the answer as `requests` gives it (`None` when absent).
fn header(response: &ApiResponse, name: &str) -> Value {
    response.header(name).map_or(Value::Null, Value::str)
}

/// Python's `str.title()` over an ASCII header name: a letter after a non-letter goes upper case, any other lower.
/// Swift sends its metadata headers title-cased (`X-Container-Meta-Some_Key`) and the properties keep the case
/// of what follows the prefix; osc-lib hands over header names in lower case.
pub fn title(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut previous_cased = false;
    for c in name.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        previous_cased = c.is_alphabetic();
    }
    out
}

/// `_get_properties`: the headers starting with `prefix` (lower case), without it, in the order received.
fn properties(response: &ApiResponse, prefix: &str) -> Vec<(String, Value)> {
    response
        .headers
        .iter()
        .filter(|(name, _)| name.to_ascii_lowercase().starts_with(prefix))
        .map(|(name, value)| (title(name)[prefix.len()..].to_owned(), Value::str(value)))
        .collect()
}

/// osc-lib's `utils.is_ascii`.
fn is_ascii(text: &str) -> bool {
    text.is_ascii()
}

/// `_set_properties`: one header per property; a non-ASCII key or value is logged and skipped.
fn set_headers(properties: &[(String, String)], tag: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for (key, value) in properties {
        if !is_ascii(key) || !is_ascii(value) {
            log::error!("Cannot set property {key} to non-ascii value");
            continue;
        }
        let name = format!("{tag}{key}");
        match headers.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = value.clone(),
            None => headers.push((name, value.clone())),
        }
    }
    headers
}

/// `_unset_properties`: `<tag><key>: x` for each key.
fn unset_headers(keys: &[String], tag: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for key in keys {
        let name = format!("{tag}{key}");
        if !headers.iter().any(|(n, _)| *n == name) {
            headers.push((name, "x".to_owned()));
        }
    }
    headers
}

/// `BaseAPI.create(url, headers=...)`: a POST (or PUT) with headers only, when there are any.
fn post_headers(
    cm: &mut ClientManager,
    method: Method,
    path: &str,
    headers: Vec<(String, String)>,
) -> Res<()> {
    if headers.is_empty() {
        return Ok(());
    }
    let mut call = call(cm, method, path)?;
    call.headers = headers;
    call.send(cm).map(|_| ())
}

/// `container_create`: the `account`, `container` and `x-trans-id` of the new container.
pub fn container_create(
    cm: &mut ClientManager,
    container: &str,
    public: bool,
    storage_policy: Option<&str>,
) -> Res<Vec<(String, Value)>> {
    let mut call = call(cm, Method::Put, &quote(container))?;
    if public {
        call = call.header("x-container-read", PUBLIC_CONTAINER_ACLS);
    }
    if let Some(policy) = storage_policy {
        call = call.header("x-storage-policy", policy);
    }
    let response = call.send(cm)?;
    Ok(vec![
        ("account".to_owned(), Value::str(account_id(cm)?)),
        ("container".to_owned(), Value::str(container)),
        ("x-trans-id".to_owned(), header(&response, "x-trans-id")),
    ])
}

/// `container_delete` (nothing for an empty name, as OSC).
pub fn container_delete(cm: &mut ClientManager, container: &str) -> Res<()> {
    if container.is_empty() {
        return Ok(());
    }
    call(cm, Method::Delete, &quote(container))?
        .send(cm)
        .map(|_| ())
}

/// What a listing asks for: `limit`, `marker`, `end_marker`, `prefix`, `delimiter`, and whether to page through
/// everything (`full_listing`).
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Page through every page (`--all`).
    pub full: bool,
    /// `limit` (not sent when 0, Python's falsy test).
    pub limit: Option<i64>,
    /// `marker`.
    pub marker: Option<String>,
    /// `end_marker`.
    pub end_marker: Option<String>,
    /// `prefix`.
    pub prefix: Option<String>,
    /// `delimiter` (objects only).
    pub delimiter: Option<String>,
}

impl Listing {
    /// The query as `container_list`/`object_list` build it: `format=json` first, then the truthy ones.
    fn query(&self) -> Vec<(String, String)> {
        let mut query = vec![("format".to_owned(), "json".to_owned())];
        let mut add = |key: &str, value: Option<&str>| {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                query.push((key.to_owned(), value.to_owned()));
            }
        };
        add(
            "limit",
            self.limit
                .filter(|l| *l != 0)
                .map(|l| l.to_string())
                .as_deref(),
        );
        add("marker", self.marker.as_deref());
        add("end_marker", self.end_marker.as_deref());
        add("prefix", self.prefix.as_deref());
        add("delimiter", self.delimiter.as_deref());
        query
    }
}

/// One page of a listing of `path` (the account, or a container).
pub(crate) fn list_page(cm: &mut ClientManager, path: &str, listing: &Listing) -> Res<Vec<Json>> {
    let call = call(cm, Method::Get, path)?.query(listing.query());
    match call.json(cm)? {
        Json::Array(items) => Ok(items),
        Json::Null => Ok(Vec::new()),
        other => Err(Failure::command(format!(
            "Unexpected listing from {}: {other}",
            call.url(cm)
        ))),
    }
}

/// `container_list`: the account's containers (`name`, `count`, `bytes`...).
pub fn container_list(cm: &mut ClientManager, listing: &Listing) -> Res<Vec<Json>> {
    ListingPages::containers(listing).collect(cm)
}

/// `container_set`: `X-Container-Meta-<key>` headers.
pub fn container_set(
    cm: &mut ClientManager,
    container: &str,
    properties: &[(String, String)],
) -> Res<()> {
    let headers = set_headers(properties, "X-Container-Meta-");
    post_headers(cm, Method::Post, &quote(container), headers)
}

/// `container_unset`: `X-Remove-Container-Meta-<key>: x` headers.
pub fn container_unset(cm: &mut ClientManager, container: &str, keys: &[String]) -> Res<()> {
    let headers = unset_headers(keys, "X-Remove-Container-Meta-");
    post_headers(cm, Method::Post, &quote(container), headers)
}

/// `container_show`: the dict OSC builds from the HEAD answer (properties as pairs).
pub fn container_show(cm: &mut ClientManager, container: &str) -> Res<Vec<(String, Value)>> {
    let response = call(cm, Method::Head, &quote(container))?.send(cm)?;
    let mut data = vec![
        ("account".to_owned(), Value::str(account_id(cm)?)),
        ("container".to_owned(), Value::str(container)),
        (
            "object_count".to_owned(),
            header(&response, "x-container-object-count"),
        ),
        (
            "bytes_used".to_owned(),
            header(&response, "x-container-bytes-used"),
        ),
        (
            "storage_policy".to_owned(),
            header(&response, "x-storage-policy"),
        ),
    ];
    for (key, name) in [
        ("read_acl", "x-container-read"),
        ("write_acl", "x-container-write"),
        ("sync_to", "x-container-sync-to"),
        ("sync_key", "x-container-sync-key"),
    ] {
        if response.header(name).is_some() {
            data.push((key.to_owned(), header(&response, name)));
        }
    }
    let properties = properties(&response, "x-container-meta-");
    if !properties.is_empty() {
        data.push(("properties".to_owned(), Value::Dict(properties)));
    }
    Ok(data)
}

/// `object_delete`.
pub fn object_delete(cm: &mut ClientManager, container: &str, object: &str) -> Res<()> {
    call(cm, Method::Delete, &object_path(container, object))?
        .send(cm)
        .map(|_| ())
}

/// `object_list`: a container's objects (`name`, `bytes`, `hash`...; `subdir` entries under a delimiter).
pub fn object_list(cm: &mut ClientManager, container: &str, listing: &Listing) -> Res<Vec<Json>> {
    ListingPages::objects(container, listing).collect(cm)
}

/// `object_set`: `X-Object-Meta-<key>` headers.
pub fn object_set(
    cm: &mut ClientManager,
    container: &str,
    object: &str,
    properties: &[(String, String)],
) -> Res<()> {
    let headers = set_headers(properties, "X-Object-Meta-");
    post_headers(cm, Method::Post, &object_path(container, object), headers)
}

/// `object_unset`: `X-Remove-Object-Meta-<key>: x` headers.
pub fn object_unset(
    cm: &mut ClientManager,
    container: &str,
    object: &str,
    keys: &[String],
) -> Res<()> {
    let headers = unset_headers(keys, "X-Remove-Object-Meta-");
    post_headers(cm, Method::Post, &object_path(container, object), headers)
}

/// `object_show`: the dict OSC builds from the HEAD answer.
pub fn object_show(
    cm: &mut ClientManager,
    container: &str,
    object: &str,
) -> Res<Vec<(String, Value)>> {
    let response = call(cm, Method::Head, &object_path(container, object))?.send(cm)?;
    let mut data = vec![
        ("account".to_owned(), Value::str(account_id(cm)?)),
        ("container".to_owned(), Value::str(container)),
        ("object".to_owned(), Value::str(object)),
        ("content-type".to_owned(), header(&response, "content-type")),
    ];
    for name in [
        "content-length",
        "last-modified",
        "etag",
        "x-object-manifest",
    ] {
        if response.header(name).is_some() {
            data.push((name.to_owned(), header(&response, name)));
        }
    }
    let properties = properties(&response, "x-object-meta-");
    if !properties.is_empty() {
        data.push(("properties".to_owned(), Value::Dict(properties)));
    }
    Ok(data)
}

/// `account_set`: `X-Account-Meta-<key>` headers, POSTed to the account.
pub fn account_set(cm: &mut ClientManager, properties: &[(String, String)]) -> Res<()> {
    let headers = set_headers(properties, "X-Account-Meta-");
    post_headers(cm, Method::Post, "", headers)
}

/// `account_unset`: `X-Remove-Account-Meta-<key>: x` headers.
pub fn account_unset(cm: &mut ClientManager, keys: &[String]) -> Res<()> {
    let headers = unset_headers(keys, "X-Remove-Account-Meta-");
    post_headers(cm, Method::Post, "", headers)
}

/// `account_show`: properties (when any), `Containers`, `Objects`, `Bytes` and `Account`.
pub fn account_show(cm: &mut ClientManager) -> Res<Vec<(String, Value)>> {
    let response = call(cm, Method::Head, "")?.send(cm)?;
    let mut data = Vec::new();
    let properties = properties(&response, "x-account-meta-");
    if !properties.is_empty() {
        data.push(("properties".to_owned(), Value::Dict(properties)));
    }
    data.push((
        "Containers".to_owned(),
        header(&response, "x-account-container-count"),
    ));
    data.push((
        "Objects".to_owned(),
        header(&response, "x-account-object-count"),
    ));
    data.push((
        "Bytes".to_owned(),
        header(&response, "x-account-bytes-used"),
    ));
    data.push(("Account".to_owned(), Value::str(account_id(cm)?)));
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_as_python() {
        assert_eq!(quote("a b/c~d_e.f-g"), "a%20b/c~d_e.f-g");
        assert_eq!(quote("x:y?z#%é"), "x%3Ay%3Fz%23%25%C3%A9");
        assert_eq!(object_path("c 1", "/tmp/a b"), "c%201//tmp/a%20b");
    }

    #[test]
    fn title_as_python() {
        assert_eq!(title("x-container-meta-foo"), "X-Container-Meta-Foo");
        assert_eq!(
            title("x-object-meta-some_key2b"),
            "X-Object-Meta-Some_Key2B"
        );
    }

    #[test]
    fn property_headers() {
        let props = vec![
            ("a".to_owned(), "1".to_owned()),
            ("é".to_owned(), "2".to_owned()),
            ("b".to_owned(), "ü".to_owned()),
        ];
        assert_eq!(
            set_headers(&props, "X-Object-Meta-"),
            vec![("X-Object-Meta-a".to_owned(), "1".to_owned())]
        );
        assert_eq!(
            unset_headers(&["a".to_owned(), "a".to_owned()], "X-Remove-Account-Meta-"),
            vec![("X-Remove-Account-Meta-a".to_owned(), "x".to_owned())]
        );
    }

    #[test]
    fn listing_query_skips_falsy_values() {
        let listing = Listing {
            limit: Some(0),
            marker: Some(String::new()),
            end_marker: Some("z".to_owned()),
            prefix: Some("p".to_owned()),
            delimiter: Some("/".to_owned()),
            ..Listing::default()
        };
        assert_eq!(
            openstack_sdk::urlencode(&listing.query()),
            "format=json&end_marker=z&prefix=p&delimiter=%2F"
        );
    }

    fn scripted(answers: &[(u16, &str)]) -> openstack_sdk::testing::Scripted {
        openstack_sdk::testing::Scripted::new(answers).with_endpoint("http://swift/v1/AUTH_p1/")
    }

    #[test]
    fn full_listing_pages_from_the_last_name_until_an_empty_page() {
        let mock = scripted(&[
            (200, r#"[{"name": "a b"}, {"name": "c"}]"#),
            (200, r#"[{"name": "d"}]"#),
            (200, "[]"),
        ]);
        let mut cm = mock.manager();
        let listing = Listing {
            full: true,
            limit: Some(2),
            prefix: Some("p".to_owned()),
            ..Listing::default()
        };
        let names: Vec<Json> = container_list(&mut cm, &listing)
            .unwrap()
            .into_iter()
            .map(|c| c["name"].clone())
            .collect();
        assert_eq!(names, vec!["a b", "c", "d"]);
        assert_eq!(
            mock.sent(),
            vec![
                "GET http://swift/v1/AUTH_p1?format=json&limit=2&prefix=p",
                "GET http://swift/v1/AUTH_p1?format=json&limit=2&marker=c&prefix=p",
                "GET http://swift/v1/AUTH_p1?format=json&limit=2&marker=d&prefix=p",
            ]
        );
    }

    #[test]
    fn a_delimited_listing_pages_from_the_last_subdir() {
        let mock = scripted(&[(200, r#"[{"name": "a"}, {"subdir": "d/"}]"#), (200, "[]")]);
        let mut cm = mock.manager();
        let listing = Listing {
            full: true,
            delimiter: Some("/".to_owned()),
            ..Listing::default()
        };
        assert_eq!(object_list(&mut cm, "c 1", &listing).unwrap().len(), 2);
        assert_eq!(
            mock.sent(),
            vec![
                "GET http://swift/v1/AUTH_p1/c%201?format=json&delimiter=%2F",
                "GET http://swift/v1/AUTH_p1/c%201?format=json&marker=d%2F&delimiter=%2F",
            ]
        );
    }

    #[test]
    fn failures_read_as_keystoneauth_and_properties_keep_swifts_case() {
        let mock = scripted(&[(404, "")]);
        let mut cm = mock.manager();
        let err = container_show(&mut cm, "nope").unwrap_err();
        assert_eq!(err.to_string(), "Not Found (HTTP 404) (Request-ID: req-1)");
        assert_eq!(mock.sent(), vec!["HEAD http://swift/v1/AUTH_p1/nope"]);
        let mock = scripted(&[(204, "")]);
        let mut cm = mock.manager();
        account_set(&mut cm, &[("Book".to_owned(), "Moby Dick".to_owned())]).unwrap();
        assert_eq!(
            mock.sent(),
            vec!["POST http://swift/v1/AUTH_p1 [X-Account-Meta-Book: Moby Dick]"]
        );
        assert_eq!(account_id(&mut cm).unwrap(), "");
        let response = ApiResponse {
            status: 204,
            headers: vec![
                ("x-object-meta-color".to_owned(), "Red".to_owned()),
                ("content-type".to_owned(), "text/plain".to_owned()),
            ],
            body: Vec::new(),
        };
        assert_eq!(
            properties(&response, "x-object-meta-"),
            vec![("Color".to_owned(), Value::str("Red"))]
        );
    }
}
