//! A lampiran in Word: from a new page, its header block (`LAMPIRAN I …`,
//! `NOMOR`, `TANGGAL`, `TENTANG`), its title, a bordered table whose header
//! row repeats on every page it runs onto, and the signature block.

use super::signature;
use super::xml::{row, tab, table, Borders, Font, Para};
use super::Doc;
use crate::error::Result;
use crate::pdf::{text_width, ANNEX_SIZE, BODY, HEADER_AT, LEADING};
use crate::printed;

/// Line distance and padding of the table's cells, in points, and the
/// rule between rows (which a word processor adds to a row's height).
const CELL_LEADING: f32 = 12.5;
const CELL_PAD: f32 = 3.0;
const RULE: f32 = 0.5;

/// Lampiran `index` of the circular.
pub(super) fn annex(doc: &mut Doc, index: usize) -> Result<()> {
    header(doc, index);
    let c = doc.c;
    let annex = &c.annexes[index];
    doc.push(
        Para::new()
            .center()
            .line(LEADING)
            .after(ANNEX_SIZE * 1.3 * 0.5)
            .keep_next()
            .text(&annex.title.to_uppercase(), Font::bold(BODY)),
    );
    let given = annex.widths.len() == annex.columns.len();
    let total: f32 = if given {
        annex.widths.iter().sum()
    } else {
        annex.columns.len() as f32
    };
    let widths: Vec<f32> = (0..annex.columns.len())
        .map(|i| doc.width() * if given { annex.widths[i] } else { 1.0 } / total)
        .collect();
    // A cell's paragraph; `tied` keeps its row with what follows (Word
    // honours it; LibreOffice 7 does not inside tables).
    let cells = |texts: &[String], font: Font, header: bool, tied: bool| -> Vec<(f32, String)> {
        texts
            .iter()
            .zip(&widths)
            .map(|(text, width)| {
                let mut p = Para::new()
                    .line(CELL_LEADING)
                    .size(ANNEX_SIZE)
                    .text(text, font);
                if header {
                    p = p.center();
                }
                if tied {
                    p = p.keep_next();
                }
                (*width, p.xml())
            })
            .collect()
    };
    let header = cells(&annex.columns, Font::bold(ANNEX_SIZE), true, true);
    let mut rows = vec![row(&header, true, true)];
    // The last two rows go with the signature block, as in the PDF.
    let tied_from = annex.rows.len().saturating_sub(2);
    rows.extend(annex.rows.iter().enumerate().map(|(i, r)| {
        let cells = cells(r, Font::regular(ANNEX_SIZE), false, i >= tied_from);
        row(&cells, false, false)
    }));
    doc.xml.push_str(&table(
        &widths,
        Borders::Grid(RULE),
        [CELL_PAD - RULE / 2.0, CELL_PAD],
        &rows,
    ));
    signature::block(doc, false)
}

/// `LAMPIRAN I SURAT EDARAN BUPATI X` and the circular's number, date and
/// subject beside their labels, in the right part of a new page.
fn header(doc: &mut Doc, index: usize) {
    let size = ANNEX_SIZE;
    let leading = size * 1.3;
    let font = Font::regular(size);
    let x = doc.width() * HEADER_AT;
    let label = text_width("TANGGAL  : ", size);
    let colon = label - text_width(": ", size);
    let of = printed::annex_of(doc.c, doc.heading, index);
    doc.push(
        Para::new()
            .page_break_before()
            .indent(x, 0.0)
            .line(leading)
            .keep_next()
            .text(&of, font),
    );
    let fields = doc.filled.annex_fields(doc.c);
    let count = fields.len();
    for (i, (name, value)) in fields.into_iter().enumerate() {
        let mut p = Para::new()
            .indent(x + label, label)
            .tab_stop(x + colon)
            .line(leading)
            .keep_next()
            .text(name, font)
            .push(&tab())
            .text(":", font)
            .push(&tab())
            .text(&value, font);
        if i + 1 == count {
            p = p.after(leading);
        }
        doc.push(p);
    }
}
