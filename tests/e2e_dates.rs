//! Dates under an English system locale: WebKitGTK's own date input would
//! show and read them month first; the app's date field never does.

use chrono::NaiveDate;
use fantoccini::Locator;

use crate::app::*;

pub(crate) async fn english_locale_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let english = [
        ("LANG", "en_US.UTF-8"),
        ("LC_ALL", "en_US.UTF-8"),
        ("LANGUAGE", "en_US"),
    ];
    let driver = Driver::start_with(&db, &dir.path().join("tauri-driver.log"), &english);
    let app = driver.open_app().await;

    new_draft(&app).await;

    // Typed key by key as a clerk does, then Tab: 7 December, not 12 July.
    let start = find(&app, "c-start").await;
    start.clear().await.unwrap();
    start.send_keys("07/12/2020\u{E004}").await.unwrap();
    assert_eq!(value_of(&app, "c-start").await, "07/12/2020");
    type_into(&app, "c-end", "20 Des 2020\u{E004}").await;
    assert_eq!(value_of(&app, "c-end").await, "20/12/2020");
    wait_for_value(
        &app,
        "point-text",
        "mulai tanggal 7 Desember 2020 sampai dengan tanggal 20 Desember 2020",
    )
    .await;
    wait_for_preview(
        &app,
        "terhitung mulai tanggal 7 Desember 2020 sampai dengan tanggal 20 Desember 2020",
    )
    .await;
    screenshot(&app, "tanggal-pratinjau-en-us.png").await;
    wait_for_text(&app, "save-state", "Tersimpan").await;

    // The calendar speaks Indonesian and starts its weeks on Monday.
    click(&app, "c-start-pick").await;
    wait_for_text(&app, "picker-month", "Desember 2020").await;
    let heads = app
        .find_all(Locator::Css("[data-testid=\"date-picker\"] th"))
        .await
        .unwrap();
    let mut days = Vec::new();
    for th in heads {
        days.push(th.text().await.unwrap());
    }
    assert_eq!(days, ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]);
    screenshot(&app, "tanggal-kalender-en-us.png").await;
    app.close().await.unwrap();
    drop(driver);

    let store = edaran_core::Store::open(&db).unwrap();
    let draft = newest_circular(&store);
    let period = draft.period.expect("the draft has a period");
    let day = |d| NaiveDate::from_ymd_opt(2020, 12, d).unwrap();
    assert_eq!((period.start, period.end), (day(7), Some(day(20))));
}
