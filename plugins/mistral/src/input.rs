//! What the commands read from the user: definition files, and inputs given either as JSON text or as the path of
//! a JSON (or, for environments, YAML) file, with mistralclient's rules and Python's error messages.

use std::io::Read;

use cliff::{Error, Result};
use serde_json::{Map, Value as Json};

use crate::pyjson;
use crate::text::str_repr;

/// A file argument (argparse `FileType('r')`): its whole text, `-` being standard input. A file that cannot be read
/// is a usage error worded as argparse's.
///
/// argparse would print the command's usage line above the message; the command does not know it, so only the
/// `error:` line is shown.
pub fn read_file_argument(command: &str, dest: &str, path: &str) -> Result<String> {
    let read = if path == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    read.map_err(|err| {
        Error::usage(format!(
            "openstack {command}: error: argument {dest}: can't open '{path}': {}\n",
            os_error(&err, path)
        ))
    })
}

/// Python's `str(OSError)`: `[Errno 2] No such file or directory: 'path'`.
fn os_error(err: &std::io::Error, path: &str) -> String {
    match err.raw_os_error() {
        Some(code) => {
            let text = std::io::Error::from_raw_os_error(code).to_string();
            let strerror = text
                .strip_suffix(&format!(" (os error {code})"))
                .unwrap_or(&text);
            format!("[Errno {code}] {strerror}: {}", str_repr(path))
        }
        // Not an OS error: the file is not UTF-8 text.
        None => format!("'utf-8' codec can't decode {}", str_repr(path)),
    }
}

/// mistralclient's `load_json`: the JSON in the file at `text` when it can be opened, else `text` itself as JSON.
///
/// Like Python's `open(path, 'r+b')`, a file that cannot be opened for writing is not read: `text` is then parsed
/// as JSON itself.
pub fn load_json(text: &str) -> Result<Json> {
    let opened = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(text);
    let content = match opened {
        Ok(mut file) => {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Err(_) => text.to_owned(),
    };
    pyjson::loads(&content).map_err(Error::command)
}

/// mistralclient's `load_content`: nothing is `{}`; YAML (which covers JSON) first, JSON's error if neither parses.
pub fn load_content(content: Option<&str>) -> Result<Json> {
    let Some(content) = content.filter(|c| !c.is_empty()) else {
        return Ok(Json::Object(Map::new()));
    };
    if let Some(value) = load_yaml(content) {
        return Ok(value);
    }
    pyjson::loads(content).map_err(Error::command)
}

/// The `--env` of `workflow execution update` and `task execution rerun`: a file's content when it names a file,
/// else the text itself (mistralclient's `load_file` / `load_content`).
pub fn load_env(value: Option<&str>) -> Result<Json> {
    match value {
        Some(path) if !path.is_empty() && std::path::Path::new(path).is_file() => {
            let content = std::fs::read_to_string(path)?;
            load_content(Some(&content))
        }
        other => load_content(other),
    }
}

/// One YAML document as JSON, read with PyYAML's rules as mistralclient does (osc-lib's YAML loader);
/// `None` when the text is not a single YAML document.
pub fn load_yaml(content: &str) -> Option<Json> {
    osc_lib::config::yaml::load(content)
        .ok()
        .map(|doc| doc.unwrap_or(Json::Null))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn content_is_yaml_or_json() {
        assert_eq!(load_content(None).unwrap(), json!({}));
        assert_eq!(load_content(Some("")).unwrap(), json!({}));
        assert_eq!(
            load_content(Some(
                "name: mtest-env\nvariables:\n  a: 1\n  b: [x, 2.5, true, null]\n"
            ))
            .unwrap(),
            json!({"name": "mtest-env", "variables": {"a": 1, "b": ["x", 2.5, true, null]}})
        );
        assert_eq!(
            load_content(Some(r#"{"name": "e", "variables": {"z": 1, "a": 2}}"#))
                .unwrap()
                .to_string(),
            r#"{"name":"e","variables":{"z":1,"a":2}}"#
        );
        assert_eq!(
            load_content(Some("{bad: [}")).unwrap_err().message,
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
    }

    #[test]
    fn json_text_or_file() {
        assert_eq!(
            load_json(r#"{"name": "OSC"}"#).unwrap(),
            json!({"name": "OSC"})
        );
        assert_eq!(
            load_json("{'bogus': 1}").unwrap_err().message,
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
        let path = std::env::temp_dir().join(format!("mtest-input-{}.json", std::process::id()));
        std::fs::write(&path, "{\"from\": \"file\"}").unwrap();
        let loaded = load_json(path.to_str().unwrap());
        std::fs::remove_file(&path).unwrap();
        assert_eq!(loaded.unwrap(), json!({"from": "file"}));
    }

    #[test]
    fn missing_file_argument() {
        let err = read_file_argument("workflow create", "definition", "/nonexistent/mtest.yaml")
            .unwrap_err();
        assert_eq!(err.kind, cliff::ErrorKind::Usage);
        assert_eq!(
            err.message,
            "openstack workflow create: error: argument definition: can't open '/nonexistent/mtest.yaml': \
             [Errno 2] No such file or directory: '/nonexistent/mtest.yaml'\n"
        );
    }
}
