//! The typed, validated request model. Values here have passed validation: identifiers are
//! parsed, required fields are present, periods are ordered.

mod place;
mod request;

pub use place::{PlaceKind, PlaceOfWork, SharedPlace};
pub use request::*;
