//! Official service types and their aliases (the OpenStack service-types-authority data that openstacksdk
//! consults through `os-service-types`), for per-service configuration keys such as
//! `block_storage_endpoint_override` / `volume_endpoint_override`.

/// Official types that have aliases, each with its aliases in the authority's order.
const ALIASES: &[(&str, &[&str])] = &[
    ("clustering", &["resource-cluster", "cluster"]),
    ("baremetal", &["bare-metal"]),
    ("resource-optimization", &["infra-optim"]),
    ("message", &["messaging"]),
    (
        "container-infrastructure-management",
        &["container-infrastructure", "container-infra"],
    ),
    ("workflow", &["workflowv2"]),
    ("operator-policy", &["policy"]),
    ("shared-file-system", &["sharev2", "share"]),
    (
        "block-storage",
        &["volumev3", "volumev2", "volume", "block-store"],
    ),
    ("alarm", &["alarming"]),
    ("meter", &["metering", "telemetry"]),
    ("event", &["events"]),
    ("application-deployment", &["application_deployment"]),
    ("multi-region-network-automation", &["tricircle"]),
    ("application-container", &["container"]),
    ("root-cause-analysis", &["rca"]),
    ("monitoring-logging", &["monitoring-log-api"]),
    ("instance-ha", &["ha"]),
    ("admin-logic", &["registration"]),
];

/// `ServiceTypes.get_all_types`: the official type then its aliases, or just the (dash-normalised) type when it
/// has none or is unknown.
pub fn all_types(service_type: &str) -> Vec<String> {
    let normalized = service_type.replace('_', "-");
    for (official, aliases) in ALIASES {
        if *official == normalized
            || aliases.contains(&normalized.as_str())
            || aliases.contains(&service_type)
        {
            let mut all = vec![(*official).to_owned()];
            all.extend(aliases.iter().map(|a| (*a).to_owned()));
            return all;
        }
    }
    vec![normalized]
}

/// The configuration key for a per-service setting (`block-storage`, `endpoint_override` →
/// `block_storage_endpoint_override`).
pub fn service_key(service_type: &str, key: &str) -> String {
    format!("{}_{}", service_type.to_lowercase().replace('-', "_"), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_as_os_service_types() {
        assert_eq!(
            all_types("volume"),
            [
                "block-storage",
                "volumev3",
                "volumev2",
                "volume",
                "block-store"
            ]
        );
        assert_eq!(all_types("block_storage")[0], "block-storage");
        assert_eq!(all_types("object_store"), ["object-store"]);
        assert_eq!(
            all_types("sharev2"),
            ["shared-file-system", "sharev2", "share"]
        );
        assert_eq!(all_types("foo_bar"), ["foo-bar"]);
        assert_eq!(all_types("Volume"), ["Volume"]);
    }

    #[test]
    fn keys() {
        assert_eq!(
            service_key("block-storage", "endpoint_override"),
            "block_storage_endpoint_override"
        );
        assert_eq!(
            service_key("volumev3", "endpoint_override"),
            "volumev3_endpoint_override"
        );
    }
}
