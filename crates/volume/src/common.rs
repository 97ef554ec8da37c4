//! What many volume commands share: osc-lib's action checks, result shaping, the delete loop, and Python's
//! views of values.

use cliff::{ArgValue, Args, Error, Output, Result, Value};
use osc_lib::format_columns;
use osc_lib::parseractions;
use serde_json::{Map, Value as Json};

use openstack_sdk::Res;

/// `NonNegativeAction` on `--limit`, checked while parsing.
pub fn non_negative_limit(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative(value, "--limit")
}

/// `NonNegativeAction` on `--max-items`, checked while parsing.
pub fn non_negative_max_items(value: &ArgValue) -> std::result::Result<(), String> {
    non_negative(value, "--max-items")
}

fn non_negative(value: &ArgValue, option: &str) -> std::result::Result<(), String> {
    match value {
        ArgValue::Int(i) => parseractions::non_negative(option, *i).map(|_| ()),
        _ => Ok(()),
    }
}

/// `type=str.upper` with `choices`: the upper-cased value must be one of Cinder's log levels.
pub fn log_level_check(value: &ArgValue) -> std::result::Result<(), String> {
    const LEVELS: [&str; 4] = ["INFO", "WARNING", "ERROR", "DEBUG"];
    match value {
        ArgValue::Str(text) if !LEVELS.contains(&text.to_uppercase().as_str()) => Err(format!(
            "invalid choice: '{}' (choose from 'INFO', 'WARNING', 'ERROR', 'DEBUG')",
            text.to_uppercase()
        )),
        _ => Ok(()),
    }
}

/// The value of a `KeyValueAction` option (`--property k=v`), in order, later keys replacing earlier ones.
pub fn key_values(args: &Args, dest: &str, option: &str) -> Result<Vec<(String, String)>> {
    parseractions::key_value(&args.strings(dest))
        .map_err(|message| Error::usage(parseractions::argument_error(option, &message)))
}

/// `KeyValueAction` values as a JSON object.
pub fn key_values_json(args: &Args, dest: &str, option: &str) -> Result<Map<String, Json>> {
    Ok(key_values(args, dest, option)?
        .into_iter()
        .map(|(k, v)| (k, Json::from(v)))
        .collect())
}

/// A given string option (`None` when absent).
pub fn given<'a>(args: &'a Args, dest: &str) -> Option<&'a str> {
    args.str(dest)
}

/// The positional or option as text; absent required arguments cannot reach `take_action` (argparse stops
/// first), so the empty text never goes out.
pub fn arg<'a>(args: &'a Args, dest: &str) -> &'a str {
    args.str(dest).unwrap_or("")
}

/// Converts a failure into the command's error.
pub fn fail<T>(result: Res<T>) -> Result<T> {
    result.map_err(Error::from)
}

/// A CommandError.
pub fn command_error<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::command(message))
}

/// A ShowOne result from `(field, value)` pairs, in order.
pub fn show(pairs: Vec<(String, Value)>) -> Output {
    Output::show(pairs)
}

/// A ShowOne result from JSON pairs sorted by key (`zip(*sorted(data.items()))`), with the column formatters
/// `format` applies.
pub fn show_sorted(
    mut pairs: Vec<(String, Json)>,
    format: impl Fn(&str, &Json) -> Value,
) -> Output {
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Output::show(
        pairs
            .into_iter()
            .map(|(k, v)| {
                let value = format(&k, &v);
                (k, value)
            })
            .collect(),
    )
}

/// A Lister result.
pub fn list(columns: &[&str], rows: Vec<Vec<Value>>) -> Output {
    Output::List {
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows,
    }
}

/// A JSON value as cliff shows it.
pub fn val(value: &Json) -> Value {
    Value::from_json(value)
}

/// `item.get(key)` as cliff shows it (`None` when absent).
pub fn field(item: &Json, key: &str) -> Value {
    item.get(key).map_or(Value::Null, Value::from_json)
}

/// `format_columns.DictColumn`.
pub fn dict_col(value: &Json) -> Value {
    format_columns::dict_column(Value::from_json(value))
}

/// `format_columns.ListColumn`.
pub fn list_col(value: &Json) -> Value {
    format_columns::list_column(Value::from_json(value))
}

/// A `format.BoolStr` attribute: Cinder sends `"true"`/`"false"`, openstacksdk shows a bool.
pub fn bool_str(value: &Json) -> Json {
    match value {
        Json::String(s) => match s.to_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Json::Bool(true),
            "false" | "0" | "no" | "off" => Json::Bool(false),
            _ => value.clone(),
        },
        other => other.clone(),
    }
}

/// The `id` of a resource, as text.
pub fn id(item: &Json) -> String {
    openstack_sdk::id_of(item)
}

/// A `--x`/`--no-x` pair of options in a mutually exclusive group, both storing into `dest` with `default=None`
/// (`store_true` for the first, `store_false` for the second), as OSC declares `--bootable`/`--non-bootable`.
pub fn add_flag_pair(parser: &mut cliff::Parser, dest: &str, on: (&str, &str), off: (&str, &str)) {
    use cliff::argparse::Action;
    let group = parser.add_mutex(None, false);
    parser.add_to_mutex(
        group,
        cliff::Arg::option(&[on.0])
            .dest(dest)
            .action(Action::StoreTrue)
            .default_none()
            .help(on.1),
    );
    parser.add_to_mutex(
        group,
        cliff::Arg::option(&[off.0])
            .dest(dest)
            .action(Action::StoreFalse)
            .default_none()
            .help(off.1),
    );
}

/// One step of OSC's set/unset commands: `try: ... except Exception as e: LOG.error("<what>: %s", e); result += 1`.
pub fn step<T>(errors: &mut usize, what: &str, outcome: Res<T>) {
    if let Err(e) = outcome {
        log::error!("{what}: {e}");
        *errors += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_levels_are_checked_upper_cased() {
        assert!(log_level_check(&ArgValue::Str("info".into())).is_ok());
        assert_eq!(
            log_level_check(&ArgValue::Str("verbose".into())).unwrap_err(),
            "invalid choice: 'VERBOSE' (choose from 'INFO', 'WARNING', 'ERROR', 'DEBUG')"
        );
    }

    #[test]
    fn bool_strings_read_as_openstacksdk_reads_them() {
        assert_eq!(bool_str(&Json::from("false")), Json::Bool(false));
        assert_eq!(bool_str(&Json::from("True")), Json::Bool(true));
        assert_eq!(bool_str(&Json::from("maybe")), Json::from("maybe"));
        assert_eq!(bool_str(&Json::Null), Json::Null);
    }
}
