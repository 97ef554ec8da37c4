//! Authentication against a real Keystone.
//!
//! Set `OSC_RS_TEST_AUTH_URL` (for example `http://127.0.0.1:5000/v3`) and, unless they are `admin`,
//! `OSC_RS_TEST_USERNAME`, `OSC_RS_TEST_PASSWORD` and `OSC_RS_TEST_PROJECT` (an admin of the cloud, in domain
//! `Default`). Without the URL each test prints that it is skipped, unless `OSC_RS_REQUIRE_CLOUD=1`, which makes
//! that a failure. The TOTP test also needs `OSC_RS_TEST_TOTP=1`: Keystone accepts TOTP only when `totp` is in
//! its `[auth] methods`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use osc_lib::auth::AuthRef;
use osc_lib::clientmanager::Method;
use osc_lib::session::{RequestOptions, Session, SessionConfig};
use serde_json::{json, Value as Json};

struct Cloud {
    /// Keystone on sqlite answers 500 "database is locked" to concurrent writes: the tests take turns.
    _turn: MutexGuard<'static, ()>,
    auth_url: String,
    username: String,
    password: String,
    project: String,
}

fn cloud(test: &str) -> Option<Cloud> {
    let Some(auth_url) = std::env::var("OSC_RS_TEST_AUTH_URL")
        .ok()
        .filter(|url| !url.is_empty())
    else {
        if std::env::var("OSC_RS_REQUIRE_CLOUD").as_deref() == Ok("1") {
            panic!("{test}: OSC_RS_REQUIRE_CLOUD=1 but OSC_RS_TEST_AUTH_URL is not set");
        }
        println!("skipped {test}: OSC_RS_TEST_AUTH_URL is not set");
        return None;
    };
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| "admin".to_owned());
    static TURN: Mutex<()> = Mutex::new(());
    Some(Cloud {
        _turn: TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
        auth_url,
        username: var("OSC_RS_TEST_USERNAME"),
        password: var("OSC_RS_TEST_PASSWORD"),
        project: var("OSC_RS_TEST_PROJECT"),
    })
}

fn options(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

impl Cloud {
    fn user(&self) -> Vec<(&str, &str)> {
        vec![
            ("auth_url", self.auth_url.as_str()),
            ("username", self.username.as_str()),
            ("password", self.password.as_str()),
            ("user_domain_name", "Default"),
        ]
    }

    fn project_scope(&self) -> Vec<(&str, &str)> {
        let mut pairs = self.user();
        pairs.push(("project_name", self.project.as_str()));
        pairs.push(("project_domain_name", "Default"));
        pairs
    }

    /// An admin session without the token cache.
    fn admin(&self) -> Session {
        session("password", &self.project_scope(), None)
    }
}

fn session(auth_type: &str, pairs: &[(&str, &str)], cache: Option<PathBuf>) -> Session {
    let mut config = SessionConfig::new(auth_type, options(pairs), false);
    config.token_cache_dir = cache;
    Session::new(config).unwrap()
}

fn authenticate(auth_type: &str, pairs: &[(&str, &str)]) -> Result<AuthRef, String> {
    let mut config = SessionConfig::new(auth_type, options(pairs), false);
    config.http.timeout = Some(Duration::from_secs(30));
    let mut session = Session::new(config).map_err(|error| error.message)?;
    match session.auth_ref() {
        Ok(Some(auth)) => Ok(auth.clone()),
        Ok(None) => Err("no auth_ref".to_owned()),
        Err(error) => Err(error.message),
    }
}

/// A name no other test run uses.
fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(
        "osc-rs-{prefix}-{}-{nanos}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

fn id_of(admin: &mut Session, path: &str, key: &str, name: &str) -> String {
    let listing = admin
        .get_json("identity", &format!("{path}?name={name}"))
        .unwrap();
    listing[key][0]["id"].as_str().unwrap().to_owned()
}

fn create_user(admin: &mut Session, password: &str) -> String {
    let body =
        json!({"user": {"name": unique("user"), "password": password, "domain_id": "default"}});
    admin.post_json("identity", "users", &body).unwrap()["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn password_project_scope() {
    let Some(cloud) = cloud("password_project_scope") else {
        return;
    };
    let auth = authenticate("password", &cloud.project_scope()).unwrap();
    let project = auth.project.as_ref().unwrap();
    assert_eq!(project.name.as_deref(), Some(cloud.project.as_str()));
    assert_eq!(project.domain.id.as_deref(), Some("default"));
    assert_eq!(auth.user.name.as_deref(), Some(cloud.username.as_str()));
    assert_eq!(auth.methods, ["password"]);
    assert!(auth.role_names().contains(&"admin"));
    assert!(auth.expires_display().unwrap().ends_with("+0000"));
    assert!(auth
        .catalog
        .url_for("identity", "public", None, None)
        .unwrap()
        .starts_with("http"));
    // The version-specific plugin gets the same kind of token without discovery.
    let v3 = authenticate("v3password", &cloud.project_scope()).unwrap();
    assert_eq!(v3.project_id(), auth.project_id());
}

#[test]
fn password_discovers_the_version_from_an_unversioned_url() {
    let Some(cloud) = cloud("password_discovers_the_version_from_an_unversioned_url") else {
        return;
    };
    let root = cloud
        .auth_url
        .trim_end_matches('/')
        .trim_end_matches("/v3")
        .to_owned();
    let mut pairs = cloud.project_scope();
    pairs[0] = ("auth_url", root.as_str());
    let mut session = session("password", &pairs, None);
    assert!(session.auth_ref().unwrap().unwrap().project_id().is_some());
    let timings = session.timings();
    assert_eq!(timings.len(), 2, "{timings:?}");
    assert_eq!(timings[0].method, "GET");
    assert_eq!(timings[0].url, root);
    assert_eq!(timings[1].method, "POST");
    assert!(timings[1].url.ends_with("/v3/auth/tokens"));
}

#[test]
fn password_domain_scope() {
    let Some(cloud) = cloud("password_domain_scope") else {
        return;
    };
    // A user of its own with a role on the domain, so that the cloud is left as it was.
    let mut admin = cloud.admin();
    let password = "domain-user-password";
    let user_id = create_user(&mut admin, password);
    let role_id = id_of(&mut admin, "roles", "roles", "reader");
    admin
        .request(
            Method::Put,
            "identity",
            &format!("domains/default/users/{user_id}/roles/{role_id}"),
            None,
            &[],
        )
        .unwrap();
    let auth = authenticate(
        "v3password",
        &[
            ("auth_url", cloud.auth_url.as_str()),
            ("user_id", user_id.as_str()),
            ("password", password),
            ("domain_name", "Default"),
        ],
    );
    admin
        .delete("identity", &format!("users/{user_id}"))
        .unwrap();
    let auth = auth.unwrap();
    assert_eq!(auth.domain_id(), Some("default"));
    assert!(auth.project.is_none());
}

#[test]
fn password_system_scope() {
    let Some(cloud) = cloud("password_system_scope") else {
        return;
    };
    let mut pairs = cloud.user();
    pairs.push(("system_scope", "all"));
    let auth = authenticate("password", &pairs).unwrap();
    assert!(auth.system_all);
    assert!(auth.project.is_none() && auth.domain.is_none());
}

#[test]
fn password_unscoped() {
    let Some(cloud) = cloud("password_unscoped") else {
        return;
    };
    let mut pairs = cloud.user();
    pairs.push(("unscoped", "true"));
    let auth = authenticate("v3password", &pairs).unwrap();
    assert!(auth.project.is_none() && auth.domain.is_none() && !auth.system_all);
    assert!(auth.catalog.is_empty());
}

#[test]
fn wrong_password_is_oscs_message() {
    let Some(cloud) = cloud("wrong_password_is_oscs_message") else {
        return;
    };
    let mut pairs = cloud.project_scope();
    pairs[2] = ("password", "certainly-wrong");
    let message = authenticate("password", &pairs).unwrap_err();
    let prefix = "The request you have made requires authentication. (HTTP 401) (Request-ID: req-";
    assert!(message.starts_with(prefix), "{message}");
    let id = message[prefix.len()..].strip_suffix(')').unwrap();
    assert_eq!(id.len(), 36, "{message}");
    assert!(
        id.chars().all(|ch| ch.is_ascii_hexdigit() || ch == '-'),
        "{message}"
    );
}

#[test]
fn token_auth_rescopes_a_token() {
    let Some(cloud) = cloud("token_auth_rescopes_a_token") else {
        return;
    };
    let unscoped = {
        let mut pairs = cloud.user();
        pairs.push(("unscoped", "true"));
        authenticate("v3password", &pairs).unwrap()
    };
    let project_scoped = authenticate(
        "token",
        &[
            ("auth_url", cloud.auth_url.as_str()),
            ("token", unscoped.auth_token.as_str()),
            ("project_name", cloud.project.as_str()),
            ("project_domain_name", "Default"),
        ],
    )
    .unwrap();
    assert_ne!(project_scoped.auth_token, unscoped.auth_token);
    assert_eq!(
        project_scoped.project.unwrap().name.as_deref(),
        Some(cloud.project.as_str())
    );
    assert!(
        project_scoped.methods.contains(&"token".to_owned())
            || project_scoped.methods.contains(&"password".to_owned())
    );
}

#[test]
fn application_credential_by_id_and_by_name() {
    let Some(cloud) = cloud("application_credential_by_id_and_by_name") else {
        return;
    };
    let mut admin = cloud.admin();
    let user_id = admin
        .auth_ref()
        .unwrap()
        .unwrap()
        .user_id()
        .unwrap()
        .to_owned();
    let name = unique("appcred");
    let created = admin
        .post_json(
            "identity",
            &format!("users/{user_id}/application_credentials"),
            &json!({"application_credential": {"name": name}}),
        )
        .unwrap();
    let id = created["application_credential"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let secret = created["application_credential"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let by_id = authenticate(
        "v3applicationcredential",
        &[
            ("auth_url", cloud.auth_url.as_str()),
            ("application_credential_id", id.as_str()),
            ("application_credential_secret", secret.as_str()),
        ],
    )
    .unwrap();
    assert_eq!(
        by_id.application_credential_id.as_deref(),
        Some(id.as_str())
    );
    assert!(by_id.project_id().is_some());
    let by_name = authenticate(
        "v3applicationcredential",
        &[
            ("auth_url", cloud.auth_url.as_str()),
            ("application_credential_name", name.as_str()),
            ("application_credential_secret", secret.as_str()),
            ("username", cloud.username.as_str()),
            ("user_domain_name", "Default"),
        ],
    )
    .unwrap();
    assert_eq!(
        by_name.application_credential_id.as_deref(),
        Some(id.as_str())
    );
    let wrong = authenticate(
        "v3applicationcredential",
        &[
            ("auth_url", cloud.auth_url.as_str()),
            ("application_credential_id", id.as_str()),
            ("application_credential_secret", "wrong"),
        ],
    )
    .unwrap_err();
    assert!(wrong.contains("(HTTP 401)"), "{wrong}");
    admin
        .delete(
            "identity",
            &format!("users/{user_id}/application_credentials/{id}"),
        )
        .unwrap();
}

#[test]
fn trust_scope() {
    let Some(cloud) = cloud("trust_scope") else {
        return;
    };
    let mut admin = cloud.admin();
    let (trustor_id, project_id) = {
        let auth = admin.auth_ref().unwrap().unwrap();
        (
            auth.user_id().unwrap().to_owned(),
            auth.project_id().unwrap().to_owned(),
        )
    };
    let trustee_password = "trustee-password";
    let trustee_id = create_user(&mut admin, trustee_password);
    let trust = admin
        .post_json(
            "identity",
            "OS-TRUST/trusts",
            &json!({"trust": {"trustor_user_id": trustor_id, "trustee_user_id": trustee_id,
                "project_id": project_id, "impersonation": false, "roles": [{"name": "admin"}]}}),
        )
        .unwrap();
    let trust_id = trust["trust"]["id"].as_str().unwrap().to_owned();
    let auth = authenticate(
        "v3password",
        &[
            ("auth_url", cloud.auth_url.as_str()),
            ("user_id", trustee_id.as_str()),
            ("password", trustee_password),
            ("trust_id", trust_id.as_str()),
        ],
    )
    .unwrap();
    assert_eq!(auth.trust_id.as_deref(), Some(trust_id.as_str()));
    assert_eq!(auth.project_id(), Some(project_id.as_str()));
    admin
        .delete("identity", &format!("OS-TRUST/trusts/{trust_id}"))
        .unwrap();
    admin
        .delete("identity", &format!("users/{trustee_id}"))
        .unwrap();
}

/// RFC 6238 TOTP (SHA-1, 30 s, 6 digits), the scheme Keystone's `totp` method checks.
fn totp(secret: &[u8], unix: u64) -> String {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, secret);
    let tag = ring::hmac::sign(&key, &(unix / 30).to_be_bytes());
    let digest = tag.as_ref();
    let offset = usize::from(digest[19] & 0x0f);
    let code = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    format!("{:06}", code % 1_000_000)
}

fn base32(data: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for byte in data {
        buffer = (buffer << 8) | u32::from(*byte);
        bits += 8;
        while bits >= 5 {
            out.push(ALPHABET[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

#[test]
fn totp_code_matches_rfc6238() {
    // RFC 6238 appendix B, SHA-1, truncated to 6 digits.
    assert_eq!(totp(b"12345678901234567890", 59), "287082");
    assert_eq!(totp(b"12345678901234567890", 1_111_111_109), "081804");
    assert_eq!(
        base32(b"12345678901234567890"),
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    );
}

#[test]
fn totp_auth() {
    let Some(cloud) = cloud("totp_auth") else {
        return;
    };
    if std::env::var("OSC_RS_TEST_TOTP").as_deref() != Ok("1") {
        println!("skipped totp_auth: OSC_RS_TEST_TOTP=1 is not set (Keystone needs totp in [auth] methods)");
        return;
    }
    let mut admin = cloud.admin();
    let user_id = create_user(&mut admin, "unused-password");
    let secret = b"osc-rs-totp-secret-20b";
    admin
        .post_json(
            "identity",
            "credentials",
            &json!({"credential": {"type": "totp", "user_id": user_id, "blob": base32(secret)}}),
        )
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let passcode = totp(secret, now);
    let auth = authenticate(
        "v3totp",
        &[
            ("auth_url", cloud.auth_url.as_str()),
            ("user_id", user_id.as_str()),
            ("passcode", passcode.as_str()),
        ],
    )
    .unwrap();
    assert_eq!(auth.methods, ["totp"]);
    assert_eq!(auth.user_id(), Some(user_id.as_str()));
    admin
        .delete("identity", &format!("users/{user_id}"))
        .unwrap();
}

#[test]
fn stopped_keystone_reads_like_osc() {
    // A port that was free a moment ago stands for a Keystone that is down; no cloud is needed.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = format!("http://127.0.0.1:{port}/v3");
    let message = authenticate(
        "password",
        &[
            ("auth_url", url.as_str()),
            ("username", "admin"),
            ("password", "admin"),
            ("user_domain_name", "Default"),
            ("project_name", "admin"),
            ("project_domain_name", "Default"),
        ],
    )
    .unwrap_err();
    assert_eq!(
        message,
        format!(
            "Unable to establish connection to {url}/auth/tokens: HTTPConnectionPool(host='127.0.0.1', \
             port={port}): Max retries exceeded with url: /v3/auth/tokens (Caused by NewConnectionError(\"\
             HTTPConnection(host='127.0.0.1', port={port}): Failed to establish a new connection: [Errno 111] \
             Connection refused\"))"
        )
    );
}

fn temp_cache(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "osc-rs-keystone-cache-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn cache_hit_makes_no_request() {
    let Some(cloud) = cloud("cache_hit_makes_no_request") else {
        return;
    };
    let dir = temp_cache("hit");
    let pairs = cloud.project_scope();
    let mut first = session("password", &pairs, Some(dir.clone()));
    let token = first.auth_ref().unwrap().unwrap().auth_token.clone();
    assert!(first.timings().iter().any(|timing| timing.method == "POST"));

    let started = Instant::now();
    let mut second = session("password", &pairs, Some(dir.clone()));
    let cached = second.auth_ref().unwrap().unwrap().clone();
    let elapsed = started.elapsed();
    println!("cache hit (session set-up + load): {elapsed:?}");
    assert_eq!(cached.auth_token, token);
    assert!(second.timings().is_empty(), "{:?}", second.timings());
    // The cached catalog answers endpoint look-ups without any request.
    assert!(second.endpoint_for("identity").unwrap().starts_with("http"));
    assert!(second.timings().is_empty());
    // A real call with the cached token works.
    let projects = second.get_json("identity", "projects").unwrap();
    assert!(projects["projects"].is_array());
    assert_eq!(second.timings().len(), 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn revoked_cached_token_is_replaced() {
    let Some(cloud) = cloud("revoked_cached_token_is_replaced") else {
        return;
    };
    let dir = temp_cache("revoked");
    let pairs = cloud.project_scope();
    let mut first = session("v3password", &pairs, Some(dir.clone()));
    let token = first.auth_ref().unwrap().unwrap().auth_token.clone();
    // Revoke it behind the cache's back (as `token revoke` in another shell would).
    let mut admin = cloud.admin();
    admin
        .send(
            &osc_lib::ApiRequest::new(Method::Delete, "identity", "auth/tokens")
                .header("X-Subject-Token", token.clone()),
            &RequestOptions::default(),
        )
        .unwrap();
    let mut second = session("v3password", &pairs, Some(dir.clone()));
    let projects: Json = second.get_json("identity", "projects").unwrap();
    assert!(projects["projects"].is_array());
    let new_token = second.auth_ref().unwrap().unwrap().auth_token.clone();
    assert_ne!(new_token, token);
    let methods: Vec<String> = second
        .timings()
        .iter()
        .map(|timing| timing.method.clone())
        .collect();
    let _ = std::fs::remove_dir_all(dir);
    assert_eq!(
        methods,
        ["GET", "POST", "GET"],
        "401 with the cached token, new token, retry"
    );
}
