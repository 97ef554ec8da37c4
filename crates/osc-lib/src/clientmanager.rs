//! osc-lib's ClientManager: what commands use to reach OpenStack. Authentication and clients are created lazily,
//! on first use, so commands that need no cloud never touch the network.

use std::any::Any;
use std::collections::HashMap;

use cliff::{Error, Result};
use serde_json::Value as Json;

/// The HTTP method of an API call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// HEAD.
    Head,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// PATCH.
    Patch,
    /// DELETE.
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending it twice has the effect of sending it once (RFC 9110): safe to retry.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }
}

/// One API call to a service found in the catalog.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    /// GET, POST...
    pub method: Method,
    /// The catalog service type (`identity`, `workflowv2`); its endpoint is chosen by interface and region.
    pub service_type: String,
    /// Path under the endpoint (`/projects`), or an absolute URL (a `next` link).
    pub path: String,
    /// Query parameters, in order.
    pub query: Vec<(String, String)>,
    /// A JSON body.
    pub json: Option<Json>,
    /// A raw body with its content type (Mistral takes YAML definitions as `text/plain`).
    pub raw: Option<(String, Vec<u8>)>,
    /// Extra headers (microversions...).
    pub headers: Vec<(String, String)>,
    /// Return non-2xx answers as `Ok` instead of an error, for callers that word HTTP errors themselves (OSC's
    /// identity commands word them as keystoneclient or openstacksdk do, which differ).
    pub accept_error_status: bool,
    /// Send the token (the default); version discovery documents are fetched without one, as keystoneauth does.
    pub authenticated: bool,
    /// Record a 4xx/5xx answer for `--timing` (the default); see [`ApiRequest::untimed_failures`].
    pub time_failures: bool,
}

impl ApiRequest {
    /// A request with no query, body or extra header.
    pub fn new(method: Method, service_type: &str, path: &str) -> Self {
        ApiRequest {
            method,
            service_type: service_type.to_owned(),
            path: path.to_owned(),
            query: Vec::new(),
            json: None,
            raw: None,
            headers: Vec::new(),
            accept_error_status: false,
            authenticated: true,
            time_failures: true,
        }
    }

    /// Adds a query parameter.
    pub fn query(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// Sets a JSON body.
    pub fn json(mut self, body: Json) -> Self {
        self.json = Some(body);
        self
    }

    /// Sets a raw body.
    pub fn raw(mut self, content_type: &str, body: Vec<u8>) -> Self {
        self.raw = Some((content_type.to_owned(), body));
        self
    }

    /// Asks for non-2xx answers to be returned rather than turned into errors.
    pub fn accept_error_status(mut self) -> Self {
        self.accept_error_status = true;
        self
    }

    /// Leaves a 4xx/5xx answer out of `--timing`, as keystoneauth does for a request that raises on it: for a
    /// caller that accepts error statuses only to look at them (version discovery's 401, then again with a token).
    pub fn untimed_failures(mut self) -> Self {
        self.time_failures = false;
        self
    }

    /// Asks for the request to be sent without the token.
    pub fn without_token(mut self) -> Self {
        self.authenticated = false;
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }
}

/// A successful response (any 2xx); errors come back as [`cliff::Error`] with OSC's message.
#[derive(Debug, Clone)]
pub struct ApiResponse {
    /// HTTP status.
    pub status: u16,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl ApiResponse {
    /// The body parsed as JSON (`null` when empty); a non-JSON body is an error naming the request.
    pub fn json(&self) -> Result<Json> {
        if self.body.is_empty() {
            return Ok(Json::Null);
        }
        serde_json::from_slice(&self.body).map_err(|_| {
            let excerpt: String = String::from_utf8_lossy(&self.body)
                .chars()
                .take(100)
                .collect();
            Error::command(format!(
                "HTTP {} response is not JSON: {}",
                self.status,
                excerpt.replace('\n', " ")
            ))
        })
    }

    /// A header's value (name matched case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// The token the session holds, as Keystone returned it.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// The token id (`X-Subject-Token`).
    pub id: String,
    /// Keystone's body: `{"token": {...}}` with methods, user, scope, roles, catalog, expires_at...
    pub body: Json,
}

/// Where the requests go: implemented by the real HTTP session, and by the plugin side of the external-plugin
/// protocol (which gets the token from `openstack` instead of authenticating).
pub trait Transport {
    /// Sends one authenticated request. The path is sent as given (already percent-encoded); query pairs are
    /// encoded as Python's `urlencode` does. A non-2xx answer is an error unless `accept_error_status` is set.
    fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse>;
    /// Sends one request with its body streamed from `upload` and/or its 2xx answer's body streamed into
    /// `download` (then the response's body is empty), telling `progress` the bytes moved. Transports that cannot
    /// stream (an external plugin's) refuse.
    fn send_streaming(
        &mut self,
        _request: &ApiRequest,
        _upload: Option<crate::http::Upload<'_>>,
        _download: Option<&mut dyn std::io::Write>,
        _progress: Option<&mut dyn FnMut(u64)>,
    ) -> Result<ApiResponse> {
        Err(Error::command(
            "Streaming a request body or answer is not supported here",
        ))
    }
    /// The current token, authenticating first when needed.
    fn token(&mut self) -> Result<TokenInfo>;
    /// A transport for another thread, sharing this one's login (see [`ClientManager::fork`]); `None` when this
    /// transport cannot be shared (an external plugin's pipe), and the work then stays on one thread.
    fn fork(&mut self) -> Result<Option<Box<dyn Transport + Send>>> {
        Ok(None)
    }
    /// The current token for `token issue`, which hands it to scripts: one taken from the token cache is first
    /// checked with the server and replaced if refused. Transports without a cache hand out `token()`.
    fn validated_token(&mut self) -> Result<TokenInfo> {
        self.token()
    }
    /// The endpoint URL for a service type (interface and region from the configuration).
    fn endpoint(&mut self, service_type: &str) -> Result<String>;
    /// `(method, url, seconds)` of every request sent so far, for `--timing`.
    fn timings(&self) -> Vec<(String, String, f64)> {
        Vec::new()
    }
    /// Forgets a token (after `token revoke`): the session drops it if it is its own, and the token cache drops
    /// every entry holding it. Transports without a cache have nothing to forget.
    fn forget_token(&mut self, _token_id: &str) {}
}

/// Creates the transport on first use (authenticating, or loading a cached token).
pub type Connect = Box<dyn FnOnce() -> Result<Box<dyn Transport>>>;

/// Lazily-built access to the cloud for commands.
pub struct ClientManager {
    transport: Option<Box<dyn Transport>>,
    connect: Option<Connect>,
    clients: HashMap<String, Box<dyn Any>>,
    api_versions: HashMap<String, String>,
    /// Settings commands may read (region, interface, the merged configuration for `configuration show`).
    pub settings: Settings,
}

/// A [`ClientManager::fork`], which can be sent to another thread and becomes a manager there.
pub struct ForkedManager {
    transport: Box<dyn Transport + Send>,
    api_versions: HashMap<String, String>,
    settings: Settings,
}

impl ForkedManager {
    /// The manager, on the thread that uses it.
    pub fn into_manager(self) -> ClientManager {
        ClientManager {
            transport: Some(self.transport),
            connect: None,
            clients: HashMap::new(),
            api_versions: self.api_versions,
            settings: self.settings,
        }
    }
}

/// Plain settings known without authenticating.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--os-region-name`.
    pub region_name: Option<String>,
    /// `--os-interface` (default `public`).
    pub interface: String,
    /// The selected cloud's configuration (`None` only before the shell has loaded it).
    pub cloud: Option<crate::config::CloudConfig>,
    /// Every loaded command group with its command names, sorted (for `command list`).
    pub command_groups: std::collections::BTreeMap<String, Vec<String>>,
    /// Loaded module name → version (for `module list`).
    pub modules: std::collections::BTreeMap<String, String>,
}

impl ClientManager {
    /// A manager that connects (authenticates) on first use by calling `connect`.
    pub fn new(
        settings: Settings,
        connect: Box<dyn FnOnce() -> Result<Box<dyn Transport>>>,
    ) -> Self {
        ClientManager {
            transport: None,
            connect: Some(connect),
            clients: HashMap::new(),
            api_versions: HashMap::new(),
            settings,
        }
    }

    /// A manager over an existing transport (an external plugin's, or a test's).
    pub fn with_transport(settings: Settings, transport: Box<dyn Transport>) -> Self {
        ClientManager {
            transport: Some(transport),
            connect: None,
            clients: HashMap::new(),
            api_versions: HashMap::new(),
            settings,
        }
    }

    fn transport(&mut self) -> Result<&mut dyn Transport> {
        if self.transport.is_none() {
            let connect = self
                .connect
                .take()
                .ok_or_else(|| Error::command("No cloud session is available"))?;
            self.transport = Some(connect()?);
        }
        match self.transport.as_deref_mut() {
            Some(transport) => Ok(transport),
            None => Err(Error::command("No cloud session is available")),
        }
    }

    /// A manager for another thread (`--parallel`): the same cloud and login, its own clients. `None` when the
    /// transport cannot be shared. Authenticates first, so that the threads do not each log in.
    pub fn fork(&mut self) -> Result<Option<ForkedManager>> {
        let settings = self.settings.clone();
        let api_versions = self.api_versions.clone();
        Ok(self.transport()?.fork()?.map(|transport| ForkedManager {
            transport,
            api_versions,
            settings,
        }))
    }

    /// Creates the session now, validating the auth options, without authenticating.
    pub fn connect(&mut self) -> Result<()> {
        self.transport().map(|_| ())
    }

    /// Whether a session was created (for clean-up and `--timing`).
    pub fn is_connected(&self) -> bool {
        self.transport.is_some()
    }

    /// Sends a request; non-2xx answers become errors with OSC's message.
    pub fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse> {
        self.transport()?.send(request)
    }

    /// Sends a request with a streamed body and/or answer (see [`Transport::send_streaming`]).
    pub fn send_streaming(
        &mut self,
        request: &ApiRequest,
        upload: Option<crate::http::Upload<'_>>,
        download: Option<&mut dyn std::io::Write>,
        progress: Option<&mut dyn FnMut(u64)>,
    ) -> Result<ApiResponse> {
        self.transport()?
            .send_streaming(request, upload, download, progress)
    }

    /// GET a path and parse the JSON answer.
    pub fn get(
        &mut self,
        service_type: &str,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<Json> {
        let mut request = ApiRequest::new(Method::Get, service_type, path);
        for (key, value) in query {
            request = request.query(key, value.clone());
        }
        self.send(&request)?.json()
    }

    /// POST a JSON body and parse the JSON answer.
    pub fn post(&mut self, service_type: &str, path: &str, body: Json) -> Result<Json> {
        self.send(&ApiRequest::new(Method::Post, service_type, path).json(body))?
            .json()
    }

    /// PUT a JSON body and parse the JSON answer.
    pub fn put(&mut self, service_type: &str, path: &str, body: Json) -> Result<Json> {
        self.send(&ApiRequest::new(Method::Put, service_type, path).json(body))?
            .json()
    }

    /// PATCH a JSON body and parse the JSON answer.
    pub fn patch(&mut self, service_type: &str, path: &str, body: Json) -> Result<Json> {
        self.send(&ApiRequest::new(Method::Patch, service_type, path).json(body))?
            .json()
    }

    /// DELETE a path.
    pub fn delete(&mut self, service_type: &str, path: &str) -> Result<()> {
        self.send(&ApiRequest::new(Method::Delete, service_type, path))
            .map(|_| ())
    }

    /// The session's token (authenticating if needed).
    pub fn token(&mut self) -> Result<TokenInfo> {
        self.transport()?.token()
    }

    /// The current token, checked with the server first if it came from the token cache (`token issue`).
    pub fn validated_token(&mut self) -> Result<TokenInfo> {
        self.transport()?.validated_token()
    }

    /// The endpoint of a service type.
    pub fn endpoint(&mut self, service_type: &str) -> Result<String> {
        self.transport()?.endpoint(service_type)
    }

    /// Forgets a revoked token in the session and the token cache (nothing to do when no session was created).
    pub fn forget_token(&mut self, token_id: &str) {
        if let Some(transport) = self.transport.as_deref_mut() {
            transport.forget_token(token_id);
        }
    }

    /// `(method, url, seconds)` of every request sent so far (none when no session was created).
    pub fn timings(&self) -> Vec<(String, String, f64)> {
        self.transport
            .as_ref()
            .map(|t| t.timings())
            .unwrap_or_default()
    }

    /// The API version chosen for a plugin (`identity` → `3`).
    pub fn api_version(&self, api_name: &str) -> Option<&str> {
        self.api_versions.get(api_name).map(String::as_str)
    }

    /// Every plugin's chosen API version, by API name (sent to external plugins).
    pub fn api_versions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.api_versions
            .iter()
            .map(|(name, version)| (name.as_str(), version.as_str()))
    }

    /// Records the API version chosen for a plugin.
    pub fn set_api_version(&mut self, api_name: &str, version: &str) {
        self.api_versions
            .insert(api_name.to_owned(), version.to_owned());
    }

    /// A plugin's client, built by `make` on first use and cached under the plugin's API name (OSC's ClientCache).
    pub fn client<T: Any>(
        &mut self,
        api_name: &str,
        make: impl FnOnce(&mut ClientManager) -> Result<T>,
    ) -> Result<&mut T> {
        if !self.clients.contains_key(api_name) {
            let client = make(self)?;
            self.clients.insert(api_name.to_owned(), Box::new(client));
        }
        self.clients
            .get_mut(api_name)
            .and_then(|client| client.downcast_mut::<T>())
            .ok_or_else(|| Error::command(format!("The {api_name} client has another type")))
    }
}
