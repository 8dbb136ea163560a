//! The administrator's view of the audit trail: search and export.

use crate::app::{App, By};
use crate::ctx::AgentCtx;
use crate::error::{AppError, AppResult};
use crate::ports::{AuditFilter, AuditRecord};
use serde::{Deserialize, Serialize};
use wabro_domain::{Code, EnterpriseNumber, Issue, parse_date};

/// Records on one page of the audit search.
pub const AUDIT_PAGE: u32 = 50;

/// Records in one export at the most.
pub const AUDIT_EXPORT_MAX: u32 = 10_000;

/// Audit search criteria as they come from the URL.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    /// Part of the acting person's e-mail or name.
    pub person: Option<String>,
    /// An enterprise number.
    pub enterprise: Option<String>,
    /// A transaction or document number.
    pub reference: Option<String>,
    /// From this day.
    pub from: Option<String>,
    /// Up to this day.
    pub to: Option<String>,
    /// Records older than this id (the next page).
    pub before: Option<String>,
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl AuditQuery {
    fn filter(&self, limit: u32) -> Result<AuditFilter, Vec<Issue>> {
        let mut issues = Vec::new();
        let mut f = AuditFilter { limit, ..Default::default() };
        f.person = text(&self.person).map(|p| p.chars().take(wabro_domain::limits::NORMAL).collect());
        if let Some(e) = text(&self.enterprise) {
            match EnterpriseNumber::parse(e) {
                Ok(n) => f.enterprise_number = Some(n.as_str().to_owned()),
                Err(code) => issues.push(Issue::error(code, "enterprise")),
            }
        }
        f.reference = text(&self.reference)
            .map(|r| r.to_uppercase().chars().take(wabro_domain::limits::NORMAL).collect());
        for (value, path, slot) in [(&self.from, "from", &mut f.from), (&self.to, "to", &mut f.to)] {
            if let Some(d) = text(value) {
                match parse_date(d) {
                    Some(d) => *slot = Some(d),
                    None => issues.push(Issue::error(Code::DateInvalid, path)),
                }
            }
        }
        if let (Some(from), Some(to)) = (f.from, f.to)
            && to < from
        {
            issues.push(Issue::error(Code::PeriodEndBeforeStart, "to"));
        }
        if let Some(b) = text(&self.before) {
            match b.parse::<i64>() {
                Ok(id) if id > 0 => f.before_id = Some(id),
                _ => issues
                    .push(Issue::error(Code::NumberRange, "before").with("min", 1).with("max", i64::MAX)),
            }
        }
        if issues.is_empty() { Ok(f) } else { Err(issues) }
    }
}

impl App {
    /// A page of the audit trail, newest first (administrators only).
    pub async fn search_audit(&self, admin: &AgentCtx, q: &AuditQuery) -> AppResult<Vec<AuditRecord>> {
        if !admin.is_admin() {
            return Err(AppError::Forbidden);
        }
        let filter = q.filter(AUDIT_PAGE).map_err(AppError::Invalid)?;
        Ok(self.store.search_audit(&filter).await?)
    }

    /// The records an export holds (at most [`AUDIT_EXPORT_MAX`]); the export itself is
    /// audited.
    pub async fn export_audit(&self, admin: &AgentCtx, q: &AuditQuery) -> AppResult<Vec<AuditRecord>> {
        if !admin.is_admin() {
            return Err(AppError::Forbidden);
        }
        let filter = q.filter(AUDIT_EXPORT_MAX).map_err(AppError::Invalid)?;
        let records = self.store.search_audit(&filter).await?;
        let detail = serde_json::json!({ "records": records.len(), "criteria": q }).to_string();
        let exported = self.audit_by(By::agent(admin, None), "audit", "", "exported", detail);
        self.store.record(&exported).await?;
        Ok(records)
    }
}
