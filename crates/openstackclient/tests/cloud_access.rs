//! Cloud access end to end: the `openstack` binary against the devcloud's real Keystone (`scripts/devcloud`) and
//! against tiny local servers: clouds.yaml variants, the token cache on disk, secrets in `--debug` output and log
//! files, re-authentication after a 401, `--timing`, `--insecure` and the exit codes of failed authentication.
//!
//! Every test runs the binary with a cleared environment in its own temporary HOME, XDG and working directories,
//! so the developer's configuration and token cache are never read or touched. Secrets reach the binary through
//! files and the environment, never its arguments.
//!
//! Tests that need the devcloud print that they are skipped when its Keystone does not answer, unless
//! `OSC_RS_REQUIRE_CLOUD=1` (scripts/test, CI): then they fail. The cloud is found as scripts/compat finds it:
//! `OS_CLIENT_CONFIG_FILE`, else `$OSC_RS_CACHE/devcloud/clouds.yaml` (default `~/.cache/openstack-rs`). Tests
//! with a local server need `python3`.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value as Json;

// ---------------------------------------------------------------------------------------------------------------
// Scratch directories and running the binary

/// A temporary HOME with XDG directories and a working directory, removed with everything in it when dropped.
struct Scratch {
    root: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let root = std::env::temp_dir().join(format!(
            "openstack-rs-access-{name}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("work")).expect("scratch directory");
        Scratch { root }
    }

    /// The commands' working directory (first in the clouds.yaml search path).
    fn work(&self) -> PathBuf {
        self.root.join("work")
    }

    /// Where the binary keeps its token cache (`$XDG_CACHE_HOME/openstack-rs/tokens`).
    fn token_dir(&self) -> PathBuf {
        self.root.join("cache").join("openstack-rs").join("tokens")
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.work().join(name);
        fs::write(&path, text).expect("write a scratch file");
        path
    }

    /// The binary with nothing of the caller's environment but `PATH`.
    fn openstack(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_openstack"));
        command
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.root.join("home"))
            .env("XDG_CONFIG_HOME", self.root.join("config"))
            .env("XDG_CACHE_HOME", self.root.join("cache"))
            .env("COLUMNS", "80")
            .env("LC_ALL", "C.UTF-8")
            .current_dir(self.work())
            .stdin(Stdio::null());
        command
    }

    /// The token cache's entries (`*.json`), sorted.
    fn entries(&self) -> Vec<PathBuf> {
        let Ok(dir) = fs::read_dir(self.token_dir()) else {
            return Vec::new();
        };
        let mut entries: Vec<PathBuf> = dir
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        entries.sort();
        entries
    }

    /// The only cache entry, parsed.
    fn only_entry(&self) -> (PathBuf, Json) {
        let entries = self.entries();
        assert_eq!(entries.len(), 1, "cache entries: {entries:?}");
        let text = fs::read_to_string(&entries[0]).expect("read the cache entry");
        let json = serde_json::from_str(&text).expect("the cache entry is JSON");
        (entries[0].clone(), json)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// What a run printed and returned.
struct Ran {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

impl std::fmt::Debug for Ran {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

fn ran(output: Output) -> Ran {
    Ran {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code(),
    }
}

fn run(command: &mut Command, args: &[&str]) -> Ran {
    ran(command
        .args(args)
        .output()
        .expect("the openstack binary runs"))
}

/// Runs and expects exit status 0.
fn ok(command: &mut Command, args: &[&str]) -> Ran {
    let result = run(command, args);
    assert_eq!(result.code, Some(0), "openstack {args:?}: {result:?}");
    result
}

fn token_of(entry: &Json) -> String {
    entry
        .pointer("/auth/token")
        .and_then(Json::as_str)
        .expect("a cached token")
        .to_owned()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------------------------------------------
// The devcloud

/// The devcloud's admin credentials, held while a test uses them: Keystone on sqlite answers 500 "database is
/// locked" to concurrent writes (revocations, failed logins), so the tests take turns.
struct Devcloud {
    _turn: MutexGuard<'static, ()>,
    auth_url: String,
    username: String,
    password: String,
    project: String,
    region: String,
}

/// The first `key: value` of a YAML file, as scripts/devcloud writes it.
fn yaml_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let value = line.trim().strip_prefix(key)?.strip_prefix(':')?.trim();
        Some(value.trim_matches(|c| c == '"' || c == '\'').to_owned())
    })
}

/// Whether `GET <auth_url>` answers 200 within a few seconds.
fn keystone_answers(auth_url: &str) -> bool {
    let Some(rest) = auth_url.strip_prefix("http://") else {
        return false;
    };
    let (host_port, path) = rest.split_once('/').unwrap_or((rest, ""));
    let Some(address) = host_port
        .to_socket_addrs()
        .ok()
        .and_then(|mut addresses| addresses.next())
    else {
        return false;
    };
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_secs(3)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!("GET /{path} HTTP/1.0\r\nHost: {host_port}\r\n\r\n");
    let mut answer = [0u8; 12];
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_exact(&mut answer).is_ok()
        && answer.ends_with(b" 200")
}

fn devcloud(test: &str) -> Option<Devcloud> {
    let cache = std::env::var_os("OSC_RS_CACHE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/openstack-rs"))
        });
    let file = std::env::var_os("OS_CLIENT_CONFIG_FILE")
        .map(PathBuf::from)
        .or_else(|| cache.map(|cache| cache.join("devcloud/clouds.yaml")));
    let text = file
        .as_ref()
        .and_then(|file| fs::read_to_string(file).ok())
        .unwrap_or_default();
    let auth_url = yaml_value(&text, "auth_url").unwrap_or_default();
    if auth_url.is_empty() || !keystone_answers(&auth_url) {
        let why = format!("devcloud not running (no Keystone answering from {file:?})");
        if std::env::var("OSC_RS_REQUIRE_CLOUD").as_deref() == Ok("1") {
            panic!("{test}: {why} and OSC_RS_REQUIRE_CLOUD=1 (run scripts/devcloud up)");
        }
        println!("skipped {test}: {why}");
        return None;
    }
    static TURN: Mutex<()> = Mutex::new(());
    let value =
        |key: &str, default: &str| yaml_value(&text, key).unwrap_or_else(|| default.to_owned());
    Some(Devcloud {
        _turn: TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
        auth_url,
        username: value("username", "admin"),
        password: value("password", "devcloud-admin"),
        project: value("project_name", "admin"),
        region: value("region_name", "RegionOne"),
    })
}

impl Devcloud {
    /// A clouds.yaml with cloud `access`; `extra` is appended to the cloud's settings (indented by 4).
    fn clouds_yaml(&self, with_password: bool, extra: &str) -> String {
        let password = if with_password {
            format!("      password: {}\n", self.password)
        } else {
            String::new()
        };
        format!(
            "clouds:\n  access:\n    auth:\n      auth_url: {}\n      username: {}\n{password}      project_name: {}\n      \
             user_domain_name: Default\n      project_domain_name: Default\n    identity_api_version: 3\n{extra}",
            self.auth_url, self.username, self.project
        )
    }

    /// The binary on cloud `access` of a clouds.yaml in the scratch directory, with the token cache on.
    fn openstack(&self, scratch: &Scratch) -> Command {
        let file = scratch.work().join("access-clouds.yaml");
        if !file.exists() {
            let region = format!("    region_name: {}\n", self.region);
            fs::write(&file, self.clouds_yaml(true, &region)).expect("write clouds.yaml");
        }
        let mut command = scratch.openstack();
        command
            .env("OS_CLIENT_CONFIG_FILE", &file)
            .env("OS_CLOUD", "access");
        command
    }

    /// The same without the token cache.
    fn uncached(&self, scratch: &Scratch) -> Command {
        let mut command = self.openstack(scratch);
        command.env("OSC_TOKEN_CACHE", "0");
        command
    }

    /// A new token, from a process without the cache.
    fn fresh_token(&self, scratch: &Scratch) -> String {
        let out = ok(
            &mut self.uncached(scratch),
            &["token", "issue", "-f", "value", "-c", "id"],
        );
        out.stdout.trim().to_owned()
    }
}

fn is_user_id(text: &str) -> bool {
    text.len() == 33 && text.ends_with('\n') && text[..32].chars().all(|c| c.is_ascii_hexdigit())
}

// ---------------------------------------------------------------------------------------------------------------
// clouds.yaml variants

#[test]
fn secure_yaml_supplies_the_password() {
    let Some(cloud) = devcloud("secure_yaml_supplies_the_password") else {
        return;
    };
    let scratch = Scratch::new("secure");
    // Both in the working directory, the first place of the search path.
    scratch.write("clouds.yaml", &cloud.clouds_yaml(false, ""));
    scratch.write(
        "secure.yaml",
        &format!(
            "clouds:\n  access:\n    auth:\n      password: {}\n",
            cloud.password
        ),
    );
    let openstack = || {
        let mut command = scratch.openstack();
        command.env("OS_CLOUD", "access");
        command
    };
    let shown = ok(
        &mut openstack(),
        &[
            "configuration",
            "show",
            "--unmask",
            "-c",
            "auth.password",
            "-f",
            "value",
        ],
    );
    assert_eq!(shown.stdout, format!("{}\n", cloud.password));
    let issued = ok(
        &mut openstack(),
        &["token", "issue", "-f", "value", "-c", "user_id"],
    );
    assert!(is_user_id(&issued.stdout), "{issued:?}");
}

#[test]
fn profile_from_clouds_public_yaml() {
    let Some(cloud) = devcloud("profile_from_clouds_public_yaml") else {
        return;
    };
    let scratch = Scratch::new("profile");
    scratch.write(
        "clouds-public.yaml",
        &format!(
            "public-clouds:\n  devprofile:\n    auth:\n      auth_url: {}\n    region_name: {}\n    identity_api_version: 3\n",
            cloud.auth_url, cloud.region
        ),
    );
    scratch.write(
        "clouds.yaml",
        &format!(
            "clouds:\n  access:\n    profile: devprofile\n    auth:\n      username: {}\n      password: {}\n      \
             project_name: {}\n      user_domain_name: Default\n      project_domain_name: Default\n",
            cloud.username, cloud.password, cloud.project
        ),
    );
    let openstack = || {
        let mut command = scratch.openstack();
        command.env("OS_CLOUD", "access");
        command
    };
    let shown = ok(
        &mut openstack(),
        &[
            "configuration",
            "show",
            "-c",
            "auth.auth_url",
            "-c",
            "region_name",
            "-f",
            "value",
        ],
    );
    assert_eq!(
        shown.stdout,
        format!("{}\n{}\n", cloud.auth_url, cloud.region)
    );
    let issued = ok(
        &mut openstack(),
        &["token", "issue", "-f", "value", "-c", "user_id"],
    );
    assert!(is_user_id(&issued.stdout), "{issued:?}");
}

#[test]
fn regions_list_picks_the_first_and_checks_names() {
    let Some(cloud) = devcloud("regions_list_picks_the_first_and_checks_names") else {
        return;
    };
    let scratch = Scratch::new("regions");
    let regions = format!(
        "    regions:\n      - {}\n      - name: RegionTwo\n        values:\n          interface: internal\n",
        cloud.region
    );
    let file = scratch.write("clouds.yaml", &cloud.clouds_yaml(true, &regions));
    let openstack = || {
        let mut command = scratch.openstack();
        command
            .env("OS_CLIENT_CONFIG_FILE", &file)
            .env("OS_CLOUD", "access");
        command
    };
    let show = [
        "configuration",
        "show",
        "-c",
        "region_name",
        "-c",
        "interface",
        "-f",
        "value",
    ];
    assert_eq!(
        ok(&mut openstack(), &show).stdout,
        format!("public\n{}\n", cloud.region)
    );
    let mut two = vec!["--os-region-name", "RegionTwo"];
    two.extend(show);
    assert_eq!(ok(&mut openstack(), &two).stdout, "internal\nRegionTwo\n");
    let issued = ok(
        &mut openstack(),
        &["token", "issue", "-f", "value", "-c", "user_id"],
    );
    assert!(is_user_id(&issued.stdout), "{issued:?}");
    // RegionTwo has no endpoint: keystoneclient's words.
    let revoke = run(
        &mut openstack(),
        &["--os-region-name", "RegionTwo", "token", "revoke", "x"],
    );
    assert_eq!(
        revoke.stderr,
        "internal endpoint for identity service in RegionTwo region not found\n"
    );
    assert_eq!(revoke.code, Some(1));
    let bad = run(
        &mut openstack(),
        &["--os-region-name", "RegionThree", "token", "issue"],
    );
    assert_eq!(
        bad.stderr,
        format!(
            "Region RegionThree is not a valid region name for cloud access. Valid choices are {},RegionTwo. \
             Please note that region names are case sensitive.\n",
            cloud.region
        )
    );
    assert_eq!(bad.code, Some(1));
}

#[test]
fn environment_variable_cloud() {
    let Some(cloud) = devcloud("environment_variable_cloud") else {
        return;
    };
    let scratch = Scratch::new("envvars");
    let mut command = scratch.openstack();
    command
        .env("OS_AUTH_URL", &cloud.auth_url)
        .env("OS_USERNAME", &cloud.username)
        .env("OS_PASSWORD", &cloud.password)
        .env("OS_PROJECT_NAME", &cloud.project)
        .env("OS_USER_DOMAIN_NAME", "Default")
        .env("OS_PROJECT_DOMAIN_NAME", "Default");
    let issued = ok(
        &mut command,
        &["token", "issue", "-f", "value", "-c", "user_id"],
    );
    assert!(is_user_id(&issued.stdout), "{issued:?}");
    assert_eq!(scratch.entries().len(), 1);
    // The same variables without the URL: osc-lib's message, exit 1.
    let mut no_url = scratch.openstack();
    no_url
        .env("OS_USERNAME", &cloud.username)
        .env("OS_PASSWORD", &cloud.password);
    let failed = run(&mut no_url, &["token", "issue"]);
    assert_eq!(
        failed.stderr,
        "Missing value auth-url required for auth plugin password\n"
    );
    assert_eq!(failed.code, Some(1));
}

#[test]
fn token_auth_type_is_never_cached() {
    let Some(cloud) = devcloud("token_auth_type_is_never_cached") else {
        return;
    };
    let scratch = Scratch::new("token-auth");
    let token = cloud.fresh_token(&scratch);
    let mut command = scratch.openstack();
    command
        .env("OS_AUTH_URL", &cloud.auth_url)
        .env("OS_AUTH_TYPE", "token")
        .env("OS_TOKEN", &token)
        .env("OS_PROJECT_NAME", &cloud.project)
        .env("OS_PROJECT_DOMAIN_NAME", "Default");
    // Keystone scopes the given token anew (as keystoneauth asks): a token of the same user.
    let issued = ok(
        &mut command,
        &["token", "issue", "-f", "value", "-c", "user_id"],
    );
    assert!(is_user_id(&issued.stdout), "{issued:?}");
    assert!(scratch.entries().is_empty(), "{:?}", scratch.entries());
}

// ---------------------------------------------------------------------------------------------------------------
// The token cache

#[test]
fn corrupt_and_expired_cache_entries_are_replaced() {
    let Some(cloud) = devcloud("corrupt_and_expired_cache_entries_are_replaced") else {
        return;
    };
    let scratch = Scratch::new("corrupt");
    let issue = ["--debug", "token", "issue", "-f", "value", "-c", "id"];
    let first = ok(&mut cloud.openstack(&scratch), &issue);
    let (path, entry) = scratch.only_entry();
    assert_eq!(token_of(&entry), first.stdout.trim());

    fs::write(&path, "{\"format\": 1, \"auth\": {\"tok").expect("corrupt the entry");
    let second = ok(&mut cloud.openstack(&scratch), &issue);
    assert!(
        second.stderr.contains("Ignoring corrupt token cache entry"),
        "{second:?}"
    );
    let (same_path, entry) = scratch.only_entry();
    assert_eq!(same_path, path);
    assert_eq!(token_of(&entry), second.stdout.trim());

    let mut expired = entry.clone();
    expired["auth"]["body"]["token"]["expires_at"] = Json::from("2000-01-01T00:00:00.000000Z");
    fs::write(&path, expired.to_string()).expect("expire the entry");
    let third = ok(&mut cloud.openstack(&scratch), &issue);
    assert!(
        third.stderr.contains("is expired or about to be"),
        "{third:?}"
    );
    let (_, entry) = scratch.only_entry();
    assert_eq!(token_of(&entry), third.stdout.trim());
    assert_ne!(
        entry.pointer("/auth/body/token/expires_at"),
        Some(&Json::from("2000-01-01T00:00:00.000000Z"))
    );
    // And a good entry is used as it is.
    let fourth = ok(&mut cloud.openstack(&scratch), &issue);
    assert_eq!(fourth.stdout, third.stdout);
    assert!(
        fourth.stderr.contains("Using the cached token"),
        "{fourth:?}"
    );
}

#[test]
fn an_entry_others_can_read_is_ignored_and_replaced() {
    let Some(cloud) = devcloud("an_entry_others_can_read_is_ignored_and_replaced") else {
        return;
    };
    let scratch = Scratch::new("foreign");
    let issue = ["--debug", "token", "issue", "-f", "value", "-c", "id"];
    let first = ok(&mut cloud.openstack(&scratch), &issue);
    let (path, _) = scratch.only_entry();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod 0644");
    let second = ok(&mut cloud.openstack(&scratch), &issue);
    assert!(second.stderr.contains("(not private to us)"), "{second:?}");
    assert_ne!(second.stdout, first.stdout);
    let (same_path, entry) = scratch.only_entry();
    assert_eq!(same_path, path);
    assert_eq!(token_of(&entry), second.stdout.trim());
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn two_racing_processes_both_succeed_with_one_token() {
    let Some(cloud) = devcloud("two_racing_processes_both_succeed_with_one_token") else {
        return;
    };
    let scratch = Scratch::new("race");
    let spawn = || -> Child {
        cloud
            .openstack(&scratch)
            .args(["token", "issue", "-f", "value", "-c", "id"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn openstack")
    };
    let (a, b) = (spawn(), spawn());
    let a = ran(a.wait_with_output().expect("first process"));
    let b = ran(b.wait_with_output().expect("second process"));
    assert_eq!(a.code, Some(0), "{a:?}");
    assert_eq!(b.code, Some(0), "{b:?}");
    // The second waits for the first's lock and takes its token.
    assert_eq!(a.stdout, b.stdout);
    let (_, entry) = scratch.only_entry();
    assert_eq!(token_of(&entry), a.stdout.trim());
}

#[test]
fn the_cache_directory_and_its_files_are_private() {
    let Some(cloud) = devcloud("the_cache_directory_and_its_files_are_private") else {
        return;
    };
    let scratch = Scratch::new("private");
    ok(&mut cloud.openstack(&scratch), &["token", "issue"]);
    assert_eq!(mode(&scratch.token_dir()), 0o700);
    let files: Vec<PathBuf> = fs::read_dir(scratch.token_dir())
        .expect("the cache directory")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    // The entry alone: the lock file is removed when released (none is left behind per identity).
    assert_eq!(files, scratch.entries(), "only the entry: {files:?}");
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

#[test]
fn catalog_list_from_the_cache_sends_no_request() {
    let Some(cloud) = devcloud("catalog_list_from_the_cache_sends_no_request") else {
        return;
    };
    let scratch = Scratch::new("no-request");
    let fresh = ok(
        &mut cloud.openstack(&scratch),
        &["--debug", "catalog", "list", "-f", "value", "-c", "Type"],
    );
    assert!(fresh.stderr.contains("REQ: curl"), "{fresh:?}");
    let cached = ok(
        &mut cloud.openstack(&scratch),
        &[
            "--debug", "--timing", "catalog", "list", "-f", "value", "-c", "Type",
        ],
    );
    assert!(
        cached.stderr.contains("Using the cached token"),
        "{cached:?}"
    );
    assert!(!cached.stderr.contains("REQ:"), "{cached:?}");
    assert!(cached.stdout.starts_with(&fresh.stdout), "{cached:?}");
    assert!(
        fresh.stdout.lines().any(|line| line == "identity"),
        "{fresh:?}"
    );
    // The timing table lists no request either.
    assert!(
        cached
            .stdout
            .ends_with("\n\"URL\",\"Seconds\"\n\"Total\",0.0\n"),
        "{cached:?}"
    );
}

#[test]
fn a_revoked_cached_token_is_replaced_after_one_401() {
    let Some(cloud) = devcloud("a_revoked_cached_token_is_replaced_after_one_401") else {
        return;
    };
    let scratch = Scratch::new("reauth");
    let cached = ok(
        &mut cloud.openstack(&scratch),
        &["token", "issue", "-f", "value", "-c", "id"],
    );
    let cached = cached.stdout.trim().to_owned();
    // Revoked by a process without the cache: the entry still holds it.
    ok(&mut cloud.uncached(&scratch), &["token", "revoke", &cached]);
    assert_eq!(token_of(&scratch.only_entry().1), cached);

    let listed = ok(
        &mut cloud.openstack(&scratch),
        &["--debug", "service", "list", "-f", "value", "-c", "Type"],
    );
    assert!(
        listed.stdout.lines().any(|line| line == "identity"),
        "{listed:?}"
    );
    let lines: Vec<&str> = listed.stderr.lines().collect();
    let count = |prefix: &str| lines.iter().filter(|line| line.starts_with(prefix)).count();
    let auth_url = cloud.auth_url.trim_end_matches('/');
    assert_eq!(
        count(&format!("REQ: curl -g -i -X GET {auth_url}/services ")),
        2,
        "{listed:?}"
    );
    assert_eq!(count("RESP: [401]"), 1, "{listed:?}");
    assert_eq!(count("Making authentication request to "), 1, "{listed:?}");
    let renewed = token_of(&scratch.only_entry().1);
    assert_ne!(renewed, cached);
}

#[test]
fn token_issue_never_prints_a_revoked_cached_token() {
    let Some(cloud) = devcloud("token_issue_never_prints_a_revoked_cached_token") else {
        return;
    };
    let scratch = Scratch::new("issue-revoked");
    let issue = ["token", "issue", "-f", "value", "-c", "id"];
    let cached = ok(&mut cloud.openstack(&scratch), &issue).stdout;
    // Still valid: handed out again from the cache (after one check with Keystone).
    assert_eq!(ok(&mut cloud.openstack(&scratch), &issue).stdout, cached);
    // Revoked by another process: the cache entry still holds it.
    ok(
        &mut cloud.uncached(&scratch),
        &["token", "revoke", cached.trim()],
    );
    assert_eq!(token_of(&scratch.only_entry().1), cached.trim());
    let issued = ok(&mut cloud.openstack(&scratch), &issue).stdout;
    assert_ne!(issued, cached);
    assert_eq!(token_of(&scratch.only_entry().1), issued.trim());
}

/// Creates a user through Keystone's API with python3 (the password goes through the environment, never argv);
/// prints the user's id.
const CREATE_USER_PY: &str = r#"
import json, os, urllib.request
url = os.environ["AUTH_URL"].rstrip("/")
def call(method, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["X-Auth-Token"] = token
    request = urllib.request.Request(url + path, json.dumps(body).encode(), headers, method=method)
    with urllib.request.urlopen(request) as answer:
        return answer.headers.get("X-Subject-Token"), json.load(answer)
token, _ = call("POST", "/auth/tokens", {"auth": {"identity": {"methods": ["password"], "password": {"user": {
    "name": os.environ["ADMIN_NAME"], "domain": {"id": "default"}, "password": os.environ["ADMIN_PASSWORD"]}}},
    "scope": {"project": {"name": os.environ["PROJECT"], "domain": {"id": "default"}}}}})
_, created = call("POST", "/users", {"user": {"name": os.environ["NEW_NAME"], "domain_id": "default",
    "password": os.environ["NEW_PASSWORD"]}}, token)
print(created["user"]["id"])
"#;

/// Deletes the test's user and group however the test ends.
struct TemporaryUser<'a> {
    cloud: &'a Devcloud,
    scratch: &'a Scratch,
    user_id: String,
    group: String,
}

impl Drop for TemporaryUser<'_> {
    fn drop(&mut self) {
        let _ = run(
            &mut self.cloud.uncached(self.scratch),
            &["user", "delete", &self.user_id],
        );
        let _ = run(
            &mut self.cloud.uncached(self.scratch),
            &["group", "delete", &self.group],
        );
    }
}

#[test]
fn a_command_right_after_a_revocation_by_user_succeeds() {
    let Some(cloud) = devcloud("a_command_right_after_a_revocation_by_user_succeeds") else {
        return;
    };
    let scratch = Scratch::new("revoke-by-user");
    // A user of its own with the admin role: the revocation below must not touch the admin's tokens, which
    // other tests and sessions share.
    let name = format!("rs-revoked-{}", std::process::id());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.subsec_nanos());
    let password = format!("pw{}x{nanos}", std::process::id());
    let created = Command::new("python3")
        .args(["-c", CREATE_USER_PY])
        .env("AUTH_URL", &cloud.auth_url)
        .env("ADMIN_NAME", &cloud.username)
        .env("ADMIN_PASSWORD", &cloud.password)
        .env("PROJECT", &cloud.project)
        .env("NEW_NAME", &name)
        .env("NEW_PASSWORD", &password)
        .output()
        .expect("python3 runs");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let user = TemporaryUser {
        cloud: &cloud,
        scratch: &scratch,
        user_id: String::from_utf8_lossy(&created.stdout).trim().to_owned(),
        group: format!("{name}-g"),
    };
    let admin = || cloud.uncached(&scratch);
    ok(&mut admin(), &["group", "create", &user.group]);
    ok(
        &mut admin(),
        &[
            "role",
            "add",
            "--user",
            &user.user_id,
            "--project",
            &cloud.project,
            "admin",
        ],
    );
    let file = scratch.write(
        "revoked-clouds.yaml",
        &format!(
            "clouds:\n  revoked:\n    auth:\n      auth_url: {}\n      username: {name}\n      password: {password}\n      \
             project_name: {}\n      user_domain_name: Default\n      project_domain_name: Default\n    \
             region_name: {}\n    identity_api_version: 3\n",
            cloud.auth_url, cloud.project, cloud.region
        ),
    );
    let as_user = || {
        let mut command = scratch.openstack();
        command
            .env("OS_CLIENT_CONFIG_FILE", &file)
            .env("OS_CLOUD", "revoked");
        command
    };
    // Removing the user from a group revokes all of the user's tokens, to the whole second: the cached token
    // is refused, and so is a new one issued in the same second.
    for round in 0..10 {
        ok(
            &mut admin(),
            &["group", "add", "user", &user.group, &user.user_id],
        );
        let removed = run(
            &mut as_user(),
            &["group", "remove", "user", &user.group, &name],
        );
        assert_eq!(removed.code, Some(0), "round {round}: {removed:?}");
        let listed = run(
            &mut as_user(),
            &["project", "list", "-f", "value", "-c", "Name"],
        );
        assert_eq!(listed.code, Some(0), "round {round}: {listed:?}");
        assert!(
            listed.stdout.lines().any(|line| line == cloud.project),
            "round {round}: {listed:?}"
        );
    }
}

#[test]
fn an_auth_option_that_is_not_text_is_refused_before_any_request() {
    let scratch = Scratch::new("wrong-type");
    // Nothing listens on port 9: the error must come before any connection.
    let file = scratch.write(
        "typed-clouds.yaml",
        "clouds:\n  typed:\n    auth:\n      auth_url: http://127.0.0.1:9/v3\n      username: [admin, x]\n      \
         password: p\n      project_name: p\n",
    );
    let failed = run(
        scratch
            .openstack()
            .env("OS_CLIENT_CONFIG_FILE", &file)
            .env("OS_CLOUD", "typed"),
        &["token", "issue"],
    );
    assert_eq!(
        failed.stderr,
        "Invalid value for auth option username: ['admin', 'x'] is a list, not a string\n"
    );
    assert_eq!(failed.code, Some(1));
}

#[test]
fn token_revoke_forgets_the_cached_token() {
    let Some(cloud) = devcloud("token_revoke_forgets_the_cached_token") else {
        return;
    };
    let scratch = Scratch::new("revoke");
    let issue = ["token", "issue", "-f", "value", "-c", "id"];
    let cached = ok(&mut cloud.openstack(&scratch), &issue).stdout;
    assert_eq!(ok(&mut cloud.openstack(&scratch), &issue).stdout, cached);
    // Revoked with itself, from the cache.
    ok(
        &mut cloud.openstack(&scratch),
        &["token", "revoke", cached.trim()],
    );
    for entry in scratch.entries() {
        let text = fs::read_to_string(&entry).expect("read an entry");
        assert!(
            !text.contains(cached.trim()),
            "{} still holds the revoked token",
            entry.display()
        );
    }
    let next = ok(&mut cloud.openstack(&scratch), &issue).stdout;
    assert_ne!(next, cached);
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets, timing, exit codes

#[test]
fn debug_output_and_log_file_hold_no_secret() {
    let Some(cloud) = devcloud("debug_output_and_log_file_hold_no_secret") else {
        return;
    };
    let scratch = Scratch::new("secrets");
    let log = scratch.work().join("debug.log");
    let log_arg = log.to_string_lossy().into_owned();
    // Authenticating: the password goes in the request body, the token comes back in a header.
    let issued = ok(
        &mut cloud.openstack(&scratch),
        &[
            "--debug",
            "--log-file",
            &log_arg,
            "token",
            "issue",
            "-f",
            "value",
            "-c",
            "id",
        ],
    );
    let token = issued.stdout.trim().to_owned();
    // Using the cached token, and revoking another one (X-Subject-Token).
    let used = ok(
        &mut cloud.openstack(&scratch),
        &["--debug", "--log-file", &log_arg, "service", "list"],
    );
    let other = cloud.fresh_token(&scratch);
    let revoked = ok(
        &mut cloud.openstack(&scratch),
        &["--debug", "--log-file", &log_arg, "token", "revoke", &other],
    );
    let logged = fs::read_to_string(&log).expect("the log file");
    for (what, text) in [
        ("issue stderr", &issued.stderr),
        ("service list stderr", &used.stderr),
        ("revoke stderr", &revoked.stderr),
        ("log file", &logged),
    ] {
        assert!(
            text.contains("REQ: curl"),
            "{what} logs the requests:\n{text}"
        );
        assert!(
            !text.contains(&cloud.password),
            "{what} holds the password:\n{text}"
        );
        assert!(!text.contains(&token), "{what} holds the token:\n{text}");
        assert!(
            !text.contains(&other),
            "{what} holds the revoked token:\n{text}"
        );
    }
    assert!(
        issued.stderr.contains("Making authentication request to "),
        "{issued:?}"
    );
    assert!(used.stderr.contains("X-Auth-Token: {SHA256}"), "{used:?}");
    assert!(
        revoked.stderr.contains("X-Subject-Token: {SHA256}"),
        "{revoked:?}"
    );
}

#[test]
fn timing_lists_each_request_in_microseconds_and_the_total() {
    let Some(cloud) = devcloud("timing_lists_each_request_in_microseconds_and_the_total") else {
        return;
    };
    let scratch = Scratch::new("timing");
    let out = ok(
        &mut cloud.uncached(&scratch),
        &["--timing", "service", "list", "-f", "csv"],
    );
    let (_, timing) = out
        .stdout
        .split_once("\n\n")
        .expect("a blank line before the timing table");
    let mut lines = timing.lines();
    assert_eq!(lines.next(), Some("\"URL\",\"Seconds\""));
    let mut rows: Vec<(String, f64)> = Vec::new();
    for line in lines {
        let (url, seconds) = line.rsplit_once(',').expect("URL,seconds");
        let decimals = seconds
            .split_once('.')
            .map_or(0, |(_, fraction)| fraction.len());
        rows.push((
            url.trim_matches('"').to_owned(),
            seconds.parse().expect("seconds"),
        ));
        if url != "\"Total\"" {
            assert!(decimals <= 6, "microseconds at most: {line}");
        }
    }
    let (total_name, total) = rows.pop().expect("a Total row");
    assert_eq!(total_name, "Total");
    let urls: Vec<&str> = rows.iter().map(|(url, _)| url.as_str()).collect();
    let auth_url = cloud.auth_url.trim_end_matches('/');
    assert_eq!(
        urls,
        [
            format!("GET {auth_url}"),
            format!("POST {auth_url}/auth/tokens"),
            format!("GET {auth_url}/services"),
        ]
    );
    // Summed in order, as osc-lib does.
    assert_eq!(total, rows.iter().map(|(_, seconds)| seconds).sum::<f64>());
}

#[test]
fn authentication_failures_exit_1() {
    let Some(cloud) = devcloud("authentication_failures_exit_1") else {
        return;
    };
    let scratch = Scratch::new("failures");
    // A cached token for the right password must not hide a wrong one.
    ok(&mut cloud.openstack(&scratch), &["token", "issue"]);
    let unauthorized =
        "The request you have made requires authentication. (HTTP 401) (Request-ID: req-";
    let mut wrong = cloud.openstack(&scratch);
    wrong.env("OS_PASSWORD", "wrong-password");
    let failed = run(&mut wrong, &["token", "issue"]);
    assert!(failed.stderr.starts_with(unauthorized), "{failed:?}");
    assert_eq!((failed.stdout.as_str(), failed.code), ("", Some(1)));
    let failed = run(
        &mut cloud.openstack(&scratch),
        &["--os-project-name", "x-no-such-project", "token", "issue"],
    );
    assert!(failed.stderr.starts_with(unauthorized), "{failed:?}");
    assert_eq!(failed.code, Some(1));
    let failed = run(
        &mut cloud.openstack(&scratch),
        &["--os-cloud", "bogus", "token", "issue"],
    );
    assert_eq!(
        (failed.stderr.as_str(), failed.code),
        ("Cloud bogus was not found.\n", Some(1))
    );
    let failed = run(
        &mut cloud.openstack(&scratch),
        &["--os-auth-url", "http://127.0.0.1:9/v3", "token", "issue"],
    );
    assert_eq!(
        failed.stderr,
        "Failed to discover available identity versions when contacting http://127.0.0.1:9/v3. Attempting to \
         parse version from URL.\nUnable to establish connection to http://127.0.0.1:9/v3/auth/tokens: \
         HTTPConnectionPool(host='127.0.0.1', port=9): Max retries exceeded with url: /v3/auth/tokens (Caused by \
         NewConnectionError(\"HTTPConnection(host='127.0.0.1', port=9): Failed to establish a new connection: \
         [Errno 111] Connection refused\"))\n"
    );
    assert_eq!(failed.code, Some(1));
}

// ---------------------------------------------------------------------------------------------------------------
// Without the devcloud

#[test]
fn timing_without_a_session_is_a_clean_up_error() {
    let scratch = Scratch::new("timing-no-session");
    // osc-lib has no session to read timings from: cliff logs the clean-up failure after the command's error.
    let mut command = scratch.openstack();
    command.env("OS_USERNAME", "admin");
    let failed = run(&mut command, &["--timing", "token", "issue"]);
    assert_eq!(
        failed.stderr,
        "Missing value auth-url required for auth plugin password\n\
         Could not clean up: 'ClientManager' object has no attribute 'session'\n"
    );
    assert_eq!((failed.stdout.as_str(), failed.code), ("", Some(1)));
    let listed = run(
        &mut scratch.openstack(),
        &[
            "--timing",
            "command",
            "list",
            "--group",
            "openstack.cli",
            "-f",
            "value",
        ],
    );
    assert_eq!(
        listed.stdout,
        "openstack.cli ['command list', 'module list']\n"
    );
    assert_eq!(
        listed.stderr,
        "Could not clean up: 'ClientManager' object has no attribute 'session'\n"
    );
    assert_eq!(listed.code, Some(0));
}

/// A local HTTP(S) server in python3 answering every request with a fixed status and an HTML page; killed when
/// dropped.
struct HtmlServer {
    child: Child,
    port: u16,
}

const HTML_SERVER: &str = r#"
import http.server, ssl, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        body = b"<html><body>Please log in to the portal</body></html>\n"
        self.send_response(int(sys.argv[1]))
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = do_DELETE = answer
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
if len(sys.argv) > 2:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[2], sys.argv[3])
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
"#;

impl HtmlServer {
    /// `None` (the test is skipped) when python3 cannot be run.
    fn start(test: &str, status: u16, tls: bool) -> Option<HtmlServer> {
        let mut command = Command::new("python3");
        command.args(["-c", HTML_SERVER, &status.to_string()]);
        if tls {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../osc-lib/tests/tls");
            command
                .arg(dir.join("server.pem"))
                .arg(dir.join("server.key"));
        }
        let Ok(mut child) = command.stdin(Stdio::null()).stdout(Stdio::piped()).spawn() else {
            println!("skipped {test}: python3 is not available");
            return None;
        };
        let mut line = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        let _ = BufReader::new(stdout).read_line(&mut line);
        let Ok(port) = line.trim().parse() else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{test}: the python3 server did not start");
        };
        Some(HtmlServer { child, port })
    }
}

impl Drop for HtmlServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn html_cloud(scratch: &Scratch, url: &str) -> Command {
    let mut command = scratch.openstack();
    command
        .env("OS_AUTH_URL", url)
        .env("OS_USERNAME", "admin")
        .env("OS_PASSWORD", "secret-for-a-fake")
        .env("OS_PROJECT_NAME", "admin");
    command
}

#[test]
fn html_instead_of_json_is_an_invalid_response() {
    let test = "html_instead_of_json_is_an_invalid_response";
    let Some(portal) = HtmlServer::start(test, 200, false) else {
        return;
    };
    let Some(gateway) = HtmlServer::start(test, 502, false) else {
        return;
    };
    let scratch = Scratch::new("html");
    let discovery = |url: &str| {
        format!(
            "Failed to discover available identity versions when contacting {url}. Attempting to parse version from \
             URL.\n"
        )
    };
    let url = format!("http://127.0.0.1:{}/v3", portal.port);
    let failed = run(&mut html_cloud(&scratch, &url), &["token", "issue"]);
    assert_eq!(
        failed.stderr,
        format!("{}Invalid response from server.\n", discovery(&url))
    );
    assert_eq!(failed.code, Some(1));
    let url = format!("http://127.0.0.1:{}/v3", gateway.port);
    let failed = run(&mut html_cloud(&scratch, &url), &["token", "issue"]);
    assert_eq!(
        failed.stderr,
        format!("{}Bad Gateway (HTTP 502)\n", discovery(&url))
    );
    assert_eq!(failed.code, Some(1));
    assert!(scratch.entries().is_empty());
}

#[test]
fn insecure_https_warns_nothing_and_verified_https_fails() {
    let test = "insecure_https_warns_nothing_and_verified_https_fails";
    let Some(server) = HtmlServer::start(test, 200, true) else {
        return;
    };
    let scratch = Scratch::new("insecure");
    let url = format!("https://127.0.0.1:{}/v3", server.port);
    let discovery = format!(
        "Failed to discover available identity versions when contacting {url}. Attempting to parse version from URL.\n"
    );
    // openstacksdk silences urllib3's InsecureRequestWarning when verification is off: not even -v shows it.
    let failed = run(
        &mut html_cloud(&scratch, &url),
        &["--insecure", "-v", "token", "issue"],
    );
    assert_eq!(
        failed.stderr,
        format!("{discovery}Invalid response from server.\n")
    );
    assert_eq!(failed.code, Some(1));
    let failed = run(&mut html_cloud(&scratch, &url), &["token", "issue"]);
    assert_eq!(
        failed.stderr,
        format!(
            "{discovery}SSL exception connecting to {url}/auth/tokens: HTTPSConnectionPool(host='127.0.0.1', port={}): \
             Max retries exceeded with url: /v3/auth/tokens (Caused by SSLError(SSLCertVerificationError(1, \
             '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate \
             (_ssl.c:1006)')))\n",
            server.port
        )
    );
    assert_eq!(failed.code, Some(1));
}

/// Dynamic completion (docs/extensions.md): names that `list` printed come back at <TAB> from the private name
/// cache, with no request; a deleted name is forgotten; `OSC_RS_NAME_CACHE=0` keeps nothing.
#[test]
fn completion_offers_names_a_list_printed_without_asking_the_cloud() {
    let Some(cloud) = devcloud("completion_offers_names_a_list_printed_without_asking_the_cloud")
    else {
        return;
    };
    let scratch = Scratch::new("names");
    let complete = |cword: &str, words: &[&str]| -> Vec<String> {
        let out = cloud
            .openstack(&scratch)
            .env("_OSC_RS_COMPLETE", cword)
            .args(words)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect()
    };
    // Nothing listed yet: nothing offered.
    assert!(complete("2", &["project", "show", "ad"]).is_empty());
    ok(&mut cloud.openstack(&scratch), &["project", "list"]);
    assert_eq!(complete("2", &["project", "show", "ad"]), ["admin"]);
    // An option's value and a second positional are found as well; the command words and options too.
    assert_eq!(
        complete("3", &["role", "add", "--project", "adm"]),
        ["admin"]
    );
    assert_eq!(complete("1", &["project", "sh"]), ["show"]);
    assert_eq!(
        complete("2", &["project", "delete", "--par"]),
        ["--parallel"]
    );
    let names = scratch.root.join("cache/openstack-rs/names");
    assert_eq!(mode(&names), 0o700);
    for entry in fs::read_dir(&names).expect("the names directory").flatten() {
        assert_eq!(mode(&entry.path()), 0o600);
    }
    // What `create` printed is offered at once, and a delete forgets what it was given.
    let name = format!("names-{}", std::process::id());
    ok(
        &mut cloud.openstack(&scratch),
        &["project", "create", &name],
    );
    assert_eq!(
        complete("2", &["project", "show", &name]),
        vec![name.clone()]
    );
    ok(
        &mut cloud.openstack(&scratch),
        &["project", "delete", &name],
    );
    assert!(complete("2", &["project", "show", &name]).is_empty());
    // With the cache off, a list records nothing.
    let off = Scratch::new("names-off");
    ok(
        cloud.openstack(&off).env("OSC_RS_NAME_CACHE", "0"),
        &["project", "list"],
    );
    assert!(!off.root.join("cache/openstack-rs/names").exists());
}

/// A cached token keeps the catalog of the time it was issued: a service registered since is missing from it.
/// OSC logs in on every run and finds the service; ours logs in again once when the cached catalog lacks it.
#[test]
fn a_service_missing_from_the_cached_catalog_is_found_after_a_new_login() {
    let Some(cloud) =
        devcloud("a_service_missing_from_the_cached_catalog_is_found_after_a_new_login")
    else {
        return;
    };
    let scratch = Scratch::new("stale-catalog");
    ok(&mut cloud.openstack(&scratch), &["token", "issue"]);
    let (path, mut entry) = scratch.only_entry();
    let catalog = entry
        .pointer_mut("/auth/body/token/catalog")
        .and_then(Json::as_array_mut)
        .expect("the cached token has a catalog");
    catalog.retain(|service| service["type"] != "workflowv2");
    fs::write(&path, entry.to_string()).expect("write the entry back");
    let listed = ok(
        &mut cloud.openstack(&scratch),
        &["--debug", "workflow", "list"],
    );
    assert!(
        listed
            .stderr
            .contains("No workflowv2 endpoint in the cached token's catalog"),
        "{listed:?}"
    );
    // The new token, with the whole catalog, replaced the entry.
    let (_, entry) = scratch.only_entry();
    let types: Vec<&str> = entry
        .pointer("/auth/body/token/catalog")
        .and_then(Json::as_array)
        .map(|c| c.iter().filter_map(|s| s["type"].as_str()).collect())
        .unwrap_or_default();
    assert!(types.contains(&"workflowv2"), "{types:?}");
}
