//! Errors as values (*galat*): every failure carries a stable code and a
//! message in Indonesian that a clerk can act on.

use serde::Serialize;

/// One bad row of an import: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// Line number in the file, counting the header as line 1.
    pub line: usize,
    /// Column name as written in the file's header.
    pub column: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A field of a form or a record is not acceptable.
    #[error("{message}")]
    Invalid {
        code: &'static str,
        field: &'static str,
        message: String,
    },
    /// The record asked for does not exist (any more).
    #[error("{0} tidak ditemukan.")]
    NotFound(String),
    /// The change is refused because it would break the office's data.
    #[error("{message}")]
    Refused { code: &'static str, message: String },
    /// An import file has bad rows; nothing was written.
    #[error("Impor dibatalkan: {} baris bermasalah, tidak ada data yang disimpan.", .0.len())]
    Import(Vec<RowError>),
    #[error("Basis data ini dibuat oleh Edaran versi lebih baru (skema {found}, versi ini hanya mengenal sampai {known}). Perbarui aplikasi Edaran.")]
    NewerSchema { found: i64, known: i64 },
    #[error("{}", db_message(.0))]
    Db(#[from] rusqlite::Error),
    #[error("Berkas tidak dapat dibaca atau ditulis: {}.", io_reason(.0))]
    Io(#[from] std::io::Error),
}

impl Error {
    /// Shorthand for a field error.
    pub fn invalid(code: &'static str, field: &'static str, message: impl Into<String>) -> Self {
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
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { code, .. } | Error::Refused { code, .. } => code,
            Error::NotFound(_) => "tidak_ditemukan",
            Error::Import(_) => "impor_gagal",
            Error::NewerSchema { .. } => "skema_lebih_baru",
            Error::Db(e) if busy(e) => "basis_data_sibuk",
            Error::Db(_) => "basis_data",
            Error::Io(_) => "berkas",
        }
    }

    /// The form field the error is about, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
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

/// Another connection (a second Edaran window, the `edaran` command) held
/// the database longer than the busy timeout.
fn busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

fn db_message(e: &rusqlite::Error) -> String {
    if busy(e) {
        "Basis data sedang dipakai proses lain (jendela Edaran lain atau perintah edaran); perubahan ini tidak tersimpan ke basis data. Coba lagi sebentar lagi.".into()
    } else {
        format!("Kesalahan basis data: {e}")
    }
}

/// The shape errors take on the wire (UI and `--format json`).
#[derive(Debug, Serialize)]
pub struct ErrorReport {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowError>,
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
        assert_eq!(busy.code(), "basis_data_sibuk");
        assert!(busy
            .to_string()
            .starts_with("Basis data sedang dipakai proses lain"));
        let other = Error::from(rusqlite::Error::QueryReturnedNoRows);
        assert_eq!(other.code(), "basis_data");
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
