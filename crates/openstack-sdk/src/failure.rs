//! A failed call, kept apart by kind because commands catch some kinds (not found, forbidden, conflict) as OSC
//! catches openstacksdk's exception classes.

use std::fmt;

use cliff::Error;

/// A failed call to a service.
#[derive(Debug, Clone)]
pub enum Failure {
    /// The API answered with an error status; `message` is the library's `str()` of its exception
    /// (`NotFoundException: 404: Client Error for url: …`, or a legacy client's words; see [`crate::Wording`]).
    Http {
        /// The HTTP status.
        status: u16,
        /// The worded failure.
        message: String,
    },
    /// openstacksdk's `ResourceNotFound` raised by a `find` that found nothing (no HTTP error behind it).
    NotFound(String),
    /// More than one resource matched a name (openstacksdk's `DuplicateResource`).
    Duplicate(String),
    /// Any other failure, already worded (a `CommandError`, a connection failure, a refused microversion...).
    Other(Error),
}

impl Failure {
    /// The HTTP status, when the API answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Failure::Http { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// `except ResourceNotFound` / `except NotFoundException` (an HTTP 404 or a `find` miss).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Failure::NotFound(_)) || self.status() == Some(404)
    }

    /// `except BadRequestException`.
    pub fn is_bad_request(&self) -> bool {
        self.status() == Some(400)
    }

    /// `except ForbiddenException`.
    pub fn is_forbidden(&self) -> bool {
        self.status() == Some(403)
    }

    /// `except ConflictException`.
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(409)
    }

    /// `except DuplicateResource`.
    pub fn is_duplicate(&self) -> bool {
        matches!(self, Failure::Duplicate(_))
    }

    /// A `CommandError` with this message.
    pub fn command(message: impl Into<String>) -> Self {
        Failure::Other(Error::command(message))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Http { message, .. }
            | Failure::NotFound(message)
            | Failure::Duplicate(message) => f.write_str(message),
            Failure::Other(err) => f.write_str(&err.message),
        }
    }
}

impl std::error::Error for Failure {}

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        Failure::Other(err)
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Self {
        let err = match failure {
            Failure::Other(err) => err,
            other => Error::command(other.to_string()),
        };
        if err.message.is_empty() && err.kind == cliff::ErrorKind::Command {
            // OSC logs an empty `CommandError` as an empty line; the framework prints no empty message.
            log::error!("");
        }
        err
    }
}

/// Result of a call to a service.
pub type Res<T> = Result<T, Failure>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_status() {
        let http = |status| Failure::Http {
            status,
            message: format!("HTTP {status}"),
        };
        assert!(http(404).is_not_found() && !http(404).is_conflict());
        assert!(http(400).is_bad_request());
        assert!(http(403).is_forbidden());
        assert!(http(409).is_conflict());
        assert!(Failure::NotFound("No Project found for x".into()).is_not_found());
        assert!(Failure::Duplicate("More".into()).is_duplicate());
        assert_eq!(Failure::command("boom").status(), None);
        let err: Error = http(409).into();
        assert_eq!(err.message, "HTTP 409");
        assert_eq!(err.kind, cliff::ErrorKind::Command);
    }
}
