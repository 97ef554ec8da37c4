//! Network API v2 commands (`openstack.network.v2`), one module per object as in OSC.

pub mod floating_ip;
pub mod network;
pub mod port;
pub mod router;
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
        ("port create", Arc::new(port::CreatePort)),
        ("port delete", Arc::new(port::DeletePort)),
        ("port list", Arc::new(port::ListPort)),
        ("port set", Arc::new(port::SetPort)),
        ("port show", Arc::new(port::ShowPort)),
        ("port unset", Arc::new(port::UnsetPort)),
        ("router add gateway", Arc::new(router::RouterGateway { add: true })),
        ("router add port", Arc::new(router::RouterPort { add: true })),
        ("router add route", Arc::new(router::RouterRoute { add: true })),
        ("router add subnet", Arc::new(router::RouterSubnet { add: true })),
        ("router create", Arc::new(router::CreateRouter)),
        ("router delete", Arc::new(router::DeleteRouter)),
        ("router list", Arc::new(router::ListRouter)),
        ("router remove gateway", Arc::new(router::RouterGateway { add: false })),
        ("router remove port", Arc::new(router::RouterPort { add: false })),
        ("router remove route", Arc::new(router::RouterRoute { add: false })),
        ("router remove subnet", Arc::new(router::RouterSubnet { add: false })),
        ("router set", Arc::new(router::SetRouter)),
        ("router show", Arc::new(router::ShowRouter)),
        ("router unset", Arc::new(router::UnsetRouter)),
        ("floating ip create", Arc::new(floating_ip::CreateFloatingIp)),
        ("floating ip delete", Arc::new(floating_ip::DeleteFloatingIp)),
        ("floating ip list", Arc::new(floating_ip::ListFloatingIp)),
        ("floating ip set", Arc::new(floating_ip::SetFloatingIp)),
        ("floating ip show", Arc::new(floating_ip::ShowFloatingIp)),
        ("floating ip unset", Arc::new(floating_ip::UnsetFloatingIp)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
