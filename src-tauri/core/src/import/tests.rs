//! Import end to end on an in-memory store: every malformed input gives its
//! precise error and leaves the database as it was; good inputs in their
//! many spellings go in, and a re-import updates.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use super::*;
use crate::agency::{AgencyInput, UnitInput};
use crate::store::{EmployeeFilter, Overview};

const HEADER: [&str; 12] = [
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
    "tanggal_lahir",
];

/// A valid PNS row; `i` makes the NIP unique (up to 139,860 rows).
fn person(i: usize) -> Vec<String> {
    let (year, month, day) = (1960 + i % 30, 1 + i % 12, 1 + i % 28);
    [
        format!(
            "{year}{month:02}{day:02}{}{:02}{}{:03}",
            2010 + i % 15,
            1 + i % 12,
            1 + i % 2,
            1 + i % 999
        ),
        format!("Pegawai {i}"),
        String::new(),
        "S.E.".into(),
        "PNS".into(),
        "III/a".into(),
        "Analis Kepegawaian".into(),
        "Fungsional Tertentu".into(),
        String::new(),
        "Dinas Kesehatan".into(),
        "Bidang Pelayanan".into(),
        format!("{day:02}-{month:02}-{year}"),
    ]
    .to_vec()
}

fn people(n: usize) -> Vec<Vec<String>> {
    (0..n).map(person).collect()
}

fn csv_text(header: &[&str], rows: &[Vec<String>], delimiter: &str) -> String {
    let mut out = header.join(delimiter) + "\n";
    for row in rows {
        out += &(row.join(delimiter) + "\n");
    }
    out
}

fn csv_file(bytes: impl Into<Vec<u8>>) -> ImportFile {
    ImportFile {
        name: "pegawai.csv".into(),
        bytes: bytes.into(),
        kind: FileKind::Csv,
    }
}

/// Five valid rows with `change` applied to them.
fn csv_with(change: impl FnOnce(&mut Vec<Vec<String>>)) -> ImportFile {
    let mut rows = people(5);
    change(&mut rows);
    csv_file(csv_text(&HEADER, &rows, ","))
}

/// A workbook of the rows as text cells, then `change` on its sheet.
fn xlsx_file(rows: &[Vec<String>], change: impl FnOnce(&mut Worksheet)) -> ImportFile {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, v).unwrap();
        }
    }
    change(sheet);
    ImportFile {
        name: "pegawai.xlsx".into(),
        bytes: book.save_to_buffer().unwrap(),
        kind: FileKind::Xlsx,
    }
}

/// An office with Dinas Kesehatan and its Bidang Pelayanan, nobody employed.
fn office() -> Store {
    let mut store = Store::for_test().unwrap();
    let agency = store
        .save_agency(&AgencyInput {
            id: None,
            name: "Dinas Kesehatan".into(),
            short_name: "Dinkes".into(),
            kind: "dinas".into(),
        })
        .unwrap();
    store
        .save_unit(&UnitInput {
            id: None,
            agency_id: agency.id,
            parent_id: None,
            name: "Bidang Pelayanan".into(),
            kind: "bidang".into(),
        })
        .unwrap();
    store
}

type Snapshot = (Overview, Vec<crate::employee::Employee>, Option<String>);

fn snapshot(store: &Store) -> Snapshot {
    (
        store.overview().unwrap(),
        store.employees(&EmployeeFilter::default()).unwrap().rows,
        store.setting(mapping::LAST_MAPPING).unwrap(),
    )
}

fn import(store: &mut Store, file: &ImportFile, create_missing: bool) -> Result<ImportSummary> {
    let mapping = preview_import(store, file)?.mapping;
    import_employees(store, file, &mapping, create_missing)
}

/// What a malformed file must give.
enum Expect {
    /// A refusal of the whole file: code and a message fragment.
    File(&'static str, &'static str),
    /// Row errors: (line, column, message fragment), exactly these.
    Rows(Vec<(usize, &'static str, &'static str)>),
}

fn check(case: &str, store: &mut Store, file: &ImportFile, create_missing: bool, expect: Expect) {
    let before = snapshot(store);
    let err = import(store, file, create_missing)
        .err()
        .unwrap_or_else(|| panic!("{case}: must be refused"));
    match expect {
        Expect::File(code, fragment) => {
            assert_eq!(err.code().as_str(), code, "{case}: {err}");
            assert!(err.to_string().contains(fragment), "{case}: {err}");
        }
        Expect::Rows(expected) => {
            let Error::Import(rows) = &err else {
                panic!("{case}: row errors expected, got {err}")
            };
            assert_eq!(rows.len(), expected.len(), "{case}: {rows:?}");
            for (row, (line, column, fragment)) in rows.iter().zip(expected) {
                assert_eq!(
                    (row.line, row.column.as_str()),
                    (line, column),
                    "{case}: {row:?}"
                );
                assert!(row.message.contains(fragment), "{case}: {row:?}");
            }
        }
    }
    assert_eq!(snapshot(store), before, "{case}: the database changed");
}

#[test]
fn malformed_inputs_give_their_precise_error_and_write_nothing() {
    use Expect::{File, Rows};
    let latin1 = {
        let mut bytes = csv_text(&HEADER, &people(2), ",").into_bytes();
        bytes.extend(b"x\xe9");
        bytes
    };
    let truncated = {
        let bytes = xlsx_file(&people(5), |_| {}).bytes;
        bytes[..bytes.len() / 2].to_vec()
    };
    let cases: Vec<(&str, ImportFile, bool, Expect)> = vec![
        (
            "NIP too short",
            csv_with(|r| {
                r[2][0].pop();
            }),
            false,
            Rows(vec![(
                4,
                "nip_baru",
                "NIP harus 18 digit, yang diisi 17 digit",
            )]),
        ),
        (
            "NIP with letters",
            csv_with(|r| r[0][0].replace_range(16.., "AB")),
            false,
            Rows(vec![(2, "nip_baru", "hanya boleh berisi angka")]),
        ),
        (
            "NIP with an impossible birth date",
            csv_with(|r| r[1][0].replace_range(4..8, "0230")),
            false,
            Rows(vec![(3, "nip_baru", "bukan tanggal lahir yang sah")]),
        ),
        (
            "unknown golongan",
            csv_with(|r| r[3][5] = "III/e".into()),
            false,
            Rows(vec![(
                5,
                "gol_akhir_nama",
                "Golongan \"III/e\" tidak dikenal",
            )]),
        ),
        (
            "unknown employment kind",
            csv_with(|r| r[0][4] = "Pegawai Desa".into()),
            false,
            Rows(vec![(
                2,
                "jenis_pegawai",
                "Jenis pegawai \"Pegawai Desa\" tidak dikenal",
            )]),
        ),
        (
            "structural post without eselon",
            csv_with(|r| r[0][7] = "Struktural".into()),
            false,
            Rows(vec![(2, "eselon", "wajib memiliki eselon")]),
        ),
        (
            "contract staff with a NIP",
            csv_with(|r| {
                r[1][4] = "Tenaga Kontrak".into();
                r[1][5].clear()
            }),
            false,
            Rows(vec![(3, "nip_baru", "tidak memiliki NIP")]),
        ),
        (
            "duplicate NIP in one file",
            csv_with(|r| r[4] = r[1].clone()),
            false,
            Rows(vec![(6, "nip_baru", "sudah muncul di baris 3")]),
        ),
        (
            "empty required cell",
            csv_with(|r| r[2][1].clear()),
            false,
            Rows(vec![(4, "nama", "Nama pegawai wajib diisi")]),
        ),
        (
            "impossible date",
            csv_with(|r| r[0][11] = "31-02-1980".into()),
            false,
            Rows(vec![(
                2,
                "tanggal_lahir",
                "Tanggal \"31-02-1980\" tidak dikenal",
            )]),
        ),
        (
            "birth date other than in the NIP",
            csv_with(|r| r[0][11] = "02-01-1960".into()),
            false,
            Rows(vec![(
                2,
                "tanggal_lahir",
                "tidak sama dengan tanggal lahir di NIP (01-01-1960)",
            )]),
        ),
        (
            "every bad row, not just the first",
            csv_with(|r| {
                r[0][1].clear();
                r[4][5] = "V/a".into()
            }),
            false,
            Rows(vec![
                (2, "nama", "wajib diisi"),
                (6, "gol_akhir_nama", "\"V/a\""),
            ]),
        ),
        (
            "unknown agency without confirmation",
            csv_with(|r| r[2][9] = "Dinas Perikanan".into()),
            false,
            Rows(vec![(
                4,
                "satuan_kerja_kerja",
                "Perangkat daerah \"Dinas Perikanan\" belum terdaftar",
            )]),
        ),
        (
            "unknown unit",
            csv_with(|r| r[3][10] = "Bidang Gizi".into()),
            false,
            Rows(vec![(
                5,
                "unor_nama",
                "Unit \"Bidang Gizi\" tidak ada di Dinas Kesehatan",
            )]),
        ),
        (
            "new agency of no known kind, even confirmed",
            csv_with(|r| r[1][9] = "Kantor Arsip".into()),
            true,
            Rows(vec![(
                3,
                "satuan_kerja_kerja",
                "jenisnya tidak dapat ditentukan",
            )]),
        ),
        (
            "wrong delimiter",
            csv_file(csv_text(&HEADER, &people(3), ":")),
            false,
            File("pemisah_tidak_dikenal", "hanya terbaca satu kolom"),
        ),
        (
            "missing required column",
            csv_file(csv_text(&HEADER[..6], &people(2), ";")),
            false,
            File(
                "kolom_wajib_hilang",
                "Kolom wajib tidak ditemukan: JABATAN NAMA (Nama jabatan), SATUAN KERJA KERJA NAMA (Perangkat daerah)",
            ),
        ),
        (
            "header only",
            csv_file(csv_text(&HEADER, &[], ",")),
            false,
            File("tanpa_data", "pegawai.csv hanya berisi judul kolom"),
        ),
        (
            "empty file",
            csv_file(""),
            false,
            File("berkas_kosong", "pegawai.csv kosong"),
        ),
        (
            "binary file",
            csv_file(xlsx_file(&people(1), |_| {}).bytes),
            false,
            File("bukan_csv", "pegawai.csv bukan CSV"),
        ),
        (
            "not UTF-8",
            csv_file(latin1),
            false,
            File("berkas_bukan_utf8", "UTF-8"),
        ),
        (
            "truncated XLSX",
            ImportFile {
                bytes: truncated,
                ..xlsx_file(&[], |_| {})
            },
            false,
            File("xlsx_rusak", "pegawai.xlsx bukan buku kerja XLSX yang utuh"),
        ),
        (
            "XLSX formula",
            xlsx_file(&people(3), |s| {
                s.write_formula(2, 1, "=\"Budi\"&\" Santoso\"").unwrap();
            }),
            false,
            Rows(vec![(
                3,
                "nama",
                "Sel berisi rumus (=\"Budi\"&\" Santoso\")",
            )]),
        ),
        (
            "XLSX NIP stored as a number",
            xlsx_file(&people(3), |s| {
                s.write_number(3, 0, 196001012010011001.0).unwrap();
            }),
            false,
            Rows(vec![(4, "nip_baru", "NIP tersimpan sebagai angka")]),
        ),
        (
            "XLSX text in a date column",
            xlsx_file(&people(3), |s| {
                s.write_string(1, 11, "lima Mei").unwrap();
            }),
            false,
            Rows(vec![(
                2,
                "tanggal_lahir",
                "Tanggal \"lima Mei\" tidak dikenal",
            )]),
        ),
        (
            "XLSX number in a NIP column cut short",
            xlsx_file(&people(3), |s| {
                s.write_number(1, 0, 19600101.0).unwrap();
            }),
            false,
            Rows(vec![(
                2,
                "nip_baru",
                "NIP harus 18 digit, yang diisi 8 digit",
            )]),
        ),
    ];
    assert!(cases.len() >= 20);
    let mut store = office();
    for (case, file, create_missing, expect) in cases {
        check(case, &mut store, &file, create_missing, expect);
    }
}

#[test]
fn export_spellings_are_accepted() {
    let rows = people(3);
    let quoted: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut r: Vec<String> = r.iter().map(|v| format!("\"{v}\"")).collect();
            r[0] = format!("'{}", &r[0][1..r[0].len() - 1]);
            r[1] = "\"Sutrisno, Bambang\"".into();
            r
        })
        .collect();
    let iso: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r[11] = format!("{}-{}-{}", &r[0][0..4], &r[0][4..6], &r[0][6..8]);
            r
        })
        .collect();
    let dates = |s: &mut Worksheet| {
        let format = Format::new().set_num_format("dd-mm-yyyy");
        for (r, row) in rows.iter().enumerate() {
            let n = |a: usize, b: usize| row[0][a..b].parse::<u16>().unwrap();
            let date = ExcelDateTime::from_ymd(n(0, 4), n(4, 6) as u8, n(6, 8) as u8).unwrap();
            s.write_datetime_with_format(r as u32 + 1, 11, &date, &format)
                .unwrap();
        }
    };
    let named_sheet = {
        let mut book = Workbook::new();
        book.add_worksheet()
            .set_name("Petunjuk")
            .unwrap()
            .write_string(0, 0, "Isi lembar Data Pegawai")
            .unwrap();
        let sheet = book.add_worksheet().set_name("Data Pegawai").unwrap();
        for (c, h) in HEADER.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, v).unwrap();
            }
        }
        ImportFile {
            bytes: book.save_to_buffer().unwrap(),
            ..xlsx_file(&[], |_| {})
        }
    };
    let cases = [
        (
            "BOM and |",
            csv_file(format!("\u{feff}{}", csv_text(&HEADER, &rows, "|"))),
        ),
        (
            ", with quotes, a delimiter inside a value and leading '",
            csv_file(csv_text(&HEADER, &quoted, ",")),
        ),
        ("tab and ISO dates", csv_file(csv_text(&HEADER, &iso, "\t"))),
        (
            "semicolon and CRLF",
            csv_file(csv_text(&HEADER, &rows, ";").replace('\n', "\r\n")),
        ),
        ("XLSX with date cells", xlsx_file(&rows, dates)),
        ("XLSX data on a sheet named Pegawai", named_sheet),
    ];
    for (case, file) in cases {
        let mut store = office();
        let summary =
            import(&mut store, &file, false).unwrap_or_else(|e| panic!("{case}: {e} {e:?}"));
        assert_eq!((summary.created, summary.updated), (3, 0), "{case}");
        let stored = store.employees(&EmployeeFilter::default()).unwrap().rows;
        let first = stored
            .iter()
            .find(|e| e.nip.as_deref() == Some(&rows[0][0][..]))
            .unwrap_or_else(|| panic!("{case}: {stored:?}"));
        assert_eq!(
            first.unit_name.as_deref(),
            Some("Bidang Pelayanan"),
            "{case}"
        );
        assert_eq!(first.golongan.as_deref(), Some("III/a"), "{case}");
    }
    let mut store = office();
    import(
        &mut store,
        &csv_file(csv_text(&HEADER, &quoted, ",")),
        false,
    )
    .unwrap();
    let names: Vec<String> = store
        .employees(&EmployeeFilter::default())
        .unwrap()
        .rows
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert!(
        names.contains(&"Sutrisno, Bambang".to_string()),
        "{names:?}"
    );
}

#[test]
fn reimporting_updates_by_nip_and_never_duplicates() {
    let mut store = office();
    let file = csv_with(|_| {});
    assert_eq!(import(&mut store, &file, false).unwrap().created, 5);
    let changed = csv_with(|r| r[0][6] = "Kepala Puskesmas".into());
    let again = import(&mut store, &changed, false).unwrap();
    assert_eq!((again.created, again.updated), (0, 5));
    let stored = store.employees(&EmployeeFilter::default()).unwrap();
    assert_eq!(stored.total, 5);
    assert!(stored
        .rows
        .iter()
        .any(|e| e.position_name == "Kepala Puskesmas"));
}

#[test]
fn confirmed_new_agencies_and_units_are_created_with_the_rows_or_not_at_all() {
    let mut store = office();
    let new_places = |r: &mut Vec<Vec<String>>| {
        r[0][9] = "Dinas Perikanan".into();
        r[0][10] = "Bidang Budidaya".into();
        r[1][9] = "dinas perikanan".into();
        r[1][10] = "".into();
    };
    let mut broken = csv_with(new_places);
    broken
        .bytes
        .extend(b"123,Salah,,,PNS,III/a,Analis,,,Dinas Perikanan,,\n");
    check(
        "a bad row undoes the created agency",
        &mut store,
        &broken,
        true,
        Expect::Rows(vec![(7, "nip_baru", "18 digit")]),
    );
    let summary = import(&mut store, &csv_with(new_places), true).unwrap();
    assert_eq!(
        (
            summary.created,
            summary.agencies_created,
            summary.units_created
        ),
        (5, 1, 1)
    );
    let agency = store.agency_by_name("Dinas Perikanan").unwrap().unwrap();
    assert_eq!(
        store.agency(agency).unwrap().kind,
        crate::agency::AgencyKind::Dinas
    );
    assert_eq!(store.agency(agency).unwrap().employee_count, 2);
}

#[test]
fn the_last_mapping_is_remembered_for_files_with_the_same_headers() {
    let mut store = office();
    let own = [
        "NOMOR INDUK",
        "NAMA LENGKAP",
        "STATUS",
        "GOL",
        "JABATAN",
        "KANTOR",
        "BAGIAN",
    ];
    let rows: Vec<Vec<String>> = people(4)
        .into_iter()
        .map(|r| {
            [0, 1, 4, 5, 6, 9, 10]
                .iter()
                .map(|i| r[*i].clone())
                .collect()
        })
        .collect();
    let file = csv_file(csv_text(&own, &rows, ";"));
    let preview = preview_import(&store, &file).unwrap();
    assert!(!preview.remembered);
    assert_eq!(preview.row_count, 4);
    assert_eq!(preview.sample[0][1], "Pegawai 0");
    assert!(
        !preview.mapping.0.contains_key(&Field::Nip),
        "no guess for NOMOR INDUK"
    );
    assert!(import_employees(&mut store, &file, &preview.mapping, false).is_err());
    let chosen: ColumnMapping = serde_json::from_str(
        r#"{"nip": "NOMOR INDUK", "name": "NAMA LENGKAP", "employment": "STATUS", "golongan": "GOL",
            "position_name": "JABATAN", "agency": "KANTOR", "unit": "BAGIAN"}"#,
    )
    .unwrap();
    assert_eq!(
        import_employees(&mut store, &file, &chosen, false)
            .unwrap()
            .created,
        4
    );
    let next = preview_import(&store, &file).unwrap();
    assert!(next.remembered);
    assert_eq!(next.mapping, chosen);
    let other = preview_import(&store, &csv_with(|_| {})).unwrap();
    assert!(!other.remembered);
}

#[test]
fn fifty_thousand_rows_go_in_together_or_not_at_all() {
    let rows = people(50_000);
    let mut store = office();
    let last_bad = {
        let mut bad = rows.clone();
        bad[49_999][5] = "III/e".into();
        csv_file(csv_text(&HEADER, &bad, ","))
    };
    check(
        "one bad row at the end of 50,000",
        &mut store,
        &last_bad,
        false,
        Expect::Rows(vec![(50_001, "gol_akhir_nama", "\"III/e\"")]),
    );
    let summary = import(&mut store, &csv_file(csv_text(&HEADER, &rows, ",")), false).unwrap();
    assert_eq!(summary.created, 50_000);
    assert_eq!(store.overview().unwrap().employees, 50_000);
}

#[test]
fn a_siasn_export_as_downloaded_goes_in_with_inactive_rows_skipped_and_eselon_from_positions() {
    let sample = super::sample::siasn_export(2_000);
    let file = ImportFile {
        name: "export.csv".into(),
        bytes: sample.csv.clone().into_bytes(),
        kind: FileKind::Csv,
    };
    let mut store = Store::for_test().unwrap();
    let preview = preview_import(&store, &file).unwrap();
    assert_eq!(preview.row_count, 2_000);
    assert_eq!(preview.inactive_rows, sample.inactive_lines.len());
    // The first rows are heads: their eselon is shown before the import.
    assert_eq!(preview.sample_eselon[0], "II.a", "Sekretaris Daerah");
    assert_eq!(preview.sample_eselon[1], "II.b", "an Asisten");
    assert!(preview.unused_known.contains(&"TMT GOLONGAN".to_string()));
    assert!(!preview.mapping.0.contains_key(&Field::Eselon));

    let summary = import(&mut store, &file, true).unwrap();
    let active = 2_000 - sample.inactive_lines.len();
    assert_eq!(summary.created, active);
    assert_eq!(
        summary.skipped.iter().map(|s| s.line).collect::<Vec<_>>(),
        sample.inactive_lines
    );
    assert!(
        summary.skipped[0].reason.contains("Pensiun"),
        "{:?}",
        summary.skipped[0]
    );
    assert_eq!(
        summary
            .inferred_eselon
            .iter()
            .map(|i| i.count)
            .sum::<usize>(),
        sample.structural
    );
    let kadinkes = summary
        .inferred_eselon
        .iter()
        .find(|i| i.position == "Kepala Dinas Kesehatan")
        .unwrap();
    assert_eq!(kadinkes.eselon, "II.b");
    assert_eq!(summary.agencies_created, sample.agencies.len());

    let all = store.employees(&EmployeeFilter::default()).unwrap().rows;
    assert_eq!(all.len(), active);
    let cpns = all
        .iter()
        .filter(|e| e.employment == crate::employee::EmploymentKind::Cpns)
        .count();
    assert_eq!(cpns, sample.cpns);
    let lurah = all
        .iter()
        .find(|e| e.position_name == "Lurah Pasar Seroja")
        .unwrap();
    assert_eq!(lurah.eselon, Some(crate::employee::Eselon::IVa));
    assert_eq!(lurah.unit_id, None, "the agency itself is no unit");
    let guru = all
        .iter()
        .find(|e| e.position_name == "Guru Ahli Pertama")
        .unwrap();
    assert_eq!(guru.eselon, None);

    // A second download of the same export updates, never duplicates.
    let again = import(&mut store, &file, false).unwrap();
    assert_eq!((again.created, again.updated), (0, active));
    assert_eq!(again.skipped.len(), sample.inactive_lines.len());
}

#[test]
fn siasn_rows_are_checked_by_their_own_column_names() {
    let header = "NIP BARU,NAMA,JENIS KELAMIN,GOL AKHIR NAMA,JENIS JABATAN NAMA,JABATAN NAMA,UNOR NAMA,SATUAN KERJA KERJA NAMA,KEDUDUKAN HUKUM NAMA,STATUS CPNS PNS\n";
    let good = "197203142000031004,HENDRA WIJAYA,Laki-laki,IV/c,Struktural,Kepala Dinas Kesehatan,Dinas Kesehatan,Dinas Kesehatan,Aktif,P\n";
    let unknown_post = "198006212006042002,RATNA UTAMI,Perempuan,III/d,Struktural,Direktur Utama,Dinas Kesehatan,Dinas Kesehatan,Aktif,P\n";
    let wrong_sex = "199902102024011003,BAYU PRATAMA,Perempuan,III/a,Fungsional Tertentu,Perawat Ahli Pertama,Sekretariat,Dinas Kesehatan,Aktif,C\n";
    let mut store = Store::for_test().unwrap();
    let file = csv_file(format!("{header}{good}{unknown_post}{wrong_sex}"));
    let Err(Error::Import(rows)) = import(&mut store, &file, true) else {
        panic!("bad rows must refuse the file");
    };
    let found: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.column.as_str())).collect();
    assert_eq!(found, [(3, "JABATAN NAMA"), (4, "JENIS KELAMIN")]);
    assert!(
        rows[0].message.contains("tambahkan kolom ESELON"),
        "{}",
        rows[0].message
    );
    assert!(
        rows[1].message.contains("digit ke-15 = 1, laki-laki"),
        "{}",
        rows[1].message
    );
    assert!(store.agencies("").unwrap().is_empty(), "nothing half-saved");

    // Imported once, then retired in the next export: skipped, and said to
    // be still on record.
    import(&mut store, &csv_file(format!("{header}{good}")), true).unwrap();
    let retired = good.replace("Aktif", "Pensiun");
    let summary = import(&mut store, &csv_file(format!("{header}{retired}")), true).unwrap();
    assert_eq!((summary.created, summary.updated), (0, 0));
    assert_eq!(summary.skipped.len(), 1);
    assert_eq!(summary.skipped[0].line, 2);
    assert_eq!(summary.skipped[0].name, "HENDRA WIJAYA");
    assert!(summary.skipped[0]
        .reason
        .contains("masih tercatat di Edaran"));
}

#[test]
fn a_province_office_gives_its_agency_heads_eselon_ii_a() {
    let mut store = office();
    let mut profile = crate::demo::office_profile();
    profile.region_kind = crate::office::RegionKind::Provinsi;
    profile.region_name = "Seroja Raya".into();
    store.save_office(&profile).unwrap();
    let file = csv_file(
        "NIP BARU,NAMA,GOL AKHIR NAMA,JABATAN NAMA,SATUAN KERJA KERJA NAMA,STATUS CPNS PNS\n\
         197203142000031004,HENDRA WIJAYA,IV/c,Kepala Dinas Kesehatan,Dinas Kesehatan,P\n",
    );
    assert_eq!(
        preview_import(&store, &file).unwrap().sample_eselon,
        ["II.a"]
    );
    let summary = import(&mut store, &file, true).unwrap();
    assert_eq!(summary.inferred_eselon[0].eselon, "II.a");
}
