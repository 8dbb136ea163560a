//! Enterprises, user accounts and sessions.

use super::{AuditEntry, StoreResult};
use crate::ctx::{Role, Scope};
use async_trait::async_trait;
use time::OffsetDateTime;

/// An enterprise (employer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnterpriseRecord {
    /// Id.
    pub id: i64,
    /// KBO/BCE number (10 digits).
    pub enterprise_number: String,
    /// NSSO employer number.
    pub nsso_number: String,
    /// Name.
    pub name: String,
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Whether the e-Box is active.
    pub ebox_active: bool,
}

/// A user account.
#[derive(Clone, Debug)]
pub struct UserRecord {
    /// Id.
    pub id: i64,
    /// Login e-mail (lower case).
    pub email: String,
    /// Display name.
    pub name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Enterprise, for employer roles.
    pub enterprise_id: Option<i64>,
    /// Disabled accounts cannot log in.
    pub disabled: bool,
    /// The password was set by someone else: its owner must change it before anything else.
    pub must_change_password: bool,
}

/// A new user account.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Login e-mail (lower case).
    pub email: String,
    /// Display name.
    pub name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Enterprise, for employer roles.
    pub enterprise_id: Option<i64>,
    /// The password was set by someone else (an access manager): to be changed at first login.
    pub must_change_password: bool,
}

/// A login session (the token itself is never stored, only its hash).
#[derive(Clone, Debug)]
pub struct SessionRecord {
    /// SHA-256 of the token, hex.
    pub token_hash: String,
    /// The user.
    pub user_id: i64,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last request.
    pub last_seen_at: OffsetDateTime,
    /// The client's address at login.
    pub client: String,
}

/// What ends sessions when a new one starts.
#[derive(Clone, Copy, Debug)]
pub struct SessionLimits {
    /// Sessions one person keeps at most.
    pub max_per_user: u32,
    /// Sessions not used since this moment have expired.
    pub idle_before: OffsetDateTime,
    /// Sessions started before this moment have expired.
    pub started_before: OffsetDateTime,
}

/// Accounts, enterprises and sessions.
#[async_trait]
pub trait Accounts: Send + Sync {
    /// Creates an enterprise; returns its id.
    async fn create_enterprise(&self, e: &EnterpriseRecord) -> StoreResult<i64>;
    /// An enterprise by id.
    async fn enterprise(&self, scope: Scope) -> StoreResult<Option<EnterpriseRecord>>;
    /// An enterprise by its KBO number.
    async fn enterprise_by_number(&self, number: &str) -> StoreResult<Option<EnterpriseRecord>>;
    /// Whether any enterprise exists (an empty database gets demo data).
    async fn is_empty(&self) -> StoreResult<bool>;
    /// Creates a user; returns its id.
    async fn create_user(&self, u: &NewUser, audit: &AuditEntry) -> StoreResult<i64>;
    /// A user by e-mail (lower case).
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>>;
    /// A user by id.
    async fn user(&self, id: i64) -> StoreResult<Option<UserRecord>>;
    /// The users of an enterprise.
    async fn users(&self, scope: Scope) -> StoreResult<Vec<UserRecord>>;
    /// Enables or disables a user of the enterprise; false when there is no such user.
    async fn set_user_disabled(
        &self,
        scope: Scope,
        user_id: i64,
        disabled: bool,
        audit: &AuditEntry,
    ) -> StoreResult<bool>;
    /// Stores a new session with its audit record, in one transaction that also ends the
    /// sessions of every user that `limits` says have expired, and the user's least recently
    /// used sessions beyond `limits.max_per_user`.
    async fn create_session(
        &self,
        s: &SessionRecord,
        audit: &AuditEntry,
        limits: SessionLimits,
    ) -> StoreResult<()>;
    /// A user's sessions, most recently used first.
    async fn sessions_of(&self, user_id: i64) -> StoreResult<Vec<SessionRecord>>;
    /// Ends every session of the user but `keep`, with an audit record; returns how many.
    async fn delete_other_sessions(&self, user_id: i64, keep: &str, audit: &AuditEntry) -> StoreResult<u64>;
    /// A session by token hash.
    async fn session(&self, token_hash: &str) -> StoreResult<Option<SessionRecord>>;
    /// Records activity on a session.
    async fn touch_session(&self, token_hash: &str, at: OffsetDateTime) -> StoreResult<()>;
    /// Ends a session (an expired one, without an audit record; a logout, with one).
    async fn delete_session(&self, token_hash: &str, audit: Option<&AuditEntry>) -> StoreResult<()>;
    /// Sets a user's password (of the enterprise, when `scope` is given), with its audit record.
    /// `must_change` says whether its owner must change it at the next login. Every session of
    /// the user ends but `keep` (the owner's own, when they change it themselves). False when
    /// there is no such user.
    async fn set_password(
        &self,
        user_id: i64,
        scope: Option<Scope>,
        password_hash: &str,
        must_change: bool,
        keep: Option<&str>,
        audit: &AuditEntry,
    ) -> StoreResult<bool>;
    /// Ends every session of a user (disabled accounts).
    async fn delete_user_sessions(&self, user_id: i64) -> StoreResult<()>;
    /// Checks that the database answers.
    async fn ping(&self) -> StoreResult<()>;
}
