//! `wabro import dimona <FILE.csv>`: Dimona declarations, checked whole first, then written in
//! short batches.
//!
//! The file is read twice, one row at a time, so memory stays bounded whatever its size: the
//! first pass checks every row (nothing is written if one is bad), the second writes the rows
//! in batches of [`BATCH`], each its own short transaction, so that the running service's
//! logins and saves get the database between two batches. Each row sets the declaring
//! enterprise's own record of the worker; another enterprise's record is never touched.
//! Importing the same file again changes nothing.

use super::DataArgs;
use anyhow::Context;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use wabro_app::ports::{Accounts, AuditEntry, DimonaRow, Directory, WorkerRecord};
use wabro_domain::limits::{NORMAL, SHORT};
use wabro_domain::rules::DimonaPeriod;
use wabro_domain::{Country, EnterpriseNumber, Ssin, parse_date};
use wabro_store::SqliteStore;

/// What to import.
#[derive(clap::Subcommand)]
pub enum Import {
    /// Dimona declarations from a CSV file with the header
    /// `enterprise_number,ssin,family_name,given_name,nationality,birth_date,street,number,postal_code,city,country,start,end`
    /// (`end` and `birth_date` may be empty). Bad rows are listed with their line numbers and
    /// nothing is imported.
    Dimona {
        #[command(flatten)]
        data: DataArgs,
        /// The CSV file.
        file: PathBuf,
    },
}

const COLUMNS: [&str; 13] = [
    "enterprise_number",
    "ssin",
    "family_name",
    "given_name",
    "nationality",
    "birth_date",
    "street",
    "number",
    "postal_code",
    "city",
    "country",
    "start",
    "end",
];

/// Rows written in one transaction: a few milliseconds of the writer's time.
pub const BATCH: usize = 500;

/// Bad rows listed at most (the rest are counted).
const ERRORS_LISTED: usize = 100;

/// The least time the import leaves the database to others between two batches. It leaves it
/// as long as the last batch held it, so that a login or a save waiting on SQLite's busy handler
/// (which polls at growing intervals) finds it free about half the time it looks.
const PAUSE: Duration = Duration::from_millis(2);

/// The longest text of each column, as the request forms allow.
fn max_length(column: &str) -> usize {
    match column {
        "number" | "postal_code" => SHORT,
        _ => NORMAL,
    }
}

/// Reads rows one at a time and checks them; remembers the enterprises it looked up.
struct Rows {
    reader: csv::Reader<std::fs::File>,
    index: HashMap<String, usize>,
    enterprises: HashMap<String, Option<i64>>,
    today: time::Date,
}

impl Rows {
    fn open(file: &Path) -> anyhow::Result<Result<Rows, Vec<&'static str>>> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .flexible(true)
            .from_path(file)
            .with_context(|| format!("reading {}", file.display()))?;
        let index: HashMap<String, usize> =
            reader.headers()?.iter().enumerate().map(|(i, h)| (h.to_owned(), i)).collect();
        let missing: Vec<&'static str> =
            COLUMNS.iter().copied().filter(|c| !index.contains_key(*c)).collect();
        if !missing.is_empty() {
            return Ok(Err(missing));
        }
        Ok(Ok(Rows { reader, index, enterprises: HashMap::new(), today: super::today() }))
    }

    /// The next row: its line number and either the row or what is wrong with it.
    async fn next(
        &mut self,
        store: &SqliteStore,
    ) -> anyhow::Result<Option<(u64, Result<DimonaRow, String>)>> {
        let mut record = csv::StringRecord::new();
        let read = self.reader.read_record(&mut record);
        let line = self.reader.position().line();
        match read {
            Ok(false) => Ok(None),
            Err(e) => Ok(Some((line, Err(e.to_string())))),
            Ok(true) => {
                let row = self.check(&record, store).await?;
                Ok(Some((record.position().map_or(line, |p| p.line()), row)))
            }
        }
    }

    async fn check(
        &mut self,
        record: &csv::StringRecord,
        store: &SqliteStore,
    ) -> anyhow::Result<Result<DimonaRow, String>> {
        let get = |c: &str| record.get(self.index[c]).unwrap_or("").to_owned();
        let mut problems = Vec::new();
        let mut check = |field: &str, ok: bool, code: &str| {
            if !ok {
                problems.push(format!("{field}: {code}"));
            }
        };
        let enterprise = match EnterpriseNumber::parse(&get("enterprise_number")) {
            Ok(e) => {
                let key = e.as_str().to_owned();
                if !self.enterprises.contains_key(&key) {
                    let id = store.enterprise_by_number(&key).await?.map(|e| e.id);
                    self.enterprises.insert(key.clone(), id);
                }
                let id = self.enterprises[&key];
                check("enterprise_number", id.is_some(), "enterprise.unknown");
                id
            }
            Err(c) => {
                check("enterprise_number", false, c.as_str());
                None
            }
        };
        let ssin = Ssin::parse(&get("ssin"), self.today).map_err(|c| check("ssin", false, c.as_str())).ok();
        for f in ["family_name", "given_name", "street", "number", "postal_code", "city"] {
            let value = get(f);
            check(f, !value.is_empty(), "field.required");
            check(f, value.chars().count() <= max_length(f), "field.too_long");
        }
        let country = |f: &str, check: &mut dyn FnMut(&str, bool, &str)| {
            Country::parse(&get(f)).map_err(|c| check(f, false, c.as_str())).ok()
        };
        let nationality = country("nationality", &mut check);
        let residence = country("country", &mut check);
        let date = |f: &str, required: bool, check: &mut dyn FnMut(&str, bool, &str)| {
            let v = get(f);
            if v.is_empty() {
                check(f, !required, "field.required");
                return None;
            }
            let d = if v.len() <= 20 { parse_date(&v) } else { None };
            check(f, d.is_some(), "date.invalid");
            d
        };
        let birth = date("birth_date", false, &mut check);
        let start = date("start", true, &mut check);
        let end = date("end", false, &mut check);
        if let (Some(s), Some(e)) = (start, end) {
            check("end", e >= s, "period.end_before_start");
        }
        Ok(match (problems.is_empty(), enterprise, ssin, nationality, residence, start) {
            (true, Some(enterprise_id), Some(ssin), Some(nationality), Some(country), Some(start)) => {
                Ok(DimonaRow {
                    enterprise_id,
                    worker: WorkerRecord {
                        ssin,
                        family_name: get("family_name"),
                        given_name: get("given_name"),
                        nationality,
                        birth_date: birth,
                        street: get("street"),
                        number: get("number"),
                        postal_code: get("postal_code"),
                        city: get("city"),
                        country,
                    },
                    period: DimonaPeriod { start, end },
                })
            }
            _ => Err(problems.join(", ")),
        })
    }
}

/// The SHA-256 of a file, read in blocks.
fn file_hash(file: &Path) -> anyhow::Result<String> {
    let mut f = std::fs::File::open(file).with_context(|| format!("reading {}", file.display()))?;
    let mut hasher = Sha256::new();
    let mut block = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut block)?;
        if n == 0 {
            break;
        }
        hasher.update(&block[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Who runs the command, for the audit record.
fn operator() -> String {
    let user =
        std::env::var("SUDO_USER").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "unknown".into());
    format!("command line ({user})")
}

/// Runs the import.
pub async fn run(cmd: Import) -> anyhow::Result<ExitCode> {
    let Import::Dimona { data, file } = cmd;
    let mut rows = match Rows::open(&file)? {
        Ok(rows) => rows,
        Err(missing) => {
            eprintln!("line 1: missing columns {missing:?}");
            return Ok(ExitCode::from(1));
        }
    };
    let store = data.open().await?;

    // First pass: every row is checked; nothing is kept but the bad lines.
    let mut count = 0u64;
    let mut bad = 0u64;
    let mut enterprises = std::collections::BTreeSet::new();
    while let Some((line, row)) = rows.next(&store).await? {
        match row {
            Ok(row) => {
                count += 1;
                if enterprises.len() < 1000 {
                    enterprises.insert(row.enterprise_id);
                }
            }
            Err(problems) => {
                bad += 1;
                if bad <= ERRORS_LISTED as u64 {
                    eprintln!("line {line}: {problems}");
                }
            }
        }
    }
    if bad > 0 {
        if bad > ERRORS_LISTED as u64 {
            eprintln!("… and {} more", bad - ERRORS_LISTED as u64);
        }
        eprintln!("{bad} bad row(s): nothing imported");
        store.close().await;
        return Ok(ExitCode::from(1));
    }

    // Second pass: the same rows, written in short batches. The audit record goes with the
    // first batch, so that no change is ever without one.
    let hash = file_hash(&file)?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let audit = AuditEntry {
        at: time::OffsetDateTime::now_utc(),
        user_id: None,
        enterprise_id: (enterprises.len() == 1).then(|| enterprises.first().copied()).flatten(),
        entity: "dimona_import".into(),
        entity_id: hash[..16].to_owned(),
        action: "imported".into(),
        detail: serde_json::json!({
            "file": name,
            "sha256": hash,
            "rows": count,
            "enterprises": enterprises.len(),
            "by": operator(),
        })
        .to_string(),
        origin: wabro_app::Origin::default(),
    };
    let mut rows = match Rows::open(&file)? {
        Ok(rows) => rows,
        Err(_) => anyhow::bail!("{} changed while it was imported", file.display()),
    };
    let mut batch = Vec::with_capacity(BATCH);
    let mut written = 0usize;
    let mut audit = Some(audit);
    loop {
        let next = rows.next(&store).await?;
        let done = next.is_none();
        if let Some((line, row)) = next {
            batch.push(row.map_err(|e| anyhow::anyhow!("line {line} changed while it was imported: {e}"))?);
        }
        if batch.len() == BATCH || (done && (!batch.is_empty() || audit.is_some())) {
            let started = std::time::Instant::now();
            written += store.import_dimona(&batch, audit.take().as_ref()).await?;
            batch.clear();
            tokio::time::sleep(started.elapsed().max(PAUSE)).await;
        }
        if done {
            break;
        }
    }
    println!("{written} Dimona period(s) imported");
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
