//! `network service provider list` (openstacksdk `ServiceProvider`).

use cliff::{Args, Command, CommandKind, Output, Result};
use osc_lib::ClientManager;

use crate::common::{self as c, fail};
use crate::nested::rows;
use crate::resources::SERVICE_PROVIDER;

/// `network service provider list`.
pub struct ListNetworkServiceProvider;

impl Command<ClientManager> for ListNetworkServiceProvider {
    fn description(&self) -> &str {
        "List Service Providers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let items = fail(c::list(ctx, &SERVICE_PROVIDER, &[], None))?;
        Ok(rows(
            &SERVICE_PROVIDER,
            &items,
            &["Service Type", "Name", "Default"],
            &["service_type", "name", "is_default"],
            c::plain,
        ))
    }
}
