//! The e-Box, document downloads, the NSSO's print queue, and public verification.

use super::home::country_name;
use crate::AppState;
use crate::context::{Agent, CsrfForm, Ctx, Employer, urlencode};
use crate::render::{Errors, Page, app_error, error_page, error_page_text, html, ok, redirect, too_many};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use wabro_app::ports::DocumentRow;
use wabro_app::{AppError, Verification};
use wabro_domain::Code;
use wabro_i18n::Tr;

/// A document as listed.
pub struct DocLine {
    number: String,
    kind: String,
    holder: String,
    period: String,
    status: String,
    enterprise: String,
    read: bool,
}

fn line(tr: Tr, d: DocumentRow) -> DocLine {
    // A rejection letter admits no period and is never "valid": it says the request was refused.
    let rejection = d.kind == "rejection";
    DocLine {
        kind: tr.t(&format!("doc-kind-{}", d.kind)),
        holder: d.holder_name,
        period: if rejection {
            "—".to_owned()
        } else {
            format!("{} – {}", tr.date(d.valid_from), tr.date(d.valid_to))
        },
        status: if rejection {
            tr.t("doc-status-refusal")
        } else {
            tr.t(&format!("doc-status-{}", d.status))
        },
        enterprise: d.enterprise,
        read: d.read,
        number: d.document_number,
    }
}

#[derive(Template)]
#[template(path = "ebox.html")]
struct EboxPage {
    p: Page,
    docs: Vec<DocLine>,
}

#[derive(Template)]
#[template(path = "print.html")]
struct PrintPage {
    p: Page,
    docs: Vec<DocLine>,
    /// Documents that could not be issued: (transaction number, attempts, last error).
    failed: Vec<(String, u32, String)>,
}

/// A verified document, ready to show (no personal number).
pub struct Verified {
    number: String,
    kind: String,
    period: String,
    state: String,
    countries: String,
    holder: String,
    /// Whether the document certifies coverage (a rejection letter does not: no period or
    /// State is shown for it).
    coverage: bool,
}

/// The verdict of a verification.
pub struct Verdict {
    class: &'static str,
    headline: String,
    doc: Option<Verified>,
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    p: Page,
    e: Errors,
    verdict: Option<Verdict>,
    number: String,
    birth_date: String,
}

fn pdf(bytes: Vec<u8>, number: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{number}.pdf\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /ebox`.
pub async fn ebox(State(state): State<AppState>, Employer { ctx, employer }: Employer) -> Response {
    let tr = ctx.tr();
    match state.app.ebox(&employer).await {
        Ok(docs) => ok(&EboxPage {
            p: Page::new(&ctx, "nav-ebox"),
            docs: docs.into_iter().map(|d| line(tr, d)).collect(),
        }),
        Err(e) => app_error(&ctx, e),
    }
}

/// `GET /documents/{number}`: the PDF, only for a user of the document's enterprise (anyone
/// else gets 404, logged in or not). A GET changes nothing: the e-Box opens an unread
/// document through `POST /documents/{number}/read`, which then comes here.
pub async fn download(State(state): State<AppState>, ctx: Ctx, Path(number): Path<String>) -> Response {
    let Some(employer) = ctx.actor().and_then(|a| a.employer()) else {
        return error_page(&ctx, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found");
    };
    match state.app.document_pdf(&employer, &number).await {
        Ok(bytes) => pdf(bytes, &number),
        Err(e) => app_error(&ctx, e),
    }
}

/// `POST /documents/{number}/read`: marks it read, then opens it (`open=1`) or goes back to the
/// e-Box.
pub async fn mark_read(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(number): Path<String>,
    form: CsrfForm,
) -> Response {
    match state.app.mark_read(&employer, &number).await {
        Ok(()) if form.get("open") == Some("1") => redirect(&format!("/documents/{}", urlencode(&number))),
        Ok(()) => redirect("/ebox"),
        Err(e) => app_error(&ctx, e),
    }
}

/// `GET /agent/print`.
pub async fn print_queue(State(state): State<AppState>, Agent { ctx, agent }: Agent) -> Response {
    let tr = ctx.tr();
    let failed = match state.app.failed_documents(&agent).await {
        Ok(jobs) => jobs.into_iter().map(|j| (j.transaction_number, j.attempts, j.last_error)).collect(),
        Err(e) => return app_error(&ctx, e),
    };
    match state.app.print_queue(&agent).await {
        Ok(docs) => ok(&PrintPage {
            p: Page::new(&ctx, "nav-print"),
            docs: docs.into_iter().map(|d| line(tr, d)).collect(),
            failed,
        }),
        Err(e) => app_error(&ctx, e),
    }
}

/// `POST /agent/print/retry`: puts the documents that could not be issued back in the queue.
pub async fn retry_failed(
    State(state): State<AppState>,
    Agent { ctx, agent }: Agent,
    _f: CsrfForm,
) -> Response {
    match state.app.retry_failed_documents(&agent).await {
        Ok(_) => redirect("/agent/print"),
        Err(e) => app_error(&ctx, e),
    }
}

/// `GET /agent/print/{number}`: the PDF to print.
pub async fn print_pdf(
    State(state): State<AppState>,
    Agent { ctx, agent }: Agent,
    Path(number): Path<String>,
) -> Response {
    match state.app.agent_document_pdf(&agent, &number).await {
        Ok(bytes) => pdf(bytes, &number),
        Err(e) => app_error(&ctx, e),
    }
}

/// `POST /agent/print/{number}/sent`.
pub async fn mark_sent(
    State(state): State<AppState>,
    Agent { ctx, agent }: Agent,
    Path(number): Path<String>,
    _f: CsrfForm,
) -> Response {
    match state.app.mark_printed(&agent, &number).await {
        Ok(()) => redirect("/agent/print"),
        Err(e) => app_error(&ctx, e),
    }
}

/// Query of the verification page: the QR token, or a document number with the holder's
/// date of birth.
#[derive(Deserialize, Default)]
pub struct VerifyQuery {
    t: Option<String>,
    n: Option<String>,
    b: Option<String>,
}

impl VerifyQuery {
    fn asked(&self) -> bool {
        self.t.is_some() || self.n.is_some()
    }
}

fn verdict(tr: Tr, v: Verification) -> Verdict {
    let (class, key, doc) = match v {
        Verification::Valid(d) => ("valid", "verify-valid", Some(d)),
        Verification::Rejection(d) => ("rejection", "verify-rejection", Some(d)),
        Verification::Withdrawn(d) => ("withdrawn", "verify-withdrawn", Some(d)),
        Verification::Expired(d) => ("expired", "verify-expired", Some(d)),
        Verification::BirthDateNeeded => ("unknown", "verify-birth-date-needed", None),
        Verification::Unknown => ("unknown", "verify-unknown", None),
        Verification::NotAuthentic => ("forged", "verify-not-authentic", None),
    };
    Verdict {
        class,
        headline: tr.t(key),
        doc: doc.map(|d| Verified {
            kind: tr.t(&format!("doc-kind-{}", d.kind)),
            coverage: d.kind != "rejection",
            period: format!("{} – {}", tr.date(d.valid_from), tr.date(d.valid_to)),
            state: country_name(tr, &d.state),
            countries: d.countries.split(',').map(|c| country_name(tr, c)).collect::<Vec<_>>().join(", "),
            holder: format!("{} ({})", d.holder_name, d.birth_year),
            number: d.document_number,
        }),
    }
}

/// "Too many verifications … try again in n seconds", in the translator's language.
fn wait_message(tr: Tr, retry_after_secs: u64) -> String {
    let params = [("seconds".to_owned(), retry_after_secs.to_string())].into_iter().collect();
    tr.code(Code::VerifyRateLimited, &params)
}

/// `GET /verify`: public, no login.
pub async fn verify(State(state): State<AppState>, ctx: Ctx, Query(q): Query<VerifyQuery>) -> Response {
    let mut issues = Vec::new();
    let verdict = if q.asked() {
        match state.app.verify(ctx.origin, q.t.as_deref(), q.n.as_deref(), q.b.as_deref()).await {
            Ok(v) => Some(verdict(ctx.tr(), v)),
            Err(AppError::Invalid(found)) => {
                issues = found;
                None
            }
            Err(AppError::RateLimited { retry_after_secs }) => {
                let (tr, message) = (ctx.tr(), wait_message(ctx.tr(), retry_after_secs));
                return too_many(
                    retry_after_secs,
                    error_page_text(&ctx, StatusCode::TOO_MANY_REQUESTS, &tr.t("verify-title"), &message),
                );
            }
            Err(e) => return app_error(&ctx, e),
        }
    } else {
        None
    };
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    html(
        status,
        &VerifyPage {
            p: Page::new(&ctx, "verify-title"),
            e: Errors::new(ctx.tr(), &issues),
            verdict,
            number: q.n.unwrap_or_default(),
            birth_date: q.b.unwrap_or_default(),
        },
    )
}

/// An `application/problem+json` answer with a stable code.
fn problem(status: StatusCode, code: Code, title: &str) -> Response {
    let body = serde_json::json!({
        "type": format!("urn:wabro:problem:{}", code.as_str()),
        "title": title,
        "status": status.as_u16(),
        "code": code.as_str(),
    });
    (status, [(header::CONTENT_TYPE, "application/problem+json")], body.to_string()).into_response()
}

/// `GET /verify.json`: the same answer for inspectors' apps (`t`, or `n` with `b`, the
/// holder's date of birth).
pub async fn verify_json(State(state): State<AppState>, ctx: Ctx, Query(q): Query<VerifyQuery>) -> Response {
    let tr = Tr::new(wabro_domain::Lang::En);
    let v = match state.app.verify(ctx.origin, q.t.as_deref(), q.n.as_deref(), q.b.as_deref()).await {
        Ok(v) => v,
        Err(AppError::RateLimited { retry_after_secs }) => {
            let title = wait_message(tr, retry_after_secs);
            return too_many(
                retry_after_secs,
                problem(StatusCode::TOO_MANY_REQUESTS, Code::VerifyRateLimited, &title),
            );
        }
        Err(AppError::Invalid(issues)) => {
            let code = issues.first().map(|i| i.code).unwrap_or(Code::DateInvalid);
            return problem(StatusCode::BAD_REQUEST, code, &tr.code(code, &Default::default()));
        }
        Err(_) => {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({ "status": "unavailable" })),
            )
                .into_response();
        }
    };
    let (status, doc) = match v {
        Verification::Valid(d) => ("valid", Some(d)),
        Verification::Rejection(d) => ("rejection", Some(d)),
        Verification::Withdrawn(d) => ("withdrawn", Some(d)),
        Verification::Expired(d) => ("expired", Some(d)),
        Verification::BirthDateNeeded => {
            let code = Code::VerifyBirthDateRequired;
            return problem(StatusCode::BAD_REQUEST, code, &tr.code(code, &Default::default()));
        }
        Verification::Unknown => ("unknown", None),
        Verification::NotAuthentic => ("not_authentic", None),
    };
    let body = match doc {
        Some(d) if d.kind == "rejection" => serde_json::json!({
            "status": status,
            "certifies_coverage": false,
            "document_number": d.document_number,
            "document_type": d.kind,
            "institution": "BE:NSSO",
            "holder": { "name": d.holder_name, "birth_year": d.birth_year },
        }),
        Some(d) => serde_json::json!({
            "status": status,
            "certifies_coverage": status == "valid",
            "document_number": d.document_number,
            "document_type": d.kind,
            "valid_from": d.valid_from.to_string(),
            "valid_to": d.valid_to.to_string(),
            "state": d.state,
            "countries": d.countries.split(',').collect::<Vec<_>>(),
            "institution": "BE:NSSO",
            "holder": { "name": d.holder_name, "birth_year": d.birth_year },
        }),
        None => serde_json::json!({ "status": status }),
    };
    axum::Json(body).into_response()
}
