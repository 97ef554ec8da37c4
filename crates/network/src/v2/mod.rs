//! Network API v2 commands (`openstack.network.v2`), one module per object as in OSC.

pub mod address_group;
pub mod address_scope;
pub mod default_security_group_rule;
pub mod floating_ip;
pub mod network;
pub mod port;
pub mod router;
pub mod security_group;
pub mod security_group_rule;
pub mod security_groups_default_statefulness;
pub mod subnet;
pub mod subnet_pool;

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
        ("address group create", Arc::new(address_group::CreateAddressGroup)),
        ("address group delete", Arc::new(address_group::DeleteAddressGroup)),
        ("address group list", Arc::new(address_group::ListAddressGroup)),
        ("address group set", Arc::new(address_group::SetAddressGroup)),
        ("address group show", Arc::new(address_group::ShowAddressGroup)),
        ("address group unset", Arc::new(address_group::UnsetAddressGroup)),
        ("address scope create", Arc::new(address_scope::CreateAddressScope)),
        ("address scope delete", Arc::new(address_scope::DeleteAddressScope)),
        ("address scope list", Arc::new(address_scope::ListAddressScope)),
        ("address scope set", Arc::new(address_scope::SetAddressScope)),
        ("address scope show", Arc::new(address_scope::ShowAddressScope)),
        ("default security group rule create", Arc::new(default_security_group_rule::CreateDefaultSecurityGroupRule)),
        ("default security group rule delete", Arc::new(default_security_group_rule::DeleteDefaultSecurityGroupRule)),
        ("default security group rule list", Arc::new(default_security_group_rule::ListDefaultSecurityGroupRule)),
        ("default security group rule show", Arc::new(default_security_group_rule::ShowDefaultSecurityGroupRule)),
        ("security group default statefulness create", Arc::new(security_groups_default_statefulness::CreateSecurityGroupDefaultStatefulness)),
        ("security group default statefulness delete", Arc::new(security_groups_default_statefulness::DeleteSecurityGroupDefaultStatefulness)),
        ("security group default statefulness list", Arc::new(security_groups_default_statefulness::ListSecurityGroupDefaultStatefulness)),
        ("security group default statefulness set", Arc::new(security_groups_default_statefulness::SetSecurityGroupDefaultStatefulness)),
        ("security group default statefulness show", Arc::new(security_groups_default_statefulness::ShowSecurityGroupDefaultStatefulness)),
        ("subnet pool create", Arc::new(subnet_pool::CreateSubnetPool)),
        ("subnet pool delete", Arc::new(subnet_pool::DeleteSubnetPool)),
        ("subnet pool list", Arc::new(subnet_pool::ListSubnetPool)),
        ("subnet pool set", Arc::new(subnet_pool::SetSubnetPool)),
        ("subnet pool show", Arc::new(subnet_pool::ShowSubnetPool)),
        ("subnet pool unset", Arc::new(subnet_pool::UnsetSubnetPool)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
