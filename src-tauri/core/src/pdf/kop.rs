//! The kop (letterhead) at the top of a circular's first page, drawn as its
//! issuer's: a head of region's or a perangkat daerah's.

use printpdf::XObjectId;

use super::fonts::{face, Weight};
use super::layout::wrap;
use super::writer::{Align, Writer};
use super::{LEADING, MM};
use crate::circular::{Circular, KopKind};

/// A head of region's title line (`BUPATI X`) and the emblem's height above it.
const HEAD_TITLE: f32 = 16.0;
const HEAD_EMBLEM: f32 = 25.0 * MM;
/// An office kop's tiers, about 2:3:1 with the address still legible: the
/// lines above the office name (`PEMERINTAH KABUPATEN X`), the office name,
/// the address lines.
const GOVERNMENT: f32 = 14.0;
const OFFICE: f32 = 18.0;
const ADDRESS: f32 = 9.5;
/// Width of an office kop's emblem at the left, and the gap beside it.
const OFFICE_EMBLEM: f32 = 22.0 * MM;
const GAP: f32 = 3.0 * MM;

/// The kop of `c`, as its kind says.
pub(super) fn letterhead(w: &mut Writer, c: &Circular, emblem: Option<&(XObjectId, usize, usize)>) {
    match c.letterhead.kind {
        KopKind::KepalaDaerah => head_of_region(w, c, emblem),
        KopKind::PerangkatDaerah => office(w, c, emblem),
    }
}

/// Head of region: the emblem centred at the top margin, the title line(s)
/// centred below it, no rule.
fn head_of_region(w: &mut Writer, c: &Circular, emblem: Option<&(XObjectId, usize, usize)>) {
    let sheet = w.sheet;
    if let Some((id, px_w, px_h)) = emblem {
        let width = (HEAD_EMBLEM * *px_w as f32 / *px_h as f32).min(sheet.text_width());
        let height = width * *px_h as f32 / *px_w as f32;
        let x = sheet.left + (sheet.text_width() - width) / 2.0;
        w.image(id, *px_w, x, w.y - height, width);
        w.y -= height + 1.0 * MM;
    }
    let lines = c
        .letterhead
        .tiers
        .iter()
        .map(|t| (t.to_uppercase(), HEAD_TITLE));
    tiers(w, lines, sheet.left, sheet.text_width());
    address(w, c, sheet.left, sheet.text_width());
    w.y -= LEADING;
}

/// Perangkat daerah: the emblem at the left, tiers centred beside it, each
/// wrapped at its own size (never smaller than the tier above), the
/// address lines, and a double rule under all of it.
fn office(w: &mut Writer, c: &Circular, emblem: Option<&(XObjectId, usize, usize)>) {
    let sheet = w.sheet;
    let top = w.y;
    let (x, width) = match emblem {
        Some(_) => (
            sheet.left + OFFICE_EMBLEM + GAP,
            sheet.text_width() - OFFICE_EMBLEM - GAP,
        ),
        None => (sheet.left, sheet.text_width()),
    };
    let last = c.letterhead.tiers.len().saturating_sub(1);
    let lines = c.letterhead.tiers.iter().enumerate().map(|(i, tier)| {
        let size = if i == last { OFFICE } else { GOVERNMENT };
        (tier.to_uppercase(), size)
    });
    tiers(w, lines, x, width);
    address(w, c, x, width);
    let mut bottom = w.y - 4.0;
    if let Some((id, px_w, px_h)) = emblem {
        let height = OFFICE_EMBLEM * *px_h as f32 / *px_w as f32;
        let y = top - ((top - bottom).max(height) + height) / 2.0;
        w.image(id, *px_w, sheet.left, y, OFFICE_EMBLEM);
        bottom = bottom.min(y - 3.0);
    }
    w.rule(sheet.left, sheet.width - sheet.right, bottom, 2.2);
    w.rule(sheet.left, sheet.width - sheet.right, bottom - 2.8, 0.7);
    w.y = bottom - 2.8 - LEADING;
}

/// Bold centred lines, each wrapped within `width` at its size.
fn tiers(w: &mut Writer, lines: impl Iterator<Item = (String, f32)>, x: f32, width: f32) {
    for (text, size) in lines {
        for line in wrap(&text, face(Weight::Bold), size, width) {
            w.y -= size * 1.15;
            w.laid_line(&line, Weight::Bold, size, x, width, Align::Center);
        }
    }
}

fn address(w: &mut Writer, c: &Circular, x: f32, width: f32) {
    for text in &c.letterhead.address_lines {
        for line in wrap(text, face(Weight::Regular), ADDRESS, width) {
            w.y -= ADDRESS * 1.3;
            w.laid_line(&line, Weight::Regular, ADDRESS, x, width, Align::Center);
        }
    }
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
