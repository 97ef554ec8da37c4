//! `address group create|delete|list|set|show|unset` (OSC's `network/v2/address_group.py`, openstacksdk
//! `AddressGroup`).

use std::net::IpAddr;

use cliff::argparse::Nargs;
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result};
use identity::pagination;
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, given, present};
use crate::resources::ADDRESS_GROUP;
use openstack_sdk::{Call, Param};

const HIDDEN: &[&str] = &["location", "tenant_id"];

fn show(item: &Json) -> Output {
    common::show(&ADDRESS_GROUP, item, &[], HIDDEN, common::plain)
}

/// `str(netaddr.IPNetwork(address))`: the address with its prefix length (a host's full length by default).
pub fn ip_network(text: &str) -> Result<String> {
    let invalid = || Error::command(format!("invalid IPNetwork {text}"));
    let (address, length) = match text.split_once('/') {
        Some((address, length)) => (address, Some(length)),
        None => (text, None),
    };
    let address: IpAddr = address.parse().map_err(|_| invalid())?;
    let max = if address.is_ipv4() { 32 } else { 128 };
    let length = match length {
        Some(length) => length
            .parse::<u32>()
            .ok()
            .filter(|l| *l <= max)
            .ok_or_else(invalid)?,
        None => max,
    };
    Ok(format!("{address}/{length}"))
}

fn addresses(args: &Args) -> Result<Vec<String>> {
    args.strings("address")
        .iter()
        .map(|a| ip_network(a))
        .collect()
}

fn group_positional(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::positional("address_group")
            .metavar("<address-group>")
            .help(help),
    );
}

fn address_option(parser: &mut Parser, help: &str) {
    parser.add(
        Arg::option(&["--address"])
            .metavar("<ip-address>")
            .append()
            .default(ArgValue::List(Vec::new()))
            .help(help),
    );
}

fn find_group(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(common::find(
        cm,
        &ADDRESS_GROUP,
        args.str("address_group").unwrap_or(""),
        &[],
    ))
}

/// PUT `<group>/<verb>` with the addresses.
fn change_addresses(
    cm: &mut ClientManager,
    group: &Json,
    verb: &str,
    addresses: Vec<String>,
) -> Result<()> {
    let path = format!(
        "{}/{verb}",
        fail(common::item_path(
            cm,
            &ADDRESS_GROUP,
            &openstack_sdk::id_of(group)
        ))?
    );
    fail(
        Call::new("network", Method::Put, path)
            .body(serde_json::json!({ "addresses": addresses }))
            .send(cm),
    )?;
    Ok(())
}

/// `address group create`.
pub struct CreateAddressGroup;

impl Command<ClientManager> for CreateAddressGroup {
    fn description(&self) -> &str {
        "Create a new Address Group"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New address group name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New address group description"),
        );
        address_option(
            parser,
            "IP address or CIDR (repeat option to set multiple addresses)",
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        attrs.insert("name".into(), Json::from(args.str("name").unwrap_or("")));
        if let Some(description) = given(args, "description") {
            attrs.insert("description".into(), Json::from(description));
        }
        attrs.insert("addresses".into(), Json::from(addresses(args)?));
        if let Some(project_id) = common::project_id(ctx, args)? {
            attrs.insert("project_id".into(), Json::from(project_id));
        }
        attrs.extend(common::extra_properties(args, false)?);
        let created = fail(common::create(ctx, &ADDRESS_GROUP, attrs))?;
        Ok(show(&created))
    }
}

/// `address group delete`.
pub struct DeleteAddressGroup;

impl Command<ClientManager> for DeleteAddressGroup {
    fn description(&self) -> &str {
        "Delete address group(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("address_group")
                .metavar("<address-group>")
                .nargs(Nargs::OneOrMore)
                .help("Address group(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(
            ctx,
            args,
            &ADDRESS_GROUP,
            &args.strings("address_group"),
            "address group",
            "address groups",
        )
    }
}

/// `address group list`.
pub struct ListAddressGroup;

impl Command<ClientManager> for ListAddressGroup {
    fn description(&self) -> &str {
        "List address groups"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List only address groups with the specified name"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only address groups with the specified project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params: Vec<Param> = Vec::new();
        if let Some(name) = given(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        if let Some(project_id) = common::project_id(ctx, args)? {
            params.push(("project_id", Some(project_id)));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        let items = fail(common::list(ctx, &ADDRESS_GROUP, &params, page.max_items))?;
        Ok(common::rows(
            &ADDRESS_GROUP,
            &items,
            &["ID", "Name", "Description", "Project", "Addresses"],
            &["id", "name", "description", "project_id", "addresses"],
            common::plain,
        ))
    }
}

/// `address group set`.
pub struct SetAddressGroup;

impl Command<ClientManager> for SetAddressGroup {
    fn description(&self) -> &str {
        "Set address group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        group_positional(parser, "Address group to modify (name or ID)");
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set address group name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set address group description"),
        );
        address_option(
            parser,
            "IP address or CIDR (repeat option to set multiple addresses)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = find_group(ctx, args)?;
        let mut attrs = Map::new();
        if let Some(name) = present(args, "name") {
            attrs.insert("name".into(), Json::from(name));
        }
        if let Some(description) = present(args, "description") {
            attrs.insert("description".into(), Json::from(description));
        }
        attrs.extend(common::extra_properties(args, false)?);
        if !attrs.is_empty() {
            fail(common::update(ctx, &ADDRESS_GROUP, &group, attrs))?;
        }
        if !args.strings("address").is_empty() {
            let addresses = addresses(args)?;
            change_addresses(ctx, &group, "add_addresses", addresses)?;
        }
        Ok(Output::ok())
    }
}

/// `address group show`.
pub struct ShowAddressGroup;

impl Command<ClientManager> for ShowAddressGroup {
    fn description(&self) -> &str {
        "Display address group details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        group_positional(parser, "Address group to display (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        Ok(show(&find_group(ctx, args)?))
    }
}

/// `address group unset`.
pub struct UnsetAddressGroup;

impl Command<ClientManager> for UnsetAddressGroup {
    fn description(&self) -> &str {
        "Unset address group properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        group_positional(parser, "Address group to modify (name or ID)");
        address_option(
            parser,
            "IP address or CIDR (repeat option to unset multiple addresses)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let group = find_group(ctx, args)?;
        if !args.strings("address").is_empty() {
            let addresses = addresses(args)?;
            change_addresses(ctx, &group, "remove_addresses", addresses)?;
        }
        Ok(Output::ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_as_netaddr_prints_them() {
        assert_eq!(ip_network("10.0.0.1").unwrap(), "10.0.0.1/32");
        assert_eq!(ip_network("10.0.0.5/24").unwrap(), "10.0.0.5/24");
        assert_eq!(ip_network("FD00:0::1").unwrap(), "fd00::1/128");
        assert_eq!(
            ip_network("bogus").unwrap_err().message,
            "invalid IPNetwork bogus"
        );
    }
}
