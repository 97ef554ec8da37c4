//! The layer against a real Keystone: find by name with duplicates across domains, errors worded as openstacksdk
//! and keystoneauth word them, version discovery, waiting for a deletion.
//!
//! Set `OSC_RS_TEST_AUTH_URL` (for example `http://127.0.0.1:5000/v3`) and, unless they are `admin`,
//! `OSC_RS_TEST_USERNAME`, `OSC_RS_TEST_PASSWORD` and `OSC_RS_TEST_PROJECT` (as `scripts/test` does for
//! osc-lib's Keystone tests). Without the URL each test prints that it is skipped, unless
//! `OSC_RS_REQUIRE_CLOUD=1`, which makes that a failure.

mod common;

use common::{attrs, unique, Cloud};
use openstack_sdk::wait::{self, Outcome, Wait};
use openstack_sdk::{microversion, Call, Param, Resource, Wording};
use osc_lib::{ClientManager, Method};
use serde_json::json;

const PROJECT: Resource = Resource {
    service: "identity",
    class: "Project",
    key: "project",
    plural: "projects",
    base_path: "/projects",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("domain_id", "domain_id"),
        ("name", "name"),
    ],
    ..Resource::DEFAULT
};

const DOMAIN: Resource = Resource {
    service: "identity",
    class: "Domain",
    key: "domain",
    plural: "domains",
    base_path: "/domains",
    query: &[("limit", "limit"), ("marker", "marker"), ("name", "name")],
    ..Resource::DEFAULT
};

/// The cloud, or `None` (the test skipped, or failed under `OSC_RS_REQUIRE_CLOUD=1`).
fn cloud(test: &str) -> Option<Cloud> {
    common::cloud_or_skip(test)
}

fn path(resource: &Resource, id: &str) -> String {
    openstack_sdk::item_path(resource.base_path, id)
}

/// Deletes a domain (disabled first, as Keystone requires), whatever happened before.
fn drop_domain(cm: &mut ClientManager, id: &str) {
    let _ = openstack_sdk::update(
        cm,
        &DOMAIN,
        &path(&DOMAIN, id),
        attrs(json!({"enabled": false})),
    );
    let _ = openstack_sdk::delete(cm, &DOMAIN, &path(&DOMAIN, id), true);
}

#[test]
fn find_by_name_hits_a_duplicate_across_domains() {
    let Some(mut cloud) = cloud("find_by_name_hits_a_duplicate_across_domains") else {
        return;
    };
    let cm = &mut cloud.cm;
    let name = unique("dup");
    let mut domains = Vec::new();
    for n in 0..2 {
        let domain = openstack_sdk::create(
            cm,
            &DOMAIN,
            Method::Post,
            DOMAIN.base_path,
            attrs(json!({"name": format!("{name}-d{n}")})),
        )
        .unwrap();
        domains.push(openstack_sdk::id_of(&domain));
    }
    for domain in &domains {
        openstack_sdk::create(
            cm,
            &PROJECT,
            Method::Post,
            PROJECT.base_path,
            attrs(json!({"name": name, "domain_id": domain})),
        )
        .unwrap();
    }
    let anywhere = openstack_sdk::find(cm, &PROJECT, PROJECT.base_path, &name, &[], false);
    let in_first: Vec<Param> = vec![("domain_id", Some(domains[0].clone()))];
    let scoped = openstack_sdk::find_one(cm, &PROJECT, PROJECT.base_path, &name, &in_first);
    let missing = openstack_sdk::find_one(cm, &PROJECT, PROJECT.base_path, &unique("none"), &[]);
    for domain in &domains {
        let projects = openstack_sdk::list(
            cm,
            &PROJECT,
            PROJECT.base_path,
            &[("domain_id", Some(domain.clone()))],
            None,
        )
        .unwrap_or_default();
        for project in projects {
            let _ = openstack_sdk::delete(
                cm,
                &PROJECT,
                &path(&PROJECT, &openstack_sdk::id_of(&project)),
                true,
            );
        }
        drop_domain(cm, domain);
    }
    let failure = anywhere.unwrap_err();
    assert!(failure.is_duplicate(), "{failure}");
    assert_eq!(
        failure.to_string(),
        format!("More than one Project exists with the name '{name}'.")
    );
    let found = scoped.unwrap();
    assert_eq!(
        openstack_sdk::str_of(&found, "domain_id"),
        Some(domains[0].as_str())
    );
    let missing = missing.unwrap_err();
    assert!(missing.is_not_found());
    assert!(missing
        .to_string()
        .starts_with("No Project found for osc-rs-sdk-none-"));
}

#[test]
fn errors_are_worded_as_each_library_words_them() {
    let Some(mut cloud) = cloud("errors_are_worded_as_each_library_words_them") else {
        return;
    };
    let base = cloud.auth_url.trim_end_matches('/').to_owned();
    let cm = &mut cloud.cm;
    let id = unique("missing");
    let failure = openstack_sdk::get(cm, &PROJECT, PROJECT.base_path, &id).unwrap_err();
    assert_eq!(failure.status(), Some(404));
    assert_eq!(
        failure.to_string(),
        format!("No Project found for {id}: Client Error for url: {base}/projects/{id}, Could not find project: {id}.")
    );
    let failure = Call::new("identity", Method::Get, format!("/projects/{id}"))
        .send(cm)
        .unwrap_err();
    assert_eq!(
        failure.to_string(),
        format!("NotFoundException: 404: Client Error for url: {base}/projects/{id}, Could not find project: {id}.")
    );
    let failure = Call::new("identity", Method::Get, format!("/projects/{id}"))
        .wording(Wording::Keystoneauth)
        .send(cm)
        .unwrap_err();
    let text = failure.to_string();
    assert!(
        text.starts_with(&format!(
            "Could not find project: {id}. (HTTP 404) (Request-ID: req-"
        )),
        "{text}"
    );
    // Two domains of one name: the second is a conflict.
    let name = unique("conflict");
    let first = openstack_sdk::create(
        cm,
        &DOMAIN,
        Method::Post,
        DOMAIN.base_path,
        attrs(json!({"name": name})),
    )
    .unwrap();
    let second = openstack_sdk::create(
        cm,
        &DOMAIN,
        Method::Post,
        DOMAIN.base_path,
        attrs(json!({"name": name})),
    );
    drop_domain(cm, &openstack_sdk::id_of(&first));
    let failure = second.unwrap_err();
    assert!(failure.is_conflict());
    assert_eq!(
        failure.to_string(),
        format!(
            "ConflictException: 409: Client Error for url: {base}/domains, Conflict occurred attempting to store \
             project - it is not permitted to have two projects acting as domains with the same name: {name}."
        )
    );
    // A body Keystone refuses.
    let failure = openstack_sdk::create(
        cm,
        &DOMAIN,
        Method::Post,
        DOMAIN.base_path,
        attrs(json!({"name": 7})),
    )
    .unwrap_err();
    assert!(failure.is_bad_request(), "{failure}");
    assert!(
        failure.to_string().starts_with(&format!(
            "BadRequestException: 400: Client Error for url: {base}/domains, "
        )),
        "{failure}"
    );
}

#[test]
fn discovery_and_waiting_for_a_deletion() {
    let Some(mut cloud) = cloud("discovery_and_waiting_for_a_deletion") else {
        return;
    };
    let cm = &mut cloud.cm;
    let info = microversion::discover(cm, "identity").unwrap().unwrap();
    assert_eq!(info.version.0, 3);
    assert_eq!(info.max_microversion, None);
    // Identity has no microversions: a microversion is sent as asked, never refused.
    assert_eq!(
        microversion::negotiate(cm, "identity", "3.5").unwrap(),
        Some("3.5".to_owned())
    );
    let project = openstack_sdk::create(
        cm,
        &PROJECT,
        Method::Post,
        PROJECT.base_path,
        attrs(json!({"name": unique("wait")})),
    )
    .unwrap();
    let id = openstack_sdk::id_of(&project);
    openstack_sdk::delete(cm, &PROJECT, &path(&PROJECT, &id), false).unwrap();
    let mut polls = 0;
    let outcome = wait::wait_for_delete(
        &Wait::default(),
        wait::DELETE_TIMEOUT,
        || {
            polls += 1;
            openstack_sdk::get(cm, &PROJECT, PROJECT.base_path, &id)
        },
        |_| {},
    )
    .unwrap();
    assert_eq!((outcome, polls), (Outcome::Gone, 1));
}
