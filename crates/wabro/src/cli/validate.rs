//! `wabro validate <KIND> <VALUE>`.

use std::process::ExitCode;
use wabro_domain::{BelgianPostalCode, EmployerNumber, EnterpriseNumber, ImoNumber, Ssin};

/// Which identifier to check.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Kind {
    /// Social-security identification number (national register or BIS).
    Ssin,
    /// KBO/BCE enterprise number.
    Enterprise,
    /// NSSO employer registration number.
    Employer,
    /// IMO ship number.
    Imo,
    /// Belgian postal code.
    PostalCode,
}

/// Arguments of `validate`.
#[derive(clap::Args)]
pub struct Args {
    /// The kind of identifier.
    #[arg(value_enum)]
    kind: Kind,
    /// The value as typed (separators allowed).
    value: String,
}

/// Prints the normalised form (exit 0) or the error code (exit 1).
pub fn run(args: &Args) -> ExitCode {
    match normalise(args.kind, &args.value) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(code) => {
            println!("{code}");
            ExitCode::from(1)
        }
    }
}

fn normalise(kind: Kind, v: &str) -> Result<String, wabro_domain::Code> {
    Ok(match kind {
        Kind::Ssin => Ssin::parse(v, super::today())?.formatted(),
        Kind::Enterprise => EnterpriseNumber::parse(v)?.formatted(),
        Kind::Employer => EmployerNumber::parse(v)?.formatted(),
        Kind::Imo => ImoNumber::parse(v)?.formatted(),
        Kind::PostalCode => BelgianPostalCode::parse(v)?.as_str().to_owned(),
    })
}
