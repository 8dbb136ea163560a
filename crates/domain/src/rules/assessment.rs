//! What the pre-assessment answers: instrument, applicable State, maximum end date, findings.

use super::data::Framework;
use crate::{Code, Country, Period, RequestKind, Territory};
use serde::Serialize;
use std::collections::BTreeMap;
use time::Date;

/// The article of Regulation 883/2004 (or its equivalent) an A1 rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Article {
    /// 11(3)(b): civil servant.
    Art11_3b,
    /// 11(4): activity on board a vessel at sea.
    Art11_4,
    /// 11(5): flight or cabin crew, home base.
    Art11_5,
    /// 12(1): posted employed person.
    Art12_1,
    /// 13(1)(a): substantial activity in the State of residence.
    Art13_1a,
    /// 13(1)(b)(i): the State of the employer's seat.
    Art13_1bi,
    /// 13(3): employed and self-employed in different States.
    Art13_3,
    /// 16: an exception agreement (Rhine boatmen).
    Art16,
}

impl Article {
    /// The printed reference, e.g. `12(1)`.
    pub fn label(self) -> &'static str {
        match self {
            Article::Art11_3b => "11(3)(b)",
            Article::Art11_4 => "11(4)",
            Article::Art11_5 => "11(5)",
            Article::Art12_1 => "12(1)",
            Article::Art13_1a => "13(1)(a)",
            Article::Art13_1bi => "13(1)(b)(i)",
            Article::Art13_3 => "13(3)",
            Article::Art16 => "16",
        }
    }

    /// The EESSI / PD A1 status confirmation code (section 3) this article leads to.
    pub fn status_confirmation(self) -> &'static str {
        match self {
            Article::Art12_1 => "01",
            Article::Art13_1a | Article::Art13_1bi | Article::Art16 => "02",
            Article::Art13_3 => "08",
            Article::Art11_3b => "05",
            Article::Art11_4 => "07",
            Article::Art11_5 => "10",
        }
    }
}

impl Serialize for Article {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// The document the request leads to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Instrument {
    /// A portable document A1 under European coordination.
    A1 {
        /// The coordination instrument.
        framework: Framework,
        /// The article.
        article: Article,
    },
    /// A certificate of coverage under a bilateral agreement.
    CertificateOfCoverage {
        /// Agreement id, e.g. `be-us`.
        agreement: String,
        /// Agreement name.
        name: String,
        /// Belgian form code, when known.
        form: Option<String>,
    },
    /// No agreement: Belgian coverage continues for 6 months, renewable once (form K138bis).
    NoAgreement {
        /// The form.
        form: &'static str,
    },
    /// An agreement exists but does not cover the worker's nationality: the 6 + 6-month regime.
    NationalityExcluded {
        /// Agreement id.
        agreement: String,
        /// Agreement name.
        name: String,
    },
}

/// How much a finding weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingSeverity {
    /// The request cannot be approved as it stands.
    Blocking,
    /// An agent should look at it.
    Warning,
}

/// One thing the rules noticed, with the data it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. `dimona.not_covered`.
    pub code: Code,
    /// Blocking or warning.
    pub severity: FindingSeverity,
    /// Values for the message, e.g. `max_end_date`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
    /// Periods the finding is about (uncovered days, an earlier posting).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
}

impl Finding {
    /// A blocking finding.
    pub fn blocking(code: Code) -> Finding {
        Finding { code, severity: FindingSeverity::Blocking, params: BTreeMap::new(), periods: Vec::new() }
    }

    /// A warning.
    pub fn warning(code: Code) -> Finding {
        Finding { code, severity: FindingSeverity::Warning, params: BTreeMap::new(), periods: Vec::new() }
    }

    /// Adds a message parameter.
    pub fn with(mut self, key: &str, value: impl ToString) -> Finding {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }

    /// Whether the request cannot even be saved while this finding stands: its period is not
    /// covered by the employer's Dimona, the worker enters service after it starts, or it
    /// overlaps an approved request for the same State. The employer can put each right.
    pub fn blocks_saving(&self) -> bool {
        matches!(
            self.code,
            Code::DimonaNotCovered | Code::EmployeeEntryAfterStart | Code::RequestOverlapsApproved
        )
    }

    /// Adds the periods it is about.
    pub fn with_periods(mut self, periods: Vec<Period>) -> Finding {
        self.periods = periods;
        self
    }
}

/// The pre-assessment of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The document the request leads to.
    pub instrument: Instrument,
    /// The State whose legislation applies.
    pub legislation: Country,
    /// Why that State (a `reason.*` code).
    pub reason: Code,
    /// The latest end date the instrument allows, when there is one.
    pub max_end_date: Option<Date>,
    /// Everything the rules noticed.
    pub findings: Vec<Finding>,
    /// Some data behind the rules is unconfirmed: an agent must review.
    pub manual_review: bool,
}

impl Assessment {
    /// Whether any finding blocks approval.
    pub fn is_blocking(&self) -> bool {
        self.findings.iter().any(|f| f.severity == FindingSeverity::Blocking)
    }

    /// The findings that keep the request from being saved (see [`Finding::blocks_saving`]).
    pub fn blocking_saving(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.blocks_saving())
    }

    /// Whether the request is clean: no finding at all and no manual review.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty() && !self.manual_review
    }

    /// Whether a finding with `code` is present.
    pub fn has(&self, code: Code) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }

    /// The admitted period an agent is offered by default: the requested one, capped at the
    /// maximum end date.
    pub fn default_admitted(&self, requested: Period) -> Option<Period> {
        let end = self.max_end_date.map_or(requested.end, |m| m.min(requested.end));
        Period::new(requested.start, end)
    }
}

/// An accepted Dimona period of the worker with this employer (open-ended when `end` is `None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DimonaPeriod {
    /// First day.
    pub start: Date,
    /// Last day, if the employment ended or was declared with an end.
    pub end: Option<Date>,
}

/// An earlier request for the same worker that still counts: in progress, or approved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct PriorRequest {
    /// Its transaction number.
    pub reference: String,
    /// Its kind.
    pub kind: RequestKind,
    /// Its country of work (destination or flag).
    pub country: Country,
    /// Its territory, if any.
    #[serde(default)]
    pub territory: Option<Territory>,
    /// Admitted period when approved, else the requested one.
    pub period: Period,
    /// Every country of work (several for a simultaneous occupation); empty means just
    /// `country`.
    #[serde(default)]
    pub countries: Vec<Country>,
    /// Approved (else still in progress).
    #[serde(default)]
    pub approved: bool,
}

impl PriorRequest {
    /// Its countries of work.
    pub fn states(&self) -> Vec<Country> {
        if self.countries.is_empty() { vec![self.country] } else { self.countries.clone() }
    }
}

/// Everything the rules need besides the request.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    /// Dimona periods of this worker with this employer.
    pub dimona: &'a [DimonaPeriod],
    /// Earlier requests for the same worker.
    pub prior: &'a [PriorRequest],
    /// Today.
    pub today: Date,
}
