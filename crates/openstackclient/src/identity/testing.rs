//! A scripted transport for the identity commands' unit tests: it answers each request with the next canned
//! response and records what was sent, as `METHOD /path?query body`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use cliff::{ArgValue, Args, Command, Output, Result};
use osc_lib::clientmanager::Settings;
use osc_lib::{ApiRequest, ApiResponse, ClientManager, TokenInfo, Transport};
use serde_json::{json, Value as Json};

use openstack_sdk::urlencode;

/// The token every test session holds: admin, project-scoped, with a two-service catalog.
pub fn token_body() -> Json {
    json!({"token": {
        "methods": ["password"],
        "user": {"domain": {"id": "default", "name": "Default"}, "id": "u1", "name": "admin"},
        "expires_at": "2026-11-25T11:26:58.000000Z",
        "project": {"domain": {"id": "default", "name": "Default"}, "id": "p1", "name": "admin"},
        "catalog": [
            {"endpoints": [
                {"id": "e1", "interface": "public", "region_id": "RegionOne", "url": "http://ks/v3", "region": "RegionOne"},
                {"id": "e2", "interface": "admin", "region_id": null, "url": "http://ks/v3", "region": null}
            ], "id": "s1", "type": "identity", "name": "keystone"},
            {"endpoints": [], "id": "s2", "type": "workflowv2", "name": "mistral", "links": {"self": "x"}}
        ]
    }})
}

struct Script {
    answers: VecDeque<(u16, String)>,
    sent: Vec<String>,
    token: Json,
}

/// A transport answering from a script; keep the handle to read what was sent.
#[derive(Clone)]
pub struct Mock(Rc<RefCell<Script>>);

impl Mock {
    /// A mock answering these `(status, body)` pairs in turn.
    pub fn new(answers: &[(u16, &str)]) -> Self {
        Mock(Rc::new(RefCell::new(Script {
            answers: answers.iter().map(|(s, b)| (*s, (*b).to_owned())).collect(),
            sent: Vec::new(),
            token: token_body(),
        })))
    }

    /// Replaces the session's token body.
    pub fn with_token(self, token: Json) -> Self {
        self.0.borrow_mut().token = token;
        self
    }

    /// What was sent, one line per request.
    pub fn sent(&self) -> Vec<String> {
        self.0.borrow().sent.clone()
    }

    /// A client manager over this mock.
    pub fn manager(&self) -> ClientManager {
        ClientManager::with_transport(Settings::default(), Box::new(self.clone()))
    }
}

impl Transport for Mock {
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
            "identity calls word their own errors: {line}"
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

    fn endpoint(&mut self, _service_type: &str) -> Result<String> {
        Ok("http://ks/v3".to_owned())
    }
}

/// Parsed arguments from `(dest, value)` pairs.
pub fn args(pairs: &[(&str, ArgValue)]) -> Args {
    let mut args = Args::default();
    for (dest, value) in pairs {
        args.set(*dest, value.clone());
    }
    args
}

/// A string argument.
pub fn s(value: &str) -> ArgValue {
    ArgValue::Str(value.to_owned())
}

/// A list argument.
pub fn l(values: &[&str]) -> ArgValue {
    ArgValue::List(values.iter().map(|v| s(v)).collect())
}

/// Runs a command against a mock answering `answers`; returns the result and what was sent.
pub fn run(
    command: &dyn Command<ClientManager>,
    arg_pairs: &[(&str, ArgValue)],
    answers: &[(u16, &str)],
) -> (Result<Output>, Vec<String>) {
    let mock = Mock::new(answers);
    let mut cm = mock.manager();
    let result = command.take_action(&mut cm, &args(arg_pairs));
    (result, mock.sent())
}

/// The 404 Keystone sends for a missing resource.
pub fn not_found(what: &str, id: &str) -> String {
    format!(
        r#"{{"error": {{"code": 404, "message": "Could not find {what}: {id}.", "title": "Not Found"}}}}"#
    )
}
