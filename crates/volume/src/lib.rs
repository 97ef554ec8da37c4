//! The volume plugin (`openstackclient.volume.client`): the `--os-volume-api-version` option and the
//! `openstack.volume.v3` commands.

pub mod api;
pub mod common;
pub mod lookup;
pub mod resources;
pub mod v3;

use osc_lib::{Plugin, PluginCommand, VersionOption};

/// OSC's built-in volume plugin.
pub struct VolumePlugin;

impl Plugin for VolumePlugin {
    fn api_name(&self) -> &str {
        "volume"
    }

    fn module(&self) -> (&str, &str) {
        ("openstackclient", env!("CARGO_PKG_VERSION"))
    }

    fn version_option(&self) -> VersionOption {
        VersionOption {
            dest: "os_volume_api_version".to_owned(),
            flag: Some("--os-volume-api-version".to_owned()),
            metavar: "<volume-api-version>".to_owned(),
            help: "Volume API version, default=3 (Env: OS_VOLUME_API_VERSION)".to_owned(),
            env: "OS_VOLUME_API_VERSION".to_owned(),
            option_default: None,
        }
    }

    fn default_version(&self) -> Option<&str> {
        Some("3")
    }

    fn supported_versions(&self) -> &[&str] {
        &["2", "3"]
    }

    fn check_version(&self, _version: &str) -> Option<bool> {
        // OSC: "SDK supports auto-negotiation for us: always return True".
        Some(true)
    }

    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)> {
        match major {
            "3" => v3::commands(),
            _ => Vec::new(),
        }
    }
}
