//! Lampiran: each on new pages with its header block (`LAMPIRAN I`, the
//! circular, its number, date and subject), a title, a table whose header row
//! repeats on every page, and the signature block.

use std::rc::Rc;

use super::flow::{Draw, Flow, Part};
use super::fonts::{face, Weight};
use super::layout::{self, wrap};
use super::signature::{signature_block, Marks};
use super::writer::{Align, Sheet, Writer};
use super::{Heading, BODY, LEADING};
use crate::circular::{Annex, Circular};
use crate::printed::{self, Filled};

/// The lampiran's type size (header block and table), and where the header
/// block starts, as a share of the text width.
pub(crate) const ANNEX_SIZE: f32 = 10.0;
pub(crate) const HEADER_AT: f32 = 0.45;

/// Lampiran `index` of the circular's `annexes`, from a new page.
pub(super) fn annex_pages<'a>(
    flow: &mut Flow<'a>,
    sheet: Sheet,
    c: &'a Circular,
    heading: &Heading,
    index: usize,
    marks: Marks<'a>,
) {
    let annex = &c.annexes[index];
    flow.new_page();
    header(flow, sheet, c, heading, index);
    for line in wrap(
        &annex.title.to_uppercase(),
        face(Weight::Bold),
        BODY,
        sheet.text_width(),
    ) {
        let draw: Draw = Box::new(move |w| {
            w.laid_line(
                &line,
                Weight::Bold,
                BODY,
                sheet.left,
                sheet.text_width(),
                Align::Center,
            )
        });
        flow.unit(Part::Annex, vec![(LEADING, draw)]);
        flow.keep_last(1);
    }
    flow.space(10.0 * 1.3 * 0.5);
    table(flow, sheet, annex);
    signature_block(flow, sheet, c, heading, marks, false);
}

/// `LAMPIRAN I` / `SURAT EDARAN BUPATI X` over `NOMOR`, `TANGGAL`,
/// `TENTANG`, at 10 pt in the right part of the page, tied to the title.
fn header<'a>(flow: &mut Flow<'a>, sheet: Sheet, c: &'a Circular, heading: &Heading, index: usize) {
    let size = ANNEX_SIZE;
    let leading = size * 1.3;
    let x = sheet.left + sheet.text_width() * HEADER_AT;
    let width = sheet.width - sheet.right - x;
    let label = face(Weight::Regular).width("TANGGAL  : ", size);
    let named = printed::annex_of(c, heading, index);
    let mut blocks: Vec<(f32, Draw<'a>)> = Vec::new();
    for line in wrap(&named, face(Weight::Regular), size, width) {
        blocks.push((
            leading,
            Box::new(move |w| w.laid_line(&line, Weight::Regular, size, x, width, Align::Left)),
        ));
    }
    let fields = Filled::of(c).annex_fields(c);
    let colon_x = x + label - face(Weight::Regular).width(": ", size);
    for (name, value) in fields {
        for (n, line) in wrap(&value, face(Weight::Regular), size, width - label)
            .into_iter()
            .enumerate()
        {
            blocks.push((
                leading,
                Box::new(move |w| {
                    if n == 0 {
                        w.line_at(name, Weight::Regular, size, x, label, Align::Left);
                        w.line_at(":", Weight::Regular, size, colon_x, label, Align::Left);
                    }
                    w.laid_line(
                        &line,
                        Weight::Regular,
                        size,
                        x + label,
                        width - label,
                        Align::Left,
                    );
                }),
            ));
        }
    }
    flow.unit(Part::Annex, blocks);
    flow.keep_last(1);
    flow.space(leading);
}

/// Table rows with borders; a row never splits, and the header row is
/// drawn again at the top of each new page.
fn table<'a>(flow: &mut Flow<'a>, sheet: Sheet, annex: &'a Annex) {
    let given = annex.widths.len() == annex.columns.len();
    let total: f32 = if given {
        annex.widths.iter().sum()
    } else {
        annex.columns.len() as f32
    };
    let grid = Rc::new(Grid {
        widths: (0..annex.columns.len())
            .map(|i| sheet.text_width() * if given { annex.widths[i] } else { 1.0 } / total)
            .collect(),
        size: ANNEX_SIZE,
        leading: 12.5,
        pad: 3.0,
        left: sheet.left,
    });
    let header = Rc::new(grid.wrap(&annex.columns, Weight::Bold));
    let height = grid.height(&header);
    let (g, h) = (grid.clone(), header.clone());
    flow.unit(
        Part::Annex,
        vec![(height, Box::new(move |w| g.row(w, &h, Weight::Bold)))],
    );
    flow.keep_last(1);
    let (g, h) = (grid.clone(), header);
    flow.repeat_on_break(height, Box::new(move |w| g.row(w, &h, Weight::Bold)));
    for cells in &annex.rows {
        let row = grid.wrap(cells, Weight::Regular);
        let g = grid.clone();
        let height = g.height(&row);
        flow.unit(
            Part::Annex,
            vec![(height, Box::new(move |w| g.row(w, &row, Weight::Regular)))],
        );
    }
    flow.end_repeat();
}

/// Column widths and type of a lampiran table.
struct Grid {
    widths: Vec<f32>,
    size: f32,
    leading: f32,
    pad: f32,
    left: f32,
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

    /// Draws one row just below the cursor, leaving the cursor where it
    /// was; header cells (bold) are centred.
    fn row(&self, w: &mut Writer, cells: &[Vec<layout::Line>], weight: Weight) {
        let cursor = w.y;
        let top = w.y + self.size;
        let bottom = top - self.height(cells);
        let align = if weight == Weight::Bold {
            Align::Center
        } else {
            Align::Left
        };
        let mut x = self.left;
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
        let left = self.left;
        w.stroke(&[(x, top), (x, bottom)], 0.5);
        // A body row's top is the bottom of the row above (or of the header
        // repeated on a new page): only the header draws its top.
        if weight == Weight::Bold {
            w.rule(left, x, top, 0.5);
        }
        w.rule(left, x, bottom, 0.5);
        w.y = cursor;
    }
}
