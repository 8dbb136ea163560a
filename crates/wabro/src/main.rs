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
    /// Runs the web service on the embedded SQLite database.
    Serve(cli::serve::Args),
    /// Issues the documents of decisions (the same worker `serve` runs inside).
    Worker(cli::worker::Args),
    /// Manages the certificate signing keys.
    #[command(subcommand)]
    Keys(cli::keys::Keys),
    /// Creates or upgrades the database, then exits.
    Migrate(cli::DataArgs),
    /// Creates a user account (the password is read from WABRO_PASSWORD or standard input).
    CreateUser(cli::users::Args),
    /// Checks the whole database (integrity) and the audit chain; exit 1 when either is damaged.
    Check(cli::DataArgs),
    /// Lists the document jobs that failed, or puts them back in the queue.
    #[command(subcommand)]
    Jobs(cli::jobs::Jobs),
    /// Writes a consistent copy of the database and the signing keys into a new directory,
    /// while the service runs.
    Backup(cli::backup::BackupArgs),
    /// Puts a backup into an empty data directory (`--force` to replace one).
    Restore(cli::backup::RestoreArgs),
    /// Checks the audit trail.
    #[command(subcommand)]
    Audit(cli::audit::Audit),
    /// Imports data files.
    #[command(subcommand)]
    Import(cli::import::Import),
    /// Writes a realistic benchmark data set straight into the database.
    SeedBench(cli::seed::Args),
    /// Measures the searches of Consult on a seeded database (build with --release).
    BenchSearch(cli::bench::Args),
    /// Measures certificates per second against a bare page render (build with --release).
    BenchCertificates(cli::bench::CertArgs),
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
        Command::Serve(args) => cli::runtime(cli::serve::run(args)),
        Command::Migrate(args) => cli::runtime(cli::migrate(args)),
        Command::Worker(args) => cli::runtime(cli::worker::run(args)),
        Command::Keys(cmd) => cli::keys::run(cmd),
        Command::CreateUser(args) => cli::runtime(cli::users::run(args)),
        Command::Import(cmd) => cli::runtime(cli::import::run(cmd)),
        Command::Audit(cmd) => cli::runtime(cli::audit::run(cmd)),
        Command::Check(args) => cli::runtime(cli::check::run(args)),
        Command::Backup(args) => cli::runtime(cli::backup::backup(args)),
        Command::Restore(args) => cli::runtime(cli::backup::restore(args)),
        Command::Jobs(cmd) => cli::runtime(cli::jobs::run(cmd)),
        Command::SeedBench(args) => cli::runtime(cli::seed::run(args)),
        Command::BenchSearch(args) => cli::runtime(cli::bench::run(args)),
        Command::BenchCertificates(args) => cli::runtime(cli::bench::certificates(args)),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("wabro: {e:#}");
            ExitCode::from(2)
        }
    }
}
