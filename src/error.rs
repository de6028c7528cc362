//! The library's typed error. Every fallible library function returns [`Result`];
//! messages name the file and line where there is one and say what to do.

use std::path::PathBuf;

/// Library result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error (shown in the message, so deliberately not a `source`:
        /// error chains would print it twice).
        error: std::io::Error,
    },
    /// A file is not valid UTF-8 text (or looks binary).
    #[error("{path}: not UTF-8 text ({detail}); convert it to UTF-8 first")]
    NotText {
        /// The file.
        path: PathBuf,
        /// What was wrong, e.g. the byte offset of the first bad byte.
        detail: String,
    },
    /// A data file (glossary, dictionary, gold alignment, manifest…) is malformed.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The file (or `<builtin>`, `<stdin>`).
        path: PathBuf,
        /// 1-based line number (0 when unknown).
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// An argument or option value is not usable.
    #[error("{0}")]
    Invalid(String),
    /// A network service failed after retries, or could not be reached.
    #[error("{service}: {message}")]
    Network {
        /// The service (provider and URL, never a key).
        service: String,
        /// What happened and what to do.
        message: String,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), error: source }
    }
    /// A parse error at `path:line`.
    pub fn parse(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Error::Parse { path: path.into(), line, message: message.into() }
    }
}
