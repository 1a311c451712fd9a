//! What the app keeps while it runs: the store, and the files the user chose.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};

use edaran_core::{ErrorCode, ErrorReport, Store};

pub struct AppState {
    pub store: Mutex<Store>,
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
