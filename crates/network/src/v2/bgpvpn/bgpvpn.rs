//! `bgpvpn create|delete|list|set|show|unset` (OSC's `network/v2/bgpvpn/bgpvpn.py`, openstacksdk `BgpVpn`).

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{json, Map, Value as Json};

use super::{
    add_list_options, add_project_owner, client_filtered, column_definitions, find_bgpvpn,
    owner_project_id, project_attr, properties, split_filters,
};
use crate::common::{self, fail, Any, Computed, List, NetResource};
use openstack_sdk::{id_of, Resource};

/// openstacksdk's `network.v2.bgpvpn.BgpVpn` (its `networks`, `routers` and `ports` are unknown body
/// attributes, kept as the server sends them).
pub const BGPVPN: NetResource = NetResource {
    resource: Resource {
        service: "network",
        class: "BgpVpn",
        key: "bgpvpn",
        plural: "bgpvpns",
        base_path: "/bgpvpn/bgpvpns",
        query: &[
            ("limit", "limit"),
            ("marker", "marker"),
            ("name", "name"),
            ("fields", "fields"),
            ("project_id", "project_id"),
            ("local_pref", "local_pref"),
            ("vni", "vni"),
            ("type", "type"),
            ("networks", "networks"),
            ("routers", "routers"),
            ("ports", "ports"),
        ],
        commit_method: Method::Put,
        ..Resource::DEFAULT
    },
    attrs: &[
        ("id", "id", Any),
        ("name", "name", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("route_distinguishers", "route_distinguishers", List),
        ("route_targets", "route_targets", List),
        ("import_targets", "import_targets", List),
        ("export_targets", "export_targets", List),
        ("local_pref", "local_pref", Any),
        ("vni", "vni", Any),
        ("type", "type", Any),
        ("location", "location", Computed),
    ],
    shadowed: &[],
};

/// `_attr_map`: (attribute, header, listed only with `--long`).
const ATTR_MAP: &[(&str, &str, bool)] = &[
    ("id", "ID", false),
    ("project_id", "Project", true),
    ("name", "Name", false),
    ("type", "Type", false),
    ("route_targets", "Route Targets", true),
    ("import_targets", "Import Targets", true),
    ("export_targets", "Export Targets", true),
    ("route_distinguishers", "Route Distinguishers", true),
    ("networks", "Associated Networks", true),
    ("routers", "Associated Routers", true),
    ("ports", "Associated Ports", true),
    ("vni", "VNI", true),
    ("local_pref", "Local Pref", true),
];

/// `_formatters`: the list attributes as `ListColumn`.
fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "route_targets"
        | "import_targets"
        | "export_targets"
        | "route_distinguishers"
        | "networks"
        | "routers"
        | "ports" => common::list_column(value),
        _ => Value::from_json(&value),
    }
}

/// A BGP VPN's show output (`_get_columns`: no renamed columns, `location` and `tenant_id` hidden).
fn show(item: &Json) -> Output {
    common::show(&BGPVPN, item, &[], &["location", "tenant_id"], format)
}

/// The four list options of `_get_common_parser`: (option, dest, purge option of set, of unset, purge dest,
/// purge help).
const LISTS: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "--route-target",
        "route_targets",
        "--no-route-target",
        "--all-route-target",
        "purge_route_target",
        "Empty route target list",
    ),
    (
        "--import-target",
        "import_targets",
        "--no-import-target",
        "--all-import-target",
        "purge_import_target",
        "Empty import route target list",
    ),
    (
        "--export-target",
        "export_targets",
        "--no-export-target",
        "--all-export-target",
        "purge_export_target",
        "Empty export route target list",
    ),
    (
        "--route-distinguisher",
        "route_distinguishers",
        "--no-route-distinguisher",
        "--all-route-distinguisher",
        "purge_route_distinguisher",
        "Empty route distinguisher list",
    ),
];

const REPEAT_RT: &str = "repeat option for multiple Route Targets";
const REPEAT_RD: &str = "repeat option for multiple Route Distinguishers";

/// The help of a list option: (added, removed, repeat).
fn list_help(dest: &str) -> (&'static str, &'static str, &'static str) {
    match dest {
        "route_targets" => (
            "Add Route Target to import/export list",
            "Remove Route Target from import/export list",
            REPEAT_RT,
        ),
        "import_targets" => (
            "Add Route Target to import list",
            "Remove Route Target from import list",
            REPEAT_RT,
        ),
        "export_targets" => (
            "Add Route Target to export list",
            "Remove Route Target from export list",
            REPEAT_RT,
        ),
        _ => (
            "Add Route Distinguisher to the list of Route Distinguishers from which a Route Distinguishers will \
             be picked from to advertise a VPN route",
            "Remove Route Distinguisher from the list of Route Distinguishers from which a Route \
             Distinguishers will be picked from to advertise a VPN route",
            REPEAT_RD,
        ),
    }
}

/// `_get_common_parser(parser, update)`: `update` is `None` (create), `"set"` or `"unset"`.
fn add_common(parser: &mut Parser, update: Option<&str>) {
    let appended = update != Some("unset");
    if appended {
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Name of the BGP VPN"),
        );
    }
    for (option, dest, no, all, purge, purge_help) in LISTS {
        let (add, remove, repeat) = list_help(dest);
        let metavar = format!("<{}>", option.trim_start_matches('-'));
        parser.add(
            Arg::option(&[option])
                .dest(dest)
                .append()
                .metavar(&metavar)
                .help(&format!(
                    "{} ({repeat})",
                    if appended { add } else { remove }
                )),
        );
        if let Some(update) = update {
            let flag = if update == "set" { no } else { all };
            parser.add(Arg::option(&[flag]).dest(purge).flag().help(purge_help));
        }
    }
    parser.add(Arg::option(&["--vni"]).int().help(
        "VXLAN Network Identifier to be used for this BGPVPN when a VXLAN encapsulation is used",
    ));
    parser.add(
        Arg::option(&["--local-pref"])
            .dest("local_pref")
            .int()
            .help("Default BGP LOCAL_PREF to use in route advertisementstowards this BGPVPN."),
    );
}

/// `bgpvpn create`.
pub struct CreateBgpvpn;

impl Command<ClientManager> for CreateBgpvpn {
    fn description(&self) -> &str {
        "Create BGP VPN resource"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_owner(parser);
        add_common(parser, None);
        parser.add(
            Arg::option(&["--type"])
                .default("l3")
                .choices(&["l2", "l3"])
                .help("BGP VPN type selection between IP VPN (l3) and Ethernet VPN (l2) (default: l3)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut attrs = Map::new();
        if let Some(name) = args.str("name") {
            attrs.insert("name".into(), Json::from(name));
        }
        if let Some(kind) = args.str("type") {
            attrs.insert("type".into(), Json::from(kind));
        }
        for (_, dest, ..) in LISTS {
            if !matches!(args.get(dest), cliff::ArgValue::Null) {
                attrs.insert((*dest).into(), Json::from(args.strings(dest)));
            }
        }
        for dest in ["vni", "local_pref"] {
            if let Some(value) = args.int(dest) {
                attrs.insert(dest.into(), Json::from(value));
            }
        }
        project_attr(ctx, args, &mut attrs)?;
        let created = fail(common::create(ctx, &BGPVPN, attrs))?;
        Ok(show(&created))
    }
}

/// The strings of a list attribute of a fetched BGP VPN.
fn current(item: &Json, dest: &str) -> Vec<String> {
    match item.get(dest) {
        Some(Json::Array(values)) => values.iter().map(openstack_sdk::json_text).collect(),
        _ => Vec::new(),
    }
}

/// `_args2body(client_manager, id, action, args)`: the BGP VPN is fetched when a list option is given (unless
/// all four lists are purged); set adds to its lists, unset removes from them, a purge empties one.
fn args2body(
    cm: &mut ClientManager,
    id: &str,
    action: &str,
    args: &Args,
) -> Result<Map<String, Json>> {
    let all_purged = LISTS.iter().all(|(.., purge, _)| args.flag(purge));
    let any_list = LISTS
        .iter()
        .any(|(_, dest, ..)| !args.strings(dest).is_empty());
    let fetched = if !all_purged && any_list {
        Some(fail(common::get(cm, &BGPVPN, id))?)
    } else {
        None
    };
    let mut attrs = Map::new();
    if action == "set" {
        if let Some(name) = args.str("name") {
            attrs.insert("name".into(), Json::from(name));
        }
    }
    for dest in ["vni", "local_pref"] {
        if let Some(value) = args.int(dest) {
            attrs.insert(dest.into(), Json::from(value));
        }
    }
    for (_, dest, _, _, purge, _) in LISTS {
        let given = args.strings(dest);
        if args.flag(purge) {
            attrs.insert((*dest).into(), json!([]));
        } else if !given.is_empty() {
            let old = fetched
                .as_ref()
                .map(|b| current(b, dest))
                .unwrap_or_default();
            let mut new: Vec<String> = Vec::new();
            if action == "set" {
                for value in old.into_iter().chain(given) {
                    if !new.contains(&value) {
                        new.push(value);
                    }
                }
            } else {
                for value in old {
                    if !given.contains(&value) && !new.contains(&value) {
                        new.push(value);
                    }
                }
            }
            attrs.insert((*dest).into(), Json::from(new));
        }
    }
    Ok(attrs)
}

/// `bgpvpn set` and `bgpvpn unset` (the action).
pub struct SetBgpvpn(pub &'static str);

impl Command<ClientManager> for SetBgpvpn {
    fn description(&self) -> &str {
        if self.0 == "set" {
            "Set BGP VPN properties"
        } else {
            "Unset BGP VPN properties"
        }
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("bgpvpn")
                .metavar("<bgpvpn>")
                .help("BGP VPN to update (name or ID)"),
        );
        add_common(parser, Some(self.0));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = id_of(&find_bgpvpn(ctx, args.str("bgpvpn").unwrap_or(""))?);
        let attrs = args2body(ctx, &id, self.0, args)?;
        fail(common::update(ctx, &BGPVPN, &json!({ "id": id }), attrs))?;
        Ok(Output::ok())
    }
}

/// `bgpvpn delete`.
pub struct DeleteBgpvpn;

impl Command<ClientManager> for DeleteBgpvpn {
    fn description(&self) -> &str {
        "Delete BGP VPN resource(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("bgpvpns")
                .metavar("<bgpvpn>")
                .nargs(cliff::argparse::Nargs::OneOrMore)
                .help("BGP VPN(s) to delete (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        crate::extension::delete_logged(
            ctx,
            &BGPVPN,
            &args.strings("bgpvpns"),
            Some(|id| format!("BGP VPN {id} deleted")),
            "Failed to delete BGP VPN with name or ID",
            |fails, total| format!("Failed to delete {fails} of {total} BGP VPN."),
        )
    }
}

/// `bgpvpn list`.
pub struct ListBgpvpn;

impl Command<ClientManager> for ListBgpvpn {
    fn description(&self) -> &str {
        "List BGP VPN resources"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        add_project_owner(parser);
        add_list_options(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut filters: Vec<(String, String)> = Vec::new();
        if let Some(project_id) = owner_project_id(ctx, args)? {
            filters.push(("project_id".into(), project_id));
        }
        for (key, value) in properties(args)? {
            match filters.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = value,
                None => filters.push((key, value)),
            }
        }
        let (params, client) = split_filters(&BGPVPN, &filters);
        let items = fail(common::list(ctx, &BGPVPN, &params, None))?;
        let items = client_filtered(&BGPVPN, items, &client);
        let (headers, columns) = column_definitions(ATTR_MAP, args.flag("long"));
        Ok(common::rows(&BGPVPN, &items, &headers, &columns, format))
    }
}

/// `bgpvpn show`.
pub struct ShowBgpvpn;

impl Command<ClientManager> for ShowBgpvpn {
    fn description(&self) -> &str {
        "Show information of a given BGP VPN"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("bgpvpn")
                .metavar("<bgpvpn>")
                .help("BGP VPN to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let id = id_of(&find_bgpvpn(ctx, args.str("bgpvpn").unwrap_or(""))?);
        let item = fail(common::get(ctx, &BGPVPN, &id))?;
        Ok(show(&item))
    }
}
