//! Later 2020 circulars at the command line: shift groups, bounds on the
//! share in the office, and absences the roster works around.

use edaran_tests::{demo_database, edaran, edaran_json};
use serde_json::{json, Value};

/// The Muba circular (13–29 May 2020) in two shift groups of each Bidang,
/// at least a fifth of each agency in the office, imported as a draft.
fn shift_circular(dir: &std::path::Path, db: &std::path::Path) -> String {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("muba-800-439-bkpsdm-2020.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    doc["circular"]["rules"] = json!({
        "top_levels": 1,
        "picket": {
            "per_day": 1,
            "unit_kinds": ["bidang"],
            "groups": [
                { "name": "A", "pattern": "hari_tertentu", "weekdays": ["senin", "rabu", "jumat"] },
                { "name": "B", "pattern": "hari_tertentu", "weekdays": ["selasa", "kamis"] }
            ]
        },
        "min_share_percent": 20
    });
    let file = dir.join("bergiliran.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let imported = edaran(db, &["circular", "import", file.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    imported.stdout.lines().last().unwrap().trim().to_string()
}

#[test]
fn shift_groups_come_in_on_their_days_the_roster_names_them_and_an_absence_keeps_one_home() {
    let (dir, db) = demo_database();
    let id = shift_circular(dir.path(), &db);
    let statuses = |date: &str| -> Vec<Value> {
        edaran_json(&db, &["status", &id, "--date", date])
            .as_array()
            .unwrap()
            .clone()
    };
    // Wednesday 13 May: group A is in; Thursday 14 May: group B.
    let wednesday = statuses("2020-05-13");
    let in_a = wednesday
        .iter()
        .find(|r| {
            r["nip"].is_string()
                && r["reason"]
                    .as_str()
                    .unwrap()
                    .starts_with("Kelompok A bekerja di kantor pada hari Senin, Rabu, dan Jumat")
        })
        .expect("someone of group A in on Wednesday")
        .clone();
    assert_eq!(in_a["status"], "piket");
    let nip = in_a["nip"].as_str().unwrap().to_string();
    let same = |rows: &[Value]| {
        rows.iter()
            .find(|r| r["nip"] == nip.as_str())
            .unwrap()
            .clone()
    };
    let thursday = same(&statuses("2020-05-14"));
    assert_eq!(thursday["status"], "wfh", "{thursday}");
    assert!(thursday["reason"]
        .as_str()
        .unwrap()
        .contains("Kelompok A bekerja di kantor pada hari Senin, Rabu, dan Jumat"));

    // On leave for a week from Monday 18 May: not in on Wednesday 20 May.
    let added = edaran(
        &db,
        &[
            "absences",
            "add",
            &nip,
            "--from",
            "2020-05-18",
            "--to",
            "2020-05-22",
            "--reason",
            "cuti",
            "--note",
            "tahunan",
        ],
    );
    assert!(added.ok, "{}", added.stderr);
    assert!(
        added
            .stdout
            .contains("cuti, tahunan (18 Mei 2020 s.d. 22 Mei 2020)"),
        "{}",
        added.stdout
    );
    let listed = edaran_json(&db, &["absences", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert!(edaran(&db, &["roster", &id]).ok);
    let away = same(&statuses("2020-05-20"));
    assert_eq!(away["status"], "berhalangan", "{away}");
    assert!(away["reason"].as_str().unwrap().contains("cuti, tahunan"));

    // The roster file names each duty's group, and never the absent person that week.
    let csv = dir.path().join("piket.csv");
    assert!(edaran(&db, &["roster", &id, "-o", csv.to_str().unwrap()]).ok);
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let head: Vec<&str> = lines.next().unwrap().split(';').collect();
    let group = head
        .iter()
        .position(|h| *h == "Kelompok")
        .expect("a Kelompok column");
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
    assert!(rows
        .iter()
        .all(|r| r[group] == "Kelompok A" || r[group] == "Kelompok B"));
    assert!(rows.iter().any(|r| r[group] == "Kelompok B"));
    assert!(!rows
        .iter()
        .any(|r| r.contains(&nip.as_str()) && r[0] == "20-05-2020"));
}

#[test]
fn an_absence_file_with_bad_rows_is_refused_row_by_row_and_nothing_is_kept() {
    let (dir, db) = demo_database();
    let people = edaran_json(&db, &["employees"]);
    let nip = people
        .as_array()
        .unwrap()
        .iter()
        .find_map(|p| p["nip"].as_str())
        .unwrap()
        .to_string();
    let file = dir.path().join("cuti.csv");
    std::fs::write(
        &file,
        format!("nip;mulai;selesai;alasan;keterangan\n{nip};2020-05-18;2020-05-22;cuti;tahunan\n199001012015031999;2020-05-18;;sakit;\n{nip};21-05-2020;;dinas luar;\n{nip};2020-05-25;2020-05-20;izin;\n"),
    )
    .unwrap();
    let run = edaran(&db, &["absences", "import", file.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for expected in [
        "3",
        "4",
        "5",
        "tidak terdaftar",
        "sudah tercatat cuti",
        "\"izin\" tidak dikenal",
    ] {
        assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
    }
    let listed = edaran_json(&db, &["absences", "list"]);
    assert!(
        listed.as_array().unwrap().is_empty(),
        "nothing half-imported"
    );
    std::fs::write(
        &file,
        format!("nip;mulai;selesai;alasan\n{nip};2020-05-18;2020-05-22;cuti\n"),
    )
    .unwrap();
    let run = edaran(&db, &["absences", "import", file.to_str().unwrap()]);
    assert!(
        run.ok && run.stdout.contains("1 ketidakhadiran diimpor"),
        "{}",
        run.stderr
    );
}
