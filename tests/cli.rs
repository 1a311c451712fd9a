//! The `edaran` CLI end to end: demo office, lists, and the all-or-nothing
//! employee import, each on its own temporary database.

use edaran_tests::{demo_database, edaran, edaran_json};
use serde_json::Value;

fn employees(db: &std::path::Path) -> Vec<Value> {
    edaran_json(db, &["employees"])
        .as_array()
        .expect("list")
        .clone()
}

#[test]
fn demo_creates_a_realistic_office_with_valid_employees() {
    let (_dir, db) = demo_database();
    let agencies = edaran_json(&db, &["agencies"]);
    let agencies = agencies.as_array().unwrap();
    assert!(
        (24..=30).contains(&agencies.len()),
        "{} agencies",
        agencies.len()
    );
    for kind in [
        "sekretariat_daerah",
        "sekretariat_dprd",
        "inspektorat",
        "dinas",
        "badan",
        "satpol_pp",
        "rsud",
        "puskesmas",
        "kecamatan",
        "kelurahan",
    ] {
        assert!(
            agencies.iter().any(|a| a["kind"] == kind),
            "no agency of kind {kind}"
        );
    }
    assert!(
        agencies
            .iter()
            .all(|a| a["unit_count"].as_i64().unwrap() >= 2),
        "every agency has units"
    );

    let people = employees(&db);
    assert!(
        (550..=650).contains(&people.len()),
        "{} employees",
        people.len()
    );
    let of = |kind: &str| people.iter().filter(|e| e["employment"] == kind).count();
    assert!(
        of("pns") > 300 && of("pppk") > 20 && of("tenaga_kontrak") + of("ptt") + of("honorer") > 30
    );
    for e in &people {
        match e["employment"].as_str().unwrap() {
            "pns" | "cpns" | "pppk" => {
                let nip = e["nip"].as_str().expect("ASN have a NIP");
                assert_eq!(nip.len(), 18, "{nip}");
            }
            _ => assert!(e["nip"].is_null(), "non-ASN without NIP: {e}"),
        }
    }
    let nips: std::collections::HashSet<_> =
        people.iter().filter_map(|e| e["nip"].as_str()).collect();
    assert_eq!(
        nips.len(),
        people.iter().filter(|e| !e["nip"].is_null()).count(),
        "NIPs are unique"
    );
    let eselon2 = people
        .iter()
        .filter(|e| e["eselon"].as_str().is_some_and(|x| x.starts_with("II.")))
        .count();
    assert!(eselon2 >= 15, "heads of agencies at eselon II: {eselon2}");
}

#[test]
fn demo_refuses_a_database_that_already_has_data() {
    let (_dir, db) = demo_database();
    let run = edaran(&db, &["demo"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("sudah berisi data"), "{}", run.stderr);
}

#[test]
fn db_copy_moves_the_demo_office_onto_an_empty_server_and_the_cli_works_there() {
    let (_dir, db) = demo_database();
    let server = edaran_core::db::scratch::ScratchServer::shared().expect("server PostgreSQL uji");
    let url = server.create_database("cli_pindahan").unwrap();
    let to = std::path::Path::new(&url);
    let run = edaran(
        &db,
        &["db", "copy", "--from", db.to_str().unwrap(), "--to", &url],
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains("cocok dengan sumbernya"),
        "{}",
        run.stdout
    );
    assert_eq!(employees(to).len(), employees(&db).len());
    // Copied once: the filled server is refused, with nothing changed.
    let again = edaran(
        &db,
        &["db", "copy", "--from", db.to_str().unwrap(), "--to", &url],
    );
    assert!(!again.ok);
    assert!(
        again.stderr.contains("sudah berisi data kantor"),
        "{}",
        again.stderr
    );
    // A malformed address is named, not guessed.
    let wrong = edaran(
        std::path::Path::new("postgresql://edaran@server:lima/edaran"),
        &["circulars"],
    );
    assert!(!wrong.ok);
    assert!(
        wrong
            .stderr
            .contains("Alamat basis data bersama tidak dapat dibaca"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn the_database_location_comes_from_edaran_db_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dari-env.db");
    let out = std::process::Command::new(edaran_tests::built_binary("edaran"))
        .arg("demo")
        .env("EDARAN_DB", &db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(db.exists());
}

#[test]
fn a_database_written_by_a_newer_version_is_refused() {
    let (_dir, db) = demo_database();
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let run = edaran(&db, &["agencies"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("versi lebih baru"), "{}", run.stderr);
}

const HEADER: [&str; 11] = [
    "nip_baru",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "jenis_pegawai",
    "gol_akhir_nama",
    "jabatan_nama",
    "jenis_jabatan",
    "eselon",
    "satuan_kerja_kerja",
    "unor_nama",
];

/// Rows in the national export's layout, made from demo employees; the
/// position gets `suffix` so an applied import is visible.
fn export_rows(people: &[&Value], suffix: &str) -> Vec<Vec<String>> {
    people
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or("").to_string();
            vec![
                format!("'{}", s("nip")),
                format!("\"{}\"", s("name")),
                s("front_title"),
                format!("\"{}\"", s("back_title")),
                s("employment").to_uppercase(),
                s("golongan"),
                format!("\"{}{suffix}\"", s("position_name")),
                s("position_kind"),
                s("eselon"),
                format!("\"{}\"", s("agency_name")),
                format!("\"{}\"", s("unit_name")),
            ]
        })
        .collect()
}

fn to_csv(rows: &[Vec<String>], delimiter: &str) -> String {
    let mut out = HEADER.join(delimiter) + "\n";
    for row in rows {
        out += &(row.join(delimiter) + "\n");
    }
    out
}

fn asn(people: &[Value], n: usize) -> Vec<&Value> {
    people
        .iter()
        .filter(|e| e["employment"] == "pns")
        .take(n)
        .collect()
}

#[test]
fn an_import_with_three_bad_rows_reports_exactly_them_and_writes_nothing() {
    let (dir, db) = demo_database();
    let before = employees(&db);
    let mut rows = export_rows(&asn(&before, 50), " (diubah)");
    // File lines 8, 23 and 41 (the header is line 1) go bad, each in one column.
    rows[6][0] = "'19800101200501100".into();
    rows[21][5] = "III/e".into();
    rows[39][9] = "\"Dinas Yang Tidak Ada\"".into();
    let csv = to_csv(&rows, ",");
    let file = dir.path().join("pegawai.csv");
    std::fs::write(&file, &csv).unwrap();

    let run = edaran(&db, &["import", "employees", file.to_str().unwrap()]);
    assert!(!run.ok, "import must fail");
    let reported: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("baris "))
        .collect();
    assert_eq!(reported.len(), 3, "{}", run.stderr);
    assert!(
        reported[0].contains("baris 8, kolom nip_baru: NIP harus 18 digit"),
        "{}",
        reported[0]
    );
    assert!(
        reported[1].contains("baris 23, kolom gol_akhir_nama"),
        "{}",
        reported[1]
    );
    assert!(reported[2].contains("baris 41, kolom satuan_kerja_kerja: Perangkat daerah \"Dinas Yang Tidak Ada\" belum terdaftar"), "{}", reported[2]);
    assert!(run.stderr.contains("tidak ada data yang disimpan"));
    assert_eq!(employees(&db), before, "nothing changed");

    let json = edaran(
        &db,
        &[
            "import",
            "employees",
            file.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let report: Value = serde_json::from_str(&json.stderr).expect("JSON error report");
    assert_eq!(report["code"], "impor_gagal");
    assert_eq!(
        report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["line"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [8, 23, 41]
    );
}

#[test]
fn a_clean_import_updates_by_nip_and_never_duplicates() {
    let (dir, db) = demo_database();
    let before = employees(&db);
    let chosen = asn(&before, 20);
    let file = dir.path().join("pegawai.csv");
    // Pipe-delimited, with a byte-order mark, quoted values and leading apostrophes.
    std::fs::write(
        &file,
        format!("\u{feff}{}", to_csv(&export_rows(&chosen, " Ahli"), "|")),
    )
    .unwrap();
    for _ in 0..2 {
        let run = edaran(&db, &["import", "employees", file.to_str().unwrap()]);
        assert!(run.ok, "{}", run.stderr);
        assert!(
            run.stdout.contains("0 pegawai baru, 20 diperbarui"),
            "{}",
            run.stdout
        );
    }
    let after = employees(&db);
    assert_eq!(after.len(), before.len());
    let nip = chosen[0]["nip"].as_str().unwrap();
    let updated = after.iter().find(|e| e["nip"] == nip).unwrap();
    assert_eq!(
        updated["position_name"],
        format!("{} Ahli", chosen[0]["position_name"].as_str().unwrap())
    );
}

#[test]
fn a_file_without_required_columns_is_refused_by_name() {
    let (dir, db) = demo_database();
    let file = dir.path().join("salah.csv");
    std::fs::write(&file, "nip;nama\n197805122003121004;Budi\n").unwrap();
    let run = edaran(&db, &["import", "employees", file.to_str().unwrap()]);
    assert!(!run.ok);
    assert!(
        run.stderr.contains(
            "Kolom wajib tidak ditemukan: STATUS CPNS PNS (Jenis pegawai), JABATAN NAMA (Nama jabatan), SATUAN KERJA KERJA NAMA (Perangkat daerah)."
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_mapping_file_and_confirmation_bring_in_a_file_of_any_layout() {
    let (dir, db) = demo_database();
    let before = employees(&db);
    let nip = asn(&before, 1)[0]["nip"].as_str().unwrap().to_string();
    let file = dir.path().join("pegawai.csv");
    std::fs::write(
        &file,
        format!(
            "NOMOR;NAMA;STATUS;GOL;JABATAN;KANTOR;BAGIAN\n\
             '{nip};Budi Santoso;PNS;III/c;Analis;Dinas Perikanan;Bidang Budidaya\n"
        ),
    )
    .unwrap();
    let mapping = dir.path().join("pemetaan.json");
    std::fs::write(
        &mapping,
        r#"{"nip": "NOMOR", "name": "NAMA", "employment": "STATUS", "golongan": "GOL",
            "position_name": "JABATAN", "agency": "KANTOR", "unit": "BAGIAN"}"#,
    )
    .unwrap();
    let args = [
        "import",
        "employees",
        file.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
    ];
    let unconfirmed = edaran(&db, &args);
    assert!(!unconfirmed.ok);
    assert!(
        unconfirmed.stderr.contains(
            "baris 2, kolom KANTOR: Perangkat daerah \"Dinas Perikanan\" belum terdaftar"
        ),
        "{}",
        unconfirmed.stderr
    );
    assert_eq!(employees(&db), before, "nothing changed");

    let confirmed = edaran(&db, &[&args[..], &["--create-missing"]].concat());
    assert!(confirmed.ok, "{}", confirmed.stderr);
    assert!(
        confirmed.stdout.contains("0 pegawai baru, 1 diperbarui"),
        "{}",
        confirmed.stdout
    );
    assert!(
        confirmed
            .stdout
            .contains("Dibuat: 1 perangkat daerah, 1 unit"),
        "{}",
        confirmed.stdout
    );
    // The mapping is remembered: the same headers import without --mapping.
    let again = edaran(&db, &["import", "employees", file.to_str().unwrap()]);
    assert!(again.ok, "{}", again.stderr);
    let moved = employees(&db)
        .into_iter()
        .find(|e| e["nip"] == nip.as_str())
        .unwrap();
    assert_eq!(moved["agency_name"], "Dinas Perikanan");
    assert_eq!(moved["unit_name"], "Bidang Budidaya");
}

#[test]
fn a_broken_workbook_is_refused_naming_the_file() {
    let (dir, db) = demo_database();
    let file = dir.path().join("rekap pegawai.xlsx");
    std::fs::write(&file, b"PK\x03\x04 bukan buku kerja").unwrap();
    let run = edaran(&db, &["import", "employees", file.to_str().unwrap()]);
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("rekap pegawai.xlsx bukan buku kerja XLSX yang utuh"),
        "{}",
        run.stderr
    );
}

#[test]
fn demo_circulars_are_listed_exported_reimported_as_drafts_and_issued_with_the_next_number() {
    let (dir, db) = demo_database();
    let list = edaran_json(&db, &["circulars"]);
    let list = list.as_array().unwrap();
    let status: Vec<(&str, &str)> = list
        .iter()
        .rev()
        .map(|c| {
            (
                c["status"].as_str().unwrap(),
                c["number"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        status,
        [
            ("terbit", "800/1/BKPSDM/2020"),
            ("terbit", "800/2/BKPSDM/2020"),
            ("draf", "-")
        ]
    );

    let file = dir.path().join("se.json");
    assert!(
        edaran(
            &db,
            &["circular", "export", "1", "-o", file.to_str().unwrap()]
        )
        .ok
    );
    let imported = edaran(&db, &["circular", "import", file.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    let id = imported.stdout.lines().last().unwrap().trim().to_string();
    assert_eq!(id, "4");
    let issued = edaran(
        &db,
        &[
            "circular",
            "issue",
            &id,
            "--date",
            "2020-06-01",
            "--by",
            "Uji",
        ],
    );
    assert!(
        issued
            .stdout
            .contains("terbit dengan nomor 800/3/BKPSDM/2020"),
        "{}",
        issued.stdout
    );

    let again = edaran(&db, &["circular", "issue", "1"]);
    assert!(
        !again.ok && again.stderr.contains("sudah terbit dan tidak dapat diubah"),
        "{}",
        again.stderr
    );
}

#[test]
fn two_processes_issuing_at_once_never_share_or_skip_a_number() {
    let (dir, db) = demo_database();
    let file = dir.path().join("se.json");
    assert!(
        edaran(
            &db,
            &["circular", "export", "1", "-o", file.to_str().unwrap()]
        )
        .ok
    );
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (db, file) = (db.clone(), file.clone());
            std::thread::spawn(move || {
                for _ in 0..60 {
                    let imported = edaran(&db, &["circular", "import", file.to_str().unwrap()]);
                    assert!(imported.ok, "{}", imported.stderr);
                    let id = imported.stdout.lines().last().unwrap().trim().to_string();
                    let issued = edaran(&db, &["circular", "issue", &id, "--date", "2020-09-01"]);
                    assert!(issued.ok, "{}", issued.stderr);
                }
            })
        })
        .collect();
    workers.into_iter().for_each(|w| w.join().unwrap());
    let list = edaran_json(&db, &["circulars"]);
    let mut sequences: Vec<u32> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["number"].as_str())
        .map(|n| n.split('/').nth(1).unwrap().parse().unwrap())
        .collect();
    sequences.sort_unstable();
    assert_eq!(sequences, (1..=122).collect::<Vec<_>>());
}

#[test]
fn the_muba_fixture_rules_give_its_statuses_roster_and_conflicts_in_the_demo_office() {
    let (dir, db) = demo_database();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("muba-800-439-bkpsdm-2020.json");
    let imported = edaran(&db, &["circular", "import", fixture.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    let id = imported.stdout.lines().last().unwrap().trim().to_string();

    let rows = edaran_json(&db, &["status", &id, "--date", "2020-05-13"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), employees(&db).len());
    for row in rows {
        for key in ["nip", "name", "agency", "unit", "status", "reason"] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
    let count = |status: &str| rows.iter().filter(|r| r["status"] == status).count();
    let units: std::collections::HashSet<(String, String)> = rows
        .iter()
        .filter(|r| r["status"] == "piket")
        .map(|r| (r["agency"].to_string(), r["unit"].to_string()))
        .collect();
    assert!(count("piket") >= 2 * 20, "{}", count("piket"));
    assert_eq!(count("piket") + count("wfh"), rows.len());
    let piket = rows.iter().find(|r| r["status"] == "piket").unwrap();
    assert!(piket["reason"]
        .as_str()
        .unwrap()
        .contains("2 (dua) orang per unit per hari kerja"));
    assert!(!units.is_empty());

    let weekend = edaran_json(
        &db,
        &["status", &id, "--date", "2020-05-16", "--agency", "1"],
    );
    let weekend = weekend.as_array().unwrap();
    assert!(!weekend.is_empty() && weekend.iter().all(|r| r["status"] == "libur"));
    let after = edaran_json(&db, &["status", &id, "--date", "2020-06-02"]);
    assert!(after
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "di_luar_periode"));

    let xlsx = dir.path().join("piket.xlsx");
    let roster = edaran(&db, &["roster", &id, "-o", xlsx.to_str().unwrap()]);
    assert!(roster.ok, "{}", roster.stderr);
    // The first duty's date is a number Excel shows as a date, not text:
    // 13 May 2020 is Excel day 43964, styled with the sheet's date format.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    let a2 = &sheet[sheet.find("<c r=\"A2\"").unwrap()..];
    let a2 = &a2[..a2.find("</c>").unwrap()];
    assert!(!a2.contains("t=\"s\"") && !a2.contains("t=\"str\""), "{a2}");
    assert!(a2.contains("<v>43964</v>") && a2.contains(" s=\""), "{a2}");
    let csv = dir.path().join("piket.csv");
    assert!(edaran(&db, &["roster", &id, "-o", csv.to_str().unwrap()]).ok);
    let text = std::fs::read_to_string(&csv).unwrap();
    // The file's ending says its kind; an unknown one writes nothing.
    let odd = dir.path().join("piket.docx");
    let refused = edaran(&db, &["roster", &id, "-o", odd.to_str().unwrap()]);
    assert!(
        !refused.ok && refused.stderr.contains(".xlsx, .csv, atau .pdf"),
        "{}",
        refused.stderr
    );
    assert!(!odd.exists());
    // 11 working days from 13 to 29 May 2020 (Ascension and Idul Fitri excluded).
    let duties = text.lines().count() - 1;
    assert_eq!(
        duties,
        count("piket") * 11,
        "one day's duties × working days"
    );
    // The stored roster gives the same statuses.
    assert_eq!(
        edaran_json(&db, &["status", &id, "--date", "2020-05-13"]),
        serde_json::Value::Array(rows.clone())
    );

    // An agency that does not exist is an error, not an empty list.
    let unknown = edaran(
        &db,
        &["status", &id, "--date", "2020-05-13", "--agency", "999999"],
    );
    assert!(
        !unknown.ok && unknown.stderr.contains("Perangkat daerah dengan id 999999"),
        "{}",
        unknown.stderr
    );
    // Conflicts found: listed, and the exit code says so.
    let run = edaran(&db, &["conflicts", &id, "--format", "json"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let conflicts: Value = serde_json::from_str(&run.stdout).unwrap();
    let kinds: Vec<&str> = conflicts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"kantor_kosong"), "{kinds:?}");
    assert!(!kinds.contains(&"unit_kurang_pegawai"), "{kinds:?}");
}

/// A date written the way a clerk writes it is refused in Indonesian, naming
/// the argument and the form to use, before anything is opened.
#[test]
fn a_date_argument_in_another_form_is_refused_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidak-ada.db");
    for written in ["05-08-2020", "5 Agustus 2020", "2020/08/05"] {
        let run = edaran(&db, &["circular", "issue", "1", "--date", written]);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert!(
            run.stderr
                .contains(&format!("Galat: nilai \"{written}\" untuk --date"))
                && run.stderr.contains("TTTT-BB-HH, mis. 2020-07-28"),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("invalid value"), "{}", run.stderr);
    }
    assert!(!db.exists(), "nothing created for a refused command");
}

#[test]
fn extending_an_imported_hand_written_circular_gives_one_opening_one_closing_and_the_new_period() {
    let (dir, db) = demo_database();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("muba-800-439-bkpsdm-2020.json");
    let imported = edaran(&db, &["circular", "import", fixture.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    let id = imported.stdout.lines().last().unwrap().trim().to_string();
    let issued = edaran(&db, &["circular", "issue", &id, "--date", "2020-05-12"]);
    assert!(issued.ok, "{}", issued.stderr);
    let run = edaran(&db, &["extend", &id]);
    assert!(run.ok, "{}", run.stderr);
    let draft = run.stdout.lines().last().unwrap().trim().to_string();
    let file = dir.path().join("perpanjangan.json");
    let export = edaran(
        &db,
        &["circular", "export", &draft, "-o", file.to_str().unwrap()],
    );
    assert!(export.ok, "{}", export.stderr);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let texts: Vec<&str> = doc["circular"]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    let starting = |word: &str| texts.iter().filter(|t| t.starts_with(word)).count();
    assert_eq!(starting("Menindaklanjuti"), 1, "{texts:#?}");
    assert_eq!(starting("Demikian"), 1, "{texts:#?}");
    assert!(texts.last().unwrap().starts_with("Demikian"));
    assert!(
        !texts.iter().any(|t| t.contains("29 Mei 2020")),
        "the old period point is replaced: {texts:#?}"
    );
    assert!(
        texts[1].contains("terhitung mulai tanggal 30 Mei 2020 sampai dengan tanggal 15 Juni 2020"),
        "{texts:#?}"
    );
}

#[test]
fn sign_refuses_a_certificate_whose_owner_is_not_the_circulars_signer() {
    let (dir, db) = demo_database();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let run = |args: &[&str]| -> edaran_tests::Run {
        std::process::Command::new(edaran_tests::built_binary("edaran"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("EDARAN_TEST_PASS", "kata sandi uji")
            .output()
            .unwrap()
            .into()
    };
    let number = "800/1/BKPSDM/2020";
    let listed = edaran_json(&db, &["circulars"]);
    let id = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["number"] == number)
        .unwrap()["id"]
        .to_string();
    assert!(run(&["circular", "export", &id, "-o", &path("se.json")]).ok);
    assert!(run(&["render", &path("se.json"), "-o", &path("se.pdf")]).ok);
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path("se.json")).unwrap()).unwrap();
    let signer = doc["circular"]["signature"]["name"]
        .as_str()
        .unwrap()
        .to_string();

    // One certificate for the head of region who signs it, one for someone else.
    let mut store = edaran_core::Store::open(&db).unwrap();
    let people = store.signatories().unwrap();
    let signs = |s: &&edaran_core::office::Signatory| {
        signer.to_uppercase().contains(&s.name.to_uppercase())
    };
    let head = people.iter().find(signs).unwrap();
    let other = people.iter().find(|s| !signs(s)).unwrap();
    for (who, folder) in [(head, "kepala"), (other, "lain")] {
        let made = run(&[
            "cert",
            "new-internal",
            "--office",
            "Pemkab Tanjung Seroja",
            "--signer",
            &who.name,
            "--pass-env",
            "EDARAN_TEST_PASS",
            "-o",
            &path(folder),
        ]);
        assert!(made.ok, "{}", made.stderr);
        let p12 = std::fs::read(dir.path().join(folder).join("penanda-tangan.p12")).unwrap();
        store
            .import_certificate(who.id, &p12, "kata sandi uji")
            .unwrap();
    }
    drop(store);
    let sign = |folder: &str, out: &str, extra: &[&str]| {
        let p12 = dir.path().join(folder).join("penanda-tangan.p12");
        let mut args = vec![
            "sign",
            &path("se.pdf") as &str,
            "--p12",
            p12.to_str().unwrap(),
            "--pass-env",
            "EDARAN_TEST_PASS",
            "--circular",
            number,
            "-o",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        args.push(path(out));
        args.extend(extra.iter().map(|s| s.to_string()));
        run(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };

    let refused = sign("lain", "lain.pdf", &[]);
    assert!(!refused.ok);
    assert!(
        refused.stderr.contains("Sertifikat ini milik") && refused.stderr.contains(&signer),
        "{}",
        refused.stderr
    );
    assert!(!dir.path().join("lain.pdf").exists(), "nothing written");

    let allowed = sign("lain", "lain.pdf", &["--allow-other-signer"]);
    assert!(allowed.ok, "{}", allowed.stderr);
    assert!(allowed.stderr.contains("Peringatan"), "{}", allowed.stderr);

    let own = sign("kepala", "kepala.pdf", &[]);
    assert!(own.ok, "{}", own.stderr);
    // The QR carries the circular's number and signer.
    let verified = edaran(&db, &["verify", &path("kepala.pdf"), "--format", "json"]);
    let report: Value = serde_json::from_str(&verified.stdout).expect("JSON report");
    let qr = &report["signatures"][0]["qr"]["payload"];
    assert_eq!(qr["number"], number);
    assert_eq!(qr["signer"].as_str(), Some(signer.as_str()));
}

/// The latest day a conflict of circular `id` names (its exit code is 1).
fn last_conflict_day(db: &std::path::Path, id: &str) -> String {
    let run = edaran(db, &["conflicts", id, "--format", "json"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let conflicts: Value = serde_json::from_str(&run.stdout).unwrap();
    conflicts
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["dates"].as_array().unwrap().clone())
        .map(|d| d.as_str().unwrap().to_string())
        .max()
        .unwrap()
}

/// Muba's rules "until evaluated" from 8 June 2020: statuses on any day,
/// a roster through its horizon, extended with --until, conflicts through it.
#[test]
fn an_open_ended_circular_is_rostered_through_a_horizon_and_extended() {
    let (dir, db) = demo_database();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("muba-800-439-bkpsdm-2020.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    doc["circular"]["period"] = serde_json::json!({ "start": "2020-06-08", "end": null });
    let file = dir.path().join("sampai-dievaluasi.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let imported = edaran(&db, &["circular", "import", file.to_str().unwrap()]);
    assert!(imported.ok, "{}", imported.stderr);
    let id = imported.stdout.lines().last().unwrap().trim().to_string();
    let statuses = |date: &str| -> Vec<String> {
        edaran_json(&db, &["status", &id, "--date", date])
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(statuses("2020-08-31").iter().any(|s| s == "piket"));
    let beyond = statuses("2020-09-01");
    assert!(
        beyond.iter().any(|s| s == "belum_dijadwalkan"),
        "{beyond:?}"
    );
    assert!(!beyond.iter().any(|s| s == "piket"));
    assert_eq!(last_conflict_day(&db, &id), "2020-08-31");

    let run = edaran(&db, &["roster", &id, "--format", "json"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr.contains("disusun sampai dengan 31 Agustus 2020"),
        "{}",
        run.stderr
    );
    let first: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(first["horizon"]["until"], "2020-08-31");
    assert_eq!(first["horizon"]["open_ended"], true);

    let run = edaran(
        &db,
        &["roster", &id, "--until", "2020-09-30", "--format", "json"],
    );
    assert!(run.ok, "{}", run.stderr);
    let extended: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(extended["horizon"]["until"], "2020-09-30");
    let entries = |report: &Value, up_to: &str| -> Vec<Value> {
        report["roster"]["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["date"].as_str().unwrap() <= up_to)
            .cloned()
            .collect()
    };
    assert_eq!(
        entries(&extended, "2020-08-31"),
        entries(&first, "2020-08-31")
    );
    assert!(entries(&extended, "2020-09-30").len() > entries(&first, "2020-08-31").len());
    assert!(statuses("2020-09-01").iter().any(|s| s == "piket"));
    assert_eq!(last_conflict_day(&db, &id), "2020-09-30");

    let back = edaran(&db, &["roster", &id, "--until", "2020-09-15"]);
    assert!(
        !back.ok
            && back
                .stderr
                .contains("sudah disusun sampai dengan 30 September 2020"),
        "{}",
        back.stderr
    );
}

/// The demo office keeps BKPSDM's register and the Setda's Bagian
/// Organisasi's: each numbers its own sequence, a number given elsewhere is
/// recorded with its date (once per register), and an issue dated before a
/// register's last entry needs a stated reason.
#[test]
fn circulars_are_numbered_by_the_chosen_register_and_numbers_from_elsewhere_are_recorded() {
    let (dir, db) = demo_database();
    let registers = edaran_json(&db, &["registers"]);
    let names: Vec<&str> = registers
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Buku Agenda BKPSDM", "Bagian Organisasi Setda"]);

    let file = dir.path().join("se.json");
    let file = file.to_str().unwrap();
    assert!(edaran(&db, &["circular", "export", "1", "-o", file]).ok);
    let imported = edaran(&db, &["circular", "import", file]);
    assert!(
        imported
            .stderr
            .contains("Berkas ini bernomor 800/1/BKPSDM/2020")
            && imported
                .stderr
                .contains("diimpor sebagai draf tanpa nomor itu"),
        "the number left out is said: {}",
        imported.stderr
    );
    let draft = imported.stdout.lines().last().unwrap().trim().to_string();
    let issued = edaran(
        &db,
        &[
            "circular",
            "issue",
            &draft,
            "--date",
            "2020-06-01",
            "--register",
            "bagian organisasi setda",
        ],
    );
    assert!(
        issued.stdout.contains("terbit dengan nomor 061/1/ORG/2020"),
        "{} {}",
        issued.stdout,
        issued.stderr
    );

    let unknown = edaran(&db, &["circular", "issue", "3", "--register", "Setda"]);
    assert!(
        !unknown.ok && unknown.stderr.contains("Buku agenda \"Setda\" tidak ada"),
        "{}",
        unknown.stderr
    );

    // BKPSDM's last entry is 800/2/BKPSDM/2020 of 13 April 2020.
    let early = edaran(&db, &["circular", "issue", "3", "--date", "2020-04-01"]);
    assert!(
        !early.ok
            && early.stderr.contains(
                "lebih awal dari nomor terakhir buku agenda Buku Agenda BKPSDM: 800/2/BKPSDM/2020"
            ),
        "{}",
        early.stderr
    );
    assert_eq!(
        edaran_json(&db, &["circulars"]).as_array().unwrap()[1]["status"],
        "draf",
        "nothing issued"
    );
    let backdated = edaran(
        &db,
        &[
            "circular",
            "issue",
            "3",
            "--date",
            "2020-04-01",
            "--backdate-reason",
            "Ditandatangani Bupati 1 April",
        ],
    );
    assert!(
        backdated.stdout.contains("800/3/BKPSDM/2020"),
        "{}",
        backdated.stderr
    );

    let recorded = edaran(
        &db,
        &[
            "circular",
            "record",
            file,
            "--number",
            "061/412/ORG",
            "--date",
            "2020-07-28",
            "--register",
            "Bagian Organisasi Setda",
        ],
    );
    assert!(recorded.ok, "{}", recorded.stderr);
    assert!(
        recorded
            .stdout
            .contains("dicatat dengan nomor 061/412/ORG di buku agenda Bagian Organisasi Setda"),
        "{}",
        recorded.stdout
    );
    let id: i64 = recorded
        .stdout
        .lines()
        .last()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let list = edaran_json(&db, &["circulars"]);
    let it = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap();
    assert_eq!(
        (
            it["status"].as_str(),
            it["number"].as_str(),
            it["issued_on"].as_str()
        ),
        (Some("terbit"), Some("061/412/ORG"), Some("2020-07-28"))
    );
    let again = edaran(
        &db,
        &[
            "circular",
            "record",
            file,
            "--number",
            "061/412/org",
            "--date",
            "2020-07-29",
            "--register",
            "Bagian Organisasi Setda",
        ],
    );
    assert!(
        !again.ok
            && again
                .stderr
                .contains("Nomor 061/412/ORG sudah ada di buku agenda Bagian Organisasi Setda"),
        "{}",
        again.stderr
    );
    assert_eq!(
        edaran_json(&db, &["circulars"]).as_array().unwrap().len(),
        list.as_array().unwrap().len(),
        "a refused record imports nothing"
    );
    // The recorded circular is extended like one issued here, citing its number.
    let extended = edaran(&db, &["extend", &id.to_string()]);
    assert!(extended.ok, "{}", extended.stderr);
    let draft = extended.stdout.lines().last().unwrap().trim().to_string();
    let out = dir.path().join("perpanjangan.json");
    assert!(
        edaran(
            &db,
            &["circular", "export", &draft, "-o", out.to_str().unwrap()]
        )
        .ok
    );
    let text = std::fs::read_to_string(out).unwrap();
    assert!(
        text.contains("Nomor 061/412/ORG tanggal 28 Juli 2020"),
        "{text}"
    );
}

#[test]
fn issuing_says_the_checklists_warnings_and_still_issues() {
    let (_dir, db) = demo_database();
    let list = edaran_json(&db, &["circulars"]);
    let draft = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "draf")
        .unwrap();
    // The list names where a draft comes from and its period.
    assert_eq!(draft["origin"], "Perpanjangan dari 800/2/BKPSDM/2020");
    assert_eq!(draft["period_label"], "29 April – 13 Mei 2020");
    let id = draft["id"].to_string();
    let issued = edaran(&db, &["circular", "issue", &id, "--date", "2020-04-28"]);
    assert!(issued.ok, "{}", issued.stderr);
    assert!(
        issued
            .stderr
            .contains("Peringatan: Draf ini belum pernah diparaf."),
        "{}",
        issued.stderr
    );
    assert!(
        issued.stderr.contains("Peringatan: Kop belum berlambang"),
        "{}",
        issued.stderr
    );
    assert!(
        issued.stdout.contains("terbit dengan nomor"),
        "{}",
        issued.stdout
    );
}

#[test]
fn classification_codes_are_found_by_word_and_number_a_letter_apart_from_its_register() {
    let (_dir, db) = demo_database();
    let found = edaran(&db, &["klasifikasi", "cuti", "tahunan"]);
    assert!(found.ok, "{}", found.stderr);
    assert!(found.stdout.contains("800.1.11.4") && found.stdout.contains("Cuti Tahunan"));
    assert!(!found.stdout.contains("Cuti Sakit"), "{}", found.stdout);
    let typed = edaran_json(&db, &["klasifikasi", "000.8.3"]);
    assert_eq!(typed[0]["code"], "000.8.3");
    assert_eq!(typed[0]["name"], "Ketatalaksanaan");

    let draft = edaran_json(&db, &["circulars"])
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "draf")
        .unwrap()["id"]
        .to_string();
    let issue_as = |code: &str| {
        edaran(
            &db,
            &[
                "circular",
                "issue",
                &draft,
                "--date",
                "2020-04-28",
                "--klasifikasi",
                code,
            ],
        )
    };
    let refused = issue_as("800.1.x");
    assert!(
        !refused.ok
            && refused
                .stderr
                .contains("Kode klasifikasi \"800.1.x\" harus berupa angka bertitik"),
        "{}",
        refused.stderr
    );
    let issued = issue_as("800.1.11");
    assert!(
        issued.stdout.contains("terbit dengan nomor 800.1.11/"),
        "{} {}",
        issued.stdout,
        issued.stderr
    );
}

#[test]
fn a_number_from_srikandi_is_recorded_with_the_pdf_signed_there_kept_as_is() {
    let (dir, db) = demo_database();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let number = "800.1.11/123/BKPSDM/2026";
    let drafts = edaran_json(&db, &["circulars"]);
    let draft = drafts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "draf")
        .unwrap()["id"]
        .to_string();
    // SRIKANDI's PDF, near enough: the draft printed with SRIKANDI's number,
    // signed with a certificate of a root this office does not trust.
    assert!(
        edaran(
            &db,
            &["circular", "export", &draft, "-o", &path("draf.json")]
        )
        .ok
    );
    let mut doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path("draf.json")).unwrap()).unwrap();
    doc["circular"]["number"] = number.into();
    std::fs::write(path("srikandi.json"), doc.to_string()).unwrap();
    assert!(
        edaran(
            &db,
            &["render", &path("srikandi.json"), "-o", &path("cetak.pdf")]
        )
        .ok
    );
    let pass = [("EDARAN_TEST_PASS", "kata sandi uji")];
    let run = |args: &[&str]| -> edaran_tests::Run {
        std::process::Command::new(edaran_tests::built_binary("edaran"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .envs(pass)
            .output()
            .unwrap()
            .into()
    };
    let bsre = [
        "--office",
        "Balai Sertifikasi Elektronik",
        "--signer",
        "Bupati Uji",
    ];
    let made = run(&[
        &["cert", "new-internal"],
        &bsre[..],
        &["--pass-env", "EDARAN_TEST_PASS", "-o", &path("bsre")],
    ]
    .concat());
    assert!(made.ok, "{}", made.stderr);
    let p12 = path("bsre/penanda-tangan.p12");
    let signed = run(&[
        "sign",
        &path("cetak.pdf"),
        "--p12",
        &p12,
        "--pass-env",
        "EDARAN_TEST_PASS",
        "--no-mark",
        "-o",
        &path("srikandi.pdf"),
    ]);
    assert!(signed.ok, "{}", signed.stderr);
    let record = |pdf: &str, extra: &[&str]| {
        let mut args = vec![
            "circular",
            "record",
            &draft,
            "--number",
            number,
            "--date",
            "2026-01-05",
            "--srikandi-pdf",
            pdf,
            "--by",
            "Rina",
        ];
        args.extend(extra);
        edaran(&db, &args)
    };
    let status = || {
        edaran_json(&db, &["circulars"])
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"].as_i64() == draft.parse().ok())
            .unwrap()["status"]
            .clone()
    };

    // Not a PDF, and an unsigned PDF without --force: refused, still a draft.
    let wrong = record(&path("draf.json"), &[]);
    assert!(
        !wrong.ok && wrong.stderr.contains("bukan PDF"),
        "{}",
        wrong.stderr
    );
    let unsigned = record(&path("cetak.pdf"), &[]);
    assert!(
        !unsigned.ok
            && unsigned
                .stderr
                .contains("tidak memuat tanda tangan elektronik")
            && unsigned.stderr.contains("ulangi dengan --force"),
        "{}",
        unsigned.stderr
    );
    assert_eq!(status(), "draf");

    let recorded = record(&path("srikandi.pdf"), &[]);
    assert!(recorded.ok, "{}", recorded.stderr);
    assert!(
        recorded
            .stdout
            .contains("1 tanda tangan elektronik: Bupati Uji")
            && recorded.stdout.contains("tidak diverifikasi oleh Edaran")
            && recorded.stdout.lines().last() == Some(draft.as_str()),
        "{}",
        recorded.stdout
    );
    assert_eq!(status(), "terbit");
    let store = edaran_core::Store::open(&db).unwrap();
    let id: i64 = draft.parse().unwrap();
    assert_eq!(
        store.signed_pdf(id).unwrap().unwrap(),
        std::fs::read(path("srikandi.pdf")).unwrap(),
        "SRIKANDI's bytes, not a rendering"
    );
    let entry = store.register(number, None).unwrap().remove(0);
    assert_eq!(entry.status_label, "Dicatat dari SRIKANDI");
    drop(store);

    // A confirmed warning is said on stderr and the PDF is kept all the same.
    let copy = edaran(&db, &["circular", "import", &path("draf.json")]);
    let copy_id = copy.stdout.lines().last().unwrap().to_string();
    let forced = edaran(
        &db,
        &[
            "circular",
            "record",
            &copy_id,
            "--number",
            "800.1.11/124/BKPSDM/2026",
            "--date",
            "2026-01-06",
            "--srikandi-pdf",
            &path("cetak.pdf"),
            "--force",
        ],
    );
    assert!(forced.ok, "{}", forced.stderr);
    assert!(
        forced
            .stderr
            .contains("Peringatan: PDF ini tidak memuat tanda tangan elektronik")
            && forced
                .stderr
                .contains("Peringatan: Nomor 800.1.11/124/BKPSDM/2026 tidak ditemukan di PDF"),
        "{}",
        forced.stderr
    );
}
