//! The SQLite store: WAL, `synchronous=FULL`, foreign keys, one writer connection (every write
//! in `BEGIN IMMEDIATE`) and a pool of readers.

mod accounts;
mod audit;
mod bulk;
mod directory;
mod documents;
mod operations;
mod queue;
mod requests;
mod search;

pub use bulk::BulkRequest;

use crate::codec::db;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::Path;
use std::time::Duration;
use wabro_app::ports::{AuditEntry, StoreError, StoreResult};

/// The application's ports on an SQLite database file.
#[derive(Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) the database at `path` and applies pending migrations.
    /// The database holds SSINs and password hashes: its files are readable by their owner
    /// only (`0600`; SQLite gives the WAL and shared-memory files the database's mode).
    pub async fn open(path: &Path) -> StoreResult<SqliteStore> {
        // Processes starting at once on a new database (serve and workers) meet while one of
        // them switches it to WAL, which SQLite answers "database is locked" without waiting:
        // try again a few times.
        let mut attempt = 0;
        loop {
            match SqliteStore::open_once(path).await {
                Err(StoreError::Database(e)) if e.contains("database is locked") && attempt < 20 => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(50 * attempt)).await;
                }
                other => return other,
            }
        }
    }

    async fn open_once(path: &Path) -> StoreResult<SqliteStore> {
        owner_only(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            // A COMMIT that fails (a full disk) leaves sqlx believing a transaction is still
            // open on the connection, and every later write would fail until a restart: such a
            // connection is closed when it comes back, and the next write opens a fresh one.
            .after_release(|conn, _| {
                Box::pin(async move {
                    use sqlx_core::transaction::TransactionManager;
                    let depth = sqlx::sqlite::SqliteTransactionManager::get_transaction_depth(conn);
                    if depth > 0 {
                        tracing::warn!(depth, "writer connection left inside a transaction: replaced");
                    }
                    Ok(depth == 0)
                })
            })
            .connect_with(options.clone())
            .await
            .map_err(db)?;
        crate::migrate::run(&writer).await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.read_only(true))
            .await
            .map_err(db)?;
        Ok(SqliteStore { writer, reader })
    }

    /// SQLite's quick check, which reads the whole file: a service refuses to start on a damaged
    /// database (run at start-up of `serve` and `worker`, not at every open).
    pub async fn quick_check(&self, path: &Path) -> StoreResult<()> {
        let check: String =
            sqlx::query_scalar("PRAGMA quick_check").fetch_one(&self.reader).await.map_err(db)?;
        if check == "ok" {
            return Ok(());
        }
        Err(StoreError::Corrupt(format!(
            "the database {} is damaged ({check}): restore the latest backup, or run `wabro check` for details",
            path.display()
        )))
    }

    /// Applies pending migrations (they also run on [`SqliteStore::open`]); returns how many ran.
    pub async fn migrate(&self) -> StoreResult<usize> {
        crate::migrate::run(&self.writer).await
    }

    /// Limits the database file to `pages` pages on the writer connection, as a full disk
    /// would (SQLite then answers `SQLITE_FULL`): for fault tests.
    #[doc(hidden)]
    pub async fn limit_pages_for_tests(&self, pages: u32) -> StoreResult<()> {
        sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA max_page_count = {pages}")))
            .execute(&self.writer)
            .await
            .map_err(db)?;
        Ok(())
    }

    /// The database's size in pages.
    #[doc(hidden)]
    pub async fn page_count(&self) -> StoreResult<u32> {
        let n: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(&self.writer).await.map_err(db)?;
        Ok(n as u32)
    }

    /// Writes a consistent copy of the database to `path` (`VACUUM INTO`: one snapshot, the
    /// WAL included, while others write).
    pub async fn snapshot_into(&self, path: &Path) -> StoreResult<()> {
        sqlx::query("VACUUM INTO ?")
            .bind(path.display().to_string())
            .execute(&self.reader)
            .await
            .map_err(db)?;
        Ok(())
    }

    /// Whether any document was issued (a deployment in use).
    pub async fn has_documents(&self) -> StoreResult<bool> {
        let n: i64 = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM documents)")
            .fetch_one(&self.reader)
            .await
            .map_err(db)?;
        Ok(n == 1)
    }

    /// The full integrity check (`PRAGMA integrity_check`): "ok", or what is damaged.
    pub async fn integrity_check(&self) -> StoreResult<Vec<String>> {
        sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&self.reader).await.map_err(db)
    }

    /// Waits for the pools to close.
    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}

/// The part of a migration that SQL cannot do (hashing, accent folding), run in the
/// migration's own transaction right after its SQL, so that it happens once and whole.
pub(crate) async fn after_migration(version: i64, conn: &mut sqlx::SqliteConnection) -> StoreResult<()> {
    match version {
        12 => {
            let sealed = audit::seal(conn).await?;
            tracing::info!(records = sealed, "audit records sealed into the chain");
        }
        16 => {
            directory::fill_name_keys(conn).await?;
        }
        _ => {}
    }
    Ok(())
}

/// Creates the database file readable and writable by its owner only, or narrows an existing
/// one (and its WAL and shared-memory files) to that.
fn owner_only(path: &Path) -> StoreResult<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let io = |e: std::io::Error| wabro_app::ports::StoreError::Database(format!("{}: {e}", path.display()));
    if !path.exists() {
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)
            .map_err(io)?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let file = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
        if file.exists() {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
        }
    }
    Ok(())
}

/// Rows in one multi-row insert: well under SQLite's limit of 32,766 bound values.
const ROWS_PER_INSERT: usize = 100;

use audit::audit_all;

/// Writes an audit record inside a transaction.
async fn audit(conn: &mut sqlx::SqliteConnection, a: &AuditEntry) -> StoreResult<()> {
    audit_all(conn, &[a]).await
}
