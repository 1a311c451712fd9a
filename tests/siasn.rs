//! A civil-service (SIASN) bulk export as it is downloaded — 2,000 rows,
//! uppercase headers, no eselon column, a few retired or deceased — goes
//! through `edaran import employees export.csv` with no mapping file.

use edaran_core::import::sample::siasn_export;
use edaran_tests::{edaran, edaran_json};
use serde_json::Value;

#[test]
fn a_siasn_export_imports_as_downloaded_skipping_inactive_rows_with_eselon_from_positions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("edaran.db");
    let sample = siasn_export(2_000);
    let file = dir.path().join("export.csv");
    std::fs::write(&file, &sample.csv).unwrap();
    let path = file.to_str().unwrap();
    let active = 2_000 - sample.inactive_lines.len();

    // Agencies unknown to a fresh database are not made up without consent:
    // refused by line and column, nothing saved.
    let refused = edaran(&db, &["import", "employees", path]);
    assert!(!refused.ok);
    assert!(
        refused
            .stderr
            .contains("baris 2, kolom SATUAN KERJA KERJA NAMA: Perangkat daerah \"Sekretariat Daerah\" belum terdaftar"),
        "{}",
        refused.stderr
    );
    assert!(edaran_json(&db, &["employees"])
        .as_array()
        .unwrap()
        .is_empty());

    let run = edaran(&db, &["import", "employees", path, "--create-missing"]);
    assert!(run.ok, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains(&format!(
            "Impor selesai: {active} pegawai baru, 0 diperbarui."
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "Dibuat: {} perangkat daerah,",
            sample.agencies.len()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "Dilewati (bukan pegawai aktif): {} baris.",
            sample.inactive_lines.len()
        )),
        "{out}"
    );
    // Line 44 is the 43rd data row, retired; line 79 a deceased one.
    assert!(out.contains("  baris 44: NIP "), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("  baris 44: ")
            && l.ends_with("Sudah pensiun (kedudukan hukum \"Pensiun\"); tidak diimpor.")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("  baris 79: ") && l.contains("Sudah meninggal dunia")),
        "{out}"
    );
    assert!(
        out.contains("  Kepala Dinas Kesehatan → II.b (1 pegawai"),
        "{out}"
    );
    assert!(out.contains("  Sekretaris Daerah → II.a"), "{out}");
    assert!(out.contains("  Lurah Pasar Seroja → IV.a"), "{out}");

    let agencies = edaran_json(&db, &["agencies"]);
    let dinkes = agencies
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Dinas Kesehatan")
        .expect("Dinas Kesehatan created");
    assert_eq!(dinkes["kind"], "dinas");

    let people = edaran_json(&db, &["employees"]);
    let people = people.as_array().unwrap();
    assert_eq!(people.len(), active);
    let of = |kind: &str| people.iter().filter(|e| e["employment"] == kind).count();
    assert_eq!(of("cpns"), sample.cpns);
    assert_eq!(of("pns"), active - sample.cpns);
    let camat: Vec<&Value> = people
        .iter()
        .filter(|e| e["position_name"] == "Camat Seroja Hulu")
        .collect();
    assert_eq!(camat.len(), 1);
    assert_eq!(camat[0]["eselon"], "III.a");
    assert_eq!(camat[0]["position_kind"], "struktural");
    let structural = people.iter().filter(|e| !e["eselon"].is_null()).count();
    assert_eq!(structural, sample.structural);

    // The summary as JSON lists the skipped rows apart from any error.
    let again = edaran_json(&db, &["import", "employees", path]);
    assert_eq!(again["created"], 0);
    assert_eq!(again["updated"], active);
    let skipped = again["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), sample.inactive_lines.len());
    assert_eq!(skipped[0]["line"], 44);
    assert!(skipped[0]["nip"].as_str().unwrap().len() == 18);
}
