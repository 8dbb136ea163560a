//! How long a text may be: the same limits for the forms, the API, imports and every free
//! text an agent or an employer types.

/// Longest short value (house number, PO box, postal code).
pub const SHORT: usize = 20;
/// Longest ordinary text (names, street, city).
pub const NORMAL: usize = 120;
/// Longest free text (mission, remarks, description, a cancel justification, a rejection's
/// explanation).
pub const LONG: usize = 2000;
