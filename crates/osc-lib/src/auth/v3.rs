//! The Keystone v3 authentication request: the URL (after version discovery for the generic plugins), the JSON
//! body keystoneauth builds for each method and scope, and reading the answer.

use cliff::{Error, Result};
use serde_json::{json, Map, Value as Json};

use super::{AuthMethod, AuthRef, DomainRef, IdentityAuth, Scope, UserRef};
use crate::catalog::discover_versions;
use crate::clientmanager::Method;
use crate::http::{http_error, python_json, redact_json, HttpClient, Request};

const DISCOVERY_FAILURE: &str =
    "Could not find versioned identity endpoints when attempting to authenticate. \
                                 Please check that your auth_url is correct.";

fn domain_json(domain: &DomainRef) -> Json {
    match domain {
        DomainRef::Id(id) => json!({"id": id}),
        DomainRef::Name(name) => json!({"name": name}),
    }
}

/// Adds `id`, or `name` and `domain`, of a user to a method's user object (after its secret, as keystoneauth).
fn add_user(object: &mut Map<String, Json>, user: Option<&UserRef>) {
    match user {
        Some(UserRef::Id(id)) => {
            object.insert("id".to_owned(), Json::String(id.clone()));
        }
        Some(UserRef::Name { name, domain }) => {
            object.insert("name".to_owned(), Json::String(name.clone()));
            if let Some(domain) = domain {
                object.insert("domain".to_owned(), domain_json(domain));
            }
        }
        None => {}
    }
}

/// The method's name and its part of `auth.identity`; the token method also sends the token as `X-Auth-Token`.
fn method_data(method: &AuthMethod, headers: &mut Vec<(String, String)>) -> (&'static str, Json) {
    match method {
        AuthMethod::Password { user, password } => {
            let mut object = Map::new();
            object.insert(
                "password".to_owned(),
                Json::String(password.expose().to_owned()),
            );
            add_user(&mut object, user.as_ref());
            ("password", json!({"user": object}))
        }
        AuthMethod::Token { token } => {
            headers.push(("X-Auth-Token".to_owned(), token.expose().to_owned()));
            ("token", json!({"id": token.expose()}))
        }
        AuthMethod::ApplicationCredential {
            id,
            name,
            user,
            secret,
        } => {
            let mut object = Map::new();
            object.insert(
                "secret".to_owned(),
                Json::String(secret.expose().to_owned()),
            );
            match id {
                Some(id) => {
                    object.insert("id".to_owned(), Json::String(id.clone()));
                }
                None => {
                    object.insert(
                        "name".to_owned(),
                        name.clone().map_or(Json::Null, Json::String),
                    );
                    let mut owner = Map::new();
                    add_user(&mut owner, user.as_ref());
                    object.insert("user".to_owned(), Json::Object(owner));
                }
            }
            ("application_credential", Json::Object(object))
        }
        AuthMethod::Totp { user, passcode } => {
            let mut object = Map::new();
            object.insert(
                "passcode".to_owned(),
                Json::String(passcode.expose().to_owned()),
            );
            add_user(&mut object, user.as_ref());
            ("totp", json!({"user": object}))
        }
    }
}

fn scope_json(scope: &Scope) -> Option<Json> {
    Some(match scope {
        Scope::Default => return None,
        Scope::Domain(domain) => json!({"domain": domain_json(domain)}),
        Scope::ProjectId(id) => json!({"project": {"id": id}}),
        Scope::ProjectName { name, domain } => {
            let mut project = Map::new();
            project.insert("name".to_owned(), Json::String(name.clone()));
            if let Some(domain) = domain {
                project.insert("domain".to_owned(), domain_json(domain));
            }
            json!({"project": project})
        }
        Scope::Trust(id) => json!({"OS-TRUST:trust": {"id": id}}),
        Scope::Unscoped => Json::String("unscoped".to_owned()),
        Scope::System(_) => json!({"system": {"all": true}}),
    })
}

/// The `POST /v3/auth/tokens` body and the extra headers, as keystoneauth's `Auth.get_auth_ref` builds them.
pub(crate) fn auth_request_body(identity: &IdentityAuth) -> (Json, Vec<(String, String)>) {
    let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
    let mut ident = Map::new();
    let mut names = Vec::new();
    for method in &identity.methods {
        let (name, data) = method_data(method, &mut headers);
        names.push(Json::String(name.to_owned()));
        ident.insert("methods".to_owned(), Json::Array(names.clone()));
        ident.insert(name.to_owned(), data);
    }
    let mut auth = Map::new();
    auth.insert("identity".to_owned(), Json::Object(ident));
    if let Some(scope) = scope_json(&identity.scope) {
        auth.insert("scope".to_owned(), scope);
    }
    (json!({"auth": auth}), headers)
}

/// `<url>/auth/tokens`, or `<url>/v3/auth/tokens` when the URL does not end in `v3` (keystoneauth's rule).
pub(crate) fn token_url(auth_url: &str) -> String {
    let trimmed = auth_url.trim_end_matches('/');
    if trimmed.ends_with("v3") {
        format!("{trimmed}/auth/tokens")
    } else {
        format!("{trimmed}/v3/auth/tokens")
    }
}

/// The v3 endpoint of the version-discovering plugins: from the discovery document at `auth_url`, or, when that
/// cannot be had, from a `/v3` path in the URL (with keystoneauth's warning).
fn discovered_v3_url(http: &HttpClient, identity: &IdentityAuth) -> Result<String> {
    match discover_versions(http, &identity.auth_url) {
        Ok(mut versions) => {
            if identity.prefers_newest {
                versions.reverse();
            }
            versions
                .into_iter()
                .find(|data| data.version.0 == 3)
                .map(|data| data.url)
                .ok_or_else(|| Error::command(DISCOVERY_FAILURE))
        }
        Err(error) if crate::http::is_ca_bundle_missing(&error) => Err(error),
        Err(error) => {
            log::warn!(
                "Failed to discover available identity versions when contacting {}. Attempting to parse version \
                 from URL.",
                identity.auth_url
            );
            let path = identity
                .auth_url
                .split_once("://")
                .map_or(identity.auth_url.as_str(), |(_, rest)| rest);
            let path = path
                .find('/')
                .map_or("", |slash| &path[slash..])
                .to_ascii_lowercase();
            if path.starts_with("/v3") {
                Ok(identity.auth_url.clone())
            } else if path.starts_with("/v2.0") {
                Err(Error::command(
                    "Identity API v2.0 is not supported; use a v3 auth_url",
                ))
            } else {
                Err(Error::command(format!(
                    "{DISCOVERY_FAILURE} {}",
                    error.message
                )))
            }
        }
    }
}

/// Gets a token: discovery when the plugin needs it, then `POST .../auth/tokens` (not logged as REQ/RESP, as in
/// keystoneauth: the body holds secrets), then Keystone's answer read into an [`AuthRef`].
pub(crate) fn authenticate(http: &HttpClient, identity: &IdentityAuth) -> Result<AuthRef> {
    let base = if identity.auth_type.discovers_version() {
        discovered_v3_url(http, identity)?
    } else {
        identity.auth_url.clone()
    };
    let url = token_url(&base);
    let (body, headers) = auth_request_body(identity);
    log::debug!("Making authentication request to {url}");
    let mut request = Request::new(Method::Post, url).json(body);
    request.headers = headers;
    request.log = false;
    let response = http.send(&request)?;
    if response.status >= 400 {
        log::debug!("Request returned failure status: {}", response.status);
        return Err(http_error(&response));
    }
    let invalid = || Error::command("Invalid response from server.");
    let answer: Json = serde_json::from_slice(&response.body).map_err(|_| invalid())?;
    log::debug!("{}", python_json(&redact_json(&answer)));
    if answer.get("token").is_none() {
        return Err(invalid());
    }
    let token = response.header("x-subject-token").ok_or_else(invalid)?;
    AuthRef::from_token_body(token, answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::AuthPlugin;
    use std::collections::BTreeMap;

    fn body_of(auth_type: &str, pairs: &[(&str, &str)]) -> (String, Vec<(String, String)>) {
        let options: BTreeMap<String, String> = pairs
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        let AuthPlugin::Identity(identity) = AuthPlugin::load(auth_type, &options).unwrap() else {
            panic!("not identity")
        };
        let (body, headers) = auth_request_body(&identity);
        (python_json(&body), headers)
    }

    const URL: (&str, &str) = ("auth_url", "http://127.0.0.1:5000/v3");

    #[test]
    fn password_project_name_body() {
        let (body, headers) = body_of(
            "password",
            &[
                URL,
                ("username", "admin"),
                ("password", "pw"),
                ("user_domain_name", "Default"),
                ("project_name", "admin"),
                ("project_domain_name", "Default"),
            ],
        );
        assert_eq!(
            body,
            r#"{"auth": {"identity": {"methods": ["password"], "password": {"user": {"password": "pw", "name": "admin", "domain": {"name": "Default"}}}}, "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}"#
        );
        assert_eq!(
            headers,
            [("Accept".to_owned(), "application/json".to_owned())]
        );
    }

    #[test]
    fn password_by_ids_and_other_scopes() {
        let base = [URL, ("user_id", "u1"), ("password", "pw")];
        let with = |extra: &[(&str, &str)]| {
            let mut all = base.to_vec();
            all.extend_from_slice(extra);
            body_of("v3password", &all).0
        };
        let identity = r#"{"identity": {"methods": ["password"], "password": {"user": {"password": "pw", "id": "u1"}}}"#;
        assert_eq!(with(&[]), format!("{{\"auth\": {identity}}}}}"));
        assert_eq!(
            with(&[("project_id", "p1")]),
            format!("{{\"auth\": {identity}, \"scope\": {{\"project\": {{\"id\": \"p1\"}}}}}}}}")
        );
        assert_eq!(
            with(&[("domain_name", "Default")]),
            format!(
                "{{\"auth\": {identity}, \"scope\": {{\"domain\": {{\"name\": \"Default\"}}}}}}}}"
            )
        );
        assert_eq!(
            with(&[("system_scope", "all")]),
            format!("{{\"auth\": {identity}, \"scope\": {{\"system\": {{\"all\": true}}}}}}}}")
        );
        assert_eq!(
            with(&[("trust_id", "t1")]),
            format!(
                "{{\"auth\": {identity}, \"scope\": {{\"OS-TRUST:trust\": {{\"id\": \"t1\"}}}}}}}}"
            )
        );
        assert_eq!(
            with(&[("unscoped", "true")]),
            format!("{{\"auth\": {identity}, \"scope\": \"unscoped\"}}}}")
        );
    }

    #[test]
    fn token_body_sends_the_token_header() {
        let (body, headers) = body_of("v3token", &[URL, ("token", "gAAAA"), ("project_id", "p")]);
        assert_eq!(
            body,
            r#"{"auth": {"identity": {"methods": ["token"], "token": {"id": "gAAAA"}}, "scope": {"project": {"id": "p"}}}}"#
        );
        assert_eq!(headers[1], ("X-Auth-Token".to_owned(), "gAAAA".to_owned()));
    }

    #[test]
    fn application_credential_bodies() {
        let (by_id, _) = body_of(
            "v3applicationcredential",
            &[
                URL,
                ("application_credential_id", "ac1"),
                ("application_credential_secret", "s"),
            ],
        );
        assert_eq!(
            by_id,
            r#"{"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"secret": "s", "id": "ac1"}}}}"#
        );
        let (by_name, _) = body_of(
            "v3applicationcredential",
            &[
                URL,
                ("application_credential_name", "mine"),
                ("application_credential_secret", "s"),
                ("username", "demo"),
                ("user_domain_id", "default"),
            ],
        );
        assert_eq!(
            by_name,
            r#"{"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"secret": "s", "name": "mine", "user": {"name": "demo", "domain": {"id": "default"}}}}}}"#
        );
    }

    #[test]
    fn totp_and_multifactor_bodies() {
        let (totp, _) = body_of(
            "v3totp",
            &[
                URL,
                ("user_id", "u1"),
                ("passcode", "012345"),
                ("project_id", "p"),
            ],
        );
        assert_eq!(
            totp,
            r#"{"auth": {"identity": {"methods": ["totp"], "totp": {"user": {"passcode": "012345", "id": "u1"}}}, "scope": {"project": {"id": "p"}}}}"#
        );
        let (both, _) = body_of(
            "v3multifactor",
            &[
                URL,
                ("auth_methods", "v3password,v3totp"),
                ("username", "admin"),
                ("user_domain_id", "default"),
                ("password", "pw"),
                ("passcode", "012345"),
            ],
        );
        assert_eq!(
            both,
            r#"{"auth": {"identity": {"methods": ["password", "totp"], "password": {"user": {"password": "pw", "name": "admin", "domain": {"id": "default"}}}, "totp": {"user": {"passcode": "012345", "name": "admin", "domain": {"id": "default"}}}}}}"#
        );
    }

    #[test]
    fn generic_password_uses_the_default_domain() {
        let (body, _) = body_of(
            "password",
            &[
                URL,
                ("username", "admin"),
                ("password", "pw"),
                ("project_name", "admin"),
                ("default_domain_id", "default"),
            ],
        );
        assert_eq!(
            body,
            r#"{"auth": {"identity": {"methods": ["password"], "password": {"user": {"password": "pw", "name": "admin", "domain": {"id": "default"}}}}, "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}"#
        );
    }

    #[test]
    fn token_urls() {
        assert_eq!(
            token_url("http://k:5000/v3"),
            "http://k:5000/v3/auth/tokens"
        );
        assert_eq!(
            token_url("http://k:5000/v3/"),
            "http://k:5000/v3/auth/tokens"
        );
        assert_eq!(token_url("http://k:5000"), "http://k:5000/v3/auth/tokens");
        assert_eq!(
            token_url("http://k/identity/"),
            "http://k/identity/v3/auth/tokens"
        );
    }
}
