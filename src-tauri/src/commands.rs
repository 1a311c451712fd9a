//! Tauri commands: each parses its input, calls one core function and maps
//! the error to `{ code, message, field?, rows? }`.

use edaran_core::ErrorCode;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};

use base64::Engine;
use edaran_core::agency::{Agency, AgencyInput, Unit, UnitInput};
use edaran_core::calendar::Holiday;
use edaran_core::classification::Classification;
use edaran_core::employee::{Employee, EmployeeInput};
use edaran_core::office::{OfficeProfile, Signatory, SignatoryInput};
use edaran_core::reference::{reference_data as core_reference_data, ReferenceData};
use edaran_core::store::{CircularSummary, Deleted, EmployeeFilter, EmployeePage, Overview};
use edaran_core::{ErrorReport, Store};
use serde::Serialize;
use tauri::State;

pub struct AppState {
    pub store: Mutex<Store>,
    pub path: PathBuf,
    /// Set by `notices_cancel`; the running notices batch stops at the next document.
    pub cancel_notices: AtomicBool,
    /// Files the user chose in a native dialog or dropped on the window:
    /// the only paths a command accepts back from the webview.
    pub chosen: Mutex<Vec<PathBuf>>,
}

/// Event with the paths of files dropped on the window (already chosen).
pub const FILES_DROPPED: &str = "berkas-dijatuhkan";

/// How many chosen paths are remembered.
const CHOSEN_KEPT: usize = 16;

pub type Reply<T> = Result<T, ErrorReport>;

impl AppState {
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (every change is one statement or one transaction), so go on.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Remembers a path the user chose (dialog or drop) and returns it.
    pub fn choose(&self, path: PathBuf) -> PathBuf {
        let mut chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
        chosen.retain(|p| p != &path);
        if chosen.len() == CHOSEN_KEPT {
            chosen.remove(0);
        }
        chosen.push(path.clone());
        path
    }

    /// `path` if the user chose it; any other string from the webview is refused.
    pub fn chosen(&self, path: &Path) -> Reply<PathBuf> {
        let chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
        match chosen.iter().find(|p| p.as_path() == path) {
            Some(p) => Ok(p.clone()),
            None => reply(Err(edaran_core::Error::Refused {
                code: ErrorCode::BerkasTidakDipilih,
                message: format!(
                    "Berkas {} tidak dipilih lewat dialog atau diseret ke jendela; pilih berkasnya lagi.",
                    path.display()
                ),
            })),
        }
    }
}

pub fn reply<T>(result: edaran_core::Result<T>) -> Reply<T> {
    result.map_err(|e| ErrorReport::from(&e))
}

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        overview,
        reference_data,
        classifications,
        database_info,
        office_get,
        office_save,
        office_pick_emblem,
        office_clear_emblem,
        agencies_list,
        agency_save,
        agency_delete,
        units_list,
        unit_save,
        unit_delete,
        employees_list,
        employee_save,
        employee_delete,
        signatories_list,
        signatory_save,
        signatory_delete,
        deleted_restore,
        holidays_list,
        circulars_list,
        crate::circulars::circular_get,
        crate::circulars::circular_new,
        crate::circulars::circular_edit,
        crate::circulars::circular_compose,
        crate::circulars::circular_preview,
        crate::circulars::circular_initial,
        crate::circulars::circular_issue,
        crate::circulars::circular_issue_checklist,
        crate::circulars::circular_record,
        crate::circulars::srikandi_pdf_pick,
        crate::circulars::circular_record_srikandi,
        crate::circulars::registers_list,
        crate::circulars::register_save,
        crate::circulars::circular_derive,
        crate::circulars::circular_delete,
        crate::circulars::circular_cancel_number,
        crate::circulars::circular_audit,
        crate::circulars::signature_for,
        crate::circulars::letterhead_for,
        crate::circulars::register_list,
        crate::circulars::circular_save_pdf,
        crate::circulars::circular_save_docx,
        crate::circulars::circular_save_srikandi,
        crate::circulars::circular_export_json,
        crate::circulars::circular_import_json,
        crate::circulars::register_export,
        crate::rules::rules_get,
        crate::rules::rules_save,
        crate::rules::rules_insert_clauses,
        crate::rules::circular_conflicts,
        crate::rules::roster_generate,
        crate::rules::roster_horizon,
        crate::rules::roster_holiday_gap,
        crate::rules::roster_extend,
        crate::rules::agency_grid,
        crate::rules::roster_edit,
        crate::rules::roster_export,
        crate::rules::status_list,
        crate::rules::employees_import_pick,
        crate::rules::employees_import,
        crate::rules::notices_save,
        crate::rules::notices_cancel,
        crate::rules::absences_list,
        crate::rules::absence_save,
        crate::rules::absence_delete,
        crate::rules::absences_import_csv,
        crate::signing::certificates_list,
        crate::signing::certificate_import,
        crate::signing::certificate_create_internal,
        crate::signing::certificate_remove,
        crate::signing::trusted_roots_list,
        crate::signing::trusted_root_import,
        crate::signing::trusted_root_remove,
        crate::signing::signing_certificates,
        crate::signing::circular_issue_signed,
        crate::signing::document_verify_pick,
        crate::signing::document_verify_path,
        crate::tracking::dashboard,
        crate::tracking::circular_extend,
        crate::tracking::circulars_search,
        crate::tracking::holiday_decrees,
        crate::tracking::holiday_decree_save,
        crate::tracking::holidays_import_csv,
        crate::tracking::holidays_export_csv,
        crate::tracking::settings_get,
        crate::tracking::settings_save,
        crate::tracking::backup_save,
        crate::tracking::backup_restore,
    ]
}

#[tauri::command]
fn overview(state: State<AppState>) -> Reply<Overview> {
    reply(state.store().overview())
}

#[tauri::command]
fn reference_data() -> ReferenceData {
    core_reference_data()
}

/// Classification codes matching what the clerk typed (words of the name, the start of a code).
#[tauri::command]
fn classifications(query: String) -> Vec<&'static Classification> {
    edaran_core::classification::search(&query, 30)
}

#[derive(Serialize, ts_rs::TS)]
struct DatabaseInfo {
    path: String,
}

#[tauri::command]
fn database_info(state: State<AppState>) -> DatabaseInfo {
    DatabaseInfo {
        path: state.path.display().to_string(),
    }
}

/// The profile with its emblem as a data URL and a sample letter number.
#[derive(Serialize, ts_rs::TS)]
struct OfficeView {
    profile: Option<OfficeProfile>,
    emblem: Option<String>,
    number_example: Option<String>,
}

fn office_view(store: &Store) -> edaran_core::Result<OfficeView> {
    let profile = store.office()?;
    let emblem = match store.emblem()? {
        Some(bytes) => Some(format!(
            "data:{};base64,{}",
            edaran_core::store::image_kind(&bytes)?,
            base64::engine::general_purpose::STANDARD.encode(&bytes)
        )),
        None => None,
    };
    let number_example = profile
        .as_ref()
        .and_then(|p| p.number_example(439, 2020, 5).ok());
    Ok(OfficeView {
        profile,
        emblem,
        number_example,
    })
}

#[tauri::command]
fn office_get(state: State<AppState>) -> Reply<OfficeView> {
    reply(office_view(&state.store()))
}

#[tauri::command]
fn office_save(state: State<AppState>, profile: OfficeProfile) -> Reply<OfficeView> {
    let mut store = state.store();
    reply(
        store
            .save_office(&profile)
            .and_then(|_| office_view(&store)),
    )
}

/// Asks for an image with the native dialog (off the GTK main thread) and
/// stores it as the emblem; `None` when the user cancels.
#[tauri::command]
async fn office_pick_emblem(state: State<'_, AppState>) -> Reply<Option<OfficeView>> {
    let Some(path) = crate::dialogs::pick_file(
        &state,
        "Pilih gambar lambang daerah",
        "Gambar PNG atau JPEG",
        &["png", "jpg", "jpeg"],
    )
    .await
    else {
        return Ok(None);
    };
    let bytes = crate::dialogs::read(&path, edaran_core::files::MAX_IMAGE_BYTES, "gambar lambang")?;
    let mut store = state.store();
    reply(
        store
            .set_emblem(Some(&bytes))
            .and_then(|_| office_view(&store))
            .map(Some),
    )
}

#[tauri::command]
fn office_clear_emblem(state: State<AppState>) -> Reply<Deleted> {
    reply(state.store().remove_emblem())
}

#[tauri::command]
fn agencies_list(state: State<AppState>, query: String) -> Reply<Vec<Agency>> {
    reply(state.store().agencies(&query))
}

#[tauri::command]
fn agency_save(state: State<AppState>, input: AgencyInput) -> Reply<Agency> {
    reply(state.store().save_agency(&input))
}

#[tauri::command]
fn agency_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store().delete_agency(id))
}

#[tauri::command]
fn units_list(state: State<AppState>, agency_id: i64) -> Reply<Vec<Unit>> {
    reply(state.store().units(agency_id))
}

#[tauri::command]
fn unit_save(state: State<AppState>, input: UnitInput) -> Reply<Unit> {
    reply(state.store().save_unit(&input))
}

#[tauri::command]
fn unit_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store().delete_unit(id))
}

#[tauri::command]
fn employees_list(state: State<AppState>, filter: EmployeeFilter) -> Reply<EmployeePage> {
    reply(state.store().employees(&filter))
}

#[tauri::command]
fn employee_save(state: State<AppState>, input: EmployeeInput) -> Reply<Employee> {
    reply(state.store().save_employee(&input))
}

#[tauri::command]
fn employee_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store().delete_employee(id))
}

#[tauri::command]
fn signatories_list(state: State<AppState>) -> Reply<Vec<Signatory>> {
    reply(state.store().signatories())
}

#[tauri::command]
fn signatory_save(state: State<AppState>, input: SignatoryInput) -> Reply<Signatory> {
    reply(state.store().save_signatory(&input))
}

#[tauri::command]
fn signatory_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store().delete_signatory(id))
}

/// Undoes deletion `token` (*Urungkan*): what the core says was put back.
#[tauri::command]
fn deleted_restore(state: State<AppState>, token: i64) -> Reply<String> {
    reply(state.store().restore_deleted(token))
}

#[tauri::command]
fn holidays_list(state: State<AppState>, year: Option<i32>) -> Reply<Vec<Holiday>> {
    reply(state.store().holidays(year))
}

#[tauri::command]
fn circulars_list(state: State<AppState>) -> Reply<Vec<CircularSummary>> {
    reply(state.store().circulars())
}
