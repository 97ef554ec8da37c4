//! `configuration show`: the selected cloud's configuration, secrets masked unless `--unmask`.

use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::ClientManager;

/// `configuration show [--mask | --unmask]`.
pub struct ShowConfiguration;

impl Command<ClientManager> for ShowConfiguration {
    fn description(&self) -> &str {
        "Display configuration details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn auth_required(&self) -> bool {
        false
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let mask = parser.add_mutex(None, false);
        parser.add_to_mutex(
            mask,
            Arg::option(&["--mask"])
                .dest("mask")
                .flag()
                .default(true)
                .help("Attempt to mask passwords (default)"),
        );
        parser.add_to_mutex(
            mask,
            Arg::option(&["--unmask"])
                .dest("mask")
                .action(cliff::argparse::Action::StoreFalse)
                .help("Show password in clear text"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let cloud = ctx
            .settings
            .cloud
            .as_ref()
            .ok_or_else(|| Error::command("No cloud configuration was loaded"))?;
        // As OSC: the auth plugin is only known after authenticating, which this command never does, so the
        // default secret list (password, token) applies.
        let (fields, values) = cloud.show(args.flag("mask"), None);
        Ok(Output::Show { fields, values })
    }
}
