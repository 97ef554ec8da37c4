//! Keystone v3 authentication, as keystoneauth's plugins do it: an auth type and keystoneauth-named options are
//! validated with OSC's messages into an [`AuthPlugin`], which obtains an [`AuthRef`] (a token) from Keystone.
//!
//! Supported types: `password`/`v3password`, `token`/`v3token`, `v3applicationcredential`, `v3totp`,
//! `v3multifactor` (which talk to Keystone), `admin_token` and `none` (which do not). `password` and `token` are
//! keystoneauth's version-independent plugins: they discover the identity API version at `auth_url` first.

pub mod access;
mod v3;

use std::collections::BTreeMap;
use std::fmt;

use cliff::{Error, Result};

pub use access::{now_unix, parse_iso8601, AuthRef, IdName, Timestamp, TokenProject, TokenUser};

use crate::http::HttpClient;

/// The keystoneauth plugin names this crate implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuthType {
    /// `password`: version-discovering password authentication.
    Password,
    /// `v3password`.
    V3Password,
    /// `token`: version-discovering re-scoping of an existing token.
    Token,
    /// `v3token`.
    V3Token,
    /// `v3applicationcredential`.
    V3ApplicationCredential,
    /// `v3totp`: a TOTP passcode.
    V3Totp,
    /// `v3multifactor`: several methods in one request (`auth_methods`).
    V3MultiFactor,
    /// `admin_token`: a fixed token and endpoint; Keystone is never asked.
    AdminToken,
    /// `none`: no authentication, a fixed endpoint.
    None,
}

/// keystoneauth plugins that exist but that this crate does not implement (federation, OAuth, v2...).
const UNSUPPORTED_PLUGINS: [&str; 16] = [
    "http_basic",
    "v2password",
    "v2token",
    "v3oidcclientcredentials",
    "v3oidcpassword",
    "v3oidcdeviceauthz",
    "v3oidcauthcode",
    "v3oidcaccesstoken",
    "v3tokenlessauth",
    "v3oauth2clientcredential",
    "v3oauth2mtlsclientcredential",
    "v3oauth1",
    "v3kerberos",
    "v3fedkerb",
    "v3adfspassword",
    "v3samlpassword",
];

impl AuthType {
    /// The type for a keystoneauth plugin name; unknown names get keystoneauth's `NoMatchingPlugin` message.
    pub fn from_name(name: &str) -> Result<AuthType> {
        Ok(match name {
            "password" => AuthType::Password,
            "v3password" => AuthType::V3Password,
            "token" => AuthType::Token,
            "v3token" => AuthType::V3Token,
            "v3applicationcredential" => AuthType::V3ApplicationCredential,
            "v3totp" => AuthType::V3Totp,
            "v3multifactor" => AuthType::V3MultiFactor,
            "admin_token" => AuthType::AdminToken,
            "none" => AuthType::None,
            _ if UNSUPPORTED_PLUGINS.contains(&name) => {
                return Err(Error::command(format!(
                    "The auth plugin {name} is not supported by this client"
                )))
            }
            _ => {
                return Err(Error::command(format!(
                    "The plugin {name} could not be found"
                )))
            }
        })
    }

    /// The keystoneauth plugin name.
    pub fn name(self) -> &'static str {
        match self {
            AuthType::Password => "password",
            AuthType::V3Password => "v3password",
            AuthType::Token => "token",
            AuthType::V3Token => "v3token",
            AuthType::V3ApplicationCredential => "v3applicationcredential",
            AuthType::V3Totp => "v3totp",
            AuthType::V3MultiFactor => "v3multifactor",
            AuthType::AdminToken => "admin_token",
            AuthType::None => "none",
        }
    }

    /// Whether the plugin discovers the identity version first (keystoneauth's generic plugins).
    pub fn discovers_version(self) -> bool {
        matches!(self, AuthType::Password | AuthType::Token)
    }

    fn is_identity(self) -> bool {
        !matches!(self, AuthType::AdminToken | AuthType::None)
    }

    /// The keystoneauth option names the plugin reads (for `--os-<option>` help and validation).
    pub fn option_names(self) -> &'static [&'static str] {
        match self {
            AuthType::Password => &[
                "auth_url",
                "system_scope",
                "domain_id",
                "domain_name",
                "project_id",
                "project_name",
                "project_domain_id",
                "project_domain_name",
                "trust_id",
                "default_domain_id",
                "default_domain_name",
                "user_id",
                "username",
                "user_domain_id",
                "user_domain_name",
                "password",
            ],
            AuthType::Token => &[
                "auth_url",
                "system_scope",
                "domain_id",
                "domain_name",
                "project_id",
                "project_name",
                "project_domain_id",
                "project_domain_name",
                "trust_id",
                "default_domain_id",
                "default_domain_name",
                "token",
            ],
            AuthType::V3Password => &[
                "auth_url",
                "system_scope",
                "domain_id",
                "domain_name",
                "project_id",
                "project_name",
                "project_domain_id",
                "project_domain_name",
                "trust_id",
                "user_id",
                "username",
                "user_domain_id",
                "user_domain_name",
                "password",
            ],
            AuthType::V3Token => &[
                "auth_url",
                "system_scope",
                "domain_id",
                "domain_name",
                "project_id",
                "project_name",
                "project_domain_id",
                "project_domain_name",
                "trust_id",
                "token",
            ],
            AuthType::V3ApplicationCredential => &[
                "auth_url",
                "system_scope",
                "domain_id",
                "domain_name",
                "project_id",
                "project_name",
                "project_domain_id",
                "project_domain_name",
                "trust_id",
                "user_id",
                "username",
                "user_domain_id",
                "user_domain_name",
                "application_credential_secret",
                "application_credential_id",
                "application_credential_name",
            ],
            AuthType::V3Totp => &[
                "auth_url",
                "system_scope",
                "domain_id",
                "domain_name",
                "project_id",
                "project_name",
                "project_domain_id",
                "project_domain_name",
                "trust_id",
                "user_id",
                "username",
                "user_domain_id",
                "user_domain_name",
                "passcode",
            ],
            AuthType::V3MultiFactor => &[
                "auth_url",
                "system_scope",
                "domain_id",
                "domain_name",
                "project_id",
                "project_name",
                "project_domain_id",
                "project_domain_name",
                "trust_id",
                "auth_methods",
                "user_id",
                "username",
                "user_domain_id",
                "user_domain_name",
                "password",
                "passcode",
                "token",
                "application_credential_secret",
                "application_credential_id",
                "application_credential_name",
            ],
            AuthType::AdminToken => &["endpoint", "token"],
            AuthType::None => &[],
        }
    }
}

impl fmt::Display for AuthType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A secret string whose `Debug` output is `***`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// A domain given by id or name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainRef {
    /// By id.
    Id(String),
    /// By name.
    Name(String),
}

/// A user given by id, or by name within a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserRef {
    /// By id.
    Id(String),
    /// By name; Keystone needs the domain unless the name is unique.
    Name {
        /// The user name.
        name: String,
        /// The user's domain.
        domain: Option<DomainRef>,
    },
}

/// What the token should be scoped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// No scope asked: Keystone uses the user's default project, if any.
    Default,
    /// A project by id.
    ProjectId(String),
    /// A project by name within a domain.
    ProjectName {
        /// The project name.
        name: String,
        /// The project's domain.
        domain: Option<DomainRef>,
    },
    /// A domain.
    Domain(DomainRef),
    /// The system (`all` is the only system Keystone knows).
    System(String),
    /// A trust.
    Trust(String),
    /// Explicitly unscoped (`"scope": "unscoped"`), even if the user has a default project.
    Unscoped,
}

/// One identity method of an authentication request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthMethod {
    /// `password`.
    Password {
        /// Who.
        user: Option<UserRef>,
        /// The password.
        password: Secret,
    },
    /// `token`: an existing token.
    Token {
        /// The token.
        token: Secret,
    },
    /// `application_credential`: by id, or by name and user.
    ApplicationCredential {
        /// The credential id.
        id: Option<String>,
        /// The credential name (with `user`).
        name: Option<String>,
        /// The credential's owner, when given by name.
        user: Option<UserRef>,
        /// The secret.
        secret: Secret,
    },
    /// `totp`: a time-based one-time passcode.
    Totp {
        /// Who.
        user: Option<UserRef>,
        /// The passcode.
        passcode: Secret,
    },
}

/// A plugin that authenticates against Keystone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityAuth {
    /// The plugin it came from.
    pub auth_type: AuthType,
    /// The identity endpoint as configured.
    pub auth_url: String,
    /// The methods, in request order.
    pub methods: Vec<AuthMethod>,
    /// The scope asked for.
    pub scope: Scope,
    /// A default domain was configured (`default_domain_*`): discovery then prefers the newest version.
    pub prefers_newest: bool,
}

/// A validated auth plugin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthPlugin {
    /// Authenticates against Keystone.
    Identity(IdentityAuth),
    /// `admin_token`: this token on every request, this endpoint for every service.
    AdminToken {
        /// The endpoint used for every service.
        endpoint: Option<String>,
        /// The token.
        token: Secret,
    },
    /// `none`: keystoneauth's `NoAuth` sends `X-Auth-Token: notused` to this endpoint.
    NoAuth {
        /// The endpoint used for every service.
        endpoint: Option<String>,
    },
}

/// OSC's message when a password (or another prompted secret) is missing and there is no terminal to ask on.
pub const NO_PASSWORD_MESSAGE: &str =
    "No password entered, or found via --os-password or OS_PASSWORD";

/// The auth options with empty values dropped (Python treats `''` as unset).
struct Options<'a>(&'a BTreeMap<String, String>);

impl<'a> Options<'a> {
    fn get(&self, key: &str) -> Option<&'a str> {
        self.0
            .get(key)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }

    fn owned(&self, key: &str) -> Option<String> {
        self.get(key).map(str::to_owned)
    }

    fn domain(&self, id_key: &str, name_key: &str) -> Option<DomainRef> {
        self.owned(id_key)
            .map(DomainRef::Id)
            .or_else(|| self.owned(name_key).map(DomainRef::Name))
    }

    fn truthy(&self, key: &str) -> bool {
        self.get(key).is_some_and(|value| {
            matches!(
                value.to_ascii_lowercase().as_str(),
                "1" | "true" | "yes" | "on"
            )
        })
    }
}

impl AuthPlugin {
    /// Validates the options of an auth type in OSC's order (openstacksdk's required options, the prompt for a
    /// missing password, keystoneauth's loader checks, osc-lib's `check_valid_authentication_options`, the scope
    /// rules) and builds the plugin. Nothing is sent anywhere.
    pub fn load(auth_type: &str, options: &BTreeMap<String, String>) -> Result<AuthPlugin> {
        let kind = AuthType::from_name(auth_type)?;
        let options = &handle_domain_id(options);
        let opts = Options(options);
        check_required(kind, &opts)?;
        if !missing_prompts(auth_type, options).is_empty() {
            return Err(Error::command(NO_PASSWORD_MESSAGE));
        }
        check_loader(kind, &opts)?;
        check_valid_authentication_options(kind, options)?;
        match kind {
            AuthType::AdminToken => {
                let token = opts.owned("token").ok_or_else(|| {
                    Error::command(
                        "Missing parameter(s): \nSet a token with --os-token, OS_TOKEN or auth.token",
                    )
                })?;
                Ok(AuthPlugin::AdminToken {
                    endpoint: opts.owned("endpoint"),
                    token: Secret(token),
                })
            }
            AuthType::None => Ok(AuthPlugin::NoAuth {
                endpoint: opts.owned("endpoint"),
            }),
            _ => load_identity(kind, &opts).map(AuthPlugin::Identity),
        }
    }

    /// The plugin's type.
    pub fn auth_type(&self) -> AuthType {
        match self {
            AuthPlugin::Identity(identity) => identity.auth_type,
            AuthPlugin::AdminToken { .. } => AuthType::AdminToken,
            AuthPlugin::NoAuth { .. } => AuthType::None,
        }
    }

    /// What identifies the resulting token for the token cache: auth URL, type, user, scope and application
    /// credential id or name, one `key=value` per line. It never holds a secret. `None` for plugins whose tokens
    /// are not cached: those that start from a token already (`token`, `admin_token`), and `none`.
    pub fn cache_identity(&self) -> Option<String> {
        let AuthPlugin::Identity(identity) = self else {
            return None;
        };
        let mut lines = vec![
            format!("auth_url={}", identity.auth_url),
            format!("auth_type={}", identity.auth_type),
        ];
        for method in &identity.methods {
            match method {
                AuthMethod::Token { .. } => return None,
                AuthMethod::Password { user, .. } => {
                    lines.push("method=password".to_owned());
                    push_user(&mut lines, user.as_ref());
                }
                AuthMethod::Totp { user, .. } => {
                    lines.push("method=totp".to_owned());
                    push_user(&mut lines, user.as_ref());
                }
                AuthMethod::ApplicationCredential { id, name, user, .. } => {
                    lines.push("method=application_credential".to_owned());
                    match (id, name) {
                        (Some(id), _) => lines.push(format!("application_credential_id={id}")),
                        (None, name) => {
                            lines.push(format!(
                                "application_credential_name={}",
                                name.as_deref().unwrap_or_default()
                            ));
                            push_user(&mut lines, user.as_ref());
                        }
                    }
                }
            }
        }
        lines.push(match &identity.scope {
            Scope::Default => "scope=default".to_owned(),
            Scope::Unscoped => "scope=unscoped".to_owned(),
            Scope::ProjectId(id) => format!("scope=project id={id}"),
            Scope::ProjectName { name, domain } => {
                format!("scope=project name={name} {}", domain_text(domain.as_ref()))
            }
            Scope::Domain(domain) => format!("scope=domain {}", domain_text(Some(domain))),
            Scope::System(system) => format!("scope=system {system}"),
            Scope::Trust(id) => format!("scope=trust id={id}"),
        });
        Some(lines.join("\n"))
    }

    /// The secrets a cached token must have been obtained with: passwords and application credential secrets (not
    /// one-time passcodes). The token cache key hashes them with [`cache_identity`](Self::cache_identity), as
    /// keystoneauth's `get_cache_id` hashes the password, so that a command given another password (a wrong one)
    /// is never served a token obtained with the right one.
    pub fn cache_secrets(&self) -> Vec<&str> {
        let AuthPlugin::Identity(identity) = self else {
            return Vec::new();
        };
        identity
            .methods
            .iter()
            .filter_map(|method| match method {
                AuthMethod::Password { password, .. } => Some(password.expose()),
                AuthMethod::ApplicationCredential { secret, .. } => Some(secret.expose()),
                AuthMethod::Token { .. } | AuthMethod::Totp { .. } => None,
            })
            .collect()
    }

    /// Gets a token from Keystone (discovering the identity version first for `password` and `token`).
    /// `admin_token` and `none` have none to get: asking them is an error.
    pub fn authenticate(&self, http: &HttpClient) -> Result<AuthRef> {
        match self {
            AuthPlugin::Identity(identity) => v3::authenticate(http, identity),
            other => Err(Error::command(format!(
                "The {} auth plugin does not authenticate with Keystone",
                other.auth_type()
            ))),
        }
    }
}

fn domain_text(domain: Option<&DomainRef>) -> String {
    match domain {
        Some(DomainRef::Id(id)) => format!("domain_id={id}"),
        Some(DomainRef::Name(name)) => format!("domain_name={name}"),
        None => "domain=".to_owned(),
    }
}

fn push_user(lines: &mut Vec<String>, user: Option<&UserRef>) {
    lines.push(match user {
        Some(UserRef::Id(id)) => format!("user_id={id}"),
        Some(UserRef::Name { name, domain }) => {
            format!("username={name} {}", domain_text(domain.as_ref()))
        }
        None => "user=".to_owned(),
    });
}

/// openstacksdk's `_handle_domain_id`: with a project scope, `domain_id`/`domain_name` are defaults for the user
/// and project domains, not a domain scope (so `OS_DOMAIN_NAME` and `OS_PROJECT_NAME` can be set together).
/// Applying it to options that already went through it changes nothing.
pub fn handle_domain_id(options: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let opts = Options(options);
    let mut fixed = options.clone();
    if opts.get("project_id").is_none() && opts.get("project_name").is_none() {
        return fixed;
    }
    for (source, targets) in [
        ("domain_id", ["user_domain_id", "project_domain_id"]),
        ("domain_name", ["user_domain_name", "project_domain_name"]),
    ] {
        if let Some(value) = fixed.remove(source).filter(|value| !value.is_empty()) {
            for target in targets {
                if opts.get(target).is_none() {
                    fixed.insert(target.to_owned(), value.clone());
                }
            }
        }
    }
    fixed
}

/// The secrets keystoneauth would prompt for (option name and prompt, such as `("password", "Password: ")`)
/// that the options lack. The caller asks for them on a terminal (OSC prompts only when stdin is one) and adds
/// them before [`AuthPlugin::load`], which otherwise fails with [`NO_PASSWORD_MESSAGE`], as OSC does.
pub fn missing_prompts(
    auth_type: &str,
    options: &BTreeMap<String, String>,
) -> Vec<(&'static str, &'static str)> {
    let opts = Options(options);
    let Ok(kind) = AuthType::from_name(auth_type) else {
        return Vec::new();
    };
    let methods: Vec<&str> = match kind {
        AuthType::Password | AuthType::V3Password => vec!["v3password"],
        AuthType::V3Totp => vec!["v3totp"],
        AuthType::V3MultiFactor => opts
            .get("auth_methods")
            .map(|names| names.split([',', ' ']).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut prompts = Vec::new();
    for method in methods {
        let prompt = match method {
            "v3password" => ("password", "Password: "),
            "v3totp" => ("passcode", "TOTP passcode: "),
            _ => continue,
        };
        if opts.get(prompt.0).is_none() && !prompts.contains(&prompt) {
            prompts.push(prompt);
        }
    }
    prompts
}

/// openstacksdk's `_validate_auth`: "Missing value <option> required for auth plugin <type>".
fn check_required(kind: AuthType, opts: &Options<'_>) -> Result<()> {
    let mut required: Vec<(&str, &str)> = Vec::new();
    if kind.is_identity() {
        required.push(("auth-url", "auth_url"));
    }
    match kind {
        AuthType::V3ApplicationCredential => required.push((
            "application_credential_secret",
            "application_credential_secret",
        )),
        AuthType::V3MultiFactor => required.push(("auth_methods", "auth_methods")),
        _ => {}
    }
    let messages: Vec<String> = required
        .iter()
        .filter(|(_, key)| opts.get(key).is_none())
        .map(|(name, _)| format!("Missing value {name} required for auth plugin {kind}"))
        .collect();
    if messages.is_empty() {
        Ok(())
    } else {
        Err(Error::command(messages.join("\n")))
    }
}

/// keystoneauth's loader checks (`load_from_options`), in its order.
fn check_loader(kind: AuthType, opts: &Options<'_>) -> Result<()> {
    let checks_user = matches!(
        kind,
        AuthType::V3Password
            | AuthType::V3ApplicationCredential
            | AuthType::V3Totp
            | AuthType::V3MultiFactor
    );
    let is_v3 = checks_user || kind == AuthType::V3Token;
    if checks_user
        && opts.get("username").is_some()
        && opts.get("user_domain_name").is_none()
        && opts.get("user_domain_id").is_none()
    {
        return Err(Error::command(
            "You have provided a username. In the V3 identity API a username is only unique within a domain so \
             you must also provide either a user_domain_id or user_domain_name.",
        ));
    }
    if kind == AuthType::V3ApplicationCredential {
        if opts.get("application_credential_id").is_none()
            && opts.get("application_credential_name").is_none()
        {
            return Err(Error::command(
                "You must provide either an application credential ID or an application credential name and user.",
            ));
        }
        if opts.get("application_credential_secret").is_none() {
            return Err(Error::command("You must provide an auth secret."));
        }
    }
    if is_v3
        && opts.get("project_name").is_some()
        && opts.get("project_domain_name").is_none()
        && opts.get("project_domain_id").is_none()
    {
        return Err(Error::command(
            "You have provided a project_name. In the V3 identity API a project_name is only unique within a \
             domain so you must also provide either a project_domain_id or project_domain_name.",
        ));
    }
    Ok(())
}

/// osc-lib's `check_valid_authentication_options` ("Missing parameter(s): ...").
pub fn check_valid_authentication_options(
    kind: AuthType,
    options: &BTreeMap<String, String>,
) -> Result<()> {
    let opts = Options(options);
    let names = kind.option_names();
    let mut messages = Vec::new();
    if options.values().all(String::is_empty) && kind != AuthType::None {
        messages.push("Set a cloud-name with --os-cloud or OS_CLOUD");
    } else {
        if names.contains(&"password")
            && opts.get("username").is_none()
            && opts.get("user_id").is_none()
        {
            messages.push(
                "Set a username with --os-username, OS_USERNAME, or auth.username or set a user-id with \
                 --os-user-id, OS_USER_ID, or auth.user_id",
            );
        }
        if names.contains(&"auth_url") && opts.get("auth_url").is_none() {
            messages.push(
                "Set an authentication URL, with --os-auth-url, OS_AUTH_URL or auth.auth_url",
            );
        }
        if names.contains(&"token")
            && kind != AuthType::V3MultiFactor
            && opts.get("token").is_none()
        {
            messages.push("Set a token with --os-token, OS_TOKEN or auth.token");
        }
    }
    if messages.is_empty() {
        Ok(())
    } else {
        Err(Error::command(format!(
            "Missing parameter(s): \n{}",
            messages.join("\n")
        )))
    }
}

/// The user of a password, TOTP or application-credential method; `default_domain_*` stand in for the user
/// domain with the version-discovering plugins.
fn user_ref(opts: &Options<'_>, generic: bool) -> Option<UserRef> {
    if let Some(id) = opts.owned("user_id") {
        return Some(UserRef::Id(id));
    }
    let name = opts.owned("username")?;
    let mut domain = opts.domain("user_domain_id", "user_domain_name");
    if domain.is_none() && generic {
        domain = opts.domain("default_domain_id", "default_domain_name");
    }
    Some(UserRef::Name { name, domain })
}

fn load_identity(kind: AuthType, opts: &Options<'_>) -> Result<IdentityAuth> {
    let generic = kind.discovers_version();
    let auth_url = opts.owned("auth_url").ok_or_else(|| {
        Error::command(format!(
            "Missing value auth-url required for auth plugin {kind}"
        ))
    })?;
    let password = || {
        opts.owned("password")
            .map(Secret)
            .ok_or_else(|| Error::command(NO_PASSWORD_MESSAGE))
    };
    let passcode = || {
        opts.owned("passcode")
            .map(Secret)
            .ok_or_else(|| Error::command(NO_PASSWORD_MESSAGE))
    };
    let token = || {
        opts.owned("token").map(Secret).ok_or_else(|| {
            Error::command(
                "Missing parameter(s): \nSet a token with --os-token, OS_TOKEN or auth.token",
            )
        })
    };
    let application_credential = || -> Result<AuthMethod> {
        let secret = opts
            .owned("application_credential_secret")
            .map(Secret)
            .ok_or_else(|| Error::command("You must provide an auth secret."))?;
        let id = opts.owned("application_credential_id");
        let name = opts.owned("application_credential_name");
        if id.is_none() && name.is_none() {
            return Err(Error::command(
                "You must provide either an application credential ID or an application credential name and user.",
            ));
        }
        Ok(AuthMethod::ApplicationCredential {
            user: if id.is_none() {
                user_ref(opts, false)
            } else {
                None
            },
            id,
            name,
            secret,
        })
    };
    let methods = match kind {
        AuthType::Password | AuthType::V3Password => vec![AuthMethod::Password {
            user: user_ref(opts, generic),
            password: password()?,
        }],
        AuthType::Token | AuthType::V3Token => vec![AuthMethod::Token { token: token()? }],
        AuthType::V3ApplicationCredential => vec![application_credential()?],
        AuthType::V3Totp => vec![AuthMethod::Totp {
            user: user_ref(opts, false),
            passcode: passcode()?,
        }],
        AuthType::V3MultiFactor => {
            let names = opts
                .get("auth_methods")
                .ok_or_else(|| Error::command("methods is a required option."))?;
            let mut methods = Vec::new();
            for name in names.split([',', ' ']).filter(|name| !name.is_empty()) {
                methods.push(match name {
                    "v3password" => AuthMethod::Password {
                        user: user_ref(opts, false),
                        password: password()?,
                    },
                    "v3totp" => AuthMethod::Totp {
                        user: user_ref(opts, false),
                        passcode: passcode()?,
                    },
                    "v3token" => AuthMethod::Token { token: token()? },
                    "v3applicationcredential" => application_credential()?,
                    other => {
                        AuthType::from_name(other)?;
                        return Err(Error::command(
                            "The multifactor auth method can only be used with v3 auth plugins that implement the \
                             SupportsMultiFactor protocol",
                        ));
                    }
                });
            }
            methods
        }
        AuthType::AdminToken | AuthType::None => Vec::new(),
    };
    if methods.is_empty() {
        return Err(Error::command(
            "Authentication method required (e.g. password)",
        ));
    }
    Ok(IdentityAuth {
        auth_type: kind,
        auth_url,
        methods,
        scope: scope(opts, generic)?,
        prefers_newest: generic
            && (opts.get("default_domain_id").is_some()
                || opts.get("default_domain_name").is_some()),
    })
}

/// keystoneauth's scope rules: one target at most, in its order of precedence.
fn scope(opts: &Options<'_>, generic: bool) -> Result<Scope> {
    let unscoped = opts.truthy("unscoped");
    let targets = [
        opts.get("domain_id").is_some() || opts.get("domain_name").is_some(),
        opts.get("project_id").is_some() || opts.get("project_name").is_some(),
        opts.get("trust_id").is_some(),
        opts.get("system_scope").is_some(),
        unscoped,
    ];
    if targets.iter().filter(|target| **target).count() > 1 {
        return Err(Error::command(
            "Authentication cannot be scoped to multiple targets. Pick one of: project, domain, trust, system or \
             unscoped",
        ));
    }
    let project_domain = || {
        let domain = opts.domain("project_domain_id", "project_domain_name");
        if domain.is_none() && generic {
            opts.domain("default_domain_id", "default_domain_name")
        } else {
            domain
        }
    };
    Ok(
        if let Some(domain) = opts.domain("domain_id", "domain_name") {
            Scope::Domain(domain)
        } else if let Some(id) = opts.owned("project_id") {
            Scope::ProjectId(id)
        } else if let Some(name) = opts.owned("project_name") {
            Scope::ProjectName {
                name,
                domain: project_domain(),
            }
        } else if let Some(trust) = opts.owned("trust_id") {
            Scope::Trust(trust)
        } else if unscoped {
            Scope::Unscoped
        } else if let Some(system) = opts.owned("system_scope") {
            if system != "all" {
                return Err(Error::command(
                    "Invalid system scope, only \"all\" is supported",
                ));
            }
            Scope::System(system)
        } else {
            Scope::Default
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect()
    }

    fn message(auth_type: &str, pairs: &[(&str, &str)]) -> String {
        AuthPlugin::load(auth_type, &options(pairs))
            .unwrap_err()
            .message
    }

    const ADMIN: [(&str, &str); 6] = [
        ("auth_url", "http://127.0.0.1:5000/v3"),
        ("username", "admin"),
        ("password", "secret"),
        ("user_domain_name", "Default"),
        ("project_name", "admin"),
        ("project_domain_name", "Default"),
    ];

    #[test]
    fn loads_password_with_project_scope() {
        let plugin = AuthPlugin::load("password", &options(&ADMIN)).unwrap();
        let AuthPlugin::Identity(identity) = &plugin else {
            panic!("not an identity plugin")
        };
        assert_eq!(identity.auth_type, AuthType::Password);
        assert_eq!(
            identity.methods,
            [AuthMethod::Password {
                user: Some(UserRef::Name {
                    name: "admin".to_owned(),
                    domain: Some(DomainRef::Name("Default".to_owned()))
                }),
                password: Secret("secret".to_owned()),
            }]
        );
        assert_eq!(
            identity.scope,
            Scope::ProjectName {
                name: "admin".to_owned(),
                domain: Some(DomainRef::Name("Default".to_owned()))
            }
        );
        assert!(!format!("{plugin:?}").contains("secret"));
    }

    #[test]
    fn required_and_missing_options_have_oscs_messages() {
        assert_eq!(
            message("password", &[("username", "u"), ("password", "p")]),
            "Missing value auth-url required for auth plugin password"
        );
        assert_eq!(
            message("v3applicationcredential", &[("application_credential_id", "i")]),
            "Missing value auth-url required for auth plugin v3applicationcredential\nMissing value \
             application_credential_secret required for auth plugin v3applicationcredential"
        );
        assert_eq!(
            message("v3multifactor", &[("auth_url", "http://k/v3")]),
            "Missing value auth_methods required for auth plugin v3multifactor"
        );
        assert_eq!(
            message("password", &[("auth_url", "http://k/v3"), ("password", "p")]),
            "Missing parameter(s): \nSet a username with --os-username, OS_USERNAME, or auth.username or set a \
             user-id with --os-user-id, OS_USER_ID, or auth.user_id"
        );
        assert_eq!(
            message(
                "password",
                &[("auth_url", "http://k/v3"), ("username", "u")]
            ),
            NO_PASSWORD_MESSAGE
        );
        // As in OSC, the password prompt comes before the check for a user.
        assert_eq!(
            message("v3password", &[("auth_url", "http://k/v3")]),
            NO_PASSWORD_MESSAGE
        );
        assert_eq!(
            missing_prompts(
                "v3multifactor",
                &options(&[("auth_methods", "v3password,v3totp"), ("password", "p")])
            ),
            [("passcode", "TOTP passcode: ")]
        );
        assert_eq!(
            missing_prompts("password", &options(&[("password", "p")])),
            []
        );
        assert_eq!(
            missing_prompts("v3password", &BTreeMap::new()),
            [("password", "Password: ")]
        );
        assert_eq!(
            message("v3token", &[("auth_url", "http://k/v3")]),
            "Missing parameter(s): \nSet a token with --os-token, OS_TOKEN or auth.token"
        );
        assert_eq!(
            message("admin_token", &[("endpoint", "http://k/v3")]),
            "Missing parameter(s): \nSet a token with --os-token, OS_TOKEN or auth.token"
        );
        assert_eq!(message("bogus", &[]), "The plugin bogus could not be found");
        assert_eq!(
            message("v3oidcpassword", &[]),
            "The auth plugin v3oidcpassword is not supported by this client"
        );
    }

    #[test]
    fn keystoneauth_loader_checks() {
        assert_eq!(
            message("v3password", &[("auth_url", "http://k/v3"), ("username", "u"), ("password", "p")]),
            "You have provided a username. In the V3 identity API a username is only unique within a domain so \
             you must also provide either a user_domain_id or user_domain_name."
        );
        assert_eq!(
            message(
                "v3password",
                &[("auth_url", "http://k/v3"), ("user_id", "u"), ("password", "p"), ("project_name", "x")]
            ),
            "You have provided a project_name. In the V3 identity API a project_name is only unique within a \
             domain so you must also provide either a project_domain_id or project_domain_name."
        );
        assert_eq!(
            message(
                "v3applicationcredential",
                &[("auth_url", "http://k/v3"), ("application_credential_secret", "s")]
            ),
            "You must provide either an application credential ID or an application credential name and user."
        );
        // The generic plugin does not insist on domains (Keystone decides).
        assert!(AuthPlugin::load(
            "password",
            &options(&[
                ("auth_url", "http://k/v3"),
                ("username", "u"),
                ("password", "p"),
                ("project_name", "x")
            ])
        )
        .is_ok());
    }

    #[test]
    fn scopes_follow_keystoneauths_precedence() {
        let scope_of = |pairs: &[(&str, &str)]| {
            let mut all = options(&[
                ("auth_url", "http://k/v3"),
                ("user_id", "u"),
                ("password", "p"),
            ]);
            all.extend(options(pairs));
            match AuthPlugin::load("password", &all) {
                Ok(AuthPlugin::Identity(identity)) => Ok(identity.scope),
                Ok(_) => panic!("not identity"),
                Err(error) => Err(error.message),
            }
        };
        assert_eq!(scope_of(&[]), Ok(Scope::Default));
        assert_eq!(
            scope_of(&[("project_id", "p1")]),
            Ok(Scope::ProjectId("p1".to_owned()))
        );
        assert_eq!(
            scope_of(&[
                ("project_id", "p1"),
                ("project_name", "n"),
                ("project_domain_id", "d")
            ]),
            Ok(Scope::ProjectId("p1".to_owned()))
        );
        assert_eq!(
            scope_of(&[("domain_id", "d"), ("domain_name", "D")]),
            Ok(Scope::Domain(DomainRef::Id("d".to_owned())))
        );
        assert_eq!(
            scope_of(&[("system_scope", "all")]),
            Ok(Scope::System("all".to_owned()))
        );
        assert_eq!(
            scope_of(&[("trust_id", "t")]),
            Ok(Scope::Trust("t".to_owned()))
        );
        assert_eq!(scope_of(&[("unscoped", "true")]), Ok(Scope::Unscoped));
        assert_eq!(
            scope_of(&[("project_name", "x"), ("default_domain_id", "dd")]),
            Ok(Scope::ProjectName {
                name: "x".to_owned(),
                domain: Some(DomainRef::Id("dd".to_owned()))
            })
        );
        // openstacksdk turns a domain given with a project into the project's and user's domain.
        assert_eq!(
            scope_of(&[("project_name", "p"), ("domain_name", "D")]),
            Ok(Scope::ProjectName {
                name: "p".to_owned(),
                domain: Some(DomainRef::Name("D".to_owned()))
            })
        );
        assert_eq!(
            scope_of(&[("trust_id", "t"), ("domain_id", "d")]),
            Err("Authentication cannot be scoped to multiple targets. Pick one of: project, domain, trust, system \
                 or unscoped"
                .to_owned())
        );
        assert_eq!(
            scope_of(&[("system_scope", "region")]),
            Err("Invalid system scope, only \"all\" is supported".to_owned())
        );
        // Empty values count as unset, as in Python.
        assert_eq!(
            scope_of(&[("project_id", ""), ("trust_id", "")]),
            Ok(Scope::Default)
        );
    }

    #[test]
    fn multifactor_methods() {
        let plugin = AuthPlugin::load(
            "v3multifactor",
            &options(&[
                ("auth_url", "http://k/v3"),
                ("auth_methods", "v3password,v3totp"),
                ("user_id", "u"),
                ("password", "p"),
                ("passcode", "123456"),
            ]),
        )
        .unwrap();
        let AuthPlugin::Identity(identity) = plugin else {
            panic!("not identity")
        };
        assert_eq!(identity.methods.len(), 2);
        assert!(matches!(identity.methods[1], AuthMethod::Totp { .. }));
        assert_eq!(
            message(
                "v3multifactor",
                &[
                    ("auth_url", "http://k/v3"),
                    ("auth_methods", "password"),
                    ("user_id", "u"),
                    ("password", "p")
                ]
            ),
            "The multifactor auth method can only be used with v3 auth plugins that implement the \
             SupportsMultiFactor protocol"
        );
    }

    #[test]
    fn static_plugins() {
        assert_eq!(
            AuthPlugin::load(
                "admin_token",
                &options(&[("endpoint", "http://k/v3"), ("token", "t")])
            )
            .unwrap(),
            AuthPlugin::AdminToken {
                endpoint: Some("http://k/v3".to_owned()),
                token: Secret("t".to_owned())
            }
        );
        assert_eq!(
            AuthPlugin::load("none", &options(&[("endpoint", "http://m/v2")])).unwrap(),
            AuthPlugin::NoAuth {
                endpoint: Some("http://m/v2".to_owned())
            }
        );
        assert_eq!(
            AuthPlugin::load("none", &BTreeMap::new())
                .unwrap()
                .cache_identity(),
            None
        );
    }

    #[test]
    fn cache_identity_is_stable_and_secret_free() {
        let identity = AuthPlugin::load("password", &options(&ADMIN))
            .unwrap()
            .cache_identity()
            .unwrap();
        assert_eq!(
            identity,
            "auth_url=http://127.0.0.1:5000/v3\nauth_type=password\nmethod=password\nusername=admin \
             domain_name=Default\nscope=project name=admin domain_name=Default"
        );
        let mut other_password = options(&ADMIN);
        other_password.insert("password".to_owned(), "another".to_owned());
        assert_eq!(
            AuthPlugin::load("password", &other_password)
                .unwrap()
                .cache_identity()
                .unwrap(),
            identity
        );
        let app = AuthPlugin::load(
            "v3applicationcredential",
            &options(&[
                ("auth_url", "http://k/v3"),
                ("application_credential_id", "abc"),
                ("application_credential_secret", "topsecret"),
            ]),
        )
        .unwrap()
        .cache_identity()
        .unwrap();
        assert!(!app.contains("topsecret"));
        assert!(app.contains("application_credential_id=abc"));
        let token = AuthPlugin::load(
            "v3token",
            &options(&[("auth_url", "http://k/v3"), ("token", "t")]),
        )
        .unwrap();
        assert_eq!(token.cache_identity(), None);
    }
}
