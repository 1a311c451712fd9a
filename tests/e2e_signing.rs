//! Issue and sign a circular in the real app, save the signed PDF through the
//! native dialog, and verify that file on *Verifikasi Dokumen* — intact, then
//! with one byte changed.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::app::*;

const PASS: &str = "kata sandi bupati";

/// Waits until `path` exists and is no longer growing.
pub(crate) fn saved(path: &Path) -> Vec<u8> {
    let start = Instant::now();
    let mut last = 0;
    loop {
        let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if len > 0 && len == last {
            return std::fs::read(path).unwrap();
        }
        last = len;
        assert!(start.elapsed() < WAIT, "{} was not saved", path.display());
        std::thread::sleep(Duration::from_millis(300));
    }
}

pub(crate) async fn signing_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let driver = Driver::start(&db, &dir.path().join("tauri-driver.log"));
    let app = driver.open_app().await;

    // The head of region (first signatory) gets an internal office certificate.
    click(&app, "nav-pengaturan").await;
    click(&app, "signatory-certificates").await;
    click(&app, "certificate-internal").await;
    type_into(&app, "certificate-pass", PASS).await;
    type_into(&app, "certificate-pass2", PASS).await;
    click(&app, "certificate-submit").await;
    wait_for_text(&app, "certificate-row", "sertifikat internal kantor").await;
    wait_for_text(&app, "certificate-row", "Sidik jari SHA-256").await;
    screenshot(&app, "sertifikat-internal.png").await;
    click(&app, "certificate-close").await;
    wait_for_text(&app, "trusted-root-row", "akar sertifikat internal kantor").await;

    // A new circular, issued with a signature: a wrong passphrase issues nothing.
    new_draft(&app).await;
    click(&app, "action-terbit").await;
    type_into(&app, "issue-pass", "bukan kata sandinya").await;
    click(&app, "issue-override").await;
    click(&app, "confirm-terbit").await;
    wait_for_text(
        &app,
        "dialog-error",
        "Kata sandi kunci penanda tangan salah.",
    )
    .await;
    wait_for_text(&app, "circular-status", "Draf").await;
    type_into(&app, "issue-pass", PASS).await;
    screenshot(&app, "terbitkan-kata-sandi-salah.png").await;
    click(&app, "confirm-terbit").await;
    wait_for_text(&app, "circular-status", "Terbit").await;
    let number = find(&app, "circular-number").await.text().await.unwrap();
    screenshot(&app, "terbit-bertanda-tangan.png").await;

    // Saved through the native save dialog, byte for byte as signed.
    let pdf = dir.path().join("SE bertanda tangan.pdf");
    click(&app, "action-pdf").await;
    answer_file_dialog("Simpan PDF surat edaran", FileDialog::Save, &pdf);
    let bytes = saved(&pdf);
    let pdfsig = Command::new("pdfsig").arg(&pdf).output().unwrap();
    let pdfsig = String::from_utf8_lossy(&pdfsig.stdout);
    assert!(pdfsig.contains("Signature is Valid"), "{pdfsig}");

    // Verifikasi Dokumen on the saved file.
    click(&app, "nav-verifikasi").await;
    click(&app, "verify-pick").await;
    answer_file_dialog("Pilih PDF untuk diverifikasi", FileDialog::Open, &pdf);
    wait_for_text(&app, "verify-verdict", "Tanda tangan sah").await;
    wait_for_text(&app, "verify-intact", "utuh").await;
    wait_for_text(&app, "verify-trust", "dipercaya").await;
    wait_for_text(&app, "verify-register", &format!("Nomor {number}")).await;
    wait_for_text(&app, "verify-register", "cocok").await;
    screenshot(&app, "verifikasi-sah.png").await;

    // One byte changed inside the signed range.
    let mut tampered = bytes.clone();
    let at = bytes.len() / 4;
    tampered[at] ^= 0x20;
    let changed = dir.path().join("SE diubah.pdf");
    std::fs::write(&changed, &tampered).unwrap();
    click(&app, "verify-pick").await;
    answer_file_dialog("Pilih PDF untuk diverifikasi", FileDialog::Open, &changed);
    wait_for_text(&app, "verify-intact", "TIDAK UTUH").await;
    wait_for_text(&app, "verify-verdict", "TIDAK SAH").await;
    screenshot(&app, "verifikasi-diubah.png").await;
    app.close().await.unwrap();
    drop(driver);
}
