//! `federation domain list` and `federation project list`: what the token may be scoped to
//! (keystoneclient `federation.domains` / `federation.projects`).

use cliff::{Args, Command, CommandKind, Output, Result};
use osc_lib::{ClientManager, Method};
use serde_json::Value as Json;

use crate::output::{self, fail};
use crate::resources::SERVICE_TYPE;
use openstack_sdk::{Call, Wording};

/// GET `/auth/<kind>` and the named columns (`''` for a missing field).
fn accessible(ctx: &mut ClientManager, kind: &str, columns: &[&str]) -> Result<Output> {
    let answer = fail(
        Call::new(SERVICE_TYPE, Method::Get, format!("/auth/{kind}"))
            .wording(Wording::Keystoneauth)
            .json(ctx),
    )?;
    let rows = match answer.get(kind) {
        Some(Json::Array(items)) => items
            .iter()
            .map(|item| {
                let map = item.as_object().cloned().unwrap_or_default();
                osc_lib::utils::get_dict_properties(&map, columns, &[])
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(output::list(columns, rows))
}

/// `federation domain list`.
pub struct ListAccessibleDomains;

impl Command<ClientManager> for ListAccessibleDomains {
    fn description(&self) -> &str {
        "List accessible domains"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        accessible(ctx, "domains", &["ID", "Enabled", "Name", "Description"])
    }
}

/// `federation project list`.
pub struct ListAccessibleProjects;

impl Command<ClientManager> for ListAccessibleProjects {
    fn description(&self) -> &str {
        "List accessible projects"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        accessible(ctx, "projects", &["ID", "Domain ID", "Enabled", "Name"])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::run;
    use cliff::Value;

    #[test]
    fn lists_accessible_projects() {
        let body = r#"{"projects": [{"id": "p1", "domain_id": "default", "enabled": true, "name": "admin"}]}"#;
        let (result, sent) = run(&ListAccessibleProjects, &[], &[(200, body)]);
        assert_eq!(sent, vec!["GET /auth/projects"]);
        assert_eq!(
            result.unwrap(),
            output::list(
                &["ID", "Domain ID", "Enabled", "Name"],
                vec![vec![
                    Value::str("p1"),
                    Value::str("default"),
                    Value::Bool(true),
                    Value::str("admin")
                ]]
            )
        );
    }
}
