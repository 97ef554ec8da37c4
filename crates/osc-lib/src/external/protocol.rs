//! The external-plugin protocol, version 1: the JSON documents `openstack` and an `openstack-<name>` executable
//! exchange. `docs/plugins.md` describes every field for authors of plugins in other languages.
//!
//! Three documents exist: the [`Manifest`] a plugin prints for `--osc-plugin-manifest`, the [`Request`]
//! `openstack` writes into the inherited pipe for `--osc-plugin-run`, and the [`Response`] the plugin prints on
//! its stdout in answer. Unknown fields are ignored by both sides, so a minor addition does not need a new version;
//! a change that an older reader would misunderstand does.

use std::collections::BTreeMap;

use cliff::{Args, CommandKind, Output};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value as Json;

/// The protocol version this build speaks; a plugin announcing a newer one is refused with a clear message.
pub const PROTOCOL_VERSION: u32 = 1;

/// The argument that asks a plugin for its manifest.
pub const MANIFEST_FLAG: &str = "--osc-plugin-manifest";

/// The argument that asks a plugin to run one command.
pub const RUN_FLAG: &str = "--osc-plugin-run";

/// The environment variable naming the inherited file descriptor that carries the [`Request`].
pub const FD_ENV: &str = "OSC_PLUGIN_FD";

/// The environment variable telling the plugin which protocol version `openstack` speaks (set in both modes).
pub const PROTOCOL_ENV: &str = "OSC_PLUGIN_PROTOCOL";

/// The environment variable telling the plugin its mode: [`MODE_MANIFEST`] or [`MODE_RUN`].
pub const MODE_ENV: &str = "OSC_PLUGIN_MODE";

/// The value of [`MODE_ENV`] while a plugin prints its manifest.
pub const MODE_MANIFEST: &str = "manifest";

/// The value of [`MODE_ENV`] while a plugin runs a command.
pub const MODE_RUN: &str = "run";

/// The suffix of clouds.yaml's endpoint-override keys; [`Session::endpoint_overrides`] is keyed by what precedes it.
pub const ENDPOINT_OVERRIDE_SUFFIX: &str = "_endpoint_override";

/// What a plugin says about itself: everything `openstack` needs to list, complete and parse its commands without
/// starting it again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// The protocol version the plugin speaks.
    pub protocol: u32,
    /// `API_NAME`: the command-group name (`openstack.<api_name>.v<major>`).
    pub api_name: String,
    /// The module name and version shown by `module list`.
    pub module: ModuleSpec,
    /// The distribution named in help listings (`(python-cliclient)`); `None` shows nothing.
    #[serde(default)]
    pub dist: Option<String>,
    /// The global option choosing the plugin's API version.
    pub version_option: VersionOptionSpec,
    /// `DEFAULT_API_VERSION`.
    #[serde(default)]
    pub default_version: Option<String>,
    /// `API_VERSIONS`; empty means any version is accepted without a warning.
    #[serde(default)]
    pub supported_versions: Vec<String>,
    /// `check_api_version` returning `True`: any version is accepted and the supported list is not checked.
    #[serde(default)]
    pub accept_any_version: bool,
    /// The commands of each major API version (`"1"` → the commands of `openstack.runit.v1`).
    #[serde(default)]
    pub commands: BTreeMap<String, Vec<CommandSpec>>,
    /// Python bridge only: the plugin module of the `openstack.cli.extension` entry point
    /// (`osc_placement.plugin`), whose `make_client` gives the command its client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_point: Option<String>,
}

/// A module name and version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleSpec {
    /// `mistralclient`, `runit`.
    pub name: String,
    /// `6.3.0`.
    pub version: String,
}

/// The wire form of [`crate::plugin::VersionOption`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionOptionSpec {
    /// Argparse dest with `os_` (`os_runit_version`); the clouds.yaml key drops the `os_`.
    pub dest: String,
    /// The flag, or `None` when the plugin adds no option.
    #[serde(default)]
    pub flag: Option<String>,
    /// Metavar of the flag.
    #[serde(default)]
    pub metavar: String,
    /// The environment variable giving the default.
    #[serde(default)]
    pub env: String,
    /// Help text of the flag.
    #[serde(default)]
    pub help: String,
    /// The flag's own default when the variable is unset (python-mistralclient's `2`), shown by
    /// `configuration show`; usually `None`, the default version applying later.
    #[serde(default)]
    pub option_default: Option<String>,
}

/// One command of a manifest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CommandSpec {
    /// The multi-word name (`runit echo`).
    pub name: String,
    /// The description; its first line is the summary in listings.
    #[serde(default)]
    pub description: String,
    /// Plain, Lister or ShowOne: decides which formatter options `openstack` adds.
    #[serde(default = "plain")]
    pub kind: CommandKind,
    /// Whether `openstack` authenticates first and sends the token.
    #[serde(default = "yes")]
    pub auth_required: bool,
    /// Hidden from help listings.
    #[serde(default)]
    pub deprecated: bool,
    /// Text after the options in `--help`.
    #[serde(default)]
    pub epilog: Option<String>,
    /// The command's own arguments: a serialized `cliff::Parser` holding only what its `add_arguments` adds
    /// (`null` when it adds none). Kept unparsed until the command's parser is needed.
    #[serde(default)]
    pub arguments: Option<Box<RawValue>>,
    /// Python bridge only: the command's entry point (`osc_placement.resources.trait:ListTrait`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_point: Option<String>,
    /// Python bridge only: every option string of the command's own parser, separated by spaces, for completion
    /// (the Python side parses the arguments itself). One string rather than a list: the cached manifests of a
    /// large environment hold thousands, and one string is read much faster.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub option_strings: String,
}

fn plain() -> CommandKind {
    CommandKind::Plain
}

fn yes() -> bool {
    true
}

/// What `openstack` sends to run one command.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    /// The protocol version of `openstack`.
    pub protocol: u32,
    /// The command's registered name (`runit echo`), whatever prefix the user typed.
    pub command: String,
    /// Every destination of the command's parser (formatter options included), as parsed by `openstack`.
    pub args: Args,
    /// The cloud session the command may use.
    pub session: Session,
    /// Python bridge only: what the bridge needs to parse and run the command itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridge: Option<BridgeRequest>,
}

/// The part of a [`Request`] only the Python bridge gets: the words typed after the command's name, unparsed (its
/// own argparse parser reads them, so help and usage errors are OSC's), and how to reach the command.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BridgeRequest {
    /// The words after the command's name (`["--name", "x", "-f", "json"]`).
    pub argv: Vec<String>,
    /// The parser's program name, as cliff builds it (`openstack resource provider list`).
    pub prog: String,
    /// The command's entry point (`module:Class`).
    pub entry_point: String,
    /// The plugin module whose `make_client` gives the command its client.
    #[serde(default)]
    pub plugin_module: Option<String>,
    /// The width argparse formats help for (`COLUMNS`, else the terminal's, else 80).
    pub columns: usize,
    /// The width of `openstack`'s stdout when it is a terminal, which cliff's table formatter fits to; `None`
    /// when it is not a terminal.
    #[serde(default)]
    pub terminal_width: Option<usize>,
}

/// The session handed to a plugin: enough to call the cloud without authenticating again, and nothing secret
/// beyond the token itself (no password, no application-credential secret).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Session {
    /// The token, present only for commands with `auth_required`.
    #[serde(default)]
    pub token: Option<TokenSpec>,
    /// `--os-region-name`.
    #[serde(default)]
    pub region_name: Option<String>,
    /// `--os-interface` (`public`, `internal`, `admin`).
    #[serde(default = "public")]
    pub interface: String,
    /// TLS settings of the cloud.
    #[serde(default)]
    pub tls: Tls,
    /// The API version chosen for every loaded plugin, by API name (`identity` → `3`).
    #[serde(default)]
    pub api_versions: BTreeMap<String, String>,
    /// The endpoint of every service when the auth type has no catalog (`admin_token`, `none`).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Endpoint overrides: clouds.yaml `<service>_endpoint_override` by its `<service>` part (`block_storage`).
    #[serde(default)]
    pub endpoint_overrides: BTreeMap<String, String>,
    /// The HTTP timeout in seconds (`--timeout`, clouds.yaml `api_timeout`), if any.
    #[serde(default)]
    pub timeout: Option<f64>,
    /// The console log level: `error`, `warning`, `info` or `debug` (from `-q`/`-v`/`--debug`).
    #[serde(default = "warning")]
    pub log_level: String,
}

fn public() -> String {
    "public".to_owned()
}

fn warning() -> String {
    "warning".to_owned()
}

/// A Keystone token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenSpec {
    /// The token id (what goes in `X-Auth-Token`).
    pub id: String,
    /// `expires_at` of the token, ISO 8601, when known.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// Keystone's whole token body (`{"token": {...}}`), catalog included.
    pub body: Json,
}

/// TLS settings, as clouds.yaml names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tls {
    /// Whether server certificates are verified (`--insecure` makes it false).
    pub verify: bool,
    /// A CA bundle file.
    #[serde(default)]
    pub cacert: Option<String>,
    /// A client certificate file.
    #[serde(default)]
    pub cert: Option<String>,
    /// The client certificate's key file.
    #[serde(default)]
    pub key: Option<String>,
}

impl Default for Tls {
    fn default() -> Self {
        Tls {
            verify: true,
            cacert: None,
            cert: None,
            key: None,
        }
    }
}

/// The plugin's answer on its stdout: exactly one of `output` and `error`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Response {
    /// The protocol version of the plugin.
    pub protocol: u32,
    /// What the command returned; `openstack` formats it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Output>,
    /// Why the command failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorSpec>,
}

/// A failed command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorSpec {
    /// The one-line message `openstack` prints (as OSC would word it).
    pub message: String,
    /// 1 (command error) or 2 (usage error); any other value is treated as 1.
    #[serde(default = "one")]
    pub exit_code: i32,
    /// Extra text shown only with `--debug`.
    #[serde(default)]
    pub detail: Option<String>,
}

fn one() -> i32 {
    1
}

impl ErrorSpec {
    /// The wire form of a framework error.
    pub fn from_error(err: &cliff::Error) -> Self {
        ErrorSpec {
            message: err.message.clone(),
            exit_code: err.kind.exit_code(),
            detail: err.detail.clone(),
        }
    }

    /// The framework error this stands for (exit codes other than 2, 130 and 141 become command errors).
    pub fn to_error(&self) -> cliff::Error {
        let kind = match self.exit_code {
            2 => cliff::ErrorKind::Usage,
            130 => cliff::ErrorKind::Interrupted,
            141 => cliff::ErrorKind::BrokenPipe,
            _ => cliff::ErrorKind::Command,
        };
        cliff::Error {
            kind,
            message: self.message.clone(),
            detail: self.detail.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_manifest_takes_defaults() {
        let text = r#"{"protocol": 1, "api_name": "x", "module": {"name": "m", "version": "1.0"},
            "version_option": {"dest": "os_x_api_version"},
            "commands": {"1": [{"name": "x do"}]}}"#;
        let manifest: Manifest = serde_json::from_str(text).expect("valid");
        let command = &manifest.commands["1"][0];
        assert_eq!(command.kind, CommandKind::Plain);
        assert!(command.auth_required);
        assert!(command.arguments.is_none());
        assert_eq!(manifest.version_option.flag, None);
        assert!(manifest.supported_versions.is_empty());
    }

    #[test]
    fn response_round_trips() {
        let response = Response {
            protocol: 1,
            output: Some(Output::Text {
                text: "hi\n".to_owned(),
            }),
            error: None,
        };
        let text = serde_json::to_string(&response).expect("serializable");
        assert_eq!(
            text,
            r#"{"protocol":1,"output":{"kind":"text","text":"hi\n"}}"#
        );
    }

    #[test]
    fn error_exit_codes_map_to_kinds() {
        let spec = ErrorSpec {
            message: "nope".to_owned(),
            exit_code: 7,
            detail: None,
        };
        assert_eq!(spec.to_error().kind, cliff::ErrorKind::Command);
        let usage = ErrorSpec {
            exit_code: 2,
            ..spec
        };
        assert_eq!(usage.to_error().kind, cliff::ErrorKind::Usage);
        assert_eq!(ErrorSpec::from_error(&usage.to_error()), usage);
    }
}
