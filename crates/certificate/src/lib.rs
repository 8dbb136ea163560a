//! Certificates: a plain [`CertificateData`] becomes a PDF (A1 attestation, certificate of
//! coverage, or rejection letter) in French, Dutch or German, with a QR code that carries an
//! Ed25519-signed payload anyone can verify. Pure apart from the fonts it embeds: no database,
//! no clock, no network; the same data gives the same bytes.
#![forbid(unsafe_code)]

mod codes;
mod content;
mod data;
mod deflate;
mod kept;
mod lines;
mod pdf;
pub mod qr;
mod shape;
mod sign;
mod writer;

pub use data::{CertificateData, DocumentKind, Employer, Holder, PlaceLine};
pub use pdf::{RenderError, bare_page, render};
pub use sign::{Keyring, Payload, SignError, VerifyError, verify_token};
