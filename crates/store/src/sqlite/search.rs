//! Request search: filters and sorts on indexed columns, the worker's name through the trigram
//! full-text index (a LIKE on the key for one or two characters), counts and pages.

use super::SqliteStore;
use crate::codec::{date, db, parse_date, ts};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use wabro_app::ports::{
    AuditEntry, Cancellation, Criteria, HistoryEntry, RequestRow, SortKey, StoreError, StoreResult,
};
use wabro_app::{Scope, SearchScope};
use wabro_domain::RequestKind;

/// A value to bind.
enum Bind {
    I(i64),
    T(String),
}

/// The WHERE clause of a search and its values.
struct Filter {
    sql: Vec<String>,
    binds: Vec<Bind>,
}

impl Filter {
    fn add(&mut self, clause: &str, value: Bind) {
        self.sql.push(clause.to_owned());
        self.binds.push(value);
    }
}

/// A full-text phrase query for the trigram index: the key holds only letters, digits and
/// spaces, and the quotes make it one phrase, so no input can change the query's meaning.
pub fn fts_phrase(key: &str) -> String {
    format!("\"{}\"", key.replace('"', "\"\""))
}

fn filter(scope: SearchScope, c: &Criteria) -> Filter {
    let mut f = Filter { sql: Vec::new(), binds: Vec::new() };
    if let SearchScope::Enterprise(s) = scope {
        f.add("r.enterprise_id = ?", Bind::I(s.enterprise_id()));
    }
    if let Some(v) = &c.number {
        f.add("r.transaction_number = ?", Bind::T(v.clone()));
    }
    if let Some(k) = c.kind {
        f.add("r.kind = ?", Bind::T(k.code().to_owned()));
    }
    if let Some(v) = &c.ssin {
        f.add("r.ssin = ?", Bind::T(v.clone()));
    }
    if let Some(key) = &c.name_key {
        // Among the distinct names: the trigram index from three characters, a scan of the
        // (small) names table below that.
        if key.chars().count() >= 3 {
            f.add(
                "r.name_id IN (SELECT rowid FROM worker_names_fts WHERE worker_names_fts MATCH ?)",
                Bind::T(fts_phrase(key)),
            );
        } else {
            f.add(
                "r.name_id IN (SELECT id FROM worker_names WHERE key LIKE '%' || ? || '%')",
                Bind::T(key.clone()),
            );
        }
    }
    if let Some(v) = &c.country {
        // Any of the request's countries (a simultaneous occupation has several).
        f.add("r.id IN (SELECT request_id FROM request_countries WHERE country = ?)", Bind::T(v.clone()));
    }
    if let Some(v) = &c.territory {
        f.add("r.territory = ?", Bind::T(v.clone()));
    }
    if let Some(d) = c.requested_from {
        f.add("r.start_date >= ?", Bind::T(date(d)));
    }
    if let Some(d) = c.requested_to {
        f.add("r.end_date <= ?", Bind::T(date(d)));
        // Implied (a period ends after it starts) and it bounds the index range on the start.
        f.add("r.start_date <= ?", Bind::T(date(d)));
    }
    if let Some(d) = c.admitted_from {
        f.add("r.admitted_start >= ?", Bind::T(date(d)));
    }
    if let Some(d) = c.admitted_to {
        f.add("r.admitted_end <= ?", Bind::T(date(d)));
        f.add("r.admitted_start <= ?", Bind::T(date(d)));
    }
    // Abroad on or during: the period (admitted when decided, else requested) overlaps.
    if let Some(d) = c.abroad_from {
        f.add("COALESCE(r.admitted_end, r.end_date) >= ?", Bind::T(date(d)));
    }
    if let Some(d) = c.abroad_to {
        f.add("COALESCE(r.admitted_start, r.start_date) <= ?", Bind::T(date(d)));
    }
    if let Some(v) = &c.status {
        f.add("r.status = ?", Bind::T(v.clone()));
    }
    if let Some(v) = &c.decision {
        f.add("r.decision_kind = ?", Bind::T(v.clone()));
    }
    if let Some(d) = c.cancellable_on {
        f.add(
            "(r.status = 'in_progress' OR (r.status = 'closed' AND r.decision_kind = 'approved' AND r.admitted_start > ?))",
            Bind::T(date(d)),
        );
    }
    f
}

/// The rank of each country in the interface language's order, as an SQL expression. The
/// codes come from the country list, two capital letters each; anything else is left out.
fn country_rank(order: &[&str]) -> String {
    let mut case = String::from("CASE r.country");
    for (rank, code) in order.iter().enumerate() {
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            case.push_str(&format!(" WHEN '{code}' THEN {rank}"));
        }
    }
    case.push_str(" ELSE 9999 END");
    case
}

fn order(c: &Criteria) -> String {
    let dir = if c.descending { "DESC" } else { "ASC" };
    if c.sort == Some(SortKey::Country) && !c.country_order.is_empty() {
        return format!("{} {dir}, r.id {dir}", country_rank(&c.country_order));
    }
    let col = match c.sort.unwrap_or(SortKey::Number) {
        SortKey::Number => "r.id",
        SortKey::Kind => "r.kind",
        SortKey::Ssin => "r.ssin",
        SortKey::Worker => "r.worker_key",
        SortKey::Country => "r.country",
        SortKey::Status => "r.status",
        SortKey::Admitted => "r.admitted_start",
        SortKey::Requested => "r.start_date",
    };
    if col == "r.id" { format!("r.id {dir}") } else { format!("{col} {dir}, r.id {dir}") }
}

fn row(r: &SqliteRow) -> StoreResult<RequestRow> {
    let kind: &str = r.get("kind");
    let opt_date = |c: &str| r.get::<Option<&str>, _>(c).map(parse_date).transpose();
    Ok(RequestRow {
        transaction_number: r.get("transaction_number"),
        kind: RequestKind::parse(kind).ok_or_else(|| StoreError::Corrupt(format!("kind {kind}")))?,
        ssin: r.get("ssin"),
        worker_name: r.get("worker_name"),
        country: r.get("country"),
        countries: r.get("countries"),
        territory: r.get("territory"),
        status: r.get("status"),
        decision: r.get("decision_kind"),
        start: parse_date(r.get("start_date"))?,
        end: parse_date(r.get("end_date"))?,
        admitted_start: opt_date("admitted_start")?,
        admitted_end: opt_date("admitted_end")?,
    })
}

fn bind_all<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    binds: &'q [Bind],
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments> {
    for b in binds {
        q = match b {
            Bind::I(v) => q.bind(*v),
            Bind::T(v) => q.bind(v.as_str()),
        };
    }
    q
}

impl SqliteStore {
    pub(super) async fn search(
        &self,
        scope: SearchScope,
        c: &Criteria,
    ) -> StoreResult<(Vec<RequestRow>, u64)> {
        let f = filter(scope, c);
        let wh = if f.sql.is_empty() { String::new() } else { format!("WHERE {}", f.sql.join(" AND ")) };
        // The page's ids first (from the indexes alone where they cover the filters), then the rows.
        let order = order(c);
        let list = format!(
            "SELECT r.transaction_number, r.kind, r.ssin, r.worker_name, r.country, r.countries, r.territory, r.status, \
             r.decision_kind, r.start_date, r.end_date, r.admitted_start, r.admitted_end \
             FROM requests r WHERE r.id IN (SELECT r.id FROM requests r {wh} ORDER BY {order} LIMIT ? OFFSET ?) \
             ORDER BY {order}"
        );
        let rows = bind_all(sqlx::query(sqlx::AssertSqlSafe(list)), &f.binds)
            .bind(i64::from(c.limit))
            .bind(i64::from(c.offset))
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        let count = format!("SELECT COUNT(*) FROM requests r {wh}");
        let total: i64 = bind_all(sqlx::query(sqlx::AssertSqlSafe(count)), &f.binds)
            .fetch_one(&self.reader)
            .await
            .map_err(db)?
            .get(0);
        Ok((rows.iter().map(row).collect::<StoreResult<_>>()?, total as u64))
    }

    pub(super) async fn request_history(&self, scope: Scope, tx: &str) -> StoreResult<Vec<HistoryEntry>> {
        let rows = sqlx::query(
            "SELECT a.at, u.name, a.action, a.detail FROM audit a
             JOIN requests r ON r.transaction_number = a.entity_id AND a.entity = 'request'
             LEFT JOIN users u ON u.id = a.user_id
             WHERE r.enterprise_id = ? AND r.transaction_number = ? ORDER BY a.id",
        )
        .bind(scope.enterprise_id())
        .bind(tx)
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(HistoryEntry {
                    at: crate::codec::parse_ts(r.get("at"))?,
                    who: r.get("name"),
                    action: r.get("action"),
                    detail: r.get("detail"),
                })
            })
            .collect()
    }

    pub(super) async fn cancel(&self, scope: Scope, c: &Cancellation, a: &AuditEntry) -> StoreResult<bool> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE requests SET status = 'cancelled', cancel_reason = ?, cancelled_at = ?, cancelled_by = ?,
               version = version + 1, updated_at = ?
             WHERE enterprise_id = ? AND transaction_number = ? AND version = ?",
        )
        .bind(&c.reason)
        .bind(ts(c.at))
        .bind(c.user_id)
        .bind(ts(c.at))
        .bind(scope.enterprise_id())
        .bind(&c.transaction_number)
        .bind(c.expected_version)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected()
            == 1;
        if !done {
            return Ok(false);
        }
        // An approved request cancelled before its period: its certificate is withdrawn.
        sqlx::query(
            "UPDATE documents SET status = 'withdrawn', withdrawn_at = ?
             WHERE enterprise_id = ? AND transaction_number = ? AND kind != 'rejection' AND status = 'valid'",
        )
        .bind(ts(c.at))
        .bind(scope.enterprise_id())
        .bind(&c.transaction_number)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        super::audit(&mut tx, a).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }
}
