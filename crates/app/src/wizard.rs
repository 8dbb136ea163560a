//! The request wizard over drafts: create, save a step, pick the employee, summarise.
//! A draft is stored after every step, so a restart, a second tab or a logout loses nothing.

use crate::app::App;
use crate::ctx::EmployerCtx;
use crate::error::{AppError, AppResult};
use crate::ports::DraftRecord;
use crate::steps::Step;
use wabro_domain::Code;
use wabro_domain::input::{AddressInput, EmployeeInput, RequestInput};
use wabro_domain::rules::{Assessment, DimonaPeriod, Facts, assess};
use wabro_domain::{Issue, Lang, RequestKind, Validated, validate};

/// A draft with the issues of one step.
#[derive(Clone, Debug)]
pub struct DraftView {
    /// The draft.
    pub draft: DraftRecord,
    /// Issues of the step shown.
    pub issues: Vec<Issue>,
    /// The page's answers were not saved: the draft had been saved meanwhile (another tab).
    /// These are the step's fields where that save and these answers differ.
    pub changed_elsewhere: Vec<Difference>,
}

/// One answer another tab saved differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The field path (`period.start`, `places[0].name`).
    pub path: String,
    /// What the other tab saved.
    pub saved: String,
    /// What this page sent.
    pub yours: String,
}

/// The leaves of a JSON tree, by field path.
fn leaves(prefix: &str, value: &serde_json::Value, out: &mut std::collections::BTreeMap<String, String>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                leaves(&path, v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(&format!("{prefix}[{i}]"), v, out);
            }
        }
        Value::Null => {}
        Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}

/// The fields of `step` where two inputs differ.
fn differences(kind: RequestKind, step: Step, saved: &RequestInput, yours: &RequestInput) -> Vec<Difference> {
    let (mut a, mut b) = (Default::default(), Default::default());
    leaves("", &serde_json::to_value(saved).unwrap_or_default(), &mut a);
    leaves("", &serde_json::to_value(yours).unwrap_or_default(), &mut b);
    let paths: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    paths
        .into_iter()
        .filter(|p| step.owns(kind, p))
        .filter_map(|p| {
            let (s, y) = (a.get(p).cloned().unwrap_or_default(), b.get(p).cloned().unwrap_or_default());
            (s != y).then(|| Difference { path: p.clone(), saved: s, yours: y })
        })
        .collect()
}

/// Everything the summary page shows.
#[derive(Clone, Debug)]
pub struct Summary {
    /// The draft.
    pub draft: DraftRecord,
    /// The validated request and its pre-assessment, or every issue still open.
    pub outcome: Result<(Validated, Assessment), Vec<Issue>>,
    /// The employee's Dimona periods with the enterprise.
    pub dimona: Vec<DimonaPeriod>,
}

/// A random draft id.
fn draft_id() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The Dimona period in force on `day` (the requested start, or `today`): for a worker hired
/// again, the employment the posting falls in, not the latest one. Without one in force, the
/// latest that began before that day, else the earliest.
fn dimona_in_force<'a>(
    dimona: &'a [DimonaPeriod],
    start: Option<&str>,
    today: time::Date,
) -> Option<&'a DimonaPeriod> {
    let day = start.and_then(wabro_domain::parse_date).unwrap_or(today);
    let began = |d: &&DimonaPeriod| d.start <= day;
    dimona
        .iter()
        .filter(began)
        .filter(|d| d.end.is_none_or(|end| end >= day))
        .max_by_key(|d| d.start)
        .or_else(|| dimona.iter().filter(began).max_by_key(|d| d.start))
        .or_else(|| dimona.iter().min_by_key(|d| d.start))
}

/// Unsubmitted drafts one person may keep at once.
pub const MAX_OPEN_DRAFTS: u32 = 50;

/// An unsubmitted draft untouched this long is removed when its owner starts another.
pub const DRAFT_LIFETIME: time::Duration = time::Duration::days(30);

impl App {
    /// Starts a draft: blank (with the certificate language of the interface and the contact
    /// person of the enterprise's latest request), or a copy of an earlier request.
    pub async fn new_draft(
        &self,
        ctx: &EmployerCtx,
        kind: RequestKind,
        based_on: Option<&str>,
        lang: Lang,
    ) -> AppResult<String> {
        let mut input = match based_on {
            Some(tx) => {
                let r = self.store.request(ctx.scope(), tx).await?.ok_or(AppError::NotFound)?;
                if r.kind != kind {
                    return Err(AppError::NotFound);
                }
                r.input
            }
            None => {
                let mut input = RequestInput::default();
                if lang != Lang::En {
                    input.language = Some(lang.tag().to_owned());
                }
                if let Some(last) = self.store.recent_requests(ctx.scope(), 1).await?.into_iter().next() {
                    input.contact = last.input.contact;
                }
                input
            }
        };
        input.kind = Some(kind.code().to_owned());
        self.create_draft(ctx, kind, input, based_on.map(|tx| format!("based_on:{tx}")), None).await
    }

    pub(crate) async fn create_draft(
        &self,
        ctx: &EmployerCtx,
        kind: RequestKind,
        input: RequestInput,
        origin: Option<String>,
        extends: Option<String>,
    ) -> AppResult<String> {
        let now = self.clock.now();
        let draft = DraftRecord {
            id: draft_id(),
            kind,
            input,
            submitted_request: None,
            extends,
            updated_at: now,
            version: 1,
        };
        let audit = self.audit(
            ctx,
            "draft",
            &draft.id,
            "created",
            serde_json::json!({ "kind": kind.code(), "origin": origin }).to_string(),
        );
        let expire_before = now - DRAFT_LIFETIME;
        if !self
            .store
            .create_draft(ctx.scope(), &draft, ctx.user_id(), &audit, MAX_OPEN_DRAFTS, expire_before)
            .await?
        {
            return Err(AppError::Conflict(wabro_domain::Code::DraftsTooMany));
        }
        Ok(draft.id)
    }

    /// Starts the extension of an approved simultaneous occupation: a copy that starts the day
    /// after its admitted end, linked to it.
    pub async fn extend(&self, ctx: &EmployerCtx, tx: &str) -> AppResult<String> {
        let r = self.store.request(ctx.scope(), tx).await?.ok_or(AppError::NotFound)?;
        let admitted = crate::search::lifecycle(&r).admitted();
        let (RequestKind::SimultaneousOccupation, Some(admitted)) = (r.kind, admitted) else {
            return Err(AppError::Conflict(wabro_domain::Code::RequestNotExtendable));
        };
        if r.status != "closed" {
            return Err(AppError::Conflict(wabro_domain::Code::RequestNotExtendable));
        }
        let mut input = r.input;
        input.period.start = admitted.end.next_day().map(|d| d.to_string());
        input.period.end = None;
        self.create_draft(ctx, r.kind, input, Some(format!("extends:{tx}")), Some(tx.to_owned())).await
    }

    /// A draft of the caller's enterprise.
    pub async fn draft(&self, ctx: &EmployerCtx, id: &str) -> AppResult<DraftRecord> {
        self.store.draft(ctx.scope(), id).await?.ok_or(AppError::NotFound)
    }

    /// The enterprise's unsubmitted drafts, newest first.
    pub async fn open_drafts(&self, ctx: &EmployerCtx) -> AppResult<Vec<DraftRecord>> {
        Ok(self.store.open_drafts(ctx.scope(), 20).await?)
    }

    /// The issues of one step of a draft as it stands.
    pub fn step_issues(&self, draft: &DraftRecord, step: Step) -> Vec<Issue> {
        match validate(&draft.input, self.clock.today()) {
            Ok(_) => Vec::new(),
            Err(issues) => issues.into_iter().filter(|i| step.owns(draft.kind, &i.path)).collect(),
        }
    }

    /// Applies a step's answers to a draft, saves it whatever they are (nothing typed is lost),
    /// and returns the step's issues: none means the user may go on.
    ///
    /// `shown` is the version of the draft the page showed: when another tab saved the draft
    /// since, nothing is written silently; the answers come back unsaved with what differs,
    /// and sending them again (now over the newer version) saves them.
    pub async fn save_step(
        &self,
        ctx: &EmployerCtx,
        id: &str,
        step: Step,
        shown: Option<i64>,
        apply: impl FnOnce(&mut RequestInput) + Send,
    ) -> AppResult<DraftView> {
        let saved = self.open_draft(ctx, id).await?;
        let mut draft = saved.clone();
        apply(&mut draft.input);
        self.fix_extension_start(ctx, &mut draft).await?;
        let issues = self.step_issues(&draft, step);
        if shown.is_some_and(|v| v != saved.version) || !self.save(ctx, &draft).await? {
            let current = self.open_draft(ctx, id).await?;
            draft.version = current.version;
            let changed_elsewhere = differences(draft.kind, step, &current.input, &draft.input);
            if !changed_elsewhere.is_empty() {
                return Ok(DraftView { draft, issues, changed_elsewhere });
            }
            // The other save changed nothing this step holds: these answers go over it.
            if !self.save(ctx, &draft).await? {
                return Err(AppError::Conflict(Code::DraftChangedElsewhere));
            }
        }
        draft.version += 1;
        Ok(DraftView { draft, issues, changed_elsewhere: Vec::new() })
    }

    /// Applies the answers of place of work `index` and saves them only when that place has no
    /// issue: a place joins the request once it is valid. A posting's place is stamped with the
    /// destination it is entered for, so that a later change of destination asks for it to be
    /// checked again. Returns the draft as answered (saved or not), its issues, and whether it
    /// was saved.
    pub async fn save_place(
        &self,
        ctx: &EmployerCtx,
        id: &str,
        step: Step,
        index: usize,
        apply: impl FnOnce(&mut RequestInput) + Send,
    ) -> AppResult<(DraftView, bool)> {
        let mut draft = self.open_draft(ctx, id).await?;
        apply(&mut draft.input);
        if draft.kind == RequestKind::Posting {
            let destination = draft.input.destination.country.clone();
            if let Some(place) = draft.input.places.get_mut(index) {
                place.country = destination;
            }
        }
        self.fix_extension_start(ctx, &mut draft).await?;
        let issues = self.step_issues(&draft, step);
        let prefix = format!("places[{index}].");
        if issues.iter().any(|i| i.path.starts_with(&prefix)) {
            return Ok((DraftView { draft, issues, changed_elsewhere: Vec::new() }, false));
        }
        if !self.save(ctx, &draft).await? {
            return Err(AppError::Conflict(Code::DraftChangedElsewhere));
        }
        Ok((DraftView { draft, issues, changed_elsewhere: Vec::new() }, true))
    }

    /// An extension starts the day after the admitted end of the request it extends, whatever
    /// was typed: that day is written into the draft.
    pub(crate) async fn fix_extension_start(
        &self,
        ctx: &EmployerCtx,
        draft: &mut DraftRecord,
    ) -> AppResult<()> {
        let Some(extended) = &draft.extends else { return Ok(()) };
        let r = self.store.request(ctx.scope(), extended).await?.ok_or(AppError::NotFound)?;
        let admitted = crate::search::lifecycle(&r).admitted();
        let start =
            admitted.and_then(|a| a.end.next_day()).ok_or(AppError::Conflict(Code::RequestNotExtendable))?;
        draft.input.period.start = Some(start.to_string());
        Ok(())
    }

    /// Saves a draft's input over the version it was read at; false when another save came
    /// first.
    pub(crate) async fn save(&self, ctx: &EmployerCtx, draft: &DraftRecord) -> AppResult<bool> {
        Ok(self
            .store
            .save_draft(ctx.scope(), &draft.id, &draft.input, self.clock.now(), draft.version)
            .await?)
    }

    /// A draft that has not been submitted yet.
    async fn open_draft(&self, ctx: &EmployerCtx, id: &str) -> AppResult<DraftRecord> {
        let draft = self.draft(ctx, id).await?;
        if draft.submitted_request.is_some() {
            return Err(AppError::Conflict(wabro_domain::Code::LifecycleNotInProgress));
        }
        Ok(draft)
    }

    /// Fills the employee from the directory (only a worker of the caller's enterprise) and,
    /// when empty, the date of entry into service from the Dimona period in force on the first
    /// day of the requested period (today, while no period is given).
    pub async fn select_employee(&self, ctx: &EmployerCtx, id: &str, ssin: &str) -> AppResult<()> {
        let mut draft = self.open_draft(ctx, id).await?;
        let digits: String = ssin.chars().filter(char::is_ascii_digit).collect();
        let worker = self.store.worker(ctx.scope(), &digits).await?.ok_or(AppError::NotFound)?;
        let dimona = self.store.dimona(ctx.scope(), &digits).await?;
        let input = &mut draft.input;
        let temporary = input.employee.temporary_address.take();
        input.employee = EmployeeInput {
            ssin: Some(worker.ssin.formatted()),
            family_name: Some(worker.family_name),
            given_name: Some(worker.given_name),
            nationality: Some(worker.nationality.code().to_owned()),
            home_address: AddressInput {
                street: Some(worker.street),
                number: Some(worker.number),
                po_box: None,
                postal_code: Some(worker.postal_code),
                city: Some(worker.city),
                country: Some(worker.country.code().to_owned()),
            },
            temporary_address: temporary,
        };
        if input.entry_into_service.as_deref().is_none_or(|s| s.trim().is_empty())
            && let Some(period) = dimona_in_force(&dimona, input.period.start.as_deref(), self.clock.today())
        {
            input.entry_into_service = Some(period.start.to_string());
        }
        if !self.save(ctx, &draft).await? {
            return Err(AppError::Conflict(Code::DraftChangedElsewhere));
        }
        Ok(())
    }

    /// Discards an unsubmitted draft.
    pub async fn discard_draft(&self, ctx: &EmployerCtx, id: &str) -> AppResult<()> {
        let audit = self.audit(ctx, "draft", id, "discarded", "{}".to_owned());
        if !self.store.delete_draft(ctx.scope(), id, &audit).await? {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    /// The summary: the validated request with its pre-assessment, or the open issues.
    pub async fn summary(&self, ctx: &EmployerCtx, id: &str) -> AppResult<Summary> {
        let draft = self.draft(ctx, id).await?;
        let today = self.clock.today();
        let validated = validate(&draft.input, today);
        let (outcome, dimona) = match validated {
            Err(issues) => (Err(issues), Vec::new()),
            Ok(valid) => {
                let ssin = valid.request.employee.ssin.as_str().to_owned();
                let (assessment, dimona) = self.assess_for(ctx, &valid, &ssin).await?;
                (Ok((valid, assessment)), dimona)
            }
        };
        Ok(Summary { draft, outcome, dimona })
    }

    /// The pre-assessment of a validated request with the enterprise's Dimona and prior requests.
    pub(crate) async fn assess_for(
        &self,
        ctx: &EmployerCtx,
        valid: &Validated,
        ssin: &str,
    ) -> AppResult<(Assessment, Vec<DimonaPeriod>)> {
        let dimona = self.store.dimona(ctx.scope(), ssin).await?;
        let prior = self.store.prior_requests(ctx.scope(), ssin).await?;
        let facts = Facts { dimona: &dimona, prior: &prior, today: self.clock.today() };
        Ok((assess(&valid.request, &facts, self.rules), dimona))
    }
}
