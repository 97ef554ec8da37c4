//! Network API v2 commands (`openstack.network.v2`), one module per object as in OSC.

pub mod address_group;
pub mod address_scope;
pub mod bgpvpn;
pub mod default_security_group_rule;
pub mod dynamic_routing;
pub mod floating_ip;
pub mod floating_ip_port_forwarding;
pub mod fwaas;
pub mod ip_availability;
pub mod l3_conntrack_helper;
pub mod local_ip;
pub mod local_ip_association;
pub mod ndp_proxy;
pub mod network;
pub mod network_agent;
pub mod network_auto_allocated_topology;
pub mod network_flavor;
pub mod network_flavor_profile;
pub mod network_meter;
pub mod network_meter_rule;
pub mod network_qos_policy;
pub mod network_qos_rule;
pub mod network_qos_rule_type;
pub mod network_rbac;
pub mod network_segment;
pub mod network_segment_range;
pub mod network_service_provider;
pub mod network_trunk;
pub mod port;
pub mod router;
pub mod security_group;
pub mod security_group_rule;
pub mod security_groups_default_statefulness;
pub mod subnet;
pub mod subnet_pool;
pub mod taas;
pub mod vpnaas;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// OSC's `API_EXTENSIONS` of the network plugin, in its order, each with its commands (registered in the group
/// `openstack.network.v2.<extension>`).
pub fn extensions() -> Vec<(String, Vec<(String, PluginCommand)>)> {
    let groups: Vec<(&str, Vec<(&str, PluginCommand)>)> = vec![
        ("bgpvpn", bgpvpn::commands()),
        ("dynamic_routing", dynamic_routing::commands()),
        ("fwaas", fwaas::commands()),
        ("taas", taas::commands()),
        ("vpnaas", vpnaas::commands()),
    ];
    groups
        .into_iter()
        .map(|(extension, commands)| {
            let commands = commands
                .into_iter()
                .map(|(name, command)| (name.to_owned(), command))
                .collect();
            (extension.to_owned(), commands)
        })
        .collect()
}

/// Every network v2 command, by its multi-word name (OSC's `openstack.network.v2` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
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
        ("floating ip create", Arc::new(floating_ip::CreateFloatingIp)),
        ("floating ip delete", Arc::new(floating_ip::DeleteFloatingIp)),
        ("floating ip list", Arc::new(floating_ip::ListFloatingIp)),
        ("floating ip port forwarding create", Arc::new(floating_ip_port_forwarding::CreateFloatingIpPortForwarding)),
        ("floating ip port forwarding delete", Arc::new(floating_ip_port_forwarding::DeleteFloatingIpPortForwarding)),
        ("floating ip port forwarding list", Arc::new(floating_ip_port_forwarding::ListFloatingIpPortForwarding)),
        ("floating ip port forwarding set", Arc::new(floating_ip_port_forwarding::SetFloatingIpPortForwarding)),
        ("floating ip port forwarding show", Arc::new(floating_ip_port_forwarding::ShowFloatingIpPortForwarding)),
        ("floating ip set", Arc::new(floating_ip::SetFloatingIp)),
        ("floating ip show", Arc::new(floating_ip::ShowFloatingIp)),
        ("floating ip unset", Arc::new(floating_ip::UnsetFloatingIp)),
        ("ip availability list", Arc::new(ip_availability::ListIpAvailability)),
        ("ip availability show", Arc::new(ip_availability::ShowIpAvailability)),
        ("local ip association create", Arc::new(local_ip_association::CreateLocalIpAssociation)),
        ("local ip association delete", Arc::new(local_ip_association::DeleteLocalIpAssociation)),
        ("local ip association list", Arc::new(local_ip_association::ListLocalIpAssociation)),
        ("local ip create", Arc::new(local_ip::CreateLocalIp)),
        ("local ip delete", Arc::new(local_ip::DeleteLocalIp)),
        ("local ip list", Arc::new(local_ip::ListLocalIp)),
        ("local ip set", Arc::new(local_ip::SetLocalIp)),
        ("local ip show", Arc::new(local_ip::ShowLocalIp)),
        ("network agent add network", Arc::new(network_agent::AddNetworkToAgent)),
        ("network agent add router", Arc::new(network_agent::AddRouterToAgent)),
        ("network agent delete", Arc::new(network_agent::DeleteNetworkAgent)),
        ("network agent list", Arc::new(network_agent::ListNetworkAgent)),
        ("network agent remove network", Arc::new(network_agent::RemoveNetworkFromAgent)),
        ("network agent remove router", Arc::new(network_agent::RemoveRouterFromAgent)),
        ("network agent router set", Arc::new(network_agent::SetNetworkAgentRouter)),
        ("network agent set", Arc::new(network_agent::SetNetworkAgent)),
        ("network agent show", Arc::new(network_agent::ShowNetworkAgent)),
        ("network auto allocated topology create", Arc::new(network_auto_allocated_topology::CreateAutoAllocatedTopology)),
        ("network auto allocated topology delete", Arc::new(network_auto_allocated_topology::DeleteAutoAllocatedTopology)),
        ("network create", Arc::new(network::CreateNetwork)),
        ("network delete", Arc::new(network::DeleteNetwork)),
        ("network flavor add profile", Arc::new(network_flavor::AddNetworkFlavorToProfile)),
        ("network flavor create", Arc::new(network_flavor::CreateNetworkFlavor)),
        ("network flavor delete", Arc::new(network_flavor::DeleteNetworkFlavor)),
        ("network flavor list", Arc::new(network_flavor::ListNetworkFlavor)),
        ("network flavor profile create", Arc::new(network_flavor_profile::CreateNetworkFlavorProfile)),
        ("network flavor profile delete", Arc::new(network_flavor_profile::DeleteNetworkFlavorProfile)),
        ("network flavor profile list", Arc::new(network_flavor_profile::ListNetworkFlavorProfile)),
        ("network flavor profile set", Arc::new(network_flavor_profile::SetNetworkFlavorProfile)),
        ("network flavor profile show", Arc::new(network_flavor_profile::ShowNetworkFlavorProfile)),
        ("network flavor remove profile", Arc::new(network_flavor::RemoveNetworkFlavorFromProfile)),
        ("network flavor set", Arc::new(network_flavor::SetNetworkFlavor)),
        ("network flavor show", Arc::new(network_flavor::ShowNetworkFlavor)),
        ("network l3 conntrack helper create", Arc::new(l3_conntrack_helper::CreateConntrackHelper)),
        ("network l3 conntrack helper delete", Arc::new(l3_conntrack_helper::DeleteConntrackHelper)),
        ("network l3 conntrack helper list", Arc::new(l3_conntrack_helper::ListConntrackHelper)),
        ("network l3 conntrack helper set", Arc::new(l3_conntrack_helper::SetConntrackHelper)),
        ("network l3 conntrack helper show", Arc::new(l3_conntrack_helper::ShowConntrackHelper)),
        ("network list", Arc::new(network::ListNetwork)),
        ("network meter create", Arc::new(network_meter::CreateMeter)),
        ("network meter delete", Arc::new(network_meter::DeleteMeter)),
        ("network meter list", Arc::new(network_meter::ListMeter)),
        ("network meter rule create", Arc::new(network_meter_rule::CreateMeterRule)),
        ("network meter rule delete", Arc::new(network_meter_rule::DeleteMeterRule)),
        ("network meter rule list", Arc::new(network_meter_rule::ListMeterRule)),
        ("network meter rule show", Arc::new(network_meter_rule::ShowMeterRule)),
        ("network meter show", Arc::new(network_meter::ShowMeter)),
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
        ("network rbac create", Arc::new(network_rbac::CreateNetworkRbac)),
        ("network rbac delete", Arc::new(network_rbac::DeleteNetworkRbac)),
        ("network rbac list", Arc::new(network_rbac::ListNetworkRbac)),
        ("network rbac set", Arc::new(network_rbac::SetNetworkRbac)),
        ("network rbac show", Arc::new(network_rbac::ShowNetworkRbac)),
        ("network segment create", Arc::new(network_segment::CreateNetworkSegment)),
        ("network segment delete", Arc::new(network_segment::DeleteNetworkSegment)),
        ("network segment list", Arc::new(network_segment::ListNetworkSegment)),
        ("network segment range create", Arc::new(network_segment_range::CreateNetworkSegmentRange)),
        ("network segment range delete", Arc::new(network_segment_range::DeleteNetworkSegmentRange)),
        ("network segment range list", Arc::new(network_segment_range::ListNetworkSegmentRange)),
        ("network segment range set", Arc::new(network_segment_range::SetNetworkSegmentRange)),
        ("network segment range show", Arc::new(network_segment_range::ShowNetworkSegmentRange)),
        ("network segment set", Arc::new(network_segment::SetNetworkSegment)),
        ("network segment show", Arc::new(network_segment::ShowNetworkSegment)),
        ("network service provider list", Arc::new(network_service_provider::ListNetworkServiceProvider)),
        ("network set", Arc::new(network::SetNetwork)),
        ("network show", Arc::new(network::ShowNetwork)),
        ("network subport list", Arc::new(network_trunk::ListNetworkSubport)),
        ("network trunk create", Arc::new(network_trunk::CreateNetworkTrunk)),
        ("network trunk delete", Arc::new(network_trunk::DeleteNetworkTrunk)),
        ("network trunk list", Arc::new(network_trunk::ListNetworkTrunk)),
        ("network trunk set", Arc::new(network_trunk::SetNetworkTrunk)),
        ("network trunk show", Arc::new(network_trunk::ShowNetworkTrunk)),
        ("network trunk subport add", Arc::new(network_trunk::AddNetworkTrunkSubport)),
        ("network trunk subport list", Arc::new(network_trunk::ListNetworkTrunkSubport)),
        ("network trunk subport remove", Arc::new(network_trunk::RemoveNetworkTrunkSubport)),
        ("network trunk unset", Arc::new(network_trunk::UnsetNetworkTrunk)),
        ("network unset", Arc::new(network::UnsetNetwork)),
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
        ("router ndp proxy create", Arc::new(ndp_proxy::CreateNdpProxy)),
        ("router ndp proxy delete", Arc::new(ndp_proxy::DeleteNdpProxy)),
        ("router ndp proxy list", Arc::new(ndp_proxy::ListNdpProxy)),
        ("router ndp proxy set", Arc::new(ndp_proxy::SetNdpProxy)),
        ("router ndp proxy show", Arc::new(ndp_proxy::ShowNdpProxy)),
        ("router remove gateway", Arc::new(router::RouterGateway { add: false })),
        ("router remove port", Arc::new(router::RouterPort { add: false })),
        ("router remove route", Arc::new(router::RouterRoute { add: false })),
        ("router remove subnet", Arc::new(router::RouterSubnet { add: false })),
        ("router set", Arc::new(router::SetRouter)),
        ("router show", Arc::new(router::ShowRouter)),
        ("router unset", Arc::new(router::UnsetRouter)),
        ("security group create", Arc::new(security_group::CreateSecurityGroup)),
        ("security group default statefulness create", Arc::new(security_groups_default_statefulness::CreateSecurityGroupDefaultStatefulness)),
        ("security group default statefulness delete", Arc::new(security_groups_default_statefulness::DeleteSecurityGroupDefaultStatefulness)),
        ("security group default statefulness list", Arc::new(security_groups_default_statefulness::ListSecurityGroupDefaultStatefulness)),
        ("security group default statefulness set", Arc::new(security_groups_default_statefulness::SetSecurityGroupDefaultStatefulness)),
        ("security group default statefulness show", Arc::new(security_groups_default_statefulness::ShowSecurityGroupDefaultStatefulness)),
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
        ("subnet pool create", Arc::new(subnet_pool::CreateSubnetPool)),
        ("subnet pool delete", Arc::new(subnet_pool::DeleteSubnetPool)),
        ("subnet pool list", Arc::new(subnet_pool::ListSubnetPool)),
        ("subnet pool set", Arc::new(subnet_pool::SetSubnetPool)),
        ("subnet pool show", Arc::new(subnet_pool::ShowSubnetPool)),
        ("subnet pool unset", Arc::new(subnet_pool::UnsetSubnetPool)),
        ("subnet set", Arc::new(subnet::SetSubnet)),
        ("subnet show", Arc::new(subnet::ShowSubnet)),
        ("subnet unset", Arc::new(subnet::UnsetSubnet)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
