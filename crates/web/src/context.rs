//! Per-request context: language, CSRF token, session. Resolved once by a middleware layer,
//! then read by the extractors [`Ctx`], [`Employer`] and [`CsrfForm`].

use crate::AppState;
use crate::render::{error_page, redirect};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use std::net::{IpAddr, SocketAddr};
pub use wabro_app::csrf_token;
use wabro_app::{Actor, AgentCtx, EmployerCtx, Origin, SessionInfo, new_token};
use wabro_domain::{Code, Lang};
use wabro_i18n::{Tr, negotiate};

/// Name of the session cookie (`__Host-` prefixed over TLS).
pub const SESSION_COOKIE: &str = "wabro_session";
/// Name of the cookie that binds the CSRF token of a visitor who is not logged in: a random
/// value, replaced at logout (`__Host-` prefixed over TLS).
pub const ANON_COOKIE: &str = "wabro_anon";
/// Name of the language cookie.
pub const LANG_COOKIE: &str = "wabro_lang";

/// What every handler may know about the request.
#[derive(Clone, Debug)]
pub struct Ctx {
    /// Interface language.
    pub lang: Lang,
    /// The CSRF token to put in forms.
    pub csrf: String,
    /// The session, when logged in.
    pub session: Option<SessionInfo>,
    /// The client's address and this request's id (rate limits, audit records, error pages).
    pub origin: Origin,
    /// The path of this request (for redirects after login or a language switch).
    pub path: String,
    /// Unread e-Box documents, for an employer user.
    pub unread: Option<u64>,
}

impl Ctx {
    /// A context with nothing but a language and a request id: for the page that answers a
    /// request whose handler failed before its context was known.
    pub fn bare(lang: Lang, request_id: u64) -> Ctx {
        Ctx {
            lang,
            csrf: String::new(),
            session: None,
            origin: Origin { client: None, request_id },
            path: "/".into(),
            unread: None,
        }
    }

    /// The translator.
    pub fn tr(&self) -> Tr {
        Tr::new(self.lang)
    }

    /// The logged-in actor.
    pub fn actor(&self) -> Option<&Actor> {
        self.session.as_ref().map(|s| &s.actor)
    }
}

/// Builds a cookie with the house rules: HttpOnly, SameSite=Lax, Path=/, Secure over TLS.
pub fn cookie(name: String, value: String, secure: bool, max_age_days: Option<i64>) -> Cookie<'static> {
    let mut c =
        Cookie::build((name, value)).http_only(true).same_site(SameSite::Lax).path("/").secure(secure);
    if let Some(days) = max_age_days {
        c = c.max_age(time::Duration::days(days));
    }
    c.build()
}

/// Resolves the context. The CSRF token is derived from the session's token, or, for a
/// visitor not logged in, from an anonymous cookie this layer sets when it is missing.
pub async fn layer(State(state): State<AppState>, jar: CookieJar, mut req: Request, next: Next) -> Response {
    let accept = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let lang = negotiate(jar.get(LANG_COOKIE).map(|c| c.value()), accept.as_deref());
    let session_cookie = jar.get(&state.cookie_name(SESSION_COOKIE)).map(|c| c.value().to_owned());
    let session = match &session_cookie {
        Some(token) => match state.app.session(token).await {
            Ok(s) => s,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                None
            }
        },
        None => None,
    };
    let anon_name = state.cookie_name(ANON_COOKIE);
    let (csrf, new_anon) = match (&session, session_cookie) {
        (Some(_), Some(token)) => (csrf_token(&token), None),
        _ => match jar.get(&anon_name).map(|c| c.value().to_owned()).filter(|v| v.len() == 64) {
            Some(anon) => (csrf_token(&anon), None),
            None => {
                let anon = new_token();
                (csrf_token(&anon), Some(anon))
            }
        },
    };
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|ci| ci.0.ip());
    let client_ip = peer.map(|peer| client_address(peer, req.headers(), &state.trusted_proxies));
    let request_number = req.extensions().get::<crate::log::RequestId>().map(|r| r.0).unwrap_or(0);
    let origin = Origin { client: client_ip, request_id: request_number };
    let path = req.uri().path().to_owned();
    let unread = match session.as_ref().and_then(|s| s.actor.employer()) {
        Some(employer) => state.app.ebox_unread(&employer).await.ok(),
        None => None,
    };
    // Who to name if the answer refuses them a page or an object (worked out only then).
    let refusal = session.clone().map(|s| (s, req.method().clone(), path.clone()));
    req.extensions_mut().insert(Ctx { lang, csrf: csrf.clone(), session, origin, path, unread });
    let response = next.run(req).await;
    if let Some((session, method, path)) = refusal
        && matches!(response.status(), StatusCode::FORBIDDEN | StatusCode::NOT_FOUND)
        && let Err(e) = state
            .app
            .access_refused(
                &session,
                origin,
                &format!("{method} {}", crate::log::mask_numbers(&path)),
                response.status().as_u16(),
            )
            .await
    {
        tracing::error!(error = %e, "refused access not audited");
    }
    match new_anon {
        // A response that sets the session (a login) or a new anonymous value (a logout) has
        // its own cookie.
        Some(anon)
            if !sets_cookie(&response, &anon_name)
                && !sets_cookie(&response, &state.cookie_name(SESSION_COOKIE)) =>
        {
            let jar = CookieJar::new().add(cookie(anon_name, anon, state.secure_cookies, None));
            (jar, response).into_response()
        }
        _ => response,
    }
}

fn sets_cookie(response: &Response, name: &str) -> bool {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.starts_with(name) && v[name.len()..].starts_with('=')))
}

/// The client's address: the peer, or, when the peer is a trusted proxy, the nearest address
/// in `X-Forwarded-For` that is not one of the trusted proxies. An address a client wrote
/// into the header itself (left of what the proxies appended) is never believed.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|a| a.trim().parse::<IpAddr>())
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    forwarded.into_iter().rev().find(|a| !trusted.contains(a)).unwrap_or(peer)
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| (StatusCode::INTERNAL_SERVER_ERROR, "context layer missing").into_response())
    }
}

/// A logged-in employer user: the context and the employer's scope. Anyone else is sent to
/// the login page (or gets 403 when logged in without an enterprise).
pub struct Employer {
    /// The request context.
    pub ctx: Ctx,
    /// The employer context for the use cases.
    pub employer: EmployerCtx,
}

impl<S: Send + Sync> FromRequestParts<S> for Employer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let Some(actor) = ctx.actor() else {
            return Err(redirect(&format!("/login?next={}", urlencode(&ctx.path))));
        };
        if actor.must_change_password {
            return Err(redirect("/account/password"));
        }
        match actor.employer() {
            Some(employer) => Ok(Employer { employer: employer.with_origin(ctx.origin), ctx }),
            None => Err(error_page(&ctx, StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden")),
        }
    }
}

/// A logged-in NSSO agent (or administrator).
pub struct Agent {
    /// The request context.
    pub ctx: Ctx,
    /// The agent context for the use cases.
    pub agent: AgentCtx,
}

impl<S: Send + Sync> FromRequestParts<S> for Agent {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let Some(actor) = ctx.actor() else {
            return Err(redirect(&format!("/login?next={}", urlencode(&ctx.path))));
        };
        if actor.must_change_password {
            return Err(redirect("/account/password"));
        }
        match actor.agent() {
            Some(agent) => Ok(Agent { agent: agent.with_origin(ctx.origin), ctx }),
            None => Err(error_page(&ctx, StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden")),
        }
    }
}

/// A form body whose CSRF token and `Origin` were checked. Holds the fields in order.
pub struct CsrfForm(pub Vec<(String, String)>);

impl CsrfForm {
    /// The first value of a field.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

impl FromRequest<AppState> for CsrfForm {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        let expired = || {
            let tr = ctx.tr();
            error_page_text(
                &ctx,
                StatusCode::FORBIDDEN,
                &tr.t("error-form-title"),
                &tr.code(Code::FormExpired, &Default::default()),
            )
        };
        if parts.method != Method::POST || !same_origin(&parts.headers, state) {
            return Err(expired());
        }
        let bytes =
            Bytes::from_request(Request::from_parts(parts, body), state).await.map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    crate::render::error_page(
                        &ctx,
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "error-too-large-title",
                        "error-too-large",
                    )
                } else {
                    (StatusCode::BAD_REQUEST, "unreadable body").into_response()
                }
            })?;
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| (StatusCode::BAD_REQUEST, "malformed form").into_response())?;
        let token = fields.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str()).unwrap_or("");
        if !constant_time_eq(token.as_bytes(), ctx.csrf.as_bytes()) {
            return Err(expired());
        }
        Ok(CsrfForm(fields))
    }
}

use crate::render::error_page_text;

/// An unsafe request must come from this site: its `Origin` (when the browser sends one) is
/// the configured public origin, scheme included, or else the `Host` it was sent to with the
/// scheme the service is served with.
fn same_origin(headers: &HeaderMap, state: &AppState) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else { return true };
    let expected = match &state.public_origin {
        Some(public) => public.clone(),
        None => {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
            if host.is_empty() {
                return false;
            }
            format!("{}://{host}", if state.secure_cookies { "https" } else { "http" })
        }
    };
    origin.eq_ignore_ascii_case(&expected)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Percent-encodes a path for a query parameter.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
