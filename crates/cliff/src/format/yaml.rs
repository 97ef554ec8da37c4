//! cliff's YAML formatter: PyYAML 6.0.4 `safe_dump(data, default_flow_style=False)`.
//!
//! Keys are sorted, text outside printable ASCII is escaped in double quotes (`allow_unicode` is off),
//! lines are folded near 80 columns, and sequences inside mappings are not indented: the choices of
//! PyYAML's emitter, which this follows step by step.

use std::fmt::Write;

use super::json::{machine, zip_dict};
use super::python::{dict_items, float_repr};
use crate::value::Value;

const BEST_INDENT: usize = 2;
const BEST_WIDTH: usize = 80;

/// A node of the representation graph.
enum Node {
    /// A scalar and whether its plain form reads back as the same type (`implicit[0]`).
    Scalar {
        text: String,
        plain_ok: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

fn represent(value: &Value) -> Node {
    match value {
        Value::Null => Node::Scalar {
            text: "null".into(),
            plain_ok: true,
        },
        Value::Bool(b) => Node::Scalar {
            text: if *b { "true" } else { "false" }.into(),
            plain_ok: true,
        },
        Value::Int(i) => Node::Scalar {
            text: i.to_string(),
            plain_ok: true,
        },
        Value::Float(f) => Node::Scalar {
            text: yaml_float(*f),
            plain_ok: true,
        },
        Value::Str(s) => string_node(s),
        Value::List(items) => Node::Seq(items.iter().map(represent).collect()),
        Value::Dict(pairs) => map_node(dict_items(pairs)),
        // PyYAML cannot represent a nested column object; its data stands in for it.
        Value::Column { machine, .. } => represent(machine),
    }
}

fn string_node(s: &str) -> Node {
    Node::Scalar {
        text: s.to_owned(),
        plain_ok: !resolves_to_other_type(s),
    }
}

fn map_node(mut items: Vec<(&str, &Value)>) -> Node {
    items.sort_by(|a, b| a.0.cmp(b.0));
    Node::Map(
        items
            .into_iter()
            .map(|(k, v)| (string_node(k), represent(v)))
            .collect(),
    )
}

/// PyYAML's `represent_float`.
fn yaml_float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf" } else { "-.inf" }.into();
    }
    let text = float_repr(f).to_lowercase();
    if !text.contains('.') && text.contains('e') {
        text.replacen('e', ".0e", 1)
    } else {
        text
    }
}

/// Whether a plain scalar `s` would be read back as null, bool, int, float, timestamp, merge, value or
/// yaml instead of a string (PyYAML's implicit resolvers; `$` also matches before a final newline).
fn resolves_to_other_type(s: &str) -> bool {
    let s = s.strip_suffix('\n').unwrap_or(s);
    let c: Vec<char> = s.chars().collect();
    let Some(&first) = c.first() else { return true };
    match first {
        'y' | 'Y' | 'n' | 'N' | 't' | 'T' | 'f' | 'F' | 'o' | 'O'
            if matches!(
                s,
                "yes"
                    | "Yes"
                    | "YES"
                    | "no"
                    | "No"
                    | "NO"
                    | "true"
                    | "True"
                    | "TRUE"
                    | "false"
                    | "False"
                    | "FALSE"
                    | "on"
                    | "On"
                    | "ON"
                    | "off"
                    | "Off"
                    | "OFF"
            ) =>
        {
            return true
        }
        _ => {}
    }
    if matches!(
        s,
        "~" | "null" | "Null" | "NULL" | "<<" | "=" | "!" | "&" | "*"
    ) {
        return true;
    }
    if "-+0123456789.".contains(first) && is_float(&c) {
        return true;
    }
    if "-+0123456789".contains(first) && is_int(&c) {
        return true;
    }
    first.is_ascii_digit() && is_timestamp(&c)
}

/// Counts the chars from `i` that satisfy `f`.
fn run(c: &[char], i: usize, f: impl Fn(char) -> bool) -> usize {
    c[i.min(c.len())..].iter().take_while(|&&ch| f(ch)).count()
}

fn digit_or_underscore(ch: char) -> bool {
    ch.is_ascii_digit() || ch == '_'
}

fn skip_sign(c: &[char]) -> usize {
    usize::from(matches!(c.first(), Some('-' | '+')))
}

/// `(?:[eE][-+][0-9]+)?$` from `i`.
fn exponent_to_end(c: &[char], i: usize) -> bool {
    if i == c.len() {
        return true;
    }
    if !matches!(c[i], 'e' | 'E') || !matches!(c.get(i + 1), Some('-' | '+')) {
        return false;
    }
    let n = run(c, i + 2, |ch| ch.is_ascii_digit());
    n > 0 && i + 2 + n == c.len()
}

/// `(?::[0-5]?[0-9])+` from `i`: the end, if at least one group matches.
fn sexagesimal(c: &[char], mut i: usize) -> Option<usize> {
    let start = i;
    while c.get(i) == Some(&':') {
        let n = run(c, i + 1, |ch| ch.is_ascii_digit());
        let ok = n == 1 || (n >= 2 && ('0'..='5').contains(&c[i + 1]));
        if !ok {
            break;
        }
        i += 1 + n.min(2);
    }
    (i > start).then_some(i)
}

fn is_float(c: &[char]) -> bool {
    let len = c.len();
    let s = skip_sign(c);
    // [-+]?[0-9][0-9_]*\.[0-9_]*(exp)?
    if c.get(s).is_some_and(char::is_ascii_digit) {
        let i = s + run(c, s, digit_or_underscore);
        if c.get(i) == Some(&'.') {
            let j = i + 1 + run(c, i + 1, digit_or_underscore);
            if exponent_to_end(c, j) {
                return true;
            }
        }
        // [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
        if let Some(j) = sexagesimal(c, i) {
            if c.get(j) == Some(&'.') && j + 1 + run(c, j + 1, digit_or_underscore) == len {
                return true;
            }
        }
    }
    // \.[0-9][0-9_]*(exp)?
    if c.first() == Some(&'.') && c.get(1).is_some_and(char::is_ascii_digit) {
        let j = 1 + run(c, 1, digit_or_underscore);
        if exponent_to_end(c, j) {
            return true;
        }
    }
    let rest: String = c[s..].iter().collect();
    matches!(rest.as_str(), ".inf" | ".Inf" | ".INF")
        || matches!(
            c.iter().collect::<String>().as_str(),
            ".nan" | ".NaN" | ".NAN"
        )
}

fn is_int(c: &[char]) -> bool {
    let len = c.len();
    let s = skip_sign(c);
    let body = &c[s..];
    let all_from =
        |i: usize, f: fn(char) -> bool| i < body.len() && body[i..].iter().all(|&ch| f(ch));
    if body.starts_with(&['0', 'b']) && all_from(2, |ch| matches!(ch, '0' | '1' | '_')) {
        return true;
    }
    if body.first() == Some(&'0') && all_from(1, |ch| matches!(ch, '0'..='7' | '_')) {
        return true;
    }
    if body == ['0'] {
        return true;
    }
    if body.first().is_some_and(|ch| ('1'..='9').contains(ch)) {
        let i = s + 1 + run(c, s + 1, digit_or_underscore);
        if i == len || sexagesimal(c, i) == Some(len) {
            return true;
        }
    }
    body.starts_with(&['0', 'x']) && all_from(2, |ch| ch.is_ascii_hexdigit() || ch == '_')
}

fn is_timestamp(c: &[char]) -> bool {
    let d = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    if !(d(0) && d(1) && d(2) && d(3) && c.get(4) == Some(&'-')) {
        return false;
    }
    if c.len() == 10 && d(5) && d(6) && c[7] == '-' && d(8) && d(9) {
        return true;
    }
    // One or two digits followed by `sep`.
    let small = |i: usize| -> Option<usize> {
        let n = run(c, i, |ch| ch.is_ascii_digit());
        (1..=2).contains(&n).then_some(i + n)
    };
    let Some(i) = small(5) else { return false };
    if c.get(i) != Some(&'-') {
        return false;
    }
    let Some(mut i) = small(i + 1) else {
        return false;
    };
    match c.get(i) {
        Some('T' | 't') => i += 1,
        Some(' ' | '\t') => i += run(c, i, |ch| ch == ' ' || ch == '\t'),
        _ => return false,
    }
    let Some(mut i) = small(i) else { return false };
    for _ in 0..2 {
        if !(c.get(i) == Some(&':') && d(i + 1) && d(i + 2)) {
            return false;
        }
        i += 3;
    }
    if c.get(i) == Some(&'.') {
        i += 1 + run(c, i + 1, |ch| ch.is_ascii_digit());
    }
    if i == c.len() {
        return true;
    }
    i += run(c, i, |ch| ch == ' ' || ch == '\t');
    match c.get(i) {
        Some('Z') => i + 1 == c.len(),
        Some('-' | '+') => {
            let Some(j) = small(i + 1) else { return false };
            j == c.len() || (c.get(j) == Some(&':') && d(j + 1) && d(j + 2) && j + 3 == c.len())
        }
        _ => false,
    }
}

/// What `analyze_scalar` found out about a scalar.
struct Analysis {
    empty: bool,
    multiline: bool,
    allow_flow_plain: bool,
    allow_block_plain: bool,
    allow_single_quoted: bool,
}

fn is_break(ch: char) -> bool {
    matches!(ch, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_space_or_break(ch: char) -> bool {
    matches!(
        ch,
        '\0' | ' ' | '\t' | '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn analyze(text: &[char]) -> Analysis {
    if text.is_empty() {
        return Analysis {
            empty: true,
            multiline: false,
            allow_flow_plain: false,
            allow_block_plain: true,
            allow_single_quoted: true,
        };
    }
    let mut block_indicators = false;
    let mut flow_indicators = false;
    let mut line_breaks = false;
    let mut special_characters = false;
    let (mut leading_space, mut leading_break, mut trailing_space, mut trailing_break) =
        (false, false, false, false);
    let (mut break_space, mut space_break) = (false, false);
    if text.starts_with(&['-', '-', '-']) || text.starts_with(&['.', '.', '.']) {
        block_indicators = true;
        flow_indicators = true;
    }
    let mut preceded_by_whitespace = true;
    let mut followed_by_whitespace = text.len() == 1 || is_space_or_break(text[1]);
    let (mut previous_space, mut previous_break) = (false, false);
    let last = text.len() - 1;
    for (index, &ch) in text.iter().enumerate() {
        if index == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(ch) {
                flow_indicators = true;
                block_indicators = true;
            }
            if ch == '?' || ch == ':' {
                flow_indicators = true;
                if followed_by_whitespace {
                    block_indicators = true;
                }
            }
            if ch == '-' && followed_by_whitespace {
                flow_indicators = true;
                block_indicators = true;
            }
        } else {
            if ",?[]{}".contains(ch) {
                flow_indicators = true;
            }
            if ch == ':' {
                flow_indicators = true;
                if followed_by_whitespace {
                    block_indicators = true;
                }
            }
            if ch == '#' && preceded_by_whitespace {
                flow_indicators = true;
                block_indicators = true;
            }
        }
        if is_break(ch) {
            line_breaks = true;
        }
        if !(ch == '\n' || (' '..='~').contains(&ch)) {
            // Outside printable ASCII: escaped (allow_unicode is off), so only double quotes will do.
            special_characters = true;
        }
        if ch == ' ' {
            if index == 0 {
                leading_space = true;
            }
            if index == last {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(ch) {
            if index == 0 {
                leading_break = true;
            }
            if index == last {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_space_or_break(ch);
        followed_by_whitespace = index + 2 >= text.len() || is_space_or_break(text[index + 2]);
    }
    let mut allow_flow_plain = true;
    let mut allow_block_plain = true;
    let mut allow_single_quoted = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        allow_flow_plain = false;
        allow_block_plain = false;
    }
    if break_space {
        allow_flow_plain = false;
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if space_break || special_characters {
        allow_flow_plain = false;
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if line_breaks {
        allow_flow_plain = false;
        allow_block_plain = false;
    }
    if flow_indicators {
        allow_flow_plain = false;
    }
    if block_indicators {
        allow_block_plain = false;
    }
    Analysis {
        empty: false,
        multiline: line_breaks,
        allow_flow_plain,
        allow_block_plain,
        allow_single_quoted,
    }
}

/// The emitter's output and position state.
struct Emitter {
    out: String,
    column: usize,
    whitespace: bool,
    indention: bool,
    indent: Option<usize>,
    indents: Vec<Option<usize>>,
    flow_level: usize,
}

#[derive(Clone, Copy, Default)]
struct Context {
    mapping: bool,
    simple_key: bool,
}

impl Emitter {
    fn new() -> Self {
        Emitter {
            out: String::new(),
            column: 0,
            whitespace: true,
            indention: true,
            indent: None,
            indents: Vec::new(),
            flow_level: 0,
        }
    }

    fn write(&mut self, data: &str) {
        self.column += data.chars().count();
        self.out.push_str(data);
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        whitespace: bool,
        indention: bool,
    ) {
        if !self.whitespace && need_whitespace {
            self.out.push(' ');
            self.column += 1;
        }
        self.write(indicator);
        self.whitespace = whitespace;
        self.indention = self.indention && indention;
    }

    fn write_indent(&mut self) {
        let indent = self.indent.unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.write_line_break();
        }
        if self.column < indent {
            self.whitespace = true;
            let n = indent - self.column;
            self.out.extend(std::iter::repeat_n(' ', n));
            self.column = indent;
        }
    }

    fn write_line_break(&mut self) {
        self.whitespace = true;
        self.indention = true;
        self.column = 0;
        self.out.push('\n');
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        match self.indent {
            None => self.indent = Some(if flow { BEST_INDENT } else { 0 }),
            Some(i) if !indentless => self.indent = Some(i + BEST_INDENT),
            Some(_) => {}
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().flatten();
    }

    fn node(&mut self, node: &Node, ctx: Context) {
        match node {
            Node::Scalar { text, plain_ok } => {
                self.increase_indent(true, false);
                self.scalar(text, *plain_ok, ctx);
                self.pop_indent();
            }
            Node::Seq(items) if self.flow_level > 0 || items.is_empty() => {
                self.write_indicator("[", true, true, false);
                self.flow_level += 1;
                self.increase_indent(true, false);
                self.pop_indent();
                self.flow_level -= 1;
                self.write_indicator("]", false, false, false);
            }
            Node::Map(items) if self.flow_level > 0 || items.is_empty() => {
                self.write_indicator("{", true, true, false);
                self.flow_level += 1;
                self.increase_indent(true, false);
                self.pop_indent();
                self.flow_level -= 1;
                self.write_indicator("}", false, false, false);
            }
            Node::Seq(items) => {
                let indentless = ctx.mapping && !self.indention;
                self.increase_indent(false, indentless);
                for item in items {
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(item, Context::default());
                }
                self.pop_indent();
            }
            Node::Map(items) => {
                self.increase_indent(false, false);
                for (key, value) in items {
                    self.write_indent();
                    if is_simple_key(key) {
                        self.node(
                            key,
                            Context {
                                mapping: true,
                                simple_key: true,
                            },
                        );
                        self.write_indicator(":", false, false, false);
                    } else {
                        self.write_indicator("?", true, false, true);
                        self.node(
                            key,
                            Context {
                                mapping: true,
                                simple_key: false,
                            },
                        );
                        self.write_indent();
                        self.write_indicator(":", true, false, true);
                    }
                    self.node(
                        value,
                        Context {
                            mapping: true,
                            simple_key: false,
                        },
                    );
                }
                self.pop_indent();
            }
        }
    }

    fn scalar(&mut self, text: &str, plain_ok: bool, ctx: Context) {
        let chars: Vec<char> = text.chars().collect();
        let a = analyze(&chars);
        let split = !ctx.simple_key;
        let plain_allowed = if self.flow_level > 0 {
            a.allow_flow_plain
        } else {
            a.allow_block_plain
        };
        if plain_ok && !(ctx.simple_key && (a.empty || a.multiline)) && plain_allowed {
            self.write_plain(&chars, split);
        } else if a.allow_single_quoted && !(ctx.simple_key && a.multiline) {
            self.write_single_quoted(&chars, split);
        } else {
            self.write_double_quoted(&chars, split);
        }
    }

    fn write_chars(&mut self, chars: &[char]) {
        self.column += chars.len();
        self.out.extend(chars);
    }

    fn write_plain(&mut self, text: &[char], split: bool) {
        if text.is_empty() {
            return;
        }
        if !self.whitespace {
            self.write(" ");
        }
        self.whitespace = false;
        self.indention = false;
        let (mut spaces, mut breaks) = (false, false);
        let (mut start, mut end) = (0, 0);
        while end <= text.len() {
            let ch = text.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end && self.column > BEST_WIDTH && split {
                        self.write_indent();
                        self.whitespace = false;
                        self.indention = false;
                    } else {
                        self.write_chars(&text[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    if text[start] == '\n' {
                        self.write_line_break();
                    }
                    for &br in &text[start..end] {
                        self.write_break(br);
                    }
                    self.write_indent();
                    self.whitespace = false;
                    self.indention = false;
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || is_break(c)) {
                self.write_chars(&text[start..end]);
                start = end;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
    }

    fn write_break(&mut self, br: char) {
        self.write_line_break();
        if br != '\n' {
            // PyYAML writes the break character itself for the Unicode line separators.
            self.out.pop();
            self.out.push(br);
        }
    }

    fn write_single_quoted(&mut self, text: &[char], split: bool) {
        self.write_indicator("'", true, false, false);
        let (mut spaces, mut breaks) = (false, false);
        let (mut start, mut end) = (0, 0);
        while end <= text.len() {
            let ch = text.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end
                        && self.column > BEST_WIDTH
                        && split
                        && start != 0
                        && end != text.len()
                    {
                        self.write_indent();
                    } else {
                        self.write_chars(&text[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    if text[start] == '\n' {
                        self.write_line_break();
                    }
                    for &br in &text[start..end] {
                        self.write_break(br);
                    }
                    self.write_indent();
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || is_break(c) || c == '\'') && start < end {
                self.write_chars(&text[start..end]);
                start = end;
            }
            if ch == Some('\'') {
                self.write("''");
                start = end + 1;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
        self.write_indicator("'", false, false, false);
    }

    fn write_double_quoted(&mut self, text: &[char], split: bool) {
        self.write_indicator("\"", true, false, false);
        let (mut start, mut end) = (0, 0);
        while end <= text.len() {
            let ch = text.get(end).copied();
            let needs_escape = match ch {
                None => true,
                Some(c) => {
                    matches!(
                        c,
                        '"' | '\\' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'
                    ) || !(' '..='~').contains(&c)
                }
            };
            if needs_escape {
                if start < end {
                    self.write_chars(&text[start..end]);
                    start = end;
                }
                if let Some(c) = ch {
                    let mut data = String::from("\\");
                    match c {
                        '\0' => data.push('0'),
                        '\x07' => data.push('a'),
                        '\x08' => data.push('b'),
                        '\t' => data.push('t'),
                        '\n' => data.push('n'),
                        '\x0b' => data.push('v'),
                        '\x0c' => data.push('f'),
                        '\r' => data.push('r'),
                        '\x1b' => data.push('e'),
                        '"' => data.push('"'),
                        '\\' => data.push('\\'),
                        '\u{85}' => data.push('N'),
                        '\u{a0}' => data.push('_'),
                        '\u{2028}' => data.push('L'),
                        '\u{2029}' => data.push('P'),
                        c if (c as u32) <= 0xFF => {
                            let _ = write!(data, "x{:02X}", c as u32);
                        }
                        c if (c as u32) <= 0xFFFF => {
                            let _ = write!(data, "u{:04X}", c as u32);
                        }
                        c => {
                            let _ = write!(data, "U{:08X}", c as u32);
                        }
                    }
                    self.write(&data);
                    start = end + 1;
                }
            }
            if 0 < end
                && end + 1 < text.len()
                && (ch == Some(' ') || start >= end)
                && self.column as isize + end as isize - start as isize > BEST_WIDTH as isize
                && split
            {
                let mut data: Vec<char> = if start < end {
                    text[start..end].to_vec()
                } else {
                    Vec::new()
                };
                data.push('\\');
                if start < end {
                    start = end;
                }
                self.write_chars(&data);
                self.write_indent();
                self.whitespace = false;
                self.indention = false;
                if text[start] == ' ' {
                    self.write("\\");
                }
            }
            end += 1;
        }
        self.write_indicator("\"", false, false, false);
    }
}

/// `check_simple_key` for a string key: short (with its `!!str` tag), not empty, on one line.
fn is_simple_key(key: &Node) -> bool {
    match key {
        Node::Scalar { text, .. } => {
            let chars: Vec<char> = text.chars().collect();
            let a = analyze(&chars);
            chars.len() + 5 < 128 && !a.empty && !a.multiline
        }
        Node::Seq(items) => items.is_empty(),
        Node::Map(items) => items.is_empty(),
    }
}

/// One `safe_dump` document.
fn dump(node: &Node) -> String {
    let mut emitter = Emitter::new();
    emitter.node(node, Context::default());
    emitter.write_indent();
    emitter.out
}

/// A Lister's YAML: a sequence of one mapping per row.
pub(crate) fn emit_list(columns: &[String], rows: &[Vec<&Value>]) -> String {
    let mut list = ListWriter::new();
    let mut out = String::new();
    for row in rows {
        list.row(&mut out, columns, row);
    }
    list.finish(&mut out);
    out
}

/// A Lister's YAML written row by row: the emitter's state carries from one row to the next, so that the
/// pieces put together are the text PyYAML writes for the whole sequence (what [`emit_list`] does).
pub(crate) struct ListWriter {
    emitter: Emitter,
    started: bool,
}

impl ListWriter {
    pub(crate) fn new() -> Self {
        ListWriter {
            emitter: Emitter::new(),
            started: false,
        }
    }

    /// Appends one row's `- key: value` mapping to `out`.
    pub(crate) fn row(&mut self, out: &mut String, columns: &[String], row: &[&Value]) {
        let e = &mut self.emitter;
        if !self.started {
            // The block sequence's start, as `Emitter::node` begins a non-empty top-level sequence.
            e.increase_indent(false, false);
            self.started = true;
        }
        e.write_indent();
        e.write_indicator("-", true, false, true);
        e.node(&map_node(zip_dict(columns, row)), Context::default());
        out.push_str(&std::mem::take(&mut e.out));
    }

    /// Appends the end of the document (`[]` when there was no row).
    pub(crate) fn finish(mut self, out: &mut String) {
        let e = &mut self.emitter;
        if self.started {
            e.pop_indent();
        } else {
            e.node(&Node::Seq(Vec::new()), Context::default());
        }
        e.write_indent();
        out.push_str(&std::mem::take(&mut e.out));
    }
}

/// A ShowOne's YAML: one single-key document per field, in order.
pub(crate) fn emit_one(fields: &[String], values: &[&Value]) -> String {
    let mut out = String::new();
    for (name, value) in fields.iter().zip(values) {
        out.push_str(&dump(&map_node(vec![(name.as_str(), machine(value))])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(name: &str, value: Value) -> String {
        emit_one(&[name.to_owned()], &[&value])
    }

    #[test]
    fn scalars() {
        assert_eq!(one("a", Value::str("")), "a: ''\n");
        assert_eq!(one("a", Value::str("true")), "a: 'true'\n");
        assert_eq!(one("a", Value::str("12:30")), "a: '12:30'\n");
        assert_eq!(one("a", Value::str("2024-01-02")), "a: '2024-01-02'\n");
        assert_eq!(one("a", Value::str("é")), "a: \"\\xE9\"\n");
        assert_eq!(one("a", Value::str("a\nb")), "a: 'a\n\n  b'\n");
        assert_eq!(one("a", Value::str("- x")), "a: '- x'\n");
        assert_eq!(one("a", Value::str("it's")), "a: it's\n");
        assert_eq!(one("a", Value::Null), "a: null\n");
        assert_eq!(one("a", Value::Float(1e17)), "a: 1.0e+17\n");
        assert_eq!(one("a", Value::Int(-4)), "a: -4\n");
    }

    #[test]
    fn collections() {
        let v = Value::Dict(vec![
            (
                "b".into(),
                Value::List(vec![Value::Int(1), Value::List(vec![])]),
            ),
            (
                "a".into(),
                Value::Dict(vec![("z".into(), Value::Bool(false))]),
            ),
        ]);
        assert_eq!(one("k", v), "k:\n  a:\n    z: false\n  b:\n  - 1\n  - []\n");
        let columns = vec!["ID".to_owned(), "Name".to_owned()];
        let values = [
            Value::str("x"),
            Value::List(vec![Value::Dict(vec![
                ("p".into(), Value::Int(1)),
                ("q".into(), Value::Int(2)),
            ])]),
        ];
        let rows = vec![vec![&values[0], &values[1]]];
        assert_eq!(
            emit_list(&columns, &rows),
            "- ID: x\n  Name:\n  - p: 1\n    q: 2\n"
        );
        assert_eq!(emit_list(&columns, &[]), "[]\n");
    }

    #[test]
    fn long_plain_lines_fold() {
        let words = "word ".repeat(20);
        let text = words.trim_end();
        assert_eq!(
            one("description", Value::str(text)),
            "description: word word word word word word word word word word word word word word\n  word word word word word word\n"
        );
    }
}
