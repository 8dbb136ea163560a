//! The document worker: issues the documents of decisions, inside `serve` or on its own.

use super::DataArgs;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use wabro_app::App;

/// Arguments of `worker`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// The public address printed in the QR codes.
    #[arg(long, env = "WABRO_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    public_url: String,
}

/// Processes jobs every second, forever.
pub async fn run_loop(app: Arc<App>) {
    loop {
        match app.process_jobs().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(documents = n, "issued"),
            Err(e) => tracing::error!(error = %e, "worker"),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Runs the worker on a thread of its own with its own single-threaded runtime, so that
/// rendering (a few milliseconds of CPU per document) never holds up the threads that answer
/// requests.
pub fn spawn_thread(app: Arc<App>) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    std::thread::Builder::new().name("wabro-worker".into()).spawn(move || runtime.block_on(run_loop(app)))?;
    Ok(())
}

/// `wabro worker`.
pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (app, _store) = args.data.app(wabro_app::Config::default(), &args.public_url).await?;
    let app = Arc::new(app);
    tokio::select! {
        _ = run_loop(app) => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    Ok(ExitCode::SUCCESS)
}
