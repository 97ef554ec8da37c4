//! External plugins end to end at the library level: discovery and its cache, running commands through the
//! protocol, and every way a plugin can misbehave. Plugins are small shell scripts (and the Python example) in
//! a temporary directory; each appends its mode to a marker file, which proves when a plugin was (not) started.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use cliff::{ArgValue, Args, Command, CommandManager, ErrorKind, Output, Value};
use osc_lib::clientmanager::Settings;
use osc_lib::external::{self, Discovery, SearchPaths, Timeouts};
use osc_lib::{ApiRequest, ApiResponse, ClientManager, Plugin, TokenInfo, Transport};

/// A token that must never be visible outside the request pipe.
const SECRET_TOKEN: &str = "gAAAAAB-secret-token-3f9c2d";

/// A fresh directory with `bin/` (searched) and `cache/`.
struct Sandbox {
    root: PathBuf,
}

impl Sandbox {
    fn new(tag: &str) -> Self {
        let root = std::env::temp_dir().join(format!("osc-external-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("bin")).expect("mkdir bin");
        Sandbox { root }
    }

    fn bin(&self) -> PathBuf {
        self.root.join("bin")
    }

    fn paths(&self) -> SearchPaths {
        SearchPaths {
            dirs: vec![self.bin()],
            cache_file: Some(
                self.root
                    .join("cache")
                    .join("openstack-rs")
                    .join("plugins.json"),
            ),
            may_run_plugins: true,
        }
    }

    fn marker(&self, name: &str) -> PathBuf {
        self.root.join(format!("{name}.marker"))
    }

    /// How many times each mode of the plugin was started.
    fn starts(&self, name: &str) -> Vec<String> {
        fs::read_to_string(self.marker(name))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Installs `openstack-<name>`: a shell script printing `manifest` and running `run` (shell code).
    fn plugin(&self, name: &str, manifest: &str, run: &str) -> PathBuf {
        let path = self.bin().join(format!("openstack-{name}"));
        let script = format!(
            "#!/bin/sh\necho \"$1\" >> '{marker}'\ncase \"$1\" in\n--osc-plugin-manifest)\ncat <<'JSON'\n{manifest}\nJSON\n;;\n--osc-plugin-run)\n{run}\n;;\nesac\n",
            marker = self.marker(name).display()
        );
        install(&path, &script);
        path
    }

    fn discover(&self) -> Discovery {
        external::discover_in(&self.paths(), Timeouts::default())
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn install(path: &Path, text: &str) {
    // Write then rename, as installers do: a running copy is never rewritten in place ("text file busy").
    let temporary = path.with_extension("tmp");
    fs::write(&temporary, text).expect("write plugin");
    fs::set_permissions(&temporary, fs::Permissions::from_mode(0o755)).expect("chmod");
    fs::rename(&temporary, path).expect("install plugin");
}

/// A change is trusted by the cache only once it is old enough not to share a timestamp with a later one.
fn let_timestamps_settle() {
    std::thread::sleep(Duration::from_millis(2100));
}

fn manifest(api: &str, commands: &str) -> String {
    format!(
        r#"{{"protocol": 1, "api_name": "{api}", "module": {{"name": "{api}client", "version": "0.1"}},
  "dist": "python-{api}client",
  "version_option": {{"dest": "os_{api}_api_version", "flag": "--os-{api}-api-version",
    "metavar": "<{api}-api-version>", "env": "OS_{up}_API_VERSION", "help": "{api} API version"}},
  "default_version": "1", "supported_versions": ["1"],
  "commands": {{"1": [{commands}]}}}}"#,
        up = api.to_uppercase()
    )
}

const TEXT_ANSWER: &str = r#"eval "cat <&$OSC_PLUGIN_FD" > /dev/null; printf '%s\n' '{"protocol": 1, "output": {"kind": "text", "text": "ran\n"}}'"#;

fn plain_command(name: &str, auth: bool) -> String {
    format!(
        r#"{{"name": "{name}", "description": "Do {name}", "kind": "plain", "auth_required": {auth}}}"#
    )
}

/// A transport that has a token and refuses HTTP.
struct FakeTransport;

impl Transport for FakeTransport {
    fn send(&mut self, _request: &ApiRequest) -> cliff::Result<ApiResponse> {
        Err(cliff::Error::command("no HTTP in tests"))
    }
    fn token(&mut self) -> cliff::Result<TokenInfo> {
        Ok(TokenInfo {
            id: SECRET_TOKEN.to_owned(),
            body: serde_json::json!({"token": {"expires_at": "2030-01-01T00:00:00.000000Z", "catalog": []}}),
        })
    }
    fn endpoint(&mut self, service_type: &str) -> cliff::Result<String> {
        Err(cliff::Error::command(format!("no {service_type}")))
    }
}

fn client_manager() -> ClientManager {
    let settings = Settings {
        region_name: Some("RegionOne".to_owned()),
        interface: "public".to_owned(),
        ..Settings::default()
    };
    ClientManager::with_transport(settings, Box::new(FakeTransport))
}

fn command_of(plugin: &dyn Plugin, name: &str) -> Arc<dyn Command<ClientManager>> {
    plugin
        .commands("1")
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, command)| command)
        .unwrap_or_else(|| panic!("no command {name}"))
}

fn warnings(discovery: &Discovery) -> Vec<String> {
    discovery
        .messages
        .iter()
        .filter(|(level, _)| *level == log::Level::Warn)
        .map(|(_, message)| message.clone())
        .collect()
}

#[test]
fn listing_reads_the_cache_and_starts_no_plugin() {
    let sandbox = Sandbox::new("nospawn");
    for name in ["alpha", "beta", "gamma"] {
        sandbox.plugin(
            name,
            &manifest(name, &plain_command(&format!("{name} do"), false)),
            TEXT_ANSWER,
        );
    }
    let_timestamps_settle();
    let first = sandbox.discover();
    assert_eq!(first.plugins.len(), 3);
    for name in ["alpha", "beta", "gamma"] {
        assert_eq!(sandbox.starts(name), vec!["--osc-plugin-manifest"]);
    }
    for _ in 0..3 {
        let again = sandbox.discover();
        let names: Vec<&str> = again.plugins.iter().map(|p| p.api_name()).collect();
        assert_eq!(names, vec!["alpha", "beta", "gamma"]);
        assert!(again.messages.is_empty(), "{:?}", again.messages);
    }
    for name in ["alpha", "beta", "gamma"] {
        assert_eq!(
            sandbox.starts(name),
            vec!["--osc-plugin-manifest"],
            "{name}"
        );
    }
    let cache = sandbox.paths().cache_file.expect("cache");
    assert_eq!(
        fs::metadata(&cache).expect("cache").permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        fs::metadata(cache.parent().expect("dir"))
            .expect("dir")
            .permissions()
            .mode()
            & 0o777,
        0o700
    );
}

#[test]
fn the_manifest_describes_the_plugin() {
    let sandbox = Sandbox::new("describe");
    sandbox.plugin(
        "alpha",
        &manifest("alpha", &plain_command("alpha do", true)),
        TEXT_ANSWER,
    );
    let discovery = sandbox.discover();
    let plugin = &discovery.plugins[0];
    assert_eq!(plugin.path(), sandbox.bin().join("openstack-alpha"));
    assert_eq!(plugin.module(), ("alphaclient", "0.1"));
    assert_eq!(plugin.dist(), Some("python-alphaclient"));
    assert_eq!(plugin.default_version(), Some("1"));
    assert_eq!(plugin.supported_versions(), &["1"]);
    let option = plugin.version_option();
    assert_eq!(option.dest, "os_alpha_api_version");
    assert_eq!(option.flag.as_deref(), Some("--os-alpha-api-version"));
    assert_eq!(option.env, "OS_ALPHA_API_VERSION");
    let command = command_of(plugin.as_ref(), "alpha do");
    assert_eq!(command.description(), "Do alpha do");
    assert!(command.auth_required());
    assert!(plugin.commands("2").is_empty());
}

#[test]
fn a_new_plugin_is_asked_again_until_its_timestamps_settle() {
    let sandbox = Sandbox::new("racy");
    sandbox.plugin("alpha", &manifest("alpha", ""), TEXT_ANSWER);
    sandbox.discover();
    sandbox.discover();
    // Both runs happened within the racy window of the fresh file, so neither trusted the cache.
    assert_eq!(sandbox.starts("alpha").len(), 2);
    let_timestamps_settle();
    sandbox.discover();
    sandbox.discover();
    assert_eq!(sandbox.starts("alpha").len(), 3);
}

#[test]
fn a_rebuilt_plugin_is_noticed() {
    let sandbox = Sandbox::new("rebuilt");
    sandbox.plugin(
        "alpha",
        &manifest("alpha", &plain_command("alpha one", false)),
        TEXT_ANSWER,
    );
    let_timestamps_settle();
    let names = |d: &Discovery| -> Vec<String> {
        d.plugins[0]
            .commands("1")
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    };
    assert_eq!(names(&sandbox.discover()), vec!["alpha one"]);
    assert_eq!(names(&sandbox.discover()), vec!["alpha one"]);
    assert_eq!(sandbox.starts("alpha").len(), 1);
    sandbox.plugin(
        "alpha",
        &manifest(
            "alpha",
            &format!(
                "{}, {}",
                plain_command("alpha one", false),
                plain_command("alpha two", false)
            ),
        ),
        TEXT_ANSWER,
    );
    assert_eq!(names(&sandbox.discover()), vec!["alpha one", "alpha two"]);
    assert_eq!(sandbox.starts("alpha").len(), 2);
}

#[test]
fn removed_and_added_plugins_are_noticed() {
    let sandbox = Sandbox::new("addremove");
    let alpha = sandbox.plugin("alpha", &manifest("alpha", ""), TEXT_ANSWER);
    let_timestamps_settle();
    assert_eq!(sandbox.discover().plugins.len(), 1);
    fs::remove_file(&alpha).expect("remove");
    assert!(sandbox.discover().plugins.is_empty());
    sandbox.plugin("beta", &manifest("beta", ""), TEXT_ANSWER);
    let names: Vec<String> = sandbox
        .discover()
        .plugins
        .iter()
        .map(|p| p.api_name().to_owned())
        .collect();
    assert_eq!(names, vec!["beta"]);
}

#[test]
fn broken_plugins_are_skipped_with_a_warning_and_not_asked_again() {
    let sandbox = Sandbox::new("broken");
    sandbox.plugin("good", &manifest("good", ""), TEXT_ANSWER);
    let crash = sandbox.bin().join("openstack-crash");
    install(
        &crash,
        &format!(
            "#!/bin/sh\necho \"$1\" >> '{}'\necho 'about to crash' >&2\nkill -SEGV $$\n",
            sandbox.marker("crash").display()
        ),
    );
    let bad = sandbox.plugin("bad", "Usage: bad [options]", TEXT_ANSWER);
    let newer = sandbox.plugin(
        "newer",
        r#"{"protocol": 2, "something": "else"}"#,
        TEXT_ANSWER,
    );
    let failing = sandbox.bin().join("openstack-failing");
    install(
        &failing,
        "#!/bin/sh\necho 'error: unrecognized arguments: --osc-plugin-manifest' >&2\nexit 2\n",
    );
    let not_executable = sandbox.bin().join("openstack-notexec");
    fs::write(&not_executable, "#!/bin/sh\nexit 0\n").expect("write");
    let_timestamps_settle();
    let expected = vec![
        format!(
            "Skipping plugin {}: --osc-plugin-manifest printed an invalid manifest (expected value at line 1 column 1)",
            bad.display()
        ),
        format!(
            "Skipping plugin {}: --osc-plugin-manifest was killed by signal 11 (SIGSEGV): about to crash",
            crash.display()
        ),
        format!(
            "Skipping plugin {}: --osc-plugin-manifest exited with status 2: error: unrecognized arguments: --osc-plugin-manifest",
            failing.display()
        ),
        format!(
            "Skipping plugin {}: --osc-plugin-manifest speaks plugin protocol 2, newer than this openstack's 1: upgrade openstack",
            newer.display()
        ),
    ];
    for _ in 0..2 {
        let discovery = sandbox.discover();
        assert_eq!(warnings(&discovery), expected);
        let names: Vec<&str> = discovery.plugins.iter().map(|p| p.api_name()).collect();
        assert_eq!(names, vec!["good"]);
    }
    assert_eq!(sandbox.starts("crash").len(), 1);
    assert_eq!(sandbox.starts("bad").len(), 1);
}

#[test]
fn inside_a_manifest_only_cached_plugins_are_known() {
    let sandbox = Sandbox::new("recursion");
    sandbox.plugin("known", &manifest("known", ""), TEXT_ANSWER);
    let_timestamps_settle();
    sandbox.discover();
    sandbox.plugin("fresh", &manifest("fresh", ""), TEXT_ANSWER);
    let mut paths = sandbox.paths();
    paths.may_run_plugins = false;
    let discovery = external::discover_in(&paths, Timeouts::default());
    let names: Vec<&str> = discovery.plugins.iter().map(|p| p.api_name()).collect();
    assert_eq!(names, vec!["known"]);
    assert!(sandbox.starts("fresh").is_empty());
    assert_eq!(sandbox.starts("known").len(), 1);
    // A normal run then asks the new plugin.
    assert_eq!(sandbox.discover().plugins.len(), 2);
    assert_eq!(sandbox.starts("fresh").len(), 1);
}

#[test]
fn a_hanging_plugin_times_out() {
    let sandbox = Sandbox::new("hang");
    let hang = sandbox.bin().join("openstack-hang");
    install(&hang, "#!/bin/sh\nexec sleep 60\n");
    sandbox.plugin("good", &manifest("good", ""), TEXT_ANSWER);
    let timeouts = Timeouts {
        manifest: Some(Duration::from_millis(300)),
        run: Some(Duration::from_millis(300)),
    };
    let start = std::time::Instant::now();
    let discovery = external::discover_in(&sandbox.paths(), timeouts);
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(
        warnings(&discovery),
        vec![format!(
            "Skipping plugin {}: --osc-plugin-manifest did not answer within 0.3 seconds",
            hang.display()
        )]
    );
    assert_eq!(discovery.plugins.len(), 1);

    // A plugin that answers its manifest but hangs when running a command.
    let slow = sandbox.plugin(
        "slow",
        &manifest("slow", &plain_command("slow do", false)),
        "exec sleep 60",
    );
    let discovery = external::discover_in(&sandbox.paths(), timeouts);
    let plugin = discovery
        .plugins
        .iter()
        .find(|p| p.api_name() == "slow")
        .expect("slow plugin");
    let err = command_of(plugin.as_ref(), "slow do")
        .take_action(&mut client_manager(), &Args::default())
        .expect_err("timed out");
    assert_eq!(
        err.message,
        format!(
            "Plugin {} did not answer within 0.3 seconds",
            slow.display()
        )
    );
    assert_eq!(err.kind, ErrorKind::Command);
}

fn run(sandbox: &Sandbox, name: &str, run_body: &str, command: &str) -> cliff::Result<Output> {
    sandbox.plugin(
        name,
        &manifest(name, &plain_command(command, true)),
        run_body,
    );
    let discovery = sandbox.discover();
    let plugin = discovery
        .plugins
        .iter()
        .find(|p| p.api_name() == name)
        .expect("plugin");
    let mut args = Args::default();
    args.set("message", ArgValue::Str("hi".to_owned()));
    command_of(plugin.as_ref(), command).take_action(&mut client_manager(), &args)
}

#[test]
fn commands_run_through_the_protocol() {
    let sandbox = Sandbox::new("run");
    let output = run(
        &sandbox,
        "lister",
        r#"eval "cat <&$OSC_PLUGIN_FD" > /dev/null
echo '{"protocol": 1, "output": {"kind": "list", "columns": ["ID", "Name"], "rows": [[{"t": "int", "v": 1}, {"t": "str", "v": "one"}]]}}'"#,
        "lister list",
    )
    .expect("ran");
    assert_eq!(
        output,
        Output::List {
            columns: vec!["ID".to_owned(), "Name".to_owned()],
            rows: vec![vec![Value::Int(1), Value::Str("one".to_owned())]],
        }
    );
    assert_eq!(
        sandbox.starts("lister"),
        vec!["--osc-plugin-manifest", "--osc-plugin-run"]
    );
}

#[test]
fn plugin_errors_are_reported_as_they_are() {
    let sandbox = Sandbox::new("errors");
    let err = run(
        &sandbox,
        "failing",
        r#"echo '{"protocol": 1, "error": {"message": "No workflow with name x found", "exit_code": 1}}'; exit 1"#,
        "failing show",
    )
    .expect_err("failed");
    assert_eq!(err.message, "No workflow with name x found");
    assert_eq!(err.kind, ErrorKind::Command);
}

#[test]
fn crashes_and_garbage_name_the_plugin() {
    let sandbox = Sandbox::new("runcrash");
    let path = sandbox.bin().join("openstack-crashing");
    let err = run(&sandbox, "crashing", "kill -SEGV $$", "crashing do").expect_err("crashed");
    assert_eq!(
        err.message,
        format!(
            "Plugin {} was killed by signal 11 (SIGSEGV)",
            path.display()
        )
    );
    let path = sandbox.bin().join("openstack-chatty");
    let err = run(&sandbox, "chatty", "echo 'Hello!'", "chatty do").expect_err("garbage");
    assert_eq!(
        err.message,
        format!(
            "Plugin {} sent an invalid answer (expected value at line 1 column 1)",
            path.display()
        )
    );
    let path = sandbox.bin().join("openstack-silent");
    let err = run(&sandbox, "silent", "exit 4", "silent do").expect_err("silent");
    assert_eq!(
        err.message,
        format!("Plugin {} exited with status 4", path.display())
    );
    let path = sandbox.bin().join("openstack-future");
    let err = run(
        &sandbox,
        "future",
        r#"echo '{"protocol": 3, "output": {"kind": "exit", "code": 0}}'"#,
        "future do",
    )
    .expect_err("newer");
    assert_eq!(
        err.message,
        format!(
            "Plugin {} speaks plugin protocol 3, newer than this openstack's 1: upgrade openstack",
            path.display()
        )
    );
}

#[test]
fn the_token_travels_only_through_the_pipe() {
    let sandbox = Sandbox::new("token");
    let dump = sandbox.root.display().to_string();
    let output = run(
        &sandbox,
        "spy",
        &format!(
            r#"cat /proc/$$/cmdline > '{dump}/cmdline'
cat /proc/$$/environ > '{dump}/environ'
eval "cat <&$OSC_PLUGIN_FD" > '{dump}/request'
echo '{{"protocol": 1, "output": {{"kind": "exit", "code": 0}}}}'"#
        ),
        "spy do",
    )
    .expect("ran");
    assert_eq!(output, Output::Exit { code: 0 });
    let read = |name: &str| fs::read(sandbox.root.join(name)).expect("dumped");
    let contains = |haystack: &[u8]| {
        haystack
            .windows(SECRET_TOKEN.len())
            .any(|w| w == SECRET_TOKEN.as_bytes())
    };
    let cmdline = read("cmdline");
    assert!(cmdline.ends_with(b"--osc-plugin-run\0"), "{cmdline:?}");
    assert!(!contains(&cmdline));
    let environ = read("environ");
    assert!(contains(b"x gAAAAAB-secret-token-3f9c2d x"));
    assert!(!contains(&environ));
    assert!(environ
        .split(|b| *b == 0)
        .any(|var| var.starts_with(b"OSC_PLUGIN_FD=")));
    let request: serde_json::Value = serde_json::from_slice(&read("request")).expect("json");
    assert_eq!(request["protocol"], 1);
    assert_eq!(request["command"], "spy do");
    assert_eq!(request["args"]["values"]["message"], "hi");
    assert_eq!(request["session"]["token"]["id"], SECRET_TOKEN);
    assert_eq!(
        request["session"]["token"]["expires_at"],
        "2030-01-01T00:00:00.000000Z"
    );
    assert_eq!(request["session"]["region_name"], "RegionOne");
    assert_eq!(request["session"]["interface"], "public");
    assert_eq!(request["session"]["tls"]["verify"], true);
}

#[test]
fn commands_without_auth_get_no_token() {
    let sandbox = Sandbox::new("noauth");
    let dump = sandbox.root.display().to_string();
    sandbox.plugin(
        "open",
        &manifest("open", &plain_command("open do", false)),
        &format!(
            r#"eval "cat <&$OSC_PLUGIN_FD" > '{dump}/request'
echo '{{"protocol": 1, "output": {{"kind": "exit", "code": 3}}}}'"#
        ),
    );
    let discovery = sandbox.discover();
    let output = command_of(discovery.plugins[0].as_ref(), "open do")
        .take_action(&mut client_manager(), &Args::default())
        .expect("ran");
    assert_eq!(output, Output::Exit { code: 3 });
    let request: serde_json::Value =
        serde_json::from_slice(&fs::read(sandbox.root.join("request")).expect("dumped"))
            .expect("json");
    assert_eq!(request["session"]["token"], serde_json::Value::Null);
}

#[test]
fn built_in_commands_win_over_plugins() {
    let sandbox = Sandbox::new("shadow");
    sandbox.plugin(
        "rogue",
        &manifest(
            "rogue",
            &format!(
                "{}, {}",
                plain_command("command list", false),
                plain_command("rogue do", false)
            ),
        ),
        TEXT_ANSWER,
    );
    let discovery = sandbox.discover();
    let plugin = &discovery.plugins[0];
    let mut commands: CommandManager<ClientManager> = CommandManager::new();
    let builtin = command_of(plugin.as_ref(), "rogue do");
    commands.add("openstack.cli", "command list", builtin, None);
    external::register_commands(&mut commands, plugin, "1");
    let groups: Vec<(String, String)> = commands
        .iter()
        .map(|(name, entry)| (name.to_owned(), entry.group.clone()))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("command list".to_owned(), "openstack.cli".to_owned()),
            ("rogue do".to_owned(), "openstack.rogue.v1".to_owned()),
        ]
    );
}

#[test]
fn the_first_plugin_of_a_name_on_the_path_wins() {
    let sandbox = Sandbox::new("order");
    let second = sandbox.root.join("bin2");
    fs::create_dir_all(&second).expect("mkdir");
    sandbox.plugin("dup", &manifest("first", ""), TEXT_ANSWER);
    install(
        &second.join("openstack-dup"),
        &format!(
            "#!/bin/sh\ncat <<'JSON'\n{}\nJSON\n",
            manifest("second", "")
        ),
    );
    let mut paths = sandbox.paths();
    paths.dirs.push(second);
    let discovery = external::discover_in(&paths, Timeouts::default());
    let names: Vec<&str> = discovery.plugins.iter().map(|p| p.api_name()).collect();
    assert_eq!(names, vec!["first"]);
}

#[test]
fn the_python_example_speaks_the_protocol() {
    let sandbox = Sandbox::new("python");
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/plugins/openstack-pyhello");
    let text = fs::read_to_string(&source).expect("python plugin");
    install(&sandbox.bin().join("openstack-pyhello"), &text);
    let discovery = sandbox.discover();
    assert!(discovery.messages.is_empty(), "{:?}", discovery.messages);
    let plugin = &discovery.plugins[0];
    assert_eq!(plugin.api_name(), "pyhello");
    assert_eq!(plugin.module(), ("pyhello", "1.0.0"));
    let command = command_of(plugin.as_ref(), "pyhello greet");
    assert_eq!(command.kind(), cliff::CommandKind::ShowOne);
    assert!(!command.auth_required());
    let mut args = Args::default();
    args.set("name", ArgValue::Str("Ada".to_owned()));
    let output = command
        .take_action(&mut client_manager(), &args)
        .expect("ran");
    assert_eq!(
        output,
        Output::Show {
            fields: vec!["greeting".to_owned(), "language".to_owned()],
            values: vec![
                Value::Str("Hello, Ada!".to_owned()),
                Value::Str("Python".to_owned())
            ],
        }
    );
}

#[test]
fn malformed_answers_name_the_plugin() {
    let sandbox = Sandbox::new("malformed");
    let cases = [
        (
            "both",
            r#"{"protocol": 1, "output": {"kind": "exit", "code": 0}, "error": {"message": "x"}}"#,
            "sent an invalid answer (both `output` and `error`, where exactly one is allowed at line 1 column 81)",
        ),
        (
            "shortshow",
            r#"{"protocol": 1, "output": {"kind": "show", "fields": ["a", "b"], "values": [{"t": "int", "v": 1}]}}"#,
            "sent a show answer with 1 values for 2 fields",
        ),
        (
            "shortrow",
            r#"{"protocol": 1, "output": {"kind": "list", "columns": ["a", "b"], "rows": [[{"t": "int", "v": 1}, {"t": "int", "v": 2}], [{"t": "int", "v": 3}]]}}"#,
            "sent a list whose row 2 has 1 values for 2 columns",
        ),
        (
            "noprotocol",
            r#"{"output": {"kind": "exit", "code": 0}}"#,
            "sent an invalid answer (missing field `protocol` at line 1 column 39)",
        ),
    ];
    for (name, answer, problem) in cases {
        let body = format!("eval \"cat <&$OSC_PLUGIN_FD\" > /dev/null; printf '%s\\n' '{answer}'");
        let err = run(&sandbox, name, &body, &format!("{name} do")).expect_err(name);
        let path = sandbox.bin().join(format!("openstack-{name}"));
        assert_eq!(err.message, format!("Plugin {} {problem}", path.display()));
        assert_eq!(err.kind, ErrorKind::Command);
    }
}

#[test]
fn an_endless_invalid_answer_is_refused_at_its_first_byte() {
    let sandbox = Sandbox::new("endless");
    // `yes` never ends: only stopping at the first invalid byte (and killing the plugin) gives an answer before
    // the run timeout, and without reading gigabytes.
    let err = run(&sandbox, "endless", "exec yes", "endless do").expect_err("invalid");
    let path = sandbox.bin().join("openstack-endless");
    assert_eq!(
        err.message,
        format!(
            "Plugin {} sent an invalid answer (expected value at line 1 column 1)",
            path.display()
        )
    );
}
