//! The keystoneauth auth plugins python-openstackclient offers, with their options: the data behind the
//! `--os-auth-type` choices, the `--os-<option>` global options and their `With <plugin>: <help>` texts, the
//! "Missing value ... required for auth plugin ..." checks, password prompts and which values are secret.
//!
//! The data is keystoneauth1 5.18.1's (`keystoneauth1.loading`), for the 21 plugins available without optional
//! dependencies (`v3oauth1`, `v3kerberos`, `v3fedkerb`, `v3adfspassword`, `v3samlpassword` need extra Python
//! packages and are not offered).
//!
//! Order: osc-lib lists plugins in the iteration order of a Python `frozenset`, which changes from run to run
//! with string hash randomisation. We use the order Python gives with `PYTHONHASHSEED=0`, so that our `--help`
//! can be compared byte for byte with `PYTHONHASHSEED=0 openstack --help`. Options keep keystoneauth's order
//! within each plugin.

/// One option of an auth plugin (a keystoneauth `Opt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthOption {
    /// Option name as keystoneauth spells it (`auth-url`, also `auth_methods` for a few).
    pub name: &'static str,
    /// Key in the `auth` section of the configuration (`auth_url`; `scope` for `openid-scope`).
    pub dest: &'static str,
    /// Help text.
    pub help: &'static str,
    /// `Missing value <name> required for auth plugin <plugin>` when absent.
    pub required: bool,
    /// Masked by `configuration show` and in logs.
    pub secret: bool,
    /// Prompt shown when the value is missing (passwords, TOTP passcodes).
    pub prompt: Option<&'static str>,
    /// Older names still accepted as configuration keys.
    pub deprecated: &'static [&'static str],
}

impl AuthOption {
    /// The configuration key for the option's name (`auth-url` → `auth_url`).
    pub fn key(&self) -> String {
        self.name.replace('-', "_")
    }
}

/// One auth plugin (`--os-auth-type` value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthPlugin {
    /// Plugin name.
    pub name: &'static str,
    /// Whether it is a Keystone identity plugin (needed for Keystone-to-Keystone federation).
    pub identity: bool,
    /// Its options, in keystoneauth's order.
    pub options: &'static [AuthOption],
    /// The Python class keystoneauth builds (named in its constructor errors).
    pub class: &'static str,
    /// Constructor arguments accepted besides the options' dests.
    pub extra_args: &'static [&'static str],
    /// Whether the constructor takes any keyword argument (`**kwargs`).
    pub any_args: bool,
    /// Constructor arguments without a default, in order.
    pub positional: &'static [&'static str],
}

/// The plugin called `name`.
pub fn plugin(name: &str) -> Option<&'static AuthPlugin> {
    PLUGINS.iter().find(|p| p.name == name)
}

/// The `dest` of every secret option of a plugin (`configuration show` masks these).
pub fn secret_dests(name: &str) -> Vec<&'static str> {
    plugin(name)
        .map(|p| {
            p.options
                .iter()
                .filter(|o| o.secret)
                .map(|o| o.dest)
                .collect()
        })
        .unwrap_or_default()
}

const USERNAME: AuthOption = AuthOption {
    name: "username",
    dest: "username",
    help: "Username",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &["user-name"],
};
const PASSWORD: AuthOption = AuthOption {
    name: "password",
    dest: "password",
    help: "User's password",
    required: false,
    secret: true,
    prompt: Some("Password: "),
    deprecated: &[],
};
const ENDPOINT: AuthOption = AuthOption {
    name: "endpoint",
    dest: "endpoint",
    help: "The endpoint that will always be used",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const AUTH_URL: AuthOption = AuthOption {
    name: "auth-url",
    dest: "auth_url",
    help: "Authentication URL",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const SYSTEM_SCOPE: AuthOption = AuthOption {
    name: "system-scope",
    dest: "system_scope",
    help: "Scope for system operations",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const DOMAIN_ID: AuthOption = AuthOption {
    name: "domain-id",
    dest: "domain_id",
    help: "Domain ID to scope to",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const DOMAIN_NAME: AuthOption = AuthOption {
    name: "domain-name",
    dest: "domain_name",
    help: "Domain name to scope to",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PROJECT_ID: AuthOption = AuthOption {
    name: "project-id",
    dest: "project_id",
    help: "Project ID to scope to",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PROJECT_NAME: AuthOption = AuthOption {
    name: "project-name",
    dest: "project_name",
    help: "Project name to scope to",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PROJECT_DOMAIN_ID: AuthOption = AuthOption {
    name: "project-domain-id",
    dest: "project_domain_id",
    help: "Domain ID containing project",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PROJECT_DOMAIN_NAME: AuthOption = AuthOption {
    name: "project-domain-name",
    dest: "project_domain_name",
    help: "Domain name containing project",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const TRUST_ID: AuthOption = AuthOption {
    name: "trust-id",
    dest: "trust_id",
    help: "ID of the trust to use as a trustee use",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const IDENTITY_PROVIDER: AuthOption = AuthOption {
    name: "identity-provider",
    dest: "identity_provider",
    help: "Identity Provider's name",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PROTOCOL: AuthOption = AuthOption {
    name: "protocol",
    dest: "protocol",
    help: "Protocol for federated plugin",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const CLIENT_ID: AuthOption = AuthOption {
    name: "client-id",
    dest: "client_id",
    help: "OAuth 2.0 Client ID",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const CLIENT_SECRET: AuthOption = AuthOption {
    name: "client-secret",
    dest: "client_secret",
    help: "OAuth 2.0 Client Secret",
    required: false,
    secret: true,
    prompt: None,
    deprecated: &[],
};
const OPENID_SCOPE: AuthOption = AuthOption {
    name: "openid-scope",
    dest: "scope",
    help: "OpenID Connect scope that is requested from authorization server. Note that the OpenID Connect specification states that \"openid\" must be always specified.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const ACCESS_TOKEN_ENDPOINT: AuthOption = AuthOption {
    name: "access-token-endpoint",
    dest: "access_token_endpoint",
    help: "OpenID Connect Provider Token Endpoint. Note that if a discovery document is being passed this option will override the endpoint provided by the server in the discovery document.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const DISCOVERY_ENDPOINT: AuthOption = AuthOption {
    name: "discovery-endpoint",
    dest: "discovery_endpoint",
    help: "OpenID Connect Discovery Document URL. The discovery document will be used to obtain the values of the access token endpoint and the authentication endpoint. This URL should look like https://idp.example.org/.well-known/openid-configuration",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const ACCESS_TOKEN_TYPE: AuthOption = AuthOption {
    name: "access-token-type",
    dest: "access_token_type",
    help: "OAuth 2.0 Authorization Server Introspection token type, it is used to decide which type of token will be used when processing token introspection. Valid values are: \"access_token\" or \"id_token\"",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const USERNAME_2: AuthOption = AuthOption {
    name: "username",
    dest: "username",
    help: "Username",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PASSWORD_2: AuthOption = AuthOption {
    name: "password",
    dest: "password",
    help: "Password",
    required: true,
    secret: true,
    prompt: None,
    deprecated: &[],
};
const IDP_OTP_KEY: AuthOption = AuthOption {
    name: "idp_otp_key",
    dest: "idp_otp_key",
    help: "A key to be used in the Identity Provider access token endpoint to pass the OTP value. E.g. totp",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const TENANT_ID: AuthOption = AuthOption {
    name: "tenant-id",
    dest: "tenant_id",
    help: "Tenant ID",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const TENANT_NAME: AuthOption = AuthOption {
    name: "tenant-name",
    dest: "tenant_name",
    help: "Tenant Name",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const USERNAME_3: AuthOption = AuthOption {
    name: "username",
    dest: "username",
    help: "Username to login with",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &["user-name"],
};
const USER_ID: AuthOption = AuthOption {
    name: "user-id",
    dest: "user_id",
    help: "User ID to login with",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PASSWORD_3: AuthOption = AuthOption {
    name: "password",
    dest: "password",
    help: "Password to use",
    required: false,
    secret: true,
    prompt: Some("Password: "),
    deprecated: &[],
};
const TOKEN: AuthOption = AuthOption {
    name: "token",
    dest: "token",
    help: "Token",
    required: false,
    secret: true,
    prompt: None,
    deprecated: &[],
};
const AUTH_METHODS: AuthOption = AuthOption {
    name: "auth_methods",
    dest: "auth_methods",
    help: "Methods to authenticate with.",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const OAUTH2_ENDPOINT: AuthOption = AuthOption {
    name: "oauth2_endpoint",
    dest: "oauth2_endpoint",
    help: "Endpoint for OAuth2.0",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const OAUTH2_CLIENT_ID: AuthOption = AuthOption {
    name: "oauth2_client_id",
    dest: "oauth2_client_id",
    help: "Client id for OAuth2.0",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const OAUTH2_CLIENT_SECRET: AuthOption = AuthOption {
    name: "oauth2_client_secret",
    dest: "oauth2_client_secret",
    help: "Client secret for OAuth2.0",
    required: true,
    secret: true,
    prompt: None,
    deprecated: &[],
};
const USER_ID_2: AuthOption = AuthOption {
    name: "user-id",
    dest: "user_id",
    help: "User's user ID",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const USERNAME_4: AuthOption = AuthOption {
    name: "username",
    dest: "username",
    help: "User's username",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &["user-name"],
};
const USER_DOMAIN_ID: AuthOption = AuthOption {
    name: "user-domain-id",
    dest: "user_domain_id",
    help: "User's domain ID",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const USER_DOMAIN_NAME: AuthOption = AuthOption {
    name: "user-domain-name",
    dest: "user_domain_name",
    help: "User's domain name",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PASSCODE: AuthOption = AuthOption {
    name: "passcode",
    dest: "passcode",
    help: "User's TOTP passcode",
    required: false,
    secret: true,
    prompt: Some("TOTP passcode: "),
    deprecated: &[],
};
const REDIRECT_HOST: AuthOption = AuthOption {
    name: "redirect-host",
    dest: "redirect_host",
    help: "Host the callback server listens on. This must be a loopback address.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const REDIRECT_PORT: AuthOption = AuthOption {
    name: "redirect-port",
    dest: "redirect_port",
    help: "Port the callback server listens on. The resulting callback URL, http://<redirect-host>:<redirect-port>/auth/websso/, must be listed in the identity service's [federation] trusted_dashboard option.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const LOGIN_TIMEOUT: AuthOption = AuthOption {
    name: "login-timeout",
    dest: "login_timeout",
    help: "Seconds to wait for the user to finish authenticating in the browser before giving up. Raise it when a first login or MFA prompt is likely to take longer than the default.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const USERNAME_5: AuthOption = AuthOption {
    name: "username",
    dest: "username",
    help: "Optional label used only to keep cached tokens for different SSO accounts apart. It is not used to authenticate; the identity is chosen in the browser. Set a distinct value per account, or leave it unset if only one account is used.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const PROJECT_ID_2: AuthOption = AuthOption {
    name: "project-id",
    dest: "project_id",
    help: "Project ID to scope to",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &["tenant-id"],
};
const PROJECT_NAME_2: AuthOption = AuthOption {
    name: "project-name",
    dest: "project_name",
    help: "Project name to scope to",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &["tenant-name"],
};
const DEFAULT_DOMAIN_ID: AuthOption = AuthOption {
    name: "default-domain-id",
    dest: "default_domain_id",
    help: "Optional domain ID to use with v3 and v2 parameters. It will be used for both the user and project domain in v3 and ignored in v2 authentication.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const DEFAULT_DOMAIN_NAME: AuthOption = AuthOption {
    name: "default-domain-name",
    dest: "default_domain_name",
    help: "Optional domain name to use with v3 API and v2 parameters. It will be used for both the user and project domain in v3 and ignored in v2 authentication.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const TOKEN_2: AuthOption = AuthOption {
    name: "token",
    dest: "token",
    help: "Token to authenticate with",
    required: false,
    secret: true,
    prompt: None,
    deprecated: &[],
};
const ACCESS_TOKEN: AuthOption = AuthOption {
    name: "access-token",
    dest: "access_token",
    help: "OAuth 2.0 Access Token",
    required: true,
    secret: true,
    prompt: None,
    deprecated: &[],
};
const ENDPOINT_2: AuthOption = AuthOption {
    name: "endpoint",
    dest: "endpoint",
    help: "The endpoint that will always be used",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &["url"],
};
const TOKEN_3: AuthOption = AuthOption {
    name: "token",
    dest: "token",
    help: "The token that will always be used",
    required: false,
    secret: true,
    prompt: None,
    deprecated: &[],
};
const REDIRECT_URI: AuthOption = AuthOption {
    name: "redirect-uri",
    dest: "redirect_uri",
    help: "OpenID Connect Redirect URL",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const CODE: AuthOption = AuthOption {
    name: "code",
    dest: "code",
    help: "OAuth 2.0 Authorization Code",
    required: true,
    secret: true,
    prompt: None,
    deprecated: &["authorization-code"],
};
const USER_ID_3: AuthOption = AuthOption {
    name: "user-id",
    dest: "user_id",
    help: "User id",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const USER_DOMAIN_ID_2: AuthOption = AuthOption {
    name: "user-domain-id",
    dest: "user_domain_id",
    help: "User's domain id",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const DEVICE_AUTHORIZATION_ENDPOINT: AuthOption = AuthOption {
    name: "device-authorization-endpoint",
    dest: "device_authorization_endpoint",
    help: "OAuth 2.0 Device Authorization Endpoint. Note that if a discovery document is being passed this option will override the endpoint provided by the server in the discovery document.",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const CODE_CHALLENGE_METHOD: AuthOption = AuthOption {
    name: "code-challenge-method",
    dest: "code_challenge_method",
    help: "PKCE Challenge Method (RFC 7636)",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const APPLICATION_CREDENTIAL_SECRET: AuthOption = AuthOption {
    name: "application_credential_secret",
    dest: "application_credential_secret",
    help: "Application credential auth secret",
    required: true,
    secret: true,
    prompt: None,
    deprecated: &[],
};
const APPLICATION_CREDENTIAL_ID: AuthOption = AuthOption {
    name: "application_credential_id",
    dest: "application_credential_id",
    help: "Application credential ID",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const APPLICATION_CREDENTIAL_NAME: AuthOption = AuthOption {
    name: "application_credential_name",
    dest: "application_credential_name",
    help: "Application credential name",
    required: false,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const OAUTH2_ENDPOINT_2: AuthOption = AuthOption {
    name: "oauth2-endpoint",
    dest: "oauth2_endpoint",
    help: "Endpoint for OAuth2.0 Mutual-TLS Authorization",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};
const OAUTH2_CLIENT_ID_2: AuthOption = AuthOption {
    name: "oauth2-client-id",
    dest: "oauth2_client_id",
    help: "Client credential ID for OAuth2.0 Mutual-TLS Authorization",
    required: true,
    secret: false,
    prompt: None,
    deprecated: &[],
};

/// Every auth plugin, in the order the reference listing uses (see the module documentation).
pub static PLUGINS: &[AuthPlugin] = &[
    AuthPlugin {
        name: "http_basic",
        class: "HTTPBasicAuth",
        extra_args: &[],
        any_args: false,
        positional: &[],
        identity: false,
        options: &[USERNAME, PASSWORD, ENDPOINT],
    },
    AuthPlugin {
        name: "v3oidcpassword",
        class: "OidcPassword",
        extra_args: &["reauthenticate", "include_catalog"],
        any_args: false,
        positional: &[
            "auth_url",
            "identity_provider",
            "protocol",
            "client_id",
            "client_secret",
        ],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            IDENTITY_PROVIDER,
            PROTOCOL,
            CLIENT_ID,
            CLIENT_SECRET,
            OPENID_SCOPE,
            ACCESS_TOKEN_ENDPOINT,
            DISCOVERY_ENDPOINT,
            ACCESS_TOKEN_TYPE,
            USERNAME_2,
            PASSWORD_2,
            IDP_OTP_KEY,
        ],
    },
    AuthPlugin {
        name: "v2password",
        class: "Password",
        extra_args: &["reauthenticate"],
        any_args: false,
        positional: &["auth_url"],
        identity: true,
        options: &[
            AUTH_URL,
            TENANT_ID,
            TENANT_NAME,
            TRUST_ID,
            USERNAME_3,
            USER_ID,
            PASSWORD_3,
        ],
    },
    AuthPlugin {
        name: "v2token",
        class: "Token",
        extra_args: &["reauthenticate"],
        any_args: false,
        positional: &["auth_url", "token"],
        identity: true,
        options: &[AUTH_URL, TENANT_ID, TENANT_NAME, TRUST_ID, TOKEN],
    },
    AuthPlugin {
        name: "v3multifactor",
        class: "MultiFactor",
        extra_args: &["unscoped", "reauthenticate", "include_catalog"],
        any_args: true,
        positional: &["auth_url", "auth_methods"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            AUTH_METHODS,
        ],
    },
    AuthPlugin {
        name: "v3oauth2clientcredential",
        class: "OAuth2ClientCredential",
        extra_args: &["reauthenticate", "include_catalog"],
        any_args: false,
        positional: &[
            "auth_url",
            "oauth2_endpoint",
            "oauth2_client_id",
            "oauth2_client_secret",
        ],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            OAUTH2_ENDPOINT,
            OAUTH2_CLIENT_ID,
            OAUTH2_CLIENT_SECRET,
        ],
    },
    AuthPlugin {
        name: "v3tokenlessauth",
        class: "TokenlessAuth",
        extra_args: &[],
        any_args: false,
        positional: &["auth_url"],
        identity: false,
        options: &[
            AUTH_URL,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
        ],
    },
    AuthPlugin {
        name: "v3totp",
        class: "TOTP",
        extra_args: &["unscoped", "reauthenticate", "include_catalog"],
        any_args: false,
        positional: &["auth_url", "passcode"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            USER_ID_2,
            USERNAME_4,
            USER_DOMAIN_ID,
            USER_DOMAIN_NAME,
            PASSCODE,
        ],
    },
    AuthPlugin {
        name: "v3oidcclientcredentials",
        class: "OidcClientCredentials",
        extra_args: &["reauthenticate", "include_catalog"],
        any_args: false,
        positional: &[
            "auth_url",
            "identity_provider",
            "protocol",
            "client_id",
            "client_secret",
        ],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            IDENTITY_PROVIDER,
            PROTOCOL,
            CLIENT_ID,
            CLIENT_SECRET,
            OPENID_SCOPE,
            ACCESS_TOKEN_ENDPOINT,
            DISCOVERY_ENDPOINT,
            ACCESS_TOKEN_TYPE,
        ],
    },
    AuthPlugin {
        name: "v3websso",
        class: "WebSSO",
        extra_args: &["reauthenticate", "include_catalog"],
        any_args: false,
        positional: &["auth_url", "identity_provider", "protocol"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            IDENTITY_PROVIDER,
            PROTOCOL,
            REDIRECT_HOST,
            REDIRECT_PORT,
            LOGIN_TIMEOUT,
            USERNAME_5,
        ],
    },
    AuthPlugin {
        name: "token",
        class: "Token",
        extra_args: &["tenant_id", "tenant_name", "reauthenticate"],
        any_args: false,
        positional: &["auth_url", "token"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID_2,
            PROJECT_NAME_2,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            DEFAULT_DOMAIN_ID,
            DEFAULT_DOMAIN_NAME,
            TOKEN_2,
        ],
    },
    AuthPlugin {
        name: "v3oidcaccesstoken",
        class: "OidcAccessToken",
        extra_args: &[
            "access_token_type",
            "scope",
            "access_token_endpoint",
            "discovery_endpoint",
            "reauthenticate",
            "include_catalog",
        ],
        any_args: false,
        positional: &["auth_url", "identity_provider", "protocol"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            IDENTITY_PROVIDER,
            PROTOCOL,
            ACCESS_TOKEN,
        ],
    },
    AuthPlugin {
        name: "admin_token",
        class: "Token",
        extra_args: &[],
        any_args: false,
        positional: &["endpoint", "token"],
        identity: false,
        options: &[ENDPOINT_2, TOKEN_3],
    },
    AuthPlugin {
        name: "v3oidcauthcode",
        class: "OidcAuthorizationCode",
        extra_args: &["reauthenticate", "include_catalog"],
        any_args: false,
        positional: &[
            "auth_url",
            "identity_provider",
            "protocol",
            "client_id",
            "client_secret",
        ],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            IDENTITY_PROVIDER,
            PROTOCOL,
            CLIENT_ID,
            CLIENT_SECRET,
            OPENID_SCOPE,
            ACCESS_TOKEN_ENDPOINT,
            DISCOVERY_ENDPOINT,
            ACCESS_TOKEN_TYPE,
            REDIRECT_URI,
            CODE,
        ],
    },
    AuthPlugin {
        name: "password",
        class: "Password",
        extra_args: &["tenant_id", "tenant_name", "reauthenticate"],
        any_args: false,
        positional: &["auth_url"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID_2,
            PROJECT_NAME_2,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            DEFAULT_DOMAIN_ID,
            DEFAULT_DOMAIN_NAME,
            USER_ID_3,
            USERNAME,
            USER_DOMAIN_ID_2,
            USER_DOMAIN_NAME,
            PASSWORD,
        ],
    },
    AuthPlugin {
        name: "v3oidcdeviceauthz",
        class: "OidcDeviceAuthorization",
        extra_args: &["code_challenge", "reauthenticate", "include_catalog"],
        any_args: false,
        positional: &["auth_url", "identity_provider", "protocol", "client_id"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            IDENTITY_PROVIDER,
            PROTOCOL,
            CLIENT_ID,
            CLIENT_SECRET,
            OPENID_SCOPE,
            ACCESS_TOKEN_ENDPOINT,
            DISCOVERY_ENDPOINT,
            ACCESS_TOKEN_TYPE,
            DEVICE_AUTHORIZATION_ENDPOINT,
            CODE_CHALLENGE_METHOD,
        ],
    },
    AuthPlugin {
        name: "v3applicationcredential",
        class: "ApplicationCredential",
        extra_args: &["unscoped", "reauthenticate", "include_catalog"],
        any_args: false,
        positional: &["auth_url", "application_credential_secret"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            USER_ID_2,
            USERNAME_4,
            USER_DOMAIN_ID,
            USER_DOMAIN_NAME,
            APPLICATION_CREDENTIAL_SECRET,
            APPLICATION_CREDENTIAL_ID,
            APPLICATION_CREDENTIAL_NAME,
        ],
    },
    AuthPlugin {
        name: "v3token",
        class: "Token",
        extra_args: &["unscoped", "reauthenticate", "include_catalog"],
        any_args: false,
        positional: &["auth_url", "token"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            TOKEN_2,
        ],
    },
    AuthPlugin {
        name: "v3password",
        class: "Password",
        extra_args: &["unscoped", "reauthenticate", "include_catalog"],
        any_args: false,
        positional: &["auth_url", "password"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            USER_ID_2,
            USERNAME_4,
            USER_DOMAIN_ID,
            USER_DOMAIN_NAME,
            PASSWORD,
        ],
    },
    AuthPlugin {
        name: "v3oauth2mtlsclientcredential",
        class: "OAuth2mTlsClientCredential",
        extra_args: &["reauthenticate", "include_catalog"],
        any_args: false,
        positional: &["auth_url", "oauth2_endpoint", "oauth2_client_id"],
        identity: true,
        options: &[
            AUTH_URL,
            SYSTEM_SCOPE,
            DOMAIN_ID,
            DOMAIN_NAME,
            PROJECT_ID,
            PROJECT_NAME,
            PROJECT_DOMAIN_ID,
            PROJECT_DOMAIN_NAME,
            TRUST_ID,
            OAUTH2_ENDPOINT_2,
            OAUTH2_CLIENT_ID_2,
        ],
    },
    AuthPlugin {
        name: "none",
        class: "NoAuth",
        extra_args: &[],
        any_args: false,
        positional: &[],
        identity: false,
        options: &[ENDPOINT],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_set_matches_keystoneauth() {
        let mut names: Vec<&str> = PLUGINS.iter().map(|p| p.name).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "admin_token",
                "http_basic",
                "none",
                "password",
                "token",
                "v2password",
                "v2token",
                "v3applicationcredential",
                "v3multifactor",
                "v3oauth2clientcredential",
                "v3oauth2mtlsclientcredential",
                "v3oidcaccesstoken",
                "v3oidcauthcode",
                "v3oidcclientcredentials",
                "v3oidcdeviceauthz",
                "v3oidcpassword",
                "v3password",
                "v3token",
                "v3tokenlessauth",
                "v3totp",
                "v3websso",
            ]
        );
    }

    #[test]
    fn secrets_and_prompts() {
        assert_eq!(secret_dests("v3password"), ["password"]);
        assert_eq!(
            secret_dests("v3applicationcredential"),
            ["application_credential_secret"]
        );
        assert_eq!(secret_dests("v3oidcauthcode"), ["client_secret", "code"]);
        assert!(secret_dests("nonexistent").is_empty());
        let totp = plugin("v3totp").unwrap();
        let passcode = totp.options.iter().find(|o| o.dest == "passcode").unwrap();
        assert_eq!(passcode.prompt, Some("TOTP passcode: "));
        let generic = plugin("password").unwrap();
        let project_id = generic
            .options
            .iter()
            .find(|o| o.dest == "project_id")
            .unwrap();
        assert_eq!(project_id.deprecated, ["tenant-id"]);
        let scope = plugin("v3oidcpassword")
            .unwrap()
            .options
            .iter()
            .find(|o| o.name == "openid-scope")
            .unwrap();
        assert_eq!(
            (scope.key(), scope.dest),
            ("openid_scope".to_owned(), "scope")
        );
    }
}
