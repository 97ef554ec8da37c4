//! The plugin side: [`serve`] is the whole `main` of an `openstack-<name>` executable written in Rust.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::FromRawFd;

use cliff::{Error, Output, Parser, Result};
use log::LevelFilter;

use super::catalog;
use super::protocol::{
    CommandSpec, ErrorSpec, Manifest, ModuleSpec, Request, Response, Session, Tls,
    VersionOptionSpec, ENDPOINT_OVERRIDE_SUFFIX, FD_ENV, MANIFEST_FLAG, PROTOCOL_VERSION, RUN_FLAG,
};
use crate::clientmanager::{
    ApiRequest, ApiResponse, ClientManager, Method, Settings, TokenInfo, Transport,
};
use crate::config::service_types;
use crate::plugin::{major_version, Plugin};

/// Answers `--osc-plugin-manifest` and `--osc-plugin-run` for `plugin`; returns the process exit code.
///
/// ```no_run
/// # struct RunitPlugin;
/// # impl osc_lib::Plugin for RunitPlugin {
/// #     fn api_name(&self) -> &str { "runit" }
/// #     fn module(&self) -> (&str, &str) { ("runit", "1") }
/// #     fn version_option(&self) -> osc_lib::VersionOption { unimplemented!() }
/// #     fn default_version(&self) -> Option<&str> { Some("1") }
/// #     fn supported_versions(&self) -> &[&str] { &[] }
/// #     fn commands(&self, _: &str) -> Vec<(String, osc_lib::PluginCommand)> { Vec::new() }
/// # }
/// fn main() {
///     std::process::exit(osc_lib::external::serve(&RunitPlugin))
/// }
/// ```
pub fn serve(plugin: &dyn Plugin) -> i32 {
    let mut argv = std::env::args();
    let program = argv
        .next()
        .map(|arg0| {
            std::path::Path::new(&arg0)
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or(arg0)
        })
        .unwrap_or_else(|| "plugin".to_owned());
    let args: Vec<String> = argv.collect();
    match args.as_slice() {
        [flag] if flag == MANIFEST_FLAG => print_json(&manifest_of(plugin)),
        [flag] if flag == RUN_FLAG => match read_request() {
            Ok(request) => print_json(&answer(plugin, &request, Box::new(NoHttp))),
            Err(problem) => {
                eprintln!("{program}: {problem}");
                2
            }
        },
        _ => {
            let major = plugin.default_version().map(major_version);
            let names: Vec<String> = major
                .map(|major| plugin.commands(&major))
                .unwrap_or_default()
                .into_iter()
                .map(|(name, _)| format!("  openstack {name}"))
                .collect();
            eprintln!(
                "{program} is a plugin of the openstack command; its commands run through openstack:\n{}",
                names.join("\n")
            );
            2
        }
    }
}

/// Prints one JSON document and a newline on stdout; the exit code says whether that worked.
fn print_json<T: serde::Serialize>(document: &T) -> i32 {
    let Ok(mut text) = serde_json::to_string(document) else {
        return 1;
    };
    text.push('\n');
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

/// Reads the request from the descriptor named by `OSC_PLUGIN_FD`.
fn read_request() -> std::result::Result<Request, String> {
    let fd: i32 = std::env::var(FD_ENV)
        .ok()
        .and_then(|text| text.parse().ok())
        .filter(|fd| *fd >= 0)
        .ok_or_else(|| {
            format!("{RUN_FLAG} needs its request on the descriptor named by {FD_ENV}; openstack runs plugins so")
        })?;
    // SAFETY: `openstack` hands this descriptor to the plugin for its sole use (docs/plugins.md); nothing else in
    // this process knows it, so taking ownership (and closing it once read) cannot disturb other code.
    let mut pipe = unsafe { File::from_raw_fd(fd) };
    let mut bytes = Vec::new();
    pipe.read_to_end(&mut bytes)
        .map_err(|err| format!("could not read the request from descriptor {fd}: {err}"))?;
    drop(pipe);
    serde_json::from_slice(&bytes).map_err(|err| format!("invalid request: {err}"))
}

/// The manifest of a plugin: every command of every major version it declares (the default version's and the
/// supported versions').
pub fn manifest_of(plugin: &dyn Plugin) -> Manifest {
    let mut majors: Vec<String> = Vec::new();
    for version in plugin
        .default_version()
        .into_iter()
        .chain(plugin.supported_versions().iter().copied())
    {
        let major = major_version(version);
        if !majors.contains(&major) {
            majors.push(major);
        }
    }
    let commands: BTreeMap<String, Vec<CommandSpec>> = majors
        .into_iter()
        .map(|major| {
            let specs = plugin
                .commands(&major)
                .into_iter()
                .map(|(name, command)| CommandSpec {
                    description: command.description().to_owned(),
                    kind: command.kind(),
                    auth_required: command.auth_required(),
                    deprecated: command.deprecated(),
                    epilog: command.epilog().map(str::to_owned),
                    arguments: own_arguments(command.as_ref()),
                    name,
                })
                .collect();
            (major, specs)
        })
        .collect();
    let option = plugin.version_option();
    let (module, version) = plugin.module();
    Manifest {
        protocol: PROTOCOL_VERSION,
        api_name: plugin.api_name().to_owned(),
        module: ModuleSpec {
            name: module.to_owned(),
            version: version.to_owned(),
        },
        dist: plugin.dist().map(str::to_owned),
        version_option: VersionOptionSpec {
            dest: option.dest,
            flag: option.flag,
            metavar: option.metavar,
            env: option.env,
            help: option.help,
            option_default: option.option_default,
        },
        default_version: plugin.default_version().map(str::to_owned),
        supported_versions: plugin
            .supported_versions()
            .iter()
            .map(|v| (*v).to_owned())
            .collect(),
        accept_any_version: plugin
            .default_version()
            .and_then(|v| plugin.check_version(v))
            .unwrap_or(false),
        commands,
    }
}

/// A parser holding only what the command's `add_arguments` adds, serialized.
fn own_arguments(
    command: &dyn cliff::Command<ClientManager>,
) -> Option<Box<serde_json::value::RawValue>> {
    let mut parser = Parser::new("");
    command.add_arguments(&mut parser);
    serde_json::value::to_raw_value(&parser).ok()
}

/// Runs the requested command and wraps what it returned (or why it failed) as the answer.
pub fn answer(plugin: &dyn Plugin, request: &Request, http: Box<dyn HttpClient>) -> Response {
    match run(plugin, request, http) {
        Ok(output) => Response {
            protocol: PROTOCOL_VERSION,
            output: Some(output),
            error: None,
        },
        Err(err) => Response {
            protocol: PROTOCOL_VERSION,
            output: None,
            error: Some(ErrorSpec::from_error(&err)),
        },
    }
}

fn run(plugin: &dyn Plugin, request: &Request, http: Box<dyn HttpClient>) -> Result<Output> {
    if request.protocol > PROTOCOL_VERSION {
        return Err(Error::command(format!(
            "The {} plugin speaks plugin protocol {PROTOCOL_VERSION} and cannot answer a protocol {} request: upgrade the plugin",
            plugin.api_name(),
            request.protocol
        )));
    }
    let session = &request.session;
    cliff::logging::init(level_filter(&session.log_level));
    let version = session
        .api_versions
        .get(plugin.api_name())
        .map(String::as_str)
        .or(plugin.default_version())
        .unwrap_or("None");
    let major = major_version(version);
    let command = plugin
        .commands(&major)
        .into_iter()
        .find(|(name, _)| *name == request.command)
        .map(|(_, command)| command)
        .ok_or_else(|| {
            Error::command(format!(
                "The {} plugin has no command '{}' at API version {version}",
                plugin.api_name(),
                request.command
            ))
        })?;
    let settings = Settings {
        region_name: session.region_name.clone(),
        interface: session.interface.clone(),
        ..Settings::default()
    };
    let mut manager = ClientManager::with_transport(
        settings,
        Box::new(SessionTransport::new(session.clone(), http)),
    );
    for (api_name, version) in &session.api_versions {
        manager.set_api_version(api_name, version);
    }
    command.take_action(&mut manager, &request.args)
}

fn level_filter(name: &str) -> LevelFilter {
    match name {
        "debug" => LevelFilter::Debug,
        "info" => LevelFilter::Info,
        "error" | "critical" => LevelFilter::Error,
        _ => LevelFilter::Warn,
    }
}

/// One HTTP request, fully resolved: what an [`HttpClient`] sends.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    /// GET, POST...
    pub method: Method,
    /// The absolute URL, query string included.
    pub url: String,
    /// Headers, `X-Auth-Token` included when the command has a token.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Option<Vec<u8>>,
    /// TLS settings of the cloud.
    pub tls: Tls,
    /// Timeout in seconds, if any.
    pub timeout: Option<f64>,
}

/// Sends HTTP requests for a plugin's commands.
pub trait HttpClient {
    /// Sends one request; a non-2xx answer is an error worded as OSC words it.
    fn execute(&mut self, request: &HttpRequest) -> Result<ApiResponse>;
}

/// The client used until osc-lib's HTTP session is available to plugins.
struct NoHttp;

impl HttpClient for NoHttp {
    fn execute(&mut self, request: &HttpRequest) -> Result<ApiResponse> {
        Err(Error::command(format!(
            "{} {}: this plugin has no HTTP client",
            request.method.as_str(),
            request.url
        )))
    }
}

/// A [`Transport`] over the session `openstack` handed over: the token and catalog it was given, and an
/// [`HttpClient`].
pub struct SessionTransport {
    session: Session,
    http: Box<dyn HttpClient>,
}

impl SessionTransport {
    /// A transport for this session.
    pub fn new(session: Session, http: Box<dyn HttpClient>) -> Self {
        SessionTransport { session, http }
    }

    fn token_body(&self) -> Result<&serde_json::Value> {
        self.session
            .token
            .as_ref()
            .map(|token| &token.body)
            .ok_or_else(no_token)
    }
}

fn no_token() -> Error {
    Error::command(
        "This command has no token: its manifest says it needs no authentication (auth_required false)",
    )
}

impl Transport for SessionTransport {
    fn send(&mut self, request: &ApiRequest) -> Result<ApiResponse> {
        let base = if request.path.starts_with("http://") || request.path.starts_with("https://") {
            None
        } else {
            Some(self.endpoint(&request.service_type)?)
        };
        let mut url = match base {
            // keystoneauth joins as `base.rstrip('/') + '/' + path.lstrip('/')`.
            Some(base) => format!(
                "{}/{}",
                base.trim_end_matches('/'),
                request.path.trim_start_matches('/')
            ),
            None => request.path.clone(),
        };
        if !request.query.is_empty() {
            url.push(if url.contains('?') { '&' } else { '?' });
            let pairs: Vec<String> = request
                .query
                .iter()
                .map(|(key, value)| format!("{}={}", quote_plus(key), quote_plus(value)))
                .collect();
            url.push_str(&pairs.join("&"));
        }
        let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
        if let Some(token) = &self.session.token {
            headers.push(("X-Auth-Token".to_owned(), token.id.clone()));
        }
        let body = if let Some(json) = &request.json {
            headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
            Some(
                serde_json::to_vec(json)
                    .map_err(|err| Error::command(format!("Cannot encode the request: {err}")))?,
            )
        } else if let Some((content_type, raw)) = &request.raw {
            headers.push(("Content-Type".to_owned(), content_type.clone()));
            Some(raw.clone())
        } else {
            None
        };
        headers.extend(request.headers.iter().cloned());
        self.http.execute(&HttpRequest {
            method: request.method,
            url,
            headers,
            body,
            tls: self.session.tls.clone(),
            timeout: self.session.timeout,
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
        if let Some(url) = overridden {
            return Ok(url.clone());
        }
        catalog::endpoint_url(
            self.token_body()?,
            service_type,
            &self.session.interface,
            self.session.region_name.as_deref(),
        )
    }
}

/// Python's `urllib.parse.quote_plus`, as `requests` encodes query parameters.
fn quote_plus(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                quoted.push(char::from(byte));
            }
            b' ' => quoted.push('+'),
            _ => quoted.push_str(&format!("%{byte:02X}")),
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::external::protocol::TokenSpec;
    use serde_json::json;

    struct Recorder(std::sync::Arc<std::sync::Mutex<Vec<HttpRequest>>>);

    impl HttpClient for Recorder {
        fn execute(&mut self, request: &HttpRequest) -> Result<ApiResponse> {
            self.0
                .lock()
                .map_err(|_| Error::command("poisoned"))?
                .push(request.clone());
            Ok(ApiResponse {
                status: 200,
                headers: Vec::new(),
                body: b"{}".to_vec(),
            })
        }
    }

    fn session() -> Session {
        Session {
            token: Some(TokenSpec {
                id: "tok".to_owned(),
                expires_at: None,
                body: json!({"token": {"catalog": [{"type": "workflowv2", "endpoints": [
                    {"interface": "public", "region_id": "R1", "url": "http://wf:8989/v2/"}]}]}}),
            }),
            region_name: Some("R1".to_owned()),
            interface: "public".to_owned(),
            ..Session::default()
        }
    }

    #[test]
    fn requests_go_to_the_catalog_endpoint_with_the_token() {
        let sent = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut transport =
            SessionTransport::new(session(), Box::new(Recorder(std::sync::Arc::clone(&sent))));
        let request = ApiRequest::new(Method::Post, "workflowv2", "/executions")
            .query("name", "a b/c")
            .json(json!({"x": 1}));
        transport.send(&request).expect("sent");
        let sent = sent.lock().expect("lock");
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].url, "http://wf:8989/v2/executions?name=a+b%2Fc");
        assert_eq!(
            sent[0].headers,
            vec![
                ("Accept".to_owned(), "application/json".to_owned()),
                ("X-Auth-Token".to_owned(), "tok".to_owned()),
                ("Content-Type".to_owned(), "application/json".to_owned()),
            ]
        );
        assert_eq!(sent[0].body.as_deref(), Some(&b"{\"x\":1}"[..]));
    }

    #[test]
    fn overrides_win_and_commands_without_auth_get_no_token() {
        let mut session = session();
        session
            .endpoint_overrides
            .insert("block_storage".to_owned(), "http://over".to_owned());
        let mut transport = SessionTransport::new(session, Box::new(NoHttp));
        // Looked up under the official type for an alias too, as openstacksdk does.
        assert_eq!(
            transport.endpoint("volumev3").expect("override"),
            "http://over"
        );
        let mut transport = SessionTransport::new(Session::default(), Box::new(NoHttp));
        assert!(transport
            .token()
            .expect_err("no token")
            .message
            .starts_with("This command has no token"));
    }

    #[test]
    fn quotes_like_python() {
        assert_eq!(quote_plus("a-b_c.d~e f&g=é"), "a-b_c.d~e+f%26g%3D%C3%A9");
    }
}
