//! PDF signature plumbing: one incremental update appended to the original
//! bytes, holding the signature dictionary (`/ByteRange`, `/Contents`
//! placeholder), the signature field's widget with the mark as its
//! appearance, the last page with the widget added to `/Annots`, the
//! catalog with `/AcroForm`, and a classic xref section chained by `/Prev`.

use std::io::Write;

use lopdf::{Dictionary, Document, Object, ObjectId};
use sha2::{Digest, Sha256};

use super::mark::{self, QrPayload};
use super::{cms, invalid, sha256_hex, SignOptions, Signer};
use crate::error::{Error, Result};
use crate::ErrorCode;

/// Width of the `/ByteRange` array as written, placeholder and final alike.
const BYTE_RANGE_WIDTH: usize = "[0 0000000000 0000000000 0000000000]".len();

fn unreadable(detail: impl std::fmt::Display) -> Error {
    invalid(
        ErrorCode::PdfRusak,
        "pdf",
        format!("Berkas PDF tidak dapat dibaca untuk ditandatangani: {detail}"),
    )
}

/// Signs `original` (see [`super::sign_pdf`]).
pub(crate) fn sign(original: &[u8], signer: &Signer, options: &SignOptions) -> Result<Vec<u8>> {
    super::guard::check_pdf(original)?;
    let doc = Document::load_mem(original).map_err(unreadable)?;
    if doc.trailer.has(b"Encrypt") {
        return Err(invalid(
            ErrorCode::PdfTerenkripsi,
            "pdf",
            "PDF yang dikunci dengan kata sandi (terenkripsi) tidak dapat ditandatangani.",
        ));
    }
    let prev = last_startxref(original).ok_or_else(|| unreadable("startxref tidak ditemukan"))?;
    let root_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(unreadable)?;
    let page_id = *doc
        .get_pages()
        .values()
        .next_back()
        .ok_or_else(|| unreadable("tidak ada halaman"))?;
    let mut page = doc.get_dictionary(page_id).map_err(unreadable)?.clone();
    let mut catalog = doc.get_dictionary(root_id).map_err(unreadable)?.clone();
    let first_new = doc.max_id.max(trailer_size(&doc).saturating_sub(1)) + 1;
    let (sig_id, widget_id, ap_id) = (first_new, first_new + 1, first_new + 2);

    let mut annots = array(&doc, page.get(b"Annots").ok());
    annots.push(Object::Reference((widget_id, 0)));
    page.set("Annots", annots);
    let mut form = match catalog.get(b"AcroForm") {
        Ok(Object::Dictionary(d)) => d.clone(),
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
        _ => Dictionary::new(),
    };
    let mut fields = array(&doc, form.get(b"Fields").ok());
    let field_name = format!("Tanda tangan {}", fields.len() + 1);
    fields.push(Object::Reference((widget_id, 0)));
    form.set("Fields", fields);
    form.set("SigFlags", 3);
    catalog.set("AcroForm", form);

    let mut out = Vec::with_capacity(original.len() + 16 * 1024);
    out.extend_from_slice(original);
    if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
        out.push(b'\n');
    }
    let mut xref: Vec<(ObjectId, usize)> = Vec::new();

    // The signature dictionary, with placeholders patched below.
    let reserve = signer
        .chain
        .iter()
        .map(|c| der::Encode::encoded_len(c).map(u32::from).unwrap_or(4096) as usize)
        .sum::<usize>()
        + 4096;
    xref.push(((sig_id, 0), out.len()));
    write!(
        out,
        "{sig_id} 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange "
    )?;
    let byte_range_at = out.len();
    out.extend_from_slice(&[b' '; BYTE_RANGE_WIDTH]);
    out.extend_from_slice(b" /Contents ");
    let contents_start = out.len();
    out.push(b'<');
    out.resize(out.len() + reserve * 2, b'0');
    out.push(b'>');
    let contents_end = out.len();
    write!(
        out,
        " /M {} /Reason {} /Location {} /Name {}>>\nendobj\n",
        text(&options.time.format("D:%Y%m%d%H%M%SZ").to_string()),
        text(&options.reason),
        text(&options.location),
        text(&signer.info.name),
    )?;

    // The widget, and the mark as its appearance.
    let media = media_box(&doc, page_id);
    let rect = match &options.mark {
        Some(_) => [
            media[0] + mark::LEFT,
            media[1] + mark::BOTTOM,
            media[2] - mark::RIGHT,
            media[1] + mark::BOTTOM + mark::HEIGHT,
        ],
        None => [0.0; 4],
    };
    xref.push(((widget_id, 0), out.len()));
    write!(
        out,
        "{widget_id} 0 obj\n<</Type /Annot /Subtype /Widget /FT /Sig /T {} /V {sig_id} 0 R /F 132 /P {} {} R /Rect [{:.3} {:.3} {:.3} {:.3}]",
        text(&field_name),
        page_id.0,
        page_id.1,
        rect[0],
        rect[1],
        rect[2],
        rect[3]
    )?;
    if let Some(info) = &options.mark {
        let signer_name = if info.signer.trim().is_empty() {
            signer.info.name.clone()
        } else {
            info.signer.trim().to_string()
        };
        let payload = QrPayload {
            number: info.number.trim().to_string(),
            date: info.date,
            signer: signer_name,
            sha256: sha256_hex(original),
        };
        write!(
            out,
            " /TU {} /AP <</N {ap_id} 0 R>>>>\nendobj\n",
            text(&payload.text())
        )?;
        let width = rect[2] - rect[0];
        let stream = mark::appearance(&payload, &mark::footer(&signer.info), width)?;
        xref.push(((ap_id, 0), out.len()));
        write!(
            out,
            "{ap_id} 0 obj\n<</Type /XObject /Subtype /Form /BBox [0 0 {width:.3} {:.3}] /Resources <</Font <</F1 <</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>>>>> /Length {}>>\nstream\n",
            mark::HEIGHT,
            stream.len()
        )?;
        out.extend_from_slice(&stream);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    } else {
        out.extend_from_slice(b">>\nendobj\n");
    }

    for (id, dict) in [(page_id, page), (root_id, catalog)] {
        xref.push((id, out.len()));
        writeln!(out, "{} {} obj", id.0, id.1)?;
        write_object(&mut out, &Object::Dictionary(dict))?;
        out.extend_from_slice(b"\nendobj\n");
    }

    // Cross-reference section and trailer.
    xref.sort();
    let xref_at = out.len();
    out.extend_from_slice(b"xref\n");
    for ((id, generation), offset) in &xref {
        write!(out, "{id} 1\n{offset:010} {generation:05} n\r\n")?;
    }
    let size = trailer_size(&doc).max(ap_id + 1);
    write!(
        out,
        "trailer\n<</Size {size} /Root {} {} R /Prev {prev}",
        root_id.0, root_id.1
    )?;
    for key in [&b"Info"[..], b"ID"] {
        if let Ok(value) = doc.trailer.get(key) {
            out.push(b' ');
            write_object(&mut out, &Object::Name(key.to_vec()))?;
            out.push(b' ');
            write_object(&mut out, value)?;
        }
    }
    write!(out, ">>\nstartxref\n{xref_at}\n%%EOF\n")?;

    // Patch the byte range, digest it, and put the CMS into /Contents.
    let tail = out.len() - contents_end;
    let byte_range = format!("[0 {contents_start:010} {contents_end:010} {tail:010}]");
    out[byte_range_at..byte_range_at + BYTE_RANGE_WIDTH].copy_from_slice(byte_range.as_bytes());
    let mut digest = Sha256::new();
    digest.update(&out[..contents_start]);
    digest.update(&out[contents_end..]);
    let signature = cms::sign_detached(&digest.finalize(), signer, options.time)?;
    if signature.len() > reserve {
        return Err(super::cert::failed(format!(
            "tanda tangan {} bita melebihi ruang {} bita",
            signature.len(),
            reserve
        )));
    }
    let hex = super::cert::hex(&signature, "");
    out[contents_start + 1..contents_start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(out)
}

/// The offset after the last `startxref` keyword.
fn last_startxref(bytes: &[u8]) -> Option<usize> {
    let at = find_last(bytes, b"startxref")?;
    let rest = std::str::from_utf8(&bytes[at + 9..(at + 40).min(bytes.len())]).ok()?;
    rest.split_whitespace().next()?.parse().ok()
}

/// Position of the last occurrence of `needle` in `haystack`.
pub(crate) fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn trailer_size(doc: &Document) -> u32 {
    doc.trailer
        .get(b"Size")
        .and_then(Object::as_i64)
        .unwrap_or(0)
        .max(0) as u32
}

/// An array held inline or by reference; empty if absent.
fn array(doc: &Document, value: Option<&Object>) -> Vec<Object> {
    match value {
        Some(Object::Array(a)) => a.clone(),
        Some(Object::Reference(id)) => doc
            .get_object(*id)
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The page's `/MediaBox`, inherited from its parents if need be (A4 if none).
fn media_box(doc: &Document, page_id: ObjectId) -> [f32; 4] {
    let mut id = Some(page_id);
    for _ in 0..32 {
        let Some(dict) = id.and_then(|i| doc.get_dictionary(i).ok()) else {
            break;
        };
        let found = match dict.get(b"MediaBox") {
            Ok(Object::Reference(r)) => doc.get_object(*r).ok(),
            other => other.ok(),
        };
        if let Some(Ok(a)) = found.map(Object::as_array) {
            let n: Vec<f32> = a.iter().filter_map(|o| o.as_float().ok()).collect();
            if n.len() == 4 {
                return [
                    n[0].min(n[2]),
                    n[1].min(n[3]),
                    n[0].max(n[2]),
                    n[1].max(n[3]),
                ];
            }
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    [0.0, 0.0, 595.0, 842.0]
}

/// A PDF text string: UTF-16BE with byte order mark, as hex.
fn text(s: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in s.encode_utf16() {
        out.push_str(&format!("{unit:04X}"));
    }
    out.push('>');
    out
}

/// Serializes a non-stream object (page and catalog dictionaries).
fn write_object(out: &mut Vec<u8>, object: &Object) -> Result<()> {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => write!(out, "{b}")?,
        Object::Integer(i) => write!(out, "{i}")?,
        Object::Real(r) => write!(out, "{r}")?,
        Object::Name(name) => {
            out.push(b'/');
            for &byte in name {
                if (33..=126).contains(&byte) && !b"()<>[]{}/%#".contains(&byte) {
                    out.push(byte);
                } else {
                    write!(out, "#{byte:02X}")?;
                }
            }
        }
        Object::String(bytes, _) => {
            out.push(b'<');
            for byte in bytes {
                write!(out, "{byte:02X}")?;
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dict.iter() {
                write_object(out, &Object::Name(key.clone()))?;
                out.push(b' ');
                write_object(out, value)?;
                out.push(b' ');
            }
            out.extend_from_slice(b">>");
        }
        Object::Reference((id, generation)) => write!(out, "{id} {generation} R")?,
        Object::Stream(_) => return Err(unreadable("aliran data tak terduga di kamus halaman")),
    }
    Ok(())
}
