//! The process's one blocking HTTP client: requests, responses, keystoneauth's error messages and its `--debug`
//! request/response log lines (with secrets redacted), and per-request timings for `--timing`.
//!
//! Transport is ureq with rustls on ring and the system's root certificates. Measured on this project's 2-core
//! machine (clean debug build of ureq and its TLS stack alone): rustls + ring 15.2 s, native-tls (OpenSSL) 23.4 s;
//! release builds 37.5 s and 36.1 s. rustls also links statically, so the binary does not load libssl/libcrypto at
//! every start, which matters for a CLI that must start in a few milliseconds. The TLS configuration (system roots
//! or `--os-cacert`, client certificate) is built only when the first `https` request is made: plain `http` URLs
//! never pay for it.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use cliff::{Error, Result};
use serde_json::Value as Json;
use ureq::config::AutoHeaderValue;
use ureq::tls::{Certificate, ClientCert, PemItem, PrivateKey, RootCerts, TlsConfig, TlsProvider};
use ureq::Agent;

use crate::clientmanager::Method;

/// Headers keystoneauth never logs in clear: their values are replaced by `{SHA256}<hex digest>`.
const SECURE_HEADERS: [&str; 4] = [
    "authorization",
    "x-auth-token",
    "x-subject-token",
    "x-service-token",
];

/// keystoneauth follows redirects itself, at most this many times.
const MAX_REDIRECTS: u32 = 30;
const REDIRECT_STATUSES: [u16; 6] = [301, 302, 303, 305, 307, 308];

/// The error for a redirect loop: its last answer has no body to parse, so say what happened instead of letting
/// the caller fail on a missing key (or show an empty resource).
fn redirect_loop(response: &Response) -> Error {
    let to = response
        .header("location")
        .map(|location| format!(" to {location}"))
        .unwrap_or_default();
    Error::command(format!(
        "Exceeded {MAX_REDIRECTS} redirects: {} answered {}{to} again",
        response.url, response.status
    ))
}

/// How to reach the cloud: TLS settings, timeout and the User-Agent.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Verify server certificates (`--verify`, the default); `false` is `--insecure`.
    pub verify: bool,
    /// A CA bundle to verify against instead of the system's roots (`--os-cacert`).
    pub cacert: Option<PathBuf>,
    /// A client certificate in PEM (`--os-cert`); it may also hold the key.
    pub cert: Option<PathBuf>,
    /// The client certificate's private key in PEM (`--os-key`).
    pub key: Option<PathBuf>,
    /// A timeout for each whole request; `None` waits forever, as keystoneauth does by default.
    pub timeout: Option<Duration>,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// Proxies, from the environment by default.
    pub proxies: ProxyConfig,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            verify: true,
            cacert: None,
            cert: None,
            key: None,
            timeout: None,
            user_agent: default_user_agent(),
            proxies: ProxyConfig::from_env(),
        }
    }
}

/// Proxies per scheme, as Python's requests takes them from the environment: `http_proxy` for `http` URLs,
/// `https_proxy` for `https` ones, `all_proxy` for both (lower-case names win), and the hosts of `no_proxy` go
/// direct. Unlike requests, ureq reaches `http` URLs through a proxy with a `CONNECT` tunnel too, which proxies
/// that allow `CONNECT` only to port 443 (squid's default) refuse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxyConfig {
    /// The proxy for `http` URLs.
    pub http: Option<String>,
    /// The proxy for `https` URLs.
    pub https: Option<String>,
    /// `no_proxy` entries: host names and domains (`example.com` also matches its subdomains), IP addresses,
    /// IPv4 networks (`10.0.0.0/8`), or `*` for every host.
    pub no_proxy: Vec<String>,
}

impl ProxyConfig {
    /// The proxies the environment names.
    pub fn from_env() -> ProxyConfig {
        let var = |name: &str| {
            std::env::var(name.to_ascii_lowercase())
                .ok()
                .filter(|value| !value.is_empty())
                .or_else(|| std::env::var(name).ok().filter(|value| !value.is_empty()))
        };
        let all = var("ALL_PROXY");
        ProxyConfig {
            http: var("HTTP_PROXY").or_else(|| all.clone()),
            https: var("HTTPS_PROXY").or(all),
            no_proxy: var("NO_PROXY")
                .map(|list| {
                    list.split(',')
                        .map(str::trim)
                        .filter(|entry| !entry.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// The proxy to use for a URL, if any (urllib's `proxy_bypass_environment` for `no_proxy`).
    pub fn proxy_for(&self, url: &str) -> Option<&str> {
        let (https, host, port, _) = url_parts(url);
        let proxy = if https { &self.https } else { &self.http };
        let proxy = proxy.as_deref()?;
        let host = host.to_ascii_lowercase();
        let host_port = format!("{host}:{port}");
        let bypass = self.no_proxy.iter().any(|entry| {
            let entry = entry.trim_start_matches('.').to_ascii_lowercase();
            entry == "*"
                || host == entry
                || host_port == entry
                || host.ends_with(&format!(".{entry}"))
                || host_port.ends_with(&format!(".{entry}"))
                || ipv4_in_network(&host, &entry)
        });
        (!bypass).then_some(proxy)
    }
}

/// Whether an IPv4 address is in a `a.b.c.d/n` network.
fn ipv4_in_network(host: &str, network: &str) -> bool {
    let Some((base, bits)) = network.split_once('/') else {
        return false;
    };
    let (Ok(host), Ok(base), Ok(bits)) = (
        host.parse::<std::net::Ipv4Addr>(),
        base.parse::<std::net::Ipv4Addr>(),
        bits.parse::<u32>(),
    ) else {
        return false;
    };
    if bits > 32 {
        return false;
    }
    let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
    u32::from(host) & mask == u32::from(base) & mask
}

/// `openstack-rs/<version>`, the product part of our User-Agent.
pub fn default_user_agent() -> String {
    format!("openstack-rs/{}", env!("CARGO_PKG_VERSION"))
}

/// A request body.
#[derive(Clone)]
pub enum Body {
    /// JSON, sent as Python's `json.dumps` would encode it (as keystoneauth does), with `Content-Type:
    /// application/json` unless the request sets one.
    Json(Json),
    /// Raw bytes with their content type.
    Raw {
        /// The `Content-Type` header.
        content_type: String,
        /// The bytes.
        data: Vec<u8>,
    },
}

/// A request body streamed from a reader (a file, stdin) instead of held in memory.
pub struct Upload<'a> {
    /// Where the bytes come from.
    pub reader: &'a mut dyn Read,
    /// The length when known (a file): sent as `Content-Length`; `None` sends the body chunked (stdin).
    pub length: Option<u64>,
    /// The `Content-Type` header, unless the request sets one (none when empty).
    pub content_type: String,
}

/// A reader or writer that counts the bytes through it and tells `progress`.
struct Counted<'p, T> {
    inner: T,
    moved: u64,
    progress: &'p mut dyn FnMut(u64),
}

impl<T: Read> Read for Counted<'_, T> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.moved += n as u64;
        (self.progress)(self.moved);
        Ok(n)
    }
}

impl<T: Write> Write for Counted<'_, T> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.moved += n as u64;
        (self.progress)(self.moved);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// One HTTP request to an absolute URL.
#[derive(Clone)]
pub struct Request {
    /// GET, POST...
    pub method: Method,
    /// The absolute URL, possibly with a query string already in it.
    pub url: String,
    /// Query parameters appended to the URL (form-encoded as Python's `urlencode`).
    pub query: Vec<(String, String)>,
    /// Headers in the order given; names keep the caller's spelling for the debug log.
    pub headers: Vec<(String, String)>,
    /// The body, if any.
    pub body: Option<Body>,
    /// Write keystoneauth's `REQ:`/`RESP:` debug lines (the authentication request turns this off, as there).
    pub log: bool,
    /// The service type for the `... call to <service> for <url> used request id ...` debug line.
    pub service_name: Option<String>,
    /// Record a 4xx/5xx answer for `--timing` too (the default). keystoneauth records none for a request that
    /// raises on it (`raise_exc=True`), such as version discovery's.
    pub time_failures: bool,
}

impl Request {
    /// A logged request without query, headers or body.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        Request {
            method,
            url: url.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            log: true,
            service_name: None,
            time_failures: true,
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// Sets a JSON body.
    pub fn json(mut self, body: Json) -> Self {
        self.body = Some(Body::Json(body));
        self
    }

    /// The header's value, if the request sets it (name matched case-insensitively).
    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The URL with the query parameters appended, as sent.
    pub fn full_url(&self) -> String {
        if self.query.is_empty() {
            return self.url.clone();
        }
        let separator = if self.url.contains('?') { '&' } else { '?' };
        format!("{}{separator}{}", self.url, urlencode(&self.query))
    }
}

/// A response with any status; [`Response::error_for_status`] turns 4xx/5xx into OSC's error.
#[derive(Clone)]
pub struct Response {
    /// The method of the request that got this response.
    pub method: Method,
    /// The URL that answered (after redirects).
    pub url: String,
    /// HTTP status.
    pub status: u16,
    /// Headers as received, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A header's value (name matched case-insensitively; repeated headers joined with `, ` as requests does).
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect();
        if values.is_empty() {
            None
        } else {
            Some(values.join(", "))
        }
    }

    /// The `x-openstack-request-id` (or Nova's `x-compute-request-id`).
    pub fn request_id(&self) -> Option<String> {
        self.header("x-openstack-request-id")
            .or_else(|| self.header("x-compute-request-id"))
    }

    /// The body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body parsed as JSON (`null` when empty); anything else is an error naming the request.
    pub fn json(&self) -> Result<Json> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Json::Null);
        }
        serde_json::from_slice(&self.body).map_err(|_| {
            Error::command(format!(
                "{} {} returned HTTP {} with a non-JSON body: {}",
                self.method.as_str(),
                self.url,
                self.status,
                one_line_excerpt(&self.text(), 100)
            ))
        })
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The response itself when its status is below 400, else keystoneauth's error for it.
    pub fn error_for_status(self) -> Result<Response> {
        if self.status >= 400 {
            Err(http_error(&self))
        } else {
            Ok(self)
        }
    }
}

/// Secrets stay out of debug output: JSON bodies are redacted, raw ones shown by size.
impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Json(json) => write!(f, "Json({})", python_json(&redact_json(json))),
            Body::Raw { content_type, data } => {
                write!(f, "Raw({content_type}, {} bytes)", data.len())
            }
        }
    }
}

fn redacted_headers(headers: &[(String, String)]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| (name.clone(), redact_header(name, value)))
        .collect()
}

/// Tokens in headers are shown hashed, as in the `REQ:` log line.
impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("query", &self.query)
            .field("headers", &redacted_headers(&self.headers))
            .field("body", &self.body)
            .field("log", &self.log)
            .field("service_name", &self.service_name)
            .finish()
    }
}

/// Tokens in headers are shown hashed and the body only by size (it may hold a new secret).
impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Response")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("status", &self.status)
            .field("headers", &redacted_headers(&self.headers))
            .field("body", &format_args!("{} bytes", self.body.len()))
            .finish()
    }
}

/// The time one request took, for `--timing`.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    /// GET, POST...
    pub method: String,
    /// The URL requested, with its query string.
    pub url: String,
    /// Wall-clock seconds from sending the request to having read the whole response.
    pub seconds: f64,
}

/// A duration as requests' `elapsed.total_seconds()` gives it: whole microseconds (a `timedelta`) divided by
/// 10^6, so that `--timing` prints `0.138981` where the nanoseconds would print `0.138981813`.
pub fn timedelta_seconds(duration: Duration) -> f64 {
    duration.as_micros() as f64 / 1e6
}

/// The blocking HTTP client shared by everything in the process.
pub struct HttpClient {
    config: HttpConfig,
    /// Agents by scheme and proxy (`[http, http proxied, https, https proxied]`), each made on first use.
    agents: [OnceLock<std::result::Result<Agent, String>>; 4],
    timings: Mutex<Vec<Timing>>,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpClient")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl HttpClient {
    /// A client with these settings; nothing is set up until the first request.
    pub fn new(config: HttpConfig) -> Self {
        HttpClient {
            config,
            agents: Default::default(),
            timings: Mutex::new(Vec::new()),
        }
    }

    /// The settings.
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    /// Every request made so far with its duration, in order.
    pub fn timings(&self) -> Vec<Timing> {
        self.timings
            .lock()
            .map(|timings| timings.clone())
            .unwrap_or_default()
    }

    /// Sends a request, following redirects as keystoneauth does (same method and body, at most 30). Any HTTP
    /// status is returned as a response; only a failure to talk to the server is an error.
    pub fn send(&self, request: &Request) -> Result<Response> {
        crate::unencodable::check_request(request)?;
        let mut headers = request.headers.clone();
        if request.header_value("User-Agent").is_none() {
            headers.push(("User-Agent".to_owned(), self.config.user_agent.clone()));
        }
        let body: Option<Vec<u8>> = match &request.body {
            None => None,
            Some(Body::Json(json)) => {
                if request.header_value("Content-Type").is_none() {
                    headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
                }
                Some(python_json(json).into_bytes())
            }
            Some(Body::Raw { content_type, data }) => {
                if request.header_value("Content-Type").is_none() {
                    headers.push(("Content-Type".to_owned(), content_type.clone()));
                }
                Some(data.clone())
            }
        };
        if request.log && log::log_enabled!(log::Level::Debug) {
            log::debug!("{}", self.curl_line(request, &headers));
        }
        let mut url = request.full_url();
        let mut redirects = 0;
        loop {
            let response = self.send_once(
                request.method,
                &url,
                &headers,
                body.as_deref(),
                request.time_failures,
            )?;
            if request.log && log::log_enabled!(log::Level::Debug) {
                log_response(&response);
            }
            if REDIRECT_STATUSES.contains(&response.status) && redirects >= MAX_REDIRECTS {
                return Err(redirect_loop(&response));
            }
            if !REDIRECT_STATUSES.contains(&response.status) {
                if request.log {
                    log_request_id(request, &response);
                }
                return Ok(response);
            }
            let Some(location) = response.header("location") else {
                log::warn!(
                    "Failed to redirect request to {} as new location was not provided.",
                    response.url
                );
                return Ok(response);
            };
            url = join_url(&url, &location);
            redirects += 1;
        }
    }

    fn send_once(
        &self,
        method: Method,
        url: &str,
        headers: &[(String, String)],
        body: Option<&[u8]>,
        time_failures: bool,
    ) -> Result<Response> {
        let agent = self.agent_for(url)?;
        let mut builder = ureq::http::Request::builder()
            .method(method.as_str())
            .uri(url);
        for (name, value) in headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let started = Instant::now();
        let result = match body {
            Some(data) => builder.body(data).map(|request| agent.run(request)),
            None => builder.body(()).map(|request| agent.run(request)),
        };
        let mut response = match result {
            Ok(Ok(response)) => response,
            Ok(Err(err)) => return Err(connection_error(url, &err)),
            Err(err) => return Err(Error::command(format!("Invalid request to {url}: {err}"))),
        };
        let data = response
            .body_mut()
            .with_config()
            .limit(u64::MAX)
            .read_to_vec()
            .map_err(|err| connection_error(url, &err))?;
        Ok(self.finish(method, url, started, &response, data, time_failures))
    }

    /// The response as the callers get it, the request's time recorded for `--timing`.
    fn finish(
        &self,
        method: Method,
        url: &str,
        started: Instant,
        response: &ureq::http::Response<ureq::Body>,
        body: Vec<u8>,
        time_failures: bool,
    ) -> Response {
        let seconds = timedelta_seconds(started.elapsed());
        let timed = time_failures || response.status().as_u16() < 400;
        if let (true, Ok(mut timings)) = (timed, self.timings.lock()) {
            timings.push(Timing {
                method: method.as_str().to_owned(),
                url: url.to_owned(),
                seconds,
            });
        }
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        Response {
            method,
            url: url.to_owned(),
            status: response.status().as_u16(),
            headers,
            body,
        }
    }

    /// Sends a request whose body is read from `upload` as it is sent, and whose answer body, when the status is
    /// 2xx, is written to `download` as it arrives: neither is ever held whole in memory, so a 2 GiB image costs
    /// a buffer. `progress` is told the bytes moved so far (sent for an upload, received for a download). Error
    /// answers (4xx/5xx) are read whole into the response, as they are short and callers word them. A streamed
    /// upload cannot be sent twice, so redirects are not followed then (the 3xx answer is returned).
    pub fn send_streaming(
        &self,
        request: &Request,
        upload: Option<Upload<'_>>,
        download: Option<&mut dyn Write>,
        progress: Option<&mut dyn FnMut(u64)>,
    ) -> Result<Response> {
        crate::unencodable::check_request(request)?;
        let mut headers = request.headers.clone();
        if request.header_value("User-Agent").is_none() {
            headers.push(("User-Agent".to_owned(), self.config.user_agent.clone()));
        }
        if let Some(upload) = &upload {
            // An empty type sends none, as `requests` sends a file (Swift then guesses it from the name).
            if request.header_value("Content-Type").is_none() && !upload.content_type.is_empty() {
                headers.push(("Content-Type".to_owned(), upload.content_type.clone()));
            }
            // With a known length the body is sent with `Content-Length`, else chunked (ureq's choice when the
            // request names no length), as `requests` does for a file and for a generator.
            if let Some(length) = upload.length {
                headers.retain(|(name, _)| !name.eq_ignore_ascii_case("Content-Length"));
                headers.push(("Content-Length".to_owned(), length.to_string()));
            }
        }
        if request.log && log::log_enabled!(log::Level::Debug) {
            let mut line = self.curl_line(request, &headers);
            if upload.is_some() {
                line.push_str(" -d '<streamed body>'");
            }
            log::debug!("{line}");
        }
        let mut url = request.full_url();
        let mut redirects = 0;
        let mut upload = upload;
        let mut download = download;
        let mut ignore = |_: u64| {};
        let progress: &mut dyn FnMut(u64) = match progress {
            Some(progress) => progress,
            None => &mut ignore,
        };
        loop {
            let sink: Option<&mut dyn Write> = match download {
                Some(ref mut sink) => Some(&mut **sink),
                None => None,
            };
            let response =
                self.stream_once(request, &url, &headers, upload.take(), sink, &mut *progress)?;
            if request.log && log::log_enabled!(log::Level::Debug) {
                log_response(&response);
                log_request_id(request, &response);
            }
            let streamed_upload = request.method != Method::Get && request.method != Method::Head;
            if !REDIRECT_STATUSES.contains(&response.status) || streamed_upload {
                return Ok(response);
            }
            if redirects >= MAX_REDIRECTS {
                return Err(redirect_loop(&response));
            }
            let Some(location) = response.header("location") else {
                return Ok(response);
            };
            url = join_url(&url, &location);
            redirects += 1;
        }
    }

    fn stream_once(
        &self,
        request: &Request,
        url: &str,
        headers: &[(String, String)],
        upload: Option<Upload<'_>>,
        download: Option<&mut dyn Write>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Response> {
        let agent = self.agent_for(url)?;
        let mut builder = ureq::http::Request::builder()
            .method(request.method.as_str())
            .uri(url);
        for (name, value) in headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let started = Instant::now();
        let result = match upload {
            Some(upload) => {
                let mut counted = Counted {
                    inner: upload.reader,
                    moved: 0,
                    progress: &mut *progress,
                };
                builder
                    .body(ureq::SendBody::from_reader(&mut counted))
                    .map(|request| agent.run(request))
            }
            None => builder.body(()).map(|request| agent.run(request)),
        };
        let mut response = match result {
            Ok(Ok(response)) => response,
            Ok(Err(err)) => return Err(connection_error(url, &err)),
            Err(err) => return Err(Error::command(format!("Invalid request to {url}: {err}"))),
        };
        let status = response.status().as_u16();
        let data = match download {
            Some(sink) if (200..300).contains(&status) => {
                let mut reader = response.body_mut().with_config().limit(u64::MAX).reader();
                let mut counted = Counted {
                    inner: sink,
                    moved: 0,
                    progress,
                };
                // 64 KiB at a time rather than io::copy's 8 KiB: a sink that hashes (image save) or writes a
                // file costs less per call, and 64 KiB is still nothing next to the body.
                let mut buffer = vec![0u8; 64 * 1024];
                loop {
                    let read = match reader.read(&mut buffer) {
                        Ok(0) => break,
                        Ok(read) => read,
                        Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(err) => {
                            return Err(Error::command(format!("Failed to download {url}: {err}")))
                        }
                    };
                    counted.write_all(&buffer[..read]).map_err(|err| {
                        Error::command(format!("Failed to download {url}: {err}"))
                    })?;
                }
                counted
                    .inner
                    .flush()
                    .map_err(|err| Error::command(format!("Failed to download {url}: {err}")))?;
                Vec::new()
            }
            _ => response
                .body_mut()
                .with_config()
                .limit(u64::MAX)
                .read_to_vec()
                .map_err(|err| connection_error(url, &err))?,
        };
        Ok(self.finish(
            request.method,
            url,
            started,
            &response,
            data,
            request.time_failures,
        ))
    }

    /// The agent for a URL's scheme and proxy, built on first use.
    fn agent_for(&self, url: &str) -> Result<&Agent> {
        let https = url
            .get(..8)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"));
        let proxy = self.config.proxies.proxy_for(url);
        let slot = usize::from(https) * 2 + usize::from(proxy.is_some());
        match self.agents[slot].get_or_init(|| self.make_agent(https, proxy)) {
            Ok(agent) => Ok(agent),
            // requests raises this OSError before connecting, and nothing catches it: OSC prints it alone.
            Err(reason) if reason.starts_with(CA_BUNDLE_MISSING) => {
                Err(Error::command(reason.clone()))
            }
            Err(reason) if https => Err(Error::command(format!(
                "SSL exception connecting to {url}: {reason}"
            ))),
            Err(reason) => Err(Error::command(format!("Invalid proxy for {url}: {reason}"))),
        }
    }

    /// An agent for one scheme, through a proxy or not; the TLS set-up is done only for `https`.
    fn make_agent(&self, https: bool, proxy: Option<&str>) -> std::result::Result<Agent, String> {
        let tls = if https {
            self.tls_config()?
        } else {
            TlsConfig::builder().build()
        };
        let proxy = match proxy {
            Some(url) => Some(ureq::Proxy::new(url).map_err(|err| format!("{url}: {err}"))?),
            None => None,
        };
        Ok(Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(AutoHeaderValue::None)
            .accept_encoding(AutoHeaderValue::None)
            .timeout_global(self.config.timeout)
            .proxy(proxy)
            .tls_config(tls)
            .build()
            .into())
    }

    /// The TLS settings for `https` URLs: verification, root certificates and the client certificate.
    fn tls_config(&self) -> std::result::Result<TlsConfig, String> {
        let mut tls = TlsConfig::builder().provider(TlsProvider::Rustls);
        if !self.config.verify {
            tls = tls.disable_verification(true);
        } else if let Some(path) = &self.config.cacert {
            let pem = std::fs::read(path)
                .map_err(|_| format!("{CA_BUNDLE_MISSING}{}", path.display()))?;
            let certs = pem_certificates(&pem);
            if certs.is_empty() {
                return Err(format!("No CA certificate found in {}", path.display()));
            }
            tls = tls.root_certs(RootCerts::Specific(std::sync::Arc::new(certs)));
        } else {
            let certs = system_roots();
            if certs.is_empty() {
                return Err("No CA certificates were found on this system".to_owned());
            }
            tls = tls.root_certs(RootCerts::Specific(std::sync::Arc::new(certs)));
        }
        if let Some(cert_path) = &self.config.cert {
            tls = tls.client_cert(Some(self.client_cert(cert_path)?));
        }
        Ok(tls.build())
    }

    fn client_cert(&self, cert_path: &PathBuf) -> std::result::Result<ClientCert, String> {
        let cert_pem = std::fs::read(cert_path)
            .map_err(|err| format!("Could not read {}: {err}", cert_path.display()))?;
        let certs = pem_certificates(&cert_pem);
        if certs.is_empty() {
            return Err(format!("No certificate found in {}", cert_path.display()));
        }
        let key_path = self.config.key.as_ref().unwrap_or(cert_path);
        let key_pem = std::fs::read(key_path)
            .map_err(|err| format!("Could not read {}: {err}", key_path.display()))?;
        // ureq panics on a key rustls cannot use, so check it here first.
        let key_der = {
            use rustls::pki_types::pem::PemObject;
            rustls::pki_types::PrivateKeyDer::from_pem_slice(&key_pem)
                .map_err(|_| format!("No private key found in {}", key_path.display()))?
        };
        rustls::crypto::ring::sign::any_supported_type(&key_der)
            .map_err(|err| format!("Unusable private key in {}: {err}", key_path.display()))?;
        let key = PrivateKey::from_pem(&key_pem)
            .map_err(|err| format!("No private key found in {}: {err}", key_path.display()))?;
        Ok(ClientCert::new_with_certs(&certs, key))
    }

    /// keystoneauth's `REQ: curl -g -i ...` line.
    fn curl_line(&self, request: &Request, headers: &[(String, String)]) -> String {
        let mut line = String::from("REQ: curl -g -i");
        if !self.config.verify {
            line.push_str(" --insecure");
        } else if let Some(cacert) = &self.config.cacert {
            let _ = write!(line, " --cacert \"{}\"", cacert.display());
        }
        let _ = write!(line, " -X {}", request.method.as_str());
        if request.query.is_empty() {
            let _ = write!(line, " {}", request.url);
        } else {
            let _ = write!(line, " \"{}\"", request.full_url());
        }
        let mut sorted: Vec<&(String, String)> = headers.iter().collect();
        sorted.sort();
        for (name, value) in sorted {
            let _ = write!(line, " -H \"{name}: {}\"", redact_header(name, value));
        }
        match &request.body {
            None => {}
            Some(Body::Json(json)) => {
                let _ = write!(line, " -d '{}'", python_json(&redact_json(json)));
            }
            Some(Body::Raw { data, .. }) => {
                if data.is_ascii() {
                    let _ = write!(line, " -d '{}'", String::from_utf8_lossy(data));
                } else {
                    line.push_str(" -d '<binary_data>'");
                }
            }
        }
        line
    }
}

/// The start of requests' error for a CA bundle path that does not exist (also a `verify: "false"` setting).
pub const CA_BUNDLE_MISSING: &str =
    "Could not find a suitable TLS CA certificate bundle, invalid path: ";

/// Whether an error is the missing CA bundle, which version discovery must not swallow (requests raises it
/// before any connection, and keystoneauth's discovery catches only its own exceptions).
pub fn is_ca_bundle_missing(error: &Error) -> bool {
    error.message.starts_with(CA_BUNDLE_MISSING)
}

/// The system's root certificates: the bundle file when there is one (`SSL_CERT_FILE`, else the distribution's:
/// Debian's `ca-certificates.crt`, RHEL's `tls-ca-bundle.pem`), otherwise every certificate of the certificate
/// directories. OpenSSL reads its hashed directory lazily, one file per issuer; reading all ~300 files up front
/// takes 2-8 ms against well under 1 ms for the bundle, which holds the same certificates once
/// `update-ca-certificates` (or `update-ca-trust`) has run.
fn system_roots() -> Vec<Certificate<'static>> {
    let bundle = std::env::var_os("SSL_CERT_FILE")
        .map(PathBuf::from)
        .filter(|file| file.is_file())
        .or_else(|| openssl_probe::probe().cert_file);
    if let Some(pem) = bundle.and_then(|file| std::fs::read(file).ok()) {
        let certs = pem_certificates(&pem);
        if !certs.is_empty() {
            return certs;
        }
    }
    rustls_native_certs::load_native_certs()
        .certs
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned())
        .collect()
}

fn pem_certificates(pem: &[u8]) -> Vec<Certificate<'static>> {
    ureq::tls::parse_pem(pem)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(cert),
            _ => None,
        })
        .collect()
}

/// keystoneauth's `<METHOD> call to <service> for <url> used request id <id>` line (`call to <url>` when the
/// request names no service), for the `x-openstack-request-id` or Nova's `x-compute-request-id`.
fn log_request_id(request: &Request, response: &Response) {
    let Some(id) = response.request_id() else {
        return;
    };
    let method = request.method.as_str();
    match &request.service_name {
        Some(service) => log::debug!(
            "{method} call to {service} for {} used request id {id}",
            response.url
        ),
        None => log::debug!("{method} call to {} used request id {id}", response.url),
    }
}

/// keystoneauth's `RESP: [status] headers...` and `RESP BODY: ...` lines.
fn log_response(response: &Response) {
    let mut line = format!("RESP: [{}]", response.status);
    let mut headers: Vec<(String, String)> = Vec::new();
    for (name, value) in &response.headers {
        let shown = display_header_name(name);
        match headers.iter_mut().find(|(key, _)| *key == shown) {
            Some((_, joined)) => {
                joined.push_str(", ");
                joined.push_str(value);
            }
            None => headers.push((shown, value.clone())),
        }
    }
    headers.sort();
    for (name, value) in &headers {
        let _ = write!(line, " {name}: {}", redact_header(name, value));
    }
    log::debug!("{line}");
    let content_type = response.header("content-type");
    let text = match content_type.as_deref() {
        Some(kind) if kind.starts_with("application/json") || kind.starts_with("text/plain") => {
            loggable_body(&response.text())
        }
        _ => format!(
            "Omitted, Content-Type is set to {}. Only application/json, text/plain responses have their bodies \
             logged.",
            content_type.as_deref().unwrap_or("None")
        ),
    };
    if !text.is_empty() {
        log::debug!("RESP BODY: {text}");
    }
}

/// A response body for the log: the service catalog of a token replaced by `<removed>` (as keystoneauth) and
/// secrets masked; the text as received when nothing had to change.
fn loggable_body(text: &str) -> String {
    let Ok(mut json) = serde_json::from_str::<Json>(text) else {
        return text.to_owned();
    };
    let mut changed = false;
    if let Some(token) = json.get_mut("token").and_then(Json::as_object_mut) {
        if let Some(catalog) = token.get_mut("catalog") {
            *catalog = Json::String("<removed>".to_owned());
            changed = true;
        }
    }
    let redacted = redact_json(&json);
    if redacted != json {
        changed = true;
    }
    if changed {
        python_json(&redacted)
    } else {
        text.to_owned()
    }
}

/// How requests would print a header name the server sent: we only have it in lower case, so use the usual
/// `Title-Case`, except oslo.middleware's request-id headers, which OpenStack services send in lower case.
fn display_header_name(name: &str) -> String {
    if name.starts_with("x-openstack-request-id") || name.starts_with("x-compute-request-id") {
        return name.to_owned();
    }
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The value to log for a header: tokens become `{SHA256}<hex>`.
pub fn redact_header(name: &str, value: &str) -> String {
    if SECURE_HEADERS
        .iter()
        .any(|secure| name.eq_ignore_ascii_case(secure))
    {
        format!("{{SHA256}}{}", sha256_hex(value.as_bytes()))
    } else {
        value.to_owned()
    }
}

/// Lower-case hex SHA-256 of the bytes.
pub fn sha256_hex(data: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, data);
    let mut hex = String::with_capacity(64);
    for byte in digest.as_ref() {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Keys whose string values are secrets (compared case-insensitively as suffixes, as oslo's `mask_password`
/// matches `"...password": "..."`): passwords, application-credential and EC2 secrets, TOTP passcodes, tokens and
/// credential blobs.
const SECRET_KEY_SUFFIXES: [&str; 10] = [
    "password",
    "adminpass",
    "admin_pass",
    "new_pass",
    "secret",
    "passcode",
    "passphrase",
    "private_key",
    "token",
    "blob",
];

/// Whether a JSON key (or an `OS_*` variable name without `OS_`) names a secret.
pub(crate) fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SECRET_KEY_SUFFIXES
        .iter()
        .any(|suffix| key.ends_with(suffix))
}

/// A copy of a JSON document for the log: string values of secret keys become `***`, and so does the `id` of an
/// object under a secret key (the v3 token method's `{"token": {"id": ...}}`).
pub fn redact_json(json: &Json) -> Json {
    match json {
        Json::Object(map) => Json::Object(
            map.iter()
                .map(|(key, value)| {
                    let redacted = if is_secret_key(key) {
                        match value {
                            Json::String(_) => Json::String("***".to_owned()),
                            Json::Object(inner) => {
                                let mut inner = redact_json(&Json::Object(inner.clone()));
                                if let Some(id) = inner.get_mut("id") {
                                    if id.is_string() {
                                        *id = Json::String("***".to_owned());
                                    }
                                }
                                inner
                            }
                            other => redact_json(other),
                        }
                    } else {
                        redact_json(value)
                    };
                    (key.clone(), redacted)
                })
                .collect(),
        ),
        Json::Array(items) => Json::Array(items.iter().map(redact_json).collect()),
        other => other.clone(),
    }
}

/// JSON as Python's `json.dumps` writes it by default (`", "` and `": "` separators, non-ASCII escaped), which is
/// what keystoneauth sends and logs.
pub fn python_json(json: &Json) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, PythonFormatter);
    // Serializing a Value into a Vec cannot fail: there is no I/O error and every Value is representable.
    let _ = serde::Serialize::serialize(json, &mut serializer);
    String::from_utf8(out).unwrap_or_default()
}

struct PythonFormatter;

impl serde_json::ser::Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if fragment.bytes().all(|byte| byte < 0x7f) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut units = [0u16; 2];
        for ch in fragment.chars() {
            if (ch as u32) < 0x7f {
                writer.write_all(&[ch as u8])?;
            } else if let Some(byte) = cliff::surrogate::escaped_byte(ch) {
                // An undecodable argv byte: Python's json.dumps writes its lone surrogate.
                write!(writer, "\\udc{byte:02x}")?;
            } else {
                for unit in ch.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }

    fn write_f64<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        value: f64,
    ) -> std::io::Result<()> {
        writer.write_all(python_float_repr(value).as_bytes())
    }
}

/// Python's `repr(float)`: shortest round-trip digits, scientific notation outside 1e-4 <= |x| < 1e16.
fn python_float_repr(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if value == 0.0 {
        return if value.is_sign_negative() {
            "-0.0"
        } else {
            "0.0"
        }
        .to_owned();
    }
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if (-4..16).contains(&exponent) {
        let plain = format!("{value}");
        if plain.contains('.') {
            plain
        } else {
            plain + ".0"
        }
    } else {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exponent.abs())
    }
}

/// Python's `urllib.parse.urlencode` (`quote_plus`: space as `+`, only `A-Za-z0-9_.-~` left as they are).
pub fn urlencode(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(key, value)| format!("{}={}", quote_plus(key), quote_plus(value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn quote_plus(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// Resolves a `Location` against the URL that answered.
fn join_url(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_owned();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    if let Some(path) = location.strip_prefix('/') {
        if let Some(net_path) = path.strip_prefix('/') {
            return format!("{scheme}://{net_path}");
        }
        return format!("{scheme}://{authority}/{path}");
    }
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let directory = match rest[..path_end].rfind('/') {
        Some(slash) if slash >= authority.len() => &rest[..=slash],
        _ => return format!("{scheme}://{authority}/{location}"),
    };
    format!("{scheme}://{directory}{location}")
}

/// The host of a URL (without port or IPv6 brackets).
fn url_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if let Some(bracketed) = authority.strip_prefix('[') {
        return bracketed.split(']').next().unwrap_or(bracketed).to_owned();
    }
    authority.split(':').next().unwrap_or(authority).to_owned()
}

/// Scheme, host and port of a URL, and its path with the query (what urllib3 calls the url of a request).
fn url_parts(url: &str) -> (bool, String, u16, String) {
    let https = url
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"));
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let mut path = rest[authority_end..]
        .split('#')
        .next()
        .unwrap_or("")
        .to_owned();
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    let host = url_host(url);
    let default_port = if https { 443 } else { 80 };
    let port_text = match authority.rfind(']') {
        Some(close) => authority[close + 1..].strip_prefix(':'),
        None => authority.rsplit_once(':').map(|(_, port)| port),
    };
    let port = port_text
        .and_then(|port| port.parse().ok())
        .unwrap_or(default_port);
    (https, host, port, path)
}

/// keystoneauth's message for a request that got no HTTP answer, with urllib3's wording of the cause where OSC
/// shows it (`keystone-down` samples).
fn connection_error(url: &str, err: &ureq::Error) -> Error {
    let (https, host, port, path) = url_parts(url);
    let (pool, connection) = if https {
        ("HTTPSConnectionPool", "HTTPSConnection")
    } else {
        ("HTTPConnectionPool", "HTTPConnection")
    };
    let max_retries = |cause: String| {
        format!("{pool}(host='{host}', port={port}): Max retries exceeded with url: {path} (Caused by {cause})")
    };
    let message = match err {
        ureq::Error::Timeout(_) => format!("Request to {url} timed out"),
        ureq::Error::HostNotFound => format!(
            "Unable to establish connection to {url}: {}",
            max_retries(format!(
                "NameResolutionError(\"{connection}(host='{host}', port={port}): Failed to resolve '{host}' ([Errno -2] \
                 Name or service not known)\")"
            ))
        ),
        ureq::Error::Io(io) if tls_cause(io).is_some() => {
            let reason = tls_cause(io).map(|tls| ssl_reason(tls, &host)).unwrap_or_default();
            format!("SSL exception connecting to {url}: {}", max_retries(reason))
        }
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut => format!("Request to {url} timed out"),
            std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted => {
                let errno = io.raw_os_error().unwrap_or(104);
                format!(
                    "Unable to establish connection to {url}: ('Connection aborted.', ConnectionResetError({errno}, \
                     '{}'))",
                    os_error_text(io)
                )
            }
            _ if io.to_string().starts_with("failed to lookup address information: ") => {
                let reason = io
                    .to_string()
                    .trim_start_matches("failed to lookup address information: ")
                    .to_owned();
                let errno = match reason.as_str() {
                    "Name or service not known" => "-2",
                    "Temporary failure in name resolution" => "-3",
                    "No address associated with hostname" => "-5",
                    _ => "-2",
                };
                format!(
                    "Unable to establish connection to {url}: {}",
                    max_retries(format!(
                        "NameResolutionError(\"{connection}(host='{host}', port={port}): Failed to resolve '{host}' \
                         ([Errno {errno}] {reason})\")"
                    ))
                )
            }
            _ => match io.raw_os_error() {
                Some(errno) => format!(
                    "Unable to establish connection to {url}: {}",
                    max_retries(format!(
                        "NewConnectionError(\"{connection}(host='{host}', port={port}): Failed to establish a new \
                         connection: [Errno {errno}] {}\")",
                        os_error_text(io)
                    ))
                ),
                None => format!("Unable to establish connection to {url}: {io}"),
            },
        },
        ureq::Error::Rustls(tls) => format!(
            "SSL exception connecting to {url}: {}",
            max_retries(ssl_reason(tls, &host))
        ),
        ureq::Error::Tls(reason) => format!("SSL exception connecting to {url}: {reason}"),
        ureq::Error::Pem(pem) => format!("SSL exception connecting to {url}: {pem:?}"),
        other => format!("Unable to establish connection to {url}: {other}"),
    };
    Error::command(message)
}

/// The TLS error inside an I/O error of the handshake.
fn tls_cause(io: &std::io::Error) -> Option<&rustls::Error> {
    io.get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
}

/// urllib3's `Caused by` text for a TLS failure, with OpenSSL's words for the usual verification failures.
fn ssl_reason(tls: &rustls::Error, host: &str) -> String {
    use rustls::CertificateError;
    let verify_failed = |reason: &str| {
        format!(
            "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: \
             {reason} (_ssl.c:1006)'))"
        )
    };
    match tls {
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            verify_failed("unable to get local issuer certificate")
        }
        rustls::Error::InvalidCertificate(
            CertificateError::Expired | CertificateError::ExpiredContext { .. },
        ) => verify_failed("certificate has expired"),
        rustls::Error::InvalidCertificate(
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
        ) => verify_failed(&format!(
            "Hostname mismatch, certificate is not valid for '{host}'."
        )),
        rustls::Error::InvalidCertificate(other) => verify_failed(&format!("{other:?}")),
        other => format!("SSLError(SSLError(1, '{other}'))"),
    }
}

/// The C library's text for an OS error (`Connection refused`), without Rust's ` (os error N)` suffix.
fn os_error_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// The message keystoneauth (`exceptions.from_response`) gives an HTTP error: the message from a JSON error
/// body (`{"error": {"message": ...}}` or the API-SIG `{"errors": [...]}`) or the status's reason, then
/// `(HTTP <status>)` and `(Request-ID: <id>)`. Details (the error body's) go to the error's `detail`.
pub fn http_error(response: &Response) -> Error {
    let content_type = response.header("content-type").unwrap_or_default();
    let mut message: Option<String> = None;
    let mut details: Option<String> = None;
    if content_type.starts_with("application/json") {
        if let Ok(body) = serde_json::from_slice::<Json>(&response.body) {
            if let Some(error) = body.get("error").and_then(Json::as_object) {
                message = error.get("message").and_then(python_str);
                details = error.get("details").and_then(python_str);
            } else if let Some(errors) = body.get("errors").and_then(Json::as_array) {
                if let Some(first) = errors.first() {
                    let header = if errors.len() > 1 {
                        "Multiple error responses, showing first only: "
                    } else {
                        ""
                    };
                    let title = first
                        .get("title")
                        .and_then(python_str)
                        .unwrap_or_else(|| "None".to_owned());
                    message = Some(format!("{header}{title}"));
                    details = first.get("detail").and_then(python_str);
                }
            } else {
                message = Some("Unrecognized schema in response body.".to_owned());
            }
        }
    } else if content_type.starts_with("text/") {
        details = Some(response.text());
    }
    if response.status == 401 && response.header("openstack-auth-receipt").is_some() {
        if let Some(error) = missing_auth_methods(response) {
            return error;
        }
    }
    let message = message
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| status_reason(response.status).to_owned());
    let mut text = format!("{message} (HTTP {})", response.status);
    if let Some(id) = response.header("x-openstack-request-id") {
        let _ = write!(text, " (Request-ID: {id})");
    }
    let error = Error::command(text);
    match details {
        Some(details) if !details.is_empty() => error.with_detail(details),
        _ => error,
    }
}

/// keystoneauth's MissingAuthMethods: a 401 with an auth receipt lists the rules still to satisfy.
fn missing_auth_methods(response: &Response) -> Option<Error> {
    let body: Json = serde_json::from_slice(&response.body).ok()?;
    let rules = body.get("required_auth_methods")?;
    Some(Error::command(format!(
        "Not all required auth rules were satisfied: {}",
        python_repr(rules)
    )))
}

/// Python's `str()` of a JSON value taken from an error body (`None` for null).
fn python_str(value: &Json) -> Option<String> {
    match value {
        Json::Null => None,
        Json::String(text) => Some(text.clone()),
        other => Some(python_repr(other)),
    }
}

/// Python's `repr()` of a JSON value (lists and dicts of strings, as in auth rules).
fn python_repr(value: &Json) -> String {
    match value {
        Json::Null => "None".to_owned(),
        Json::Bool(true) => "True".to_owned(),
        Json::Bool(false) => "False".to_owned(),
        Json::Number(number) => number.to_string(),
        Json::String(text) => {
            if text.contains('\'') && !text.contains('"') {
                format!("\"{text}\"")
            } else {
                format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
            }
        }
        Json::Array(items) => format!(
            "[{}]",
            items.iter().map(python_repr).collect::<Vec<_>>().join(", ")
        ),
        Json::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(key, value)| format!(
                    "{}: {}",
                    python_repr(&Json::String(key.clone())),
                    python_repr(value)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// keystoneauth's default message for each HTTP error status.
fn status_reason(status: u16) -> &'static str {
    match reason_phrase(status) {
        "" if (500..600).contains(&status) => "HTTP Server Error",
        "" if (400..500).contains(&status) => "HTTP Client Error",
        "" => "HTTP Error",
        phrase => phrase,
    }
}

/// The standard reason phrase of an HTTP status (`Not Found`), empty for one without a standard phrase.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Requested Range Not Satisfiable",
        417 => "Expectation Failed",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// The first `limit` characters of a text on one line (whitespace runs become one space).
fn one_line_excerpt(text: &str, limit: usize) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A one-request HTTP/1.1 server on loopback: it reads the request (a body by `Content-Length` or chunked),
    /// answers `status` with `answer` bytes of `x`, and returns the request head and the body length it got.
    /// A stand-in for Glance and Swift, which the unit tests cannot reach.
    fn serve_once(
        status: u16,
        answer: usize,
    ) -> (String, std::thread::JoinHandle<(String, usize)>) {
        use std::io::{BufRead, BufReader};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/v2/images/x/file", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line == "\r\n" {
                    break;
                }
                head.push_str(&line.to_ascii_lowercase());
            }
            let mut got = 0usize;
            let mut sink = [0u8; 65536];
            if let Some(length) = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length: "))
                .map(|n| n.trim().parse::<usize>().unwrap())
            {
                while got < length {
                    got += reader.read(&mut sink[..(length - got).min(65536)]).unwrap();
                }
            } else if head.contains("transfer-encoding: chunked") {
                loop {
                    let mut size = String::new();
                    reader.read_line(&mut size).unwrap();
                    let size = usize::from_str_radix(size.trim(), 16).unwrap();
                    let mut chunk = vec![0u8; size + 2];
                    reader.read_exact(&mut chunk).unwrap();
                    got += size;
                    if size == 0 {
                        break;
                    }
                }
            }
            let mut stream = stream;
            write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Length: {answer}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            stream.write_all(&vec![b'x'; answer]).unwrap();
            (head, got)
        });
        (url, handle)
    }

    #[test]
    fn streams_uploads_with_a_length_or_chunked() {
        let client = HttpClient::new(HttpConfig::default());
        let (url, server) = serve_once(204, 0);
        let mut data = std::io::repeat(b'a').take(3_000_000);
        let upload = Upload {
            reader: &mut data,
            length: Some(3_000_000),
            content_type: "application/octet-stream".to_owned(),
        };
        let mut seen = 0;
        let mut progress = |n: u64| seen = n;
        let response = client
            .send_streaming(
                &Request::new(Method::Put, url),
                Some(upload),
                None,
                Some(&mut progress),
            )
            .unwrap();
        assert_eq!(response.status, 204);
        let (head, got) = server.join().unwrap();
        assert!(head.contains("content-length: 3000000"), "{head}");
        assert!(
            head.contains("content-type: application/octet-stream"),
            "{head}"
        );
        assert_eq!((got, seen), (3_000_000, 3_000_000));

        let (url, server) = serve_once(201, 0);
        let mut data = std::io::repeat(b'a').take(100_000);
        let upload = Upload {
            reader: &mut data,
            length: None,
            content_type: "application/octet-stream".to_owned(),
        };
        client
            .send_streaming(&Request::new(Method::Put, url), Some(upload), None, None)
            .unwrap();
        let (head, got) = server.join().unwrap();
        assert!(head.contains("transfer-encoding: chunked"), "{head}");
        assert!(!head.contains("content-length"), "{head}");
        assert_eq!(got, 100_000);
    }

    #[test]
    fn streams_downloads_and_keeps_error_bodies() {
        let client = HttpClient::new(HttpConfig::default());
        let (url, server) = serve_once(200, 2_000_000);
        let mut sink: Vec<u8> = Vec::new();
        let mut seen = 0;
        let mut progress = |n: u64| seen = n;
        let response = client
            .send_streaming(
                &Request::new(Method::Get, url),
                None,
                Some(&mut sink),
                Some(&mut progress),
            )
            .unwrap();
        server.join().unwrap();
        assert_eq!(response.status, 200);
        assert!(response.body.is_empty());
        assert_eq!((sink.len(), seen), (2_000_000, 2_000_000));

        let (url, server) = serve_once(404, 5);
        let mut sink: Vec<u8> = Vec::new();
        let response = client
            .send_streaming(&Request::new(Method::Get, url), None, Some(&mut sink), None)
            .unwrap();
        server.join().unwrap();
        assert_eq!(response.status, 404);
        assert_eq!(response.body, b"xxxxx");
        assert!(sink.is_empty());
    }

    fn response(status: u16, content_type: &str, body: &str) -> Response {
        Response {
            method: Method::Post,
            url: "http://127.0.0.1:5000/v3/auth/tokens".to_owned(),
            status,
            headers: vec![
                ("content-type".to_owned(), content_type.to_owned()),
                (
                    "x-openstack-request-id".to_owned(),
                    "req-6cf6c617-66aa-4ce2-acb8-5485d39b3586".to_owned(),
                ),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn keystone_401_message_is_oscs() {
        let body = r#"{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}"#;
        let error = http_error(&response(401, "application/json", body));
        assert_eq!(
            error.message,
            "The request you have made requires authentication. (HTTP 401) (Request-ID: \
             req-6cf6c617-66aa-4ce2-acb8-5485d39b3586)"
        );
    }

    #[test]
    fn error_without_json_message_uses_the_status_reason() {
        let mut html = response(502, "text/html", "<html>\n<body>Bad gateway</body></html>");
        html.headers.truncate(1);
        let error = http_error(&html);
        assert_eq!(error.message, "Bad Gateway (HTTP 502)");
        assert_eq!(
            error.detail.as_deref(),
            Some("<html>\n<body>Bad gateway</body></html>")
        );
        let odd = http_error(&response(
            418,
            "application/json",
            "{\"faultstring\": \"x\"}",
        ));
        assert_eq!(
            odd.message,
            "Unrecognized schema in response body. (HTTP 418) (Request-ID: \
             req-6cf6c617-66aa-4ce2-acb8-5485d39b3586)"
        );
        let sig = http_error(&response(
            409,
            "application/json",
            r#"{"errors": [{"title": "Conflict here", "detail": "d"}, {"title": "b"}]}"#,
        ));
        assert!(sig
            .message
            .starts_with("Multiple error responses, showing first only: Conflict here (HTTP 409)"));
        assert_eq!(sig.detail.as_deref(), Some("d"));
    }

    #[test]
    fn auth_receipt_lists_missing_rules() {
        let mut resp = response(
            401,
            "application/json",
            r#"{"receipt": {"methods": ["password"]}, "required_auth_methods": [["password", "totp"]]}"#,
        );
        resp.headers
            .push(("openstack-auth-receipt".to_owned(), "r".to_owned()));
        assert_eq!(
            http_error(&resp).message,
            "Not all required auth rules were satisfied: [['password', 'totp']]"
        );
    }

    #[test]
    fn non_json_body_names_the_request() {
        let resp = Response {
            method: Method::Get,
            url: "https://cloud.example/v3/projects".to_owned(),
            status: 200,
            headers: vec![],
            body: b"<html>\n  <head><title>Proxy login</title></head>\n</html>".to_vec(),
        };
        assert_eq!(
            resp.json().unwrap_err().message,
            "GET https://cloud.example/v3/projects returned HTTP 200 with a non-JSON body: <html> <head><title>Proxy \
             login</title></head> </html>"
        );
        let long = Response {
            body: "x".repeat(300).into_bytes(),
            ..resp.clone()
        };
        assert!(long
            .json()
            .unwrap_err()
            .message
            .ends_with(&format!(": {}", "x".repeat(100))));
        let empty = Response {
            body: Vec::new(),
            ..resp
        };
        assert_eq!(empty.json().unwrap(), Json::Null);
    }

    #[test]
    fn python_json_matches_json_dumps() {
        let value = json!({"auth": {"identity": {"methods": ["password"], "n": 1, "f": 1.5, "big": 1e16,
            "small": 0.0001, "tiny": 1.5e-5, "b": true, "z": null}}, "name": "caf\u{e9} \u{1f600}\u{7f}"});
        assert_eq!(
            python_json(&value),
            r#"{"auth": {"identity": {"methods": ["password"], "n": 1, "f": 1.5, "big": 1e+16, "small": 0.0001, "tiny": 1.5e-05, "b": true, "z": null}}, "name": "caf\u00e9 \ud83d\ude00\u007f"}"#
        );
        assert_eq!(python_json(&json!([])), "[]");
        assert_eq!(python_json(&json!({})), "{}");
        assert_eq!(python_json(&json!(3.0)), "3.0");
        assert_eq!(python_json(&json!("a\"b\\c\n")), r#""a\"b\\c\n""#);
    }

    #[test]
    fn secrets_are_masked_in_json() {
        let body = json!({"auth": {"identity": {"methods": ["password", "token", "application_credential", "totp"],
            "password": {"user": {"name": "admin", "password": "s3cret", "domain": {"id": "default"}}},
            "token": {"id": "gAAAAAtoken"},
            "application_credential": {"id": "abc", "secret": "appsecret"},
            "totp": {"user": {"id": "u", "passcode": "123456"}}}},
            "user": {"password_expires_at": null, "original_password": "old", "adminPass": "x"},
            "credential": {"blob": "{\"access\": \"a\", \"secret\": \"b\"}", "type": "ec2"}});
        let shown = python_json(&redact_json(&body));
        for secret in [
            "s3cret",
            "gAAAAAtoken",
            "appsecret",
            "123456",
            "old",
            "\"x\"",
            "access",
        ] {
            assert!(!shown.contains(secret), "{secret} leaked in {shown}");
        }
        assert!(shown.contains(r#""password": "***""#));
        assert!(shown.contains(r#""token": {"id": "***"}"#));
        assert!(shown.contains(r#""application_credential": {"id": "abc", "secret": "***"}"#));
        assert!(shown.contains(r#""password_expires_at": null"#));
        assert!(shown.contains(r#""name": "admin""#));
    }

    #[test]
    fn token_headers_are_hashed() {
        assert_eq!(
            redact_header("X-Auth-Token", "abc"),
            "{SHA256}ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            redact_header("x-subject-token", "abc"),
            redact_header("X-Auth-Token", "abc")
        );
        assert_eq!(
            redact_header("Accept", "application/json"),
            "application/json"
        );
    }

    #[test]
    fn curl_line_is_keystoneauths() {
        let client = HttpClient::new(HttpConfig {
            user_agent: "openstack-rs/0.1.0".to_owned(),
            ..HttpConfig::default()
        });
        let request = Request::new(Method::Post, "http://127.0.0.1:5000/v3/users")
            .header("X-Auth-Token", "tok")
            .header("Accept", "application/json")
            .json(json!({"user": {"name": "u", "password": "p"}}));
        let headers = vec![
            ("X-Auth-Token".to_owned(), "tok".to_owned()),
            ("Accept".to_owned(), "application/json".to_owned()),
            ("User-Agent".to_owned(), "openstack-rs/0.1.0".to_owned()),
            ("Content-Type".to_owned(), "application/json".to_owned()),
        ];
        assert_eq!(
            client.curl_line(&request, &headers),
            format!(
                "REQ: curl -g -i -X POST http://127.0.0.1:5000/v3/users -H \"Accept: application/json\" -H \
                 \"Content-Type: application/json\" -H \"User-Agent: openstack-rs/0.1.0\" -H \"X-Auth-Token: \
                 {{SHA256}}{}\" -d '{{\"user\": {{\"name\": \"u\", \"password\": \"***\"}}}}'",
                sha256_hex(b"tok")
            )
        );
        let insecure = HttpClient::new(HttpConfig {
            verify: false,
            ..HttpConfig::default()
        });
        let mut get = Request::new(Method::Get, "https://h/v3/projects");
        get.query = vec![
            ("name".to_owned(), "a b".to_owned()),
            ("x".to_owned(), "é/&".to_owned()),
        ];
        assert_eq!(
            insecure.curl_line(&get, &[]),
            "REQ: curl -g -i --insecure -X GET \"https://h/v3/projects?name=a+b&x=%C3%A9%2F%26\""
        );
        let cacert = HttpClient::new(HttpConfig {
            cacert: Some(PathBuf::from("/etc/ca.pem")),
            ..HttpConfig::default()
        });
        assert_eq!(
            cacert.curl_line(&Request::new(Method::Delete, "https://h/x"), &[]),
            "REQ: curl -g -i --cacert \"/etc/ca.pem\" -X DELETE https://h/x"
        );
    }

    #[test]
    fn logged_token_bodies_lose_the_catalog() {
        let text = r#"{"token": {"methods": ["password"], "catalog": [{"type": "identity"}]}}"#;
        assert_eq!(
            loggable_body(text),
            r#"{"token": {"methods": ["password"], "catalog": "<removed>"}}"#
        );
        let plain = r#"{"projects":[]}"#;
        assert_eq!(loggable_body(plain), plain);
        let secret = r#"{"application_credential":{"id":"i","secret":"shh"}}"#;
        assert_eq!(
            loggable_body(secret),
            r#"{"application_credential": {"id": "i", "secret": "***"}}"#
        );
        assert_eq!(loggable_body("not json"), "not json");
    }

    #[test]
    fn header_names_are_shown_as_servers_send_them() {
        assert_eq!(display_header_name("content-length"), "Content-Length");
        assert_eq!(
            display_header_name("x-openstack-request-id"),
            "x-openstack-request-id"
        );
        assert_eq!(display_header_name("vary"), "Vary");
    }

    #[test]
    fn urls_are_split_and_joined() {
        assert_eq!(
            url_parts("http://127.0.0.1:5000/v3/auth/tokens"),
            (
                false,
                "127.0.0.1".to_owned(),
                5000,
                "/v3/auth/tokens".to_owned()
            )
        );
        assert_eq!(
            url_parts("https://[::1]/v3?x=1#f"),
            (true, "::1".to_owned(), 443, "/v3?x=1".to_owned())
        );
        assert_eq!(
            url_parts("http://h"),
            (false, "h".to_owned(), 80, "/".to_owned())
        );
        assert_eq!(join_url("http://h:1/a/b?q", "/c"), "http://h:1/c");
        assert_eq!(join_url("http://h:1/a/b", "c"), "http://h:1/a/c");
        assert_eq!(join_url("http://h:1", "c"), "http://h:1/c");
        assert_eq!(join_url("http://h/a", "https://o/x"), "https://o/x");
    }

    #[test]
    fn refused_connection_reads_like_urllib3() {
        // A port that was just free: nothing listens there.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let client = HttpClient::new(HttpConfig::default());
        let url = format!("http://127.0.0.1:{port}/v3/auth/tokens");
        let error = client
            .send(&Request::new(Method::Post, url.clone()))
            .unwrap_err();
        assert_eq!(
            error.message,
            format!(
                "Unable to establish connection to {url}: HTTPConnectionPool(host='127.0.0.1', port={port}): Max \
                 retries exceeded with url: /v3/auth/tokens (Caused by NewConnectionError(\"HTTPConnection(host='\
                 127.0.0.1', port={port}): Failed to establish a new connection: [Errno 111] Connection refused\"))"
            )
        );
    }

    #[test]
    fn unknown_host_reads_like_urllib3() {
        let client = HttpClient::new(HttpConfig::default());
        let error = client
            .send(&Request::new(Method::Get, "http://nohost.invalid:5000/v3"))
            .unwrap_err();
        assert_eq!(
            error.message,
            "Unable to establish connection to http://nohost.invalid:5000/v3: HTTPConnectionPool(host='nohost.\
             invalid', port=5000): Max retries exceeded with url: /v3 (Caused by NameResolutionError(\"HTTPConnection(\
             host='nohost.invalid', port=5000): Failed to resolve 'nohost.invalid' ([Errno -2] Name or service not \
             known)\"))"
        );
    }

    fn canned(status: &str, headers: &str, body: &str) -> String {
        format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\n{headers}Content-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        )
    }

    /// A one-shot HTTP server on loopback answering each connection with the next canned response.
    fn serve(responses: Vec<String>) -> (String, std::thread::JoinHandle<Vec<String>>) {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for canned in responses {
                let (mut stream, _) = listener.accept().unwrap();
                let mut buffer = vec![0u8; 65536];
                let mut got = 0;
                loop {
                    let n = stream.read(&mut buffer[got..]).unwrap();
                    got += n;
                    let text = String::from_utf8_lossy(&buffer[..got]).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let length = text
                            .lines()
                            .find_map(|line| {
                                line.to_ascii_lowercase()
                                    .strip_prefix("content-length: ")
                                    .map(|n| n.trim().parse::<usize>().unwrap())
                            })
                            .unwrap_or(0);
                        if got >= end + 4 + length || n == 0 {
                            seen.push(text);
                            break;
                        }
                    }
                }
                stream.write_all(canned.as_bytes()).unwrap();
            }
            seen
        });
        (base, handle)
    }

    #[test]
    fn redirects_keep_the_method_and_timings_are_recorded() {
        let (base, server) = serve(vec![
            "HTTP/1.1 307 Temporary Redirect\r\nLocation: /v3/other\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_owned(),
            canned("201 Created", "x-openstack-request-id: req-1\r\n", "{\"ok\": true}"),
        ]);
        let client = HttpClient::new(HttpConfig::default());
        let response = client
            .send(&Request::new(Method::Post, format!("{base}/v3/start")).json(json!({"a": 1})))
            .unwrap();
        assert_eq!(response.status, 201);
        assert_eq!(response.url, format!("{base}/v3/other"));
        assert_eq!(response.request_id().as_deref(), Some("req-1"));
        assert_eq!(response.json().unwrap(), json!({"ok": true}));
        let seen = server.join().unwrap();
        assert!(seen[0].starts_with("POST /v3/start HTTP/1.1\r\n"));
        assert!(seen[1].starts_with("POST /v3/other HTTP/1.1\r\n"));
        assert!(seen[1].ends_with("{\"a\": 1}"));
        assert!(seen[1]
            .to_ascii_lowercase()
            .contains("content-type: application/json"));
        let timings = client.timings();
        assert_eq!(timings.len(), 2);
        assert_eq!(timings[0].method, "POST");
        assert_eq!(timings[1].url, format!("{base}/v3/other"));
        for timing in timings {
            let micros = timing.seconds * 1e6;
            assert_eq!(micros, micros.round(), "{}", timing.seconds);
        }
    }

    #[test]
    fn a_redirect_loop_says_so() {
        let looping =
            "HTTP/1.1 302 Found\r\nLocation: /v3/projects\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        let (base, server) = serve(vec![looping.to_owned(); 31]);
        let client = HttpClient::new(HttpConfig::default());
        let error = client
            .send(&Request::new(Method::Get, format!("{base}/v3/projects")))
            .unwrap_err();
        assert_eq!(
            error.message,
            format!("Exceeded 30 redirects: {base}/v3/projects answered 302 to /v3/projects again")
        );
        assert_eq!(server.join().unwrap().len(), 31);
    }

    #[test]
    fn timings_have_microseconds_as_python_timedelta() {
        // Python: timedelta(microseconds=138981).total_seconds() == 0.138981
        assert_eq!(
            timedelta_seconds(Duration::from_nanos(138_981_813)).to_string(),
            "0.138981"
        );
        assert_eq!(
            timedelta_seconds(Duration::from_micros(2_000_001)),
            2.000001
        );
        assert_eq!(timedelta_seconds(Duration::from_nanos(999)), 0.0);
    }

    #[test]
    fn http_errors_are_responses_until_asked() {
        let (base, server) = serve(vec![canned(
            "404 Not Found",
            "",
            "{\"error\": {\"code\": 404, \"message\": \"Could not find x.\"}}",
        )]);
        let client = HttpClient::new(HttpConfig::default());
        let response = client
            .send(&Request::new(Method::Get, format!("{base}/v3/x")))
            .unwrap();
        assert_eq!(response.status, 404);
        assert_eq!(
            response.error_for_status().unwrap_err().message,
            "Could not find x. (HTTP 404)"
        );
        server.join().unwrap();
    }

    #[test]
    fn timeout_reads_like_keystoneauth() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/v3", listener.local_addr().unwrap());
        let client = HttpClient::new(HttpConfig {
            timeout: Some(Duration::from_millis(200)),
            ..HttpConfig::default()
        });
        let error = client
            .send(&Request::new(Method::Get, url.clone()))
            .unwrap_err();
        assert_eq!(error.message, format!("Request to {url} timed out"));
        drop(listener);
    }

    #[test]
    fn missing_cacert_fails_as_requests_does() {
        let client = HttpClient::new(HttpConfig {
            cacert: Some(PathBuf::from("/nonexistent/ca.pem")),
            ..HttpConfig::default()
        });
        let error = client
            .send(&Request::new(Method::Get, "https://127.0.0.1:1/v3"))
            .unwrap_err();
        assert_eq!(
            error.message,
            "Could not find a suitable TLS CA certificate bundle, invalid path: /nonexistent/ca.pem"
        );
    }

    #[test]
    fn float_repr_matches_python() {
        assert_eq!(python_float_repr(0.1), "0.1");
        assert_eq!(python_float_repr(1e22), "1e+22");
        assert_eq!(python_float_repr(123456789012345.6), "123456789012345.6");
        assert_eq!(python_float_repr(-2.5e-7), "-2.5e-07");
        assert_eq!(python_float_repr(1e15), "1000000000000000.0");
    }

    const CA_PEM: &str = include_str!("../tests/tls/ca.pem");
    const SERVER_PEM: &str = include_str!("../tests/tls/server.pem");
    const SERVER_KEY: &str = include_str!("../tests/tls/server.key");

    /// A TLS server on loopback with the test certificate, answering each connection `{}`; with
    /// `client_roots` it demands a client certificate from that CA.
    fn tls_server(
        connections: usize,
        require_client_cert: bool,
    ) -> (u16, std::thread::JoinHandle<()>) {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        use std::io::{Read, Write};
        use std::sync::Arc;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let certs: Vec<CertificateDer<'static>> =
            CertificateDer::pem_slice_iter(SERVER_PEM.as_bytes())
                .map(|cert| cert.unwrap())
                .collect();
        let key = PrivateKeyDer::from_pem_slice(SERVER_KEY.as_bytes()).unwrap();
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .unwrap();
        let builder = if require_client_cert {
            let mut roots = rustls::RootCertStore::empty();
            for cert in CertificateDer::pem_slice_iter(CA_PEM.as_bytes()) {
                roots.add(cert.unwrap()).unwrap();
            }
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                provider,
            )
            .build()
            .unwrap();
            builder.with_client_cert_verifier(verifier)
        } else {
            builder.with_no_client_auth()
        };
        let config = Arc::new(builder.with_single_cert(certs, key).unwrap());
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let handle = std::thread::spawn(move || {
            for _ in 0..connections {
                let (tcp, _) = listener.accept().unwrap();
                let connection = rustls::ServerConnection::new(config.clone()).unwrap();
                let mut stream = rustls::StreamOwned::new(connection, tcp);
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                while !request.windows(4).any(|window| window == b"\r\n\r\n") {
                    match stream.read(&mut buffer) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                }
                if request.is_empty() {
                    continue;
                }
                let _ = stream.write_all(canned("200 OK", "", "{}").as_bytes());
                let _ = stream.flush();
                stream.conn.send_close_notify();
                let _ = stream.conn.complete_io(&mut stream.sock);
            }
        });
        (port, handle)
    }

    /// A file removed when the guard is dropped.
    struct TempFile(PathBuf);

    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    fn write_temp(name: &str, contents: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("osc-lib-http-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    #[test]
    fn tls_is_verified_against_the_system_roots() {
        let (port, server) = tls_server(1, false);
        let url = format!("https://localhost:{port}/v3?x=1");
        let error = HttpClient::new(HttpConfig::default())
            .send(&Request::new(Method::Get, url.clone()))
            .unwrap_err();
        assert_eq!(
            error.message,
            format!(
                "SSL exception connecting to {url}: HTTPSConnectionPool(host='localhost', port={port}): Max retries \
                 exceeded with url: /v3?x=1 (Caused by SSLError(SSLCertVerificationError(1, '[SSL: \
                 CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate \
                 (_ssl.c:1006)')))"
            )
        );
        server.join().unwrap();
    }

    #[test]
    fn tls_with_cacert_or_insecure() {
        let (port, server) = tls_server(3, false);
        let ca = write_temp("ca.pem", CA_PEM);
        let verified = HttpClient::new(HttpConfig {
            cacert: Some(ca.0.clone()),
            ..HttpConfig::default()
        });
        let url = format!("https://localhost:{port}/v3");
        assert_eq!(
            verified
                .send(&Request::new(Method::Get, url.clone()))
                .unwrap()
                .status,
            200
        );
        // The same client, a second connection: the TLS configuration is reused.
        assert_eq!(
            verified
                .send(&Request::new(Method::Get, url.clone()))
                .unwrap()
                .status,
            200
        );
        let insecure = HttpClient::new(HttpConfig {
            verify: false,
            ..HttpConfig::default()
        });
        assert_eq!(
            insecure
                .send(&Request::new(
                    Method::Get,
                    format!("https://127.0.0.1:{port}/")
                ))
                .unwrap()
                .status,
            200
        );
        server.join().unwrap();
    }

    #[test]
    fn tls_client_certificate() {
        let (port, server) = tls_server(2, true);
        let ca = write_temp("client-ca.pem", CA_PEM);
        let cert = write_temp("client.pem", SERVER_PEM);
        let key = write_temp("client.key", SERVER_KEY);
        let url = format!("https://localhost:{port}/");
        let with_cert = HttpClient::new(HttpConfig {
            cacert: Some(ca.0.clone()),
            cert: Some(cert.0.clone()),
            key: Some(key.0.clone()),
            ..HttpConfig::default()
        });
        assert_eq!(
            with_cert
                .send(&Request::new(Method::Get, url.clone()))
                .unwrap()
                .status,
            200
        );
        let without = HttpClient::new(HttpConfig {
            cacert: Some(ca.0.clone()),
            ..HttpConfig::default()
        });
        let error = without
            .send(&Request::new(Method::Get, url.clone()))
            .unwrap_err();
        assert_eq!(
            error.message,
            format!(
                "SSL exception connecting to {url}: HTTPSConnectionPool(host='localhost', port={port}): Max retries \
                 exceeded with url: / (Caused by SSLError(SSLError(1, 'received fatal alert: CertificateRequired')))"
            )
        );
        // A key file that holds no key is refused before any connection.
        let bad = HttpClient::new(HttpConfig {
            cert: Some(cert.0.clone()),
            key: Some(cert.0.clone()),
            ..HttpConfig::default()
        });
        assert_eq!(
            bad.send(&Request::new(Method::Get, url))
                .unwrap_err()
                .message,
            format!(
                "SSL exception connecting to https://localhost:{port}/: No private key found in {}",
                cert.0.display()
            )
        );
        server.join().unwrap();
    }

    #[test]
    fn debug_output_hides_secrets() {
        let request = Request::new(Method::Post, "http://k/v3/auth/tokens")
            .header("X-Auth-Token", "gAAAAsecret")
            .json(json!({"auth": {"identity": {"password": {"user": {"password": "pw-secret"}}}}}));
        let shown = format!("{request:?}");
        assert!(
            !shown.contains("gAAAAsecret") && !shown.contains("pw-secret"),
            "{shown}"
        );
        let response = Response {
            method: Method::Post,
            url: "http://k/v3/auth/tokens".to_owned(),
            status: 201,
            headers: vec![("x-subject-token".to_owned(), "gAAAAsecret".to_owned())],
            body: b"{\"secret\": \"s3\"}".to_vec(),
        };
        let shown = format!("{response:?}");
        assert!(
            !shown.contains("gAAAAsecret") && !shown.contains("s3"),
            "{shown}"
        );
        assert!(shown.contains("body: 16 bytes"), "{shown}");
    }

    #[test]
    fn proxies_follow_requests_rules() {
        let proxies = ProxyConfig {
            http: Some("http://proxy:3128".to_owned()),
            https: None,
            no_proxy: vec![
                ".internal.example".to_owned(),
                "localhost".to_owned(),
                "10.0.0.0/8".to_owned(),
                "keystone:5000".to_owned(),
            ],
        };
        assert_eq!(
            proxies.proxy_for("http://cloud.example/v3"),
            Some("http://proxy:3128")
        );
        assert_eq!(proxies.proxy_for("https://cloud.example/v3"), None);
        assert_eq!(proxies.proxy_for("http://api.internal.example/v3"), None);
        assert_eq!(proxies.proxy_for("http://internal.example/v3"), None);
        assert_eq!(
            proxies.proxy_for("http://notinternal.example/v3"),
            Some("http://proxy:3128")
        );
        assert_eq!(proxies.proxy_for("http://localhost:5000/v3"), None);
        assert_eq!(proxies.proxy_for("http://10.1.2.3:5000/v3"), None);
        assert_eq!(
            proxies.proxy_for("http://11.1.2.3:5000/v3"),
            Some("http://proxy:3128")
        );
        assert_eq!(proxies.proxy_for("http://keystone:5000/v3"), None);
        assert_eq!(
            proxies.proxy_for("http://keystone:5001/v3"),
            Some("http://proxy:3128")
        );
        let everything = ProxyConfig {
            no_proxy: vec!["*".to_owned()],
            ..proxies
        };
        assert_eq!(everything.proxy_for("http://cloud.example/v3"), None);
    }

    #[test]
    fn http_goes_through_its_proxy() {
        use std::io::{Read, Write};
        // A proxy that accepts one CONNECT tunnel and answers the request sent through it.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let proxy = format!("http://{}", listener.local_addr().unwrap());
        let server = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut seen = Vec::new();
            for answer in [
                "HTTP/1.1 200 Connection established\r\n\r\n".to_owned(),
                canned("200 OK", "", "{}"),
            ] {
                let mut request = Vec::new();
                let mut byte = [0u8; 1];
                while !request.ends_with(b"\r\n\r\n") {
                    stream.read_exact(&mut byte).unwrap();
                    request.push(byte[0]);
                }
                seen.push(String::from_utf8(request).unwrap());
                stream.write_all(answer.as_bytes()).unwrap();
            }
            seen
        });
        let client = HttpClient::new(HttpConfig {
            proxies: ProxyConfig {
                http: Some(proxy),
                https: None,
                no_proxy: Vec::new(),
            },
            ..HttpConfig::default()
        });
        let response = client
            .send(&Request::new(Method::Get, "http://cloud.invalid:5000/v3"))
            .unwrap();
        assert_eq!(response.status, 200);
        let seen = server.join().unwrap();
        assert!(
            seen[0].starts_with("CONNECT cloud.invalid:5000 HTTP/1.1\r\n"),
            "{}",
            seen[0]
        );
        assert!(seen[1].starts_with("GET /v3 HTTP/1.1\r\n"), "{}", seen[1]);
    }
}
