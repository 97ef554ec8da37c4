//! Refusing a request that carries an undecodable argv byte, as Python does when it encodes the text.
//!
//! OSC keeps a non-UTF-8 argument as a lone surrogate and fails with `UnicodeEncodeError` (exit 1) when that text
//! goes into a URL, a query or a header (a JSON body carries it as `\udcXX`, as Python's `json.dumps` writes it). Ours keeps the byte as an escape character (`cliff::surrogate`), which
//! would otherwise be sent as a valid but different character.

use crate::http::Request;
use cliff::surrogate::encode_error;
use cliff::{Error, Result};

/// An error with Python's message if any part of the request holds an escaped byte.
pub fn check_request(request: &Request) -> Result<()> {
    let path = request.url.split(['?', '#']).next().unwrap_or_default();
    let segments = path.split('/').map(percent_decode);
    let query = request
        .query
        .iter()
        .flat_map(|(key, value)| [key.clone(), value.clone()]);
    let headers = request.headers.iter().map(|(_, value)| value.clone());
    if let Some(message) = segments
        .chain(query)
        .chain(headers)
        .find_map(|text| encode_error(&text))
    {
        return Err(Error::command(message));
    }
    Ok(())
}

/// `%XX` sequences turned back into bytes, then into text (the escape characters were percent-encoded as UTF-8).
fn percent_decode(segment: &str) -> String {
    if segment.contains('%') {
        unquote(segment, false)
    } else {
        segment.to_owned()
    }
}

/// Python's `urllib.parse.unquote` (`unquote_plus` when `plus`, which also turns `+` into a space): `%XX` turned
/// back into bytes, anything else kept, then read as UTF-8 (invalid bytes replaced).
pub fn unquote(text: &str, plus: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (b'+', _) if plus => {
                out.push(b' ');
                index += 1;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clientmanager::Method;

    #[test]
    fn escaped_bytes_in_path_or_query_are_refused() {
        let bad = cliff::surrogate::decode(b"\xc3(");
        let quoted: String = bad
            .bytes()
            .map(|byte| format!("%{byte:02X}"))
            .collect::<String>();
        let request = Request::new(Method::Get, format!("http://h/v3/domains/{quoted}"));
        let message = check_request(&request).unwrap_err().message;
        assert_eq!(
            message,
            "'utf-8' codec can't encode character '\\udcc3' in position 0: surrogates not allowed"
        );
        let mut request = Request::new(Method::Get, "http://h/v3/projects");
        request.query.push(("name".into(), format!("x{bad}")));
        assert!(check_request(&request)
            .unwrap_err()
            .message
            .contains("position 1"));
        let request = Request::new(Method::Post, "http://h/v3/projects")
            .json(serde_json::json!({"project": {"name": bad}}));
        assert!(check_request(&request).is_ok());
        assert_eq!(
            crate::http::python_json(&serde_json::json!({ "name": bad })),
            r#"{"name": "\udcc3("}"#
        );
        let request = Request::new(Method::Get, "http://h/v3/projects/%C3%A9");
        assert!(check_request(&request).is_ok());
    }
}
