//! Loading and validation against files in temporary directories and fake environments. Expected values marked
//! "observed" were produced by python-openstackclient 10.5.0 (openstacksdk 4.22.0, osc-lib 4.7.0) with the same
//! files and variables.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use cliff::{ArgValue, Args};
use serde_json::{json, Map, Value};

use super::*;
use crate::options::{api_version_option, global_options, GlobalOption};

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "osc-lib-config-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn paths(&self) -> ConfigPaths {
        ConfigPaths::in_dirs([self.0.clone()])
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The version options of the reference installation that change the configuration: mistral's and manila's
/// defaults land in it, OSC's core plugins' do not.
fn version_options(env: &Environment) -> Vec<GlobalOption> {
    vec![
        api_version_option(
            "--os-compute-api-version",
            "<compute-api-version>",
            "OS_COMPUTE_API_VERSION",
            None,
            "",
            env,
        ),
        api_version_option(
            "--os-identity-api-version",
            "<identity-api-version>",
            "OS_IDENTITY_API_VERSION",
            None,
            "",
            env,
        ),
        api_version_option(
            "--os-workflow-api-version",
            "<workflow-api-version>",
            "OS_WORKFLOW_API_VERSION",
            Some("2"),
            "",
            env,
        ),
        api_version_option(
            "--os-share-api-version",
            "<shared-file-system-api-version>",
            "OS_SHARE_API_VERSION",
            Some("2.98"),
            "",
            env,
        ),
    ]
}

/// What argparse would give for `openstack <cli...>`: every dest with its default, then the given values.
fn namespace(env: &Environment, cli: &[(&str, ArgValue)]) -> Args {
    let mut args = Args::default();
    for (dest, value) in [
        ("verbose_level", ArgValue::Int(1)),
        ("log_file", ArgValue::Null),
        ("deferred_help", ArgValue::Bool(false)),
        ("debug", ArgValue::Bool(false)),
    ] {
        args.set(dest, value);
    }
    for option in global_options(env, version_options(env)) {
        args.set(option.dest.clone(), option.default.clone());
    }
    for (dest, value) in cli {
        args.set(*dest, value.clone());
    }
    args
}

fn s(text: &str) -> ArgValue {
    ArgValue::Str(text.to_owned())
}

fn env(pairs: &[(&str, &str)]) -> Environment {
    let mut env = Environment::from_pairs([("HOME", "/home/u")]);
    for (k, v) in pairs {
        env.set(*k, *v);
    }
    env
}

fn osc_lib_extra() -> Map<String, Value> {
    json!({"additional_user_agent": [["osc-lib", "4.7.0"]]})
        .as_object()
        .cloned()
        .unwrap()
}

fn load(dir: &TempDir, env: &Environment, cli: &[(&str, ArgValue)]) -> cliff::Result<CloudConfig> {
    CloudConfig::load_with_extra(&namespace(env, cli), env, &dir.paths(), &osc_lib_extra())
}

/// `configuration show -f json` as a JSON object.
fn shown(config: &CloudConfig, mask: bool) -> Value {
    let (fields, values) = config.show(mask, None);
    let map: Map<String, Value> = fields
        .into_iter()
        .zip(values)
        .map(|(f, v)| (f, cliff_to_json(&v)))
        .collect();
    Value::Object(map)
}

fn cliff_to_json(value: &cliff::Value) -> Value {
    match value {
        cliff::Value::Null => Value::Null,
        cliff::Value::Bool(b) => json!(b),
        cliff::Value::Int(i) => json!(i),
        cliff::Value::Float(f) => json!(f),
        cliff::Value::Str(s) => json!(s),
        cliff::Value::List(items) => Value::Array(items.iter().map(cliff_to_json).collect()),
        cliff::Value::Dict(pairs) => Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), cliff_to_json(v)))
                .collect(),
        ),
        cliff::Value::Column { machine, .. } => cliff_to_json(machine),
    }
}

/// Fields every `configuration show` of the reference installation has, with their default values.
fn base_fields() -> Map<String, Value> {
    json!({
        "additional_user_agent": [["osc-lib", "4.7.0"]],
        "api_timeout": null,
        "auth_type": "password",
        "baremetal_introspection_status_code_retries": "5",
        "baremetal_status_code_retries": "5",
        "beta_command": false,
        "cacert": null,
        "cert": null,
        "default_domain": "default",
        "deferred_help": false,
        "disable_vendor_agent": {},
        "floating_ip_source": "neutron",
        "image_api_use_tasks": false,
        "image_format": "qcow2",
        "image_status_code_retries": "5",
        "interface": "public",
        "key": null,
        "message": "",
        "network_api_version": "2",
        "networks": [],
        "object_store_api_version": "1",
        "region_name": "",
        "secgroup_source": "neutron",
        "share_api_version": "2.98",
        "status": "active",
        "timing": false,
        "verbose_level": 1,
        "verify": true,
        "workflow_api_version": "2"
    })
    .as_object()
    .cloned()
    .unwrap()
}

fn with(mut base: Map<String, Value>, changes: Value) -> Value {
    for (k, v) in changes.as_object().unwrap() {
        base.insert(k.clone(), v.clone());
    }
    Value::Object(base)
}

const DEVSTACK: &str = "\
clouds:
  devstack:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: demo
      project_name: demo
      user_domain_name: Default
    identity_api_version: 3
    regions:
      - RegionOne
      - name: RegionTwo
        values:
          interface: internal
          compute_api_version: 2.10
    compute_endpoint_override: http://nova
    verify: no
  other:
    auth:
      auth_url: http://other/v3
";

#[test]
fn no_configuration_at_all() {
    // observed: `openstack configuration show` with no file and no OS_* variable.
    let dir = TempDir::new();
    let config = load(&dir, &env(&[]), &[]).unwrap();
    assert_eq!(config.name(), "defaults");
    assert_eq!(shown(&config, true), Value::Object(base_fields()));
    assert_eq!(config.region_name(), None);
    assert_eq!(config.interface(), Some("public"));
    assert!(config.verify());
    assert!(config.cache_auth());
}

#[test]
fn environment_cloud() {
    // observed: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, OS_IDENTITY_API_VERSION=3.
    let dir = TempDir::new();
    let env = env(&[
        ("OS_AUTH_URL", "http://k:5000/v3"),
        ("OS_USERNAME", "admin"),
        ("OS_PASSWORD", "secret"),
        ("OS_PROJECT_NAME", "admin"),
        ("OS_IDENTITY_API_VERSION", "3"),
    ]);
    let config = load(&dir, &env, &[]).unwrap();
    assert_eq!(config.name(), "envvars");
    assert_eq!(
        shown(&config, true),
        with(
            base_fields(),
            json!({
                "auth.project_domain_id": "default",
                "auth.project_name": "admin",
                "auth.user_domain_id": "default",
                "auth_url": "http://k:5000/v3",
                "identity_api_version": "3",
                "password": "<redacted>",
                "username": "admin"
            })
        )
    );
    assert_eq!(shown(&config, false)["password"], json!("secret"));
}

#[test]
fn token_from_the_environment_keeps_the_password_plugin() {
    // observed: env OS_TOKEN + OS_ENDPOINT → auth_type password (the env cloud carries sdk defaults), while the same
    // values as options select admin_token.
    let dir = TempDir::new();
    let env_only = env(&[("OS_TOKEN", "abc"), ("OS_ENDPOINT", "http://x")]);
    let config = load(&dir, &env_only, &[]).unwrap();
    assert_eq!(
        shown(&config, true),
        with(
            base_fields(),
            json!({"auth.token": "<redacted>", "endpoint": "http://x"})
        )
    );
    let config = load(
        &dir,
        &env(&[]),
        &[("token", s("abc")), ("endpoint", s("http://x"))],
    )
    .unwrap();
    assert_eq!(config.auth_type(), Some("admin_token"));
    assert_eq!(config.get_str("endpoint"), Some("http://x"));
}

#[test]
fn clouds_and_secure_files() {
    // observed: OS_CLOUD=devstack with DEVSTACK and secure.yaml holding the password, `--unmask`.
    let dir = TempDir::new();
    dir.write("clouds.yaml", DEVSTACK);
    dir.write(
        "secure.yaml",
        "clouds:\n  devstack:\n    auth:\n      password: sekrit\n",
    );
    let env = env(&[("OS_CLOUD", "devstack")]);
    let config = load(&dir, &env, &[]).unwrap();
    assert_eq!(config.name(), "devstack");
    assert_eq!(
        shown(&config, false),
        with(
            base_fields(),
            json!({
                "auth.auth_url": "http://127.0.0.1:5000/v3",
                "auth.password": "sekrit",
                "auth.project_domain_id": "default",
                "auth.project_name": "demo",
                "auth.user_domain_name": "Default",
                "auth.username": "demo",
                "cloud": "devstack",
                "compute_endpoint_override": "http://nova",
                "identity_api_version": "3",
                "region_name": "RegionOne",
                "verify": false
            })
        )
    );
    assert_eq!(shown(&config, true)["auth.password"], json!("<redacted>"));
    assert_eq!(config.region_name(), Some("RegionOne"));
    assert!(!config.verify());
    assert_eq!(
        config.endpoint_override("compute").as_deref(),
        Some("http://nova")
    );
    assert_eq!(config.endpoint_override("identity"), None);
    assert_eq!(
        config.config_file(),
        Some(dir.0.join("clouds.yaml").as_path())
    );
    assert_eq!(
        config.secure_file(),
        Some(dir.0.join("secure.yaml").as_path())
    );
}

#[test]
fn region_values_apply_and_unknown_regions_fail() {
    // observed: `--os-region-name RegionTwo` → interface internal, compute_api_version '2.1' (YAML float 2.10).
    let dir = TempDir::new();
    dir.write("clouds.yaml", DEVSTACK);
    let env = env(&[("OS_CLOUD", "devstack")]);
    let config = load(&dir, &env, &[("region_name", s("RegionTwo"))]).unwrap();
    assert_eq!(config.region_name(), Some("RegionTwo"));
    assert_eq!(config.interface(), Some("internal"));
    assert_eq!(
        config.api_version("compute_api_version", Some("2.1")),
        "2.1"
    );
    assert_eq!(config.get("compute_api_version"), Some(&json!("2.1")));
    // The option still wins over the region's values.
    let config = load(
        &dir,
        &env,
        &[("region_name", s("RegionTwo")), ("interface", s("admin"))],
    )
    .unwrap();
    assert_eq!(config.interface(), Some("admin"));
    // observed
    let err = load(&dir, &env, &[("region_name", s("RegionX"))]).unwrap_err();
    assert_eq!(
        err.message,
        "Region RegionX is not a valid region name for cloud devstack. Valid choices are RegionOne,RegionTwo. \
         Please note that region names are case sensitive."
    );
    assert_eq!(err.kind, cliff::ErrorKind::Command);
}

#[test]
fn region_name_lists_and_invalid_entries() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    region_name: R1,R2\n  b:\n    regions:\n      - {name: X, bogus: 1}\n",
    );
    let config = load(&dir, &env(&[("OS_CLOUD", "a")]), &[]).unwrap();
    assert_eq!(config.region_name(), Some("R1"));
    let config = load(
        &dir,
        &env(&[("OS_CLOUD", "a")]),
        &[("region_name", s("R2"))],
    )
    .unwrap();
    assert_eq!(config.region_name(), Some("R2"));
    let err = load(&dir, &env(&[("OS_CLOUD", "b")]), &[]).unwrap_err();
    assert_eq!(
        err.message,
        "Invalid region entry at: {'name': 'X', 'bogus': 1}"
    );
}

#[test]
fn cloud_selection() {
    let dir = TempDir::new();
    dir.write("clouds.yaml", DEVSTACK);
    // observed
    let err = load(&dir, &env(&[("OS_CLOUD", "devcloudx")]), &[]).unwrap_err();
    assert_eq!(err.message, "Cloud devcloudx was not found.");
    // --os-cloud beats OS_CLOUD (OS_CLOUD only feeds the option's default).
    let env_cloud = env(&[("OS_CLOUD", "devstack")]);
    let config = load(&dir, &env_cloud, &[("cloud", s("other"))]).unwrap();
    assert_eq!(config.name(), "other");
    assert_eq!(config.auth_str("auth_url"), Some("http://other/v3"));
    // Two clouds and nothing selected: the defaults only (observed: region_name '' and no auth).
    let config = load(&dir, &env(&[]), &[]).unwrap();
    assert_eq!(config.name(), "");
    assert_eq!(shown(&config, true), Value::Object(base_fields()));
    // Any non-selector OS_* variable makes and selects the environment cloud.
    let config = load(&dir, &env(&[("OS_USERNAME", "u")]), &[]).unwrap();
    assert_eq!(config.name(), "envvars");
    let config = load(
        &dir,
        &env(&[("OS_USERNAME", "u"), ("OS_CLOUD_NAME", "mine")]),
        &[],
    )
    .unwrap();
    assert_eq!(config.name(), "mine");
}

#[test]
fn the_only_cloud_is_used() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  solo:\n    auth: {auth_url: 'http://solo'}\n",
    );
    let config = load(&dir, &env(&[("OS_REGION_NAME", "R")]), &[]).unwrap();
    assert_eq!(config.name(), "solo");
    // OSC_TOKEN_CACHE is not an OS_* variable: it does not create an environment cloud.
    let config = load(&dir, &env(&[("OSC_TOKEN_CACHE", "0")]), &[]).unwrap();
    assert_eq!(config.name(), "solo");
    assert!(!config.cache_auth());
}

#[test]
fn envvars_cloud_name_conflict() {
    // observed
    let dir = TempDir::new();
    let path = dir.write("clouds.yaml", "clouds:\n  envvars:\n    auth_type: none\n");
    let err = load(&dir, &env(&[]), &[]).unwrap_err();
    assert_eq!(
        err.message,
        format!(
            "'{}' defines a cloud named 'envvars', but OS_CLOUD_NAME is also set to 'envvars'. Please rename \
             either your environment-based cloud, or one of your file-based clouds.",
            path.display()
        )
    );
}

#[test]
fn broken_files_are_skipped() {
    // observed: OSC warns "Skipping config file ..." and goes on as if the file were absent.
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    auth: {auth_url: x}\n  b: {x: 1\n",
    );
    let err = load(&dir, &env(&[("OS_CLOUD", "a")]), &[]).unwrap_err();
    assert_eq!(err.message, "Cloud a was not found.");
    // The next file in the search path is used instead.
    let second = TempDir::new();
    second.write(
        "clouds.json",
        r#"{"clouds": {"a": {"auth": {"auth_url": "http://json"}}}}"#,
    );
    let paths = ConfigPaths::in_dirs([dir.0.clone(), second.0.clone()]);
    let env = env(&[("OS_CLOUD", "a")]);
    let config = CloudConfig::load(&namespace(&env, &[]), &env, &paths).unwrap();
    assert_eq!(config.auth_str("auth_url"), Some("http://json"));
    assert_eq!(
        config.config_file(),
        Some(second.0.join("clouds.json").as_path())
    );
}

#[test]
fn files_that_are_not_mappings() {
    // observed
    let dir = TempDir::new();
    let path = dir.write("clouds.yaml", "- a\n- b\n");
    let err = load(&dir, &env(&[]), &[]).unwrap_err();
    assert_eq!(
        err.message,
        format!(
            "Configuration file {} is empty or not a valid mapping",
            path.display()
        )
    );
    // An empty file, or one without `clouds`, is no error (observed).
    dir.write("clouds.yaml", "");
    assert_eq!(load(&dir, &env(&[]), &[]).unwrap().name(), "defaults");
    dir.write("clouds.yaml", "foo: 1\n");
    assert_eq!(load(&dir, &env(&[]), &[]).unwrap().name(), "defaults");
    // Python stops with a TypeError here; we name the problem.
    let path = dir.write("clouds.yaml", "clouds:\n");
    assert_eq!(
        load(&dir, &env(&[]), &[]).unwrap_err().message,
        format!(
            "Configuration file {}: 'clouds' is not a mapping",
            path.display()
        )
    );
}

#[test]
fn client_config_file_variable_comes_first() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    region_name: from-search-path\n",
    );
    let other = TempDir::new();
    let file = other.write(
        "mine.yaml",
        "clouds:\n  a:\n    region_name: from-variable\n",
    );
    let secure = other.write("mysecure.yaml", "clouds:\n  a:\n    auth: {password: p}\n");
    let env = env(&[
        ("OS_CLIENT_CONFIG_FILE", file.to_str().unwrap()),
        ("OS_CLIENT_SECURE_FILE", secure.to_str().unwrap()),
    ]);
    let config = load(&dir, &env, &[]).unwrap();
    assert_eq!(config.region_name(), Some("from-variable"));
    assert_eq!(config.auth_str("password"), Some("p"));
}

#[test]
fn precedence_cli_over_env_over_file_over_defaults() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    interface: internal\n    image_format: raw\n    auth: {username: file-user, auth_url: http://k}\n",
    );
    let config = load(&dir, &env(&[("OS_CLOUD", "a")]), &[]).unwrap();
    assert_eq!(config.interface(), Some("internal"));
    assert_eq!(config.get_str("image_format"), Some("raw"));
    // OS_USERNAME feeds --os-username's default, which beats the file; the option beats both.
    let env_user = env(&[
        ("OS_CLOUD", "a"),
        ("OS_USERNAME", "env-user"),
        ("OS_INTERFACE", "admin"),
    ]);
    let mut config = load(&dir, &env_user, &[]).unwrap();
    assert_eq!(config.interface(), Some("admin"));
    config
        .validate_auth(&mut |_| Some("pw".to_owned()))
        .unwrap();
    assert_eq!(config.auth_str("username"), Some("env-user"));
    let mut config = load(&dir, &env_user, &[("username", s("cli-user"))]).unwrap();
    config
        .validate_auth(&mut |_| Some("pw".to_owned()))
        .unwrap();
    assert_eq!(config.auth_str("username"), Some("cli-user"));
    // The deprecated --os-tenant-name (dest os_project_name) wins over --os-project-name, as `_fix_args` does.
    let config = load(
        &dir,
        &env(&[("OS_CLOUD", "a")]),
        &[("project_name", s("p")), ("os_project_name", s("t"))],
    )
    .unwrap();
    assert_eq!(config.auth_str("project_name"), Some("t"));
}

#[test]
fn vendor_profiles() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  city:\n    profile: citycloud\n    region_name: Kna1\n    auth: {username: u}\n\
         \x20 old:\n    cloud: citycloud\n\
         \x20 gone:\n    profile: betacloud\n\
         \x20 remote:\n    profile: vexxhost\n\
         \x20 pub:\n    profile: mine\n\
         \x20 unknown:\n    profile: nosuch\n",
    );
    dir.write(
        "clouds-public.yaml",
        "public-clouds:\n  mine:\n    auth: {auth_url: 'https://mine/v3'}\n    regions: [M1, M2]\n",
    );
    let config = load(&dir, &env(&[("OS_CLOUD", "city")]), &[]).unwrap();
    assert_eq!(
        config.auth_str("auth_url"),
        Some("https://Kna1.citycloud.com:5000/v3/")
    );
    assert_eq!(config.get_str("image_format"), Some("raw"));
    assert_eq!(config.get_str("identity_api_version"), Some("3"));
    assert_eq!(config.get("requires_floating_ip"), Some(&json!(true)));
    // The deprecated `cloud:` key works the same; the profile's regions apply when the cloud has none.
    let config = load(&dir, &env(&[("OS_CLOUD", "old")]), &[]).unwrap();
    assert_eq!(config.region_name(), Some("Buf1"));
    assert_eq!(
        config.auth_str("auth_url"),
        Some("https://Buf1.citycloud.com:5000/v3/")
    );
    assert!(config.get("cloud").is_some(), "--os-cloud's value stays");
    let err = load(&dir, &env(&[("OS_CLOUD", "gone")]), &[]).unwrap_err();
    assert_eq!(
        err.message,
        "betacloud references a cloud that no longer exists: betacloud.de has ceased business"
    );
    let err = load(&dir, &env(&[("OS_CLOUD", "remote")]), &[]).unwrap_err();
    assert_eq!(
        err.message,
        "https://vexxhost.com is a remote profile that could not be fetched: remote vendor profiles are not supported"
    );
    let config = load(
        &dir,
        &env(&[("OS_CLOUD", "pub")]),
        &[("region_name", s("M2"))],
    )
    .unwrap();
    assert_eq!(config.auth_str("auth_url"), Some("https://mine/v3"));
    assert_eq!(config.region_name(), Some("M2"));
    let config = load(&dir, &env(&[("OS_CLOUD", "unknown")]), &[]).unwrap();
    assert_eq!(config.auth_str("auth_url"), None);
}

#[test]
fn top_level_credentials_and_domains() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    identity_api_version: 3\n    domain_id: shared\n    project_name: p\n    auth: {auth_url: http://k, username: u}\n\
         \x20 b:\n    identity_api_version: '3'\n    auth: {auth_url: http://k, username: u, project_name: p}\n",
    );
    // domain_id stands for both domains of a project-scoped configuration.
    let config = load(&dir, &env(&[("OS_CLOUD", "a")]), &[]).unwrap();
    assert_eq!(
        Value::Object(config.auth().clone()),
        json!({"auth_url": "http://k", "username": "u", "project_name": "p",
               "user_domain_id": "shared", "project_domain_id": "shared"})
    );
    // The default domain fills in both domains for v3 password auth.
    let config = load(
        &dir,
        &env(&[("OS_CLOUD", "b")]),
        &[("default_domain", s("corp"))],
    )
    .unwrap();
    assert_eq!(config.auth_str("project_domain_id"), Some("corp"));
    assert_eq!(config.auth_str("user_domain_id"), Some("corp"));
    let config = load(
        &dir,
        &env(&[("OS_CLOUD", "b")]),
        &[("auth_type", s("v3token"))],
    )
    .unwrap();
    assert_eq!(config.auth_str("project_domain_id"), None);
}

#[test]
fn endpoint_overrides_accept_aliases() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    volumev3_endpoint_override: http://cinder\n    object_store_endpoint_override: http://swift\n    workflow_endpoint_override: ''\n",
    );
    let config = load(&dir, &env(&[("OS_CLOUD", "a")]), &[]).unwrap();
    assert_eq!(
        config.endpoint_override("volume").as_deref(),
        Some("http://cinder")
    );
    assert_eq!(
        config.endpoint_override("block-storage").as_deref(),
        Some("http://cinder")
    );
    assert_eq!(
        config.endpoint_override("object-store").as_deref(),
        Some("http://swift")
    );
    assert_eq!(config.endpoint_override("workflowv2"), None);
}

#[test]
fn api_versions_as_osc_reads_them() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    compute_api_version: 2.79\n    identity_api_version: 3\n",
    );
    let env_a = env(&[("OS_CLOUD", "a")]);
    let config = load(&dir, &env_a, &[]).unwrap();
    assert_eq!(
        config.api_version("compute_api_version", Some("2.1")),
        "2.79"
    );
    assert_eq!(config.api_version("identity_api_version", Some("3")), "3");
    assert_eq!(config.api_version("image_api_version", Some("2")), "2");
    assert_eq!(config.api_version("workflow_api_version", Some("9")), "2");
    assert_eq!(config.api_version("runit_api_version", None), "None");
    let config = load(&dir, &env_a, &[("os_compute_api_version", s("2.90"))]).unwrap();
    assert_eq!(
        config.api_version("compute_api_version", Some("2.1")),
        "2.90"
    );
}

#[test]
fn session_settings() {
    let dir = TempDir::new();
    dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    cacert: ~/ca.pem\n    cert: /c.pem\n    key: ~/k.pem\n    api_timeout: 30\n    log_level: info\n    log_file: /tmp/osc.log\n",
    );
    let config = load(&dir, &env(&[("OS_CLOUD", "a")]), &[]).unwrap();
    assert_eq!(config.cacert().as_deref(), Some("/home/u/ca.pem"));
    assert_eq!(config.cert().as_deref(), Some("/c.pem"));
    assert_eq!(config.key().as_deref(), Some("/home/u/k.pem"));
    assert_eq!(config.timeout(), Some(30.0));
    assert_eq!(config.log_level(), LevelFilter::Info);
    assert_eq!(config.log_file(), Some("/tmp/osc.log"));
    assert_eq!(config.debug(), None);
    assert!(config.verify());
    let config = load(
        &dir,
        &env(&[("OS_CLOUD", "a")]),
        &[("insecure", ArgValue::Bool(true))],
    )
    .unwrap();
    assert!(!config.verify());
    let config = load(
        &dir,
        &env(&[("OS_CLOUD", "a")]),
        &[("verbose_level", ArgValue::Int(0))],
    )
    .unwrap();
    assert_eq!(config.log_level(), LevelFilter::Error);
    let config = load(
        &dir,
        &env(&[("OS_CLOUD", "a")]),
        &[("debug", ArgValue::Bool(true))],
    )
    .unwrap();
    assert_eq!(
        (config.log_level(), config.debug()),
        (LevelFilter::Debug, Some(true))
    );
    // OS_INSECURE reaches the configuration only through the environment cloud, as a string.
    let config = load(&TempDir::new(), &env(&[("OS_INSECURE", "true")]), &[]).unwrap();
    assert!(!config.verify());
    // A text OS_VERIFY is a CA bundle path for requests, even "False" (OSC: `Could not find a suitable TLS CA
    // certificate bundle, invalid path: False`): verification is never turned off by it.
    let config = load(&TempDir::new(), &env(&[("OS_VERIFY", "False")]), &[]).unwrap();
    assert!(config.verify());
    assert_eq!(config.cacert().as_deref(), Some("False"));
}

#[test]
fn token_cache_switches() {
    let dir = TempDir::new();
    dir.write("clouds.yaml", "clouds:\n  a: {}\n");
    let env_a = env(&[("OS_CLOUD", "a")]);
    assert!(load(&dir, &env_a, &[]).unwrap().cache_auth());
    let config = load(
        &dir,
        &env_a,
        &[(crate::options::NO_TOKEN_CACHE_DEST, ArgValue::Bool(true))],
    )
    .unwrap();
    assert!(!config.cache_auth());
    assert!(
        config.get("no_token_cache").is_none(),
        "our switch stays out of the configuration"
    );
    let off = env(&[("OS_CLOUD", "a"), ("OSC_TOKEN_CACHE", "off")]);
    assert!(!load(&dir, &off, &[]).unwrap().cache_auth());
    let on = env(&[("OS_CLOUD", "a"), ("OSC_TOKEN_CACHE", "1")]);
    assert!(load(&dir, &on, &[]).unwrap().cache_auth());
    dir.write("clouds.yaml", "cache:\n  auth: false\nclouds:\n  a: {}\n");
    assert!(!load(&dir, &env_a, &[]).unwrap().cache_auth());
    dir.write("clouds.yaml", "cache:\n  auth: true\nclouds:\n  a: {}\n");
    assert!(load(&dir, &env_a, &[]).unwrap().cache_auth());
}

#[test]
fn format_placeholders_and_errors() {
    let dir = TempDir::new();
    dir.write("clouds.yaml", "clouds:\n  a:\n    region_name: R1\n    auth: {auth_url: 'https://{region_name}.example'}\n    note: '{nosuchkey}'\n");
    let err = load(&dir, &env(&[("OS_CLOUD", "a")]), &[]).unwrap_err();
    assert_eq!(err.message, "'nosuchkey'");
    dir.write("clouds.yaml", "clouds:\n  a:\n    region_name: R1\n    auth: {auth_url: 'https://{region_name}.example'}\n    password: '{x}'\n");
    let config = load(&dir, &env(&[("OS_CLOUD", "a")]), &[]).unwrap();
    assert_eq!(config.auth_str("auth_url"), Some("https://R1.example"));
    assert_eq!(config.get_str("password"), Some("{x}"));
}

fn validate(config: &mut CloudConfig) -> cliff::Result<()> {
    config.validate_auth(&mut |_| None)
}

fn validation_error(env_pairs: &[(&str, &str)], cli: &[(&str, ArgValue)]) -> String {
    let dir = TempDir::new();
    let env = env(env_pairs);
    let mut config = load(&dir, &env, cli).unwrap();
    validate(&mut config).unwrap_err().message
}

#[test]
fn validation_messages_as_observed() {
    // Each observed with `openstack token issue` and stdin not a terminal.
    assert_eq!(
        validation_error(&[], &[]),
        "Missing value auth-url required for auth plugin password"
    );
    assert_eq!(
        validation_error(&[("OS_USERNAME", "u"), ("OS_AUTH_URL", "http://k/v3")], &[]),
        "No password entered, or found via --os-password or OS_PASSWORD"
    );
    assert_eq!(
        validation_error(&[("OS_TOKEN", "abc"), ("OS_AUTH_URL", "http://k/v3")], &[]),
        "No password entered, or found via --os-password or OS_PASSWORD"
    );
    assert_eq!(
        validation_error(
            &[
                ("OS_TOKEN", "abc"),
                ("OS_AUTH_URL", "http://k/v3"),
                ("OS_USERNAME", "u"),
                ("OS_PASSWORD", "p")
            ],
            &[]
        ),
        "Password.__init__() got an unexpected keyword argument 'token'"
    );
    assert_eq!(
        validation_error(&[("OS_AUTH_TYPE", "foo")], &[]),
        "The plugin foo could not be found"
    );
    assert_eq!(
        validation_error(&[], &[("auth_type", s("admin_token"))]),
        "Token.__init__() missing 2 required positional arguments: 'endpoint' and 'token'"
    );
    assert_eq!(
        validation_error(
            &[],
            &[("auth_type", s("v3token")), ("auth_url", s("http://k/v3"))]
        ),
        "Token.__init__() missing 1 required positional argument: 'token'"
    );
    assert_eq!(
        validation_error(&[], &[("auth_type", s("v3applicationcredential"))]),
        "Missing value auth-url required for auth plugin v3applicationcredential\n\
         Missing value application_credential_secret required for auth plugin v3applicationcredential"
    );
    assert_eq!(
        validation_error(
            &[("OS_AUTH_URL", "http://k/v3"), ("OS_USERNAME", "u"), ("OS_PASSWORD", "p")],
            &[("auth_type", s("v3password"))]
        ),
        "You have provided a username. In the V3 identity API a username is only unique within a domain so you \
         must also provide either a user_domain_id or user_domain_name."
    );
    assert_eq!(
        validation_error(
            &[("OS_AUTH_URL", "http://k/v3")],
            &[("auth_type", s("v2password")), ("password", s("x"))]
        ),
        "You need to specify either a username or user_id"
    );
    assert_eq!(
        validation_error(&[("OS_AUTH_URL", "http://k/v3")], &[("auth_type", s("http_basic")), ("password", s("x"))]),
        "Missing parameter(s): \nSet a username with --os-username, OS_USERNAME, or auth.username or set a user-id \
         with --os-user-id, OS_USER_ID, or auth.user_id"
    );
}

#[test]
fn validation_completes_the_auth_section() {
    let dir = TempDir::new();
    let env = env(&[
        ("OS_AUTH_URL", "http://k:5000/v3"),
        ("OS_USERNAME", "admin"),
        ("OS_PROJECT_NAME", "admin"),
        ("OS_IDENTITY_API_VERSION", "3"),
    ]);
    let mut config = load(&dir, &env, &[]).unwrap();
    let mut asked = Vec::new();
    config
        .validate_auth(&mut |prompt| {
            asked.push(prompt.to_owned());
            Some("typed".to_owned())
        })
        .unwrap();
    assert_eq!(asked, ["Password: "]);
    assert_eq!(config.auth_type(), Some("password"));
    assert_eq!(
        Value::Object(config.auth().clone()),
        json!({"project_name": "admin", "project_domain_id": "default", "user_domain_id": "default",
               "auth_url": "http://k:5000/v3", "username": "admin", "password": "typed"})
    );
    assert!(config.get("auth_url").is_none() && config.get("username").is_none());
    // An empty answer is no answer.
    let mut config = load(&dir, &env, &[]).unwrap();
    let err = config
        .validate_auth(&mut |_| Some(String::new()))
        .unwrap_err();
    assert_eq!(err.message, validate::NO_PASSWORD);
}

#[test]
fn validation_of_other_plugins() {
    let dir = TempDir::new();
    let mut config = load(
        &dir,
        &env(&[]),
        &[("auth_type", s("none")), ("endpoint", s("http://e"))],
    )
    .unwrap();
    validate(&mut config).unwrap();
    assert_eq!(
        Value::Object(config.auth().clone()),
        json!({"endpoint": "http://e"})
    );
    let mut config = load(
        &dir,
        &env(&[]),
        &[("token", s("t")), ("endpoint", s("http://e"))],
    )
    .unwrap();
    validate(&mut config).unwrap();
    assert_eq!(config.auth_type(), Some("admin_token"));
    assert_eq!(
        Value::Object(config.auth().clone()),
        json!({"token": "t", "endpoint": "http://e"})
    );
    // K2K needs an identity plugin.
    let mut config = load(
        &dir,
        &env(&[]),
        &[
            ("token", s("t")),
            ("endpoint", s("http://e")),
            ("service_provider", s("sp")),
        ],
    )
    .unwrap();
    assert_eq!(
        validate(&mut config).unwrap_err().message,
        "keystone-to-keystone (k2k) federation requires use of an Identity-based authentication plugin. Got: \
         admin_token"
    );
    // TOTP prompts for its passcode.
    let env_totp = env(&[("OS_AUTH_URL", "http://k/v3"), ("OS_USER_ID", "id")]);
    let mut config = load(&dir, &env_totp, &[("auth_type", s("v3totp"))]).unwrap();
    let mut asked = Vec::new();
    config
        .validate_auth(&mut |p| {
            asked.push(p.to_owned());
            Some("123456".to_owned())
        })
        .unwrap();
    assert_eq!(asked, ["TOTP passcode: "]);
    assert_eq!(config.auth_str("passcode"), Some("123456"));
    // v3multifactor takes its methods' options: here the password prompt (observed: "No password entered").
    let env_mfa = env(&[
        ("OS_AUTH_URL", "http://k/v3"),
        ("OS_AUTH_METHODS", "v3password,v3totp"),
    ]);
    let mut config = load(&dir, &env_mfa, &[("auth_type", s("v3multifactor"))]).unwrap();
    assert_eq!(
        validate(&mut config).unwrap_err().message,
        validate::NO_PASSWORD
    );
    let mut config = load(&dir, &env_mfa, &[("auth_type", s("v3multifactor"))]).unwrap();
    let mut asked = Vec::new();
    config
        .validate_auth(&mut |p| {
            asked.push(p.to_owned());
            Some("x".to_owned())
        })
        .unwrap();
    assert_eq!(asked, ["Password: ", "TOTP passcode: "]);
    assert_eq!(config.get("auth_methods"), None);
    assert_eq!(
        config.auth().get("auth_methods"),
        Some(&json!(["v3password", "v3totp"]))
    );
    let env_bad = env(&[
        ("OS_AUTH_URL", "http://k/v3"),
        ("OS_AUTH_METHODS", "v3nothing"),
    ]);
    let mut config = load(&dir, &env_bad, &[("auth_type", s("v3multifactor"))]).unwrap();
    assert_eq!(
        validate(&mut config).unwrap_err().message,
        "The plugin v3nothing could not be found"
    );
}

#[test]
fn scope_check() {
    let dir = TempDir::new();
    let config = load(&dir, &env(&[("OS_PROJECT_ID", "p")]), &[]).unwrap();
    assert_eq!(
        config.check_scope_options().unwrap_err().message,
        "Missing parameter(s): Set either a project or a domain scope, but not both. Set a project scope with \
         --os-project-name, OS_PROJECT_NAME, or auth.project_name. Alternatively, set a domain scope with \
         --os-domain-name, OS_DOMAIN_NAME or auth.domain_name."
    );
    let config = load(&dir, &env(&[("OS_PROJECT_NAME", "p")]), &[]).unwrap();
    config.check_scope_options().unwrap();
}
