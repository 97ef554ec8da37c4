//! The one error type of the whole program: a user-facing message and a kind that maps to an exit code.

use std::fmt;

/// What went wrong, as far as the exit code is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A command failed (bad value, HTTP error, missing configuration...): exit 1.
    Command,
    /// The command line could not be parsed, or the command is unknown: exit 2.
    Usage,
    /// The user pressed Ctrl-C: exit 130.
    Interrupted,
    /// Standard output was closed under us (`| head`): exit 141.
    BrokenPipe,
}

impl ErrorKind {
    /// The process exit code OSC uses for this kind of failure.
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::Command => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Interrupted => 130,
            ErrorKind::BrokenPipe => 141,
        }
    }
}

/// An error carrying the exact one-line message the user sees on stderr.
#[derive(Debug, Clone, thiserror::Error)]
pub struct Error {
    /// Which exit code this error leads to.
    pub kind: ErrorKind,
    /// The message, already worded for the user.
    pub message: String,
    /// Extra lines shown only with `--debug` (for example a response body).
    pub detail: Option<String>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error {
    /// A command error (exit 1) with this message.
    pub fn command(message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Command,
            message: message.into(),
            detail: None,
        }
    }

    /// A usage error (exit 2) with this message.
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Usage,
            message: message.into(),
            detail: None,
        }
    }

    /// Attaches text that only `--debug` shows.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Error {
                kind: ErrorKind::BrokenPipe,
                message: String::new(),
                detail: None,
            }
        } else {
            Error::command(err.to_string())
        }
    }
}

/// Result with the framework's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
