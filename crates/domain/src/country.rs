//! Countries (ISO 3166-1 alpha-2) with names in four languages and their coordination membership.

use crate::{Code, Lang};
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/countries.tsv");

/// The 27 member States of the European Union.
const EU: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];
/// The EFTA States in the European Economic Area.
const EEA_EFTA: [&str; 3] = ["IS", "LI", "NO"];

/// Where a country stands in European social-security coordination.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// A member State of the European Union.
    Eu,
    /// Iceland, Liechtenstein, Norway (EEA Agreement).
    EeaEfta,
    /// Switzerland (EU–Swiss Agreement on the free movement of persons).
    Switzerland,
    /// The United Kingdom (Withdrawal Agreement, then the Trade and Cooperation Agreement).
    UnitedKingdom,
    /// Any other country.
    Other,
}

struct Row {
    code: [u8; 2],
    names: [String; 4],
}

fn rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut f = l.split('\t');
                let code = f.next().unwrap_or_default().as_bytes();
                let mut name = || f.next().unwrap_or_default().to_owned();
                Row { code: [code[0], code[1]], names: [name(), name(), name(), name()] }
            })
            .collect()
    })
}

/// A country, by its ISO 3166-1 alpha-2 code (plus `XK` for Kosovo).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// Belgium.
    pub const BE: Country = Country(*b"BE");
    /// The United Kingdom.
    pub const GB: Country = Country(*b"GB");
    /// Canada.
    pub const CA: Country = Country(*b"CA");
    /// Switzerland.
    pub const CH: Country = Country(*b"CH");

    /// Parses a code such as `fr` or `FR`; accepts the EESSI spellings `UK` and `EL`.
    pub fn parse(code: &str) -> Result<Country, Code> {
        let up = code.trim().to_ascii_uppercase();
        let up = match up.as_str() {
            "UK" => "GB".to_owned(),
            "EL" => "GR".to_owned(),
            _ => up,
        };
        let b = up.as_bytes();
        if b.len() != 2 {
            return Err(Code::CountryUnknown);
        }
        let c = [b[0], b[1]];
        rows().iter().find(|r| r.code == c).map(|_| Country(c)).ok_or(Code::CountryUnknown)
    }

    /// Every known country, ordered by code.
    pub fn all() -> impl Iterator<Item = Country> {
        rows().iter().map(|r| Country(r.code))
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        // Safe to look up: a Country is only made from a row of the table.
        rows()
            .iter()
            .find(|r| r.code == self.0)
            .map(|r| std::str::from_utf8(&r.code).unwrap_or("??"))
            .unwrap_or("??")
    }

    /// The country's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        let i = match lang {
            Lang::En => 0,
            Lang::Fr => 1,
            Lang::Nl => 2,
            Lang::De => 3,
        };
        rows().iter().find(|r| r.code == self.0).map(|r| r.names[i].as_str()).unwrap_or("")
    }

    /// Its place in European coordination.
    pub fn membership(self) -> Membership {
        let code = self.code();
        if EU.contains(&code) {
            Membership::Eu
        } else if EEA_EFTA.contains(&code) {
            Membership::EeaEfta
        } else if code == "CH" {
            Membership::Switzerland
        } else if code == "GB" {
            Membership::UnitedKingdom
        } else {
            Membership::Other
        }
    }

    /// True for the EU, the EEA, Switzerland and the United Kingdom.
    pub fn in_coordination(self) -> bool {
        self.membership() != Membership::Other
    }
}

impl std::fmt::Debug for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Country({})", self.code())
    }
}

impl std::fmt::Display for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Country::parse(&s).map_err(|c| serde::de::Error::custom(c.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_every_member_state_and_four_names() {
        for code in EU.iter().chain(EEA_EFTA.iter()).chain(["CH", "GB", "XK", "US"].iter()) {
            let c = Country::parse(code).unwrap_or_else(|_| panic!("{code} missing"));
            for l in Lang::ALL {
                assert!(!c.name(l).is_empty(), "{code} has no {l:?} name");
            }
        }
        assert!(Country::all().count() >= 249);
    }

    #[test]
    fn names_and_membership() {
        let be = Country::parse("be").unwrap();
        assert_eq!(be.name(Lang::Nl), "België");
        assert_eq!(be.name(Lang::De), "Belgien");
        assert_eq!(Country::parse("UK").unwrap(), Country::GB);
        assert_eq!(Country::parse("EL").unwrap().code(), "GR");
        assert_eq!(Country::CH.membership(), Membership::Switzerland);
        assert_eq!(Country::parse("NO").unwrap().membership(), Membership::EeaEfta);
        assert_eq!(Country::parse("US").unwrap().membership(), Membership::Other);
        assert_eq!(Country::parse("ZZ"), Err(Code::CountryUnknown));
    }
}
