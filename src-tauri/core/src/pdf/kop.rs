//! The kop (letterhead) at the top of a circular's first page.

use printpdf::XObjectId;

use super::fonts::{face, Weight};
use super::layout::wrap;
use super::writer::{Align, Writer};
use super::{LEADING, MM};
use crate::circular::Circular;

/// Kop: emblem left, tiers centred beside it (about 2:3:1), address lines, double rule.
pub(super) fn letterhead(w: &mut Writer, c: &Circular, emblem: Option<&(XObjectId, usize, usize)>) {
    let sheet = w.sheet;
    let top = w.y;
    let emblem_width = 22.0 * MM;
    let (x, width) = match emblem {
        Some(_) => (
            sheet.left + emblem_width + 3.0 * MM,
            sheet.text_width() - emblem_width - 3.0 * MM,
        ),
        None => (sheet.left, sheet.text_width()),
    };
    for (i, tier) in c.letterhead.tiers.iter().enumerate() {
        // A head of region's kop is one large tier; an office's is 2:3 over its address.
        let wanted = match (c.letterhead.tiers.len(), i) {
            (1, _) => 16.0,
            (_, 0) => 12.0,
            _ => 18.0,
        };
        let text = tier.to_uppercase();
        let size = fit(&text, Weight::Bold, wanted, 11.0, width);
        for line in wrap(&text, face(Weight::Bold), size, width) {
            w.y -= size * 1.1;
            w.laid_line(&line, Weight::Bold, size, x, width, Align::Center);
        }
    }
    for address in &c.letterhead.address_lines {
        for line in wrap(address, face(Weight::Regular), 7.5, width) {
            w.y -= 7.5 * 1.3;
            w.laid_line(&line, Weight::Regular, 7.5, x, width, Align::Center);
        }
    }
    let mut bottom = w.y - 4.0;
    if let Some((id, px_w, px_h)) = emblem {
        let height = emblem_width * *px_h as f32 / *px_w as f32;
        let kop_height = top - bottom;
        let y = top - (kop_height.max(height) + height) / 2.0;
        w.image(id, *px_w, sheet.left, y, emblem_width);
        bottom = bottom.min(y - 3.0);
    }
    w.rule(sheet.left, sheet.width - sheet.right, bottom, 2.2);
    w.rule(sheet.left, sheet.width - sheet.right, bottom - 2.8, 0.7);
    w.y = bottom - 2.8 - LEADING;
}

/// The largest size from `wanted` down to `min` at which `text` fits on one line.
pub(super) fn fit(text: &str, weight: Weight, wanted: f32, min: f32, width: f32) -> f32 {
    let natural = face(weight).width(text, wanted);
    if natural <= width {
        wanted
    } else {
        (wanted * width / natural).max(min)
    }
}
