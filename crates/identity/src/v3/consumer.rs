//! `consumer create|delete|list|set|show` (keystoneclient `oauth1.consumers`).
//!
//! python-openstackclient 10.5.0 does not depend on oauthlib, so in its installation keystoneclient's OAuth1
//! manager is a stand-in whose `consumers`, `request_tokens` and `access_tokens` raise
//! "To use '<manager>' oauthlib must be installed" before any request. These commands behave the same.

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::ClientManager;

use crate::output;
use openstack_sdk::Failure;

/// keystoneclient's error when an OAuth1 manager is used without oauthlib.
pub fn oauthlib_missing(manager: &str) -> Error {
    Error::command(format!("To use '{manager}' oauthlib must be installed"))
}

/// `consumer create`.
pub struct CreateConsumer;

impl Command<ClientManager> for CreateConsumer {
    fn description(&self) -> &str {
        "Create new consumer"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New consumer description"),
        );
    }

    fn take_action(&self, _ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        Err(oauthlib_missing("consumers"))
    }
}

/// `consumer delete`.
pub struct DeleteConsumer;

impl Command<ClientManager> for DeleteConsumer {
    fn description(&self) -> &str {
        "Delete consumer(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consumer")
                .metavar("<consumer>")
                .nargs(Nargs::OneOrMore)
                .help("Consumer(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("consumer"),
            |_, _| Err(Failure::Other(oauthlib_missing("consumers"))),
            output::delete_failure("consumer"),
            output::delete_summary("consumers"),
        )
    }
}

/// `consumer list`.
pub struct ListConsumer;

impl Command<ClientManager> for ListConsumer {
    fn description(&self) -> &str {
        "List consumers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, _ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        Err(oauthlib_missing("consumers"))
    }
}

/// `consumer set`.
pub struct SetConsumer;

impl Command<ClientManager> for SetConsumer {
    fn description(&self) -> &str {
        "Set consumer properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consumer")
                .metavar("<consumer>")
                .help("Consumer to modify"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New consumer description"),
        );
    }

    fn take_action(&self, _ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        Err(oauthlib_missing("consumers"))
    }
}

/// `consumer show`.
pub struct ShowConsumer;

impl Command<ClientManager> for ShowConsumer {
    fn description(&self) -> &str {
        "Display consumer details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("consumer")
                .metavar("<consumer>")
                .help("Consumer to display"),
        );
    }

    fn take_action(&self, _ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        Err(oauthlib_missing("consumers"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{l, run};

    #[test]
    fn every_consumer_command_needs_oauthlib() {
        let (result, sent) = run(&ListConsumer, &[], &[]);
        assert!(sent.is_empty());
        assert_eq!(
            result.unwrap_err().message,
            "To use 'consumers' oauthlib must be installed"
        );
        let (result, _) = run(&DeleteConsumer, &[("consumer", l(&["a", "b"]))], &[]);
        assert_eq!(
            result.unwrap_err().message,
            "2 of 2 consumers failed to delete."
        );
    }
}
