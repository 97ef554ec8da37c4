//! openstacksdk's `Resource._get_next_link`: where the next page of a list is, whatever way the service gives
//! it. Keystone and Glance answer with a link (`links: [{rel: next, href}]`, or `next: "/v2/images?marker=…"`),
//! Nova and Cinder with `servers_links`/`volumes_links`; without a link, a list asked with a `limit` is asked
//! again from the last item's ID (`marker`) until a page comes back short or empty.

use serde_json::Value as Json;

use crate::url::unquote;

/// Where the next page is: the URI (a path under the endpoint or an absolute URL) and the query parameters to
/// set; `None` when the list is complete.
pub type NextPage = Option<(String, Vec<(String, String)>)>;

/// The next page after `data`, fetched from `uri`; `plural` is the resources key (for `<plural>_links`),
/// `marker` the last item's ID, `limit` the page size asked for.
pub fn next_link(
    uri: &str,
    data: &Json,
    plural: &str,
    marker: Option<String>,
    limit: Option<&str>,
) -> NextPage {
    next_link_under(uri, data, plural, marker, limit, false)
}

/// [`next_link`] for a resource whose base path names the API version (`/v2/images` under Glance's unversioned
/// catalog endpoint): a relative `next` link then keeps its version, which openstacksdk drops only because its
/// endpoint already ends with it.
pub fn next_link_under(
    uri: &str,
    data: &Json,
    plural: &str,
    marker: Option<String>,
    limit: Option<&str>,
    keep_version: bool,
) -> NextPage {
    let mut link: Option<String> = None;
    if let Json::Object(map) = data {
        let links = map
            .get("links")
            .or_else(|| map.get(&format!("{plural}_links")));
        if let Some(Json::Array(links)) = links {
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
        // Glance's `next` is `/v2/images?marker=…`, relative to the unversioned endpoint: drop the version.
        if next.starts_with("/v") && !keep_version {
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
    // openstacksdk asks again from the last ID even after a short page: only an empty page ends the list.
    let limit = limit?;
    params.push((
        "marker".to_owned(),
        marker.unwrap_or_else(|| "None".to_owned()),
    ));
    params.push(("limit".to_owned(), limit.to_owned()));
    Some((uri.to_owned(), params))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keystone_links_and_markers() {
        let data = json!({"links": {"next": null, "self": "x"}, "projects": []});
        assert_eq!(
            next_link("/projects", &data, "projects", Some("m".into()), None),
            None
        );
        assert_eq!(
            next_link("/projects", &data, "projects", Some("m".into()), Some("1")),
            Some((
                "/projects".to_owned(),
                vec![
                    ("marker".to_owned(), "m".to_owned()),
                    ("limit".to_owned(), "1".to_owned())
                ]
            ))
        );
        let data =
            json!({"links": [{"rel": "next", "href": "http://h/v3/users?marker=a%3Ab&limit=2"}]});
        assert_eq!(
            next_link("/users", &data, "users", None, None),
            Some((
                "http://h/v3/users".to_owned(),
                vec![
                    ("marker".to_owned(), "a:b".to_owned()),
                    ("limit".to_owned(), "2".to_owned())
                ]
            ))
        );
    }

    #[test]
    fn nova_and_glance_links() {
        let data = json!({"servers": [{"id": "1"}], "servers_links": [{"rel": "next", "href": "http://h/v2.1/servers?limit=1&marker=1"}]});
        assert_eq!(
            next_link("/servers", &data, "servers", Some("1".into()), Some("1")),
            Some((
                "http://h/v2.1/servers".to_owned(),
                vec![
                    ("limit".to_owned(), "1".to_owned()),
                    ("marker".to_owned(), "1".to_owned())
                ]
            ))
        );
        let data = json!({"images": [], "next": "/v2/images?marker=abc&limit=2"});
        assert_eq!(
            next_link_under("/v2/images", &data, "images", None, None, true).map(|(uri, _)| uri),
            Some("/v2/images".to_owned())
        );
        assert_eq!(
            next_link("/v2/images", &data, "images", None, None),
            Some((
                "/images".to_owned(),
                vec![
                    ("marker".to_owned(), "abc".to_owned()),
                    ("limit".to_owned(), "2".to_owned())
                ]
            ))
        );
    }
}
