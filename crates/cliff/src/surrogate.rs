//! Python's `surrogateescape` for argv that is not UTF-8.
//!
//! Python decodes `sys.argv` (and the environment) with `surrogateescape`: each byte that is not part of valid
//! UTF-8 becomes the lone surrogate U+DC80..U+DCFF, so OSC still runs with such an argument and only fails where
//! the text must be encoded (`'utf-8' codec can't encode character '\udcff' ...`). A Rust `String` cannot hold a
//! lone surrogate, so the same byte is kept as a character of a private-use range instead (U+10FD80..U+10FDFF,
//! never produced by a terminal or a real file name in practice), and turned back where Python would:
//! - stdout writes the raw byte (Python's stdout uses `surrogateescape` under the C/POSIX locale);
//! - stderr writes `\udcXX` (Python's stderr always uses `backslashreplace`);
//! - an HTTP request refuses it with Python's `UnicodeEncodeError` message.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

/// The first character of the range that stands for the escaped bytes 0x80..0xFF (byte = char - BASE + 0x80).
const BASE: u32 = 0x10FD80;

/// The character that stands for an undecodable `byte` (0x80..0xFF).
fn escape_byte(byte: u8) -> char {
    // BASE + (0..0x80) stays inside plane 16, always a valid scalar value.
    char::from_u32(BASE + u32::from(byte & 0x7F)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The byte an escape character stands for, if `c` is one.
pub fn escaped_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    (BASE..BASE + 0x80)
        .contains(&code)
        .then(|| 0x80 | (code - BASE) as u8)
}

/// Decodes bytes as Python's `bytes.decode('utf-8', 'surrogateescape')`, with escape characters for surrogates.
pub fn decode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(err) => {
                let (valid, after) = rest.split_at(err.valid_up_to());
                // from_utf8 said these bytes are valid.
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = err.error_len().unwrap_or(after.len());
                for &byte in &after[..bad] {
                    text.push(escape_byte(byte));
                }
                rest = &after[bad..];
            }
        }
    }
    text
}

/// An OS string (an argument, an environment value) as Python sees it.
pub fn from_os(value: &OsStr) -> String {
    match value.to_str() {
        Some(text) => text.to_owned(),
        None => decode(value.as_bytes()),
    }
}

/// The process arguments after the program name, as Python's `sys.argv[1:]`.
pub fn args() -> Vec<String> {
    std::env::args_os()
        .skip(1)
        .map(|arg: OsString| from_os(&arg))
        .collect()
}

/// Whether `text` holds an escaped byte.
pub fn has_escapes(text: &str) -> bool {
    text.chars().any(|c| escaped_byte(c).is_some())
}

/// The bytes Python writes with `surrogateescape`: escaped bytes as themselves.
pub fn to_bytes(text: &str) -> Vec<u8> {
    if !has_escapes(text) {
        return text.as_bytes().to_vec();
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        match escaped_byte(c) {
            Some(byte) => bytes.push(byte),
            None => bytes.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes()),
        }
    }
    bytes
}

/// The text Python writes with `backslashreplace` (stderr): escaped bytes as `\udcXX`.
pub fn backslashed(text: &str) -> String {
    if !has_escapes(text) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| match escaped_byte(c) {
            Some(byte) => format!("\\udc{byte:02x}"),
            None => c.to_string(),
        })
        .collect()
}

/// Python's error for `text.encode('utf-8')` when `text` holds an escaped byte.
pub fn encode_error(text: &str) -> Option<String> {
    let (position, byte) = text
        .chars()
        .enumerate()
        .find_map(|(index, c)| escaped_byte(c).map(|byte| (index, byte)))?;
    Some(format!(
        "'utf-8' codec can't encode character '\\udc{byte:02x}' in position {position}: surrogates not allowed"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_round_trip_and_print_as_python_does() {
        let text = decode(b"a\xc3(\xff\xc3\xa9");
        assert_eq!(text.chars().count(), 5);
        assert_eq!(to_bytes(&text), b"a\xc3(\xff\xc3\xa9");
        assert_eq!(backslashed(&text), "a\\udcc3(\\udcffé");
        assert_eq!(
            encode_error(&text).as_deref(),
            Some("'utf-8' codec can't encode character '\\udcc3' in position 1: surrogates not allowed")
        );
        assert_eq!(decode("plain é".as_bytes()), "plain é");
        assert_eq!(encode_error("plain"), None);
    }
}
