//! Building one cloud's configuration from files, environment and command-line options: openstacksdk's
//! `OpenStackConfig.__init__` + `get_one(validate=False)` as osc-lib's `OSC_Config` and python-openstackclient's
//! `_final_defaults` use them.
//!
//! The steps and their order follow `openstack/config/loader.py`; each function names the Python function it
//! mirrors, so that differences can be checked line by line.

use std::path::{Path, PathBuf};

use cliff::{ArgValue, Args, Error, Result};
use serde_json::{json, Map, Value};

use super::env::Environment;
use super::paths::ConfigPaths;
use super::pyfmt::{format_with, get_boolean, py_repr, py_str, string_repr, truthy};
use super::{vendors, yaml, CloudConfig};
use crate::options::NO_TOKEN_CACHE_DEST;

/// Namespace entries that argparse would never put in Python's namespace, or that are ours and must not reach the
/// cloud configuration (`configuration show` would list them).
const EXCLUDED_DESTS: &[&str] = &["help", "version", NO_TOKEN_CACHE_DEST];

/// `OS_*` variables that only select a cloud or a file: alone they do not make an environment cloud.
const SELECTORS: &[&str] = &[
    "OS_CLOUD",
    "OS_REGION_NAME",
    "OS_CLIENT_CONFIG_FILE",
    "OS_CLIENT_SECURE_FILE",
    "OS_CLOUD_NAME",
];

/// `defaults.get_defaults()`: the Python-side defaults, then `defaults.json`.
pub(super) fn sdk_defaults() -> Map<String, Value> {
    let value = json!({
        "api_timeout": null,
        "verify": true,
        "cacert": null,
        "cert": null,
        "key": null,
        "auth_type": "password",
        "baremetal_status_code_retries": 5,
        "baremetal_introspection_status_code_retries": 5,
        "image_status_code_retries": 5,
        "disable_vendor_agent": {},
        "interface": "public",
        "floating_ip_source": "neutron",
        "image_api_use_tasks": false,
        "image_format": "qcow2",
        "message": "",
        "network_api_version": "2",
        "object_store_api_version": "1",
        "secgroup_source": "neutron",
        "status": "active"
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The parsed options as Python's `vars(namespace)` would hold them.
fn namespace_of(options: &Args) -> Map<String, Value> {
    options
        .values
        .iter()
        .filter(|(dest, _)| !EXCLUDED_DESTS.contains(&dest.as_str()))
        .map(|(dest, value)| (dest.clone(), arg_to_json(value)))
        .collect()
}

fn arg_to_json(value: &ArgValue) -> Value {
    match value {
        ArgValue::Null => Value::Null,
        ArgValue::Bool(b) => Value::Bool(*b),
        ArgValue::Int(i) => Value::from(*i),
        ArgValue::Str(s) => Value::String(s.clone()),
        ArgValue::List(items) => Value::Array(items.iter().map(arg_to_json).collect()),
    }
}

/// What osc-lib does to the parsed options before reading the configuration: `LogConfigurator` sets
/// `verbose_level` to 3 with `--debug`, `_final_defaults` converges project and tenant options, and
/// `initialize_app` turns a false `debug` into None. Returns the auth type python-openstackclient passes as an
/// override default.
fn final_defaults(namespace: &mut Map<String, Value>) -> &'static str {
    if namespace.get("debug").is_some_and(truthy) {
        namespace.insert("verbose_level".to_owned(), Value::from(3));
    }
    for (project, tenant) in [("project_id", "tenant_id"), ("project_name", "tenant_name")] {
        let project_value = namespace.get(project).cloned().unwrap_or(Value::Null);
        let tenant_value = namespace.get(tenant).cloned().unwrap_or(Value::Null);
        if truthy(&project_value) && !truthy(&tenant_value) {
            namespace.insert(tenant.to_owned(), project_value.clone());
        }
        if truthy(&tenant_value) && !truthy(&project_value) {
            namespace.insert(project.to_owned(), tenant_value);
        }
    }
    if !namespace.get("debug").is_some_and(truthy) {
        namespace.insert("debug".to_owned(), Value::Null);
    }
    let given = |key: &str| namespace.get(key).is_some_and(truthy);
    if given("endpoint") && given("token") {
        "admin_token"
    } else {
        "password"
    }
}

/// `_load_yaml_json_file`: the first existing, readable and parseable file. Unreadable files are skipped
/// silently, unparseable ones with a warning (python-openstackclient goes on without them).
fn load_first(files: &[PathBuf]) -> Option<(PathBuf, Option<Value>)> {
    for path in files {
        if !path.exists() {
            continue;
        }
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    log::warn!(
                        "Skipping config file {}: the file is not valid UTF-8",
                        path.display()
                    );
                    continue;
                }
            },
            Err(_) => continue,
        };
        let parsed = if path.to_string_lossy().ends_with("json") {
            serde_json::from_str::<Value>(&text).map(Some).map_err(|e| {
                let message = e.to_string();
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m)
                    .to_owned();
                (e.line(), e.column(), message)
            })
        } else {
            yaml::load(&text).map_err(|e| (e.line, e.column, e.message))
        };
        match parsed {
            Ok(data) => return Some((path.clone(), data)),
            Err((line, column, message)) => {
                // OSC prints PyYAML's multi-line "while parsing ... in <file>, line L, column C" text here; one
                // line with the file position says the same.
                log::warn!(
                    "Skipping config file {}:{line}:{column}: {message}",
                    path.display()
                );
            }
        }
    }
    None
}

/// `_validate_config_file`, applied only to a non-empty file as openstacksdk does.
fn validate_config_file(path: &Path, data: &Value) -> Result<()> {
    match data {
        Value::Object(map) => {
            if !map.contains_key("clouds") {
                log::warn!(
                    "Configuration file {} does not contain a 'clouds' key",
                    path.display()
                );
            }
            Ok(())
        }
        _ => Err(Error::command(format!(
            "Configuration file {} is empty or not a valid mapping",
            path.display()
        ))),
    }
}

/// `_util.merge_clouds`: a deep merge of `new` over `old`.
pub(super) fn merge_clouds(
    old: &Map<String, Value>,
    new: &Map<String, Value>,
) -> Map<String, Value> {
    let mut ret = old.clone();
    for (k, v) in new {
        match v {
            Value::Object(inner) => {
                let merged = match ret.get(k) {
                    Some(Value::Object(existing)) => merge_clouds(existing, inner),
                    _ => inner.clone(),
                };
                ret.insert(k.clone(), Value::Object(merged));
            }
            other => {
                ret.insert(k.clone(), other.clone());
            }
        }
    }
    ret
}

/// `_auth_update`: like `dict.update`, except that the `auth` sections are merged one level deep.
pub(super) fn auth_update(old: &mut Map<String, Value>, new: &Map<String, Value>) {
    for (k, v) in new {
        if k == "auth" {
            match (old.get_mut("auth"), v) {
                (Some(Value::Object(old_auth)), Value::Object(new_auth)) => {
                    for (ak, av) in new_auth {
                        old_auth.insert(ak.clone(), av.clone());
                    }
                }
                _ => {
                    old.insert(k.clone(), v.clone());
                }
            }
        } else {
            old.insert(k.clone(), v.clone());
        }
    }
}

/// `_util.normalize_keys`: `-` → `_` in keys, numbers (but `verbose_level` and `api_timeout`) to strings.
pub(super) fn normalize_keys(config: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, value) in config {
        let key = key.replace('-', "_");
        let value = match value {
            Value::Object(inner) => Value::Object(normalize_keys(inner)),
            Value::Number(n) if n.is_f64() => Value::String(py_str(value)),
            Value::Number(_) if key != "verbose_level" && key != "api_timeout" => {
                Value::String(py_str(value))
            }
            other => other.clone(),
        };
        out.insert(key, value);
    }
    out
}

/// `_fix_args`: drop `None`/`''` namespace values, `-` → `_`, and let `os_`-prefixed keys win without the prefix.
fn fix_args(
    kwargs: &Map<String, Value>,
    namespace: Option<&Map<String, Value>>,
) -> Map<String, Value> {
    let mut args = kwargs.clone();
    if let Some(namespace) = namespace {
        for (k, v) in namespace {
            if !v.is_null() && v.as_str() != Some("") {
                args.insert(k.clone(), v.clone());
            }
        }
    }
    let mut os_args = Map::new();
    let mut new_args = Map::new();
    for (key, value) in &args {
        if let Value::Object(inner) = value {
            new_args.insert(key.clone(), Value::Object(fix_args(inner, None)));
            continue;
        }
        let key = key.replace('-', "_");
        match key.strip_prefix("os_") {
            Some(stripped) => {
                os_args.insert(stripped.to_owned(), value.clone());
            }
            None => {
                new_args.insert(key, value.clone());
            }
        }
    }
    for (k, v) in os_args {
        new_args.insert(k, v);
    }
    new_args
}

/// One entry of a cloud's `regions`.
struct Region {
    name: String,
    values: Map<String, Value>,
}

/// The state `OpenStackConfig.__init__` builds.
struct Loader<'a> {
    defaults: Map<String, Value>,
    clouds: Map<String, Value>,
    config_filename: Option<PathBuf>,
    envvar_key: String,
    default_cloud: Option<String>,
    vendor_files: Vec<PathBuf>,
    vendor_file: Option<Option<Value>>,
    env: &'a Environment,
}

impl Loader<'_> {
    /// `_load_vendor_file`, read once.
    fn vendor_file(&mut self) -> Option<&Value> {
        if self.vendor_file.is_none() {
            self.vendor_file = Some(load_first(&self.vendor_files).and_then(|(_, data)| data));
        }
        self.vendor_file.as_ref().and_then(Option::as_ref)
    }

    /// `_expand_vendor_profile`.
    fn expand_vendor_profile(
        &mut self,
        name: Option<&str>,
        cloud: &mut Map<String, Value>,
        our_cloud: &Map<String, Value>,
    ) -> Result<()> {
        let profile = our_cloud
            .get("profile")
            .or_else(|| our_cloud.get("cloud"))
            .cloned()
            .unwrap_or(Value::Null);
        if !truthy(&profile) {
            return Ok(());
        }
        let profile_name = py_str(&profile);
        if profile_name == self.envvar_key {
            return Ok(());
        }
        let config_filename = self.config_filename_text();
        if our_cloud.contains_key("cloud") {
            log::info!(
                "{config_filename} uses the keyword 'cloud' to reference a known vendor profile. This has been \
                 deprecated in favor of the 'profile' keyword."
            );
        }
        let public = self
            .vendor_file()
            .and_then(|v| v.get("public-clouds"))
            .and_then(|clouds| clouds.get(&profile_name))
            .and_then(Value::as_object)
            .cloned();
        if let Some(public) = public {
            auth_update(cloud, &public);
            return Ok(());
        }
        match vendors::get_profile(&profile_name)? {
            Some(mut data) => {
                if let Some(nested) = data.remove("profile").filter(truthy) {
                    if let Some(nested_data) = vendors::get_profile(&py_str(&nested))? {
                        data = nested_data;
                    }
                }
                let status = data
                    .remove("status")
                    .map_or_else(|| "active".to_owned(), |s| py_str(&s));
                let message = data
                    .remove("message")
                    .map_or_else(String::new, |m| py_str(&m));
                if status == "deprecated" {
                    log::info!("{profile_name} is deprecated: {message}");
                } else if status == "shutdown" {
                    return Err(Error::command(format!(
                        "{profile_name} references a cloud that no longer exists: {message}"
                    )));
                }
                auth_update(cloud, &data);
            }
            None => log::info!(
                "Couldn't find the vendor profile {profile_name} for the cloud {}",
                name.unwrap_or("None")
            ),
        }
        Ok(())
    }

    fn config_filename_text(&self) -> String {
        self.config_filename
            .as_ref()
            .map_or_else(|| "None".to_owned(), |p| p.display().to_string())
    }

    /// The cloud's entry as a mapping (a missing cloud is an empty one).
    fn cloud_entry(&self, name: &str) -> Result<Map<String, Value>> {
        match self.clouds.get(name) {
            None => Ok(Map::new()),
            Some(Value::Object(map)) => Ok(map.clone()),
            Some(_) => Err(Error::command(format!(
                "Configuration of cloud {name} in {} is not a mapping",
                self.config_filename_text()
            ))),
        }
    }

    /// `_get_base_cloud_config`.
    fn base_cloud_config(&mut self, name: Option<&str>) -> Result<Map<String, Value>> {
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            if !self.clouds.contains_key(name) {
                return Err(Error::command(format!("Cloud {name} was not found.")));
            }
        }
        let our_cloud = match name {
            Some(name) => self.cloud_entry(name)?,
            None => Map::new(),
        };
        let mut cloud = self.defaults.clone();
        self.expand_vendor_profile(name, &mut cloud, &our_cloud)?;
        if !cloud.contains_key("auth") {
            cloud.insert("auth".to_owned(), Value::Object(Map::new()));
        }
        auth_update(&mut cloud, &our_cloud);
        cloud.shift_remove("cloud");
        Ok(cloud)
    }

    /// `_expand_regions`.
    fn expand_regions(regions: &Value) -> Result<Vec<Region>> {
        let items: Vec<Value> = match regions {
            Value::Array(items) => items.clone(),
            // Python iterates a string character by character.
            Value::String(s) => s.chars().map(|c| Value::String(c.to_string())).collect(),
            Value::Object(map) => map.keys().map(|k| Value::String(k.clone())).collect(),
            _ => Vec::new(),
        };
        let mut out = Vec::new();
        for region in items {
            match region {
                Value::Object(map) => {
                    let valid = map.contains_key("name")
                        && map.keys().all(|k| k == "name" || k == "values");
                    if !valid {
                        return Err(Error::command(format!(
                            "Invalid region entry at: {}",
                            py_repr(&Value::Object(map))
                        )));
                    }
                    let values = match map.get("values") {
                        Some(Value::Object(values)) => values.clone(),
                        _ => Map::new(),
                    };
                    out.push(Region {
                        name: map.get("name").map_or_else(String::new, py_str),
                        values,
                    });
                }
                other => out.push(Region {
                    name: py_str(&other),
                    values: Map::new(),
                }),
            }
        }
        Ok(out)
    }

    /// `_get_known_regions`.
    fn known_regions(&mut self, cloud: &str) -> Result<Vec<Region>> {
        let config = normalize_keys(&self.cloud_entry(cloud)?);
        if let Some(regions) = config.get("regions") {
            return Self::expand_regions(regions);
        }
        if let Some(region_name) = config.get("region_name") {
            let regions: Vec<Value> = match region_name {
                Value::Array(items) => items.clone(),
                other => py_str(other)
                    .split(',')
                    .map(|s| Value::String(s.to_owned()))
                    .collect(),
            };
            if regions.len() > 1 {
                log::info!(
                    "Comma separated lists in region_name are deprecated. Please use a yaml list in the regions \
                     parameter in {} instead.",
                    self.config_filename_text()
                );
            }
            return Self::expand_regions(&Value::Array(regions));
        }
        let our_cloud = self.cloud_entry(cloud)?;
        let mut new_cloud = Map::new();
        self.expand_vendor_profile(Some(cloud), &mut new_cloud, &our_cloud)?;
        if let Some(regions) = new_cloud.get("regions").filter(|r| truthy(r)) {
            return Self::expand_regions(regions);
        }
        if let Some(region_name) = new_cloud.get("region_name").filter(|r| truthy(r)) {
            return Ok(vec![Region {
                name: py_str(region_name),
                values: Map::new(),
            }]);
        }
        Ok(Vec::new())
    }

    /// `_get_region`.
    fn region(&mut self, cloud: Option<&str>, region_name: &str) -> Result<Region> {
        let plain = || Region {
            name: region_name.to_owned(),
            values: Map::new(),
        };
        let Some(cloud) = cloud.filter(|c| !c.is_empty()) else {
            return Ok(plain());
        };
        let mut regions = self.known_regions(cloud)?;
        if regions.is_empty() {
            return Ok(plain());
        }
        if region_name.is_empty() {
            return Ok(regions.swap_remove(0));
        }
        if let Some(index) = regions.iter().position(|r| r.name == region_name) {
            return Ok(regions.swap_remove(index));
        }
        let names: Vec<&str> = regions.iter().map(|r| r.name.as_str()).collect();
        Err(Error::command(format!(
            "Region {region_name} is not a valid region name for cloud {cloud}. Valid choices are {}. Please note \
             that region names are case sensitive.",
            names.join(",")
        )))
    }
}

/// `_get_os_environ`: the environment cloud, when any non-selector `OS_*` variable is set.
fn os_environ_cloud(env: &Environment) -> Option<Map<String, Value>> {
    let keys: Vec<(&str, &str)> = env
        .iter()
        .filter(|(k, _)| {
            k.starts_with("OS_")
                && !k.starts_with("OS_TEST")
                && !k.starts_with("OS_STD")
                && !k.starts_with("OS_LOG")
        })
        .collect();
    if keys.iter().all(|(k, _)| SELECTORS.contains(k)) {
        return None;
    }
    let mut ret = sdk_defaults();
    for (k, v) in keys {
        let suffix = k.split_once('_').map_or(k, |(_, rest)| rest);
        ret.insert(suffix.to_lowercase(), Value::String(v.to_owned()));
    }
    Some(ret)
}

/// Loads the selected cloud (see [`CloudConfig::load`]).
pub(super) fn load(
    options: &Args,
    env: &Environment,
    paths: &ConfigPaths,
    extra: &Map<String, Value>,
) -> Result<CloudConfig> {
    let mut namespace = namespace_of(options);
    let auth_type_default = final_defaults(&mut namespace);

    // OpenStackConfig.__init__(override_defaults={'interface': 'public', 'auth_type': ...})
    let mut defaults = sdk_defaults();
    defaults.insert("interface".to_owned(), json!("public"));
    defaults.insert("auth_type".to_owned(), json!(auth_type_default));

    let mut config_files = paths.files("clouds");
    if let Some(file) = env.non_empty("OS_CLIENT_CONFIG_FILE") {
        config_files.insert(0, PathBuf::from(file));
    }
    let mut secure_files = paths.files("secure");
    if let Some(file) = env.non_empty("OS_CLIENT_SECURE_FILE") {
        secure_files.insert(0, PathBuf::from(file));
    }

    let (config_filename, mut cloud_config) = match load_first(&config_files) {
        Some((path, data)) => (Some(path), data.unwrap_or(Value::Null)),
        None => (None, Value::Null),
    };
    if let Some(path) = &config_filename {
        if truthy(&cloud_config) {
            validate_config_file(path, &cloud_config)?;
        }
    }
    let secure = load_first(&secure_files);
    let secure_filename = secure.as_ref().map(|(path, _)| path.clone());
    if let Some((path, Some(secure_config))) = secure {
        if truthy(&secure_config) {
            validate_config_file(&path, &secure_config)?;
            let base = match &cloud_config {
                Value::Object(map) => map.clone(),
                _ => Map::new(),
            };
            if let Value::Object(secure_map) = &secure_config {
                cloud_config = Value::Object(merge_clouds(&base, secure_map));
            }
        }
    }
    let cloud_config = match cloud_config {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let clouds = match cloud_config.get("clouds") {
        None => Map::new(),
        Some(Value::Object(clouds)) => clouds.clone(),
        // Python fails here with a TypeError ("argument of type 'NoneType' is not iterable" for an empty
        // `clouds:`); say what is wrong instead.
        Some(_) => {
            return Err(Error::command(format!(
                "Configuration file {}: 'clouds' is not a mapping",
                config_filename
                    .as_ref()
                    .map_or_else(|| "None".to_owned(), |p| p.display().to_string())
            )))
        }
    };

    // Our token cache follows clouds.yaml's (top-level) `cache: {auth: ...}`, on unless set to false.
    let cache_auth = match cloud_config.get("cache") {
        Some(Value::Object(cache)) => normalize_keys(cache).get("auth").is_none_or(get_boolean),
        _ => true,
    };

    let envvar_key = env.get("OS_CLOUD_NAME").unwrap_or("envvars").to_owned();
    if clouds.contains_key(&envvar_key) {
        let filename = config_filename.as_ref().map_or_else(
            || "None".to_owned(),
            |p| string_repr(&p.display().to_string()),
        );
        let key = string_repr(&envvar_key);
        return Err(Error::command(format!(
            "{filename} defines a cloud named {key}, but OS_CLOUD_NAME is also set to {key}. Please rename either \
             your environment-based cloud, or one of your file-based clouds."
        )));
    }

    let mut loader = Loader {
        defaults,
        clouds,
        config_filename,
        envvar_key,
        default_cloud: env.get("OS_CLOUD").map(str::to_owned),
        vendor_files: paths.files("clouds-public"),
        vendor_file: None,
        env,
    };
    if let Some(envvars) = os_environ_cloud(loader.env) {
        loader
            .clouds
            .insert(loader.envvar_key.clone(), Value::Object(envvars));
        if loader.default_cloud.as_deref().is_none_or(str::is_empty) {
            loader.default_cloud = Some(loader.envvar_key.clone());
        }
    }
    if loader.default_cloud.as_deref().is_none_or(str::is_empty) && loader.clouds.len() == 1 {
        loader.default_cloud = loader.clouds.keys().next().cloned();
    }
    if loader.clouds.is_empty() {
        loader.clouds.insert(
            "defaults".to_owned(),
            Value::Object(loader.defaults.clone()),
        );
        loader.default_cloud = Some("defaults".to_owned());
    }

    // get_one(cloud=options.cloud, argparse=options, validate=False, **extra)
    let mut args = fix_args(extra, Some(&namespace));
    let cloud: Option<String> = match namespace.get("cloud") {
        Some(Value::Null) | None => loader.default_cloud.clone(),
        Some(value) => Some(py_str(value)),
    };
    let mut config = loader.base_cloud_config(cloud.as_deref())?;

    let region_name = args.get("region_name").map_or_else(String::new, py_str);
    let region = loader.region(cloud.as_deref(), &region_name)?;
    args.insert("region_name".to_owned(), Value::String(region.name.clone()));
    config.shift_remove("regions");
    for arg_list in [&region.values, &args] {
        for (key, value) in arg_list {
            if value.is_null() {
                continue;
            }
            match (key.as_str(), config.get_mut("auth"), value) {
                ("auth", Some(Value::Object(auth)), Value::Object(new_auth)) => {
                    for (k, v) in new_auth {
                        auth.insert(k.clone(), v.clone());
                    }
                }
                _ => {
                    config.insert(key.clone(), value.clone());
                }
            }
        }
    }

    let config = magic_fixes(config)?;
    let mut config = normalize_keys(&config);
    auth_config_hook(&mut config);

    // "If any of the defaults reference other values, we need to expand"
    let keys: Vec<String> = config.keys().cloned().collect();
    for key in keys {
        if key == "password" {
            continue;
        }
        if let Some(Value::String(text)) = config.get(&key) {
            let formatted = format_with(text, &config).map_err(Error::command)?;
            config.insert(key, Value::String(formatted));
        }
    }
    config.shift_remove("force_ipv4");
    config.shift_remove("prefer_ipv6");
    let mut config = normalize_keys(&config);
    config.insert("region_name".to_owned(), Value::String(region.name));

    Ok(CloudConfig {
        name: cloud.unwrap_or_default(),
        config,
        cache_auth,
        token_cache_disabled: token_cache_disabled(options, env),
        home: env.non_empty("HOME").map(PathBuf::from),
        config_file: loader.config_filename,
        secure_file: secure_filename,
    })
}

/// Our own switches: `--no-token-cache` or `OSC_TOKEN_CACHE` set to a false value.
fn token_cache_disabled(options: &Args, env: &Environment) -> bool {
    options.flag(NO_TOKEN_CACHE_DEST)
        || env.get(crate::options::TOKEN_CACHE_ENV).is_some_and(|v| {
            matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "0" | "false" | "no" | "off"
            )
        })
}

/// `magic_fixes`.
fn magic_fixes(config: Map<String, Value>) -> Result<Map<String, Value>> {
    let config = fix_backwards_api_timeout(config);
    let mut config = fix_backwards_auth_plugin(config);
    fix_backwards_auth(&mut config);
    let mut config = fix_backwards_interface(config);
    fix_backwards_networks(&mut config)?;
    handle_domain_id(&mut config);
    super::types::check_booleans(&config)?;
    handle_value_types(&mut config);
    let formatted = match config.get("auth").and_then(|a| a.get("auth_url")) {
        Some(Value::String(url)) => Some(format_with(url, &config).map_err(Error::command)?),
        _ => None,
    };
    if let (Some(url), Some(Value::Object(auth))) = (formatted, config.get_mut("auth")) {
        auth.insert("auth_url".to_owned(), Value::String(url));
    }
    Ok(config)
}

/// `_fix_backwards_api_timeout`: a `<service>_timeout` key becomes `api_timeout`.
fn fix_backwards_api_timeout(config: Map<String, Value>) -> Map<String, Value> {
    let mut service_timeout = None;
    let mut new = Map::new();
    for (key, value) in config {
        if key.ends_with("timeout") && key != "timeout" && key != "api_timeout" {
            service_timeout = Some(value);
        } else {
            new.insert(key, value);
        }
    }
    if let Some(timeout) = service_timeout.filter(|t| !t.is_null()) {
        new.insert("api_timeout".to_owned(), timeout);
    }
    new
}

/// `_fix_backwards_auth_plugin`: `auth_plugin` is an old name of `auth_type`; `auth_type` ends up last.
fn fix_backwards_auth_plugin(mut config: Map<String, Value>) -> Map<String, Value> {
    let mut target = Value::Null;
    for key in ["auth_plugin", "auth_type"] {
        if let Some(value) = config.shift_remove(key) {
            target = value;
        }
    }
    config.insert("auth_type".to_owned(), target);
    config
}

/// `_fix_backwards_auth`: moves credentials given at the top level (or under old names) into `auth`, as strings.
fn fix_backwards_auth(config: &mut Map<String, Value>) {
    let v2 = config.get("auth_type").and_then(Value::as_str) == Some("v2password");
    let mut mappings: Vec<(&str, &[&str])> = vec![
        ("domain_id", &["domain_id", "domain-id"]),
        ("domain_name", &["domain_name", "domain-name"]),
        ("user_domain_id", &["user_domain_id", "user-domain-id"]),
        (
            "user_domain_name",
            &["user_domain_name", "user-domain-name"],
        ),
        (
            "project_domain_id",
            &["project_domain_id", "project-domain-id"],
        ),
        (
            "project_domain_name",
            &["project_domain_name", "project-domain-name"],
        ),
        ("token", &["auth-token", "auth_token", "token"]),
        ("passcode", &["passcode"]),
    ];
    if v2 {
        mappings.push((
            "tenant_id",
            &["project_id", "project-id", "tenant_id", "tenant-id"],
        ));
        mappings.push((
            "tenant_name",
            &["project_name", "project-name", "tenant_name", "tenant-name"],
        ));
    } else {
        mappings.push((
            "project_id",
            &["tenant_id", "tenant-id", "project_id", "project-id"],
        ));
        mappings.push((
            "project_name",
            &["tenant_name", "tenant-name", "project_name", "project-name"],
        ));
    }
    if !matches!(config.get("auth"), Some(Value::Object(_))) {
        config.insert("auth".to_owned(), Value::Object(Map::new()));
    }
    for (target_key, possible) in mappings {
        let mut target: Option<String> = None;
        for key in possible {
            if let Some(Value::Object(auth)) = config.get_mut("auth") {
                if let Some(value) = auth.shift_remove(*key) {
                    target = Some(py_str(&value));
                }
            }
            // Values outside `auth` win: they may come from the command line or the environment.
            if let Some(value) = config.shift_remove(*key) {
                target = Some(py_str(&value));
            }
        }
        if let (Some(target), Some(Value::Object(auth))) =
            (target.filter(|t| !t.is_empty()), config.get_mut("auth"))
        {
            auth.insert(target_key.to_owned(), Value::String(target));
        }
    }
}

/// `_fix_backwards_interface`: `*endpoint_type` keys are old names of `*interface`.
fn fix_backwards_interface(config: Map<String, Value>) -> Map<String, Value> {
    config
        .into_iter()
        .map(|(key, value)| match key.strip_suffix("endpoint_type") {
            Some(prefix) => (format!("{prefix}interface"), value),
            None => (key, value),
        })
        .collect()
}

/// `_fix_backwards_networks`: normalises `networks` and folds in the old `external_network`/`internal_network`.
fn fix_backwards_networks(config: &mut Map<String, Value>) -> Result<()> {
    let mut networks: Vec<Map<String, Value>> = Vec::new();
    if let Some(Value::Array(entries)) = config.get("networks") {
        for net in entries {
            let name = net.get("name").cloned().unwrap_or(Value::Null);
            if !truthy(&name) {
                return Err(Error::command(
                    "Entry in network list is missing required field \"name\".",
                ));
            }
            let flag = |key: &str| net.get(key).is_some_and(get_boolean);
            let routes_externally = flag("routes_externally");
            let mut network = Map::new();
            network.insert("name".to_owned(), name);
            network.insert(
                "routes_externally".to_owned(),
                Value::Bool(routes_externally),
            );
            network.insert("nat_source".to_owned(), Value::Bool(flag("nat_source")));
            network.insert(
                "nat_destination".to_owned(),
                Value::Bool(flag("nat_destination")),
            );
            network.insert(
                "default_interface".to_owned(),
                Value::Bool(flag("default_interface")),
            );
            for key in ["routes_ipv4_externally", "routes_ipv6_externally"] {
                let value = net.get(key).map_or(routes_externally, get_boolean);
                network.insert(key.to_owned(), Value::Bool(value));
            }
            networks.push(network);
        }
    }
    for key in ["external_network", "internal_network"] {
        let external = key.starts_with("external");
        if config.contains_key(key) && config.contains_key("networks") {
            return Err(Error::command(format!(
                "Both {key} and networks were specified in the config. Please remove {key} from the config and use \
                 the network list to configure network behavior."
            )));
        }
        if let Some(name) = config.get(key) {
            log::info!(
                "{key} is deprecated. Please replace with an entry in a dict inside of the networks list with name: \
                 {} and routes_externally: {}",
                py_str(name),
                if external { "True" } else { "False" }
            );
            let mut network = Map::new();
            network.insert("name".to_owned(), name.clone());
            network.insert("routes_externally".to_owned(), Value::Bool(external));
            network.insert("nat_destination".to_owned(), Value::Bool(!external));
            network.insert("default_interface".to_owned(), Value::Bool(external));
            networks.push(network);
        }
    }
    for key in ["nat_destination", "default_interface"] {
        let mut flagged: Option<&Map<String, Value>> = None;
        for net in &networks {
            let set = net.get(key).is_some_and(truthy);
            if let (Some(first), true) = (flagged, set) {
                return Err(Error::command(format!(
                    "Duplicate network entries for {key}: {} and {}. Only one network can be flagged with {key}",
                    first.get("name").map_or_else(String::new, py_str),
                    net.get("name").map_or_else(String::new, py_str)
                )));
            }
            if flagged.is_none() && set {
                flagged = Some(net);
            }
        }
    }
    config.insert(
        "networks".to_owned(),
        Value::Array(networks.into_iter().map(Value::Object).collect()),
    );
    Ok(())
}

/// `_handle_domain_id`: a `domain_id`/`domain_name` given once stands for both the user and the project domain when
/// the configuration is project scoped.
fn handle_domain_id(config: &mut Map<String, Value>) {
    let auth_has = |config: &Map<String, Value>, key: &str| {
        config
            .get("auth")
            .and_then(Value::as_object)
            .is_some_and(|a| a.contains_key(key))
    };
    let project_scoped = config.contains_key("project_id")
        || config.contains_key("project_name")
        || auth_has(config, "project_id")
        || auth_has(config, "project_name");
    for (target, possible) in [
        ("domain_id", ["user_domain_id", "project_domain_id"]),
        ("domain_name", ["user_domain_name", "project_domain_name"]),
    ] {
        if !project_scoped {
            if config.contains_key(target) && !auth_has(config, target) {
                if let Some(value) = config.shift_remove(target) {
                    if let Some(Value::Object(auth)) = config.get_mut("auth") {
                        auth.insert(target.to_owned(), value);
                    }
                }
            }
            continue;
        }
        if let Some(Value::Object(auth)) = config.get_mut("auth") {
            if let Some(value) = auth.get(target).cloned() {
                for key in possible {
                    if !auth.contains_key(key) {
                        auth.insert(key.to_owned(), value.clone());
                    }
                }
            }
        }
        config.shift_remove(target);
        if let Some(Value::Object(auth)) = config.get_mut("auth") {
            auth.shift_remove(target);
        }
    }
}

/// `_handle_value_types`: `insecure` and `cache` as booleans, `auth_methods` as a list.
fn handle_value_types(config: &mut Map<String, Value>) {
    for key in ["insecure", "cache"] {
        if let Some(value) = config.get(key) {
            if !value.is_boolean() {
                let b = get_boolean(value);
                config.insert(key.to_owned(), Value::Bool(b));
            }
        }
    }
    if let Some(Value::String(methods)) = config.get("auth_methods") {
        let list = methods
            .split(',')
            .map(|m| Value::String(m.to_owned()))
            .collect();
        config.insert("auth_methods".to_owned(), Value::Array(list));
    }
}

/// `OSC_Config.auth_config_hook`: chooses the auth type, adapts v2 options and applies the default domain.
fn auth_config_hook(config: &mut Map<String, Value>) {
    let identity_version = config
        .get("identity_api_version")
        .map_or_else(String::new, py_str);
    let has = |config: &Map<String, Value>, key: &str| config.get(key).is_some_and(truthy);

    // _auth_select_default_plugin
    if !has(config, "auth_type") {
        let chosen = if has(config, "username") {
            if identity_version == "3" {
                "v3password"
            } else if identity_version.starts_with('2') {
                "v2password"
            } else {
                "password"
            }
        } else if has(config, "token") {
            if identity_version == "3" {
                "v3token"
            } else if identity_version.starts_with('2') {
                "v2token"
            } else {
                "token"
            }
        } else {
            "password"
        };
        config.insert("auth_type".to_owned(), json!(chosen));
    }
    let auth_type = config.get("auth_type").map_or_else(String::new, py_str);
    log::debug!("Auth plugin {auth_type} selected");

    if !matches!(config.get("auth"), Some(Value::Object(_))) {
        config.insert("auth".to_owned(), Value::Object(Map::new()));
    }
    let cloud_name = config.get("cloud").filter(|c| truthy(c)).map(py_str);
    let default_domain = config.get("default_domain").filter(|d| truthy(d)).cloned();
    let Some(Value::Object(auth)) = config.get_mut("auth") else {
        return;
    };

    // _auth_v2_arguments
    if auth_type.starts_with("v2") {
        if let Some(id) = auth.get("project_id").cloned() {
            auth.insert("tenant_id".to_owned(), id);
        }
        if let Some(name) = auth.get("project_name").cloned() {
            auth.insert("tenant_name".to_owned(), name);
        }
    }

    // _auth_v2_ignore_v3
    if identity_version.starts_with('2') && auth_type.ends_with("password") {
        for prop in [
            "project_domain_id",
            "project_domain_name",
            "user_domain_id",
            "user_domain_name",
        ] {
            if auth.shift_remove(prop).is_some_and(|v| !v.is_null()) {
                match &cloud_name {
                    // The missing space is python-openstackclient's.
                    Some(cloud) => log::warn!(
                        "Ignoring domain related config {prop} for {cloud}because identity API version is 2.0"
                    ),
                    None => log::warn!("Ignoring domain related config {prop} because identity API version is 2.0"),
                }
            }
        }
    }

    // _auth_default_domain
    if let Some(default_domain) = default_domain {
        if identity_version == "3"
            && !auth_type.is_empty()
            && !auth_type.starts_with("v2")
            && matches!(auth_type.as_str(), "password" | "v3password" | "v3totp")
        {
            let set = |auth: &Map<String, Value>, key: &str| auth.get(key).is_some_and(truthy);
            if !set(auth, "project_domain_id") && !set(auth, "project_domain_name") {
                auth.insert("project_domain_id".to_owned(), default_domain.clone());
            }
            if !set(auth, "user_domain_id") && !set(auth, "user_domain_name") {
                auth.insert("user_domain_id".to_owned(), default_domain);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap()
    }

    #[test]
    fn fix_args_strips_os_prefix_and_drops_empty() {
        let namespace = map(
            json!({"os_project_name": "t", "project_name": "p", "cloud": null, "x-y": "", "a-b": 1}),
        );
        let fixed = fix_args(
            &map(json!({"additional_user_agent": [["osc-lib", "4.7.0"]]})),
            Some(&namespace),
        );
        assert_eq!(
            Value::Object(fixed),
            json!({"additional_user_agent": [["osc-lib", "4.7.0"]], "project_name": "t", "a_b": 1})
        );
    }

    #[test]
    fn merge_is_deep() {
        let old = map(json!({"clouds": {"a": {"auth": {"username": "u"}, "region_name": "R"}}}));
        let new = map(json!({"clouds": {"a": {"auth": {"password": "p"}}}}));
        assert_eq!(
            Value::Object(merge_clouds(&old, &new)),
            json!({"clouds": {"a": {"auth": {"username": "u", "password": "p"}, "region_name": "R"}}})
        );
    }

    #[test]
    fn normalize_numbers_and_keys() {
        let config = map(
            json!({"a-b": 1, "verbose_level": 1, "api_timeout": 30, "f": 2.5, "d": {"x-y": 3}, "l": [1]}),
        );
        assert_eq!(
            Value::Object(normalize_keys(&config)),
            json!({"a_b": "1", "verbose_level": 1, "api_timeout": 30, "f": "2.5", "d": {"x_y": "3"}, "l": [1]})
        );
    }

    #[test]
    fn backwards_auth_moves_credentials_into_auth() {
        // Expected value computed by openstacksdk's own `_fix_backwards_auth` on the same input: per key, a top-level
        // value beats `auth`, but a later alias in `auth` (`project-name`) beats an earlier top-level one.
        let mut config = map(json!({
            "auth_type": "password",
            "auth": {"project-name": "from-file", "auth-token": "t0"},
            "project_name": "from-cli",
            "tenant_id": 42,
            "user_domain_name": "Default"
        }));
        fix_backwards_auth(&mut config);
        assert_eq!(
            Value::Object(config),
            json!({"auth_type": "password", "auth": {
                "user_domain_name": "Default", "token": "t0", "project_id": "42", "project_name": "from-file"}})
        );
    }

    #[test]
    fn backwards_auth_for_v2password_maps_to_tenant() {
        let mut config = map(json!({"auth_type": "v2password", "auth": {"project_name": "p"}}));
        fix_backwards_auth(&mut config);
        assert_eq!(config["auth"], json!({"tenant_name": "p"}));
    }

    #[test]
    fn domain_id_given_once() {
        let mut config =
            map(json!({"auth": {"project_name": "p", "domain_id": "d", "user_domain_id": "u"}}));
        handle_domain_id(&mut config);
        assert_eq!(
            config["auth"],
            json!({"project_name": "p", "user_domain_id": "u", "project_domain_id": "d"})
        );
        let mut config = map(json!({"auth": {}, "domain_name": "d"}));
        handle_domain_id(&mut config);
        assert_eq!(Value::Object(config), json!({"auth": {"domain_name": "d"}}));
    }

    #[test]
    fn interface_and_timeout_renames() {
        let config = map(
            json!({"compute_endpoint_type": "internal", "glance_timeout": 5, "api_timeout": null}),
        );
        let config = fix_backwards_interface(fix_backwards_api_timeout(config));
        assert_eq!(
            Value::Object(config),
            json!({"compute_interface": "internal", "api_timeout": 5})
        );
    }

    #[test]
    fn networks_normalised_and_checked() {
        let mut config = map(
            json!({"networks": [{"name": "pub", "routes_externally": true, "nat_destination": "true"}]}),
        );
        fix_backwards_networks(&mut config).unwrap();
        assert_eq!(
            config["networks"],
            json!([{"name": "pub", "routes_externally": true, "nat_source": false, "nat_destination": true,
                    "default_interface": false, "routes_ipv4_externally": true, "routes_ipv6_externally": true}])
        );
        let mut config = map(json!({"networks": [{"routes_externally": true}]}));
        assert_eq!(
            fix_backwards_networks(&mut config).unwrap_err().message,
            "Entry in network list is missing required field \"name\"."
        );
        let mut config = map(json!({"networks": [
            {"name": "a", "default_interface": true}, {"name": "b", "default_interface": true}]}));
        assert_eq!(
            fix_backwards_networks(&mut config).unwrap_err().message,
            "Duplicate network entries for default_interface: a and b. Only one network can be flagged with \
             default_interface"
        );
        let mut config = map(json!({"external_network": "ext"}));
        fix_backwards_networks(&mut config).unwrap();
        assert_eq!(
            config["networks"],
            json!([{"name": "ext", "routes_externally": true, "nat_destination": false, "default_interface": true}])
        );
    }

    #[test]
    fn auth_type_guessing_when_unset() {
        for (version, extra, expected) in [
            ("3", json!({"username": "u"}), "v3password"),
            ("2.0", json!({"username": "u"}), "v2password"),
            ("", json!({"username": "u"}), "password"),
            ("3", json!({"token": "t"}), "v3token"),
            ("2", json!({"token": "t"}), "v2token"),
            ("", json!({"token": "t"}), "token"),
            ("3", json!({}), "password"),
        ] {
            let mut config =
                map(json!({"auth_type": "", "identity_api_version": version, "auth": {}}));
            config.extend(map(extra));
            auth_config_hook(&mut config);
            assert_eq!(config["auth_type"], json!(expected), "{version}");
        }
        let mut config = map(json!({"auth_type": "v3token", "username": "u", "auth": {}}));
        auth_config_hook(&mut config);
        assert_eq!(config["auth_type"], json!("v3token"));
    }

    #[test]
    fn default_domain_only_for_v3_password_types() {
        let hook = |value: Value| {
            let mut config = map(value);
            auth_config_hook(&mut config);
            config["auth"].clone()
        };
        assert_eq!(
            hook(
                json!({"auth_type": "password", "identity_api_version": "3", "default_domain": "dd", "auth": {}})
            ),
            json!({"project_domain_id": "dd", "user_domain_id": "dd"})
        );
        assert_eq!(
            hook(
                json!({"auth_type": "v3totp", "identity_api_version": "3", "default_domain": "dd",
                        "auth": {"user_domain_name": "U"}})
            ),
            json!({"user_domain_name": "U", "project_domain_id": "dd"})
        );
        assert_eq!(
            hook(
                json!({"auth_type": "v3token", "identity_api_version": "3", "default_domain": "dd", "auth": {}})
            ),
            json!({})
        );
        assert_eq!(
            hook(json!({"auth_type": "password", "default_domain": "dd", "auth": {}})),
            json!({})
        );
    }

    #[test]
    fn v2_adjustments() {
        let mut config = map(
            json!({"auth_type": "v2password", "identity_api_version": "2.0",
            "auth": {"project_name": "p", "project_id": "i", "user_domain_name": "D"}}),
        );
        auth_config_hook(&mut config);
        assert_eq!(
            config["auth"],
            json!({"project_name": "p", "project_id": "i", "tenant_id": "i", "tenant_name": "p"})
        );
    }

    #[test]
    fn final_defaults_converge_project_and_tenant() {
        let mut namespace = map(
            json!({"project_name": "p", "project_id": null, "debug": false,
                                       "endpoint": "http://e", "token": "t"}),
        );
        assert_eq!(final_defaults(&mut namespace), "admin_token");
        assert_eq!(namespace["tenant_name"], json!("p"));
        assert!(!namespace.contains_key("tenant_id"));
        assert_eq!(namespace["debug"], Value::Null);
        let mut namespace = map(json!({"token": "t", "debug": true, "verbose_level": 1}));
        assert_eq!(final_defaults(&mut namespace), "password");
        assert_eq!(namespace["verbose_level"], json!(3));
    }

    #[test]
    fn environment_cloud() {
        let env = Environment::from_pairs([
            ("OS_CLOUD", "x"),
            ("OS_REGION_NAME", "R"),
            ("OS_TEST_X", "1"),
        ]);
        assert_eq!(os_environ_cloud(&env), None);
        let env = Environment::from_pairs([
            ("OS_CLOUD", "x"),
            ("OS_AUTH_URL", "http://k"),
            ("OS_LOG_X", "1"),
        ]);
        let cloud = os_environ_cloud(&env).unwrap();
        assert_eq!(cloud["cloud"], json!("x"));
        assert_eq!(cloud["auth_url"], json!("http://k"));
        assert_eq!(cloud["auth_type"], json!("password"));
        assert!(!cloud.contains_key("log_x"));
    }
}
