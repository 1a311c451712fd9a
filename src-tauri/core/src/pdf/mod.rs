//! The PDF engine: lays out a [`Circular`] as the regulations describe a
//! *surat edaran* (kop, addressees, title block, numbered body, signature
//! block, tembusan, lampiran tables) on F4 or A4, with Liberation Sans
//! embedded and subset. A pure function of its input: no database.

mod annex;
mod body;
mod bound;
mod flow;
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
use chrono::{DateTime, Utc};

use printpdf::{ParsedFont, PdfDocument, PdfPage, RawImage, XObjectId};

use crate::circular::{Annex, Circular, Point};
use crate::error::{Error, Result};
use crate::office::PaperSize;
pub use crate::printed::Heading;
use crate::ErrorCode;
pub use bound::Bound;
use bound::Entry;
pub use flow::{faults, Part, Placed};
use fonts::FACES;
pub use preview::Preview;
// The measurements the Word file (`docx`) shares with the PDF.
pub(crate) use annex::{ANNEX_SIZE, HEADER_AT};
pub(crate) use body::AFTER_POINT;
pub(crate) use heading::TITLE_WIDTH;
#[cfg(test)]
pub(crate) use kop::tests::png;
pub(crate) use kop::{ADDRESS, GAP, GOVERNMENT, HEAD_EMBLEM, HEAD_TITLE, OFFICE, OFFICE_EMBLEM};
pub(crate) use signature::{COPIES_SIZE, COPIES_WIDTH, SIGNING_SPACE};
use writer::Writer;
pub(crate) use writer::{Sheet, FOLIO_SIZE, MARGINS};

/// Body type size and line distance, in points.
pub(crate) const BODY: f32 = 12.0;
pub(crate) const LEADING: f32 = BODY * 1.3;
pub(crate) const MM: f32 = 72.0 / 25.4;
/// Indent of each numbering level.
pub(crate) const STEP: f32 = 7.5 * MM;

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

/// Renders the circular to PDF bytes, dated (CreationDate, ModDate) on its
/// issue date, or `now` (the time of rendering) while it is a draft.
pub fn render(c: &Circular, paper: PaperSize, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let at = c
        .issued_on
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(now, |d| d.and_utc());
    let mut book = Book::new(&document_title(c), paper, at);
    book.add(c, &Heading::SuratEdaran)?;
    Ok(book.save())
}

/// The first `max_pages` pages as SVG, laid out exactly as [`render`] prints them.
pub fn preview(c: &Circular, paper: PaperSize, max_pages: usize) -> Result<Preview> {
    // Pages only, no file: no date to give.
    let mut book = Book::new(&document_title(c), paper, DateTime::UNIX_EPOCH);
    book.add(c, &Heading::SuratEdaran)?;
    let resources = preview::Resources {
        fonts: &book.fonts,
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
        warnings: c.warnings(),
        holiday_gap: None,
    })
}

/// Where each block of the circular lands when [`render`] prints it: the
/// engine's own record, for checks of page keeping.
pub fn layout(c: &Circular, paper: PaperSize) -> Result<Vec<Placed>> {
    let mut book = Book::new(&document_title(c), paper, DateTime::UNIX_EPOCH);
    Ok(book.lay_out(c, &Heading::SuratEdaran)?.1)
}

/// One PDF holding any number of documents, one after the other, each
/// starting on a new page with its own page numbers; fonts and images
/// are embedded once for all of them.
pub struct Book {
    doc: PdfDocument,
    paper: PaperSize,
    /// The PDF font of each face, by [`fonts::Face::index`].
    fonts: [printpdf::FontId; FACES],
    pages: Vec<PdfPage>,
    /// Each document added: its first page and what its own file says.
    parts: Vec<Entry>,
    /// Images already embedded, by their bytes.
    images: HashMap<Vec<u8>, (XObjectId, usize, usize)>,
    pictures: BTreeMap<XObjectId, preview::Picture>,
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
    fn lay_out(&mut self, c: &Circular, heading: &Heading) -> Result<(usize, Vec<Placed>)> {
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
        let marks = signature::Marks {
            signature: signature.as_ref(),
            stamp: stamp.as_ref(),
        };
        let mut w = self.writer();
        kop::letterhead(&mut w, c, emblem.as_ref());
        w.y -= LEADING * 0.5;
        let sheet = w.sheet;
        let mut flow = flow::Flow::new();
        heading::addressees(&mut flow, sheet, c);
        heading::title(&mut flow, sheet, c, heading);
        body::body(&mut flow, sheet, &c.points, 0);
        signature::signature_block(&mut flow, sheet, c, heading, marks, true);
        signature::copies(&mut flow, sheet, c);
        for index in 0..c.annexes.len() {
            annex::annex_pages(&mut flow, sheet, c, heading, index, marks);
        }
        let placed = flow.place(&mut w);
        Ok((self.keep(w, c), placed))
    }

    /// Only the lampiran `annex` of `c`, from the first page on (a roster
    /// printed on its own).
    pub fn add_annex(&mut self, c: &Circular, heading: &Heading, annex: &Annex) -> Result<usize> {
        let mut c = c.clone();
        c.annexes = vec![annex.clone()];
        c.validate()?;
        check_glyphs(&c)?;
        let mut w = self.writer();
        let marks = signature::Marks {
            signature: None,
            stamp: None,
        };
        let mut flow = flow::Flow::new();
        annex::annex_pages(&mut flow, w.sheet, &c, heading, 0, marks);
        flow.place(&mut w);
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
        let (mime, image) = read_image(bytes, what)?;
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

/// Width of `text` at `size` points in the regular face (Arial's metrics):
/// where the Word file sets its tab stops to line up as the PDF does.
pub(crate) fn text_width(text: &str, size: f32) -> f32 {
    fonts::face(fonts::Weight::Regular).width(text, size)
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
    let mime = crate::store::image_kind(bytes).map_err(|e| unreadable(e.to_string()))?;
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

/// `Surat Edaran Nomor … tentang …`: the file's title.
pub(crate) fn document_title(c: &Circular) -> String {
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
    // A point prints its text without the emphasis markers.
    let printed: Vec<(String, String)> = Point::named(&c.points)
        .into_iter()
        .map(|(name, _, p)| (name, crate::markup::plain(&p.text)))
        .collect();
    texts.extend(
        printed
            .iter()
            .map(|(name, text)| (name.clone(), text.as_str())),
    );
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
                ErrorCode::KarakterTidakTersedia,
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

    /// The document info's CreationDate and ModDate, as written.
    fn dates(pdf: &[u8]) -> Vec<String> {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let info = doc.get_dictionary(info).unwrap();
        [b"CreationDate".as_slice(), b"ModDate"]
            .map(|key| {
                String::from_utf8_lossy(info.get(key).unwrap().as_str().unwrap()).into_owned()
            })
            .to_vec()
    }

    #[test]
    fn an_issued_circular_is_dated_its_issue_and_a_draft_the_time_it_is_rendered() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(3, 4, 5)
            .unwrap()
            .and_utc();
        let mut c = fixture("muba-800-439-bkpsdm-2020");
        assert_eq!(c.issued_on, chrono::NaiveDate::from_ymd_opt(2020, 5, 12));
        let issued = render(&c, PaperSize::F4, now).unwrap();
        assert_eq!(dates(&issued), ["D:20200512000000+00'00'"; 2]);
        c.issued_on = None;
        c.number.clear();
        assert_eq!(
            dates(&render(&c, PaperSize::F4, now).unwrap()),
            ["D:20261124030405+00'00'"; 2]
        );
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
    fn page_keeping_holds_over_a_sweep_of_body_lengths() {
        let base = fixture("muba-800-439-bkpsdm-2020");
        let line = "Kepala Perangkat Daerah melaporkan pelaksanaannya.";
        let mut seen_pages = std::collections::BTreeSet::new();
        for paper in [PaperSize::F4, PaperSize::A4] {
            for extra in 0..=40 {
                // Extra one-line points, and one paragraph growing line by line.
                let mut points = base.clone();
                let at = points.points.len() - 1;
                points
                    .points
                    .splice(at..at, (0..extra).map(|_| Point::new(line)));
                let mut paragraph = base.clone();
                let words =
                    "pegawai melaksanakan tugas kedinasan dari rumah dengan tertib ".repeat(extra);
                if extra > 0 {
                    paragraph.points.insert(at, Point::new(words.trim()));
                }
                let mut long_copies = base.clone();
                long_copies.copies = (1..=8)
                    .map(|i| format!("Pejabat ke-{i} di Sekayu"))
                    .collect();
                long_copies.points = points.points.clone();
                for (what, c) in [
                    ("butir", &points),
                    ("paragraf", &paragraph),
                    ("tembusan", &long_copies),
                ] {
                    let placed = layout(c, paper).unwrap();
                    seen_pages.insert(placed.last().unwrap().page);
                    let found = faults(&placed);
                    assert!(found.is_empty(), "{paper:?}, {extra} {what}: {found:?}");
                }
            }
        }
        assert!(
            seen_pages.len() >= 2,
            "the sweep crosses page breaks: {seen_pages:?}"
        );
    }

    #[test]
    fn the_fault_finder_sees_a_lonely_signature() {
        let placed = |page, part, group, line, lines| Placed {
            page,
            part,
            group,
            line,
            lines,
            y: 0.0,
        };
        let lonely = vec![
            placed(1, Part::Body, 0, 0, 1),
            placed(1, Part::Body, 1, 0, 1),
            placed(2, Part::Signature, 0, 0, 2),
            placed(2, Part::Signature, 0, 1, 2),
        ];
        assert_eq!(faults(&lonely).len(), 1, "{:?}", faults(&lonely));
        let widow = vec![
            placed(1, Part::Body, 0, 0, 3),
            placed(1, Part::Body, 0, 1, 3),
            placed(2, Part::Body, 0, 2, 3),
        ];
        assert_eq!(faults(&widow).len(), 1, "{:?}", faults(&widow));
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

    #[test]
    fn the_preview_draws_emphasis_in_italic_and_bold_without_the_markers() {
        let mut c = fixture("muba-800-439-bkpsdm-2020");
        for p in &mut c.points {
            p.text = p.text.replace("(Work From Home)", "(_Work From Home_)");
        }
        c.points[2].text =
            "Pegawai *wajib* melapor secara _online_ ke bkd_muba@mail.go.id dengan *_tanda tangan elektronik_*."
                .into();
        let page = &preview(&c, PaperSize::F4, 1).unwrap().pages[0];
        let run = |text: &str| {
            let at = page.find(text).unwrap_or_else(|| panic!("{text}"));
            let start = page[..at].rfind("<text ").unwrap();
            page[start..page[start..].find('>').unwrap() + start].to_string()
        };
        let italic = r#"font-style="italic""#;
        let bold = r#"font-weight="bold""#;
        // One tspan per word of a justified line.
        assert!(run("Work").contains(italic) && run(" Home").contains(italic));
        assert!(run("online").contains(italic) && !run("online").contains(bold));
        assert!(run("wajib").contains(bold) && !run("wajib").contains(italic));
        let both = run("elektronik");
        assert!(both.contains(italic) && both.contains(bold), "{both}");
        assert!(page.contains("bkd_muba@mail.go.id"));
        for marker in ["_Work", "_online", "*wajib", "elektronik_"] {
            assert!(!page.contains(marker), "{marker} printed");
        }
    }
}
