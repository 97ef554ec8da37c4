//! The cloud configuration: clouds.yaml, secure.yaml, clouds-public.yaml, vendor profiles, `OS_*` environment
//! variables and the global command-line options, merged into one cloud's settings as python-openstackclient
//! does (openstacksdk's `OpenStackConfig`, subclassed by osc-lib's `OSC_Config`).
//!
//! How the lead wires it:
//! 1. the global options of [`crate::options`] are parsed into `cliff::Args`;
//! 2. [`CloudConfig::load`] (once, and only for commands that get that far: `--help` and `--version` never load
//!    it) reads the files and applies the precedence command line > environment > cloud file > defaults;
//! 3. plugins take their API version from [`CloudConfig::api_version`];
//! 4. before a command that needs authentication, [`CloudConfig::validate_auth`] checks the auth options (and
//!    prompts for a missing password through a callback); commands without auth never call it;
//! 5. the auth plugin is built from [`CloudConfig::auth_type`] and [`CloudConfig::auth`], the session from
//!    [`CloudConfig::verify`], [`CloudConfig::cacert`], [`CloudConfig::cert`], [`CloudConfig::key`],
//!    [`CloudConfig::timeout`], [`CloudConfig::region_name`], [`CloudConfig::interface`];
//! 6. `configuration show` prints [`CloudConfig::show`].
//!
//! Every error is a `cliff::Error` of kind `Command` (exit 1) carrying the Python message.

pub mod env;
mod loader;
pub mod paths;
pub mod plugins;
mod pyfmt;
pub mod service_types;
mod show;
pub mod types;
mod validate;
pub mod vendors;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cliff::{Args, Result};
use log::LevelFilter;
use serde_json::{Map, Value};

pub use env::Environment;
pub use paths::ConfigPaths;
pub use show::{show_fields, REDACTED};

/// One cloud's merged configuration (openstacksdk's `CloudRegion.config`, plus what osc-lib reads from it).
#[derive(Debug, Clone, PartialEq)]
pub struct CloudConfig {
    /// Selected cloud name (`''` when none).
    name: String,
    /// The merged configuration, keys in openstacksdk's insertion order.
    config: Map<String, Value>,
    /// clouds.yaml's top-level `cache: {auth: ...}` (true when absent).
    cache_auth: bool,
    /// `--no-token-cache` or `OSC_TOKEN_CACHE=0`.
    token_cache_disabled: bool,
    /// `$HOME`, for `~` in certificate paths.
    home: Option<PathBuf>,
    /// The clouds file used, if any.
    config_file: Option<PathBuf>,
    /// The secure file used, if any.
    secure_file: Option<PathBuf>,
}

impl CloudConfig {
    /// Loads the cloud selected by `--os-cloud`/`OS_CLOUD` (or the environment cloud, the only cloud, or the
    /// defaults), merging the parsed global options over it. Pure: reads only `env` and the files under `paths`.
    pub fn load(options: &Args, env: &Environment, paths: &ConfigPaths) -> Result<CloudConfig> {
        loader::load(options, env, paths, &Map::new())
    }

    /// [`CloudConfig::load`] with extra settings passed as openstacksdk `get_one` keyword arguments (osc-lib passes
    /// `additional_user_agent=[('osc-lib', <version>)]`, which `configuration show` then lists). The options win
    /// over them.
    pub fn load_with_extra(
        options: &Args,
        env: &Environment,
        paths: &ConfigPaths,
        extra: &Map<String, Value>,
    ) -> Result<CloudConfig> {
        loader::load(options, env, paths, extra)
    }

    /// The selected cloud's name (`''` when no cloud was selected; `envvars` for the environment cloud).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole merged configuration (what `configuration show` flattens).
    pub fn config(&self) -> &Map<String, Value> {
        &self.config
    }

    /// One top-level setting (`cloud.config.get(key)`).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.config.get(key)
    }

    /// A top-level setting as text, `None` when absent, null or empty.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.config
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    /// The clouds file that was read, if any.
    pub fn config_file(&self) -> Option<&Path> {
        self.config_file.as_deref()
    }

    /// The secure file that was read, if any.
    pub fn secure_file(&self) -> Option<&Path> {
        self.secure_file.as_deref()
    }

    /// The auth plugin name (`password`, `v3token`, ...; `none` after validation when unset).
    pub fn auth_type(&self) -> Option<&str> {
        self.get_str("auth_type")
    }

    /// The auth plugin's options (`auth_url`, `username`, ...). Complete only after [`CloudConfig::validate_auth`],
    /// which moves top-level values (from `OS_*` variables and options) into it as openstacksdk does.
    pub fn auth(&self) -> &Map<String, Value> {
        static EMPTY: OnceLock<Map<String, Value>> = OnceLock::new();
        match self.config.get("auth") {
            Some(Value::Object(auth)) => auth,
            _ => EMPTY.get_or_init(Map::new),
        }
    }

    /// One auth option as text, `None` when absent, null or empty.
    pub fn auth_str(&self, key: &str) -> Option<&str> {
        self.auth()
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    /// The region, `None` when none was chosen (openstacksdk's `''`).
    pub fn region_name(&self) -> Option<&str> {
        self.get_str("region_name")
    }

    /// The endpoint interface (`public` unless configured).
    pub fn interface(&self) -> Option<&str> {
        self.get_str("interface")
    }

    /// Whether to verify server certificates: false with `--insecure`/`insecure: true`, else the `verify` setting
    /// taken as requests takes it: `false`, null or an empty string turn verification off; any other text (even
    /// `"false"` or `"no"`) or number is a CA bundle path (see [`CloudConfig::cacert`]), so verification stays on.
    pub fn verify(&self) -> bool {
        if self.config.get("insecure").is_some_and(pyfmt::truthy) {
            return false;
        }
        match self.config.get("verify") {
            None | Some(Value::Null) => true,
            Some(Value::Number(_)) => true,
            Some(other) => pyfmt::truthy(other),
        }
    }

    /// A path with a leading `~` expanded, as `os.path.expanduser`.
    fn path_setting(&self, key: &str) -> Option<String> {
        self.get_str(key)
            .map(|p| paths::expand_user(p, self.home.as_deref()))
    }

    /// The CA bundle to verify servers with (used only when [`CloudConfig::verify`] is true).
    ///
    /// Without `cacert`, a text `verify` is the bundle, as openstacksdk hands it to requests: `verify: "false"`
    /// then fails with `Could not find a suitable TLS CA certificate bundle, invalid path: false` instead of
    /// turning verification off.
    pub fn cacert(&self) -> Option<String> {
        self.path_setting("cacert")
            .or_else(|| match self.config.get("verify") {
                Some(Value::String(path)) if !path.is_empty() => Some(path.clone()),
                Some(number @ Value::Number(_)) => Some(pyfmt::py_str(number)),
                _ => None,
            })
    }

    /// The client certificate.
    pub fn cert(&self) -> Option<String> {
        self.path_setting("cert")
    }

    /// The client certificate's key (used only with a certificate).
    pub fn key(&self) -> Option<String> {
        self.path_setting("key")
    }

    /// The API timeout in seconds (`api_timeout`), `None` for no timeout.
    pub fn timeout(&self) -> Option<f64> {
        match self.config.get("api_timeout")? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The endpoint override for a service type, looked up as openstacksdk does under the official type and each
    /// alias (`block_storage_endpoint_override`, `volumev3_endpoint_override`, ... for `volume`).
    pub fn endpoint_override(&self, service_type: &str) -> Option<String> {
        service_types::all_types(service_type)
            .iter()
            .map(|st| service_types::service_key(st, "endpoint_override"))
            .find_map(|key| self.config.get(&key).filter(|v| !v.is_null()))
            .filter(|v| pyfmt::truthy(v))
            .map(pyfmt::py_str)
    }

    /// A plugin's API version as python-openstackclient reads it: `str(cloud.config.get(key, default))`, where
    /// `key` is the option's dest without `os_` (`compute_api_version`). `"None"` when neither is set, as in OSC.
    pub fn api_version(&self, key: &str, default: Option<&str>) -> String {
        match self.config.get(key) {
            Some(value) => pyfmt::py_str(value),
            None => default.unwrap_or("None").to_owned(),
        }
    }

    /// Whether our token cache may be used: on unless clouds.yaml says `cache: {auth: false}`, or
    /// `--no-token-cache` was given, or `OSC_TOKEN_CACHE` is `0`/`false`/`no`/`off` (see [`crate::options`]).
    pub fn cache_auth(&self) -> bool {
        self.cache_auth && !self.token_cache_disabled
    }

    /// `log_file` from the cloud configuration.
    pub fn log_file(&self) -> Option<&str> {
        self.get_str("log_file")
    }

    /// The console log level osc-lib sets once the cloud is known (`log_level_from_config`): `-q` error, `-v` info,
    /// `-vv`/`--debug`/`debug: true` debug, otherwise clouds.yaml `log_level` (default warning).
    pub fn log_level(&self) -> LevelFilter {
        let debug = self.config.get("debug").is_some_and(pyfmt::truthy);
        let verbose = if debug {
            Some(3)
        } else {
            self.config.get("verbose_level").and_then(Value::as_i64)
        };
        let name = match verbose {
            Some(0) => "error".to_owned(),
            Some(1) => self
                .config
                .get("log_level")
                .map_or_else(|| "warning".to_owned(), pyfmt::py_str),
            Some(2) => "info".to_owned(),
            _ => "debug".to_owned(),
        };
        level_from_name(&name)
    }

    /// `debug` from the configuration (clouds.yaml `debug:` or `--debug`), which decides whether tracebacks are
    /// shown; `None` when not set.
    pub fn debug(&self) -> Option<bool> {
        self.config
            .get("debug")
            .filter(|v| !v.is_null())
            .map(pyfmt::truthy)
    }

    /// clouds.yaml `logging: {logger: level}` entries.
    pub fn logging(&self) -> Vec<(String, LevelFilter)> {
        match self.config.get("logging") {
            Some(Value::Object(map)) => map
                .iter()
                .map(|(logger, level)| (logger.clone(), level_from_name(&pyfmt::py_str(level))))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// `--os-service-provider` (Keystone-to-Keystone federation).
    pub fn service_provider(&self) -> Option<&str> {
        self.get_str("service_provider")
    }

    /// openstacksdk's `Connection.connect_as(**auth)` over an already validated configuration
    /// ([`CloudConfig::validate_auth`]): for the user and the project, and for each one's domain, a new name or ID
    /// drops both the old name and the old ID (so that an inherited one cannot change the scope); then the new
    /// options are set.
    pub fn override_auth(&mut self, overrides: &[(&str, &str)]) {
        let given = |key: &str| overrides.iter().any(|(k, _)| *k == key);
        let mut auth = match self.config.shift_remove("auth") {
            Some(Value::Object(auth)) => auth,
            _ => Map::new(),
        };
        for (name_key, id_key) in [
            ("username", "user_id"),
            ("user_domain_name", "user_domain_id"),
            ("project_name", "project_id"),
            ("project_domain_name", "project_domain_id"),
        ] {
            if given(name_key) || given(id_key) {
                auth.shift_remove(name_key);
                auth.shift_remove(id_key);
            }
        }
        for (key, value) in overrides {
            auth.insert((*key).to_owned(), Value::String((*value).to_owned()));
        }
        self.config.insert("auth".to_owned(), Value::Object(auth));
    }

    /// `configuration show`'s fields and values (see [`show_fields`]).
    pub fn show(
        &self,
        mask: bool,
        auth_plugin_name: Option<&str>,
    ) -> (Vec<String>, Vec<cliff::Value>) {
        show_fields(&self.config, mask, auth_plugin_name)
    }
}

/// osc-lib's `log_level_from_string` (the `log` crate has no CRITICAL; it maps to error).
fn level_from_name(name: &str) -> LevelFilter {
    match name {
        "critical" | "error" => LevelFilter::Error,
        "info" => LevelFilter::Info,
        "debug" => LevelFilter::Debug,
        _ => LevelFilter::Warn,
    }
}

#[cfg(test)]
mod tests;
