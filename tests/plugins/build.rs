//! Builds of the real `openstack` with other features than the workspace's binary, for the tests of the plugin
//! crates (runit, python-bridge). They are made in their own target directory, `<target>/plugin-tests`, so that
//! these tests neither depend on nor disturb the workspace's `target/debug/openstack`. The first build takes about
//! a minute, later ones a second.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `openstack` built with `features` (cargo arguments), copied to `<target>/plugin-tests/<name>`.
pub fn openstack(features: &[&str], name: &str) -> PathBuf {
    // <target>/debug/deps/<this test> → <target>
    let exe = std::env::current_exe().expect("test executable");
    let target = exe
        .ancestors()
        .nth(3)
        .expect("target directory")
        .join("plugin-tests");
    // Both crates live two levels below the workspace (plugins/<name>).
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut cargo = Command::new(env!("CARGO"));
    cargo
        .args(["build", "--offline", "-q", "-p", "openstackclient"])
        .args(features)
        .arg("--target-dir")
        .arg(&target)
        .current_dir(&workspace)
        .env_remove("CARGO_TARGET_DIR");
    let output = cargo.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo build {features:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Copied under a name of this process, then renamed: a test binary running in parallel never starts a
    // half-copied file.
    let copy = target.join(name);
    let partial = target.join(format!("{name}.{}", std::process::id()));
    fs::copy(target.join("debug").join("openstack"), &partial).expect("copy openstack");
    fs::rename(&partial, &copy).expect("rename openstack");
    copy
}
