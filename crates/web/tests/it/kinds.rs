//! Seafarer and simultaneous-occupation requests through the same wizard engine.

use crate::support::*;
use axum::http::StatusCode;
use time::macros::date;

async fn new_of(c: &mut Client, kind: &str) -> String {
    let loc = c.post("/requests/new", &[("kind", kind)]).await.redirected();
    draft_id(&loc)
}

async fn pick(c: &mut Client, id: &str, who: &str) {
    let found = c.get(&format!("/drafts/{id}/step/1?q={who}")).await;
    let ssin =
        found.body.split("name=\"ssin\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    c.post(&format!("/drafts/{id}/employee"), &[("ssin", &ssin)]).await.redirected();
}

const CONDITIONS: [(&str, &str); 6] = [
    ("conditions.covered_before", "yes"),
    ("conditions.extra_contract_with_host", "no"),
    ("conditions.host_can_change_pay", "no"),
    ("conditions.host_can_dismiss", "no"),
    ("conditions.host_disciplinary", "no"),
    ("conditions.replaces_posted_worker", "no"),
];

#[tokio::test]
async fn a_seafarer_request_from_start_to_transaction_number() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let tab = c.get("/seafarer").await;
    assert!(tab.contains("Seafarer request"));
    let id = new_of(&mut c, "seafarer").await;
    pick(&mut c, &id, "broeck").await;
    let s1 = [("entry_into_service", "2015-09-01"), ("private_sector", "yes"), ("action", "continue")];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/1"), &s1).await.redirected(),
        format!("/drafts/{id}/step/2")
    );
    let page = c.get(&format!("/drafts/{id}/step/2")).await;
    assert!(page.contains("Step 2 of 4") && page.contains("The ship"));

    let r = c
        .post(
            &format!("/drafts/{id}/step/2"),
            &[("ship.name", "Marie"), ("ship.flag", "PA"), ("ship.imo", "12345"), ("action", "continue")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("An IMO number has 7 digits."), "a malformed number is an error");
    let ship =
        [("ship.name", "Marie"), ("ship.flag", "PA"), ("ship.imo", "IMO 8814274"), ("action", "continue")];
    let r = c.post(&format!("/drafts/{id}/step/2"), &ship).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("The check digit of IMO number 8814274 does not match"));
    assert!(r.contains("name=\"ship.imo_confirmed\""), "the warning can be confirmed");
    let mut confirmed = ship.to_vec();
    confirmed.push(("ship.imo_confirmed", "yes"));
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/2"), &confirmed).await.redirected(),
        format!("/drafts/{id}/step/3")
    );
    assert!(
        c.get(&format!("/drafts/{id}/step/2")).await.contains("id=\"ship-imo_confirmed\" checked"),
        "the confirmation is remembered"
    );

    let mut s3 = vec![
        ("period.start", "2027-01-04"),
        ("period.end", "2027-05-31"),
        ("language", "nl"),
        ("action", "continue"),
    ];
    s3.extend(CONDITIONS);
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/3"), &s3).await.redirected(),
        format!("/drafts/{id}/step/4")
    );
    let s4 = [
        ("contact.family_name", "Verhoeven"),
        ("contact.given_name", "K"),
        ("contact.telephone", "09 123 45 67"),
        ("action", "continue"),
    ];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/4"), &s4).await.redirected(),
        format!("/drafts/{id}/summary")
    );
    let summary = c.get(&format!("/drafts/{id}/summary")).await;
    assert!(summary.contains("Marie") && summary.contains("Panama") && summary.contains("IMO 8814274"));
    assert!(summary.contains("without an agreement"), "Panama: the 6 + 6-month regime");
    let loc = c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    let conf = c.get(&loc).await;
    assert!(conf.contains("Same employee, another ship and period"));
    assert!(c.get("/consult?kind=seafarer").await.contains("1 request found"));

    // Issue 13, finding 9: the agent saw the number with no flag. The confirmed warning is on
    // the agent's page and in the request's history.
    let tx = loc.trim_start_matches("/requests/");
    let mut agent = app.login("agent@nsso.demo").await;
    let page = agent.get(&format!("/agent/requests/{tx}")).await;
    assert!(page.contains("Warnings the employer confirmed"), "{}", page.body);
    assert!(page.contains("The check digit of IMO number 8814274 does not match"));
    let history = c.get(&format!("/consult/{tx}")).await;
    assert!(
        history.contains("Warnings the employer confirmed: The check digit of IMO number 8814274"),
        "{}",
        history.body
    );
}

/// Walks a simultaneous occupation to its summary: Belgium 40 %, Netherlands 35 %, Germany 25 %.
pub(crate) async fn simultaneous_draft(c: &mut Client) -> String {
    let id = new_of(c, "simultaneous_occupation").await;
    pick(c, &id, "broeck").await;
    let page = c.get(&format!("/drafts/{id}/step/1")).await;
    assert!(page.contains("Step 1 of 5") && page.contains("value=\"rhine_shipping\""));
    let r = c
        .post(
            &format!("/drafts/{id}/step/1"),
            &[("recruitment_date", "2015-09-01"), ("classification.type", "air"), ("action", "continue")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("Country of the home base (air): Enter this information."), "{}", r.body);
    let s1 =
        [("recruitment_date", "2015-09-01"), ("classification.type", "salaried"), ("action", "continue")];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/1"), &s1).await.redirected(),
        format!("/drafts/{id}/step/2")
    );

    let r = c.post(&format!("/drafts/{id}/step/2"), &[("countries[0]", "NL"), ("action", "continue")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.contains("Choose at least two countries."), "a single country is refused");
    let s2 =
        [("countries[0]", "NL"), ("countries[1]", "DE"), ("also_in_belgium", "yes"), ("action", "continue")];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/2"), &s2).await.redirected(),
        format!("/drafts/{id}/step/3")
    );

    for (i, (country, share, name)) in
        [("BE", "40", "Gent HQ"), ("NL", "35", "Rotterdam"), ("DE", "25", "Köln")].iter().enumerate()
    {
        let form = [("type", "region"), ("country", *country), ("percentage", *share), ("name", *name)];
        assert_eq!(c.post_place(&id, i, &form).await.redirected(), format!("/drafts/{id}/step/3"));
    }
    let s3 = c.get(&format!("/drafts/{id}/step/3")).await;
    assert!(s3.contains("id=\"total-percent\">Total of the time shares: 100 %"), "the running total");
    assert!(s3.contains("Netherlands · 35 %"), "each place with its country and share");
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/3"), &[("action", "continue")]).await.redirected(),
        format!("/drafts/{id}/step/4")
    );
    let s4 = [
        ("period.start", "2027-01-04"),
        ("period.end", "2027-12-31"),
        ("language", "de"),
        ("remarks", "Monthly rotation"),
        ("action", "continue"),
    ];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/4"), &s4).await.redirected(),
        format!("/drafts/{id}/step/5")
    );
    let r = c
        .post(
            &format!("/drafts/{id}/step/5"),
            &[
                ("contact.family_name", "Verhoeven"),
                ("contact.given_name", "K"),
                ("contact.telephone", "09 123 45 67"),
                ("action", "continue"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.contains("SSIN: Enter this information."),
        "the contact's SSIN, employer and function are needed"
    );
    let s5 = [
        ("contact.family_name", "Verhoeven"),
        ("contact.given_name", "K"),
        ("contact.telephone", "09 123 45 67"),
        ("contact.ssin", "90010100123"),
        ("contact.employer", "Bouwwerken Vlaanderen NV"),
        ("contact.function", "HR officer"),
        ("action", "continue"),
    ];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/5"), &s5).await.redirected(),
        format!("/drafts/{id}/summary")
    );
    id
}

#[tokio::test]
async fn a_simultaneous_occupation_with_shares_is_saved() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = simultaneous_draft(&mut c).await;
    let summary = c.get(&format!("/drafts/{id}/summary")).await;
    for text in [
        "Belgium, Netherlands, Germany",
        "Netherlands, 35 %: Rotterdam",
        "Salaried employee",
        "HR officer",
        "Monthly rotation",
    ] {
        assert!(summary.contains(text), "summary lacks {text}");
    }
    assert!(summary.contains("article 13(1)(a)"), "40 % in Belgium, the state of residence");
    assert!(summary.contains("25 % or more of the working time is in the state of residence."));
    let loc = c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    let conf = c.get(&loc).await;
    assert!(conf.contains("An identical request for a different employee"));
    assert!(conf.contains("A new request based on this one") && conf.contains("A blank request"));
    let tx = loc.trim_start_matches("/requests/").to_owned();

    let other = c.post(&format!("/requests/{tx}/reuse"), &[("mode", "other_employee")]).await.redirected();
    assert!(other.ends_with("/step/1"));
    assert!(
        c.get(&format!("/drafts/{}/step/3", draft_id(&other))).await.contains("Rotterdam"),
        "same countries and places"
    );
    let based =
        c.post("/requests/new", &[("kind", "simultaneous_occupation"), ("based_on", &tx)]).await.redirected();
    assert!(
        c.get(&format!("/drafts/{}/summary", draft_id(&based))).await.contains("id=\"save\""),
        "a complete copy"
    );
    let blank = c.post("/requests/new", &[("kind", "simultaneous_occupation")]).await.redirected();
    assert!(c.get(&format!("/drafts/{}/step/3", draft_id(&blank))).await.contains("No place of work yet"));
}

#[tokio::test]
async fn percentages_must_be_whole_and_total_100() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = simultaneous_draft(&mut c).await;
    let cases: [(&str, &str); 3] = [
        ("24", "The percentages add up to 99 %"),
        ("26", "The percentages add up to 101 %"),
        ("0", "Enter a whole percentage from 1 to 100."),
    ];
    for (share, message) in cases {
        let form = [("type", "region"), ("country", "DE"), ("percentage", share), ("name", "Köln")];
        let r = c.post_place(&id, 2, &form).await;
        if r.status == StatusCode::SEE_OTHER {
            let r = c.post(&format!("/drafts/{id}/step/3"), &[("action", "continue")]).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{share}");
            assert!(r.contains(message), "{share}: {}", r.body);
        } else {
            assert!(r.contains(message), "{share}: {}", r.body);
        }
    }
    // Edit (pencil) and remove (bin) a place.
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/3"), &[("action", "edit:1")]).await.redirected(),
        format!("/drafts/{id}/places/1")
    );
    assert!(c.get(&format!("/drafts/{id}/places/1")).await.contains("value=\"35\""));
    c.post(&format!("/drafts/{id}/step/3"), &[("action", "remove:2")]).await.redirected();
    let page = c.get(&format!("/drafts/{id}/step/3")).await;
    assert!(!page.contains("Köln") && page.contains("Total of the time shares: 75 %"));
    let r = c.post(&format!("/drafts/{id}/step/3"), &[("action", "continue")]).await;
    assert!(r.contains("Add a place of work in Germany."), "every country needs a place");
}

#[tokio::test]
async fn an_approved_simultaneous_occupation_is_extended_and_linked() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = simultaneous_draft(&mut c).await;
    let tx = c
        .post(&format!("/drafts/{id}/submit"), &[])
        .await
        .redirected()
        .trim_start_matches("/requests/")
        .to_owned();
    let r = c.post("/requests/new", &[("kind", "simultaneous_occupation"), ("extend", &tx)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "not approved yet");
    assert!(r.contains("Only an approved simultaneous occupation can be extended."));
    approve(&app, &tx, date!(2027 - 01 - 04), date!(2027 - 10 - 31)).await;
    assert!(
        c.get("/simultaneous").await.contains(&format!("<option value=\"{tx}\">")),
        "offered for extension"
    );
    let loc =
        c.post("/requests/new", &[("kind", "simultaneous_occupation"), ("extend", &tx)]).await.redirected();
    let d = draft_id(&loc);
    assert!(
        c.get(&format!("/drafts/{d}/step/4")).await.contains("value=\"2027-11-01\" readonly"),
        "the day after the admitted end, not editable"
    );
    c.post(
        &format!("/drafts/{d}/step/4"),
        &[
            // Issue 13, finding 3: an extension that started eight months before the request it
            // extended was approved at once. Whatever is posted, the start stays fixed.
            ("period.start", "2027-03-01"),
            ("period.end", "2028-10-31"),
            ("language", "de"),
            ("action", "continue"),
        ],
    )
    .await
    .redirected();
    let new_tx = c
        .post(&format!("/drafts/{d}/submit"), &[])
        .await
        .redirected()
        .trim_start_matches("/requests/")
        .to_owned();
    let extension = c.get(&format!("/consult/{new_tx}")).await;
    assert!(extension.contains(&format!("id=\"extends\">{tx}<")));
    assert!(extension.contains("1 Nov 2027"), "it starts the day after the admitted end: {}", extension.body);
    assert!(c.get(&format!("/consult/{tx}")).await.contains(&format!("id=\"extended-by\">{new_tx}<")));

    let posting = file(&mut c, "delporte", "FR", "2027-01-04", "2027-03-31").await;
    approve(&app, &posting, date!(2027 - 01 - 04), date!(2027 - 03 - 31)).await;
    let r = c.post("/requests/new", &[("kind", "simultaneous_occupation"), ("extend", &posting)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "a posting is not extended this way");
}

#[tokio::test]
async fn the_classification_decides_what_is_asked() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_of(&mut c, "simultaneous_occupation").await;
    pick(&mut c, &id, "broeck").await;
    for (class, message) in [
        ("air", "Country of the home base (air): Enter this information."),
        ("sea", "Flag: Enter this information."),
        ("pilot", "Choose how the worker is classified."),
    ] {
        let form =
            [("recruitment_date", "2015-09-01"), ("classification.type", class), ("action", "continue")];
        let r = c.post(&format!("/drafts/{id}/step/1"), &form).await;
        assert!(r.contains(message), "{class}: {}", r.body);
    }
    for (class, extra) in [
        ("air", Some(("classification.homebase_country", "BE"))),
        ("sea", Some(("classification.flag", "BE"))),
        ("civil_servant", None),
        ("self_employed", None),
        ("road_rail", None),
        ("inland_shipping", None),
        ("rhine_shipping", None),
        ("salaried", None),
    ] {
        let mut form =
            vec![("recruitment_date", "2015-09-01"), ("classification.type", class), ("action", "continue")];
        form.extend(extra);
        assert_eq!(
            c.post(&format!("/drafts/{id}/step/1"), &form).await.redirected(),
            format!("/drafts/{id}/step/2"),
            "{class}"
        );
    }
}

#[tokio::test]
async fn every_place_type_with_its_country_in_a_simultaneous_occupation() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = simultaneous_draft(&mut c).await;
    let places: [&[(&str, &str)]; 6] = [
        &[("type", "region"), ("country", "BE"), ("percentage", "30"), ("name", "Vlaanderen")],
        &[
            ("type", "company"),
            ("country", "NL"),
            ("percentage", "20"),
            ("name", "Damen BV"),
            ("street", "Kade"),
            ("number", "1"),
            ("postal_code", "3011 AA"),
            ("city", "Rotterdam"),
        ],
        &[
            ("type", "construction_site"),
            ("country", "DE"),
            ("percentage", "10"),
            ("name", "Brücke"),
            ("street", "Rheinufer"),
            ("city", "Köln"),
        ],
        &[
            ("type", "homebase"),
            ("country", "BE"),
            ("percentage", "10"),
            ("name", "Zaventem"),
            ("city", "Zaventem"),
        ],
        &[
            ("type", "inland_vessel"),
            ("country", "NL"),
            ("percentage", "15"),
            ("name", "Rijn 7"),
            ("registration_number", "NL-77"),
            ("operating_area", "Waal"),
        ],
        &[
            ("type", "ocean_vessel"),
            ("country", "DE"),
            ("percentage", "15"),
            ("name", "Nordstern"),
            ("imo", "9074729"),
            ("flag", "DE"),
        ],
    ];
    for (i, form) in places.iter().enumerate() {
        assert_eq!(
            c.post_place(&id, i, form).await.redirected(),
            format!("/drafts/{id}/step/3"),
            "{:?}",
            form[0]
        );
    }
    let page = c.get(&format!("/drafts/{id}/places/5")).await;
    assert!(
        page.contains("name=\"places[5].flag\"") && !page.contains("in_territorial_waters"),
        "an ocean vessel asks its flag here"
    );
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/3"), &[("action", "continue")]).await.redirected(),
        format!("/drafts/{id}/step/4")
    );
    let summary = c.get(&format!("/drafts/{id}/summary")).await;
    assert!(summary.contains("id=\"save\""), "complete: {}", summary.body);
    assert!(summary.contains("Germany, 15 %: Nordstern"));
}

#[tokio::test]
async fn the_summary_lists_every_country_chosen_and_belgium_once() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = simultaneous_draft(&mut c).await;
    let codes = ["NL", "DE", "FR", "LU", "AT", "IT", "ES", "PT", "IE"];
    let mut form: Vec<(String, String)> =
        codes.iter().enumerate().map(|(i, code)| (format!("countries[{i}]"), (*code).to_owned())).collect();
    form.push(("also_in_belgium".into(), "yes".into()));
    form.push(("action".into(), "continue".into()));
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    // The page offers one more country field each time it is saved.
    for _ in 0..4 {
        c.post(&format!("/drafts/{id}/step/2"), &refs).await;
    }
    let summary = c.get(&format!("/drafts/{id}/summary")).await;
    let names = "Belgium, Netherlands, Germany, France, Luxembourg, Austria, Italy, Spain, Portugal, Ireland";
    assert!(summary.contains(names), "all ten, in order, Belgium once: {}", summary.body);
}
