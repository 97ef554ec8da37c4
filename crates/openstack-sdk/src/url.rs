//! URLs as Python's `requests` and `urllib` build them, so that URLs in messages and `--debug` lines match OSC's.

/// Python's `urllib.parse.urlencode` of pairs, as osc-lib sends query strings.
pub use osc_lib::http::urlencode;

/// A path segment as `requests` sends it: characters outside the unreserved and reserved sets percent-encoded.
pub fn quote_path(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b'/'
            | b':' | b';' | b'=' | b'?' | b'@' | b'[' | b']' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// `urllib.parse.unquote_plus` of a query component.
pub fn unquote(text: &str) -> String {
    osc_lib::unencodable::unquote(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_as_python() {
        let pairs = vec![
            (
                "scope.OS-INHERIT:inherited_to".to_owned(),
                "None".to_owned(),
            ),
            ("name".to_owned(), "a b/c".to_owned()),
        ];
        assert_eq!(
            urlencode(&pairs),
            "scope.OS-INHERIT%3Ainherited_to=None&name=a+b%2Fc"
        );
        assert_eq!(quote_path("a b/é"), "a%20b/%C3%A9");
        assert_eq!(unquote("a%3Ab+c%2"), "a:b c%2");
    }
}
