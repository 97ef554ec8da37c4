//! `container create|delete|list|save|set|show|unset` (`openstackclient/object/v1/container.py`).

use std::path::Path;

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, RowSink};
use osc_lib::ClientManager;

use super::common::{self, positional, positionals};
use super::object::save_object;
use crate::api::{self, Listing};
use crate::files::Interrupts;
use crate::pages::ListingPages;

/// `container create`.
pub struct CreateContainer;

impl Command<ClientManager> for CreateContainer {
    fn description(&self) -> &str {
        "Create new container"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--public"])
                .flag()
                .help("Make the container publicly accessible"),
        );
        parser.add(
            Arg::option(&["--storage-policy"]).help("Specify a particular storage policy to use."),
        );
        positionals(
            parser,
            "containers",
            "<container-name>",
            "New container name(s)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut results = Vec::new();
        for container in args.strings("containers") {
            let length = container.chars().count();
            if length > 256 {
                log::warn!("Container name is {length} characters long, the default limit is 256");
            }
            results.push(api::container_create(
                ctx,
                &container,
                args.flag("public"),
                args.str("storage_policy"),
            )?);
        }
        Ok(common::dicts_output(
            &["account", "container", "x-trans-id"],
            results,
        ))
    }
}

/// `container delete`.
pub struct DeleteContainer;

impl Command<ClientManager> for DeleteContainer {
    fn description(&self) -> &str {
        "Delete container"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--recursive", "-r"])
                .flag()
                .help("Recursively delete objects and container"),
        );
        positionals(
            parser,
            "containers",
            "<container>",
            "Container(s) to delete",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        for container in args.strings("containers") {
            if args.flag("recursive") {
                // One listing page, as OSC: a container holding more than the listing limit is not emptied.
                let objects = api::object_list(ctx, &container, &Listing::default())?;
                for object in objects {
                    let name = object.get("name").and_then(|n| n.as_str()).unwrap_or("");
                    api::object_delete(ctx, &container, name)?;
                }
            }
            api::container_delete(ctx, &container)?;
        }
        Ok(Output::ok())
    }
}

/// `container list`.
pub struct ListContainer;

impl Command<ClientManager> for ListContainer {
    fn description(&self) -> &str {
        "List containers"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--prefix"])
                .metavar("<prefix>")
                .help("Filter list using <prefix>"),
        );
        common::add_listing_options(parser, "List all containers (default is 10000)");
    }

    cliff::rows_from!(list_containers, ClientManager);

    /// OSC's `container list` neither sorts nor post-processes: the pages go out as they come.
    fn streams(&self, _args: &Args) -> bool {
        true
    }
}

/// `container list`: a page of rows at a time into `sink`.
fn list_containers(ctx: &mut ClientManager, args: &Args, sink: &mut dyn RowSink) -> Result<()> {
    let mut columns = vec!["Name"];
    if args.flag("long") {
        columns.extend(["Bytes", "Count"]);
    }
    let pages = ListingPages::containers(&common::listing(args)?);
    common::stream_listing(ctx, &columns, pages, sink)
}

/// `container save`.
pub struct SaveContainer;

impl Command<ClientManager> for SaveContainer {
    fn description(&self) -> &str {
        "Save container contents locally"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(parser, "container", "<container>", "Container to save");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let container = args.str("container").unwrap_or("");
        // One listing page, each object saved under its own name, as OSC's `container_save`.
        let objects = api::object_list(ctx, container, &Listing::default())?;
        let interrupts = Interrupts::catch();
        for object in objects {
            let name = object.get("name").and_then(|n| n.as_str()).unwrap_or("");
            save_object(ctx, container, name, Path::new(name), &interrupts)?;
        }
        Ok(Output::ok())
    }
}

/// `container set`.
pub struct SetContainer;

impl Command<ClientManager> for SetContainer {
    fn description(&self) -> &str {
        "Set container properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(parser, "container", "<container>", "Container to modify");
        common::add_set_property(
            parser,
            "Set a property on this container (repeat option to set multiple properties)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let properties = common::properties(args)?;
        api::container_set(ctx, args.str("container").unwrap_or(""), &properties)?;
        Ok(Output::ok())
    }
}

/// `container show`.
pub struct ShowContainer;

impl Command<ClientManager> for ShowContainer {
    fn description(&self) -> &str {
        "Display container details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(parser, "container", "<container>", "Container to display");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let data = api::container_show(ctx, args.str("container").unwrap_or(""))?;
        Ok(common::show_output(data))
    }
}

/// `container unset`.
pub struct UnsetContainer;

impl Command<ClientManager> for UnsetContainer {
    fn description(&self) -> &str {
        "Unset container properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(parser, "container", "<container>", "Container to modify");
        common::add_unset_property(
            parser,
            "Property to remove from container (repeat option to remove multiple properties)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        api::container_unset(
            ctx,
            args.str("container").unwrap_or(""),
            &args.strings("property"),
        )?;
        Ok(Output::ok())
    }
}
