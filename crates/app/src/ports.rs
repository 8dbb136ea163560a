//! The ports: what the use cases need from storage. Implemented by `wabro-store`; no SQL or
//! database types here. Every read of employer data takes a [`Scope`].

use crate::ctx::{Role, Scope, SearchScope};
use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use wabro_domain::input::RequestInput;
use wabro_domain::rules::{DimonaPeriod, PriorRequest};
use wabro_domain::{Country, RequestKind, Ssin};

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

/// An enterprise (employer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnterpriseRecord {
    /// Id.
    pub id: i64,
    /// KBO/BCE number (10 digits).
    pub enterprise_number: String,
    /// NSSO employer number.
    pub nsso_number: String,
    /// Name.
    pub name: String,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Whether the e-Box is active.
    pub ebox_active: bool,
}

/// A user account.
#[derive(Clone, Debug)]
pub struct UserRecord {
    /// Id.
    pub id: i64,
    /// Login e-mail (lower case).
    pub email: String,
    /// Display name.
    pub name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Enterprise, for employer roles.
    pub enterprise_id: Option<i64>,
    /// Disabled accounts cannot log in.
    pub disabled: bool,
}

/// A new user account.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Login e-mail (lower case).
    pub email: String,
    /// Display name.
    pub name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Enterprise, for employer roles.
    pub enterprise_id: Option<i64>,
}

/// A login session (the token itself is never stored, only its hash).
#[derive(Clone, Debug)]
pub struct SessionRecord {
    /// SHA-256 of the token, hex.
    pub token_hash: String,
    /// The user.
    pub user_id: i64,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last request.
    pub last_seen_at: OffsetDateTime,
}

/// A worker known from the national register.
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
    /// By part of the family name: a search key (see `wabro_domain::search_key`).
    Name(String),
}

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
}

/// What a submission did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// A new request with this transaction number.
    Created(String),
    /// The draft had been submitted already: the existing transaction number.
    AlreadySubmitted(String),
}

/// How results are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Transaction number (= filing order).
    Number,
    /// Kind.
    Kind,
    /// Worker SSIN.
    Ssin,
    /// Worker name.
    Worker,
    /// Country.
    Country,
    /// Status.
    Status,
    /// Admitted period (start).
    Admitted,
    /// Requested period (start).
    Requested,
}

impl SortKey {
    /// All keys, with their URL codes.
    pub const ALL: [(SortKey, &'static str); 8] = [
        (SortKey::Number, "number"),
        (SortKey::Kind, "kind"),
        (SortKey::Ssin, "ssin"),
        (SortKey::Worker, "worker"),
        (SortKey::Country, "country"),
        (SortKey::Status, "status"),
        (SortKey::Admitted, "admitted"),
        (SortKey::Requested, "requested"),
    ];

    /// The URL code.
    pub fn code(self) -> &'static str {
        SortKey::ALL.iter().find(|(k, _)| *k == self).map(|(_, c)| *c).unwrap_or("number")
    }

    /// Parses a URL code.
    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.iter().find(|(_, c)| *c == s).map(|(k, _)| *k)
    }
}

/// Validated search criteria, every one optional.
#[derive(Clone, Debug, Default)]
pub struct Criteria {
    /// Transaction number, exact.
    pub number: Option<String>,
    /// Kind.
    pub kind: Option<RequestKind>,
    /// Worker SSIN (11 digits).
    pub ssin: Option<String>,
    /// Part of the worker's name, as a search key.
    pub name_key: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Territory code.
    pub territory: Option<String>,
    /// Requested period starts on or after.
    pub requested_from: Option<Date>,
    /// Requested period ends on or before.
    pub requested_to: Option<Date>,
    /// Admitted period starts on or after.
    pub admitted_from: Option<Date>,
    /// Admitted period ends on or before.
    pub admitted_to: Option<Date>,
    /// Status code.
    pub status: Option<String>,
    /// Decision (`approved` or `rejected`).
    pub decision: Option<String>,
    /// Only requests that can still be cancelled on this day.
    pub cancellable_on: Option<Date>,
    /// Order.
    pub sort: Option<SortKey>,
    /// Descending order.
    pub descending: bool,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return.
    pub limit: u32,
}

/// A request as a search lists it.
#[derive(Clone, Debug)]
pub struct RequestRow {
    /// Transaction number.
    pub transaction_number: String,
    /// Kind.
    pub kind: RequestKind,
    /// Worker SSIN (digits).
    pub ssin: String,
    /// Worker name.
    pub worker_name: String,
    /// Main country.
    pub country: String,
    /// Territory code.
    pub territory: Option<String>,
    /// Status code.
    pub status: String,
    /// Decision code, once decided.
    pub decision: Option<String>,
    /// Requested start.
    pub start: Date,
    /// Requested end.
    pub end: Date,
    /// Admitted start.
    pub admitted_start: Option<Date>,
    /// Admitted end.
    pub admitted_end: Option<Date>,
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
    /// Its enterprise.
    pub enterprise_id: i64,
    /// Whether the enterprise's e-Box is active.
    pub ebox_active: bool,
    /// The enterprise's name.
    pub enterprise_name: String,
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
}

/// Accounts, enterprises and sessions.
#[async_trait]
pub trait Accounts: Send + Sync {
    /// Creates an enterprise; returns its id.
    async fn create_enterprise(&self, e: &EnterpriseRecord) -> StoreResult<i64>;
    /// An enterprise by id.
    async fn enterprise(&self, scope: Scope) -> StoreResult<Option<EnterpriseRecord>>;
    /// An enterprise by its KBO number.
    async fn enterprise_by_number(&self, number: &str) -> StoreResult<Option<EnterpriseRecord>>;
    /// Whether any enterprise exists (an empty database gets demo data).
    async fn is_empty(&self) -> StoreResult<bool>;
    /// Creates a user; returns its id.
    async fn create_user(&self, u: &NewUser, audit: &AuditEntry) -> StoreResult<i64>;
    /// A user by e-mail (lower case).
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>>;
    /// A user by id.
    async fn user(&self, id: i64) -> StoreResult<Option<UserRecord>>;
    /// The users of an enterprise.
    async fn users(&self, scope: Scope) -> StoreResult<Vec<UserRecord>>;
    /// Enables or disables a user of the enterprise; false when there is no such user.
    async fn set_user_disabled(
        &self,
        scope: Scope,
        user_id: i64,
        disabled: bool,
        audit: &AuditEntry,
    ) -> StoreResult<bool>;
    /// Stores a new session.
    async fn create_session(&self, s: &SessionRecord, audit: &AuditEntry) -> StoreResult<()>;
    /// A session by token hash.
    async fn session(&self, token_hash: &str) -> StoreResult<Option<SessionRecord>>;
    /// Records activity on a session.
    async fn touch_session(&self, token_hash: &str, at: OffsetDateTime) -> StoreResult<()>;
    /// Ends a session.
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
    /// Ends every session of a user (disabled accounts).
    async fn delete_user_sessions(&self, user_id: i64) -> StoreResult<()>;
    /// Checks that the database answers.
    async fn ping(&self) -> StoreResult<()>;
}

/// The personnel directory: workers with a Dimona relation to an enterprise.
#[async_trait]
pub trait Directory: Send + Sync {
    /// Imports Dimona rows in one transaction (all or nothing); returns the count.
    async fn import_dimona(&self, rows: &[DimonaRow]) -> StoreResult<usize>;
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
}

/// Drafts and requests.
#[async_trait]
pub trait Requests: Send + Sync {
    /// Creates a draft; returns nothing (the id is given).
    async fn create_draft(
        &self,
        scope: Scope,
        d: &DraftRecord,
        user_id: i64,
        audit: &AuditEntry,
    ) -> StoreResult<()>;
    /// A draft of the enterprise.
    async fn draft(&self, scope: Scope, id: &str) -> StoreResult<Option<DraftRecord>>;
    /// The enterprise's open (unsubmitted) drafts, newest first.
    async fn open_drafts(&self, scope: Scope, limit: u32) -> StoreResult<Vec<DraftRecord>>;
    /// Saves a draft's input; false when there is no such open draft.
    async fn save_draft(
        &self,
        scope: Scope,
        id: &str,
        input: &RequestInput,
        at: OffsetDateTime,
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
    /// Records a decision if the version is still the one read, with its audit record and the
    /// job that issues its document, in one transaction; false when the version changed.
    async fn record_decision(&self, d: &DecisionRecord, audit: &AuditEntry) -> StoreResult<bool>;
    /// Cancels a request if its version is still the one read; false when it changed.
    async fn cancel_request(&self, scope: Scope, c: &Cancellation, audit: &AuditEntry) -> StoreResult<bool>;
}

/// A pending job of the outbox.
#[derive(Clone, Debug)]
pub struct Job {
    /// Id.
    pub id: i64,
    /// Kind (`issue_document`).
    pub kind: String,
    /// The request it is about.
    pub transaction_number: String,
}

/// A document to store.
#[derive(Clone, Debug)]
pub struct NewDocument {
    /// Unique number.
    pub document_number: String,
    /// The request.
    pub transaction_number: String,
    /// The employer.
    pub enterprise_id: i64,
    /// `a1`, `certificate_of_coverage` or `rejection`.
    pub kind: String,
    /// `fr`, `nl` or `de`.
    pub language: String,
    /// `e_box` or `paper`.
    pub channel: String,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The signed token in its QR code.
    pub token: String,
    /// First day covered.
    pub valid_from: Date,
    /// Last day covered.
    pub valid_to: Date,
    /// Holder's name.
    pub holder_name: String,
    /// Holder's birth year.
    pub birth_year: i32,
    /// State whose legislation applies.
    pub state: String,
    /// Countries of work, comma-separated.
    pub countries: String,
    /// When.
    pub at: OffsetDateTime,
}

/// A document as lists and verification show it (never the PDF, never a personal number).
#[derive(Clone, Debug)]
pub struct DocumentRow {
    /// Unique number.
    pub document_number: String,
    /// The request.
    pub transaction_number: String,
    /// Kind code.
    pub kind: String,
    /// Language code.
    pub language: String,
    /// Channel code.
    pub channel: String,
    /// `valid` or `withdrawn`.
    pub status: String,
    /// First day covered.
    pub valid_from: Date,
    /// Last day covered.
    pub valid_to: Date,
    /// Holder's name.
    pub holder_name: String,
    /// Holder's birth year.
    pub birth_year: i32,
    /// State whose legislation applies.
    pub state: String,
    /// Countries of work.
    pub countries: String,
    /// Read by the employer.
    pub read: bool,
    /// Sent on paper.
    pub printed: bool,
    /// Issued at.
    pub created_at: OffsetDateTime,
    /// The employer's name.
    pub enterprise: String,
}

/// Documents and the jobs that issue them.
#[async_trait]
pub trait Documents: Send + Sync {
    /// The oldest pending job.
    async fn next_job(&self) -> StoreResult<Option<Job>>;
    /// Records a failed attempt.
    async fn job_failed(&self, id: i64, error: &str) -> StoreResult<()>;
    /// Stores a document and closes its job in one transaction.
    async fn store_document(&self, d: &NewDocument, job_id: i64, audit: &AuditEntry) -> StoreResult<()>;
    /// The enterprise's documents, newest first.
    async fn documents(&self, scope: Scope, limit: u32) -> StoreResult<Vec<DocumentRow>>;
    /// How many of the enterprise's documents are unread.
    async fn unread_documents(&self, scope: Scope) -> StoreResult<u64>;
    /// A document's PDF, for a user of its enterprise.
    async fn document_pdf(&self, scope: Scope, number: &str) -> StoreResult<Option<Vec<u8>>>;
    /// Marks a document read; false when there is no such document of the enterprise.
    async fn mark_read(&self, scope: Scope, number: &str, at: OffsetDateTime) -> StoreResult<bool>;
    /// A document by number, for public verification (no PDF, no personal number).
    async fn document_public(&self, number: &str) -> StoreResult<Option<DocumentRow>>;
    /// The documents of a request, for the request's detail.
    async fn request_documents(
        &self,
        scope: Scope,
        transaction_number: &str,
    ) -> StoreResult<Vec<DocumentRow>>;
    /// Paper documents not yet sent (NSSO).
    async fn print_queue(&self, scope: SearchScope) -> StoreResult<Vec<DocumentRow>>;
    /// A paper document of the queue, with its PDF (NSSO).
    async fn document_pdf_for_agent(&self, scope: SearchScope, number: &str) -> StoreResult<Option<Vec<u8>>>;
    /// Marks a paper document sent; false when there is none to send.
    async fn mark_printed(
        &self,
        scope: SearchScope,
        number: &str,
        at: OffsetDateTime,
        audit: &AuditEntry,
    ) -> StoreResult<bool>;
}

/// Everything the application needs from storage.
pub trait Store: Accounts + Directory + Requests + Documents {}
impl<T: Accounts + Directory + Requests + Documents> Store for T {}
