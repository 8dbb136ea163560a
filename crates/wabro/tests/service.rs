//! The service binary: migrate, create-user, import dimona, serve with graceful shutdown.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod support;

use support::{Dir, HEADER, text, wabro};

#[test]
fn migrate_then_create_user_then_import_dimona() {
    let dir = Dir::new("import");
    let data = dir.data();
    let o = wabro(&["migrate", "--data", &data], &[]);
    assert!(o.status.success(), "{}", text(&o));
    let o = wabro(&["migrate", "--data", &data], &[]);
    assert!(text(&o).contains("0 further migrations"), "migrating twice is harmless: {}", text(&o));

    let o = wabro(
        &[
            "create-user",
            "--data",
            &data,
            "--email",
            "AM@Acme.be",
            "--name",
            "Ann",
            "--role",
            "access_manager",
            "--enterprise",
            "0412.345.614",
            "--enterprise-name",
            "Acme",
        ],
        &[("WABRO_PASSWORD", "a long enough password")],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("am@acme.be (access_manager)"));
    let o = wabro(
        &["create-user", "--data", &data, "--email", "x@acme.be", "--name", "X"],
        &[("WABRO_PASSWORD", "short")],
    );
    assert!(!o.status.success() && text(&o).contains("at least 12 characters"));

    let bad = dir.0.join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "{HEADER}0412345614,85073003328,Peeters,An,BE,,Meir,1,2000,Antwerpen,BE,2020-01-01,\n\
             0412345614,85073003329,Peeters,An,BE,,Meir,1,2000,Antwerpen,BE,2020-01-01,\n\
             0999999999,90010100123,,Bo,XX,,Meir,1,2000,Antwerpen,BE,2020-13-01,\n"
        ),
    )
    .unwrap();
    let o = wabro(&["import", "dimona", "--data", &data, bad.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.contains("line 3: ssin: ssin.checksum"), "{t}");
    assert!(
        t.contains("line 4:")
            && t.contains("family_name: field.required")
            && t.contains("nationality: country.unknown"),
        "{t}"
    );
    assert!(t.contains("start: date.invalid"), "{t}");
    assert!(t.contains("nothing imported"));

    let good = dir.0.join("good.csv");
    std::fs::write(
        &good,
        format!(
            "{HEADER}0412345614,85.07.30-033.28,Peeters,An,BE,1985-07-30,Meir,1,2000,Antwerpen,BE,2020-01-01,\n\
             0412345614,90010100123,\"De Smet, Jr\",Bo,NL,,Meir,2,2000,Antwerpen,BE,2021-03-01,2026-12-31\n"
        ),
    )
    .unwrap();
    let o = wabro(&["import", "dimona", "--data", &data, good.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("2 Dimona period(s) imported"));
}

fn get(addr: &str, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(addr).ok()?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out)
}

/// Starts `wabro serve` on a free port of the loopback with `args` (and `env`), and waits until
/// `/health` answers; returns the process and its address.
fn start_serve(args: &[&str], env: &[(&str, &str)], stdout: Stdio) -> (std::process::Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let addr = format!("127.0.0.1:{port}");
    let mut command = Command::new(env!("CARGO_BIN_EXE_wabro"));
    command.arg("serve").args(args).args(["--listen", &addr]).stdout(stdout).stderr(Stdio::null());
    for (k, v) in env {
        command.env(k, v);
    }
    let child = command.spawn().unwrap();
    let start = Instant::now();
    while get(&addr, "/health").is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "the service did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    (child, addr)
}

/// Sends SIGTERM and waits for the process.
fn stop(child: &mut std::process::Child) -> std::process::ExitStatus {
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    child.wait().unwrap()
}

#[test]
fn serve_answers_health_and_stops_on_sigterm() {
    let dir = Dir::new("serve");
    let (mut child, addr) = start_serve(&["--demo", "--data", &dir.data()], &[], Stdio::piped());
    let health = get(&addr, "/health").unwrap();
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains(r#"{"status":"ok"}"#));
    let login = get(&addr, "/login").unwrap();
    assert!(login.contains("<html lang=\"en\">"));
    let status = stop(&mut child);
    assert!(status.success(), "clean exit on SIGTERM: {status:?}");
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    assert!(
        out.contains("manager@bouwwerken.demo") && out.contains("wabro-demo"),
        "demo logins printed: {out}"
    );
}

/// Issue 12, finding 12: the data directory and the database files (SSINs, password hashes)
/// were readable by everyone (`0644`).
#[test]
fn the_data_directory_and_database_files_are_their_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new("modes");
    let data = dir.data();
    let o = wabro(&["migrate", "--data", &data], &[]);
    assert!(o.status.success(), "{}", text(&o));
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let data = PathBuf::from(data);
    assert_eq!(mode(&data), 0o700, "the data directory");
    for name in ["wabro.db", "wabro.db-wal", "wabro.db-shm"] {
        let file = data.join(name);
        if file.exists() {
            assert_eq!(mode(&file), 0o600, "{name}");
        }
    }
    assert!(data.join("wabro.db").exists());
    // A database made before this rule is narrowed when it is opened again.
    std::fs::set_permissions(data.join("wabro.db"), std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = wabro(&["migrate", "--data", &data.display().to_string()], &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(mode(&data.join("wabro.db")), 0o600);
    assert_eq!(mode(&data), 0o700);
}

/// Issue 12, finding 4: the audit trail is chained; editing a record by hand breaks it visibly.
#[tokio::test]
async fn the_audit_chain_verifies_and_breaks_when_a_record_is_edited() {
    let dir = Dir::new("audit");
    let data = dir.data();
    for email in ["a@example.be", "b@example.be", "c@example.be"] {
        let o = wabro(
            &["create-user", "--data", &data, "--email", email, "--name", "A", "--role", "agent"],
            &[("WABRO_PASSWORD", "a long enough password")],
        );
        assert!(o.status.success(), "{}", text(&o));
    }
    let o = wabro(&["audit", "verify", "--data", &data], &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("audit chain intact: 3 records"), "{}", text(&o));

    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{data}/wabro.db")).await.unwrap();
    let second: i64 = sqlx::query_scalar("SELECT id FROM audit ORDER BY id LIMIT 1 OFFSET 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE audit SET detail = '{\"role\":\"admin\"}' WHERE id = ?")
        .bind(second)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let o = wabro(&["audit", "verify", "--data", &data], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains(&format!("broken at record {second}")), "{}", text(&o));
}

/// Issue 14, finding 6: `serve` and two workers started at once on an empty directory made
/// some exit with "table enterprises already exists" (the applied list was read outside the
/// lock).
#[test]
fn processes_starting_at_once_on_an_empty_directory_migrate_it_once() {
    for trial in 0..3 {
        let dir = Dir::new(&format!("race-{trial}"));
        std::fs::create_dir_all(dir.data()).unwrap();
        let children: Vec<_> = (0..4)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_wabro"))
                    .args(["migrate", "--data", &dir.data()])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "trial {trial}: {}", text(&out));
        }
    }
}

/// Starts `serve` on `data` and gives it ten seconds: the exit code and output when it stops by
/// itself, or `None` (after killing it) when it keeps running.
fn serve_briefly(data: &str) -> Option<Output> {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_wabro"))
        .args(["serve", "--data", data, "--listen", &format!("127.0.0.1:{port}")])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// Issue 14, finding 4: random bytes in the database file, and `serve` started, said it was
/// healthy and accepted requests; a 0-byte database next to the signing keys silently became a
/// new, empty one whose numbering restarted at 1.
#[test]
fn a_damaged_or_emptied_database_is_refused_at_start() {
    let dir = Dir::new("damaged");
    let data = dir.data();
    for email in ["a@example.be", "b@example.be", "c@example.be", "d@example.be"] {
        let o = wabro(
            &["create-user", "--data", &data, "--email", email, "--name", "A", "--role", "agent"],
            &[("WABRO_PASSWORD", "lantern quiet fjord 27 pebble")],
        );
        assert!(o.status.success(), "{}", text(&o));
    }
    let o = wabro(&["keys", "list", "--data", &data], &[]);
    assert!(o.status.success(), "{}", text(&o));
    let db = PathBuf::from(&data).join("wabro.db");
    let o = wabro(&["check", "--data", &data], &[]);
    assert!(o.status.success() && text(&o).contains("database: ok"), "{}", text(&o));

    // Damage pages in the middle of the file.
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 3 * 4096, "a database of several pages ({} bytes)", bytes.len());
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 3000] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let o = serve_briefly(&data).expect("serve refuses a damaged database instead of running");
    assert!(!o.status.success());
    assert!(text(&o).contains("damaged") || text(&o).contains("malformed"), "{}", text(&o));
    let o = wabro(&["check", "--data", &data], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));

    // An emptied database next to the keys.
    std::fs::write(&db, b"").unwrap();
    let o = serve_briefly(&data).expect("serve refuses an empty database next to its keys");
    assert!(!o.status.success());
    assert!(
        text(&o).contains("holds signing keys (keys.txt) but its database is missing or empty"),
        "{}",
        text(&o)
    );
}

/// Issue 14, finding 12: document jobs that failed stayed failed for good, with no way to
/// retry them.
#[tokio::test]
async fn failed_document_jobs_are_listed_and_put_back_in_the_queue() {
    let dir = Dir::new("jobs");
    let data = dir.data();
    let o = wabro(&["migrate", "--data", &data], &[]);
    assert!(o.status.success(), "{}", text(&o));
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{data}/wabro.db")).await.unwrap();
    sqlx::query(
        "INSERT INTO jobs (kind, transaction_number, status, attempts, last_error, created_at)
         VALUES ('issue_document', 'WAB-2026-0000007', 'failed', 5, 'database or disk is full', '2026-11-28T10:00:00Z')",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let o = wabro(&["jobs", "list", "--data", &data], &[]);
    assert!(text(&o).contains("0 pending, 1 failed"), "{}", text(&o));
    assert!(text(&o).contains("WAB-2026-0000007 after 5 attempts: database or disk is full"), "{}", text(&o));
    let o = wabro(&["jobs", "retry", "--data", &data], &[]);
    assert!(text(&o).contains("1 failed job(s) put back in the queue"), "{}", text(&o));
    let o = wabro(&["jobs", "list", "--data", &data], &[]);
    assert!(text(&o).contains("1 pending, 0 failed"), "{}", text(&o));
}

/// Issue 14, finding 7: `wabro worker` printed `http://127.0.0.1:8080` in its QR codes whatever
/// `serve` used, and it was killed at once by SIGTERM.
#[test]
fn the_worker_uses_the_public_url_of_serve_and_stops_cleanly_on_sigterm() {
    let dir = Dir::new("worker");
    let data = dir.data();
    let o = wabro(&["migrate", "--data", &data], &[]);
    assert!(o.status.success(), "{}", text(&o));
    let o = wabro(&["worker", "--data", &data], &[]);
    assert!(!o.status.success(), "no address to guess");
    assert!(text(&o).contains("no public URL"), "{}", text(&o));

    // serve records its public URL for the deployment.
    let (mut serve, _) = start_serve(
        &["--data", &data, "--public-url", "https://wabro.example.be", "--no-worker"],
        &[],
        Stdio::null(),
    );
    stop(&mut serve);

    let mut worker = Command::new(env!("CARGO_BIN_EXE_wabro"))
        .args(["worker", "--data", &data])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(worker.try_wait().unwrap().is_none(), "the worker runs with serve's address");
    Command::new("kill").args(["-TERM", &worker.id().to_string()]).status().unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = worker.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "SIGTERM stops the worker");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "a clean exit: {status:?}");
}

/// Issue 14, finding 8: copying the live database file lost acknowledged requests (they were in
/// the WAL), and a restore without keys.txt silently made a new key under which every earlier
/// certificate verified "not authentic".
#[tokio::test]
async fn a_backup_taken_while_serving_restores_whole_with_its_keys() {
    let dir = Dir::new("backup");
    let data = dir.data();
    let (mut serve, _) = start_serve(&["--demo", "--data", &data], &[], Stdio::null());
    let copy = dir.0.join("copy");
    let o = wabro(&["backup", "--data", &data, copy.to_str().unwrap()], &[]);
    stop(&mut serve);
    assert!(o.status.success(), "a backup while serve runs: {}", text(&o));

    let restored = dir.0.join("restored").display().to_string();
    let o = wabro(&["restore", copy.to_str().unwrap(), "--data", &restored], &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        std::fs::read(PathBuf::from(&data).join("keys.txt")).unwrap(),
        std::fs::read(PathBuf::from(&restored).join("keys.txt")).unwrap(),
        "the keys come back with the database"
    );
    let count = |d: String| async move {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{d}/wabro.db")).await.unwrap();
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(&pool).await.unwrap();
        pool.close().await;
        n
    };
    let users = count(restored.clone()).await;
    assert!(users >= 5, "the demo accounts written while serving are in the backup ({users})");
    assert_eq!(users, count(data.clone()).await);
    let o = wabro(&["restore", copy.to_str().unwrap(), "--data", &restored], &[]);
    assert!(!o.status.success() && text(&o).contains("not empty"), "{}", text(&o));

    // Documents without the keys that signed them: refused, never a new key.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{restored}/wabro.db")).await.unwrap();
    sqlx::query(
        "INSERT INTO documents (document_number, transaction_number, enterprise_id, kind, language, channel, token,
           valid_from, valid_to, holder_name, birth_year, state, countries, created_at)
         VALUES ('A1-X', 'WAB-X', 1, 'a1', 'fr', 'e_box', 't', '2027-01-04', '2027-06-30', 'J', 1985, 'BE', 'FR',
           '2026-11-28T10:00:00Z')",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    std::fs::remove_file(PathBuf::from(&restored).join("keys.txt")).unwrap();
    let o = serve_briefly(&restored).expect("serve refuses documents without their keys");
    assert!(!o.status.success());
    assert!(text(&o).contains("has issued documents but no keys.txt"), "{}", text(&o));
    assert!(!PathBuf::from(&restored).join("keys.txt").exists(), "no new key was made");
}

/// Issue 14, finding 11: the level was fixed at INFO, there was no JSON for log shippers, and
/// every `/health` probe made a line (75,000 in one load test).
#[test]
fn logs_are_json_lines_with_request_ids_and_probes_stay_quiet() {
    let dir = Dir::new("logs");
    let (mut child, addr) = start_serve(
        &["--demo", "--data", &dir.data()],
        &[("WABRO_LOG_FORMAT", "json"), ("RUST_LOG", "info")],
        Stdio::piped(),
    );
    for _ in 0..5 {
        get(&addr, "/health").unwrap();
    }
    get(&addr, "/login").unwrap();
    get(&addr, "/consult/WAB-2026-0000001").unwrap();
    stop(&mut child);
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    let logs: Vec<serde_json::Value> = out.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    assert!(!out.contains('\u{1b}'), "no colours when not on a terminal");
    let requests: Vec<&serde_json::Value> =
        logs.iter().filter(|l| l["fields"]["message"] == "request").collect();
    assert!(
        requests.iter().any(|l| l["fields"]["path"] == "/login"
            && l["fields"]["request_id"].as_str().is_some_and(|r| r.len() == 16)),
        "a JSON line with its request id: {out}"
    );
    assert!(!requests.iter().any(|l| l["fields"]["path"] == "/health"), "probes are not logged at INFO");
    assert!(
        requests.iter().any(|l| l["fields"]["path"] == "/consult/{tx}"),
        "the route's template, not the request's identifiers: {out}"
    );
}

/// Issue 14, finding 2 (in part): a connection that sent half its headers kept `serve` alive
/// 45 s after SIGTERM. The requests in flight get the shutdown grace; then it stops.
#[test]
fn a_half_sent_request_does_not_keep_serve_alive_after_sigterm() {
    let dir = Dir::new("grace");
    let (mut child, addr) =
        start_serve(&["--data", &dir.data(), "--shutdown-grace", "1"], &[], Stdio::null());
    let mut slow = TcpStream::connect(&addr).unwrap();
    write!(slow, "GET /login HTTP/1.1\r\nHost: {addr}\r\nX-Half: ").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "serve still runs after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(started.elapsed() < Duration::from_secs(5), "stopped within the grace: {:?}", started.elapsed());
}
