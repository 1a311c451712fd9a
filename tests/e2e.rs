//! End to end: the real `edaran-app` binary under X (Xvfb in CI), driven over
//! WebDriver through `tauri-driver` + `WebKitWebDriver`, on a temporary
//! database. Screenshots land in `test-output/e2e/`.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use edaran_tests::built_binary;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

const WAIT: Duration = Duration::from_secs(20);

/// `tauri-driver` in its own process group; dropping it kills the whole group
/// (tauri-driver leaves WebKitWebDriver and the app behind otherwise).
struct Driver {
    child: Child,
    port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    fn start(db: &Path, log: &Path) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "E2E butuh layar X: jalankan lewat scripts/test.sh (xvfb-run)."
        );
        let (port, native_port) = (free_port(), free_port());
        let log = std::fs::File::create(log).unwrap();
        let child = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("EDARAN_DB", db)
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .process_group(0)
            .spawn()
            .expect("tauri-driver is installed (scripts/setup.sh test)");
        let driver = Driver { child, port };
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let start = Instant::now();
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(
                start.elapsed() < WAIT,
                "tauri-driver did not listen on {addr}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }

    /// Launches the app in a new WebDriver session.
    async fn open_app(&self) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": built_binary("edaran-app") }),
        );
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("WebDriver session with the app");
        find(&client, "nav-beranda").await;
        client
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        unsafe { libc::kill(-(self.child.id() as i32), libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

async fn find(client: &Client, testid: &str) -> Element {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&css(testid)))
        .await
        .unwrap_or_else(|e| panic!("no element {testid}: {e}"))
}

async fn click(client: &Client, testid: &str) {
    find(client, testid)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {testid}: {e}"));
}

async fn type_into(client: &Client, testid: &str, text: &str) {
    let field = find(client, testid).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

async fn choose(client: &Client, testid: &str, value: &str) {
    find(client, testid)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("select {value} in {testid}: {e}"));
}

/// Waits until an element with `testid` shows `text`, and returns it.
async fn wait_for_text(client: &Client, testid: &str, text: &str) -> Element {
    let start = Instant::now();
    loop {
        for el in client
            .find_all(Locator::Css(&css(testid)))
            .await
            .unwrap_or_default()
        {
            if el.text().await.is_ok_and(|t| t.contains(text)) {
                return el;
            }
        }
        if start.elapsed() > WAIT {
            let page = client.source().await.unwrap_or_default();
            panic!(
                "no {testid} showing {text:?} after {WAIT:?}; page: {}",
                &page[..page.len().min(3000)]
            );
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, client.screenshot().await.unwrap()).unwrap();
    path
}

const AGENCY: &str = "Dinas Uji Coba Otomatis";
const EMPLOYEE: &str = "Sekar Ayuningtyas";

/// The whole scenario must finish in this time; a WebDriver command that
/// never answers fails the test instead of hanging CI.
const SCENARIO: Duration = Duration::from_secs(240);

/// One app under WebDriver at a time: two sessions on two cores only slow
/// each other into timeouts.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_adds_an_agency_and_an_employee_and_finds_them_after_a_restart() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_extends_an_issued_circular_issues_it_and_finds_it_in_the_register() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, extension_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_reads_the_timeline_on_beranda_and_extends_by_working_days() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, dashboard_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

/// Sets a date input the way a user's picker does (typing into WebKit's
/// date field depends on the locale).
async fn set_date(client: &Client, testid: &str, iso: &str) {
    client
        .execute(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1]; el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![css(testid).into(), iso.into()],
        )
        .await
        .unwrap();
}

async fn dashboard_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;

    // The demo office's arrangements are from 2020: look at 20 April 2020.
    find(&app, "no-active").await;
    set_date(&app, "dashboard-date", "2020-04-20").await;
    let row = wait_for_text(&app, "active-row", "800/2/BKPSDM/2020").await;
    assert!(row.text().await.unwrap().contains("Perpanjangan ke-1"));
    wait_for_text(&app, "working-days-left", "7").await;
    let chain = wait_for_text(&app, "chain", "800/1/BKPSDM/2020").await;
    let chain: String = chain.text().await.unwrap().split_whitespace().collect();
    assert_eq!(chain, "800/1/BKPSDM/2020→800/2/BKPSDM/2020→draf");
    let bars = app
        .find_all(Locator::Css(&css("timeline-bar")))
        .await
        .unwrap();
    assert_eq!(
        bars.len(),
        3,
        "two issued circulars and the drafted extension"
    );
    find(&app, "timeline-today").await;
    screenshot(&app, "beranda-timeline.png").await;

    // Open the circular in force from its row and extend it by ten working days.
    row.find(Locator::Css("button.link"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click(&app, "action-perpanjang-pilihan").await;
    type_into(&app, "ext-days", "10").await;
    choose(&app, "ext-unit", "true").await;
    click(&app, "confirm-perpanjang").await;
    let start = Instant::now();
    loop {
        let points = app
            .find_all(Locator::Css(&css("point-text")))
            .await
            .unwrap_or_default();
        let mut texts = Vec::new();
        for p in &points {
            texts.push(p.prop("value").await.unwrap().unwrap_or_default());
        }
        // 29 April + 10 working days, skipping 1 May and 7 May 2020.
        if texts.iter().any(|t| {
            t.contains("terhitung mulai tanggal 29 April 2020 sampai dengan tanggal 14 Mei 2020")
        }) {
            break;
        }
        assert!(start.elapsed() < WAIT, "no prefilled extension: {texts:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(value_of(&app, "c-subject")
        .await
        .starts_with("Perpanjangan "));
    screenshot(&app, "perpanjangan-hari-kerja.png").await;
    app.close().await.unwrap();
    drop(driver);
}

async fn value_of(client: &Client, testid: &str) -> String {
    find(client, testid)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn extension_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));

    let app = driver.open_app().await;
    click(&app, "nav-surat-edaran").await;
    wait_for_text(&app, "open-circular", "800/2/BKPSDM/2020")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&app, "circular-status", "Terbit").await;
    click(&app, "action-perpanjang").await;
    wait_for_text(&app, "circular-status", "Draf").await;
    wait_for_text(&app, "preview-pages", "halaman").await;
    find(&app, "preview-page").await;
    let subject = value_of(&app, "c-subject").await;
    assert!(subject.starts_with("Perpanjangan "), "{subject}");
    let period = app
        .find_all(Locator::Css(&css("point-text")))
        .await
        .unwrap()
        .remove(1)
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        period.contains("diperpanjang selama 15 (lima belas) hari, terhitung mulai tanggal 29 April 2020 sampai dengan tanggal 13 Mei 2020"),
        "{period}"
    );
    screenshot(&app, "surat-edaran-perpanjangan.png").await;

    // Typed, then the window is gone at once: autosave has kept it.
    find(&app, "c-subject")
        .await
        .send_keys(" Tahap Ketiga")
        .await
        .unwrap();
    wait_for_text(&app, "save-state", "Tersimpan").await;
    app.close().await.unwrap();

    let app = driver.open_app().await;
    click(&app, "nav-surat-edaran").await;
    wait_for_text(&app, "circular-row", "Tahap Ketiga")
        .await
        .find(Locator::Css(&css("open-circular")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&app, "circular-status", "Draf").await;
    assert!(value_of(&app, "c-subject").await.ends_with("Tahap Ketiga"));

    click(&app, "action-terbit").await;
    type_into(&app, "issuer", "Rina (E2E)").await;
    click(&app, "confirm-terbit").await;
    let year = chrono::Local::now().format("%Y").to_string();
    let number = format!("800/1/BKPSDM/{year}");
    wait_for_text(&app, "circular-number", &number).await;
    wait_for_text(&app, "circular-status", "Terbit").await;
    assert_eq!(
        find(&app, "c-subject")
            .await
            .prop("disabled")
            .await
            .unwrap()
            .as_deref(),
        Some("true"),
        "an issued circular is frozen"
    );
    screenshot(&app, "surat-edaran-terbit.png").await;

    click(&app, "back-to-list").await;
    click(&app, "tab-agenda").await;
    wait_for_text(&app, "register-row", &number).await;
    wait_for_text(&app, "register-row", "Tahap Ketiga").await;
    screenshot(&app, "buku-agenda.png").await;
    app.close().await.unwrap();
    drop(driver);

    let store = edaran_core::Store::open(&db).unwrap();
    let entry = store.register(&number, None).unwrap().remove(0);
    let issued = store.circular(entry.circular_id.unwrap()).unwrap();
    assert_eq!(issued.document.number, number);
    assert_eq!(
        store
            .audit(issued.summary.id)
            .unwrap()
            .last()
            .unwrap()
            .actor,
        "Rina (E2E)"
    );
}

async fn scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));

    let app = driver.open_app().await;
    find(&app, "page-beranda").await;
    wait_for_text(&app, "office-line", "Kabupaten Tanjung Seroja").await;
    wait_for_text(&app, "overview-employees", "588").await;
    let shot = screenshot(&app, "beranda.png").await;
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "a real screenshot, not {} bytes",
        std::fs::metadata(&shot).unwrap().len()
    );

    // The demo office's circulars are listed with their register numbers.
    click(&app, "nav-surat-edaran").await;
    wait_for_text(&app, "circular-row", "800/2/BKPSDM/2020").await;
    wait_for_text(&app, "circular-row", "Draf").await;

    // Create an agency through the form.
    click(&app, "nav-pegawai").await;
    find(&app, "page-pegawai").await;
    click(&app, "agency-new").await;
    type_into(&app, "agency-name", AGENCY).await;
    type_into(&app, "agency-short", "DUCO").await;
    choose(&app, "agency-kind", "dinas").await;
    click(&app, "agency-submit").await;
    wait_for_text(&app, "agency-row", AGENCY)
        .await
        .click()
        .await
        .unwrap();

    // An invalid NIP is refused with the Indonesian message beside the field.
    click(&app, "employee-new").await;
    type_into(&app, "employee-nip", "19900101201503100").await;
    type_into(&app, "employee-name", EMPLOYEE).await;
    choose(&app, "employee-employment", "pns").await;
    choose(&app, "employee-golongan", "III/a").await;
    type_into(&app, "employee-position", "Pranata Komputer Ahli Pertama").await;
    choose(&app, "employee-position-kind", "fungsional").await;
    click(&app, "employee-submit").await;
    wait_for_text(
        &app,
        "error-nip",
        "NIP harus 18 digit, yang diisi 17 digit.",
    )
    .await;
    find(&app, "employee-form").await;

    // Corrected, it is saved and listed under the agency.
    type_into(&app, "employee-nip", "199001012015031001").await;
    click(&app, "employee-submit").await;
    wait_for_text(&app, "employee-row", EMPLOYEE).await;
    wait_for_text(&app, "employee-row", "199001012015031001").await;

    // Deleting an agency that still has an employee is refused, and nothing changes.
    click(&app, "agency-delete").await;
    click(&app, "confirm-yes").await;
    wait_for_text(&app, "page-error", "masih memiliki 1 pegawai").await;
    wait_for_text(&app, "agency-row", AGENCY).await;
    screenshot(&app, "pegawai.png").await;
    app.close().await.unwrap();

    // Restart: the app reads the same database and shows both again.
    let app = driver.open_app().await;
    click(&app, "nav-pegawai").await;
    type_into(&app, "agency-search", "Uji Coba").await;
    wait_for_text(&app, "agency-row", AGENCY)
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&app, "employee-row", EMPLOYEE).await;
    app.close().await.unwrap();
    drop(driver);

    // And it was this temporary database the app wrote to.
    let store = edaran_core::Store::open(&db).unwrap();
    let agency = store
        .agency_by_name(AGENCY)
        .unwrap()
        .expect("agency stored");
    let page = store
        .employees(&edaran_core::store::EmployeeFilter {
            agency_id: Some(agency),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.rows[0].nip.as_deref(), Some("199001012015031001"));
}
