//! The personnel directory search.

use crate::support::*;

async fn search(c: &mut Client, id: &str, q: &str) -> Resp {
    c.get(&format!("/drafts/{id}/step/1?q={}", urlencode(q))).await
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test]
async fn part_of_a_name_finds_case_and_accent_insensitively() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let r = search(&mut c, &id, "por").await;
    assert!(r.contains("Delporte Marc"), "por finds Delporte");
    let r = search(&mut c, &id, "muller").await;
    assert!(r.contains("Müller Jürgen"), "muller finds Müller");
    let r = search(&mut c, &id, "SCHRÖ").await;
    assert!(r.contains("Schröder Anneliese"));
    assert!(r.contains("since 16 Nov 2026"), "Dimona periods are listed");
}

#[tokio::test]
async fn an_ssin_with_or_without_separators_finds_the_worker() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let r = search(&mut c, &id, "broeck").await;
    let ssin = r.body.split("name=\"ssin\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let digits: String = ssin.chars().filter(char::is_ascii_digit).collect();
    for q in [ssin.as_str(), digits.as_str()] {
        let r = search(&mut c, &id, q).await;
        assert!(r.contains("Van den Broeck Jan"), "{q}");
        assert_eq!(r.body.matches("name=\"ssin\" value=").count(), 1);
    }
}

#[tokio::test]
async fn bad_searches_say_why() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    assert!(search(&mut c, &id, "85.07.30-033.29").await.contains("This SSIN does not exist"));
    assert!(search(&mut c, &id, "x").await.contains("Enter at least two letters"));
    assert!(
        search(&mut c, &id, "zzzz").await.contains("No employee of your enterprise matches this search.")
    );
    assert!(search(&mut c, &id, "%_\"*'").await.contains("Enter at least two letters"));
}

#[tokio::test]
async fn choosing_a_worker_fills_the_employee_and_entry_date() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let r = search(&mut c, &id, "delporte").await;
    let ssin = r.body.split("name=\"ssin\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    c.post(&format!("/drafts/{id}/employee"), &[("ssin", &ssin)]).await.redirected();
    let page = c.get(&format!("/drafts/{id}/step/1")).await;
    assert!(page.contains("id=\"selected-name\">Delporte Marc<"));
    assert!(page.contains("Rue Royale 101 1000 Bruxelles, Belgium"));
    assert!(page.contains("name=\"entry_into_service\" value=\"2015-09-01\""), "from the Dimona period");
}

/// Issue 13, finding 15: the wizard's employee search matched family names only, Consult given
/// names too. One search, the same everywhere.
#[tokio::test]
async fn the_employee_search_matches_given_names_as_consult_does() {
    let app = TestApp::new().await;
    let mut c = app.login(USER_A).await;
    let id = new_draft(&mut c).await;
    let by_given = c.get(&format!("/drafts/{id}/step/1?q=sofie")).await;
    assert!(by_given.contains("De Smet"), "{}", by_given.body);
    let both = c.get(&format!("/drafts/{id}/step/1?q=smet%20sof")).await;
    assert!(both.contains("De Smet"));
}
