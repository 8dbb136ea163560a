//! The access manager creates and disables the enterprise's users.

use crate::support::*;
use axum::http::StatusCode;

const MANAGER_A: &str = "manager@bouwwerken.demo";
const MANAGER_B: &str = "manager@techniques.demo";

#[tokio::test]
async fn an_access_manager_creates_a_user_who_can_log_in() {
    let app = TestApp::new().await;
    let mut m = app.login(MANAGER_A).await;
    assert!(m.get("/posting").await.contains("href=\"/users\""), "the Users tab is shown");
    let page = m.get("/users").await;
    assert!(page.contains("Pieter Claes") && page.contains("Katrien Verhoeven"));
    assert!(!page.contains("Nicolas Henrard"), "only this enterprise's users");
    let form = [
        ("name", "Els Peeters"),
        ("email", " Els.Peeters@Bouwwerken.demo "),
        ("password", "correct horse battery"),
    ];
    let loc = m.post("/users", &form).await.redirected();
    assert!(m.get(&loc).await.contains("The account els.peeters@bouwwerken.demo was created."));
    let mut els = app.client();
    assert_eq!(
        els.login("els.peeters@bouwwerken.demo", "correct horse battery").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(els.get("/users").await.status, StatusCode::FORBIDDEN, "a plain user manages nobody");
    let again = m.post("/users", &form).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.contains("This e-mail address already has an account."));
}

#[tokio::test]
async fn bad_user_forms_report_every_problem() {
    let app = TestApp::new().await;
    let mut m = app.login(MANAGER_A).await;
    let r = m.post("/users", &[("name", ""), ("email", "not-an-address"), ("password", "short")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("Enter an e-mail address such as name@example.be."));
    assert!(r.contains("The password needs at least 12 characters."));
    assert!(r.contains("Enter this information."));
    assert!(r.contains("value=\"not-an-address\""), "what was typed is kept");
}

#[tokio::test]
async fn disabling_ends_sessions_and_blocks_login_until_enabled() {
    let app = TestApp::new().await;
    let mut user = app.login(USER_A).await;
    let mut m = app.login(MANAGER_A).await;
    let page = m.get("/users").await;
    let id = page.body.split("action=\"/users/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    assert_eq!(m.post(&format!("/users/{id}/state"), &[("state", "disabled")]).await.redirected(), "/users");
    assert!(m.get("/users").await.contains("Disabled"));
    assert!(user.get("/posting").await.redirected().starts_with("/login"), "the session ended");
    assert_eq!(
        app.client().login(USER_A, wabro_app::demo::DEMO_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    m.post(&format!("/users/{id}/state"), &[("state", "enabled")]).await.redirected();
    assert_eq!(
        app.client().login(USER_A, wabro_app::demo::DEMO_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_manager_cannot_touch_another_enterprises_users() {
    let app = TestApp::new().await;
    let mut a = app.login(MANAGER_A).await;
    let page = a.get("/users").await;
    let id = page.body.split("action=\"/users/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let mut b = app.login(MANAGER_B).await;
    assert_eq!(
        b.post(&format!("/users/{id}/state"), &[("state", "disabled")]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.client().login(USER_A, wabro_app::demo::DEMO_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
}
