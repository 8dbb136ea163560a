//! Embedded migrations, applied in order, each in its own transaction, recorded in
//! `schema_migrations`. The files live in `migrations/<backend>/` at the workspace root.

use crate::codec::db;
use sqlx::{Row, SqlitePool};
use wabro_app::ports::StoreResult;

/// The SQLite migrations: (version, name, SQL).
pub const SQLITE: &[(i64, &str, &str)] = &[
    (1, "0001_init", include_str!("../../../migrations/sqlite/0001_init.sql")),
    (2, "0002_search", include_str!("../../../migrations/sqlite/0002_search.sql")),
    (3, "0003_narrow", include_str!("../../../migrations/sqlite/0003_narrow.sql")),
    (4, "0004_extensions", include_str!("../../../migrations/sqlite/0004_extensions.sql")),
    (5, "0005_agents", include_str!("../../../migrations/sqlite/0005_agents.sql")),
    (6, "0006_documents", include_str!("../../../migrations/sqlite/0006_documents.sql")),
    (7, "0007_job_claims", include_str!("../../../migrations/sqlite/0007_job_claims.sql")),
];

/// Applies the migrations not yet applied; returns how many ran.
pub async fn run(pool: &SqlitePool) -> StoreResult<usize> {
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
    )
    .execute(pool)
    .await
    .map_err(db)?;
    let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(pool)
        .await
        .map_err(db)?
        .iter()
        .map(|r| r.get::<i64, _>(0))
        .collect();
    let mut ran = 0;
    for (version, name, sql) in SQLITE {
        if applied.contains(version) {
            continue;
        }
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(*sql)).execute(&mut *tx).await.map_err(db)?;
        sqlx::query("INSERT INTO schema_migrations (version, name) VALUES (?, ?)")
            .bind(version)
            .bind(name)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        tracing::info!(migration = name, "applied");
        ran += 1;
    }
    Ok(ran)
}
