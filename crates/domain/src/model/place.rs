//! Places of work: six types, each with its own fields.

use crate::{Country, ImoNumber};
use serde::{Deserialize, Serialize};

/// The type of a place of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A region or the country as a whole (no fixed address).
    Region,
    /// A company's premises.
    Company,
    /// A construction site.
    ConstructionSite,
    /// An aviation home base.
    Homebase,
    /// An inland waterway vessel.
    InlandVessel,
    /// An ocean-going vessel.
    OceanVessel,
}

impl PlaceKind {
    /// All place types, in the order the wizard offers them.
    pub const ALL: [PlaceKind; 6] = [
        PlaceKind::Region,
        PlaceKind::Company,
        PlaceKind::ConstructionSite,
        PlaceKind::Homebase,
        PlaceKind::InlandVessel,
        PlaceKind::OceanVessel,
    ];

    /// The stable code, e.g. `construction_site`.
    pub fn code(self) -> &'static str {
        match self {
            PlaceKind::Region => "region",
            PlaceKind::Company => "company",
            PlaceKind::ConstructionSite => "construction_site",
            PlaceKind::Homebase => "homebase",
            PlaceKind::InlandVessel => "inland_vessel",
            PlaceKind::OceanVessel => "ocean_vessel",
        }
    }

    /// Parses a code.
    pub fn parse(s: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.code() == s.trim())
    }
}

/// A place of work with the fields of its type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PlaceOfWork {
    /// A region or the whole country.
    Region {
        /// Region name.
        name: String,
    },
    /// A company.
    Company {
        /// Company name.
        name: String,
        /// Its identification number in its own country.
        foreign_id: Option<String>,
        /// Street.
        street: String,
        /// House number.
        number: String,
        /// PO box.
        po_box: Option<String>,
        /// Postal code.
        postal_code: String,
        /// City.
        city: String,
    },
    /// A construction site: a description, a street, or both.
    ConstructionSite {
        /// Site name.
        name: String,
        /// Description of the site.
        description: Option<String>,
        /// Street.
        street: Option<String>,
        /// House number.
        number: Option<String>,
        /// Postal code.
        postal_code: Option<String>,
        /// City.
        city: String,
    },
    /// An aviation home base.
    Homebase {
        /// Airport or base name.
        name: String,
        /// City.
        city: String,
    },
    /// An inland waterway vessel.
    InlandVessel {
        /// Vessel name.
        name: String,
        /// Registration number.
        registration_number: String,
        /// Harbour or river where it operates.
        operating_area: String,
        /// Country where it operates (simultaneous occupation).
        operating_country: Option<Country>,
    },
    /// An ocean-going vessel.
    OceanVessel {
        /// Vessel name.
        name: String,
        /// IMO number (its check digit may have failed if the user confirmed it).
        imo: ImoNumber,
        /// Posting: whether it sails in territorial waters or lies in a port.
        in_territorial_waters: Option<bool>,
        /// Simultaneous occupation: the flag State.
        flag: Option<Country>,
    },
}

impl PlaceOfWork {
    /// Its type.
    pub fn kind(&self) -> PlaceKind {
        match self {
            PlaceOfWork::Region { .. } => PlaceKind::Region,
            PlaceOfWork::Company { .. } => PlaceKind::Company,
            PlaceOfWork::ConstructionSite { .. } => PlaceKind::ConstructionSite,
            PlaceOfWork::Homebase { .. } => PlaceKind::Homebase,
            PlaceOfWork::InlandVessel { .. } => PlaceKind::InlandVessel,
            PlaceOfWork::OceanVessel { .. } => PlaceKind::OceanVessel,
        }
    }

    /// The name of the company, site, base or vessel.
    pub fn name(&self) -> &str {
        match self {
            PlaceOfWork::Region { name }
            | PlaceOfWork::Company { name, .. }
            | PlaceOfWork::ConstructionSite { name, .. }
            | PlaceOfWork::Homebase { name, .. }
            | PlaceOfWork::InlandVessel { name, .. }
            | PlaceOfWork::OceanVessel { name, .. } => name,
        }
    }
}

/// A place of work in a simultaneous occupation: its country and its share of working time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPlace {
    /// Country of the place.
    pub country: Country,
    /// Share of working time, 1–100.
    pub percentage: u8,
    /// The place itself.
    #[serde(flatten)]
    pub place: PlaceOfWork,
}
