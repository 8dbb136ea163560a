//! The employer's request search: criteria, sort keys and result rows.

use time::Date;
use wabro_domain::RequestKind;

/// How results are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Transaction number (= filing order).
    Number,
    /// Kind.
    Kind,
    /// Worker SSIN.
    Ssin,
    /// Worker name.
    Worker,
    /// Country.
    Country,
    /// Status.
    Status,
    /// Admitted period (start).
    Admitted,
    /// Requested period (start).
    Requested,
}

impl SortKey {
    /// All keys, with their URL codes.
    pub const ALL: [(SortKey, &'static str); 8] = [
        (SortKey::Number, "number"),
        (SortKey::Kind, "kind"),
        (SortKey::Ssin, "ssin"),
        (SortKey::Worker, "worker"),
        (SortKey::Country, "country"),
        (SortKey::Status, "status"),
        (SortKey::Admitted, "admitted"),
        (SortKey::Requested, "requested"),
    ];

    /// The URL code.
    pub fn code(self) -> &'static str {
        SortKey::ALL.iter().find(|(k, _)| *k == self).map(|(_, c)| *c).unwrap_or("number")
    }

    /// Parses a URL code.
    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.iter().find(|(_, c)| *c == s).map(|(k, _)| *k)
    }
}

/// Validated search criteria, every one optional.
#[derive(Clone, Debug, Default)]
pub struct Criteria {
    /// Transaction number, exact.
    pub number: Option<String>,
    /// Kind.
    pub kind: Option<RequestKind>,
    /// Worker SSIN (11 digits).
    pub ssin: Option<String>,
    /// Part of the worker's name, as a search key.
    pub name_key: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Territory code.
    pub territory: Option<String>,
    /// Requested period starts on or after.
    pub requested_from: Option<Date>,
    /// Requested period ends on or before.
    pub requested_to: Option<Date>,
    /// Admitted period starts on or after.
    pub admitted_from: Option<Date>,
    /// Admitted period ends on or before.
    pub admitted_to: Option<Date>,
    /// The period (admitted, else requested) overlaps from this day...
    pub abroad_from: Option<Date>,
    /// ...to this day: "who is abroad in March".
    pub abroad_to: Option<Date>,
    /// Status code.
    pub status: Option<String>,
    /// Decision (`approved` or `rejected`).
    pub decision: Option<String>,
    /// Only requests that can still be cancelled on this day.
    pub cancellable_on: Option<Date>,
    /// Country codes in the order their names sort in the interface language (sorting by
    /// country follows it; empty: by code).
    pub country_order: Vec<&'static str>,
    /// Order.
    pub sort: Option<SortKey>,
    /// Descending order.
    pub descending: bool,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return.
    pub limit: u32,
}

/// A request as a search lists it.
#[derive(Clone, Debug)]
pub struct RequestRow {
    /// Transaction number.
    pub transaction_number: String,
    /// Kind.
    pub kind: RequestKind,
    /// Worker SSIN (digits).
    pub ssin: String,
    /// Worker name.
    pub worker_name: String,
    /// Main country.
    pub country: String,
    /// Every country of work, comma-separated (empty for requests stored without the list).
    pub countries: String,
    /// Territory code.
    pub territory: Option<String>,
    /// Status code.
    pub status: String,
    /// Decision code, once decided.
    pub decision: Option<String>,
    /// Requested start.
    pub start: Date,
    /// Requested end.
    pub end: Date,
    /// Admitted start.
    pub admitted_start: Option<Date>,
    /// Admitted end.
    pub admitted_end: Option<Date>,
}
