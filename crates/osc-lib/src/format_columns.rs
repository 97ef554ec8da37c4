//! osc-lib's formattable columns (`osc_lib.cli.format_columns`): values that the table formatter shows in a
//! human form and every other formatter shows as data. Each constructor returns a [`Value::Column`].

use cliff::Value;

use crate::utils::{
    format_dict, format_dict_of_list, format_list, format_list_of_dicts, format_size, py_str,
};

/// The pairs of a dict value (`None` for anything else, as a missing dict).
fn dict_pairs(value: &Value) -> Option<&[(String, Value)]> {
    match value {
        Value::Dict(pairs) => Some(pairs),
        _ => None,
    }
}

/// The items of a list value (`None` for anything else).
fn list_items(value: &Value) -> Option<&[Value]> {
    match value {
        Value::List(items) => Some(items),
        _ => None,
    }
}

/// `DictColumn`: human `format_dict`, machine the dict (`{}` for none).
pub fn dict_column(value: Value) -> Value {
    let human = format_dict(dict_pairs(&value)).unwrap_or_else(|| "None".to_owned());
    let machine = match value {
        Value::Dict(pairs) => Value::Dict(pairs),
        _ => Value::Dict(Vec::new()),
    };
    Value::Column {
        human,
        machine: Box::new(machine),
    }
}

/// `DictListColumn`: human `format_dict_of_list` (`''` for none), machine the dict.
pub fn dict_list_column(value: Value) -> Value {
    let pairs: Option<Vec<(String, Option<Vec<String>>)>> = dict_pairs(&value).map(|pairs| {
        pairs
            .iter()
            .map(|(key, item)| {
                let items = list_items(item).map(|items| items.iter().map(py_str).collect());
                (key.clone(), items)
            })
            .collect()
    });
    let human = format_dict_of_list(pairs.as_deref(), "; ").unwrap_or_default();
    let machine = match value {
        Value::Dict(pairs) => Value::Dict(pairs),
        _ => Value::Dict(Vec::new()),
    };
    Value::Column {
        human,
        machine: Box::new(machine),
    }
}

/// `ListColumn`: human the sorted items joined by `, ` (`''` for none), machine the list (`[]` for none).
pub fn list_column(value: Value) -> Value {
    let strings: Option<Vec<String>> =
        list_items(&value).map(|items| items.iter().map(py_str).collect());
    let human = format_list(strings.as_deref(), ", ").unwrap_or_default();
    let machine = match value {
        Value::List(items) => Value::List(items),
        _ => Value::List(Vec::new()),
    };
    Value::Column {
        human,
        machine: Box::new(machine),
    }
}

/// `ListDictColumn`: human one `format_dict` line per dict (`''` for none), machine the list of dicts.
pub fn list_dict_column(value: Value) -> Value {
    let dicts: Option<Vec<Vec<(String, Value)>>> = list_items(&value).map(|items| {
        items
            .iter()
            .map(|item| dict_pairs(item).map(<[_]>::to_vec).unwrap_or_default())
            .collect()
    });
    let human = format_list_of_dicts(dicts.as_deref()).unwrap_or_default();
    let machine = match value {
        Value::List(items) => Value::List(items),
        _ => Value::List(Vec::new()),
    };
    Value::Column {
        human,
        machine: Box::new(machine),
    }
}

/// `SizeColumn`: human `format_size`, machine the number.
pub fn size_column(value: Value) -> Value {
    let size = match &value {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    };
    Value::Column {
        human: format_size(size),
        machine: Box::new(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn human(value: &Value) -> &str {
        match value {
            Value::Column { human, .. } => human,
            other => panic!("not a column: {other:?}"),
        }
    }

    fn machine(value: &Value) -> &Value {
        match value {
            Value::Column { machine, .. } => machine,
            other => panic!("not a column: {other:?}"),
        }
    }

    #[test]
    fn columns_render_both_ways() {
        let list = list_column(Value::from_json(&json!(["b", "a"])));
        assert_eq!(human(&list), "a, b");
        assert_eq!(machine(&list), &Value::from_json(&json!(["b", "a"])));
        let none = list_column(Value::Null);
        assert_eq!(human(&none), "");
        assert_eq!(machine(&none), &Value::List(vec![]));

        let dict = dict_column(Value::from_json(&json!({"b": 1, "a": "x"})));
        assert_eq!(human(&dict), "a='x', b='1'");
        assert_eq!(
            machine(&dict),
            &Value::from_json(&json!({"b": 1, "a": "x"}))
        );

        let list_dict = list_dict_column(Value::from_json(&json!([{"k": "v"}, {"a": 1}])));
        assert_eq!(human(&list_dict), "k='v'\na='1'");

        let dict_list =
            dict_list_column(Value::from_json(&json!({"net": ["10.0.0.2", "10.0.0.1"]})));
        assert_eq!(human(&dict_list), "net=10.0.0.1, 10.0.0.2");

        assert_eq!(human(&size_column(Value::Int(1_500_000))), "1.5M");
    }
}
