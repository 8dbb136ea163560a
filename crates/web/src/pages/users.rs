//! The access manager's page: the enterprise's users, create one, disable or enable one.

use crate::AppState;
use crate::context::{CsrfForm, Employer};
use crate::render::{Errors, Page, app_error, html, redirect};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use wabro_app::{AppError, NewUserForm, Role};
use wabro_domain::Issue;

/// A user as listed.
pub struct UserRow {
    id: i64,
    name: String,
    email: String,
    role: String,
    state: String,
    disabled: bool,
    me: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    p: Page,
    e: Errors,
    users: Vec<UserRow>,
    name: String,
    email: String,
    notice: Option<String>,
}

/// Query of the users page.
#[derive(Deserialize)]
pub struct Notice {
    created: Option<String>,
    reset: Option<String>,
}

async fn render(
    state: &AppState,
    Employer { ctx, employer }: &Employer,
    issues: &[Issue],
    form: &NewUserForm,
    notice: Option<String>,
) -> Response {
    let tr = ctx.tr();
    let users = match state.app.users(employer).await {
        Ok(u) => u,
        Err(e) => return app_error(ctx, e),
    };
    let users = users
        .into_iter()
        .map(|u| UserRow {
            me: u.id == employer.user_id(),
            id: u.id,
            name: u.name,
            email: u.email,
            role: tr.t(if u.role == Role::AccessManager {
                "role-access_manager"
            } else {
                "role-employer_user"
            }),
            state: tr.t(if u.disabled { "users-disabled" } else { "users-active" }),
            disabled: u.disabled,
        })
        .collect();
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = UsersPage {
        p: Page::new(ctx, "users-title"),
        e: Errors::new(tr, issues),
        users,
        name: form.name.clone(),
        email: form.email.clone(),
        notice,
    };
    html(status, &page)
}

/// `GET /users`.
pub async fn page(State(state): State<AppState>, who: Employer, Query(q): Query<Notice>) -> Response {
    let tr = who.ctx.tr();
    let notice = q
        .created
        .map(|email| tr.ta("users-created", &[("email", &email)]))
        .or(q.reset.map(|_| tr.t("users-reset-done")));
    render(&state, &who, &[], &NewUserForm::default(), notice).await
}

/// `POST /users`: creates a user.
pub async fn create(State(state): State<AppState>, who: Employer, form: CsrfForm) -> Response {
    let new = NewUserForm {
        email: form.get("email").unwrap_or("").to_owned(),
        name: form.get("name").unwrap_or("").to_owned(),
        access_manager: form.get("access_manager").is_some(),
        password: form.get("password").unwrap_or("").to_owned(),
    };
    match state.app.create_enterprise_user(&who.employer, &new).await {
        Ok(_) => redirect(&format!(
            "/users?created={}",
            crate::context::urlencode(&new.email.trim().to_lowercase())
        )),
        Err(AppError::Invalid(issues)) => render(&state, &who, &issues, &new, None).await,
        Err(e) => app_error(&who.ctx, e),
    }
}

/// `POST /users/{id}/state`: disables or enables a user.
pub async fn set_state(
    State(state): State<AppState>,
    who: Employer,
    Path(id): Path<i64>,
    form: CsrfForm,
) -> Response {
    let disabled = form.get("state") == Some("disabled");
    match state.app.set_user_disabled(&who.employer, id, disabled).await {
        Ok(()) => redirect("/users"),
        Err(e) => app_error(&who.ctx, e),
    }
}

#[derive(Template)]
#[template(path = "user_password.html")]
struct ResetPage {
    p: Page,
    e: Errors,
    id: i64,
    name: String,
}

async fn reset_page(state: &AppState, who: &Employer, id: i64, issues: &[Issue]) -> Response {
    let users = match state.app.users(&who.employer).await {
        Ok(u) => u,
        Err(e) => return app_error(&who.ctx, e),
    };
    let Some(user) = users.into_iter().find(|u| u.id == id) else {
        return app_error(&who.ctx, AppError::NotFound);
    };
    let status = if issues.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    html(
        status,
        &ResetPage {
            p: Page::new(&who.ctx, "users-reset-title"),
            e: Errors::new(who.ctx.tr(), issues),
            id,
            name: format!("{} ({})", user.name, user.email),
        },
    )
}

/// `GET /users/{id}/password`: the access manager sets a new password for a user.
pub async fn password_page(State(state): State<AppState>, who: Employer, Path(id): Path<i64>) -> Response {
    reset_page(&state, &who, id, &[]).await
}

/// `POST /users/{id}/password`.
pub async fn reset_password(
    State(state): State<AppState>,
    who: Employer,
    Path(id): Path<i64>,
    form: CsrfForm,
) -> Response {
    match state.app.reset_password(&who.employer, id, form.get("password").unwrap_or("")).await {
        Ok(()) => redirect("/users?reset=1"),
        Err(AppError::Invalid(issues)) => reset_page(&state, &who, id, &issues).await,
        Err(e) => app_error(&who.ctx, e),
    }
}
