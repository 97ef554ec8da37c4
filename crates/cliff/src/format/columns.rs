//! cliff's column selection (`-c`) and sorting (`--sort-column`), with Python's comparison rules.

use std::cmp::Ordering;

use super::python::write_str_repr;
use super::unicode::py_strip;
use crate::error::{Error, Result};
use crate::value::Value;

/// cliff's `_normalize_column_name`: lower case, stripped, spaces as underscores.
pub(crate) fn normalize(name: &str) -> String {
    py_strip(&name.to_lowercase()).replace(' ', "_")
}

/// The indexes of the columns `-c` asks for, in the output's order; all of them when none is asked.
///
/// Fails, as cliff does, when none of the requested names is a column.
pub(crate) fn select(columns: &[String], requested: &[String]) -> Result<Vec<usize>> {
    if requested.is_empty() {
        return Ok((0..columns.len()).collect());
    }
    let wanted: Vec<String> = requested.iter().map(|c| normalize(c)).collect();
    let picked: Vec<usize> = (0..columns.len())
        .filter(|&i| wanted.contains(&normalize(&columns[i])))
        .collect();
    if picked.is_empty() {
        let mut msg = String::from("No recognized column names in [");
        for (i, c) in requested.iter().enumerate() {
            if i > 0 {
                msg.push_str(", ");
            }
            write_str_repr(&mut msg, c);
        }
        msg.push_str("]. Recognized columns are (");
        for (i, c) in columns.iter().enumerate() {
            if i > 0 {
                msg.push_str(", ");
            }
            write_str_repr(&mut msg, c);
        }
        if columns.len() == 1 {
            msg.push(',');
        }
        msg.push_str(").");
        return Err(Error::command(msg));
    }
    Ok(picked)
}

/// Python `a == b`.
pub(crate) fn py_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            let x = super::python::dict_items(x);
            let y = super::python::dict_items(y);
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.iter().any(|(k2, v2)| k == k2 && py_eq(v, v2)))
        }
        (Value::Column { machine: x, .. }, Value::Column { machine: y, .. }) => py_eq(x, y),
        _ => num_cmp(a, b) == Some(Ordering::Equal),
    }
}

/// Compares two numbers exactly as Python does (`bool` is an `int`; `int` and `float` compare exactly).
fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    enum Num {
        I(i64),
        F(f64),
    }
    let num = |v: &Value| match v {
        Value::Bool(b) => Some(Num::I(i64::from(*b))),
        Value::Int(i) => Some(Num::I(*i)),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    };
    match (num(a)?, num(b)?) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(&y),
        (Num::I(x), Num::F(y)) => int_float_cmp(x, y),
        (Num::F(x), Num::I(y)) => int_float_cmp(y, x).map(Ordering::reverse),
    }
}

/// Exact comparison of an integer with a float.
fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 9.3e18 {
        return Some(Ordering::Less);
    }
    if f <= -9.3e18 {
        return Some(Ordering::Greater);
    }
    let floor = f.floor();
    let fi = floor as i128;
    let i = i128::from(i);
    Some(match i.cmp(&fi) {
        Ordering::Equal if f > floor => Ordering::Less,
        other => other,
    })
}

/// Python `a < b`; `Err` where Python raises `TypeError`.
pub(crate) fn py_lt(a: &Value, b: &Value) -> Result<bool, ()> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x < y),
        (Value::List(x), Value::List(y)) => {
            for (p, q) in x.iter().zip(y) {
                if !py_eq(p, q) {
                    return py_lt(p, q);
                }
            }
            Ok(x.len() < y.len())
        }
        // FormattableColumn.__lt__ compares the wrapped values, and answers False to anything else.
        (Value::Column { machine: x, .. }, Value::Column { machine: y, .. }) => py_lt(x, y),
        (Value::Column { .. }, _) => Ok(false),
        _ => match (num_cmp(a, b), is_number(a) && is_number(b)) {
            (Some(o), _) => Ok(o == Ordering::Less),
            (None, true) => Ok(false),
            (None, false) => Err(()),
        },
    }
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Bool(_) | Value::Int(_) | Value::Float(_))
}

/// cliff's sort key `(value is None, value)` compared with `<`.
fn key_lt(a: &Value, b: &Value) -> Result<bool, ()> {
    let (an, bn) = (matches!(a, Value::Null), matches!(b, Value::Null));
    if an != bn {
        return Ok(!an);
    }
    if an || py_eq(a, b) {
        return Ok(false);
    }
    py_lt(a, b)
}

/// Sorts row indexes on their keys like Python's `sorted(rows, key=..., reverse=...)`; `Err` if Python would
/// raise `TypeError`.
///
/// The comparisons made are CPython's (runs extended by binary insertion) for lists shorter than 64, so
/// whether mixed, unorderable values raise matches it; longer lists are then merged run by run, which
/// gives the same order whenever every comparison succeeds.
fn sort_indexes<'v>(
    order: &mut [usize],
    key: &dyn Fn(usize) -> &'v Value,
    reverse: bool,
) -> Result<(), ()> {
    if reverse {
        order.reverse();
    }
    let lt = |a: usize, b: usize| key_lt(key(a), key(b));
    let result = timsort(order, &lt);
    if reverse {
        order.reverse();
    }
    result
}

type Lt<'a> = dyn Fn(usize, usize) -> Result<bool, ()> + 'a;

fn timsort(order: &mut [usize], lt: &Lt<'_>) -> Result<(), ()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = compute_minrun(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let (mut len, descending) = count_run(&order[lo..], lt)?;
        if descending {
            order[lo..lo + len].reverse();
        }
        if len < minrun {
            let force = (n - lo).min(minrun);
            binary_sort(&mut order[lo..lo + force], len, lt)?;
            len = force;
        }
        runs.push((lo, len));
        lo += len;
    }
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len() / 2 + 1);
        for pair in runs.chunks(2) {
            if let [(a, alen), (_, blen)] = *pair {
                merge(&mut order[a..a + alen + blen], alen, lt)?;
                merged.push((a, alen + blen));
            } else {
                merged.push(pair[0]);
            }
        }
        runs = merged;
    }
    Ok(())
}

/// CPython's `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// CPython's `count_run`: the length of the ascending (or strictly descending) run at the start.
fn count_run(order: &[usize], lt: &Lt<'_>) -> Result<(usize, bool), ()> {
    if order.len() == 1 {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(order[1], order[0])? {
        while n < order.len() && lt(order[n], order[n - 1])? {
            n += 1;
        }
        Ok((n, true))
    } else {
        while n < order.len() && !lt(order[n], order[n - 1])? {
            n += 1;
        }
        Ok((n, false))
    }
}

/// CPython's `binarysort`: inserts `order[start..]` one by one into the sorted prefix.
fn binary_sort(order: &mut [usize], start: usize, lt: &Lt<'_>) -> Result<(), ()> {
    for i in start.max(1)..order.len() {
        let pivot = order[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(pivot, order[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        order[l..=i].rotate_right(1);
    }
    Ok(())
}

/// Stable merge of the sorted halves `order[..mid]` and `order[mid..]`.
fn merge(order: &mut [usize], mid: usize, lt: &Lt<'_>) -> Result<(), ()> {
    let mut out = Vec::with_capacity(order.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < order.len() {
        if lt(order[j], order[i])? {
            out.push(order[j]);
            j += 1;
        } else {
            out.push(order[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&order[i..mid]);
    out.extend_from_slice(&order[j..]);
    order.copy_from_slice(&out);
    Ok(())
}

/// Rearranges `rows` so that position k holds the row that was at `order[k]` (a permutation).
fn permute<T>(rows: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = rows.drain(..).map(Some).collect();
    rows.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// cliff's Lister sorting: each `--sort-column` that names a column (exactly, or once normalized) sorts the
/// rows, the first named having priority. Unorderable values leave the rows as they were for that column
/// and log cliff's warning.
pub(crate) fn sort<T>(
    columns: &[String],
    rows: &mut Vec<T>,
    sort_columns: &[String],
    descending: bool,
    cell: impl Fn(&T, usize) -> &Value,
) {
    if sort_columns.is_empty() {
        return;
    }
    let normalized: Vec<String> = columns.iter().map(|c| normalize(c)).collect();
    let mut indexes = Vec::new();
    for column in sort_columns {
        if let Some(i) = columns.iter().position(|c| c == column) {
            indexes.push(i);
            continue;
        }
        let wanted = normalize(column);
        if let Some(i) = normalized.iter().position(|c| *c == wanted) {
            indexes.push(i);
        }
    }
    for &index in indexes.iter().rev() {
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let key = |r: usize| cell(&rows[r], index);
        match sort_indexes(&mut order, &key, descending) {
            Ok(()) => permute(rows, &order),
            Err(()) => log::warn!(
                "Could not sort on field '{}'; unsortable types",
                columns[index]
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn selection_is_normalized_and_ordered() {
        let columns = cols(&["ID", "Server Name", "Status"]);
        assert_eq!(
            select(&columns, &cols(&["status", "server_name"])).unwrap(),
            vec![1, 2]
        );
        assert_eq!(select(&columns, &[]).unwrap(), vec![0, 1, 2]);
        let err = select(&cols(&["ID", "Name"]), &cols(&["Bogus"])).unwrap_err();
        assert_eq!(
            err.message,
            "No recognized column names in ['Bogus']. Recognized columns are ('ID', 'Name')."
        );
        let err = select(&cols(&["ID"]), &cols(&["x", "y'"])).unwrap_err();
        assert_eq!(
            err.message,
            "No recognized column names in ['x', \"y'\"]. Recognized columns are ('ID',)."
        );
    }

    #[test]
    fn sorts_with_none_last_and_stable() {
        let columns = cols(&["Name", "N"]);
        let mut rows = vec![
            vec![Value::str("b"), Value::Int(1)],
            vec![Value::Null, Value::Int(2)],
            vec![Value::str("a"), Value::Int(3)],
            vec![Value::str("b"), Value::Int(4)],
        ];
        sort(&columns, &mut rows, &cols(&["name"]), false, |r, i| &r[i]);
        let order: Vec<_> = rows.iter().map(|r| r[1].clone()).collect();
        assert_eq!(
            order,
            vec![Value::Int(3), Value::Int(1), Value::Int(4), Value::Int(2)]
        );
        sort(&columns, &mut rows, &cols(&["Name"]), true, |r, i| &r[i]);
        let order: Vec<_> = rows.iter().map(|r| r[1].clone()).collect();
        assert_eq!(
            order,
            vec![Value::Int(2), Value::Int(1), Value::Int(4), Value::Int(3)]
        );
    }

    #[test]
    fn unorderable_values_leave_rows_alone() {
        let columns = cols(&["X"]);
        let mut rows = vec![
            vec![Value::str("b")],
            vec![Value::Int(1)],
            vec![Value::str("a")],
        ];
        let before = rows.clone();
        sort(&columns, &mut rows, &cols(&["X"]), false, |r, i| &r[i]);
        assert_eq!(rows, before);
    }

    #[test]
    fn python_comparisons() {
        assert_eq!(py_lt(&Value::Int(1), &Value::Float(1.5)), Ok(true));
        assert_eq!(py_lt(&Value::Bool(true), &Value::Int(2)), Ok(true));
        assert!(py_eq(&Value::Int(1), &Value::Float(1.0)));
        assert_eq!(py_lt(&Value::Dict(vec![]), &Value::Dict(vec![])), Err(()));
        assert_eq!(
            py_lt(
                &Value::List(vec![Value::Int(1)]),
                &Value::List(vec![Value::Int(1), Value::Null])
            ),
            Ok(true)
        );
        assert_eq!(
            key_lt(&Value::Dict(vec![]), &Value::Dict(vec![])),
            Ok(false)
        );
        assert_eq!(
            py_lt(
                &Value::Int(9_007_199_254_740_993),
                &Value::Float(9_007_199_254_740_992.0)
            ),
            Ok(false)
        );
    }
}
