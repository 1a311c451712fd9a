//! The PDF engine: lays out a [`Circular`] as the regulations describe a
//! *surat edaran* (kop, addressees, title block, numbered body, signature
//! block, tembusan, lampiran tables) on F4 or A4, with Liberation Sans
//! embedded and subset. A pure function of its input: no database.

mod annex;
mod body;
mod bound;
mod fonts;
mod heading;
mod kop;
mod layout;
mod preview;
mod signature;
mod writer;

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use base64::Engine;

use printpdf::{ParsedFont, PdfDocument, PdfPage, RawImage, XObjectId};

use crate::circular::{Annex, Circular, Point};
use crate::error::{Error, Result};
use crate::office::PaperSize;
pub use bound::Bound;
use bound::Part;
use fonts::{face, Weight};
pub use preview::Preview;
use writer::{Sheet, Writer};

const BODY: f32 = 12.0;
const LEADING: f32 = BODY * 1.3;
const MM: f32 = 72.0 / 25.4;
/// Indent of each numbering level.
const STEP: f32 = 7.5 * MM;

/// The label of item `index` (0-based) at nesting `depth`: `1.`, `a.`, `1)`, `a)`, `(1)`.
pub fn numbering_label(depth: usize, index: usize) -> String {
    let letter = || {
        if index < 26 {
            ((b'a' + index as u8) as char).to_string()
        } else {
            (index + 1).to_string()
        }
    };
    match depth {
        0 => format!("{}.", index + 1),
        1 => format!("{}.", letter()),
        2 => format!("{})", index + 1),
        3 => format!("{})", letter()),
        _ => format!("({})", index + 1),
    }
}

/// Renders the circular to PDF bytes.
pub fn render(c: &Circular, paper: PaperSize) -> Result<Vec<u8>> {
    let mut book = Book::new(&document_title(c), paper);
    book.add(c, &Heading::SuratEdaran)?;
    Ok(book.save())
}

/// The first `max_pages` pages as SVG, laid out exactly as [`render`] prints them.
pub fn preview(c: &Circular, paper: PaperSize, max_pages: usize) -> Result<Preview> {
    let mut book = Book::new(&document_title(c), paper);
    book.add(c, &Heading::SuratEdaran)?;
    let resources = preview::Resources {
        bold: &book.bold,
        pictures: &book.pictures,
    };
    Ok(Preview {
        pages: book
            .pages
            .iter()
            .take(max_pages)
            .map(|page| preview::page_svg(page, &resources))
            .collect(),
        page_count: book.pages.len(),
    })
}

/// What the title block says: a circular's `SURAT EDARAN` and its number,
/// or the name of a notice that carries a circular out (it has no number of
/// its own and cites the circular's in its text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    SuratEdaran,
    /// e.g. `PEMBERITAHUAN` over the subject.
    Notice(String),
}

/// One PDF holding any number of documents, one after the other, each
/// starting on a new page with its own page numbers; fonts and images
/// are embedded once for all of them.
pub struct Book {
    doc: PdfDocument,
    paper: PaperSize,
    regular: printpdf::FontId,
    bold: printpdf::FontId,
    pages: Vec<PdfPage>,
    /// Each document added: its first page and what its own file says.
    parts: Vec<Part>,
    /// Images already embedded, by their bytes.
    images: HashMap<Vec<u8>, (XObjectId, usize, usize)>,
    pictures: BTreeMap<XObjectId, preview::Picture>,
}

impl Book {
    pub fn new(title: &str, paper: PaperSize) -> Book {
        let mut doc = PdfDocument::new(title);
        let info = &mut doc.metadata.info;
        info.creator = "Edaran".into();
        info.producer = "Edaran".into();
        let (regular, bold) = parsed_fonts();
        let (regular, bold) = (doc.add_font(regular), doc.add_font(bold));
        Book {
            doc,
            paper,
            regular,
            bold,
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
        c.validate()?;
        check_glyphs(c)?;
        if self.pages.is_empty() {
            let info = &mut self.doc.metadata.info;
            info.author = c.letterhead.tiers.first().cloned().unwrap_or_default();
            info.subject = c.subject.clone();
        }
        let emblem = self.image(&c.letterhead.emblem, "lambang")?;
        let signature = self.image(&c.signature.signature_image, "tanda tangan")?;
        let stamp = self.image(&c.signature.stamp_image, "cap")?;
        let mut w = self.writer();
        kop::letterhead(&mut w, c, emblem.as_ref());
        heading::addressees(&mut w, c);
        heading::title(&mut w, c, heading);
        body::body(&mut w, &c.points, 0);
        signature::signature_block(&mut w, c, heading, signature.as_ref(), stamp.as_ref());
        signature::copies(&mut w, c);
        for annex in &c.annexes {
            annex::annex_pages(&mut w, c, heading, annex);
        }
        Ok(self.keep(w, c))
    }

    /// Only the lampiran `annex` of `c`, from the first page on (a roster
    /// printed on its own).
    pub fn add_annex(&mut self, c: &Circular, heading: &Heading, annex: &Annex) -> Result<usize> {
        let mut c = c.clone();
        c.annexes = vec![annex.clone()];
        c.validate()?;
        check_glyphs(&c)?;
        let mut w = self.writer();
        annex::annex_pages(&mut w, &c, heading, annex);
        Ok(self.keep(w, &c))
    }

    /// A fresh document on new pages, numbered from 1.
    fn writer(&self) -> Writer {
        Writer::new(
            Sheet::new(self.paper),
            self.regular.clone(),
            self.bold.clone(),
        )
    }

    /// Appends the pages `w` wrote of `c`; returns how many.
    fn keep(&mut self, w: Writer, c: &Circular) -> usize {
        self.parts.push(Part {
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
        let unreadable = |e: String| {
            Error::invalid(
                "gambar_rusak",
                "image",
                format!("Gambar {what} tidak dapat dibaca: {e}"),
            )
        };
        let mime = crate::store::image_kind(bytes).map_err(|e| unreadable(e.to_string()))?;
        let image = RawImage::decode_from_bytes(bytes, &mut Vec::new()).map_err(unreadable)?;
        let (width, height) = (image.width, image.height);
        let id = self.doc.add_image(&image);
        let url = format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        );
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

fn parsed_fonts() -> &'static (ParsedFont, ParsedFont) {
    static FONTS: OnceLock<(ParsedFont, ParsedFont)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse = |w| {
            ParsedFont::from_bytes(face(w).bytes, 0, &mut Vec::new()).expect("bundled font parses")
        };
        (parse(Weight::Regular), parse(Weight::Bold))
    })
}

fn document_title(c: &Circular) -> String {
    match c.number.trim() {
        "" => format!("Surat Edaran tentang {}", c.subject),
        n => format!("Surat Edaran Nomor {n} tentang {}", c.subject),
    }
}

/// Every text must be printable with the bundled faces (no emoji and the like).
fn check_glyphs(c: &Circular) -> Result<()> {
    let mut texts: Vec<(String, &str)> = vec![
        ("perihal".into(), &c.subject),
        ("tempat".into(), &c.place),
        ("nomor".into(), &c.number),
    ];
    texts.extend(
        c.letterhead
            .tiers
            .iter()
            .chain(&c.letterhead.address_lines)
            .map(|t| ("kop".to_string(), t.as_str())),
    );
    texts.extend(
        c.addressees
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("tujuan baris {}", i + 1), t.as_str())),
    );
    texts.extend(
        c.copies
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("tembusan baris {}", i + 1), t.as_str())),
    );
    let s = &c.signature;
    for t in [
        &s.principal_office,
        &s.signer_office,
        &s.intermediate_office,
        &s.name,
        &s.rank,
        &s.nip,
    ] {
        texts.push(("penandatangan".into(), t));
    }
    fn points<'a>(list: &'a [Point], prefix: &str, out: &mut Vec<(String, &'a str)>) {
        for (i, p) in list.iter().enumerate() {
            let depth = prefix.matches(' ').count();
            let name = format!("{prefix}{}", numbering_label(depth, i));
            out.push((format!("butir {name}"), &p.text));
            points(&p.children, &format!("{name} "), out);
        }
    }
    points(&c.points, "", &mut texts);
    for (i, annex) in c.annexes.iter().enumerate() {
        texts.push((format!("lampiran {}", i + 1), &annex.title));
        for (r, row) in annex.rows.iter().enumerate() {
            texts.extend(
                row.iter()
                    .map(|cell| (format!("lampiran {} baris {}", i + 1, r + 1), cell.as_str())),
            );
        }
    }
    for (place, text) in texts {
        if let Some(ch) = fonts::uncovered(text) {
            return Err(Error::invalid(
                "karakter_tidak_tersedia",
                "text",
                format!(
                    "Karakter \"{ch}\" (U+{:04X}) pada {place} tidak tersedia di huruf dokumen (Liberation Sans); hapus atau ganti karakter itu.",
                    ch as u32
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange;

    fn fixture(name: &str) -> Circular {
        let path = format!(
            "{}/../../tests/fixtures/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        exchange::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn the_preview_shows_the_printed_pages_with_their_text_inside_the_sheet() {
        let c = fixture("muba-800-439-bkpsdm-2020");
        let p = preview(&c, PaperSize::F4, 20).unwrap();
        assert!(p.page_count >= 1 && p.pages.len() == p.page_count);
        let all = p.pages.concat();
        for needle in [
            "800/439/BKPSDM/2020",
            "SURAT EDARAN",
            "TENTANG",
            "Tembusan:",
        ] {
            assert!(all.contains(needle), "preview lacks {needle}");
        }
        let width = Sheet::new(PaperSize::F4).width;
        for x in all.split("<tspan x=\"").skip(1) {
            let x: f32 = x[..x.find('"').unwrap()].parse().unwrap();
            assert!(
                (0.0..width).contains(&x),
                "text starts off the sheet at {x}"
            );
        }
        assert_eq!(
            all.matches("<text ").count(),
            all.matches("</text>").count()
        );
        if let Ok(dir) = std::env::var("EDARAN_PREVIEW_DIR") {
            for (i, page) in p.pages.iter().enumerate() {
                std::fs::write(format!("{dir}/page-{}.svg", i + 1), page).unwrap();
            }
        }
    }

    #[test]
    fn a_preview_is_capped_but_counts_every_page() {
        let mut c = fixture("muba-800-439-bkpsdm-2020");
        c.annexes = vec![Annex {
            title: "Daftar".into(),
            columns: vec!["No".into(), "Nama".into()],
            widths: Vec::new(),
            rows: (1..=400)
                .map(|i| vec![i.to_string(), format!("Pegawai {i}")])
                .collect(),
        }];
        let p = preview(&c, PaperSize::A4, 3).unwrap();
        assert_eq!(p.pages.len(), 3);
        assert!(p.page_count > 8, "{}", p.page_count);
    }
}
