//! `wabro backup` and `wabro restore`: a consistent copy of a deployment's data (the database
//! and the signing keys) while `serve` runs, and its way back.

use super::DataArgs;
use anyhow::{Context, bail};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `backup`.
#[derive(clap::Args)]
pub struct BackupArgs {
    #[command(flatten)]
    data: DataArgs,
    /// A new directory to write the copy into (`wabro serve --data DEST` starts on it).
    dest: PathBuf,
}

/// Arguments of `restore`.
#[derive(clap::Args)]
pub struct RestoreArgs {
    /// A directory made by `wabro backup`.
    src: PathBuf,
    #[command(flatten)]
    data: DataArgs,
    /// Replace what the data directory holds.
    #[arg(long)]
    force: bool,
}

/// A directory of its owner's alone, which must not exist yet or be empty.
fn new_private_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        bail!("{} is not empty", dir.display());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("creating {}", dir.display()))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    Ok(())
}

/// Copies a file and makes it its owner's alone.
fn copy_private(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to).with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o600))?;
    Ok(())
}

/// `wabro backup --data DIR DEST`: the database through SQLite's `VACUUM INTO` (one consistent
/// snapshot, WAL included, while the service writes), then the keys.
pub async fn backup(args: BackupArgs) -> anyhow::Result<ExitCode> {
    let keys = args.data.data.join("keys.txt");
    if !keys.exists() {
        bail!("{} has no keys.txt: nothing to back up there", args.data.data.display());
    }
    new_private_dir(&args.dest)?;
    let store = args.data.open().await?;
    let copy = args.dest.join("wabro.db");
    store.snapshot_into(&copy).await.with_context(|| format!("writing {}", copy.display()))?;
    store.close().await;
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o600))?;
    copy_private(&keys, &args.dest.join("keys.txt"))?;
    println!("backup of {} written to {}", args.data.data.display(), args.dest.display());
    Ok(ExitCode::SUCCESS)
}

/// `wabro restore SRC --data DIR`: the database and the keys of a backup, into a data directory
/// that is empty (or, with `--force`, whose database and keys are replaced).
pub async fn restore(args: RestoreArgs) -> anyhow::Result<ExitCode> {
    let (db, keys) = (args.src.join("wabro.db"), args.src.join("keys.txt"));
    if !db.exists() || !keys.exists() {
        bail!("{} is not a backup: it needs wabro.db and keys.txt", args.src.display());
    }
    let dir = &args.data.data;
    if args.force {
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        for name in ["wabro.db-wal", "wabro.db-shm"] {
            let _ = std::fs::remove_file(dir.join(name));
        }
    } else {
        new_private_dir(dir)
            .context("restore refuses a data directory that is not empty (give --force to replace it)")?;
    }
    copy_private(&db, &dir.join("wabro.db"))?;
    copy_private(&keys, &dir.join("keys.txt"))?;
    // Open it once: migrations, and the integrity check.
    let store = args.data.open().await?;
    store.close().await;
    println!("restored {} into {}", args.src.display(), dir.display());
    Ok(ExitCode::SUCCESS)
}
