//! The home page of the "Posting request" tab: start a request, continue a draft.

use crate::AppState;
use crate::context::{CsrfForm, Ctx, Employer};
use crate::render::{Page, app_error, error_page, ok, redirect};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use wabro_domain::{Country, RequestKind};
use wabro_i18n::Tr;

/// A request as listed.
pub struct RecentRow {
    /// Transaction number.
    pub number: String,
    /// Worker name.
    pub worker: String,
    /// Country name.
    pub country: String,
    /// Requested period.
    pub period: String,
    /// Status, translated.
    pub status: String,
}

/// A draft as listed.
pub struct DraftRow {
    /// Id.
    pub id: String,
    /// What it is about.
    pub label: String,
    /// When it was last saved.
    pub updated: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    p: Page,
    recent: Vec<RecentRow>,
    drafts: Vec<DraftRow>,
}

/// A country code as a name.
pub fn country_name(tr: Tr, code: &str) -> String {
    Country::parse(code).map(|c| tr.country(c).to_owned()).unwrap_or_else(|_| code.to_owned())
}

/// `GET /`.
pub async fn root(ctx: Ctx) -> Response {
    match ctx.actor() {
        Some(_) => redirect("/posting"),
        None => redirect("/login"),
    }
}

/// `GET /posting`.
pub async fn posting(State(state): State<AppState>, Employer { ctx, employer }: Employer) -> Response {
    let tr = ctx.tr();
    let recent = match state.app.recent_requests(&employer, 10).await {
        Ok(r) => r,
        Err(e) => return app_error(&ctx, e),
    };
    let drafts = match state.app.open_drafts(&employer).await {
        Ok(d) => d,
        Err(e) => return app_error(&ctx, e),
    };
    let recent = recent
        .into_iter()
        .map(|r| RecentRow {
            number: r.transaction_number,
            worker: r.worker_name,
            country: country_name(tr, &r.country),
            period: format!("{} – {}", tr.date(r.start), tr.date(r.end)),
            status: tr.t(&format!("status-{}", r.status)),
        })
        .collect();
    let drafts = drafts
        .into_iter()
        .map(|d| {
            let name = [d.input.employee.family_name.as_deref(), d.input.employee.given_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let label = if name.is_empty() {
                tr.t("home-draft-untitled")
            } else {
                format!("{} — {name}", tr.t("kind-posting"))
            };
            DraftRow {
                id: d.id,
                label,
                updated: tr.ta("home-draft-updated", &[("date", &tr.date(d.updated_at.date()))]),
            }
        })
        .collect();
    ok(&HomePage { p: Page::new(&ctx, "home-title"), recent, drafts })
}

/// `POST /requests/new`: a blank draft, or one based on an earlier request.
pub async fn new_request(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    form: CsrfForm,
) -> Response {
    let kind = form.get("kind").and_then(RequestKind::parse).unwrap_or(RequestKind::Posting);
    let based_on = form.get("based_on").filter(|s| !s.is_empty());
    match state.app.new_draft(&employer, kind, based_on, ctx.lang).await {
        Ok(id) => redirect(&format!("/drafts/{id}/step/1")),
        Err(e) => app_error(&ctx, e),
    }
}

/// Anything else: 404.
pub async fn not_found(ctx: Ctx) -> Response {
    error_page(&ctx, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found")
}
