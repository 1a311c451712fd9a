//! Commands of Beranda, Kalender and the care of the database: the
//! dashboard, extensions, search, holiday decrees, settings and backups.

use chrono::NaiveDate;
use edaran_core::calendar::{holidays_to_csv, HolidayDecree, NewHoliday};
use edaran_core::circular::Relation;
use edaran_core::store::{Derived, Extension, Restored, SearchFilter, SearchHit};
use edaran_core::tracking::Dashboard;
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::dialogs::{pick_file, read, save_as, save_path};
use crate::state::{reply, AppState, Reply};

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Arrangements, chains and alerts on `at` (today when absent).
#[tauri::command]
pub fn dashboard(state: State<AppState>, at: Option<NaiveDate>) -> Reply<Dashboard> {
    reply(state.store()?.dashboard(at.unwrap_or_else(today)))
}

#[tauri::command]
pub fn circular_extend(
    state: State<AppState>,
    id: i64,
    extension: Extension,
    actor: String,
    another: Option<bool>,
) -> Reply<Derived> {
    reply(state.store()?.draft_from(
        id,
        Relation::Perpanjangan,
        extension,
        another.unwrap_or(false),
        today(),
        &actor,
    ))
}

#[tauri::command]
pub fn circulars_search(
    state: State<AppState>,
    query: String,
    filter: SearchFilter,
) -> Reply<Vec<SearchHit>> {
    reply(state.store()?.search_circulars(&query, &filter))
}

#[tauri::command]
pub fn holiday_decrees(state: State<AppState>, year: Option<i32>) -> Reply<Vec<HolidayDecree>> {
    reply(state.store()?.holiday_decrees(year))
}

/// Records an amendment: the full list of the year's days off under a new decree.
#[tauri::command]
pub fn holiday_decree_save(
    state: State<AppState>,
    year: i32,
    title: String,
    days: Vec<NewHoliday>,
) -> Reply<i64> {
    reply(state.store()?.record_decree(year, &title, &days))
}

/// Imports a holiday CSV chosen by the user; the decrees recorded, or `None`.
#[tauri::command]
pub async fn holidays_import_csv(state: State<'_, AppState>) -> Reply<Option<Vec<i64>>> {
    let Some(path) = pick_file(&state, "Impor hari libur (CSV)", "CSV", &["csv", "txt"]).await
    else {
        return Ok(None);
    };
    let bytes = read(
        &path,
        edaran_core::files::MAX_LIST_CSV_BYTES,
        "berkas hari libur (CSV)",
    )?;
    reply(state.store()?.import_holidays_csv(&bytes)).map(Some)
}

#[tauri::command]
pub async fn holidays_export_csv(
    state: State<'_, AppState>,
    year: Option<i32>,
) -> Reply<Option<String>> {
    let list = reply(state.store()?.holidays(year))?;
    let name = match year {
        Some(y) => format!("Hari libur {y}.csv"),
        None => "Hari libur.csv".into(),
    };
    let path = save_as(
        &state,
        "Ekspor hari libur",
        &name,
        ("CSV", "csv"),
        holidays_to_csv(&list).into_bytes(),
    )
    .await?;
    Ok(path.map(|p| p.display().to_string()))
}

#[derive(Serialize, Deserialize, ts_rs::TS)]
pub struct Settings {
    pub alert_working_days: u32,
    /// The *petugas* of the last workflow step, offered in the next dialog
    /// (kept by the core as it records the audit log; not saved from here).
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub last_actor: String,
}

#[tauri::command]
pub fn settings_get(state: State<AppState>) -> Reply<Settings> {
    let store = state.store()?;
    Ok(Settings {
        alert_working_days: reply(store.alert_working_days())?,
        last_actor: reply(store.last_actor())?,
    })
}

#[tauri::command]
pub fn settings_save(state: State<AppState>, settings: Settings) -> Reply<()> {
    reply(
        state
            .store()?
            .set_alert_working_days(settings.alert_working_days),
    )
}

/// *Cadangkan*: a consistent copy of the open database where the user says.
#[tauri::command]
pub async fn backup_save(state: State<'_, AppState>) -> Reply<Option<String>> {
    let name = format!("Cadangan Edaran {}.db", today());
    let Some(path) = save_path(
        &state,
        "Cadangkan basis data",
        &name,
        ("Basis data Edaran", "db"),
    )
    .await
    else {
        return Ok(None);
    };
    reply(state.store()?.backup_to(&path))?;
    Ok(Some(path.display().to_string()))
}

/// *Pulihkan*: replaces the database with a checked backup chosen by the user.
#[tauri::command]
pub async fn backup_restore(state: State<'_, AppState>) -> Reply<Option<Restored>> {
    let Some(path) = pick_file(
        &state,
        "Pulihkan basis data dari cadangan",
        "Basis data Edaran",
        &["db", "sqlite"],
    )
    .await
    else {
        return Ok(None);
    };
    reply(edaran_core::files::check_regular_file(
        &path,
        "berkas cadangan",
    ))?;
    reply(state.store()?.restore_from(&path)).map(Some)
}
