//! Turning Mistral's JSON resources into what the commands return: columns with their API field names, cells with
//! mistralclient's conventions (`<none>`, missing attributes as `None`), raw text for the `... show` commands that
//! print JSON, and the per-item report of deletes.

use cliff::{Args, Error, Output, Result, Value};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::pyjson;
use crate::text::truthy;

/// One column of a resource's table: the API field, its heading, and whether it is computed here (synthetic
/// columns are not asked of the API).
pub type Column = (&'static str, &'static str, bool);

/// `MistralFormatter.fields()`: the API fields to request.
pub fn fields(columns: &[Column]) -> Vec<&'static str> {
    columns
        .iter()
        .filter(|(_, _, synthetic)| !synthetic)
        .map(|(field, _, _)| *field)
        .collect()
}

/// `MistralFormatter.headings()`.
pub fn headings(columns: &[Column]) -> Vec<&'static str> {
    columns.iter().map(|(_, heading, _)| *heading).collect()
}

/// A resource attribute (`None` when the API left it out, as `getattr(obj, name, None)`).
pub fn field<'j>(resource: &'j Json, name: &str) -> &'j Json {
    resource.get(name).unwrap_or(&Json::Null)
}

/// The attribute as a cell.
pub fn cell(resource: &Json, name: &str) -> Value {
    Value::from_json(field(resource, name))
}

/// `value or '<none>'`.
pub fn or_none(value: &Json) -> Value {
    if truthy(value) {
        Value::from_json(value)
    } else {
        Value::str("<none>")
    }
}

/// A ShowOne result from headings and cells.
pub fn show(headings: &[&str], values: Vec<Value>) -> Output {
    Output::Show {
        fields: headings.iter().map(|h| (*h).to_owned()).collect(),
        values,
    }
}

/// What the `input/output/result/published show` commands print: JSON text pretty-printed with an indent of 4
/// and a newline, text that is not JSON as it is, and a lone newline for nothing.
pub fn raw_json_text(value: &Json) -> Result<String> {
    match value {
        Json::String(text) => Ok(match pyjson::loads(text) {
            Ok(parsed) => format!("{}\n", pyjson::dumps(&parsed, Some(4))),
            Err(_) if text.is_empty() => "\n".to_owned(),
            Err(_) => text.clone(),
        }),
        other if !truthy(other) => Ok("\n".to_owned()),
        other => Err(Error::command(format!(
            "write() argument must be str, not {}",
            python_type(other)
        ))),
    }
}

/// The Python type name of a JSON-derived value.
pub fn python_type(value: &Json) -> &'static str {
    match value {
        Json::Null => "NoneType",
        Json::Bool(_) => "bool",
        Json::Number(n) if n.is_f64() => "float",
        Json::Number(_) => "int",
        Json::String(_) => "str",
        Json::Array(_) => "list",
        Json::Object(_) => "dict",
    }
}

/// A definition or content as `self.app.stdout.write(text or "\n")` prints it.
pub fn text_or_newline(value: &Json) -> Result<Output> {
    match value {
        Json::String(text) if !text.is_empty() => Ok(Output::Text { text: text.clone() }),
        other if !truthy(other) => Ok(Output::Text {
            text: "\n".to_owned(),
        }),
        other => Err(Error::command(format!(
            "write() argument must be str, not {}",
            python_type(other)
        ))),
    }
}

/// mistralclient's `do_action_on_many`: runs `action` on each item (up to `--parallel` at once, see
/// [`osc_lib::multi`]), printing the success message or the error on stdout in the items' order; any failure ends
/// the command with `error_message` (exit 1) after the report.
pub fn on_many<F, M>(
    manager: &mut ClientManager,
    args: &Args,
    items: &[String],
    action: F,
    success: M,
    error_message: &str,
) -> Result<Output>
where
    F: Fn(&mut ClientManager, &str) -> Result<()> + Sync,
    M: Fn(&str) -> String,
{
    let parallel = osc_lib::multi::parallelism(manager, args)?;
    let results = osc_lib::multi::run_each(manager, items, parallel, action)?;
    let mut report = String::new();
    let mut failed = false;
    for (item, result) in items.iter().zip(results) {
        match result {
            Ok(()) => report.push_str(&success(item)),
            Err(err) => {
                failed = true;
                report.push_str(&err.message);
            }
        }
        report.push('\n');
    }
    let text = Output::Text { text: report };
    Ok(if failed {
        Output::Failed {
            output: Box::new(text),
            message: error_message.to_owned(),
        }
    } else {
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn raw_text_as_mistralclient_prints_it() {
        assert_eq!(
            raw_json_text(&json!("{\"name\": \"OSC\"}")).unwrap(),
            "{\n    \"name\": \"OSC\"\n}\n"
        );
        assert_eq!(
            raw_json_text(&json!("\"Hello, OSC!\"")).unwrap(),
            "\"Hello, OSC!\"\n"
        );
        assert_eq!(raw_json_text(&json!("not json")).unwrap(), "not json");
        assert_eq!(raw_json_text(&Json::Null).unwrap(), "\n");
        assert_eq!(raw_json_text(&json!("")).unwrap(), "\n");
        assert_eq!(
            raw_json_text(&json!({"a": 1})).unwrap_err().message,
            "write() argument must be str, not dict"
        );
    }

    #[test]
    fn deletes_report_each_item() {
        let items = vec!["a".to_owned(), "b".to_owned()];
        // No cloud is needed: the actions here send nothing.
        let mut manager = ClientManager::new(Default::default(), Box::new(|| unreachable!()));
        let args = Args::default();
        let all_ok = on_many(
            &mut manager,
            &args,
            &items,
            |_, _| Ok(()),
            |item| format!("Request to delete workflow {item} has been accepted."),
            "Unable to delete the specified workflow(s).",
        )
        .expect("no error");
        assert_eq!(
            all_ok,
            Output::Text {
                text: "Request to delete workflow a has been accepted.\n\
                       Request to delete workflow b has been accepted.\n"
                    .to_owned()
            }
        );
        let one_fails = on_many(
            &mut manager,
            &args,
            &items,
            |_, item| {
                if item == "b" {
                    Err(Error::command("Workflow not found [workflow_identifier=b]"))
                } else {
                    Ok(())
                }
            },
            |item| format!("Request to delete workflow {item} has been accepted."),
            "Unable to delete the specified workflow(s).",
        )
        .expect("no error");
        assert_eq!(
            one_fails,
            Output::Failed {
                output: Box::new(Output::Text {
                    text: "Request to delete workflow a has been accepted.\n\
                           Workflow not found [workflow_identifier=b]\n"
                        .to_owned()
                }),
                message: "Unable to delete the specified workflow(s).".to_owned(),
            }
        );
    }

    #[test]
    fn columns_and_cells() {
        const COLUMNS: &[Column] = &[("id", "ID", false), ("duration", "Duration", true)];
        assert_eq!(fields(COLUMNS), vec!["id"]);
        assert_eq!(headings(COLUMNS), vec!["ID", "Duration"]);
        let resource = json!({"tags": [], "task_execution_id": null, "id": "x"});
        assert_eq!(or_none(field(&resource, "tags")), Value::str("<none>"));
        assert_eq!(
            or_none(field(&resource, "task_execution_id")),
            Value::str("<none>")
        );
        assert_eq!(cell(&resource, "updated_at"), Value::Null);
        assert_eq!(cell(&resource, "id"), Value::str("x"));
    }
}
