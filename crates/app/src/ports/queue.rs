//! The agents' queue and their decisions.

use super::RequestRecord;
use time::{Date, OffsetDateTime};
use wabro_domain::RequestKind;

/// A decision to store (with optimistic concurrency on `version`).
#[derive(Clone, Debug)]
pub struct DecisionRecord {
    /// Transaction number.
    pub transaction_number: String,
    /// The version read before deciding.
    pub expected_version: i64,
    /// `approved` or `rejected`.
    pub kind: String,
    /// The decision as JSON (`wabro_domain::Decision`).
    pub decision_json: String,
    /// Admitted period, when approved.
    pub admitted: Option<(Date, Date)>,
    /// `e_box` or `paper`.
    pub channel: String,
    /// When.
    pub at: OffsetDateTime,
}

/// What the agents' queue shows of a request.
#[derive(Clone, Debug)]
pub struct QueueRow {
    /// Transaction number.
    pub transaction_number: String,
    /// Filed at.
    pub created_at: OffsetDateTime,
    /// Enterprise name.
    pub enterprise: String,
    /// Kind.
    pub kind: RequestKind,
    /// Worker name.
    pub worker_name: String,
    /// Main country.
    pub country: String,
    /// Blocking findings.
    pub blocking: bool,
    /// Number of findings.
    pub findings: i64,
}

/// Filters of the agents' queue (requests in progress, oldest first).
#[derive(Clone, Debug, Default)]
pub struct QueueFilter {
    /// Kind.
    pub kind: Option<RequestKind>,
    /// Country code.
    pub country: Option<String>,
    /// Enterprise number (10 digits).
    pub enterprise_number: Option<String>,
    /// Filed on or before this moment (age).
    pub filed_before: Option<OffsetDateTime>,
    /// With or without blocking findings.
    pub blocking: Option<bool>,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return.
    pub limit: u32,
}

/// A page of the queue and its counts.
#[derive(Clone, Debug, Default)]
pub struct QueuePage {
    /// The rows.
    pub rows: Vec<QueueRow>,
    /// How many match.
    pub total: u64,
    /// How many of those have blocking findings.
    pub blocking: u64,
    /// How many match, by kind (posting, simultaneous occupation, seafarer).
    pub by_kind: [u64; 3],
}

/// A request as an agent sees it: with its enterprise.
#[derive(Clone, Debug)]
pub struct AgentRequest {
    /// The request.
    pub record: RequestRecord,
    /// Its enterprise (the employer on its documents; the e-Box says where they go).
    pub enterprise: super::EnterpriseRecord,
}
