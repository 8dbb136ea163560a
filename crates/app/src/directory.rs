//! The personnel directory: an enterprise's workers, found by SSIN or part of the name.

use crate::app::App;
use crate::ctx::EmployerCtx;
use crate::error::{AppError, AppResult};
use crate::ports::{DirectoryQuery, WorkerRecord};
use wabro_domain::rules::DimonaPeriod;
use wabro_domain::{Code, Issue, Ssin, search_key};

/// A worker found, with the Dimona periods that relate them to the enterprise.
#[derive(Clone, Debug)]
pub struct DirectoryHit {
    /// The worker.
    pub worker: WorkerRecord,
    /// Dimona periods with this enterprise, oldest first.
    pub dimona: Vec<DimonaPeriod>,
}

/// At most this many results.
const LIMIT: u32 = 50;

impl App {
    /// Searches the enterprise's workers: a complete SSIN (any separators) or at least two
    /// letters of the family or given name (case and accents ignored), as Consult does.
    pub async fn search_directory(&self, ctx: &EmployerCtx, q: &str) -> AppResult<Vec<DirectoryHit>> {
        let q = q.trim();
        let digits = q.chars().filter(char::is_ascii_digit).count();
        let query = if digits >= 6 && q.chars().all(|c| c.is_ascii_digit() || " .-/".contains(c)) {
            let ssin = Ssin::parse_structure(q).map_err(|c| AppError::Invalid(vec![Issue::error(c, "q")]))?;
            DirectoryQuery::Ssin(ssin.as_str().to_owned())
        } else {
            let key = search_key(q);
            if key.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                return Err(AppError::Invalid(vec![Issue::error(Code::SearchTooShort, "q")]));
            }
            DirectoryQuery::Name(key)
        };
        let workers = self.store.search_workers(ctx.scope(), &query, LIMIT).await?;
        let ssins: Vec<String> = workers.iter().map(|w| w.ssin.as_str().to_owned()).collect();
        let mut dimona = self.store.dimona_of(ctx.scope(), &ssins).await?;
        Ok(workers
            .into_iter()
            .map(|worker| {
                let dimona = dimona.remove(worker.ssin.as_str()).unwrap_or_default();
                DirectoryHit { worker, dimona }
            })
            .collect())
    }
}
