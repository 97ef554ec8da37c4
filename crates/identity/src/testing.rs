//! The identity commands' unit tests: the layer's scripted transport set up as Keystone (it answers each request
//! with the next canned response and records what was sent, as `METHOD /path?query body`), and argument helpers.

use cliff::{ArgValue, Args, Command, Output, Result};
use openstack_sdk::testing::Scripted;
use osc_lib::ClientManager;
use serde_json::{json, Value as Json};

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

/// The scripted transport of the identity unit tests: Keystone at `http://ks/v3`, the admin token above.
pub struct Mock;

impl Mock {
    /// A transport answering these `(status, body)` pairs in turn; keep it to read what was sent.
    #[allow(clippy::new_ret_no_self)] // A constructor of the layer's transport, set up for identity.
    pub fn new(answers: &[(u16, &str)]) -> Scripted {
        Scripted::new(answers)
            .with_token(token_body())
            .with_endpoint("http://ks/v3")
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
