//! Wabro's application layer: the use cases that the web pages (and later the JSON API) call,
//! the actor contexts that authorise them, and the ports (traits) storage implements.
#![forbid(unsafe_code)]

mod agents;
mod app;
mod audit;
mod auth;
mod clock;
mod ctx;
pub mod demo;
mod directory;
mod documents;
mod error;
mod passwords;
pub mod ports;
mod rate_limit;
mod requests;
mod search;
mod steps;
mod users;
mod wizard;

pub use agents::{AgentView, QUEUE_PAGE, QueueQuery};
pub use app::{App, Config, JOB_STALE, Readiness};
pub use audit::{AUDIT_EXPORT_MAX, AUDIT_PAGE, AuditQuery};
pub use auth::{LoginOutcome, SessionInfo, csrf_token, hash_password, new_token, token_hash};
pub use clock::{Clock, FixedClock, SystemClock};
pub use ctx::{Actor, AgentCtx, EmployerCtx, Origin, Role, Scope, SearchScope};
pub use directory::DirectoryHit;
pub use documents::{Certificates, JOB_BATCH, JOB_LEASE, Verification, certificate_data};
pub use error::{AppError, AppResult};
pub use passwords::{MIN_PASSWORD, password_issues};
pub use requests::{Confirmation, ReuseMode, Submitted};
pub use search::{DecisionInput, Detail, SearchPage, SearchQuery, criteria as search_criteria};
pub use steps::Step;
pub use users::NewUserForm;
pub use wizard::{Difference, DraftView, Summary};
