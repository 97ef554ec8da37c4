//! `server_ssh` commands (OSC's `openstackclient/compute/v2/server_ssh.py`).

use cliff::argparse::{Action, ArgValue, Nargs};
use cliff::{Arg, Args, Command, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use super::server_common::{command_error, find_server};
use openstack_sdk as sdk;

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

/// `_get_ip_address`: the address of the type and family asked, old-style (`public`/`private` networks) or new
/// (`OS-EXT-IPS:type` of `floating`/`fixed`).
fn ip_address(addresses: &Json, address_type: &str, families: &[i64]) -> Result<String> {
    let version = |addy: &Json| {
        addy.get("version")
            .and_then(|v| {
                v.as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            })
            .unwrap_or(0)
    };
    if let Some(list) = addresses.get(address_type).and_then(Json::as_array) {
        for addy in list {
            if families.contains(&version(addy)) {
                return Ok(addy.get("addr").map(sdk::json_text).unwrap_or_default());
            }
        }
    }
    let new_type = match address_type {
        "public" => "floating",
        "private" => "fixed",
        other => other,
    };
    if let Some(networks) = addresses.as_object() {
        for list in networks.values() {
            for addy in list.as_array().map(Vec::as_slice).unwrap_or_default() {
                if let Some(text) = addy.as_str() {
                    let items = list.as_array().map(Vec::as_slice).unwrap_or_default();
                    let chosen = if new_type == "fixed" {
                        items.first()
                    } else {
                        items.last()
                    };
                    return Ok(chosen.map_or_else(|| text.to_owned(), sdk::json_text));
                }
                let Some(kind) = addy.get("OS-EXT-IPS:type") else {
                    continue;
                };
                if kind.as_str() == Some(new_type) && families.contains(&version(addy)) {
                    return Ok(addy.get("addr").map(sdk::json_text).unwrap_or_default());
                }
            }
        }
    }
    let shown: Vec<String> = families.iter().map(i64::to_string).collect();
    Err(command_error(format!(
        "ERROR: No {address_type} IP version [{}] address found",
        shown.join(", ")
    )))
}

fn ssh_server(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let port = args.int("port");
    let identity = args.str("identity");
    let option = args.str("option");
    let login = args.str("login");
    let verbose = args.flag("verbose");
    if port.is_some_and(|p| p != 0)
        || identity.is_some_and(|i| !i.is_empty())
        || option.is_some_and(|o| !o.is_empty())
        || login.is_some_and(|l| !l.is_empty())
        || verbose
    {
        log::warn!(
            "The ssh options have been deprecated. The ssh equivalent options can be used instead as arguments \
             after \"--\" on the command line."
        );
    }
    let mut families = vec![4, 6];
    if args.flag("ipv4") {
        families = vec![4];
    }
    if args.flag("ipv6") {
        families = vec![6];
    }
    let mut ssh_args = args.strings("ssh_args");
    if let Some(port) = port.filter(|p| *p != 0) {
        ssh_args.extend(["-p".to_owned(), port.to_string()]);
    }
    if let Some(identity) = identity.filter(|i| !i.is_empty()) {
        ssh_args.extend(["-i".to_owned(), identity.to_owned()]);
    }
    if let Some(option) = option.filter(|o| !o.is_empty()) {
        ssh_args.extend(["-o".to_owned(), option.to_owned()]);
    }
    if let Some(login) = login.filter(|l| !l.is_empty()) {
        ssh_args.extend(["-l".to_owned(), login.to_owned()]);
    } else if !ssh_args.iter().any(|a| a == "-l") {
        let token = ctx.token()?;
        let user = token
            .body
            .pointer("/token/user/name")
            .map(sdk::json_text)
            .unwrap_or_default();
        ssh_args.extend(["-l".to_owned(), user]);
    }
    if verbose {
        ssh_args.push("-v".to_owned());
    }
    let address_type = args.str("address_type").unwrap_or("public");
    let addresses = server.get("addresses").cloned().unwrap_or(Json::Null);
    let ip = ip_address(&addresses, address_type, &families)?;
    let mut words = vec!["ssh".to_owned(), ip];
    words.extend(ssh_args);
    let command = words.join(" ");
    log::debug!("ssh command: {command}");
    // OSC runs the line in the user's shell (`os.system`) on purpose, and ignores its exit status.
    if let Err(e) = std::process::Command::new("sh")
        .arg("-c")
        .arg(&command)
        .status()
    {
        log::debug!("ssh could not be run: {e}");
    }
    Ok(Output::ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn addresses_old_and_new_style() {
        let new_style = json!({"net": [
            {"addr": "10.0.0.3", "version": 4, "OS-EXT-IPS:type": "fixed"},
            {"addr": "203.0.113.5", "version": 4, "OS-EXT-IPS:type": "floating"}
        ]});
        assert_eq!(
            ip_address(&new_style, "public", &[4, 6]).unwrap(),
            "203.0.113.5"
        );
        assert_eq!(ip_address(&new_style, "private", &[4]).unwrap(), "10.0.0.3");
        assert_eq!(ip_address(&new_style, "net", &[4]).unwrap(), "10.0.0.3");
        assert_eq!(
            ip_address(&new_style, "private", &[6]).unwrap_err().message,
            "ERROR: No private IP version [6] address found"
        );
    }
}
