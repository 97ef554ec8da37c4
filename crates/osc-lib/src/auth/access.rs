//! What Keystone says about a token (keystoneauth's `AccessInfoV3`): who, scoped to what, until when, and the
//! catalog. Serialised as the token id plus Keystone's own body, so a cached entry is exactly what Keystone sent.

use cliff::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::catalog::Catalog;

/// An id with an optional name (a domain or a role).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdName {
    /// The id.
    pub id: Option<String>,
    /// The name.
    pub name: Option<String>,
}

/// The token's user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenUser {
    /// User id.
    pub id: Option<String>,
    /// User name.
    pub name: Option<String>,
    /// The user's domain.
    pub domain: IdName,
}

/// The project a token is scoped to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenProject {
    /// Project id.
    pub id: Option<String>,
    /// Project name.
    pub name: Option<String>,
    /// The project's domain.
    pub domain: IdName,
}

/// A Keystone v3 token and what it grants.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredAuthRef", try_from = "StoredAuthRef")]
pub struct AuthRef {
    /// The token itself (`X-Subject-Token`).
    pub auth_token: String,
    /// `expires_at` as Keystone wrote it.
    pub expires_at: Option<String>,
    /// `issued_at` as Keystone wrote it.
    pub issued_at: Option<String>,
    /// The authentication methods used (`password`, `token`, `totp`...).
    pub methods: Vec<String>,
    /// The user.
    pub user: TokenUser,
    /// The project scope, if project-scoped.
    pub project: Option<TokenProject>,
    /// The domain scope, if domain-scoped.
    pub domain: Option<IdName>,
    /// Whether the token is scoped to the whole system (`{"system": {"all": true}}`).
    pub system_all: bool,
    /// The trust id, if trust-scoped.
    pub trust_id: Option<String>,
    /// The application credential id, if one was used.
    pub application_credential_id: Option<String>,
    /// The roles granted, in Keystone's order.
    pub roles: Vec<IdName>,
    /// The service catalog.
    pub catalog: Catalog,
    /// Keystone's whole answer: `{"token": {...}}`.
    pub body: Json,
}

/// Everything but the token itself, which is a secret.
impl std::fmt::Debug for AuthRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthRef")
            .field("auth_token", &"***")
            .field("expires_at", &self.expires_at)
            .field("methods", &self.methods)
            .field("user", &self.user)
            .field("project", &self.project)
            .field("domain", &self.domain)
            .field("system_all", &self.system_all)
            .field("trust_id", &self.trust_id)
            .field("roles", &self.roles)
            .finish_non_exhaustive()
    }
}

/// The cache's representation of an [`AuthRef`]: the token id and Keystone's body, nothing derived.
#[derive(Serialize, Deserialize)]
struct StoredAuthRef {
    token: String,
    body: Json,
}

impl From<AuthRef> for StoredAuthRef {
    fn from(auth: AuthRef) -> Self {
        StoredAuthRef {
            token: auth.auth_token,
            body: auth.body,
        }
    }
}

impl TryFrom<StoredAuthRef> for AuthRef {
    type Error = Error;

    fn try_from(stored: StoredAuthRef) -> Result<AuthRef> {
        AuthRef::from_token_body(stored.token, stored.body)
    }
}

fn text(value: Option<&Json>, key: &str) -> Option<String> {
    value
        .and_then(|value| value.get(key))
        .and_then(Json::as_str)
        .map(str::to_owned)
}

fn id_name(value: Option<&Json>) -> IdName {
    IdName {
        id: text(value, "id"),
        name: text(value, "name"),
    }
}

impl AuthRef {
    /// Reads Keystone's `{"token": {...}}` answer for the token `auth_token`; an answer without a `token` object
    /// is keystoneauth's "Invalid response from server."
    pub fn from_token_body(auth_token: String, body: Json) -> Result<AuthRef> {
        let token = body
            .get("token")
            .filter(|token| token.is_object())
            .ok_or_else(|| Error::command("Invalid response from server."))?;
        let user = token.get("user");
        let project = token.get("project").filter(|project| project.is_object());
        let domain = token.get("domain").filter(|domain| domain.is_object());
        Ok(AuthRef {
            expires_at: text(Some(token), "expires_at"),
            issued_at: text(Some(token), "issued_at"),
            methods: token
                .get("methods")
                .and_then(Json::as_array)
                .map(|methods| {
                    methods
                        .iter()
                        .filter_map(Json::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            user: TokenUser {
                id: text(user, "id"),
                name: text(user, "name"),
                domain: id_name(user.and_then(|user| user.get("domain"))),
            },
            project: project.map(|project| TokenProject {
                id: text(Some(project), "id"),
                name: text(Some(project), "name"),
                domain: id_name(project.get("domain")),
            }),
            domain: domain.map(|domain| id_name(Some(domain))),
            system_all: token
                .get("system")
                .and_then(|system| system.get("all"))
                .and_then(Json::as_bool)
                .unwrap_or(false),
            trust_id: text(token.get("OS-TRUST:trust"), "id"),
            application_credential_id: text(token.get("application_credential"), "id"),
            roles: token
                .get("roles")
                .and_then(Json::as_array)
                .map(|roles| roles.iter().map(|role| id_name(Some(role))).collect())
                .unwrap_or_default(),
            catalog: token
                .get("catalog")
                .map(Catalog::from_json)
                .unwrap_or_default(),
            auth_token,
            body,
        })
    }

    /// The expiry as seconds since the Unix epoch, if Keystone gave a readable one.
    pub fn expires(&self) -> Option<i64> {
        self.expires_at
            .as_deref()
            .and_then(parse_iso8601)
            .map(|time| time.unix)
    }

    /// The expiry as OSC's `token issue` shows it: `%Y-%m-%dT%H:%M:%S%z` (`2026-11-25T09:42:48+0000`).
    pub fn expires_display(&self) -> Option<String> {
        self.expires_at
            .as_deref()
            .and_then(parse_iso8601)
            .map(|time| time.strftime_z())
    }

    /// Whether the token expires within `seconds` of `now` (seconds since the epoch); a token without a readable
    /// expiry never does, as in keystoneauth.
    pub fn expires_within(&self, now: i64, seconds: i64) -> bool {
        self.expires()
            .is_some_and(|expires| expires - now <= seconds)
    }

    /// The project id of a project-scoped token.
    pub fn project_id(&self) -> Option<&str> {
        self.project
            .as_ref()
            .and_then(|project| project.id.as_deref())
    }

    /// The domain id of a domain-scoped token.
    pub fn domain_id(&self) -> Option<&str> {
        self.domain.as_ref().and_then(|domain| domain.id.as_deref())
    }

    /// The user id.
    pub fn user_id(&self) -> Option<&str> {
        self.user.id.as_deref()
    }

    /// The role names.
    pub fn role_names(&self) -> Vec<&str> {
        self.roles
            .iter()
            .filter_map(|role| role.name.as_deref())
            .collect()
    }
}

/// A point in time read from an ISO 8601 timestamp, with the UTC offset it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// Seconds since the Unix epoch (fractions dropped).
    pub unix: i64,
    /// The offset from UTC, in minutes.
    pub offset_minutes: i32,
}

impl Timestamp {
    /// `%Y-%m-%dT%H:%M:%S%z` in the timestamp's own offset.
    pub fn strftime_z(&self) -> String {
        let local = self.unix + i64::from(self.offset_minutes) * 60;
        let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
        let (year, month, day) = cliff::logging::civil_from_days(days);
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let offset = self.offset_minutes.abs();
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{sign}{:02}{:02}",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60,
            offset / 60,
            offset % 60
        )
    }
}

/// Days since the epoch of a civil date (the inverse of `civil_from_days`, Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]` (Keystone's `expires_at`); no offset means UTC.
pub fn parse_iso8601(text: &str) -> Option<Timestamp> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        if part.bytes().all(|byte| byte.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    if bytes.len() < 19
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't' | b' ')
    {
        return None;
    }
    if bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = rest[1..].chars().filter(|ch| *ch != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
                return None;
            }
            let hours: i32 = digits[..2].parse().ok()?;
            let minutes: i32 = digits[2..].parse().ok()?;
            sign * (hours * 60 + minutes)
        }
    };
    // Both values were range-checked above.
    let days = days_from_civil(year, month as u32, day as u32);
    let local = days * 86_400 + hour * 3600 + minute * 60 + second;
    Some(Timestamp {
        unix: local - i64::from(offset_minutes) * 60,
        offset_minutes,
    })
}

/// The current time in seconds since the epoch.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample_body() -> Json {
        json!({"token": {"methods": ["password"], "user": {"domain": {"id": "default", "name": "Default"},
            "id": "f34571c9a8464dce95b3270a9851aad3", "name": "admin", "password_expires_at": null},
            "audit_ids": ["vNOF3zZ9SN2qOL93RdV3iA"], "expires_at": "2026-11-25T09:42:48.000000Z",
            "issued_at": "2026-11-25T08:42:48.000000Z",
            "project": {"domain": {"id": "default", "name": "Default"}, "id": "ed3599bcea0747fd9ce06613f9ca6e22",
                "name": "admin"},
            "is_domain": false, "roles": [{"id": "d51f", "name": "admin"}, {"id": "ff08", "name": "reader"}],
            "catalog": [{"endpoints": [{"id": "167e", "interface": "public", "region_id": "RegionOne",
                "url": "http://127.0.0.1:5000/v3", "region": "RegionOne"}], "id": "2645", "type": "identity",
                "name": "keystone"}]}})
    }

    #[test]
    fn reads_a_project_token() {
        let auth = AuthRef::from_token_body("gAAAA".to_owned(), sample_body()).unwrap();
        assert_eq!(auth.user_id(), Some("f34571c9a8464dce95b3270a9851aad3"));
        assert_eq!(auth.user.domain.name.as_deref(), Some("Default"));
        assert_eq!(auth.project_id(), Some("ed3599bcea0747fd9ce06613f9ca6e22"));
        assert_eq!(
            auth.project.as_ref().unwrap().domain.id.as_deref(),
            Some("default")
        );
        assert_eq!(auth.domain, None);
        assert!(!auth.system_all);
        assert_eq!(auth.role_names(), ["admin", "reader"]);
        assert_eq!(auth.methods, ["password"]);
        assert_eq!(
            auth.expires_display().as_deref(),
            Some("2026-11-25T09:42:48+0000")
        );
        assert_eq!(auth.expires(), Some(1_795_599_768));
        assert_eq!(
            auth.catalog
                .url_for("identity", "public", None, None)
                .unwrap(),
            "http://127.0.0.1:5000/v3"
        );
        assert!(auth.expires_within(1_795_599_768 - 60, 60));
        assert!(!auth.expires_within(1_795_599_768 - 61, 60));
    }

    #[test]
    fn reads_domain_system_and_trust_scopes() {
        let domain = AuthRef::from_token_body(
            "t".to_owned(),
            json!({"token": {"domain": {"id": "default", "name": "Default"}, "user": {"id": "u"}}}),
        )
        .unwrap();
        assert_eq!(domain.domain_id(), Some("default"));
        let system = AuthRef::from_token_body(
            "t".to_owned(),
            json!({"token": {"system": {"all": true}, "user": {"id": "u"}}}),
        )
        .unwrap();
        assert!(system.system_all);
        let trust = AuthRef::from_token_body(
            "t".to_owned(),
            json!({"token": {"OS-TRUST:trust": {"id": "tr", "impersonation": false}, "user": {"id": "u"},
                "application_credential": {"id": "ac"}}}),
        )
        .unwrap();
        assert_eq!(trust.trust_id.as_deref(), Some("tr"));
        assert_eq!(trust.application_credential_id.as_deref(), Some("ac"));
        assert_eq!(trust.expires(), None);
        assert!(!trust.expires_within(i64::MAX, 60));
    }

    #[test]
    fn rejects_an_answer_without_token() {
        assert_eq!(
            AuthRef::from_token_body("t".to_owned(), json!({"error": {}}))
                .unwrap_err()
                .message,
            "Invalid response from server."
        );
    }

    #[test]
    fn serialises_as_token_and_body() {
        let auth = AuthRef::from_token_body("gAAAA".to_owned(), sample_body()).unwrap();
        let text = serde_json::to_string(&auth).unwrap();
        assert!(text.starts_with("{\"token\":\"gAAAA\",\"body\":{\"token\":"));
        let back: AuthRef = serde_json::from_str(&text).unwrap();
        assert_eq!(back, auth);
        assert!(serde_json::from_str::<AuthRef>("{\"token\":\"x\",\"body\":{}}").is_err());
        assert!(!format!("{auth:?}").contains("gAAAA"));
    }

    #[test]
    fn parses_iso8601() {
        let utc = parse_iso8601("2026-11-25T09:42:48.000000Z").unwrap();
        assert_eq!(utc.unix, 1_795_599_768);
        assert_eq!(parse_iso8601("1970-01-01T00:00:00Z").unwrap().unix, 0);
        assert_eq!(parse_iso8601("1969-12-31T23:59:59").unwrap().unix, -1);
        assert_eq!(
            parse_iso8601("2000-02-29T12:00:00+01:30").unwrap().unix,
            951_820_200
        );
        let offset = parse_iso8601("2026-11-25T10:42:48+0100").unwrap();
        assert_eq!(offset.unix, 1_795_599_768);
        assert_eq!(offset.strftime_z(), "2026-11-25T10:42:48+0100");
        for bad in [
            "",
            "2026-11-25",
            "2026-13-25T00:00:00Z",
            "2026-11-25T00:00:00.Z",
            "2026-11-25T00:00:00+1",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
        for days in [-800_000, -1, 0, 1, 20_417, 2_000_000] {
            let (y, m, d) = cliff::logging::civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
