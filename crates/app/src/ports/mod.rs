//! The ports: what the use cases need from storage. Implemented by `wabro-store`; no SQL or
//! database types here. Every read of employer data takes a [`Scope`](crate::ctx::Scope).

mod accounts;
mod audit;
mod directory;
mod documents;
mod health;
mod queue;
mod requests;
mod search;

pub use accounts::*;
pub use audit::*;
pub use directory::*;
pub use documents::*;
pub use health::*;
pub use queue::*;
pub use requests::*;
pub use search::*;

use time::OffsetDateTime;

/// Storage failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken (e.g. an e-mail address already in use).
    #[error("duplicate: {0}")]
    Duplicate(String),
    /// Stored data could not be read back.
    #[error("corrupt data: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error("database: {0}")]
    Database(String),
}

/// Result of a storage call.
pub type StoreResult<T> = Result<T, StoreError>;

/// An audit record of a state change.
#[derive(Clone, Debug)]
pub struct AuditEntry {
    /// When.
    pub at: OffsetDateTime,
    /// Who (user id), if a user.
    pub user_id: Option<i64>,
    /// Enterprise concerned, if any.
    pub enterprise_id: Option<i64>,
    /// Entity type (`request`, `draft`, `user`, `session`).
    pub entity: String,
    /// Entity id.
    pub entity_id: String,
    /// Action (`submitted`, `created`, `login`, ...).
    pub action: String,
    /// Details (JSON), never a personal number.
    pub detail: String,
    /// The client's address and the request's id.
    pub origin: crate::ctx::Origin,
}

/// Everything the application needs from storage.
pub trait Store: Accounts + AuditTrail + Directory + Requests + Documents + Operations {}
impl<T: Accounts + AuditTrail + Directory + Requests + Documents + Operations> Store for T {}
