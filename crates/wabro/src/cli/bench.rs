//! `wabro bench-search`: latency of the searches of Consult, through the application layer,
//! next to the same query on the store alone (the SQL and its rows), in the same run.

use super::DataArgs;
use super::seed::{FAMILY, Rng};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wabro_app::ports::{Requests, SortKey};
use wabro_app::{AgentCtx, App, Config, EmployerCtx, Scope, SearchQuery, SearchScope, SystemClock};
use wabro_domain::search_key;

/// Arguments of `bench-search`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Runs per query.
    #[arg(long, default_value_t = 200)]
    runs: usize,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

struct Stats {
    p50: f64,
    p95: f64,
    p99: f64,
}

fn stats(mut d: Vec<Duration>) -> Stats {
    d.sort();
    Stats { p50: percentile(&d, 0.5), p95: percentile(&d, 0.95), p99: percentile(&d, 0.99) }
}

/// Runs the benchmark and prints a table.
pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.data.open().await?;
    let app = App::new(Arc::new(store.clone()), Arc::new(SystemClock), Config::default());
    // The largest enterprise and one of its users.
    let (eid, uid, count): (i64, i64, i64) = store.largest_enterprise().await?;
    let ctx = EmployerCtx::for_tests(uid, eid);
    let agent = AgentCtx::for_tests(0);
    let sample = store.sample_requests(Scope::unchecked(eid), 500).await?;
    anyhow::ensure!(!sample.is_empty(), "no requests: run `wabro seed-bench` first");
    println!("largest enterprise: {count} requests; {} runs per query\n", args.runs);
    println!(
        "{:<34} {:>9} {:>9} {:>9}   {:>9} {:>9} {:>9}   {:>6}",
        "query", "app p50", "p95", "p99", "store p50", "p95", "p99", "ratio"
    );
    let mut rng = Rng::new(7);
    let names: Vec<String> = FAMILY.iter().map(|f| search_key(f)).filter(|k| k.len() >= 4).collect();

    type Make = Box<dyn Fn(&mut Rng) -> (SearchQuery, bool)>;
    let sample_tx = sample.iter().map(|r| r.0.clone()).collect::<Vec<_>>();
    let sample_ssin = sample.iter().map(|r| r.1.clone()).collect::<Vec<_>>();
    let names2 = names.clone();
    let mut scenarios: Vec<(String, Make)> = vec![
        ("default list (10 most recent)".into(), Box::new(|_| (SearchQuery::default(), false))),
        (
            "name substring, largest enterprise".into(),
            Box::new(move |r| {
                let n = r.pick(&names);
                let start = r.below((n.len() - 3) as u64) as usize;
                let len = 3 + r.below((n.len() - start - 2).min(3) as u64) as usize;
                (SearchQuery { name: Some(n[start..start + len].to_owned()), ..Default::default() }, false)
            }),
        ),
        (
            "name substring, all enterprises".into(),
            Box::new(move |r| {
                let n = r.pick(&names2);
                let start = r.below((n.len() - 3) as u64) as usize;
                let len = 3 + r.below((n.len() - start - 2).min(3) as u64) as usize;
                (SearchQuery { name: Some(n[start..start + len].to_owned()), ..Default::default() }, true)
            }),
        ),
        (
            "SSIN".into(),
            Box::new(move |r| {
                (SearchQuery { ssin: Some(r.pick(&sample_ssin).clone()), ..Default::default() }, false)
            }),
        ),
        (
            "dossier number".into(),
            Box::new(move |r| {
                (SearchQuery { number: Some(r.pick(&sample_tx).clone()), ..Default::default() }, false)
            }),
        ),
        (
            "requested period in a 3-month window".into(),
            Box::new(|r| {
                let from = time::macros::date!(2018 - 01 - 01) + time::Duration::days(r.below(3000) as i64);
                let to = from + time::Duration::days(90);
                let q = SearchQuery {
                    requested_from: Some(from.to_string()),
                    requested_to: Some(to.to_string()),
                    ..Default::default()
                };
                (q, false)
            }),
        ),
    ];
    for (key, code) in SortKey::ALL {
        for dir in ["asc", "desc"] {
            let _ = key;
            scenarios.push((
                format!("sort by {code} {dir}"),
                Box::new(move |_| {
                    (
                        SearchQuery { sort: Some(code.into()), dir: Some(dir.into()), ..Default::default() },
                        false,
                    )
                }),
            ));
        }
    }
    let mut worst_p95: f64 = 0.0;
    for (name, make) in &scenarios {
        let mut app_t = Vec::with_capacity(args.runs);
        let mut store_t = Vec::with_capacity(args.runs);
        for i in 0..args.runs + 5 {
            let (q, all) = make(&mut rng);
            let c = wabro_app::search_criteria(&q).map_err(|e| anyhow::anyhow!("{e:?}"))?;
            let scope = if all { SearchScope::Nsso } else { SearchScope::Enterprise(Scope::unchecked(eid)) };
            let t = Instant::now();
            if all {
                app.search_all_requests(&agent, &q).await?;
            } else {
                app.search_requests(&ctx, &q).await?;
            }
            let a = t.elapsed();
            let t = Instant::now();
            store.search_requests(scope, &c).await?;
            let s = t.elapsed();
            if i >= 5 {
                app_t.push(a);
                store_t.push(s);
            }
        }
        let (a, s) = (stats(app_t), stats(store_t));
        worst_p95 = worst_p95.max(a.p95);
        println!(
            "{name:<34} {:>7.2}ms {:>7.2}ms {:>7.2}ms   {:>7.2}ms {:>7.2}ms {:>7.2}ms   {:>6.2}",
            a.p50,
            a.p95,
            a.p99,
            s.p50,
            s.p95,
            s.p99,
            a.p50 / s.p50
        );
    }
    println!("\nworst p95 through the application layer: {worst_p95:.2} ms (target 20 ms)");
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `bench-certificates`.
#[derive(clap::Args)]
pub struct CertArgs {
    /// Certificates to issue.
    #[arg(long, default_value_t = 300)]
    count: usize,
    /// Also write the sample certificate to this file, to inspect it.
    #[arg(long)]
    sample: Option<std::path::PathBuf>,
}

/// Certificates per second on one core (sign, render with QR code, store) next to a bare
/// one-page render with the same library, in the same run.
pub async fn certificates(args: CertArgs) -> anyhow::Result<ExitCode> {
    use wabro_app::ports::{Accounts, Documents, EnterpriseRecord};
    let dir = std::env::temp_dir().join(format!("wabro-bench-cert-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let store = wabro_store::SqliteStore::open(&dir.join("wabro.db")).await?;
    let e = EnterpriseRecord {
        id: 0,
        enterprise_number: "0412345614".into(),
        nsso_number: "123456749".into(),
        name: "Bouwwerken Vlaanderen NV".into(),
        street: "Industrieweg 12".into(),
        postal_code: "9000".into(),
        city: "Gent".into(),
        ebox_active: true,
    };
    let eid = store.create_enterprise(&e).await?;
    let keyring = wabro_certificate::Keyring::generate([1; 32], "k1");
    let sample = sample_certificate();

    // Warm both paths (fonts, caches).
    wabro_certificate::bare_page("warm up")?;
    wabro_certificate::render(&sample)?;

    let t = Instant::now();
    for _ in 0..args.count {
        std::hint::black_box(wabro_certificate::render(&sample)?);
    }
    let render_only = t.elapsed().as_secs_f64() / args.count as f64;
    let mut with_qr = sample.clone();
    with_qr.verification_url = format!(
        "https://wabro.example.be/verify?t={}",
        keyring.sign(&wabro_certificate::Payload {
            n: "A1-WAB-2026-0000001".into(),
            k: "a1".into(),
            s: "BE".into(),
            from: "2027-01-04".into(),
            to: "2027-06-30".into(),
            y: 1971,
        })
    );
    let sample_pdf = wabro_certificate::render(&with_qr)?;
    let size = sample_pdf.len();
    if let Some(path) = &args.sample {
        std::fs::write(path, &sample_pdf)?;
    }
    let t = Instant::now();
    for _ in 0..args.count {
        std::hint::black_box(wabro_certificate::qr::modules(&with_qr.verification_url));
    }
    println!(
        "QR encoding alone:            {:>8.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / args.count as f64
    );
    let t = Instant::now();
    for _ in 0..args.count {
        std::hint::black_box(wabro_certificate::render(&with_qr)?);
    }
    let render_qr = t.elapsed().as_secs_f64() / args.count as f64;

    // The bare render and the full certificate alternate batch by batch, so that a slower or
    // busier moment of the machine weighs on both sides of the ratio alike. Certificates are
    // issued as the worker issues them: a batch of `JOB_BATCH` signed and rendered one after the
    // other, then stored in one transaction.
    let batch_size = wabro_app::JOB_BATCH as usize;
    let singles = args.count.min(100);
    let jobs = store.bulk_insert_jobs(args.count + singles, time::OffsetDateTime::now_utc()).await?;
    let (mut bare, mut full, mut single, mut storing) = (0.0, 0.0, 0.0, 0.0);
    let mut batch = Vec::with_capacity(batch_size);
    for (b, chunk) in jobs[..args.count].chunks(batch_size).enumerate() {
        let t = Instant::now();
        for i in 0..chunk.len() {
            std::hint::black_box(wabro_certificate::bare_page(&format!("Page {}", b * batch_size + i))?);
        }
        bare += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for (i, job) in chunk.iter().copied().enumerate() {
            batch.push(bench_document(&sample, &keyring, eid, b * batch_size + i, job)?);
        }
        let s = Instant::now();
        anyhow::ensure!(store.store_documents(&batch).await?.len() == batch.len(), "documents not stored");
        storing += s.elapsed().as_secs_f64();
        batch.clear();
        full += t.elapsed().as_secs_f64();
    }
    // For comparison: one document per transaction, each with its own disk sync.
    for (i, job) in jobs.iter().copied().enumerate().skip(args.count) {
        let d = bench_document(&sample, &keyring, eid, i, job)?;
        let t = Instant::now();
        anyhow::ensure!(
            store.store_documents(std::slice::from_ref(&d)).await?.len() == 1,
            "document not stored"
        );
        single += t.elapsed().as_secs_f64();
    }
    let single = single / singles as f64;
    let (bare, full) = (bare / args.count as f64, full / args.count as f64);
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    let requests = args.count.min(1024);
    let (worker, unread, mostly_read) = worker_end_to_end(requests).await?;
    println!(
        "bare one-page render:         {:>8.2} ms  ({:>7.1} per second on one core)",
        bare * 1000.0,
        1.0 / bare
    );
    println!(
        "certificate render alone:     {:>8.2} ms (with the signed QR code: {:.2} ms, {size} bytes)",
        render_only * 1000.0,
        render_qr * 1000.0
    );
    println!(
        "certificate (sign+render+QR+store, batches of {batch_size}): {:>8.2} ms  ({:>7.1} per second on one core)",
        full * 1000.0,
        1.0 / full
    );
    println!(
        "  of which storing: {:.2} ms (one document per transaction instead: {:.2} ms each)",
        storing * 1000.0 / args.count as f64,
        single * 1000.0
    );
    println!(
        "ratio certificate / bare render: {:.2} (target at most 3; target at least 100 certificates per second)",
        full / bare
    );
    println!(
        "the worker itself (load the request, sign, render, store), {} approved requests: {:.2} ms each ({:.1} per second), {:.2} times the bare render",
        requests,
        worker * 1000.0,
        1.0 / worker,
        worker / bare
    );
    for (state, ebox) in [("all unread", unread), ("all read but ten", mostly_read)] {
        println!(
            "the e-Box of an enterprise with those {} documents, {state} (unread count and newest documents): {:.2} ms, {:.2} times the bare render",
            requests,
            ebox * 1000.0,
            ebox / bare
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Seconds per certificate through the worker itself: `count` postings filed and approved
/// through the application layer, then `App::process_jobs` loads each decided request, signs,
/// renders and stores its A1, as `serve` does. Then seconds to read the enterprise's e-Box, all
/// unread, and all read but ten.
async fn worker_end_to_end(count: usize) -> anyhow::Result<(f64, f64, f64)> {
    use anyhow::Context;
    use wabro_app::ports::{Accounts, Documents};
    let dir = std::env::temp_dir().join(format!("wabro-bench-worker-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let store = wabro_store::SqliteStore::open(&dir.join("wabro.db")).await?;
    let certificates = wabro_app::Certificates {
        keyring: Arc::new(wabro_certificate::Keyring::generate([1; 32], "k1")),
        public_url: "https://wabro.example.be".into(),
    };
    let app = App::new(Arc::new(store.clone()), Arc::new(SystemClock), Config::default())
        .with_certificates(certificates);
    app.load_demo().await?;
    let user_of = |n: usize| store.user_by_email(wabro_app::demo::LOGINS[n].email);
    let employer = user_of(1).await?.context("the demo employer")?;
    let ctx = EmployerCtx::for_tests(employer.id, employer.enterprise_id.context("an enterprise")?);
    let agent = AgentCtx::for_tests(user_of(4).await?.context("the demo agent")?.id);
    let example: serde_json::Value =
        serde_json::from_str(include_str!("../../../../docs/examples/posting-fr.json"))?;
    let template: wabro_domain::input::RequestInput = serde_json::from_value(example["request"].clone())?;
    // Approved for the period requested.
    let day = |s: &Option<String>| s.as_deref().and_then(wabro_domain::parse_date);
    let period = day(&template.period.start)
        .zip(day(&template.period.end))
        .and_then(|(start, end)| wabro_domain::Period::new(start, end))
        .context("the example's period")?;
    // Every worker of the enterprise whose Dimona covers the period, in turn.
    let mut workers = Vec::new();
    for q in ["an", "en", "er", "ee", "in", "ma", "ck", "ss"] {
        for hit in app.search_directory(&ctx, q).await? {
            let covered =
                hit.dimona.iter().any(|d| d.start <= period.start && d.end.is_none_or(|e| e >= period.end));
            if covered && !workers.contains(&hit.worker.ssin) {
                workers.push(hit.worker.ssin);
            }
        }
    }
    anyhow::ensure!(!workers.is_empty(), "no demo worker covered by Dimona");
    for i in 0..count {
        let draft =
            app.new_draft(&ctx, wabro_domain::RequestKind::Posting, None, wabro_domain::Lang::Fr).await?;
        app.save_step(&ctx, &draft, wabro_app::Step::Destination, None, |input| *input = template.clone())
            .await?;
        app.select_employee(&ctx, &draft, workers[i % workers.len()].as_str()).await?;
        let tx = app.submit(&ctx, &draft).await?.transaction_number;
        app.approve(&agent, &tx, period).await?;
    }
    let t = Instant::now();
    let mut done = 0;
    while done < count {
        let n = app.process_jobs().await?;
        anyhow::ensure!(n > 0, "the worker stopped after {done} documents");
        done += n;
    }
    let each = t.elapsed().as_secs_f64() / count as f64;
    // The e-Box of the enterprise that now has `count` documents, all unread; then as it mostly
    // is, every document read but the ten newest.
    let unread = read_ebox(&app, &ctx).await?;
    let scope = ctx.scope();
    let now = time::OffsetDateTime::now_utc();
    for d in store.documents(scope, u32::MAX).await?.iter().skip(10) {
        store.mark_read(scope, &d.document_number, now).await?;
    }
    let mostly_read = read_ebox(&app, &ctx).await?;
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok((each, unread, mostly_read))
}

/// Seconds to read an enterprise's e-Box as its pages read it: the unread count every page's
/// navigation shows, and the newest documents.
async fn read_ebox(app: &App, ctx: &EmployerCtx) -> anyhow::Result<f64> {
    const READS: u32 = 50;
    let t = Instant::now();
    for _ in 0..READS {
        std::hint::black_box(app.ebox_unread(ctx).await?);
        std::hint::black_box(app.ebox(ctx).await?);
    }
    Ok(t.elapsed().as_secs_f64() / f64::from(READS))
}

/// The `i`-th benchmark document: signed, rendered, with its job and audit record.
fn bench_document(
    sample: &wabro_certificate::CertificateData,
    keyring: &wabro_certificate::Keyring,
    eid: i64,
    i: usize,
    job_id: i64,
) -> anyhow::Result<wabro_app::ports::IssuedDocument> {
    use wabro_app::ports::{AuditEntry, IssuedDocument, NewDocument};
    // Names and addresses differ from one holder to the next, as they do in real life (the
    // renderer shapes each new text run; labels, countries and dates recur).
    const FAMILY: [&str; 6] = ["Müller", "Peeters", "Dubois", "Janssens", "Lambert", "Wouters"];
    const GIVEN: [&str; 5] = ["Jürgen", "Lotte", "Amélie", "Pieter", "Noël"];
    let mut d = sample.clone();
    d.document_number = format!("A1-BENCH-{i:07}");
    d.holder.family_name = format!("{}-{}", FAMILY[i % FAMILY.len()], i / FAMILY.len());
    d.holder.given_name = GIVEN[i % GIVEN.len()].to_owned();
    d.holder.address = format!("Rue de la Station {}, {} Eupen, BE", i % 200 + 1, 4700 + i % 3);
    let payload = wabro_certificate::Payload {
        n: d.document_number.clone(),
        k: "a1".into(),
        s: "BE".into(),
        from: d.start.to_string(),
        to: d.end.to_string(),
        y: d.holder.birth_year,
    };
    let token = keyring.sign(&payload);
    d.verification_url = format!("https://wabro.example.be/verify?t={token}");
    let pdf = wabro_certificate::render(&d)?;
    let document = NewDocument {
        document_number: d.document_number.clone(),
        transaction_number: format!("WAB-BENCH-{i}"),
        enterprise_id: eid,
        kind: "a1".into(),
        language: "fr".into(),
        channel: "e_box".into(),
        pdf,
        token,
        valid_from: d.start,
        valid_to: d.end,
        holder_name: "Jürgen Müller".into(),
        birth_year: 1971,
        birth_date: d.holder.birth_date,
        state: "BE".into(),
        countries: "FR".into(),
        at: time::OffsetDateTime::now_utc(),
    };
    let audit = AuditEntry {
        at: document.at,
        user_id: None,
        enterprise_id: Some(eid),
        entity: "request".into(),
        entity_id: document.transaction_number.clone(),
        action: "document_issued".into(),
        detail: "{}".into(),
        origin: wabro_app::Origin::default(),
    };
    Ok(IssuedDocument { document, job_id, audit })
}

fn sample_certificate() -> wabro_certificate::CertificateData {
    let mut d = wabro_certificate::CertificateData::sample(
        wabro_certificate::DocumentKind::A1,
        wabro_domain::CertificateLanguage::Fr,
    );
    d.document_number = "A1-BENCH".into();
    d.verification_url = String::new();
    d
}
