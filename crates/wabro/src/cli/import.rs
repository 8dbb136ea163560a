//! `wabro import dimona <FILE.csv>`: Dimona declarations, all rows or none.

use super::DataArgs;
use anyhow::Context;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use wabro_app::ports::{Accounts, DimonaRow, Directory, WorkerRecord};
use wabro_domain::rules::DimonaPeriod;
use wabro_domain::{Country, EnterpriseNumber, Ssin, parse_date};

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

/// Runs the import.
pub async fn run(cmd: Import) -> anyhow::Result<ExitCode> {
    let Import::Dimona { data, file } = cmd;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_path(&file)
        .with_context(|| format!("reading {}", file.display()))?;
    let headers = reader.headers()?.clone();
    let index: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h, i)).collect();
    let missing: Vec<_> = COLUMNS.iter().filter(|c| !index.contains_key(*c)).collect();
    if !missing.is_empty() {
        eprintln!("line 1: missing columns {missing:?}");
        return Ok(ExitCode::from(1));
    }
    let store = data.open().await?;
    let mut enterprises: HashMap<String, Option<i64>> = HashMap::new();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let today = super::today();
    for (n, record) in reader.records().enumerate() {
        let line = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("line {line}: {e}"));
                continue;
            }
        };
        let get = |c: &str| record.get(index[c]).unwrap_or("").to_owned();
        let mut problems = Vec::new();
        let mut check = |field: &str, ok: bool, code: &str| {
            if !ok {
                problems.push(format!("{field}: {code}"));
            }
        };
        let enterprise = match EnterpriseNumber::parse(&get("enterprise_number")) {
            Ok(e) => {
                let key = e.as_str().to_owned();
                if !enterprises.contains_key(&key) {
                    let id = store.enterprise_by_number(&key).await?.map(|e| e.id);
                    enterprises.insert(key.clone(), id);
                }
                let id = enterprises[&key];
                check("enterprise_number", id.is_some(), "enterprise.unknown");
                id
            }
            Err(c) => {
                check("enterprise_number", false, c.as_str());
                None
            }
        };
        let ssin = Ssin::parse(&get("ssin"), today).map_err(|c| check("ssin", false, c.as_str())).ok();
        for f in ["family_name", "given_name", "street", "number", "postal_code", "city"] {
            check(f, !get(f).is_empty(), "field.required");
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
            let d = parse_date(&v);
            check(f, d.is_some(), "date.invalid");
            d
        };
        let birth = date("birth_date", false, &mut check);
        let start = date("start", true, &mut check);
        let end = date("end", false, &mut check);
        if let (Some(s), Some(e)) = (start, end) {
            check("end", e >= s, "period.end_before_start");
        }
        match (problems.is_empty(), enterprise, ssin, nationality, residence, start) {
            (true, Some(enterprise_id), Some(ssin), Some(nationality), Some(country), Some(start)) => {
                rows.push(DimonaRow {
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
                });
            }
            _ => errors.push(format!("line {line}: {}", problems.join(", "))),
        }
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!("{} bad row(s): nothing imported", errors.len());
        store.close().await;
        return Ok(ExitCode::from(1));
    }
    let n = store.import_dimona(&rows).await?;
    println!("{n} Dimona period(s) imported");
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
