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
