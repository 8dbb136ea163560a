//! Belgian and international identifiers: parsed once from what people type, typed afterwards.

mod employer;
mod enterprise;
mod imo;
mod postal;
mod ssin;

pub use employer::EmployerNumber;
pub use enterprise::EnterpriseNumber;
pub use imo::ImoNumber;
pub use postal::BelgianPostalCode;
pub use ssin::{Sex, Ssin, SsinKind};

/// Strips an optional case-insensitive `prefix` and the separators people type
/// (spaces, dots, dashes, slashes). Returns `None` when anything else than digits remains.
fn digits(input: &str, prefix: Option<&str>) -> Option<String> {
    let mut s = input.trim();
    if let Some(p) = prefix
        && s.len() >= p.len()
        && s[..p.len()].eq_ignore_ascii_case(p)
    {
        s = &s[p.len()..];
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '.' | '-' | '/' | '\u{a0}' => {}
            _ => return None,
        }
    }
    Some(out)
}

/// Implements `Serialize` as the normalised digit string and `Deserialize` through `parse`.
macro_rules! serde_as_string {
    ($ty:ty, $parse:expr) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                let parse: fn(&str) -> Result<$ty, crate::Code> = $parse;
                parse(&s).map_err(|c| serde::de::Error::custom(c.as_str()))
            }
        }
    };
}
use serde_as_string;
