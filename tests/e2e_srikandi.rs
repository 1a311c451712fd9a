//! *Catat nomor dari SRIKANDI* in the real app: a file that is no PDF is
//! refused in the dialog when chosen; SRIKANDI's signed PDF is kept with its
//! number, *Simpan PDF* gives it back byte for byte, the register lists it as
//! *Dicatat dari SRIKANDI*, and *Verifikasi Dokumen* recognises it without
//! claiming to have verified BSrE.

use chrono::Utc;
use edaran_core::office::PaperSize;
use edaran_core::sign;

use crate::app::*;
use crate::e2e_signing::saved;

const NUMBER: &str = "800.1.11/123/BKPSDM/2026";

/// SRIKANDI's PDF, near enough: a circular printed with its number, signed
/// with a certificate of a root the office does not trust (BSrE's stand-in).
fn srikandi_pdf() -> Vec<u8> {
    let mut doc =
        edaran_core::exchange::from_json(include_str!("fixtures/muba-800-439-bkpsdm-2020.json"))
            .unwrap();
    doc.number = NUMBER.into();
    let printed = edaran_core::pdf::render(&doc, PaperSize::F4, Utc::now()).unwrap();
    let bsre = sign::new_internal("Balai Sertifikasi Elektronik", "Bupati Uji", Utc::now(), 1)
        .unwrap()
        .signer;
    let options = sign::SignOptions {
        reason: "Tanda tangan SRIKANDI".into(),
        location: "Jakarta".into(),
        time: Utc::now(),
        mark: None,
    };
    sign::sign_pdf(&printed, &bsre, &options).unwrap()
}

pub(crate) async fn srikandi_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let from_srikandi = dir.path().join("SE dari SRIKANDI.pdf");
    let bytes = srikandi_pdf();
    std::fs::write(&from_srikandi, &bytes).unwrap();
    let word = dir.path().join("konsep.pdf");
    std::fs::write(&word, b"PK\x03\x04\x14\x00word/document.xml").unwrap();
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;

    new_draft(&app).await;
    click(&app, "action-srikandi").await;
    type_into(&app, "record-number", NUMBER).await;
    set_date(&app, "record-date", "2026-01-05").await;
    click(&app, "record-pdf-pick").await;
    answer_file_dialog(
        "Pilih PDF bertanda tangan dari SRIKANDI",
        FileDialog::Open,
        &word,
    );
    wait_for_text(&app, "dialog-error", "bukan PDF (dokumen Word (DOCX)").await;
    screenshot(&app, "srikandi-bukan-pdf.png").await;
    click(&app, "record-pdf-pick").await;
    answer_file_dialog(
        "Pilih PDF bertanda tangan dari SRIKANDI",
        FileDialog::Open,
        &from_srikandi,
    );
    wait_for_text(&app, "record-pdf", "1 tanda tangan elektronik: Bupati Uji").await;
    wait_for_text(&app, "record-pdf", "tidak diverifikasi oleh Edaran").await;
    screenshot(&app, "srikandi-dialog.png").await;
    click(&app, "confirm-catat").await;
    wait_for_text(&app, "circular-status", "Terbit").await;
    wait_for_text(&app, "circular-number", NUMBER).await;
    screenshot(&app, "srikandi-dicatat.png").await;

    // Simpan PDF gives SRIKANDI's file back, not Edaran's rendering.
    let out = dir.path().join("disimpan.pdf");
    click(&app, "action-pdf").await;
    answer_file_dialog("Simpan PDF surat edaran", FileDialog::Save, &out);
    assert!(
        saved(&out) == bytes,
        "the saved PDF is SRIKANDI's, byte for byte"
    );

    click(&app, "back-to-list").await;
    click(&app, "tab-agenda").await;
    wait_for_text(&app, "register-row", "Dicatat dari SRIKANDI").await;
    screenshot(&app, "srikandi-buku-agenda.png").await;

    click(&app, "nav-verifikasi").await;
    click(&app, "verify-pick").await;
    answer_file_dialog("Pilih PDF untuk diverifikasi", FileDialog::Open, &out);
    wait_for_text(
        &app,
        "verify-verdict",
        "Sama persis dengan PDF dari SRIKANDI",
    )
    .await;
    wait_for_text(&app, "verify-verdict", "tidak diverifikasi oleh Edaran").await;
    wait_for_text(&app, "verify-intact", "utuh").await;
    screenshot(&app, "srikandi-verifikasi.png").await;
    app.close().await.unwrap();
    drop(driver);
}
