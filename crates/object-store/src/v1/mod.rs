//! Object API v1 commands (`openstack.object_store.v1`), one module per object as in OSC.

use osc_lib::PluginCommand;

/// Every object_store v1 command, by its multi-word name (OSC's `openstack.object_store.v1` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
