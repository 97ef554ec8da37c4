//! `bgp peer create|delete|list|set|show` (OSC's `network/v2/dynamic_routing/bgp_peer.py`, openstacksdk
//! `BgpPeer`).

use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::{create, find_id, DrObject};
use crate::common::{self, fail, Any, Computed, NetResource};
use openstack_sdk::Resource;

/// The smallest AS number the help names (`MIN_AS_NUM`).
pub const MIN_AS_NUM: u64 = 1;
/// The largest AS number the help names (`MAX_AS_NUM`).
pub const MAX_AS_NUM: u64 = 4_294_967_295;

/// openstacksdk's `network.v2.bgp_peer.BgpPeer` (unknown body attributes kept, as `password`).
pub const BGP_PEER: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "BgpPeer",
        key: "bgp_peer",
        plural: "bgp_peers",
        base_path: "/bgp-peers",
        query: super::QUERY,
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("auth_type", "auth_type", Any),
        ("remote_as", "remote_as", Any),
        ("peer_ip", "peer_ip", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// The show and delete commands' view of BGP peers.
pub static OBJECT: DrObject = DrObject {
    res: &BGP_PEER,
    dest: "bgp_peer",
    metavar: "<bgp-peer>",
    title: "BGP peer",
    descriptions: ["Show information for a BGP peer", "Delete a BGP peer"],
};

const AUTH_TYPES: &[&str] = &["none", "md5"];

/// `type=network_utils.convert_to_lowercase` then `choices`: the lower-cased value must be an auth type.
fn auth_type_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) if !AUTH_TYPES.contains(&text.to_lowercase().as_str()) => Err(format!(
            "invalid choice: '{}' (choose from 'none', 'md5')",
            text.to_lowercase()
        )),
        _ => Ok(()),
    }
}

/// The peer's positional (`bgp_peer`), with its help.
fn peer_arg(help: &str) -> Arg {
    Arg::positional("bgp_peer").metavar("<bgp-peer>").help(help)
}

/// `_get_attrs`: with `create` (the options only create has), the auth type is checked against the password
/// and sent with `remote_as` and `peer_ip` (both as strings); `password` is always sent, `None` included.
fn attrs(args: &Args, create: bool) -> Result<Map<String, Json>> {
    let password = args.str("password");
    let mut attrs = Map::new();
    if create {
        let auth_type = args.str("auth_type").unwrap_or("none").to_lowercase();
        if auth_type != "none" && password.is_none() {
            return Err(Error::command(
                "Must provide password if auth-type is specified.",
            ));
        }
        if auth_type == "none" && password.is_some() {
            return Err(Error::command(
                "Must provide auth-type if password is specified.",
            ));
        }
        attrs.insert("auth_type".into(), Json::from(auth_type));
    }
    if let Some(name) = common::present(args, "name") {
        attrs.insert("name".into(), Json::from(name));
    }
    if create {
        for key in ["remote_as", "peer_ip"] {
            attrs.insert(key.into(), args.str(key).map_or(Json::Null, Json::from));
        }
    }
    attrs.insert("password".into(), password.map_or(Json::Null, Json::from));
    Ok(attrs)
}

/// `bgp peer create`.
pub struct CreateBgpPeer;

impl Command<ClientManager> for CreateBgpPeer {
    fn description(&self) -> &str {
        "Create a BGP peer"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of the BGP peer to create"),
        );
        parser.add(
            Arg::option(&["--peer-ip"])
                .metavar("<peer-ip-address>")
                .required()
                .help("Peer IP address"),
        );
        parser.add(
            Arg::option(&["--remote-as"])
                .required()
                .metavar("<peer-remote-as>")
                .help(&format!(
                    "Peer AS number. (Integer in [{MIN_AS_NUM}, {MAX_AS_NUM}] is allowed)"
                )),
        );
        parser.add(
            Arg::option(&["--auth-type"])
                .metavar("<peer-auth-type>")
                .check(auth_type_check)
                .default("none")
                .help("Authentication algorithm. Supported algorithms: none (default), md5"),
        );
        parser.add(
            Arg::option(&["--password"])
                .metavar("<auth-password>")
                .help("Authentication password"),
        );
        common::add_project_options(parser, "Owner's project (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create(ctx, args, &BGP_PEER, attrs(args, true)?)
    }
}

/// `bgp peer list`: every peer.
pub struct ListBgpPeer;

impl Command<ClientManager> for ListBgpPeer {
    fn description(&self) -> &str {
        "List BGP peers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let items = fail(common::list(ctx, &BGP_PEER, &[], None))?;
        Ok(common::rows(
            &BGP_PEER,
            &items,
            &["ID", "Name", "Peer IP", "Remote AS"],
            &["id", "name", "peer_ip", "remote_as"],
            common::plain,
        ))
    }
}

/// `bgp peer set`: `--name` when given and `--password` always (`None` included) in one PUT.
pub struct SetBgpPeer;

impl Command<ClientManager> for SetBgpPeer {
    fn description(&self) -> &str {
        "Update a BGP peer"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--name"]).help("Updated name of the BGP peer"));
        parser.add(
            Arg::option(&["--password"])
                .metavar("<auth-password>")
                .help("Updated authentication password"),
        );
        parser.add(peer_arg("BGP peer to update (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = find_id(ctx, &BGP_PEER, args.str("bgp_peer").unwrap_or(""))?;
        let attrs = attrs(args, false)?;
        fail(common::update(
            ctx,
            &BGP_PEER,
            &serde_json::json!({ "id": id }),
            attrs,
        ))?;
        Ok(Output::ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_type_is_checked_lower_cased() {
        assert!(auth_type_check(&ArgValue::Str("MD5".into())).is_ok());
        assert_eq!(
            auth_type_check(&ArgValue::Str("SHA".into())),
            Err("invalid choice: 'sha' (choose from 'none', 'md5')".to_owned())
        );
    }
}
