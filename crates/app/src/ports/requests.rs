//! Drafts, submitted requests, their history and cancellation.

use super::{
    AgentRequest, AuditEntry, Criteria, DecisionRecord, QueueFilter, QueuePage, RequestRow, StoreResult,
};
use crate::ctx::{Scope, SearchScope};
use async_trait::async_trait;
use time::{Date, OffsetDateTime};
use wabro_domain::RequestKind;
use wabro_domain::input::RequestInput;
use wabro_domain::rules::PriorRequest;

/// A draft request.
#[derive(Clone, Debug)]
pub struct DraftRecord {
    /// Random id (also what the URL shows).
    pub id: String,
    /// Kind.
    pub kind: RequestKind,
    /// What the user typed so far.
    pub input: RequestInput,
    /// The request it was submitted as, once submitted.
    pub submitted_request: Option<String>,
    /// The request it extends (simultaneous occupation).
    pub extends: Option<String>,
    /// Last change.
    pub updated_at: OffsetDateTime,
    /// Counts the saves: a page that shows version n saves over version n only.
    pub version: i64,
}

/// A request to store.
#[derive(Clone, Debug)]
pub struct NewRequest {
    /// The draft it comes from (the idempotency key of the submission).
    pub draft_id: String,
    /// The request it extends.
    pub extends: Option<String>,
    /// Kind.
    pub kind: RequestKind,
    /// Worker SSIN (digits).
    pub ssin: String,
    /// Worker name as shown in lists.
    pub worker_name: String,
    /// Search key of the worker's name.
    pub worker_key: String,
    /// Main country of work (destination, flag, or the first non-Belgian country).
    pub country: String,
    /// Territory code, if any.
    pub territory: Option<String>,
    /// Every country of work, comma-separated codes.
    pub countries: String,
    /// Requested start.
    pub start: Date,
    /// Requested end.
    pub end: Date,
    /// The typed request as JSON.
    pub request_json: String,
    /// The input as JSON (to copy into new drafts).
    pub input_json: String,
    /// The pre-assessment as JSON.
    pub assessment_json: String,
    /// The pre-assessment has a blocking finding.
    pub blocking: bool,
    /// Number of findings (0 with no manual review: a clean request).
    pub findings: i64,
    /// Who submits.
    pub user_id: i64,
    /// When.
    pub at: OffsetDateTime,
    /// The system's instant approval, stored in the submission's own transaction (its
    /// transaction number and version are the new request's): a crash never leaves a clean
    /// request saved without it.
    pub instant: Option<(super::DecisionRecord, AuditEntry)>,
}

/// What a submission did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// A new request with this transaction number.
    Created(String),
    /// The draft had been submitted already: the existing transaction number.
    AlreadySubmitted(String),
}

/// One line of a request's history.
#[derive(Clone, Debug)]
pub struct HistoryEntry {
    /// When.
    pub at: OffsetDateTime,
    /// Who (name), if a user.
    pub who: Option<String>,
    /// What (`submitted`, `cancelled`, ...).
    pub action: String,
    /// Details (JSON).
    pub detail: String,
}

/// A cancellation to store (with optimistic concurrency on `version`).
#[derive(Clone, Debug)]
pub struct Cancellation {
    /// Transaction number.
    pub transaction_number: String,
    /// The version read before deciding.
    pub expected_version: i64,
    /// The justification.
    pub reason: String,
    /// Who.
    pub user_id: i64,
    /// When.
    pub at: OffsetDateTime,
}

/// A stored request, as the employer sees it.
#[derive(Clone, Debug)]
pub struct RequestRecord {
    /// Id.
    pub id: i64,
    /// Transaction number.
    pub transaction_number: String,
    /// Kind.
    pub kind: RequestKind,
    /// Status code (`in_progress`, `cancelled`, `closed`).
    pub status: String,
    /// Worker SSIN (digits).
    pub ssin: String,
    /// Worker name.
    pub worker_name: String,
    /// Main country.
    pub country: String,
    /// Requested start.
    pub start: Date,
    /// Requested end.
    pub end: Date,
    /// The input as submitted.
    pub input: RequestInput,
    /// The typed request, JSON.
    pub request_json: String,
    /// The pre-assessment, JSON.
    pub assessment_json: String,
    /// Submitted at.
    pub created_at: OffsetDateTime,
    /// Territory code.
    pub territory: Option<String>,
    /// The decision (JSON of `wabro_domain::Decision`), once decided.
    pub decision_json: Option<String>,
    /// The cancellation justification, once cancelled.
    pub cancel_reason: Option<String>,
    /// Version for optimistic concurrency.
    pub version: i64,
    /// The request this one extends.
    pub extends: Option<String>,
    /// The request that extends this one.
    pub extended_by: Option<String>,
}

impl RequestRecord {
    /// The typed request.
    pub fn request(&self) -> StoreResult<wabro_domain::Request> {
        serde_json::from_str(&self.request_json).map_err(|e| super::StoreError::Corrupt(e.to_string()))
    }
}

/// Drafts and requests.
#[async_trait]
pub trait Requests: Send + Sync {
    /// Creates a draft (the id is given), after deleting the user's unsubmitted drafts not
    /// touched since `expire_before`. Returns false, and creates nothing, when the user still
    /// has `max_open` unsubmitted drafts.
    async fn create_draft(
        &self,
        scope: Scope,
        d: &DraftRecord,
        user_id: i64,
        audit: &AuditEntry,
        max_open: u32,
        expire_before: time::OffsetDateTime,
    ) -> StoreResult<bool>;
    /// A draft of the enterprise.
    async fn draft(&self, scope: Scope, id: &str) -> StoreResult<Option<DraftRecord>>;
    /// The enterprise's open (unsubmitted) drafts, newest first.
    async fn open_drafts(&self, scope: Scope, limit: u32) -> StoreResult<Vec<DraftRecord>>;
    /// Saves a draft's input over `version` (and counts a new version); false when there is
    /// no such open draft at that version (another save came first).
    async fn save_draft(
        &self,
        scope: Scope,
        id: &str,
        input: &RequestInput,
        at: OffsetDateTime,
        version: i64,
    ) -> StoreResult<bool>;
    /// Discards an open draft; false when there is none.
    async fn delete_draft(&self, scope: Scope, id: &str, audit: &AuditEntry) -> StoreResult<bool>;
    /// Stores a request from a draft in one transaction (request, audit, draft closed).
    /// Submitting the same draft twice returns the first transaction number.
    async fn submit(&self, scope: Scope, r: &NewRequest, audit: &AuditEntry) -> StoreResult<SubmitOutcome>;
    /// A request of the enterprise by transaction number.
    async fn request(&self, scope: Scope, transaction_number: &str) -> StoreResult<Option<RequestRecord>>;
    /// The enterprise's most recent requests.
    async fn recent_requests(&self, scope: Scope, limit: u32) -> StoreResult<Vec<RequestRecord>>;
    /// Earlier requests for a worker that still count (in progress or approved).
    async fn prior_requests(&self, scope: Scope, ssin: &str) -> StoreResult<Vec<PriorRequest>>;
    /// A page of requests matching the criteria, and how many match in all.
    async fn search_requests(&self, scope: SearchScope, c: &Criteria) -> StoreResult<(Vec<RequestRow>, u64)>;
    /// The history of a request of the enterprise, oldest first.
    async fn history(&self, scope: Scope, transaction_number: &str) -> StoreResult<Vec<HistoryEntry>>;
    /// The agents' queue.
    async fn queue(&self, scope: SearchScope, f: &QueueFilter) -> StoreResult<QueuePage>;
    /// A request of any enterprise, for an NSSO agent.
    async fn request_for_agent(
        &self,
        scope: SearchScope,
        transaction_number: &str,
    ) -> StoreResult<Option<AgentRequest>>;
    /// The requests with these transaction numbers and their enterprises, in one read: the
    /// document worker's batch (it acts for the NSSO, across enterprises). Numbers not found
    /// in the scope are left out.
    async fn requests_to_issue(
        &self,
        scope: SearchScope,
        transaction_numbers: &[String],
    ) -> StoreResult<Vec<AgentRequest>>;
    /// Records a decision if the version is still the one read, with its audit record and the
    /// job that issues its document, in one transaction; false when the version changed.
    async fn record_decision(&self, d: &DecisionRecord, audit: &AuditEntry) -> StoreResult<bool>;
    /// Cancels a request if its version is still the one read; false when it changed.
    async fn cancel_request(&self, scope: Scope, c: &Cancellation, audit: &AuditEntry) -> StoreResult<bool>;
}
