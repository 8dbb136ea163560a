//! One log line per request: method, path (never the query string, which may hold a searched
//! SSIN; long digit runs in the path are masked too), status and duration.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

/// Logs the request after it is answered.
pub async fn requests(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = mask_numbers(req.uri().path());
    let start = Instant::now();
    let res = next.run(req).await;
    let ms = start.elapsed().as_millis() as u64;
    tracing::info!(%method, %path, status = res.status().as_u16(), ms, "request");
    res
}

/// Replaces every run of 9 or more digits (an SSIN, an enterprise number) by `#`.
pub fn mask_numbers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 9 {
            out.push('#');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_numbers_are_masked() {
        assert_eq!(super::mask_numbers("/requests/WAB-2026-0000001"), "/requests/WAB-2026-0000001");
        assert_eq!(super::mask_numbers("/drafts/85073003328/step/1"), "/drafts/#/step/1");
    }
}
