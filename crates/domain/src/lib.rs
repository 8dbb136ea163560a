//! Wabro's domain: identifiers, countries and territories, the request model with its
//! validation, the request lifecycle and the legislation rules.
//!
//! Pure: no I/O, no async, no web or SQL types. Every failure carries a stable [`Code`].
#![forbid(unsafe_code)]

mod code;
mod country;
mod ids;
pub mod input;
mod issue;
mod lang;
mod lifecycle;
pub mod limits;
mod model;
mod period;
pub mod rules;
mod territory;
mod text;
mod validate;

pub use code::Code;
pub use country::{Country, Membership};
pub use ids::{BelgianPostalCode, EmployerNumber, EnterpriseNumber, ImoNumber, Sex, Ssin, SsinKind};
pub use issue::{Issue, Issues, Severity};
pub use lang::{CertificateLanguage, Lang};
pub use lifecycle::{Decision, Effect, Lifecycle, OutputChannel, REJECTION_REASONS, Status};
pub use model::*;
pub use period::{Period, add_months, last_day_of_months, uncovered};
pub use territory::Territory;
pub use text::search_key;
pub use validate::{Validated, parse_date, validate};
