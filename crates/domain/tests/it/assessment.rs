//! The pre-assessment across destinations, kinds and findings: a table of scenarios, each
//! asserting instrument, article, applicable State, maximum end date and the exact findings.

use crate::support::*;
use serde_json::{Value, json};
use time::Date;
use time::macros::date;
use wabro_domain::rules::{Assessment, DimonaPeriod, Facts, Instrument, PriorRequest, RuleSet, assess};
use wabro_domain::{Country, Period, RequestKind, Territory};

struct Case {
    name: &'static str,
    request: Value,
    dimona: Vec<DimonaPeriod>,
    prior: Vec<PriorRequest>,
    instrument: &'static str,
    legislation: &'static str,
    max_end: Option<Date>,
    findings: Vec<&'static str>,
    manual: bool,
}

/// A case with the defaults: Dimona open since 2015, no earlier requests, no manual review.
fn case(
    name: &'static str,
    request: Value,
    instrument: &'static str,
    max_end: Option<Date>,
    findings: &[&'static str],
) -> Case {
    Case {
        name,
        request,
        dimona: vec![DimonaPeriod { start: date!(2015 - 09 - 01), end: None }],
        prior: Vec::new(),
        instrument,
        legislation: "BE",
        max_end,
        findings: findings.to_vec(),
        manual: false,
    }
}

impl Case {
    fn manual(mut self) -> Self {
        self.manual = true;
        self
    }
    fn legislation(mut self, state: &'static str) -> Self {
        self.legislation = state;
        self
    }
    fn dimona(mut self, periods: &[(Date, Option<Date>)]) -> Self {
        self.dimona = periods.iter().map(|&(start, end)| DimonaPeriod { start, end }).collect();
        self
    }
    fn prior(
        mut self,
        kind: RequestKind,
        country: &str,
        territory: Option<Territory>,
        start: Date,
        end: Date,
    ) -> Self {
        self.prior.push(PriorRequest {
            reference: format!("WAB-{}", self.prior.len() + 1),
            kind,
            country: Country::parse(country).unwrap(),
            territory,
            period: Period::new(start, end).unwrap(),
            countries: Vec::new(),
            approved: true,
        });
        self
    }

    /// The last prior request is still in progress.
    fn pending(mut self) -> Self {
        if let Some(p) = self.prior.last_mut() {
            p.approved = false;
        }
        self
    }
}

fn with(mut v: Value, changes: &[(&str, Value)]) -> Value {
    for (pointer, value) in changes {
        set(&mut v, pointer, value.clone());
    }
    v
}

fn period(start: &str, end: &str) -> (&'static str, Value) {
    ("/period", json!({"start": start, "end": end}))
}

fn describe(i: &Instrument) -> String {
    match i {
        Instrument::A1 { framework, article } => {
            format!("a1 {} {}", article.label(), serde_json::to_value(framework).unwrap().as_str().unwrap())
        }
        Instrument::CertificateOfCoverage { agreement, .. } => format!("coc {agreement}"),
        Instrument::NoAgreement { .. } => "no_agreement".into(),
        Instrument::NationalityExcluded { agreement, .. } => format!("nationality_excluded {agreement}"),
    }
}

const M24: Option<Date> = Some(date!(2029 - 01 - 03));
const M60: Option<Date> = Some(date!(2032 - 01 - 03));
const M6: Option<Date> = Some(date!(2027 - 07 - 03));
const A1_12: &str = "a1 12(1) regulation_883_2004";

fn nl_resident(v: Value) -> Value {
    with(
        v,
        &[(
            "/employee/home_address",
            json!({"street": "Damrak", "number": "1", "postal_code": "1012 LG", "city": "Amsterdam", "country": "NL"}),
        )],
    )
}

fn so(shares: &[(&str, u8)], classification: Value) -> Value {
    with(simultaneous(shares), &[("/classification", classification)])
}

fn cases() -> Vec<Case> {
    use RequestKind::*;
    let salaried = json!({"type": "salaried"});
    vec![
        // --- EU / EEA / Switzerland / UK postings (Art. 12)
        case("posting to France", posting("FR"), A1_12, M24, &[]),
        case(
            "24 months exactly",
            with(posting("DE"), &[period("2027-01-04", "2029-01-03")]),
            A1_12,
            M24,
            &[],
        ),
        case(
            "24 months and a day",
            with(posting("DE"), &[period("2027-01-04", "2029-01-04")]),
            A1_12,
            M24,
            &["period.exceeds_max"],
        ),
        case("posting to Norway (EEA)", posting("NO"), "a1 12(1) eea_agreement", M24, &[]),
        case(
            "posting to Switzerland, Belgian national",
            posting("CH"),
            "a1 12(1) eu_swiss_agreement",
            M24,
            &[],
        ),
        // Issue 13, finding 11: the 1975 convention allows 12 months (art. 7(a)).
        case(
            "posting to Switzerland, US national: the bilateral agreement, 12 months",
            with(posting("CH"), &[("/employee/nationality", json!("US"))]),
            "coc be-ch",
            Some(date!(2028 - 01 - 03)),
            &[],
        ),
        case("posting to the United Kingdom after Brexit", posting("GB"), "a1 12(1) tca_protocol", M24, &[]),
        case(
            "posting to the United Kingdom in 2019: EU rules",
            with(posting("GB"), &[period("2019-03-01", "2019-12-31")]),
            A1_12,
            Some(date!(2021 - 02 - 28)),
            &["period.retroactive"],
        ),
        case(
            "posting to Switzerland before the EU–Swiss agreement applied",
            with(
                posting("CH"),
                &[period("2011-06-01", "2011-12-31"), ("/entry_into_service", json!("2005-01-01"))],
            ),
            "a1 12(1) eu_swiss_agreement",
            Some(date!(2013 - 05 - 31)),
            &["instrument.not_in_force", "period.retroactive"],
        )
        .dimona(&[(date!(2005 - 01 - 01), None)]),
        // --- bilateral agreements
        case("posting to the United States", posting("US"), "coc be-us", M60, &[]),
        case(
            "six years in the United States",
            with(posting("US"), &[period("2027-01-04", "2033-01-03")]),
            "coc be-us",
            M60,
            &["period.exceeds_max"],
        ),
        case("posting to Japan", posting("JP"), "coc be-jp", M60, &[]),
        case("posting to India", posting("IN"), "coc be-in", M60, &[]),
        case("posting to Canada", posting("CA"), "coc be-ca", M24, &[]),
        case(
            "posting to Québec: its own agreement",
            with(posting("CA"), &[("/destination/territory", json!("quebec"))]),
            "coc be-qc",
            M24,
            &[],
        ),
        case("posting to South Korea, Belgian national", posting("KR"), "coc be-kr", M60, &[]),
        // Issue 13, finding 11: Korea's agreement applies to every nationality.
        case(
            "posting to South Korea, French national",
            with(posting("KR"), &[("/employee/nationality", json!("FR"))]),
            "coc be-kr",
            M60,
            &[],
        ),
        case(
            "posting to Algeria, French national: 6 + 6 months",
            with(posting("DZ"), &[("/employee/nationality", json!("FR"))]),
            "nationality_excluded be-dz",
            M6,
            &["agreement.nationality_not_covered"],
        ),
        case(
            "posting to Morocco, Moroccan national",
            with(posting("MA"), &[("/employee/nationality", json!("MA"))]),
            "coc be-ma",
            M24,
            &[],
        ),
        case("posting to Algeria: 12 months", posting("DZ"), "coc be-dz", Some(date!(2028 - 01 - 03)), &[]),
        case(
            "posting to Chile: duration unconfirmed",
            posting("CL"),
            "coc be-cl",
            None,
            &["agreement.duration_unconfirmed"],
        )
        .manual(),
        case(
            "posting to Serbia: duration unconfirmed",
            posting("RS"),
            "coc be-rs",
            None,
            &["agreement.duration_unconfirmed"],
        )
        .manual(),
        case(
            "extension in Argentina: 24 + 36 months",
            with(posting("AR"), &[period("2027-01-04", "2028-12-31")]),
            "coc be-ar",
            Some(date!(2030 - 01 - 03)),
            &[],
        )
        .prior(Posting, "AR", None, date!(2025 - 01 - 04), date!(2027 - 01 - 03)),
        // Issue 13, finding 11: up to 5 years in all, confirmed.
        case(
            "extension in Morocco: 24 + 36 months",
            with(posting("MA"), &[("/employee/nationality", json!("MA"))]),
            "coc be-ma",
            Some(date!(2030 - 01 - 03)),
            &[],
        )
        .prior(Posting, "MA", None, date!(2025 - 01 - 04), date!(2027 - 01 - 03)),
        // --- no agreement
        case("posting to China: no agreement", posting("CN"), "no_agreement", M6, &["no_agreement.regime"]),
        case(
            "eight months in China",
            with(posting("CN"), &[period("2027-01-04", "2027-09-03")]),
            "no_agreement",
            M6,
            &["no_agreement.regime", "period.exceeds_max"],
        ),
        case(
            "renewal in China: 6 + 6 months",
            posting("CN"),
            "no_agreement",
            Some(date!(2027 - 07 - 03)),
            &["no_agreement.regime"],
        )
        .prior(Posting, "CN", None, date!(2026 - 07 - 04), date!(2027 - 01 - 03)),
        // --- territories
        case(
            "posting to Jersey",
            with(posting("GB"), &[("/destination/territory", json!("jersey"))]),
            "coc be-gb-1957-je",
            None,
            &["agreement.coverage_unconfirmed", "agreement.duration_unconfirmed"],
        )
        .manual(),
        case(
            "posting to the Isle of Man",
            with(posting("IM"), &[]),
            "coc be-gb-1957-im",
            None,
            &["agreement.duration_unconfirmed"],
        )
        .manual(),
        case(
            "posting to Sark",
            with(posting("GB"), &[("/destination/territory", json!("sark"))]),
            "coc be-gb-1957-sark",
            None,
            &["agreement.coverage_unconfirmed", "agreement.duration_unconfirmed"],
        )
        .manual(),
        // --- Dimona, entry, conditions
        case("a gap in the Dimona periods", posting("FR"), A1_12, M24, &["dimona.not_covered"])
            .dimona(&[(date!(2015 - 09 - 01), Some(date!(2027 - 02 - 28))), (date!(2027 - 04 - 01), None)]),
        case("no Dimona at all", posting("FR"), A1_12, M24, &["dimona.not_covered"]).dimona(&[]),
        case(
            "entry into service after the start",
            with(posting("FR"), &[("/entry_into_service", json!("2027-02-01"))]),
            A1_12,
            M24,
            &["employee.entry_after_start"],
        ),
        case(
            "recruited two weeks before the posting",
            with(posting("FR"), &[("/entry_into_service", json!("2026-12-20"))]),
            A1_12,
            M24,
            &["posting.recently_recruited"],
        ),
        case(
            "not covered in the 30 days before",
            with(posting("FR"), &[("/conditions/covered_before", json!(false))]),
            A1_12,
            M24,
            &["posting.no_prior_coverage"],
        ),
        case(
            "an extra contract with the host",
            with(posting("FR"), &[("/conditions/extra_contract_with_host", json!(true))]),
            A1_12,
            M24,
            &["link.extra_contract"],
        ),
        case(
            "the host can dismiss, set the pay and discipline",
            with(
                posting("FR"),
                &[
                    ("/conditions/host_can_dismiss", json!(true)),
                    ("/conditions/host_can_change_pay", json!(true)),
                    ("/conditions/host_disciplinary", json!(true)),
                ],
            ),
            A1_12,
            M24,
            &["link.host_can_dismiss", "link.host_disciplinary", "link.host_sets_pay"],
        ),
        case(
            "replaces another posted worker",
            with(posting("FR"), &[("/conditions/replaces_posted_worker", json!(true))]),
            A1_12,
            M24,
            &["posting.replacement"],
        ),
        case(
            "a new posting one month after the last one",
            posting("FR"),
            A1_12,
            M24,
            &["posting.gap_too_short"],
        )
        .prior(Posting, "FR", None, date!(2026 - 05 - 01), date!(2026 - 11 - 30)),
        case("a new posting two months after the last one", posting("FR"), A1_12, M24, &[]).prior(
            Posting,
            "FR",
            None,
            date!(2026 - 05 - 01),
            date!(2026 - 10 - 31),
        ),
        case("a recent posting to another country", posting("FR"), A1_12, M24, &[]).prior(
            Posting,
            "DE",
            None,
            date!(2026 - 05 - 01),
            date!(2026 - 11 - 30),
        ),
        case(
            "continuing a posting: 24 months counted from the first start",
            posting("FR"),
            A1_12,
            Some(date!(2027 - 01 - 31)),
            &["period.exceeds_max"],
        )
        .prior(Posting, "FR", None, date!(2025 - 02 - 01), date!(2027 - 01 - 03)),
        // Issue 13, finding 3: an overlap was a warning, for postings only, and instant
        // approval let a worker hold two A1s for the same State.
        case("overlapping an approved request", posting("FR"), A1_12, M24, &["request.overlaps_approved"])
            .prior(Posting, "FR", None, date!(2027 - 03 - 01), date!(2027 - 04 - 30)),
        case("overlapping a request in progress", posting("FR"), A1_12, M24, &["request.overlaps_pending"])
            .prior(Posting, "FR", None, date!(2027 - 03 - 01), date!(2027 - 04 - 30))
            .pending(),
        case(
            "overlapping a seafarer request for the same flag",
            seafarer("BE"),
            "a1 11(4) regulation_883_2004",
            M60,
            &["request.overlaps_approved"],
        )
        .prior(Seafarer, "BE", None, date!(2027 - 03 - 01), date!(2027 - 04 - 30)),
        case("overlapping a request for another country", posting("FR"), A1_12, M24, &[]).prior(
            Posting,
            "DE",
            None,
            date!(2027 - 03 - 01),
            date!(2027 - 04 - 30),
        ),
        case(
            "a retroactive request",
            with(posting("FR"), &[period("2026-10-01", "2027-03-31")]),
            A1_12,
            Some(date!(2028 - 09 - 30)),
            &["period.retroactive"],
        ),
        // --- seafarers
        case("seafarer on a Belgian ship", seafarer("BE"), "a1 11(4) regulation_883_2004", M60, &[]),
        case(
            "seafarer on a Dutch ship, living in Belgium",
            seafarer("NL"),
            "a1 11(4) regulation_883_2004",
            M60,
            &[],
        ),
        case(
            "seafarer on a Dutch ship, living in the Netherlands",
            nl_resident(seafarer("NL")),
            "a1 11(4) regulation_883_2004",
            M60,
            &["legislation.other_state"],
        )
        .legislation("NL"),
        case(
            "seafarer on a Panamanian ship: no agreement",
            seafarer("PA"),
            "no_agreement",
            M6,
            &["no_agreement.regime"],
        ),
        case("seafarer on a US ship", seafarer("US"), "coc be-us", M60, &[]),
        case(
            "seafarer replacing another worker on a Belgian ship: the flag rule, not Art. 12",
            with(seafarer("BE"), &[("/conditions/replaces_posted_worker", json!(true))]),
            "a1 11(4) regulation_883_2004",
            M60,
            &[],
        ),
        case(
            "seafarer on a Panamanian ship replacing another worker",
            with(seafarer("PA"), &[("/conditions/replaces_posted_worker", json!(true))]),
            "no_agreement",
            M6,
            &["no_agreement.regime", "posting.replacement"],
        ),
        // --- homebase crew
        case(
            "flight crew with a Belgian home base",
            so(&[("BE", 50), ("FR", 50)], json!({"type": "air", "homebase_country": "BE"})),
            "a1 11(5) regulation_883_2004",
            M60,
            &[],
        ),
        case(
            "flight crew with a French home base",
            so(&[("BE", 50), ("FR", 50)], json!({"type": "air", "homebase_country": "FR"})),
            "a1 11(5) regulation_883_2004",
            M60,
            &["legislation.other_state"],
        )
        .legislation("FR"),
        // --- simultaneous occupation (Art. 13)
        case(
            "40 % in Belgium, the State of residence",
            so(&[("BE", 40), ("NL", 35), ("DE", 25)], salaried.clone()),
            "a1 13(1)(a) regulation_883_2004",
            M60,
            &[],
        ),
        case(
            "20 % in Belgium: the employer's seat",
            so(&[("BE", 20), ("NL", 40), ("DE", 40)], salaried.clone()),
            "a1 13(1)(b)(i) regulation_883_2004",
            M60,
            &[],
        ),
        case(
            "3 % in Belgium is marginal",
            so(&[("BE", 3), ("NL", 97)], salaried.clone()),
            "a1 13(1)(b)(i) regulation_883_2004",
            M60,
            &["art13.marginal_share"],
        ),
        case(
            "living in the Netherlands, 30 % there",
            nl_resident(so(&[("NL", 30), ("DE", 70)], salaried.clone())),
            "a1 13(1)(a) regulation_883_2004",
            M60,
            &["legislation.other_state"],
        )
        .legislation("NL"),
        case(
            "living in the Netherlands, 10 % there",
            nl_resident(so(&[("NL", 10), ("DE", 90)], salaried.clone())),
            "a1 13(1)(b)(i) regulation_883_2004",
            M60,
            &["art13.residence_institution_decides"],
        ),
        case(
            "a country outside European coordination",
            so(&[("BE", 50), ("US", 50)], salaried.clone()),
            "a1 13(1)(a) regulation_883_2004",
            M60,
            &["art13.outside_coordination"],
        ),
        case(
            "road transport with the United Kingdom",
            so(&[("BE", 30), ("GB", 70)], json!({"type": "road_rail"})),
            "a1 13(1)(a) tca_protocol",
            M60,
            &[],
        ),
        case(
            "civil servant",
            so(&[("BE", 50), ("LU", 50)], json!({"type": "civil_servant"})),
            "a1 11(3)(b) regulation_883_2004",
            M60,
            &[],
        ),
        case(
            "self-employed besides",
            so(&[("BE", 50), ("LU", 50)], json!({"type": "self_employed"})),
            "a1 13(3) regulation_883_2004",
            M60,
            &["classification.self_employed"],
        ),
        case(
            "Rhine shipping",
            so(&[("BE", 50), ("DE", 50)], json!({"type": "rhine_shipping"})),
            "a1 16 regulation_883_2004",
            M60,
            &["rhine.manual_review"],
        )
        .manual(),
        case(
            "mariner on a Belgian ship in a multi-State request",
            so(&[("BE", 50), ("NL", 50)], json!({"type": "sea", "flag": "BE"})),
            "a1 11(4) regulation_883_2004",
            M60,
            &[],
        ),
        case(
            "mariner on a Panamanian ship in a multi-State request",
            so(&[("BE", 50), ("NL", 50)], json!({"type": "sea", "flag": "PA"})),
            "a1 11(4) regulation_883_2004",
            M60,
            &["art13.outside_coordination"],
        ),
        case(
            "flight crew with a home base in the United States",
            so(&[("BE", 50), ("FR", 50)], json!({"type": "air", "homebase_country": "US"})),
            "a1 11(5) regulation_883_2004",
            M60,
            &["art13.outside_coordination", "legislation.other_state"],
        )
        .legislation("US"),
        case(
            "inland shipping for six years",
            with(
                so(&[("BE", 50), ("NL", 50)], json!({"type": "inland_shipping"})),
                &[period("2027-01-04", "2033-01-03")],
            ),
            "a1 13(1)(a) regulation_883_2004",
            M60,
            &["period.exceeds_max"],
        ),
        case(
            "simultaneous occupation with a Dimona gap",
            so(&[("BE", 50), ("NL", 50)], salaried.clone()),
            "a1 13(1)(a) regulation_883_2004",
            M60,
            &["dimona.not_covered"],
        )
        .dimona(&[(date!(2015 - 09 - 01), Some(date!(2027 - 06 - 30)))]),
    ]
}

#[test]
fn assessment_scenarios() {
    let all = cases();
    assert!(all.len() >= 40, "only {} scenarios", all.len());
    let mut failures = Vec::new();
    for c in &all {
        let r = request(&c.request);
        let facts = Facts { dimona: &c.dimona, prior: &c.prior, today: TODAY };
        let a: Assessment = assess(&r, &facts, RuleSet::embedded());
        let mut got: Vec<&str> = a.findings.iter().map(|f| f.code.as_str()).collect();
        got.sort();
        let mut want = c.findings.clone();
        want.sort();
        let seen = (describe(&a.instrument), a.legislation.code(), a.max_end_date, got, a.manual_review);
        let expected = (c.instrument.to_owned(), c.legislation, c.max_end, want, c.manual);
        if seen != expected {
            failures.push(format!("{}:\n   got  {seen:?}\n   want {expected:?}", c.name));
        }
    }
    assert!(failures.is_empty(), "{} scenario(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn dimona_finding_names_the_uncovered_days() {
    let r = request(&posting("FR"));
    let dimona = [
        DimonaPeriod { start: date!(2015 - 09 - 01), end: Some(date!(2027 - 02 - 28)) },
        DimonaPeriod { start: date!(2027 - 04 - 01), end: Some(date!(2027 - 05 - 31)) },
    ];
    let a = assess(&r, &Facts { dimona: &dimona, prior: &[], today: TODAY }, RuleSet::embedded());
    let f = a.findings.iter().find(|f| f.code.as_str() == "dimona.not_covered").unwrap();
    assert_eq!(
        f.periods,
        vec![
            Period::new(date!(2027 - 03 - 01), date!(2027 - 03 - 31)).unwrap(),
            Period::new(date!(2027 - 06 - 01), date!(2027 - 06 - 30)).unwrap(),
        ]
    );
    assert_eq!(f.params["days"], "61");
}

#[test]
fn default_admitted_period_is_capped_at_the_maximum() {
    let r = request(&with(posting("FR"), &[period("2027-01-04", "2030-01-31")]));
    let dimona = [DimonaPeriod { start: date!(2015 - 09 - 01), end: None }];
    let a = assess(&r, &Facts { dimona: &dimona, prior: &[], today: TODAY }, RuleSet::embedded());
    assert!(a.is_blocking());
    assert_eq!(a.default_admitted(r.period), Period::new(date!(2027 - 01 - 04), date!(2029 - 01 - 03)));
    let clean = assess(
        &request(&posting("FR")),
        &Facts { dimona: &dimona, prior: &[], today: TODAY },
        RuleSet::embedded(),
    );
    assert!(clean.is_clean());
}

#[test]
fn thresholds_are_data_with_effective_dates() {
    let json = include_str!("../../data/rules.json").replace(
        "\"thresholds\": [",
        "\"thresholds\": [{\"effective_from\": \"2027-01-01\", \"posting_max_months\": 12, \"pre_posting_coverage_days\": 90, \"min_gap_between_postings_months\": 2, \"substantial_share_percent\": 25, \"marginal_share_percent\": 5, \"no_agreement_max_months\": 6, \"no_agreement_extension_months\": 6, \"nationality_excluded_max_months\": 6, \"nationality_excluded_extension_months\": 6, \"article_11_max_months\": 60, \"article_13_max_months\": 60},",
    );
    let reformed = RuleSet::from_json(&json).unwrap();
    let r = request(&posting("FR"));
    let dimona = [DimonaPeriod { start: date!(2015 - 09 - 01), end: None }];
    let a = assess(&r, &Facts { dimona: &dimona, prior: &[], today: TODAY }, &reformed);
    assert_eq!(a.max_end_date, Some(date!(2028 - 01 - 03)), "the reformed 12-month rule applies from 2027");
    let early = request(&with(posting("FR"), &[period("2026-12-01", "2027-06-30")]));
    let a = assess(&early, &Facts { dimona: &dimona, prior: &[], today: TODAY }, &reformed);
    assert_eq!(a.max_end_date, Some(date!(2028 - 11 - 30)), "a posting starting in 2026 keeps 24 months");
}

#[test]
fn assessment_serialises_with_codes_and_iso_dates() {
    let r = request(&posting("CN"));
    let dimona = [DimonaPeriod { start: date!(2015 - 09 - 01), end: None }];
    let a = assess(&r, &Facts { dimona: &dimona, prior: &[], today: TODAY }, RuleSet::embedded());
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["instrument"], json!({"type": "no_agreement", "form": "K138bis"}));
    assert_eq!(v["max_end_date"], json!("2027-07-03"));
    assert_eq!(v["reason"], json!("reason.posting"));
    assert_eq!(v["findings"][0]["code"], json!("no_agreement.regime"));
    assert_eq!(v["findings"][0]["severity"], json!("warning"));
}

#[test]
fn shares_that_do_not_total_100_block_even_when_validation_was_bypassed() {
    let mut r = request(&so(&[("BE", 50), ("NL", 50)], json!({"type": "salaried"})));
    let wabro_domain::RequestDetails::SimultaneousOccupation(s) = &mut r.details else { panic!() };
    s.places[1].percentage = 40;
    let dimona = [DimonaPeriod { start: date!(2015 - 09 - 01), end: None }];
    let a = assess(&r, &Facts { dimona: &dimona, prior: &[], today: TODAY }, RuleSet::embedded());
    let f = a.findings.iter().find(|f| f.code.as_str() == "percentages.total").expect("finding");
    assert_eq!(f.params["total"], "90");
    assert!(a.is_blocking());
}
