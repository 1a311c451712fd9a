//! The points of the body: numbered with hanging indents, or plain
//! paragraphs; justified.

use super::flow::{Flow, Item, Part};
use super::fonts::{face, Weight};
use super::layout::wrap_marked;
use super::writer::{Align, Sheet};
use super::{BODY, LEADING, STEP};
use crate::circular::Point;

/// Space after each point.
pub(crate) const AFTER_POINT: f32 = 3.0;

/// Adds `points` (at nesting `depth`) to the flow, each a paragraph; a point
/// of one line with sub-points stays with the first of them.
pub(super) fn body<'a>(flow: &mut Flow<'a>, sheet: Sheet, points: &'a [Point], depth: usize) {
    let base = sheet.left + STEP * depth as f32;
    for (point, label) in points.iter().zip(Point::labels(points, depth)) {
        let text_x = if label.is_some() { base + STEP } else { base };
        let item = Item {
            label_x: base,
            label_width: STEP,
            text_x,
            width: sheet.width - sheet.right - text_x,
            size: BODY,
            leading: LEADING,
            align: Align::Justify,
        };
        let lines = wrap_marked(&point.text, face(Weight::Regular), BODY, item.width);
        let blocks = item.blocks(label, lines);
        let single = blocks.len() == 1;
        flow.paragraph(Part::Body, blocks);
        flow.space(AFTER_POINT);
        if single && !point.children.is_empty() {
            flow.keep_last(1);
        }
        body(flow, sheet, &point.children, depth + 1);
    }
}
