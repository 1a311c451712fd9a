//! End to end: the real `edaran-app` binary under X (Xvfb in CI), driven over
//! WebDriver through `tauri-driver` + `WebKitWebDriver`, on a temporary
//! database. Screenshots land in `test-output/e2e/`.

// Each scenario runs on its own single-threaded runtime; the std mutex is
// held across awaits on purpose, to keep the scenarios (test threads) apart.
#![allow(clippy::await_holding_lock)]

mod app;
mod e2e_dates;
mod e2e_fields;
mod e2e_layout;
mod e2e_rules;
mod e2e_shared;
mod e2e_signing;
mod e2e_speed;
mod e2e_srikandi;
mod e2e_undo;
mod e2e_word;

use std::time::Duration;

use app::*;
use fantoccini::Locator;

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
async fn a_clerk_issues_and_signs_a_circular_then_verifies_the_saved_file() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_signing::signing_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_records_srikandis_number_and_gets_its_signed_pdf_back() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_srikandi::srikandi_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_saves_a_draft_as_word_and_hands_it_to_srikandi() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_word::word_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_exempts_puskesmas_keeps_one_person_home_and_exports_the_roster() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_rules::rules_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_shows_its_main_actions_on_a_1366_by_768_laptop() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_layout::layout_scenario())
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

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_undoes_typing_and_brings_back_a_deleted_point_and_employee() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_undo::undo_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_sees_each_mistake_at_its_field_and_changes_an_initialled_draft_only_on_purpose() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_fields::field_problems_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn two_workstations_on_one_server_see_each_others_numbers_and_never_overwrite_silently() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_shared::shared_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn a_workstation_set_to_the_server_asks_its_password_at_every_start() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_shared::sign_in_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

#[tokio::test(flavor = "current_thread")]
async fn a_clerk_on_an_english_system_types_a_date_day_first() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_dates::english_locale_scenario())
        .await
        .expect("the E2E scenario finished in time");
}

async fn dashboard_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;

    // The demo office's arrangements are from 2020: look at 20 April 2020.
    find(&app, "no-active").await;
    set_date(&app, "dashboard-date", "2020-04-20").await;
    wait_for_text(&app, "active-row", "800/2/BKPSDM/2020").await;
    wait_for_text(&app, "active-row", "Perpanjangan ke-1").await;
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
    click_text(&app, "active-open", "800/2/BKPSDM/2020").await;
    click(&app, "action-perpanjang-pilihan").await;
    type_into(&app, "ext-days", "10").await;
    choose(&app, "ext-unit", "true").await;
    click(&app, "confirm-perpanjang").await;
    // The demo already drafted its extension: the dialog says so and asks.
    wait_for_text(
        &app,
        "ext-existing",
        "Draf perpanjangan dari 800/2/BKPSDM/2020 (periode 29 April – 13 Mei 2020) sudah ada.",
    )
    .await;
    click(&app, "ext-another").await;
    // 29 April + 10 working days, skipping 1 May and 7 May 2020.
    wait_for_value(
        &app,
        "point-text",
        "terhitung mulai tanggal 29 April 2020 sampai dengan tanggal 14 Mei 2020",
    )
    .await;
    assert!(value_of(&app, "c-subject")
        .await
        .starts_with("Perpanjangan "));
    screenshot(&app, "perpanjangan-hari-kerja.png").await;
    app.close().await.unwrap();
    drop(driver);
}

async fn extension_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));

    let app = driver.open_app().await;
    click(&app, "nav-surat-edaran").await;
    click_text(&app, "open-circular", "800/2/BKPSDM/2020").await;
    wait_for_text(&app, "circular-status", "Terbit").await;
    // Perpanjang twice: the extension the demo already drafted opens, named,
    // instead of a second identical draft; another is made only on purpose.
    click(&app, "action-perpanjang").await;
    wait_for_text(
        &app,
        "editor-notice",
        "Draf perpanjangan dari 800/2/BKPSDM/2020 (periode 29 April – 13 Mei 2020) sudah ada; dibuka.",
    )
    .await;
    let existing = value_of(&app, "c-subject").await;
    click(&app, "back-to-list").await;
    click_text(&app, "open-circular", "800/2/BKPSDM/2020").await;
    wait_for_text(&app, "circular-status", "Terbit").await;
    click(&app, "action-perpanjang").await;
    wait_for_text(&app, "editor-notice", "sudah ada; dibuka.").await;
    assert_eq!(value_of(&app, "c-subject").await, existing);
    screenshot(&app, "perpanjang-draf-sudah-ada.png").await;
    click(&app, "derive-another").await;
    wait_for_text(&app, "editor-notice", "disusun.").await;
    wait_for_text(&app, "circular-status", "Draf").await;
    wait_for_text(&app, "preview-pages", "halaman").await;
    find(&app, "preview-page").await;
    let subject = value_of(&app, "c-subject").await;
    assert!(subject.starts_with("Perpanjangan "), "{subject}");
    wait_for_value(
        &app,
        "point-text",
        "diperpanjang selama 15 (lima belas) hari, terhitung mulai tanggal 29 April 2020 sampai dengan tanggal 13 Mei 2020",
    )
    .await;
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
    open_draft(&app, "Tahap Ketiga").await;
    assert!(value_of(&app, "c-subject").await.ends_with("Tahap Ketiga"));

    click(&app, "action-terbit").await;
    type_into(&app, "issuer", "Rina (E2E)").await;
    // The core's checklist: never initialled, no emblem; issued on purpose.
    wait_for_text(&app, "issue-checklist", "Draf ini belum pernah diparaf.").await;
    screenshot(&app, "terbitkan-daftar-periksa.png").await;
    click(&app, "issue-override").await;
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

    // The demo's remaining draft was numbered by the Setda's Bagian
    // Organisasi: it is recorded with that number and date, not issued here.
    click(&app, "tab-daftar").await;
    click_in_row(&app, "circular-row", "Draf", "open-circular").await;
    click(&app, "action-catat").await;
    type_into(&app, "record-number", "061/412/ORG").await;
    set_date(&app, "record-date", "2020-07-28").await;
    choose(&app, "record-register", "2").await;
    click(&app, "confirm-catat").await;
    wait_for_text(&app, "circular-number", "061/412/ORG").await;
    wait_for_text(&app, "circular-status", "Terbit").await;
    click(&app, "back-to-list").await;
    wait_for_text(&app, "circular-row", "061/412/ORG").await;
    click(&app, "tab-agenda").await;
    let recorded = wait_for_text(&app, "register-row", "061/412/ORG").await;
    let row = recorded.text().await.unwrap();
    assert!(
        row.contains("Bagian Organisasi Setda") && row.contains("Dicatat"),
        "{row}"
    );
    screenshot(&app, "buku-agenda-dicatat.png").await;
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
    click_text(&app, "agency-row", AGENCY).await;
    wait_for_text(&app, "agency-title", AGENCY).await;

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
    // Picked once the list has narrowed to the match, as a user would.
    wait_for_count(&app, "agency-row", 1).await;
    click_text(&app, "agency-row", AGENCY).await;
    wait_for_text(&app, "agency-title", AGENCY).await;
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

#[tokio::test(flavor = "current_thread")]
async fn an_edit_of_a_two_page_draft_comes_back_stored_and_drawn_in_one_round_trip() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::time::timeout(SCENARIO, e2e_speed::round_trip_scenario())
        .await
        .expect("the E2E scenario finished in time");
}
