//! Enterprises, users and sessions.

use super::{SqliteStore, audit};
use crate::codec::{db, parse_ts, ts};
use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use time::OffsetDateTime;
use wabro_app::ports::{
    Accounts, AuditEntry, EnterpriseRecord, NewUser, SessionLimits, SessionRecord, StoreError, StoreResult,
    UserRecord,
};
use wabro_app::{Role, Scope};

const USER_COLUMNS: &str =
    "id, email, name, password_hash, role, enterprise_id, disabled, must_change_password";
const SESSION_COLUMNS: &str = "token_hash, user_id, created_at, last_seen_at, client";
const ENTERPRISE_COLUMNS: &str =
    "id, enterprise_number, nsso_number, name, street, postal_code, city, ebox_active";

fn user(r: &SqliteRow) -> StoreResult<UserRecord> {
    let role: String = r.get("role");
    Ok(UserRecord {
        id: r.get("id"),
        email: r.get("email"),
        name: r.get("name"),
        password_hash: r.get("password_hash"),
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role}")))?,
        enterprise_id: r.get("enterprise_id"),
        disabled: r.get::<i64, _>("disabled") != 0,
        must_change_password: r.get::<i64, _>("must_change_password") != 0,
    })
}

fn session(r: &SqliteRow) -> StoreResult<SessionRecord> {
    Ok(SessionRecord {
        token_hash: r.get("token_hash"),
        user_id: r.get("user_id"),
        created_at: parse_ts(r.get("created_at"))?,
        last_seen_at: parse_ts(r.get("last_seen_at"))?,
        client: r.get("client"),
    })
}

fn enterprise(r: &SqliteRow) -> EnterpriseRecord {
    EnterpriseRecord {
        id: r.get("id"),
        enterprise_number: r.get("enterprise_number"),
        nsso_number: r.get("nsso_number"),
        name: r.get("name"),
        street: r.get("street"),
        postal_code: r.get("postal_code"),
        city: r.get("city"),
        ebox_active: r.get::<i64, _>("ebox_active") != 0,
    }
}

#[async_trait]
impl Accounts for SqliteStore {
    async fn create_enterprise(&self, e: &EnterpriseRecord) -> StoreResult<i64> {
        let r = sqlx::query(
            "INSERT INTO enterprises (enterprise_number, nsso_number, name, street, postal_code, city, ebox_active) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&e.enterprise_number)
        .bind(&e.nsso_number)
        .bind(&e.name)
        .bind(&e.street)
        .bind(&e.postal_code)
        .bind(&e.city)
        .bind(e.ebox_active)
        .execute(&self.writer)
        .await
        .map_err(db)?;
        Ok(r.last_insert_rowid())
    }

    async fn enterprise(&self, scope: Scope) -> StoreResult<Option<EnterpriseRecord>> {
        let sql = format!("SELECT {ENTERPRISE_COLUMNS} FROM enterprises WHERE id = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(scope.enterprise_id())
            .fetch_optional(&self.reader)
            .await
            .map_err(db)?;
        Ok(row.as_ref().map(enterprise))
    }

    async fn enterprise_by_number(&self, number: &str) -> StoreResult<Option<EnterpriseRecord>> {
        let sql = format!("SELECT {ENTERPRISE_COLUMNS} FROM enterprises WHERE enterprise_number = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(number)
            .fetch_optional(&self.reader)
            .await
            .map_err(db)?;
        Ok(row.as_ref().map(enterprise))
    }

    async fn is_empty(&self) -> StoreResult<bool> {
        let n: i64 = sqlx::query("SELECT (SELECT COUNT(*) FROM enterprises) + (SELECT COUNT(*) FROM users)")
            .fetch_one(&self.reader)
            .await
            .map_err(db)?
            .get(0);
        Ok(n == 0)
    }

    async fn create_user(&self, u: &NewUser, a: &AuditEntry) -> StoreResult<i64> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let r = sqlx::query(
            "INSERT INTO users (email, name, password_hash, role, enterprise_id, must_change_password, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&u.email)
        .bind(&u.name)
        .bind(&u.password_hash)
        .bind(u.role.code())
        .bind(u.enterprise_id)
        .bind(u.must_change_password)
        .bind(ts(a.at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let id = r.last_insert_rowid();
        let a = AuditEntry { entity_id: id.to_string(), ..a.clone() };
        audit(&mut tx, &a).await?;
        tx.commit().await.map_err(db)?;
        Ok(id)
    }

    async fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(email)
            .fetch_optional(&self.reader)
            .await
            .map_err(db)?;
        row.as_ref().map(user).transpose()
    }

    async fn user(&self, id: i64) -> StoreResult<Option<UserRecord>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?");
        let row =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&self.reader).await.map_err(db)?;
        row.as_ref().map(user).transpose()
    }

    async fn users(&self, scope: Scope) -> StoreResult<Vec<UserRecord>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE enterprise_id = ? ORDER BY name");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(scope.enterprise_id())
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        rows.iter().map(user).collect()
    }

    async fn set_user_disabled(
        &self,
        scope: Scope,
        user_id: i64,
        disabled: bool,
        a: &AuditEntry,
    ) -> StoreResult<bool> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let r = sqlx::query("UPDATE users SET disabled = ? WHERE id = ? AND enterprise_id = ?")
            .bind(disabled)
            .bind(user_id)
            .bind(scope.enterprise_id())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if r.rows_affected() == 0 {
            return Ok(false);
        }
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = ?")
                .bind(user_id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        audit(&mut tx, a).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn create_session(
        &self,
        s: &SessionRecord,
        a: &AuditEntry,
        limits: SessionLimits,
    ) -> StoreResult<()> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        // Expired sessions (anyone's) go, and the user's least recently used ones beyond the cap
        // make room for the new one.
        sqlx::query(
            "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?
               OR (user_id = ? AND token_hash NOT IN (
                 SELECT token_hash FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC LIMIT ?))",
        )
        .bind(ts(limits.idle_before))
        .bind(ts(limits.started_before))
        .bind(s.user_id)
        .bind(s.user_id)
        .bind(i64::from(limits.max_per_user.saturating_sub(1)))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, client) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(&s.token_hash)
        .bind(s.user_id)
        .bind(ts(s.created_at))
        .bind(ts(s.last_seen_at))
        .bind(&s.client)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit(&mut tx, a).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> StoreResult<Option<SessionRecord>> {
        let sql = format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token_hash = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .fetch_optional(&self.reader)
            .await
            .map_err(db)?;
        row.as_ref().map(session).transpose()
    }

    async fn sessions_of(&self, user_id: i64) -> StoreResult<Vec<SessionRecord>> {
        let sql =
            format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC");
        let rows =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_all(&self.reader).await.map_err(db)?;
        rows.iter().map(session).collect()
    }

    async fn delete_other_sessions(&self, user_id: i64, keep: &str, a: &AuditEntry) -> StoreResult<u64> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let r = sqlx::query("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?")
            .bind(user_id)
            .bind(keep)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit(&mut tx, a).await?;
        tx.commit().await.map_err(db)?;
        Ok(r.rows_affected())
    }

    async fn touch_session(&self, token_hash: &str, at: OffsetDateTime) -> StoreResult<()> {
        sqlx::query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
            .bind(ts(at))
            .bind(token_hash)
            .execute(&self.writer)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str, a: Option<&AuditEntry>) -> StoreResult<()> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if let Some(a) = a {
            audit(&mut tx, a).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn set_password(
        &self,
        user_id: i64,
        scope: Option<Scope>,
        password_hash: &str,
        must_change: bool,
        keep: Option<&str>,
        a: &AuditEntry,
    ) -> StoreResult<bool> {
        let mut tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(db)?;
        let r = sqlx::query(
            "UPDATE users SET password_hash = ?, must_change_password = ?
             WHERE id = ? AND (? IS NULL OR enterprise_id = ?)",
        )
        .bind(password_hash)
        .bind(must_change)
        .bind(user_id)
        .bind(scope.map(|s| s.enterprise_id()))
        .bind(scope.map(|s| s.enterprise_id()))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if r.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?")
            .bind(user_id)
            .bind(keep.unwrap_or(""))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit(&mut tx, a).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn delete_user_sessions(&self, user_id: i64) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE user_id = ?")
            .bind(user_id)
            .execute(&self.writer)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").fetch_one(&self.reader).await.map_err(db)?;
        Ok(())
    }
}
