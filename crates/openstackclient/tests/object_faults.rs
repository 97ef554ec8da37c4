//! Object data faults that the real Swift cannot be made to produce, against a one-connection local server (the
//! binary runs with `--os-auth-type none --os-endpoint`, so no Keystone is involved): a download cut short, a disk
//! that fills up while saving, and Ctrl-C during an upload or a download. Each ends with a clear one-line error (or
//! exit 130 for Ctrl-C, as OSC) and leaves no partial file behind.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A scratch directory of this test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("openstack-rs-object-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// The binary against the account at `endpoint`, without configuration from this machine.
fn openstack(endpoint: &str, dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_openstack"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .args(["--os-auth-type", "none", "--os-endpoint", endpoint])
        .args(args);
    command
}

/// Reads a request's head (up to the blank line).
fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// A server for one connection: `answer` gets the stream after the request's head. Returns the account URL.
fn serve(answer: impl FnOnce(TcpStream, String) + Send + 'static) -> (String, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let handle = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().expect("accept");
        let head = read_head(&mut stream);
        answer(stream, head);
    });
    (format!("http://127.0.0.1:{port}/v1/AUTH_test"), handle)
}

/// An object answer announcing `length` bytes; the first `sent` go out, then the connection is closed or, with
/// `stall`, held open without another byte.
fn object_answer(length: usize, sent: usize, stall: bool) -> impl FnOnce(TcpStream, String) {
    move |mut stream, _head| {
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nContent-Type: application/octet-stream\r\n\
             X-Openstack-Request-Id: tx0\r\n\r\n"
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&vec![b'x'; sent]);
        let _ = stream.flush();
        if stall {
            // Until the client goes away.
            let _ = stream.read(&mut [0u8; 1]);
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Waits until `ready` holds (at most 30 s), then sends SIGINT to the child and collects it.
fn interrupt_when(mut child: Child, ready: impl Fn() -> bool) -> Output {
    let start = Instant::now();
    while !ready() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(ready(), "the transfer never started");
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let _ = child.stdin.take();
    child.wait_with_output().expect("wait")
}

#[test]
fn a_download_cut_short_fails_and_leaves_no_file() {
    let dir = scratch("short");
    let (endpoint, server) = serve(object_answer(100_000, 1_000, false));
    let out = openstack(
        &endpoint,
        &dir,
        &["object", "save", "c", "o", "--file", "out"],
    )
    .output()
    .expect("runs");
    server.join().expect("server");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("http://127.0.0.1:") && stderr.contains("/v1/AUTH_test/c/o"),
        "{stderr}"
    );
    assert!(!dir.join("out").exists());
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_full_disk_fails_as_python_and_leaves_no_file() {
    let dir = scratch("full");
    let disk = dir.join("disk");
    std::fs::create_dir_all(&disk).expect("mount point");
    // A 64 KiB tmpfs when we may mount one (root), else a 64 KiB file size limit (SIGXFSZ ignored, as Python
    // ignores it: the write fails with EFBIG).
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&disk)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let (endpoint, server) = serve(object_answer(1_000_000, 1_000_000, false));
    let target = disk.join("out");
    let target = target.to_str().expect("a UTF-8 path");
    let out = if mounted {
        openstack(
            &endpoint,
            &dir,
            &["object", "save", "c", "o", "--file", target],
        )
        .output()
        .expect("runs")
    } else {
        let binary = openstack(&endpoint, &dir, &[]);
        let mut args: Vec<String> = vec![binary.get_program().to_string_lossy().into_owned()];
        args.extend(binary.get_args().map(|a| a.to_string_lossy().into_owned()));
        args.extend(["object", "save", "c", "o", "--file", target].map(str::to_owned));
        Command::new("sh")
            .arg("-c")
            .arg("ulimit -f 64; exec \"$@\"")
            .arg("sh")
            .args(&args)
            .env("HOME", &dir)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .output()
            .expect("runs")
    };
    server.join().expect("server");
    let leftover = Path::new(target).exists();
    if mounted {
        let _ = Command::new("umount").arg(&disk).status();
    }
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let expected = if mounted {
        "[Errno 28] No space left on device\n"
    } else {
        "[Errno 27] File too large\n"
    };
    assert_eq!(text(&out.stderr), expected);
    assert!(!leftover, "a partial file was left");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn ctrl_c_during_a_download_exits_130_and_removes_the_file() {
    let dir = scratch("save-int");
    let (endpoint, server) = serve(object_answer(10_000_000, 1_000_000, true));
    let child = openstack(
        &endpoint,
        &dir,
        &["object", "save", "c", "o", "--file", "out"],
    )
    .spawn()
    .expect("spawns");
    let file = dir.join("out");
    let out = interrupt_when(child, || file.exists());
    server.join().expect("server");
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(text(&out.stderr), "");
    assert!(!file.exists(), "a partial file was left");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn ctrl_c_during_an_upload_exits_130() {
    let dir = scratch("upload-int");
    let data = dir.join("data.bin");
    let file = std::fs::File::create(&data).expect("data file");
    file.set_len(50_000_000).expect("sparse data");
    let started = dir.join("started");
    let flag = started.clone();
    let (endpoint, server) = serve(move |mut stream, head| {
        assert!(head.starts_with("PUT /v1/AUTH_test/c/data.bin "), "{head}");
        let mut body = vec![0u8; 65_536];
        let mut got = 0;
        while got < 65_536 {
            match stream.read(&mut body) {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
        }
        std::fs::write(&flag, b"").expect("flag");
        // No answer: the client is stuck sending until interrupted.
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        std::thread::sleep(Duration::from_secs(1));
        while let Ok(n) = stream.read(&mut body) {
            if n == 0 {
                break;
            }
        }
    });
    let child = openstack(&endpoint, &dir, &["object", "create", "c", "data.bin"])
        .spawn()
        .expect("spawns");
    let out = interrupt_when(child, || started.exists());
    server.join().expect("server");
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn an_unreadable_file_fails_as_python_open_fails() {
    let dir = scratch("unreadable");
    std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o777))
        .expect("chmod");
    let file = dir.join("secret");
    std::fs::write(&file, b"data").expect("file");
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o000))
        .expect("chmod");
    let path = file.to_str().expect("a UTF-8 path");
    // Nothing is sent: the file is opened first. Root reads any file, so root runs the binary as nobody.
    let mut command = openstack(
        "http://127.0.0.1:9/v1/AUTH_test",
        &dir,
        &["object", "create", "c", path],
    );
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| text(&o.stdout).trim() == "0");
    if is_root {
        let program = command.get_program().to_owned();
        let args: Vec<_> = command.get_args().map(|a| a.to_owned()).collect();
        let mut as_nobody = Command::new("setpriv");
        as_nobody
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(program)
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", &dir)
            .current_dir(&dir)
            .stdin(Stdio::null());
        command = as_nobody;
    }
    let out = command.output().expect("runs");
    assert_eq!(
        text(&out.stderr),
        format!("[Errno 13] Permission denied: '{path}'\n")
    );
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).expect("clean up");
}
