//! `limits show` (OSC's `openstackclient/common/limits.py`): Nova's and Cinder's absolute and rate limits.

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use identity::common::{add_project_domain_option, find_project_id_sdk, given};
use identity::output::fail;
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use compute::resources::LIMITS as COMPUTE_LIMITS;
use openstack_sdk as sdk;
use openstack_sdk::{Res, Resource};

// lookup-only: fold into the volume crate at merge
/// openstacksdk's `block_storage.v3.limits.Limits`.
pub const VOLUME_LIMITS: Resource = Resource {
    service: "block-storage",
    class: "Limits",
    key: "limits",
    base_path: "/limits",
    query: &[("project_id", "project_id")],
    max_microversion: Some("3.39"),
    ..Resource::DEFAULT
};

/// openstacksdk's compute `AbsoluteLimits`: (attribute, body key, `aka`). Its keys are both names.
const COMPUTE_ABSOLUTE: &[(&str, &str, Option<&str>)] = &[
    ("image_meta", "maxImageMeta", Some("max_image_meta")),
    ("personality", "maxPersonality", None),
    ("personality_size", "maxPersonalitySize", None),
    (
        "security_group_rules",
        "maxSecurityGroupRules",
        Some("max_security_group_rules"),
    ),
    (
        "security_groups",
        "maxSecurityGroups",
        Some("max_security_groups"),
    ),
    (
        "security_groups_used",
        "totalSecurityGroupsUsed",
        Some("total_security_groups_used"),
    ),
    ("server_meta", "maxServerMeta", Some("max_server_meta")),
    ("total_cores", "maxTotalCores", Some("max_total_cores")),
    (
        "total_cores_used",
        "totalCoresUsed",
        Some("total_cores_used"),
    ),
    (
        "floating_ips",
        "maxTotalFloatingIps",
        Some("max_total_floating_ips"),
    ),
    (
        "floating_ips_used",
        "totalFloatingIpsUsed",
        Some("total_floating_ips_used"),
    ),
    (
        "instances",
        "maxTotalInstances",
        Some("max_total_instances"),
    ),
    (
        "instances_used",
        "totalInstancesUsed",
        Some("total_instances_used"),
    ),
    ("keypairs", "maxTotalKeypairs", Some("max_total_keypairs")),
    ("total_ram", "maxTotalRAMSize", Some("max_total_ram_size")),
    ("total_ram_used", "totalRAMUsed", Some("total_ram_used")),
    (
        "server_groups",
        "maxServerGroups",
        Some("max_server_groups"),
    ),
    (
        "server_groups_used",
        "totalServerGroupsUsed",
        Some("total_server_groups_used"),
    ),
    (
        "server_group_members",
        "maxServerGroupMembers",
        Some("max_server_group_members"),
    ),
];

/// openstacksdk's block-storage `AbsoluteLimit`: (attribute, body key).
const VOLUME_ABSOLUTE: &[(&str, &str)] = &[
    ("max_total_backup_gigabytes", "maxTotalBackupGigabytes"),
    ("max_total_backups", "maxTotalBackups"),
    ("max_total_snapshots", "maxTotalSnapshots"),
    ("max_total_volume_gigabytes", "maxTotalVolumeGigabytes"),
    ("max_total_volumes", "maxTotalVolumes"),
    ("total_backup_gigabytes_used", "totalBackupGigabytesUsed"),
    ("total_backups_used", "totalBackupsUsed"),
    ("total_gigabytes_used", "totalGigabytesUsed"),
    ("total_snapshots_used", "totalSnapshotsUsed"),
    ("total_volumes_used", "totalVolumesUsed"),
];

/// GET the limits, unwrapped.
fn get_limits(
    cm: &mut ClientManager,
    resource: &Resource,
    query: Vec<(String, String)>,
) -> Res<Json> {
    let answer = sdk::proxy::versioned(cm, resource, Method::Get, resource.base_path.to_owned())?
        .query(query)
        .json(cm)?;
    Ok(resource.unwrap_body(answer))
}

/// `_format_rate_limit`: one row per limit of each URI.
fn rate_rows(limits: &Json, rows: &mut Vec<Vec<Value>>) {
    let Some(Json::Array(rates)) = limits.get("rate") else {
        return;
    };
    for rate in rates {
        let Some(Json::Array(items)) = rate.get("limit") else {
            continue;
        };
        for item in items {
            let next = item
                .get("next-available")
                .filter(|v| sdk::truthy(v))
                .or_else(|| item.get("next_available"));
            rows.push(vec![
                sdk::attr(item, "verb"),
                sdk::attr(rate, "uri"),
                sdk::attr(item, "value"),
                sdk::attr(item, "remaining"),
                sdk::attr(item, "unit"),
                next.map_or(Value::Null, Value::from_json),
            ]);
        }
    }
}

/// `limits show`.
pub struct ShowLimits;

impl Command<ClientManager> for ShowLimits {
    fn description(&self) -> &str {
        "Show compute and block storage limits"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        let group = parser.add_mutex(None, true);
        parser.add_to_mutex(
            group,
            Arg::option(&["--absolute"])
                .dest("is_absolute")
                .flag()
                .help("Show absolute limits"),
        );
        parser.add_to_mutex(
            group,
            Arg::option(&["--rate"]).dest("is_rate").flag().help(
                "Show rate limits. This is not supported by the compute service since the 12.0.0 (Liberty) \
                 release and is only supported by the block storage service when the rate-limiting middleware is \
                 enabled. It is therefore a no-op in most deployments.",
            ),
        );
        parser.add(
            Arg::option(&["--reserved"])
                .dest("is_reserved")
                .flag()
                .help("Include reservations count (only valid with --absolute)"),
        );
        parser.add(
            Arg::option(&["--project"]).metavar("<project>").help(
                "Show limits for a specific project (name or ID) (only valid with --absolute)",
            ),
        );
        add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--domain"])
                .metavar("<domain>")
                .dest("project_domain")
                .hidden(),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut project_id = None;
        if let Some(project) = args.str("project") {
            project_id = Some(fail(find_project_id_sdk(
                ctx,
                project,
                given(args, "project_domain"),
                true,
                None,
            ))?);
        }
        let mut compute = None;
        if ctx.endpoint(COMPUTE_LIMITS.service).is_ok() {
            let mut query = vec![(
                "reserved".to_owned(),
                sdk::py_bool(args.flag("is_reserved")),
            )];
            if let Some(id) = &project_id {
                query.push(("tenant_id".to_owned(), id.clone()));
            }
            compute = Some(fail(get_limits(ctx, &COMPUTE_LIMITS, query))?);
        }
        let mut volume = None;
        if ctx.endpoint(VOLUME_LIMITS.service).is_ok() {
            let query = project_id
                .iter()
                .map(|id| ("project_id".to_owned(), id.clone()))
                .collect();
            volume = Some(fail(get_limits(ctx, &VOLUME_LIMITS, query))?);
        }
        if args.flag("is_absolute") {
            let mut info: Vec<(String, Value)> = Vec::new();
            if let Some(absolute) = compute.as_ref().and_then(|c| c.get("absolute")) {
                for (attribute, key, aka) in COMPUTE_ABSOLUTE {
                    let value = sdk::attr(absolute, key);
                    for name in std::iter::once(attribute).chain(aka) {
                        info.retain(|(k, _)| k != name);
                        info.push(((*name).to_owned(), value.clone()));
                    }
                }
            }
            if let Some(absolute) = volume.as_ref().and_then(|v| v.get("absolute")) {
                for (attribute, key) in VOLUME_ABSOLUTE {
                    info.retain(|(k, _)| k != attribute);
                    info.push(((*attribute).to_owned(), sdk::attr(absolute, key)));
                }
            }
            info.sort_by(|a, b| a.0.cmp(&b.0));
            let rows = info
                .into_iter()
                .map(|(k, v)| vec![Value::Str(k), v])
                .collect();
            return Ok(Output::List {
                columns: vec!["Name".to_owned(), "Value".to_owned()],
                rows,
            });
        }
        let mut rows = Vec::new();
        for limits in compute.iter().chain(volume.iter()) {
            rate_rows(limits, &mut rows);
        }
        Ok(Output::List {
            columns: ["Verb", "URI", "Value", "Remain", "Unit", "Next Available"]
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            rows,
        })
    }
}
