//! JSON as python-mistralclient reads and writes it: `json.loads` with CPython's error messages (users see them
//! when an input argument is not JSON) and `json.dumps` with Python's separators, `ensure_ascii` escaping and
//! float repr (raw outputs such as `workflow execution output show` print it).

use std::fmt::Write;

use serde_json::{Map, Number, Value as Json};

/// `json.dumps(value)` (compact, `", "` and `": "` separators) or `json.dumps(value, indent=n)`.
pub fn dumps(value: &Json, indent: Option<usize>) -> String {
    let mut out = String::new();
    write_value(&mut out, value, indent, 0);
    out
}

fn write_value(out: &mut String, value: &Json, indent: Option<usize>, level: usize) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&number_repr(n)),
        Json::String(s) => write_string(out, s),
        Json::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separate(out, i > 0, indent, level + 1);
                write_value(out, item, indent, level + 1);
            }
            close(out, indent, level);
            out.push(']');
        }
        Json::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                separate(out, i > 0, indent, level + 1);
                write_string(out, key);
                out.push_str(": ");
                write_value(out, item, indent, level + 1);
            }
            close(out, indent, level);
            out.push('}');
        }
    }
}

/// The item separator (`", "` compact, `","` before an indented newline) and the indentation of the next item.
fn separate(out: &mut String, after_item: bool, indent: Option<usize>, level: usize) {
    match indent {
        None => {
            if after_item {
                out.push_str(", ");
            }
        }
        Some(width) => {
            if after_item {
                out.push(',');
            }
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', width * level));
        }
    }
}

fn close(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(width) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', width * level));
    }
}

/// A JSON string literal with `ensure_ascii` escaping (everything outside `' '..='~'` is escaped).
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
}

/// A number as Python prints it: integers as they are, floats with `repr(float)`.
pub fn number_repr(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    float_repr(n.as_f64().unwrap_or(f64::NAN))
}

/// Python's `repr(float)`: the shortest digits that round-trip, in fixed notation for exponents -4..16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "NaN".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    // `{:e}` gives the shortest round-trip digits as `d.ddde<exp>`.
    let scientific = format!("{:e}", f.abs());
    let (mantissa, exponent) = scientific
        .split_once('e')
        .unwrap_or((scientific.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let count = digits.len() as i32;
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    let point = exponent + 1;
    if (-3..=16).contains(&point) {
        if point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-point) as usize));
            out.push_str(&digits);
        } else if point >= count {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (point - count) as usize));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..point as usize]);
            out.push('.');
            out.push_str(&digits[point as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if count > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let sign = if exponent < 0 { '-' } else { '+' };
        let _ = write!(out, "e{sign}{:02}", exponent.abs());
    }
    out
}

/// `json.loads(text)`; the error is CPython's message (`Expecting value: line 1 column 1 (char 0)`).
pub fn loads(text: &str) -> Result<Json, String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.first() == Some(&'\u{feff}') {
        return Err(message(
            "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            &chars,
            0,
        ));
    }
    let mut decoder = Decoder { chars: &chars };
    let start = decoder.skip_whitespace(0);
    let (value, end) = decoder
        .value(start)
        .map_err(|(msg, pos)| message(&msg, &chars, pos))?;
    let end = decoder.skip_whitespace(end);
    if end != chars.len() {
        return Err(message("Extra data", &chars, end));
    }
    Ok(value)
}

/// `JSONDecodeError.__str__`: the message with the line, column and character position.
fn message(msg: &str, chars: &[char], pos: usize) -> String {
    let before = &chars[..pos.min(chars.len())];
    let line = before.iter().filter(|&&c| c == '\n').count() + 1;
    let column = match before.iter().rposition(|&c| c == '\n') {
        Some(newline) => pos - newline,
        None => pos + 1,
    };
    format!("{msg}: line {line} column {column} (char {pos})")
}

type Step = Result<(Json, usize), (String, usize)>;

/// CPython's scanner, over characters so that positions are Python string indexes.
struct Decoder<'a> {
    chars: &'a [char],
}

impl Decoder<'_> {
    fn at(&self, pos: usize) -> Option<char> {
        self.chars.get(pos).copied()
    }

    fn skip_whitespace(&self, mut pos: usize) -> usize {
        while matches!(self.at(pos), Some(' ' | '\t' | '\n' | '\r')) {
            pos += 1;
        }
        pos
    }

    fn starts_with(&self, pos: usize, word: &str) -> bool {
        (pos..)
            .zip(word.chars())
            .all(|(i, c)| self.at(i) == Some(c))
    }

    fn value(&mut self, pos: usize) -> Step {
        let expecting = || ("Expecting value".to_owned(), pos);
        match self.at(pos) {
            None => Err(expecting()),
            Some('"') => {
                let (s, end) = self.string(pos + 1)?;
                Ok((Json::String(s), end))
            }
            Some('{') => self.object(pos + 1),
            Some('[') => self.array(pos + 1),
            Some('n') if self.starts_with(pos, "null") => Ok((Json::Null, pos + 4)),
            Some('t') if self.starts_with(pos, "true") => Ok((Json::Bool(true), pos + 4)),
            Some('f') if self.starts_with(pos, "false") => Ok((Json::Bool(false), pos + 5)),
            // Python accepts these; JSON numbers cannot hold them, so they load as null.
            Some('N') if self.starts_with(pos, "NaN") => Ok((Json::Null, pos + 3)),
            Some('I') if self.starts_with(pos, "Infinity") => Ok((Json::Null, pos + 8)),
            Some('-') if self.starts_with(pos, "-Infinity") => Ok((Json::Null, pos + 9)),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(pos).ok_or_else(expecting),
            Some(_) => Err(expecting()),
        }
    }

    /// `_match_number`: `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`.
    fn number(&self, pos: usize) -> Option<(Json, usize)> {
        let digits_from = |mut i: usize| {
            while self.at(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            i
        };
        let mut end = pos;
        if self.at(end) == Some('-') {
            end += 1;
        }
        match self.at(end) {
            Some('0') => end += 1,
            Some(c) if c.is_ascii_digit() => end = digits_from(end),
            _ => return None,
        }
        let mut is_float = false;
        if self.at(end) == Some('.') && self.at(end + 1).is_some_and(|c| c.is_ascii_digit()) {
            end = digits_from(end + 1);
            is_float = true;
        }
        if matches!(self.at(end), Some('e' | 'E')) {
            let mut exp = end + 1;
            if matches!(self.at(exp), Some('+' | '-')) {
                exp += 1;
            }
            if self.at(exp).is_some_and(|c| c.is_ascii_digit()) {
                end = digits_from(exp);
                is_float = true;
            }
        }
        let text: String = self.chars[pos..end].iter().collect();
        let number = if is_float {
            text.parse::<f64>().ok().and_then(Number::from_f64)
        } else if let Ok(i) = text.parse::<i64>() {
            Some(Number::from(i))
        } else if let Ok(u) = text.parse::<u64>() {
            Some(Number::from(u))
        } else {
            // Python ints have no size limit; beyond u64 the nearest float is the best JSON can hold.
            text.parse::<f64>().ok().and_then(Number::from_f64)
        };
        Some((number.map_or(Json::Null, Json::Number), end))
    }

    /// `scanstring`, strict: `pos` is just after the opening quote.
    fn string(&self, pos: usize) -> Result<(String, usize), (String, usize)> {
        let start = pos - 1;
        let mut out = String::new();
        let mut i = pos;
        loop {
            let Some(c) = self.at(i) else {
                return Err(("Unterminated string starting at".to_owned(), start));
            };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let Some(escape) = self.at(i + 1) else {
                        return Err(("Unterminated string starting at".to_owned(), start));
                    };
                    let simple = match escape {
                        '"' => Some('"'),
                        '\\' => Some('\\'),
                        '/' => Some('/'),
                        'b' => Some('\x08'),
                        'f' => Some('\x0c'),
                        'n' => Some('\n'),
                        'r' => Some('\r'),
                        't' => Some('\t'),
                        _ => None,
                    };
                    if let Some(ch) = simple {
                        out.push(ch);
                        i += 2;
                    } else if escape == 'u' {
                        let (ch, end) = self.unicode_escape(i)?;
                        out.push(ch);
                        i = end;
                    } else {
                        return Err(("Invalid \\escape".to_owned(), i));
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(("Invalid control character at".to_owned(), i));
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    /// `\uXXXX` at `pos` (the backslash), joining a surrogate pair when one follows.
    fn unicode_escape(&self, pos: usize) -> Result<(char, usize), (String, usize)> {
        let hex = |at: usize| -> Option<u32> {
            let text: String = self.chars.get(at..at + 4)?.iter().collect();
            if text.chars().all(|c| c.is_ascii_hexdigit()) {
                u32::from_str_radix(&text, 16).ok()
            } else {
                None
            }
        };
        let first = hex(pos + 2).ok_or_else(|| ("Invalid \\uXXXX escape".to_owned(), pos))?;
        let mut end = pos + 6;
        let mut code = first;
        if (0xd800..0xdc00).contains(&first)
            && self.at(end) == Some('\\')
            && self.at(end + 1) == Some('u')
        {
            let second = hex(end + 2).ok_or_else(|| ("Invalid \\uXXXX escape".to_owned(), end))?;
            if (0xdc00..0xe000).contains(&second) {
                code = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                end += 6;
            }
        }
        // A lone surrogate cannot live in a Rust string; Python would keep it, we show the replacement character.
        Ok((char::from_u32(code).unwrap_or('\u{fffd}'), end))
    }

    /// `JSONObject`: `pos` is just after `{`.
    fn object(&mut self, pos: usize) -> Step {
        let mut map = Map::new();
        let mut i = self.skip_whitespace(pos);
        if self.at(i) == Some('}') {
            return Ok((Json::Object(map), i + 1));
        }
        loop {
            if self.at(i) != Some('"') {
                return Err((
                    "Expecting property name enclosed in double quotes".to_owned(),
                    i,
                ));
            }
            let (key, after_key) = self.string(i + 1)?;
            i = self.skip_whitespace(after_key);
            if self.at(i) != Some(':') {
                return Err(("Expecting ':' delimiter".to_owned(), i));
            }
            i = self.skip_whitespace(i + 1);
            let (value, after_value) = self.value(i)?;
            // A repeated key keeps its first position and takes the last value, as a Python dict does.
            map.insert(key, value);
            i = self.skip_whitespace(after_value);
            match self.at(i) {
                Some('}') => return Ok((Json::Object(map), i + 1)),
                Some(',') => i = self.skip_whitespace(i + 1),
                _ => return Err(("Expecting ',' delimiter".to_owned(), i)),
            }
        }
    }

    /// `JSONArray`: `pos` is just after `[`.
    fn array(&mut self, pos: usize) -> Step {
        let mut items = Vec::new();
        let mut i = self.skip_whitespace(pos);
        if self.at(i) == Some(']') {
            return Ok((Json::Array(items), i + 1));
        }
        loop {
            let (value, after_value) = self.value(i)?;
            items.push(value);
            i = self.skip_whitespace(after_value);
            match self.at(i) {
                Some(']') => return Ok((Json::Array(items), i + 1)),
                Some(',') => i = self.skip_whitespace(i + 1),
                _ => return Err(("Expecting ',' delimiter".to_owned(), i)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dumps_like_python() {
        let value =
            json!({"name": "OSC", "n": [1, 2.5, 1e16, 0.0001, true, null], "e": {}, "l": []});
        assert_eq!(
            dumps(&value, None),
            r#"{"name": "OSC", "n": [1, 2.5, 1e+16, 0.0001, true, null], "e": {}, "l": []}"#
        );
        assert_eq!(
            dumps(&value, Some(4)),
            "{\n    \"name\": \"OSC\",\n    \"n\": [\n        1,\n        2.5,\n        1e+16,\n        0.0001,\n        \
             true,\n        null\n    ],\n    \"e\": {},\n    \"l\": []\n}"
        );
        assert_eq!(
            dumps(&json!("héllo\u{1F600}\n"), None),
            r#""h\u00e9llo\ud83d\ude00\n""#
        );
        assert_eq!(dumps(&json!("Hello, OSC!"), Some(4)), r#""Hello, OSC!""#);
    }

    #[test]
    fn float_repr_as_python() {
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(-0.5), "-0.5");
        assert_eq!(float_repr(123456789.125), "123456789.125");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(1.5e300), "1.5e+300");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
    }

    #[test]
    fn loads_keeps_order_and_types() {
        let value = loads(" {\"b\": 1, \"a\": [1.0, \"x\\u00e9\", false], \"b\": 2} ").unwrap();
        assert_eq!(
            dumps(&value, None),
            r#"{"b": 2, "a": [1.0, "x\u00e9", false]}"#
        );
    }

    #[test]
    fn loads_errors_as_cpython() {
        assert_eq!(
            loads("not json").unwrap_err(),
            "Expecting value: line 1 column 1 (char 0)"
        );
        assert_eq!(
            loads("").unwrap_err(),
            "Expecting value: line 1 column 1 (char 0)"
        );
        assert_eq!(
            loads("{\"a\": 1,}").unwrap_err(),
            "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)"
        );
        assert_eq!(
            loads("{'a': 1}").unwrap_err(),
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
        assert_eq!(
            loads("{\"a\" 1}").unwrap_err(),
            "Expecting ':' delimiter: line 1 column 6 (char 5)"
        );
        assert_eq!(
            loads("[1 2]").unwrap_err(),
            "Expecting ',' delimiter: line 1 column 4 (char 3)"
        );
        assert_eq!(
            loads("{}\n{}").unwrap_err(),
            "Extra data: line 2 column 1 (char 3)"
        );
        assert_eq!(
            loads("\"abc").unwrap_err(),
            "Unterminated string starting at: line 1 column 1 (char 0)"
        );
        assert_eq!(
            loads("\"a\\qb\"").unwrap_err(),
            "Invalid \\escape: line 1 column 3 (char 2)"
        );
        assert_eq!(
            loads("-").unwrap_err(),
            "Expecting value: line 1 column 1 (char 0)"
        );
        assert_eq!(
            loads("01").unwrap_err(),
            "Extra data: line 1 column 2 (char 1)"
        );
    }
}
