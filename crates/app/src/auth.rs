//! Passwords (argon2id), login with rate limiting, and sessions.

use crate::app::App;
use crate::ctx::Actor;
use crate::error::{AppError, AppResult};
use crate::ports::{AuditEntry, SessionRecord};
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

fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
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

impl App {
    /// Logs in with e-mail and password. Limits failures per e-mail and per client address.
    pub async fn login(&self, email: &str, password: &str, client: &str) -> AppResult<LoginOutcome> {
        let email = email.trim().to_lowercase();
        let now = self.clock.now();
        let keys = [format!("email:{email}"), format!("client:{client}")];
        if let Some(secs) = keys.iter().filter_map(|k| self.login_limiter.blocked_for(k, now)).max() {
            return Err(AppError::RateLimited { retry_after_secs: secs });
        }
        let user = self.store.user_by_email(&email).await?;
        let ok = match &user {
            Some(u) => verify_password(password, &u.password_hash) && !u.disabled,
            None => {
                verify_password(password, DUMMY_HASH);
                false
            }
        };
        let Some(user) = user.filter(|_| ok) else {
            keys.iter().for_each(|k| self.login_limiter.fail(k, now));
            tracing::info!("login failed");
            return Err(AppError::InvalidCredentials);
        };
        self.login_limiter.clear(&keys[0]);
        let token = new_token();
        let session = SessionRecord {
            token_hash: token_hash(&token),
            user_id: user.id,
            created_at: now,
            last_seen_at: now,
        };
        let audit = AuditEntry {
            at: now,
            user_id: Some(user.id),
            enterprise_id: user.enterprise_id,
            entity: "session".into(),
            entity_id: user.id.to_string(),
            action: "login".into(),
            detail: "{}".into(),
        };
        self.store.create_session(&session, &audit).await?;
        tracing::info!(user = user.id, "login");
        let actor =
            Actor { user_id: user.id, name: user.name, role: user.role, enterprise_id: user.enterprise_id };
        Ok(LoginOutcome { token, actor })
    }

    /// The session for a cookie token, if it is live; records the activity.
    pub async fn session(&self, token: &str) -> AppResult<Option<SessionInfo>> {
        let hash = token_hash(token);
        let Some(s) = self.store.session(&hash).await? else { return Ok(None) };
        let now = self.clock.now();
        if now - s.last_seen_at > self.config.session_idle || now - s.created_at > self.config.session_max {
            self.store.delete_session(&hash).await?;
            return Ok(None);
        }
        let Some(user) = self.store.user(s.user_id).await?.filter(|u| !u.disabled) else {
            self.store.delete_session(&hash).await?;
            return Ok(None);
        };
        if now - s.last_seen_at > time::Duration::seconds(30) {
            self.store.touch_session(&hash, now).await?;
        }
        let actor =
            Actor { user_id: user.id, name: user.name, role: user.role, enterprise_id: user.enterprise_id };
        Ok(Some(SessionInfo { actor, token_hash: hash }))
    }

    /// Ends a session.
    pub async fn logout(&self, session: &SessionInfo) -> AppResult<()> {
        self.store.delete_session(&session.token_hash).await?;
        Ok(())
    }
}
