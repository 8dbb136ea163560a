//! From [`RequestInput`] to a typed [`Request`], reporting every issue at once.

mod fields;
mod kinds;
mod places;

pub use fields::parse_date;

use crate::input::{ConditionsInput, ContactInput, RequestInput};
use crate::{
    Address, CertificateLanguage, Code, ContactPerson, Country, Employee, Issue, Issues, Period, Request,
    RequestKind, Severity, WorkConditions,
};
use fields::{Ctx, LONG, SHORT};
use time::Date;

/// A request that passed validation, with the warnings the user confirmed.
#[derive(Clone, Debug, PartialEq)]
pub struct Validated {
    /// The typed request.
    pub request: Request,
    /// Confirmed warnings (e.g. an IMO number whose check digit fails).
    pub warnings: Vec<Issue>,
}

/// Checks a whole request. `Err` lists every error and every warning still to be confirmed,
/// each with its code and field path; `Ok` carries the typed request.
pub fn validate(input: &RequestInput, today: Date) -> Result<Validated, Vec<Issue>> {
    let mut cx = Ctx { today, issues: Issues::default() };
    let kind = match input.kind.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            cx.issues.error(Code::FieldRequired, "kind");
            None
        }
        Some(k) => {
            let kind = RequestKind::parse(k);
            if kind.is_none() {
                cx.issues.error(Code::KindUnknown, "kind");
            }
            kind
        }
    };
    let employee = employee(&mut cx, input);
    let period = period(&mut cx, input);
    let language = language(&mut cx, &input.language);
    let contact = contact(&mut cx, &input.contact, kind == Some(RequestKind::SimultaneousOccupation));
    let remarks = cx.text(&input.remarks, "remarks", false, LONG);
    let (details, confirmed) = match kind {
        Some(RequestKind::Posting) => kinds::posting(&mut cx, input),
        Some(RequestKind::Seafarer) => kinds::seafarer(&mut cx, input),
        Some(RequestKind::SimultaneousOccupation) => kinds::simultaneous(&mut cx, input),
        None => (None, Vec::new()),
    };
    let blocking =
        cx.issues.has_errors() || cx.issues.as_slice().iter().any(|i| i.severity == Severity::Warning);
    match (employee, period, language, contact, details) {
        (Some(employee), Some(period), Some(language), Some(contact), Some(details)) if !blocking => {
            Ok(Validated {
                request: Request { employee, period, language, contact, remarks, details },
                warnings: confirmed,
            })
        }
        _ => Err(cx.issues.into_vec()),
    }
}

fn employee(cx: &mut Ctx, input: &RequestInput) -> Option<Employee> {
    let e = &input.employee;
    let ssin = cx.ssin(&e.ssin, "employee.ssin", true);
    let family_name = cx.req(&e.family_name, "employee.family_name");
    let given_name = cx.req(&e.given_name, "employee.given_name");
    let nationality = cx.country(&e.nationality, "employee.nationality", true);
    let home = cx.address(&e.home_address, "employee.home_address");
    let temporary: Option<Option<Address>> = match &e.temporary_address {
        None => Some(None),
        Some(a) => cx.address(a, "employee.temporary_address").map(Some),
    };
    Some(Employee {
        ssin: ssin?,
        family_name: family_name?,
        given_name: given_name?,
        nationality: nationality?,
        home_address: home?,
        temporary_address: temporary?,
    })
}

fn period(cx: &mut Ctx, input: &RequestInput) -> Option<Period> {
    let start = cx.date(&input.period.start, "period.start");
    let end = cx.date(&input.period.end, "period.end");
    let (start, end) = (start?, end?);
    let p = Period::new(start, end);
    if p.is_none() {
        cx.issues.error(Code::PeriodEndBeforeStart, "period.end");
    }
    p
}

fn language(cx: &mut Ctx, v: &Option<String>) -> Option<CertificateLanguage> {
    let s = cx.text(v, "language", true, 10)?;
    let l = CertificateLanguage::parse(&s);
    if l.is_none() {
        cx.issues.error(Code::LanguageUnknown, "language");
    }
    l
}

fn contact(cx: &mut Ctx, c: &ContactInput, simultaneous: bool) -> Option<ContactPerson> {
    let family_name = cx.req(&c.family_name, "contact.family_name");
    let given_name = cx.req(&c.given_name, "contact.given_name");
    let company = cx.opt(&c.company, "contact.company");
    let telephone = cx.phone(&c.telephone, "contact.telephone", true);
    let fax = cx.phone(&c.fax, "contact.fax", false);
    let any_address = [&c.street, &c.number, &c.postal_code, &c.city]
        .iter()
        .any(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty()));
    let address = if any_address {
        let street = cx.req(&c.street, "contact.street");
        let number = cx.text(&c.number, "contact.number", false, SHORT);
        let po_box = cx.text(&c.po_box, "contact.po_box", false, SHORT);
        let postal = cx.text(&c.postal_code, "contact.postal_code", true, SHORT);
        let city = cx.req(&c.city, "contact.city");
        let country = cx.country(&c.country, "contact.country", false).or(Some(Country::BE));
        let postal = cx.postal_for(postal, country, "contact.postal_code");
        Some(Address {
            street: street?,
            number: number.unwrap_or_default(),
            po_box,
            postal_code: postal?,
            city: city?,
            country: country?,
        })
    } else {
        None
    };
    let ssin = cx.ssin(&c.ssin, "contact.ssin", simultaneous);
    let employer = cx.text(&c.employer, "contact.employer", simultaneous, fields::NORMAL);
    let function = cx.text(&c.function, "contact.function", simultaneous, fields::NORMAL);
    if any_address && address.is_none() {
        return None;
    }
    Some(ContactPerson {
        family_name: family_name?,
        given_name: given_name?,
        company,
        address,
        telephone: telephone?,
        fax,
        ssin,
        employer,
        function,
    })
}

/// The six yes/no answers, each required.
fn conditions(cx: &mut Ctx, c: &ConditionsInput) -> Option<WorkConditions> {
    let p = |f: &str| format!("conditions.{f}");
    let covered_before = cx.yes_no(c.covered_before, &p("covered_before"));
    let extra = cx.yes_no(c.extra_contract_with_host, &p("extra_contract_with_host"));
    let pay = cx.yes_no(c.host_can_change_pay, &p("host_can_change_pay"));
    let dismiss = cx.yes_no(c.host_can_dismiss, &p("host_can_dismiss"));
    let discipline = cx.yes_no(c.host_disciplinary, &p("host_disciplinary"));
    let replaces = cx.yes_no(c.replaces_posted_worker, &p("replaces_posted_worker"));
    Some(WorkConditions {
        covered_before: covered_before?,
        extra_contract_with_host: extra?,
        host_can_change_pay: pay?,
        host_can_dismiss: dismiss?,
        host_disciplinary: discipline?,
        replaces_posted_worker: replaces?,
    })
}
