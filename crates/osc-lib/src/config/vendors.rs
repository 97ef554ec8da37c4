//! Built-in vendor profiles (`profile: <name>` in clouds.yaml), as shipped by openstacksdk 4.22.0
//! (`openstack/config/vendors/*`), kept in `vendors.json` beside this file and parsed only when a cloud names a
//! profile.
//!
//! Profiles whose data lives at a URL (`ovh`, `vexxhost`, or `profile: https://...`) would be downloaded by
//! openstacksdk from `<url>/.well-known/openstack/api`; the configuration layer does no network access, so those
//! give an error naming the profile instead.

use serde_json::{Map, Value};

use cliff::{Error, Result};

static VENDORS: &str = include_str!("vendors.json");

/// Whether `name` parses as a URL with a host, as `urllib.parse.urlparse(name).netloc` would be non-empty.
fn is_remote(name: &str) -> bool {
    let rest = match name.split_once("://") {
        Some((scheme, rest)) if !scheme.is_empty() && !scheme.contains(['/', '?', '#']) => rest,
        _ => match name.strip_prefix("//") {
            Some(rest) => rest,
            None => return false,
        },
    };
    !rest.split(['/', '?', '#']).next().unwrap_or("").is_empty()
}

/// `vendors.get_profile(name)`: a copy of the named profile, `None` when there is no such profile.
pub fn get_profile(name: &str) -> Result<Option<Map<String, Value>>> {
    let all: Map<String, Value> = serde_json::from_str(VENDORS)
        .map_err(|e| Error::command(format!("built-in vendor profiles are corrupt: {e}")))?;
    if let Some(Value::Object(profile)) = all.get(name) {
        return Ok(Some(profile.clone()));
    }
    if is_remote(name) {
        return Err(Error::command(format!(
            "{name} is a remote profile that could not be fetched: remote vendor profiles are not supported"
        )));
    }
    Ok(None)
}

/// Names of the built-in profiles.
pub fn profiles() -> Vec<String> {
    serde_json::from_str::<Map<String, Value>>(VENDORS)
        .map(|all| all.keys().cloned().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ships_openstacksdk_profiles() {
        assert_eq!(profiles().len(), 25);
        let citycloud = get_profile("citycloud").unwrap().unwrap();
        assert_eq!(
            citycloud["auth"]["auth_url"],
            json!("https://{region_name}.citycloud.com:5000/v3/")
        );
        assert_eq!(citycloud["regions"][0], json!("Buf1"));
        assert_eq!(
            get_profile("ovh").unwrap().unwrap(),
            *json!({"profile": "https://ovhcloud.com"})
                .as_object()
                .unwrap()
        );
        assert_eq!(get_profile("nosuchvendor").unwrap(), None);
    }

    #[test]
    fn remote_profiles_are_refused() {
        let err = get_profile("https://vexxhost.com").unwrap_err();
        assert_eq!(
            err.message,
            "https://vexxhost.com is a remote profile that could not be fetched: remote vendor profiles are not supported"
        );
        assert!(!is_remote("plain"));
        assert!(is_remote("//host/x"));
        assert!(!is_remote("https://"));
    }
}
