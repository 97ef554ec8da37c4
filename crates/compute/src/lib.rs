//! The compute plugin (`openstackclient.compute.client`): the `--os-compute-api-version` option and the
//! `openstack.compute.v2` commands.

pub mod resources;
pub mod v2;

use osc_lib::{Plugin, PluginCommand, VersionOption};

/// OSC's built-in compute plugin.
pub struct ComputePlugin;

impl Plugin for ComputePlugin {
    fn api_name(&self) -> &str {
        "compute"
    }

    fn module(&self) -> (&str, &str) {
        ("openstackclient", env!("CARGO_PKG_VERSION"))
    }

    fn version_option(&self) -> VersionOption {
        VersionOption {
            dest: "os_compute_api_version".to_owned(),
            flag: Some("--os-compute-api-version".to_owned()),
            metavar: "<compute-api-version>".to_owned(),
            help: "Compute API version, default=2.1 (Env: OS_COMPUTE_API_VERSION)".to_owned(),
            env: "OS_COMPUTE_API_VERSION".to_owned(),
            option_default: None,
        }
    }

    fn default_version(&self) -> Option<&str> {
        // OSC's DEFAULT_API_VERSION is 2.1, but openstacksdk's config defaults `compute_api_version` to 2, which
        // is what OSC finds when no option, variable or clouds.yaml sets it: no microversion is then forced and
        // each request negotiates its class's highest (GET /servers/detail goes out at 2.100 against Nova 34).
        Some("2")
    }

    fn supported_versions(&self) -> &[&str] {
        &["2", "2.1"]
    }

    fn check_version(&self, _version: &str) -> Option<bool> {
        // OSC: "SDK supports auto-negotiation for us: always return True".
        Some(true)
    }

    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)> {
        match major {
            "2" => v2::commands(),
            _ => Vec::new(),
        }
    }
}
