//! Edaran desktop app: opens the office database and serves the UI.
//! Everything it does is in `edaran-core`; the command modules only adapt.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod bindings;
mod circulars;
mod commands;
mod dialogs;
mod rules;
mod shared;
mod signing;
mod state;
mod tracking;

use std::path::{Path, PathBuf};

use edaran_core::db::ConnectionInfo;
use edaran_core::{ErrorCode, ErrorReport};
use std::sync::Mutex;

use tauri::{Emitter, Manager};
use tauri_plugin_window_state::StateFlags;

include!("command_list.rs");

/// The invoke handler of every command in `command_list.rs`.
macro_rules! handler {
    ($($module:ident::$name:ident,)+) => {
        tauri::generate_handler![$(crate::$module::$name),+]
    };
}

fn main() {
    let opened = open(&edaran_core::paths::database_path(db_flag()));
    tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        // The window opens at the size it was closed with (not its position:
        // a laptop taken off its second screen would open it out of sight).
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(StateFlags::SIZE | StateFlags::MAXIMIZED)
                .build(),
        )
        .manage(state::AppState {
            opened: Mutex::new(opened),
            cancel_notices: Default::default(),
            chosen: Default::default(),
        })
        .on_window_event(|window, event| {
            // Dropped files become chosen paths before the page hears of them.
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                let state = window.state::<state::AppState>();
                let paths: Vec<String> = paths
                    .iter()
                    .map(|p| state.choose(p.clone()).display().to_string())
                    .collect();
                let _ = window.emit(state::FILES_DROPPED, paths);
            }
        })
        .invoke_handler(app_commands!(handler))
        .run(tauri::generate_context!())
        .expect("Edaran gagal dijalankan");
}

/// The database at `path`, or, when it is a shared server that wants a
/// password (none given, none remembered: it is never stored) or cannot be
/// reached now, the sign-in the window opens on. Any other failure is said
/// in a message box and ends the app.
fn open(path: &Path) -> state::Opened {
    let error = match edaran_core::open_with_demo(path) {
        Ok(store) => return state::Opened::ready(store),
        Err(e) => e,
    };
    let server = path
        .to_str()
        .filter(|t| ConnectionInfo::is_connection_string(t))
        .and_then(|t| ConnectionInfo::parse(t).ok());
    let waits = matches!(
        error.code(),
        ErrorCode::KataSandiServer | ErrorCode::ServerTerputus
    );
    match server {
        Some(info) if waits => state::Opened::SignIn {
            info,
            reason: ErrorReport::from(&error),
        },
        _ => {
            let message = format!(
                "Basis data {} tidak dapat dibuka.\n\n{error}",
                edaran_core::paths::shown(path)
            );
            eprintln!("{message}");
            rfd::MessageDialog::new()
                .set_title("Edaran")
                .set_description(&message)
                .set_level(rfd::MessageLevel::Error)
                .show();
            std::process::exit(1);
        }
    }
}

/// `--db PATH` or `--db=PATH` from the command line.
fn db_flag() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.to_str().and_then(|a| a.strip_prefix("--db=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}
