//! `configuration show` (python-openstackclient `openstackclient/common/configuration.py`): the configuration
//! flattened one level (`auth.<key>`), secrets masked unless `--unmask`, fields sorted.

use serde_json::{Map, Value};

use super::plugins::secret_dests;

/// What a masked secret shows.
pub const REDACTED: &str = "<redacted>";

/// The fields and values of `configuration show` for this configuration.
///
/// `auth_plugin_name` is the auth plugin chosen when authentication was set up in this process (none for a plain
/// `configuration show`, which does not authenticate): its secret options are masked, else `password` and `token`.
pub fn show_fields(
    config: &Map<String, Value>,
    mask: bool,
    auth_plugin_name: Option<&str>,
) -> (Vec<String>, Vec<cliff::Value>) {
    let secret_opts: Vec<String> = match auth_plugin_name.filter(|n| !n.is_empty()) {
        Some(name) => secret_dests(name).into_iter().map(str::to_owned).collect(),
        None => vec!["password".to_owned(), "token".to_owned()],
    };
    let mut info = config.clone();
    let auth = info.shift_remove("auth");
    if let Some(Value::Object(auth)) = auth {
        for (key, value) in auth {
            let value = if mask && secret_opts.contains(&key.to_lowercase()) {
                Value::String(REDACTED.to_owned())
            } else {
                value
            };
            info.insert(format!("auth.{key}"), value);
        }
    }
    if mask {
        for secret in &secret_opts {
            if info.contains_key(secret) {
                info.insert(secret.clone(), Value::String(REDACTED.to_owned()));
            }
        }
    }
    let mut entries: Vec<(String, Value)> = info.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
        .into_iter()
        .map(|(k, v)| (k, cliff::Value::from_json(&v)))
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn config() -> Map<String, Value> {
        json!({
            "verbose_level": 1,
            "auth": {"password": "s3cret", "username": "demo", "Token": "t"},
            "password": "top",
            "token": "tok",
            "api_timeout": null,
            "networks": []
        })
        .as_object()
        .cloned()
        .unwrap()
    }

    #[test]
    fn masks_default_secrets_and_flattens_auth() {
        let (fields, values) = show_fields(&config(), true, None);
        assert_eq!(
            fields,
            [
                "api_timeout",
                "auth.Token",
                "auth.password",
                "auth.username",
                "networks",
                "password",
                "token",
                "verbose_level"
            ]
        );
        assert_eq!(
            values,
            vec![
                cliff::Value::Null,
                cliff::Value::str(REDACTED),
                cliff::Value::str(REDACTED),
                cliff::Value::str("demo"),
                cliff::Value::List(vec![]),
                cliff::Value::str(REDACTED),
                cliff::Value::str(REDACTED),
                cliff::Value::Int(1),
            ]
        );
    }

    #[test]
    fn unmask_shows_everything() {
        let (_, values) = show_fields(&config(), false, None);
        assert_eq!(values[2], cliff::Value::str("s3cret"));
        assert_eq!(values[5], cliff::Value::str("top"));
    }

    #[test]
    fn plugin_secrets_replace_the_default_list() {
        let config =
            json!({"auth": {"application_credential_secret": "x", "password": "p"}, "token": "t"});
        let (fields, values) = show_fields(
            config.as_object().unwrap(),
            true,
            Some("v3applicationcredential"),
        );
        assert_eq!(
            fields,
            [
                "auth.application_credential_secret",
                "auth.password",
                "token"
            ]
        );
        assert_eq!(
            values,
            vec![
                cliff::Value::str(REDACTED),
                cliff::Value::str("p"),
                cliff::Value::str("t")
            ]
        );
    }
}
