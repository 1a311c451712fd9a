//! The office's shared server from this workstation: Pengaturan → *Basis
//! data bersama* (test it, copy this office to it, work on it from now on,
//! go back to this computer's file) and the sign-in at start. The address
//! is remembered without its password; the password is typed at each start
//! and lives only in the open connection.

use edaran_core::db::{ConnectionInfo, Location};
use edaran_core::{paths, Store};
use tauri::State;

use crate::state::{reply, AppState, Opened, Reply};

/// The server `address` names, with `password` typed for this call only.
fn server(address: &str, password: &str) -> Reply<ConnectionInfo> {
    reply(ConnectionInfo::parse(address.trim())).map(|info| info.with_password(password))
}

/// Runs `work` (which talks to the server) off the UI's thread.
async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> edaran_core::Result<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(move || reply(work()))
        .await
        .expect("pekerjaan dengan server selesai")
}

/// *Uji sambungan*: reaches the server and says what its database holds.
#[tauri::command]
pub async fn shared_db_check(address: String, password: String) -> Reply<String> {
    let info = server(&address, &password)?;
    off_thread(move || edaran_core::store::check_server(&info)).await
}

/// *Salin kantor ini ke server*: this workstation's database file copied
/// whole into the server's empty database; what arrived, counted.
#[tauri::command]
pub async fn shared_db_copy(
    state: State<'_, AppState>,
    address: String,
    password: String,
) -> Reply<String> {
    let info = server(&address, &password)?;
    let Location::File(from) = state.store()?.location() else {
        return reply(Err(edaran_core::Error::Refused {
            code: edaran_core::ErrorCode::BasisDataBerisi,
            message: "Komputer ini sudah memakai basis data bersama; salin kantor dari komputer yang masih memakai berkasnya sendiri.".into(),
        }));
    };
    let copied =
        off_thread(move || edaran_core::store::copy_office_to_server(&from, &info)).await?;
    let rows: i64 = copied.tables.iter().map(|(_, n)| n).sum();
    Ok(format!(
        "Kantor ini tersalin ke server: {rows} baris di {} tabel, cocok dengan sumbernya. Sekarang pilih “Pakai server ini di komputer ini” di setiap komputer kantor.",
        copied.tables.len()
    ))
}

/// *Pakai server ini di komputer ini*: this workstation works on the
/// server from now on (an empty database is set up for Edaran); the
/// address is remembered for the next start, the password is not (it is
/// asked then).
#[tauri::command]
pub async fn shared_db_use(
    state: State<'_, AppState>,
    address: String,
    password: String,
) -> Reply<String> {
    let info = server(&address, &password)?;
    let remembered = info.clone();
    // A database holding other tables is refused by the migrations, changing nothing.
    let store = off_thread(move || Store::connect(&info)).await?;
    reply(paths::remember_server(
        &paths::server_choice_file(),
        &remembered,
    ))?;
    let said = format!(
        "Komputer ini kini memakai basis data bersama {}. Kata sandinya tidak disimpan: Edaran menanyakannya setiap kali dibuka.",
        Location::Server(remembered.public())
    );
    *state.opened() = Opened::ready(store);
    Ok(said)
}

/// The sign-in at start: the password for the server that asked. A wrong
/// one is said at the password field and the sign-in stays.
#[tauri::command]
pub async fn shared_db_sign_in(state: State<'_, AppState>, password: String) -> Reply<()> {
    let info = match &*state.opened() {
        Opened::SignIn { info, .. } => info.clone().with_password(&password),
        Opened::Ready(_) => return Ok(()),
    };
    match off_thread(move || Store::connect(&info)).await {
        Ok(store) => {
            *state.opened() = Opened::ready(store);
            Ok(())
        }
        Err(refused) => {
            if let Opened::SignIn { reason, .. } = &mut *state.opened() {
                *reason = refused.clone();
            }
            Err(refused)
        }
    }
}

/// *Kembali ke berkas komputer ini*: the server is forgotten and this
/// computer's own file opens (filled with the demo office when new, as at
/// a first start).
#[tauri::command]
pub async fn shared_db_leave(state: State<'_, AppState>) -> Reply<String> {
    reply(paths::forget_server(&paths::server_choice_file()))?;
    let path = paths::default_database_path();
    let opening = path.clone();
    let store = off_thread(move || edaran_core::open_with_demo(&opening)).await?;
    *state.opened() = Opened::ready(store);
    Ok(format!(
        "Komputer ini kembali memakai basis data berkasnya sendiri: {}.",
        path.display()
    ))
}
