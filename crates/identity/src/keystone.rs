//! The keystoneclient calls OSC still makes (`client_manager.identity`): plain CRUD on a collection, and
//! osc-lib's `find_resource` over a keystoneclient manager.

use osc_lib::utils::{find_resource, FindError, FindResourceError, ResourceManager};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use crate::resources::SERVICE_TYPE;
use openstack_sdk::{quote_path, Call, Failure, Res, Wording};

/// A keystoneclient manager: a collection path and its body keys.
#[derive(Debug, Clone, Copy)]
pub struct Manager {
    /// `resource_class.__name__.lower()`, in "No project with a name or ID of ..." messages.
    pub name: &'static str,
    /// The collection path (`/projects`).
    pub path: &'static str,
    /// The body key of one item.
    pub key: &'static str,
    /// The body key of a list.
    pub plural: &'static str,
}

/// `keystoneclient.v3.projects.ProjectManager`.
pub const PROJECTS: Manager = Manager {
    name: "project",
    path: "/projects",
    key: "project",
    plural: "projects",
};
/// `keystoneclient.v3.users.UserManager`.
pub const USERS: Manager = Manager {
    name: "user",
    path: "/users",
    key: "user",
    plural: "users",
};
/// `keystoneclient.v3.domains.DomainManager`.
pub const DOMAINS: Manager = Manager {
    name: "domain",
    path: "/domains",
    key: "domain",
    plural: "domains",
};
/// `keystoneclient.v3.roles.RoleManager`.
pub const ROLES: Manager = Manager {
    name: "role",
    path: "/roles",
    key: "role",
    plural: "roles",
};
impl Manager {
    /// `manager.get(id)`.
    pub fn get(&self, cm: &mut ClientManager, id: &str) -> Res<Json> {
        let body = Call::new(
            SERVICE_TYPE,
            Method::Get,
            format!("{}/{}", self.path, quote_path(id)),
        )
        .wording(Wording::Keystoneauth)
        .json(cm)?;
        Ok(body.get(self.key).cloned().unwrap_or(Json::Null))
    }

    /// `manager.list(**filters)`.
    pub fn list(&self, cm: &mut ClientManager, query: Vec<(String, String)>) -> Res<Vec<Json>> {
        list_at(cm, self.path, self.plural, query)
    }
}

/// keystoneclient's `CrudManager.list` at `path`: it always appends `?` and the encoded filters, even none.
pub fn list_at(
    cm: &mut ClientManager,
    path: &str,
    plural: &str,
    query: Vec<(String, String)>,
) -> Res<Vec<Json>> {
    let path = if query.is_empty() {
        format!("{path}?")
    } else {
        path.to_owned()
    };
    let mut body = Call::new(SERVICE_TYPE, Method::Get, path)
        .wording(Wording::Keystoneauth)
        .query(query)
        .json(cm)?;
    // Moved out, not cloned (a deep copy of the whole list otherwise).
    Ok(match body.get_mut(plural).map(Json::take) {
        Some(Json::Array(items)) => items,
        _ => Vec::new(),
    })
}

/// osc-lib's `find_resource` over a keystoneclient manager, with the lookup's extra arguments (`domain_id=`).
struct Lookup<'a> {
    cm: &'a mut ClientManager,
    manager: Manager,
    kwargs: Vec<(String, String)>,
}

fn classify(failure: Failure) -> FindError<Failure> {
    if failure.status() == Some(404) {
        FindError::NotFound
    } else {
        FindError::Other(failure)
    }
}

impl ResourceManager for Lookup<'_> {
    type Item = Json;
    type Error = Failure;

    fn resource_name(&self) -> String {
        self.manager.name.to_owned()
    }

    fn get(&mut self, name_or_id: &str) -> Result<Json, FindError<Failure>> {
        self.manager.get(self.cm, name_or_id).map_err(classify)
    }

    fn get_int(&mut self, name_or_id: &str) -> Result<Json, FindError<Failure>> {
        // keystoneclient's `get()` takes no filters: with them Python raises TypeError before any request.
        if self.has_kwargs() {
            return Err(FindError::Unsupported);
        }
        self.manager.get(self.cm, name_or_id).map_err(classify)
    }

    fn has_kwargs(&self) -> bool {
        !self.kwargs.is_empty()
    }

    fn find(&mut self, name: &str) -> Result<Json, FindError<Failure>> {
        let mut query = self.kwargs.clone();
        query.push(("name".to_owned(), name.to_owned()));
        let mut items = self
            .manager
            .list(self.cm, query)
            .map_err(FindError::Other)?;
        match items.len() {
            0 => Err(FindError::NotFound),
            1 => Ok(items.remove(0)),
            _ => Err(FindError::NoUniqueMatch),
        }
    }

    fn list(&mut self) -> Result<Vec<Json>, Failure> {
        self.manager.list(self.cm, Vec::new())
    }

    fn id_and_name(item: &Json) -> (Option<String>, Option<String>) {
        let text = |key: &str| item.get(key).and_then(Json::as_str).map(str::to_owned);
        (text("id"), text("name"))
    }
}

/// `utils.find_resource(manager, name_or_id, **kwargs)`.
pub fn find(
    cm: &mut ClientManager,
    manager: Manager,
    name_or_id: &str,
    kwargs: Vec<(String, String)>,
) -> Res<Json> {
    let mut lookup = Lookup {
        cm,
        manager,
        kwargs,
    };
    find_resource(&mut lookup, name_or_id).map_err(|err| match err {
        FindResourceError::Command(err) => Failure::Other(err),
        FindResourceError::Manager(failure) => failure,
    })
}

/// `common._find_identity_resource`: like [`find`], but a 403 yields a stand-in `{"id": x, "name": x}`.
pub fn find_identity_resource(
    cm: &mut ClientManager,
    manager: Manager,
    name_or_id: &str,
    kwargs: Vec<(String, String)>,
) -> Res<Json> {
    match find(cm, manager, name_or_id, kwargs) {
        Err(failure) if failure.is_forbidden() => {
            Ok(serde_json::json!({"id": name_or_id, "name": name_or_id}))
        }
        other => other,
    }
}
