//! Faults the service survives (issue 14).

use crate::support::*;
use axum::http::StatusCode;

/// Finding 1: after a disk-full failure, every transactional write kept failing ("non-zero
/// transaction depth") until a restart. Here the database may not grow (as on a full disk),
/// saves fail with the error page, then space comes back and writing works again at once.
#[tokio::test]
async fn after_a_full_disk_the_service_writes_again_once_space_is_back() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let pages = app.store.page_count().await.unwrap();
    app.store.limit_pages_for_tests(pages).await.unwrap();
    // Fill the last page, then fail: a save is the error page, and nothing is half-written.
    let mut failures = 0;
    for _ in 0..40 {
        let r = a.post("/requests/new", &[("kind", "posting")]).await;
        if r.status == StatusCode::INTERNAL_SERVER_ERROR {
            assert!(r.contains("Nothing you saved is lost"));
            failures += 1;
            break;
        }
    }
    assert!(failures > 0, "the full disk was felt");
    app.store.limit_pages_for_tests(1_000_000).await.unwrap();
    // Space is back: logins, drafts and requests are written again, without a restart.
    let direct = app.app.login(USER_A, wabro_app::demo::DEMO_PASSWORD, wabro_app::Origin::default()).await;
    assert!(direct.is_ok(), "{:?}", direct.err());
    let mut again = app.login(USER_A).await;
    let tx = file(&mut again, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    assert!(tx.starts_with("WAB-"), "{tx}");
}

/// Issue 14, finding 9: `/health` answered 200 through a full disk, a stuck writer and a
/// stopped worker. `/health/ready` says whether the service can do its work.
#[tokio::test]
async fn readiness_says_when_documents_wait_for_a_worker_that_does_not_come() {
    let app = TestApp::new().await;
    let ready = app.client().get("/health/ready").await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
    let body: serde_json::Value = serde_json::from_str(&ready.body).unwrap();
    assert_eq!(body["status"], "ready");
    assert_eq!(body["database_writable"], true);
    assert!(body["version"].as_str().is_some());

    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    approve(&app, &tx, time::macros::date!(2027 - 01 - 04), time::macros::date!(2027 - 06 - 30)).await;
    assert_eq!(app.client().get("/health/ready").await.status, StatusCode::OK, "a fresh job is normal");
    app.clock.advance(time::Duration::minutes(6));
    let stale = app.client().get("/health/ready").await;
    assert_eq!(stale.status, StatusCode::SERVICE_UNAVAILABLE, "no worker took the job: {}", stale.body);
    assert!(stale.contains("\"jobs_pending\":1"));
    assert_eq!(app.client().get("/health").await.status, StatusCode::OK, "liveness stays cheap and up");
    app.app.process_jobs().await.unwrap();
    assert_eq!(app.client().get("/health/ready").await.status, StatusCode::OK);
}

/// Issue 14, finding 12: document jobs that failed (a full disk) stayed failed for good; the
/// print queue now shows them, and an agent puts them back.
#[tokio::test]
async fn an_agent_sees_documents_that_could_not_be_issued_and_tries_them_again() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    approve(&app, &tx, time::macros::date!(2027 - 01 - 04), time::macros::date!(2027 - 06 - 30)).await;
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}/wabro.db", app.dir.0.display())).await.unwrap();
    sqlx::query("UPDATE jobs SET status = 'failed', attempts = 5, last_error = 'database or disk is full'")
        .execute(&db)
        .await
        .unwrap();
    let mut agent = app.login("agent@nsso.demo").await;
    let page = agent.get("/agent/print").await;
    assert!(page.contains("Documents that could not be issued") && page.contains(&tx), "{}", page.body);
    assert!(page.contains("database or disk is full"));
    assert_eq!(agent.post("/agent/print/retry", &[]).await.redirected(), "/agent/print");
    assert!(!agent.get("/agent/print").await.contains("Documents that could not be issued"));
    assert_eq!(app.app.process_jobs().await.unwrap(), 1, "the document is issued now");
}
