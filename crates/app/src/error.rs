//! Errors of the use cases.

use crate::ports::StoreError;
use wabro_domain::{Code, Issue};

/// What can go wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing there for this caller (also what another enterprise's data looks like).
    #[error("not found")]
    NotFound,
    /// The caller may not do this.
    #[error("forbidden")]
    Forbidden,
    /// E-mail or password wrong (never says which).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed logins; retry after this many seconds.
    #[error("too many attempts")]
    RateLimited {
        /// Seconds until the next attempt is allowed.
        retry_after_secs: u64,
    },
    /// The input has issues.
    #[error("invalid input")]
    Invalid(Vec<Issue>),
    /// A state change that is not allowed now, with its code.
    #[error("conflict: {0}")]
    Conflict(Code),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Result of a use case.
pub type AppResult<T> = Result<T, AppError>;
