//! The layer against real Glance, Swift and Nova: pagination over three pages, a duplicate name, a microversion
//! negotiated and one refused, waiting for a server to reach ACTIVE, and 1 GiB streamed up and down in constant
//! memory.
//!
//! `cargo test -p openstack-sdk --test services`; part of `scripts/test` (CI), whose devcloud runs every service.
//! The cloud is given by the same `OSC_RS_TEST_*` variables as tests/keystone.rs (read in tests/common). Without
//! them each test says it is skipped, or fails under `OSC_RS_REQUIRE_CLOUD=1` (as in `scripts/test`); with them,
//! a service missing from the catalog always FAILS the test, never skips it.
//!
//! Each test deletes what it created, on failure too: the deletions are queued as things are created
//! ([`Created`]) and run after the test's body, panicked or not, before the panic goes on.

mod common;

use std::io::{Read, Write};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use common::{attrs, unique, Cloud};

use openstack_sdk::transfer::{self, Source};
use openstack_sdk::wait::{self, Outcome, Wait};
use openstack_sdk::{microversion, Call, PatchFormat, Resource};
use osc_lib::{ClientManager, Method};
use serde_json::json;
use serde_json::Value as Json;

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

/// The cloud, with every service these tests need in its catalog (anything missing fails the test); `None` when
/// no cloud is given (see [`common::cloud_or_skip`]).
fn cloud(test: &str) -> Option<Cloud> {
    let mut cloud = common::cloud_or_skip(test)?;
    for service in ["image", "object-store", "compute"] {
        cloud.cm.endpoint(service).unwrap_or_else(|err| {
            panic!("{test}: {service} is not in the catalog: {}", err.message)
        });
    }
    Some(cloud)
}

/// A deletion, run after the test's body.
type Deletion = Box<dyn FnOnce(&mut ClientManager)>;

/// What a test created, deleted in reverse order whatever the test's outcome.
#[derive(Default)]
struct Created(Vec<Deletion>);

impl Created {
    fn push(&mut self, deletion: impl FnOnce(&mut ClientManager) + 'static) {
        self.0.push(Box::new(deletion));
    }
}

/// Runs `body` on the cloud, then every deletion it queued (a failing deletion does not stop the others),
/// then re-raises the body's panic, if any.
fn run(test: &str, body: impl FnOnce(&mut ClientManager, &mut Created)) {
    let Some(mut cloud) = cloud(test) else {
        return;
    };
    let mut created = Created::default();
    let outcome = catch_unwind(AssertUnwindSafe(|| body(&mut cloud.cm, &mut created)));
    for deletion in created.0.into_iter().rev() {
        let _ = catch_unwind(AssertUnwindSafe(|| deletion(&mut cloud.cm)));
    }
    if let Err(panic) = outcome {
        resume_unwind(panic);
    }
}

fn delete_image(cm: &mut ClientManager, id: &str) {
    let _ = openstack_sdk::delete(
        cm,
        &IMAGE,
        &openstack_sdk::item_path(IMAGE.base_path, id),
        true,
    );
}

/// A raw/bare image record, with no data, whose deletion is queued.
fn create_image(cm: &mut ClientManager, created: &mut Created, name: &str, tag: &str) -> String {
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
    let id = openstack_sdk::id_of(&image);
    let queued = id.clone();
    created.push(move |cm| delete_image(cm, &queued));
    id
}

#[test]
fn glance_pagination_over_three_pages_and_a_duplicate() {
    run(
        "glance_pagination_over_three_pages_and_a_duplicate",
        |cm, created| {
            let tag = unique("page");
            let name = unique("dup");
            let mut ids: Vec<String> = (0..5)
                .map(|n| {
                    let image_name = if n < 2 {
                        name.clone()
                    } else {
                        format!("{tag}-{n}")
                    };
                    create_image(cm, created, &image_name, &tag)
                })
                .collect();
            // Five images two by two: three pages, the last of one image, Glance's `next` links followed. Glance
            // gives no `next` after the short third page, and openstacksdk (`_get_next_link`) then asks once more
            // from the last ID because a limit was given: a fourth, empty page ends the list. Counted at the HTTP
            // layer, so that stopping early or going on past the empty page fails.
            let requests_before = requests(cm);
            let listed = openstack_sdk::list(
                cm,
                &IMAGE,
                IMAGE.base_path,
                &[("tag", Some(tag.clone())), ("limit", Some("2".to_owned()))],
                None,
            )
            .unwrap();
            let pages = requests(cm) - requests_before;
            let mut listed: Vec<String> = listed.iter().map(openstack_sdk::id_of).collect();
            listed.sort();
            ids.sort();
            assert_eq!(listed, ids);
            assert_eq!(pages, 4, "pages requested");

            let failure =
                openstack_sdk::find(cm, &IMAGE, IMAGE.base_path, &name, &[], false).unwrap_err();
            assert!(failure.is_duplicate(), "{failure}");
            assert_eq!(
                failure.to_string(),
                format!("More than one Image exists with the name '{name}'.")
            );
        },
    );
}

/// How many requests the session has sent so far (its `--timing` record holds every one).
fn requests(cm: &mut ClientManager) -> usize {
    cm.timings().len()
}

#[test]
fn compute_microversions_negotiated_and_refused() {
    run("compute_microversions_negotiated_and_refused", |cm, _| {
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
    });
}

/// A fetch for [`wait`] that gives up after `polls` polls, so that a server stuck in BUILD fails the test
/// instead of hanging it (osc-lib's `wait_for_status` itself has no limit).
fn bounded(
    polls: u32,
    mut fetch: impl FnMut() -> openstack_sdk::Res<Json>,
) -> impl FnMut() -> openstack_sdk::Res<Json> {
    let mut left = polls;
    move || {
        assert!(left > 0, "still waiting after {polls} polls");
        left -= 1;
        fetch()
    }
}

#[test]
fn nova_server_waited_for_until_active() {
    run("nova_server_waited_for_until_active", |cm, created| {
        // A flavor and an active image of the test's own: a new cloud has neither.
        let flavor = Call::new("compute", Method::Post, "/flavors")
            .body(json!({"flavor": {"name": unique("wait"), "ram": 64, "vcpus": 1, "disk": 1}}))
            .json(cm)
            .unwrap();
        let flavor = openstack_sdk::id_of(&flavor["flavor"]);
        let queued = flavor.clone();
        created.push(move |cm| {
            let path = openstack_sdk::item_path(FLAVOR.base_path, &queued);
            let _ = openstack_sdk::delete(cm, &FLAVOR, &path, true);
        });
        let image = create_image(cm, created, &unique("wait"), "wait");
        // Nova boots only an active image, and an image is active once it has data.
        Call::new("image", Method::Put, format!("/v2/images/{image}/file"))
            .raw("application/octet-stream", vec![0; 1024])
            .send(cm)
            .unwrap();
        // No network (2.37's `"networks": "none"`): the server needs none to become ACTIVE.
        let server = Call::new("compute", Method::Post, "/servers")
            .microversion("2.37")
            .body(json!({"server": {
                "name": unique("wait"),
                "flavorRef": flavor,
                "imageRef": image,
                "networks": "none",
            }}))
            .json(cm)
            .unwrap();
        let id = openstack_sdk::id_of(&SERVER.unwrap_body(server));
        let fast = Wait {
            sleep_time: std::time::Duration::from_secs(1),
            ..Wait::default()
        };
        let queued = id.clone();
        let wait_gone = fast.clone();
        created.push(move |cm| {
            let path = openstack_sdk::item_path(SERVER.base_path, &queued);
            openstack_sdk::delete(cm, &SERVER, &path, true).unwrap();
            let gone = wait::wait_for_delete(
                &wait_gone,
                wait::DELETE_TIMEOUT,
                || openstack_sdk::get(cm, &SERVER, SERVER.base_path, &queued),
                |_| {},
            );
            assert_eq!(gone.unwrap(), Outcome::Gone);
        });
        let mut polls = 0;
        let outcome = wait::wait_for_status(
            &fast,
            bounded(300, || {
                openstack_sdk::get(cm, &SERVER, SERVER.base_path, &id)
            }),
            |_| polls += 1,
        )
        .unwrap();
        match outcome {
            Outcome::Reached(server) => {
                assert_eq!(server["status"], "ACTIVE");
                assert_eq!(server["id"], id.as_str());
            }
            other => panic!("server did not become ACTIVE: {other:?}"),
        }
        // The server was seen in BUILD at least once: the wait waited.
        assert!(polls > 0, "never saw the server before ACTIVE");
    });
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

/// Resets the peak to the current RSS (Linux's `clear_refs` 5), so the peak measured after a transfer is that
/// transfer's.
fn reset_peak_rss() {
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
}

/// The bytes streamed: 64 KiB of varied bytes, repeated, each 64 KiB block stamped with its index in its first
/// eight bytes, so that a block lost, repeated or moved changes the bytes at some offset.
struct Pattern {
    block: Vec<u8>,
}

impl Pattern {
    const BLOCK: u64 = 64 * 1024;

    fn new() -> Pattern {
        Pattern {
            block: (0..Self::BLOCK)
                .map(|i| (i.wrapping_mul(131) ^ (i >> 9)) as u8)
                .collect(),
        }
    }

    /// The bytes at `offset..offset + buf.len()`.
    fn fill(&self, mut offset: u64, buf: &mut [u8]) {
        let mut done = 0;
        while done < buf.len() {
            let index = offset / Self::BLOCK;
            let within = (offset % Self::BLOCK) as usize;
            let n = (Self::BLOCK as usize - within).min(buf.len() - done);
            let out = &mut buf[done..done + n];
            out.copy_from_slice(&self.block[within..within + n]);
            let stamp = index.to_le_bytes();
            for (k, byte) in out
                .iter_mut()
                .enumerate()
                .take(8usize.saturating_sub(within))
            {
                *byte = stamp[within + k];
            }
            done += n;
            offset += n as u64;
        }
    }
}

/// `length` bytes of the [`Pattern`], made as they are read.
struct Generated {
    pattern: Pattern,
    offset: u64,
    length: u64,
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = (self.length - self.offset).min(buf.len() as u64) as usize;
        self.pattern.fill(self.offset, &mut buf[..n]);
        self.offset += n as u64;
        Ok(n)
    }
}

/// A sink that checks each byte against the [`Pattern`] and keeps only the count.
struct Checked {
    pattern: Pattern,
    offset: u64,
    expected: Vec<u8>,
    first_mismatch: Option<u64>,
}

impl Checked {
    fn new() -> Checked {
        Checked {
            pattern: Pattern::new(),
            offset: 0,
            expected: Vec::new(),
            first_mismatch: None,
        }
    }
}

impl Write for Checked {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.expected.resize(buf.len(), 0);
        self.pattern.fill(self.offset, &mut self.expected);
        if self.first_mismatch.is_none() && self.expected != buf {
            let at = buf.iter().zip(&self.expected).position(|(a, b)| a != b);
            self.first_mismatch = Some(self.offset + at.unwrap_or(0) as u64);
        }
        self.offset += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// 1 GiB up to `path` (PUT) and back down (GET), generated and checked on the fly; the peak RSS growth in kB.
fn round_trip(cm: &mut ClientManager, service: &str, path: &str) -> u64 {
    reset_peak_rss();
    let before = peak_rss_kb();
    let mut source = Source::Reader(
        Box::new(Generated {
            pattern: Pattern::new(),
            offset: 0,
            length: GIB,
        }),
        Some(GIB),
    );
    let put = Call::new(service, Method::Put, path.to_owned());
    transfer::upload(cm, &put, &mut source, "application/octet-stream", None).unwrap();
    let mut sink = Checked::new();
    let get = Call::new(service, Method::Get, path.to_owned());
    transfer::download(cm, &get, &mut sink, None).unwrap();
    assert_eq!(sink.offset, GIB, "bytes downloaded from {service}");
    assert_eq!(sink.first_mismatch, None, "first wrong byte from {service}");
    let grown_kb = peak_rss_kb().saturating_sub(before);
    eprintln!("{service}: 1 GiB up and down, peak RSS grew by {grown_kb} kB");
    grown_kb
}

#[test]
fn one_gib_streamed_through_glance_and_swift() {
    run(
        "one_gib_streamed_through_glance_and_swift",
        |cm, created| {
            let image = create_image(cm, created, &unique("stream"), "stream");
            let glance = round_trip(cm, "image", &format!("{}/{}/file", IMAGE.base_path, image));
            // Deleted now as well as at the end (a second delete ignores the 404), so the cloud's disk holds
            // one GiB at a time, not two.
            delete_image(cm, &image);

            let container = format!("/{}", unique("container"));
            Call::new("object-store", Method::Put, container.clone())
                .send(cm)
                .unwrap();
            let queued = container.clone();
            created.push(move |cm| {
                Call::new("object-store", Method::Delete, queued)
                    .send(cm)
                    .unwrap();
            });
            let object = format!("{container}/gib");
            let queued = object.clone();
            created.push(move |cm| {
                Call::new("object-store", Method::Delete, queued)
                    .send(cm)
                    .unwrap();
            });
            let swift = round_trip(cm, "object-store", &object);

            for (service, grown_kb) in [("Glance", glance), ("Swift", swift)] {
                assert!(
                    grown_kb < 20 * 1024,
                    "{service}: peak RSS grew by {grown_kb} kB for 2 GiB moved"
                );
            }
        },
    );
}
