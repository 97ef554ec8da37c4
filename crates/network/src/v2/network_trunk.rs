//! `network trunk create|delete|list|set|show|unset`, `network trunk subport add|list|remove` and `network
//! subport list` (openstacksdk `Trunk`).

use cliff::argparse::Nargs;
use cliff::{Arg, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{parseractions, ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use crate::common::{self as c, fail};
use crate::nested::put_str;
use crate::resources::{PORT, TRUNK};
use identity::output::delete_summary;
use openstack_sdk as sdk;
use openstack_sdk::{Call, Res};

const SUBPORT_METAVAR: &str = "<port=,segmentation-type=,segmentation-id=>";
const SUBPORT_HELP: &str = "Subport to add. Subport is of form 'port=<name or ID>,segmentation-type=<segmentation-type>,\
                            segmentation-id=<segmentation-ID>' (repeat option to add multiple subports)";

/// `_formatters`.
fn formatter(attribute: &str, value: Json) -> Value {
    match attribute {
        "admin_state_up" => c::admin_state_column(value),
        "sub_ports" => c::list_dict_column(value),
        _ => c::plain(attribute, value),
    }
}

fn show(trunk: &Json) -> Output {
    c::show(&TRUNK, trunk, &[], &["location", "tenant_id"], formatter)
}

fn subport_check(value: &cliff::ArgValue) -> std::result::Result<(), String> {
    match value {
        cliff::ArgValue::Str(text) => parseractions::multi_key_value(
            std::slice::from_ref(text),
            &["port"],
            &["segmentation-id", "segmentation-type"],
        )
        .map(|_| ()),
        _ => Ok(()),
    }
}

fn add_subport_option(parser: &mut Parser, dest: &str) {
    parser.add(
        Arg::option(&["--subport"])
            .metavar(SUBPORT_METAVAR)
            .dest(dest)
            .append()
            .check(subport_check)
            .help(SUBPORT_HELP),
    );
}

fn port_id(cm: &mut ClientManager, name_or_id: &str) -> Res<String> {
    c::find(cm, &PORT, name_or_id, &[]).map(|port| sdk::id_of(&port))
}

/// `_format_subports`: each `--subport` with its port found and its segmentation ID an integer.
fn format_subports(cm: &mut ClientManager, args: &Args, dest: &str) -> Result<Vec<Json>> {
    let parsed = parseractions::multi_key_value(
        &args.strings(dest),
        &["port"],
        &["segmentation-id", "segmentation-type"],
    )
    .map_err(|message| Error::usage(format!("argument --subport: {message}")))?;
    let mut subports = Vec::new();
    for subport in parsed {
        let get = |key: &str| {
            subport
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        let mut attrs = Map::new();
        if let Some(port) = get("port") {
            attrs.insert("port_id".into(), Json::from(fail(port_id(cm, &port))?));
        }
        if let Some(id) = get("segmentation-id") {
            let number: i64 = id
                .trim()
                .parse()
                .map_err(|_| Error::command(format!("Segmentation-id '{id}' is not an integer")))?;
            attrs.insert("segmentation_id".into(), Json::from(number));
        }
        if let Some(kind) = get("segmentation-type") {
            attrs.insert("segmentation_type".into(), Json::from(kind));
        }
        subports.push(Json::Object(attrs));
    }
    Ok(subports)
}

/// `_get_attrs_for_trunk`.
fn trunk_attrs(cm: &mut ClientManager, args: &Args) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    put_str(&mut attrs, args, "name", "name");
    put_str(&mut attrs, args, "description", "description");
    if args.flag("enable") {
        attrs.insert("admin_state_up".into(), Json::Bool(true));
    }
    if args.flag("disable") {
        attrs.insert("admin_state_up".into(), Json::Bool(false));
    }
    if let Some(parent) = args.str("parent_port") {
        attrs.insert("port_id".into(), Json::from(fail(port_id(cm, parent))?));
    }
    if !args.strings("add_subports").is_empty() {
        attrs.insert(
            "sub_ports".into(),
            Json::Array(format_subports(cm, args, "add_subports")?),
        );
    }
    if let Some(project) = c::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project));
    }
    Ok(attrs)
}

fn find_trunk(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(c::find(cm, &TRUNK, args.str("trunk").unwrap_or(""), &[]))
}

/// `Trunk.add_subports`, `delete_subports` (PUT `<trunk>/<action>`) and `get_subports` (GET).
fn subport_call(
    cm: &mut ClientManager,
    trunk: &Json,
    method: Method,
    action: &str,
    subports: Option<Vec<Json>>,
) -> Res<Json> {
    let path = format!("{}/{action}", c::item_path(cm, &TRUNK, &sdk::id_of(trunk))?);
    let mut call = Call::new("network", method, path);
    if let Some(subports) = subports {
        call = call.body(json!({ "sub_ports": subports }));
    }
    call.json(cm)
}

fn enable_options(parser: &mut Parser, enable: Arg) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(group, enable);
    parser.add_to_mutex(
        group,
        Arg::option(&["--disable"]).flag().help("Disable trunk"),
    );
}

/// `network trunk create`.
pub struct CreateNetworkTrunk;

impl Command<ClientManager> for CreateNetworkTrunk {
    fn description(&self) -> &str {
        "Create a network trunk for a given project"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of the trunk to create"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("A description of the trunk"),
        );
        parser.add(
            Arg::option(&["--parent-port"])
                .metavar("<parent-port>")
                .required()
                .help("Parent port belonging to this trunk (name or ID)"),
        );
        add_subport_option(parser, "add_subports");
        enable_options(
            parser,
            Arg::option(&["--enable"])
                .flag()
                .default(true)
                .help("Enable trunk (default)"),
        );
        c::add_project_options(parser, "Owner's project (name or ID)");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let attrs = trunk_attrs(ctx, args)?;
        let trunk = fail(c::create(ctx, &TRUNK, attrs))?;
        Ok(show(&trunk))
    }
}

/// `network trunk delete`.
pub struct DeleteNetworkTrunk;

impl Command<ClientManager> for DeleteNetworkTrunk {
    fn description(&self) -> &str {
        "Delete a given network trunk"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trunk")
                .metavar("<trunk>")
                .nargs(Nargs::OneOrMore)
                .help("Trunk(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("trunk"),
            |ctx, name| {
                let found = c::find(ctx, &TRUNK, name, &[])?;
                c::delete(ctx, &TRUNK, &sdk::id_of(&found))
            },
            |item, err| format!("Failed to delete trunk with name or ID '{item}': {err}"),
            delete_summary("trunks"),
        )
    }
}

/// `network trunk list`.
pub struct ListNetworkTrunk;

impl Command<ClientManager> for ListNetworkTrunk {
    fn description(&self) -> &str {
        "List all network trunks"
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
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let items = fail(c::list(ctx, &TRUNK, &[], None))?;
        let mut headers = vec!["ID", "Name", "Parent Port", "Description"];
        let mut columns = vec!["id", "name", "port_id", "description"];
        if args.flag("long") {
            headers.extend(["Status", "State", "Created At", "Updated At"]);
            columns.extend(["status", "admin_state_up", "created_at", "updated_at"]);
        }
        Ok(crate::nested::rows(
            &TRUNK, &items, &headers, &columns, formatter,
        ))
    }
}

/// `network trunk set`.
pub struct SetNetworkTrunk;

impl Command<ClientManager> for SetNetworkTrunk {
    fn description(&self) -> &str {
        "Set network trunk properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trunk")
                .metavar("<trunk>")
                .help("Trunk to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set trunk name"),
        );
        parser.add(
            Arg::option(&["--description"])
                .metavar("<description>")
                .help("A description of the trunk"),
        );
        add_subport_option(parser, "set_subports");
        enable_options(
            parser,
            Arg::option(&["--enable"]).flag().help("Enable trunk"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let trunk = find_trunk(ctx, args)?;
        let attrs = trunk_attrs(ctx, args)?;
        let name = args.str("trunk").unwrap_or("");
        c::update(ctx, &TRUNK, &trunk, attrs)
            .map_err(|e| Error::command(format!("Failed to set trunk '{name}': {e}")))?;
        if !args.strings("set_subports").is_empty() {
            let subports = format_subports(ctx, args, "set_subports")?;
            subport_call(ctx, &trunk, Method::Put, "add_subports", Some(subports)).map_err(
                |e| Error::command(format!("Failed to add subports to trunk '{name}': {e}")),
            )?;
        }
        Ok(Output::ok())
    }
}

/// `network trunk show`.
pub struct ShowNetworkTrunk;

impl Command<ClientManager> for ShowNetworkTrunk {
    fn description(&self) -> &str {
        "Show information of a given network trunk"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trunk")
                .metavar("<trunk>")
                .help("Trunk to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let found = find_trunk(ctx, args)?;
        let trunk = fail(c::get(ctx, &TRUNK, &sdk::id_of(&found)))?;
        Ok(show(&trunk))
    }
}

/// `_list_trunk_subports`.
fn list_subports(cm: &mut ClientManager, trunk: &str) -> Result<Output> {
    let trunk = fail(c::find(cm, &TRUNK, trunk, &[]))?;
    let data = fail(subport_call(cm, &trunk, Method::Get, "get_subports", None))?;
    let columns = ["port_id", "segmentation_type", "segmentation_id"];
    let rows = data
        .get("sub_ports")
        .and_then(Json::as_array)
        .map(|subports| {
            subports
                .iter()
                .map(|s| {
                    columns
                        .iter()
                        .map(|k| s.get(*k).map_or_else(|| Value::str(""), Value::from_json))
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(identity::output::list(
        &["Port", "Segmentation Type", "Segmentation ID"],
        rows,
    ))
}

/// `network subport list`.
pub struct ListNetworkSubport;

impl Command<ClientManager> for ListNetworkSubport {
    fn description(&self) -> &str {
        "List all subports for a given network trunk"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::option(&["--trunk"])
                .required()
                .metavar("<trunk>")
                .help("List only subports belonging to this trunk (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_subports(ctx, args.str("trunk").unwrap_or(""))
    }
}

/// `network trunk subport list`.
pub struct ListNetworkTrunkSubport;

impl Command<ClientManager> for ListNetworkTrunkSubport {
    fn description(&self) -> &str {
        "List all subports for a given network trunk"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trunk")
                .metavar("<trunk>")
                .help("List subports belonging to this trunk (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        list_subports(ctx, args.str("trunk").unwrap_or(""))
    }
}

/// `network trunk subport add`.
pub struct AddNetworkTrunkSubport;

impl Command<ClientManager> for AddNetworkTrunkSubport {
    fn description(&self) -> &str {
        "Add a subport to a given network trunk"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trunk")
                .metavar("<trunk>")
                .help("Trunk to add the subport to (name or ID)"),
        );
        parser.add(
            Arg::positional("port")
                .metavar("<port>")
                .help("Port to add as a subport (name or ID)"),
        );
        parser.add(
            Arg::option(&["--segmentation-type"])
                .metavar("<segmentation-type>")
                .help("Segmentation type of the subport, e.g. 'vlan'"),
        );
        parser.add(
            Arg::option(&["--segmentation-id"])
                .metavar("<segmentation-id>")
                .int()
                .help("Segmentation ID of the subport"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let trunk = find_trunk(ctx, args)?;
        let mut subport = Map::new();
        let port = fail(port_id(ctx, args.str("port").unwrap_or("")))?;
        subport.insert("port_id".into(), Json::from(port));
        put_str(&mut subport, args, "segmentation_type", "segmentation_type");
        if let Some(id) = args.int("segmentation_id") {
            subport.insert("segmentation_id".into(), Json::from(id));
        }
        let name = args.str("trunk").unwrap_or("");
        subport_call(
            ctx,
            &trunk,
            Method::Put,
            "add_subports",
            Some(vec![Json::Object(subport)]),
        )
        .map_err(|e| Error::command(format!("Failed to add subport to trunk '{name}': {e}")))?;
        Ok(Output::ok())
    }
}

/// `network trunk subport remove`.
pub struct RemoveNetworkTrunkSubport;

impl Command<ClientManager> for RemoveNetworkTrunkSubport {
    fn description(&self) -> &str {
        "Remove subport(s) from a given network trunk"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trunk")
                .metavar("<trunk>")
                .help("Trunk to remove the subport(s) from (name or ID)"),
        );
        parser.add(
            Arg::positional("port")
                .metavar("<port>")
                .nargs(Nargs::OneOrMore)
                .help("Port(s) to remove as a subport (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let trunk = find_trunk(ctx, args)?;
        remove_subports(ctx, &trunk, &args.strings("port"))
    }
}

fn remove_subports(cm: &mut ClientManager, trunk: &Json, ports: &[String]) -> Result<Output> {
    let mut subports = Vec::new();
    for port in ports {
        subports.push(json!({ "port_id": fail(port_id(cm, port))? }));
    }
    fail(subport_call(
        cm,
        trunk,
        Method::Put,
        "remove_subports",
        Some(subports),
    ))?;
    Ok(Output::ok())
}

/// `network trunk unset`.
pub struct UnsetNetworkTrunk;

impl Command<ClientManager> for UnsetNetworkTrunk {
    fn description(&self) -> &str {
        "Unset subports from a given network trunk"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("trunk")
                .metavar("<trunk>")
                .help("Unset subports from this trunk (name or ID)"),
        );
        parser.add(
            Arg::option(&["--subport"])
                .metavar("<subport>")
                .required()
                .append()
                .dest("unset_subports")
                .help(
                    "Subport to unset (name or ID of the port) (repeat option to unset multiple subports)",
                ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        // `_get_attrs_for_subports` finds the ports before the trunk.
        let mut subports = Vec::new();
        for port in args.strings("unset_subports") {
            subports.push(json!({ "port_id": fail(port_id(ctx, &port))? }));
        }
        let trunk = find_trunk(ctx, args)?;
        fail(subport_call(
            ctx,
            &trunk,
            Method::Put,
            "remove_subports",
            Some(subports),
        ))?;
        Ok(Output::ok())
    }
}
