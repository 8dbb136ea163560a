//! `wabro jobs list` and `wabro jobs retry`: the document jobs that failed for good.

use super::DataArgs;
use std::process::ExitCode;
use wabro_app::ports::Operations;

/// Job commands.
#[derive(clap::Subcommand)]
pub enum Jobs {
    /// How the document jobs stand, and the ones given up with their last error.
    List(DataArgs),
    /// Puts every failed job back in the queue (after the cause, a full disk say, is gone).
    Retry(DataArgs),
}

/// Runs a job command.
pub async fn run(cmd: Jobs) -> anyhow::Result<ExitCode> {
    match cmd {
        Jobs::List(data) => {
            let store = data.open().await?;
            let stats = store.job_stats().await?;
            println!("{} pending, {} failed", stats.pending, stats.failed);
            for job in store.failed_jobs().await? {
                println!(
                    "failed job {} for {} after {} attempts: {}",
                    job.id, job.transaction_number, job.attempts, job.last_error
                );
            }
            store.close().await;
        }
        Jobs::Retry(data) => {
            let store = data.open().await?;
            let n = store.retry_failed_jobs().await?;
            println!("{n} failed job(s) put back in the queue");
            store.close().await;
        }
    }
    Ok(ExitCode::SUCCESS)
}
