//! A request and its parts.

use super::{PlaceOfWork, SharedPlace};
use crate::{CertificateLanguage, Country, ImoNumber, Period, Ssin, Territory};
use serde::{Deserialize, Serialize};
use time::Date;

/// The three kinds of request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Posting to one country.
    Posting,
    /// Work in two or more countries at once.
    SimultaneousOccupation,
    /// Work on board a ship.
    Seafarer,
}

impl RequestKind {
    /// All kinds.
    pub const ALL: [RequestKind; 3] =
        [RequestKind::Posting, RequestKind::SimultaneousOccupation, RequestKind::Seafarer];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            RequestKind::Posting => "posting",
            RequestKind::SimultaneousOccupation => "simultaneous_occupation",
            RequestKind::Seafarer => "seafarer",
        }
    }

    /// Parses a code.
    pub fn parse(s: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.code() == s.trim())
    }
}

/// A postal address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Street.
    pub street: String,
    /// House number.
    pub number: String,
    /// PO box.
    pub po_box: Option<String>,
    /// Postal code (checked as Belgian when the country is Belgium).
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: Country,
}

/// The worker the request is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employee {
    /// Social-security identification number.
    pub ssin: Ssin,
    /// Family name.
    pub family_name: String,
    /// Given name(s).
    pub given_name: String,
    /// Nationality.
    pub nationality: Country,
    /// Home address (its country is the State of residence).
    pub home_address: Address,
    /// Temporary residence address abroad, if any.
    pub temporary_address: Option<Address>,
}

/// The six work-condition answers of a posting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkConditions {
    /// Covered by Belgian social security in the 30 days before the posting.
    pub covered_before: bool,
    /// An extra employment contract with the host company.
    pub extra_contract_with_host: bool,
    /// The host company can change the base pay.
    pub host_can_change_pay: bool,
    /// The host company can dismiss the worker.
    pub host_can_dismiss: bool,
    /// The host company can take disciplinary measures.
    pub host_disciplinary: bool,
    /// The worker replaces another posted worker.
    pub replaces_posted_worker: bool,
}

/// The contact person at the employer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPerson {
    /// Family name.
    pub family_name: String,
    /// Given name.
    pub given_name: String,
    /// Company.
    pub company: Option<String>,
    /// Address.
    pub address: Option<Address>,
    /// Telephone.
    pub telephone: String,
    /// Fax.
    pub fax: Option<String>,
    /// SSIN (simultaneous occupation).
    pub ssin: Option<Ssin>,
    /// Employer (simultaneous occupation).
    pub employer: Option<String>,
    /// Function (simultaneous occupation).
    pub function: Option<String>,
}

/// Destination of a posting: a country, optionally a territory of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Destination {
    /// Country.
    pub country: Country,
    /// Territory of occupation (Jersey, Québec, ...).
    pub territory: Option<Territory>,
}

/// A ship: the place of employment of a seafarer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ship {
    /// Name.
    pub name: String,
    /// Flag State.
    pub flag: Country,
    /// IMO number.
    pub imo: ImoNumber,
}

/// How the worker in a simultaneous occupation is classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Classification {
    /// Salaried employee.
    Salaried,
    /// Civil servant or equivalent.
    CivilServant,
    /// Self-employed (besides the salaried work).
    SelfEmployed,
    /// Road or rail transport worker.
    RoadRail,
    /// Air crew, with the country of the home base.
    Air {
        /// Country of the home base.
        homebase_country: Country,
    },
    /// Mariner, with the flag of the vessel.
    Sea {
        /// Flag State.
        flag: Country,
    },
    /// Inland shipping.
    InlandShipping,
    /// Rhine shipping.
    RhineShipping,
}

impl Classification {
    /// The stable code of the classification.
    pub fn code(&self) -> &'static str {
        match self {
            Classification::Salaried => "salaried",
            Classification::CivilServant => "civil_servant",
            Classification::SelfEmployed => "self_employed",
            Classification::RoadRail => "road_rail",
            Classification::Air { .. } => "air",
            Classification::Sea { .. } => "sea",
            Classification::InlandShipping => "inland_shipping",
            Classification::RhineShipping => "rhine_shipping",
        }
    }

    /// All classification codes, in the order the wizard offers them.
    pub const CODES: [&'static str; 8] = [
        "salaried",
        "civil_servant",
        "self_employed",
        "road_rail",
        "air",
        "sea",
        "inland_shipping",
        "rhine_shipping",
    ];
}

/// What a posting adds to the common part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// Date of entry into service with the employer.
    pub entry_into_service: Date,
    /// Private-sector employer.
    pub private_sector: bool,
    /// Where the worker goes.
    pub destination: Destination,
    /// One or more places of work there.
    pub places: Vec<PlaceOfWork>,
    /// The six work-condition answers.
    pub conditions: WorkConditions,
    /// Description of the mission.
    pub mission: Option<String>,
}

/// What a seafarer request adds to the common part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seafarer {
    /// Date of entry into service with the employer.
    pub entry_into_service: Date,
    /// Private-sector employer.
    pub private_sector: bool,
    /// The ship.
    pub ship: Ship,
    /// The six work-condition answers.
    pub conditions: WorkConditions,
    /// Description of the mission.
    pub mission: Option<String>,
}

/// What a simultaneous occupation adds to the common part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimultaneousOccupation {
    /// Recruitment date.
    pub recruitment_date: Date,
    /// Worker classification.
    pub classification: Classification,
    /// Two or more countries of work (Belgium included when the worker also works there).
    pub countries: Vec<Country>,
    /// The worker also works in Belgium.
    pub also_in_belgium: bool,
    /// Places of work with their country and share of working time (total 100).
    pub places: Vec<SharedPlace>,
}

/// The kind-specific part of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RequestDetails {
    /// Posting to one country.
    Posting(Posting),
    /// Work in two or more countries.
    SimultaneousOccupation(SimultaneousOccupation),
    /// Work on a ship.
    Seafarer(Seafarer),
}

/// A complete, validated request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The worker.
    pub employee: Employee,
    /// Requested period.
    pub period: Period,
    /// Language of the certificate.
    pub language: CertificateLanguage,
    /// Contact person.
    pub contact: ContactPerson,
    /// Remarks for the NSSO.
    pub remarks: Option<String>,
    /// The kind-specific part.
    #[serde(flatten)]
    pub details: RequestDetails,
}

impl Request {
    /// The request's kind.
    pub fn kind(&self) -> RequestKind {
        match self.details {
            RequestDetails::Posting(_) => RequestKind::Posting,
            RequestDetails::SimultaneousOccupation(_) => RequestKind::SimultaneousOccupation,
            RequestDetails::Seafarer(_) => RequestKind::Seafarer,
        }
    }

    /// The countries of work: the destination, the flag, or every listed country.
    pub fn countries(&self) -> Vec<Country> {
        match &self.details {
            RequestDetails::Posting(p) => vec![p.destination.country],
            RequestDetails::Seafarer(s) => vec![s.ship.flag],
            RequestDetails::SimultaneousOccupation(s) => s.countries.clone(),
        }
    }

    /// The territory of occupation, if any.
    pub fn territory(&self) -> Option<Territory> {
        match &self.details {
            RequestDetails::Posting(p) => p.destination.territory,
            _ => None,
        }
    }

    /// The State of residence (country of the home address).
    pub fn residence(&self) -> Country {
        self.employee.home_address.country
    }
}
