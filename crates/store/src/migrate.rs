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
    (8, "0008_document_files", include_str!("../../../migrations/sqlite/0008_document_files.sql")),
    (9, "0009_unread_index", include_str!("../../../migrations/sqlite/0009_unread_index.sql")),
    (10, "0010_document_birth_date", include_str!("../../../migrations/sqlite/0010_document_birth_date.sql")),
    (11, "0011_enterprise_workers", include_str!("../../../migrations/sqlite/0011_enterprise_workers.sql")),
    (12, "0012_audit_chain", include_str!("../../../migrations/sqlite/0012_audit_chain.sql")),
    (13, "0013_password_change", include_str!("../../../migrations/sqlite/0013_password_change.sql")),
    (14, "0014_request_countries", include_str!("../../../migrations/sqlite/0014_request_countries.sql")),
    (
        15,
        "0015_request_countries_index",
        include_str!("../../../migrations/sqlite/0015_request_countries_index.sql"),
    ),
    (16, "0016_worker_name_keys", include_str!("../../../migrations/sqlite/0016_worker_name_keys.sql")),
    (17, "0017_draft_versions", include_str!("../../../migrations/sqlite/0017_draft_versions.sql")),
    (18, "0018_settings", include_str!("../../../migrations/sqlite/0018_settings.sql")),
];

/// Applies the migrations not yet applied; returns how many ran. Each runs in a transaction of
/// its own that first takes the write lock and only then reads which migrations are applied, so
/// that several processes starting at once on one database (`serve` and workers) never apply
/// the same migration twice.
pub async fn run(pool: &SqlitePool) -> StoreResult<usize> {
    let mut ran = 0;
    loop {
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        )
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?
            .iter()
            .map(|r| r.get::<i64, _>(0))
            .collect();
        let Some((version, name, sql)) = SQLITE.iter().find(|(v, _, _)| !applied.contains(v)) else {
            tx.commit().await.map_err(db)?;
            return Ok(ran);
        };
        sqlx::raw_sql(sqlx::AssertSqlSafe(*sql)).execute(&mut *tx).await.map_err(db)?;
        crate::sqlite::after_migration(*version, &mut tx).await?;
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database at `0007`, with a document, moves its PDF to `document_files` at `0008`.
    #[tokio::test]
    async fn the_pdfs_move_to_their_own_table_and_stay_downloadable() {
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect("sqlite::memory:")
            .await
            .expect("an in-memory database");
        sqlx::query("PRAGMA foreign_keys = OFF").execute(&pool).await.unwrap();
        let (before, after) = SQLITE.split_at(7);
        let after = &after[..1];
        for (_, _, sql) in before {
            sqlx::raw_sql(sqlx::AssertSqlSafe(*sql)).execute(&pool).await.unwrap();
        }
        sqlx::query(
            "INSERT INTO documents (document_number, transaction_number, enterprise_id, kind, language, channel, pdf,
               token, valid_from, valid_to, holder_name, birth_year, state, countries, created_at)
             VALUES ('A1-1', 'WAB-1', 1, 'a1', 'fr', 'e_box', x'25504446', 't', '2027-01-04', '2027-06-30', 'J M',
               1971, 'BE', 'FR', '2026-11-28T10:00:00Z')",
        )
        .execute(&pool)
        .await
        .unwrap();
        for (version, _, sql) in after {
            assert_eq!(*version, 8);
            sqlx::raw_sql(sqlx::AssertSqlSafe(*sql)).execute(&pool).await.unwrap();
        }
        let pdf: Vec<u8> = sqlx::query_scalar(
            "SELECT f.pdf FROM documents d JOIN document_files f ON f.document_id = d.id WHERE d.document_number = 'A1-1'",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(pdf, b"%PDF");
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info('documents')")
            .fetch_all(&pool)
            .await
            .unwrap();
        assert!(!columns.iter().any(|c| c == "pdf") && columns.iter().any(|c| c == "read_at"), "{columns:?}");
    }

    /// A database at `0011` with audit records and a worker: `0012` seals the records into the
    /// chain and `0016` folds the worker's family and given names into its search key, each
    /// once, in its migration's transaction.
    #[tokio::test]
    async fn the_data_steps_of_migrations_run_once_in_their_migration() {
        use wabro_app::ports::{AuditTrail, Directory, DirectoryQuery};
        let path = std::env::temp_dir().join(format!("wabro-migrate-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&path).create_if_missing(true))
            .await
            .unwrap();
        sqlx::query(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        )
        .execute(&pool)
        .await
        .unwrap();
        for (version, name, sql) in &SQLITE[..11] {
            sqlx::raw_sql(sqlx::AssertSqlSafe(*sql)).execute(&pool).await.unwrap();
            sqlx::query("INSERT INTO schema_migrations (version, name) VALUES (?, ?)")
                .bind(version)
                .bind(name)
                .execute(&pool)
                .await
                .unwrap();
        }
        sqlx::raw_sql(
            "INSERT INTO enterprises (id, enterprise_number, nsso_number, name, street, postal_code, city)
               VALUES (1, '0412345614', '', 'A', '', '', '');
             INSERT INTO audit (at, user_id, enterprise_id, entity, entity_id, action, detail)
               VALUES ('2026-11-01T10:00:00Z', NULL, 1, 'user', 'a@example.be', 'created', '{}'),
                      ('2026-11-02T10:00:00Z', NULL, 1, 'session', '1', 'login', '{}');
             INSERT INTO workers (enterprise_id, ssin, family_name, given_name, name_key, nationality, street,
               number, postal_code, city, country)
               VALUES (1, '85073003328', 'Van den Broeck', 'Zoë', 'van den broeck', 'BE', 'S', '1', '9000', 'Gent', 'BE');",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;

        let store = crate::SqliteStore::open(&path).await.unwrap();
        let chain = store.verify_audit().await.unwrap();
        assert_eq!((chain.records, chain.first_broken), (2, None), "the older records are sealed");
        let scope = wabro_app::Scope::unchecked(1);
        let found = store.search_workers(scope, &DirectoryQuery::Name("zoe".into()), 10).await.unwrap();
        assert_eq!(found.len(), 1, "the given name, accents folded, is in the key");
        store.close().await;
        let again = crate::SqliteStore::open(&path).await.unwrap();
        assert_eq!(again.migrate().await.unwrap(), 0);
        again.close().await;
        let _ = std::fs::remove_file(&path);
    }
}
