//! `wabro audit verify`: recomputes the audit trail's hash chain and says where it breaks.

use super::DataArgs;
use std::process::ExitCode;
use wabro_app::ports::AuditTrail;

/// Audit commands.
#[derive(clap::Subcommand)]
pub enum Audit {
    /// Checks that no audit record was edited or removed by hand: exit 0 when the chain
    /// holds, 1 with the first broken record's id when it does not.
    Verify(DataArgs),
}

/// Runs an audit command.
pub async fn run(cmd: Audit) -> anyhow::Result<ExitCode> {
    let Audit::Verify(data) = cmd;
    let store = data.open().await?;
    let check = store.verify_audit().await?;
    store.close().await;
    Ok(match check.first_broken {
        None => {
            println!("audit chain intact: {} records", check.records);
            ExitCode::SUCCESS
        }
        Some(id) => {
            println!(
                "audit chain broken at record {id}: it, or the record before it, was changed or removed"
            );
            ExitCode::from(1)
        }
    })
}
