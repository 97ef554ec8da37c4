//! The plugin side: [`serve`] is the whole `main` of an `openstack-<name>` executable written in Rust.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::FromRawFd;

use cliff::{Error, Output, Parser, Result};
use log::LevelFilter;

use super::protocol::{
    CommandSpec, ErrorSpec, Manifest, ModuleSpec, Request, Response, VersionOptionSpec, FD_ENV,
    MANIFEST_FLAG, PROTOCOL_VERSION, RUN_FLAG,
};
use super::transport::SessionTransport;
use crate::clientmanager::{ClientManager, Settings};
use crate::plugin::{major_version, Plugin};

/// Answers `--osc-plugin-manifest` and `--osc-plugin-run` for `plugin`; returns the process exit code.
///
/// ```no_run
/// # struct RunitPlugin;
/// # impl osc_lib::Plugin for RunitPlugin {
/// #     fn api_name(&self) -> &str { "runit" }
/// #     fn module(&self) -> (&str, &str) { ("runit", "1") }
/// #     fn version_option(&self) -> osc_lib::VersionOption { unimplemented!() }
/// #     fn default_version(&self) -> Option<&str> { Some("1") }
/// #     fn supported_versions(&self) -> &[&str] { &[] }
/// #     fn commands(&self, _: &str) -> Vec<(String, osc_lib::PluginCommand)> { Vec::new() }
/// # }
/// fn main() {
///     std::process::exit(osc_lib::external::serve(&RunitPlugin))
/// }
/// ```
pub fn serve(plugin: &dyn Plugin) -> i32 {
    // `args_os`, not `args`: an argument that is not UTF-8 must not panic (it is just not one of the flags).
    let program = std::env::args_os()
        .next()
        .map(|arg0| {
            let path = std::path::Path::new(&arg0);
            path.file_name()
                .unwrap_or(path.as_os_str())
                .to_string_lossy()
                .into_owned()
        })
        .unwrap_or_else(|| "plugin".to_owned());
    let args = cliff::surrogate::args();
    match args.as_slice() {
        [flag] if flag == MANIFEST_FLAG => print_json(&manifest_of(plugin)),
        [flag] if flag == RUN_FLAG => match read_request() {
            Ok(request) => print_json(&answer(plugin, &request)),
            Err(problem) => {
                eprintln!("{program}: {problem}");
                2
            }
        },
        _ => {
            let major = plugin.default_version().map(major_version);
            let names: Vec<String> = major
                .map(|major| plugin.commands(&major))
                .unwrap_or_default()
                .into_iter()
                .map(|(name, _)| format!("  openstack {name}"))
                .collect();
            eprintln!(
                "{program} is a plugin of the openstack command; its commands run through openstack:\n{}",
                names.join("\n")
            );
            2
        }
    }
}

/// Prints one JSON document and a newline on stdout; the exit code says whether that worked.
fn print_json<T: serde::Serialize>(document: &T) -> i32 {
    let Ok(mut text) = serde_json::to_string(document) else {
        return 1;
    };
    text.push('\n');
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

/// Reads the request from the descriptor named by `OSC_PLUGIN_FD`.
fn read_request() -> std::result::Result<Request, String> {
    let fd: i32 = std::env::var(FD_ENV)
        .ok()
        .and_then(|text| text.parse().ok())
        .filter(|fd| *fd >= 0)
        .ok_or_else(|| {
            format!("{RUN_FLAG} needs its request on the descriptor named by {FD_ENV}; openstack runs plugins so")
        })?;
    // SAFETY: `openstack` hands this descriptor to the plugin for its sole use (docs/plugins.md); nothing else in
    // this process knows it, so taking ownership (and closing it once read) cannot disturb other code.
    let mut pipe = unsafe { File::from_raw_fd(fd) };
    let mut bytes = Vec::new();
    pipe.read_to_end(&mut bytes)
        .map_err(|err| format!("could not read the request from descriptor {fd}: {err}"))?;
    drop(pipe);
    serde_json::from_slice(&bytes).map_err(|err| format!("invalid request: {err}"))
}

/// The manifest of a plugin: every command of every major version it declares (the default version's and the
/// supported versions').
pub fn manifest_of(plugin: &dyn Plugin) -> Manifest {
    let mut majors: Vec<String> = Vec::new();
    for version in plugin
        .default_version()
        .into_iter()
        .chain(plugin.supported_versions().iter().copied())
    {
        let major = major_version(version);
        if !majors.contains(&major) {
            majors.push(major);
        }
    }
    let commands: BTreeMap<String, Vec<CommandSpec>> = majors
        .into_iter()
        .map(|major| {
            let specs = plugin
                .commands(&major)
                .into_iter()
                .map(|(name, command)| CommandSpec {
                    description: command.description().to_owned(),
                    kind: command.kind(),
                    auth_required: command.auth_required(),
                    deprecated: command.deprecated(),
                    epilog: command.epilog().map(str::to_owned),
                    arguments: own_arguments(command.as_ref()),
                    name,
                    entry_point: None,
                    option_strings: String::new(),
                })
                .collect();
            (major, specs)
        })
        .collect();
    let option = plugin.version_option();
    let (module, version) = plugin.module();
    Manifest {
        protocol: PROTOCOL_VERSION,
        api_name: plugin.api_name().to_owned(),
        module: ModuleSpec {
            name: module.to_owned(),
            version: version.to_owned(),
        },
        dist: plugin.dist().map(str::to_owned),
        version_option: VersionOptionSpec {
            dest: option.dest,
            flag: option.flag,
            metavar: option.metavar,
            env: option.env,
            help: option.help,
            option_default: option.option_default,
        },
        default_version: plugin.default_version().map(str::to_owned),
        supported_versions: plugin
            .supported_versions()
            .iter()
            .map(|v| (*v).to_owned())
            .collect(),
        accept_any_version: plugin
            .default_version()
            .and_then(|v| plugin.check_version(v))
            .unwrap_or(false),
        commands,
        entry_point: None,
    }
}

/// A parser holding only what the command's `add_arguments` adds, serialized.
fn own_arguments(
    command: &dyn cliff::Command<ClientManager>,
) -> Option<Box<serde_json::value::RawValue>> {
    let mut parser = Parser::new("");
    command.add_arguments(&mut parser);
    serde_json::value::to_raw_value(&parser).ok()
}

/// Runs the requested command and wraps what it returned (or why it failed) as the answer.
pub fn answer(plugin: &dyn Plugin, request: &Request) -> Response {
    match run(plugin, request) {
        Ok(output) => Response {
            protocol: PROTOCOL_VERSION,
            output: Some(output),
            error: None,
        },
        Err(err) => Response {
            protocol: PROTOCOL_VERSION,
            output: None,
            error: Some(ErrorSpec::from_error(&err)),
        },
    }
}

fn run(plugin: &dyn Plugin, request: &Request) -> Result<Output> {
    if request.protocol > PROTOCOL_VERSION {
        return Err(Error::command(format!(
            "The {} plugin speaks plugin protocol {PROTOCOL_VERSION} and cannot answer a protocol {} request: upgrade the plugin",
            plugin.api_name(),
            request.protocol
        )));
    }
    let session = &request.session;
    cliff::logging::init(level_filter(&session.log_level));
    let version = session
        .api_versions
        .get(plugin.api_name())
        .map(String::as_str)
        .or(plugin.default_version())
        .unwrap_or("None");
    let major = major_version(version);
    let command = plugin
        .commands(&major)
        .into_iter()
        .find(|(name, _)| *name == request.command)
        .map(|(_, command)| command)
        .ok_or_else(|| {
            Error::command(format!(
                "The {} plugin has no command '{}' at API version {version}",
                plugin.api_name(),
                request.command
            ))
        })?;
    let settings = Settings {
        region_name: session.region_name.clone(),
        interface: session.interface.clone(),
        ..Settings::default()
    };
    let mut manager =
        ClientManager::with_transport(settings, Box::new(SessionTransport::new(session.clone())));
    for (api_name, version) in &session.api_versions {
        manager.set_api_version(api_name, version);
    }
    command.take_action(&mut manager, &request.args)
}

fn level_filter(name: &str) -> LevelFilter {
    match name {
        "debug" => LevelFilter::Debug,
        "info" => LevelFilter::Info,
        "error" | "critical" => LevelFilter::Error,
        _ => LevelFilter::Warn,
    }
}
