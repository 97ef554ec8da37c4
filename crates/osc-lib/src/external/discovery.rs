//! Finding `openstack-<name>` executables and their manifests, starting none of them when nothing changed.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use log::Level;

use super::cache::{CacheFile, DirRecord, PluginRecord, Stamp};
use super::host::ExternalPlugin;
use super::process::{self, describe_status, Finished};
use super::protocol::{Manifest, MANIFEST_FLAG, MODE_ENV, MODE_MANIFEST, PROTOCOL_VERSION};

/// The prefix of plugin executables.
pub const PREFIX: &str = "openstack-";

/// Programs named like plugins that are not (openstacksdk's Ansible inventory, RDO's openstack-utils, DevStack's
/// CLI server): they are never started for a manifest.
const NOT_PLUGINS: &[&str] = &[
    "openstack-inventory",
    "openstack-config",
    "openstack-db",
    "openstack-service",
    "openstack-status",
    "openstack-cli-server",
];

/// How many directories of earlier runs (another `PATH`) the cache keeps besides this run's.
const KEEP_OTHER_DIRS: usize = 32;

/// Default for `OSC_PLUGIN_MANIFEST_TIMEOUT`: a manifest is printed without any I/O, so this is generous.
const DEFAULT_MANIFEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Default for `OSC_PLUGIN_TIMEOUT`: long enough for commands that wait for the cloud (`--wait`, uploads).
const DEFAULT_RUN_TIMEOUT: Duration = Duration::from_secs(3600);

/// Where plugins are searched for and where their manifests are cached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPaths {
    /// Searched in order; the first executable of a given name wins.
    pub dirs: Vec<PathBuf>,
    /// The cache file; `None` disables caching (every run asks every plugin).
    pub cache_file: Option<PathBuf>,
    /// Whether new or changed executables may be asked for their manifest. False inside a plugin that is itself
    /// answering `--osc-plugin-manifest` (`OSC_PLUGIN_MODE=manifest`): if it ran `openstack`, asking it again
    /// would recurse without end. Such a run knows only the plugins already cached.
    pub may_run_plugins: bool,
}

impl SearchPaths {
    /// `$XDG_DATA_HOME/openstack-rs/plugins` (default `~/.local/share/...`), then each absolute `PATH` entry;
    /// the cache is `$XDG_CACHE_HOME/openstack-rs/plugins.json` (default `~/.cache/...`).
    pub fn from_env() -> Self {
        Self::from_vars(|name| std::env::var_os(name))
    }

    /// As [`SearchPaths::from_env`], with the variables from `var`.
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Self {
        let home = var("HOME").map(PathBuf::from).filter(|p| p.is_absolute());
        // The XDG spec says relative values are invalid and must be ignored.
        let xdg = |name: &str, fallback: &str| {
            var(name)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| home.as_ref().map(|h| h.join(fallback)))
        };
        let mut dirs = Vec::new();
        if let Some(data) = xdg("XDG_DATA_HOME", ".local/share") {
            dirs.push(data.join("openstack-rs").join("plugins"));
        }
        if let Some(path) = var("PATH") {
            // Relative entries (`.`, an empty entry) would make the current directory's files candidates, and
            // asking an unknown file for its manifest means running it: only absolute directories are searched.
            for dir in std::env::split_paths(&path).filter(|dir| dir.is_absolute()) {
                if !dirs.contains(&dir) {
                    dirs.push(dir);
                }
            }
        }
        let cache_file =
            xdg("XDG_CACHE_HOME", ".cache").map(|c| c.join("openstack-rs").join("plugins.json"));
        let may_run_plugins = var(MODE_ENV).is_none_or(|mode| mode != MODE_MANIFEST);
        SearchPaths {
            dirs,
            cache_file,
            may_run_plugins,
        }
    }
}

/// How long plugins may take to answer; `None` is no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// For `--osc-plugin-manifest` (`OSC_PLUGIN_MANIFEST_TIMEOUT`, seconds, default 10).
    pub manifest: Option<Duration>,
    /// For running a command (`OSC_PLUGIN_TIMEOUT`, seconds, default 3600).
    pub run: Option<Duration>,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            manifest: Some(DEFAULT_MANIFEST_TIMEOUT),
            run: Some(DEFAULT_RUN_TIMEOUT),
        }
    }
}

impl Timeouts {
    /// From `OSC_PLUGIN_MANIFEST_TIMEOUT` and `OSC_PLUGIN_TIMEOUT` (seconds, fractions allowed, `0` for none);
    /// unset or unparsable values give the defaults.
    pub fn from_env() -> Self {
        let read = |name: &str, default: Duration| match std::env::var(name) {
            Ok(text) => parse_timeout(&text).unwrap_or(Some(default)),
            Err(_) => Some(default),
        };
        Timeouts {
            manifest: read("OSC_PLUGIN_MANIFEST_TIMEOUT", DEFAULT_MANIFEST_TIMEOUT),
            run: read("OSC_PLUGIN_TIMEOUT", DEFAULT_RUN_TIMEOUT),
        }
    }
}

/// `"5"` → 5 s, `"0.5"` → 500 ms, `"0"` → no limit; `None` when not a non-negative number.
fn parse_timeout(text: &str) -> Option<Option<Duration>> {
    let seconds: f64 = text.trim().parse().ok()?;
    if !seconds.is_finite() || seconds < 0.0 {
        return None;
    }
    if seconds == 0.0 {
        return Some(None);
    }
    Duration::try_from_secs_f64(seconds).ok().map(Some)
}

/// What discovery found: the usable plugins, and messages for the log (which is not set up yet when discovery
/// runs, since plugins contribute global options).
pub struct Discovery {
    /// Plugins with a valid manifest, in search order.
    pub plugins: Vec<Arc<ExternalPlugin>>,
    /// Warnings (broken plugins, skipped each run) and debug notes (shadowed executables, cache problems).
    pub messages: Vec<(Level, String)>,
}

impl Discovery {
    /// Logs the messages; call once the logger is installed.
    pub fn log_messages(&self) {
        for (level, message) in &self.messages {
            log::log!(*level, "{message}");
        }
    }

    /// The plugins as the shell takes them.
    pub fn plugins(&self) -> Vec<Arc<dyn crate::plugin::Plugin>> {
        self.plugins
            .iter()
            .map(|plugin| Arc::clone(plugin) as Arc<dyn crate::plugin::Plugin>)
            .collect()
    }
}

/// Finds the external plugins of this environment (see [`SearchPaths::from_env`], [`Timeouts::from_env`]).
/// Python OSC plugins come after the executables when `OSC_PYTHON_PLUGINS` names an environment
/// ([`super::python`]).
pub fn discover() -> Discovery {
    let paths = SearchPaths::from_env();
    let timeouts = Timeouts::from_env();
    let mut discovery = discover_in(&paths, timeouts);
    super::python::add_python_plugins(&mut discovery, &paths, timeouts);
    discovery
}

/// A candidate executable.
struct Candidate {
    path: PathBuf,
    key: String,
    stamp: Stamp,
}

/// Finds the plugins in `paths`, asking only new or changed executables for their manifest.
pub fn discover_in(paths: &SearchPaths, timeouts: Timeouts) -> Discovery {
    let mut messages = Vec::new();
    let cache = match &paths.cache_file {
        Some(file) => {
            let (cache, problem) = CacheFile::load(file);
            messages.extend(problem.map(|p| (Level::Debug, p)));
            cache
        }
        None => CacheFile::empty(),
    };
    let now = SystemTime::now();
    let mut changed = false;
    let mut dir_records = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut seen_names = HashSet::new();
    for dir in &paths.dirs {
        let Some(dir_key) = dir.to_str() else {
            continue;
        };
        let Ok(metadata) = fs::metadata(dir) else {
            continue;
        };
        if !metadata.is_dir() {
            continue;
        }
        let stamp = Stamp::of(&metadata);
        let record = match cache.dir(dir_key, &stamp) {
            Some(record) => record.clone(),
            None => {
                changed = true;
                DirRecord {
                    path: dir_key.to_owned(),
                    stamp: (!stamp.is_racy(now)).then_some(stamp),
                    names: list_plugin_names(dir),
                }
            }
        };
        for name in &record.names {
            let path = dir.join(name);
            let Ok(metadata) = fs::metadata(&path) else {
                continue;
            };
            if !metadata.is_file() || metadata.permissions().mode() & 0o111 == 0 {
                continue;
            }
            if !seen_names.insert(name.clone()) {
                messages.push((
                    Level::Debug,
                    format!(
                        "Ignoring plugin {}: a plugin of the same name comes first",
                        path.display()
                    ),
                ));
                continue;
            }
            let Some(key) = path.to_str().map(str::to_owned) else {
                continue;
            };
            candidates.push(Candidate {
                path,
                key,
                stamp: Stamp::of(&metadata),
            });
        }
        dir_records.push(record);
    }

    // Ask every new or changed executable at once: they run in parallel.
    let mut records: Vec<Option<PluginRecord>> = candidates
        .iter()
        .map(|c| cache.plugin(&c.key, &c.stamp).cloned())
        .collect();
    let asked_at = SystemTime::now();
    let pending: Vec<(usize, Result<process::ManifestRun, String>)> = records
        .iter()
        .enumerate()
        .filter(|(_, record)| record.is_none() && paths.may_run_plugins)
        .map(|(index, _)| (index, process::spawn_manifest(&candidates[index].path, &[])))
        .collect();
    let mut asked_now = vec![false; candidates.len()];
    for (index, running) in pending {
        changed = true;
        asked_now[index] = true;
        let candidate = &candidates[index];
        let answer = running.and_then(|running| running.wait(timeouts.manifest));
        let (manifest, problem) = match answer.and_then(|finished| read_manifest(&finished)) {
            Ok(manifest) => (Some(manifest), None),
            Err(problem) => (None, Some(format!("{MANIFEST_FLAG} {problem}"))),
        };
        records[index] = Some(PluginRecord {
            path: candidate.key.clone(),
            stamp: (!candidate.stamp.is_racy(asked_at)).then_some(candidate.stamp),
            manifest,
            problem,
        });
    }

    let mut plugins = Vec::new();
    let mut plugin_records = Vec::new();
    for ((candidate, record), asked_now) in candidates.iter().zip(records).zip(asked_now) {
        let Some(record) = record else {
            messages.push((
                Level::Debug,
                format!(
                    "Not asking plugin {} for its manifest from inside another plugin's manifest",
                    candidate.path.display()
                ),
            ));
            continue;
        };
        match (&record.manifest, &record.problem) {
            (Some(manifest), _) => plugins.push(Arc::new(
                ExternalPlugin::new(candidate.path.clone(), manifest.clone(), timeouts.run)
                    .asked_this_run(asked_now),
            )),
            (None, problem) => messages.push((
                Level::Warn,
                format!(
                    "Skipping plugin {}: {}",
                    candidate.path.display(),
                    problem.as_deref().unwrap_or("no manifest")
                ),
            )),
        }
        plugin_records.push(record);
    }

    if let Some(file) = &paths.cache_file {
        if changed {
            let mut fresh = CacheFile::empty();
            keep_other_dirs(&cache, &dir_records, &mut fresh);
            fresh.dirs.extend(dir_records);
            fresh.plugins.extend(plugin_records);
            if let Err(err) = fresh.save(file) {
                messages.push((
                    Level::Debug,
                    format!("Could not write plugin cache {}: {err}", file.display()),
                ));
            }
        }
    }
    Discovery { plugins, messages }
}

/// Keeps the records of directories another `PATH` searched, so that alternating environments do not rewrite
/// the cache on every run.
fn keep_other_dirs(old: &CacheFile, current: &[DirRecord], fresh: &mut CacheFile) {
    let others: Vec<&DirRecord> = old
        .dirs
        .iter()
        .filter(|record| !current.iter().any(|c| c.path == record.path))
        .take(KEEP_OTHER_DIRS)
        .collect();
    for record in others {
        fresh.dirs.push(record.clone());
        let prefix = format!("{}/", record.path.trim_end_matches('/'));
        fresh.plugins.extend(
            old.plugins
                .iter()
                .filter(|p| {
                    p.path
                        .strip_prefix(&prefix)
                        .is_some_and(|rest| !rest.contains('/'))
                })
                .cloned(),
        );
    }
}

/// The sorted `openstack-<name>` entries of a directory (an unreadable directory has none).
fn list_plugin_names(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| is_plugin_name(name))
        .collect();
    names.sort_unstable();
    names
}

/// `openstack-<name>` with a name of letters, digits, `-` and `_` (no extension, no backup `~`), and not one of
/// the known non-plugins.
pub fn is_plugin_name(file_name: &str) -> bool {
    file_name.strip_prefix(PREFIX).is_some_and(|name| {
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }) && !NOT_PLUGINS.contains(&file_name)
}

/// Checks and parses what `--osc-plugin-manifest` printed; the error completes "`--osc-plugin-manifest` ...".
pub(crate) fn read_manifest(
    finished: &Finished<std::io::Result<Vec<u8>>>,
) -> Result<Manifest, String> {
    parse_manifest(&read_manifest_bytes(finished)?)
}

/// What `--osc-plugin-manifest` printed, once it ended well; the error completes "`--osc-plugin-manifest` ...".
pub(crate) fn read_manifest_bytes(
    finished: &Finished<std::io::Result<Vec<u8>>>,
) -> Result<Vec<u8>, String> {
    let stdout = finished
        .stdout
        .as_ref()
        .map_err(|err| format!("could not be read: {err}"))?;
    if !finished.status.success() {
        let mut problem = describe_status(finished.status);
        let stderr = String::from_utf8_lossy(&finished.stderr);
        if let Some(line) = stderr.lines().rev().find(|line| !line.trim().is_empty()) {
            problem.push_str(": ");
            problem.push_str(line.trim());
        }
        return Err(problem);
    }
    if process::manifest_too_large(stdout) {
        return Err("printed a manifest larger than 16 MiB".to_owned());
    }
    Ok(stdout.clone())
}

/// Parses a manifest, refusing newer protocols before looking at anything else.
pub(crate) fn parse_manifest(bytes: &[u8]) -> Result<Manifest, String> {
    #[derive(serde::Deserialize)]
    struct Version {
        protocol: u32,
    }
    let version: Version = serde_json::from_slice(bytes)
        .map_err(|err| format!("printed an invalid manifest ({err})"))?;
    check_protocol(version.protocol)?;
    let manifest: Manifest = serde_json::from_slice(bytes)
        .map_err(|err| format!("printed an invalid manifest ({err})"))?;
    validate(&manifest)?;
    Ok(manifest)
}

/// Refuses protocol versions this build does not know.
pub(crate) fn check_protocol(protocol: u32) -> Result<(), String> {
    if protocol == 0 {
        return Err("announced plugin protocol 0, which does not exist".to_owned());
    }
    if protocol > PROTOCOL_VERSION {
        return Err(format!(
            "speaks plugin protocol {protocol}, newer than this openstack's {PROTOCOL_VERSION}: upgrade openstack"
        ));
    }
    Ok(())
}

/// Checks what serde cannot: a non-empty API name, command names of single-space-separated words, parsers that
/// deserialize.
pub(crate) fn validate(manifest: &Manifest) -> Result<(), String> {
    if manifest.api_name.is_empty() {
        return Err("printed an invalid manifest (empty api_name)".to_owned());
    }
    for commands in manifest.commands.values() {
        for command in commands {
            let words: Vec<&str> = command.name.split(' ').collect();
            if words
                .iter()
                .any(|word| word.is_empty() || word.starts_with('-'))
            {
                return Err(format!(
                    "printed an invalid manifest (bad command name {:?})",
                    command.name
                ));
            }
            if let Some(arguments) = &command.arguments {
                if let Err(err) = serde_json::from_str::<cliff::Parser>(arguments.get()) {
                    return Err(format!(
                        "printed an invalid manifest (arguments of '{}': {err})",
                        command.name
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_names() {
        assert!(is_plugin_name("openstack-runit"));
        assert!(is_plugin_name("openstack-my_plugin-2"));
        assert!(!is_plugin_name("openstack-"));
        assert!(!is_plugin_name("openstack"));
        assert!(!is_plugin_name("openstack-runit.py"));
        assert!(!is_plugin_name("openstack-runit~"));
        assert!(!is_plugin_name("openstack-inventory"));
        assert!(!is_plugin_name("xopenstack-runit"));
    }

    #[test]
    fn search_paths_follow_xdg_and_path() {
        let vars = |name: &str| -> Option<OsString> {
            match name {
                "HOME" => Some("/home/u".into()),
                "PATH" => Some("/usr/bin:relative:/bin::/usr/bin".into()),
                "XDG_CACHE_HOME" => Some("not/absolute".into()),
                _ => None,
            }
        };
        let paths = SearchPaths::from_vars(vars);
        assert_eq!(
            paths.dirs,
            vec![
                PathBuf::from("/home/u/.local/share/openstack-rs/plugins"),
                PathBuf::from("/usr/bin"),
                PathBuf::from("/bin"),
            ]
        );
        assert!(paths.may_run_plugins);
        assert_eq!(
            paths.cache_file,
            Some(PathBuf::from("/home/u/.cache/openstack-rs/plugins.json"))
        );
        let paths = SearchPaths::from_vars(|name| match name {
            "XDG_DATA_HOME" => Some("/data".into()),
            "XDG_CACHE_HOME" => Some("/cache".into()),
            "OSC_PLUGIN_MODE" => Some("manifest".into()),
            _ => None,
        });
        assert!(!paths.may_run_plugins);
        assert_eq!(
            paths.dirs,
            vec![PathBuf::from("/data/openstack-rs/plugins")]
        );
        assert_eq!(
            paths.cache_file,
            Some(PathBuf::from("/cache/openstack-rs/plugins.json"))
        );
    }

    #[test]
    fn timeouts_parse() {
        assert_eq!(parse_timeout("5"), Some(Some(Duration::from_secs(5))));
        assert_eq!(
            parse_timeout(" 0.25 "),
            Some(Some(Duration::from_millis(250)))
        );
        assert_eq!(parse_timeout("0"), Some(None));
        assert_eq!(parse_timeout("-1"), None);
        assert_eq!(parse_timeout("soon"), None);
    }

    #[test]
    fn protocols() {
        assert_eq!(
            parse_manifest(br#"{"protocol": 2, "whatever": []}"#).err(),
            Some(
                "speaks plugin protocol 2, newer than this openstack's 1: upgrade openstack"
                    .to_owned()
            )
        );
        assert!(parse_manifest(b"Usage: foo [options]")
            .expect_err("invalid")
            .starts_with("printed an invalid manifest (expected value"));
        assert_eq!(
            parse_manifest(
                br#"{"protocol": 1, "api_name": "x", "module": {"name": "m", "version": "1"},
                "version_option": {"dest": "os_x"}, "commands": {"1": [{"name": "x  y"}]}}"#
            )
            .err(),
            Some(r#"printed an invalid manifest (bad command name "x  y")"#.to_owned())
        );
    }
}
