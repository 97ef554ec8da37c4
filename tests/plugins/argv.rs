//! A plugin executable (`openstack-runit` or `openstack-mistral`, whichever crate runs this test) started by hand
//! with an argument that is not UTF-8: the usage note and exit 2, not a panic.

use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;

#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error() {
    let binary = option_env!("CARGO_BIN_EXE_openstack-runit")
        .or(option_env!("CARGO_BIN_EXE_openstack-mistral"))
        .expect("built by the runit or mistral crate");
    let name = Path::new(binary)
        .file_name()
        .and_then(|name| name.to_str())
        .expect("a file name");
    let out = Command::new(binary)
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output()
        .expect("the plugin runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "{name} is a plugin of the openstack command; its commands run through openstack:\n"
        )),
        "{stderr}"
    );
}
