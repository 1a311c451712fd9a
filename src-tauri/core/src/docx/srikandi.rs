//! The hand-off to SRIKANDI (the national e-office, where certified
//! signatures and numbering happen): the circular as a Word file whose
//! number, date and signature are SRIKANDI's merge fields, which SRIKANDI
//! finds by their text and fills when it numbers and signs, and a metadata
//! sheet the clerk copies into SRIKANDI's registration form. The field
//! list and the how-to are in `docs/srikandi.md`.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::circular::Circular;
use crate::error::{Error, Result};
use crate::office::PaperSize;
use crate::printed::{self, Filled, Heading};
use crate::vocab::vocabulary;
use crate::ErrorCode;

/// SRIKANDI's merge fields, each written as one run of text.
pub const NOMOR: &str = "${nomor_naskah}";
pub const TANGGAL: &str = "${tanggal_naskah}";
pub const TTD: &str = "${ttd_pengirim}";
pub const NAMA: &str = "${nama_pengirim}";
pub const NIP: &str = "${nip_pengirim}";

vocabulary!(
    /// *Sifat naskah* in SRIKANDI's form.
    Sifat, "Sifat naskah" {
        Biasa => "biasa", "Biasa";
        Terbatas => "terbatas", "Terbatas";
        Rahasia => "rahasia", "Rahasia";
        SangatRahasia => "sangat_rahasia", "Sangat Rahasia";
    }
);

vocabulary!(
    /// *Tingkat urgensi* in SRIKANDI's form.
    Urgensi, "Tingkat urgensi" {
        Biasa => "biasa", "Biasa";
        Segera => "segera", "Segera";
        AmatSegera => "amat_segera", "Amat Segera";
    }
);

/// What SRIKANDI fills in: the number and date wherever the circular
/// prints them (title, lampiran headers, date of issue), the signer's
/// name and NIP under the main signature block and every lampiran's, the
/// signature in the main block's signing space. The office lines (with
/// `a.n.`, `u.b.`, `Plt.` …) and the pangkat stay as written: SRIKANDI's
/// `${jabatan_pengirim}` knows the signer's post, not the form of signing.
pub fn fields(c: &Circular) -> Filled {
    Filled {
        number: NOMOR.into(),
        date: TANGGAL.into(),
        name: NAMA.into(),
        rank_and_nip: c
            .signature
            .rank_and_nip()
            .map(|(rank, _)| (rank.to_string(), NIP.into())),
        signing: Some(TTD.into()),
    }
}

/// The circular as the Word file to upload to SRIKANDI.
pub fn render(c: &Circular, paper: PaperSize) -> Result<Vec<u8>> {
    super::write(c, &Heading::SuratEdaran, &fields(c), paper)
}

/// The metadata sheet: what SRIKANDI's form for an outgoing document asks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sheet {
    pub jenis: &'static str,
    pub sifat: Sifat,
    pub urgensi: Urgensi,
    /// The classification code; empty when neither given nor in the number.
    pub klasifikasi: String,
    pub hal: String,
    pub tujuan: Vec<String>,
    pub tembusan: Vec<String>,
}

impl Sheet {
    /// The sheet of `c`; `classification` is the code its register numbers
    /// with (else the first part of its number, `800` of `800/439/BKPSDM/2020`).
    pub fn new(
        c: &Circular,
        classification: Option<&str>,
        sifat: Sifat,
        urgensi: Urgensi,
    ) -> Sheet {
        let from_number = || {
            let first = c.number.split('/').next().unwrap_or_default().trim();
            let code = first
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if code {
                first.to_string()
            } else {
                String::new()
            }
        };
        let klasifikasi = classification
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map_or_else(from_number, str::to_string);
        let closed = |lines: Vec<String>| {
            lines
                .into_iter()
                .map(|l| l.trim_end_matches([';', '.']).to_string())
                .collect()
        };
        Sheet {
            jenis: "Surat Edaran",
            sifat,
            urgensi,
            klasifikasi,
            hal: c.subject.trim().to_string(),
            tujuan: closed(printed::addressees(c)),
            tembusan: closed(printed::copies(c)),
        }
    }

    /// The sheet as text to copy from, for `document` (the Word file's name).
    pub fn text(&self, document: &str) -> String {
        let list = |items: &[String]| -> String {
            if items.is_empty() {
                return " -\r\n".into();
            }
            let lines: String = items
                .iter()
                .enumerate()
                .map(|(i, t)| format!("  {}. {t}\r\n", i + 1))
                .collect();
            format!("\r\n{lines}")
        };
        let klasifikasi = match self.klasifikasi.as_str() {
            "" => "(isi kode klasifikasi arsip naskah ini)",
            k => k,
        };
        format!(
            "LEMBAR METADATA NASKAH UNTUK SRIKANDI\r\n\
             Salin isian ini ke formulir Registrasi Naskah Keluar di SRIKANDI,\r\n\
             lalu unggah berkas Word {document}.\r\n\r\n\
             Jenis Naskah    : {}\r\n\
             Sifat Naskah    : {}\r\n\
             Tingkat Urgensi : {}\r\n\
             Klasifikasi     : {klasifikasi}\r\n\
             Hal             : {}\r\n\
             Tujuan          :{}\
             Tembusan        :{}",
            self.jenis,
            self.sifat.label(),
            self.urgensi.label(),
            self.hal,
            list(&self.tujuan),
            list(&self.tembusan),
        )
    }
}

/// Where the sheet of the Word file `docx` goes: beside it, `<name>-metadata.txt`.
pub fn sheet_path(docx: &Path) -> PathBuf {
    let stem = docx
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    docx.with_file_name(format!("{stem}-metadata.txt"))
}

/// Writes the Word file to `docx` and the sheet beside it ([`sheet_path`]),
/// both or neither; returns the sheet's path.
pub fn save(docx: &Path, bytes: &[u8], sheet: &Sheet) -> Result<PathBuf> {
    let sheet_file = sheet_path(docx);
    let name = docx
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let failed = |path: &Path, e: std::io::Error| Error::Refused {
        code: ErrorCode::GagalMenulis,
        message: format!("Berkas {} tidak dapat ditulis: {e}", path.display()),
    };
    // With a BOM, so Notepad on an office PC reads it as UTF-8.
    let text = format!("\u{feff}{}", sheet.text(&name));
    std::fs::write(&sheet_file, text).map_err(|e| failed(&sheet_file, e))?;
    if let Err(e) = std::fs::write(docx, bytes) {
        let _ = std::fs::remove_file(&sheet_file);
        return Err(failed(docx, e));
    }
    Ok(sheet_file)
}
