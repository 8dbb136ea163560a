//! The NSSO employer registration number (matricule, Dimona `employerId`).

use super::{digits, serde_as_string};
use crate::Code;

const MIN: u64 = 197;
const MAX: u64 = 5_999_999_999;
const PLA_MAX: u64 = 99_999_926;

/// A valid NSSO employer number, kept without leading zeros.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EmployerNumber(String);

impl EmployerNumber {
    /// Parses `0009354-67`, `935467` or a provisional `5134794036`.
    pub fn parse(input: &str) -> Result<Self, Code> {
        let d = digits(input, None).ok_or(Code::EmployerFormat)?;
        if d.is_empty() || d.len() > 12 {
            return Err(Code::EmployerFormat);
        }
        let n: u64 = d.parse().map_err(|_| Code::EmployerFormat)?;
        if !(MIN..=MAX).contains(&n) {
            return Err(Code::EmployerRange);
        }
        let radix = n / 100;
        let check = n % 100;
        let nsso = match 96 - (radix * 100) % 97 {
            0 => 97,
            c => c,
        };
        let pla = match radix % 97 {
            0 => 97,
            c => c,
        };
        if check != nsso && !(n <= PLA_MAX && check == pla) {
            return Err(Code::EmployerChecksum);
        }
        Ok(EmployerNumber(n.to_string()))
    }

    /// The digits, without leading zeros.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Printed as the NSSO does: the radix on at least 7 digits, a dash, the 2 check digits.
    pub fn formatted(&self) -> String {
        let (radix, check) = self.0.split_at(self.0.len() - 2);
        format!("{radix:0>7}-{check}")
    }
}

serde_as_string!(EmployerNumber, EmployerNumber::parse);

impl std::fmt::Display for EmployerNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.formatted())
    }
}
