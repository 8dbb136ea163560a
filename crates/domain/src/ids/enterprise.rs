//! The enterprise number of the Crossroads Bank for Enterprises (KBO/BCE).

use super::{digits, serde_as_string};
use crate::Code;

/// A valid enterprise number: 10 digits, first 0 or 1, mod-97 check.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnterpriseNumber(String);

impl EnterpriseNumber {
    /// Parses `0403.019.261`, `BE 0403019261`, or an old 9-digit number (prefixed with 0).
    pub fn parse(input: &str) -> Result<Self, Code> {
        let mut d = digits(input, Some("BE")).ok_or(Code::EnterpriseFormat)?;
        if d.len() == 9 {
            d.insert(0, '0');
        }
        if d.len() != 10 {
            return Err(Code::EnterpriseLength);
        }
        if !d.starts_with(['0', '1']) {
            return Err(Code::EnterpriseFirstDigit);
        }
        let first8: u64 = d[0..8].parse().map_err(|_| Code::EnterpriseFormat)?;
        let check: u64 = d[8..10].parse().map_err(|_| Code::EnterpriseFormat)?;
        if 97 - first8 % 97 != check {
            return Err(Code::EnterpriseChecksum);
        }
        Ok(EnterpriseNumber(d))
    }

    /// The 10 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Printed the Belgian way: `0xxx.xxx.xxx`.
    pub fn formatted(&self) -> String {
        let d = &self.0;
        format!("{}.{}.{}", &d[0..4], &d[4..7], &d[7..10])
    }
}

serde_as_string!(EnterpriseNumber, EnterpriseNumber::parse);

impl std::fmt::Display for EnterpriseNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.formatted())
    }
}
