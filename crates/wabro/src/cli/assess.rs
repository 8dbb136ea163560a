//! `wabro assess <FILE|->`: the pre-assessment of a request given as JSON.

use anyhow::Context;
use serde::Deserialize;
use std::io::Read;
use std::process::ExitCode;
use wabro_domain::input::RequestInput;
use wabro_domain::rules::{DimonaPeriod, Facts, PriorRequest, RuleSet, assess};
use wabro_domain::{parse_date, validate};

/// Arguments of `assess`.
#[derive(clap::Args)]
pub struct Args {
    /// A JSON file (see docs/request-json.md), or - to read standard input.
    file: String,
}

/// The document `assess` reads: the request as the API takes it, plus the facts around it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessInput {
    request: RequestInput,
    #[serde(default)]
    dimona: Vec<DimonaPeriod>,
    #[serde(default)]
    prior_requests: Vec<PriorRequest>,
    /// The date to assess on (default: today).
    today: Option<String>,
}

/// Prints the assessment, with any warnings the user confirmed (exit 0), or the validation
/// issues (exit 1).
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    if args.file == "-" {
        std::io::stdin().read_to_string(&mut text).context("reading standard input")?;
    } else {
        text = std::fs::read_to_string(&args.file).with_context(|| format!("reading {}", args.file))?;
    }
    let input: AssessInput =
        serde_json::from_str(&text).context("the input is not a valid assess document")?;
    let today = match &input.today {
        Some(s) => parse_date(s).with_context(|| format!("`today` is not a date: {s}"))?,
        None => super::today(),
    };
    match validate(&input.request, today) {
        Err(issues) => {
            println!("{}", serde_json::to_string_pretty(&serde_json::json!({ "issues": issues }))?);
            Ok(ExitCode::from(1))
        }
        Ok(valid) => {
            let facts = Facts { dimona: &input.dimona, prior: &input.prior_requests, today };
            let assessment = assess(&valid.request, &facts, RuleSet::embedded());
            let mut out = serde_json::to_value(&assessment)?;
            if !valid.warnings.is_empty() {
                out["confirmed_warnings"] = serde_json::to_value(&valid.warnings)?;
            }
            println!("{}", serde_json::to_string_pretty(&out)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}
