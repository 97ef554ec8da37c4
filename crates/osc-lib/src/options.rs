//! The global options osc-lib and python-openstackclient add to the `openstack` parser, with OSC's flags,
//! metavars, dests, help texts, environment defaults, mutually exclusive groups and hidden options, plus our
//! token-cache switch.
//!
//! Full option order of `openstack --help` (each function returns its options in order):
//! 1. cliff's own options, added by the framework: `--version`, `-v`/`-q`, `--log-file`, `-h`, `--debug`;
//! 2. [`osc_lib_options`] (osc-lib `OpenStackShell.build_option_parser`);
//! 3. one [`api_version_option`] per plugin, in plugin order (OSC `clientmanager.build_plugin_option_parser`;
//!    a plugin may add other options of its own at this point);
//! 4. [`auth_options`] (osc-lib `auth.build_auth_plugins_option_parser`);
//! 5. [`token_cache_options`] (ours; OSC has no token cache).
//!
//! [`global_options`] concatenates 2–5 and [`add_to_parser`] adds a list to a parser. Defaults are read from the
//! environment when the options are built, as osc-lib's `utils.env()` does: an empty variable counts as unset.
//!
//! Lists 2 and 4 were checked attribute by attribute (flag, dest, action, metavar, default, choices, help,
//! mutually exclusive group, suppression) against the argparse actions of python-openstackclient 10.5.0's
//! parser run with `PYTHONHASHSEED=0`, with and without `OS_*` variables set.
//!
//! Token cache: on by default; `--no-token-cache` turns it off for one command, `OSC_TOKEN_CACHE=0` (or `false`,
//! `no`, `off`) for a shell, and `cache: {auth: false}` at the top level of clouds.yaml for a user (the key
//! openstacksdk uses for its own keyring cache). The variable deliberately does not start with `OS_`: openstacksdk
//! turns every `OS_*` variable into a setting of the environment cloud, and merely setting one would select that
//! cloud instead of the only cloud in clouds.yaml. [`crate::config::CloudConfig::cache_auth`] combines the three.

use cliff::argparse::{Action, Arg, ArgValue, MutexId, Parser};

use crate::config::plugins::PLUGINS;
use crate::config::Environment;

/// The dest of `--no-token-cache`.
pub const NO_TOKEN_CACHE_DEST: &str = "no_token_cache";

/// The environment variable that turns the token cache off when `0`, `false`, `no` or `off`.
pub const TOKEN_CACHE_ENV: &str = "OSC_TOKEN_CACHE";

/// How an option stores what it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionAction {
    /// Takes one value (argparse `store`).
    Store,
    /// A flag (argparse `store_true`).
    StoreTrue,
}

/// One global option, described without touching the parser (so it can be inspected and tested).
#[derive(Debug, Clone, PartialEq)]
pub struct GlobalOption {
    /// The single flag (`--os-cloud`).
    pub flag: String,
    /// Namespace key (`cloud`).
    pub dest: String,
    /// Store a value or act as a flag.
    pub action: OptionAction,
    /// Metavar (`<cloud-config-name>`); `None` for flags.
    pub metavar: Option<String>,
    /// The value when the option is not given (from the environment, as osc-lib computes it).
    pub default: ArgValue,
    /// Allowed values.
    pub choices: Option<Vec<String>>,
    /// Help text exactly as osc-lib passes it to argparse (argparse collapses its whitespace).
    pub help: String,
    /// `help=argparse.SUPPRESS`.
    pub hidden: bool,
    /// Options with the same name here form one mutually exclusive group, created where its first option appears.
    pub mutex: Option<&'static str>,
}

impl GlobalOption {
    fn store(flag: &str, metavar: &str, dest: &str, default: Option<&str>, help: &str) -> Self {
        GlobalOption {
            flag: flag.to_owned(),
            dest: dest.to_owned(),
            action: OptionAction::Store,
            metavar: Some(metavar.to_owned()),
            default: default.map_or(ArgValue::Null, |d| ArgValue::Str(d.to_owned())),
            choices: None,
            help: help.to_owned(),
            hidden: false,
            mutex: None,
        }
    }

    fn flag(flag: &str, dest: &str, default: ArgValue, help: &str) -> Self {
        GlobalOption {
            flag: flag.to_owned(),
            dest: dest.to_owned(),
            action: OptionAction::StoreTrue,
            metavar: None,
            default,
            choices: None,
            help: help.to_owned(),
            hidden: false,
            mutex: None,
        }
    }

    fn in_mutex(mut self, group: &'static str) -> Self {
        self.mutex = Some(group);
        self
    }

    /// The argparse argument for this option.
    pub fn to_arg(&self) -> Arg {
        let mut arg = Arg::option(&[self.flag.as_str()]).dest(&self.dest);
        if self.action == OptionAction::StoreTrue {
            arg = arg.action(Action::StoreTrue);
        }
        arg = arg.default(self.default.clone());
        if self.action == OptionAction::StoreTrue && self.default == ArgValue::Null {
            // osc-lib writes `default=None` for these (`--verify`, `--insecure`): absent stays None.
            arg = arg.default_none();
        }
        if let Some(metavar) = &self.metavar {
            arg = arg.metavar(metavar);
        }
        if let Some(choices) = &self.choices {
            let choices: Vec<&str> = choices.iter().map(String::as_str).collect();
            arg = arg.choices(&choices);
        }
        if self.hidden {
            arg.hidden()
        } else {
            arg.help(&self.help)
        }
    }
}

/// Adds options to the parser in order, creating each mutually exclusive group at its first option.
pub fn add_to_parser(parser: &mut Parser, options: &[GlobalOption]) {
    let mut groups: Vec<(&'static str, MutexId)> = Vec::new();
    for option in options {
        match option.mutex {
            None => {
                parser.add(option.to_arg());
            }
            Some(name) => {
                let id = match groups.iter().find(|(n, _)| *n == name) {
                    Some((_, id)) => *id,
                    None => {
                        let id = parser.add_mutex(None, false);
                        groups.push((name, id));
                        id
                    }
                };
                parser.add_to_mutex(id, option.to_arg());
            }
        }
    }
}

/// osc-lib's own global options (`--os-cloud` ... `--os-beta-command`). `--os-profile` is left out: osc-lib adds it
/// only when osprofiler is installed, and the reference installation has none.
pub fn osc_lib_options(env: &Environment) -> Vec<GlobalOption> {
    let from_env = |var: &str| env.non_empty(var).map(str::to_owned);
    let store = |flag: &str, metavar: &str, dest: &str, var: &str, help: &str| {
        GlobalOption::store(flag, metavar, dest, from_env(var).as_deref(), help)
    };
    let mut interface = store(
        "--os-interface",
        "<interface>",
        "interface",
        "OS_INTERFACE",
        "Select an interface type. Valid interface types: [admin, public, internal]. default=public, (Env: \
         OS_INTERFACE)",
    );
    interface.choices = Some(vec!["admin".into(), "public".into(), "internal".into()]);
    vec![
        store(
            "--os-cloud",
            "<cloud-config-name>",
            "cloud",
            "OS_CLOUD",
            "Cloud name in clouds.yaml (Env: OS_CLOUD)",
        ),
        store(
            "--os-region-name",
            "<auth-region-name>",
            "region_name",
            "OS_REGION_NAME",
            "Authentication region name (Env: OS_REGION_NAME)",
        ),
        store(
            "--os-cacert",
            "<ca-bundle-file>",
            "cacert",
            "OS_CACERT",
            "CA certificate bundle file (Env: OS_CACERT)",
        ),
        store(
            "--os-cert",
            "<certificate-file>",
            "cert",
            "OS_CERT",
            "Client certificate bundle file (Env: OS_CERT)",
        ),
        store(
            "--os-key",
            "<key-file>",
            "key",
            "OS_KEY",
            "Client certificate key file (Env: OS_KEY)",
        ),
        GlobalOption::flag(
            "--verify",
            "verify",
            ArgValue::Null,
            "Verify server certificate (default)",
        )
        .in_mutex("verify"),
        GlobalOption::flag(
            "--insecure",
            "insecure",
            ArgValue::Null,
            "Disable server certificate verification",
        )
        .in_mutex("verify"),
        GlobalOption::store(
            "--os-default-domain",
            "<auth-domain>",
            "default_domain",
            Some(env.non_empty("OS_DEFAULT_DOMAIN").unwrap_or("default")),
            "Default domain ID, default=default. (Env: OS_DEFAULT_DOMAIN)",
        ),
        interface,
        store(
            "--os-service-provider",
            "<service_provider>",
            "service_provider",
            "OS_SERVICE_PROVIDER",
            "Authenticate with and perform the command on a service provider using Keystone-to-keystone \
             federation. Must also specify the remote project option.",
        ),
        store(
            "--os-remote-project-name",
            "<remote_project_name>",
            "remote_project_name",
            "OS_REMOTE_PROJECT_NAME",
            "Project name when authenticating to a service provider if using Keystone-to-Keystone federation.",
        )
        .in_mutex("remote_project"),
        store(
            "--os-remote-project-id",
            "<remote_project_id>",
            "remote_project_id",
            "OS_REMOTE_PROJECT_ID",
            "Project ID when authenticating to a service provider if using Keystone-to-Keystone federation.",
        )
        .in_mutex("remote_project"),
        store(
            "--os-remote-project-domain-name",
            "<remote_project_domain_name>",
            "remote_project_domain_name",
            "OS_REMOTE_PROJECT_DOMAIN_NAME",
            "Domain name of the project when authenticating to a service provider if using Keystone-to-Keystone \
             federation.",
        )
        .in_mutex("remote_project_domain"),
        store(
            "--os-remote-project-domain-id",
            "<remote_project_domain_id>",
            "remote_project_domain_id",
            "OS_REMOTE_PROJECT_DOMAIN_ID",
            "Domain ID of the project when authenticating to a service provider if using Keystone-to-Keystone \
             federation.",
        )
        .in_mutex("remote_project_domain"),
        GlobalOption::flag(
            "--timing",
            "timing",
            ArgValue::Bool(false),
            "Print API call timing info",
        ),
        GlobalOption::flag(
            "--os-beta-command",
            "os_beta_command",
            ArgValue::Bool(false),
            "Enable beta commands which are subject to change",
        ),
    ]
}

/// A plugin's `--os-<api>-api-version` option, as plugin modules write it:
/// `parser.add_argument(flag, metavar=metavar, default=utils.env(env_var, default=default), help=help)`.
///
/// python-openstackclient's own plugins pass no `default` (their `DEFAULT_API_VERSION` is applied later, from
/// the cloud configuration); python-mistralclient passes its default here, so it shows in `configuration show`.
pub fn api_version_option(
    flag: &str,
    metavar: &str,
    env_var: &str,
    default: Option<&str>,
    help: &str,
    env: &Environment,
) -> GlobalOption {
    let dest = flag.trim_start_matches('-').replace('-', "_");
    GlobalOption::store(
        flag,
        metavar,
        &dest,
        env.non_empty(env_var).or(default),
        help,
    )
}

/// keystoneauth's auth options: `--os-auth-type`, then `--os-<option>` for every option of every plugin (help
/// `With <plugin>: <help>` for each plugin that has it, then `(Env: OS_<OPTION>)`), then the hidden
/// `--os-tenant-name` and `--os-tenant-id`. Plugin order: see [`crate::config::plugins`].
pub fn auth_options(env: &Environment) -> Vec<GlobalOption> {
    let names: Vec<&str> = PLUGINS.iter().map(|p| p.name).collect();
    let mut auth_type = GlobalOption::store(
        "--os-auth-type",
        "<auth-type>",
        "auth_type",
        env.non_empty("OS_AUTH_TYPE"),
        &format!(
            "Select an authentication type. Available types: {}. Default: selected based on \
             --os-username/--os-token (Env: OS_AUTH_TYPE)",
            names.join(", ")
        ),
    );
    auth_type.choices = Some(names.iter().map(|n| (*n).to_owned()).collect());
    let mut options = vec![auth_type];

    // osc-lib's OPTIONS_LIST: one entry per option name, help texts concatenated in plugin order.
    let mut merged: Vec<(String, String)> = Vec::new();
    for plugin in PLUGINS {
        for opt in plugin.options {
            let os_name = opt.name.to_lowercase().replace('_', "-");
            let line = format!("With {}: {}\n", plugin.name, opt.help);
            match merged.iter_mut().find(|(name, _)| *name == os_name) {
                Some((_, help)) => help.push_str(&line),
                None => merged.push((os_name, line)),
            }
        }
    }
    // Old tenant variables still feed the project options.
    let project_name = env
        .non_empty("OS_PROJECT_NAME")
        .or_else(|| env.non_empty("OS_TENANT_NAME"));
    let project_id = env
        .non_empty("OS_PROJECT_ID")
        .or_else(|| env.non_empty("OS_TENANT_ID"));
    for (os_name, help) in merged {
        if os_name.contains("tenant") {
            continue;
        }
        let var = format!("OS_{}", os_name.to_uppercase().replace('-', "_"));
        let default = match var.as_str() {
            "OS_PROJECT_NAME" => project_name,
            "OS_PROJECT_ID" => project_id,
            _ => env.non_empty(&var),
        };
        options.push(GlobalOption::store(
            &format!("--os-{os_name}"),
            &format!("<auth-{os_name}>"),
            &os_name.replace('-', "_"),
            default,
            &format!("{help}\n(Env: {var})"),
        ));
    }
    for (flag, metavar, dest) in [
        ("--os-tenant-name", "<auth-tenant-name>", "os_project_name"),
        ("--os-tenant-id", "<auth-tenant-id>", "os_project_id"),
    ] {
        let mut hidden = GlobalOption::store(flag, metavar, dest, None, "");
        hidden.hidden = true;
        options.push(hidden);
    }
    options
}

/// Our token-cache switch (see the module documentation).
pub fn token_cache_options() -> Vec<GlobalOption> {
    vec![GlobalOption::flag(
        "--no-token-cache",
        NO_TOKEN_CACHE_DEST,
        ArgValue::Bool(false),
        "Do not use the token cache: neither reuse a cached token nor save a new one. The cache is also off with \
         OSC_TOKEN_CACHE=0 or with 'cache: {auth: false}' in clouds.yaml.",
    )]
}

/// Every global option after cliff's, in OSC's order, with the plugins' version options in the middle.
pub fn global_options(env: &Environment, version_options: Vec<GlobalOption>) -> Vec<GlobalOption> {
    let mut options = osc_lib_options(env);
    options.extend(version_options);
    options.extend(auth_options(env));
    options.extend(token_cache_options());
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(options: &[GlobalOption]) -> Vec<&str> {
        options.iter().map(|o| o.flag.as_str()).collect()
    }

    #[test]
    fn osc_lib_options_in_order_with_osc_texts() {
        let options = osc_lib_options(&Environment::default());
        assert_eq!(
            flags(&options),
            [
                "--os-cloud",
                "--os-region-name",
                "--os-cacert",
                "--os-cert",
                "--os-key",
                "--verify",
                "--insecure",
                "--os-default-domain",
                "--os-interface",
                "--os-service-provider",
                "--os-remote-project-name",
                "--os-remote-project-id",
                "--os-remote-project-domain-name",
                "--os-remote-project-domain-id",
                "--timing",
                "--os-beta-command",
            ]
        );
        let cloud = &options[0];
        assert_eq!(cloud.dest, "cloud");
        assert_eq!(cloud.metavar.as_deref(), Some("<cloud-config-name>"));
        assert_eq!(cloud.help, "Cloud name in clouds.yaml (Env: OS_CLOUD)");
        assert_eq!(cloud.default, ArgValue::Null);
        let mutexes: Vec<(&str, Option<&str>)> =
            options.iter().map(|o| (o.flag.as_str(), o.mutex)).collect();
        assert_eq!(mutexes[5], ("--verify", Some("verify")));
        assert_eq!(mutexes[6], ("--insecure", Some("verify")));
        assert_eq!(mutexes[10].1, Some("remote_project"));
        assert_eq!(mutexes[11].1, Some("remote_project"));
        assert_eq!(mutexes[12].1, Some("remote_project_domain"));
        assert_eq!(mutexes[13].1, Some("remote_project_domain"));
        assert!(mutexes
            .iter()
            .enumerate()
            .all(|(i, (_, m))| m.is_some() == matches!(i, 5 | 6 | 10..=13)));
        let verify = &options[5];
        assert_eq!(
            (verify.action, &verify.default),
            (OptionAction::StoreTrue, &ArgValue::Null)
        );
        let timing = &options[14];
        assert_eq!(
            (timing.dest.as_str(), &timing.default),
            ("timing", &ArgValue::Bool(false))
        );
        assert_eq!(options[15].dest, "os_beta_command");
        let domain = &options[7];
        assert_eq!(domain.default, ArgValue::Str("default".into()));
        assert_eq!(
            domain.help,
            "Default domain ID, default=default. (Env: OS_DEFAULT_DOMAIN)"
        );
        let interface = &options[8];
        assert_eq!(
            interface.choices.as_deref(),
            Some(
                &[
                    "admin".to_owned(),
                    "public".to_owned(),
                    "internal".to_owned()
                ][..]
            )
        );
        assert_eq!(interface.default, ArgValue::Null);
    }

    #[test]
    fn defaults_come_from_non_empty_environment_variables() {
        let env = Environment::from_pairs([
            ("OS_CLOUD", "devstack"),
            ("OS_REGION_NAME", ""),
            ("OS_DEFAULT_DOMAIN", "corp"),
            ("OS_INTERFACE", "internal"),
        ]);
        let options = osc_lib_options(&env);
        let default = |dest: &str| {
            options
                .iter()
                .find(|o| o.dest == dest)
                .unwrap()
                .default
                .clone()
        };
        assert_eq!(default("cloud"), ArgValue::Str("devstack".into()));
        assert_eq!(default("region_name"), ArgValue::Null);
        assert_eq!(default("default_domain"), ArgValue::Str("corp".into()));
        assert_eq!(default("interface"), ArgValue::Str("internal".into()));
    }

    #[test]
    fn api_version_options() {
        let env = Environment::from_pairs([("OS_COMPUTE_API_VERSION", "2.79")]);
        let compute = api_version_option(
            "--os-compute-api-version",
            "<compute-api-version>",
            "OS_COMPUTE_API_VERSION",
            None,
            "Compute API version, default=2.1 (Env: OS_COMPUTE_API_VERSION)",
            &env,
        );
        assert_eq!(compute.dest, "os_compute_api_version");
        assert_eq!(compute.default, ArgValue::Str("2.79".into()));
        let workflow = api_version_option(
            "--os-workflow-api-version",
            "<workflow-api-version>",
            "OS_WORKFLOW_API_VERSION",
            Some("2"),
            "Workflow API version, default=2 (Env: OS_WORKFLOW_API_VERSION)",
            &env,
        );
        assert_eq!(workflow.default, ArgValue::Str("2".into()));
        let identity = api_version_option(
            "--os-identity-api-version",
            "<x>",
            "OS_IDENTITY_API_VERSION",
            None,
            "",
            &env,
        );
        assert_eq!(identity.default, ArgValue::Null);
    }

    #[test]
    fn auth_options_in_osc_order() {
        // The option names of osc-lib `get_options_list()` with PYTHONHASHSEED=0 (keystoneauth1 5.18.1).
        let options = auth_options(&Environment::default());
        let names: Vec<&str> = options.iter().map(|o| o.flag.as_str()).collect();
        assert_eq!(
            names,
            [
                "--os-auth-type",
                "--os-username",
                "--os-password",
                "--os-endpoint",
                "--os-auth-url",
                "--os-system-scope",
                "--os-domain-id",
                "--os-domain-name",
                "--os-project-id",
                "--os-project-name",
                "--os-project-domain-id",
                "--os-project-domain-name",
                "--os-trust-id",
                "--os-identity-provider",
                "--os-protocol",
                "--os-client-id",
                "--os-client-secret",
                "--os-openid-scope",
                "--os-access-token-endpoint",
                "--os-discovery-endpoint",
                "--os-access-token-type",
                "--os-idp-otp-key",
                "--os-user-id",
                "--os-token",
                "--os-auth-methods",
                "--os-oauth2-endpoint",
                "--os-oauth2-client-id",
                "--os-oauth2-client-secret",
                "--os-user-domain-id",
                "--os-user-domain-name",
                "--os-passcode",
                "--os-redirect-host",
                "--os-redirect-port",
                "--os-login-timeout",
                "--os-default-domain-id",
                "--os-default-domain-name",
                "--os-access-token",
                "--os-redirect-uri",
                "--os-code",
                "--os-device-authorization-endpoint",
                "--os-code-challenge-method",
                "--os-application-credential-secret",
                "--os-application-credential-id",
                "--os-application-credential-name",
                "--os-tenant-name",
                "--os-tenant-id",
            ]
        );
        let auth_type = &options[0];
        assert_eq!(auth_type.dest, "auth_type");
        assert_eq!(
            auth_type.help,
            "Select an authentication type. Available types: http_basic, v3oidcpassword, v2password, v2token, \
             v3multifactor, v3oauth2clientcredential, v3tokenlessauth, v3totp, v3oidcclientcredentials, v3websso, \
             token, v3oidcaccesstoken, admin_token, v3oidcauthcode, password, v3oidcdeviceauthz, \
             v3applicationcredential, v3token, v3password, v3oauth2mtlsclientcredential, none. Default: selected \
             based on --os-username/--os-token (Env: OS_AUTH_TYPE)"
        );
        assert_eq!(auth_type.choices.as_ref().map(Vec::len), Some(21));
        let password = &options[2];
        assert_eq!(password.dest, "password");
        assert_eq!(password.metavar.as_deref(), Some("<auth-password>"));
        assert_eq!(
            password.help,
            "With http_basic: User's password\nWith v3oidcpassword: Password\nWith v2password: Password to use\n\
             With password: User's password\nWith v3password: User's password\n\n(Env: OS_PASSWORD)"
        );
        let token = options.iter().find(|o| o.flag == "--os-token").unwrap();
        assert_eq!(
            token.help,
            "With v2token: Token\nWith token: Token to authenticate with\nWith admin_token: The token that will \
             always be used\nWith v3token: Token to authenticate with\n\n(Env: OS_TOKEN)"
        );
        let methods = options
            .iter()
            .find(|o| o.flag == "--os-auth-methods")
            .unwrap();
        assert_eq!(
            (methods.dest.as_str(), methods.metavar.as_deref()),
            ("auth_methods", Some("<auth-auth-methods>"))
        );
        let scope = options
            .iter()
            .find(|o| o.flag == "--os-openid-scope")
            .unwrap();
        assert_eq!(scope.dest, "openid_scope");
        let tenant = &options[options.len() - 2];
        assert!(tenant.hidden);
        assert_eq!(
            (tenant.dest.as_str(), tenant.metavar.as_deref()),
            ("os_project_name", Some("<auth-tenant-name>"))
        );
    }

    #[test]
    fn auth_option_defaults_and_tenant_fallback() {
        let env = Environment::from_pairs([
            ("OS_TENANT_NAME", "old"),
            ("OS_PROJECT_ID", "pid"),
            ("OS_TENANT_ID", "tid"),
            ("OS_USERNAME", "demo"),
            ("OS_AUTH_TYPE", "v3token"),
        ]);
        let options = auth_options(&env);
        let default = |dest: &str| {
            options
                .iter()
                .find(|o| o.dest == dest)
                .unwrap()
                .default
                .clone()
        };
        assert_eq!(default("project_name"), ArgValue::Str("old".into()));
        assert_eq!(default("project_id"), ArgValue::Str("pid".into()));
        assert_eq!(default("username"), ArgValue::Str("demo".into()));
        assert_eq!(default("auth_type"), ArgValue::Str("v3token".into()));
        assert_eq!(default("os_project_name"), ArgValue::Null);
    }

    #[test]
    fn global_option_order() {
        let version = api_version_option(
            "--os-x-api-version",
            "<x>",
            "OS_X_API_VERSION",
            None,
            "X",
            &Environment::default(),
        );
        let options = global_options(&Environment::default(), vec![version]);
        let names = flags(&options);
        assert_eq!(names[15], "--os-beta-command");
        assert_eq!(names[16], "--os-x-api-version");
        assert_eq!(names[17], "--os-auth-type");
        assert_eq!(names.last(), Some(&"--no-token-cache"));
        let dests: std::collections::HashSet<&str> =
            options.iter().map(|o| o.dest.as_str()).collect();
        assert_eq!(dests.len(), options.len(), "every dest is unique");
    }
}
