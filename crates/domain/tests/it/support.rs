//! Builders for valid inputs that tests then bend.

use serde_json::{Value, json};
use time::Date;
use time::macros::date;
use wabro_domain::input::RequestInput;
use wabro_domain::{Request, validate};

/// The date every test runs on.
pub const TODAY: Date = date!(2026 - 11 - 28);

/// The employee part: a Belgian national living in Ghent.
pub fn employee() -> Value {
    json!({
        "ssin": "85.07.30-033.28",
        "family_name": "Van den Broeck",
        "given_name": "Élise",
        "nationality": "BE",
        "home_address": {"street": "Veldstraat", "number": "12", "postal_code": "9000", "city": "Gent", "country": "BE"}
    })
}

/// A contact person with everything a simultaneous occupation needs.
pub fn contact() -> Value {
    json!({
        "family_name": "Delporte", "given_name": "Marc", "company": "Bouw NV",
        "street": "Rue Royale", "number": "1", "postal_code": "1000", "city": "Bruxelles",
        "telephone": "+32 2 509 59 59", "ssin": "90010100123", "employer": "Bouw NV", "function": "HR"
    })
}

/// A valid place of work of each type (`country`/`percentage` added for simultaneous ones).
pub fn place(kind: &str) -> Value {
    match kind {
        "region" => json!({"type": "region", "name": "Île-de-France"}),
        "company" => json!({"type": "company", "name": "Müller & Söhne GmbH", "foreign_id": "HRB 1234",
            "street": "Hauptstraße", "number": "5", "postal_code": "10115", "city": "Berlin"}),
        "construction_site" => json!({"type": "construction_site", "name": "Pont de Lyon",
            "description": "Bridge renovation", "city": "Lyon"}),
        "homebase" => json!({"type": "homebase", "name": "Schiphol", "city": "Amsterdam"}),
        "inland_vessel" => json!({"type": "inland_vessel", "name": "Rijnvaart 3",
            "registration_number": "02326541", "operating_area": "Rhine"}),
        "ocean_vessel" => json!({"type": "ocean_vessel", "name": "Marie-Louise", "imo": "IMO 9319466",
            "in_territorial_waters": false}),
        other => panic!("no place type {other}"),
    }
}

fn conditions() -> Value {
    json!({"covered_before": true, "extra_contract_with_host": false, "host_can_change_pay": false,
        "host_can_dismiss": false, "host_disciplinary": false, "replaces_posted_worker": false})
}

/// A clean posting to `country` from 2027-01-04 to 2027-06-30.
pub fn posting(country: &str) -> Value {
    json!({
        "kind": "posting",
        "employee": employee(),
        "entry_into_service": "2015-09-01",
        "private_sector": true,
        "destination": {"country": country},
        "places": [place("company")],
        "period": {"start": "2027-01-04", "end": "2027-06-30"},
        "conditions": conditions(),
        "mission": "Installation of machines",
        "language": "nl",
        "contact": contact(),
        "remarks": null
    })
}

/// A clean seafarer request on a ship flying `flag`.
pub fn seafarer(flag: &str) -> Value {
    json!({
        "kind": "seafarer",
        "employee": employee(),
        "entry_into_service": "2015-09-01",
        "private_sector": true,
        "ship": {"name": "Marie-Louise", "flag": flag, "imo": "9319466"},
        "period": {"start": "2027-01-04", "end": "2027-06-30"},
        "conditions": conditions(),
        "language": "fr",
        "contact": contact()
    })
}

/// A salaried simultaneous occupation with `(country, percentage)` shares, one region each.
pub fn simultaneous(shares: &[(&str, u8)]) -> Value {
    let places: Vec<Value> = shares
        .iter()
        .map(|(c, p)| json!({"type": "region", "name": format!("Region {c}"), "country": c, "percentage": p}))
        .collect();
    json!({
        "kind": "simultaneous_occupation",
        "employee": employee(),
        "recruitment_date": "2015-09-01",
        "classification": {"type": "salaried"},
        "countries": shares.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        "also_in_belgium": shares.iter().any(|(c, _)| *c == "BE"),
        "places": places,
        "period": {"start": "2027-01-04", "end": "2027-12-31"},
        "language": "de",
        "contact": contact()
    })
}

/// Sets `value` at a `/`-separated JSON pointer, creating objects on the way.
pub fn set(v: &mut Value, pointer: &str, value: Value) {
    let mut cur = v;
    for part in pointer.trim_start_matches('/').split('/') {
        cur = if let Ok(i) = part.parse::<usize>() {
            &mut cur[i]
        } else {
            if cur.get(part).is_none() {
                cur[part] = json!({});
            }
            &mut cur[part]
        };
    }
    *cur = value;
}

/// Parses a JSON value as request input.
pub fn input(v: &Value) -> RequestInput {
    serde_json::from_value(v.clone()).expect("test input has the input shape")
}

/// Validates and unwraps.
pub fn request(v: &Value) -> Request {
    match validate(&input(v), TODAY) {
        Ok(valid) => valid.request,
        Err(issues) => panic!("test request invalid: {issues:#?}"),
    }
}

/// The `(code, path)` pairs of the issues of an invalid input.
pub fn issues(v: &Value) -> Vec<(String, String)> {
    match validate(&input(v), TODAY) {
        Ok(_) => Vec::new(),
        Err(issues) => issues.into_iter().map(|i| (i.code.as_str().to_owned(), i.path)).collect(),
    }
}
