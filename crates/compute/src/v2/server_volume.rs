//! `server_volume` commands (OSC's `openstackclient/compute/v2/server_volume.py`).

use cliff::argparse::{Action, ArgValue};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{ClientManager, Method};
use serde_json::json;

use super::server_common::{self as common, find_server, require, supports};
use crate::resources::{VOLUME, VOLUME_ATTACHMENT, VOLUME_ATTACHMENT_MAX_MICROVERSION};
use cliff::Value;
use openstack_sdk as sdk;
use openstack_sdk::Call;

/// `server volume list`.
pub struct ListServerVolume;

impl Command<ClientManager> for ListServerVolume {
    fn description(&self) -> &str {
        "List all the volumes attached to a server."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server").help("Server to list volume attachments for (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_server_volume(ctx, args)
    }
}

/// `server volume set`.
pub struct SetServerVolume;

impl Command<ClientManager> for SetServerVolume {
    fn description(&self) -> &str {
        "Update a volume attachment on the server."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("server").help("Server to update volume for (name or ID)"));
        parser.add(Arg::positional("volume").help("Volume to update attachment for (name or ID)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--delete-on-termination"]).action(Action::StoreTrue).default_none().help("Delete the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)"));
        parser.add_to_mutex(m0, Arg::option(&["--preserve-on-termination"]).dest("delete_on_termination").action(Action::StoreFalse).help("Preserve the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_server_volume(ctx, args)
    }
}

/// `server volume update`.
pub struct UpdateServerVolume;

impl Command<ClientManager> for UpdateServerVolume {
    fn description(&self) -> &str {
        "DEPRECATED: Use 'server volume set' instead."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("server").help("Server to update volume for (name or ID)"));
        parser.add(Arg::positional("volume").help("Volume to update attachment for (name or ID)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--delete-on-termination"]).action(Action::StoreTrue).default_none().help("Delete the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)"));
        parser.add_to_mutex(m0, Arg::option(&["--preserve-on-termination"]).dest("delete_on_termination").action(Action::StoreFalse).help("Preserve the volume when the server is destroyed (supported by --os-compute-api-version 2.85 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        update_server_volume(ctx, args)
    }
}

fn list_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let server_id = sdk::id_of(&server);
    common::use_class(ctx, VOLUME_ATTACHMENT_MAX_MICROVERSION)?;
    let path = VOLUME_ATTACHMENT.path(&[("server_id", &server_id)]);
    let volumes = sdk::list(ctx, &VOLUME_ATTACHMENT, &path, &[], None)?;
    let mut columns: Vec<(&str, &str)> = Vec::new();
    let has_2_89 = supports(ctx, "2.89")?;
    if !has_2_89 {
        columns.push(("ID", "id"));
    }
    columns.extend([
        ("Device", "device"),
        ("Server ID", "serverId"),
        ("Volume ID", "volumeId"),
    ]);
    if supports(ctx, "2.70")? {
        columns.push(("Tag", "tag"));
    }
    if supports(ctx, "2.79")? {
        columns.push(("Delete On Termination?", "delete_on_termination"));
    }
    if has_2_89 {
        columns.push(("Attachment ID", "attachment_id"));
        columns.push(("BlockDeviceMapping UUID", "bdm_uuid"));
    }
    let rows = volumes
        .iter()
        .map(|v| {
            columns
                .iter()
                .map(|(_, key)| match *key {
                    "serverId" => Value::str(server_id.clone()),
                    _ => sdk::attr(v, key),
                })
                .collect()
        })
        .collect();
    Ok(Output::List {
        columns: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
        rows,
    })
}

fn set_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let ArgValue::Bool(delete) = args.get("delete_on_termination") else {
        return Ok(Output::ok());
    };
    let delete = *delete;
    require(
        ctx,
        "2.85",
        "--os-compute-api-version 2.85 or greater is required to support the -delete-on-termination or \
         --preserve-on-termination option",
    )?;
    let server_id = sdk::id_of(&find_server(
        ctx,
        args.str("server").unwrap_or(""),
        true,
        false,
    )?);
    let volume = sdk::find_one(
        ctx,
        &VOLUME,
        VOLUME.base_path,
        args.str("volume").unwrap_or(""),
        &[],
    )?;
    let volume_id = sdk::id_of(&volume);
    common::use_class(ctx, VOLUME_ATTACHMENT_MAX_MICROVERSION)?;
    let path = sdk::item_path(
        &VOLUME_ATTACHMENT.path(&[("server_id", &server_id)]),
        &volume_id,
    );
    Call::new(common::COMPUTE, Method::Put, path)
        .body(json!({"volumeAttachment": {"volumeId": volume_id, "delete_on_termination": delete}}))
        .send(ctx)?;
    Ok(Output::ok())
}

fn update_server_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    set_server_volume(ctx, args)
}
