//! `bgpvpn port association create|delete|list|set|show|unset` (OSC's `network/v2/bgpvpn/port_association.py`,
//! openstacksdk `BgpVpnPortAssociation`).

use cliff::{Arg, ArgValue, Args, Error, Output, Parser, Result, Value};
use osc_lib::{parseractions, ClientManager};
use serde_json::{Map, Value as Json};

use super::association::{AssocObject, HIDDEN};
use super::find_bgpvpn;
use crate::common::{self, fail, Any, Computed, List, NetResource};
use crate::nested;
use openstack_sdk::id_of;

/// openstacksdk's `network.v2.bgpvpn_port_association.BgpVpnPortAssociation`.
pub const PORT_ASSOCIATION: NetResource = super::association::resource(
    "BgpVpnPortAssociation",
    "port_association",
    "port_associations",
    "/bgpvpn/bgpvpns/{bgpvpn_id}/port_associations",
    &[
        ("id", "id", Any),
        ("project_id", "project_id", Any),
        ("tenant_id", "tenant_id", Any),
        ("port_id", "port_id", Any),
        ("advertise_fixed_ips", "advertise_fixed_ips", Any),
        ("routes", "routes", List),
        ("name", "name", Any),
        ("location", "location", Computed),
    ],
);

/// `_formatters`: the transformed route columns as `ListColumn`.
fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "prefix_routes" | "bgpvpn_routes" => common::list_column(value),
        _ => Value::from_json(&value),
    }
}

/// The show output after `_transform_resource`: that pops `routes` from the resource's dict, not from its
/// attributes, so the `routes` column stays, read as `''`; the route columns it adds are no attributes, so they
/// are not shown.
fn show(item: &Json) -> Output {
    let pairs = common::show_columns(&PORT_ASSOCIATION, item, &[], HIDDEN)
        .into_iter()
        .map(|(shown, attribute)| {
            let value = if attribute == "routes" {
                Json::from("")
            } else {
                PORT_ASSOCIATION.get(item, &attribute)
            };
            (shown, format(&attribute, value))
        })
        .collect();
    Output::show(pairs)
}

/// The listed associations with `--long`: `_transform_resource` files the routes under keys the resource's
/// `[]` does not know, so OSC fails with the `KeyError` of the first route column an association fills.
fn list_check(items: &[Json], long: bool) -> Result<()> {
    if !long {
        return Ok(());
    }
    for item in items {
        let kinds: Vec<&str> = match item.get("routes") {
            Some(Json::Array(routes)) => routes
                .iter()
                .filter_map(|r| r.get("type").and_then(Json::as_str))
                .collect(),
            _ => Vec::new(),
        };
        for (kind, column) in [("prefix", "prefix_routes"), ("bgpvpn", "bgpvpn_routes")] {
            if kinds.contains(&kind) {
                return Err(Error::command(format!("'{column}'")));
            }
        }
    }
    Ok(())
}

const LOCAL_PREF_VALUE: &str =
    ". Optionally, can control the value of the BGP LOCAL_PREF of the routes that will be advertised";

fn prefix_route_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => {
            parseractions::multi_key_value(std::slice::from_ref(text), &["prefix"], &["local_pref"])
                .map(|_| ())
        }
        _ => Ok(()),
    }
}

fn bgpvpn_route_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => {
            parseractions::multi_key_value(std::slice::from_ref(text), &["bgpvpn"], &["local_pref"])
                .map(|_| ())
        }
        _ => Ok(()),
    }
}

/// `_get_common_parser(parser, action)`.
fn add_options(parser: &mut Parser, action: &str) {
    let advertise = format!(
        "Fixed IPs of the port will be advertised to the BGP VPN{}",
        if action == "create" { " (default)" } else { "" }
    );
    let not_advertise = "Fixed IPs of the port will not be advertised to the BGP VPN";
    let (on, off) = if action == "unset" {
        (not_advertise, advertise.as_str())
    } else {
        (advertise.as_str(), not_advertise)
    };
    common::add_exclusive_flags(
        parser,
        &[
            ("--advertise-fixed-ips", on),
            ("--no-advertise-fixed-ips", off),
        ],
    );
    if action == "create" || action == "set" {
        parser.add(
            Arg::option(&["--prefix-route"])
                .metavar("prefix=<cidr>[,local_pref=<integer>]")
                .dest("prefix_routes")
                .append()
                .check(prefix_route_check)
                .help(&format!(
                    "Add prefix route in CIDR notation{LOCAL_PREF_VALUE} (repeat option for multiple prefix \
                     routes)"
                )),
        );
        parser.add(
            Arg::option(&["--bgpvpn-route"])
                .metavar("bgpvpn=<BGP VPN ID or name>[,local_pref=<integer>]")
                .dest("bgpvpn_routes")
                .append()
                .check(bgpvpn_route_check)
                .help(&format!(
                    "Add BGP VPN route for route leaking{LOCAL_PREF_VALUE} (repeat option for multiple BGP VPN \
                     routes)"
                )),
        );
    } else {
        parser.add(
            Arg::option(&["--prefix-route"])
                .metavar("<cidr>")
                .dest("prefix_routes")
                .append()
                .help("Remove prefix route in CIDR notation (repeat option for multiple prefix routes)"),
        );
        parser.add(
            Arg::option(&["--bgpvpn-route"])
                .metavar("<BGP VPN ID or name>")
                .dest("bgpvpn_routes")
                .append()
                .help("Remove BGP VPN route (repeat option for multiple BGP VPN routes)"),
        );
    }
    if action != "create" {
        let (prefix, bgpvpn) = if action == "set" {
            ("--no-prefix-route", "--no-bgpvpn-route")
        } else {
            ("--all-prefix-routes", "--all-bgpvpn-routes")
        };
        parser.add(
            Arg::option(&[prefix])
                .dest("purge_prefix_route")
                .flag()
                .help("Empty prefix route list"),
        );
        parser.add(
            Arg::option(&[bgpvpn])
                .dest("purge_bgpvpn_route")
                .flag()
                .help("Empty BGP VPN route list"),
        );
    }
}

/// Python's truth of a `local_pref` (a string from the command line, a number from the server).
fn truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::String(s) => !s.is_empty(),
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        _ => true,
    }
}

/// `int(local_pref)`.
fn to_int(value: &Json) -> Result<Json> {
    match value {
        Json::String(s) => {
            s.trim().parse::<i64>().map(Json::from).map_err(|_| {
                Error::command(format!("invalid literal for int() with base 10: '{s}'"))
            })
        }
        Json::Bool(b) => Ok(Json::from(i64::from(*b))),
        other => Ok(other.clone()),
    }
}

/// An ordered dict of routes: key (prefix or BGP VPN ID) to `local_pref`.
type RouteMap = Vec<(String, Json)>;

fn upsert(map: &mut RouteMap, key: String, value: Json) {
    match map.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) => entry.1 = value,
        None => map.push((key, value)),
    }
}

/// The existing routes of one type (`prefix` or `bgpvpn`) as `{key: local_pref}`.
fn existing(assoc: &Json, kind: &str, key: &str) -> RouteMap {
    let mut map = RouteMap::new();
    if let Some(Json::Array(routes)) = assoc.get("routes") {
        for route in routes {
            if route.get("type").and_then(Json::as_str) == Some(kind) {
                let name = route
                    .get(key)
                    .map(openstack_sdk::json_text)
                    .unwrap_or_default();
                let pref = route.get("local_pref").cloned().unwrap_or(Json::Null);
                upsert(&mut map, name, pref);
            }
        }
    }
    map
}

/// The `key=value` dicts of a `MultiKeyValueAction` option.
fn multi(args: &Args, dest: &str) -> Vec<Vec<(String, String)>> {
    parseractions::multi_key_value(&args.strings(dest), &[], &[]).unwrap_or_default()
}

fn lookup<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// `_args2body(client, action, bgpvpn_id, args)`: set and unset start from the association's routes (found
/// under the BGP VPN), create from none; the routes are always sent, prefix routes first.
fn body(
    cm: &mut ClientManager,
    action: &str,
    bgpvpn_id: &str,
    args: &Args,
) -> Result<Map<String, Json>> {
    let assoc = if action == "create" {
        serde_json::json!({ "routes": [] })
    } else {
        let id = args.str("port_association_id").unwrap_or("");
        fail(nested::find_under(
            cm,
            &PORT_ASSOCIATION,
            &[("bgpvpn_id", bgpvpn_id)],
            id,
        ))?
    };
    let mut attrs = Map::new();
    if args.flag("advertise_fixed_ips") {
        attrs.insert("advertise_fixed_ips".into(), Json::Bool(action != "unset"));
    } else if args.flag("no_advertise_fixed_ips") {
        attrs.insert("advertise_fixed_ips".into(), Json::Bool(action == "unset"));
    }

    let prefix_routes = if args.flag("purge_prefix_route") {
        RouteMap::new()
    } else {
        let mut map = existing(&assoc, "prefix", "prefix");
        if action == "unset" {
            for prefix in args.strings("prefix_routes") {
                map.retain(|(k, _)| *k != prefix);
            }
        } else {
            for route in multi(args, "prefix_routes") {
                let prefix = lookup(&route, "prefix").unwrap_or("").to_owned();
                let pref = lookup(&route, "local_pref").map_or(Json::Null, Json::from);
                upsert(&mut map, prefix, pref);
            }
        }
        map
    };

    let bgpvpn_routes = if args.flag("purge_bgpvpn_route") {
        RouteMap::new()
    } else {
        let mut map = existing(&assoc, "bgpvpn", "bgpvpn_id");
        let given: Vec<(String, Json)> = if action == "unset" {
            args.strings("bgpvpn_routes")
                .into_iter()
                .map(|b| (b, Json::Null))
                .collect()
        } else {
            multi(args, "bgpvpn_routes")
                .into_iter()
                .map(|route| {
                    let bgpvpn = lookup(&route, "bgpvpn").unwrap_or("").to_owned();
                    let pref = lookup(&route, "local_pref").map_or(Json::Null, Json::from);
                    (bgpvpn, pref)
                })
                .collect()
        };
        let mut found = RouteMap::new();
        for (bgpvpn, pref) in given {
            let id = id_of(&find_bgpvpn(cm, &bgpvpn)?);
            upsert(&mut found, id, pref);
        }
        for (id, pref) in found {
            if action == "unset" {
                map.retain(|(k, _)| *k != id);
            } else {
                upsert(&mut map, id, pref);
            }
        }
        map
    };

    let mut routes: Vec<Json> = Vec::new();
    for (kind, key, map) in [
        ("prefix", "prefix", prefix_routes),
        ("bgpvpn", "bgpvpn_id", bgpvpn_routes),
    ] {
        for (name, pref) in map {
            let mut route = Map::new();
            route.insert("type".into(), Json::from(kind));
            route.insert(key.into(), Json::from(name));
            if truthy(&pref) {
                route.insert("local_pref".into(), to_int(&pref)?);
            }
            routes.push(Json::Object(route));
        }
    }
    attrs.insert("routes".into(), Json::from(routes));
    Ok(attrs)
}

/// The commands' view of port associations.
pub static OBJECT: AssocObject = AssocObject {
    res: &PORT_ASSOCIATION,
    kind: "port",
    title: "Port",
    resource_dest: "port",
    id_dest: "port_association",
    descriptions: [
        "Create a BGP VPN port association",
        "Delete a BGP VPN port association(s) for a given BGP VPN",
        "List BGP VPN port associations for a given BGP VPN",
        "Show information of a given BGP VPN port association",
        "Set BGP VPN port association properties",
        "Unset BGP VPN port association properties",
    ],
    attr_map: &[
        ("id", "ID", false),
        ("project_id", "Project", true),
        ("port_id", "Port ID", false),
        ("prefix_routes", "Prefix Routes (BGP LOCAL_PREF)", true),
        ("bgpvpn_routes", "BGP VPN Routes (BGP LOCAL_PREF)", true),
        ("advertise_fixed_ips", "Advertise Port's Fixed IPs", true),
    ],
    formatter: format,
    resource: &crate::resources::PORT,
    add_options: Some(add_options),
    body: Some(body),
    show: Some(show),
    list_check: Some(list_check),
};

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn local_pref_as_python_reads_it() {
        assert!(truthy(&json!("0")));
        assert!(!truthy(&json!(0)));
        assert!(!truthy(&json!("")));
        assert_eq!(to_int(&json!(" 7 ")).unwrap(), json!(7));
        assert_eq!(
            to_int(&json!("x")).unwrap_err().message,
            "invalid literal for int() with base 10: 'x'"
        );
    }

    fn parsed(action: &str, argv: &[&str]) -> Args {
        let mut parser = Parser::new("t");
        parser.add(Arg::positional("port_association_id"));
        add_options(&mut parser, action);
        let argv: Vec<String> = argv.iter().map(|a| (*a).to_owned()).collect();
        parser.parse_args(&argv).unwrap()
    }

    #[test]
    fn set_merges_the_routes_found() {
        let t = openstack_sdk::testing::Scripted::new(&[
            (
                200,
                r#"{"port_association": {"id": "pa", "routes": [
                    {"type": "prefix", "prefix": "10.0.0.0/24", "local_pref": 5},
                    {"type": "bgpvpn", "bgpvpn_id": "old", "local_pref": 0}]}}"#,
            ),
            (200, r#"{"bgpvpn": {"id": "new", "name": "n"}}"#),
        ]);
        let mut cm = t.manager();
        let args = parsed(
            "set",
            &[
                "pa",
                "--no-advertise-fixed-ips",
                "--prefix-route",
                "prefix=10.1.0.0/24,local_pref=0",
                "--prefix-route",
                "prefix=10.0.0.0/24",
                "--bgpvpn-route",
                "bgpvpn=new,local_pref=9",
            ],
        );
        let attrs = body(&mut cm, "set", "b", &args).unwrap();
        assert_eq!(
            Json::Object(attrs),
            json!({"advertise_fixed_ips": false, "routes": [
                {"type": "prefix", "prefix": "10.0.0.0/24"},
                {"type": "prefix", "prefix": "10.1.0.0/24", "local_pref": 0},
                {"type": "bgpvpn", "bgpvpn_id": "old"},
                {"type": "bgpvpn", "bgpvpn_id": "new", "local_pref": 9}]})
        );
        assert_eq!(
            t.sent(),
            [
                "GET /v2.0/bgpvpn/bgpvpns/b/port_associations/pa",
                "GET /v2.0/bgpvpn/bgpvpns/new"
            ]
        );
    }

    #[test]
    fn unset_removes_and_purges() {
        let t = openstack_sdk::testing::Scripted::new(&[(
            200,
            r#"{"port_association": {"id": "pa", "routes": [
                {"type": "prefix", "prefix": "10.0.0.0/24"},
                {"type": "prefix", "prefix": "10.1.0.0/24", "local_pref": 3},
                {"type": "bgpvpn", "bgpvpn_id": "old"}]}}"#,
        )]);
        let mut cm = t.manager();
        let args = parsed(
            "unset",
            &[
                "pa",
                "--advertise-fixed-ips",
                "--prefix-route",
                "10.0.0.0/24",
                "--all-bgpvpn-routes",
            ],
        );
        let attrs = body(&mut cm, "unset", "b", &args).unwrap();
        assert_eq!(
            Json::Object(attrs),
            json!({"advertise_fixed_ips": false, "routes": [
                {"type": "prefix", "prefix": "10.1.0.0/24", "local_pref": 3}]})
        );
    }

    #[test]
    fn routes_of_a_type_in_order() {
        let assoc = json!({"routes": [
            {"type": "prefix", "prefix": "10.0.0.0/24", "local_pref": 5},
            {"type": "bgpvpn", "bgpvpn_id": "b"},
            {"type": "prefix", "prefix": "10.1.0.0/24"}
        ]});
        let prefixes = existing(&assoc, "prefix", "prefix");
        assert_eq!(
            prefixes,
            vec![
                ("10.0.0.0/24".to_owned(), json!(5)),
                ("10.1.0.0/24".to_owned(), Json::Null)
            ]
        );
        assert!(list_check(std::slice::from_ref(&assoc), false).is_ok());
        assert_eq!(
            list_check(&[assoc], true).unwrap_err().message,
            "'prefix_routes'"
        );
    }
}
