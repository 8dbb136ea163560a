//! Adding and editing a place of work: one page per place, with the fields of its type.

use super::wizard::{Flow, imo_needs_confirmation};
use crate::AppState;
use crate::context::{CsrfForm, Ctx, Employer};
use crate::form::{Field, Kind, Values};
use crate::render::{Errors, Page, app_error, html, redirect};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;
use wabro_app::ports::DraftRecord;
use wabro_app::{AppError, Step};
use wabro_domain::{Issue, PlaceKind, RequestKind};

#[derive(Template)]
#[template(path = "place.html")]
struct PlacePage {
    p: Page,
    e: Errors,
    v: Values,
    f: Flow,
    countries: Vec<(String, String)>,
    imo_checked: bool,
    draft_id: String,
    index: usize,
    kind: &'static str,
    kind_label: String,
    prefix: String,
    imo_warning: bool,
}

/// The fields of each place type (besides `name`).
fn fields(kind: PlaceKind) -> &'static [Field] {
    match kind {
        PlaceKind::Region => &[("name", Kind::Text)],
        PlaceKind::Company => &[
            ("name", Kind::Text),
            ("foreign_id", Kind::Text),
            ("street", Kind::Text),
            ("number", Kind::Text),
            ("po_box", Kind::Text),
            ("postal_code", Kind::Text),
            ("city", Kind::Text),
        ],
        PlaceKind::ConstructionSite => &[
            ("name", Kind::Text),
            ("description", Kind::Text),
            ("street", Kind::Text),
            ("number", Kind::Text),
            ("postal_code", Kind::Text),
            ("city", Kind::Text),
        ],
        PlaceKind::Homebase => &[("name", Kind::Text), ("city", Kind::Text)],
        PlaceKind::InlandVessel => &[
            ("name", Kind::Text),
            ("registration_number", Kind::Text),
            ("operating_area", Kind::Text),
            ("operating_country", Kind::Text),
        ],
        PlaceKind::OceanVessel => &[
            ("name", Kind::Text),
            ("imo", Kind::Text),
            ("imo_confirmed", Kind::Check),
            ("in_territorial_waters", Kind::YesNo),
        ],
    }
}

/// The step that lists the places in a kind's flow.
fn places_step(kind: RequestKind) -> Step {
    if kind == RequestKind::SimultaneousOccupation { Step::Places } else { Step::Destination }
}

/// The fields a simultaneous occupation adds to every place, and what replaces the
/// territorial-waters question for an ocean vessel there.
const SHARED: &[Field] = &[("country", Kind::Text), ("percentage", Kind::Text)];

/// Query of the new-place page.
#[derive(Deserialize)]
pub struct TypeQuery {
    #[serde(rename = "type")]
    kind: Option<String>,
}

fn render(ctx: &Ctx, draft: &DraftRecord, index: usize, kind: PlaceKind, issues: &[Issue]) -> Response {
    let tr = ctx.tr();
    let prefix = format!("places[{index}].");
    let mine: Vec<Issue> = issues.iter().filter(|i| i.path.starts_with(&prefix)).cloned().collect();
    let place = draft.input.places.get(index);
    let imo_warning = place.and_then(|p| p.imo.as_deref()).is_some_and(imo_needs_confirmation);
    let imo_checked = place.is_some_and(|p| p.imo_confirmed);
    let countries: Vec<(String, String)> = draft
        .input
        .chosen_countries()
        .into_iter()
        .map(|c| (c.code().to_owned(), tr.country(c).to_owned()))
        .collect();
    let status = if mine.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let kind_label = super::wizard::place_type_label(tr, kind.code());
    let mut p = Page::new(ctx, "step-places-title");
    p.title = kind_label.clone();
    let page = PlacePage {
        p,
        e: Errors::new(tr, &mine),
        v: Values::of(&draft.input),
        f: Flow::new(draft, places_step(draft.kind)),
        countries,
        imo_checked,
        draft_id: draft.id.clone(),
        index,
        kind: kind.code(),
        kind_label,
        prefix,
        imo_warning,
    };
    html(status, &page)
}

async fn open(
    state: &AppState,
    ctx: &Ctx,
    employer: &wabro_app::EmployerCtx,
    id: &str,
) -> Result<DraftRecord, Response> {
    match state.app.draft(employer, id).await {
        Ok(d) if d.submitted_request.is_none() => Ok(d),
        Ok(d) => Err(redirect(&format!("/requests/{}", d.submitted_request.unwrap_or_default()))),
        Err(e) => Err(app_error(ctx, e)),
    }
}

/// `GET /drafts/{id}/places/new?type=company`.
pub async fn new_page(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(id): Path<String>,
    Query(q): Query<TypeQuery>,
) -> Response {
    let draft = match open(&state, &ctx, &employer, &id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let kind = q.kind.as_deref().and_then(PlaceKind::parse).unwrap_or(PlaceKind::Company);
    render(&ctx, &draft, draft.input.places.len(), kind, &[])
}

/// `GET /drafts/{id}/places/{i}`.
pub async fn edit_page(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path((id, i)): Path<(String, usize)>,
) -> Response {
    let draft = match open(&state, &ctx, &employer, &id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let Some(place) = draft.input.places.get(i) else { return app_error(&ctx, AppError::NotFound) };
    let kind = place.kind.as_deref().and_then(PlaceKind::parse).unwrap_or(PlaceKind::Company);
    let issues = state.app.step_issues(&draft, places_step(draft.kind));
    render(&ctx, &draft, i, kind, &issues)
}

/// `POST /drafts/{id}/places/{i}`: saves the place (index = count adds one).
pub async fn save(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path((id, i)): Path<(String, usize)>,
    form: CsrfForm,
) -> Response {
    let Some(kind) = form.get("type").and_then(PlaceKind::parse) else {
        return app_error(&ctx, AppError::NotFound);
    };
    let fields_in = form.0;
    let draft_kind = match state.app.draft(&employer, &id).await {
        Ok(d) => d.kind,
        Err(e) => return app_error(&ctx, e),
    };
    let so = draft_kind == RequestKind::SimultaneousOccupation;
    let step = places_step(draft_kind);
    let view = state
        .app
        .save_place(&employer, &id, step, i, move |input| {
            if i > input.places.len() {
                return;
            }
            let mut v = Values::of(input);
            let prefix = format!("places[{i}].");
            v.set(&format!("places[{i}]"), json!({ "type": kind.code() }));
            let own: Vec<Field> = fields(kind)
                .iter()
                .copied()
                .filter(|(name, _)| !(so && *name == "in_territorial_waters"))
                .collect();
            v.apply(&fields_in, &own, &prefix);
            if so {
                v.apply(&fields_in, SHARED, &prefix);
                if kind == PlaceKind::OceanVessel {
                    v.apply(&fields_in, &[("flag", Kind::Text)], &prefix);
                }
            }
            if let Ok(new) = v.into_input() {
                *input = new;
            }
        })
        .await;
    let (view, saved) = match view {
        Ok(v) => v,
        Err(e) => return app_error(&ctx, e),
    };
    if i >= view.draft.input.places.len() {
        return app_error(&ctx, AppError::NotFound);
    }
    if !saved {
        // Not stored: the form shows what was typed, with what is wrong.
        return render(&ctx, &view.draft, i, kind, &view.issues);
    }
    redirect(&format!("/drafts/{id}/step/{}", step.number(draft_kind)))
}
