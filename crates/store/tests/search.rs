//! The indexed name search returns exactly what a naive scan returns, for random substrings,
//! accented names and characters that mean something to SQL or to the full-text syntax.

use std::collections::BTreeSet;
use std::sync::Arc;
use time::macros::{date, datetime};
use wabro_app::ports::{Accounts, AuditEntry, EnterpriseRecord, NewUser};
use wabro_app::{AgentCtx, App, AppError, Config, EmployerCtx, Role, SearchQuery, SystemClock};
use wabro_domain::search_key;
use wabro_store::{BulkRequest, SqliteStore};

const NAMES: [&str; 24] = [
    "O'Brien Seán",
    "D'Hondt Bram",
    "Müller Jürgen",
    "Núñez Ana",
    "50% Partners",
    "Under_score Al",
    "Quote\"Name Zoë",
    "Star*Man Lars",
    "Ødegaard Ola",
    "Groß Käthe",
    "Li Xu",
    "Van den Broeck Jan",
    "Delporte Marc",
    "Lefèvre Noël",
    "Çelik Mehmet",
    "Schröder Anneliese",
    "De Smet Sofie",
    "El Amrani Youssef",
    "Weiß Günther",
    "Dupont François",
    "Hénin Chloé",
    "Van der Heyden Ludwig",
    "Peeters Lotte",
    "ÆSIR Bjørn",
];

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

async fn setup() -> (App, Vec<(i64, String)>, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("wabro-store-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = SqliteStore::open(&dir.join("wabro.db")).await.unwrap();
    let mut owners = Vec::new();
    for (i, number) in ["0412345614", "0876543270"].into_iter().enumerate() {
        let e = EnterpriseRecord {
            id: 0,
            enterprise_number: number.into(),
            nsso_number: String::new(),
            name: format!("E{i}"),
            street: String::new(),
            postal_code: String::new(),
            city: String::new(),
            ebox_active: false,
        };
        let id = store.create_enterprise(&e).await.unwrap();
        let u = NewUser {
            email: format!("u{i}@x.be"),
            name: "U".into(),
            password_hash: "x".into(),
            role: Role::EmployerUser,
            enterprise_id: Some(id),
            must_change_password: false,
        };
        let a = AuditEntry {
            at: datetime!(2026-01-01 0:00 UTC),
            user_id: None,
            enterprise_id: Some(id),
            entity: "user".into(),
            entity_id: "u".into(),
            action: "created".into(),
            detail: "{}".into(),
            origin: wabro_app::Origin::default(),
        };
        let uid = store.create_user(&u, &a).await.unwrap();
        owners.push((id, uid));
    }
    let mut rows = Vec::new();
    let mut all = Vec::new();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for n in 0..1200 {
        let name = NAMES[rng.below(NAMES.len())];
        let (eid, uid) = owners[n % 2];
        all.push((eid, name.to_owned()));
        rows.push(BulkRequest {
            enterprise_id: eid,
            user_id: uid,
            kind: "posting",
            status: "in_progress",
            decision_kind: None,
            decision_json: None,
            ssin: "85073003328".into(),
            worker_name: name.into(),
            worker_key: search_key(name),
            country: "FR",
            territory: None,
            start: date!(2027 - 01 - 01),
            end: date!(2027 - 06 - 30),
            admitted: None,
            request_json: "{}".into(),
            input_json: "{}".into(),
            assessment_json: "{}".into(),
            at: datetime!(2026-11-01 8:00 UTC),
        });
    }
    store.bulk_insert_requests(&rows).await.unwrap();
    let app = App::new(Arc::new(store), Arc::new(SystemClock), Config::default());
    (app, all, dir)
}

/// Every transaction number a search returns, page after page, and the total it announced.
async fn everything(
    app: &App,
    q: &str,
    scope: Option<(i64, i64)>,
) -> Result<(BTreeSet<String>, u64), AppError> {
    let mut found = BTreeSet::new();
    let mut total = 0;
    for page in 1.. {
        let query =
            SearchQuery { name: Some(q.to_owned()), page: Some(page.to_string()), ..Default::default() };
        let p = match scope {
            Some((eid, uid)) => app.search_requests(&EmployerCtx::for_tests(uid, eid), &query).await?,
            None => app.search_all_requests(&AgentCtx::for_tests(1), &query).await?,
        };
        total = p.total;
        found.extend(p.rows.into_iter().map(|r| r.worker_name + "|" + &r.transaction_number));
        if page >= p.pages {
            break;
        }
    }
    Ok((found, total))
}

#[tokio::test]
async fn indexed_search_equals_a_naive_scan() {
    let (app, all, dir) = setup().await;
    let mut rng = Rng(99);
    let mut queries: Vec<String> = [
        "o'b", "d'h", "50%", "%", "_", "\"", "*", "'", "ss", "ß", "mü", "MU", "ñ", "nu", "an", "a", "e j",
        "van d", "or_", "e\"n", "r*m", "æs", "bjø",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for _ in 0..120 {
        let name: Vec<char> = NAMES[rng.below(NAMES.len())].chars().collect();
        let start = rng.below(name.len());
        let len = 1 + rng.below((name.len() - start).min(6));
        queries.push(name[start..start + len].iter().collect());
    }
    for q in queries.iter().filter(|q| !q.trim().is_empty()) {
        let key = search_key(q);
        for scope in [None, Some((1, 1)), Some((2, 2))] {
            let result = everything(&app, q, scope).await;
            if key.is_empty() {
                assert!(
                    matches!(result, Err(AppError::Invalid(_))),
                    "{q:?} has no letters: an explained refusal"
                );
                continue;
            }
            let (found, total) = result.unwrap_or_else(|e| panic!("{q:?}: {e}"));
            let expected = all
                .iter()
                .filter(|(eid, _)| scope.is_none_or(|(s, _)| s == *eid))
                .filter(|(_, name)| search_key(name).contains(&key))
                .count();
            assert_eq!(total as usize, expected, "{q:?} (key {key:?}) in {scope:?}: count");
            assert_eq!(found.len(), expected, "{q:?} (key {key:?}) in {scope:?}: rows");
            assert!(
                found.iter().all(|f| search_key(f.split('|').next().unwrap()).contains(&key)),
                "{q:?}: only matches"
            );
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}
