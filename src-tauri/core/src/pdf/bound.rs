//! A finished [`Book`](super::Book) serialized once — faces subset, streams
//! deflated — and cut into one file per document by copying that
//! document's pages with what they use, so the separate files of a batch
//! cost no second layout, subsetting or compression. Cutting needs only
//! `&self`: files can be saved on several threads at once.

use std::collections::HashMap;
use std::ops::Range;

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

/// Document info of one document saved as a file of its own.
pub(super) struct Entry {
    pub first_page: usize,
    pub title: String,
    pub author: String,
}

/// The whole book as PDF objects, and where each document's pages are.
pub struct Bound {
    pdf: Document,
    /// The page objects, in order.
    pages: Vec<ObjectId>,
    parts: Vec<Entry>,
}

impl Bound {
    /// Serializes `doc` (its faces subset to the glyphs of all its pages)
    /// and deflates its streams on every core.
    pub(super) fn new(doc: &printpdf::PdfDocument, parts: Vec<Entry>) -> Bound {
        let mut pdf = printpdf::to_lopdf_doc(doc, &Default::default(), &mut Vec::new());
        let mut streams: Vec<&mut Stream> = pdf
            .objects
            .values_mut()
            .filter_map(|o| match o {
                Object::Stream(s) if s.allows_compression && !s.dict.has(b"Filter") => Some(s),
                _ => None,
            })
            .collect();
        // Large books deflate on every core; small ones are not worth a thread.
        let bytes: usize = streams.iter().map(|s| s.content.len()).sum();
        let cores = match bytes {
            0..PARALLEL_FROM => 1,
            _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let chunk = streams.len().div_ceil(cores).max(1);
        let deflate_all = |share: &mut [&mut Stream]| {
            let mut z = Compress::new(Compression::default(), true);
            share.iter_mut().for_each(|s| deflate(&mut z, s));
        };
        if cores == 1 {
            deflate_all(&mut streams);
        } else {
            std::thread::scope(|scope| {
                for share in streams.chunks_mut(chunk) {
                    scope.spawn(|| deflate_all(share));
                }
            });
        }
        let pages = pdf.get_pages().into_values().collect();
        Bound { pdf, pages, parts }
    }

    /// Pages in the book.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The whole book as PDF bytes.
    pub fn save(&self) -> Vec<u8> {
        identified(self.pdf.clone())
    }

    /// The whole book as PDF bytes, without copying it first.
    pub fn into_bytes(self) -> Vec<u8> {
        identified(self.pdf)
    }

    /// Document `i` alone as PDF bytes: its pages, the objects they use,
    /// and its own title.
    pub fn save_document(&self, i: usize) -> Vec<u8> {
        let part = &self.parts[i];
        let mut cut = Cut {
            from: &self.pdf,
            to: Document::with_version(self.pdf.version.clone()),
            copied: HashMap::new(),
        };
        cut.to.reference_table.cross_reference_type = self.pdf.reference_table.cross_reference_type;
        let pages_id = cut.to.new_object_id();
        let kids: Vec<Object> = self.pages[self.range(i)]
            .iter()
            .map(|&page| {
                let id = cut.copy(page);
                if let Ok(Object::Dictionary(d)) = cut.to.get_object_mut(id) {
                    d.set("Parent", pages_id);
                }
                Object::Reference(id)
            })
            .collect();
        let mut pages = Dictionary::new();
        pages.set("Type", "Pages");
        pages.set("Count", kids.len() as i64);
        pages.set("Kids", kids);
        cut.to.objects.insert(pages_id, pages.into());
        let root = self.pdf.trailer.get(b"Root").and_then(Object::as_reference);
        // The catalog without the book's page tree (copying it would copy every page).
        let mut catalog = root
            .and_then(|r| self.pdf.get_dictionary(r))
            .cloned()
            .unwrap_or_default();
        catalog.remove(b"Pages");
        let mut catalog = cut.dictionary(&catalog);
        catalog.set("Pages", pages_id);
        let info = self.pdf.trailer.get(b"Info").and_then(Object::as_reference);
        let mut info = match info.and_then(|r| self.pdf.get_dictionary(r)) {
            Ok(d) => cut.dictionary(d),
            Err(_) => Dictionary::new(),
        };
        info.set("Title", text(&part.title));
        info.set("Author", text(&part.author));
        info.set("Subject", text(&part.title));
        let mut to = cut.to;
        let root = to.add_object(catalog);
        let info = to.add_object(info);
        to.trailer.set("Root", root);
        to.trailer.set("Info", info);
        identified(to)
    }

    /// The pages of document `i`.
    fn range(&self, i: usize) -> Range<usize> {
        let end = match self.parts.get(i + 1) {
            Some(next) => next.first_page,
            None => self.pages.len(),
        };
        self.parts[i].first_page..end
    }
}

/// Plain stream bytes from which deflating is spread over the cores.
const PARALLEL_FROM: usize = 1 << 20;

/// Deflates a stream as lopdf's `compress` does, but at zlib's default
/// level (lopdf uses the slowest, for about 1 % less), reusing `z`'s state.
fn deflate(z: &mut Compress, stream: &mut Stream) {
    z.reset();
    let plain = &stream.content;
    let mut deflated = Vec::with_capacity(plain.len() / 2 + 64);
    loop {
        let read = z.total_in() as usize;
        let status = z
            .compress_vec(&plain[read..], &mut deflated, FlushCompress::Finish)
            .expect("deflating in memory");
        if status == Status::StreamEnd {
            break;
        }
        deflated.reserve(deflated.capacity());
    }
    if deflated.len() + 19 < plain.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(deflated);
    }
}

/// A text string as printpdf writes document info: UTF-16BE with its mark.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Literal)
}

/// Copies objects of one document into another under new, dense numbers.
struct Cut<'a> {
    from: &'a Document,
    to: Document,
    copied: HashMap<ObjectId, ObjectId>,
}

impl Cut<'_> {
    /// The new number of object `id`, copied (with all it refers to) once.
    fn copy(&mut self, id: ObjectId) -> ObjectId {
        if let Some(&known) = self.copied.get(&id) {
            return known;
        }
        let new = self.to.new_object_id();
        self.copied.insert(id, new);
        let object = match self.from.objects.get(&id) {
            Some(o) => self.object(o),
            None => Object::Null,
        };
        self.to.objects.insert(new, object);
        new
    }

    fn object(&mut self, o: &Object) -> Object {
        match o {
            Object::Reference(id) => Object::Reference(self.copy(*id)),
            Object::Array(items) => Object::Array(items.iter().map(|o| self.object(o)).collect()),
            Object::Dictionary(d) => Object::Dictionary(self.dictionary(d)),
            Object::Stream(s) => {
                let mut copy = Stream::new(self.dictionary(&s.dict), s.content.clone());
                copy.allows_compression = s.allows_compression;
                Object::Stream(copy)
            }
            other => other.clone(),
        }
    }

    /// A copy of `d` without `/Parent` (a page's parent is set by its new
    /// page tree, and following it would copy the whole book).
    fn dictionary(&mut self, d: &Dictionary) -> Dictionary {
        d.iter()
            .filter(|(key, _)| key.as_slice() != b"Parent")
            .map(|(key, value)| (key.clone(), self.object(value)))
            .collect()
    }
}

/// `pdf` as bytes, identified by its own digest (ISO 32000-1 14.4: taken
/// with the identifier unset), so the same document gives the same bytes
/// whichever thread saves it and whatever was saved before.
fn identified(mut pdf: Document) -> Vec<u8> {
    let unset = || Object::String(vec![0; 16], StringFormat::Hexadecimal);
    pdf.trailer.set("ID", Object::Array(vec![unset(), unset()]));
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).expect("writing to memory");
    let digest = Sha256::digest(&bytes);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02X}")).collect();
    let placeholder = format!("<{}>", "0".repeat(32));
    let mut at = bytes
        .windows(7)
        .rposition(|w| w == b"trailer")
        .expect("a PDF has a trailer");
    while let Some(found) = bytes[at..]
        .windows(placeholder.len())
        .position(|w| w == placeholder.as_bytes())
    {
        at += found;
        bytes[at + 1..at + 33].copy_from_slice(hex.as_bytes());
        at += placeholder.len();
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::super::{Book, Heading};
    use crate::office::PaperSize;

    #[test]
    fn each_document_cut_from_a_book_is_a_file_of_its_own_pages_whichever_thread_saves_it() {
        let first = crate::exchange::from_json(include_str!(
            "../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json"
        ))
        .unwrap();
        let mut second = first.clone();
        second.subject = "Tugas Piket Pegawai Kedua".into();
        second.annexes.clear();
        let mut book = Book::new("Pemberitahuan", PaperSize::A4, chrono::DateTime::UNIX_EPOCH);
        let heading = Heading::Notice("PEMBERITAHUAN".into());
        let counts = [
            book.add(&first, &heading).unwrap(),
            book.add(&second, &heading).unwrap(),
        ];
        let bound = book.bind();
        assert_eq!(bound.page_count(), counts[0] + counts[1]);
        let whole = lopdf::Document::load_mem(&bound.save()).unwrap();
        assert_eq!(whole.get_pages().len(), bound.page_count());
        for (i, count) in counts.into_iter().enumerate() {
            let bytes = bound.save_document(i);
            let file = lopdf::Document::load_mem(&bytes).unwrap();
            assert_eq!(file.get_pages().len(), count, "document {i}");
            // Only what its pages use: far smaller than the whole book.
            assert!(file.objects.len() < whole.objects.len(), "document {i}");
            let elsewhere = std::thread::scope(|s| s.spawn(|| bound.save_document(i)).join());
            assert!(bytes == elsewhere.unwrap(), "document {i} saved again");
        }
        let info = |bytes: &[u8]| {
            let file = lopdf::Document::load_mem(bytes).unwrap();
            let id = file.trailer.get(b"Info").unwrap().as_reference().unwrap();
            let title = file.get_dictionary(id).unwrap().get(b"Title").unwrap();
            title.as_str().unwrap().to_vec()
        };
        let title: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(
                "Tugas Piket Pegawai Kedua"
                    .encode_utf16()
                    .flat_map(u16::to_be_bytes),
            )
            .collect();
        assert_eq!(info(&bound.save_document(1)), title);
    }
}
