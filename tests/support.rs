//! Helpers shared by the whole-product tests: where the built binaries are,
//! and running the `edaran` CLI on a temporary database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `target/<profile>/NAME`, next to the test executable's `deps` folder.
/// The binaries are built by the README's test command before the tests run.
pub fn built_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} belum dibangun: jalankan `cargo build --workspace` dulu (scripts/test.sh melakukannya).",
        path.display()
    );
    path
}

/// One run of the CLI: exit status, stdout, stderr.
pub struct Run {
    pub ok: bool,
    /// The exit code; `None` when a signal ended the process.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            ok: o.status.success(),
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Runs `edaran --db DB ARGS…` with no `EDARAN_DB` in its environment.
pub fn edaran(db: &Path, args: &[&str]) -> Run {
    Command::new(built_binary("edaran"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("EDARAN_DB")
        .output()
        .expect("edaran runs")
        .into()
}

/// `edaran … --format json` parsed, asserting success.
pub fn edaran_json(db: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = edaran(db, &all);
    assert!(run.ok, "edaran {args:?} failed: {}", run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON output")
}

/// A fresh database filled with the demo office, in its own temporary folder.
pub fn demo_database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("edaran.db");
    let run = edaran(&db, &["demo"]);
    assert!(run.ok, "demo failed: {}", run.stderr);
    (dir, db)
}

/// Runs an installed tool (pdftotext, qpdf…) and returns its output; a
/// failure fails the test with the tool's message.
pub fn tool(program: &str, args: &[&str]) -> String {
    let o = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        o.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A binary PPM (P6) image: width, height, RGB bytes.
pub fn ppm(path: &Path) -> (usize, usize, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap();
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[at + 1..].to_vec())
}
