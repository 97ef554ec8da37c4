//! runit: the example plugin of the osc-lib plugin guide (python-cliclient's `mycli`), in Rust.
//!
//! One command, `openstack runit echo [-m MESSAGE]`, that needs no cloud. The same crate ships two ways: linked
//! into `openstack` (`cargo build -p openstackclient --features runit`), or as the `openstack-runit` executable
//! (`cargo install --path plugins/runit`) that `openstack` discovers on PATH.

use std::sync::Arc;

use cliff::{Arg, Args, Command, Output, Parser, Result};
use osc_lib::{ClientManager, Plugin, PluginCommand, VersionOption};

/// The runit plugin module (`mycli/osc/plugin.py`).
pub struct RunitPlugin;

impl Plugin for RunitPlugin {
    /// `API_NAME`.
    fn api_name(&self) -> &str {
        "runit"
    }

    fn module(&self) -> (&str, &str) {
        ("runit", env!("CARGO_PKG_VERSION"))
    }

    fn dist(&self) -> Option<&str> {
        Some(env!("CARGO_PKG_NAME"))
    }

    /// `API_VERSION_OPTION = "os_runit_version"`; `build_option_parser` adds no flag, so the version can only come
    /// from clouds.yaml `runit_version` or `OS_RUNIT_VERSION`.
    fn version_option(&self) -> VersionOption {
        VersionOption {
            dest: "os_runit_version".to_owned(),
            flag: None,
            metavar: "<runit-version>".to_owned(),
            help: String::new(),
            env: "OS_RUNIT_VERSION".to_owned(),
            option_default: None,
        }
    }

    /// `DEFAULT_API_VERSION = "1"`: without it the group would be `openstack.runit.vNone` and hold no command.
    fn default_version(&self) -> Option<&str> {
        Some("1")
    }

    /// No `API_VERSIONS`: any version is accepted without a warning.
    fn supported_versions(&self) -> &[&str] {
        &[]
    }

    /// The `openstack.runit.v1` entry points.
    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)> {
        match major {
            "1" => vec![("runit echo".to_owned(), Arc::new(Echo) as PluginCommand)],
            _ => Vec::new(),
        }
    }
}

/// What `runit echo` prints when no message is given.
pub const DEFAULT_MESSAGE: &str = "Hello, World!";

/// `runit echo` (`mycli/echo.py`): prints its message.
pub struct Echo;

impl Command<ClientManager> for Echo {
    /// The Python class has no docstring, so cliff's description is empty.
    fn description(&self) -> &str {
        ""
    }

    fn auth_required(&self) -> bool {
        false
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["-m", "--message"])
                .default(DEFAULT_MESSAGE)
                .help("Echo message."),
        );
    }

    /// `print(parsed_args.message)`.
    fn take_action(&self, _ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let message = args.str("message").unwrap_or(DEFAULT_MESSAGE);
        Ok(Output::Text {
            text: format!("{message}\n"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cliff::ArgValue;
    use osc_lib::clientmanager::Settings;

    fn offline() -> ClientManager {
        ClientManager::new(
            Settings::default(),
            Box::new(|| Err(cliff::Error::command("runit echo must not connect"))),
        )
    }

    #[test]
    fn echoes_the_message() {
        let mut args = Args::default();
        args.set("message", ArgValue::Str("hi".to_owned()));
        assert_eq!(
            Echo.take_action(&mut offline(), &args).expect("ran"),
            Output::Text {
                text: "hi\n".to_owned()
            }
        );
    }

    #[test]
    fn registers_as_the_python_plugin_does() {
        let plugin = RunitPlugin;
        assert_eq!(plugin.api_name(), "runit");
        assert_eq!(
            osc_lib::plugin::command_group(
                plugin.api_name(),
                plugin.default_version().expect("default")
            ),
            "openstack.runit.v1"
        );
        let commands = plugin.commands("1");
        assert_eq!(commands.len(), 1);
        assert_eq!(commands[0].0, "runit echo");
        assert!(!commands[0].1.auth_required());
        assert!(plugin.commands("2").is_empty());
        assert_eq!(plugin.version_option().flag, None);
    }
}
