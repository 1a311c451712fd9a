//! The PDF engine: lays out a [`Circular`] as the regulations describe a
//! *surat edaran* (kop, addressees, title block, numbered body, signature
//! block, tembusan, lampiran tables) on F4 or A4, with Liberation Sans
//! embedded and subset. A pure function of its input: no database.

mod fonts;
mod layout;
mod preview;
mod writer;

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use base64::Engine;

use printpdf::{ParsedFont, PdfDocument, PdfSaveOptions, RawImage, XObjectId};

use crate::circular::{Annex, Circular, Point};
use crate::error::{Error, Result};
use crate::office::PaperSize;
use crate::words;
use fonts::{face, Weight};
use layout::wrap;
pub use preview::Preview;
use writer::{Align, Sheet, Writer};

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
    pages: Vec<printpdf::PdfPage>,
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
        letterhead(&mut w, c, emblem.as_ref());
        addressees(&mut w, c);
        title(&mut w, c, heading);
        body(&mut w, &c.points, 0);
        signature_block(&mut w, c, heading, signature.as_ref(), stamp.as_ref());
        copies(&mut w, c);
        for annex in &c.annexes {
            annex_pages(&mut w, c, heading, annex);
        }
        Ok(self.keep(w))
    }

    /// Only the lampiran `annex` of `c`, from the first page on (a roster
    /// printed on its own).
    pub fn add_annex(&mut self, c: &Circular, heading: &Heading, annex: &Annex) -> Result<usize> {
        let mut c = c.clone();
        c.annexes = vec![annex.clone()];
        c.validate()?;
        check_glyphs(&c)?;
        let mut w = self.writer();
        annex_pages(&mut w, &c, heading, annex);
        Ok(self.keep(w))
    }

    /// A fresh document on new pages, numbered from 1.
    fn writer(&self) -> Writer {
        Writer::new(
            Sheet::new(self.paper),
            self.regular.clone(),
            self.bold.clone(),
        )
    }

    /// Appends the pages `w` wrote; returns how many.
    fn keep(&mut self, w: Writer) -> usize {
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
        let Book { mut doc, pages, .. } = self;
        let options = PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        };
        doc.with_pages(pages).save(&options, &mut Vec::new())
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

/// Kop: emblem left, tiers centred beside it (about 2:3:1), address lines, double rule.
fn letterhead(w: &mut Writer, c: &Circular, emblem: Option<&(XObjectId, usize, usize)>) {
    let sheet = w.sheet;
    let top = w.y;
    let emblem_width = 22.0 * MM;
    let (x, width) = match emblem {
        Some(_) => (
            sheet.left + emblem_width + 3.0 * MM,
            sheet.text_width() - emblem_width - 3.0 * MM,
        ),
        None => (sheet.left, sheet.text_width()),
    };
    for (i, tier) in c.letterhead.tiers.iter().enumerate() {
        // A head of region's kop is one large tier; an office's is 2:3 over its address.
        let wanted = match (c.letterhead.tiers.len(), i) {
            (1, _) => 16.0,
            (_, 0) => 12.0,
            _ => 18.0,
        };
        let text = tier.to_uppercase();
        let size = fit(&text, Weight::Bold, wanted, 11.0, width);
        for line in wrap(&text, face(Weight::Bold), size, width) {
            w.y -= size * 1.1;
            w.laid_line(&line, Weight::Bold, size, x, width, Align::Center);
        }
    }
    for address in &c.letterhead.address_lines {
        for line in wrap(address, face(Weight::Regular), 7.5, width) {
            w.y -= 7.5 * 1.3;
            w.laid_line(&line, Weight::Regular, 7.5, x, width, Align::Center);
        }
    }
    let mut bottom = w.y - 4.0;
    if let Some((id, px_w, px_h)) = emblem {
        let height = emblem_width * *px_h as f32 / *px_w as f32;
        let kop_height = top - bottom;
        let y = top - (kop_height.max(height) + height) / 2.0;
        w.image(id, *px_w, sheet.left, y, emblem_width);
        bottom = bottom.min(y - 3.0);
    }
    w.rule(sheet.left, sheet.width - sheet.right, bottom, 2.2);
    w.rule(sheet.left, sheet.width - sheet.right, bottom - 2.8, 0.7);
    w.y = bottom - 2.8 - LEADING;
}

/// The largest size from `wanted` down to `min` at which `text` fits on one line.
fn fit(text: &str, weight: Weight, wanted: f32, min: f32, width: f32) -> f32 {
    let natural = face(weight).width(text, wanted);
    if natural <= width {
        wanted
    } else {
        (wanted * width / natural).max(min)
    }
}

/// `Yth.` block in the right half, numbered when there are several, then `di –` / `Tempat`.
fn addressees(w: &mut Writer, c: &Circular) {
    let sheet = w.sheet;
    let x = sheet.left + sheet.text_width() * 0.5;
    let yth = face(Weight::Regular).width("Yth. ", BODY);
    let several = c.addressees.len() > 1;
    let label_width = if several {
        face(Weight::Regular).width("9. ", BODY)
    } else {
        0.0
    };
    let width = sheet.width - sheet.right - x - yth - label_width;
    w.y -= LEADING * 0.5;
    w.line_at("Yth.", Weight::Regular, BODY, x, yth, Align::Left);
    for (i, addressee) in c.addressees.iter().enumerate() {
        let mut text = addressee.trim().to_string();
        if several && !text.ends_with([';', '.', ',']) {
            text.push(';');
        }
        if several {
            w.line_at(
                &format!("{}.", i + 1),
                Weight::Regular,
                BODY,
                x + yth,
                label_width,
                Align::Left,
            );
        }
        for line in wrap(&text, face(Weight::Regular), BODY, width) {
            w.laid_line(
                &line,
                Weight::Regular,
                BODY,
                x + yth + label_width,
                width,
                Align::Left,
            );
            w.y -= LEADING;
        }
    }
    w.line_at("di –", Weight::Regular, BODY, x + yth, width, Align::Left);
    w.y -= LEADING;
    w.line_at(
        &c.addressee_location,
        Weight::Regular,
        BODY,
        x + yth + 8.0 * MM,
        width,
        Align::Left,
    );
    w.y -= LEADING * 2.0;
}

/// `SURAT EDARAN` / `NOMOR …` / `TENTANG` / subject, centred; a notice
/// has its own name and no number line.
fn title(w: &mut Writer, c: &Circular, heading: &Heading) {
    let sheet = w.sheet;
    let (x, width) = (sheet.left, sheet.text_width());
    match heading {
        Heading::SuratEdaran => {
            w.line_at("SURAT EDARAN", Weight::Bold, BODY, x, width, Align::Center);
            w.y -= LEADING;
            let number = if c.number.trim().is_empty() {
                "NOMOR ............................".to_string()
            } else {
                format!("NOMOR {}", c.number.trim())
            };
            w.line_at(&number, Weight::Regular, BODY, x, width, Align::Center);
        }
        Heading::Notice(name) => {
            w.line_at(name, Weight::Bold, BODY, x, width, Align::Center);
        }
    }
    w.y -= LEADING * 1.5;
    w.line_at("TENTANG", Weight::Regular, BODY, x, width, Align::Center);
    w.y -= LEADING;
    let inner = width * 0.8;
    for line in wrap(&c.subject.to_uppercase(), face(Weight::Bold), BODY, inner) {
        w.laid_line(
            &line,
            Weight::Bold,
            BODY,
            x + (width - inner) / 2.0,
            inner,
            Align::Center,
        );
        w.y -= LEADING;
    }
    w.y -= LEADING;
}

/// Numbered points with hanging indents, justified; a point's first two
/// lines never part at a page break.
fn body(w: &mut Writer, points: &[Point], depth: usize) {
    let sheet = w.sheet;
    let base = sheet.left + STEP * depth as f32;
    let text_x = base + STEP;
    let width = sheet.width - sheet.right - text_x;
    for (i, point) in points.iter().enumerate() {
        let lines = wrap(&point.text, face(Weight::Regular), BODY, width);
        w.ensure(LEADING * lines.len().min(2) as f32);
        w.line_at(
            &numbering_label(depth, i),
            Weight::Regular,
            BODY,
            base,
            STEP,
            Align::Left,
        );
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                w.ensure(LEADING);
            }
            w.laid_line(line, Weight::Regular, BODY, text_x, width, Align::Justify);
            w.y -= LEADING;
        }
        w.y -= 3.0;
        body(w, &point.children, depth + 1);
    }
}

/// Place and date, the office lines, room for signature and stamp, the name,
/// and pangkat/NIP where they belong; kept together on one page.
fn signature_block(
    w: &mut Writer,
    c: &Circular,
    heading: &Heading,
    signature: Option<&(XObjectId, usize, usize)>,
    stamp: Option<&(XObjectId, usize, usize)>,
) {
    let sheet = w.sheet;
    let x = sheet.left + sheet.text_width() * 0.5;
    let width = sheet.width - sheet.right - x;
    let s = &c.signature;
    let offices: Vec<layout::Line> = s
        .office_lines()
        .iter()
        .flat_map(|line| wrap(line, face(Weight::Bold), BODY, width))
        .collect();
    let space = 24.0 * MM;
    let rank_lines = if s.rank_and_nip().is_some() { 2.0 } else { 0.0 };
    w.y -= LEADING * 0.5;
    w.ensure(LEADING * (3.5 + offices.len() as f32 + 1.0 + rank_lines) + space);
    let date = c.issued_on.map(words::date).unwrap_or_default();
    // A circular is *ditetapkan*; a notice is dated like a letter.
    let lines = match heading {
        Heading::SuratEdaran => vec![
            format!("Ditetapkan di {}", c.place.trim()),
            format!("pada tanggal {date}"),
        ],
        Heading::Notice(_) => vec![format!("{}, {date}", c.place.trim())],
    };
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            w.y -= LEADING;
        }
        w.line_at(line, Weight::Regular, BODY, x, width, Align::Left);
    }
    w.y -= LEADING * 1.5;
    for line in &offices {
        w.laid_line(line, Weight::Bold, BODY, x, width, Align::Left);
        w.y -= LEADING;
    }
    let space_bottom = w.y - space + LEADING;
    if let Some((id, px, _)) = stamp {
        w.image(id, *px, x - 12.0 * MM, space_bottom, 35.0 * MM);
    }
    if let Some((id, px, _)) = signature {
        w.image(id, *px, x + 4.0 * MM, space_bottom + 2.0 * MM, 40.0 * MM);
    }
    w.y -= space;
    let name = s.name.trim();
    let size = fit(name, Weight::Bold, BODY, 9.0, width);
    w.line_at(name, Weight::Bold, size, x, width, Align::Left);
    let name_width = face(Weight::Bold).width(name, size);
    w.rule(x, x + name_width, w.y - 1.5, 0.6);
    if let Some((rank, nip)) = s.rank_and_nip() {
        if !rank.is_empty() {
            w.y -= LEADING;
            w.line_at(rank, Weight::Regular, BODY, x, width, Align::Left);
        }
        w.y -= LEADING;
        w.line_at(
            &format!("NIP. {nip}"),
            Weight::Regular,
            BODY,
            x,
            width,
            Align::Left,
        );
    }
    w.y -= LEADING * 2.0;
}

/// `Tembusan:` and its numbered list.
fn copies(w: &mut Writer, c: &Circular) {
    if c.copies.is_empty() {
        return;
    }
    let size = 11.0;
    let leading = size * 1.3;
    let sheet = w.sheet;
    let label = face(Weight::Regular).width("99. ", size);
    let width = sheet.text_width() * 0.75 - label;
    w.ensure(leading * 2.0);
    w.line_at(
        "Tembusan:",
        Weight::Regular,
        size,
        sheet.left,
        width,
        Align::Left,
    );
    w.y -= leading;
    let last = c.copies.len() - 1;
    for (i, copy) in c.copies.iter().enumerate() {
        let mut text = copy.trim().to_string();
        if !text.ends_with([';', '.']) {
            text.push(if i == last { '.' } else { ';' });
        }
        let lines = wrap(&text, face(Weight::Regular), size, width);
        w.ensure(leading * lines.len() as f32);
        w.line_at(
            &format!("{}.", i + 1),
            Weight::Regular,
            size,
            sheet.left,
            label,
            Align::Left,
        );
        for line in &lines {
            w.laid_line(
                line,
                Weight::Regular,
                size,
                sheet.left + label,
                width,
                Align::Left,
            );
            w.y -= leading;
        }
    }
}

/// A lampiran: new page, its header (circular, number, date, subject), the
/// title, and the table whose header row repeats on every page.
fn annex_pages(w: &mut Writer, c: &Circular, heading: &Heading, annex: &Annex) {
    if !w.is_blank() {
        w.new_page();
    }
    let sheet = w.sheet;
    let x = sheet.left + sheet.text_width() * 0.45;
    let label = face(Weight::Regular).width("TANGGAL  : ", 10.0);
    let width = sheet.width - sheet.right - x;
    let size = 10.0;
    let leading = size * 1.3;
    let header = [
        (
            "LAMPIRAN",
            match heading {
                Heading::SuratEdaran => format!(
                    "SURAT EDARAN {}",
                    c.signature.principal_office.to_uppercase()
                ),
                Heading::Notice(name) => format!(
                    "{name} PELAKSANAAN SURAT EDARAN {}",
                    c.signature.principal_office.to_uppercase()
                ),
            },
        ),
        (
            "NOMOR",
            if c.number.trim().is_empty() {
                "....................".into()
            } else {
                c.number.trim().to_string()
            },
        ),
        (
            "TANGGAL",
            c.issued_on
                .map(words::date)
                .unwrap_or_else(|| "....................".into()),
        ),
        ("TENTANG", c.subject.to_uppercase()),
    ];
    for (name, value) in header {
        w.line_at(name, Weight::Regular, size, x, label, Align::Left);
        w.line_at(
            ":",
            Weight::Regular,
            size,
            x + label - face(Weight::Regular).width(": ", size),
            label,
            Align::Left,
        );
        for line in wrap(&value, face(Weight::Regular), size, width - label) {
            w.laid_line(
                &line,
                Weight::Regular,
                size,
                x + label,
                width - label,
                Align::Left,
            );
            w.y -= leading;
        }
    }
    w.y -= leading;
    for line in wrap(
        &annex.title.to_uppercase(),
        face(Weight::Bold),
        BODY,
        sheet.text_width(),
    ) {
        w.laid_line(
            &line,
            Weight::Bold,
            BODY,
            sheet.left,
            sheet.text_width(),
            Align::Center,
        );
        w.y -= LEADING;
    }
    w.y -= leading * 0.5;
    table(w, annex);
}

/// Table rows with borders; a row never splits, and the header row is
/// drawn again at the top of each new page.
fn table(w: &mut Writer, annex: &Annex) {
    let sheet = w.sheet;
    let given = annex.widths.len() == annex.columns.len();
    let total: f32 = if given {
        annex.widths.iter().sum()
    } else {
        annex.columns.len() as f32
    };
    let grid = Grid {
        widths: (0..annex.columns.len())
            .map(|i| sheet.text_width() * if given { annex.widths[i] } else { 1.0 } / total)
            .collect(),
        size: 10.0,
        leading: 12.5,
        pad: 3.0,
    };
    let header = grid.wrap(&annex.columns, Weight::Bold);
    w.ensure(grid.height(&header) + grid.leading * 2.0);
    grid.row(w, &header, Weight::Bold);
    for cells in &annex.rows {
        let row = grid.wrap(cells, Weight::Regular);
        if w.room() < grid.height(&row) {
            w.new_page();
            grid.row(w, &header, Weight::Bold);
        }
        grid.row(w, &row, Weight::Regular);
    }
}

/// Column widths and type of a lampiran table.
struct Grid {
    widths: Vec<f32>,
    size: f32,
    leading: f32,
    pad: f32,
}

impl Grid {
    /// Each cell broken into lines once, for both measuring and drawing.
    fn wrap(&self, cells: &[String], weight: Weight) -> Vec<Vec<layout::Line>> {
        cells
            .iter()
            .zip(&self.widths)
            .map(|(cell, width)| wrap(cell, face(weight), self.size, width - 2.0 * self.pad))
            .collect()
    }

    fn height(&self, cells: &[Vec<layout::Line>]) -> f32 {
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
        lines as f32 * self.leading + 2.0 * self.pad
    }

    /// Draws one row just below the cursor and moves the cursor under it;
    /// header cells (bold) are centred.
    fn row(&self, w: &mut Writer, cells: &[Vec<layout::Line>], weight: Weight) {
        let top = w.y + self.size;
        let bottom = top - self.height(cells);
        let align = if weight == Weight::Bold {
            Align::Center
        } else {
            Align::Left
        };
        let mut x = w.sheet.left;
        for (lines, width) in cells.iter().zip(&self.widths) {
            w.y = top - self.pad - self.size * 0.85;
            for line in lines {
                w.laid_line(
                    line,
                    weight,
                    self.size,
                    x + self.pad,
                    width - 2.0 * self.pad,
                    align,
                );
                w.y -= self.leading;
            }
            w.stroke(&[(x, top), (x, bottom)], 0.5);
            x += width;
        }
        let left = w.sheet.left;
        w.stroke(&[(x, top), (x, bottom)], 0.5);
        w.rule(left, x, top, 0.5);
        w.rule(left, x, bottom, 0.5);
        w.y = bottom - self.size;
    }
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
