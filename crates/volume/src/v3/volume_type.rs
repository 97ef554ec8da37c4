//! `volume type create|volume type delete|volume type list|volume type set|volume type show|volume type unset` (OSC `volume/v3/volume_type.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use cliff::{ArgValue, Value};
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::{TYPE, TYPE_ENCRYPTION};
use openstack_sdk::{Failure, Res};

/// `volume type create`.
pub struct CreateVolumeType;

impl Command<ClientManager> for CreateVolumeType {
    fn description(&self) -> &str {
        "Create new volume type"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Volume type name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Volume type description"),
        );
        common::add_flag_pair(
            parser,
            "is_public",
            ("--public", "Volume type is accessible to the public"),
            ("--private", "Volume type is not accessible to the public"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help(
                    "Set a property on this volume type (repeat option to set multiple properties)",
                ),
        );
        parser.add(Arg::option(&["--multiattach"]).flag().help("Enable multi-attach for this volume type (this is an alias for '--property multiattach=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--cacheable"]).flag().help("Enable caching for this volume type (this is an alias for '--property cacheable=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--replicated"]).flag().help("Enabled replication for this volume type (this is an alias for '--property replication_enabled=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--availability-zone"]).dest("availability_zones").append().help("Set an availability zone for this volume type (this is an alias for '--property RESKEY:availability_zones:<az>') (repeat option to set multiple availability zones)"));
        parser.add(Arg::option(&["--project"]).metavar("<project>").help("Allow <project> to access private type (name or ID) (must be used with --private option)"));
        identity::common::add_project_domain_option(parser);
        parser.add(Arg::option(&["--encryption-provider"]).metavar("<provider>").help("Set the encryption provider format for this volume type (e.g \"luks\" or \"plain\") (admin only) (this option is required when setting encryption type of a volume; consider using other encryption options such as: \"--encryption-cipher\", \"--encryption-key-size\" and \"--encryption-control-location\")"));
        parser.add(Arg::option(&["--encryption-cipher"]).metavar("<cipher>").help("Set the encryption algorithm or mode for this volume type (e.g \"aes-xts-plain64\") (admin only)"));
        parser.add(Arg::option(&["--encryption-key-size"]).int().metavar("<key-size>").help("Set the size of the encryption key of this volume type (e.g \"128\" or \"256\") (admin only)"));
        parser.add(Arg::option(&["--encryption-control-location"]).choices(&["front-end", "back-end"]).metavar("<control-location>").help("Set the notional service where the encryption is performed (\"front-end\" or \"back-end\") (admin only) (The default value for this option is \"front-end\" when setting encryption type of a volume. Consider using other encryption options such as: \"--encryption-cipher\", \"--encryption-key-size\" and \"--encryption-provider\")"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_volume_type(ctx, args)
    }
}

/// `volume type delete`.
pub struct DeleteVolumeType;

impl Command<ClientManager> for DeleteVolumeType {
    fn description(&self) -> &str {
        "Delete volume type(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_types")
                .nargs(Nargs::OneOrMore)
                .metavar("<volume-type>")
                .help("Volume type(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_volume_type(ctx, args)
    }
}

/// `volume type list`.
pub struct ListVolumeType;

impl Command<ClientManager> for ListVolumeType {
    fn description(&self) -> &str {
        "List volume types"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--default"])
                .flag()
                .help("List the default volume type"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--public"])
                .dest("is_public")
                .action(Action::StoreTrue)
                .default("none")
                .help("List only public types"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--private"])
                .dest("is_public")
                .action(Action::StoreFalse)
                .default("none")
                .help("List only private types (admin only)"),
        );
        parser.add(
            Arg::option(&["--encryption-type"])
                .flag()
                .help("Display encryption information for each volume type (admin only)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Filter by a property on the volume types (repeat option to filter by multiple properties) (admin only except for user-visible extra specs) (supported by --os-volume-api-version 3.52 or above)"));
        parser.add(Arg::option(&["--multiattach"]).flag().help("List only volume types with multi-attach enabled (this is an alias for '--property multiattach=<is> True') (supported by --os-volume-api-version 3.52 or above)"));
        parser.add(Arg::option(&["--cacheable"]).flag().help("List only volume types with caching enabled (this is an alias for '--property cacheable=<is> True') (admin only) (supported by --os-volume-api-version 3.52 or above)"));
        parser.add(Arg::option(&["--replicated"]).flag().help("List only volume types with replication enabled (this is an alias for '--property replication_enabled=<is> True') (supported by --os-volume-api-version 3.52 or above)"));
        parser.add(Arg::option(&["--availability-zone"]).dest("availability_zones").append().help("List only volume types with this availability configured (this is an alias for '--property RESKEY:availability_zones:<az>') (repeat option to filter on multiple availability zones)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_volume_type(ctx, args)
    }
}

/// `volume type set`.
pub struct SetVolumeType;

impl Command<ClientManager> for SetVolumeType {
    fn description(&self) -> &str {
        "Set volume type properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_type")
                .metavar("<volume-type>")
                .help("Volume type to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set volume type name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Set volume type description"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help(
                    "Set a property on this volume type (repeat option to set multiple properties)",
                ),
        );
        parser.add(Arg::option(&["--multiattach"]).flag().help("Enable multi-attach for this volume type (this is an alias for '--property multiattach=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--cacheable"]).flag().help("Enable caching for this volume type (this is an alias for '--property cacheable=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--replicated"]).flag().help("Enabled replication for this volume type (this is an alias for '--property replication_enabled=<is> True') (requires driver support)"));
        parser.add(Arg::option(&["--availability-zone"]).dest("availability_zones").append().help("Set an availability zone for this volume type (this is an alias for '--property RESKEY:availability_zones:<az>') (repeat option to set multiple availability zones)"));
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Set volume type access to project (name or ID) (admin only)"),
        );
        common::add_flag_pair(
            parser,
            "is_public",
            ("--public", "Volume type is accessible to the public"),
            ("--private", "Volume type is not accessible to the public"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(Arg::option(&["--encryption-provider"]).metavar("<provider>").help("Set the encryption provider format for this volume type (e.g \"luks\" or \"plain\") (admin only) (This option is required when setting encryption type of a volume for the first time. Consider using other encryption options such as: \"--encryption-cipher\", \"--encryption-key-size\" and \"--encryption-control-location\")"));
        parser.add(Arg::option(&["--encryption-cipher"]).metavar("<cipher>").help("Set the encryption algorithm or mode for this volume type (e.g \"aes-xts-plain64\") (admin only)"));
        parser.add(Arg::option(&["--encryption-key-size"]).int().metavar("<key-size>").help("Set the size of the encryption key of this volume type (e.g \"128\" or \"256\") (admin only)"));
        parser.add(Arg::option(&["--encryption-control-location"]).choices(&["front-end", "back-end"]).metavar("<control-location>").help("Set the notional service where the encryption is performed (\"front-end\" or \"back-end\") (admin only) (The default value for this option is \"front-end\" when setting encryption type of a volume for the first time. Consider using other encryption options such as: \"--encryption-cipher\", \"--encryption-key-size\" and \"--encryption-provider\")"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_volume_type(ctx, args)
    }
}

/// `volume type show`.
pub struct ShowVolumeType;

impl Command<ClientManager> for ShowVolumeType {
    fn description(&self) -> &str {
        "Display volume type details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_type")
                .metavar("<volume-type>")
                .help("Volume type to display (name or ID)"),
        );
        parser.add(
            Arg::option(&["--encryption-type"])
                .flag()
                .help("Display encryption information of this volume type (admin only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_volume_type(ctx, args)
    }
}

/// `volume type unset`.
pub struct UnsetVolumeType;

impl Command<ClientManager> for UnsetVolumeType {
    fn description(&self) -> &str {
        "Unset volume type properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume_type")
                .metavar("<volume-type>")
                .help("Volume type to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().metavar("<key>").help("Remove a property from this volume type (repeat option to remove multiple properties)"));
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Removes volume type access to project (name or ID) (admin only)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--encryption-type"])
                .flag()
                .help("Remove the encryption type for this volume type (admin only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unset_volume_type(ctx, args)
    }
}

const TYPE_RENAMES: [(&str, &str); 1] = [("os-volume-type-access:is_public", "is_public")];

/// `_format_type`: `to_dict()` less `location`, `extra_specs` as `properties`.
fn format_type(volume_type: &Json) -> Vec<(String, Json)> {
    let mut pairs: Vec<(String, Json)> = api::to_dict_as(&TYPE, volume_type, &TYPE_RENAMES)
        .into_iter()
        .filter(|(k, _)| k != "location" && k != "extra_specs")
        .map(|(k, v)| {
            if k == "is_public" {
                (k, is_public(volume_type).clone())
            } else {
                (k, v)
            }
        })
        .collect();
    pairs.push((
        "properties".into(),
        volume_type
            .get("extra_specs")
            .cloned()
            .unwrap_or(Json::Null),
    ));
    pairs
}

/// `_format_encryption`: `to_dict()` less bookkeeping columns and unset values.
fn format_encryption(encryption: &Json) -> Json {
    const IGNORED: [&str; 8] = [
        "id",
        "location",
        "name",
        "deleted",
        "created_at",
        "updated_at",
        "deleted_at",
        "volume_type_id",
    ];
    Json::Object(
        api::to_dict(&TYPE_ENCRYPTION, encryption)
            .into_iter()
            .filter(|(k, v)| !IGNORED.contains(&k.as_str()) && !v.is_null())
            .collect(),
    )
}

fn show_type_pairs(pairs: Vec<(String, Json)>) -> Output {
    common::show_sorted(pairs, |key, value| match key {
        "properties" | "encryption" => common::dict_col(value),
        "access_project_ids" if !value.is_null() => common::list_col(value),
        _ => common::val(value),
    })
}

/// `find_type(name_or_id, ignore_missing=False)`.
pub fn find_type(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    api::find_in(
        ctx,
        &TYPE,
        "/types",
        name_or_id,
        &[("is_public", Some("none".to_owned()))],
    )
}

/// `is_public`: the access extension's key, or the plain one (`GET /types/default` has only that).
fn is_public(item: &Json) -> &Json {
    item.get("os-volume-type-access:is_public")
        .or_else(|| item.get("is_public"))
        .unwrap_or(&Json::Null)
}

fn type_path(id: &str, rest: &str) -> String {
    format!("{}{rest}", openstack_sdk::item_path("/types", id))
}

/// The extra specs the options ask for (`--property`, `--multiattach`, `--cacheable`, `--replicated`,
/// `--availability-zone`).
fn extra_specs(args: &Args) -> Result<Map<String, Json>> {
    let mut properties = common::key_values_json(args, "properties", "--property")?;
    for (dest, key) in [
        ("multiattach", "multiattach"),
        ("cacheable", "cacheable"),
        ("replicated", "replication_enabled"),
    ] {
        if args.flag(dest) {
            properties.insert(key.into(), Json::from("<is> True"));
        }
    }
    let zones = args.strings("availability_zones");
    if !zones.is_empty() {
        properties.insert(
            "RESKEY:availability_zones".into(),
            Json::from(zones.join(",")),
        );
    }
    Ok(properties)
}

fn update_extra_specs(ctx: &mut ClientManager, id: &str, specs: Map<String, Json>) -> Res<Json> {
    let answer = api::call(ctx, &TYPE, Method::Post, &type_path(id, "/extra_specs"))?
        .body(json!({"extra_specs": specs}))
        .json(ctx)?;
    Ok(answer.get("extra_specs").cloned().unwrap_or(Json::Null))
}

fn type_access(ctx: &mut ClientManager, id: &str, action: &str, project: &str) -> Res<()> {
    api::action(ctx, &TYPE, id, action, json!({"project": project})).map(|_| ())
}

fn project_id(ctx: &mut ClientManager, args: &Args) -> Res<String> {
    identity::common::find_project_id_sdk(
        ctx,
        common::arg(args, "project"),
        args.str("project_domain"),
        true,
        None,
    )
}

fn wants_encryption(args: &Args) -> bool {
    [
        "encryption_provider",
        "encryption_cipher",
        "encryption_control_location",
    ]
    .iter()
    .any(|d| args.str(d).is_some_and(|s| !s.is_empty()))
        || args.int("encryption_key_size").is_some_and(|k| k != 0)
}

/// `_create_encryption_type`.
fn create_encryption(ctx: &mut ClientManager, type_id: &str, args: &Args) -> Res<Json> {
    let Some(provider) = args.str("encryption_provider").filter(|s| !s.is_empty()) else {
        return Err(Failure::command(
            "'--encryption-provider' should be specified while creating a new encryption type",
        ));
    };
    let control = args
        .str("encryption_control_location")
        .filter(|s| !s.is_empty())
        .unwrap_or("front-end");
    let body = json!({"encryption": {
        "provider": provider,
        "cipher": args.str("encryption_cipher"),
        "key_size": args.int("encryption_key_size"),
        "control_location": control,
    }});
    let answer = api::call(
        ctx,
        &TYPE_ENCRYPTION,
        Method::Post,
        &type_path(type_id, "/encryption"),
    )?
    .body(body)
    .json(ctx)?;
    Ok(TYPE_ENCRYPTION.sdk.unwrap_body(answer))
}

fn get_encryption(ctx: &mut ClientManager, type_id: &str) -> Res<Json> {
    let answer = api::call(
        ctx,
        &TYPE_ENCRYPTION,
        Method::Get,
        &type_path(type_id, "/encryption"),
    )?
    .json(ctx)?;
    Ok(TYPE_ENCRYPTION.sdk.unwrap_body(answer))
}

fn create_volume_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let is_public = match args.get("is_public") {
        ArgValue::Bool(b) => Some(*b),
        _ => None,
    };
    if args.str("project").is_some_and(|s| !s.is_empty()) && is_public != Some(false) {
        return common::command_error("--project is only allowed with --private");
    }
    let mut attrs = Map::new();
    attrs.insert("name".into(), Json::from(common::arg(args, "name")));
    attrs.insert(
        "description".into(),
        args.str("description").map_or(Json::Null, Json::from),
    );
    if let Some(public) = is_public {
        attrs.insert("os-volume-type-access:is_public".into(), Json::Bool(public));
    }
    let volume_type = fail(api::create(ctx, &TYPE, "/types", attrs))?;
    let id = common::id(&volume_type);
    let mut info = format_type(&volume_type);
    if args.str("project").is_some_and(|s| !s.is_empty()) {
        if let Err(e) =
            project_id(ctx, args).and_then(|p| type_access(ctx, &id, "addProjectAccess", &p))
        {
            log::error!(
                "Failed to add project {} access to type: {e}",
                common::arg(args, "project")
            );
        }
    }
    let specs = extra_specs(args)?;
    if !specs.is_empty() {
        let result = fail(update_extra_specs(ctx, &id, specs))?;
        info.retain(|(k, _)| k != "properties");
        info.push(("properties".into(), result));
    }
    if wants_encryption(args) {
        match create_encryption(ctx, &id, args) {
            Ok(encryption) => info.push(("encryption".into(), format_encryption(&encryption))),
            Err(e) => {
                log::error!("Failed to set encryption information for this volume type: {e}");
                // OSC then formats an unbound `encryption`: the command fails with Python's NameError text.
                return common::command_error("cannot access local variable 'encryption' where it is not associated with a value");
            }
        }
    }
    Ok(show_type_pairs(info))
}

fn delete_volume_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("volume_types"),
        |ctx, name| {
            let id = common::id(&find_type(ctx, name)?);
            api::delete(ctx, &TYPE, &type_path(&id, ""), true)
        },
        |item, err| format!("Failed to delete volume type with name or ID '{item}': {err}"),
        |errors, total| format!("{errors} of {total} volume types failed to delete."),
    )
}

fn list_volume_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let long = args.flag("long");
    let data = if args.flag("default") {
        vec![fail(api::get(ctx, &TYPE, "/types", "default"))?]
    } else {
        let properties = extra_specs(args)?;
        if !properties.is_empty() && !fail(api::supports(ctx, "3.52"))? {
            return common::command_error(
                "--os-volume-api-version 3.52 or greater is required to use the '--property' option or any of the \
                 alias options",
            );
        }
        let is_public = match args.get("is_public") {
            ArgValue::Bool(b) => openstack_sdk::py_bool(*b),
            ArgValue::Str(s) => s.clone(),
            _ => "None".to_owned(),
        };
        fail(api::list(
            ctx,
            &TYPE,
            "/types",
            &[("is_public", Some(is_public))],
            None,
        ))?
    };
    let mut columns = vec!["ID", "Name", "Is Public"];
    if long {
        columns.extend(["Description", "Properties"]);
    }
    let mut encryption: Vec<(String, Json)> = Vec::new();
    if args.flag("encryption_type") {
        for item in &data {
            let id = common::id(item);
            let found = fail(get_encryption(ctx, &id))?;
            encryption.push((id, format_encryption(&found)));
        }
        columns.push("Encryption");
    }
    let rows = data
        .iter()
        .map(|t| {
            let mut row = vec![
                common::field(t, "id"),
                common::field(t, "name"),
                common::val(is_public(t)),
            ];
            if long {
                row.push(common::field(t, "description"));
                row.push(common::dict_col(
                    t.get("extra_specs").unwrap_or(&Json::Null),
                ));
            }
            if args.flag("encryption_type") {
                let id = common::id(t);
                let info = encryption
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map(|(_, e)| e.clone());
                let human = match &info {
                    Some(Json::Object(m)) if !m.is_empty() => osc_lib::utils::format_dict(
                        match common::val(&Json::Object(m.clone())) {
                            Value::Dict(pairs) => Some(pairs),
                            _ => None,
                        }
                        .as_deref(),
                    )
                    .unwrap_or_default(),
                    _ => "-".to_owned(),
                };
                row.push(Value::Column {
                    human,
                    machine: Box::new(info.as_ref().map_or(Value::Null, common::val)),
                });
            }
            row
        })
        .collect();
    Ok(common::list(&columns, rows))
}

/// `_set_encryption_type`: update the type's encryption, or create one when it has none.
fn set_encryption(ctx: &mut ClientManager, type_id: &str, args: &Args) -> Res<()> {
    let current = get_encryption(ctx, type_id)?;
    let encryption_id = current
        .get("encryption_id")
        .and_then(Json::as_str)
        .map(str::to_owned);
    if let Some(encryption_id) = encryption_id {
        let mut changes = Map::new();
        for attr in ["provider", "cipher", "control_location"] {
            if let Some(v) = args.str(&format!("encryption_{attr}")) {
                changes.insert(attr.into(), Json::from(v));
            }
        }
        if let Some(size) = args.int("encryption_key_size") {
            changes.insert("key_size".into(), Json::from(size));
        }
        let path = format!(
            "{}/{}",
            type_path(type_id, "/encryption"),
            openstack_sdk::quote_path(&encryption_id)
        );
        api::update(ctx, &TYPE_ENCRYPTION, &path, changes)?;
        return Ok(());
    }
    if args.str("encryption_provider").is_none_or(str::is_empty) {
        return Err(Failure::command(
            "'--encryption-provider' should be specified while creating a new encryption type",
        ));
    }
    log::warn!(
        "No existing encryption type found, creating new encryption type for this volume type ..."
    );
    create_encryption(ctx, type_id, args).map(|_| ())
}

fn set_volume_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume_type = fail(find_type(ctx, common::arg(args, "volume_type")))?;
    let id = common::id(&volume_type);
    let mut result = 0;
    let mut changes = Map::new();
    for dest in ["name", "description"] {
        if let Some(value) = args.str(dest).filter(|s| !s.is_empty()) {
            changes.insert(dest.into(), Json::from(value));
        }
    }
    if let ArgValue::Bool(public) = args.get("is_public") {
        changes.insert(
            "os-volume-type-access:is_public".into(),
            Json::Bool(*public),
        );
    }
    if !changes.is_empty() {
        common::step(
            &mut result,
            "Failed to update volume type name or description",
            api::update(ctx, &TYPE, &type_path(&id, ""), changes),
        );
    }
    let specs = extra_specs(args)?;
    if !specs.is_empty() {
        common::step(
            &mut result,
            "Failed to set volume type properties",
            update_extra_specs(ctx, &id, specs),
        );
    }
    if args.str("project").is_some_and(|s| !s.is_empty()) {
        if let Err(e) =
            project_id(ctx, args).and_then(|p| type_access(ctx, &id, "addProjectAccess", &p))
        {
            log::error!("Failed to set volume type access to project: {e}");
            result += 1;
        }
    }
    if wants_encryption(args) {
        common::step(
            &mut result,
            "Failed to set encryption information for this volume type",
            set_encryption(ctx, &id, args),
        );
    }
    if result > 0 {
        return common::command_error("Command Failed: One or more of the operations failed");
    }
    Ok(Output::ok())
}

fn show_volume_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume_type = fail(find_type(ctx, common::arg(args, "volume_type")))?;
    let id = common::id(&volume_type);
    let mut info = format_type(&volume_type);
    let mut access = Json::Null;
    if !openstack_sdk::truthy(is_public(&volume_type)) {
        let answer = api::call(
            ctx,
            &TYPE,
            Method::Get,
            &type_path(&id, "/os-volume-type-access"),
        )
        .and_then(|c| c.json(ctx));
        match answer {
            Ok(body) => {
                let ids = body
                    .get("volume_type_access")
                    .and_then(Json::as_array)
                    .map(|items| {
                        items
                            .iter()
                            .map(|i| i.get("project_id").cloned().unwrap_or(Json::Null))
                            .collect()
                    })
                    .unwrap_or_default();
                access = Json::Array(ids);
            }
            Err(e) => log::error!("Failed to get access project list for volume type {id}: {e}"),
        }
    }
    info.push(("access_project_ids".into(), access));
    if args.flag("encryption_type") {
        match get_encryption(ctx, &id) {
            Ok(encryption) => info.push(("encryption".into(), format_encryption(&encryption))),
            Err(e) => {
                log::error!("Failed to display the encryption information of this volume type: {e}")
            }
        }
    }
    Ok(show_type_pairs(info))
}

fn unset_volume_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume_type = fail(find_type(ctx, common::arg(args, "volume_type")))?;
    let id = common::id(&volume_type);
    let mut result = 0;
    let properties = args.strings("properties");
    if !properties.is_empty() {
        let done: Res<()> = properties.iter().try_for_each(|key| {
            let path = format!(
                "{}/{}",
                type_path(&id, "/extra_specs"),
                openstack_sdk::quote_path(key)
            );
            api::call(ctx, &TYPE, Method::Delete, &path)?
                .send(ctx)
                .map(|_| ())
        });
        common::step(&mut result, "Failed to unset volume type properties", done);
    }
    if args.str("project").is_some_and(|s| !s.is_empty()) {
        if let Err(e) =
            project_id(ctx, args).and_then(|p| type_access(ctx, &id, "removeProjectAccess", &p))
        {
            log::error!("Failed to remove volume type access from project: {e}");
            result += 1;
        }
    }
    if args.flag("encryption_type") {
        let done = get_encryption(ctx, &id).and_then(|e| {
            let encryption_id = e
                .get("encryption_id")
                .map(openstack_sdk::json_text)
                .unwrap_or_default();
            let path = format!(
                "{}/{}",
                type_path(&id, "/encryption"),
                openstack_sdk::quote_path(&encryption_id)
            );
            api::delete(ctx, &TYPE_ENCRYPTION, &path, false)
        });
        common::step(
            &mut result,
            "Failed to remove the encryption type for this volume type",
            done,
        );
    }
    if result > 0 {
        return common::command_error("Command Failed: One or more of the operations failed");
    }
    Ok(Output::ok())
}
