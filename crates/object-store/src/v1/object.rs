//! `object create|delete|list|save|set|show|unset` (`openstackclient/object/v1/object.py`), with the data streamed
//! both ways in constant memory.

use std::io::Write;
use std::path::Path;

use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, RowSink, Value};
use osc_lib::{ClientManager, Method};

use super::common::{self, positional, positionals};
use crate::api;
use crate::files::{self, Interrupts, SaveFile};
use crate::pages::ListingPages;
use openstack_sdk::transfer;
use openstack_sdk::{Failure, Res};

/// `object_create` for one file: its data streamed from the file, the object named `name` or the path as given.
fn create_object(
    ctx: &mut ClientManager,
    container: &str,
    path: &str,
    name: Option<&str>,
) -> Res<Vec<(String, Value)>> {
    let name = name.filter(|n| !n.is_empty()).unwrap_or(path);
    let mut source = files::open_upload(Path::new(path))?;
    let call = api::call(ctx, Method::Put, &api::object_path(container, name))?;
    // No Content-Type, as `requests` sends a file: Swift guesses it from the object's name.
    let response = transfer::upload(ctx, &call, &mut source, "", None)?;
    let header = |name: &str| response.header(name).map_or(Value::Null, Value::str);
    Ok(vec![
        ("account".to_owned(), Value::str(api::account_id(ctx)?)),
        ("container".to_owned(), Value::str(container)),
        ("object".to_owned(), Value::str(name)),
        ("x-trans-id".to_owned(), header("x-trans-id")),
        ("etag".to_owned(), header("etag")),
    ])
}

/// `object_save` into a file: created once the answer is a 200, removed again if the download fails (disk full,
/// the server cutting the body short) or is interrupted.
pub fn save_object(
    ctx: &mut ClientManager,
    container: &str,
    object: &str,
    path: &Path,
    interrupts: &Interrupts,
) -> Res<()> {
    let call = api::call(ctx, Method::Get, &api::object_path(container, object))?;
    let mut file = SaveFile::new(path, interrupts);
    let result = transfer::download(ctx, &call, &mut file, None);
    match result {
        Ok(response) if response.status == 200 => {
            if let Some(expected) = response
                .header("content-length")
                .and_then(|l| l.parse::<u64>().ok())
            {
                if file.written < expected {
                    file.discard();
                    return Err(incomplete(file.written, expected));
                }
            }
            file.finish()
        }
        Ok(_) => {
            file.discard();
            Ok(())
        }
        Err(failure) => {
            file.discard();
            Err(match file.error.take() {
                Some(ours) => Failure::command(ours),
                None => failure,
            })
        }
    }
}

/// urllib3's words for a body that ended before its `Content-Length`, as `requests` raises them.
fn incomplete(read: u64, expected: u64) -> Failure {
    let inner = format!(
        "IncompleteRead({read} bytes read, {} more expected)",
        expected - read
    );
    Failure::command(format!("('Connection broken: {inner}', {inner})"))
}

/// `object_save` with `--file -`: the body straight to stdout.
fn save_to_stdout(ctx: &mut ClientManager, container: &str, object: &str) -> Result<()> {
    let call = api::call(ctx, Method::Get, &api::object_path(container, object))?;
    let mut out = files::stdout();
    let mut written = 0u64;
    let mut count = |n: u64| written = n;
    match transfer::download(ctx, &call, &mut out, Some(&mut count)) {
        Ok(response) => {
            let expected = response
                .header("content-length")
                .and_then(|l| l.parse::<u64>().ok());
            match expected {
                Some(expected) if response.status == 200 && written < expected => {
                    Err(incomplete(written, expected).into())
                }
                _ => Ok(()),
            }
        }
        Err(failure) => {
            // A reader that went away (`| head`) is a broken pipe: exit 141, as for any output.
            if failure.to_string().contains("Broken pipe") {
                return Err(Error::from(std::io::Error::from(
                    std::io::ErrorKind::BrokenPipe,
                )));
            }
            Err(failure.into())
        }
    }
}

/// The `<container>` and `<object>` positionals of the commands on one object.
fn add_container_object(parser: &mut Parser, container_help: &str, object_help: &str) {
    positional(parser, "container", "<container>", container_help);
    positional(parser, "object", "<object>", object_help);
}

/// The `<container>` and `<object>` given.
fn container_object(args: &Args) -> (&str, &str) {
    (
        args.str("container").unwrap_or(""),
        args.str("object").unwrap_or(""),
    )
}

/// `object create`.
pub struct CreateObject;

impl Command<ClientManager> for CreateObject {
    fn description(&self) -> &str {
        "Upload object to container"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(
            parser,
            "container",
            "<container>",
            "Container for new object",
        );
        positionals(
            parser,
            "objects",
            "<filename>",
            "Local filename(s) to upload",
        );
        parser.add(
            Arg::option(&["--name"]).metavar("<name>").help(
                "Upload a file and rename it. Can only be used when uploading a single object",
            ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let objects = args.strings("objects");
        let name = args.str("name").filter(|n| !n.is_empty());
        if name.is_some() && objects.len() > 1 {
            return Err(Error::command(
                "Attempting to upload multiple objects and using --name is not permitted",
            ));
        }
        let container = args.str("container").unwrap_or("");
        let _interrupts = Interrupts::catch();
        let mut results = Vec::new();
        for object in &objects {
            let length = object.chars().count();
            if length > 1024 {
                log::warn!("Object name is {length} characters long, default limit is 1024");
            }
            results.push(create_object(ctx, container, object, name)?);
        }
        Ok(common::dicts_output(
            &["object", "container", "etag"],
            results,
        ))
    }
}

/// `object delete`.
pub struct DeleteObject;

impl Command<ClientManager> for DeleteObject {
    fn description(&self) -> &str {
        "Delete object from container"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(
            parser,
            "container",
            "<container>",
            "Delete object(s) from <container>",
        );
        positionals(parser, "objects", "<object>", "Object(s) to delete");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let container = args.str("container").unwrap_or("");
        for object in args.strings("objects") {
            api::object_delete(ctx, container, &object)?;
        }
        Ok(Output::ok())
    }
}

/// `object list`.
pub struct ListObject;

impl Command<ClientManager> for ListObject {
    fn description(&self) -> &str {
        "List objects"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        positional(parser, "container", "<container>", "Container to list");
        parser.add(
            Arg::option(&["--prefix"])
                .metavar("<prefix>")
                .help("Filter list using <prefix>"),
        );
        parser.add(
            Arg::option(&["--delimiter"])
                .metavar("<delimiter>")
                .help("Roll up items with <delimiter>"),
        );
        common::add_listing_options(parser, "List all objects in container (default is 10000)");
    }

    cliff::rows_from!(list_objects, ClientManager);

    /// OSC's `object list` neither sorts nor post-processes: the pages go out as they come.
    fn streams(&self, _args: &Args) -> bool {
        true
    }
}

/// `object list`: a page of rows at a time into `sink`.
fn list_objects(ctx: &mut ClientManager, args: &Args, sink: &mut dyn RowSink) -> Result<()> {
    let mut columns = vec!["Name"];
    if args.flag("long") {
        columns.extend(["Bytes", "Hash", "Content Type", "Last Modified"]);
    }
    let listing = common::listing(args)?;
    let container = args.str("container").unwrap_or("");
    common::stream_listing(
        ctx,
        &columns,
        ListingPages::objects(container, &listing),
        sink,
    )
}

/// `object save`.
pub struct SaveObject;

impl Command<ClientManager> for SaveObject {
    fn description(&self) -> &str {
        "Save object locally"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--file"]).metavar("<filename>").help(
            "Destination filename (defaults to object name); using '-' as the filename will print the file to \
             stdout",
        ));
        positional(
            parser,
            "container",
            "<container>",
            "Download <object> from <container>",
        );
        positional(parser, "object", "<object>", "Object to save");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (container, object) = container_object(args);
        let file = args.str("file").filter(|f| !f.is_empty()).unwrap_or(object);
        let interrupts = Interrupts::catch();
        if file == "-" {
            save_to_stdout(ctx, container, object)?;
        } else {
            save_object(ctx, container, object, Path::new(file), &interrupts)?;
        }
        std::io::stdout().flush()?;
        Ok(Output::ok())
    }
}

/// `object set`.
pub struct SetObject;

impl Command<ClientManager> for SetObject {
    fn description(&self) -> &str {
        "Set object properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_container_object(
            parser,
            "Modify <object> from <container>",
            "Object to modify",
        );
        common::add_set_property(
            parser,
            "Set a property on this object (repeat option to set multiple properties)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let properties = common::properties(args)?;
        let (container, object) = container_object(args);
        api::object_set(ctx, container, object, &properties)?;
        Ok(Output::ok())
    }
}

/// `object show`.
pub struct ShowObject;

impl Command<ClientManager> for ShowObject {
    fn description(&self) -> &str {
        "Display object details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_container_object(
            parser,
            "Display <object> from <container>",
            "Object to display",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (container, object) = container_object(args);
        let data = api::object_show(ctx, container, object)?;
        Ok(common::show_output(data))
    }
}

/// `object unset`.
pub struct UnsetObject;

impl Command<ClientManager> for UnsetObject {
    fn description(&self) -> &str {
        "Unset object properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_container_object(
            parser,
            "Modify <object> from <container>",
            "Object to modify",
        );
        common::add_unset_property(
            parser,
            "Property to remove from object (repeat option to remove multiple properties)",
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (container, object) = container_object(args);
        api::object_unset(ctx, container, object, &args.strings("property"))?;
        Ok(Output::ok())
    }
}
