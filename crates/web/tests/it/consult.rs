//! Consult, search and cancel requests.

use crate::support::*;
use axum::http::StatusCode;
use time::macros::date;

/// Five requests of enterprise A: (who, destination, start, end).
const FILED: [(&str, &str, &str, &str); 5] = [
    ("broeck", "FR", "2027-01-04", "2027-06-30"),
    ("delporte", "DE", "2027-02-01", "2027-03-31"),
    ("muller", "GB:jersey", "2027-03-01", "2027-12-31"),
    ("peeters", "CA:quebec", "2027-04-01", "2027-09-30"),
    ("smet", "FR", "2027-05-01", "2027-05-31"),
];

async fn seeded() -> (TestApp, Client, Vec<String>) {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let mut numbers = Vec::new();
    for (who, dest, start, end) in FILED {
        numbers.push(file(&mut c, who, dest, start, end).await);
    }
    (app, c, numbers)
}

/// The transaction numbers listed on a results page, in order.
fn listed(body: &str) -> Vec<String> {
    body.split("<a href=\"/consult/").skip(1).map(|s| s.split('"').next().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_default_list_shows_the_most_recent_first_with_a_count() {
    let (_app, mut c, numbers) = seeded().await;
    let r = c.get("/consult").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.contains("5 requests found"));
    let mut expected = numbers.clone();
    expected.reverse();
    assert_eq!(listed(&r.body), expected);
}

#[tokio::test]
async fn every_filter_narrows_the_list() {
    let (app, mut c, n) = seeded().await;
    approve(&app, &n[1], date!(2027 - 02 - 01), date!(2027 - 03 - 15)).await;
    let cases: Vec<(String, Vec<&String>)> = vec![
        (format!("number={}", n[2]), vec![&n[2]]),
        (format!("number={}", n[2].to_lowercase()), vec![&n[2]]),
        ("kind=posting".into(), vec![&n[4], &n[3], &n[2], &n[1], &n[0]]),
        ("kind=seafarer".into(), vec![]),
        ("name=M%C3%BCLL".into(), vec![&n[2]]),
        ("name=por".into(), vec![&n[1]]),
        ("name=de".into(), vec![&n[4], &n[1], &n[0]]),
        ("country=FR".into(), vec![&n[4], &n[0]]),
        ("country=GB".into(), vec![&n[2]]),
        ("territory=jersey".into(), vec![&n[2]]),
        ("territory=quebec".into(), vec![&n[3]]),
        ("requested_from=2027-03-01".into(), vec![&n[4], &n[3], &n[2]]),
        ("requested_from=2027-01-01&requested_to=2027-06-30".into(), vec![&n[4], &n[1], &n[0]]),
        ("admitted_from=2027-01-01".into(), vec![&n[1]]),
        ("admitted_to=2027-03-01".into(), vec![]),
        ("status=closed".into(), vec![&n[1]]),
        ("status=in_progress".into(), vec![&n[4], &n[3], &n[2], &n[0]]),
        ("decision=approved".into(), vec![&n[1]]),
        ("decision=rejected".into(), vec![]),
        ("country=FR&name=smet".into(), vec![&n[4]]),
    ];
    for (query, want) in cases {
        let r = c.get(&format!("/consult?{query}")).await;
        assert_eq!(r.status, StatusCode::OK, "{query}");
        let want: Vec<String> = want.into_iter().cloned().collect();
        assert_eq!(listed(&r.body), want, "{query}");
    }
    // SSIN with separators: the worker of request 0.
    let detail = c.get(&format!("/consult/{}", n[0])).await;
    let ssin = detail.body.split("<dt>SSIN</dt><dd>").nth(1).unwrap().split('<').next().unwrap().to_owned();
    let r = c.get(&format!("/consult?ssin={}", ssin.replace(' ', "+"))).await;
    assert_eq!(listed(&r.body), vec![n[0].clone()], "{ssin}");
}

#[tokio::test]
async fn every_column_sorts_both_ways() {
    let (_app, mut c, n) = seeded().await;
    for key in ["number", "kind", "ssin", "worker", "country", "status", "admitted", "requested"] {
        let asc = listed(&c.get(&format!("/consult?sort={key}&dir=asc")).await.body);
        let desc = listed(&c.get(&format!("/consult?sort={key}&dir=desc")).await.body);
        assert_eq!(asc.len(), 5, "{key}");
        let mut reversed = desc.clone();
        reversed.reverse();
        assert_eq!(asc, reversed, "{key}: descending is ascending reversed");
    }
    let by_worker = listed(&c.get("/consult?sort=worker&dir=asc").await.body);
    assert_eq!(
        by_worker,
        vec![n[4].clone(), n[1].clone(), n[2].clone(), n[3].clone(), n[0].clone()],
        "De Smet, Delporte, Müller, Peeters, Van den Broeck"
    );
    let by_requested = listed(&c.get("/consult?sort=requested&dir=asc").await.body);
    assert_eq!(by_requested, n, "by start date");
    let page = c.get("/consult?sort=worker&dir=asc&country=FR").await;
    assert!(page.contains("aria-sort=\"ascending\""));
    assert!(
        page.contains("country=FR&amp;sort=worker&amp;dir=desc")
            || page.contains("country=FR&#38;sort=worker&#38;dir=desc"),
        "the header toggles and keeps the criteria"
    );
}

#[tokio::test]
async fn results_are_paged() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let first = c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    let tx = first.trim_start_matches("/requests/").to_owned();
    for _ in 0..11 {
        c.post("/requests/new", &[("kind", "posting"), ("based_on", &tx)]).await;
    }
    for d in app.app.open_drafts(&wabro_app::EmployerCtx::for_tests(2, 1)).await.unwrap() {
        c.post(&format!("/drafts/{}/submit", d.id), &[]).await.redirected();
    }
    let p1 = c.get("/consult").await;
    assert!(p1.contains("12 requests found") && p1.contains("Page 1 of 2"));
    assert_eq!(listed(&p1.body).len(), 10);
    assert!(p1.contains("rel=\"next\""));
    let p2 = c.get("/consult?page=2").await;
    assert_eq!(listed(&p2.body).len(), 2);
    assert!(listed(&p2.body).contains(&tx), "the oldest is on the last page");
}

#[tokio::test]
async fn bad_criteria_are_explained_not_answered_with_an_empty_list() {
    let (_app, mut c, _) = seeded().await;
    let r = c.get("/consult?requested_from=2027-06-01&requested_to=2027-01-01&ssin=85.07.30-033.29").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.contains("The end date must be on or after the start date."));
    assert!(r.contains("This SSIN does not exist"));
    assert!(r.contains("value=\"85.07.30-033.29\""), "the criteria are kept");
    assert!(!r.contains("requests found"));
}

#[tokio::test]
async fn the_detail_shows_everything_and_the_history() {
    let (_app, mut c, n) = seeded().await;
    let r = c.get(&format!("/consult/{}", n[2])).await;
    assert_eq!(r.status, StatusCode::OK);
    for text in [
        "Müller Jürgen",
        "United Kingdom — Jersey",
        "1 Mar 2027 – 31 Dec 2027",
        "In progress",
        "Request saved",
        "Pieter Claes",
        "No documents yet",
    ] {
        assert!(r.contains(text), "detail lacks {text}");
    }
}

#[tokio::test]
async fn cancelling_needs_a_justification_and_shows_in_the_history() {
    let (_app, mut c, n) = seeded().await;
    let list = c.get("/cancel").await;
    assert!(list.contains(&format!("href=\"/cancel/{}\"", n[0])), "in progress: cancellable");
    assert!(list.contains("International Relations"));
    let page = c.get(&format!("/cancel/{}", n[0])).await;
    assert!(page.contains("Van den Broeck Jan"), "the summary is shown");
    let r = c.post(&format!("/cancel/{}", n[0]), &[("justification", "  ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("Give the reason for cancelling."));
    let loc =
        c.post(&format!("/cancel/{}", n[0]), &[("justification", "Project postponed")]).await.redirected();
    let d = c.get(&loc).await;
    assert!(d.contains("The request is cancelled."));
    assert!(d.contains("id=\"status\">Cancelled<"));
    assert!(d.contains("Request cancelled: Project postponed"));
    assert!(c.get("/consult?status=cancelled").await.contains(&n[0]), "still listed in Consult");
    assert!(!c.get("/cancel").await.contains(&format!("href=\"/cancel/{}\"", n[0])), "no longer cancellable");
    let again = c.post(&format!("/cancel/{}", n[0]), &[("justification", "twice")]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.contains("This request was already cancelled."));
}

#[tokio::test]
async fn approved_requests_are_cancellable_until_their_period_starts() {
    let (app, mut c, n) = seeded().await;
    approve(&app, &n[1], date!(2027 - 02 - 01), date!(2027 - 03 - 15)).await;
    assert!(c.get("/cancel").await.contains(&format!("href=\"/cancel/{}\"", n[1])));
    assert!(c.get(&format!("/cancel/{}", n[1])).await.contains("cancelling it withdraws its certificate"));
    app.clock.advance(time::Duration::days(70));
    let mut c = app.login(USER_A).await;
    assert!(c.get("/cancel").await.contains("requests found"));
    assert!(
        !c.get("/cancel").await.contains(&format!("href=\"/cancel/{}\"", n[1])),
        "the period has started"
    );
    let r = c.post(&format!("/cancel/{}", n[1]), &[("justification", "too late")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.contains("period has started: the request can no longer be cancelled"));
}

#[tokio::test]
async fn rejected_requests_cannot_be_cancelled() {
    let (app, mut c, n) = seeded().await;
    let reject = wabro_app::DecisionInput::Reject {
        reason_code: "no_direct_link".into(),
        reason: "No direct link".into(),
    };
    app.app.decide(&wabro_app::AgentCtx::for_tests(5), &n[3], reject).await.unwrap();
    assert!(!c.get("/cancel").await.contains(&format!("href=\"/cancel/{}\"", n[3])));
    let r = c.post(&format!("/cancel/{}", n[3]), &[("justification", "x")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.contains("This request is closed and can no longer be cancelled."));
    assert!(c.get(&format!("/consult/{}", n[3])).await.contains("Rejected: No direct link"));
}

#[tokio::test]
async fn a_cancel_racing_a_decision_has_one_winner_and_a_clear_message() {
    for round in 0..6 {
        let app = TestApp::new().await;
        let mut c = app.login(USER_A).await;
        let tx = file(&mut c, "broeck", "FR", "2027-01-04", "2027-06-30").await;
        let token = c.csrf().await;
        let mut cc = app.client();
        cc.cookies = c.cookies.clone();
        let path = format!("/cancel/{tx}");
        let cancel =
            tokio::spawn(
                async move { cc.post_raw(&path, &[("csrf", &token), ("justification", "race")]).await },
            );
        let admitted = wabro_domain::Period::new(date!(2027 - 01 - 04), date!(2027 - 06 - 30)).unwrap();
        let decided = app
            .app
            .decide(&wabro_app::AgentCtx::for_tests(5), &tx, wabro_app::DecisionInput::Approve { admitted })
            .await;
        let cancelled = cancel.await.unwrap();
        let detail = c.get(&format!("/consult/{tx}")).await;
        match (decided.is_ok(), cancelled.status) {
            // The decision won; the employer may still withdraw before the period starts.
            (true, StatusCode::SEE_OTHER) => {
                assert!(detail.contains("id=\"status\">Cancelled<"), "round {round}")
            }
            (true, status) => {
                panic!("round {round}: cancel answered {status} after a decision: {}", cancelled.body)
            }
            (false, StatusCode::SEE_OTHER) => {
                assert!(detail.contains("id=\"status\">Cancelled<"));
                assert!(
                    matches!(
                        decided,
                        Err(wabro_app::AppError::Conflict(wabro_domain::Code::LifecycleAlreadyCancelled))
                    ),
                    "round {round}: {decided:?}"
                );
            }
            (false, status) => panic!("round {round}: both lost ({status})"),
        }
    }
}

#[tokio::test]
async fn another_enterprise_never_sees_or_cancels_these_requests() {
    let (app, _c, n) = seeded().await;
    let mut b = app.login(USER_B).await;
    let r = b.get("/consult").await;
    assert!(r.contains("0 requests found"));
    for tx in &n {
        assert!(listed(&b.get(&format!("/consult?number={tx}")).await.body).is_empty());
        assert_eq!(b.get(&format!("/consult/{tx}")).await.status, StatusCode::NOT_FOUND);
        assert_eq!(b.get(&format!("/cancel/{tx}")).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            b.post(&format!("/cancel/{tx}"), &[("justification", "x")]).await.status,
            StatusCode::NOT_FOUND
        );
    }
    assert!(!b.get("/consult?name=broeck").await.contains("Van den Broeck"));
}

/// Issue 13, finding 16: `/consult?page=99` said "17 requests found" over an empty table with
/// no pager; it now goes to the last page.
#[tokio::test]
async fn a_page_past_the_last_goes_to_the_last_page() {
    let (_app, mut c, _) = seeded().await;
    let r = c.get("/consult?page=99&kind=posting").await;
    let to = r.redirected();
    assert!(to.starts_with("/consult?") && to.contains("kind=posting") && to.contains("page=1"), "{to}");
}

/// Issue 13, finding 19: Jersey, Guernsey and the Isle of Man were offered twice.
#[tokio::test]
async fn each_crown_dependency_is_offered_once() {
    let (_app, mut c, _) = seeded().await;
    let id = new_draft(&mut c).await;
    let step2 = c.get(&format!("/drafts/{id}/step/2")).await;
    assert!(step2.contains(">United Kingdom — Jersey<"));
    assert!(!step2.contains(">Jersey<") && !step2.contains("value=\"JE\""), "not again as a country");
}

/// Issue 13, finding 12: a simultaneous occupation was found and shown by its first country
/// only: Country = Germany missed a request for the Netherlands and Germany.
#[tokio::test]
async fn a_simultaneous_occupation_is_found_and_shown_by_every_country() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = crate::kinds::simultaneous_draft(&mut c).await;
    let tx = c
        .post(&format!("/drafts/{id}/submit"), &[])
        .await
        .redirected()
        .trim_start_matches("/requests/")
        .to_owned();
    for country in ["NL", "DE"] {
        let found = c.get(&format!("/consult?country={country}")).await;
        assert!(found.contains(&tx), "found by {country}: {}", found.body);
    }
    let row = c.get("/consult?country=DE").await;
    let row = row.body.split("<tr").find(|r| r.contains(&tx)).unwrap().to_owned();
    assert!(row.contains("Netherlands") && row.contains("Germany"), "every country shown: {row}");
    assert!(!c.get("/consult?country=FR").await.contains(&tx));
}

/// Issue 13, finding 14: the date filters meant start ≥ and end ≤, so "who is abroad in
/// March" found nothing. "Abroad on or during" finds the periods that overlap.
#[tokio::test]
async fn who_is_abroad_in_march() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let long = file(&mut c, "broeck", "FR", "2027-01-04", "2027-06-30").await;
    let april = file(&mut c, "maes", "DE", "2027-04-01", "2027-04-30").await;
    let march = c.get("/consult?abroad_from=2027-03-01&abroad_to=2027-03-31").await;
    assert!(march.contains(&long), "January to June includes March: {}", march.body);
    assert!(!march.contains(&april));
    let one_day = c.get("/consult?abroad_from=2027-04-15&abroad_to=2027-04-15").await;
    assert!(one_day.contains(&long) && one_day.contains(&april));
    let before = c.get("/consult?requested_from=2027-03-01&requested_to=2027-03-31").await;
    assert!(!before.contains(&long), "the requested-period filter keeps its meaning");
    let bad = c.get("/consult?abroad_from=2027-04-30&abroad_to=2027-04-01").await;
    assert_eq!(bad.status, axum::http::StatusCode::BAD_REQUEST);
}

/// Issue 13, finding 13: the Country column sorted by ISO code (Austria, Canada, Switzerland,
/// Germany…); it sorts by the name in the interface's language.
#[tokio::test]
async fn countries_sort_by_their_name_in_the_interface_language() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    // Codes CH < DE < ES; English names Germany < Spain < Switzerland; German names
    // Deutschland < Schweiz < Spanien.
    let ch = file(&mut c, "broeck", "CH", "2027-01-04", "2027-03-31").await;
    let de = file(&mut c, "maes", "DE", "2027-01-04", "2027-03-31").await;
    let es = file(&mut c, "peeters", "ES", "2027-01-04", "2027-03-31").await;
    let order = |body: &str| {
        let mut found: Vec<(usize, &str)> = [(&ch, "CH"), (&de, "DE"), (&es, "ES")]
            .iter()
            .map(|(tx, code)| (body.find(tx.as_str()).unwrap(), *code))
            .collect();
        found.sort();
        found.into_iter().map(|(_, code)| code).collect::<Vec<_>>()
    };
    let english = c.get("/consult?sort=country&dir=asc").await;
    assert_eq!(order(&english.body), ["DE", "ES", "CH"]);
    c.post("/lang", &[("lang", "de"), ("back", "/")]).await;
    let german = c.get("/consult?sort=country&dir=asc").await;
    assert_eq!(order(&german.body), ["DE", "CH", "ES"]);
}
