//! Impor pegawai: employees from the civil-service data export (CSV).
//! All or nothing: a file with any bad row writes nothing and every bad row
//! is reported with its line and column.

use std::collections::HashMap;

use crate::employee::{EmployeeInput, ValidEmployee};
use crate::error::{Error, Result, RowError};
use crate::store::{ImportSummary, Store};

/// A field of an employee and the header names that mean it.
struct Column {
    field: &'static str,
    headers: &'static [&'static str],
    required: bool,
}

const COLUMNS: &[Column] = &[
    Column {
        field: "nip",
        headers: &["nip_baru", "nip"],
        required: true,
    },
    Column {
        field: "name",
        headers: &["nama", "nama_pegawai"],
        required: true,
    },
    Column {
        field: "front_title",
        headers: &["gelar_depan"],
        required: false,
    },
    Column {
        field: "back_title",
        headers: &["gelar_belakang"],
        required: false,
    },
    Column {
        field: "employment",
        headers: &["jenis_pegawai", "status_pegawai"],
        required: true,
    },
    Column {
        field: "golongan",
        headers: &["gol_akhir_nama", "golongan", "gol"],
        required: false,
    },
    Column {
        field: "position_name",
        headers: &["jabatan_nama", "jabatan", "nama_jabatan"],
        required: true,
    },
    Column {
        field: "position_kind",
        headers: &["jenis_jabatan"],
        required: false,
    },
    Column {
        field: "eselon",
        headers: &["eselon", "eselon_nama"],
        required: false,
    },
    Column {
        field: "agency",
        headers: &[
            "satuan_kerja_kerja",
            "satuan_kerja",
            "perangkat_daerah",
            "opd",
        ],
        required: true,
    },
    Column {
        field: "unit",
        headers: &["unor_nama", "unit", "unit_kerja"],
        required: false,
    },
];

/// Picks the delimiter that splits the header line the most.
pub(crate) fn delimiter(header_line: &str) -> u8 {
    [b',', b';', b'|', b'\t']
        .into_iter()
        .max_by_key(|d| header_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

/// The text of a CSV file: UTF-8, with or without a BOM.
pub(crate) fn csv_text(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|_| {
        Error::invalid(
            "berkas_bukan_utf8",
            "file",
            "Berkas CSV harus bersandi UTF-8 (simpan ulang sebagai \"CSV UTF-8\").",
        )
    })
}

/// Spreadsheet spellings of position kinds, as the national export writes them.
fn position_kind(raw: &str) -> String {
    let t = raw.trim().to_lowercase();
    if t.starts_with("struktural") {
        "struktural".into()
    } else if t == "fungsional tertentu" || t.starts_with("fungsional") && !t.contains("umum") {
        "fungsional".into()
    } else if t.is_empty() || t.contains("umum") || t.contains("pelaksana") {
        "pelaksana".into()
    } else {
        raw.trim().into()
    }
}

/// `III/b`, `IIIb`, `III.b` → `III.b`; empty and `-` mean none.
fn eselon(raw: &str) -> String {
    let t = raw.trim().to_uppercase().replace(['/', ' '], ".");
    if t.is_empty() || t == "-" || t == "NON ESELON" {
        return String::new();
    }
    match t.find(|c: char| !"IV.".contains(c)) {
        Some(i) if !t[..i].contains('.') => format!("{}.{}", &t[..i], t[i..].to_lowercase()),
        _ => t.replace(".A", ".a").replace(".B", ".b"),
    }
}

/// Checks every row of `bytes` (a CSV file) and, only if all are good,
/// writes them in one transaction.
pub fn import_employees_csv(store: &mut Store, bytes: &[u8]) -> Result<ImportSummary> {
    let text = csv_text(bytes)?;
    let first_line = text.lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(first_line))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Error::invalid(
                "csv_rusak",
                "file",
                format!("Baris 1 (judul kolom) tidak terbaca: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut index: HashMap<&'static str, (usize, &str)> = HashMap::new();
    let mut missing = Vec::new();
    for column in COLUMNS {
        match headers
            .iter()
            .position(|h| column.headers.iter().any(|c| h.eq_ignore_ascii_case(c)))
        {
            Some(i) => {
                index.insert(column.field, (i, &headers[i]));
            }
            None if column.required => missing.push(column.headers[0]),
            None => {}
        }
    }
    if !missing.is_empty() {
        return Err(Error::invalid(
            "kolom_wajib_hilang",
            "file",
            format!(
                "Kolom wajib tidak ditemukan: {}. Kolom yang ada: {}.",
                missing.join(", "),
                headers.join(", ")
            ),
        ));
    }
    let header_of = |field: &str| {
        index
            .get(field)
            .map(|(_, h)| h.to_string())
            .unwrap_or_else(|| field.to_string())
    };
    let mut errors = Vec::new();
    let mut good: Vec<ValidEmployee> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                errors.push(RowError {
                    line,
                    column: String::new(),
                    message: format!("Baris tidak terbaca: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let get = |field: &str| {
            index
                .get(field)
                .and_then(|(i, _)| record.get(*i))
                .map(|v| v.trim().trim_start_matches('\'').trim())
                .unwrap_or("")
        };
        let mut fail = |field: &str, message: String| {
            errors.push(RowError {
                line,
                column: header_of(field),
                message,
            });
        };
        let agency_name = get("agency");
        let agency_id = match store.agency_by_name(agency_name)? {
            Some(id) => id,
            None => {
                fail(
                    "agency",
                    format!("Perangkat daerah \"{agency_name}\" belum terdaftar."),
                );
                continue;
            }
        };
        let unit_id = match get("unit") {
            "" => None,
            unit => match store.unit_by_name(agency_id, unit)? {
                Some(id) => Some(id),
                None => {
                    fail(
                        "unit",
                        format!("Unit \"{unit}\" tidak ada di {agency_name}."),
                    );
                    continue;
                }
            },
        };
        let input = EmployeeInput {
            id: None,
            nip: get("nip").into(),
            name: get("name").into(),
            front_title: get("front_title").into(),
            back_title: get("back_title").into(),
            employment: get("employment").into(),
            golongan: get("golongan").into(),
            position_name: get("position_name").into(),
            position_kind: position_kind(get("position_kind")),
            eselon: eselon(get("eselon")),
            agency_id: Some(agency_id),
            unit_id,
        };
        match input.validate() {
            Ok(v) => {
                if let Some(nip) = &v.nip {
                    if let Some(first) = seen.insert(nip.clone(), line) {
                        fail("nip", format!("NIP {nip} sudah muncul di baris {first}."));
                        continue;
                    }
                }
                good.push(v);
            }
            Err(e) => {
                let field = match e.field() {
                    Some("agency_id") => "agency",
                    Some("unit_id") => "unit",
                    Some(f) => f,
                    None => "",
                };
                fail(field, e.to_string());
            }
        }
    }
    if !errors.is_empty() {
        return Err(Error::Import(errors));
    }
    store.write_employees(&good)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_export_spellings() {
        assert_eq!(position_kind("Fungsional Tertentu"), "fungsional");
        assert_eq!(position_kind("Fungsional Umum"), "pelaksana");
        assert_eq!(position_kind("STRUKTURAL"), "struktural");
        assert_eq!(eselon("III/b"), "III.b");
        assert_eq!(eselon("IVa"), "IV.a");
        assert_eq!(eselon("II.a"), "II.a");
        assert_eq!(eselon("-"), "");
        assert_eq!(delimiter("nip|nama|jabatan"), b'|');
        assert_eq!(delimiter("nip;nama,x;y"), b';');
    }
}
