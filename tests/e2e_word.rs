//! A draft saved as Word and handed to SRIKANDI from the editor, through the
//! native save dialog: the files a clerk then opens or uploads.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::app::*;

/// The text of `word/document.xml` in the DOCX at `path`, once it is written.
fn document_xml(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(mut zip) = std::fs::File::open(path)
            .map_err(|e| e.to_string())
            .and_then(|f| zip::ZipArchive::new(f).map_err(|e| e.to_string()))
        {
            let mut text = String::new();
            zip.by_name("word/document.xml")
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            return text;
        }
        assert!(start.elapsed() < WAIT, "{} was not saved", path.display());
        std::thread::sleep(Duration::from_millis(300));
    }
}

pub(crate) async fn word_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;

    new_draft(&app).await;
    wait_for_text(&app, "save-state", "Tersimpan").await;
    let word = dir.path().join("SE draf.docx");
    click(&app, "action-word").await;
    answer_file_dialog("Unduh Word surat edaran", FileDialog::Save, &word);
    wait_for_text(&app, "notice", "Berkas Word disimpan").await;
    let document = document_xml(&word);
    for text in [
        ">SURAT EDARAN<",
        ">NOMOR ............................<",
        ">Ditetapkan di ",
    ] {
        assert!(document.contains(text), "{text}");
    }

    click(&app, "action-naskah").await;
    choose(&app, "srikandi-urgensi", "segera").await;
    screenshot(&app, "naskah-srikandi.png").await;
    click(&app, "confirm-naskah").await;
    let handoff = dir.path().join("SE untuk SRIKANDI.docx");
    answer_file_dialog("Naskah untuk SRIKANDI", FileDialog::Save, &handoff);
    wait_for_text(&app, "notice", "lembar metadata").await;
    assert!(document_xml(&handoff).contains(">${nomor_naskah}</w:t>"));
    let sheet = std::fs::read_to_string(dir.path().join("SE untuk SRIKANDI-metadata.txt")).unwrap();
    assert!(sheet.contains("Tingkat Urgensi : Segera"), "{sheet}");
    screenshot(&app, "naskah-srikandi-disimpan.png").await;
    app.close().await.unwrap();
    drop(driver);
}
