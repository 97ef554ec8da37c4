//! Compute API v2 commands (`openstack.compute.v2`), one module per object as in OSC.

pub mod agent;
pub mod aggregate;
pub mod flavor;
pub mod host;
pub mod hypervisor;
pub mod hypervisor_stats;
pub mod keypair;
pub mod options;
pub mod server_group;
pub mod service;
pub mod usage;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every compute v2 command, by its multi-word name (OSC's `openstack.compute.v2` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("aggregate add host", Arc::new(aggregate::AddAggregateHost)),
        ("aggregate cache image", Arc::new(aggregate::CacheImageForAggregate)),
        ("aggregate create", Arc::new(aggregate::CreateAggregate)),
        ("aggregate delete", Arc::new(aggregate::DeleteAggregate)),
        ("aggregate list", Arc::new(aggregate::ListAggregate)),
        ("aggregate remove host", Arc::new(aggregate::RemoveAggregateHost)),
        ("aggregate set", Arc::new(aggregate::SetAggregate)),
        ("aggregate show", Arc::new(aggregate::ShowAggregate)),
        ("aggregate unset", Arc::new(aggregate::UnsetAggregate)),
        ("compute agent create", Arc::new(agent::CreateAgent)),
        ("compute agent delete", Arc::new(agent::DeleteAgent)),
        ("compute agent list", Arc::new(agent::ListAgent)),
        ("compute agent set", Arc::new(agent::SetAgent)),
        ("compute service delete", Arc::new(service::DeleteService)),
        ("compute service list", Arc::new(service::ListService)),
        ("compute service set", Arc::new(service::SetService)),
        ("flavor create", Arc::new(flavor::CreateFlavor)),
        ("flavor delete", Arc::new(flavor::DeleteFlavor)),
        ("flavor list", Arc::new(flavor::ListFlavor)),
        ("flavor set", Arc::new(flavor::SetFlavor)),
        ("flavor show", Arc::new(flavor::ShowFlavor)),
        ("flavor unset", Arc::new(flavor::UnsetFlavor)),
        ("host list", Arc::new(host::ListHost)),
        ("host set", Arc::new(host::SetHost)),
        ("host show", Arc::new(host::ShowHost)),
        ("hypervisor list", Arc::new(hypervisor::ListHypervisor)),
        ("hypervisor show", Arc::new(hypervisor::ShowHypervisor)),
        ("hypervisor stats show", Arc::new(hypervisor_stats::ShowHypervisorStats)),
        ("keypair create", Arc::new(keypair::CreateKeypair)),
        ("keypair delete", Arc::new(keypair::DeleteKeypair)),
        ("keypair list", Arc::new(keypair::ListKeypair)),
        ("keypair show", Arc::new(keypair::ShowKeypair)),
        ("server group create", Arc::new(server_group::CreateServerGroup)),
        ("server group delete", Arc::new(server_group::DeleteServerGroup)),
        ("server group list", Arc::new(server_group::ListServerGroup)),
        ("server group show", Arc::new(server_group::ShowServerGroup)),
        ("usage list", Arc::new(usage::ListUsage)),
        ("usage show", Arc::new(usage::ShowUsage)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
