//! Network API v2 commands (`openstack.network.v2`), one module per object as in OSC.

use osc_lib::PluginCommand;

/// Every network v2 command, by its multi-word name (OSC's `openstack.network.v2` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
