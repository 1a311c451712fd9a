//! SRIKANDI, the national e-office: a circular drafted here is numbered and
//! signed (BSrE certificate) there, and its signed PDF comes back to be
//! recorded with its number (`Store::record_from_srikandi`). That PDF is a
//! user's file: [`SrikandiPdf`] refuses what is no whole PDF (empty, another
//! kind of file, truncated, over [`MAX_SRIKANDI_PDF_BYTES`], hostile, a
//! broken signature) and states what a clerk must confirm (no electronic
//! signature; the number not in its text). Its BSrE signature is not
//! verified here: BSrE's root certificates are not shipped with Edaran.

use std::path::Path;

use chrono::{DateTime, Utc};
use lopdf::{Document, LoadOptions};

use crate::error::{Error, Result};
use crate::files::{read_limited, size, MAX_SRIKANDI_PDF_BYTES};
use crate::sign::{self, SignatureReport};
use crate::ErrorCode;

/// How far a stream of the PDF may inflate while its first page's text is read.
const MAX_TEXT_INFLATED_BYTES: usize = 32 * 1024 * 1024;
/// Where `%PDF-` must start, and where `%%EOF` must end (PDF readers look there).
const ENDS: usize = 1024;

/// A PDF from SRIKANDI, checked: whole, not hostile, any signature intact.
#[derive(Debug, Clone)]
pub struct SrikandiPdf {
    bytes: Vec<u8>,
    sha256: String,
    /// The electronic signatures found (none: a warning to confirm).
    signatures: Vec<SignatureReport>,
    /// The text of page 1, whitespace removed, upper case; `None` when unreadable.
    first_page: Option<String>,
}

fn refused(code: ErrorCode, message: String) -> Error {
    Error::invalid(code, "pdf", message)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `800.1.11/123/BKPSDM/2026` as compared with a PDF's text: text extraction
/// puts spaces where the layout moved, so no whitespace counts, nor case.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

impl SrikandiPdf {
    /// Reads and checks the PDF at `path`, refusing one over
    /// [`MAX_SRIKANDI_PDF_BYTES`] before reading it.
    pub fn read(path: &Path) -> Result<SrikandiPdf> {
        let bytes = read_limited(path, MAX_SRIKANDI_PDF_BYTES, "PDF dari SRIKANDI")
            .map_err(|e| e.on_field("pdf"))?;
        SrikandiPdf::from_bytes(bytes)
    }

    /// Checks `bytes` as a PDF that came back from SRIKANDI.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<SrikandiPdf> {
        if bytes.len() as u64 > MAX_SRIKANDI_PDF_BYTES {
            return Err(refused(
                ErrorCode::BerkasTerlaluBesar,
                format!(
                    "PDF dari SRIKANDI terlalu besar: {}; batasnya {}.",
                    size(bytes.len() as u64),
                    size(MAX_SRIKANDI_PDF_BYTES)
                ),
            ));
        }
        if bytes.is_empty() {
            return Err(refused(
                ErrorCode::PdfKosong,
                "Berkas PDF yang dipilih kosong (0 bita). Unduh ulang PDF yang sudah ditandatangani dari SRIKANDI.".into(),
            ));
        }
        let head = &bytes[..bytes.len().min(ENDS)];
        if !contains(head, b"%PDF-") {
            let what = if bytes.starts_with(b"PK\x03\x04") {
                "dokumen Word (DOCX) atau arsip ZIP"
            } else {
                "berkas lain"
            };
            return Err(refused(
                ErrorCode::BukanPdf,
                format!(
                    "Berkas yang dipilih bukan PDF ({what}: tanda %PDF- tidak ada di awal berkas). \
                     Pilih PDF surat edaran yang sudah ditandatangani, diunduh dari SRIKANDI."
                ),
            ));
        }
        let tail = &bytes[bytes.len().saturating_sub(ENDS)..];
        if !contains(tail, b"%%EOF") {
            return Err(refused(
                ErrorCode::PdfTerpotong,
                "PDF ini terpotong: penanda akhir %%EOF tidak ada di akhir berkas (unduhan belum selesai?). \
                 Unduh ulang PDF dari SRIKANDI."
                    .into(),
            ));
        }
        // No trusted roots: the signatures' bytes are checked, not their certificates.
        let report = sign::verify_pdf(&bytes, &[])?;
        if let Some((i, broken)) = report
            .signatures
            .iter()
            .enumerate()
            .find(|(_, s)| !s.intact)
        {
            return Err(refused(
                ErrorCode::TandaTanganRusak,
                format!(
                    "Tanda tangan elektronik ke-{} pada PDF ini rusak atau isinya berubah setelah ditandatangani ({}). \
                     Unduh ulang PDF dari SRIKANDI.",
                    i + 1,
                    broken.problems.join(" ").trim_end_matches('.')
                ),
            ));
        }
        let first_page = first_page_text(&bytes);
        Ok(SrikandiPdf {
            sha256: report.sha256,
            signatures: report.signatures,
            first_page,
            bytes,
        })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// SHA-256 of the whole file, as kept.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// When it was signed (the first signature's own claim), if it says.
    pub fn signed_at(&self) -> Option<DateTime<Utc>> {
        self.signatures.iter().find_map(|s| s.signing_time)
    }

    /// Its signatures in one sentence: who signed, and that Edaran did not
    /// verify the certificates.
    pub fn describe(&self) -> String {
        let names: Vec<String> = self
            .signatures
            .iter()
            .map(|s| match &s.certificate {
                Some(c) => format!("{} (penerbit {})", c.name, c.issuer_name),
                None => "tanpa sertifikat".into(),
            })
            .collect();
        match names.len() {
            0 => "Tanpa tanda tangan elektronik.".into(),
            n => format!(
                "{n} tanda tangan elektronik: {}. Ditandatangani di SRIKANDI; sertifikatnya tidak diverifikasi oleh Edaran.",
                crate::words::list(&names)
            ),
        }
    }

    /// What the clerk must confirm before this PDF is kept for `number`:
    /// no electronic signature, or the number not found on page 1.
    pub fn warnings(&self, number: &str) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.signatures.is_empty() {
            warnings.push(
                "PDF ini tidak memuat tanda tangan elektronik (tidak ada kamus tanda tangan /ByteRange), \
                 padahal PDF dari SRIKANDI selalu ditandatangani dengan sertifikat BSrE; \
                 pastikan yang dipilih PDF yang sudah ditandatangani, bukan konsep yang diunggah."
                    .to_string(),
            );
        }
        let number = number.trim();
        match &self.first_page {
            Some(text) if text.contains(&squeezed(number)) => {}
            Some(_) => warnings.push(format!(
                "Nomor {number} tidak ditemukan di PDF (halaman 1); periksa nomornya atau PDF yang dipilih."
            )),
            None => warnings.push(format!(
                "Teks halaman 1 PDF ini tidak dapat dibaca Edaran, sehingga nomor {number} tidak dapat dicocokkan; \
                 periksa sendiri nomor pada PDF."
            )),
        }
        warnings
    }
}

/// Page 1's text, squeezed; `None` when the PDF or its text cannot be read
/// (a scan, a font without a Unicode map) or it shows no text at all.
fn first_page_text(bytes: &[u8]) -> Option<String> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_TEXT_INFLATED_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).ok()?;
    let text = doc
        .extract_text_with_limit(&[1], MAX_TEXT_INFLATED_BYTES)
        .ok()?;
    Some(squeezed(&text)).filter(|t| !t.is_empty())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::office::PaperSize;

    pub(crate) const NUMBER: &str = "800.1.11/123/BKPSDM/2026";

    /// Edaran's own rendering of the demo's template circular, numbered
    /// `number`: what SRIKANDI prints from the hand-off, near enough.
    pub(crate) fn printed(number: &str) -> Vec<u8> {
        let mut doc = crate::exchange::from_json(include_str!(
            "../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap();
        doc.number = number.into();
        crate::pdf::render(&doc, PaperSize::F4, Utc::now()).unwrap()
    }

    /// `pdf` signed as SRIKANDI would, with a certificate of a root this
    /// office does not know (BSrE's stand-in).
    pub(crate) fn signed(pdf: &[u8]) -> Vec<u8> {
        let bsre = sign::new_internal(
            "Balai Sertifikasi Elektronik",
            "H. RUSDI HAMZAH",
            Utc::now(),
            1,
        )
        .unwrap()
        .signer;
        let options = sign::SignOptions {
            reason: "Tanda tangan SRIKANDI".into(),
            location: "Jakarta".into(),
            time: Utc::now(),
            mark: None,
        };
        sign::sign_pdf(pdf, &bsre, &options).unwrap()
    }

    fn refusal(bytes: Vec<u8>) -> Error {
        SrikandiPdf::from_bytes(bytes).unwrap_err()
    }

    #[test]
    fn empty_other_kinds_and_truncated_files_are_refused_on_the_pdf_field() {
        let e = refusal(Vec::new());
        assert_eq!((e.code().as_str(), e.field()), ("pdf_kosong", Some("pdf")));
        assert!(e.to_string().contains("kosong (0 bita)"), "{e}");

        let e = refusal(b"PK\x03\x04 word/document.xml".to_vec());
        assert_eq!((e.code().as_str(), e.field()), ("bukan_pdf", Some("pdf")));
        assert!(e.to_string().contains("dokumen Word (DOCX)"), "{e}");
        let e = refusal(b"GIF89a bukan surat".to_vec());
        assert_eq!(e.code(), ErrorCode::BukanPdf);
        assert!(e.to_string().contains("bukan PDF (berkas lain"), "{e}");

        let whole = signed(&printed(NUMBER));
        let e = refusal(whole[..whole.len() * 2 / 3].to_vec());
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("pdf_terpotong", Some("pdf"))
        );
        assert!(e.to_string().contains("%%EOF"), "{e}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("SE dari SRIKANDI.pdf");
        // Sparse: 3 GB on paper, nothing on disk; reading it would fail the test.
        std::fs::File::create(&path)
            .unwrap()
            .set_len(3 * 1024 * 1024 * 1024)
            .unwrap();
        let e = SrikandiPdf::read(&path).unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("berkas_terlalu_besar", Some("pdf"))
        );
        assert!(
            e.to_string()
                .starts_with("PDF dari SRIKANDI terlalu besar: 3 GB; batasnya 20 MB"),
            "{e}"
        );
        let e = SrikandiPdf::read(&dir.path().join("tidak-ada.pdf")).unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("gagal_membaca", Some("pdf"))
        );
    }

    #[test]
    fn a_hostile_or_tampered_pdf_is_refused() {
        let mut nested = b"%PDF-1.7\n1 0 obj\n".to_vec();
        nested.extend(std::iter::repeat_n(b'[', 100_000));
        nested.extend(b"\nendobj\n%%EOF\n");
        let e = refusal(nested);
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("pdf_tidak_wajar", Some("pdf"))
        );

        let mut tampered = signed(&printed(NUMBER));
        let at = tampered.len() / 4;
        tampered[at] ^= 0x01;
        let e = refusal(tampered);
        assert_eq!(
            (e.code().as_str(), e.field()),
            ("tanda_tangan_rusak", Some("pdf"))
        );
        assert!(e.to_string().contains("ke-1"), "{e}");
    }

    #[test]
    fn a_signed_pdf_with_the_number_needs_no_confirmation() {
        let pdf = SrikandiPdf::from_bytes(signed(&printed(NUMBER))).unwrap();
        assert_eq!(pdf.warnings(NUMBER), Vec::<String>::new());
        assert_eq!(
            pdf.warnings(" 800.1.11/123/bkpsdm/2026 "),
            Vec::<String>::new()
        );
        assert!(pdf.signed_at().is_some());
        let said = pdf.describe();
        assert!(
            said.starts_with("1 tanda tangan elektronik: H. RUSDI HAMZAH (penerbit ")
                && said.ends_with("sertifikatnya tidak diverifikasi oleh Edaran."),
            "{said}"
        );
    }

    #[test]
    fn no_signature_or_another_number_is_said_for_the_clerk_to_confirm() {
        let unsigned = SrikandiPdf::from_bytes(printed(NUMBER)).unwrap();
        let warnings = unsigned.warnings(NUMBER);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("PDF ini tidak memuat tanda tangan elektronik"));
        assert_eq!(unsigned.describe(), "Tanpa tanda tangan elektronik.");

        let other = SrikandiPdf::from_bytes(signed(&printed("800.1.11/124/BKPSDM/2026"))).unwrap();
        assert_eq!(
            other.warnings(NUMBER),
            ["Nomor 800.1.11/123/BKPSDM/2026 tidak ditemukan di PDF (halaman 1); periksa nomornya atau PDF yang dipilih."]
        );
    }

    #[test]
    fn a_pdf_whose_text_cannot_be_read_says_the_number_was_not_checked() {
        // A whole PDF whose page draws no text (a scan, say).
        let blank = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n\
trailer\n<< /Root 1 0 R >>\n%%EOF\n";
        let pdf = SrikandiPdf::from_bytes(blank.to_vec()).unwrap();
        let warnings = pdf.warnings(NUMBER);
        assert!(
            warnings[1].starts_with("Teks halaman 1 PDF ini tidak dapat dibaca Edaran, sehingga nomor 800.1.11/123/BKPSDM/2026 tidak dapat dicocokkan"),
            "{warnings:?}"
        );
    }
}
