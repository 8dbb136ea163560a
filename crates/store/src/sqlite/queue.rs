//! The agents' queue: requests in progress across enterprises, oldest first.

use super::SqliteStore;
use crate::codec::{db, parse_ts, ts};
use sqlx::Row;
use wabro_app::SearchScope;
use wabro_app::ports::{QueueFilter, QueuePage, QueueRow, StoreError, StoreResult};
use wabro_domain::RequestKind;

impl SqliteStore {
    pub(super) async fn agent_queue(&self, scope: SearchScope, f: &QueueFilter) -> StoreResult<QueuePage> {
        if scope != SearchScope::Nsso {
            return Ok(QueuePage::default());
        }
        let mut wh = vec!["r.status = 'in_progress'".to_owned()];
        let mut binds: Vec<String> = Vec::new();
        if let Some(k) = f.kind {
            wh.push("r.kind = ?".into());
            binds.push(k.code().into());
        }
        if let Some(c) = &f.country {
            wh.push("r.country = ?".into());
            binds.push(c.clone());
        }
        if let Some(e) = &f.enterprise_number {
            wh.push("r.enterprise_id = (SELECT id FROM enterprises WHERE enterprise_number = ?)".into());
            binds.push(e.clone());
        }
        if let Some(t) = f.filed_before {
            wh.push("r.created_at <= ?".into());
            binds.push(ts(t));
        }
        if let Some(b) = f.blocking {
            wh.push(if b { "r.blocking = 1" } else { "r.blocking = 0" }.into());
        }
        let where_all = wh.join(" AND ");
        let list = format!(
            "SELECT r.transaction_number, r.created_at, e.name AS enterprise, r.kind, r.worker_name, r.country,
               r.blocking, r.findings
             FROM requests r JOIN enterprises e ON e.id = r.enterprise_id
             WHERE {where_all} ORDER BY r.id LIMIT ? OFFSET ?"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(list));
        for b in &binds {
            q = q.bind(b.as_str());
        }
        let rows =
            q.bind(i64::from(f.limit)).bind(i64::from(f.offset)).fetch_all(&self.reader).await.map_err(db)?;
        let counts = format!(
            "SELECT COUNT(*), COALESCE(SUM(r.blocking), 0),
               COALESCE(SUM(r.kind = 'posting'), 0), COALESCE(SUM(r.kind = 'simultaneous_occupation'), 0),
               COALESCE(SUM(r.kind = 'seafarer'), 0)
             FROM requests r WHERE {where_all}"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(counts));
        for b in &binds {
            q = q.bind(b.as_str());
        }
        let c = q.fetch_one(&self.reader).await.map_err(db)?;
        let n = |i: usize| c.get::<i64, _>(i) as u64;
        let rows = rows
            .iter()
            .map(|r| {
                let kind: &str = r.get("kind");
                Ok(QueueRow {
                    transaction_number: r.get("transaction_number"),
                    created_at: parse_ts(r.get("created_at"))?,
                    enterprise: r.get("enterprise"),
                    kind: RequestKind::parse(kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("kind {kind}")))?,
                    worker_name: r.get("worker_name"),
                    country: r.get("country"),
                    blocking: r.get::<i64, _>("blocking") != 0,
                    findings: r.get("findings"),
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(QueuePage { rows, total: n(0), blocking: n(1), by_kind: [n(2), n(3), n(4)] })
    }
}
