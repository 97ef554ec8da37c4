//! `catalog list` and `catalog show`: the service catalog of the session's token.

use cliff::{Arg, Args, Command, CommandKind, Output, Parser, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::output;

/// OSC's `EndpointsColumn`: per endpoint, its region (or `<none>`) then `  <interface>: <url>`.
pub fn endpoints_column(endpoints: &Json) -> Value {
    let mut human = String::new();
    if let Json::Array(items) = endpoints {
        for endpoint in items {
            let text = |key: &str| match endpoint.get(key) {
                Some(Json::String(s)) if !s.is_empty() => Some(s.clone()),
                _ => None,
            };
            let region = text("region_id")
                .or_else(|| text("region"))
                .unwrap_or_else(|| "<none>".to_owned());
            let interface = endpoint.get("interface").map(py_text).unwrap_or_default();
            let url = endpoint.get("url").map(py_text).unwrap_or_default();
            human.push_str(&format!("{region}\n  {interface}: {url}\n"));
        }
    }
    Value::Column {
        human,
        machine: Box::new(Value::from_json(endpoints)),
    }
}

fn py_text(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        other => osc_lib::utils::py_str(&Value::from_json(other)),
    }
}

/// The catalog in the session's token.
fn catalog(ctx: &mut ClientManager) -> Result<Vec<Json>> {
    let token = ctx.token()?;
    Ok(match token.body.pointer("/token/catalog") {
        Some(Json::Array(services)) => services.clone(),
        _ => Vec::new(),
    })
}

/// `catalog list`.
pub struct ListCatalog;

impl Command<ClientManager> for ListCatalog {
    fn description(&self) -> &str {
        "List services in the service catalog"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::Lister
    }

    fn take_action(&self, ctx: &mut ClientManager, _args: &Args) -> Result<Output> {
        let rows = catalog(ctx)?
            .iter()
            .map(|service| {
                vec![
                    output::ks_attr(service, "name"),
                    output::ks_attr(service, "type"),
                    service
                        .get("endpoints")
                        .map_or_else(|| Value::str(""), endpoints_column),
                ]
            })
            .collect();
        Ok(output::list(&["Name", "Type", "Endpoints"], rows))
    }
}

/// `catalog show <service>`.
pub struct ShowCatalog;

impl Command<ClientManager> for ShowCatalog {
    fn description(&self) -> &str {
        "Display service catalog details"
    }

    fn kind(&self) -> CommandKind {
        CommandKind::ShowOne
    }

    fn add_arguments(&self, parser: &mut Parser) {
        parser.add(
            Arg::positional("service")
                .metavar("<service>")
                .help("Service to display (type or name)"),
        );
    }

    fn take_action(&self, ctx: &mut ClientManager, args: &Args) -> Result<Output> {
        let wanted = args.str("service").unwrap_or("");
        let found = catalog(ctx)?.into_iter().find(|service| {
            service.get("name").and_then(Json::as_str) == Some(wanted)
                || service.get("type").and_then(Json::as_str) == Some(wanted)
        });
        let Some(Json::Object(service)) = found else {
            // OSC logs the miss and shows nothing, successfully.
            log::error!("service {wanted} not found\n");
            return Ok(Output::Show {
                fields: Vec::new(),
                values: Vec::new(),
            });
        };
        let mut pairs: Vec<(String, Value)> = service
            .iter()
            .filter(|(key, _)| key.as_str() != "links")
            .map(|(key, value)| {
                let shown = if key == "endpoints" {
                    endpoints_column(value)
                } else {
                    Value::from_json(value)
                };
                (key.clone(), shown)
            })
            .collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::show(pairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{run, s};

    #[test]
    fn lists_the_token_catalog() {
        let (result, sent) = run(&ListCatalog, &[], &[]);
        assert!(sent.is_empty());
        let Output::List { columns, rows } = result.unwrap() else {
            panic!("not a list")
        };
        assert_eq!(columns, vec!["Name", "Type", "Endpoints"]);
        assert_eq!(rows[0][0], Value::str("keystone"));
        assert_eq!(
            rows[0][2],
            Value::Column {
                human: "RegionOne\n  public: http://ks/v3\n<none>\n  admin: http://ks/v3\n"
                    .to_owned(),
                machine: Box::new(Value::from_json(
                    &crate::testing::token_body()["token"]["catalog"][0]["endpoints"]
                )),
            }
        );
        assert_eq!(
            rows[1][2],
            Value::Column {
                human: String::new(),
                machine: Box::new(Value::List(vec![]))
            }
        );
    }

    #[test]
    fn shows_one_service_sorted_without_links() {
        let (result, _) = run(&ShowCatalog, &[("service", s("workflowv2"))], &[]);
        let Output::Show { fields, .. } = result.unwrap() else {
            panic!("not a show")
        };
        assert_eq!(fields, vec!["endpoints", "id", "name", "type"]);
        let (result, _) = run(&ShowCatalog, &[("service", s("nova"))], &[]);
        assert_eq!(
            result.unwrap(),
            Output::Show {
                fields: vec![],
                values: vec![]
            }
        );
    }
}
