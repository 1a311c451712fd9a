//! [`Book`]: any number of documents in one PDF, fonts and images embedded
//! once for all of them.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use printpdf::{ParsedFont, PdfDocument, PdfPage, RawImage, XObjectId};

use super::bound::{Bound, Entry};
use super::fonts::{self, FACES};
use super::writer::{Sheet, Writer};
use super::{letter, preview, signature, Heading, Placed};
use crate::circular::{Annex, Circular};
use crate::error::{Error, Result};
use crate::office::PaperSize;
use crate::ErrorCode;

/// One PDF holding any number of documents, one after the other, each
/// starting on a new page with its own page numbers; fonts and images
/// are embedded once for all of them.
pub struct Book {
    doc: PdfDocument,
    paper: PaperSize,
    /// The PDF font of each face, by [`fonts::Face::index`].
    pub(super) fonts: [printpdf::FontId; FACES],
    pub(super) pages: Vec<PdfPage>,
    /// Each document added: its first page and what its own file says.
    parts: Vec<Entry>,
    /// Images already embedded, by their bytes.
    images: HashMap<Vec<u8>, (XObjectId, usize, usize)>,
    pub(super) pictures: BTreeMap<XObjectId, preview::Picture>,
}

impl Book {
    /// A book whose files are dated `at` (CreationDate and ModDate): the
    /// engine reads no clock, so the caller says when.
    pub fn new(title: &str, paper: PaperSize, at: DateTime<Utc>) -> Book {
        let mut doc = PdfDocument::new(title);
        let info = &mut doc.metadata.info;
        info.creator = "Edaran".into();
        info.producer = "Edaran".into();
        if let Ok(stamp) = printpdf::date::DateTime::from_unix_timestamp(at.timestamp()) {
            info.creation_date = stamp;
            info.modification_date = stamp;
            info.metadata_date = stamp;
        }
        let fonts = parsed_fonts().each_ref().map(|f| doc.add_font(f));
        Book {
            doc,
            paper,
            fonts,
            pages: Vec::new(),
            parts: Vec::new(),
            images: HashMap::new(),
            pictures: BTreeMap::new(),
        }
    }

    /// Pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Lays `c` out on new pages under `heading`; returns its page count.
    pub fn add(&mut self, c: &Circular, heading: &Heading) -> Result<usize> {
        Ok(self.lay_out(c, heading)?.0)
    }

    /// [`Book::add`], also returning where each block of the document landed.
    pub(super) fn lay_out(
        &mut self,
        c: &Circular,
        heading: &Heading,
    ) -> Result<(usize, Vec<Placed>)> {
        c.validate()?;
        letter::check_glyphs(c)?;
        if self.pages.is_empty() {
            let info = &mut self.doc.metadata.info;
            info.author = c.letterhead.tiers.first().cloned().unwrap_or_default();
            info.subject = c.subject.clone();
        }
        let emblem = self.image(&c.letterhead.emblem, "lambang")?;
        let signature = self.image(&c.signature.signature_image, "tanda tangan")?;
        let stamp = self.image(&c.signature.stamp_image, "cap")?;
        let marks = signature::Marks {
            signature: signature.as_ref(),
            stamp: stamp.as_ref(),
        };
        let mut w = self.writer();
        let placed = letter::lay_out(&mut w, c, heading, emblem.as_ref(), marks);
        Ok((self.keep(w, c), placed))
    }

    /// Only the lampiran `annex` of `c`, from the first page on (a roster
    /// printed on its own).
    pub fn add_annex(&mut self, c: &Circular, heading: &Heading, annex: &Annex) -> Result<usize> {
        let mut c = c.clone();
        c.annexes = vec![annex.clone()];
        c.validate()?;
        letter::check_glyphs(&c)?;
        let mut w = self.writer();
        letter::annex_alone(&mut w, &c, heading);
        Ok(self.keep(w, &c))
    }

    /// A fresh document on new pages, numbered from 1.
    fn writer(&self) -> Writer {
        Writer::new(Sheet::new(self.paper), self.fonts.clone())
    }

    /// Appends the pages `w` wrote of `c`; returns how many.
    fn keep(&mut self, w: Writer, c: &Circular) -> usize {
        self.parts.push(Entry {
            first_page: self.pages.len(),
            title: c.subject.clone(),
            author: c.letterhead.tiers.first().cloned().unwrap_or_default(),
        });
        let pages = w.finish();
        let count = pages.len();
        self.pages.extend(pages);
        count
    }

    /// Embeds an image once, however many documents show it.
    fn image(
        &mut self,
        bytes: &Option<Vec<u8>>,
        what: &str,
    ) -> Result<Option<(XObjectId, usize, usize)>> {
        let Some(bytes) = bytes else { return Ok(None) };
        if let Some(known) = self.images.get(bytes) {
            return Ok(Some(known.clone()));
        }
        let (_, image) = read_image(bytes, what)?;
        let (width, height) = (image.width, image.height);
        let id = self.doc.add_image(&image);
        let url = crate::image::data_url(bytes)?;
        self.pictures
            .insert(id.clone(), preview::Picture { url, width, height });
        let placed = (id, width, height);
        self.images.insert(bytes.clone(), placed.clone());
        Ok(Some(placed))
    }

    /// The PDF bytes, fonts subset to the glyphs used.
    pub fn save(self) -> Vec<u8> {
        self.bind().into_bytes()
    }

    /// The finished book, serialized once with its faces subset to the
    /// glyphs of all its pages, ready to be saved whole or document by
    /// document.
    pub fn bind(self) -> Bound {
        let Book {
            mut doc,
            pages,
            parts,
            ..
        } = self;
        doc.pages = pages;
        Bound::new(&doc, parts)
    }
}

/// An image a circular carries (PNG or JPEG), decoded; `what` names it
/// (`lambang`, `tanda tangan`, `cap`) in the refusal of an unreadable one.
pub(crate) fn read_image(bytes: &[u8], what: &str) -> Result<(&'static str, RawImage)> {
    let unreadable = |e: String| {
        Error::invalid(
            ErrorCode::GambarRusak,
            "image",
            format!("Gambar {what} tidak dapat dibaca: {e}"),
        )
    };
    let mime = crate::image::kind(bytes).map_err(|e| unreadable(e.to_string()))?;
    let image = RawImage::decode_from_bytes(bytes, &mut Vec::new()).map_err(unreadable)?;
    Ok((mime, image))
}

fn parsed_fonts() -> &'static [ParsedFont; FACES] {
    static FONTS: OnceLock<[ParsedFont; FACES]> = OnceLock::new();
    FONTS.get_or_init(|| {
        fonts::all().each_ref().map(|f| {
            ParsedFont::from_bytes(f.bytes, 0, &mut Vec::new()).expect("bundled font parses")
        })
    })
}
