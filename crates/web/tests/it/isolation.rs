//! Tenant isolation: an enterprise never sees another's employees, drafts or requests.

use crate::support::*;
use axum::http::StatusCode;

#[tokio::test]
async fn another_enterprise_gets_404_for_drafts_and_requests() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let id = new_draft(&mut a).await;
    complete_draft(&mut a, &id).await;
    let other = new_draft(&mut a).await;
    let tx = a.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();

    let mut b = app.login(USER_B).await;
    for path in [
        format!("/drafts/{other}/step/1"),
        format!("/drafts/{other}/step/3"),
        format!("/drafts/{other}/summary"),
        format!("/drafts/{other}/places/new?type=company"),
        tx.clone(),
    ] {
        assert_eq!(b.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for (path, fields) in [
        (format!("/drafts/{other}/step/3"), vec![("mission", "hijack"), ("action", "continue")]),
        (format!("/drafts/{other}/submit"), vec![]),
        (format!("/drafts/{other}/discard"), vec![]),
        (format!("/drafts/{other}/places/0"), vec![("type", "region"), ("places[0].name", "X")]),
        (format!("{tx}/reuse"), vec![("mode", "other_period")]),
    ] {
        assert_eq!(b.post(&path, &fields).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let r = b
        .post("/requests/new", &[("kind", "posting"), ("based_on", tx.trim_start_matches("/requests/"))])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "cannot copy another enterprise's request");
    assert!(!b.get("/posting").await.contains("WAB-2026-0000001"));
    assert!(
        a.get(&format!("/drafts/{other}/step/1")).await.status == StatusCode::OK,
        "A still has its draft"
    );
}

#[tokio::test]
async fn a_search_never_shows_another_enterprises_employees() {
    let app = TestApp::new().await;
    let mut b = app.login(USER_B).await;
    let id = new_draft(&mut b).await;
    let r = b.get(&format!("/drafts/{id}/step/1?q=broeck")).await;
    assert!(!r.contains("Van den Broeck"), "Van den Broeck works for enterprise A");
    assert!(r.contains("No employee of your enterprise matches this search."));
    let r = b.get(&format!("/drafts/{id}/step/1?q=heyden")).await;
    assert!(r.contains("Van der Heyden Ludwig"), "B's own employee is found");

    // Choosing A's employee by SSIN directly is refused too.
    let mut a = app.login(USER_A).await;
    let aid = new_draft(&mut a).await;
    let found = a.get(&format!("/drafts/{aid}/step/1?q=broeck")).await;
    let ssin =
        found.body.split("name=\"ssin\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    assert!(!b.get(&format!("/drafts/{id}/step/1?q={ssin}")).await.contains("Van den Broeck"));
    assert_eq!(
        b.post(&format!("/drafts/{id}/employee"), &[("ssin", &ssin)]).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_request_read_in_an_enterprise_scope_is_filtered_in_the_query() {
    use wabro_app::ports::Requests;
    use wabro_app::{Scope, SearchScope};
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let read = |scope| {
        let (store, tx) = (app.store.clone(), tx.clone());
        async move { store.request_for_agent(scope, &tx).await.unwrap() }
    };
    assert!(read(SearchScope::Nsso).await.is_some(), "the NSSO sees every enterprise");
    assert!(read(SearchScope::Enterprise(Scope::unchecked(1))).await.is_some(), "its own enterprise");
    assert!(read(SearchScope::Enterprise(Scope::unchecked(2))).await.is_none(), "not another enterprise");
}
