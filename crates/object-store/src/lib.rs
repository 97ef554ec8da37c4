//! The object_store plugin (`openstackclient.object.client`): the `--os-object-api-version` option and the
//! `openstack.object_store.v1` commands.

pub mod api;
pub mod files;
pub mod pages;
pub mod v1;

use osc_lib::{Plugin, PluginCommand, VersionOption};

/// OSC's built-in object_store plugin.
pub struct ObjectStorePlugin;

impl Plugin for ObjectStorePlugin {
    fn api_name(&self) -> &str {
        "object_store"
    }

    fn module(&self) -> (&str, &str) {
        ("openstackclient", env!("CARGO_PKG_VERSION"))
    }

    fn version_option(&self) -> VersionOption {
        VersionOption {
            dest: "os_object_api_version".to_owned(),
            flag: Some("--os-object-api-version".to_owned()),
            metavar: "<object-api-version>".to_owned(),
            help: "Object API version, default=1 (Env: OS_OBJECT_API_VERSION)".to_owned(),
            env: "OS_OBJECT_API_VERSION".to_owned(),
            option_default: None,
        }
    }

    fn default_version(&self) -> Option<&str> {
        Some("1")
    }

    fn supported_versions(&self) -> &[&str] {
        &["1"]
    }

    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)> {
        match major {
            "1" => v1::commands(),
            _ => Vec::new(),
        }
    }
}
