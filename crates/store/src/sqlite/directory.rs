//! The personnel directory: workers and their Dimona periods, always through an enterprise.

use super::{ROWS_PER_INSERT, SqliteStore, audit};
use crate::codec::{date, db, parse_date};
use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use std::collections::HashMap;
use wabro_app::Scope;
use wabro_app::ports::{
    AuditEntry, DimonaRow, Directory, DirectoryQuery, StoreError, StoreResult, WorkerRecord,
};
use wabro_domain::rules::DimonaPeriod;
use wabro_domain::{Country, Ssin, search_key};

const WORKER_COLUMNS: &str = "w.ssin, w.family_name, w.given_name, w.nationality, w.birth_date, w.street, w.number, w.postal_code, w.city, w.country";

fn worker(r: &SqliteRow) -> StoreResult<WorkerRecord> {
    let corrupt = |what: &str| StoreError::Corrupt(what.to_owned());
    let country = |col: &str| Country::parse(r.get::<&str, _>(col)).map_err(|_| corrupt(col));
    Ok(WorkerRecord {
        ssin: Ssin::parse_structure(r.get::<&str, _>("ssin")).map_err(|_| corrupt("ssin"))?,
        family_name: r.get("family_name"),
        given_name: r.get("given_name"),
        nationality: country("nationality")?,
        birth_date: r.get::<Option<&str>, _>("birth_date").map(parse_date).transpose()?,
        street: r.get("street"),
        number: r.get("number"),
        postal_code: r.get("postal_code"),
        city: r.get("city"),
        country: country("country")?,
    })
}

/// The search key of a worker's name: family and given names, as Consult searches them.
fn name_key(family: &str, given: &str) -> String {
    search_key(&format!("{family} {given}"))
}

/// Fills the search keys that migration `0016` emptied (they are folded in Rust), in its
/// transaction; returns how many.
pub(super) async fn fill_name_keys(conn: &mut sqlx::SqliteConnection) -> StoreResult<usize> {
    let rows = sqlx::query("SELECT rowid, family_name, given_name FROM workers WHERE name_key = ''")
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
    for r in &rows {
        sqlx::query("UPDATE workers SET name_key = ? WHERE rowid = ?")
            .bind(name_key(r.get("family_name"), r.get("given_name")))
            .bind(r.get::<i64, _>("rowid"))
            .execute(&mut *conn)
            .await
            .map_err(db)?;
    }
    Ok(rows.len())
}

#[async_trait]
impl Directory for SqliteStore {
    async fn import_dimona(
        &self,
        rows: &[DimonaRow],
        audit_entry: Option<&AuditEntry>,
    ) -> StoreResult<usize> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            // The enterprise's own record of each worker: another enterprise's declaration of
            // the same SSIN is another row.
            let mut workers = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                "INSERT INTO workers (enterprise_id, ssin, family_name, given_name, name_key, nationality, birth_date,
                   street, number, postal_code, city, country) ",
            );
            workers.push_values(chunk, |mut b, row| {
                let w = &row.worker;
                b.push_bind(row.enterprise_id)
                    .push_bind(w.ssin.as_str())
                    .push_bind(&w.family_name)
                    .push_bind(&w.given_name)
                    .push_bind(name_key(&w.family_name, &w.given_name))
                    .push_bind(w.nationality.code())
                    .push_bind(w.birth_date.map(date))
                    .push_bind(&w.street)
                    .push_bind(&w.number)
                    .push_bind(&w.postal_code)
                    .push_bind(&w.city)
                    .push_bind(w.country.code());
            });
            workers.push(
                " ON CONFLICT (enterprise_id, ssin) DO UPDATE SET family_name = excluded.family_name,
                   given_name = excluded.given_name, name_key = excluded.name_key, nationality = excluded.nationality,
                   birth_date = excluded.birth_date, street = excluded.street, number = excluded.number,
                   postal_code = excluded.postal_code, city = excluded.city, country = excluded.country",
            );
            workers.build().execute(&mut *tx).await.map_err(db)?;
            let mut periods = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                "INSERT INTO dimona (enterprise_id, ssin, start_date, end_date) ",
            );
            periods.push_values(chunk, |mut b, row| {
                b.push_bind(row.enterprise_id)
                    .push_bind(row.worker.ssin.as_str())
                    .push_bind(date(row.period.start))
                    .push_bind(row.period.end.map(date));
            });
            periods.push(
                " ON CONFLICT (enterprise_id, ssin, start_date) DO UPDATE SET end_date = excluded.end_date",
            );
            periods.build().execute(&mut *tx).await.map_err(db)?;
        }
        if let Some(entry) = audit_entry {
            audit(&mut tx, entry).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(rows.len())
    }

    async fn search_workers(
        &self,
        scope: Scope,
        q: &DirectoryQuery,
        limit: u32,
    ) -> StoreResult<Vec<WorkerRecord>> {
        let (filter, value) = match q {
            DirectoryQuery::Ssin(digits) => ("w.ssin = ?", digits.clone()),
            // The key holds only letters, digits and spaces: nothing LIKE would read as a wildcard.
            DirectoryQuery::Name(key) => ("w.name_key LIKE '%' || ? || '%'", key.clone()),
        };
        let sql = format!(
            "SELECT {WORKER_COLUMNS} FROM workers w
             WHERE w.enterprise_id = ? AND {filter}
             ORDER BY w.name_key, w.given_name LIMIT ?"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(scope.enterprise_id())
            .bind(value)
            .bind(i64::from(limit))
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        rows.iter().map(worker).collect()
    }

    async fn worker(&self, scope: Scope, ssin: &str) -> StoreResult<Option<WorkerRecord>> {
        let sql = format!(
            "SELECT {WORKER_COLUMNS} FROM workers w
             WHERE w.enterprise_id = ? AND w.ssin = ?"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(scope.enterprise_id())
            .bind(ssin)
            .fetch_optional(&self.reader)
            .await
            .map_err(db)?;
        row.as_ref().map(worker).transpose()
    }

    async fn dimona(&self, scope: Scope, ssin: &str) -> StoreResult<Vec<DimonaPeriod>> {
        Ok(self.dimona_of(scope, &[ssin.to_owned()]).await?.remove(ssin).unwrap_or_default())
    }

    async fn dimona_of(
        &self,
        scope: Scope,
        ssins: &[String],
    ) -> StoreResult<HashMap<String, Vec<DimonaPeriod>>> {
        let list = serde_json::to_string(ssins).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let rows = sqlx::query(
            "SELECT ssin, start_date, end_date FROM dimona
             WHERE enterprise_id = ? AND ssin IN (SELECT value FROM json_each(?)) ORDER BY ssin, start_date",
        )
        .bind(scope.enterprise_id())
        .bind(list)
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        let mut periods: HashMap<String, Vec<DimonaPeriod>> = HashMap::new();
        for r in &rows {
            periods.entry(r.get("ssin")).or_default().push(DimonaPeriod {
                start: parse_date(r.get("start_date"))?,
                end: r.get::<Option<&str>, _>("end_date").map(parse_date).transpose()?,
            });
        }
        Ok(periods)
    }
}
