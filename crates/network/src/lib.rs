//! The network plugin (`openstackclient.network.client`): the `--os-network-api-version` option and the
//! `openstack.network.v2` commands.

pub mod common;
pub mod extension;
pub mod nested;
pub mod resources;
pub mod v2;

use osc_lib::{Plugin, PluginCommand, VersionOption};

/// OSC's built-in network plugin.
pub struct NetworkPlugin;

impl Plugin for NetworkPlugin {
    fn api_name(&self) -> &str {
        "network"
    }

    fn module(&self) -> (&str, &str) {
        ("openstackclient", env!("CARGO_PKG_VERSION"))
    }

    fn version_option(&self) -> VersionOption {
        VersionOption {
            dest: "os_network_api_version".to_owned(),
            flag: Some("--os-network-api-version".to_owned()),
            metavar: "<network-api-version>".to_owned(),
            help: "Network API version, default=2.0 (Env: OS_NETWORK_API_VERSION)".to_owned(),
            env: "OS_NETWORK_API_VERSION".to_owned(),
            option_default: None,
        }
    }

    fn default_version(&self) -> Option<&str> {
        Some("2.0")
    }

    fn supported_versions(&self) -> &[&str] {
        &["2.0", "2"]
    }

    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)> {
        match major {
            "2" => v2::commands(),
            _ => Vec::new(),
        }
    }

    fn extensions(&self, major: &str) -> Vec<(String, Vec<(String, PluginCommand)>)> {
        match major {
            "2" => v2::extensions(),
            _ => Vec::new(),
        }
    }
}
