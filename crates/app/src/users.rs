//! An enterprise's access manager creates and disables the enterprise's users.

use crate::app::{App, By};
use crate::auth::SessionInfo;
use crate::auth::{hash_password_off_thread, verify_password};
use crate::ctx::Origin;
use crate::ctx::{EmployerCtx, Role};
use crate::error::{AppError, AppResult};
use crate::passwords::password_issues;
use crate::ports::{NewUser, StoreError, UserRecord};
use wabro_domain::{Code, Issue};

/// A new user as the access manager types it.
#[derive(Clone, Debug, Default)]
pub struct NewUserForm {
    /// E-mail.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Whether the new user manages users too.
    pub access_manager: bool,
    /// Initial password.
    pub password: String,
}

impl App {
    fn manager(&self, ctx: &EmployerCtx) -> AppResult<()> {
        if ctx.is_access_manager() { Ok(()) } else { Err(AppError::Forbidden) }
    }

    /// The enterprise's users (access managers only).
    pub async fn users(&self, ctx: &EmployerCtx) -> AppResult<Vec<UserRecord>> {
        self.manager(ctx)?;
        Ok(self.store.users(ctx.scope()).await?)
    }

    /// Creates a user of the enterprise (access managers only); every problem at once.
    pub async fn create_enterprise_user(&self, ctx: &EmployerCtx, form: &NewUserForm) -> AppResult<i64> {
        self.manager(ctx)?;
        let email = form.email.trim().to_lowercase();
        let mut issues = Vec::new();
        let valid_email = email.len() <= 200
            && email
                .split_once('@')
                .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.starts_with('.'))
            && !email.contains(char::is_whitespace);
        if !valid_email {
            issues.push(Issue::error(Code::UserEmailInvalid, "email"));
        }
        if form.name.trim().is_empty() {
            issues.push(Issue::error(Code::FieldRequired, "name"));
        } else if form.name.trim().chars().count() > wabro_domain::limits::NORMAL {
            issues.push(Issue::error(Code::FieldTooLong, "name").with("max", wabro_domain::limits::NORMAL));
        }
        issues.extend(password_issues(&form.password, &email, &form.name, "password"));
        if !issues.is_empty() {
            return Err(AppError::Invalid(issues));
        }
        let role = if form.access_manager { Role::AccessManager } else { Role::EmployerUser };
        let user = NewUser {
            email: email.clone(),
            name: form.name.trim().to_owned(),
            password_hash: hash_password_off_thread(&form.password).await,
            role,
            enterprise_id: Some(ctx.scope().enterprise_id()),
            // Someone else chose it: its owner changes it at the first login.
            must_change_password: true,
        };
        let audit =
            self.audit(ctx, "user", "", "created", serde_json::json!({ "role": role.code() }).to_string());
        match self.store.create_user(&user, &audit).await {
            Ok(id) => Ok(id),
            // Whether the address has an account elsewhere (an agent, another enterprise) is
            // nobody's business here: every address already in use gets the same answer.
            Err(StoreError::Duplicate(_)) => {
                Err(AppError::Invalid(vec![Issue::error(Code::UserEmailUnavailable, "email")]))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Disables or enables a user of the enterprise; disabling ends their sessions.
    pub async fn set_user_disabled(&self, ctx: &EmployerCtx, user_id: i64, disabled: bool) -> AppResult<()> {
        self.manager(ctx)?;
        if user_id == ctx.user_id() && disabled {
            return Err(AppError::Conflict(Code::UserCannotDisableSelf));
        }
        let audit = self.audit(
            ctx,
            "user",
            &user_id.to_string(),
            if disabled { "disabled" } else { "enabled" },
            "{}".to_owned(),
        );
        if !self.store.set_user_disabled(ctx.scope(), user_id, disabled, &audit).await? {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    /// Sets a new password for a user of the enterprise (access managers only), which its
    /// owner must change at the next login; the user's sessions end.
    pub async fn reset_password(&self, ctx: &EmployerCtx, user_id: i64, password: &str) -> AppResult<()> {
        self.manager(ctx)?;
        let user =
            self.store.user(user_id).await?.filter(|u| u.enterprise_id == Some(ctx.scope().enterprise_id()));
        let Some(user) = user else { return Err(AppError::NotFound) };
        let issues = password_issues(password, &user.email, &user.name, "password");
        if !issues.is_empty() {
            return Err(AppError::Invalid(issues));
        }
        let hash = hash_password_off_thread(password).await;
        let audit = self.audit(ctx, "user", &user_id.to_string(), "password_reset", "{}".into());
        if !self.store.set_password(user_id, Some(ctx.scope()), &hash, true, None, &audit).await? {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    /// A person changes their own password (the current one first); their other sessions
    /// end, this one stays.
    pub async fn change_password(
        &self,
        session: &SessionInfo,
        origin: Origin,
        current: &str,
        new: &str,
        repeated: &str,
    ) -> AppResult<()> {
        let user = self.store.user(session.actor.user_id).await?.ok_or(AppError::NotFound)?;
        if !verify_password(current, &user.password_hash).await {
            return Err(AppError::Invalid(vec![Issue::error(Code::UserPasswordWrong, "current")]));
        }
        let mut issues = password_issues(new, &user.email, &user.name, "new");
        if issues.is_empty() && new == current {
            issues.push(Issue::error(Code::UserPasswordWeak, "new"));
        }
        if new != repeated {
            issues.push(Issue::error(Code::UserPasswordMismatch, "repeated"));
        }
        if !issues.is_empty() {
            return Err(AppError::Invalid(issues));
        }
        let hash = hash_password_off_thread(new).await;
        let by = By { user_id: Some(user.id), enterprise_id: user.enterprise_id, origin };
        let audit = self.audit_by(by, "user", &user.id.to_string(), "password_changed", "{}".into());
        self.store.set_password(user.id, None, &hash, false, Some(&session.token_hash), &audit).await?;
        Ok(())
    }
}
