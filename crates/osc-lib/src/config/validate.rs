//! Checking the auth options before authenticating, in python-openstackclient's order:
//! openstacksdk `_get_auth_loader` → osc-lib `OSC_Config._validate_auth` (missing required values, prompts) →
//! keystoneauth `load_from_options` (plugin-specific checks, then the plugin constructor's argument errors) →
//! osc-lib `ClientManager.setup_auth` (`check_valid_authentication_options`, the password prompt, K2K).
//!
//! Messages are the Python ones, including the constructor `TypeError`s users see
//! (`Password.__init__() got an unexpected keyword argument 'token'`).

use cliff::{Error, Result};
use serde_json::{Map, Value};

use super::plugins::{plugin, AuthOption, AuthPlugin};
use super::pyfmt::truthy;
use super::CloudConfig;

/// osc-lib `prompt_for_password`'s error when no password could be read.
pub const NO_PASSWORD: &str = "No password entered, or found via --os-password or OS_PASSWORD";

/// `_find_winning_auth_value`: the value under the option's name or one of its deprecated names.
fn find_winning(opt: &AuthOption, map: &Map<String, Value>) -> Option<Value> {
    std::iter::once(opt.name)
        .chain(opt.deprecated.iter().copied())
        .find_map(|name| map.get(&name.replace('-', "_")).cloned())
}

/// Python's wording for missing positional arguments: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn missing_arguments(class: &str, missing: &[&str]) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    let (count, noun) = if missing.len() == 1 {
        ("1".to_owned(), "argument")
    } else {
        (missing.len().to_string(), "arguments")
    };
    format!("{class}.__init__() missing {count} required positional {noun}: {list}")
}

/// keystoneauth's `load_from_options` checks and the plugin constructor's argument binding.
fn check_plugin_arguments(plugin: &AuthPlugin, auth: &Map<String, Value>) -> Result<()> {
    let set = |key: &str| auth.get(key).is_some_and(truthy);
    if matches!(
        plugin.name,
        "v3password" | "v3totp" | "v3applicationcredential" | "v3multifactor"
    ) && set("username")
        && !(set("user_domain_name") || set("user_domain_id"))
    {
        return Err(Error::command(
            "You have provided a username. In the V3 identity API a username is only unique within a domain so \
             you must also provide either a user_domain_id or user_domain_name.",
        ));
    }
    if plugin.name == "v3applicationcredential"
        && !set("application_credential_id")
        && !set("application_credential_name")
    {
        return Err(Error::command(
            "You must provide either an application credential ID or an application credential name and user.",
        ));
    }
    if matches!(
        plugin.name,
        "v3oidcpassword" | "v3oidcauthcode" | "v3oidcclientcredentials" | "v3oidcdeviceauthz"
    ) && !(set("access_token_endpoint") || set("discovery_endpoint"))
    {
        return Err(Error::command(
            "You have to specify either an 'access-token-endpoint' or a 'discovery-endpoint'.",
        ));
    }
    if plugin.name == "v3tokenlessauth"
        && ((!set("domain_id")
            && !set("domain_name")
            && !set("project_id")
            && !set("project_name"))
            || (set("project_name") && !(set("project_domain_name") || set("project_domain_id"))))
    {
        return Err(Error::command(
            "You need to provide either a domain_name, domain_id, project_id or project_name. If you have provided \
             a project_name, in the V3 identity API a project_name is only unique within a domain so you must also \
             provide either a project_domain_id or project_domain_name.",
        ));
    }
    if !plugin.any_args {
        let accepted = |key: &str| {
            plugin.options.iter().any(|o| o.dest == key) || plugin.extra_args.contains(&key)
        };
        if let Some(unexpected) = auth.keys().find(|k| !accepted(k)) {
            return Err(Error::command(format!(
                "{}.__init__() got an unexpected keyword argument '{unexpected}'",
                plugin.class
            )));
        }
    }
    let missing: Vec<&str> = plugin
        .positional
        .iter()
        .copied()
        .filter(|p| !auth.contains_key(*p))
        .collect();
    if !missing.is_empty() {
        return Err(Error::command(missing_arguments(plugin.class, &missing)));
    }
    if plugin.name == "v2password"
        && !auth.contains_key("username")
        && !auth.contains_key("user_id")
    {
        return Err(Error::command(
            "You need to specify either a username or user_id",
        ));
    }
    Ok(())
}

/// osc-lib's `check_valid_authentication_options`.
fn check_authentication_options(plugin: &AuthPlugin, auth: &Map<String, Value>) -> Result<()> {
    let has_dest = |dest: &str| plugin.options.iter().any(|o| o.dest == dest);
    let set = |key: &str| auth.get(key).is_some_and(truthy);
    let mut msgs: Vec<&str> = Vec::new();
    if auth.is_empty() && plugin.name != "none" {
        msgs.push("Set a cloud-name with --os-cloud or OS_CLOUD");
    } else {
        if has_dest("password") && !(set("username") || set("user_id")) {
            msgs.push(
                "Set a username with --os-username, OS_USERNAME, or auth.username or set a user-id with \
                 --os-user-id, OS_USER_ID, or auth.user_id",
            );
        }
        if has_dest("auth_url") && !set("auth_url") {
            msgs.push(
                "Set an authentication URL, with --os-auth-url, OS_AUTH_URL or auth.auth_url",
            );
        }
        if has_dest("url") && !set("url") {
            msgs.push("Set a service URL, with --os-url, OS_URL or auth.url");
        }
        if has_dest("token") && !set("token") {
            msgs.push("Set a token with --os-token, OS_TOKEN or auth.token");
        }
    }
    if msgs.is_empty() {
        Ok(())
    } else {
        Err(Error::command(format!(
            "Missing parameter(s): \n{}",
            msgs.join("\n")
        )))
    }
}

fn ask(prompt: &mut dyn FnMut(&str) -> Option<String>, text: &str) -> Result<String> {
    prompt(text)
        .filter(|answer| !answer.is_empty())
        .ok_or_else(|| Error::command(NO_PASSWORD))
}

impl CloudConfig {
    /// Checks the auth options for the chosen plugin and completes them, as python-openstackclient does before a
    /// command that needs authentication (never call it for others): top-level values move into
    /// [`CloudConfig::auth`], missing required values are reported ("Missing value auth-url required for auth
    /// plugin password"), a missing password or passcode is asked through `prompt`, and the plugin's own argument
    /// checks run.
    ///
    /// `prompt` receives keystoneauth's prompt text (`Password: `, `TOTP passcode: `) and returns the answer, or
    /// `None` when it cannot ask (stdin is not a terminal, or end of input): then the error is osc-lib's "No
    /// password entered, or found via --os-password or OS_PASSWORD". This library never reads the terminal.
    pub fn validate_auth(&mut self, prompt: &mut dyn FnMut(&str) -> Option<String>) -> Result<()> {
        // _get_auth_loader
        let auth_type = match self.config.get("auth_type") {
            None | Some(Value::Null) => "none".to_owned(),
            Some(value) => match super::pyfmt::py_str(value).as_str() {
                "" | "None" => "none".to_owned(),
                "token_endpoint" => "admin_token".to_owned(),
                other => other.to_owned(),
            },
        };
        self.config
            .insert("auth_type".to_owned(), Value::String(auth_type.clone()));
        let plugin = plugin(&auth_type)
            .ok_or_else(|| Error::command(format!("The plugin {auth_type} could not be found")))?;
        if !matches!(self.config.get("auth"), Some(Value::Object(_))) {
            self.config
                .insert("auth".to_owned(), Value::Object(Map::new()));
        }

        // v3multifactor also takes the options of each of its methods (a later method's option replaces an earlier
        // one of the same name in place), as openstacksdk primes keystoneauth's loader with `auth_methods`.
        let mut options: Vec<AuthOption> = plugin.options.to_vec();
        if plugin.name == "v3multifactor" {
            if let Some(Value::Array(methods)) = self.config.get("auth_methods") {
                for method in methods {
                    let method = super::pyfmt::py_str(method);
                    let method_plugin = super::plugins::plugin(&method).ok_or_else(|| {
                        Error::command(format!("The plugin {method} could not be found"))
                    })?;
                    for opt in method_plugin.options {
                        match options.iter_mut().find(|o| o.name == opt.name) {
                            Some(existing) => *existing = *opt,
                            None => options.push(*opt),
                        }
                    }
                }
            }
        }

        // OSC_Config._validate_auth
        let mut auth = match self.config.shift_remove("auth") {
            Some(Value::Object(auth)) => auth,
            _ => Map::new(),
        };
        let mut msgs = Vec::new();
        let mut prompts: Vec<&AuthOption> = Vec::new();
        for opt in &options {
            let mut winning = find_winning(opt, &self.config);
            if !winning.as_ref().is_some_and(truthy) {
                winning = find_winning(opt, &auth);
            }
            let winning = winning.filter(truthy);
            if winning.is_none() && opt.required {
                msgs.push(format!(
                    "Missing value {} required for auth plugin {auth_type}",
                    opt.name
                ));
            }
            for name in std::iter::once(opt.name).chain(opt.deprecated.iter().copied()) {
                let key = name.replace('-', "_");
                self.config.shift_remove(&key);
                auth.shift_remove(&key);
            }
            if let Some(value) = winning {
                auth.insert(opt.dest.to_owned(), value);
            }
            if opt.prompt.is_some() && !auth.contains_key(opt.dest) {
                prompts.push(opt);
            }
        }
        let result = (|| {
            if !msgs.is_empty() {
                return Err(Error::command(msgs.join("\n")));
            }
            for opt in prompts {
                let answer = ask(prompt, opt.prompt.unwrap_or("Password: "))?;
                auth.insert(opt.dest.to_owned(), Value::String(answer));
            }
            check_plugin_arguments(plugin, &auth)?;

            // ClientManager.setup_auth
            check_authentication_options(plugin, &auth)?;
            if plugin.name.ends_with("password") && !auth.get("password").is_some_and(truthy) {
                let answer = ask(prompt, "Password: ")?;
                auth.insert("password".to_owned(), Value::String(answer));
            }
            if self.service_provider().is_some() && !plugin.identity {
                return Err(Error::command(format!(
                    "keystone-to-keystone (k2k) federation requires use of an Identity-based authentication \
                     plugin. Got: {auth_type}"
                )));
            }
            Ok(())
        })();
        self.config.insert("auth".to_owned(), Value::Object(auth));
        result
    }

    /// osc-lib's `check_valid_authorization_options`, for a command that needs a scoped token when the token it
    /// got has no project or domain scope.
    pub fn check_scope_options(&self) -> Result<()> {
        let set = |key: &str| self.auth().get(key).is_some_and(truthy);
        if set("project_id")
            && !set("domain_id")
            && !set("domain_name")
            && !set("project_name")
            && !set("tenant_id")
            && !set("tenant_name")
        {
            return Err(Error::command(
                "Missing parameter(s): Set either a project or a domain scope, but not both. Set a project scope \
                 with --os-project-name, OS_PROJECT_NAME, or auth.project_name. Alternatively, set a domain scope \
                 with --os-domain-name, OS_DOMAIN_NAME or auth.domain_name.",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_missing_argument_wording() {
        assert_eq!(
            missing_arguments("Token", &["token"]),
            "Token.__init__() missing 1 required positional argument: 'token'"
        );
        assert_eq!(
            missing_arguments("Token", &["endpoint", "token"]),
            "Token.__init__() missing 2 required positional arguments: 'endpoint' and 'token'"
        );
        assert_eq!(
            missing_arguments("X", &["a", "b", "c"]),
            "X.__init__() missing 3 required positional arguments: 'a', 'b', and 'c'"
        );
    }
}
