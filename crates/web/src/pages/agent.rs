//! The NSSO back office: the queue and a request's decision page.

use super::home::country_name;
use super::summary::{AssessmentView, Reader, Section, assessment_view, sections};
use crate::AppState;
use crate::context::{Agent, CsrfForm};
use crate::form::Values;
use crate::render::{Errors, Page, app_error, html, redirect};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use wabro_app::{AppError, DecisionInput, QueueQuery};
use wabro_domain::{Issue, Period, RequestKind, parse_date};

/// A queue row, ready to show.
pub struct QueueLine {
    number: String,
    filed: String,
    enterprise: String,
    kind: String,
    worker: String,
    country: String,
    blocking: bool,
    findings: i64,
}

#[derive(Template)]
#[template(path = "agent_queue.html")]
struct QueuePage {
    p: Page,
    e: Errors,
    q: Values,
    kinds: Vec<(&'static str, String)>,
    counts: String,
    rows: Vec<QueueLine>,
    prev: Option<String>,
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "agent_request.html")]
struct RequestPage {
    p: Page,
    e: Errors,
    notice: Option<String>,
    number: String,
    enterprise: String,
    kind: String,
    status: String,
    requested: String,
    channel: String,
    a: AssessmentView,
    in_progress: bool,
    admitted_start: String,
    admitted_end: String,
    reasons: Vec<(&'static str, String)>,
    dimona: Vec<String>,
    earlier: Vec<(String, String, String, String, String)>,
    sections: Vec<Section>,
    confirmed: Vec<(String, String)>,
}

/// `GET /agent`: the queue, oldest first.
pub async fn queue(
    State(state): State<AppState>,
    Agent { ctx, agent }: Agent,
    Query(q): Query<QueueQuery>,
) -> Response {
    let tr = ctx.tr();
    let (page, issues) = match state.app.queue(&agent, &q).await {
        Ok(p) => (Some(p), Vec::new()),
        Err(AppError::Invalid(issues)) => (None, issues),
        Err(e) => return app_error(&ctx, e),
    };
    let (counts, rows, prev, next) = match page {
        Some((page, n)) => {
            let counts = tr.ta(
                "queue-counts",
                &[
                    ("count", &page.total.to_string()),
                    ("blocking", &page.blocking.to_string()),
                    ("posting", &page.by_kind[0].to_string()),
                    ("simultaneous", &page.by_kind[1].to_string()),
                    ("seafarer", &page.by_kind[2].to_string()),
                ],
            );
            let now = state.app.clock().now();
            let rows = page
                .rows
                .into_iter()
                .map(|r| QueueLine {
                    filed: tr.ta(
                        "queue-age",
                        &[
                            ("date", &tr.date(r.created_at.date())),
                            ("days", &(now - r.created_at).whole_days().to_string()),
                        ],
                    ),
                    number: r.transaction_number,
                    enterprise: r.enterprise,
                    kind: tr.t(&format!("kind-{}", r.kind.code())),
                    worker: r.worker_name,
                    country: country_name(tr, &r.country),
                    blocking: r.blocking,
                    findings: r.findings,
                })
                .collect();
            let link = |n: u32| {
                let mut q2 = q.clone();
                q2.page = Some(n.to_string());
                format!("/agent?{}", serde_urlencoded::to_string(&q2).unwrap_or_default())
            };
            let pages = page.total.div_ceil(u64::from(wabro_app::QUEUE_PAGE)).max(1) as u32;
            (counts, rows, (n > 1).then(|| link(n - 1)), (n < pages).then(|| link(n + 1)))
        }
        None => (String::new(), Vec::new(), None, None),
    };
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let page = QueuePage {
        p: Page::new(&ctx, "nav-queue"),
        e: Errors::new(tr, &issues),
        q: Values::from_serialize(&q),
        kinds: RequestKind::ALL.iter().map(|k| (k.code(), tr.t(&format!("kind-{}", k.code())))).collect(),
        counts,
        rows,
        prev,
        next,
    };
    html(status, &page)
}

/// Query of the request page.
#[derive(Deserialize, Default)]
pub struct Done {
    decided: Option<String>,
}

async fn request_page(
    state: &AppState,
    who: &Agent,
    tx: &str,
    issues: &[Issue],
    notice: Option<String>,
) -> Response {
    let (ctx, agent) = (&who.ctx, &who.agent);
    let v = match state.app.agent_view(agent, tx).await {
        Ok(v) => v,
        Err(e) => return app_error(ctx, e),
    };
    let tr = ctx.tr();
    let mut p = Page::new(ctx, "detail-title");
    p.title = format!("{} {}", tr.t("detail-title"), v.record.transaction_number);
    let admitted = v.default_admitted.unwrap_or(v.request.period);
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = RequestPage {
        p,
        e: Errors::new(tr, issues),
        notice,
        number: v.record.transaction_number.clone(),
        enterprise: v.enterprise.clone(),
        kind: tr.t(&format!("kind-{}", v.record.kind.code())),
        status: tr.t(&format!("status-{}", v.record.status)),
        requested: format!("{} – {}", tr.date(v.request.period.start), tr.date(v.request.period.end)),
        channel: tr.t(if v.ebox_active { "channel-e_box" } else { "channel-paper" }),
        a: assessment_view(tr, &v.assessment, Reader::Agent),
        in_progress: v.record.status == "in_progress",
        admitted_start: admitted.start.to_string(),
        admitted_end: admitted.end.to_string(),
        reasons: wabro_domain::REJECTION_REASONS.iter().map(|r| (*r, tr.t(&format!("reject-{r}")))).collect(),
        dimona: v
            .dimona
            .iter()
            .map(|d| match d.end {
                Some(end) => tr.ta("dimona-closed", &[("start", &tr.date(d.start)), ("end", &tr.date(end))]),
                None => tr.ta("dimona-open", &[("start", &tr.date(d.start))]),
            })
            .collect(),
        earlier: v
            .earlier
            .iter()
            .map(|r| {
                (
                    r.transaction_number.clone(),
                    tr.t(&format!("kind-{}", r.kind.code())),
                    country_name(tr, &r.country),
                    format!("{} – {}", tr.date(r.start), tr.date(r.end)),
                    tr.t(&format!("status-{}", r.status)),
                )
            })
            .collect(),
        sections: sections(tr, &v.record.input, v.record.kind),
        confirmed: Errors::labelled(tr, &v.confirmed),
    };
    html(status, &page)
}

/// `GET /agent/requests/{tx}`.
pub async fn request(
    State(state): State<AppState>,
    who: Agent,
    Path(tx): Path<String>,
    Query(q): Query<Done>,
) -> Response {
    let notice = q.decided.map(|d| who.ctx.tr().t(&format!("history-{d}")));
    request_page(&state, &who, &tx, &[], notice).await
}

/// `POST /agent/requests/{tx}/approve`.
pub async fn approve(
    State(state): State<AppState>,
    who: Agent,
    Path(tx): Path<String>,
    form: CsrfForm,
) -> Response {
    let start = form.get("start").and_then(parse_date);
    let end = form.get("end").and_then(parse_date);
    let Some(admitted) = start.zip(end).and_then(|(s, e)| Period::new(s, e)) else {
        let issue = Issue::error(wabro_domain::Code::PeriodEndBeforeStart, "end");
        return request_page(&state, &who, &tx, &[issue], None).await;
    };
    match state.app.approve(&who.agent, &tx, admitted).await {
        Ok(()) => redirect(&format!("/agent/requests/{tx}?decided=approved")),
        Err(AppError::Invalid(issues)) => request_page(&state, &who, &tx, &issues, None).await,
        Err(e) => app_error(&who.ctx, e),
    }
}

/// `POST /agent/requests/{tx}/reject`.
pub async fn reject(
    State(state): State<AppState>,
    who: Agent,
    Path(tx): Path<String>,
    form: CsrfForm,
) -> Response {
    let reason_code = form.get("reason_code").unwrap_or("").to_owned();
    let reason = form.get("reason").unwrap_or("").to_owned();
    match state.app.decide(&who.agent, &tx, DecisionInput::Reject { reason_code, reason }).await {
        Ok(()) => redirect(&format!("/agent/requests/{tx}?decided=rejected")),
        Err(AppError::Invalid(issues)) => request_page(&state, &who, &tx, &issues, None).await,
        Err(e) => app_error(&who.ctx, e),
    }
}
