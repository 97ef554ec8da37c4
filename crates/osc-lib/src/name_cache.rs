//! Resource names and IDs for completion (an addition to OSC, docs/extensions.md): what `list`, `show` and `create`
//! commands printed is remembered per cloud, so that `openstack server show <TAB>` can offer names without asking
//! the cloud.
//!
//! One file per cloud in `$XDG_CACHE_HOME/openstack-rs/names` (beside the token cache, with its rules: the
//! directory 0700, files 0600 written whole and renamed, anything unreadable, foreign or corrupt ignored and
//! replaced by the next write). The file name is the SHA-256 of the cloud's non-secret identity (auth URL, user,
//! scope, region), so two clouds never mix; no secret is stored. `OSC_RS_NAME_CACHE=0` turns it off.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{json, Value as Json};

use crate::token_cache::{
    create_private, ensure_private_dir, open_private, read_capped, TokenCache,
};

/// The environment variable that turns the name cache off (`0`, `false`, `no` or `off`).
pub const NAME_CACHE_ENV: &str = "OSC_RS_NAME_CACHE";

/// The most names and IDs kept per kind of object (the newest first).
pub const MAX_NAMES: usize = 5000;

/// Version of the file format.
const FORMAT: u64 = 1;

/// Distinguishes the temporary files of threads of one process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The name cache in one directory.
#[derive(Debug, Clone)]
pub struct NameCache {
    dir: PathBuf,
}

impl NameCache {
    /// A cache in this directory (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        NameCache { dir: dir.into() }
    }

    /// `names` beside the token cache's `tokens` directory, unless `OSC_RS_NAME_CACHE` turns it off.
    pub fn default_dir() -> Option<PathBuf> {
        if turned_off(NAME_CACHE_ENV) {
            return None;
        }
        TokenCache::default_dir().map(|tokens| tokens.with_file_name("names"))
    }

    fn path(&self, cloud: &str) -> PathBuf {
        self.dir.join(format!("{cloud}.json"))
    }

    /// The names and IDs known for this cloud, by kind of object (`project`, `security group`); empty when
    /// nothing usable is cached.
    pub fn load(&self, cloud: &str) -> BTreeMap<String, Vec<String>> {
        read_entry(&self.path(cloud)).unwrap_or_default()
    }

    /// Puts `seen` first in the object's list (newest first) and drops `gone`, keeping [`MAX_NAMES`].
    pub fn update(
        &self,
        cloud: &str,
        object: &str,
        seen: &[String],
        gone: &[String],
    ) -> io::Result<()> {
        let mut all = self.load(cloud);
        let old = all.remove(object).unwrap_or_default();
        let mut names: Vec<String> = Vec::new();
        for name in seen.iter().chain(old.iter()) {
            if !name.is_empty() && !gone.contains(name) && !names.contains(name) {
                names.push(name.clone());
            }
            if names.len() >= MAX_NAMES {
                break;
            }
        }
        if names == old {
            return Ok(());
        }
        if !names.is_empty() {
            all.insert(object.to_owned(), names);
        }
        ensure_private_dir(&self.dir)?;
        let text = serde_json::to_string(&json!({"format": FORMAT, "objects": all}))?;
        let temp = self.dir.join(format!(
            ".{cloud}.{}.{}.tmp",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = create_private(&temp).and_then(|mut file| file.write_all(text.as_bytes()));
        let result = written.and_then(|()| fs::rename(&temp, self.path(cloud)));
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }
}

fn read_entry(path: &Path) -> Option<BTreeMap<String, Vec<String>>> {
    let file = open_private(path).ok()?;
    let mut text = String::new();
    read_capped(file, &mut text).ok()?;
    let entry: Json = serde_json::from_str(&text).ok()?;
    if entry.get("format").and_then(Json::as_u64) != Some(FORMAT) {
        return None;
    }
    let objects = entry.get("objects")?.as_object()?;
    Some(
        objects
            .iter()
            .map(|(object, names)| {
                let names = names
                    .as_array()
                    .map(|list| {
                        list.iter()
                            .filter_map(|n| n.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                (object.clone(), names)
            })
            .collect(),
    )
}

/// The kind of object a metavar stands for: `<project>` → `project`, `<security-group>` → `security group`,
/// `<server-group>` → `server group`; `None` for what is not a resource (`<key=value>`, `<file>`...).
pub fn object_of_metavar(metavar: &str) -> Option<String> {
    let inner = metavar.strip_prefix('<')?.strip_suffix('>')?;
    let inner = inner
        .strip_suffix("-id")
        .or_else(|| inner.strip_suffix("-name-or-id"))
        .unwrap_or(inner);
    let valid = !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_');
    valid.then(|| inner.replace(['-', '_'], " "))
}

/// Whether the environment variable `name` turns an addition off (`0`, `false`, `no` or `off`).
pub(crate) fn turned_off(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "0" | "false" | "no" | "off"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("osc-rs-names-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn newest_first_without_duplicates_and_gone_names_dropped() {
        let dir = scratch("order");
        let cache = NameCache::new(&dir);
        cache
            .update("c", "project", &names(&["a", "b"]), &[])
            .expect("write");
        cache
            .update("c", "project", &names(&["c", "a"]), &[])
            .expect("write");
        assert_eq!(cache.load("c")["project"], names(&["c", "a", "b"]));
        cache
            .update("c", "project", &[], &names(&["a"]))
            .expect("write");
        assert_eq!(cache.load("c")["project"], names(&["c", "b"]));
        assert!(cache.load("other cloud").is_empty());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).expect("exists").permissions().mode() & 0o777;
            assert_eq!(mode(&dir), 0o700);
            assert_eq!(mode(&dir.join("c.json")), 0o600);
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_corrupt_or_foreign_entry_is_ignored_and_replaced() {
        let dir = scratch("corrupt");
        let cache = NameCache::new(&dir);
        cache
            .update("c", "user", &names(&["u"]), &[])
            .expect("write");
        fs::write(dir.join("c.json"), "{not json").expect("write");
        assert!(cache.load("c").is_empty());
        cache
            .update("c", "user", &names(&["v"]), &[])
            .expect("replaced");
        assert_eq!(cache.load("c")["user"], names(&["v"]));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn metavars_name_objects() {
        assert_eq!(object_of_metavar("<project>").as_deref(), Some("project"));
        assert_eq!(
            object_of_metavar("<security-group>").as_deref(),
            Some("security group")
        );
        assert_eq!(object_of_metavar("<volume-id>").as_deref(), Some("volume"));
        assert_eq!(object_of_metavar("<key=value>"), None);
        assert_eq!(object_of_metavar("KEY"), None);
    }
}
