//! How fast an edit comes back in the real app: a two-page draft, one key
//! at a time, each change stored and drawn in one round trip. The figures
//! are reported (stdout and `test-output/e2e/round-trip.txt`), not asserted:
//! timing targets live in benchmarks.

use crate::app::*;

pub(crate) async fn round_trip_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;
    laptop_window(&app).await;

    new_draft(&app).await;
    find(&app, "preview-page").await;
    // A long point of the clerk's own makes the draft two pages.
    click(&app, "c-add-point").await;
    let long = "Pegawai yang bertugas di kantor wajib menerapkan protokol kesehatan, \
                menjaga jarak, memakai masker, dan melaporkan kehadiran melalui aplikasi. "
        .repeat(24);
    let boxes = app
        .find_all(fantoccini::Locator::Css(&css("point-text")))
        .await
        .unwrap();
    boxes.last().unwrap().send_keys(long.trim()).await.unwrap();
    wait_for_text(&app, "preview-pages", "2 halaman").await;
    wait_for_text(&app, "save-state", "Tersimpan").await;

    let mut times = Vec::new();
    for key in "Tahap II".chars() {
        // Counted, not compared by time: two trips may take the same whole milliseconds.
        let before = wait_for_attr(&app, &css("circular-editor"), "data-round-trips").await;
        find(&app, "c-subject")
            .await
            .send_keys(&key.to_string())
            .await
            .unwrap();
        let after = poll(async || {
            let count = wait_for_attr(&app, &css("circular-editor"), "data-round-trips").await;
            let saved = find(&app, "save-state")
                .await
                .text()
                .await
                .unwrap_or_default();
            if count != before && saved == "Tersimpan" {
                Ok(wait_for_attr(&app, &css("circular-editor"), "data-round-trip-ms").await)
            } else {
                Err("the edit has not come back".to_string())
            }
        })
        .await
        .unwrap_or_else(|why| panic!("{why}"));
        times.push(after.parse::<f64>().unwrap());
    }
    wait_for_text(&app, "preview-pages", "2 halaman").await;
    screenshot(&app, "dua-halaman-sekali-jalan.png").await;

    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let report = format!(
        "Edit → disimpan + pratinjau 2 halaman (satu panggilan circular_edit), {} ketikan:\n\
         median {:.1} ms, terlama {:.1} ms, tercepat {:.1} ms\nsemua: {:?}\n",
        times.len(),
        sorted[sorted.len() / 2],
        sorted[sorted.len() - 1],
        sorted[0],
        times
    );
    println!("{report}");
    std::fs::write(output_dir().join("round-trip.txt"), report).unwrap();
}
