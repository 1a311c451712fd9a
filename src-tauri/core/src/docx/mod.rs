//! The Word file (DOCX) of a circular or a notice: the parts the PDF prints,
//! as Word structures a clerk can edit — the kop as a borderless table with
//! the emblem, the numbered points on a numbering definition (`1.`, `a.`,
//! `1)`, `a)` with hanging indents), inline italic and bold, the signature
//! block in the right half, the tembusan, lampiran tables whose header row
//! repeats on every page — on F4 or A4 with the PDF's margins, in Arial
//! (LibreOffice takes its metric twin, Liberation Sans). [`srikandi`] writes
//! the same document with SRIKANDI's merge fields.
//!
//! The package is written part by part with `zip`: docx-rs 0.4 cannot mark
//! a table's header row to repeat. A pure function of its input.

mod annex;
mod body;
mod heading;
mod kop;
mod package;
mod picture;
mod signature;
pub mod srikandi;
mod xml;

use crate::circular::Circular;
use crate::error::Result;
use crate::office::PaperSize;
use crate::pdf::Sheet;
use crate::printed::{Filled, Heading};
use picture::Pictures;
use xml::Para;

/// The numbering definitions (`word/numbering.xml`): the points, the tembusan.
const POINTS: u32 = 1;
const COPIES: u32 = 2;

/// The circular on `paper`, as Edaran prints it.
pub fn render(c: &Circular, paper: PaperSize) -> Result<Vec<u8>> {
    write(c, &Heading::SuratEdaran, &Filled::of(c), paper)
}

/// A notice (*pemberitahuan*): its document under its heading, on `paper`.
pub fn notice(c: &Circular, heading: &Heading, paper: PaperSize) -> Result<Vec<u8>> {
    write(c, heading, &Filled::of(c), paper)
}

/// A document being written: what it says and the body XML so far.
struct Doc<'a> {
    c: &'a Circular,
    heading: &'a Heading,
    filled: &'a Filled,
    sheet: Sheet,
    pictures: Pictures,
    xml: String,
}

impl Doc<'_> {
    fn push(&mut self, p: Para) {
        self.xml.push_str(&p.xml());
    }

    /// Width between the margins, in points.
    fn width(&self) -> f32 {
        self.sheet.text_width()
    }
}

/// `c` under `heading`, with `filled` where the issue fills in.
fn write(c: &Circular, heading: &Heading, filled: &Filled, paper: PaperSize) -> Result<Vec<u8>> {
    c.validate()?;
    let mut doc = Doc {
        c,
        heading,
        filled,
        sheet: Sheet::new(paper),
        pictures: Pictures::default(),
        xml: String::new(),
    };
    kop::letterhead(&mut doc)?;
    heading::addressees(&mut doc);
    heading::title(&mut doc);
    body::points(&mut doc, &c.points, 0, true);
    signature::block(&mut doc, true)?;
    signature::copies(&mut doc);
    for index in 0..c.annexes.len() {
        annex::annex(&mut doc, index)?;
    }
    let title = match heading {
        Heading::SuratEdaran => crate::pdf::document_title(c),
        Heading::Notice(name) => format!("{name} {}", c.subject.trim()),
    };
    package::zip(&doc, &title)
}

#[cfg(test)]
mod tests;
