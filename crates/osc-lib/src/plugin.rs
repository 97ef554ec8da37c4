//! The plugin API: what a service's commands plug into, for built-in services and third parties alike.
//!
//! It mirrors OSC's plugin-module contract: an API name (also the ClientManager's name for the client), an API
//! version option (`--os-<api>-api-version`, `OS_<API>_API_VERSION`, clouds.yaml `<api>_api_version`), the supported
//! versions, a default version, and the commands of each version, grouped as `openstack.<api>.v<major>`.

use std::sync::Arc;

use cliff::Command;

use crate::clientmanager::ClientManager;

/// A command as plugins register it.
pub type PluginCommand = Arc<dyn Command<ClientManager>>;

/// The global option that selects a plugin's API version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionOption {
    /// Argparse dest and config key with `os_` (`os_workflow_api_version`); the config key drops the `os_`.
    pub dest: String,
    /// The flag (`--os-workflow-api-version`); `None` when the plugin adds no option (the seed's `runit`).
    pub flag: Option<String>,
    /// Metavar (`<workflow-api-version>`).
    pub metavar: String,
    /// Help text, as the plugin's `build_option_parser` writes it.
    pub help: String,
    /// Environment variable that gives the default (`OS_WORKFLOW_API_VERSION`).
    pub env: String,
    /// The option's own default when the variable is unset: python-openstackclient's plugins give none (their
    /// default version applies later), python-mistralclient gives `2`, which then shows in `configuration show`.
    pub option_default: Option<String>,
}

/// One plugin module: a service's commands and how to choose their version.
pub trait Plugin: Send + Sync {
    /// `API_NAME`: the ClientManager attribute and the command-group name (`identity`, `workflow_engine`).
    fn api_name(&self) -> &str;

    /// The module name and version shown by `module list` (`openstackclient`, `mistralclient`).
    fn module(&self) -> (&str, &str);

    /// The distribution named after a command's summary in help listings, when it is not the app itself.
    fn dist(&self) -> Option<&str> {
        None
    }

    /// `API_VERSION_OPTION` with its flag and help.
    fn version_option(&self) -> VersionOption;

    /// `DEFAULT_API_VERSION`.
    fn default_version(&self) -> Option<&str>;

    /// `API_VERSIONS`; empty means no validation (as a plugin without `API_VERSIONS`).
    fn supported_versions(&self) -> &[&str];

    /// `check_api_version`: `Some(true)` accepts any version and skips the supported-versions check.
    fn check_version(&self, _version: &str) -> Option<bool> {
        None
    }

    /// The commands of the group for this major version (`3` for identity v3), by multi-word name.
    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)>;

    /// `API_EXTENSIONS` with their commands for this major version: each `(extension, commands)` is registered in
    /// the group `openstack.<api>.v<major>.<extension>` (the network plugin's `taas`, `fwaas`, ...).
    fn extensions(&self, _major: &str) -> Vec<(String, Vec<(String, PluginCommand)>)> {
        Vec::new()
    }
}

/// The major version of an API version string as OSC computes it (`2.79` → `2`, `2_1` → `2`).
pub fn major_version(version: &str) -> String {
    version
        .replace('.', "_")
        .split('_')
        .next()
        .unwrap_or("")
        .to_owned()
}

/// The command group of a plugin at a version (`openstack.workflow_engine.v2`).
pub fn command_group(api_name: &str, version: &str) -> String {
    format!(
        "openstack.{}.v{}",
        api_name.replace('-', "_"),
        major_version(version)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_as_osc() {
        assert_eq!(command_group("compute", "2.79"), "openstack.compute.v2");
        assert_eq!(
            command_group("workflow_engine", "2"),
            "openstack.workflow_engine.v2"
        );
        assert_eq!(
            command_group("object-store", "1"),
            "openstack.object_store.v1"
        );
        assert_eq!(command_group("runit", "None"), "openstack.runit.vNone");
    }
}
