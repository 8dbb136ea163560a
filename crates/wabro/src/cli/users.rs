//! `wabro create-user`.

use super::DataArgs;
use anyhow::{Context, bail};
use std::io::BufRead;
use std::process::ExitCode;
use wabro_app::ports::{AuditEntry, EnterpriseRecord, NewUser};
use wabro_app::{Role, hash_password};
use wabro_domain::EnterpriseNumber;

/// Arguments of `create-user`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Login e-mail.
    #[arg(long)]
    email: String,
    /// Display name.
    #[arg(long)]
    name: String,
    /// employer_user, access_manager, agent or admin.
    #[arg(long, default_value = "employer_user")]
    role: String,
    /// Enterprise number, for employer roles.
    #[arg(long)]
    enterprise: Option<String>,
    /// Name of the enterprise, to create it when it does not exist yet.
    #[arg(long)]
    enterprise_name: Option<String>,
}

/// Creates the account.
pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let role = Role::parse(&args.role).with_context(|| format!("unknown role {}", args.role))?;
    let password = match std::env::var("WABRO_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!("Password (then Enter):");
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    // The same rules as everywhere: long, not common, not the person's e-mail or name.
    if let Some(issue) = wabro_app::password_issues(&password, &args.email, &args.name, "password").first() {
        let tr = wabro_i18n::Tr::new(wabro_domain::Lang::En);
        bail!("the password is refused: {}", tr.code(issue.code, &issue.params));
    }
    let store = args.data.open().await?;
    use wabro_app::ports::Accounts;
    let enterprise_id = match (role.is_employer(), &args.enterprise) {
        (false, None) => None,
        (false, Some(_)) => bail!("role {} belongs to no enterprise", role.code()),
        (true, None) => bail!("role {} needs --enterprise", role.code()),
        (true, Some(number)) => {
            let number =
                EnterpriseNumber::parse(number).map_err(|c| anyhow::anyhow!("enterprise number: {c}"))?;
            match store.enterprise_by_number(number.as_str()).await? {
                Some(e) => Some(e.id),
                None => {
                    let Some(name) = &args.enterprise_name else {
                        bail!("enterprise {number} does not exist; give --enterprise-name to create it")
                    };
                    let e = EnterpriseRecord {
                        id: 0,
                        enterprise_number: number.as_str().to_owned(),
                        nsso_number: String::new(),
                        name: name.clone(),
                        street: String::new(),
                        postal_code: String::new(),
                        city: String::new(),
                        ebox_active: false,
                    };
                    Some(store.create_enterprise(&e).await?)
                }
            }
        }
    };
    let user = NewUser {
        email: args.email.trim().to_lowercase(),
        name: args.name.clone(),
        password_hash: hash_password(&password),
        role,
        enterprise_id,
        must_change_password: false,
    };
    let audit = AuditEntry {
        at: time::OffsetDateTime::now_utc(),
        user_id: None,
        enterprise_id,
        entity: "user".into(),
        entity_id: user.email.clone(),
        action: "created".into(),
        detail: r#"{"by":"command line"}"#.into(),
        origin: wabro_app::Origin::default(),
    };
    let id = store.create_user(&user, &audit).await?;
    println!("user {id} created: {} ({})", user.email, role.code());
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
