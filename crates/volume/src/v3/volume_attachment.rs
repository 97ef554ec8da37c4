//! `volume attachment complete|volume attachment create|volume attachment delete|volume attachment list|volume attachment set|volume attachment show` (OSC `volume/v3/volume_attachment.py`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result};
use osc_lib::ClientManager;

use cliff::{ArgValue, Value};
use osc_lib::Method;
use serde_json::{json, Map, Value as Json};

use crate::api;
use crate::common::{self, fail};
use crate::resources::ATTACHMENT;
use crate::v3::volume::find_volume;

/// `volume attachment complete`.
pub struct CompleteVolumeAttachment;

impl Command<ClientManager> for CompleteVolumeAttachment {
    fn description(&self) -> &str {
        "Complete an attachment for a volume."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("attachment")
                .metavar("<attachment>")
                .help("ID of volume attachment to mark as completed"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        complete_volume_attachment(ctx, args)
    }
}

/// `volume attachment create`.
pub struct CreateVolumeAttachment;

impl Command<ClientManager> for CreateVolumeAttachment {
    fn description(&self) -> &str {
        "Create an attachment for a volume.\n\nThis command will only create a volume attachment in the Volume service. It\nwill not invoke the necessary Compute service actions to actually attach\nthe volume to the server at the hypervisor level. As a result, it should\ntypically only be used for troubleshooting issues with an existing server\nin combination with other tooling. For all other use cases, the 'server\nadd volume' command should be preferred."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("volume")
                .metavar("<volume>")
                .help("Name or ID of volume to attach to server."),
        );
        parser.add(
            Arg::positional("server_old")
                .nargs(Nargs::Optional)
                .metavar("<server>")
                .hidden(),
        );
        parser.add(
            Arg::option(&["--connect"])
                .flag()
                .help("Make an active connection using provided connector info"),
        );
        parser.add(
            Arg::option(&["--no-connect"])
                .dest("connect")
                .action(Action::StoreFalse)
                .help("Do not make an active connection using provided connector info"),
        );
        parser.add(
            Arg::option(&["--initiator"])
                .metavar("<initiator>")
                .help("IQN of the initiator attaching to"),
        );
        parser.add(
            Arg::option(&["--ip"])
                .metavar("<ip>")
                .help("IP of the system attaching to"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Name of the host attaching to"),
        );
        parser.add(
            Arg::option(&["--server"])
                .metavar("<server>")
                .help("Name or ID of server attaching to"),
        );
        add_connector_tail(parser);
        parser.add(Arg::option(&["--mode"]).metavar("<mode>").help("Mode of volume attachment, rw, ro and null, where null indicates we want to honor any existing admin-metadata settings (supported by --os-volume-api-version 3.54 or later)"));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        create_volume_attachment(ctx, args)
    }
}

/// `volume attachment delete`.
pub struct DeleteVolumeAttachment;

impl Command<ClientManager> for DeleteVolumeAttachment {
    fn description(&self) -> &str {
        "Delete an attachment for a volume.\n\nSimilarly to the 'volume attachment create' command, this command will only\ndelete the volume attachment record in the Volume service. It will not\ninvoke the necessary Compute service actions to actually attach the volume\nto the server at the hypervisor level. As a result, it should typically\nonly be used for troubleshooting issues with an existing server in\ncombination with other tooling. For all other use cases, the 'server volume\nremove' command should be preferred."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("attachment")
                .metavar("<attachment>")
                .help("ID of volume attachment to delete"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        delete_volume_attachment(ctx, args)
    }
}

/// `volume attachment list`.
pub struct ListVolumeAttachment;

impl Command<ClientManager> for ListVolumeAttachment {
    fn description(&self) -> &str {
        "Lists all volume attachments."
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
            Arg::option(&["--all-projects"])
                .flag()
                .help("Shows details for all projects (admin only)."),
        );
        parser.add(Arg::option(&["--volume-id"]).metavar("<volume-id>").help("Filters results by a volume ID. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead."));
        parser.add(Arg::option(&["--server-id"]).metavar("<server-id>").help("Filters results by a server ID. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead."));
        parser.add(Arg::option(&["--status"]).metavar("<status>").help("Filters results by a status. This option is deprecated. Consider using the '--filters' option which was introduced in microversion 3.33 instead."));
        parser.add(Arg::option(&["--limit"]).check(common::non_negative_limit).int().metavar("<limit>").help("The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned."));
        parser.add(Arg::option(&["--marker"]).metavar("<marker>").help("The first position in the collection to return results from. This should be a value that was returned in a previous request."));
        parser.add(Arg::option(&["--max-items"]).check(common::non_negative_max_items).int().metavar("<max-items>").help("The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size."));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_volume_attachment(ctx, args)
    }
}

/// `volume attachment set`.
pub struct SetVolumeAttachment;

impl Command<ClientManager> for SetVolumeAttachment {
    fn description(&self) -> &str {
        "Update an attachment for a volume.\n\nThis call is designed to be more of an volume attachment completion than\nanything else. It expects the value of a connector object to notify the\ndriver that the volume is going to be connected and where it's being\nconnected to."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("attachment")
                .metavar("<attachment>")
                .help("ID of volume attachment."),
        );
        parser.add(
            Arg::option(&["--initiator"])
                .metavar("<initiator>")
                .help("IQN of the initiator attaching to"),
        );
        parser.add(
            Arg::option(&["--ip"])
                .metavar("<ip>")
                .help("IP of the system attaching to"),
        );
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host>")
                .help("Name of the host attaching to"),
        );
        add_connector_tail(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        set_volume_attachment(ctx, args)
    }
}

/// `volume attachment show`.
pub struct ShowVolumeAttachment;

impl Command<ClientManager> for ShowVolumeAttachment {
    fn description(&self) -> &str {
        "Show detailed information for a volume attachment."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("attachment")
                .metavar("<attachment>")
                .help("ID of volume attachment."),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        show_volume_attachment(ctx, args)
    }
}

/// `_format_attachment`.
fn format_attachment(attachment: &Json) -> Output {
    let columns = [
        ("id", "ID"),
        ("volume_id", "Volume ID"),
        ("instance", "Instance ID"),
        ("status", "Status"),
        ("attach_mode", "Attach Mode"),
        ("attached_at", "Attached At"),
        ("detached_at", "Detached At"),
        ("connection_info", "Properties"),
    ];
    let dict = api::to_dict_as(
        &ATTACHMENT,
        attachment,
        &[
            ("attach_time", "attached_at"),
            ("detach_time", "detached_at"),
            ("mode", "attach_mode"),
        ],
    );
    common::show(
        columns
            .iter()
            .map(|(key, heading)| {
                let value = dict
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
                    .unwrap_or(Json::Null);
                let value = if *key == "connection_info" {
                    common::dict_col(&value)
                } else {
                    common::val(&value)
                };
                ((*heading).to_owned(), value)
            })
            .collect(),
    )
}

fn tri(args: &Args, dest: &str) -> Json {
    match args.get(dest) {
        ArgValue::Bool(b) => Json::Bool(*b),
        _ => Json::Null,
    }
}

fn connector(args: &Args) -> Map<String, Json> {
    let text = |d: &str| args.str(d).map_or(Json::Null, Json::from);
    let mut connector = Map::new();
    connector.insert("initiator".into(), text("initiator"));
    connector.insert("ip".into(), text("ip"));
    connector.insert("platform".into(), text("platform"));
    connector.insert("host".into(), text("host"));
    connector.insert("os_type".into(), text("os_type"));
    connector.insert("multipath".into(), tri(args, "multipath"));
    connector.insert("mountpoint".into(), text("mountpoint"));
    connector
}

fn attachment_path(id: &str) -> String {
    openstack_sdk::item_path("/attachments", id)
}

fn create_volume_attachment(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.27",
        "'volume attachment create' command",
    ))?;
    let mode = args.str("mode").filter(|s| !s.is_empty());
    if mode.is_some() {
        fail(api::require(ctx, "3.54", "'--mode' option"))?;
    }
    let mut server = args.str("server").map(str::to_owned);
    if let Some(old) = args.str("server_old").filter(|s| !s.is_empty()) {
        log::warn!("The <server> positional argument is deprecated in favour of the --server <server> option argument");
        if server.as_deref().is_none_or(str::is_empty) {
            server = Some(old.to_owned());
        }
    }
    let connect = args.flag("connect");
    let connector = if connect {
        connector(args)
    } else {
        let given = ["initiator", "ip", "platform", "host", "mountpoint"]
            .iter()
            .any(|d| args.str(d).is_some_and(|s| !s.is_empty()))
            || matches!(args.get("multipath"), ArgValue::Bool(true));
        if given {
            return common::command_error(
                "You must specify the --connect option for any of the connection-specific options such as \
                 --initiator to be valid",
            );
        }
        Map::new()
    };
    let volume = fail(find_volume(ctx, common::arg(args, "volume")))?;
    let server = fail(crate::lookup::find_server(
        ctx,
        server.as_deref().unwrap_or("None"),
    ))?;
    let mut body = Map::new();
    body.insert("volume_uuid".into(), Json::from(common::id(&volume)));
    body.insert("connector".into(), Json::Object(connector));
    body.insert("instance_uuid".into(), Json::from(common::id(&server)));
    match mode {
        Some(mode) => {
            body.insert("mode".into(), Json::from(mode));
        }
        None if !fail(api::supports(ctx, "3.54"))? => {
            body.insert("mode".into(), Json::Null);
        }
        None => {}
    }
    let answer = fail(
        api::call(ctx, &ATTACHMENT, Method::Post, "/attachments")
            .and_then(|c| c.body(json!({"attachment": body})).json(ctx)),
    )?;
    Ok(format_attachment(&ATTACHMENT.sdk.unwrap_body(answer)))
}

fn delete_volume_attachment(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.27",
        "'volume attachment delete' command",
    ))?;
    fail(api::delete(
        ctx,
        &ATTACHMENT,
        &attachment_path(common::arg(args, "attachment")),
        true,
    ))?;
    Ok(Output::ok())
}

fn set_volume_attachment(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(ctx, "3.27", "'volume attachment set' command"))?;
    let mut changes = Map::new();
    changes.insert("connector".into(), Json::Object(connector(args)));
    let path = attachment_path(common::arg(args, "attachment"));
    let updated = fail(api::update(ctx, &ATTACHMENT, &path, changes))?.unwrap_or(Json::Null);
    Ok(format_attachment(&updated))
}

fn complete_volume_attachment(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.44",
        "'volume attachment complete' command",
    ))?;
    let id = common::arg(args, "attachment");
    let path = format!("{}/action", attachment_path(id));
    fail(
        api::call(ctx, &ATTACHMENT, Method::Post, &path)
            .and_then(|c| c.body(json!({"os-complete": id})).send(ctx)),
    )?;
    Ok(Output::ok())
}

fn list_volume_attachment(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.27",
        "'volume attachment list' command",
    ))?;
    let mut project_id = None;
    let project = args.str("project").filter(|s| !s.is_empty());
    if let Some(project) = project {
        project_id = Some(fail(identity::common::find_project_id_sdk(
            ctx,
            project,
            args.str("project_domain"),
            true,
            None,
        ))?);
    }
    let all_projects = project.is_some() || args.flag("all_projects");
    let params = vec![
        ("all_tenants", Some(openstack_sdk::py_bool(all_projects))),
        ("project_id", project_id),
        ("volume_id", args.str("volume_id").map(str::to_owned)),
        ("instance_id", args.str("server_id").map(str::to_owned)),
        ("status", args.str("status").map(str::to_owned)),
        ("limit", args.int("limit").map(|l| l.to_string())),
        ("marker", args.str("marker").map(str::to_owned)),
    ];
    let max_items = args.int("max_items").map(|m| m as usize);
    let data = fail(api::list(
        ctx,
        &ATTACHMENT,
        "/attachments/detail",
        &params,
        max_items,
    ))?;
    let rows: Vec<Vec<Value>> = data
        .iter()
        .map(|a| {
            ["id", "volume_id", "instance", "status"]
                .iter()
                .map(|k| common::field(a, k))
                .collect()
        })
        .collect();
    Ok(common::list(
        &["ID", "Volume ID", "Server ID", "Status"],
        rows,
    ))
}

fn show_volume_attachment(ctx: &mut ClientManager, args: &Args) -> Result<Output> {
    fail(api::require(
        ctx,
        "3.27",
        "'volume attachment show' command",
    ))?;
    let attachment = fail(api::get(
        ctx,
        &ATTACHMENT,
        "/attachments",
        common::arg(args, "attachment"),
    ))?;
    Ok(format_attachment(&attachment))
}

/// The connector options `volume attachment create` and `set` share, from `--platform` to `--mountpoint`.
fn add_connector_tail(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--platform"])
            .metavar("<platform>")
            .help("Platform type"),
    );
    parser.add(
        Arg::option(&["--os-type"])
            .metavar("<ostype>")
            .help("OS type"),
    );
    parser.add(Arg::option(&["--multipath"]).flag().help("Use multipath"));
    parser.add(
        Arg::option(&["--no-multipath"])
            .dest("multipath")
            .action(Action::StoreFalse)
            .help("Use multipath"),
    );
    parser.add(
        Arg::option(&["--mountpoint"])
            .metavar("<mountpoint>")
            .help("Mountpoint volume will be attached at"),
    );
}
