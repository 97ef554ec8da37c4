//! The layer against real Glance, Swift and Nova: pagination over three pages, a duplicate name, a microversion
//! negotiated and one refused, waiting for a server to reach ACTIVE, and 1 GiB streamed up and down in constant
//! memory.
//!
//! Built only with the `services-tests` feature: `cargo test -p openstack-sdk --features services-tests --test
//! services`. The cloud is devcloud's (`OS_CLIENT_CONFIG_FILE`'s `devcloud` entry is not read: the same
//! `OSC_RS_TEST_*` variables as tests/keystone.rs, read in tests/common). A service missing from the catalog FAILS the test: enable
//! this target only where the devcloud runs Glance, Swift, Placement and Nova.

mod common;

use std::io::Write;

use common::{attrs, unique, Cloud};

use openstack_sdk::transfer::{self, Source};
use openstack_sdk::wait::{self, Outcome, Wait};
use openstack_sdk::{microversion, Call, PatchFormat, Resource};
use osc_lib::{ClientManager, Method};
use serde_json::json;

/// `openstack.image.v2.image.Image`, under Glance's unversioned catalog endpoint.
const IMAGE: Resource = Resource {
    service: "image",
    class: "Image",
    plural: "images",
    base_path: "/v2/images",
    query: &[
        ("limit", "limit"),
        ("marker", "marker"),
        ("name", "name"),
        ("tag", "tag"),
    ],
    patch_format: PatchFormat::JsonPatch,
    ..Resource::DEFAULT
};

/// `openstack.compute.v2.server.Server`.
const SERVER: Resource = Resource {
    service: "compute",
    class: "Server",
    key: "server",
    plural: "servers",
    base_path: "/servers",
    query: &[("limit", "limit"), ("marker", "marker"), ("name", "name")],
    ..Resource::DEFAULT
};

/// `openstack.compute.v2.flavor.Flavor`.
const FLAVOR: Resource = Resource {
    service: "compute",
    class: "Flavor",
    key: "flavor",
    plural: "flavors",
    base_path: "/flavors",
    query: &[("limit", "limit"), ("marker", "marker")],
    ..Resource::DEFAULT
};

/// 1 GiB.
const GIB: u64 = 1 << 30;

/// The cloud, with every service these tests need in its catalog; anything missing fails the test.
fn cloud() -> Cloud {
    let mut cloud =
        common::cloud().expect("the services tests need OSC_RS_TEST_AUTH_URL (see tests/common)");
    for service in ["image", "object-store", "compute"] {
        cloud
            .cm
            .endpoint(service)
            .unwrap_or_else(|err| panic!("{service} is not in the catalog: {}", err.message));
    }
    cloud
}

fn create_image(cm: &mut ClientManager, name: &str, tag: &str) -> String {
    let image = openstack_sdk::create(
        cm,
        &IMAGE,
        Method::Post,
        IMAGE.base_path,
        attrs(
            json!({"name": name, "disk_format": "raw", "container_format": "bare", "tags": [tag]}),
        ),
    )
    .unwrap();
    openstack_sdk::id_of(&image)
}

fn delete_image(cm: &mut ClientManager, id: &str) {
    let _ = openstack_sdk::delete(
        cm,
        &IMAGE,
        &openstack_sdk::item_path(IMAGE.base_path, id),
        true,
    );
}

#[test]
fn glance_pagination_over_three_pages_and_a_duplicate() {
    let mut cloud = cloud();
    let cm = &mut cloud.cm;
    let tag = unique("page");
    let name = unique("dup");
    let ids: Vec<String> = (0..5)
        .map(|n| {
            create_image(
                cm,
                &if n < 2 {
                    name.clone()
                } else {
                    format!("{tag}-{n}")
                },
                &tag,
            )
        })
        .collect();
    // Five images two by two: three pages, the last of one image, and Glance's `next` links followed.
    let listed = openstack_sdk::list(
        cm,
        &IMAGE,
        IMAGE.base_path,
        &[("tag", Some(tag.clone())), ("limit", Some("2".to_owned()))],
        None,
    );
    let duplicate = openstack_sdk::find(cm, &IMAGE, IMAGE.base_path, &name, &[], false);
    for id in &ids {
        delete_image(cm, id);
    }
    let mut listed: Vec<String> = listed.unwrap().iter().map(openstack_sdk::id_of).collect();
    listed.sort();
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(listed, expected);
    let failure = duplicate.unwrap_err();
    assert!(failure.is_duplicate());
    assert_eq!(
        failure.to_string(),
        format!("More than one Image exists with the name '{name}'.")
    );
}

#[test]
fn compute_microversions_negotiated_and_refused() {
    let mut cloud = cloud();
    let cm = &mut cloud.cm;
    assert_eq!(
        microversion::negotiate(cm, "compute", "2.79").unwrap(),
        Some("2.79".to_owned())
    );
    let servers = Call::new("compute", Method::Get, "/servers/detail")
        .microversion("2.79")
        .send(cm)
        .unwrap();
    assert_eq!(
        servers.header("openstack-api-version"),
        Some("compute 2.79")
    );
    let info = microversion::discover(cm, "compute").unwrap().unwrap();
    let max = info.max_microversion.unwrap();
    let refused = microversion::negotiate(cm, "compute", "2.999").unwrap_err();
    assert_eq!(
        refused.to_string(),
        format!(
            "A default microversion for service compute of 2.999 was requested, but the cloud only supports a \
             minimum of 2.1 and a maximum of {}. The default microversion was set because a microversion \
             formatted version string, '2.999', was passed for the api_version of the service. If it was not \
             intended to set a default microversion please remove anything other than an integer major version \
             from the version setting for the service.",
            microversion::version_to_string(max)
        )
    );
}

#[test]
fn nova_server_waited_for_until_active() {
    let mut cloud = cloud();
    let cm = &mut cloud.cm;
    let flavors = openstack_sdk::list(cm, &FLAVOR, FLAVOR.base_path, &[], None).unwrap();
    let flavor = openstack_sdk::id_of(flavors.first().expect("a flavor"));
    let image = create_image(cm, &unique("boot"), "boot");
    let server = Call::new("compute", Method::Post, "/servers")
        .microversion("2.37")
        .body(json!({"server": {"name": unique("wait"), "flavorRef": flavor, "imageRef": image, "networks": "none"}}))
        .json(cm)
        .unwrap();
    let id = openstack_sdk::id_of(&SERVER.unwrap_body(server));
    let fast = Wait {
        sleep_time: std::time::Duration::from_secs(1),
        ..Wait::default()
    };
    let outcome = wait::wait_for_status(
        &fast,
        || openstack_sdk::get(cm, &SERVER, SERVER.base_path, &id),
        |_| {},
    );
    let path = openstack_sdk::item_path(SERVER.base_path, &id);
    let deleted = openstack_sdk::delete(cm, &SERVER, &path, false);
    let gone = wait::wait_for_delete(
        &fast,
        wait::DELETE_TIMEOUT,
        || openstack_sdk::get(cm, &SERVER, SERVER.base_path, &id),
        |_| {},
    );
    delete_image(cm, &image);
    match outcome.unwrap() {
        Outcome::Reached(server) => assert_eq!(server["status"], "ACTIVE"),
        other => panic!("server did not become ACTIVE: {other:?}"),
    }
    deleted.unwrap();
    assert_eq!(gone.unwrap(), Outcome::Gone);
}

/// The process's peak resident memory in kB (`VmHWM`).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// A writer that only counts.
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn one_gib_streamed_through_glance_and_swift() {
    let mut cloud = cloud();
    let cm = &mut cloud.cm;
    let file = std::env::temp_dir().join(unique("gib"));
    // A sparse file: 1 GiB read from disk without 1 GiB of disk.
    std::fs::File::create(&file).unwrap().set_len(GIB).unwrap();
    let before = peak_rss_kb();

    let image = create_image(cm, &unique("stream"), "stream");
    let file_path = format!("{}/{}/file", IMAGE.base_path, image);
    let mut source = Source::open(Some(&file)).unwrap();
    let put = Call::new("image", Method::Put, file_path.clone());
    let uploaded = transfer::upload(cm, &put, &mut source, "application/octet-stream", None);
    let mut sink = Count(0);
    let downloaded = transfer::download(
        cm,
        &Call::new("image", Method::Get, file_path),
        &mut sink,
        None,
    );
    delete_image(cm, &image);
    uploaded.unwrap();
    downloaded.unwrap();
    assert_eq!(sink.0, GIB);

    let container = unique("container");
    Call::new("object-store", Method::Put, format!("/{container}"))
        .send(cm)
        .unwrap();
    let object = format!("/{container}/gib");
    let mut source = Source::open(Some(&file)).unwrap();
    let uploaded = transfer::upload(
        cm,
        &Call::new("object-store", Method::Put, object.clone()),
        &mut source,
        "application/octet-stream",
        None,
    );
    let mut sink = Count(0);
    let downloaded = transfer::download(
        cm,
        &Call::new("object-store", Method::Get, object.clone()),
        &mut sink,
        None,
    );
    let _ = Call::new("object-store", Method::Delete, object).send(cm);
    let _ = Call::new("object-store", Method::Delete, format!("/{container}")).send(cm);
    std::fs::remove_file(&file).unwrap();
    uploaded.unwrap();
    downloaded.unwrap();
    assert_eq!(sink.0, GIB);

    let grown_kb = peak_rss_kb().saturating_sub(before);
    assert!(
        grown_kb < 20 * 1024,
        "peak RSS grew by {grown_kb} kB for 4 GiB moved"
    );
}
