//! Identity API v3 commands (`openstack.identity.v3`), one module per object as in OSC.

pub mod access_rule;
pub mod application_credential;
pub mod catalog;
pub mod credential;
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
pub mod trust;
pub mod user;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every identity v3 command, by its multi-word name.
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        (
            "access rule delete",
            Arc::new(access_rule::DeleteAccessRule),
        ),
        ("access rule list", Arc::new(access_rule::ListAccessRule)),
        ("access rule show", Arc::new(access_rule::ShowAccessRule)),
        (
            "application credential create",
            Arc::new(application_credential::CreateApplicationCredential),
        ),
        (
            "application credential delete",
            Arc::new(application_credential::DeleteApplicationCredential),
        ),
        (
            "application credential list",
            Arc::new(application_credential::ListApplicationCredential),
        ),
        (
            "application credential show",
            Arc::new(application_credential::ShowApplicationCredential),
        ),
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
        ("trust create", Arc::new(trust::CreateTrust)),
        ("trust delete", Arc::new(trust::DeleteTrust)),
        ("trust list", Arc::new(trust::ListTrust)),
        ("trust show", Arc::new(trust::ShowTrust)),
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
