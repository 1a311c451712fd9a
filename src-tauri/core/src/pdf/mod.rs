//! The PDF engine: lays out a [`Circular`] as the regulations describe a
//! *surat edaran* (kop, addressees, title block, numbered body, signature
//! block, tembusan, lampiran tables) on F4 or A4, with Liberation Sans
//! embedded and subset. A pure function of its input: no database.

mod annex;
mod body;
mod book;
mod bound;
mod flow;
mod fonts;
mod heading;
mod kop;
mod layout;
mod letter;
mod preview;
mod signature;
mod writer;

use chrono::{DateTime, Utc};

use crate::circular::Circular;
use crate::error::Result;
use crate::office::PaperSize;
pub use crate::printed::Heading;
pub(crate) use book::read_image;
pub use book::Book;
pub use bound::Bound;
pub use flow::{faults, Part, Placed};
pub use preview::Preview;
// The measurements the Word file (`docx`) shares with the PDF.
pub(crate) use annex::{ANNEX_SIZE, HEADER_AT};
pub(crate) use body::AFTER_POINT;
pub(crate) use heading::TITLE_WIDTH;
#[cfg(test)]
pub(crate) use kop::tests::png;
pub(crate) use kop::{ADDRESS, GAP, GOVERNMENT, HEAD_EMBLEM, HEAD_TITLE, OFFICE, OFFICE_EMBLEM};
pub(crate) use signature::{COPIES_SIZE, COPIES_WIDTH, SIGNING_SPACE};
pub(crate) use writer::{Sheet, FOLIO_SIZE, MARGINS};

/// Body type size and line distance, in points.
pub(crate) const BODY: f32 = 12.0;
pub(crate) const LEADING: f32 = BODY * 1.3;
pub(crate) const MM: f32 = 72.0 / 25.4;
/// Indent of each numbering level.
pub(crate) const STEP: f32 = 7.5 * MM;

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

/// `Surat Edaran Nomor … tentang …`: the file's title.
pub(crate) fn document_title(c: &Circular) -> String {
    match c.number.trim() {
        "" => format!("Surat Edaran tentang {}", c.subject),
        n => format!("Surat Edaran Nomor {n} tentang {}", c.subject),
    }
}

/// Width of `text` at `size` points in the regular face (Arial's metrics):
/// where the Word file sets its tab stops to line up as the PDF does.
pub(crate) fn text_width(text: &str, size: f32) -> f32 {
    fonts::face(fonts::Weight::Regular).width(text, size)
}

#[cfg(test)]
mod tests;
