//! OpenStack plumbing on top of cliff (osc-lib's role): configuration, authentication, sessions and plugins.

pub mod auth;
pub mod catalog;
pub mod clientmanager;
pub mod config;
pub mod connect;
pub mod http;
pub mod options;
pub mod plugin;
pub mod session;
pub mod token_cache;

pub use clientmanager::{ApiRequest, ApiResponse, ClientManager, Method, TokenInfo, Transport};
pub use plugin::{Plugin, PluginCommand, VersionOption};
pub mod shell;
