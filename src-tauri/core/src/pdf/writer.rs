//! The page writer: a cursor moving down the page, drawing operations, and
//! page breaks that number continuation pages (`- 2 -` at the top).

use printpdf::{
    Color, FontId, Line as PdfLine, LinePoint, Mm, Op, PdfFontHandle, PdfPage, Point, Pt, Rgb,
    TextItem, XObjectId, XObjectTransform,
};

use super::fonts::{face, Weight, FACES};
use super::layout::{gap, Line};
use super::BODY;
use crate::office::PaperSize;

const MM: f32 = 72.0 / 25.4;
/// Liberation Sans' ascender (1854/2048 em): how far the tallest letters
/// rise above the baseline.
const ASCENDER: f32 = 0.905;
/// Size of the continuation pages' number (`- 2 -`).
pub(crate) const FOLIO_SIZE: f32 = 11.0;

/// Margins in millimetres, after the tata naskah tradition: left 3 cm (the
/// binding side), right 2 cm, top 2 cm on every page, bottom 2.5 cm (room
/// for the electronic signature's mark on the last page, see `sign::mark`).
pub const MARGINS: Margins = Margins {
    left: 30.0,
    right: 20.0,
    top: 20.0,
    bottom: 25.0,
};

/// A page's four margins, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

/// Every paper size's measurements in millimetres: width, height, margins,
/// and the baseline of a continuation page's number below the paper's top
/// edge (inside the top margin).
const PAPERS: [(PaperSize, f32, f32, Margins, f32); 2] = [
    (PaperSize::F4, 215.0, 330.0, MARGINS, 12.0),
    (PaperSize::A4, 210.0, 297.0, MARGINS, 12.0),
];

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// Baseline of the page number, below the paper's top edge.
    pub folio: f32,
}

impl Sheet {
    pub fn new(paper: PaperSize) -> Sheet {
        let (_, width, height, m, folio) = PAPERS
            .into_iter()
            .find(|row| row.0 == paper)
            .expect("every paper size has a row");
        Sheet {
            width: width * MM,
            height: height * MM,
            left: m.left * MM,
            right: m.right * MM,
            top: m.top * MM,
            bottom: m.bottom * MM,
            folio: folio * MM,
        }
    }

    pub fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }
}

/// Horizontal placement of a single line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Justify,
}

pub struct Writer {
    pub sheet: Sheet,
    /// The PDF font of each face, by [`super::fonts::Face::index`].
    fonts: [FontId; FACES],
    pages: Vec<PdfPage>,
    ops: Vec<Op>,
    /// Font, size and line thickness already set on the current page, so
    /// each is written once per change rather than once per line.
    font: Option<(usize, f32)>,
    thickness: Option<f32>,
    /// Baseline cursor: distance from the bottom of the page, in points.
    pub y: f32,
}

impl Writer {
    pub fn new(sheet: Sheet, fonts: [FontId; FACES]) -> Writer {
        Writer {
            sheet,
            fonts,
            pages: Vec::new(),
            ops: Vec::new(),
            font: None,
            thickness: None,
            y: sheet.height - sheet.top,
        }
    }

    pub fn page_count(&self) -> usize {
        self.pages.len() + 1
    }

    /// Nothing drawn yet: still on the first page, and it is empty.
    pub fn is_blank(&self) -> bool {
        self.pages.is_empty() && self.ops.is_empty()
    }

    /// Space left above the bottom margin.
    pub fn room(&self) -> f32 {
        self.y - self.sheet.bottom
    }

    /// Closes the current page and opens the next, numbered at the top.
    ///
    /// The number stands in the top margin, like a running head, so the
    /// text area of every page starts at the same top margin as the first
    /// page's kop: the body's first line has its tallest letters at the
    /// margin, and a page holds as many lines whatever its number.
    pub fn new_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        (self.font, self.thickness) = (None, None);
        self.pages.push(PdfPage::new(
            Mm(self.sheet.width / MM),
            Mm(self.sheet.height / MM),
            ops,
        ));
        self.y = self.sheet.height - self.sheet.folio;
        let number = format!("- {} -", self.page_count());
        self.line_at(
            &number,
            Weight::Regular,
            FOLIO_SIZE,
            self.sheet.left,
            self.sheet.text_width(),
            Align::Center,
        );
        self.y = self.sheet.height - self.sheet.top - ASCENDER * BODY;
    }

    pub fn finish(mut self) -> Vec<PdfPage> {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(PdfPage::new(
            Mm(self.sheet.width / MM),
            Mm(self.sheet.height / MM),
            ops,
        ));
        self.pages
    }

    /// Writes `text` on the current baseline within [x, x + width].
    pub fn line_at(
        &mut self,
        text: &str,
        weight: Weight,
        size: f32,
        x: f32,
        width: f32,
        align: Align,
    ) {
        let face = face(weight);
        let w = face.width(text, size);
        let x = match align {
            Align::Center => x + (width - w).max(0.0) / 2.0,
            _ => x,
        };
        self.show(
            vec![(face.index, vec![TextItem::Text(text.to_string())])],
            size,
            x,
        );
    }

    /// Writes a laid-out line, each run in its face; `Justify` stretches its
    /// gaps unless it ends a paragraph.
    pub fn laid_line(
        &mut self,
        line: &Line,
        weight: Weight,
        size: f32,
        x: f32,
        width: f32,
        align: Align,
    ) {
        let base = face(weight);
        let x = match align {
            Align::Center => x + (width - line.natural).max(0.0) / 2.0,
            _ => x,
        };
        // TJ offsets are thousandths of an em, the same in every face;
        // negative moves right.
        let offset = (align == Align::Justify && !line.last && line.words.len() > 1)
            .then(|| -(width - line.natural) / (line.words.len() - 1) as f32 * 1000.0 / size);
        let mut runs: Vec<(usize, Vec<TextItem>)> = Vec::new();
        for (i, word) in line.words.iter().enumerate() {
            if i > 0 {
                if let Some(o) = offset {
                    // The offset goes into the run in progress: it moves the
                    // pen whatever the face.
                    if let Some((_, items)) = runs.last_mut() {
                        items.push(TextItem::Offset(o));
                    }
                }
                put(
                    &mut runs,
                    base.with(gap(&line.words[i - 1], word)).index,
                    " ",
                );
            }
            for span in word {
                put(&mut runs, base.with(span.emphasis).index, &span.text);
            }
        }
        self.show(runs, size, x);
    }

    /// One text section: `runs` of items, each in its face, from `x` on the
    /// current baseline.
    fn show(&mut self, runs: Vec<(usize, Vec<TextItem>)>, size: f32, x: f32) {
        self.ops.push(Op::StartTextSection);
        for (n, (face, items)) in runs.into_iter().enumerate() {
            if self.font != Some((face, size)) {
                self.font = Some((face, size));
                self.ops.push(Op::SetFont {
                    font: PdfFontHandle::External(self.fonts[face].clone()),
                    size: Pt(size),
                });
            }
            if n == 0 {
                self.ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(x),
                        y: Pt(self.y),
                    },
                });
            }
            self.ops.push(Op::ShowText { items });
        }
        self.ops.push(Op::EndTextSection);
    }

    /// A horizontal rule at height `y`.
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32) {
        self.stroke(&[(x1, y), (x2, y)], thickness);
    }

    /// A straight polyline through `points`.
    pub fn stroke(&mut self, points: &[(f32, f32)], thickness: f32) {
        if self.thickness != Some(thickness) {
            if self.thickness.is_none() {
                self.ops.push(Op::SetOutlineColor {
                    col: Color::Rgb(Rgb {
                        r: 0.0,
                        g: 0.0,
                        b: 0.0,
                        icc_profile: None,
                    }),
                });
            }
            self.thickness = Some(thickness);
            self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        }
        self.ops.extend([Op::DrawLine {
            line: PdfLine {
                points: points
                    .iter()
                    .map(|(x, y)| LinePoint {
                        p: Point {
                            x: Pt(*x),
                            y: Pt(*y),
                        },
                        bezier: false,
                    })
                    .collect(),
                is_closed: false,
            },
        }]);
    }

    /// Places an image `width` points wide with its lower-left corner at (x, y).
    pub fn image(&mut self, id: &XObjectId, pixel_width: usize, x: f32, y: f32, width: f32) {
        let scale = width / pixel_width as f32;
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(y)),
                scale_x: Some(scale),
                scale_y: Some(scale),
                dpi: Some(72.0),
                ..Default::default()
            },
        });
    }
}

/// Adds `text` in `face` to the runs of a line, extending the last run when
/// it is in the same face.
fn put(runs: &mut Vec<(usize, Vec<TextItem>)>, face: usize, text: &str) {
    match runs.last_mut() {
        Some((f, items)) if *f == face => match items.last_mut() {
            Some(TextItem::Text(t)) => t.push_str(text),
            _ => items.push(TextItem::Text(text.to_string())),
        },
        _ => runs.push((face, vec![TextItem::Text(text.to_string())])),
    }
}

#[cfg(test)]
mod tests {
    use super::super::kop::tests::{book, fixture, runs};
    use super::*;
    use crate::circular::Point;

    #[test]
    fn text_keeps_to_the_margins_and_continuation_pages_start_at_the_top_one() {
        let mut c = fixture("muba-800-439-bkpsdm-2020");
        c.points.extend((0..30).map(|i| {
            Point::new(format!(
                "Butir tambahan {i} untuk mengisi halaman: pegawai tetap melaksanakan tugas \
                 kedinasan sesuai jadwal yang ditetapkan oleh pimpinan unit kerja masing-masing."
            ))
        }));
        for paper in [PaperSize::F4, PaperSize::A4] {
            let sheet = Sheet::new(paper);
            assert_eq!(
                (sheet.left, sheet.right, sheet.top, sheet.bottom),
                (30.0 * MM, 20.0 * MM, 20.0 * MM, 25.0 * MM)
            );
            let book = book(&c, paper);
            assert!(book.pages.len() >= 2);
            let text_right = sheet.width - sheet.right;
            let (mut at_left, mut at_right) = (0, 0);
            for page in 0..book.pages.len() {
                let runs = runs(&book, page);
                for r in &runs {
                    assert!(r.x >= sheet.left - 0.01, "{paper:?} {r:?} left of 3 cm");
                    assert!(r.right <= text_right + 0.5, "{paper:?} {r:?} right of 2 cm");
                    assert!(r.y >= sheet.bottom, "{paper:?} {r:?} in the bottom margin");
                    at_left += usize::from((r.x - sheet.left).abs() < 0.01);
                    at_right += usize::from((r.right - text_right).abs() < 0.5);
                }
                if page == 0 {
                    continue;
                }
                let (number, first) = (&runs[0], &runs[1]);
                assert_eq!(number.text, format!("- {} -", page + 1));
                assert!(
                    number.y > sheet.height - sheet.top && number.y + number.size < sheet.height,
                    "the page number stands in the top margin"
                );
                let glyph_top = first.y + ASCENDER * first.size;
                assert!(
                    (glyph_top - (sheet.height - sheet.top)).abs() < 0.5,
                    "{paper:?} page {}: text starts {} pt below the top margin",
                    page + 1,
                    sheet.height - sheet.top - glyph_top
                );
            }
            assert!(
                at_left > 20 && at_right > 20,
                "justified text fills 3 cm to 2 cm"
            );
        }
    }
}
