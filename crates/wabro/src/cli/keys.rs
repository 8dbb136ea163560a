//! The certificate signing keys in the data directory (`keys.txt`): created on first start,
//! rotated by `wabro keys rotate` (old keys keep verifying older documents).

use super::DataArgs;
use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;
use wabro_certificate::Keyring;

/// Key commands.
#[derive(clap::Subcommand)]
pub enum Keys {
    /// Adds a new signing key; documents signed before stay verifiable.
    Rotate(DataArgs),
    /// Lists the key ids (oldest first; the last one signs).
    List(DataArgs),
}

fn path(dir: &Path) -> std::path::PathBuf {
    dir.join("keys.txt")
}

fn random_key() -> anyhow::Result<[u8; 32]> {
    let mut secret = [0u8; 32];
    let mut f = std::fs::File::open("/dev/urandom").context("reading random bytes")?;
    std::io::Read::read_exact(&mut f, &mut secret)?;
    Ok(secret)
}

fn save(dir: &Path, ring: &Keyring) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let p = path(dir);
    std::fs::write(&p, ring.to_text()).with_context(|| format!("writing {}", p.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// The keyring of the data directory, created with one key when missing.
pub fn load_or_create(dir: &Path) -> anyhow::Result<Keyring> {
    let p = path(dir);
    if p.exists() {
        let text = std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        return Keyring::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()));
    }
    let ring =
        Keyring::generate(random_key()?, &format!("k{}", time::OffsetDateTime::now_utc().unix_timestamp()));
    save(dir, &ring)?;
    tracing::info!("created a certificate signing key");
    Ok(ring)
}

/// Runs a key command.
pub fn run(cmd: Keys) -> anyhow::Result<ExitCode> {
    match cmd {
        Keys::Rotate(data) => {
            let mut ring = load_or_create(&data.data)?;
            let id = format!("k{}", time::OffsetDateTime::now_utc().unix_timestamp());
            anyhow::ensure!(!ring.key_ids().contains(&id), "a key was rotated this second already");
            ring.rotate(random_key()?, &id);
            save(&data.data, &ring)?;
            println!("new signing key {id}; {} keys in all", ring.key_ids().len());
        }
        Keys::List(data) => {
            for id in load_or_create(&data.data)?.key_ids() {
                println!("{id}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
