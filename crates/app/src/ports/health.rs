//! What readiness and the operator's job commands read: can the database be written, and how
//! the document jobs stand.

use super::StoreResult;
use async_trait::async_trait;
use time::OffsetDateTime;

/// How the document jobs stand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobStats {
    /// Waiting to be issued.
    pub pending: u64,
    /// Given up after five attempts.
    pub failed: u64,
    /// When the oldest waiting job was made.
    pub oldest_pending: Option<OffsetDateTime>,
}

/// A job that failed for good, for the operator.
#[derive(Clone, Debug)]
pub struct FailedJob {
    /// Id.
    pub id: i64,
    /// The request.
    pub transaction_number: String,
    /// Attempts made.
    pub attempts: u32,
    /// The last error.
    pub last_error: String,
}

/// Readiness and job administration.
#[async_trait]
pub trait Operations: Send + Sync {
    /// Takes the write lock and lets it go: fails when the database cannot be written
    /// (read-only files, a stuck writer).
    async fn probe_write(&self) -> StoreResult<()>;
    /// How the document jobs stand.
    async fn job_stats(&self) -> StoreResult<JobStats>;
    /// The jobs given up, oldest first.
    async fn failed_jobs(&self) -> StoreResult<Vec<FailedJob>>;
    /// Puts every failed job back in the queue with its attempts reset; returns how many.
    async fn retry_failed_jobs(&self) -> StoreResult<u64>;
    /// A setting the deployment's processes share (`public_url`).
    async fn setting(&self, key: &str) -> StoreResult<Option<String>>;
    /// Records a shared setting.
    async fn set_setting(&self, key: &str, value: &str) -> StoreResult<()>;
}
