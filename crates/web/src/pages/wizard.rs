//! The steps of the request wizard, for every kind (see `wabro_app::Step`). Each POST saves
//! the step into the draft whatever the answers are, then moves on (303) or shows the step
//! again with its errors (422).

use crate::AppState;
use crate::context::{CsrfForm, Ctx, Employer};
use crate::form::{Field, Kind, Values};
use crate::render::{Errors, Page, app_error, html, redirect};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::Value;
use wabro_app::ports::DraftRecord;
use wabro_app::{AppError, DirectoryHit, Step};
use wabro_domain::input::RequestInput;
use wabro_domain::{Classification, Country, ImoNumber, Issue, PlaceKind, RequestKind, Territory};
use wabro_i18n::Tr;

const STEP1: &[Field] = &[("entry_into_service", Kind::Text), ("private_sector", Kind::YesNo)];
const STEP1_SO: &[Field] = &[
    ("recruitment_date", Kind::Text),
    ("classification.type", Kind::Text),
    ("classification.homebase_country", Kind::Text),
    ("classification.flag", Kind::Text),
];
const SHIP: &[Field] = &[
    ("ship.name", Kind::Text),
    ("ship.flag", Kind::Text),
    ("ship.imo", Kind::Text),
    ("ship.imo_confirmed", Kind::Check),
];
const PERIOD_SO: &[Field] = &[
    ("period.start", Kind::Text),
    ("period.end", Kind::Text),
    ("language", Kind::Text),
    ("remarks", Kind::Text),
];
const CONTACT_SO: &[Field] =
    &[("contact.ssin", Kind::Text), ("contact.employer", Kind::Text), ("contact.function", Kind::Text)];
/// How many country fields the countries step offers.
const COUNTRY_SLOTS: usize = 6;
const TEMPORARY_ADDRESS: &[Field] = &[
    ("employee.temporary_address.street", Kind::Text),
    ("employee.temporary_address.number", Kind::Text),
    ("employee.temporary_address.po_box", Kind::Text),
    ("employee.temporary_address.postal_code", Kind::Text),
    ("employee.temporary_address.city", Kind::Text),
    ("employee.temporary_address.country", Kind::Text),
];
const STEP3: &[Field] = &[
    ("period.start", Kind::Text),
    ("period.end", Kind::Text),
    ("conditions.covered_before", Kind::YesNo),
    ("conditions.extra_contract_with_host", Kind::YesNo),
    ("conditions.host_can_change_pay", Kind::YesNo),
    ("conditions.host_can_dismiss", Kind::YesNo),
    ("conditions.host_disciplinary", Kind::YesNo),
    ("conditions.replaces_posted_worker", Kind::YesNo),
    ("mission", Kind::Text),
    ("language", Kind::Text),
];
const STEP4: &[Field] = &[
    ("contact.family_name", Kind::Text),
    ("contact.given_name", Kind::Text),
    ("contact.company", Kind::Text),
    ("contact.street", Kind::Text),
    ("contact.number", Kind::Text),
    ("contact.po_box", Kind::Text),
    ("contact.postal_code", Kind::Text),
    ("contact.city", Kind::Text),
    ("contact.country", Kind::Text),
    ("contact.telephone", Kind::Text),
    ("contact.fax", Kind::Text),
];

/// Where a step stands in its flow.
pub struct Flow {
    /// The draft.
    pub draft_id: String,
    /// This step's number.
    pub n: u8,
    /// Number of steps of the kind.
    pub total: u8,
    /// A simultaneous occupation.
    pub so: bool,
    /// An extension: its start is fixed (the day after the extended request's admitted end).
    pub extension: bool,
    /// The version of the draft the page shows (sent back, so that a save over a newer one
    /// is noticed).
    pub version: i64,
    /// Answers another tab saved differently (label, saved, yours): these answers are not
    /// saved yet.
    pub changed: Vec<(String, String, String)>,
}

impl Flow {
    /// The flow of a draft at a step.
    pub fn new(draft: &DraftRecord, step: Step) -> Flow {
        Flow {
            draft_id: draft.id.clone(),
            n: step.number(draft.kind),
            total: Step::of_kind(draft.kind).len() as u8,
            so: draft.kind == RequestKind::SimultaneousOccupation,
            extension: draft.extends.is_some(),
            version: draft.version,
            changed: Vec::new(),
        }
    }
}

/// A directory result row.
pub struct HitRow {
    name: String,
    ssin: String,
    birth: String,
    dimona: Vec<String>,
}

/// A place of work as listed.
pub struct PlaceRow {
    index: usize,
    kind: String,
    name: String,
    details: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "employee.html")]
struct EmployeePage {
    p: Page,
    e: Errors,
    v: Values,
    f: Flow,
    q: String,
    search_error: Option<String>,
    hits: Option<Vec<HitRow>>,
    nationality: String,
    home_address: String,
    classifications: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "destination.html")]
struct PlacesPage {
    p: Page,
    e: Errors,
    f: Flow,
    destinations: Option<Vec<(String, String, bool)>>,
    places: Vec<PlaceRow>,
    place_types: Vec<(&'static str, String)>,
    total_percent: Option<u32>,
}

#[derive(Template)]
#[template(path = "ship.html")]
struct ShipPage {
    p: Page,
    e: Errors,
    v: Values,
    f: Flow,
    imo_warning: bool,
    imo_checked: bool,
}

#[derive(Template)]
#[template(path = "countries.html")]
struct CountriesPage {
    p: Page,
    e: Errors,
    v: Values,
    f: Flow,
    slots: Vec<String>,
}

#[derive(Template)]
#[template(path = "period.html")]
struct PeriodPage {
    p: Page,
    e: Errors,
    v: Values,
    f: Flow,
}

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    p: Page,
    e: Errors,
    v: Values,
    f: Flow,
}

/// Query of the employee step (the directory search).
#[derive(Deserialize, Default)]
pub struct StepQuery {
    q: Option<String>,
}

/// Whether a typed IMO number is well formed but fails its check digit.
pub fn imo_needs_confirmation(imo: &str) -> bool {
    ImoNumber::parse_lenient(imo).is_ok_and(|i| !i.check_digit_valid())
}

/// The destination select's value: `FR`, or `GB:jersey` for a territory.
fn destination_value(input: &RequestInput) -> String {
    let c = input.destination.country.clone().unwrap_or_default().to_uppercase();
    match input.destination.territory.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => format!("{c}:{t}"),
        None => c,
    }
}

fn destinations(tr: Tr, selected: &str) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    // Jersey, Guernsey and the Isle of Man are offered once, as territories of the United
    // Kingdom, not again as countries of their own.
    for c in tr
        .countries_by_name()
        .iter()
        .copied()
        .filter(|c| *c != Country::BE && Territory::from_iso(*c).is_none())
    {
        let code = c.code().to_owned();
        out.push((code.clone(), tr.country(c).to_owned(), selected == code));
        for t in Territory::ALL.into_iter().filter(|t| t.parent() == c) {
            let value = format!("{code}:{}", t.code());
            let label = format!("{} — {}", tr.country(c), t.name(tr.lang()));
            out.push((value.clone(), label, selected == value));
        }
    }
    out
}

/// The label of a place type.
pub fn place_type_label(tr: Tr, code: &str) -> String {
    tr.t(&format!("place-type-{code}"))
}

fn place_rows(tr: Tr, input: &RequestInput, issues: &[Issue]) -> Vec<PlaceRow> {
    input
        .places
        .iter()
        .enumerate()
        .map(|(index, pl)| {
            let prefix = format!("places[{index}]");
            let error = issues
                .iter()
                .find(|i| i.path == prefix || i.path.starts_with(&format!("{prefix}.")))
                .map(|i| tr.code(i.code, &i.params));
            let mut details = [
                &pl.street,
                &pl.number,
                &pl.postal_code,
                &pl.city,
                &pl.description,
                &pl.imo,
                &pl.registration_number,
            ]
            .iter()
            .filter_map(|v| v.as_deref())
            .collect::<Vec<_>>()
            .join(" ");
            if let Some(c) = pl.country.as_deref() {
                let share = pl
                    .percentage
                    .as_deref()
                    .map(|p| format!(" · {} %", p.trim_end_matches('%').trim()))
                    .unwrap_or_default();
                details =
                    format!("{}{share} {details}", super::home::country_name(tr, c)).trim_end().to_owned();
            }
            PlaceRow {
                index,
                kind: pl.kind.as_deref().map(|k| place_type_label(tr, k)).unwrap_or_default(),
                name: pl.name.clone().unwrap_or_default(),
                details,
                error,
            }
        })
        .collect()
}

fn hit_rows(tr: Tr, hits: Vec<DirectoryHit>) -> Vec<HitRow> {
    hits.into_iter()
        .map(|h| HitRow {
            name: format!("{} {}", h.worker.family_name, h.worker.given_name),
            ssin: h.worker.ssin.formatted(),
            birth: h.worker.birth_date.map(|d| tr.date(d)).unwrap_or_default(),
            dimona: h
                .dimona
                .iter()
                .map(|d| match d.end {
                    Some(end) => {
                        tr.ta("dimona-closed", &[("start", &tr.date(d.start)), ("end", &tr.date(end))])
                    }
                    None => tr.ta("dimona-open", &[("start", &tr.date(d.start))]),
                })
                .collect(),
        })
        .collect()
}

/// The title of a step for a kind.
pub fn step_title(kind: RequestKind, step: Step) -> String {
    match (kind, step) {
        (RequestKind::SimultaneousOccupation, Step::Period) => "step-period-so-title".to_owned(),
        _ => format!("step-{}-title", step.code()),
    }
}

/// Renders a step with its issues (422 when there are any).
#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    ctx: &Ctx,
    employer: &wabro_app::EmployerCtx,
    draft: &DraftRecord,
    step: Step,
    issues: &[Issue],
    changed: &[wabro_app::Difference],
    q: Option<&str>,
) -> Response {
    let tr = ctx.tr();
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let e = Errors::new(tr, issues);
    let p = Page::new(ctx, &step_title(draft.kind, step));
    let mut f = Flow::new(draft, step);
    f.changed = changed
        .iter()
        .map(|d| {
            let label =
                crate::render::field_label(&d.path).map(|k| tr.t(k)).unwrap_or_else(|| d.path.clone());
            let shown = |v: &str| match (v.is_empty(), wabro_domain::parse_date(v)) {
                (true, _) => "—".to_owned(),
                (false, Some(date)) => tr.date(date),
                (false, None) => v.to_owned(),
            };
            (label, shown(&d.saved), shown(&d.yours))
        })
        .collect();
    let v = Values::of(&draft.input);
    match step {
        Step::Employee => {
            let (mut hits, mut search_error) = (None, None);
            if let Some(q) = q.filter(|q| !q.trim().is_empty()) {
                match state.app.search_directory(employer, q).await {
                    Ok(h) => hits = Some(hit_rows(tr, h)),
                    Err(AppError::Invalid(issues)) => {
                        search_error = issues.first().map(|i| tr.code(i.code, &i.params));
                    }
                    Err(e) => return app_error(ctx, e),
                }
            }
            let emp = &draft.input.employee;
            let nationality =
                emp.nationality.as_deref().map(|c| super::home::country_name(tr, c)).unwrap_or_default();
            let a = &emp.home_address;
            let home_address =
                [a.street.as_deref(), a.number.as_deref(), a.postal_code.as_deref(), a.city.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ")
                    + &a.country
                        .as_deref()
                        .map(|c| format!(", {}", super::home::country_name(tr, c)))
                        .unwrap_or_default();
            let classifications =
                Classification::CODES.iter().map(|c| (*c, tr.t(&format!("classification-{c}")))).collect();
            let page = EmployeePage {
                p,
                e,
                v,
                f,
                q: q.unwrap_or("").to_owned(),
                search_error,
                hits,
                nationality,
                home_address,
                classifications,
            };
            html(status, &page)
        }
        Step::Destination | Step::Places => {
            let destinations =
                (step == Step::Destination).then(|| destinations(tr, &destination_value(&draft.input)));
            let places = place_rows(tr, &draft.input, issues);
            let place_types =
                PlaceKind::ALL.iter().map(|k| (k.code(), place_type_label(tr, k.code()))).collect();
            let total_percent = (step == Step::Places).then(|| {
                draft
                    .input
                    .places
                    .iter()
                    .filter_map(|p| p.percentage.as_deref()?.trim_end_matches('%').trim().parse::<u32>().ok())
                    .sum()
            });
            html(status, &PlacesPage { p, e, f, destinations, places, place_types, total_percent })
        }
        Step::Ship => {
            let imo = draft.input.ship.imo.clone().unwrap_or_default();
            let page = ShipPage {
                p,
                e,
                v,
                f,
                imo_warning: imo_needs_confirmation(&imo),
                imo_checked: draft.input.ship.imo_confirmed,
            };
            html(status, &page)
        }
        Step::Countries => {
            let slots = (0..COUNTRY_SLOTS.max(draft.input.countries.len() + 1))
                .map(|i| format!("countries[{i}]"))
                .collect();
            html(status, &CountriesPage { p, e, v, f, slots })
        }
        Step::Period => html(status, &PeriodPage { p, e, v, f }),
        Step::Contact => html(status, &ContactPage { p, e, v, f }),
    }
}

/// `GET /drafts/{id}/step/{n}`.
pub async fn step_page(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path((id, n)): Path<(String, u8)>,
    Query(query): Query<StepQuery>,
) -> Response {
    let draft = match state.app.draft(&employer, &id).await {
        Ok(d) => d,
        Err(e) => return app_error(&ctx, e),
    };
    if let Some(tx) = &draft.submitted_request {
        return redirect(&format!("/requests/{tx}"));
    }
    let Some(step) = Step::at(draft.kind, n) else { return app_error(&ctx, AppError::NotFound) };
    render(&state, &ctx, &employer, &draft, step, &[], &[], query.q.as_deref()).await
}

/// Writes a step's answers into the input.
fn apply(input: &mut RequestInput, kind: RequestKind, step: Step, form: &[(String, String)]) {
    let so = kind == RequestKind::SimultaneousOccupation;
    let mut v = Values::of(input);
    match step {
        Step::Employee => {
            v.apply(form, if so { STEP1_SO } else { STEP1 }, "");
            if form.iter().any(|(k, _)| k == "has_temporary_address") {
                v.apply(form, TEMPORARY_ADDRESS, "");
            } else {
                v.set("employee.temporary_address", Value::Null);
            }
        }
        Step::Destination => {
            let raw = form.iter().find(|(k, _)| k == "destination").map(|(_, v)| v.trim()).unwrap_or("");
            let (country, territory) = match raw.split_once(':') {
                Some((c, t)) => (c, Some(t)),
                None => (raw, None),
            };
            let text = |s: &str| if s.is_empty() { Value::Null } else { Value::String(s.to_owned()) };
            v.set("destination.country", text(country));
            v.set("destination.territory", territory.map(text).unwrap_or(Value::Null));
        }
        Step::Places => {}
        Step::Ship => v.apply(form, SHIP, ""),
        Step::Countries => {
            let chosen: Vec<Value> = (0..COUNTRY_SLOTS.max(input.countries.len() + 1))
                .filter_map(|i| form.iter().find(|(k, _)| *k == format!("countries[{i}]")))
                .map(|(_, c)| c.trim())
                .filter(|c| !c.is_empty())
                .map(|c| Value::String(c.to_owned()))
                .collect();
            v.set("countries", Value::Array(chosen));
            v.apply(form, &[("also_in_belgium", Kind::Check)], "");
            // Working in Belgium too adds a Belgian place of work for the next step.
            if v.b("also_in_belgium") == Some(true)
                && !input.places.iter().any(|p| p.country.as_deref() == Some("BE"))
            {
                let at = input.places.len();
                v.set(&format!("places[{at}]"), serde_json::json!({ "type": "region", "country": "BE" }));
            }
        }
        Step::Period => v.apply(form, if so { PERIOD_SO } else { STEP3 }, ""),
        Step::Contact => {
            v.apply(form, STEP4, "");
            if so {
                v.apply(form, CONTACT_SO, "");
            } else {
                v.apply(form, &[("remarks", Kind::Text)], "");
            }
        }
    }
    match v.into_input() {
        Ok(new) => *input = new,
        Err(e) => tracing::error!(error = %e, "form did not fit the request input"),
    }
}

/// `POST /drafts/{id}/step/{n}`: saves, then continues, goes back, or opens a place.
pub async fn step_post(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path((id, n)): Path<(String, u8)>,
    form: CsrfForm,
) -> Response {
    let draft = match state.app.draft(&employer, &id).await {
        Ok(d) => d,
        Err(e) => return app_error(&ctx, e),
    };
    let kind = draft.kind;
    let Some(step) = Step::at(kind, n) else { return app_error(&ctx, AppError::NotFound) };
    let action = form.get("action").unwrap_or("continue").to_owned();
    let new_type = form.get("new_place_type").and_then(PlaceKind::parse);
    let fields = form.0;
    let remove = action.strip_prefix("remove:").and_then(|i| i.parse::<usize>().ok());
    let shown = fields.iter().find(|(k, _)| k == "draft_version").and_then(|(_, v)| v.parse::<i64>().ok());
    let view = state
        .app
        .save_step(&employer, &id, step, shown, move |input| {
            apply(input, kind, step, &fields);
            if let Some(i) = remove.filter(|i| *i < input.places.len()) {
                input.places.remove(i);
            }
        })
        .await;
    let view = match view {
        Ok(v) => v,
        Err(e) => return app_error(&ctx, e),
    };
    if !view.changed_elsewhere.is_empty() {
        // Not saved: the answers are shown again with what the other tab saved.
        let mut response =
            render(&state, &ctx, &employer, &view.draft, step, &view.issues, &view.changed_elsewhere, None)
                .await;
        *response.status_mut() = StatusCode::CONFLICT;
        return response;
    }
    if let Some(i) = action.strip_prefix("edit:") {
        return redirect(&format!("/drafts/{id}/places/{i}"));
    }
    match action.as_str() {
        "add_place" => {
            let kind = new_type.unwrap_or(PlaceKind::Company).code();
            return redirect(&format!("/drafts/{id}/places/new?type={kind}"));
        }
        "previous" => {
            return match n {
                1 => redirect(&super::home::tab_path(kind)),
                n => redirect(&format!("/drafts/{id}/step/{}", n - 1)),
            };
        }
        _ if remove.is_some() => return redirect(&format!("/drafts/{id}/step/{n}")),
        _ => {}
    }
    if view.issues.is_empty() {
        return match Step::at(kind, n + 1) {
            Some(_) => redirect(&format!("/drafts/{id}/step/{}", n + 1)),
            None => redirect(&format!("/drafts/{id}/summary")),
        };
    }
    render(&state, &ctx, &employer, &view.draft, step, &view.issues, &view.changed_elsewhere, None).await
}

/// `POST /drafts/{id}/employee`: picks the employee from the directory.
pub async fn select_employee(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(id): Path<String>,
    form: CsrfForm,
) -> Response {
    let ssin = form.get("ssin").unwrap_or("");
    match state.app.select_employee(&employer, &id, ssin).await {
        Ok(()) => redirect(&format!("/drafts/{id}/step/1")),
        Err(e) => app_error(&ctx, e),
    }
}

/// `POST /drafts/{id}/discard`.
pub async fn discard(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(id): Path<String>,
    _form: CsrfForm,
) -> Response {
    let kind = state.app.draft(&employer, &id).await.map(|d| d.kind).unwrap_or(RequestKind::Posting);
    match state.app.discard_draft(&employer, &id).await {
        Ok(()) => redirect(&super::home::tab_path(kind)),
        Err(e) => app_error(&ctx, e),
    }
}
