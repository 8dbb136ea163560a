//! Drafts and requests, always scoped to the caller's enterprise.

use super::{SqliteStore, audit};
use crate::codec::{date, db, parse_date, parse_json, parse_ts, ts};
use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use time::OffsetDateTime;
use wabro_app::ports::{
    AgentRequest, AuditEntry, Cancellation, Criteria, DecisionRecord, DraftRecord, EnterpriseRecord,
    HistoryEntry, NewRequest, RequestRecord, RequestRow, Requests, StoreError, StoreResult, SubmitOutcome,
};
use wabro_app::{Scope, SearchScope};
use wabro_domain::input::RequestInput;
use wabro_domain::rules::PriorRequest;
use wabro_domain::{Country, Period, RequestKind, Territory};

const DRAFT_COLUMNS: &str = "id, kind, input, submitted_request, extends, updated_at, version";
const REQUEST_COLUMNS: &str = "r.id, r.transaction_number, r.kind, r.status, r.ssin, r.worker_name, r.country, \
    r.start_date, r.end_date, b.input_json, b.request_json, b.assessment_json, r.created_at, r.territory, r.decision, \
    r.cancel_reason, r.version, r.extends, \
    (SELECT x.transaction_number FROM requests x WHERE x.extends = r.transaction_number \
       AND x.enterprise_id = r.enterprise_id AND x.status != 'cancelled' ORDER BY x.id DESC LIMIT 1) AS extended_by";
/// The requests with their bodies.
const REQUESTS: &str = "requests r JOIN request_bodies b ON b.request_id = r.id";

fn kind(s: &str) -> StoreResult<RequestKind> {
    RequestKind::parse(s).ok_or_else(|| StoreError::Corrupt(format!("kind {s}")))
}

fn draft(r: &SqliteRow) -> StoreResult<DraftRecord> {
    Ok(DraftRecord {
        id: r.get("id"),
        kind: kind(r.get("kind"))?,
        input: parse_json(r.get("input"))?,
        submitted_request: r.get("submitted_request"),
        extends: r.get("extends"),
        updated_at: parse_ts(r.get("updated_at"))?,
        version: r.get("version"),
    })
}

fn request(r: &SqliteRow) -> StoreResult<RequestRecord> {
    Ok(RequestRecord {
        id: r.get("id"),
        transaction_number: r.get("transaction_number"),
        kind: kind(r.get("kind"))?,
        status: r.get("status"),
        ssin: r.get("ssin"),
        worker_name: r.get("worker_name"),
        country: r.get("country"),
        start: parse_date(r.get("start_date"))?,
        end: parse_date(r.get("end_date"))?,
        input: parse_json(r.get("input_json"))?,
        request_json: r.get("request_json"),
        assessment_json: r.get("assessment_json"),
        created_at: parse_ts(r.get("created_at"))?,
        territory: r.get("territory"),
        decision_json: r.get("decision"),
        cancel_reason: r.get("cancel_reason"),
        version: r.get("version"),
        extends: r.get("extends"),
        extended_by: r.get("extended_by"),
    })
}

fn json(input: &RequestInput) -> String {
    serde_json::to_string(input).unwrap_or_else(|e| panic!("request input serialises: {e}"))
}

#[async_trait]
impl Requests for SqliteStore {
    async fn create_draft(
        &self,
        scope: Scope,
        d: &DraftRecord,
        user_id: i64,
        a: &AuditEntry,
        max_open: u32,
        expire_before: OffsetDateTime,
    ) -> StoreResult<bool> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        sqlx::query(
            "DELETE FROM drafts WHERE enterprise_id = ? AND user_id = ? AND submitted_request IS NULL AND updated_at < ?",
        )
        .bind(scope.enterprise_id())
        .bind(user_id)
        .bind(ts(expire_before))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM drafts WHERE enterprise_id = ? AND user_id = ? AND submitted_request IS NULL",
        )
        .bind(scope.enterprise_id())
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        if open >= i64::from(max_open) {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO drafts (id, enterprise_id, user_id, kind, input, extends, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&d.id)
        .bind(scope.enterprise_id())
        .bind(user_id)
        .bind(d.kind.code())
        .bind(json(&d.input))
        .bind(&d.extends)
        .bind(ts(d.updated_at))
        .bind(ts(d.updated_at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit(&mut tx, a).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn draft(&self, scope: Scope, id: &str) -> StoreResult<Option<DraftRecord>> {
        let sql = format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE id = ? AND enterprise_id = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .bind(scope.enterprise_id())
            .fetch_optional(&self.writer)
            .await
            .map_err(db)?;
        row.as_ref().map(draft).transpose()
    }

    async fn open_drafts(&self, scope: Scope, limit: u32) -> StoreResult<Vec<DraftRecord>> {
        let sql = format!(
            "SELECT {DRAFT_COLUMNS} FROM drafts WHERE enterprise_id = ? AND submitted_request IS NULL
             ORDER BY updated_at DESC LIMIT ?"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(scope.enterprise_id())
            .bind(i64::from(limit))
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        rows.iter().map(draft).collect()
    }

    async fn save_draft(
        &self,
        scope: Scope,
        id: &str,
        input: &RequestInput,
        at: OffsetDateTime,
        version: i64,
    ) -> StoreResult<bool> {
        let r = sqlx::query(
            "UPDATE drafts SET input = ?, updated_at = ?, version = version + 1
             WHERE id = ? AND enterprise_id = ? AND submitted_request IS NULL AND version = ?",
        )
        .bind(json(input))
        .bind(ts(at))
        .bind(id)
        .bind(scope.enterprise_id())
        .bind(version)
        .execute(&self.writer)
        .await
        .map_err(db)?;
        Ok(r.rows_affected() == 1)
    }

    async fn delete_draft(&self, scope: Scope, id: &str, a: &AuditEntry) -> StoreResult<bool> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let r = sqlx::query(
            "DELETE FROM drafts WHERE id = ? AND enterprise_id = ? AND submitted_request IS NULL",
        )
        .bind(id)
        .bind(scope.enterprise_id())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if r.rows_affected() == 0 {
            return Ok(false);
        }
        audit(&mut tx, a).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn submit(&self, scope: Scope, n: &NewRequest, a: &AuditEntry) -> StoreResult<SubmitOutcome> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let existing: Option<Option<String>> =
            sqlx::query("SELECT submitted_request FROM drafts WHERE id = ? AND enterprise_id = ?")
                .bind(&n.draft_id)
                .bind(scope.enterprise_id())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?
                .map(|r| r.get(0));
        match existing {
            None => return Err(StoreError::Corrupt("submitting a draft that does not exist".into())),
            Some(Some(tx_number)) => return Ok(SubmitOutcome::AlreadySubmitted(tx_number)),
            Some(None) => {}
        }
        let next: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) + 1 FROM requests")
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?
            .get(0);
        let number = format!("WAB-{}-{next:07}", n.at.year());
        sqlx::query(
            "INSERT INTO requests (id, transaction_number, enterprise_id, draft_id, kind, ssin, worker_name, worker_key,
               country, territory, start_date, end_date, created_by, created_at, updated_at, extends, blocking, findings,
               countries)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(next)
        .bind(&number)
        .bind(scope.enterprise_id())
        .bind(&n.draft_id)
        .bind(n.kind.code())
        .bind(&n.ssin)
        .bind(&n.worker_name)
        .bind(&n.worker_key)
        .bind(&n.country)
        .bind(&n.territory)
        .bind(date(n.start))
        .bind(date(n.end))
        .bind(n.user_id)
        .bind(ts(n.at))
        .bind(ts(n.at))
        .bind(&n.extends)
        .bind(n.blocking)
        .bind(n.findings)
        .bind(&n.countries)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "INSERT INTO request_bodies (request_id, request_json, input_json, assessment_json) VALUES (?, ?, ?, ?)",
        )
        .bind(next)
        .bind(&n.request_json)
        .bind(&n.input_json)
        .bind(&n.assessment_json)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "UPDATE drafts SET submitted_request = ?, updated_at = ? WHERE id = ? AND enterprise_id = ?",
        )
        .bind(&number)
        .bind(ts(n.at))
        .bind(&n.draft_id)
        .bind(scope.enterprise_id())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let a = AuditEntry { entity_id: number.clone(), ..a.clone() };
        audit(&mut tx, &a).await?;
        if let Some((decision, decision_audit)) = &n.instant {
            let d = DecisionRecord {
                transaction_number: number.clone(),
                expected_version: 1,
                ..decision.clone()
            };
            let a = AuditEntry { entity_id: number.clone(), ..decision_audit.clone() };
            if !apply_decision(&mut tx, &d, &a).await? {
                return Err(StoreError::Corrupt(format!("{number} could not be decided as it was saved")));
            }
        }
        tx.commit().await.map_err(db)?;
        Ok(SubmitOutcome::Created(number))
    }

    async fn request(&self, scope: Scope, transaction_number: &str) -> StoreResult<Option<RequestRecord>> {
        let sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM {REQUESTS} WHERE r.transaction_number = ? AND r.enterprise_id = ?"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(transaction_number)
            .bind(scope.enterprise_id())
            .fetch_optional(&self.reader)
            .await
            .map_err(db)?;
        row.as_ref().map(request).transpose()
    }

    async fn recent_requests(&self, scope: Scope, limit: u32) -> StoreResult<Vec<RequestRecord>> {
        let sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM {REQUESTS} WHERE r.enterprise_id = ? ORDER BY r.id DESC LIMIT ?"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(scope.enterprise_id())
            .bind(i64::from(limit))
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        rows.iter().map(request).collect()
    }

    async fn prior_requests(&self, scope: Scope, ssin: &str) -> StoreResult<Vec<PriorRequest>> {
        let rows = sqlx::query(
            "SELECT transaction_number, kind, country, territory, countries, status,
                    COALESCE(admitted_start, start_date) AS s, COALESCE(admitted_end, end_date) AS e
             FROM requests
             WHERE enterprise_id = ? AND ssin = ?
               AND (status = 'in_progress' OR (status = 'closed' AND admitted_start IS NOT NULL))",
        )
        .bind(scope.enterprise_id())
        .bind(ssin)
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let corrupt = |w: &str| StoreError::Corrupt(w.to_owned());
                let (start, end) = (parse_date(r.get("s"))?, parse_date(r.get("e"))?);
                Ok(PriorRequest {
                    reference: r.get("transaction_number"),
                    kind: kind(r.get("kind"))?,
                    country: Country::parse(r.get::<&str, _>("country")).map_err(|_| corrupt("country"))?,
                    territory: r
                        .get::<Option<&str>, _>("territory")
                        .map(Territory::parse)
                        .transpose()
                        .map_err(|_| corrupt("territory"))?,
                    period: Period::new(start, end).ok_or_else(|| corrupt("period"))?,
                    countries: r
                        .get::<&str, _>("countries")
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(|c| Country::parse(c).map_err(|_| corrupt("countries")))
                        .collect::<Result<_, _>>()?,
                    approved: r.get::<&str, _>("status") == "closed",
                })
            })
            .collect()
    }

    async fn search_requests(&self, scope: SearchScope, c: &Criteria) -> StoreResult<(Vec<RequestRow>, u64)> {
        self.search(scope, c).await
    }

    async fn history(&self, scope: Scope, transaction_number: &str) -> StoreResult<Vec<HistoryEntry>> {
        self.request_history(scope, transaction_number).await
    }

    async fn cancel_request(&self, scope: Scope, c: &Cancellation, audit: &AuditEntry) -> StoreResult<bool> {
        self.cancel(scope, c, audit).await
    }

    async fn request_for_agent(&self, scope: SearchScope, tx: &str) -> StoreResult<Option<AgentRequest>> {
        Ok(self.requests_to_issue(scope, &[tx.to_owned()]).await?.into_iter().next())
    }

    async fn requests_to_issue(
        &self,
        scope: SearchScope,
        transaction_numbers: &[String],
    ) -> StoreResult<Vec<AgentRequest>> {
        // An enterprise scope sees only its own requests, in the query itself.
        let (only, eid) = match scope {
            SearchScope::Nsso => ("", None),
            SearchScope::Enterprise(s) => (" AND r.enterprise_id = ?", Some(s.enterprise_id())),
        };
        let sql = format!(
            "SELECT {REQUEST_COLUMNS}, r.enterprise_id AS eid, e.ebox_active, e.name AS enterprise_name,
               e.enterprise_number, e.nsso_number, e.street AS enterprise_street,
               e.postal_code AS enterprise_postal_code, e.city AS enterprise_city
             FROM {REQUESTS} JOIN enterprises e ON e.id = r.enterprise_id
             WHERE r.transaction_number IN (SELECT value FROM json_each(?)){only}"
        );
        let numbers =
            serde_json::to_string(transaction_numbers).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(numbers);
        if let Some(eid) = eid {
            q = q.bind(eid);
        }
        let rows = q.fetch_all(&self.reader).await.map_err(db)?;
        rows.iter()
            .map(|r| {
                let enterprise = EnterpriseRecord {
                    id: r.get("eid"),
                    enterprise_number: r.get("enterprise_number"),
                    nsso_number: r.get("nsso_number"),
                    name: r.get("enterprise_name"),
                    street: r.get("enterprise_street"),
                    postal_code: r.get("enterprise_postal_code"),
                    city: r.get("enterprise_city"),
                    ebox_active: r.get::<i64, _>("ebox_active") != 0,
                };
                Ok(AgentRequest { record: request(r)?, enterprise })
            })
            .collect()
    }

    async fn record_decision(&self, d: &DecisionRecord, a: &AuditEntry) -> StoreResult<bool> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        if !apply_decision(&mut tx, d, a).await? {
            return Ok(false);
        }
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn queue(
        &self,
        scope: SearchScope,
        f: &wabro_app::ports::QueueFilter,
    ) -> StoreResult<wabro_app::ports::QueuePage> {
        self.agent_queue(scope, f).await
    }
}

/// Records a decision inside a transaction: the request's new state (if it is still at the
/// version read and in progress), its audit record and the job that issues its document.
/// False, and nothing written, when the request changed meanwhile.
async fn apply_decision(
    tx: &mut sqlx::SqliteConnection,
    d: &DecisionRecord,
    a: &AuditEntry,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE requests SET status = 'closed', decision_kind = ?, decision = ?, admitted_start = ?,
           admitted_end = ?, channel = ?, version = version + 1, updated_at = ?
         WHERE transaction_number = ? AND version = ? AND status = 'in_progress'
           -- Never a second approval for the same worker, State and days, even when two
           -- decisions race: the check is in the write itself.
           AND (? IS NULL OR NOT EXISTS (
             SELECT 1 FROM requests o JOIN request_countries oc ON oc.request_id = o.id
             WHERE o.enterprise_id = requests.enterprise_id AND o.ssin = requests.ssin AND o.id != requests.id
               AND o.status = 'closed' AND o.decision_kind = 'approved'
               AND oc.country IN (SELECT country FROM request_countries WHERE request_id = requests.id)
               AND o.admitted_start <= ? AND o.admitted_end >= ?))",
    )
    .bind(&d.kind)
    .bind(&d.decision_json)
    .bind(d.admitted.map(|(s, _)| date(s)))
    .bind(d.admitted.map(|(_, e)| date(e)))
    .bind(&d.channel)
    .bind(ts(d.at))
    .bind(&d.transaction_number)
    .bind(d.expected_version)
    .bind(d.admitted.map(|(s, _)| date(s)))
    .bind(d.admitted.map(|(_, e)| date(e)))
    .bind(d.admitted.map(|(s, _)| date(s)))
    .execute(&mut *tx)
    .await
    .map_err(db)?
    .rows_affected()
        == 1;
    if !done {
        return Ok(false);
    }
    super::audit(&mut *tx, a).await?;
    sqlx::query("INSERT INTO jobs (kind, transaction_number, created_at) VALUES ('issue_document', ?, ?)")
        .bind(&d.transaction_number)
        .bind(ts(d.at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    Ok(true)
}
