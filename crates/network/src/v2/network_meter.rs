//! `network meter create|delete|list|show` (openstacksdk `MeteringLabel`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

use crate::common::{self as c, add_extra_property_option, fail};
use crate::nested::{paged_rows, put_str};
use crate::resources::METERING_LABEL;
use identity::pagination::add_marker_pagination_options;

fn show(meter: &Json) -> Output {
    c::show(
        &METERING_LABEL,
        meter,
        &[("is_shared", "shared")],
        &["location", "tenant_id"],
        c::plain,
    )
}

/// `network meter create`.
pub struct CreateMeter;

impl Command<ClientManager> for CreateMeter {
    fn description(&self) -> &str {
        "Create network meter"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_extra_property_option(parser);
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description for meter"),
        );
        c::add_project_options(parser, "Owner's project (name or ID)");
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--share"])
                .flag()
                .default_none()
                .help("Share meter between projects"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--no-share"])
                .flag()
                .help("Do not share meter between projects"),
        );
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of meter"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        put_str(&mut attrs, args, "description", "description");
        if let Some(project) = c::project_id(ctx, args)? {
            attrs.insert("project_id".into(), Json::from(project));
        }
        if args.flag("share") {
            attrs.insert("shared".into(), Json::Bool(true));
        }
        if args.flag("no_share") {
            attrs.insert("shared".into(), Json::Bool(false));
        }
        put_str(&mut attrs, args, "name", "name");
        attrs.extend(c::extra_properties(args, false)?);
        let meter = fail(c::create(ctx, &METERING_LABEL, attrs))?;
        Ok(show(&meter))
    }
}

/// `network meter delete`.
pub struct DeleteMeter;

impl Command<ClientManager> for DeleteMeter {
    fn description(&self) -> &str {
        "Delete network meter"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("meter")
                .metavar("<meter>")
                .nargs(Nargs::OneOrMore)
                .help("Meter to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        c::delete_each_worded(
            ctx,
            args,
            &METERING_LABEL,
            &args.strings("meter"),
            "Failed to delete meter with ID",
            "meters",
        )
    }
}

/// `network meter list`.
pub struct ListMeter;

impl Command<ClientManager> for ListMeter {
    fn description(&self) -> &str {
        "List network meters"
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
            &METERING_LABEL,
            args,
            &["ID", "Name", "Description", "Shared"],
            &["id", "name", "description", "shared"],
        )
    }
}

/// `network meter show`.
pub struct ShowMeter;

impl Command<ClientManager> for ShowMeter {
    fn description(&self) -> &str {
        "Show network meter"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("meter")
                .metavar("<meter>")
                .help("Meter to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let meter = fail(c::find(
            ctx,
            &METERING_LABEL,
            args.str("meter").unwrap_or(""),
            &[],
        ))?;
        Ok(show(&meter))
    }
}
