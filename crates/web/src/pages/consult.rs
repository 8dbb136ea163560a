//! Consult and cancel: search the enterprise's requests (criteria in the URL), a request's
//! detail with its history, and cancelling with a justification.

use super::home::country_name;
use super::summary::{Section, sections};
use crate::AppState;
use crate::context::{CsrfForm, Ctx, Employer};
use crate::form::Values;
use crate::render::{Errors, Page, app_error, html, redirect};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use wabro_app::ports::{RequestRow, SortKey};
use wabro_app::{AppError, SearchPage, SearchQuery};
use wabro_domain::{Decision, Issue, OutputChannel, RequestKind, Territory};
use wabro_i18n::Tr;

/// A sortable column header.
pub struct Header {
    label: String,
    href: String,
    arrow: &'static str,
    aria: Option<&'static str>,
}

/// A result row, ready to show.
pub struct Row {
    number: String,
    kind: String,
    ssin: String,
    worker: String,
    country: String,
    status: String,
    admitted: String,
    requested: String,
}

/// A page of results, ready to show.
pub struct Results {
    rows: Vec<Row>,
    headers: Vec<Header>,
    count_text: String,
    page_text: String,
    prev: Option<String>,
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "consult.html")]
struct ConsultPage {
    p: Page,
    e: Errors,
    q: Values,
    action: &'static str,
    cancel_mode: bool,
    kinds: Vec<(&'static str, String)>,
    territories: Vec<(&'static str, &'static str)>,
    statuses: Vec<(&'static str, String)>,
    decisions: Vec<(&'static str, String)>,
    results: Option<Results>,
}

#[derive(Template)]
#[template(path = "detail.html")]
struct DetailPage {
    p: Page,
    number: String,
    notice: Option<String>,
    kind: String,
    status: String,
    decision: Option<String>,
    requested: String,
    admitted: String,
    channel: String,
    cancel_reason: Option<String>,
    extends: Option<String>,
    extended_by: Option<String>,
    cancellable: bool,
    sections: Vec<Section>,
    history: Vec<(String, String, String)>,
    documents: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "cancel.html")]
struct CancelPage {
    p: Page,
    e: Errors,
    number: String,
    sections: Vec<Section>,
    withdraws: bool,
    justification: String,
}

fn period(tr: Tr, start: Option<time::Date>, end: Option<time::Date>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{} – {}", tr.date(s), tr.date(e)),
        _ => "—".to_owned(),
    }
}

fn status_label(tr: Tr, status: &str, decision: Option<&str>) -> String {
    let s = tr.t(&format!("status-{status}"));
    match decision {
        Some(d) => format!("{s} ({})", tr.t(&format!("decision-{d}"))),
        None => s,
    }
}

/// The query string of the criteria, without paging and sorting.
fn criteria_query(q: &SearchQuery) -> Vec<(&'static str, String)> {
    let pairs: [(&'static str, &Option<String>); 14] = [
        ("number", &q.number),
        ("kind", &q.kind),
        ("ssin", &q.ssin),
        ("name", &q.name),
        ("country", &q.country),
        ("territory", &q.territory),
        ("requested_from", &q.requested_from),
        ("requested_to", &q.requested_to),
        ("admitted_from", &q.admitted_from),
        ("admitted_to", &q.admitted_to),
        ("abroad_from", &q.abroad_from),
        ("abroad_to", &q.abroad_to),
        ("status", &q.status),
        ("decision", &q.decision),
    ];
    pairs
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|s| (k, s.to_owned())))
        .collect()
}

fn url(action: &str, params: &[(&str, String)]) -> String {
    if params.is_empty() {
        action.to_owned()
    } else {
        format!("{action}?{}", serde_urlencoded::to_string(params).unwrap_or_default())
    }
}

fn results(tr: Tr, action: &str, q: &SearchQuery, page: SearchPage) -> Results {
    let base = criteria_query(q);
    let current = q.sort.as_deref().and_then(SortKey::parse).unwrap_or(SortKey::Number);
    let descending = match q.dir.as_deref() {
        Some("asc") => false,
        Some(_) => true,
        None => current == SortKey::Number,
    };
    let headers = SortKey::ALL
        .iter()
        .map(|(key, code)| {
            let active = *key == current;
            // A second click on the active column reverses it; another column starts ascending.
            let next_dir = if active && !descending { "desc" } else { "asc" };
            let mut params = base.clone();
            params.push(("sort", (*code).to_owned()));
            params.push(("dir", next_dir.to_owned()));
            Header {
                label: tr.t(&format!("col-{code}")),
                href: url(action, &params),
                arrow: if !active {
                    ""
                } else if descending {
                    " ▼"
                } else {
                    " ▲"
                },
                aria: active.then_some(if descending { "descending" } else { "ascending" }),
            }
        })
        .collect();
    let with_page = |n: u32| {
        let mut params = base.clone();
        if let Some(s) = &q.sort {
            params.push(("sort", s.clone()));
        }
        if let Some(d) = &q.dir {
            params.push(("dir", d.clone()));
        }
        params.push(("page", n.to_string()));
        url(action, &params)
    };
    let rows = page.rows.into_iter().map(|r: RequestRow| Row {
        kind: tr.t(&format!("kind-{}", r.kind.code())),
        ssin: wabro_domain::Ssin::parse_structure(&r.ssin).map(|s| s.formatted()).unwrap_or(r.ssin),
        worker: r.worker_name,
        country: {
            let codes: Vec<&str> = r.countries.split(',').filter(|c| !c.is_empty()).collect();
            let mut c = if codes.len() > 1 {
                codes.iter().map(|code| country_name(tr, code)).collect::<Vec<_>>().join(", ")
            } else {
                country_name(tr, &r.country)
            };
            if let Some(t) = r.territory.as_deref().and_then(|t| Territory::parse(t).ok()) {
                c = format!("{c} — {}", t.name(tr.lang()));
            }
            c
        },
        status: status_label(tr, &r.status, r.decision.as_deref()),
        admitted: period(tr, r.admitted_start, r.admitted_end),
        requested: period(tr, Some(r.start), Some(r.end)),
        number: r.transaction_number,
    });
    Results {
        rows: rows.collect(),
        headers,
        count_text: tr.count("results-count", page.total),
        page_text: tr
            .ta("results-page", &[("page", &page.page.to_string()), ("pages", &page.pages.to_string())]),
        prev: (page.page > 1).then(|| with_page(page.page - 1)),
        next: (page.page < page.pages).then(|| with_page(page.page + 1)),
    }
}

async fn search_page(state: &AppState, who: &Employer, mut q: SearchQuery, cancel_mode: bool) -> Response {
    let (ctx, employer) = (&who.ctx, &who.employer);
    q.lang = ctx.lang;
    let tr = ctx.tr();
    let action = if cancel_mode { "/cancel" } else { "/consult" };
    let found = if cancel_mode {
        state.app.search_cancellable(employer, &q).await
    } else {
        state.app.search_requests(employer, &q).await
    };
    let (issues, results): (Vec<Issue>, Option<Results>) = match found {
        // A page past the last (an old bookmark, a typed number) goes to the last page.
        Ok(page) if page.rows.is_empty() && page.total > 0 && page.page > page.pages => {
            let mut last = q.clone();
            last.page = Some(page.pages.to_string());
            return redirect(&format!("{action}?{}", serde_urlencoded::to_string(&last).unwrap_or_default()));
        }
        Ok(page) => (Vec::new(), Some(results(tr, action, &q, page))),
        Err(AppError::Invalid(issues)) => (issues, None),
        Err(e) => return app_error(ctx, e),
    };
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let mut territories: Vec<(&'static str, &'static str)> =
        Territory::ALL.iter().map(|t| (t.code(), t.name(tr.lang()))).collect();
    territories.sort_by_key(|t| t.1);
    let page = ConsultPage {
        p: Page::new(ctx, if cancel_mode { "nav-cancel" } else { "nav-consult" }),
        e: Errors::new(tr, &issues),
        q: Values::from_serialize(&q),
        action,
        cancel_mode,
        kinds: RequestKind::ALL.iter().map(|k| (k.code(), tr.t(&format!("kind-{}", k.code())))).collect(),
        territories,
        statuses: ["in_progress", "cancelled", "closed"]
            .into_iter()
            .map(|s| (s, tr.t(&format!("status-{s}"))))
            .collect(),
        decisions: ["approved", "rejected"]
            .into_iter()
            .map(|s| (s, tr.t(&format!("decision-{s}"))))
            .collect(),
        results,
    };
    html(status, &page)
}

/// `GET /consult`: the ten most recent requests, or a search.
pub async fn consult(State(state): State<AppState>, who: Employer, Query(q): Query<SearchQuery>) -> Response {
    search_page(&state, &who, q, false).await
}

/// `GET /cancel`: the requests that can still be cancelled.
pub async fn cancel_list(
    State(state): State<AppState>,
    who: Employer,
    Query(q): Query<SearchQuery>,
) -> Response {
    search_page(&state, &who, q, true).await
}

/// Query of the detail page.
#[derive(Deserialize, Default)]
pub struct DetailQuery {
    cancelled: Option<String>,
}

fn history_action(tr: Tr, action: &str, detail: &str) -> String {
    let label = tr.t(&format!("history-{action}"));
    let v: serde_json::Value = serde_json::from_str(detail).unwrap_or_default();
    let confirmed: Vec<String> = v
        .get("confirmed")
        .and_then(|c| serde_json::from_value::<Vec<wabro_domain::Issue>>(c.clone()).ok())
        .map(|issues| issues.iter().map(|i| tr.code(i.code, &i.params)).collect())
        .unwrap_or_default();
    match v.get("justification").and_then(|j| j.as_str()) {
        Some(j) => format!("{label}: {j}"),
        None if !confirmed.is_empty() => {
            format!("{label} — {}: {}", tr.t("confirmed-title"), confirmed.join(" "))
        }
        None => label,
    }
}

/// `GET /consult/{tx}`: everything about one request.
pub async fn detail(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(tx): Path<String>,
    Query(q): Query<DetailQuery>,
) -> Response {
    let d = match state.app.request_detail(&employer, &tx).await {
        Ok(d) => d,
        Err(e) => return app_error(&ctx, e),
    };
    let tr = ctx.tr();
    let documents = match state.app.request_documents(&employer, &tx).await {
        Ok(docs) => docs
            .into_iter()
            .map(|doc| {
                (
                    doc.document_number,
                    tr.t(&format!("doc-kind-{}", doc.kind)),
                    tr.t(&format!("doc-status-{}", doc.status)),
                )
            })
            .collect(),
        Err(e) => return app_error(&ctx, e),
    };
    let (decision, admitted, channel) = match &d.lifecycle.decision {
        Some(Decision::Approved { admitted, channel }) => {
            (Some(tr.t("decision-approved")), Some(*admitted), Some(*channel))
        }
        Some(Decision::Rejected { reason, channel, .. }) => {
            (Some(format!("{}: {reason}", tr.t("decision-rejected"))), None, Some(*channel))
        }
        None => (None, None, None),
    };
    let page = DetailPage {
        p: {
            let mut p = Page::new(&ctx, "detail-title");
            p.title = format!("{} {}", tr.t("detail-title"), d.record.transaction_number);
            p
        },
        notice: q.cancelled.map(|_| tr.t("cancel-done")),
        kind: tr.t(&format!("kind-{}", d.record.kind.code())),
        status: tr.t(&format!("status-{}", d.record.status)),
        decision,
        requested: period(tr, Some(d.request.period.start), Some(d.request.period.end)),
        admitted: period(tr, admitted.map(|p| p.start), admitted.map(|p| p.end)),
        channel: match channel {
            Some(OutputChannel::EBox) => tr.t("channel-e_box"),
            Some(OutputChannel::Paper) => tr.t("channel-paper"),
            None => "—".to_owned(),
        },
        cancel_reason: d.record.cancel_reason.clone(),
        extends: d.record.extends.clone(),
        extended_by: d.record.extended_by.clone(),
        cancellable: d.cancellable,
        documents,
        sections: sections(tr, &d.record.input, d.record.kind),
        history: d
            .history
            .iter()
            .map(|h| {
                let when = format!("{} {:02}:{:02}", tr.date(h.at.date()), h.at.hour(), h.at.minute());
                (
                    when,
                    h.who.clone().unwrap_or_else(|| tr.t("history-system")),
                    history_action(tr, &h.action, &h.detail),
                )
            })
            .collect(),
        number: d.record.transaction_number,
    };
    html(StatusCode::OK, &page)
}

async fn cancel_form(
    state: &AppState,
    ctx: &Ctx,
    employer: &wabro_app::EmployerCtx,
    tx: &str,
    issues: &[Issue],
    justification: &str,
) -> Response {
    let d = match state.app.request_detail(employer, tx).await {
        Ok(d) => d,
        Err(e) => return app_error(ctx, e),
    };
    if !d.cancellable {
        return redirect(&format!("/consult/{tx}"));
    }
    let tr = ctx.tr();
    let mut p = Page::new(ctx, "cancel-title");
    p.title = format!("{} {}", tr.t("cancel-title"), d.record.transaction_number);
    let page = CancelPage {
        p,
        e: Errors::new(tr, issues),
        sections: sections(tr, &d.record.input, d.record.kind),
        withdraws: d.lifecycle.decision.is_some(),
        justification: justification.to_owned(),
        number: d.record.transaction_number,
    };
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    html(status, &page)
}

/// `GET /cancel/{tx}`: the request's summary and the justification field.
pub async fn cancel_page(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(tx): Path<String>,
) -> Response {
    cancel_form(&state, &ctx, &employer, &tx, &[], "").await
}

/// `POST /cancel/{tx}`: cancels; a race with a decision or another cancel ends in a message.
pub async fn cancel_post(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(tx): Path<String>,
    form: CsrfForm,
) -> Response {
    let justification = form.get("justification").unwrap_or("").to_owned();
    match state.app.cancel_request(&employer, &tx, &justification).await {
        Ok(()) => redirect(&format!("/consult/{tx}?cancelled=1")),
        Err(AppError::Invalid(issues)) => {
            cancel_form(&state, &ctx, &employer, &tx, &issues, &justification).await
        }
        Err(e) => app_error(&ctx, e),
    }
}
