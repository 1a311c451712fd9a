//! Berkas pertukaran: a circular as a versioned JSON file, so a province can
//! pass a circular or template to its regencies. Schema: docs/surat-edaran-json.md.

use serde::{Deserialize, Serialize};

use crate::circular::Circular;
use crate::error::{Error, Result};

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
    Error::invalid("berkas_pertukaran", "file", message)
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
    let body: Body = serde_json::from_str(text)
        .map_err(|e| bad(format!("Isi berkas tidak sesuai skema {}", located(&e))))?;
    body.circular.validate()?;
    Ok(unlinked(body.circular))
}

/// `(baris 3, kolom 29): …` without serde's English position suffix.
fn located(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let detail = text.split(" at line ").next().unwrap_or(&text);
    format!("(baris {}, kolom {}): {detail}", e.line(), e.column())
}
