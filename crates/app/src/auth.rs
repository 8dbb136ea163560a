//! Passwords (argon2id), login with rate limiting, and sessions.

use crate::app::{App, By};
use crate::ctx::Actor;
use crate::ctx::Origin;
use crate::error::{AppError, AppResult};
use crate::ports::{LoginFailures, SessionLimits, SessionRecord};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use sha2::{Digest, Sha256};

/// Hashes a password with argon2id (random salt, default parameters).
pub fn hash_password(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .unwrap_or_else(|e| panic!("argon2 cannot hash: {e}"))
}

/// How many passwords are hashed or checked at once: one per core. argon2id takes tens of
/// milliseconds of CPU and 19 MiB of memory each; more at once would only take the cores from
/// every other request and grow memory with the number of logins. The others wait their turn.
static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get))
});

/// Hashes a password on a blocking thread (argon2id takes tens of milliseconds of CPU).
pub(crate) async fn hash_password_off_thread(password: &str) -> String {
    let _turn = HASHING.acquire().await;
    let password = password.to_owned();
    match tokio::task::spawn_blocking(move || hash_password(&password)).await {
        Ok(hash) => hash,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// Checks a password on a blocking thread: argon2id takes tens of milliseconds of CPU, which
/// must not hold up the threads that answer requests.
pub(crate) async fn verify_password(password: &str, phc: &str) -> bool {
    let _turn = HASHING.acquire().await;
    let (password, phc) = (password.to_owned(), phc.to_owned());
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&phc)
            .is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
    })
    .await
    .unwrap_or(false)
}

/// A new random token: 32 bytes as 64 hex digits.
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    hex(&bytes)
}

/// The SHA-256 of a token, hex: what the database keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The CSRF token of a browser, derived from the secret its cookie holds (the session token,
/// or before login a random anonymous value): a new session is a new token, and a page of
/// another site can neither read the cookie nor compute the token from anything it can see.
pub fn csrf_token(binding: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"wabro-csrf\0");
    hasher.update(binding.as_bytes());
    hex(&hasher.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A successful login.
#[derive(Debug)]
pub struct LoginOutcome {
    /// The session token for the cookie (shown once, never stored).
    pub token: String,
    /// Who logged in.
    pub actor: Actor,
}

/// A live session.
#[derive(Clone, Debug)]
pub struct SessionInfo {
    /// The user.
    pub actor: Actor,
    /// The token's hash (to log out).
    pub token_hash: String,
}

/// A password every login compares against when the e-mail is unknown, so that timing does
/// not tell which accounts exist.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$WvQn7eQb0O4oYV0w3XwH3m0y2b1yE8o3Zk0H1qgq8Ck";

/// Failed logins that cost nothing: past them, each further failure doubles the wait.
const FREE_FAILURES_PER_ACCOUNT: u32 = 5;
/// The same for one address across accounts (password spraying).
const FREE_FAILURES_PER_ADDRESS: u32 = 50;
/// The longest wait.
const MAX_WAIT_MINUTES: i64 = 60;
/// Failures older than this are forgotten.
const FORGET_AFTER: time::Duration = time::Duration::hours(24);

/// Until when a key with these failures must wait: nothing for the free failures, then one
/// minute, doubling with each further failure, up to an hour.
fn blocked_until(failures: LoginFailures, free: u32) -> Option<time::OffsetDateTime> {
    let over = failures.failures.checked_sub(free)?;
    let minutes = 1i64.checked_shl(over).filter(|m| *m > 0).unwrap_or(MAX_WAIT_MINUTES).min(MAX_WAIT_MINUTES);
    Some(failures.last + time::Duration::minutes(minutes))
}

impl App {
    /// Logs in with e-mail and password. Failed attempts slow the attacker, not the owner:
    /// they are counted per account and address (the owner elsewhere is not slowed) and per
    /// address (one address trying many accounts), in the database so that every instance
    /// shares them; past a few free failures each further one doubles the wait. Failed and
    /// slowed attempts are audited on the account they aimed at.
    pub async fn login(&self, email: &str, password: &str, origin: Origin) -> AppResult<LoginOutcome> {
        let email = email.trim().to_lowercase();
        let now = self.clock.now();
        let address = origin.client.map(|c| c.to_string()).unwrap_or_else(|| "unknown".into());
        let keys = [format!("account:{email}|from:{address}"), format!("from:{address}")];
        let user = self.store.user_by_email(&email).await?;
        // Failed attempts are audited on the account they aimed at, when there is one.
        let by = By {
            user_id: user.as_ref().map(|u| u.id),
            enterprise_id: user.as_ref().and_then(|u| u.enterprise_id),
            origin,
        };
        let entity_id = user.as_ref().map(|u| u.id.to_string()).unwrap_or_default();
        let detail = serde_json::json!({ "email": email }).to_string();
        let audit = |action: &str| self.audit_by(by, "session", &entity_id, action, detail.clone());
        let failures = self.store.login_failures(&keys).await?;
        let wait_until = failures
            .iter()
            .zip([FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_ADDRESS])
            .filter_map(|(f, free)| {
                f.filter(|f| now - f.last < FORGET_AFTER).and_then(|f| blocked_until(f, free))
            })
            .max()
            .filter(|until| *until > now);
        if let Some(until) = wait_until {
            self.store.record(&audit("login_throttled")).await?;
            tracing::info!("login throttled");
            return Err(AppError::RateLimited {
                retry_after_secs: (until - now).whole_seconds().max(1) as u64,
            });
        }
        let ok = match &user {
            Some(u) => verify_password(password, &u.password_hash).await && !u.disabled,
            None => {
                verify_password(password, DUMMY_HASH).await;
                false
            }
        };
        let Some(user) = user.as_ref().filter(|_| ok) else {
            self.store.login_failed(&keys, now, now - FORGET_AFTER, &audit("login_failed")).await?;
            tracing::info!("login failed");
            return Err(AppError::InvalidCredentials);
        };
        if failures[0].is_some() {
            self.store.clear_login_failures(&keys[0]).await?;
        }
        let token = new_token();
        let session = SessionRecord {
            token_hash: token_hash(&token),
            user_id: user.id,
            created_at: now,
            last_seen_at: now,
            client: origin.client_text(),
        };
        let limits = SessionLimits {
            max_per_user: self.config.max_sessions,
            idle_before: now - self.config.session_idle,
            started_before: now - self.config.session_max,
        };
        self.store.create_session(&session, &audit("login"), limits).await?;
        tracing::info!(user = user.id, "login");
        let actor = Actor {
            user_id: user.id,
            name: user.name.clone(),
            role: user.role,
            enterprise_id: user.enterprise_id,
            must_change_password: user.must_change_password,
        };
        Ok(LoginOutcome { token, actor })
    }

    /// The session for a cookie token, if it is live; records the activity.
    pub async fn session(&self, token: &str) -> AppResult<Option<SessionInfo>> {
        let hash = token_hash(token);
        let Some(s) = self.store.session(&hash).await? else { return Ok(None) };
        let now = self.clock.now();
        if now - s.last_seen_at > self.config.session_idle || now - s.created_at > self.config.session_max {
            self.store.delete_session(&hash, None).await?;
            return Ok(None);
        }
        let Some(user) = self.store.user(s.user_id).await?.filter(|u| !u.disabled) else {
            self.store.delete_session(&hash, None).await?;
            return Ok(None);
        };
        if now - s.last_seen_at > time::Duration::seconds(30) {
            self.store.touch_session(&hash, now).await?;
        }
        let actor = Actor {
            user_id: user.id,
            name: user.name,
            role: user.role,
            enterprise_id: user.enterprise_id,
            must_change_password: user.must_change_password,
        };
        Ok(Some(SessionInfo { actor, token_hash: hash }))
    }

    /// Records that a logged-in person was refused a page or an object (403, or a 404 that may
    /// be another enterprise's object): `what` is the method and the path, its personal
    /// numbers masked.
    pub async fn access_refused(
        &self,
        session: &SessionInfo,
        origin: Origin,
        what: &str,
        status: u16,
    ) -> AppResult<()> {
        let what: String = what.chars().take(200).collect();
        let detail = serde_json::json!({ "status": status }).to_string();
        let entry = self.audit_by(By::person(&session.actor, origin), "access", &what, "refused", detail);
        Ok(self.store.record(&entry).await?)
    }

    /// The sessions of the person logged in, most recently used first.
    pub async fn my_sessions(&self, session: &SessionInfo) -> AppResult<Vec<SessionRecord>> {
        Ok(self.store.sessions_of(session.actor.user_id).await?)
    }

    /// Ends every other session of the person logged in; returns how many ended.
    pub async fn log_out_others(&self, session: &SessionInfo, origin: Origin) -> AppResult<u64> {
        let me = session.actor.user_id.to_string();
        let audit = self.audit_by(
            By::person(&session.actor, origin),
            "session",
            &me,
            "logged_out_others",
            "{}".into(),
        );
        Ok(self.store.delete_other_sessions(session.actor.user_id, &session.token_hash, &audit).await?)
    }

    /// Ends a session, with its audit record.
    pub async fn logout(&self, session: &SessionInfo, origin: Origin) -> AppResult<()> {
        let me = session.actor.user_id.to_string();
        let audit = self.audit_by(By::person(&session.actor, origin), "session", &me, "logout", "{}".into());
        self.store.delete_session(&session.token_hash, Some(&audit)).await?;
        Ok(())
    }
}
