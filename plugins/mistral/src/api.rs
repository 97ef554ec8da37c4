//! Mistral's v2 REST API as python-mistralclient calls it (`mistralclient/api/base.py`): each call expects one
//! status, and any other answer becomes an error worded with Mistral's own message (the `Server-Error-Message`
//! header or the body's `faultstring`), which is what OSC prints.
//!
//! Requests go to the catalog endpoint of service type `workflowv2` for the configured interface and region.
//! python-mistralclient always asks for the public endpoint, ignoring `--os-interface`; this plugin honours it.
//!
//! The requests themselves go through the shared layer ([`openstack_sdk::Call`]): what is Mistral's own here is
//! the status each call expects and the wording of failures ([`Wording::Custom`]), the quoting of path segments
//! (`requote_uri`) and the `KeyError`-like checks of `extract_json`.

use cliff::{Error, Result};
use openstack_sdk::{Call, Failure, Wording};
use osc_lib::{ApiResponse, ClientManager, Method};
use serde_json::Value as Json;

use crate::text::{bytes_repr, py_str, requote};

/// The catalog service type of Mistral's v2 API.
pub const SERVICE_TYPE: &str = "workflowv2";

/// Query parameters, in the order they are sent.
pub type Query = Vec<(String, String)>;

/// A path segment built from user input, quoted as `requests` quotes a URL built with `%s`.
pub fn segment(text: &str) -> String {
    requote(text)
}

/// The Mistral API over the session of a [`ClientManager`].
pub struct Mistral<'a> {
    manager: &'a mut ClientManager,
}

impl<'a> Mistral<'a> {
    /// Calls Mistral through this client manager's session.
    pub fn new(manager: &'a mut ClientManager) -> Self {
        Mistral { manager }
    }

    /// Sends a request and checks its status (`ResourceManager`'s `resp.status_code != ...` checks).
    fn call(&mut self, call: Call, expected: u16) -> Result<ApiResponse> {
        Ok(call
            .wording(Wording::Custom(mistral_failure))
            .expect(expected)
            .send(self.manager)?)
    }

    /// `_get`: one resource (200).
    pub fn get(&mut self, path: &str, query: Query) -> Result<Json> {
        let response = self.call(request(Method::Get, path, query), 200)?;
        response.json()
    }

    /// `_list`: the array under `key` (200).
    pub fn list(&mut self, path: &str, query: Query, key: &str) -> Result<Vec<Json>> {
        let body = self.get(path, query)?;
        match take_key(body, key)? {
            Json::Array(items) => Ok(items),
            Json::Null => Err(Error::command("'NoneType' object is not iterable")),
            other => Ok(vec![other]),
        }
    }

    /// `_create` with a JSON body (201).
    pub fn create(&mut self, path: &str, body: Json) -> Result<Json> {
        let response = self.call(request(Method::Post, path, Vec::new()).body(body), 201)?;
        response.json()
    }

    /// `_create` (201) or `_validate` (200) with a `text/plain` body: definitions and code sources.
    pub fn post_text(
        &mut self,
        path: &str,
        query: Query,
        text: &str,
        expected: u16,
    ) -> Result<Json> {
        let request =
            request(Method::Post, path, query).raw("text/plain", text.as_bytes().to_vec());
        self.call(request, expected)?.json()
    }

    /// `_update` with a JSON body (200).
    pub fn update(&mut self, path: &str, body: Json) -> Result<Json> {
        let response = self.call(request(Method::Put, path, Vec::new()).body(body), 200)?;
        response.json()
    }

    /// `_update` with a `text/plain` body (200).
    pub fn put_text(&mut self, path: &str, query: Query, text: &str) -> Result<Json> {
        let request = request(Method::Put, path, query).raw("text/plain", text.as_bytes().to_vec());
        self.call(request, 200)?.json()
    }

    /// `_delete` (204).
    pub fn delete(&mut self, path: &str, query: Query) -> Result<()> {
        self.call(request(Method::Delete, path, query), 204)
            .map(|_| ())
    }

    /// A GET whose HTTP errors are the session's own (the execution report is fetched without
    /// mistralclient's checks, so keystoneauth words its errors).
    pub fn get_unchecked(&mut self, path: &str, query: Query) -> Result<Json> {
        let mut request = request(Method::Get, path, query).request();
        request.accept_error_status = false;
        self.manager.send(&request)?.json()
    }

    /// The project of the session's token (mistralclient's `http_client.project_id`).
    pub fn project_id(&mut self) -> Result<String> {
        let token = self.manager.token()?;
        Ok(py_str(&token.body["token"]["project"]["id"]))
    }
}

fn request(method: Method, path: &str, query: Query) -> Call {
    Call::new(SERVICE_TYPE, method, path).query(query)
}

/// [`api_exception`] as the layer's failure.
fn mistral_failure(response: &ApiResponse) -> Failure {
    Failure::Other(api_exception(response))
}

/// `extract_json(resp, key)`: the member `key` of the body; Python's `KeyError` when it is missing.
pub fn take_key(body: Json, key: &str) -> Result<Json> {
    match body {
        Json::Object(mut map) if map.contains_key(key) => Ok(map.remove(key).unwrap_or(Json::Null)),
        Json::Object(_) => Err(Error::command(format!("'{key}'"))),
        other => Err(Error::command(format!(
            "{} indices must be integers or slices, not str",
            match other {
                Json::Array(_) => "list",
                Json::String(_) => "string",
                _ => "object",
            }
        ))),
    }
}

/// `_raise_api_exception`: the `Server-Error-Message` header, else the body's `faultstring`, else (a body that
/// is not JSON) the raw body as Python shows bytes.
pub fn api_exception(response: &ApiResponse) -> Error {
    let status = response.status;
    if let Some(message) = response
        .header("Server-Error-Message")
        .filter(|m| !m.is_empty())
    {
        return Error::command(message).with_detail(format!("HTTP {status}"));
    }
    let message = match serde_json::from_slice::<Json>(&response.body) {
        Ok(Json::Object(map)) => py_str(map.get("faultstring").unwrap_or(&Json::Null)),
        Ok(other) => format!(
            "'{}' object has no attribute 'get'",
            match other {
                Json::Array(_) => "list",
                Json::String(_) => "str",
                Json::Bool(_) => "bool",
                Json::Number(n) if n.is_f64() => "float",
                Json::Number(_) => "int",
                _ => "NoneType",
            }
        ),
        Err(_) => bytes_repr(&response.body),
    };
    Error::command(message).with_detail(format!(
        "HTTP {status}: {}",
        String::from_utf8_lossy(&response.body)
    ))
}

/// `_ensure_not_empty`: mistralclient refuses a missing or empty argument before calling the API.
pub fn ensure_not_empty(resource: &str, field: &str, value: Option<&str>) -> Result<()> {
    if value.is_none_or(str::is_empty) {
        return Err(Error::command(format!(
            "{resource} is missing field \"{field}\""
        )));
    }
    Ok(())
}

/// `_ensure_not_empty` for a value read from a file: missing, `null` and `""` are empty, anything else is not.
pub fn ensure_present(resource: &str, field: &str, value: Option<&Json>) -> Result<()> {
    match value {
        None | Some(Json::Null) => ensure_not_empty(resource, field, None),
        Some(Json::String(text)) => ensure_not_empty(resource, field, Some(text)),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> ApiResponse {
        ApiResponse {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn errors_use_mistral_words() {
        let body = r#"{"faultstring": "Workflow not found [workflow_identifier=x, namespace=]", "faultcode": "Client"}"#;
        assert_eq!(
            api_exception(&response(404, &[], body)).message,
            "Workflow not found [workflow_identifier=x, namespace=]"
        );
        assert_eq!(
            api_exception(&response(
                400,
                &[("server-error-message", "Bad thing")],
                body
            ))
            .message,
            "Bad thing"
        );
        assert_eq!(api_exception(&response(500, &[], "{}")).message, "None");
        assert_eq!(
            api_exception(&response(502, &[], "<html>Bad Gateway</html>\n")).message,
            "b'<html>Bad Gateway</html>\\n'"
        );
    }

    #[test]
    fn keys_and_empty_fields() {
        let body = serde_json::json!({"workflows": [{"id": "1"}]});
        assert_eq!(
            take_key(body.clone(), "workflows").unwrap(),
            serde_json::json!([{"id": "1"}])
        );
        assert_eq!(take_key(body, "actions").unwrap_err().message, "'actions'");
        assert_eq!(
            ensure_not_empty("Execution", "workflow_identifier", Some(""))
                .unwrap_err()
                .message,
            "Execution is missing field \"workflow_identifier\""
        );
        assert!(ensure_not_empty("Workflow", "identifier", Some("x")).is_ok());
    }
}
