//! Opening a user's file (*berkas pengguna*): the one place that reads what
//! a clerk chose, dropped or named on the command line. It refuses what is
//! not a regular file (a folder, a FIFO, a device such as `/dev/zero`)
//! before opening it, refuses a file over the limit for its kind (the limit
//! is in the message), and reads at most that many bytes, so a file that
//! grows while it is read is still bounded. A FIFO is opened non-blocking, so
//! swapping one in after the check cannot hang the reader either.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::ErrorCode;

const MB: u64 = 1024 * 1024;

/// The kind an output file asks for by its extension (any case): the one of
/// `kinds` (extension, kind) it names, else a refusal naming `what` and the
/// extensions allowed (`.pdf atau .docx (Word)`).
pub fn output_kind<K: Copy>(
    path: &Path,
    what: &str,
    kinds: &[(&str, K)],
    allowed: &str,
) -> Result<K> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    kinds
        .iter()
        .find(|(e, _)| *e == extension)
        .map(|(_, kind)| *kind)
        .ok_or_else(|| {
            Error::invalid(
                ErrorCode::FormatTidakDikenal,
                "output",
                format!(
                    "Berkas {what} {} berakhiran {allowed}; akhiran itu menentukan bentuknya.",
                    path.display()
                ),
            )
        })
}

/// Employee import, CSV or XLSX (a regency's whole roster is a few MB).
pub const MAX_IMPORT_BYTES: u64 = 50 * MB;
/// A list CSV: holidays, absences.
pub const MAX_LIST_CSV_BYTES: u64 = 5 * MB;
/// Exchange JSON of one circular (its emblem travels inside, base64).
pub const MAX_EXCHANGE_BYTES: u64 = 20 * MB;
/// A column-mapping JSON file.
pub const MAX_MAPPING_BYTES: u64 = MB;
/// A PKCS#12 file (`.p12`/`.pfx`): one key and its chain.
pub const MAX_PKCS12_BYTES: u64 = MB;
/// A PEM file of trusted root certificates.
pub const MAX_PEM_BYTES: u64 = 4 * MB;
/// A PDF to sign or verify.
pub const MAX_PDF_BYTES: u64 = 100 * MB;
/// A signed circular back from SRIKANDI: a few pages, scanned lampiran at most.
pub const MAX_SRIKANDI_PDF_BYTES: u64 = 20 * MB;
/// An emblem image, as the store keeps it (the kop prints it about 2.5 cm wide).
pub const MAX_IMAGE_BYTES: u64 = 2 * MB;

/// Reads the file at `path`, refusing it when it is not a regular file or is
/// larger than `max_bytes`; `what` names it in messages ("berkas impor
/// pegawai", "PDF", …).
pub fn read_limited(path: &Path, max_bytes: u64, what: &str) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(path, what, &e))?;
    check_metadata(path, &meta, max_bytes, what)?;
    let file = open(path).map_err(|e| cannot_read(path, what, &e))?;
    // The path may have been replaced between the check and the open.
    let meta = file.metadata().map_err(|e| cannot_read(path, what, &e))?;
    check_metadata(path, &meta, max_bytes, what)?;
    let mut bytes = Vec::with_capacity(meta.len().min(max_bytes) as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(path, what, &e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::invalid(
            ErrorCode::BerkasTerlaluBesar,
            "file",
            format!(
                "{} terlalu besar: lebih dari {} (berkas bertambah selagi dibaca); batasnya {}: {}",
                capitalized(what),
                size(max_bytes),
                size(max_bytes),
                path.display()
            ),
        ));
    }
    Ok(bytes)
}

/// [`read_limited`] for a text file that must be UTF-8.
pub fn read_text_limited(path: &Path, max_bytes: u64, what: &str) -> Result<String> {
    String::from_utf8(read_limited(path, max_bytes, what)?).map_err(|e| {
        Error::invalid(
            ErrorCode::BukanUtf8,
            "file",
            format!(
                "{} bukan teks UTF-8 (bita tidak sah pada posisi {}): {}. Simpan ulang berkas sebagai UTF-8.",
                capitalized(what),
                e.utf8_error().valid_up_to(),
                path.display()
            ),
        )
    })
}

/// Only the path checks of [`read_limited`], without a size limit: for files
/// another part of the core opens itself (a backup to restore).
pub fn check_regular_file(path: &Path, what: &str) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(path, what, &e))?;
    check_metadata(path, &meta, u64::MAX, what)
}

/// `1,5 MB`, `200 MB`, `2,0 GB`: sizes as a clerk reads them (1 MB = 1024² bytes).
pub fn size(bytes: u64) -> String {
    let (value, unit) = match bytes {
        b if b >= 1024 * MB => (b as f64 / (1024 * MB) as f64, "GB"),
        b if b >= MB => (b as f64 / MB as f64, "MB"),
        b if b >= 1024 => (b as f64 / 1024.0, "KB"),
        b => return format!("{b} bita"),
    };
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text).replace('.', ",");
    format!("{text} {unit}")
}

/// `17179869184` → `17.179.869.184`.
pub fn thousands(n: u64) -> String {
    group_digits(&n.to_string())
}

/// Digits grouped by three with dots, as Indonesian writes numbers.
pub(crate) fn group_digits(digits: &str) -> String {
    digits
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|g| std::str::from_utf8(g).unwrap_or(""))
        .collect::<Vec<_>>()
        .join(".")
}

fn check_metadata(path: &Path, meta: &Metadata, max_bytes: u64, what: &str) -> Result<()> {
    if meta.is_dir() {
        return Err(Error::invalid(
            ErrorCode::BukanBerkasBiasa,
            "file",
            format!(
                "{} yang dipilih adalah folder, bukan berkas: {}",
                capitalized(what),
                path.display()
            ),
        ));
    }
    if !meta.is_file() {
        return Err(Error::invalid(
            ErrorCode::BukanBerkasBiasa,
            "file",
            format!(
                "{} bukan berkas biasa (FIFO/perangkat): {}",
                capitalized(what),
                path.display()
            ),
        ));
    }
    if meta.len() > max_bytes {
        return Err(Error::invalid(
            ErrorCode::BerkasTerlaluBesar,
            "file",
            format!(
                "{} terlalu besar: {}; batasnya {}: {}",
                capitalized(what),
                size(meta.len()),
                size(max_bytes),
                path.display()
            ),
        ));
    }
    Ok(())
}

#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

fn cannot_read(path: &Path, what: &str, e: &std::io::Error) -> Error {
    Error::invalid(
        ErrorCode::GagalMembaca,
        "file",
        format!(
            "{} tidak dapat dibaca ({}): {}",
            capitalized(what),
            crate::error::io_reason(e),
            path.display()
        ),
    )
}

fn capitalized(what: &str) -> String {
    let mut chars = what.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Berkas".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_the_indonesian_way() {
        assert_eq!(size(200 * MB), "200 MB");
        assert_eq!(size(2 * 1024 * MB + 100 * MB), "2,1 GB");
        assert_eq!(size(1536 * 1024), "1,5 MB");
        assert_eq!(size(12), "12 bita");
        assert_eq!(size(600 * MB + 20), "600 MB");
        assert_eq!(thousands(17_179_869_184), "17.179.869.184");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1.000");
    }

    #[test]
    fn a_regular_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(&path, b"nip;nama\n").unwrap();
        assert_eq!(read_limited(&path, 9, "berkas").unwrap(), b"nip;nama\n");
        assert_eq!(
            read_text_limited(&path, 100, "berkas").unwrap(),
            "nip;nama\n"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_both_sizes_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("besar.csv");
        let file = File::create(&path).unwrap();
        file.set_len(2 * 1024 * MB + 100 * MB).unwrap();
        let e = read_limited(&path, 200 * MB, "berkas impor pegawai").unwrap_err();
        assert_eq!(e.code(), ErrorCode::BerkasTerlaluBesar);
        assert_eq!(e.field(), Some("file"));
        let message = e.to_string();
        assert!(
            message.starts_with("Berkas impor pegawai terlalu besar: 2,1 GB; batasnya 200 MB"),
            "{message}"
        );
        assert!(message.contains("besar.csv"), "{message}");
    }

    #[test]
    fn folders_devices_and_missing_files_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_limited(dir.path(), MB, "berkas").unwrap_err();
        assert_eq!(e.code(), ErrorCode::BukanBerkasBiasa);
        assert!(e.to_string().contains("folder"), "{e}");
        let e = read_limited(Path::new("/dev/zero"), MB, "PDF").unwrap_err();
        assert_eq!(e.code(), ErrorCode::BukanBerkasBiasa);
        assert_eq!(
            e.to_string(),
            "PDF bukan berkas biasa (FIFO/perangkat): /dev/zero"
        );
        let e = read_limited(&dir.path().join("tidak-ada.csv"), MB, "berkas").unwrap_err();
        assert_eq!(e.code(), ErrorCode::GagalMembaca);
        assert!(e.to_string().contains("tidak ditemukan"), "{e}");
        assert!(check_regular_file(Path::new("/dev/null"), "cadangan").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipa");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let e = read_limited(&fifo, MB, "berkas impor pegawai").unwrap_err();
        assert_eq!(e.code(), ErrorCode::BukanBerkasBiasa);
        // Opening it non-blocking does not wait for a writer either.
        assert!(open(&fifo).is_ok());
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_with_its_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, b"{\"a\": \"\xff\"}").unwrap();
        let e = read_text_limited(&path, MB, "berkas pertukaran").unwrap_err();
        assert_eq!(e.code(), ErrorCode::BukanUtf8);
        assert!(e.to_string().contains("posisi 7"), "{e}");
    }
}
