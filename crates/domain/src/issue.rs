//! Validation issues: a code, the field it is about, a severity and parameters.

use crate::code::Code;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How serious an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input cannot be accepted.
    Error,
    /// The input can be accepted once the user confirms it.
    Warning,
}

/// One problem with one field of the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// Stable code, e.g. `ssin.checksum`.
    pub code: Code,
    /// Field path, e.g. `places[1].imo` or `period.end`.
    pub path: String,
    /// Error or warning.
    pub severity: Severity,
    /// Values for the translated message (e.g. `max` for a length).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl Issue {
    /// An error on `path`.
    pub fn error(code: Code, path: impl Into<String>) -> Self {
        Issue { code, path: path.into(), severity: Severity::Error, params: BTreeMap::new() }
    }

    /// A warning on `path`.
    pub fn warning(code: Code, path: impl Into<String>) -> Self {
        Issue { code, path: path.into(), severity: Severity::Warning, params: BTreeMap::new() }
    }

    /// Adds a parameter for the message.
    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }
}

/// Collects issues while a whole input is checked, so that every problem is reported at once.
#[derive(Debug, Default)]
pub struct Issues {
    items: Vec<Issue>,
}

impl Issues {
    /// Records an issue.
    pub fn push(&mut self, issue: Issue) {
        self.items.push(issue);
    }

    /// Records an error for `code` on `path`.
    pub fn error(&mut self, code: Code, path: impl Into<String>) {
        self.push(Issue::error(code, path));
    }

    /// True when at least one error (not a warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|i| i.severity == Severity::Error)
    }

    /// The recorded issues, in the order they were found.
    pub fn into_vec(self) -> Vec<Issue> {
        self.items
    }

    /// The recorded issues.
    pub fn as_slice(&self) -> &[Issue] {
        &self.items
    }
}
