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

/// Both invariants at once, over the whole database: no valid certificate for a request that is
/// not approved, and no two approved requests of one worker overlapping for a State in common.
async fn the_file_holds(db: &sqlx::SqlitePool, history: &[String]) {
    let valid_without_approval: Vec<String> = sqlx::query_scalar(
        "SELECT d.document_number FROM documents d JOIN requests r ON r.transaction_number = d.transaction_number
         WHERE d.kind != 'rejection' AND d.status = 'valid' AND NOT (r.status = 'closed' AND r.decision_kind = 'approved')",
    )
    .fetch_all(db)
    .await
    .unwrap();
    assert!(
        valid_without_approval.is_empty(),
        "valid certificates {valid_without_approval:?} after {history:?}"
    );
    let overlaps: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.transaction_number, b.transaction_number FROM requests a JOIN requests b
           ON a.enterprise_id = b.enterprise_id AND a.ssin = b.ssin AND a.id < b.id
         WHERE a.status = 'closed' AND a.decision_kind = 'approved' AND b.status = 'closed' AND b.decision_kind = 'approved'
           AND a.admitted_start <= b.admitted_end AND b.admitted_start <= a.admitted_end
           AND EXISTS (SELECT 1 FROM request_countries x JOIN request_countries y ON x.country = y.country
                       WHERE x.request_id = a.id AND y.request_id = b.id)",
    )
    .fetch_all(db)
    .await
    .unwrap();
    assert!(overlaps.is_empty(), "overlapping approvals {overlaps:?} after {history:?}");
}

/// The invariants over random sequences of submits (instant approval on or off), decisions, cancels,
/// extensions and worker runs, for a few workers, countries and periods (the seeds are fixed,
/// so a failure replays).
#[tokio::test]
async fn random_sequences_of_actions_never_contradict_the_file() {
    use rand::{RngExt, SeedableRng};
    for seed in 0..10u64 {
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        // Instant approval on for even seeds; off for odd ones, so that overlapping requests
        // wait side by side for an agent.
        let config = wabro_app::Config { instant_decision: seed % 2 == 0, ..Default::default() };
        let app = TestApp::with_config(config).await;
        let db =
            sqlx::SqlitePool::connect(&format!("sqlite://{}/wabro.db", app.dir.0.display())).await.unwrap();
        let mut a = app.login(USER_A).await;
        let agent = wabro_app::AgentCtx::for_tests(5);
        let mut history = Vec::new();
        let mut filed: Vec<String> = Vec::new();
        for round in 0..30 {
            // Two workers, one country most of the time, periods in the first half of 2027:
            // requests meet often. The first rounds file; later ones mostly decide.
            let action = if round < 6 { 0 } else { rng.random_range(0..9u32) };
            match action {
                0..=1 => {
                    let who = ["broeck", "maes"][rng.random_range(0..2usize)];
                    let country = ["FR", "FR", "FR", "DE"][rng.random_range(0..4usize)];
                    let start_month = rng.random_range(1..=6u32);
                    let end_month = (start_month + rng.random_range(1..=3u32)).min(12);
                    let (start, end) =
                        (format!("2027-{start_month:02}-01"), format!("2027-{end_month:02}-28"));
                    let tx = file(&mut a, who, country, &start, &end).await;
                    history.push(format!("file {who} {country} {start}..{end} -> {tx}"));
                    if !tx.starts_with("/drafts/") {
                        filed.push(tx);
                    }
                }
                2..=4 if !filed.is_empty() => {
                    let tx = filed[rng.random_range(0..filed.len())].clone();
                    let record = {
                        use wabro_app::ports::Requests;
                        app.store.request(wabro_app::Scope::unchecked(1), &tx).await.unwrap().unwrap()
                    };
                    let admitted = wabro_domain::Period::new(record.start, record.end).unwrap();
                    let outcome =
                        app.app.decide(&agent, &tx, wabro_app::DecisionInput::Approve { admitted }).await;
                    history.push(format!("approve {tx}: {}", if outcome.is_ok() { "ok" } else { "refused" }));
                }
                5 if !filed.is_empty() => {
                    let tx = filed[rng.random_range(0..filed.len())].clone();
                    let reject = wabro_app::DecisionInput::Reject {
                        reason_code: "no_direct_link".into(),
                        reason: "No link.".into(),
                    };
                    let outcome = app.app.decide(&agent, &tx, reject).await;
                    history.push(format!("reject {tx}: {}", if outcome.is_ok() { "ok" } else { "refused" }));
                }
                6 if !filed.is_empty() => {
                    let tx = filed[rng.random_range(0..filed.len())].clone();
                    let r = a.post(&format!("/cancel/{tx}"), &[("justification", "Plans changed")]).await;
                    history.push(format!("cancel {tx}: {}", r.status));
                }
                _ => {
                    let issued = app.app.process_jobs().await.unwrap();
                    history.push(format!("worker: {issued}"));
                }
            }
            the_file_holds(&db, &history).await;
        }
        // An extension of an approved simultaneous occupation, then the worker.
        let id = crate::kinds::simultaneous_draft(&mut a).await;
        let so = a.post(&format!("/drafts/{id}/submit"), &[]).await.location();
        history.push(format!("simultaneous occupation -> {so}"));
        if let Some(tx) = so.strip_prefix("/requests/") {
            let extend =
                a.post("/requests/new", &[("kind", "simultaneous_occupation"), ("extend", tx)]).await;
            if extend.status == axum::http::StatusCode::SEE_OTHER {
                let d = draft_id(&extend.location());
                let s4 = [
                    ("period.start", "2026-01-01"),
                    ("period.end", "2028-06-30"),
                    ("language", "de"),
                    ("action", "continue"),
                ];
                a.post(&format!("/drafts/{d}/step/4"), &s4).await;
                let ext = a.post(&format!("/drafts/{d}/submit"), &[]).await.location();
                history.push(format!("extension -> {ext}"));
            }
        }
        app.app.process_jobs().await.unwrap();
        the_file_holds(&db, &history).await;
        eprintln!("DEBUG seed {seed}: {history:#?}");
    }
}
