//! Compatibility tests: our `openstack` against python-openstackclient on the local devcloud.
//!
//! build.rs makes one test per `[case]` of each `src/**/*.cases` file (named
//! `compat_<file>_<case>`); each runs `scripts/compat --case <case> <file>` with
//! `OPENSTACK_RS` set to the `openstack` binary cargo built for this test run, and fails
//! with the harness's report unless the two clients agree.
//!
//! The cloud comes from `scripts/devcloud up` (the harness finds it through
//! `OS_CLIENT_CONFIG_FILE`, else `$OSC_RS_CACHE/devcloud/clouds.yaml`).  When it is not
//! running, a test prints "skipped: devcloud not running" and passes, unless
//! `OSC_RS_REQUIRE_CLOUD=1` (set by scripts/test, hence by CI): then it fails.
//! See docs/testbed.md.

use std::path::Path;
use std::process::{Command, Stdio};

/// scripts/compat's exit status when the test bed (devcloud, OSC) is not ready.
const NOT_READY: i32 = 3;

fn run_case(file: &str, case: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("scripts/compat");
    let out = Command::new(&script)
        .arg("--case")
        .arg(case)
        .arg(file)
        .env("OPENSTACK_RS", env!("CARGO_BIN_EXE_openstack"))
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(NOT_READY) {
        if std::env::var("OSC_RS_REQUIRE_CLOUD").as_deref() == Ok("1") {
            panic!("devcloud not running and OSC_RS_REQUIRE_CLOUD=1 (run scripts/devcloud up)\n{stderr}");
        }
        println!("skipped: devcloud not running ({})", stderr.trim());
        return;
    }
    assert!(
        out.status.success(),
        "{file}[{case}]: ours differs from python-openstackclient ({})\n{stdout}{stderr}",
        out.status
    );
    print!("{stdout}");
}

include!(concat!(env!("OUT_DIR"), "/compat_cases.rs"));
