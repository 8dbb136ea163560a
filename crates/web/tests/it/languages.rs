//! Every page in four languages: negotiation, the switcher, translated errors.

use crate::support::*;

#[tokio::test]
async fn accept_language_then_the_switcher_decide() {
    let app = TestApp::new().await;
    let mut c = app.client();
    c.headers.push(("accept-language", "fr-BE,fr;q=0.9,en;q=0.5".into()));
    let r = c.get("/login").await;
    assert!(r.contains("<html lang=\"fr\">"));
    assert!(r.contains("Travailler à l&#39;étranger"), "{}", r.body);
    c.post("/lang", &[("lang", "nl"), ("back", "/login")]).await.redirected();
    let r = c.get("/login").await;
    assert!(r.contains("<html lang=\"nl\">"), "the choice is remembered over Accept-Language");
    assert!(r.contains("Werken in het buitenland"));
}

#[tokio::test]
async fn errors_are_translated() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    c.post("/lang", &[("lang", "de"), ("back", "/posting")]).await;
    let id = new_draft(&mut c).await;
    let r = c
        .post(
            &format!("/drafts/{id}/step/3"),
            &[("period.start", "2027-06-01"), ("period.end", "2027-05-01"), ("action", "continue")],
        )
        .await;
    assert!(r.contains("<html lang=\"de\">"));
    assert!(!r.contains("The end date must be on or after the start date."), "no English left");
    assert!(!r.contains("code-"), "no untranslated message id");
}

#[tokio::test]
async fn every_page_of_the_wizard_renders_in_every_language() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    for lang in ["en", "fr", "nl", "de"] {
        c.post("/lang", &[("lang", lang), ("back", "/posting")]).await;
        for path in [
            "/posting".to_owned(),
            format!("/drafts/{id}/step/1?q=broeck"),
            format!("/drafts/{id}/step/2"),
            format!("/drafts/{id}/places/0"),
            format!("/drafts/{id}/places/new?type=ocean_vessel"),
            format!("/drafts/{id}/step/3"),
            format!("/drafts/{id}/step/4"),
            format!("/drafts/{id}/summary"),
        ] {
            let r = c.get(&path).await;
            assert_eq!(r.status, axum::http::StatusCode::OK, "{lang} {path}");
            assert!(r.contains(&format!("<html lang=\"{lang}\">")), "{lang} {path}");
            for leak in ["code-", "step-employee-title", "field-", "place-type-", "framework-", "instrument-"]
            {
                assert!(
                    !r.body.contains(leak) || r.body.contains(&format!("id=\"{leak}")),
                    "{lang} {path} shows a message id {leak}"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_other_kinds_render_in_every_language() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let so = draft_id(&c.post("/requests/new", &[("kind", "simultaneous_occupation")]).await.redirected());
    let sea = draft_id(&c.post("/requests/new", &[("kind", "seafarer")]).await.redirected());
    c.post(
        &format!("/drafts/{so}/step/2"),
        &[("countries[0]", "NL"), ("also_in_belgium", "yes"), ("action", "continue")],
    )
    .await;
    for lang in ["en", "fr", "nl", "de"] {
        c.post("/lang", &[("lang", lang), ("back", "/posting")]).await;
        let mut paths = vec![
            "/simultaneous".to_owned(),
            "/seafarer".to_owned(),
            format!("/drafts/{so}/summary"),
            format!("/drafts/{sea}/summary"),
        ];
        paths.extend((1..=5).map(|n| format!("/drafts/{so}/step/{n}")));
        paths.extend((1..=4).map(|n| format!("/drafts/{sea}/step/{n}")));
        paths.push(format!("/drafts/{so}/places/new?type=ocean_vessel"));
        for path in paths {
            let r = c.get(&path).await;
            assert_eq!(r.status, axum::http::StatusCode::OK, "{lang} {path}");
            for leak in ["code-", "step-", "field-", "classification-", "home-title", "reuse-"] {
                assert!(
                    !r.body.contains(&format!(">{leak}")) && !r.body.contains(&format!(" {leak}")),
                    "{lang} {path} shows a message id {leak}"
                );
            }
        }
    }
}
