//! The personnel directory: workers and their Dimona periods, always through an enterprise.

use super::SqliteStore;
use crate::codec::{date, db, parse_date};
use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use std::collections::HashMap;
use wabro_app::Scope;
use wabro_app::ports::{DimonaRow, Directory, DirectoryQuery, StoreError, StoreResult, WorkerRecord};
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

#[async_trait]
impl Directory for SqliteStore {
    async fn import_dimona(&self, rows: &[DimonaRow]) -> StoreResult<usize> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        for row in rows {
            let w = &row.worker;
            sqlx::query(
                "INSERT INTO workers (ssin, family_name, given_name, name_key, nationality, birth_date, street, number, postal_code, city, country)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (ssin) DO UPDATE SET family_name = excluded.family_name, given_name = excluded.given_name,
                   name_key = excluded.name_key, nationality = excluded.nationality, birth_date = excluded.birth_date,
                   street = excluded.street, number = excluded.number, postal_code = excluded.postal_code,
                   city = excluded.city, country = excluded.country",
            )
            .bind(w.ssin.as_str())
            .bind(&w.family_name)
            .bind(&w.given_name)
            .bind(search_key(&w.family_name))
            .bind(w.nationality.code())
            .bind(w.birth_date.map(date))
            .bind(&w.street)
            .bind(&w.number)
            .bind(&w.postal_code)
            .bind(&w.city)
            .bind(w.country.code())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            sqlx::query(
                "INSERT INTO dimona (enterprise_id, ssin, start_date, end_date) VALUES (?, ?, ?, ?)
                 ON CONFLICT (enterprise_id, ssin, start_date) DO UPDATE SET end_date = excluded.end_date",
            )
            .bind(row.enterprise_id)
            .bind(w.ssin.as_str())
            .bind(date(row.period.start))
            .bind(row.period.end.map(date))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
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
             WHERE {filter} AND EXISTS (SELECT 1 FROM dimona d WHERE d.ssin = w.ssin AND d.enterprise_id = ?)
             ORDER BY w.name_key, w.given_name LIMIT ?"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(value)
            .bind(scope.enterprise_id())
            .bind(i64::from(limit))
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        rows.iter().map(worker).collect()
    }

    async fn worker(&self, scope: Scope, ssin: &str) -> StoreResult<Option<WorkerRecord>> {
        let sql = format!(
            "SELECT {WORKER_COLUMNS} FROM workers w
             WHERE w.ssin = ? AND EXISTS (SELECT 1 FROM dimona d WHERE d.ssin = w.ssin AND d.enterprise_id = ?)"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(ssin)
            .bind(scope.enterprise_id())
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
