//! The NSSO back office: the queue, a request as an agent examines it, approve and reject.

use crate::app::App;
use crate::ctx::AgentCtx;
use crate::error::{AppError, AppResult};
use crate::ports::{AgentRequest, QueueFilter, QueuePage, RequestRecord, RequestRow};
use crate::search::{DecisionInput, SearchQuery};
use serde::{Deserialize, Serialize};
use time::Duration;
use wabro_domain::rules::{Assessment, DimonaPeriod, Facts, assess};
use wabro_domain::{Code, Country, EnterpriseNumber, Issue, Period, Request, RequestKind};

/// Queue filters as they come from the URL.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    /// Kind code.
    pub kind: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Enterprise number.
    pub enterprise: Option<String>,
    /// Filed at least this many days ago.
    pub min_age_days: Option<String>,
    /// `yes` or `no`.
    pub blocking: Option<String>,
    /// 1-based page.
    pub page: Option<String>,
}

/// Rows per page of the queue.
pub const QUEUE_PAGE: u32 = 25;

/// The largest "filed at least this many days ago" the queue accepts (ten years).
const MAX_AGE_DAYS: i64 = 3650;

/// Everything an agent sees of one request.
#[derive(Clone, Debug)]
pub struct AgentView {
    /// The stored request.
    pub record: RequestRecord,
    /// Its typed content.
    pub request: Request,
    /// The pre-assessment, computed now.
    pub assessment: Assessment,
    /// The worker's Dimona periods with the employer.
    pub dimona: Vec<DimonaPeriod>,
    /// The worker's other requests, every employer.
    pub earlier: Vec<RequestRow>,
    /// The employer's name.
    pub enterprise: String,
    /// Whether the employer's e-Box is active.
    pub ebox_active: bool,
    /// The admitted period offered by default.
    pub default_admitted: Option<Period>,
    /// Warnings the employer saw and confirmed (an IMO number whose check digit fails).
    pub confirmed: Vec<wabro_domain::Issue>,
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl App {
    /// The queue of requests in progress, oldest first, with counts.
    pub async fn queue(&self, agent: &AgentCtx, q: &QueueQuery) -> AppResult<(QueuePage, u32)> {
        let mut issues = Vec::new();
        let mut f = QueueFilter { limit: QUEUE_PAGE, ..Default::default() };
        if let Some(k) = text(&q.kind) {
            f.kind = RequestKind::parse(k);
        }
        if let Some(c) = text(&q.country) {
            match Country::parse(c) {
                Ok(c) => f.country = Some(c.code().to_owned()),
                Err(code) => issues.push(Issue::error(code, "country")),
            }
        }
        if let Some(e) = text(&q.enterprise) {
            match EnterpriseNumber::parse(e) {
                Ok(n) => f.enterprise_number = Some(n.as_str().to_owned()),
                Err(code) => issues.push(Issue::error(code, "enterprise")),
            }
        }
        if let Some(days) = text(&q.min_age_days) {
            match days.parse::<i64>().ok().filter(|d| (0..=MAX_AGE_DAYS).contains(d)) {
                Some(days) => f.filed_before = Some(self.clock.now() - Duration::days(days)),
                None => issues.push(
                    Issue::error(Code::NumberRange, "min_age_days").with("min", 0).with("max", MAX_AGE_DAYS),
                ),
            }
        }
        f.blocking = match text(&q.blocking) {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => None,
        };
        if !issues.is_empty() {
            return Err(AppError::Invalid(issues));
        }
        let page = text(&q.page).and_then(|p| p.parse::<u32>().ok()).unwrap_or(1).clamp(1, 100_000);
        f.offset = (page - 1) * QUEUE_PAGE;
        Ok((self.store.queue(agent.scope(), &f).await?, page))
    }

    /// A request with its pre-assessment computed now, and the Dimona periods it rests on.
    async fn assessed(
        &self,
        agent: &AgentCtx,
        tx: &str,
    ) -> AppResult<(AgentRequest, Request, Assessment, Vec<DimonaPeriod>)> {
        let r = self.store.request_for_agent(agent.scope(), tx).await?.ok_or(AppError::NotFound)?;
        let request = r.record.request()?;
        let scope = agent.enterprise(r.enterprise.id);
        let ssin = request.employee.ssin.as_str();
        let dimona = self.store.dimona(scope, ssin).await?;
        let prior: Vec<_> =
            self.store.prior_requests(scope, ssin).await?.into_iter().filter(|p| p.reference != tx).collect();
        let facts = Facts { dimona: &dimona, prior: &prior, today: self.clock.today() };
        let assessment = assess(&request, &facts, self.rules);
        Ok((r, request, assessment, dimona))
    }

    /// A request as the agent examines it: the pre-assessment computed now, the Dimona periods,
    /// the worker's earlier requests.
    pub async fn agent_view(&self, agent: &AgentCtx, tx: &str) -> AppResult<AgentView> {
        let (r, request, assessment, dimona) = self.assessed(agent, tx).await?;
        let ssin = request.employee.ssin.as_str().to_owned();
        let q = SearchQuery { ssin: Some(ssin), ..Default::default() };
        let earlier = self
            .search_all_requests(agent, &q)
            .await?
            .rows
            .into_iter()
            .filter(|row| row.transaction_number != tx)
            .collect();
        let default_admitted = assessment.default_admitted(request.period);
        // The agent reads the worker's personal data: that is audited.
        let opened = self.audit_by(
            crate::app::By::agent(agent, Some(r.enterprise.id)),
            "request",
            tx,
            "opened",
            "{}".into(),
        );
        self.store.record(&opened).await?;
        // The confirmations are in the input (`imo_confirmed`); validation names them again.
        let confirmed = wabro_domain::validate(&r.record.input, r.record.created_at.date())
            .map(|valid| valid.warnings)
            .unwrap_or_default();
        Ok(AgentView {
            confirmed,
            record: r.record,
            request,
            assessment,
            dimona,
            earlier,
            ebox_active: r.enterprise.ebox_active,
            enterprise: r.enterprise.name,
            default_admitted,
        })
    }

    /// Approves for an admitted period inside the requested one and not past the instrument's
    /// maximum (it may be shortened, never extended).
    pub async fn approve(&self, agent: &AgentCtx, tx: &str, admitted: Period) -> AppResult<()> {
        let (r, _, assessment, _) = self.assessed(agent, tx).await?;
        if let Some(max) = assessment.max_end_date
            && admitted.end > max
        {
            return Err(AppError::Invalid(vec![
                Issue::error(Code::PeriodExceedsMax, "end").with("max_end_date", max),
            ]));
        }
        self.decide_request(Some(agent.user_id()), agent.origin(), r, DecisionInput::Approve { admitted })
            .await
    }
}
