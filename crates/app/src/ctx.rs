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

/// Where a request came from: the client's address and the request's id (in its log line and
/// on its error page). Every audit record carries both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The client's address, when known.
    pub client: Option<std::net::IpAddr>,
    /// The request's id (0 outside a request: the command line, the worker).
    pub request_id: u64,
}

impl Origin {
    /// The request id as it is printed: sixteen hex digits, or empty outside a request.
    pub fn request_id_text(&self) -> String {
        if self.request_id == 0 { String::new() } else { format!("{:016x}", self.request_id) }
    }

    /// The client's address as text, or empty.
    pub fn client_text(&self) -> String {
        self.client.map(|c| c.to_string()).unwrap_or_default()
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
    /// Their password was set by someone else: they change it before anything else.
    pub must_change_password: bool,
}

impl Actor {
    /// The NSSO agent context, for agents and administrators.
    pub fn agent(&self) -> Option<AgentCtx> {
        matches!(self.role, Role::Agent | Role::Admin).then_some(AgentCtx {
            user_id: self.user_id,
            admin: self.role == Role::Admin,
            origin: Origin::default(),
        })
    }

    /// The employer context, when the user belongs to an enterprise.
    pub fn employer(&self) -> Option<EmployerCtx> {
        match (self.role.is_employer(), self.enterprise_id) {
            (true, Some(e)) => Some(EmployerCtx {
                user_id: self.user_id,
                scope: Scope(e),
                role: self.role,
                origin: Origin::default(),
            }),
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
    origin: Origin,
}

impl EmployerCtx {
    /// The same context for a request from `origin`.
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// Where the request came from.
    pub fn origin(&self) -> Origin {
        self.origin
    }

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
        EmployerCtx {
            user_id,
            scope: Scope(enterprise_id),
            role: Role::EmployerUser,
            origin: Origin::default(),
        }
    }
}

/// An authenticated NSSO agent: may read every enterprise's requests.
#[derive(Clone, Copy, Debug)]
pub struct AgentCtx {
    user_id: i64,
    admin: bool,
    origin: Origin,
}

impl AgentCtx {
    /// The same context for a request from `origin`.
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// Where the request came from.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// Whether the user is an administrator (who may read the audit trail).
    pub fn is_admin(&self) -> bool {
        self.admin
    }

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
        AgentCtx { user_id, admin: false, origin: Origin::default() }
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
