//! osc-lib's `OpenStackShell`: the cliff application that knows OpenStack. It adds the global options, reads the
//! cloud configuration, chooses each plugin's API version and registers that version's commands, authenticates
//! before commands that need it, and prints the `--timing` table afterwards.

use std::sync::Arc;

use cliff::app::AppInfo;
use cliff::{Application, ArgValue, Args, Command, CommandManager, Output, Parser, Result, Value};
use log::LevelFilter;

use crate::clientmanager::{ClientManager, Settings, Transport};
use crate::config::{CloudConfig, ConfigPaths, Environment};
use crate::connect::connect;
use crate::external::{self, Discovery, ExternalPlugin};
use crate::name_cache::NameCache;
use crate::options;
use crate::plugin::{command_group, major_version, Plugin, PluginCommand};

/// A group of commands that is not a plugin's (OSC's `openstack.cli` and `openstack.common`).
pub struct CommandGroup {
    /// The group name shown by `command list`.
    pub name: String,
    /// Its commands.
    pub commands: Vec<(String, PluginCommand)>,
}

/// The `openstack` application: plugins in, a cliff application out.
pub struct OpenStackShell {
    info: AppInfo,
    env: Environment,
    plugins: Vec<Arc<dyn Plugin>>,
    groups: Vec<CommandGroup>,
    external: Option<Discovery>,
    client_manager: ClientManager,
    timing: bool,
    debug: bool,
}

impl OpenStackShell {
    /// A shell over these built-in plugins and plain command groups (external plugins: [`Self::with_external`]).
    pub fn new(info: AppInfo, plugins: Vec<Arc<dyn Plugin>>, groups: Vec<CommandGroup>) -> Self {
        let client_manager = ClientManager::new(
            Settings::default(),
            Box::new(|| Err(cliff::Error::command("The cloud is not configured"))),
        );
        OpenStackShell {
            info,
            env: Environment::from_process(),
            plugins,
            groups,
            external: None,
            client_manager,
            timing: false,
            debug: false,
        }
    }

    /// Adds the external plugins found by [`external::discover`]. Their commands are registered after every
    /// built-in one and never replace one (a warning names the plugin instead).
    pub fn with_external(mut self, mut discovery: Discovery) -> Self {
        // A plugin for an API that is built in (an `openstack-mistral` beside the linked Mistral plugin) is
        // shadowed whole: its version option and commands would only collide with the built-in ones.
        let builtin: Vec<&str> = self
            .plugins
            .iter()
            .map(|plugin| plugin.api_name())
            .collect();
        let mut shadowed = Vec::new();
        discovery.plugins.retain(|plugin| {
            let keep = !builtin.contains(&plugin.api_name());
            if !keep {
                shadowed.push((
                    plugin.manifest_problem_level(),
                    format!(
                        "Plugin {} provides the {} API, which is built in: the built-in commands are used",
                        plugin.path().display(),
                        plugin.api_name()
                    ),
                ));
            }
            keep
        });
        discovery.messages.extend(shadowed);
        self.external = Some(discovery);
        self
    }

    fn external_plugins(&self) -> &[Arc<ExternalPlugin>] {
        self.external
            .as_ref()
            .map_or(&[], |discovery| discovery.plugins.as_slice())
    }

    /// Every plugin, built-in ones first.
    fn all_plugins(&self) -> impl Iterator<Item = &dyn Plugin> {
        self.plugins.iter().map(|plugin| plugin.as_ref()).chain(
            self.external_plugins()
                .iter()
                .map(|p| p.as_ref() as &dyn Plugin),
        )
    }

    fn version_options(&self) -> Vec<options::GlobalOption> {
        self.all_plugins()
            .filter_map(|plugin| {
                let option = plugin.version_option();
                let flag = option.flag.as_deref()?;
                Some(options::api_version_option(
                    flag,
                    &option.metavar,
                    &option.env,
                    option.option_default.as_deref(),
                    &option.help,
                    &self.env,
                ))
            })
            .collect()
    }
}

impl Application for OpenStackShell {
    type Context = ClientManager;

    fn info(&self) -> &AppInfo {
        &self.info
    }

    fn add_global_options(&self, parser: &mut Parser) {
        options::add_to_parser(
            parser,
            &options::global_options(&self.env, self.version_options()),
        );
    }

    fn initialize(
        &mut self,
        options: &Args,
        _remainder: &[String],
        commands: &mut CommandManager<ClientManager>,
    ) -> Result<()> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let cloud = CloudConfig::load(options, &self.env, &ConfigPaths::standard(&self.env, &cwd))?;
        self.timing = options.flag("timing");
        self.debug = options.flag(cliff::app::dest::DEBUG);
        let mut session_cloud = cloud.clone();
        self.client_manager = ClientManager::new(
            Settings::default(),
            Box::new(move || Ok(Box::new(connect(&mut session_cloud)?) as Box<dyn Transport>)),
        );
        if let Some(level) = cloud
            .debug()
            .filter(|debug| *debug)
            .map(|_| LevelFilter::Debug)
        {
            cliff::logging::set_console_level(level);
        }
        for plugin in &self.plugins {
            let version = choose_version(&cloud, plugin.as_ref());
            self.client_manager
                .set_api_version(plugin.api_name(), &version);
            let group = command_group(plugin.api_name(), &version);
            for (name, command) in plugin.commands(&major_version(&version)) {
                register(commands, &group, &name, command, plugin.dist());
            }
            for (extension, extension_commands) in plugin.extensions(&major_version(&version)) {
                let group = format!("{group}.{extension}");
                for (name, command) in extension_commands {
                    register(commands, &group, &name, command, plugin.dist());
                }
            }
        }
        for group in &self.groups {
            for (name, command) in &group.commands {
                register(commands, &group.name, name, Arc::clone(command), None);
            }
        }
        if let Some(discovery) = &self.external {
            discovery.log_messages();
            for plugin in &discovery.plugins {
                let version = choose_version(&cloud, plugin.as_ref());
                self.client_manager
                    .set_api_version(plugin.api_name(), &version);
                external::register_commands(commands, plugin, &version);
            }
        }
        let modules: Vec<(String, String)> = self
            .all_plugins()
            .map(|plugin| {
                let (module, version) = plugin.module();
                (module.to_owned(), version.to_owned())
            })
            .collect();
        let settings = &mut self.client_manager.settings;
        for (name, entry) in commands.iter() {
            if !entry.group.is_empty() {
                settings
                    .command_groups
                    .entry(entry.group.clone())
                    .or_default()
                    .push(name.to_owned());
            }
        }
        settings.modules.extend(modules);
        settings.region_name = cloud.region_name().map(str::to_owned);
        settings.interface = cloud.interface().unwrap_or("public").to_owned();
        settings.cloud = Some(cloud);
        Ok(())
    }

    fn prepare_to_run_command(
        &mut self,
        _name: &str,
        command: &dyn Command<ClientManager>,
    ) -> Result<()> {
        if command.auth_required() {
            // osc-lib's `setup_auth`, then its eager `auth_ref`, which auth type `none` does not have: no token,
            // and no error until a command asks for one (`token issue`).
            self.client_manager.connect()?;
            let auth_type = self
                .client_manager
                .settings
                .cloud
                .as_ref()
                .and_then(|cloud| cloud.auth_type());
            if auth_type != Some("none") {
                self.client_manager.token()?;
            }
        }
        Ok(())
    }

    fn context(&mut self) -> &mut ClientManager {
        &mut self.client_manager
    }

    /// osc-lib's `--timing`: after the output, a blank line and the `URL`/`Seconds` table (csv when the command
    /// used another formatter than table).
    fn clean_up(
        &mut self,
        _name: &str,
        args: Option<&Args>,
        _result: &Result<i32>,
    ) -> Option<String> {
        if !self.timing {
            return None;
        }
        if !self.client_manager.is_connected() {
            // osc-lib reads the timings from `client_manager.session`, which only exists once the auth options were
            // validated: commands that need no cloud (and those that failed validation) end with cliff's clean-up
            // error and no table.
            let message = "'ClientManager' object has no attribute 'session'";
            if self.debug {
                log::error!("{message}");
            } else {
                log::error!("Could not clean up: {message}");
            }
            return None;
        }
        let format = match args.and_then(|a| a.str("formatter")) {
            Some(f) if f != "table" => "csv",
            _ => "table",
        };
        let mut total = 0.0;
        let mut rows: Vec<Vec<Value>> = Vec::new();
        for (method, url, seconds) in self.client_manager.timings() {
            total += seconds;
            rows.push(vec![
                Value::Str(format!("{method} {url}")),
                Value::Float(seconds),
            ]);
        }
        rows.push(vec![Value::Str("Total".to_owned()), Value::Float(total)]);
        let mut parser = Parser::new("Timing");
        cliff::format::add_list_arguments(&mut parser);
        let timing_args = parser
            .parse_args(&["-f".to_owned(), format.to_owned()])
            .ok()?;
        let output = Output::List {
            columns: vec!["URL".to_owned(), "Seconds".to_owned()],
            rows,
        };
        let terminal = cliff::format::Terminal::from_env(
            cliff::terminal::stdout_is_tty(),
            cliff::terminal::stdout_width(),
        )
        .ok()?;
        let table = cliff::format::render(&output, &timing_args, terminal).ok()?;
        Some(format!("\n{table}"))
    }

    /// Remembers the names and IDs a `list`, `show`, `create` or `set` printed, and forgets those a `delete` was
    /// given, for completion ([`crate::name_cache`]).
    fn command_output(&mut self, name: &str, args: &Args, output: &Output) {
        let Some((object, verb)) = name.rsplit_once(' ') else {
            return;
        };
        let (seen, gone) = match (verb, output) {
            ("list", Output::List { columns, rows }) => {
                let wanted: Vec<usize> = columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.eq_ignore_ascii_case("name") || c.eq_ignore_ascii_case("id"))
                    .map(|(i, _)| i)
                    .collect();
                let seen = rows
                    .iter()
                    .flat_map(|row| {
                        wanted
                            .iter()
                            .filter_map(|i| row.get(*i).and_then(plain_text))
                    })
                    .collect();
                (seen, Vec::new())
            }
            ("show" | "create" | "set", Output::Show { fields, values }) => {
                let seen = fields
                    .iter()
                    .zip(values)
                    .filter(|(f, _)| f.eq_ignore_ascii_case("name") || f.eq_ignore_ascii_case("id"))
                    .filter_map(|(_, v)| plain_text(v))
                    .collect();
                (seen, Vec::new())
            }
            // The items a delete was given (list-valued arguments: its positionals), whether found or not.
            ("delete", _) => {
                let gone = args
                    .values
                    .values()
                    .filter_map(|v| match v {
                        ArgValue::List(items) => Some(items),
                        _ => None,
                    })
                    .flatten()
                    .filter_map(|v| match v {
                        ArgValue::Str(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect();
                (Vec::new(), gone)
            }
            _ => return,
        };
        let (Some(cache), Some(cloud)) = (
            NameCache::default_dir(),
            self.client_manager.settings.cloud.as_ref(),
        ) else {
            return;
        };
        if let Err(err) = NameCache::new(cache).update(&names_key(cloud), object, &seen, &gone) {
            log::debug!("Could not update the name cache: {err}");
        }
    }

    /// `OSC_RS_STREAM=0` (or `false`, `no`, `off`) prints every list only once it is complete.
    fn stream_lists(&self) -> bool {
        !crate::name_cache::turned_off("OSC_RS_STREAM")
    }

    /// A streamed list records its names as its rows pass (see `command_output` for a buffered one).
    fn row_observer(&mut self, name: &str, _args: &Args) -> Option<Box<dyn cliff::RowObserver>> {
        let (object, "list") = name.rsplit_once(' ')? else {
            return None;
        };
        let dir = NameCache::default_dir()?;
        let cloud = names_key(self.client_manager.settings.cloud.as_ref()?);
        Some(Box::new(crate::name_observer::NameObserver::new(
            dir, cloud, object,
        )))
    }

    /// The cached names and IDs of the object a metavar stands for (`<project>`), for dynamic completion.
    fn complete_values(&mut self, what: &str) -> Vec<String> {
        let (Some(object), Some(cache), Some(cloud)) = (
            crate::name_cache::object_of_metavar(what),
            NameCache::default_dir(),
            self.client_manager.settings.cloud.as_ref(),
        ) else {
            return Vec::new();
        };
        NameCache::new(cache)
            .load(&names_key(cloud))
            .remove(&object)
            .unwrap_or_default()
    }

    /// osc-lib's levels: none → WARNING, `-v` → INFO, `-vv` → DEBUG, `-q` → ERROR; `--debug` → DEBUG.
    fn log_level(&self, verbose_level: i64, debug: bool) -> LevelFilter {
        if debug {
            return LevelFilter::Debug;
        }
        match verbose_level {
            0 => LevelFilter::Error,
            1 => LevelFilter::Warn,
            2 => LevelFilter::Info,
            _ => LevelFilter::Debug,
        }
    }
}

/// The name cache's key of a cloud: its non-secret identity (auth URL, user, scope, region), hashed.
fn names_key(cloud: &CloudConfig) -> String {
    const SECRET: &[&str] = &[
        "password",
        "token",
        "application_credential_secret",
        "passcode",
        "client_secret",
    ];
    let mut identity = format!("cloud={}\n", cloud.name());
    for (key, value) in cloud.auth() {
        if !SECRET.contains(&key.as_str()) {
            identity.push_str(&format!("{key}={value}\n"));
        }
    }
    identity.push_str(&format!("region={}", cloud.region_name().unwrap_or("")));
    crate::token_cache::cache_key(&identity)
}

/// A value as the text a user would type for it (a name or an ID); `None` for what is not plain text.
pub(crate) fn plain_text(value: &Value) -> Option<String> {
    match value {
        Value::Str(s) if !s.is_empty() => Some(s.clone()),
        Value::Column { machine, .. } => plain_text(machine),
        _ => None,
    }
}

/// A plugin's API version as python-openstackclient chooses it (option, environment, clouds.yaml, then the
/// plugin's default), with OSC's warning when the plugin does not list it as supported.
fn choose_version(cloud: &CloudConfig, plugin: &dyn Plugin) -> String {
    let option = plugin.version_option();
    let key = option.dest.strip_prefix("os_").unwrap_or(&option.dest);
    let version = cloud.api_version(key, plugin.default_version());
    let accepted = plugin.check_version(&version).unwrap_or(false);
    let supported = plugin.supported_versions();
    if !accepted && !supported.is_empty() && !supported.contains(&version.as_str()) {
        // OSC sorts them as numbers (`key=lambda s: list(map(int, s.split('.')))`): 1.2 before 1.10.
        let mut sorted: Vec<&str> = supported.to_vec();
        sorted.sort_by_key(|v| {
            v.split('.')
                .map(|part| part.parse::<u64>().unwrap_or(u64::MAX))
                .collect::<Vec<_>>()
        });
        log::warn!(
            "{} API version {} is not in supported versions: {}",
            plugin.api_name(),
            version,
            sorted.join(", ")
        );
    }
    version
}

/// Registers a command; a second registration of a name replaces the first, with cliff's warning.
fn register(
    commands: &mut CommandManager<ClientManager>,
    group: &str,
    name: &str,
    command: PluginCommand,
    dist: Option<&str>,
) {
    if let Some(previous) = commands.add(group, name, command, dist) {
        log::warn!("found duplicate implementations of the '{name}' command in the following groups: {}, {group}", previous.group);
    }
}
