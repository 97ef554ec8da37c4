//! The real `openstack` binary with the Python bridge (`OSC_PYTHON_PLUGINS`).
//!
//! Without a cloud: a stand-in interpreter (a shell script that answers the bridge's protocol and records how it
//! was run) proves the manifest cache (listing starts no Python once cached; installing a distribution asks
//! again), the words handed over unparsed, `help` without a token, secrets kept out of Python's argv and
//! environment, and the warning when a built-in API wins.
//!
//! With the devcloud (`eval "$(scripts/devcloud env)"`) and the bridge's venv (`plugins/python-bridge/setup-venv`,
//! part of `scripts/devcloud install`): one login (no `POST /v3/auth/tokens` from the Python side when our
//! token cache holds a token), and python-mistralclient's workflow compat cases through the bridge with our
//! native Mistral plugin left out of the build. osc-placement's cases are compat cases (`src/placement.cases`).
//!
//! The two `openstack` builds (default, and `--no-default-features`, without Mistral) are made in
//! `<target>/plugin-tests`, as the external-plugin tests make theirs, so the workspace's binary is untouched.

#[path = "../../../tests/plugins/build.rs"]
mod build;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The default build (Mistral linked in).
fn openstack() -> &'static Path {
    static BUILD: OnceLock<PathBuf> = OnceLock::new();
    BUILD.get_or_init(|| build::openstack(&[], "openstack-bridge-default"))
}

/// The build without the native Mistral plugin.
fn openstack_without_mistral() -> &'static Path {
    static BUILD: OnceLock<PathBuf> = OnceLock::new();
    BUILD.get_or_init(|| build::openstack(&["--no-default-features"], "openstack-bridge-nomistral"))
}

/// The stand-in interpreter: answers `-c <script> --osc-plugin-manifest` with `manifest.json` and a run with a
/// text output, and logs each start (mode, argument count, the environment, the request) under `log/`.
const FAKE_PYTHON: &str = r#"#!/bin/sh
here=$(dirname "$0")/..
[ "$1" = "-c" ] || exit 9
n=$(ls "$here/log" | grep -c '[.]args$')
env > "$here/log/$n.env"
printf '%s\n' "$#" "$3" > "$here/log/$n.args"
case "$3" in
--osc-plugin-manifest) cat "$here/manifest.json" ;;
--osc-plugin-run)
    cat <&"$OSC_PLUGIN_FD" > "$here/log/$n.request"
    printf '{"protocol": 1, "output": {"kind": "text", "text": "ran\\n"}}' ;;
esac
"#;

/// A change is trusted by the manifest cache only once it is old enough not to share a timestamp with a later one
/// (two seconds, docs/plugins.md): as the external-plugin tests, wait that long after making files.
fn let_timestamps_settle() {
    std::thread::sleep(std::time::Duration::from_millis(2100));
}

/// A private HOME, cache and venv with the stand-in interpreter; removed on drop.
struct Sandbox {
    root: PathBuf,
}

impl Sandbox {
    fn new(tag: &str) -> Self {
        let root = std::env::temp_dir().join(format!("osc-bridge-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for dir in ["home", "venv/bin", "venv/site", "venv/log"] {
            fs::create_dir_all(root.join(dir)).expect("mkdir");
        }
        let python = root.join("venv/bin/python");
        fs::write(&python, FAKE_PYTHON).expect("write");
        fs::set_permissions(&python, fs::Permissions::from_mode(0o755)).expect("chmod");
        let manifest = serde_json::json!({
            "protocol": 1,
            "watch": [root.join("venv/site")],
            "problems": ["plugin broken (brokenclient.plugin) of python-brokenclient: No module named 'x'"],
            "plugins": [{
                "protocol": 1,
                "api_name": "fake",
                "module": {"name": "fakeclient", "version": "1.2.3"},
                "dist": "python-fakeclient",
                "version_option": {"dest": "os_fake_api_version", "flag": "--os-fake-api-version",
                                   "metavar": "<fake-api-version>", "env": "OS_FAKE_API_VERSION",
                                   "help": "Fake API version", "option_default": "1"},
                "commands": {"1": [{"name": "fake hello", "description": "Say hello.", "auth_required": false,
                                    "entry_point": "fakeclient.v1:Hello",
                                    "option_strings": "-h --help --loud"}]},
                "entry_point": "fakeclient.plugin"
            }, {
                "protocol": 1,
                "api_name": "workflow_engine",
                "module": {"name": "mistralclient", "version": "6.3.0"},
                "dist": "python-mistralclient",
                "version_option": {"dest": "os_workflow_api_version", "flag": "--os-workflow-api-version",
                                   "option_default": "2"},
                "commands": {"2": [{"name": "workflow list", "entry_point": "mistralclient.x:List"}]},
                "entry_point": "mistralclient.osc.plugin"
            }]
        });
        fs::write(root.join("venv/manifest.json"), manifest.to_string()).expect("write");
        let_timestamps_settle();
        Sandbox { root }
    }

    fn python(&self) -> PathBuf {
        self.root.join("venv/bin/python")
    }

    /// Runs `openstack` with the bridge on the stand-in venv and a private cache.
    fn run(&self, openstack: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = Command::new(openstack);
        command
            .args(args)
            .env_clear()
            .env("HOME", self.root.join("home"))
            .env("PATH", "/usr/bin:/bin")
            .env("COLUMNS", "80")
            .env("OSC_PYTHON_PLUGINS", self.root.join("venv"));
        for (name, value) in env {
            command.env(name, value);
        }
        command.output().expect("openstack runs")
    }

    /// How many times the stand-in was started, and in which modes.
    fn starts(&self) -> Vec<String> {
        let mut starts = Vec::new();
        for n in 0.. {
            match fs::read_to_string(self.root.join(format!("venv/log/{n}.args"))) {
                Ok(text) => starts.push(text.lines().nth(1).unwrap_or_default().to_owned()),
                Err(_) => break,
            }
        }
        starts
    }

    fn request(&self, n: usize) -> serde_json::Value {
        let text =
            fs::read_to_string(self.root.join(format!("venv/log/{n}.request"))).expect("request");
        serde_json::from_str(&text).expect("JSON request")
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_manifest_is_cached_and_listing_starts_no_python() {
    let sandbox = Sandbox::new("cache");
    let python = sandbox.python();
    let first = sandbox.run(openstack(), &["command", "list", "--group", "fake"], &[]);
    let table = "\
+-------------------+------------+
| Command Group     | Commands   |
+-------------------+------------+
| openstack.fake.v1 | fake hello |
+-------------------+------------+
";
    assert_eq!(stdout(&first), table);
    assert_eq!(
        stderr(&first),
        format!(
            "Python plugins of {p}: skipping plugin broken (brokenclient.plugin) of python-brokenclient: No module \
             named 'x'\nPlugin {p} (mistralclient.osc.plugin) provides the workflow_engine API, which is built in: \
             the built-in commands are used\n",
            p = python.display()
        )
    );
    assert_eq!(sandbox.starts(), ["--osc-plugin-manifest"]);
    // Cached: listing, help listings and completion start no Python, and the known problems are only notes.
    for args in [
        &["command", "list", "--group", "fake"][..],
        &["--help"],
        &["complete"],
        &["module", "list"],
    ] {
        let output = sandbox.run(openstack(), args, &[]);
        assert_eq!(stderr(&output), "", "{args:?}");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
    let listed = sandbox.run(openstack(), &["command", "list", "--group", "fake"], &[]);
    assert_eq!(stdout(&listed), table);
    let help = stdout(&sandbox.run(openstack(), &["--help"], &[]));
    assert!(
        help.contains("  fake hello     Say hello (python-fakeclient)\n"),
        "{help}"
    );
    assert!(
        help.contains("--os-fake-api-version <fake-api-version>"),
        "{help}"
    );
    let completion = stdout(&sandbox.run(openstack(), &["complete"], &[]));
    assert!(
        completion.contains("  cmds_fake_hello='-h --help --loud'\n"),
        "{completion}"
    );
    assert_eq!(sandbox.starts(), ["--osc-plugin-manifest"]);
    // A distribution installed into a watched directory: asked again, once.
    fs::create_dir(sandbox.root.join("venv/site/newclient-1.0.dist-info")).expect("mkdir");
    let_timestamps_settle();
    sandbox.run(openstack(), &["command", "list"], &[]);
    sandbox.run(openstack(), &["command", "list"], &[]);
    assert_eq!(
        sandbox.starts(),
        ["--osc-plugin-manifest", "--osc-plugin-manifest"]
    );
}

#[test]
fn commands_get_the_words_as_typed_and_their_own_help() {
    let sandbox = Sandbox::new("run");
    let ran = sandbox.run(
        openstack(),
        &["fake", "hello", "--loud", "x y", "-f", "json", "--bogus"],
        &[
            ("OS_PASSWORD", "pw-not-for-python"),
            ("OS_TOKEN", "token-not-for-python"),
        ],
    );
    assert_eq!(stdout(&ran), "ran\n");
    assert_eq!(ran.status.code(), Some(0));
    let request = sandbox.request(1);
    assert_eq!(
        request["bridge"],
        serde_json::json!({
            "argv": ["--loud", "x y", "-f", "json", "--bogus"],
            "prog": "openstack fake hello",
            "entry_point": "fakeclient.v1:Hello",
            "plugin_module": "fakeclient.plugin",
            "columns": 80,
            "terminal_width": null
        })
    );
    assert_eq!(request["command"], "fake hello");
    // Secrets never reach the interpreter's argv or environment.
    let env = fs::read_to_string(sandbox.root.join("venv/log/1.env")).expect("env");
    assert!(!env.contains("not-for-python"), "{env}");
    assert!(
        !env.contains("OS_PASSWORD") && !env.contains("OS_TOKEN"),
        "{env}"
    );
    let args = fs::read_to_string(sandbox.root.join("venv/log/1.args")).expect("args");
    assert_eq!(args, "3\n--osc-plugin-run\n");

    // `help <command>`: the command's own parser prints the help, no token is sent.
    let help = sandbox.run(openstack(), &["help", "fake", "hello"], &[]);
    assert_eq!(stdout(&help), "ran\n");
    let request = sandbox.request(2);
    assert_eq!(request["bridge"]["argv"], serde_json::json!(["--help"]));
    assert_eq!(request["session"]["token"], serde_json::Value::Null);
    assert_eq!(sandbox.starts().len(), 3);
}

#[test]
fn no_environment_named_no_python_and_no_cache() {
    let sandbox = Sandbox::new("off");
    let mut command = Command::new(openstack());
    let output = command
        .args(["command", "list", "--group", "fake"])
        .env_clear()
        .env("HOME", sandbox.root.join("home"))
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("runs");
    // No such group: the empty listing.
    assert_eq!(stdout(&output), "\n");
    assert!(sandbox.starts().is_empty());
    assert!(!sandbox
        .root
        .join("home/.cache/openstack-rs/python-plugins.json")
        .exists());
    let missing = sandbox.run(
        openstack(),
        &["command", "list", "--group", "fake"],
        &[("OSC_PYTHON_PLUGINS", "/nonexistent/venv")],
    );
    assert_eq!(
        stderr(&missing),
        "Skipping Python plugins: OSC_PYTHON_PLUGINS=/nonexistent/venv: No such file or directory (os error 2)\n"
    );
}

/// The devcloud's client settings and the bridge's venv, when both are there. Without them a cloud test is
/// skipped, unless `OSC_RS_REQUIRE_CLOUD=1` (scripts/test, CI) makes that a failure.
fn cloud() -> Option<(Vec<(String, String)>, PathBuf)> {
    let vars: Vec<(String, String)> = ["OS_CLIENT_CONFIG_FILE", "OS_CLOUD"]
        .into_iter()
        .filter_map(|name| {
            std::env::var(name)
                .ok()
                .map(|value| (name.to_owned(), value))
        })
        .collect();
    let cache = std::env::var_os("OSC_RS_CACHE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/openstack-rs"))
        });
    let venv = cache.map(|cache| cache.join("venv-bridge"));
    match venv {
        Some(venv) if vars.len() == 2 && venv.join("bin/openstack").exists() => Some((vars, venv)),
        _ => {
            assert_ne!(
                std::env::var("OSC_RS_REQUIRE_CLOUD").as_deref(),
                Ok("1"),
                "OSC_RS_REQUIRE_CLOUD=1 but the devcloud settings or the bridge's venv are missing \
                 (eval \"$(scripts/devcloud env)\"; scripts/devcloud install)"
            );
            println!("skipped: no devcloud or no venv-bridge");
            None
        }
    }
}

#[test]
fn one_login_the_python_side_uses_our_token() {
    let Some((vars, venv)) = cloud() else {
        return;
    };
    let run = |args: &[&str]| {
        Command::new(openstack())
            .args(args)
            .envs(vars.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("OSC_PYTHON_PLUGINS", &venv)
            .output()
            .expect("runs")
    };
    // Fills our token cache (and the bridge's manifest cache).
    let token = run(&["token", "issue", "-f", "value", "-c", "id"]);
    assert_eq!(token.status.code(), Some(0), "{}", stderr(&token));
    let token = stdout(&token).trim().to_owned();
    let listed = run(&[
        "--debug", "resource", "class", "list", "-f", "value", "-c", "name",
    ]);
    assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
    assert!(stdout(&listed).lines().any(|line| line == "VCPU"));
    let debug = stderr(&listed);
    assert!(debug.contains("GET /resource_classes"), "{debug}");
    assert!(
        !debug
            .lines()
            .any(|line| line.contains("POST") && line.contains("/auth/tokens")),
        "{debug}"
    );
    // The token itself is never logged, only keystoneauth's hash of it.
    assert!(!debug.contains(&token));
}

#[test]
fn mistral_workflow_cases_pass_through_the_bridge_without_the_native_plugin() {
    let Some((vars, venv)) = cloud() else {
        return;
    };
    let ours = openstack_without_mistral();
    // The bridge brings python-mistralclient's commands in; nothing is shadowed in this build.
    let listed = Command::new(ours)
        .args(["command", "list", "--group", "workflow_engine"])
        .envs(vars.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("OSC_PYTHON_PLUGINS", &venv)
        .output()
        .expect("runs");
    assert!(
        stdout(&listed).contains("| openstack.workflow_engine.v2 |"),
        "{}",
        stdout(&listed)
    );
    let compat = Command::new(workspace().join("scripts/compat"))
        .arg(workspace().join("plugins/mistral/src/commands/workflow.cases"))
        .envs(vars.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("OPENSTACK_RS", ours)
        .env("OSC_PYTHON_PLUGINS", &venv)
        .output()
        .expect("compat runs");
    assert_eq!(
        compat.status.code(),
        Some(0),
        "{}{}",
        stdout(&compat),
        stderr(&compat)
    );
}
