//! `floating ip port forwarding create|delete|list|set|show` (openstacksdk `PortForwarding`, under a floating
//! IP).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_extra_property_option, fail};
use crate::nested::{base_under, create_under, find_under, list_under, update_under};
use crate::resources::{FLOATING_IP, PORT, PORT_FORWARDING};
use identity::output::delete_summary;
use identity::pagination::{add_marker_pagination_options, pagination};
use openstack_sdk as sdk;

const FIP_HELP: &str = "Floating IP that the port forwarding belongs to (IP address or ID)";
const DESCRIPTION_HELP: &str =
    "Text to describe/contextualize the use of the port forwarding configuration";

fn show(forwarding: &Json) -> Output {
    c::show(
        &PORT_FORWARDING,
        forwarding,
        &[],
        &["location", "tenant_id"],
        c::plain,
    )
}

fn fip_argument() -> Arg {
    Arg::positional("floating_ip")
        .metavar("<floating-ip>")
        .help(FIP_HELP)
}

fn find_fip(cm: &mut ClientManager, args: &Args) -> Result<String> {
    let fip = fail(c::find(
        cm,
        &FLOATING_IP,
        args.str("floating_ip").unwrap_or(""),
        &[],
    ))?;
    Ok(sdk::id_of(&fip))
}

fn port_id(cm: &mut ClientManager, name: &str) -> Result<String> {
    fail(c::find(cm, &PORT, name, &[])).map(|port| sdk::id_of(&port))
}

/// Python's `int()` of a port number, with its message.
fn int(text: &str) -> Result<i64> {
    text.trim()
        .parse()
        .map_err(|_| Error::command(format!("invalid literal for int() with base 10: '{text}'")))
}

/// The numbers of `N` or `N:M`.
fn ports(range: Option<&str>) -> Result<Vec<i64>> {
    match range.filter(|r| !r.is_empty()) {
        Some(range) => range.split(':').map(int).collect(),
        None => Ok(Vec::new()),
    }
}

fn ports_diff(ports: &[i64]) -> Result<i64> {
    let (Some(first), Some(last)) = (ports.first(), ports.last()) else {
        return Ok(0);
    };
    let diff = last - first;
    if diff < 0 {
        return Err(Error::command(
            "The last number in port range must be greater or equal to the first",
        ));
    }
    Ok(diff)
}

/// `validate_and_assign_port_ranges`.
fn port_ranges(args: &Args, attrs: &mut Map<String, Json>) -> Result<()> {
    let internal = args.str("internal_protocol_port").filter(|s| !s.is_empty());
    let external = args.str("external_protocol_port").filter(|s| !s.is_empty());
    let external_ports = ports(external)?;
    let internal_ports = ports(internal)?;
    let internal_diff = ports_diff(&internal_ports)?;
    let external_diff = ports_diff(&external_ports)?;
    if internal_diff != 0 && internal_diff != external_diff {
        return Err(Error::command(
            "The relation between internal and external ports does not match the pattern 1:N and N:N",
        ));
    }
    if external_ports
        .iter()
        .chain(internal_ports.iter())
        .any(|p| *p <= 0 || *p > 65535)
    {
        return Err(Error::command("The port number range is <1-65535>"));
    }
    for (range, key) in [(internal, "internal_port"), (external, "external_port")] {
        if let Some(range) = range {
            if range.contains(':') {
                attrs.insert(format!("{key}_range"), Json::from(range));
            } else {
                attrs.insert(key.to_owned(), Json::from(int(range)?));
            }
        }
    }
    Ok(())
}

/// `floating ip port forwarding create`.
pub struct CreateFloatingIpPortForwarding;

impl Command<ClientManager> for CreateFloatingIpPortForwarding {
    fn description(&self) -> &str {
        "Create floating IP port forwarding"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::option(&["--internal-ip-address"])
                .required()
                .metavar("<internal-ip-address>")
                .help(
                    "The fixed IPv4 address of the network port associated to the floating IP port forwarding",
                ),
        );
        parser.add(Arg::option(&["--port"]).metavar("<port>").required().help(
            "The name or ID of the network port associated to the floating IP port forwarding",
        ));
        parser.add(
            Arg::option(&["--internal-protocol-port"])
                .metavar("<port-number>")
                .required()
                .help(
                    "The protocol port number of the network port fixed IPv4 address associated to the \
                     floating IP port forwarding",
                ),
        );
        parser.add(
            Arg::option(&["--external-protocol-port"])
                .metavar("<port-number>")
                .required()
                .help("The protocol port number of the port forwarding's floating IP address"),
        );
        parser.add(
            Arg::option(&["--protocol"])
                .metavar("<protocol>")
                .required()
                .help(
                    "The protocol used in the floating IP port forwarding, for instance: TCP, UDP",
                ),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help(DESCRIPTION_HELP),
        );
        parser.add(fip_argument());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let fip = find_fip(ctx, args)?;
        let mut attrs = Map::new();
        port_ranges(args, &mut attrs)?;
        if let Some(port) = c::given(args, "port") {
            attrs.insert("internal_port_id".into(), Json::from(port_id(ctx, port)?));
        }
        for key in ["internal_ip_address", "protocol"] {
            attrs.insert(key.into(), args.str(key).map_or(Json::Null, Json::from));
        }
        crate::nested::put_str(&mut attrs, args, "description", "description");
        attrs.extend(c::extra_properties(args, false)?);
        let forwarding = fail(create_under(
            ctx,
            &PORT_FORWARDING,
            &[("floatingip_id", &fip)],
            attrs,
        ))?;
        Ok(show(&forwarding))
    }
}

/// `floating ip port forwarding delete`.
pub struct DeleteFloatingIpPortForwarding;

impl Command<ClientManager> for DeleteFloatingIpPortForwarding {
    fn description(&self) -> &str {
        "Delete floating IP port forwarding"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(fip_argument());
        parser.add(
            Arg::positional("port_forwarding_id")
                .nargs(Nargs::OneOrMore)
                .metavar("<port-forwarding-id>")
                .help("The ID of the floating IP port forwarding(s) to delete"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let fip = find_fip(ctx, args)?;
        let base = fail(base_under(
            ctx,
            &PORT_FORWARDING,
            &[("floatingip_id", &fip)],
        ))?;
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("port_forwarding_id"),
            |ctx, id| {
                sdk::delete(
                    ctx,
                    &PORT_FORWARDING.resource,
                    &sdk::item_path(&base, id),
                    false,
                )
            },
            |id, err| format!("Failed to delete floating IP port forwarding '{id}': {err}"),
            delete_summary("Port forwarding"),
        )
    }
}

/// `floating ip port forwarding list`.
pub struct ListFloatingIpPortForwarding;

impl Command<ClientManager> for ListFloatingIpPortForwarding {
    fn description(&self) -> &str {
        "List floating IP port forwarding"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(fip_argument());
        parser.add(Arg::option(&["--port"]).metavar("<port>").help(
            "List only floating IP port forwardings with the specified internal network port (name or ID)",
        ));
        parser.add(
            Arg::option(&["--external-protocol-port"])
                .metavar("<port-number>")
                .dest("external_protocol_port")
                .help(
                    "List only floating IP port forwardings with the specified external protocol port number",
                ),
        );
        parser.add(
            Arg::option(&["--protocol"])
                .metavar("<protocol>")
                .help("List only floating IP port forwardings with the specified protocol number"),
        );
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params = Vec::new();
        if let Some(port) = c::given(args, "port") {
            params.push(("internal_port_id", Some(port_id(ctx, port)?)));
        }
        if let Some(external) = c::given(args, "external_protocol_port") {
            // A range (`external_port_range`) is no query parameter of the class: openstacksdk drops it.
            if !external.contains(':') {
                params.push(("external_port", Some(int(external)?.to_string())));
            }
        }
        if let Some(protocol) = args.str("protocol") {
            params.push(("protocol", Some(protocol.to_owned())));
        }
        let page = pagination(args)?;
        params.extend(page.params);
        let fip = find_fip(ctx, args)?;
        let items = fail(list_under(
            ctx,
            &PORT_FORWARDING,
            &[("floatingip_id", &fip)],
            &params,
            page.max_items,
        ))?;
        Ok(crate::nested::rows(
            &PORT_FORWARDING,
            &items,
            &[
                "ID",
                "Internal Port ID",
                "Internal IP Address",
                "Internal Port",
                "Internal Port Range",
                "External Port",
                "External Port Range",
                "Protocol",
                "Description",
            ],
            &[
                "id",
                "internal_port_id",
                "internal_ip_address",
                "internal_port",
                "internal_port_range",
                "external_port",
                "external_port_range",
                "protocol",
                "description",
            ],
            c::plain,
        ))
    }
}

/// `floating ip port forwarding set`.
pub struct SetFloatingIpPortForwarding;

impl Command<ClientManager> for SetFloatingIpPortForwarding {
    fn description(&self) -> &str {
        "Set floating IP Port Forwarding Properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(fip_argument());
        parser.add(
            Arg::positional("port_forwarding_id")
                .metavar("<port-forwarding-id>")
                .help("The ID of the floating IP port forwarding"),
        );
        parser.add(
            Arg::option(&["--port"])
                .metavar("<port>")
                .help("The ID of the network port associated to the floating IP port forwarding"),
        );
        parser.add(
            Arg::option(&["--internal-ip-address"])
                .metavar("<internal-ip-address>")
                .help(
                    "The fixed IPv4 address of the network port associated to the floating IP port forwarding",
                ),
        );
        parser.add(
            Arg::option(&["--internal-protocol-port"])
                .metavar("<port-number>")
                .help(
                    "The TCP/UDP/other protocol port number of the network port fixed IPv4 address associated \
                     to the floating IP port forwarding",
                ),
        );
        parser.add(
            Arg::option(&["--external-protocol-port"])
                .metavar("<port-number>")
                .help(
                    "The TCP/UDP/other protocol port number of the port forwarding's floating IP address",
                ),
        );
        parser.add(
            Arg::option(&["--protocol"])
                .metavar("<protocol>")
                .choices(&["tcp", "udp"])
                .help("The IP protocol used in the floating IP port forwarding"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help(DESCRIPTION_HELP),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let fip = find_fip(ctx, args)?;
        let mut attrs = Map::new();
        if let Some(port) = c::given(args, "port") {
            attrs.insert("internal_port_id".into(), Json::from(port_id(ctx, port)?));
        }
        if let Some(address) = c::given(args, "internal_ip_address") {
            attrs.insert("internal_ip_address".into(), Json::from(address));
        }
        port_ranges(args, &mut attrs)?;
        if let Some(protocol) = c::given(args, "protocol") {
            attrs.insert("protocol".into(), Json::from(protocol));
        }
        crate::nested::put_str(&mut attrs, args, "description", "description");
        attrs.extend(c::extra_properties(args, false)?);
        fail(update_under(
            ctx,
            &PORT_FORWARDING,
            &[("floatingip_id", &fip)],
            args.str("port_forwarding_id").unwrap_or(""),
            attrs,
        ))?;
        Ok(Output::ok())
    }
}

/// `floating ip port forwarding show`.
pub struct ShowFloatingIpPortForwarding;

impl Command<ClientManager> for ShowFloatingIpPortForwarding {
    fn description(&self) -> &str {
        "Display floating IP Port Forwarding details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(fip_argument());
        parser.add(
            Arg::positional("port_forwarding_id")
                .metavar("<port-forwarding-id>")
                .help("The ID of the floating IP port forwarding"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let fip = find_fip(ctx, args)?;
        let forwarding = fail(find_under(
            ctx,
            &PORT_FORWARDING,
            &[("floatingip_id", &fip)],
            args.str("port_forwarding_id").unwrap_or(""),
        ))?;
        Ok(show(&forwarding))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_ranges_are_checked_as_osc_does() {
        assert_eq!(ports(Some("80:82")).unwrap(), [80, 82]);
        assert_eq!(ports(None).unwrap(), Vec::<i64>::new());
        assert_eq!(
            ports(Some("x")).unwrap_err().message,
            "invalid literal for int() with base 10: 'x'"
        );
        assert_eq!(
            ports_diff(&[90, 80]).unwrap_err().message,
            "The last number in port range must be greater or equal to the first"
        );
        assert_eq!(ports_diff(&[80, 82]).unwrap(), 2);
    }
}
