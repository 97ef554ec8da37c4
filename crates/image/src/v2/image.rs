//! `image create|delete|list|show|set|unset|save|stage|import`, `image add|remove project`, `image member
//! get|list` and `image stores list` (OSC's `openstackclient/image/v2/image.py` on openstacksdk's image proxy).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::format_columns::list_column;
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::attrs;
use crate::common::{
    add_project_domain_option, add_protected_options, add_visibility_options, check_image_size,
    fail, find_image, find_project_id, format_image, get_image, given, image_path, key_values,
    property_option, tri_state,
};
use crate::data::{self, Checked, Data, Sink, StdoutBar};
use crate::hash::Hasher;
use crate::hash_thread::HashThread;
use crate::resources::{IMAGE, MEMBER, STORE, VOLUME};
use openstack_sdk as sdk;
use openstack_sdk::transfer;
use openstack_sdk::{Call, Failure, Param, Res};

/// `CONTAINER_CHOICES`.
const CONTAINER_CHOICES: &[&str] = &["ami", "ari", "aki", "bare", "docker", "ova", "ovf"];
/// `DISK_CHOICES`.
const DISK_CHOICES: &[&str] = &[
    "ami", "ari", "aki", "vhd", "vmdk", "raw", "qcow2", "vhdx", "vdi", "iso", "ploop",
];
/// `MEMBER_STATUS_CHOICES`.
const MEMBER_STATUS_CHOICES: &[&str] = &["accepted", "pending", "rejected", "all"];
/// Properties whose openstacksdk attribute has another name (`IMAGE_ATTRIBUTES_CUSTOM_NAMES`).
const CUSTOM_NAMES: &[(&str, &str)] = &[
    ("os_hidden", "is_hidden"),
    ("protected", "is_protected"),
    ("os_hash_algo", "hash_algo"),
    ("os_hash_value", "hash_value"),
    ("img_config_drive", "needs_config_drive"),
    ("os_secure_boot", "needs_secure_boot"),
    ("hw_vif_multiqueue_enabled", "is_hw_vif_multiqueue_enabled"),
    ("hw_boot_menu", "is_hw_boot_menu_enabled"),
    ("auto_disk_config", "has_auto_disk_config"),
];
/// openstacksdk's `_IMAGE_*_KEY` properties `create_image` adds.
const MD5_KEY: &str = "owner_specified.openstack.md5";
const SHA256_KEY: &str = "owner_specified.openstack.sha256";
const OBJECT_KEY: &str = "owner_specified.openstack.object";

fn image_positional(help: &str) -> Arg {
    Arg::positional("image").metavar("<image>").help(help)
}

/// The columns of a member, as `_get_member_columns` derives them from `Member.to_dict()`.
fn format_member(member: &Json) -> Output {
    let fields = [
        ("created_at", "created_at"),
        ("image_id", "image_id"),
        ("member_id", "member_id"),
        ("schema", "schema"),
        ("status", "status"),
        ("updated_at", "updated_at"),
    ];
    let pairs = fields
        .iter()
        .map(|(name, key)| {
            let value = match *key {
                "member_id" => sdk::attr(member, "member_id"),
                _ => sdk::attr(member, key),
            };
            ((*name).to_owned(), value)
        })
        .collect();
    Output::show(pairs)
}

/// A member answer with `member_id` (the body's `member`) and the image ID (a URI attribute) filled in.
fn member_resource(mut member: Json, image_id: &str) -> Json {
    if let Json::Object(map) = &mut member {
        // Glance answers `member_id`; openstacksdk reads `member`, or the `member_id` it was given.
        let member_id = map
            .remove("member")
            .filter(|m| !m.is_null())
            .or_else(|| map.remove("member_id"))
            .unwrap_or(Json::Null);
        map.insert("member_id".to_owned(), member_id);
        map.insert("image_id".to_owned(), Json::from(image_id));
    }
    member
}

/// `image add project`.
pub struct AddProjectToImage;

impl Command<ClientManager> for AddProjectToImage {
    fn description(&self) -> &str {
        "Associate project with image"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(image_positional("Image to share (name or ID)"));
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Project to associate with image (ID)"),
        );
        add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let project_id = fail(find_project_id(ctx, args, "project"))?;
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let image_id = sdk::id_of(&image);
        let mut body = Map::new();
        body.insert("member".to_owned(), Json::from(project_id));
        let path = MEMBER.path(&[("image_id", &image_id)]);
        let member = fail(sdk::create(ctx, &MEMBER, Method::Post, &path, body))?;
        Ok(format_member(&member_resource(member, &image_id)))
    }
}

/// The options of `image create` that Image v2 dropped (accepted, hidden, refused).
const CREATE_DEAD_OPTIONS: &[&str] = &["location", "copy-from", "checksum", "store"];

/// `image create`.
pub struct CreateImage;

impl Command<ClientManager> for CreateImage {
    fn description(&self) -> &str {
        "Create/upload an image"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<image-name>")
                .help("New image name"),
        );
        parser.add(
            Arg::option(&["--id"])
                .metavar("<id>")
                .help("Image ID to reserve"),
        );
        parser.add(
            Arg::option(&["--container-format"])
                .default("bare")
                .choices(CONTAINER_CHOICES)
                .metavar("<container-format>")
                .help(&format!(
                    "Image container format. The supported options are: {}. The default format is: bare",
                    CONTAINER_CHOICES.join(", ")
                )),
        );
        parser.add(
            Arg::option(&["--disk-format"])
                .default("raw")
                .choices(DISK_CHOICES)
                .metavar("<disk-format>")
                .help(&format!(
                    "Image disk format. The supported options are: {}. The default format is: raw",
                    DISK_CHOICES.join(", ")
                )),
        );
        parser.add(
            Arg::option(&["--min-disk"])
                .metavar("<disk-gb>")
                .int()
                .help("Minimum disk size needed to boot image, in gigabytes"),
        );
        parser.add(
            Arg::option(&["--min-ram"])
                .metavar("<ram-mb>")
                .int()
                .help("Minimum RAM size needed to boot image, in megabytes"),
        );
        parser.add(
            Arg::option(&["--size"])
                .metavar("<size>")
                .check(check_image_size)
                .help(
                    "Size of image data in bytes. Providing this can improve upload performance.",
                ),
        );
        let source = parser.add_mutex(None, false);
        parser.add_to_mutex(
            source,
            Arg::option(&["--file"])
                .dest("filename")
                .metavar("<file>")
                .help("Upload image from local file"),
        );
        parser.add_to_mutex(
            source,
            Arg::option(&["--volume"])
                .metavar("<volume>")
                .help("Create image from a volume"),
        );
        parser.add(
            Arg::option(&["--force"])
                .flag()
                .help("Force image creation if volume is in use (only meaningful with --volume)"),
        );
        parser.add(
            Arg::option(&["--progress"])
                .flag()
                .help("Show upload progress bar (ignored if passing data via stdin)"),
        );
        parser.add(
            Arg::option(&["--sign-key-path"])
                .metavar("<sign-key-path>")
                .default(ArgValue::List(Vec::new()))
                .help("Sign the image using the specified private key. Only use in combination with --sign-cert-id"),
        );
        parser.add(
            Arg::option(&["--sign-cert-id"])
                .metavar("<sign-cert-id>")
                .default(ArgValue::List(Vec::new()))
                .help(
                    "The specified certificate UUID is a reference to the certificate in the key manager that \
                     corresponds to the public key and is used for signature validation. Only use in combination \
                     with --sign-key-path",
                ),
        );
        add_protected_options(parser);
        add_visibility_options(parser);
        parser.add(property_option(
            "Set a property on this image (repeat option to set multiple properties)",
        ));
        parser.add(
            Arg::option(&["--tag"])
                .dest("tags")
                .metavar("<tag>")
                .append()
                .help("Set a tag on this image (repeat option to set multiple tags)"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Set an alternate project on this image (name or ID)"),
        );
        parser.add(
            Arg::option(&["--import"])
                .dest("use_import")
                .flag()
                .help("Force the use of glance image import instead of direct upload"),
        );
        add_project_domain_option(parser);
        for dead in CREATE_DEAD_OPTIONS {
            parser.add(
                Arg::option(&[&format!("--{dead}")])
                    .metavar(&format!("<{dead}>"))
                    .dest(&dead.replace('-', "_"))
                    .hidden(),
            );
        }
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        for dead in CREATE_DEAD_OPTIONS {
            if given(args, &dead.replace('-', "_")).is_some() {
                return Err(Error::command(format!(
                    "ERROR: --{dead} was given, which is an Image v1 option that is no longer supported in Image v2"
                )));
            }
        }
        if given(args, "volume").is_some() {
            return create_from_volume(ctx, args);
        }
        create_image(ctx, args)
    }
}

/// A list or string option that Python treats as set.
fn list_or_str_given(args: &Args, dest: &str) -> bool {
    match args.get(dest) {
        ArgValue::Str(s) => !s.is_empty(),
        ArgValue::List(items) => !items.is_empty(),
        _ => false,
    }
}

/// `_take_action_image`, then openstacksdk's `create_image` with `allow_duplicates=True`.
fn create_image(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let mut name = args.str("name").unwrap_or("").to_owned();
    let mut body = Map::new();
    let properties = key_values(args, "properties", "--property")?;
    let tags = args.strings("tags");
    let owner = match given(args, "project") {
        Some(_) => Some(fail(find_project_id(ctx, args, "project"))?),
        None => None,
    };
    let filename = given(args, "filename").map(str::to_owned);
    let mut data = match &filename {
        Some(path) => Some(data::open_file(path)?),
        None => data::from_stdin(),
    };
    let size = given(args, "size").and_then(|s| s.trim().parse::<u64>().ok());
    if size.is_some() && data.is_none() {
        return Err(Error::command(
            "--size requires image data via --file or stdin",
        ));
    }
    if list_or_str_given(args, "sign_key_path") || list_or_str_given(args, "sign_cert_id") {
        if filename.is_none() {
            return Err(Error::command(
                "signing an image requires the --file option, passing files via stdin when signing is not \
                 supported.",
            ));
        }
        if !list_or_str_given(args, "sign_key_path") || !list_or_str_given(args, "sign_cert_id") {
            return Err(Error::command(
                "'sign-key-path' and 'sign-cert-id' must both be specified when attempting to sign an image.",
            ));
        }
        // OSC asks for the key's password on the terminal; without one (or a key it can load) it stops here.
        return Err(Error::command(
            "Error during sign operation: private key could not be loaded.",
        ));
    }
    // openstacksdk: with no data, a name that is an existing file is the file to upload (and the name its stem).
    if data.is_none() {
        let path = std::path::Path::new(&name);
        if path.is_file() {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let file = name.clone();
            data = Some(data::open_file(&file)?);
            name = stem;
        }
    }
    body.insert("name".to_owned(), Json::from(name.clone()));
    if let Some(id) = given(args, "id") {
        body.insert("id".to_owned(), Json::from(id));
    }
    body.insert(
        "container_format".to_owned(),
        Json::from(args.str("container_format").unwrap_or("bare")),
    );
    body.insert(
        "disk_format".to_owned(),
        Json::from(args.str("disk_format").unwrap_or("raw")),
    );
    for key in ["min_disk", "min_ram"] {
        if let Some(value) = args.int(key).filter(|v| *v != 0) {
            body.insert(key.to_owned(), Json::from(value));
        }
    }
    if !tags.is_empty() {
        body.insert("tags".to_owned(), Json::from(tags));
    }
    if let Some(visibility) = given(args, "visibility") {
        body.insert("visibility".to_owned(), Json::from(visibility));
    }
    for (key, value) in properties {
        let value = match key.as_str() {
            "min_disk" | "min_ram" | "size" | "virtual_size" => {
                Json::from(value.trim().parse::<i64>().map_err(|_| {
                    Error::command(format!(
                        "invalid literal for int() with base 10: {}",
                        osc_lib::utils::py_repr(&Value::str(value.clone()))
                    ))
                })?)
            }
            _ => Json::from(value),
        };
        body.insert(key, value);
    }
    if let Some(protected) = tri_state(args, "is_protected") {
        body.insert("protected".to_owned(), Json::Bool(protected));
    }
    if let Some(owner) = owner {
        body.insert("owner".to_owned(), Json::from(owner));
    }
    body.insert(MD5_KEY.to_owned(), Json::from(""));
    body.insert(SHA256_KEY.to_owned(), Json::from(""));
    body.insert(OBJECT_KEY.to_owned(), Json::from(format!("images/{name}")));

    let response = fail(
        Call::new("image", Method::Post, IMAGE.base_path)
            .body(Json::Object(body))
            .send(ctx),
    )?;
    let created = fail(response.json().map_err(Failure::from))?;
    let id = sdk::id_of(&created);
    if let Some(data) = data {
        let use_import = args.flag("use_import");
        if use_import {
            let methods = response
                .header("openstack-image-import-methods")
                .unwrap_or("")
                .to_owned();
            if !methods.split(',').any(|m| m == "glance-direct") {
                return Err(Error::command(
                    "Importing image was requested but the cloud does not support the image import method.",
                ));
            }
        }
        let progress = args.flag("progress") && data.from_file;
        if let Err(err) = send_data(ctx, &id, data, size, use_import, progress) {
            // openstacksdk deletes the image whose upload failed (not on Ctrl-C, which it does not catch).
            let _ = sdk::delete(ctx, &IMAGE, &image_path(&id), true);
            return Err(err.into());
        }
    }
    let image = fail(get_image(ctx, &id))?;
    Ok(format_image(&image, false))
}

/// Uploads (`PUT …/file`) or stages and imports (`glance-direct`) the data of a new image.
fn send_data(
    ctx: &mut ClientManager,
    id: &str,
    mut data: Data,
    size: Option<u64>,
    use_import: bool,
    progress: bool,
) -> Res<()> {
    let target = if use_import { "stage" } else { "file" };
    stream_data(ctx, id, target, &mut data, size, progress)?;
    if use_import {
        let body = serde_json::json!({"method": {"name": "glance-direct"}});
        Call::new("image", Method::Post, format!("{}/import", image_path(id)))
            .body(body)
            .send(ctx)?;
    }
    Ok(())
}

/// `PUT /v2/images/<id>/<target>` with the data streamed as it is read.
fn stream_data(
    ctx: &mut ClientManager,
    id: &str,
    target: &str,
    data: &mut Data,
    size: Option<u64>,
    progress: bool,
) -> Res<()> {
    // openstacksdk sends an empty `Accept`; Glance words its errors in HTML for any other.
    let mut call = Call::new("image", Method::Put, format!("{}/{target}", image_path(id)))
        .header("Accept", "");
    if let Some(size) = size.or_else(|| data.source.length()) {
        call = call.header("X-OpenStack-Image-Size", &size.to_string());
    }
    let mut bar = if progress {
        Some(StdoutBar::new(data.source.length()))
    } else {
        None
    };
    let result = match &mut bar {
        Some(bar) => {
            let mut update = |done: u64| bar.update(done);
            transfer::upload(
                ctx,
                &call,
                &mut data.source,
                "application/octet-stream",
                Some(&mut update),
            )
        }
        None => transfer::upload(
            ctx,
            &call,
            &mut data.source,
            "application/octet-stream",
            None,
        ),
    };
    if let Some(bar) = &mut bar {
        bar.finish();
    }
    result.map(|_| ())
}

/// `_take_action_volume`: Cinder's `os-volume_upload_image`.
fn create_from_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let unsupported = [
        ("id", "id"),
        ("min_disk", "min_disk"),
        ("min_ram", "min_ram"),
        ("file", "file"),
        ("force", "force"),
        ("progress", "progress"),
        ("sign_key_path", "sign_key_path"),
        ("sign_cert_id", "sign_cert_id"),
        ("properties", "properties"),
        ("tags", "tags"),
        ("project", "project"),
        ("use_import", "import"),
    ];
    for (dest, name) in unsupported {
        let set = match args.get(dest) {
            ArgValue::Null => false,
            ArgValue::Bool(b) => *b,
            ArgValue::Int(i) => *i != 0,
            ArgValue::Str(s) => !s.is_empty(),
            ArgValue::List(items) => !items.is_empty(),
        };
        if set {
            log::warn!(
                "'--{name}' was given, which is not supported when creating an image from a volume. This will be \
                 an error in a future version."
            );
        }
    }
    let volume_name = args.str("volume").unwrap_or("");
    let volume = fail(sdk::find_one(
        ctx,
        &VOLUME,
        VOLUME.base_path,
        volume_name,
        &[],
    ))?;
    let volume_id = sdk::id_of(&volume);
    let visibility = given(args, "visibility").unwrap_or("private");
    let protected = tri_state(args, "is_protected").unwrap_or(false);
    let body = serde_json::json!({"os-volume_upload_image": {
        "image_name": args.str("name").unwrap_or(""),
        "force": args.flag("force"),
        "disk_format": args.str("disk_format").unwrap_or("raw"),
        "container_format": args.str("container_format").unwrap_or("bare"),
        "visibility": visibility,
        "protected": protected,
    }});
    let answer = fail(
        Call::new(
            "block-storage",
            Method::Post,
            format!("{}/action", sdk::item_path(VOLUME.base_path, &volume_id)),
        )
        .microversion("3.1")
        .body(body)
        .json(ctx),
    )?;
    let mut info = answer
        .get("os-volume_upload_image")
        .and_then(Json::as_object)
        .cloned()
        .unwrap_or_default();
    let volume_type = info
        .get("volume_type")
        .and_then(|t| t.get("name"))
        .cloned()
        .unwrap_or(Json::Null);
    info.insert("volume_type".to_owned(), volume_type);
    let mut pairs: Vec<(String, Value)> = info
        .iter()
        .map(|(k, v)| (k.clone(), Value::from_json(v)))
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Output::show(pairs))
}

/// `image delete`.
pub struct DeleteImage;

impl Command<ClientManager> for DeleteImage {
    fn description(&self) -> &str {
        "Delete image(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("images")
                .metavar("<image>")
                .nargs(Nargs::OneOrMore)
                .help("Image(s) to delete (name or ID)"),
        );
        parser.add(
            Arg::option(&["--store"])
                .metavar("<STORE>")
                .dest("store")
                .help("Store to delete image(s) from."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let images = args.strings("images");
        let store = given(args, "store").map(str::to_owned);
        let mut failures = 0;
        for name in &images {
            let result = find_image(ctx, name).and_then(|image| {
                let id = sdk::id_of(&image);
                match &store {
                    Some(store) => {
                        let path = format!(
                            "/v2/stores/{}/{}",
                            sdk::quote_path(store),
                            sdk::quote_path(&id)
                        );
                        Call::new("image", Method::Delete, path)
                            .send(ctx)
                            .map(|_| ())
                    }
                    None => sdk::delete(ctx, &IMAGE, &image_path(&id), false),
                }
            });
            match result {
                Ok(()) => {}
                // OSC: `except sdk_exceptions.ResourceNotFound` (any miss, a 404 included) ends the command.
                Err(err) if err.is_not_found() => {
                    return Err(Error::command("Multi Backend support not enabled."));
                }
                Err(err) => {
                    failures += 1;
                    log::error!("Failed to delete image with name or ID '{name}': {err}");
                }
            }
        }
        if failures > 0 {
            return Err(Error::command(format!(
                "Failed to delete {failures} of {} images.",
                images.len()
            )));
        }
        Ok(Output::ok())
    }
}

/// `image list`.
pub struct ListImage;

impl Command<ClientManager> for ListImage {
    fn description(&self) -> &str {
        "List available images"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let group = parser.add_mutex(None, false);
        let visibility = |flag: &str, value: &str, help: &str| {
            Arg::option(&[flag])
                .action(Action::StoreConst(ArgValue::Str(value.to_owned())))
                .dest("visibility")
                .help(help)
        };
        parser.add_to_mutex(
            group,
            visibility("--public", "public", "List only public images"),
        );
        parser.add_to_mutex(
            group,
            visibility("--private", "private", "List only private images"),
        );
        parser.add_to_mutex(
            group,
            visibility(
                "--community",
                "community",
                "List only community images (requires --os-image-api-version 2.5 or later)",
            ),
        );
        parser.add_to_mutex(
            group,
            visibility(
                "--shared",
                "shared",
                "List only shared images (requires --os-image-api-version 2.5 or later)",
            ),
        );
        parser.add_to_mutex(group, visibility("--all", "all", "List all images"));
        parser.add(
            Arg::option(&["--property"])
                .metavar("<key=value>")
                .append()
                .check(osc_lib::parseractions::key_value_check)
                .help("Filter output based on property (repeat option to filter on multiple properties)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Filter images based on name."),
        );
        parser.add(
            Arg::option(&["--status"])
                .metavar("<status>")
                .help("Filter images based on status."),
        );
        parser.add(
            Arg::option(&["--member-status"])
                .metavar("<member-status>")
                .check(check_member_status)
                .help(&format!(
                    "Filter images based on member status. The supported options are: {}. ",
                    MEMBER_STATUS_CHOICES.join(", ")
                )),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Search by project (admin only) (name or ID)"),
        );
        add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--tag"])
                .metavar("<tag>")
                .append()
                .default(ArgValue::List(Vec::new()))
                .help("Filter images based on tag. (repeat option to filter on multiple tags)"),
        );
        parser.add(
            Arg::option(&["--hidden"])
                .dest("is_hidden")
                .flag()
                .help("List hidden images"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--page-size"]).metavar("<size>").hidden());
        parser.add(
            Arg::option(&["--sort"])
                .metavar("<key>[:<direction>]")
                .default("name:asc")
                .help(
                    "Sort output by selected keys and directions (asc or desc) (default: name:asc), multiple keys \
                     and directions can be specified separated by comma",
                ),
        );
        identity::pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let filters = key_values(args, "property", "--property")?;
        let mut params: Vec<Param> = Vec::new();
        if let Some(visibility) = given(args, "visibility") {
            params.push(("visibility", Some(visibility.to_owned())));
        }
        let limit = args.int("limit").filter(|l| *l != 0);
        if let Some(limit) = limit {
            params.push(("limit", Some(limit.to_string())));
        }
        let max_items = args.int("max_items").map(|m| m.max(0) as usize);
        if let Some(marker) = given(args, "marker") {
            let image = fail(find_image(ctx, marker))?;
            params.push(("marker", Some(sdk::id_of(&image))));
        }
        if let Some(name) = given(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        if let Some(status) = given(args, "status") {
            params.push(("status", Some(status.to_owned())));
        }
        if let Some(member_status) = given(args, "member_status") {
            params.push(("member_status", Some(member_status.to_lowercase())));
        }
        for tag in args.strings("tag") {
            params.push(("tag", Some(tag)));
        }
        if given(args, "project").is_some() {
            let project_id = fail(find_project_id(ctx, args, "project"))?;
            params.push(("owner", Some(project_id)));
        }
        if args.flag("is_hidden") {
            params.push(("is_hidden", Some("True".to_owned())));
        }
        let mut images = if limit.is_some() {
            // `paginated=False`: the first page only.
            let query = IMAGE.transpose(&params);
            let mut page = fail(
                Call::new("image", Method::Get, IMAGE.base_path)
                    .query(query)
                    .json(ctx),
            )?;
            let mut items = match page.get_mut("images").map(Json::take) {
                Some(Json::Array(items)) => items,
                _ => Vec::new(),
            };
            if let Some(max) = max_items.filter(|m| *m > 0) {
                items.truncate(max);
            }
            items
        } else {
            fail(sdk::list(ctx, &IMAGE, IMAGE.base_path, &params, max_items))?
        };
        for (key, value) in &filters {
            images.retain(|image| property_matches(image, key, value));
        }
        let sort = args.str("sort").map(str::to_owned);
        let images = osc_lib::utils::sort_items(images, sort.as_deref(), |image, key| {
            attrs::get(image, key).map(|value| Json::String(python_str(&value)))
        })?;
        let long = args.flag("long");
        let rows = images
            .iter()
            .map(|image| {
                let get =
                    |name: &str| Value::from_json(&attrs::get(image, name).unwrap_or(Json::Null));
                if long {
                    vec![
                        get("id"),
                        get("name"),
                        get("disk_format"),
                        get("container_format"),
                        get("size"),
                        get("checksum"),
                        get("status"),
                        get("visibility"),
                        get("is_protected"),
                        get("owner_id"),
                        get("hash_algo"),
                        get("hash_value"),
                        list_column(get("tags")),
                    ]
                } else {
                    vec![get("id"), get("name"), get("status")]
                }
            })
            .collect();
        let columns: &[&str] = if long {
            &[
                "ID",
                "Name",
                "Disk Format",
                "Container Format",
                "Size",
                "Checksum",
                "Status",
                "Visibility",
                "Protected",
                "Project",
                "Hash Algorithm",
                "Hash Value",
                "Tags",
            ]
        } else {
            &["ID", "Name", "Status"]
        };
        Ok(Output::List {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows,
        })
    }
}

/// `type=lambda s: s.lower(), choices=MEMBER_STATUS_CHOICES`.
fn check_member_status(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) if !MEMBER_STATUS_CHOICES.contains(&text.to_lowercase().as_str()) => {
            let choices: Vec<String> = MEMBER_STATUS_CHOICES
                .iter()
                .map(|c| format!("'{c}'"))
                .collect();
            Err(format!(
                "invalid choice: '{}' (choose from {})",
                text.to_lowercase(),
                choices.join(", ")
            ))
        }
        _ => Ok(()),
    }
}

/// Python `str()` of an attribute's value.
fn python_str(value: &Json) -> String {
    osc_lib::utils::py_str(&Value::from_json(value))
}

/// `simple_filter(images, attr, value, property_field='properties')`.
fn property_matches(image: &Json, key: &str, value: &str) -> bool {
    let found = match attrs::get(image, key) {
        Some(found) => Some(found),
        None => attrs::unknown_properties(image).get(key).cloned(),
    };
    match found {
        Some(Json::String(s)) => !s.is_empty() && s == value,
        _ => false,
    }
}

/// `image member list`.
pub struct ListImageProjects;

impl Command<ClientManager> for ListImageProjects {
    fn description(&self) -> &str {
        "List projects associated with image"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(image_positional("Image (name or ID)"));
        add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let image_id = sdk::id_of(&image);
        let path = MEMBER.path(&[("image_id", &image_id)]);
        let members = fail(sdk::list(ctx, &MEMBER, &path, &[], None))?;
        let rows = members
            .into_iter()
            .map(|member| {
                let member = member_resource(member, &image_id);
                vec![
                    sdk::attr(&member, "image_id"),
                    sdk::attr(&member, "member_id"),
                    sdk::attr(&member, "status"),
                ]
            })
            .collect();
        Ok(Output::List {
            columns: vec!["Image ID".into(), "Member ID".into(), "Status".into()],
            rows,
        })
    }
}

/// `image remove project`.
pub struct RemoveProjectImage;

impl Command<ClientManager> for RemoveProjectImage {
    fn description(&self) -> &str {
        "Disassociate project with image"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(image_positional("Image to unshare (name or ID)"));
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Project to disassociate with image (name or ID)"),
        );
        add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let project_id = fail(find_project_id(ctx, args, "project"))?;
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let path = sdk::item_path(
            &MEMBER.path(&[("image_id", &sdk::id_of(&image))]),
            &project_id,
        );
        fail(sdk::delete(ctx, &MEMBER, &path, true))?;
        Ok(Output::ok())
    }
}

/// `image member get`.
pub struct ShowProjectImage;

impl Command<ClientManager> for ShowProjectImage {
    fn description(&self) -> &str {
        "Show a particular project associated with image"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(image_positional("Image (name or ID)"));
        parser.add(
            Arg::positional("member")
                .metavar("<project>")
                .help("Project to show (name or ID)"),
        );
        add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let image_id = sdk::id_of(&image);
        let path = MEMBER.path(&[("image_id", &image_id)]);
        // `_get(Member, member_id=..., image_id=...)` has no value: a miss reads "No Member found for None".
        let member = fail(sdk::fetch(
            ctx,
            &MEMBER,
            &path,
            args.str("member").unwrap_or(""),
            &[],
            Some("No Member found for None".to_owned()),
        ))?;
        Ok(format_member(&member_resource(member, &image_id)))
    }
}

/// `image save`.
pub struct SaveImage;

impl Command<ClientManager> for SaveImage {
    fn description(&self) -> &str {
        "Save an image locally"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--chunk-size"])
                .int()
                .default(ArgValue::Int(1024))
                .metavar("<chunk-size>")
                .help("Size in bytes to read from the wire and buffer at one time (default: 1024)"),
        );
        parser.add(
            Arg::option(&["--file"])
                .metavar("<filename>")
                .dest("filename")
                .help("Downloaded image save filename (default: stdout)"),
        );
        parser.add(
            Arg::option(&["--store-preference"])
                .metavar("<store>")
                .dest("store_preferences")
                .append()
                .help(
                    "Preferred store to download the image from (repeat option to specify multiple store \
                     preferences in order)",
                ),
        );
        parser.add(image_positional("Image to save (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let id = sdk::id_of(&image);
        // `Image.download` reads the hashes from a fresh fetch first.
        let details = fail(get_image(ctx, &id))?;
        let text = |key: &str| {
            details
                .get(key)
                .and_then(Json::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        // A sha (`os_hash_algo`/`os_hash_value`) when Python's hashlib knows it, else the md5 `checksum`.
        let mut expected: Option<(String, String)> = None;
        let mut hasher: Option<Hasher> = None;
        if let (Some(value), Some(algo)) = (text("os_hash_value"), text("os_hash_algo")) {
            if let Some(sha) = Hasher::new(&algo) {
                hasher = Some(sha);
                expected = Some((value, algo));
            }
        }
        if hasher.is_none() {
            if let Some(md5) = text("checksum") {
                hasher = Hasher::new("md5");
                expected = Some((md5, "md5".to_owned()));
            }
        }
        let mut url = format!("{}/file", image_path(&id));
        let preferences = args.strings("store_preferences");
        if !preferences.is_empty() {
            url = format!("{url}?prefer={}", preferences.join(","));
        }
        let mut sink = Sink::open(given(args, "filename"))?;
        let call = Call::new("image", Method::Get, url);
        let (result, hasher, failed, reason) = {
            let mut checked = Checked {
                sink: &mut sink,
                hasher: hasher.map(HashThread::spawn),
                failed: None,
                reason: None,
            };
            let result = transfer::download(ctx, &call, &mut checked, None);
            (
                result,
                checked.hasher.take(),
                checked.failed,
                checked.reason.take(),
            )
        };
        let response = match result {
            Ok(response) => response,
            Err(err) => {
                sink.discard();
                if failed.is_some() {
                    return Err(data::write_error(reason.as_deref().unwrap_or("")));
                }
                // osc-lib's failure to read a streamed body: the server closed the connection before the length it
                // announced, which urllib3 reports as "Response ended prematurely".
                let reason = if err.to_string().starts_with("Failed to download ") {
                    "Response ended prematurely".to_owned()
                } else {
                    err.to_string()
                };
                return Err(Error::command(format!(
                    "Unable to download image: {reason}"
                )));
            }
        };
        match (hasher, expected) {
            (Some(hasher), Some((wanted, algo))) => {
                let digest = hasher.hexdigest();
                if digest != wanted {
                    sink.discard();
                    return Err(Error::command(format!(
                        "Unable to download image: checksum mismatch ({algo}): {wanted} != {digest}"
                    )));
                }
            }
            // Only a `Content-MD5` header (never so with Glance, which sends a checksum with any data): the bytes
            // have gone by unhashed, so they are not checked.
            _ if response.header("content-md5").is_some() => {}
            _ => log::warn!("Unable to verify the integrity of image {id} - no hash available"),
        }
        Ok(Output::ok())
    }
}

/// The option of `image set` that Image v2 dropped.
const SET_DEAD_OPTIONS: &[&str] = &["visibility"];

/// `image set`.
pub struct SetImage;

impl Command<ClientManager> for SetImage {
    fn description(&self) -> &str {
        "Set image properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(image_positional("Image to modify (name or ID)"));
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New image name"),
        );
        parser.add(
            Arg::option(&["--min-disk"])
                .int()
                .metavar("<disk-gb>")
                .help("Minimum disk size needed to boot image, in gigabytes"),
        );
        parser.add(
            Arg::option(&["--min-ram"])
                .int()
                .metavar("<ram-mb>")
                .help("Minimum RAM size needed to boot image, in megabytes"),
        );
        parser.add(
            Arg::option(&["--container-format"])
                .metavar("<container-format>")
                .choices(CONTAINER_CHOICES)
                .help(&format!(
                    "Image container format. The supported options are: {}",
                    CONTAINER_CHOICES.join(", ")
                )),
        );
        parser.add(
            Arg::option(&["--disk-format"])
                .metavar("<disk-format>")
                .choices(DISK_CHOICES)
                .help(&format!(
                    "Image disk format. The supported options are: {}",
                    DISK_CHOICES.join(", ")
                )),
        );
        add_protected_options(parser);
        add_visibility_options(parser);
        parser.add(property_option(
            "Set a property on this image (repeat option to set multiple properties)",
        ));
        parser.add(
            Arg::option(&["--tag"])
                .dest("tags")
                .metavar("<tag>")
                .append()
                .help("Set a tag on this image (repeat option to set multiple tags)"),
        );
        parser.add(
            Arg::option(&["--architecture"])
                .metavar("<architecture>")
                .help("Operating system architecture"),
        );
        parser.add(
            Arg::option(&["--instance-id"])
                .metavar("<instance-id>")
                .help("ID of server instance used to create this image"),
        );
        parser.add(
            Arg::option(&["--instance-uuid"])
                .metavar("<instance-id>")
                .dest("instance_id")
                .hidden(),
        );
        parser.add(
            Arg::option(&["--kernel-id"])
                .metavar("<kernel-id>")
                .help("ID of kernel image used to boot this disk image"),
        );
        parser.add(
            Arg::option(&["--os-distro"])
                .metavar("<os-distro>")
                .help("Operating system distribution name"),
        );
        parser.add(
            Arg::option(&["--os-version"])
                .metavar("<os-version>")
                .help("Operating system distribution version"),
        );
        parser.add(
            Arg::option(&["--ramdisk-id"])
                .metavar("<ramdisk-id>")
                .help("ID of ramdisk image used to boot this disk image"),
        );
        let activation = parser.add_mutex(None, false);
        parser.add_to_mutex(
            activation,
            Arg::option(&["--deactivate"])
                .flag()
                .help("Deactivate the image"),
        );
        parser.add_to_mutex(
            activation,
            Arg::option(&["--activate"])
                .flag()
                .help("Activate the image"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Set an alternate project on this image (name or ID)"),
        );
        add_project_domain_option(parser);
        for dead in SET_DEAD_OPTIONS {
            parser.add(
                Arg::option(&[&format!("--{dead}")])
                    .metavar(&format!("<{dead}>"))
                    .dest(&format!("dead_{}", dead.replace('-', "_")))
                    .hidden(),
            );
        }
        let membership = parser.add_mutex(None, false);
        let member = |flag: &str, value: &str, help: &str| {
            Arg::option(&[flag])
                .action(Action::StoreConst(ArgValue::Str(value.to_owned())))
                .dest("membership")
                .help(help)
        };
        parser.add_to_mutex(
            membership,
            member(
                "--accept",
                "accepted",
                "Accept the image membership for either the project indicated by '--project', if provided, or \
                 the current user's project",
            ),
        );
        parser.add_to_mutex(
            membership,
            member(
                "--reject",
                "rejected",
                "Reject the image membership for either the project indicated by '--project', if provided, or \
                 the current user's project",
            ),
        );
        parser.add_to_mutex(
            membership,
            member(
                "--pending",
                "pending",
                "Reset the image membership to 'pending'",
            ),
        );
        let hidden = parser.add_mutex(None, false);
        parser.add_to_mutex(
            hidden,
            Arg::option(&["--hidden"])
                .dest("is_hidden")
                .action(Action::StoreTrue)
                .default_none()
                .help("Hide the image"),
        );
        parser.add_to_mutex(
            hidden,
            Arg::option(&["--unhidden"])
                .dest("is_hidden")
                .action(Action::StoreFalse)
                .default_none()
                .help("Unhide the image"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        for dead in SET_DEAD_OPTIONS {
            if given(args, &format!("dead_{}", dead.replace('-', "_"))).is_some() {
                return Err(Error::command(format!(
                    "ERROR: --{dead} was given, which is an Image v1 option that is no longer supported in Image v2"
                )));
            }
        }
        let properties = key_values(args, "properties", "--property")?;
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let id = sdk::id_of(&image);
        let mut project_id = match given(args, "project") {
            Some(_) => Some(fail(find_project_id(ctx, args, "project"))?),
            None => None,
        };
        let mut activation: Option<&str> = None;
        for (flag, action, done) in [
            ("deactivate", "deactivate", "deactivated"),
            ("activate", "reactivate", "activated"),
        ] {
            if args.flag(flag) {
                fail(
                    Call::new(
                        "image",
                        Method::Post,
                        format!("{}/actions/{action}", image_path(&id)),
                    )
                    // An empty POST as `requests` sends it (Glance refuses one without a length).
                    .header("Content-Length", "0")
                    .send(ctx),
                )?;
                activation = Some(done);
            }
        }
        let membership = given(args, "membership").map(str::to_owned);
        if let Some(status) = &membership {
            if project_id.is_none() {
                let token = fail(ctx.token().map_err(Failure::from))?;
                project_id = token
                    .body
                    .pointer("/token/project/id")
                    .and_then(Json::as_str)
                    .map(str::to_owned);
            }
            let member = project_id.clone().unwrap_or_default();
            let path = sdk::item_path(&MEMBER.path(&[("image_id", &id)]), &member);
            let mut body = Map::new();
            body.insert("status".to_owned(), Json::from(status.as_str()));
            fail(
                Call::new("image", Method::Put, path)
                    .body(Json::Object(body))
                    .send(ctx),
            )?;
        }
        let mut changes = Map::new();
        for (dest, key) in [
            ("architecture", "architecture"),
            ("container_format", "container_format"),
            ("disk_format", "disk_format"),
            ("instance_id", "instance_id"),
            ("kernel_id", "kernel_id"),
            ("name", "name"),
            ("os_distro", "os_distro"),
            ("os_version", "os_version"),
            ("ramdisk_id", "ramdisk_id"),
            ("visibility", "visibility"),
        ] {
            if let Some(value) = args.str(dest) {
                changes.insert(key.to_owned(), Json::from(value));
            }
        }
        for key in ["min_disk", "min_ram"] {
            if let Some(value) = args.int(key) {
                changes.insert(key.to_owned(), Json::from(value));
            }
        }
        for (key, value) in properties {
            changes.insert(key, Json::from(value));
        }
        if let Some(protected) = tri_state(args, "is_protected") {
            changes.insert("protected".to_owned(), Json::Bool(protected));
        }
        if membership.is_none() {
            if let Some(project_id) = &project_id {
                changes.insert("owner".to_owned(), Json::from(project_id.as_str()));
            }
        }
        let new_tags = args.strings("tags");
        if !new_tags.is_empty() {
            let mut tags: Vec<String> = image
                .get("tags")
                .and_then(Json::as_array)
                .map(|t| {
                    t.iter()
                        .filter_map(Json::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            for tag in new_tags {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            changes.insert("tags".to_owned(), Json::from(tags));
        }
        if let Some(hidden) = tri_state(args, "is_hidden") {
            changes.insert("os_hidden".to_owned(), Json::Bool(hidden));
        }
        // `update_image(image.id, **kwargs)`: a resource that knows only its ID, so every change is an `add`.
        let result = sdk::commit(ctx, &IMAGE, &image_path(&id), None, changes);
        if let Err(err) = result {
            if let Some(status) = activation {
                log::info!("Image {id} was {status}.");
            }
            return Err(err.into());
        }
        Ok(Output::ok())
    }
}

/// `image show`.
pub struct ShowImage;

impl Command<ClientManager> for ShowImage {
    fn description(&self) -> &str {
        "Display image details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--human-readable"])
                .flag()
                .help("Print image size in a human-friendly format."),
        );
        parser.add(image_positional("Image to display (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let human = args.flag("human_readable");
        if human && image.get("size").is_none_or(Json::is_null) {
            // `data['size']` of an image without data: Python's KeyError, printed as its key.
            return Err(Error::command("'size'"));
        }
        Ok(format_image(&image, human))
    }
}

/// `image unset`.
pub struct UnsetImage;

impl Command<ClientManager> for UnsetImage {
    fn description(&self) -> &str {
        "Unset image tags and properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(image_positional("Image to modify (name or ID)"));
        parser.add(
            Arg::option(&["--tag"])
                .dest("tags")
                .metavar("<tag>")
                .default(ArgValue::List(Vec::new()))
                .append()
                .help("Unset a tag on this image (repeat option to unset multiple tags)"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .metavar("<property-key>")
                .default(ArgValue::List(Vec::new()))
                .append()
                .help(
                    "Unset a property on this image (repeat option to unset multiple properties)",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let id = sdk::id_of(&image);
        let tags = args.strings("tags");
        let properties = args.strings("properties");
        let mut tag_failures = 0;
        for tag in &tags {
            let path = format!("{}/tags/{}", image_path(&id), sdk::quote_path(tag));
            if Call::new("image", Method::Delete, path).send(ctx).is_err() {
                log::error!("tag unset failed, '{tag}' is a nonexistent tag ");
                tag_failures += 1;
            }
        }
        let mut prop_failures = 0;
        if !properties.is_empty() {
            let original = image.as_object().cloned().unwrap_or_default();
            let unknown = attrs::unknown_properties(&image);
            let mut changes = Map::new();
            for key in &properties {
                let body_key = attrs::IMAGE_ATTRIBUTES
                    .iter()
                    .find(|(attr, _, _)| attr == key)
                    .map(|(_, body, _)| *body);
                if let Some(body_key) = body_key {
                    changes.insert(body_key.to_owned(), Json::Null);
                } else if unknown.contains_key(key.as_str()) {
                    changes.insert(key.clone(), Json::Null);
                } else if let Some((body_key, _)) = CUSTOM_NAMES.iter().find(|(k, _)| k == key) {
                    changes.insert((*body_key).to_owned(), Json::Null);
                } else {
                    log::error!("property unset failed, '{key}' is a nonexistent property ");
                    prop_failures += 1;
                }
            }
            fail(sdk::commit(
                ctx,
                &IMAGE,
                &image_path(&id),
                Some(&original),
                changes,
            ))?;
        }
        let (tag_total, prop_total) = (tags.len(), properties.len());
        if tag_failures > 0 && prop_failures > 0 {
            return Err(Error::command(format!(
                "Failed to unset {tag_failures} of {tag_total} tags,Failed to unset {prop_failures} of \
                 {prop_total} properties."
            )));
        } else if tag_failures > 0 {
            return Err(Error::command(format!(
                "Failed to unset {tag_failures} of {tag_total} tags."
            )));
        } else if prop_failures > 0 {
            return Err(Error::command(format!(
                "Failed to unset {prop_failures} of {prop_total} properties."
            )));
        }
        Ok(Output::ok())
    }
}

/// `image stores list`.
pub struct StoresInfo;

impl Command<ClientManager> for StoresInfo {
    fn description(&self) -> &str {
        "Get available backends (only valid with Multi-Backend support)"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--detail"])
                .action(Action::StoreTrue)
                .default_none()
                .help("Shows details of stores (admin only) (requires --os-image-api-version 2.15 or later)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let detail = args.flag("detail");
        let base = if detail {
            "/v2/info/stores/detail"
        } else {
            STORE.base_path
        };
        let stores = match sdk::list(ctx, &STORE, base, &[], None) {
            Ok(stores) => stores,
            Err(err) if err.is_not_found() => {
                return Err(Error::command("Multi Backend support not enabled"));
            }
            Err(err) => return Err(err.into()),
        };
        let mut columns = vec![
            "ID".to_owned(),
            "Description".to_owned(),
            "Default".to_owned(),
        ];
        if detail {
            columns.push("Properties".to_owned());
        }
        let rows = stores
            .iter()
            .map(|store| {
                let mut row = vec![
                    sdk::attr(store, "id"),
                    sdk::attr(store, "description"),
                    sdk::bool_attr(store, "default"),
                ];
                if detail {
                    let properties = match store.get("properties") {
                        Some(Json::Object(map)) => Json::Object(map.clone()),
                        None | Some(Json::Null) => Json::Null,
                        Some(_) => Json::Object(Map::new()),
                    };
                    row.push(Value::from_json(&properties));
                }
                row
            })
            .collect();
        Ok(Output::List { columns, rows })
    }
}

/// `image stage`.
pub struct StageImage;

impl Command<ClientManager> for StageImage {
    fn description(&self) -> &str {
        "Upload data for a specific image to staging.\nThis requires support for the interoperable image import \
         process, which was first introduced in Image API version 2.6 (Glance 16.0.0 (Queens))"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--file"])
                .metavar("<file>")
                .dest("filename")
                .help("Local file that contains disk image to be uploaded. Alternatively, images can be passed via stdin."),
        );
        parser.add(
            Arg::option(&["--size"])
                .metavar("<size>")
                .check(check_image_size)
                .help(
                    "Size of image data in bytes. Providing this can improve upload performance.",
                ),
        );
        parser.add(
            Arg::option(&["--progress"])
                .flag()
                .help("Show upload progress bar (ignored if passing data via stdin)"),
        );
        parser.add(image_positional("Image to upload data for (name or ID)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let filename = given(args, "filename").map(str::to_owned);
        let data = match &filename {
            Some(path) => Some(data::open_file(path)?),
            None => data::from_stdin(),
        };
        let size = given(args, "size").and_then(|s| s.trim().parse::<u64>().ok());
        if size.is_some() && data.is_none() {
            return Err(Error::command(
                "--size requires image data via --file or stdin",
            ));
        }
        let status = image.get("status").and_then(Json::as_str).unwrap_or("None");
        if status != "queued" {
            return Err(Error::command(format!(
                "Image stage is only possible for images in the queued state. Current state is {status}"
            )));
        }
        let id = sdk::id_of(&image);
        let Some(mut data) = data else {
            // openstacksdk sends the image's (empty) data attribute.
            let call = Call::new("image", Method::Put, format!("{}/stage", image_path(&id)))
                .raw("application/octet-stream", Vec::new());
            fail(call.send(ctx))?;
            fail(get_image(ctx, &id))?;
            return Ok(Output::ok());
        };
        let progress = args.flag("progress") && data.from_file;
        fail(stream_data(ctx, &id, "stage", &mut data, size, progress))?;
        fail(get_image(ctx, &id))?;
        Ok(Output::ok())
    }
}

/// `image import`.
pub struct ImportImage;

impl Command<ClientManager> for ImportImage {
    fn description(&self) -> &str {
        "Initiate the image import process.\nThis requires support for the interoperable image import process, \
         which was first introduced in Image API version 2.6 (Glance 16.0.0 (Queens))"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(image_positional(
            "Image to initiate import process for (name or ID)",
        ));
        parser.add(
            Arg::option(&["--method"])
                .metavar("<method>")
                .default("glance-direct")
                .dest("import_method")
                .choices(&["glance-direct", "web-download", "glance-download", "copy-image"])
                .help(
                    "Import method used for image import process. Not all deployments will support all methods. \
                     The 'glance-direct' method (default) requires images be first staged using the \
                     'image-stage' command.",
                ),
        );
        parser.add(Arg::option(&["--uri"]).metavar("<uri>").help(
            "URI to download the external image (only valid with the 'web-download' import method)",
        ));
        parser.add(
            Arg::option(&["--remote-image"])
                .metavar("<REMOTE_IMAGE>")
                .help(
                    "The image of remote glance (ID only) to be imported (only valid with the 'glance-download' \
                     import method)",
                ),
        );
        parser.add(
            Arg::option(&["--remote-region"])
                .metavar("<REMOTE_GLANCE_REGION>")
                .help(
                    "The remote Glance region to download the image from (only valid with the \
                     'glance-download' import method)",
                ),
        );
        parser.add(
            Arg::option(&["--remote-service-interface"])
                .metavar("<REMOTE_SERVICE_INTERFACE>")
                .help(
                    "The remote Glance service interface to use when importing images (only valid with the \
                     'glance-download' import method)",
                ),
        );
        let stores = parser.add_mutex(None, false);
        parser.add_to_mutex(
            stores,
            Arg::option(&["--store"])
                .metavar("<STORE>")
                .dest("stores")
                .nargs(Nargs::ZeroOrMore)
                .help(
                    "Backend store to upload image to (specify multiple times to upload to multiple stores) \
                     (either '--store' or '--all-stores' required with the 'copy-image' import method)",
                ),
        );
        parser.add_to_mutex(
            stores,
            Arg::option(&["--all-stores"]).flag().help(
                "Make image available to all stores (either '--store' or '--all-stores' required with the \
                 'copy-image' import method)",
            ),
        );
        let failure = parser.add_mutex(None, false);
        parser.add_to_mutex(
            failure,
            Arg::option(&["--allow-failure"])
                .action(Action::StoreTrue)
                .dest("allow_failure")
                .default(ArgValue::Bool(true))
                .help(
                    "When uploading to multiple stores, indicate that the import should be continue should any of \
                     the uploads fail. Only usable with --stores or --all-stores",
                ),
        );
        parser.add_to_mutex(
            failure,
            Arg::option(&["--disallow-failure"])
                .action(Action::StoreFalse)
                .dest("allow_failure")
                .default(ArgValue::Bool(true))
                .help(
                    "When uploading to multiple stores, indicate that the import should be reverted should any \
                     of the uploads fail. Only usable with --stores or --all-stores",
                ),
        );
        parser.add(
            Arg::option(&["--wait"])
                .flag()
                .help("Wait for operation to complete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let info = match Call::new("image", Method::Get, "/v2/info/import").json(ctx) {
            Ok(info) => info,
            Err(err) if err.is_not_found() => {
                return Err(Error::command(
                    "The Image Import feature is not supported by this deployment",
                ));
            }
            Err(err) => return Err(err.into()),
        };
        let methods: Vec<String> = info
            .pointer("/import-methods/value")
            .and_then(Json::as_array)
            .map(|m| {
                m.iter()
                    .filter_map(Json::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let method = args.str("import_method").unwrap_or("glance-direct");
        if !methods.iter().any(|m| m == method) {
            return Err(Error::command(format!(
                "The '{method}' import method is not supported by this deployment. Supported: {}",
                methods.join(", ")
            )));
        }
        let uri = given(args, "uri");
        if method == "web-download" {
            let Some(uri) = uri else {
                return Err(Error::command(
                    "The '--uri' option is required when using '--method=web-download'",
                ));
            };
            if !valid_url(uri) {
                return Err(Error::command(format!("'{uri}' is not a valid url")));
            }
        } else if uri.is_some() {
            return Err(Error::command(
                "The '--uri' option is only supported when using '--method=web-download'",
            ));
        }
        let remote_region = given(args, "remote_region");
        let remote_image = given(args, "remote_image");
        let remote_interface = given(args, "remote_service_interface");
        if method == "glance-download" {
            if remote_region.is_none() || remote_image.is_none() {
                return Err(Error::command(
                    "The '--remote-region' and '--remote-image' options are required when using \
                     '--method=web-download'",
                ));
            }
        } else {
            for (value, option) in [
                (remote_region, "--remote-region"),
                (remote_image, "--remote-image"),
                (remote_interface, "--remote-service-interface"),
            ] {
                if value.is_some() {
                    return Err(Error::command(format!(
                        "The '{option}' option is only supported when using '--method=glance-download'"
                    )));
                }
            }
        }
        let stores = args.strings("stores");
        let all_stores = args.flag("all_stores");
        if method == "copy-image" && stores.is_empty() && !all_stores {
            return Err(Error::command(
                "The '--stores' or '--all-stores' options are required when using '--method=copy-image'",
            ));
        }
        let image = fail(find_image(ctx, args.str("image").unwrap_or("")))?;
        let text = |key: &str| {
            image
                .get(key)
                .and_then(Json::as_str)
                .filter(|s| !s.is_empty())
        };
        if text("container_format").is_none() && text("disk_format").is_none() {
            return Err(Error::command(
                "The 'container_format' and 'disk_format' properties must be set on an image before it can be \
                 imported",
            ));
        }
        let status = text("status").unwrap_or("");
        let needed = match method {
            "glance-direct" => Some("uploading"),
            "web-download" => Some("queued"),
            "copy-image" => Some("active"),
            _ => None,
        };
        if let Some(needed) = needed {
            if status != needed {
                return Err(Error::command(format!(
                    "The '{method}' import method can only be used with an image in status '{needed}'"
                )));
            }
        }
        if text("container_format").is_none() || text("disk_format").is_none() {
            return Err(Error::command(
                "Both container_format and disk_format are required for importing an image",
            ));
        }
        let mut method_body = Map::new();
        method_body.insert("name".to_owned(), Json::from(method));
        if let Some(uri) = uri {
            method_body.insert("uri".to_owned(), Json::from(uri));
        }
        if let (Some(region), Some(remote), Some(interface)) =
            (remote_region, remote_image, remote_interface)
        {
            method_body.insert("glance_service_interface".to_owned(), Json::from(interface));
            method_body.insert("glance_region".to_owned(), Json::from(region));
            method_body.insert("glance_image_id".to_owned(), Json::from(remote));
        }
        let mut body = Map::new();
        body.insert("method".to_owned(), Json::Object(method_body));
        body.insert("all_stores".to_owned(), Json::Bool(all_stores));
        body.insert(
            "all_stores_must_succeed".to_owned(),
            Json::Bool(!args.flag("allow_failure")),
        );
        if !stores.is_empty() {
            body.insert("stores".to_owned(), Json::from(stores));
        }
        let id = sdk::id_of(&image);
        fail(
            Call::new("image", Method::Post, format!("{}/import", image_path(&id)))
                .body(Json::Object(body))
                .send(ctx),
        )?;
        Ok(format_image(&image, false))
    }
}

/// `urlparse(uri)` has a scheme and a network location.
fn valid_url(uri: &str) -> bool {
    match uri.split_once("://") {
        Some((scheme, rest)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !rest.split(['/', '?', '#']).next().unwrap_or("").is_empty()
        }
        None => false,
    }
}

/// `image import info`.
pub struct ImportInfo;

impl Command<ClientManager> for ImportInfo {
    fn description(&self) -> &str {
        "Show available import methods"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let info = fail(Call::new("image", Method::Get, "/v2/info/import").json(ctx))?;
        let methods = info
            .pointer("/import-methods/value")
            .map_or(Value::List(Vec::new()), Value::from_json);
        Ok(Output::show(vec![(
            "import-methods".to_owned(),
            list_column(methods),
        )]))
    }
}
