//! `network flavor profile create|delete|list|set|show` (openstacksdk `ServiceProfile`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_exclusive_flags, add_extra_property_option, fail};
use crate::nested::{paged_rows, put_str};
use crate::resources::SERVICE_PROFILE;
use identity::pagination::add_marker_pagination_options;

fn show(profile: &Json) -> Output {
    c::show(
        &SERVICE_PROFILE,
        profile,
        &[("is_enabled", "enabled")],
        &["location", "name", "tenant_id", "project_id"],
        c::plain,
    )
}

fn find_profile(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(c::find(
        cm,
        &SERVICE_PROFILE,
        args.str("flavor_profile").unwrap_or(""),
        &[],
    ))
}

/// The options of create and set, after `--extra-property`.
fn add_profile_options(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description for the flavor profile"),
    );
    add_exclusive_flags(
        parser,
        &[
            ("--enable", "Enable the flavor profile"),
            ("--disable", "Disable the flavor profile"),
        ],
    );
    parser.add(Arg::option(&["--driver"]).help(
        "Python module path to driver. This becomes required if --metainfo is missing and vice-versa.",
    ));
    parser.add(Arg::option(&["--metainfo"]).help(
        "Metainfo for the flavor profile. This becomes required if --driver is missing and vice-versa.",
    ));
}

/// `_get_attrs`.
fn profile_attrs(args: &Args) -> Map<String, Json> {
    let mut attrs = Map::new();
    put_str(&mut attrs, args, "description", "description");
    put_str(&mut attrs, args, "driver", "driver");
    put_str(&mut attrs, args, "metainfo", "metainfo");
    if args.flag("enable") {
        attrs.insert("enabled".into(), Json::Bool(true));
    }
    if args.flag("disable") {
        attrs.insert("enabled".into(), Json::Bool(false));
    }
    attrs
}

/// `network flavor profile create`.
pub struct CreateNetworkFlavorProfile;

impl Command<ClientManager> for CreateNetworkFlavorProfile {
    fn description(&self) -> &str {
        "Create new network flavor profile"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        add_profile_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = profile_attrs(args);
        attrs.extend(c::extra_properties(args, false)?);
        if args.str("driver").is_none() && args.str("metainfo").is_none() {
            return Err(Error::command(
                "Either --driver or --metainfo or both are required",
            ));
        }
        let profile = fail(c::create(ctx, &SERVICE_PROFILE, attrs))?;
        Ok(show(&profile))
    }
}

/// `network flavor profile delete`.
pub struct DeleteNetworkFlavorProfile;

impl Command<ClientManager> for DeleteNetworkFlavorProfile {
    fn description(&self) -> &str {
        "Delete network flavor profile"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("flavor_profile")
                .metavar("<flavor-profile>")
                .nargs(Nargs::OneOrMore)
                .help("Flavor profile(s) to delete (ID only)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        c::delete_each_worded(
            ctx,
            args,
            &SERVICE_PROFILE,
            &args.strings("flavor_profile"),
            "Failed to delete flavor profile with ID",
            "flavor_profiles",
        )
    }
}

/// `network flavor profile list`.
pub struct ListNetworkFlavorProfile;

impl Command<ClientManager> for ListNetworkFlavorProfile {
    fn description(&self) -> &str {
        "List network flavor profile(s)"
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
            &SERVICE_PROFILE,
            args,
            &["ID", "Driver", "Enabled", "Metainfo", "Description"],
            &["id", "driver", "is_enabled", "meta_info", "description"],
        )
    }
}

/// `network flavor profile set`.
pub struct SetNetworkFlavorProfile;

impl Command<ClientManager> for SetNetworkFlavorProfile {
    fn description(&self) -> &str {
        "Set network flavor profile properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::positional("flavor_profile")
                .metavar("<flavor-profile>")
                .help("Flavor profile to update (ID only)"),
        );
        add_profile_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let profile = find_profile(ctx, args)?;
        let mut attrs = profile_attrs(args);
        attrs.extend(c::extra_properties(args, false)?);
        fail(c::update(ctx, &SERVICE_PROFILE, &profile, attrs))?;
        Ok(Output::ok())
    }
}

/// `network flavor profile show`.
pub struct ShowNetworkFlavorProfile;

impl Command<ClientManager> for ShowNetworkFlavorProfile {
    fn description(&self) -> &str {
        "Display network flavor profile details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("flavor_profile")
                .metavar("<flavor-profile>")
                .help("Flavor profile to display (ID only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let profile = find_profile(ctx, args)?;
        Ok(show(&profile))
    }
}
