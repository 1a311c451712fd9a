//! Commands of the Surat Edaran page: drafting, preview, workflow, the
//! register, and files through native dialogs (PDF, Word, JSON, CSV/XLSX).

use std::path::PathBuf;

use chrono::NaiveDate;
use edaran_core::circular::{
    Circular, CircularKind, KopKind, Letterhead, Relation, Signature, SigningMode,
};
use edaran_core::docx::{self, srikandi, srikandi::Sifat, srikandi::Urgensi};
use edaran_core::office::PaperSize;
use edaran_core::pdf::{self, Preview};
use edaran_core::register::Register;
use edaran_core::srikandi::SrikandiPdf;
use edaran_core::store::{
    AuditEntry, Check, CircularRecord, Deleted, Derived, Edited, Extension, Issue, Recording,
    RegisterEntry,
};
use edaran_core::ErrorCode;
use edaran_core::{exchange, register, template, Error, ErrorReport};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::dialogs::{pick_file, read, save_as, save_path};
use crate::state::{reply, AppState, Reply};

/// Pages drawn in the preview; the page count still covers the whole document.
const PREVIEW_PAGES: usize = 30;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub fn circular_get(state: State<AppState>, id: i64) -> Reply<CircularRecord> {
    reply(state.store()?.circular(id))
}

#[tauri::command]
pub fn circular_new(state: State<AppState>, kind: CircularKind, actor: String) -> Reply<i64> {
    reply(state.store()?.create_from_template(kind, today(), &actor))
}

/// One edit of a draft: clauses refreshed, stored, previewed, in one round trip.
#[tauri::command]
pub fn circular_edit(
    state: State<AppState>,
    id: i64,
    document: Circular,
    version: Option<i64>,
    paper: PaperSize,
    actor: String,
) -> Reply<Edited> {
    reply(
        state
            .store()?
            .edit_draft(id, &document, version, paper, PREVIEW_PAGES, &actor),
    )
}

/// The template laid out afresh around the user's own points.
#[tauri::command]
pub fn circular_compose(mut document: Circular) -> Circular {
    template::compose(&mut document);
    document
}

#[tauri::command]
pub fn circular_preview(
    state: State<AppState>,
    document: Circular,
    paper: PaperSize,
) -> Reply<Preview> {
    reply(
        state
            .store()?
            .circular_preview(&document, paper, PREVIEW_PAGES),
    )
}

#[tauri::command]
pub fn circular_initial(state: State<AppState>, id: i64, verifier: String) -> Reply<()> {
    reply(state.store()?.initial(id, &verifier))
}

#[tauri::command]
pub fn circular_issue(
    state: State<AppState>,
    id: i64,
    issue: Issue,
    actor: String,
) -> Reply<String> {
    reply(state.store()?.issue(id, &issue, &actor))
}

/// What the *Terbitkan* dialog lists before issuing draft `id`.
#[tauri::command]
pub fn circular_issue_checklist(state: State<AppState>, id: i64) -> Reply<Vec<Check>> {
    reply(state.store()?.issue_checklist(id))
}

/// Records a draft as numbered by another register or office (*Catat nomor*).
#[tauri::command]
pub fn circular_record(
    state: State<AppState>,
    id: i64,
    recording: Recording,
    actor: String,
) -> Reply<String> {
    reply(state.store()?.record(id, &recording, &actor))
}

/// A PDF from SRIKANDI chosen in the native dialog and checked: what the
/// *Catat nomor dari SRIKANDI* dialog shows before recording.
#[derive(Serialize, ts_rs::TS)]
pub struct SrikandiFile {
    path: String,
    name: String,
    size: usize,
    /// Its signatures as the core words them (none, or who; not verified).
    signatures: String,
}

/// Picks SRIKANDI's signed PDF; a file that is no whole PDF is refused here already.
#[tauri::command]
pub async fn srikandi_pdf_pick(state: State<'_, AppState>) -> Reply<Option<SrikandiFile>> {
    let Some(path) = pick_file(
        &state,
        "Pilih PDF bertanda tangan dari SRIKANDI",
        "PDF",
        &["pdf"],
    )
    .await
    else {
        return Ok(None);
    };
    let path = state.choose(path);
    let pdf = read_srikandi(path.clone()).await?;
    Ok(Some(SrikandiFile {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        size: pdf.bytes().len(),
        signatures: pdf.describe(),
    }))
}

/// *Catat nomor dari SRIKANDI*: the draft takes SRIKANDI's number and date
/// and keeps the chosen PDF (read again from `path`) as its signed PDF.
#[tauri::command]
pub async fn circular_record_srikandi(
    state: State<'_, AppState>,
    id: i64,
    recording: Recording,
    path: PathBuf,
    confirmed: bool,
    actor: String,
) -> Reply<String> {
    let pdf = read_srikandi(state.chosen(&path)?).await?;
    reply(
        state
            .store()?
            .record_from_srikandi(id, &recording, &pdf, confirmed, &actor),
    )
}

/// Reads and checks a PDF from SRIKANDI off the UI thread, without the store.
async fn read_srikandi(path: PathBuf) -> Reply<SrikandiPdf> {
    tauri::async_runtime::spawn_blocking(move || reply(SrikandiPdf::read(&path)))
        .await
        .map_err(|e| {
            ErrorReport::from(&Error::Refused {
                code: ErrorCode::PdfGagalDibaca,
                message: format!("Pembacaan PDF dari SRIKANDI terhenti: {e}"),
            })
        })?
}

#[tauri::command]
pub fn registers_list(state: State<AppState>) -> Reply<Vec<Register>> {
    reply(state.store()?.registers())
}

#[tauri::command]
pub fn register_save(state: State<AppState>, register: Register) -> Reply<i64> {
    reply(state.store()?.save_register(&register))
}

/// The draft of `relation` from issued circular `id`: the one already
/// started, or a new one (always new when `another`).
#[tauri::command]
pub fn circular_derive(
    state: State<AppState>,
    id: i64,
    relation: Relation,
    actor: String,
    another: Option<bool>,
) -> Reply<Derived> {
    reply(state.store()?.draft_from(
        id,
        relation,
        Extension::default(),
        another.unwrap_or(false),
        today(),
        &actor,
    ))
}

#[tauri::command]
pub fn circular_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store()?.delete_draft(id))
}

#[tauri::command]
pub fn circular_cancel_number(
    state: State<AppState>,
    id: i64,
    reason: String,
    actor: String,
) -> Reply<()> {
    reply(state.store()?.cancel_number(id, &reason, &actor))
}

#[tauri::command]
pub fn circular_audit(state: State<AppState>, id: i64) -> Reply<Vec<AuditEntry>> {
    reply(state.store()?.audit(id))
}

#[tauri::command]
pub fn signature_for(
    state: State<AppState>,
    signatory_id: i64,
    mode: SigningMode,
    intermediate: String,
) -> Reply<Signature> {
    reply(
        state
            .store()?
            .signature_for(signatory_id, mode, &intermediate),
    )
}

#[tauri::command]
pub fn letterhead_for(state: State<AppState>, kind: KopKind) -> Reply<Letterhead> {
    reply(state.store()?.letterhead(kind))
}

#[tauri::command]
pub fn register_list(
    state: State<AppState>,
    query: String,
    year: Option<i32>,
) -> Reply<Vec<RegisterEntry>> {
    reply(state.store()?.register(&query, year))
}

/// Renders the circular on `paper` (or takes its signed PDF), saves it where the user says and opens
/// it in the system's PDF viewer for printing. Returns the path, or `None`.
#[tauri::command]
pub async fn circular_save_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    paper: PaperSize,
) -> Reply<Option<String>> {
    let (record, signed) = {
        let store = state.store()?;
        (reply(store.circular(id))?, reply(store.signed_pdf(id))?)
    };
    // A signed circular is saved byte for byte as signed, on its own paper.
    let bytes = match signed {
        Some(bytes) => bytes,
        None => reply(pdf::render(&record.document, paper, chrono::Utc::now()))?,
    };
    let name = format!("{}.pdf", record.summary.file_stem());
    let Some(path) = save_as(
        &state,
        "Simpan PDF surat edaran",
        &name,
        ("PDF", "pdf"),
        bytes,
    )
    .await?
    else {
        return Ok(None);
    };
    if let Err(e) = app
        .opener()
        .open_path(path.display().to_string(), None::<&str>)
    {
        return Err(edaran_core::ErrorReport::from(&Error::Refused {
            code: ErrorCode::PenampilPdf,
            message: format!(
                "PDF tersimpan di {}, tetapi penampil PDF tidak dapat dibuka: {e}",
                path.display()
            ),
        }));
    }
    Ok(Some(path.display().to_string()))
}

/// Writes the circular as a Word file (DOCX) on `paper` where the user
/// says. Returns the path, or `None` when cancelled.
#[tauri::command]
pub async fn circular_save_docx(
    state: State<'_, AppState>,
    id: i64,
    paper: PaperSize,
) -> Reply<Option<String>> {
    let record = reply(state.store()?.circular(id))?;
    let bytes = reply(docx::render(&record.document, paper))?;
    let name = format!("{}.docx", record.summary.file_stem());
    let path = save_as(&state, "Unduh Word surat edaran", &name, WORD, bytes).await?;
    Ok(path.map(|p| p.display().to_string()))
}

/// Where the SRIKANDI hand-off was written: the Word file and its metadata sheet.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct SrikandiSaved {
    pub docx: String,
    pub sheet: String,
}

/// Writes the naskah for SRIKANDI (number, date and signature as its merge
/// fields) where the user says, and its metadata sheet beside it.
#[tauri::command]
pub async fn circular_save_srikandi(
    state: State<'_, AppState>,
    id: i64,
    paper: PaperSize,
    sifat: Sifat,
    urgensi: Urgensi,
) -> Reply<Option<SrikandiSaved>> {
    let (record, sheet) = {
        let store = state.store()?;
        let record = reply(store.circular(id))?;
        let sheet = reply(store.srikandi_sheet(&record.document, sifat, urgensi))?;
        (record, sheet)
    };
    let bytes = reply(srikandi::render(&record.document, paper))?;
    let name = format!("{} untuk SRIKANDI.docx", record.summary.file_stem());
    let Some(path) = save_path(&state, "Naskah untuk SRIKANDI", &name, WORD).await else {
        return Ok(None);
    };
    let sheet_file = reply(srikandi::save(&path, &bytes, &sheet))?;
    Ok(Some(SrikandiSaved {
        docx: path.display().to_string(),
        sheet: sheet_file.display().to_string(),
    }))
}

/// The save dialog's filter for Word files.
const WORD: (&str, &str) = ("Dokumen Word", "docx");

#[tauri::command]
pub async fn circular_export_json(state: State<'_, AppState>, id: i64) -> Reply<Option<String>> {
    let record = reply(state.store()?.circular(id))?;
    let text = exchange::to_json(&record.document);
    let name = format!("{}.json", record.summary.file_stem());
    let path = save_as(
        &state,
        "Ekspor surat edaran (JSON)",
        &name,
        ("Surat edaran Edaran (JSON)", "json"),
        text.into_bytes(),
    )
    .await?;
    Ok(path.map(|p| p.display().to_string()))
}

/// A draft imported from an exchange file, and what the import left out.
#[derive(Serialize, ts_rs::TS)]
pub struct Imported {
    id: i64,
    notice: Option<String>,
}

/// Reads an exchange file chosen by the user and saves it as a new draft.
#[tauri::command]
pub async fn circular_import_json(
    state: State<'_, AppState>,
    actor: String,
) -> Reply<Option<Imported>> {
    let Some(path) = pick_file(
        &state,
        "Impor surat edaran (JSON)",
        "Surat edaran Edaran (JSON)",
        &["json"],
    )
    .await
    else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&read(
        &path,
        edaran_core::files::MAX_EXCHANGE_BYTES,
        "berkas surat edaran (JSON)",
    )?)
    .into_owned();
    let doc = reply(exchange::from_json(&text))?;
    let id = reply(state.store()?.create_circular(&doc, &actor))?;
    Ok(Some(Imported {
        id,
        notice: exchange::number_left_out(&doc),
    }))
}

/// Saves the register (as filtered) as CSV or XLSX.
#[tauri::command]
pub async fn register_export(
    state: State<'_, AppState>,
    query: String,
    year: Option<i32>,
    format: String,
) -> Reply<Option<String>> {
    let entries = reply(state.store()?.register(&query, year))?;
    let name = match year {
        Some(y) => format!("Buku agenda surat keluar {y}"),
        None => "Buku agenda surat keluar".into(),
    };
    let path = if format == "xlsx" {
        let bytes = reply(register::to_xlsx(&entries))?;
        save_as(
            &state,
            "Ekspor buku agenda",
            &format!("{name}.xlsx"),
            ("Excel", "xlsx"),
            bytes,
        )
        .await?
    } else {
        let text = register::to_csv(&entries);
        save_as(
            &state,
            "Ekspor buku agenda",
            &format!("{name}.csv"),
            ("CSV", "csv"),
            text.into_bytes(),
        )
        .await?
    };
    Ok(path.map(|p| p.display().to_string()))
}
