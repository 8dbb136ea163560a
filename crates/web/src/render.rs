//! Rendering: the page frame every template shares, errors for forms, redirects, error pages.

use crate::context::Ctx;
use crate::form::fid;
use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use wabro_domain::{Issue, Lang};
use wabro_i18n::Tr;

/// What the frame of every page needs.
pub struct Page {
    /// Translator.
    pub tr: Tr,
    /// `<html lang>`.
    pub lang: &'static str,
    /// CSRF token for forms.
    pub csrf: String,
    /// Logged-in user's name.
    pub user: Option<String>,
    /// The page title (already translated).
    pub title: String,
    /// This path (the language switch comes back to it).
    pub path: String,
    /// The user manages the enterprise's users (shows the Users tab).
    pub manager: bool,
    /// The user is an NSSO agent (shows the back office instead of the employer tabs).
    pub agent: bool,
    /// The user is an administrator (shows the audit tab).
    pub admin: bool,
    /// Unread e-Box documents.
    pub unread: u64,
    /// This request's id, shown on error pages so that support can find its log line.
    pub request_id: String,
}

impl Page {
    /// The frame for a page titled by message `title_key`.
    pub fn new(ctx: &Ctx, title_key: &str) -> Page {
        let tr = ctx.tr();
        Page {
            tr,
            lang: ctx.lang.tag(),
            csrf: ctx.csrf.clone(),
            user: ctx.actor().map(|a| a.name.clone()),
            title: tr.t(title_key),
            path: ctx.path.clone(),
            manager: ctx.actor().is_some_and(|a| a.role == wabro_app::Role::AccessManager),
            agent: ctx.actor().is_some_and(|a| a.agent().is_some()),
            admin: ctx.actor().is_some_and(|a| a.role == wabro_app::Role::Admin),
            unread: ctx.unread.unwrap_or(0),
            request_id: ctx.origin.request_id_text(),
        }
    }

    /// The other interface languages, for the switcher: (tag, name in that language).
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        [(Lang::En, "English"), (Lang::Fr, "Français"), (Lang::Nl, "Nederlands"), (Lang::De, "Deutsch")]
            .into_iter()
            .map(|(l, name)| (l.tag(), name, l.tag() == self.lang))
            .collect()
    }

    /// A translated message.
    pub fn t(&self, id: impl AsRef<str>) -> String {
        self.tr.t(id.as_ref())
    }

    /// "Logged in as …".
    pub fn logged_in_as(&self, name: &str) -> String {
        self.tr.ta("logged-in-as", &[("name", name)])
    }

    /// "Step n of m".
    pub fn step_of(&self, n: &u8, total: &u8) -> String {
        self.tr.ta("step-of", &[("step", &n.to_string()), ("steps", &total.to_string())])
    }

    /// The HTML id of a field path.
    pub fn id(&self, path: impl AsRef<str>) -> String {
        fid(path.as_ref())
    }

    /// Every country, by name in the page's language: (code, name).
    pub fn countries(&self) -> Vec<(&'static str, &'static str)> {
        self.tr.countries_by_name().iter().map(|c| (c.code(), self.tr.country(*c))).collect()
    }
}

/// Field errors of a form, translated: for the summary at the top and next to each field.
#[derive(Default)]
pub struct Errors {
    items: Vec<(String, String)>,
}

impl Errors {
    /// Translates issues.
    pub fn new(tr: Tr, issues: &[Issue]) -> Errors {
        Errors { items: Errors::labelled(tr, issues) }
    }

    /// "Label: message" lines for a list that is far from the fields.
    pub fn labelled(tr: Tr, issues: &[Issue]) -> Vec<(String, String)> {
        issues
            .iter()
            .map(|i| {
                let message = tr.code(i.code, &i.params);
                let text = match field_label(&i.path) {
                    Some(key) => format!("{}: {message}", tr.t(key)),
                    None => message,
                };
                (i.path.clone(), text)
            })
            .collect()
    }

    /// The first message for a field.
    pub fn get(&self, path: impl AsRef<str>) -> Option<&str> {
        let path = path.as_ref();
        self.items.iter().find(|(p, _)| p == path).map(|(_, m)| m.as_str())
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// (anchor id, message) pairs for the error summary.
    pub fn summary(&self) -> Vec<(String, String)> {
        self.items.iter().map(|(p, m)| (fid(p), m.clone())).collect()
    }
}

/// The message id of a field's label, by its path (the last segment decides for nested ones).
pub fn field_label(path: &str) -> Option<&'static str> {
    let last = path.rsplit('.').next().unwrap_or(path);
    if path.starts_with("countries[") {
        return Some("field-country");
    }
    Some(match (path, last) {
        ("employee.ssin" | "contact.ssin", _) => "col-ssin",
        ("recruitment_date", _) => "field-recruitment-date",
        ("classification.type", _) => "field-classification",
        ("classification.homebase_country", _) => "field-homebase-country",
        ("countries", _) => "step-countries-title",
        ("also_in_belgium", _) => "field-also-in-belgium",
        ("ship.name", _) => "field-ship-name",
        ("contact.employer", _) => "field-contact-employer",
        ("contact.function", _) => "field-contact-function",
        ("employee.family_name" | "contact.family_name", _) => "field-family-name",
        ("employee.given_name" | "contact.given_name", _) => "field-given-name",
        ("employee.nationality", _) => "field-nationality",
        ("entry_into_service", _) => "field-entry-into-service",
        ("private_sector", _) => "field-private-sector",
        ("destination.country" | "destination.territory", _) => "field-destination",
        ("places", _) => "places-title",
        ("period.start", _) => "field-period-start",
        ("period.end", _) => "field-period-end",
        ("conditions.covered_before", _) => "field-covered-before",
        ("conditions.extra_contract_with_host", _) => "field-extra-contract",
        ("conditions.host_can_change_pay", _) => "field-host-pay",
        ("conditions.host_can_dismiss", _) => "field-host-dismiss",
        ("conditions.host_disciplinary", _) => "field-host-discipline",
        ("conditions.replaces_posted_worker", _) => "field-replaces",
        ("mission", _) => "field-mission",
        ("language", _) => "field-language",
        ("remarks", _) => "field-remarks",
        ("min_age_days", _) => "queue-min-age",
        ("birth_date", _) => "verify-birth-date",
        ("abroad_from" | "abroad_to", _) => "col-abroad",
        ("from", _) => "audit-from",
        ("current", _) => "password-current",
        ("new", _) => "password-new",
        ("repeated", _) => "password-repeated",
        ("password", _) => "login-password",
        ("to", _) => "audit-to",
        ("contact.company", _) => "field-company",
        ("contact.telephone", _) => "field-telephone",
        ("contact.fax", _) => "field-fax",
        (_, "street") => "field-street",
        (_, "number") => "field-number",
        (_, "po_box") => "field-po-box",
        (_, "postal_code") => "field-postal-code",
        (_, "city") => "field-city",
        (_, "country") => "field-country",
        (_, "name") => "field-place-name",
        (_, "foreign_id") => "field-foreign-id",
        (_, "description") => "field-description",
        (_, "registration_number") => "field-registration-number",
        (_, "operating_area") => "field-operating-area",
        (_, "operating_country") => "field-operating-country",
        (_, "imo") => "field-imo",
        (_, "flag") => "field-flag",
        (_, "percentage") => "field-percentage",
        (_, "in_territorial_waters") => "field-in-territorial-waters",
        (_, "type") => "place-type",
        _ => return None,
    })
}

/// Renders a template as a page with a status.
pub fn html(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

/// A page with status 200.
pub fn ok(t: &impl Template) -> Response {
    html(StatusCode::OK, t)
}

/// The answer to a client that must wait: `429 Too Many Requests` with `Retry-After`.
pub fn too_many(retry_after_secs: u64, mut response: Response) -> Response {
    *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(retry_after_secs));
    response
}

/// 303 See Other.
pub fn redirect(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    p: Page,
    message: String,
}

/// An error page with translated title and message ids.
pub fn error_page(ctx: &Ctx, status: StatusCode, title_key: &str, message_key: &str) -> Response {
    let tr = ctx.tr();
    error_page_text(ctx, status, &tr.t(title_key), &tr.t(message_key))
}

/// An error page with a translated title and message.
pub fn error_page_text(ctx: &Ctx, status: StatusCode, title: &str, message: &str) -> Response {
    let mut p = Page::new(ctx, "service-name");
    p.title = title.to_owned();
    html(status, &ErrorPage { p, message: message.to_owned() })
}

/// The response for a use-case error that a page does not handle itself.
pub fn app_error(ctx: &Ctx, e: wabro_app::AppError) -> Response {
    use wabro_app::AppError as E;
    match e {
        E::NotFound => error_page(ctx, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found"),
        E::Forbidden => error_page(ctx, StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden"),
        E::Conflict(code) => {
            let tr = ctx.tr();
            error_page_text(
                ctx,
                StatusCode::CONFLICT,
                &tr.t("error-server-title"),
                &tr.code(code, &Default::default()),
            )
        }
        other => {
            tracing::error!(error = %other, "request failed");
            error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-server-title", "error-server")
        }
    }
}
