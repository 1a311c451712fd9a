//! Two workstations on one PostgreSQL database, as two real app instances:
//! one issues a circular and the other's list shows its number without a
//! restart; both edit the same draft and the second save is shown as a
//! conflict, its text kept, then written over on purpose.

use std::path::Path;

use edaran_core::db::scratch::ScratchServer;
use edaran_core::db::ConnectionInfo;
use edaran_core::{demo, exchange, Store};
use fantoccini::Client;

use crate::app::*;

/// Types `text` at the end of the subject field.
async fn append_to_subject(app: &Client, text: &str) {
    find(app, "c-subject").await.send_keys(text).await.unwrap();
}

/// Runs `work` on a thread of its own: the core's PostgreSQL client is
/// synchronous and may not block the test's async runtime.
fn off_runtime<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(work).join().unwrap()
}

pub(crate) async fn shared_scenario() {
    let url = off_runtime(|| {
        let server = ScratchServer::shared().expect("server PostgreSQL uji");
        let url = server.create_database("e2e_bersama").unwrap();
        let seed =
            exchange::from_json(include_str!("fixtures/muba-800-439-bkpsdm-2020.json")).unwrap();
        // The office moved to the server, with two drafts of its own.
        let mut store = Store::open(Path::new(&url)).unwrap();
        demo::fill(&mut store).unwrap();
        for subject in ["Sistem Kerja Bersama Satu", "Sistem Kerja Bersama Dua"] {
            let mut doc = seed.clone();
            doc.subject = subject.into();
            store.create_circular(&doc, "Rina").unwrap();
        }
        url
    });
    let dir = tempfile::tempdir().unwrap();
    let station = |name: &str| {
        let home = dir.path().join(name);
        let (config, data) = (home.join("config"), home.join("data"));
        Driver::start_with(
            Path::new(&url),
            &dir.path().join(format!("{name}.log")),
            &[
                ("XDG_CONFIG_HOME", config.to_str().unwrap()),
                ("XDG_DATA_HOME", data.to_str().unwrap()),
            ],
        )
    };
    let sekretariat = station("sekretariat");
    let one = sekretariat.open_app().await;
    let mutasi = station("mutasi");
    let two = mutasi.open_app().await;

    // The second workstation watches the list while the first issues.
    click(&two, "nav-surat-edaran").await;
    wait_for_text(&two, "circular-row", "Bersama Satu").await;
    open_draft(&one, "Bersama Satu").await;
    click(&one, "action-terbit").await;
    type_into(&one, "issuer", "Rina (sekretariat)").await;
    click(&one, "issue-override").await;
    click(&one, "confirm-terbit").await;
    let year = chrono::Local::now().format("%Y").to_string();
    let number = format!("800/1/BKPSDM/{year}");
    wait_for_text(&one, "circular-number", &number).await;
    wait_for_text(&two, "circular-row", &number).await;
    screenshot(&two, "bersama-nomor-dari-komputer-lain.png").await;

    // Both open the same draft; the second workstation saves first.
    click(&one, "back-to-list").await;
    open_draft(&one, "Bersama Dua").await;
    open_draft(&two, "Bersama Dua").await;
    append_to_subject(&two, " (mutasi)").await;
    wait_for_text(&two, "save-state", "Tersimpan").await;
    append_to_subject(&one, " (sekretariat)").await;
    wait_for_text(&one, "save-state", "Draf ini sudah diubah oleh").await;
    assert!(
        value_of(&one, "c-subject")
            .await
            .ends_with(" (sekretariat)"),
        "the clerk's text is kept"
    );
    screenshot(&one, "bersama-bentrok.png").await;
    click(&one, "overwrite").await;
    wait_for_text(&one, "save-state", "Tersimpan").await;

    let subject = off_runtime(move || {
        Store::open(Path::new(&url))
            .unwrap()
            .circulars()
            .unwrap()
            .into_iter()
            .find(|c| c.subject.contains("Bersama Dua"))
            .unwrap()
            .subject
    });
    assert!(subject.ends_with(" (sekretariat)"), "{subject}");
    one.close().await.unwrap();
    two.close().await.unwrap();
}

/// A clerk sets this computer to the office's server in Pengaturan; the
/// next start asks the server's password (remembered nowhere), says a wrong
/// one at its field, opens the office with the right one; the clerk then
/// goes back to the computer's own file.
pub(crate) async fn sign_in_scenario() {
    const PASS: &str = "sandi kantor 2026";
    let url = off_runtime(|| {
        let server = ScratchServer::shared().expect("server PostgreSQL uji");
        let url = server.create_guarded_database("e2e_masuk", PASS).unwrap();
        let info = ConnectionInfo::parse(&url).unwrap().with_password(PASS);
        let mut store = Store::connect(&info).unwrap();
        demo::fill(&mut store).unwrap();
        // Told apart from this computer's own demo office by its region.
        let mut profile = demo::office_profile();
        profile.region_name = "Sungai Mas".into();
        store.save_office(&profile).unwrap();
        url
    });
    let dir = tempfile::tempdir().unwrap();
    let (config, data) = (dir.path().join("config"), dir.path().join("data"));
    // No --db and no EDARAN_DB: the computer's own choice decides.
    let start = || {
        Driver::start_with(
            &data.join("unused.db"),
            &dir.path().join("tauri-driver.log"),
            &[
                ("EDARAN_DB", ""),
                ("XDG_CONFIG_HOME", config.to_str().unwrap()),
                ("XDG_DATA_HOME", data.to_str().unwrap()),
            ],
        )
    };

    let driver = start();
    let app = driver.open_app().await;
    wait_for_text(&app, "office-line", "Tanjung Seroja").await;
    click(&app, "nav-pengaturan").await;
    type_into(&app, "shared-address", &url).await;
    type_into(&app, "shared-password", PASS).await;
    click(&app, "shared-use").await;
    wait_for_text(&app, "shared-said", "kini memakai basis data bersama").await;
    // The window loads again, now on the server's office.
    wait_for_text(&app, "office-line", "Sungai Mas").await;
    let remembered = std::fs::read_to_string(config.join("edaran/server-bersama.txt")).unwrap();
    assert!(
        remembered.starts_with("postgresql://petugas_e2e_masuk@"),
        "{remembered}"
    );
    assert!(
        !remembered.contains(PASS),
        "the password is never written down"
    );
    app.close().await.unwrap();
    drop(driver);

    let driver = start();
    let app = driver.open_window().await;
    wait_for_text(&app, "sign-in-password-error", "meminta kata sandi").await;
    type_into(&app, "sign-in-password", "sandi tahun lalu").await;
    click(&app, "sign-in-submit").await;
    wait_for_text(&app, "sign-in-password-error", "kata sandinya salah").await;
    screenshot(&app, "masuk-server-salah.png").await;
    type_into(&app, "sign-in-password", PASS).await;
    click(&app, "sign-in-submit").await;
    wait_for_text(&app, "office-line", "Sungai Mas").await;
    click(&app, "nav-pengaturan").await;
    wait_for_text(&app, "shared-now", "petugas_e2e_masuk@").await;
    screenshot(&app, "pengaturan-server-bersama.png").await;
    click(&app, "shared-leave").await;
    click(&app, "confirm-yes").await;
    wait_for_text(&app, "office-line", "Tanjung Seroja").await;
    assert!(!config.join("edaran/server-bersama.txt").exists());
    app.close().await.unwrap();
}
