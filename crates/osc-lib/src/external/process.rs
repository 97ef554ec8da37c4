//! Starting a plugin executable and collecting its answer before a deadline.
//!
//! The request of `--osc-plugin-run` travels through a pipe whose read end the child inherits under its own
//! descriptor number (announced in `OSC_PLUGIN_FD`), so the token is never in the child's argv or environment,
//! where other users (`ps`) or crash reporters could read it. The plugin's stdout carries its one JSON answer;
//! its stderr is the user's terminal when it runs a command, and is captured when it prints its manifest so that a
//! failure can be reported in one line. Neither mode inherits the `OS_*` variables that hold secrets
//! (`crate::child_env`).

use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::child_env::strip_secrets;

use super::signals::{die_with_parent, Forwarding};

use super::answer::{read_checked, Problem};
use super::protocol::{
    FD_ENV, MANIFEST_FLAG, MODE_ENV, MODE_MANIFEST, MODE_RUN, PROTOCOL_ENV, PROTOCOL_VERSION,
    RUN_FLAG,
};

/// The largest manifest accepted: far above any real one, low enough that a runaway plugin cannot exhaust memory.
const MANIFEST_LIMIT: u64 = 16 << 20;

/// A plugin process whose answer (`T`, read from its stdout on a thread) is being collected.
pub(crate) struct Running<T> {
    child: Child,
    stdout: Receiver<T>,
    /// Whether what was read means the plugin must be stopped instead of waited for (an invalid answer: it may
    /// still be writing, and nobody reads any more).
    stop_on: fn(&T) -> bool,
    stderr: Option<Receiver<io::Result<Vec<u8>>>>,
    writer: Option<JoinHandle<()>>,
    started: Instant,
    /// Passes signals on to the plugin while it runs a command (none for manifests: they are short and quiet).
    signals: Option<Forwarding>,
}

/// A plugin printing its manifest: its stdout is read whole (up to a limit).
pub(crate) type ManifestRun = Running<io::Result<Vec<u8>>>;

/// A plugin process that finished in time.
pub(crate) struct Finished<T> {
    /// How it ended.
    pub status: ExitStatus,
    /// What was read from its stdout.
    pub stdout: T,
    /// Its stderr, when captured (manifest mode).
    pub stderr: Vec<u8>,
    /// Whether `openstack` got SIGINT (Ctrl-C) while the plugin ran: the command was interrupted.
    pub interrupted: bool,
}

/// Starts `<path> [args...] --osc-plugin-manifest` with no stdin and both outputs captured (`args`: the Python
/// bridge's `-c <script>`; none for an `openstack-<name>` executable).
pub(crate) fn spawn_manifest(path: &Path, args: &[String]) -> Result<ManifestRun, String> {
    let started = Instant::now();
    let mut command = Command::new(path);
    strip_secrets(&mut command)
        .args(args)
        .arg(MANIFEST_FLAG)
        .env(PROTOCOL_ENV, PROTOCOL_VERSION.to_string())
        .env(MODE_ENV, MODE_MANIFEST)
        .env_remove(FD_ENV)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: the closure runs in the forked child before exec and only makes async-signal-safe syscalls.
    unsafe {
        command.pre_exec(move || die_with_parent(parent));
    }
    let mut child = command.spawn().map_err(|err| spawn_problem(&err))?;
    let stdout = read_in_background(child.stdout.take(), MANIFEST_LIMIT);
    let stderr = read_in_background(child.stderr.take(), MANIFEST_LIMIT);
    Ok(Running {
        child,
        stdout,
        stop_on: |_| false,
        stderr: Some(stderr),
        writer: None,
        started,
        signals: None,
    })
}

/// Starts `<path> --osc-plugin-run`, handing it `request` through an inherited pipe; stdin and stderr are the
/// user's. Its answer is parsed as it arrives, up to `limit` bytes.
pub(crate) fn spawn_run(
    path: &Path,
    args: &[String],
    request: Vec<u8>,
    limit: Option<u64>,
) -> Result<Running<Result<Vec<u8>, Problem>>, String> {
    let (reader, writer) = io::pipe().map_err(|err| format!("could not create a pipe: {err}"))?;
    let started = Instant::now();
    let reader = OwnedFd::from(reader);
    let child_fd = reader.as_raw_fd();
    let mut command = Command::new(path);
    strip_secrets(&mut command)
        .args(args)
        .arg(RUN_FLAG)
        .env(PROTOCOL_ENV, PROTOCOL_VERSION.to_string())
        .env(MODE_ENV, MODE_RUN)
        .env(FD_ENV, child_fd.to_string())
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: the closure runs in the forked child before exec and only makes async-signal-safe syscalls (fcntl,
    // prctl, getppid); it touches no memory shared with the parent.
    unsafe {
        command.pre_exec(move || {
            keep_across_exec(child_fd)?;
            die_with_parent(parent)
        });
    }
    let signals = Forwarding::start();
    let spawned = command.spawn();
    // The child has its own copy now (or none, if spawning failed); ours must go so that the plugin's exit turns
    // into EPIPE for the writer instead of a writer blocked forever.
    drop(reader);
    let mut child = match spawned {
        Ok(child) => child,
        Err(err) => {
            // A SIGTERM caught meanwhile still ends `openstack`.
            signals.finish();
            return Err(spawn_problem(&err));
        }
    };
    signals.attach(child.id());
    let signals = Some(signals);
    let stdout = parse_in_background(child.stdout.take(), limit);
    let writer = thread::spawn(move || {
        let mut writer = writer;
        // A plugin that exits without reading its request makes this fail with EPIPE; its exit status and
        // answer tell the real story, so the write error itself is not reported.
        let _ = writer.write_all(&request);
    });
    Ok(Running {
        child,
        stdout,
        stop_on: |answer| matches!(answer, Err(problem) if problem.stops_plugin()),
        stderr: None,
        writer: Some(writer),
        started,
        signals,
    })
}

/// Clears close-on-exec on `fd` (pipes are created with it set, so no other child inherits the request).
fn keep_across_exec(fd: i32) -> io::Result<()> {
    // SAFETY: fcntl on a descriptor number has no memory-safety requirement; errors are reported by its result.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn spawn_problem(err: &io::Error) -> String {
    format!("could not be started: {err}")
}

/// Reads a child's output on a thread, so that neither pipe can fill up and stall the child.
fn read_in_background<R: Read + Send + 'static>(
    source: Option<R>,
    limit: u64,
) -> Receiver<io::Result<Vec<u8>>> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut data = Vec::new();
        let result = match source {
            Some(source) => source
                .take(limit.saturating_add(1))
                .read_to_end(&mut data)
                .map(|_| data),
            None => Ok(data),
        };
        // The receiver is gone only when the waiting side gave up; nothing is left to tell.
        let _ = sender.send(result);
    });
    receiver
}

/// Parses a run's answer on a thread, as it arrives (see [`super::answer`]).
fn parse_in_background<R: Read + Send + 'static>(
    source: Option<R>,
    limit: Option<u64>,
) -> Receiver<Result<Vec<u8>, Problem>> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let result = match source {
            Some(source) => read_checked(source, limit),
            None => Ok(Vec::new()),
        };
        // The receiver is gone only when the waiting side gave up; nothing is left to tell.
        let _ = sender.send(result);
    });
    receiver
}

impl<T> Running<T> {
    /// Waits for the answer and the exit, at most `timeout` after the start (`None`: no limit); a late child is
    /// killed, and so is one whose answer is already known to be invalid.
    pub(crate) fn wait(mut self, timeout: Option<Duration>) -> Result<Finished<T>, String> {
        let deadline = timeout.map(|timeout| self.started + timeout);
        let stdout = match receive(&self.stdout, deadline) {
            Some(result) => result,
            None => return Err(self.kill_late(timeout)),
        };
        if (self.stop_on)(&stdout) {
            // It may have exited already; either way it is reaped below.
            let _ = self.child.kill();
        }
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if deadline.is_some_and(|d| Instant::now() >= d) => {
                    return Err(self.kill_late(timeout))
                }
                // Stdout is closed, so the child is normally exiting already: poll briefly.
                Ok(None) => thread::sleep(Duration::from_micros(200)),
                Err(err) => return Err(format!("could not be waited for: {err}")),
            }
        };
        let stderr = match &self.stderr {
            // The child has exited; only a grandchild still holding stderr could delay this, so bound it.
            Some(receiver) => receiver
                .recv_timeout(Duration::from_millis(100))
                .ok()
                .and_then(Result::ok)
                .unwrap_or_default(),
            None => Vec::new(),
        };
        if let Some(writer) = self.writer.take() {
            // The child is gone, so its read end is closed and the writer cannot block.
            let _ = writer.join();
        }
        // The child is reaped: a SIGTERM or SIGHUP that arrived meanwhile now ends `openstack` too.
        let interrupted = self.signals.take().is_some_and(Forwarding::finish);
        Ok(Finished {
            status,
            stdout,
            stderr,
            interrupted,
        })
    }

    fn kill_late(&mut self, timeout: Option<Duration>) -> String {
        // The child may have exited in the meantime; either way it must not outlive the deadline.
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
        if let Some(signals) = self.signals.take() {
            signals.finish();
        }
        match timeout {
            Some(timeout) => format!("did not answer within {} seconds", timeout.as_secs_f64()),
            None => "did not answer".to_owned(),
        }
    }
}

/// The value sent on `receiver` before `deadline`; `None` on timeout.
fn receive<T>(receiver: &Receiver<T>, deadline: Option<Instant>) -> Option<T> {
    match deadline {
        None => receiver.recv().ok(),
        Some(deadline) => {
            let left = deadline.saturating_duration_since(Instant::now());
            receiver.recv_timeout(left).ok()
        }
    }
}

/// Whether a manifest answer hit the size limit.
pub(crate) fn manifest_too_large(stdout: &[u8]) -> bool {
    stdout.len() as u64 > MANIFEST_LIMIT
}

/// How a child ended, in words (`exited with status 3`, `was killed by signal 11 (SIGSEGV)`).
pub(crate) fn describe_status(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exited with status {code}");
    }
    match status.signal() {
        Some(signal) => match signal_name(signal) {
            Some(name) => format!("was killed by signal {signal} ({name})"),
            None => format!("was killed by signal {signal}"),
        },
        None => format!("ended abnormally ({status})"),
    }
}

fn signal_name(signal: i32) -> Option<&'static str> {
    let names = [
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGINT, "SIGINT"),
        (libc::SIGQUIT, "SIGQUIT"),
        (libc::SIGILL, "SIGILL"),
        (libc::SIGABRT, "SIGABRT"),
        (libc::SIGBUS, "SIGBUS"),
        (libc::SIGFPE, "SIGFPE"),
        (libc::SIGKILL, "SIGKILL"),
        (libc::SIGSEGV, "SIGSEGV"),
        (libc::SIGPIPE, "SIGPIPE"),
        (libc::SIGTERM, "SIGTERM"),
    ];
    names
        .iter()
        .find(|(number, _)| *number == signal)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn script(dir: &Path, name: &str, body: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        path
    }

    fn tempdir(tag: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "osc-process-{tag}-{}-{:?}",
            std::process::id(),
            thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("mkdir");
        dir
    }

    #[test]
    fn request_arrives_through_the_announced_descriptor() {
        let dir = tempdir("fd");
        let plugin = script(
            &dir,
            "echo-request",
            r#"[ "$1" = --osc-plugin-run ] || exit 9
eval "exec 0<&$OSC_PLUGIN_FD"
printf '{"protocol": %s, "output": {"kind": "text", "text": "' "$OSC_PLUGIN_PROTOCOL"
cat
printf '"}}'"#,
        );
        let finished = spawn_run(&plugin, &[], b"secret request".to_vec(), None)
            .expect("spawned")
            .wait(Some(Duration::from_secs(20)))
            .expect("finished");
        assert!(finished.status.success());
        let answer = super::super::answer::parse_response(&finished.stdout.expect("valid"))
            .expect("valid")
            .expect("an answer");
        assert_eq!(
            answer.output,
            Some(cliff::Output::Text {
                text: "secret request".to_owned()
            })
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn large_requests_do_not_block_a_plugin_that_never_reads() {
        let dir = tempdir("noread");
        let plugin = script(
            &dir,
            "ignore",
            r#"echo '{"protocol": 1, "output": {"kind": "exit", "code": 0}}'"#,
        );
        let finished = spawn_run(&plugin, &[], vec![b'x'; 1 << 20], None)
            .expect("spawned")
            .wait(Some(Duration::from_secs(20)))
            .expect("finished");
        let answer = super::super::answer::parse_response(&finished.stdout.expect("valid"))
            .expect("valid")
            .expect("an answer");
        assert_eq!(answer.output, Some(cliff::Output::Exit { code: 0 }));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_hanging_plugin_is_killed_at_the_deadline() {
        let dir = tempdir("hang");
        let plugin = script(&dir, "hang", "exec sleep 30");
        let start = Instant::now();
        let problem = spawn_manifest(&plugin, &[])
            .expect("spawned")
            .wait(Some(Duration::from_millis(200)))
            .err()
            .expect("timed out");
        assert_eq!(problem, "did not answer within 0.2 seconds");
        assert!(start.elapsed() < Duration::from_secs(10));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn statuses_in_words() {
        let dir = tempdir("status");
        let crash = script(&dir, "crash", "kill -SEGV $$");
        let finished = spawn_manifest(&crash, &[])
            .expect("spawned")
            .wait(None)
            .expect("finished");
        assert_eq!(
            describe_status(finished.status),
            "was killed by signal 11 (SIGSEGV)"
        );
        let fail = script(&dir, "fail", "echo oops >&2; exit 3");
        let finished = spawn_manifest(&fail, &[])
            .expect("spawned")
            .wait(None)
            .expect("finished");
        assert_eq!(describe_status(finished.status), "exited with status 3");
        assert_eq!(finished.stderr, b"oops\n");
        assert!(!finished.interrupted);
        let problem = spawn_manifest(&dir.join("missing"), &[])
            .err()
            .expect("error");
        assert!(problem.starts_with("could not be started: "), "{problem}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
