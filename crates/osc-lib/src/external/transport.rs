//! The plugin side's [`Transport`]: the session `openstack` handed over (token, catalog, TLS settings) and
//! osc-lib's HTTP client. It never authenticates: a 401 is an error like any other.

use std::time::Duration;

use cliff::{Error, Result};

use super::protocol::{Session, ENDPOINT_OVERRIDE_SUFFIX};
use crate::catalog::Catalog;
use crate::clientmanager::{ApiRequest, ApiResponse, TokenInfo, Transport};
use crate::config::service_types;
use crate::http::{http_error, Body, HttpClient, HttpConfig, Request};

/// A [`Transport`] over the session `openstack` sent with the request.
pub struct SessionTransport {
    session: Session,
    catalog: Option<Catalog>,
    http: HttpClient,
}

impl SessionTransport {
    /// A transport for this session, with TLS settings and timeout from it.
    pub fn new(session: Session) -> Self {
        let catalog = session
            .token
            .as_ref()
            .and_then(|token| token.body.pointer("/token/catalog"))
            .map(Catalog::from_json);
        let http = HttpClient::new(HttpConfig {
            verify: session.tls.verify,
            cacert: session.tls.cacert.as_ref().map(Into::into),
            cert: session.tls.cert.as_ref().map(Into::into),
            key: session.tls.key.as_ref().map(Into::into),
            timeout: session
                .timeout
                .filter(|t| *t > 0.0 && t.is_finite())
                .map(Duration::from_secs_f64),
            ..HttpConfig::default()
        });
        SessionTransport {
            session,
            catalog,
            http,
        }
    }
}

fn no_token() -> Error {
    Error::command(
        "This command has no token: its manifest says it needs no authentication (auth_required false)",
    )
}

impl Transport for SessionTransport {
    fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse> {
        let url = if request.path.contains("://") {
            request.path.clone()
        } else {
            // keystoneauth joins as `base.rstrip('/') + '/' + path.lstrip('/')`.
            let base = self.endpoint(&request.service_type)?;
            format!(
                "{}/{}",
                base.trim_end_matches('/'),
                request.path.trim_start_matches('/')
            )
        };
        let mut http_request = Request::new(request.method, url);
        http_request.query = request.query.clone();
        http_request.headers = request.headers.clone();
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
        if let Some(token) = &self.session.token {
            http_request
                .headers
                .push(("X-Auth-Token".to_owned(), token.id.clone()));
        }
        let response = self.http.send(&http_request)?;
        if response.status >= 400 && !request.accept_error_status {
            return Err(http_error(&response));
        }
        Ok(ApiResponse {
            status: response.status,
            headers: response.headers,
            body: response.body,
        })
    }

    fn token(&mut self) -> Result<TokenInfo> {
        let token = self.session.token.as_ref().ok_or_else(no_token)?;
        Ok(TokenInfo {
            id: token.id.clone(),
            body: token.body.clone(),
        })
    }

    fn endpoint(&mut self, service_type: &str) -> Result<String> {
        // As openstacksdk: the override of the official type or of any alias.
        let overridden = service_types::all_types(service_type)
            .iter()
            .map(|st| service_types::service_key(st, "endpoint_override"))
            .find_map(|key| {
                let service = key.strip_suffix(ENDPOINT_OVERRIDE_SUFFIX)?;
                self.session.endpoint_overrides.get(service)
            });
        if let Some(url) = overridden.or(self.session.endpoint.as_ref()) {
            return Ok(url.clone());
        }
        if self.session.token.is_none() {
            return Err(no_token());
        }
        match &self.catalog {
            Some(catalog) => catalog.url_for(
                service_type,
                &self.session.interface,
                self.session.region_name.as_deref(),
                None,
            ),
            None => Err(Error::command("The service catalog is empty.")),
        }
    }

    fn timings(&self) -> Vec<(String, String, f64)> {
        self.http
            .timings()
            .into_iter()
            .map(|t| (t.method, t.url, t.seconds))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clientmanager::Method;
    use crate::external::protocol::TokenSpec;
    use serde_json::json;
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpListener;
    use std::thread::JoinHandle;

    /// A one-request HTTP server on loopback answering `status` with `body`; the handle gives the request as
    /// received (head and body).
    fn serve_once(status: &'static str, body: &'static str) -> (String, JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let handle = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().expect("accept");
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut received = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).expect("read");
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().expect("length");
                }
                received.push_str(&line);
                if line == "\r\n" || line.is_empty() {
                    break;
                }
            }
            let mut request_body = vec![0; length];
            reader.read_exact(&mut request_body).expect("body");
            received.push_str(&String::from_utf8_lossy(&request_body));
            write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
            .expect("answer");
            received
        });
        (base, handle)
    }

    fn session(catalog_url: &str) -> Session {
        Session {
            token: Some(TokenSpec {
                id: "tok".to_owned(),
                expires_at: None,
                body: json!({"token": {"catalog": [{"type": "workflowv2", "endpoints": [
                    {"interface": "public", "region_id": "R1", "url": catalog_url}]}]}}),
            }),
            region_name: Some("R1".to_owned()),
            interface: "public".to_owned(),
            ..Session::default()
        }
    }

    #[test]
    fn requests_go_to_the_catalog_endpoint_with_the_token() {
        let (base, server) = serve_once("201 Created", r#"{"id": "e1"}"#);
        let mut transport = SessionTransport::new(session(&format!("{base}/v2/")));
        let request = ApiRequest::new(Method::Post, "workflowv2", "/executions")
            .query("name", "a b/c")
            .json(json!({"x": 1}));
        let response = transport.send(&request).expect("sent");
        assert_eq!(response.status, 201);
        assert_eq!(response.json().expect("json"), json!({"id": "e1"}));
        let received = server.join().expect("server");
        assert!(
            received.starts_with("POST /v2/executions?name=a+b%2Fc HTTP/1.1\r\n"),
            "{received}"
        );
        assert!(
            received.contains("\r\nx-auth-token: tok\r\n")
                || received.contains("\r\nX-Auth-Token: tok\r\n"),
            "{received}"
        );
        assert!(received.ends_with("\r\n\r\n{\"x\": 1}"), "{received}");
        assert_eq!(transport.timings().len(), 1);
    }

    #[test]
    fn http_errors_are_worded_as_osc_words_them() {
        let (base, server) = serve_once(
            "404 Not Found",
            r#"{"error": {"message": "Could not find project: x.", "code": 404}}"#,
        );
        let mut transport = SessionTransport::new(session(&base));
        let err = transport
            .send(&ApiRequest::new(Method::Get, "workflowv2", "/projects/x"))
            .expect_err("404");
        server.join().expect("server");
        assert_eq!(err.kind, cliff::ErrorKind::Command);
        assert!(
            err.message.contains("Could not find project: x."),
            "{}",
            err.message
        );
    }

    #[test]
    fn error_answers_are_returned_when_the_caller_words_them() {
        let (base, server) = serve_once(
            "404 Not Found",
            r#"{"faultstring": "Workflow not found [workflow_identifier=x, namespace=]"}"#,
        );
        let mut transport = SessionTransport::new(session(&base));
        let response = transport
            .send(&ApiRequest::new(Method::Get, "workflowv2", "/workflows/x").accept_error_status())
            .expect("returned");
        server.join().expect("server");
        assert_eq!(response.status, 404);
        assert_eq!(
            response.json().expect("json")["faultstring"],
            "Workflow not found [workflow_identifier=x, namespace=]"
        );
    }

    #[test]
    fn endpoints_come_from_overrides_the_fixed_endpoint_or_the_catalog() {
        let mut with_override = session("http://catalog/v2");
        with_override
            .endpoint_overrides
            .insert("block_storage".to_owned(), "http://over".to_owned());
        let mut transport = SessionTransport::new(with_override);
        // Looked up under the official type for an alias too, as openstacksdk does.
        assert_eq!(
            transport.endpoint("volumev3").expect("override"),
            "http://over"
        );
        assert_eq!(
            transport.endpoint("workflowv2").expect("catalog"),
            "http://catalog/v2"
        );
        assert_eq!(
            transport.endpoint("compute").expect_err("absent").message,
            "public endpoint for compute service in R1 region not found"
        );
        let fixed = Session {
            endpoint: Some("http://fixed".to_owned()),
            ..Session::default()
        };
        assert_eq!(
            SessionTransport::new(fixed)
                .endpoint("compute")
                .expect("fixed"),
            "http://fixed"
        );
    }

    #[test]
    fn commands_without_auth_get_no_token() {
        let mut transport = SessionTransport::new(Session::default());
        assert!(transport
            .token()
            .expect_err("no token")
            .message
            .starts_with("This command has no token"));
        assert!(transport
            .endpoint("compute")
            .expect_err("no catalog")
            .message
            .starts_with("This command has no token"));
    }
}
