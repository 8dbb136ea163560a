//! Headless Chromium walks the posting wizard the way a person does: log in, find the
//! employee, add a construction site and an ocean vessel, answer every step, save, and read
//! the transaction number; then finds the request by part of the name, opens its detail and
//! cancels it. A screenshot of each screen goes to `target/e2e-screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`scripts/test-all` installs them). Without
//! them the test fails: it never skips silently.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;
use thirtyfour::prelude::*;
use wabro_app::{App, Config, SystemClock};
use wabro_store::SqliteStore;
use wabro_web::{AppState, router};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// ChromeDriver, and the browser profile: dropping it ends both (also when a test fails).
struct Driver(Child, PathBuf);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let _ = Command::new("pkill").arg("-f").arg(self.1.as_os_str()).status();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn workspace_target() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target")
}

/// Serves Wabro with demo data on a free port; returns its base URL.
async fn serve(dir: &std::path::Path) -> String {
    let store = SqliteStore::open(&dir.join("wabro.db")).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let certificates = wabro_app::Certificates {
        keyring: Arc::new(wabro_certificate::Keyring::generate([4; 32], "k1")),
        public_url: format!("http://{addr}"),
    };
    let app =
        App::new(Arc::new(store), Arc::new(SystemClock), Config::default()).with_certificates(certificates);
    app.load_demo().await.unwrap();
    let app = Arc::new(app);
    let worker = app.clone();
    tokio::spawn(async move {
        loop {
            let _ = worker.process_jobs().await;
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
    let state = AppState::new(app);
    tokio::spawn(async move {
        axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>())
            .await
            .unwrap();
    });
    format!("http://{addr}")
}

async fn browser(profile: &std::path::Path) -> (WebDriver, Driver) {
    assert!(
        std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists(),
        "Chromium and ChromeDriver are needed: apt-get install chromium chromium-driver (scripts/test-all does it)"
    );
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let guard = Driver(child, profile.to_path_buf());
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(CHROMIUM).unwrap();
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1100,1400",
        "--lang=en",
    ] {
        caps.add_arg(arg).unwrap();
    }
    caps.add_arg(&format!("--user-data-dir={}", profile.display())).unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let mut last = None;
    for _ in 0..50 {
        match WebDriver::new(&url, caps.clone()).await {
            Ok(d) => return (d, guard),
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("no WebDriver session: {last:?}");
}

struct Shots {
    dir: PathBuf,
    n: u32,
}

impl Shots {
    async fn take(&mut self, d: &WebDriver, name: &str) {
        self.n += 1;
        let path = self.dir.join(format!("{:02}-{name}.png", self.n));
        d.screenshot(&path).await.unwrap();
    }
}

/// The element, waiting for it to appear (pages load after each click).
async fn el(d: &WebDriver, by: By) -> WebElement {
    let what = format!("{by:?}");
    d.query(by).first().await.unwrap_or_else(|e| panic!("{what}: {e}"))
}

async fn fill(d: &WebDriver, id: &str, value: &str) {
    let e = el(d, By::Id(id)).await;
    e.clear().await.unwrap();
    e.send_keys(value).await.unwrap();
}

/// Sets a value by script (date inputs take keys in the browser's locale order).
async fn set_value(d: &WebDriver, id: &str, value: &str) {
    let e = el(d, By::Id(id)).await;
    d.execute("arguments[0].value = arguments[1];", vec![e.to_json().unwrap(), value.into()]).await.unwrap();
}

async fn click(d: &WebDriver, css: &str) {
    el(d, By::Css(css)).await.click().await.unwrap();
}

async fn select(d: &WebDriver, id: &str, value: &str) {
    click(d, &format!("#{id} option[value='{value}']")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_employer_files_a_posting_in_the_browser() {
    let root = std::env::temp_dir().join(format!("wabro-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("profile")).unwrap();
    let base = serve(&root).await;
    let (d, _driver) = browser(&root.join("profile")).await;
    let mut shots = Shots { dir: workspace_target().join("e2e-screenshots"), n: 0 };
    std::fs::create_dir_all(&shots.dir).unwrap();

    let result: WebDriverResult<String> = async {
        d.goto(&format!("{base}/login")).await?;
        shots.take(&d, "login").await;
        fill(&d, "email", "user@bouwwerken.demo").await;
        fill(&d, "password", wabro_app::demo::DEMO_PASSWORD).await;
        click(&d, "button.primary").await;

        el(&d, By::Id("start-new")).await;
        shots.take(&d, "home").await;
        click(&d, "#start-new").await;

        // Step 1: the employee from the directory.
        fill(&d, "q", "broeck").await;
        click(&d, "form.search button").await;
        shots.take(&d, "step1-search").await;
        click(&d, "table.results button").await;
        assert!(el(&d, By::Id("selected-name")).await.text().await?.contains("Van den Broeck"));
        click(&d, "input[name='private_sector'][value='yes']").await;
        shots.take(&d, "step1").await;
        click(&d, "button[value='continue']").await;

        // Step 2: France, a construction site and an ocean vessel.
        select(&d, "destination-country", "FR").await;
        select(&d, "new_place_type", "construction_site").await;
        click(&d, "button[value='add_place']").await;
        fill(&d, "places-0--name", "Viaduc de Millau").await;
        fill(&d, "places-0--description", "Repair of the deck joints").await;
        fill(&d, "places-0--city", "Millau").await;
        shots.take(&d, "place-construction-site").await;
        click(&d, "button.primary").await;
        select(&d, "new_place_type", "ocean_vessel").await;
        click(&d, "button[value='add_place']").await;
        fill(&d, "places-1--name", "Marie-Louise").await;
        fill(&d, "places-1--imo", "IMO 9319466").await;
        click(&d, "input[name='places[1].in_territorial_waters'][value='yes']").await;
        shots.take(&d, "place-ocean-vessel").await;
        click(&d, "button.primary").await;
        shots.take(&d, "step2").await;
        click(&d, "button[value='continue']").await;

        // Step 3: period and conditions.
        posting_step3(&d, "2027-01-04", "2027-06-30", "fr").await;
        shots.take(&d, "step3").await;
        click(&d, "button[value='continue']").await;

        // Step 4: contact person.
        fill(&d, "contact-family_name", "Verhoeven").await;
        fill(&d, "contact-given_name", "Katrien").await;
        fill(&d, "contact-telephone", "+32 9 123 45 67").await;
        shots.take(&d, "step4").await;
        click(&d, "button[value='continue']").await;

        // Summary with the pre-assessment, then save.
        let instrument = el(&d, By::Id("instrument")).await.text().await?;
        assert!(instrument.contains("A1 attestation"), "{instrument}");
        shots.take(&d, "summary").await;
        click(&d, "#save").await;

        let number = el(&d, By::Id("transaction-number")).await.text().await?;
        shots.take(&d, "confirmation").await;

        // Consult: search by part of the name, open the detail.
        d.goto(&format!("{base}/consult")).await?;
        fill(&d, "name", "BROË").await;
        click(&d, "#search").await;
        for _ in 0..100 {
            if d.current_url().await?.as_str().contains("name=") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let count = el(&d, By::Id("result-count")).await.text().await?;
        assert!(count.starts_with("1 "), "{count}");
        shots.take(&d, "consult-search").await;
        click(&d, &format!("a[href='/consult/{number}']")).await;
        assert_eq!(el(&d, By::Id("status")).await.text().await?, "In progress");
        shots.take(&d, "detail").await;

        // Cancel it with a justification.
        click(&d, &format!("a[href='/cancel/{number}']")).await;
        fill(&d, "justification", "The client postponed the works").await;
        shots.take(&d, "cancel").await;
        click(&d, "#confirm-cancel").await;
        el(&d, By::Id("notice")).await;
        assert_eq!(el(&d, By::Id("status")).await.text().await?, "Cancelled");
        let history = el(&d, By::Id("history")).await.text().await?;
        assert!(history.contains("The client postponed the works"), "{history}");
        shots.take(&d, "cancelled").await;
        Ok(number)
    }
    .await;
    let _ = d.quit().await;
    let _ = std::fs::remove_dir_all(&root);
    let number = result.expect("the walk through the wizard");
    assert!(number.starts_with("WAB-") && number.len() == 16, "transaction number {number}");
}

async fn wait_for_url(d: &WebDriver, part: &str) {
    for _ in 0..100 {
        if d.current_url().await.map(|u| u.as_str().contains(part)).unwrap_or(false) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("never reached a URL with {part}");
}

async fn pick_employee(d: &WebDriver, who: &str) {
    fill(d, "q", who).await;
    click(d, "form.search button").await;
    click(d, "table.results button").await;
    el(d, By::Id("selected-name")).await;
}

/// Step 3 of a posting: the period, the usual answers to the posting conditions (covered before,
/// no tie to the host), and the certificate's language.
async fn posting_step3(d: &WebDriver, start: &str, end: &str, language: &str) {
    set_value(d, "period-start", start).await;
    set_value(d, "period-end", end).await;
    click(d, "input[name='conditions.covered_before'][value='yes']").await;
    for q in [
        "extra_contract_with_host",
        "host_can_change_pay",
        "host_can_dismiss",
        "host_disciplinary",
        "replaces_posted_worker",
    ] {
        click(d, &format!("input[name='conditions.{q}'][value='no']")).await;
    }
    click(d, &format!("input[name='language'][value='{language}']")).await;
}

async fn contact(d: &WebDriver) {
    fill(d, "contact-family_name", "Verhoeven").await;
    fill(d, "contact-given_name", "Katrien").await;
    fill(d, "contact-telephone", "+32 9 123 45 67").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_employer_files_a_simultaneous_occupation_and_a_seafarer_request() {
    let root = std::env::temp_dir().join(format!("wabro-e2e-kinds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("profile")).unwrap();
    let base = serve(&root).await;
    let (d, _driver) = browser(&root.join("profile")).await;
    let mut shots = Shots { dir: workspace_target().join("e2e-screenshots"), n: 20 };
    std::fs::create_dir_all(&shots.dir).unwrap();

    let result: WebDriverResult<(String, String)> = async {
        d.goto(&format!("{base}/login")).await?;
        fill(&d, "email", "user@techniques.demo").await;
        fill(&d, "password", wabro_app::demo::DEMO_PASSWORD).await;
        click(&d, "button.primary").await;
        el(&d, By::Id("start-new")).await;

        // Simultaneous occupation: Belgium 40 %, Netherlands 35 %, Luxembourg 25 %.
        d.goto(&format!("{base}/simultaneous")).await?;
        click(&d, "#start-new").await;
        pick_employee(&d, "heyden").await;
        set_value(&d, "recruitment_date", "2016-03-01").await;
        click(&d, "input[name='classification.type'][value='salaried']").await;
        shots.take(&d, "so-employee").await;
        click(&d, "button[value='continue']").await;
        select(&d, "countries-0-", "NL").await;
        select(&d, "countries-1-", "LU").await;
        click(&d, "input[name='also_in_belgium']").await;
        shots.take(&d, "so-countries").await;
        click(&d, "button[value='continue']").await;
        // Working in Belgium too gave a Belgian place: complete it, then add the two others.
        click(&d, "button[value='edit:0']").await;
        fill(&d, "places-0--percentage", "40").await;
        fill(&d, "places-0--name", "Bruxelles HQ").await;
        click(&d, "button.primary").await;
        wait_for_url(&d, "/step/3").await;
        for (i, (country, share, name)) in
            [(1, ("NL", "35", "Maastricht")), (2, ("LU", "25", "Luxembourg-Ville"))]
        {
            select(&d, "new_place_type", "region").await;
            click(&d, "button[value='add_place']").await;
            select(&d, &format!("places-{i}--country"), country).await;
            fill(&d, &format!("places-{i}--percentage"), share).await;
            fill(&d, &format!("places-{i}--name"), name).await;
            click(&d, "button.primary").await;
            wait_for_url(&d, "/step/3").await;
        }
        let total = el(&d, By::Id("total-percent")).await.text().await?;
        assert!(total.ends_with("100 %"), "{total}");
        shots.take(&d, "so-places").await;
        click(&d, "button[value='continue']").await;
        set_value(&d, "period-start", "2027-02-01").await;
        set_value(&d, "period-end", "2027-12-31").await;
        click(&d, "input[name='language'][value='de']").await;
        click(&d, "button[value='continue']").await;
        contact(&d).await;
        fill(&d, "contact-ssin", "90010100123").await;
        fill(&d, "contact-employer", "Techniques Wallonie SA").await;
        fill(&d, "contact-function", "HR").await;
        shots.take(&d, "so-contact").await;
        click(&d, "button[value='continue']").await;
        let instrument = el(&d, By::Id("instrument")).await.text().await?;
        assert!(instrument.contains("13(1)"), "{instrument}");
        shots.take(&d, "so-summary").await;
        click(&d, "#save").await;
        let so = el(&d, By::Id("transaction-number")).await.text().await?;
        shots.take(&d, "so-confirmation").await;

        // Seafarer on a Panamanian ship.
        d.goto(&format!("{base}/seafarer")).await?;
        click(&d, "#start-new").await;
        pick_employee(&d, "heyden").await;
        click(&d, "input[name='private_sector'][value='yes']").await;
        click(&d, "button[value='continue']").await;
        fill(&d, "ship-name", "Marie-Louise").await;
        select(&d, "ship-flag", "PA").await;
        fill(&d, "ship-imo", "IMO 9319466").await;
        shots.take(&d, "seafarer-ship").await;
        click(&d, "button[value='continue']").await;
        posting_step3(&d, "2027-01-04", "2027-05-31", "fr").await;
        click(&d, "button[value='continue']").await;
        contact(&d).await;
        click(&d, "button[value='continue']").await;
        el(&d, By::Id("instrument")).await;
        shots.take(&d, "seafarer-summary").await;
        click(&d, "#save").await;
        let seafarer = el(&d, By::Id("transaction-number")).await.text().await?;
        shots.take(&d, "seafarer-confirmation").await;
        Ok((so, seafarer))
    }
    .await;
    let _ = d.quit().await;
    let _ = std::fs::remove_dir_all(&root);
    let (so, seafarer) = result.expect("the walk through both wizards");
    assert!(so.starts_with("WAB-") && seafarer.starts_with("WAB-") && so != seafarer, "{so} {seafarer}");
}

async fn login(d: &WebDriver, base: &str, email: &str) {
    d.goto(&format!("{base}/logout")).await.ok();
    d.delete_all_cookies().await.unwrap();
    d.goto(&format!("{base}/login")).await.unwrap();
    fill(d, "email", email).await;
    fill(d, "password", wabro_app::demo::DEMO_PASSWORD).await;
    click(d, "button.primary").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_approves_the_employer_downloads_and_anyone_verifies() {
    let root = std::env::temp_dir().join(format!("wabro-e2e-nsso-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("profile")).unwrap();
    let base = serve(&root).await;
    let (d, _driver) = browser(&root.join("profile")).await;
    let mut shots = Shots { dir: workspace_target().join("e2e-screenshots"), n: 40 };
    std::fs::create_dir_all(&shots.dir).unwrap();

    let result: WebDriverResult<()> = async {
        // The employer files a posting longer than an A1 allows, which keeps it from instant
        // approval (the agent admits the first 24 months).
        login(&d, &base, "user@bouwwerken.demo").await;
        click(&d, "#start-new").await;
        pick_employee(&d, "maes").await;
        click(&d, "input[name='private_sector'][value='yes']").await;
        click(&d, "button[value='continue']").await;
        select(&d, "destination-country", "FR").await;
        select(&d, "new_place_type", "region").await;
        click(&d, "button[value='add_place']").await;
        fill(&d, "places-0--name", "Île-de-France").await;
        click(&d, "button.primary").await;
        wait_for_url(&d, "/step/2").await;
        click(&d, "button[value='continue']").await;
        posting_step3(&d, "2027-01-04", "2029-06-30", "nl").await;
        click(&d, "button[value='continue']").await;
        contact(&d).await;
        click(&d, "button[value='continue']").await;
        click(&d, "#save").await;
        let number = el(&d, By::Id("transaction-number")).await.text().await?;

        // The agent approves it.
        login(&d, &base, "agent@nsso.demo").await;
        click(&d, &format!("a[href='/agent/requests/{number}']")).await;
        shots.take(&d, "agent-request").await;
        click(&d, "#approve").await;
        el(&d, By::Id("notice")).await;
        shots.take(&d, "agent-approved").await;

        // The employer finds it in the e-Box and downloads it.
        login(&d, &base, "user@bouwwerken.demo").await;
        let doc = format!("A1-{number}");
        let mut found = false;
        for _ in 0..50 {
            d.goto(&format!("{base}/ebox")).await?;
            if d.source().await?.contains(&doc) {
                found = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert!(found, "the certificate reached the e-Box");
        shots.take(&d, "ebox").await;
        // An unread document opens through a form (a POST marks it read); the request's
        // detail links to the PDF itself.
        el(&d, By::Css(format!("form[action='/documents/{doc}/read'] button"))).await;
        d.goto(&format!("{base}/consult/{number}")).await?;
        let href = el(&d, By::Css(format!("a[href='/documents/{doc}']")))
            .await
            .attr("href")
            .await?
            .unwrap_or_default();
        let cookies = d.get_all_cookies().await?;
        let session =
            cookies.iter().find(|c| c.name == "wabro_session").map(|c| c.value.clone()).unwrap_or_default();
        let addr = base.trim_start_matches("http://");
        let pdf = http_get(addr, &href, &format!("wabro_session={session}")).await;
        assert!(pdf.contains("application/pdf") && pdf.contains("%PDF"), "the PDF downloads");

        // Anyone verifies it by its number and the holder's date of birth printed on it:
        // valid, then withdrawn after a cancellation. The number alone shows nothing.
        d.goto(&format!("{base}/verify")).await?;
        fill(&d, "n", &doc).await;
        click(&d, "form[action='/verify'] button").await;
        assert!(
            el(&d, By::Id("verdict")).await.text().await?.starts_with("Enter the holder's date of birth")
        );
        fill(&d, "birth_date", "09/06/1988").await;
        click(&d, "form[action='/verify'] button").await;
        assert!(el(&d, By::Id("verdict")).await.text().await?.starts_with("Valid"));
        shots.take(&d, "verify-valid").await;
        d.goto(&format!("{base}/cancel/{number}")).await?;
        fill(&d, "justification", "The works were postponed").await;
        click(&d, "#confirm-cancel").await;
        el(&d, By::Id("notice")).await;
        d.goto(&format!("{base}/verify?n={doc}&b=09/06/1988")).await?;
        assert!(el(&d, By::Id("verdict")).await.text().await?.starts_with("Withdrawn"));
        shots.take(&d, "verify-withdrawn").await;
        Ok(())
    }
    .await;
    let _ = d.quit().await;
    let _ = std::fs::remove_dir_all(&root);
    result.expect("agent, e-Box and verification");
}

/// A plain HTTP GET with a cookie (the browser does not expose downloads).
async fn http_get(addr: &str, path: &str, cookie: &str) -> String {
    let (addr, path, cookie) = (addr.to_owned(), path.to_owned(), cookie.to_owned());
    tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        let req =
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n");
        s.write_all(req.as_bytes()).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    })
    .await
    .unwrap()
}
