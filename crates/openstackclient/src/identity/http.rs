//! Calls to the Identity API and the wording of their failures.
//!
//! OSC's identity commands reach Keystone through two libraries that word an HTTP failure differently:
//! keystoneclient (keystoneauth: `Could not find project: x. (HTTP 404) (Request-ID: req-…)`) and openstacksdk
//! (`NotFoundException: 404: Client Error for url: http://…/projects/x, Could not find project: x.`). Every call
//! here says which library it stands for, so the user reads the same words as with OSC.

use std::fmt;

use cliff::Error;
use osc_lib::{ApiRequest, ApiResponse, ClientManager, Method};
use serde_json::Value as Json;

/// The catalog service type of Keystone.
pub const SERVICE: &str = "identity";

/// Which client library OSC uses for a call, which decides how a failure reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// openstacksdk (`client_manager.sdk_connection.identity`).
    Sdk,
    /// keystoneclient (`client_manager.identity`).
    Keystone,
}

/// A failed identity call, kept apart by kind because OSC catches some kinds (not found, forbidden, conflict).
#[derive(Debug, Clone)]
pub enum Failure {
    /// The API answered with an error status; `message` is the library's `str()` of the exception.
    Http {
        /// The HTTP status.
        status: u16,
        /// The worded failure.
        message: String,
    },
    /// openstacksdk's `ResourceNotFound` raised by a `find_*` that found nothing (no HTTP error behind it).
    NotFound(String),
    /// More than one resource matched a name (openstacksdk's `DuplicateResource`).
    Duplicate(String),
    /// Any other failure, already worded (a `CommandError`, a connection failure...).
    Other(Error),
}

impl Failure {
    /// The HTTP status, when the API answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Failure::Http { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// openstacksdk's `except ResourceNotFound` (an HTTP 404 or a `find_*` miss).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Failure::NotFound(_)) || self.status() == Some(404)
    }

    /// `except ForbiddenException` / `except Forbidden`.
    pub fn is_forbidden(&self) -> bool {
        self.status() == Some(403)
    }

    /// `except ConflictException`.
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(409)
    }

    /// A `CommandError` with this message.
    pub fn command(message: impl Into<String>) -> Self {
        Failure::Other(Error::command(message))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Http { message, .. }
            | Failure::NotFound(message)
            | Failure::Duplicate(message) => f.write_str(message),
            Failure::Other(err) => f.write_str(&err.message),
        }
    }
}

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        Failure::Other(err)
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Self {
        let err = match failure {
            Failure::Other(err) => err,
            other => Error::command(other.to_string()),
        };
        if err.message.is_empty() && err.kind == cliff::ErrorKind::Command {
            // OSC logs an empty `CommandError` as an empty line; the framework prints no empty message.
            log::error!("");
        }
        err
    }
}

/// Result of an identity call.
pub type Res<T> = Result<T, Failure>;

/// One identity request: method, path under the endpoint, query pairs in order, optional JSON body.
#[derive(Debug, Clone)]
pub struct Call {
    /// GET, POST...
    pub method: Method,
    /// Path under the identity endpoint, already percent-encoded (see [`quote_path`]).
    pub path: String,
    /// Query pairs, in the order the library sends them.
    pub query: Vec<(String, String)>,
    /// JSON body.
    pub body: Option<Json>,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// Which library's wording a failure gets.
    pub style: Style,
    /// openstacksdk's `error_message=` (the proxy's `get_*` pass "No <Resource> found for <id>").
    pub error_message: Option<String>,
}

impl Call {
    /// A call with no query, body or header.
    pub fn new(method: Method, path: impl Into<String>, style: Style) -> Self {
        Call {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            headers: Vec::new(),
            style,
            error_message: None,
        }
    }

    /// Sets the query pairs.
    pub fn query(mut self, query: Vec<(String, String)>) -> Self {
        self.query = query;
        self
    }

    /// Sets a JSON body.
    pub fn body(mut self, body: Json) -> Self {
        self.body = Some(body);
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets openstacksdk's `error_message`.
    pub fn error_message(mut self, message: String) -> Self {
        self.error_message = Some(message);
        self
    }

    /// Sends the call; a non-2xx answer becomes a [`Failure::Http`] worded by the call's library.
    pub fn send(&self, cm: &mut ClientManager) -> Res<ApiResponse> {
        let mut request = ApiRequest::new(self.method, SERVICE, &self.path).accept_error_status();
        for (key, value) in &self.query {
            request = request.query(key, value.clone());
        }
        if let Some(body) = &self.body {
            request = request.json(body.clone());
        }
        for (name, value) in &self.headers {
            request = request.header(name, value.clone());
        }
        let response = cm.send(&request)?;
        if response.status < 400 {
            return Ok(response);
        }
        let message = match self.style {
            Style::Sdk => {
                let url = self.url(cm);
                sdk_message(&response, &url, self.error_message.as_deref())
            }
            Style::Keystone => keystone_message(&response),
        };
        Err(Failure::Http {
            status: response.status,
            message,
        })
    }

    /// Sends the call and parses the JSON answer (`null` for an empty body).
    pub fn json(&self, cm: &mut ClientManager) -> Res<Json> {
        Ok(self.send(cm)?.json()?)
    }

    /// The request URL as Python's `requests` shows it (endpoint, path, `urlencode`d query).
    fn url(&self, cm: &mut ClientManager) -> String {
        let mut url = if self.path.starts_with("http://") || self.path.starts_with("https://") {
            self.path.clone()
        } else {
            let endpoint = cm.endpoint(SERVICE).unwrap_or_default();
            format!("{}{}", endpoint.trim_end_matches('/'), self.path)
        };
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&urlencode(&self.query));
        }
        url
    }
}

/// Python's `urllib.parse.urlencode` of pairs (`quote_plus`: space as `+`, only `A-Za-z0-9_.-~` kept).
pub fn urlencode(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(key, value)| format!("{}={}", quote_plus(key), quote_plus(value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn quote_plus(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// A path segment as `requests` sends it: characters outside the unreserved and reserved sets percent-encoded.
pub fn quote_path(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b'/'
            | b':' | b';' | b'=' | b'?' | b'@' | b'[' | b']' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// openstacksdk's `_extract_message`: `message` or `faultstring` of a dict, or of a JSON string holding one.
fn extract_message(obj: &Json) -> Option<String> {
    match obj {
        Json::Object(map) => {
            let truthy =
                |v: &Json| !matches!(v, Json::Null | Json::Bool(false)) && v != "" && v != 0;
            if let Some(message) = map.get("message").filter(|v| truthy(v)) {
                Some(json_str(message))
            } else {
                map.get("faultstring").filter(|v| truthy(v)).map(json_str)
            }
        }
        Json::String(text) => serde_json::from_str::<Json>(text)
            .ok()
            .and_then(|inner| extract_message(&inner)),
        _ => None,
    }
}

/// Python `str()` of a JSON value (strings bare).
fn json_str(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        other => osc_lib::utils::py_str(&cliff::Value::from_json(other)),
    }
}

/// openstacksdk's `str()` of the `HttpException` that `raise_from_response` raises.
pub fn sdk_message(response: &ApiResponse, url: &str, error_message: Option<&str>) -> String {
    let status = response.status;
    let class = match status {
        400 => "BadRequestException",
        403 => "ForbiddenException",
        404 => "NotFoundException",
        409 => "ConflictException",
        412 => "PreconditionFailedException",
        _ => "HttpException",
    };
    let content_type = response.header("content-type").unwrap_or("");
    let text = String::from_utf8_lossy(&response.body).into_owned();
    let mut details: Option<String> = None;
    if !response.body.is_empty() && content_type.contains("application/json") {
        details = Some(match serde_json::from_slice::<Json>(&response.body) {
            Ok(Json::Object(content)) => {
                let mut messages: Vec<Option<String>> =
                    content.values().map(extract_message).collect();
                if !messages.iter().any(Option::is_some) {
                    messages = vec![extract_message(&Json::Object(content.clone()))];
                }
                messages
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            _ => text.clone(),
        });
    } else if !response.body.is_empty() && content_type.contains("text/html") {
        let mut messages: Vec<String> = Vec::new();
        for line in text.lines() {
            let message = strip_tags(line.trim());
            if !messages.contains(&message) {
                messages.push(message);
            }
        }
        details = Some(
            messages
                .into_iter()
                .filter(|m| !m.is_empty())
                .collect::<Vec<_>>()
                .join(": "),
        );
    }
    let details = match details.filter(|d| !d.is_empty()) {
        Some(details) => details,
        None if !osc_lib::http::reason_phrase(status).is_empty() => {
            osc_lib::http::reason_phrase(status).to_owned()
        }
        None => text,
    };
    let message = match error_message {
        Some(message) if !message.is_empty() => message.to_owned(),
        _ => format!("{class}: {status}"),
    };
    let source = if (400..500).contains(&status) {
        "Client"
    } else {
        "Server"
    };
    let mut remote = format!("{source} Error for url: {url}");
    if !details.is_empty() {
        remote.push_str(", ");
        remote.push_str(&details);
    }
    format!("{message}: {remote}")
}

/// `re.sub(r'<.+?>', '', line)`.
fn strip_tags(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find('<') {
        match rest[start + 1..].find('>') {
            Some(len) if len > 0 => {
                out.push_str(&rest[..start]);
                rest = &rest[start + 1 + len + 1..];
            }
            _ => {
                out.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// keystoneauth's `str()` of the `HttpError` that `from_response` builds.
pub fn keystone_message(response: &ApiResponse) -> String {
    let status = response.status;
    let content_type = response.header("content-type").unwrap_or("");
    let mut message: Option<String> = None;
    if content_type.starts_with("application/json") {
        if let Ok(body) = serde_json::from_slice::<Json>(&response.body) {
            if let Some(Json::Object(error)) = body.get("error") {
                message = error.get("message").filter(|m| !m.is_null()).map(json_str);
            } else if let Some(Json::Array(errors)) = body.get("errors") {
                if let Some(first) = errors.first() {
                    let header = if errors.len() > 1 {
                        "Multiple error responses, showing first only: "
                    } else {
                        ""
                    };
                    let title = first
                        .get("title")
                        .map_or_else(|| "None".to_owned(), json_str);
                    message = Some(format!("{header}{title}"));
                }
            } else {
                message = Some("Unrecognized schema in response body.".to_owned());
            }
        }
    }
    let default = match osc_lib::http::reason_phrase(status) {
        "" if (500..600).contains(&status) => "HTTP Server Error",
        "" if (400..500).contains(&status) => "HTTP Client Error",
        "" => "HTTP Error",
        // keystoneauth's exception classes carry the standard reason phrases.
        phrase => phrase,
    };
    let message = message
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| default.to_owned());
    let mut out = format!("{message} (HTTP {status})");
    if let Some(request_id) = response.header("x-openstack-request-id") {
        out.push_str(&format!(" (Request-ID: {request_id})"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, content_type: &str, body: &str) -> ApiResponse {
        ApiResponse {
            status,
            headers: vec![
                ("content-type".to_owned(), content_type.to_owned()),
                ("x-openstack-request-id".to_owned(), "req-1".to_owned()),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

    const NOT_FOUND: &str = r#"{"error": {"code": 404, "message": "Could not find project: x.", "title": "Not Found"}}"#;

    #[test]
    fn sdk_wording() {
        let r = response(404, "application/json", NOT_FOUND);
        assert_eq!(
            sdk_message(&r, "http://h/v3/projects/x", None),
            "NotFoundException: 404: Client Error for url: http://h/v3/projects/x, Could not find project: x."
        );
        assert_eq!(
            sdk_message(&r, "http://h/v3/regions/x", Some("No Region found for x")),
            "No Region found for x: Client Error for url: http://h/v3/regions/x, Could not find project: x."
        );
        let r = response(502, "text/plain", "");
        assert_eq!(
            sdk_message(&r, "u", None),
            "HttpException: 502: Server Error for url: u, Bad Gateway"
        );
        let r = response(
            500,
            "text/html",
            "<html>\n<h1>Oops</h1>\n<p>Oops</p>\n</html>",
        );
        assert_eq!(
            sdk_message(&r, "u", None),
            "HttpException: 500: Server Error for url: u, Oops"
        );
    }

    #[test]
    fn keystone_wording() {
        let r = response(404, "application/json", NOT_FOUND);
        assert_eq!(
            keystone_message(&r),
            "Could not find project: x. (HTTP 404) (Request-ID: req-1)"
        );
        let r = response(409, "application/json", r#"{"other": 1}"#);
        assert_eq!(
            keystone_message(&r),
            "Unrecognized schema in response body. (HTTP 409) (Request-ID: req-1)"
        );
        let r = response(418, "text/plain", "teapot");
        assert_eq!(
            keystone_message(&r),
            "HTTP Client Error (HTTP 418) (Request-ID: req-1)"
        );
    }

    #[test]
    fn encoding_as_python() {
        let pairs = vec![
            (
                "scope.OS-INHERIT:inherited_to".to_owned(),
                "None".to_owned(),
            ),
            ("name".to_owned(), "a b/c".to_owned()),
        ];
        assert_eq!(
            urlencode(&pairs),
            "scope.OS-INHERIT%3Ainherited_to=None&name=a+b%2Fc"
        );
        assert_eq!(quote_path("a b/é"), "a%20b/%C3%A9");
    }
}
