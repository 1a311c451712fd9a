//! Guards run on a user's file before a parser that trusts it too much: a
//! PDF before lopdf (verification, signing), a PKCS#12 file before
//! p12-keystore. Each refuses, with an Indonesian message, what would make
//! the parser allocate gigabytes, recurse without end or compute for hours;
//! none of them accepts anything the parser would not.
//!
//! The PDF guard is a small lexer over the raw bytes that skips strings,
//! comments and stream bodies. It looks at the dictionaries and arrays it
//! passes, and inside object streams (decompressed with a limit), since
//! lopdf parses both while loading.

use std::io::Read;

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, Reader, SliceReader, Tag, Tagged};

use crate::error::{Error, Result};
use crate::files::{size, thousands as dotted, MAX_PDF_BYTES};
use crate::ErrorCode;

/// Deepest nesting of arrays and dictionaries in a PDF (real documents stay
/// under ten; lopdf stops at 100 levels, but recursing that far already uses
/// much of a worker thread's stack in a debug build).
pub(crate) const MAX_PDF_NESTING: usize = 64;
/// Widest field of a cross-reference stream (`/W`): 8 bytes hold any offset.
pub(crate) const MAX_XREF_FIELD_WIDTH: i64 = 8;
/// Most `/ByteRange` occurrences in a PDF (one per signature).
pub(crate) const MAX_BYTE_RANGES: usize = 100;
/// Most bytes all object and cross-reference streams may inflate to, together.
pub(crate) const MAX_PDF_INFLATED_BYTES: u64 = 256 * 1024 * 1024;
/// Most key-derivation iterations of a PKCS#12 file (MAC, PBKDF2, PKCS#12
/// PBE). Common tools write 2,000 to 10,000 (OWASP advises 600,000 for
/// PBKDF2); a million takes about a second per derivation (measured with
/// openssl), and a file has up to three.
pub(crate) const MAX_PKCS12_ITERATIONS: u64 = 1_000_000;
/// Most memory an scrypt key derivation in a PKCS#12 file may ask for.
pub(crate) const MAX_SCRYPT_BYTES: u64 = 256 * 1024 * 1024;

fn hostile_pdf(message: String) -> Error {
    Error::invalid(
        ErrorCode::PdfTidakWajar,
        "pdf",
        format!("PDF ini tidak wajar dan tidak diperiksa: {message}."),
    )
}

/// Refuses a PDF that lopdf should not be given: over [`MAX_PDF_BYTES`],
/// more than [`MAX_BYTE_RANGES`] `/ByteRange` entries, nesting deeper than
/// [`MAX_PDF_NESTING`], a cross-reference stream field wider than
/// [`MAX_XREF_FIELD_WIDTH`] bytes, object streams inflating past
/// [`MAX_PDF_INFLATED_BYTES`] or listing their objects out of order.
pub(crate) fn check_pdf(bytes: &[u8]) -> Result<()> {
    if bytes.len() as u64 > MAX_PDF_BYTES {
        return Err(Error::invalid(
            ErrorCode::BerkasTerlaluBesar,
            "pdf",
            format!(
                "PDF terlalu besar: {}; batasnya {}.",
                size(bytes.len() as u64),
                size(MAX_PDF_BYTES)
            ),
        ));
    }
    let ranges = count(bytes, b"/ByteRange");
    if ranges > MAX_BYTE_RANGES {
        return Err(hostile_pdf(format!(
            "memuat {ranges} entri /ByteRange; batasnya {MAX_BYTE_RANGES}"
        )));
    }
    let mut budget = MAX_PDF_INFLATED_BYTES;
    Lexer::new(bytes, &mut budget).run()
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    let mut n = 0;
    let mut at = 0;
    while let Some(i) = find(&haystack[at..], needle) {
        n += 1;
        at += i + needle.len();
    }
    n
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut at = 0;
    while at + needle.len() <= haystack.len() {
        let i = haystack[at..=haystack.len() - needle.len()]
            .iter()
            .position(|&b| b == first)?;
        if haystack[at + i..].starts_with(needle) {
            return Some(at + i);
        }
        at += i + 1;
    }
    None
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// What the lexer knows of one open dictionary.
#[derive(Default)]
struct Dict {
    /// The key whose value comes next.
    key: Option<Vec<u8>>,
    /// The key the last plain value (a number) was given to, so `12 0 R`
    /// can take back a `/Length 12`.
    last_number_key: Option<Vec<u8>>,
    xref: bool,
    object_stream: bool,
    flate: bool,
    other_filter: bool,
    widths: Vec<i64>,
    length: Option<usize>,
    first: Option<usize>,
}

enum Frame {
    Dict(Dict),
    /// An array, and whether it is the value of a dictionary's `/W`
    /// (its integers are then collected) or `/Filter`.
    Array {
        widths: bool,
        filter: bool,
    },
}

struct Lexer<'a, 'b> {
    bytes: &'a [u8],
    at: usize,
    stack: Vec<Frame>,
    /// The dictionary closed last, for the `stream` keyword that may follow.
    closed: Option<Dict>,
    budget: &'b mut u64,
    /// Inside an object stream: streams are not allowed there, and no
    /// nested object stream is opened.
    inner: bool,
}

impl<'a, 'b> Lexer<'a, 'b> {
    fn new(bytes: &'a [u8], budget: &'b mut u64) -> Self {
        Lexer {
            bytes,
            at: 0,
            stack: Vec::new(),
            closed: None,
            budget,
            inner: false,
        }
    }

    fn run(mut self) -> Result<()> {
        let bytes = self.bytes;
        while self.at < bytes.len() {
            let b = bytes[self.at];
            match b {
                b if is_white(b) => self.at += 1,
                b'%' => {
                    while self.at < bytes.len() && !matches!(bytes[self.at], b'\r' | b'\n') {
                        self.at += 1;
                    }
                }
                b'(' => {
                    self.skip_literal_string();
                    self.value(None);
                }
                b'<' if bytes.get(self.at + 1) == Some(&b'<') => {
                    self.at += 2;
                    self.open(Frame::Dict(Dict::default()))?;
                }
                b'<' => {
                    self.at += 1;
                    while self.at < bytes.len() && bytes[self.at] != b'>' {
                        self.at += 1;
                    }
                    self.at += 1;
                    self.value(None);
                }
                b'>' if bytes.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    if let Some(Frame::Dict(_)) = self.stack.last() {
                        let Some(Frame::Dict(dict)) = self.stack.pop() else {
                            unreachable!()
                        };
                        self.close_dict(dict)?;
                    }
                }
                b'[' => {
                    self.at += 1;
                    let (widths, filter) = match self.stack.last() {
                        Some(Frame::Dict(d)) => (
                            d.key.as_deref() == Some(b"W"),
                            d.key.as_deref() == Some(b"Filter"),
                        ),
                        _ => (false, false),
                    };
                    self.open(Frame::Array { widths, filter })?;
                }
                b']' => {
                    self.at += 1;
                    if let Some(Frame::Array { .. }) = self.stack.last() {
                        self.stack.pop();
                        self.value(None);
                    }
                }
                b'/' => {
                    let start = self.at + 1;
                    self.at = start;
                    self.skip_regular();
                    let name = &bytes[start..self.at];
                    self.name(name);
                }
                _ => {
                    let start = self.at;
                    self.skip_regular();
                    if self.at == start {
                        // A stray delimiter (`)`, `>`, `{`, `}`).
                        self.at += 1;
                        continue;
                    }
                    let token = &bytes[start..self.at];
                    if token == b"stream" {
                        self.stream()?;
                    } else if token == b"R" {
                        if let Some(Frame::Dict(d)) = self.stack.last_mut() {
                            if d.last_number_key.take().as_deref() == Some(b"Length") {
                                d.length = None;
                            }
                        }
                    } else {
                        self.number(token);
                    }
                }
            }
        }
        Ok(())
    }

    fn open(&mut self, frame: Frame) -> Result<()> {
        if self.stack.len() >= MAX_PDF_NESTING {
            return Err(hostile_pdf(format!(
                "larik atau kamus bersarang lebih dari {MAX_PDF_NESTING} tingkat (bita ke-{})",
                self.at
            )));
        }
        // The new array or dictionary is its parent dictionary's value.
        if let Some(Frame::Dict(d)) = self.stack.last_mut() {
            d.key = None;
            d.last_number_key = None;
        }
        self.stack.push(frame);
        Ok(())
    }

    fn close_dict(&mut self, dict: Dict) -> Result<()> {
        if dict.xref {
            check_widths(&dict.widths, self.at)?;
        }
        self.value(None);
        self.closed = Some(dict);
        Ok(())
    }

    fn skip_regular(&mut self) {
        while self.at < self.bytes.len()
            && !is_white(self.bytes[self.at])
            && !is_delimiter(self.bytes[self.at])
        {
            self.at += 1;
        }
    }

    fn skip_literal_string(&mut self) {
        let mut depth = 0usize;
        while self.at < self.bytes.len() {
            match self.bytes[self.at] {
                b'\\' => self.at += 1,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        self.at += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
    }

    /// A name: a key, or the value of the pending key, or a filter in a
    /// dictionary's `/Filter` array.
    fn name(&mut self, name: &[u8]) {
        if let Some(Frame::Array { filter: true, .. }) = self.stack.last() {
            let flate = matches!(name, b"FlateDecode" | b"Fl");
            if let Some(d) = self.parent_dict() {
                if flate {
                    d.flate = true;
                } else {
                    d.other_filter = true;
                }
            }
            return;
        }
        let Some(Frame::Dict(d)) = self.stack.last_mut() else {
            return;
        };
        match d.key.take() {
            None => {
                d.key = Some(name.to_vec());
                d.last_number_key = None;
            }
            Some(key) => match (key.as_slice(), name) {
                (b"Type", b"XRef") => d.xref = true,
                (b"Type", b"ObjStm") => d.object_stream = true,
                (b"Filter", b"FlateDecode" | b"Fl") => d.flate = true,
                (b"Filter", _) => d.other_filter = true,
                _ => {}
            },
        }
    }

    /// The dictionary holding the array on top of the stack.
    fn parent_dict(&mut self) -> Option<&mut Dict> {
        let n = self.stack.len();
        match n.checked_sub(2).and_then(|i| self.stack.get_mut(i)) {
            Some(Frame::Dict(d)) => Some(d),
            _ => None,
        }
    }

    fn number(&mut self, token: &[u8]) {
        let value = std::str::from_utf8(token)
            .ok()
            .and_then(|t| t.parse::<i64>().ok());
        match self.stack.last() {
            Some(Frame::Dict(_)) => self.value(value),
            Some(Frame::Array { widths: true, .. }) => {
                if let Some(d) = self.parent_dict() {
                    d.widths.push(value.unwrap_or(i64::MAX));
                }
            }
            _ => {}
        }
    }

    /// A value ends at the current level: a dictionary's pending key is
    /// answered (and remembered when it is a number).
    fn value(&mut self, number: Option<i64>) {
        if let Some(Frame::Dict(d)) = self.stack.last_mut() {
            if let Some(key) = d.key.take() {
                match (key.as_slice(), number) {
                    (b"Length", Some(n)) => d.length = usize::try_from(n).ok(),
                    (b"First", Some(n)) => d.first = usize::try_from(n).ok(),
                    _ => {}
                }
                d.last_number_key = number.map(|_| key);
            }
        }
    }

    /// After the `stream` keyword: skips the body, looking inside object
    /// streams and checking cross-reference streams found without `/Type`.
    fn stream(&mut self) -> Result<()> {
        let dict = self.closed.take().unwrap_or_default();
        let bytes = self.bytes;
        // The body starts after CRLF or LF.
        if bytes[self.at..].starts_with(b"\r\n") {
            self.at += 2;
        } else if bytes.get(self.at) == Some(&b'\n') || bytes.get(self.at) == Some(&b'\r') {
            self.at += 1;
        }
        let start = self.at;
        let declared = dict.length.and_then(|n| {
            let end = start.checked_add(n)?;
            let mut after = end;
            while after < bytes.len() && is_white(bytes[after]) {
                after += 1;
            }
            bytes.get(after..)?.starts_with(b"endstream").then_some(end)
        });
        let end = declared
            .or_else(|| find(&bytes[start..], b"endstream").map(|i| start + i))
            .unwrap_or(bytes.len());
        // lopdf reads a stream whose dictionary has `/W` as a cross-reference
        // stream when a `startxref` points at it, `/Type` or not.
        if !dict.widths.is_empty() {
            check_widths(&dict.widths, start)?;
        }
        if dict.object_stream && !self.inner {
            self.object_stream(&dict, &bytes[start..end], start)?;
        } else if dict.xref && dict.flate && !dict.other_filter {
            // lopdf inflates cross-reference streams while loading.
            self.inflate(&bytes[start..end], start)?;
        }
        self.at = find(&bytes[end..], b"endstream").map_or(bytes.len(), |i| end + i + 9);
        Ok(())
    }

    fn inflate(&mut self, body: &[u8], at: usize) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let limit = *self.budget;
        let read = flate2::read::ZlibDecoder::new(body)
            .take(limit.saturating_add(1))
            .read_to_end(&mut out);
        // A broken stream is lopdf's to report; only its size matters here.
        let _ = read;
        if out.len() as u64 > limit {
            return Err(hostile_pdf(format!(
                "aliran data terkompresi (bita ke-{at}) bila dibuka melampaui batas {} untuk seluruh berkas",
                size(MAX_PDF_INFLATED_BYTES)
            )));
        }
        *self.budget -= out.len() as u64;
        Ok(out)
    }

    /// An object stream: its objects are lexed like the file (nesting), and
    /// their offsets must rise, so lopdf parses each byte a bounded number
    /// of times.
    fn object_stream(&mut self, dict: &Dict, body: &[u8], at: usize) -> Result<()> {
        let content = if dict.other_filter {
            // A filter the guard does not inflate: lopdf may not either.
            return Ok(());
        } else if dict.flate {
            self.inflate(body, at)?
        } else {
            body.to_vec()
        };
        let first = dict.first.unwrap_or(0).min(content.len());
        let offsets = std::str::from_utf8(&content[..first])
            .unwrap_or("")
            .split_whitespace()
            .skip(1)
            .step_by(2)
            .map(|n| n.parse::<u64>().unwrap_or(u64::MAX));
        let mut previous: Option<u64> = None;
        for offset in offsets {
            if previous.is_some_and(|p| offset <= p) {
                return Err(hostile_pdf(format!(
                    "daftar objek dalam aliran objek (bita ke-{at}) tidak urut"
                )));
            }
            previous = Some(offset);
        }
        let mut budget = *self.budget;
        let mut inner = Lexer::new(&content[first..], &mut budget);
        inner.inner = true;
        inner.run().map_err(|e| match e {
            Error::Invalid { message, .. } => hostile_pdf(format!(
                "di dalam aliran objek (bita ke-{at}): {}",
                message
                    .trim_start_matches("PDF ini tidak wajar dan tidak diperiksa: ")
                    .trim_end_matches('.')
            )),
            other => other,
        })?;
        *self.budget = budget;
        Ok(())
    }
}

fn check_widths(widths: &[i64], at: usize) -> Result<()> {
    if let Some(w) = widths
        .iter()
        .find(|w| !(0..=MAX_XREF_FIELD_WIDTH).contains(*w))
    {
        return Err(hostile_pdf(format!(
            "aliran tabel silang (xref, bita ke-{at}) menyatakan lebar kolom /W {w} bita; batasnya {MAX_XREF_FIELD_WIDTH}"
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------- PKCS#12

const OID_PBES2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13");
const OID_PBKDF2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.12");
const OID_SCRYPT: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11591.4.11");
/// pkcs-12PbeIds: `1.2.840.113549.1.12.1.{1..6}`.
const OID_PKCS12_PBE: &str = "1.2.840.113549.1.12.1.";
/// Deepest DER nesting the PKCS#12 walk follows (real files: about 12).
const MAX_DER_DEPTH: usize = 32;

fn costly_pkcs12(what: &str, count: String, limit: String) -> Error {
    Error::invalid(
        ErrorCode::SertifikatTidakWajar,
        "certificate",
        format!(
            "Berkas sertifikat (.p12/.pfx) meminta {what} sebesar {count}; batasnya {limit}. Berkas seperti ini tidak dibuka; minta berkas baru dari penerbit sertifikat."
        ),
    )
}

/// Refuses a PKCS#12 file whose key derivations (the MAC's, PBKDF2's in
/// PBES2, the PKCS#12 PBE's, scrypt's) would take minutes or gigabytes,
/// before p12-keystore runs them. The whole DER tree is walked, including
/// OCTET STRINGs that hold DER, so bags in any place are seen; bags inside
/// encrypted content are seen only by p12-keystore, after it decrypts them
/// with an outer derivation checked here. A file that is not DER is left to
/// p12-keystore to refuse.
pub(crate) fn check_pkcs12(bytes: &[u8]) -> Result<()> {
    let Ok(pfx) = AnyRef::from_der(bytes) else {
        return Ok(());
    };
    // PFX ::= SEQUENCE { version, authSafe, macData MacData OPTIONAL }
    // MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
    if let Some(mac) = items(&pfx).and_then(|i| i.get(2).copied()) {
        if let Some(iterations) = items(&mac).and_then(|i| i.get(2).copied()) {
            check_iterations("putaran MAC", &iterations)?;
        }
    }
    walk(&pfx, 0)
}

fn walk(node: &AnyRef, depth: usize) -> Result<()> {
    if depth > MAX_DER_DEPTH {
        return Ok(());
    }
    if node.tag() == Tag::OctetString {
        if let Ok(inner) = AnyRef::from_der(node.value()) {
            return walk(&inner, depth + 1);
        }
        return Ok(());
    }
    if !node.tag().is_constructed() {
        return Ok(());
    }
    let Some(children) = items(node) else {
        return Ok(());
    };
    if node.tag() == Tag::Sequence {
        if let Some(oid) = children.first().and_then(oid_of) {
            check_algorithm(&oid, children.get(1))?;
        }
    }
    for child in &children {
        walk(child, depth + 1)?;
    }
    Ok(())
}

/// An AlgorithmIdentifier's parameters, when it derives a key from the passphrase.
fn check_algorithm(oid: &ObjectIdentifier, params: Option<&AnyRef>) -> Result<()> {
    let params = params.and_then(items).unwrap_or_default();
    if *oid == OID_PBES2 {
        // PBES2-params ::= SEQUENCE { keyDerivationFunc, encryptionScheme }
        if let Some(kdf) = params.first().and_then(items) {
            if let (Some(kdf_oid), Some(kdf_params)) = (kdf.first().and_then(oid_of), kdf.get(1)) {
                check_algorithm(&kdf_oid, Some(kdf_params))?;
            }
        }
    } else if *oid == OID_PBKDF2 {
        // PBKDF2-params ::= SEQUENCE { salt, iterationCount, keyLength?, prf? }
        if let Some(iterations) = params.get(1) {
            check_iterations("putaran PBKDF2", iterations)?;
        }
    } else if *oid == OID_SCRYPT {
        // scrypt-params ::= SEQUENCE { salt, costParameter, blockSize, parallelizationParameter, keyLength? }
        let n = params.get(1).map_or(0, integer);
        let r = params.get(2).map_or(0, integer);
        let p = params.get(3).map_or(0, integer);
        let memory = 128u64.saturating_mul(n).saturating_mul(r);
        if memory > MAX_SCRYPT_BYTES {
            return Err(costly_pkcs12(
                "memori scrypt",
                size(memory),
                size(MAX_SCRYPT_BYTES),
            ));
        }
        let work = n.saturating_mul(r).saturating_mul(p);
        if work > MAX_PKCS12_ITERATIONS {
            return Err(costly_pkcs12(
                "kerja scrypt (N·r·p)",
                dotted(work),
                dotted(MAX_PKCS12_ITERATIONS),
            ));
        }
    } else if oid.to_string().starts_with(OID_PKCS12_PBE) {
        // pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
        if let Some(iterations) = params.get(1) {
            check_iterations("putaran PBE PKCS#12", iterations)?;
        }
    }
    Ok(())
}

fn check_iterations(what: &str, node: &AnyRef) -> Result<()> {
    let n = integer(node);
    if n > MAX_PKCS12_ITERATIONS {
        let count = if n == u64::MAX {
            "lebih dari 18 triliun triliun".to_string()
        } else {
            dotted(n)
        };
        return Err(costly_pkcs12(what, count, dotted(MAX_PKCS12_ITERATIONS)));
    }
    Ok(())
}

/// A non-negative INTEGER's value, `u64::MAX` when larger; 0 when negative
/// or not an INTEGER.
fn integer(node: &AnyRef) -> u64 {
    let bytes = node.value();
    if node.tag() != Tag::Integer || bytes.first().is_none_or(|b| b & 0x80 != 0) {
        return 0;
    }
    let digits: &[u8] = {
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        &bytes[skip..]
    };
    if digits.len() > 8 {
        return u64::MAX;
    }
    digits.iter().fold(0u64, |n, &b| (n << 8) | u64::from(b))
}

fn oid_of(node: &AnyRef) -> Option<ObjectIdentifier> {
    (node.tag() == Tag::ObjectIdentifier)
        .then(|| ObjectIdentifier::from_bytes(node.value()).ok())
        .flatten()
}

/// The elements of a constructed value (SEQUENCE, SET, [n] EXPLICIT).
fn items<'a>(node: &AnyRef<'a>) -> Option<Vec<AnyRef<'a>>> {
    let constructed = match node.tag() {
        Tag::Sequence | Tag::Set => true,
        Tag::ContextSpecific {
            constructed,
            number: _,
        } => constructed,
        _ => false,
    };
    if !constructed {
        return None;
    }
    let mut reader = SliceReader::new(node.value()).ok()?;
    let mut out = Vec::new();
    while !reader.is_finished() {
        out.push(reader.decode::<AnyRef<'a>>().ok()?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(pdf: &[u8]) -> String {
        let e = check_pdf(pdf).expect_err("refused");
        assert_eq!(e.field(), Some("pdf"));
        e.to_string()
    }

    /// A small PDF with a cross-reference stream whose dictionary is `dict`.
    fn with_xref_stream(dict: &str) -> Vec<u8> {
        format!(
            "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Type /XRef {dict} /Size 4 /Root 1 0 R /Length 3 >>\nstream\n\x01\x02\x03\nendstream\nendobj\nstartxref\n120\n%%EOF\n"
        )
        .into_bytes()
    }

    #[test]
    fn absurd_xref_stream_widths_are_refused_usual_ones_pass() {
        let message = refused(&with_xref_stream("/W [1 2000000000 1]"));
        assert!(
            message.contains("/W 2000000000 bita; batasnya 8"),
            "{message}"
        );
        assert!(refused(&with_xref_stream("/W [1 -1 1]")).contains("/W -1"));
        check_pdf(&with_xref_stream("/W [1 4 2]")).unwrap();
        // A CIDFont's /W (glyph widths) is not a cross-reference stream.
        check_pdf(b"%PDF-1.7\n1 0 obj\n<< /Type /Font /Subtype /CIDFontType2 /W [1 [500 600] 10 20 2000] >>\nendobj\n").unwrap();
    }

    #[test]
    fn deep_nesting_is_refused_before_any_recursion() {
        let mut pdf = b"%PDF-1.7\n1 0 obj\n".to_vec();
        pdf.extend(std::iter::repeat_n(b'[', 1_000_000));
        let message = refused(&pdf);
        assert!(message.contains("lebih dari 64 tingkat"), "{message}");
        let mut dicts = b"%PDF-1.7\n1 0 obj\n".to_vec();
        for _ in 0..65 {
            dicts.extend(b"<< /A ");
        }
        assert!(refused(&dicts).contains("64 tingkat"));
        // Brackets inside strings, comments and stream bodies do not count.
        let mut quiet = b"%PDF-1.7\n% [[[[[[[[\n1 0 obj\n<< /A ([[[[[[\\)[[[[) /B <5b5b> /Length 200 >>\nstream\n".to_vec();
        quiet.extend([b'['; 200]);
        quiet.extend(b"\nendstream\nendobj\n");
        let mut many = quiet.clone();
        for _ in 0..10 {
            many.extend(b"% ");
            many.extend([b'['; 100]);
            many.push(b'\n');
        }
        check_pdf(&many).unwrap();
    }

    #[test]
    fn thousands_of_byte_ranges_are_refused() {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        for _ in 0..10_000 {
            pdf.extend(b"<< /ByteRange [0 10 20 30] >>\n");
        }
        let message = refused(&pdf);
        assert!(
            message.contains("10000 entri /ByteRange; batasnya 100"),
            "{message}"
        );
    }

    #[test]
    fn object_streams_are_inflated_within_a_budget_and_looked_into() {
        use std::io::Write;
        let compress = |data: &[u8]| {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(data).unwrap();
            z.finish().unwrap()
        };
        let object_stream = |content: &[u8], first: usize| {
            let body = compress(content);
            let mut pdf = format!(
                "%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 2 /First {first} /Filter /FlateDecode /Length {} >>\nstream\n",
                body.len()
            )
            .into_bytes();
            pdf.extend(&body);
            pdf.extend(b"\nendstream\nendobj\n");
            pdf
        };
        check_pdf(&object_stream(b"1 0 2 9 << /A 1 >> [1 2 3]", 8)).unwrap();
        let mut deep = b"1 0 ".to_vec();
        deep.extend([b'['; 200]);
        let message = refused(&object_stream(&deep, 4));
        assert!(message.contains("di dalam aliran objek"), "{message}");
        assert!(message.contains("64 tingkat"), "{message}");
        assert!(refused(&object_stream(b"1 5 2 0 [1] [2]", 8)).contains("tidak urut"));
        let bomb = vec![b' '; 300 * 1024 * 1024];
        let message = refused(&object_stream(&bomb, 0));
        assert!(message.contains("batas 256 MB"), "{message}");
    }

    #[test]
    fn pdfs_the_project_renders_and_signs_pass() {
        let fixtures =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        let mut seen = 0;
        for entry in std::fs::read_dir(&fixtures).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let Ok(circular) =
                    crate::exchange::from_json(&std::fs::read_to_string(&path).unwrap())
                else {
                    continue;
                };
                for paper in [crate::office::PaperSize::F4, crate::office::PaperSize::A4] {
                    let pdf =
                        crate::pdf::render(&circular, paper, chrono::DateTime::UNIX_EPOCH).unwrap();
                    check_pdf(&pdf).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    seen += 1;
                }
            }
        }
        assert!(seen >= 2, "fixtures rendered: {seen}");
        let path = fixtures.join("muba-800-439-bkpsdm-2020.json");
        let circular = crate::exchange::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        let pdf = crate::pdf::render(
            &circular,
            crate::office::PaperSize::F4,
            chrono::DateTime::UNIX_EPOCH,
        )
        .unwrap();
        let made =
            super::super::new_internal("Pemkab Uji", "Kepala Uji", chrono::Utc::now(), 1).unwrap();
        let options = super::super::SignOptions {
            reason: "uji".into(),
            location: "Sekayu".into(),
            time: chrono::Utc::now(),
            mark: Some(super::super::MarkInfo {
                number: "800/439/BKPSDM/2020".into(),
                date: chrono::NaiveDate::from_ymd_opt(2020, 3, 17).unwrap(),
                signer: String::new(),
            }),
        };
        let signed = super::super::sign_pdf(&pdf, &made.signer, &options).unwrap();
        check_pdf(&signed).unwrap();
        let twice = super::super::sign_pdf(&signed, &made.signer, &options).unwrap();
        check_pdf(&twice).unwrap();
    }

    #[test]
    fn lopdf_behind_the_guard_does_not_overflow_a_small_stack() {
        // The deepest nesting the guard lets through, parsed by lopdf on a
        // thread with a 2 MB stack (a Tokio worker's), in this build.
        let mut pdf = b"%PDF-1.7\n1 0 obj\n".to_vec();
        pdf.extend([b'['; MAX_PDF_NESTING]);
        pdf.extend([b']'; MAX_PDF_NESTING]);
        pdf.extend(
            b"\nendobj\n2 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 2 0 R >>\n%%EOF\n",
        );
        check_pdf(&pdf).unwrap();
        let mut dicts = b"%PDF-1.7\n1 0 obj\n".to_vec();
        for _ in 0..MAX_PDF_NESTING {
            dicts.extend(b"<< /A ");
        }
        for _ in 0..MAX_PDF_NESTING {
            dicts.extend(b">> ");
        }
        dicts.extend(b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        check_pdf(&dicts).unwrap();
        std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                let _ = lopdf::Document::load_mem(&pdf);
                let _ = lopdf::Document::load_mem(&dicts);
            })
            .unwrap()
            .join()
            .expect("lopdf parsed 64 levels on a 2 MB stack");
    }

    // ------------------------------------------------------------ PKCS#12

    /// DER of `tag` around `content`.
    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let n = content.len();
        if n < 0x80 {
            out.push(n as u8);
        } else {
            let len = n.to_be_bytes();
            let skip = len.iter().take_while(|&&b| b == 0).count();
            out.push(0x80 | (len.len() - skip) as u8);
            out.extend(&len[skip..]);
        }
        out.extend(content);
        out
    }

    fn int(n: u64) -> Vec<u8> {
        let mut bytes = n.to_be_bytes().to_vec();
        while bytes.len() > 1 && bytes[0] == 0 && bytes[1] & 0x80 == 0 {
            bytes.remove(0);
        }
        if bytes[0] & 0x80 != 0 {
            bytes.insert(0, 0);
        }
        tlv(0x02, &bytes)
    }

    fn oid_der(text: &str) -> Vec<u8> {
        tlv(0x06, ObjectIdentifier::new_unwrap(text).as_bytes())
    }

    /// A PFX with `mac_iterations` and one shrouded key bag under PBES2/PBKDF2
    /// with `kdf_iterations` (the encrypted bytes are junk: never reached).
    fn pfx(mac_iterations: u64, kdf_iterations: u64) -> Vec<u8> {
        let seq = |parts: &[Vec<u8>]| tlv(0x30, &parts.concat());
        let pbkdf2 = seq(&[
            oid_der("1.2.840.113549.1.5.12"),
            seq(&[tlv(0x04, &[7; 8]), int(kdf_iterations)]),
        ]);
        let aes = seq(&[oid_der("2.16.840.1.101.3.4.1.42"), tlv(0x04, &[1; 16])]);
        let pbes2 = seq(&[oid_der("1.2.840.113549.1.5.13"), seq(&[pbkdf2, aes])]);
        let shrouded = seq(&[pbes2, tlv(0x04, &[9; 48])]);
        let bag = seq(&[oid_der("1.2.840.113549.1.12.10.1.2"), tlv(0xa0, &shrouded)]);
        let safe_contents = seq(&[bag]);
        let data = seq(&[
            oid_der("1.2.840.113549.1.7.1"),
            tlv(0xa0, &tlv(0x04, &safe_contents)),
        ]);
        let auth_safe = seq(&[data]);
        let auth = seq(&[
            oid_der("1.2.840.113549.1.7.1"),
            tlv(0xa0, &tlv(0x04, &auth_safe)),
        ]);
        let digest = seq(&[
            seq(&[oid_der("2.16.840.1.101.3.4.2.1"), vec![0x05, 0x00]]),
            tlv(0x04, &[0; 32]),
        ]);
        let mac = seq(&[digest, tlv(0x04, &[3; 8]), int(mac_iterations)]);
        seq(&[int(3), auth, mac])
    }

    #[test]
    fn absurd_pkcs12_iteration_counts_are_refused_before_deriving() {
        check_pkcs12(&pfx(2048, 10_000)).unwrap();
        let e = check_pkcs12(&pfx(2_000_000_000, 2048)).unwrap_err();
        assert_eq!(e.code(), ErrorCode::SertifikatTidakWajar);
        assert!(
            e.to_string()
                .contains("putaran MAC sebesar 2.000.000.000; batasnya 1.000.000"),
            "{e}"
        );
        let e = check_pkcs12(&pfx(2048, 4_000_000_000)).unwrap_err();
        assert!(
            e.to_string()
                .contains("putaran PBKDF2 sebesar 4.000.000.000"),
            "{e}"
        );
        // Files the project writes pass.
        let made =
            super::super::new_internal("Pemkab Uji", "Kepala Uji", chrono::Utc::now(), 1).unwrap();
        let p12 = super::super::export_pkcs12(&made.signer, "rahasia-sekali").unwrap();
        check_pkcs12(&p12).unwrap();
        // Not DER at all: left to p12-keystore.
        check_pkcs12(b"bukan pkcs12").unwrap();
    }

    #[test]
    fn an_absurd_count_is_refused_by_import_within_a_second() {
        let started = std::time::Instant::now();
        let e = super::super::import_pkcs12(&pfx(2_000_000_000, 2048), "sandi", chrono::Utc::now())
            .err()
            .expect("refused");
        assert_eq!(e.code(), ErrorCode::SertifikatTidakWajar);
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
