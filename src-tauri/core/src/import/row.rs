//! One data row → one checked employee, or everything wrong with the row.

use chrono::{Days, NaiveDate};

use super::mapping::{Columns, Field};
use super::placement::Placements;
use super::table::{Cell, Row};
use super::SkippedRow;
use crate::csvfile::parse_date;
use crate::employee::{EmployeeInput, Eselon, ValidEmployee};
use crate::error::{Result, RowError};
use crate::nip::NipKind;
use crate::store::Store;

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

/// `STATUS CPNS PNS` as the export writes it (`P`/`C`, `PNS`/`CPNS`,
/// `PNS Daerah`) → the employment code; other values go through as written.
fn employment(raw: &str) -> String {
    let t = raw.trim().to_uppercase();
    if t == "P" || t.starts_with("PNS") {
        "pns".into()
    } else if t == "C" || t.starts_with("CPNS") {
        "cpns".into()
    } else {
        raw.trim().into()
    }
}

/// Why a row's *kedudukan hukum* keeps it out of the import, or `None` for
/// an active employee: `Aktif` (also blank, `CPNS`/`PNS`, tugas belajar).
/// Everything else — pensiun, meninggal, diberhentikan, masa persiapan
/// pensiun, CLTN, … — is not active and the row is skipped.
pub(crate) fn inactive_reason(raw: &str) -> Option<String> {
    let t = raw.trim().to_lowercase();
    if t.is_empty()
        || t.starts_with("aktif")
        || t == "cpns"
        || t == "pns"
        || t.contains("tugas belajar")
    {
        return None;
    }
    let what = if t.contains("persiapan pensiun") || t == "mpp" {
        "Sedang masa persiapan pensiun"
    } else if t.contains("pensiun") {
        "Sudah pensiun"
    } else if t.contains("meninggal") || t.contains("wafat") {
        "Sudah meninggal dunia"
    } else if t.contains("berhenti") || t.contains("pemberhentian") || t.contains("ptdh") {
        "Sudah diberhentikan"
    } else {
        "Bukan pegawai aktif"
    };
    Some(format!(
        "{what} (kedudukan hukum \"{}\"); tidak diimpor.",
        raw.trim()
    ))
}

/// `L`/`Laki-laki` → 1, `P`/`Perempuan` → 2: the sex digit of a PNS NIP.
fn sex_digit(raw: &str) -> std::result::Result<Option<char>, String> {
    let t = raw.trim().to_lowercase();
    Ok(match t.as_str() {
        "" => None,
        "l" | "lk" | "laki-laki" | "laki laki" | "pria" | "1" => Some('1'),
        "p" | "pr" | "perempuan" | "wanita" | "2" => Some('2'),
        _ => {
            return Err(format!(
                "Jenis kelamin \"{}\" tidak dikenal; tulis L (laki-laki) atau P (perempuan).",
                raw.trim()
            ))
        }
    })
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

/// Why a cell holds no usable value (a formula or a spreadsheet error).
fn not_a_value(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Formula(f) => Some(format!(
            "Sel berisi rumus (={f}), bukan nilai. Salin kolom ini lalu tempel sebagai nilai (Paste Special → Values)."
        )),
        Cell::Invalid(e) => Some(format!("Sel berisi galat {e}, bukan nilai.")),
        _ => None,
    }
}

/// The text of a cell for `field`; a leading `'` (Excel's text marker) is dropped.
fn text(cell: &Cell, field: Field) -> std::result::Result<String, String> {
    if let Some(problem) = not_a_value(cell) {
        return Err(problem);
    }
    Ok(match cell {
        Cell::Number(n) if field == Field::Nip && n.abs() >= 1e15 => {
            return Err(format!(
                "NIP tersimpan sebagai angka ({n:.0}), sehingga digit terakhirnya hilang (angka Excel hanya teliti sampai 15 digit). Format kolom NIP sebagai Teks lalu isi ulang NIP-nya."
            ))
        }
        Cell::Text(t) => t.trim_start_matches('\'').trim().to_string(),
        other => other.display(),
    })
}

/// Day 0 of Excel's date serials (with its 1900 leap-year quirk folded in).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date")
}

/// A date cell: a spreadsheet date, an Excel serial, or `d-m-Y` / ISO text.
fn date(cell: &Cell) -> std::result::Result<Option<NaiveDate>, String> {
    if let Some(problem) = not_a_value(cell) {
        return Err(problem);
    }
    let unknown = |shown: &str| {
        format!("Tanggal \"{shown}\" tidak dikenal; tulis seperti 25-05-1980 (hari-bulan-tahun) atau 1980-05-25.")
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) if n.fract() == 0.0 && (1.0..3e6).contains(n) => {
            Ok(excel_epoch().checked_add_days(Days::new(*n as u64)))
        }
        Cell::Text(t) => parse_date(t.trim_start_matches('\''))
            .map(Some)
            .ok_or_else(|| unknown(t)),
        other => Err(unknown(&other.display())),
    }
}

/// What became of one row.
pub(crate) enum Outcome {
    /// Checked, with the eselon inferred from the position (if it was).
    Good(ValidEmployee, Option<Eselon>),
    /// Everything wrong with the row, each with its column.
    Bad(Vec<RowError>),
    /// Not an active employee: reported, not imported.
    Skipped(SkippedRow),
}

/// Reads one row into an employee; agencies and units it names are looked
/// up (or created, if `placements` allows). Without an eselon column the
/// eselon comes from the position ([`super::eselon`]; `provinsi` picks the
/// province's levels). The outer `Result` is for the database.
pub(crate) fn employee(
    store: &mut Store,
    placements: &mut Placements,
    columns: &Columns,
    row: &Row,
    provinsi: bool,
) -> Result<Outcome> {
    let fail = |field: Field, message: String| RowError {
        line: row.line,
        column: columns.header(field).to_string(),
        message,
    };
    let mut errors = Vec::new();
    let mut value = |field: Field| match columns.index(field).map(|i| text(row.cell(i), field)) {
        Some(Ok(t)) => t,
        Some(Err(message)) => {
            errors.push(fail(field, message));
            String::new()
        }
        None => String::new(),
    };
    let legal_status = value(Field::LegalStatus);
    let kind_raw = value(Field::PositionKind);
    let mut input = EmployeeInput {
        id: None,
        nip: value(Field::Nip),
        name: value(Field::Name),
        front_title: value(Field::FrontTitle),
        back_title: value(Field::BackTitle),
        employment: employment(&value(Field::Employment)),
        golongan: value(Field::Golongan),
        position_name: value(Field::PositionName),
        position_kind: position_kind(&kind_raw),
        eselon: eselon(&value(Field::Eselon)),
        agency_id: None,
        unit_id: None,
    };
    let agency = value(Field::Agency);
    let unit = value(Field::Unit);
    let sex = value(Field::Sex);
    if let Some(mut reason) = inactive_reason(&legal_status) {
        if !input.nip.trim().is_empty() && store.employee_by_nip(&input.nip).is_ok() {
            reason += " Pegawai ini masih tercatat di Edaran dari impor atau isian sebelumnya; hapus datanya bila memang sudah tidak aktif.";
        }
        return Ok(Outcome::Skipped(SkippedRow {
            line: row.line,
            nip: input.nip,
            name: input.name,
            reason,
        }));
    }
    let mut inferred = None;
    if columns.index(Field::Eselon).is_none() {
        inferred = super::eselon::infer(&kind_raw, &input.position_name, provinsi);
        if let Some(e) = inferred {
            input.eselon = e.code().into();
            input.position_kind = "struktural".into();
        } else if input.position_kind == "struktural" {
            errors.push(fail(
                Field::PositionName,
                format!(
                    "Eselon jabatan struktural \"{}\" tidak dapat ditentukan dari nama jabatannya; tambahkan kolom ESELON pada berkas.",
                    input.position_name
                ),
            ));
        }
    }
    let sex = match sex_digit(&sex) {
        Ok(d) => d,
        Err(message) => {
            errors.push(fail(Field::Sex, message));
            None
        }
    };
    let birth_date = match columns.index(Field::BirthDate).map(|i| date(row.cell(i))) {
        Some(Err(message)) => {
            errors.push(fail(Field::BirthDate, message));
            None
        }
        Some(Ok(d)) => d,
        None => None,
    };
    if !errors.is_empty() {
        return Ok(Outcome::Bad(errors));
    }
    if !agency.is_empty() {
        match placements.agency(store, &agency)? {
            Ok(id) => input.agency_id = Some(id),
            Err(message) => return Ok(Outcome::Bad(vec![fail(Field::Agency, message)])),
        }
    }
    // The national export gives the agency itself as the unit of its head
    // (`UNOR NAMA` = `SATUAN KERJA KERJA NAMA`): no unit then.
    let unit = if unit.trim().eq_ignore_ascii_case(agency.trim()) {
        String::new()
    } else {
        unit
    };
    if let (Some(agency_id), false) = (input.agency_id, unit.is_empty()) {
        match placements.unit(store, (agency_id, &agency), &unit)? {
            Ok(id) => input.unit_id = Some(id),
            Err(message) => return Ok(Outcome::Bad(vec![fail(Field::Unit, message)])),
        }
    }
    let valid = match input.validate() {
        Ok(v) => v,
        Err(e) => {
            let column = e
                .field()
                .and_then(Field::of_error)
                .map_or("", |f| columns.header(f));
            return Ok(Outcome::Bad(vec![RowError {
                line: row.line,
                column: column.to_string(),
                message: e.to_string(),
            }]));
        }
    };
    let nip_birth = valid
        .nip
        .as_deref()
        .and_then(|nip| NaiveDate::parse_from_str(&nip[..8], "%Y%m%d").ok());
    if let (Some(written), Some(in_nip)) = (birth_date, nip_birth) {
        if written != in_nip {
            return Ok(Outcome::Bad(vec![fail(
                Field::BirthDate,
                format!(
                    "Tanggal lahir {} tidak sama dengan tanggal lahir di NIP ({}).",
                    written.format("%d-%m-%Y"),
                    in_nip.format("%d-%m-%Y")
                ),
            )]));
        }
    }
    let nip_sex = valid
        .nip
        .as_deref()
        .filter(|_| valid.employment.nip_kind() == Some(NipKind::Pns))
        .and_then(|nip| nip.chars().nth(14));
    if let (Some(written), Some(in_nip)) = (sex, nip_sex) {
        if written != in_nip {
            let word = |d: char| if d == '1' { "laki-laki" } else { "perempuan" };
            return Ok(Outcome::Bad(vec![fail(
                Field::Sex,
                format!(
                    "Jenis kelamin {} tidak sama dengan NIP (digit ke-15 = {in_nip}, {}).",
                    word(written),
                    word(in_nip)
                ),
            )]));
        }
    }
    Ok(Outcome::Good(valid, inferred))
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
        assert_eq!(employment("P"), "pns");
        assert_eq!(employment("C"), "cpns");
        assert_eq!(employment("CPNS"), "cpns");
        assert_eq!(employment("PNS Daerah"), "pns");
        assert_eq!(employment("PPPK"), "PPPK");
        assert_eq!(sex_digit("Perempuan"), Ok(Some('2')));
        assert_eq!(sex_digit("L"), Ok(Some('1')));
        assert!(sex_digit("X").is_err());
    }

    #[test]
    fn only_active_employees_are_imported() {
        for active in ["Aktif", "AKTIF", "", "CPNS", "Tugas Belajar"] {
            assert_eq!(inactive_reason(active), None, "{active}");
        }
        let reason = inactive_reason("Pensiun").unwrap();
        assert!(reason.starts_with("Sudah pensiun"), "{reason}");
        assert!(inactive_reason("Masa Persiapan Pensiun")
            .unwrap()
            .starts_with("Sedang masa persiapan pensiun"));
        assert!(inactive_reason("MENINGGAL")
            .unwrap()
            .contains("meninggal dunia"));
        assert!(inactive_reason("Diberhentikan Tidak Dengan Hormat")
            .unwrap()
            .starts_with("Sudah diberhentikan"));
        assert!(inactive_reason("CLTN")
            .unwrap()
            .contains("kedudukan hukum \"CLTN\""));
    }

    #[test]
    fn dates_come_as_serials_spreadsheet_dates_or_text() {
        let may_12 = NaiveDate::from_ymd_opt(1978, 5, 12);
        assert_eq!(date(&Cell::Number(28622.0)), Ok(may_12));
        assert_eq!(date(&Cell::Text("12-05-1978".into())), Ok(may_12));
        assert_eq!(date(&Cell::Text("1978-05-12".into())), Ok(may_12));
        assert!(date(&Cell::Text("31-02-1978".into()))
            .unwrap_err()
            .contains("tidak dikenal"));
        assert_eq!(
            text(&Cell::Number(198001012005011001.0), Field::Name),
            Ok("198001012005011000".into())
        );
    }
}
