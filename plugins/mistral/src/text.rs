//! Small pieces of Python behaviour the commands depend on: truthiness, `str()`, `textwrap.fill`, uuid checks and
//! how requests quotes a URL path.

use serde_json::Value as Json;

use crate::pyjson;

/// Python truthiness of a JSON-derived value (`None`, `""`, `0`, `False`, `[]` and `{}` are false).
pub fn truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Json::String(s) => !s.is_empty(),
        Json::Array(items) => !items.is_empty(),
        Json::Object(map) => !map.is_empty(),
    }
}

/// Python `str()` of a JSON-derived value, as `'%s' % value` prints it.
pub fn py_str(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python `repr()` of a JSON-derived value.
pub fn py_repr(value: &Json) -> String {
    match value {
        Json::Null => "None".to_owned(),
        Json::Bool(true) => "True".to_owned(),
        Json::Bool(false) => "False".to_owned(),
        Json::Number(n) => match pyjson::number_repr(n).as_str() {
            "NaN" => "nan".to_owned(),
            "Infinity" => "inf".to_owned(),
            "-Infinity" => "-inf".to_owned(),
            other => other.to_owned(),
        },
        Json::String(s) => str_repr(s),
        Json::Array(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            format!("[{}]", inner.join(", "))
        }
        Json::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", str_repr(k), py_repr(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// Python `repr()` of a string: single quotes unless the text has one and no double quote.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python `repr()` of `bytes` (what mistralclient shows when an error body is not JSON).
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `oslo_utils.uuidutils.is_uuid_like`: 32 hex digits once `urn:`, `uuid:`, braces and hyphens are removed.
pub fn is_uuid_like(value: &str) -> bool {
    let stripped = value.replace("urn:", "").replace("uuid:", "");
    let hex: String = stripped
        .trim_matches(|c| c == '{' || c == '}')
        .chars()
        .filter(|&c| c != '-')
        .collect();
    hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// What `requests` does to a URL built with `%s`: characters that may not appear in a URL are percent-encoded,
/// reserved ones (`/`, `?`, `%`...) are left alone.
pub fn requote(text: &str) -> String {
    const SAFE: &[u8] = b"!#$%&'()*+,/:;=?@[]~-._";
    let mut out = String::new();
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || SAFE.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// mistralclient's `cut`: text longer than 25 characters becomes its first 25 and `...`.
pub fn cut(value: &Json) -> Json {
    match value {
        Json::String(s) if s.chars().count() > 25 => {
            Json::String(format!("{}...", s.chars().take(25).collect::<String>()))
        }
        other => other.clone(),
    }
}

/// mistralclient's `wrap`: `textwrap.fill(text, 25)` for text longer than 25 characters.
pub fn wrap(text: &str) -> String {
    if text.chars().count() > 25 {
        fill(text, 25)
    } else {
        text.to_owned()
    }
}

/// Python's `textwrap.fill(text, width)` with the default wrapper settings.
pub fn fill(text: &str, width: usize) -> String {
    let spaced: String = expand_tabs(text)
        .chars()
        .map(|c| if is_ascii_space(c) { ' ' } else { c })
        .collect();
    let mut chunks: Vec<String> = chunks(&spaced);
    chunks.reverse();
    let mut lines: Vec<String> = Vec::new();
    while !chunks.is_empty() {
        let mut line: Vec<String> = Vec::new();
        let mut used = 0;
        if !lines.is_empty() && chunks.last().is_some_and(|c| c.trim().is_empty()) {
            chunks.pop();
        }
        while let Some(chunk) = chunks.last() {
            let size = chunk.chars().count();
            if used + size > width {
                break;
            }
            used += size;
            line.extend(chunks.pop());
        }
        if chunks.last().is_some_and(|c| c.chars().count() > width) {
            break_long_word(&mut chunks, &mut line, width.saturating_sub(used));
        }
        if line.last().is_some_and(|c| c.trim().is_empty()) {
            line.pop();
        }
        if !line.is_empty() {
            lines.push(line.concat());
        }
    }
    lines.join("\n")
}

/// `string.whitespace`, which textwrap turns into spaces.
fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// `str.expandtabs(8)`.
fn expand_tabs(text: &str) -> String {
    let mut out = String::new();
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// `_handle_long_word`: puts the head of the too-long chunk on the line, up to a hyphen when one fits.
fn break_long_word(chunks: &mut [String], line: &mut Vec<String>, space_left: usize) {
    let Some(top) = chunks.last_mut() else {
        return;
    };
    let chars: Vec<char> = top.chars().collect();
    let mut end = space_left.min(chars.len());
    if let Some(hyphen) = chars[..end].iter().rposition(|&c| c == '-') {
        if hyphen > 0 && chars[..hyphen].iter().any(|&c| c != '-') {
            end = hyphen + 1;
        }
    }
    line.push(chars[..end].iter().collect());
    *top = chars[end..].iter().collect();
}

/// textwrap's `wordsep_re` chunks: runs of spaces, and words split after the hyphen of compounds such as
/// `long-name` (two letters before the hyphen, or `a-b-`; a letter, an optional hyphen and a letter after).
fn chunks(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|&c| c.is_alphabetic() || c == '_')
    };
    let at = |i: Option<usize>, want: char| i.and_then(|i| chars.get(i)) == Some(&want);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            let mut end = i;
            while end < chars.len() && chars[end] == ' ' {
                end += 1;
            }
            out.push(chars[i..end].iter().collect());
            i = end;
            start = end;
            continue;
        }
        let back = |n: usize| i.checked_sub(n);
        let hyphen_break = chars[i] == '-'
            && i > start
            && letter(back(1))
            && (letter(back(2)) || (at(back(2), '-') && letter(back(3))))
            && letter(Some(i + 1))
            && (letter(Some(i + 2)) || (at(Some(i + 2), '-') && letter(Some(i + 3))));
        i += 1;
        if hyphen_break || i == chars.len() || chars[i] == ' ' {
            out.push(chars[start..i].iter().collect());
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cut_keeps_short_and_non_text() {
        assert_eq!(cut(&json!("name=\"World\"")), json!("name=\"World\""));
        assert_eq!(
            cut(&json!("name=\"World\", long_parameter=1")),
            json!("name=\"World\", long_parame...")
        );
        assert_eq!(cut(&Json::Null), Json::Null);
    }

    #[test]
    fn wrap_as_textwrap() {
        assert_eq!(wrap("mtest, other"), "mtest, other");
        assert_eq!(
            wrap("mtest, a-very-long-tag-name-here, another"),
            "mtest, a-very-long-tag-\nname-here, another"
        );
        assert_eq!(
            wrap("abcdefghijklmnopqrstuvwxyz0123456789"),
            "abcdefghijklmnopqrstuvwxy\nz0123456789"
        );
        assert_eq!(
            fill("ab-c-de-fg hijklmnopqrstuvwxyz-abc", 25),
            "ab-c-de-fg\nhijklmnopqrstuvwxyz-abc"
        );
        assert_eq!(
            fill("x, y-z, abcdefghijklmnopqrst-uv, w", 25),
            "x, y-z,\nabcdefghijklmnopqrst-uv,\nw"
        );
    }

    #[test]
    fn python_strings() {
        assert_eq!(py_str(&json!("x")), "x");
        assert_eq!(py_str(&Json::Null), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!({"a": [1, "b"]})), "{'a': [1, 'b']}");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(bytes_repr(b"<html>\n"), "b'<html>\\n'");
    }

    #[test]
    fn uuid_like() {
        assert!(is_uuid_like("26fe6931-d429-4044-bb05-e987611809c4"));
        assert!(is_uuid_like("{26FE6931D4294044BB05E987611809C4}"));
        assert!(!is_uuid_like("sample_wf"));
        assert!(!is_uuid_like("26fe6931-d429-4044-bb05-e987611809c"));
    }

    #[test]
    fn requote_as_requests() {
        assert_eq!(requote("std.echo/"), "std.echo/");
        assert_eq!(requote("my wf"), "my%20wf");
        assert_eq!(requote("é"), "%C3%A9");
    }

    #[test]
    fn truthiness() {
        assert!(!truthy(&json!("")));
        assert!(!truthy(&json!({})));
        assert!(!truthy(&json!(0)));
        assert!(truthy(&json!("{}")));
    }
}
