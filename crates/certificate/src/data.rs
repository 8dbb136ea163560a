//! What a certificate shows, as plain data.

use serde::{Deserialize, Serialize};
use time::Date;
use wabro_domain::{CertificateLanguage, Country};

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Portable document A1.
    A1,
    /// Certificate of coverage under a bilateral agreement.
    CertificateOfCoverage,
    /// Letter announcing a rejection.
    Rejection,
}

impl DocumentKind {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::A1 => "a1",
            DocumentKind::CertificateOfCoverage => "certificate_of_coverage",
            DocumentKind::Rejection => "rejection",
        }
    }
}

/// The holder (section 1 of the A1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// SSIN, printed.
    pub ssin: String,
    /// Male, female or unknown (`M`, `F`, empty).
    pub sex: String,
    /// Surname.
    pub family_name: String,
    /// Forenames.
    pub given_name: String,
    /// Date of birth.
    pub birth_date: Option<Date>,
    /// Birth year (always known from the SSIN).
    pub birth_year: i32,
    /// Nationality.
    pub nationality: Country,
    /// Address in the State of residence.
    pub address: String,
}

/// The employer (section 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employer {
    /// Name.
    pub name: String,
    /// Enterprise number, printed.
    pub enterprise_number: String,
    /// NSSO number.
    pub nsso_number: String,
    /// Address.
    pub address: String,
}

/// A place of work abroad (section 5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceLine {
    /// Country.
    pub country: Country,
    /// Name (company, site, ship, base, region).
    pub name: String,
    /// Address or other details.
    pub details: String,
}

/// Everything a certificate shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateData {
    /// Unique document number.
    pub document_number: String,
    /// The request's transaction number.
    pub transaction_number: String,
    /// Which document.
    pub kind: DocumentKind,
    /// Language of the document.
    pub language: CertificateLanguage,
    /// The holder.
    pub holder: Holder,
    /// The State whose legislation applies.
    pub legislation: Country,
    /// First day covered.
    pub start: Date,
    /// Last day covered.
    pub end: Date,
    /// The PD A1 status confirmation code (section 3), e.g. `01` posted employed person.
    pub status_code: String,
    /// The article the decision rests on, e.g. `12(1)`.
    pub article: String,
    /// The agreement, for a certificate of coverage.
    pub agreement: Option<String>,
    /// The agreement's form code.
    pub form: Option<String>,
    /// The employer.
    pub employer: Employer,
    /// Places of work abroad.
    pub places: Vec<PlaceLine>,
    /// The reason, for a rejection.
    pub rejection_reason: Option<String>,
    /// Date of issue.
    pub issued_on: Date,
    /// The verification address with the signed token, for the QR code.
    pub verification_url: String,
}

impl CertificateData {
    /// A complete sample of `kind` in `language`, for tests, benchmarks and demonstrations: Jürgen
    /// Müller, posted by a Ghent builder to a site in France for the first half of 2027 (with an
    /// agreement for a certificate of coverage, a reason for a rejection). Its verification
    /// address carries no token.
    pub fn sample(kind: DocumentKind, language: CertificateLanguage) -> CertificateData {
        use time::macros::date;
        let country = |code| Country::parse(code).unwrap_or(Country::BE);
        CertificateData {
            document_number: "BE-2026-0000042".into(),
            transaction_number: "WAB-2026-0000001".into(),
            kind,
            language,
            holder: Holder {
                ssin: "71.08.30-041.04".into(),
                sex: "M".into(),
                family_name: "Müller".into(),
                given_name: "Jürgen".into(),
                birth_date: Some(date!(1971 - 08 - 30)),
                birth_year: 1971,
                nationality: country("DE"),
                address: "Klötzerbahn 4, 4700 Eupen, BE".into(),
            },
            legislation: Country::BE,
            start: date!(2027 - 01 - 04),
            end: date!(2027 - 06 - 30),
            status_code: "01".into(),
            article: "12(1)".into(),
            agreement: (kind == DocumentKind::CertificateOfCoverage)
                .then(|| "Belgium–United States agreement".into()),
            form: None,
            employer: Employer {
                name: "Bouwwerken Vlaanderen NV".into(),
                enterprise_number: "0412.345.614".into(),
                nsso_number: "1234567-49".into(),
                address: "Industrieweg 12, 9000 Gent".into(),
            },
            places: vec![PlaceLine {
                country: country("FR"),
                name: "Viaduc de Millau".into(),
                details: "Millau".into(),
            }],
            rejection_reason: (kind == DocumentKind::Rejection)
                .then(|| "Pas de lien direct avec l'employeur".into()),
            issued_on: date!(2026 - 11 - 28),
            verification_url: "https://wabro.example.be/verify".into(),
        }
    }
}
