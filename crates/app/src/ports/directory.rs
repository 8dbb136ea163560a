//! The personnel directory and the Dimona declarations behind it.

use super::{AuditEntry, StoreResult};
use crate::ctx::Scope;
use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use time::Date;
use wabro_domain::rules::DimonaPeriod;
use wabro_domain::{Country, Ssin};

/// A worker as the enterprise declared them (each enterprise keeps its own record).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerRecord {
    /// SSIN.
    pub ssin: Ssin,
    /// Family name.
    pub family_name: String,
    /// Given name(s).
    pub given_name: String,
    /// Nationality.
    pub nationality: Country,
    /// Birth date, when known.
    pub birth_date: Option<Date>,
    /// Street of the home address.
    pub street: String,
    /// House number.
    pub number: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Country of residence.
    pub country: Country,
}

/// One Dimona declaration row to import.
#[derive(Clone, Debug)]
pub struct DimonaRow {
    /// The employer (enterprise id).
    pub enterprise_id: i64,
    /// The worker.
    pub worker: WorkerRecord,
    /// The period.
    pub period: DimonaPeriod,
}

/// A directory search.
#[derive(Clone, Debug)]
pub enum DirectoryQuery {
    /// By SSIN (digits).
    Ssin(String),
    /// By part of the family or given name: a search key (see `wabro_domain::search_key`).
    Name(String),
}

/// The personnel directory: workers with a Dimona relation to an enterprise.
#[async_trait]
pub trait Directory: Send + Sync {
    /// Imports a batch of Dimona rows in one short transaction, with an audit record when
    /// given; returns the count. Each row sets the declaring enterprise's own record of the
    /// worker: another enterprise's record of the same SSIN is never touched. Importing the same
    /// rows again changes nothing.
    async fn import_dimona(&self, rows: &[DimonaRow], audit: Option<&AuditEntry>) -> StoreResult<usize>;
    /// Searches the enterprise's workers; at most `limit` results, by name.
    async fn search_workers(
        &self,
        scope: Scope,
        q: &DirectoryQuery,
        limit: u32,
    ) -> StoreResult<Vec<WorkerRecord>>;
    /// A worker of the enterprise (one with a Dimona relation to it).
    async fn worker(&self, scope: Scope, ssin: &str) -> StoreResult<Option<WorkerRecord>>;
    /// The worker's Dimona periods with the enterprise.
    async fn dimona(&self, scope: Scope, ssin: &str) -> StoreResult<Vec<DimonaPeriod>>;
    /// The Dimona periods with the enterprise of each of these workers, in one query (by SSIN;
    /// a worker without any is absent).
    async fn dimona_of(
        &self,
        scope: Scope,
        ssins: &[String],
    ) -> StoreResult<std::collections::HashMap<String, Vec<DimonaPeriod>>>;
}
