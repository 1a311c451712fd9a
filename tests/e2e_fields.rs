//! A clerk's mistakes in the editor: each problem stands at its field, the
//! save state says when nothing was saved, and an initialled draft changes
//! only when the clerk says so.

use crate::app::*;

pub(crate) async fn field_problems_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;
    laptop_window(&app).await;

    new_draft(&app).await;
    find(&app, "preview-page").await;

    // An empty subject: marked at the field, the old pages dimmed.
    type_into(&app, "c-subject", " \u{E003}").await;
    wait_for_text(
        &app,
        "problem-subject",
        "Perihal (tentang) surat edaran wajib diisi.",
    )
    .await;
    assert_eq!(
        wait_for_attr(&app, &css("preview"), "data-stale").await,
        "true"
    );
    assert!(has_error_around(&app, "c-subject").await);
    screenshot(&app, "kesalahan-di-kolom-perihal.png").await;
    type_into(&app, "c-subject", "Sistem Kerja Pegawai").await;
    wait_for_count(&app, "problem-subject", 0).await;
    wait_for_text(&app, "save-state", "Tersimpan").await;

    // An end before the start is refused by the core: not saved, said so.
    let start = value_of(&app, "c-start").await;
    set_date(&app, "c-end", "2020-12-01").await;
    let state = wait_for_text(&app, "save-state", "Belum tersimpan:").await;
    assert!(
        state.text().await.unwrap().contains("“Sampai dengan”"),
        "the message names the field by its label"
    );
    wait_for_text(&app, "problem-period", "sebelum “Mulai”").await;
    wait_for_text(&app, "preview-error", "sebelum “Mulai”").await;
    screenshot(&app, "kesalahan-periode-belum-tersimpan.png").await;
    set_date(&app, "c-end", &start).await;
    wait_for_text(&app, "save-state", "Tersimpan").await;
    wait_for_count(&app, "problem-period", 0).await;

    // A new point is not "empty" while the clerk types into it; left empty, it is.
    click(&app, "c-add-point").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(
        shown(&app, "problem-points").await,
        0,
        "problem-points is shown"
    );
    assert_eq!(
        shown(&app, "preview-error").await,
        0,
        "preview-error is shown"
    );
    click(&app, "c-place").await;
    wait_for_text(&app, "problem-points", "kosong; isi atau hapus butir itu.").await;
    click_last(&app, "point-remove").await;
    wait_for_count(&app, "problem-points", 0).await;
    wait_for_text(&app, "save-state", "Tersimpan").await;

    // Initialled: locked until the clerk withdraws the paraf on purpose.
    click(&app, "action-paraf").await;
    type_into(&app, "verifier", "Kasubbag Mutasi").await;
    click(&app, "confirm-paraf").await;
    wait_for_text(&app, "circular-status", "Diparaf").await;
    wait_for_text(&app, "paraf-lock", "Mengubah isinya membatalkan paraf").await;
    assert_eq!(
        find(&app, "c-subject")
            .await
            .prop("disabled")
            .await
            .unwrap(),
        Some("true".into())
    );
    poll(async || {
        match wait_for_attr(&app, &css("preview"), "data-stale")
            .await
            .as_str()
        {
            "false" => Ok(()),
            _ => Err("the preview is being redrawn".to_string()),
        }
    })
    .await
    .unwrap();
    screenshot(&app, "draf-diparaf-terkunci.png").await;
    click(&app, "paraf-unlock").await;
    type_into(&app, "c-subject", "Sistem Kerja Pegawai Tahap II").await;
    wait_for_text(&app, "circular-status", "Draf").await;
    wait_for_text(&app, "save-state", "Tersimpan").await;
    app.close().await.unwrap();
    drop(driver);

    let store = edaran_core::Store::open(&db).unwrap();
    let draft = newest_circular(&store);
    assert_eq!(draft.subject, "Sistem Kerja Pegawai Tahap II");
    let log = store.audit(draft.id).unwrap();
    assert!(
        log.iter().any(|e| e.action == "paraf dibatalkan"),
        "{log:?}"
    );
}

/// Whether the field with `testid` sits in a container marked as wrong.
async fn has_error_around(client: &fantoccini::Client, testid: &str) -> bool {
    client
        .execute(
            "return !!document.querySelector(arguments[0]).closest('.has-error');",
            vec![css(testid).into()],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

/// How many elements carry `testid` now.
async fn shown(client: &fantoccini::Client, testid: &str) -> usize {
    client
        .find_all(fantoccini::Locator::Css(&css(testid)))
        .await
        .unwrap_or_default()
        .len()
}
