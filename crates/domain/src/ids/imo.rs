//! IMO ship identification numbers.

use super::digits;
use crate::Code;

/// A 7-digit IMO number. Real ships carry numbers whose check digit fails, so a number may be
/// kept with a failing check digit once the user has confirmed it ([`ImoNumber::parse_lenient`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ImoNumber {
    digits: String,
    check_ok: bool,
}

impl ImoNumber {
    /// Strict parse: 7 digits with a valid check digit (`IMO` prefix and spaces allowed).
    pub fn parse(input: &str) -> Result<Self, Code> {
        let imo = Self::parse_lenient(input)?;
        if imo.check_ok { Ok(imo) } else { Err(Code::ImoCheckDigit) }
    }

    /// Accepts any 7 digits; [`ImoNumber::check_digit_valid`] tells whether the check held.
    pub fn parse_lenient(input: &str) -> Result<Self, Code> {
        let d = digits(input, Some("IMO")).ok_or(Code::ImoFormat)?;
        if d.len() != 7 {
            return Err(Code::ImoFormat);
        }
        let b = d.as_bytes();
        let sum: u32 = (0..6).map(|i| (7 - i as u32) * u32::from(b[i] - b'0')).sum();
        let check_ok = sum % 10 == u32::from(b[6] - b'0');
        Ok(ImoNumber { digits: d, check_ok })
    }

    /// The 7 digits.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// Whether the weighted check digit holds.
    pub fn check_digit_valid(&self) -> bool {
        self.check_ok
    }

    /// Printed as `IMO 9319466`.
    pub fn formatted(&self) -> String {
        format!("IMO {}", self.digits)
    }
}

impl serde::Serialize for ImoNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.digits)
    }
}

impl<'de> serde::Deserialize<'de> for ImoNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ImoNumber::parse_lenient(&s).map_err(|c| serde::de::Error::custom(c.as_str()))
    }
}

impl std::fmt::Display for ImoNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.formatted())
    }
}
