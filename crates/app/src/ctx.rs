//! Who is acting. Employer operations take an [`EmployerCtx`]; its [`Scope`] is the only way
//! to ask storage for an enterprise's data, so an unscoped read does not compile.

use serde::{Deserialize, Serialize};

/// A user's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An employer's user.
    EmployerUser,
    /// An employer's access manager (manages the enterprise's users).
    AccessManager,
    /// An NSSO agent.
    Agent,
    /// An administrator.
    Admin,
}

impl Role {
    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::EmployerUser => "employer_user",
            Role::AccessManager => "access_manager",
            Role::Agent => "agent",
            Role::Admin => "admin",
        }
    }

    /// Parses a stored code.
    pub fn parse(s: &str) -> Option<Role> {
        [Role::EmployerUser, Role::AccessManager, Role::Agent, Role::Admin]
            .into_iter()
            .find(|r| r.code() == s)
    }

    /// Whether the role belongs to an enterprise.
    pub fn is_employer(self) -> bool {
        matches!(self, Role::EmployerUser | Role::AccessManager)
    }
}

/// An enterprise scope: the filter every employer-data query applies in SQL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope(i64);

impl Scope {
    /// The enterprise id to filter on.
    pub fn enterprise_id(self) -> i64 {
        self.0
    }

    /// A scope made outside an authenticated context: for storage tests and the command line
    /// (imports, demo data) only.
    pub fn unchecked(enterprise_id: i64) -> Scope {
        Scope(enterprise_id)
    }
}

/// Any authenticated user.
#[derive(Clone, Debug)]
pub struct Actor {
    /// User id.
    pub user_id: i64,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Enterprise, for employer roles.
    pub enterprise_id: Option<i64>,
}

impl Actor {
    /// The NSSO agent context, for agents and administrators.
    pub fn agent(&self) -> Option<AgentCtx> {
        matches!(self.role, Role::Agent | Role::Admin).then_some(AgentCtx { user_id: self.user_id })
    }

    /// The employer context, when the user belongs to an enterprise.
    pub fn employer(&self) -> Option<EmployerCtx> {
        match (self.role.is_employer(), self.enterprise_id) {
            (true, Some(e)) => Some(EmployerCtx { user_id: self.user_id, scope: Scope(e), role: self.role }),
            _ => None,
        }
    }
}

/// An authenticated employer user acting for one enterprise.
#[derive(Clone, Copy, Debug)]
pub struct EmployerCtx {
    user_id: i64,
    scope: Scope,
    role: Role,
}

impl EmployerCtx {
    /// The acting user.
    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    /// The enterprise scope.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// Whether the user manages the enterprise's users.
    pub fn is_access_manager(&self) -> bool {
        self.role == Role::AccessManager
    }

    /// A context for tests of code that takes one.
    pub fn for_tests(user_id: i64, enterprise_id: i64) -> Self {
        EmployerCtx { user_id, scope: Scope(enterprise_id), role: Role::EmployerUser }
    }
}

/// An authenticated NSSO agent: may read every enterprise's requests.
#[derive(Clone, Copy, Debug)]
pub struct AgentCtx {
    user_id: i64,
}

impl AgentCtx {
    /// The acting agent.
    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    /// The scope of the whole NSSO.
    pub fn scope(&self) -> SearchScope {
        SearchScope::Nsso
    }

    /// An agent may read any enterprise's data for the request it examines.
    pub fn enterprise(&self, enterprise_id: i64) -> Scope {
        Scope(enterprise_id)
    }

    /// A context for tests and benchmarks.
    pub fn for_tests(user_id: i64) -> Self {
        AgentCtx { user_id }
    }
}

/// Whose requests a search reads: one enterprise's, or (for the NSSO) all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchScope {
    /// One enterprise.
    Enterprise(Scope),
    /// Every enterprise (NSSO agents only: made from an [`AgentCtx`]).
    Nsso,
}
