//! openstacksdk's identity v3 resource classes (`openstack/identity/v3/*.py`) as data: where each lives, its
//! body keys and the query parameters it knows. The operations on them are the shared layer's
//! ([`openstack_sdk::proxy`]).

use openstack_sdk::Resource;

/// The catalog service type of Keystone.
pub const SERVICE_TYPE: &str = "identity";

/// What every identity class shares.
const IDENTITY: Resource = Resource {
    service: SERVICE_TYPE,
    ..Resource::DEFAULT
};

/// The pagination defaults every `QueryParameters` starts with.
macro_rules! query {
    ($($pair:expr),* $(,)?) => {
        &[("limit", "limit"), ("marker", "marker"), $($pair),*]
    };
}

/// `openstack.identity.v3.project.Project`.
pub const PROJECT: Resource = Resource {
    class: "Project",
    key: "project",
    plural: "projects",
    base_path: "/projects",
    query: query![
        ("domain_id", "domain_id"),
        ("is_domain", "is_domain"),
        ("name", "name"),
        ("parent_id", "parent_id"),
        ("is_enabled", "enabled"),
        ("tags", "tags"),
        ("any_tags", "tags-any"),
        ("not_tags", "not-tags"),
        ("not_any_tags", "not-tags-any"),
    ],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.user.User`.
pub const USER: Resource = Resource {
    class: "User",
    key: "user",
    plural: "users",
    base_path: "/users",
    query: query![
        ("domain_id", "domain_id"),
        ("name", "name"),
        ("password_expires_at", "password_expires_at"),
        ("unique_id", "unique_id"),
        ("idp_id", "idp_id"),
        ("protocol_id", "protocol_id"),
        ("is_enabled", "enabled"),
    ],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.domain.Domain`.
pub const DOMAIN: Resource = Resource {
    class: "Domain",
    key: "domain",
    plural: "domains",
    base_path: "/domains",
    query: query![("name", "name"), ("is_enabled", "enabled")],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.role.Role`.
pub const ROLE: Resource = Resource {
    class: "Role",
    key: "role",
    plural: "roles",
    base_path: "/roles",
    query: query![("name", "name"), ("domain_id", "domain_id")],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.group.Group`.
pub const GROUP: Resource = Resource {
    class: "Group",
    key: "group",
    plural: "groups",
    base_path: "/groups",
    query: query![("domain_id", "domain_id"), ("name", "name")],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.service.Service`.
pub const SERVICE: Resource = Resource {
    class: "Service",
    key: "service",
    plural: "services",
    base_path: "/services",
    query: query![("name", "name"), ("type", "type")],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.endpoint.Endpoint`.
pub const ENDPOINT: Resource = Resource {
    class: "Endpoint",
    key: "endpoint",
    plural: "endpoints",
    base_path: "/endpoints",
    query: query![
        ("interface", "interface"),
        ("region_id", "region_id"),
        ("service_id", "service_id")
    ],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.region.Region`.
pub const REGION: Resource = Resource {
    class: "Region",
    key: "region",
    plural: "regions",
    base_path: "/regions",
    query: query![("parent_region_id", "parent_region_id")],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.credential.Credential`.
pub const CREDENTIAL: Resource = Resource {
    class: "Credential",
    key: "credential",
    plural: "credentials",
    base_path: "/credentials",
    query: query![("type", "type"), ("user_id", "user_id")],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.application_credential.ApplicationCredential` (under `/users/<id>`).
pub const APPLICATION_CREDENTIAL: Resource = Resource {
    class: "ApplicationCredential",
    key: "application_credential",
    plural: "application_credentials",
    base_path: "/application_credentials",
    query: query![],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.access_rule.AccessRule` (under `/users/<id>`).
pub const ACCESS_RULE: Resource = Resource {
    class: "AccessRule",
    key: "access_rule",
    plural: "access_rules",
    base_path: "/access_rules",
    query: query![],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.trust.Trust`.
pub const TRUST: Resource = Resource {
    class: "Trust",
    key: "trust",
    plural: "trusts",
    base_path: "/OS-TRUST/trusts",
    query: query![
        ("trustor_user_id", "trustor_user_id"),
        ("trustee_user_id", "trustee_user_id")
    ],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.limit.Limit`.
pub const LIMIT: Resource = Resource {
    class: "Limit",
    key: "limit",
    plural: "limits",
    base_path: "/limits",
    query: query![
        ("service_id", "service_id"),
        ("region_id", "region_id"),
        ("resource_name", "resource_name"),
        ("project_id", "project_id"),
    ],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.registered_limit.RegisteredLimit`.
pub const REGISTERED_LIMIT: Resource = Resource {
    class: "RegisteredLimit",
    key: "registered_limit",
    plural: "registered_limits",
    base_path: "/registered_limits",
    query: query![
        ("service_id", "service_id"),
        ("region_id", "region_id"),
        ("resource_name", "resource_name")
    ],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.endpoint_group.EndpointGroup` (no pagination defaults).
pub const ENDPOINT_GROUP: Resource = Resource {
    class: "EndpointGroup",
    key: "endpoint_group",
    plural: "endpoint_groups",
    base_path: "/OS-EP-FILTER/endpoint_groups",
    query: &[("name", "name")],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.policy.Policy`.
pub const POLICY: Resource = Resource {
    class: "Policy",
    key: "policy",
    plural: "policies",
    base_path: "/policies",
    query: query![],
    name_key: "name",
    ..IDENTITY
};

/// `openstack.identity.v3.mapping.Mapping` (`name` is the ID).
pub const MAPPING: Resource = Resource {
    class: "Mapping",
    key: "mapping",
    plural: "mappings",
    base_path: "/OS-FEDERATION/mappings",
    query: query![],
    name_key: "id",
    ..IDENTITY
};

/// `openstack.identity.v3.identity_provider.IdentityProvider` (`name` is the ID).
pub const IDENTITY_PROVIDER: Resource = Resource {
    class: "IdentityProvider",
    key: "identity_provider",
    plural: "identity_providers",
    base_path: "/OS-FEDERATION/identity_providers",
    query: query![("id", "id"), ("is_enabled", "enabled")],
    name_key: "id",
    ..IDENTITY
};

/// `openstack.identity.v3.federation_protocol.FederationProtocol` (under an identity provider).
pub const FEDERATION_PROTOCOL: Resource = Resource {
    class: "FederationProtocol",
    key: "protocol",
    plural: "protocols",
    base_path: "/protocols",
    query: query![("id", "id")],
    name_key: "id",
    ..IDENTITY
};

/// `openstack.identity.v3.service_provider.ServiceProvider` (`name` is the ID).
pub const SERVICE_PROVIDER: Resource = Resource {
    class: "ServiceProvider",
    key: "service_provider",
    plural: "service_providers",
    base_path: "/OS-FEDERATION/service_providers",
    query: query![("id", "id"), ("is_enabled", "enabled")],
    name_key: "id",
    ..IDENTITY
};

/// `openstack.identity.v3.role_assignment.RoleAssignment`.
pub const ROLE_ASSIGNMENT: Resource = Resource {
    class: "RoleAssignment",
    key: "role_assignment",
    plural: "role_assignments",
    base_path: "/role_assignments",
    query: query![
        ("group_id", "group.id"),
        ("role_id", "role.id"),
        ("scope_domain_id", "scope.domain.id"),
        ("scope_project_id", "scope.project.id"),
        ("user_id", "user.id"),
        ("effective", "effective"),
        ("include_names", "include_names"),
        ("include_subtree", "include_subtree"),
        ("scope_system", "scope.system"),
        ("inherited_to", "scope.OS-INHERIT:inherited_to"),
    ],
    name_key: "name",
    ..IDENTITY
};
