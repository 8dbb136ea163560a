//! Submitting a draft as a request (once, whatever the clicks), the confirmation, and reuse.

use crate::app::App;
use crate::ctx::EmployerCtx;
use crate::error::{AppError, AppResult};
use crate::ports::{NewRequest, RequestRecord, SubmitOutcome};
use crate::steps::Step;
use wabro_domain::input::{DestinationInput, EmployeeInput, PeriodInput, RequestInput};
use wabro_domain::{Code, Issue, Request, RequestDetails, RequestKind, search_key, validate};

/// The result of a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submitted {
    /// The transaction number.
    pub transaction_number: String,
    /// False when the draft had been submitted before (a double click, a refresh).
    pub created: bool,
}

/// The confirmation page's content.
#[derive(Clone, Debug)]
pub struct Confirmation {
    /// The stored request.
    pub record: RequestRecord,
    /// The typed request.
    pub request: Request,
    /// Approved at once (instant decision): the certificate is on its way.
    pub approved: bool,
}

/// The three ways to reuse a saved posting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReuseMode {
    /// Another employee, same destination, period and conditions.
    OtherEmployee,
    /// Same employee, another destination and period, same conditions.
    OtherDestination,
    /// Same employee, destination and conditions, another period.
    OtherPeriod,
}

impl ReuseMode {
    /// Parses the form value.
    pub fn parse(s: &str) -> Option<ReuseMode> {
        match s {
            "other_employee" => Some(ReuseMode::OtherEmployee),
            "other_destination" => Some(ReuseMode::OtherDestination),
            "other_period" => Some(ReuseMode::OtherPeriod),
            _ => None,
        }
    }

    /// The step the new draft opens at.
    pub fn first_step(self, kind: RequestKind) -> Step {
        match (self, kind) {
            (ReuseMode::OtherEmployee, _) => Step::Employee,
            (ReuseMode::OtherDestination, RequestKind::Seafarer) => Step::Ship,
            (ReuseMode::OtherDestination, RequestKind::SimultaneousOccupation) => Step::Countries,
            (ReuseMode::OtherDestination, RequestKind::Posting) => Step::Destination,
            (ReuseMode::OtherPeriod, _) => Step::Period,
        }
    }
}

impl App {
    /// Validates, assesses and stores a draft as a request in one transaction. A draft already
    /// submitted returns its transaction number again instead of a second request.
    pub async fn submit(&self, ctx: &EmployerCtx, draft_id: &str) -> AppResult<Submitted> {
        let mut draft = self.draft(ctx, draft_id).await?;
        if let Some(tx) = draft.submitted_request {
            return Ok(Submitted { transaction_number: tx, created: false });
        }
        self.fix_extension_start(ctx, &mut draft).await?;
        let now = self.clock.now();
        let valid = validate(&draft.input, now.date()).map_err(AppError::Invalid)?;
        let ssin = valid.request.employee.ssin.as_str().to_owned();
        if self.store.worker(ctx.scope(), &ssin).await?.is_none() {
            return Err(AppError::Invalid(vec![Issue::error(Code::EmployeeNotSelected, "employee.ssin")]));
        }
        let (assessment, _) = self.assess_for(ctx, &valid, &ssin).await?;
        // A Dimona gap, an entry into service after the start, or an overlap with an approved
        // request: the employer puts it right before the request is saved.
        let unsaveable: Vec<Issue> = assessment
            .blocking_saving()
            .map(|f| Issue {
                code: f.code,
                path: "assessment".into(),
                severity: wabro_domain::Severity::Error,
                params: f.params.clone(),
            })
            .collect();
        if !unsaveable.is_empty() {
            return Err(AppError::Invalid(unsaveable));
        }
        let r = &valid.request;
        let (country, territory) = match &r.details {
            RequestDetails::Posting(p) => (p.destination.country, p.destination.territory.map(|t| t.code())),
            RequestDetails::Seafarer(s) => (s.ship.flag, None),
            RequestDetails::SimultaneousOccupation(s) => (
                s.countries
                    .iter()
                    .copied()
                    .find(|c| *c != wabro_domain::Country::BE)
                    .unwrap_or(s.countries[0]),
                None,
            ),
        };
        let worker_name = format!("{} {}", r.employee.family_name, r.employee.given_name);
        let mut new = NewRequest {
            draft_id: draft.id.clone(),
            extends: draft.extends.clone(),
            kind: r.kind(),
            ssin,
            worker_key: search_key(&worker_name),
            worker_name,
            country: country.code().to_owned(),
            territory: territory.map(str::to_owned),
            countries: r.countries().iter().map(|c| c.code()).collect::<Vec<_>>().join(","),
            start: r.period.start,
            end: r.period.end,
            request_json: to_json(r),
            input_json: to_json(&draft.input),
            assessment_json: to_json(&assessment),
            blocking: assessment.is_blocking(),
            findings: assessment.findings.len() as i64 + i64::from(assessment.manual_review),
            user_id: ctx.user_id(),
            at: now,
            instant: None,
        };
        let audit = self.audit(
            ctx,
            "request",
            "",
            "submitted",
            serde_json::json!({
                "draft": draft.id,
                "kind": r.kind().code(),
                "confirmed": valid.warnings,
            })
            .to_string(),
        );
        let instant = if self.config.instant_decision && assessment.is_clean() {
            let admitted = assessment.default_admitted(r.period).unwrap_or(r.period);
            Some(self.instant_approval(ctx, r.period, admitted, now).await?)
        } else {
            None
        };
        let approved_at_once = instant.is_some();
        new.instant = instant;
        let outcome = self.store.submit(ctx.scope(), &new, &audit).await?;
        Ok(match outcome {
            SubmitOutcome::Created(tx) => {
                tracing::info!(transaction = %tx, approved_at_once, "request submitted");
                Submitted { transaction_number: tx, created: true }
            }
            SubmitOutcome::AlreadySubmitted(tx) => Submitted { transaction_number: tx, created: false },
        })
    }

    /// The system's approval of a clean request, to be stored with the request itself.
    async fn instant_approval(
        &self,
        ctx: &EmployerCtx,
        requested: wabro_domain::Period,
        admitted: wabro_domain::Period,
        now: time::OffsetDateTime,
    ) -> AppResult<(crate::ports::DecisionRecord, crate::ports::AuditEntry)> {
        use wabro_domain::{Lifecycle, OutputChannel};
        let enterprise = self.store.enterprise(ctx.scope()).await?.ok_or(AppError::NotFound)?;
        let channel = if enterprise.ebox_active { OutputChannel::EBox } else { OutputChannel::Paper };
        let (next, _) = Lifecycle::new().approve(requested, admitted, channel).map_err(AppError::Conflict)?;
        let decision = next.decision.ok_or(AppError::NotFound)?;
        // The transaction number and its version 1 are the new request's, given when stored.
        let record = crate::search::decision_record("", 1, &decision, channel, now)?;
        // By the system (no user), for the enterprise.
        let by = crate::app::By { user_id: None, ..crate::app::By::employer(ctx) };
        let audit = self.audit_by(by, "request", "", "approved", record.decision_json.clone());
        Ok((record, audit))
    }

    /// A request of the caller's enterprise with its typed content.
    pub async fn confirmation(&self, ctx: &EmployerCtx, tx: &str) -> AppResult<Confirmation> {
        let record = self.store.request(ctx.scope(), tx).await?.ok_or(AppError::NotFound)?;
        let request = record.request()?;
        let approved = matches!(
            crate::search::lifecycle(&record).decision,
            Some(wabro_domain::Decision::Approved { .. })
        );
        Ok(Confirmation { record, request, approved })
    }

    /// The enterprise's most recent requests (to start a new one from).
    pub async fn recent_requests(&self, ctx: &EmployerCtx, limit: u32) -> AppResult<Vec<RequestRecord>> {
        Ok(self.store.recent_requests(ctx.scope(), limit).await?)
    }

    /// A new draft pre-filled from a saved request; returns its id and the number of the step
    /// to open.
    pub async fn reuse(&self, ctx: &EmployerCtx, tx: &str, mode: ReuseMode) -> AppResult<(String, u8)> {
        let record = self.store.request(ctx.scope(), tx).await?.ok_or(AppError::NotFound)?;
        let mut input: RequestInput = record.input;
        match mode {
            ReuseMode::OtherEmployee => {
                input.employee = EmployeeInput::default();
                input.entry_into_service = None;
                input.recruitment_date = None;
            }
            ReuseMode::OtherDestination => {
                input.destination = DestinationInput::default();
                input.ship = Default::default();
                input.countries.clear();
                input.places.clear();
                input.period = PeriodInput::default();
                input.mission = None;
            }
            ReuseMode::OtherPeriod => input.period = PeriodInput::default(),
        }
        let id = self.create_draft(ctx, record.kind, input, Some(format!("reuse:{tx}")), None).await?;
        Ok((id, mode.first_step(record.kind).number(record.kind)))
    }
}

/// A value of ours as JSON (these types always serialise).
fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| panic!("serialisable value failed: {e}"))
}
