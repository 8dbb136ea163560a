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
    // Issue 12, finding 11: a password someone else chose is changed at the first login.
    assert_eq!(els.get("/posting").await.redirected(), "/account/password");
    assert!(els.get("/account/password").await.contains("Your password was set by someone else."));
    let change = [
        ("current", "correct horse battery"),
        ("new", "lantern quiet fjord 27 pebble"),
        ("repeated", "lantern quiet fjord 27 pebble"),
    ];
    assert_eq!(els.post("/account/password", &change).await.redirected(), "/account/password?changed=1");
    assert_eq!(els.get("/users").await.status, StatusCode::FORBIDDEN, "a plain user manages nobody");
    let again = m.post("/users", &form).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.contains("This address cannot be given a new account."));
}

/// Issue 12, finding 11: creating a user told whether the address had an account elsewhere
/// (an agent, another enterprise); now every address in use gets the same answer.
#[tokio::test]
async fn creating_a_user_does_not_tell_where_an_address_is_used() {
    let app = TestApp::new().await;
    let mut m = app.login(MANAGER_A).await;
    let mut answers = Vec::new();
    for email in ["agent@nsso.demo", USER_B, USER_A] {
        let r = m
            .post(
                "/users",
                &[("name", "Someone Else"), ("email", email), ("password", "lantern quiet fjord 27 pebble")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let message =
            r.body.split("class=\"error-message\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
        answers.push(message);
    }
    assert!(answers.iter().all(|a| a == &answers[0]), "{answers:?}");
}

/// Issue 12, finding 11: `aaaaaaaaaaaa`, twelve spaces and the e-mail address were accepted.
#[tokio::test]
async fn weak_passwords_are_refused_everywhere() {
    let app = TestApp::new().await;
    let mut m = app.login(MANAGER_A).await;
    for (password, message) in [
        ("aaaaaaaaaaaa", "must not be one character repeated"),
        ("            ", "must not be one character repeated"),
        ("els.peeters@bouwwerken.demo", "must not contain the e-mail address or the name"),
        ("password1234", "one that attackers try first"),
    ] {
        let r = m
            .post(
                "/users",
                &[("name", "Els Peeters"), ("email", "els.peeters@bouwwerken.demo"), ("password", password)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{password:?}");
        assert!(r.contains(message), "{password:?}: {}", r.body);
    }
    // The same rules when a person changes their own password.
    let mut user = app.login(USER_A).await;
    let r = user
        .post(
            "/account/password",
            &[
                ("current", wabro_app::demo::DEMO_PASSWORD),
                ("new", "qwertyuiop12"),
                ("repeated", "qwertyuiop12"),
            ],
        )
        .await;
    assert!(r.contains("one that attackers try first"), "{}", r.body);
    let r = user.post("/account/password", &[("current", "wrong"), ("new", "x"), ("repeated", "x")]).await;
    assert!(r.contains("The current password is wrong."));
}

/// Issue 12, finding 11: a person changes their password (other sessions end); an access
/// manager resets a user's password, which must be changed at the next login.
#[tokio::test]
async fn passwords_are_changed_by_their_owner_and_reset_by_the_access_manager() {
    let app = TestApp::new().await;
    let mut elsewhere = app.login(USER_A).await;
    let mut user = app.login(USER_A).await;
    let new = "lantern quiet fjord 27 pebble";
    let r = user
        .post(
            "/account/password",
            &[("current", wabro_app::demo::DEMO_PASSWORD), ("new", new), ("repeated", new)],
        )
        .await;
    assert_eq!(r.redirected(), "/account/password?changed=1");
    assert_eq!(user.get("/posting").await.status, StatusCode::OK, "this session stays");
    assert!(elsewhere.get("/posting").await.redirected().starts_with("/login"), "the other one ended");
    assert_eq!(app.client().login(USER_A, new).await.status, StatusCode::SEE_OTHER);

    let mut m = app.login(MANAGER_A).await;
    let page = m.get("/users").await;
    let id = page.body.split("href=\"/users/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let reset =
        m.post(&format!("/users/{id}/password"), &[("password", "marble kiosk tundra 88 wren")]).await;
    assert_eq!(reset.redirected(), "/users?reset=1");
    assert!(
        user.get("/posting").await.redirected().starts_with("/login"),
        "a reset ends the user's sessions"
    );
    let mut again = app.client();
    assert_eq!(again.login(USER_A, "marble kiosk tundra 88 wren").await.status, StatusCode::SEE_OTHER);
    assert_eq!(again.get("/consult").await.redirected(), "/account/password");
    // Another enterprise's manager cannot reset this user.
    let mut b = app.login(MANAGER_B).await;
    assert_eq!(
        b.post(&format!("/users/{id}/password"), &[("password", "marble kiosk tundra 88 wren")]).await.status,
        StatusCode::NOT_FOUND
    );
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
