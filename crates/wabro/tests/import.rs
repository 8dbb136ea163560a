//! `wabro import dimona` (issue 12, finding 3): each enterprise keeps what it declared, long
//! texts are refused, every import is audited, and a large file never holds the database.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use wabro_app::Scope;
use wabro_app::ports::{Accounts, Directory};

mod support;

use support::{Dir, HEADER, text};

/// Runs `wabro` with a password for the accounts it creates.
fn wabro(args: &[&str]) -> Output {
    support::wabro(args, &[("WABRO_PASSWORD", "a long enough password for tests")])
}

const ENTERPRISE_A: &str = "0412345614";
const ENTERPRISE_B: &str = "0876543270";

/// Two enterprises with an access manager each.
fn two_enterprises(dir: &Dir) {
    for (n, number) in [ENTERPRISE_A, ENTERPRISE_B].iter().enumerate() {
        let email = format!("am{n}@example.be");
        let name = format!("Enterprise {n}");
        let o = wabro(&[
            "create-user",
            "--data",
            &dir.data(),
            "--email",
            &email,
            "--name",
            "Ann",
            "--role",
            "access_manager",
            "--enterprise",
            number,
            "--enterprise-name",
            &name,
        ]);
        assert!(o.status.success(), "{}", text(&o));
    }
}

fn import(dir: &Dir, name: &str, rows: &str) -> Output {
    let file = dir.0.join(name);
    std::fs::write(&file, format!("{HEADER}{rows}")).unwrap();
    wabro(&["import", "dimona", "--data", &dir.data(), file.to_str().unwrap()])
}

async fn store(dir: &Dir) -> wabro_store::SqliteStore {
    wabro_store::SqliteStore::open(&PathBuf::from(dir.data()).join("wabro.db")).await.unwrap()
}

async fn enterprise_id(store: &wabro_store::SqliteStore, number: &str) -> i64 {
    store.enterprise_by_number(number).await.unwrap().unwrap().id
}

#[tokio::test]
async fn another_enterprise_declaring_the_same_worker_never_changes_what_an_enterprise_sees() {
    let dir = Dir::new("tenants");
    two_enterprises(&dir);
    let o = import(
        &dir,
        "a.csv",
        &format!(
            "{ENTERPRISE_A},85073003328,Peeters,An,BE,1985-07-30,Meir,1,2000,Antwerpen,BE,2020-01-01,\n"
        ),
    );
    assert!(o.status.success(), "{}", text(&o));
    let o = import(
        &dir,
        "b.csv",
        &format!(
            "{ENTERPRISE_B},85073003328,Hijacked,Name,BE,,Attacker street,6,1000,Brussel,BE,2021-01-01,\n"
        ),
    );
    assert!(o.status.success(), "{}", text(&o));

    let store = store(&dir).await;
    let (a, b) = (enterprise_id(&store, ENTERPRISE_A).await, enterprise_id(&store, ENTERPRISE_B).await);
    let seen_by_a = store.worker(Scope::unchecked(a), "85073003328").await.unwrap().unwrap();
    assert_eq!((seen_by_a.family_name.as_str(), seen_by_a.street.as_str()), ("Peeters", "Meir"));
    assert_eq!(seen_by_a.birth_date, Some(time::macros::date!(1985 - 07 - 30)), "the birth date is kept");
    let seen_by_b = store.worker(Scope::unchecked(b), "85073003328").await.unwrap().unwrap();
    assert_eq!((seen_by_b.family_name.as_str(), seen_by_b.street.as_str()), ("Hijacked", "Attacker street"));
    let found = store
        .search_workers(Scope::unchecked(a), &wabro_app::ports::DirectoryQuery::Name("hijacked".into()), 10)
        .await
        .unwrap();
    assert!(found.is_empty(), "B's name is not found in A's directory");
    let periods = store.dimona(Scope::unchecked(a), "85073003328").await.unwrap();
    assert_eq!(periods.len(), 1, "A's Dimona periods are A's alone");

    // Every import has its audit record: who, which file, how many rows.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}/wabro.db", dir.data())).await.unwrap();
    let details: Vec<String> = sqlx::query_scalar(
        "SELECT detail FROM audit WHERE entity = 'dimona_import' AND action = 'imported' ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(details.len(), 2, "{details:?}");
    let first: serde_json::Value = serde_json::from_str(&details[0]).unwrap();
    assert_eq!(first["file"], "a.csv");
    assert_eq!(first["rows"], 1);
    assert_eq!(first["sha256"].as_str().unwrap().len(), 64);
    assert!(first["by"].as_str().unwrap().starts_with("command line"));
}

#[test]
fn texts_longer_than_the_forms_allow_are_refused() {
    let dir = Dir::new("lengths");
    two_enterprises(&dir);
    let huge = "x".repeat(1_000_000);
    let o = import(
        &dir,
        "long.csv",
        &format!(
            "{ENTERPRISE_A},85073003328,{huge},An,BE,,Meir,1,2000,Antwerpen,BE,2020-01-01,\n\
             {ENTERPRISE_A},90010100123,Peeters,An,BE,,Meir,{},2000,Antwerpen,BE,2020-01-01,\n",
            "1".repeat(21)
        ),
    );
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.contains("line 2: family_name: field.too_long"), "{}", &t[..t.len().min(500)]);
    assert!(t.contains("line 3: number: field.too_long"), "{t}");
    assert!(t.contains("nothing imported"));
}

/// A large import writes in short batches: a write of the running service waiting for the
/// database is served within a fraction of a second, not after the whole file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_import_never_holds_the_database() {
    let dir = Dir::new("large");
    two_enterprises(&dir);
    let file = dir.0.join("large.csv");
    let mut rows = String::from(HEADER);
    for i in 0..80_000u64 {
        // Valid SSINs: birth date 1980-01-01 onwards, sequence and mod-97 check digits.
        let day = time::macros::date!(1980 - 01 - 01) + time::Duration::days((i / 997) as i64);
        let base =
            format!("{:02}{:02}{:02}{:03}", day.year() % 100, day.month() as u8, day.day(), i % 997 + 1);
        let check = 97 - base.parse::<u64>().unwrap() % 97;
        rows.push_str(&format!(
            "{ENTERPRISE_A},{base}{check:02},Family {i},Given,BE,,Street,1,2000,Antwerpen,BE,2020-01-01,\n"
        ));
    }
    std::fs::write(&file, rows).unwrap();
    let db = format!("sqlite://{}/wabro.db", dir.data());
    let options: sqlx::sqlite::SqliteConnectOptions = db.parse().unwrap();
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options.busy_timeout(Duration::from_secs(60)))
        .await
        .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_wabro"))
        .args(["import", "dimona", "--data", &dir.data(), file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut waits = Vec::new();
    let mut writes_while_importing = 0;
    while child.try_wait().unwrap().is_none() {
        let started = Instant::now();
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
        sqlx::query("UPDATE enterprises SET name = name WHERE id = 1").execute(&mut *tx).await.unwrap();
        tx.commit().await.unwrap();
        waits.push(started.elapsed());
        let imported: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM dimona").fetch_one(&pool).await.unwrap();
        if imported > 0 && imported < 80_000 {
            writes_while_importing += 1;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("80000 Dimona period(s) imported"));
    let longest = waits.iter().max().copied().unwrap_or_default();
    assert!(writes_while_importing >= 3, "the test wrote while the rows went in ({writes_while_importing})");
    assert!(longest < Duration::from_millis(3000), "a write waited {longest:?} for the import");
}
