//! The Mistral workflow service's commands for `openstack`: python-mistralclient's 70 `openstack workflow ...`,
//! `task execution ...`, `action ...`, `cron trigger ...` (and more) commands, written only against the plugin API
//! (`osc_lib::Plugin`, `osc_lib::ClientManager`, `cliff::Command`), as any third party would write a plugin.
//!
//! The plugin is [`MistralPlugin`]: API name `workflow_engine`, chosen with `--os-workflow-api-version` (default
//! `2`), commands in the group `openstack.workflow_engine.v2`. Commands talk to the catalog endpoint of service
//! type `workflowv2` for the configured interface and region; unlike python-mistralclient, which always uses the
//! public endpoint, `--os-interface` is honoured.
//!
//! Beyond python-mistralclient: `workflow execution create --wait` and `action execution run --wait` follow the
//! execution until it finishes.

mod api;
mod commands;
mod input;
mod listing;
mod pyjson;
mod shape;
mod text;
mod time;
mod wait;

#[cfg(test)]
mod testing;

use osc_lib::plugin::{Plugin, PluginCommand, VersionOption};

/// The API name: the ClientManager attribute and the command group (`openstack.workflow_engine.v2`).
pub const API_NAME: &str = "workflow_engine";

/// The API version used when none is chosen (python-mistralclient's `DEFAULT_WORKFLOW_API_VERSION`).
pub const DEFAULT_API_VERSION: &str = "2";

/// The Mistral plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct MistralPlugin;

impl Plugin for MistralPlugin {
    fn api_name(&self) -> &str {
        API_NAME
    }

    /// `module list` shows python-mistralclient's module name with this crate's version.
    fn module(&self) -> (&str, &str) {
        ("mistralclient", env!("CARGO_PKG_VERSION"))
    }

    /// The distribution OSC names after each command's summary in `openstack --help` and at the end of each
    /// command's help (`This command is provided by the python-mistralclient plugin.`). This crate replaces
    /// python-mistralclient, and scripts and users read these texts as OSC prints them, so it names that one.
    fn dist(&self) -> Option<&str> {
        Some("python-mistralclient")
    }

    fn version_option(&self) -> VersionOption {
        VersionOption {
            dest: "os_workflow_api_version".to_owned(),
            flag: Some("--os-workflow-api-version".to_owned()),
            metavar: "<workflow-api-version>".to_owned(),
            help: format!(
                "Workflow API version, default={DEFAULT_API_VERSION} (Env: OS_WORKFLOW_API_VERSION)"
            ),
            env: "OS_WORKFLOW_API_VERSION".to_owned(),
            option_default: Some(DEFAULT_API_VERSION.to_owned()),
        }
    }

    /// None, as python-mistralclient's plugin module defines no `DEFAULT_API_VERSION`: the `2` comes from the
    /// option's own default, so it also shows in `configuration show`.
    fn default_version(&self) -> Option<&str> {
        None
    }

    fn supported_versions(&self) -> &[&str] {
        &[DEFAULT_API_VERSION]
    }

    /// The commands of API version 2; other versions have none.
    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)> {
        if major == DEFAULT_API_VERSION {
            commands::all()
        } else {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_contract() {
        let plugin = MistralPlugin;
        assert_eq!(plugin.api_name(), "workflow_engine");
        assert_eq!(plugin.module().0, "mistralclient");
        assert_eq!(plugin.dist(), Some("python-mistralclient"));
        let option = plugin.version_option();
        assert_eq!(option.dest, "os_workflow_api_version");
        assert_eq!(option.flag.as_deref(), Some("--os-workflow-api-version"));
        assert_eq!(option.metavar, "<workflow-api-version>");
        assert_eq!(
            option.help,
            "Workflow API version, default=2 (Env: OS_WORKFLOW_API_VERSION)"
        );
        assert_eq!(option.env, "OS_WORKFLOW_API_VERSION");
        assert_eq!(option.option_default.as_deref(), Some("2"));
        assert_eq!(plugin.default_version(), None);
        assert_eq!(plugin.supported_versions(), &["2"]);
        assert_eq!(plugin.commands("2").len(), 70);
        assert!(plugin.commands("1").is_empty());
        assert_eq!(
            osc_lib::plugin::command_group(plugin.api_name(), "2"),
            "openstack.workflow_engine.v2"
        );
    }
}
