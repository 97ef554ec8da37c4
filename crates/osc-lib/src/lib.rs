//! OpenStack plumbing on top of cliff (osc-lib's role): configuration, authentication, sessions and plugins.

pub mod auth;
pub mod catalog;
pub mod child_env;
pub mod clientmanager;
pub mod config;
pub mod connect;
pub mod external;
pub mod format_columns;
pub mod http;
pub mod location;
pub mod multi;
pub mod name_cache;
pub mod name_observer;
pub mod options;
pub mod parseractions;
pub mod plugin;
pub mod session;
pub mod shell;
pub mod token_cache;
pub mod unencodable;
pub mod utils;

pub use clientmanager::{ApiRequest, ApiResponse, ClientManager, Method, TokenInfo, Transport};
pub use plugin::{Plugin, PluginCommand, VersionOption};
