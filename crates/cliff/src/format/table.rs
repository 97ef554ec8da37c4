//! cliff's table formatter: a PrettyTable (3.18, default style) with cliff's column-width fitting.

use super::python::str_of;
use super::textwrap::{expand_tabs, wrap};
use super::wcwidth::{justify, width, Align};
use crate::error::{Error, Result};
use crate::value::Value;

/// How cliff fits a table to the screen.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fit {
    /// `--max-width` (or its `CLIFF_MAX_TERM_WIDTH` default).
    pub max_width: i64,
    /// `--fit-width` (or its `CLIFF_FIT_WIDTH` default), or stdout being a terminal.
    pub fit: bool,
    /// The terminal's width, when known.
    pub term_width: Option<usize>,
}

/// A table ready to print: field names, alignments, and rows of cell text.
struct Table {
    fields: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
    /// Per-column maximum width set by cliff's fitting (prettytable's `max_width`).
    max_width: Vec<Option<usize>>,
}

/// cliff's `_format_row` for one cell, then prettytable's `str(value).expandtabs()`.
fn cell_text(value: &Value) -> String {
    let text = match value {
        Value::Str(s) | Value::Column { human: s, .. } => {
            s.replace("\r\n", "\n").replace('\r', " ")
        }
        other => str_of(other),
    };
    expand_tabs(&text)
}

/// The first row decides each column's alignment: numbers right, everything else left.
fn align_of(value: &Value) -> Align {
    match value {
        Value::Int(_) | Value::Float(_) => Align::Right,
        _ => Align::Left,
    }
}

/// Widest line of `text`, in cells (prettytable's `_get_size`).
fn block_width(text: &str) -> usize {
    text.split('\n').map(width).max().unwrap_or(0)
}

impl Table {
    fn new(fields: Vec<String>) -> Result<Self> {
        let mut seen = std::collections::HashSet::new();
        if !fields.iter().all(|f| seen.insert(f.as_str())) {
            return Err(Error::command("Field names must be unique"));
        }
        let n = fields.len();
        Ok(Table {
            fields,
            align: vec![Align::Center; n],
            rows: Vec::new(),
            max_width: vec![None; n],
        })
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<()> {
        if !self.fields.is_empty() && row.len() != self.fields.len() {
            return Err(Error::command(format!(
                "Row has incorrect number of values, (actual) {}!={} (expected)",
                row.len(),
                self.fields.len()
            )));
        }
        self.rows.push(row);
        Ok(())
    }

    /// Column widths: header and cells, cells capped by `max_width`.
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.fields.iter().map(|f| block_width(f)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                let w = block_width(cell);
                let w = self.max_width[i].map_or(w, |m| w.min(m));
                widths[i] = widths[i].max(w);
            }
        }
        widths
    }

    fn hrule(widths: &[usize], out: &mut String) {
        out.push('+');
        if widths.is_empty() {
            out.push('+');
        }
        for w in widths {
            out.extend(std::iter::repeat_n('-', w + 2));
            out.push('+');
        }
    }

    /// prettytable's `get_string()`: empty when there are no rows, unless `print_empty`.
    fn render(&self, print_empty: bool) -> Result<String> {
        if self.rows.is_empty() && !print_empty {
            return Ok(String::new());
        }
        if self.fields.is_empty() && !self.rows.is_empty() {
            // prettytable measures the height of a row from its cells.
            return Err(Error::command("max() arg is an empty sequence"));
        }
        let widths = self.widths();
        let mut out = String::new();
        Self::hrule(&widths, &mut out);
        out.push_str("\n|");
        if self.fields.is_empty() {
            out.push('|');
        }
        for (i, field) in self.fields.iter().enumerate() {
            let mut name = field.as_str();
            if width(name) > widths[i] {
                let end = name
                    .char_indices()
                    .nth(widths[i])
                    .map_or(name.len(), |(at, _)| at);
                name = &name[..end];
            }
            out.push(' ');
            justify(&mut out, name, widths[i], self.align[i]);
            out.push_str(" |");
        }
        out.push('\n');
        Self::hrule(&widths, &mut out);
        for row in &self.rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let mut lines = Vec::new();
                    for line in cell.split('\n') {
                        if width(line) > widths[i] {
                            let wrapped = wrap(line, widths[i]);
                            if wrapped.is_empty() {
                                lines.push(String::new());
                            } else {
                                lines.extend(wrapped);
                            }
                        } else {
                            lines.push(line.to_owned());
                        }
                    }
                    lines
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            for y in 0..height {
                out.push_str("\n|");
                for (i, lines) in cells.iter().enumerate() {
                    out.push(' ');
                    justify(
                        &mut out,
                        lines.get(y).map_or("", String::as_str),
                        widths[i],
                        self.align[i],
                    );
                    out.push_str(" |");
                }
            }
        }
        out.push('\n');
        Self::hrule(&widths, &mut out);
        Ok(out)
    }

    /// cliff's `_assign_max_widths`: shrink the widest columns so the table fits `term_width`.
    fn assign_max_widths(&mut self, fit: Fit, min_width: usize, print_empty: bool) -> Result<()> {
        let term_width = if fit.max_width > 0 {
            fit.max_width as usize
        } else if !fit.fit {
            return Ok(());
        } else {
            match fit.term_width {
                Some(w) if w > 0 => w,
                _ => return Ok(()),
            }
        };
        if self.rows.is_empty() && !print_empty {
            return Ok(());
        }
        if self.fields.is_empty() && !self.rows.is_empty() {
            return Err(Error::command("max() arg is an empty sequence"));
        }
        let widths = self.widths();
        // The length of the table's top border.
        let first_line_len =
            1 + widths.iter().map(|w| w + 3).sum::<usize>() + usize::from(widths.is_empty());
        if first_line_len <= term_width {
            return Ok(());
        }
        let field_count = self.fields.len();
        let usable = (term_width as i64 - 1 - 3 * field_count as i64).max(0);
        let optimal = if field_count == 0 {
            0
        } else {
            usable / field_count as i64
        };
        let mut shrink = Vec::new();
        let mut remaining = usable;
        for (i, &w) in widths.iter().enumerate() {
            if w as i64 <= optimal {
                remaining -= w as i64;
            } else {
                shrink.push(i);
            }
        }
        let Some((&last, others)) = shrink.split_last() else {
            return Err(Error::command("integer division or modulo by zero"));
        };
        let shrink_to = remaining.div_euclid(shrink.len() as i64);
        for &i in others {
            self.max_width[i] = Some((min_width as i64).max(shrink_to) as usize);
            remaining -= shrink_to;
        }
        self.max_width[last] = Some((min_width as i64).max(remaining) as usize);
        Ok(())
    }
}

/// A Lister's table (`emit_list`).
pub(crate) fn emit_list(
    columns: &[String],
    rows: &[Vec<&Value>],
    fit: Fit,
    print_empty: bool,
) -> Result<String> {
    let mut table = Table::new(columns.to_vec())?;
    if let Some(first) = rows.first() {
        for (i, value) in first.iter().enumerate().take(columns.len()) {
            table.align[i] = align_of(value);
        }
    }
    for row in rows {
        table.add_row(row.iter().map(|v| cell_text(v)).collect())?;
    }
    table.assign_max_widths(fit, 8, print_empty)?;
    let mut out = table.render(print_empty)?;
    out.push('\n');
    Ok(out)
}

/// A ShowOne's `Field`/`Value` table (`emit_one`).
pub(crate) fn emit_one(fields: &[String], values: &[&Value], fit: Fit) -> Result<String> {
    let mut table = Table::new(vec!["Field".to_owned(), "Value".to_owned()])?;
    table.align = vec![Align::Left, Align::Left];
    for (name, value) in fields.iter().zip(values) {
        table.add_row(vec![cell_text(&Value::Str(name.clone())), cell_text(value)])?;
    }
    table.assign_max_widths(fit, 16, false)?;
    let mut out = table.render(false)?;
    out.push('\n');
    Ok(out)
}
