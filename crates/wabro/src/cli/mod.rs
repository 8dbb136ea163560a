//! Subcommands.

pub mod assess;
pub mod validate;

/// Today's date (UTC).
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}
