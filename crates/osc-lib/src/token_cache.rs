//! The on-disk token cache (python-openstackclient has none; keystoneauth re-authenticates on every command).
//!
//! One file per auth identity in `$XDG_CACHE_HOME/openstack-rs/tokens` (default `~/.cache/...`): the name is the
//! SHA-256 of [`AuthPlugin::cache_identity`](crate::auth::AuthPlugin::cache_identity) (auth URL, type, user,
//! scope, application credential id or name) with the SHA-256 of the password or secret
//! ([`AuthPlugin::cache_secrets`](crate::auth::AuthPlugin::cache_secrets)), so that a wrong password is never
//! served a cached token; no secret is stored. The content is the token and Keystone's body, so
//! a cached entry also answers `catalog list` without any request (a write to Keystone's services or endpoints
//! through our session drops the entry, its catalog being stale: `Session::send`). The directory is 0700 and files are 0600,
//! written whole to a temporary file and renamed, under a per-entry lock that also keeps two processes from
//! authenticating at once (the `<key>.lock` file is removed when released). A token within a minute of expiry, an
//! unreadable, corrupt or foreign entry (another owner, or readable by others), anything but a regular file (a
//! FIFO is opened non-blocking, so it cannot hang the command) and an entry over [`MAX_ENTRY_BYTES`] are never
//! used and are replaced by the next write; the cache never fails a command. `token issue` checks a cached token
//! with Keystone before printing it ([`crate::session::Session::validated_auth_ref`]).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value as Json;

use crate::auth::{now_unix, AuthRef};
use crate::http::sha256_hex;

/// A cached token closer than this to its expiry is not used.
pub const MIN_VALIDITY_SECONDS: i64 = 60;

/// How long to wait for another process that is authenticating the same identity.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// The largest entry read (a token with a big cloud's catalog is well under 1 MiB): anything bigger is not ours.
pub const MAX_ENTRY_BYTES: u64 = 8 * 1024 * 1024;

/// Version of the entry format.
const FORMAT: u64 = 1;

/// Distinguishes the temporary files of threads of one process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The token cache in one directory.
#[derive(Debug, Clone)]
pub struct TokenCache {
    dir: PathBuf,
}

/// Holds a cache entry's lock; dropping it removes the lock file, then releases the lock.
#[derive(Debug)]
pub struct CacheLock {
    _file: File,
    path: PathBuf,
}

/// The lock file goes while still locked: a process waiting on it then finds it gone and takes a new one
/// (see [`TokenCache::lock`]), so no `<key>.lock` is left behind for every identity ever used.
impl Drop for CacheLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// The cache file name of an identity: the hex SHA-256 of its description.
pub fn cache_key(identity: &str) -> String {
    sha256_hex(identity.as_bytes())
}

fn current_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

impl TokenCache {
    /// A cache in this directory (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        TokenCache { dir: dir.into() }
    }

    /// `$XDG_CACHE_HOME/openstack-rs/tokens`, else `$HOME/.cache/openstack-rs/tokens` (relative values are
    /// ignored, as the XDG specification asks).
    pub fn default_dir() -> Option<PathBuf> {
        let absolute = |name: &str| {
            std::env::var_os(name)
                .map(PathBuf::from)
                .filter(|path| path.is_absolute())
        };
        let base = absolute("XDG_CACHE_HOME")
            .or_else(|| absolute("HOME").map(|home| home.join(".cache")))?;
        Some(base.join("openstack-rs").join("tokens"))
    }

    /// The cache directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The cached token for this key, if there is a usable one: ours, private, readable, and valid for more than
    /// a minute.
    pub fn load(&self, key: &str) -> Option<AuthRef> {
        let path = self.entry_path(key);
        let file = open_private(&path).ok()?;
        let mut text = String::new();
        if let Err(err) = read_capped(file, &mut text) {
            log::debug!(
                "Ignoring unreadable token cache entry {}: {err}",
                path.display()
            );
            return None;
        }
        let Some(auth) = parse_entry(&text) else {
            log::debug!("Ignoring corrupt token cache entry {}", path.display());
            return None;
        };
        if auth.expires_within(now_unix(), MIN_VALIDITY_SECONDS) {
            log::debug!(
                "Cached token in {} is expired or about to be",
                path.display()
            );
            return None;
        }
        log::debug!("Using the cached token in {}", path.display());
        Some(auth)
    }

    /// Stores a token for this key, atomically.
    pub fn store(&self, key: &str, auth: &AuthRef) -> io::Result<()> {
        self.ensure_dir()?;
        let entry = serde_json::json!({"format": FORMAT, "auth": auth});
        let text = serde_json::to_string(&entry)?;
        let temp = self.dir.join(format!(
            ".{key}.{}.{}.tmp",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = create_private(&temp).and_then(|mut file| file.write_all(text.as_bytes()));
        let result = written.and_then(|()| fs::rename(&temp, self.entry_path(key)));
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }

    /// Forgets the entry for this key.
    pub fn remove(&self, key: &str) {
        let _ = fs::remove_file(self.entry_path(key));
    }

    /// Forgets every entry holding this token (after `token revoke`, or when a service rejects it); returns how
    /// many were removed.
    pub fn invalidate(&self, token_id: &str) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|ext| ext != "json") {
                continue;
            }
            let mut text = String::new();
            let Ok(file) = open_private(&path) else {
                continue;
            };
            if read_capped(file, &mut text).is_err() {
                continue;
            }
            let holds_token = serde_json::from_str::<Json>(&text)
                .ok()
                .and_then(|entry| {
                    entry
                        .pointer("/auth/token")
                        .and_then(Json::as_str)
                        .map(|token| token == token_id)
                })
                .unwrap_or(false);
            if holds_token && fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    /// Takes the entry's lock, waiting up to 10 s for another process that holds it (one authenticating the
    /// same identity); `None` if the lock cannot be had, and the caller goes on without it.
    pub fn lock(&self, key: &str) -> Option<CacheLock> {
        self.ensure_dir().ok()?;
        let path = self.dir.join(format!("{key}.lock"));
        let deadline = Instant::now() + LOCK_WAIT;
        let mut file = create_or_open_private(&path).ok()?;
        loop {
            match file.try_lock() {
                // Its holder removes the lock file before releasing it: locking a file that is no longer at
                // `path` locks nothing, so open the current one and try again.
                Ok(()) if !same_file(&file, &path) => {
                    file = create_or_open_private(&path).ok()?;
                }
                Ok(()) => return Some(CacheLock { _file: file, path }),
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(_) => {
                    log::debug!(
                        "Could not lock {}; going on without the lock",
                        path.display()
                    );
                    return None;
                }
            }
        }
    }

    /// Creates the cache directory private to us (see [`ensure_private_dir`]).
    fn ensure_dir(&self) -> io::Result<()> {
        ensure_private_dir(&self.dir)
    }
}

/// Creates the directory (0700, with its parents) or makes an existing one of ours private again; a
/// directory owned by someone else is refused.
pub(crate) fn ensure_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let meta = fs::symlink_metadata(dir)?;
        if !meta.is_dir() || meta.uid() != current_uid() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("{} is not a directory of ours", dir.display()),
            ));
        }
        if meta.mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// An entry's token, if the text is a complete entry of our format.
fn parse_entry(text: &str) -> Option<AuthRef> {
    let entry: Json = serde_json::from_str(text).ok()?;
    if entry.get("format").and_then(Json::as_u64) != Some(FORMAT) {
        return None;
    }
    serde_json::from_value(entry.get("auth")?.clone()).ok()
}

/// Whether the open `file` is still the one at `path`.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Reads an entry whole, refusing one larger than [`MAX_ENTRY_BYTES`] (a huge file would otherwise be read
/// into memory on every command).
pub(crate) fn read_capped(file: File, text: &mut String) -> io::Result<()> {
    file.take(MAX_ENTRY_BYTES + 1).read_to_string(text)?;
    if text.len() as u64 > MAX_ENTRY_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {MAX_ENTRY_BYTES} bytes"),
        ));
    }
    Ok(())
}

/// Opens an existing file for reading only if it is a regular file of ours that nobody else can read or write
/// (and not a symbolic link). Opened non-blocking, so that a FIFO put there cannot hang the command before it
/// is refused as not a regular file.
pub(crate) fn open_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = file.metadata()?;
        if !meta.is_file() || meta.uid() != current_uid() || meta.mode() & 0o077 != 0 {
            log::debug!(
                "Ignoring token cache entry {} (not private to us)",
                path.display()
            );
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "not private",
            ));
        }
    }
    Ok(file)
}

/// Creates a new file readable and writable by us alone.
pub(crate) fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

fn create_or_open_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::os::unix::fs::PermissionsExt;

    /// A fresh cache directory under the system's temporary directory, removed with everything in it when the
    /// guard is dropped.
    struct Scratch {
        root: PathBuf,
        dir: PathBuf,
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.root);
        }
    }

    fn temp_dir(name: &str) -> Scratch {
        let root = std::env::temp_dir().join(format!(
            "osc-lib-token-cache-{name}-{}-{}",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&root);
        let dir = root.join("openstack-rs").join("tokens");
        Scratch { root, dir }
    }

    fn token(id: &str, expires_in: i64) -> AuthRef {
        let expires = now_unix() + expires_in;
        let (days, secs) = (expires.div_euclid(86_400), expires.rem_euclid(86_400));
        let (y, m, d) = cliff::logging::civil_from_days(days);
        let expires_at = format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000000Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        );
        AuthRef::from_token_body(
            id.to_owned(),
            json!({"token": {"expires_at": expires_at, "user": {"id": "u"}, "methods": ["password"],
                "catalog": [{"type": "identity", "endpoints": [{"interface": "public", "url": "http://k/v3"}]}]}}),
        )
        .unwrap()
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn stores_and_loads_privately() {
        let scratch = temp_dir("roundtrip");
        let cache = TokenCache::new(&scratch.dir);
        let key = cache_key("auth_url=http://k/v3\nuser_id=u");
        assert_eq!(key.len(), 64);
        assert_eq!(cache.load(&key), None);
        let auth = token("tok-1", 3600);
        cache.store(&key, &auth).unwrap();
        assert_eq!(cache.load(&key), Some(auth));
        assert_eq!(mode(cache.dir()), 0o700);
        assert_eq!(mode(&cache.dir().join(format!("{key}.json"))), 0o600);
        let names: Vec<String> = fs::read_dir(cache.dir())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, [format!("{key}.json")]);
        // The catalog comes back with the token.
        let loaded = cache.load(&key).unwrap();
        assert_eq!(
            loaded
                .catalog
                .url_for("identity", "public", None, None)
                .unwrap(),
            "http://k/v3"
        );
    }

    #[test]
    fn key_is_stable_and_reveals_nothing() {
        assert_eq!(
            cache_key("auth_url=http://127.0.0.1:5000/v3\nauth_type=password"),
            sha256_hex(b"auth_url=http://127.0.0.1:5000/v3\nauth_type=password")
        );
        assert_eq!(
            cache_key("a"),
            "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
        );
    }

    #[test]
    fn nearly_expired_tokens_are_not_used() {
        let scratch = temp_dir("expiry");
        let cache = TokenCache::new(&scratch.dir);
        cache.store("k1", &token("t", 59)).unwrap();
        assert_eq!(cache.load("k1"), None);
        cache.store("k1", &token("t", 120)).unwrap();
        assert!(cache.load("k1").is_some());
        cache.store("k2", &token("t", -3600)).unwrap();
        assert_eq!(cache.load("k2"), None);
    }

    #[test]
    fn corrupt_and_truncated_entries_are_ignored_and_replaced() {
        let scratch = temp_dir("corrupt");
        let cache = TokenCache::new(&scratch.dir);
        cache.store("k", &token("good", 3600)).unwrap();
        let path = cache.dir().join("k.json");
        let full = fs::read_to_string(&path).unwrap();
        for bad in [
            &full[..full.len() / 2],
            "",
            "not json",
            "{\"format\": 1}",
            "{\"format\": 99, \"auth\": {}}",
        ] {
            fs::write(&path, bad).unwrap();
            assert_eq!(cache.load("k"), None, "{bad:?}");
        }
        cache.store("k", &token("again", 3600)).unwrap();
        assert_eq!(cache.load("k").unwrap().auth_token, "again");
    }

    #[test]
    fn entries_others_could_read_are_ignored() {
        let scratch = temp_dir("mode");
        let cache = TokenCache::new(&scratch.dir);
        cache.store("k", &token("t", 3600)).unwrap();
        let path = cache.dir().join("k.json");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(cache.load("k"), None);
        cache.store("k", &token("t2", 3600)).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(cache.load("k").unwrap().auth_token, "t2");
        // A symbolic link in place of an entry is not followed.
        fs::remove_file(&path).unwrap();
        let elsewhere = cache.dir().join("elsewhere");
        cache.store("elsewhere-key", &token("t3", 3600)).unwrap();
        std::os::unix::fs::symlink(cache.dir().join("elsewhere-key.json"), &path).unwrap();
        assert_eq!(cache.load("k"), None);
        let _ = elsewhere;
    }

    #[test]
    fn foreign_owned_entries_are_ignored() {
        if current_uid() != 0 {
            eprintln!("skipped: changing a file's owner needs root");
            return;
        }
        let scratch = temp_dir("owner");
        let cache = TokenCache::new(&scratch.dir);
        cache.store("k", &token("t", 3600)).unwrap();
        let path = cache.dir().join("k.json");
        std::os::unix::fs::chown(&path, Some(65534), None).unwrap();
        assert_eq!(cache.load("k"), None);
        cache.store("k", &token("mine", 3600)).unwrap();
        assert_eq!(cache.load("k").unwrap().auth_token, "mine");
    }

    #[test]
    fn open_directory_is_made_private() {
        let scratch = temp_dir("dirmode");
        let dir = scratch.dir.clone();
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let cache = TokenCache::new(&dir);
        cache.store("k", &token("t", 3600)).unwrap();
        assert_eq!(mode(&dir), 0o700);
    }

    #[test]
    fn invalidate_removes_entries_with_the_token() {
        let scratch = temp_dir("invalidate");
        let cache = TokenCache::new(&scratch.dir);
        cache.store("a", &token("revoked", 3600)).unwrap();
        cache.store("b", &token("other", 3600)).unwrap();
        cache.store("c", &token("revoked", 3600)).unwrap();
        assert_eq!(cache.invalidate("revoked"), 2);
        assert_eq!(cache.load("a"), None);
        assert!(cache.load("b").is_some());
        assert_eq!(cache.invalidate("nothing"), 0);
        let absent = temp_dir("absent");
        assert_eq!(TokenCache::new(&absent.dir).invalidate("x"), 0);
    }

    #[test]
    fn a_fifo_or_a_huge_file_is_ignored() {
        let scratch = temp_dir("fifo");
        let cache = TokenCache::new(&scratch.dir);
        cache.store("real", &token("tok", 3600)).unwrap();
        // A FIFO with no writer: a blocking open would wait forever. The thread reports back, or the test fails
        // after a generous while instead of hanging the suite.
        let fifo = cache.dir().join("fifo.json");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let (done, finished) = std::sync::mpsc::channel();
        let reader = cache.clone();
        std::thread::spawn(move || {
            let _ = done.send((reader.load("fifo"), reader.invalidate("tok")));
        });
        let (loaded, removed) = finished
            .recv_timeout(Duration::from_secs(60))
            .expect("reading the cache does not hang on a FIFO");
        assert_eq!(loaded, None);
        assert_eq!(removed, 1);
        // A valid entry padded past the cap is not read into memory: ignored.
        let mut text =
            serde_json::to_string(&json!({"format": FORMAT, "auth": token("big", 3600)})).unwrap();
        text.push_str(&" ".repeat(MAX_ENTRY_BYTES as usize));
        fs::write(cache.dir().join("big.json"), text).unwrap();
        fs::set_permissions(
            cache.dir().join("big.json"),
            fs::Permissions::from_mode(0o600),
        )
        .unwrap();
        assert_eq!(cache.load("big"), None);
        assert_eq!(cache.invalidate("big"), 0);
    }

    #[test]
    fn no_lock_file_is_left_behind() {
        let scratch = temp_dir("lockfile");
        let cache = TokenCache::new(&scratch.dir);
        let lock = cache.lock("k").expect("lock");
        assert!(cache.dir().join("k.lock").exists());
        drop(lock);
        assert!(!cache.dir().join("k.lock").exists());
        // Taken again after that, it works as before.
        assert!(cache.lock("k").is_some());
        assert_eq!(fs::read_dir(cache.dir()).unwrap().count(), 0);
    }

    #[test]
    fn unusable_directory_never_fails() {
        let cache = TokenCache::new("/proc/osc-lib-cannot-exist/tokens");
        assert!(cache.store("k", &token("t", 3600)).is_err());
        assert_eq!(cache.load("k"), None);
        assert!(cache.lock("k").is_none());
    }

    /// Threads race as processes would: each takes the lock, looks for a token, "authenticates" only if there is
    /// none, and stores it. Exactly one authenticates; a reader never sees a partial entry.
    #[test]
    fn racing_writers_authenticate_once() {
        let scratch = temp_dir("race");
        let dir = scratch.dir.clone();
        let authentications = std::sync::Arc::new(AtomicU64::new(0));
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let reader = {
            let cache = TokenCache::new(&dir);
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut seen = 0;
                while !stop.load(Ordering::Relaxed) {
                    if let Ok(text) = fs::read_to_string(cache.dir().join("k.json")) {
                        assert!(parse_entry(&text).is_some(), "partial entry: {text}");
                        seen += 1;
                    }
                }
                seen
            })
        };
        let workers: Vec<_> = (0..8)
            .map(|n| {
                let cache = TokenCache::new(&dir);
                let authentications = authentications.clone();
                std::thread::spawn(move || {
                    let _lock = cache.lock("k").expect("lock");
                    if cache.load("k").is_none() {
                        authentications.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(20));
                        cache.store("k", &token(&format!("t{n}"), 3600)).unwrap();
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().unwrap();
        }
        // Rewrite many times while the reader watches.
        let cache = TokenCache::new(&dir);
        for n in 0..200 {
            cache.store("k", &token(&format!("r{n}"), 3600)).unwrap();
        }
        stop.store(true, Ordering::Relaxed);
        assert!(reader.join().unwrap() > 0);
        assert_eq!(authentications.load(Ordering::SeqCst), 1);
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    /// The child side of `processes_race`: stores tokens as fast as it can into the directory it is given.
    #[test]
    fn child_writer() {
        let Some(dir) = std::env::var_os("OSC_LIB_CACHE_RACE_DIR") else {
            return;
        };
        let cache = TokenCache::new(PathBuf::from(dir));
        for n in 0..100 {
            let _lock = cache.lock("shared");
            cache
                .store(
                    "shared",
                    &token(&format!("p{}-{n}", std::process::id()), 3600),
                )
                .unwrap();
        }
    }

    /// Two processes (this test binary run again) write the same entry while this one reads it.
    #[test]
    fn processes_race() {
        let scratch = temp_dir("processes");
        let dir = scratch.dir.clone();
        TokenCache::new(&dir).ensure_dir().unwrap();
        let exe = std::env::current_exe().unwrap();
        let children: Vec<_> = (0..2)
            .map(|_| {
                std::process::Command::new(&exe)
                    .args(["--exact", "token_cache::tests::child_writer", "--quiet"])
                    .env("OSC_LIB_CACHE_RACE_DIR", &dir)
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let cache = TokenCache::new(&dir);
        let mut reads = 0;
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut children = children;
        while !children.is_empty() && Instant::now() < deadline {
            if let Ok(text) = fs::read_to_string(dir.join("shared.json")) {
                assert!(parse_entry(&text).is_some(), "partial entry: {text}");
                reads += 1;
            }
            children.retain_mut(|child| match child.try_wait() {
                Ok(Some(status)) => {
                    assert!(status.success());
                    false
                }
                _ => true,
            });
        }
        assert!(children.is_empty(), "children did not finish");
        assert!(reads > 0);
        assert!(cache.load("shared").unwrap().auth_token.starts_with('p'));
    }
}
