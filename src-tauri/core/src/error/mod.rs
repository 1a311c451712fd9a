//! Errors as values (*galat*): every failure carries a stable code and a
//! message in Indonesian that a clerk can act on.

use serde::Serialize;

mod db;

pub use db::{Constraint, DbError};

/// One bad row of an import: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RowError {
    /// Line number in the file, counting the header as line 1.
    pub line: usize,
    /// Column name as written in the file's header.
    pub column: String,
    pub message: String,
}

/// Declares [`ErrorCode`], each variant with its code as written on the wire.
macro_rules! error_codes {
    ($($variant:ident => $code:literal,)+) => {
        /// The stable machine-readable code of an [`Error`], the same on the wire
        /// (`ErrorReport.code`), in the CLI's report and in the UI's `ErrorCode`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
        pub enum ErrorCode {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl ErrorCode {
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)+
                }
            }
        }
    };
}

error_codes! {
    AlamatServerTidakSah => "alamat_server_tidak_sah",
    AlamatTerlaluBanyak => "alamat_terlalu_banyak",
    BarisKosong => "baris_kosong",
    BasisData => "basis_data",
    BasisDataBerisi => "basis_data_berisi",
    BasisDataSibuk => "basis_data_sibuk",
    BelumMasukServer => "belum_masuk_server",
    BelumTerbit => "belum_terbit",
    Berhalangan => "berhalangan",
    Berkas => "berkas",
    BerkasBukanUtf8 => "berkas_bukan_utf8",
    BerkasKosong => "berkas_kosong",
    BerkasPertukaran => "berkas_pertukaran",
    BerkasTerlaluBesar => "berkas_terlalu_besar",
    BerkasTidakDipilih => "berkas_tidak_dipilih",
    BerturutNol => "berturut_nol",
    BukanBerkasBiasa => "bukan_berkas_biasa",
    BukanCsv => "bukan_csv",
    BukanDraf => "bukan_draf",
    BukanHariKerja => "bukan_hari_kerja",
    BukanPdf => "bukan_pdf",
    BukanTerbit => "bukan_terbit",
    BukanUtf8 => "bukan_utf8",
    BukuAgendaTanpaTemplat => "buku_agenda_tanpa_templat",
    BukuAgendaTidakAda => "buku_agenda_tidak_ada",
    ButirKosong => "butir_kosong",
    ButirTerlaluDalam => "butir_terlalu_dalam",
    ButirTerlaluPanjang => "butir_terlalu_panjang",
    CadanganDitolak => "cadangan_ditolak",
    CadanganMenimpa => "cadangan_menimpa",
    CsvRusak => "csv_rusak",
    DiLuarRentang => "di_luar_rentang",
    DiubahDiTempatLain => "diubah_di_tempat_lain",
    DokumenRusak => "dokumen_rusak",
    EselonBukanStruktural => "eselon_bukan_struktural",
    EselonTidakDikenal => "eselon_tidak_dikenal",
    EselonWajib => "eselon_wajib",
    FormatTidakDikenal => "format_tidak_dikenal",
    GagalMembaca => "gagal_membaca",
    GagalMenulis => "gagal_menulis",
    GambarRusak => "gambar_rusak",
    GolonganNonAsn => "golongan_non_asn",
    GolonganPppk => "golongan_pppk",
    GolonganTidakDikenal => "golongan_tidak_dikenal",
    HorizonSebelumPeriode => "horizon_sebelum_periode",
    HorizonTidakMaju => "horizon_tidak_maju",
    ImporGagal => "impor_gagal",
    KantorKosong => "kantor_kosong",
    KarakterTidakTersedia => "karakter_tidak_tersedia",
    KataSandiKosong => "kata_sandi_kosong",
    KataSandiPendek => "kata_sandi_pendek",
    KataSandiSalah => "kata_sandi_salah",
    KelompokGanda => "kelompok_ganda",
    KelompokHariBerlebih => "kelompok_hari_berlebih",
    KelompokTanpaHari => "kelompok_tanpa_hari",
    KelompokTanpaNama => "kelompok_tanpa_nama",
    KelompokTunggal => "kelompok_tunggal",
    KeputusanSudahAda => "keputusan_sudah_ada",
    KetidakhadiranTerlaluPanjang => "ketidakhadiran_terlalu_panjang",
    KetidakhadiranTumpangTindih => "ketidakhadiran_tumpang_tindih",
    Klasifikasi => "klasifikasi",
    KataSandiServer => "kata_sandi_server",
    KolomPemetaanTidakAda => "kolom_pemetaan_tidak_ada",
    KolomWajibHilang => "kolom_wajib_hilang",
    Kriptografi => "kriptografi",
    KunciTidakCocok => "kunci_tidak_cocok",
    KunciTidakDidukung => "kunci_tidak_didukung",
    KuotaTerbalik => "kuota_terbalik",
    LambangFormat => "lambang_format",
    LambangTerlaluBesar => "lambang_terlalu_besar",
    LampiranBaris => "lampiran_baris",
    LampiranKolom => "lampiran_kolom",
    LevelNol => "level_nol",
    NamaSudahAda => "nama_sudah_ada",
    NipBukanAngka => "nip_bukan_angka",
    NipGanda => "nip_ganda",
    NipJenisKelamin => "nip_jenis_kelamin",
    NipKosong => "nip_kosong",
    NipNonAsn => "nip_non_asn",
    NipPanjang => "nip_panjang",
    NipSudahAda => "nip_sudah_ada",
    NipTanggalLahir => "nip_tanggal_lahir",
    NipTidakDikenal => "nip_tidak_dikenal",
    NipTmtCpns => "nip_tmt_cpns",
    NipUrut => "nip_urut",
    NomorSudahAda => "nomor_sudah_ada",
    PdfGagalDibaca => "pdf_gagal_dibaca",
    PdfKosong => "pdf_kosong",
    PdfPerluKonfirmasi => "pdf_perlu_konfirmasi",
    PdfRusak => "pdf_rusak",
    PdfTerenkripsi => "pdf_terenkripsi",
    PdfTerpotong => "pdf_terpotong",
    PdfTidakTerbaca => "pdf_tidak_terbaca",
    PdfTidakWajar => "pdf_tidak_wajar",
    PemKosong => "pem_kosong",
    PemRusak => "pem_rusak",
    PemberitahuanBelumTercatat => "pemberitahuan_belum_tercatat",
    PemberitahuanSudahAda => "pemberitahuan_sudah_ada",
    PemetaanTidakSah => "pemetaan_tidak_sah",
    PemisahTidakDikenal => "pemisah_tidak_dikenal",
    PenampilPdf => "penampil_pdf",
    PenandaTanganKosong => "penanda_tangan_kosong",
    PerangkatDaerahBerpegawai => "perangkat_daerah_berpegawai",
    PerangkatDaerahTidakAda => "perangkat_daerah_tidak_ada",
    PerangkatDaerahTidakDikenal => "perangkat_daerah_tidak_dikenal",
    PeriodeBerakhir => "periode_berakhir",
    PeriodeKosong => "periode_kosong",
    PeriodeTerbalik => "periode_terbalik",
    PeriodeTerlaluPanjang => "periode_terlalu_panjang",
    PersentaseTidakSah => "persentase_tidak_sah",
    PiketMelanggarAturan => "piket_melanggar_aturan",
    PiketNol => "piket_nol",
    PilihanTidakDikenal => "pilihan_tidak_dikenal",
    ProfilBelumAda => "profil_belum_ada",
    RujukanTidakAda => "rujukan_tidak_ada",
    SalinanTidakCocok => "salinan_tidak_cocok",
    SampahGagal => "sampah_gagal",
    SertifikatBelumBerlaku => "sertifikat_belum_berlaku",
    SertifikatBukanPenandaTangan => "sertifikat_bukan_penanda_tangan",
    SertifikatKedaluwarsa => "sertifikat_kedaluwarsa",
    SertifikatKosong => "sertifikat_kosong",
    SertifikatOrangLain => "sertifikat_orang_lain",
    SertifikatRusak => "sertifikat_rusak",
    SertifikatTanpaKunci => "sertifikat_tanpa_kunci",
    SertifikatTidakTersimpan => "sertifikat_tidak_tersimpan",
    ServerTerputus => "server_terputus",
    SertifikatTidakWajar => "sertifikat_tidak_wajar",
    SkemaLebihBaru => "skema_lebih_baru",
    SkemaTidakSah => "skema_tidak_sah",
    SrikandiPerluDraf => "srikandi_perlu_draf",
    StrukturalNonAsn => "struktural_non_asn",
    SudahTerjadwal => "sudah_terjadwal",
    SumberGanda => "sumber_ganda",
    SuratEdaranTerbit => "surat_edaran_terbit",
    TahunBerbeda => "tahun_berbeda",
    TandaTanganRusak => "tanda_tangan_rusak",
    TanggalGanda => "tanggal_ganda",
    TanggalMundur => "tanggal_mundur",
    TanpaData => "tanpa_data",
    TanpaPemberitahuan => "tanpa_pemberitahuan",
    TemplatNomor => "templat_nomor",
    TemplatTanpaTahun => "templat_tanpa_tahun",
    TerlaluPanjang => "terlalu_panjang",
    TidakDitemukan => "tidak_ditemukan",
    TidakTerjadwal => "tidak_terjadwal",
    UnitBukanMilik => "unit_bukan_milik",
    UnitIndukDiriSendiri => "unit_induk_diri_sendiri",
    UnitIndukLain => "unit_induk_lain",
    UnitIndukMelingkar => "unit_induk_melingkar",
    UnitPindah => "unit_pindah",
    UnitTidakKosong => "unit_tidak_kosong",
    UrungkanDitolak => "urungkan_ditolak",
    UrungkanGagal => "urungkan_gagal",
    UrungkanKedaluwarsa => "urungkan_kedaluwarsa",
    VerifikasiGagal => "verifikasi_gagal",
    WajibDiisi => "wajib_diisi",
    XlsxGagal => "xlsx_gagal",
    XlsxRusak => "xlsx_rusak",
    XlsxTerlaluBesar => "xlsx_terlalu_besar",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A field of a form or a record is not acceptable.
    #[error("{message}")]
    Invalid {
        code: ErrorCode,
        field: &'static str,
        message: String,
    },
    /// The record asked for does not exist (any more).
    #[error("{0} tidak ditemukan.")]
    NotFound(String),
    /// The change is refused because it would break the office's data.
    #[error("{message}")]
    Refused { code: ErrorCode, message: String },
    /// An import file has bad rows; nothing was written.
    #[error("Impor dibatalkan: {} baris bermasalah, tidak ada data yang disimpan.", .0.len())]
    Import(Vec<RowError>),
    #[error("Basis data ini dibuat oleh Edaran versi lebih baru (skema {found}, versi ini hanya mengenal sampai {known}). Perbarui aplikasi Edaran.")]
    NewerSchema { found: i64, known: i64 },
    #[error("{}", db_message(.0))]
    Db(#[from] DbError),
    #[error("Berkas tidak dapat dibaca atau ditulis: {}.", io_reason(.0))]
    Io(#[from] std::io::Error),
}

impl Error {
    /// Shorthand for a field error.
    pub fn invalid(code: ErrorCode, field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            code,
            field,
            message: message.into(),
        }
    }

    /// The same refusal said of form field `field` (a file's, of the field that chose it).
    pub fn on_field(self, field: &'static str) -> Self {
        match self {
            Error::Invalid { code, message, .. } => Error::Invalid {
                code,
                field,
                message,
            },
            other => other,
        }
    }

    /// Stable machine-readable code, used by the UI and the CLI's exit report.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid { code, .. } | Error::Refused { code, .. } => *code,
            Error::NotFound(_) => ErrorCode::TidakDitemukan,
            Error::Import(_) => ErrorCode::ImporGagal,
            Error::NewerSchema { .. } => ErrorCode::SkemaLebihBaru,
            Error::Db(DbError::Login(_)) => ErrorCode::KataSandiServer,
            Error::Db(e) if e.is_busy() => ErrorCode::BasisDataSibuk,
            Error::Db(e) if e.is_lost() => ErrorCode::ServerTerputus,
            Error::Db(_) => ErrorCode::BasisData,
            Error::Io(_) => ErrorCode::Berkas,
        }
    }

    /// The form field the error is about, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            Error::Db(DbError::Login(_)) => Some("password"),
            _ => None,
        }
    }
}

/// What the operating system said, in words a clerk can act on.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "tidak ditemukan; periksa letak dan namanya".into(),
        PermissionDenied => {
            "izin ditolak; pilih folder lain atau minta izin kepada pengelola komputer".into()
        }
        AlreadyExists => "sudah ada berkas dengan nama itu; pilih nama lain".into(),
        StorageFull => "ruang penyimpanan penuh; kosongkan sebagian lalu coba lagi".into(),
        ReadOnlyFilesystem => {
            "penyimpanannya hanya dapat dibaca (mis. flashdisk terkunci); pilih tempat lain".into()
        }
        IsADirectory => "yang dipilih sebuah folder, bukan berkas".into(),
        InvalidData | UnexpectedEof => "isinya rusak atau terpotong".into(),
        TimedOut | Interrupted | WouldBlock => "sistem tidak menjawab; coba lagi".into(),
        _ => match e.raw_os_error() {
            Some(code) => {
                format!("kesalahan sistem berkas (kode {code}); coba lagi atau pilih tempat lain")
            }
            None => "kesalahan sistem berkas; coba lagi atau pilih tempat lain".into(),
        },
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Db(e.into())
    }
}

/// `Ok(None)` for a query that found no row, as the store reads it.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Error::Db(DbError::NoRows)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

fn db_message(e: &DbError) -> String {
    if e.is_busy() {
        "Basis data sedang dipakai proses lain (jendela Edaran lain atau perintah edaran); perubahan ini tidak tersimpan ke basis data. Coba lagi sebentar lagi.".into()
    } else if let DbError::Connect(why) | DbError::Login(why) = e {
        why.clone()
    } else if e.is_lost() {
        "Sambungan ke server basis data bersama terputus; perubahan ini belum tersimpan. Periksa jaringan atau server, lalu coba lagi: isian yang belum tersimpan tetap ada.".into()
    } else {
        format!("Kesalahan basis data: {e}")
    }
}

/// The shape errors take on the wire (UI and `--format json`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ErrorReport {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub rows: Vec<RowError>,
}

impl From<Error> for ErrorReport {
    fn from(e: Error) -> Self {
        ErrorReport::from(&e)
    }
}

impl From<&Error> for ErrorReport {
    fn from(e: &Error) -> Self {
        ErrorReport {
            code: e.code(),
            message: e.to_string(),
            field: e.field(),
            rows: match e {
                Error::Import(rows) => rows.clone(),
                _ => Vec::new(),
            },
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_database_is_named_in_indonesian_and_says_nothing_was_saved() {
        let busy = Error::from(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        ));
        assert_eq!(busy.code(), ErrorCode::BasisDataSibuk);
        assert!(busy
            .to_string()
            .starts_with("Basis data sedang dipakai proses lain"));
        let other = Error::from(rusqlite::Error::QueryReturnedNoRows);
        assert_eq!(other.code(), ErrorCode::BasisData);
        assert!(other.to_string().starts_with("Kesalahan basis data: "));
    }

    #[test]
    fn os_errors_are_said_in_indonesian_with_what_to_do() {
        let gone = Error::from(std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(
            gone.to_string(),
            "Berkas tidak dapat dibaca atau ditulis: tidak ditemukan; periksa letak dan namanya."
        );
        let raw = Error::from(std::io::Error::from_raw_os_error(2));
        assert!(!raw.to_string().contains("No such file"), "{raw}");
        let odd = Error::from(std::io::Error::from_raw_os_error(71));
        assert!(odd.to_string().contains("(kode 71)"), "{odd}");
    }
}
