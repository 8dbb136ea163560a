//! `wabro check`: the full integrity check of the database and of the audit chain.

use super::DataArgs;
use std::process::ExitCode;
use wabro_app::ports::AuditTrail;

/// Runs the checks: exit 0 when both hold, 1 with what is wrong. A file too damaged to open
/// or to read through is reported damaged too.
pub async fn run(data: DataArgs) -> anyhow::Result<ExitCode> {
    let store = match data.open().await {
        Ok(store) => store,
        Err(e) => return Ok(damaged(&[format!("{e:#}")])),
    };
    let integrity = store.integrity_check().await.unwrap_or_else(|e| vec![e.to_string()]);
    let chain = store.verify_audit().await;
    store.close().await;
    if integrity != ["ok"] {
        return Ok(damaged(&integrity));
    }
    println!("database: ok");
    match chain {
        Ok(chain) if chain.first_broken.is_none() => {
            println!("audit chain: intact ({} records)", chain.records);
            Ok(ExitCode::SUCCESS)
        }
        Ok(chain) => {
            println!("audit chain: broken at record {}", chain.first_broken.unwrap_or_default());
            Ok(ExitCode::from(1))
        }
        Err(e) => {
            println!("audit chain: unreadable ({e})");
            Ok(ExitCode::from(1))
        }
    }
}

fn damaged(what: &[String]) -> ExitCode {
    println!("database: damaged");
    for line in what.iter().take(20) {
        println!("  {line}");
    }
    println!("restore the latest backup");
    ExitCode::from(1)
}
