//! Microversions: version discovery per service, cached for the process as keystoneauth caches it, and the check
//! openstacksdk makes when a command asks for one (`--os-compute-api-version 2.79`). The request then carries the
//! headers the service expects ([`crate::Call::microversion`]: `OpenStack-API-Version: compute 2.79` and Nova's
//! legacy `X-OpenStack-Nova-API-Version: 2.79`).

use std::collections::HashMap;

use osc_lib::catalog::{parse_version, version_documents, version_from_url};
use osc_lib::{ApiRequest, ClientManager, Method};
use serde_json::Value as Json;

use crate::failure::{Failure, Res};

/// What a service's discovery document says of the API version its endpoint serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionInfo {
    /// The API version (`(2, 1)` for Nova's `v2.1`).
    pub version: (u64, u64),
    /// The lowest microversion, when the API has microversions.
    pub min_microversion: Option<(u64, u64)>,
    /// The highest microversion (`version` of the document), when the API has microversions.
    pub max_microversion: Option<(u64, u64)>,
}

/// Discovery results by service type, kept in the client manager for the rest of the process.
#[derive(Debug, Default)]
struct Discovered(HashMap<String, Option<VersionInfo>>);

/// The client-cache name the discovery results are kept under.
const CACHE: &str = "openstack_sdk.discovered_versions";

/// The version the service's endpoint serves, from its discovery document (fetched once per service, without
/// the token, as keystoneauth does). `None` when the endpoint has no usable document.
pub fn discover(cm: &mut ClientManager, service: &str) -> Res<Option<VersionInfo>> {
    let known = cm
        .client(CACHE, |_| Ok(Discovered::default()))?
        .0
        .get(service)
        .cloned();
    if let Some(known) = known {
        return Ok(known);
    }
    let endpoint = cm.endpoint(service)?;
    let mut info = fetch_document(cm, service, &endpoint, &endpoint)?;
    // keystoneauth tries the unversioned root when the endpoint itself has no usable document (Cinder's `/v3`
    // answers 401 without a token; its root lists the versions).
    if info.is_none() {
        if let Some(root) = unversioned(&endpoint) {
            info = fetch_document(cm, service, &root, &endpoint)?;
        }
    }
    cm.client(CACHE, |_| Ok(Discovered::default()))?
        .0
        .insert(service.to_owned(), info.clone());
    Ok(info)
}

/// The version document at `url`, picked for `endpoint`; `None` when `url` has no usable document.
fn fetch_document(
    cm: &mut ClientManager,
    service: &str,
    url: &str,
    endpoint: &str,
) -> Res<Option<VersionInfo>> {
    let request = ApiRequest::new(Method::Get, service, url)
        .header("Accept", "application/json")
        .without_token()
        .accept_error_status();
    let response = cm.send(&request)?;
    if response.status >= 400 {
        log::debug!("Version discovery at {url} returned {}", response.status);
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&response.body);
    match version_documents(&text) {
        Ok(documents) => Ok(pick(endpoint, &documents)),
        Err(err) => {
            log::debug!("Version discovery at {url} failed: {}", err.message);
            Ok(None)
        }
    }
}

/// The endpoint without its version segment and what follows (`http://h:8776/v3` → `http://h:8776/`).
fn unversioned(endpoint: &str) -> Option<String> {
    let trimmed = endpoint.trim_end_matches('/');
    let (head, last) = trimmed.rsplit_once('/')?;
    let is_version = last.starts_with('v') && parse_version(last).is_some();
    (is_version && head.contains("://")).then(|| format!("{head}/"))
}

/// The document of the version the endpoint's URL names (`…/v2.1`), else the `CURRENT` one, else the newest.
fn pick(endpoint: &str, documents: &[Json]) -> Option<VersionInfo> {
    let infos: Vec<(VersionInfo, bool)> = documents.iter().filter_map(info_of).collect();
    let wanted = version_from_url(endpoint);
    infos
        .iter()
        .find(|(info, _)| Some(info.version) == wanted)
        .or_else(|| infos.iter().find(|(_, current)| *current))
        .or_else(|| infos.iter().max_by_key(|(info, _)| info.version))
        .map(|(info, _)| info.clone())
}

fn info_of(document: &Json) -> Option<(VersionInfo, bool)> {
    let version = parse_version(document.get("id")?.as_str()?)?;
    let text = |key: &str| {
        document
            .get(key)
            .and_then(Json::as_str)
            .filter(|t| !t.is_empty())
            .and_then(parse_version)
    };
    let current = document
        .get("status")
        .and_then(Json::as_str)
        .is_some_and(|s| s.eq_ignore_ascii_case("current") || s.eq_ignore_ascii_case("stable"));
    Some((
        VersionInfo {
            version,
            min_microversion: text("min_version"),
            max_microversion: text("max_version").or_else(|| text("version")),
        },
        current,
    ))
}

/// The microversions calls to a service send when they name none themselves (keystoneauth's Adapter
/// `default_microversion`, which openstacksdk sets from a resource's `_max_microversion` around each operation).
#[derive(Debug, Default)]
struct Defaults(HashMap<String, String>);

/// The client-cache name the default microversions are kept under.
const DEFAULTS: &str = "openstack_sdk.default_microversions";

/// Sets (or, with `None`, clears) the microversion every later [`crate::Call`] to `service` sends unless it sets
/// its own; a service layer sets it before the generic operations of [`crate::proxy`].
pub fn set_default(cm: &mut ClientManager, service: &str, version: Option<&str>) -> Res<()> {
    let defaults = &mut cm.client(DEFAULTS, |_| Ok(Defaults::default()))?.0;
    match version {
        Some(version) => defaults.insert(service.to_owned(), version.to_owned()),
        None => defaults.remove(service),
    };
    Ok(())
}

/// The default microversion of a service, if one is set (see [`set_default`]).
pub fn default_for(cm: &mut ClientManager, service: &str) -> Option<String> {
    cm.client(DEFAULTS, |_| Ok(Defaults::default()))
        .ok()
        .and_then(|defaults| defaults.0.get(service).cloned())
}

/// Whether `requested` names a microversion (`2.79`), not only a major version (`2`).
pub fn is_microversion(requested: &str) -> bool {
    requested.trim().trim_start_matches('v').contains('.')
}

/// `"2.1"` for `(2, 1)`.
pub fn version_to_string(version: (u64, u64)) -> String {
    format!("{}.{}", version.0, version.1)
}

/// openstacksdk's check of a microversion asked through `--os-<service>-api-version`: the microversion to send
/// when the service supports it, `None` when only a major version was asked, and the `ConfigException` openstacksdk
/// raises (OSC prints it as is) when the service's range does not hold it.
pub fn negotiate(cm: &mut ClientManager, service: &str, requested: &str) -> Res<Option<String>> {
    if !is_microversion(requested) {
        return Ok(None);
    }
    let Some(wanted) = parse_version(requested) else {
        return Err(Failure::command(format!(
            "Invalid version string: {requested}"
        )));
    };
    let info = discover(cm, service)?;
    check(service, requested, wanted, info.as_ref())?;
    Ok(Some(version_to_string(wanted)))
}

/// The API name (`--os-<api>-api-version`) of a catalog service type.
fn api_name(service: &str) -> &str {
    match service {
        "block-storage" | "volumev3" | "volumev2" => "volume",
        "object-store" => "object_store",
        other => other,
    }
}

/// openstacksdk's `Resource._get_microversion`: the microversion the user asked for this service
/// (`--os-compute-api-version 2.79`, checked against the server's range), else the lower of the class's
/// `_max_microversion` and the server's newest (`maximum_supported_microversion`); `None` for a class without
/// one, or a server without microversions.
pub fn for_resource(cm: &mut ClientManager, resource: &crate::Resource) -> Res<Option<String>> {
    let Some(class_max) = resource.max_microversion else {
        return Ok(None);
    };
    let api = api_name(resource.service);
    let requested = cm
        .api_version(api)
        .filter(|v| is_microversion(v))
        .map(str::to_owned);
    if let Some(requested) = requested {
        return negotiate(cm, resource.service, &requested);
    }
    let Some(info) = discover(cm, resource.service)? else {
        return Ok(None);
    };
    let (Some(server_max), Some(client_max)) = (info.max_microversion, parse_version(class_max))
    else {
        return Ok(None);
    };
    if info.min_microversion.is_some_and(|min| client_max < min) {
        return Ok(None);
    }
    Ok(Some(version_to_string(client_max.min(server_max))))
}

/// openstacksdk's `supports_microversion`, which OSC asks before sending newer options: the server's range holds
/// `version`, and the microversion the user asked for (if any) is not older.
pub fn supports(cm: &mut ClientManager, service: &str, version: &str) -> Res<bool> {
    let Some(wanted) = parse_version(version) else {
        return Ok(false);
    };
    let api = api_name(service);
    let requested = cm
        .api_version(api)
        .filter(|v| is_microversion(v))
        .and_then(parse_version);
    if let Some(requested) = requested {
        return Ok(requested >= wanted);
    }
    let Some(info) = discover(cm, service)? else {
        return Ok(false);
    };
    Ok(info.max_microversion.is_some_and(|max| max >= wanted)
        && info.min_microversion.is_none_or(|min| min <= wanted))
}

/// The range check alone (keystoneauth's `version_between`), worded as openstacksdk's `ConfigException`.
pub fn check(
    service: &str,
    requested: &str,
    wanted: (u64, u64),
    info: Option<&VersionInfo>,
) -> Res<()> {
    let Some(info) = info else { return Ok(()) };
    let (min, max) = (info.min_microversion, info.max_microversion);
    if min.is_none() && max.is_none() {
        return Ok(());
    }
    let above_min = min.is_none_or(|min| wanted >= min);
    let below_max = max.is_none_or(|max| wanted <= max);
    if above_min && below_max {
        return Ok(());
    }
    let shown = |v: Option<(u64, u64)>| v.map_or_else(|| "None".to_owned(), version_to_string);
    Err(Failure::command(format!(
        "A default microversion for service {service} of {} was requested, but the cloud only supports a minimum \
         of {} and a maximum of {}. The default microversion was set because a microversion formatted version \
         string, '{requested}', was passed for the api_version of the service. If it was not intended to set a \
         default microversion please remove anything other than an integer major version from the version \
         setting for the service.",
        version_to_string(wanted),
        shown(min),
        shown(max),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn nova() -> Vec<Json> {
        vec![
            json!({"id": "v2.0", "status": "DEPRECATED", "version": "", "min_version": "", "links": []}),
            json!({"id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1", "links": []}),
        ]
    }

    #[test]
    fn picks_the_endpoint_version() {
        let info = pick("http://h:8774/v2.1", &nova()).unwrap();
        assert_eq!(info.version, (2, 1));
        assert_eq!(info.min_microversion, Some((2, 1)));
        assert_eq!(info.max_microversion, Some((2, 96)));
        let info = pick("http://h:8774/v2", &nova()).unwrap();
        assert_eq!(info.max_microversion, None);
        let info = pick("http://h:8774/", &nova()).unwrap();
        assert_eq!(info.version, (2, 1));
    }

    #[test]
    fn root_of_a_versioned_endpoint() {
        assert_eq!(
            unversioned("http://h:8776/v3").as_deref(),
            Some("http://h:8776/")
        );
        assert_eq!(
            unversioned("http://h:8776/v3/").as_deref(),
            Some("http://h:8776/")
        );
        assert_eq!(
            unversioned("http://h/volume/v3.0").as_deref(),
            Some("http://h/volume/")
        );
        assert_eq!(unversioned("http://h:8776/"), None);
        assert_eq!(unversioned("http://h:9696"), None);
    }

    #[test]
    fn negotiated_or_refused() {
        let info = pick("http://h:8774/v2.1", &nova());
        assert!(check("compute", "2.79", (2, 79), info.as_ref()).is_ok());
        let refused = check("compute", "2.100", (2, 100), info.as_ref()).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "A default microversion for service compute of 2.100 was requested, but the cloud only supports a \
             minimum of 2.1 and a maximum of 2.96. The default microversion was set because a microversion \
             formatted version string, '2.100', was passed for the api_version of the service. If it was not \
             intended to set a default microversion please remove anything other than an integer major version \
             from the version setting for the service."
        );
        assert!(check("compute", "2.0", (2, 0), info.as_ref()).is_err());
        assert!(is_microversion("2.79") && !is_microversion("2"));
    }

    #[test]
    fn headers_each_service_expects() {
        let call = crate::Call::new("compute", Method::Get, "/servers").microversion("2.79");
        assert_eq!(
            call.headers,
            vec![
                (
                    "OpenStack-API-Version".to_owned(),
                    "compute 2.79".to_owned()
                ),
                ("X-OpenStack-Nova-API-Version".to_owned(), "2.79".to_owned())
            ]
        );
        let call = crate::Call::new("volumev3", Method::Get, "/volumes").microversion("3.60");
        assert_eq!(
            call.headers,
            vec![("OpenStack-API-Version".to_owned(), "volume 3.60".to_owned())]
        );
    }
}
