//! Wabro's storage: the application's ports implemented on SQLite (the embedded default).
//! Every query that reads employer data filters on the caller's enterprise in the SQL itself.
#![forbid(unsafe_code)]

mod codec;
mod migrate;
mod sqlite;

pub use sqlite::{BulkRequest, SqliteStore};
