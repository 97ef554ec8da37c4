//! `console` commands (OSC's `openstackclient/compute/v2/console.py`).

use cliff::argparse::{Action, ArgValue};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

/// `console connection show`.
pub struct ShowConsoleConnectionInformation;

impl Command<ClientManager> for ShowConsoleConnectionInformation {
    fn description(&self) -> &str {
        "Show server's remote console connection information"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("token")
                .metavar("<token>")
                .help("Nova console token to lookup"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_console_connection_information(ctx, args)
    }
}

fn show_console_connection_information(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `console log show`.
pub struct ShowConsoleLog;

impl Command<ClientManager> for ShowConsoleLog {
    fn description(&self) -> &str {
        "Show server's console output"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to show console log (name or ID)"),
        );
        parser.add(
            Arg::option(&["--lines"])
                .int()
                .metavar("<num-lines>")
                .help("Number of lines to display from the end of the log (default=all)"),
        ); //  CUSTOM ACTION NonNegativeAction nargs=None default=None const=None
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_console_log(ctx, args)
    }
}

fn show_console_log(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `console url show`.
pub struct ShowConsoleURL;

impl Command<ClientManager> for ShowConsoleURL {
    fn description(&self) -> &str {
        "Show server's remote console URL"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to show URL (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--novnc"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("novnc".to_owned())))
                .default(ArgValue::Str("novnc".to_owned()))
                .help("Show noVNC console URL (default)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--xvpvnc"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("xvpvnc".to_owned())))
                .help("Show xvpvnc console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--spice"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("spice-html5".to_owned())))
                .help("Show SPICE console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--spice-direct"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("spice-direct".to_owned())))
                .help("Show SPICE direct protocol native console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--rdp"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("rdp-html5".to_owned())))
                .help("Show RDP console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--serial"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("serial".to_owned())))
                .help("Show serial console URL"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--mks"])
                .dest("url_type")
                .action(Action::StoreConst(ArgValue::Str("webmks".to_owned())))
                .help("Show WebMKS console URL"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_console_u_r_l(ctx, args)
    }
}

fn show_console_u_r_l(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
