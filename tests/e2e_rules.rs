//! The rule engine in the real app: on *Pengecualian* exempt every
//! Puskesmas, keep one person at home, set a picket of two per unit in two
//! shift groups with at least a fifth of each agency in the office; on
//! *Jadwal Piket* generate the roster, read the agency grid (with the
//! groups) and export it as XLSX through the native save dialog; then an
//! open-ended arrangement on *Beranda* with its roster horizon's alert.

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
    new_draft(&app).await;

    click(&app, "nav-pengecualian").await;
    find(&app, "page-pengecualian").await;
    click(&app, "exempt-kind-puskesmas").await;
    type_into(&app, "picket-per-day", "2").await;
    // Kelompok A on Monday, Wednesday, Friday; Kelompok B on Tuesday, Thursday.
    click(&app, "shift-start").await;
    wait_for_count(&app, "shift-group", 2).await;
    type_into(&app, "min-share", "20").await;
    type_into(&app, "exception-nip", nip).await;
    wait_for_text(&app, "exception-match", person["name"].as_str().unwrap()).await;
    choose(&app, "exception-placement", "di_rumah").await;
    choose(&app, "exception-reason", "hamil").await;
    click(&app, "exception-add").await;
    wait_for_text(&app, "exception-row", nip).await;
    click(&app, "rules-save").await;
    wait_for_text(&app, "rule-clauses", "seluruh Puskesmas").await;
    wait_for_text(
        &app,
        "rule-clauses",
        "Kelompok A pada hari Senin, Rabu, dan Jumat",
    )
    .await;
    wait_for_text(
        &app,
        "rule-clauses",
        "paling sedikit 20% (dua puluh persen)",
    )
    .await;
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
    wait_for_text(&app, "agency-grid", "Kelompok A").await;
    wait_for_text(&app, "agency-grid", "Kelompok B").await;
    let duty = wait_for_attr(
        &app,
        "[data-testid=\"grid-cell\"][data-status=\"piket\"]",
        "title",
    )
    .await;
    assert!(
        duty.starts_with("Kelompok "),
        "a duty names its group: {duty}"
    );
    screenshot(&app, "jadwal-piket.png").await;

    let xlsx = dir.path().join("jadwal piket.xlsx");
    click(&app, "roster-export-xlsx").await;
    answer_file_dialog("Simpan jadwal piket", FileDialog::Save, &xlsx);
    wait_for_text(&app, "roster-exported", "jadwal piket.xlsx").await;
    let mut book = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut book.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    for text in ["Kelompok", "Kelompok A", "Kelompok B"] {
        assert!(strings.contains(&format!(">{text}<")), "{text} in the XLSX");
    }

    // One click on a duty only opens its menu; the change is chosen there,
    // and the notice after it floats without moving the grid.
    let duty_cell = "[data-testid=\"grid-cell\"][data-status=\"piket\"]";
    let employee = wait_for_attr(&app, duty_cell, "data-employee").await;
    let date = wait_for_attr(&app, duty_cell, "data-date").await;
    let cell =
        format!("[data-testid=\"grid-cell\"][data-employee=\"{employee}\"][data-date=\"{date}\"]");
    click_css(&app, &format!("{cell} button")).await;
    find(&app, "cell-menu").await;
    // Measured once the click has scrolled the cell into view.
    let grid_top = top_of(&app, "agency-grid").await;
    assert_eq!(wait_for_attr(&app, &cell, "data-status").await, "piket");
    screenshot(&app, "jadwal-piket-menu-sel.png").await;
    click(&app, "cell-release").await;
    find(&app, "notice").await;
    poll(
        async || match wait_for_attr(&app, &cell, "data-status").await.as_str() {
            "piket" => Err("still on duty".to_string()),
            _ => Ok(()),
        },
    )
    .await
    .unwrap();
    assert!(
        (top_of(&app, "agency-grid").await - grid_top).abs() < 1.0,
        "the notice moved the grid"
    );
    screenshot(&app, "jadwal-piket-dilepas.png").await;

    // "Sampai dievaluasi" from 8 June 2020, issued at the command line while
    // the app is open (after a native dialog listed the database's folder);
    // its roster runs to 31 August, so on 27 August Beranda asks for the
    // roster to be extended.
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("muba-800-439-bkpsdm-2020.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    doc["circular"]["period"] = serde_json::json!({ "start": "2020-06-08", "end": null });
    let file = dir.path().join("sampai-dievaluasi.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let imported = edaran_tests::edaran(&db, &["circular", "import", file.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    let id = imported.stdout.lines().last().unwrap().trim().to_string();
    let issued = edaran_tests::edaran(
        &db,
        &[
            "circular",
            "issue",
            &id,
            "--date",
            "2020-06-05",
            "--backdate-reason",
            "uji",
        ],
    );
    assert!(issued.ok, "{}", issued.stderr);
    click(&app, "nav-beranda").await;
    find(&app, "page-beranda").await;
    set_date(&app, "dashboard-date", "2020-08-27").await;
    wait_for_text(&app, "active-row", "sampai dievaluasi").await;
    let alert = wait_for_text(&app, "alerts", "31 Agustus 2020").await;
    let text = alert.text().await.unwrap();
    assert!(text.contains("Perpanjang jadwal piket"), "{text}");
    screenshot(&app, "beranda-jadwal-habis.png").await;
    app.close().await.unwrap();
    drop(driver);
}

/// Where the element with `testid` starts on the screen, in CSS pixels.
async fn top_of(client: &fantoccini::Client, testid: &str) -> f64 {
    client
        .execute(
            "return document.querySelector(arguments[0]).getBoundingClientRect().top;",
            vec![css(testid).into()],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap()
}
