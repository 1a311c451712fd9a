//! The visible mark of an electronically signed document: a QR code naming
//! the document, and the footer line saying how it was signed. Drawn as the
//! signature widget's appearance, in the bottom margin of the last page.

use chrono::NaiveDate;
use qrcode::{Color, EcLevel, QrCode};
use serde::Serialize;

use super::cert::failed;
use super::CertificateInfo;
use crate::error::Result;
use crate::pdf::MARGINS;

const MM: f32 = 72.0 / 25.4;
/// The mark's box, inside the empty bottom margin of Edaran's pages
/// (`pdf::MARGINS`): from the left margin to the right one, 4 mm above the
/// paper's edge, up to 3 mm below the text area.
pub(crate) const LEFT: f32 = MARGINS.left * MM;
pub(crate) const BOTTOM: f32 = 4.0 * MM;
pub(crate) const HEIGHT: f32 = (MARGINS.bottom - 4.0 - 3.0) * MM;
/// Right margin kept clear.
pub(crate) const RIGHT: f32 = MARGINS.right * MM;
const FONT_SIZE: f32 = 6.5;
const FIRST_LINE: &str = "EDARAN-TTE/1";

/// What the QR code says, one `Label: value` a line after the format line
/// `EDARAN-TTE/1`, so a phone shows it as readable text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct QrPayload {
    pub number: String,
    pub date: NaiveDate,
    pub signer: String,
    /// SHA-256 (lower-case hex) of the unsigned PDF, i.e. the revision the
    /// signature's incremental update was appended to.
    pub sha256: String,
}

impl QrPayload {
    /// The text encoded in the QR code.
    pub fn text(&self) -> String {
        format!(
            "{FIRST_LINE}\nNomor: {}\nTanggal: {}\nPenanda tangan: {}\nSHA-256: {}",
            self.number,
            self.date.format("%Y-%m-%d"),
            self.signer,
            self.sha256
        )
    }

    /// Reads [`QrPayload::text`] back; `None` if it is not Edaran's format.
    pub fn parse(text: &str) -> Option<QrPayload> {
        let mut lines = text.lines();
        if lines.next()? != FIRST_LINE {
            return None;
        }
        let mut field = |label: &str| lines.next()?.strip_prefix(label).map(str::to_string);
        Some(QrPayload {
            number: field("Nomor: ")?,
            date: NaiveDate::parse_from_str(&field("Tanggal: ")?, "%Y-%m-%d").ok()?,
            signer: field("Penanda tangan: ")?,
            sha256: field("SHA-256: ")?,
        })
    }
}

/// The footer line: signed electronically, and with what kind of certificate.
pub(crate) fn footer(cert: &CertificateInfo) -> String {
    if cert.internal {
        "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik \
         internal kantor, bukan sertifikat elektronik yang diterbitkan BSrE-BSSN. Pindai kode QR \
         untuk melihat nomor, tanggal, penanda tangan dan sidik SHA-256 dokumen."
            .to_string()
    } else {
        format!(
            "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik \
             yang diterbitkan oleh {}. Pindai kode QR untuk melihat nomor, tanggal, penanda tangan \
             dan sidik SHA-256 dokumen.",
            cert.issuer_name
        )
    }
}

/// The QR code's drawing operators in a `size`-point square at the origin:
/// one filled rectangle per horizontal run of dark modules.
pub(crate) fn qr_ops(text: &str, size: f32) -> Result<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| failed(e.to_string()))?;
    let n = code.width();
    let module = size / n as f32;
    let colors = code.to_colors();
    let mut ops = String::from("0 g\n");
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == Color::Dark {
                    col += 1;
                }
                let y = size - (row + 1) as f32 * module;
                ops.push_str(&format!(
                    "{:.3} {:.3} {:.3} {:.3} re\n",
                    start as f32 * module,
                    y,
                    (col - start) as f32 * module,
                    module
                ));
            } else {
                col += 1;
            }
        }
    }
    ops.push_str("f\n");
    Ok(ops)
}

/// The whole appearance stream of a `width` × [`HEIGHT`] mark: the QR code
/// at the left, the footer text wrapped beside it in Helvetica `/F1`.
pub(crate) fn appearance(payload: &QrPayload, footer: &str, width: f32) -> Result<Vec<u8>> {
    let mut ops = format!("q\n{}Q\n", qr_ops(&payload.text(), HEIGHT)?);
    let x = HEIGHT + 3.0 * MM;
    let leading = FONT_SIZE * 1.25;
    // Helvetica's average advance is under 0.55 em for Indonesian text.
    let per_line = ((width - x) / (FONT_SIZE * 0.55)).max(20.0) as usize;
    let lines = wrap(footer, per_line);
    let top = HEIGHT / 2.0 + leading * (lines.len() as f32 - 1.0) / 2.0 - FONT_SIZE / 3.0;
    ops.push_str(&format!(
        "BT\n/F1 {FONT_SIZE} Tf\n{leading} TL\n{x:.3} {top:.3} Td\n"
    ));
    for line in lines {
        ops.push_str(&format!("({}) Tj T*\n", escape(&line)));
    }
    ops.push_str("ET\n");
    Ok(ops.into_bytes())
}

/// Greedy word wrap to at most `width` characters a line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` as a PDF literal string body in WinAnsi: escapes delimiters and
/// replaces characters outside Latin-1 with `?`.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x80 => out.push(c),
            c if (c as u32) <= 0xFF => out.push_str(&format!("\\{:03o}", c as u32)),
            _ => out.push('?'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_reads_back_and_is_plain_text() {
        let p = QrPayload {
            number: "800/439/BKPSDM/2020".into(),
            date: NaiveDate::from_ymd_opt(2020, 3, 17).unwrap(),
            signer: "Dr. H. Apriyadi, M.Si".into(),
            sha256: "ab".repeat(32),
        };
        assert!(p.text().contains("Nomor: 800/439/BKPSDM/2020\n"));
        assert_eq!(QrPayload::parse(&p.text()), Some(p));
        assert_eq!(QrPayload::parse("hello"), None);
    }

    #[test]
    fn footer_text_is_wrapped_and_escaped() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(escape("a(b)\\é"), "a\\(b\\)\\\\\\351");
    }
}
