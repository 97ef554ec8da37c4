//! `object store account set|show|unset` (`openstackclient/object/v1/account.py`).

use cliff::{Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use super::common;
use crate::api;

/// `object store account set`.
pub struct SetAccount;

impl Command<ClientManager> for SetAccount {
    fn description(&self) -> &str {
        "Set account properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_set_property(
            parser,
            "Set a property on this account (repeat option to set multiple properties)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let properties = common::properties(args)?;
        api::account_set(ctx, &properties)?;
        Ok(Output::ok())
    }
}

/// `object store account show`.
pub struct ShowAccount;

impl Command<ClientManager> for ShowAccount {
    fn description(&self) -> &str {
        "Display account details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        Ok(common::show_output(api::account_show(ctx)?))
    }
}

/// `object store account unset`.
pub struct UnsetAccount;

impl Command<ClientManager> for UnsetAccount {
    fn description(&self) -> &str {
        "Unset account properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_unset_property(
            parser,
            "Property to remove from account (repeat option to remove multiple properties)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        api::account_unset(ctx, &args.strings("property"))?;
        Ok(Output::ok())
    }
}
