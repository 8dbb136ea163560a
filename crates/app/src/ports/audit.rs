//! The audit trail: every sensitive action, chained by hashes so that an edit shows.

use super::{AuditEntry, StoreResult};
use async_trait::async_trait;
use time::{Date, OffsetDateTime};

/// A stored audit record, as the administrator's search shows it.
#[derive(Clone, Debug)]
pub struct AuditRecord {
    /// Id (the order of the chain).
    pub id: i64,
    /// What was recorded.
    pub entry: AuditEntry,
    /// The acting user's e-mail, when a user acted.
    pub user_email: Option<String>,
    /// The enterprise's number, when one is concerned.
    pub enterprise_number: Option<String>,
}

/// What the administrator searches the audit trail for. Every filter is optional.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// Part of the acting user's e-mail or name.
    pub person: Option<String>,
    /// The enterprise number (10 digits).
    pub enterprise_number: Option<String>,
    /// A request's transaction number or a document's number.
    pub reference: Option<String>,
    /// On or after this day.
    pub from: Option<Date>,
    /// On or before this day.
    pub to: Option<Date>,
    /// At most this many records, newest first.
    pub limit: u32,
    /// Records older than this id (the next page).
    pub before_id: Option<i64>,
}

/// What checking the chain found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainCheck {
    /// Records read.
    pub records: u64,
    /// The first record whose hash does not follow from the one before it and its content.
    pub first_broken: Option<i64>,
}

/// Failed logins of one key (an account from an address, or an address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoginFailures {
    /// How many since the key was last cleared or forgotten.
    pub failures: u32,
    /// When the last one happened.
    pub last: OffsetDateTime,
}

/// The audit trail and the counters of failed logins.
#[async_trait]
pub trait AuditTrail: Send + Sync {
    /// Records one entry on its own (an action that changes nothing else: a failed login, a
    /// download, a refused access).
    async fn record(&self, entry: &AuditEntry) -> StoreResult<()>;
    /// Searches the trail, newest first.
    async fn search_audit(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditRecord>>;
    /// Recomputes the chain from the first record.
    async fn verify_audit(&self) -> StoreResult<ChainCheck>;
    /// The failed logins of these keys (absent keys have none).
    async fn login_failures(&self, keys: &[String]) -> StoreResult<Vec<Option<LoginFailures>>>;
    /// Counts a failed login for each key (a count whose last failure is older than `forget`
    /// starts again) and records its audit entry, in one transaction.
    async fn login_failed(
        &self,
        keys: &[String],
        at: OffsetDateTime,
        forget: OffsetDateTime,
        entry: &AuditEntry,
    ) -> StoreResult<()>;
    /// Forgets a key's failed logins (after a successful login).
    async fn clear_login_failures(&self, key: &str) -> StoreResult<()>;
}
