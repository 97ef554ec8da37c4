//! openstacksdk's `location` of a resource (a `Munch` of the cloud, region and the token's project), which OSC
//! shows where a command lists every attribute of a resource by its keys (`server show`, `tap flow update`).

use cliff::{Result, Value};
use serde_json::Value as Json;

use crate::ClientManager;

/// The location: Python's repr of the `Munch` in tables, the dict elsewhere.
pub fn sdk_location(ctx: &mut ClientManager) -> Result<Value> {
    let cloud = ctx.settings.cloud.as_ref().map(|c| c.name().to_owned());
    let region = ctx
        .settings
        .cloud
        .as_ref()
        .and_then(|c| c.region_name().map(str::to_owned));
    let token = ctx.token()?;
    let project = token
        .body
        .pointer("/token/project")
        .cloned()
        .unwrap_or(Json::Null);
    let text = |v: Option<&Json>| {
        v.map_or(Value::Null, |v| match v {
            Json::String(s) => Value::Str(s.clone()),
            Json::Null => Value::Null,
            other => Value::Str(other.to_string()),
        })
    };
    let project = Value::Dict(vec![
        ("id".to_owned(), text(project.get("id"))),
        ("name".to_owned(), text(project.get("name"))),
        ("domain_id".to_owned(), Value::Null),
        (
            "domain_name".to_owned(),
            text(project.pointer("/domain/name")),
        ),
    ]);
    let location = Value::Dict(vec![
        ("cloud".to_owned(), cloud.map_or(Value::Null, Value::Str)),
        (
            "region_name".to_owned(),
            region.map_or(Value::Null, Value::Str),
        ),
        ("zone".to_owned(), Value::Null),
        ("project".to_owned(), project),
    ]);
    let Value::Dict(pairs) = &location else {
        return Ok(location);
    };
    let inner: Vec<String> = pairs
        .iter()
        .map(|(k, v)| {
            let shown = if k == "project" {
                format!("Munch({})", crate::utils::py_repr(v))
            } else {
                crate::utils::py_repr(v)
            };
            format!("'{k}': {shown}")
        })
        .collect();
    Ok(Value::Column {
        human: format!("Munch({{{}}})", inner.join(", ")),
        machine: Box::new(location),
    })
}
