//! What OSC's image commands share: finding an image as openstacksdk's `Image.find` does, shaping an image as
//! `_format_image`, Python's wording of OS errors, and the options several commands take.

use cliff::{Arg, ArgValue, Args, Error, Output, Parser, Result, Value};
use osc_lib::format_columns::{dict_column, list_column};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use crate::attrs;
use crate::resources::IMAGE;
use openstack_sdk as sdk;
use openstack_sdk::{Failure, Res};

/// Converts a failure into the command's error.
pub fn fail<T>(result: Res<T>) -> Result<T> {
    result.map_err(Error::from)
}

/// A string option Python treats as set (`if parsed_args.x:`).
pub fn given<'a>(args: &'a Args, dest: &str) -> Option<&'a str> {
    args.str(dest).filter(|s| !s.is_empty())
}

/// A tri-state flag pair (`store_true`/`store_false` with default `None`).
pub fn tri_state(args: &Args, dest: &str) -> Option<bool> {
    match args.get(dest) {
        ArgValue::Bool(b) => Some(*b),
        _ => None,
    }
}

/// `Image.find`: by ID, then by name, then among the hidden images; `None` when nothing matched.
pub fn find_image_opt(cm: &mut ClientManager, name_or_id: &str) -> Res<Option<Json>> {
    if let Some(found) = sdk::find(cm, &IMAGE, IMAGE.base_path, name_or_id, &[], true)? {
        return Ok(Some(found));
    }
    let hidden = sdk::list(
        cm,
        &IMAGE,
        IMAGE.base_path,
        &[("is_hidden", Some("True".to_owned()))],
        None,
    )?;
    let mut found: Option<Json> = None;
    for item in hidden {
        let id = item.get("id").and_then(Json::as_str);
        let name = item.get("name").and_then(Json::as_str);
        if id == Some(name_or_id) || name == Some(name_or_id) {
            if found.is_some() {
                return Err(Failure::Duplicate(format!(
                    "More than one Image exists with the name '{name_or_id}'."
                )));
            }
            found = Some(item);
        }
    }
    Ok(found)
}

/// `find_image(name_or_id, ignore_missing=False)`.
pub fn find_image(cm: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    find_image_opt(cm, name_or_id)?
        .ok_or_else(|| Failure::NotFound(format!("No Image found for {name_or_id}")))
}

/// `get_image(id)`.
pub fn get_image(cm: &mut ClientManager, id: &str) -> Res<Json> {
    sdk::get(cm, &IMAGE, IMAGE.base_path, id)
}

/// The path of an image.
pub fn image_path(id: &str) -> String {
    sdk::item_path(IMAGE.base_path, id)
}

/// The fields `_format_image` shows as they are; every other key goes under `properties`.
const FIELDS_TO_SHOW: &[&str] = &[
    "status",
    "name",
    "container_format",
    "created_at",
    "size",
    "disk_format",
    "updated_at",
    "visibility",
    "min_disk",
    "protected",
    "id",
    "file",
    "checksum",
    "owner",
    "virtual_size",
    "min_ram",
    "schema",
    "is_hidden",
    "hash_algo",
    "hash_value",
];

/// `_format_image(image, human_readable)`, its fields sorted as the commands return them.
pub fn format_image(image: &Json, human_readable: bool) -> Output {
    let data = attrs::to_dict_original_names(image);
    let mut info: Vec<(String, Value)> = Vec::new();
    let mut properties: Vec<(String, Value)> = Vec::new();
    let put = |props: &mut Vec<(String, Value)>, key: &str, value: Value| match props
        .iter_mut()
        .find(|(k, _)| k == key)
    {
        Some(entry) => entry.1 = value,
        None => props.push((key.to_owned(), value)),
    };
    for (key, value) in &data {
        if FIELDS_TO_SHOW.contains(&key.as_str()) {
            info.push((key.clone(), Value::from_json(value)));
        } else if key == "tags" {
            continue;
        } else if key == "properties" {
            if let Json::Object(map) = value {
                for (k, v) in map {
                    put(&mut properties, k, Value::from_json(v));
                }
            }
        } else {
            put(&mut properties, key, Value::from_json(value));
        }
    }
    if human_readable {
        let size = data
            .iter()
            .find(|(k, _)| k == "size")
            .and_then(|(_, v)| v.as_f64());
        let text = osc_lib::utils::format_size(size);
        match info.iter_mut().find(|(k, _)| k == "size") {
            Some(entry) => entry.1 = Value::str(text),
            None => info.push(("size".to_owned(), Value::str(text))),
        }
    }
    let tags = image
        .get("tags")
        .filter(|t| sdk::truthy(t))
        .map_or(Value::List(Vec::new()), Value::from_json);
    info.push(("tags".to_owned(), list_column(tags)));
    if !properties.is_empty() {
        info.push((
            "properties".to_owned(),
            dict_column(Value::Dict(properties)),
        ));
    }
    info.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(info)
}

/// Python's `str()` of an `OSError` raised for a path: `[Errno 21] Is a directory: '/tmp'`.
pub fn os_error(err: &std::io::Error, path: &str) -> String {
    let repr = osc_lib::utils::py_repr(&Value::str(path));
    match err.raw_os_error() {
        Some(code) => {
            let text = err.to_string();
            let reason = text
                .strip_suffix(&format!(" (os error {code})"))
                .unwrap_or(&text)
                .to_owned();
            format!("[Errno {code}] {reason}: {repr}")
        }
        None => format!("{err}: {repr}"),
    }
}

/// `identity_common.add_project_domain_option_to_parser`.
pub fn add_project_domain_option(parser: &mut Parser) {
    identity::common::add_project_domain_option(parser);
}

/// `identity_common.find_project_id_sdk(identity, project, domain)`.
pub fn find_project_id(cm: &mut ClientManager, args: &Args, dest: &str) -> Res<String> {
    let project = args.str(dest).unwrap_or("");
    identity::common::find_project_id_sdk(cm, project, args.str("project_domain"), true, None)
}

/// The `_add_visibility_args` group.
pub fn add_visibility_options(parser: &mut Parser) {
    let group = parser.add_mutex(None, false);
    let visibility = |flag: &str, value: &str, help: &str| {
        Arg::option(&[flag])
            .action(cliff::argparse::Action::StoreConst(ArgValue::Str(
                value.to_owned(),
            )))
            .dest("visibility")
            .help(help)
    };
    parser.add_to_mutex(
        group,
        visibility(
            "--public",
            "public",
            "Image is accessible and visible to all users",
        ),
    );
    parser.add_to_mutex(
        group,
        visibility(
            "--private",
            "private",
            "Image is only accessible by the owner (default until --os-image-api-version 2.5)",
        ),
    );
    parser.add_to_mutex(
        group,
        visibility(
            "--community",
            "community",
            "Image is accessible by all users but does not appear in the default image list of any user except \
             the owner (requires --os-image-api-version 2.5 or later)",
        ),
    );
    parser.add_to_mutex(
        group,
        visibility(
            "--shared",
            "shared",
            "Image is only accessible by the owner and image members (requires --os-image-api-version 2.5 or \
             later) (default since --os-image-api-version 2.5)",
        ),
    );
}

/// The `_add_is_protected_args` group.
pub fn add_protected_options(parser: &mut Parser) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        Arg::option(&["--protected"])
            .action(cliff::argparse::Action::StoreTrue)
            .dest("is_protected")
            .default_none()
            .help("Prevent image from being deleted"),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&["--unprotected"])
            .action(cliff::argparse::Action::StoreFalse)
            .dest("is_protected")
            .default_none()
            .help("Allow image to be deleted (default)"),
    );
}

/// A `--property key=value` option (`KeyValueAction`).
pub fn property_option(help: &str) -> Arg {
    Arg::option(&["--property"])
        .metavar("<key=value>")
        .dest("properties")
        .append()
        .check(osc_lib::parseractions::key_value_check)
        .help(help)
}

/// The value of a `KeyValueAction` option.
pub fn key_values(args: &Args, dest: &str, option: &str) -> Result<Vec<(String, String)>> {
    osc_lib::parseractions::key_value(&args.strings(dest))
        .map_err(|message| Error::usage(osc_lib::parseractions::argument_error(option, &message)))
}

/// `argparse` `type=` of `_parse_image_size`.
pub fn check_image_size(value: &ArgValue) -> std::result::Result<(), String> {
    match value {
        ArgValue::Str(text) => match text.trim().parse::<i64>() {
            Err(_) => Err(format!(
                "'{text}' is not a valid size (use a positive integer)"
            )),
            Ok(size) if size <= 0 => Err("Size must be a positive integer".to_owned()),
            Ok(_) => Ok(()),
        },
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn format_splits_properties_and_sorts() {
        let image = json!({"id": "1", "name": "n", "status": "active", "os_hidden": false, "protected": false,
                           "foo": "bar", "tags": ["b", "a"], "checksum": null, "self": "/v2/images/1"});
        let Output::Show { fields, values } = format_image(&image, false) else {
            panic!("not a show")
        };
        assert_eq!(
            fields,
            ["id", "name", "properties", "protected", "status", "tags"]
        );
        match &values[2] {
            Value::Column { human, .. } => assert_eq!(human, "foo='bar', os_hidden='False'"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn os_errors_read_as_python() {
        let err = std::io::Error::from_raw_os_error(21);
        assert_eq!(os_error(&err, "/tmp"), "[Errno 21] Is a directory: '/tmp'");
        assert_eq!(
            check_image_size(&ArgValue::Str("0".into())).unwrap_err(),
            "Size must be a positive integer"
        );
    }
}
