//! Word wrapping as wcwidth 0.9.4's `wrap(text, width)` does it (prettytable wraps over-wide cell lines
//! with it): Python `textwrap`'s word splitting and greedy filling, measured in display cells, with long
//! words broken at grapheme boundaries or after a hyphen.

use super::unicode::{py_is_decimal, py_is_word, py_isspace, py_rstrip};
use super::wcwidth::{grapheme_len, width};

/// textwrap's whitespace: the characters it turns into spaces and splits on.
fn is_tw_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0b' | '\x0c' | '\r' | ' ')
}

/// Regex `[\w!"'&.,?]`.
fn is_word_punct(c: char) -> bool {
    py_is_word(c) || matches!(c, '!' | '"' | '\'' | '&' | '.' | ',' | '?')
}

/// Regex `[^\d\W]`.
fn is_letter(c: char) -> bool {
    py_is_word(c) && !py_is_decimal(c)
}

/// `str.expandtabs(8)`: columns count characters and restart after `\n` or `\r`.
pub(crate) fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0usize;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// Whether `chars[at..]` starts with two or more hyphens followed by a word character.
fn em_dash_at(chars: &[char], at: usize) -> Option<usize> {
    let n = chars[at..].iter().take_while(|&&c| c == '-').count();
    (n >= 2 && chars.get(at + n).is_some_and(|&c| py_is_word(c))).then_some(n)
}

/// textwrap's `wordsep_re.split()` (break_on_hyphens): whitespace runs, em-dashes, words.
fn split_chunks(chars: &[char]) -> Vec<(usize, usize)> {
    let len = chars.len();
    let letter_at = |i: isize| i >= 0 && (i as usize) < len && is_letter(chars[i as usize]);
    let mut chunks = Vec::new();
    let mut p = 0;
    while p < len {
        if is_tw_space(chars[p]) {
            let n = chars[p..].iter().take_while(|&&c| is_tw_space(c)).count();
            chunks.push((p, p + n));
            p += n;
            continue;
        }
        if p > 0 && is_word_punct(chars[p - 1]) {
            if let Some(n) = em_dash_at(chars, p) {
                chunks.push((p, p + n));
                p += n;
                continue;
            }
        }
        // A lazy run of non-whitespace up to the first place one of the endings matches.
        let mut e = p + 1;
        let end = loop {
            if e >= len || is_tw_space(chars[e]) {
                break e.min(len);
            }
            if chars[e] == '-' {
                let i = e as isize;
                let behind = (letter_at(i - 2) && letter_at(i - 1))
                    || (letter_at(i - 3) && i >= 2 && chars[e - 2] == '-' && letter_at(i - 1));
                let ahead = letter_at(i + 1)
                    && (letter_at(i + 2)
                        || (e + 2 < len && chars[e + 2] == '-' && letter_at(i + 3)));
                if behind && ahead {
                    break e + 1;
                }
            }
            if is_word_punct(chars[e - 1]) && em_dash_at(chars, e).is_some() {
                break e;
            }
            e += 1;
        };
        chunks.push((p, end));
        p = end;
    }
    chunks
}

/// Whether a chunk is whitespace to Python's `str.strip()`.
fn is_blank(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isspace)
}

/// Wraps one line of text into lines at most `max` cells wide (`max` > 0).
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let text = expand_tabs(text);
    let chars: Vec<char> = text
        .chars()
        .map(|c| if is_tw_space(c) { ' ' } else { c })
        .collect();
    let mut chunks: Vec<String> = split_chunks(&chars)
        .into_iter()
        .rev()
        .map(|(a, b)| chars[a..b].iter().collect())
        .collect();
    let mut lines: Vec<String> = Vec::new();
    while !chunks.is_empty() {
        let mut current: Vec<String> = Vec::new();
        let mut current_width = 0usize;
        if !lines.is_empty() && chunks.last().is_some_and(|c| is_blank(c)) {
            chunks.pop();
        }
        while let Some(chunk) = chunks.last() {
            let w = width(chunk);
            if current_width + w <= max {
                current_width += w;
                current.extend(chunks.pop());
            } else {
                break;
            }
        }
        if chunks.last().is_some_and(|c| width(c) > max) {
            handle_long_word(&mut chunks, &mut current, current_width, max);
            while chunks.last().is_some_and(|c| c.is_empty()) {
                chunks.pop();
            }
        }
        if current.last().is_some_and(|c| is_blank(c)) {
            current.pop();
        }
        if !current.is_empty() {
            let joined = current.concat();
            let line = py_rstrip(&joined);
            if line.is_empty() {
                continue;
            }
            lines.push(line.to_owned());
        }
    }
    lines
}

/// Breaks the over-long chunk on top of `chunks` so its head fills the rest of the line.
fn handle_long_word(
    chunks: &mut [String],
    current: &mut Vec<String>,
    current_width: usize,
    max: usize,
) {
    let space_left = if max < 1 {
        1
    } else {
        max.saturating_sub(current_width)
    };
    let Some(top) = chunks.last_mut() else { return };
    let chars: Vec<char> = top.chars().collect();
    let prefix_end = break_position(&chars, space_left);
    let mut end = prefix_end;
    let hyphen = chars[..prefix_end].iter().rposition(|&c| c == '-');
    match hyphen {
        Some(h) if h > 0 && chars[..h].iter().any(|&c| c != '-') => end = h + 1,
        _ => {
            if current.is_empty()
                && (end == 0 || (end < chars.len() && width(&collect(&chars[..end])) == 0))
            {
                end = grapheme_len(&chars, 0);
            }
        }
    }
    current.push(collect(&chars[..end]));
    *top = collect(&chars[end..]);
}

fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

/// The number of leading chars whose graphemes fit in `max` cells.
fn break_position(chars: &[char], max: usize) -> usize {
    let mut idx = 0;
    let mut so_far = 0;
    while idx < chars.len() {
        let n = grapheme_len(chars, idx).max(1);
        let w = if n == 1 && (' '..='~').contains(&chars[idx]) {
            1
        } else {
            width(&collect(&chars[idx..idx + n]))
        };
        if so_far + w > max {
            return idx;
        }
        so_far += w;
        idx += n;
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        split_chunks(&chars)
            .into_iter()
            .map(|(a, b)| collect(&chars[a..b]))
            .collect()
    }

    #[test]
    fn splits_like_textwrap() {
        assert_eq!(
            split("Hello there,  world"),
            ["Hello", " ", "there,", "  ", "world"]
        );
        assert_eq!(
            split("a well-known fact"),
            ["a", " ", "well-", "known", " ", "fact"]
        );
        assert_eq!(split("this--that"), ["this", "--", "that"]);
        assert_eq!(split("x-y"), ["x-y"]);
        assert_eq!(split("ab-c-d"), ["ab-", "c-d"]);
        assert_eq!(split("abc-de"), ["abc-", "de"]);
    }

    #[test]
    fn wraps() {
        assert_eq!(
            wrap("Bootstrap project for initializing the cloud.", 16),
            ["Bootstrap", "project for", "initializing the", "cloud."]
        );
        assert_eq!(
            wrap("ed3599bcea0747fd9ce06613f9ca6e22", 16),
            ["ed3599bcea0747fd", "9ce06613f9ca6e22"]
        );
        assert_eq!(wrap("中文字符", 4), ["中文", "字符"]);
        assert_eq!(wrap("     ", 2), Vec::<String>::new());
        assert_eq!(wrap("aaaa-bbbbbbbb", 8), ["aaaa-", "bbbbbbbb"]);
    }
}
