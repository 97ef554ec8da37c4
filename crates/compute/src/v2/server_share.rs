//! `server_share` commands (OSC's `openstackclient/compute/v2/server_share.py`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::server_common::{self as common, command_error, find_server, require};
use crate::resources::{SHARE, SHARE_MAPPING, SHARE_MAPPING_MAX_MICROVERSION};
use openstack_sdk as sdk;

/// `server add share`.
pub struct AddServerShare;

impl Command<ClientManager> for AddServerShare {
    fn description(&self) -> &str {
        "Add a share to a server.\n\nRequires ``--os-compute-api-version 2.97`` or later."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to add share to (name or ID)"),
        );
        parser.add(
            Arg::positional("share")
                .metavar("<share>")
                .help("Share to add (name or ID)"),
        );
        parser.add(Arg::option(&["--tag"]).metavar("<tag>").help("Optional tag used to mount the share, if not provided the share uuid is used as tag by default"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        add_server_share(ctx, args)
    }
}

/// `server remove share`.
pub struct RemoveServerShare;

impl Command<ClientManager> for RemoveServerShare {
    fn description(&self) -> &str {
        "Remove a share from a server.\n\nRequires ``--os-compute-api-version 2.97`` or later."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to remove share from (name or ID)"),
        );
        parser.add(
            Arg::positional("share")
                .metavar("<share>")
                .help("Share to remove (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        remove_server_share(ctx, args)
    }
}

/// `server share list`.
pub struct ListServerShare;

impl Command<ClientManager> for ListServerShare {
    fn description(&self) -> &str {
        "List all the shares attached to a server.\n\nRequires ``--os-compute-api-version 2.97`` or later."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to list share mapping for (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_server_share(ctx, args)
    }
}

/// `server share show`.
pub struct ShowServerShare;

impl Command<ClientManager> for ShowServerShare {
    fn description(&self) -> &str {
        "Show detail of a share attachment to a server.\n\nRequires ``--os-compute-api-version 2.97`` or later."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to show share mapping for (name or ID)"),
        );
        parser.add(
            Arg::positional("share")
                .metavar("<share>")
                .help("Share to show details for (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_server_share(ctx, args)
    }
}

fn require_shares(ctx: &mut ClientManager) -> Result<()> {
    require(
        ctx,
        "2.97",
        "--os-compute-api-version 2.97 or greater is required to support share attachments",
    )
}

/// `sdk_connection.shared_file_system.find_share(...)`: Manila is found through the catalog; without it
/// openstacksdk refuses in these words.
fn find_share(ctx: &mut ClientManager, name_or_id: &str) -> Result<Json> {
    if ctx.endpoint("shared-file-system").is_err() {
        return Err(command_error(
            "Service 'shared-file-system' is disabled because its configuration could not be loaded. The service \
             is not present in the service catalog: public endpoint for shared-file-system service in RegionOne \
             region not found",
        ));
    }
    Ok(sdk::find_one(
        ctx,
        &SHARE,
        SHARE.base_path,
        name_or_id,
        &[],
    )?)
}

/// `_get_server_share_columns` and the values: `uuid` and `export_location` only when the caller may see them.
fn share_rows(attachment: &Json) -> Output {
    let admin = attachment.get("uuid").is_some_and(|u| !u.is_null());
    let mut keys: Vec<(&str, &str)> = vec![
        ("Share ID", "share_id"),
        ("Status", "status"),
        ("Tag", "tag"),
    ];
    if admin {
        keys.push(("Export Location", "export_location"));
        keys.push(("UUID", "uuid"));
    }
    keys.sort_by(|a, b| a.0.cmp(b.0));
    Output::show(
        keys.into_iter()
            .map(|(header, key)| (header.to_owned(), sdk::attr(attachment, key)))
            .collect(),
    )
}

fn shares_path(server_id: &str) -> String {
    SHARE_MAPPING.path(&[("server_id", server_id)])
}

fn add_server_share(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    require_shares(ctx)?;
    let server_id = sdk::id_of(&find_server(
        ctx,
        args.str("server").unwrap_or(""),
        true,
        false,
    )?);
    let share = find_share(ctx, args.str("share").unwrap_or(""))?;
    let mut attrs = Map::new();
    attrs.insert("share_id".into(), json!(sdk::id_of(&share)));
    if let Some(tag) = args.str("tag").filter(|t| !t.is_empty()) {
        attrs.insert("tag".into(), json!(tag));
    }
    common::use_class(ctx, SHARE_MAPPING_MAX_MICROVERSION)?;
    let attachment = sdk::create(
        ctx,
        &SHARE_MAPPING,
        Method::Post,
        &shares_path(&server_id),
        attrs,
    )?;
    Ok(share_rows(&attachment))
}

fn remove_server_share(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    require_shares(ctx)?;
    let server_id = sdk::id_of(&find_server(
        ctx,
        args.str("server").unwrap_or(""),
        true,
        false,
    )?);
    let share = find_share(ctx, args.str("share").unwrap_or(""))?;
    common::use_class(ctx, SHARE_MAPPING_MAX_MICROVERSION)?;
    let path = sdk::item_path(&shares_path(&server_id), &sdk::id_of(&share));
    sdk::delete(ctx, &SHARE_MAPPING, &path, true)?;
    Ok(Output::ok())
}

fn list_server_share(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    require_shares(ctx)?;
    let server_id = sdk::id_of(&find_server(
        ctx,
        args.str("server").unwrap_or(""),
        true,
        false,
    )?);
    common::use_class(ctx, SHARE_MAPPING_MAX_MICROVERSION)?;
    let shares = sdk::list(ctx, &SHARE_MAPPING, &shares_path(&server_id), &[], None)?;
    let rows = shares
        .iter()
        .map(|s| {
            vec![
                sdk::attr(s, "share_id"),
                sdk::attr(s, "status"),
                sdk::attr(s, "tag"),
            ]
        })
        .collect();
    Ok(Output::List {
        columns: vec!["Share ID".to_owned(), "Status".to_owned(), "Tag".to_owned()],
        rows,
    })
}

fn show_server_share(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    require_shares(ctx)?;
    let server_id = sdk::id_of(&find_server(
        ctx,
        args.str("server").unwrap_or(""),
        true,
        false,
    )?);
    let share = find_share(ctx, args.str("share").unwrap_or(""))?;
    common::use_class(ctx, SHARE_MAPPING_MAX_MICROVERSION)?;
    let attachment = sdk::get(
        ctx,
        &SHARE_MAPPING,
        &shares_path(&server_id),
        &sdk::id_of(&share),
    )?;
    Ok(share_rows(&attachment))
}
