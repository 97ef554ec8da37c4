//! OSC's `openstackclient/identity/common.py`: finding identity resources by name or ID the way each command
//! does, and the options many identity commands share.

use cliff::{Arg, ArgValue, Args, Parser};
use osc_lib::ClientManager;
use serde_json::Value as Json;

use super::keystone;
use super::resources;
use openstack_sdk as sdk;
use openstack_sdk::{Failure, Param, Res, Resource};

/// `_find_sdk_id`: the resource's ID; a 403 gives back the name as given, and a miss is an empty `CommandError`
/// (or the name as given when `validate_actor_existence` is off).
pub fn find_sdk_id(
    cm: &mut ClientManager,
    resource: &Resource,
    name_or_id: &str,
    params: &[Param],
    validate_actor_existence: bool,
) -> Res<String> {
    match sdk::find(cm, resource, resource.base_path, name_or_id, params, false) {
        Ok(Some(found)) => Ok(sdk::id_of(&found)),
        Ok(None) => Ok(name_or_id.to_owned()),
        Err(failure) if failure.is_forbidden() => Ok(name_or_id.to_owned()),
        Err(failure) if failure.is_not_found() => {
            if validate_actor_existence {
                Err(Failure::command(""))
            } else {
                Ok(name_or_id.to_owned())
            }
        }
        Err(failure) => Err(failure),
    }
}

/// `find_domain_id_sdk`.
pub fn find_domain_id_sdk(
    cm: &mut ClientManager,
    name_or_id: &str,
    validate_actor_existence: bool,
) -> Res<String> {
    find_sdk_id(
        cm,
        &resources::DOMAIN,
        name_or_id,
        &[],
        validate_actor_existence,
    )
}

/// `find_project_id_sdk`: with a domain, the domain is looked up first (with its own validation flag).
pub fn find_project_id_sdk(
    cm: &mut ClientManager,
    name_or_id: &str,
    domain_name_or_id: Option<&str>,
    validate_actor_existence: bool,
    validate_domain_actor_existence: Option<bool>,
) -> Res<String> {
    match domain_name_or_id {
        None => find_sdk_id(
            cm,
            &resources::PROJECT,
            name_or_id,
            &[],
            validate_actor_existence,
        ),
        Some(domain) => {
            let validate_domain =
                validate_domain_actor_existence.unwrap_or(validate_actor_existence);
            let domain_id = find_domain_id_sdk(cm, domain, validate_domain)?;
            find_sdk_id(
                cm,
                &resources::PROJECT,
                name_or_id,
                &[("domain_id", Some(domain_id))],
                validate_actor_existence,
            )
        }
    }
}

/// `find_user_id_sdk`.
pub fn find_user_id_sdk(
    cm: &mut ClientManager,
    name_or_id: &str,
    domain_name_or_id: Option<&str>,
    validate_actor_existence: bool,
) -> Res<String> {
    find_scoped_id(
        cm,
        &resources::USER,
        name_or_id,
        domain_name_or_id,
        validate_actor_existence,
    )
}

/// `find_group_id_sdk`.
pub fn find_group_id_sdk(
    cm: &mut ClientManager,
    name_or_id: &str,
    domain_name_or_id: Option<&str>,
    validate_actor_existence: bool,
) -> Res<String> {
    find_scoped_id(
        cm,
        &resources::GROUP,
        name_or_id,
        domain_name_or_id,
        validate_actor_existence,
    )
}

fn find_scoped_id(
    cm: &mut ClientManager,
    resource: &Resource,
    name_or_id: &str,
    domain_name_or_id: Option<&str>,
    validate_actor_existence: bool,
) -> Res<String> {
    match domain_name_or_id {
        None => find_sdk_id(cm, resource, name_or_id, &[], validate_actor_existence),
        Some(domain) => {
            let domain_id = find_domain_id_sdk(cm, domain, validate_actor_existence)?;
            find_sdk_id(
                cm,
                resource,
                name_or_id,
                &[("domain_id", Some(domain_id))],
                validate_actor_existence,
            )
        }
    }
}

/// `find_service_sdk`: by name or ID, then by type; several services of that type is an error.
pub fn find_service_sdk(cm: &mut ClientManager, name_type_or_id: &str) -> Res<Json> {
    match sdk::find(
        cm,
        &resources::SERVICE,
        resources::SERVICE.base_path,
        name_type_or_id,
        &[],
        false,
    ) {
        Ok(Some(found)) => return Ok(found),
        Ok(None) => {}
        Err(Failure::Duplicate(message)) => return Err(Failure::command(message)),
        Err(failure) if failure.is_not_found() => {}
        Err(failure) => return Err(failure),
    }
    let mut services = sdk::list(
        cm,
        &resources::SERVICE,
        resources::SERVICE.base_path,
        &[("type", Some(name_type_or_id.to_owned()))],
        None,
    )?
    .into_iter();
    let Some(service) = services.next() else {
        return Err(Failure::command(format!(
            "No service with a type, name or ID of '{name_type_or_id}' exists."
        )));
    };
    if services.next().is_some() {
        return Err(Failure::command(format!(
            "Multiple service matches found for '{name_type_or_id}', use an ID to be more specific."
        )));
    }
    Ok(service)
}

/// `find_domain` (keystoneclient).
pub fn find_domain(cm: &mut ClientManager, name_or_id: &str) -> Res<Json> {
    keystone::find_identity_resource(cm, keystone::DOMAINS, name_or_id, Vec::new())
}

/// The `id` of a keystoneclient resource, as text.
pub fn id_text(item: &Json) -> String {
    sdk::id_of(item)
}

/// `add_user_domain_option_to_parser`.
pub fn add_user_domain_option(parser: &mut Parser) {
    parser.add(Arg::option(&["--user-domain"]).metavar("<user-domain>").help(
        "Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.",
    ));
}

/// `add_group_domain_option_to_parser`.
pub fn add_group_domain_option(parser: &mut Parser) {
    parser.add(Arg::option(&["--group-domain"]).metavar("<group-domain>").help(
        "Domain the group belongs to (name or ID). This can be used in case collisions between group names exist.",
    ));
}

/// `add_project_domain_option_to_parser`.
pub fn add_project_domain_option(parser: &mut Parser) {
    parser.add(Arg::option(&["--project-domain"]).metavar("<project-domain>").help(
        "Domain the project belongs to (name or ID). This can be used in case collisions between project names \
         exist.",
    ));
}

/// `add_role_domain_option_to_parser`.
pub fn add_role_domain_option(parser: &mut Parser) {
    parser.add(Arg::option(&["--role-domain"]).metavar("<role-domain>").help(
        "Domain the role belongs to (name or ID). This must be specified when the name of a domain specific role \
         is used.",
    ));
}

/// `add_inherited_option_to_parser`.
pub fn add_inherited_option(parser: &mut Parser) {
    parser.add(
        Arg::option(&["--inherited"])
            .flag()
            .help("Specifies if the role grant is inheritable to the sub projects"),
    );
}

/// `add_resource_option_to_parser`: `--immutable` / `--no-immutable` (dest `immutable`, default `None`).
pub fn add_resource_option(parser: &mut Parser) {
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        Arg::option(&["--immutable"])
            .dest("immutable")
            .action(cliff::argparse::Action::StoreTrue)
            .default_none()
            .help(
                "Make resource immutable. An immutable project may not be deleted or modified except to remove the \
                 immutable flag",
            ),
    );
    parser.add_to_mutex(
        group,
        Arg::option(&["--no-immutable"])
            .dest("immutable")
            .action(cliff::argparse::Action::StoreFalse)
            .default_none()
            .help("Make resource mutable (default)"),
    );
}

/// Sets an argparse default, `None` included (which a `store_true`/`store_false` option must be told explicitly).
pub fn with_default(arg: Arg, default: ArgValue) -> Arg {
    match default {
        ArgValue::Null => arg.default_none(),
        other => arg.default(other),
    }
}

/// A tri-state option (`store_true`/`store_false` pair with default `None`).
pub fn tri_state(args: &Args, dest: &str) -> Option<bool> {
    match args.get(dest) {
        ArgValue::Bool(b) => Some(*b),
        _ => None,
    }
}

/// A string option that Python would treat as set (`if parsed_args.x:`): present and non-empty.
pub fn given<'a>(args: &'a Args, dest: &str) -> Option<&'a str> {
    args.str(dest).filter(|s| !s.is_empty())
}

/// `datetime.strptime(text, '%Y-%m-%dT%H:%M:%S')` then `isoformat()`, with Python's error messages.
pub fn parse_expiration(text: &str) -> Result<String, cliff::Error> {
    let mismatch = || {
        cliff::Error::command(format!(
            "time data '{text}' does not match format '%Y-%m-%dT%H:%M:%S'"
        ))
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    // Each field: (min digits, max digits, max value); Python's regexes accept one or two digits except the year.
    let mut fields = [0u32; 6];
    let separators = [b'-', b'-', b'T', b':', b':'];
    for (index, field) in fields.iter_mut().enumerate() {
        let (min, max) = if index == 0 { (4, 4) } else { (1, 2) };
        let start = pos;
        while pos < bytes.len() && pos - start < max && bytes[pos].is_ascii_digit() {
            pos += 1;
        }
        if pos - start < min {
            return Err(mismatch());
        }
        *field = text[start..pos].parse().map_err(|_| mismatch())?;
        if index < separators.len() {
            if bytes.get(pos) != Some(&separators[index]) {
                return Err(mismatch());
            }
            pos += 1;
        }
    }
    let [year, month, day, hour, minute, second] = fields;
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 61
    {
        return Err(mismatch());
    }
    if pos < bytes.len() {
        return Err(cliff::Error::command(format!(
            "unconverted data remains: {}",
            &text[pos..]
        )));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > days_in_month {
        return Err(cliff::Error::command("day is out of range for month"));
    }
    if second > 59 {
        return Err(cliff::Error::command("second must be in 0..59"));
    }
    Ok(format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"
    ))
}

/// Python's `json.loads` error message for text that serde_json rejected (`Expecting value: line 1 column 1
/// (char 0)`); the position is serde_json's, which matches Python's for the usual mistakes.
pub fn python_json_error(text: &str, err: &serde_json::Error) -> String {
    let message = err.to_string();
    let kind = if message.starts_with("trailing characters") {
        "Extra data"
    } else if message.starts_with("key must be a string") {
        "Expecting property name enclosed in double quotes"
    } else if message.starts_with("expected `:`") {
        "Expecting ':' delimiter"
    } else if message.starts_with("expected `,` or") {
        "Expecting ',' delimiter"
    } else if message.starts_with("EOF while parsing a string") {
        "Unterminated string starting at"
    } else if message.starts_with("control character") {
        "Invalid control character at"
    } else if message.starts_with("invalid escape") {
        "Invalid \\escape"
    } else {
        "Expecting value"
    };
    let (line, column) = (err.line().max(1), err.column().max(1));
    let offset: usize = text
        .split('\n')
        .take(line - 1)
        .map(|l| l.chars().count() + 1)
        .sum::<usize>()
        + column
        - 1;
    format!("{kind}: line {line} column {column} (char {offset})")
}

/// `_read_rules` / `_read_filters`: a JSON file's content, or OSC's message naming what was being read.
pub fn read_json_file(path: Option<&str>, what: &str) -> Result<Json, cliff::Error> {
    // OSC calls `open(None)` when the option is missing, which fails with this TypeError.
    let path = path.ok_or_else(|| {
        cliff::Error::command("expected str, bytes or os.PathLike object, not NoneType")
    })?;
    let blob = osc_lib::utils::read_blob_file_contents(path)?;
    serde_json::from_str(&blob).map_err(|err| {
        cliff::Error::command(format!(
            "An error occurred when reading {what} from file {path}: {}",
            python_json_error(&blob, &err)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_read_like_python() {
        let err =
            |text: &str| python_json_error(text, &serde_json::from_str::<Json>(text).unwrap_err());
        assert_eq!(err(""), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(
            err("{'a': 1}"),
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
        assert_eq!(err("{} x"), "Extra data: line 1 column 4 (char 3)");
    }

    #[test]
    fn expirations_parse_like_strptime() {
        assert_eq!(
            parse_expiration("2030-01-01T00:00:00").unwrap(),
            "2030-01-01T00:00:00"
        );
        assert_eq!(
            parse_expiration("2030-1-2T3:4:5").unwrap(),
            "2030-01-02T03:04:05"
        );
        assert_eq!(
            parse_expiration("2030-01-01").unwrap_err().message,
            "time data '2030-01-01' does not match format '%Y-%m-%dT%H:%M:%S'"
        );
        assert_eq!(
            parse_expiration("2030-01-01T00:00:00Z")
                .unwrap_err()
                .message,
            "unconverted data remains: Z"
        );
        assert_eq!(
            parse_expiration("2030-02-30T00:00:00").unwrap_err().message,
            "day is out of range for month"
        );
    }
}
