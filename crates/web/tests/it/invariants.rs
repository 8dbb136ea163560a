//! Decisions that never contradict the file (issue 13): the state invariants, over every
//! interleaving the ports allow and over random sequences of actions.

use crate::support::*;
use time::macros::date;
use wabro_app::Clock;
use wabro_app::ports::{AuditEntry, Documents, IssuedDocument, NewDocument};

/// No valid certificate for a request that is not approved.
async fn no_valid_certificate_without_approval(app: &TestApp, tx: &str) {
    use wabro_app::ports::Requests;
    let record = app.store.request(wabro_app::Scope::unchecked(1), tx).await.unwrap().unwrap();
    let decision: Option<wabro_domain::Decision> =
        record.decision_json.as_deref().and_then(|d| serde_json::from_str(d).ok());
    let approved =
        record.status == "closed" && matches!(decision, Some(wabro_domain::Decision::Approved { .. }));
    let docs = app.store.request_documents(wabro_app::Scope::unchecked(1), tx).await.unwrap();
    for d in docs.iter().filter(|d| d.kind != "rejection") {
        assert!(
            approved || d.status == "withdrawn",
            "{tx} is {} but {} is {}",
            record.status,
            d.document_number,
            d.status
        );
    }
}

/// One step of the worker split where the ports split it: it claims the jobs and reads their
/// requests, then (maybe after other actions) stores what it rendered.
struct Rendered(Vec<IssuedDocument>);

async fn worker_reads(app: &TestApp) -> Rendered {
    let now = app.clock.now();
    let jobs = app.store.claim_jobs(32, now, now + time::Duration::minutes(1)).await.unwrap();
    let mut batch = Vec::new();
    for job in jobs {
        batch.push(IssuedDocument {
            document: NewDocument {
                document_number: format!("A1-{}", job.transaction_number),
                transaction_number: job.transaction_number.clone(),
                enterprise_id: 1,
                kind: "a1".into(),
                language: "fr".into(),
                channel: "e_box".into(),
                pdf: b"%PDF-rendered".to_vec(),
                token: "t".into(),
                valid_from: date!(2027 - 01 - 04),
                valid_to: date!(2027 - 06 - 30),
                holder_name: "Jan Van den Broeck".into(),
                birth_year: 1985,
                birth_date: None,
                state: "BE".into(),
                countries: "FR".into(),
                at: now,
            },
            job_id: job.id,
            audit: AuditEntry {
                at: now,
                user_id: None,
                enterprise_id: Some(1),
                entity: "request".into(),
                entity_id: job.transaction_number,
                action: "document_issued".into(),
                detail: "{}".into(),
                origin: wabro_app::Origin::default(),
            },
        });
    }
    Rendered(batch)
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Approve,
    Cancel,
    WorkerReads,
    WorkerStores,
}

/// Every order of approve, cancel and the worker (its read before its store).
fn interleavings() -> Vec<Vec<Step>> {
    use Step::*;
    let all = [Approve, Cancel, WorkerReads, WorkerStores];
    let mut out = Vec::new();
    let mut order = Vec::new();
    fn permute(left: &[Step], order: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        if left.is_empty() {
            let reads = order.iter().position(|s| *s == Step::WorkerReads);
            let stores = order.iter().position(|s| *s == Step::WorkerStores);
            if reads < stores {
                out.push(order.clone());
            }
            return;
        }
        for i in 0..left.len() {
            let mut rest = left.to_vec();
            let step = rest.remove(i);
            order.push(step);
            permute(&rest, order, out);
            order.pop();
        }
    }
    permute(&all, &mut order, &mut out);
    out
}

/// Finding 1: with the worker stopped, approve then cancel then the worker stored the A1 as
/// valid; with the worker in `serve`, a cancel within a second of the approval did the same.
#[tokio::test]
async fn approve_cancel_and_the_worker_in_every_order_leave_no_valid_certificate_for_a_cancelled_request() {
    let orders = interleavings();
    assert_eq!(orders.len(), 12);
    for order in orders {
        let app = TestApp::new().await;
        let mut a = app.login(USER_A).await;
        let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
        let mut rendered = Rendered(Vec::new());
        for step in &order {
            match step {
                Step::Approve => {
                    let admitted =
                        wabro_domain::Period::new(date!(2027 - 01 - 04), date!(2027 - 06 - 30)).unwrap();
                    let _ = app
                        .app
                        .decide(
                            &wabro_app::AgentCtx::for_tests(5),
                            &tx,
                            wabro_app::DecisionInput::Approve { admitted },
                        )
                        .await;
                }
                Step::Cancel => {
                    let _ = a
                        .post(&format!("/cancel/{tx}"), &[("justification", "The works were postponed")])
                        .await;
                }
                Step::WorkerReads => rendered = worker_reads(&app).await,
                Step::WorkerStores => {
                    app.store.store_documents(&rendered.0).await.unwrap();
                }
            }
            no_valid_certificate_without_approval(&app, &tx).await;
        }
        app.app.process_jobs().await.unwrap();
        no_valid_certificate_without_approval(&app, &tx).await;
        let verify = app.client().get(&format!("/verify?n=A1-{tx}&b=30/07/1985")).await;
        let cancelled = a.get(&format!("/consult/{tx}")).await.contains("Cancelled");
        assert!(
            !(cancelled && verify.contains("Valid:")),
            "{order:?}: a cancelled request verifies as valid"
        );
    }
}

/// Finding 2: a crash between storing a clean request and approving it left the request In
/// progress for good, and the retried save did not approve it. Here the approval cannot be
/// written (a trigger refuses it, as a crash would stop it); after the "restart" the save is
/// retried. The request and its instant approval are stored together or not at all.
#[tokio::test]
async fn an_instant_approval_is_saved_with_its_request_or_not_at_all() {
    let app = TestApp::with_config(wabro_app::Config { instant_decision: true, ..Default::default() }).await;
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}/wabro.db", app.dir.0.display())).await.unwrap();
    sqlx::query(
        "CREATE TRIGGER crash_before_the_decision BEFORE UPDATE OF status ON requests WHEN NEW.status = 'closed'
         BEGIN SELECT RAISE(ABORT, 'the process died here'); END",
    )
    .execute(&db)
    .await
    .unwrap();
    let mut a = app.login(USER_A).await;
    let id = new_draft(&mut a).await;
    complete_draft(&mut a, &id).await;
    let first = a.post(&format!("/drafts/{id}/submit"), &[]).await;
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT transaction_number, status FROM requests").fetch_all(&db).await.unwrap();
    assert!(
        stored.iter().all(|(_, status)| status != "in_progress"),
        "a clean request was left in progress without its instant decision ({}): {stored:?}",
        first.status
    );
    sqlx::query("DROP TRIGGER crash_before_the_decision").execute(&db).await.unwrap();
    let tx = a
        .post(&format!("/drafts/{id}/submit"), &[])
        .await
        .redirected()
        .trim_start_matches("/requests/")
        .to_owned();
    let status: String = sqlx::query_scalar("SELECT status FROM requests WHERE transaction_number = ?")
        .bind(&tx)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(status, "closed", "the retried save approves");
    let jobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE transaction_number = ?")
        .bind(&tx)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(jobs, 1, "one document to issue");
    let requests: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests").fetch_one(&db).await.unwrap();
    assert_eq!(requests, 1, "one request");
}

/// Finding 3: a request overlapping an approved one of the same worker for the same State was
/// approved at once; the worker then held two A1s for the same State. Now an overlap with an
/// approved request cannot be saved, and one with a pending request is never approved at once.
#[tokio::test]
async fn a_request_overlapping_another_for_the_same_state_is_never_approved_at_once() {
    let app = TestApp::with_config(wabro_app::Config { instant_decision: true, ..Default::default() }).await;
    let mut a = app.login(USER_A).await;
    let first = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    assert!(
        a.get(&format!("/consult/{first}")).await.contains("Approved"),
        "a clean request is approved at once"
    );
    let refused = file(&mut a, "broeck", "FR", "2027-03-01", "2027-04-30").await;
    assert!(refused.starts_with("/drafts/"), "an overlap with an approved request is not saved: {refused}");
    let elsewhere = file(&mut a, "broeck", "DE", "2027-03-01", "2027-04-30").await;
    assert!(
        a.get(&format!("/consult/{elsewhere}")).await.contains("Approved"),
        "another State is no overlap"
    );
    // A simultaneous occupation in the Netherlands, Germany and Belgium over the same days as
    // the approved posting to Germany: other kinds were never compared.
    let id = crate::kinds::simultaneous_draft(&mut a).await;
    let so = a.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    assert_eq!(so, format!("/drafts/{id}/summary"), "it overlaps the approved posting to Germany");
    assert!(a.get(&so).await.contains("already approved for this worker and Germany"));
    // Overlapping a request still in progress: saved, for an agent to examine both.
    let long = file(&mut a, "maes", "DE", "2027-01-04", "2029-06-30").await;
    assert!(a.get(&format!("/consult/{long}")).await.contains("In progress"));
    let overlap = file(&mut a, "maes", "DE", "2027-03-01", "2027-04-30").await;
    let detail = a.get(&format!("/consult/{overlap}")).await;
    assert!(detail.contains("In progress"), "not approved at once: {}", detail.body);
}
