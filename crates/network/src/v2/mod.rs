//! Network API v2 commands (`openstack.network.v2`), one module per object as in OSC.

pub mod network;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every network v2 command, by its multi-word name (OSC's `openstack.network.v2` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("network create", Arc::new(network::CreateNetwork)),
        ("network delete", Arc::new(network::DeleteNetwork)),
        ("network list", Arc::new(network::ListNetwork)),
        ("network set", Arc::new(network::SetNetwork)),
        ("network show", Arc::new(network::ShowNetwork)),
        ("network unset", Arc::new(network::UnsetNetwork)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
