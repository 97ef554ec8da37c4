//! From a loaded cloud configuration to an authenticated session: osc-lib's `ClientManager.setup_auth`.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::time::Duration;

use cliff::Result;
use serde_json::Value as Json;

use crate::config::CloudConfig;
use crate::http::HttpConfig;
use crate::session::{Session, SessionConfig};

/// Validates the auth options (prompting for a missing password on a terminal) and prepares the session.
/// Nothing is sent: the session authenticates, or finds its token in the cache, on first use.
pub fn connect(cloud: &mut CloudConfig) -> Result<Session> {
    crate::config::types::check_session_settings(cloud.config())?;
    cloud.validate_auth(&mut prompt_secret)?;
    let auth: BTreeMap<String, String> = cloud
        .auth()
        .iter()
        .filter_map(|(key, value)| option_string(value).map(|value| (key.clone(), value)))
        .collect();
    let mut config = SessionConfig::new(
        cloud.auth_type().unwrap_or("password"),
        auth,
        cloud.cache_auth(),
    );
    config.http = HttpConfig {
        verify: cloud.verify(),
        cacert: cloud.cacert().map(Into::into),
        cert: cloud.cert().map(Into::into),
        key: cloud.key().map(Into::into),
        timeout: cloud
            .timeout()
            .filter(|t| *t > 0.0)
            .map(Duration::from_secs_f64),
        ..HttpConfig::default()
    };
    config.region_name = cloud.region_name().map(str::to_owned);
    config.interface = cloud.interface().unwrap_or("public").to_owned();
    config.endpoint_overrides = cloud
        .config()
        .iter()
        .filter_map(|(key, value)| {
            let service = key.strip_suffix("_endpoint_override")?;
            Some((service.replace('_', "-"), option_string(value)?))
        })
        .collect();
    Session::new(config)
}

/// An auth option as keystoneauth receives it: strings as they are, numbers and booleans as Python's `str()`.
fn option_string(value: &Json) -> Option<String> {
    match value {
        Json::Null => None,
        Json::String(s) if s.is_empty() => None,
        Json::String(s) => Some(s.clone()),
        Json::Bool(true) => Some("True".to_owned()),
        Json::Bool(false) => Some("False".to_owned()),
        other => Some(other.to_string()),
    }
}

/// osc-lib's `prompt_for_password`: asks on the terminal with echo off; `None` when stdin is not a terminal.
fn prompt_secret(prompt: &str) -> Option<String> {
    if !cliff::terminal::stdin_is_tty() {
        return None;
    }
    let mut stderr = std::io::stderr();
    let _ = write!(stderr, "{prompt}: ");
    let _ = stderr.flush();
    let echo = EchoGuard::off();
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    drop(echo);
    let _ = writeln!(stderr);
    read.ok()?;
    let secret = line.trim_end_matches(['\r', '\n']).to_owned();
    (!secret.is_empty()).then_some(secret)
}

/// Turns terminal echo off while alive.
struct EchoGuard {
    saved: Option<libc::termios>,
}

impl EchoGuard {
    fn off() -> Self {
        // SAFETY: tcgetattr/tcsetattr on fd 0 with a zeroed, exclusively owned termios; failures leave `saved`
        // empty and the terminal untouched.
        unsafe {
            let mut term: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut term) != 0 {
                return EchoGuard { saved: None };
            }
            let saved = term;
            term.c_lflag &= !libc::ECHO;
            if libc::tcsetattr(0, libc::TCSANOW, &term) != 0 {
                return EchoGuard { saved: None };
            }
            EchoGuard { saved: Some(saved) }
        }
    }
}

impl Drop for EchoGuard {
    fn drop(&mut self) {
        if let Some(saved) = self.saved {
            // SAFETY: restores the attributes read in `off` on the same fd.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, &saved);
            }
        }
    }
}
