//! One log line per request: a request id, method, the route's template (`/consult/{tx}`, or
//! for an unmatched path the path with every SSIN or other long number masked; never the query
//! string, which may hold a searched SSIN), status and duration. A handler that panics is
//! answered with the error page and its request id instead of a dropped connection.

use crate::context::Ctx;
use crate::render::error_page;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use futures_util::FutureExt;
use std::panic::AssertUnwindSafe;
use std::time::Instant;

/// The id of one request: in its log line, on its error page and in its audit records.
#[derive(Clone, Copy, Debug)]
pub struct RequestId(pub u64);

/// The longest a request may take before it is answered 503 (its work is dropped; a save is
/// one transaction, so nothing is half-written).
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The header that carries the request id back to the client.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Logs the request after it is answered; turns a panic into the error page.
pub async fn requests(mut req: Request, next: Next) -> Response {
    let number = new_request_id();
    let id = format!("{number:016x}");
    req.extensions_mut().insert(RequestId(number));
    let method = req.method().clone();
    // The route's template (`/consult/{tx}`) when one matched: no identifier reaches the log and
    // lines of one route group together; else the path, its personal numbers masked.
    let path = match req.extensions().get::<axum::extract::MatchedPath>() {
        Some(route) => route.as_str().to_owned(),
        None => mask_numbers(req.uri().path()),
    };
    // What the error page needs to speak the browser's language (read only if it is shown).
    let mut language_headers = axum::http::HeaderMap::new();
    for name in [header::COOKIE, header::ACCEPT_LANGUAGE] {
        if let Some(value) = req.headers().get(&name) {
            language_headers.insert(name, value.clone());
        }
    }
    let error = |status: StatusCode| {
        let jar = CookieJar::from_headers(&language_headers);
        let accept = language_headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        let lang = wabro_i18n::negotiate(jar.get(crate::LANG_COOKIE).map(|c| c.value()), accept);
        error_page(&Ctx::bare(lang, number), status, "error-server-title", "error-server")
    };
    let start = Instant::now();
    let handled = tokio::time::timeout(REQUEST_TIMEOUT, AssertUnwindSafe(next.run(req)).catch_unwind()).await;
    let mut res = match handled {
        Err(_) => {
            tracing::error!(request_id = %id, %method, %path, "request took too long: answered 503");
            error(StatusCode::SERVICE_UNAVAILABLE)
        }
        Ok(Ok(res)) => res,
        Ok(Err(panic)) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(request_id = %id, %method, %path, panic = %mask_numbers(&message), "handler panicked");
            error(StatusCode::INTERNAL_SERVER_ERROR)
        }
    };
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    let ms = start.elapsed().as_millis() as u64;
    let status = res.status().as_u16();
    // Probes ask every few seconds: their lines are for debugging, not the daily log.
    if path.starts_with("/health") && status < 500 {
        tracing::debug!(request_id = %id, %method, %path, status, ms, "request");
    } else {
        tracing::info!(request_id = %id, %method, %path, status, ms, "request");
    }
    res
}

/// A random id (never 0, which means "no request").
fn new_request_id() -> u64 {
    rand::random::<u64>().max(1)
}

/// Masks every run of digits that could be a personal or enterprise number: nine or more
/// digits in a row (`85073003328`), or groups of at most six digits joined by dots, dashes,
/// slashes or spaces that add up to nine or more (`85.07.30-033.28`, `850730-033.28`,
/// `0876.543.270`). A dossier number (`WAB-2026-0000001`: a group of seven) and shorter runs
/// (a step number) are kept.
pub fn mask_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A run: groups of digits, each joined to the next by one separator.
        let mut groups = vec![0usize];
        let mut end = i;
        let mut j = i;
        while j < chars.len() {
            if chars[j].is_ascii_digit() {
                *groups.last_mut().unwrap_or(&mut 0) += 1;
                j += 1;
                end = j;
            } else if is_separator(chars[j]) && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
                groups.push(0);
                j += 1;
            } else {
                break;
            }
        }
        let total: usize = groups.iter().sum();
        let personal = total >= 9 && (groups.len() == 1 || groups.iter().all(|g| *g <= 6));
        if personal {
            out.push('#');
        } else {
            out.extend(&chars[i..end]);
        }
        i = end;
    }
    out
}

fn is_separator(c: char) -> bool {
    matches!(c, '.' | '-' | '/' | ' ' | '+')
}

#[cfg(test)]
mod tests {
    use super::mask_numbers;
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use tower::ServiceExt;

    /// Issue 14, finding 2: a request that never ends is answered 503 with its request id after
    /// the request timeout (time is paused: the test does not wait).
    #[tokio::test(start_paused = true)]
    async fn a_request_that_takes_too_long_is_answered_503() {
        async fn stuck() -> &'static str {
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
            "never"
        }
        let router =
            Router::new().route("/stuck", get(stuck)).layer(axum::middleware::from_fn(super::requests));
        let started = tokio::time::Instant::now();
        let response = router.oneshot(Request::get("/stuck").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.headers().contains_key(super::REQUEST_ID_HEADER));
        assert_eq!(started.elapsed().as_secs(), super::REQUEST_TIMEOUT.as_secs(), "answered at the timeout");
    }

    /// A panic in a handler is the error page with the request id, not a dropped connection.
    #[tokio::test]
    async fn a_panicking_handler_answers_with_the_error_page_and_its_request_id() {
        async fn boom() -> &'static str {
            panic!("index out of bounds for 85.07.30-033.28")
        }
        let router =
            Router::new().route("/boom", get(boom)).layer(axum::middleware::from_fn(super::requests));
        let request = Request::get("/boom").header("accept-language", "nl").body(Body::empty()).unwrap();
        let response = router.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let id = response.headers()[super::REQUEST_ID_HEADER].to_str().unwrap().to_owned();
        assert_eq!(id.len(), 16);
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let body = String::from_utf8_lossy(&body);
        assert!(body.contains(&id), "the page shows the request id: {body}");
        assert!(body.contains("Sorry, er is iets misgegaan"), "in the browser's language: {body}");
    }

    #[test]
    fn long_numbers_are_masked() {
        assert_eq!(mask_numbers("/requests/WAB-2026-0000001"), "/requests/WAB-2026-0000001");
        assert_eq!(mask_numbers("/drafts/85073003328/step/1"), "/drafts/#/step/1");
    }

    #[test]
    fn formatted_ssins_and_enterprise_numbers_are_masked() {
        assert_eq!(mask_numbers("/consult/85.07.30-033.28"), "/consult/#");
        assert_eq!(mask_numbers("/x/85 07 30 033 28/y"), "/x/#/y");
        assert_eq!(mask_numbers("/x/850730-03328"), "/x/#");
        assert_eq!(mask_numbers("/x/0876.543.270"), "/x/#");
        assert_eq!(mask_numbers("/drafts/3/places/12"), "/drafts/3/places/12");
        assert_eq!(mask_numbers("/verify/A1-WAB-2026-0000001"), "/verify/A1-WAB-2026-0000001");
    }
}
