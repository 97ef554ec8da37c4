//! Reading a plugin's answer as it arrives: its JSON syntax checked byte by byte, failing at the first byte that
//! cannot belong to a valid answer, and capped in size.
//!
//! A plugin that prints 500 MB of garbage is stopped at its first invalid byte (and killed by the caller), not
//! read to the end; one that prints a huge valid list is stopped at [`answer_limit`] bytes. Rows are not printed
//! as they arrive: a table needs every row to size its columns, and `--sort-column` needs them all too, as in
//! cliff.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use cliff::Output;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::discovery::check_protocol;
use super::protocol::{ErrorSpec, Response};

/// The default of `OSC_PLUGIN_ANSWER_LIMIT`: far above any real answer (a list of 100 000 rows of ten columns is
/// about 60 MB), low enough that a runaway plugin cannot exhaust memory.
pub const DEFAULT_ANSWER_LIMIT: u64 = 256 << 20;

/// The largest answer accepted, in bytes: `OSC_PLUGIN_ANSWER_LIMIT` (a whole number of bytes, `0` for no limit;
/// anything else gives the default).
pub fn answer_limit() -> Option<u64> {
    match std::env::var("OSC_PLUGIN_ANSWER_LIMIT")
        .ok()
        .and_then(|text| text.trim().parse::<u64>().ok())
    {
        Some(0) => None,
        Some(limit) => Some(limit),
        None => Some(DEFAULT_ANSWER_LIMIT),
    }
}

/// Why no answer could be read.
#[derive(Debug, Clone)]
pub(crate) enum Problem {
    /// A byte that no valid answer has there (or a value of the wrong shape): the plugin is stopped at once.
    Invalid(String),
    /// The answer ended early: the plugin's exit status tells more, if it failed.
    Truncated(String),
    /// More than the limit was sent.
    TooLarge(u64),
    /// The answer announced a protocol this build does not speak.
    Protocol(String),
    /// The pipe failed.
    Read(String),
}

impl Problem {
    /// Whether the plugin may still be writing and must be stopped rather than waited for.
    pub(crate) fn stops_plugin(&self) -> bool {
        !matches!(self, Problem::Truncated(_))
    }
}

/// Reads one answer from `source` and parses it: `Ok(None)` when the plugin printed nothing (or only whitespace).
#[cfg(test)]
pub(crate) fn read_response(
    source: impl Read,
    limit: Option<u64>,
) -> Result<Option<Response>, Problem> {
    parse_response(&read_checked(source, limit)?)
}

/// Reads an answer's text from `source`, checking its JSON syntax as it arrives: the first byte that no JSON
/// document can have there ends the read with [`Problem::Invalid`], and so does a byte beyond `limit`
/// ([`Problem::TooLarge`]). The text is parsed afterwards, from memory ([`parse_response`]): parsing from the pipe
/// directly would save the text's memory, but costs more in allocations and time than the text itself (1.7 times
/// the time and 1.4 times the memory for a million rows, measured).
pub(crate) fn read_checked(source: impl Read, limit: Option<u64>) -> Result<Vec<u8>, Problem> {
    let hit_limit = Rc::new(Cell::new(false));
    let text = Rc::new(RefCell::new(Vec::new()));
    let capped = Capped {
        inner: source,
        left: limit,
        hit: Rc::clone(&hit_limit),
        copy: Rc::clone(&text),
    };
    let mut reader = BufReader::with_capacity(64 << 10, capped);
    // Leading whitespace only: nothing was answered.
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(_) if hit_limit.get() => return Err(Problem::TooLarge(limit.unwrap_or(0))),
            Err(err) => return Err(Problem::Read(err.to_string())),
        };
        if buffer.is_empty() {
            return Ok(Vec::new());
        }
        let blanks = buffer
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        let done = blanks < buffer.len();
        reader.consume(blanks);
        if done {
            break;
        }
    }
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    // IgnoredAny checks the syntax and keeps nothing (strings go through one scratch buffer).
    let checked = IgnoredAny::deserialize(&mut deserializer).and_then(|_| deserializer.end());
    drop(deserializer);
    match checked {
        Ok(()) => Ok(Rc::try_unwrap(text)
            .map(RefCell::into_inner)
            .unwrap_or_else(|shared| shared.borrow().clone())),
        Err(_) if hit_limit.get() => Err(Problem::TooLarge(limit.unwrap_or(0))),
        Err(err) => Err(classify(err)),
    }
}

/// Parses an answer read by [`read_checked`]: `Ok(None)` when it is empty.
pub(crate) fn parse_response(text: &[u8]) -> Result<Option<Response>, Problem> {
    if text.trim_ascii().is_empty() {
        return Ok(None);
    }
    let protocol_problem = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_slice(text);
    let parsed = ResponseSeed {
        protocol_problem: &protocol_problem,
    }
    .deserialize(&mut deserializer)
    .and_then(|response| deserializer.end().map(|()| response));
    match parsed {
        Ok(response) => Ok(Some(response)),
        Err(_) if protocol_problem.borrow().is_some() => Err(Problem::Protocol(
            protocol_problem.take().unwrap_or_default(),
        )),
        Err(err) => Err(classify(err)),
    }
}

fn classify(err: serde_json::Error) -> Problem {
    match err.classify() {
        serde_json::error::Category::Eof => Problem::Truncated(err.to_string()),
        serde_json::error::Category::Io => Problem::Read(err.to_string()),
        serde_json::error::Category::Syntax | serde_json::error::Category::Data => {
            Problem::Invalid(err.to_string())
        }
    }
}

/// A reader that keeps a `copy` of what it reads, and fails once more than `left` bytes were asked for, saying
/// so in `hit`.
struct Capped<R> {
    inner: R,
    left: Option<u64>,
    hit: Rc<Cell<bool>>,
    copy: Rc<RefCell<Vec<u8>>>,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some(left) = self.left else {
            let read = self.inner.read(buf)?;
            self.copy.borrow_mut().extend_from_slice(&buf[..read]);
            return Ok(read);
        };
        if left == 0 {
            // One byte more than allowed means too large; end of file exactly at the limit is fine.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => {
                    self.hit.set(true);
                    Err(io::Error::other("answer too large"))
                }
            };
        }
        let room = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
        let read = self.inner.read(&mut buf[..room])?;
        self.copy.borrow_mut().extend_from_slice(&buf[..read]);
        self.left = Some(left - read as u64);
        Ok(read)
    }
}

/// Deserializes a [`Response`] key by key, checking `protocol` as soon as it is read (a newer protocol's
/// answer may not parse as this one's) and refusing an answer with both `output` and `error`.
struct ResponseSeed<'a> {
    protocol_problem: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for ResponseSeed<'_> {
    type Value = Response;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Response, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ResponseSeed<'_> {
    type Value = Response;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with `protocol` and one of `output` and `error`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Response, A::Error> {
        let mut protocol: Option<u32> = None;
        let mut output: Option<Output> = None;
        let mut error: Option<ErrorSpec> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "protocol" => {
                    let version: u32 = map.next_value()?;
                    if let Err(problem) = check_protocol(version) {
                        *self.protocol_problem.borrow_mut() = Some(problem.clone());
                        return Err(de::Error::custom(problem));
                    }
                    protocol = Some(version);
                }
                "output" if output.is_some() => return Err(de::Error::duplicate_field("output")),
                "error" if error.is_some() => return Err(de::Error::duplicate_field("error")),
                "output" => output = Some(map.next_value()?),
                "error" => error = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            if output.is_some() && error.is_some() {
                return Err(de::Error::custom(
                    "both `output` and `error`, where exactly one is allowed",
                ));
            }
        }
        let protocol = protocol.ok_or_else(|| de::Error::missing_field("protocol"))?;
        Ok(Response {
            protocol,
            output,
            error,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that yields `prefix`, then fails the test if read further: proves reading stopped in time.
    struct Tripwire {
        prefix: std::io::Cursor<Vec<u8>>,
    }

    impl Read for Tripwire {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let read = self.prefix.read(buf)?;
            assert!(read > 0, "read past the first invalid byte");
            Ok(read)
        }
    }

    fn read(text: &str, limit: Option<u64>) -> Result<Option<Response>, Problem> {
        read_response(text.as_bytes(), limit)
    }

    #[test]
    fn answers_parse_and_blank_output_is_none() {
        let response = read(
            r#" {"protocol": 1, "extra": [1], "output": {"kind": "text", "text": "hi\n"}} "#,
            None,
        )
        .expect("valid")
        .expect("an answer");
        assert_eq!(
            response.output,
            Some(Output::Text {
                text: "hi\n".to_owned()
            })
        );
        assert!(read(" \n", None).expect("blank").is_none());
    }

    #[test]
    fn garbage_stops_at_the_first_invalid_byte() {
        // 64 KiB of garbage is there to be read, but the first byte already fails: the tripwire proves the
        // reader asked for no second buffer.
        let mut garbage = b"Hello".to_vec();
        garbage.resize(64 << 10, b'x');
        let source = Tripwire {
            prefix: std::io::Cursor::new(garbage),
        };
        match read_response(source, None) {
            Err(Problem::Invalid(message)) => {
                assert_eq!(message, "expected value at line 1 column 1")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_size_is_capped() {
        let answer = r#"{"protocol": 1, "output": {"kind": "text", "text": "0123456789"}}"#;
        assert!(read(answer, Some(answer.len() as u64)).is_ok());
        match read(answer, Some(20)) {
            Err(Problem::TooLarge(20)) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn malformed_answers_are_named() {
        let both =
            r#"{"protocol": 1, "output": {"kind": "exit", "code": 0}, "error": {"message": "x"}}"#;
        match read(both, None) {
            Err(Problem::Invalid(message)) => assert!(
                message.starts_with("both `output` and `error`, where exactly one is allowed"),
                "{message}"
            ),
            other => panic!("{other:?}"),
        }
        match read(r#"{"output": {"kind": "exit", "code": 0}}"#, None) {
            Err(Problem::Invalid(message)) => {
                assert!(message.starts_with("missing field `protocol`"), "{message}")
            }
            other => panic!("{other:?}"),
        }
        match read(r#"{"protocol": 2, "output": {"kind": "new"}}"#, None) {
            Err(Problem::Protocol(message)) => assert_eq!(
                message,
                "speaks plugin protocol 2, newer than this openstack's 1: upgrade openstack"
            ),
            other => panic!("{other:?}"),
        }
        match read(r#"{"protocol": 1, "output": {"kind": "ex"#, None) {
            Err(Problem::Truncated(_)) => {}
            other => panic!("{other:?}"),
        }
        match read(
            r#"{"protocol": 1, "output": {"kind": "exit", "code": 0}} x"#,
            None,
        ) {
            Err(Problem::Invalid(message)) => assert!(message.starts_with("trailing characters")),
            other => panic!("{other:?}"),
        }
    }
}
