//! Wabro's web layer: server-rendered pages (askama) over the application layer. Every action
//! is a real form; nothing needs JavaScript.
#![forbid(unsafe_code)]

mod context;
mod form;
mod log;
mod pages;
mod render;
mod security;

use axum::Router;
use axum::http::header;
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use std::sync::Arc;
use wabro_app::App;

pub use context::{ANON_COOKIE, LANG_COOKIE, SESSION_COOKIE, client_address, csrf_token};

/// The largest request body: a form of the service is a few kilobytes (every free text is at
/// most 2,000 characters); a larger body is answered `413` without being read.
pub const MAX_BODY: usize = 64 * 1024;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The application layer.
    pub app: Arc<App>,
    /// Served over TLS: cookies are `Secure` with `__Host-` names, and responses carry
    /// `Strict-Transport-Security`.
    pub secure_cookies: bool,
    /// The origin (`https://wabro.example.be`) every form must come from; without it, the
    /// origin is the request's `Host` with the scheme `secure_cookies` implies.
    pub public_origin: Option<String>,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<Vec<std::net::IpAddr>>,
}

impl AppState {
    /// Plain HTTP, no configured origin, no proxy: for tests and local use.
    pub fn new(app: Arc<App>) -> AppState {
        AppState { app, secure_cookies: false, public_origin: None, trusted_proxies: Arc::new(Vec::new()) }
    }

    /// The name a cookie has on the wire: `__Host-` prefixed over TLS, so that no other host
    /// (a sibling subdomain) can plant it.
    pub fn cookie_name(&self, base: &str) -> String {
        if self.secure_cookies { format!("__Host-{base}") } else { base.to_owned() }
    }
}

/// The whole site.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home::root))
        .route("/health", get(health))
        .route("/health/ready", get(ready))
        .route("/static/app.css", get(css))
        .route("/login", get(pages::auth::login_page).post(pages::auth::login))
        .route("/logout", post(pages::auth::logout))
        .route("/lang", post(pages::auth::set_lang))
        .route("/account/sessions", get(pages::account::sessions))
        .route("/account/password", get(pages::account::password).post(pages::account::change_password))
        .route("/users/{id}/password", get(pages::users::password_page).post(pages::users::reset_password))
        .route("/account/sessions/others", post(pages::account::log_out_others))
        .route("/posting", get(pages::home::posting))
        .route("/simultaneous", get(pages::home::simultaneous))
        .route("/seafarer", get(pages::home::seafarer))
        .route("/requests/new", post(pages::home::new_request))
        .route("/drafts/{id}/step/{n}", get(pages::wizard::step_page).post(pages::wizard::step_post))
        .route("/drafts/{id}/employee", post(pages::wizard::select_employee))
        .route("/drafts/{id}/discard", post(pages::wizard::discard))
        .route("/drafts/{id}/places/new", get(pages::places::new_page))
        .route("/drafts/{id}/places/{i}", get(pages::places::edit_page).post(pages::places::save))
        .route("/drafts/{id}/summary", get(pages::summary::page))
        .route("/drafts/{id}/submit", post(pages::summary::submit))
        .route("/requests/{tx}", get(pages::summary::confirmation))
        .route("/requests/{tx}/reuse", post(pages::summary::reuse))
        .route("/consult", get(pages::consult::consult))
        .route("/consult/{tx}", get(pages::consult::detail))
        .route("/cancel", get(pages::consult::cancel_list))
        .route("/cancel/{tx}", get(pages::consult::cancel_page).post(pages::consult::cancel_post))
        .route("/ebox", get(pages::documents::ebox))
        .route("/documents/{number}", get(pages::documents::download))
        .route("/documents/{number}/read", post(pages::documents::mark_read))
        .route("/verify", get(pages::documents::verify))
        .route("/verify.json", get(pages::documents::verify_json))
        .route("/agent/print", get(pages::documents::print_queue))
        .route("/agent/print/retry", post(pages::documents::retry_failed))
        .route("/agent/print/{number}", get(pages::documents::print_pdf))
        .route("/agent/print/{number}/sent", post(pages::documents::mark_sent))
        .route("/agent", get(pages::agent::queue))
        .route("/agent/requests/{tx}", get(pages::agent::request))
        .route("/agent/requests/{tx}/approve", post(pages::agent::approve))
        .route("/agent/requests/{tx}/reject", post(pages::agent::reject))
        .route("/admin/audit", get(pages::audit::page))
        .route("/admin/audit.csv", get(pages::audit::export))
        .route("/users", get(pages::users::page).post(pages::users::create))
        .route("/users/{id}/state", post(pages::users::set_state))
        .fallback(pages::home::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(state.clone(), context::layer))
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(middleware::from_fn(log::requests))
        .with_state(state)
}

/// `GET /health`: 200 with a small JSON body once the database answers, 503 otherwise.
async fn health(axum::extract::State(state): axum::extract::State<AppState>) -> axum::response::Response {
    match state.app.health().await {
        Ok(()) => axum::Json(serde_json::json!({ "status": "ok" })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({ "status": "unavailable" })),
            )
                .into_response()
        }
    }
}

/// `GET /health/ready`: 200 when the database takes a write and the document worker keeps up,
/// else 503; what was checked, and the version, as JSON.
async fn ready(axum::extract::State(state): axum::extract::State<AppState>) -> axum::response::Response {
    let version = env!("CARGO_PKG_VERSION");
    match state.app.readiness().await {
        Ok(r) => {
            let body = serde_json::json!({
                "status": if r.ready { "ready" } else { "not_ready" },
                "version": version,
                "database_writable": r.writable,
                "jobs_pending": r.jobs.pending,
                "jobs_failed": r.jobs.failed,
                "oldest_pending_job_seconds": r.oldest_pending_seconds,
            });
            let status = if r.ready {
                axum::http::StatusCode::OK
            } else {
                axum::http::StatusCode::SERVICE_UNAVAILABLE
            };
            (status, axum::Json(body)).into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "readiness check failed");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({ "status": "not_ready", "version": version })),
            )
                .into_response()
        }
    }
}

async fn css() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../static/app.css"),
    )
}
