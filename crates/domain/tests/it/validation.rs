//! Validation: every problem at once, each with its code and field path.

use crate::support::*;
use serde_json::json;
use wabro_domain::{Classification, Code, PlaceKind, RequestDetails, Severity, Territory, validate};

fn has(issues: &[(String, String)], code: &str, path: &str) -> bool {
    issues.iter().any(|(c, p)| c == code && p == path)
}

#[test]
fn the_builders_are_valid() {
    request(&posting("FR"));
    request(&seafarer("PA"));
    request(&simultaneous(&[("BE", 50), ("NL", 50)]));
}

#[test]
fn every_place_type_is_accepted_in_a_posting() {
    let mut v = posting("FR");
    let kinds = ["region", "company", "construction_site", "homebase", "inland_vessel", "ocean_vessel"];
    set(&mut v, "/places", json!(kinds.iter().map(|k| place(k)).collect::<Vec<_>>()));
    let r = request(&v);
    let RequestDetails::Posting(p) = r.details else { panic!("not a posting") };
    assert_eq!(p.places.iter().map(|p| p.kind()).collect::<Vec<_>>(), PlaceKind::ALL.to_vec());
}

#[test]
fn an_empty_request_reports_every_missing_field_at_once() {
    let issues = issues(&json!({"kind": "posting"}));
    for path in [
        "employee.ssin",
        "employee.family_name",
        "employee.given_name",
        "employee.nationality",
        "employee.home_address.street",
        "employee.home_address.postal_code",
        "employee.home_address.country",
        "period.start",
        "period.end",
        "language",
        "contact.family_name",
        "contact.telephone",
        "entry_into_service",
        "destination.country",
    ] {
        assert!(has(&issues, "field.required", path), "missing {path} in {issues:?}");
    }
    assert!(has(&issues, "field.yes_no_required", "private_sector"));
    assert!(has(&issues, "field.yes_no_required", "conditions.replaces_posted_worker"));
    assert!(has(&issues, "places.required", "places"));
    assert!(issues.len() >= 20, "{}", issues.len());
}

#[test]
fn identifier_and_date_errors_name_their_fields() {
    let mut v = posting("FR");
    set(&mut v, "/employee/ssin", json!("85.07.30-033.29"));
    set(&mut v, "/employee/home_address/postal_code", json!("900"));
    set(&mut v, "/period/start", json!("31/02/2027"));
    set(&mut v, "/language", json!("en"));
    set(&mut v, "/contact/telephone", json!("call me"));
    let issues = issues(&v);
    assert!(has(&issues, "ssin.checksum", "employee.ssin"));
    assert!(has(&issues, "postal_code.format", "employee.home_address.postal_code"));
    assert!(has(&issues, "date.invalid", "period.start"));
    assert!(has(&issues, "language.unknown", "language"));
    assert!(has(&issues, "phone.format", "contact.telephone"));
}

#[test]
fn period_end_before_start() {
    let mut v = posting("FR");
    set(&mut v, "/period", json!({"start": "2027-06-01", "end": "2027-05-31"}));
    assert_eq!(issues(&v), vec![("period.end_before_start".into(), "period.end".into())]);
}

#[test]
fn belgian_dates_are_accepted() {
    let mut v = posting("FR");
    set(&mut v, "/period", json!({"start": "4/1/2027", "end": "30.06.2027"}));
    assert_eq!(request(&v).period.start, time::macros::date!(2027 - 01 - 04));
}

#[test]
fn destination_rules() {
    let mut v = posting("BE");
    assert_eq!(issues(&v), vec![("destination.belgium".into(), "destination.country".into())]);
    set(&mut v, "/destination", json!({"country": "FR", "territory": "jersey"}));
    assert!(has(&issues(&v), "territory.country_mismatch", "destination.territory"));
    set(&mut v, "/destination", json!({"country": "XX"}));
    assert!(has(&issues(&v), "country.unknown", "destination.country"));
    set(&mut v, "/destination", json!({"country": "JE"}));
    let RequestDetails::Posting(p) = request(&v).details else { panic!() };
    assert_eq!((p.destination.country.code(), p.destination.territory), ("GB", Some(Territory::Jersey)));
    set(&mut v, "/destination", json!({"country": "GG", "territory": "sark"}));
    let RequestDetails::Posting(p) = request(&v).details else { panic!() };
    assert_eq!(p.destination.territory, Some(Territory::Sark));
    set(&mut v, "/destination", json!({"country": "CA", "territory": "Québec"}));
    let RequestDetails::Posting(p) = request(&v).details else { panic!() };
    assert_eq!(p.destination.territory, Some(Territory::Quebec));
}

#[test]
fn place_fields_by_type() {
    let mut v = posting("FR");
    set(
        &mut v,
        "/places",
        json!([
            {"type": "company", "name": "X"},
            {"type": "construction_site", "name": "Site", "city": "Lyon"},
            {"type": "inland_vessel", "name": "Boat"},
            {"type": "ocean_vessel", "name": "Ship", "imo": "93194"},
            {"type": "spaceship", "name": "Z"},
            {"type": "homebase", "name": "Zaventem"}
        ]),
    );
    let issues = issues(&v);
    assert!(has(&issues, "field.required", "places[0].street"));
    assert!(has(&issues, "field.required", "places[0].city"));
    assert!(has(&issues, "construction_site.description_or_street", "places[1].description"));
    assert!(has(&issues, "field.required", "places[2].registration_number"));
    assert!(has(&issues, "field.required", "places[2].operating_area"));
    assert!(has(&issues, "imo.format", "places[3].imo"));
    assert!(has(&issues, "field.yes_no_required", "places[3].in_territorial_waters"));
    assert!(has(&issues, "place.type_unknown", "places[4].type"));
    assert!(has(&issues, "field.required", "places[5].city"));
}

#[test]
fn construction_site_with_a_street_only_is_fine() {
    let mut v = posting("FR");
    set(
        &mut v,
        "/places/0",
        json!({"type": "construction_site", "name": "Site", "street": "Quai", "city": "Lyon"}),
    );
    request(&v);
}

#[test]
fn imo_check_digit_is_a_warning_until_confirmed() {
    let mut v = seafarer("PA");
    set(&mut v, "/ship/imo", json!("8814274"));
    let err = validate(&input(&v), TODAY).unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(
        (err[0].code, err[0].severity, err[0].path.as_str()),
        (Code::ImoCheckDigit, Severity::Warning, "ship.imo")
    );
    set(&mut v, "/ship/imo_confirmed", json!(true));
    let ok = validate(&input(&v), TODAY).unwrap();
    assert_eq!(ok.warnings.len(), 1);
    assert_eq!(ok.warnings[0].code, Code::ImoCheckDigit);
    set(&mut v, "/ship/imo", json!("881427"));
    assert!(has(&issues(&v), "imo.format", "ship.imo"), "a malformed number stays an error");
}

#[test]
fn ocean_vessel_in_a_posting_warns_on_check_digit() {
    let mut v = posting("FR");
    set(&mut v, "/places/0", place("ocean_vessel"));
    set(&mut v, "/places/0/imo", json!("8814274"));
    assert_eq!(issues(&v), vec![("imo.check_digit".into(), "places[0].imo".into())]);
}

#[test]
fn simultaneous_percentages() {
    type Shares<'a> = &'a [(&'a str, u8)];
    let cases: [(Shares, Option<&str>); 4] = [
        (&[("BE", 50), ("NL", 49)], Some("percentages.total")),
        (&[("BE", 50), ("NL", 51)], Some("percentages.total")),
        (&[("BE", 100)], Some("countries.min_two")),
        (&[("BE", 60), ("NL", 40)], None),
    ];
    for (shares, code) in cases {
        let issues = issues(&simultaneous(shares));
        match code {
            Some(c) => assert!(issues.iter().any(|(i, _)| i == c), "{shares:?}: {issues:?}"),
            None => assert!(issues.is_empty(), "{issues:?}"),
        }
    }
    let mut v = simultaneous(&[("BE", 50), ("NL", 50)]);
    set(&mut v, "/places/1/percentage", json!(0));
    assert!(has(&issues(&v), "percentage.range", "places[1].percentage"));
    set(&mut v, "/places/1/percentage", json!("50 %"));
    request(&v);
}

#[test]
fn simultaneous_countries_and_places_must_match() {
    let mut v = simultaneous(&[("BE", 50), ("NL", 50)]);
    set(&mut v, "/countries", json!(["NL", "DE", "NL"]));
    set(&mut v, "/also_in_belgium", json!(true));
    let issues = issues(&v);
    assert!(has(&issues, "countries.duplicate", "countries[2]"));
    let mut v = simultaneous(&[("BE", 50), ("NL", 50)]);
    set(&mut v, "/countries", json!(["NL", "DE"]));
    set(&mut v, "/also_in_belgium", json!(false));
    let issues = crate::support::issues(&v);
    assert!(has(&issues, "place.country_not_listed", "places[0].country"), "{issues:?}");
    assert!(has(&issues, "countries.without_place", "places"), "{issues:?}");
}

#[test]
fn also_in_belgium_adds_belgium_to_the_countries() {
    let mut v = simultaneous(&[("BE", 50), ("NL", 25), ("DE", 25)]);
    set(&mut v, "/countries", json!(["NL", "DE"]));
    set(&mut v, "/also_in_belgium", json!(true));
    let RequestDetails::SimultaneousOccupation(s) = request(&v).details else { panic!() };
    assert_eq!(s.countries.iter().map(|c| c.code()).collect::<Vec<_>>(), ["BE", "NL", "DE"]);
}

#[test]
fn classification_follow_up_fields() {
    let mut v = simultaneous(&[("BE", 50), ("NL", 50)]);
    set(&mut v, "/classification", json!({"type": "air"}));
    assert!(has(&issues(&v), "field.required", "classification.homebase_country"));
    set(&mut v, "/classification", json!({"type": "sea"}));
    assert!(has(&issues(&v), "field.required", "classification.flag"));
    set(&mut v, "/classification", json!({"type": "pilot"}));
    assert!(has(&issues(&v), "classification.unknown", "classification.type"));
    set(&mut v, "/classification", json!({"type": "air", "homebase_country": "BE"}));
    let RequestDetails::SimultaneousOccupation(s) = request(&v).details else { panic!() };
    assert!(matches!(s.classification, Classification::Air { .. }));
}

#[test]
fn simultaneous_contact_needs_ssin_employer_function() {
    let mut v = simultaneous(&[("BE", 50), ("NL", 50)]);
    set(&mut v, "/contact", json!({"family_name": "A", "given_name": "B", "telephone": "02 509 59 59"}));
    let issues = issues(&v);
    for p in ["contact.ssin", "contact.employer", "contact.function"] {
        assert!(has(&issues, "field.required", p), "{p}");
    }
    let mut v = posting("FR");
    set(&mut v, "/contact", json!({"family_name": "A", "given_name": "B", "telephone": "02 509 59 59"}));
    request(&v);
}

#[test]
fn simultaneous_ocean_vessel_needs_a_flag() {
    let mut v = simultaneous(&[("BE", 50), ("NL", 50)]);
    let mut ship = place("ocean_vessel");
    set(&mut ship, "/country", json!("NL"));
    set(&mut ship, "/percentage", json!(50));
    set(&mut v, "/places/1", ship);
    assert!(has(&issues(&v), "field.required", "places[1].flag"));
}

#[test]
fn texts_are_trimmed_and_limited() {
    let mut v = posting("FR");
    set(&mut v, "/employee/family_name", json!("  Müller  "));
    set(&mut v, "/remarks", json!("x".repeat(2001)));
    let issues = issues(&v);
    assert_eq!(issues, vec![("field.too_long".into(), "remarks".into())]);
    set(&mut v, "/remarks", json!("   "));
    assert_eq!(request(&v).employee.family_name, "Müller");
    assert_eq!(request(&v).remarks, None);
}

#[test]
fn unknown_kind() {
    assert!(has(&issues(&json!({"kind": "holiday"})), "kind.unknown", "kind"));
    assert!(has(&issues(&json!({})), "field.required", "kind"));
}

#[test]
fn typed_request_round_trips_through_json() {
    for v in [posting("FR"), seafarer("PA"), simultaneous(&[("BE", 50), ("NL", 50)])] {
        let r = request(&v);
        let json = serde_json::to_string(&r).unwrap();
        let back: wabro_domain::Request = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }
}

#[test]
fn belgian_places_in_a_simultaneous_occupation_check_the_postal_code() {
    let mut v = simultaneous(&[("BE", 50), ("NL", 50)]);
    let mut company = place("company");
    set(&mut company, "/country", json!("BE"));
    set(&mut company, "/percentage", json!(50));
    set(&mut company, "/postal_code", json!("123"));
    set(&mut v, "/places/0", company);
    assert!(has(&issues(&v), "postal_code.format", "places[0].postal_code"));
}

#[test]
fn listing_belgium_means_also_working_in_belgium() {
    let mut v = simultaneous(&[("BE", 50), ("NL", 50)]);
    set(&mut v, "/also_in_belgium", json!(false));
    let RequestDetails::SimultaneousOccupation(s) = request(&v).details else { panic!() };
    assert!(s.also_in_belgium);
}

#[test]
fn unknown_fields_are_refused_and_nulls_read_as_empty() {
    let mut v = posting("FR");
    set(&mut v, "/employee/temporary_adress", json!({"city": "Paris"}));
    assert!(
        serde_json::from_value::<wabro_domain::input::RequestInput>(v).is_err(),
        "a typo must not lose data"
    );
    let v = json!({"kind": "posting", "period": null, "employee": {"ssin": 85073003328u64}});
    let parsed: wabro_domain::input::RequestInput = serde_json::from_value(v).unwrap();
    assert_eq!(parsed.employee.ssin.as_deref(), Some("85073003328"));
    assert_eq!(parsed.period, Default::default());
}

#[test]
fn a_country_name_is_an_unknown_country_not_a_long_text() {
    let mut v = posting("FR");
    set(&mut v, "/destination/country", json!("Netherlands"));
    assert!(has(&issues(&v), "country.unknown", "destination.country"));
}
