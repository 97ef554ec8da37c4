//! Identity API v3 commands (`openstack.identity.v3`), one module per object as in OSC.

pub mod catalog;
pub mod domain;
pub mod endpoint;
pub mod group;
pub mod implied_role;
pub mod project;
pub mod region;
pub mod role;
pub mod role_assignment;
pub mod service;
pub mod tag;
pub mod token;
pub mod user;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every identity v3 command, by its multi-word name.
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("catalog list", Arc::new(catalog::ListCatalog)),
        ("catalog show", Arc::new(catalog::ShowCatalog)),
        (
            "request token authorize",
            Arc::new(token::AuthorizeRequestToken),
        ),
        ("role add", Arc::new(role::AddRole)),
        (
            "role assignment list",
            Arc::new(role_assignment::ListRoleAssignment),
        ),
        ("role create", Arc::new(role::CreateRole)),
        ("role delete", Arc::new(role::DeleteRole)),
        ("role list", Arc::new(role::ListRole)),
        ("role remove", Arc::new(role::RemoveRole)),
        ("role set", Arc::new(role::SetRole)),
        ("role show", Arc::new(role::ShowRole)),
        ("service create", Arc::new(service::CreateService)),
        ("service delete", Arc::new(service::DeleteService)),
        ("service list", Arc::new(service::ListService)),
        ("service set", Arc::new(service::SetService)),
        ("service show", Arc::new(service::ShowService)),
        ("token issue", Arc::new(token::IssueToken)),
        ("token revoke", Arc::new(token::RevokeToken)),
        ("user create", Arc::new(user::CreateUser)),
        ("user delete", Arc::new(user::DeleteUser)),
        ("user list", Arc::new(user::ListUser)),
        ("user password set", Arc::new(user::SetPasswordUser)),
        ("user set", Arc::new(user::SetUser)),
        ("user show", Arc::new(user::ShowUser)),
    ];
    commands
        .into_iter()
        .map(|(name, command)| (name.to_owned(), command))
        .collect()
}
