//! The person's own account: where they are logged in, and logging out the other sessions.

use crate::AppState;
use crate::context::{CsrfForm, Ctx};
use crate::render::{Errors, Page, app_error, html, ok, redirect};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use wabro_app::AppError;

/// One session, ready to show.
pub struct SessionLine {
    started: String,
    last_seen: String,
    client: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "sessions.html")]
struct SessionsPage {
    p: Page,
    notice: Option<String>,
    sessions: Vec<SessionLine>,
}

/// Query of the sessions page.
#[derive(Deserialize, Default)]
pub struct SessionsQuery {
    ended: Option<u64>,
}

/// `GET /account/sessions`.
pub async fn sessions(State(state): State<AppState>, ctx: Ctx, Query(q): Query<SessionsQuery>) -> Response {
    let Some(session) = ctx.session.clone() else { return redirect("/login?next=/account/sessions") };
    let tr = ctx.tr();
    let when =
        |at: time::OffsetDateTime| format!("{} {:02}:{:02} UTC", tr.date(at.date()), at.hour(), at.minute());
    match state.app.my_sessions(&session).await {
        Ok(list) => ok(&SessionsPage {
            p: Page::new(&ctx, "sessions-title"),
            notice: q.ended.map(|n| tr.count("sessions-ended", n)),
            sessions: list
                .into_iter()
                .map(|s| SessionLine {
                    started: when(s.created_at),
                    last_seen: when(s.last_seen_at),
                    client: if s.client.is_empty() { "—".into() } else { s.client },
                    current: s.token_hash == session.token_hash,
                })
                .collect(),
        }),
        Err(e) => app_error(&ctx, e),
    }
}

/// `POST /account/sessions/others`: ends every other session of the person.
pub async fn log_out_others(State(state): State<AppState>, ctx: Ctx, _form: CsrfForm) -> Response {
    let Some(session) = ctx.session.clone() else { return redirect("/login") };
    match state.app.log_out_others(&session, ctx.origin).await {
        Ok(n) => redirect(&format!("/account/sessions?ended={n}")),
        Err(e) => app_error(&ctx, e),
    }
}

#[derive(Template)]
#[template(path = "password.html")]
struct PasswordPage {
    p: Page,
    e: Errors,
    required: bool,
    done: bool,
}

/// Query of the password page.
#[derive(Deserialize, Default)]
pub struct PasswordQuery {
    changed: Option<String>,
}

fn password_page(ctx: &Ctx, issues: &[wabro_domain::Issue], done: bool) -> Response {
    let required = ctx.actor().is_some_and(|a| a.must_change_password);
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    html(
        status,
        &PasswordPage {
            p: Page::new(ctx, "password-title"),
            e: Errors::new(ctx.tr(), issues),
            required,
            done,
        },
    )
}

/// `GET /account/password`.
pub async fn password(ctx: Ctx, Query(q): Query<PasswordQuery>) -> Response {
    if ctx.session.is_none() {
        return redirect("/login?next=/account/password");
    }
    password_page(&ctx, &[], q.changed.is_some())
}

/// `POST /account/password`: the current password, then the new one twice.
pub async fn change_password(State(state): State<AppState>, ctx: Ctx, form: CsrfForm) -> Response {
    let Some(session) = ctx.session.clone() else { return redirect("/login?next=/account/password") };
    let field = |name: &str| form.get(name).unwrap_or("").to_owned();
    match state
        .app
        .change_password(&session, ctx.origin, &field("current"), &field("new"), &field("repeated"))
        .await
    {
        Ok(()) => redirect("/account/password?changed=1"),
        Err(AppError::Invalid(issues)) => password_page(&ctx, &issues, false),
        Err(e) => app_error(&ctx, e),
    }
}
