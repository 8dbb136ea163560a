//! The NSSO back office: queue, examination, approval and rejection, instant decisions.

use crate::support::*;
use axum::http::StatusCode;

const AGENT: &str = "agent@nsso.demo";

fn listed(body: &str) -> Vec<String> {
    body.split("<a href=\"/agent/requests/")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_queue_lists_requests_in_progress_oldest_first_with_filters_and_counts() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let t1 = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    app.clock.advance(time::Duration::days(3));
    let mut a = app.login(USER_A).await;
    let t2 = file(&mut a, "maes", "DE", "2027-01-04", "2029-06-30").await;
    let mut b = app.login(USER_B).await;
    let t3 = file(&mut b, "heyden", "FR", "2027-02-01", "2027-03-31").await;

    let mut agent = app.login(AGENT).await;
    assert_eq!(agent.get("/").await.redirected(), "/agent");
    let q = agent.get("/agent").await;
    assert_eq!(listed(&q.body), vec![t1.clone(), t2.clone(), t3.clone()], "oldest first, every enterprise");
    assert!(q.contains("3 in progress"), "{}", q.body);
    assert_eq!(listed(&agent.get("/agent?country=FR").await.body), vec![t1.clone(), t3.clone()]);
    assert_eq!(listed(&agent.get("/agent?enterprise=0876.543.270").await.body), vec![t3.clone()]);
    assert_eq!(listed(&agent.get("/agent?min_age_days=2").await.body), vec![t1.clone()]);
    // Past the 24 months an A1 allows: a blocking finding.
    assert_eq!(listed(&agent.get("/agent?blocking=yes").await.body), vec![t2.clone()]);
    assert_eq!(listed(&agent.get("/agent?kind=seafarer").await.body), Vec::<String>::new());

    assert_eq!(a.get("/agent").await.status, StatusCode::FORBIDDEN, "employers do not see the queue");
    assert_eq!(agent.get("/posting").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_agent_approves_with_the_default_period_and_the_employer_sees_it() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let mut agent = app.login(AGENT).await;
    let page = agent.get(&format!("/agent/requests/{tx}")).await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [
        "Bouwwerken Vlaanderen NV",
        "A1 attestation, article 12(1)",
        "since 1 Sep 2010",
        "value=\"2027-01-04\"",
        "value=\"2027-06-30\"",
        "e-Box Enterprise",
    ] {
        assert!(page.contains(text), "agent page lacks {text}");
    }
    let r = agent
        .post(&format!("/agent/requests/{tx}/approve"), &[("start", "2027-01-04"), ("end", "2027-07-31")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "never longer than requested");
    assert!(r.contains("The admitted period must lie within the requested period."));
    let loc = agent
        .post(&format!("/agent/requests/{tx}/approve"), &[("start", "2027-01-04"), ("end", "2027-05-31")])
        .await
        .redirected();
    assert!(agent.get(&loc).await.contains("Request approved"));
    let again = agent
        .post(&format!("/agent/requests/{tx}/approve"), &[("start", "2027-01-04"), ("end", "2027-05-31")])
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "decided once");

    let detail = a.get(&format!("/consult/{tx}")).await;
    assert!(
        detail.contains("Approved")
            && detail.contains("4 Jan 2027 – 31 May 2027")
            && detail.contains("e-Box Enterprise")
    );
    assert!(
        detail.contains("Request approved") && detail.contains("Sarah Mertens (NSSO)"),
        "history names the agent"
    );
}

#[tokio::test]
async fn an_approval_cannot_pass_the_instruments_maximum() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "CN", "2027-01-04", "2027-12-31").await;
    let mut agent = app.login(AGENT).await;
    assert!(
        agent.get(&format!("/agent/requests/{tx}")).await.contains("value=\"2027-07-03\""),
        "capped at 6 months"
    );
    let r = agent
        .post(&format!("/agent/requests/{tx}/approve"), &[("start", "2027-01-04"), ("end", "2027-12-31")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("latest end date allowed, 3 Jul 2027"));
}

#[tokio::test]
async fn a_rejection_needs_a_reason_and_goes_on_paper_without_an_e_box() {
    let app = TestApp::new().await;
    let mut b = app.login(USER_B).await;
    let tx = file(&mut b, "heyden", "FR", "2027-02-01", "2027-03-31").await;
    let mut agent = app.login(AGENT).await;
    assert!(
        agent.get(&format!("/agent/requests/{tx}")).await.contains("By post"),
        "Techniques Wallonie has no e-Box"
    );
    let r = agent
        .post(&format!("/agent/requests/{tx}/reject"), &[("reason_code", "no_direct_link"), ("reason", " ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("Give the reason for the rejection."));
    agent
        .post(
            &format!("/agent/requests/{tx}/reject"),
            &[("reason_code", "no_direct_link"), ("reason", "The host company pays and directs the worker.")],
        )
        .await
        .redirected();
    let d = b.get(&format!("/consult/{tx}")).await;
    assert!(d.contains("Rejected: The host company pays and directs the worker.") && d.contains("By post"));
}

#[tokio::test]
async fn two_agents_deciding_at_once_have_one_winner() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let tx = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let agent = wabro_app::AgentCtx::for_tests(5);
    let approve = {
        let admitted = wabro_domain::Period::new(
            time::macros::date!(2027 - 01 - 04),
            time::macros::date!(2027 - 06 - 30),
        )
        .unwrap();
        app.app.decide(&agent, &tx, wabro_app::DecisionInput::Approve { admitted })
    };
    let reject = app.app.decide(
        &agent,
        &tx,
        wabro_app::DecisionInput::Reject { reason_code: "incomplete".into(), reason: "x".into() },
    );
    let (x, y) = tokio::join!(approve, reject);
    assert!(x.is_ok() ^ y.is_ok(), "exactly one wins: {x:?} {y:?}");
    let loser = if x.is_ok() { y } else { x };
    assert!(
        matches!(loser, Err(wabro_app::AppError::Conflict(wabro_domain::Code::LifecycleNotInProgress))),
        "{loser:?}"
    );
}

#[tokio::test]
async fn instant_decision_approves_clean_requests_only() {
    let app = TestApp::with_config(wabro_app::Config { instant_decision: true, ..Default::default() }).await;
    let mut a = app.login(USER_A).await;
    let clean = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    // Longer than the 24 months an A1 allows: saved, but left to an agent.
    let gap = file(&mut a, "maes", "DE", "2027-01-04", "2029-06-30").await;
    let d = a.get(&format!("/consult/{clean}")).await;
    assert!(d.contains("id=\"status\">Closed<") && d.contains("Request approved"), "approved at once");
    assert!(d.contains("<td>Wabro</td>"), "by the system");
    assert!(
        a.get(&format!("/consult/{gap}")).await.contains("id=\"status\">In progress<"),
        "a finding waits for an agent"
    );
}

/// Issue 13: two requests of one worker for the same State and days wait side by side; the
/// agent approves one, and the other can then no longer be approved.
#[tokio::test]
async fn an_agent_cannot_approve_a_second_request_for_the_same_state_and_days() {
    let app = TestApp::new().await;
    let mut a = app.login(USER_A).await;
    let first = file(&mut a, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let second = file(&mut a, "broeck", "FR", "2027-03-01", "2027-04-30").await;
    let mut agent = app.login(AGENT).await;
    let page = agent.get(&format!("/agent/requests/{second}")).await;
    assert!(page.contains(&format!("overlaps request {first}")), "the agent sees the overlap: {}", page.body);
    agent
        .post(&format!("/agent/requests/{first}/approve"), &[("start", "2027-01-04"), ("end", "2027-06-30")])
        .await
        .redirected();
    let r = agent
        .post(&format!("/agent/requests/{second}/approve"), &[("start", "2027-03-01"), ("end", "2027-04-30")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.contains("already approved for this worker and France"));
    assert!(a.get(&format!("/consult/{second}")).await.contains("In progress"));
}
