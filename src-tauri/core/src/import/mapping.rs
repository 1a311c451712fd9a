//! Column mapping: which file column fills which employee field. Guessed
//! from the header names, set by the user, and remembered in the database
//! as the last mapping, reused when a file comes with the same headers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;
use crate::ErrorCode;

/// An employee field a column can fill.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
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
    /// Checked against the sex digit inside a PNS NIP; not stored.
    Sex,
    /// *Kedudukan hukum*: rows not active (pensiun, meninggal, …) are
    /// skipped and reported; not stored.
    LegalStatus,
}

/// The one table of header names, normalised (see [`normalise`], so
/// `NIP BARU`, `nip_baru` and `Nip-Baru` are one name): for each field the
/// names that mean it, the national export's first. The SIASN/SAPK bulk
/// export writes them in upper case with spaces (`GOL AKHIR NAMA`), tools
/// that store it in snake_case (`gol_akhir_nama`); both normalise alike.
const ALIASES: &[(Field, &[&str])] = &[
    (Field::Nip, &["nip_baru", "nip"]),
    (Field::Name, &["nama", "nama_pegawai", "nama_lengkap"]),
    (Field::FrontTitle, &["gelar_depan"]),
    (Field::BackTitle, &["gelar_belakang"]),
    (
        Field::Employment,
        &[
            "status_cpns_pns",
            "jenis_pegawai",
            "status_pegawai",
            "status_cpns_pns_nama",
        ],
    ),
    (
        Field::Golongan,
        &[
            "gol_akhir_nama",
            "golongan",
            "gol",
            "pangkat_golongan",
            "golongan_nama",
            "gol_ruang",
        ],
    ),
    (
        Field::PositionName,
        &["jabatan_nama", "jabatan", "nama_jabatan"],
    ),
    (
        Field::PositionKind,
        &["jenis_jabatan_nama", "jenis_jabatan"],
    ),
    (Field::Eselon, &["eselon", "eselon_nama"]),
    (
        Field::Agency,
        &[
            "satuan_kerja_kerja_nama",
            "satuan_kerja_kerja",
            "satuan_kerja_nama",
            "satuan_kerja",
            "perangkat_daerah",
            "opd",
        ],
    ),
    (Field::Unit, &["unor_nama", "unit", "unit_kerja", "unor"]),
    (Field::BirthDate, &["tanggal_lahir", "tgl_lahir"]),
    (Field::Sex, &["jenis_kelamin", "jenis_kelamin_nama", "jk"]),
    (
        Field::LegalStatus,
        &[
            "kedudukan_hukum_nama",
            "kedudukan_hukum",
            "kedudukan_pegawai",
        ],
    ),
];

/// Columns of the national export that Edaran knows but does not keep
/// (normalised); the mapping step names them so nothing looks forgotten.
pub const KNOWN_UNUSED: &[&str] = &[
    "pns_id",
    "nip_lama",
    "tempat_lahir",
    "tempat_lahir_nama",
    "gol_akhir_id",
    "gol_awal_nama",
    "tmt_golongan",
    "tmt_cpns",
    "tmt_pns",
    "mk_tahun",
    "mk_bulan",
    "jenis_jabatan_id",
    "jabatan_id",
    "tmt_jabatan",
    "unor_id",
    "unor_induk_nama",
    "instansi_kerja_nama",
    "instansi_induk_nama",
    "satuan_kerja_kerja_id",
    "kedudukan_hukum_id",
    "agama_nama",
    "pendidikan_nama",
    "tingkat_pendidikan_nama",
    "email",
    "nomor_hp",
    "alamat",
    "nik",
];

impl Field {
    pub const ALL: [Field; 14] = [
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
        Field::Sex,
        Field::LegalStatus,
    ];

    /// Header names that mean this field, normalised; the first is the
    /// national export's.
    fn headers(self) -> &'static [&'static str] {
        ALIASES
            .iter()
            .find(|(f, _)| *f == self)
            .map_or(&[], |(_, names)| names)
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
            Field::Sex => "Jenis kelamin",
            Field::LegalStatus => "Kedudukan hukum",
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

/// `NIP BARU`, `Nip-Baru`, ` nip__baru ` → `nip_baru`: case, spaces,
/// underscores and other punctuation do not matter.
pub(crate) fn normalise(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Field → the header of the file column that fills it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
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
                        ErrorCode::KolomPemetaanTidakAda,
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
        // Named as the national export writes them: `JABATAN NAMA (Nama jabatan)`.
        let missing: Vec<String> = Field::ALL
            .into_iter()
            .filter(|f| f.required() && !index.contains_key(f))
            .map(|f| {
                format!(
                    "{} ({})",
                    f.headers()[0].to_uppercase().replace('_', " "),
                    f.label()
                )
            })
            .collect();
        if !missing.is_empty() {
            return Err(Error::invalid(
                ErrorCode::KolomWajibHilang,
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
    fn uppercase_and_snake_case_export_headers_map_to_the_same_fields() {
        let upper = strings(&super::super::sample::HEADERS);
        let snake: Vec<String> = super::super::sample::HEADERS
            .iter()
            .map(|h| h.to_lowercase().replace(' ', "_"))
            .collect();
        let odd: Vec<String> = super::super::sample::HEADERS
            .iter()
            .map(|h| format!(" {} ", h.replace(' ', "__")))
            .collect();
        let fields = |headers: &[String]| -> Vec<(Field, usize)> {
            let m = ColumnMapping::guess(headers);
            m.0.iter()
                .map(|(f, h)| (*f, headers.iter().position(|x| x == h).unwrap()))
                .collect()
        };
        let from_upper = fields(&upper);
        assert_eq!(from_upper, fields(&snake));
        assert_eq!(from_upper, fields(&odd));
        let m = ColumnMapping::guess(&upper);
        assert_eq!(m.0[&Field::Nip], "NIP BARU");
        assert_eq!(m.0[&Field::Employment], "STATUS CPNS PNS");
        assert_eq!(m.0[&Field::Golongan], "GOL AKHIR NAMA");
        assert_eq!(m.0[&Field::PositionKind], "JENIS JABATAN NAMA");
        assert_eq!(m.0[&Field::Agency], "SATUAN KERJA KERJA NAMA");
        assert_eq!(m.0[&Field::Unit], "UNOR NAMA");
        assert_eq!(m.0[&Field::LegalStatus], "KEDUDUKAN HUKUM NAMA");
        assert_eq!(m.0[&Field::Sex], "JENIS KELAMIN");
        assert!(
            !m.0.contains_key(&Field::Eselon),
            "the export has no eselon"
        );
        // Every required field is found, so no mapping file is needed.
        assert!(m.columns(&upper).is_ok());
        // What is left over is known to be unused.
        let unused: Vec<&String> = upper
            .iter()
            .filter(|h| !m.0.values().any(|v| v == *h))
            .collect();
        assert!(
            unused
                .iter()
                .all(|h| KNOWN_UNUSED.contains(&normalise(h).as_str())),
            "{unused:?}"
        );
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
        assert_eq!(e.code(), ErrorCode::KolomPemetaanTidakAda);
        assert!(e.to_string().contains("\"NOMOR\" untuk NIP"), "{e}");
    }
}
