//! Lists that stream (docs/extensions.md): against the devcloud's real Keystone and Swift, a list that spans several
//! pages prints the same bytes streamed as buffered (`OSC_RS_STREAM=0`), in every format that streams, and its
//! first rows come out before the next page is asked for.
//!
//! The tests use the devcloud as scripts/compat finds it (`OS_CLIENT_CONFIG_FILE`, else
//! `$OSC_RS_CACHE/devcloud/clouds.yaml`, cloud `devcloud`), each in its own domain or containers named after the
//! process, removed at the end. They are skipped when the cloud does not answer, unless `OSC_RS_REQUIRE_CLOUD=1`.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The devcloud's clouds.yaml, or `None` (test skipped) when its Keystone is not there.
fn devcloud(test: &str) -> Option<PathBuf> {
    let cache = std::env::var_os("OSC_RS_CACHE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/openstack-rs"))
        });
    let file = std::env::var_os("OS_CLIENT_CONFIG_FILE")
        .map(PathBuf::from)
        .or_else(|| cache.map(|cache| cache.join("devcloud/clouds.yaml")))
        .filter(|file| file.exists());
    let answers = file.as_ref().is_some_and(|file| {
        Scratch::new(test)
            .openstack(file)
            .args(["token", "issue", "-f", "value", "-c", "expires"])
            .output()
            .is_ok_and(|out| out.status.success())
    });
    if !answers {
        let why = format!("devcloud not answering ({file:?})");
        if std::env::var("OSC_RS_REQUIRE_CLOUD").as_deref() == Ok("1") {
            panic!("{test}: {why} and OSC_RS_REQUIRE_CLOUD=1 (run scripts/devcloud up)");
        }
        println!("skipped {test}: {why}");
        return None;
    }
    file
}

/// A temporary HOME and cache, removed when dropped.
struct Scratch {
    root: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let root =
            std::env::temp_dir().join(format!("openstack-rs-stream-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("work")).expect("scratch directory");
        Scratch { root }
    }

    /// The binary on the devcloud, with nothing of the caller's environment but `PATH`.
    fn openstack(&self, clouds: &PathBuf) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_openstack"));
        command
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.root.join("home"))
            .env("XDG_CACHE_HOME", self.root.join("cache"))
            .env("XDG_CONFIG_HOME", self.root.join("config"))
            .env("OS_CLIENT_CONFIG_FILE", clouds)
            .env("OS_CLOUD", "devcloud")
            .env("LC_ALL", "C.UTF-8")
            .current_dir(self.root.join("work"))
            .stdin(Stdio::null());
        command
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// Runs a command that must succeed; its stdout.
fn ok(mut command: Command, args: &[&str]) -> String {
    let out = command.args(args).output().expect("the binary runs");
    assert!(
        out.status.success(),
        "openstack {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The list in every format that streams, streamed and buffered: the same bytes. Returns the streamed JSON.
fn same_streamed_and_buffered(scratch: &Scratch, clouds: &PathBuf, list: &[&str]) -> String {
    let mut json = String::new();
    let formats: [&[&str]; 7] = [
        &["-f", "json"],
        &["-f", "json", "--noindent"],
        &["-f", "value"],
        &["-f", "yaml"],
        &["-f", "csv"],
        &["-f", "csv", "--quote", "minimal"],
        &["-f", "json", "-c", "Name"],
    ];
    for format in formats {
        let args: Vec<&str> = list.iter().chain(format).copied().collect();
        let streamed = ok(scratch.openstack(clouds), &args);
        let mut buffered = scratch.openstack(clouds);
        buffered.env("OSC_RS_STREAM", "0");
        let buffered = ok(buffered, &args);
        assert_eq!(streamed, buffered, "openstack {args:?}");
        if format == ["-f", "json"] {
            json = streamed;
        }
    }
    json
}

/// Runs with stdout and stderr into one file and `--debug`: the output's lines as they interleaved.
fn interleaved(scratch: &Scratch, clouds: &PathBuf, args: &[&str]) -> String {
    let path = scratch.root.join("interleaved");
    let file = fs::File::create(&path).expect("a scratch file");
    let status = scratch
        .openstack(clouds)
        .args(args)
        .arg("--debug")
        .stdout(file.try_clone().expect("the file again"))
        .stderr(file)
        .status()
        .expect("the binary runs");
    assert!(status.success());
    fs::read_to_string(&path).expect("the output")
}

/// A list of `count` rows in three pages (and an empty fourth), with and without `--long`: streamed and buffered
/// are the same bytes, and its first row (found in the log by `first_row`) is printed between the first and the
/// second request (the `--debug` log's GET lines whose URL holds `get`).
fn paged_list(
    scratch: &Scratch,
    clouds: &PathBuf,
    list: &[&str],
    count: usize,
    get: &str,
    first_row: impl Fn(&str) -> Option<usize>,
) {
    let json = same_streamed_and_buffered(scratch, clouds, list);
    let long: Vec<&str> = list.iter().copied().chain(["--long"]).collect();
    same_streamed_and_buffered(scratch, clouds, &long);
    let listed: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(listed.as_array().map(Vec::len), Some(count));
    let log = interleaved(scratch, clouds, &[list, &["-f", "value"]].concat());
    let mut at = 0;
    let gets: Vec<usize> = log
        .split_inclusive('\n')
        .filter_map(|line| {
            let start = at;
            at += line.len();
            (line.starts_with("REQ: curl -g -i -X GET ") && line.contains(get)).then_some(start)
        })
        .collect();
    assert_eq!(gets.len(), 4, "{log}");
    assert!(
        first_row(&log).is_some_and(|row| row > gets[0] && row < gets[1]),
        "{log}"
    );
}

#[test]
fn project_and_user_lists_of_many_pages_stream_the_buffered_bytes() {
    let Some(clouds) = devcloud("projects") else {
        return;
    };
    let scratch = Scratch::new("projects");
    let domain = format!("stream-test-{}", std::process::id());
    let os = || scratch.openstack(&clouds);
    ok(
        os(),
        &["domain", "create", &domain, "-f", "value", "-c", "id"],
    );
    // Names that each format treats specially: unicode, CSV's comma and quote, YAML's special words.
    let names = ["pé, \"one\"", "yes", "plain", "ünï 😀", "x"];
    for name in names {
        ok(
            os(),
            &[
                "project",
                "create",
                "--domain",
                &domain,
                "--description",
                "a, b",
                name,
            ],
        );
    }
    let list = ["project", "list", "--domain", &domain, "--limit", "2"];
    // The first row: a line that starts with a project ID.
    let project_row = |log: &str| {
        let mut at = 0;
        log.split_inclusive('\n').find_map(|line| {
            let start = at;
            at += line.len();
            let id = line.get(..33)?;
            (id.ends_with(' ') && id[..32].chars().all(|c| c.is_ascii_hexdigit())).then_some(start)
        })
    };
    // Any port: scripts/devcloud's ports can be moved (DEVCLOUD_KEYSTONE_PORT and the like).
    let projects_get = "/v3/projects?";
    paged_list(
        &scratch,
        &clouds,
        &list,
        names.len(),
        projects_get,
        project_row,
    );
    // A sorted list is buffered and still right.
    let sorted = ok(
        os(),
        &[
            &list[..],
            &["--sort", "name:desc", "-f", "value", "-c", "Name"],
        ]
        .concat(),
    );
    let mut want: Vec<&str> = names.to_vec();
    want.sort_by(|a, b| b.cmp(a));
    assert_eq!(sorted.lines().collect::<Vec<_>>(), want);
    // `user list` pages the same way.
    let users = ["ü, \"u\"", "no", "u3"];
    for user in users {
        ok(os(), &["user", "create", "--domain", &domain, user]);
    }
    let list = ["user", "list", "--domain", &domain, "--limit", "2"];
    let json = same_streamed_and_buffered(&scratch, &clouds, &list);
    let listed: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(listed.as_array().map(Vec::len), Some(users.len()));
    for user in users {
        ok(os(), &["user", "delete", "--domain", &domain, user]);
    }
    for name in names {
        ok(os(), &["project", "delete", "--domain", &domain, name]);
    }
    ok(os(), &["domain", "set", "--disable", &domain]);
    ok(os(), &["domain", "delete", &domain]);
}

#[test]
fn an_object_list_of_many_pages_streams_the_buffered_bytes() {
    let Some(clouds) = devcloud("objects") else {
        return;
    };
    let scratch = Scratch::new("objects");
    let container = format!("stream-test-{}", std::process::id());
    let os = || scratch.openstack(&clouds);
    ok(os(), &["container", "create", &container]);
    let names = ["a,b \"q\"", "é ü", "yes", "dir/x", "z"];
    for (i, name) in names.iter().enumerate() {
        let file = scratch.root.join("work").join(format!("f{i}"));
        fs::write(&file, name.repeat(i + 1)).expect("a file to upload");
        ok(
            os(),
            &[
                "object",
                "create",
                &container,
                file.to_str().expect("UTF-8 path"),
                "--name",
                name,
            ],
        );
    }
    let list = ["object", "list", &container, "--all", "--limit", "2"];
    let objects_get = format!("/{container}?format=json");
    paged_list(&scratch, &clouds, &list, names.len(), &objects_get, |log| {
        log.find("\na,b \"q\"\n")
    });
    let containers = [
        "container",
        "list",
        "--prefix",
        &container,
        "--all",
        "--limit",
        "1",
    ];
    same_streamed_and_buffered(&scratch, &clouds, &containers);
    ok(os(), &["container", "delete", "--recursive", &container]);
}

/// A local Swift account whose listing fails on its second page (a real server cannot be made to do that on
/// cue): every request with a `marker` gets a 500, the first page one object. Serves connections until the test
/// process ends. Returns the account URL.
fn swift_failing_on_page_two() -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || loop {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    match stream.read(&mut byte) {
                        Ok(1) => head.push(byte[0]),
                        _ => return,
                    }
                }
                let head = String::from_utf8_lossy(&head);
                let (status, body) = if head.contains("marker=") {
                    ("500 Internal Server Error", "boom".to_owned())
                } else {
                    (
                        "200 OK",
                        r#"[{"name": "a, \"1\"", "bytes": 1, "hash": "h", "content_type": "t", "last_modified": "m"}]"#
                            .to_owned(),
                    )
                };
                let answer = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                     X-Openstack-Request-Id: tx1\r\n\r\n{body}",
                    body.len()
                );
                if stream.write_all(answer.as_bytes()).is_err() {
                    return;
                }
            });
        }
    });
    format!("http://127.0.0.1:{port}/v1/AUTH_test")
}

#[test]
fn a_later_page_failing_ends_a_streamed_list_with_the_buffered_error() {
    let scratch = Scratch::new("failing");
    let endpoint = swift_failing_on_page_two();
    let run = |stream: &str, format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_openstack"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", scratch.root.join("home"))
            .env("XDG_CACHE_HOME", scratch.root.join("cache"))
            .env("XDG_CONFIG_HOME", scratch.root.join("config"))
            .env("OSC_RS_STREAM", stream)
            .current_dir(scratch.root.join("work"))
            .stdin(Stdio::null())
            .args(["--os-auth-type", "none", "--os-endpoint", &endpoint])
            .args(["object", "list", "c", "--all", "--limit", "1", "-f", format])
            .output()
            .expect("the binary runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for (format, printed) in [
        ("json", "[\n  {\n    \"Name\": \"a, \\\"1\\\"\"\n  }"),
        ("csv", "\"Name\"\n\"a, \"\"1\"\"\"\n"),
        ("value", "a, \"1\"\n"),
        // PyYAML's emitter ends a line only when the next one starts.
        ("yaml", "- Name: a, \"1\""),
    ] {
        let (code, stdout, stderr) = run("1", format);
        let (buffered_code, buffered_stdout, buffered_stderr) = run("0", format);
        // The same exit code and one-line error as buffered; the first page's rows were printed before it.
        assert_eq!(code, Some(1), "{stderr}");
        assert_eq!((code, &stderr), (buffered_code, &buffered_stderr));
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("500"), "{stderr}");
        assert_eq!(buffered_stdout, "");
        assert_eq!(stdout, printed, "-f {format}");
    }
}
