//! Choosing an endpoint in the Keystone v3 catalog that came with the token, as keystoneauth's `url_for` does.

use cliff::{Error, Result};
use serde_json::Value as Json;

use crate::config::service_types;

/// The URL of the first endpoint of `service_type` with this interface (and region, when one is set), in catalog
/// order; otherwise keystoneauth's `EndpointNotFound` / `EmptyCatalog` message.
pub fn endpoint_url(
    token_body: &Json,
    service_type: &str,
    interface: &str,
    region_name: Option<&str>,
) -> Result<String> {
    let catalog = token_body
        .pointer("/token/catalog")
        .and_then(Json::as_array)
        .filter(|catalog| !catalog.is_empty())
        .ok_or_else(|| Error::command("The service catalog is empty."))?;
    // keystoneauth accepts `publicURL` for `public`.
    let wanted_interface = interface.strip_suffix("URL").unwrap_or(interface);
    let types = service_types::all_types(service_type);
    let found = catalog
        .iter()
        .filter(|service| same_type(service.get("type"), &types))
        .flat_map(|service| {
            service
                .get("endpoints")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
        })
        .find(|endpoint| {
            endpoint.get("interface").and_then(Json::as_str) == Some(wanted_interface)
                && region_name.is_none_or(|region| {
                    endpoint.get("region_id").and_then(Json::as_str) == Some(region)
                        || endpoint.get("region").and_then(Json::as_str) == Some(region)
                })
        })
        .and_then(|endpoint| endpoint.get("url").and_then(Json::as_str));
    match (found, region_name) {
        (Some(url), _) => Ok(url.to_owned()),
        (None, Some(region)) => Err(Error::command(format!(
            "{interface} endpoint for {service_type} service in {region} region not found"
        ))),
        (None, None) => Err(Error::command(format!(
            "{interface} endpoint for {service_type} service not found"
        ))),
    }
}

/// Whether a catalog entry's type is the wanted one or one of its aliases (`volumev3` for `block-storage`), as
/// keystoneauth compares them through os-service-types.
fn same_type(found: Option<&Json>, wanted: &[String]) -> bool {
    found
        .and_then(Json::as_str)
        .is_some_and(|found| wanted.contains(&found.replace('_', "-")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body() -> Json {
        json!({"token": {"catalog": [
            {"type": "identity", "endpoints": [
                {"interface": "admin", "region_id": "RegionOne", "url": "http://admin:5000"},
                {"interface": "public", "region_id": "RegionTwo", "url": "http://two:5000"},
                {"interface": "public", "region_id": "RegionOne", "url": "http://one:5000"}
            ]},
            {"type": "volumev3", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": "http://cinder:8776/v3"}
            ]},
            {"type": "workflowv2", "endpoints": [
                {"interface": "public", "region": "RegionOne", "url": "http://wf:8989/v2"}
            ]}
        ]}})
    }

    #[test]
    fn picks_interface_and_region() {
        let body = body();
        assert_eq!(
            endpoint_url(&body, "identity", "public", None).expect("found"),
            "http://two:5000"
        );
        assert_eq!(
            endpoint_url(&body, "identity", "publicURL", Some("RegionOne")).expect("found"),
            "http://one:5000"
        );
        assert_eq!(
            endpoint_url(&body, "workflowv2", "public", Some("RegionOne")).expect("found"),
            "http://wf:8989/v2"
        );
    }

    #[test]
    fn aliases_find_the_service() {
        assert_eq!(
            endpoint_url(&body(), "block-storage", "public", None).expect("found"),
            "http://cinder:8776/v3"
        );
    }

    #[test]
    fn missing_endpoints_as_keystoneauth_words_them() {
        let body = body();
        assert_eq!(
            endpoint_url(&body, "compute", "public", Some("RegionOne"))
                .expect_err("absent")
                .message,
            "public endpoint for compute service in RegionOne region not found"
        );
        assert_eq!(
            endpoint_url(&body, "workflowv2", "internal", None)
                .expect_err("absent")
                .message,
            "internal endpoint for workflowv2 service not found"
        );
        assert_eq!(
            endpoint_url(&json!({"token": {}}), "compute", "public", None)
                .expect_err("empty")
                .message,
            "The service catalog is empty."
        );
    }
}
