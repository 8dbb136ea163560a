//! "Check your answers", saving, the confirmation with its transaction number, and reuse.

use crate::AppState;
use crate::context::{CsrfForm, Employer};
use crate::form::{Values, fid};
use crate::render::{Errors, Page, app_error, ok, redirect};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use wabro_app::{AppError, ReuseMode, Step};
use wabro_domain::rules::{Assessment, FindingSeverity, Instrument};
use wabro_domain::{RequestDetails, RequestKind, parse_date};
use wabro_i18n::Tr;

/// A section of the summary: its title, the step that changes it, label/value rows.
pub struct Section {
    pub(crate) title: String,
    pub(crate) step: u8,
    pub(crate) rows: Vec<(String, String)>,
}

/// The pre-assessment, ready to show.
pub struct AssessmentView {
    /// Some finding keeps the request from being saved.
    pub(crate) unsaveable: bool,
    pub(crate) instrument: String,
    pub(crate) legislation: String,
    pub(crate) max_end: String,
    pub(crate) reason: String,
    pub(crate) findings: Vec<(&'static str, String, String)>,
    pub(crate) manual: bool,
}

#[derive(Template)]
#[template(path = "summary.html")]
struct SummaryPage {
    p: Page,
    draft_id: String,
    sections: Vec<Section>,
    problems: Vec<(String, String)>,
    assessment: Option<AssessmentView>,
}

#[derive(Template)]
#[template(path = "confirmation.html")]
struct ConfirmationPage {
    p: Page,
    kind: &'static str,
    home: String,
    number: String,
    body: String,
    worker: String,
    ssin: String,
    destination: String,
    period: String,
    status: String,
}

fn date(tr: Tr, s: &str) -> String {
    parse_date(s).map(|d| tr.date(d)).unwrap_or_else(|| s.to_owned())
}

fn yes_no(tr: Tr, b: Option<bool>) -> String {
    match b {
        Some(true) => tr.t("yes"),
        Some(false) => tr.t("no"),
        None => String::new(),
    }
}

fn join(parts: &[String]) -> String {
    parts.iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" ")
}

fn address(tr: Tr, v: &Values, prefix: &str) -> String {
    let country = v.s(format!("{prefix}.country"));
    let country = if country.is_empty() {
        String::new()
    } else {
        format!(", {}", super::home::country_name(tr, &country))
    };
    join(&[
        v.s(format!("{prefix}.street")),
        v.s(format!("{prefix}.number")),
        v.s(format!("{prefix}.po_box")),
        v.s(format!("{prefix}.postal_code")),
        v.s(format!("{prefix}.city")),
    ]) + &country
}

pub(crate) fn sections(tr: Tr, input: &wabro_domain::input::RequestInput, kind: RequestKind) -> Vec<Section> {
    let v = &Values::of(input);
    let places = input.places.len();
    let country = |path: &str| {
        let c = v.s(path);
        if c.is_empty() { c } else { super::home::country_name(tr, &c) }
    };
    let n = |step: Step| step.number(kind);
    let so = kind == RequestKind::SimultaneousOccupation;
    let mut employee = vec![
        (tr.t("col-name"), join(&[v.s("employee.family_name"), v.s("employee.given_name")])),
        (tr.t("col-ssin"), v.s("employee.ssin")),
        (tr.t("field-nationality"), country("employee.nationality")),
        (tr.t("field-home-address"), address(tr, v, "employee.home_address")),
    ];
    if v.present("employee.temporary_address") {
        employee.push((tr.t("field-temporary-address"), address(tr, v, "employee.temporary_address")));
    }
    if so {
        employee.push((tr.t("field-recruitment-date"), date(tr, &v.s("recruitment_date"))));
        let c = v.s("classification.type");
        let mut label = if c.is_empty() { c.clone() } else { tr.t(&format!("classification-{c}")) };
        for extra in ["classification.homebase_country", "classification.flag"] {
            let x = country(extra);
            if !x.is_empty() {
                label = format!("{label} — {x}");
            }
        }
        employee.push((tr.t("field-classification"), label));
    } else {
        employee.push((tr.t("field-entry-into-service"), date(tr, &v.s("entry_into_service"))));
        employee.push((tr.t("field-private-sector"), yes_no(tr, v.b("private_sector"))));
    }
    let mut out = vec![Section { title: tr.t("summary-employee"), step: n(Step::Employee), rows: employee }];

    let place_rows = |with_share: bool| {
        (0..places)
            .map(|i| {
                let p = |f: &str| v.s(format!("places[{i}].{f}"));
                let kind_label = super::wizard::place_type_label(tr, &p("type"));
                let details = join(&[
                    p("street"),
                    p("number"),
                    p("postal_code"),
                    p("city"),
                    p("description"),
                    p("registration_number"),
                    p("operating_area"),
                    p("imo"),
                ]);
                let mut text =
                    if details.is_empty() { p("name") } else { format!("{} — {details}", p("name")) };
                if with_share {
                    text = format!(
                        "{}, {} %: {text}",
                        country(&format!("places[{i}].country")),
                        p("percentage").trim_end_matches('%').trim()
                    );
                }
                (kind_label, text)
            })
            .collect::<Vec<_>>()
    };
    match kind {
        RequestKind::Posting => {
            let mut destination = country("destination.country");
            if let Ok(t) = wabro_domain::Territory::parse(&v.s("destination.territory")) {
                destination = format!("{destination} — {}", t.name(tr.lang()));
            }
            let mut rows = vec![(tr.t("field-destination"), destination)];
            rows.extend(place_rows(false));
            out.push(Section { title: tr.t("summary-destination"), step: n(Step::Destination), rows });
        }
        RequestKind::Seafarer => {
            let rows = vec![
                (tr.t("field-ship-name"), v.s("ship.name")),
                (tr.t("field-flag"), country("ship.flag")),
                (tr.t("field-imo"), v.s("ship.imo")),
            ];
            out.push(Section { title: tr.t("step-ship-title"), step: n(Step::Ship), rows });
        }
        RequestKind::SimultaneousOccupation => {
            let countries: Vec<&str> = input.chosen_countries().into_iter().map(|c| tr.country(c)).collect();
            let rows = vec![(tr.t("step-countries-title"), countries.join(", "))];
            out.push(Section { title: tr.t("step-countries-title"), step: n(Step::Countries), rows });
            out.push(Section {
                title: tr.t("step-places-title"),
                step: n(Step::Places),
                rows: place_rows(true),
            });
        }
    }

    let lang = v.s("language");
    let lang = if lang.is_empty() { lang } else { tr.t(&format!("lang-{lang}")) };
    let period_text = format!("{} – {}", date(tr, &v.s("period.start")), date(tr, &v.s("period.end")));
    let period = if so {
        vec![
            (tr.t("summary-period"), period_text),
            (tr.t("field-language"), lang),
            (tr.t("field-remarks"), v.s("remarks")),
        ]
    } else {
        vec![
            (tr.t("summary-period"), period_text),
            (tr.t("field-covered-before"), yes_no(tr, v.b("conditions.covered_before"))),
            (tr.t("field-extra-contract"), yes_no(tr, v.b("conditions.extra_contract_with_host"))),
            (tr.t("field-host-pay"), yes_no(tr, v.b("conditions.host_can_change_pay"))),
            (tr.t("field-host-dismiss"), yes_no(tr, v.b("conditions.host_can_dismiss"))),
            (tr.t("field-host-discipline"), yes_no(tr, v.b("conditions.host_disciplinary"))),
            (tr.t("field-replaces"), yes_no(tr, v.b("conditions.replaces_posted_worker"))),
            (tr.t("field-mission"), v.s("mission")),
            (tr.t("field-language"), lang),
        ]
    };
    let title = if so { "step-period-so-title" } else { "step-period-title" };
    out.push(Section { title: tr.t(title), step: n(Step::Period), rows: period });

    let mut contact =
        vec![(tr.t("col-name"), join(&[v.s("contact.family_name"), v.s("contact.given_name")]))];
    if so {
        contact.push((tr.t("col-ssin"), v.s("contact.ssin")));
        contact.push((tr.t("field-contact-employer"), v.s("contact.employer")));
        contact.push((tr.t("field-contact-function"), v.s("contact.function")));
    }
    contact.extend([
        (tr.t("field-company"), v.s("contact.company")),
        (tr.t("field-home-address"), address(tr, v, "contact")),
        (tr.t("field-telephone"), v.s("contact.telephone")),
        (tr.t("field-fax"), v.s("contact.fax")),
    ]);
    if !so {
        contact.push((tr.t("field-remarks"), v.s("remarks")));
    }
    out.push(Section { title: tr.t("summary-contact"), step: n(Step::Contact), rows: contact });
    out
}

/// Who reads the assessment: the employer before saving, or an NSSO agent deciding.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The employer, at the summary.
    Employer,
    /// An agent.
    Agent,
}

/// The assessment in words. While a blocking finding stands, the verdict does not say which
/// legislation applies: the NSSO decides.
pub fn assessment_view(tr: Tr, a: &Assessment, reader: Reader) -> AssessmentView {
    let instrument = match &a.instrument {
        Instrument::A1 { framework, article } => {
            let fw = serde_json::to_value(framework)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            tr.ta(
                "instrument-a1",
                &[("article", article.label()), ("framework", &tr.t(&format!("framework-{fw}")))],
            )
        }
        Instrument::CertificateOfCoverage { name, .. } => tr.ta("instrument-coc", &[("name", name)]),
        Instrument::NoAgreement { .. } => tr.t("instrument-no-agreement"),
        Instrument::NationalityExcluded { name, .. } => {
            tr.ta("instrument-nationality-excluded", &[("name", name)])
        }
    };
    let findings = a
        .findings
        .iter()
        .map(|f| {
            let (class, label) = match (f.severity, reader, f.blocks_saving()) {
                (FindingSeverity::Blocking, Reader::Employer, true) => {
                    ("blocking", tr.t("assessment-must-solve"))
                }
                (FindingSeverity::Blocking, Reader::Employer, false) => {
                    ("blocking", tr.t("assessment-leads-to-refusal"))
                }
                (FindingSeverity::Blocking, Reader::Agent, _) => ("blocking", tr.t("assessment-blocking")),
                (FindingSeverity::Warning, _, _) => ("warning", tr.t("assessment-warning")),
            };
            let mut text = tr.code(f.code, &f.params);
            if !f.periods.is_empty() {
                let periods: Vec<String> =
                    f.periods.iter().map(|p| format!("{} – {}", tr.date(p.start), tr.date(p.end))).collect();
                text = format!("{text} ({})", periods.join("; "));
            }
            (class, label, text)
        })
        .collect();
    let undecided = a.is_blocking();
    AssessmentView {
        unsaveable: a.blocking_saving().next().is_some(),
        instrument,
        legislation: if undecided {
            tr.t("assessment-legislation-open")
        } else {
            tr.country(a.legislation).to_owned()
        },
        max_end: a.max_end_date.map(|d| tr.date(d)).unwrap_or_else(|| tr.t("assessment-no-max")),
        reason: if undecided {
            tr.t("assessment-reason-open")
        } else {
            tr.code(a.reason, &Default::default())
        },
        findings,
        manual: a.manual_review,
    }
}

/// `GET /drafts/{id}/summary`.
pub async fn page(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(id): Path<String>,
) -> Response {
    let summary = match state.app.summary(&employer, &id).await {
        Ok(s) => s,
        Err(e) => return app_error(&ctx, e),
    };
    if let Some(tx) = &summary.draft.submitted_request {
        return redirect(&format!("/requests/{tx}"));
    }
    let tr = ctx.tr();
    let sections = sections(tr, &summary.draft.input, summary.draft.kind);
    let (problems, assessment) = match &summary.outcome {
        Ok((_, a)) => (Vec::new(), Some(assessment_view(tr, a, Reader::Employer))),
        Err(issues) => {
            let problems = Errors::labelled(tr, issues)
                .into_iter()
                .map(|(path, text)| {
                    let href = match path.strip_prefix("places[").and_then(|r| r.split(']').next()) {
                        Some(i) => format!("/drafts/{id}/places/{i}"),
                        None => {
                            let kind = summary.draft.kind;
                            let step = Step::of_path(kind, &path).unwrap_or(Step::Employee).number(kind);
                            format!("/drafts/{id}/step/{step}#{}", fid(&path))
                        }
                    };
                    (href, text)
                })
                .collect();
            (problems, None)
        }
    };
    ok(&SummaryPage { p: Page::new(&ctx, "summary-title"), draft_id: id, sections, problems, assessment })
}

/// `POST /drafts/{id}/submit`: saves the request once, however often it is posted.
pub async fn submit(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(id): Path<String>,
    _form: CsrfForm,
) -> Response {
    match state.app.submit(&employer, &id).await {
        Ok(s) => redirect(&format!("/requests/{}", s.transaction_number)),
        Err(AppError::Invalid(_)) => redirect(&format!("/drafts/{id}/summary")),
        Err(e) => app_error(&ctx, e),
    }
}

/// `GET /requests/{tx}`: the confirmation.
pub async fn confirmation(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(tx): Path<String>,
) -> Response {
    let c = match state.app.confirmation(&employer, &tx).await {
        Ok(c) => c,
        Err(e) => return app_error(&ctx, e),
    };
    let tr = ctx.tr();
    let worker = format!("{} {}", c.request.employee.family_name, c.request.employee.given_name);
    let destination = match &c.request.details {
        RequestDetails::Posting(p) => {
            let mut d = tr.country(p.destination.country).to_owned();
            if let Some(t) = p.destination.territory {
                d = format!("{d} — {}", t.name(tr.lang()));
            }
            d
        }
        _ => c.request.countries().iter().map(|c| tr.country(*c)).collect::<Vec<_>>().join(", "),
    };
    let page = ConfirmationPage {
        p: Page::new(&ctx, "confirmation-title"),
        kind: c.record.kind.code(),
        home: super::home::tab_path(c.record.kind),
        body: tr.ta(
            if c.approved { "confirmation-body-approved" } else { "confirmation-body" },
            &[("name", &worker)],
        ),
        number: c.record.transaction_number,
        ssin: c.request.employee.ssin.formatted(),
        worker,
        destination,
        period: format!("{} – {}", tr.date(c.request.period.start), tr.date(c.request.period.end)),
        status: tr.t(&format!("status-{}", c.record.status)),
    };
    ok(&page)
}

/// `POST /requests/{tx}/reuse`: a new draft from this request, opened at the right step.
pub async fn reuse(
    State(state): State<AppState>,
    Employer { ctx, employer }: Employer,
    Path(tx): Path<String>,
    form: CsrfForm,
) -> Response {
    let Some(mode) = form.get("mode").and_then(ReuseMode::parse) else {
        return app_error(&ctx, AppError::NotFound);
    };
    match state.app.reuse(&employer, &tx, mode).await {
        Ok((id, n)) => redirect(&format!("/drafts/{id}/step/{n}")),
        Err(e) => app_error(&ctx, e),
    }
}
