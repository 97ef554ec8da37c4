//! The bridge to python-openstackclient plugins: every plugin module of a Python environment's
//! `openstack.cli.extension` entry point group, with the commands of its `openstack.<api>.v<n>` groups, as
//! external plugins whose commands run in that environment's Python.
//!
//! The environment is named by `OSC_PYTHON_PLUGINS` (see [`resolve`]); unset, nothing here runs, not even a
//! `stat`. The Python side (`plugins/python-bridge/osc_bridge.py`, embedded here) speaks the external-plugin
//! protocol: its manifest lists every plugin module at once, and is cached in `python-plugins.json` beside
//! `plugins.json` under the same rules (keyed by what `stat` says of the interpreter and of every directory on the
//! environment's `sys.path`, which installing or removing a distribution changes), so that listing, help lookup
//! and completion start no Python once it is cached. `docs/plugins.md`, "Python plugins", is the user's guide.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use log::Level;
use serde::{Deserialize, Serialize};

use super::cache::Stamp;
use super::discovery::{
    check_protocol, read_manifest_bytes, validate, Discovery, SearchPaths, Timeouts,
};
use super::host::ExternalPlugin;
use super::process;
use super::protocol::{Manifest, MANIFEST_FLAG};
use crate::plugin::Plugin;

/// The environment variable naming the Python environment whose OSC plugins are brought in.
pub const PYTHON_PLUGINS_ENV: &str = "OSC_PYTHON_PLUGINS";

/// The Python side of the bridge, run as `python -c <script>`.
const SCRIPT: &str = include_str!("../../../../plugins/python-bridge/osc_bridge.py");

/// The cache file's name, beside `plugins.json`.
const CACHE_NAME: &str = "python-plugins.json";

/// Bumped whenever the cache's layout changes.
const CACHE_FORMAT: u32 = 1;

/// How many other records (other environments, or the same one for another `openstack`) the cache keeps.
const KEEP_OTHERS: usize = 8;

/// The least time a bridge manifest gets: it imports every command class of every plugin (python-manilaclient
/// alone has about 200), which takes seconds on a loaded machine.
const MIN_MANIFEST_TIMEOUT: Duration = Duration::from_secs(120);

/// What the Python side prints for `--osc-plugin-manifest`: one manifest per plugin module.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Bundle {
    protocol: u32,
    /// The directories of the environment's `sys.path`: a change to any of them asks again.
    #[serde(default)]
    watch: Vec<String>,
    #[serde(default)]
    plugins: Vec<Manifest>,
    /// Plugin modules or commands that failed to import, in words.
    #[serde(default)]
    problems: Vec<String>,
}

/// One environment's cached answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    /// The interpreter, as resolved from [`PYTHON_PLUGINS_ENV`].
    python: String,
    /// The interpreter's stamp; `None` when racy (ask again next time).
    stamp: Option<Stamp>,
    /// A hash of the bridge script that answered (a new `openstack` asks again).
    script: u64,
    /// The watched directories and their stamps (`None`: racy).
    watch: Vec<(String, Option<Stamp>)>,
    /// The bundle as the Python side printed it (checked when it was asked), kept unparsed: only the record
    /// of this run's environment is parsed, the others' are skipped over.
    #[serde(default)]
    bundle: Option<Box<serde_json::value::RawValue>>,
    #[serde(default)]
    problem: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    records: Vec<Record>,
}

impl Record {
    /// Whether nothing it depends on changed since it was made.
    fn is_fresh(&self, python: &str, stamp: &Stamp, script: u64) -> bool {
        self.python == python
            && self.script == script
            && self.stamp.as_ref() == Some(stamp)
            && self.watch.iter().all(|(dir, recorded)| {
                recorded.is_some() && fs::metadata(dir).ok().map(|m| Stamp::of(&m)) == *recorded
            })
    }
}

/// Adds the Python plugins of the environment [`PYTHON_PLUGINS_ENV`] names to `discovery`, after the executables
/// (a plugin executable for the same API wins, as built-in plugins win over both).
pub fn add_python_plugins(discovery: &mut Discovery, paths: &SearchPaths, timeouts: Timeouts) {
    let Some(setting) = std::env::var_os(PYTHON_PLUGINS_ENV).filter(|v| !v.is_empty()) else {
        return;
    };
    let setting = PathBuf::from(setting);
    let python = match resolve(&setting, std::env::var_os("PATH").as_deref()) {
        Ok(python) => python,
        Err(problem) => {
            discovery.messages.push((
                Level::Warn,
                format!(
                    "Skipping Python plugins: {PYTHON_PLUGINS_ENV}={}: {problem}",
                    setting.display()
                ),
            ));
            return;
        }
    };
    let cache_file = paths
        .cache_file
        .as_ref()
        .map(|file| file.with_file_name(CACHE_NAME));
    let (bundle, asked) = match bundle_for(&python, cache_file.as_deref(), paths, timeouts) {
        Ok(found) => found,
        Err((level, problem)) => {
            discovery.messages.push((
                level,
                format!("Skipping Python plugins of {}: {problem}", python.display()),
            ));
            return;
        }
    };
    let level = if asked { Level::Warn } else { Level::Info };
    for problem in &bundle.problems {
        discovery.messages.push((
            level,
            format!("Python plugins of {}: skipping {problem}", python.display()),
        ));
    }
    for manifest in bundle.plugins {
        let label = PathBuf::from(format!(
            "{} ({})",
            python.display(),
            manifest
                .entry_point
                .as_deref()
                .unwrap_or(&manifest.module.name)
        ));
        if let Some(native) = discovery
            .plugins
            .iter()
            .find(|plugin| plugin.api_name() == manifest.api_name)
        {
            discovery.messages.push((
                level,
                format!(
                    "Plugin {} provides the {} API, which {} provides: its commands are used",
                    label.display(),
                    manifest.api_name,
                    native.path().display()
                ),
            ));
            continue;
        }
        if let Err(problem) = validate(&manifest) {
            discovery.messages.push((
                Level::Warn,
                format!(
                    "Skipping plugin {}: {MANIFEST_FLAG} {problem}",
                    label.display()
                ),
            ));
            continue;
        }
        discovery.plugins.push(Arc::new(
            ExternalPlugin::bridged(label, python.clone(), SCRIPT, manifest, timeouts.run)
                .asked_this_run(asked),
        ));
    }
}

/// The environment's manifests, from the cache or by asking its Python; true when asked this run.
fn bundle_for(
    python: &Path,
    cache_file: Option<&Path>,
    paths: &SearchPaths,
    timeouts: Timeouts,
) -> Result<(Bundle, bool), (Level, String)> {
    let key = python.to_string_lossy().into_owned();
    let stamp = fs::metadata(python)
        .map(|m| Stamp::of(&m))
        .map_err(|err| (Level::Warn, format!("{err}")))?;
    let script = script_hash();
    let cache = cache_file.map(load).unwrap_or_default();
    if let Some(record) = cache
        .records
        .iter()
        .find(|record| record.is_fresh(&key, &stamp, script))
    {
        return match (&record.bundle, &record.problem) {
            // Its protocol was checked when it was stored: parsed once, without `parse_bundle`'s first pass over
            // the whole bundle for its version (0.5 M of the 4.5 M instructions the bridge adds to `command list`).
            (Some(raw), _) => serde_json::from_str::<Bundle>(raw.get())
                .map(|bundle| (bundle, false))
                .map_err(|err| format!("printed an invalid manifest ({err})"))
                .map_err(|problem| (Level::Warn, format!("{MANIFEST_FLAG} {problem}"))),
            (None, problem) => Err((
                Level::Warn,
                problem.clone().unwrap_or_else(|| "no manifest".to_owned()),
            )),
        };
    }
    if !paths.may_run_plugins {
        return Err((
            Level::Debug,
            "not asked for its manifest from inside another plugin's manifest".to_owned(),
        ));
    }
    let asked_at = SystemTime::now();
    let timeout = timeouts.manifest.map(|t| t.max(MIN_MANIFEST_TIMEOUT));
    let answer = process::spawn_manifest(python, &["-c".to_owned(), SCRIPT.to_owned()])
        .and_then(|running| running.wait(timeout))
        .and_then(|finished| read_manifest_bytes(&finished))
        .and_then(|bytes| {
            let bundle = parse_bundle(&bytes)?;
            let raw = String::from_utf8(bytes)
                .ok()
                .and_then(|text| serde_json::value::RawValue::from_string(text).ok());
            Ok((bundle, raw))
        });
    let fresh = |stamp: Stamp| (!stamp.is_racy(asked_at)).then_some(stamp);
    let (bundle, raw, problem) = match answer {
        Ok((bundle, raw)) => (Some(bundle), raw, None),
        Err(problem) => (None, None, Some(format!("{MANIFEST_FLAG} {problem}"))),
    };
    let watch = bundle
        .as_ref()
        .map(|bundle| {
            bundle
                .watch
                .iter()
                .map(|dir| {
                    let stamp = fs::metadata(dir)
                        .ok()
                        .map(|m| Stamp::of(&m))
                        .and_then(fresh);
                    (dir.clone(), stamp)
                })
                .collect()
        })
        .unwrap_or_default();
    let record = Record {
        python: key.clone(),
        stamp: fresh(stamp),
        script,
        watch,
        bundle: raw,
        problem: problem.clone(),
    };
    if let Some(file) = cache_file {
        let mut fresh_cache = CacheFile {
            format: CACHE_FORMAT,
            records: vec![record],
        };
        fresh_cache.records.extend(
            cache
                .records
                .into_iter()
                // Another `openstack` (another bridge script) using the same environment keeps its record, so
                // that two versions used in turn do not ask Python again and again.
                .filter(|other| other.python != key || other.script != script)
                .take(KEEP_OTHERS),
        );
        // An unwritable cache only means asking again next time.
        if let Ok(bytes) = serde_json::to_vec(&fresh_cache) {
            let _ = super::cache::write_private(file, &bytes);
        }
    }
    match (bundle, problem) {
        (Some(bundle), _) => Ok((bundle, true)),
        (None, problem) => Err((Level::Warn, problem.unwrap_or_default())),
    }
}

fn load(file: &Path) -> CacheFile {
    fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
        .filter(|cache| cache.format == CACHE_FORMAT)
        .unwrap_or_default()
}

fn parse_bundle(bytes: &[u8]) -> Result<Bundle, String> {
    #[derive(Deserialize)]
    struct Version {
        protocol: u32,
    }
    let version: Version = serde_json::from_slice(bytes)
        .map_err(|err| format!("printed an invalid manifest ({err})"))?;
    check_protocol(version.protocol)?;
    serde_json::from_slice(bytes).map_err(|err| format!("printed an invalid manifest ({err})"))
}

/// FNV-1a of the bridge script: a changed script (a new `openstack`) asks every environment again.
fn script_hash() -> u64 {
    SCRIPT.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The interpreter `setting` names:
///
/// - `path`: the interpreter of the first `openstack` on `PATH` that is a Python script (python-openstackclient's
///   console script, typically in the virtualenv where it and its plugins were installed), this program excepted;
/// - a directory: a virtualenv, its `bin/python`;
/// - a file starting with `#!`: a script (`/opt/osc/bin/openstack`) whose interpreter is used;
/// - any other file: the interpreter itself (`/opt/osc/bin/python3`).
pub fn resolve(setting: &Path, path_var: Option<&std::ffi::OsStr>) -> Result<PathBuf, String> {
    if setting == Path::new("path") {
        let me = std::env::current_exe().and_then(fs::canonicalize).ok();
        let dirs = path_var.map(|p| std::env::split_paths(p).collect::<Vec<_>>());
        for dir in dirs
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.is_absolute())
        {
            let candidate = dir.join("openstack");
            if !candidate.is_file() || fs::canonicalize(&candidate).ok() == me {
                continue;
            }
            if let Some(python) = shebang(&candidate, path_var).filter(|p| is_python(p)) {
                return Ok(python);
            }
        }
        return Err("no Python `openstack` script on PATH".to_owned());
    }
    let metadata = fs::metadata(setting).map_err(|err| format!("{err}"))?;
    if metadata.is_dir() {
        let python = setting.join("bin").join("python");
        return if python.is_file() {
            Ok(python)
        } else {
            Err(format!("no {}", python.display()))
        };
    }
    Ok(shebang(setting, path_var).unwrap_or_else(|| setting.to_path_buf()))
}

fn is_python(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with("python"))
}

/// The interpreter a `#!` line names (`#!/usr/bin/env python3` looked up on `PATH`).
fn shebang(script: &Path, path_var: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    use std::io::Read;
    let mut head = [0u8; 256];
    let read = fs::File::open(script).ok()?.read(&mut head).ok()?;
    let line = head[..read].strip_prefix(b"#!")?;
    let line = line.split(|&b| b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?;
    let mut words = line.split_whitespace();
    let program = PathBuf::from(words.next()?);
    if program.file_name().is_some_and(|name| name == "env") {
        let name = words.next()?;
        return std::env::split_paths(path_var?)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file());
    }
    Some(program)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("osc-python-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("venv/bin")).expect("mkdir");
        dir
    }

    #[test]
    fn names_resolve_to_interpreters() {
        let dir = tempdir("resolve");
        let python = dir.join("venv/bin/python");
        fs::write(&python, b"\x7fELF").expect("write");
        let script = dir.join("venv/bin/openstack");
        fs::write(&script, format!("#!{}\nimport sys\n", python.display())).expect("write");
        assert_eq!(resolve(&dir.join("venv"), None), Ok(python.clone()));
        assert_eq!(resolve(&script, None), Ok(python.clone()));
        assert_eq!(resolve(&python, None), Ok(python.clone()));
        let path = std::env::join_paths([dir.join("empty"), dir.join("venv/bin")]).expect("path");
        assert_eq!(resolve(Path::new("path"), Some(&path)), Ok(python.clone()));
        assert_eq!(
            resolve(
                Path::new("path"),
                Some(std::ffi::OsStr::new("/nonexistent"))
            ),
            Err("no Python `openstack` script on PATH".to_owned())
        );
        assert!(resolve(&dir.join("missing"), None).is_err());
        let env = dir.join("venv/bin/openstack-env");
        fs::write(&env, "#!/usr/bin/env python\n").expect("write");
        let path = std::env::join_paths([dir.join("venv/bin")]).expect("path");
        assert_eq!(resolve(&env, Some(&path)), Ok(python));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn bundles_parse_and_newer_protocols_are_refused() {
        let bundle = parse_bundle(
            br#"{"protocol": 1, "watch": ["/x"], "plugins": [{"protocol": 1, "api_name": "placement",
            "module": {"name": "osc_placement", "version": "4.9.1"}, "version_option": {"dest": "os_placement_api_version"},
            "commands": {"1": [{"name": "trait list", "entry_point": "m:C", "option_strings": "--name --all"}]},
            "entry_point": "osc_placement.plugin"}], "problems": []}"#,
        )
        .expect("valid");
        assert_eq!(bundle.watch, vec!["/x".to_owned()]);
        let command = &bundle.plugins[0].commands["1"][0];
        assert_eq!(command.entry_point.as_deref(), Some("m:C"));
        assert_eq!(command.option_strings, "--name --all");
        assert!(parse_bundle(br#"{"protocol": 9}"#)
            .expect_err("newer")
            .starts_with("speaks plugin protocol 9"));
    }

    #[test]
    fn records_go_stale_when_a_watched_directory_changes() {
        let dir = tempdir("stale");
        let site = dir.join("venv/lib");
        fs::create_dir_all(&site).expect("mkdir");
        let stamp_of = |p: &Path| Stamp::of(&fs::metadata(p).expect("stat"));
        let python_stamp = stamp_of(&dir);
        let record = Record {
            python: "/py".to_owned(),
            stamp: Some(python_stamp),
            script: 7,
            watch: vec![(site.to_string_lossy().into_owned(), Some(stamp_of(&site)))],
            bundle: None,
            problem: None,
        };
        assert!(record.is_fresh("/py", &python_stamp, 7));
        assert!(!record.is_fresh("/py", &python_stamp, 8));
        assert!(!record.is_fresh("/other", &python_stamp, 7));
        // A directory whose stamp differs from the recorded one (a distribution installed since), or whose
        // recorded stamp was racy, or that is gone, makes the record stale.
        let mut changed = stamp_of(&site);
        changed.mtime_ns -= 1;
        for watched in [Some(changed), None] {
            let stale = Record {
                watch: vec![(site.to_string_lossy().into_owned(), watched)],
                ..record.clone()
            };
            assert!(!stale.is_fresh("/py", &python_stamp, 7));
        }
        fs::remove_dir(&site).expect("rmdir");
        assert!(!record.is_fresh("/py", &python_stamp, 7));
        let _ = fs::remove_dir_all(&dir);
    }
}
