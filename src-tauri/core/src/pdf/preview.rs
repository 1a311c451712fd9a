//! The preview: the very pages the PDF gets, drawn as SVG for the app
//! (WebKitGTK shows no PDF in a frame). Text is placed glyph run by glyph
//! run at the positions the layout computed, in the same face.

use std::collections::BTreeMap;
use std::fmt::Write;

use printpdf::{FontId, Op, PdfFontHandle, PdfPage, TextItem, XObjectId};
use serde::Serialize;

use super::fonts::{all, FACES};

/// Pages of a circular as SVG documents, sized in points.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
pub struct Preview {
    /// The first pages, at most the number asked for.
    pub pages: Vec<String>,
    /// How many pages the printed document has.
    pub page_count: usize,
    /// What the printed circular lacks ([`crate::circular::Circular::warnings`]).
    pub warnings: Vec<String>,
    /// Years of its period without a recorded holiday list; set by
    /// [`crate::store::Store::circular_preview`] (the layout knows no calendar).
    pub holiday_gap: Option<crate::calendar::HolidayGap>,
}

/// An image placed on the pages: its data URL and pixel size.
pub(super) struct Picture {
    pub url: String,
    pub width: usize,
    pub height: usize,
}

/// What the ops refer to: the font id of each face, and the images.
pub(super) struct Resources<'a> {
    pub fonts: &'a [FontId; FACES],
    pub pictures: &'a BTreeMap<XObjectId, Picture>,
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
}

/// One page as an SVG document, each drawn element on its own line: the app
/// keeps the elements of the lines an edit left as they were.
pub(super) fn page_svg(page: &PdfPage, res: &Resources) -> String {
    let (width, height) = (page.media_box.width.0, page.media_box.height.0);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.1} {height:.1}" width="{width:.1}" height="{height:.1}" font-family="Edaran Dokumen, Liberation Sans, Arial, sans-serif"><rect width="100%" height="100%" fill="#fff"/>"##
    );
    // The pen runs on from one text run to the next within a section, as
    // in the PDF.
    let (mut face, mut size, mut pen, mut y, mut thickness) = (0, 12.0, 0.0, 0.0, 1.0);
    for op in &page.ops {
        match op {
            Op::SetFont { font, size: s } => {
                face = match font {
                    PdfFontHandle::External(id) => {
                        res.fonts.iter().position(|f| f == id).unwrap_or(0)
                    }
                    _ => 0,
                };
                size = s.0;
            }
            Op::SetTextCursor { pos } => (pen, y) = (pos.x.0, pos.y.0),
            Op::ShowText { items } => {
                let bold = if all()[face].bold() {
                    r#" font-weight="bold""#
                } else {
                    ""
                };
                let italic = if all()[face].italic() {
                    r#" font-style="italic""#
                } else {
                    ""
                };
                let _ = write!(
                    svg,
                    r#"
<text y="{:.2}" font-size="{size}"{bold}{italic} xml:space="preserve">"#,
                    height - y
                );
                for item in items {
                    match item {
                        TextItem::Text(text) => {
                            let _ = write!(svg, r#"<tspan x="{pen:.2}">"#);
                            escape(text, &mut svg);
                            svg.push_str("</tspan>");
                            pen += all()[face].width(text, size);
                        }
                        TextItem::Offset(o) => pen -= o * size / 1000.0,
                        _ => {}
                    }
                }
                svg.push_str("</text>");
            }
            Op::SetOutlineThickness { pt } => thickness = pt.0,
            Op::DrawLine { line } => {
                let points: Vec<String> = line
                    .points
                    .iter()
                    .map(|p| format!("{:.2},{:.2}", p.p.x.0, height - p.p.y.0))
                    .collect();
                let _ = write!(
                    svg,
                    r#"
<polyline points="{}" fill="none" stroke="black" stroke-width="{thickness}"/>"#,
                    points.join(" ")
                );
            }
            Op::UseXobject { id, transform } => {
                if let Some(p) = res.pictures.get(id) {
                    let scale = transform.scale_x.unwrap_or(1.0);
                    let (w, h) = (p.width as f32 * scale, p.height as f32 * scale);
                    let left = transform.translate_x.map_or(0.0, |t| t.0);
                    let bottom = transform.translate_y.map_or(0.0, |t| t.0);
                    let _ = write!(
                        svg,
                        r#"
<image href="{}" x="{left:.2}" y="{:.2}" width="{w:.2}" height="{h:.2}"/>"#,
                        p.url,
                        height - bottom - h
                    );
                }
            }
            _ => {}
        }
    }
    svg.push_str("\n</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use crate::office::PaperSize;

    #[test]
    fn each_drawn_element_is_a_line_of_its_own() {
        let text = include_str!("../../../../tests/fixtures/muba-800-439-bkpsdm-2020.json");
        let c = crate::exchange::from_json(text).unwrap();
        for page in crate::pdf::preview(&c, PaperSize::F4, 20).unwrap().pages {
            let lines: Vec<&str> = page.lines().collect();
            assert!(lines[0].starts_with("<svg ") && lines[0].ends_with("/>"));
            assert_eq!(lines.last(), Some(&"</svg>"));
            for line in &lines[1..lines.len() - 1] {
                let closed = line.ends_with("</text>") || line.ends_with("/>");
                let element = ["<text ", "<polyline ", "<image "]
                    .iter()
                    .any(|e| line.starts_with(e));
                assert!(element && closed, "not one element: {line}");
            }
        }
    }
}
