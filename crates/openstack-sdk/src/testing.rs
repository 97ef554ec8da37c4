//! A scripted transport for unit tests (the layer's, and the services' with the `testing` feature): it answers
//! each request with the next canned response and records what was sent, as `METHOD /path?query body [header:
//! value]`. It stands in for the cloud only in unit tests; real services are exercised by the integration tests
//! (tests/keystone.rs, tests/services.rs, and the compat cases).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use cliff::Result;
use osc_lib::clientmanager::Settings;
use osc_lib::{ApiRequest, ApiResponse, ClientManager, TokenInfo, Transport};
use serde_json::Value as Json;

use crate::resource::{PatchFormat, Resource};
use crate::url::urlencode;

/// A server as the layer's unit tests declare it (`openstack.compute.v2.server.Server`, the paging parts).
pub const SERVER: Resource = Resource {
    service: "compute",
    class: "Server",
    key: "server",
    plural: "servers",
    base_path: "/servers",
    query: &[("limit", "limit"), ("marker", "marker"), ("name", "name")],
    ..Resource::DEFAULT
};

/// An image as the layer's unit tests declare it: Glance's versioned path and JSON-patch commits.
pub const IMAGE: Resource = Resource {
    service: "image",
    class: "Image",
    plural: "images",
    base_path: "/v2/images",
    query: &[("limit", "limit"), ("marker", "marker"), ("name", "name")],
    patch_format: PatchFormat::JsonPatch,
    ..Resource::DEFAULT
};

struct Script {
    answers: VecDeque<(u16, String)>,
    sent: Vec<String>,
    token: Json,
    endpoint: Option<String>,
}

/// A transport answering from a script; keep the handle to read what was sent.
#[derive(Clone)]
pub struct Scripted(Rc<RefCell<Script>>);

impl Scripted {
    /// A transport answering these `(status, body)` pairs in turn.
    pub fn new(answers: &[(u16, &str)]) -> Self {
        Scripted(Rc::new(RefCell::new(Script {
            answers: answers.iter().map(|(s, b)| (*s, (*b).to_owned())).collect(),
            sent: Vec::new(),
            token: Json::Null,
            endpoint: None,
        })))
    }

    /// Sets the body of the session's token (Keystone's `{"token": {...}}`).
    pub fn with_token(self, token: Json) -> Self {
        self.0.borrow_mut().token = token;
        self
    }

    /// Gives every service this endpoint (by default `http://<service type>/v1`).
    pub fn with_endpoint(self, endpoint: &str) -> Self {
        self.0.borrow_mut().endpoint = Some(endpoint.to_owned());
        self
    }

    /// What was sent, one line per request.
    pub fn sent(&self) -> Vec<String> {
        self.0.borrow().sent.clone()
    }

    /// A client manager over this transport.
    pub fn manager(&self) -> ClientManager {
        ClientManager::with_transport(Settings::default(), Box::new(self.clone()))
    }
}

impl Transport for Scripted {
    fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse> {
        let mut script = self.0.borrow_mut();
        let mut line = format!("{} {}", request.method.as_str(), request.path);
        if !request.query.is_empty() {
            line.push('?');
            line.push_str(&urlencode(&request.query));
        }
        if let Some(body) = &request.json {
            line.push(' ');
            line.push_str(&body.to_string());
        }
        for (name, value) in &request.headers {
            line.push_str(&format!(" [{name}: {value}]"));
        }
        script.sent.push(line.clone());
        let (status, body) = script
            .answers
            .pop_front()
            .unwrap_or_else(|| panic!("no answer scripted for {line}"));
        assert!(
            request.accept_error_status,
            "calls through the layer word their own errors: {line}"
        );
        let mut headers = vec![("x-openstack-request-id".to_owned(), "req-1".to_owned())];
        if !body.is_empty() {
            headers.push(("content-type".to_owned(), "application/json".to_owned()));
        }
        Ok(ApiResponse {
            status,
            headers,
            body: body.into_bytes(),
        })
    }

    fn token(&mut self) -> Result<TokenInfo> {
        Ok(TokenInfo {
            id: "tok".to_owned(),
            body: self.0.borrow().token.clone(),
        })
    }

    fn endpoint(&mut self, service_type: &str) -> Result<String> {
        let endpoint = self.0.borrow().endpoint.clone();
        Ok(endpoint.unwrap_or_else(|| format!("http://{service_type}/v1")))
    }
}
