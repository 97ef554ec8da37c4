//! Display width of text as wcwidth 0.9.4 measures it (prettytable 3.18 sizes and pads cells with it).
//!
//! `width` follows wcwidth's `width(text, control_codes='parse')`: grapheme-aware (ZWJ sequences,
//! VS15/VS16, regional-indicator pairs, skin tones, viramas, spacing marks), control characters of no
//! width, tab stops, backspace and carriage return moving the cursor. Escape sequences are measured as
//! zero-width, with cursor-forward/backward/column moves honoured; the OSC 66 text-sizing protocol is not.

use super::unicode::{gcb, in_ranges, py_is_decimal, Gcb};
use super::unicode_tables as t;

/// wcwidth's `wcwidth()` of one printable character: 0, 1 or 2 cells.
fn char_width(c: char) -> usize {
    let u = c as u32;
    if (0x20..0x7f).contains(&u) {
        return 1;
    }
    if in_ranges(c, t::WC_ZERO) {
        0
    } else if in_ranges(c, t::WC_WIDE) {
        2
    } else {
        1
    }
}

fn is_regional(c: char) -> bool {
    in_ranges(c, t::REGIONAL_INDICATOR)
}

fn is_emoji_zwj(c: char) -> bool {
    in_ranges(c, t::EMOJI_ZWJ)
}

fn is_fitzpatrick(c: char) -> bool {
    (t::FITZPATRICK.0..=t::FITZPATRICK.1).contains(&(c as u32))
}

fn is_printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// The display width of `text` in terminal cells.
pub(crate) fn width(text: &str) -> usize {
    if is_printable_ascii(text) {
        return text.len();
    }
    let chars: Vec<char> = text.chars().collect();
    // wcwidth switches long strings without cursor movement to its "ignore" measurement: escape
    // sequences and control characters are removed first, then the rest is measured.
    if chars.len() > 20
        && !chars.iter().any(|c| matches!(c, '\x08' | '\t' | '\r'))
        && (!chars.contains(&'\x1b') || !has_cursor_or_sizing_sequence(&chars))
    {
        let stripped = strip_for_ignore(&chars);
        return wcswidth(&stripped);
    }
    width_parse(&chars)
}

/// Whether `chars` holds `ESC [ digits (C|D|G)` or an OSC 66 text-sizing sequence.
fn has_cursor_or_sizing_sequence(chars: &[char]) -> bool {
    (0..chars.len()).any(|i| {
        chars[i] == '\x1b'
            && (cursor_sequence(chars, i).is_some()
                || chars[i + 1..].starts_with(&[']', '6', '6', ';']))
    })
}

/// Matches `ESC [ \d* (C|D|G)` at `i`: (kind, count digits value or None, end index).
fn cursor_sequence(chars: &[char], i: usize) -> Option<(char, Option<usize>, usize)> {
    if chars.get(i + 1) != Some(&'[') {
        return None;
    }
    let mut j = i + 2;
    let mut n: Option<usize> = None;
    while let Some(&c) = chars.get(j) {
        if !py_is_decimal(c) {
            break;
        }
        let digit = c.to_digit(10).unwrap_or_else(|| decimal_value(c));
        n = Some(
            n.unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(digit as usize),
        );
        j += 1;
    }
    match chars.get(j) {
        Some(&k @ ('C' | 'D' | 'G')) => Some((k, n, j + 1)),
        _ => None,
    }
}

/// The value of a non-ASCII Unicode decimal digit (digits come in contiguous runs of ten from zero).
fn decimal_value(c: char) -> u32 {
    let mut zero = c as u32;
    while zero > 0
        && char::from_u32(zero - 1).is_some_and(py_is_decimal)
        && (c as u32 - (zero - 1)) < 10
    {
        zero -= 1;
    }
    c as u32 - zero
}

/// The length of the escape sequence at `i` (wcwidth's ZERO_WIDTH_PATTERN), if one matches.
pub(crate) fn escape_sequence_len(chars: &[char], i: usize) -> Option<usize> {
    let next = *chars.get(i + 1)?;
    let in_range = |c: char, lo: u32, hi: u32| (lo..=hi).contains(&(c as u32));
    match next {
        '[' => {
            let mut j = i + 2;
            while chars.get(j).is_some_and(|&c| in_range(c, 0x30, 0x3f)) {
                j += 1;
            }
            while chars.get(j).is_some_and(|&c| in_range(c, 0x20, 0x2f)) {
                j += 1;
            }
            if chars.get(j).is_some_and(|&c| in_range(c, 0x40, 0x7e)) {
                return Some(j + 1 - i);
            }
        }
        ']' | '_' | 'P' | '^' => {
            let mut j = i + 2;
            while let Some(&c) = chars.get(j) {
                match c {
                    '\x07' => return Some(j + 1 - i),
                    '\x1b' => {
                        if chars.get(j + 1) == Some(&'\\') {
                            return Some(j + 2 - i);
                        }
                        break;
                    }
                    _ => j += 1,
                }
            }
        }
        '(' | ')' if chars.get(i + 2).is_some() => return Some(3),
        _ => {}
    }
    if in_range(next, 0x20, 0x2f) {
        let mut j = i + 1;
        while chars.get(j).is_some_and(|&c| in_range(c, 0x20, 0x2f)) {
            j += 1;
        }
        if chars.get(j).is_some_and(|&c| in_range(c, 0x30, 0x7e)) {
            return Some(j + 1 - i);
        }
        return None;
    }
    if in_range(next, 0x30, 0x7e) {
        return Some(2);
    }
    None
}

/// The text with escape sequences and C0/C1 control characters removed (wcwidth's "ignore" mode).
fn strip_for_ignore(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\x1b' {
            if let Some(n) = escape_sequence_len(chars, i) {
                i += n;
                continue;
            }
        }
        let u = c as u32;
        if !(u < 0x20 || (0x7f..0xa0).contains(&u)) {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// wcwidth's `wcswidth()` of text free of control characters.
fn wcswidth(chars: &[char]) -> usize {
    let end = chars.len();
    let mut total: i64 = 0;
    let mut idx = 0;
    let mut last_measured_idx: isize = -2;
    let mut last_measured: Option<char> = None;
    let mut last_measured_w = 0;
    let mut prev_was_virama = false;
    let mut cluster_width: i64 = 0;
    while idx < end {
        let c = chars[idx];
        let u = c as u32;
        if u == 0x200D {
            if prev_was_virama {
                idx += 1;
            } else if idx + 1 < end {
                last_measured_w = 0;
                prev_was_virama = false;
                idx += 2;
            } else {
                prev_was_virama = false;
                idx += 1;
            }
            continue;
        }
        if u == 0xFE0F && last_measured_idx >= 0 {
            if last_measured.is_some_and(|m| in_ranges(m, t::VS16_NARROW_TO_WIDE)) {
                cluster_width = 2;
            }
            last_measured_idx = -2;
            idx += 1;
            continue;
        }
        if u == 0xFE0E && last_measured_idx >= 0 {
            if last_measured.is_some_and(|m| in_ranges(m, t::VS15_WIDE_TO_NARROW))
                && last_measured_w == 2
            {
                total -= 1;
            }
            last_measured_idx = -2;
            idx += 1;
            continue;
        }
        if u > 0xFFFF {
            if is_regional(c) {
                let ri_before = chars[..idx]
                    .iter()
                    .rev()
                    .take_while(|&&p| is_regional(p))
                    .count();
                if ri_before % 2 == 1 {
                    last_measured = Some(c);
                    idx += 1;
                    continue;
                }
            } else if is_fitzpatrick(c) && last_measured.is_some_and(is_emoji_zwj) {
                idx += 1;
                continue;
            }
        }
        let w = char_width(c);
        if w > 0 {
            if prev_was_virama {
                cluster_width = 2;
            } else if cluster_width != 0 {
                total += cluster_width;
                cluster_width = w as i64;
            } else {
                cluster_width = w as i64;
            }
            last_measured_idx = idx as isize;
            last_measured = Some(c);
            last_measured_w = w;
            prev_was_virama = false;
        } else if in_ranges(c, t::ISC_VIRAMA) {
            prev_was_virama = true;
        } else if last_measured_idx >= 0 && in_ranges(c, t::CATEGORY_MC) {
            cluster_width = 2;
            last_measured_idx = -2;
            prev_was_virama = false;
        } else {
            prev_was_virama = false;
        }
        idx += 1;
    }
    total += cluster_width;
    total.max(0) as usize
}

/// wcwidth's `width()` in "parse" mode: the rightmost column the cursor reaches.
fn width_parse(chars: &[char]) -> usize {
    let len = chars.len();
    let mut current_col: i64 = 0;
    let mut max_extent: i64 = 0;
    let mut idx = 0;
    let mut last_measured_idx: isize = -2;
    let mut last_measured: Option<char> = None;
    let mut last_measured_w = 0;
    let mut prev_was_virama = false;
    let mut max_extent_before: i64 = 0;
    let mut cluster_width: i64 = 0;

    // Adds the pending cluster's width to the cursor.
    macro_rules! flush {
        () => {
            if cluster_width != 0 {
                current_col += cluster_width;
                if current_col > max_extent {
                    max_extent = current_col;
                }
                cluster_width = 0;
            }
        };
    }
    // Control characters and sequences break VS15/VS16 adjacency.
    macro_rules! reset_measured {
        () => {
            last_measured_idx = -2;
            last_measured = None;
        };
    }

    while idx < len {
        let c = chars[idx];
        let u = c as u32;
        if c == '\x1b' {
            flush!();
            if let Some((kind, n, end)) = cursor_sequence(chars, idx) {
                match kind {
                    'G' => current_col = n.unwrap_or(1) as i64 - 1,
                    'C' => current_col += n.unwrap_or(1) as i64,
                    _ => current_col = (current_col - n.unwrap_or(1) as i64).max(0),
                }
                idx = end;
            } else if let Some(n) = escape_sequence_len(chars, idx) {
                idx += n;
            } else {
                idx += 1;
            }
            reset_measured!();
            if current_col > max_extent {
                max_extent = current_col;
            }
            continue;
        }
        if u < 0x20 || (0x7f..0xa0).contains(&u) {
            flush!();
            match c {
                '\t' => current_col += 8 - current_col.rem_euclid(8),
                '\x08' => current_col = (current_col - 1).max(0),
                '\r' => current_col = 0,
                _ => {}
            }
            if current_col > max_extent {
                max_extent = current_col;
            }
            idx += 1;
            reset_measured!();
            continue;
        }
        if u == 0x200D {
            if prev_was_virama {
                idx += 1;
            } else if idx + 1 < len {
                last_measured_w = 0;
                prev_was_virama = false;
                idx += 2;
            } else {
                prev_was_virama = false;
                idx += 1;
            }
            continue;
        }
        if u == 0xFE0F && last_measured_idx >= 0 {
            if last_measured.is_some_and(|m| in_ranges(m, t::VS16_NARROW_TO_WIDE)) {
                cluster_width = 2;
            }
            last_measured_idx = -2;
            idx += 1;
            continue;
        }
        if u == 0xFE0E && last_measured_idx >= 0 {
            if last_measured.is_some_and(|m| in_ranges(m, t::VS15_WIDE_TO_NARROW))
                && last_measured_w == 2
            {
                current_col -= 1;
                max_extent = max_extent_before.max(current_col);
            }
            last_measured_idx = -2;
            idx += 1;
            continue;
        }
        if u > 0xFFFF {
            if is_regional(c) {
                let ri_before = chars[..idx]
                    .iter()
                    .rev()
                    .take_while(|&&p| is_regional(p))
                    .count();
                if ri_before % 2 == 1 {
                    last_measured = Some(c);
                    idx += 1;
                    continue;
                }
            } else if is_fitzpatrick(c) && last_measured.is_some_and(is_emoji_zwj) {
                idx += 1;
                continue;
            }
        }
        let w = char_width(c);
        if w > 0 {
            if prev_was_virama {
                cluster_width = 2;
            } else if cluster_width != 0 {
                current_col += cluster_width;
                if current_col > max_extent {
                    max_extent = current_col;
                }
                cluster_width = w as i64;
            } else {
                cluster_width = w as i64;
            }
            last_measured_idx = idx as isize;
            last_measured = Some(c);
            last_measured_w = w;
            max_extent_before = max_extent;
            prev_was_virama = false;
        } else if in_ranges(c, t::ISC_VIRAMA) {
            prev_was_virama = true;
        } else if last_measured_idx >= 0 && in_ranges(c, t::CATEGORY_MC) {
            cluster_width = 2;
            last_measured_idx = -2;
            prev_was_virama = false;
        } else {
            prev_was_virama = false;
        }
        idx += 1;
    }
    if cluster_width != 0 {
        current_col += cluster_width;
        max_extent = max_extent.max(current_col);
    }
    max_extent.max(0) as usize
}

/// The length in chars of the grapheme cluster starting at `start` (wcwidth's UAX #29 segmentation).
pub(crate) fn grapheme_len(chars: &[char], start: usize) -> usize {
    if start >= chars.len() {
        return 0;
    }
    // Printable ASCII followed by ASCII (or nothing) is a cluster of its own.
    if (' '..='~').contains(&chars[start]) && chars.get(start + 1).is_none_or(char::is_ascii) {
        return 1;
    }
    let mut prev = gcb(chars[start]);
    let mut ri_count = usize::from(prev == Gcb::RegionalIndicator);
    for idx in start + 1..chars.len() {
        let curr = gcb(chars[idx]);
        let (brk, ri) = should_break(prev, curr, chars, idx, ri_count, start);
        ri_count = ri;
        if brk {
            return idx - start;
        }
        prev = curr;
    }
    chars.len() - start
}

/// Whether a cluster boundary falls before `chars[idx]`, and the new regional-indicator count.
fn should_break(
    prev: Gcb,
    curr: Gcb,
    chars: &[char],
    idx: usize,
    ri_count: usize,
    start: usize,
) -> (bool, usize) {
    let ri_if = |g: Gcb| usize::from(g == Gcb::RegionalIndicator);
    if prev == Gcb::Cr && curr == Gcb::Lf {
        return (false, 0);
    }
    if matches!(prev, Gcb::Control | Gcb::Cr | Gcb::Lf) {
        return (true, ri_if(curr));
    }
    if matches!(curr, Gcb::Control | Gcb::Cr | Gcb::Lf) {
        return (true, 0);
    }
    if prev == Gcb::L && matches!(curr, Gcb::L | Gcb::V | Gcb::Lv | Gcb::Lvt) {
        return (false, 0);
    }
    if matches!(prev, Gcb::Lv | Gcb::V) && matches!(curr, Gcb::V | Gcb::T) {
        return (false, 0);
    }
    if matches!(prev, Gcb::Lvt | Gcb::T) && curr == Gcb::T {
        return (false, 0);
    }
    if curr == Gcb::Extend || curr == Gcb::SpacingMark {
        return (false, 0);
    }
    if prev == Gcb::Prepend {
        return (false, ri_if(curr));
    }
    if curr == Gcb::Zwj {
        return (false, 0);
    }
    let c = chars[idx];
    if in_ranges(c, t::INCB_CONSONANT) {
        let mut i = idx as isize - 1;
        while i >= start as isize && in_ranges(chars[i as usize], t::INCB_EXTEND) {
            i -= 1;
        }
        if i >= start as isize && in_ranges(chars[i as usize], t::INCB_LINKER) {
            return (false, 0);
        }
    }
    if prev == Gcb::Zwj && in_ranges(c, t::EXTENDED_PICTOGRAPHIC) {
        let mut i = idx as isize - 2;
        while i >= start as isize {
            let p = chars[i as usize];
            if gcb(p) == Gcb::Extend {
                i -= 1;
            } else if in_ranges(p, t::EXTENDED_PICTOGRAPHIC) {
                return (false, 0);
            } else {
                break;
            }
        }
    }
    if prev == Gcb::RegionalIndicator && curr == Gcb::RegionalIndicator {
        if ri_count % 2 == 1 {
            return (false, ri_count + 1);
        }
        return (true, 1);
    }
    (true, ri_if(curr))
}

/// How a cell's text is aligned in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// Pads `text` with spaces to `dest` cells (wcwidth's `ljust`/`rjust`/`center`).
pub(crate) fn justify(out: &mut String, text: &str, dest: usize, align: Align) {
    let pad = dest.saturating_sub(width(text));
    match align {
        Align::Left => {
            out.push_str(text);
            push_spaces(out, pad);
        }
        Align::Right => {
            push_spaces(out, pad);
            out.push_str(text);
        }
        Align::Center => {
            let left = pad / 2 + (pad & dest & 1);
            push_spaces(out, left);
            out.push_str(text);
            push_spaces(out, pad - left);
        }
    }
}

/// Appends `n` spaces.
pub(crate) fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        let cases = [
            ("abc", 3),
            ("中文", 4),
            ("e\u{301}", 1),
            ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 2),
            ("\u{1F1FA}\u{1F1F8}", 2),
            ("\u{2764}\u{FE0F}", 2),
            ("\u{1F44D}\u{1F3FD}", 2),
            ("a\tb", 9),
            ("ab\x08c", 2),
            ("\x1b[31mred\x1b[0m", 3),
            ("", 0),
            ("a\nb", 2),
        ];
        for (s, w) in cases {
            assert_eq!(width(s), w, "{s:?}");
        }
    }

    #[test]
    fn graphemes() {
        let chars: Vec<char> = "e\u{301}\u{1F1FA}\u{1F1F8}\u{1F1FA}x".chars().collect();
        assert_eq!(grapheme_len(&chars, 0), 2);
        assert_eq!(grapheme_len(&chars, 2), 2);
        assert_eq!(grapheme_len(&chars, 4), 1);
    }

    #[test]
    fn centering_quirk() {
        let mut out = String::new();
        justify(&mut out, "ab", 5, Align::Center);
        assert_eq!(out, "  ab ");
        out.clear();
        justify(&mut out, "ab", 6, Align::Center);
        assert_eq!(out, "  ab  ");
        out.clear();
        justify(&mut out, "abc", 6, Align::Center);
        assert_eq!(out, " abc  ");
    }
}
