//! `network flavor create|delete|list|set|show` and `network flavor add|remove profile` (openstacksdk `Flavor`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self as c, add_exclusive_flags, add_extra_property_option, fail};
use crate::nested::{paged_rows, put_str};
use crate::resources::{FLAVOR, SERVICE_PROFILE};
use identity::pagination::add_marker_pagination_options;
use openstack_sdk as sdk;
use openstack_sdk::Call;

fn show(flavor: &Json) -> Output {
    c::show(
        &FLAVOR,
        flavor,
        &[("is_enabled", "enabled")],
        &["location", "tenant_id"],
        c::plain,
    )
}

fn find_flavor(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(c::find(cm, &FLAVOR, args.str("flavor").unwrap_or(""), &[]))
}

fn enabled(attrs: &mut Map<String, Json>, args: &Args) {
    if args.flag("enable") {
        attrs.insert("enabled".into(), Json::Bool(true));
    }
    if args.flag("disable") {
        attrs.insert("enabled".into(), Json::Bool(false));
    }
}

fn add_profile_arguments(parser: &mut Parser) {
    parser.add(
        Arg::positional("flavor")
            .metavar("<flavor>")
            .help("Network flavor (name or ID)"),
    );
    parser.add(
        Arg::positional("service_profile")
            .metavar("<service-profile>")
            .help("Service profile (ID only)"),
    );
}

/// The flavor and the profile's ID, both found (`ignore_missing=False`).
fn flavor_and_profile(cm: &mut ClientManager, args: &Args) -> Result<(String, String)> {
    let flavor = find_flavor(cm, args)?;
    let profile = fail(c::find(
        cm,
        &SERVICE_PROFILE,
        args.str("service_profile").unwrap_or(""),
        &[],
    ))?;
    Ok((sdk::id_of(&flavor), sdk::id_of(&profile)))
}

/// `network flavor add profile`.
pub struct AddNetworkFlavorToProfile;

impl Command<ClientManager> for AddNetworkFlavorToProfile {
    fn description(&self) -> &str {
        "Add a service profile to a network flavor"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_profile_arguments(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (flavor, profile) = flavor_and_profile(ctx, args)?;
        let path = format!(
            "{}/service_profiles",
            fail(c::item_path(ctx, &FLAVOR, &flavor))?
        );
        // `Flavor.associate_flavor_with_service_profile` posts and never looks at the answer's status.
        let _ignored = Call::new("network", Method::Post, path)
            .body(json!({"service_profile": {"id": profile}}))
            .send(ctx);
        Ok(Output::ok())
    }
}

/// `network flavor remove profile`.
pub struct RemoveNetworkFlavorFromProfile;

impl Command<ClientManager> for RemoveNetworkFlavorFromProfile {
    fn description(&self) -> &str {
        "Remove service profile from network flavor"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_profile_arguments(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (flavor, profile) = flavor_and_profile(ctx, args)?;
        let path = format!(
            "{}/service_profiles/{}",
            fail(c::item_path(ctx, &FLAVOR, &flavor))?,
            sdk::quote_path(&profile)
        );
        // `disassociate_flavor_from_service_profile` deletes and never looks at the answer's status.
        let _ignored = Call::new("network", Method::Delete, path).send(ctx);
        Ok(Output::ok())
    }
}

/// `network flavor create`.
pub struct CreateNetworkFlavor;

impl Command<ClientManager> for CreateNetworkFlavor {
    fn description(&self) -> &str {
        "Create new network flavor"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name for the flavor"),
        );
        parser.add(
            Arg::option(&["--service-type"])
                .metavar("<service-type>")
                .required()
                .help(
                    "Service type to which the flavor applies. For example: VPN (See openstack network service \
                     provider list for loaded examples.)",
                ),
        );
        parser.add(Arg::option(&["--description"]).help("Description for the flavor"));
        c::add_project_options(parser, "Owner's project (name or ID)");
        add_exclusive_flags(
            parser,
            &[
                ("--enable", "Enable the flavor (default)"),
                ("--disable", "Disable the flavor"),
            ],
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        put_str(&mut attrs, args, "name", "name");
        put_str(&mut attrs, args, "service_type", "service_type");
        put_str(&mut attrs, args, "description", "description");
        enabled(&mut attrs, args);
        if let Some(project) = c::project_id(ctx, args)? {
            attrs.insert("project_id".into(), Json::from(project));
        }
        attrs.extend(c::extra_properties(args, false)?);
        let flavor = fail(c::create(ctx, &FLAVOR, attrs))?;
        Ok(show(&flavor))
    }
}

/// `network flavor delete`.
pub struct DeleteNetworkFlavor;

impl Command<ClientManager> for DeleteNetworkFlavor {
    fn description(&self) -> &str {
        "Delete network flavors"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("flavor")
                .metavar("<flavor>")
                .nargs(Nargs::OneOrMore)
                .help("Flavor(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        c::delete_each_worded(
            ctx,
            args,
            &FLAVOR,
            &args.strings("flavor"),
            "Failed to delete flavor with name or ID",
            "flavors",
        )
    }
}

/// `network flavor list`.
pub struct ListNetworkFlavor;

impl Command<ClientManager> for ListNetworkFlavor {
    fn description(&self) -> &str {
        "List network flavors"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        paged_rows(
            ctx,
            &FLAVOR,
            args,
            &["ID", "Name", "Enabled", "Service Type", "Description"],
            &["id", "name", "is_enabled", "service_type", "description"],
        )
    }
}

/// `network flavor set`.
pub struct SetNetworkFlavor;

impl Command<ClientManager> for SetNetworkFlavor {
    fn description(&self) -> &str {
        "Set network flavor properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("flavor")
                .metavar("<flavor>")
                .help("Flavor to update (name or ID)"),
        );
        parser.add(Arg::option(&["--description"]).help("Set network flavor description"));
        add_exclusive_flags(
            parser,
            &[
                ("--disable", "Disable network flavor"),
                ("--enable", "Enable network flavor"),
            ],
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set flavor name"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let flavor = find_flavor(ctx, args)?;
        let mut attrs = Map::new();
        put_str(&mut attrs, args, "name", "name");
        put_str(&mut attrs, args, "description", "description");
        enabled(&mut attrs, args);
        attrs.extend(c::extra_properties(args, false)?);
        fail(c::update(ctx, &FLAVOR, &flavor, attrs))?;
        Ok(Output::ok())
    }
}

/// `network flavor show`.
pub struct ShowNetworkFlavor;

impl Command<ClientManager> for ShowNetworkFlavor {
    fn description(&self) -> &str {
        "Display network flavor details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("flavor")
                .metavar("<flavor>")
                .help("Flavor to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let flavor = find_flavor(ctx, args)?;
        Ok(show(&flavor))
    }
}
