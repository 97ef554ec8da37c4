//! Network API v2 commands (`openstack.network.v2`), one module per object as in OSC.

pub mod network;
pub mod security_group;
pub mod security_group_rule;
pub mod subnet;

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
        ("security group create", Arc::new(security_group::CreateSecurityGroup)),
        ("security group delete", Arc::new(security_group::DeleteSecurityGroup)),
        ("security group list", Arc::new(security_group::ListSecurityGroup)),
        ("security group rule create", Arc::new(security_group_rule::CreateSecurityGroupRule)),
        ("security group rule delete", Arc::new(security_group_rule::DeleteSecurityGroupRule)),
        ("security group rule list", Arc::new(security_group_rule::ListSecurityGroupRule)),
        ("security group rule show", Arc::new(security_group_rule::ShowSecurityGroupRule)),
        ("security group set", Arc::new(security_group::SetSecurityGroup)),
        ("security group show", Arc::new(security_group::ShowSecurityGroup)),
        ("security group unset", Arc::new(security_group::UnsetSecurityGroup)),
        ("subnet create", Arc::new(subnet::CreateSubnet)),
        ("subnet delete", Arc::new(subnet::DeleteSubnet)),
        ("subnet list", Arc::new(subnet::ListSubnet)),
        ("subnet set", Arc::new(subnet::SetSubnet)),
        ("subnet show", Arc::new(subnet::ShowSubnet)),
        ("subnet unset", Arc::new(subnet::UnsetSubnet)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
