//! `server_add_remove` commands (OSC's `openstackclient/compute/v2/server_add_remove.py`).

use cliff::argparse::Nargs;
use cliff::Value;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::format_columns::list_dict_column;
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::server_common::{
    self as common, action, command_error, find_server, require, require_option, supports,
};
use crate::resources::{
    FLOATING_IP, NETWORK, PORT, SERVER_INTERFACE, VOLUME, VOLUME_ATTACHMENT,
    VOLUME_ATTACHMENT_MAX_MICROVERSION,
};
use openstack_sdk as sdk;
use openstack_sdk::Call;

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
        add_fixed_ip(ctx, args)
    }
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
        add_floating_ip(ctx, args)
    }
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
        remove_fixed_ip(ctx, args)
    }
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
        remove_floating_ip(ctx, args)
    }
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

fn one_server(ctx: &mut ClientManager, args: &Args) -> Result<Json> {
    Ok(find_server(
        ctx,
        args.str("server").unwrap_or(""),
        true,
        false,
    )?)
}

fn arg<'a>(args: &'a Args, dest: &str) -> &'a str {
    args.str(dest).unwrap_or("")
}

fn interfaces_path(server_id: &str) -> String {
    SERVER_INTERFACE.path(&[("server_id", server_id)])
}

/// `compute_client.create_server_interface(server, **attrs)`.
fn create_interface(
    ctx: &mut ClientManager,
    server_id: &str,
    attrs: Map<String, Json>,
) -> Result<Json> {
    common::use_class(ctx, "2.70")?;
    Ok(sdk::create(
        ctx,
        &SERVER_INTERFACE,
        Method::Post,
        &interfaces_path(server_id),
        attrs,
    )?)
}

fn tag_option(ctx: &mut ClientManager, args: &Args, attrs: &mut Map<String, Json>) -> Result<()> {
    if let Some(tag) = args.str("tag").filter(|t| !t.is_empty()) {
        require_option(ctx, "2.49", "--tag")?;
        attrs.insert("tag".into(), json!(tag));
    }
    Ok(())
}

fn add_fixed_ip(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = one_server(ctx, args)?;
    let server_id = sdk::id_of(&server);
    if args.str("tag").is_some_and(|t| !t.is_empty()) {
        require_option(ctx, "2.49", "--tag")?;
    }
    let net_id = sdk::id_of(&sdk::find_one(
        ctx,
        &NETWORK,
        NETWORK.base_path,
        arg(args, "network"),
        &[],
    )?);
    let mut attrs = Map::new();
    attrs.insert("net_id".into(), json!(net_id));
    if let Some(ip) = args.str("fixed_ip_address").filter(|t| !t.is_empty()) {
        attrs.insert("fixed_ips".into(), json!([{"ip_address": ip}]));
    }
    if let Some(tag) = args.str("tag").filter(|t| !t.is_empty()) {
        attrs.insert("tag".into(), json!(tag));
    }
    let interface = create_interface(ctx, &server_id, attrs)?;
    let mut rows = vec![
        ("Port ID", sdk::attr(&interface, "port_id")),
        ("Server ID", Value::str(server_id)),
        ("Network ID", sdk::attr(&interface, "net_id")),
        ("MAC Address", sdk::attr(&interface, "mac_addr")),
        ("Port State", sdk::attr(&interface, "port_state")),
        (
            "Fixed IPs",
            list_dict_column(sdk::attr(&interface, "fixed_ips")),
        ),
    ];
    if args.str("tag").is_some_and(|t| !t.is_empty()) && supports(ctx, "2.49")? {
        rows.push(("Tag", sdk::attr(&interface, "tag")));
    }
    Ok(Output::show(
        rows.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    ))
}

fn floating_ip(ctx: &mut ClientManager, address: &str) -> Result<Json> {
    Ok(sdk::find_one(
        ctx,
        &FLOATING_IP,
        FLOATING_IP.base_path,
        address,
        &[],
    )?)
}

fn update_floating_ip(
    ctx: &mut ClientManager,
    ip: &Json,
    attrs: Map<String, Json>,
) -> sdk::Res<()> {
    let path = sdk::item_path(FLOATING_IP.base_path, &sdk::id_of(ip));
    Call::new("network", Method::Put, path)
        .body(json!({"floatingip": attrs}))
        .send(ctx)?;
    Ok(())
}

fn add_floating_ip(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let ip = floating_ip(ctx, arg(args, "ip_address"))?;
    let server = one_server(ctx, args)?;
    let ports = sdk::list(
        ctx,
        &PORT,
        PORT.base_path,
        &[("device_id", Some(sdk::id_of(&server)))],
        None,
    )?;
    if ports.is_empty() {
        return Err(command_error(
            "No attached ports found to associate floating IP with",
        ));
    }
    let mut attrs = Map::new();
    if let Some(fixed) = args.str("fixed_ip_address").filter(|t| !t.is_empty()) {
        attrs.insert("fixed_ip_address".into(), json!(fixed));
        let port = ports.iter().find(|port| {
            port.get("fixed_ips")
                .and_then(Json::as_array)
                .is_some_and(|ips| {
                    ips.iter()
                        .any(|ip| sdk::str_of(ip, "ip_address") == Some(fixed))
                })
        });
        let Some(port) = port else {
            return Err(command_error(format!(
                "No port found for fixed IP address {fixed}"
            )));
        };
        attrs.insert("port_id".into(), json!(sdk::id_of(port)));
        update_floating_ip(ctx, &ip, attrs)?;
        return Ok(Output::ok());
    }
    let mut error = None;
    for port in &ports {
        attrs.insert("port_id".into(), json!(sdk::id_of(port)));
        match update_floating_ip(ctx, &ip, attrs.clone()) {
            Ok(()) => {
                error = None;
                break;
            }
            Err(e) if e.is_not_found() => {
                log::info!(
                    "Skipped port {} because it is not attached to an external gateway",
                    sdk::id_of(port)
                );
                error = Some(e);
            }
            Err(e) => return Err(e.into()),
        }
    }
    match error {
        Some(e) => Err(e.into()),
        None => Ok(Output::ok()),
    }
}

fn add_network(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server_id = sdk::id_of(&one_server(ctx, args)?);
    let net_id = sdk::id_of(&sdk::find_one(
        ctx,
        &NETWORK,
        NETWORK.base_path,
        arg(args, "network"),
        &[],
    )?);
    let mut attrs = Map::new();
    attrs.insert("net_id".into(), json!(net_id));
    tag_option(ctx, args, &mut attrs)?;
    create_interface(ctx, &server_id, attrs)?;
    Ok(Output::ok())
}

fn add_port(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server_id = sdk::id_of(&one_server(ctx, args)?);
    let port_id = sdk::id_of(&sdk::find_one(
        ctx,
        &PORT,
        PORT.base_path,
        arg(args, "port"),
        &[],
    )?);
    let mut attrs = Map::new();
    attrs.insert("port_id".into(), json!(port_id));
    tag_option(ctx, args, &mut attrs)?;
    create_interface(ctx, &server_id, attrs)?;
    Ok(Output::ok())
}

/// `server add|remove security group`: one action per group, failures logged and counted.
fn security_group_action(ctx: &mut ClientManager, args: &Args, adding: bool) -> Result<Output> {
    let server_id = sdk::id_of(&one_server(ctx, args)?);
    let groups = args.strings("security_groups");
    let mut errors = 0;
    for group in &groups {
        let body = if adding {
            json!({"addSecurityGroup": {"name": group}})
        } else {
            json!({"removeSecurityGroup": {"name": group}})
        };
        if let Err(e) = action(ctx, &server_id, body, None) {
            if e.status().is_none() {
                return Err(e.into());
            }
            errors += 1;
            if adding {
                log::error!("Failed to add security group with name or ID '{group}' to server '{server_id}': {e}");
            } else {
                log::error!(
                    "Failed to remove security group with name or ID '{group}' from server '{server_id}': {e}"
                );
            }
        }
    }
    if errors > 0 {
        let verb = if adding { "added" } else { "removed" };
        return Err(command_error(format!(
            "{errors} of {} security groups were not {verb}.",
            groups.len()
        )));
    }
    Ok(Output::ok())
}

fn add_server_security_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    security_group_action(ctx, args, true)
}

fn remove_server_security_group(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    security_group_action(ctx, args, false)
}

fn add_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server_id = sdk::id_of(&one_server(ctx, args)?);
    let volume = sdk::find_one(ctx, &VOLUME, VOLUME.base_path, arg(args, "volume"), &[])?;
    let mut attrs = Map::new();
    attrs.insert("volumeId".into(), json!(sdk::id_of(&volume)));
    attrs.insert(
        "device".into(),
        args.str("device").map_or(Json::Null, |d| json!(d)),
    );
    tag_option(ctx, args, &mut attrs)?;
    if args.flag("enable_delete_on_termination") {
        require(
            ctx,
            "2.79",
            "--os-compute-api-version 2.79 or greater is required to support the --enable-delete-on-termination \
             option.",
        )?;
        attrs.insert("delete_on_termination".into(), json!(true));
    }
    if args.flag("disable_delete_on_termination") {
        require(
            ctx,
            "2.79",
            "--os-compute-api-version 2.79 or greater is required to support the --disable-delete-on-termination \
             option.",
        )?;
        attrs.insert("delete_on_termination".into(), json!(false));
    }
    common::use_class(ctx, VOLUME_ATTACHMENT_MAX_MICROVERSION)?;
    let path = VOLUME_ATTACHMENT.path(&[("server_id", &server_id)]);
    let attachment = sdk::create(ctx, &VOLUME_ATTACHMENT, Method::Post, &path, attrs)?;
    let mut rows = vec![
        ("ID", sdk::attr(&attachment, "id")),
        ("Server ID", Value::str(server_id)),
        ("Volume ID", sdk::attr(&attachment, "volumeId")),
        ("Device", sdk::attr(&attachment, "device")),
    ];
    if supports(ctx, "2.49")? {
        rows.push(("Tag", sdk::attr(&attachment, "tag")));
    }
    if supports(ctx, "2.79")? {
        rows.push((
            "Delete On Termination",
            sdk::attr(&attachment, "delete_on_termination"),
        ));
    }
    Ok(Output::show(
        rows.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    ))
}

fn remove_fixed_ip(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server_id = sdk::id_of(&one_server(ctx, args)?);
    action(
        ctx,
        &server_id,
        json!({"removeFixedIp": {"address": arg(args, "ip_address")}}),
        None,
    )?;
    Ok(Output::ok())
}

fn remove_floating_ip(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let ip = floating_ip(ctx, arg(args, "ip_address"))?;
    let mut attrs = Map::new();
    attrs.insert("port_id".into(), Json::Null);
    update_floating_ip(ctx, &ip, attrs)?;
    Ok(Output::ok())
}

/// `compute_client.delete_server_interface(port_id, server=server)`.
fn delete_interface(
    ctx: &mut ClientManager,
    server_id: &str,
    port_id: &str,
    ignore_missing: bool,
) -> Result<()> {
    common::use_class(ctx, "2.70")?;
    let path = sdk::item_path(&interfaces_path(server_id), port_id);
    sdk::delete(ctx, &SERVER_INTERFACE, &path, ignore_missing)?;
    Ok(())
}

fn remove_port(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server_id = sdk::id_of(&one_server(ctx, args)?);
    let port_id = sdk::id_of(&sdk::find_one(
        ctx,
        &PORT,
        PORT.base_path,
        arg(args, "port"),
        &[],
    )?);
    delete_interface(ctx, &server_id, &port_id, false)?;
    Ok(Output::ok())
}

fn remove_network(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server_id = sdk::id_of(&one_server(ctx, args)?);
    let net_id = sdk::id_of(&sdk::find_one(
        ctx,
        &NETWORK,
        NETWORK.base_path,
        arg(args, "network"),
        &[],
    )?);
    common::use_class(ctx, "2.70")?;
    let interfaces = sdk::list(
        ctx,
        &SERVER_INTERFACE,
        &interfaces_path(&server_id),
        &[],
        None,
    )?;
    for interface in interfaces {
        if interface.get("net_id").map(sdk::json_text).as_deref() == Some(net_id.as_str()) {
            let port = interface
                .get("port_id")
                .map(sdk::json_text)
                .unwrap_or_default();
            delete_interface(ctx, &server_id, &port, true)?;
        }
    }
    Ok(Output::ok())
}

fn remove_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server_id = sdk::id_of(&one_server(ctx, args)?);
    let volume = sdk::find_one(ctx, &VOLUME, VOLUME.base_path, arg(args, "volume"), &[])?;
    common::use_class(ctx, VOLUME_ATTACHMENT_MAX_MICROVERSION)?;
    let path = sdk::item_path(
        &VOLUME_ATTACHMENT.path(&[("server_id", &server_id)]),
        &sdk::id_of(&volume),
    );
    sdk::delete(ctx, &VOLUME_ATTACHMENT, &path, false)?;
    Ok(Output::ok())
}
