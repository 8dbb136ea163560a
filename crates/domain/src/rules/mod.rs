//! The legislation rules: a pure function from a request and the facts around it to an
//! [`Assessment`]. Thresholds and agreements come from [`RuleSet`] data, not constants.

mod assess;
mod assessment;
mod data;
mod destination;
mod multistate;

pub use assess::{approved_overlap, assess};
pub use assessment::{
    Article, Assessment, DimonaPeriod, Facts, Finding, FindingSeverity, Instrument, PriorRequest,
};
pub use data::{Agreement, Framework, FrameworkRow, NationalityScope, RuleDataError, RuleSet, Thresholds};
