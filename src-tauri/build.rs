//! The app package's build script (its manifest is the root `Cargo.toml`,
//! beside `tauri.conf.json`): declares the app's own commands (from
//! `src/command_list.rs`), so the capabilities in `src-tauri/capabilities`
//! can grant exactly those.

include!("src/command_list.rs");

/// The command names, as `AppManifest::commands` wants them.
macro_rules! names {
    ($($module:ident::$name:ident,)+) => {
        &[$(stringify!($name)),+]
    };
}

const COMMANDS: &[&str] = app_commands!(names);

fn main() {
    println!("cargo:rerun-if-changed=ui/dist");
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
