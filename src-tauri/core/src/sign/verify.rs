//! Offline verification: every signature in a PDF, whether its bytes are
//! intact, whether it covers the whole file, whether its certificate chains
//! to a trusted root, and whether its QR mark matches the document.

use chrono::{DateTime, Utc};
use lopdf::{Document, Object};
use serde::Serialize;
use x509_cert::Certificate;

use super::cert::{info, CertificateInfo};
use super::mark::{self, QrPayload};
use super::path::{self, PathCheck};
use super::pdf::find_last;
use super::{cms, sha256_hex};
use crate::error::{Error, Result};
use crate::ErrorCode;

/// Most distinct `/ByteRange` entries read; a file claiming more is refused.
pub const MAX_SIGNATURES: usize = 64;

/// The one verdict on a PDF, in order of gravity; the same words in core,
/// CLI and app. Only [`Verdict::Sah`] means the document may be relied on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Intact, covering the whole file, chained to a trusted root, and
    /// every certificate valid at the signing time.
    Sah,
    /// Intact and trusted, but a certificate was not valid when signed (or
    /// no signing time is given).
    TidakBerlaku,
    /// Intact, but no sound path to a root this office trusts.
    TidakDipercaya,
    /// Bytes were added after the signature.
    TidakMencakupBerkas,
    /// The signed bytes changed, the signature does not verify, or it
    /// cannot be read.
    TidakUtuh,
    /// The file carries no signature at all.
    TanpaTandaTangan,
}

impl Verdict {
    /// `edaran verify`'s exit code: 0 sah, 1 intact but not trusted or not
    /// in validity, 2 altered or not covering the file, 3 no signature.
    pub fn exit_code(self) -> i32 {
        match self {
            Verdict::Sah => 0,
            Verdict::TidakBerlaku | Verdict::TidakDipercaya => 1,
            Verdict::TidakMencakupBerkas | Verdict::TidakUtuh => 2,
            Verdict::TanpaTandaTangan => 3,
        }
    }

    /// The verdict in one Indonesian sentence.
    pub fn headline(self) -> &'static str {
        match self {
            Verdict::Sah => "Tanda tangan sah: dokumen utuh, seluruh berkas tertandatangani, sertifikat dipercaya dan berlaku saat ditandatangani.",
            Verdict::TidakBerlaku => "TIDAK SAH: dokumen utuh, tetapi sertifikat tidak berlaku saat ditandatangani (kedaluwarsa, belum berlaku, atau tanpa waktu tanda tangan).",
            Verdict::TidakDipercaya => "TIDAK SAH: dokumen utuh, tetapi tanda tangannya tidak dipercaya (sertifikat tidak berantai dengan benar ke sertifikat akar yang dipercaya kantor ini).",
            Verdict::TidakMencakupBerkas => "TIDAK SAH: ada bagian berkas yang ditambahkan setelah ditandatangani.",
            Verdict::TidakUtuh => "TIDAK SAH: isi dokumen berubah setelah ditandatangani, atau tanda tangannya rusak.",
            Verdict::TanpaTandaTangan => "Berkas ini tidak memuat tanda tangan elektronik.",
        }
    }
}

/// The verdict on one PDF.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Report {
    /// SHA-256 of the whole file as given.
    pub sha256: String,
    pub signatures: Vec<SignatureReport>,
    /// The gravest of the signatures' verdicts; [`Verdict::TanpaTandaTangan`] without one.
    pub verdict: Verdict,
}

/// The verdict on one signature.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignatureReport {
    /// The signer's certificate, when the signature carries it.
    pub certificate: Option<CertificateInfo>,
    /// Time from the signed signingTime attribute (the signer's claim).
    pub signing_time: Option<DateTime<Utc>>,
    /// `[start, length, start, length]` as written in the file.
    pub byte_range: [usize; 4],
    /// Digest of the signed bytes matches, the signature verifies and the
    /// signing-certificate attribute, when present, names the signer
    /// (*utuh*); false means changed or unreadable (*tidak utuh*).
    pub intact: bool,
    /// The signed ranges reach the end of the file: nothing was appended.
    pub covers_whole_file: bool,
    /// A sound certification path leads to one of the trusted roots.
    pub chain_trusted: bool,
    /// Every certificate of that path was valid at the signing time.
    pub in_validity: bool,
    /// The visible QR mark, when the signature has one.
    pub qr: Option<QrCheck>,
    /// What is wrong, in Indonesian, one sentence each; empty when all is well.
    pub problems: Vec<String>,
    pub verdict: Verdict,
}

/// The QR payload as printed, checked against the file.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct QrCheck {
    pub payload: QrPayload,
    /// The QR code drawn on the page encodes exactly this payload.
    pub drawn_matches: bool,
    /// The payload's SHA-256 is that of the revision the signature was added to.
    pub hash_matches: bool,
}

fn unreadable(message: String) -> Error {
    Error::invalid(ErrorCode::PdfTidakTerbaca, "pdf", message)
}

/// Verifies every signature of `pdf`, trusting paths that end in one of
/// `trusted_roots`. A file that is not a PDF, or is hostile (see
/// `guard`), is refused with an Indonesian error; a PDF without a
/// signature gives [`Verdict::TanpaTandaTangan`].
pub fn verify_pdf(pdf: &[u8], trusted_roots: &[Certificate]) -> Result<Report> {
    if find(&pdf[..pdf.len().min(1024)], b"%PDF-").is_none() {
        return Err(unreadable(
            "Berkas ini bukan PDF: tanda %PDF- tidak ditemukan di awal berkas.".into(),
        ));
    }
    super::guard::check_pdf(pdf)?;
    let mut ranges: Vec<[usize; 4]> = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&pdf[at..], b"/ByteRange") {
        at += found + 10;
        if let Some(range) = byte_range(&pdf[at..]) {
            if !ranges.contains(&range) {
                if ranges.len() == MAX_SIGNATURES {
                    return Err(unreadable(format!(
                        "PDF ini memuat lebih dari {MAX_SIGNATURES} tanda tangan (/ByteRange); berkas seperti ini tidak diperiksa."
                    )));
                }
                ranges.push(range);
            }
        }
    }
    let doc = (!ranges.is_empty())
        .then(|| Document::load_mem(pdf).ok())
        .flatten();
    let signatures: Vec<SignatureReport> = ranges
        .into_iter()
        .map(|range| signature(pdf, range, trusted_roots, doc.as_ref()))
        .collect();
    let verdict = signatures
        .iter()
        .map(|s| s.verdict)
        .max()
        .unwrap_or(Verdict::TanpaTandaTangan);
    Ok(Report {
        sha256: sha256_hex(pdf),
        signatures,
        verdict,
    })
}

fn signature(
    pdf: &[u8],
    range: [usize; 4],
    trusted_roots: &[Certificate],
    doc: Option<&Document>,
) -> SignatureReport {
    let [start, first_len, second, second_len] = range;
    let mut problems = Vec::new();
    let in_file =
        start == 0 && first_len < second && second.saturating_add(second_len) <= pdf.len();
    let cms_der = in_file
        .then(|| &pdf[first_len..second])
        .filter(|c| c.len() >= 2 && c[0] == b'<' && c[c.len() - 1] == b'>')
        .and_then(|c| unhex(&c[1..c.len() - 1]));
    let checked = cms_der
        .as_deref()
        .and_then(|der| cms::check(der, &[&pdf[..first_len], &pdf[second..second + second_len]]));
    let Some(checked) = checked else {
        problems.push("Tanda tangan tidak dapat dibaca: /ByteRange atau /Contents rusak.".into());
        return SignatureReport {
            certificate: None,
            signing_time: None,
            byte_range: range,
            intact: false,
            covers_whole_file: false,
            chain_trusted: false,
            in_validity: false,
            qr: None,
            problems,
            verdict: Verdict::TidakUtuh,
        };
    };
    if !checked.digest_matches {
        problems.push(
            "Dokumen tidak utuh: isi yang ditandatangani telah berubah (nilai hash tidak cocok)."
                .into(),
        );
    }
    if checked.signer.is_none() {
        problems.push("Sertifikat penanda tangan tidak disertakan dalam tanda tangan.".into());
    } else if !checked.signature_valid {
        problems.push("Nilai tanda tangan tidak sah untuk sertifikat penanda tangan.".into());
    }
    if checked.binding == cms::Binding::Mismatch {
        problems.push(
            "Atribut signing-certificate-v2 (CAdES) tidak cocok dengan sertifikat penanda tangan."
                .into(),
        );
    }
    let intact = checked.digest_matches
        && checked.signature_valid
        && checked.binding != cms::Binding::Mismatch;
    let covers_whole_file = second + second_len == pdf.len();
    if !covers_whole_file {
        problems.push(format!(
            "Tanda tangan tidak mencakup seluruh berkas: ada {} bita sesudah bagian yang ditandatangani.",
            pdf.len().saturating_sub(second + second_len)
        ));
    }
    let path = match &checked.signer {
        Some(leaf) => path::validate(
            leaf,
            &checked.certificates,
            trusted_roots,
            checked.signing_time,
        ),
        None => PathCheck::default(),
    };
    problems.extend(path.problems.iter().cloned());
    let qr = doc.and_then(|d| qr_check(d, pdf, range));
    let qr_sound = qr
        .as_ref()
        .is_none_or(|q| q.drawn_matches && q.hash_matches);
    if let Some(q) = &qr {
        if !q.drawn_matches {
            problems.push("Kode QR yang tercetak tidak sesuai dengan data tanda tangan.".into());
        }
        if !q.hash_matches {
            problems.push(
                "Nilai SHA-256 pada kode QR tidak sesuai dengan dokumen yang ditandatangani."
                    .into(),
            );
        }
    }
    let verdict = if !intact || !qr_sound {
        Verdict::TidakUtuh
    } else if !covers_whole_file {
        Verdict::TidakMencakupBerkas
    } else if !path.trusted {
        Verdict::TidakDipercaya
    } else if !path.in_validity {
        Verdict::TidakBerlaku
    } else {
        Verdict::Sah
    };
    SignatureReport {
        certificate: checked.signer.as_ref().map(info),
        signing_time: checked.signing_time,
        byte_range: range,
        intact,
        covers_whole_file,
        chain_trusted: path.trusted,
        in_validity: path.in_validity,
        qr,
        problems,
        verdict,
    }
}

/// Finds the widget of the signature with `range`, reads its QR payload
/// (`/TU`) and checks it against the drawn code and the earlier revision.
fn qr_check(doc: &Document, pdf: &[u8], range: [usize; 4]) -> Option<QrCheck> {
    let widget = doc.objects.values().find_map(|o| {
        let d = o.as_dict().ok()?;
        let sig = doc
            .get_dictionary(d.get(b"V").ok()?.as_reference().ok()?)
            .ok()?;
        let br: Vec<i64> = sig
            .get(b"ByteRange")
            .ok()?
            .as_array()
            .ok()?
            .iter()
            .filter_map(|n| n.as_i64().ok())
            .collect();
        (br.iter().map(|&n| n as usize).eq(range)).then_some(d)
    })?;
    let payload = QrPayload::parse(&lopdf::decode_text_string(widget.get(b"TU").ok()?).ok()?)?;
    let appearance = widget
        .get(b"AP")
        .and_then(Object::as_dict)
        .and_then(|ap| ap.get(b"N"))
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_object(id))
        .and_then(Object::as_stream)
        .ok()?;
    let drawn = appearance.get_plain_content().unwrap_or_default();
    let drawn_matches = mark::qr_ops(&payload.text(), mark::HEIGHT)
        .is_ok_and(|ops| find(&drawn, ops.as_bytes()).is_some());
    // The revision the signature was appended to ends with the last %%EOF
    // before its /Contents (with or without the line end after it).
    let hash_matches = find_last(&pdf[..range[1]], b"%%EOF").is_some_and(|eof| {
        let end = eof + 5;
        let with_eol = end
            + pdf[end..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        [end, with_eol]
            .iter()
            .any(|&e| sha256_hex(&pdf[..e]) == payload.sha256)
    });
    Some(QrCheck {
        payload,
        drawn_matches,
        hash_matches,
    })
}

/// Position of the first occurrence of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Parses `[a b c d]` at the start of `bytes` (after optional whitespace).
fn byte_range(bytes: &[u8]) -> Option<[usize; 4]> {
    let text = std::str::from_utf8(&bytes[..bytes.len().min(80)])
        .unwrap_or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default());
    let inner = text.trim_start().strip_prefix('[')?;
    let inner = &inner[..inner.find(']')?];
    let numbers: Vec<usize> = inner
        .split_whitespace()
        .map(str::parse)
        .collect::<std::result::Result<_, _>>()
        .ok()?;
    numbers.try_into().ok()
}

/// Hex digits to bytes (whitespace ignored); `None` on a bad digit.
fn unhex(hex: &[u8]) -> Option<Vec<u8>> {
    let digits: Vec<u8> = hex
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| (*b as char).to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    Some(
        digits
            .chunks(2)
            .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
            .collect(),
    )
}
