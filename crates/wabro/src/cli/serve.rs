//! `wabro serve`.

use super::DataArgs;
use anyhow::Context;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use wabro_app::demo::{DEMO_PASSWORD, LOGINS};
use wabro_web::{AppState, router};

/// Arguments of `serve`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Address and port to listen on.
    #[arg(long, env = "WABRO_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Load demo data when the database is empty, and print the demo logins.
    #[arg(long)]
    demo: bool,
    /// Mark cookies Secure (set when the service is reached over HTTPS).
    #[arg(long, env = "WABRO_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Approve at once every request whose pre-assessment has no finding (on with --demo).
    #[arg(long, env = "WABRO_INSTANT_DECISION")]
    instant_decision: bool,
    /// The public address of the service, printed in certificates' QR codes.
    #[arg(long, env = "WABRO_PUBLIC_URL")]
    public_url: Option<String>,
    /// Do not run the document worker in this process (run `wabro worker` instead).
    #[arg(long)]
    no_worker: bool,
    /// A reverse proxy whose `X-Forwarded-For` header names the client (repeat for several;
    /// without it, the address that connects is the client).
    #[arg(long, env = "WABRO_TRUSTED_PROXY", value_delimiter = ',')]
    trusted_proxy: Vec<std::net::IpAddr>,
    /// Seconds the requests in flight get to finish after SIGTERM before their connections are
    /// cut.
    #[arg(long, env = "WABRO_SHUTDOWN_GRACE", default_value_t = 30)]
    shutdown_grace: u64,
}

/// The origin (scheme, host and port) of a URL: what browsers send as `Origin`.
fn origin_of(url: &str) -> String {
    let url = url.trim_end_matches('/');
    match url.split_once("://") {
        Some((scheme, rest)) => {
            format!("{}://{}", scheme.to_lowercase(), rest.split('/').next().unwrap_or(""))
        }
        None => url.to_owned(),
    }
}

/// The shared setting that holds the public URL.
pub const PUBLIC_URL_SETTING: &str = "public_url";

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight.
pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config =
        wabro_app::Config { instant_decision: args.instant_decision || args.demo, ..Default::default() };
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{}", args.listen));
    let (app, store) = args.data.app(config, &public_url).await?;
    // The workers of this deployment print the same address in their QR codes.
    wabro_app::ports::Operations::set_setting(&store, PUBLIC_URL_SETTING, &public_url).await?;
    if args.demo {
        let loaded = app.load_demo().await.context("loading demo data")?;
        println!(
            "{}",
            if loaded { "Demo data loaded." } else { "Database not empty: demo data not loaded again." }
        );
        println!("Demo logins (password \"{DEMO_PASSWORD}\"):");
        for l in LOGINS {
            println!("  {:<28} {}", l.email, l.description);
        }
    }
    let app = Arc::new(app);
    if !args.no_worker {
        super::worker::spawn_thread(app.clone())?;
    }
    let state = AppState {
        app,
        secure_cookies: args.secure_cookies,
        public_origin: args.public_url.as_deref().map(origin_of),
        trusted_proxies: std::sync::Arc::new(args.trusted_proxy.clone()),
    };
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("binding {}", args.listen))?;
    println!("Wabro listens on http://{}", listener.local_addr()?);
    // After SIGTERM the requests in flight get `--shutdown-grace` to finish; then the remaining
    // connections (a client that never finishes its headers, say) are cut, and said so.
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async move {
            shutdown().await;
            let _ = stopping.send(());
        });
    let grace = std::time::Duration::from_secs(args.shutdown_grace);
    tokio::select! {
        served = server => served.context("serving")?,
        () = async move {
            let _ = stopped.await;
            tokio::time::sleep(grace).await;
        } => tracing::warn!(seconds = args.shutdown_grace, "connections still open after the shutdown grace: cut"),
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Resolves at SIGTERM or Ctrl-C.
pub async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}
