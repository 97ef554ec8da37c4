//! Look-ups in the generated Unicode tables, and the Python `str` predicates the formatters rely on.

use super::unicode_tables as t;

/// Whether `c` lies in one of the sorted inclusive `ranges`.
pub(crate) fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = c as u32;
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `str.isspace()` for one character.
pub(crate) fn py_isspace(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f' | ' '
        );
    }
    in_ranges(c, t::PY_SPACE)
}

/// Python's `str.isprintable()` for one character.
pub(crate) fn py_isprintable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(c, t::PY_PRINTABLE)
}

/// Python's regex `\w` (Unicode patterns): alphanumeric or underscore.
pub(crate) fn py_is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(c, t::PY_ALNUM)
}

/// Python's regex `\d` (Unicode patterns): a decimal digit.
pub(crate) fn py_is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(c, t::PY_DECIMAL)
}

/// Python's `str.strip()` (no argument): removes Unicode whitespace at both ends.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// Python's `str.rstrip()` (no argument).
pub(crate) fn py_rstrip(s: &str) -> &str {
    s.trim_end_matches(py_isspace)
}

/// A grapheme-cluster-break property value, as wcwidth numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gcb {
    Other,
    Cr,
    Lf,
    Control,
    Extend,
    Zwj,
    RegionalIndicator,
    Prepend,
    SpacingMark,
    L,
    V,
    T,
    Lv,
    Lvt,
}

/// The Grapheme_Cluster_Break property of `c`.
pub(crate) fn gcb(c: char) -> Gcb {
    let u = c as u32;
    let found = t::GRAPHEME_BREAK.binary_search_by(|&(lo, hi, _)| {
        if hi < u {
            std::cmp::Ordering::Less
        } else if lo > u {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    match found {
        Ok(i) => match t::GRAPHEME_BREAK[i].2 {
            1 => Gcb::Cr,
            2 => Gcb::Lf,
            3 => Gcb::Control,
            4 => Gcb::Extend,
            5 => Gcb::Zwj,
            6 => Gcb::RegionalIndicator,
            7 => Gcb::Prepend,
            8 => Gcb::SpacingMark,
            9 => Gcb::L,
            10 => Gcb::V,
            11 => Gcb::T,
            12 => Gcb::Lv,
            13 => Gcb::Lvt,
            _ => Gcb::Other,
        },
        Err(_) => Gcb::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_predicates() {
        assert!(py_isspace('\u{3000}') && py_isspace('\x1c') && !py_isspace('\u{200b}'));
        assert!(py_isprintable('é') && !py_isprintable('\u{a0}') && !py_isprintable('\u{200b}'));
        assert!(py_is_word('é') && py_is_word('_') && !py_is_word('-') && py_is_word('中'));
        assert!(py_is_decimal('٣') && !py_is_decimal('a'));
        assert_eq!(py_strip("\u{3000} a \n"), "a");
    }

    #[test]
    fn grapheme_properties() {
        assert_eq!(gcb('\u{301}'), Gcb::Extend);
        assert_eq!(gcb('\u{1F1E6}'), Gcb::RegionalIndicator);
        assert_eq!(gcb('a'), Gcb::Other);
        assert_eq!(gcb('\u{1100}'), Gcb::L);
    }
}
