//! What the app keeps while it runs: the store (or the shared server it
//! waits to sign in to), and the files the user chose.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};

use edaran_core::db::ConnectionInfo;
use edaran_core::{ErrorCode, ErrorReport, Store};

/// The office's database, or the shared server that asked for a password
/// (or was not reached) at start: then nothing is open until the clerk
/// signs in, and every command but the sign-in is refused.
pub enum Opened {
    Ready(Store),
    SignIn {
        info: ConnectionInfo,
        /// What the server said at the last try.
        reason: ErrorReport,
    },
}

impl Opened {
    /// `store`, open for work once today's backup is made (the day's first
    /// opening writes it; a failed backup is reported, not fatal).
    pub fn ready(store: Store) -> Opened {
        let rotation = edaran_core::paths::daily_backup_dir(&store.location());
        if let Err(e) = store.daily_backup(&rotation, chrono::Local::now().date_naive()) {
            eprintln!("Cadangan harian di {} gagal: {e}", rotation.display());
        }
        Opened::Ready(store)
    }
}

/// The open store, held for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Opened>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Opened::Ready(store) => store,
            Opened::SignIn { .. } => unreachable!("a guard is only made for an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Opened::Ready(store) => store,
            Opened::SignIn { .. } => unreachable!("a guard is only made for an open store"),
        }
    }
}

pub struct AppState {
    pub opened: Mutex<Opened>,
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
    /// What is open, held. A panic while holding the lock cannot leave the
    /// database half-written (every change is one statement or one
    /// transaction), so go on.
    pub fn opened(&self) -> MutexGuard<'_, Opened> {
        self.opened
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The open store; refused while the shared server waits for sign-in.
    pub fn store(&self) -> edaran_core::Result<StoreGuard<'_>> {
        let opened = self.opened();
        match &*opened {
            Opened::Ready(_) => Ok(StoreGuard(opened)),
            Opened::SignIn { info, .. } => Err(edaran_core::Error::Refused {
                code: ErrorCode::BelumMasukServer,
                message: format!(
                    "Edaran belum masuk ke basis data bersama {}; isi kata sandinya di layar awal.",
                    info.public()
                ),
            }),
        }
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
