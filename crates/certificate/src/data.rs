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
