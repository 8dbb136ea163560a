//! Documents: the worker that turns decisions into signed PDFs, the employer's e-Box, the
//! NSSO's print queue, and public verification.

use crate::app::{App, By};
use crate::ctx::{AgentCtx, EmployerCtx};
use crate::error::{AppError, AppResult};
use crate::ports::{AuditEntry, DocumentRow, IssuedDocument, NewDocument, RequestRecord};
use std::sync::Arc;
use wabro_certificate::{
    CertificateData, DocumentKind, Employer, Holder, Keyring, Payload, PlaceLine, render,
};
use wabro_domain::{Decision, Request, RequestDetails, Sex};

/// What certificates need: the signing keys and the public address of the verification page.
#[derive(Clone)]
pub struct Certificates {
    /// Signing keys.
    pub keyring: Arc<Keyring>,
    /// Public base address, e.g. `https://wabro.example.be`.
    pub public_url: String,
}

/// The answer of the verification page.
#[derive(Clone, Debug)]
pub enum Verification {
    /// Authentic and in force.
    Valid(DocumentRow),
    /// An authentic rejection letter: issued by the NSSO, but it certifies no coverage.
    Rejection(DocumentRow),
    /// A document number alone says nothing: the holder's date of birth printed on the
    /// document is needed too (or the QR code).
    BirthDateNeeded,
    /// Authentic but withdrawn.
    Withdrawn(DocumentRow),
    /// Authentic but its period has ended.
    Expired(DocumentRow),
    /// No such document.
    Unknown,
    /// The payload was altered or signed by an unknown key.
    NotAuthentic,
}

/// Jobs the worker takes at once; their documents are stored in one transaction.
pub const JOB_BATCH: u32 = 32;

/// How long a worker's claim on its jobs lasts: after it, another worker takes over the jobs of
/// one that stopped, and a failed job is tried again.
pub const JOB_LEASE: time::Duration = time::Duration::minutes(1);

fn log_issued(d: &IssuedDocument) {
    tracing::info!(document = %d.document.document_number, channel = %d.document.channel, "document issued");
}

fn status_code(article: &str) -> &'static str {
    match article {
        "12(1)" => "01",
        "11(3)(b)" => "05",
        "11(4)" => "07",
        "11(5)" => "10",
        "13(3)" => "08",
        _ => "02",
    }
}

/// The certificate data of a decided request.
pub fn certificate_data(
    record: &RequestRecord,
    request: &Request,
    enterprise: &crate::ports::EnterpriseRecord,
    issued_on: time::Date,
) -> Option<(CertificateData, Payload)> {
    let decision: Decision = serde_json::from_str(record.decision_json.as_deref()?).ok()?;
    let assessment: serde_json::Value = serde_json::from_str(&record.assessment_json).ok()?;
    let instrument = &assessment["instrument"];
    let legislation =
        wabro_domain::Country::parse(assessment["legislation"].as_str().unwrap_or("BE")).ok()?;
    let (kind, start, end, reason) = match &decision {
        Decision::Approved { admitted, .. } => {
            let kind = if instrument["type"] == "a1" {
                DocumentKind::A1
            } else {
                DocumentKind::CertificateOfCoverage
            };
            (kind, admitted.start, admitted.end, None)
        }
        Decision::Rejected { reason, .. } => {
            (DocumentKind::Rejection, request.period.start, request.period.end, Some(reason.clone()))
        }
    };
    let prefix = match kind {
        DocumentKind::A1 => "A1",
        DocumentKind::CertificateOfCoverage => "COC",
        DocumentKind::Rejection => "REJ",
    };
    let e = &request.employee;
    let a = &e.home_address;
    let places: Vec<PlaceLine> = match &request.details {
        RequestDetails::Posting(p) => p
            .places
            .iter()
            .map(|pl| PlaceLine {
                country: p.destination.country,
                name: pl.name().to_owned(),
                details: String::new(),
            })
            .collect(),
        RequestDetails::Seafarer(s) => {
            vec![PlaceLine {
                country: s.ship.flag,
                name: s.ship.name.clone(),
                details: s.ship.imo.formatted(),
            }]
        }
        RequestDetails::SimultaneousOccupation(s) => s
            .places
            .iter()
            .map(|p| PlaceLine {
                country: p.country,
                name: p.place.name().to_owned(),
                details: format!("({} %)", p.percentage),
            })
            .collect(),
    };
    let data = CertificateData {
        document_number: format!("{prefix}-{}", record.transaction_number),
        transaction_number: record.transaction_number.clone(),
        kind,
        language: request.language,
        holder: Holder {
            ssin: e.ssin.formatted(),
            sex: match e.ssin.sex() {
                Some(Sex::Male) => "M".into(),
                Some(Sex::Female) => "F".into(),
                None => String::new(),
            },
            family_name: e.family_name.clone(),
            given_name: e.given_name.clone(),
            birth_date: e.ssin.birth_date(),
            birth_year: e.ssin.birth_year(),
            nationality: e.nationality,
            address: format!("{} {}, {} {}, {}", a.street, a.number, a.postal_code, a.city, a.country),
        },
        legislation,
        start,
        end,
        status_code: status_code(instrument["article"].as_str().unwrap_or("12(1)")).to_owned(),
        article: instrument["article"].as_str().unwrap_or("").to_owned(),
        agreement: instrument["name"].as_str().map(str::to_owned),
        form: instrument["form"].as_str().map(str::to_owned),
        employer: Employer {
            name: enterprise.name.clone(),
            enterprise_number: wabro_domain::EnterpriseNumber::parse(&enterprise.enterprise_number)
                .map(|n| n.formatted())
                .unwrap_or_else(|_| enterprise.enterprise_number.clone()),
            nsso_number: wabro_domain::EmployerNumber::parse(&enterprise.nsso_number)
                .map(|n| n.formatted())
                .unwrap_or_else(|_| enterprise.nsso_number.clone()),
            address: format!("{}, {} {}", enterprise.street, enterprise.postal_code, enterprise.city),
        },
        places,
        rejection_reason: reason,
        issued_on,
        verification_url: String::new(),
    };
    let payload = Payload {
        n: data.document_number.clone(),
        k: kind.code().to_owned(),
        s: legislation.code().to_owned(),
        from: start.to_string(),
        to: end.to_string(),
        y: e.ssin.birth_year(),
    };
    Some((data, payload))
}

impl App {
    /// Adds what certificates need (without it, the document jobs wait).
    pub fn with_certificates(mut self, certificates: Certificates) -> App {
        self.certificates = Some(certificates);
        self
    }

    /// Issues the documents of pending decisions; returns how many were issued.
    ///
    /// Jobs are claimed [`JOB_BATCH`] at a time for [`JOB_LEASE`], so that several workers share
    /// the work without doing any of it twice, and their documents are stored in one
    /// transaction: a burst of decisions costs one disk sync per batch rather than one per
    /// document.
    pub async fn process_jobs(&self) -> AppResult<usize> {
        let Some(certs) = self.certificates.clone() else { return Ok(0) };
        let mut done = 0;
        loop {
            let now = self.clock.now();
            let jobs = self.store.claim_jobs(JOB_BATCH, now, now + JOB_LEASE).await?;
            if jobs.is_empty() {
                return Ok(done);
            }
            // The batch's requests and enterprises in one read.
            let numbers: Vec<String> = jobs.iter().map(|j| j.transaction_number.clone()).collect();
            let requests: std::collections::HashMap<String, _> = self
                .store
                .requests_to_issue(crate::ctx::SearchScope::Nsso, &numbers)
                .await?
                .into_iter()
                .map(|r| (r.record.transaction_number.clone(), r))
                .collect();
            let mut batch = Vec::with_capacity(jobs.len());
            for job in &jobs {
                let issued = match requests.get(&job.transaction_number) {
                    Some(r) => self.issue(&certs, r, job.id),
                    None => Err(AppError::NotFound),
                };
                match issued {
                    Ok(document) => batch.push(document),
                    Err(e) => self.job_failed(job.id, &e).await?,
                }
            }
            if let Ok(stored) = self.store.store_documents(&batch).await {
                done += stored.len();
                batch.iter().filter(|d| stored.contains(&d.job_id)).for_each(log_issued);
                continue;
            }
            // One document the store refuses must not hold back the others.
            for document in &batch {
                match self.store.store_documents(std::slice::from_ref(document)).await {
                    Ok(stored) => {
                        done += stored.len();
                        if !stored.is_empty() {
                            log_issued(document);
                        }
                    }
                    Err(e) => self.job_failed(document.job_id, &e.into()).await?,
                }
            }
        }
    }

    async fn job_failed(&self, job_id: i64, e: &AppError) -> AppResult<()> {
        tracing::error!(job = job_id, error = %e, "document not issued");
        Ok(self.store.job_failed(job_id, &e.to_string()).await?)
    }

    /// Renders and signs the document of a decided request.
    fn issue(
        &self,
        certs: &Certificates,
        r: &crate::ports::AgentRequest,
        job_id: i64,
    ) -> AppResult<IssuedDocument> {
        let tx = r.record.transaction_number.as_str();
        let request = r.record.request()?;
        let now = self.clock.now();
        let (mut data, payload) =
            certificate_data(&r.record, &request, &r.enterprise, now.date()).ok_or(AppError::NotFound)?;
        let token = certs.keyring.sign(&payload);
        data.verification_url = format!("{}/verify?t={token}", certs.public_url.trim_end_matches('/'));
        let pdf = render(&data).map_err(|e| crate::ports::StoreError::Corrupt(e.to_string()))?;
        let channel = if r.enterprise.ebox_active { "e_box" } else { "paper" };
        let doc = NewDocument {
            document_number: data.document_number.clone(),
            transaction_number: tx.to_owned(),
            enterprise_id: r.enterprise.id,
            kind: data.kind.code().to_owned(),
            language: request.language.lang().tag().to_owned(),
            channel: channel.to_owned(),
            pdf,
            token,
            valid_from: data.start,
            valid_to: data.end,
            holder_name: format!("{} {}", request.employee.given_name, request.employee.family_name),
            birth_year: request.employee.ssin.birth_year(),
            birth_date: request.employee.ssin.birth_date(),
            state: data.legislation.code().to_owned(),
            countries: request.countries().iter().map(|c| c.code()).collect::<Vec<_>>().join(","),
            at: now,
        };
        let audit = AuditEntry {
            at: now,
            user_id: None,
            enterprise_id: Some(r.enterprise.id),
            entity: "request".into(),
            entity_id: tx.to_owned(),
            action: "document_issued".into(),
            detail: serde_json::json!({ "document": data.document_number, "channel": channel }).to_string(),
            origin: crate::ctx::Origin::default(),
        };
        Ok(IssuedDocument { document: doc, job_id, audit })
    }

    /// The enterprise's e-Box, newest first.
    pub async fn ebox(&self, ctx: &EmployerCtx) -> AppResult<Vec<DocumentRow>> {
        Ok(self.store.documents(ctx.scope(), 100).await?)
    }

    /// How many e-Box documents are unread.
    pub async fn ebox_unread(&self, ctx: &EmployerCtx) -> AppResult<u64> {
        Ok(self.store.unread_documents(ctx.scope()).await?)
    }

    /// A document's PDF for a user of its enterprise. Reading it changes nothing: marking it
    /// read is [`App::mark_read`].
    pub async fn document_pdf(&self, ctx: &EmployerCtx, number: &str) -> AppResult<Vec<u8>> {
        let pdf = self.store.document_pdf(ctx.scope(), number).await?.ok_or(AppError::NotFound)?;
        self.store.record(&self.audit(ctx, "document", number, "downloaded", "{}".into())).await?;
        Ok(pdf)
    }

    /// Marks a document read.
    pub async fn mark_read(&self, ctx: &EmployerCtx, number: &str) -> AppResult<()> {
        if self.store.mark_read(ctx.scope(), number, self.clock.now()).await? {
            self.store.record(&self.audit(ctx, "document", number, "marked_read", "{}".into())).await?;
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The documents of one request of the enterprise.
    pub async fn request_documents(&self, ctx: &EmployerCtx, tx: &str) -> AppResult<Vec<DocumentRow>> {
        Ok(self.store.request_documents(ctx.scope(), tx).await?)
    }

    /// Paper documents to send (NSSO).
    pub async fn print_queue(&self, agent: &AgentCtx) -> AppResult<Vec<DocumentRow>> {
        Ok(self.store.print_queue(agent.scope()).await?)
    }

    /// The document jobs given up after five attempts (NSSO).
    pub async fn failed_documents(&self, _agent: &AgentCtx) -> AppResult<Vec<crate::ports::FailedJob>> {
        Ok(self.store.failed_jobs().await?)
    }

    /// Puts the failed document jobs back in the queue (NSSO), with an audit record; returns
    /// how many.
    pub async fn retry_failed_documents(&self, agent: &AgentCtx) -> AppResult<u64> {
        let n = self.store.retry_failed_jobs().await?;
        let detail = serde_json::json!({ "jobs": n }).to_string();
        let entry = self.audit_by(By::agent(agent, None), "jobs", "", "retried", detail);
        self.store.record(&entry).await?;
        Ok(n)
    }

    /// A document's PDF for the NSSO (to print).
    pub async fn agent_document_pdf(&self, agent: &AgentCtx, number: &str) -> AppResult<Vec<u8>> {
        let pdf =
            self.store.document_pdf_for_agent(agent.scope(), number).await?.ok_or(AppError::NotFound)?;
        let downloaded = self.audit_by(By::agent(agent, None), "document", number, "downloaded", "{}".into());
        self.store.record(&downloaded).await?;
        Ok(pdf)
    }

    /// Marks a paper document sent.
    pub async fn mark_printed(&self, agent: &AgentCtx, number: &str) -> AppResult<()> {
        let audit = self.audit_by(By::agent(agent, None), "document", number, "sent_on_paper", "{}".into());
        let now = audit.at;
        if self.store.mark_printed(agent.scope(), number, now, &audit).await? {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Public verification, by the QR token (authenticity first) or by the document number
    /// with the holder's date of birth printed on it. A number alone, or with another date,
    /// tells nothing: counting numbers up must not list anyone. Each client may ask
    /// [`Config::verify_max_per_minute`](crate::Config) times a minute.
    pub async fn verify(
        &self,
        origin: crate::ctx::Origin,
        token: Option<&str>,
        number: Option<&str>,
        birth_date: Option<&str>,
    ) -> AppResult<Verification> {
        let now = self.clock.now();
        let key = format!("verify:{}", origin.client.map_or_else(|| "unknown".to_owned(), |c| c.to_string()));
        if let Some(secs) = self.verify_limiter.blocked_for(&key, now) {
            return Err(AppError::RateLimited { retry_after_secs: secs });
        }
        self.verify_limiter.fail(&key, now);
        let blank = |s: &&str| !s.trim().is_empty();
        let doc = match (token.filter(blank), number.filter(blank)) {
            (Some(t), _) => {
                let Some(certs) = &self.certificates else { return Ok(Verification::NotAuthentic) };
                let number = match wabro_certificate::verify_token(t, &certs.keyring.public_keys()) {
                    Ok(payload) => payload.n,
                    Err(_) => return Ok(Verification::NotAuthentic),
                };
                self.store.document_public(&number).await?
            }
            (None, Some(n)) => {
                let Some(given) = birth_date.filter(blank) else { return Ok(Verification::BirthDateNeeded) };
                let Some(given) = wabro_domain::parse_date(given) else {
                    return Err(AppError::Invalid(vec![wabro_domain::Issue::error(
                        wabro_domain::Code::DateInvalid,
                        "birth_date",
                    )]));
                };
                self.store
                    .document_public(&n.trim().to_uppercase())
                    .await?
                    .filter(|d| d.birth_date == Some(given))
            }
            (None, None) => None,
        };
        let Some(doc) = doc else { return Ok(Verification::Unknown) };
        Ok(if doc.kind == "rejection" {
            Verification::Rejection(doc)
        } else if doc.status == "withdrawn" {
            Verification::Withdrawn(doc)
        } else if doc.valid_to < self.clock.today() {
            Verification::Expired(doc)
        } else {
            Verification::Valid(doc)
        })
    }
}
