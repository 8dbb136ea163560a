//! SSIN: the Belgian social-security identification number (national register or BIS number).

use super::{digits, serde_as_string};
use crate::Code;
use time::{Date, Month};

/// Which register issued the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SsinKind {
    /// National register number (residents).
    NationalRegister,
    /// BIS number (Crossroads Bank register, non-residents).
    Bis,
}

/// Sex as encoded in the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Odd sequence number.
    Male,
    /// Even sequence number.
    Female,
}

/// A valid SSIN, stored as its 11 digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ssin {
    digits: String,
    kind: SsinKind,
    born_2000s: bool,
}

impl Ssin {
    /// Parses and checks a number typed with or without separators, rejecting a birth date
    /// after `today`.
    pub fn parse(input: &str, today: Date) -> Result<Ssin, Code> {
        let ssin = Self::parse_structure(input)?;
        let (year, month, day) = ssin.birth_parts();
        let earliest = match (month, day) {
            (Some(m), Some(d)) => Date::from_calendar_date(year, m, d).ok(),
            (Some(m), None) => Date::from_calendar_date(year, m, 1).ok(),
            _ => Date::from_calendar_date(year, Month::January, 1).ok(),
        };
        match earliest {
            Some(d) if d > today => Err(Code::SsinFutureBirthDate),
            _ => Ok(ssin),
        }
    }

    /// Parses and checks everything except the future-birth-date rule (which needs a date).
    pub fn parse_structure(input: &str) -> Result<Ssin, Code> {
        let d = digits(input, None).ok_or(Code::SsinFormat)?;
        if d.len() != 11 {
            return Err(Code::SsinLength);
        }
        let n = |r: std::ops::Range<usize>| d[r].parse::<u64>().unwrap_or(0);
        let base9 = n(0..9);
        let cc = n(9..11);
        let born_2000s = if 97 - base9 % 97 == cc {
            false
        } else if 97 - (2_000_000_000 + base9) % 97 == cc {
            true
        } else {
            return Err(Code::SsinChecksum);
        };
        let mm = n(2..4);
        let (kind, month) = match mm {
            0..=12 => (SsinKind::NationalRegister, mm),
            20..=32 => (SsinKind::Bis, mm - 20),
            40..=52 => (SsinKind::Bis, mm - 40),
            _ => return Err(Code::SsinDate),
        };
        let dd = n(4..6);
        let fictitious = &d[0..6] == "000001";
        if dd != 0 && !fictitious {
            if month == 0 {
                return Err(Code::SsinDate);
            }
            let year = if born_2000s { 2000 } else { 1900 } + n(0..2) as i32;
            let m = Month::try_from(month as u8).map_err(|_| Code::SsinDate)?;
            Date::from_calendar_date(year, m, dd as u8).map_err(|_| Code::SsinDate)?;
        }
        let seq = n(6..9);
        if kind == SsinKind::NationalRegister && (seq == 0 || seq == 999) {
            return Err(Code::SsinSequence);
        }
        Ok(Ssin { digits: d, kind, born_2000s })
    }

    fn birth_parts(&self) -> (i32, Option<Month>, Option<u8>) {
        let n = |r: std::ops::Range<usize>| self.digits[r].parse::<u8>().unwrap_or(0);
        let year = if self.born_2000s { 2000 } else { 1900 } + i32::from(n(0..2));
        if &self.digits[0..6] == "000001" {
            return (year, None, None);
        }
        let mm = n(2..4) % 20;
        let month = Month::try_from(mm).ok();
        let day = match n(4..6) {
            0 => None,
            d => Some(d),
        };
        (year, month, day)
    }

    /// The 11 digits.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// National register or BIS.
    pub fn kind(&self) -> SsinKind {
        self.kind
    }

    /// The birth date, when the number tells it completely.
    pub fn birth_date(&self) -> Option<Date> {
        match self.birth_parts() {
            (y, Some(m), Some(d)) => Date::from_calendar_date(y, m, d).ok(),
            _ => None,
        }
    }

    /// The birth year (known from the checksum century even when month or day are not).
    pub fn birth_year(&self) -> i32 {
        self.birth_parts().0
    }

    /// The sex, when the number tells it (national register, or BIS with month + 40).
    pub fn sex(&self) -> Option<Sex> {
        let mm: u8 = self.digits[2..4].parse().unwrap_or(0);
        if self.kind == SsinKind::Bis && mm < 40 {
            return None;
        }
        let seq: u16 = self.digits[6..9].parse().unwrap_or(0);
        Some(if seq % 2 == 1 { Sex::Male } else { Sex::Female })
    }

    /// Printed the Belgian way: `YY.MM.DD-SSS.CC`.
    pub fn formatted(&self) -> String {
        let d = &self.digits;
        format!("{}.{}.{}-{}.{}", &d[0..2], &d[2..4], &d[4..6], &d[6..9], &d[9..11])
    }

    /// A masked form for places where the full number must not appear: `YY.MM.DD-xxx.xx`.
    pub fn masked(&self) -> String {
        let d = &self.digits;
        format!("{}.{}.{}-xxx.xx", &d[0..2], &d[2..4], &d[4..6])
    }
}

serde_as_string!(Ssin, Ssin::parse_structure);

impl std::fmt::Display for Ssin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.formatted())
    }
}
