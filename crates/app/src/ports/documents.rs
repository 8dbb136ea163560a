//! Issued documents (certificates, rejections) and the jobs that issue them.

use super::{AuditEntry, StoreResult};
use crate::ctx::{Scope, SearchScope};
use async_trait::async_trait;
use time::{Date, OffsetDateTime};

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
    /// Holder's full date of birth as the document prints it, when the SSIN gives one.
    pub birth_date: Option<Date>,
    /// State whose legislation applies.
    pub state: String,
    /// Countries of work, comma-separated.
    pub countries: String,
    /// When.
    pub at: OffsetDateTime,
}

/// A rendered document with the job it closes and its audit record, ready to store.
#[derive(Clone, Debug)]
pub struct IssuedDocument {
    /// The document.
    pub document: NewDocument,
    /// The job it closes.
    pub job_id: i64,
    /// Its audit record.
    pub audit: AuditEntry,
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
    /// Holder's full date of birth (the second fact of a lookup by number), when known.
    pub birth_date: Option<Date>,
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
    /// Claims the oldest pending jobs not claimed by another worker (or whose claim has lapsed),
    /// at most `limit`, until `until`.
    async fn claim_jobs(
        &self,
        limit: u32,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<Vec<Job>>;
    /// Records a failed attempt; the job is retried once its claim lapses.
    async fn job_failed(&self, id: i64, error: &str) -> StoreResult<()>;
    /// Closes the jobs and stores their documents and audit records, in one transaction: a
    /// batch costs one disk sync. A job another worker has closed already is skipped, so each
    /// document is stored once. Returns the jobs whose documents were stored.
    async fn store_documents(&self, batch: &[IssuedDocument]) -> StoreResult<Vec<i64>>;
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
