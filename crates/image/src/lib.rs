//! The image plugin (`openstackclient.image.client`): the `--os-image-api-version` option and the
//! `openstack.image.v2` commands.

pub mod attrs;
pub mod common;
pub mod data;
pub mod hash;
pub mod hash_thread;
pub mod resources;
pub mod v2;

use osc_lib::{Plugin, PluginCommand, VersionOption};

/// OSC's built-in image plugin.
pub struct ImagePlugin;

impl Plugin for ImagePlugin {
    fn api_name(&self) -> &str {
        "image"
    }

    fn module(&self) -> (&str, &str) {
        ("openstackclient", env!("CARGO_PKG_VERSION"))
    }

    fn version_option(&self) -> VersionOption {
        VersionOption {
            dest: "os_image_api_version".to_owned(),
            flag: Some("--os-image-api-version".to_owned()),
            metavar: "<image-api-version>".to_owned(),
            help: "Image API version, default=2 (Env: OS_IMAGE_API_VERSION)".to_owned(),
            env: "OS_IMAGE_API_VERSION".to_owned(),
            option_default: None,
        }
    }

    fn default_version(&self) -> Option<&str> {
        Some("2")
    }

    fn supported_versions(&self) -> &[&str] {
        &["1", "2"]
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
