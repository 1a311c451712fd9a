//! The numbered points of the body.

use super::fonts::{face, Weight};
use super::layout::wrap_marked;
use super::writer::{Align, Writer};
use super::{numbering_label, BODY, LEADING, STEP};
use crate::circular::Point;

/// Numbered points with hanging indents, justified; a point's first two
/// lines never part at a page break.
pub(super) fn body(w: &mut Writer, points: &[Point], depth: usize) {
    let sheet = w.sheet;
    let base = sheet.left + STEP * depth as f32;
    let text_x = base + STEP;
    let width = sheet.width - sheet.right - text_x;
    for (i, point) in points.iter().enumerate() {
        let lines = wrap_marked(&point.text, face(Weight::Regular), BODY, width);
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
