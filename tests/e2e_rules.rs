//! The rule engine in the real app: on *Pengecualian* exempt every
//! Puskesmas, keep one person at home and set a picket of two per unit;
//! on *Jadwal Piket* generate the roster, read the agency grid and export
//! it as XLSX through the native save dialog.

use crate::app::*;

pub(crate) async fn rules_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;

    // Someone on a Bidang's staff of the demo office (the app made the database).
    let staff = edaran_tests::edaran_json(&db, &["employees"]);
    let person = staff
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["unit_name"]
                .as_str()
                .is_some_and(|u| u.starts_with("Bidang"))
                && e["eselon"].is_null()
                && e["nip"].is_string()
        })
        .expect("a Bidang staff member")
        .clone();
    let nip = person["nip"].as_str().unwrap();

    // A new draft: the most recent one, which both pages open first.
    click(&app, "nav-surat-edaran").await;
    choose(&app, "new-kind", "wfh_baru").await;
    click(&app, "new-circular").await;
    wait_for_text(&app, "save-state", "Tersimpan").await;

    click(&app, "nav-pengecualian").await;
    find(&app, "page-pengecualian").await;
    click(&app, "exempt-kind-puskesmas").await;
    type_into(&app, "picket-per-day", "2").await;
    type_into(&app, "exception-nip", nip).await;
    wait_for_text(&app, "exception-match", person["name"].as_str().unwrap()).await;
    choose(&app, "exception-placement", "di_rumah").await;
    choose(&app, "exception-reason", "hamil").await;
    click(&app, "exception-add").await;
    wait_for_text(&app, "exception-row", nip).await;
    click(&app, "rules-save").await;
    wait_for_text(&app, "rule-clauses", "seluruh Puskesmas").await;
    wait_for_text(&app, "rule-clauses", "2 (dua) orang").await;
    screenshot(&app, "pengecualian.png").await;

    click(&app, "nav-piket").await;
    find(&app, "page-piket").await;
    click(&app, "roster-generate").await;
    find(&app, "roster-summary").await;
    choose(&app, "grid-agency", &person["agency_id"].to_string()).await;
    find(&app, "agency-grid").await;
    let home = format!(
        "[data-testid=\"grid-cell\"][data-employee=\"{}\"][data-status=\"tetap_di_rumah\"]",
        person["id"]
    );
    let tooltip = wait_for_attr(&app, &home, "title").await;
    assert!(
        tooltip.contains("hamil"),
        "the exception's reason: {tooltip}"
    );
    for status in ["libur", "piket", "wfh"] {
        let cell = format!("[data-testid=\"grid-cell\"][data-status=\"{status}\"]");
        wait_for_attr(&app, &cell, "data-status").await;
    }
    screenshot(&app, "jadwal-piket.png").await;

    let xlsx = dir.path().join("jadwal piket.xlsx");
    click(&app, "roster-export-xlsx").await;
    answer_file_dialog("Simpan jadwal piket", FileDialog::Save, &xlsx);
    wait_for_text(&app, "roster-exported", "jadwal piket.xlsx").await;
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    app.close().await.unwrap();
    drop(driver);
}
