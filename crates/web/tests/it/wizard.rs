//! The posting wizard end to end: every step, every place type, errors, save, reuse.

use crate::support::*;
use axum::http::StatusCode;

#[tokio::test]
async fn a_posting_goes_from_the_first_screen_to_a_transaction_number() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let summary = c.get(&format!("/drafts/{id}/summary")).await;
    assert_eq!(summary.status, StatusCode::OK);
    for text in [
        "Van den Broeck Jan",
        "France",
        "Müller &#38; Söhne SARL",
        "4 Jan 2027 – 30 Jun 2027",
        "Verhoeven Katrien",
    ] {
        assert!(summary.contains(text), "summary lacks {text}");
    }
    assert!(summary.contains("A1 attestation, article 12(1)"), "pre-assessment shown");
    assert!(summary.contains("id=\"assessment-clean\""), "a clean request");
    assert!(summary.contains(&format!("/drafts/{id}/step/3")), "change links");

    let loc = c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    assert_eq!(loc, "/requests/WAB-2026-0000001");
    let conf = c.get(&loc).await;
    assert!(conf.contains("id=\"transaction-number\">WAB-2026-0000001<"));
    assert!(conf.contains("In progress"));
    assert!(conf.contains("Van den Broeck Jan"));
    assert_eq!(requests_of(&app, 1).await, 1);
}

#[tokio::test]
async fn saving_twice_or_going_back_never_makes_a_second_request() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let first = c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    let second = c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    assert_eq!(first, second, "a double click gives the same request");
    assert_eq!(c.get(&format!("/drafts/{id}/summary")).await.redirected(), first, "refresh of the summary");
    assert_eq!(c.get(&format!("/drafts/{id}/step/2")).await.redirected(), first, "back into the wizard");
    let back_and_resubmit = c.post(&format!("/drafts/{id}/step/4"), &[("action", "continue")]).await;
    assert_eq!(back_and_resubmit.status, StatusCode::CONFLICT, "a saved draft is no longer edited");
    assert_eq!(requests_of(&app, 1).await, 1);
}

#[tokio::test]
async fn concurrent_saves_of_one_draft_make_one_request() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let token = c.csrf().await;
    let mut handles = Vec::new();
    for _ in 0..5 {
        let mut cc = app.client();
        cc.cookies = c.cookies.clone();
        let (id, token) = (id.clone(), token.clone());
        handles.push(tokio::spawn(async move {
            cc.post_raw(&format!("/drafts/{id}/submit"), &[("csrf", &token)]).await.redirected()
        }));
    }
    let mut locations = Vec::new();
    for h in handles {
        locations.push(h.await.unwrap());
    }
    locations.dedup();
    assert_eq!(locations.len(), 1, "{locations:?}");
    assert_eq!(requests_of(&app, 1).await, 1);
}

#[tokio::test]
async fn step_one_needs_an_employee_from_the_directory() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let r = c
        .post(
            &format!("/drafts/{id}/step/1"),
            &[("entry_into_service", "31/02/2020"), ("action", "continue")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("There is a problem"));
    assert!(r.contains("href=\"#employee-ssin\""), "the summary links to the field");
    assert!(r.contains("Date of entry into service: Enter a real date"), "{}", r.body);
    assert!(r.contains("value=\"31/02/2020\""), "what the user typed is kept");
    assert!(r.contains("Is the employer in the private sector?: Answer yes or no."));
}

#[tokio::test]
async fn the_temporary_address_is_checked_only_when_ticked() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let r = c
        .post(
            &format!("/drafts/{id}/step/1"),
            &[
                ("has_temporary_address", "yes"),
                ("employee.temporary_address.city", "Lyon"),
                ("entry_into_service", "2015-09-01"),
                ("private_sector", "yes"),
                ("action", "continue"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("Street: Enter this information."));
    assert!(r.contains("value=\"Lyon\""));
    let r = c
        .post(
            &format!("/drafts/{id}/step/1"),
            &[("entry_into_service", "2015-09-01"), ("private_sector", "yes"), ("action", "continue")],
        )
        .await;
    assert_eq!(r.redirected(), format!("/drafts/{id}/step/2"));
}

#[tokio::test]
async fn every_place_type_can_be_added_edited_and_removed() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let places: [&[(&str, &str)]; 5] = [
        &[("type", "region"), ("name", "Île-de-France")],
        &[
            ("type", "construction_site"),
            ("name", "Pont Neuf"),
            ("description", "Bridge repair"),
            ("city", "Lyon"),
        ],
        &[("type", "homebase"), ("name", "CDG"), ("city", "Roissy")],
        &[
            ("type", "inland_vessel"),
            ("name", "Seine 4"),
            ("registration_number", "F-1234"),
            ("operating_area", "Seine"),
            ("operating_country", "FR"),
        ],
        &[
            ("type", "ocean_vessel"),
            ("name", "Marie"),
            ("imo", "IMO 9319466"),
            ("in_territorial_waters", "yes"),
        ],
    ];
    for (n, fields) in places.iter().enumerate() {
        let i = n + 1;
        let page = c.get(&format!("/drafts/{id}/places/new?type={}", fields[0].1)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.contains(&format!("action=\"/drafts/{id}/places/{i}\"")));
        let r = c.post_place(&id, i, fields).await;
        assert_eq!(r.redirected(), format!("/drafts/{id}/step/2"), "{:?}", fields[0]);
    }
    let step2 = c.get(&format!("/drafts/{id}/step/2")).await;
    for name in ["Île-de-France", "Pont Neuf", "CDG", "Seine 4", "Marie", "Müller &#38; Söhne SARL"] {
        assert!(step2.contains(name), "{name} listed");
    }
    // Edit the company (index 0): rename it.
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/2"), &[("destination", "FR"), ("action", "edit:0")])
            .await
            .redirected(),
        format!("/drafts/{id}/places/0")
    );
    let edit = c.get(&format!("/drafts/{id}/places/0")).await;
    assert!(edit.contains("value=\"Rue de la Paix\""), "the edit form is pre-filled");
    let company = [
        ("type", "company"),
        ("name", "Dupont SA"),
        ("street", "Rue X"),
        ("number", "1"),
        ("postal_code", "75001"),
        ("city", "Paris"),
    ];
    c.post_place(&id, 0, &company).await.redirected();
    // Remove the region (index 1).
    c.post(&format!("/drafts/{id}/step/2"), &[("destination", "FR"), ("action", "remove:1")])
        .await
        .redirected();
    let step2 = c.get(&format!("/drafts/{id}/step/2")).await;
    assert!(step2.contains("Dupont SA") && !step2.contains("Müller"));
    assert!(!step2.contains("Île-de-France"));
    assert_eq!(c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected(), "/requests/WAB-2026-0000001");
}

#[tokio::test]
async fn place_errors_name_their_fields() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: [Case; 6] = [
        (&[("type", "region")], &["Name: Enter this information."]),
        (
            &[("type", "company"), ("name", "X")],
            &["Street: Enter this information.", "City: Enter this information."],
        ),
        (
            &[("type", "construction_site"), ("name", "S"), ("city", "Lyon")],
            &["Give a description of the site or its street."],
        ),
        (&[("type", "homebase"), ("name", "CDG")], &["City: Enter this information."]),
        (
            &[("type", "inland_vessel"), ("name", "B")],
            &[
                "Registration number: Enter this information.",
                "Harbour or river where it operates: Enter this information.",
            ],
        ),
        (
            &[("type", "ocean_vessel"), ("name", "S"), ("imo", "12345")],
            &["IMO number: An IMO number has 7 digits.", "Answer yes or no."],
        ),
    ];
    for (fields, messages) in cases {
        let r = c.post_place(&id, 0, fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        for m in messages {
            assert!(r.contains(m), "{fields:?} lacks {m}: {}", r.body);
        }
    }
}

#[tokio::test]
async fn a_failing_imo_check_digit_is_confirmed_not_refused() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let ship =
        [("type", "ocean_vessel"), ("name", "Old Lady"), ("imo", "8814274"), ("in_territorial_waters", "no")];
    let r = c.post_place(&id, 0, &ship).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("The check digit of IMO number 8814274 does not match"));
    assert!(r.contains("name=\"places[0].imo_confirmed\""), "the confirmation box is offered");
    let mut confirmed = ship.to_vec();
    confirmed.push(("imo_confirmed", "yes"));
    assert_eq!(c.post_place(&id, 0, &confirmed).await.redirected(), format!("/drafts/{id}/step/2"));
}

#[tokio::test]
async fn destination_and_places_are_required_and_territories_selectable() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let r = c.post(&format!("/drafts/{id}/step/2"), &[("destination", ""), ("action", "continue")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("Country of destination: Enter this information."));
    assert!(r.contains("Add at least one place of work."));
    let page = c.get(&format!("/drafts/{id}/step/2")).await;
    assert!(
        page.contains("value=\"GB:jersey\"") && page.contains("value=\"CA:quebec\""),
        "territories offered"
    );
    assert!(!page.contains("<option value=\"BE\""), "Belgium is not a destination");
    c.post(&format!("/drafts/{id}/step/2"), &[("destination", "GB:jersey"), ("action", "previous")])
        .await
        .redirected();
    let page = c.get(&format!("/drafts/{id}/step/2")).await;
    assert!(page.contains("value=\"GB:jersey\" selected"), "the territory is remembered");
}

#[tokio::test]
async fn period_and_questions_are_checked() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let r = c
        .post(
            &format!("/drafts/{id}/step/3"),
            &[("period.start", "2027-06-01"), ("period.end", "2027-05-01"), ("action", "continue")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("End date: The end date must be on or after the start date."));
    assert!(r.contains("Does the employee replace another posted worker?: Answer yes or no."));
    assert!(r.contains("Language of the certificate: Enter this information."));
    let r = c
        .post(&format!("/drafts/{id}/step/4"), &[("contact.telephone", "call me"), ("action", "continue")])
        .await;
    assert!(r.contains("Telephone: Enter a telephone number"));
    assert!(r.contains("Family name: Enter this information."));
}

#[tokio::test]
async fn the_summary_lists_what_is_missing_with_links() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let r = c.get(&format!("/drafts/{id}/summary")).await;
    assert!(r.contains("The request cannot be saved yet"));
    assert!(r.contains(&format!("href=\"/drafts/{id}/step/1#employee-ssin\"")));
    assert!(!r.contains("id=\"save\""), "no Save button while incomplete");
    assert_eq!(
        c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected(),
        format!("/drafts/{id}/summary")
    );
    assert_eq!(requests_of(&app, 1).await, 0);
}

#[tokio::test]
async fn the_summary_explains_findings_in_plain_language() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let step3 = [
        ("period.start", "2027-01-04"),
        ("period.end", "2029-06-30"),
        ("conditions.covered_before", "yes"),
        ("conditions.extra_contract_with_host", "no"),
        ("conditions.host_can_change_pay", "no"),
        ("conditions.host_can_dismiss", "no"),
        ("conditions.host_disciplinary", "no"),
        ("conditions.replaces_posted_worker", "yes"),
        ("language", "nl"),
        ("action", "continue"),
    ];
    c.post(&format!("/drafts/{id}/step/3"), &step3).await.redirected();
    let r = c.get(&format!("/drafts/{id}/summary")).await;
    assert!(r.contains("The period runs past the latest end date allowed, 3 Jan 2029."), "{}", r.body);
    assert!(r.contains("A posted worker may not replace another posted worker."));
    assert!(r.contains("As it stands, this leads to a refusal"));
}

#[tokio::test]
async fn a_dimona_gap_is_shown_by_dates() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    // Janssens Pieter (demo index 3) is declared until 31 March 2027 only.
    let found = c.get(&format!("/drafts/{id}/step/1?q=janssens")).await;
    let ssin =
        found.body.split("name=\"ssin\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    c.post(&format!("/drafts/{id}/employee"), &[("ssin", &ssin)]).await.redirected();
    let r = c.get(&format!("/drafts/{id}/summary")).await;
    assert!(r.contains("91 days of the period are not covered by a Dimona declaration"), "{}", r.body);
    assert!(r.contains("1 Apr 2027 – 30 Jun 2027"));
}

#[tokio::test]
async fn drafts_survive_logout_and_restart() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    c.post(&format!("/drafts/{id}/step/3"), &[("mission", "Kept across restarts"), ("action", "previous")])
        .await;
    c.post("/logout", &[]).await;
    let app = app.restart().await;
    let mut c = app.login(USER_A).await;
    let home = c.get("/posting").await;
    assert!(home.contains(&format!("/drafts/{id}/step/1")), "the draft is listed to continue");
    assert!(c.get(&format!("/drafts/{id}/step/3")).await.contains("Kept across restarts"));
}

#[tokio::test]
async fn a_draft_can_be_discarded() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    assert_eq!(c.post(&format!("/drafts/{id}/discard"), &[]).await.redirected(), "/posting");
    assert_eq!(c.get(&format!("/drafts/{id}/step/1")).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_three_reuse_actions_open_prefilled_drafts_at_the_right_step() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let tx = c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    let tx = tx.trim_start_matches("/requests/").to_owned();

    let loc = c.post(&format!("/requests/{tx}/reuse"), &[("mode", "other_employee")]).await.redirected();
    assert!(loc.ends_with("/step/1"), "{loc}");
    let d = draft_id(&loc);
    assert!(c.get(&loc).await.contains("No employee chosen yet"));
    assert!(c.get(&format!("/drafts/{d}/step/2")).await.contains("value=\"FR\" selected"));
    assert!(c.get(&format!("/drafts/{d}/step/3")).await.contains("value=\"2027-01-04\""));

    let loc = c.post(&format!("/requests/{tx}/reuse"), &[("mode", "other_destination")]).await.redirected();
    assert!(loc.ends_with("/step/2"), "{loc}");
    let d = draft_id(&loc);
    assert!(c.get(&format!("/drafts/{d}/step/1")).await.contains("Van den Broeck"));
    let s3 = c.get(&format!("/drafts/{d}/step/3")).await;
    assert!(!s3.contains("value=\"2027-01-04\""), "a new period");
    assert!(s3.contains("name=\"conditions.covered_before\" value=\"yes\" checked"), "same conditions");

    let loc = c.post(&format!("/requests/{tx}/reuse"), &[("mode", "other_period")]).await.redirected();
    assert!(loc.ends_with("/step/3"), "{loc}");
    let d = draft_id(&loc);
    assert!(c.get(&format!("/drafts/{d}/step/2")).await.contains("Müller &#38; Söhne SARL"));
    assert!(!c.get(&loc).await.contains("value=\"2027-06-30\""));
}

#[tokio::test]
async fn a_request_can_start_from_an_earlier_one() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    let home = c.get("/posting").await;
    assert!(home.contains("<option value=\"WAB-2026-0000001\">"));
    let loc =
        c.post("/requests/new", &[("kind", "posting"), ("based_on", "WAB-2026-0000001")]).await.redirected();
    let d = draft_id(&loc);
    let summary = c.get(&format!("/drafts/{d}/summary")).await;
    assert!(summary.contains("id=\"save\""), "a complete copy");
    assert_eq!(c.post(&format!("/drafts/{d}/submit"), &[]).await.redirected(), "/requests/WAB-2026-0000002");
}

#[tokio::test]
async fn a_new_draft_takes_the_interface_language_and_the_last_contact() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    c.post("/lang", &[("lang", "de"), ("back", "/posting")]).await;
    let id = new_draft(&mut c).await;
    assert!(c.get(&format!("/drafts/{id}/step/3")).await.contains("name=\"language\" value=\"de\" checked"));
    complete_draft(&mut c, &id).await;
    c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    let id2 = new_draft(&mut c).await;
    assert!(c.get(&format!("/drafts/{id2}/step/4")).await.contains("value=\"Verhoeven\""));
}

#[tokio::test]
async fn previous_on_the_first_step_goes_home_and_keeps_the_answers() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let page = c.get(&format!("/drafts/{id}/step/1")).await;
    assert!(page.contains("value=\"previous\""), "every step has Previous");
    let r = c
        .post(
            &format!("/drafts/{id}/step/1"),
            &[("entry_into_service", "2020-02-02"), ("action", "previous")],
        )
        .await;
    assert_eq!(r.redirected(), "/posting");
    assert!(c.get(&format!("/drafts/{id}/step/1")).await.contains("value=\"2020-02-02\""));
}

/// Issue 13, finding 7: for a worker hired again (Dimona 2014 to 31 Dec 2026, then from 1 Mar
/// 2027) the entry into service was prefilled with 1 Mar 2027, the latest period, which then
/// raised a false finding for a posting from 15 Dec 2026.
#[tokio::test]
async fn the_entry_into_service_comes_from_the_dimona_period_in_force() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let found = c.get(&format!("/drafts/{id}/step/1?q=dubois")).await;
    let ssin =
        found.body.split("name=\"ssin\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    c.post(&format!("/drafts/{id}/employee"), &[("ssin", &ssin)]).await.redirected();
    let step1 = c.get(&format!("/drafts/{id}/step/1")).await;
    assert!(step1.contains("value=\"2014-01-06\""), "the employment in force now: {}", step1.body);
    assert!(!step1.contains("value=\"2027-03-01\""));
}

/// Issue 13, finding 5: a place that failed validation (an empty name, a 6-digit IMO) was
/// stored anyway; going back showed it in the list and Continue failed.
#[tokio::test]
async fn a_place_joins_the_request_only_once_it_is_valid() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let before = c.get(&format!("/drafts/{id}/step/2")).await;
    let places_before = before.body.matches("/places/").count();
    let r = c
        .post_place(
            &id,
            1,
            &[("type", "company"), ("name", ""), ("street", "Calle Mayor"), ("city", "Madrid")],
        )
        .await;
    assert_eq!(r.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("value=\"Calle Mayor\""), "what was typed is shown again");
    let r = c.post_place(&id, 1, &[("type", "ocean_vessel"), ("name", "Vega"), ("imo", "123456")]).await;
    assert_eq!(r.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    let after = c.get(&format!("/drafts/{id}/step/2")).await;
    assert_eq!(after.body.matches("/places/").count(), places_before, "no invalid place in the list");
    assert_eq!(c.get(&format!("/drafts/{id}/places/1")).await.status, axum::http::StatusCode::NOT_FOUND);
    let next =
        c.post(&format!("/drafts/{id}/step/2"), &[("destination", "FR"), ("action", "continue")]).await;
    assert_eq!(next.redirected(), format!("/drafts/{id}/step/3"), "Continue works");
}

/// Issue 13, finding 4: a posting to France with a place in Paris, its destination changed to
/// Spain at the summary, was approved as an A1 for Spain listing the Paris site.
#[tokio::test]
async fn changing_the_destination_asks_for_the_places_to_be_checked() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    c.post(&format!("/drafts/{id}/step/2"), &[("destination", "ES"), ("action", "previous")]).await;
    let summary = c.get(&format!("/drafts/{id}/summary")).await;
    assert!(
        summary.contains("was entered for France, but the destination is now Spain"),
        "the summary asks for the place to be checked: {}",
        summary.body
    );
    let r = c.post(&format!("/drafts/{id}/submit"), &[]).await;
    assert!(!r.location().starts_with("/requests/"), "it cannot be saved as it stands: {}", r.location());
    let r = c.post(&format!("/drafts/{id}/step/2"), &[("destination", "ES"), ("action", "continue")]).await;
    assert!(r.contains("was entered for France"), "step 2 says so too");
    // The place is checked again (here: its address corrected in Spain).
    let spain = [
        ("type", "company"),
        ("name", "Obras Madrid SL"),
        ("street", "Calle Mayor"),
        ("number", "1"),
        ("postal_code", "28013"),
        ("city", "Madrid"),
    ];
    c.post_place(&id, 0, &spain).await.redirected();
    assert!(!c.get(&format!("/drafts/{id}/summary")).await.contains("was entered for"));
    assert!(c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected().starts_with("/requests/"));
}

/// Issue 13, finding 6: "Must be solved" stood next to "Posted worker: Belgian legislation
/// continues to apply" and an active Save. A Dimona gap now keeps the request from being saved,
/// with the way out named, and the verdict leaves the legislation to the NSSO; other blocking
/// findings are saved for the NSSO and say they lead to a refusal as they stand.
#[tokio::test]
async fn findings_that_must_be_solved_stop_the_save_and_the_verdict_waits() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft_for(&mut c, &id, "janssens").await;
    let summary = c.get(&format!("/drafts/{id}/summary")).await;
    assert!(summary.contains("Must be solved before saving"), "{}", summary.body);
    assert!(summary.contains("Declare them in Dimona, or change the period."));
    assert!(!summary.contains("id=\"save\""), "no Save button");
    assert!(summary.contains("This request cannot be saved yet"));
    assert!(!summary.contains("Belgian legislation continues to apply"), "no verdict while it stands");
    assert!(summary.contains("To be decided by the NSSO"));
    let r = c.post(&format!("/drafts/{id}/submit"), &[]).await;
    assert_eq!(r.redirected(), format!("/drafts/{id}/summary"), "the save is refused");
    assert_eq!(requests_of(&app, 1).await, 0);

    // Past the maximum: saved for the NSSO to examine, and said plainly.
    let id = new_draft(&mut c).await;
    complete_draft_for(&mut c, &id, "maes").await;
    let step3 = period_answers("2027-01-04", "2029-06-30", "previous");
    c.post(&format!("/drafts/{id}/step/3"), &step3).await.redirected();
    let summary = c.get(&format!("/drafts/{id}/summary")).await;
    assert!(
        summary.contains("As it stands, this leads to a refusal: the NSSO will examine it"),
        "{}",
        summary.body
    );
    assert!(!summary.contains("Must be solved"));
    assert!(!summary.contains("Belgian legislation continues to apply"));
    assert!(summary.contains("id=\"save\""));
}

/// Issue 13, finding 10: two tabs on one draft silently overwrote each other (the last save won).
#[tokio::test]
async fn a_step_saved_over_a_newer_draft_says_so_and_shows_what_changed() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    complete_draft(&mut c, &id).await;
    let version = |page: &str| {
        page.split("name=\"draft_version\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned()
    };
    let first_tab = version(&c.get(&format!("/drafts/{id}/step/3")).await.body);
    let second_tab = version(&c.get(&format!("/drafts/{id}/step/3")).await.body);
    // The period step as a tab sends it: the answers, and the draft version its page showed.
    let step3 = |end: &'static str, version: String| {
        let mut form: Vec<(&str, String)> = period_answers("2027-01-04", end, "continue")
            .into_iter()
            .map(|(k, v)| (k, v.to_owned()))
            .collect();
        form.push(("mission", "Installation".into()));
        form.push(("draft_version", version));
        form
    };
    let form = step3("2027-05-31", second_tab);
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    c.post(&format!("/drafts/{id}/step/3"), &fields).await.redirected();
    let form = step3("2027-03-31", first_tab);
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = c.post(&format!("/drafts/{id}/step/3"), &fields).await;
    assert_eq!(r.status, axum::http::StatusCode::CONFLICT, "{}", r.body);
    assert!(r.contains("Changed in another window"));
    assert!(r.contains("31 May 2027") && r.contains("31 Mar 2027"), "both answers are shown, as dates");
    assert!(r.contains("value=\"2027-03-31\""), "this page's answer is kept in the form");
    assert!(
        c.get(&format!("/drafts/{id}/step/3")).await.contains("value=\"2027-05-31\""),
        "the other save stands"
    );
    // Sending it again, now over the newer version, saves it.
    let form = step3("2027-03-31", version(&r.body));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    c.post(&format!("/drafts/{id}/step/3"), &fields).await.redirected();
    assert!(c.get(&format!("/drafts/{id}/step/3")).await.contains("value=\"2027-03-31\""));
}
