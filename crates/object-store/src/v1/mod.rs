//! Object API v1 commands (`openstack.object_store.v1`), one module per object as in OSC.

pub mod account;
mod common;
pub mod container;
pub mod object;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every object_store v1 command, by its multi-word name (OSC's `openstack.object_store.v1` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("container create", Arc::new(container::CreateContainer)),
        ("container delete", Arc::new(container::DeleteContainer)),
        ("container list", Arc::new(container::ListContainer)),
        ("container save", Arc::new(container::SaveContainer)),
        ("container set", Arc::new(container::SetContainer)),
        ("container show", Arc::new(container::ShowContainer)),
        ("container unset", Arc::new(container::UnsetContainer)),
        ("object create", Arc::new(object::CreateObject)),
        ("object delete", Arc::new(object::DeleteObject)),
        ("object list", Arc::new(object::ListObject)),
        ("object save", Arc::new(object::SaveObject)),
        ("object set", Arc::new(object::SetObject)),
        ("object show", Arc::new(object::ShowObject)),
        ("object store account set", Arc::new(account::SetAccount)),
        ("object store account show", Arc::new(account::ShowAccount)),
        ("object store account unset", Arc::new(account::UnsetAccount)),
        ("object unset", Arc::new(object::UnsetObject)),
    ];
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}
