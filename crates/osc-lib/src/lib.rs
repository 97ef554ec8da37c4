//! OpenStack plumbing on top of cliff (osc-lib's role): configuration, authentication, sessions and plugins.

pub mod clientmanager;
pub mod config;
pub mod options;
pub mod plugin;

pub use clientmanager::{ApiRequest, ApiResponse, ClientManager, Method, TokenInfo, Transport};
pub use plugin::{Plugin, PluginCommand, VersionOption};
pub mod shell;
