//! Tauri commands: each parses its input, calls one core function and maps
//! the error to `{ code, message, field?, rows? }`.

use edaran_core::agency::{Agency, AgencyInput, Unit, UnitInput};
use edaran_core::calendar::Holiday;
use edaran_core::classification::Classification;
use edaran_core::db::Location;
use edaran_core::employee::{Employee, EmployeeInput};
use edaran_core::office::{OfficeProfile, Signatory, SignatoryInput};
use edaran_core::reference::{reference_data as core_reference_data, ReferenceData};
use edaran_core::store::{CircularSummary, Deleted, EmployeeFilter, EmployeePage, Overview};
use edaran_core::{ErrorReport, Store};
use serde::Serialize;
use tauri::State;

use crate::state::{reply, AppState, Opened, Reply};

/// What lists compare to know another workstation changed something.
#[tauri::command]
pub fn data_stamp(state: State<AppState>) -> Reply<String> {
    reply(state.store()?.data_stamp())
}

#[tauri::command]
pub fn overview(state: State<AppState>) -> Reply<Overview> {
    reply(state.store()?.overview())
}

#[tauri::command]
pub fn reference_data() -> ReferenceData {
    core_reference_data()
}

/// Classification codes matching what the clerk typed (words of the name, the start of a code).
#[tauri::command]
pub fn classifications(query: String) -> Vec<&'static Classification> {
    edaran_core::classification::search(&query, 30)
}

#[derive(Serialize, ts_rs::TS)]
pub struct DatabaseInfo {
    /// The file's path, or the shared server without its password.
    path: String,
    /// True on the office's shared server.
    shared: bool,
    /// Set while the shared server waits for the clerk to sign in: what it
    /// said at the last try (a password asked, a wrong one, not reached).
    sign_in: Option<ErrorReport>,
}

#[tauri::command]
pub fn database_info(state: State<AppState>) -> DatabaseInfo {
    match &*state.opened() {
        Opened::Ready(store) => DatabaseInfo {
            path: store.location().to_string(),
            shared: store.is_shared(),
            sign_in: None,
        },
        Opened::SignIn { info, reason } => DatabaseInfo {
            path: Location::Server(info.public()).to_string(),
            shared: true,
            sign_in: Some(reason.clone()),
        },
    }
}

/// The profile with its emblem as a data URL and a sample letter number.
#[derive(Serialize, ts_rs::TS)]
pub struct OfficeView {
    profile: Option<OfficeProfile>,
    emblem: Option<String>,
    number_example: Option<String>,
}

fn office_view(store: &Store) -> edaran_core::Result<OfficeView> {
    let profile = store.office()?;
    let emblem = match store.emblem()? {
        Some(bytes) => Some(edaran_core::image::data_url(&bytes)?),
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
pub fn office_get(state: State<AppState>) -> Reply<OfficeView> {
    reply(office_view(&*state.store()?))
}

#[tauri::command]
pub fn office_save(state: State<AppState>, profile: OfficeProfile) -> Reply<OfficeView> {
    let mut store = state.store()?;
    reply(
        store
            .save_office(&profile)
            .and_then(|_| office_view(&store)),
    )
}

/// Asks for an image with the native dialog (off the GTK main thread) and
/// stores it as the emblem; `None` when the user cancels.
#[tauri::command]
pub async fn office_pick_emblem(state: State<'_, AppState>) -> Reply<Option<OfficeView>> {
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
    let mut store = state.store()?;
    reply(
        store
            .set_emblem(Some(&bytes))
            .and_then(|_| office_view(&store))
            .map(Some),
    )
}

#[tauri::command]
pub fn office_clear_emblem(state: State<AppState>) -> Reply<Deleted> {
    reply(state.store()?.remove_emblem())
}

#[tauri::command]
pub fn agencies_list(state: State<AppState>, query: String) -> Reply<Vec<Agency>> {
    reply(state.store()?.agencies(&query))
}

#[tauri::command]
pub fn agency_save(state: State<AppState>, input: AgencyInput) -> Reply<Agency> {
    reply(state.store()?.save_agency(&input))
}

#[tauri::command]
pub fn agency_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store()?.delete_agency(id))
}

#[tauri::command]
pub fn units_list(state: State<AppState>, agency_id: i64) -> Reply<Vec<Unit>> {
    reply(state.store()?.units(agency_id))
}

#[tauri::command]
pub fn unit_save(state: State<AppState>, input: UnitInput) -> Reply<Unit> {
    reply(state.store()?.save_unit(&input))
}

#[tauri::command]
pub fn unit_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store()?.delete_unit(id))
}

#[tauri::command]
pub fn employees_list(state: State<AppState>, filter: EmployeeFilter) -> Reply<EmployeePage> {
    reply(state.store()?.employees(&filter))
}

#[tauri::command]
pub fn employee_save(state: State<AppState>, input: EmployeeInput) -> Reply<Employee> {
    reply(state.store()?.save_employee(&input))
}

#[tauri::command]
pub fn employee_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store()?.delete_employee(id))
}

#[tauri::command]
pub fn signatories_list(state: State<AppState>) -> Reply<Vec<Signatory>> {
    reply(state.store()?.signatories())
}

#[tauri::command]
pub fn signatory_save(state: State<AppState>, input: SignatoryInput) -> Reply<Signatory> {
    reply(state.store()?.save_signatory(&input))
}

#[tauri::command]
pub fn signatory_delete(state: State<AppState>, id: i64) -> Reply<Deleted> {
    reply(state.store()?.delete_signatory(id))
}

/// Undoes deletion `token` (*Urungkan*): what the core says was put back.
#[tauri::command]
pub fn deleted_restore(state: State<AppState>, token: i64) -> Reply<String> {
    reply(state.store()?.restore_deleted(token))
}

#[tauri::command]
pub fn holidays_list(state: State<AppState>, year: Option<i32>) -> Reply<Vec<Holiday>> {
    reply(state.store()?.holidays(year))
}

#[tauri::command]
pub fn circulars_list(state: State<AppState>) -> Reply<Vec<CircularSummary>> {
    reply(state.store()?.circulars())
}
