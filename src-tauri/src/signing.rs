//! Commands of electronic signatures: a signatory's certificates, the roots
//! the office trusts, issuing with a signature, and *Verifikasi Dokumen*.

use std::path::PathBuf;

use edaran_core::office::PaperSize;
use edaran_core::sign;
use edaran_core::store::{
    CertificateRecord, Deleted, Issue, SignedIssue, TrustedRoot, Verification,
};
use edaran_core::ErrorCode;
use edaran_core::{Error, ErrorReport};
use serde::Serialize;
use tauri::State;

use crate::dialogs::{pick_file, read};
use crate::state::{reply, AppState, Reply};

#[tauri::command]
pub fn certificates_list(
    state: State<AppState>,
    signatory_id: i64,
) -> Reply<Vec<CertificateRecord>> {
    reply(state.store()?.certificates(signatory_id))
}

/// Imports a `.p12`/`.pfx` chosen by the user, opened with `passphrase`.
#[tauri::command]
pub async fn certificate_import(
    state: State<'_, AppState>,
    signatory_id: i64,
    passphrase: String,
) -> Reply<Option<CertificateRecord>> {
    let Some(path) = pick_file(
        &state,
        "Impor sertifikat penanda tangan (PKCS#12)",
        "Sertifikat PKCS#12",
        &["p12", "pfx"],
    )
    .await
    else {
        return Ok(None);
    };
    let bytes = read(
        &path,
        edaran_core::files::MAX_PKCS12_BYTES,
        "berkas sertifikat (.p12/.pfx)",
    )?;
    reply(
        state
            .store()?
            .import_certificate(signatory_id, &bytes, &passphrase),
    )
    .map(Some)
}

#[tauri::command]
pub fn certificate_create_internal(
    state: State<AppState>,
    signatory_id: i64,
    passphrase: String,
) -> Reply<CertificateRecord> {
    reply(
        state
            .store()?
            .create_internal_certificate(signatory_id, &passphrase),
    )
}

#[tauri::command]
pub fn certificate_remove(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store()?.remove_certificate(id))
}

#[tauri::command]
pub fn trusted_roots_list(state: State<AppState>) -> Reply<Vec<TrustedRoot>> {
    reply(state.store()?.trusted_roots())
}

/// Adds the root certificates of a PEM file chosen by the user.
#[tauri::command]
pub async fn trusted_root_import(state: State<'_, AppState>) -> Reply<Option<Vec<TrustedRoot>>> {
    let Some(path) = pick_file(
        &state,
        "Tambah sertifikat akar yang dipercaya",
        "Sertifikat akar (.pem)",
        &["pem", "crt", "cer"],
    )
    .await
    else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&read(
        &path,
        edaran_core::files::MAX_PEM_BYTES,
        "berkas sertifikat akar (.pem)",
    )?)
    .into_owned();
    let label = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    reply(state.store()?.add_trusted_roots_pem(&text, &label)).map(Some)
}

#[tauri::command]
pub fn trusted_root_remove(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store()?.remove_trusted_root(id))
}

/// Certificates that may sign circular `id` (those of its signer).
#[tauri::command]
pub fn signing_certificates(state: State<AppState>, id: i64) -> Reply<Vec<CertificateRecord>> {
    reply(state.store()?.signing_certificates(id))
}

#[tauri::command]
pub fn circular_issue_signed(
    state: State<AppState>,
    id: i64,
    issue: Issue,
    actor: String,
    certificate_id: i64,
    passphrase: String,
    paper: PaperSize,
) -> Reply<SignedIssue> {
    reply(
        state
            .store()?
            .issue_signed(id, &issue, &actor, certificate_id, &passphrase, paper),
    )
}

/// A verified file: where it was read from, and the verdict.
#[derive(Serialize, ts_rs::TS)]
pub struct VerifiedFile {
    pub path: String,
    pub name: String,
    pub size: usize,
    pub verification: Verification,
}

/// Verifies the file at `path` off the UI thread, holding the store only
/// to read the trusted roots and, afterwards, to compare with the register
/// and the PDFs recorded from SRIKANDI.
async fn verify_file(state: &AppState, path: PathBuf) -> Reply<VerifiedFile> {
    let roots = reply(state.store()?.trust_anchors())?;
    let (path, size, report) = tauri::async_runtime::spawn_blocking(move || {
        let bytes = read(&path, edaran_core::files::MAX_PDF_BYTES, "PDF")?;
        let report = reply(sign::verify_pdf(&bytes, &roots))?;
        Ok::<_, ErrorReport>((path, bytes.len(), report))
    })
    .await
    .map_err(|e| {
        ErrorReport::from(&Error::Refused {
            code: ErrorCode::VerifikasiGagal,
            message: format!("Verifikasi terhenti: {e}"),
        })
    })??;
    let (register, srikandi) = {
        let store = state.store()?;
        (
            reply(store.register_matches(&report))?,
            reply(store.srikandi_copy(&report.sha256))?,
        )
    };
    Ok(VerifiedFile {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        size,
        verification: Verification::new(report, register, srikandi),
    })
}

/// *Verifikasi Dokumen*: a PDF chosen in the native dialog, or `None`.
#[tauri::command]
pub async fn document_verify_pick(state: State<'_, AppState>) -> Reply<Option<VerifiedFile>> {
    let Some(path) = pick_file(&state, "Pilih PDF untuk diverifikasi", "PDF", &["pdf"]).await
    else {
        return Ok(None);
    };
    verify_file(&state, path).await.map(Some)
}

/// *Verifikasi Dokumen*: a file dropped on the window.
#[tauri::command]
pub async fn document_verify_path(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Reply<VerifiedFile> {
    let path = state.chosen(&path)?;
    verify_file(&state, path).await
}
