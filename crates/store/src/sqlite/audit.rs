//! The audit trail, chained by hashes, and the counters of failed logins.
//!
//! Each record's `hash` is the SHA-256 of the hash before it and the record's content, so a
//! record edited or deleted by hand breaks the chain from that point on. Every write goes
//! through the one writer connection inside `BEGIN IMMEDIATE`, so the chain has one order.

use super::SqliteStore;
use crate::codec::{date, db, parse_ts, ts};
use async_trait::async_trait;
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use time::OffsetDateTime;
use wabro_app::Origin;
use wabro_app::ports::{
    AuditEntry, AuditFilter, AuditRecord, AuditTrail, ChainCheck, LoginFailures, StoreError, StoreResult,
};

/// Rows in one multi-row insert.
const ROWS_PER_INSERT: usize = super::ROWS_PER_INSERT;

/// The stored content of a record, as the chain hashes it.
struct Content<'a> {
    at: &'a str,
    user_id: Option<i64>,
    enterprise_id: Option<i64>,
    entity: &'a str,
    entity_id: &'a str,
    action: &'a str,
    detail: &'a str,
    client: &'a str,
    request_id: &'a str,
}

/// The hash of a record that follows `previous`: fields are written as a JSON array, so no
/// two different records hash the same text.
fn chain_hash(previous: &str, c: &Content) -> String {
    let canonical = serde_json::json!([
        c.at,
        c.user_id,
        c.enterprise_id,
        c.entity,
        c.entity_id,
        c.action,
        c.detail,
        c.client,
        c.request_id
    ]);
    let mut hasher = Sha256::new();
    hasher.update(previous.as_bytes());
    hasher.update(b"\n");
    hasher.update(canonical.to_string().as_bytes());
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn content(r: &SqliteRow) -> Content<'_> {
    Content {
        at: r.get("at"),
        user_id: r.get("user_id"),
        enterprise_id: r.get("enterprise_id"),
        entity: r.get("entity"),
        entity_id: r.get("entity_id"),
        action: r.get("action"),
        detail: r.get("detail"),
        client: r.get("client"),
        request_id: r.get("request_id"),
    }
}

/// The hash of the newest record ("" for an empty trail).
async fn last_hash(conn: &mut sqlx::SqliteConnection) -> StoreResult<String> {
    let hash: Option<Option<String>> = sqlx::query_scalar("SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
    Ok(hash.flatten().unwrap_or_default())
}

/// Writes `entries` to the audit trail inside a transaction, chained to the newest record.
pub(super) async fn audit_all(conn: &mut sqlx::SqliteConnection, entries: &[&AuditEntry]) -> StoreResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut previous = last_hash(conn).await?;
    for chunk in entries.chunks(ROWS_PER_INSERT) {
        let rows: Vec<(String, String, String, String)> = chunk
            .iter()
            .map(|a| {
                let at = ts(a.at);
                let client = a.origin.client_text();
                let request_id = a.origin.request_id_text();
                let hash = chain_hash(
                    &previous,
                    &Content {
                        at: &at,
                        user_id: a.user_id,
                        enterprise_id: a.enterprise_id,
                        entity: &a.entity,
                        entity_id: &a.entity_id,
                        action: &a.action,
                        detail: &a.detail,
                        client: &client,
                        request_id: &request_id,
                    },
                );
                previous = hash.clone();
                (at, client, request_id, hash)
            })
            .collect();
        let mut insert = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
            "INSERT INTO audit (at, user_id, enterprise_id, entity, entity_id, action, detail, client, request_id, hash) ",
        );
        insert.push_values(chunk.iter().zip(&rows), |mut row, (a, (at, client, request_id, hash))| {
            row.push_bind(at)
                .push_bind(a.user_id)
                .push_bind(a.enterprise_id)
                .push_bind(&a.entity)
                .push_bind(&a.entity_id)
                .push_bind(&a.action)
                .push_bind(&a.detail)
                .push_bind(client)
                .push_bind(request_id)
                .push_bind(hash);
        });
        insert.build().execute(&mut *conn).await.map_err(db)?;
    }
    Ok(())
}

/// Seals the records written before the chain existed into it, in order: part of the
/// migration that adds the chain (`0012`), in its transaction, so it runs once.
pub(super) async fn seal(conn: &mut sqlx::SqliteConnection) -> StoreResult<usize> {
    let rows = sqlx::query("SELECT * FROM audit ORDER BY id").fetch_all(&mut *conn).await.map_err(db)?;
    let mut previous = String::new();
    for r in &rows {
        let hash = chain_hash(&previous, &content(r));
        sqlx::query("UPDATE audit SET hash = ? WHERE id = ?")
            .bind(&hash)
            .bind(r.get::<i64, _>("id"))
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        previous = hash;
    }
    Ok(rows.len())
}

fn record(r: &SqliteRow) -> StoreResult<AuditRecord> {
    let client: String = r.get("client");
    let request_id: String = r.get("request_id");
    Ok(AuditRecord {
        id: r.get("id"),
        entry: AuditEntry {
            at: parse_ts(r.get("at"))?,
            user_id: r.get("user_id"),
            enterprise_id: r.get("enterprise_id"),
            entity: r.get("entity"),
            entity_id: r.get("entity_id"),
            action: r.get("action"),
            detail: r.get("detail"),
            origin: Origin {
                client: client.parse().ok(),
                request_id: u64::from_str_radix(&request_id, 16).unwrap_or(0),
            },
        },
        user_email: r.get("user_email"),
        enterprise_number: r.get("enterprise_number"),
    })
}

#[async_trait]
impl AuditTrail for SqliteStore {
    async fn record(&self, entry: &AuditEntry) -> StoreResult<()> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        audit_all(&mut tx, &[entry]).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn search_audit(&self, f: &AuditFilter) -> StoreResult<Vec<AuditRecord>> {
        let mut q = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
            "SELECT a.*, u.email AS user_email, e.enterprise_number AS enterprise_number FROM audit a
             LEFT JOIN users u ON u.id = a.user_id LEFT JOIN enterprises e ON e.id = a.enterprise_id WHERE 1 = 1",
        );
        if let Some(person) = &f.person {
            let like = format!("%{}%", person.to_lowercase().replace(['%', '_', '\\'], ""));
            q.push(" AND (lower(u.email) LIKE ")
                .push_bind(like.clone())
                .push(" OR lower(u.name) LIKE ")
                .push_bind(like)
                .push(")");
        }
        if let Some(number) = &f.enterprise_number {
            q.push(" AND e.enterprise_number = ").push_bind(number.clone());
        }
        if let Some(reference) = &f.reference {
            q.push(" AND (a.entity_id = ").push_bind(reference.clone());
            q.push(" OR a.detail LIKE ")
                .push_bind(format!("%\"{}\"%", reference.replace(['%', '_', '"', '\\'], "")))
                .push(")");
        }
        if let Some(from) = f.from {
            q.push(" AND a.at >= ").push_bind(date(from));
        }
        if let Some(to) = f.to {
            q.push(" AND a.at < ").push_bind(date(to.next_day().unwrap_or(to)));
        }
        if let Some(before) = f.before_id {
            q.push(" AND a.id < ").push_bind(before);
        }
        q.push(" ORDER BY a.id DESC LIMIT ").push_bind(i64::from(f.limit));
        let rows = q.build().fetch_all(&self.reader).await.map_err(db)?;
        rows.iter().map(record).collect()
    }

    async fn verify_audit(&self) -> StoreResult<ChainCheck> {
        use futures_util::TryStreamExt;
        let mut rows = sqlx::query("SELECT * FROM audit ORDER BY id").fetch(&self.reader);
        let mut previous = String::new();
        let mut records = 0;
        while let Some(r) = rows.try_next().await.map_err(db)? {
            records += 1;
            let expected = chain_hash(&previous, &content(&r));
            let stored: Option<String> = r.get("hash");
            if stored.as_deref() != Some(expected.as_str()) {
                return Ok(ChainCheck { records, first_broken: Some(r.get("id")) });
            }
            previous = expected;
        }
        Ok(ChainCheck { records, first_broken: None })
    }

    async fn login_failures(&self, keys: &[String]) -> StoreResult<Vec<Option<LoginFailures>>> {
        let mut found = Vec::with_capacity(keys.len());
        for key in keys {
            let row = sqlx::query("SELECT failures, last_failure_at FROM login_failures WHERE key = ?")
                .bind(key)
                .fetch_optional(&self.reader)
                .await
                .map_err(db)?;
            found.push(
                row.map(|r| -> StoreResult<LoginFailures> {
                    Ok(LoginFailures {
                        failures: r.get::<i64, _>("failures").clamp(0, i64::from(u32::MAX)) as u32,
                        last: OffsetDateTime::from_unix_timestamp(r.get("last_failure_at"))
                            .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    })
                })
                .transpose()?,
            );
        }
        Ok(found)
    }

    async fn login_failed(
        &self,
        keys: &[String],
        at: OffsetDateTime,
        forget: OffsetDateTime,
        entry: &AuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        for key in keys {
            sqlx::query(
                "INSERT INTO login_failures (key, failures, last_failure_at) VALUES (?, 1, ?)
                 ON CONFLICT (key) DO UPDATE SET
                   failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END,
                   last_failure_at = excluded.last_failure_at",
            )
            .bind(key)
            .bind(at.unix_timestamp())
            .bind(forget.unix_timestamp())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        audit_all(&mut tx, &[entry]).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn clear_login_failures(&self, key: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_failures WHERE key = ?")
            .bind(key)
            .execute(&self.writer)
            .await
            .map_err(db)?;
        Ok(())
    }
}
