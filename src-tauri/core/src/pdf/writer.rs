//! The page writer: a cursor moving down the page, drawing operations, and
//! page breaks that number continuation pages (`- 2 -` at the top).

use printpdf::{
    Color, FontId, Line as PdfLine, LinePoint, Mm, Op, PdfFontHandle, PdfPage, Point, Pt, Rgb,
    TextItem, XObjectId, XObjectTransform,
};

use super::fonts::{face, Weight, FACES};
use super::layout::{gap, Line};
use crate::office::PaperSize;

const MM: f32 = 72.0 / 25.4;

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Sheet {
    pub fn new(paper: PaperSize) -> Sheet {
        let (w, h) = match paper {
            PaperSize::F4 => (215.0, 330.0),
            PaperSize::A4 => (210.0, 297.0),
        };
        Sheet {
            width: w * MM,
            height: h * MM,
            left: 25.0 * MM,
            right: 20.0 * MM,
            top: 15.0 * MM,
            bottom: 20.0 * MM,
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

    /// Starts a new page when fewer than `height` points are left.
    pub fn ensure(&mut self, height: f32) {
        if self.room() < height {
            self.new_page();
        }
    }

    /// Closes the current page and opens the next, numbered at the top.
    pub fn new_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        (self.font, self.thickness) = (None, None);
        self.pages.push(PdfPage::new(
            Mm(self.sheet.width / MM),
            Mm(self.sheet.height / MM),
            ops,
        ));
        self.y = self.sheet.height - self.sheet.top * 0.8;
        let number = format!("- {} -", self.page_count());
        self.line_at(
            &number,
            Weight::Regular,
            11.0,
            self.sheet.left,
            self.sheet.text_width(),
            Align::Center,
        );
        self.y -= 11.0 * 2.0;
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
