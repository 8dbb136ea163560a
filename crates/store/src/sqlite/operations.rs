//! Readiness and the document jobs as the operator sees them.

use super::SqliteStore;
use crate::codec::{db, parse_ts};
use async_trait::async_trait;
use sqlx::Row;
use wabro_app::ports::{FailedJob, JobStats, Operations, StoreResult};

#[async_trait]
impl Operations for SqliteStore {
    async fn probe_write(&self) -> StoreResult<()> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        // A write that changes nothing: a read-only file refuses it.
        sqlx::query("UPDATE schema_migrations SET name = name WHERE version = 1")
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.rollback().await.map_err(db)?;
        Ok(())
    }

    async fn job_stats(&self) -> StoreResult<JobStats> {
        let r = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM jobs WHERE status = 'pending') AS pending,
                    (SELECT COUNT(*) FROM jobs WHERE status = 'failed') AS failed,
                    (SELECT MIN(created_at) FROM jobs WHERE status = 'pending') AS oldest",
        )
        .fetch_one(&self.reader)
        .await
        .map_err(db)?;
        Ok(JobStats {
            pending: r.get::<i64, _>("pending") as u64,
            failed: r.get::<i64, _>("failed") as u64,
            oldest_pending: r.get::<Option<&str>, _>("oldest").map(parse_ts).transpose()?,
        })
    }

    async fn failed_jobs(&self) -> StoreResult<Vec<FailedJob>> {
        let rows = sqlx::query(
            "SELECT id, transaction_number, attempts, COALESCE(last_error, '') AS last_error FROM jobs
             WHERE status = 'failed' ORDER BY id",
        )
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        Ok(rows
            .iter()
            .map(|r| FailedJob {
                id: r.get("id"),
                transaction_number: r.get("transaction_number"),
                attempts: r.get::<i64, _>("attempts").clamp(0, i64::from(u32::MAX)) as u32,
                last_error: r.get("last_error"),
            })
            .collect())
    }

    async fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.reader)
            .await
            .map_err(db)
    }

    async fn set_setting(&self, key: &str, value: &str) -> StoreResult<()> {
        sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(key)
            .bind(value)
            .execute(&self.writer)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn retry_failed_jobs(&self) -> StoreResult<u64> {
        let r = sqlx::query(
            "UPDATE jobs SET status = 'pending', attempts = 0, claimed_until = NULL WHERE status = 'failed'",
        )
        .execute(&self.writer)
        .await
        .map_err(db)?;
        Ok(r.rows_affected())
    }
}
