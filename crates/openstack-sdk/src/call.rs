//! One request to a service, and what its failure reads as.

use std::io::Write;

use osc_lib::http::Upload;
use osc_lib::{ApiRequest, ApiResponse, ClientManager, Method};
use serde_json::Value as Json;

use crate::failure::Res;
use crate::url::urlencode;
use crate::wording::Wording;

/// One request: method, path under the service's endpoint, query pairs in order, optional JSON body.
#[derive(Debug, Clone)]
pub struct Call {
    /// The catalog service type (`identity`, `compute`...).
    pub service: String,
    /// GET, POST...
    pub method: Method,
    /// Path under the endpoint, already percent-encoded (see [`crate::quote_path`]), or an absolute URL.
    pub path: String,
    /// Query pairs, in the order the library sends them.
    pub query: Vec<(String, String)>,
    /// JSON body.
    pub body: Option<Json>,
    /// A raw body with its content type.
    pub raw: Option<(String, Vec<u8>)>,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// Which library's words a failure gets.
    pub wording: Wording,
    /// openstacksdk's `error_message=` (the proxy's `get_*` pass "No <Resource> found for <id>").
    pub error_message: Option<String>,
    /// The one status a legacy client accepts (python-mistralclient checks `status_code != 201`); `None`
    /// accepts any status below 400.
    pub expected: Option<u16>,
}

impl Call {
    /// A call with no query, body or header, worded as openstacksdk.
    pub fn new(service: &str, method: Method, path: impl Into<String>) -> Self {
        Call {
            service: service.to_owned(),
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            raw: None,
            headers: Vec::new(),
            wording: Wording::Sdk,
            error_message: None,
            expected: None,
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

    /// Sets a raw body with its content type.
    pub fn raw(mut self, content_type: &str, data: Vec<u8>) -> Self {
        self.raw = Some((content_type.to_owned(), data));
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets the microversion headers the service expects (see [`crate::microversion`]).
    pub fn microversion(mut self, version: &str) -> Self {
        osc_lib::session::add_microversion_headers(&mut self.headers, version, &self.service);
        self
    }

    /// Words failures as another library does.
    pub fn wording(mut self, wording: Wording) -> Self {
        self.wording = wording;
        self
    }

    /// Sets openstacksdk's `error_message`.
    pub fn error_message(mut self, message: String) -> Self {
        self.error_message = Some(message);
        self
    }

    /// Accepts only this status; any other is a failure.
    pub fn expect(mut self, status: u16) -> Self {
        self.expected = Some(status);
        self
    }

    /// The request as osc-lib sends it.
    pub fn request(&self) -> ApiRequest {
        let mut request =
            ApiRequest::new(self.method, &self.service, &self.path).accept_error_status();
        request.query = self.query.clone();
        request.json = self.body.clone();
        request.raw = self.raw.clone();
        request.headers = self.headers.clone();
        request
    }

    /// The request, with the service's default microversion when the call names none (see
    /// [`crate::microversion::set_default`]).
    fn request_in(&self, cm: &mut ClientManager) -> ApiRequest {
        let mut request = self.request();
        if let Some(version) = crate::microversion::default_for(cm, &self.service) {
            osc_lib::session::add_microversion_headers(
                &mut request.headers,
                &version,
                &self.service,
            );
        }
        request
    }

    /// Sends the call; an error answer becomes a failure worded by the call's library.
    pub fn send(&self, cm: &mut ClientManager) -> Res<ApiResponse> {
        let request = self.request_in(cm);
        let response = cm.send(&request)?;
        self.check(cm, response)
    }

    /// Sends the call with its body streamed from `upload` and/or its 2xx answer's body streamed into `download`
    /// (see [`crate::transfer`]); failures are worded as for [`Call::send`].
    pub fn send_streaming(
        &self,
        cm: &mut ClientManager,
        upload: Option<Upload<'_>>,
        download: Option<&mut dyn Write>,
        progress: Option<&mut dyn FnMut(u64)>,
    ) -> Res<ApiResponse> {
        let request = self.request_in(cm);
        let response = cm.send_streaming(&request, upload, download, progress)?;
        self.check(cm, response)
    }

    fn check(&self, cm: &mut ClientManager, response: ApiResponse) -> Res<ApiResponse> {
        let failed = match self.expected {
            Some(expected) => response.status != expected,
            None => response.status >= 400,
        };
        if !failed {
            return Ok(response);
        }
        let url = self.url(cm);
        Err(self
            .wording
            .failure(&response, &url, self.error_message.as_deref()))
    }

    /// Sends the call and parses the JSON answer (`null` for an empty body).
    pub fn json(&self, cm: &mut ClientManager) -> Res<Json> {
        Ok(self.send(cm)?.json()?)
    }

    /// The request URL as Python's `requests` shows it (endpoint, path, `urlencode`d query).
    pub fn url(&self, cm: &mut ClientManager) -> String {
        let mut url = if self.path.contains("://") {
            self.path.clone()
        } else {
            let endpoint = cm.endpoint(&self.service).unwrap_or_default();
            format!("{}{}", endpoint.trim_end_matches('/'), self.path)
        };
        if !self.query.is_empty() {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&urlencode(&self.query));
        }
        url
    }
}
