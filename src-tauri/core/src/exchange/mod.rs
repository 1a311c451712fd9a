//! Berkas pertukaran: a circular as a versioned JSON file, so a province can
//! pass a circular or template to its regencies. Schema: docs/surat-edaran-json.md.

use serde::{Deserialize, Serialize};

use crate::circular::Circular;
use crate::error::{Error, Result};
use crate::ErrorCode;

mod schema;

/// Names the file type, so any other JSON is refused early.
pub const FORMAT: &str = "edaran.surat-edaran";
/// The schema version this build reads and writes.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    circular: &'a Circular,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct Body {
    circular: Circular,
}

/// Writes the exchange file. Links to earlier circulars are local to one
/// database, so only the references' text travels.
pub fn to_json(c: &Circular) -> String {
    serde_json::to_string_pretty(&Envelope {
        format: FORMAT,
        version: VERSION,
        circular: &unlinked(c.clone()),
    })
    .expect("serialisable")
}

fn unlinked(mut c: Circular) -> Circular {
    c.references.iter_mut().for_each(|r| r.circular_id = None);
    c
}

fn bad(message: String) -> Error {
    Error::invalid(ErrorCode::BerkasPertukaran, "file", message)
}

/// What importing `c` as a draft leaves out: the number the file carries.
/// A draft takes its number at issue; recording keeps the number it has.
pub fn number_left_out(c: &Circular) -> Option<String> {
    let number = c.number.trim();
    if number.is_empty() {
        return None;
    }
    let dated = c
        .issued_on
        .map(|d| format!(" tanggal {}", crate::words::date(d)))
        .unwrap_or_default();
    Some(format!(
        "Berkas ini bernomor {number}{dated}; surat edaran diimpor sebagai draf tanpa nomor itu. \
         Bila nomor itu sudah diberikan (oleh buku agenda lain atau instansi lain), catat dengan \
         Catat nomor pada draf ini (di baris perintah: edaran circular record)."
    ))
}

/// Reads a file written by [`to_json`], refusing other formats, other
/// versions and malformed content with the place of the problem.
pub fn from_json(text: &str) -> Result<Circular> {
    let header: Header = serde_json::from_str(text)
        .map_err(|e| bad(format!("Berkas bukan JSON yang sah {}", located(&e))))?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(bad(format!(
            "Berkas ini bukan berkas surat edaran Edaran (\"format\" harus \"{FORMAT}\")."
        )));
    }
    match header.version {
        Some(VERSION) => {}
        Some(v) => {
            return Err(bad(format!(
            "Berkas ini memakai skema versi {v}; versi Edaran ini hanya membaca versi {VERSION}."
        )))
        }
        None => return Err(bad("Berkas tidak mencantumkan \"version\".".into())),
    }
    let body = body(text)?;
    body.circular.validate()?;
    Ok(unlinked(body.circular))
}

/// The circular, or where it breaks the schema: the field's path
/// (`circular.issued_on`), its value and what was expected, in Indonesian.
fn body(text: &str) -> Result<Body> {
    let mut reader = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let inner = e.inner();
        let message = without_position(inner);
        let mut path = e.path().to_string();
        let value = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|root| value_at(&root, e.path()).cloned());
        let detail = schema::explain(&message, value.as_ref(), &mut path);
        bad(format!(
            "Isi berkas tidak sesuai skema pada {path} (baris {}, kolom {}): {detail}",
            inner.line(),
            inner.column()
        ))
    })
}

/// The value at `path` in `root`, when there is one.
fn value_at<'a>(
    root: &'a serde_json::Value,
    path: &serde_path_to_error::Path,
) -> Option<&'a serde_json::Value> {
    use serde_path_to_error::Segment;
    path.iter().try_fold(root, |v, segment| match segment {
        Segment::Seq { index } => v.get(index),
        Segment::Map { key } => v.get(key),
        Segment::Enum { .. } | Segment::Unknown => Some(v),
    })
}

/// `(baris 3, kolom 29): …` without serde's English position suffix.
fn located(e: &serde_json::Error) -> String {
    format!(
        "(baris {}, kolom {}): {}",
        e.line(),
        e.column(),
        without_position(e)
    )
}

/// serde's message without its English ` at line 3 column 29`.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_imported_number_is_never_left_out_silently() {
        let mut c = from_json(include_str!(
            "../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap();
        let said = number_left_out(&c).unwrap();
        assert!(
            said.starts_with("Berkas ini bernomor 800/439/BKPSDM/2020 tanggal"),
            "{said}"
        );
        assert!(said.contains("edaran circular record"));
        c.number.clear();
        assert_eq!(number_left_out(&c), None);
    }
}
