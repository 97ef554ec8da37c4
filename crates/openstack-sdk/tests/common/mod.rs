//! What the layer's integration tests share: an admin `ClientManager` on the test cloud, one test at a time
//! (Keystone on sqlite answers 500 "database is locked" to concurrent writes), and unique names.
//!
//! The cloud is given as for osc-lib's Keystone tests: `OSC_RS_TEST_AUTH_URL` (for example
//! `http://127.0.0.1:5000/v3`) and, unless they are `admin`, `OSC_RS_TEST_USERNAME`, `OSC_RS_TEST_PASSWORD` and
//! `OSC_RS_TEST_PROJECT` (an admin in domain `Default`).

// Each test target uses a part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use osc_lib::clientmanager::Settings;
use osc_lib::session::{Session, SessionConfig};
use osc_lib::ClientManager;
use serde_json::{Map, Value as Json};

/// The test cloud, held by one test at a time.
pub struct Cloud {
    _turn: MutexGuard<'static, ()>,
    /// An admin session, project-scoped.
    pub cm: ClientManager,
    /// Keystone's URL as given.
    pub auth_url: String,
}

/// The cloud, or `None` when `OSC_RS_TEST_AUTH_URL` is not set.
pub fn cloud() -> Option<Cloud> {
    let auth_url = std::env::var("OSC_RS_TEST_AUTH_URL")
        .ok()
        .filter(|url| !url.is_empty())?;
    static TURN: Mutex<()> = Mutex::new(());
    let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| "admin".to_owned());
    let auth: BTreeMap<String, String> = [
        ("auth_url", auth_url.clone()),
        ("username", var("OSC_RS_TEST_USERNAME")),
        ("password", var("OSC_RS_TEST_PASSWORD")),
        ("user_domain_name", "Default".to_owned()),
        ("project_name", var("OSC_RS_TEST_PROJECT")),
        ("project_domain_name", "Default".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let session = Session::new(SessionConfig::new("password", auth, false)).unwrap();
    Some(Cloud {
        _turn: turn,
        cm: ClientManager::with_transport(Settings::default(), Box::new(session)),
        auth_url,
    })
}

/// The cloud, or `None` when `OSC_RS_TEST_AUTH_URL` is not set: `test` is then reported skipped, or fails under
/// `OSC_RS_REQUIRE_CLOUD=1` (as `scripts/test`, CI's command, sets it).
pub fn cloud_or_skip(test: &str) -> Option<Cloud> {
    let found = cloud();
    if found.is_none() {
        if std::env::var("OSC_RS_REQUIRE_CLOUD").as_deref() == Ok("1") {
            panic!("{test}: OSC_RS_REQUIRE_CLOUD=1 but OSC_RS_TEST_AUTH_URL is not set");
        }
        println!("skipped {test}: OSC_RS_TEST_AUTH_URL is not set");
    }
    found
}

/// A name no other test run uses.
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("osc-rs-sdk-{prefix}-{}-{nanos}", std::process::id())
}

/// The members of a JSON object.
pub fn attrs(value: Json) -> Map<String, Json> {
    match value {
        Json::Object(map) => map,
        _ => Map::new(),
    }
}
