//! Consulting, searching and cancelling requests.

use crate::app::App;
use crate::ctx::{AgentCtx, EmployerCtx, SearchScope};
use crate::error::{AppError, AppResult};
use crate::ports::{
    AgentRequest, Cancellation, Criteria, DecisionRecord, HistoryEntry, RequestRecord, RequestRow, SortKey,
};
use serde::{Deserialize, Serialize};
use time::Date;
use wabro_domain::{
    Code, Country, Decision, Issue, Lifecycle, OutputChannel, Period, Request, RequestKind, Ssin, Status,
    Territory, parse_date, search_key,
};

/// Rows per page.
pub const PAGE_SIZE: u32 = 10;

/// Search criteria as they come from the URL (every field optional, all text).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// Transaction number.
    pub number: Option<String>,
    /// Kind code.
    pub kind: Option<String>,
    /// SSIN, any separators.
    pub ssin: Option<String>,
    /// Part of the worker's name.
    pub name: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Territory code.
    pub territory: Option<String>,
    /// Requested period from.
    pub requested_from: Option<String>,
    /// Requested period to.
    pub requested_to: Option<String>,
    /// Admitted period from.
    pub admitted_from: Option<String>,
    /// Admitted period to.
    pub admitted_to: Option<String>,
    /// Abroad on or after this day (the period, admitted or else requested, overlaps).
    pub abroad_from: Option<String>,
    /// Abroad on or before this day.
    pub abroad_to: Option<String>,
    /// Status code.
    pub status: Option<String>,
    /// Decision code.
    pub decision: Option<String>,
    /// Sort key code.
    pub sort: Option<String>,
    /// `asc` or `desc`.
    pub dir: Option<String>,
    /// 1-based page.
    pub page: Option<String>,
    /// The interface language (never from the URL): countries sort by their name in it.
    #[serde(skip)]
    pub lang: wabro_domain::Lang,
}

/// A page of results.
#[derive(Clone, Debug)]
pub struct SearchPage {
    /// The rows.
    pub rows: Vec<RequestRow>,
    /// How many match in all.
    pub total: u64,
    /// This page (1-based).
    pub page: u32,
    /// Number of pages.
    pub pages: u32,
}

/// Everything the detail page shows.
#[derive(Clone, Debug)]
pub struct Detail {
    /// The stored request.
    pub record: RequestRecord,
    /// Its typed content.
    pub request: Request,
    /// Where it stands.
    pub lifecycle: Lifecycle,
    /// Who did what when.
    pub history: Vec<HistoryEntry>,
    /// Whether it can be cancelled today.
    pub cancellable: bool,
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Validates the criteria; every problem at once, each on its field.
pub fn criteria(q: &SearchQuery) -> Result<Criteria, Vec<Issue>> {
    let mut issues = Vec::new();
    let mut c = Criteria { limit: PAGE_SIZE, ..Criteria::default() };
    c.number = text(&q.number).map(|s| s.to_uppercase());
    if let Some(k) = text(&q.kind) {
        c.kind = RequestKind::parse(k);
        if c.kind.is_none() {
            issues.push(Issue::error(Code::KindUnknown, "kind"));
        }
    }
    if let Some(s) = text(&q.ssin) {
        match Ssin::parse_structure(s) {
            Ok(ssin) => c.ssin = Some(ssin.as_str().to_owned()),
            Err(code) => issues.push(Issue::error(code, "ssin")),
        }
    }
    if let Some(n) = text(&q.name) {
        let key = search_key(n);
        if key.is_empty() {
            issues.push(Issue::error(Code::SearchTooShort, "name"));
        } else {
            c.name_key = Some(key);
        }
    }
    if let Some(s) = text(&q.country) {
        match Country::parse(s) {
            Ok(country) => c.country = Some(country.code().to_owned()),
            Err(code) => issues.push(Issue::error(code, "country")),
        }
    }
    if let Some(s) = text(&q.territory) {
        match Territory::parse(s) {
            Ok(t) => c.territory = Some(t.code().to_owned()),
            Err(code) => issues.push(Issue::error(code, "territory")),
        }
    }
    let mut date = |v: &Option<String>, field: &str| -> Option<Date> {
        let s = text(v)?;
        let d = parse_date(s);
        if d.is_none() {
            issues.push(Issue::error(Code::DateInvalid, field));
        }
        d
    };
    c.requested_from = date(&q.requested_from, "requested_from");
    c.requested_to = date(&q.requested_to, "requested_to");
    c.admitted_from = date(&q.admitted_from, "admitted_from");
    c.admitted_to = date(&q.admitted_to, "admitted_to");
    c.abroad_from = date(&q.abroad_from, "abroad_from");
    c.abroad_to = date(&q.abroad_to, "abroad_to");
    for (from, to, field) in [
        (c.requested_from, c.requested_to, "requested_to"),
        (c.admitted_from, c.admitted_to, "admitted_to"),
        (c.abroad_from, c.abroad_to, "abroad_to"),
    ] {
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            issues.push(Issue::error(Code::PeriodEndBeforeStart, field));
        }
    }
    if let Some(s) = text(&q.status) {
        if ["in_progress", "cancelled", "closed"].contains(&s) {
            c.status = Some(s.to_owned());
        } else {
            issues.push(Issue::error(Code::FieldRequired, "status"));
        }
    }
    if let Some(s) = text(&q.decision) {
        if ["approved", "rejected"].contains(&s) {
            c.decision = Some(s.to_owned());
        } else {
            issues.push(Issue::error(Code::FieldRequired, "decision"));
        }
    }
    c.sort = text(&q.sort).and_then(SortKey::parse);
    if c.sort == Some(SortKey::Country) {
        c.country_order = wabro_i18n::Tr::new(q.lang).countries_by_name().iter().map(|c| c.code()).collect();
    }
    c.descending = match text(&q.dir) {
        Some("asc") => false,
        Some(_) => true,
        None => c.sort.is_none() || c.sort == Some(SortKey::Number),
    };
    let page = text(&q.page).and_then(|p| p.parse::<u32>().ok()).unwrap_or(1).clamp(1, 100_000);
    c.offset = (page - 1) * PAGE_SIZE;
    if issues.is_empty() { Ok(c) } else { Err(issues) }
}

/// A decision as the store keeps it (its kind, admitted period and channel as columns), for the
/// request at `expected_version`.
pub(crate) fn decision_record(
    transaction_number: &str,
    expected_version: i64,
    decision: &Decision,
    channel: OutputChannel,
    at: time::OffsetDateTime,
) -> AppResult<DecisionRecord> {
    let (kind, admitted) = match decision {
        Decision::Approved { admitted, .. } => ("approved", Some((admitted.start, admitted.end))),
        Decision::Rejected { .. } => ("rejected", None),
    };
    Ok(DecisionRecord {
        transaction_number: transaction_number.to_owned(),
        expected_version,
        kind: kind.to_owned(),
        decision_json: serde_json::to_string(decision)
            .map_err(|e| crate::ports::StoreError::Corrupt(e.to_string()))?,
        admitted,
        channel: if channel == OutputChannel::EBox { "e_box" } else { "paper" }.to_owned(),
        at,
    })
}

/// The lifecycle of a stored request.
pub fn lifecycle(r: &RequestRecord) -> Lifecycle {
    let status = match r.status.as_str() {
        "cancelled" => Status::Cancelled,
        "closed" => Status::Closed,
        _ => Status::InProgress,
    };
    let decision: Option<Decision> = r.decision_json.as_deref().and_then(|j| serde_json::from_str(j).ok());
    Lifecycle { status, decision, cancellation: r.cancel_reason.clone() }
}

impl App {
    async fn run_search(&self, scope: SearchScope, mut c: Criteria) -> AppResult<SearchPage> {
        let page = c.offset / PAGE_SIZE + 1;
        c.limit = PAGE_SIZE;
        let (rows, total) = self.store.search_requests(scope, &c).await?;
        let pages = (total.div_ceil(u64::from(PAGE_SIZE)).max(1)) as u32;
        Ok(SearchPage { rows, total, page, pages })
    }

    /// Searches the enterprise's requests (default: the most recent first).
    pub async fn search_requests(&self, ctx: &EmployerCtx, q: &SearchQuery) -> AppResult<SearchPage> {
        let c = criteria(q).map_err(AppError::Invalid)?;
        self.run_search(SearchScope::Enterprise(ctx.scope()), c).await
    }

    /// Searches the enterprise's requests that can still be cancelled today.
    pub async fn search_cancellable(&self, ctx: &EmployerCtx, q: &SearchQuery) -> AppResult<SearchPage> {
        let mut c = criteria(q).map_err(AppError::Invalid)?;
        c.cancellable_on = Some(self.clock.today());
        self.run_search(SearchScope::Enterprise(ctx.scope()), c).await
    }

    /// Searches every enterprise's requests (NSSO agents).
    pub async fn search_all_requests(&self, agent: &AgentCtx, q: &SearchQuery) -> AppResult<SearchPage> {
        let c = criteria(q).map_err(AppError::Invalid)?;
        self.run_search(agent.scope(), c).await
    }

    /// A request of the enterprise with its history.
    pub async fn request_detail(&self, ctx: &EmployerCtx, tx: &str) -> AppResult<Detail> {
        let record = self.store.request(ctx.scope(), tx).await?.ok_or(AppError::NotFound)?;
        let request = record.request()?;
        let history = self.store.history(ctx.scope(), tx).await?;
        let lifecycle = lifecycle(&record);
        let cancellable = lifecycle.can_cancel(self.clock.today());
        Ok(Detail { record, request, lifecycle, history, cancellable })
    }

    /// Cancels a request with a justification. Refused with a code when the lifecycle does not
    /// allow it; when the request changed meanwhile (an agent decided, another cancel won), the
    /// state is read again and the refusal names what happened.
    pub async fn cancel_request(&self, ctx: &EmployerCtx, tx: &str, justification: &str) -> AppResult<()> {
        for _ in 0..3 {
            let record = self.store.request(ctx.scope(), tx).await?.ok_or(AppError::NotFound)?;
            let today = self.clock.today();
            let (next, effect) =
                lifecycle(&record).cancel(justification, today).map_err(|code| match code {
                    Code::LifecycleJustificationRequired => {
                        AppError::Invalid(vec![Issue::error(code, "justification")])
                    }
                    Code::FieldTooLong => AppError::Invalid(vec![
                        Issue::error(code, "justification").with("max", wabro_domain::limits::LONG),
                    ]),
                    other => AppError::Conflict(other),
                })?;
            let now = self.clock.now();
            let c = Cancellation {
                transaction_number: tx.to_owned(),
                expected_version: record.version,
                reason: next.cancellation.clone().unwrap_or_default(),
                user_id: ctx.user_id(),
                at: now,
            };
            let detail = serde_json::json!({
                "justification": c.reason,
                "withdraws_certificate": effect == wabro_domain::Effect::WithdrawCertificate,
            });
            let audit = self.audit(ctx, "request", tx, "cancelled", detail.to_string());
            if self.store.cancel_request(ctx.scope(), &c, &audit).await? {
                tracing::info!(transaction = %tx, "request cancelled");
                return Ok(());
            }
        }
        Err(AppError::Conflict(Code::LifecycleNotInProgress))
    }
}

/// What an agent decides.
#[derive(Clone, Debug)]
pub enum DecisionInput {
    /// Approve for this admitted period (inside the requested one).
    Approve {
        /// The admitted period.
        admitted: Period,
    },
    /// Reject with a reason code and an explanation.
    Reject {
        /// Reason code.
        reason_code: String,
        /// Explanation.
        reason: String,
    },
}

impl App {
    /// An agent's decision. The output channel is the e-Box when the employer activated it,
    /// else paper. A decision that races another decision or a cancellation is refused with
    /// the code of what happened first.
    pub async fn decide(&self, agent: &AgentCtx, tx: &str, input: DecisionInput) -> AppResult<()> {
        self.decide_as(Some(agent.user_id()), agent.origin(), tx, input).await
    }

    /// A decision by an agent (`Some(user)`) or by the system (`None`, instant decisions).
    pub(crate) async fn decide_as(
        &self,
        user: Option<i64>,
        origin: crate::ctx::Origin,
        tx: &str,
        input: DecisionInput,
    ) -> AppResult<()> {
        let r = self.store.request_for_agent(SearchScope::Nsso, tx).await?.ok_or(AppError::NotFound)?;
        self.decide_request(user, origin, r, input).await
    }

    /// Refuses an approval whose admitted period overlaps an approved request of the same
    /// worker for a State in common.
    async fn refuse_overlap(&self, r: &AgentRequest, admitted: Period) -> AppResult<()> {
        let scope = crate::ctx::Scope::unchecked(r.enterprise.id);
        let tx = r.record.transaction_number.as_str();
        let prior: Vec<_> = self
            .store
            .prior_requests(scope, &r.record.ssin)
            .await?
            .into_iter()
            .filter(|p| p.reference != tx)
            .collect();
        let countries = r.record.request()?.countries();
        match wabro_domain::rules::approved_overlap(&countries, admitted, &prior) {
            Some(p) => Err(AppError::Invalid(vec![
                Issue::error(Code::RequestOverlapsApproved, "start").with("reference", &p.reference).with(
                    "country",
                    p.states().iter().find(|c| countries.contains(c)).copied().unwrap_or(p.country),
                ),
            ])),
            None => Ok(()),
        }
    }

    /// A decision on a request already read (as the NSSO sees it).
    pub(crate) async fn decide_request(
        &self,
        user: Option<i64>,
        origin: crate::ctx::Origin,
        r: AgentRequest,
        input: DecisionInput,
    ) -> AppResult<()> {
        let tx = r.record.transaction_number.as_str();
        if let DecisionInput::Approve { admitted } = &input {
            self.refuse_overlap(&r, *admitted).await?;
        }
        let channel = if r.enterprise.ebox_active { OutputChannel::EBox } else { OutputChannel::Paper };
        let requested = Period::new(r.record.start, r.record.end).ok_or(AppError::NotFound)?;
        let current = lifecycle(&r.record);
        let next = match &input {
            DecisionInput::Approve { admitted } => current.approve(requested, *admitted, channel),
            DecisionInput::Reject { reason_code, reason } => current.reject(reason_code, reason, channel),
        };
        let (next, _effect) = next.map_err(|code| match code {
            // The agent's input, not the request's state.
            Code::LifecycleReasonRequired => AppError::Invalid(vec![Issue::error(code, "reason")]),
            Code::FieldTooLong => {
                AppError::Invalid(vec![Issue::error(code, "reason").with("max", wabro_domain::limits::LONG)])
            }
            Code::LifecycleAdmittedOutsideRequested => AppError::Invalid(vec![Issue::error(code, "end")]),
            _ => AppError::Conflict(code),
        })?;
        let decision = next.decision.clone().ok_or(AppError::NotFound)?;
        let d = decision_record(tx, r.record.version, &decision, channel, self.clock.now())?;
        let by = crate::app::By { user_id: user, enterprise_id: Some(r.enterprise.id), origin };
        let audit = self.audit_by(by, "request", tx, &d.kind, d.decision_json.clone());
        if self.store.record_decision(&d, &audit).await? {
            return Ok(());
        }
        // Another approval for the same State may have landed meanwhile.
        if let DecisionInput::Approve { admitted } = &input {
            self.refuse_overlap(&r, *admitted).await?;
        }
        // Someone else changed the request meanwhile: say what it became.
        let now_state =
            self.store.request_for_agent(SearchScope::Nsso, tx).await?.ok_or(AppError::NotFound)?;
        Err(AppError::Conflict(
            lifecycle(&now_state.record).undecided().err().unwrap_or(Code::LifecycleNotInProgress),
        ))
    }
}
