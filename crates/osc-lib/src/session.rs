//! The authenticated session (keystoneauth's `Session` with its auth plugin): it authenticates lazily, once, or
//! takes the token from the cache; finds endpoints in the catalog; sends requests with the token and
//! microversion headers; and, when a service answers 401, drops the token (and its cache entry) and
//! re-authenticates once, as keystoneauth does.
//!
//! ```no_run
//! use std::collections::BTreeMap;
//! use osc_lib::session::{Session, SessionConfig};
//!
//! let auth: BTreeMap<String, String> = [
//!     ("auth_url", "http://127.0.0.1:5000/v3"),
//!     ("username", "admin"),
//!     ("password", "secret"),
//!     ("user_domain_name", "Default"),
//!     ("project_name", "admin"),
//!     ("project_domain_name", "Default"),
//! ]
//! .into_iter()
//! .map(|(key, value)| (key.to_owned(), value.to_owned()))
//! .collect();
//! let mut session = Session::new(SessionConfig::new("password", auth, true))?;
//! let projects = session.get_json("identity", "projects")?;
//! # Ok::<(), cliff::Error>(())
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use cliff::{Error, Result};
use serde_json::Value as Json;

use crate::auth::{AuthPlugin, AuthRef, AuthType};
use crate::clientmanager::{ApiRequest, ApiResponse, Method, TokenInfo, Transport};
use crate::http::{sha256_hex, Body, HttpClient, HttpConfig, Request, Response, Timing, Upload};
use crate::token_cache::{cache_key, TokenCache};

/// Everything a session needs, as the configuration layer resolved it.
#[derive(Debug, Clone)]
pub struct SessionConfig {
    /// The keystoneauth plugin name (`password`, `v3applicationcredential`, `admin_token`...).
    pub auth_type: String,
    /// Auth options by keystoneauth name (`auth_url`, `username`, `project_name`...).
    pub auth: BTreeMap<String, String>,
    /// TLS, timeout and User-Agent.
    pub http: HttpConfig,
    /// `--os-region-name`.
    pub region_name: Option<String>,
    /// `--os-interface`: `public` (the default), `internal` or `admin` (`publicURL` spellings accepted).
    pub interface: String,
    /// Endpoints that replace the catalog's, by service type (`<type>_endpoint_override`).
    pub endpoint_overrides: BTreeMap<String, String>,
    /// The token cache directory; `None` turns the cache off.
    pub token_cache_dir: Option<PathBuf>,
}

impl SessionConfig {
    /// A configuration with the public interface, no region, no override, and the token cache in its default
    /// directory when `use_token_cache`.
    pub fn new(auth_type: &str, auth: BTreeMap<String, String>, use_token_cache: bool) -> Self {
        SessionConfig {
            auth_type: auth_type.to_owned(),
            auth,
            http: HttpConfig::default(),
            region_name: None,
            interface: "public".to_owned(),
            endpoint_overrides: BTreeMap::new(),
            token_cache_dir: if use_token_cache {
                TokenCache::default_dir()
            } else {
                None
            },
        }
    }
}

/// The ClientManager's `connect` callback: builds the session on first use (so that commands needing no cloud
/// never validate or authenticate).
pub fn connector(config: SessionConfig) -> crate::clientmanager::Connect {
    Box::new(move || Ok(Box::new(Session::new(config)?) as Box<dyn Transport>))
}

/// How to send one request.
#[derive(Debug, Clone)]
pub struct RequestOptions {
    /// A microversion (`2.79`): sends `OpenStack-API-Version: <service> <version>` and the legacy header of
    /// Nova, Ironic or Manila.
    pub microversion: Option<String>,
    /// Turn 4xx/5xx answers into errors (the default); `false` returns them as responses.
    pub raise_exc: bool,
    /// Send the token (the default).
    pub authenticated: bool,
}

impl Default for RequestOptions {
    fn default() -> Self {
        RequestOptions {
            microversion: None,
            raise_exc: true,
            authenticated: true,
        }
    }
}

/// The back-off between the retries of a busy answer (see [`Session::fork`]).
const BUSY_RETRY_DELAYS: [Duration; 4] = [
    Duration::from_millis(250),
    Duration::from_millis(500),
    Duration::from_secs(1),
    Duration::from_secs(2),
];

/// The longest a `Retry-After` header is obeyed for.
const MAX_BUSY_WAIT: Duration = Duration::from_secs(10);

/// A `Retry-After: <seconds>` header's wait.
fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.header("retry-after")?;
    let seconds: f64 = value.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds))
}

/// An authenticated session to one cloud.
#[derive(Debug)]
pub struct Session {
    /// Shared with [`Session::fork`]s: one connection pool and one `--timing` record for the process.
    http: Arc<HttpClient>,
    plugin: AuthPlugin,
    region_name: Option<String>,
    interface: String,
    endpoint_overrides: BTreeMap<String, String>,
    cache: Option<TokenCache>,
    cache_key: Option<String>,
    auth_ref: Option<AuthRef>,
    /// Whether `auth_ref` was read from the token cache (not issued to this process), so possibly revoked since.
    auth_from_cache: bool,
    discovered: std::collections::HashMap<(String, u64), String>,
    /// Retry idempotent requests answered 409, 429 or 503 (set on forks for `--parallel`, see [`Session::fork`]).
    retry_busy: bool,
}

impl Session {
    /// Validates the auth options (with OSC's messages) and prepares the session; nothing is sent yet.
    pub fn new(config: SessionConfig) -> Result<Session> {
        let plugin = AuthPlugin::load(&config.auth_type, &config.auth)?;
        let cache_key = plugin.cache_identity().map(|identity| {
            let secrets: String = plugin
                .cache_secrets()
                .iter()
                .map(|secret| format!("\nsecret={}", sha256_hex(secret.as_bytes())))
                .collect();
            cache_key(&format!("{identity}{secrets}"))
        });
        let cache = match (&cache_key, config.token_cache_dir) {
            (Some(_), Some(dir)) => Some(TokenCache::new(dir)),
            _ => None,
        };
        Ok(Session {
            http: Arc::new(HttpClient::new(config.http)),
            plugin,
            region_name: config.region_name.filter(|region| !region.is_empty()),
            interface: if config.interface.is_empty() {
                "public".to_owned()
            } else {
                config.interface
            },
            endpoint_overrides: config.endpoint_overrides,
            cache,
            cache_key,
            auth_ref: None,
            auth_from_cache: false,
            discovered: std::collections::HashMap::new(),
            retry_busy: false,
        })
    }

    /// A session for another thread (`--parallel`): this one's token (authenticating first, so that the threads
    /// do not each log in), configuration, discovered versions, connection pool and `--timing` record. Forks
    /// retry idempotent requests that the server refuses for being busy (409, 429, 503) with back-off: running
    /// many requests at once is what makes a server answer so.
    pub fn fork(&mut self) -> Result<Session> {
        self.auth_ref()?;
        Ok(Session {
            http: Arc::clone(&self.http),
            plugin: self.plugin.clone(),
            region_name: self.region_name.clone(),
            interface: self.interface.clone(),
            endpoint_overrides: self.endpoint_overrides.clone(),
            cache: self.cache.clone(),
            cache_key: self.cache_key.clone(),
            auth_ref: self.auth_ref.clone(),
            auth_from_cache: self.auth_from_cache,
            discovered: self.discovered.clone(),
            retry_busy: true,
        })
    }

    /// The HTTP client (for requests outside the catalog).
    pub fn http(&self) -> &HttpClient {
        &self.http
    }

    /// The auth plugin.
    pub fn plugin(&self) -> &AuthPlugin {
        &self.plugin
    }

    /// The region endpoints are chosen in.
    pub fn region_name(&self) -> Option<&str> {
        self.region_name.as_deref()
    }

    /// The interface endpoints are chosen by.
    pub fn interface(&self) -> &str {
        &self.interface
    }

    /// Every request made so far, for `--timing`.
    pub fn timings(&self) -> Vec<Timing> {
        self.http.timings()
    }

    /// The token cache, if on.
    pub fn token_cache(&self) -> Option<&TokenCache> {
        self.cache.as_ref()
    }

    /// Whether the plugin authenticates against Keystone (so that there is an [`AuthRef`]).
    pub fn has_identity(&self) -> bool {
        !matches!(
            self.plugin.auth_type(),
            AuthType::AdminToken | AuthType::None
        )
    }

    /// The token and what it grants, authenticating on first use (or taking it from the token cache, which
    /// makes no request at all). `None` for `admin_token` and `none`, which have no Keystone token.
    pub fn auth_ref(&mut self) -> Result<Option<&AuthRef>> {
        if !matches!(self.plugin, AuthPlugin::Identity(_)) {
            return Ok(None);
        }
        if self.auth_ref.is_none() {
            let (auth, from_cache) = self.obtain_auth_ref()?;
            self.auth_ref = Some(auth);
            self.auth_from_cache = from_cache;
        }
        Ok(self.auth_ref.as_ref())
    }

    /// The token and whether it came from the token cache.
    fn obtain_auth_ref(&self) -> Result<(AuthRef, bool)> {
        let (Some(cache), Some(key)) = (&self.cache, &self.cache_key) else {
            log::debug!("Get auth_ref");
            return Ok((self.plugin.authenticate(&self.http)?, false));
        };
        if let Some(auth) = cache.load(key) {
            return Ok((auth, true));
        }
        // Another process may be authenticating the same identity: wait for it and use its token.
        let _lock = cache.lock(key);
        if let Some(auth) = cache.load(key) {
            return Ok((auth, true));
        }
        log::debug!("Get auth_ref");
        let auth = self.plugin.authenticate(&self.http)?;
        if let Err(err) = cache.store(key, &auth) {
            log::debug!(
                "Could not cache the token in {}: {err}",
                cache.dir().display()
            );
        }
        Ok((auth, false))
    }

    /// The token, as [`Session::auth_ref`], but a token from the cache is first checked with Keystone (`HEAD
    /// /v3/auth/tokens?nocatalog`, one request) and replaced by a new one if Keystone no longer accepts it: `token
    /// issue` hands its token to scripts, so it must never print one that was revoked since it was cached.
    pub fn validated_auth_ref(&mut self) -> Result<Option<&AuthRef>> {
        let Some(token) = self.auth_ref()?.map(|auth| auth.auth_token.clone()) else {
            return Ok(None);
        };
        if !self.auth_from_cache {
            return self.auth_ref();
        }
        // `nocatalog`: only the answer's status matters, and Keystone then skips building the catalog.
        let url = format!(
            "{}/auth/tokens?nocatalog",
            self.versioned_endpoint("identity", 3)?
                .trim_end_matches('/')
        );
        if self.token_accepted(&url, token)? {
            self.auth_from_cache = false;
            return self.auth_ref();
        }
        log::debug!("The cached token was refused: authenticating again");
        self.invalidate();
        let fresh = self.auth_ref()?.map(|auth| auth.auth_token.clone());
        // Revoked by user (see `send`): a token issued in the same second as the revocation is refused too.
        if let Some(fresh) = fresh {
            if !self.token_accepted(&url, fresh)? {
                log::debug!(
                    "A new token was refused too: waiting a second, then authenticating again"
                );
                std::thread::sleep(std::time::Duration::from_secs(1));
                self.invalidate();
            }
        }
        self.auth_ref()
    }

    /// Whether Keystone accepts `token` (`HEAD <url>` with the token as both auth and subject): 2xx yes, 401 or
    /// 404 no, anything else is an error.
    fn token_accepted(&self, url: &str, token: String) -> Result<bool> {
        let request = Request::new(crate::clientmanager::Method::Head, url)
            .header("X-Auth-Token", token.clone())
            .header("X-Subject-Token", token);
        let response = self.http.send(&request)?;
        match response.status {
            200..=299 => Ok(true),
            401 | 404 => Ok(false),
            _ => Err(crate::http::http_error(&response)),
        }
    }

    /// Forgets the token, and its cache entry, so that the next request authenticates again.
    pub fn invalidate(&mut self) {
        if let Some(auth) = self.auth_ref.take() {
            if let Some(cache) = &self.cache {
                cache.invalidate(&auth.auth_token);
            }
        }
    }

    /// Forgets a token wherever the cache holds it (after `token revoke`).
    pub fn forget_token(&mut self, token_id: &str) {
        if let Some(cache) = &self.cache {
            cache.invalidate(token_id);
        }
        if self
            .auth_ref
            .as_ref()
            .is_some_and(|auth| auth.auth_token == token_id)
        {
            self.auth_ref = None;
        }
    }

    /// The token to send: Keystone's, `admin_token`'s, or keystoneauth's `notused` for `none`.
    pub fn token(&mut self) -> Result<String> {
        match &self.plugin {
            AuthPlugin::AdminToken { token, .. } => Ok(token.expose().to_owned()),
            AuthPlugin::NoAuth { .. } => Ok("notused".to_owned()),
            AuthPlugin::Identity(_) => match self.auth_ref()? {
                Some(auth) => Ok(auth.auth_token.clone()),
                None => Err(Error::command("No valid authentication is available")),
            },
        }
    }

    /// The endpoint of a service type: the override if one is set, the fixed endpoint of `admin_token`/`none`,
    /// else the catalog's for the session's interface and region (authenticating if needed).
    pub fn endpoint_for(&mut self, service_type: &str) -> Result<String> {
        if let Some(url) = self
            .endpoint_overrides
            .get(service_type)
            .filter(|url| !url.is_empty())
        {
            return Ok(url.clone());
        }
        match &self.plugin {
            AuthPlugin::AdminToken { endpoint, .. } | AuthPlugin::NoAuth { endpoint } => {
                endpoint.clone().ok_or_else(|| {
                    Error::command("Could not find requested endpoint in Service Catalog.")
                })
            }
            AuthPlugin::Identity(_) => {
                let interface = self.interface.clone();
                let region = self.region_name.clone();
                let mut found = self.catalog_url(service_type, &interface, region.as_deref());
                if found.is_err() && self.auth_from_cache {
                    // A cached token keeps the catalog of the time it was issued, so a service registered since
                    // is missing from it. OSC logs in on every run and would find it: log in again, once.
                    log::debug!(
                        "No {service_type} endpoint in the cached token's catalog: authenticating again"
                    );
                    self.invalidate();
                    found = self.catalog_url(service_type, &interface, region.as_deref());
                }
                found
            }
        }
    }

    /// The catalog's URL of a service (authenticating first when needed).
    fn catalog_url(
        &mut self,
        service_type: &str,
        interface: &str,
        region: Option<&str>,
    ) -> Result<String> {
        match self.auth_ref()? {
            Some(auth) => auth.catalog.url_for(service_type, interface, region, None),
            None => Err(Error::command("No valid authentication is available")),
        }
    }

    /// The endpoint of a service for an API major version (`compute`, 2): the catalog's URL when its path already
    /// names that version (`.../v2.1`), else the newest matching version its discovery document lists, else the
    /// catalog's URL unchanged (as keystoneauth does when discovery fails).
    pub fn versioned_endpoint(&mut self, service_type: &str, major: u64) -> Result<String> {
        let url = self.endpoint_for(service_type)?;
        if crate::catalog::version_from_url(&url).is_some_and(|(found, _)| found == major) {
            return Ok(url);
        }
        if let Some(known) = self.discovered.get(&(url.clone(), major)) {
            return Ok(known.clone());
        }
        let found = match crate::catalog::discover_versions(&self.http, &url) {
            Ok(versions) => versions
                .into_iter()
                .rev()
                .find(|data| data.version.0 == major)
                .map_or_else(|| url.clone(), |data| data.url),
            Err(error) => {
                log::debug!("Version discovery at {url} failed: {}", error.message);
                url.clone()
            }
        };
        self.discovered.insert((url, major), found.clone());
        Ok(found)
    }

    /// Sends a request to a service: `path_or_url` is joined to the service's endpoint unless it is absolute. The
    /// token and the JSON body are added; 4xx/5xx answers are errors with OSC's message.
    pub fn request(
        &mut self,
        method: Method,
        service_type: &str,
        path_or_url: &str,
        json: Option<&Json>,
        headers: &[(&str, &str)],
    ) -> Result<Response> {
        let mut request = ApiRequest::new(method, service_type, path_or_url);
        request.json = json.cloned();
        request.headers = headers
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        self.send(&request, &RequestOptions::default())
    }

    /// The HTTP request for an API request: the endpoint joined, the body, the microversion headers.
    fn http_request(&mut self, request: &ApiRequest, options: &RequestOptions) -> Result<Request> {
        let url = if request.path.contains("://") {
            request.path.clone()
        } else {
            let base = self.endpoint_for(&request.service_type)?;
            format!(
                "{}/{}",
                base.trim_end_matches('/'),
                request.path.trim_start_matches('/')
            )
        };
        let mut http_request = Request::new(request.method, url);
        http_request.query = request.query.clone();
        http_request.headers = request.headers.clone();
        http_request.time_failures = request.time_failures;
        http_request.body = match (&request.json, &request.raw) {
            (Some(json), _) => Some(Body::Json(json.clone())),
            (None, Some((content_type, data))) => Some(Body::Raw {
                content_type: content_type.clone(),
                data: data.clone(),
            }),
            (None, None) => None,
        };
        if !request.service_type.is_empty() {
            http_request.service_name = Some(request.service_type.clone());
        }
        if let Some(microversion) = &options.microversion {
            add_microversion_headers(
                &mut http_request.headers,
                microversion,
                &request.service_type,
            );
        }
        Ok(http_request)
    }

    /// Sends a request described in full.
    pub fn send(&mut self, request: &ApiRequest, options: &RequestOptions) -> Result<Response> {
        let mut http_request = self.http_request(request, options)?;
        let mut response = self.send_authenticated(&mut http_request, options.authenticated)?;
        if self.retry_busy && request.method.is_idempotent() {
            for delay in BUSY_RETRY_DELAYS {
                if !matches!(response.status, 409 | 429 | 503) {
                    break;
                }
                let wait = retry_after(&response).unwrap_or(delay).min(MAX_BUSY_WAIT);
                log::debug!(
                    "{} answered {}: retrying in {:.1} s",
                    http_request.url,
                    response.status,
                    wait.as_secs_f64()
                );
                std::thread::sleep(wait);
                response = self.send_authenticated(&mut http_request, options.authenticated)?;
            }
        }
        if response.status == 401
            && options.authenticated
            && matches!(self.plugin, AuthPlugin::Identity(_))
        {
            // keystoneauth's invalidate-and-retry: the token may have been revoked or have expired early.
            self.invalidate();
            response = self.send_authenticated(&mut http_request, true)?;
            if response.status == 401 {
                // Keystone revokes by user (a group or role removal, a password change) to the whole second:
                // a token issued in the same second as the revocation is refused too. The revocation happened
                // before the first 401, so one second later Keystone's clock is surely past it.
                log::debug!(
                    "A new token was refused too: waiting a second, then authenticating again"
                );
                std::thread::sleep(std::time::Duration::from_secs(1));
                self.invalidate();
                response = self.send_authenticated(&mut http_request, true)?;
            }
        }
        if (200..300).contains(&response.status)
            && changes_catalog(request.method, &request.service_type, &http_request.url)
        {
            self.forget_cached_catalog();
        }
        if options.raise_exc && response.status >= 400 {
            log::debug!("Request returned failure status: {}", response.status);
            return Err(crate::http::http_error(&response));
        }
        Ok(response)
    }

    /// Drops the cache entry of this session's token, whose catalog a change to Keystone's services or endpoints
    /// has made stale: the next command authenticates again and gets the new catalog, as OSC, which always
    /// authenticates, would show it. The token itself stays valid for the rest of this command.
    fn forget_cached_catalog(&mut self) {
        if let (Some(cache), Some(auth)) = (&self.cache, &self.auth_ref) {
            cache.invalidate(&auth.auth_token);
        }
    }

    /// [`Session::send`] with a body streamed from `upload` and/or a 2xx answer's body streamed into `download`
    /// (see [`crate::http::HttpClient::send_streaming`]). A 401 is retried with a new token only when no body was
    /// streamed: a streamed body cannot be read twice.
    pub fn send_streaming(
        &mut self,
        request: &ApiRequest,
        options: &RequestOptions,
        upload: Option<Upload<'_>>,
        download: Option<&mut dyn std::io::Write>,
        progress: Option<&mut dyn FnMut(u64)>,
    ) -> Result<Response> {
        let mut http_request = self.http_request(request, options)?;
        self.set_token(&mut http_request, options.authenticated)?;
        let retry = upload.is_none();
        let mut download = download;
        let mut progress = progress;
        let sink: Option<&mut dyn std::io::Write> = match download {
            Some(ref mut sink) => Some(&mut **sink),
            None => None,
        };
        let tell: Option<&mut dyn FnMut(u64)> = match progress {
            Some(ref mut tell) => Some(&mut **tell),
            None => None,
        };
        let mut response = self
            .http
            .send_streaming(&http_request, upload, sink, tell)?;
        if retry
            && response.status == 401
            && options.authenticated
            && matches!(self.plugin, AuthPlugin::Identity(_))
        {
            self.invalidate();
            self.set_token(&mut http_request, true)?;
            response = self
                .http
                .send_streaming(&http_request, None, download, progress)?;
        }
        if options.raise_exc && response.status >= 400 {
            log::debug!("Request returned failure status: {}", response.status);
            return Err(crate::http::http_error(&response));
        }
        Ok(response)
    }

    fn set_token(&mut self, request: &mut Request, authenticated: bool) -> Result<()> {
        request
            .headers
            .retain(|(name, _)| !name.eq_ignore_ascii_case("X-Auth-Token"));
        if authenticated {
            let token = self.token()?;
            request.headers.push(("X-Auth-Token".to_owned(), token));
        }
        Ok(())
    }

    fn send_authenticated(
        &mut self,
        request: &mut Request,
        authenticated: bool,
    ) -> Result<Response> {
        self.set_token(request, authenticated)?;
        self.http.send(request)
    }

    /// GET a path of a service and parse the JSON answer.
    pub fn get_json(&mut self, service_type: &str, path: &str) -> Result<Json> {
        self.request(Method::Get, service_type, path, None, &[])?
            .json()
    }

    /// POST JSON to a service and parse the JSON answer.
    pub fn post_json(&mut self, service_type: &str, path: &str, body: &Json) -> Result<Json> {
        self.request(Method::Post, service_type, path, Some(body), &[])?
            .json()
    }

    /// PUT JSON to a service and parse the JSON answer.
    pub fn put_json(&mut self, service_type: &str, path: &str, body: &Json) -> Result<Json> {
        self.request(Method::Put, service_type, path, Some(body), &[])?
            .json()
    }

    /// PATCH JSON to a service and parse the JSON answer.
    pub fn patch_json(&mut self, service_type: &str, path: &str, body: &Json) -> Result<Json> {
        self.request(Method::Patch, service_type, path, Some(body), &[])?
            .json()
    }

    /// DELETE a path of a service.
    pub fn delete(&mut self, service_type: &str, path: &str) -> Result<()> {
        self.request(Method::Delete, service_type, path, None, &[])
            .map(|_| ())
    }
}

/// Whether a successful request changes the service catalog that Keystone puts in a token: a write to
/// Keystone's services, endpoints or endpoint filters (`OS-EP-FILTER`: the endpoints a project sees).
fn changes_catalog(method: Method, service_type: &str, url: &str) -> bool {
    if service_type != "identity" || matches!(method, Method::Get | Method::Head) {
        return false;
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    path.split('/')
        .any(|segment| matches!(segment, "services" | "endpoints" | "OS-EP-FILTER"))
}

/// keystoneauth's microversion headers: `OpenStack-API-Version: <service> <version>` (Cinder's types as
/// `volume`, Manila's as `shared-file-system`) and the legacy header of Nova, Ironic and Manila; headers the
/// caller set win.
pub fn add_microversion_headers(
    headers: &mut Vec<(String, String)>,
    microversion: &str,
    service_type: &str,
) {
    let service = if service_type.starts_with("volume") || service_type == "block-storage" {
        "volume"
    } else if service_type.starts_with("share") {
        "shared-file-system"
    } else {
        service_type
    };
    let mut set_default = |name: &str, value: String| {
        if !headers
            .iter()
            .any(|(key, _)| key.eq_ignore_ascii_case(name))
        {
            headers.push((name.to_owned(), value));
        }
    };
    set_default("OpenStack-API-Version", format!("{service} {microversion}"));
    let legacy = match service {
        "compute" => Some("X-OpenStack-Nova-API-Version"),
        "baremetal" => Some("X-OpenStack-Ironic-API-Version"),
        "sharev2" | "shared-file-system" => Some("X-OpenStack-Manila-API-Version"),
        _ => None,
    };
    if let Some(legacy) = legacy {
        set_default(legacy, microversion.to_owned());
    }
}

impl From<Response> for ApiResponse {
    fn from(response: Response) -> Self {
        ApiResponse {
            status: response.status,
            headers: response.headers,
            body: response.body,
        }
    }
}

impl Session {
    /// The token and Keystone's answer for `token issue` and plugins; `validate` checks a cached token first.
    fn token_info(&mut self, validate: bool) -> Result<TokenInfo> {
        if let AuthPlugin::AdminToken { token, .. } = &self.plugin {
            return Ok(TokenInfo {
                id: token.expose().to_owned(),
                body: Json::Null,
            });
        }
        let auth = if validate {
            self.validated_auth_ref()?
        } else {
            self.auth_ref()?
        };
        match auth {
            Some(auth) => Ok(TokenInfo {
                id: auth.auth_token.clone(),
                body: auth.body.clone(),
            }),
            None => Err(Error::command(
                "Only an authorized user may issue a new token.",
            )),
        }
    }
}

impl Transport for Session {
    fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse> {
        let options = RequestOptions {
            raise_exc: !request.accept_error_status,
            authenticated: request.authenticated,
            ..RequestOptions::default()
        };
        Session::send(self, request, &options).map(ApiResponse::from)
    }

    fn send_streaming(
        &mut self,
        request: &ApiRequest,
        upload: Option<Upload<'_>>,
        download: Option<&mut dyn std::io::Write>,
        progress: Option<&mut dyn FnMut(u64)>,
    ) -> Result<ApiResponse> {
        let options = RequestOptions {
            raise_exc: !request.accept_error_status,
            authenticated: request.authenticated,
            ..RequestOptions::default()
        };
        Session::send_streaming(self, request, &options, upload, download, progress)
            .map(ApiResponse::from)
    }

    fn token(&mut self) -> Result<TokenInfo> {
        self.token_info(false)
    }

    fn validated_token(&mut self) -> Result<TokenInfo> {
        self.token_info(true)
    }

    fn fork(&mut self) -> Result<Option<Box<dyn Transport + Send>>> {
        Ok(Some(Box::new(Session::fork(self)?)))
    }

    fn endpoint(&mut self, service_type: &str) -> Result<String> {
        self.endpoint_for(service_type)
    }

    fn forget_token(&mut self, token_id: &str) {
        Session::forget_token(self, token_id);
    }

    fn timings(&self) -> Vec<(String, String, f64)> {
        Session::timings(self)
            .into_iter()
            .map(|t| (t.method, t.url, t.seconds))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::sync::{Arc, Mutex};

    /// A fake Keystone and service on loopback: answers by method and path, records what it was asked.
    struct FakeCloud {
        base: String,
        seen: Arc<Mutex<Vec<String>>>,
    }

    fn token_body(base: &str) -> String {
        json!({"token": {"methods": ["password"], "user": {"id": "u1", "name": "admin",
            "domain": {"id": "default", "name": "Default"}}, "expires_at": "2999-01-01T00:00:00.000000Z",
            "project": {"id": "p1", "name": "admin", "domain": {"id": "default", "name": "Default"}},
            "catalog": [{"type": "identity", "name": "keystone", "id": "s1", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": format!("{base}/v3")}]},
                {"type": "compute", "name": "nova", "id": "s2", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": format!("{base}/compute/v2.1")}]},
                {"type": "workflowv2", "name": "mistral", "id": "s3", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": format!("{base}/mistral")}]},
                {"type": "dns", "name": "designate", "id": "s4", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": format!("{base}/dns")}]}]}})
        .to_string()
    }

    /// `reject_first_token`: the service answers 401 to the first token it sees (a revoked cached token).
    fn fake_cloud(reject_token: Option<&'static str>) -> FakeCloud {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let recorded = seen.clone();
        let served_base = base.clone();
        std::thread::spawn(move || {
            let mut issued = 0;
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let mut data = Vec::new();
                let mut buffer = [0u8; 8192];
                let request = loop {
                    let Ok(n) = stream.read(&mut buffer) else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    data.extend_from_slice(&buffer[..n]);
                    let text = String::from_utf8_lossy(&data).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let length = text
                            .lines()
                            .find_map(|line| {
                                line.to_ascii_lowercase()
                                    .strip_prefix("content-length: ")
                                    .and_then(|n| n.trim().parse::<usize>().ok())
                            })
                            .unwrap_or(0);
                        if data.len() >= end + 4 + length {
                            break text;
                        }
                    }
                };
                let first_line = request.lines().next().unwrap_or("").to_owned();
                let token = request.lines().find_map(|line| {
                    line.to_ascii_lowercase()
                        .strip_prefix("x-auth-token: ")
                        .map(str::to_owned)
                });
                recorded.lock().unwrap().push(format!(
                    "{first_line} token={}",
                    token.clone().unwrap_or_default()
                ));
                let (status, extra, body) = if first_line.starts_with("POST /v3/auth/tokens") {
                    issued += 1;
                    (
                        "201 Created",
                        format!("X-Subject-Token: issued-{issued}\r\n"),
                        token_body(&served_base),
                    )
                } else if reject_token.is_some() && token.as_deref() == reject_token {
                    (
                        "401 Unauthorized",
                        String::new(),
                        r#"{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}"#.to_owned(),
                    )
                } else if first_line.starts_with("GET /mistral HTTP") {
                    (
                        "300 Multiple Choices",
                        String::new(),
                        json!({"versions": [
                            {"id": "v1.0", "status": "DEPRECATED", "links": [{"rel": "self", "href": "v1/"}]},
                            {"id": "v2.0", "status": "CURRENT", "links": [{"rel": "self", "href": "v2/"}]}]})
                        .to_string(),
                    )
                } else if first_line.starts_with("GET /compute/v2.1/servers") {
                    ("200 OK", String::new(), r#"{"servers": []}"#.to_owned())
                } else {
                    (
                        "404 Not Found",
                        String::new(),
                        r#"{"error": {"message": "nope"}}"#.to_owned(),
                    )
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\n{extra}Content-Length: {}\r\n\
                     x-openstack-request-id: req-{}\r\nConnection: close\r\n\r\n{body}",
                    body.len(),
                    issued
                );
            }
        });
        FakeCloud { base, seen }
    }

    fn config(cloud: &FakeCloud, cache_dir: Option<PathBuf>) -> SessionConfig {
        let auth: BTreeMap<String, String> = [
            ("auth_url", format!("{}/v3", cloud.base)),
            ("username", "admin".to_owned()),
            ("password", "pw".to_owned()),
            ("user_domain_name", "Default".to_owned()),
            ("project_name", "admin".to_owned()),
            ("project_domain_name", "Default".to_owned()),
        ]
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect();
        let mut config = SessionConfig::new("v3password", auth, false);
        config.token_cache_dir = cache_dir;
        config
    }

    /// A cache directory removed when the guard is dropped.
    struct Scratch(PathBuf);

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn temp_cache(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("osc-lib-session-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Scratch(dir)
    }

    #[test]
    fn authenticates_once_and_uses_the_catalog() {
        let cloud = fake_cloud(None);
        let mut session = Session::new(config(&cloud, None)).unwrap();
        assert_eq!(
            session.get_json("compute", "/servers").unwrap(),
            json!({"servers": []})
        );
        assert_eq!(
            session.get_json("compute", "servers").unwrap(),
            json!({"servers": []})
        );
        let seen = cloud.seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            [
                "POST /v3/auth/tokens HTTP/1.1 token=",
                "GET /compute/v2.1/servers HTTP/1.1 token=issued-1",
                "GET /compute/v2.1/servers HTTP/1.1 token=issued-1",
            ]
        );
        assert_eq!(session.timings().len(), 3);
        assert_eq!(
            session.endpoint_for("identity").unwrap(),
            format!("{}/v3", cloud.base)
        );
        assert_eq!(
            session.endpoint_for("network").unwrap_err().message,
            "public endpoint for network service not found"
        );
        assert_eq!(
            session.get_json("compute", "/other").unwrap_err().message,
            "nope (HTTP 404) (Request-ID: req-1)"
        );
    }

    #[test]
    fn cache_hit_makes_no_request() {
        let cloud = fake_cloud(None);
        let scratch = temp_cache("hit");
        let dir = scratch.0.clone();
        let mut first = Session::new(config(&cloud, Some(dir.clone()))).unwrap();
        assert_eq!(first.auth_ref().unwrap().unwrap().auth_token, "issued-1");
        let mut second = Session::new(config(&cloud, Some(dir.clone()))).unwrap();
        let started = std::time::Instant::now();
        let auth = second.auth_ref().unwrap().unwrap().clone();
        let elapsed = started.elapsed();
        assert_eq!(auth.auth_token, "issued-1");
        assert!(second.timings().is_empty());
        assert_eq!(cloud.seen.lock().unwrap().len(), 1);
        eprintln!("cache hit took {elapsed:?}");
        // A different scope is another identity.
        let mut other = config(&cloud, Some(dir));
        other
            .auth
            .insert("project_name".to_owned(), "demo".to_owned());
        let mut third = Session::new(other).unwrap();
        assert_eq!(third.auth_ref().unwrap().unwrap().auth_token, "issued-2");
    }

    #[test]
    fn a_token_is_cached_for_its_password_only() {
        let cloud = fake_cloud(None);
        let scratch = temp_cache("password");
        let dir = scratch.0.clone();
        let with_password = |password: &str| {
            let mut config = config(&cloud, Some(dir.clone()));
            config
                .auth
                .insert("password".to_owned(), password.to_owned());
            Session::new(config).unwrap()
        };
        assert_eq!(with_password("pw").token().unwrap(), "issued-1");
        // Another (a wrong) password is not served the cached token: Keystone decides.
        assert_eq!(with_password("wrong").token().unwrap(), "issued-2");
        assert_eq!(with_password("pw").token().unwrap(), "issued-1");
        assert_eq!(cloud.seen.lock().unwrap().len(), 2);
        // The file name hashes the secret; the secret itself is nowhere in the cache.
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            assert!(!path.to_string_lossy().contains("pw"));
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("\"pw\""), "{text}");
        }
    }

    #[test]
    fn a_rejected_cached_token_is_dropped_and_replaced_once() {
        let cloud = fake_cloud(Some("issued-1"));
        let scratch = temp_cache("reauth");
        let dir = scratch.0.clone();
        let mut first = Session::new(config(&cloud, Some(dir.clone()))).unwrap();
        first.auth_ref().unwrap();
        let mut second = Session::new(config(&cloud, Some(dir.clone()))).unwrap();
        assert_eq!(
            second.get_json("compute", "/servers").unwrap(),
            json!({"servers": []})
        );
        let seen = cloud.seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            [
                "POST /v3/auth/tokens HTTP/1.1 token=",
                "GET /compute/v2.1/servers HTTP/1.1 token=issued-1",
                "POST /v3/auth/tokens HTTP/1.1 token=",
                "GET /compute/v2.1/servers HTTP/1.1 token=issued-2",
            ]
        );
        // The cache now holds the new token.
        let mut third = Session::new(config(&cloud, Some(dir))).unwrap();
        assert_eq!(third.auth_ref().unwrap().unwrap().auth_token, "issued-2");
    }

    #[test]
    fn static_plugins_use_their_endpoint_and_token() {
        let cloud = fake_cloud(None);
        let auth: BTreeMap<String, String> = [
            (
                "endpoint".to_owned(),
                format!("{}/compute/v2.1", cloud.base),
            ),
            ("token".to_owned(), "admin-secret".to_owned()),
        ]
        .into_iter()
        .collect();
        let mut session = Session::new(SessionConfig::new("admin_token", auth, true)).unwrap();
        assert!(session.auth_ref().unwrap().is_none());
        assert!(!session.has_identity());
        assert_eq!(
            session.get_json("compute", "servers").unwrap(),
            json!({"servers": []})
        );
        assert_eq!(
            cloud.seen.lock().unwrap().clone(),
            ["GET /compute/v2.1/servers HTTP/1.1 token=admin-secret"]
        );
    }

    #[test]
    fn versioned_endpoints_are_discovered_once() {
        let cloud = fake_cloud(None);
        let mut session = Session::new(config(&cloud, None)).unwrap();
        assert_eq!(
            session.versioned_endpoint("compute", 2).unwrap(),
            format!("{}/compute/v2.1", cloud.base)
        );
        assert_eq!(
            session.versioned_endpoint("workflow", 2).unwrap(),
            format!("{}/mistral/v2/", cloud.base)
        );
        assert_eq!(
            session.versioned_endpoint("workflow", 2).unwrap(),
            format!("{}/mistral/v2/", cloud.base)
        );
        // Discovery that fails leaves the catalog's URL as it is.
        assert_eq!(
            session.versioned_endpoint("dns", 2).unwrap(),
            format!("{}/dns", cloud.base)
        );
        let seen = cloud.seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            [
                "POST /v3/auth/tokens HTTP/1.1 token=",
                "GET /mistral HTTP/1.1 token=",
                "GET /dns HTTP/1.1 token=",
            ]
        );
    }

    #[test]
    fn overrides_win_over_the_catalog() {
        let cloud = fake_cloud(None);
        let mut config = config(&cloud, None);
        config.endpoint_overrides.insert(
            "compute".to_owned(),
            format!("{}/compute/v2.1/", cloud.base),
        );
        let mut session = Session::new(config).unwrap();
        assert_eq!(
            session.get_json("compute", "/servers").unwrap(),
            json!({"servers": []})
        );
    }

    #[test]
    fn connects_through_the_client_manager() {
        let cloud = fake_cloud(None);
        let settings = crate::clientmanager::Settings {
            interface: "public".to_owned(),
            ..Default::default()
        };
        let mut manager = crate::ClientManager::new(settings, connector(config(&cloud, None)));
        assert!(!manager.is_connected());
        assert_eq!(
            manager.get("compute", "servers", &[]).unwrap(),
            json!({"servers": []})
        );
        assert_eq!(manager.token().unwrap().id, "issued-1");
        assert_eq!(
            manager.endpoint("compute").unwrap(),
            format!("{}/compute/v2.1", cloud.base)
        );
        assert_eq!(cloud.seen.lock().unwrap().len(), 2);
    }

    #[test]
    fn writes_to_services_endpoints_and_endpoint_filters_change_the_catalog() {
        let base = "http://127.0.0.1:5000/v3";
        let changes = |method, service_type, path: &str| {
            changes_catalog(method, service_type, &format!("{base}{path}"))
        };
        assert!(changes(Method::Post, "identity", "/services"));
        assert!(changes(Method::Patch, "identity", "/endpoints/e1"));
        assert!(changes(Method::Delete, "identity", "/services/s1"));
        assert!(changes(
            Method::Put,
            "identity",
            "/OS-EP-FILTER/endpoints/e1/projects/p1"
        ));
        assert!(!changes(Method::Get, "identity", "/endpoints"));
        assert!(!changes(Method::Post, "identity", "/projects"));
        assert!(!changes(Method::Post, "identity", "/users?name=services"));
        assert!(!changes(Method::Post, "compute", "/servers/s1/action"));
    }

    #[test]
    fn forgetting_a_revoked_token_drops_its_cache_entry() {
        let cloud = fake_cloud(None);
        let scratch = temp_cache("forget");
        let dir = scratch.0.clone();
        let settings = crate::clientmanager::Settings::default();
        let mut manager = crate::ClientManager::new(
            settings.clone(),
            connector(config(&cloud, Some(dir.clone()))),
        );
        // Without a session there is nothing to forget, and nothing is created.
        manager.forget_token("issued-1");
        assert!(!manager.is_connected());
        assert_eq!(manager.token().unwrap().id, "issued-1");
        assert_eq!(TokenCache::new(&dir).invalidate("nothing-like-it"), 0);
        manager.forget_token("issued-1");
        // The entry is gone: a new process authenticates again, and so does this session.
        let mut other = crate::ClientManager::new(settings, connector(config(&cloud, Some(dir))));
        assert_eq!(other.token().unwrap().id, "issued-2");
        assert_eq!(manager.token().unwrap().id, "issued-2");
        let seen = cloud.seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 2, "{seen:?}");
    }

    #[test]
    fn requests_without_token() {
        let cloud = fake_cloud(None);
        let mut session = Session::new(config(&cloud, None)).unwrap();
        let request = ApiRequest::new(Method::Get, "", &format!("{}/mistral", cloud.base))
            .header("Accept", "application/json")
            .without_token();
        let response = Transport::send(&mut session, &request).unwrap();
        assert_eq!(response.status, 300);
        let request = ApiRequest::new(Method::Get, "compute", "servers");
        Transport::send(&mut session, &request).unwrap();
        let seen = cloud.seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            [
                "GET /mistral HTTP/1.1 token=",
                "POST /v3/auth/tokens HTTP/1.1 token=",
                "GET /compute/v2.1/servers HTTP/1.1 token=issued-1",
            ]
        );
    }

    #[test]
    fn microversion_headers() {
        let mut headers = Vec::new();
        add_microversion_headers(&mut headers, "2.79", "compute");
        assert_eq!(
            headers,
            [
                (
                    "OpenStack-API-Version".to_owned(),
                    "compute 2.79".to_owned()
                ),
                ("X-OpenStack-Nova-API-Version".to_owned(), "2.79".to_owned())
            ]
        );
        let mut volume = vec![("openstack-api-version".to_owned(), "mine".to_owned())];
        add_microversion_headers(&mut volume, "3.60", "volumev3");
        assert_eq!(volume.len(), 1);
        let mut share = Vec::new();
        add_microversion_headers(&mut share, "2.65", "sharev2");
        assert_eq!(share[0].1, "shared-file-system 2.65");
        assert_eq!(share[1].0, "X-OpenStack-Manila-API-Version");
    }
}
