//! Identity API v3 commands (`openstack.identity.v3`), one module per object as in OSC.

pub mod access_rule;
pub mod application_credential;
pub mod catalog;
pub mod consumer;
pub mod credential;
pub mod domain;
pub mod ec2creds;
pub mod endpoint;
pub mod endpoint_group;
pub mod federation_protocol;
pub mod group;
pub mod identity_provider;
pub mod implied_role;
pub mod limit;
pub mod mapping;
pub mod policy;
pub mod project;
pub mod region;
pub mod registered_limit;
pub mod role;
pub mod role_assignment;
pub mod service;
pub mod service_provider;
pub mod tag;
pub mod token;
pub mod trust;
pub mod unscoped_saml;
pub mod user;

use std::sync::Arc;

use osc_lib::PluginCommand;

/// Every identity v3 command, by its multi-word name (OSC's `openstack.identity.v3` entry points).
#[rustfmt::skip]
pub fn commands() -> Vec<(String, PluginCommand)> {
    let commands: Vec<(&str, PluginCommand)> = vec![
        ("access rule delete", Arc::new(access_rule::DeleteAccessRule)),
        ("access rule list", Arc::new(access_rule::ListAccessRule)),
        ("access rule show", Arc::new(access_rule::ShowAccessRule)),
        ("access token create", Arc::new(token::CreateAccessToken)),
        ("application credential create", Arc::new(application_credential::CreateApplicationCredential)),
        ("application credential delete", Arc::new(application_credential::DeleteApplicationCredential)),
        ("application credential list", Arc::new(application_credential::ListApplicationCredential)),
        ("application credential show", Arc::new(application_credential::ShowApplicationCredential)),
        ("catalog list", Arc::new(catalog::ListCatalog)),
        ("catalog show", Arc::new(catalog::ShowCatalog)),
        ("consumer create", Arc::new(consumer::CreateConsumer)),
        ("consumer delete", Arc::new(consumer::DeleteConsumer)),
        ("consumer list", Arc::new(consumer::ListConsumer)),
        ("consumer set", Arc::new(consumer::SetConsumer)),
        ("consumer show", Arc::new(consumer::ShowConsumer)),
        ("credential create", Arc::new(credential::CreateCredential)),
        ("credential delete", Arc::new(credential::DeleteCredential)),
        ("credential list", Arc::new(credential::ListCredential)),
        ("credential set", Arc::new(credential::SetCredential)),
        ("credential show", Arc::new(credential::ShowCredential)),
        ("domain create", Arc::new(domain::CreateDomain)),
        ("domain delete", Arc::new(domain::DeleteDomain)),
        ("domain list", Arc::new(domain::ListDomain)),
        ("domain set", Arc::new(domain::SetDomain)),
        ("domain show", Arc::new(domain::ShowDomain)),
        ("ec2 credentials create", Arc::new(ec2creds::CreateEc2Creds)),
        ("ec2 credentials delete", Arc::new(ec2creds::DeleteEc2Creds)),
        ("ec2 credentials list", Arc::new(ec2creds::ListEc2Creds)),
        ("ec2 credentials show", Arc::new(ec2creds::ShowEc2Creds)),
        ("endpoint add project", Arc::new(endpoint::AddProjectToEndpoint)),
        ("endpoint create", Arc::new(endpoint::CreateEndpoint)),
        ("endpoint delete", Arc::new(endpoint::DeleteEndpoint)),
        ("endpoint group add project", Arc::new(endpoint_group::AddProjectToEndpointGroup)),
        ("endpoint group create", Arc::new(endpoint_group::CreateEndpointGroup)),
        ("endpoint group delete", Arc::new(endpoint_group::DeleteEndpointGroup)),
        ("endpoint group list", Arc::new(endpoint_group::ListEndpointGroup)),
        ("endpoint group remove project", Arc::new(endpoint_group::RemoveProjectFromEndpointGroup)),
        ("endpoint group set", Arc::new(endpoint_group::SetEndpointGroup)),
        ("endpoint group show", Arc::new(endpoint_group::ShowEndpointGroup)),
        ("endpoint list", Arc::new(endpoint::ListEndpoint)),
        ("endpoint remove project", Arc::new(endpoint::RemoveProjectFromEndpoint)),
        ("endpoint set", Arc::new(endpoint::SetEndpoint)),
        ("endpoint show", Arc::new(endpoint::ShowEndpoint)),
        ("federation domain list", Arc::new(unscoped_saml::ListAccessibleDomains)),
        ("federation project list", Arc::new(unscoped_saml::ListAccessibleProjects)),
        ("federation protocol create", Arc::new(federation_protocol::CreateProtocol)),
        ("federation protocol delete", Arc::new(federation_protocol::DeleteProtocol)),
        ("federation protocol list", Arc::new(federation_protocol::ListProtocols)),
        ("federation protocol set", Arc::new(federation_protocol::SetProtocol)),
        ("federation protocol show", Arc::new(federation_protocol::ShowProtocol)),
        ("group add user", Arc::new(group::AddUserToGroup)),
        ("group contains user", Arc::new(group::CheckUserInGroup)),
        ("group create", Arc::new(group::CreateGroup)),
        ("group delete", Arc::new(group::DeleteGroup)),
        ("group list", Arc::new(group::ListGroup)),
        ("group remove user", Arc::new(group::RemoveUserFromGroup)),
        ("group set", Arc::new(group::SetGroup)),
        ("group show", Arc::new(group::ShowGroup)),
        ("identity provider create", Arc::new(identity_provider::CreateIdentityProvider)),
        ("identity provider delete", Arc::new(identity_provider::DeleteIdentityProvider)),
        ("identity provider list", Arc::new(identity_provider::ListIdentityProvider)),
        ("identity provider set", Arc::new(identity_provider::SetIdentityProvider)),
        ("identity provider show", Arc::new(identity_provider::ShowIdentityProvider)),
        ("implied role create", Arc::new(implied_role::CreateImpliedRole)),
        ("implied role delete", Arc::new(implied_role::DeleteImpliedRole)),
        ("implied role list", Arc::new(implied_role::ListImpliedRole)),
        ("limit create", Arc::new(limit::CreateLimit)),
        ("limit delete", Arc::new(limit::DeleteLimit)),
        ("limit list", Arc::new(limit::ListLimit)),
        ("limit set", Arc::new(limit::SetLimit)),
        ("limit show", Arc::new(limit::ShowLimit)),
        ("mapping create", Arc::new(mapping::CreateMapping)),
        ("mapping delete", Arc::new(mapping::DeleteMapping)),
        ("mapping list", Arc::new(mapping::ListMapping)),
        ("mapping set", Arc::new(mapping::SetMapping)),
        ("mapping show", Arc::new(mapping::ShowMapping)),
        ("policy create", Arc::new(policy::CreatePolicy)),
        ("policy delete", Arc::new(policy::DeletePolicy)),
        ("policy list", Arc::new(policy::ListPolicy)),
        ("policy set", Arc::new(policy::SetPolicy)),
        ("policy show", Arc::new(policy::ShowPolicy)),
        ("project create", Arc::new(project::CreateProject)),
        ("project delete", Arc::new(project::DeleteProject)),
        ("project list", Arc::new(project::ListProject)),
        ("project set", Arc::new(project::SetProject)),
        ("project show", Arc::new(project::ShowProject)),
        ("region create", Arc::new(region::CreateRegion)),
        ("region delete", Arc::new(region::DeleteRegion)),
        ("region list", Arc::new(region::ListRegion)),
        ("region set", Arc::new(region::SetRegion)),
        ("region show", Arc::new(region::ShowRegion)),
        ("registered limit create", Arc::new(registered_limit::CreateRegisteredLimit)),
        ("registered limit delete", Arc::new(registered_limit::DeleteRegisteredLimit)),
        ("registered limit list", Arc::new(registered_limit::ListRegisteredLimit)),
        ("registered limit set", Arc::new(registered_limit::SetRegisteredLimit)),
        ("registered limit show", Arc::new(registered_limit::ShowRegisteredLimit)),
        ("request token authorize", Arc::new(token::AuthorizeRequestToken)),
        ("request token create", Arc::new(token::CreateRequestToken)),
        ("role add", Arc::new(role::AddRole)),
        ("role assignment list", Arc::new(role_assignment::ListRoleAssignment)),
        ("role create", Arc::new(role::CreateRole)),
        ("role delete", Arc::new(role::DeleteRole)),
        ("role list", Arc::new(role::ListRole)),
        ("role remove", Arc::new(role::RemoveRole)),
        ("role set", Arc::new(role::SetRole)),
        ("role show", Arc::new(role::ShowRole)),
        ("service create", Arc::new(service::CreateService)),
        ("service delete", Arc::new(service::DeleteService)),
        ("service list", Arc::new(service::ListService)),
        ("service provider create", Arc::new(service_provider::CreateServiceProvider)),
        ("service provider delete", Arc::new(service_provider::DeleteServiceProvider)),
        ("service provider list", Arc::new(service_provider::ListServiceProvider)),
        ("service provider set", Arc::new(service_provider::SetServiceProvider)),
        ("service provider show", Arc::new(service_provider::ShowServiceProvider)),
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
    commands.into_iter().map(|(name, command)| (name.to_owned(), command)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_once_in_order() {
        let names: Vec<String> = commands().into_iter().map(|(name, _)| name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
        assert_eq!(names.len(), 128);
    }
}
