//! The service catalog of a Keystone v3 token: endpoint selection by service type (with the official aliases of
//! os-service-types), interface and region, with keystoneauth's messages; and version discovery of an endpoint.

use cliff::{Error, Result};
use serde_json::Value as Json;

use crate::clientmanager::Method;
use crate::http::{HttpClient, Request};

/// Official service types that have aliases, with their aliases in preference order (os-service-types 1.9.0,
/// service-types-authority data of 2024-05-08). Types without aliases need no entry: they only match themselves.
const SERVICE_TYPE_ALIASES: [(&str, &[&str]); 19] = [
    ("clustering", &["resource-cluster", "cluster"]),
    ("baremetal", &["bare-metal"]),
    ("resource-optimization", &["infra-optim"]),
    ("message", &["messaging"]),
    (
        "container-infrastructure-management",
        &["container-infrastructure", "container-infra"],
    ),
    ("workflow", &["workflowv2"]),
    ("operator-policy", &["policy"]),
    ("shared-file-system", &["sharev2", "share"]),
    (
        "block-storage",
        &["volumev3", "volumev2", "volume", "block-store"],
    ),
    ("alarm", &["alarming"]),
    ("meter", &["metering", "telemetry"]),
    ("event", &["events"]),
    ("application-deployment", &["application_deployment"]),
    ("multi-region-network-automation", &["tricircle"]),
    ("application-container", &["container"]),
    ("root-cause-analysis", &["rca"]),
    ("monitoring-logging", &["monitoring-log-api"]),
    ("instance-ha", &["ha"]),
    ("admin-logic", &["registration"]),
];

fn normalize_type(service_type: &str) -> String {
    service_type.replace('_', "-")
}

/// The aliases of an official service type (`block-storage` → `volumev3`, `volumev2`, `volume`, `block-store`).
pub fn service_type_aliases(service_type: &str) -> &'static [&'static str] {
    let service_type = normalize_type(service_type);
    SERVICE_TYPE_ALIASES
        .iter()
        .find(|(official, _)| *official == service_type)
        .map_or(&[], |(_, aliases)| aliases)
}

/// The official type of an alias (`volumev3` → `block-storage`); an official type with aliases maps to itself.
pub fn official_service_type(service_type: &str) -> Option<&'static str> {
    let service_type = normalize_type(service_type);
    SERVICE_TYPE_ALIASES
        .iter()
        .find(|(official, aliases)| {
            *official == service_type || aliases.contains(&service_type.as_str())
        })
        .map(|(official, _)| *official)
}

/// The official type followed by its aliases, or the type alone when it has none.
pub fn all_service_types(service_type: &str) -> Vec<String> {
    match official_service_type(service_type) {
        Some(official) => std::iter::once(official)
            .chain(service_type_aliases(official).iter().copied())
            .map(str::to_owned)
            .collect(),
        None => vec![normalize_type(service_type)],
    }
}

/// os-service-types' `is_match`: the requested type matches a catalog type when they are equal, when the catalog
/// has the official type of a requested alias, or an alias of a requested official type (never alias to alias).
pub fn service_type_matches(requested: &str, found: &str) -> bool {
    if requested == found {
        return true;
    }
    if service_type_aliases(found).contains(&requested) {
        return true;
    }
    let found_official = if service_type_aliases(found).is_empty() {
        official_service_type(found).map(str::to_owned)
    } else {
        Some(normalize_type(found))
    };
    found_official.as_deref() == Some(requested)
}

/// keystoneauth's interface normalisation for a v3 catalog: `publicURL` → `public`.
pub fn normalize_interface(interface: &str) -> &str {
    interface.trim_end_matches(['U', 'R', 'L'])
}

/// One endpoint of a catalog service.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    /// The endpoint id.
    pub id: Option<String>,
    /// `public`, `internal` or `admin`.
    pub interface: Option<String>,
    /// `region_id`, or the older `region`.
    pub region: Option<String>,
    /// The URL (entries without one are never selected).
    pub url: Option<String>,
}

/// One service of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// The service id.
    pub id: Option<String>,
    /// The service name (`keystone`).
    pub name: Option<String>,
    /// The service type as registered (`identity`, `volumev3`).
    pub service_type: String,
    /// Its endpoints, in catalog order.
    pub endpoints: Vec<Endpoint>,
}

/// A token's service catalog.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    services: Vec<Service>,
}

fn json_str(value: &Json, key: &str) -> Option<String> {
    value.get(key).and_then(Json::as_str).map(str::to_owned)
}

impl Catalog {
    /// The catalog from a token's `catalog` list; services without a type are skipped, as keystoneauth does.
    pub fn from_json(catalog: &Json) -> Catalog {
        let services = catalog
            .as_array()
            .map(|services| {
                services
                    .iter()
                    .filter_map(|service| {
                        Some(Service {
                            id: json_str(service, "id"),
                            name: json_str(service, "name"),
                            service_type: json_str(service, "type")?,
                            endpoints: service
                                .get("endpoints")
                                .and_then(Json::as_array)
                                .map(|endpoints| {
                                    endpoints
                                        .iter()
                                        .map(|endpoint| Endpoint {
                                            id: json_str(endpoint, "id"),
                                            interface: json_str(endpoint, "interface"),
                                            region: json_str(endpoint, "region_id")
                                                .filter(|region| !region.is_empty())
                                                .or_else(|| json_str(endpoint, "region")),
                                            url: json_str(endpoint, "url"),
                                        })
                                        .collect()
                                })
                                .unwrap_or_default(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Catalog { services }
    }

    /// The services, in catalog order.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// Whether the catalog has no service at all.
    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
    }

    /// keystoneauth's `get_endpoints_data`: the matching endpoints grouped by catalog service type (in catalog
    /// order), narrowed to one type when several aliases of the requested type are present.
    pub fn endpoints(
        &self,
        service_type: Option<&str>,
        interface: Option<&str>,
        region_name: Option<&str>,
        service_name: Option<&str>,
    ) -> Vec<(String, Vec<(&Service, &Endpoint)>)> {
        let interface = interface
            .filter(|interface| !interface.is_empty())
            .map(normalize_interface);
        let mut matching: Vec<(String, Vec<(&Service, &Endpoint)>)> = Vec::new();
        for service in &self.services {
            if let Some(requested) = service_type {
                if !service_type_matches(requested, &service.service_type) {
                    continue;
                }
            }
            if let (Some(wanted), Some(name)) = (service_name, service.name.as_deref()) {
                if !name.is_empty() && wanted != name {
                    continue;
                }
            }
            let index = match matching
                .iter()
                .position(|(kind, _)| *kind == service.service_type)
            {
                Some(index) => index,
                None => {
                    matching.push((service.service_type.clone(), Vec::new()));
                    matching.len() - 1
                }
            };
            for endpoint in &service.endpoints {
                if let Some(wanted) = interface {
                    if endpoint.interface.as_deref() != Some(wanted) {
                        continue;
                    }
                }
                if let Some(wanted) = region_name.filter(|region| !region.is_empty()) {
                    if endpoint.region.as_deref() != Some(wanted) {
                        continue;
                    }
                }
                if endpoint.url.as_deref().is_none_or(str::is_empty) {
                    continue;
                }
                matching[index].1.push((service, endpoint));
            }
        }
        match service_type {
            Some(requested)
                if official_service_type(requested).is_some() && matching.len() >= 2 =>
            {
                let preferred = all_service_types(requested);
                let requested_first = std::iter::once(requested.to_owned()).chain(preferred);
                for kind in requested_first {
                    if let Some(position) = matching
                        .iter()
                        .position(|(found, endpoints)| *found == kind && !endpoints.is_empty())
                    {
                        return vec![matching.swap_remove(position)];
                    }
                }
                Vec::new()
            }
            _ => matching,
        }
    }

    /// The URL of the first matching endpoint; keystoneauth's `EndpointNotFound` messages otherwise
    /// (`public endpoint for compute service in RegionOne region not found`).
    pub fn url_for(
        &self,
        service_type: &str,
        interface: &str,
        region_name: Option<&str>,
        service_name: Option<&str>,
    ) -> Result<String> {
        if self.services.is_empty() {
            return Err(Error::command("The service catalog is empty."));
        }
        let found = self
            .endpoints(
                Some(service_type),
                Some(interface),
                region_name,
                service_name,
            )
            .into_iter()
            .flat_map(|(_, endpoints)| endpoints)
            .find_map(|(_, endpoint)| endpoint.url.clone());
        if let Some(url) = found {
            return Ok(url);
        }
        let region_name = region_name.filter(|region| !region.is_empty());
        let message = match (service_name, region_name) {
            (Some(name), Some(region)) => format!(
                "{interface} endpoint for {service_type} service named {name} in {region} region not found"
            ),
            (Some(name), None) => {
                format!("{interface} endpoint for {service_type} service named {name} not found")
            }
            (None, Some(region)) => {
                format!("{interface} endpoint for {service_type} service in {region} region not found")
            }
            (None, None) => format!("{interface} endpoint for {service_type} service not found"),
        };
        Err(Error::command(message))
    }
}

/// One API version an endpoint offers, from its version discovery document.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionData {
    /// Major and minor version (`v3.14` → `(3, 14)`).
    pub version: (u64, u64),
    /// The version's own URL (its `self` link, made absolute against the discovery URL).
    pub url: String,
    /// `CURRENT`, `SUPPORTED`, `DEPRECATED`, `EXPERIMENTAL` or `UNKNOWN`.
    pub status: String,
    /// The status as the server wrote it.
    pub raw_status: String,
    /// The lowest microversion, if the version has microversions.
    pub min_microversion: Option<String>,
    /// The highest microversion (`max_version`, else `version`).
    pub max_microversion: Option<String>,
}

/// keystoneauth's `normalize_version_number` for the usual forms: `v3`, `v3.14`, `2.1`, `3`.
pub fn parse_version(text: &str) -> Option<(u64, u64)> {
    let text = text.trim().trim_start_matches('v');
    let mut parts = text.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = match parts.next() {
        Some(minor) => minor.parse().ok()?,
        None => 0,
    };
    Some((major, minor))
}

/// keystoneauth's `_version_from_url`: the last path segment that reads as a version (`v2.1`, `v3`).
pub fn version_from_url(url: &str) -> Option<(u64, u64)> {
    let (_, _, path, _) = split_url(url);
    path.rsplit('/')
        .filter(|part| part.starts_with('v'))
        .find_map(parse_version)
}

/// Fetches an endpoint's version discovery document (unauthenticated, `Accept: application/json`) and returns its
/// usable versions (stable, supported or deprecated ones), sorted from oldest to newest.
pub fn discover_versions(http: &HttpClient, url: &str) -> Result<Vec<VersionData>> {
    let request = Request::new(Method::Get, url).header("Accept", "application/json");
    let response = http.send(&request)?;
    if response.status >= 400 {
        log::debug!("Request returned failure status: {}", response.status);
        return Err(crate::http::http_error(&response));
    }
    let versions = version_documents(&response.text())?;
    Ok(version_data(url, &versions))
}

/// keystoneauth's `get_version_data`: the list of version documents in a discovery answer.
pub fn version_documents(text: &str) -> Result<Vec<Json>> {
    let bad = || {
        let excerpt = if text.chars().count() > 50 {
            format!("{}...", text.chars().take(50).collect::<String>())
        } else {
            text.to_owned()
        };
        Error::command(format!(
            "Invalid Response - Bad version data returned: {excerpt}"
        ))
    };
    let body: Json = serde_json::from_str(text).map_err(|_| bad())?;
    if body.is_array() {
        return Err(Error::command(
            "Invalid Response - List returned instead of dict",
        ));
    }
    if let Some(values) = body
        .get("versions")
        .and_then(|versions| versions.get("values"))
        .and_then(Json::as_array)
    {
        return Ok(values.clone());
    }
    if let Some(versions) = body.get("versions").and_then(Json::as_array) {
        return Ok(versions.clone());
    }
    if let Some(version) = body.get("version") {
        return Ok(vec![version.clone()]);
    }
    if body.get("id").is_some() {
        let mut version = body.clone();
        if let Some(map) = version.as_object_mut() {
            map.insert("status".to_owned(), Json::String("CURRENT".to_owned()));
        }
        return Ok(vec![version]);
    }
    Err(bad())
}

/// keystoneauth's `Discover.version_data`: usable versions with their absolute URLs, oldest first.
fn version_data(discovery_url: &str, documents: &[Json]) -> Vec<VersionData> {
    let mut versions = Vec::new();
    for document in documents {
        let Some(raw_status) = document.get("status").and_then(Json::as_str) else {
            log::warn!("Skipping over invalid version data. No stability status in version.");
            continue;
        };
        let status = match raw_status.to_ascii_lowercase().as_str() {
            "stable" | "current" | "supported" => {
                if raw_status.eq_ignore_ascii_case("stable") {
                    "CURRENT".to_owned()
                } else {
                    raw_status.to_ascii_uppercase()
                }
            }
            "deprecated" => "DEPRECATED".to_owned(),
            _ => continue,
        };
        let Some(version) = document
            .get("id")
            .and_then(Json::as_str)
            .and_then(parse_version)
        else {
            log::info!("Skipping invalid version data. Missing ID.");
            continue;
        };
        let Some(links) = document.get("links").and_then(Json::as_array) else {
            log::info!("Skipping invalid version data. Missing links");
            continue;
        };
        let self_url = links.iter().find_map(|link| {
            let rel = link.get("rel")?.as_str()?;
            let href = link.get("href")?.as_str()?;
            rel.eq_ignore_ascii_case("self")
                .then(|| combine_relative_url(discovery_url, href))
        });
        let Some(url) = self_url else {
            log::info!("Skipping invalid version data. Missing link to endpoint.");
            continue;
        };
        let text_field = |key: &str| {
            document
                .get(key)
                .and_then(Json::as_str)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
        };
        versions.push(VersionData {
            version,
            url,
            status,
            raw_status: raw_status.to_owned(),
            min_microversion: text_field("min_version"),
            max_microversion: text_field("max_version").or_else(|| text_field("version")),
        });
    }
    versions.sort_by_key(|data| data.version);
    versions
}

/// Splits a URL into scheme, network location, path and the rest (`?query#fragment`).
fn split_url(url: &str) -> (&str, &str, &str, &str) {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let netloc_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (netloc, rest) = rest.split_at(netloc_end);
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, tail) = rest.split_at(path_end);
    (scheme, netloc, path, tail)
}

/// keystoneauth's `_combine_relative_url`: a version link made absolute against the discovery URL; when the link
/// names another host (a misconfigured `public_endpoint`), only its last path segment is kept.
pub fn combine_relative_url(discovery_url: &str, version_url: &str) -> String {
    let base = format!("{}/", discovery_url.trim_end_matches('/'));
    let joined = if version_url.contains("://") {
        version_url.to_owned()
    } else if version_url.starts_with('/') {
        let (scheme, netloc, _, _) = split_url(&base);
        format!("{scheme}://{netloc}{version_url}")
    } else {
        format!("{base}{version_url}")
    };
    let (_, version_netloc, version_path, tail) = split_url(&joined);
    let (scheme, discovery_netloc, discovery_path, _) = split_url(discovery_url);
    let mut path = version_path.to_owned();
    if discovery_netloc != version_netloc {
        let version = version_url
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("");
        let url_path = discovery_path.trim_end_matches('/');
        if url_path.ends_with(version) {
            path = discovery_path.to_owned();
        } else {
            path = format!("{url_path}/{version}");
            if version_url.ends_with('/') {
                path.push('/');
            }
        }
    }
    format!("{scheme}://{discovery_netloc}{path}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample_catalog() -> Catalog {
        Catalog::from_json(&json!([
            {"endpoints": [
                {"id": "e1", "interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:5000/v3", "region": "RegionOne"},
                {"id": "e2", "interface": "internal", "region_id": "RegionOne", "url": "http://10.0.0.1:5000/v3", "region": "RegionOne"},
                {"id": "e3", "interface": "admin", "region_id": "RegionTwo", "url": "http://admin:5000/v3", "region": "RegionTwo"}],
             "id": "s1", "type": "identity", "name": "keystone"},
            {"endpoints": [
                {"id": "e4", "interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:8989/v2"}],
             "id": "s2", "type": "workflowv2", "name": "mistral"},
            {"endpoints": [
                {"id": "e5", "interface": "public", "region_id": "RegionOne", "url": "http://cinder/v2"}],
             "id": "s3", "type": "volumev2", "name": "cinderv2"},
            {"endpoints": [
                {"id": "e6", "interface": "public", "region_id": "RegionOne", "url": "http://cinder/v3"}],
             "id": "s4", "type": "volumev3", "name": "cinderv3"},
            {"endpoints": [], "id": "s5", "name": "typeless"}
        ]))
    }

    #[test]
    fn selects_by_type_interface_and_region() {
        let catalog = sample_catalog();
        assert_eq!(catalog.services().len(), 4);
        assert_eq!(
            catalog.url_for("identity", "public", None, None).unwrap(),
            "http://127.0.0.1:5000/v3"
        );
        assert_eq!(
            catalog
                .url_for("identity", "internalURL", Some("RegionOne"), None)
                .unwrap(),
            "http://10.0.0.1:5000/v3"
        );
        assert_eq!(
            catalog
                .url_for("identity", "admin", Some("RegionTwo"), Some("keystone"))
                .unwrap(),
            "http://admin:5000/v3"
        );
    }

    #[test]
    fn not_found_messages_are_keystoneauths() {
        let catalog = sample_catalog();
        let message = |t: &str, i: &str, r: Option<&str>, n: Option<&str>| {
            catalog.url_for(t, i, r, n).unwrap_err().message
        };
        assert_eq!(
            message("compute", "public", None, None),
            "public endpoint for compute service not found"
        );
        assert_eq!(
            message("identity", "admin", Some("RegionOne"), None),
            "admin endpoint for identity service in RegionOne region not found"
        );
        assert_eq!(
            message("identity", "public", None, Some("other")),
            "public endpoint for identity service named other not found"
        );
        assert_eq!(
            message("identity", "public", Some("R"), Some("other")),
            "public endpoint for identity service named other in R region not found"
        );
        assert_eq!(
            Catalog::default()
                .url_for("identity", "public", None, None)
                .unwrap_err()
                .message,
            "The service catalog is empty."
        );
    }

    #[test]
    fn official_types_and_aliases_match_as_os_service_types() {
        assert!(service_type_matches("workflow", "workflowv2"));
        assert!(service_type_matches("workflowv2", "workflow"));
        assert!(service_type_matches("block-storage", "volumev3"));
        assert!(!service_type_matches("volumev2", "volumev3"));
        assert!(!service_type_matches("compute", "identity"));
        assert_eq!(official_service_type("volumev3"), Some("block-storage"));
        assert_eq!(official_service_type("compute"), None);
        assert_eq!(
            all_service_types("volume"),
            [
                "block-storage",
                "volumev3",
                "volumev2",
                "volume",
                "block-store"
            ]
        );
        assert_eq!(all_service_types("compute"), ["compute"]);
        let catalog = sample_catalog();
        assert_eq!(
            catalog.url_for("workflow", "public", None, None).unwrap(),
            "http://127.0.0.1:8989/v2"
        );
        // The official type prefers the first alias in os-service-types' order, whatever the catalog order.
        assert_eq!(
            catalog
                .url_for("block-storage", "public", None, None)
                .unwrap(),
            "http://cinder/v3"
        );
        assert_eq!(
            catalog.url_for("volumev2", "public", None, None).unwrap(),
            "http://cinder/v2"
        );
        assert_eq!(normalize_interface("publicURL"), "public");
        assert_eq!(normalize_interface("internal"), "internal");
    }

    #[test]
    fn versions_are_parsed_from_discovery_documents() {
        let root = json!({"versions": {"values": [
            {"id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
             "links": [{"rel": "self", "href": "http://127.0.0.1:5000/v3/"}],
             "media-types": []},
            {"id": "v2.0", "status": "deprecated", "links": [{"rel": "self", "href": "http://127.0.0.1:5000/v2.0/"}]},
            {"id": "v4.0", "status": "experimental", "links": [{"rel": "self", "href": "http://x/v4"}]},
            {"id": "v5.0", "links": [{"rel": "self", "href": "http://x/v5"}]}]}});
        let documents = version_documents(&root.to_string()).unwrap();
        let versions = version_data("http://127.0.0.1:5000", &documents);
        assert_eq!(versions.len(), 2);
        assert_eq!(versions[0].version, (2, 0));
        assert_eq!(versions[0].status, "DEPRECATED");
        assert_eq!(versions[1].version, (3, 14));
        assert_eq!(versions[1].url, "http://127.0.0.1:5000/v3/");
        assert_eq!(versions[1].status, "CURRENT");
        let single = json!({"version": {"id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1",
            "links": [{"rel": "self", "href": "v2.1/"}]}});
        let versions = version_data(
            "http://nova:8774/",
            &version_documents(&single.to_string()).unwrap(),
        );
        assert_eq!(versions[0].url, "http://nova:8774/v2.1/");
        assert_eq!(versions[0].max_microversion.as_deref(), Some("2.96"));
        assert_eq!(versions[0].min_microversion.as_deref(), Some("2.1"));
        assert_eq!(
            version_documents("[]").unwrap_err().message,
            "Invalid Response - List returned instead of dict"
        );
        assert_eq!(
            version_documents("<html>a proxy page that is longer than fifty characters</html>")
                .unwrap_err()
                .message,
            "Invalid Response - Bad version data returned: <html>a proxy page that is longer than fifty chara..."
        );
    }

    #[test]
    fn version_links_are_combined_as_keystoneauth() {
        assert_eq!(
            combine_relative_url("http://127.0.0.1:5000/v3", "http://127.0.0.1:5000/v3/"),
            "http://127.0.0.1:5000/v3/"
        );
        // A Keystone whose public_endpoint names an internal host, reached through a proxy path.
        assert_eq!(
            combine_relative_url("https://cloud/identity", "http://internal:5000/v3/"),
            "https://cloud/identity/v3/"
        );
        assert_eq!(
            combine_relative_url("https://cloud/identity/v3", "http://internal:5000/v3/"),
            "https://cloud/identity/v3"
        );
        assert_eq!(
            combine_relative_url("http://h:1/base", "/v2/"),
            "http://h:1/v2/"
        );
        assert_eq!(version_from_url("http://nova:8774/v2.1/"), Some((2, 1)));
        assert_eq!(version_from_url("http://k:5000/v3"), Some((3, 0)));
        assert_eq!(
            version_from_url("http://swift:8080/v1/AUTH_0123"),
            Some((1, 0))
        );
        assert_eq!(version_from_url("http://nova:8774/"), None);
        assert_eq!(version_from_url("http://volume/12345"), None);
        assert_eq!(parse_version("v3"), Some((3, 0)));
        assert_eq!(parse_version("2.79"), Some((2, 79)));
        assert_eq!(parse_version("latest"), None);
    }
}
