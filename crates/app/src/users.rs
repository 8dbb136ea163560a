//! An enterprise's access manager creates and disables the enterprise's users.

use crate::app::App;
use crate::auth::hash_password;
use crate::ctx::{EmployerCtx, Role};
use crate::error::{AppError, AppResult};
use crate::ports::{NewUser, StoreError, UserRecord};
use wabro_domain::{Code, Issue};

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 12;

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
        }
        if form.password.chars().count() < MIN_PASSWORD {
            issues.push(Issue::error(Code::UserPasswordTooShort, "password").with("min", MIN_PASSWORD));
        }
        if !issues.is_empty() {
            return Err(AppError::Invalid(issues));
        }
        let role = if form.access_manager { Role::AccessManager } else { Role::EmployerUser };
        let user = NewUser {
            email: email.clone(),
            name: form.name.trim().to_owned(),
            password_hash: hash_password(&form.password),
            role,
            enterprise_id: Some(ctx.scope().enterprise_id()),
        };
        let audit =
            self.audit(ctx, "user", "", "created", serde_json::json!({ "role": role.code() }).to_string());
        match self.store.create_user(&user, &audit).await {
            Ok(id) => Ok(id),
            Err(StoreError::Duplicate(_)) => {
                Err(AppError::Invalid(vec![Issue::error(Code::UserEmailTaken, "email")]))
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
}
