//! `flavor create|delete|list|set|show|unset` (openstacksdk `Flavor`), with access and properties.

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::common::{add_project_domain_option, find_project_id_sdk, given};
use identity::output::{self, fail};
use identity::pagination::{add_marker_pagination_options, non_negative};
use osc_lib::format_columns::dict_column;
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use super::options::{properties, property_option};
use crate::resources::{FLAVOR, FLAVOR_LIST_PATH};
use openstack_sdk as sdk;
use openstack_sdk::{Call, Failure, Param, Res};

/// `_get_flavor_columns` over the declared attributes of `Flavor` (`to_dict()`), renamed as OSC renames them,
/// sorted; `access_project_ids` when the command adds it (`flavor show`).
pub fn format_flavor(item: &Json, access: Option<Value>) -> Output {
    let int = |key: &str| item.get(key).map_or(Value::Int(0), Value::from_json);
    let mut pairs: Vec<(String, Value)> = vec![
        (
            "OS-FLV-DISABLED:disabled".into(),
            sdk::bool_attr(item, "OS-FLV-DISABLED:disabled"),
        ),
        (
            "OS-FLV-EXT-DATA:ephemeral".into(),
            int("OS-FLV-EXT-DATA:ephemeral"),
        ),
        ("description".into(), sdk::attr(item, "description")),
        ("disk".into(), int("disk")),
        ("id".into(), sdk::attr(item, "id")),
        ("name".into(), sdk::attr(item, "name")),
        (
            "os-flavor-access:is_public".into(),
            item.get("os-flavor-access:is_public")
                .map_or(Value::Bool(true), |v| Value::Bool(sdk::truthy(v))),
        ),
        ("properties".into(), dict_column(specs(item))),
        ("ram".into(), int("ram")),
        ("rxtx_factor".into(), rxtx(item)),
        ("swap".into(), swap(item)),
        ("vcpus".into(), int("vcpus")),
    ];
    if let Some(access) = access {
        pairs.push(("access_project_ids".into(), access));
    }
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(pairs)
}

/// `rxtx_factor` (`type=float`).
fn rxtx(item: &Json) -> Value {
    match item.get("rxtx_factor") {
        None | Some(Json::Null) => Value::Null,
        Some(value) => value.as_f64().map_or(Value::from_json(value), Value::Float),
    }
}

/// `swap` (`type=int`, default 0; Nova says `""` for none before 2.75).
fn swap(item: &Json) -> Value {
    match item.get("swap") {
        None => Value::Int(0),
        Some(Json::String(s)) if s.is_empty() => Value::Int(0),
        Some(value) => Value::from_json(value),
    }
}

/// `extra_specs` (default `{}`).
fn specs(item: &Json) -> Value {
    match item.get("extra_specs") {
        Some(value @ Json::Object(_)) => Value::from_json(value),
        _ => Value::Dict(Vec::new()),
    }
}

fn has_specs(item: &Json) -> bool {
    item.get("extra_specs").is_some_and(sdk::truthy)
}

/// `Flavor.id`: `id`, else `name`, else `original_name`.
fn flavor_id(item: &Json) -> String {
    ["id", "name", "original_name"]
        .iter()
        .filter_map(|key| item.get(*key).filter(|v| sdk::truthy(v)))
        .map(sdk::json_text)
        .next()
        .unwrap_or_else(|| "None".to_owned())
}

fn flavor_path(id: &str, tail: &str) -> String {
    format!("{}{tail}", sdk::item_path(FLAVOR.base_path, id))
}

/// The proxy's `find_flavor`: the ID first, then every flavor (`/flavors/detail?is_public=None`) by ID or
/// name; with `get_extra_specs`, the extra specs fetched when the answer lacks them.
pub fn find_flavor(cm: &mut ClientManager, name_or_id: &str, get_extra_specs: bool) -> Res<Json> {
    let found = match sdk::fetch(cm, &FLAVOR, FLAVOR.base_path, name_or_id, &[], None) {
        Ok(found) => found,
        Err(failure) if matches!(failure.status(), Some(400 | 403 | 404)) => {
            let all = sdk::list(
                cm,
                &FLAVOR,
                FLAVOR_LIST_PATH,
                &[("is_public", Some("None".to_owned()))],
                None,
            )?;
            let mut matches = all.into_iter().filter(|item| {
                sdk::str_of(item, "id") == Some(name_or_id)
                    || sdk::str_of(item, "name") == Some(name_or_id)
            });
            let first = matches
                .next()
                .ok_or_else(|| Failure::NotFound(format!("No Flavor found for {name_or_id}")))?;
            if matches.next().is_some() {
                return Err(Failure::Duplicate(format!(
                    "More than one Flavor exists with the name '{name_or_id}'."
                )));
            }
            first
        }
        Err(failure) => return Err(failure),
    };
    if get_extra_specs && !has_specs(&found) {
        return fetch_extra_specs(cm, found);
    }
    Ok(found)
}

/// `Flavor.fetch_extra_specs`.
fn fetch_extra_specs(cm: &mut ClientManager, mut flavor: Json) -> Res<Json> {
    let path = flavor_path(&flavor_id(&flavor), "/os-extra_specs");
    let answer = sdk::proxy::versioned(cm, &FLAVOR, Method::Get, path)?.json(cm)?;
    set_specs(&mut flavor, answer);
    Ok(flavor)
}

fn set_specs(flavor: &mut Json, answer: Json) {
    let specs = answer
        .get("extra_specs")
        .cloned()
        .unwrap_or(Json::Object(Map::new()));
    if let Json::Object(map) = flavor {
        map.insert("extra_specs".to_owned(), specs);
    }
}

/// `Flavor.create_extra_specs`: the flavor with the specs the answer gives.
fn create_extra_specs(
    cm: &mut ClientManager,
    mut flavor: Json,
    specs: &[(String, String)],
) -> Res<Json> {
    let path = flavor_path(&flavor_id(&flavor), "/os-extra_specs");
    let body: Map<String, Json> = specs
        .iter()
        .map(|(k, v)| (k.clone(), Json::from(v.as_str())))
        .collect();
    let answer = sdk::proxy::versioned(cm, &FLAVOR, Method::Post, path)?
        .body(serde_json::json!({ "extra_specs": body }))
        .json(cm)?;
    set_specs(&mut flavor, answer);
    Ok(flavor)
}

/// The proxy's `delete_flavor_extra_specs_property` (a missing key ignored).
fn delete_extra_spec(cm: &mut ClientManager, id: &str, key: &str) -> Res<()> {
    let path = flavor_path(id, &format!("/os-extra_specs/{}", sdk::quote_path(key)));
    match sdk::proxy::versioned(cm, &FLAVOR, Method::Delete, path)?.send(cm) {
        Err(failure) if failure.status() == Some(404) => Ok(()),
        other => other.map(|_| ()),
    }
}

/// `Flavor._action` (no microversion, `Accept` emptied).
fn flavor_action(cm: &mut ClientManager, id: &str, action: &str, tenant: &str) -> Res<()> {
    Call::new(FLAVOR.service, Method::Post, flavor_path(id, "/action"))
        .header("Accept", "")
        .body(serde_json::json!({ action: { "tenant": tenant } }))
        .send(cm)?;
    Ok(())
}

fn description_option(help: &str) -> Arg {
    Arg::option(&["--description"])
        .metavar("<description>")
        .help(help)
}

fn needs_description_support(cm: &mut ClientManager) -> Result<()> {
    if !fail(sdk::microversion::supports(cm, FLAVOR.service, "2.55"))? {
        return Err(Error::command(
            "The --description parameter requires server support for API microversion 2.55",
        ));
    }
    Ok(())
}

const FAILED: &str = "Command Failed: One or more of the operations failed";

/// `flavor create`.
pub struct CreateFlavor;

impl Command<ClientManager> for CreateFlavor {
    fn description(&self) -> &str {
        "Create new flavor"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("name")
                .metavar("<flavor-name>")
                .help("New flavor name"),
        );
        parser.add(
            Arg::option(&["--id"])
                .metavar("<id>")
                .help("Unique flavor ID"),
        );
        let int = |flag: &str, metavar: &str, default: i64, help: &str| {
            Arg::option(&[flag])
                .int()
                .metavar(metavar)
                .default(ArgValue::Int(default))
                .help(help)
        };
        parser.add(int(
            "--ram",
            "<size-mb>",
            256,
            "Memory size in MB (default 256M)",
        ));
        parser.add(int(
            "--disk",
            "<size-gb>",
            0,
            "Disk size in GB (default 0G)",
        ));
        parser.add(int(
            "--ephemeral",
            "<size-gb>",
            0,
            "Ephemeral disk size in GB (default 0G)",
        ));
        parser.add(int(
            "--swap",
            "<size-mb>",
            0,
            "Additional swap space size in MB (default 0M)",
        ));
        parser.add(int("--vcpus", "<vcpus>", 1, "Number of vcpus (default 1)"));
        parser.add(
            Arg::option(&["--rxtx-factor"])
                .metavar("<factor>")
                .help("RX/TX factor"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--public"])
                .dest("public")
                .action(Action::StoreTrue)
                .default(ArgValue::Bool(true))
                .help("Flavor is available to other projects (default)"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--private"])
                .dest("public")
                .action(Action::StoreFalse)
                .help("Flavor is not available to other projects"),
        );
        parser.add(property_option(
            "Property to add for this flavor (repeat option to set multiple properties)",
        ));
        parser.add(Arg::option(&["--project"]).metavar("<project>").help(
            "Allow <project> to access private flavor (name or ID) (Must be used with --private option)",
        ));
        parser.add(description_option(
            "Description for the flavor.(Supported by API versions '2.55' - '2.latest'",
        ));
        add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let public = args.flag("public");
        if given(args, "project").is_some() && public {
            return Err(Error::command("--project is only allowed with --private"));
        }
        let props = properties(args)?;
        let mut id = args.str("id").map_or(Json::Null, Json::from);
        if args.str("id") == Some("auto") {
            id = Json::Null;
            log::warn!(
                "Passing '--id auto' is deprecated. Nova will automatically assign a UUID-like ID if no ID is \
                 provided. Omit the '--id' parameter instead."
            );
        }
        let int = |dest: &str| Json::from(args.int(dest).unwrap_or(0));
        let mut body = Map::new();
        body.insert(
            "name".into(),
            args.str("name").map_or(Json::Null, Json::from),
        );
        body.insert("ram".into(), int("ram"));
        body.insert("vcpus".into(), int("vcpus"));
        body.insert("disk".into(), int("disk"));
        body.insert("id".into(), id);
        body.insert("OS-FLV-EXT-DATA:ephemeral".into(), int("ephemeral"));
        body.insert("swap".into(), int("swap"));
        body.insert("os-flavor-access:is_public".into(), Json::Bool(public));
        if let Some(factor) = given(args, "rxtx_factor") {
            let parsed: f64 = factor.trim().parse().map_err(|_| {
                Error::usage(format!(
                    "argument --rxtx-factor: invalid float value: '{factor}'"
                ))
            })?;
            if parsed != 0.0 {
                if fail(sdk::microversion::supports(ctx, FLAVOR.service, "2.102"))? {
                    return Err(Error::command(
                        "The --rxtx-factor parameter is only supported until API microversion 2.101",
                    ));
                }
                body.insert("rxtx_factor".into(), Json::from(parsed));
            }
        }
        if let Some(description) = given(args, "description") {
            needs_description_support(ctx)?;
            body.insert("description".into(), Json::from(description));
        }
        let mut flavor = fail(sdk::create(
            ctx,
            &FLAVOR,
            Method::Post,
            FLAVOR.base_path,
            body,
        ))?;
        if let Some(project) = given(args, "project") {
            let added =
                find_project_id_sdk(ctx, project, given(args, "project_domain"), true, None)
                    .and_then(|project_id| {
                        flavor_action(ctx, &flavor_id(&flavor), "addTenantAccess", &project_id)
                    });
            if let Err(err) = added {
                log::error!("Failed to add project {project} access to flavor: {err}");
            }
        }
        if !props.is_empty() {
            match create_extra_specs(ctx, flavor.clone(), &props) {
                Ok(updated) => flavor = updated,
                Err(err) => log::error!("Failed to set flavor properties: {err}"),
            }
        }
        Ok(format_flavor(&flavor, None))
    }
}

/// `flavor delete`.
pub struct DeleteFlavor;

impl Command<ClientManager> for DeleteFlavor {
    fn description(&self) -> &str {
        "Delete flavor(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("flavor")
                .metavar("<flavor>")
                .nargs(Nargs::OneOrMore)
                .help("Flavor(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        osc_lib::multi::each_item(
            ctx,
            args,
            &args.strings("flavor"),
            |ctx, name| {
                let flavor = find_flavor(ctx, name, false)?;
                let path = sdk::item_path(FLAVOR.base_path, &flavor_id(&flavor));
                sdk::delete(ctx, &FLAVOR, &path, true)
            },
            output::delete_failure("flavor"),
            output::delete_summary("flavors"),
        )
    }
}

/// `flavor list`.
pub struct ListFlavor;

impl Command<ClientManager> for ListFlavor {
    fn description(&self) -> &str {
        "List flavors"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--public"])
                .dest("public")
                .action(Action::StoreTrue)
                .default(ArgValue::Bool(true))
                .help("List only public flavors (default)"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--private"])
                .dest("public")
                .action(Action::StoreFalse)
                .help("List only private flavors"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--all"])
                .flag()
                .help("List all flavors, whether public or private"),
        );
        parser.add(
            Arg::option(&["--min-disk"])
                .int()
                .metavar("<min-disk>")
                .help("Filters the flavors by a minimum disk space, in GiB."),
        );
        parser.add(
            Arg::option(&["--min-ram"])
                .int()
                .metavar("<min-ram>")
                .help("Filters the flavors by a minimum RAM, in MiB."),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let limit = non_negative(args, "limit", "--limit")?.filter(|l| *l != 0);
        let max_items = non_negative(args, "max_items", "--max-items")?;
        let marker = given(args, "marker");
        let is_public = if args.flag("all") {
            "None".to_owned()
        } else {
            sdk::py_bool(args.flag("public"))
        };
        let mut params: Vec<Param> = vec![("is_public", Some(is_public))];
        if let Some(marker) = marker {
            params.push(("marker", Some(marker.to_owned())));
        }
        if let Some(limit) = limit {
            params.push(("limit", Some(limit.to_string())));
        }
        if let Some(min) = args.int("min_disk").filter(|m| *m != 0) {
            params.push(("min_disk", Some(min.to_string())));
        }
        if let Some(min) = args.int("min_ram").filter(|m| *m != 0) {
            params.push(("min_ram", Some(min.to_string())));
        }
        let max = max_items.map(|m| m as usize);
        let mut data = if limit.is_some() || marker.is_some() {
            // An explicit page: openstacksdk's `paginated=False`, one request.
            let query = FLAVOR.transpose(&params);
            let mut answer =
                sdk::proxy::versioned(ctx, &FLAVOR, Method::Get, FLAVOR_LIST_PATH.into())
                    .and_then(|call| call.query(query).json(ctx))
                    .map_err(Error::from)?;
            let mut items = match answer.get_mut("flavors").map(Json::take) {
                Some(Json::Array(items)) => items,
                _ => Vec::new(),
            };
            if let Some(max) = max.filter(|m| *m > 0) {
                items.truncate(max);
            }
            items
        } else {
            fail(sdk::list(ctx, &FLAVOR, FLAVOR_LIST_PATH, &params, max))?
        };
        let long = args.flag("long");
        if long {
            for flavor in &mut data {
                if !has_specs(flavor) {
                    *flavor = fail(fetch_extra_specs(ctx, flavor.clone()))?;
                }
            }
        }
        let mut columns = vec![
            "ID",
            "Name",
            "RAM",
            "Disk",
            "Ephemeral",
            "VCPUs",
            "Is Public",
        ];
        if long {
            columns.extend(["Swap", "RXTX Factor", "Properties"]);
        }
        let rows = data
            .iter()
            .map(|f| {
                let int = |key: &str| f.get(key).map_or(Value::Int(0), Value::from_json);
                let mut row = vec![
                    sdk::attr(f, "id"),
                    sdk::attr(f, "name"),
                    int("ram"),
                    int("disk"),
                    int("OS-FLV-EXT-DATA:ephemeral"),
                    int("vcpus"),
                    f.get("os-flavor-access:is_public")
                        .map_or(Value::Bool(true), |v| Value::Bool(sdk::truthy(v))),
                ];
                if long {
                    row.extend([swap(f), rxtx(f), dict_column(specs(f))]);
                }
                row
            })
            .collect();
        Ok(output::list(&columns, rows))
    }
}

/// `find_flavor(..., get_extra_specs=True)` with a miss as a `CommandError` of its message.
fn find_for_change(cm: &mut ClientManager, name: &str) -> Result<Json> {
    match find_flavor(cm, name, true) {
        Err(Failure::NotFound(message)) => Err(Error::command(message)),
        other => fail(other),
    }
}

/// `flavor set`.
pub struct SetFlavor;

impl Command<ClientManager> for SetFlavor {
    fn description(&self) -> &str {
        "Set flavor properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("flavor")
                .metavar("<flavor>")
                .help("Flavor to modify (name or ID)"),
        );
        parser.add(Arg::option(&["--no-property"]).flag().help(
            "Remove all properties from this flavor (specify both --no-property and --property to remove the \
             current properties before setting new properties.)",
        ));
        parser.add(property_option(
            "Property to add or modify for this flavor (repeat option to set multiple properties)",
        ));
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Set flavor access to project (name or ID) (admin only)"),
        );
        add_project_domain_option(parser);
        parser.add(description_option(
            "Set description for the flavor.(Supported by API versions '2.55' - '2.latest'",
        ));
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let props = properties(args)?;
        let flavor = find_for_change(ctx, args.str("flavor").unwrap_or(""))?;
        let id = flavor_id(&flavor);
        if let Some(description) = given(args, "description") {
            needs_description_support(ctx)?;
            let mut changes = Map::new();
            changes.insert("description".into(), Json::from(description));
            let path = sdk::item_path(FLAVOR.base_path, &id);
            let put = openstack_sdk::Resource {
                commit_method: Method::Put,
                ..FLAVOR
            };
            fail(sdk::commit(ctx, &put, &path, None, changes))?;
        }
        let mut result = 0;
        if args.flag("no_property") {
            let keys: Vec<String> = match flavor.get("extra_specs") {
                Some(Json::Object(map)) => map.keys().cloned().collect(),
                _ => Vec::new(),
            };
            for key in keys {
                if let Err(err) = delete_extra_spec(ctx, &id, &key) {
                    log::error!("Failed to clear flavor properties: {err}");
                    result += 1;
                    break;
                }
            }
        }
        if !props.is_empty() {
            if let Err(err) = create_extra_specs(ctx, flavor.clone(), &props) {
                log::error!("Failed to set flavor properties: {err}");
                result += 1;
            }
        }
        if let Some(project) = given(args, "project") {
            let granted = if public(&flavor) {
                Err(Failure::command("Cannot set access for a public flavor"))
            } else {
                find_project_id_sdk(ctx, project, given(args, "project_domain"), true, None)
                    .and_then(|project_id| flavor_action(ctx, &id, "addTenantAccess", &project_id))
            };
            if let Err(err) = granted {
                log::error!("Failed to set flavor access to project: {err}");
                result += 1;
            }
        }
        if result > 0 {
            return Err(Error::command(FAILED));
        }
        Ok(Output::ok())
    }
}

fn public(flavor: &Json) -> bool {
    flavor
        .get("os-flavor-access:is_public")
        .is_none_or(sdk::truthy)
}

/// `flavor show`.
pub struct ShowFlavor;

impl Command<ClientManager> for ShowFlavor {
    fn description(&self) -> &str {
        "Display flavor details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("flavor")
                .metavar("<flavor>")
                .help("Flavor to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let name = args.str("flavor").unwrap_or("");
        let flavor = fail(find_flavor(ctx, name, true))?;
        let mut access = Value::Null;
        if !public(&flavor) {
            let path = flavor_path(&flavor_id(&flavor), "/os-flavor-access");
            match Call::new(FLAVOR.service, Method::Get, path).json(ctx) {
                Ok(answer) => {
                    let tenants = match answer.get("flavor_access") {
                        Some(Json::Array(items)) => {
                            items.iter().map(|a| sdk::attr(a, "tenant_id")).collect()
                        }
                        _ => Vec::new(),
                    };
                    access = Value::List(tenants);
                }
                Err(err) => {
                    log::error!("Failed to get access projects list for flavor '{name}': {err}")
                }
            }
        }
        Ok(format_flavor(&flavor, Some(access)))
    }
}

/// `flavor unset`.
pub struct UnsetFlavor;

impl Command<ClientManager> for UnsetFlavor {
    fn description(&self) -> &str {
        "Unset flavor properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("flavor")
                .metavar("<flavor>")
                .help("Flavor to modify (name or ID)"),
        );
        parser.add(
            Arg::option(&["--property"])
                .metavar("<key>")
                .dest("properties")
                .append()
                .help(
                    "Property to remove from flavor (repeat option to unset multiple properties)",
                ),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Remove flavor access from project (name or ID) (admin only)"),
        );
        add_project_domain_option(parser);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let flavor = find_for_change(ctx, args.str("flavor").unwrap_or(""))?;
        let id = flavor_id(&flavor);
        let mut result = 0;
        for key in args.strings("properties") {
            if let Err(err) = delete_extra_spec(ctx, &id, &key) {
                log::error!("Failed to unset flavor property: {err}");
                result += 1;
            }
        }
        if let Some(project) = given(args, "project") {
            let removed = if public(&flavor) {
                Err(Failure::command("Cannot remove access for a public flavor"))
            } else {
                find_project_id_sdk(ctx, project, given(args, "project_domain"), false, None)
                    .and_then(|project_id| {
                        flavor_action(ctx, &id, "removeTenantAccess", &project_id)
                    })
            };
            if let Err(err) = removed {
                log::error!("Failed to remove flavor access from project: {err}");
                result += 1;
            }
        }
        if result > 0 {
            return Err(Error::command(FAILED));
        }
        Ok(Output::ok())
    }
}
