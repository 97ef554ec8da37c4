//! osc-lib's `OpenStackShell`: the cliff application that knows OpenStack. It adds the global options, reads the
//! cloud configuration, chooses each plugin's API version and registers that version's commands, authenticates
//! before commands that need it, and prints the `--timing` table afterwards.

use std::sync::Arc;

use cliff::app::AppInfo;
use cliff::{Application, Args, Command, CommandManager, Parser, Result};
use log::LevelFilter;

use crate::clientmanager::{ClientManager, Settings};
use crate::config::{CloudConfig, ConfigPaths, Environment};
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
    client_manager: ClientManager,
}

impl OpenStackShell {
    /// A shell over these plugins (built-in and external alike) and plain command groups.
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
            client_manager,
        }
    }

    fn version_options(&self) -> Vec<options::GlobalOption> {
        self.plugins
            .iter()
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
        if let Some(level) = cloud
            .debug()
            .filter(|debug| *debug)
            .map(|_| LevelFilter::Debug)
        {
            cliff::logging::set_console_level(level);
        }
        for plugin in &self.plugins {
            let option = plugin.version_option();
            let key = option.dest.strip_prefix("os_").unwrap_or(&option.dest);
            let version = cloud.api_version(key, plugin.default_version());
            self.client_manager
                .set_api_version(plugin.api_name(), &version);
            let accepted = plugin.check_version(&version).unwrap_or(false);
            let supported = plugin.supported_versions();
            if !accepted && !supported.is_empty() && !supported.contains(&version.as_str()) {
                let mut sorted: Vec<&str> = supported.to_vec();
                sorted.sort_unstable();
                log::warn!(
                    "{} API version {} is not in supported versions: {}",
                    plugin.api_name(),
                    version,
                    sorted.join(", ")
                );
            }
            let group = command_group(plugin.api_name(), &version);
            for (name, command) in plugin.commands(&major_version(&version)) {
                register(commands, &group, &name, command, plugin.dist());
            }
        }
        for group in &self.groups {
            for (name, command) in &group.commands {
                register(commands, &group.name, name, Arc::clone(command), None);
            }
        }
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
        for plugin in &self.plugins {
            let (module, version) = plugin.module();
            settings
                .modules
                .insert(module.to_owned(), version.to_owned());
        }
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
            self.client_manager.token()?;
        }
        Ok(())
    }

    fn context(&mut self) -> &mut ClientManager {
        &mut self.client_manager
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
