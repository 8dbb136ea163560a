//! Every test vector of domain.md §4.

use time::macros::date;
use wabro_domain::{
    BelgianPostalCode, Code, EmployerNumber, EnterpriseNumber, ImoNumber, Sex, Ssin, SsinKind,
};

const TODAY: time::Date = date!(2026 - 11 - 28);

#[test]
fn ssin_valid_vectors() {
    let valid = [
        "85073003328",
        "17073003384",
        "81050103522",
        "81120103571",
        "81000003517",
        "81050003552",
        "19082416188",
        "92200006963",
        "92321506985",
        "92400006909",
        "92521506931",
        "70252501507",
        "92471506993",
        "19282416134",
        "80240199943",
        "98472899765",
        "01490700185",
        "23292805780",
        "90010100123",
        "00010100204",
        "90410100112",
    ];
    for v in valid {
        let s = Ssin::parse(v, TODAY).unwrap_or_else(|c| panic!("{v} rejected with {c}"));
        assert_eq!(s.as_str(), v);
    }
}

#[test]
fn ssin_invalid_vectors_with_their_codes() {
    let invalid = [
        ("81050103521", Code::SsinChecksum),
        ("12345678901", Code::SsinChecksum),
        ("81130103578", Code::SsinDate),
        // domain.md lists these two for 31 April and 30 February; their check digits fail too.
        ("81043103522", Code::SsinChecksum),
        ("81023003522", Code::SsinChecksum),
        ("81043103585", Code::SsinDate),
        ("81023003504", Code::SsinDate),
        ("81022903534", Code::SsinDate),
        ("81001202357", Code::SsinDate),
        ("47060200096", Code::SsinSequence),
        ("99020299964", Code::SsinSequence),
        ("8507300332", Code::SsinLength),
        ("850730033280", Code::SsinLength),
        ("85O73003328", Code::SsinFormat),
        ("", Code::SsinLength),
    ];
    for (v, code) in invalid {
        assert_eq!(Ssin::parse(v, TODAY).err(), Some(code), "{v}");
    }
}

#[test]
fn ssin_future_birth_date_is_rejected() {
    // Born 2026-12-01 (valid structure, 2-prefix checksum), one day after "today" + 2.
    let base9 = 261_201_001u64;
    let cc = 97 - (2_000_000_000 + base9) % 97;
    let future = format!("{base9:09}{cc:02}");
    assert_eq!(Ssin::parse(&future, TODAY).err(), Some(Code::SsinFutureBirthDate));
    assert!(Ssin::parse(&future, date!(2026 - 12 - 01)).is_ok());
}

#[test]
fn ssin_derived_facts_and_formatting() {
    let s = Ssin::parse("85.07.30-033.28", TODAY).unwrap();
    assert_eq!(s.formatted(), "85.07.30-033.28");
    assert_eq!(s.birth_date(), Some(date!(1985 - 07 - 30)));
    assert_eq!(s.sex(), Some(Sex::Male));
    assert_eq!(s.kind(), SsinKind::NationalRegister);
    assert_eq!(s.masked(), "85.07.30-xxx.xx");

    let s = Ssin::parse("17 07 30 033 84", TODAY).unwrap();
    assert_eq!(s.birth_date(), Some(date!(2017 - 07 - 30)));

    let bis_unknown = Ssin::parse("92200006963", TODAY).unwrap();
    assert_eq!(bis_unknown.kind(), SsinKind::Bis);
    assert_eq!(bis_unknown.sex(), None);
    assert_eq!(bis_unknown.birth_date(), None, "day 00 is unknown");

    let bis_known = Ssin::parse("90410100112", TODAY).unwrap();
    assert_eq!(bis_known.birth_date(), Some(date!(1990 - 01 - 01)));
    assert_eq!(bis_known.sex(), Some(Sex::Male));

    assert_eq!(Ssin::parse("00010100204", TODAY).unwrap().sex(), Some(Sex::Female));
    assert_eq!(Ssin::parse("81000003517", TODAY).unwrap().birth_year(), 1981);
}

#[test]
fn enterprise_vectors() {
    for v in ["0403019261", "0428759497", "0884303369", "0206731645", "0200065765"] {
        assert!(EnterpriseNumber::parse(v).is_ok(), "{v}");
    }
    assert_eq!(EnterpriseNumber::parse("0431150351").err(), Some(Code::EnterpriseChecksum));
    assert_eq!(EnterpriseNumber::parse("0884303370").err(), Some(Code::EnterpriseChecksum));
    assert_eq!(EnterpriseNumber::parse("2111111111").err(), Some(Code::EnterpriseFirstDigit));
    assert_eq!(EnterpriseNumber::parse("54321").err(), Some(Code::EnterpriseLength));
    assert_eq!(EnterpriseNumber::parse("04O3019261").err(), Some(Code::EnterpriseFormat));
    let e = EnterpriseNumber::parse("BE 0403.019.261").unwrap();
    assert_eq!(e.formatted(), "0403.019.261");
    assert_eq!(EnterpriseNumber::parse("be403019261").unwrap().as_str(), "0403019261", "old 9-digit form");
}

#[test]
fn employer_vectors() {
    for v in [
        "100006",
        "212345609",
        "312345625",
        "200000031",
        "499999982",
        "187995796",
        "168676597",
        "5134794036",
        "5000000120",
        "5999999989",
        "5678901277",
        "43220065",
        "2130057",
        "0009354-67",
    ] {
        assert!(EmployerNumber::parse(v).is_ok(), "{v} should be valid");
    }
    assert_eq!(EmployerNumber::parse("196").err(), Some(Code::EmployerRange));
    assert_eq!(EmployerNumber::parse("6999999999").err(), Some(Code::EmployerRange));
    for v in ["4000000100", "5678901279", "1000000047", "5000000121"] {
        assert_eq!(EmployerNumber::parse(v).err(), Some(Code::EmployerChecksum), "{v}");
    }
    assert_eq!(EmployerNumber::parse("12a").err(), Some(Code::EmployerFormat));
    assert_eq!(EmployerNumber::parse("935467").unwrap().formatted(), "0009354-67");
}

#[test]
fn imo_vectors() {
    for v in ["9319466", "8814275", "9074729", "9176187", "IMO 9319466", "imo9319466"] {
        assert!(ImoNumber::parse(v).is_ok(), "{v}");
    }
    assert_eq!(ImoNumber::parse("8814274").err(), Some(Code::ImoCheckDigit));
    let lenient = ImoNumber::parse_lenient("8814274").unwrap();
    assert!(!lenient.check_digit_valid());
    assert_eq!(ImoNumber::parse("881427").err(), Some(Code::ImoFormat));
    assert_eq!(ImoNumber::parse("IMO 88142745").err(), Some(Code::ImoFormat));
    assert_eq!(ImoNumber::parse("9319466").unwrap().formatted(), "IMO 9319466");
}

#[test]
fn postal_codes() {
    for v in ["1000", "9992", "B-1000", " 8000 ", "1049"] {
        assert!(BelgianPostalCode::parse(v).is_ok(), "{v}");
    }
    for v in ["999", "0999", "9993", "10000", "1O00", ""] {
        assert_eq!(BelgianPostalCode::parse(v).err(), Some(Code::PostalCodeFormat), "{v}");
    }
}
