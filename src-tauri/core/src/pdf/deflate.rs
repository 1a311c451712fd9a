//! Stream compression for the PDFs of a [`Bound`](super::Bound) book: each
//! distinct stream (a face program every file embeds, a page shown both in
//! the merged PDF and in its own file) is deflated once, whichever thread
//! meets it first; the others reuse the bytes.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{Document, Object};

/// Deflated stream contents by their plain bytes.
#[derive(Default)]
pub(super) struct Deflater {
    done: Mutex<HashMap<Vec<u8>, Arc<[u8]>>>,
}

impl Deflater {
    /// Compresses every stream of `pdf` that has no filter yet and may be
    /// compressed, as lopdf's `compress` does but at zlib's default level
    /// (its own uses the slowest, for about 1 % less).
    pub(super) fn compress(&self, pdf: &mut Document) {
        for object in pdf.objects.values_mut() {
            let Object::Stream(stream) = object else {
                continue;
            };
            if !stream.allows_compression || stream.dict.has(b"Filter") {
                continue;
            }
            let deflated = self.deflate(&stream.content);
            if deflated.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(deflated.to_vec());
            }
        }
    }

    fn deflate(&self, plain: &[u8]) -> Arc<[u8]> {
        if let Some(known) = self.lock().get(plain) {
            return known.clone();
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(plain).expect("deflating in memory");
        let deflated: Arc<[u8]> = encoder.finish().expect("deflating in memory").into();
        self.lock().insert(plain.to_vec(), deflated.clone());
        deflated
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Vec<u8>, Arc<[u8]>>> {
        // A panic elsewhere leaves the map consistent (inserts are whole).
        self.done.lock().unwrap_or_else(|e| e.into_inner())
    }
}
