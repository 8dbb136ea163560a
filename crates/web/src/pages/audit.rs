//! The administrator's audit page: search by person, enterprise, reference and dates; export
//! as CSV.

use crate::AppState;
use crate::context::Agent;
use crate::form::Values;
use crate::render::{Errors, Page, app_error, html};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use wabro_app::ports::AuditRecord;
use wabro_app::{AppError, AuditQuery};

/// One record, ready to show.
pub struct AuditLine {
    id: i64,
    at: String,
    who: String,
    enterprise: String,
    action: String,
    reference: String,
    detail: String,
    client: String,
    request_id: String,
}

fn line(r: AuditRecord) -> AuditLine {
    let e = r.entry;
    AuditLine {
        id: r.id,
        at: format!("{} {:02}:{:02}:{:02}", e.at.date(), e.at.hour(), e.at.minute(), e.at.second()),
        who: r.user_email.unwrap_or_else(|| "—".into()),
        enterprise: r.enterprise_number.unwrap_or_default(),
        action: format!("{} {}", e.entity, e.action),
        reference: e.entity_id,
        detail: e.detail,
        client: e.origin.client_text(),
        request_id: e.origin.request_id_text(),
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    p: Page,
    e: Errors,
    q: Values,
    rows: Vec<AuditLine>,
    export: String,
    next: Option<String>,
}

fn query_string(q: &AuditQuery) -> String {
    serde_urlencoded::to_string(q).unwrap_or_default()
}

/// `GET /admin/audit`.
pub async fn page(
    State(state): State<AppState>,
    Agent { ctx, agent }: Agent,
    Query(q): Query<AuditQuery>,
) -> Response {
    let (records, issues) = match state.app.search_audit(&agent, &q).await {
        Ok(r) => (r, Vec::new()),
        Err(AppError::Invalid(issues)) => (Vec::new(), issues),
        Err(e) => return app_error(&ctx, e),
    };
    let next = (records.len() == wabro_app::AUDIT_PAGE as usize).then(|| {
        let mut older = q.clone();
        older.before = records.last().map(|r| r.id.to_string());
        format!("/admin/audit?{}", query_string(&older))
    });
    let mut criteria = q.clone();
    criteria.before = None;
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    html(
        status,
        &AuditPage {
            p: Page::new(&ctx, "audit-title"),
            e: Errors::new(ctx.tr(), &issues),
            q: Values::from_serialize(&q),
            rows: records.into_iter().map(line).collect(),
            export: format!("/admin/audit.csv?{}", query_string(&criteria)),
            next,
        },
    )
}

/// `GET /admin/audit.csv`: the records the criteria find (at most ten thousand).
pub async fn export(
    State(state): State<AppState>,
    Agent { ctx, agent }: Agent,
    Query(q): Query<AuditQuery>,
) -> Response {
    let records = match state.app.export_audit(&agent, &q).await {
        Ok(r) => r,
        Err(e) => return app_error(&ctx, e),
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    let header =
        ["id", "at", "user", "enterprise", "entity", "action", "reference", "detail", "client", "request_id"];
    let mut rows: Vec<[String; 10]> = Vec::with_capacity(records.len());
    for r in records {
        let e = &r.entry;
        rows.push([
            r.id.to_string(),
            e.at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
            r.user_email.clone().unwrap_or_default(),
            r.enterprise_number.clone().unwrap_or_default(),
            e.entity.clone(),
            e.action.clone(),
            e.entity_id.clone(),
            e.detail.clone(),
            e.origin.client_text(),
            e.origin.request_id_text(),
        ]);
    }
    let written = out.write_record(header).is_ok()
        && rows.iter().all(|row| out.write_record(row.iter().map(|c| neutralise(c))).is_ok());
    match out.into_inner() {
        Ok(bytes) if written => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"wabro-audit.csv\""),
            ],
            bytes,
        )
            .into_response(),
        _ => app_error(&ctx, AppError::NotFound),
    }
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) gets a leading
/// apostrophe, so that opening the export never runs what someone typed.
fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}
