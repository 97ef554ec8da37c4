//! The attributes of openstacksdk's `Image` class in declaration order (`openstack/image/v2/image.py`), with the
//! body key each reads and the type it converts to. OSC's image output is `Image.to_dict(original_names=True)`
//! reshaped, so this order and these conversions are what the user sees.

use serde_json::{Map, Value as Json};

/// The type an attribute converts its body value to (`resource.Body(..., type=...)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// No type: the value as the server sent it.
    Raw,
    /// `type=bool`: Python `bool()`.
    Bool,
    /// `type=int`: a number, a digit string, else `0`.
    Int,
    /// `type=float`.
    Float,
    /// `type=str`.
    Str,
    /// `type=dict`: a dict, else `{}`.
    Dict,
    /// `format.FlexibleBoolStr`.
    FlexibleBool,
}

/// (attribute name, body key, type), in the order `Image`'s class body declares them, then `TagMixin` and
/// `Resource` (`tags`, `id`, `name`).
pub const IMAGE_ATTRIBUTES: &[(&str, &str, Conv)] = &[
    ("checksum", "checksum", Conv::Raw),
    ("container_format", "container_format", Conv::Raw),
    ("created_at", "created_at", Conv::Raw),
    ("disk_format", "disk_format", Conv::Raw),
    ("is_hidden", "os_hidden", Conv::Bool),
    ("is_protected", "protected", Conv::Bool),
    ("hash_algo", "os_hash_algo", Conv::Raw),
    ("hash_value", "os_hash_value", Conv::Raw),
    ("min_disk", "min_disk", Conv::Raw),
    ("min_ram", "min_ram", Conv::Raw),
    ("name", "name", Conv::Raw),
    ("owner", "owner", Conv::Raw),
    ("owner_id", "owner", Conv::Raw),
    ("properties", "properties", Conv::Raw),
    ("size", "size", Conv::Int),
    ("store", "store", Conv::Raw),
    ("status", "status", Conv::Raw),
    ("updated_at", "updated_at", Conv::Raw),
    ("virtual_size", "virtual_size", Conv::Raw),
    ("visibility", "visibility", Conv::Raw),
    ("file", "file", Conv::Raw),
    ("locations", "locations", Conv::Raw),
    ("direct_url", "direct_url", Conv::Raw),
    ("url", "url", Conv::Raw),
    ("metadata", "metadata", Conv::Dict),
    ("architecture", "architecture", Conv::Raw),
    ("hypervisor_type", "hypervisor_type", Conv::Raw),
    (
        "instance_type_rxtx_factor",
        "instance_type_rxtx_factor",
        Conv::Float,
    ),
    ("instance_uuid", "instance_uuid", Conv::Raw),
    ("needs_config_drive", "img_config_drive", Conv::Raw),
    ("kernel_id", "kernel_id", Conv::Raw),
    ("os_distro", "os_distro", Conv::Raw),
    ("os_version", "os_version", Conv::Raw),
    ("needs_secure_boot", "os_secure_boot", Conv::Raw),
    ("os_shutdown_timeout", "os_shutdown_timeout", Conv::Int),
    ("ramdisk_id", "ramdisk_id", Conv::Raw),
    ("vm_mode", "vm_mode", Conv::Raw),
    ("hw_cpu_sockets", "hw_cpu_sockets", Conv::Int),
    ("hw_cpu_cores", "hw_cpu_cores", Conv::Int),
    ("hw_cpu_threads", "hw_cpu_threads", Conv::Int),
    ("hw_disk_bus", "hw_disk_bus", Conv::Raw),
    ("hw_cpu_policy", "hw_cpu_policy", Conv::Raw),
    ("hw_cpu_thread_policy", "hw_cpu_thread_policy", Conv::Raw),
    ("hw_rng_model", "hw_rng_model", Conv::Raw),
    ("hw_machine_type", "hw_machine_type", Conv::Raw),
    ("hw_scsi_model", "hw_scsi_model", Conv::Raw),
    ("hw_serial_port_count", "hw_serial_port_count", Conv::Int),
    ("hw_video_model", "hw_video_model", Conv::Raw),
    ("hw_video_ram", "hw_video_ram", Conv::Int),
    ("hw_watchdog_action", "hw_watchdog_action", Conv::Raw),
    ("os_command_line", "os_command_line", Conv::Raw),
    ("hw_vif_model", "hw_vif_model", Conv::Raw),
    (
        "is_hw_vif_multiqueue_enabled",
        "hw_vif_multiqueue_enabled",
        Conv::FlexibleBool,
    ),
    (
        "is_hw_boot_menu_enabled",
        "hw_boot_menu",
        Conv::FlexibleBool,
    ),
    ("vmware_adaptertype", "vmware_adaptertype", Conv::Raw),
    ("vmware_ostype", "vmware_ostype", Conv::Raw),
    ("has_auto_disk_config", "auto_disk_config", Conv::Raw),
    ("os_type", "os_type", Conv::Raw),
    ("os_admin_user", "os_admin_user", Conv::Raw),
    ("hw_qemu_guest_agent", "hw_qemu_guest_agent", Conv::Str),
    (
        "os_require_quiesce",
        "os_require_quiesce",
        Conv::FlexibleBool,
    ),
    ("schema", "schema", Conv::Raw),
    ("tags", "tags", Conv::Raw),
    ("id", "id", Conv::Raw),
];

/// Whether a body key is one the class declares (anything else is stored under `properties`).
pub fn is_known_key(key: &str) -> bool {
    IMAGE_ATTRIBUTES.iter().any(|(_, body, _)| *body == key)
}

/// `fields._convert_type` of a body value.
pub fn convert(value: &Json, conv: Conv) -> Json {
    match (conv, value) {
        (_, Json::Null) => Json::Null,
        (Conv::Raw, v) => v.clone(),
        (Conv::Bool, Json::Bool(b)) => Json::Bool(*b),
        (Conv::Bool, v) => Json::Bool(openstack_sdk::truthy(v)),
        (Conv::Int, Json::Number(n)) => match n.as_i64() {
            Some(i) => Json::from(i),
            None => Json::from(n.as_f64().unwrap_or(0.0).trunc() as i64),
        },
        (Conv::Int, Json::Bool(b)) => Json::from(i64::from(*b)),
        (Conv::Int, Json::String(s)) if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) => {
            s.parse::<i64>().map_or(Json::from(0), Json::from)
        }
        (Conv::Int, _) => Json::from(0),
        (Conv::Float, Json::Number(n)) => Json::from(n.as_f64().unwrap_or(0.0)),
        (Conv::Float, Json::String(s)) => {
            s.trim().parse::<f64>().map_or(Json::from(0.0), Json::from)
        }
        (Conv::Float, _) => Json::from(0.0),
        (Conv::Str, Json::String(s)) => Json::String(s.clone()),
        (Conv::Str, v) => Json::String(osc_lib::utils::py_str(&cliff::Value::from_json(v))),
        (Conv::Dict, Json::Object(m)) => Json::Object(m.clone()),
        (Conv::Dict, _) => Json::Object(Map::new()),
        (Conv::FlexibleBool, Json::Bool(b)) => Json::Bool(*b),
        (Conv::FlexibleBool, v) => {
            let text = osc_lib::utils::py_str(&cliff::Value::from_json(v))
                .trim()
                .to_lowercase();
            Json::Bool(["1", "t", "true", "on", "y", "yes"].contains(&text.as_str()))
        }
    }
}

/// The unknown body keys (openstacksdk keeps them under `properties`), in the body's order.
pub fn unknown_properties(image: &Json) -> Map<String, Json> {
    let mut props = Map::new();
    if let Json::Object(map) = image {
        for (key, value) in map {
            if key == "self" {
                continue;
            }
            if key == "properties" {
                if let Json::Object(inner) = value {
                    props.extend(inner.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                continue;
            }
            if !is_known_key(key) {
                props.insert(key.clone(), value.clone());
            }
        }
    }
    props
}

/// `getattr(image, name)`: the typed value of an attribute (`properties` holds the unknown keys); `None` when
/// the class has no such attribute.
pub fn get(image: &Json, name: &str) -> Option<Json> {
    if name == "properties" {
        return Some(Json::Object(unknown_properties(image)));
    }
    if name == "location" {
        return Some(Json::Null);
    }
    let (_, body, conv) = IMAGE_ATTRIBUTES.iter().find(|(attr, _, _)| *attr == name)?;
    Some(image.get(*body).map_or(Json::Null, |v| convert(v, *conv)))
}

/// `image.to_dict(ignore_none=True, original_names=True)`: body keys in declaration order, unknown keys in
/// `properties`, `None` values left out.
pub fn to_dict_original_names(image: &Json) -> Vec<(String, Json)> {
    let mut out: Vec<(String, Json)> = Vec::new();
    for (attr, body, _) in IMAGE_ATTRIBUTES {
        if out.iter().any(|(k, _)| k == body) {
            continue;
        }
        let value = get(image, attr).unwrap_or(Json::Null);
        if value.is_null() {
            continue;
        }
        out.push(((*body).to_owned(), value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn conversions_follow_openstacksdk() {
        assert_eq!(convert(&json!("12"), Conv::Int), json!(12));
        assert_eq!(convert(&json!("x"), Conv::Int), json!(0));
        assert_eq!(convert(&json!("False"), Conv::Bool), json!(true));
        assert_eq!(convert(&json!("Yes"), Conv::FlexibleBool), json!(true));
        assert_eq!(convert(&json!("no"), Conv::FlexibleBool), json!(false));
        assert_eq!(convert(&json!(null), Conv::Int), json!(null));
    }

    #[test]
    fn unknown_keys_are_properties_in_body_order() {
        let image = json!({"id": "1", "zeta": "z", "os_hidden": false, "alpha": "a", "self": "/v2/images/1",
                           "os_distro": "d", "protected": true});
        let dict = to_dict_original_names(&image);
        let keys: Vec<&str> = dict.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["os_hidden", "protected", "properties", "os_distro", "id"]
        );
        assert_eq!(dict[2].1, json!({"zeta": "z", "alpha": "a"}));
        assert_eq!(get(&image, "is_protected"), Some(json!(true)));
        assert_eq!(get(&image, "nope"), None);
    }
}
