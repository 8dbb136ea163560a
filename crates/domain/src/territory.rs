//! Territories of occupation that drive the choice of instrument apart from their country.

use crate::{Code, Country, Lang};
use serde::{Deserialize, Serialize};

/// A territory with its own social-security arrangements, searchable as a territory of occupation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Territory {
    /// Alderney (Bailiwick of Guernsey).
    Alderney,
    /// Guernsey.
    Guernsey,
    /// Jersey.
    Jersey,
    /// Sark (Bailiwick of Guernsey).
    Sark,
    /// The Isle of Man.
    IsleOfMan,
    /// Québec (Canada), with its own agreement (Entente).
    Quebec,
}

impl Territory {
    /// All territories.
    pub const ALL: [Territory; 6] = [
        Territory::Alderney,
        Territory::Guernsey,
        Territory::Jersey,
        Territory::Sark,
        Territory::IsleOfMan,
        Territory::Quebec,
    ];

    /// The stable code, e.g. `isle_of_man`.
    pub fn code(self) -> &'static str {
        match self {
            Territory::Alderney => "alderney",
            Territory::Guernsey => "guernsey",
            Territory::Jersey => "jersey",
            Territory::Sark => "sark",
            Territory::IsleOfMan => "isle_of_man",
            Territory::Quebec => "quebec",
        }
    }

    /// Parses a code (case-insensitive; spaces and dashes read as underscores; `québec` too).
    pub fn parse(s: &str) -> Result<Self, Code> {
        let norm = s.trim().to_lowercase().replace([' ', '-'], "_").replace('é', "e");
        Territory::ALL.into_iter().find(|t| t.code() == norm).ok_or(Code::TerritoryUnknown)
    }

    /// The country the territory is chosen under: the United Kingdom for the Crown
    /// Dependencies, Canada for Québec.
    pub fn parent(self) -> Country {
        match self {
            Territory::Quebec => Country::CA,
            _ => Country::GB,
        }
    }

    /// The territory for an ISO code that Wabro shows as a territory (`JE`, `GG`, `IM`).
    pub fn from_iso(country: Country) -> Option<Territory> {
        match country.code() {
            "JE" => Some(Territory::Jersey),
            "GG" => Some(Territory::Guernsey),
            "IM" => Some(Territory::IsleOfMan),
            _ => None,
        }
    }

    /// The name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        use Lang::*;
        match (self, lang) {
            (Territory::Alderney, Fr) => "Aurigny",
            (Territory::Alderney, _) => "Alderney",
            (Territory::Guernsey, Fr) => "Guernesey",
            (Territory::Guernsey, _) => "Guernsey",
            (Territory::Jersey, _) => "Jersey",
            (Territory::Sark, Fr) => "Sercq",
            (Territory::Sark, _) => "Sark",
            (Territory::IsleOfMan, En) => "Isle of Man",
            (Territory::IsleOfMan, Fr) => "Île de Man",
            (Territory::IsleOfMan, Nl) => "Eiland Man",
            (Territory::IsleOfMan, De) => "Insel Man",
            (Territory::Quebec, En | Fr) => "Québec",
            (Territory::Quebec, Nl) => "Quebec",
            (Territory::Quebec, De) => "Québec",
        }
    }
}
