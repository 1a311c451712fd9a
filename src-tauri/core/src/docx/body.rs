//! The points of the body in Word: numbered on the points' numbering
//! definition (its level is the point's depth), or plain paragraphs at the
//! depth's indent; justified, with inline italic and bold.

use super::xml::{marked, Font, Para};
use super::{Doc, POINTS};
use crate::circular::Point;
use crate::pdf::{AFTER_POINT, BODY, LEADING, STEP};

/// `points` at nesting `depth`, each with its sub-points after it; the
/// body's last paragraph (`closing`: these points end the body) stays with
/// the signature block.
pub(super) fn points(doc: &mut Doc, points: &[Point], depth: usize, closing: bool) {
    let labels = Point::labels(points, depth);
    for (i, (point, label)) in points.iter().zip(labels).enumerate() {
        let base = STEP * depth as f32;
        let mut p = Para::new()
            .justify()
            .line(LEADING)
            .after(AFTER_POINT)
            .size(BODY)
            .push(&marked(&point.text, Font::regular(BODY)));
        p = match label {
            Some(_) => p.numbered(POINTS, depth).indent(base + STEP, STEP),
            None => p.indent(base, 0.0),
        };
        let last = closing && i + 1 == points.len();
        if last || !point.children.is_empty() {
            p = p.keep_next();
        }
        doc.push(p);
        self::points(doc, &point.children, depth + 1, last);
    }
}
