//! The identity plugin (`openstackclient.identity.client`): the `--os-identity-api-version` option and the
//! identity commands of each API version.

pub mod common;
pub mod keystone;
pub mod output;
pub mod pagination;
pub mod resources;
pub mod v2;
pub mod v3;

#[cfg(test)]
pub mod testing;

use osc_lib::{Plugin, PluginCommand, VersionOption};

/// OSC's built-in identity plugin.
pub struct IdentityPlugin;

impl Plugin for IdentityPlugin {
    fn api_name(&self) -> &str {
        "identity"
    }

    fn module(&self) -> (&str, &str) {
        ("openstackclient", env!("CARGO_PKG_VERSION"))
    }

    fn version_option(&self) -> VersionOption {
        VersionOption {
            dest: "os_identity_api_version".to_owned(),
            flag: Some("--os-identity-api-version".to_owned()),
            metavar: "<identity-api-version>".to_owned(),
            help: "Identity API version, default=3 (Env: OS_IDENTITY_API_VERSION)".to_owned(),
            env: "OS_IDENTITY_API_VERSION".to_owned(),
            option_default: None,
        }
    }

    fn default_version(&self) -> Option<&str> {
        Some("3")
    }

    fn supported_versions(&self) -> &[&str] {
        &["2.0", "2", "3"]
    }

    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)> {
        match major {
            "3" => v3::commands(),
            "2" => v2::commands(),
            _ => Vec::new(),
        }
    }
}
