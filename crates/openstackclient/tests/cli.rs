//! The `openstack` binary end to end, without a cloud: lookup, suggestions, usage errors, exit codes, help
//! snapshots, completion, interactive mode and broken pipes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn openstack() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_openstack"));
    // No configuration from the developer's machine: a fixed width and an empty config search path.
    let home = std::env::temp_dir().join("openstack-rs-cli-tests");
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("COLUMNS", "80")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null());
    command
}

fn run(args: &[&str]) -> Output {
    openstack()
        .args(args)
        .output()
        .expect("the openstack binary runs")
}

/// Runs the binary in stdin mode on these lines.
fn run_stdin(input: &[u8]) -> Output {
    let mut child = openstack()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    child.wait_with_output().expect("wait")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn version() {
    let out = run(&["--version"]);
    assert_eq!(
        text(&out.stdout),
        format!("openstack {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn unique_word_prefixes_find_the_command() {
    let out = run(&["comm", "li", "--group", "openstack.cli", "-f", "value"]);
    // As OSC: a list cell in `value` output is Python's repr of the list.
    assert_eq!(
        text(&out.stdout),
        "openstack.cli ['command list', 'module list']\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn global_options_after_the_command_words() {
    let out = run(&[
        "command",
        "list",
        "--group",
        "openstack.cli",
        "-f",
        "csv",
        "--debug",
        "-q",
    ]);
    assert_eq!(
        text(&out.stdout),
        "\"Command Group\",\"Commands\"\n\"openstack.cli\",\"['command list', 'module list']\"\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn unknown_command_suggests_on_stdout_and_exits_2() {
    let out = run(&["comand", "lsit"]);
    assert_eq!(
        text(&out.stdout),
        "openstack: 'comand lsit' is not an openstack command. See 'openstack --help'.\nDid you mean one of these?\n  command list\n"
    );
    assert_eq!(text(&out.stderr), "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_option_is_a_usage_error() {
    let out = run(&["command", "list", "--bogus"]);
    assert_eq!(text(&out.stdout), "");
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("usage: openstack command list [-h]"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("openstack command list: error: unrecognized arguments: --bogus\n"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_format_is_a_usage_error() {
    let out = run(&["module", "list", "-f", "xml"]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.ends_with("openstack module list: error: argument -f/--format: invalid choice: 'xml' (choose from 'json', 'shell', 'table', 'value', 'yaml')\n"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unknown_column_is_a_command_error() {
    let out = run(&["command", "list", "-c", "Bogus"]);
    assert_eq!(
        text(&out.stderr),
        "No recognized column names in ['Bogus']. Recognized columns are ('Command Group', 'Commands').\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn help_partial_name_lists_matches() {
    let out = run(&["help", "mod"]);
    assert_eq!(
        text(&out.stdout),
        "Command \"mod\" matches:\n  module list\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn broken_pipe_is_silent() {
    // The read end is closed before the program starts, so its first write fails with EPIPE whatever the size
    // of the output (a small output could otherwise fit in the pipe before we close it).
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = openstack()
        .args(["--help"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the openstack binary runs");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(out.status.code(), Some(141));
}

#[test]
fn commands_from_stdin_run_one_per_line() {
    let out =
        run_stdin(b"command list --group cli -f value\nmodule list -c openstackclient -f value\n");
    assert_eq!(
        text(&out.stdout),
        format!(
            "openstack.cli ['command list', 'module list']\n{}\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn completion_covers_words_and_options() {
    let out = run(&["complete", "--shell", "none"]);
    let data = text(&out.stdout);
    assert!(
        data.contains("  cmds_command_list='-h --help -f --format -c --column"),
        "{data}"
    );
    assert!(data.contains("  cmds_module='list'\n"), "{data}");
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["complete", "--shell", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(text(&out.stdout).contains("command"), "{shell}");
    }
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// `openstack help <command>` for every command, and `openstack --help`, against the files in tests/snapshots
/// (`UPDATE_SNAPSHOTS=1` rewrites them; review the diff).
#[test]
fn help_snapshots() {
    let mut cases: Vec<(String, Vec<String>)> =
        vec![("openstack--help".to_owned(), vec!["--help".to_owned()])];
    // Rebuild multi-word names from `command list -f json`, which keeps them whole.
    let json = text(&run(&["command", "list", "-f", "json"]).stdout);
    let parsed: serde_json::Value =
        serde_json::from_str(&json).expect("command list -f json is JSON");
    for group in parsed.as_array().expect("an array") {
        for name in group["Commands"].as_array().expect("a list") {
            let name = name.as_str().expect("a string");
            let mut args = vec!["help".to_owned()];
            args.extend(name.split(' ').map(str::to_owned));
            cases.push((format!("help-{}", name.replace(' ', "-")), args));
        }
    }
    assert!(cases.len() > 2, "command list -f json listed no command");
    // cliff's own commands, which `command list` leaves out (their help names the cliff plugin).
    for name in ["help", "complete"] {
        cases.push((
            format!("help-{name}"),
            vec!["help".to_owned(), name.to_owned()],
        ));
    }
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for (file, args) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        let actual = text(&out.stdout);
        let path = snapshot_dir().join(format!("{file}.txt"));
        if update {
            std::fs::write(&path, &actual).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == actual => {}
            Ok(_) => failures.push(format!("{file}: output differs from {}", path.display())),
            Err(_) => failures.push(format!("{file}: no snapshot at {}", path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "help snapshots (UPDATE_SNAPSHOTS=1 to refresh, then review):\n{}",
        failures.join("\n")
    );
}

/// Every `*.cases` file of the workspace (crates/*/src and plugins/*/src).
fn case_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "cases") {
                found.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut found = Vec::new();
    for top in ["crates", "plugins"] {
        walk(&root.join(top), &mut found);
    }
    found
}

/// Whether a case's command line runs `openstack [global options] <command>` other than for its help.
fn runs_command(line: &str, command: &[&str]) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '(' || c == ';')
        .filter(|word| !word.is_empty())
        .collect();
    words.iter().enumerate().any(|(at, word)| {
        if *word != "openstack" {
            return false;
        }
        // Global options before the command words, each with its value unless written `--x=y`.
        let mut next = at + 1;
        while let Some(option) = words.get(next).filter(|word| word.starts_with('-')) {
            next += 1;
            if !option.contains('=')
                && words
                    .get(next)
                    .is_some_and(|value| !value.starts_with('-') && *value != command[0])
            {
                next += 1;
            }
        }
        let rest = &words[next.min(words.len())..];
        rest.starts_with(command) && !matches!(rest.get(command.len()), Some(&"--help" | &"-h"))
    })
}

/// The compat cases are the proof that a command behaves as OSC's: every registered command must run in at least
/// one of them, beyond `help <command>` (which the help snapshots already cover).
#[test]
fn every_command_runs_in_a_compat_case() {
    let mut lines = Vec::new();
    for file in case_files() {
        let text = std::fs::read_to_string(&file).expect("a readable case file");
        for line in text.lines().map(str::trim) {
            let command = ["run:", "setup:", "cleanup:"]
                .iter()
                .find_map(|prefix| line.strip_prefix(prefix))
                .unwrap_or(line);
            if !line.starts_with(['#', '['])
                && !line.starts_with("env:")
                && !line.starts_with("osc:")
            {
                lines.push(command.to_owned());
            }
        }
    }
    assert!(lines.len() > 100, "no case files found");
    let json = text(&run(&["command", "list", "-f", "json"]).stdout);
    let parsed: serde_json::Value =
        serde_json::from_str(&json).expect("command list -f json is JSON");
    let mut missing = Vec::new();
    for group in parsed.as_array().expect("an array") {
        for name in group["Commands"].as_array().expect("a list") {
            let name = name.as_str().expect("a string");
            let words: Vec<&str> = name.split(' ').collect();
            if !lines.iter().any(|line| runs_command(line, &words)) {
                missing.push(name.to_owned());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "commands that no compat case runs: {missing:?}"
    );
}

#[test]
fn a_command_run_is_told_from_its_help() {
    let command = ["server", "show"];
    assert!(runs_command("openstack server show x", &command));
    assert!(runs_command(
        "x=$(openstack --os-compute-api-version 2.1 server show x)",
        &command
    ));
    assert!(runs_command(
        "openstack -f json server show x | jq",
        &command
    ));
    assert!(!runs_command("openstack help server show", &command));
    assert!(!runs_command("openstack server show --help", &command));
    assert!(!runs_command("openstack server list", &command));
}

/// A small deterministic generator (xorshift64*), so the fuzz test runs the same argv every time.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_byte_argv_never_crashes() {
    use std::os::unix::ffi::OsStringExt;
    // Command words and options mixed with random bytes (any byte but NUL, so not only UTF-8).
    const WORDS: &[&[u8]] = &[
        b"project",
        b"list",
        b"show",
        b"help",
        b"command",
        b"-f",
        b"json",
        b"-c",
        b"--name",
        b"--debug",
        b"-h",
        b"module",
        b"--os-cloud",
        b"\xc3\x28",
        b"\xff",
        b"\xe2\x82",
        b"caf\xc3\xa9",
        b"--",
    ];
    let scratch = std::env::temp_dir().join(format!("openstack-rs-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch directory");
    let mut rng = Xorshift(0x005E_ED0F_A26F);
    for case in 0..150 {
        let count = rng.below(5);
        let argv: Vec<std::ffi::OsString> = (0..count)
            .map(|_| {
                let bytes: Vec<u8> = if rng.below(2) == 0 {
                    WORDS[rng.below(WORDS.len())].to_vec()
                } else {
                    (0..rng.below(8))
                        .map(|_| 1 + rng.below(255) as u8)
                        .collect()
                };
                std::ffi::OsString::from_vec(bytes)
            })
            .collect();
        let out = openstack()
            .current_dir(&scratch)
            .env("OSC_TOKEN_CACHE", "0")
            .args(&argv)
            .output()
            .expect("the openstack binary runs");
        let stderr = text(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0..=2)) && !stderr.contains("panicked"),
            "case {case}: openstack {argv:?} exited {:?}\n{stderr}",
            out.status.code()
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn a_line_that_is_not_utf8_in_stdin_mode_runs_and_the_next_lines_too() {
    let out = run_stdin(b"module list -c openstackclient -f value\nx\xff\ncommand list --group cli -f value -c \xff\nmodule list -c openstackclient -f value\n");
    let version = env!("CARGO_PKG_VERSION");
    let mut expected = format!("{version}\n").into_bytes();
    expected.extend_from_slice(
        b"openstack: 'x\xff' is not an openstack command. See 'openstack --help'.\n",
    );
    assert!(out.stdout.starts_with(&expected), "{}", text(&out.stdout));
    assert!(
        out.stdout.ends_with(format!("\n{version}\n").as_bytes()),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(
        text(&out.stderr),
        "No recognized column names in ['\\udcff']. Recognized columns are ('Command Group', 'Commands').\n"
    );
}

#[test]
fn arguments_that_are_not_utf8_print_as_python_prints_them() {
    use std::os::unix::ffi::OsStrExt;
    let out = openstack()
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out
        .stdout
        .starts_with(b"openstack: '\xff' is not an openstack command. See 'openstack --help'.\n"));
    let out = openstack()
        .args(["module", "list", "--name"])
        .arg(std::ffi::OsStr::from_bytes(b"\xc3("))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).ends_with("error: unrecognized arguments: --name \\udcc3(\n"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_closed_stdout_is_an_error_not_lost_output() {
    let run_closed = |args: &str| {
        // Through sh, to close descriptor 1 (`>&-`) before the binary starts.
        let mut shell = Command::new("sh");
        shell
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("COLUMNS", "80")
            .args([
                "-c",
                &format!("exec \"$0\" {args} >&-"),
                env!("CARGO_BIN_EXE_openstack"),
            ])
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::null());
        shell.output().expect("sh runs")
    };
    let closed = run_closed("command list");
    assert_eq!(
        text(&closed.stderr),
        "Standard output is closed: the command's output cannot be written\n"
    );
    assert_eq!(closed.status.code(), Some(1));
    // `--version` prints nothing that a closed stdout could lose in OSC either (exit 0 there too).
    assert_eq!(run_closed("--version").status.code(), Some(0));
}

/// Every option `openstack` adds to OSC's commands (cliff's `Arg::extension`): each is listed in
/// docs/extensions.md, and `OSC_RS_HIDE_EXTENSIONS=1`, which the compatibility tests set, removes exactly those
/// options from help, so that the tests compare the rest with OSC's.
#[test]
fn additions_to_osc_are_documented_and_hidden_from_the_compat_tests() {
    let documented = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/extensions.md"),
    )
    .expect("docs/extensions.md");
    let json = text(&run(&["command", "list", "-f", "json"]).stdout);
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let flags = |help: &str| -> Vec<String> {
        help.lines()
            .filter_map(|line| line.strip_prefix("  --"))
            .map(|rest| format!("--{}", rest.split([' ', ',']).next().unwrap_or("")))
            .collect()
    };
    let mut additions = std::collections::BTreeMap::<String, Vec<String>>::new();
    for group in parsed.as_array().expect("an array") {
        for name in group["Commands"].as_array().expect("a list") {
            let words: Vec<&str> = name.as_str().expect("a string").split(' ').collect();
            let mut args = vec!["help"];
            args.extend(&words);
            let full = text(&run(&args).stdout);
            let hidden = text(
                &openstack()
                    .args(&args)
                    .env("OSC_RS_HIDE_EXTENSIONS", "1")
                    .output()
                    .expect("runs")
                    .stdout,
            );
            let kept = flags(&hidden);
            for flag in flags(&full) {
                if !kept.contains(&flag) {
                    assert!(
                        !hidden.contains(&format!("[{flag}")),
                        "{name}: {flag} is hidden from the options but not from the usage"
                    );
                    additions.entry(flag).or_default().push(words.join(" "));
                }
            }
        }
    }
    assert!(
        additions.contains_key("--parallel"),
        "project delete has --parallel: {additions:?}"
    );
    for (flag, commands) in &additions {
        assert!(
            documented.contains(&format!("`{flag}")),
            "{flag} (of {commands:?}) is not listed in docs/extensions.md"
        );
    }
}
