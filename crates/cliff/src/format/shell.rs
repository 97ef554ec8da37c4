//! cliff's shell formatter: `name="value"` lines a UNIX shell can evaluate (ShowOne only).

use super::json::machine;
use super::python::str_of;
use crate::value::Value;

/// One line per field (or per field named by `--variable`), names lower-cased with spaces, colons and
/// dashes as underscores, double quotes in string values escaped.
pub(crate) fn emit_one(
    fields: &[String],
    values: &[&Value],
    prefix: &str,
    variables: &[String],
) -> String {
    let mut out = String::new();
    for (field, value) in fields.iter().zip(values) {
        let name = field.to_lowercase().replace(' ', "_");
        if !variables.is_empty() && !variables.contains(&name) {
            continue;
        }
        let is_text = matches!(value, Value::Str(_) | Value::Column { .. });
        let mut text = str_of(machine(value));
        if is_text {
            text = text.replace('"', "\\\"");
        }
        let name = name.replace([':', '-'], "_");
        out.push_str(prefix);
        out.push_str(&name);
        out.push_str("=\"");
        out.push_str(&text);
        out.push_str("\"\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_escaping() {
        let fields = vec![
            "Server Name".to_owned(),
            "os-ext:attr".to_owned(),
            "tags".to_owned(),
        ];
        let values = [
            Value::str("say \"hi\" $x"),
            Value::Int(3),
            Value::List(vec![Value::str("a\"b")]),
        ];
        let refs: Vec<&Value> = values.iter().collect();
        assert_eq!(
            emit_one(&fields, &refs, "os_", &[]),
            "os_server_name=\"say \\\"hi\\\" $x\"\nos_os_ext_attr=\"3\"\nos_tags=\"['a\"b']\"\n"
        );
        assert_eq!(
            emit_one(&fields, &refs, "", &["tags".to_owned()]),
            "tags=\"['a\"b']\"\n"
        );
    }
}
