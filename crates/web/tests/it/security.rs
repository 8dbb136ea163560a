//! What an attack on a release build found (issue 12): each test failed before its fix.

use crate::support::*;
use axum::http::StatusCode;

/// Finding 6: a tab (or other control character, or a backslash) after the first slash made
/// Chromium leave the site after login or a language switch.
#[tokio::test]
async fn redirects_after_login_and_language_stay_on_the_site() {
    let app = TestApp::new().await;
    for evil in
        ["/\t/evil.example", "/\n/evil.example", "/\\evil.example", "//evil.example", "/%09/evil.example"]
    {
        let mut c = app.client();
        let r = c
            .post(
                "/login",
                &[("email", USER_A), ("password", wabro_app::demo::DEMO_PASSWORD), ("next", evil)],
            )
            .await;
        assert_eq!(r.redirected(), "/", "next={evil:?}");
        let r = c.post("/lang", &[("lang", "fr"), ("back", evil)]).await;
        assert_eq!(r.redirected(), "/", "back={evil:?}");
    }
    let page = app.client().get("/login?next=/%09/evil.example").await;
    assert!(page.contains("name=\"next\" value=\"/\""), "{}", page.body);
    let mut c = app.client();
    let r = c.post("/lang", &[("lang", "fr"), ("back", "/consult?status=in_progress&page=2")]).await;
    assert_eq!(r.redirected(), "/consult?status=in_progress&page=2", "a local path with a query is kept");
}

/// Finding 9: a number out of range in a URL panicked the handler and dropped the connection.
#[tokio::test]
async fn an_out_of_range_number_in_a_url_is_a_400_naming_the_field() {
    let app = TestApp::new().await;
    let mut agent = app.login("agent@nsso.demo").await;
    for bad in ["1000000000", "-1", "9223372036854775807", "abc"] {
        let r = agent.get(&format!("/agent?min_age_days={bad}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "min_age_days={bad}");
        assert!(r.contains("Filed at least"), "the field is named: {}", r.body);
        assert!(r.contains("Enter a whole number from 0 to 3650."), "{}", r.body);
    }
    assert_eq!(agent.get("/agent?min_age_days=30").await.status, StatusCode::OK);
    assert_eq!(agent.get("/agent?page=4294967295").await.status, StatusCode::OK);
}

/// Signs a verification token the way the worker does.
fn token(number: &str, kind: &str) -> String {
    test_keyring().sign(&wabro_certificate::Payload {
        n: number.into(),
        k: kind.into(),
        s: "BE".into(),
        from: "2027-01-04".into(),
        to: "2027-06-30".into(),
        y: 1985,
    })
}

/// Finding 1: a document number alone listed the holder's name, birth year, countries and
/// period, and numbers are sequential. Now it needs the holder's full date of birth.
#[tokio::test]
async fn a_document_number_alone_reveals_nothing_personal() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    approve(&app, &tx, time::macros::date!(2027 - 01 - 04), time::macros::date!(2027 - 06 - 30)).await;
    assert_eq!(app.app.process_jobs().await.unwrap(), 1);
    let number = format!("A1-{tx}");
    let mut anyone = app.client();
    let personal = ["Van den Broeck", "1985", "France", "04/01/2027"];

    let page = anyone.get(&format!("/verify?n={number}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.contains("date of birth as printed on the document too"), "{}", page.body);
    for fact in personal {
        assert!(!page.contains(fact), "{fact} shown for a number alone: {}", page.body);
    }
    let json = anyone.get(&format!("/verify.json?n={number}")).await;
    assert_eq!(json.status, StatusCode::BAD_REQUEST);
    assert_eq!(json.headers["content-type"], "application/problem+json");
    assert!(json.contains("verify.birth_date_required"));
    for fact in personal {
        assert!(!json.contains(fact), "{fact} in the JSON for a number alone: {}", json.body);
    }

    // Another date of birth looks exactly like a number that does not exist.
    let wrong = anyone.get(&format!("/verify?n={number}&b=30/07/1986")).await;
    let none = anyone.get("/verify?n=A1-WAB-2026-9999999&b=30/07/1986").await;
    assert!(wrong.contains("Unknown: no document matches") && none.contains("Unknown: no document matches"));
    for fact in personal {
        assert!(!wrong.contains(fact), "{fact} shown for a wrong date of birth");
    }
    let json = anyone.get(&format!("/verify.json?n={number}&b=1985-07-31")).await;
    assert_eq!(json.body, r#"{"status":"unknown"}"#);

    // The date of birth printed on the document, in any usual notation, and the QR token.
    for b in ["30/07/1985", "1985-07-30", "30.07.1985"] {
        let r = anyone.get(&format!("/verify?n={number}&b={b}")).await;
        assert!(
            r.contains("Valid: this document was issued by the NSSO")
                && r.contains("Jan Van den Broeck (1985)")
        );
    }
    let r = anyone.get(&format!("/verify?t={}", token(&number, "a1"))).await;
    assert!(r.contains("Valid: this document was issued by the NSSO"), "the QR token still verifies");
    let bad = anyone.get(&format!("/verify?n={number}&b=31/02/1985")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.contains("date of birth: Enter a real date"), "{}", bad.body);
}

/// Finding 1: 1,500 lookups in 30 s were all answered. Now a client gets 429 with
/// Retry-After past its allowance, on the page and in the JSON, and again a minute later.
#[tokio::test]
async fn verification_is_rate_limited_per_client() {
    let app = TestApp::new().await;
    let mut anyone = app.client();
    for i in 0..30 {
        let path = if i % 2 == 0 {
            "/verify?n=A1-WAB-2026-0000001&b=01/01/1980"
        } else {
            "/verify.json?n=A1-X&b=1980-01-01"
        };
        assert_eq!(anyone.get(path).await.status, StatusCode::OK, "request {i}");
    }
    let page = anyone.get("/verify?n=A1-WAB-2026-0000002&b=01/01/1980").await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = page.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(page.contains("Too many verifications"));
    let json = anyone.get("/verify.json?t=whatever").await;
    assert_eq!(json.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json.headers["content-type"], "application/problem+json");
    assert!(json.headers.contains_key("retry-after"));
    app.clock.advance(time::Duration::seconds(61));
    assert_eq!(anyone.get("/verify?n=A1-WAB-2026-0000002&b=01/01/1980").await.status, StatusCode::OK);
}

/// Finding 2: a rejection letter verified as "Valid … in force".
#[tokio::test]
async fn a_rejection_letter_is_authentic_but_never_valid() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let reject = wabro_app::DecisionInput::Reject {
        reason_code: "no_direct_link".into(),
        reason: "The worker is not subject to Belgian legislation.".into(),
    };
    app.app.decide(&wabro_app::AgentCtx::for_tests(5), &tx, reject).await.unwrap();
    assert_eq!(app.app.process_jobs().await.unwrap(), 1);
    let number = format!("REJ-{tx}");
    let mut anyone = app.client();
    for r in [
        anyone.get(&format!("/verify?t={}", token(&number, "rejection"))).await,
        anyone.get(&format!("/verify?n={number}&b=30/07/1985")).await,
    ] {
        assert!(!r.contains("Valid"), "{}", r.body);
        assert!(
            r.contains("Authentic rejection letter") && r.contains("certifies no social security coverage")
        );
        assert!(r.contains("class=\"verdict rejection\""));
    }
    let json: serde_json::Value =
        serde_json::from_str(&anyone.get(&format!("/verify.json?n={number}&b=1985-07-30")).await.body)
            .unwrap();
    assert_eq!(json["status"], "rejection");
    assert_eq!(json["certifies_coverage"], false);
    assert!(json.get("valid_to").is_none());
}

/// Finding 12: `history-document_issued` appeared untranslated in every decided request's
/// history.
#[tokio::test]
async fn every_step_of_a_request_history_is_translated() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    approve(&app, &tx, time::macros::date!(2027 - 01 - 04), time::macros::date!(2027 - 06 - 30)).await;
    assert_eq!(app.app.process_jobs().await.unwrap(), 1);
    for (lang, issued) in [
        ("en", "Document issued"),
        ("fr", "Document délivré"),
        ("nl", "Document uitgereikt"),
        ("de", "Dokument ausgestellt"),
    ] {
        a.post("/lang", &[("lang", lang), ("back", "/")]).await;
        let page = a.get(&format!("/consult/{tx}")).await;
        assert!(!page.contains("history-"), "an untranslated key in {lang}: {}", page.body);
        assert!(page.contains(issued), "{lang}");
    }
}

/// Finding 7: the CSRF token was a cookie of its own (an attacker who can plant a cookie chose
/// both halves), never changed at login or logout, and the Origin check ignored the scheme.
#[tokio::test]
async fn the_csrf_token_is_bound_to_the_session_and_renewed_at_login_and_logout() {
    let app = TestApp::new().await;
    let mut c = app.client();
    let before = c.csrf().await;
    assert!(!c.cookies.contains_key("wabro_csrf"), "no token cookie an attacker could plant");
    // A token the attacker picks, sent with a cookie the attacker picks, is refused.
    let planted = "a".repeat(64);
    c.cookies.insert("wabro_csrf".into(), planted.clone());
    let r = c
        .post_raw(
            "/login",
            &[("csrf", &planted), ("email", USER_A), ("password", wabro_app::demo::DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a planted token");
    c.cookies.remove("wabro_csrf");

    c.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await.redirected();
    let logged_in = c.csrf().await;
    assert_ne!(logged_in, before, "a new token at login");
    let r = c.post_raw("/requests/new", &[("csrf", &before), ("kind", "posting")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the token from before the login no longer works");
    // Another user's token does not work in this session.
    let mut other = app.login(USER_B).await;
    let others = other.csrf().await;
    assert_eq!(
        c.post_raw("/requests/new", &[("csrf", &others), ("kind", "posting")]).await.status,
        StatusCode::FORBIDDEN
    );

    c.post("/logout", &[]).await.redirected();
    let after = c.csrf().await;
    assert_ne!(after, logged_in, "a new token at logout");
    assert_ne!(after, before);
}

#[tokio::test]
async fn a_form_from_another_scheme_or_host_is_refused() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    for origin in ["https://localhost", "http://localhost:8443", "http://evil.example", "null"] {
        c.headers = vec![("origin", origin.into())];
        assert_eq!(
            c.post("/requests/new", &[("kind", "posting")]).await.status,
            StatusCode::FORBIDDEN,
            "{origin}"
        );
    }
    c.headers = vec![("origin", "http://localhost".into())];
    assert_eq!(c.post("/requests/new", &[("kind", "posting")]).await.status, StatusCode::SEE_OTHER);
}

/// With `--secure-cookies`: `__Host-` cookie names and Strict-Transport-Security.
#[tokio::test]
async fn over_tls_cookies_have_host_names_and_responses_carry_hsts() {
    let app = TestApp::new().await;
    let mut state = wabro_web::AppState::new(app.app.clone());
    state.secure_cookies = true;
    state.public_origin = Some("https://wabro.example.be".into());
    let router = wabro_web::router(state);
    let mut c = Client::over(router);
    let page = c.get("/login").await;
    assert!(page.headers["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
    let set = page.headers["set-cookie"].to_str().unwrap();
    assert!(
        set.starts_with("__Host-wabro_anon=") && set.contains("Secure") && set.contains("Path=/"),
        "{set}"
    );
    c.headers = vec![("origin", "https://wabro.example.be".into())];
    let r = c.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(c.cookies.contains_key("__Host-wabro_session"));
    c.headers = vec![("origin", "http://wabro.example.be".into())];
    assert_eq!(
        c.post("/requests/new", &[("kind", "posting")]).await.status,
        StatusCode::FORBIDDEN,
        "plain HTTP origin"
    );
}

/// Finding 5 (the part about addresses): behind a reverse proxy, only the proxy's own
/// `X-Forwarded-For` entry is believed.
#[test]
fn the_client_address_is_taken_from_a_trusted_proxy_only() {
    use std::net::IpAddr;
    let proxy: IpAddr = "10.0.0.2".parse().unwrap();
    let headers = |xff: &str| {
        let mut h = axum::http::HeaderMap::new();
        h.insert("x-forwarded-for", xff.parse().unwrap());
        h
    };
    let client = |peer: &str, xff: &str| {
        wabro_web::client_address(peer.parse().unwrap(), &headers(xff), &[proxy]).to_string()
    };
    assert_eq!(client("10.0.0.2", "198.51.100.7"), "198.51.100.7");
    assert_eq!(
        client("10.0.0.2", "1.2.3.4, 198.51.100.7"),
        "198.51.100.7",
        "what the client wrote is ignored"
    );
    assert_eq!(client("203.0.113.9", "198.51.100.7"), "203.0.113.9", "an untrusted peer's header is ignored");
    assert_eq!(client("10.0.0.2", "garbage"), "10.0.0.2");
}

/// The audit records of one action, newest first.
async fn audited(app: &TestApp, action: &str) -> Vec<wabro_app::ports::AuditRecord> {
    use wabro_app::ports::AuditTrail;
    let all = app
        .store
        .search_audit(&wabro_app::ports::AuditFilter { limit: 1000, ..Default::default() })
        .await
        .unwrap();
    all.into_iter().filter(|r| r.entry.action == action).collect()
}

/// Finding 5: five wrong passwords locked the account for 15 minutes from every address, and
/// five failures from one address locked every account from it. Now the attacker's address is
/// slowed on that account, more with each failure, the owner elsewhere is not, the counters
/// survive a restart (they are in the database), and each attempt is audited.
#[tokio::test]
async fn failed_logins_slow_the_attacker_not_the_owner() {
    let app = TestApp::new().await;
    let mut attacker = app.client().connecting_from("198.51.100.7");
    for _ in 0..5 {
        assert_eq!(attacker.login(USER_A, "guess").await.status, StatusCode::UNAUTHORIZED);
    }
    let r = attacker.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers["retry-after"], "60");
    // The owner, elsewhere, logs in; the attacker's address may still try other accounts.
    let mut owner = app.client().connecting_from("203.0.113.20");
    assert_eq!(owner.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await.status, StatusCode::SEE_OTHER);
    assert_eq!(attacker.login(USER_B, "guess").await.status, StatusCode::UNAUTHORIZED);

    // Each further failure doubles the wait: 1 minute, then 2, then 4.
    app.clock.advance(time::Duration::seconds(61));
    assert_eq!(attacker.login(USER_A, "guess").await.status, StatusCode::UNAUTHORIZED);
    let r = attacker.login(USER_A, "guess").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers["retry-after"], "120");
    assert!(r.contains("Try again in 2 minutes."), "{}", r.body);

    // The counters are in the database: a restarted service remembers them.
    let app = app.restart().await;
    let mut attacker = app.client().connecting_from("198.51.100.7");
    assert_eq!(attacker.login(USER_A, "guess").await.status, StatusCode::TOO_MANY_REQUESTS);

    let failed = audited(&app, "login_failed").await;
    assert_eq!(failed.len(), 7, "every failure is audited");
    assert_eq!(failed[0].entry.origin.client.unwrap().to_string(), "198.51.100.7");
    assert!(failed.iter().any(|r| r.user_email.as_deref() == Some(USER_A)), "on the account aimed at");
    assert!(!audited(&app, "login_throttled").await.is_empty());
}

/// Finding 8: a new login left every older session valid (one user had 17).
#[tokio::test]
async fn a_person_sees_their_sessions_and_logs_out_the_others() {
    let app = TestApp::new().await;
    let mut browsers = Vec::new();
    for i in 0..7 {
        let mut c = app.client().connecting_from(&format!("192.0.2.{}", i + 1));
        c.login(USER_A, wabro_app::demo::DEMO_PASSWORD).await.redirected();
        app.clock.advance(time::Duration::seconds(40));
        browsers.push(c);
    }
    let mut newest = browsers.pop().unwrap();
    let page = newest.get("/account/sessions").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("<tr><td>").count(), 5, "at most five sessions: {}", page.body);
    assert!(page.contains("192.0.2.7") && page.contains("This browser"));
    assert!(!page.contains("192.0.2.1<"), "the oldest sessions ended");
    assert!(
        browsers[0].get("/posting").await.redirected().starts_with("/login"),
        "the oldest browser is logged out"
    );
    assert_eq!(browsers[5].get("/posting").await.status, StatusCode::OK);

    let r = newest.post("/account/sessions/others", &[]).await;
    assert_eq!(r.redirected(), "/account/sessions?ended=4");
    assert!(newest.get("/account/sessions?ended=4").await.contains("4 other sessions were logged out."));
    assert!(browsers[5].get("/posting").await.redirected().starts_with("/login"));
    assert_eq!(newest.get("/posting").await.status, StatusCode::OK, "this one stays");
    assert_eq!(audited(&app, "logged_out_others").await.len(), 1);

    newest.post("/logout", &[]).await.redirected();
    assert_eq!(audited(&app, "logout").await.len(), 1, "logout is audited");
}

/// Finding 8: expired sessions are deleted, not only refused.
#[tokio::test]
async fn expired_sessions_are_deleted() {
    use wabro_app::ports::Accounts;
    let app = TestApp::new().await;
    app.login(USER_A).await;
    app.login(USER_A).await;
    app.clock.advance(time::Duration::hours(13));
    app.login(USER_A).await;
    let user = app.store.user_by_email(USER_A).await.unwrap().unwrap();
    assert_eq!(app.store.sessions_of(user.id).await.unwrap().len(), 1, "the expired ones are gone");
}

/// Finding 4: the audit trail records what an auditor asks for, and the administrator
/// searches and exports it; nobody else may.
#[tokio::test]
async fn the_administrator_searches_and_exports_an_audit_of_every_sensitive_action() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let mut agent = app.login("agent@nsso.demo").await;
    assert_eq!(agent.get(&format!("/agent/requests/{tx}")).await.status, StatusCode::OK);
    approve(&app, &tx, time::macros::date!(2027 - 01 - 04), time::macros::date!(2027 - 06 - 30)).await;
    app.app.process_jobs().await.unwrap();
    let number = format!("A1-{tx}");
    a.get(&format!("/documents/{number}")).await;
    a.post(&format!("/documents/{number}/read"), &[]).await.redirected();
    let mut b = app.login(USER_B).await;
    assert_eq!(b.get(&format!("/consult/{tx}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(b.get(&format!("/documents/{number}")).await.status, StatusCode::NOT_FOUND);

    for action in ["opened", "downloaded", "marked_read", "refused", "login", "submitted"] {
        assert!(!audited(&app, action).await.is_empty(), "{action} is audited");
    }
    let refused = audited(&app, "refused").await;
    assert!(refused.iter().any(
        |r| r.user_email.as_deref() == Some(USER_B) && r.entry.entity_id == format!("GET /consult/{tx}")
    ));

    // Only the administrator sees the audit page.
    assert_eq!(agent.get("/admin/audit").await.status, StatusCode::FORBIDDEN);
    assert_eq!(a.get("/admin/audit").await.status, StatusCode::FORBIDDEN);
    let mut admin = app.login("admin@nsso.demo").await;
    let page = admin.get(&format!("/admin/audit?reference={tx}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.contains("request opened") && page.contains("request submitted"), "{}", page.body);
    assert!(!page.contains("session login"), "only what concerns the reference");
    let by_person = admin.get("/admin/audit?person=techniques").await;
    assert!(by_person.contains("access refused") && !by_person.contains("request opened"));
    let by_enterprise = admin.get("/admin/audit?enterprise=0876.543.270").await;
    assert_eq!(by_enterprise.status, StatusCode::OK);
    let bad = admin.get("/admin/audit?from=2026-13-01").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let none = admin.get("/admin/audit?from=2030-01-01").await;
    assert!(none.contains("No record matches"));

    let csv = admin.get(&format!("/admin/audit.csv?reference={tx}")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(csv.body.starts_with("id,at,user,enterprise,entity,action,reference,detail,client,request_id"));
    assert!(csv.body.lines().count() >= 5, "{}", csv.body);
    assert_eq!(audited(&app, "exported").await.len(), 1, "the export is audited");
}

/// Finding 10: a 1.9 MB cancel justification was stored twice, an agent's rejection reason
/// and draft fields took megabytes, and drafts per person were unlimited.
#[tokio::test]
async fn free_texts_are_bounded_and_a_person_keeps_a_bounded_number_of_drafts() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let long = "x".repeat(2001);
    let r = a.post(&format!("/cancel/{tx}"), &[("justification", &long)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", &r.body[..r.body.len().min(300)]);
    assert!(r.contains("Use at most 2000 characters."));
    assert!(a.get(&format!("/consult/{tx}")).await.contains("In progress"), "nothing was cancelled");
    let huge = "x".repeat(2_000_000);
    let r = a.post(&format!("/cancel/{tx}"), &[("justification", &huge)]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.contains("Too much text"));

    let mut agent = app.login("agent@nsso.demo").await;
    let r = agent
        .post(
            &format!("/agent/requests/{tx}/reject"),
            &[("reason_code", "no_direct_link"), ("reason", &long)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("Use at most 2000 characters."));

    // Drafts: at most 50 unsubmitted ones; those untouched for 30 days go.
    use wabro_app::ports::Requests;
    let existing = app.store.open_drafts(wabro_app::Scope::unchecked(1), 1000).await.unwrap().len();
    for _ in existing..50 {
        a.post("/requests/new", &[("kind", "posting")]).await.redirected();
    }
    let r = a.post("/requests/new", &[("kind", "posting")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.contains("Finish or discard some of them first."));
    app.clock.advance(time::Duration::days(31));
    a = app.login(USER_A).await;
    a.post("/requests/new", &[("kind", "posting")]).await.redirected();
    assert_eq!(
        app.store.open_drafts(wabro_app::Scope::unchecked(1), 1000).await.unwrap().len(),
        1,
        "the old drafts expired"
    );
}
