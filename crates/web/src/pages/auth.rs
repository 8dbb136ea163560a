//! Login, logout, language choice.

use crate::AppState;
use crate::context::{ANON_COOKIE, CsrfForm, Ctx, LANG_COOKIE, SESSION_COOKIE, cookie};
use crate::render::{Errors, Page, app_error, html, ok, redirect, too_many};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar};
use serde::Deserialize;
use wabro_app::AppError;
use wabro_domain::{Code, Issue, Lang};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    p: Page,
    e: Errors,
    email: String,
    next: String,
}

/// Query of the login page.
#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// Only a local path may be a redirect target: one `/` followed by a path character, and
/// nothing a browser would strip or reinterpret (white space, control characters, a
/// backslash, or an escape that decodes to one of those or to a slash). Anything else goes
/// home; nothing is removed to make a value fit.
pub(crate) fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_owned(),
        _ => "/".to_owned(),
    }
}

fn is_local_path(n: &str) -> bool {
    let bytes = n.as_bytes();
    if bytes.first() != Some(&b'/') {
        return false;
    }
    if let Some(second) = bytes.get(1)
        && !(second.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@?".contains(second))
    {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !b.is_ascii_graphic() || b == b'\\' {
            return false;
        }
        if b == b'%' {
            let hex = |c: Option<&u8>| c.and_then(|c| (*c as char).to_digit(16));
            let (Some(hi), Some(lo)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) else { return false };
            let decoded = (hi * 16 + lo) as u8;
            if !decoded.is_ascii_graphic() && decoded < 0x80 || decoded == b'\\' || decoded == b'/' {
                return false;
            }
            i += 3;
            continue;
        }
        i += 1;
    }
    true
}

/// `GET /login`.
pub async fn login_page(ctx: Ctx, Query(q): Query<Next>) -> Response {
    let page = LoginPage {
        p: Page::new(&ctx, "login-title"),
        e: Errors::default(),
        email: String::new(),
        next: safe_next(q.next.as_deref()),
    };
    ok(&page)
}

/// `POST /login`.
pub async fn login(State(state): State<AppState>, ctx: Ctx, jar: CookieJar, form: CsrfForm) -> Response {
    let email = form.get("email").unwrap_or("").to_owned();
    let password = form.get("password").unwrap_or("");
    let next = safe_next(form.get("next"));
    match state.app.login(&email, password, ctx.origin).await {
        Ok(outcome) => {
            // A new session is a new CSRF token: the anonymous value is no longer needed.
            let jar = jar
                .add(cookie(state.cookie_name(SESSION_COOKIE), outcome.token, state.secure_cookies, None))
                .remove(Cookie::build(state.cookie_name(ANON_COOKIE)).path("/"));
            (jar, redirect(&next)).into_response()
        }
        Err(e @ (AppError::InvalidCredentials | AppError::RateLimited { .. })) => {
            let (status, issue) = match &e {
                AppError::RateLimited { retry_after_secs } => (
                    StatusCode::TOO_MANY_REQUESTS,
                    Issue::error(Code::LoginRateLimited, "email")
                        .with("minutes", retry_after_secs.div_ceil(60)),
                ),
                _ => (StatusCode::UNAUTHORIZED, Issue::error(Code::LoginInvalid, "email")),
            };
            let page = LoginPage {
                p: Page::new(&ctx, "login-title"),
                e: Errors::new(ctx.tr(), &[issue]),
                email,
                next,
            };
            match e {
                AppError::RateLimited { retry_after_secs } => too_many(retry_after_secs, html(status, &page)),
                _ => html(status, &page),
            }
        }
        Err(e) => app_error(&ctx, e),
    }
}

/// `POST /logout`.
pub async fn logout(State(state): State<AppState>, ctx: Ctx, jar: CookieJar, _form: CsrfForm) -> Response {
    if let Some(s) = &ctx.session
        && let Err(e) = state.app.logout(s, ctx.origin).await
    {
        return app_error(&ctx, e);
    }
    // A fresh anonymous value: the CSRF token of the logged-out browser is new too.
    let jar = jar.remove(Cookie::build(state.cookie_name(SESSION_COOKIE)).path("/")).add(cookie(
        state.cookie_name(ANON_COOKIE),
        wabro_app::new_token(),
        state.secure_cookies,
        None,
    ));
    (jar, redirect("/login")).into_response()
}

/// `POST /lang`: remembers the chosen language and goes back.
pub async fn set_lang(State(state): State<AppState>, jar: CookieJar, form: CsrfForm) -> Response {
    let lang = form.get("lang").and_then(Lang::parse).unwrap_or(Lang::En);
    let back = safe_next(form.get("back"));
    let jar = jar.add(cookie(LANG_COOKIE.to_owned(), lang.tag().to_owned(), state.secure_cookies, Some(365)));
    (jar, redirect(&back)).into_response()
}
