//! The few Python behaviours argparse's output depends on: `str()`/`repr()`, whitespace classes, `int()`,
//! `str.splitlines()`, `%`-formatting and the `textwrap` module's line breaking.
//!
//! Lengths are counted in code points, as Python's `len()` does (argparse never measures display width).

use super::ArgValue;

/// Python's `len()` of a string.
pub(crate) fn len(s: &str) -> usize {
    s.chars().count()
}

/// Python's `str.isspace()` for one character.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The whitespace of argparse's `re.compile(r'\s+', re.ASCII)` and of textwrap's chunking.
fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// Python's `str.strip()` (Unicode whitespace).
pub(crate) fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// argparse's `_whitespace_matcher.sub(' ', text).strip()`.
pub(crate) fn squash_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if is_ascii_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    strip(&out).to_owned()
}

/// The zero of the block of ten decimal digits `c` belongs to (Unicode category Nd, the Basic Multilingual
/// Plane blocks), as Python's `\d`, `int()` and `str.isdecimal()` see them.
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
];

/// The value of a decimal digit (`'7'` or `'٧'`), `None` for anything else.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let code = c as u32;
    DECIMAL_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|zero| code - zero)
}

/// Python's `\w` (`str.isalnum()` or `_`).
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// textwrap's `letter`: `[^\d\W]`.
fn is_letter(c: char) -> bool {
    is_word(c) && decimal_value(c).is_none()
}

/// textwrap's `word_punct`: `[\w!"\'&.,?]`.
fn is_word_punct(c: char) -> bool {
    is_word(c) || matches!(c, '!' | '"' | '\'' | '&' | '.' | ',' | '?')
}

/// Whether Python's `str.isprintable()` is false for `c` (what `repr()` escapes). Unassigned code points are not
/// known here and count as printable.
fn is_unprintable(c: char) -> bool {
    let code = c as u32;
    matches!(code,
        0..=0x1F | 0x7F..=0xA0 | 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x890 | 0x891 | 0x8E2 | 0x1680
        | 0x180E | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x2064 | 0x2066..=0x206F | 0x3000 | 0xD800..=0xF8FF
        | 0xFEFF | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x13438 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0001 | 0xE0020..=0xE007F | 0xF0000..)
}

/// Python's `repr()` of a string.
pub(crate) fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            // An undecodable argv byte is a lone surrogate in Python.
            c if crate::surrogate::escaped_byte(c).is_some() => {
                let byte = crate::surrogate::escaped_byte(c).unwrap_or_default();
                out.push_str(&format!("\\udc{byte:02x}"));
            }
            c if is_unprintable(c) => {
                let code = c as u32;
                if code <= 0xFF {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code <= 0xFFFF {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str()` of a namespace value.
pub(crate) fn str_value(value: &ArgValue) -> String {
    match value {
        ArgValue::Str(s) => s.clone(),
        other => repr_value(other),
    }
}

/// Python's `repr()` of a namespace value.
pub(crate) fn repr_value(value: &ArgValue) -> String {
    match value {
        ArgValue::Null => "None".to_owned(),
        ArgValue::Bool(true) => "True".to_owned(),
        ArgValue::Bool(false) => "False".to_owned(),
        ArgValue::Int(i) => i.to_string(),
        ArgValue::Str(s) => repr_str(s),
        ArgValue::List(items) => {
            let inner: Vec<String> = items.iter().map(repr_value).collect();
            format!("[{}]", inner.join(", "))
        }
    }
}

/// Python's `a is b` for two values written in the program (a `const` and a `default`, or the defaults of two
/// arguments sharing a dest). CPython shares `None`, the booleans and the integers -5..=256, and equal string
/// constants of one function are one object (as are identifier-like ones everywhere), so equal strings count as
/// the same object; lists are always distinct.
pub(crate) fn is_same_object(a: &ArgValue, b: &ArgValue) -> bool {
    match (a, b) {
        (ArgValue::Null, ArgValue::Null) => true,
        (ArgValue::Bool(x), ArgValue::Bool(y)) => x == y,
        (ArgValue::Int(x), ArgValue::Int(y)) => x == y && (-5..=256).contains(x),
        (ArgValue::Str(x), ArgValue::Str(y)) => x == y,
        _ => false,
    }
}

/// Python's `value is default` for a value converted from a command-line string. `int()` returns the shared
/// small integers; a string from `sys.argv` (or sliced from one) is the default object only when both are empty
/// or the same single non-ASCII Latin-1 character (CPython's shared one-character strings; a one-character
/// ASCII literal is interned separately).
pub(crate) fn is_argv_default(value: &ArgValue, default: &ArgValue) -> bool {
    match (value, default) {
        (ArgValue::Str(x), ArgValue::Str(y)) => {
            let mut chars = x.chars();
            x == y
                && match (chars.next(), chars.next()) {
                    (None, _) => true,
                    (Some(c), None) => ('\u{80}'..='\u{ff}').contains(&c),
                    _ => false,
                }
        }
        (ArgValue::Int(_), ArgValue::Int(_)) => is_same_object(value, default),
        _ => false,
    }
}

/// Python's `int(text)` for base 10: surrounding whitespace, a sign, Unicode decimal digits and single
/// underscores between digits. `None` when Python raises `ValueError` (or the value does not fit an `i64`).
pub(crate) fn parse_int(text: &str) -> Option<i64> {
    let body = strip(text);
    let (negative, digits) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body.strip_prefix('+').unwrap_or(body)),
    };
    let mut value: i128 = 0;
    let mut seen_digit = false;
    let mut after_underscore = false;
    for c in digits.chars() {
        if c == '_' {
            if !seen_digit || after_underscore {
                return None;
            }
            after_underscore = true;
            continue;
        }
        let digit = decimal_value(c)?;
        value = value.checked_mul(10)?.checked_add(i128::from(digit))?;
        seen_digit = true;
        after_underscore = false;
        if value > i128::from(i64::MAX) + 1 {
            return None;
        }
    }
    if !seen_digit || after_underscore {
        return None;
    }
    let value = if negative { -value } else { value };
    i64::try_from(value).ok()
}

/// Python's `str.splitlines()`.
pub(crate) fn splitlines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        lines.push(&text[start..i]);
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = chars.peek() {
                chars.next();
                end = j + 1;
            }
        }
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// Python's `template % mapping` for the `%(name)s`-style templates of argparse help, with `%%` for a percent.
/// `lookup` gives a key's `str()` and `repr()`; unknown keys and malformed specifiers are left as written
/// (where Python would raise).
pub(crate) fn percent_format(
    template: &str,
    lookup: &dyn Fn(&str) -> Option<(String, String)>,
) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(pos) = rest.find('%') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        if let Some(tail) = after.strip_prefix('%') {
            out.push('%');
            rest = tail;
            continue;
        }
        match format_one(after, lookup) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &after[used..];
            }
            None => {
                out.push('%');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One `(name)[-][width]conversion` after a `%`: the text and how many bytes of `spec` it used.
fn format_one(
    spec: &str,
    lookup: &dyn Fn(&str) -> Option<(String, String)>,
) -> Option<(String, usize)> {
    let inner = spec.strip_prefix('(')?;
    let close = inner.find(')')?;
    let key = &inner[..close];
    let mut used = 1 + close + 1;
    let mut flags = spec[used..].chars();
    let mut left = false;
    let mut width_text = String::new();
    let conversion = loop {
        let c = flags.next()?;
        used += c.len_utf8();
        match c {
            '-' if width_text.is_empty() => left = true,
            '0'..='9' => width_text.push(c),
            's' | 'r' | 'd' | 'i' | 'a' => break c,
            _ => return None,
        }
    };
    let (as_str, as_repr) = lookup(key)?;
    let text = match conversion {
        'r' | 'a' => as_repr,
        'd' | 'i' => as_str.parse::<i64>().ok()?.to_string(),
        _ => as_str,
    };
    let width: usize = width_text.parse().unwrap_or(0);
    let pad = width.saturating_sub(len(&text));
    let text = if left {
        format!("{text}{}", " ".repeat(pad))
    } else {
        format!("{}{text}", " ".repeat(pad))
    };
    Some((text, used))
}

/// `textwrap.wrap(text, width, initial_indent=..., subsequent_indent=...)` with textwrap's defaults
/// (hyphen-aware chunking, long words broken, whitespace dropped at line edges).
pub(crate) fn wrap(
    text: &str,
    width: usize,
    initial_indent: &str,
    subsequent_indent: &str,
) -> Vec<String> {
    let text: Vec<char> = text
        .chars()
        .map(|c| if is_ascii_space(c) { ' ' } else { c })
        .collect();
    // Chunks as (start, end) ranges of `text`, last chunk first so that the next one is popped off the end.
    let mut chunks = split_chunks(&text);
    chunks.reverse();
    let size = |(a, b): (usize, usize)| (b - a) as isize;
    let blank = |(a, b): (usize, usize)| text[a..b].iter().all(|&c| is_space(c));
    let width = width as isize;
    let mut lines: Vec<String> = Vec::new();
    while !chunks.is_empty() {
        let indent = if lines.is_empty() {
            initial_indent
        } else {
            subsequent_indent
        };
        let line_width = width - len(indent) as isize;
        if !lines.is_empty() && chunks.last().is_some_and(|&c| blank(c)) {
            chunks.pop();
        }
        let mut line: Vec<(usize, usize)> = Vec::new();
        let mut line_len: isize = 0;
        while let Some(&chunk) = chunks.last() {
            if line_len + size(chunk) > line_width {
                break;
            }
            line_len += size(chunk);
            line.push(chunk);
            chunks.pop();
        }
        if let Some(chunk) = chunks.last_mut() {
            if size(*chunk) > line_width {
                // `_handle_long_word`: as much as fits, broken after the last hyphen that has non-hyphens before it.
                let (a, b) = *chunk;
                let space_left = if line_width < 1 {
                    1
                } else {
                    (line_width - line_len) as usize
                };
                let mut end = space_left;
                if b - a > space_left {
                    let head = &text[a..a + space_left];
                    if let Some(h) = head.iter().rposition(|&c| c == '-') {
                        if h > 0 && head[..h].iter().any(|&c| c != '-') {
                            end = h + 1;
                        }
                    }
                }
                let split = (a + end).min(b);
                line.push((a, split));
                *chunk = (split, b);
            }
        }
        if line.last().is_some_and(|&c| blank(c)) {
            line.pop();
        }
        if !line.is_empty() {
            let mut out = String::from(indent);
            for &(a, b) in &line {
                out.extend(&text[a..b]);
            }
            lines.push(out);
        }
    }
    lines
}

/// textwrap's `wordsep_re.split()`: the (start, end) of each chunk (runs of whitespace, words broken after
/// hyphens between letters, em-dashes).
fn split_chunks(t: &[char]) -> Vec<(usize, usize)> {
    let n = t.len();
    let letter = |i: usize| i < n && is_letter(t[i]);
    let dashes_then_word = |k: usize| {
        let mut q = k;
        while q < n && t[q] == '-' {
            q += 1;
        }
        q - k >= 2 && q < n && is_word(t[q])
    };
    let mut chunks = Vec::new();
    let mut p = 0;
    while p < n {
        if t[p] == ' ' {
            let mut q = p;
            while q < n && t[q] == ' ' {
                q += 1;
            }
            chunks.push((p, q));
            p = q;
            continue;
        }
        if p > 0 && is_word_punct(t[p - 1]) && t[p] == '-' && dashes_then_word(p) {
            let mut q = p;
            while t[q] == '-' {
                q += 1;
            }
            chunks.push((p, q));
            p = q;
            continue;
        }
        let mut k = p + 1;
        let end = loop {
            if k < n && t[k] == '-' {
                let behind = (k >= 2 && letter(k - 2) && letter(k - 1))
                    || (k >= 3 && letter(k - 3) && t[k - 2] == '-' && letter(k - 1));
                let ahead = letter(k + 1)
                    && (letter(k + 2) || (k + 2 < n && t[k + 2] == '-' && letter(k + 3)));
                if behind && ahead {
                    break k + 1;
                }
            }
            if k == n || t[k] == ' ' {
                break k;
            }
            if is_word_punct(t[k - 1]) && dashes_then_word(k) {
                break k;
            }
            k += 1;
        };
        chunks.push((p, end));
        p = end;
    }
    chunks
}

/// `textwrap.fill()` as argparse's `_fill_text` calls it: whitespace squashed, every line indented.
pub(crate) fn fill(text: &str, width: usize, indent: &str) -> String {
    wrap(&squash_whitespace(text), width, indent, indent).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(text: &str) -> Vec<String> {
        let t: Vec<char> = text.chars().collect();
        split_chunks(&t)
            .into_iter()
            .map(|(a, b)| t[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn chunks_follow_textwrap() {
        assert_eq!(
            chunks("Look, goof-ball -- use the -b option!"),
            [
                "Look,", " ", "goof-", "ball", " ", "--", " ", "use", " ", "the", " ", "-b", " ",
                "option!"
            ]
        );
        assert_eq!(chunks("foo--bar"), ["foo", "--", "bar"]);
        assert_eq!(chunks("--max-width"), ["--max-", "width"]);
        assert_eq!(chunks("a-b-c"), ["a-b-c"]);
        assert_eq!(chunks("ab-c-d"), ["ab-", "c-d"]);
    }

    #[test]
    fn wrap_breaks_like_textwrap() {
        assert_eq!(
            wrap(
                "List projects which have all given tag(s) (Comma-separated list of tags)",
                54,
                "",
                ""
            ),
            [
                "List projects which have all given tag(s) (Comma-",
                "separated list of tags)"
            ]
        );
        assert_eq!(wrap("abcdefghij", 4, "", ""), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("aaa-bbbbbbbb", 6, "", ""), ["aaa-bb", "bbbbbb"]);
        assert_eq!(
            wrap("aaa-bbbbbbbb ccc", 5, "", ""),
            ["aaa-b", "bbbbb", "bb", "ccc"]
        );
        assert_eq!(wrap("a1-2345678", 5, "", ""), ["a1-", "23456", "78"]);
        assert_eq!(wrap("---------x", 4, "", ""), ["----", "----", "-x"]);
        assert_eq!(wrap("one two", 20, "  ", "  "), ["  one two"]);
        assert!(wrap("", 10, "", "").is_empty());
    }

    #[test]
    fn repr_quotes_like_python() {
        assert_eq!(repr_str("xml"), "'xml'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(
            repr_str("tab\there\n\x01é\u{a0}"),
            "'tab\\there\\n\\x01é\\xa0'"
        );
        assert_eq!(
            repr_value(&ArgValue::List(vec!["a".into(), ArgValue::Int(2)])),
            "['a', 2]"
        );
    }

    #[test]
    fn int_like_python() {
        assert_eq!(parse_int(" 42 "), Some(42));
        assert_eq!(parse_int("-1_000"), Some(-1000));
        assert_eq!(parse_int("+7"), Some(7));
        assert_eq!(parse_int("٤٢"), Some(42));
        assert_eq!(parse_int("1__0"), None);
        assert_eq!(parse_int("_1"), None);
        assert_eq!(parse_int("1.5"), None);
        assert_eq!(parse_int(""), None);
        assert_eq!(parse_int("-"), None);
    }

    #[test]
    fn splitlines_like_python() {
        assert_eq!(splitlines("a\nb\r\nc\rd\n"), ["a", "b", "c", "d"]);
        assert_eq!(splitlines("a\n\nb"), ["a", "", "b"]);
        assert!(splitlines("").is_empty());
    }

    #[test]
    fn percent_format_like_python() {
        let lookup = |key: &str| match key {
            "default" => Some(("x".to_owned(), "'x'".to_owned())),
            "n" => Some(("5".to_owned(), "5".to_owned())),
            _ => None,
        };
        assert_eq!(
            percent_format("d=%(default)s r=%(default)r 100%%", &lookup),
            "d=x r='x' 100%"
        );
        assert_eq!(
            percent_format("[%(default)-3s][%(n)3d]", &lookup),
            "[x  ][  5]"
        );
        assert_eq!(
            percent_format("50% off %(nope)s", &lookup),
            "50% off %(nope)s"
        );
    }
}
