//! Belgian postal codes.

use super::serde_as_string;
use crate::Code;

/// A Belgian postal code: 4 digits from 1000 to 9992 (`B-` prefix accepted on input).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BelgianPostalCode(String);

impl BelgianPostalCode {
    /// Parses `1000`, ` 9000 ` or `B-1000`.
    pub fn parse(input: &str) -> Result<Self, Code> {
        let mut s = input.trim();
        if let Some(rest) = s.strip_prefix("B-").or_else(|| s.strip_prefix("b-")) {
            s = rest.trim_start();
        }
        if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Code::PostalCodeFormat);
        }
        match s.parse::<u16>() {
            Ok(1000..=9992) => Ok(BelgianPostalCode(s.to_owned())),
            _ => Err(Code::PostalCodeFormat),
        }
    }

    /// The 4 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

serde_as_string!(BelgianPostalCode, BelgianPostalCode::parse);
