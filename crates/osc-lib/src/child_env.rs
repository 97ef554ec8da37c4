//! The environment of the processes `openstack` starts (external plugins, `stty`): without secrets.
//!
//! A plugin gets the token it needs through its request pipe (see `external::process`), never a password. Yet a
//! child inherits the whole environment of `openstack` by default, and with it `OS_PASSWORD`, `OS_TOKEN`,
//! `OS_APPLICATION_CREDENTIAL_SECRET`... which it could log, pass on to its own children, or leave in a crash
//! report. Every child is therefore started without the `OS_*` variables that hold a secret; the other `OS_*`
//! variables (`OS_CLOUD`, `OS_REGION_NAME`, `OS_AUTH_URL`, `OS_USERNAME`...) stay, so that a plugin can still
//! read the user's choices, as `docs/plugins.md` lists.

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::process::Command;

use crate::config::plugins::PLUGINS;
use crate::http::is_secret_key;

/// The prefix of the variables openstacksdk reads (`OS_PASSWORD`); only these are ever removed.
const PREFIX: &[u8] = b"OS_";

/// Whether the variable `name` holds a secret: an `OS_*` variable whose rest ends like a secret key of the
/// `--debug` redaction (`PASSWORD`, `SECRET`, `TOKEN`, `PASSCODE`...), or is the `dest` of a secret option of any
/// auth plugin (`OS_CODE` of `v3oidcauthcode`).
pub fn is_secret_var(name: &[u8]) -> bool {
    let Some(rest) = name.strip_prefix(PREFIX) else {
        return false;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        // No option of openstack is named so; a name that is not UTF-8 is not read as an option either.
        return false;
    };
    let key = rest.to_ascii_lowercase();
    is_secret_key(&key)
        || PLUGINS.iter().any(|plugin| {
            plugin
                .options
                .iter()
                .any(|option| option.secret && option.dest == key)
        })
}

/// The secret variables of this process's environment, by name.
pub fn secret_vars() -> Vec<OsString> {
    std::env::vars_os()
        .map(|(name, _)| name)
        .filter(|name| is_secret_var(name.as_bytes()))
        .collect()
}

/// Removes every secret variable of this process's environment from `command`'s.
pub fn strip_secrets(command: &mut Command) -> &mut Command {
    for name in secret_vars() {
        command.env_remove(name);
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_recognised_by_name() {
        for secret in [
            "OS_PASSWORD",
            "OS_TOKEN",
            "OS_AUTH_TOKEN",
            "OS_ACCESS_TOKEN",
            "OS_APPLICATION_CREDENTIAL_SECRET",
            "OS_CLIENT_SECRET",
            "OS_OAUTH2_CLIENT_SECRET",
            "OS_PASSCODE",
            "OS_CODE",
            "OS_password",
        ] {
            assert!(is_secret_var(secret.as_bytes()), "{secret}");
        }
        for plain in [
            "OS_CLOUD",
            "OS_REGION_NAME",
            "OS_AUTH_URL",
            "OS_USERNAME",
            "OS_PROJECT_NAME",
            "OS_AUTH_TYPE",
            "OS_ACCESS_TOKEN_TYPE",
            "OS_ACCESS_TOKEN_ENDPOINT",
            "OS_CLIENT_CONFIG_FILE",
            "PASSWORD",
            "MY_OS_PASSWORD",
        ] {
            assert!(!is_secret_var(plain.as_bytes()), "{plain}");
        }
        assert!(!is_secret_var(b"OS_\xffPASSWORD"));
    }
}
