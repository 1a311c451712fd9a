//! Undo at 1366×768: a point typed, taken back with Ctrl+Z and brought
//! again with Ctrl+Shift+Z; a point deleted and brought back with the
//! notice's *Urungkan*; an employee deleted and restored the same way.

use fantoccini::{Client, Locator};

use crate::app::*;

const TEXT: &str = "Rapat dinas dilaksanakan secara daring.";

/// Keys sent to the focused element (the window's handler hears them).
async fn keys(app: &Client, keys: &str) {
    app.active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// Waits until no point holds `text`.
async fn wait_for_no_point(app: &Client, text: &str) {
    poll(async || {
        let mut values = Vec::new();
        for el in app
            .find_all(Locator::Css(&css("point-text")))
            .await
            .unwrap_or_default()
        {
            values.push(el.prop("value").await.ok().flatten().unwrap_or_default());
        }
        match values.iter().any(|v| v.contains(text)) {
            true => Err(format!("a point still holds {text:?}")),
            false => Ok(()),
        }
    })
    .await
    .unwrap_or_else(|why| panic!("{why}"));
}

pub(crate) async fn undo_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;
    laptop_window(&app).await;

    new_draft(&app).await;

    // A new point takes the typing; Ctrl+Z takes the typed words back at
    // once, Ctrl+Shift+Z brings them again, and each state is saved.
    click(&app, "c-add-point").await;
    keys(&app, TEXT).await;
    wait_for_value(&app, "point-text", TEXT).await;
    wait_for_text(&app, "save-state", "Tersimpan").await;
    keys(&app, "\u{E009}z\u{E000}").await;
    wait_for_no_point(&app, TEXT).await;
    wait_for_text(&app, "save-state", "Tersimpan").await;
    keys(&app, "\u{E009}\u{E008}z\u{E000}").await;
    wait_for_value(&app, "point-text", TEXT).await;
    wait_for_text(&app, "save-state", "Tersimpan").await;

    // “hapus” on that point (the last): the notice offers it back.
    click_last(&app, "point-remove").await;
    wait_for_no_point(&app, TEXT).await;
    wait_for_text(&app, "notice", "dihapus").await;
    wait_for_text(&app, "notice-action", "Urungkan").await;
    screenshot(&app, "urungkan-butir.png").await;
    click(&app, "notice-action").await;
    wait_for_value(&app, "point-text", TEXT).await;
    wait_for_text(&app, "notice", "dikembalikan").await;
    wait_for_text(&app, "save-state", "Tersimpan").await;
    wait_for_preview(&app, TEXT).await;
    screenshot(&app, "urungkan-butir-kembali.png").await;

    // An employee deleted from the list comes back with Urungkan and is
    // still found by the search.
    click(&app, "nav-pegawai").await;
    let row = find(&app, "employee-row").await;
    let nip = row
        .find(Locator::Css(".nip"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    type_into(&app, "employee-search", &nip).await;
    wait_for_count(&app, "employee-row", 1).await;
    let full_name = find(&app, "employee-row")
        .await
        .find(Locator::Css("td .line"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The notice names the person without academic titles.
    let name = full_name.split(", ").next().unwrap().to_string();
    click_css(&app, "[data-testid=\"employee-row\"] button.danger").await;
    click(&app, "confirm-yes").await;
    wait_for_count(&app, "employee-row", 0).await;
    wait_for_text(&app, "notice", &format!("Pegawai “{name}” dihapus.")).await;
    screenshot(&app, "urungkan-pegawai.png").await;
    click(&app, "notice-action").await;
    wait_for_text(&app, "notice", &format!("Pegawai “{name}” dikembalikan.")).await;
    wait_for_text(&app, "employee-row", &nip).await;
    type_into(&app, "employee-search", &name).await;
    wait_for_text(&app, "employee-row", &nip).await;
    screenshot(&app, "urungkan-pegawai-kembali.png").await;
    app.close().await.unwrap();
    drop(driver);

    // The draft kept the point as it was last, and the employee is stored again.
    let store = edaran_core::Store::open(&db).unwrap();
    let draft = newest_circular(&store);
    let doc = store.circular(draft.id).unwrap().document;
    assert!(
        doc.points.iter().any(|p| p.text == TEXT),
        "the restored point was saved"
    );
    let filter = edaran_core::store::EmployeeFilter {
        query: nip.clone(),
        ..Default::default()
    };
    assert_eq!(store.employees(&filter).unwrap().rows.len(), 1);
}
