//! The installers' configuration, checked without building them (that takes
//! a release build; `scripts/package.sh` does it): what Tauri's bundler reads
//! from the root `tauri.conf.json` is there and says what the offices need.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use edaran_tests::tool;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn conf() -> Value {
    json("tauri.conf.json")
}

fn strings(value: &Value) -> Vec<&str> {
    let list = value.as_array().expect("a list");
    list.iter().map(|v| v.as_str().expect("text")).collect()
}

/// The workspace's packages as `cargo metadata` sees them.
fn packages() -> Vec<Value> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = tool(&cargo, &["metadata", "--no-deps", "--format-version", "1"]);
    let meta: Value = serde_json::from_str(&out).unwrap();
    meta["packages"].as_array().unwrap().clone()
}

fn bin_names(package: &Value) -> Vec<String> {
    let targets = package["targets"].as_array().unwrap();
    targets
        .iter()
        .filter(|t| strings(&t["kind"]).contains(&"bin"))
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_app_package_is_beside_the_conf_as_the_tauri_cli_requires() {
    let manifest = root().join("Cargo.toml").canonicalize().unwrap();
    let packages = packages();
    let app = packages
        .iter()
        .find(|p| Path::new(p["manifest_path"].as_str().unwrap()) == manifest)
        .expect("the root Cargo.toml holds a package, not only the workspace");
    assert_eq!(app["name"], "edaran-app");
    assert_eq!(bin_names(app), ["edaran-app"]);
    // Versions come from Cargo alone: the conf must not state its own.
    assert!(conf().get("version").is_none());
}

#[test]
fn installers_for_linux_and_windows_are_configured() {
    let conf = conf();
    let bundle = &conf["bundle"];
    assert_eq!(
        strings(&bundle["targets"]),
        ["deb", "rpm", "appimage", "nsis", "msi"]
    );
    let windows = &bundle["windows"];
    // Office PCs often give clerks no administrator rights.
    assert_eq!(windows["nsis"]["installMode"], "currentUser");
    assert_eq!(strings(&windows["nsis"]["languages"]), ["Indonesian"]);
    assert_eq!(windows["webviewInstallMode"]["type"], "embedBootstrapper");
}

#[test]
fn every_file_the_bundler_reads_is_there() {
    let conf = conf();
    let bundle = &conf["bundle"];
    let mut files: Vec<&str> = strings(&bundle["icon"]);
    files.push(bundle["linux"]["deb"]["desktopTemplate"].as_str().unwrap());
    files.push(bundle["linux"]["rpm"]["desktopTemplate"].as_str().unwrap());
    let custom = bundle["windows"]["nsis"]["customLanguageFiles"]
        .as_object()
        .unwrap();
    files.extend(custom.values().map(|v| v.as_str().unwrap()));
    files.push(bundle["windows"]["nsis"]["installerIcon"].as_str().unwrap());
    for file in files {
        assert!(root().join(file).is_file(), "{file} is missing");
    }
    // The built UI lands in a folder of the UI project, relative to the conf.
    let dist = root().join(conf["build"]["frontendDist"].as_str().unwrap());
    assert!(dist.parent().unwrap().join("package.json").is_file());
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[1..4], b"PNG");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn icons_come_in_the_sizes_their_names_and_windows_promise() {
    let icons = root().join("icons");
    for (name, side) in [("32x32.png", 32), ("128x128.png", 128), ("icon.png", 256)] {
        let bytes = std::fs::read(icons.join(name)).unwrap();
        assert_eq!(png_size(&bytes), (side, side), "{name}");
    }
    // The .ico: the sizes Explorer, the taskbar and the installer pick from.
    let ico = std::fs::read(icons.join("icon.ico")).unwrap();
    assert_eq!(&ico[..4], [0, 0, 1, 0]);
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    let sides: BTreeSet<u32> = (0..count)
        .map(|i| match ico[6 + 16 * i] {
            0 => 256,
            side => side as u32,
        })
        .collect();
    for side in [16, 32, 48, 256] {
        assert!(sides.contains(&side), "icon.ico lacks {side}px: {sides:?}");
    }
    assert_eq!(
        &std::fs::read(icons.join("icon.icns")).unwrap()[..4],
        b"icns"
    );
}

#[test]
fn the_cli_goes_in_as_the_edaran_sidecar() {
    let sidecar = json("src-tauri/packaging/cli-sidecar.json");
    let paths = strings(&sidecar["bundle"]["externalBin"]);
    assert_eq!(paths, ["target/sidecar/edaran"]);
    let packages = packages();
    let cli = packages.iter().find(|p| p["name"] == "edaran-cli").unwrap();
    // The installed name is the sidecar's file name: the CLI's own.
    assert_eq!(bin_names(cli), ["edaran"]);
}

#[test]
fn the_menu_entry_is_worded_in_indonesian_around_tauris_fields() {
    let text = std::fs::read_to_string(root().join("src-tauri/packaging/edaran.desktop")).unwrap();
    for line in [
        "Name={{name}}",
        "GenericName=Surat Edaran Kepegawaian",
        "Comment={{comment}}",
        "Exec={{exec}}",
        "Icon={{icon}}",
    ] {
        assert!(text.lines().any(|l| l == line), "no {line:?} in\n{text}");
    }
}

/// The keys of Tauri 2's own installer messages (its `English.nsh`).
const TAURI_NSIS_MESSAGES: [&str; 28] = [
    "addOrReinstall",
    "alreadyInstalled",
    "alreadyInstalledLong",
    "appRunning",
    "noPermissionToCloseApp",
    "appRunningOkKill",
    "chooseMaintenanceOption",
    "chooseHowToInstall",
    "createDesktop",
    "dontUninstall",
    "dontUninstallDowngrade",
    "failedToKillApp",
    "installingWebview2",
    "newerVersionInstalled",
    "older",
    "olderOrUnknownVersionInstalled",
    "silentDowngrades",
    "unableToUninstall",
    "uninstallApp",
    "uninstallBeforeInstalling",
    "unknown",
    "webview2AbortError",
    "webview2DownloadError",
    "webview2DownloadSuccess",
    "webview2Downloading",
    "webview2InstallError",
    "webview2InstallSuccess",
    "deleteAppData",
];

#[test]
fn the_windows_installer_speaks_indonesian_for_every_tauri_message() {
    let conf = conf();
    let path = conf["bundle"]["windows"]["nsis"]["customLanguageFiles"]["Indonesian"]
        .as_str()
        .unwrap();
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let mut keys = BTreeSet::new();
    for line in text.lines().filter(|l| l.starts_with("LangString ")) {
        let mut words = line.split_whitespace().skip(1);
        let key = words.next().unwrap();
        assert_eq!(words.next(), Some("${LANG_INDONESIAN}"), "{line}");
        assert!(line.ends_with('"'), "{line}");
        assert!(keys.insert(key), "{key} twice");
    }
    assert_eq!(keys, BTreeSet::from(TAURI_NSIS_MESSAGES));
    compiles_with_nsis(&text);
}

/// Compiles `messages` with makensis, warnings as errors, in an installer
/// that shows every one, as Tauri includes them: after NSIS's own
/// Indonesian, written out with a BOM.
fn compiles_with_nsis(messages: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Indonesian.nsh"),
        format!("\u{feff}{messages}"),
    )
    .unwrap();
    let shown: String = TAURI_NSIS_MESSAGES
        .iter()
        .map(|key| format!("  DetailPrint \"$({key})\"\n"))
        .collect();
    let script = format!(
        r#"Unicode true
!define PRODUCTNAME "Edaran"
!define VERSION "0.1.0"
Name "${{PRODUCTNAME}}"
OutFile "pesan.exe"
RequestExecutionLevel user
!include MUI2.nsh
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"
!include "Indonesian.nsh"
Section
{shown}SectionEnd
"#
    );
    std::fs::write(dir.path().join("setup.nsi"), script).unwrap();
    let out = Command::new("makensis")
        .args(["-V2", "-WX", "setup.nsi"])
        .current_dir(dir.path())
        .output()
        .expect("makensis (scripts/setup.sh test installs nsis)");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
