//! The document worker: issues the documents of decisions, inside `serve` or on its own.

use super::DataArgs;
use super::serve::PUBLIC_URL_SETTING;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use wabro_app::App;
use wabro_app::ports::Operations;

/// Arguments of `worker`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// The public address printed in the QR codes. Without it, the one `wabro serve` recorded
    /// for this database is used, so that every process prints the same.
    #[arg(long, env = "WABRO_PUBLIC_URL")]
    public_url: Option<String>,
}

/// Processes jobs every second until `stop` turns true; a batch under way is finished first.
pub async fn run_loop(app: Arc<App>, mut stop: watch::Receiver<bool>) {
    while !*stop.borrow() {
        match app.process_jobs().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(documents = n, "issued"),
            Err(e) => tracing::error!(error = %e, "worker"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = stop.changed() => {}
        }
    }
    tracing::info!("worker stopped");
}

/// Runs the worker on a thread of its own with its own single-threaded runtime, so that
/// rendering (a few milliseconds of CPU per document) never holds up the threads that answer
/// requests. It runs as long as the process.
pub fn spawn_thread(app: Arc<App>) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let (keep, stop) = watch::channel(false);
    std::thread::Builder::new().name("wabro-worker".into()).spawn(move || {
        let _keep = keep;
        runtime.block_on(run_loop(app, stop))
    })?;
    Ok(())
}

/// `wabro worker`: until SIGTERM or Ctrl-C, then finishes the batch under way and exits.
pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.data.open().await?;
    let public_url = match args.public_url {
        Some(url) => url,
        None => store.setting(PUBLIC_URL_SETTING).await?.ok_or_else(|| {
            anyhow::anyhow!(
                "no public URL: give --public-url (or WABRO_PUBLIC_URL), or start `wabro serve` once on this database"
            )
        })?,
    };
    store.close().await;
    let (app, _store) = args.data.app(wabro_app::Config::default(), &public_url).await?;
    let (tell, stop) = watch::channel(false);
    let worker = tokio::spawn(run_loop(Arc::new(app), stop));
    super::serve::shutdown().await;
    let _ = tell.send(true);
    let _ = worker.await;
    Ok(ExitCode::SUCCESS)
}
