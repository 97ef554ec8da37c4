//! osc-lib's custom argparse actions (`osc_lib.cli.parseractions`) as value checks.
//!
//! The options are declared as ordinary `append`/`store` arguments; these functions turn the collected strings into
//! what the Python action would have stored, or return the action's message. [`argument_error`] words it as
//! argparse does (`argument --property: <message>`).

/// argparse's wording of an action's error: `argument <option>: <message>`.
pub fn argument_error(option: &str, message: &str) -> String {
    format!("argument {option}: {message}")
}

/// `KeyValueAction`'s check of one value, for `Arg::check` (the values are then collected with `append`).
pub fn key_value_check(value: &cliff::ArgValue) -> Result<(), String> {
    match value {
        cliff::ArgValue::Str(text) => key_value(std::slice::from_ref(text)).map(|_| ()),
        _ => Ok(()),
    }
}

/// `KeyValueAction`: `key=value` strings into a dict (later keys replace earlier values in place).
pub fn key_value(values: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut dict: Vec<(String, String)> = Vec::new();
    for value in values {
        let Some((key, item)) = value.split_once('=') else {
            return Err(format!("Expected 'key=value' type, but got: {value}"));
        };
        if key.is_empty() {
            return Err(format!("Property key must be specified: {value}"));
        }
        match dict.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = item.to_owned(),
            None => dict.push((key.to_owned(), item.to_owned())),
        }
    }
    Ok(dict)
}

/// `KeyValueAppendAction`: `key=value` strings into a dict of lists.
pub fn key_value_append(values: &[String]) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut dict: Vec<(String, Vec<String>)> = Vec::new();
    for value in values {
        let Some((key, item)) = value.split_once('=') else {
            return Err(format!("Expected 'key=value' type, but got: {value}"));
        };
        if key.is_empty() {
            return Err(format!("Property key must be specified: {value}"));
        }
        match dict.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1.push(item.to_owned()),
            None => dict.push((key.to_owned(), vec![item.to_owned()])),
        }
    }
    Ok(dict)
}

/// `MultiKeyValueAction`: each `k1=v1,k2=v2` string into a dict, with optional key validation.
pub fn multi_key_value(
    values: &[String],
    required_keys: &[&str],
    optional_keys: &[&str],
) -> Result<Vec<Vec<(String, String)>>, String> {
    values
        .iter()
        .map(|value| {
            let mut params: Vec<(String, String)> = Vec::new();
            for kv in value.split(',') {
                let Some((key, item)) = kv.split_once('=') else {
                    return Err(format!(
                        "Expected comma separated 'key=value' pairs, but got: {kv}"
                    ));
                };
                if key.is_empty() {
                    return Err(format!("Each property key must be specified: {kv}"));
                }
                upsert(&mut params, key, item.to_owned());
            }
            validate_keys(&params, required_keys, optional_keys)?;
            Ok(params)
        })
        .collect()
}

/// `MultiKeyValueCommaAction`: like [`multi_key_value`] but a piece without `=` continues the previous value.
pub fn multi_key_value_comma(
    values: &[String],
    required_keys: &[&str],
    optional_keys: &[&str],
) -> Result<Vec<Vec<(String, String)>>, String> {
    values
        .iter()
        .map(|value| {
            let mut params: Vec<(String, String)> = Vec::new();
            let mut last_key = String::new();
            for kv in value.split(',') {
                if let Some((key, item)) = kv.split_once('=') {
                    if key.is_empty() {
                        return Err(format!("A key must be specified before '=': {kv}"));
                    }
                    upsert(&mut params, key, item.to_owned());
                    last_key = key.to_owned();
                } else {
                    match params.iter_mut().find(|(k, _)| *k == last_key) {
                        Some(entry) => entry.1 = format!("{},{kv}", entry.1),
                        None => return Err(format!("A key=value pair is required: {kv}")),
                    }
                }
            }
            validate_keys(&params, required_keys, optional_keys)?;
            Ok(params)
        })
        .collect()
}

fn upsert(params: &mut Vec<(String, String)>, key: &str, value: String) {
    match params.iter_mut().find(|(k, _)| k == key) {
        Some(entry) => entry.1 = value,
        None => params.push((key.to_owned(), value)),
    }
}

/// `MultiKeyValueAction.validate_keys`.
fn validate_keys(
    params: &[(String, String)],
    required: &[&str],
    optional: &[&str],
) -> Result<(), String> {
    let valid: Vec<&str> = required.iter().chain(optional.iter()).copied().collect();
    if !valid.is_empty() {
        let invalid: Vec<&str> = params
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !valid.contains(k))
            .collect();
        if !invalid.is_empty() {
            return Err(format!(
                "Invalid keys {} specified.\nValid keys are: {}",
                invalid.join(", "),
                valid.join(", ")
            ));
        }
    }
    if !required.is_empty() {
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|k| !params.iter().any(|(key, _)| key == k))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "Missing required keys {}.\nRequired keys are: {}",
                missing.join(", "),
                required.join(", ")
            ));
        }
    }
    Ok(())
}

/// `RangeAction`: `4` → (4, 4), `6:9` → (6, 9).
pub fn range(value: &str) -> Result<(i64, i64), String> {
    let parse = |s: &str| {
        s.trim()
            .parse::<i64>()
            .map_err(|_| format!("invalid literal for int() with base 10: '{s}'"))
    };
    let parts: Vec<&str> = value.split(':').collect();
    match parts.as_slice() {
        [single] => {
            let n = parse(single)?;
            Ok((n, n))
        }
        [low, high] => {
            let (lo, hi) = (parse(low)?, parse(high)?);
            if lo <= hi {
                Ok((lo, hi))
            } else {
                Err(format!("Invalid range, {low} is not less than {high}"))
            }
        }
        _ => Err("Invalid range, too many values".to_owned()),
    }
}

/// `NonNegativeAction` (after argparse's `type=int`): the value unless negative.
pub fn non_negative(option: &str, value: i64) -> Result<i64, String> {
    if value >= 0 {
        Ok(value)
    } else {
        Err(format!("{option} expected a non-negative integer"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn key_value_pairs() {
        assert_eq!(
            key_value(&strings(&["a=1", "b=x=y", "a=2"])).unwrap(),
            vec![
                ("a".to_owned(), "2".to_owned()),
                ("b".to_owned(), "x=y".to_owned())
            ]
        );
        assert_eq!(
            key_value(&strings(&["a"])).unwrap_err(),
            "Expected 'key=value' type, but got: a"
        );
        assert_eq!(
            key_value(&strings(&["=v"])).unwrap_err(),
            "Property key must be specified: =v"
        );
        assert_eq!(
            argument_error("--property", "Property key must be specified: =v"),
            "argument --property: Property key must be specified: =v"
        );
        assert_eq!(
            key_value_append(&strings(&["a=1", "a=2"])).unwrap(),
            vec![("a".to_owned(), vec!["1".to_owned(), "2".to_owned()])]
        );
    }

    #[test]
    fn multi_key_values() {
        assert_eq!(
            multi_key_value(&strings(&["a=1,b=2"]), &["a"], &["b"]).unwrap(),
            vec![vec![
                ("a".to_owned(), "1".to_owned()),
                ("b".to_owned(), "2".to_owned())
            ]]
        );
        assert_eq!(
            multi_key_value(&strings(&["a=1,c=2"]), &["a"], &["b"]).unwrap_err(),
            "Invalid keys c specified.\nValid keys are: a, b"
        );
        assert_eq!(
            multi_key_value(&strings(&["b=2"]), &["a"], &["b"]).unwrap_err(),
            "Missing required keys a.\nRequired keys are: a"
        );
        assert_eq!(
            multi_key_value(&strings(&["a"]), &[], &[]).unwrap_err(),
            "Expected comma separated 'key=value' pairs, but got: a"
        );
        assert_eq!(
            multi_key_value_comma(&strings(&["a=1,2,b=3"]), &[], &[]).unwrap(),
            vec![vec![
                ("a".to_owned(), "1,2".to_owned()),
                ("b".to_owned(), "3".to_owned())
            ]]
        );
        assert_eq!(
            multi_key_value_comma(&strings(&["x,a=1"]), &[], &[]).unwrap_err(),
            "A key=value pair is required: x"
        );
    }

    #[test]
    fn ranges_and_non_negative() {
        assert_eq!(range("4").unwrap(), (4, 4));
        assert_eq!(range("6:9").unwrap(), (6, 9));
        assert_eq!(
            range("9:6").unwrap_err(),
            "Invalid range, 9 is not less than 6"
        );
        assert_eq!(
            range("1:2:3").unwrap_err(),
            "Invalid range, too many values"
        );
        assert_eq!(non_negative("--limit", 0).unwrap(), 0);
        assert_eq!(
            non_negative("--limit", -1).unwrap_err(),
            "--limit expected a non-negative integer"
        );
    }
}
