//! What the server commands share: the microversion openstacksdk picks for each compute class, finding a server
//! by name or ID, server actions, and `_prep_server_detail` (OSC's shaping of a server for `show`).

use cliff::{Error, Result, Value};
use osc_lib::format_columns::{dict_column, dict_list_column, list_column, list_dict_column};
use osc_lib::utils::format_dict_of_list;
use osc_lib::{ClientManager, Method};
use serde_json::{Map, Value as Json};

use crate::resources::{FLAVOR, FLAVOR_MAX_MICROVERSION, IMAGE, SERVER, SERVER_MAX_MICROVERSION};
use openstack_sdk as sdk;
use openstack_sdk::microversion::{self, is_microversion, version_to_string};
use openstack_sdk::{Call, Failure, Res};

/// The compute service type.
pub const COMPUTE: &str = "compute";

/// `--os-compute-api-version` when it names a microversion (openstacksdk's `default_microversion`).
pub fn requested(cm: &ClientManager) -> Option<String> {
    cm.api_version(COMPUTE)
        .filter(|v| is_microversion(v))
        .map(str::to_owned)
}

fn parse(version: &str) -> Option<(u64, u64)> {
    let (major, minor) = version.trim().trim_start_matches('v').split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// `Resource._get_microversion`: the requested microversion, else the lower of the class's maximum and the
/// server's; `None` when the server has no microversions.
pub fn negotiated(cm: &mut ClientManager, class_max: &str) -> Res<Option<String>> {
    if let Some(version) = requested(cm) {
        return microversion::negotiate(cm, COMPUTE, &version);
    }
    let Some(info) = microversion::discover(cm, COMPUTE)? else {
        return Ok(None);
    };
    let Some(server_max) = info.max_microversion else {
        return Ok(None);
    };
    let Some(client_max) = parse(class_max) else {
        return Ok(None);
    };
    if info.min_microversion.is_some_and(|min| client_max < min) {
        return Ok(None);
    }
    Ok(Some(version_to_string(client_max.min(server_max))))
}

/// Makes later compute calls send the microversion a class negotiates (see [`negotiated`]).
pub fn use_class(cm: &mut ClientManager, class_max: &str) -> Res<()> {
    let version = negotiated(cm, class_max)?;
    microversion::set_default(cm, COMPUTE, version.as_deref())
}

/// Makes later compute calls send no microversion unless one was requested (a class with no maximum).
pub fn use_default(cm: &mut ClientManager) -> Res<()> {
    let version = match requested(cm) {
        Some(version) => microversion::negotiate(cm, COMPUTE, &version)?,
        None => None,
    };
    microversion::set_default(cm, COMPUTE, version.as_deref())
}

/// `sdk_utils.supports_microversion(compute_client, required)`.
pub fn supports(cm: &mut ClientManager, required: &str) -> Res<bool> {
    let Some(wanted) = parse(required) else {
        return Ok(false);
    };
    let Some(info) = microversion::discover(cm, COMPUTE)? else {
        return Ok(false);
    };
    let (Some(min), Some(max)) = (info.min_microversion, info.max_microversion) else {
        return Ok(false);
    };
    if wanted < min || wanted > max {
        return Ok(false);
    }
    match requested(cm).as_deref().and_then(parse) {
        Some(default) => Ok(default.0 == wanted.0 && default.1 >= wanted.1),
        None => Ok(true),
    }
}

/// A command error with OSC's words.
pub fn command_error(message: impl Into<String>) -> Error {
    Error::command(message.into())
}

/// `--os-compute-api-version X or greater is required ...`, when the microversion is not supported.
pub fn require(cm: &mut ClientManager, version: &str, message: &str) -> Result<()> {
    if supports(cm, version)? {
        Ok(())
    } else {
        Err(command_error(message))
    }
}

/// OSC's usual check of an option that needs a microversion: "--os-compute-api-version <v> or greater is
/// required to support the <option> option".
pub fn require_option(cm: &mut ClientManager, version: &str, option: &str) -> Result<()> {
    require(
        cm,
        version,
        &format!("--os-compute-api-version {version} or greater is required to support the {option} option"),
    )
}

/// `compute_client.find_server(name_or_id, ignore_missing=False, details=..., all_projects=...)`.
pub fn find_server(
    cm: &mut ClientManager,
    name_or_id: &str,
    details: bool,
    all_projects: bool,
) -> Res<Json> {
    use_class(cm, SERVER_MAX_MICROVERSION)?;
    match sdk::fetch(cm, &SERVER, SERVER.base_path, name_or_id, &[], None) {
        Ok(found) => return Ok(found),
        Err(failure) if matches!(failure.status(), Some(400 | 403 | 404)) => {}
        Err(failure) => return Err(failure),
    }
    let base = if details {
        "/servers/detail"
    } else {
        SERVER.base_path
    };
    let mut params = vec![("name", Some(name_or_id.to_owned()))];
    if all_projects {
        params.push(("all_projects", Some("True".to_owned())));
    }
    let mut found: Option<Json> = None;
    for item in sdk::list(cm, &SERVER, base, &params, None)? {
        if sdk::str_of(&item, "id") == Some(name_or_id)
            || sdk::str_of(&item, "name") == Some(name_or_id)
        {
            if found.is_some() {
                return Err(Failure::Duplicate(format!(
                    "More than one Server exists with the name '{name_or_id}'."
                )));
            }
            found = Some(item);
        }
    }
    found.ok_or_else(|| Failure::NotFound(format!("No Server found for {name_or_id}")))
}

/// `compute_client.get_server(id)`.
pub fn get_server(cm: &mut ClientManager, id: &str) -> Res<Json> {
    use_class(cm, SERVER_MAX_MICROVERSION)?;
    sdk::get(cm, &SERVER, SERVER.base_path, id)
}

/// `Server._action(session, body)`: POST `/servers/<id>/action` with the class's microversion (or `version`).
pub fn action(
    cm: &mut ClientManager,
    id: &str,
    body: Json,
    version: Option<&str>,
) -> Res<osc_lib::ApiResponse> {
    use_class(cm, SERVER_MAX_MICROVERSION)?;
    let mut call = Call::new(
        COMPUTE,
        Method::Post,
        format!("{}/action", sdk::item_path(SERVER.base_path, id)),
    )
    .body(body);
    if let Some(version) = version {
        call = call.microversion(version);
    }
    call.send(cm)
}

/// `image_client.find_image(name_or_id, ignore_missing=False)`.
pub fn find_image(cm: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    sdk::find_one(cm, &IMAGE, IMAGE.base_path, name_or_id, &[])
}

/// `compute_client.find_flavor(name_or_id, ignore_missing=False)`.
pub fn find_flavor(cm: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    use_class(cm, FLAVOR_MAX_MICROVERSION)?;
    let found = sdk::find_one(cm, &FLAVOR, FLAVOR.base_path, name_or_id, &[]);
    use_class(cm, SERVER_MAX_MICROVERSION)?;
    found
}

/// Standard base64 (RFC 4648, with padding), as Python's `base64.b64encode`.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `PowerStateColumn`: the power state's name in tables, the number elsewhere.
pub fn power_state_column(value: &Json) -> Value {
    const STATES: [&str; 8] = [
        "NOSTATE",
        "Running",
        "",
        "Paused",
        "Shutdown",
        "",
        "Crashed",
        "Suspended",
    ];
    let human = value
        .as_i64()
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| STATES.get(i))
        .map_or("N/A", |s| s);
    Value::Column {
        human: human.to_owned(),
        machine: Box::new(Value::from_json(value)),
    }
}

/// The addresses of each network (`{net: [addr, ...]}`), as `AddressesColumn` reads them.
fn address_lists(value: &Json) -> Option<Vec<(String, Vec<String>)>> {
    let map = value.as_object()?;
    Some(
        map.iter()
            .map(|(net, items)| {
                let addrs = items
                    .as_array()
                    .map(|items| {
                        items
                            .iter()
                            .filter_map(|i| i.get("addr").map(sdk::json_text))
                            .collect()
                    })
                    .unwrap_or_default();
                (net.clone(), addrs)
            })
            .collect(),
    )
}

/// `AddressesColumn`: `net=a, b; net2=c` in tables, `{net: [a, b]}` elsewhere.
pub fn addresses_column(value: &Json) -> Value {
    let lists = address_lists(value);
    let human = match &lists {
        Some(lists) => {
            let pairs: Vec<(String, Option<Vec<String>>)> = lists
                .iter()
                .map(|(k, v)| (k.clone(), Some(v.clone())))
                .collect();
            format_dict_of_list(Some(&pairs), "; ").unwrap_or_default()
        }
        None if value.is_null() => String::new(),
        None => "N/A".to_owned(),
    };
    let machine = Value::Dict(
        lists
            .unwrap_or_default()
            .into_iter()
            .map(|(k, v)| (k, Value::List(v.into_iter().map(Value::Str).collect())))
            .collect(),
    );
    Value::Column {
        human,
        machine: Box::new(machine),
    }
}

/// `Flavor.to_dict()` of a server's embedded flavor (microversion 2.47 and later).
fn embedded_flavor(flavor: &Json) -> Value {
    let get = |key: &str| flavor.get(key).cloned().unwrap_or(Json::Null);
    let int = |key: &str| match flavor.get(key) {
        Some(Json::Null) | None => Json::from(0),
        Some(v) => v.clone(),
    };
    let name = get("original_name");
    let mut map = Map::new();
    map.insert("name".into(), name.clone());
    map.insert("original_name".into(), name.clone());
    map.insert("description".into(), get("description"));
    map.insert("disk".into(), int("disk"));
    map.insert(
        "is_public".into(),
        flavor
            .get("os-flavor-access:is_public")
            .map_or(Json::Bool(true), |v| Json::Bool(sdk::truthy(v))),
    );
    map.insert("ram".into(), int("ram"));
    map.insert("vcpus".into(), int("vcpus"));
    map.insert("swap".into(), int("swap"));
    map.insert("ephemeral".into(), int("OS-FLV-EXT-DATA:ephemeral"));
    map.insert("is_disabled".into(), get("OS-FLV-DISABLED:disabled"));
    map.insert("rxtx_factor".into(), get("rxtx_factor"));
    map.insert(
        "extra_specs".into(),
        flavor
            .get("extra_specs")
            .cloned()
            .unwrap_or_else(|| Json::Object(Map::new())),
    );
    let id = match flavor.get("id") {
        Some(id) if !id.is_null() => id.clone(),
        _ => name,
    };
    map.insert("id".into(), id);
    map.insert("location".into(), Json::Null);
    dict_column(Value::from_json(&Json::Object(map)))
}

/// `VolumeAttachment.to_dict()` without its `None` values and `location`.
fn attached_volume(volume: &Json) -> Json {
    let mut map = Map::new();
    for (attribute, key) in [
        ("device", "device"),
        ("id", "id"),
        ("volume_id", "volumeId"),
        ("attachment_id", "attachment_id"),
        ("bdm_id", "bdm_uuid"),
        ("tag", "tag"),
        ("delete_on_termination", "delete_on_termination"),
        ("name", "name"),
    ] {
        if let Some(value) = volume.get(key).filter(|v| !v.is_null()) {
            map.insert(attribute.to_owned(), value.clone());
        }
    }
    Json::Object(map)
}

/// The `Server` attributes OSC shows, as (attribute, body key, output key): `to_dict()` then `column_map`.
const SHOWN: &[(&str, &str, &str)] = &[
    ("access_ipv4", "accessIPv4", "accessIPv4"),
    ("access_ipv6", "accessIPv6", "accessIPv6"),
    ("addresses", "addresses", "addresses"),
    ("admin_password", "adminPass", "adminPass"),
    (
        "attached_volumes",
        "os-extended-volumes:volumes_attached",
        "volumes_attached",
    ),
    (
        "availability_zone",
        "OS-EXT-AZ:availability_zone",
        "OS-EXT-AZ:availability_zone",
    ),
    ("config_drive", "config_drive", "config_drive"),
    (
        "compute_host",
        "OS-EXT-SRV-ATTR:host",
        "OS-EXT-SRV-ATTR:host",
    ),
    ("created_at", "created", "created"),
    ("description", "description", "description"),
    ("disk_config", "OS-DCF:diskConfig", "OS-DCF:diskConfig"),
    ("flavor", "flavor", "flavor"),
    ("host_id", "hostId", "hostId"),
    ("fault", "fault", "fault"),
    ("host_status", "host_status", "host_status"),
    (
        "hostname",
        "OS-EXT-SRV-ATTR:hostname",
        "OS-EXT-SRV-ATTR:hostname",
    ),
    (
        "hypervisor_hostname",
        "OS-EXT-SRV-ATTR:hypervisor_hostname",
        "OS-EXT-SRV-ATTR:hypervisor_hostname",
    ),
    ("image", "image", "image"),
    (
        "instance_name",
        "OS-EXT-SRV-ATTR:instance_name",
        "OS-EXT-SRV-ATTR:instance_name",
    ),
    ("is_locked", "locked", "locked"),
    (
        "kernel_id",
        "OS-EXT-SRV-ATTR:kernel_id",
        "OS-EXT-SRV-ATTR:kernel_id",
    ),
    ("key_name", "key_name", "key_name"),
    (
        "launch_index",
        "OS-EXT-SRV-ATTR:launch_index",
        "OS-EXT-SRV-ATTR:launch_index",
    ),
    (
        "launched_at",
        "OS-SRV-USG:launched_at",
        "OS-SRV-USG:launched_at",
    ),
    ("locked_reason", "locked_reason", "locked_reason"),
    (
        "pinned_availability_zone",
        "pinned_availability_zone",
        "pinned_availability_zone",
    ),
    (
        "power_state",
        "OS-EXT-STS:power_state",
        "OS-EXT-STS:power_state",
    ),
    ("progress", "progress", "progress"),
    ("project_id", "tenant_id", "project_id"),
    (
        "ramdisk_id",
        "OS-EXT-SRV-ATTR:ramdisk_id",
        "OS-EXT-SRV-ATTR:ramdisk_id",
    ),
    (
        "reservation_id",
        "OS-EXT-SRV-ATTR:reservation_id",
        "OS-EXT-SRV-ATTR:reservation_id",
    ),
    (
        "root_device_name",
        "OS-EXT-SRV-ATTR:root_device_name",
        "OS-EXT-SRV-ATTR:root_device_name",
    ),
    (
        "scheduler_hints",
        "OS-SCH-HNT:scheduler_hints",
        "scheduler_hints",
    ),
    ("security_groups", "security_groups", "security_groups"),
    ("server_groups", "server_groups", "server_groups"),
    ("status", "status", "status"),
    (
        "task_state",
        "OS-EXT-STS:task_state",
        "OS-EXT-STS:task_state",
    ),
    (
        "terminated_at",
        "OS-SRV-USG:terminated_at",
        "OS-SRV-USG:terminated_at",
    ),
    (
        "trusted_image_certificates",
        "trusted_image_certificates",
        "trusted_image_certificates",
    ),
    ("updated_at", "updated", "updated"),
    (
        "user_data",
        "OS-EXT-SRV-ATTR:user_data",
        "OS-EXT-SRV-ATTR:user_data",
    ),
    ("user_id", "user_id", "user_id"),
    ("vm_state", "OS-EXT-STS:vm_state", "OS-EXT-STS:vm_state"),
    ("id", "id", "id"),
    ("name", "name", "name"),
    ("metadata", "metadata", "properties"),
    ("tags", "tags", "tags"),
];

/// An attribute of a server body with openstacksdk's defaults and type conversions.
pub fn server_attr(server: &Json, attribute: &str) -> Json {
    let key = SHOWN
        .iter()
        .find(|(a, _, _)| *a == attribute)
        .map_or(attribute, |(_, key, _)| key);
    // Nova (2.100) answers `scheduler_hints`; openstacksdk also reads the request's `OS-SCH-HNT:` key.
    let value = match attribute {
        "scheduler_hints" => server.get("scheduler_hints").or_else(|| server.get(key)),
        _ => server.get(key),
    }
    .cloned()
    .unwrap_or(Json::Null);
    match (attribute, value) {
        ("attached_volumes" | "tags", Json::Null) => Json::Array(Vec::new()),
        ("is_locked", Json::Null) => Json::Null,
        ("is_locked", v) => Json::Bool(sdk::truthy(&v)),
        ("launch_index" | "progress", Json::String(s)) => {
            s.trim().parse::<i64>().map_or(Json::String(s), Json::from)
        }
        (_, v) => v,
    }
}

/// `_prep_server_detail(compute_client, image_client, server, refresh=...)`: the rows of `server show` and
/// `server create`, sorted by name. With `refresh`, the server is fetched again and its non-empty values
/// replace the given ones (the create answer keeps its `adminPass` and `security_groups`).
pub fn prep_server_detail(
    cm: &mut ClientManager,
    server: &Json,
    refresh: bool,
) -> Res<Vec<(String, Value)>> {
    let mut info: Vec<(&str, Json)> = SHOWN
        .iter()
        .map(|(attribute, _, _)| (*attribute, server_attr(server, attribute)))
        .collect();
    if refresh {
        let fresh = get_server(cm, &sdk::id_of(server))?;
        for (attribute, value) in &mut info {
            let new = server_attr(&fresh, attribute);
            if sdk::truthy(&new) {
                *value = new;
            }
        }
    }
    let has_2_96 = supports(cm, "2.96")?;
    let has_2_100 = supports(cm, "2.100")?;
    let mut data: Vec<(String, Value)> = Vec::new();
    for (attribute, value) in info {
        let output = SHOWN
            .iter()
            .find(|(a, _, _)| *a == attribute)
            .map_or(attribute, |(_, _, out)| out);
        if matches!(attribute, "admin_password" | "fault" | "security_groups") && value.is_null() {
            continue;
        }
        if attribute == "scheduler_hints" && !has_2_100 {
            continue;
        }
        if attribute == "pinned_availability_zone" && !has_2_96 {
            continue;
        }
        let shown = match attribute {
            "image" => Value::Str(image_text(cm, &value)),
            "flavor" => flavor_value(cm, &value)?,
            "attached_volumes" => list_dict_column(Value::from_json(&Json::Array(
                value
                    .as_array()
                    .map(|v| v.iter().map(attached_volume).collect())
                    .unwrap_or_default(),
            ))),
            "security_groups" => list_dict_column(Value::from_json(&value)),
            "tags" => list_column(Value::from_json(&value)),
            "addresses" => addresses_column(&value),
            "metadata" => dict_column(Value::from_json(&value)),
            "power_state" => power_state_column(&value),
            "scheduler_hints" => dict_list_column(Value::from_json(&value)),
            _ => Value::from_json(&value),
        };
        data.push((output.to_owned(), shown));
    }
    data.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(data)
}

/// The `image` row: `<name> (<id>)`, the ID when the image cannot be read, or OSC's boot-from-volume text.
fn image_text(cm: &mut ClientManager, image: &Json) -> String {
    let id = image.get("id").map(sdk::json_text).unwrap_or_default();
    let any = image
        .as_object()
        .is_some_and(|map| map.values().any(sdk::truthy));
    if !any {
        return "N/A (booted from volume)".to_owned();
    }
    match sdk::get(cm, &IMAGE, IMAGE.base_path, &id) {
        Ok(found) => format!(
            "{} ({id})",
            found.get("name").map(sdk::json_text).unwrap_or_default()
        ),
        Err(_) => id,
    }
}

/// The `flavor` row: the embedded flavor (2.47+), else `<name> (<id>)` or the ID.
fn flavor_value(cm: &mut ClientManager, flavor: &Json) -> Res<Value> {
    let original = flavor.get("original_name").filter(|v| !v.is_null());
    if original.is_some() {
        return Ok(embedded_flavor(flavor));
    }
    let id = flavor.get("id").map(sdk::json_text).unwrap_or_default();
    let text = match find_flavor(cm, &id) {
        Ok(found) => format!(
            "{} ({id})",
            found.get("name").map(sdk::json_text).unwrap_or_default()
        ),
        Err(_) => id,
    };
    Ok(Value::Str(text))
}

/// A ShowOne result from sorted rows.
pub fn show_rows(rows: Vec<(String, Value)>) -> cliff::Output {
    cliff::Output::show(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn base64_as_python() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"#!/bin/sh\n"), "IyEvYmluL3NoCg==");
    }

    #[test]
    fn columns_read_as_osc_shows_them() {
        let addresses =
            json!({"n1": [{"addr": "10.0.0.1", "version": 4}, {"addr": "fe80::1"}], "n2": []});
        match addresses_column(&addresses) {
            Value::Column { human, .. } => assert_eq!(human, "n1=10.0.0.1, fe80::1; n2="),
            other => panic!("{other:?}"),
        }
        match power_state_column(&json!(4)) {
            Value::Column { human, machine } => {
                assert_eq!(human, "Shutdown");
                assert_eq!(*machine, Value::Int(4));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(server_attr(&json!({}), "tags"), json!([]));
        assert_eq!(
            server_attr(&json!({"locked": 0}), "is_locked"),
            json!(false)
        );
    }
}
