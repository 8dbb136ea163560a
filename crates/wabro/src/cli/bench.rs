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
