//! The manifest cache: `$XDG_CACHE_HOME/openstack-rs/plugins.json`.
//!
//! It remembers, for each searched directory, which `openstack-*` names it held, and for each plugin executable
//! its manifest (or why it has none), keyed by what `stat` says about the file. A run whose directories and
//! executables are unchanged reads this one file and starts no plugin. Writes are atomic (a temporary file renamed
//! over the old one), the file is 0600 (its directory is created 0700 when missing), and an unreadable cache is
//! simply rebuilt.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::protocol::{Manifest, PROTOCOL_VERSION};

/// Bumped whenever the layout below changes, so an old file is ignored rather than misread.
const CACHE_FORMAT: u32 = 1;

/// A change closer than this to the moment a file was examined may share its timestamp with a later change
/// (ext4 takes timestamps from a coarse clock, FAT has 2-second steps), so such an observation is used once and
/// made again on the next run.
const RACY_WINDOW_NS: i64 = 2_000_000_000;

/// What `stat` says about a file or directory, as far as noticing a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime_ns: i64,
    /// Status-change time, nanoseconds since the epoch (catches `cp -p` and in-place rewrites).
    pub ctime_ns: i64,
    /// Inode number (a reinstalled file is usually a new inode).
    pub ino: u64,
    /// Device number.
    pub dev: u64,
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub fn of(metadata: &fs::Metadata) -> Self {
        Stamp {
            size: metadata.size(),
            mtime_ns: metadata
                .mtime()
                .saturating_mul(1_000_000_000)
                .saturating_add(metadata.mtime_nsec()),
            ctime_ns: metadata
                .ctime()
                .saturating_mul(1_000_000_000)
                .saturating_add(metadata.ctime_nsec()),
            ino: metadata.ino(),
            dev: metadata.dev(),
        }
    }

    /// Whether a change right after `observed_at` could go unnoticed because it would leave this stamp as it is.
    pub fn is_racy(&self, observed_at: SystemTime) -> bool {
        let observed = observed_at
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        observed.saturating_sub(self.mtime_ns.max(self.ctime_ns)) < RACY_WINDOW_NS
    }
}

/// A searched directory and the plugin names it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DirRecord {
    /// The directory.
    pub path: String,
    /// Its stamp when listed; `None` when the listing may be stale already (racy), so it must be redone.
    pub stamp: Option<Stamp>,
    /// The `openstack-<name>` file names found, sorted.
    pub names: Vec<String>,
}

/// A plugin executable and what asking it for its manifest gave.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PluginRecord {
    /// The executable's path.
    pub path: String,
    /// Its stamp when asked; `None` when the answer must not be trusted on the next run (racy).
    pub stamp: Option<Stamp>,
    /// The manifest, when it was valid.
    #[serde(default)]
    pub manifest: Option<Manifest>,
    /// Why there is no manifest (shown each time the plugin is skipped).
    #[serde(default)]
    pub problem: Option<String>,
}

/// The whole cache file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct CacheFile {
    /// [`CACHE_FORMAT`].
    pub format: u32,
    /// The protocol version of the `openstack` that wrote it: a newer `openstack` asks every plugin again.
    pub protocol: u32,
    /// Searched directories.
    #[serde(default)]
    pub dirs: Vec<DirRecord>,
    /// Plugin executables.
    #[serde(default)]
    pub plugins: Vec<PluginRecord>,
}

impl CacheFile {
    /// An empty cache of the current format.
    pub fn empty() -> Self {
        CacheFile {
            format: CACHE_FORMAT,
            protocol: PROTOCOL_VERSION,
            dirs: Vec::new(),
            plugins: Vec::new(),
        }
    }

    /// Reads the cache; a missing, unreadable or foreign file gives an empty cache (and a reason, for `--debug`).
    pub fn load(path: &Path) -> (Self, Option<String>) {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return (Self::empty(), None),
            Err(err) => {
                return (
                    Self::empty(),
                    Some(format!("Ignoring plugin cache {}: {err}", path.display())),
                )
            }
        };
        match serde_json::from_slice::<CacheFile>(&bytes) {
            Ok(cache) if cache.format == CACHE_FORMAT && cache.protocol == PROTOCOL_VERSION => {
                (cache, None)
            }
            Ok(_) => (Self::empty(), None),
            Err(err) => (
                Self::empty(),
                Some(format!("Ignoring plugin cache {}: {err}", path.display())),
            ),
        }
    }

    /// Writes the cache atomically, creating its directory (0700) if needed; the file is 0600.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        write_private(path, &bytes)
    }

    /// The record of a directory, if its stamp is still the one recorded.
    pub fn dir(&self, path: &str, stamp: &Stamp) -> Option<&DirRecord> {
        self.dirs
            .iter()
            .find(|record| record.path == path && record.stamp.as_ref() == Some(stamp))
    }

    /// The record of a plugin executable, if its stamp is still the one recorded.
    pub fn plugin(&self, path: &str, stamp: &Stamp) -> Option<&PluginRecord> {
        self.plugins
            .iter()
            .find(|record| record.path == path && record.stamp.as_ref() == Some(stamp))
    }
}

/// Writes `bytes` to `path` atomically (a temporary file renamed over it), creating its directory (0700) if
/// needed; the file is 0600.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    if written.is_err() {
        // The temporary file is useless now; failing to remove it changes nothing for the caller.
        let _ = fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::time::Duration;

    fn stamp(mtime_ns: i64) -> Stamp {
        Stamp {
            size: 1,
            mtime_ns,
            ctime_ns: mtime_ns,
            ino: 2,
            dev: 3,
        }
    }

    #[test]
    fn recent_changes_are_racy() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(100);
        assert!(stamp(99_000_000_000).is_racy(now));
        assert!(!stamp(97_000_000_000).is_racy(now));
        assert!(stamp(200_000_000_000).is_racy(now));
    }

    #[test]
    fn saves_privately_and_loads_back() {
        let dir = std::env::temp_dir().join(format!("osc-cache-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let path = dir.join("sub").join("plugins.json");
        let mut cache = CacheFile::empty();
        cache.dirs.push(DirRecord {
            path: "/bin".to_owned(),
            stamp: Some(stamp(5)),
            names: vec!["openstack-x".to_owned()],
        });
        cache.save(&path).expect("saved");
        let mode = |p: &Path| fs::metadata(p).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().expect("parent")), 0o700);
        let (loaded, problem) = CacheFile::load(&path);
        assert_eq!(problem, None);
        assert_eq!(loaded.dirs, cache.dirs);
        assert!(loaded.dir("/bin", &stamp(5)).is_some());
        assert!(loaded.dir("/bin", &stamp(6)).is_none());
        // Only the renamed file remains: no temporary left behind.
        let entries: Vec<_> = fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .collect();
        assert_eq!(entries.len(), 1);
        fs::write(&path, b"{not json").expect("write");
        let (loaded, problem) = CacheFile::load(&path);
        assert!(loaded.dirs.is_empty());
        assert!(problem
            .expect("reported")
            .starts_with("Ignoring plugin cache"));
        let _ = fs::remove_dir_all(&dir);
    }
}
