//! External plugins: `openstack-<name>` executables, in any language, that add commands to `openstack`.
//!
//! `openstack` finds them on `PATH` and in `$XDG_DATA_HOME/openstack-rs/plugins` ([`discover`]), learns their
//! commands from a manifest each prints once (cached, so listing, help and completion start no plugin), parses a
//! command's arguments itself, authenticates if needed, then runs the executable with the parsed arguments and
//! the session sent through an inherited pipe, and formats what it answers. [`serve`] is the other side: the
//! `main` of a plugin written in Rust against the same [`crate::Plugin`] trait as built-in plugins.
//!
//! The protocol is in [`protocol`] and, for plugin authors, in `docs/plugins.md`.

mod answer;
mod cache;
mod discovery;
mod host;
mod process;
pub mod protocol;
pub mod python;
mod serve;
mod signals;
mod transport;

pub use answer::{answer_limit, DEFAULT_ANSWER_LIMIT};
pub use discovery::{discover, discover_in, is_plugin_name, Discovery, SearchPaths, Timeouts};
pub use host::{register_commands, ExternalCommand, ExternalPlugin};
pub use serve::{answer, manifest_of, serve};
pub use transport::SessionTransport;
