//! The resource layer shared by every service (openstacksdk's role), between osc-lib (sessions, auth, HTTP) and
//! the services' commands.
//!
//! A service declares its resources as data ([`Resource`]: where they live, their body keys, the query mapping,
//! attribute aliases, which fields create and commit send) and calls the generic operations of [`proxy`]: fetch,
//! list with pagination, find by ID then by name, create, commit, delete and head. Failures come back as a
//! [`Failure`] worded as openstacksdk words them, or as the legacy client a command stands for
//! ([`Wording`]). [`microversion`] discovers and negotiates microversions; [`wait`] follows a resource until it
//! reaches a status or disappears. The layer knows nothing of commands or output formats.

pub mod call;
pub mod failure;
pub mod microversion;
pub mod pages;
pub mod pagination;
pub mod proxy;
pub mod resource;
pub mod transfer;
pub mod url;
pub mod values;
pub mod wait;
pub mod wording;

#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use call::Call;
pub use failure::{Failure, Res};
pub use pages::Pages;
pub use proxy::{commit, create, delete, fetch, find, find_one, get, head, list, update};
pub use resource::{item_path, Param, PatchFormat, Resource};
pub use url::{quote_path, unquote, urlencode};
pub use values::{attr, bool_attr, id_of, json_text, py_bool, str_of, truthy};
pub use wording::Wording;
