//! `server_ssh` commands (OSC's `openstackclient/compute/v2/server_ssh.py`).

use cliff::argparse::{Action, ArgValue, Nargs};
use cliff::{Arg, Args, Command, Output, Parser, Result};
use osc_lib::ClientManager;

/// `server ssh`.
pub struct SshServer;

impl Command<ClientManager> for SshServer {
    fn description(&self) -> &str {
        "SSH to server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(
            Arg::option(&["--login", "-l"])
                .metavar("<login-name>")
                .hidden(),
        );
        parser.add(
            Arg::option(&["--port", "-p"])
                .int()
                .metavar("<port>")
                .hidden(),
        );
        parser.add(
            Arg::option(&["--identity", "-i"])
                .metavar("<keyfile>")
                .hidden(),
        );
        parser.add(
            Arg::option(&["--option", "-o"])
                .metavar("<config-options>")
                .hidden(),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["-4"])
                .dest("ipv4")
                .flag()
                .help("Use only IPv4 addresses"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["-6"])
                .dest("ipv6")
                .flag()
                .help("Use only IPv6 addresses"),
        );
        let m1 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m1,
            Arg::option(&["--public"])
                .dest("address_type")
                .action(Action::StoreConst(ArgValue::Str("public".to_owned())))
                .default(ArgValue::Str("public".to_owned()))
                .help("Use public IP address"),
        );
        parser.add_to_mutex(
            m1,
            Arg::option(&["--private"])
                .dest("address_type")
                .action(Action::StoreConst(ArgValue::Str("private".to_owned())))
                .default(ArgValue::Str("public".to_owned()))
                .help("Use private IP address"),
        );
        parser.add_to_mutex(
            m1,
            Arg::option(&["--address-type"])
                .default(ArgValue::Str("public".to_owned()))
                .metavar("<address-type>")
                .help("Use other IP address (public, private, etc)"),
        );
        parser.add(Arg::option(&["-v"]).dest("verbose").flag().hidden());
        parser.add(Arg::positional("ssh_args").nargs(Nargs::ZeroOrMore).metavar("-- <standard ssh args>").help("Any argument or option that ssh allows. Use -- once between openstackclient args and SSH args."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        ssh_server(ctx, args)
    }
}

fn ssh_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
