//! `volume group type create|volume group type delete|volume group type list|volume group type set|volume group type show` (OSC `volume/v3/volume_group_type.py`).

use cliff::argparse::Action;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use cliff::{ArgValue, Value};
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::GROUP_TYPE;
use openstack_sdk::Res;

/// `volume group type create`.
pub struct CreateVolumeGroupType;

impl Command<ClientManager> for CreateVolumeGroupType {
    fn description(&self) -> &str {
        "Create a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of new volume group type."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Description of the volume group type."),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--public"])
                .dest("is_public")
                .action(Action::StoreTrue)
                .default(true)
                .help("Volume group type is available to other projects (default)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--private"])
                .dest("is_public")
                .action(Action::StoreFalse)
                .help("Volume group type is not available to other projects"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_volume_group_type(ctx, args)
    }
}

/// `volume group type delete`.
pub struct DeleteVolumeGroupType;

impl Command<ClientManager> for DeleteVolumeGroupType {
    fn description(&self) -> &str {
        "Delete a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group_type")
                .metavar("<group_type>")
                .help("Name or ID of volume group type to delete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_volume_group_type(ctx, args)
    }
}

/// `volume group type list`.
pub struct ListVolumeGroupType;

impl Command<ClientManager> for ListVolumeGroupType {
    fn description(&self) -> &str {
        "Lists all volume group types.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--default"])
                .dest("show_default")
                .flag()
                .help("List the default volume group type."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_volume_group_type(ctx, args)
    }
}

/// `volume group type set`.
pub struct SetVolumeGroupType;

impl Command<ClientManager> for SetVolumeGroupType {
    fn description(&self) -> &str {
        "Update a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group_type")
                .metavar("<group_type>")
                .help("Name or ID of volume group type."),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New name for volume group type."),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New description for volume group type."),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--public"])
                .dest("is_public")
                .action(Action::StoreTrue)
                .default_none()
                .help("Make volume group type available to other projects."),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--private"])
                .dest("is_public")
                .action(Action::StoreFalse)
                .help("Make volume group type unavailable to other projects."),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from this volume group type (specify both --no-property and --property to remove the current properties before setting new properties)"));
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Property to add or modify for this volume group type (repeat option to set multiple properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_volume_group_type(ctx, args)
    }
}

/// `volume group type show`.
pub struct ShowVolumeGroupType;

impl Command<ClientManager> for ShowVolumeGroupType {
    fn description(&self) -> &str {
        "Show detailed information for a volume group type.\n\nThis command requires ``--os-volume-api-version`` 3.11 or greater."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("group_type")
                .metavar("<group_type>")
                .help("Name or ID of volume group type."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_volume_group_type(ctx, args)
    }
}

/// `_format_group_type`.
fn format_group_type(group_type: &Json) -> Output {
    let columns = [
        ("id", "ID"),
        ("name", "Name"),
        ("description", "Description"),
        ("is_public", "Is Public"),
        ("group_specs", "Properties"),
    ];
    common::show(
        columns
            .iter()
            .map(|(k, h)| {
                let value = group_type.get(*k).unwrap_or(&Json::Null);
                let value = if *k == "group_specs" {
                    common::dict_col(value)
                } else {
                    common::val(value)
                };
                ((*h).to_owned(), value)
            })
            .collect(),
    )
}

/// `find_group_type(name_or_id, ignore_missing=False)`.
pub fn find_group_type(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    // The proxy's find asks for public and private types alike.
    let params = [("is_public", Some("none".to_owned()))];
    api::find_in(ctx, &GROUP_TYPE, "/group_types", name_or_id, &params)
}

fn type_path(id: &str, rest: &str) -> String {
    format!("{}{rest}", openstack_sdk::item_path("/group_types", id))
}

fn delete_spec(ctx: &mut ClientManager, id: &str, key: &str) -> Res<()> {
    let path = format!(
        "{}/{}",
        type_path(id, "/group_specs"),
        openstack_sdk::quote_path(key)
    );
    api::call(ctx, &GROUP_TYPE, Method::Delete, &path)?
        .send(ctx)
        .map(|_| ())
}

fn is_public(args: &Args) -> Option<bool> {
    match args.get("is_public") {
        ArgValue::Bool(b) => Some(*b),
        _ => None,
    }
}

fn create_volume_group_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.11",
        "'volume group type create' command",
    ))?;
    let mut attrs = Map::new();
    attrs.insert("name".into(), Json::from(common::arg(args, "name")));
    attrs.insert(
        "description".into(),
        args.str("description").map_or(Json::Null, Json::from),
    );
    attrs.insert(
        "is_public".into(),
        is_public(args).map_or(Json::Null, Json::Bool),
    );
    let group_type = fail(api::create(ctx, &GROUP_TYPE, "/group_types", attrs))?;
    Ok(format_group_type(&group_type))
}

fn delete_volume_group_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.11",
        "'volume group type delete' command",
    ))?;
    let group_type = fail(find_group_type(ctx, common::arg(args, "group_type")))?;
    fail(api::delete(
        ctx,
        &GROUP_TYPE,
        &type_path(&common::id(&group_type), ""),
        true,
    ))?;
    Ok(Output::ok())
}

fn set_volume_group_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.11", "'volume group type set' command"))?;
    let given = common::arg(args, "group_type");
    let mut group_type = fail(find_group_type(ctx, given))?;
    let id = common::id(&group_type);
    let mut errors = 0;
    let mut changes = Map::new();
    for dest in ["name", "description"] {
        if let Some(value) = args.str(dest) {
            changes.insert(dest.into(), Json::from(value));
        }
    }
    if let Some(public) = is_public(args) {
        changes.insert("is_public".into(), Json::Bool(public));
    }
    if !changes.is_empty() {
        match api::update(ctx, &GROUP_TYPE, &type_path(&id, ""), changes) {
            Ok(Some(updated)) => group_type = updated,
            Ok(None) => {}
            Err(e) => {
                log::error!("Failed to update group type: {e}");
                errors += 1;
            }
        }
    }
    if args.flag("no_property") {
        let keys: Vec<String> = group_type
            .get("group_specs")
            .and_then(Json::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        common::step(
            &mut errors,
            "Failed to clear group type properties",
            keys.iter().try_for_each(|k| delete_spec(ctx, &id, k)),
        );
    }
    let properties = common::key_values_json(args, "properties", "--property")?;
    if !properties.is_empty() {
        let done = api::call(
            ctx,
            &GROUP_TYPE,
            Method::Post,
            &type_path(&id, "/group_specs"),
        )
        .and_then(|c| c.body(json!({"group_specs": properties})).send(ctx));
        common::step(&mut errors, "Failed to set group type properties", done);
    }
    if errors > 0 {
        return common::command_error("Command Failed: One or more of the operations failed");
    }
    let group_type = fail(find_group_type(ctx, given))?;
    Ok(format_group_type(&group_type))
}

fn list_volume_group_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.11",
        "'volume group type list' command",
    ))?;
    let data = if args.flag("show_default") {
        vec![fail(api::get(ctx, &GROUP_TYPE, "/group_types", "default"))?]
    } else {
        fail(api::list(ctx, &GROUP_TYPE, "/group_types", &[], None))?
    };
    let rows: Vec<Vec<Value>> = data
        .iter()
        .map(|t| {
            vec![
                common::field(t, "id"),
                common::field(t, "name"),
                common::field(t, "is_public"),
                common::dict_col(t.get("group_specs").unwrap_or(&Json::Null)),
            ]
        })
        .collect();
    Ok(common::list(
        &["ID", "Name", "Is Public", "Group Specs"],
        rows,
    ))
}

fn show_volume_group_type(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.11",
        "'volume group type show' command",
    ))?;
    let group_type = fail(find_group_type(ctx, common::arg(args, "group_type")))?;
    Ok(format_group_type(&group_type))
}
