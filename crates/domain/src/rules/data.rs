//! The legislation data: thresholds, coordination frameworks and the agreements table, each
//! with effective dates, loaded from an embedded JSON file.

use crate::{Country, Membership, Territory};
use serde::Deserialize;
use std::sync::OnceLock;
use time::Date;

const EMBEDDED: &str = include_str!("../../data/rules.json");

/// Thresholds the law (or NSSO practice) sets, valid from a date.
#[derive(Clone, Debug, Deserialize)]
pub struct Thresholds {
    /// First day these values apply to (by the request's start date).
    pub effective_from: Date,
    /// Art. 12: maximum posting, in months.
    pub posting_max_months: u32,
    /// Art. 14(1) 987/2009: days of prior Belgian coverage.
    pub pre_posting_coverage_days: u32,
    /// Advised minimum gap between two postings to the same State, in months.
    pub min_gap_between_postings_months: u32,
    /// Art. 14(8) 987/2009: share of working time that is substantial.
    pub substantial_share_percent: u8,
    /// Shares below this are marginal (Art. 14(5b)).
    pub marginal_share_percent: u8,
    /// Without an agreement: months of continued Belgian coverage.
    pub no_agreement_max_months: u32,
    /// Without an agreement: months of one renewal.
    pub no_agreement_extension_months: u32,
    /// Agreement not covering the nationality: months allowed.
    pub nationality_excluded_max_months: u32,
    /// Agreement not covering the nationality: months of one renewal.
    pub nationality_excluded_extension_months: u32,
    /// Art. 11(4)/11(5) certificates: months per certificate.
    pub article_11_max_months: u32,
    /// Art. 13 certificates: months per certificate.
    pub article_13_max_months: u32,
}

/// The European coordination instrument in force for a group of countries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    /// Regulations 883/2004 and 987/2009.
    #[serde(rename = "regulation_883_2004")]
    Regulation883,
    /// The EEA Agreement (Iceland, Liechtenstein, Norway).
    EeaAgreement,
    /// The EU–Swiss Agreement on the free movement of persons.
    EuSwissAgreement,
    /// The Protocol on Social Security Coordination of the EU–UK Trade and Cooperation Agreement.
    TcaProtocol,
}

/// A framework row with its dates.
#[derive(Clone, Debug, Deserialize)]
pub struct FrameworkRow {
    /// Which countries.
    pub membership: Membership,
    /// Which instrument.
    pub framework: Framework,
    /// First day.
    pub effective_from: Date,
    /// Last day, if it ended.
    pub effective_to: Option<Date>,
    /// The bilateral agreement that applies instead to nationals of third countries.
    pub third_country_nationals_agreement: Option<String>,
}

/// Whose nationals an agreement covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NationalityScope {
    /// Only nationals of the two States.
    NationalsOnly,
    /// Every nationality for the posting articles.
    PostingAllNationalities,
    /// Every nationality.
    AllNationalities,
    /// Nationals of the two States and nationals of EU member States (Israel).
    NationalsAndEu,
}

/// One bilateral agreement (or its application to a territory).
#[derive(Clone, Debug, Deserialize)]
pub struct Agreement {
    /// Stable id, e.g. `be-us`.
    pub id: String,
    /// Partner country.
    pub country: Country,
    /// Territory, when the row is for one (Québec, Jersey, ...).
    pub territory: Option<Territory>,
    /// Human name of the agreement.
    pub name: String,
    /// Date of entry into force, when known.
    pub in_force: Option<Date>,
    /// Maximum initial posting in months; `None` while unconfirmed.
    pub max_months: Option<u32>,
    /// Months of extension, if the agreement allows one.
    pub extension_months: Option<u32>,
    /// Whether the extension rule is confirmed.
    #[serde(default)]
    pub extension_confirmed: bool,
    /// Whose nationals it covers.
    pub nationality_scope: NationalityScope,
    /// Belgian form code of the certificate, when known.
    pub form: Option<String>,
    /// Form code of an extension, when known.
    pub extension_form: Option<String>,
    /// Whether the agreement is confirmed to cover the country or territory.
    #[serde(default = "yes")]
    pub coverage_confirmed: bool,
    /// Applies only to nationals of countries outside the EU/EEA/Switzerland.
    #[serde(default)]
    pub third_country_nationals_only: bool,
    /// Covers seafarers only: a posting on land to the country falls under the no-agreement
    /// regime (DR Congo).
    #[serde(default)]
    pub seafarers_only: bool,
    /// Where the row's facts come from (`shared/domain.md` section and its sources).
    #[serde(default)]
    pub source: Option<String>,
}

fn yes() -> bool {
    true
}

/// The whole rule data.
#[derive(Clone, Debug, Deserialize)]
pub struct RuleSet {
    thresholds: Vec<Thresholds>,
    frameworks: Vec<FrameworkRow>,
    agreements: Vec<Agreement>,
}

/// Why rule data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RuleDataError {
    /// The JSON is malformed.
    #[error("rule data is not valid: {0}")]
    Json(#[from] serde_json::Error),
    /// No thresholds row at all.
    #[error("rule data has no thresholds")]
    NoThresholds,
}

impl RuleSet {
    /// Parses rule data (the shape of `data/rules.json`).
    pub fn from_json(json: &str) -> Result<RuleSet, RuleDataError> {
        let mut rules: RuleSet = serde_json::from_str(json)?;
        if rules.thresholds.is_empty() {
            return Err(RuleDataError::NoThresholds);
        }
        rules.thresholds.sort_by_key(|t| t.effective_from);
        Ok(rules)
    }

    /// The rule data shipped with Wabro.
    pub fn embedded() -> &'static RuleSet {
        static RULES: OnceLock<RuleSet> = OnceLock::new();
        RULES.get_or_init(|| RuleSet::from_json(EMBEDDED).expect("embedded rules.json is valid"))
    }

    /// The thresholds in force on `day` (the earliest row for days before every row).
    pub fn thresholds(&self, day: Date) -> &Thresholds {
        self.thresholds.iter().rev().find(|t| t.effective_from <= day).unwrap_or(&self.thresholds[0])
    }

    /// The coordination framework for `country` on `day`, if any row is in force then.
    /// A row for the country's group that starts later is returned with `false`.
    pub fn framework(&self, country: Country, day: Date) -> Option<(&FrameworkRow, bool)> {
        let rows = self.frameworks.iter().filter(|r| r.membership == country.membership());
        let mut earliest: Option<&FrameworkRow> = None;
        for r in rows {
            if r.effective_from <= day && r.effective_to.is_none_or(|to| day <= to) {
                return Some((r, true));
            }
            if earliest.is_none_or(|e| r.effective_from < e.effective_from) {
                earliest = Some(r);
            }
        }
        earliest.map(|r| (r, false))
    }

    /// The agreement for a country (and territory), if Belgium has one.
    pub fn agreement(&self, country: Country, territory: Option<Territory>) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.country == country && a.territory == territory)
    }

    /// An agreement by id.
    pub fn agreement_by_id(&self, id: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id == id)
    }

    /// Every agreement row.
    pub fn agreements(&self) -> &[Agreement] {
        &self.agreements
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_loads_and_every_agreement_is_outside_coordination_or_special() {
        let r = RuleSet::embedded();
        assert!(r.agreements().len() >= 25);
        for a in r.agreements() {
            let special = a.territory.is_some() || a.third_country_nationals_only;
            assert!(special || !a.country.in_coordination(), "{} in coordination", a.id);
        }
    }
}
