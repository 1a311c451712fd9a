//! Native file dialogs (GTK on Linux, through rfd): choose a file to read,
//! or a place to write one.

use std::path::{Path, PathBuf};

use edaran_core::Error;
use edaran_core::ErrorCode;

use crate::state::{reply, AppState, Reply};

/// After a dialog: it lists folders and may open and close the database's
/// own files (GTK sniffs content types), which drops this process's SQLite
/// locks on them, so the store takes them afresh before anyone else can
/// act as if the app were gone.
fn dialog_closed(state: &AppState) {
    if let Err(e) = state.store().and_then(|mut store| store.reopen()) {
        eprintln!("Basis data tidak dapat dibuka ulang: {e}");
    }
}

/// Asks for a file to open; `None` when cancelled.
pub async fn pick_file(
    state: &AppState,
    title: &str,
    filter: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    let file = rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter(filter, extensions)
        .pick_file()
        .await;
    dialog_closed(state);
    file.map(|f| f.path().to_path_buf())
}

/// Asks where to save, proposing `name`; `None` when cancelled.
pub async fn save_path(
    state: &AppState,
    title: &str,
    name: &str,
    filter: (&str, &str),
) -> Option<PathBuf> {
    let file = rfd::AsyncFileDialog::new()
        .set_title(title)
        .set_file_name(name)
        .add_filter(filter.0, &[filter.1])
        .save_file()
        .await;
    dialog_closed(state);
    file.map(|f| f.path().to_path_buf())
}

/// Reads a chosen file of at most `max_bytes` (a `files::MAX_…` limit);
/// `what` names it in messages. A folder, FIFO or device is refused.
pub fn read(path: &Path, max_bytes: u64, what: &str) -> Reply<Vec<u8>> {
    reply(edaran_core::files::read_limited(path, max_bytes, what))
}

/// Asks where to save and writes `bytes` there; the path, or `None` when cancelled.
pub async fn save_as(
    state: &AppState,
    title: &str,
    name: &str,
    filter: (&str, &str),
    bytes: Vec<u8>,
) -> Reply<Option<PathBuf>> {
    let Some(path) = save_path(state, title, name, filter).await else {
        return Ok(None);
    };
    reply(std::fs::write(&path, bytes).map_err(|e| Error::Refused {
        code: ErrorCode::GagalMenulis,
        message: format!("Berkas {} tidak dapat ditulis: {e}", path.display()),
    }))?;
    Ok(Some(path))
}
