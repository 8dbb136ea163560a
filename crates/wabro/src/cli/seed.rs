//! `wabro seed-bench`: a realistic data set written straight into the database — names from
//! the three language communities, every kind, status and many countries, one very large
//! enterprise.

use super::DataArgs;
use anyhow::Context;
use std::process::ExitCode;
use std::time::Instant;
use time::{Date, Duration, OffsetDateTime};
use wabro_app::ports::{Accounts, AuditEntry, EnterpriseRecord, NewUser};
use wabro_app::{Role, hash_password};
use wabro_domain::input::RequestInput;
use wabro_domain::{Ssin, search_key, validate};
use wabro_store::BulkRequest;

/// Arguments of `seed-bench`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Number of requests.
    #[arg(long, default_value_t = 1_000_000)]
    requests: u64,
    /// Number of enterprises (the first holds 12 % of the requests).
    #[arg(long, default_value_t = 1000)]
    enterprises: u64,
    /// Seed of the generator (same seed, same data).
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

/// A small, fast, deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// One of the items.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Family names of the Dutch-, French- and German-speaking communities (particles, accents).
pub const FAMILY: [&str; 72] = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Dupont",
    "Martin",
    "Simon",
    "Laurent",
    "Leclercq",
    "Lejeune",
    "Renard",
    "Delporte",
    "Van den Broeck",
    "Van Damme",
    "De Vos",
    "Van der Heyden",
    "De Backer",
    "D'Hondt",
    "Vermeulen",
    "Van Dyck",
    "Verstraete",
    "De Clercq",
    "Van de Velde",
    "Vandenberghe",
    "Desmet",
    "Lemaire",
    "Henrard",
    "Deschamps",
    "François",
    "Gérard",
    "Lefèvre",
    "Noël",
    "Hénin",
    "Collignon",
    "Dumont",
    "Masson",
    "Denis",
    "Thiry",
    "Müller",
    "Schröder",
    "Weiß",
    "Krämer",
    "Schmitz",
    "Hoffmann",
    "Becker",
    "Kessler",
    "Heinen",
    "Lentz",
    "Jünger",
    "Groß",
    "Köhler",
    "Brüll",
    "Van Roy",
    "El Amrani",
    "Benali",
    "Öztürk",
    "Nowak",
    "Kowalski",
    "Rossi",
    "García",
    "O'Brien",
    "Núñez",
    "Çelik",
    "Ødegaard",
];

/// Given names.
pub const GIVEN: [&str; 40] = [
    "Jan",
    "Sofie",
    "Lotte",
    "Pieter",
    "Wout",
    "An",
    "Bram",
    "Elke",
    "Tom",
    "Inge",
    "Marc",
    "Camille",
    "Hélène",
    "François",
    "Élodie",
    "Cédric",
    "Anaïs",
    "Jérôme",
    "Maëlle",
    "Chloé",
    "Jürgen",
    "Anneliese",
    "Günther",
    "Björn",
    "Käthe",
    "Sören",
    "Lukas",
    "Lena",
    "Jonas",
    "Emma",
    "Youssef",
    "Fatima",
    "Mehmet",
    "Zoë",
    "Noé",
    "Lars",
    "Ana",
    "Marie",
    "Luc",
    "Ines",
];

const COUNTRIES: [(&str, u64); 24] = [
    ("FR", 15),
    ("DE", 12),
    ("NL", 12),
    ("LU", 8),
    ("GB", 6),
    ("ES", 5),
    ("IT", 5),
    ("CH", 4),
    ("US", 4),
    ("PL", 3),
    ("AT", 2),
    ("PT", 2),
    ("SE", 2),
    ("IE", 2),
    ("NO", 2),
    ("CA", 3),
    ("JP", 1),
    ("IN", 2),
    ("MA", 2),
    ("TR", 2),
    ("CN", 2),
    ("BR", 1),
    ("AU", 1),
    ("DK", 2),
];

fn country(rng: &mut Rng) -> (&'static str, Option<&'static str>) {
    let total: u64 = COUNTRIES.iter().map(|c| c.1).sum();
    let mut x = rng.below(total);
    for (c, w) in COUNTRIES {
        if x < w {
            let territory = match (c, rng.below(100)) {
                ("GB", 0..=9) => Some("jersey"),
                ("GB", 10..=14) => Some("guernsey"),
                ("GB", 15..=19) => Some("isle_of_man"),
                ("CA", 0..=39) => Some("quebec"),
                _ => None,
            };
            return (c, territory);
        }
        x -= w;
    }
    ("FR", None)
}

/// A valid SSIN for a person number `n`.
pub fn ssin(n: u64) -> String {
    let year = 1955 + (n % 48) as i32;
    let month = 1 + (n / 48 % 12) as u8;
    let day = 1 + (n / 576 % 28) as u8;
    let seq = 1 + (n / 16_128 % 997) as u16;
    let base9: u64 = format!("{:02}{month:02}{day:02}{seq:03}", year % 100).parse().unwrap_or(0);
    let check = if year >= 2000 { 97 - (2_000_000_000 + base9) % 97 } else { 97 - base9 % 97 };
    format!("{base9:09}{check:02}")
}

/// The request and input JSON of a clean posting, with placeholders to fill.
fn templates() -> anyhow::Result<(String, String, String)> {
    let input: RequestInput = serde_json::from_str(include_str!("../../../../docs/examples/posting-fr.json"))
        .map(|v: serde_json::Value| serde_json::from_value(v["request"].clone()))
        .context("example file")?
        .context("example request")?;
    let today = time::macros::date!(2026 - 11 - 28);
    let valid = validate(&input, today).map_err(|i| anyhow::anyhow!("example invalid: {i:?}"))?;
    let request = serde_json::to_string(&valid.request)?;
    let input = serde_json::to_string(&input)?;
    let assessment = r#"{"instrument":{"type":"a1","framework":"regulation_883_2004","article":"12(1)"},"legislation":"BE","reason":"reason.posting","max_end_date":null,"findings":[],"manual_review":false}"#;
    Ok((request, input, assessment.to_owned()))
}

/// Fills a template: the example's SSIN, names, destination and period become this row's.
fn fill(t: &str, ex: &Example, row: &Row) -> String {
    t.replace(&ex.ssin, &row.ssin)
        .replace(&ex.ssin_formatted, &row.ssin)
        .replace(&ex.family, &row.family)
        .replace(&ex.given, &row.given)
        .replace(&format!("\"{}\"", ex.start), &format!("\"{}\"", row.start))
        .replace(&format!("\"{}\"", ex.end), &format!("\"{}\"", row.end))
}

struct Example {
    ssin: String,
    ssin_formatted: String,
    family: String,
    given: String,
    start: String,
    end: String,
}

struct Row {
    ssin: String,
    family: String,
    given: String,
    start: Date,
    end: Date,
}

/// Runs the generator.
pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let store = args.data.open().await?;
    let (request_t, input_t, assessment) = templates()?;
    let ex_input: serde_json::Value = serde_json::from_str(&input_t)?;
    let ex_ssin = ex_input["employee"]["ssin"].as_str().unwrap_or_default().to_owned();
    let digits: String = ex_ssin.chars().filter(char::is_ascii_digit).collect();
    let example = Example {
        ssin_formatted: Ssin::parse_structure(&digits).map(|s| s.formatted()).unwrap_or_default(),
        ssin: digits,
        family: ex_input["employee"]["family_name"].as_str().unwrap_or_default().to_owned(),
        given: ex_input["employee"]["given_name"].as_str().unwrap_or_default().to_owned(),
        start: ex_input["period"]["start"].as_str().unwrap_or_default().to_owned(),
        end: ex_input["period"]["end"].as_str().unwrap_or_default().to_owned(),
    };
    let hash = hash_password("benchmark-user-password");
    let mut rng = Rng::new(args.seed);
    let mut enterprises = Vec::new();
    for e in 0..args.enterprises {
        let first8 = 1_000_000 + e;
        let number = format!("{first8:08}{:02}", 97 - first8 % 97);
        let id = store
            .create_enterprise(&EnterpriseRecord {
                id: 0,
                enterprise_number: number.clone(),
                nsso_number: String::new(),
                name: format!("Benchmark enterprise {e}"),
                street: "Rue de la Loi 1".into(),
                postal_code: "1000".into(),
                city: "Bruxelles".into(),
                ebox_active: e % 2 == 0,
            })
            .await
            .context("creating the benchmark enterprises (seed an empty data directory)")?;
        let user = NewUser {
            email: format!("bench{e}@bench.example"),
            name: format!("Bench user {e}"),
            password_hash: hash.clone(),
            role: Role::AccessManager,
            enterprise_id: Some(id),
            must_change_password: false,
        };
        let audit = AuditEntry {
            at: OffsetDateTime::now_utc(),
            user_id: None,
            enterprise_id: Some(id),
            entity: "user".into(),
            entity_id: user.email.clone(),
            action: "created".into(),
            detail: r#"{"by":"seed-bench"}"#.into(),
            origin: wabro_app::Origin::default(),
        };
        let uid = store.create_user(&user, &audit).await?;
        enterprises.push((id, uid));
    }
    println!("{} enterprises created in {:.1?}", enterprises.len(), started.elapsed());
    let big = args.requests * 12 / 100;
    let epoch = time::macros::date!(2018 - 01 - 01);
    let at0 = time::macros::datetime!(2018-01-01 08:00 UTC);
    let mut batch = Vec::with_capacity(10_000);
    for n in 0..args.requests {
        let e = if n % 100 < 12 || enterprises.len() == 1 {
            0
        } else {
            1 + rng.below(enterprises.len() as u64 - 1) as usize
        };
        let (enterprise_id, user_id) = enterprises[e];
        // About five requests per worker, workers numbered per enterprise.
        let workers =
            if e == 0 { big / 5 + 1 } else { (args.requests - big) / enterprises.len() as u64 / 5 + 1 };
        let person = rng.below(workers) + (e as u64) * 1_000_003;
        let mut prng = Rng::new(person);
        let family = (*prng.pick(&FAMILY)).to_owned();
        let given = (*prng.pick(&GIVEN)).to_owned();
        let start = epoch + Duration::days(rng.below(3650) as i64);
        let end = start + Duration::days(30 + rng.below(700) as i64);
        let (country, territory) = country(&mut rng);
        let kind = match rng.below(10) {
            0..=6 => "posting",
            7 | 8 => "simultaneous_occupation",
            _ => "seafarer",
        };
        let (status, decision_kind, admitted) = match rng.below(100) {
            0..=19 => ("in_progress", None, None),
            20..=79 => ("closed", Some("approved"), Some((start, end.min(start + Duration::days(730))))),
            80..=84 => ("closed", Some("rejected"), None),
            _ => ("cancelled", None, None),
        };
        let decision_json = decision_kind.map(|k| match admitted {
            Some((s, e)) => format!(
                r#"{{"decision":"approved","admitted":{{"start":"{s}","end":"{e}"}},"channel":"e_box"}}"#
            ),
            None => format!(
                r#"{{"decision":"{k}","reason_code":"no_direct_link","reason":"No direct link","channel":"paper"}}"#
            ),
        });
        let row = Row { ssin: ssin(person), family, given, start, end };
        let worker_name = format!("{} {}", row.family, row.given);
        batch.push(BulkRequest {
            enterprise_id,
            user_id,
            kind,
            status,
            decision_kind,
            decision_json,
            worker_key: search_key(&worker_name),
            worker_name,
            country,
            territory,
            start,
            end,
            admitted,
            request_json: fill(&request_t, &example, &row),
            input_json: fill(&input_t, &example, &row),
            assessment_json: assessment.clone(),
            at: at0 + Duration::minutes(n as i64 * 5),
            ssin: row.ssin,
        });
        if batch.len() == 10_000 {
            store.bulk_insert_requests(&batch).await?;
            batch.clear();
            if (n + 1) % 100_000 == 0 {
                println!("{} requests in {:.1?}", n + 1, started.elapsed());
            }
        }
    }
    store.bulk_insert_requests(&batch).await?;
    println!(
        "{} requests in {} enterprises seeded in {:.1?}",
        args.requests,
        args.enterprises,
        started.elapsed()
    );
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
