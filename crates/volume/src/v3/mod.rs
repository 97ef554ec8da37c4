//! Volume API v3 commands (`openstack.volume.v3`), one module per object as in OSC.

use osc_lib::PluginCommand;

/// Every volume v3 command, by its multi-word name (OSC's `openstack.volume.v3` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
