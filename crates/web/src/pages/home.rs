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
    kind: &'static str,
    recent: Vec<RecentRow>,
    drafts: Vec<DraftRow>,
    extendable: Vec<RecentRow>,
}

/// The tab of a kind.
pub fn tab_path(kind: RequestKind) -> String {
    match kind {
        RequestKind::Posting => "/posting",
        RequestKind::SimultaneousOccupation => "/simultaneous",
        RequestKind::Seafarer => "/seafarer",
    }
    .to_owned()
}

/// A country code as a name.
pub fn country_name(tr: Tr, code: &str) -> String {
    Country::parse(code).map(|c| tr.country(c).to_owned()).unwrap_or_else(|_| code.to_owned())
}

/// `GET /`.
pub async fn root(ctx: Ctx) -> Response {
    match ctx.actor() {
        Some(a) if a.agent().is_some() => redirect("/agent"),
        Some(_) => redirect("/posting"),
        None => redirect("/login"),
    }
}

/// `GET /posting`.
pub async fn posting(state: State<AppState>, who: Employer) -> Response {
    tab(state, who, RequestKind::Posting).await
}

/// `GET /simultaneous`.
pub async fn simultaneous(state: State<AppState>, who: Employer) -> Response {
    tab(state, who, RequestKind::SimultaneousOccupation).await
}

/// `GET /seafarer`.
pub async fn seafarer(state: State<AppState>, who: Employer) -> Response {
    tab(state, who, RequestKind::Seafarer).await
}

fn row(tr: Tr, r: wabro_app::ports::RequestRow) -> RecentRow {
    RecentRow {
        number: r.transaction_number,
        worker: r.worker_name,
        country: country_name(tr, &r.country),
        period: format!("{} – {}", tr.date(r.start), tr.date(r.end)),
        status: tr.t(&format!("status-{}", r.status)),
    }
}

/// A request tab: start a request of this kind, from scratch or from an earlier one, extend
/// one (simultaneous occupation), or continue a draft.
async fn tab(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    kind: RequestKind,
) -> Response {
    let tr = ctx.tr();
    let q = wabro_app::SearchQuery { kind: Some(kind.code().to_owned()), ..Default::default() };
    let recent = match state.app.search_requests(&employer, &q).await {
        Ok(r) => r.rows,
        Err(e) => return app_error(&ctx, e),
    };
    let extendable = if kind == RequestKind::SimultaneousOccupation {
        let q = wabro_app::SearchQuery {
            kind: Some(kind.code().to_owned()),
            decision: Some("approved".into()),
            ..Default::default()
        };
        match state.app.search_requests(&employer, &q).await {
            Ok(r) => r.rows.into_iter().map(|r| row(tr, r)).collect(),
            Err(e) => return app_error(&ctx, e),
        }
    } else {
        Vec::new()
    };
    let drafts = match state.app.open_drafts(&employer).await {
        Ok(d) => d,
        Err(e) => return app_error(&ctx, e),
    };
    let recent = recent.into_iter().map(|r| row(tr, r)).collect();
    let drafts = drafts
        .into_iter()
        .filter(|d| d.kind == kind)
        .map(|d| {
            let name = [d.input.employee.family_name.as_deref(), d.input.employee.given_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let kind_label = tr.t(&format!("kind-{}", d.kind.code()));
            let label = if name.is_empty() {
                format!("{kind_label} — {}", tr.t("home-draft-untitled"))
            } else {
                format!("{kind_label} — {name}")
            };
            DraftRow {
                id: d.id,
                label,
                updated: tr.ta("home-draft-updated", &[("date", &tr.date(d.updated_at.date()))]),
            }
        })
        .collect();
    ok(&HomePage {
        p: Page::new(&ctx, &format!("home-title-{}", kind.code())),
        kind: kind.code(),
        recent,
        drafts,
        extendable,
    })
}

/// `POST /requests/new`: a blank draft, or one based on an earlier request.
pub async fn new_request(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    form: CsrfForm,
) -> Response {
    let kind = form.get("kind").and_then(RequestKind::parse).unwrap_or(RequestKind::Posting);
    let based_on = form.get("based_on").filter(|s| !s.is_empty());
    if let Some(tx) = form.get("extend").filter(|s| !s.is_empty()) {
        return match state.app.extend(&employer, tx).await {
            Ok(id) => redirect(&format!("/drafts/{id}/step/1")),
            Err(e) => app_error(&ctx, e),
        };
    }
    match state.app.new_draft(&employer, kind, based_on, ctx.lang).await {
        Ok(id) => redirect(&format!("/drafts/{id}/step/1")),
        Err(e) => app_error(&ctx, e),
    }
}

/// Anything else: 404.
pub async fn not_found(ctx: Ctx) -> Response {
    error_page(&ctx, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found")
}
