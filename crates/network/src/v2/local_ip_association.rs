//! `local ip association create|delete|list` (openstacksdk `LocalIPAssociation`, under a local IP).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, fail};
use crate::nested::{base_under, create_under, list_under};
use crate::resources::{LOCAL_IP, LOCAL_IP_ASSOCIATION, PORT};
use identity::output::delete_summary;
use openstack_sdk as sdk;

fn local_ip_argument(help: &str) -> Arg {
    Arg::positional("local_ip").metavar("<local-ip>").help(help)
}

fn find_local_ip(cm: &mut ClientManager, args: &Args) -> Result<String> {
    let local_ip = fail(c::find(
        cm,
        &LOCAL_IP,
        args.str("local_ip").unwrap_or(""),
        &[],
    ))?;
    Ok(sdk::id_of(&local_ip))
}

/// `local ip association create`.
pub struct CreateLocalIpAssociation;

impl Command<ClientManager> for CreateLocalIpAssociation {
    fn description(&self) -> &str {
        "Create Local IP Association"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(local_ip_argument(
            "Local IP that the port association belongs to (Name or ID)",
        ));
        parser.add(
            Arg::positional("fixed_port")
                .metavar("<fixed-port>")
                .help("The ID or Name of Port to allocate Local IP Association"),
        );
        parser.add(
            Arg::option(&["--fixed-ip"])
                .metavar("<fixed-ip>")
                .help("Fixed IP for Local IP Association"),
        );
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let port = fail(c::find(
            ctx,
            &PORT,
            args.str("fixed_port").unwrap_or(""),
            &[],
        ))?;
        let mut attrs = Map::new();
        attrs.insert("fixed_port_id".into(), Json::from(sdk::id_of(&port)));
        if let Some(ip) = c::given(args, "fixed_ip") {
            attrs.insert("fixed_ip".into(), Json::from(ip));
        }
        let local_ip = find_local_ip(ctx, args)?;
        let association = fail(create_under(
            ctx,
            &LOCAL_IP_ASSOCIATION,
            &[("local_ip_id", &local_ip)],
            attrs,
        ))?;
        Ok(c::show(
            &LOCAL_IP_ASSOCIATION,
            &association,
            &[],
            &["location", "name", "id", "tenant_id"],
            c::plain,
        ))
    }
}

/// `local ip association delete`.
pub struct DeleteLocalIpAssociation;

impl Command<ClientManager> for DeleteLocalIpAssociation {
    fn description(&self) -> &str {
        "Delete Local IP association(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(local_ip_argument(
            "Local IP that the port association belongs to (Name or ID)",
        ));
        parser.add(
            Arg::positional("fixed_port_id")
                .nargs(Nargs::OneOrMore)
                .metavar("<fixed-port-id>")
                .help("The fixed port ID of Local IP Association"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let local_ip = find_local_ip(ctx, args)?;
        let base = fail(base_under(
            ctx,
            &LOCAL_IP_ASSOCIATION,
            &[("local_ip_id", &local_ip)],
        ))?;
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("fixed_port_id"),
            |ctx, port| {
                sdk::delete(
                    ctx,
                    &LOCAL_IP_ASSOCIATION.resource,
                    &sdk::item_path(&base, port),
                    false,
                )
            },
            |port, err| {
                format!(
                    "Failed to delete Local IP Association with fixed port name or ID '{port}': {err}"
                )
            },
            delete_summary("Local IP Associations"),
        )
    }
}

/// `local ip association list`.
pub struct ListLocalIpAssociation;

impl Command<ClientManager> for ListLocalIpAssociation {
    fn description(&self) -> &str {
        "List Local IP Associations"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(local_ip_argument(
            "Local IP that port associations belongs to",
        ));
        parser.add(
            Arg::option(&["--fixed-port"]).metavar("<fixed-port>").help(
                "List only local IP assocations with the specified fixed IP port (name or ID)",
            ),
        );
        parser.add(
            Arg::option(&["--fixed-ip"])
                .metavar("<fixed-ip>")
                .help("List only local IP associations with the specified fixed IP"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("List only local IP associations with the specified host"),
        );
        identity::common::add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let local_ip = find_local_ip(ctx, args)?;
        let mut params = Vec::new();
        if let Some(port) = c::given(args, "fixed_port") {
            let port = fail(c::find(ctx, &PORT, port, &[]))?;
            params.push(("fixed_port_id", Some(sdk::id_of(&port))));
        }
        if let Some(ip) = c::given(args, "fixed_ip") {
            params.push(("fixed_ip", Some(ip.to_owned())));
        }
        if let Some(host) = c::given(args, "host") {
            params.push(("host", Some(host.to_owned())));
        }
        let mut items = fail(list_under(
            ctx,
            &LOCAL_IP_ASSOCIATION,
            &[("local_ip_id", &local_ip)],
            &params,
            None,
        ))?;
        // The URI attribute `local_ip_id` is the local IP the list was made for.
        for item in &mut items {
            if let Json::Object(map) = item {
                map.insert("local_ip_id".into(), Json::from(local_ip.clone()));
            }
        }
        Ok(c::rows(
            &LOCAL_IP_ASSOCIATION,
            &items,
            &[
                "Local IP ID",
                "Local IP Address",
                "Fixed port ID",
                "Fixed IP",
                "Host",
            ],
            &[
                "local_ip_id",
                "local_ip_address",
                "fixed_port_id",
                "fixed_ip",
                "host",
            ],
            c::plain,
        ))
    }
}
