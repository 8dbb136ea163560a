//! Documents and the job outbox.

use super::{SqliteStore, audit, audit_all};
use crate::codec::{date, db, parse_date, parse_ts, ts};
use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use time::OffsetDateTime;
use wabro_app::ports::{AuditEntry, DocumentRow, Documents, IssuedDocument, Job, StoreError, StoreResult};
use wabro_app::{Scope, SearchScope};

const COLUMNS: &str = "d.document_number, d.transaction_number, d.kind, d.language, d.channel, d.status, d.valid_from, \
    d.valid_to, d.holder_name, d.birth_year, d.birth_date, d.state, d.countries, d.read_at, d.printed_at, d.created_at, \
    (SELECT name FROM enterprises e WHERE e.id = d.enterprise_id) AS enterprise";

fn row(r: &SqliteRow) -> StoreResult<DocumentRow> {
    Ok(DocumentRow {
        document_number: r.get("document_number"),
        transaction_number: r.get("transaction_number"),
        kind: r.get("kind"),
        language: r.get("language"),
        channel: r.get("channel"),
        status: r.get("status"),
        valid_from: parse_date(r.get("valid_from"))?,
        valid_to: parse_date(r.get("valid_to"))?,
        holder_name: r.get("holder_name"),
        birth_year: r.get::<i64, _>("birth_year") as i32,
        birth_date: r.get::<Option<&str>, _>("birth_date").map(parse_date).transpose()?,
        state: r.get("state"),
        countries: r.get("countries"),
        read: r.get::<Option<String>, _>("read_at").is_some(),
        printed: r.get::<Option<String>, _>("printed_at").is_some(),
        created_at: parse_ts(r.get("created_at"))?,
        enterprise: r.get("enterprise"),
    })
}

#[async_trait]
impl Documents for SqliteStore {
    async fn claim_jobs(
        &self,
        limit: u32,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<Vec<Job>> {
        let rows = sqlx::query(
            "UPDATE jobs SET claimed_until = ? WHERE id IN (
               SELECT id FROM jobs WHERE status = 'pending' AND attempts < 5
                 AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY id LIMIT ?)
             RETURNING id, kind, transaction_number",
        )
        .bind(until.unix_timestamp())
        .bind(now.unix_timestamp())
        .bind(i64::from(limit))
        .fetch_all(&self.writer)
        .await
        .map_err(db)?;
        let mut jobs: Vec<Job> = rows
            .iter()
            .map(|r| Job {
                id: r.get("id"),
                kind: r.get("kind"),
                transaction_number: r.get("transaction_number"),
            })
            .collect();
        jobs.sort_by_key(|j| j.id);
        Ok(jobs)
    }

    async fn job_failed(&self, id: i64, error: &str) -> StoreResult<()> {
        sqlx::query(
            "UPDATE jobs SET attempts = attempts + 1, last_error = ?,
               status = CASE WHEN attempts + 1 >= 5 THEN 'failed' ELSE status END WHERE id = ?",
        )
        .bind(error)
        .bind(id)
        .execute(&self.writer)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn store_documents(&self, batch: &[IssuedDocument]) -> StoreResult<Vec<i64>> {
        let Some(at) = batch.iter().map(|d| d.document.at).max() else {
            return Ok(Vec::new());
        };
        // Three statements for the whole batch (the jobs are closed at the batch's time). Only
        // jobs still pending are closed, and only their documents stored: a job another worker
        // took over ends with one document.
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let ids = serde_json::to_string(&batch.iter().map(|d| d.job_id).collect::<Vec<_>>())
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let closed: std::collections::HashSet<i64> = sqlx::query_scalar(
            "UPDATE jobs SET status = 'done', done_at = ?
             WHERE status = 'pending' AND id IN (SELECT value FROM json_each(?)) RETURNING id",
        )
        .bind(ts(at))
        .bind(ids)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?
        .into_iter()
        .collect();
        let kept: Vec<&IssuedDocument> = batch.iter().filter(|d| closed.contains(&d.job_id)).collect();
        for chunk in kept.chunks(super::ROWS_PER_INSERT) {
            let mut insert = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                "INSERT INTO documents (document_number, transaction_number, enterprise_id, kind, language, channel,
                   token, valid_from, valid_to, holder_name, birth_year, birth_date, state, countries, created_at) ",
            );
            insert.push_values(chunk, |mut row, IssuedDocument { document: d, .. }| {
                row.push_bind(&d.document_number)
                    .push_bind(&d.transaction_number)
                    .push_bind(d.enterprise_id)
                    .push_bind(&d.kind)
                    .push_bind(&d.language)
                    .push_bind(&d.channel)
                    .push_bind(&d.token)
                    .push_bind(date(d.valid_from))
                    .push_bind(date(d.valid_to))
                    .push_bind(&d.holder_name)
                    .push_bind(d.birth_year)
                    .push_bind(d.birth_date.map(date))
                    .push_bind(&d.state)
                    .push_bind(&d.countries)
                    .push_bind(ts(d.at));
            });
            insert.push(" ON CONFLICT (document_number) DO NOTHING");
            insert.build().execute(&mut *tx).await.map_err(db)?;
            // The PDFs in their own table, by the id their document got (a number already
            // taken keeps its file).
            let mut files = sqlx::QueryBuilder::<sqlx::Sqlite>::new("WITH f (number, pdf) AS (");
            files.push_values(chunk, |mut row, IssuedDocument { document: d, .. }| {
                row.push_bind(&d.document_number).push_bind(&d.pdf);
            });
            files.push(
                ") INSERT INTO document_files (document_id, pdf)
                 SELECT d.id, f.pdf FROM f JOIN documents d ON d.document_number = f.number WHERE true
                 ON CONFLICT (document_id) DO NOTHING",
            );
            files.build().execute(&mut *tx).await.map_err(db)?;
        }
        // The document matches the request as it is now, in this transaction: a certificate
        // whose request was cancelled (or is no longer approved) while it was rendered is
        // stored withdrawn, never valid. A cancel that comes after this transaction withdraws it
        // in its own.
        if !kept.is_empty() {
            let numbers =
                serde_json::to_string(&kept.iter().map(|d| &d.document.document_number).collect::<Vec<_>>())
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            sqlx::query(
                "UPDATE documents SET status = 'withdrawn', withdrawn_at = ?
                 WHERE document_number IN (SELECT value FROM json_each(?)) AND kind != 'rejection' AND status = 'valid'
                   AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.transaction_number = documents.transaction_number
                                   AND r.status = 'closed' AND r.decision_kind = 'approved')",
            )
            .bind(ts(at))
            .bind(numbers)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        let audits: Vec<&AuditEntry> = kept.iter().map(|d| &d.audit).collect();
        audit_all(&mut tx, &audits).await?;
        tx.commit().await.map_err(db)?;
        Ok(kept.iter().map(|d| d.job_id).collect())
    }

    async fn documents(&self, scope: Scope, limit: u32) -> StoreResult<Vec<DocumentRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM documents d WHERE d.enterprise_id = ? AND d.channel = 'e_box' ORDER BY d.id DESC LIMIT ?"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(scope.enterprise_id())
            .bind(i64::from(limit))
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        rows.iter().map(row).collect()
    }

    async fn unread_documents(&self, scope: Scope) -> StoreResult<u64> {
        let n: i64 = sqlx::query(
            "SELECT COUNT(*) FROM documents WHERE enterprise_id = ? AND channel = 'e_box' AND read_at IS NULL",
        )
        .bind(scope.enterprise_id())
        .fetch_one(&self.reader)
        .await
        .map_err(db)?
        .get(0);
        Ok(n as u64)
    }

    async fn document_pdf(&self, scope: Scope, number: &str) -> StoreResult<Option<Vec<u8>>> {
        let r = sqlx::query(
            "SELECT f.pdf FROM documents d JOIN document_files f ON f.document_id = d.id
             WHERE d.enterprise_id = ? AND d.document_number = ?",
        )
        .bind(scope.enterprise_id())
        .bind(number)
        .fetch_optional(&self.reader)
        .await
        .map_err(db)?;
        Ok(r.map(|r| r.get("pdf")))
    }

    async fn mark_read(&self, scope: Scope, number: &str, at: OffsetDateTime) -> StoreResult<bool> {
        let r = sqlx::query(
            "UPDATE documents SET read_at = COALESCE(read_at, ?) WHERE enterprise_id = ? AND document_number = ?",
        )
        .bind(ts(at))
        .bind(scope.enterprise_id())
        .bind(number)
        .execute(&self.writer)
        .await
        .map_err(db)?;
        Ok(r.rows_affected() == 1)
    }

    async fn document_public(&self, number: &str) -> StoreResult<Option<DocumentRow>> {
        let sql = format!("SELECT {COLUMNS} FROM documents d WHERE d.document_number = ?");
        let r = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(number)
            .fetch_optional(&self.reader)
            .await
            .map_err(db)?;
        r.as_ref().map(row).transpose()
    }

    async fn request_documents(&self, scope: Scope, tx: &str) -> StoreResult<Vec<DocumentRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM documents d WHERE d.enterprise_id = ? AND d.transaction_number = ? ORDER BY d.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(scope.enterprise_id())
            .bind(tx)
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        rows.iter().map(row).collect()
    }

    async fn print_queue(&self, scope: SearchScope) -> StoreResult<Vec<DocumentRow>> {
        if scope != SearchScope::Nsso {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM documents d WHERE d.channel = 'paper' AND d.printed_at IS NULL ORDER BY d.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&self.reader).await.map_err(db)?;
        rows.iter().map(row).collect()
    }

    async fn document_pdf_for_agent(&self, scope: SearchScope, number: &str) -> StoreResult<Option<Vec<u8>>> {
        if scope != SearchScope::Nsso {
            return Ok(None);
        }
        let r = sqlx::query(
            "SELECT f.pdf FROM documents d JOIN document_files f ON f.document_id = d.id WHERE d.document_number = ?",
        )
            .bind(number)
            .fetch_optional(&self.reader)
            .await
            .map_err(db)?;
        Ok(r.map(|r| r.get("pdf")))
    }

    async fn mark_printed(
        &self,
        scope: SearchScope,
        number: &str,
        at: OffsetDateTime,
        a: &AuditEntry,
    ) -> StoreResult<bool> {
        if scope != SearchScope::Nsso {
            return Ok(false);
        }
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let n = sqlx::query(
            "UPDATE documents SET printed_at = ? WHERE document_number = ? AND channel = 'paper' AND printed_at IS NULL",
        )
        .bind(ts(at))
        .bind(number)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n == 0 {
            return Ok(false);
        }
        audit(&mut tx, a).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }
}
