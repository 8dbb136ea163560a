//! `wabro check`: the full integrity check of the database and of the audit chain.

use super::DataArgs;
use std::process::ExitCode;
use wabro_app::ports::AuditTrail;

/// Runs the checks: exit 0 when both hold, 1 with what is wrong.
pub async fn run(data: DataArgs) -> anyhow::Result<ExitCode> {
    let store = match data.open().await {
        Ok(store) => store,
        Err(e) => {
            // Opening runs the quick check already: a damaged file stops here.
            println!("database: damaged\n  {e:#}\nrestore the latest backup");
            return Ok(ExitCode::from(1));
        }
    };
    let integrity = store.integrity_check().await?;
    let chain = store.verify_audit().await?;
    store.close().await;
    let mut sound = true;
    if integrity == ["ok"] {
        println!("database: ok");
    } else {
        sound = false;
        println!("database: damaged");
        for line in integrity.iter().take(20) {
            println!("  {line}");
        }
        println!("restore the latest backup");
    }
    match chain.first_broken {
        None => println!("audit chain: intact ({} records)", chain.records),
        Some(id) => {
            sound = false;
            println!("audit chain: broken at record {id}");
        }
    }
    Ok(if sound { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
