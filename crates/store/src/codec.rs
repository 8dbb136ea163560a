//! One policy for values in the database: dates as `YYYY-MM-DD`, timestamps as RFC 3339 UTC,
//! booleans as 0/1, JSON as text.

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime, UtcOffset};
use wabro_app::ports::StoreError;

/// A timestamp as stored.
pub fn ts(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC).format(&Rfc3339).unwrap_or_default()
}

/// A stored timestamp.
pub fn parse_ts(s: &str) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::parse(s, &Rfc3339).map_err(|e| StoreError::Corrupt(format!("timestamp {s}: {e}")))
}

/// A date as stored.
pub fn date(d: Date) -> String {
    d.to_string()
}

/// A stored date.
pub fn parse_date(s: &str) -> Result<Date, StoreError> {
    wabro_domain::parse_date(s).ok_or_else(|| StoreError::Corrupt(format!("date {s}")))
}

/// A database error as a store error.
pub fn db(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Duplicate(d.message().to_owned()),
        _ => StoreError::Database(e.to_string()),
    }
}

/// Stored JSON.
pub fn parse_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, StoreError> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("json: {e}")))
}
