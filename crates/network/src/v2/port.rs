//! `port create|delete|list|set|show|unset` (OSC's `network/v2/port.py`, openstacksdk `Port`).

use cliff::argparse::{Action, Nargs};
use cliff::{Arg, ArgValue, Args, Command, CommandKind, Error, Output, Parser, Result, Value};
use identity::pagination;
use osc_lib::utils::py_repr;
use osc_lib::{parseractions, ClientManager};
use serde_json::{Map, Value as Json};

use crate::common::{self, fail, given, present};
use crate::resources::{NETWORK, PORT, ROUTER, SECURITY_GROUP, SUBNET};
use openstack_sdk as sdk;
use openstack_sdk::Param;

/// `_get_columns`: a fixed list of (display name, attribute).
const COLUMNS: &[(&str, &str)] = &[
    ("admin_state_up", "is_admin_state_up"),
    ("allowed_address_pairs", "allowed_address_pairs"),
    ("binding_host_id", "binding_host_id"),
    ("binding_profile", "binding_profile"),
    ("binding_vif_details", "binding_vif_details"),
    ("binding_vif_type", "binding_vif_type"),
    ("binding_vnic_type", "binding_vnic_type"),
    ("created_at", "created_at"),
    ("data_plane_status", "data_plane_status"),
    ("description", "description"),
    ("device_id", "device_id"),
    ("device_owner", "device_owner"),
    ("device_profile", "device_profile"),
    ("dns_assignment", "dns_assignment"),
    ("dns_domain", "dns_domain"),
    ("dns_name", "dns_name"),
    ("extra_dhcp_opts", "extra_dhcp_opts"),
    ("fixed_ips", "fixed_ips"),
    ("hardware_offload_type", "hardware_offload_type"),
    ("hints", "hints"),
    ("id", "id"),
    ("ip_allocation", "ip_allocation"),
    ("mac_address", "mac_address"),
    ("name", "name"),
    ("network_id", "network_id"),
    ("numa_affinity_policy", "numa_affinity_policy"),
    ("port_security_enabled", "is_port_security_enabled"),
    ("project_id", "project_id"),
    ("propagate_uplink_status", "propagate_uplink_status"),
    ("pvlan_type", "pvlan_type"),
    ("pvlan_community", "pvlan_community"),
    ("resource_request", "resource_request"),
    ("revision_number", "revision_number"),
    ("qos_network_policy_id", "qos_network_policy_id"),
    ("qos_policy_id", "qos_policy_id"),
    ("security_group_ids", "security_group_ids"),
    ("status", "status"),
    ("tags", "tags"),
    ("trunk_details", "trunk_details"),
    ("trusted", "trusted"),
    ("updated_at", "updated_at"),
];

/// `_formatters`.
fn format(attribute: &str, value: Json) -> Value {
    match attribute {
        "admin_state_up" | "is_admin_state_up" => common::admin_state_column(value),
        "allowed_address_pairs" | "dns_assignment" | "extra_dhcp_opts" | "fixed_ips" => {
            common::list_dict_column(value)
        }
        "binding_profile" | "binding_vif_details" | "binding:profile" | "binding:vif_details" => {
            common::dict_column(value)
        }
        "security_group_ids" | "tags" => common::list_column(value),
        _ => Value::from_json(&value),
    }
}

/// `_list_formatters`: `_formatters` plus `SubPortColumn` for the trunk's subports.
fn list_format(attribute: &str, value: Json) -> Value {
    match attribute {
        "trunk_details" => {
            let value = match value {
                Json::Object(map) => map.get("sub_ports").cloned().unwrap_or(Json::Null),
                other => other,
            };
            common::list_dict_column(value)
        }
        _ => format(attribute, value),
    }
}

fn show(item: &Json) -> Output {
    Output::show(
        COLUMNS
            .iter()
            .map(|(shown, attribute)| {
                (
                    (*shown).to_owned(),
                    format(attribute, PORT.get(item, attribute)),
                )
            })
            .collect(),
    )
}

fn multi_check(
    value: &ArgValue,
    required: &[&str],
    optional: &[&str],
) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => {
            parseractions::multi_key_value(std::slice::from_ref(text), required, optional)
                .map(|_| ())
        }
        _ => Ok(()),
    }
}

fn fixed_ip_check(value: &ArgValue) -> std::result::Result<(), String> {
    multi_check(value, &[], &["subnet", "ip-address"])
}

fn filter_fixed_ip_check(value: &ArgValue) -> std::result::Result<(), String> {
    multi_check(value, &[], &["subnet", "ip-address", "ip-substring"])
}

fn address_check(value: &ArgValue) -> std::result::Result<(), String> {
    multi_check(value, &["ip-address"], &["mac-address"])
}

fn dhcp_option_check(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => parseractions::multi_key_value_comma(
            std::slice::from_ref(text),
            &["name"],
            &["value", "ip-version"],
        )
        .map(|_| ()),
        _ => Ok(()),
    }
}

/// `JSONKeyValueAction`: JSON (merged into the dict) or `key=value`.
pub(crate) fn json_key_value(text: &str) -> std::result::Result<Map<String, Json>, String> {
    match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(map)) => Ok(map),
        Ok(_) => Ok(Map::new()),
        Err(err) => match text.split_once('=') {
            Some((key, value)) => {
                let mut map = Map::new();
                map.insert(key.to_owned(), Json::from(value));
                Ok(map)
            }
            None => Err(identity::common::python_json_error(text, &err)),
        },
    }
}

fn binding_profile_check(value: &ArgValue) -> std::result::Result<(), String> {
    json_check(value, "--binding-profile")
}

fn hint_check(value: &ArgValue) -> std::result::Result<(), String> {
    json_check(value, "--hint")
}

pub(crate) fn json_check(value: &ArgValue, option: &str) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => json_key_value(text).map(|_| ()).map_err(|error| {
            format!(
                "Expected '<key>=<value>' or JSON data for option {option}, but encountered JSON parsing error: \
                 {error}"
            )
        }),
        _ => Ok(()),
    }
}

/// The dict a repeated `JSONKeyValueAction` option builds (`None` when never given).
pub(crate) fn json_dict(args: &Args, dest: &str) -> Option<Map<String, Json>> {
    if !matches!(args.get(dest), ArgValue::List(_)) {
        return None;
    }
    let mut map = Map::new();
    for text in args.strings(dest) {
        map.extend(json_key_value(&text).unwrap_or_default());
    }
    Some(map)
}

/// The dicts of a `MultiKeyValueAction` option.
fn multi(args: &Args, dest: &str) -> Vec<Vec<(String, String)>> {
    parseractions::multi_key_value(&args.strings(dest), &[], &[]).unwrap_or_default()
}

/// `_prepare_fixed_ips`: `subnet` names become `subnet_id`, `ip-address` becomes `ip_address`.
fn prepare_fixed_ips(cm: &mut ClientManager, args: &Args) -> Result<Vec<Json>> {
    let mut ips = Vec::new();
    for spec in multi(args, "fixed_ip") {
        let mut map = Map::new();
        for (key, value) in spec {
            match key.as_str() {
                "subnet" if !value.is_empty() => {
                    let subnet = fail(common::find(cm, &SUBNET, &value, &[]))?;
                    map.insert("subnet_id".into(), Json::from(sdk::id_of(&subnet)));
                }
                "ip-address" => {
                    map.insert("ip_address".into(), Json::from(value));
                }
                _ => {
                    map.insert(key, Json::from(value));
                }
            }
        }
        ips.push(Json::Object(map));
    }
    Ok(ips)
}

/// `_convert_address_pairs`.
fn address_pairs(args: &Args) -> Vec<Json> {
    multi(args, "allowed_address_pairs")
        .into_iter()
        .map(|pairs| {
            let get = |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            };
            let mut map = Map::new();
            map.insert(
                "ip_address".into(),
                Json::from(get("ip-address").unwrap_or_default()),
            );
            if let Some(mac) = get("mac-address") {
                map.insert("mac_address".into(), Json::from(mac));
            }
            Json::Object(map)
        })
        .collect()
}

/// `_convert_extra_dhcp_options`.
fn extra_dhcp_options(args: &Args) -> Vec<Json> {
    parseractions::multi_key_value_comma(&args.strings("extra_dhcp_options"), &[], &[])
        .unwrap_or_default()
        .into_iter()
        .map(|pairs| {
            let get = |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            };
            let mut map = Map::new();
            map.insert(
                "opt_name".into(),
                Json::from(get("name").unwrap_or_default()),
            );
            if let Some(value) = get("value") {
                map.insert("opt_value".into(), Json::from(value));
            }
            if let Some(version) = get("ip-version") {
                map.insert("ip_version".into(), Json::from(version));
            }
            Json::Object(map)
        })
        .collect()
}

/// The options `port create` and `port set` share.
fn fixed_ip_arg() -> Arg {
    Arg::option(&["--fixed-ip"])
    .metavar("subnet=<subnet>,ip-address=<ip-address>")
    .append()
    .check(fixed_ip_check)
    .help(
        "Desired IP and/or subnet for this port (name or ID): subnet=<subnet>,ip-address=<ip-address> \
         (repeat option to set multiple fixed IP addresses)",
    )
}

fn binding_profile_arg() -> Arg {
    Arg::option(&["--binding-profile"])
    .metavar("<binding-profile>")
    .append()
    .check(binding_profile_check)
    .help(
        "Custom data to be passed as binding:profile. Data may be passed as <key>=<value> or JSON \
         (repeat option to set multiple binding:profile data).",
    )
}

fn allowed_address_arg() -> Arg {
    Arg::option(&["--allowed-address"])
        .metavar("ip-address=<ip-address>[,mac-address=<mac-address>]")
        .append()
        .dest("allowed_address_pairs")
        .check(address_check)
        .help(
            "Add allowed-address pair associated with this port: \
         ip-address=<ip-address>[,mac-address=<mac-address>] (repeat option to set multiple \
         allowed-address pairs)",
        )
}

fn extra_dhcp_arg() -> Arg {
    Arg::option(&["--extra-dhcp-option"])
    .metavar("name=<name>[,value=<value>,ip-version={4,6}]")
    .append()
    .dest("extra_dhcp_options")
    .check(dhcp_option_check)
    .help(
        "Extra DHCP options to be assigned to this port: name=<name>[,value=<value>,ip-version={4,6}] \
         (repeat option to set multiple extra DHCP options)",
    )
}

fn security_group_arg() -> Arg {
    Arg::option(&["--security-group"])
    .metavar("<security-group>")
    .append()
    .dest("security_groups")
    .help(
        "Security group to associate with this port (name or ID) (repeat option to set multiple \
         security groups)",
    )
}

fn qos_policy_arg() -> Arg {
    Arg::option(&["--qos-policy"])
        .metavar("<qos-policy>")
        .help("Attach QoS policy to this port (name or ID)")
}

/// `_add_updatable_args`.
fn add_updatable_options(parser: &mut Parser, create: bool) {
    parser.add(
        Arg::option(&["--description"])
            .metavar("<description>")
            .help("Description of this port"),
    );
    parser.add(
        Arg::option(&["--device"])
            .metavar("<device-id>")
            .help("Port device ID"),
    );
    parser.add(
        Arg::option(&["--mac-address"])
            .metavar("<mac-address>")
            .help(if create {
                "MAC address of this port"
            } else {
                "MAC address of this port (admin only)"
            }),
    );
    parser.add(Arg::option(&["--device-owner"]).metavar("<device-owner>").help(
        "Device owner of this port. This is the entity that uses the port (for example, network:dhcp).",
    ));
    parser.add(
        Arg::option(&["--vnic-type"])
            .metavar("<vnic-type>")
            .choices(&[
                "accelerator-direct",
                "accelerator-direct-physical",
                "direct",
                "direct-physical",
                "macvtap",
                "normal",
                "baremetal",
                "virtio-forwarder",
                "smart-nic",
                "vdpa",
                "remote-managed",
            ])
            .help(
                "VNIC type for this port (accelerator-direct | accelerator-direct-physical | direct | \
                 direct-physical | macvtap | normal | baremetal | virtio-forwarder | smart-nic | vdpa | \
                 remote-managed) (default: normal)",
            ),
    );
    parser.add(
        Arg::option(&["--host"])
            .metavar("<host-id>")
            .help("Allocate port on host <host-id> (ID only)"),
    );
    parser.add(
        Arg::option(&["--dns-domain"])
            .metavar("dns-domain")
            .help("Set DNS domain to this port (requires dns_domain extension for ports)"),
    );
    parser.add(
        Arg::option(&["--dns-name"])
            .metavar("<dns-name>")
            .help("Set DNS name for this port (requires DNS integration extension)"),
    );
    common::add_exclusive_flags(
        parser,
        &[
            (
                "--numa-policy-required",
                "NUMA affinity policy required to schedule this port",
            ),
            (
                "--numa-policy-preferred",
                "NUMA affinity policy preferred to schedule this port",
            ),
            (
                "--numa-policy-socket",
                "NUMA affinity policy socket to schedule this port",
            ),
            (
                "--numa-policy-legacy",
                "NUMA affinity policy using legacy mode to schedule this port",
            ),
        ],
    );
    parser.add(
        Arg::option(&["--hint"])
            .metavar("<alias=value>")
            .append()
            .check(hint_check)
            .help(
                "Port hints as ALIAS=VALUE or as JSON. Valid hint aliases/values: ovs-tx-steering=thread, \
                 ovs-tx-steering=hash. Valid JSON values are as specified by the Neutron API. (requires \
                 port-hints extension) (requires port-hint-ovs-tx-steering extension for alias: ovs-tx-steering) \
                 (repeat option to set multiple hints).",
            ),
    );
    common::add_exclusive_flags(
        parser,
        &[
            (
                "--trusted",
                "Set port to be trusted. This will be populated into the 'binding:profile' dictionary and passed \
                 to the services which expect it in this dictionary (for example, Nova).",
            ),
            (
                "--not-trusted",
                "Set port to be not trusted. This will be populated into the 'binding:profile' dictionary and \
                 passed to the services which expect it in this dictionary (for example, Nova).",
            ),
        ],
    );
    parser.add(
        Arg::option(&["--pvlan-type"])
            .metavar("<type>")
            .choices(&["promiscuous", "isolated", "community"])
            .dest("pvlan_type")
            .help("Set Private VLAN type for this port. Requires PVLAN service plugin. Default: promiscuous."),
    );
    parser.add(
        Arg::option(&["--pvlan-community"])
            .metavar("<community>")
            .dest("pvlan_community")
            .help(
                "Set PVLAN community name for this port. Only applies when pvlan-type is 'community'. Requires \
                 PVLAN service plugin. Default: None.",
            ),
    );
}

/// `_get_attrs`.
fn attrs(
    cm: &mut ClientManager,
    args: &Args,
    network_id: Option<String>,
) -> Result<Map<String, Json>> {
    let mut attrs = Map::new();
    if let Some(description) = present(args, "description") {
        attrs.insert("description".into(), Json::from(description));
    }
    if let Some(device) = given(args, "device") {
        attrs.insert("device_id".into(), Json::from(device));
    }
    if let Some(owner) = present(args, "device_owner") {
        attrs.insert("device_owner".into(), Json::from(owner));
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[
            ("enable", "admin_state_up", true),
            ("disable", "admin_state_up", false),
        ],
    );
    if let Some(vnic) = present(args, "vnic_type") {
        attrs.insert("binding:vnic_type".into(), Json::from(vnic));
    }
    if let Some(host) = given(args, "host") {
        attrs.insert("binding:host_id".into(), Json::from(host));
    }
    if let Some(mac) = present(args, "mac_address") {
        attrs.insert("mac_address".into(), Json::from(mac));
    }
    if let Some(domain) = present(args, "dns_domain") {
        attrs.insert("dns_domain".into(), Json::from(domain));
    }
    if let Some(name) = present(args, "dns_name") {
        attrs.insert("dns_name".into(), Json::from(name));
    }
    if let Some(name) = present(args, "name") {
        attrs.insert("name".into(), Json::from(name));
    }
    if let Some(network_id) = network_id {
        attrs.insert("network_id".into(), Json::from(network_id));
    }
    if let Some(project_id) = common::project_id(cm, args)? {
        attrs.insert("project_id".into(), Json::from(project_id));
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[
            ("disable_port_security", "port_security_enabled", false),
            ("enable_port_security", "port_security_enabled", true),
        ],
    );
    if args.flag("no_qos_policy") {
        attrs.insert("qos_policy_id".into(), Json::Null);
    }
    if let Some(policy) = given(args, "qos_policy") {
        attrs.insert(
            "qos_policy_id".into(),
            Json::from(common::find_qos_policy_id(cm, policy)?),
        );
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[
            (
                "enable_uplink_status_propagation",
                "propagate_uplink_status",
                true,
            ),
            (
                "disable_uplink_status_propagation",
                "propagate_uplink_status",
                false,
            ),
        ],
    );
    for (flag, policy) in [
        ("numa_policy_required", "required"),
        ("numa_policy_preferred", "preferred"),
        ("numa_policy_socket", "socket"),
        ("numa_policy_legacy", "legacy"),
    ] {
        if args.flag(flag) {
            attrs.insert("numa_affinity_policy".into(), Json::from(policy));
            break;
        }
    }
    if let Some(profile) = given(args, "device_profile") {
        attrs.insert("device_profile".into(), Json::from(profile));
    }
    if let Some(offload) = given(args, "hardware_offload_type") {
        attrs.insert("hardware_offload_type".into(), Json::from(offload));
    }
    common::flag_attrs(
        args,
        &mut attrs,
        &[
            ("not_trusted", "trusted", false),
            ("trusted", "trusted", true),
        ],
    );
    if let Some(kind) = present(args, "pvlan_type") {
        attrs.insert("pvlan_type".into(), Json::from(kind));
    }
    if let Some(community) = present(args, "pvlan_community") {
        attrs.insert("pvlan_community".into(), Json::from(community));
    }
    validate_pvlan_port(&attrs)?;
    Ok(attrs)
}

fn has_pvlan(attrs: &Map<String, Json>) -> bool {
    attrs.get("pvlan_type").is_some_and(sdk::truthy)
        || attrs.get("pvlan_community").is_some_and(sdk::truthy)
}

/// `_validate_pvlan_port`.
fn validate_pvlan_port(attrs: &Map<String, Json>) -> Result<()> {
    if has_pvlan(attrs) && attrs.get("port_security_enabled") == Some(&Json::Bool(false)) {
        return Err(Error::command(
            "PVLAN attributes cannot be set when port security is disabled.",
        ));
    }
    if attrs.get("pvlan_type").and_then(Json::as_str) == Some("community")
        && !attrs.get("pvlan_community").is_some_and(sdk::truthy)
    {
        return Err(Error::command(
            "--pvlan-community is required when --pvlan-type is 'community'.",
        ));
    }
    Ok(())
}

/// `_validate_pvlan_network_port`.
fn validate_pvlan_network_port(attrs: &Map<String, Json>, network: &Json) -> Result<()> {
    if has_pvlan(attrs) && !sdk::truthy(&NETWORK.get(network, "pvlan")) {
        return Err(Error::command(
            "PVLAN attributes cannot be set on a port whose network does not have PVLAN enabled.",
        ));
    }
    Ok(())
}

/// `_validate_port_hints` and `_expand_port_hint_aliases`, then the extension checks.
fn hints(cm: &mut ClientManager, hints: Map<String, Json>) -> Result<Json> {
    let hints = Json::Object(hints);
    let steering =
        |mode: &str| serde_json::json!({"openvswitch": {"other_config": {"tx-steering": mode}}});
    let expanded = if hints == serde_json::json!({"ovs-tx-steering": "thread"}) {
        steering("thread")
    } else if hints == serde_json::json!({"ovs-tx-steering": "hash"}) {
        steering("hash")
    } else if hints == serde_json::json!({})
        || hints == steering("thread")
        || hints == steering("hash")
    {
        hints
    } else {
        return Err(Error::command(
            "Invalid value to --hints, see --help for valid values.",
        ));
    };
    let needs = |alias: &'static str| {
        move |cm: &mut ClientManager| -> Result<()> {
            match common::has_extension(cm, alias) {
                Ok(true) => Ok(()),
                Ok(false) => Err(Error::command(format!(
                    "Not supported by Network API: No Extension found for {alias}"
                ))),
                Err(e) => Err(Error::command(format!("Not supported by Network API: {e}"))),
            }
        }
    };
    needs("port-hints")(cm)?;
    if expanded
        .pointer("/openvswitch/other_config/tx-steering")
        .is_some()
    {
        needs("port-hint-ovs-tx-steering")(cm)?;
    }
    Ok(expanded)
}

fn find_port(cm: &mut ClientManager, args: &Args) -> Result<Json> {
    fail(common::find(cm, &PORT, args.str("port").unwrap_or(""), &[]))
}

fn group_id(cm: &mut ClientManager, group: &str) -> Result<Json> {
    fail(common::find(cm, &SECURITY_GROUP, group, &[]).map(|g| Json::from(sdk::id_of(&g))))
}

fn items(value: Json) -> Vec<Json> {
    match value {
        Json::Array(items) => items,
        _ => Vec::new(),
    }
}

/// `port create`.
pub struct CreatePort;

impl Command<ClientManager> for CreatePort {
    fn description(&self) -> &str {
        "Create a new port"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::option(&["--network"])
                .metavar("<network>")
                .required()
                .help("Network this port belongs to (name or ID)"),
        );
        add_updatable_options(parser, true);
        let fixed = parser.add_mutex(None, false);
        parser.add_to_mutex(fixed, fixed_ip_arg());
        parser.add_to_mutex(
            fixed,
            Arg::option(&["--no-fixed-ip"])
                .flag()
                .help("No IP or subnet set for this port"),
        );
        parser.add(binding_profile_arg());
        let admin = parser.add_mutex(None, false);
        parser.add_to_mutex(
            admin,
            Arg::option(&["--enable"])
                .flag()
                .default(ArgValue::Bool(true))
                .help("Enable port (default)"),
        );
        parser.add_to_mutex(
            admin,
            Arg::option(&["--disable"]).flag().help("Disable port"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--enable-uplink-status-propagation",
                    "Enable uplink status propagation (default)",
                ),
                (
                    "--disable-uplink-status-propagation",
                    "Disable uplink status propagation",
                ),
            ],
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("Owner's project (name or ID)"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::positional("name")
                .metavar("<name>")
                .help("Name of this port"),
        );
        parser.add(extra_dhcp_arg());
        let groups = parser.add_mutex(None, false);
        parser.add_to_mutex(groups, security_group_arg());
        parser.add_to_mutex(
            groups,
            Arg::option(&["--no-security-group"])
                .action(Action::StoreConst(ArgValue::List(Vec::new())))
                .dest("security_groups")
                .help("Associate no security groups with this port"),
        );
        parser.add(qos_policy_arg());
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--enable-port-security",
                    "Enable port security for this port (default)",
                ),
                (
                    "--disable-port-security",
                    "Disable port security for this port",
                ),
            ],
        );
        parser.add(allowed_address_arg());
        parser.add(
            Arg::option(&["--device-profile"])
                .metavar("<device-profile>")
                .help("Port device profile"),
        );
        parser.add(
            Arg::option(&["--hardware-offload-type"])
                .metavar("<hardware-offload-type>")
                .dest("hardware_offload_type")
                .help("Hardware offload type this port will request when attached to the network backend"),
        );
        common::add_tag_option_for_create(parser, "port");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let network = fail(common::find(
            ctx,
            &NETWORK,
            args.str("network").unwrap_or(""),
            &[],
        ))?;
        let fixed_ips = prepare_fixed_ips(ctx, args)?;
        let mut attrs = attrs(ctx, args, Some(sdk::id_of(&network)))?;
        if let Some(profile) = json_dict(args, "binding_profile") {
            attrs.insert("binding:profile".into(), Json::Object(profile));
        }
        if !fixed_ips.is_empty() {
            attrs.insert("fixed_ips".into(), Json::from(fixed_ips));
        } else if args.flag("no_fixed_ip") {
            attrs.insert("fixed_ips".into(), Json::Array(Vec::new()));
        }
        if matches!(args.get("security_groups"), ArgValue::List(_)) {
            let mut ids = Vec::new();
            for group in args.strings("security_groups") {
                ids.push(group_id(ctx, &group)?);
            }
            attrs.insert("security_groups".into(), Json::from(ids));
        }
        let pairs = address_pairs(args);
        if !pairs.is_empty() {
            attrs.insert("allowed_address_pairs".into(), Json::from(pairs));
        }
        let options = extra_dhcp_options(args);
        if !options.is_empty() {
            attrs.insert("extra_dhcp_opts".into(), Json::from(options));
        }
        if let Some(hint) = json_dict(args, "hint").filter(|h| !h.is_empty()) {
            attrs.insert("hints".into(), hints(ctx, hint)?);
        }
        let tags_in_post = fail(common::has_extension(ctx, "tag-ports-during-bulk-creation"))?;
        if tags_in_post {
            if args.flag("no_tag") {
                attrs.insert("tags".into(), Json::Array(Vec::new()));
            }
            let tags = args.strings("tags");
            if !tags.is_empty() {
                let mut unique: Vec<String> = Vec::new();
                for tag in tags {
                    if !unique.contains(&tag) {
                        unique.push(tag);
                    }
                }
                attrs.insert("tags".into(), Json::from(unique));
            }
        }
        attrs.extend(common::extra_properties(args, false)?);
        validate_pvlan_network_port(&attrs, &network)?;
        let mut created = fail(common::create(ctx, &PORT, attrs))?;
        if !tags_in_post {
            created = fail(common::update_tags_for_set(ctx, &PORT, &created, args))?;
        }
        Ok(show(&created))
    }
}

/// `port delete`.
pub struct DeletePort;

impl Command<ClientManager> for DeletePort {
    fn description(&self) -> &str {
        "Delete port(s)"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("port")
                .metavar("<port>")
                .nargs(Nargs::OneOrMore)
                .help("Port(s) to delete (name or ID)"),
        );
        parser.add(osc_lib::multi::parallel_option());
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        common::delete_each(ctx, args, &PORT, &args.strings("port"), "port", "ports")
    }
}

/// `port list`.
pub struct ListPort;

impl Command<ClientManager> for ListPort {
    fn description(&self) -> &str {
        "List ports"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(Arg::option(&["--device-owner"]).metavar("<device-owner>").help(
            "List only ports with the specified device owner. This is the entity that uses the port (for example, \
             network:dhcp).",
        ));
        parser.add(
            Arg::option(&["--host"])
                .metavar("<host-id>")
                .help("List only ports bound to this host ID"),
        );
        parser.add(
            Arg::option(&["--network"])
                .metavar("<network>")
                .help("List only ports connected to this network (name or ID)"),
        );
        let device = parser.add_mutex(None, false);
        parser.add_to_mutex(
            device,
            Arg::option(&["--router"])
                .metavar("<router>")
                .dest("router")
                .help("List only ports attached to this router (name or ID)"),
        );
        parser.add_to_mutex(
            device,
            Arg::option(&["--server"])
                .metavar("<server>")
                .help("List only ports attached to this server (name or ID)"),
        );
        parser.add_to_mutex(
            device,
            Arg::option(&["--device-id"])
                .metavar("<device-id>")
                .help("List only ports with the specified device ID"),
        );
        parser.add(
            Arg::option(&["--mac-address"])
                .metavar("<mac-address>")
                .help("List only ports with the specified MAC address"),
        );
        parser.add(
            Arg::option(&["--long"])
                .flag()
                .help("List additional fields in output"),
        );
        parser.add(
            Arg::option(&["--project"])
                .metavar("<project>")
                .help("List only ports with the specified project (name or ID)"),
        );
        parser.add(
            Arg::option(&["--pvlan-type"])
                .metavar("<type>")
                .help("List only ports with the specified PVLAN type"),
        );
        parser.add(
            Arg::option(&["--pvlan-community"])
                .metavar("<community-name>")
                .help("List only ports within a specified PVLAN community"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                ("--pvlan", "List only ports with PVLAN enabled"),
                ("--no-pvlan", "List only ports with PVLAN disabled"),
            ],
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("List only ports with the specified name"),
        );
        parser.add(
            Arg::option(&["--security-group"])
                .append()
                .dest("security_groups")
                .metavar("<security-group>")
                .help("List only ports associated with this security group"),
        );
        parser.add(
            Arg::option(&["--status"])
                .metavar("<status>")
                .choices(&["ACTIVE", "BUILD", "DOWN", "ERROR"])
                .help("List only ports with the specified status ('ACTIVE', 'BUILD', 'DOWN', 'ERROR')"),
        );
        identity::common::add_project_domain_option(parser);
        parser.add(
            Arg::option(&["--fixed-ip"])
                .metavar("subnet=<subnet>,ip-address=<ip-address>,ip-substring=<ip-substring>")
                .append()
                .check(filter_fixed_ip_check)
                .help(
                    "Desired IP and/or subnet for filtering ports (name or ID): \
                     subnet=<subnet>,ip-address=<ip-address>,ip-substring=<ip-substring> (repeat option to filter \
                     multiple fixed IP addresses)",
                ),
        );
        common::add_tag_filtering_options(parser, "ports");
        pagination::add_marker_pagination_options(parser, true);
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let mut columns = vec!["id", "name", "mac_address", "fixed_ips", "status"];
        let mut headers = vec!["ID", "Name", "MAC Address", "Fixed IP Addresses", "Status"];
        let pvlan = args.flag("pvlan");
        let no_pvlan = args.flag("no_pvlan");
        if pvlan
            || no_pvlan
            || present(args, "pvlan_type").is_some()
            || present(args, "pvlan_community").is_some()
        {
            columns.extend(["pvlan_type", "pvlan_community"]);
            headers.extend(["PVLAN Type", "PVLAN Community"]);
        }
        let long = args.flag("long");
        if long {
            columns.extend(["security_groups", "device_owner", "tags", "trunk_details"]);
            headers.extend(["Security Groups", "Device Owner", "Tags", "Trunk subports"]);
        }
        let mut params: Vec<Param> = Vec::new();
        if let Some(owner) = present(args, "device_owner") {
            params.push(("device_owner", Some(owner.to_owned())));
        }
        if let Some(device) = present(args, "device_id") {
            params.push(("device_id", Some(device.to_owned())));
        }
        if let Some(router) = given(args, "router") {
            let router = fail(common::find(ctx, &ROUTER, router, &[]))?;
            params.retain(|(k, _)| *k != "device_id");
            params.push(("device_id", Some(sdk::id_of(&router))));
        }
        if let Some(server) = given(args, "server") {
            let id = find_server_id(ctx, server)?;
            params.retain(|(k, _)| *k != "device_id");
            params.push(("device_id", Some(id)));
        }
        if let Some(host) = given(args, "host") {
            params.push(("binding:host_id", Some(host.to_owned())));
        }
        if let Some(network) = given(args, "network") {
            let network = fail(common::find(ctx, &NETWORK, network, &[]))?;
            params.push(("network_id", Some(sdk::id_of(&network))));
        }
        if let Some(mac) = given(args, "mac_address") {
            params.push(("mac_address", Some(mac.to_owned())));
        }
        if let Some(status) = given(args, "status") {
            params.push(("status", Some(status.to_owned())));
        }
        if given(args, "project").is_some() {
            if let Some(project_id) = common::project_id(ctx, args)? {
                params.push(("project_id", Some(project_id)));
            }
        }
        if let Some(name) = given(args, "name") {
            params.push(("name", Some(name.to_owned())));
        }
        for spec in multi(args, "fixed_ip") {
            for (key, value) in spec {
                match key.as_str() {
                    "subnet" if !value.is_empty() => {
                        let subnet = fail(common::find(ctx, &SUBNET, &value, &[]))?;
                        params.push((
                            "fixed_ips",
                            Some(format!("subnet_id={}", sdk::id_of(&subnet))),
                        ));
                    }
                    "ip-address" => params.push(("fixed_ips", Some(format!("ip_address={value}")))),
                    "ip-substring" => {
                        params.push(("fixed_ips", Some(format!("ip_address_substr={value}"))))
                    }
                    _ => {}
                }
            }
        }
        for group in args.strings("security_groups") {
            params.push(("security_group_ids", Some(group)));
        }
        let page = pagination::pagination(args)?;
        params.extend(page.params);
        params.extend(common::tag_filtering_params(args));
        for field in &columns {
            params.push(("fields", Some((*field).to_owned())));
        }
        let mut items = fail(common::list(ctx, &PORT, &params, page.max_items))?;
        if pvlan {
            items.retain(|p| !PORT.get(p, "pvlan_type").is_null());
        } else if no_pvlan {
            items.retain(|p| PORT.get(p, "pvlan_type").is_null());
        }
        let columns: Vec<&str> = columns
            .into_iter()
            .map(|c| {
                if c == "security_groups" {
                    "security_group_ids"
                } else {
                    c
                }
            })
            .collect();
        Ok(common::rows(&PORT, &items, &headers, &columns, list_format))
    }
}

/// `compute_client.find_server(name_or_id, ignore_missing=False).id` (Nova's `/servers`).
fn find_server_id(cm: &mut ClientManager, name_or_id: &str) -> Result<String> {
    const SERVER: sdk::Resource = sdk::Resource {
        service: "compute",
        class: "Server",
        key: "server",
        plural: "servers",
        base_path: "/servers",
        query: &[("name", "name")],
        ..sdk::Resource::DEFAULT
    };
    fail(sdk::find_one(cm, &SERVER, "/servers", name_or_id, &[]).map(|s| sdk::id_of(&s)))
}

/// `port set`.
pub struct SetPort;

impl Command<ClientManager> for SetPort {
    fn description(&self) -> &str {
        "Set port properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        add_updatable_options(parser, false);
        let admin = parser.add_mutex(None, false);
        parser.add_to_mutex(
            admin,
            Arg::option(&["--enable"])
                .flag()
                .default_none()
                .help("Enable port"),
        );
        parser.add_to_mutex(
            admin,
            Arg::option(&["--disable"]).flag().help("Disable port"),
        );
        parser.add(
            Arg::option(&["--name"])
                .metavar("<name>")
                .help("Set port name"),
        );
        parser.add(fixed_ip_arg());
        parser.add(Arg::option(&["--no-fixed-ip"]).flag().help(
            "Clear existing information of fixed IP addresses. Specify both --fixed-ip and --no-fixed-ip to \
             overwrite the current fixed IP addresses.",
        ));
        parser.add(binding_profile_arg());
        parser.add(Arg::option(&["--no-binding-profile"]).flag().help(
            "Clear existing information of binding:profile. Specify both --binding-profile and \
             --no-binding-profile to overwrite the current binding:profile information.",
        ));
        parser.add(qos_policy_arg());
        parser.add(
            Arg::positional("port")
                .metavar("<port>")
                .help("Port to modify (name or ID)"),
        );
        parser.add(security_group_arg());
        parser.add(
            Arg::option(&["--no-security-group"])
                .dest("no_security_group")
                .flag()
                .help("Clear existing security groups associated with this port"),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--enable-port-security",
                    "Enable port security for this port",
                ),
                (
                    "--disable-port-security",
                    "Disable port security for this port",
                ),
            ],
        );
        parser.add(allowed_address_arg());
        parser.add(
            Arg::option(&["--no-allowed-address"])
                .dest("no_allowed_address_pair")
                .flag()
                .help(
                    "Clear existing allowed-address pairs associated with this port. Specify both \
                     --allowed-address and --no-allowed-address to overwrite the current allowed-address pairs.",
                ),
        );
        parser.add(extra_dhcp_arg());
        parser.add(
            Arg::option(&["--data-plane-status"])
                .metavar("<status>")
                .choices(&["ACTIVE", "DOWN"])
                .help(
                    "Set data plane status of this port (ACTIVE | DOWN). Unset it to None with the 'port unset' \
                     command (requires data plane status extension).",
                ),
        );
        common::add_exclusive_flags(
            parser,
            &[
                (
                    "--enable-uplink-status-propagation",
                    "Enable uplink status propagation",
                ),
                (
                    "--disable-uplink-status-propagation",
                    "Disable uplink status propagation",
                ),
            ],
        );
        common::add_tag_option_for_set(parser, "port");
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let fixed_ips = prepare_fixed_ips(ctx, args)?;
        let port = find_port(ctx, args)?;
        let mut attrs = attrs(ctx, args, None)?;
        if args.flag("no_binding_profile") {
            attrs.insert("binding:profile".into(), Json::Object(Map::new()));
        }
        if let Some(profile) = json_dict(args, "binding_profile").filter(|p| !p.is_empty()) {
            let mut current = match attrs.remove("binding:profile") {
                Some(Json::Object(map)) => map,
                _ => match PORT.get(&port, "binding_profile") {
                    Json::Object(map) => map,
                    _ => Map::new(),
                },
            };
            current.extend(profile);
            attrs.insert("binding:profile".into(), Json::Object(current));
        }
        if args.flag("no_fixed_ip") {
            attrs.insert("fixed_ips".into(), Json::Array(Vec::new()));
        }
        if !fixed_ips.is_empty() {
            let mut list = match attrs.remove("fixed_ips") {
                Some(Json::Array(list)) => list,
                _ => items(PORT.get(&port, "fixed_ips"))
                    .into_iter()
                    .filter(sdk::truthy)
                    .collect(),
            };
            list.extend(fixed_ips);
            attrs.insert("fixed_ips".into(), Json::from(list));
        }
        if args.flag("no_security_group") {
            attrs.insert("security_groups".into(), Json::Array(Vec::new()));
        }
        let groups = args.strings("security_groups");
        if !groups.is_empty() {
            let mut list = match attrs.remove("security_groups") {
                Some(Json::Array(list)) => list,
                _ => items(PORT.get(&port, "security_group_ids")),
            };
            for group in groups {
                list.push(group_id(ctx, &group)?);
            }
            attrs.insert("security_groups".into(), Json::from(list));
        }
        if args.flag("no_allowed_address_pair") {
            attrs.insert("allowed_address_pairs".into(), Json::Array(Vec::new()));
        }
        let pairs = address_pairs(args);
        if !pairs.is_empty() {
            let mut list = match attrs.remove("allowed_address_pairs") {
                Some(Json::Array(list)) => list,
                _ => items(PORT.get(&port, "allowed_address_pairs"))
                    .into_iter()
                    .filter(sdk::truthy)
                    .collect(),
            };
            list.extend(pairs);
            attrs.insert("allowed_address_pairs".into(), Json::from(list));
        }
        let options = extra_dhcp_options(args);
        if !options.is_empty() {
            attrs.insert("extra_dhcp_opts".into(), Json::from(options));
        }
        if let Some(status) = given(args, "data_plane_status") {
            attrs.insert("data_plane_status".into(), Json::from(status));
        }
        if let Some(hint) = json_dict(args, "hint").filter(|h| !h.is_empty()) {
            attrs.insert("hints".into(), hints(ctx, hint)?);
        }
        if args.flag("not_trusted") {
            attrs.insert("trusted".into(), Json::Bool(false));
        }
        if args.flag("trusted") {
            attrs.insert("trusted".into(), Json::Bool(true));
        }
        attrs.extend(common::extra_properties(args, false)?);
        if has_pvlan(&attrs) {
            let network_id = sdk::json_text(&PORT.get(&port, "network_id"));
            let network = fail(common::find(ctx, &NETWORK, &network_id, &[]))?;
            validate_pvlan_network_port(&attrs, &network)?;
        }
        if !attrs.is_empty() {
            fail(common::update(ctx, &PORT, &port, attrs))?;
        }
        fail(common::update_tags_for_set(ctx, &PORT, &port, args))?;
        Ok(Output::ok())
    }
}

/// `port show`.
pub struct ShowPort;

impl Command<ClientManager> for ShowPort {
    fn description(&self) -> &str {
        "Display port details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("port")
                .metavar("<port>")
                .help("Port to display (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        Ok(show(&find_port(ctx, args)?))
    }
}

/// Python's `str()` of a dict or string, for "Port does not contain ..." messages.
fn py_text(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        other => py_repr(&Value::from_json(other)),
    }
}

/// `port unset`.
pub struct UnsetPort;

impl Command<ClientManager> for UnsetPort {
    fn description(&self) -> &str {
        "Unset port properties"
    }

    fn add_arguments(&self, parser: &mut Parser) {
        common::add_extra_property_option(parser);
        parser.add(
            Arg::option(&["--fixed-ip"])
                .metavar("subnet=<subnet>,ip-address=<ip-address>")
                .append()
                .check(fixed_ip_check)
                .help(
                    "Desired IP and/or subnet which should be removed from this port (name or ID): \
                     subnet=<subnet>,ip-address=<ip-address> (repeat option to unset multiple fixed IP addresses)",
                ),
        );
        parser.add(
            Arg::option(&["--binding-profile"])
                .metavar("<binding-profile-key>")
                .append()
                .help(
                    "Desired key which should be removed from binding:profile (repeat option to unset multiple \
                     binding:profile keys)",
                ),
        );
        parser.add(
            Arg::option(&["--security-group"])
                .metavar("<security-group>")
                .append()
                .dest("security_groups")
                .help(
                    "Security group which should be removed this port (name or ID) (repeat option to unset \
                     multiple security groups)",
                ),
        );
        parser.add(
            Arg::option(&["--allowed-address"])
                .metavar("ip-address=<ip-address>[,mac-address=<mac-address>]")
                .append()
                .dest("allowed_address_pairs")
                .check(address_check)
                .help(
                    "Desired allowed-address pair which should be removed from this port: \
                     ip-address=<ip-address>[,mac-address=<mac-address>] (repeat option to unset multiple \
                     allowed-address pairs)",
                ),
        );
        for (flag, dest, help) in [
            (
                "--qos-policy",
                "qos_policy",
                "Remove the QoS policy attached to the port",
            ),
            (
                "--data-plane-status",
                "data_plane_status",
                "Clear existing data plane status information",
            ),
            (
                "--numa-policy",
                "numa_policy",
                "Clear existing NUMA affinity policy",
            ),
            ("--host", "host", "Clear host binding for the port"),
            ("--hints", "hints", "Clear hints for the port"),
            ("--device", "device", "Clear device ID for the port."),
            (
                "--device-owner",
                "device_owner",
                "Clear device owner for the port.",
            ),
            (
                "--pvlan-community",
                "pvlan_community",
                "Clear PVLAN community name for the port.",
            ),
        ] {
            parser.add(Arg::option(&[flag]).dest(dest).flag().help(help));
        }
        common::add_tag_option_for_unset(parser, "port");
        parser.add(
            Arg::positional("port")
                .metavar("<port>")
                .help("Port to modify (name or ID)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let port = find_port(ctx, args)?;
        let fixed_ips = prepare_fixed_ips(ctx, args)?;
        let mut attrs = Map::new();
        if !fixed_ips.is_empty() {
            let mut list = items(PORT.get(&port, "fixed_ips"));
            for ip in fixed_ips {
                match list.iter().position(|i| *i == ip) {
                    Some(at) => {
                        list.remove(at);
                    }
                    None => {
                        return Err(Error::command(format!(
                            "Port does not contain fixed-ip {}",
                            py_text(&ip)
                        )))
                    }
                }
            }
            attrs.insert("fixed_ips".into(), Json::from(list));
        }
        let keys = args.strings("binding_profile");
        if !keys.is_empty() {
            let mut profile = match PORT.get(&port, "binding_profile") {
                Json::Object(map) => map,
                _ => Map::new(),
            };
            for key in keys {
                if profile.remove(&key).is_none() {
                    return Err(Error::command(format!(
                        "Port does not contain binding-profile {key}"
                    )));
                }
            }
            attrs.insert("binding:profile".into(), Json::Object(profile));
        }
        let groups = args.strings("security_groups");
        if !groups.is_empty() {
            let mut list = items(PORT.get(&port, "security_group_ids"));
            for group in groups {
                let id = group_id(ctx, &group)?;
                match list.iter().position(|i| *i == id) {
                    Some(at) => {
                        list.remove(at);
                    }
                    None => {
                        return Err(Error::command(format!(
                            "Port does not contain security group {group}"
                        )))
                    }
                }
            }
            attrs.insert("security_groups".into(), Json::from(list));
        }
        let pairs = address_pairs(args);
        if !pairs.is_empty() {
            let mut list = items(PORT.get(&port, "allowed_address_pairs"));
            for pair in pairs {
                match list.iter().position(|i| *i == pair) {
                    Some(at) => {
                        list.remove(at);
                    }
                    None => {
                        return Err(Error::command(format!(
                            "Port does not contain allowed-address-pair {}",
                            py_text(&pair)
                        )))
                    }
                }
            }
            attrs.insert("allowed_address_pairs".into(), Json::from(list));
        }
        for (flag, key, value) in [
            ("qos_policy", "qos_policy_id", Json::Null),
            ("data_plane_status", "data_plane_status", Json::Null),
            ("numa_policy", "numa_affinity_policy", Json::Null),
            ("host", "binding:host_id", Json::Null),
            ("hints", "hints", Json::Null),
            ("device", "device_id", Json::from("")),
            ("device_owner", "device_owner", Json::from("")),
            ("pvlan_community", "pvlan_community", Json::Null),
        ] {
            if args.flag(flag) {
                attrs.insert(key.into(), value);
            }
        }
        attrs.extend(common::extra_properties(args, true)?);
        if !attrs.is_empty() {
            fail(common::update(ctx, &PORT, &port, attrs))?;
        }
        fail(common::update_tags_for_unset(ctx, &PORT, &port, args))?;
        Ok(Output::ok())
    }
}
