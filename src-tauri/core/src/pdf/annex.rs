//! Lampiran: each on new pages with its header block and a table.

use super::fonts::{face, Weight};
use super::layout::{self, wrap};
use super::writer::{Align, Writer};
use super::{Heading, BODY, LEADING};
use crate::circular::{Annex, Circular};
use crate::words;

/// A lampiran: new page, its header (circular, number, date, subject), the
/// title, and the table whose header row repeats on every page.
pub(super) fn annex_pages(w: &mut Writer, c: &Circular, heading: &Heading, annex: &Annex) {
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
