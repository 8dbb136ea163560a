//! In-process HTTP tests of the web layer over a real SQLite database with the demo data.

mod agents;
mod auth;
mod consult;
mod directory;
mod documents;
mod faults;
mod invariants;
mod isolation;
mod kinds;
mod languages;
mod security;
mod support;
mod users;
mod wizard;
