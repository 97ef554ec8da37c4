//! `network segment create|delete|list|set|show` (openstacksdk `Segment`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_extra_property_option, fail};
use crate::nested::put_str;
use crate::resources::{NETWORK, SEGMENT};
use identity::pagination::{add_marker_pagination_options, pagination};
use openstack_sdk as sdk;

fn show(segment: &Json) -> Output {
    c::show(&SEGMENT, segment, &[], &["location", "tenant_id"], c::plain)
}

fn find_segment(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(c::find(
        cm,
        &SEGMENT,
        args.str("network_segment").unwrap_or(""),
        &[],
    ))
}

/// `network segment create`.
pub struct CreateNetworkSegment;

impl Command<ClientManager> for CreateNetworkSegment {
    fn description(&self) -> &str {
        "Create new network segment"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("New network segment name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Network segment description"),
        );
        parser.add(
            Arg::option(&["--physical-network"])
                .metavar("<physical-network>")
                .help("Physical network name of this network segment"),
        );
        parser.add(
            Arg::option(&["--segment"]).metavar("<segment>").int().help(
                "Segment identifier for this network segment which is based on the network type, VLAN ID for \
                 vlan network type and tunnel ID for geneve, gre and vxlan network types",
            ),
        );
        parser.add(
            Arg::option(&["--network"])
                .metavar("<network>")
                .required()
                .help("Network this network segment belongs to (name or ID)"),
        );
        parser.add(
            Arg::option(&["--network-type"])
                .metavar("<network-type>")
                .choices(&["flat", "geneve", "gre", "local", "vlan", "vxlan"])
                .required()
                .help("Network type of this network segment (flat, geneve, gre, local, vlan or vxlan)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        put_str(&mut attrs, args, "name", "name");
        let network = fail(c::find(
            ctx,
            &NETWORK,
            args.str("network").unwrap_or(""),
            &[],
        ))?;
        attrs.insert("network_id".into(), Json::from(sdk::id_of(&network)));
        put_str(&mut attrs, args, "network_type", "network_type");
        put_str(&mut attrs, args, "description", "description");
        put_str(&mut attrs, args, "physical_network", "physical_network");
        if let Some(segment) = args.int("segment") {
            attrs.insert("segmentation_id".into(), Json::from(segment));
        }
        attrs.extend(c::extra_properties(args, false)?);
        let segment = fail(c::create(ctx, &SEGMENT, attrs))?;
        Ok(show(&segment))
    }
}

/// `network segment delete`.
pub struct DeleteNetworkSegment;

impl Command<ClientManager> for DeleteNetworkSegment {
    fn description(&self) -> &str {
        "Delete network segment(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network_segment")
                .metavar("<network-segment>")
                .nargs(Nargs::OneOrMore)
                .help("Network segment(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        c::delete_each_worded(
            ctx,
            args,
            &SEGMENT,
            &args.strings("network_segment"),
            "Failed to delete network segment with ID",
            "network segments",
        )
    }
}

/// `network segment list`.
pub struct ListNetworkSegment;

impl Command<ClientManager> for ListNetworkSegment {
    fn description(&self) -> &str {
        "List network segments"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--network"]).metavar("<network>").help(
                "List only network segments associated with the specified network (name or ID)",
            ),
        );
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut params = Vec::new();
        if let Some(network) = c::given(args, "network") {
            let network = fail(c::find(ctx, &NETWORK, network, &[]))?;
            params.push(("network_id", Some(sdk::id_of(&network))));
        }
        let page = pagination(args)?;
        params.extend(page.params);
        let items = fail(c::list(ctx, &SEGMENT, &params, page.max_items))?;
        let mut headers = vec!["ID", "Name", "Network", "Network Type", "Segment"];
        let mut columns = vec![
            "id",
            "name",
            "network_id",
            "network_type",
            "segmentation_id",
        ];
        if args.flag("long") {
            headers.push("Physical Network");
            columns.push("physical_network");
        }
        Ok(crate::nested::rows(
            &SEGMENT,
            &items,
            &headers,
            &columns,
            c::plain,
        ))
    }
}

/// `network segment set`.
pub struct SetNetworkSegment;

impl Command<ClientManager> for SetNetworkSegment {
    fn description(&self) -> &str {
        "Set network segment properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("network_segment")
                .metavar("<network-segment>")
                .help("Network segment to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set network segment description"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set network segment name"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let segment = find_segment(ctx, args)?;
        let mut attrs = Map::new();
        put_str(&mut attrs, args, "description", "description");
        put_str(&mut attrs, args, "name", "name");
        attrs.extend(c::extra_properties(args, false)?);
        fail(c::update(ctx, &SEGMENT, &segment, attrs))?;
        Ok(Output::ok())
    }
}

/// `network segment show`.
pub struct ShowNetworkSegment;

impl Command<ClientManager> for ShowNetworkSegment {
    fn description(&self) -> &str {
        "Display network segment details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("network_segment")
                .metavar("<network-segment>")
                .help("Network segment to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let segment = find_segment(ctx, args)?;
        Ok(show(&segment))
    }
}
