//! A test application on a fresh database and a client with a cookie jar.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use time::macros::datetime;
use tower::ServiceExt;
use wabro_app::{App, Config, FixedClock};
use wabro_store::SqliteStore;
use wabro_web::{AppState, router};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("wabro-web-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The service under test.
pub struct TestApp {
    pub router: Router,
    pub app: Arc<App>,
    pub clock: Arc<FixedClock>,
    pub store: SqliteStore,
    pub dir: TempDir,
}

impl TestApp {
    /// A fresh database with the demo data, the clock on 28 November 2026.
    pub async fn new() -> TestApp {
        TestApp::with_config(Config::default()).await
    }

    /// The same with another application configuration.
    pub async fn with_config(config: Config) -> TestApp {
        let dir = TempDir::new();
        let (router, app, clock, store) = build(&dir, config).await;
        TestApp { router, app, clock, store, dir }
    }

    /// The same database opened again (a restart).
    pub async fn restart(self) -> TestApp {
        self.store.close().await;
        let dir = self.dir;
        let (router, app, clock, store) = build(&dir, Config::default()).await;
        TestApp { router, app, clock, store, dir }
    }

    pub fn client(&self) -> Client {
        Client { router: self.router.clone(), cookies: HashMap::new(), headers: Vec::new(), peer: None }
    }

    /// A client logged in as `email`.
    pub async fn login(&self, email: &str) -> Client {
        let mut c = self.client();
        let r = c.login(email, wabro_app::demo::DEMO_PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "login of {email}: {}", r.body);
        c
    }
}

async fn build(dir: &TempDir, config: Config) -> (Router, Arc<App>, Arc<FixedClock>, SqliteStore) {
    let store = SqliteStore::open(&dir.0.join("wabro.db")).await.unwrap();
    let clock = Arc::new(FixedClock::new(datetime!(2026-11-28 10:00 UTC)));
    let certificates =
        wabro_app::Certificates { keyring: Arc::new(test_keyring()), public_url: "http://localhost".into() };
    let app = App::new(Arc::new(store.clone()), clock.clone(), config).with_certificates(certificates);
    app.load_demo().await.unwrap();
    let app = Arc::new(app);
    let router = router(AppState::new(app.clone()));
    (router, app, clock, store)
}

/// A response, read whole.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn location(&self) -> String {
        self.headers.get(header::LOCATION).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
    }

    /// Asserts a 303 and returns where it goes.
    pub fn redirected(&self) -> String {
        assert_eq!(
            self.status,
            StatusCode::SEE_OTHER,
            "expected a redirect, got {}: {}",
            self.status,
            self.body
        );
        self.location()
    }

    pub fn contains(&self, s: &str) -> bool {
        self.body.contains(s)
    }
}

/// A browser-like client: keeps cookies and reads the CSRF token from the pages.
pub struct Client {
    router: Router,
    pub cookies: HashMap<String, String>,
    /// Extra headers sent with every request.
    pub headers: Vec<(&'static str, String)>,
    /// The address the client connects from (none: an in-process call with no address).
    pub peer: Option<std::net::SocketAddr>,
}

impl Client {
    /// A client of another router (another configuration of the same service).
    pub fn over(router: Router) -> Client {
        Client { router, cookies: HashMap::new(), headers: Vec::new(), peer: None }
    }

    /// A client that connects from `address`.
    pub fn connecting_from(mut self, address: &str) -> Client {
        self.peer = Some(format!("{address}:40000").parse().unwrap());
        self
    }

    async fn send(&mut self, mut req: Request<Body>) -> Resp {
        if let Some(peer) = self.peer {
            req.extensions_mut().insert(axum::extract::ConnectInfo(peer));
        }
        let res = self.router.clone().oneshot(req).await.unwrap();
        for v in res.headers().get_all(header::SET_COOKIE) {
            let s = v.to_str().unwrap();
            let pair = s.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || s.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
        Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    fn request(&self, method: &str, path: &str) -> axum::http::request::Builder {
        let cookie = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        let mut b = Request::builder().method(method).uri(path).header(header::HOST, "localhost");
        if !cookie.is_empty() {
            b = b.header(header::COOKIE, cookie);
        }
        for (k, v) in &self.headers {
            b = b.header(*k, v);
        }
        b
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        let req = self.request("GET", path).body(Body::empty()).unwrap();
        self.send(req).await
    }

    /// The CSRF token a page of the service puts in its forms now (it changes with the
    /// session: at login and logout).
    pub async fn csrf(&mut self) -> String {
        let page = self.get("/login").await;
        page.body
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a form with a CSRF token")
            .to_owned()
    }

    /// Posts a form with the CSRF token.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Posts a form as given (no CSRF token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let req = self
            .request("POST", path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Posts a place form as the page names its fields (`places[i].name`, ...).
    pub async fn post_place(&mut self, draft: &str, i: usize, fields: &[(&str, &str)]) -> Resp {
        let owned: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| {
                let k = if *k == "type" { (*k).to_owned() } else { format!("places[{i}].{k}") };
                (k, (*v).to_owned())
            })
            .collect();
        let refs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        self.post(&format!("/drafts/{draft}/places/{i}"), &refs).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Resp {
        self.post("/login", &[("email", email), ("password", password), ("next", "/posting")]).await
    }
}

pub const USER_A: &str = "user@bouwwerken.demo";
pub const USER_B: &str = "user@techniques.demo";

/// The draft id in a `/drafts/{id}/...` location.
pub fn draft_id(location: &str) -> String {
    location.trim_start_matches("/drafts/").split('/').next().unwrap().to_owned()
}

/// Starts a blank posting draft; returns its id.
pub async fn new_draft(c: &mut Client) -> String {
    let loc = c.post("/requests/new", &[("kind", "posting")]).await.redirected();
    assert!(loc.ends_with("/step/1"), "{loc}");
    draft_id(&loc)
}

/// Walks a draft to the summary with Jan Van den Broeck, to France, one company.
pub async fn complete_draft(c: &mut Client, id: &str) {
    complete_draft_for(c, id, "broeck").await;
    let page = c.get(&format!("/drafts/{id}/step/1")).await;
    assert!(page.contains("85.07.30-"), "Van den Broeck chosen");
}

/// Walks a draft to the summary with the worker found by `who`, to France, one company.
pub async fn complete_draft_for(c: &mut Client, id: &str, who: &str) {
    let found = c.get(&format!("/drafts/{id}/step/1?q={who}")).await;
    assert!(found.contains("name=\"ssin\" value="), "search finds {who}: {}", found.body);
    let ssin =
        found.body.split("name=\"ssin\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    c.post(&format!("/drafts/{id}/employee"), &[("ssin", &ssin)]).await.redirected();
    let step1 = [("entry_into_service", "2015-09-01"), ("private_sector", "yes"), ("action", "continue")];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/1"), &step1).await.redirected(),
        format!("/drafts/{id}/step/2")
    );
    let add = [("destination", "FR"), ("new_place_type", "company"), ("action", "add_place")];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/2"), &add).await.redirected(),
        format!("/drafts/{id}/places/new?type=company")
    );
    let company = [
        ("type", "company"),
        ("name", "Müller & Söhne SARL"),
        ("street", "Rue de la Paix"),
        ("number", "3"),
        ("postal_code", "75002"),
        ("city", "Paris"),
    ];
    assert_eq!(c.post_place(id, 0, &company).await.redirected(), format!("/drafts/{id}/step/2"));
    let step2 = [("destination", "FR"), ("action", "continue")];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/2"), &step2).await.redirected(),
        format!("/drafts/{id}/step/3")
    );
    let step3 = [
        ("period.start", "2027-01-04"),
        ("period.end", "2027-06-30"),
        ("conditions.covered_before", "yes"),
        ("conditions.extra_contract_with_host", "no"),
        ("conditions.host_can_change_pay", "no"),
        ("conditions.host_can_dismiss", "no"),
        ("conditions.host_disciplinary", "no"),
        ("conditions.replaces_posted_worker", "no"),
        ("mission", "Installation"),
        ("language", "fr"),
        ("action", "continue"),
    ];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/3"), &step3).await.redirected(),
        format!("/drafts/{id}/step/4")
    );
    let step4 = [
        ("contact.family_name", "Verhoeven"),
        ("contact.given_name", "Katrien"),
        ("contact.telephone", "+32 9 123 45 67"),
        ("action", "continue"),
    ];
    assert_eq!(
        c.post(&format!("/drafts/{id}/step/4"), &step4).await.redirected(),
        format!("/drafts/{id}/summary")
    );
}

/// How many requests an enterprise has (1 = Bouwwerken, 2 = Techniques).
pub async fn requests_of(app: &TestApp, enterprise_id: i64) -> usize {
    use wabro_app::ports::Requests;
    app.store.recent_requests(wabro_app::Scope::unchecked(enterprise_id), 1000).await.unwrap().len()
}

/// The answers of a posting's period step: the period, the six conditions answered as a clean
/// posting, French, and the button.
pub fn period_answers<'a>(start: &'a str, end: &'a str, action: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("period.start", start),
        ("period.end", end),
        ("conditions.covered_before", "yes"),
        ("conditions.extra_contract_with_host", "no"),
        ("conditions.host_can_change_pay", "no"),
        ("conditions.host_can_dismiss", "no"),
        ("conditions.host_disciplinary", "no"),
        ("conditions.replaces_posted_worker", "no"),
        ("language", "fr"),
        ("action", action),
    ]
}

/// Files a posting for the worker found by `who`, to `destination` (`FR`, `GB:jersey`), for the
/// given period; returns the transaction number.
pub async fn file(c: &mut Client, who: &str, destination: &str, start: &str, end: &str) -> String {
    let id = new_draft(c).await;
    complete_draft_for(c, &id, who).await;
    c.post(&format!("/drafts/{id}/step/2"), &[("destination", destination), ("action", "previous")])
        .await
        .redirected();
    // The place is checked again for the new destination (saving it confirms it lies there).
    let place = [
        ("type", "company"),
        ("name", "Müller & Söhne SARL"),
        ("street", "Rue de la Paix"),
        ("number", "3"),
        ("postal_code", "75002"),
        ("city", "Paris"),
    ];
    c.post_place(&id, 0, &place).await.redirected();
    let step3 = period_answers(start, end, "previous");
    c.post(&format!("/drafts/{id}/step/3"), &step3).await.redirected();
    let loc = c.post(&format!("/drafts/{id}/submit"), &[]).await.redirected();
    loc.trim_start_matches("/requests/").to_owned()
}

/// An NSSO agent's decision, through the application layer.
pub async fn approve(app: &TestApp, tx: &str, start: time::Date, end: time::Date) {
    let admitted = wabro_domain::Period::new(start, end).unwrap();
    app.app
        .decide(&wabro_app::AgentCtx::for_tests(5), tx, wabro_app::DecisionInput::Approve { admitted })
        .await
        .unwrap();
}

/// The signing keys of the test service.
pub fn test_keyring() -> wabro_certificate::Keyring {
    wabro_certificate::Keyring::generate([5; 32], "k1")
}
