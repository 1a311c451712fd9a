//! Commands of the rule engine: a circular's rules (Pengecualian), the
//! roster and the agency grid (Jadwal Piket), conflicts before issuing,
//! the employee import, and the notices batch with progress and cancel.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chrono::NaiveDate;
use edaran_core::absence::{Absence, NewAbsence};
use edaran_core::calendar::HolidayGap;
use edaran_core::import::{self, ColumnMapping, ImportFile, ImportPreview, ImportSummary};
use edaran_core::notices::Written;
use edaran_core::office::PaperSize;
use edaran_core::rules::export::RosterFormat;
use edaran_core::rules::horizon::Horizon;
use edaran_core::rules::{Conflict, PoolLoad, RosterEdit, Rules};
use edaran_core::store::{AgencyGrid, Deleted, NoticeRequest, RosterReport, RulesView, StatusRow};
use edaran_core::ErrorCode;
use edaran_core::ErrorReport;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::dialogs::{pick_file, read, save_as};
use crate::state::{reply, AppState, Reply};

#[tauri::command]
pub fn rules_get(state: State<AppState>, id: i64) -> Reply<RulesView> {
    reply(state.store()?.rules(id))
}

#[tauri::command]
pub fn rules_save(
    state: State<AppState>,
    id: i64,
    rules: Rules,
    actor: String,
) -> Reply<RulesView> {
    reply(state.store()?.save_rules(id, rules, &actor))
}

#[tauri::command]
pub fn rules_insert_clauses(state: State<AppState>, id: i64, actor: String) -> Reply<()> {
    reply(state.store()?.place_rule_clauses(id, &actor))
}

#[tauri::command]
pub fn circular_conflicts(state: State<AppState>, id: i64) -> Reply<Vec<Conflict>> {
    reply(state.store()?.circular_conflicts(id))
}

/// A generated roster as the page sums it up.
#[derive(Serialize, ts_rs::TS)]
pub struct RosterSummary {
    duties: usize,
    conflicts: Vec<Conflict>,
    loads: Vec<PoolLoad>,
    horizon: Horizon,
    holiday_gap: Option<HolidayGap>,
}

impl From<RosterReport> for RosterSummary {
    fn from(report: RosterReport) -> Self {
        RosterSummary {
            duties: report.roster.on_duty().count(),
            conflicts: report.conflicts,
            horizon: report.horizon,
            loads: report.loads,
            holiday_gap: report.holiday_gap,
        }
    }
}

#[tauri::command]
pub fn roster_generate(state: State<AppState>, id: i64) -> Reply<RosterSummary> {
    reply(state.store()?.generate_roster(id)).map(RosterSummary::from)
}

/// How far the roster reaches (an open-ended period's horizon).
#[tauri::command]
pub fn roster_horizon(state: State<AppState>, id: i64) -> Reply<Horizon> {
    reply(state.store()?.roster_horizon(id))
}

/// Years the roster's days reach without a recorded holiday list.
#[tauri::command]
pub fn roster_holiday_gap(state: State<AppState>, id: i64) -> Reply<Option<HolidayGap>> {
    reply(state.store()?.roster_holiday_gap(id))
}

/// Extends an open-ended period's roster through `until`.
#[tauri::command]
pub fn roster_extend(state: State<AppState>, id: i64, until: NaiveDate) -> Reply<RosterSummary> {
    reply(state.store()?.extend_roster(id, until)).map(RosterSummary::from)
}

#[tauri::command]
pub fn agency_grid(state: State<AppState>, id: i64, agency_id: i64) -> Reply<AgencyGrid> {
    reply(state.store()?.agency_grid(id, agency_id))
}

#[tauri::command]
pub fn roster_edit(state: State<AppState>, id: i64, edit: RosterEdit) -> Reply<Vec<String>> {
    reply(state.store()?.edit_roster(id, &edit))
}

#[tauri::command]
pub fn status_list(
    state: State<AppState>,
    id: i64,
    date: NaiveDate,
    agency_id: Option<i64>,
) -> Reply<Vec<StatusRow>> {
    reply(state.store()?.statuses(id, date, agency_id))
}

#[tauri::command]
pub fn absences_list(state: State<AppState>) -> Reply<Vec<Absence>> {
    reply(state.store()?.absences())
}

#[tauri::command]
pub fn absence_save(state: State<AppState>, absence: NewAbsence) -> Reply<Absence> {
    reply(state.store()?.add_absence(&absence))
}

#[tauri::command]
pub fn absence_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store()?.delete_absence(id))
}

/// Imports an absence CSV chosen by the user; how many were recorded, or `None`.
#[tauri::command]
pub async fn absences_import_csv(state: State<'_, AppState>) -> Reply<Option<usize>> {
    let Some(path) = pick_file(&state, "Impor ketidakhadiran (CSV)", "CSV", &["csv", "txt"]).await
    else {
        return Ok(None);
    };
    let bytes = read(
        &path,
        edaran_core::files::MAX_LIST_CSV_BYTES,
        "berkas ketidakhadiran (CSV)",
    )?;
    reply(state.store()?.import_absences(&bytes)).map(Some)
}

/// The roster as XLSX, CSV or PDF lampiran, saved where the user says.
#[tauri::command]
pub async fn roster_export(
    state: State<'_, AppState>,
    id: i64,
    format: RosterFormat,
    paper: PaperSize,
) -> Reply<Option<String>> {
    let (bytes, stem) = {
        let store = state.store()?;
        let (bytes, _) = reply(store.roster_file(id, format, paper))?;
        (bytes, reply(store.circular(id))?.summary.file_stem())
    };
    let extension = format.extension();
    let path = save_as(
        &state,
        "Simpan jadwal piket",
        &format!("Jadwal piket {stem}.{extension}"),
        (format.label(), extension),
        bytes,
    )
    .await?;
    Ok(path.map(|p| p.display().to_string()))
}

/// A file chosen for import, with what the mapping step shows.
#[derive(Serialize, ts_rs::TS)]
pub struct ImportStart {
    path: String,
    file_name: String,
    preview: ImportPreview,
}

#[tauri::command]
pub async fn employees_import_pick(state: State<'_, AppState>) -> Reply<Option<ImportStart>> {
    let Some(path) = pick_file(
        &state,
        "Impor pegawai (CSV atau XLSX)",
        "Data pegawai",
        &["csv", "xlsx", "txt"],
    )
    .await
    else {
        return Ok(None);
    };
    let path = state.choose(path);
    let file = read_import(path.clone()).await?;
    let preview = reply(import::preview_import(&*state.store()?, &file))?;
    Ok(Some(ImportStart {
        path: path.display().to_string(),
        file_name: file.name,
        preview,
    }))
}

/// Imports the chosen file, read again from `path`: all rows or none.
#[tauri::command]
pub async fn employees_import(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: ColumnMapping,
    create_missing: bool,
) -> Reply<ImportSummary> {
    let file = read_import(state.chosen(&path)?).await?;
    reply(import::import_employees(
        &mut *state.store()?,
        &file,
        &mapping,
        create_missing,
    ))
}

/// Reads and parses an import file off the UI thread, without the store.
async fn read_import(path: PathBuf) -> Reply<ImportFile> {
    tauri::async_runtime::spawn_blocking(move || reply(ImportFile::read(&path)))
        .await
        .map_err(|e| {
            ErrorReport::from(&edaran_core::Error::Refused {
                code: ErrorCode::ImporGagal,
                message: format!("Pembacaan berkas impor terhenti: {e}"),
            })
        })?
}

#[derive(Deserialize, ts_rs::TS)]
pub struct NoticeSigning {
    certificate_id: i64,
    passphrase: String,
}

#[derive(Deserialize, ts_rs::TS)]
pub struct NoticeOptions {
    per_employee: bool,
    paper: PaperSize,
    sign: Option<NoticeSigning>,
}

/// Asks for a folder, then writes the notices of issued circular `id` into
/// it off the UI thread, emitting `notices-progress` after each document.
#[tauri::command]
pub async fn notices_save(
    app: AppHandle,
    id: i64,
    options: NoticeOptions,
) -> Reply<Option<Written>> {
    let stem = reply(app.state::<AppState>().store()?.circular(id))?
        .summary
        .file_stem();
    let Some(folder) = rfd::AsyncFileDialog::new()
        .set_title("Pilih folder untuk pemberitahuan")
        .pick_folder()
        .await
        .map(|f| f.path().to_path_buf())
    else {
        return Ok(None);
    };
    let merged = folder.join(format!("Pemberitahuan {stem}.pdf"));
    let worker = app.clone();
    let written = tauri::async_runtime::spawn_blocking(move || {
        let state = worker.state::<AppState>();
        state.cancel_notices.store(false, Ordering::Relaxed);
        let request = NoticeRequest {
            per_employee: options.per_employee,
            merged,
            paper: options.paper,
            signing: options
                .sign
                .as_ref()
                .map(|s| (s.certificate_id, s.passphrase.as_str())),
        };
        // The store is held only to gather and to record, not while writing,
        // so the other pages stay usable during a long batch.
        let batch = state.store()?.notice_batch(id, request)?;
        let written = batch.write(&state.cancel_notices, |p| {
            let _ = worker.emit("notices-progress", p);
        })?;
        state.store()?.record_notices(&batch, &written)?;
        Ok(written)
    })
    .await
    .expect("the notices worker does not panic");
    reply(written).map(Some)
}

/// Stops the running notices batch before its next document.
#[tauri::command]
pub fn notices_cancel(state: State<AppState>) {
    state.cancel_notices.store(true, Ordering::Relaxed);
}
