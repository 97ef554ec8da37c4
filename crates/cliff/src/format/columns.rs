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
/// This is CPython 3.11's list sort (runs extended by binary insertion, powersort merging, galloping), so
/// that the comparisons made, and with them whether unorderable values raise and where NaN ends up, are
/// Python's.
fn sort_indexes<'v>(
    order: &mut [usize],
    key: &dyn Fn(usize) -> &'v Value,
    reverse: bool,
) -> Result<(), ()> {
    if reverse {
        order.reverse();
    }
    let lt = |a: usize, b: usize| key_lt(key(a), key(b));
    let result = TimSort::new(order.len(), &lt).sort(order);
    if reverse {
        order.reverse();
    }
    result
}

type Lt<'a> = dyn Fn(usize, usize) -> Result<bool, ()> + 'a;

const MIN_GALLOP: usize = 7;

/// A run waiting to be merged: where it starts, its length, and its powersort "power".
#[derive(Clone, Copy)]
struct Run {
    start: usize,
    len: usize,
    power: u32,
}

/// CPython's `MergeState`.
struct TimSort<'a> {
    lt: &'a Lt<'a>,
    min_gallop: usize,
    len: usize,
    pending: Vec<Run>,
}

impl<'a> TimSort<'a> {
    fn new(len: usize, lt: &'a Lt<'a>) -> Self {
        TimSort {
            lt,
            min_gallop: MIN_GALLOP,
            len,
            pending: Vec::new(),
        }
    }

    fn sort(&mut self, order: &mut [usize]) -> Result<(), ()> {
        let n = order.len();
        if n < 2 {
            return Ok(());
        }
        let minrun = compute_minrun(n);
        let mut lo = 0;
        while lo < n {
            let (mut len, descending) = count_run(&order[lo..], self.lt)?;
            if descending {
                order[lo..lo + len].reverse();
            }
            if len < minrun {
                let force = (n - lo).min(minrun);
                binary_sort(&mut order[lo..lo + force], len, self.lt)?;
                len = force;
            }
            self.found_new_run(order, len)?;
            self.pending.push(Run {
                start: lo,
                len,
                power: 0,
            });
            lo += len;
        }
        while self.pending.len() > 1 {
            let mut i = self.pending.len() - 2;
            if i > 0 && self.pending[i - 1].len < self.pending[i + 1].len {
                i -= 1;
            }
            self.merge_at(order, i)?;
        }
        Ok(())
    }

    /// Powersort: merges the runs on the stack that are deeper than the one just found.
    fn found_new_run(&mut self, order: &mut [usize], n2: usize) -> Result<(), ()> {
        let Some(top) = self.pending.last().copied() else {
            return Ok(());
        };
        let power = power_of(top.start, top.len, n2, self.len);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(order, self.pending.len() - 2)?;
        }
        if let Some(top) = self.pending.last_mut() {
            top.power = power;
        }
        Ok(())
    }

    /// Merges the runs at stack positions `i` and `i + 1`.
    fn merge_at(&mut self, order: &mut [usize], i: usize) -> Result<(), ()> {
        let (a, b) = (self.pending[i], self.pending[i + 1]);
        self.pending[i].len = a.len + b.len;
        self.pending.remove(i + 1);
        let k = gallop_right(order[b.start], &order[a.start..a.start + a.len], 0, self.lt)?;
        let (a_start, na) = (a.start + k, a.len - k);
        if na == 0 {
            return Ok(());
        }
        let nb = gallop_left(
            order[a_start + na - 1],
            &order[b.start..b.start + b.len],
            b.len - 1,
            self.lt,
        )?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(order, a_start, na, nb)
        } else {
            self.merge_hi(order, a_start, na, nb)
        }
    }

    /// Merges `order[a..a+na]` with the run after it, copying the shorter first run aside.
    fn merge_lo(
        &mut self,
        order: &mut [usize],
        a: usize,
        mut na: usize,
        mut nb: usize,
    ) -> Result<(), ()> {
        let lt = self.lt;
        let temp: Vec<usize> = order[a..a + na].to_vec();
        let (mut ia, mut ib, mut dest) = (0usize, a + na, a);
        order[dest] = order[ib];
        dest += 1;
        ib += 1;
        nb -= 1;
        // Where the merge ends: Ok(true) when A's last element still has to follow B.
        let outcome: Result<bool, ()> = (|| {
            if nb == 0 {
                return Ok(false);
            }
            if na == 1 {
                return Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if lt(order[ib], temp[ia])? {
                        order[dest] = order[ib];
                        dest += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(false);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        order[dest] = temp[ia];
                        dest += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(true);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = gallop_right(order[ib], &temp[ia..ia + na], 0, lt)?;
                    acount = k;
                    if k > 0 {
                        order[dest..dest + k].copy_from_slice(&temp[ia..ia + k]);
                        dest += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            return Ok(true);
                        }
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    order[dest] = order[ib];
                    dest += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(false);
                    }
                    let k = gallop_left(temp[ia], &order[ib..ib + nb], 0, lt)?;
                    bcount = k;
                    if k > 0 {
                        order.copy_within(ib..ib + k, dest);
                        dest += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    order[dest] = temp[ia];
                    dest += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(true);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match outcome {
            Ok(true) => {
                order.copy_within(ib..ib + nb, dest);
                order[dest + nb] = temp[ia];
                Ok(())
            }
            Ok(false) | Err(()) => {
                order[dest..dest + na].copy_from_slice(&temp[ia..ia + na]);
                outcome.map(|_| ())
            }
        }
    }

    /// Merges `order[a..a+na]` with the shorter run after it, from the right, copying the second run aside.
    fn merge_hi(
        &mut self,
        order: &mut [usize],
        a: usize,
        mut na: usize,
        mut nb: usize,
    ) -> Result<(), ()> {
        let lt = self.lt;
        let b = a + na;
        let temp: Vec<usize> = order[b..b + nb].to_vec();
        // Positions of the last unmerged element of A (in order), of B (in temp), and of the slot to fill.
        let (mut ia, mut ib, mut dest) =
            ((b - 1) as isize, (nb - 1) as isize, (b + nb - 1) as isize);
        let at = |i: isize| i as usize;
        order[at(dest)] = order[at(ia)];
        dest -= 1;
        ia -= 1;
        na -= 1;
        let outcome: Result<bool, ()> = (|| {
            if na == 0 {
                return Ok(false);
            }
            if nb == 1 {
                return Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if lt(temp[at(ib)], order[at(ia)])? {
                        order[at(dest)] = order[at(ia)];
                        dest -= 1;
                        ia -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            return Ok(false);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        order[at(dest)] = temp[at(ib)];
                        dest -= 1;
                        ib -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = na - gallop_right(temp[at(ib)], &order[a..a + na], na - 1, lt)?;
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ia -= k as isize;
                        order.copy_within(at(ia + 1)..at(ia + 1) + k, at(dest + 1));
                        na -= k;
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    order[at(dest)] = temp[at(ib)];
                    dest -= 1;
                    ib -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(true);
                    }
                    let k = nb - gallop_left(order[at(ia)], &temp[..nb], nb - 1, lt)?;
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ib -= k as isize;
                        order[at(dest + 1)..at(dest + 1) + k]
                            .copy_from_slice(&temp[at(ib + 1)..at(ib + 1) + k]);
                        nb -= k;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    order[at(dest)] = order[at(ia)];
                    dest -= 1;
                    ia -= 1;
                    na -= 1;
                    if na == 0 {
                        return Ok(false);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match outcome {
            Ok(true) => {
                // B's first element goes in front of what is left of A.
                let from = at(ia + 1 - na as isize);
                order.copy_within(from..from + na, at(dest + 1 - na as isize));
                dest -= na as isize;
                order[at(dest)] = temp[at(ib)];
                Ok(())
            }
            Ok(false) | Err(()) => {
                if nb > 0 {
                    let to = at(dest - (nb as isize - 1));
                    order[to..to + nb].copy_from_slice(&temp[..nb]);
                }
                outcome.map(|_| ())
            }
        }
    }
}

/// CPython's `powerloop`: the depth of the boundary between two adjacent runs in the merge tree.
fn power_of(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// CPython's `gallop_left`: where `key` goes in sorted `run`, left of any equal elements.
fn gallop_left(key: usize, run: &[usize], hint: usize, lt: &Lt<'_>) -> Result<usize, ()> {
    let n = run.len() as isize;
    let hint = hint as isize;
    let at = |i: isize| run[i as usize];
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if lt(at(hint), key)? {
        let maxofs = n - hint;
        while ofs < maxofs {
            if lt(at(hint + ofs), key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    } else {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if lt(at(hint - ofs), key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(at(m), key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// CPython's `gallop_right`: where `key` goes in sorted `run`, right of any equal elements.
fn gallop_right(key: usize, run: &[usize], hint: usize, lt: &Lt<'_>) -> Result<usize, ()> {
    let n = run.len() as isize;
    let hint = hint as isize;
    let at = |i: isize| run[i as usize];
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if lt(key, at(hint))? {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if lt(key, at(hint - ofs))? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        let maxofs = n - hint;
        while ofs < maxofs {
            if lt(key, at(hint + ofs))? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(key, at(m))? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
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

/// CPython 3.11's `count_run`: the length of the ascending (or strictly descending) run at the start.
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
    fn long_lists_sort_stably() {
        let columns = cols(&["N"]);
        let mut rows: Vec<Vec<Value>> = (0..500)
            .map(|i: i64| vec![Value::Int((i * 7919) % 101), Value::Int(i)])
            .collect();
        sort(&columns, &mut rows, &cols(&["N"]), false, |r, i| &r[i]);
        let keys: Vec<(i64, i64)> = rows
            .iter()
            .map(|r| match (&r[0], &r[1]) {
                (Value::Int(a), Value::Int(b)) => (*a, *b),
                _ => (0, 0),
            })
            .collect();
        let mut want = keys.clone();
        want.sort();
        assert_eq!(keys, want);
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
