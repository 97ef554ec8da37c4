//! `quota list|set|show|delete` (OSC's `openstackclient/common/quota.py`): the quotas of Nova, Cinder and
//! Neutron together.

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use compute::resources::QUOTA_SET as COMPUTE_QUOTA_SET;
use identity::output::fail;
use openstack_sdk as sdk;
use openstack_sdk::{Res, Resource};

/// `COMPUTE_QUOTAS`: API name and option name.
pub const COMPUTE_QUOTAS: &[(&str, &str)] = &[
    ("cores", "cores"),
    ("injected_file_content_bytes", "injected-file-size"),
    ("injected_file_path_bytes", "injected-path-size"),
    ("injected_files", "injected-files"),
    ("instances", "instances"),
    ("key_pairs", "key-pairs"),
    ("metadata_items", "properties"),
    ("ram", "ram"),
    ("server_group_members", "server-group-members"),
    ("server_groups", "server-groups"),
];

/// `VOLUME_QUOTAS`.
pub const VOLUME_QUOTAS: &[(&str, &str)] = &[
    ("backups", "backups"),
    ("backup_gigabytes", "backup-gigabytes"),
    ("gigabytes", "gigabytes"),
    ("groups", "groups"),
    ("per_volume_gigabytes", "per-volume-gigabytes"),
    ("snapshots", "snapshots"),
    ("volumes", "volumes"),
];

/// `IMPACT_VOLUME_TYPE_QUOTAS`.
const IMPACT_VOLUME_TYPE_QUOTAS: &[&str] = &["gigabytes", "snapshots", "volumes"];

/// `NETWORK_QUOTAS`.
pub const NETWORK_QUOTAS: &[(&str, &str)] = &[
    ("floatingip", "floating-ips"),
    ("security_group_rule", "secgroup-rules"),
    ("security_group", "secgroups"),
    ("network", "networks"),
    ("subnet", "subnets"),
    ("port", "ports"),
    ("router", "routers"),
    ("router_route", "router-routes"),
    ("rbac_policy", "rbac-policies"),
    ("subnetpool", "subnetpools"),
];

/// The attributes openstacksdk's compute `QuotaSet` declares, in order (`to_dict` lists them after the body's
/// own keys), then the common `QuotaSet`'s and `Resource`'s.
const COMPUTE_DECLARED: &[&str] = &[
    "cores",
    "fixed_ips",
    "floating_ips",
    "force",
    "injected_file_content_bytes",
    "injected_file_path_bytes",
    "injected_files",
    "instances",
    "key_pairs",
    "metadata_items",
    "networks",
    "ram",
    "security_group_rules",
    "security_groups",
    "server_groups",
    "server_group_members",
    "reservation",
    "usage",
    "id",
    "name",
    "location",
];

/// The block-storage `QuotaSet`'s declared attributes.
const VOLUME_DECLARED: &[&str] = &[
    "backup_gigabytes",
    "backups",
    "gigabytes",
    "groups",
    "per_volume_gigabytes",
    "snapshots",
    "volumes",
    "reservation",
    "usage",
    "id",
    "name",
    "location",
];

/// The network `Quota`'s declared attributes: (attribute, body key).
const NETWORK_DECLARED: &[(&str, &str)] = &[
    ("check_limit", "check_limit"),
    ("floating_ips", "floatingip"),
    ("health_monitors", "healthmonitor"),
    ("listeners", "listener"),
    ("load_balancers", "loadbalancer"),
    ("l7_policies", "l7policy"),
    ("networks", "network"),
    ("pools", "pool"),
    ("ports", "port"),
    ("project_id", "project_id"),
    ("tenant_id", "tenant_id"),
    ("rbac_policies", "rbac_policy"),
    ("router_routes", "router_route"),
    ("routers", "router"),
    ("subnets", "subnet"),
    ("subnet_pools", "subnetpool"),
    ("security_group_rules", "security_group_rule"),
    ("security_groups", "security_group"),
    ("id", "id"),
    ("name", "name"),
];

// lookup-only: fold into the volume crate at merge
/// openstacksdk's `block_storage.v3.quota_set.QuotaSet`.
pub const VOLUME_QUOTA_SET: Resource = Resource {
    service: "block-storage",
    class: "QuotaSet",
    key: "quota_set",
    base_path: "/os-quota-sets",
    commit_method: Method::Put,
    ..Resource::DEFAULT
};

// lookup-only: fold into the network crate at merge
/// openstacksdk's `network.v2.quota.Quota`.
pub const NETWORK_QUOTA: Resource = Resource {
    service: "network",
    class: "Quota",
    key: "quota",
    plural: "quotas",
    base_path: "/v2.0/quotas",
    commit_method: Method::Put,
    ..Resource::DEFAULT
};

/// An ordered dict of Python values.
type Dict = Vec<(String, Value)>;

fn get<'a>(dict: &'a Dict, key: &str) -> Option<&'a Value> {
    dict.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn pop(dict: &mut Dict, key: &str) -> Option<Value> {
    let index = dict.iter().position(|(k, _)| k == key)?;
    Some(dict.remove(index).1)
}

/// `dict[key] = value`: replaced in place, or appended.
fn put(dict: &mut Dict, key: &str, value: Value) {
    match dict.iter_mut().find(|(k, _)| k == key) {
        Some(entry) => entry.1 = value,
        None => dict.push((key.to_owned(), value)),
    }
}

/// `dict.update(other)`.
fn update(dict: &mut Dict, other: Dict) {
    for (key, value) in other {
        put(dict, &key, value);
    }
}

fn dict_of(value: Option<Value>) -> Dict {
    match value {
        Some(Value::Dict(pairs)) => pairs,
        _ => Vec::new(),
    }
}

/// The common `QuotaSet._translate_response` then `to_dict()`: `reservation` and `usage` pulled out of
/// `{limit, in_use, reserved}` values, the body's keys in order, then the declared attributes it lacks.
fn quota_set_dict(body: &Json, declared: &[&str]) -> Dict {
    let mut reservation = Dict::new();
    let mut usage = Dict::new();
    let mut attrs = Dict::new();
    if let Json::Object(map) = body {
        for (key, value) in map {
            if key == "self" {
                continue;
            }
            match value {
                Json::Object(inner) => {
                    if let Some(v) = inner.get("in_use") {
                        usage.push((key.clone(), Value::from_json(v)));
                    }
                    if let Some(v) = inner.get("reserved") {
                        reservation.push((key.clone(), Value::from_json(v)));
                    }
                    if let Some(v) = inner.get("limit") {
                        attrs.push((key.clone(), Value::from_json(v)));
                    }
                }
                other => attrs.push((key.clone(), Value::from_json(other))),
            }
        }
    }
    let mut dict: Dict = vec![
        ("reservation".to_owned(), Value::Dict(reservation)),
        ("usage".to_owned(), Value::Dict(usage)),
    ];
    update(&mut dict, attrs);
    for key in declared {
        if get(&dict, key).is_none() {
            dict.push(((*key).to_owned(), Value::Null));
        }
    }
    dict
}

/// The network `Quota` `to_dict(computed=False)`: unknown body keys first, then the declared attributes by
/// attribute name.
fn network_dict(body: &Json) -> Dict {
    let mut dict = Dict::new();
    if let Json::Object(map) = body {
        for (key, value) in map {
            if !NETWORK_DECLARED.iter().any(|(_, k)| k == key) {
                dict.push((key.clone(), Value::from_json(value)));
            }
        }
    }
    for (attribute, key) in NETWORK_DECLARED {
        let value = body.get(*key).map_or(Value::Null, Value::from_json);
        let value = match (attribute, value) {
            (&"check_limit", Value::Null) => Value::Null,
            (&"check_limit", other) => Value::Bool(value_truthy(&other)),
            (_, other) => other,
        };
        if get(&dict, attribute).is_none() {
            dict.push(((*attribute).to_owned(), value));
        }
    }
    dict
}

fn value_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Str(s) => !s.is_empty(),
        _ => true,
    }
}

/// `get_project`: the project's ID and name, the current project when none is given.
fn get_project(cm: &mut ClientManager, project: Option<&str>) -> Res<(String, String)> {
    match project {
        Some(project) => {
            let found = sdk::find_one(
                cm,
                &identity::resources::PROJECT,
                identity::resources::PROJECT.base_path,
                project,
                &[],
            )?;
            Ok((
                sdk::id_of(&found),
                sdk::str_of(&found, "name").unwrap_or("").to_owned(),
            ))
        }
        None => {
            let token = cm.token()?;
            let project = token.body.pointer("/token/project");
            let text = |key: &str| {
                project
                    .and_then(|p| p.get(key))
                    .and_then(Json::as_str)
                    .unwrap_or("")
                    .to_owned()
            };
            Ok((text("id"), text("name")))
        }
    }
}

/// `is_<service>_endpoint_enabled`: the catalog has the service.
fn enabled(cm: &mut ClientManager, service: &str) -> bool {
    cm.endpoint(service).is_ok()
}

fn quota_path(resource: &Resource, project: &str, tail: &str) -> String {
    format!("{}{tail}", sdk::item_path(resource.base_path, project))
}

/// The body of a quota set answer.
fn fetch_body(
    cm: &mut ClientManager,
    resource: &Resource,
    path: String,
    query: Vec<(String, String)>,
) -> Res<Json> {
    let answer = sdk::proxy::versioned(cm, resource, Method::Get, path)?
        .query(query)
        .json(cm)?;
    Ok(resource.unwrap_body(answer))
}

/// `get_compute_quotas`.
fn compute_quotas(cm: &mut ClientManager, project: &str, detail: bool, default: bool) -> Res<Dict> {
    let tail = if default {
        "/defaults"
    } else if detail {
        "/detail"
    } else {
        ""
    };
    let body = fetch_body(
        cm,
        &COMPUTE_QUOTA_SET,
        quota_path(&COMPUTE_QUOTA_SET, project, tail),
        Vec::new(),
    )?;
    let mut dict = quota_set_dict(&body, COMPUTE_DECLARED);
    if !detail {
        pop(&mut dict, "usage");
        pop(&mut dict, "reservation");
    }
    Ok(dict)
}

/// `get_volume_quotas`.
fn volume_quotas(cm: &mut ClientManager, project: &str, detail: bool, default: bool) -> Res<Dict> {
    let (tail, query) = if default {
        ("/defaults", Vec::new())
    } else {
        ("", vec![("usage".to_owned(), sdk::py_bool(detail))])
    };
    let body = fetch_body(
        cm,
        &VOLUME_QUOTA_SET,
        quota_path(&VOLUME_QUOTA_SET, project, tail),
        query,
    )?;
    let mut dict = quota_set_dict(&body, VOLUME_DECLARED);
    if !detail {
        pop(&mut dict, "usage");
        pop(&mut dict, "reservation");
    }
    Ok(dict)
}

/// `get_network_quotas`.
fn network_quotas(cm: &mut ClientManager, project: &str, detail: bool, default: bool) -> Res<Dict> {
    if !enabled(cm, "network") {
        return Ok(Dict::new());
    }
    let tail = if default {
        "/default"
    } else if detail {
        "/details"
    } else {
        ""
    };
    let body = fetch_body(
        cm,
        &NETWORK_QUOTA,
        quota_path(&NETWORK_QUOTA, project, tail),
        Vec::new(),
    )?;
    let data = network_dict(&body);
    if !detail || default {
        return Ok(data);
    }
    let mut result: Dict = vec![
        ("usage".to_owned(), Value::Dict(Vec::new())),
        ("reservation".to_owned(), Value::Dict(Vec::new())),
    ];
    let mut usage = Dict::new();
    let mut reservation = Dict::new();
    for (key, value) in data {
        if let Value::Dict(pairs) = value {
            let field = |name: &str| get(&pairs, name).cloned().unwrap_or(Value::Null);
            put(&mut result, &key, field("limit"));
            reservation.push((key.clone(), field("reserved")));
            usage.push((key, field("used")));
        }
    }
    put(&mut result, "usage", Value::Dict(usage));
    put(&mut result, "reservation", Value::Dict(reservation));
    Ok(result)
}

/// `_normalize_names`: internal names that differ from the option names are moved to the end, renamed.
fn normalize_names(section: &mut Dict) {
    for (key, name) in COMPUTE_QUOTAS
        .iter()
        .chain(VOLUME_QUOTAS)
        .chain(NETWORK_QUOTAS)
    {
        if key != name && get(section, key).is_some_and(|v| *v != Value::Null) {
            if let Some(value) = pop(section, key) {
                put(section, name, value);
            }
        }
    }
}

fn service_option(flag: &str, service: &str, help: &str) -> Arg {
    Arg::option(&[flag])
        .action(Action::StoreConst(ArgValue::Str(service.to_owned())))
        .dest("service")
        .default(ArgValue::Str("all".to_owned()))
        .help(help)
}

/// `quota list`.
pub struct ListQuota;

impl Command<ClientManager> for ListQuota {
    fn description(&self) -> &str {
        "List quotas for all projects with non-default quota values.\n\nEmpty output means all projects are using \
         default quotas, which can be\ninspected with 'openstack quota show --default'."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let group = parser.add_mutex(None, true);
        parser.add_to_mutex(
            group,
            Arg::option(&["--compute"])
                .flag()
                .help("List compute quota"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--volume"]).flag().help("List volume quota"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--network"])
                .flag()
                .help("List network quota"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let projects = fail(sdk::list(
            ctx,
            &identity::resources::PROJECT,
            identity::resources::PROJECT.base_path,
            &[],
            None,
        ))?;
        let ids: Vec<String> = projects.iter().map(sdk::id_of).collect();
        let (columns, headers, keys, fetch): (&[&str], &[&str], Vec<&str>, QuotaFetch) =
            if args.flag("compute") {
                (
                    &[
                        "id",
                        "cores",
                        "injected_files",
                        "injected_file_content_bytes",
                        "injected_file_path_bytes",
                        "instances",
                        "key_pairs",
                        "metadata_items",
                        "ram",
                        "server_groups",
                        "server_group_members",
                    ],
                    &[
                        "Project ID",
                        "Cores",
                        "Injected Files",
                        "Injected File Content Bytes",
                        "Injected File Path Bytes",
                        "Instances",
                        "Key Pairs",
                        "Metadata Items",
                        "Ram",
                        "Server Groups",
                        "Server Group Members",
                    ],
                    COMPUTE_QUOTAS.iter().map(|(k, _)| *k).collect(),
                    compute_quotas,
                )
            } else if args.flag("volume") {
                (
                    &[
                        "id",
                        "backups",
                        "backup_gigabytes",
                        "gigabytes",
                        "groups",
                        "per_volume_gigabytes",
                        "snapshots",
                        "volumes",
                    ],
                    &[
                        "Project ID",
                        "Backups",
                        "Backup Gigabytes",
                        "Gigabytes",
                        "Groups",
                        "Per Volume Gigabytes",
                        "Snapshots",
                        "Volumes",
                    ],
                    VOLUME_QUOTAS.iter().map(|(k, _)| *k).collect(),
                    volume_quotas,
                )
            } else {
                (
                    &[
                        "id",
                        "floating_ips",
                        "networks",
                        "ports",
                        "rbac_policies",
                        "router_routes",
                        "routers",
                        "security_groups",
                        "security_group_rules",
                        "subnets",
                        "subnet_pools",
                    ],
                    &[
                        "Project ID",
                        "Floating IPs",
                        "Networks",
                        "Ports",
                        "RBAC Policies",
                        "Router Routes",
                        "Routers",
                        "Security Groups",
                        "Security Group Rules",
                        "Subnets",
                        "Subnet Pools",
                    ],
                    vec![
                        "floating_ips",
                        "networks",
                        "rbac_policies",
                        "router_routes",
                        "routers",
                        "ports",
                        "security_group_rules",
                        "security_groups",
                        "subnet_pools",
                        "subnets",
                    ],
                    network_quotas,
                )
            };
        let compute = args.flag("compute");
        let mut rows = Vec::new();
        for id in ids {
            let project = match fetch(ctx, &id, false, false) {
                Ok(data) => data,
                Err(failure)
                    if failure.is_not_found()
                        || failure.is_forbidden()
                        || (compute && failure.is_bad_request()) =>
                {
                    log::warn!("Project {id} not found: {failure}");
                    continue;
                }
                Err(failure) => return Err(failure.into()),
            };
            let defaults = fail(fetch(ctx, &id, false, true))?;
            // `_xform_get_quota`: `getattr(data, key, '')` of each key.
            let pick = |data: &Dict| -> Vec<Value> {
                keys.iter()
                    .map(|k| get(data, k).cloned().unwrap_or_else(|| Value::str("")))
                    .collect()
            };
            if pick(&project) != pick(&defaults) {
                let row = columns
                    .iter()
                    .map(|column| {
                        if *column == "id" {
                            Value::str(id.clone())
                        } else if keys.contains(column) {
                            get(&project, column)
                                .cloned()
                                .unwrap_or_else(|| Value::str(""))
                        } else {
                            Value::str("")
                        }
                    })
                    .collect();
                rows.push(row);
            }
        }
        Ok(Output::List {
            columns: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        })
    }
}

/// A service's quota getter: (project, detail, default).
type QuotaFetch = fn(&mut ClientManager, &str, bool, bool) -> Res<Dict>;

/// `quota set`.
pub struct SetQuota;

impl Command<ClientManager> for SetQuota {
    fn description(&self) -> &str {
        "Set quotas for project or class"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("project")
                .metavar("<project/class>")
                .nargs(Nargs::Optional)
                .help("Set quotas for this project or class (name or ID) (defaults to current project)"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--class"]).dest("quota_class").flag().help(
                "**Deprecated** Set quotas for <class>. Deprecated as quota classes were never fully implemented \
                 and only the default class is supported. (compute and volume only)",
            ),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--default"])
                .flag()
                .help("Set default quotas for <project>"),
        );
        for (key, name) in COMPUTE_QUOTAS
            .iter()
            .chain(VOLUME_QUOTAS)
            .chain(NETWORK_QUOTAS)
        {
            parser.add(
                Arg::option(&[&format!("--{name}")])
                    .metavar(&format!("<{name}>"))
                    .dest(key)
                    .int()
                    .help(&format!("New value for the {name} quota")),
            );
        }
        parser.add(
            Arg::option(&["--volume-type"])
                .metavar("<volume-type>")
                .help("Set quotas for a specific <volume-type>"),
        );
        let force = parser.add_mutex(None, false);
        parser.add_to_mutex(
            force,
            Arg::option(&["--force"])
                .flag()
                .help("Force quota update (only supported by compute and network)"),
        );
        parser.add_to_mutex(
            force,
            Arg::option(&["--no-force"])
                .dest("force")
                .action(Action::StoreFalse)
                .default(ArgValue::Bool(false))
                .help(
                    "Do not force quota update (only supported by compute and network) (default)",
                ),
        );
        parser.add_to_mutex(
            force,
            Arg::option(&["--check-limit"])
                .dest("force")
                .action(Action::StoreFalse)
                .default(ArgValue::Bool(false))
                .hidden(),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let class = args.flag("quota_class");
        let default = args.flag("default");
        let force = args.flag("force");
        if class {
            log::warn!(
                "The '--class' option has been deprecated. Quota classes were never fully implemented and the \
                 compute and volume services only support a single 'default' quota class while the network \
                 service does not support quota classes at all. Please use 'openstack quota set --default' \
                 instead."
            );
        }
        if (class || default) && force {
            return Err(Error::command(
                "--force cannot be used with --class or --default",
            ));
        }
        let values = |quotas: &[(&str, &str)]| -> Map<String, Json> {
            quotas
                .iter()
                .filter_map(|(key, _)| args.int(key).map(|v| ((*key).to_owned(), Json::from(v))))
                .collect()
        };
        let mut compute = Map::new();
        let compute_enabled = enabled(ctx, "compute");
        if compute_enabled {
            compute = values(COMPUTE_QUOTAS);
            if !compute.is_empty() && force {
                compute.insert("force".into(), Json::Bool(true));
            }
        }
        let mut volume = Map::new();
        let volume_enabled = enabled(ctx, "block-storage");
        if volume_enabled {
            let volume_type = args.str("volume_type").filter(|t| !t.is_empty());
            for (key, value) in values(VOLUME_QUOTAS) {
                let key = match volume_type {
                    Some(t) if IMPACT_VOLUME_TYPE_QUOTAS.contains(&key.as_str()) => {
                        format!("{key}_{t}")
                    }
                    _ => key,
                };
                volume.insert(key, value);
            }
        }
        let network_enabled = enabled(ctx, "network");
        let mut network = if network_enabled {
            values(NETWORK_QUOTAS)
        } else {
            Map::new()
        };
        if !network.is_empty() {
            let flag = if force { "force" } else { "check_limit" };
            network.insert(flag.into(), Json::Bool(true));
        }
        if class || default {
            let name = args.str("project").unwrap_or("default");
            if !compute.is_empty() {
                put_quota(
                    ctx,
                    &COMPUTE_QUOTA_SET,
                    "/os-quota-class-sets",
                    "quota_class_set",
                    name,
                    compute,
                )?;
            }
            if !volume.is_empty() {
                put_quota(
                    ctx,
                    &VOLUME_QUOTA_SET,
                    "/os-quota-class-sets",
                    "quota_class_set",
                    name,
                    volume,
                )?;
            }
            if !network.is_empty() {
                eprint!("Network quotas are ignored since quota classes are not supported.");
            }
            return Ok(Output::ok());
        }
        let (project, _) = fail(get_project(ctx, args.str("project")))?;
        if !compute.is_empty() {
            put_quota(
                ctx,
                &COMPUTE_QUOTA_SET,
                COMPUTE_QUOTA_SET.base_path,
                "quota_set",
                &project,
                compute,
            )?;
        }
        if !volume.is_empty() {
            put_quota(
                ctx,
                &VOLUME_QUOTA_SET,
                VOLUME_QUOTA_SET.base_path,
                "quota_set",
                &project,
                volume,
            )?;
        }
        if !network.is_empty() {
            put_quota(
                ctx,
                &NETWORK_QUOTA,
                NETWORK_QUOTA.base_path,
                "quota",
                &project,
                network,
            )?;
        }
        Ok(Output::ok())
    }
}

/// PUT `<base>/<id>` with `{key: values}` (the proxies' `update_quota_set`, `update_quota_class_set`,
/// `update_quota`).
fn put_quota(
    cm: &mut ClientManager,
    resource: &Resource,
    base: &str,
    key: &str,
    id: &str,
    values: Map<String, Json>,
) -> Result<()> {
    let call = fail(sdk::proxy::versioned(
        cm,
        resource,
        Method::Put,
        sdk::item_path(base, id),
    ))?;
    let mut body = Map::new();
    body.insert(key.to_owned(), Json::Object(values));
    fail(call.body(Json::Object(body)).send(cm))?;
    Ok(())
}

/// `quota show`.
pub struct ShowQuota;

impl Command<ClientManager> for ShowQuota {
    fn description(&self) -> &str {
        "Show quotas for project or class.\n\nSpecify ``--os-compute-api-version 2.50`` or higher to see \
         ``server-groups``\nand ``server-group-members`` output for a given quota class."
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .nargs(Nargs::Optional)
                .help("Show quotas for this project (name or ID) (defaults to current project)"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            Arg::option(&["--default"])
                .flag()
                .help("Show default quotas for <project>"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--usage"])
                .flag()
                .help("Show details about quotas usage"),
        );
        let services = parser.add_mutex(None, false);
        parser.add_to_mutex(
            services,
            service_option("--all", "all", "Show quotas for all services"),
        );
        parser.add_to_mutex(
            services,
            service_option("--compute", "compute", "Show compute quota"),
        );
        parser.add_to_mutex(
            services,
            service_option("--volume", "volume", "Show volume quota"),
        );
        parser.add_to_mutex(
            services,
            service_option("--network", "network", "Show network quota"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let (project, _) = fail(get_project(ctx, args.str("project")))?;
        let service = args.str("service").unwrap_or("all");
        let usage = args.flag("usage");
        let default = args.flag("default");
        let wanted = |ctx: &mut ClientManager, name: &str, catalog: &str| {
            service == name || (service == "all" && enabled(ctx, catalog))
        };
        let mut compute = Dict::new();
        if wanted(ctx, "compute", "compute") {
            compute = fail(compute_quotas(ctx, &project, usage, default))?;
        }
        let mut volume = Dict::new();
        if wanted(ctx, "volume", "block-storage") {
            volume = fail(volume_quotas(ctx, &project, usage, default))?;
        }
        let mut network = Dict::new();
        if wanted(ctx, "network", "network") {
            network = fail(network_quotas(ctx, &project, usage, default))?;
        }
        let mut info = Dict::new();
        if usage {
            let mut reservation = dict_of(pop(&mut compute, "reservation"));
            update(&mut reservation, dict_of(pop(&mut volume, "reservation")));
            update(&mut reservation, dict_of(pop(&mut network, "reservation")));
            let mut used = dict_of(pop(&mut compute, "usage"));
            update(&mut used, dict_of(pop(&mut volume, "usage")));
            update(&mut used, dict_of(pop(&mut network, "usage")));
            put(&mut used, "key_pairs", Value::str("N/A"));
            info.push(("reservation".to_owned(), Value::Dict(reservation)));
            info.push(("usage".to_owned(), Value::Dict(used)));
        }
        update(&mut info, compute);
        update(&mut info, volume);
        update(&mut info, network);
        normalize_names(&mut info);
        if usage {
            for section in ["reservation", "usage"] {
                let mut inner = dict_of(get(&info, section).cloned());
                normalize_names(&mut inner);
                put(&mut info, section, Value::Dict(inner));
            }
        }
        for field in ["id", "location", "name", "force"] {
            pop(&mut info, field);
        }
        let mut columns = vec!["Resource".to_owned(), "Limit".to_owned()];
        let rows = if usage {
            columns.extend(["In Use".to_owned(), "Reserved".to_owned()]);
            let used = dict_of(get(&info, "usage").cloned());
            let reserved = dict_of(get(&info, "reservation").cloned());
            info.iter()
                .filter(|(k, _)| k != "usage" && k != "reservation")
                .map(|(k, v)| {
                    vec![
                        Value::str(k.clone()),
                        if value_truthy(v) {
                            v.clone()
                        } else {
                            Value::Int(0)
                        },
                        get(&used, k).cloned().unwrap_or(Value::Int(0)),
                        get(&reserved, k).cloned().unwrap_or(Value::Int(0)),
                    ]
                })
                .collect()
        } else {
            info.into_iter()
                .map(|(k, v)| vec![Value::Str(k), v])
                .collect()
        };
        Ok(Output::List { columns, rows })
    }
}

/// `quota delete`.
pub struct DeleteQuota;

impl Command<ClientManager> for DeleteQuota {
    fn description(&self) -> &str {
        "Delete configured quota for a project and revert to defaults."
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("project")
                .metavar("<project>")
                .help("Delete quotas for this project (name or ID)"),
        );
        let group = parser.add_mutex(None, false);
        parser.add_to_mutex(
            group,
            service_option(
                "--all",
                "all",
                "Delete project quotas for all services (default)",
            ),
        );
        parser.add_to_mutex(
            group,
            service_option(
                "--compute",
                "compute",
                "Delete compute quotas for the project (including network quotas when using nova-network)",
            ),
        );
        parser.add_to_mutex(
            group,
            service_option("--volume", "volume", "Delete volume quotas for the project"),
        );
        parser.add_to_mutex(
            group,
            service_option(
                "--network",
                "network",
                "Delete network quotas for the project",
            ),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let project = fail(sdk::find_one(
            ctx,
            &identity::resources::PROJECT,
            identity::resources::PROJECT.base_path,
            args.str("project").unwrap_or(""),
            &[],
        ))?;
        let id = sdk::id_of(&project);
        let service = args.str("service").unwrap_or("all");
        if service == "compute" || (service == "all" && enabled(ctx, "compute")) {
            fail(revert(ctx, &COMPUTE_QUOTA_SET, &id))?;
        }
        if service == "volume" || (service == "all" && enabled(ctx, "block-storage")) {
            fail(revert(ctx, &VOLUME_QUOTA_SET, &id))?;
        }
        if (service == "all" || service == "network") && enabled(ctx, "network") {
            fail(revert(ctx, &NETWORK_QUOTA, &id))?;
        }
        Ok(Output::ok())
    }
}

/// DELETE `<base>/<project>` (`revert_quota_set`, `delete_quota`: a 404 ignored).
fn revert(cm: &mut ClientManager, resource: &Resource, project: &str) -> Res<()> {
    let path = sdk::item_path(resource.base_path, project);
    match sdk::proxy::versioned(cm, resource, Method::Delete, path)?.send(cm) {
        Ok(_) => Ok(()),
        Err(failure) if failure.status() == Some(404) => Ok(()),
        Err(failure) => Err(failure),
    }
}
