//! The pages, one module per area.

pub mod account;
pub mod agent;
pub mod audit;
pub mod auth;
pub mod consult;
pub mod documents;
pub mod home;
pub mod places;
pub mod summary;
pub mod users;
pub mod wizard;
