//! Network API v2 commands (`openstack.network.v2`), one module per object as in OSC.

// network-more's objects.
pub mod network_qos_policy;
pub mod network_qos_rule;
pub mod network_qos_rule_type;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every network v2 command, by its multi-word name (OSC's `openstack.network.v2` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("network qos policy create", Arc::new(network_qos_policy::CreateNetworkQosPolicy)),
        ("network qos policy delete", Arc::new(network_qos_policy::DeleteNetworkQosPolicy)),
        ("network qos policy list", Arc::new(network_qos_policy::ListNetworkQosPolicy)),
        ("network qos policy set", Arc::new(network_qos_policy::SetNetworkQosPolicy)),
        ("network qos policy show", Arc::new(network_qos_policy::ShowNetworkQosPolicy)),
        ("network qos rule create", Arc::new(network_qos_rule::CreateNetworkQosRule)),
        ("network qos rule delete", Arc::new(network_qos_rule::DeleteNetworkQosRule)),
        ("network qos rule list", Arc::new(network_qos_rule::ListNetworkQosRule)),
        ("network qos rule set", Arc::new(network_qos_rule::SetNetworkQosRule)),
        ("network qos rule show", Arc::new(network_qos_rule::ShowNetworkQosRule)),
        ("network qos rule type list", Arc::new(network_qos_rule_type::ListNetworkQosRuleType)),
        ("network qos rule type show", Arc::new(network_qos_rule_type::ShowNetworkQosRuleType)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
