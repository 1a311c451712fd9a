//! The `edaran` CLI for tracking periods on the demo office: arrangements
//! and alerts on chosen days, one-step extensions, the holiday calendar,
//! search, and backups.

use edaran_tests::{demo_database, edaran, edaran_json};
use serde_json::Value;

fn numbers(links: &Value) -> Vec<String> {
    links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["number"].as_str().unwrap_or("draf").to_string())
        .collect()
}

#[test]
fn periods_show_the_chain_working_days_left_and_alerts() {
    let (_dir, db) = demo_database();
    let board = edaran_json(&db, &["periods", "--at", "2020-04-20"]);
    let active = &board["active"][0];
    assert_eq!(active["number"], "800/2/BKPSDM/2020");
    assert_eq!(active["position"], "Perpanjangan ke-1");
    // 20–28 April 2020: seven weekdays, no holidays.
    assert_eq!(active["working_days_left"], 7);
    let chain = &board["chains"][active["chain"].as_u64().unwrap() as usize];
    assert_eq!(
        numbers(&chain["links"]),
        ["800/1/BKPSDM/2020", "800/2/BKPSDM/2020", "draf"]
    );
    assert_eq!(board["alerts"].as_array().unwrap().len(), 0);

    // The drafted extension should have started on 29 April.
    let late = edaran_json(&db, &["periods", "--at", "2020-04-30"]);
    let alert = &late["alerts"][0];
    assert_eq!(alert["kind"], "draf_lewat");
    assert_eq!(alert["action"], "buka_draf");
    assert!(alert["message"]
        .as_str()
        .unwrap()
        .contains("mulai berlaku 29 April 2020"));
    let table = edaran(&db, &["periods", "--at", "2020-04-30"]);
    assert!(
        table.ok && table.stdout.contains("Draf melewati tanggal mulai"),
        "{}",
        table.stdout
    );
    // The command line says which command does the task, not the app's button.
    let draft = alert["circular_id"].as_i64().unwrap();
    assert!(
        table.stdout.contains(&format!(
            "Terbitkan draf atau ubah periodenya: edaran circular issue {draft} --date TTTT-BB-HH"
        )),
        "{}",
        table.stdout
    );
    assert!(!table.stdout.contains("Buka"), "{}", table.stdout);
}

#[test]
fn extend_by_number_counts_working_days_over_the_may_holidays() {
    let (dir, db) = demo_database();
    // The demo already holds a draft extension of it: opened, not doubled.
    let again = edaran(
        &db,
        &["extend", "800/2/BKPSDM/2020", "--working-days", "10"],
    );
    assert!(again.ok, "{}", again.stderr);
    assert!(
        again.stdout.starts_with(
            "Draf perpanjangan dari 800/2/BKPSDM/2020 (periode 29 April – 13 Mei 2020) sudah ada; dibuka."
        ),
        "{}",
        again.stdout
    );
    let run = edaran(
        &db,
        &[
            "extend",
            "800/2/BKPSDM/2020",
            "--working-days",
            "10",
            "--another",
        ],
    );
    assert!(run.ok, "{}", run.stderr);
    assert_ne!(run.stdout.lines().last(), again.stdout.lines().last());
    let id = run.stdout.lines().last().unwrap().trim().to_string();
    let file = dir.path().join("perpanjangan.json");
    let export = edaran(
        &db,
        &["circular", "export", &id, "-o", file.to_str().unwrap()],
    );
    assert!(export.ok, "{}", export.stderr);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // From 29 April: 1 May (Labour Day) and 7 May (Waisak) are off.
    let period = &doc["circular"]["period"];
    assert_eq!(period["start"], "2020-04-29");
    assert_eq!(period["end"], "2020-05-14");
    let refused = edaran(&db, &["extend", &id]);
    assert!(!refused.ok);
    assert!(
        refused
            .stderr
            .contains("hanya dapat dibuat dari surat edaran yang terbit"),
        "{}",
        refused.stderr
    );
}

#[test]
fn holidays_import_amends_the_year_and_reports_bad_rows_by_line() {
    let (dir, db) = demo_database();
    let good = dir.path().join("libur-2021.csv");
    std::fs::write(
        &good,
        "tanggal,nama,jenis,sumber\n01-01-2021,Tahun Baru 2021 Masehi,libur_nasional,SKB 2021\n\
         2021-02-12,Tahun Baru Imlek 2572,libur_nasional,SKB 2021\n",
    )
    .unwrap();
    let run = edaran(&db, &["holidays", "import", good.to_str().unwrap()]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains("\"SKB 2021\" (2021): 2 hari libur"),
        "{}",
        run.stdout
    );
    let list = edaran_json(&db, &["holidays", "list", "--year", "2021"]);
    assert_eq!(list.as_array().unwrap().len(), 2);

    let bad = dir.path().join("rusak.csv");
    std::fs::write(
        &bad,
        "tanggal;nama;jenis;sumber\n2021-03-11;Isra Mikraj;libur_nasional;SKB 2021 perubahan\n2021-02-30;Mustahil;libur_nasional;SKB 2021 perubahan\n",
    )
    .unwrap();
    let run = edaran(&db, &["holidays", "import", bad.to_str().unwrap()]);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("baris 3, kolom tanggal"),
        "{}",
        run.stderr
    );
    assert_eq!(
        edaran_json(&db, &["holidays", "list", "--year", "2021"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let out = dir.path().join("ekspor.csv");
    assert!(
        edaran(
            &db,
            &[
                "holidays",
                "export",
                "--year",
                "2020",
                "-o",
                out.to_str().unwrap()
            ]
        )
        .ok
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 22);
}

#[test]
fn search_finds_a_number_and_backup_restore_round_trips() {
    let (dir, db) = demo_database();
    let hits = edaran_json(&db, &["search", "800/1/BKPSDM/2020", "--status", "terbit"]);
    assert_eq!(hits[0]["number"], "800/1/BKPSDM/2020");
    let wrong = edaran(&db, &["search", "x", "--status", "selesai"]);
    assert!(
        !wrong.ok
            && wrong
                .stderr
                .contains("Status surat edaran \"selesai\" tidak dikenal"),
        "{}",
        wrong.stderr
    );

    let copy = dir.path().join("cadangan.db");
    assert!(edaran(&db, &["backup", copy.to_str().unwrap()]).ok);
    let extended = edaran(&db, &["extend", "800/2/BKPSDM/2020", "--another"]);
    assert!(extended.ok, "{}", extended.stderr);
    let before = edaran_json(&db, &["circulars"]).as_array().unwrap().len();
    let run = edaran(&db, &["restore", copy.to_str().unwrap()]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains("Basis data sebelumnya disimpan di"),
        "{}",
        run.stdout
    );
    assert_eq!(
        edaran_json(&db, &["circulars"]).as_array().unwrap().len(),
        before - 1
    );

    let foreign = dir.path().join("bukan.db");
    std::fs::write(&foreign, "bukan basis data").unwrap();
    let run = edaran(&db, &["restore", foreign.to_str().unwrap()]);
    assert!(
        !run.ok && run.stderr.contains("bukan basis data SQLite atau rusak"),
        "{}",
        run.stderr
    );
    assert_eq!(
        edaran_json(&db, &["circulars"]).as_array().unwrap().len(),
        before - 1
    );
}

/// Every year from 2020 to 2026 is listed on a new database; a date in a
/// year without a list is named on stderr by `periods` and `roster`.
#[test]
fn a_year_without_a_holiday_list_is_warned_of_by_periods_and_roster() {
    let (dir, db) = demo_database();
    let christmas = edaran_json(&db, &["holidays", "list", "--year", "2026"]);
    assert!(christmas
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["date"] == "2026-12-25" && h["kind"] == "libur_nasional"));
    let warning =
        "Daftar hari libur tahun 2028 belum dicatat; hari kerja dihitung tanpa hari libur.";

    let listed = edaran(&db, &["periods", "--at", "2026-12-01"]);
    assert!(listed.ok, "{}", listed.stderr);
    assert!(
        !listed.stderr.contains("Daftar hari libur"),
        "{}",
        listed.stderr
    );
    let unlisted = edaran(&db, &["periods", "--at", "2028-03-01"]);
    assert!(unlisted.ok, "{}", unlisted.stderr);
    assert!(unlisted.stderr.contains(warning), "{}", unlisted.stderr);

    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("muba-800-439-bkpsdm-2020.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    doc["circular"]["period"] = serde_json::json!({ "start": "2028-01-10", "end": "2028-01-21" });
    let file = dir.path().join("2028.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let imported = edaran(&db, &["circular", "import", file.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    let id = imported.stdout.lines().last().unwrap().trim().to_string();
    let roster = edaran(&db, &["roster", &id, "--format", "json"]);
    assert!(roster.ok, "{}", roster.stderr);
    assert!(roster.stderr.contains(warning), "{}", roster.stderr);
    let report: serde_json::Value = serde_json::from_str(&roster.stdout).unwrap();
    assert_eq!(report["holiday_gap"]["years"], serde_json::json!([2028]));
}
