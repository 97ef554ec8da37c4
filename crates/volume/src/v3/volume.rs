//! `volume create|volume delete|volume list|volume migrate|volume revert|volume set|volume show|volume summary|volume unset` (OSC `volume/v3/volume.py`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::{parseractions, ClientManager};

use cliff::{ArgValue, Value};
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::{BACKUP, SNAPSHOT, SUMMARY, TYPE, VOLUME};
use openstack_sdk::wait::{self, Outcome, Wait};
use openstack_sdk::{Failure, Param, Res};

/// `volume create`.
pub struct CreateVolume;

impl Command<ClientManager> for CreateVolume {
    fn description(&self) -> &str {
        "Create new volume"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .nargs(Nargs::Optional)
                .metavar("<name>")
                .help("Volume name"),
        );
        parser.add(
            Arg::option(&["--size"])
                .int()
                .metavar("<size>")
                .help("Volume size in GB (required unless --snapshot or --source specified)"),
        );
        parser.add(
            Arg::option(&["--type"])
                .metavar("<volume-type>")
                .help("Set the type of volume"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--image"])
                .metavar("<image>")
                .help("Use <image> as source of volume (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--snapshot"])
                .metavar("<snapshot>")
                .help("Use <snapshot> as source of volume (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--source"])
                .metavar("<volume>")
                .help("Volume to clone (name or ID)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--source-replicated"])
                .metavar("<replicated-volume>")
                .hidden(),
        );
        parser.add_to_mutex(m0, Arg::option(&["--backup"]).metavar("<backup>").help("Restore backup to a volume (name or ID) (supported by --os-volume-api-version 3.47 or later)"));
        parser.add_to_mutex(m0, Arg::option(&["--remote-source"]).append().check(parseractions::key_value_check).metavar("<key=value>").help("The attribute(s) of the existing remote volume (admin required) (repeat option to specify multiple attributes, e.g.: '--remote-source source-name=test_name --remote-source source-id=test_id')"));
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("Volume description"),
        );
        parser.add(
            Arg::option(&["--availability-zone"])
                .metavar("<availability-zone>")
                .help("Create volume in <availability-zone>"),
        );
        parser.add(
            Arg::option(&["--consistency-group"])
                .metavar("consistency-group>")
                .help("Consistency group where the new volume belongs to"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help("Set a property to this volume (repeat option to set multiple properties)"),
        );
        parser.add(Arg::option(&["--hint"]).append().check(parseractions::key_value_check).metavar("<key=value>").help("Arbitrary scheduler hint key-value pairs to help creating a volume. Repeat the option to set multiple hints. 'same_host' and 'different_host' get values appended when repeated, all other keys take the last given value"));
        common::add_flag_pair(
            parser,
            "bootable",
            ("--bootable", "Mark volume as bootable"),
            ("--non-bootable", "Mark volume as non-bootable (default)"),
        );
        common::add_flag_pair(
            parser,
            "read_only",
            ("--read-only", "Set volume to read-only access mode"),
            (
                "--read-write",
                "Set volume to read-write access mode (default)",
            ),
        );
        parser.add(Arg::option(&["--host"]).metavar("<host>").help("Cinder host on which the existing volume resides; takes the form: host@backend-name#pool. This is only used along with the --remote-source option."));
        parser.add(Arg::option(&["--cluster"]).metavar("<cluster>").help("Cinder cluster on which the existing volume resides; takes the form: cluster@backend-name#pool. This is only used along with the --remote-source option. (supported by --os-volume-api-version 3.16 or above)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_volume(ctx, args)
    }
}

/// `volume delete`.
pub struct DeleteVolume;

impl Command<ClientManager> for DeleteVolume {
    fn description(&self) -> &str {
        "Delete volume(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volumes")
                .nargs(Nargs::OneOrMore)
                .metavar("<volume>")
                .help("Volume(s) to delete (name or ID)"),
        );
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--force"]).flag().help(
                "Attempt forced removal of volume(s), regardless of state (defaults to False)",
            ),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--cascade"])
                .flag()
                .help("Remove any snapshots along with volume(s) (defaults to False)"),
        );
        parser.add_to_mutex(
            m0,
            Arg::option(&["--purge"]).dest("cascade").flag().hidden(),
        );
        parser.add(
            Arg::option(&["--remote"])
                .flag()
                .help("Specify this parameter to unmanage a volume."),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_volume(ctx, args)
    }
}

/// `volume list`.
pub struct ListVolume;

impl Command<ClientManager> for ListVolume {
    fn description(&self) -> &str {
        "List volumes"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Filter results by project (name or ID) (admin only)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--user"])
                .metavar("<user>")
                .help("Filter results by user (name or ID) (admin only)"),
        );
        identity::common::add_user_domain_option(parser);
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Filter results by volume name"),
        );
        parser.add(
            Arg::option(&["--status"])
                .metavar("<status>")
                .help("Filter results by status"),
        );
        parser.add(Arg::option(&["--property"]).dest("properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Filter by a property on the volume list (repeat option to filter by multiple properties) "));
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Include all projects (admin only)"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_volume(ctx, args)
    }
}

/// `volume migrate`.
pub struct MigrateVolume;

impl Command<ClientManager> for MigrateVolume {
    fn description(&self) -> &str {
        "Migrate volume to a new host"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to migrate (name or ID)"),
        );
        let m0 = parser.add_mutex(None, true);
        parser.add_to_mutex(
            m0,
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Destination host (takes the form: host@backend-name#pool)"),
        );
        parser.add_to_mutex(m0, Arg::option(&["--cluster"]).metavar("<cluster>").help("Destination cluster to migrate the volume to (requires --os-volume-api-version 3.16 or higher)"));
        parser.add(Arg::option(&["--force-host-copy"]).flag().help(
            "Enable generic host-based force-migration, which bypasses driver optimizations",
        ));
        parser.add(Arg::option(&["--lock-volume"]).flag().help("If specified, the volume state will be locked and will not allow a migration to be aborted (possibly by another operation)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        migrate_volume(ctx, args)
    }
}

/// `volume revert`.
pub struct VolumeRevertToSnapshot;

impl Command<ClientManager> for VolumeRevertToSnapshot {
    fn description(&self) -> &str {
        "Revert a volume to a snapshot."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::positional("snapshot").metavar("<snapshot>").help("Name or ID of the snapshot to restore. The snapshot must be the most recent one known to cinder."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        volume_revert_to_snapshot(ctx, args)
    }
}

/// `volume set`.
pub struct SetVolume;

impl Command<ClientManager> for SetVolume {
    fn description(&self) -> &str {
        "Set volume properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("New volume name"),
        );
        parser.add(
            Arg::option(&["--size"])
                .int()
                .metavar("<size>")
                .help("Extend volume size in GB"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("New volume description"),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help("Remove all properties from <volume> (specify both --no-property and --property to remove the current properties before setting new properties.)"));
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .check(parseractions::key_value_check)
                .metavar("<key=value>")
                .help("Set a property on this volume (repeat option to set multiple properties)"),
        );
        parser.add(Arg::option(&["--image-property"]).dest("image_properties").append().check(parseractions::key_value_check).metavar("<key=value>").help("Set an image property on this volume (repeat option to set multiple image properties)"));
        parser.add(Arg::option(&["--state"]).choices(&["available", "error", "creating", "deleting", "in-use", "attaching", "detaching", "error_deleting", "maintenance"]).metavar("<state>").help("New volume state (\"available\", \"error\", \"creating\", \"deleting\", \"in-use\", \"attaching\", \"detaching\", \"error_deleting\" or \"maintenance\") (admin only) (This option simply changes the state of the volume in the database with no regard to actual status, exercise caution when using)"));
        let m0 = parser.add_mutex(None, false);
        parser.add_to_mutex(m0, Arg::option(&["--attached"]).flag().help("Set volume attachment status to \"attached\" (admin only) (This option simply changes the state of the volume in the database with no regard to actual status, exercise caution when using)"));
        parser.add_to_mutex(m0, Arg::option(&["--detached"]).flag().help("Set volume attachment status to \"detached\" (admin only) (This option simply changes the state of the volume in the database with no regard to actual status, exercise caution when using)"));
        parser.add(
            Arg::option(&["--type"])
                .metavar("<volume-type>")
                .help("New volume type (name or ID)"),
        );
        parser.add(
            Arg::option(&["--retype-policy"])
                .choices(&["never", "on-demand"])
                .metavar("<retype-policy>")
                .hidden(),
        );
        parser.add(Arg::option(&["--migration-policy"]).choices(&["never", "on-demand"]).metavar("<migration-policy>").help("Migration policy while re-typing volume (\"never\" or \"on-demand\", default is \"never\" ) (available only when --type option is specified)"));
        common::add_flag_pair(
            parser,
            "bootable",
            ("--bootable", "Mark volume as bootable"),
            ("--non-bootable", "Mark volume as non-bootable"),
        );
        common::add_flag_pair(
            parser,
            "read_only",
            ("--read-only", "Set volume to read-only access mode"),
            ("--read-write", "Set volume to read-write access mode"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_volume(ctx, args)
    }
}

/// `volume show`.
pub struct ShowVolume;

impl Command<ClientManager> for ShowVolume {
    fn description(&self) -> &str {
        "Display volume details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_volume(ctx, args)
    }
}

/// `volume summary`.
pub struct VolumeSummary;

impl Command<ClientManager> for VolumeSummary {
    fn description(&self) -> &str {
        "Show a summary of all volumes in this deployment."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--all-projects"])
                .flag()
                .help("Include all projects (admin only)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        volume_summary(ctx, args)
    }
}

/// `volume unset`.
pub struct UnsetVolume;

impl Command<ClientManager> for UnsetVolume {
    fn description(&self) -> &str {
        "Unset volume properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Volume to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--property"])
                .dest("properties")
                .append()
                .metavar("<key>")
                .help(
                    "Remove a property from volume (repeat option to remove multiple properties)",
                ),
        );
        parser.add(Arg::option(&["--image-property"]).dest("image_properties").append().metavar("<key>").help("Remove an image property from volume (repeat option to remove multiple image properties)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        unset_volume(ctx, args)
    }
}

/// A `--flag`/`--no-flag` pair stored in one dest with `default=None`.
fn tri(args: &Args, dest: &str) -> Option<bool> {
    match args.get(dest) {
        ArgValue::Bool(b) => Some(*b),
        _ => None,
    }
}

/// `_format_volume`: `to_dict(original_names=True)` less the ignored columns (and the optional ones when
/// unset), with `metadata` as `properties` and `volume_type` as `type`, sorted by name.
pub fn format_volume(volume: &Json) -> Output {
    const IGNORED: [&str; 6] = [
        "location",
        "OS-SCH-HNT:scheduler_hints",
        "imageRef",
        "os-volume-replication:driver_data",
        "os-volume-replication:extended_status",
        "links",
    ];
    const OPTIONAL: [&str; 3] = [
        "consistencygroup_id",
        "encryption_key_id",
        "volume_image_metadata",
    ];
    let mut pairs: Vec<(String, Json)> = Vec::new();
    for (key, value) in api::to_dict(&VOLUME, volume) {
        if IGNORED.contains(&key.as_str()) || (OPTIONAL.contains(&key.as_str()) && value.is_null())
        {
            continue;
        }
        let key = match key.as_str() {
            "metadata" => "properties".to_owned(),
            "volume_type" => "type".to_owned(),
            _ => key,
        };
        let value = if key == "bootable" {
            common::bool_str(&value)
        } else {
            value
        };
        pairs.push((key, value));
    }
    common::show_sorted(pairs, |key, value| match key {
        "properties" => common::dict_col(value),
        _ => common::val(value),
    })
}

/// `find_volume(name_or_id, ignore_missing=False)` (the proxy lists `/volumes/detail`).
pub fn find_volume(ctx: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    api::find_in(ctx, &VOLUME, "/volumes/detail", name_or_id, &[])
}

fn volume_action(ctx: &mut ClientManager, volume: &Json, name: &str, body: Json) -> Res<()> {
    api::action(ctx, &VOLUME, &common::id(volume), name, body).map(|_| ())
}

/// `utils.wait_for_status(get_volume, id, success_status=['available'], error_status=['error'], sleep_time=1)`.
fn wait_available(ctx: &mut ClientManager, id: &str) -> Res<bool> {
    let wait = Wait {
        success: vec!["available".to_owned()],
        sleep_time: std::time::Duration::from_secs(1),
        ..Wait::default()
    };
    let outcome = wait::wait_for_status(
        &wait,
        || api::get(ctx, &VOLUME, VOLUME.sdk.base_path, id),
        |_| {},
    )?;
    Ok(matches!(outcome, Outcome::Reached(_)))
}

fn create_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let has_source = ["snapshot", "source", "backup", "remote_source"]
        .iter()
        .any(|d| args.str(d).is_some());
    // `(a or b or c or d) is None`: only the last one decides when all are unset or empty.
    let last_source = args
        .str("snapshot")
        .filter(|s| !s.is_empty())
        .or_else(|| args.str("source").filter(|s| !s.is_empty()))
        .or_else(|| args.str("backup").filter(|s| !s.is_empty()))
        .or(args.str("remote_source"));
    if last_source.is_none() && !has_source && args.int("size").is_none() {
        return common::command_error(
            "--size is a required option if none of --snapshot, --backup, --source, or --remote-source are provided.",
        );
    }
    let mut size = args.int("size");
    if (args.str("host").is_some_and(|s| !s.is_empty())
        || args.str("cluster").is_some_and(|s| !s.is_empty()))
        && args.str("remote_source").is_none_or(str::is_empty)
    {
        return common::command_error(
            "The --host and --cluster options are only supported with --remote-source parameter.",
        );
    }
    if args.str("backup").is_some_and(|s| !s.is_empty()) && !fail(api::supports(ctx, "3.47"))? {
        return common::command_error(
            "--os-volume-api-version 3.47 or greater is required to create a volume from backup.",
        );
    }
    let properties = common::key_values_json(args, "properties", "--property")?;
    if let Some(reference) = args.str("remote_source").filter(|s| !s.is_empty()) {
        if size.is_some_and(|s| s != 0)
            || args.str("consistency_group").is_some_and(|s| !s.is_empty())
            || !args.strings("hint").is_empty()
            || tri(args, "read_only").is_some()
        {
            return common::command_error(
                "The --size, --consistency-group, --hint, --read-only and --read-write options are not supported \
                 with the --remote-source parameter.",
            );
        }
        let cluster = args.str("cluster").filter(|s| !s.is_empty());
        let host = args.str("host").filter(|s| !s.is_empty());
        if cluster.is_some() && !fail(api::supports(ctx, "3.16"))? {
            return common::command_error(
                "--os-volume-api-version 3.16 or greater is required to support the cluster parameter.",
            );
        }
        if cluster.is_some() && host.is_some() {
            return common::command_error(
                "Only one of --host or --cluster needs to be specified to manage a volume.",
            );
        }
        if cluster.is_none() && host.is_none() {
            return common::command_error(
                "One of --host or --cluster needs to be specified to manage a volume.",
            );
        }
        let mut body = Map::new();
        body.insert("host".into(), host.map_or(Json::Null, Json::from));
        body.insert("ref".into(), Json::from(reference));
        body.insert(
            "name".into(),
            common::given(args, "name").map_or(Json::Null, Json::from),
        );
        body.insert(
            "description".into(),
            common::given(args, "description").map_or(Json::Null, Json::from),
        );
        body.insert(
            "volume_type".into(),
            common::given(args, "type").map_or(Json::Null, Json::from),
        );
        body.insert(
            "availability_zone".into(),
            common::given(args, "availability_zone").map_or(Json::Null, Json::from),
        );
        body.insert("metadata".into(), Json::Object(properties));
        body.insert(
            "bootable".into(),
            tri(args, "bootable").map_or(Json::Bool(false), Json::Bool),
        );
        if let Some(cluster) = cluster {
            body.insert("cluster".into(), Json::from(cluster));
        }
        let mut wrapped = Map::new();
        wrapped.insert("volume".into(), Json::Object(body));
        let answer = fail(
            api::call(ctx, &VOLUME, Method::Post, "/manageable_volumes")
                .and_then(|c| c.body(Json::Object(wrapped)).json(ctx)),
        )?;
        return Ok(format_volume(&VOLUME.sdk.unwrap_body(answer)));
    }
    let mut attrs = Map::new();
    if let Some(source) = args.str("source").filter(|s| !s.is_empty()) {
        let found = fail(find_volume(ctx, source))?;
        let source_size = found.get("size").and_then(Json::as_i64).unwrap_or(0);
        size = Some(size.unwrap_or(0).max(source_size));
        attrs.insert("source_volid".into(), Json::from(common::id(&found)));
    }
    if let Some(group) = args.str("consistency_group").filter(|s| !s.is_empty()) {
        let found = fail(crate::v3::consistency_group::find_consistency_group(
            ctx, group,
        ))?;
        attrs.insert("consistencygroup_id".into(), Json::from(common::id(&found)));
    }
    if let Some(image) = args.str("image").filter(|s| !s.is_empty()) {
        let found = fail(crate::lookup::find_image(ctx, image))?;
        attrs.insert("imageRef".into(), Json::from(common::id(&found)));
    }
    if let Some(snapshot) = args.str("snapshot").filter(|s| !s.is_empty()) {
        let found = fail(api::find_in(
            ctx,
            &SNAPSHOT,
            "/snapshots/detail",
            snapshot,
            &[],
        ))?;
        let snap_size = found.get("size").and_then(Json::as_i64).unwrap_or(0);
        size = Some(size.unwrap_or(0).max(snap_size));
        attrs.insert("snapshot_id".into(), Json::from(common::id(&found)));
    }
    if let Some(backup) = args.str("backup").filter(|s| !s.is_empty()) {
        let found = fail(api::find_in(ctx, &BACKUP, "/backups/detail", backup, &[]))?;
        let backup_size = found.get("size").and_then(Json::as_i64).unwrap_or(0);
        size = Some(size.unwrap_or(0).max(backup_size));
        attrs.insert("backup_id".into(), Json::from(common::id(&found)));
    }
    attrs.insert("size".into(), size.map_or(Json::Null, Json::from));
    for (dest, key) in [
        ("name", "name"),
        ("description", "description"),
        ("type", "volume_type"),
        ("availability_zone", "availability_zone"),
    ] {
        if let Some(value) = args.str(dest) {
            attrs.insert(key.into(), Json::from(value));
        }
    }
    if !properties.is_empty() {
        attrs.insert("metadata".into(), Json::Object(properties));
    }
    let hints = hints(args)?;
    let mut body = Map::new();
    body.insert("volume".into(), Json::Object(attrs));
    if !hints.is_empty() {
        body.insert("OS-SCH-HNT:scheduler_hints".into(), Json::Object(hints));
    }
    let answer = fail(
        api::call(ctx, &VOLUME, Method::Post, "/volumes")
            .and_then(|c| c.body(Json::Object(body)).json(ctx)),
    )?;
    let volume = VOLUME.sdk.unwrap_body(answer);
    let id = common::id(&volume);
    if let Some(bootable) = tri(args, "bootable") {
        let done = wait_available(ctx, &id).and_then(|ok| {
            if ok {
                volume_action(
                    ctx,
                    &volume,
                    "os-set_bootable",
                    json!({"bootable": bootable}),
                )
            } else {
                Err(Failure::command(
                    "Volume status is not available for setting boot state",
                ))
            }
        });
        if let Err(err) = done {
            log::error!("Failed to set volume bootable property: {err}");
        }
    }
    if let Some(read_only) = tri(args, "read_only") {
        let done = wait_available(ctx, &id).and_then(|ok| {
            if ok {
                volume_action(
                    ctx,
                    &volume,
                    "os-update_readonly_flag",
                    json!({"readonly": read_only}),
                )
            } else {
                Err(Failure::command(
                    "Volume status is not available for setting itread only.",
                ))
            }
        });
        if let Err(err) = done {
            log::error!("Failed to set volume read-only access mode flag: {err}");
        }
    }
    Ok(format_volume(&volume))
}

/// `KeyValueHintAction`: `same_host`/`different_host` keys collect lists, other keys keep the last value.
fn hints(args: &Args) -> Result<Map<String, Json>> {
    let mut out = Map::new();
    for value in args.strings("hint") {
        let pair = parseractions::key_value(std::slice::from_ref(&value))
            .map_err(|m| cliff::Error::usage(parseractions::argument_error("--hint", &m)))?;
        for (key, item) in pair {
            if value.starts_with("same_host") || value.starts_with("different_host") {
                let entry = out.entry(key).or_insert_with(|| Json::Array(Vec::new()));
                if let Json::Array(list) = entry {
                    list.push(Json::from(item));
                } else {
                    *entry = Json::Array(vec![Json::from(item)]);
                }
            } else {
                out.insert(key, Json::from(item));
            }
        }
    }
    Ok(out)
}

fn delete_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let (force, cascade, remote) = (
        args.flag("force"),
        args.flag("cascade"),
        args.flag("remote"),
    );
    if remote && (force || cascade) {
        return common::command_error(
            "The --force and --cascade options are not supported with the --remote parameter.",
        );
    }
    osc_lib::multi::each_item(
        ctx,
        args,
        &args.strings("volumes"),
        |ctx, name| {
            let volume = find_volume(ctx, name)?;
            let id = common::id(&volume);
            if remote {
                volume_action(ctx, &volume, "os-unmanage", Json::Null)
            } else if force {
                volume_action(ctx, &volume, "os-force_delete", Json::Null)
            } else {
                let path = openstack_sdk::item_path(VOLUME.sdk.base_path, &id);
                let mut call = api::call(ctx, &VOLUME, Method::Delete, &path)?;
                if cascade {
                    call = call.query(vec![("cascade".into(), "True".into())]);
                }
                match call.send(ctx) {
                    Ok(_) => Ok(()),
                    Err(f) if f.status() == Some(404) => Ok(()),
                    Err(f) => Err(f),
                }
            }
        },
        |item, err| format!("Failed to delete volume with name or ID '{item}': {err}"),
        |errors, total| format!("{errors} of {total} volumes failed to delete."),
    )
}

/// `AttachmentsColumn`: "Attached to <server> on <device> " per attachment; the list itself for machines.
fn attachments_column(value: &Json, servers: &[(String, String)]) -> Value {
    let mut human = String::new();
    for attachment in value.as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let server_id = attachment
            .get("server_id")
            .map(common::val)
            .unwrap_or(Value::Null);
        let server_id = osc_lib::utils::py_str(&server_id);
        let server = servers
            .iter()
            .find(|(id, _)| *id == server_id)
            .map_or(server_id.clone(), |(_, name)| name.clone());
        let device = osc_lib::utils::py_str(
            &attachment
                .get("device")
                .map(common::val)
                .unwrap_or(Value::Null),
        );
        human.push_str(&format!("Attached to {server} on {device} "));
    }
    Value::Column {
        human,
        machine: Box::new(common::val(value)),
    }
}

fn list_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let long = args.flag("long");
    let mut params: Vec<Param> = Vec::new();
    if let Some(name) = args.str("name").filter(|s| !s.is_empty()) {
        params.push(("name", Some(name.to_owned())));
    }
    if let Some(status) = args.str("status").filter(|s| !s.is_empty()) {
        params.push(("status", Some(status.to_owned())));
    }
    if let Some(limit) = args.int("limit").filter(|l| *l != 0) {
        params.push(("limit", Some(limit.to_string())));
    }
    if let Some(marker) = args.str("marker").filter(|s| !s.is_empty()) {
        params.push(("marker", Some(marker.to_owned())));
    }
    let project = args.str("project").filter(|s| !s.is_empty());
    if let Some(project) = project {
        let id = fail(identity::common::find_project_id_sdk(
            ctx,
            project,
            args.str("project_domain"),
            true,
            None,
        ))?;
        params.push(("project_id", Some(id)));
    }
    if let Some(user) = args.str("user").filter(|s| !s.is_empty()) {
        let id = fail(identity::common::find_user_id_sdk(
            ctx,
            user,
            args.str("user_domain"),
            true,
        ))?;
        params.push(("user_id", Some(id)));
    }
    let properties = common::key_values(args, "properties", "--property")?;
    if !properties.is_empty() {
        params.push(("properties", Some(py_dict(&properties))));
    }
    let all_projects = project.is_some() || args.flag("all_projects");
    // The proxy passes `all_projects` on only when it is true.
    if all_projects {
        params.push(("all_projects", Some("True".to_owned())));
    }
    let data = fail(api::list(ctx, &VOLUME, "/volumes/detail", &params, None))?;
    let servers = if data
        .iter()
        .any(|v| v.get("status").and_then(Json::as_str) == Some("in-use"))
    {
        crate::lookup::server_names(ctx)
    } else {
        Vec::new()
    };
    let mut columns = vec!["ID", "Name", "Status", "Size"];
    if long {
        columns.extend(["Type", "Bootable"]);
    }
    columns.push("Attached to");
    if long {
        columns.push("Properties");
    }
    let rows = data
        .iter()
        .map(|v| {
            let mut row = vec![
                common::field(v, "id"),
                common::field(v, "name"),
                common::field(v, "status"),
                common::field(v, "size"),
            ];
            if long {
                row.push(common::field(v, "volume_type"));
                row.push(common::val(&common::bool_str(
                    v.get("bootable").unwrap_or(&Json::Null),
                )));
            }
            row.push(attachments_column(
                v.get("attachments").unwrap_or(&Json::Null),
                &servers,
            ));
            if long {
                row.push(common::dict_col(v.get("metadata").unwrap_or(&Json::Null)));
            }
            row
        })
        .collect();
    Ok(common::list(&columns, rows))
}

/// Python's `str()` of a dict of strings: `{'k': 'v'}`.
pub fn py_dict(pairs: &[(String, String)]) -> String {
    let items: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}: {}", py_repr(k), py_repr(v)))
        .collect();
    format!("{{{}}}", items.join(", "))
}

fn py_repr(text: &str) -> String {
    osc_lib::utils::py_repr(&Value::str(text))
}

fn migrate_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume = fail(find_volume(ctx, common::arg(args, "volume")))?;
    let cluster = args.str("cluster").filter(|s| !s.is_empty());
    if cluster.is_some() && !fail(api::supports(ctx, "3.16"))? {
        return common::command_error(
            "--os-volume-api-version 3.16 or greater is required to support the volume migration with cluster",
        );
    }
    let mut body = Map::new();
    if let Some(host) = args.str("host").filter(|s| !s.is_empty()) {
        body.insert("host".into(), Json::from(host));
    }
    if args.flag("force_host_copy") {
        body.insert("force_host_copy".into(), Json::Bool(true));
    }
    if args.flag("lock_volume") {
        body.insert("lock_volume".into(), Json::Bool(true));
    }
    if let Some(cluster) = cluster {
        body.insert("cluster".into(), Json::from(cluster));
    }
    fail(volume_action(
        ctx,
        &volume,
        "os-migrate_volume",
        Json::Object(body),
    ))?;
    Ok(Output::ok())
}

fn volume_revert_to_snapshot(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.40",
        "'volume revert snapshot' command",
    ))?;
    let snapshot = fail(api::find_in(
        ctx,
        &SNAPSHOT,
        "/snapshots/detail",
        common::arg(args, "snapshot"),
        &[],
    ))?;
    let volume_id = snapshot
        .get("volume_id")
        .map(openstack_sdk::json_text)
        .unwrap_or_default();
    let volume = fail(find_volume(ctx, &volume_id))?;
    fail(volume_action(
        ctx,
        &volume,
        "revert",
        json!({"snapshot_id": common::id(&snapshot)}),
    ))?;
    Ok(Output::ok())
}

fn set_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume = fail(find_volume(ctx, common::arg(args, "volume")))?;
    let mut result = 0;
    if args.str("retype_policy").is_some_and(|s| !s.is_empty()) {
        log::warn!(
            "The '--retype-policy' option has been deprecated in favor of '--migration-policy' option. The \
             '--retype-policy' option will be removed in a future release. Please use '--migration-policy' instead."
        );
    }
    if let Some(new_size) = args.int("size").filter(|s| *s != 0) {
        let size = volume.get("size").and_then(Json::as_i64).unwrap_or(0);
        let status = volume
            .get("status")
            .and_then(Json::as_str)
            .unwrap_or("")
            .to_owned();
        let done: Res<()> = (|| {
            if new_size <= size {
                return Err(Failure::command(format!(
                    "New size must be greater than {size} GB"
                )));
            }
            if status != "available" && status != "in-use" {
                return Err(Failure::command(format!(
                    "Volume is in {status} state, it must be available or in-use before size can be extended."
                )));
            }
            if status == "in-use" && !api::supports(ctx, "3.42")? {
                return Err(Failure::command(
                    "--os-volume-api-version 3.42 or greater is required to extend in-use volumes.",
                ));
            }
            volume_action(ctx, &volume, "os-extend", json!({"new_size": new_size}))
        })();
        common::step(&mut result, "Failed to set volume size", done);
    }
    if args.flag("no_property") {
        common::step(
            &mut result,
            "Failed to clean volume properties",
            api::delete_metadata(
                ctx,
                &VOLUME,
                &common::id(&volume),
                &api::metadata_keys(&volume),
            ),
        );
    }
    let properties = common::key_values_json(args, "properties", "--property")?;
    if !properties.is_empty() {
        common::step(
            &mut result,
            "Failed to set volume properties",
            api::set_metadata(ctx, &VOLUME, &common::id(&volume), properties),
        );
    }
    let image_properties = common::key_values_json(args, "image_properties", "--image-property")?;
    if !image_properties.is_empty() {
        common::step(
            &mut result,
            "Failed to set image properties",
            volume_action(
                ctx,
                &volume,
                "os-set_image_metadata",
                json!({"metadata": image_properties}),
            ),
        );
    }
    if let Some(state) = args.str("state").filter(|s| !s.is_empty()) {
        common::step(
            &mut result,
            "Failed to set volume state",
            volume_action(ctx, &volume, "os-reset_status", json!({"status": state})),
        );
    }
    for (dest, status) in [("attached", "attached"), ("detached", "detached")] {
        if args.flag(dest) {
            common::step(
                &mut result,
                "Failed to set volume attach-status",
                volume_action(
                    ctx,
                    &volume,
                    "os-reset_status",
                    json!({"attach_status": status}),
                ),
            );
        }
    }
    if let Some(bootable) = tri(args, "bootable") {
        common::step(
            &mut result,
            "Failed to set volume bootable property",
            volume_action(
                ctx,
                &volume,
                "os-set_bootable",
                json!({"bootable": bootable}),
            ),
        );
    }
    if let Some(read_only) = tri(args, "read_only") {
        common::step(
            &mut result,
            "Failed to set volume read-only access mode flag",
            volume_action(
                ctx,
                &volume,
                "os-update_readonly_flag",
                json!({"readonly": read_only}),
            ),
        );
    }
    let policy = args
        .str("migration_policy")
        .filter(|s| !s.is_empty())
        .or_else(|| args.str("retype_policy").filter(|s| !s.is_empty()));
    if let Some(volume_type) = args.str("type").filter(|s| !s.is_empty()) {
        let done = api::find_one(ctx, &TYPE, volume_type).and_then(|found| {
            let body = json!({"new_type": common::id(&found), "migration_policy": policy.unwrap_or("never")});
            volume_action(ctx, &volume, "os-retype", body)
        });
        common::step(&mut result, "Failed to set volume type", done);
    } else if policy.is_some() {
        let option = if args.str("migration_policy").is_some_and(|s| !s.is_empty()) {
            "--migration-policy"
        } else {
            "--retype-policy"
        };
        log::warn!("'{option}' option will not work without '--type' option");
    }
    let mut changes = Map::new();
    for dest in ["name", "description"] {
        if let Some(value) = args.str(dest).filter(|s| !s.is_empty()) {
            changes.insert(dest.into(), Json::from(value));
        }
    }
    if !changes.is_empty() {
        let path = openstack_sdk::item_path(VOLUME.sdk.base_path, &common::id(&volume));
        common::step(
            &mut result,
            "Failed to update volume display name or display description",
            api::update(ctx, &VOLUME, &path, changes),
        );
    }
    if result > 0 {
        return common::command_error("One or more of the set operations failed");
    }
    Ok(Output::ok())
}

fn show_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume = fail(find_volume(ctx, common::arg(args, "volume")))?;
    Ok(format_volume(&volume))
}

fn volume_summary(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.12", "'volume summary' command"))?;
    let mut columns = vec![("total_count", "Total Count"), ("total_size", "Total Size")];
    if fail(api::supports(ctx, "3.36"))? {
        columns.push(("metadata", "Metadata"));
    }
    let mut call = fail(api::call(ctx, &SUMMARY, Method::Get, "/volumes/summary"))?;
    if args.flag("all_projects") {
        call = call.query(vec![("all_tenants".into(), "True".into())]);
    }
    let answer = fail(call.json(ctx))?;
    let summary = answer.get("volume-summary").cloned().unwrap_or(Json::Null);
    let pairs = columns
        .into_iter()
        .map(|(key, heading)| {
            let value = summary.get(key).unwrap_or(&Json::Null);
            let value = if key == "metadata" {
                common::dict_col(value)
            } else {
                common::val(value)
            };
            (heading.to_owned(), value)
        })
        .collect();
    Ok(common::show(pairs))
}

fn unset_volume(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    let volume = fail(find_volume(ctx, common::arg(args, "volume")))?;
    let mut result = 0;
    let properties = args.strings("properties");
    if !properties.is_empty() {
        common::step(
            &mut result,
            "Failed to unset volume properties",
            api::delete_metadata(ctx, &VOLUME, &common::id(&volume), &properties),
        );
    }
    let image_properties = args.strings("image_properties");
    if !image_properties.is_empty() {
        let done: Res<()> = image_properties.iter().try_for_each(|key| {
            volume_action(ctx, &volume, "os-unset_image_metadata", json!({"key": key}))
        });
        common::step(&mut result, "Failed to unset image properties", done);
    }
    if result > 0 {
        return common::command_error("One or more of the unset operations failed");
    }
    Ok(Output::ok())
}
