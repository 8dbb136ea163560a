//! Integration tests of the domain crate (one binary keeps link time down).

mod agreements;
mod assessment;
mod identifiers;
mod lifecycle;
mod properties;
mod support;
mod validation;
