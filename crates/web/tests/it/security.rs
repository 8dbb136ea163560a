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
