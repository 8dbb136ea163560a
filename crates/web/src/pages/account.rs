//! The person's own account: where they are logged in, and logging out the other sessions.

use crate::AppState;
use crate::context::{CsrfForm, Ctx};
use crate::render::{Page, app_error, ok, redirect};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

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
