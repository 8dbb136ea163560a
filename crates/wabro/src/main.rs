//! `wabro`: the Wabro service's single binary.
#![forbid(unsafe_code)]

mod cli;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Wabro: A1 attestations and certificates of coverage for employees posted abroad.
#[derive(Parser)]
#[command(name = "wabro", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks an identifier; prints its normalised form (exit 0) or its error code (exit 1).
    Validate(cli::validate::Args),
    /// Reads a request as JSON (a file, or - for standard input) and prints its pre-assessment.
    Assess(cli::assess::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(args) => Ok(cli::validate::run(&args)),
        Command::Assess(args) => cli::assess::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("wabro: {e:#}");
            ExitCode::from(2)
        }
    }
}
