//! The real `openstack` binary with external plugins: runit in both shipping modes, the Python example, plugins
//! that misbehave, and proof that listing, help and completion start no plugin.
//!
//! Two `openstack` builds are needed, without and with `--features runit` (`build.rs`: in their own target
//! directory, the workspace's `target/debug/openstack` untouched).

#[path = "build.rs"]
mod build;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Duration;

/// The two `openstack` builds.
struct Builds {
    plain: PathBuf,
    linked: PathBuf,
}

fn builds() -> &'static Builds {
    static BUILDS: OnceLock<Builds> = OnceLock::new();
    BUILDS.get_or_init(|| Builds {
        plain: build::openstack(&[], "openstack-plain"),
        linked: build::openstack(&["--features", "runit"], "openstack-linked"),
    })
}

/// A private HOME, plugin directory, cache and PATH; removed on drop.
struct Sandbox {
    root: PathBuf,
}

impl Sandbox {
    fn new(tag: &str) -> Self {
        let root =
            std::env::temp_dir().join(format!("osc-plugin-bin-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for dir in ["bin", "tools", "home"] {
            fs::create_dir_all(root.join(dir)).expect("mkdir");
        }
        let sandbox = Sandbox { root };
        // The Python example's `#!/usr/bin/env python3` must find an interpreter on the private PATH.
        if let Some(python) = real_python() {
            let _ = std::os::unix::fs::symlink(python, sandbox.root.join("tools/python3"));
        }
        // And the Node.js example's `#!/usr/bin/env node`.
        if let Some(node) = real_node() {
            let _ = std::os::unix::fs::symlink(node, sandbox.root.join("tools/node"));
        }
        sandbox
    }

    fn bin(&self) -> PathBuf {
        self.root.join("bin")
    }

    fn marker(&self, name: &str) -> PathBuf {
        self.root.join(format!("{name}.marker"))
    }

    fn starts(&self, name: &str) -> Vec<String> {
        fs::read_to_string(self.marker(name))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// `openstack <args>` with only this sandbox in its environment.
    fn run(&self, openstack: &Path, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
        let path = format!(
            "{}:{}:/usr/bin:/bin",
            self.bin().display(),
            self.root.join("tools").display()
        );
        Command::new(openstack)
            .args(args)
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.root.join("home"))
            .env("XDG_CACHE_HOME", self.root.join("cache"))
            .env("XDG_DATA_HOME", self.root.join("data"))
            .envs(extra_env.iter().copied())
            .output()
            .expect("openstack runs")
    }

    fn install(&self, name: &str, text: &[u8]) -> PathBuf {
        let path = self.bin().join(name);
        let temporary = self.root.join(format!("{name}.tmp"));
        fs::write(&temporary, text).expect("write");
        fs::set_permissions(&temporary, fs::Permissions::from_mode(0o755)).expect("chmod");
        fs::rename(&temporary, &path).expect("install");
        path
    }

    /// `cargo install --path plugins/runit`, in effect.
    fn install_runit(&self) -> PathBuf {
        let built = fs::read(env!("CARGO_BIN_EXE_openstack-runit")).expect("openstack-runit");
        self.install("openstack-runit", &built)
    }

    /// A shell-script plugin with one plain command `<name> do` that answers `did <name>`.
    fn script_plugin(&self, name: &str, run: &str) -> PathBuf {
        let manifest = format!(
            r#"{{"protocol": 1, "api_name": "{name}", "module": {{"name": "{name}", "version": "2.0"}},
"version_option": {{"dest": "os_{name}_api_version"}}, "default_version": "1",
"commands": {{"1": [{{"name": "{name} do", "description": "Do it", "auth_required": false}}]}}}}"#
        );
        let script = format!(
            "#!/bin/sh\necho \"$1\" >> '{marker}'\ncase \"$1\" in\n--osc-plugin-manifest) cat <<'JSON'\n{manifest}\nJSON\n;;\n--osc-plugin-run)\n{run}\n;;\nesac\n",
            marker = self.marker(name).display()
        );
        self.install(&format!("openstack-{name}"), script.as_bytes())
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// The interpreter `python3` names in this environment, resolved (pyenv shims need pyenv's own setup).
fn real_python() -> Option<PathBuf> {
    let output = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    Some(PathBuf::from(text.trim()))
}

/// The `node` of this environment (Debian's `nodejs` package; scripts/test installs it when missing).
fn real_node() -> Option<PathBuf> {
    let output = Command::new("node")
        .args(["-e", "process.stdout.write(process.execPath)"])
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| PathBuf::from(String::from_utf8_lossy(&output.stdout).into_owned()))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const ANSWER: &str = r#"eval "cat <&$OSC_PLUGIN_FD" > /dev/null
printf '%s\n' '{"protocol": 1, "output": {"kind": "text", "text": "did it\n"}}'"#;

#[test]
fn runit_installed_as_an_executable() {
    let sandbox = Sandbox::new("installed");
    sandbox.install_runit();
    let openstack = &builds().plain;
    let output = sandbox.run(openstack, &["runit", "echo"], &[]);
    assert_eq!(stdout(&output), "Hello, World!\n");
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let output = sandbox.run(openstack, &["run", "ec", "-m", "hi"], &[]);
    assert_eq!(stdout(&output), "hi\n");
    let output = sandbox.run(openstack, &["command", "list", "--group", "runit"], &[]);
    assert_eq!(
        stdout(&output),
        "+--------------------+------------+\n\
         | Command Group      | Commands   |\n\
         +--------------------+------------+\n\
         | openstack.runit.v1 | runit echo |\n\
         +--------------------+------------+\n"
    );
}

#[test]
fn runit_linked_into_openstack() {
    let sandbox = Sandbox::new("linked");
    let openstack = &builds().linked;
    let output = sandbox.run(openstack, &["runit", "echo"], &[]);
    assert_eq!(stdout(&output), "Hello, World!\n");
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let output = sandbox.run(
        openstack,
        &["runit", "echo", "--help"],
        &[("COLUMNS", "80")],
    );
    assert_eq!(
        stdout(&output),
        "usage: openstack runit echo [-h] [-m MESSAGE]\n\n\
         options:\n  \
           -h, --help            show this help message and exit\n  \
           -m MESSAGE, --message MESSAGE\n                        \
                                 Echo message.\n\n\
         This command is provided by the runit plugin.\n"
    );
}

#[test]
fn both_modes_give_the_same_help() {
    let sandbox = Sandbox::new("samehelp");
    sandbox.install_runit();
    let installed = sandbox.run(
        &builds().plain,
        &["help", "runit", "echo"],
        &[("COLUMNS", "80")],
    );
    let empty = Sandbox::new("samehelp-linked");
    let linked = empty.run(
        &builds().linked,
        &["help", "runit", "echo"],
        &[("COLUMNS", "80")],
    );
    assert_eq!(stdout(&installed), stdout(&linked));
    assert!(stdout(&linked).starts_with("usage: openstack runit echo [-h] [-m MESSAGE]\n"));
    // cliff's epilog names the distribution, from the manifest's `dist` for the executable.
    assert!(stdout(&linked).ends_with("\n\nThis command is provided by the runit plugin.\n"));
}

#[test]
fn a_built_in_command_wins_over_an_installed_plugin() {
    let sandbox = Sandbox::new("shadow");
    let installed = sandbox.install_runit();
    let output = sandbox.run(&builds().linked, &["runit", "echo", "-m", "built in"], &[]);
    assert_eq!(stdout(&output), "built in\n");
    assert_eq!(
        stderr(&output),
        format!(
            "Plugin {} provides the runit API, which is built in: the built-in commands are used\n",
            installed.display()
        )
    );
}

#[test]
fn listing_help_and_completion_start_no_plugin() {
    let sandbox = Sandbox::new("nospawn");
    for name in ["alpha", "beta", "gamma"] {
        sandbox.script_plugin(name, ANSWER);
    }
    // Let the new files' timestamps age past the cache's racy window, then fill the cache once.
    std::thread::sleep(Duration::from_millis(2100));
    let openstack = &builds().plain;
    let listed = sandbox.run(openstack, &["command", "list", "-f", "value"], &[]);
    let text = stdout(&listed);
    let plugin_groups: Vec<&str> = text
        .lines()
        .filter(|line| ["alpha", "beta", "gamma"].iter().any(|p| line.contains(p)))
        .collect();
    assert_eq!(
        plugin_groups,
        [
            "openstack.alpha.v1 ['alpha do']",
            "openstack.beta.v1 ['beta do']",
            "openstack.gamma.v1 ['gamma do']"
        ]
    );
    for name in ["alpha", "beta", "gamma"] {
        assert_eq!(sandbox.starts(name), ["--osc-plugin-manifest"]);
    }
    let listings: &[&[&str]] = &[
        &["command", "list"],
        &["module", "list"],
        &["--help"],
        &["help"],
        &["help", "alpha", "do"],
        &["alpha", "do", "--help"],
        &["complete"],
        &["alpah"],
        &["beta", "do", "--no-such-option"],
    ];
    for args in listings {
        let output = sandbox.run(openstack, args, &[]);
        assert!(!stderr(&output).contains("Skipping"), "{args:?}");
    }
    for name in ["alpha", "beta", "gamma"] {
        assert_eq!(sandbox.starts(name), ["--osc-plugin-manifest"], "{name}");
    }
    let output = sandbox.run(openstack, &["alpha", "do"], &[]);
    assert_eq!(stdout(&output), "did it\n");
    assert_eq!(
        sandbox.starts("alpha"),
        ["--osc-plugin-manifest", "--osc-plugin-run"]
    );
    assert_eq!(sandbox.starts("beta"), ["--osc-plugin-manifest"]);
}

/// `<api> greet` of an example plugin, as JSON and as a table.
fn assert_greets(sandbox: &Sandbox, api: &str, language: &str) {
    let output = sandbox.run(
        &builds().plain,
        &[api, "greet", "--name", "Ada", "-f", "json"],
        &[],
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(
        stdout(&output),
        format!("{{\n  \"greeting\": \"Hello, Ada!\",\n  \"language\": \"{language}\"\n}}\n")
    );
    let output = sandbox.run(&builds().plain, &[api, "greet", "-c", "greeting"], &[]);
    assert_eq!(
        stdout(&output),
        "+----------+---------------+\n\
         | Field    | Value         |\n\
         +----------+---------------+\n\
         | greeting | Hello, World! |\n\
         +----------+---------------+\n"
    );
}

#[test]
fn the_python_example() {
    let sandbox = Sandbox::new("python");
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/plugins/openstack-pyhello");
    sandbox.install("openstack-pyhello", &fs::read(source).expect("pyhello"));
    assert_greets(&sandbox, "pyhello", "Python");
}

#[test]
fn misbehaving_plugins_fail_alone_with_one_line_naming_them() {
    let sandbox = Sandbox::new("misbehave");
    let crash = sandbox.script_plugin("crash", "kill -SEGV $$");
    let hang = sandbox.script_plugin("hang", "exec sleep 60");
    let broken = sandbox.install("openstack-broken", b"#!/bin/sh\necho 'not a manifest'\n");
    sandbox.script_plugin("good", ANSWER);
    let openstack = &builds().plain;
    let skipped = format!(
        "Skipping plugin {}: --osc-plugin-manifest printed an invalid manifest (expected ident at line 1 column 2)\n",
        broken.display()
    );

    let output = sandbox.run(openstack, &["crash", "do"], &[]);
    assert_eq!(
        stderr(&output),
        format!(
            "{skipped}Plugin {} was killed by signal 11 (SIGSEGV)\n",
            crash.display()
        )
    );
    assert_eq!(output.status.code(), Some(1));

    let output = sandbox.run(openstack, &["hang", "do"], &[("OSC_PLUGIN_TIMEOUT", "0.5")]);
    assert_eq!(
        stderr(&output),
        format!(
            "{skipped}Plugin {} did not answer within 0.5 seconds\n",
            hang.display()
        )
    );
    assert_eq!(output.status.code(), Some(1));

    let output = sandbox.run(openstack, &["good", "do"], &[]);
    assert_eq!(stdout(&output), "did it\n");
    assert_eq!(stderr(&output), skipped);
    assert_eq!(output.status.code(), Some(0));
}

/// The devcloud's client settings (`scripts/devcloud env`), when the environment has them. Without them a cloud
/// test is skipped, unless `OSC_RS_REQUIRE_CLOUD=1` (scripts/test, CI) makes that a failure.
fn cloud_env() -> Option<Vec<(&'static str, String)>> {
    let vars: Vec<(&'static str, String)> = ["OS_CLIENT_CONFIG_FILE", "OS_CLOUD"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok().map(|value| (name, value)))
        .collect();
    if vars.len() == 2 {
        return Some(vars);
    }
    assert_ne!(
        std::env::var("OSC_RS_REQUIRE_CLOUD").as_deref(),
        Ok("1"),
        "OSC_RS_REQUIRE_CLOUD=1 but OS_CLIENT_CONFIG_FILE/OS_CLOUD are unset (eval \"$(scripts/devcloud env)\")"
    );
    println!("skipped: no devcloud in the environment");
    None
}

fn with_cloud<'a>(vars: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    vars.iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect()
}

/// `<api> whoami -f json` of an example plugin against the devcloud, which must succeed silently.
fn whoami(sandbox: &Sandbox, api: &str, cloud: &[(&'static str, String)]) -> serde_json::Value {
    let output = sandbox.run(
        &builds().plain,
        &[api, "whoami", "-f", "json"],
        &with_cloud(cloud),
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    serde_json::from_slice(&output.stdout).expect("json")
}

#[test]
fn a_plugin_calls_the_cloud_with_the_token_it_was_given() {
    let Some(cloud) = cloud_env() else { return };
    let sandbox = Sandbox::new("whoami");
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/plugins/openstack-pyhello");
    sandbox.install("openstack-pyhello", &fs::read(source).expect("pyhello"));
    let shown = whoami(&sandbox, "pyhello", &cloud);
    assert!(
        shown["user"].as_str().is_some_and(|u| !u.is_empty()),
        "{shown}"
    );
    assert!(
        shown["projects"].as_array().is_some_and(|p| !p.is_empty()),
        "{shown}"
    );
}

/// The manifest of a plugin `<api>` with one plain command, `<api> do`.
fn one_command_manifest(api: &str, auth_required: bool) -> String {
    format!(
        r#"{{"protocol": 1, "api_name": "{api}", "module": {{"name": "{api}", "version": "1"}},
"version_option": {{"dest": "os_{api}_api_version"}}, "default_version": "1",
"commands": {{"1": [{{"name": "{api} do", "auth_required": {auth_required}}}]}}}}"#
    )
}

#[test]
fn the_token_is_absent_from_the_plugins_arguments_and_environment() {
    let Some(cloud) = cloud_env() else { return };
    let sandbox = Sandbox::new("spy");
    let dump = sandbox.root.display().to_string();
    let manifest = one_command_manifest("spy", true);
    let script = format!(
        "#!/bin/sh\ncase \"$1\" in\n--osc-plugin-manifest) cat <<'JSON'\n{manifest}\nJSON\n;;\n--osc-plugin-run)\n\
         cat /proc/$$/cmdline > '{dump}/cmdline'\ncat /proc/$$/environ > '{dump}/environ'\n\
         eval \"cat <&$OSC_PLUGIN_FD\" > '{dump}/request'\n\
         printf '%s\\n' '{{\"protocol\": 1, \"output\": {{\"kind\": \"exit\", \"code\": 0}}}}'\n;;\nesac\n"
    );
    sandbox.install("openstack-spy", script.as_bytes());
    let output = sandbox.run(&builds().plain, &["spy", "do"], &with_cloud(&cloud));
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let read = |name: &str| fs::read(sandbox.root.join(name)).expect("dumped");
    let request: serde_json::Value = serde_json::from_slice(&read("request")).expect("request");
    let token = request["session"]["token"]["id"]
        .as_str()
        .expect("a token was sent")
        .to_owned();
    assert!(token.len() > 16, "{token}");
    let holds_token = |bytes: &[u8]| bytes.windows(token.len()).any(|w| w == token.as_bytes());
    assert!(!holds_token(&read("cmdline")));
    assert!(!holds_token(&read("environ")));
    assert!(request["session"]["token"]["body"]["token"]["catalog"].is_array());
}

#[test]
fn secrets_stay_out_of_the_plugins_environment() {
    let sandbox = Sandbox::new("secretenv");
    let dump = sandbox.root.display().to_string();
    let manifest = one_command_manifest("envy", false);
    // Both modes dump their environment: the manifest is asked for during the same run.
    let script = format!(
        "#!/bin/sh\ntr '\\0' '\\n' < /proc/$$/environ | grep '^OS_' | sort > '{dump}'/env\"$1\"\n\
         case \"$1\" in\n--osc-plugin-manifest) cat <<'JSON'\n{manifest}\nJSON\n;;\n--osc-plugin-run)\n\
         eval \"cat <&$OSC_PLUGIN_FD\" > /dev/null\n\
         printf '%s\\n' '{{\"protocol\": 1, \"output\": {{\"kind\": \"exit\", \"code\": 0}}}}'\n;;\nesac\n"
    );
    sandbox.install("openstack-envy", script.as_bytes());
    let secrets = [
        ("OS_PASSWORD", "hunter2"),
        ("OS_TOKEN", "tok-secret"),
        ("OS_AUTH_TOKEN", "tok-secret-2"),
        ("OS_APPLICATION_CREDENTIAL_SECRET", "ac-secret"),
        ("OS_CLIENT_SECRET", "oidc-secret"),
        ("OS_PASSCODE", "123456"),
    ];
    let mut env = vec![
        ("OS_AUTH_TYPE", "none"),
        ("OS_ENDPOINT", "http://127.0.0.1:9/"),
        ("OS_REGION_NAME", "RegionTwo"),
        ("OS_USERNAME", "demo"),
    ];
    env.extend(secrets);
    let output = sandbox.run(&builds().plain, &["envy", "do"], &env);
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let expected = "OS_AUTH_TYPE=none\nOS_ENDPOINT=http://127.0.0.1:9/\nOS_REGION_NAME=RegionTwo\nOS_USERNAME=demo\n";
    for mode in ["--osc-plugin-manifest", "--osc-plugin-run"] {
        let listing: Vec<_> = fs::read_dir(&sandbox.root)
            .expect("sandbox")
            .filter_map(Result::ok)
            .map(|entry| entry.file_name())
            .collect();
        let seen = fs::read_to_string(sandbox.root.join(format!("env{mode}")))
            .unwrap_or_else(|err| panic!("{mode} dumped nothing ({err}): {listing:?}"));
        assert_eq!(seen, expected, "{mode}");
    }
}

/// How a signal reaches a running plugin command in [`interrupt`].
#[derive(Clone, Copy, Debug)]
enum Interruption {
    /// Ctrl-C: SIGINT to the whole process group.
    CtrlC,
    /// SIGINT to the plugin alone.
    PluginInt,
    /// SIGTERM to `openstack` alone (a service manager, `timeout`).
    HostTerm,
    /// SIGKILL to `openstack` alone: no handler runs.
    HostKill,
}

/// Whether process `pid` still runs (a zombie has ended).
fn alive(pid: &str) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next())
            != Some("Z")
    })
}

/// Runs a plugin command that sleeps, delivers `how` once the plugin runs, and returns `openstack`'s status, its
/// stderr and the plugin's pid.
fn interrupt(how: Interruption) -> (std::process::ExitStatus, String, String) {
    use std::os::unix::process::CommandExt;
    let sandbox = Sandbox::new(&format!("signal-{how:?}"));
    let pid_file = sandbox.root.join("plugin.pid");
    let run = format!(
        "echo $$ > '{pid}.tmp'; mv '{pid}.tmp' '{pid}'; exec sleep 60",
        pid = pid_file.display()
    );
    sandbox.script_plugin("nap", &run);
    let err_file = sandbox.root.join("stderr");
    let path = format!("{}:/usr/bin:/bin", sandbox.bin().display());
    let mut host = Command::new(&builds().plain)
        .args(["nap", "do"])
        .env_clear()
        .env("PATH", path)
        .env("HOME", sandbox.root.join("home"))
        .env("XDG_CACHE_HOME", sandbox.root.join("cache"))
        .stdout(std::process::Stdio::null())
        .stderr(fs::File::create(&err_file).expect("stderr file"))
        .process_group(0)
        .spawn()
        .expect("openstack runs");
    // Wait for the plugin to announce itself; the bound only turns a hang into a failure.
    let mut waited = Duration::ZERO;
    while !pid_file.exists() {
        assert!(waited < Duration::from_secs(60), "the plugin never started");
        std::thread::sleep(Duration::from_millis(20));
        waited += Duration::from_millis(20);
    }
    let plugin = fs::read_to_string(&pid_file)
        .expect("pid")
        .trim()
        .to_owned();
    let host_pid = host.id().to_string();
    let group = format!("-{host_pid}");
    let (signal, target) = match how {
        Interruption::CtrlC => ("-INT", group.as_str()),
        Interruption::PluginInt => ("-INT", plugin.as_str()),
        Interruption::HostTerm => ("-TERM", host_pid.as_str()),
        Interruption::HostKill => ("-KILL", host_pid.as_str()),
    };
    let sent = Command::new("kill")
        .args([signal, "--", target])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = host.wait().expect("openstack ends");
    let stderr = fs::read_to_string(&err_file).unwrap_or_default();
    (status, stderr, plugin)
}

#[test]
fn ctrl_c_during_a_plugin_command_exits_130() {
    use std::os::unix::process::ExitStatusExt;
    for how in [Interruption::CtrlC, Interruption::PluginInt] {
        let (status, stderr, plugin) = interrupt(how);
        assert_eq!(status.code(), Some(130), "{how:?}: {status:?}");
        assert_eq!(stderr, "", "{how:?}");
        assert_eq!(status.signal(), None);
        assert!(!alive(&plugin), "{how:?}: plugin {plugin} still runs");
    }
}

#[test]
fn a_plugin_does_not_outlive_its_host() {
    use std::os::unix::process::ExitStatusExt;
    // SIGTERM: `openstack` passes it on, waits for the plugin, then dies of it as it would alone.
    let (status, stderr, plugin) = interrupt(Interruption::HostTerm);
    assert_eq!(status.signal(), Some(15), "{status:?}");
    assert_eq!(stderr, "");
    assert!(
        !alive(&plugin),
        "plugin {plugin} outlived a SIGTERM of openstack"
    );
    // SIGKILL: nothing runs in `openstack`; the kernel's parent-death signal ends the plugin, a moment later.
    let (status, _, plugin) = interrupt(Interruption::HostKill);
    assert_eq!(status.signal(), Some(9), "{status:?}");
    let mut waited = Duration::ZERO;
    while alive(&plugin) {
        assert!(
            waited < Duration::from_secs(30),
            "plugin {plugin} outlived a SIGKILL of openstack"
        );
        std::thread::sleep(Duration::from_millis(20));
        waited += Duration::from_millis(20);
    }
}

#[test]
fn a_plugin_for_a_built_in_api_is_reported_once_per_cache_refresh() {
    let sandbox = Sandbox::new("builtinapi");
    let manifest = r#"{"protocol": 1, "api_name": "identity", "module": {"name": "ident", "version": "1"},
"version_option": {"dest": "os_identity_api_version"}, "default_version": "3",
"commands": {"3": [{"name": "identity extra", "auth_required": false}]}}"#;
    let script = format!("#!/bin/sh\ncat <<'JSON'\n{manifest}\nJSON\n");
    let path = sandbox.install("openstack-ident", script.as_bytes());
    // A file younger than two seconds is asked again on the next run (its timestamps could still change).
    std::thread::sleep(Duration::from_millis(2100));
    let warning = format!(
        "Plugin {} provides the identity API, which is built in: the built-in commands are used\n",
        path.display()
    );
    let first = sandbox.run(&builds().plain, &["module", "list", "-f", "value"], &[]);
    assert_eq!(stderr(&first), warning);
    let again = sandbox.run(&builds().plain, &["module", "list", "-f", "value"], &[]);
    assert_eq!(stderr(&again), "");
    assert_eq!(again.status.code(), Some(0));
    let verbose = sandbox.run(
        &builds().plain,
        &["-v", "module", "list", "-f", "value"],
        &[],
    );
    assert!(stderr(&verbose).contains(&warning), "{}", stderr(&verbose));
}

#[test]
fn a_manifest_without_default_version_is_reported() {
    let sandbox = Sandbox::new("nodefault");
    let manifest = r#"{"protocol": 1, "api_name": "nodef", "module": {"name": "nodef", "version": "1"},
"version_option": {"dest": "os_nodef_api_version", "env": "OS_NODEF_API_VERSION"},
"commands": {"1": [{"name": "nodef do", "auth_required": false}]}}"#;
    let script = format!("#!/bin/sh\ncat <<'JSON'\n{manifest}\nJSON\n");
    let path = sandbox.install("openstack-nodef", script.as_bytes());
    let output = sandbox.run(&builds().plain, &["module", "list", "-f", "value"], &[]);
    assert_eq!(
        stderr(&output),
        format!(
            "Plugin {} sent a manifest with commands for API versions 1 and no `default_version`; none for version \
             'None': choose one with OS_NODEF_API_VERSION or clouds.yaml `nodef_api_version`\n",
            path.display()
        )
    );
}

#[test]
fn answers_are_capped_by_osc_plugin_answer_limit() {
    let sandbox = Sandbox::new("answerlimit");
    let path = sandbox.script_plugin(
        "big",
        r#"eval "cat <&$OSC_PLUGIN_FD" > /dev/null
printf '%s\n' '{"protocol": 1, "output": {"kind": "text", "text": "0123456789012345678901234567890123456789\n"}}'"#,
    );
    let output = sandbox.run(
        &builds().plain,
        &["big", "do"],
        &[("OSC_PLUGIN_ANSWER_LIMIT", "60")],
    );
    assert_eq!(
        stderr(&output),
        format!(
            "Plugin {} sent an answer larger than 60 bytes (OSC_PLUGIN_ANSWER_LIMIT)\n",
            path.display()
        )
    );
    assert_eq!(output.status.code(), Some(1));
    let output = sandbox.run(
        &builds().plain,
        &["big", "do"],
        &[("OSC_PLUGIN_ANSWER_LIMIT", "0")],
    );
    assert_eq!(
        stdout(&output),
        "0123456789012345678901234567890123456789\n"
    );
}

/// Installs the Node.js example; fails (never skips) without `node`, which scripts/test installs.
fn install_nodehello(sandbox: &Sandbox) {
    assert!(
        real_node().is_some(),
        "node is needed by the Node.js example's test: apt-get install nodejs (scripts/test does it)"
    );
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/plugins/openstack-nodehello");
    sandbox.install("openstack-nodehello", &fs::read(source).expect("nodehello"));
}

#[test]
fn the_nodejs_example() {
    let sandbox = Sandbox::new("nodejs");
    install_nodehello(&sandbox);
    assert_greets(&sandbox, "nodehello", "Node.js");
    let output = sandbox.run(
        &builds().plain,
        &["help", "nodehello", "greet"],
        &[("COLUMNS", "80")],
    );
    let help = stdout(&output);
    assert!(
        help.contains("\n  --name <name>         Who to greet (default: World)\n"),
        "{help}"
    );
    assert!(
        help.ends_with("\n\nThis command is provided by the nodehello plugin.\n"),
        "{help}"
    );
    // An answer far above the 64 KiB of a pipe's buffer arrives whole: the example sets process.exitCode
    // instead of calling process.exit().
    let name = "x".repeat(100_000);
    let output = sandbox.run(
        &builds().plain,
        &[
            "nodehello",
            "greet",
            "--name",
            &name,
            "-f",
            "value",
            "-c",
            "greeting",
        ],
        &[],
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(stdout(&output), format!("Hello, {name}!\n"));
}

#[test]
fn the_nodejs_example_calls_the_cloud() {
    let Some(cloud) = cloud_env() else { return };
    let sandbox = Sandbox::new("nodewhoami");
    install_nodehello(&sandbox);
    let shown = whoami(&sandbox, "nodehello", &cloud);
    assert_eq!(shown["user"], "admin", "{shown}");
    assert!(
        shown["projects"]
            .as_array()
            .is_some_and(|p| p.iter().any(|name| name == "admin")),
        "{shown}"
    );
}
