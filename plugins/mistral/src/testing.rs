//! A scripted cloud for the commands' unit tests: it records every request and answers with canned responses.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use cliff::{ArgValue, Args, Command, Error, Output, Result};
use osc_lib::clientmanager::Settings;
use osc_lib::{ApiRequest, ApiResponse, ClientManager, TokenInfo, Transport};

/// What a test sees of one request.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    /// `GET /workflows?fields=...` style summary: method, path and the query as `k=v&...`.
    pub line: String,
    /// The JSON body, if any.
    pub json: Option<serde_json::Value>,
    /// The raw body as text with its content type, if any.
    pub raw: Option<(String, String)>,
}

struct ScriptedTransport {
    sent: Rc<RefCell<Vec<Sent>>>,
    answers: VecDeque<(u16, String)>,
}

impl Transport for ScriptedTransport {
    fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse> {
        assert_eq!(request.service_type, "workflowv2");
        let query: Vec<String> = request
            .query
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let mut line = format!("{} {}", request.method.as_str(), request.path);
        if !query.is_empty() {
            line.push('?');
            line.push_str(&query.join("&"));
        }
        self.sent.borrow_mut().push(Sent {
            line,
            json: request.json.clone(),
            raw: request
                .raw
                .as_ref()
                .map(|(t, b)| (t.clone(), String::from_utf8_lossy(b).into_owned())),
        });
        let (status, body) = self
            .answers
            .pop_front()
            .ok_or_else(|| Error::command("no scripted answer left"))?;
        if status >= 400 && !request.accept_error_status {
            return Err(Error::command(format!("Session error (HTTP {status})")));
        }
        Ok(ApiResponse {
            status,
            headers: Vec::new(),
            body: body.into_bytes(),
        })
    }

    fn token(&mut self) -> Result<TokenInfo> {
        Ok(TokenInfo {
            id: "token".to_owned(),
            body: serde_json::json!({"token": {"project": {"id": "project-1"}}}),
        })
    }

    fn endpoint(&mut self, _service_type: &str) -> Result<String> {
        Ok("http://127.0.0.1:8989/v2".to_owned())
    }
}

/// Runs a command against scripted answers (`(status, body)` in order); gives its result and the requests sent.
pub fn run(
    command: &dyn Command<ClientManager>,
    args: &Args,
    answers: &[(u16, &str)],
) -> (Result<Output>, Vec<Sent>) {
    with_manager(answers, |manager| command.take_action(manager, args))
}

/// Runs `body` with a client manager over scripted answers; gives its result and the requests sent.
pub fn with_manager<T>(
    answers: &[(u16, &str)],
    body: impl FnOnce(&mut ClientManager) -> T,
) -> (T, Vec<Sent>) {
    let sent = Rc::new(RefCell::new(Vec::new()));
    let transport = ScriptedTransport {
        sent: Rc::clone(&sent),
        answers: answers
            .iter()
            .map(|(status, body)| (*status, (*body).to_owned()))
            .collect(),
    };
    let mut manager = ClientManager::with_transport(Settings::default(), Box::new(transport));
    let result = body(&mut manager);
    let sent = sent.borrow().clone();
    (result, sent)
}

/// The request lines of a run.
pub fn lines(sent: &[Sent]) -> Vec<&str> {
    sent.iter().map(|s| s.line.as_str()).collect()
}

/// Parsed arguments from `(dest, value)` pairs; strings become `Str`, `["a", "b"]` style lists `List`.
pub fn args(pairs: &[(&str, ArgValue)]) -> Args {
    let mut args = Args::default();
    for (dest, value) in pairs {
        args.set(*dest, value.clone());
    }
    args
}

/// The defaults of `MistralLister`'s options (what argparse would fill in).
pub fn list_defaults(executions: bool) -> Vec<(&'static str, ArgValue)> {
    let mut defaults = vec![
        ("marker", ArgValue::from("")),
        ("sort_keys", ArgValue::from("created_at")),
        ("sort_dirs", ArgValue::from("asc")),
    ];
    if executions {
        defaults.push(("limit", ArgValue::Int(100)));
        defaults.push(("oldest", ArgValue::Bool(false)));
    }
    defaults
}

/// A list of strings as argparse stores `nargs='+'`.
pub fn list(items: &[&str]) -> ArgValue {
    ArgValue::List(items.iter().map(|s| ArgValue::from(*s)).collect())
}
