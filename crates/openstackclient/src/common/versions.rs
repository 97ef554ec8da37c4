//! `versions show`: the API versions every catalog endpoint offers, found by version discovery the way
//! keystoneauth's `get_all_version_data` finds them (OSC's `common/versions.py`).

use std::collections::HashMap;

use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::catalog::{
    combine_relative_url, normalize_interface, official_service_type, version_documents, Catalog,
};
use osc_lib::{ApiRequest, ClientManager, Method};
use serde_json::Value as Json;

/// `versions show [--all-interfaces | --interface <interface>] [--region-name <region_name>]
/// [--service <service>] [--status <status>]`.
pub struct ShowVersions;

const COLUMNS: [&str; 7] = [
    "Region Name",
    "Service Type",
    "Version",
    "Status",
    "Endpoint",
    "Min Microversion",
    "Max Microversion",
];

impl Command<ClientManager> for ShowVersions {
    fn description(&self) -> &str {
        "Show available versions of services"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let interface = parser.add_mutex(None, false);
        parser.add_to_mutex(
            interface,
            Arg::option(&["--all-interfaces"])
                .dest("is_all_interfaces")
                .flag()
                .help("Show values for all interfaces"),
        );
        parser.add_to_mutex(
            interface,
            Arg::option(&["--interface"])
                .default("public")
                .metavar("<interface>")
                .help("Show versions for a specific interface."),
        );
        parser.add(
            Arg::option(&["--region-name"])
                .metavar("<region_name>")
                .help("Show versions for a specific region."),
        );
        parser.add(Arg::option(&["--service"]).metavar("<service>").help(
            "Show versions for a specific service. The argument should be either an exact match to what is in \
             the catalog or a known official value or alias from service-types-authority \
             (https://service-types.openstack.org/)",
        ));
        parser.add(Arg::option(&["--status"]).metavar("<status>").help(
            "Show versions for a specific status. Valid values are:\n\n- SUPPORTED\n- CURRENT\n- DEPRECATED\n\
             - EXPERIMENTAL",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let auth_type = ctx
            .settings
            .cloud
            .as_ref()
            .and_then(|cloud| cloud.auth_type());
        if matches!(auth_type, Some("none" | "admin_token")) {
            // keystoneauth's plugins without a Keystone token have no `get_all_version_data`: OSC fails with an
            // empty NotImplementedError, logged as an empty line (the framework prints no empty message).
            log::error!("");
            return Err(Error::command(""));
        }
        let interface = if args.flag("is_all_interfaces") {
            None
        } else {
            args.str("interface")
        };
        let status = args.str("status").map(str::to_uppercase);
        let found = all_version_data(ctx, interface, args.str("region_name"), args.str("service"))?;
        let mut rows = Vec::new();
        for (region, interfaces) in &found {
            for (_, services) in interfaces {
                for (service_type, versions) in services {
                    for data in versions {
                        if status
                            .as_deref()
                            .is_some_and(|wanted| wanted != data.status)
                        {
                            continue;
                        }
                        let text =
                            |value: &Option<String>| value.clone().map_or(Value::Null, Value::Str);
                        rows.push(vec![
                            Value::str(region.clone()),
                            Value::str(service_type.clone()),
                            text(&data.version),
                            Value::str(data.status.clone()),
                            Value::str(data.url.clone()),
                            text(&data.min_microversion),
                            text(&data.max_microversion),
                        ]);
                    }
                }
            }
        }
        Ok(Output::List {
            columns: COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
            rows,
        })
    }
}

/// One version an endpoint offers, with versions as strings (keystoneauth's `version_string_data`).
#[derive(Debug, Clone, PartialEq)]
struct VersionRow {
    version: Option<String>,
    url: String,
    status: String,
    min_microversion: Option<String>,
    max_microversion: Option<String>,
}

/// Insertion-ordered map, as the Python dicts `get_all_version_data` builds.
type Ordered<T> = Vec<(String, T)>;

fn entry<'a, T: Default>(map: &'a mut Ordered<T>, key: &str) -> &'a mut T {
    let index = match map.iter().position(|(k, _)| k == key) {
        Some(index) => index,
        None => {
            map.push((key.to_owned(), T::default()));
            map.len() - 1
        }
    };
    &mut map[index].1
}

/// keystoneauth's `get_all_version_data`: region → interface → official service type → versions, in the order the
/// catalog lists them. An endpoint without a region or an interface is skipped; a later endpoint of the same type,
/// region and interface replaces an earlier one (in its place).
fn all_version_data(
    ctx: &mut ClientManager,
    interface: Option<&str>,
    region_name: Option<&str>,
    service_type: Option<&str>,
) -> Result<Ordered<Ordered<Ordered<Vec<VersionRow>>>>> {
    let token = ctx.token()?;
    let catalog = Catalog::from_json(token.body.pointer("/token/catalog").unwrap_or(&Json::Null));
    let project_id = token
        .body
        .pointer("/token/project/id")
        .and_then(Json::as_str)
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    let mut discovery = Discovery::default();
    let mut found: Ordered<Ordered<Ordered<Vec<VersionRow>>>> = Vec::new();
    for (catalog_type, endpoints) in catalog.endpoints(service_type, interface, region_name, None) {
        let official = official_service_type(&catalog_type)
            .map_or_else(|| catalog_type.clone(), str::to_owned);
        for (_, endpoint) in endpoints {
            let (Some(region), Some(endpoint_interface), Some(url)) = (
                endpoint.region.as_deref().filter(|r| !r.is_empty()),
                endpoint.interface.as_deref().filter(|i| !i.is_empty()),
                endpoint.url.as_deref(),
            ) else {
                continue;
            };
            let versions = discovery.all_version_string_data(
                ctx,
                &catalog_type,
                url,
                project_id.as_deref(),
            )?;
            let interfaces = entry(&mut found, region);
            let services = entry(interfaces, normalize_interface(endpoint_interface));
            *entry(services, &official) = versions;
        }
    }
    Ok(found)
}

/// The discovery documents fetched so far, by URL (keystoneauth's session discovery cache); failures are not kept.
#[derive(Default)]
struct Discovery {
    documents: HashMap<String, Vec<Json>>,
}

impl Discovery {
    /// keystoneauth's `EndpointData.get_all_version_string_data`: the versions of the first discovery URL that
    /// answers, else one version inferred from the catalog URL.
    fn all_version_string_data(
        &mut self,
        ctx: &mut ClientManager,
        catalog_type: &str,
        catalog_url: &str,
        project_id: Option<&str>,
    ) -> Result<Vec<VersionRow>> {
        for url in discovery_url_choices(catalog_type, catalog_url, project_id) {
            let url = cache_url(&url);
            let documents = match self.documents.get(&url) {
                Some(documents) => documents.clone(),
                None => match fetch_documents(ctx, &url) {
                    Ok(documents) => {
                        self.documents.insert(url.clone(), documents.clone());
                        documents
                    }
                    Err(err) => {
                        log::debug!("Failed attempt at discovery on {url}: {}", err.message);
                        continue;
                    }
                },
            };
            let versions = version_string_data(&url, &documents)?;
            if !versions.is_empty() {
                return Ok(versions);
            }
            break;
        }
        Ok(vec![infer_version_data(catalog_url, project_id)])
    }
}

/// GETs a discovery document without the token (again with it if the service insists), as keystoneauth's
/// `get_version_data`, and returns its version entries.
fn fetch_documents(ctx: &mut ClientManager, url: &str) -> Result<Vec<Json>> {
    // requests sends an empty path as `/`; the discovery URL keeps it empty for joining relative links.
    let (scheme, netloc, path, tail) = split_url(url);
    let target = if path.is_empty() {
        format!("{scheme}://{netloc}/{tail}")
    } else {
        url.to_owned()
    };
    let request = ApiRequest::new(Method::Get, "", &target)
        .header("Accept", "application/json")
        .accept_error_status()
        // keystoneauth's discovery raises on a failure, and a request that raises is not timed
        .untimed_failures();
    let mut response = ctx.send(&request.clone().without_token())?;
    if response.status == 401 {
        response = ctx.send(&request)?;
    }
    if response.status >= 400 {
        return Err(Error::command(format!("HTTP {}", response.status)));
    }
    version_documents(&String::from_utf8_lossy(&response.body))
}

/// One part of a normalised version: a number, or keystoneauth's `LATEST` (infinity, above every number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Number(i64),
    Latest,
}

/// keystoneauth's `normalize_version_number` for the JSON values discovery documents hold; `None` where it raises
/// `TypeError`.
fn normalize_version(value: &Json) -> Option<Vec<Part>> {
    let text = match value {
        Json::String(text) => {
            let text = text.trim_start_matches('v');
            if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
                format!("{text}.0")
            } else {
                text.to_owned()
            }
        }
        Json::Bool(flag) => format!("{}.0", i64::from(*flag)),
        Json::Number(number) => match (number.as_i64(), number.as_f64()) {
            (Some(int), _) => format!("{int}.0"),
            (None, Some(float)) if float.fract() == 0.0 => format!("{float:.1}"),
            (None, Some(float)) => format!("{float}"),
            (None, None) => return None,
        },
        _ => return None,
    };
    let mut pieces: Vec<&str> = text.split('.').collect();
    if pieces == ["latest"] {
        return Some(vec![Part::Latest, Part::Latest]);
    }
    if pieces.len() == 1 {
        pieces.push("0");
    }
    pieces
        .iter()
        .map(|piece| match *piece {
            "latest" => Some(Part::Latest),
            other => other.trim().parse().ok().map(Part::Number),
        })
        .collect()
}

/// keystoneauth's `version_to_string`.
fn version_to_string(parts: &[Part]) -> String {
    if parts.iter().all(|part| *part == Part::Latest) {
        return "latest".to_owned();
    }
    parts
        .iter()
        .map(|part| match part {
            Part::Number(number) => number.to_string(),
            Part::Latest => "latest".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Python's truth value of a JSON value.
fn truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(flag) => *flag,
        Json::Number(number) => number.as_f64() != Some(0.0),
        Json::String(text) => !text.is_empty(),
        Json::Array(items) => !items.is_empty(),
        Json::Object(map) => !map.is_empty(),
    }
}

fn invalid_version(value: &Json) -> Error {
    let shown = match value {
        Json::String(text) => text.clone(),
        other => other.to_string(),
    };
    Error::command(format!("Invalid version specified: {shown}"))
}

/// keystoneauth's `Discover.version_string_data`: the stable, supported and deprecated versions with their
/// absolute URLs, oldest first, versions as strings.
fn version_string_data(discovery_url: &str, documents: &[Json]) -> Result<Vec<VersionRow>> {
    let mut versions: Vec<(Vec<Part>, VersionRow)> = Vec::new();
    for document in documents {
        let Some(raw_status) = document.get("status").and_then(Json::as_str) else {
            log::warn!("Skipping over invalid version data. No stability status in version.");
            continue;
        };
        let status = match raw_status.to_lowercase().as_str() {
            "stable" | "current" => "CURRENT".to_owned(),
            "supported" => "SUPPORTED".to_owned(),
            "deprecated" => "DEPRECATED".to_owned(),
            _ => continue,
        };
        let Some(id) = document.get("id") else {
            log::info!("Skipping invalid version data. Missing ID.");
            continue;
        };
        let Some(links) = document.get("links") else {
            log::info!("Skipping invalid version data. Missing links");
            continue;
        };
        let version = normalize_version(id).ok_or_else(|| invalid_version(id))?;
        let microversion = |key: &str| -> Result<Option<String>> {
            match document.get(key).filter(|value| truthy(value)) {
                None => Ok(None),
                Some(value) => normalize_version(value)
                    .map(|parts| Some(version_to_string(&parts)))
                    .ok_or_else(|| invalid_version(value)),
            }
        };
        let min_microversion = microversion("min_version")?;
        let max_microversion = match microversion("max_version")? {
            Some(max) => Some(max),
            None => microversion("version")?,
        };
        let self_url = links.as_array().into_iter().flatten().find_map(|link| {
            let rel = link.get("rel")?.as_str()?;
            let href = link.get("href")?.as_str()?;
            rel.eq_ignore_ascii_case("self")
                .then(|| combine_relative_url(discovery_url, href))
        });
        let Some(url) = self_url else {
            log::info!("Skipping invalid version data. Missing link to endpoint.");
            continue;
        };
        versions.push((
            version.clone(),
            VersionRow {
                version: Some(version_to_string(&version)),
                url,
                status,
                min_microversion,
                max_microversion,
            },
        ));
    }
    versions.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(versions.into_iter().map(|(_, row)| row).collect())
}

/// keystoneauth's `_infer_version_data`: when no discovery document answers, the catalog URL (without a trailing
/// project id) with the version its path names, if any.
fn infer_version_data(catalog_url: &str, project_id: Option<&str>) -> VersionRow {
    let mut url = catalog_url.trim_end_matches('/').to_owned();
    if project_id.is_some_and(|id| url.ends_with(id)) {
        url = catalog_url
            .rsplit_once('/')
            .map_or(catalog_url, |(head, _)| head)
            .to_owned();
    }
    url.push('/');
    VersionRow {
        version: version_from_url(catalog_url).map(|parts| version_to_string(&parts)),
        url,
        status: "CURRENT".to_owned(),
        min_microversion: None,
        max_microversion: None,
    }
}

/// keystoneauth's `_version_from_url`: the last path segment that starts with `v` and reads as a version.
fn version_from_url(url: &str) -> Option<Vec<Part>> {
    let (_, _, path, _) = split_url(url);
    path.rsplit('/')
        .filter(|part| part.starts_with('v'))
        .find_map(|part| normalize_version(&Json::String(part.to_owned())))
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

/// keystoneauth's `_get_discovery_url_choices` with the version hack allowed and no version asked for: the
/// catalog URL without its project id and version (with a trailing `/`), the catalog URL with Keystone's `/v2.0`
/// replaced by `/`, and the catalog URL as it is.
fn discovery_url_choices(
    catalog_type: &str,
    catalog_url: &str,
    project_id: Option<&str>,
) -> Vec<String> {
    let (scheme, netloc, path, tail) = split_url(catalog_url.trim_end_matches('/'));
    let mut parts: Vec<&str> = path.split('/').collect();
    let is_version = |part: &str| normalize_version(&Json::String(part.to_owned())).is_some();
    match project_id {
        Some(id) => {
            if parts.last() == Some(&id) {
                parts.pop();
            }
        }
        None => {
            if parts.len() >= 2 && is_version(parts[parts.len() - 2]) {
                parts.pop();
            }
        }
    }
    if parts.last().is_some_and(|part| is_version(part)) {
        parts.pop();
    }
    let mut hacked = format!("{scheme}://{netloc}{}{tail}", parts.join("/"));
    if hacked != catalog_url {
        hacked = format!("{}/", hacked.trim_matches('/'));
    }
    vec![
        hacked,
        catalog_discover_hack(catalog_type, catalog_url),
        catalog_url.to_owned(),
    ]
}

/// keystoneauth's only version hack: an identity URL matching `/v2.0/?$` (the `.` any character) is tried with
/// that part replaced by `/`.
fn catalog_discover_hack(catalog_type: &str, url: &str) -> String {
    if catalog_type == "identity" {
        let trimmed = url.strip_suffix('/').unwrap_or(url);
        let tail: Vec<(usize, char)> = trimmed.char_indices().rev().take(5).collect();
        if let [(_, '0'), (_, _), (_, '2'), (_, 'v'), (start, '/')] = tail.as_slice() {
            return format!("{}/", &trimmed[..*start]);
        }
    }
    url.to_owned()
}

/// keystoneauth's discovery cache key: `http://host/` and `http://host` are the same document.
fn cache_url(url: &str) -> String {
    let (scheme, netloc, path, tail) = split_url(url);
    if path == "/" {
        format!("{scheme}://{netloc}{tail}")
    } else {
        url.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use osc_lib::clientmanager::Settings;
    use osc_lib::{ApiResponse, TokenInfo, Transport};
    use serde_json::json;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Answers GETs by URL (404 for others) and records `URL token|-` per request.
    #[derive(Clone)]
    struct Cloud {
        answers: Rc<Vec<(&'static str, u16, String)>>,
        sent: Rc<RefCell<Vec<String>>>,
        token: Json,
    }

    impl Transport for Cloud {
        fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse> {
            let token = if request.authenticated { "token" } else { "-" };
            self.sent
                .borrow_mut()
                .push(format!("{} {token}", request.path));
            assert_eq!(
                request.headers,
                [("Accept".to_owned(), "application/json".to_owned())]
            );
            let (status, body) = self
                .answers
                .iter()
                .find(|(url, _, _)| *url == request.path)
                .map_or((404, String::new()), |(_, status, body)| {
                    (*status, body.clone())
                });
            if status == 599 {
                return Err(Error::command("Unable to establish connection"));
            }
            Ok(ApiResponse {
                status,
                headers: Vec::new(),
                body: body.into_bytes(),
            })
        }

        fn token(&mut self) -> Result<TokenInfo> {
            Ok(TokenInfo {
                id: "tok".to_owned(),
                body: self.token.clone(),
            })
        }

        fn endpoint(&mut self, service_type: &str) -> Result<String> {
            Err(Error::command(format!("no {service_type}")))
        }
    }

    fn endpoint(interface: &str, region: Option<&str>, url: &str) -> Json {
        json!({"id": "e", "interface": interface, "region_id": region, "region": region, "url": url})
    }

    fn cloud(answers: Vec<(&'static str, u16, String)>) -> Cloud {
        let keystone = "http://ks:5000/v3";
        Cloud {
            answers: Rc::new(answers),
            sent: Rc::new(RefCell::new(Vec::new())),
            token: json!({"token": {"project": {"id": "p1"}, "catalog": [
                {"type": "identity", "name": "keystone", "endpoints": [
                    endpoint("public", Some("RegionOne"), keystone),
                    endpoint("internal", Some("RegionOne"), keystone),
                    endpoint("admin", None, keystone)]},
                {"type": "workflowv2", "name": "mistral", "endpoints": [
                    endpoint("public", Some("RegionOne"), "http://mistral:8989/v2"),
                    endpoint("public", Some("RegionTwo"), "http://mistral2:8989/v2")]},
                {"type": "compute", "name": "nova", "endpoints": [
                    endpoint("public", Some("RegionOne"), "http://nova/compute/v2.1/p1")]},
                {"type": "dns", "name": "designate", "endpoints": [
                    endpoint("public", Some("RegionOne"), "http://dns:9001/"),
                    endpoint("public", Some("RegionOne"), "")]}]}}),
        }
    }

    fn keystone_versions() -> String {
        json!({"versions": {"values": [{"id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
            "links": [{"rel": "self", "href": "http://ks:5000/v3/"}]}]}})
        .to_string()
    }

    fn mistral_versions(host: &str) -> String {
        json!({"versions": [{"id": "v2.0", "status": "CURRENT",
            "links": [{"href": format!("http://{host}:8989/v2"), "rel": "self", "target": "v2"}]}]})
        .to_string()
    }

    fn nova_versions() -> String {
        json!({"versions": [
            {"id": "v2.1", "status": "CURRENT", "min_version": "2.1", "version": "2.96",
             "links": [{"rel": "self", "href": "http://nova/compute/v2.1/"}]},
            {"id": "v2.0", "status": "SUPPORTED", "min_version": "", "version": "",
             "links": [{"rel": "self", "href": "http://nova/compute/v2/"}]}]})
        .to_string()
    }

    fn run(cloud: &Cloud, argv: &[&str]) -> Result<Output> {
        let mut parser = Parser::new("openstack versions show");
        ShowVersions.add_arguments(&mut parser);
        let argv: Vec<String> = argv.iter().map(|a| (*a).to_owned()).collect();
        let args = parser.parse_args(&argv)?;
        let mut manager =
            ClientManager::with_transport(Settings::default(), Box::new(cloud.clone()));
        ShowVersions.take_action(&mut manager, &args)
    }

    fn rows(output: Output) -> Vec<String> {
        let Output::List { columns, rows } = output else {
            panic!("not a list: {output:?}");
        };
        assert_eq!(columns, COLUMNS);
        rows.iter()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Value::Str(text) => text.clone(),
                        Value::Null => "None".to_owned(),
                        other => format!("{other:?}"),
                    })
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    fn full_cloud() -> Cloud {
        cloud(vec![
            ("http://ks:5000/", 300, keystone_versions()),
            ("http://mistral:8989/", 300, mistral_versions("mistral")),
            ("http://mistral2:8989/", 401, String::new()),
            ("http://nova/compute/", 200, nova_versions()),
            ("http://dns:9001/", 200, "<html>not json</html>".to_owned()),
        ])
    }

    #[test]
    fn public_versions_of_every_service_in_catalog_order() {
        let cloud = full_cloud();
        assert_eq!(
            rows(run(&cloud, &[]).unwrap()),
            [
                "RegionOne | identity | 3.14 | CURRENT | http://ks:5000/v3/ | None | None",
                "RegionOne | workflow | 2.0 | CURRENT | http://mistral:8989/v2 | None | None",
                "RegionOne | compute | 2.0 | SUPPORTED | http://nova/compute/v2/ | None | None",
                "RegionOne | compute | 2.1 | CURRENT | http://nova/compute/v2.1/ | 2.1 | 2.96",
                // Discovery failed everywhere: the version the catalog URL names, if any.
                "RegionOne | dns | None | CURRENT | http://dns:9001/ | None | None",
                "RegionTwo | workflow | 2.0 | CURRENT | http://mistral2:8989/v2/ | None | None",
            ]
        );
        // Discovery goes without the token, once per URL; a 401 is asked again with it; failures are not kept.
        assert_eq!(
            cloud.sent.borrow().clone(),
            [
                "http://ks:5000/ -",
                "http://mistral:8989/ -",
                "http://mistral2:8989/ -",
                "http://mistral2:8989/ token",
                "http://mistral2:8989/v2 -",
                "http://mistral2:8989/v2 -",
                "http://nova/compute/ -",
                "http://dns:9001/ -",
                "http://dns:9001/ -",
                "http://dns:9001/ -",
            ]
        );
    }

    #[test]
    fn filters_by_interface_region_service_and_status() {
        let cloud = full_cloud();
        assert_eq!(
            rows(run(&cloud, &["--all-interfaces", "--service", "identity"]).unwrap()),
            [
                "RegionOne | identity | 3.14 | CURRENT | http://ks:5000/v3/ | None | None",
                "RegionOne | identity | 3.14 | CURRENT | http://ks:5000/v3/ | None | None",
            ]
        );
        assert_eq!(cloud.sent.borrow().len(), 1);
        assert_eq!(
            rows(
                run(
                    &cloud,
                    &["--service", "workflowv2", "--region-name", "RegionTwo"]
                )
                .unwrap()
            ),
            ["RegionTwo | workflow | 2.0 | CURRENT | http://mistral2:8989/v2/ | None | None"]
        );
        assert_eq!(
            rows(run(&cloud, &["--service", "compute", "--status", "supported"]).unwrap()),
            ["RegionOne | compute | 2.0 | SUPPORTED | http://nova/compute/v2/ | None | None"]
        );
        assert_eq!(
            rows(
                run(
                    &cloud,
                    &["--interface", "internalURL", "--service", "identity"]
                )
                .unwrap()
            ),
            ["RegionOne | identity | 3.14 | CURRENT | http://ks:5000/v3/ | None | None"]
        );
        assert!(rows(run(&cloud, &["--interface", "admin"]).unwrap()).is_empty());
        assert!(rows(run(&cloud, &["--service", "network"]).unwrap()).is_empty());
    }

    #[test]
    fn an_invalid_version_fails_as_keystoneauth() {
        let cloud = cloud(vec![(
            "http://ks:5000/",
            300,
            json!({"versions": [{"id": "vx", "status": "CURRENT", "links": []}]}).to_string(),
        )]);
        assert_eq!(
            run(&cloud, &["--service", "identity"]).unwrap_err().message,
            "Invalid version specified: vx"
        );
    }

    #[test]
    fn discovery_url_choices_as_keystoneauth() {
        // Expected values printed by keystoneauth1 5.18.1's EndpointData._get_discovery_url_choices.
        let cases: [(&str, &str, Option<&str>, [&str; 3]); 9] = [
            (
                "identity",
                "http://127.0.0.1:5000/v3",
                Some("p1"),
                [
                    "http://127.0.0.1:5000/",
                    "http://127.0.0.1:5000/v3",
                    "http://127.0.0.1:5000/v3",
                ],
            ),
            (
                "workflowv2",
                "http://127.0.0.1:8989/v2",
                Some("p1"),
                [
                    "http://127.0.0.1:8989/",
                    "http://127.0.0.1:8989/v2",
                    "http://127.0.0.1:8989/v2",
                ],
            ),
            (
                "compute",
                "http://nova/compute/v2.1/p1",
                Some("p1"),
                [
                    "http://nova/compute/",
                    "http://nova/compute/v2.1/p1",
                    "http://nova/compute/v2.1/p1",
                ],
            ),
            (
                "image",
                "http://glance:9292",
                Some("p1"),
                [
                    "http://glance:9292",
                    "http://glance:9292",
                    "http://glance:9292",
                ],
            ),
            (
                "image",
                "http://glance:9292/",
                Some("p1"),
                [
                    "http://glance:9292/",
                    "http://glance:9292/",
                    "http://glance:9292/",
                ],
            ),
            (
                "identity",
                "http://ks:5000/v2.0",
                Some("p1"),
                ["http://ks:5000/", "http://ks:5000/", "http://ks:5000/v2.0"],
            ),
            (
                "identity",
                "http://ks:5000/v2.0/",
                Some("p1"),
                ["http://ks:5000/", "http://ks:5000/", "http://ks:5000/v2.0/"],
            ),
            (
                "object-store",
                "http://h/v1/AUTH_abc",
                None,
                ["http://h/", "http://h/v1/AUTH_abc", "http://h/v1/AUTH_abc"],
            ),
            (
                "volumev3",
                "http://cinder/v3/p1/",
                Some("p1"),
                [
                    "http://cinder/",
                    "http://cinder/v3/p1/",
                    "http://cinder/v3/p1/",
                ],
            ),
        ];
        for (service_type, url, project, expected) in cases {
            assert_eq!(
                discovery_url_choices(service_type, url, project),
                expected,
                "{url}"
            );
        }
        assert_eq!(cache_url("http://h:1/"), "http://h:1");
        assert_eq!(cache_url("http://h:1/v2"), "http://h:1/v2");
    }

    #[test]
    fn inferred_versions_as_keystoneauth() {
        let infer = |url, project| {
            let row = infer_version_data(url, project);
            (row.version, row.url)
        };
        assert_eq!(
            infer("http://127.0.0.1:5000/v3", Some("p1")),
            (
                Some("3.0".to_owned()),
                "http://127.0.0.1:5000/v3/".to_owned()
            )
        );
        assert_eq!(
            infer("http://nova/compute/v2.1/p1", Some("p1")),
            (
                Some("2.1".to_owned()),
                "http://nova/compute/v2.1/".to_owned()
            )
        );
        assert_eq!(
            infer("http://glance:9292", Some("p1")),
            (None, "http://glance:9292/".to_owned())
        );
        assert_eq!(
            infer("http://cinder/v3/p1/", Some("p1")),
            (Some("3.0".to_owned()), "http://cinder/v3/p1/".to_owned())
        );
        assert_eq!(
            infer("http://dns/?x=1", Some("p1")),
            (None, "http://dns/?x=1/".to_owned())
        );
    }

    #[test]
    fn versions_normalised_as_keystoneauth() {
        let text = |value: Json| normalize_version(&value).map(|parts| version_to_string(&parts));
        let cases = [
            (json!("v2.1"), Some("2.1")),
            (json!("2"), Some("2.0")),
            (json!("v1.20.3"), Some("1.20.3")),
            (json!("latest"), Some("latest")),
            (json!("2.latest"), Some("2.latest")),
            (json!("v"), None),
            (json!(""), None),
            (json!("x1"), None),
            (json!(3), Some("3.0")),
            (json!(2.5), Some("2.5")),
            (json!("01.02"), Some("1.2")),
            (json!(null), None),
        ];
        for (value, expected) in cases {
            assert_eq!(text(value.clone()), expected.map(str::to_owned), "{value}");
        }
    }

    #[test]
    fn version_data_as_keystoneauth() {
        // Expected values printed by keystoneauth1 5.18.1's Discover.version_string_data on the same documents.
        let documents = json!([
            {"id": "v2.1", "status": "CURRENT", "min_version": "2.1", "version": "2.96",
             "links": [{"rel": "self", "href": "http://nova/v2.1/"}]},
            {"id": "v2.0", "status": "SUPPORTED", "min_version": "", "version": "",
             "links": [{"rel": "self", "href": "v2/"}]},
            {"id": "v1.20.3", "status": "stable", "max_version": "1.5", "version": "9",
             "links": [{"rel": "collection", "href": "/"}, {"rel": "Self", "href": "/v1/"}]},
            {"id": "v3", "status": "EXPERIMENTAL", "links": [{"rel": "self", "href": "v3/"}]},
            {"id": "v0.9", "status": "deprecated", "links": [{"rel": "self", "href": "http://elsewhere:1/v0.9"}]},
            {"id": "v4", "status": "weird", "links": [{"rel": "self", "href": "v4/"}]},
            {"id": "v5", "status": "CURRENT", "links": []},
            {"id": "v6", "status": "CURRENT"},
            {"status": "CURRENT", "links": []},
            {"id": "v7", "links": []}
        ]);
        let found =
            version_string_data("http://nova/compute", documents.as_array().unwrap()).unwrap();
        let shown: Vec<String> = found
            .iter()
            .map(|row| {
                format!(
                    "{:?} {} {} {:?} {:?}",
                    row.version, row.url, row.status, row.min_microversion, row.max_microversion
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                r#"Some("0.9") http://nova/compute/v0.9 DEPRECATED None None"#,
                r#"Some("1.20.3") http://nova/v1/ CURRENT None Some("1.5")"#,
                r#"Some("2.0") http://nova/compute/v2/ SUPPORTED None None"#,
                r#"Some("2.1") http://nova/v2.1/ CURRENT Some("2.1") Some("2.96")"#,
            ]
        );
    }
}
