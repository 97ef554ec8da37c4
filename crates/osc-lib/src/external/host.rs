//! The `openstack` side: external plugins as [`Plugin`]s, their commands as [`Command`]s that run the executable.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use std::os::unix::process::ExitStatusExt;

use cliff::{
    Arg, Args, Command, CommandKind, CommandManager, Error, ErrorKind, Output, Parser, Result,
};
use log::Level;
use serde_json::Value as Json;

use super::answer::{answer_limit, parse_response, Problem};
use super::process::{self, describe_status, Finished};
use super::protocol::{
    BridgeRequest, CommandSpec, Manifest, Request, Session, Tls, TokenSpec,
    ENDPOINT_OVERRIDE_SUFFIX, PROTOCOL_VERSION,
};
use crate::clientmanager::ClientManager;
use crate::plugin::{command_group, major_version, Plugin, PluginCommand, VersionOption};

/// What an external plugin's commands share: where the executable is and how long it may take.
struct Executable {
    /// What messages name the plugin by: the executable, or for a Python plugin the interpreter and module.
    path: PathBuf,
    /// What runs: the executable, or the Python interpreter.
    program: PathBuf,
    /// Given before the mode flag: the Python bridge's `-c <script>`; none for an executable.
    args: Vec<String>,
    run_timeout: Option<Duration>,
    /// A Python plugin run through the bridge: its commands parse their own arguments.
    bridged: bool,
}

/// A plugin known from the manifest of an `openstack-<name>` executable.
pub struct ExternalPlugin {
    executable: Arc<Executable>,
    manifest: Manifest,
    supported_versions: Vec<&'static str>,
    asked_this_run: bool,
}

impl ExternalPlugin {
    /// A plugin from a checked manifest; its commands run `path`, killed after `run_timeout`.
    pub fn new(path: PathBuf, manifest: Manifest, run_timeout: Option<Duration>) -> Self {
        // `Plugin::supported_versions` lends `&[&str]`; plugins live as long as the process (they are created
        // once, at start-up), so leaking these few short strings is the simplest correct way to lend them.
        let supported_versions = manifest
            .supported_versions
            .iter()
            .map(|version| &*Box::leak(version.clone().into_boxed_str()))
            .collect();
        ExternalPlugin {
            executable: Arc::new(Executable {
                program: path.clone(),
                path,
                args: Vec::new(),
                run_timeout,
                bridged: false,
            }),
            manifest,
            supported_versions,
            asked_this_run: true,
        }
    }

    /// A Python plugin module brought in by the bridge (`external::python`): its commands run
    /// `<python> -c <bridge script> --osc-plugin-run` and parse their own arguments. `label` names it in messages.
    pub(crate) fn bridged(
        label: PathBuf,
        python: PathBuf,
        script: &str,
        manifest: Manifest,
        run_timeout: Option<Duration>,
    ) -> Self {
        let mut plugin = ExternalPlugin::new(label, manifest, run_timeout);
        let executable = Arc::get_mut(&mut plugin.executable);
        // The Arc was created just above and not shared yet, so `get_mut` always succeeds.
        if let Some(executable) = executable {
            executable.program = python;
            executable.args = vec!["-c".to_owned(), script.to_owned()];
            executable.bridged = true;
        }
        plugin
    }

    /// Whether this is a Python plugin run through the bridge.
    pub fn is_bridged(&self) -> bool {
        self.executable.bridged
    }

    /// Says whether the manifest was just asked for (true by default) or read from the cache.
    pub fn asked_this_run(mut self, asked: bool) -> Self {
        self.asked_this_run = asked;
        self
    }

    /// How loud a problem found in the manifest is: a warning when the manifest was just read (a new or changed
    /// plugin, a refreshed cache), else a note shown only with `-v`, so that a known problem does not repeat on
    /// every command.
    pub fn manifest_problem_level(&self) -> log::Level {
        if self.asked_this_run {
            log::Level::Warn
        } else {
            log::Level::Info
        }
    }

    /// The executable.
    pub fn path(&self) -> &Path {
        &self.executable.path
    }

    /// The manifest it printed.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }
}

impl Plugin for ExternalPlugin {
    fn api_name(&self) -> &str {
        &self.manifest.api_name
    }

    fn module(&self) -> (&str, &str) {
        (&self.manifest.module.name, &self.manifest.module.version)
    }

    fn dist(&self) -> Option<&str> {
        self.manifest.dist.as_deref()
    }

    fn version_option(&self) -> VersionOption {
        let option = &self.manifest.version_option;
        VersionOption {
            dest: option.dest.clone(),
            flag: option.flag.clone(),
            metavar: option.metavar.clone(),
            help: option.help.clone(),
            env: option.env.clone(),
            option_default: option.option_default.clone(),
        }
    }

    fn default_version(&self) -> Option<&str> {
        self.manifest.default_version.as_deref()
    }

    fn supported_versions(&self) -> &[&str] {
        &self.supported_versions
    }

    fn check_version(&self, _version: &str) -> Option<bool> {
        self.manifest.accept_any_version.then_some(true)
    }

    fn commands(&self, major: &str) -> Vec<(String, PluginCommand)> {
        self.manifest
            .commands
            .get(major)
            .map(|specs| {
                specs
                    .iter()
                    .map(|spec| {
                        let command: PluginCommand = Arc::new(ExternalCommand {
                            executable: Arc::clone(&self.executable),
                            spec: spec.clone(),
                            plugin_module: self.manifest.entry_point.clone(),
                        });
                        (spec.name.clone(), command)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Registers the commands of `plugin` at API `version` in its group (`openstack.<api>.v<major>`). A name that is
/// already registered (a built-in command, or an earlier plugin's) keeps its command, with a warning naming the
/// plugin: register built-ins first.
pub fn register_commands(
    commands: &mut CommandManager<ClientManager>,
    plugin: &ExternalPlugin,
    version: &str,
) {
    let group = command_group(plugin.api_name(), version);
    let major = major_version(version);
    let manifest = plugin.manifest();
    if !manifest.commands.is_empty() && !manifest.commands.contains_key(&major) {
        // python-openstackclient shows no command then, silently; a plugin author deserves to know why.
        let option = &manifest.version_option;
        let versions: Vec<&str> = manifest.commands.keys().map(String::as_str).collect();
        let hint = if manifest.default_version.is_none() && option.option_default.is_none() {
            " and no `default_version`"
        } else {
            ""
        };
        log::log!(
            plugin.manifest_problem_level(),
            "Plugin {} sent a manifest with commands for API versions {}{hint}; none for version '{version}': \
             choose one with {} or clouds.yaml `{}`",
            plugin.path().display(),
            versions.join(", "),
            if option.env.is_empty() {
                "the environment"
            } else {
                &option.env
            },
            option.dest.strip_prefix("os_").unwrap_or(&option.dest),
        );
    }
    for (name, command) in plugin.commands(&major) {
        // `contains` is a map lookup; the scan for the group happens only for a clash.
        let existing = commands
            .contains(&name)
            .then(|| {
                commands
                    .iter()
                    .find(|(existing, _)| *existing == name)
                    .map(|(_, entry)| entry.group.clone())
            })
            .flatten();
        match existing {
            Some(existing_group) => log::log!(
                plugin.manifest_problem_level(),
                "Plugin {}: command '{name}' is shadowed by the command of the same name in {}",
                plugin.path().display(),
                if existing_group.is_empty() {
                    "cliff"
                } else {
                    &existing_group
                }
            ),
            None => {
                commands.add(&group, &name, command, plugin.dist());
            }
        }
    }
}

/// A command of an external plugin: parsed by `openstack` from the manifest, run by the executable.
pub struct ExternalCommand {
    executable: Arc<Executable>,
    spec: CommandSpec,
    /// The Python bridge's plugin module (`osc_placement.plugin`).
    plugin_module: Option<String>,
}

impl ExternalCommand {
    /// The plugin executable that runs this command.
    pub fn path(&self) -> &Path {
        &self.executable.path
    }
}

impl Command<ClientManager> for ExternalCommand {
    fn description(&self) -> &str {
        &self.spec.description
    }

    fn kind(&self) -> CommandKind {
        self.spec.kind
    }

    fn auth_required(&self) -> bool {
        self.spec.auth_required
    }

    fn deprecated(&self) -> bool {
        self.spec.deprecated
    }

    fn epilog(&self) -> Option<&str> {
        self.spec.epilog.as_deref()
    }

    fn parses_own_arguments(&self) -> bool {
        self.executable.bridged
    }

    fn add_arguments(&self, parser: &mut Parser) {
        if self.executable.bridged {
            // Completion only: the Python side parses, so these need no more than their names.
            let known = parser.option_strings();
            for flag in self.spec.option_strings.split_whitespace() {
                if !known.iter().any(|k| k == flag) && flag.starts_with('-') {
                    parser.add(Arg::option(&[flag]));
                }
            }
            return;
        }
        let Some(arguments) = &self.spec.arguments else {
            return;
        };
        // Discovery refuses manifests whose parsers do not deserialize, so this fails only on a tampered cache.
        match serde_json::from_str::<Parser>(arguments.get()) {
            Ok(own) => parser.extend(&own),
            Err(err) => log::error!(
                "Plugin {}: arguments of '{}' are unreadable: {err}",
                self.path().display(),
                self.spec.name
            ),
        }
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let bridge = self.executable.bridged.then(|| self.bridge_request(args));
        // `help <command>` needs no token (OSC's `help` authenticates nothing); `<command> --help` does as OSC:
        // its shell authenticates before the command's parser runs.
        let auth = self.spec.auth_required && !args.flag(cliff::command::RAW_HELP);
        let request = Request {
            protocol: PROTOCOL_VERSION,
            command: self.spec.name.clone(),
            args: if bridge.is_some() {
                Args::default()
            } else {
                args.clone()
            },
            session: session_for(ctx, auth)?,
            bridge,
        };
        let bytes = serde_json::to_vec(&request)
            .map_err(|err| self.failure(&format!("could not be sent its request ({err})")))?;
        let executable = &self.executable;
        let finished =
            process::spawn_run(&executable.program, &executable.args, bytes, answer_limit())
                .and_then(|running| running.wait(self.executable.run_timeout))
                .map_err(|problem| self.failure(&problem))?;
        if finished.interrupted || finished.status.signal() == Some(libc::SIGINT) {
            // Ctrl-C, or SIGINT sent to the plugin alone: an interrupted command, silent like OSC's
            // KeyboardInterrupt, whatever the plugin managed to answer.
            return Err(Error {
                kind: ErrorKind::Interrupted,
                message: String::new(),
                detail: None,
            });
        }
        read_answer(&finished).map_err(|problem| match problem {
            Answer::Failed(err) => err,
            Answer::Broken(problem) => self.failure(&problem),
        })
    }
}

impl ExternalCommand {
    /// What the Python bridge needs besides the session: the words as typed, and where the command is.
    fn bridge_request(&self, args: &Args) -> BridgeRequest {
        BridgeRequest {
            argv: args.strings(cliff::command::RAW_ARGV),
            prog: args
                .str(cliff::command::RAW_PROG)
                .unwrap_or_default()
                .to_owned(),
            entry_point: self.spec.entry_point.clone().unwrap_or_default(),
            plugin_module: self.plugin_module.clone(),
            columns: cliff::terminal::help_columns(),
            terminal_width: cliff::terminal::stdout_width(),
        }
    }

    fn failure(&self, problem: &str) -> Error {
        Error::command(format!(
            "Plugin {} {problem}",
            self.executable.path.display()
        ))
    }
}

/// Why a run gave no output.
enum Answer {
    /// The plugin reported an error: shown as it is.
    Failed(Error),
    /// The plugin broke the protocol: completes "Plugin <path> ...".
    Broken(String),
}

/// Reads the plugin's answer; a crash or an exit without answer is described with the exit status.
fn read_answer(
    finished: &Finished<std::result::Result<Vec<u8>, Problem>>,
) -> std::result::Result<Output, Answer> {
    let status = finished.status;
    // Ended well, or ended because the answer was refused (killed by us, or by SIGPIPE once its stdout was
    // closed): the answer is at fault, not a crash.
    let answer_at_fault =
        status.success() || matches!(status.signal(), Some(libc::SIGKILL | libc::SIGPIPE));
    let parsed = match &finished.stdout {
        Ok(text) => parse_response(text),
        Err(problem) => Err(problem.clone()),
    };
    let response = match &parsed {
        Ok(Some(response)) => response,
        Ok(None) => {
            return Err(Answer::Broken(if status.success() {
                "answered nothing".to_owned()
            } else {
                describe_status(status)
            }))
        }
        Err(Problem::Truncated(problem)) => {
            return Err(Answer::Broken(if status.success() {
                format!("sent an invalid answer ({problem})")
            } else {
                describe_status(status)
            }))
        }
        Err(Problem::Invalid(problem)) => {
            return Err(Answer::Broken(if answer_at_fault {
                format!("sent an invalid answer ({problem})")
            } else {
                describe_status(status)
            }))
        }
        Err(Problem::TooLarge(limit)) => {
            return Err(Answer::Broken(format!(
                "sent an answer larger than {limit} bytes (OSC_PLUGIN_ANSWER_LIMIT)"
            )))
        }
        Err(Problem::Protocol(problem)) => return Err(Answer::Broken(problem.clone())),
        Err(Problem::Read(err)) => return Err(Answer::Broken(format!("could not be read: {err}"))),
    };
    match (&response.output, &response.error) {
        (_, Some(error)) => Err(Answer::Failed(error.to_error())),
        (Some(output), None) => {
            check_output(output).map_err(Answer::Broken)?;
            Ok(output.clone())
        }
        (None, None) => Err(Answer::Broken(
            "sent an answer with neither output nor error".to_owned(),
        )),
    }
}

/// Refuses outputs whose shape does not hold together: every list row as long as the columns, one value per
/// field of a show.
fn check_output(output: &Output) -> std::result::Result<(), String> {
    match output {
        Output::List { columns, rows } => {
            match rows.iter().position(|row| row.len() != columns.len()) {
                Some(index) => Err(format!(
                    "sent a list whose row {} has {} values for {} columns",
                    index + 1,
                    rows[index].len(),
                    columns.len()
                )),
                None => Ok(()),
            }
        }
        Output::Show { fields, values } if fields.len() != values.len() => Err(format!(
            "sent a show answer with {} values for {} fields",
            values.len(),
            fields.len()
        )),
        _ => Ok(()),
    }
}

/// The session a command gets: the token only when it needs authentication.
fn session_for(ctx: &mut ClientManager, auth_required: bool) -> Result<Session> {
    let token = if auth_required {
        let token = ctx.token()?;
        let expires_at = token
            .body
            .pointer("/token/expires_at")
            .and_then(Json::as_str)
            .map(str::to_owned);
        Some(TokenSpec {
            id: token.id,
            expires_at,
            body: token.body,
        })
    } else {
        None
    };
    let settings = &ctx.settings;
    let cloud = settings.cloud.as_ref();
    let tls = match cloud {
        Some(cloud) => Tls {
            verify: cloud.verify(),
            cacert: cloud.cacert(),
            cert: cloud.cert(),
            key: cloud.key(),
        },
        None => Tls::default(),
    };
    // Sent under the configuration's own spelling; the plugin looks them up by service type and alias.
    let endpoint_overrides = cloud
        .map(|cloud| {
            cloud
                .config()
                .iter()
                .filter_map(|(key, value)| {
                    let service = key.strip_suffix(ENDPOINT_OVERRIDE_SUFFIX)?;
                    let url = value.as_str().filter(|url| !url.is_empty())?;
                    Some((service.to_owned(), url.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default();
    let timeout = cloud.and_then(|cloud| cloud.timeout());
    // Auth types without a catalog use one endpoint for every service (`--os-endpoint`).
    let endpoint = cloud
        .filter(|cloud| matches!(cloud.auth_type(), Some("admin_token" | "none")))
        .and_then(|cloud| cloud.auth_str("endpoint").or(cloud.get_str("endpoint")))
        .map(str::to_owned);
    let api_versions = ctx
        .api_versions()
        .map(|(name, version)| (name.to_owned(), version.to_owned()))
        .collect();
    Ok(Session {
        token,
        region_name: settings.region_name.clone().filter(|r| !r.is_empty()),
        interface: if settings.interface.is_empty() {
            "public".to_owned()
        } else {
            settings.interface.clone()
        },
        tls,
        api_versions,
        endpoint,
        endpoint_overrides,
        timeout,
        log_level: console_level().to_owned(),
    })
}

/// The console level the framework's logger shows, in Python's words.
fn console_level() -> &'static str {
    let shows =
        |level: Level| log::logger().enabled(&log::Metadata::builder().level(level).build());
    if shows(Level::Debug) {
        "debug"
    } else if shows(Level::Info) {
        "info"
    } else if shows(Level::Warn) {
        "warning"
    } else {
        "error"
    }
}
