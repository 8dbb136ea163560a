//! Bulk loading for benchmarks: many requests in few transactions, multi-row inserts.

use super::SqliteStore;
use crate::codec::{date, db, ts};
use time::{Date, OffsetDateTime};
use wabro_app::ports::StoreResult;

/// One request row to load as it is (benchmark data).
#[derive(Clone, Debug)]
pub struct BulkRequest {
    /// Enterprise.
    pub enterprise_id: i64,
    /// Creating user.
    pub user_id: i64,
    /// Kind code.
    pub kind: &'static str,
    /// Status code.
    pub status: &'static str,
    /// `approved`, `rejected` or none.
    pub decision_kind: Option<&'static str>,
    /// Decision JSON.
    pub decision_json: Option<String>,
    /// SSIN digits.
    pub ssin: String,
    /// Worker name.
    pub worker_name: String,
    /// Its search key.
    pub worker_key: String,
    /// Country code.
    pub country: &'static str,
    /// Territory code.
    pub territory: Option<&'static str>,
    /// Requested period.
    pub start: Date,
    /// Requested period.
    pub end: Date,
    /// Admitted period.
    pub admitted: Option<(Date, Date)>,
    /// Typed request JSON.
    pub request_json: String,
    /// Input JSON.
    pub input_json: String,
    /// Assessment JSON.
    pub assessment_json: String,
    /// Filed at.
    pub at: OffsetDateTime,
}

const COLUMNS: usize = 20;
const ROWS_PER_STATEMENT: usize = 200;

impl SqliteStore {
    /// Inserts requests in one transaction, numbering them after the existing ones.
    pub async fn bulk_insert_requests(&self, rows: &[BulkRequest]) -> StoreResult<()> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let next: i64 = sqlx::Row::get(
            &sqlx::query("SELECT COALESCE(MAX(id), 0) + 1 FROM requests")
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?,
            0,
        );
        for (chunk_no, chunk) in rows.chunks(ROWS_PER_STATEMENT).enumerate() {
            let one = format!("({})", vec!["?"; COLUMNS].join(", "));
            let sql = format!(
                "INSERT INTO requests (id, transaction_number, enterprise_id, draft_id, kind, status, decision_kind, decision,
                   ssin, worker_name, worker_key, country, territory, start_date, end_date, admitted_start, admitted_end,
                   created_by, created_at, updated_at) VALUES {}",
                vec![one; chunk.len()].join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (i, r) in chunk.iter().enumerate() {
                let id = next + (chunk_no * ROWS_PER_STATEMENT + i) as i64;
                q = q
                    .bind(id)
                    .bind(format!("WAB-{}-{id:07}", r.at.year()))
                    .bind(r.enterprise_id)
                    .bind(format!("bench-{id}"))
                    .bind(r.kind)
                    .bind(r.status)
                    .bind(r.decision_kind)
                    .bind(r.decision_json.as_deref())
                    .bind(r.ssin.as_str())
                    .bind(r.worker_name.as_str())
                    .bind(r.worker_key.as_str())
                    .bind(r.country)
                    .bind(r.territory)
                    .bind(date(r.start))
                    .bind(date(r.end))
                    .bind(r.admitted.map(|a| date(a.0)))
                    .bind(r.admitted.map(|a| date(a.1)))
                    .bind(r.user_id)
                    .bind(ts(r.at))
                    .bind(ts(r.at));
            }
            q.execute(&mut *tx).await.map_err(db)?;
            let sql = format!(
                "INSERT INTO request_bodies (request_id, request_json, input_json, assessment_json) VALUES {}",
                vec!["(?, ?, ?, ?)"; chunk.len()].join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (i, r) in chunk.iter().enumerate() {
                let id = next + (chunk_no * ROWS_PER_STATEMENT + i) as i64;
                q = q
                    .bind(id)
                    .bind(r.request_json.as_str())
                    .bind(r.input_json.as_str())
                    .bind(r.assessment_json.as_str());
            }
            q.execute(&mut *tx).await.map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(())
    }
}

impl SqliteStore {
    /// `count` pending document jobs (for the certificate benchmark); returns their ids.
    pub async fn bulk_insert_jobs(&self, count: usize, at: OffsetDateTime) -> StoreResult<Vec<i64>> {
        let mut tx = self.writer.begin().await.map_err(db)?;
        let mut ids = Vec::with_capacity(count);
        for i in 0..count {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO jobs (kind, transaction_number, created_at) VALUES ('issue_document', ?, ?) RETURNING id",
            )
            .bind(format!("WAB-BENCH-{i}"))
            .bind(ts(at))
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            ids.push(id);
        }
        tx.commit().await.map_err(db)?;
        Ok(ids)
    }

    /// The enterprise with the most requests: (enterprise id, one of its users, request count).
    pub async fn largest_enterprise(&self) -> StoreResult<(i64, i64, i64)> {
        let row = sqlx::query(
            "SELECT r.enterprise_id, COUNT(*) AS n,
               (SELECT MIN(u.id) FROM users u WHERE u.enterprise_id = r.enterprise_id) AS uid
             FROM requests r GROUP BY r.enterprise_id ORDER BY n DESC LIMIT 1",
        )
        .fetch_optional(&self.reader)
        .await
        .map_err(db)?;
        Ok(row
            .map(|r| (sqlx::Row::get(&r, 0), sqlx::Row::get(&r, 2), sqlx::Row::get(&r, 1)))
            .unwrap_or((0, 0, 0)))
    }

    /// Transaction numbers and SSINs of requests of an enterprise, spread over its history.
    pub async fn sample_requests(
        &self,
        scope: wabro_app::Scope,
        n: u32,
    ) -> StoreResult<Vec<(String, String)>> {
        let rows = sqlx::query(
            "SELECT transaction_number, ssin FROM requests WHERE enterprise_id = ? AND id % 97 = 0 LIMIT ?",
        )
        .bind(scope.enterprise_id())
        .bind(i64::from(n))
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        Ok(rows.iter().map(|r| (sqlx::Row::get(r, 0), sqlx::Row::get(r, 1))).collect())
    }
}
