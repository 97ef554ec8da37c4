//! `server_add_remove` commands (OSC's `openstackclient/compute/v2/server_add_remove.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

/// `server add fixed ip`.
pub struct AddFixedIP;

impl Command<ClientManager> for AddFixedIP {
    fn description(&self) -> &str {
        "Add fixed IP address to server"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to receive the fixed IP address (name or ID)"),
        );
        parser.add(
            Arg::positional("network")
                .metavar("<network>")
                .help("Network to allocate the fixed IP address from (name or ID)"),
        );
        parser.add(
            Arg::option(&["--fixed-ip-address"])
                .metavar("<ip-address>")
                .help("Requested fixed IP address"),
        );
        parser.add(Arg::option(&["--tag"]).metavar("<tag>").help(
            "Tag for the attached interface. (supported by --os-compute-api-version 2.49 or above)",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_fixed_i_p(ctx, args)
    }
}

fn add_fixed_i_p(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server add floating ip`.
pub struct AddFloatingIP;

impl Command<ClientManager> for AddFloatingIP {
    fn description(&self) -> &str {
        "Add floating IP address to server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to receive the floating IP address (name or ID)"),
        );
        parser.add(
            Arg::positional("ip_address")
                .metavar("<ip-address>")
                .help("Floating IP address to assign to the first available server port (IP only)"),
        );
        parser.add(Arg::option(&["--fixed-ip-address"]).metavar("<ip-address>").help("Fixed IP address to associate with this floating IP address. The first server port containing the fixed IP address will be used"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_floating_i_p(ctx, args)
    }
}

fn add_floating_i_p(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server add network`.
pub struct AddNetwork;

impl Command<ClientManager> for AddNetwork {
    fn description(&self) -> &str {
        "Add network to server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to add the network to (name or ID)"),
        );
        parser.add(
            Arg::positional("network")
                .metavar("<network>")
                .help("Network to add to the server (name or ID)"),
        );
        parser.add(Arg::option(&["--tag"]).metavar("<tag>").help(
            "Tag for the attached interface. (supported by --os-compute-api-version 2.49 or above)",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_network(ctx, args)
    }
}

fn add_network(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server add port`.
pub struct AddPort;

impl Command<ClientManager> for AddPort {
    fn description(&self) -> &str {
        "Add port to server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to add the port to (name or ID)"),
        );
        parser.add(
            Arg::positional("port")
                .metavar("<port>")
                .help("Port to add to the server (name or ID)"),
        );
        parser.add(Arg::option(&["--tag"]).metavar("<tag>").help(
            "Tag for the attached interface (supported by --os-compute-api-version 2.49 or later)",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_port(ctx, args)
    }
}

fn add_port(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server add security group`.
pub struct AddServerSecurityGroup;

impl Command<ClientManager> for AddServerSecurityGroup {
    fn description(&self) -> &str {
        "Add security group(s) to server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(Arg::positional("security_groups").nargs(Nargs::OneOrMore).metavar("<security-group>").help("Security group(s) to add to the server (name or ID) (repeat option to add multiple groups)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_server_security_group(ctx, args)
    }
}

fn add_server_security_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server add volume`.
pub struct AddServerVolume;

impl Command<ClientManager> for AddServerVolume {
    fn description(&self) -> &str {
        "Add volume to server.\n\nSpecify ``--os-compute-api-version 2.20`` or higher to add a volume to a server\nwith status ``SHELVED`` or ``SHELVED_OFFLOADED``."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to add (name or ID)"),
        );
        parser.add(
            Arg::option(&["--device"])
                .metavar("<device>")
                .help("Server internal device name for volume"),
        );
        parser.add(Arg::option(&["--tag"]).metavar("<tag>").help(
            "Tag for the attached volume (supported by --os-compute-api-version 2.49 or above)",
        ));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--enable-delete-on-termination"]).flag().help("Delete the volume when the server is destroyed (supported by --os-compute-api-version 2.79 or above)"));
        parser.add_to_mutex(m0, Arg::option(&["--disable-delete-on-termination"]).flag().help("Do not delete the volume when the server is destroyed (supported by --os-compute-api-version 2.79 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_server_volume(ctx, args)
    }
}

fn add_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server remove fixed ip`.
pub struct RemoveFixedIP;

impl Command<ClientManager> for RemoveFixedIP {
    fn description(&self) -> &str {
        "Remove fixed IP address from server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to remove the fixed IP address from (name or ID)"),
        );
        parser.add(
            Arg::positional("ip_address")
                .metavar("<ip-address>")
                .help("Fixed IP address to remove from the server (IP only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_fixed_i_p(ctx, args)
    }
}

fn remove_fixed_i_p(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server remove floating ip`.
pub struct RemoveFloatingIP;

impl Command<ClientManager> for RemoveFloatingIP {
    fn description(&self) -> &str {
        "Remove floating IP address from server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to remove the floating IP address from (name or ID)"),
        );
        parser.add(
            Arg::positional("ip_address")
                .metavar("<ip-address>")
                .help("Floating IP address to remove from server (IP only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_floating_i_p(ctx, args)
    }
}

fn remove_floating_i_p(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server remove network`.
pub struct RemoveNetwork;

impl Command<ClientManager> for RemoveNetwork {
    fn description(&self) -> &str {
        "Remove all ports of a network from server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to remove the port from (name or ID)"),
        );
        parser.add(
            Arg::positional("network")
                .metavar("<network>")
                .help("Network to remove from the server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_network(ctx, args)
    }
}

fn remove_network(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server remove port`.
pub struct RemovePort;

impl Command<ClientManager> for RemovePort {
    fn description(&self) -> &str {
        "Remove port from server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to remove the port from (name or ID)"),
        );
        parser.add(
            Arg::positional("port")
                .metavar("<port>")
                .help("Port to remove from the server (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_port(ctx, args)
    }
}

fn remove_port(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server remove security group`.
pub struct RemoveServerSecurityGroup;

impl Command<ClientManager> for RemoveServerSecurityGroup {
    fn description(&self) -> &str {
        "Remove security group from server"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(Arg::positional("security_groups").nargs(Nargs::OneOrMore).metavar("<security-group>").help("Security group(s) to remove from server (name or ID) (repeat option to remove multiple groups)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_server_security_group(ctx, args)
    }
}

fn remove_server_security_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}

/// `server remove volume`.
pub struct RemoveServerVolume;

impl Command<ClientManager> for RemoveServerVolume {
    fn description(&self) -> &str {
        "Remove volume from server.\n\nSpecify ``--os-compute-api-version 2.20`` or higher to remove a\nvolume from a server with status ``SHELVED`` or ``SHELVED_OFFLOADED``."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server (name or ID)"),
        );
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to remove (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_server_volume(ctx, args)
    }
}

fn remove_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let _ = (ctx, args);
    Err(cliff::Error::command("not implemented"))
}
