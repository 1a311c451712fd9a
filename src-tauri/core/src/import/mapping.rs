//! Column mapping: which file column fills which employee field. Guessed
//! from the header names, set by the user, and remembered in the database
//! as the last mapping, reused when a file comes with the same headers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;

/// An employee field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Nip,
    Name,
    FrontTitle,
    BackTitle,
    Employment,
    Golongan,
    PositionName,
    PositionKind,
    Eselon,
    Agency,
    Unit,
    /// Checked against the birth date inside the NIP; not stored.
    BirthDate,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Nip,
        Field::Name,
        Field::FrontTitle,
        Field::BackTitle,
        Field::Employment,
        Field::Golongan,
        Field::PositionName,
        Field::PositionKind,
        Field::Eselon,
        Field::Agency,
        Field::Unit,
        Field::BirthDate,
    ];

    /// Header names that mean this field, normalised (see [`normalise`]);
    /// the first is the national export's.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Nip => &["nip_baru", "nip"],
            Field::Name => &["nama", "nama_pegawai", "nama_lengkap"],
            Field::FrontTitle => &["gelar_depan"],
            Field::BackTitle => &["gelar_belakang"],
            Field::Employment => &["jenis_pegawai", "status_pegawai"],
            Field::Golongan => &["gol_akhir_nama", "golongan", "gol", "pangkat_golongan"],
            Field::PositionName => &["jabatan_nama", "jabatan", "nama_jabatan"],
            Field::PositionKind => &["jenis_jabatan"],
            Field::Eselon => &["eselon", "eselon_nama"],
            Field::Agency => &[
                "satuan_kerja_kerja",
                "satuan_kerja",
                "perangkat_daerah",
                "opd",
            ],
            Field::Unit => &["unor_nama", "unit", "unit_kerja"],
            Field::BirthDate => &["tanggal_lahir", "tgl_lahir"],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Nip => "NIP",
            Field::Name => "Nama",
            Field::FrontTitle => "Gelar depan",
            Field::BackTitle => "Gelar belakang",
            Field::Employment => "Jenis pegawai",
            Field::Golongan => "Golongan",
            Field::PositionName => "Nama jabatan",
            Field::PositionKind => "Jenis jabatan",
            Field::Eselon => "Eselon",
            Field::Agency => "Perangkat daerah",
            Field::Unit => "Unit kerja",
            Field::BirthDate => "Tanggal lahir",
        }
    }

    /// A file without a column for this field cannot be imported.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::Nip | Field::Name | Field::Employment | Field::PositionName | Field::Agency
        )
    }

    /// The field an [`crate::employee::EmployeeInput`] validation error names.
    pub(crate) fn of_error(field: &str) -> Option<Field> {
        Some(match field {
            "nip" => Field::Nip,
            "name" => Field::Name,
            "employment" => Field::Employment,
            "golongan" => Field::Golongan,
            "position_name" => Field::PositionName,
            "position_kind" => Field::PositionKind,
            "eselon" => Field::Eselon,
            "agency_id" => Field::Agency,
            "unit_id" => Field::Unit,
            _ => return None,
        })
    }
}

/// `NIP BARU`, `Nip-Baru` → `nip_baru`.
fn normalise(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Field → the header of the file column that fills it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ColumnMapping(pub BTreeMap<Field, String>);

/// Column positions of the mapped fields in one file.
pub(crate) struct Columns {
    index: BTreeMap<Field, (usize, String)>,
}

impl Columns {
    pub(crate) fn index(&self, field: Field) -> Option<usize> {
        self.index.get(&field).map(|(i, _)| *i)
    }

    /// The header to name in a row error: the file's, or the usual one.
    pub(crate) fn header(&self, field: Field) -> &str {
        self.index
            .get(&field)
            .map_or(field.headers()[0], |(_, h)| h.as_str())
    }
}

impl ColumnMapping {
    /// The mapping the header names suggest.
    pub fn guess(headers: &[String]) -> ColumnMapping {
        let normal: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        ColumnMapping(
            Field::ALL
                .into_iter()
                .filter_map(|field| {
                    let i = field
                        .headers()
                        .iter()
                        .find_map(|alias| normal.iter().position(|n| n == alias))?;
                    Some((field, headers[i].clone()))
                })
                .collect(),
        )
    }

    /// Finds the mapped columns in `headers`; every required field must be
    /// mapped and every mapped header present.
    pub(crate) fn columns(&self, headers: &[String]) -> Result<Columns> {
        let mut index = BTreeMap::new();
        for (field, header) in &self.0 {
            let i = headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(header.trim()))
                .ok_or_else(|| {
                    Error::invalid(
                        "kolom_pemetaan_tidak_ada",
                        "mapping",
                        format!(
                            "Pemetaan memakai kolom \"{header}\" untuk {}, tetapi kolom itu tidak ada di berkas. Kolom yang ada: {}.",
                            field.label(),
                            headers.join(", ")
                        ),
                    )
                })?;
            index.insert(*field, (i, headers[i].clone()));
        }
        let missing: Vec<&str> = Field::ALL
            .into_iter()
            .filter(|f| f.required() && !index.contains_key(f))
            .map(|f| f.headers()[0])
            .collect();
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
        Ok(Columns { index })
    }
}

pub(crate) const LAST_MAPPING: &str = "impor_pegawai_pemetaan_terakhir";

/// The last mapping used, with the headers of its file.
#[derive(Serialize, Deserialize)]
struct Remembered {
    headers: Vec<String>,
    mapping: ColumnMapping,
}

fn same_headers(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| normalise(x) == normalise(y))
}

/// The last mapping, if it was made for a file with these headers.
pub(crate) fn recall(store: &Store, headers: &[String]) -> Result<Option<ColumnMapping>> {
    Ok(store
        .setting(LAST_MAPPING)?
        .and_then(|json| serde_json::from_str::<Remembered>(&json).ok())
        .filter(|r| same_headers(&r.headers, headers))
        .map(|r| r.mapping))
}

pub(crate) fn remember(store: &Store, headers: &[String], mapping: &ColumnMapping) -> Result<()> {
    let value = serde_json::to_string(&Remembered {
        headers: headers.to_vec(),
        mapping: mapping.clone(),
    })
    .expect("a mapping serialises");
    store.set_setting(LAST_MAPPING, &value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn guessing_reads_export_and_spoken_header_names() {
        let headers = strings(&["NIP BARU", "Nama", "Jenis-Pegawai", "x", "Tgl Lahir"]);
        let m = ColumnMapping::guess(&headers);
        assert_eq!(m.0[&Field::Nip], "NIP BARU");
        assert_eq!(m.0[&Field::Employment], "Jenis-Pegawai");
        assert_eq!(m.0[&Field::BirthDate], "Tgl Lahir");
        assert_eq!(m.0.len(), 4);
    }

    #[test]
    fn mapping_json_names_fields_by_code() {
        let m: ColumnMapping =
            serde_json::from_str(r#"{"nip": "NOMOR", "birth_date": "LAHIR"}"#).unwrap();
        assert_eq!(m.0[&Field::Nip], "NOMOR");
        assert_eq!(Field::of_error("unit_id"), Some(Field::Unit));
        assert!(serde_json::from_str::<ColumnMapping>(r#"{"nik": "X"}"#).is_err());
    }

    #[test]
    fn a_mapping_to_an_absent_column_is_refused_by_name() {
        let m: ColumnMapping = serde_json::from_str(r#"{"nip": "NOMOR"}"#).unwrap();
        let e = m.columns(&strings(&["nip", "nama"])).err().unwrap();
        assert_eq!(e.code(), "kolom_pemetaan_tidak_ada");
        assert!(e.to_string().contains("\"NOMOR\" untuk NIP"), "{e}");
    }
}
