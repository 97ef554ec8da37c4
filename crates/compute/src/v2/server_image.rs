//! `server_image` commands (OSC's `openstackclient/compute/v2/server_image.py`).

use cliff::Value;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::format_columns::{dict_column, list_column};
use osc_lib::{parseractions, ClientManager};
use serde_json::{json, Map, Value as Json};

use super::server_common::{action, command_error, find_server, supports};
use crate::resources::IMAGE;
use openstack_sdk as sdk;
use openstack_sdk::wait::{self, Outcome, Wait};

/// `server image create`.
pub struct CreateServerImage;

impl Command<ClientManager> for CreateServerImage {
    fn description(&self) -> &str {
        "Create a new server disk image from an existing server"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("server")
                .metavar("<server>")
                .help("Server to create image (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<image-name>")
                .help("Name of new disk image (default: server name)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key=value>").help("Set a new property to meta_data.json on the metadata server (repeat option to set multiple values)")); //  CUSTOM ACTION KeyValueAction nargs=None default=None const=None
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for operation to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_server_image(ctx, args)
    }
}

/// The body keys of openstacksdk's `Image` attributes, in `to_dict()` order: `_format_image` shows some, moves the
/// rest into `properties` (with the body's unknown keys, at the place of the `properties` attribute).
const IMAGE_KEYS: &[&str] = &[
    "checksum",
    "container_format",
    "created_at",
    "disk_format",
    "os_hidden",
    "protected",
    "os_hash_algo",
    "os_hash_value",
    "min_disk",
    "min_ram",
    "name",
    "owner",
    "properties",
    "size",
    "store",
    "status",
    "updated_at",
    "virtual_size",
    "visibility",
    "file",
    "locations",
    "direct_url",
    "url",
    "metadata",
    "architecture",
    "hypervisor_type",
    "instance_type_rxtx_factor",
    "instance_uuid",
    "img_config_drive",
    "kernel_id",
    "os_distro",
    "os_version",
    "os_secure_boot",
    "os_shutdown_timeout",
    "ramdisk_id",
    "vm_mode",
    "hw_cpu_sockets",
    "hw_cpu_cores",
    "hw_cpu_threads",
    "hw_disk_bus",
    "hw_cpu_policy",
    "hw_cpu_thread_policy",
    "hw_rng_model",
    "hw_machine_type",
    "hw_scsi_model",
    "hw_serial_port_count",
    "hw_video_model",
    "hw_video_ram",
    "hw_watchdog_action",
    "os_command_line",
    "hw_vif_model",
    "hw_vif_multiqueue_enabled",
    "hw_boot_menu",
    "vmware_adaptertype",
    "vmware_ostype",
    "auto_disk_config",
    "os_type",
    "os_admin_user",
    "hw_qemu_guest_agent",
    "os_require_quiesce",
    "schema",
    "id",
    "tags",
];

const SHOWN_IMAGE_FIELDS: &[&str] = &[
    "status",
    "name",
    "container_format",
    "created_at",
    "size",
    "disk_format",
    "updated_at",
    "visibility",
    "min_disk",
    "protected",
    "id",
    "file",
    "checksum",
    "owner",
    "virtual_size",
    "min_ram",
    "schema",
    "is_hidden",
    "hash_algo",
    "hash_value",
];

/// OSC's image v2 `_format_image(image)`: the rows of an image, sorted by name.
// lookup-only: fold into the image crate at merge.
pub fn format_image(image: &Json) -> Vec<(String, Value)> {
    let mut info: Vec<(String, Value)> = Vec::new();
    let mut properties: Vec<(String, Value)> = Vec::new();
    let empty = Map::new();
    let body = image.as_object().unwrap_or(&empty);
    for key in IMAGE_KEYS {
        if *key == "properties" {
            for (name, value) in body {
                if !IMAGE_KEYS.contains(&name.as_str()) && !value.is_null() && name != "self" {
                    properties.push((name.clone(), Value::from_json(value)));
                }
            }
            if let Some(Json::Object(inner)) = body.get("properties") {
                for (name, value) in inner {
                    properties.push((name.clone(), Value::from_json(value)));
                }
            }
            continue;
        }
        let Some(value) = body.get(*key).filter(|v| !v.is_null()) else {
            continue;
        };
        if SHOWN_IMAGE_FIELDS.contains(key) {
            info.push(((*key).to_owned(), Value::from_json(value)));
        } else if *key != "tags" {
            properties.push(((*key).to_owned(), Value::from_json(value)));
        }
    }
    let tags = body.get("tags").cloned().unwrap_or(Json::Array(Vec::new()));
    let tags = if tags.is_null() {
        Json::Array(Vec::new())
    } else {
        tags
    };
    info.push(("tags".to_owned(), list_column(Value::from_json(&tags))));
    if !properties.is_empty() {
        info.push((
            "properties".to_owned(),
            dict_column(Value::Dict(properties)),
        ));
    }
    info.sort_by(|a, b| a.0.cmp(&b.0));
    info
}

/// The image ID a `createImage`/`createBackup` answer gives: the body's `image_id` (2.45+), else `Location`.
pub(crate) fn image_id_of(response: &osc_lib::ApiResponse) -> String {
    if let Ok(body) = response.json() {
        if let Some(id) = body.get("image_id").and_then(Json::as_str) {
            return id.to_owned();
        }
    }
    response
        .header("Location")
        .and_then(|l| l.rsplit('/').next())
        .unwrap_or("")
        .to_owned()
}

/// `utils.wait_for_status(image_client.get_image, id, callback=_show_progress)`; progress on stdout or stderr.
pub(crate) fn wait_for_image(ctx: &mut ClientManager, id: &str, on_stderr: bool) -> Result<bool> {
    let waiting = Wait::default();
    let outcome = wait::wait_for_status(
        &waiting,
        || sdk::get(ctx, &IMAGE, IMAGE.base_path, id),
        |progress| {
            use std::io::Write;
            if let Some(text) = wait::progress_text(progress) {
                // Progress that cannot be shown is no reason to stop waiting.
                if on_stderr {
                    let _ = std::io::stderr().write_all(text.as_bytes());
                } else {
                    let _ = std::io::stdout().write_all(text.as_bytes());
                    let _ = std::io::stdout().flush();
                }
            }
        },
    )?;
    Ok(matches!(outcome, Outcome::Reached(_)))
}

fn create_server_image(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let server = find_server(ctx, args.str("server").unwrap_or(""), true, false)?;
    let name = match args.str("name").filter(|n| !n.is_empty()) {
        Some(name) => name.to_owned(),
        None => sdk::str_of(&server, "name").unwrap_or("").to_owned(),
    };
    let props = parseractions::key_value(&args.strings("properties"))
        .map_err(|m| cliff::Error::usage(parseractions::argument_error("--property", &m)))?;
    let mut create = Map::new();
    create.insert("name".into(), json!(name));
    if args.get("properties") != &cliff::ArgValue::Null {
        let metadata: Map<String, Json> = props.into_iter().map(|(k, v)| (k, json!(v))).collect();
        create.insert("metadata".into(), Json::Object(metadata));
    }
    let version = supports(ctx, "2.45")?.then_some("2.45");
    let response = action(
        ctx,
        &sdk::id_of(&server),
        json!({"createImage": create}),
        version,
    )?;
    let image_id = image_id_of(&response);
    sdk::get(ctx, &IMAGE, IMAGE.base_path, &image_id)?;
    if args.flag("wait") {
        if wait_for_image(ctx, &image_id, false)? {
            use std::io::Write;
            // The newline after the progress; a closed stdout changes nothing.
            let _ = std::io::stdout().write_all(b"\n");
        } else {
            return Err(command_error(format!(
                "Error creating server image: {}",
                args.str("server").unwrap_or("")
            )));
        }
    }
    let image = sdk::find_one(ctx, &IMAGE, IMAGE.base_path, &image_id, &[])?;
    Ok(Output::show(format_image(&image)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_rows_as_format_image() {
        let image = json!({"id": "i", "name": "n", "status": "active", "os_hidden": false, "tags": ["b", "a"],
                           "owner_specified.openstack.md5": "", "protected": false, "size": null});
        let rows = format_image(&image);
        let keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["id", "name", "properties", "protected", "status", "tags"]
        );
        match &rows[2].1 {
            Value::Column { human, .. } => {
                assert_eq!(human, "os_hidden='False', owner_specified.openstack.md5=''")
            }
            other => panic!("{other:?}"),
        }
    }
}
