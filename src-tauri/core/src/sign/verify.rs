//! Offline verification: every signature in a PDF, whether its bytes are
//! intact, whether it covers the whole file, whether its certificate chains
//! to a trusted root, and whether its QR mark matches the document.

use chrono::{DateTime, Utc};
use der::Encode;
use lopdf::{Document, Object};
use serde::Serialize;
use x509_cert::Certificate;

use super::cert::{info, CertificateInfo};
use super::mark::{self, QrPayload};
use super::pdf::find_last;
use super::{cms, sha256_hex};

/// The verdict on one PDF.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// SHA-256 of the whole file as given.
    pub sha256: String,
    pub signatures: Vec<SignatureReport>,
}

impl Report {
    /// At least one signature, and every one intact and covering the file.
    pub fn is_valid(&self) -> bool {
        !self.signatures.is_empty()
            && self
                .signatures
                .iter()
                .all(|s| s.intact && s.covers_whole_file)
    }
}

/// The verdict on one signature.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureReport {
    /// The signer's certificate, when the signature carries it.
    pub certificate: Option<CertificateInfo>,
    /// Time from the signed signingTime attribute.
    pub signing_time: Option<DateTime<Utc>>,
    /// `[start, length, start, length]` as written in the file.
    pub byte_range: [usize; 4],
    /// Digest of the signed bytes matches and the signature verifies
    /// (*utuh*); false means the signed bytes were changed (*tidak utuh*).
    pub intact: bool,
    /// The signed ranges reach the end of the file: nothing was appended.
    pub covers_whole_file: bool,
    /// The signer's certificate chains to one of the trusted roots.
    pub chain_trusted: bool,
    /// The visible QR mark, when the signature has one.
    pub qr: Option<QrCheck>,
    /// What is wrong, in Indonesian, one sentence each; empty when all is well.
    pub problems: Vec<String>,
}

/// The QR payload as printed, checked against the file.
#[derive(Debug, Clone, Serialize)]
pub struct QrCheck {
    pub payload: QrPayload,
    /// The QR code drawn on the page encodes exactly this payload.
    pub drawn_matches: bool,
    /// The payload's SHA-256 is that of the revision the signature was added to.
    pub hash_matches: bool,
}

/// Verifies every signature of `pdf`, trusting chains that end in one of
/// `trusted_roots`. Never fails: a file that is not a signed PDF yields a
/// report with no signatures.
pub fn verify_pdf(pdf: &[u8], trusted_roots: &[Certificate]) -> Report {
    let doc = Document::load_mem(pdf).ok();
    let mut ranges: Vec<[usize; 4]> = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&pdf[at..], b"/ByteRange") {
        at += found + 10;
        if let Some(range) = byte_range(&pdf[at..]) {
            if !ranges.contains(&range) {
                ranges.push(range);
            }
        }
    }
    Report {
        sha256: sha256_hex(pdf),
        signatures: ranges
            .into_iter()
            .map(|range| signature(pdf, range, trusted_roots, doc.as_ref()))
            .collect(),
    }
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
            qr: None,
            problems,
        };
    };
    if !checked.digest_matches {
        problems.push(
            "Dokumen tidak utuh: isi yang ditandatangani telah berubah (nilai hash tidak cocok)."
                .into(),
        );
    }
    if !checked.signature_valid {
        problems.push("Nilai tanda tangan tidak sah untuk sertifikat penanda tangan.".into());
    }
    if !checked.signing_certificate_bound {
        problems.push("Atribut signing-certificate-v2 (CAdES) tidak ada atau tidak cocok.".into());
    }
    let covers_whole_file = second + second_len == pdf.len();
    if !covers_whole_file {
        problems.push(format!(
            "Tanda tangan tidak mencakup seluruh berkas: ada {} bita sesudah bagian yang ditandatangani.",
            pdf.len().saturating_sub(second + second_len)
        ));
    }
    let chain_trusted = checked
        .signer
        .as_ref()
        .is_some_and(|leaf| chains_to(leaf, &checked.certificates, trusted_roots));
    if !chain_trusted {
        problems.push("Sertifikat penanda tangan tidak berantai ke sertifikat akar yang dipercaya kantor ini.".into());
    }
    let certificate = checked.signer.as_ref().map(info);
    if let (Some(c), Some(t)) = (&certificate, checked.signing_time) {
        if t < c.valid_from || t > c.valid_to {
            problems.push("Waktu penandatanganan di luar masa berlaku sertifikat.".into());
        }
    }
    let qr = doc.and_then(|d| qr_check(d, pdf, range));
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
    SignatureReport {
        certificate,
        signing_time: checked.signing_time,
        byte_range: range,
        intact: checked.digest_matches && checked.signature_valid,
        covers_whole_file,
        chain_trusted,
        qr,
        problems,
    }
}

/// True when `cert` is, or chains through `pool` to, one of `roots`, every
/// link's signature verifying with its issuer's key.
fn chains_to(cert: &Certificate, pool: &[Certificate], roots: &[Certificate]) -> bool {
    let der = |c: &Certificate| c.to_der().unwrap_or_default();
    let root_ders: Vec<Vec<u8>> = roots.iter().map(der).collect();
    let issued_by = |child: &Certificate, parent: &Certificate| {
        child.tbs_certificate.issuer == parent.tbs_certificate.subject
            && child.tbs_certificate.to_der().is_ok_and(|tbs| {
                cms::verify_signature(
                    &child.signature_algorithm,
                    &der::oid::db::rfc5912::ID_SHA_256,
                    &parent.tbs_certificate.subject_public_key_info,
                    &tbs,
                    child.signature.raw_bytes(),
                )
            })
    };
    let mut current = cert.clone();
    for _ in 0..8 {
        if root_ders.contains(&der(&current)) || roots.iter().any(|r| issued_by(&current, r)) {
            return true;
        }
        let Some(parent) = pool
            .iter()
            .find(|p| der(p) != der(&current) && issued_by(&current, p))
        else {
            return false;
        };
        current = parent.clone();
    }
    false
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
