//! The application: storage, clock, configuration and the login limiter, shared by every page
//! and API handler.

use crate::clock::Clock;
use crate::error::AppResult;
use crate::ports::Store;
use crate::rate_limit::RateLimiter;
use std::sync::Arc;
use time::Duration;
use wabro_domain::rules::RuleSet;

/// Settings of the application layer.
#[derive(Clone, Debug)]
pub struct Config {
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// A session ends this long after login, whatever happens.
    pub session_max: Duration,
    /// Approve at once, as the system, every request whose pre-assessment has no finding.
    pub instant_decision: bool,
    /// Verifications one client may ask for in a minute.
    pub verify_max_per_minute: usize,
    /// Sessions one person may have at once (the least recently used beyond it end).
    pub max_sessions: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            session_idle: Duration::minutes(30),
            session_max: Duration::hours(12),
            instant_decision: false,
            verify_max_per_minute: 30,
            max_sessions: 5,
        }
    }
}

/// Who an audit record names: the acting user (none for the system), the enterprise concerned,
/// and where the request came from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct By {
    pub(crate) user_id: Option<i64>,
    pub(crate) enterprise_id: Option<i64>,
    pub(crate) origin: crate::ctx::Origin,
}

impl By {
    /// An employer user, for their enterprise.
    pub(crate) fn employer(ctx: &crate::ctx::EmployerCtx) -> By {
        By {
            user_id: Some(ctx.user_id()),
            enterprise_id: Some(ctx.scope().enterprise_id()),
            origin: ctx.origin(),
        }
    }

    /// An NSSO agent, about an enterprise's data when there is one.
    pub(crate) fn agent(agent: &crate::ctx::AgentCtx, enterprise_id: Option<i64>) -> By {
        By { user_id: Some(agent.user_id()), enterprise_id, origin: agent.origin() }
    }

    /// A person acting on their own account (sessions, password).
    pub(crate) fn person(actor: &crate::ctx::Actor, origin: crate::ctx::Origin) -> By {
        By { user_id: Some(actor.user_id), enterprise_id: actor.enterprise_id, origin }
    }
}

/// A document job waiting longer than this means no worker is taking jobs.
pub const JOB_STALE: Duration = Duration::minutes(5);

/// What `/health/ready` reports.
#[derive(Clone, Debug)]
pub struct Readiness {
    /// Ready to serve: writable, and the worker keeps up.
    pub ready: bool,
    /// The database takes a write.
    pub writable: bool,
    /// How the document jobs stand.
    pub jobs: crate::ports::JobStats,
    /// How long the oldest waiting job has waited.
    pub oldest_pending_seconds: Option<i64>,
}

/// The use cases, over a store and a clock.
pub struct App {
    pub(crate) store: Arc<dyn Store>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) config: Config,
    pub(crate) verify_limiter: RateLimiter,
    pub(crate) rules: &'static RuleSet,
    pub(crate) certificates: Option<crate::documents::Certificates>,
}

impl App {
    /// An application over `store`, reading time from `clock`.
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>, config: Config) -> App {
        let verify_limiter = RateLimiter::new(config.verify_max_per_minute, Duration::minutes(1));
        App { store, clock, config, verify_limiter, rules: RuleSet::embedded(), certificates: None }
    }

    /// The clock.
    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The store (command-line imports and demo data).
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The audit record of an action by an employer user, stamped now.
    pub(crate) fn audit(
        &self,
        ctx: &crate::ctx::EmployerCtx,
        entity: &str,
        entity_id: &str,
        action: &str,
        detail: String,
    ) -> crate::ports::AuditEntry {
        self.audit_by(By::employer(ctx), entity, entity_id, action, detail)
    }

    /// The audit record of an action by anyone (an agent, a person on their own account, the
    /// system), stamped now.
    pub(crate) fn audit_by(
        &self,
        by: By,
        entity: &str,
        entity_id: &str,
        action: &str,
        detail: String,
    ) -> crate::ports::AuditEntry {
        crate::ports::AuditEntry {
            at: self.clock.now(),
            user_id: by.user_id,
            enterprise_id: by.enterprise_id,
            entity: entity.to_owned(),
            entity_id: entity_id.to_owned(),
            action: action.to_owned(),
            detail,
            origin: by.origin,
        }
    }

    /// Whether storage answers (liveness: cheap, no write).
    pub async fn health(&self) -> AppResult<()> {
        self.store.ping().await?;
        Ok(())
    }

    /// Whether the service can do its work: the database takes a write, and no document job
    /// has waited longer than [`JOB_STALE`] (the worker is running). Failed jobs are reported,
    /// not counted against readiness: `wabro jobs retry` puts them back.
    pub async fn readiness(&self) -> AppResult<Readiness> {
        let writable = self.store.probe_write().await.is_ok();
        let jobs = self.store.job_stats().await?;
        let waited = jobs.oldest_pending.map(|t| (self.clock.now() - t).whole_seconds().max(0));
        let ready = writable && waited.is_none_or(|s| s <= JOB_STALE.whole_seconds());
        Ok(Readiness { ready, writable, jobs, oldest_pending_seconds: waited })
    }
}
