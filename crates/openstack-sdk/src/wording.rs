//! How a failed call reads. OSC reaches services through libraries that word an HTTP failure differently:
//! openstacksdk (`NotFoundException: 404: Client Error for url: http://…/projects/x, Could not find project: x.`),
//! keystoneauth under the legacy clients (`Could not find project: x. (HTTP 404) (Request-ID: req-…)`), or a
//! client of its own (python-mistralclient). Each call says which one it stands for, so that the user reads the
//! same words as with OSC.
//!
//! openstacksdk finds the message in the body whatever the service's shape: Keystone's `{"error": {"message"}}`,
//! Nova's and Cinder's `{"itemNotFound": {"message", "code"}}`, Neutron's `{"NeutronError": {"message"}}`,
//! a `faultstring`, or the lines of an HTML page (Glance, Swift, and any WSGI error page).

use osc_lib::ApiResponse;
use serde_json::Value as Json;

use crate::failure::Failure;

/// Which library's words a failure gets.
#[derive(Debug, Clone, Copy)]
pub enum Wording {
    /// openstacksdk's `raise_from_response` (`sdk_connection.<service>`).
    Sdk,
    /// keystoneauth's `from_response` (the legacy clients: keystoneclient, cinderclient...).
    Keystoneauth,
    /// A client's own wording (python-mistralclient's `_raise_api_exception`...), given the response.
    Custom(fn(&ApiResponse) -> Failure),
}

impl Wording {
    /// The failure for an error answer to a request sent to `url` (the URL as `requests` shows it).
    pub fn failure(
        self,
        response: &ApiResponse,
        url: &str,
        error_message: Option<&str>,
    ) -> Failure {
        let message = match self {
            Wording::Sdk => sdk_message(response, url, error_message),
            Wording::Keystoneauth => keystoneauth_message(response),
            Wording::Custom(word) => return word(response),
        };
        Failure::Http {
            status: response.status,
            message,
        }
    }
}

/// openstacksdk's exception class for a status (`HttpException` for any other).
pub fn sdk_class(status: u16) -> &'static str {
    match status {
        400 => "BadRequestException",
        403 => "ForbiddenException",
        404 => "NotFoundException",
        409 => "ConflictException",
        412 => "PreconditionFailedException",
        _ => "HttpException",
    }
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

/// openstacksdk's `str()` of the `HttpException` that `raise_from_response` raises. `error_message` is the
/// proxy's `error_message=` ("No Region found for x"), which replaces `<Class>: <status>`.
pub fn sdk_message(response: &ApiResponse, url: &str, error_message: Option<&str>) -> String {
    let status = response.status;
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
        _ => format!("{}: {status}", sdk_class(status)),
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

/// keystoneauth's `str()` of the `HttpError` that `from_response` builds: osc-lib's wording of an HTTP error, the
/// one identity's keystoneclient calls have always used.
pub fn keystoneauth_message(response: &ApiResponse) -> String {
    let response = osc_lib::http::Response {
        method: osc_lib::Method::Get, // not part of the message
        url: String::new(),
        status: response.status,
        headers: response.headers.clone(),
        body: response.body.clone(),
    };
    osc_lib::http::http_error(&response).message
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
    fn each_service_body_shape() {
        // Nova and Cinder.
        let nova = r#"{"itemNotFound": {"code": 404, "message": "Flavor x could not be found."}}"#;
        let r = response(404, "application/json", nova);
        assert_eq!(
            sdk_message(&r, "u", None),
            "NotFoundException: 404: Client Error for url: u, Flavor x could not be found."
        );
        let conflict = r#"{"conflictingRequest": {"code": 409, "message": "Cannot 'delete' instance x while it is in task_state deleting"}}"#;
        let r = response(409, "application/json", conflict);
        assert_eq!(
            sdk_message(&r, "u", None),
            "ConflictException: 409: Client Error for url: u, Cannot 'delete' instance x while it is in task_state deleting"
        );
        // Neutron.
        let neutron = r#"{"NeutronError": {"type": "NetworkNotFound", "message": "Network x could not be found.", "detail": ""}}"#;
        let r = response(404, "application/json", neutron);
        assert_eq!(
            sdk_message(&r, "u", None),
            "NotFoundException: 404: Client Error for url: u, Network x could not be found."
        );
        // Glance's WSGI page.
        let glance = "<html>\n <head>\n  <title>400 Bad Request</title>\n </head>\n <body>\n  <h1>400 Bad Request</h1>\n  Invalid disk format 'x'<br /><br />\n\n\n\n </body>\n</html>";
        let r = response(400, "text/html; charset=UTF-8", glance);
        assert_eq!(
            sdk_message(&r, "u", None),
            "BadRequestException: 400: Client Error for url: u, 400 Bad Request: Invalid disk format 'x'"
        );
        // A faultstring (Mistral, WSME services).
        let r = response(
            400,
            "application/json",
            r#"{"faultstring": "Bad input", "faultcode": "Client"}"#,
        );
        assert_eq!(
            sdk_message(&r, "u", None),
            "BadRequestException: 400: Client Error for url: u, Bad input"
        );
    }

    #[test]
    fn keystoneauth_wording() {
        let r = response(404, "application/json", NOT_FOUND);
        assert_eq!(
            keystoneauth_message(&r),
            "Could not find project: x. (HTTP 404) (Request-ID: req-1)"
        );
        let r = response(409, "application/json", r#"{"other": 1}"#);
        assert_eq!(
            keystoneauth_message(&r),
            "Unrecognized schema in response body. (HTTP 409) (Request-ID: req-1)"
        );
        let r = response(418, "text/plain", "teapot");
        assert_eq!(
            keystoneauth_message(&r),
            "HTTP Client Error (HTTP 418) (Request-ID: req-1)"
        );
    }

    #[test]
    fn custom_wording_is_the_clients() {
        fn mine(response: &ApiResponse) -> Failure {
            Failure::command(format!("mine {}", response.status))
        }
        let r = response(404, "application/json", NOT_FOUND);
        let failure = Wording::Custom(mine).failure(&r, "u", None);
        assert_eq!(failure.to_string(), "mine 404");
        let failure = Wording::Sdk.failure(&r, "u", None);
        assert_eq!(failure.status(), Some(404));
    }
}
