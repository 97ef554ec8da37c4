//! `openstack-mistral` run by hand with an argument that is not UTF-8: the usage note and exit 2, not a panic.

use std::os::unix::ffi::OsStrExt;
use std::process::Command;

#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_openstack-mistral"))
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .expect("the plugin runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("openstack-mistral is a plugin of the openstack command; its commands run through openstack:\n"),
        "{stderr}"
    );
}
