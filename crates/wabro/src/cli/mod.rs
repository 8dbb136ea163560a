//! Subcommands.

pub mod assess;
pub mod audit;
pub mod backup;
pub mod bench;
pub mod check;
pub mod import;
pub mod jobs;
pub mod keys;
pub mod seed;
pub mod serve;
pub mod users;
pub mod validate;
pub mod worker;

use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use wabro_app::{App, Config, SystemClock};
use wabro_store::SqliteStore;

/// Today's date (UTC).
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// Where the data lives.
#[derive(clap::Args, Clone)]
pub struct DataArgs {
    /// Data directory (the SQLite database and, later, keys and documents).
    #[arg(long, env = "WABRO_DATA", default_value = "./wabro-data")]
    pub data: PathBuf,
}

impl DataArgs {
    /// Opens (creating and migrating) the database in the data directory. The directory is
    /// its owner's alone (`0700`): it holds the database and the signing keys.
    pub async fn open(&self) -> anyhow::Result<SqliteStore> {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.data)
            .with_context(|| format!("creating {}", self.data.display()))?;
        std::fs::set_permissions(&self.data, std::fs::Permissions::from_mode(0o700))
            .with_context(|| format!("narrowing {}", self.data.display()))?;
        let db = self.data.join("wabro.db");
        SqliteStore::open(&db).await.with_context(|| format!("opening {}", db.display()))
    }

    /// The application over the database, with the certificate keys of the data directory.
    /// Signing keys next to a missing or empty database mean the database was lost or
    /// replaced: the service refuses to start on a new, empty one (its numbering would start
    /// again at 1 and collide with the certificates already issued).
    pub async fn app(&self, config: Config, public_url: &str) -> anyhow::Result<(App, SqliteStore)> {
        let db = self.data.join("wabro.db");
        let empty = std::fs::metadata(&db).map_or(true, |m| m.len() == 0);
        if empty && self.data.join("keys.txt").exists() {
            anyhow::bail!(
                "{} holds signing keys (keys.txt) but its database is missing or empty: the database was lost or \
                 replaced. Restore it from a backup into this directory; to start afresh on purpose, move keys.txt away.",
                self.data.display()
            );
        }
        let store = self.open().await?;
        // A damaged file is refused before the service writes to it.
        store.quick_check(&db).await?;
        // Documents signed with keys that are gone would all verify "not authentic" under a new
        // key: refuse rather than make one.
        if !self.data.join("keys.txt").exists() && store.has_documents().await? {
            anyhow::bail!(
                "{} has issued documents but no keys.txt: restore the keys with the database (wabro restore)",
                self.data.display()
            );
        }
        let keyring = keys::load_or_create(&self.data)?;
        let certificates =
            wabro_app::Certificates { keyring: Arc::new(keyring), public_url: public_url.to_owned() };
        let app =
            App::new(Arc::new(store.clone()), Arc::new(SystemClock), config).with_certificates(certificates);
        Ok((app, store))
    }
}

/// Runs an async subcommand on a Tokio runtime, with logging.
pub fn runtime(f: impl std::future::Future<Output = anyhow::Result<ExitCode>>) -> anyhow::Result<ExitCode> {
    // The level from RUST_LOG (INFO by default); JSON lines for log shippers with
    // WABRO_LOG_FORMAT=json; colours only on a terminal.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_ansi(ansi);
    if std::env::var("WABRO_LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().init();
    } else {
        builder.init();
    }
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?
        .block_on(f)
}

/// `wabro migrate`.
pub async fn migrate(args: DataArgs) -> anyhow::Result<ExitCode> {
    let store = args.open().await?;
    let more = store.migrate().await?;
    println!(
        "database at {} is up to date ({more} further migrations applied)",
        args.data.join("wabro.db").display()
    );
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
