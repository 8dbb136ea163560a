//! Login, sessions, CSRF, security headers.

use crate::support::*;
use axum::http::StatusCode;
use time::Duration;

#[tokio::test]
async fn health_answers_json() {
    let app = TestApp::new().await;
    let r = app.client().get("/health").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, r#"{"status":"ok"}"#);
}

#[tokio::test]
async fn pages_carry_security_headers_and_no_store() {
    let app = TestApp::new().await;
    let r = app.client().get("/login").await;
    for h in ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"] {
        assert!(r.headers.contains_key(h), "{h} missing");
    }
    assert!(r.headers["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
    assert_eq!(r.headers["cache-control"], "no-store");
    let cookie = r.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
}

#[tokio::test]
async fn login_sets_a_fresh_http_only_session_and_logout_ends_it() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let r = c.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await;
    assert_eq!(r.redirected(), "/posting");
    let set =
        r.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>();
    let session = set.iter().find(|s| s.starts_with("wabro_session=")).expect("session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"), "{session}");
    let first = c.cookies["wabro_session"].clone();
    assert_eq!(c.get("/posting").await.status, StatusCode::OK);

    let mut again = app.client();
    again.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await;
    assert_ne!(again.cookies["wabro_session"], first, "a new session id at every login");

    assert_eq!(c.post("/logout", &[]).await.redirected(), "/login");
    c.cookies.insert("wabro_session".into(), first);
    assert!(c.get("/posting").await.redirected().starts_with("/login"), "the old session is gone");
}

#[tokio::test]
async fn wrong_password_is_refused_then_rate_limited() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let r = c.login(USER_A, "wrong").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.contains("The e-mail address or the password is wrong."));
    assert!(r.contains("value=\"user@bouwwerken.demo\""), "the e-mail typed is kept");
    for _ in 0..4 {
        c.login(USER_A, "wrong").await;
    }
    let r = c.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.contains("Too many failed attempts. Try again in one minute."), "{}", r.body);
    app.clock.advance(Duration::seconds(61));
    assert_eq!(c.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn unknown_user_gets_the_same_answer() {
    let app = TestApp::new().await;
    let r = app.client().login("nobody@example.be", "whatever").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.contains("The e-mail address or the password is wrong."));
}

#[tokio::test]
async fn pages_need_a_login() {
    let app = TestApp::new().await;
    let mut c = app.client();
    assert_eq!(c.get("/posting").await.redirected(), "/login?next=/posting");
    assert_eq!(c.get("/").await.redirected(), "/login");
}

#[tokio::test]
async fn agents_are_not_employers() {
    let app = TestApp::new().await;
    let mut c = app.login("agent@nsso.demo").await;
    assert_eq!(c.get("/posting").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn forms_without_the_csrf_token_or_from_elsewhere_are_refused() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let r = c.post_raw("/requests/new", &[("kind", "posting")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.contains("This form has expired"));
    let r = c.post_raw("/requests/new", &[("csrf", "0".repeat(64).as_str()), ("kind", "posting")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    c.headers.push(("origin", "https://evil.example".into()));
    let r = c.post("/requests/new", &[("kind", "posting")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a foreign Origin is refused even with the token");
    c.headers.clear();
    c.headers.push(("origin", "http://localhost".into()));
    assert_eq!(c.post("/requests/new", &[("kind", "posting")]).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn idle_sessions_expire() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(c.get("/posting").await.status, StatusCode::OK);
    app.clock.advance(Duration::minutes(31));
    assert!(c.get("/posting").await.redirected().starts_with("/login"));
}

#[tokio::test]
async fn login_only_redirects_to_local_paths() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let r = c
        .post(
            "/login",
            &[("email", USER_A), ("password", wabro_app::demo::DEMO_PASSWORD), ("next", "//evil.example/x")],
        )
        .await;
    assert_eq!(r.redirected(), "/");
}
