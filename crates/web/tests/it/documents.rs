//! Certificates in the e-Box or on paper, downloads, withdrawal and public verification.

use crate::support::*;
use axum::http::StatusCode;
use time::macros::date;
use wabro_certificate::Payload;

async fn approved(app: &TestApp, c: &mut Client, who: &str) -> String {
    let tx = file(c, who, "FR", "2027-01-04", "2027-06-30").await;
    approve(app, &tx, date!(2027 - 01 - 04), date!(2027 - 06 - 30)).await;
    assert_eq!(app.app.process_jobs().await.unwrap(), 1, "one document issued");
    tx
}

fn token_for(number: &str) -> String {
    test_keyring().sign(&Payload {
        n: number.into(),
        k: "a1".into(),
        s: "BE".into(),
        from: "2027-01-04".into(),
        to: "2027-06-30".into(),
        y: 1985,
    })
}

#[tokio::test]
async fn an_approval_puts_a_certificate_in_the_e_box() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = approved(&app, &mut a, "broeck").await;
    let number = format!("A1-{tx}");
    let home = a.get("/posting").await;
    assert!(home.contains("e-Box <span class=\"badge\">1</span>"), "the unread count");
    let ebox = a.get("/ebox").await;
    assert!(ebox.contains(&number) && ebox.contains("A1 attestation") && ebox.contains("class=\"unread\""));
    assert!(
        a.get(&format!("/consult/{tx}")).await.contains(&format!("href=\"/documents/{number}\"")),
        "linked from the detail"
    );
    let pdf = a.get(&format!("/documents/{number}")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.body.starts_with("%PDF"));
    assert!(
        a.get("/ebox").await.contains("class=\"unread\""),
        "a GET changes nothing (issue 12, finding 12)"
    );
    let opened = a.post(&format!("/documents/{number}/read"), &[("open", "1")]).await;
    assert_eq!(
        opened.redirected(),
        format!("/documents/{number}"),
        "opening from the e-Box goes on to the PDF"
    );
    assert!(!a.get("/ebox").await.contains("class=\"unread\""), "opening it marks it read");

    let mut b = app.login(USER_B).await;
    assert_eq!(
        b.get(&format!("/documents/{number}")).await.status,
        StatusCode::NOT_FOUND,
        "another enterprise"
    );
    assert_eq!(
        app.client().get(&format!("/documents/{number}")).await.status,
        StatusCode::NOT_FOUND,
        "anonymous"
    );
    assert!(!b.get("/ebox").await.contains(&number));
}

#[tokio::test]
async fn verification_reports_valid_withdrawn_expired_unknown_and_forged() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = approved(&app, &mut a, "broeck").await;
    let number = format!("A1-{tx}");
    let anyone = &mut app.client();
    let r = anyone.get(&format!("/verify?t={}", token_for(&number))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.contains("Valid: this document was issued by the NSSO"));
    assert!(r.contains("Jan Van den Broeck (1985)") && r.contains("France"));
    assert!(!r.contains("85.07.30") && !r.contains("85073003328"), "never the SSIN");
    let json = anyone.get(&format!("/verify.json?n={number}&b=30/07/1985")).await;
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(v["status"], "valid");
    assert_eq!(v["holder"]["birth_year"], 1985);
    assert!(v.get("ssin").is_none());

    let mut forged = token_for(&number).into_bytes();
    forged[5] = if forged[5] == b'A' { b'B' } else { b'A' };
    let r = anyone.get(&format!("/verify?t={}", String::from_utf8(forged).unwrap())).await;
    assert!(r.contains("Not authentic"));
    let stranger = wabro_certificate::Keyring::generate([6; 32], "k1").sign(&Payload {
        n: number.clone(),
        k: "a1".into(),
        s: "BE".into(),
        from: "x".into(),
        to: "y".into(),
        y: 1,
    });
    assert!(anyone.get(&format!("/verify?t={stranger}")).await.contains("Not authentic"), "an unknown key");
    assert!(anyone.get("/verify?n=A1-NOPE&b=30/07/1985").await.contains("Unknown: no document matches"));

    a.post(&format!("/cancel/{tx}"), &[("justification", "Mission cancelled")]).await.redirected();
    assert!(
        anyone.get(&format!("/verify?t={}", token_for(&number))).await.contains("Withdrawn"),
        "a cancelled approval withdraws"
    );
    assert!(a.get("/ebox").await.contains("Withdrawn"));
    let v: serde_json::Value =
        serde_json::from_str(&anyone.get(&format!("/verify.json?n={number}&b=1985-07-30")).await.body)
            .unwrap();
    assert_eq!(v["status"], "withdrawn");
}

#[tokio::test]
async fn an_ended_period_is_expired() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = approved(&app, &mut a, "broeck").await;
    app.clock.advance(time::Duration::days(240));
    let r = app.client().get(&format!("/verify?n=A1-{tx}&b=30.07.1985")).await;
    assert!(r.contains("Expired"));
}

#[tokio::test]
async fn without_an_e_box_the_document_goes_to_the_print_queue() {
    let app = TestApp::new().await;
    let mut b = app.login(USER_B).await;
    let tx = approved(&app, &mut b, "heyden").await;
    let number = format!("A1-{tx}");
    assert!(!b.get("/ebox").await.contains(&number), "no e-Box: paper");
    let mut agent = app.login("agent@nsso.demo").await;
    let queue = agent.get("/agent/print").await;
    assert!(queue.contains(&number) && queue.contains("Techniques Wallonie SA"));
    let pdf = agent.get(&format!("/agent/print/{number}")).await;
    assert!(pdf.body.starts_with("%PDF"));
    assert_eq!(agent.post(&format!("/agent/print/{number}/sent"), &[]).await.redirected(), "/agent/print");
    assert!(!agent.get("/agent/print").await.contains(&number));
    assert_eq!(b.get("/agent/print").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_rejection_sends_a_letter() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let reject =
        wabro_app::DecisionInput::Reject { reason_code: "no_direct_link".into(), reason: "Host pays".into() };
    app.app.decide(&wabro_app::AgentCtx::for_tests(5), &tx, reject).await.unwrap();
    assert_eq!(app.app.process_jobs().await.unwrap(), 1);
    let ebox = a.get("/ebox").await;
    assert!(ebox.contains(&format!("REJ-{tx}")) && ebox.contains("Rejection letter"));
}

#[tokio::test]
async fn instant_decisions_issue_documents_too() {
    let app = TestApp::with_config(wabro_app::Config { instant_decision: true, ..Default::default() }).await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let confirmation = a.get(&format!("/requests/{tx}")).await;
    assert!(confirmation.contains("approved it at once"), "{}", confirmation.body);
    assert_eq!(app.app.process_jobs().await.unwrap(), 1);
    assert!(a.get("/ebox").await.contains(&format!("A1-{tx}")));
}

#[tokio::test]
async fn a_burst_of_decisions_is_issued_in_one_batch() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let mut numbers = Vec::new();
    let periods = [
        ("broeck", date!(2027 - 01 - 04), date!(2027 - 02 - 26)),
        ("broeck", date!(2027 - 08 - 02), date!(2027 - 09 - 30)),
        ("peeters", date!(2027 - 01 - 04), date!(2027 - 03 - 31)),
    ];
    for (who, start, end) in periods {
        let tx = file(&mut a, who, "FR", &start.to_string(), &end.to_string()).await;
        approve(&app, &tx, start, end).await;
        numbers.push(format!("A1-{tx}"));
    }
    assert_eq!(app.app.process_jobs().await.unwrap(), 3, "three documents, one transaction");
    assert_eq!(app.app.process_jobs().await.unwrap(), 0, "nothing left");
    let ebox = a.get("/ebox").await;
    assert!(numbers.iter().all(|n| ebox.contains(n.as_str())), "all three in the e-Box");
}

#[tokio::test]
async fn a_job_another_worker_holds_is_left_alone_until_its_claim_lapses_and_stored_once() {
    use wabro_app::Clock;
    use wabro_app::ports::{AuditEntry, Documents, IssuedDocument, NewDocument, Requests};
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    approve(&app, &tx, date!(2027 - 01 - 04), date!(2027 - 06 - 30)).await;

    // A worker claims the job, then stalls.
    let now = app.clock.now();
    let stalled = app.store.claim_jobs(32, now, now + wabro_app::JOB_LEASE).await.unwrap();
    assert_eq!(stalled.len(), 1);
    assert_eq!(app.app.process_jobs().await.unwrap(), 0, "claimed by the other worker");

    // Its claim lapses: this worker issues the document.
    app.clock.advance(wabro_app::JOB_LEASE + time::Duration::seconds(1));
    assert_eq!(app.app.process_jobs().await.unwrap(), 1);

    // The stalled worker wakes up and tries to store its own copy: nothing is stored twice.
    let at = app.clock.now();
    let late = IssuedDocument {
        document: NewDocument {
            document_number: format!("A1-{tx}"),
            transaction_number: tx.clone(),
            enterprise_id: 1,
            kind: "a1".into(),
            language: "fr".into(),
            channel: "e_box".into(),
            pdf: b"%PDF-late".to_vec(),
            token: "late".into(),
            valid_from: date!(2027 - 01 - 04),
            valid_to: date!(2027 - 06 - 30),
            holder_name: "late".into(),
            birth_year: 1985,
            birth_date: None,
            state: "BE".into(),
            countries: "FR".into(),
            at,
        },
        job_id: stalled[0].id,
        audit: AuditEntry {
            at,
            user_id: None,
            enterprise_id: Some(1),
            entity: "request".into(),
            entity_id: tx.clone(),
            action: "document_issued".into(),
            detail: "{}".into(),
            origin: wabro_app::Origin::default(),
        },
    };
    assert!(app.store.store_documents(&[late]).await.unwrap().is_empty(), "the job is closed already");
    let pdf = a.get(&format!("/documents/A1-{tx}")).await;
    assert!(pdf.body.starts_with("%PDF-1"), "the worker's document, not the late copy");
    let history = app.store.history(wabro_app::Scope::unchecked(1), &tx).await.unwrap();
    assert_eq!(history.iter().filter(|h| h.action == "document_issued").count(), 1, "one audit record");
}

#[tokio::test]
async fn the_worker_reads_its_batch_in_one_query_scoped_like_any_other() {
    use wabro_app::ports::Requests;
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let first = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let second = file(&mut a, "peeters", "FR", "2027-01-04", "2027-03-31").await;
    let numbers = vec![first.clone(), second.clone(), "WAB-2026-9999999".to_owned()];
    let all = app.store.requests_to_issue(wabro_app::SearchScope::Nsso, &numbers).await.unwrap();
    let mut found: Vec<&str> = all.iter().map(|r| r.record.transaction_number.as_str()).collect();
    found.sort();
    let mut expected = vec![first.as_str(), second.as_str()];
    expected.sort();
    assert_eq!(found, expected, "both requests, and no trace of the unknown number");
    assert!(all.iter().all(|r| r.enterprise.name == "Bouwwerken Vlaanderen NV"
        && r.enterprise.enterprise_number == "0412345614"
        && r.enterprise.ebox_active));
    // Another enterprise's scope sees none of them.
    let other = wabro_app::SearchScope::Enterprise(wabro_app::Scope::unchecked(2));
    assert!(app.store.requests_to_issue(other, &numbers).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_certificate_carries_the_request_the_admitted_period_and_the_employer() {
    use wabro_app::ports::Documents;
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    // Approved for a shorter period than requested.
    approve(&app, &tx, date!(2027 - 01 - 04), date!(2027 - 03 - 31)).await;
    assert_eq!(app.app.process_jobs().await.unwrap(), 1);
    let pdf = app
        .store
        .document_pdf(wabro_app::Scope::unchecked(1), &format!("A1-{tx}"))
        .await
        .unwrap()
        .expect("the A1 is stored");
    let path = app.dir.0.join("a1.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Van den Broeck",
        "Jan",
        "Müller & Söhne SARL",
        "France (FR)",
        "Belgique (BE)",
        "04/01/2027",
        "31/03/2027",
        "Bouwwerken Vlaanderen NV",
        tx.as_str(),
    ] {
        assert!(text.contains(needle), "the A1 lacks {needle}:\n{text}");
    }
    assert!(!text.contains("30/06/2027"), "the admitted end, not the requested one:\n{text}");
}

/// Issue 13, finding 17: a rejection letter in the e-Box showed the requested period under
/// "Admitted period" and the status "Valid".
#[tokio::test]
async fn a_rejection_letter_in_the_e_box_admits_nothing() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let reject =
        wabro_app::DecisionInput::Reject { reason_code: "no_direct_link".into(), reason: "No link.".into() };
    app.app.decide(&wabro_app::AgentCtx::for_tests(5), &tx, reject).await.unwrap();
    app.app.process_jobs().await.unwrap();
    let ebox = a.get("/ebox").await;
    let row = ebox.body.split("<tr").find(|r| r.contains(&format!("REJ-{tx}"))).unwrap().to_owned();
    assert!(row.contains("Request refused") && !row.contains("Valid"), "{row}");
    assert!(!row.contains("4 Jan 2027"), "no admitted period: {row}");
}
